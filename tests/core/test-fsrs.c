/* test-fsrs.c: the FSRS-6 scheduler against expectations derived by hand
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * tests/data/fsrs/formulas.tsv and replay.tsv were computed by
 * tests/data/fsrs/derive.py, written from the published FSRS-6 formulas and
 * the reference scheduler's step rules, not from this code; run it to
 * re-derive them.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "hep-core.h"

static GPtrArray *
read_table (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "fsrs", name, NULL);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (lines[i][0] != '#' && lines[i][0] != '\0')
      g_ptr_array_add (rows, g_strsplit (lines[i], "\t", -1));
  return rows;
}

static double
number (const char *text)
{
  char *end = NULL;
  double value = g_ascii_strtod (text, &end);

  g_assert_true (end != text && *end == '\0');
  return value;
}

static gint64
unix_time (const char *iso)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_iso8601 (iso, NULL);

  g_assert_nonnull (dt);
  return g_date_time_to_unix (dt);
}

static void
test_fsrs_default_params (void)
{
  /* the published FSRS-6 defaults */
  static const double published[HEP_FSRS_N_WEIGHTS] = {
    0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796,
    1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542,
  };
  HepFsrsParams params;
  g_autoptr(GError) error = NULL;

  hep_fsrs_params_init_default (&params);
  for (guint i = 0; i < HEP_FSRS_N_WEIGHTS; i++)
    g_assert_cmpfloat (params.weights[i], ==, published[i]);
  g_assert_cmpfloat (params.desired_retention, ==, 0.9);
  g_assert_cmpuint (params.n_learning_steps, ==, 2);
  g_assert_cmpint (params.learning_steps[0], ==, 60);
  g_assert_cmpint (params.learning_steps[1], ==, 600);
  g_assert_cmpuint (params.n_relearning_steps, ==, 1);
  g_assert_cmpint (params.relearning_steps[0], ==, 600);
  g_assert_cmpint (params.maximum_interval, ==, 36500);
  g_assert_true (hep_fsrs_params_validate (&params, &error));
  g_assert_no_error (error);
}

static void
test_fsrs_params_validate (void)
{
  static const struct {
    const char *what;
    int         weight;     /* -1: none */
    double      value;
    double      retention;
    int         maximum;
    gint64      step;
    const char *message;
  } bad[] = {
    { "w20 too small", 20, 0.05, 0.9, 36500, 60, "w20 = 0.05" },
    { "w7 too large", 7, 0.9, 0.9, 36500, 60, "w7 = 0.9" },
    { "w0 not a number", 0, NAN, 0.9, 36500, 60, "w0 = nan" },
    { "retention 1", -1, 0, 1.0, 36500, 60, "desired retention 1" },
    { "retention 0", -1, 0, 0.0, 36500, 60, "desired retention 0" },
    { "maximum 0", -1, 0, 0.9, 0, 60, "maximum interval 0" },
    { "step 0", -1, 0, 0.9, 36500, 0, "learning step 1" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      HepFsrsParams params;
      g_autoptr(GError) error = NULL;

      hep_fsrs_params_init_default (&params);
      if (bad[i].weight >= 0)
        params.weights[bad[i].weight] = bad[i].value;
      params.desired_retention = bad[i].retention;
      params.maximum_interval = bad[i].maximum;
      params.learning_steps[0] = bad[i].step;
      g_test_message ("%s", bad[i].what);
      g_assert_false (hep_fsrs_params_validate (&params, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
      g_assert_nonnull (strstr (error->message, bad[i].message));
    }
}

/* Every row of formulas.tsv: each formula on its own. */
static void
test_fsrs_formulas (void)
{
  g_autoptr(GPtrArray) rows = read_table ("formulas.tsv");
  HepFsrsParams p9, p8;
  guint n = 0;

  hep_fsrs_params_init_default (&p9);
  hep_fsrs_params_init_default (&p8);
  p8.desired_retention = 0.8;

  for (guint i = 0; i < rows->len; i++)
    {
      char **row = rows->pdata[i];
      g_auto(GStrv) a = g_strsplit (row[1], " ", -1);
      const char *f = row[0];
      double expected = number (row[2]);
      double got;

      g_assert_cmpuint (g_strv_length (row), ==, 3);
      if (g_str_equal (f, "S0"))
        got = hep_fsrs_initial_stability (&p9, (HepFsrsRating) number (a[0]));
      else if (g_str_equal (f, "D0"))
        got = hep_fsrs_initial_difficulty (&p9, (HepFsrsRating) number (a[0]));
      else if (g_str_equal (f, "D'"))
        got = hep_fsrs_next_difficulty (&p9, number (a[0]), (HepFsrsRating) number (a[1]));
      else if (g_str_equal (f, "R"))
        got = hep_fsrs_forgetting_curve (&p9, number (a[0]), number (a[1]));
      else if (g_str_equal (f, "S'r"))
        got = hep_fsrs_recall_stability (&p9, number (a[0]), number (a[1]), number (a[2]),
                                         (HepFsrsRating) number (a[3]));
      else if (g_str_equal (f, "S'f"))
        got = hep_fsrs_forget_stability (&p9, number (a[0]), number (a[1]), number (a[2]));
      else if (g_str_equal (f, "S'short"))
        got = hep_fsrs_short_term_stability (&p9, number (a[0]), (HepFsrsRating) number (a[1]));
      else if (g_str_equal (f, "I"))
        got = hep_fsrs_next_interval (number (a[0]) == 0.8 ? &p8 : &p9, number (a[1]));
      else
        g_assert_not_reached ();

      g_test_message ("%s(%s) = %.6f, expected %s", f, row[1], got, row[2]);
      g_assert_cmpfloat_with_epsilon (got, expected, 1e-6);
      n++;
    }
  g_assert_cmpuint (n, >=, 50);
}

/* Every case of replay.tsv, a card from new through its reviews. */
static void
test_fsrs_replay (void)
{
  g_autoptr(GPtrArray) rows = read_table ("replay.tsv");
  HepFsrsParams params;
  HepFsrsCard card;
  gint64 start = 0;
  guint n_cases = 0;

  for (guint i = 0; i < rows->len; i++)
    {
      char **row = rows->pdata[i];
      HepFsrsRating rating;
      gint64 now;

      g_assert_cmpuint (g_strv_length (row), ==, 13);
      if (g_str_equal (row[4], "0"))
        {
          hep_fsrs_params_init_default (&params);
          params.desired_retention = number (row[1]);
          params.maximum_interval = (int) number (row[2]);
          start = unix_time (row[3]);
          hep_fsrs_card_init (&card, start);
          g_assert_cmpint (card.due, ==, start);
          g_assert_cmpint (card.state, ==, HEP_FSRS_STATE_NEW);
          n_cases++;
        }
      g_assert_true (hep_fsrs_rating_from_string (row[5], &rating));
      if (g_str_equal (row[6], "due"))
        now = card.due;
      else
        now = (card.state == HEP_FSRS_STATE_NEW ? start : card.last_review) + (gint64) number (row[6]);

      hep_fsrs_review (&params, &card, rating, now);
      g_test_message ("%s #%s %s: %s %.6f %.6f %" G_GINT64_FORMAT, row[0], row[4], row[5],
                      hep_fsrs_state_to_string (card.state), card.stability, card.difficulty, card.due);
      g_assert_cmpstr (hep_fsrs_state_to_string (card.state), ==, row[7]);
      g_assert_cmpint ((card.due - now) / HEP_FSRS_SECONDS_PER_DAY, ==, (gint64) number (row[8]));
      g_assert_cmpfloat_with_epsilon (card.stability, number (row[9]), 1e-6);
      g_assert_cmpfloat_with_epsilon (card.difficulty, number (row[10]), 1e-6);
      g_assert_cmpint (card.due, ==, (gint64) number (row[11]));
      g_assert_cmpint (card.last_review, ==, now);
      g_assert_cmpint (card.due, >, now);
    }
  g_assert_cmpuint (n_cases, >=, 15);
}

static void
test_fsrs_elapsed_days (void)
{
  static const struct { gint64 from, to, days; } rows[] = {
    { 1000, 1000, 0 },
    { 1000, 1000 + 86399, 0 },
    { 1000, 1000 + 86400, 1 },
    { 1000, 1000 + 3 * 86400 + 5, 3 },
    { 1000, 999, 0 },                 /* the clock went back a second */
    { 1000, 1000 - 10 * 86400, 0 },   /* …or ten days */
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    g_assert_cmpint (hep_fsrs_elapsed_days (rows[i].from, rows[i].to), ==, rows[i].days);
}

/* A clock that goes back and forth never gives a negative interval nor a
 * retrievability above 1, and stability and difficulty stay in range. */
static void
test_fsrs_clock_backwards (void)
{
  static const gint64 jumps[] = { -86400 * 30, -1, 0, 59, -3600, 86400 * 4, -86400 * 2, 86400 * 400 };
  HepFsrsParams params;
  HepFsrsCard card;
  gint64 now = 1772352000;   /* 2026-03-01T08:00:00Z */

  hep_fsrs_params_init_default (&params);
  hep_fsrs_card_init (&card, now);
  for (guint i = 0; i < 200; i++)
    {
      HepFsrsRating rating = 1 + (i * 7 + i / 3) % 4;

      now += jumps[i % G_N_ELEMENTS (jumps)];
      g_assert_cmpfloat (hep_fsrs_card_retrievability (&params, &card, now), <=, 1.0);
      hep_fsrs_review (&params, &card, rating, now);
      g_assert_cmpint (card.due, >, now);
      g_assert_cmpint (card.last_review, ==, now);
      g_assert_cmpfloat (card.stability, >=, HEP_FSRS_STABILITY_MIN);
      g_assert_cmpfloat (card.difficulty, >=, 1.0);
      g_assert_cmpfloat (card.difficulty, <=, 10.0);
      g_assert_cmpfloat (hep_fsrs_card_retrievability (&params, &card, now - 86400), ==, 1.0);
    }
}

/* The step rules beyond the default steps: one learning step (hard waits
 * 1.5 times it), no relearning steps (a lapse stays in review), and a card
 * left on a step that no longer exists. */
static void
test_fsrs_other_steps (void)
{
  HepFsrsParams params;
  HepFsrsCard card;
  const gint64 t0 = 1772352000;

  hep_fsrs_params_init_default (&params);
  params.learning_steps[0] = 300;
  params.n_learning_steps = 1;
  params.n_relearning_steps = 0;

  hep_fsrs_card_init (&card, t0);
  hep_fsrs_review (&params, &card, HEP_FSRS_RATING_HARD, t0);
  g_assert_cmpint (card.state, ==, HEP_FSRS_STATE_LEARNING);
  g_assert_cmpint (card.due - t0, ==, 450);
  hep_fsrs_review (&params, &card, HEP_FSRS_RATING_GOOD, card.due);
  g_assert_cmpint (card.state, ==, HEP_FSRS_STATE_REVIEW);
  /* good on the only step graduates, due in whole days */
  g_assert_cmpint (card.due - card.last_review, ==, 86400 * hep_fsrs_next_interval (&params, card.stability));

  /* a lapse without relearning steps: review, due in whole days */
  hep_fsrs_review (&params, &card, HEP_FSRS_RATING_AGAIN, card.due);
  g_assert_cmpint (card.state, ==, HEP_FSRS_STATE_REVIEW);
  g_assert_cmpint ((card.due - card.last_review) % 86400, ==, 0);
  g_assert_cmpint (card.due - card.last_review, >=, 86400);

  /* a learning card on step 5 of a two-step scheduler: good graduates,
   * again goes back to step 0 */
  hep_fsrs_params_init_default (&params);
  card = (HepFsrsCard) { HEP_FSRS_STATE_LEARNING, 5, 3.0, 5.0, t0, t0 - 600 };
  {
    HepFsrsCard again = card;

    hep_fsrs_review (&params, &card, HEP_FSRS_RATING_GOOD, t0);
    g_assert_cmpint (card.state, ==, HEP_FSRS_STATE_REVIEW);
    hep_fsrs_review (&params, &again, HEP_FSRS_RATING_AGAIN, t0);
    g_assert_cmpint (again.state, ==, HEP_FSRS_STATE_LEARNING);
    g_assert_cmpuint (again.step, ==, 0);
    g_assert_cmpint (again.due - t0, ==, 60);
  }
}

static void
test_fsrs_names (void)
{
  static const char * const ratings[] = { "again", "hard", "good", "easy" };
  HepFsrsRating rating;

  for (guint i = 0; i < G_N_ELEMENTS (ratings); i++)
    {
      g_assert_true (hep_fsrs_rating_from_string (ratings[i], &rating));
      g_assert_cmpint (rating, ==, (int) i + 1);
      g_assert_cmpstr (hep_fsrs_rating_to_string (rating), ==, ratings[i]);
    }
  g_assert_false (hep_fsrs_rating_from_string ("Good", &rating));
  g_assert_false (hep_fsrs_rating_from_string ("", &rating));
  g_assert_false (hep_fsrs_rating_from_string (NULL, &rating));
  g_assert_null (hep_fsrs_rating_to_string (0));
  g_assert_cmpstr (hep_fsrs_state_to_string (HEP_FSRS_STATE_NEW), ==, "new");
  g_assert_cmpstr (hep_fsrs_state_to_string (HEP_FSRS_STATE_LEARNING), ==, "learning");
  g_assert_cmpstr (hep_fsrs_state_to_string (HEP_FSRS_STATE_REVIEW), ==, "review");
  g_assert_cmpstr (hep_fsrs_state_to_string (HEP_FSRS_STATE_RELEARNING), ==, "relearning");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/fsrs/default-params", test_fsrs_default_params);
  g_test_add_func ("/fsrs/params-validate", test_fsrs_params_validate);
  g_test_add_func ("/fsrs/formulas", test_fsrs_formulas);
  g_test_add_func ("/fsrs/replay", test_fsrs_replay);
  g_test_add_func ("/fsrs/elapsed-days", test_fsrs_elapsed_days);
  g_test_add_func ("/fsrs/clock-backwards", test_fsrs_clock_backwards);
  g_test_add_func ("/fsrs/other-steps", test_fsrs_other_steps);
  g_test_add_func ("/fsrs/names", test_fsrs_names);

  return g_test_run ();
}
