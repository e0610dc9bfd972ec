/* bench-pack-import.c: reading and importing a large case pack
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: bench-pack-import CASE-FILE
 *
 * Writes a pack of 1,000 copies of CASE-FILE with 20 images each (the
 * format's limits), then measures, median of 3:
 *
 *   pack-import-cases-per-s   parse (checksum, strict checks, every case)
 *                             and import into a new user database
 *   pack-parse-ms             the parse alone
 *
 * Reading a case's image groups once scanned every group of the pack,
 * quadratic in the number of cases (over 4 s for this pack).
 */

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <glib/gstdio.h>

#include "hep-core.h"

#define N_CASES 1000
#define N_IMAGES 20

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y ? 1 : 0;
}

static void
remove_tree (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        remove_tree (path);
      else
        g_unlink (path);
    }
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HepCase) base = NULL;
  g_autoptr(GPtrArray) cases = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *data = NULL;
  g_autofree char *dir = NULL;
  double import_s[3], parse_ms[3];
  gsize length = 0;

  setlocale (LC_ALL, "");
  if (argc != 2)
    {
      fprintf (stderr, "Usage: %s CASE-FILE\n", argv[0]);
      return 2;
    }
  base = hep_case_source_load_file (argv[1], &error);
  if (base == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  for (guint i = 0; i < N_CASES; i++)
    {
      HepCase *c = hep_case_copy (base);
      g_autofree char *id = g_strdup_printf ("bench-%04u", i);

      hep_case_set_id (c, id);
      for (guint k = hep_case_get_n_images (c); k < N_IMAGES; k++)
        {
          g_autofree char *caption = g_strdup_printf ("Image %u of case %u, portal venous phase", k + 1, i);
          g_autoptr(HepCaseImage) image = hep_case_image_new (caption, "portal", "ct", NULL);

          hep_case_add_image (c, image);
        }
      g_ptr_array_add (cases, c);
    }
  data = hep_case_pack_write (cases, "bench", "2026-01-01T00:00:00Z", &length, &error);
  if (data == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  dir = g_dir_make_tmp ("hep-bench-pack-XXXXXX", &error);
  g_assert_no_error (error);

  for (guint run = 0; run < 3; run++)
    {
      g_autofree char *name = g_strdup_printf ("user-%u.db", run);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autoptr(HepCaseStore) store = hep_case_store_new (path, "", &error);
      g_autoptr(GPtrArray) parsed = NULL;
      g_autoptr(GPtrArray) results = NULL;
      gint64 t0, t1, t2;

      g_assert_no_error (error);
      t0 = g_get_monotonic_time ();
      parsed = hep_case_pack_parse (data, length, NULL, &error);
      t1 = g_get_monotonic_time ();
      if (parsed != NULL)
        results = hep_case_store_import_cases (store, parsed, 1780000000, &error);
      t2 = g_get_monotonic_time ();
      if (results == NULL || results->len != N_CASES)
        {
          fprintf (stderr, "import failed: %s\n", error ? error->message : "?");
          return 1;
        }
      parse_ms[run] = (t1 - t0) / 1000.0;
      import_s[run] = (t2 - t0) / 1e6;
    }
  qsort (import_s, 3, sizeof (double), compare_doubles);
  qsort (parse_ms, 3, sizeof (double), compare_doubles);
  printf ("pack-import-cases-per-s: %.0f cases/s\n", N_CASES / import_s[1]);
  printf ("pack-parse-ms: %.1f ms\n", parse_ms[1]);
  printf ("pack-size-mb: %.2f MB\n", length / 1e6);
  remove_tree (dir);
  return 0;
}
