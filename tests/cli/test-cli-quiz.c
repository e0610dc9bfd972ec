/* test-cli-quiz.c: `hepatica-cli quiz` as a user or a script runs it
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Against the fixture library (tests/data/cases). The keys and grades are
 * derived by hand: fx-hcc-lr5 is LR-5 (cirrhosis, 22 mm, nonrim APHE,
 * washout, capsule), fx-fnh-scar is an FNH whose next test is MRI without
 * and with contrast; right, sure and fast is easy, right and unsure is
 * hard, wrong is again.
 */

#include "config.h"

#include <string.h>

#include "hep-test-json.h"

typedef struct {
  char *dir;
  char *db;
  char *library;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("hep-test-cli-quiz-XXXXXX", &error);
  g_assert_no_error (error);
  f->db = g_strconcat ("--db=", f->dir, "/user.db", NULL);
  f->library = g_strconcat ("--library=", g_test_get_dir (G_TEST_BUILT), "/fixture-library.db", NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", f->dir);

  g_assert_cmpint (system (cmd), ==, 0);
  g_free (f->dir);
  g_free (f->db);
  g_free (f->library);
}

/* A number of @root's JSON at @path. */
static double
number (GVariant   *root,
        const char *path)
{
  g_autoptr(GVariant) value = hep_test_json_get (root, path);

  g_assert_nonnull (value);
  return g_variant_get_double (value);
}

/* hepatica-cli quiz ARGS… --db=… --library=…; @args is one string split
 * at spaces. */
static int
run (Fixture     *f,
     const char  *args,
     char       **out,
     char       **err)
{
  g_auto(GStrv) words = g_strsplit (args, " ", -1);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();

  g_ptr_array_add (argv, (char *) "quiz");
  for (guint i = 0; words[i]; i++)
    g_ptr_array_add (argv, words[i]);
  g_ptr_array_add (argv, f->db);
  g_ptr_array_add (argv, f->library);
  g_ptr_array_add (argv, NULL);
  g_clear_pointer (out, g_free);
  g_clear_pointer (err, g_free);
  return hep_test_run_cli ((const char * const *) argv->pdata, out, err);
}

/* The question gives nothing away until --reveal. */
static void
test_cli_quiz_question (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(GVariant) root = NULL;
  g_autoptr(GVariant) options = NULL;

  g_assert_cmpint (run (f, "question --json --kind=lirads fx-hcc-lr5", &out, &err), ==, 0);
  root = hep_test_json_parse (out, NULL);
  g_assert_nonnull (root);
  g_assert_cmpstr (hep_test_json_get_string (root, "kind"), ==, "lirads");
  /* the title names the diagnosis: the rule hides it */
  g_assert_true (hep_test_json_is_null (root, "title"));
  g_assert_cmpstr (hep_test_json_get_string (root, "history"), ==, "Cirrhosis, hepatitis C.");
  g_assert_cmpstr (hep_test_json_get_string (root, "found_on"), ==, "us");
  g_assert_cmpstr (hep_test_json_get_string (root, "findings/1/text"), ==, "Washout with capsule.");
  options = hep_test_json_get (root, "options");
  g_assert_cmpuint (g_variant_n_children (options), ==, 8);
  g_assert_null (hep_test_json_get (root, "answer"));
  g_assert_null (strstr (out, "HCC"));
  g_assert_null (strstr (out, "Hepatocellular"));
  g_assert_null (strstr (out, "Washout and capsule in cirrhosis"));
  g_clear_pointer (&root, g_variant_unref);

  g_assert_cmpint (run (f, "question --json --kind=lirads --reveal fx-hcc-lr5", &out, &err), ==, 0);
  root = hep_test_json_parse (out, NULL);
  g_assert_cmpstr (hep_test_json_get_string (root, "answer/id"), ==, "LR-5");
  g_assert_cmpstr (hep_test_json_get_string (root, "answer/diagnosis"), ==, "hcc");
  g_assert_cmpstr (hep_test_json_get_string (root, "answer/teaching_points/0"), ==,
                   "Washout and capsule in cirrhosis.");
  g_clear_pointer (&root, g_variant_unref);

  /* text: numbered options, the same seed the same order */
  g_assert_cmpint (run (f, "question --seed=9 fx-fnh-scar", &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "  1. "));
  g_assert_nonnull (strstr (out, "What is the most likely diagnosis?"));
  g_assert_null (strstr (out, "Answer:"));
  {
    g_autofree char *first = g_strdup (out);

    g_assert_cmpint (run (f, "question --seed=9 fx-fnh-scar", &out, &err), ==, 0);
    g_assert_cmpstr (out, ==, first);
  }
}

static void
test_cli_quiz_errors (Fixture       *f,
                      gconstpointer  data)
{
  static const struct {
    const char *args;
    int         status;
    const char *in_err;
  } rows[] = {
    { "question --kind=hotspot fx-hcc-lr5", 2, "hotspot" },
    { "question", 2, "CASE_ID" },
    { "question no-such-case", 1, "no-such-case" },
    { "question --kind=lirads fx-fnh-scar", 1, "LI-RADS does not apply" },
    { "answer fx-hcc-lr5 hcc", 2, "--kind" },
    { "answer --kind=diagnosis fx-hcc-lr5 cholangio", 2, "not one of the options" },
    { "answer --kind=lirads --confidence=certain fx-hcc-lr5 LR-5", 2, "certain" },
    { "answer --kind=features fx-hcc-lr5 washout=yes", 2, "washout" },
    { "plot --output=x.gif due", 2, ".svg" },
    { "plot --output=x.svg pie", 2, "PLOT" },
    { "plot --output=x.svg --theme=sepia due", 2, "sepia" },
    { "history", 2, "--csv" },
    { "stats --now=yesterday", 2, "yesterday" },
    { "dance", 2, "dance" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autofree char *out = NULL, *err = NULL;

      g_test_message ("%s", rows[i].args);
      g_assert_cmpint (run (f, rows[i].args, &out, &err), ==, rows[i].status);
      g_assert_nonnull (strstr (err, rows[i].in_err));
      /* one line */
      g_assert_true (g_str_has_suffix (err, "\n"));
      g_assert_true (strchr (err, '\n') == err + strlen (err) - 1);
    }
}

/* A session of answers from a script: each is scored, logged and moves the
 * cards; history, stats and due read them back. */
static void
test_cli_quiz_session (Fixture       *f,
                       gconstpointer  data)
{
  static const struct {
    const char *args;
    gboolean    correct;
    const char *error_kind;   /* NULL when right */
    const char *grade;
  } answers[] = {
    { "--kind=lirads --confidence=sure --duration-ms=10000 --now=2026-03-01T08:00:00Z fx-hcc-lr5 LR-5",
      TRUE, NULL, "easy" },
    { "--kind=features --confidence=sure --duration-ms=10000 --now=2026-03-01T08:01:00Z fx-hcc-lr5 aphe=rim capsule",
      FALSE, "perception", "again" },
    { "--kind=diagnosis --confidence=unsure --duration-ms=40000 --now=2026-03-02T09:00:00Z fx-fnh-scar fnh",
      TRUE, NULL, "hard" },
    { "--kind=next-test --confidence=sure --duration-ms=5000 --now=2026-03-02T09:01:00Z fx-fnh-scar biopsy",
      FALSE, "rule", "again" },
    { "--kind=diagnosis --timed-out --now=2026-03-02T09:03:00Z fx-hcc-lr5",
      FALSE, "timing", "again" },
    /* right, but the learner chose good */
    { "--kind=lirads --grade=good --confidence=sure --duration-ms=1000 --now=2026-03-02T09:05:00Z fx-hcc-lr5 LR-5",
      TRUE, NULL, "good" },
  };
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(GVariant) stats = NULL;
  g_autoptr(GVariant) due = NULL;
  g_auto(GStrv) lines = NULL;
  g_autofree char *svg_path = g_build_filename (f->dir, "calibration.svg", NULL);
  g_autofree char *plot_args = g_strconcat ("plot --json --now=2026-03-03T00:00:00Z --output=", svg_path,
                                            " calibration", NULL);
  g_autofree char *svg = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (answers); i++)
    {
      g_autofree char *args = g_strconcat ("answer --json --session=s1 --mode=tutor ", answers[i].args, NULL);
      g_autoptr(GVariant) root = NULL;
      g_autoptr(GVariant) correct = NULL;

      g_test_message ("%s", args);
      g_assert_cmpint (run (f, args, &out, &err), ==, 0);
      root = hep_test_json_parse (out, NULL);
      g_assert_nonnull (root);
      correct = hep_test_json_get (root, "correct");
      g_assert_cmpint (g_variant_get_boolean (correct), ==, answers[i].correct);
      if (answers[i].error_kind)
        g_assert_cmpstr (hep_test_json_get_string (root, "error_kind"), ==, answers[i].error_kind);
      else
        g_assert_true (hep_test_json_is_null (root, "error_kind"));
      g_assert_cmpstr (hep_test_json_get_string (root, "grade"), ==, answers[i].grade);
      /* after the answer, the explanation (tutor mode) */
      g_assert_cmpstr (hep_test_json_get_string (root, "explanation/diagnosis"), ==,
                       strstr (args, "fx-hcc-lr5") ? "hcc" : "fnh");
    }

  g_assert_cmpint (run (f, "history --csv", &out, &err), ==, 0);
  lines = g_strsplit (out, "\r\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 1 + G_N_ELEMENTS (answers) + 1);
  g_assert_true (g_str_has_prefix (lines[0], "answered_at,session,mode,case,kind,"));
  g_assert_cmpstr (lines[2], ==,
                   "2026-03-01T08:01:00Z,s1,tutor,fx-hcc-lr5,features,aphe=rim capsule,"
                   "aphe=nonrim washout capsule,0,0.3333,perception,called aphe=nonrim rim; missed washout,"
                   "sure,again,review,10000");
  g_assert_cmpstr (lines[G_N_ELEMENTS (answers) + 1], ==, "");

  g_assert_cmpint (run (f, "stats --json --now=2026-03-03T00:00:00Z", &out, &err), ==, 0);
  stats = hep_test_json_parse (out, NULL);
  g_assert_cmpfloat (number (stats, "answers"), ==, 6);
  g_assert_cmpfloat (number (stats, "all/right"), ==, 3);
  g_assert_cmpfloat (number (stats, "by_kind/lirads/right"), ==, 2);
  g_assert_cmpfloat (number (stats, "by_lirads/LR-5/answers"), ==, 2);
  g_assert_cmpfloat (number (stats, "errors/timing"), ==, 1);
  g_assert_cmpfloat (number (stats, "errors/rule"), ==, 1);
  g_assert_cmpfloat (number (stats, "by_feature/washout/right"), ==, 0);
  g_assert_cmpfloat (number (stats, "by_feature/capsule/right"), ==, 1);
  g_assert_cmpfloat (number (stats, "calibration/sure/answers"), ==, 4);
  g_assert_cmpstr (hep_test_json_get_string (stats, "days/1/day"), ==, "2026-03-02");
  g_assert_cmpfloat (number (stats, "days/1/answers"), ==, 4);
  /* fnh answered fnh; the timed-out diagnosis answer has no answered diagnosis */
  g_assert_cmpstr (hep_test_json_get_string (stats, "confusion/0/true"), ==, "fnh");
  g_assert_cmpstr (hep_test_json_get_string (stats, "confusion/0/answered"), ==, "fnh");
  g_assert_null (hep_test_json_get (stats, "confusion/1"));

  /* a year later everything is due: the two cases, then the skills */
  g_assert_cmpint (run (f, "due --json --now=2027-03-09T00:00:00Z", &out, &err), ==, 0);
  due = hep_test_json_parse (out, NULL);
  g_assert_cmpstr (hep_test_json_get_string (due, "0/kind"), ==, "case");
  g_assert_cmpstr (hep_test_json_get_string (due, "1/kind"), ==, "case");
  g_assert_cmpstr (hep_test_json_get_string (due, "2/kind"), ==, "skill");
  g_assert_nonnull (strstr (out, "\"feature:washout\""));
  g_assert_nonnull (strstr (out, "\"lirads:lirads.step1.table\""));

  /* the mistakes: fx-fnh-scar next-test (biopsy) and fx-hcc-lr5 features
   * and diagnosis (timed out); its LI-RADS answers were right */
  g_assert_cmpint (run (f, "mistakes --json", &out, &err), ==, 0);
  {
    g_autoptr(GVariant) mistakes = hep_test_json_parse (out, NULL);

    g_assert_cmpuint (g_variant_n_children (mistakes), ==, 3);
    g_assert_cmpstr (hep_test_json_get_string (mistakes, "0/kind"), ==, "diagnosis");
    g_assert_cmpstr (hep_test_json_get_string (mistakes, "0/error_kind"), ==, "timing");
    g_assert_cmpstr (hep_test_json_get_string (mistakes, "1/answer"), ==, "biopsy");
    g_assert_cmpstr (hep_test_json_get_string (mistakes, "2/error_details"), ==,
                     "called aphe=nonrim rim; missed washout");
  }
  g_assert_cmpint (run (f, "history --csv --session=nobody", &out, &err), ==, 0);
  g_assert_cmpstr (out, ==, "answered_at,session,mode,case,kind,answer,expected,correct,score,error_kind,"
                            "error_details,confidence,grade,card_state,duration_ms\r\n");

  /* next: the most overdue case first (a year on, the two are due; the
   * fx-hcc-lr5 card was reviewed last, at 09:05, fx-fnh-scar at 09:01) */
  g_assert_cmpint (run (f, "next --json --kind=features --now=2027-03-09T00:00:00Z", &out, &err), ==, 0);
  {
    g_autoptr(GVariant) next = hep_test_json_parse (out, NULL);
    const char *first = hep_test_json_get_string (next, "case");

    g_assert_true (g_str_equal (first, "fx-fnh-scar") || g_str_equal (first, "fx-hcc-lr5"));
    g_assert_cmpstr (first, ==, hep_test_json_get_string (due, "0/id"));
    g_assert_cmpstr (hep_test_json_get_string (next, "kind"), ==, "features");
  }
  g_assert_cmpint (run (f, "next fx-hcc-lr5", &out, &err), ==, 2);

  g_assert_cmpint (run (f, plot_args, &out, &err), ==, 0);
  g_assert_true (g_file_get_contents (svg_path, &svg, NULL, NULL));
  g_assert_nonnull (strstr (svg, "<title id=\"title\">Calibration</title>"));
  g_assert_nonnull (strstr (out, "Sure: 50 % (2 of 4 right)"));
}

/* `quiz stats` counts the days of the local time zone (TZ), as the window
 * does: two answers an hour apart around midnight UTC are one day east
 * and west of Greenwich, two days in UTC. POSIX TZ strings, so that no
 * zoneinfo file is needed: "JST-9" is 9 hours east, "EST5" 5 hours west. */
static void
test_cli_quiz_stats_local_days (Fixture       *f,
                                gconstpointer  data)
{
  static const struct {
    const char *tz;
    int         offset;
    const char *first_day;
    guint       n_days;
  } zones[] = {
    { "UTC", 0, "2026-03-01", 2 },
    { "JST-9", 9 * 3600, "2026-03-02", 1 },
    { "EST5", -5 * 3600, "2026-03-01", 1 },
  };
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *saved = g_strdup (g_getenv ("TZ"));

  g_assert_cmpint (run (f, "answer --kind=lirads --now=2026-03-01T23:30:00Z fx-hcc-lr5 LR-5", &out, &err), ==, 0);
  g_assert_cmpint (run (f, "answer --kind=lirads --now=2026-03-02T00:30:00Z fx-hcc-lr5 LR-4", &out, &err), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (zones); i++)
    {
      g_autoptr(GVariant) stats = NULL;
      g_autoptr(GVariant) days = NULL;

      g_setenv ("TZ", zones[i].tz, TRUE);
      g_test_message ("TZ=%s", zones[i].tz);
      g_assert_cmpint (run (f, "stats --json --now=2026-03-02T01:00:00Z", &out, &err), ==, 0);
      stats = hep_test_json_parse (out, NULL);
      g_assert_nonnull (stats);
      g_assert_cmpfloat (number (stats, "utc_offset"), ==, zones[i].offset);
      days = hep_test_json_get (stats, "days");
      g_assert_cmpuint (g_variant_n_children (days), ==, zones[i].n_days);
      g_assert_cmpstr (hep_test_json_get_string (stats, "days/0/day"), ==, zones[i].first_day);
      g_assert_cmpfloat (number (stats, "days/0/answers"), ==, zones[i].n_days == 1 ? 2 : 1);
      /* the text says the same days */
      g_assert_cmpint (run (f, "stats --now=2026-03-02T01:00:00Z", &out, &err), ==, 0);
      g_assert_nonnull (strstr (out, zones[i].first_day));
    }
  if (saved)
    g_setenv ("TZ", saved, TRUE);
  else
    g_unsetenv ("TZ");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/cli/quiz/question", test_cli_quiz_question);
  ADD ("/cli/quiz/errors", test_cli_quiz_errors);
  ADD ("/cli/quiz/session", test_cli_quiz_session);
  ADD ("/cli/quiz/stats-local-days", test_cli_quiz_stats_local_days);
#undef ADD

  return g_test_run ();
}
