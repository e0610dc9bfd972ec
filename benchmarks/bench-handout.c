/* bench-handout.c: the whole bundled library as an answer key
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Prints:
 *   handout-pdf-s: the median wall time of three runs writing every case of
 *     the bundled library ($HEPATICA_LIBRARY) as an A4 answer key PDF, from
 *     the loaded cases to the finished file (both layout passes, the
 *     diagrams, the fonts). Target ≤ 5.
 *   handout-pdf-pages: its number of pages.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>

#include "hep-core.h"
#include "hep-handout.h"

#define RUNS 3

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("hep-bench-handout-XXXXXX", &error);
  g_autofree char *user = NULL;
  g_autofree char *pdf = NULL;
  g_autoptr(HepCaseStore) store = NULL;
  g_autoptr(GPtrArray) cases = g_ptr_array_new_with_free_func (g_object_unref);
  HepHandoutOptions options = { HEP_HANDOUT_ANSWERS, HEP_PAPER_A4, "Hepatica: every bundled case" };
  double times[RUNS];
  guint n_pages = 0;

  if (dir == NULL)
    g_error ("%s", error->message);
  user = g_build_filename (dir, "user.db", NULL);
  pdf = g_build_filename (dir, "answers.pdf", NULL);
  store = hep_case_store_new (user, g_getenv ("HEPATICA_LIBRARY"), &error);
  if (store == NULL)
    g_error ("%s", error->message);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (store)); i++)
    g_ptr_array_add (cases, g_list_model_get_item (G_LIST_MODEL (store), i));
  if (cases->len == 0)
    g_error ("the bundled library is empty");

  for (guint r = 0; r < RUNS; r++)
    {
      gint64 start = g_get_monotonic_time ();

      if (!hep_handout_write_pdf (cases, &options, pdf, &n_pages, &error))
        g_error ("%s", error->message);
      times[r] = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
    }
  qsort (times, RUNS, sizeof times[0], compare_doubles);
  printf ("handout-pdf-s: %.2f s\n", times[RUNS / 2]);
  printf ("handout-pdf-pages: %u pages (%u cases)\n", n_pages, cases->len);

  g_unlink (pdf);
  g_unlink (user);
  {
    g_autofree char *wal = g_strconcat (user, "-wal", NULL);
    g_autofree char *shm = g_strconcat (user, "-shm", NULL);

    g_unlink (wal);
    g_unlink (shm);
  }
  g_rmdir (dir);
  return 0;
}
