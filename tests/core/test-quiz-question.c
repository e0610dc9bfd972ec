/* test-quiz-question.c: questions made from a case's data
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The expectations are derived by hand from the fixtures in
 * tests/data/cases and the rules (clinical-rules §1, §3, §5): which kinds a
 * case can make, the key, and for the diagnosis the plausible alternatives.
 */

#include "config.h"

#include <string.h>

#include "hep-test-cases.h"

/* Every question kind of every fixture: whether the case can make it and
 * its key ("" for the features kind, whose key is a feature set). */
static void
test_quiz_question_kinds (void)
{
  static const struct {
    const char *case_id;
    const char *kind;
    gboolean    possible;
    const char *key;
  } rows[] = {
    /* cirrhosis, 22 mm, nonrim APHE, washout, capsule: LR-5 (§1.5 table) */
    { "fx-hcc-lr5", "features", TRUE, "" },
    { "fx-hcc-lr5", "lirads", TRUE, "LR-5" },
    { "fx-hcc-lr5", "diagnosis", TRUE, "hcc" },
    /* variant 5 (> 1 cm on US, chronic liver disease) rates only CEUS:
     * no lower-rated test to set against it */
    { "fx-hcc-lr5", "next-test", FALSE, NULL },
    /* risk=none: LI-RADS does not apply */
    { "fx-fnh-scar", "lirads", FALSE, NULL },
    { "fx-fnh-scar", "diagnosis", TRUE, "fnh" },
    /* variant 2 (> 1 cm on CT, normal liver): MRI without and with contrast
     * and multiphase CT are both usually appropriate; the question offers
     * the first and only tests rated lower */
    { "fx-fnh-scar", "next-test", TRUE, "mri-wo-w" },
    { "fx-adenoma-fat", "lirads", FALSE, NULL },
    { "fx-adenoma-fat", "diagnosis", TRUE, "adenoma" },
    /* no risk given: no LI-RADS; no context: no next-imaging scenario */
    { "fx-abscess-gas", "lirads", FALSE, NULL },
    { "fx-abscess-gas", "next-test", FALSE, NULL },
    { "fx-abscess-gas", "diagnosis", TRUE, "abscess" },
    { "fx-abscess-gas", "features", TRUE, "" },
    /* variant 4 rates only MRI */
    { "fx-met-rim", "next-test", FALSE, NULL },
    { "fx-met-rim", "diagnosis", TRUE, "met-hypovascular" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(HepCase) c = hep_test_load_case (rows[i].case_id);
      g_autoptr(HepQuizQuestion) q = NULL;
      g_autoptr(GError) error = NULL;
      HepQuizKind kind;

      g_test_message ("%s %s", rows[i].case_id, rows[i].kind);
      g_assert_true (hep_quiz_kind_from_string (rows[i].kind, &kind));
      g_assert_cmpint (hep_quiz_question_is_possible (c, kind), ==, rows[i].possible);
      q = hep_quiz_question_new (c, kind, 7, &error);
      if (!rows[i].possible)
        {
          g_assert_error (error, HEP_QUIZ_QUESTION_ERROR, HEP_QUIZ_QUESTION_ERROR_NOT_APPLICABLE);
          g_assert_null (q);
          continue;
        }
      g_assert_no_error (error);
      g_assert_nonnull (q);
      g_assert_cmpint (q->kind, ==, kind);
      g_assert_cmpstr (q->case_id, ==, rows[i].case_id);
      if (kind == HEP_QUIZ_KIND_FEATURES)
        {
          g_assert_cmpint (q->key, ==, -1);
          g_assert_cmpuint (q->options->len, ==, 0);
        }
      else
        {
          g_assert_cmpint (q->key, >=, 0);
          g_assert_cmpint (q->key, <, (int) q->options->len);
          g_assert_cmpstr (((HepQuizOption *) g_ptr_array_index (q->options, q->key))->id, ==, rows[i].key);
          g_assert_cmpint (hep_quiz_question_find_option (q, rows[i].key), ==, q->key);
        }
    }
}

/* The features question: the key is the case's imaging features, which the
 * stem leaves out; the context and the size stay in the stem. */
static void
test_quiz_question_features_key (void)
{
  static const struct {
    const char *case_id;
    const char *key;     /* hep_feature_set_to_string of the key */
    const char *given;   /* … of what the stem gives */
  } rows[] = {
    { "fx-hcc-lr5", "aphe=nonrim washout capsule", "risk=cirrhosis age=61 sex=m size=22" },
    { "fx-fnh-scar", "aphe=nonrim central-scar hbp=iso-hyper", "risk=none age=29 sex=f size=40" },
    { "fx-abscess-gas", "aphe=rim gas", "age=66 sex=f fever size=55" },
    { "fx-met-rim", "aphe=rim peripheral-washout dwi=targetoid", "age=70 sex=m known-malignancy size=30" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(HepCase) c = hep_test_load_case (rows[i].case_id);
      g_autoptr(HepQuizQuestion) q = hep_quiz_question_new (c, HEP_QUIZ_KIND_FEATURES, 1, NULL);
      g_autofree char *key = hep_feature_set_to_string (&q->key_features);
      g_autofree char *given = hep_feature_set_to_string (&q->given);

      g_assert_cmpstr (key, ==, rows[i].key);
      g_assert_cmpstr (given, ==, rows[i].given);
    }
}

/* Distractors: the plausible diagnoses the differential ranks next, never
 * the answer, never twice, 1–4 of them; the same seed gives the same order,
 * and the key follows the answer wherever it goes. */
static void
test_quiz_question_distractors (void)
{
  static const struct {
    const char *case_id;
    const char *must_offer;   /* a distractor the features make plausible */
  } rows[] = {
    /* LR-5 in cirrhosis; nonrim APHE also speaks for a hypervascular metastasis */
    { "fx-hcc-lr5", "met-hypervascular" },
    /* nonrim APHE in a young woman: the adenoma is the classic alternative */
    { "fx-fnh-scar", "adenoma" },
    { "fx-adenoma-fat", "fnh" },
    /* rim APHE with gas and fever: rim APHE speaks for metastasis and ICC */
    { "fx-abscess-gas", "met-hypovascular" },
    { "fx-met-rim", "icc" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(HepCase) c = hep_test_load_case (rows[i].case_id);
      g_autoptr(HepQuizQuestion) q = hep_quiz_question_new (c, HEP_QUIZ_KIND_DIAGNOSIS, 42, NULL);
      g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
      g_autoptr(GHashTable) orders = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      HepDdxResult ddx;

      g_test_message ("%s", rows[i].case_id);
      g_assert_nonnull (q);
      g_assert_cmpuint (q->options->len, >=, 2);
      g_assert_cmpuint (q->options->len, <=, 1 + HEP_QUIZ_MAX_DISTRACTORS);
      hep_ddx_evaluate (hep_case_get_features (c), &ddx);
      for (guint j = 0; j < q->options->len; j++)
        {
          HepQuizOption *option = g_ptr_array_index (q->options, j);
          HepDdxDiagnosis d;

          g_assert_false (g_hash_table_contains (seen, option->id));
          g_hash_table_add (seen, option->id);
          g_assert_true (hep_ddx_diagnosis_from_string (option->id, &d));
          g_assert_cmpstr (option->label, ==, hep_ddx_diagnosis_get_label (d));
          if ((int) j == q->key)
            g_assert_cmpstr (option->id, ==, hep_case_get_diagnosis (c));
          else
            {
              const HepDdxEntry *entry = hep_ddx_result_find (&ddx, d, NULL);

              g_assert_cmpstr (option->id, !=, hep_case_get_diagnosis (c));
              g_assert_true (entry->pinned_by >= 0 || entry->n_for > 0);
            }
        }
      g_assert_true (g_hash_table_contains (seen, rows[i].must_offer));

      /* the seed decides the order, and only the seed */
      for (guint32 seed = 0; seed < 24; seed++)
        {
          g_autoptr(HepQuizQuestion) a = hep_quiz_question_new (c, HEP_QUIZ_KIND_DIAGNOSIS, seed, NULL);
          g_autoptr(HepQuizQuestion) b = hep_quiz_question_new (c, HEP_QUIZ_KIND_DIAGNOSIS, seed, NULL);
          GString *order = g_string_new (NULL);

          g_assert_cmpuint (a->options->len, ==, q->options->len);
          for (guint j = 0; j < a->options->len; j++)
            {
              HepQuizOption *x = g_ptr_array_index (a->options, j), *y = g_ptr_array_index (b->options, j);

              g_assert_cmpstr (x->id, ==, y->id);
              g_string_append_printf (order, "%s ", x->id);
            }
          g_assert_cmpstr (((HepQuizOption *) g_ptr_array_index (a->options, a->key))->id, ==,
                           hep_case_get_diagnosis (c));
          g_hash_table_add (orders, g_string_free (order, FALSE));
        }
      g_assert_cmpuint (g_hash_table_size (orders), >, 1);
    }
}

/* The distractors of hand-made feature sets: at most four, the answer
 * excluded even when the differential ranks it first or last. */
static void
test_quiz_question_distractors_built (void)
{
  static const struct {
    const char *features;
    const char *diagnosis;
    const char *offered;   /* a distractor that must be there, or NULL */
  } rows[] = {
    /* LR-5 pins HCC; a case proven otherwise still gets HCC offered first */
    { "risk=cirrhosis size=25 aphe=nonrim washout capsule", "icc", "hcc" },
    { "risk=cirrhosis size=25 aphe=nonrim washout capsule", "hcc", NULL },
    /* the hemangioma signature pins the hemangioma (hard rule) */
    { "risk=none size=30 peripheral-nodular centripetal-fill t2=marked", "met-hypovascular", "hemangioma" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(HepCase) c = hep_case_new ("built");
      g_autoptr(HepQuizQuestion) q = NULL;
      g_autoptr(GError) error = NULL;
      HepFeatureSet fs;
      guint n_answer = 0;

      hep_feature_set_init (&fs);
      g_assert_true (hep_feature_set_parse (&fs, rows[i].features, &error));
      hep_case_set_features (c, &fs);
      hep_case_set_diagnosis (c, rows[i].diagnosis);
      hep_case_set_history (c, "History.");
      hep_case_set_presentation (c, "Presentation.");
      q = hep_quiz_question_new (c, HEP_QUIZ_KIND_DIAGNOSIS, 3, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (q->options->len, <=, 5);
      for (guint j = 0; j < q->options->len; j++)
        n_answer += g_str_equal (((HepQuizOption *) g_ptr_array_index (q->options, j))->id, rows[i].diagnosis);
      g_assert_cmpuint (n_answer, ==, 1);
      if (rows[i].offered)
        g_assert_cmpint (hep_quiz_question_find_option (q, rows[i].offered), >=, 0);
    }
}

static gboolean
contains (const char *haystack,
          const char *needle)
{
  return needle != NULL && *needle != '\0' && strstr (haystack, needle) != NULL;
}

/* Nothing hep-case-spoilers.h hides is in the stem of @q; the history and
 * presentation are; no imaging feature is stated. */
static void
check_stem (HepCase               *c,
            const HepQuizQuestion *q)
{
  g_autofree char *stem = hep_quiz_question_dup_stem_text (q);
  const char * const *texts;

  g_assert_true (contains (stem, hep_case_get_history (c)));
  g_assert_true (contains (stem, hep_case_get_presentation (c)));
  if (hep_case_hides (c, HEP_CASE_SPOILER_TITLE))
    g_assert_false (contains (stem, hep_case_get_title (c)));
  /* each phase's findings as shown, or not at all (a hidden text may
   * happen to be a few words found elsewhere too, "Isointense.") */
  for (int p = 0; p < HEP_N_CASE_PHASES; p++)
    {
      const char *text = hep_case_get_findings (c, p);
      const HepQuizFinding *shown = NULL;

      for (guint i = 0; i < q->findings->len; i++)
        if (((HepQuizFinding *) g_ptr_array_index (q->findings, i))->phase == (HepCasePhase) p)
          shown = g_ptr_array_index (q->findings, i);
      if (text == NULL || *text == '\0' || hep_case_hides (c, HEP_CASE_SPOILER_FINDINGS (p)))
        g_assert_null (shown);
      else
        {
          g_assert_nonnull (shown);
          g_assert_cmpstr (shown->text, ==, text);
          g_assert_true (contains (stem, text));
        }
    }
  texts = hep_case_get_teaching_points (c);
  for (guint j = 0; texts && texts[j]; j++)
    g_assert_false (contains (stem, texts[j]));
  texts = hep_case_get_pitfalls (c);
  for (guint j = 0; texts && texts[j]; j++)
    g_assert_false (contains (stem, texts[j]));
  for (int f = 0; f < HEP_N_FEATURES; f++)
    if (hep_quiz_is_perception_feature (f))
      g_assert_false (hep_feature_set_is_set (&q->given, f));
}

/* The options of a choice question: never twice; for a diagnosis question,
 * the answer once and only plausible distractors. */
static void
check_options (HepCase               *c,
               const HepQuizQuestion *q)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  HepDdxResult ddx;

  if (q->kind == HEP_QUIZ_KIND_FEATURES)
    return;
  g_assert_cmpint (q->key, >=, 0);
  g_assert_cmpint (q->key, <, (int) q->options->len);
  hep_ddx_evaluate (hep_case_get_features (c), &ddx);
  for (guint j = 0; j < q->options->len; j++)
    {
      HepQuizOption *option = g_ptr_array_index (q->options, j);
      HepDdxDiagnosis d;

      g_assert_false (g_hash_table_contains (seen, option->id));
      g_hash_table_add (seen, option->id);
      if (q->kind != HEP_QUIZ_KIND_DIAGNOSIS)
        continue;
      g_assert_true (hep_ddx_diagnosis_from_string (option->id, &d));
      if ((int) j == q->key)
        g_assert_cmpstr (option->id, ==, hep_case_get_diagnosis (c));
      else
        {
          const HepDdxEntry *entry = hep_ddx_result_find (&ddx, d, NULL);

          g_assert_cmpstr (option->id, !=, hep_case_get_diagnosis (c));
          g_assert_true (entry->pinned_by >= 0 || entry->n_for > 0);
        }
    }
  if (q->kind == HEP_QUIZ_KIND_DIAGNOSIS)
    g_assert_cmpuint (q->options->len, <=, 1 + HEP_QUIZ_MAX_DISTRACTORS);
}

/* The stem gives nothing away: nothing hep-case-spoilers.h hides is in it,
 * and it names no diagnosis. */
static void
test_quiz_question_stem_hides (void)
{
  static const char * const ids[] = {
    "fx-hcc-lr5", "fx-fnh-scar", "fx-adenoma-fat", "fx-abscess-gas", "fx-met-rim",
  };

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    for (int kind = 0; kind < HEP_N_QUIZ_KINDS; kind++)
      {
        g_autoptr(HepCase) c = hep_test_load_case (ids[i]);
        g_autoptr(HepQuizQuestion) q = hep_quiz_question_new (c, kind, 5, NULL);
        g_autofree char *stem = NULL;
        HepDiagnosisMatch match;

        if (q == NULL)
          continue;
        stem = hep_quiz_question_dup_stem_text (q);
        g_test_message ("%s %s:\n%s", ids[i], hep_quiz_kind_to_string (kind), stem);
        g_assert_false (hep_diagnosis_find_name (stem, &match));
        g_assert_cmpint (contains (stem, hep_case_get_title (c)), ==,
                         !hep_case_hides (c, HEP_CASE_SPOILER_TITLE));
        g_assert_false (contains (stem, hep_case_diagnosis_get_label (hep_case_get_diagnosis (c))));
        check_stem (c, q);
        check_options (c, q);
        if (kind == HEP_QUIZ_KIND_FEATURES)
          g_assert_cmpuint (hep_feature_set_equal (&q->features, &q->key_features), ==, FALSE);
      }
}

/* Every bundled teaching case makes a features and a diagnosis question,
 * and every question any of them makes keeps the rules above. */
static void
test_quiz_question_bundled (void)
{
  g_autofree char *dir_path = g_test_build_filename (G_TEST_DIST, "..", "data", "cases", NULL);
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) error = NULL;
  const char *name;
  guint n_cases = 0, n_questions[HEP_N_QUIZ_KINDS] = { 0 };

  dir = g_dir_open (dir_path, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      g_autoptr(HepCase) c = NULL;

      if (!g_str_has_suffix (name, ".case"))
        continue;
      path = g_build_filename (dir_path, name, NULL);
      c = hep_case_source_load_file (path, &error);
      g_assert_no_error (error);
      n_cases++;
      for (int kind = 0; kind < HEP_N_QUIZ_KINDS; kind++)
        {
          g_autoptr(HepQuizQuestion) q = hep_quiz_question_new (c, kind, n_cases, NULL);

          g_assert_cmpint (q != NULL, ==, hep_quiz_question_is_possible (c, kind));
          if (q == NULL)
            {
              g_assert_cmpint (kind, !=, HEP_QUIZ_KIND_FEATURES);
              g_assert_cmpint (kind, !=, HEP_QUIZ_KIND_DIAGNOSIS);
              continue;
            }
          n_questions[kind]++;
          check_stem (c, q);
          check_options (c, q);
          /* the LI-RADS key is the engine's category for the case's features */
          if (kind == HEP_QUIZ_KIND_LIRADS)
            g_assert_cmpstr (((HepQuizOption *) g_ptr_array_index (q->options, q->key))->id, ==,
                             hep_lirads_category_to_string (hep_lirads_evaluate (hep_case_get_features (c), NULL)));
        }
    }
  g_assert_cmpuint (n_cases, >, 50);
  g_test_message ("%u cases: %u features, %u LI-RADS, %u diagnosis, %u next-test questions", n_cases,
                  n_questions[0], n_questions[1], n_questions[2], n_questions[3]);
  g_assert_cmpuint (n_questions[HEP_QUIZ_KIND_LIRADS], >, 0);
  g_assert_cmpuint (n_questions[HEP_QUIZ_KIND_NEXT_TEST], >, 0);
}

/* A case whose title and portal findings name the diagnosis, and whose
 * author lists the arterial findings as a spoiler: none of it in the stem;
 * the explanation keeps the teaching points and pitfalls. */
static void
test_quiz_question_stem_spoilers (void)
{
  g_autoptr(HepCase) c = hep_case_new ("built-spoilers");
  g_autoptr(HepQuizQuestion) q = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *stem = NULL;
  static const char * const points[] = { "Washout and capsule make LR-5.", NULL };
  static const char * const pitfalls[] = { "Do not call a rim nonrim.", NULL };
  HepFeatureSet fs;

  hep_feature_set_init (&fs);
  g_assert_true (hep_feature_set_parse (&fs, "risk=cirrhosis size=25 aphe=nonrim washout capsule", &error));
  hep_case_set_features (c, &fs);
  hep_case_set_title (c, "Hepatocellular carcinoma in cirrhosis");
  hep_case_set_history (c, "Hepatitis C cirrhosis.");
  hep_case_set_presentation (c, "New nodule on surveillance.");
  hep_case_set_diagnosis (c, "hcc");
  hep_case_set_findings (c, HEP_CASE_PHASE_ARTERIAL, "Bright arterial nodule.");
  hep_case_set_findings (c, HEP_CASE_PHASE_PORTAL, "Washout typical of HCC.");
  hep_case_set_findings (c, HEP_CASE_PHASE_DELAYED, "Enhancing capsule.");
  hep_case_set_spoilers (c, HEP_CASE_SPOILER_DEFAULT | HEP_CASE_SPOILER_FINDINGS (HEP_CASE_PHASE_ARTERIAL));
  hep_case_set_teaching_points (c, points);
  hep_case_set_pitfalls (c, pitfalls);

  q = hep_quiz_question_new (c, HEP_QUIZ_KIND_LIRADS, 0, &error);
  g_assert_no_error (error);
  stem = hep_quiz_question_dup_stem_text (q);
  g_assert_null (q->title);
  g_assert_false (contains (stem, "Hepatocellular"));
  g_assert_false (contains (stem, "Bright arterial nodule."));
  g_assert_false (contains (stem, "typical of HCC"));
  g_assert_false (contains (stem, points[0]));
  g_assert_false (contains (stem, pitfalls[0]));
  g_assert_true (contains (stem, "Enhancing capsule."));
  g_assert_true (contains (stem, "Hepatitis C cirrhosis."));
  g_assert_cmpuint (q->findings->len, ==, 1);
  /* the features of the hidden phases are not stated either */
  g_assert_false (contains (stem, "aphe"));
  g_assert_false (contains (stem, "washout"));
  g_assert_true (contains (stem, "risk=cirrhosis size=25"));

  /* the explanation, for after the answer */
  g_assert_cmpstr (q->diagnosis, ==, "hcc");
  g_assert_cmpint (q->lirads, ==, HEP_LIRADS_5);
  g_assert_cmpstr (g_ptr_array_index (q->lirads_path, 0), ==, hep_lirads_rule_get_id (HEP_LIRADS_RULE_POPULATION));
  g_assert_true (g_ptr_array_find_with_equal_func (q->lirads_path, hep_lirads_rule_get_id (HEP_LIRADS_RULE_TABLE),
                                                   g_str_equal, NULL));
  g_assert_cmpuint (q->evidence->len, >, 0);
  g_assert_cmpuint (q->teaching_points->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (q->teaching_points, 0), ==, points[0]);
  g_assert_cmpstr (g_ptr_array_index (q->pitfalls, 0), ==, pitfalls[0]);
  g_assert_cmpstr (((HepQuizOption *) g_ptr_array_index (q->options, q->key))->id, ==, "LR-5");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/quiz/question/kinds", test_quiz_question_kinds);
  g_test_add_func ("/quiz/question/features-key", test_quiz_question_features_key);
  g_test_add_func ("/quiz/question/distractors", test_quiz_question_distractors);
  g_test_add_func ("/quiz/question/distractors-built", test_quiz_question_distractors_built);
  g_test_add_func ("/quiz/question/stem-hides", test_quiz_question_stem_hides);
  g_test_add_func ("/quiz/question/stem-spoilers", test_quiz_question_stem_spoilers);
  g_test_add_func ("/quiz/question/bundled", test_quiz_question_bundled);

  return g_test_run ();
}
