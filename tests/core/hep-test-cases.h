/* hep-test-cases.h: helpers shared by the case-library tests
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "hep-core.h"
#include "hep-db.h"

/* Recomputes the Checksum line of an edited pack, as a careful forger would. */
static inline char *
hep_test_pack_resign (const char *text)
{
  g_autoptr(GString) s = g_string_new (text);
  const char *line = strstr (s->str, "\nChecksum=");
  gsize start, end;
  g_autofree char *sum = NULL;
  g_autoptr(GString) rest = NULL;

  g_assert_nonnull (line);
  start = line - s->str + 1;
  end = strchr (s->str + start, '\n') - s->str + 1;
  rest = g_string_new_len (s->str, start);
  g_string_append (rest, s->str + end);
  sum = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) rest->str, rest->len);
  g_string_erase (s, start + strlen ("Checksum="), end - start - strlen ("Checksum=") - 1);
  g_string_insert (s, start + strlen ("Checksum="), sum);
  return g_string_free (g_steal_pointer (&s), FALSE);
}

/* The library built from tests/data/cases at build time. */
static inline char *
hep_test_fixture_library (void)
{
  return g_test_build_filename (G_TEST_BUILT, "fixture-library.db", NULL);
}

static inline char *
hep_test_case_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "cases", name, NULL);
}

static inline HepCase *
hep_test_load_case (const char *id)
{
  g_autofree char *name = g_strconcat (id, ".case", NULL);
  g_autofree char *path = hep_test_case_path (name);
  g_autoptr(GError) error = NULL;
  HepCase *c = hep_case_source_load_file (path, &error);

  g_assert_no_error (error);
  return c;
}

/* Fixture case @fixture (tests/data/cases) under another id. */
static inline HepCase *
hep_test_load_case_as (const char *fixture,
                       const char *id)
{
  HepCase *c = hep_test_load_case (fixture);

  hep_case_set_id (c, id);
  return c;
}

/* Every row of every table of @path, as text: equal fingerprints mean the
 * database holds exactly the same data. */
static inline char *
hep_test_db_fingerprint (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HepDb) db = hep_db_open (path, HEP_DB_OPEN_READ_ONLY, &error);
  g_autoptr(HepDbStatement) tables = NULL;
  GString *out = g_string_new (NULL);
  gboolean has_row;

  g_assert_no_error (error);
  tables = hep_db_prepare (db, "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name", &error);
  g_assert_no_error (error);
  while (hep_db_statement_step (tables, &has_row, &error) && has_row)
    {
      const char *name = hep_db_statement_get_text (tables, 0);
      g_autofree char *sql = NULL;
      g_autoptr(HepDbStatement) rows = NULL;
      gboolean row;

      /* FTS shadow tables hold derived data in a binary form; the
       * fts table itself is read through its content */
      if (g_str_has_prefix (name, "case_fts_") || g_str_has_prefix (name, "case_open_fts_"))
        continue;
      sql = g_strdup_printf ("SELECT * FROM \"%s\"", name);
      rows = hep_db_prepare (db, sql, &error);
      g_assert_no_error (error);
      g_string_append_printf (out, "== %s\n", name);
      while (hep_db_statement_step (rows, &row, &error) && row)
        {
          for (int i = 0; i < hep_db_statement_get_n_columns (rows); i++)
            {
              const char *text = hep_db_statement_get_text (rows, i);

              g_string_append (out, text ? text : "NULL");
              g_string_append_c (out, '\t');
            }
          g_string_append_c (out, '\n');
        }
      g_assert_no_error (error);
    }
  g_assert_no_error (error);
  return g_string_free (out, FALSE);
}

/* Every case of data/cases, the library the app ships, sorted by file name. */
static inline GPtrArray *
hep_test_bundled_cases (void)
{
  g_autofree char *dir_path = g_test_build_filename (G_TEST_DIST, "..", "data", "cases", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, &error);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *cases = g_ptr_array_new_with_free_func (g_object_unref);
  const char *name;

  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".case"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (dir_path, names->pdata[i], NULL);
      HepCase *c = hep_case_source_load_file (path, &error);

      g_assert_no_error (error);
      g_ptr_array_add (cases, c);
    }
  g_assert_cmpuint (cases->len, >=, 60);
  return cases;
}

static inline void
hep_test_remove_tree (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        hep_test_remove_tree (path);
      else
        g_unlink (path);
    }
  g_rmdir (dir);
}
