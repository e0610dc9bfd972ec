/* bench-lirads.c: LI-RADS engine throughput
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Prints:
 *   lirads-evals-per-s: N evals/s              (target ≥ 1,000,000 on one core)
 *   lirads-parse-eval-per-s: N evals/s         token string → category
 *   lirads-counterfactuals-per-s: N sets/s     the live panel's "one change away"
 * Each figure is the median of 5 runs of about 0.3 s over 4096 random
 * feature sets from a fixed seed.
 */

#include "config.h"

#include <stdio.h>

#include "hep-lirads.h"

#define N_SETS 4096
#define N_RUNS 5

static HepFeatureSet sets[N_SETS];
static char *strings[N_SETS];

static void
make_sets (void)
{
  GRand *rand = g_rand_new_with_seed (42);

  for (guint n = 0; n < N_SETS; n++)
    {
      HepFeatureSet *fs = &sets[n];

      hep_feature_set_init (fs);
      hep_feature_set_set (fs, HEP_FEATURE_RISK, g_rand_int_range (rand, 1, 5));
      hep_feature_set_set (fs, HEP_FEATURE_SIZE, g_rand_int_range (rand, 0, 60));
      for (guint i = 0; i < HEP_N_FEATURES; i++)
        {
          HepFeature f = (HepFeature) i;

          if (f == HEP_FEATURE_RISK || f == HEP_FEATURE_SIZE || g_rand_int_range (rand, 0, 100) >= 15)
            continue;
          if (hep_feature_get_kind (f) == HEP_FEATURE_KIND_FLAG)
            hep_feature_set_set (fs, f, 1);
          else if (hep_feature_get_kind (f) == HEP_FEATURE_KIND_CHOICE)
            hep_feature_set_set (fs, f, g_rand_int_range (rand, 1, (int) hep_feature_get_n_choices (f) + 1));
          else
            hep_feature_set_set (fs, f, g_rand_int_range (rand, 18, 90));
        }
      strings[n] = hep_feature_set_to_string (fs);
    }
  g_rand_free (rand);
}

static int
cmp_double (const void *a,
            const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

typedef guint64 (*Work) (guint from, guint count);

static volatile guint64 sink;

static guint64
work_eval (guint from,
           guint count)
{
  HepLiradsResult result;
  guint64 acc = 0;

  for (guint i = 0; i < count; i++)
    acc += hep_lirads_evaluate (&sets[(from + i) % N_SETS], &result);
  return acc;
}

static guint64
work_parse_eval (guint from,
                 guint count)
{
  guint64 acc = 0;

  for (guint i = 0; i < count; i++)
    {
      HepFeatureSet fs;

      hep_feature_set_init (&fs);
      if (!hep_feature_set_parse (&fs, strings[(from + i) % N_SETS], NULL))
        g_error ("generated string does not parse");
      acc += hep_lirads_evaluate (&fs, NULL);
    }
  return acc;
}

static guint64
work_counterfactuals (guint from,
                      guint count)
{
  guint64 acc = 0;

  for (guint i = 0; i < count; i++)
    {
      GArray *cfs = hep_lirads_counterfactuals (&sets[(from + i) % N_SETS]);
      acc += cfs->len;
      g_array_unref (cfs);
    }
  return acc;
}

/* Runs @work in batches for ~0.3 s, N_RUNS times; returns the median rate. */
static double
measure (Work  work,
         guint batch)
{
  double rates[N_RUNS];

  work (0, batch);   /* warm up */
  for (int r = 0; r < N_RUNS; r++)
    {
      gint64 start = g_get_monotonic_time ();
      gint64 elapsed;
      guint64 done = 0;

      do
        {
          sink += work ((guint) done, batch);
          done += batch;
          elapsed = g_get_monotonic_time () - start;
        }
      while (elapsed < 300000);
      rates[r] = (double) done / ((double) elapsed / G_USEC_PER_SEC);
    }
  qsort (rates, N_RUNS, sizeof rates[0], cmp_double);
  return rates[N_RUNS / 2];
}

int
main (void)
{
  make_sets ();
  printf ("lirads-evals-per-s: %.0f evals/s\n", measure (work_eval, 8192));
  printf ("lirads-parse-eval-per-s: %.0f evals/s\n", measure (work_parse_eval, 1024));
  printf ("lirads-counterfactuals-per-s: %.0f sets/s\n", measure (work_counterfactuals, 128));
  for (guint n = 0; n < N_SETS; n++)
    g_free (strings[n]);
  return 0;
}
