/* test-quiz-error.c: why an answer was wrong, and the grade from the outcome
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The tables are written by hand from issue #18, items 4 and 5: a wrong
 * feature → perception; right features but wrong category → rule; right
 * category but wrong diagnosis → knowledge; out of time → timing. Wrong →
 * again; right but unsure or slow → hard; right → good; right, sure and
 * fast → easy.
 */

#include "config.h"

#include <string.h>

#include "hep-core.h"

/* "" means the part was not asked; features "-": asked, nothing set. */
static void
fill (HepQuizAnswer *a,
      const char    *features,
      const char    *lirads,
      const char    *diagnosis)
{
  g_autoptr(GError) error = NULL;

  hep_quiz_answer_init (a);
  a->has_features = *features != '\0';
  if (a->has_features && !g_str_equal (features, "-"))
    {
      g_assert_true (hep_feature_set_parse (&a->features, features, &error));
      g_assert_no_error (error);
    }
  a->has_lirads = *lirads != '\0';
  if (a->has_lirads)
    g_assert_true (hep_lirads_category_from_string (lirads, &a->lirads));
  a->has_diagnosis = *diagnosis != '\0';
  if (a->has_diagnosis)
    g_assert_true (hep_ddx_diagnosis_from_string (diagnosis, &a->diagnosis));
}

static void
test_quiz_classify_table (void)
{
  static const struct {
    const char *name;
    const char *truth_features, *truth_lirads, *truth_dx;
    const char *features, *lirads, *dx;
    gboolean    timed_out;
    const char *expected;   /* hep_quiz_error_report_describe, or NULL when right */
  } rows[] = {
    { "all right",
      "risk=cirrhosis size=25 aphe=nonrim washout capsule", "LR-5", "hcc",
      "aphe=nonrim washout capsule", "LR-5", "hcc", FALSE, NULL },
    { "missed washout",
      "aphe=nonrim washout capsule", "LR-5", "hcc",
      "aphe=nonrim capsule", "LR-4", "hcc", FALSE, "perception: missed washout" },
    { "a rim APHE called nonrim",
      "aphe=rim peripheral-washout", "LR-M", "icc",
      "aphe=nonrim peripheral-washout", "LR-M", "icc", FALSE, "perception: called aphe=rim nonrim" },
    { "several, in vocabulary order",
      "aphe=nonrim washout t2=mild-moderate", "", "",
      "capsule t2=marked dwi=restricted", "", "", FALSE,
      "perception: missed aphe=nonrim; missed washout; added capsule; called t2=mild-moderate marked; added dwi=restricted" },
    { "perception wins over a wrong category and diagnosis",
      "aphe=nonrim washout", "LR-5", "hcc",
      "aphe=nonrim", "LR-3", "fnh", FALSE, "perception: missed washout" },
    { "context and size are given, not scored",
      "risk=cirrhosis size=25 aphe=nonrim", "LR-4", "",
      "size=30 aphe=nonrim", "LR-4", "", FALSE, NULL },
    { "reader judgments are not scored as perception",
      "aphe=nonrim probably-benign", "", "",
      "aphe=nonrim", "", "", FALSE, NULL },
    { "an explicit none equals leaving it out",
      "washout", "", "",
      "aphe=none dwi=none washout", "", "", FALSE, NULL },
    { "nothing set when there was something",
      "gas", "", "abscess",
      "-", "", "abscess", FALSE, "perception: missed gas" },
    { "right features, wrong category",
      "aphe=nonrim washout", "LR-5", "hcc",
      "aphe=nonrim washout", "LR-4", "hcc", FALSE, "rule" },
    { "right category, wrong diagnosis",
      "aphe=nonrim washout", "LR-5", "hcc",
      "aphe=nonrim washout", "LR-5", "met-hypervascular", FALSE, "knowledge" },
    { "category question alone",
      "aphe=nonrim washout", "LR-5", "hcc",
      "", "LR-3", "", FALSE, "rule" },
    { "diagnosis question alone",
      "aphe=nonrim central-scar", "", "fnh",
      "", "", "adenoma", FALSE, "knowledge" },
    { "features not asked are not compared",
      "aphe=nonrim washout", "", "hcc",
      "", "", "hcc", FALSE, NULL },
    { "out of time, whatever was answered",
      "aphe=nonrim washout", "LR-5", "hcc",
      "aphe=nonrim washout", "LR-5", "hcc", TRUE, "timing" },
    { "out of time with nothing answered",
      "aphe=nonrim washout", "LR-5", "hcc",
      "", "", "", TRUE, "timing" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      HepQuizAnswer truth, answer;
      HepQuizErrorReport report;
      g_autofree char *text = NULL;

      g_test_message ("%s", rows[i].name);
      fill (&truth, rows[i].truth_features, rows[i].truth_lirads, rows[i].truth_dx);
      fill (&answer, rows[i].features, rows[i].lirads, rows[i].dx);
      answer.timed_out = rows[i].timed_out;
      hep_quiz_classify (&truth, &answer, &report);
      text = hep_quiz_error_report_describe (&report);
      g_assert_cmpstr (text, ==, rows[i].expected);
      if (rows[i].expected == NULL)
        g_assert_cmpint (report.kind, ==, HEP_QUIZ_ERROR_NONE);
      else
        {
          g_auto(GStrv) kind = g_strsplit (rows[i].expected, ":", 2);
          HepQuizErrorKind parsed;

          g_assert_true (hep_quiz_error_kind_from_string (kind[0], &parsed));
          g_assert_cmpint (report.kind, ==, parsed);
          g_assert_cmpuint (report.n_misses > 0, ==, parsed == HEP_QUIZ_ERROR_PERCEPTION);
        }
    }
}

/* The misses carry the feature and both values, for the mistakes page. */
static void
test_quiz_classify_misses (void)
{
  HepQuizAnswer truth, answer;
  HepQuizErrorReport report;

  fill (&truth, "aphe=rim washout", "", "");
  fill (&answer, "aphe=nonrim capsule", "", "");
  hep_quiz_classify (&truth, &answer, &report);
  g_assert_cmpint (report.kind, ==, HEP_QUIZ_ERROR_PERCEPTION);
  g_assert_cmpuint (report.n_misses, ==, 3);
  g_assert_cmpint (report.misses[0].feature, ==, HEP_FEATURE_APHE);
  g_assert_cmpint (report.misses[0].kind, ==, HEP_QUIZ_MISS_WRONG_VALUE);
  g_assert_cmpint (report.misses[0].truth, ==, HEP_APHE_RIM);
  g_assert_cmpint (report.misses[0].answer, ==, HEP_APHE_NONRIM);
  g_assert_cmpint (report.misses[1].feature, ==, HEP_FEATURE_WASHOUT);
  g_assert_cmpint (report.misses[1].kind, ==, HEP_QUIZ_MISS_MISSED);
  g_assert_cmpint (report.misses[2].feature, ==, HEP_FEATURE_CAPSULE);
  g_assert_cmpint (report.misses[2].kind, ==, HEP_QUIZ_MISS_ADDED);
}

static void
test_quiz_perception_features (void)
{
  static const struct { HepFeature feature; gboolean perception; } rows[] = {
    { HEP_FEATURE_RISK, FALSE },
    { HEP_FEATURE_AGE, FALSE },
    { HEP_FEATURE_SIZE, FALSE },
    { HEP_FEATURE_THRESHOLD_GROWTH, FALSE },
    { HEP_FEATURE_APHE, TRUE },
    { HEP_FEATURE_WASHOUT, TRUE },
    { HEP_FEATURE_CAPSULE, TRUE },
    { HEP_FEATURE_HBP, TRUE },
    { HEP_FEATURE_FAT_IN_MASS, TRUE },
    { HEP_FEATURE_TIV, TRUE },
    { HEP_FEATURE_GAS, TRUE },
    { HEP_FEATURE_NOT_CATEGORIZABLE, FALSE },
    { HEP_FEATURE_DEFINITELY_BENIGN, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    g_assert_cmpint (hep_quiz_is_perception_feature (rows[i].feature), ==, rows[i].perception);
}

static void
test_quiz_grade_table (void)
{
  static const struct {
    gboolean          correct;
    HepQuizConfidence confidence;
    gint64            ms;
    HepFsrsRating     expected;
  } rows[] = {
    /* wrong: again, however sure and fast */
    { FALSE, HEP_QUIZ_CONFIDENCE_SURE, 1000, HEP_FSRS_RATING_AGAIN },
    { FALSE, HEP_QUIZ_CONFIDENCE_GUESSING, 90000, HEP_FSRS_RATING_AGAIN },
    { FALSE, HEP_QUIZ_CONFIDENCE_SURE, -1, HEP_FSRS_RATING_AGAIN },
    /* right but unsure or guessing: hard, even when fast */
    { TRUE, HEP_QUIZ_CONFIDENCE_UNSURE, 1000, HEP_FSRS_RATING_HARD },
    { TRUE, HEP_QUIZ_CONFIDENCE_GUESSING, 1000, HEP_FSRS_RATING_HARD },
    { TRUE, HEP_QUIZ_CONFIDENCE_UNSURE, 45000, HEP_FSRS_RATING_HARD },
    /* right and sure but slow: hard */
    { TRUE, HEP_QUIZ_CONFIDENCE_SURE, 60001, HEP_FSRS_RATING_HARD },
    { TRUE, HEP_QUIZ_CONFIDENCE_SURE, 89000, HEP_FSRS_RATING_HARD },
    /* right, sure, neither fast nor slow: good */
    { TRUE, HEP_QUIZ_CONFIDENCE_SURE, 30001, HEP_FSRS_RATING_GOOD },
    { TRUE, HEP_QUIZ_CONFIDENCE_SURE, 60000, HEP_FSRS_RATING_GOOD },
    { TRUE, HEP_QUIZ_CONFIDENCE_SURE, -1, HEP_FSRS_RATING_GOOD },   /* time not known */
    /* right, sure and fast: easy */
    { TRUE, HEP_QUIZ_CONFIDENCE_SURE, 30000, HEP_FSRS_RATING_EASY },
    { TRUE, HEP_QUIZ_CONFIDENCE_SURE, 0, HEP_FSRS_RATING_EASY },
  };
  HepQuizPace pace;

  hep_quiz_pace_init_default (&pace);
  g_assert_cmpint (pace.fast_ms, ==, 30000);
  g_assert_cmpint (pace.slow_ms, ==, 60000);
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_test_message ("row %u", i);
      g_assert_cmpint (hep_quiz_grade_from_outcome (rows[i].correct, rows[i].confidence, rows[i].ms, &pace),
                       ==, rows[i].expected);
    }

  /* the pace is a setting */
  pace.fast_ms = 5000;
  pace.slow_ms = 10000;
  g_assert_cmpint (hep_quiz_grade_from_outcome (TRUE, HEP_QUIZ_CONFIDENCE_SURE, 6000, &pace), ==, HEP_FSRS_RATING_GOOD);
  g_assert_cmpint (hep_quiz_grade_from_outcome (TRUE, HEP_QUIZ_CONFIDENCE_SURE, 12000, &pace), ==, HEP_FSRS_RATING_HARD);
}

static void
test_quiz_error_kind_names (void)
{
  static const char * const names[] = { "none", "timing", "perception", "rule", "knowledge" };
  HepQuizErrorKind kind;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_assert_true (hep_quiz_error_kind_from_string (names[i], &kind));
      g_assert_cmpint (kind, ==, (int) i);
      g_assert_cmpstr (hep_quiz_error_kind_to_string (kind), ==, names[i]);
    }
  g_assert_false (hep_quiz_error_kind_from_string ("Perception", &kind));
  g_assert_null (hep_quiz_error_kind_to_string (99));
}

/* Why an answer was wrong, read back from the log's words, and a miss in
 * the vocabulary's words. */
static void
test_quiz_log_entry_report (void)
{
  HepQuizLogEntry e = { 0, };
  HepQuizErrorReport report;
  g_autofree char *missed = NULL;
  g_autofree char *called = NULL;

  e.kind = (char *) "features";
  e.expected = (char *) "aphe=rim washout capsule";
  e.answer = (char *) "aphe=nonrim capsule";
  e.error_kind = (char *) "perception";
  g_assert_true (hep_quiz_log_entry_get_report (&e, &report));
  g_assert_cmpint (report.kind, ==, HEP_QUIZ_ERROR_PERCEPTION);
  g_assert_cmpuint (report.n_misses, ==, 2);
  called = hep_quiz_feature_miss_describe_words (&report.misses[0]);
  missed = hep_quiz_feature_miss_describe_words (&report.misses[1]);
  g_assert_cmpstr (called, ==, "Arterial phase hyperenhancement: Rim, read as Nonrim");
  g_assert_cmpstr (missed, ==, "Missed: Nonperipheral washout");

  /* timed out: the kind alone */
  e.error_kind = (char *) "timing";
  e.answer = (char *) "";
  g_assert_true (hep_quiz_log_entry_get_report (&e, &report));
  g_assert_cmpint (report.kind, ==, HEP_QUIZ_ERROR_TIMING);
  g_assert_cmpuint (report.n_misses, ==, 0);

  /* a wrong schema v2 row without an error kind takes its kind's */
  e.kind = NULL;
  e.mode = (char *) "diagnosis";
  e.error_kind = NULL;
  g_assert_true (hep_quiz_log_entry_get_report (&e, &report));
  g_assert_cmpint (report.kind, ==, HEP_QUIZ_ERROR_KNOWLEDGE);

  /* a kind of a later version: not readable */
  e.kind = (char *) "hotspot";
  g_assert_false (hep_quiz_log_entry_get_report (&e, &report));
  g_assert_cmpint (report.kind, ==, HEP_QUIZ_ERROR_NONE);

  /* right: nothing to say */
  e.kind = (char *) "lirads";
  e.correct = TRUE;
  g_assert_true (hep_quiz_log_entry_get_report (&e, &report));
  g_assert_cmpint (report.kind, ==, HEP_QUIZ_ERROR_NONE);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/quiz/classify-table", test_quiz_classify_table);
  g_test_add_func ("/quiz/classify-misses", test_quiz_classify_misses);
  g_test_add_func ("/quiz/perception-features", test_quiz_perception_features);
  g_test_add_func ("/quiz/grade-table", test_quiz_grade_table);
  g_test_add_func ("/quiz/error-kind-names", test_quiz_error_kind_names);
  g_test_add_func ("/quiz/log-entry-report", test_quiz_log_entry_report);

  return g_test_run ();
}
