/* test-cli-db.c: `hepatica-cli db …`, and the CLI facing a damaged database
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "hep-test-json.h"
#include "../core/hep-test-damage.h"

typedef struct {
  char *dir;
  char *db;
  char *db_option;
  char *library_option;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *library = g_test_build_filename (G_TEST_BUILT, "fixture-library.db", NULL);

  f->dir = g_dir_make_tmp ("hep-test-cli-db-XXXXXX", &error);
  g_assert_no_error (error);
  f->db = g_build_filename (f->dir, "user.db", NULL);
  f->db_option = g_strconcat ("--db=", f->db, NULL);
  f->library_option = g_strconcat ("--library=", library, NULL);
  hep_test_make_user_db (f->db);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  hep_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->db);
  g_free (f->db_option);
  g_free (f->library_option);
}

static void
assert_one_line (const char *text,
                 const char *prefix)
{
  g_assert_nonnull (text);
  g_assert_true (g_str_has_prefix (text, prefix));
  g_assert_true (g_str_has_suffix (text, "\n"));
  g_assert_true (strchr (text, '\n') == text + strlen (text) - 1);
}

static void
test_damaged_database_is_refused (Fixture       *f,
                                  gconstpointer  data)
{
  const char *check[] = { "db", "check", f->db_option, NULL };
  const char *list[] = { "cases", "list", f->db_option, f->library_option, NULL };
  const char *list_json[] = { "cases", "list", "--json", f->db_option, f->library_option, NULL };
  const char *import[] = { "cases", "import", "/nonexistent.hcpack", f->db_option, f->library_option, NULL };
  g_autofree char *out = NULL, *err = NULL;

  g_assert_cmpint (hep_test_run_cli (check, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "no damage found"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  hep_test_flip_bit_in_cases_page (f->db);

  g_assert_cmpint (hep_test_run_cli (check, &out, &err), ==, 1);
  assert_one_line (err, "hepatica-cli db check: ");
  g_assert_nonnull (strstr (err, "damaged"));
  g_assert_nonnull (strstr (err, "hepatica-cli db repair"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* the cases commands refuse with one line too: no (null) rows, no criticals */
  for (guint i = 0; i < 3; i++)
    {
      const char **argv = i == 0 ? list : i == 1 ? list_json : import;

      g_assert_cmpint (hep_test_run_cli (argv, &out, &err), ==, 1);
      assert_one_line (err, "hepatica-cli cases");
      g_assert_nonnull (strstr (err, "damaged"));
      g_assert_nonnull (strstr (err, "hepatica-cli db repair"));
      g_assert_null (strstr (out, "(null)"));
      g_assert_null (strstr (err, "CRITICAL"));
      g_clear_pointer (&out, g_free);
      g_clear_pointer (&err, g_free);
    }
}

static void
test_repair (Fixture       *f,
             gconstpointer  data)
{
  const char *repair[] = { "db", "repair", "--json", f->db_option, NULL };
  const char *list[] = { "cases", "list", "--origin=user", f->db_option, f->library_option, NULL };
  const char *backups[] = { "db", "backups", "--json", f->db_option, NULL };
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(GVariant) report = NULL;
  g_autoptr(GVariant) list_of = NULL;
  g_autoptr(GError) error = NULL;
  double saved, lost;

  hep_test_flip_bit_in_cases_page (f->db);
  g_assert_cmpint (hep_test_run_cli (repair, &out, &err), ==, 0);
  report = hep_test_json_parse (out, &error);
  g_assert_no_error (error);
  {
    g_autoptr(GVariant) damaged = hep_test_json_get (report, "damaged");
    g_autoptr(GVariant) saved_v = hep_test_json_get (report, "cases_saved");
    g_autoptr(GVariant) lost_v = hep_test_json_get (report, "cases_lost");

    g_assert_true (g_variant_get_boolean (damaged));
    saved = g_variant_get_double (saved_v);
    lost = g_variant_get_double (lost_v);
  }
  g_assert_cmpfloat (saved, >, 0);
  g_assert_cmpfloat (lost, >, 0);
  g_assert_cmpfloat (saved + lost, ==, HEP_TEST_N_CASES);
  g_assert_true (g_file_test (hep_test_json_get_string (report, "damaged_copy"), G_FILE_TEST_IS_REGULAR));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (hep_test_run_cli (list, &out, &err), ==, 0);
  {
    g_autofree char *expected = g_strdup_printf ("%u cases\n", (guint) saved);

    g_assert_nonnull (strstr (out, expected));
  }
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (hep_test_run_cli (backups, &out, &err), ==, 0);
  list_of = hep_test_json_parse (out, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_variant_n_children (list_of), >=, 1);
  {
    guint n_damaged = 0;

    for (guint i = 0; i < g_variant_n_children (list_of); i++)
      {
        g_autofree char *path = g_strdup_printf ("%u/reason", i);

        if (g_strcmp0 (hep_test_json_get_string (list_of, path), "damaged") == 0)
          n_damaged++;
      }
    g_assert_cmpuint (n_damaged, ==, 1);
  }
}

static void
test_backup_and_restore (Fixture       *f,
                         gconstpointer  data)
{
  const char *backup[] = { "db", "backup", "--json", f->db_option, NULL };
  const char *backups[] = { "db", "backups", f->db_option, NULL };
  const char *list[] = { "cases", "list", "--origin=user", f->db_option, f->library_option, NULL };
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *made = NULL;
  g_autoptr(GVariant) result = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (hep_test_run_cli (backup, &out, &err), ==, 0);
  result = hep_test_json_parse (out, &error);
  g_assert_no_error (error);
  made = g_strdup (hep_test_json_get_string (result, "file"));
  g_assert_true (g_file_test (made, G_FILE_TEST_IS_REGULAR));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* a change after the backup */
  {
    g_autoptr(HepCaseStore) store = hep_case_store_new (f->db, "", &error);

    g_assert_true (hep_case_store_delete_case (store, "case-000", &error));
    g_assert_no_error (error);
  }

  g_assert_cmpint (hep_test_run_cli (backups, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "manual"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  {
    const char *restore[] = { "db", "restore", made, f->db_option, NULL };

    g_assert_cmpint (hep_test_run_cli (restore, &out, &err), ==, 0);
    g_assert_nonnull (strstr (out, "Restored"));
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
  }
  g_assert_cmpint (hep_test_run_cli (list, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "case-000"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* a file that is not a backup of Hepatica's is refused, in one line */
  {
    g_autofree char *junk = g_build_filename (f->dir, "junk.db", NULL);
    const char *restore[] = { "db", "restore", junk, f->db_option, NULL };

    g_assert_true (g_file_set_contents (junk, "not a database, not at all, and long enough", -1, NULL));
    g_assert_cmpint (hep_test_run_cli (restore, &out, &err), ==, 1);
    assert_one_line (err, "hepatica-cli db restore: ");
  }
}

/* NULL in a NOT NULL column (quick_check does not see it): the row is left
 * out and named in one warning line, never a "(null)" row. */
static void
test_null_columns_are_skipped (Fixture       *f,
                               gconstpointer  data)
{
  const char *list[] = { "cases", "list", "--origin=user", f->db_option, f->library_option, NULL };
  const char *list_json[] = { "cases", "list", "--json", "--origin=user", f->db_option, f->library_option, NULL };
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *expected = g_strdup_printf ("%u cases\n", HEP_TEST_N_CASES - 1);
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (f->db, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
    "PRAGMA writable_schema = ON;"
    "UPDATE sqlite_schema SET sql = replace(sql, 'diagnosis     TEXT NOT NULL', 'diagnosis TEXT') WHERE name = 'cases';",
    NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_cmpint (sqlite3_open (f->db, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE cases SET diagnosis = NULL WHERE id = 'case-005'", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  sqlite3_close (db);

  g_assert_cmpint (hep_test_run_cli (list, &out, &err), ==, 0);
  g_assert_null (strstr (out, "(null)"));
  g_assert_null (strstr (out, "case-005"));
  g_assert_nonnull (strstr (out, expected));
  assert_one_line (err, "hepatica-cli cases list: warning: ");
  g_assert_nonnull (strstr (err, "case-005"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (hep_test_run_cli (list_json, &out, &err), ==, 0);
  g_assert_null (strstr (out, "\"id\":null"));
  g_assert_null (strstr (out, "case-005"));
}

static void
test_error_lines_are_clean (void)
{
  const char *lirads[] = { "lirads", "size=12", "\x1b]0;owned\x07\x1b[31mred", NULL };
  const char *show[] = { "cases", "show", "fnh\x1b[2J\xe2\x80\xae", "--db=:memory:", "--library=", NULL };
  const char *db[] = { "db", "\x1b[31mcheck\x7f", NULL };
  const char **all[] = { lirads, show, db };

  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    {
      g_autofree char *out = NULL, *err = NULL;

      g_assert_cmpint (hep_test_run_cli (all[i], &out, &err), !=, 0);
      assert_one_line (err, "hepatica-cli ");
      for (const char *p = err; *p; p++)
        g_assert_true ((guchar) *p >= 0x20 || *p == '\n');
      g_assert_null (strstr (err, "\x7f"));
      g_assert_null (strstr (err, "\xe2\x80\xae"));   /* U+202E */
      g_assert_nonnull (strstr (err, "\\x1b"));
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/cli/db/damaged-database-is-refused", Fixture, NULL, fixture_set_up,
              test_damaged_database_is_refused, fixture_tear_down);
  g_test_add ("/cli/db/repair", Fixture, NULL, fixture_set_up, test_repair, fixture_tear_down);
  g_test_add ("/cli/db/backup-and-restore", Fixture, NULL, fixture_set_up, test_backup_and_restore,
              fixture_tear_down);
  g_test_add ("/cli/db/null-columns-are-skipped", Fixture, NULL, fixture_set_up, test_null_columns_are_skipped,
              fixture_tear_down);
  g_test_add_func ("/cli/db/error-lines-are-clean", test_error_lines_are_clean);

  return g_test_run ();
}
