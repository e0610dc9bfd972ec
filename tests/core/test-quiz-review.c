/* test-quiz-review.c: scoring an answer, the review log, the cards it moves
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Expectations by hand from issue #18 (items 4 and 5) and the FSRS-6
 * learning steps (1 min, 10 min): a new card answered again is due in one
 * minute at step 0, answered good in ten minutes at step 1.
 */

#include "config.h"

#include <string.h>

#include "hep-test-cases.h"

#define NOW G_GINT64_CONSTANT (1767225600)   /* 2026-01-01T00:00:00Z */

static HepQuizQuestion *
question (const char  *case_id,
          HepQuizKind  kind)
{
  g_autoptr(HepCase) c = hep_test_load_case (case_id);
  g_autoptr(GError) error = NULL;
  HepQuizQuestion *q = hep_quiz_question_new (c, kind, 11, &error);

  g_assert_no_error (error);
  return q;
}

static char *
join_skills (const HepQuizOutcome *o)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < o->skills->len; i++)
    {
      const HepQuizSkillReview *skill = g_ptr_array_index (o->skills, i);

      g_string_append_printf (s, "%s%s=%s", i ? " " : "", skill->id, hep_fsrs_rating_to_string (skill->rating));
    }
  return g_string_free (s, FALSE);
}

static void
test_quiz_review_score_table (void)
{
  static const struct {
    const char *case_id;
    const char *kind;
    const char *answer;        /* an option id, or feature tokens */
    const char *confidence;
    gint64      duration_ms;
    gboolean    timed_out;
    gboolean    correct;
    double      score;
    const char *error_kind;
    const char *grade;
    const char *skills;
  } rows[] = {
    /* the case: aphe=nonrim washout capsule */
    { "fx-hcc-lr5", "features", "aphe=nonrim washout capsule", "sure", 10000, FALSE,
      TRUE, 1.0, "none", "easy",
      "feature:aphe=easy feature:washout=easy feature:capsule=easy" },
    /* washout missed: 2 of the 3 features right */
    { "fx-hcc-lr5", "features", "aphe=nonrim capsule", "sure", 10000, FALSE,
      FALSE, 2.0 / 3.0, "perception", "again",
      "feature:aphe=easy feature:washout=again feature:capsule=easy" },
    /* a rim called for a nonrim, and a scar added: of aphe, washout, capsule
     * and central-scar, two wrong; the given context is not scored */
    { "fx-hcc-lr5", "features", "risk=none aphe=rim washout capsule central-scar", "unsure", 40000, FALSE,
      FALSE, 0.5, "perception", "again",
      "feature:aphe=again feature:washout=hard feature:capsule=hard feature:central-scar=again" },
    { "fx-hcc-lr5", "features", "aphe=nonrim washout capsule", "sure", 95000, TRUE,
      FALSE, 0.0, "timing", "again",
      "feature:aphe=again feature:washout=again feature:capsule=again" },
    /* LR-5 through the table (the population gate is not a skill) */
    { "fx-hcc-lr5", "lirads", "LR-5", "unsure", 10000, FALSE,
      TRUE, 1.0, "none", "hard", "lirads:lirads.step1.table=hard" },
    { "fx-hcc-lr5", "lirads", "LR-4", "sure", 10000, FALSE,
      FALSE, 0.0, "rule", "again", "lirads:lirads.step1.table=again" },
    /* right, neither fast nor slow, sure: good */
    { "fx-fnh-scar", "diagnosis", "fnh", "sure", 45000, FALSE,
      TRUE, 1.0, "none", "good", NULL },
    { "fx-fnh-scar", "diagnosis", "adenoma", "guessing", 20000, FALSE,
      FALSE, 0.0, "knowledge", "again", "ddx:adenoma-vs-fnh=again" },
    { "fx-fnh-scar", "next-test", "mri-wo-w", "sure", 5000, FALSE,
      TRUE, 1.0, "none", "easy", "" },
    { "fx-fnh-scar", "next-test", "biopsy", "sure", 5000, FALSE,
      FALSE, 0.0, "rule", "again", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(HepQuizQuestion) q = NULL;
      g_autoptr(HepQuizOutcome) o = NULL;
      g_autofree char *skills = NULL;
      HepQuizResponse r;
      HepQuizKind kind;

      g_test_message ("row %u: %s %s %s", i, rows[i].case_id, rows[i].kind, rows[i].answer);
      g_assert_true (hep_quiz_kind_from_string (rows[i].kind, &kind));
      q = question (rows[i].case_id, kind);
      hep_quiz_response_init (&r);
      if (kind == HEP_QUIZ_KIND_FEATURES)
        g_assert_true (hep_feature_set_parse (&r.features, rows[i].answer, NULL));
      else
        r.choice = rows[i].answer;
      g_assert_true (hep_quiz_confidence_from_string (rows[i].confidence, &r.confidence));
      r.duration_ms = rows[i].duration_ms;
      r.timed_out = rows[i].timed_out;
      o = hep_quiz_outcome_new (q, &r, NULL);
      g_assert_cmpint (o->correct, ==, rows[i].correct);
      g_assert_cmpfloat_with_epsilon (o->score, rows[i].score, 1e-9);
      g_assert_cmpstr (hep_quiz_error_kind_to_string (o->report.kind), ==, rows[i].error_kind);
      g_assert_cmpstr (hep_fsrs_rating_to_string (o->grade), ==, rows[i].grade);
      skills = join_skills (o);
      if (rows[i].skills)
        g_assert_cmpstr (skills, ==, rows[i].skills);
    }
}

/* The right diagnosis reviews the pair of the answer and the
 * differential's best other on offer; a grade the learner chose wins. */
static void
test_quiz_review_pair_and_override (void)
{
  g_autoptr(HepQuizQuestion) q = question ("fx-fnh-scar", HEP_QUIZ_KIND_DIAGNOSIS);
  g_autoptr(HepQuizOutcome) o = NULL;
  HepQuizResponse r;
  HepDdxResult ddx;
  const char *other = NULL;
  g_autofree char *expected = NULL;

  hep_ddx_evaluate (&q->features, &ddx);
  for (guint i = 0; i < HEP_N_DDX && other == NULL; i++)
    if (ddx.ranking[i].diagnosis != HEP_DDX_FNH)
      other = hep_ddx_diagnosis_to_string (ddx.ranking[i].diagnosis);
  hep_quiz_response_init (&r);
  r.choice = "fnh";
  r.confidence = HEP_QUIZ_CONFIDENCE_SURE;
  r.duration_ms = 45000;
  r.grade = HEP_FSRS_RATING_HARD;
  o = hep_quiz_outcome_new (q, &r, NULL);
  g_assert_true (o->correct);
  g_assert_cmpint (o->grade, ==, HEP_FSRS_RATING_HARD);
  g_assert_cmpuint (o->skills->len, ==, 1);
  expected = strcmp (other, "fnh") < 0 ? g_strdup_printf ("ddx:%s-vs-fnh", other)
                                       : g_strdup_printf ("ddx:fnh-vs-%s", other);
  g_assert_cmpstr (((HepQuizSkillReview *) g_ptr_array_index (o->skills, 0))->id, ==, expected);
  g_assert_cmpint (((HepQuizSkillReview *) g_ptr_array_index (o->skills, 0))->rating, ==, HEP_FSRS_RATING_HARD);
}

static HepCaseStore *
open_store (const char *path)
{
  g_autofree char *library = hep_test_fixture_library ();
  g_autoptr(GError) error = NULL;
  HepCaseStore *store = hep_case_store_new (path, library, &error);

  g_assert_no_error (error);
  return store;
}

static gint64
answer (HepCaseStore *store,
        const char   *case_id,
        HepQuizKind   kind,
        const char   *choice,
        const char   *features,
        gint64        now)
{
  g_autoptr(HepQuizQuestion) q = question (case_id, kind);
  g_autoptr(HepQuizOutcome) o = NULL;
  g_autoptr(GError) error = NULL;
  HepFsrsParams params;
  HepQuizResponse r;
  gint64 pk;

  hep_fsrs_params_init_default (&params);
  hep_quiz_response_init (&r);
  r.choice = choice;
  if (features)
    g_assert_true (hep_feature_set_parse (&r.features, features, NULL));
  r.confidence = HEP_QUIZ_CONFIDENCE_UNSURE;
  r.duration_ms = 20000;
  o = hep_quiz_outcome_new (q, &r, NULL);
  pk = hep_quiz_record_answer (store, &params, q, &r, o, "session-1", "tutor", now, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pk, >, 0);
  return pk;
}

/* Each answer is in the log with why it was wrong, and moves the case
 * card and the skill cards; it is there after the store is closed. */
static void
test_quiz_review_record (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("hep-test-quiz-review-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "user.db", NULL);
  g_autoptr(HepCaseStore) store = open_store (path);
  g_autoptr(GPtrArray) log = NULL;
  g_autoptr(HepReviewState) card = NULL;
  g_autoptr(HepReviewState) skill = NULL;
  HepQuizLogEntry *e;

  /* new case card: again → learning step 0, due in 1 min */
  answer (store, "fx-hcc-lr5", HEP_QUIZ_KIND_FEATURES, NULL, "aphe=rim capsule", NOW);
  card = hep_case_store_get_review_state (store, HEP_REVIEW_ITEM_CASE, "fx-hcc-lr5", &error);
  g_assert_cmpstr (card->state, ==, "learning");
  g_assert_cmpint (card->step, ==, 0);
  g_assert_cmpint (card->due, ==, NOW + 60);
  g_assert_cmpint (card->reps, ==, 1);
  skill = hep_case_store_get_review_state (store, HEP_REVIEW_ITEM_SKILL, "feature:washout", &error);
  g_assert_cmpstr (skill->state, ==, "learning");
  g_assert_cmpint (skill->due, ==, NOW + 60);
  g_clear_pointer (&skill, hep_review_state_free);
  /* capsule was right: unsure → hard; hard on a new card stays at step 0
   * and is due halfway between the two steps, 5.5 min */
  skill = hep_case_store_get_review_state (store, HEP_REVIEW_ITEM_SKILL, "feature:capsule", &error);
  g_assert_cmpint (skill->due, ==, NOW + 330);
  g_clear_pointer (&skill, hep_review_state_free);
  g_clear_pointer (&card, hep_review_state_free);

  /* a minute later, right but unsure: hard at step 0 → due in 5.5 min */
  answer (store, "fx-hcc-lr5", HEP_QUIZ_KIND_LIRADS, "LR-5", NULL, NOW + 60);
  card = hep_case_store_get_review_state (store, HEP_REVIEW_ITEM_CASE, "fx-hcc-lr5", &error);
  g_assert_cmpstr (card->state, ==, "learning");
  g_assert_cmpint (card->due, ==, NOW + 60 + 330);
  g_assert_cmpint (card->reps, ==, 2);
  answer (store, "fx-fnh-scar", HEP_QUIZ_KIND_DIAGNOSIS, "adenoma", NULL, NOW + 120);
  g_clear_object (&store);

  /* closed and opened again: every answer is there */
  store = open_store (path);
  log = hep_case_store_list_log (store, 0, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (log->len, ==, 3);
  e = g_ptr_array_index (log, 0);
  g_assert_cmpstr (e->kind, ==, "features");
  g_assert_cmpstr (e->mode, ==, "tutor");
  g_assert_cmpstr (e->session_id, ==, "session-1");
  g_assert_cmpstr (e->error_kind, ==, "perception");
  g_assert_cmpstr (e->error_details, ==, "called aphe=nonrim rim; missed washout");
  g_assert_cmpstr (e->answer, ==, "aphe=rim capsule");
  g_assert_cmpstr (e->expected, ==, "aphe=nonrim washout capsule");
  g_assert_cmpstr (e->sureness, ==, "unsure");
  g_assert_cmpstr (e->grade, ==, "again");
  g_assert_cmpstr (e->card_state, ==, "new");
  g_assert_false (e->correct);
  e = g_ptr_array_index (log, 1);
  g_assert_cmpstr (e->kind, ==, "lirads");
  g_assert_null (e->error_kind);
  g_assert_cmpstr (e->grade, ==, "hard");
  g_assert_cmpstr (e->card_state, ==, "learning");
  e = g_ptr_array_index (log, 2);
  g_assert_cmpstr (e->error_kind, ==, "knowledge");
  g_assert_cmpstr (e->answer, ==, "adenoma");
  g_assert_cmpstr (e->expected, ==, "fnh");
  skill = hep_case_store_get_review_state (store, HEP_REVIEW_ITEM_SKILL, "ddx:adenoma-vs-fnh", &error);
  g_assert_nonnull (skill);

  /* a session's answers, for an exam to resume */
  {
    g_autoptr(GPtrArray) session = hep_case_store_list_session (store, "session-1", &error);
    g_autoptr(GPtrArray) other = hep_case_store_list_session (store, "session-2", &error);

    g_assert_no_error (error);
    g_assert_cmpuint (session->len, ==, 3);
    g_assert_cmpstr (((HepQuizLogEntry *) g_ptr_array_index (session, 2))->case_id, ==, "fx-fnh-scar");
    g_assert_cmpuint (other->len, ==, 0);
  }
  g_clear_object (&store);
  hep_test_remove_tree (dir);
}

/* An answer that cannot be written leaves nothing: neither the row nor any
 * of its cards. */
static void
test_quiz_review_all_or_nothing (void)
{
  g_autoptr(HepCaseStore) store = open_store (":memory:");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) states = g_ptr_array_new ();
  g_autoptr(GPtrArray) log = NULL;
  HepReviewState good = { HEP_REVIEW_ITEM_SKILL, (char *) "feature:washout", (char *) "learning", NOW + 60,
                          0, 2.5, 1.0, 5.0, 1, 0, NOW, 0 };
  HepReviewState bad = { HEP_REVIEW_ITEM_SKILL, (char *) "", (char *) "learning", NOW + 60,
                         0, 2.5, 1.0, 5.0, 1, 0, NOW, 0 };
  HepQuizLogEntry entry = { 0 };

  entry.case_id = (char *) "fx-hcc-lr5";
  entry.mode = (char *) "tutor";
  entry.kind = (char *) "features";
  entry.answer = (char *) "washout";
  entry.answered_at = NOW;
  g_ptr_array_add (states, &good);
  g_ptr_array_add (states, &bad);
  g_assert_cmpint (hep_case_store_record_review (store, &entry, states, &error), ==, 0);
  g_assert_error (error, HEP_CASE_STORE_ERROR, HEP_CASE_STORE_ERROR_INVALID);
  g_clear_error (&error);
  log = hep_case_store_list_log (store, 0, 0, &error);
  g_assert_cmpuint (log->len, ==, 0);
  g_assert_null (hep_case_store_get_review_state (store, HEP_REVIEW_ITEM_SKILL, "feature:washout", &error));
  g_assert_no_error (error);

  /* without the bad state it goes in */
  g_ptr_array_set_size (states, 1);
  g_assert_cmpint (hep_case_store_record_review (store, &entry, states, &error), >, 0);
  g_assert_no_error (error);
}

/* Due: cases then skills, most overdue first; a case card whose case has
 * gone is skipped with a warning. */
static void
test_quiz_review_due (void)
{
  g_autoptr(HepCaseStore) store = open_store (":memory:");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) due = NULL;
  static const struct {
    HepReviewItemKind kind;
    const char *id;
    gint64 due;
  } rows[] = {
    { HEP_REVIEW_ITEM_CASE, "fx-fnh-scar", NOW - 10 },
    { HEP_REVIEW_ITEM_CASE, "gone-case", NOW - 50 },
    { HEP_REVIEW_ITEM_CASE, "fx-hcc-lr5", NOW - 100 },
    { HEP_REVIEW_ITEM_CASE, "fx-met-rim", NOW + 100 },
    { HEP_REVIEW_ITEM_SKILL, "feature:washout", NOW },
    { HEP_REVIEW_ITEM_SKILL, "lirads:lirads.step1.table", NOW + 1 },
  };
  static const char * const expected[] = { "fx-hcc-lr5", "fx-fnh-scar", "feature:washout" };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      HepReviewState state = { rows[i].kind, (char *) rows[i].id, (char *) "review", rows[i].due,
                               3, 2.5, 3.0, 5.0, 2, 0, rows[i].due - 3 * 86400, 0 };

      g_assert_true (hep_case_store_put_review_state (store, &state, &error));
    }
  due = hep_quiz_list_due (store, NOW, warnings, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (due->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpstr (((HepReviewState *) g_ptr_array_index (due, i))->item_id, ==, expected[i]);
  g_assert_cmpuint (warnings->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (warnings, 0), "gone-case"));

  /* the next case: the most overdue that is there */
  {
    g_autoptr(HepCase) next = NULL;
    g_autoptr(HepCase) again = NULL;
    g_autoptr(HepCase) drawn = NULL;
    g_autoptr(GPtrArray) next_warnings = g_ptr_array_new_with_free_func (g_free);
    HepReviewState gone = { HEP_REVIEW_ITEM_CASE, (char *) "gone-first", (char *) "review", NOW - 1000,
                            3, 2.5, 3.0, 5.0, 2, 0, NOW - 5000, 0 };

    g_assert_true (hep_case_store_put_review_state (store, &gone, &error));
    next = hep_quiz_next_case (store, NOW, 1, next_warnings, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (hep_case_get_id (next), ==, "fx-hcc-lr5");
    g_assert_cmpuint (next_warnings->len, ==, 1);
    g_assert_nonnull (strstr (g_ptr_array_index (next_warnings, 0), "gone-first"));
    /* nothing due long before: a case drawn by the seed, the same each time */
    drawn = hep_quiz_next_case (store, NOW - 100000, 7, NULL, &error);
    again = hep_quiz_next_case (store, NOW - 100000, 7, NULL, &error);
    g_assert_nonnull (drawn);
    g_assert_cmpstr (hep_case_get_id (drawn), ==, hep_case_get_id (again));
  }
  {
    g_autoptr(HepCaseStore) empty = hep_case_store_new (":memory:", "", &error);

    g_assert_no_error (error);
    g_assert_null (hep_quiz_next_case (empty, NOW, 1, NULL, &error));
    g_assert_no_error (error);
  }
}

/* A card read back from its state is the card that was written. */
static void
test_quiz_review_card_round_trip (void)
{
  HepFsrsParams params;
  HepFsrsCard card, back;
  HepReviewState state = { HEP_REVIEW_ITEM_CASE, g_strdup ("x"), g_strdup ("new"), 0, 0, 2.5, -1, -1, 0, 0, 0, 0 };
  static const HepFsrsRating ratings[] = {
    HEP_FSRS_RATING_GOOD, HEP_FSRS_RATING_GOOD, HEP_FSRS_RATING_AGAIN, HEP_FSRS_RATING_HARD,
  };
  gint64 now = NOW;

  hep_fsrs_params_init_default (&params);
  hep_quiz_card_from_state (&state, now, &card);
  g_assert_cmpint (card.state, ==, HEP_FSRS_STATE_NEW);
  for (guint i = 0; i < G_N_ELEMENTS (ratings); i++)
    {
      hep_fsrs_review (&params, &card, ratings[i], now);
      hep_quiz_card_to_state (&card, ratings[i], &state);
      hep_quiz_card_from_state (&state, now, &back);
      g_assert_cmpint (back.state, ==, card.state);
      g_assert_cmpuint (back.step, ==, card.step);
      g_assert_cmpfloat (back.stability, ==, card.stability);
      g_assert_cmpfloat (back.difficulty, ==, card.difficulty);
      g_assert_cmpint (back.due, ==, card.due);
      g_assert_cmpint (back.last_review, ==, card.last_review);
      now = card.due;
    }
  /* good, good from new: review; then again is a lapse */
  g_assert_cmpint (state.reps, ==, 4);
  g_assert_cmpint (state.lapses, ==, 1);
  g_free (state.item_id);
  g_free (state.state);
}

/* The mistakes page: the latest answer of each case and kind, when wrong. */
static void
test_quiz_review_mistakes (void)
{
  static const struct {
    const char *case_id;
    const char *kind;
    gint64      at;
    gboolean    correct;
  } rows[] = {
    { "a", "diagnosis", 100, FALSE },
    { "a", "diagnosis", 200, TRUE },    /* put right since: no longer a mistake */
    { "a", "lirads", 150, FALSE },      /* still wrong */
    { "b", "features", 300, TRUE },
    { "b", "features", 400, FALSE },    /* wrong again after being right */
    { "c", "diagnosis", 50, FALSE },
    { "c", "diagnosis", 50, FALSE },    /* the same second: the later row counts, once */
  };
  static const char * const expected[] = { "b features 400", "a lirads 150", "c diagnosis 50" };
  g_autoptr(GPtrArray) log = g_ptr_array_new_with_free_func ((GDestroyNotify) hep_quiz_log_entry_free);
  g_autoptr(GPtrArray) mistakes = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      HepQuizLogEntry *e = g_new0 (HepQuizLogEntry, 1);

      e->pk = i + 1;
      e->case_id = g_strdup (rows[i].case_id);
      e->kind = g_strdup (rows[i].kind);
      e->answered_at = rows[i].at;
      e->correct = rows[i].correct;
      g_ptr_array_add (log, e);
    }
  mistakes = hep_quiz_list_mistakes (log);
  g_assert_cmpuint (mistakes->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      HepQuizLogEntry *e = g_ptr_array_index (mistakes, i);
      g_autofree char *text = g_strdup_printf ("%s %s %" G_GINT64_FORMAT, e->case_id, e->kind, e->answered_at);

      g_assert_cmpstr (text, ==, expected[i]);
    }
  g_assert_cmpint (((HepQuizLogEntry *) g_ptr_array_index (mistakes, 2))->pk, ==, 7);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/quiz/review/score-table", test_quiz_review_score_table);
  g_test_add_func ("/quiz/review/pair-and-override", test_quiz_review_pair_and_override);
  g_test_add_func ("/quiz/review/record", test_quiz_review_record);
  g_test_add_func ("/quiz/review/all-or-nothing", test_quiz_review_all_or_nothing);
  g_test_add_func ("/quiz/review/due", test_quiz_review_due);
  g_test_add_func ("/quiz/review/card-round-trip", test_quiz_review_card_round_trip);
  g_test_add_func ("/quiz/review/mistakes", test_quiz_review_mistakes);

  return g_test_run ();
}
