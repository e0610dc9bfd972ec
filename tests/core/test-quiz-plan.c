/* test-quiz-plan.c: which questions a quiz asks
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Over the five fixture cases of tests/data/cases (their diagnoses, tags
 * and difficulties read by hand from the files): filters, the kinds taken
 * in turn, due cases most overdue first, mistakes newest first.
 */

#include "config.h"

#include <string.h>

#include "hep-test-cases.h"

#define NOW G_GINT64_CONSTANT (1767225600)   /* 2026-01-01T00:00:00Z */

static HepCaseStore *
open_store (void)
{
  g_autofree char *library = hep_test_fixture_library ();
  g_autoptr(GError) error = NULL;
  HepCaseStore *store = hep_case_store_new (":memory:", library, &error);

  g_assert_no_error (error);
  return store;
}

static GPtrArray *
plan (HepCaseStore          *store,
      const HepQuizPlanSpec *spec,
      GPtrArray             *warnings)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *p = hep_quiz_plan_new (store, spec, NOW, warnings, &error);

  g_assert_no_error (error);
  g_assert_nonnull (p);
  return p;
}

/* "case:kind case:kind", in plan order */
static char *
describe (GPtrArray *p)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < p->len; i++)
    {
      const HepQuizPlanItem *item = g_ptr_array_index (p, i);

      g_string_append_printf (s, "%s%s:%s", i ? " " : "", item->case_id, hep_quiz_kind_to_string (item->kind));
    }
  return g_string_free (s, FALSE);
}

/* the case ids, sorted, comma-separated */
static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static char *
sorted_ids (GPtrArray *p)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < p->len; i++)
    g_ptr_array_add (ids, ((HepQuizPlanItem *) g_ptr_array_index (p, i))->case_id);
  g_ptr_array_sort (ids, compare_strings);
  for (guint i = 0; i < ids->len; i++)
    g_string_append_printf (s, "%s%s", i ? "," : "", (char *) g_ptr_array_index (ids, i));
  return g_string_free (s, FALSE);
}

static void
test_quiz_plan_all_and_filters (void)
{
  g_autoptr(HepCaseStore) store = open_store ();
  static const struct {
    const char *diagnosis;
    const char *tag;
    int         difficulty;
    int         lirads;
    const char *expected;   /* sorted */
  } rows[] = {
    { NULL, NULL, 0, -1, "fx-abscess-gas,fx-adenoma-fat,fx-fnh-scar,fx-hcc-lr5,fx-met-rim" },
    { "hcc", NULL, 0, -1, "fx-hcc-lr5" },
    { NULL, "benign", 0, -1, "fx-adenoma-fat,fx-fnh-scar" },
    { NULL, NULL, 2, -1, "fx-hcc-lr5,fx-met-rim" },
    { NULL, NULL, 0, HEP_LIRADS_5, "fx-hcc-lr5" },
    { "fnh", "washout", 0, -1, "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      HepQuizPlanSpec spec;
      g_autoptr(GPtrArray) p = NULL;
      g_autofree char *ids = NULL;

      hep_quiz_plan_spec_init (&spec);
      spec.source = HEP_QUIZ_SOURCE_FILTER;
      spec.filter.diagnosis = rows[i].diagnosis;
      spec.filter.tag = rows[i].tag;
      spec.filter.difficulty = rows[i].difficulty;
      spec.filter.lirads = rows[i].lirads;
      spec.kinds = 1u << HEP_QUIZ_KIND_DIAGNOSIS;
      spec.seed = i;
      p = plan (store, &spec, NULL);
      ids = sorted_ids (p);
      g_assert_cmpstr (ids, ==, rows[i].expected);
      for (guint j = 0; j < p->len; j++)
        g_assert_cmpint (((HepQuizPlanItem *) g_ptr_array_index (p, j))->kind, ==, HEP_QUIZ_KIND_DIAGNOSIS);
    }

  /* the model's own filter is left alone */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 5);
}

static void
test_quiz_plan_count_seed_kinds (void)
{
  g_autoptr(HepCaseStore) store = open_store ();
  HepQuizPlanSpec spec;
  g_autoptr(GPtrArray) a = NULL;
  g_autoptr(GPtrArray) b = NULL;
  g_autofree char *text_a = NULL;
  g_autofree char *text_b = NULL;
  gboolean differs = FALSE;
  guint n_kind[HEP_N_QUIZ_KINDS] = { 0 };

  hep_quiz_plan_spec_init (&spec);
  spec.n_questions = 3;
  spec.seed = 42;
  a = plan (store, &spec, NULL);
  b = plan (store, &spec, NULL);
  g_assert_cmpuint (a->len, ==, 3);
  text_a = describe (a);
  text_b = describe (b);
  /* the same seed, the same quiz */
  g_assert_cmpstr (text_a, ==, text_b);
  /* another seed, another order (one of these differs) */
  for (guint32 seed = 1; seed < 8 && !differs; seed++)
    {
      g_autoptr(GPtrArray) c = NULL;
      g_autofree char *text_c = NULL;

      spec.seed = seed;
      c = plan (store, &spec, NULL);
      text_c = describe (c);
      differs = g_strcmp0 (text_c, text_a) != 0;
    }
  g_assert_true (differs);

  /* features and diagnosis in turn over the five cases: each kind asked,
   * each case once */
  spec.n_questions = 0;
  spec.kinds = (1u << HEP_QUIZ_KIND_FEATURES) | (1u << HEP_QUIZ_KIND_DIAGNOSIS);
  g_clear_pointer (&a, g_ptr_array_unref);
  a = plan (store, &spec, NULL);
  g_assert_cmpuint (a->len, ==, 5);
  for (guint i = 0; i < a->len; i++)
    n_kind[((HepQuizPlanItem *) g_ptr_array_index (a, i))->kind]++;
  g_assert_cmpuint (n_kind[HEP_QUIZ_KIND_FEATURES], >=, 2);
  g_assert_cmpuint (n_kind[HEP_QUIZ_KIND_DIAGNOSIS], >=, 2);
  g_assert_cmpuint (n_kind[HEP_QUIZ_KIND_LIRADS] + n_kind[HEP_QUIZ_KIND_NEXT_TEST], ==, 0);
  {
    g_autofree char *ids = sorted_ids (a);

    g_assert_cmpstr (ids, ==, "fx-abscess-gas,fx-adenoma-fat,fx-fnh-scar,fx-hcc-lr5,fx-met-rim");
  }

  /* LI-RADS only: the one at-risk case (risk=cirrhosis) */
  spec.kinds = 1u << HEP_QUIZ_KIND_LIRADS;
  g_clear_pointer (&a, g_ptr_array_unref);
  a = plan (store, &spec, NULL);
  g_clear_pointer (&text_a, g_free);
  text_a = describe (a);
  g_assert_cmpstr (text_a, ==, "fx-hcc-lr5:lirads");
}

static void
test_quiz_plan_due (void)
{
  g_autoptr(HepCaseStore) store = open_store ();
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) p = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  HepQuizPlanSpec spec;
  static const struct {
    const char *id;
    gint64 due;
  } rows[] = {
    { "fx-fnh-scar", NOW - 10 },
    { "gone-case", NOW - 50 },
    { "fx-hcc-lr5", NOW - 100 },
    { "fx-met-rim", NOW + 100 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      HepReviewState state = { HEP_REVIEW_ITEM_CASE, (char *) rows[i].id, (char *) "review", rows[i].due,
                               3, 2.5, 3.0, 5.0, 2, 0, rows[i].due - 3 * 86400, 0 };

      g_assert_true (hep_case_store_put_review_state (store, &state, &error));
      g_assert_no_error (error);
    }
  hep_quiz_plan_spec_init (&spec);
  spec.source = HEP_QUIZ_SOURCE_DUE;
  spec.kinds = 1u << HEP_QUIZ_KIND_DIAGNOSIS;
  p = plan (store, &spec, warnings);
  text = describe (p);
  g_assert_cmpstr (text, ==, "fx-hcc-lr5:diagnosis fx-fnh-scar:diagnosis");
  g_assert_cmpuint (warnings->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (warnings, 0), "gone-case"));
}

/* Skills due are asked too, each on a case that exercises it: a feature
 * on a case with that feature (a features question), a diagnosis pair on
 * a case of one of the two, an LI-RADS rule on a case whose path holds it;
 * never a case twice, never a skill no case of the quiz's kinds exercises. */
static void
test_quiz_plan_due_skills (void)
{
  g_autoptr(HepCaseStore) store = open_store ();
  g_autoptr(GPtrArray) p = NULL;
  g_autoptr(GError) error = NULL;
  HepQuizPlanSpec spec;
  static const char *skills[] = { "ddx:adenoma-vs-fnh", "feature:washout", "lirads:no-such-rule" };

  for (guint i = 0; i < G_N_ELEMENTS (skills); i++)
    {
      HepReviewState state = { HEP_REVIEW_ITEM_SKILL, (char *) skills[i], (char *) "review", NOW - 10 * (i + 1),
                               3, 2.5, 3.0, 5.0, 2, 0, NOW - 3 * 86400, 0 };

      g_assert_true (hep_case_store_put_review_state (store, &state, &error));
      g_assert_no_error (error);
    }
  hep_quiz_plan_spec_init (&spec);
  spec.source = HEP_QUIZ_SOURCE_DUE;
  p = plan (store, &spec, NULL);
  /* the rule no case holds gives no question */
  g_assert_cmpuint (p->len, ==, 2);
  for (guint i = 0; i < p->len; i++)
    {
      const HepQuizPlanItem *item = g_ptr_array_index (p, i);
      g_autoptr(HepCase) c = hep_case_store_get_case (store, item->case_id, &error);

      g_assert_no_error (error);
      if (item->kind == HEP_QUIZ_KIND_DIAGNOSIS)
        g_assert_true (g_str_equal (hep_case_get_diagnosis (c), "fnh") ||
                       g_str_equal (hep_case_get_diagnosis (c), "adenoma"));
      else
        {
          g_assert_cmpint (item->kind, ==, HEP_QUIZ_KIND_FEATURES);
          g_assert_true (hep_feature_set_is_set (hep_case_get_features (c), HEP_FEATURE_WASHOUT));
        }
    }
  g_assert_cmpstr (((HepQuizPlanItem *) g_ptr_array_index (p, 0))->case_id, !=,
                   ((HepQuizPlanItem *) g_ptr_array_index (p, 1))->case_id);

  /* a quiz of LI-RADS questions only: neither skill can be asked */
  g_clear_pointer (&p, g_ptr_array_unref);
  spec.kinds = 1u << HEP_QUIZ_KIND_LIRADS;
  p = plan (store, &spec, NULL);
  g_assert_cmpuint (p->len, ==, 0);
}

static void
record (HepCaseStore *store,
        const char   *case_id,
        HepQuizKind   kind,
        const char   *choice,
        gboolean      wrong,
        gint64        now)
{
  g_autoptr(HepCase) c = hep_test_load_case (case_id);
  g_autoptr(GError) error = NULL;
  g_autoptr(HepQuizQuestion) q = hep_quiz_question_new (c, kind, 3, &error);
  g_autoptr(HepQuizOutcome) o = NULL;
  HepFsrsParams params;
  HepQuizResponse r;

  g_assert_no_error (error);
  hep_fsrs_params_init_default (&params);
  hep_quiz_response_init (&r);
  if (choice == NULL)   /* the key, or the first option that is not */
    for (guint i = 0; i < q->options->len && choice == NULL; i++)
      if (((int) i == q->key) != wrong)
        choice = ((HepQuizOption *) g_ptr_array_index (q->options, i))->id;
  r.choice = choice;
  o = hep_quiz_outcome_new (q, &r, NULL);
  g_assert_cmpint (o->correct, ==, !wrong);
  g_assert_cmpint (hep_quiz_record_answer (store, &params, q, &r, o, "s", "tutor", now, &error), >, 0);
  g_assert_no_error (error);
}

static void
test_quiz_plan_mistakes (void)
{
  g_autoptr(HepCaseStore) store = open_store ();
  g_autoptr(GPtrArray) p = NULL;
  g_autofree char *text = NULL;
  HepQuizPlanSpec spec;

  record (store, "fx-fnh-scar", HEP_QUIZ_KIND_DIAGNOSIS, NULL, TRUE, NOW);
  record (store, "fx-hcc-lr5", HEP_QUIZ_KIND_LIRADS, NULL, TRUE, NOW + 60);
  record (store, "fx-hcc-lr5", HEP_QUIZ_KIND_LIRADS, NULL, FALSE, NOW + 120);   /* put right */
  record (store, "fx-met-rim", HEP_QUIZ_KIND_DIAGNOSIS, NULL, TRUE, NOW + 180);
  record (store, "fx-adenoma-fat", HEP_QUIZ_KIND_DIAGNOSIS, NULL, FALSE, NOW + 240);

  hep_quiz_plan_spec_init (&spec);
  spec.source = HEP_QUIZ_SOURCE_MISTAKES;
  spec.kinds = 1u << HEP_QUIZ_KIND_FEATURES;   /* a mistake is asked in its own kind */
  p = plan (store, &spec, NULL);
  text = describe (p);
  g_assert_cmpstr (text, ==, "fx-met-rim:diagnosis fx-fnh-scar:diagnosis");

  spec.n_questions = 1;
  g_clear_pointer (&p, g_ptr_array_unref);
  p = plan (store, &spec, NULL);
  g_assert_cmpuint (p->len, ==, 1);
}

/* A plan as text and back; a bad line is named. */
static void
test_quiz_plan_strv (void)
{
  g_autoptr(HepCaseStore) store = open_store ();
  g_autoptr(GPtrArray) p = NULL;
  g_autoptr(GPtrArray) back = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  HepQuizPlanSpec spec;
  static const char * const bad[][3] = {
    { "fx-hcc-lr5 lirads 7", "fx-fnh-scar quiz 1", NULL },     /* an unknown kind */
    { "fx-hcc-lr5 lirads", NULL, NULL },                       /* no seed */
    { "fx-hcc-lr5 lirads 4294967296", NULL, NULL },            /* past 32 bits */
  };

  hep_quiz_plan_spec_init (&spec);
  spec.seed = 5;
  p = plan (store, &spec, NULL);
  lines = hep_quiz_plan_to_strv (p);
  g_assert_cmpuint (g_strv_length (lines), ==, p->len);
  g_assert_true (g_str_has_prefix (lines[0], ((HepQuizPlanItem *) p->pdata[0])->case_id));
  back = hep_quiz_plan_from_strv ((const char * const *) lines, &error);
  g_assert_no_error (error);
  a = describe (p);
  b = describe (back);
  g_assert_cmpstr (a, ==, b);
  for (guint i = 0; i < p->len; i++)
    g_assert_cmpuint (((HepQuizPlanItem *) p->pdata[i])->seed, ==, ((HepQuizPlanItem *) back->pdata[i])->seed);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GPtrArray) none = hep_quiz_plan_from_strv (bad[i], &error);

      g_assert_null (none);
      g_assert_error (error, HEP_CASE_STORE_ERROR, HEP_CASE_STORE_ERROR_INVALID);
      g_clear_error (&error);
    }
}

/* A logged answer gives back the response, which scores the same. */
static void
test_quiz_plan_response_from_log (void)
{
  g_autoptr(HepCaseStore) store = open_store ();
  g_autoptr(GPtrArray) log = NULL;
  g_autoptr(GError) error = NULL;
  static const struct {
    const char *case_id;
    HepQuizKind kind;
    gboolean    wrong;
  } rows[] = {
    { "fx-fnh-scar", HEP_QUIZ_KIND_DIAGNOSIS, TRUE },
    { "fx-hcc-lr5", HEP_QUIZ_KIND_LIRADS, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    record (store, rows[i].case_id, rows[i].kind, NULL, rows[i].wrong, NOW + i);
  log = hep_case_store_list_session (store, "s", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (log->len, ==, G_N_ELEMENTS (rows));
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      const HepQuizLogEntry *e = g_ptr_array_index (log, i);
      g_autoptr(HepCase) c = hep_test_load_case (rows[i].case_id);
      g_autoptr(HepQuizQuestion) q = hep_quiz_question_new (c, rows[i].kind, 3, &error);
      g_autoptr(HepQuizQuestion) other = hep_quiz_question_new (c, HEP_QUIZ_KIND_FEATURES, 3, &error);
      g_autoptr(HepQuizOutcome) o = NULL;
      g_autofree char *choice = NULL;
      g_autofree char *none = NULL;
      HepQuizResponse r;

      g_assert_true (hep_quiz_response_from_log (q, e, &r, &choice));
      g_assert_cmpstr (r.choice, ==, e->answer);
      /* wrong is again; right but unsure (the default) is hard */
      g_assert_cmpstr (e->grade, ==, rows[i].wrong ? "again" : "hard");
      g_assert_cmpint (r.grade, ==, rows[i].wrong ? HEP_FSRS_RATING_AGAIN : HEP_FSRS_RATING_HARD);
      g_assert_cmpint (r.confidence, ==, HEP_QUIZ_CONFIDENCE_UNSURE);
      o = hep_quiz_outcome_new (q, &r, NULL);
      g_assert_cmpint (o->correct, ==, !rows[i].wrong);
      g_assert_cmpstr (o->answer, ==, e->answer);
      /* a row of another kind does not fit */
      g_assert_false (hep_quiz_response_from_log (other, e, &r, &none));
      g_assert_null (none);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/quiz/plan/all-and-filters", test_quiz_plan_all_and_filters);
  g_test_add_func ("/quiz/plan/count-seed-kinds", test_quiz_plan_count_seed_kinds);
  g_test_add_func ("/quiz/plan/due", test_quiz_plan_due);
  g_test_add_func ("/quiz/plan/due-skills", test_quiz_plan_due_skills);
  g_test_add_func ("/quiz/plan/mistakes", test_quiz_plan_mistakes);
  g_test_add_func ("/quiz/plan/strv", test_quiz_plan_strv);
  g_test_add_func ("/quiz/plan/response-from-log", test_quiz_plan_response_from_log);

  return g_test_run ();
}
