/* bench-quiz.c: the quiz at scale
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: bench-quiz GENERATOR N
 *
 * Generates a synthetic library of N cases (hep-gen-library, in its own
 * process), then measures:
 *
 *   quiz-next-question-ms      the next question as the quiz makes it: the
 *                              most overdue case (1,000 of them are due) or,
 *                              every other time, a case drawn from the whole
 *                              library; the case loaded and its diagnosis
 *                              question made, distractors included (median of
 *                              400; target ≤ 5 ms), and its p95
 *   quiz-stats-render-ms       all the statistics plots of 10,000 answers: the
 *                              numbers from the log, every plot written as SVG,
 *                              parsed and rendered to 640 × 400 pixels (median
 *                              of 5; target ≤ 50 ms)
 *   quiz-stats-log-ms          reading those 10,000 answers from the database
 *   quiz-stats-total-ms        both: the statistics page from the database to
 *                              pixels
 *   quiz-stats-render-cpu-ms   quiz-stats-render-ms as the process's CPU time
 *                              (all threads: Pango loads fonts in its own): on
 *                              a loaded machine the wall time also counts the
 *                              time other processes ran
 */

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <glib/gstdio.h>

#include "hep-core.h"
#include "hep-diagram-render.h"

#define NOW G_GINT64_CONSTANT (1767225600)   /* 2026-01-01T00:00:00Z */
#define N_ANSWERS 10000
#define N_DUE 1000

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y ? 1 : 0;
}

static double
percentile (GArray *samples,
            double  p)
{
  g_array_sort (samples, compare_doubles);
  return g_array_index (samples, double, (guint) (p * (samples->len - 1) + 0.5));
}

static void
print_ms (const char *name,
          double      ms)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  printf ("%s: %s ms\n", name, g_ascii_formatd (buffer, sizeof buffer, "%.2f", ms));
}

static void
remove_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (dir);
}

/* 10,000 answers over a year, of every kind, as a learner gives them. */
static void
fill_log (HepCaseStore *store,
          GRand        *rand)
{
  static const char * const kinds[] = { "features", "lirads", "diagnosis", "next-test" };
  static const char * const features[] = {
    "aphe=nonrim washout capsule", "aphe=nonrim washout", "aphe=rim peripheral-washout dwi=targetoid",
    "aphe=nonrim central-scar hbp=iso-hyper", "peripheral-nodular centripetal-fill t2=marked",
    "no-enhancement t2=marked", "aphe=nonrim fat-in-mass hbp=hypo", "aphe=rim gas",
  };
  static const char * const lirads[] = { "LR-3", "LR-4", "LR-5", "LR-M", "LR-TIV" };
  static const char * const confidence[] = { "sure", "unsure", "guessing" };
  static const char * const grades[] = { "again", "hard", "good", "easy" };
  static const char * const states[] = { "new", "learning", "review", "relearning" };
  g_autoptr(GError) error = NULL;

  for (int i = 0; i < N_ANSWERS; i++)
    {
      const char *kind = kinds[g_rand_int_range (rand, 0, 4)];
      gboolean correct = g_rand_double (rand) < 0.7;
      const char *expected, *answer;
      HepQuizLogEntry e = { 0 };

      if (g_str_equal (kind, "features"))
        {
          expected = features[g_rand_int_range (rand, 0, G_N_ELEMENTS (features))];
          answer = correct ? expected : features[g_rand_int_range (rand, 0, G_N_ELEMENTS (features))];
        }
      else if (g_str_equal (kind, "lirads"))
        {
          expected = lirads[g_rand_int_range (rand, 0, G_N_ELEMENTS (lirads))];
          answer = correct ? expected : lirads[g_rand_int_range (rand, 0, G_N_ELEMENTS (lirads))];
        }
      else if (g_str_equal (kind, "diagnosis"))
        {
          expected = hep_ddx_diagnosis_to_string (g_rand_int_range (rand, 0, HEP_N_DDX));
          answer = correct ? expected : hep_ddx_diagnosis_to_string (g_rand_int_range (rand, 0, HEP_N_DDX));
        }
      else
        {
          expected = "mri-wo-w";
          answer = correct ? expected : "ceus";
        }
      correct = g_str_equal (expected, answer);
      e.case_id = g_strdup_printf ("case-%d", g_rand_int_range (rand, 0, 5000));
      e.session_id = g_strdup_printf ("session-%d", i / 20);
      e.mode = (char *) "tutor";
      e.kind = (char *) kind;
      e.expected = (char *) expected;
      e.answer = (char *) answer;
      e.correct = correct;
      e.score = correct ? 1 : 0;
      e.error_kind = correct ? NULL
                     : (char *) (g_str_equal (kind, "features") ? "perception"
                                 : g_str_equal (kind, "diagnosis") ? "knowledge" : "rule");
      e.sureness = (char *) confidence[g_rand_int_range (rand, 0, 3)];
      e.grade = (char *) (correct ? grades[g_rand_int_range (rand, 1, 4)] : grades[0]);
      e.card_state = (char *) states[g_rand_int_range (rand, 0, 4)];
      e.duration_ms = g_rand_int_range (rand, 2000, 90000);
      e.answered_at = NOW - 365 * 86400 + (gint64) i * (365 * 86400 / N_ANSWERS);
      g_assert_cmpint (hep_case_store_record_review (store, &e, NULL, &error), >, 0);
      g_free (e.case_id);
      g_free (e.session_id);
    }
}

static double
read_log_ms (HepCaseStore  *store,
             GPtrArray    **log)
{
  g_autoptr(GError) error = NULL;
  gint64 t0 = g_get_monotonic_time ();

  *log = hep_case_store_list_log (store, 0, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint ((*log)->len, ==, N_ANSWERS);
  return (g_get_monotonic_time () - t0) / 1000.0;
}

static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static double
stats_render_ms (GPtrArray *log,
                 GPtrArray *states,
                 double    *cpu)
{
  double cpu0 = cpu_ms ();
  g_autoptr(GError) error = NULL;
  g_autoptr(HepQuizStats) stats = NULL;
  gint64 t0 = g_get_monotonic_time ();

  stats = hep_quiz_stats_new (log, states, NOW, 0, NULL);
  if (g_getenv ("BENCH_VERBOSE"))
    fprintf (stderr, "stats: %.2f ms\n", (g_get_monotonic_time () - t0) / 1000.0);
  for (int p = 0; p < HEP_N_QUIZ_PLOTS; p++)
    {
      gint64 t1 = g_get_monotonic_time ();
      g_autofree char *svg = hep_quiz_stats_plot_svg (stats, p, HEP_DIAGRAM_THEME_LIGHT, 640, 400, NULL);
      gint64 t2 = g_get_monotonic_time ();
      cairo_surface_t *surface = hep_diagram_render_svg (svg, 640, 400, &error);

      g_assert_no_error (error);
      cairo_surface_destroy (surface);
      if (g_getenv ("BENCH_VERBOSE"))
        fprintf (stderr, "%s: svg %.2f ms, render %.2f ms, %zu bytes\n", hep_quiz_plot_to_string (p),
                 (t2 - t1) / 1000.0, (g_get_monotonic_time () - t2) / 1000.0, strlen (svg));
    }
  *cpu = cpu_ms () - cpu0;
  return (g_get_monotonic_time () - t0) / 1000.0;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HepCaseStore) store = NULL;
  g_autoptr(GArray) next_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) render_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) log_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) total_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) cpu_samples = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GRand) rand = g_rand_new_with_seed (18);
  g_autoptr(GPtrArray) states = NULL;
  g_autofree char *dir = NULL, *library = NULL, *user = NULL;
  const char *gen_argv[5];
  guint n_items;
  int status;

  setlocale (LC_ALL, "C.UTF-8");
  if (argc != 3)
    {
      fprintf (stderr, "usage: bench-quiz GENERATOR N\n");
      return 2;
    }

  dir = g_dir_make_tmp ("hep-bench-quiz-XXXXXX", &error);
  g_assert_no_error (error);
  library = g_build_filename (dir, "library.db", NULL);
  user = g_build_filename (dir, "user.db", NULL);
  gen_argv[0] = argv[1];
  gen_argv[1] = library;
  gen_argv[2] = argv[2];
  gen_argv[3] = "1";
  gen_argv[4] = NULL;
  if (!g_spawn_sync (NULL, (char **) gen_argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    {
      fprintf (stderr, "bench-quiz: the generator failed: %s\n", error->message);
      return 1;
    }

  store = hep_case_store_new (user, library, &error);
  g_assert_no_error (error);
  n_items = g_list_model_get_n_items (G_LIST_MODEL (store));

  /* 1,000 cases due, the most overdue first */
  for (int i = 0; i < N_DUE; i++)
    {
      g_autoptr(HepCase) c = g_list_model_get_item (G_LIST_MODEL (store), g_rand_int_range (rand, 0, n_items));
      HepReviewState state = { HEP_REVIEW_ITEM_CASE, (char *) hep_case_get_id (c), (char *) "review",
                               NOW - g_rand_int_range (rand, 0, 30 * 86400), 3, 2.5, 3, 5, 2, 0, NOW - 40 * 86400, 0 };

      g_assert_true (hep_case_store_put_review_state (store, &state, &error));
    }

  for (int i = 0; i < 400; i++)
    {
      g_autoptr(HepCase) c = NULL;
      g_autoptr(HepQuizQuestion) q = NULL;
      gint64 t0 = g_get_monotonic_time ();
      double ms;

      /* the most overdue case; every other time nothing is due, and the
       * case is drawn from the whole library */
      c = hep_quiz_next_case (store, i % 2 == 0 ? NOW : NOW - 31 * 86400, (guint32) i, NULL, &error);
      g_assert_no_error (error);
      g_assert_nonnull (c);
      q = hep_quiz_question_new (c, HEP_QUIZ_KIND_DIAGNOSIS, (guint32) i, NULL);
      ms = (g_get_monotonic_time () - t0) / 1000.0;
      g_array_append_val (next_ms, ms);

      /* answered: the card moves out of the way, as in a quiz */
      if (i % 2 == 0)
        {
          HepReviewState state = { HEP_REVIEW_ITEM_CASE, (char *) hep_case_get_id (c), (char *) "review",
                                   NOW + 86400, 3, 2.5, 3, 5, 3, 0, NOW, 0 };

          g_assert_true (hep_case_store_put_review_state (store, &state, &error));
        }
    }
  print_ms ("quiz-next-question-ms", percentile (next_ms, 0.5));
  print_ms ("quiz-next-question-p95-ms", percentile (next_ms, 0.95));

  fill_log (store, rand);
  states = hep_case_store_list_review_states (store, HEP_REVIEW_ITEM_CASE, &error);
  g_assert_no_error (error);
  {
    g_autoptr(GPtrArray) log = NULL;
    double warm_cpu;

    read_log_ms (store, &log);
    stats_render_ms (log, states, &warm_cpu);   /* warm-up: fonts */
  }
  for (int run = 0; run < 5; run++)
    {
      g_autoptr(GPtrArray) log = NULL;
      double log_part = read_log_ms (store, &log);
      double cpu_part;
      double ms = stats_render_ms (log, states, &cpu_part);
      double total = log_part + ms;

      g_array_append_val (cpu_samples, cpu_part);
      g_array_append_val (render_ms, ms);
      g_array_append_val (log_ms, log_part);
      g_array_append_val (total_ms, total);
    }
  print_ms ("quiz-stats-render-ms", percentile (render_ms, 0.5));
  print_ms ("quiz-stats-log-ms", percentile (log_ms, 0.5));
  print_ms ("quiz-stats-total-ms", percentile (total_ms, 0.5));
  print_ms ("quiz-stats-render-cpu-ms", percentile (cpu_samples, 0.5));

  g_clear_object (&store);
  remove_dir (dir);
  return 0;
}
