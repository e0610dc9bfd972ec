/* bench-cases.c: the case library at scale
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: bench-cases GENERATOR N
 *
 * Generates a synthetic library of N cases in a temporary folder (with
 * hep-gen-library, in its own process so that it does not count towards
 * this one's memory), then measures the store as the app uses it:
 *
 *   cases-open-ms        open the user database and the library, list all ids (median of 5)
 *   cases-first-page-ms  load the first 50 cases of the list (median of 5)
 *   cases-filter-ms      filter by diagnosis and tag (median)
 *   cases-search-p50-ms, cases-search-p95-ms
 *                        ranked search with snippets, 50 results, loaded (target p95 ≤ 10 ms)
 *   cases-rss-mb         resident memory after all of that
 */

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <glib/gstdio.h>

#include "hep-core.h"

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
  guint index;

  g_array_sort (samples, compare_doubles);
  index = (guint) (p * (samples->len - 1) + 0.5);
  return g_array_index (samples, double, index);
}

static double
rss_mb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  line = strstr (status, "VmRSS:");
  if (line == NULL)
    return -1;
  return g_ascii_strtod (line + 6, NULL) / 1024.0;
}

static void
print_ms (const char *name,
          double      ms)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  printf ("%s: %s ms\n", name, g_ascii_formatd (buffer, sizeof buffer, "%.2f", ms));
}

int
main (int    argc,
      char **argv)
{
  static const char * const queries[] = {
    "washout", "capsule", "hemangioma", "haemangioma", "adenoma", "scar", "targetoid", "cirrhosis",
    "hepatocellular", "metastasis", "abscess gas", "rim enhancement", "central scar", "fat", "iron",
    "hepatobiliary phase", "diffusion restriction", "peripheral nodular", "cholangiocarcinoma retraction",
    "wash", "caps", "hema", "neuroendocrine", "melanoma", "breast", "follow-up stable", "threshold growth",
    "pseudolesion perfusion", "shunt", "wedge geographic", "mosaic", "nodule-in-nodule", "corona",
    "young woman contraceptive", "fever pain", "jaundice", "biopsy histology", "explant", "lr-5", "colorectal",
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) open_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) page_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) filter_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) search_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(HepCaseStore) store = NULL;
  g_autofree char *dir = NULL, *library = NULL, *user = NULL;
  const char *gen_argv[5];
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  gint64 t0;
  int status;
  guint n_items = 0;

  setlocale (LC_ALL, "C.UTF-8");
  if (argc != 3)
    {
      fprintf (stderr, "usage: bench-cases GENERATOR N\n");
      return 2;
    }

  dir = g_dir_make_tmp ("hep-bench-cases-XXXXXX", &error);
  g_assert_no_error (error);
  library = g_build_filename (dir, "library.db", NULL);
  user = g_build_filename (dir, "user.db", NULL);

  gen_argv[0] = argv[1];
  gen_argv[1] = library;
  gen_argv[2] = argv[2];
  gen_argv[3] = "1";
  gen_argv[4] = NULL;
  t0 = g_get_monotonic_time ();
  if (!g_spawn_sync (NULL, (char **) gen_argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    {
      fprintf (stderr, "bench-cases: the generator failed: %s\n", error->message);
      return 1;
    }
  printf ("cases-generate-s: %s s (%s cases)\n",
          g_ascii_formatd (buffer, sizeof buffer, "%.1f", (g_get_monotonic_time () - t0) / 1e6), argv[2]);

  for (int run = 0; run < 5; run++)
    {
      double ms;

      g_clear_object (&store);
      t0 = g_get_monotonic_time ();
      store = hep_case_store_new (user, library, &error);
      g_assert_no_error (error);
      n_items = g_list_model_get_n_items (G_LIST_MODEL (store));
      ms = (g_get_monotonic_time () - t0) / 1000.0;
      g_array_append_val (open_ms, ms);

      t0 = g_get_monotonic_time ();
      for (guint i = 0; i < 50 && i < n_items; i++)
        {
          g_autoptr(HepCase) c = g_list_model_get_item (G_LIST_MODEL (store), i);
          g_assert_nonnull (c);
        }
      ms = (g_get_monotonic_time () - t0) / 1000.0;
      g_array_append_val (page_ms, ms);
    }
  g_assert_cmpuint (n_items, ==, (guint) g_ascii_strtoull (argv[2], NULL, 10));

  for (int run = 0; run < 3; run++)
    {
      HepCaseFilter filter = HEP_CASE_FILTER_INIT;
      double ms;

      filter.diagnosis = "fnh";
      filter.tag = "benign";
      t0 = g_get_monotonic_time ();
      g_assert_true (hep_case_store_set_filter (store, &filter, &error));
      ms = (g_get_monotonic_time () - t0) / 1000.0;
      g_array_append_val (filter_ms, ms);
      g_assert_true (hep_case_store_set_filter (store, NULL, &error));
    }

  for (int run = 0; run < 3; run++)
    for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
      {
        g_autoptr(GPtrArray) hits = NULL;
        double ms;

        t0 = g_get_monotonic_time ();
        hits = hep_case_store_search (store, queries[q], 50, &error);
        ms = (g_get_monotonic_time () - t0) / 1000.0;
        g_assert_no_error (error);
        g_array_append_val (search_ms, ms);
        if (run == 0 && g_getenv ("BENCH_VERBOSE"))
          fprintf (stderr, "%-32s %4u hits %8.2f ms\n", queries[q], hits->len, ms);
      }

  print_ms ("cases-open-ms", percentile (open_ms, 0.5));
  print_ms ("cases-first-page-ms", percentile (page_ms, 0.5));
  print_ms ("cases-filter-ms", percentile (filter_ms, 0.5));
  print_ms ("cases-search-p50-ms", percentile (search_ms, 0.5));
  print_ms ("cases-search-p95-ms", percentile (search_ms, 0.95));
  printf ("cases-rss-mb: %s MB\n", g_ascii_formatd (buffer, sizeof buffer, "%.1f", rss_mb ()));

  g_clear_object (&store);
  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;

    while (d != NULL && (name = g_dir_read_name (d)) != NULL)
      {
        g_autofree char *path = g_build_filename (dir, name, NULL);
        g_unlink (path);
      }
  }
  g_rmdir (dir);
  return 0;
}
