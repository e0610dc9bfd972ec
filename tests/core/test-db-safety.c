/* test-db-safety.c: a damaged, foreign or contended user database
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each reproducer is made here: a bit flipped in a page of the cases
 * table, another program's database, two threads opening a new database,
 * NULL in a NOT NULL column, a path that is a device.
 */

#include "config.h"

#include <sqlite3.h>
#include <string.h>
#include <unistd.h>

#include "hep-test-cases.h"
#include "hep-test-damage.h"
#include "hep-db-backup.h"
#include "hep-migrations.h"

#define NOW HEP_TEST_NOW
#define N_CASES HEP_TEST_N_CASES
#define make_user_db hep_test_make_user_db
#define raw_int hep_test_raw_int
#define flip_bit_in_cases_page hep_test_flip_bit_in_cases_page

static char *
make_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("hep-test-db-safety-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static char *
file_sum (const char *path)
{
  g_autofree char *data = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &data, &length, NULL))
    return g_strdup ("missing");
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, length);
}

static void
test_damaged_is_never_written (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "user.db", NULL);
  g_autofree char *wal = g_build_filename (dir, "user.db-wal", NULL);
  g_autofree char *backups = g_build_filename (dir, "backups", NULL);
  g_autofree char *before = NULL, *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HepCaseStore) store = NULL;

  make_user_db (path);
  flip_bit_in_cases_page (path);
  before = file_sum (path);

  store = hep_case_store_open (path, "", backups, HEP_CASE_STORE_OPEN_DEFAULT, NOW, &error);
  g_assert_null (store);
  g_assert_error (error, HEP_DB_ERROR, HEP_DB_ERROR_DAMAGED);
  /* what is wrong and what to do, on one line */
  g_assert_nonnull (strstr (error->message, "damaged"));
  g_assert_nonnull (strstr (error->message, "hepatica-cli db repair"));
  g_assert_null (strchr (error->message, '\n'));
  g_clear_error (&error);

  after = file_sum (path);
  g_assert_cmpstr (before, ==, after);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  /* and no backup was made from it */
  g_assert_false (g_file_test (backups, G_FILE_TEST_EXISTS));
  hep_test_remove_tree (dir);
}

static void
test_repair_keeps_what_can_be_read (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "user.db", NULL);
  g_autofree char *backups = g_build_filename (dir, "backups", NULL);
  g_autofree char *damaged_sum = NULL;
  g_autofree char *copy_sum = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HepCaseStore) store = NULL;
  g_autoptr(GPtrArray) list = NULL;
  HepDbRepairReport report;

  make_user_db (path);

  /* a sound file: nothing to do */
  g_assert_true (hep_db_repair (path, backups, NOW, &report, &error));
  g_assert_no_error (error);
  g_assert_false (report.damaged);
  hep_db_repair_report_clear (&report);

  flip_bit_in_cases_page (path);
  damaged_sum = file_sum (path);
  hep_db_repair (path, backups, NOW, &report, &error);
  g_assert_no_error (error);
  g_assert_true (report.damaged);
  g_assert_nonnull (report.problem);
  /* one leaf is lost; the rows before it are not all on it */
  g_assert_cmpuint (report.cases_saved, >, 0);
  g_assert_cmpuint (report.cases_lost, >, 0);
  g_assert_cmpuint (report.cases_saved + report.cases_lost, ==, N_CASES);
  /* the other tables were not hit */
  g_assert_cmpuint (report.attempts_saved, ==, N_CASES);
  g_assert_cmpuint (report.attempts_lost, ==, 0);
  g_assert_cmpuint (report.reviews_saved, ==, N_CASES);
  /* the damaged file is kept as it was */
  copy_sum = file_sum (report.damaged_copy);
  g_assert_cmpstr (copy_sum, ==, damaged_sum);
  list = hep_db_backup_list (backups, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpstr (((HepDbBackup *) list->pdata[0])->reason, ==, "damaged");

  /* the new file is sound and holds the saved rows */
  store = hep_case_store_new (path, "", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, report.cases_saved);
  g_assert_cmpuint (hep_case_store_count_attempts (store, NULL, NULL, &error), ==, N_CASES);
  hep_db_repair_report_clear (&report);
  g_clear_object (&store);
  hep_test_remove_tree (dir);
}

static void
test_foreign_database_untouched (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *other = g_build_filename (dir, "other.db", NULL);
  g_autofree char *tables = g_build_filename (dir, "tables.db", NULL);
  g_autofree char *fresh = g_build_filename (dir, "fresh.db", NULL);
  g_autoptr(GError) error = NULL;
  const char *files[] = { other, tables };

  {
    g_autoptr(HepDb) db = hep_db_open (other, HEP_DB_OPEN_CREATE, &error);

    g_assert_true (hep_db_exec (db, "PRAGMA application_id = 1234; CREATE TABLE notes (text);"
                                    "INSERT INTO notes VALUES ('mine')", &error));
  }
  {
    g_autoptr(HepDb) db = hep_db_open (tables, HEP_DB_OPEN_CREATE, &error);

    /* user_version 0 and application_id 0, but tables of its own */
    g_assert_true (hep_db_exec (db, "CREATE TABLE cases (x); INSERT INTO cases VALUES (1)", &error));
  }
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *before = file_sum (files[i]);
      g_autofree char *after = NULL;
      g_autofree char *wal = g_strconcat (files[i], "-wal", NULL);

      g_assert_null (hep_case_store_new (files[i], "", &error));
      g_assert_error (error, HEP_DB_ERROR, HEP_DB_ERROR_FOREIGN);
      g_assert_nonnull (strstr (error->message, "untouched"));
      g_clear_error (&error);
      after = file_sum (files[i]);
      g_assert_cmpstr (before, ==, after);
      /* not switched to WAL: the header still says rollback journal */
      g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
      g_assert_cmpint (raw_int (files[i], "PRAGMA user_version"), ==, 0);
    }

  /* Hepatica's own files carry its application id */
  {
    g_autoptr(HepCaseStore) store = hep_case_store_new (fresh, "", &error);

    g_assert_no_error (error);
    g_assert_nonnull (store);
  }
  g_assert_cmpint ((guint32) raw_int (fresh, "PRAGMA application_id"), ==, HEP_DB_APPLICATION_ID);
  hep_test_remove_tree (dir);
}

typedef struct {
  const char *path;
  GError     *error;
  guint       n_items;
} Opener;

static gpointer
open_thread (gpointer data)
{
  Opener *o = data;
  HepCaseStore *store = hep_case_store_new (o->path, "", &o->error);

  if (store != NULL)
    {
      o->n_items = g_list_model_get_n_items (G_LIST_MODEL (store));
      g_object_unref (store);
    }
  return NULL;
}

static void
test_two_threads_open_a_new_database (void)
{
  g_autofree char *dir = make_dir ();

  for (guint round = 0; round < 12; round++)
    {
      g_autofree char *name = g_strdup_printf ("new-%u.db", round);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      Opener a = { path, NULL, 99 }, b = { path, NULL, 99 };
      GThread *ta = g_thread_new ("open-a", open_thread, &a);
      GThread *tb = g_thread_new ("open-b", open_thread, &b);

      g_thread_join (ta);
      g_thread_join (tb);
      g_assert_no_error (a.error);
      g_assert_no_error (b.error);
      g_assert_cmpuint (a.n_items, ==, 0);
      g_assert_cmpuint (b.n_items, ==, 0);
      g_assert_cmpint (raw_int (path, "PRAGMA user_version"), ==, hep_migrations_get_latest_version ());
      g_assert_cmpint (raw_int (path, "SELECT count(*) FROM sqlite_schema WHERE name = 'cases'"), ==, 1);
    }
  hep_test_remove_tree (dir);
}

/* The same race one step later: two threads open a version 1 database. */
static void
test_two_threads_upgrade_a_database (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "data", "db", "v1.sql", NULL);
  g_autofree char *sql = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_get_contents (fixture, &sql, NULL, &error));
  for (guint round = 0; round < 8; round++)
    {
      g_autofree char *name = g_strdup_printf ("v1-%u.db", round);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      Opener a = { path, NULL, 99 }, b = { path, NULL, 99 };
      GThread *ta, *tb;

      {
        g_autoptr(HepDb) db = hep_db_open (path, HEP_DB_OPEN_CREATE, &error);

        g_assert_true (hep_db_exec (db, sql, &error));
        g_assert_no_error (error);
      }
      ta = g_thread_new ("open-a", open_thread, &a);
      tb = g_thread_new ("open-b", open_thread, &b);
      g_thread_join (ta);
      g_thread_join (tb);
      g_assert_no_error (a.error);
      g_assert_no_error (b.error);
      g_assert_cmpint (raw_int (path, "PRAGMA user_version"), ==, hep_migrations_get_latest_version ());
      g_assert_cmpint (raw_int (path, "SELECT count(*) FROM sqlite_schema WHERE name = 'quiz_attempt'"), ==, 1);
    }
  hep_test_remove_tree (dir);
}

static void
test_null_columns_are_damage (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "user.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(HepCaseStore) store = NULL;
  const char * const *damaged;
  sqlite3 *db = NULL;
  char *message = NULL;

  make_user_db (path);
  /* a schema without NOT NULL on the title (writable_schema), then a NULL
   * title: quick_check has nothing to say about it */
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
    "PRAGMA writable_schema = ON;"
    "UPDATE sqlite_schema SET sql = replace(sql, 'title         TEXT NOT NULL', 'title TEXT') WHERE name = 'cases';",
    NULL, NULL, &message), ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE cases SET title = NULL WHERE id IN ('case-003', 'case-007')",
                                 NULL, NULL, &message), ==, SQLITE_OK);
  sqlite3_close (db);

  store = hep_case_store_new (path, "", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, N_CASES - 2);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (store)); i++)
    {
      g_autoptr(HepCase) c = g_list_model_get_item (G_LIST_MODEL (store), i);

      g_assert_nonnull (c);
      g_assert_nonnull (hep_case_get_title (c));
      g_assert_cmpstr (hep_case_get_id (c), !=, "case-003");
    }
  damaged = hep_case_store_get_damaged_rows (store);
  g_assert_nonnull (damaged);
  g_assert_cmpuint (g_strv_length ((char **) damaged), ==, 2);
  g_assert_nonnull (strstr (damaged[0], "case-003"));
  g_assert_nonnull (strstr (damaged[1], "case-007"));
  /* asking for it by id is an error, not a blank case */
  g_assert_null (hep_case_store_get_case (store, "case-003", &error));
  g_assert_error (error, HEP_DB_ERROR, HEP_DB_ERROR_DAMAGED);
  g_clear_error (&error);
  /* and a search does not return it */
  {
    g_autoptr(GPtrArray) hits = hep_case_store_search (store, "focal", 100, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (hits->len, ==, N_CASES - 2);
  }
  g_clear_object (&store);
  hep_test_remove_tree (dir);
}

static void
test_not_a_regular_file (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *link = g_build_filename (dir, "user.db", NULL);
  g_autofree char *journal = g_build_filename (dir, "user.db-journal", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (symlink ("/dev/null", link), ==, 0);
  g_assert_null (hep_case_store_new (link, "", &error));
  g_assert_error (error, HEP_DB_ERROR, HEP_DB_ERROR_NOT_REGULAR);
  g_clear_error (&error);
  g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));
  /* a folder is not a database either */
  g_assert_null (hep_case_store_new (dir, "", &error));
  g_assert_error (error, HEP_DB_ERROR, HEP_DB_ERROR_NOT_REGULAR);
  g_clear_error (&error);
  hep_test_remove_tree (dir);
}

/* Reads the store from a folder the process cannot write to. As root
 * (CI containers), the check runs in a subprocess that drops to nobody:
 * root writes anywhere. */
static void
test_read_only_folder (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *data = NULL;
  g_autofree char *path = NULL;

  if (g_test_subprocess ())
    {
      const char *base = g_getenv ("HEP_TEST_RO_DIR");
      g_autofree char *folder = g_build_filename (base, "data", NULL);
      g_autofree char *db = g_build_filename (folder, "user.db", NULL);
      g_autofree char *missing = g_build_filename (folder, "none", "user.db", NULL);
      g_autofree char *library = hep_test_fixture_library ();
      g_autoptr(GError) error = NULL;

      if (geteuid () == 0)
        g_assert_true (setgid (65534) == 0 && setuid (65534) == 0);
      g_assert_cmpint (g_access (folder, W_OK), !=, 0);
      {
        g_autoptr(HepCaseStore) store = hep_case_store_open (db, library, NULL, HEP_CASE_STORE_OPEN_READ_ONLY_OK,
                                                             NOW, &error);

        g_assert_no_error (error);
        g_assert_true (hep_case_store_is_read_only (store));
        g_assert_cmpuint (hep_case_store_count (store, HEP_CASE_ORIGIN_USER, &error), ==, N_CASES);
        g_assert_cmpuint (hep_case_store_count (store, HEP_CASE_ORIGIN_BUNDLED, &error), ==, 5);
      }
      {
        /* nothing there yet: the bundled cases alone */
        g_autoptr(HepCaseStore) store = hep_case_store_open (missing, library, NULL,
                                                             HEP_CASE_STORE_OPEN_READ_ONLY_OK, NOW, &error);

        g_assert_no_error (error);
        g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 5);
      }
      /* without the flag, the folder is an error, not a silent fallback */
      g_assert_null (hep_case_store_new (missing, library, &error));
      g_assert_nonnull (error);
      return;
    }

  dir = make_dir ();
  data = g_build_filename (dir, "data", NULL);
  path = g_build_filename (data, "user.db", NULL);
  g_assert_cmpint (g_mkdir (data, 0700), ==, 0);
  make_user_db (path);
  g_assert_cmpint (g_chmod (dir, 0755), ==, 0);
  g_assert_cmpint (g_chmod (path, 0644), ==, 0);
  g_assert_cmpint (g_chmod (data, 0555), ==, 0);
  g_setenv ("HEP_TEST_RO_DIR", dir, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
  g_assert_cmpint (g_chmod (data, 0700), ==, 0);
  hep_test_remove_tree (dir);
}

static guint
count_reason (GPtrArray  *list,
              const char *reason)
{
  guint n = 0;

  for (guint i = 0; i < list->len; i++)
    if (g_str_equal (((HepDbBackup *) list->pdata[i])->reason, reason))
      n++;
  return n;
}

static void
test_backups (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "user.db", NULL);
  g_autofree char *backups = g_build_filename (dir, "backups", NULL);
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "data", "db", "v1.sql", NULL);
  g_autofree char *sql = NULL;
  g_autofree char *saved = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  /* a version 1 database: opening it migrates, after a backup */
  g_assert_true (g_file_get_contents (fixture, &sql, NULL, &error));
  {
    g_autoptr(HepDb) db = hep_db_open (path, HEP_DB_OPEN_CREATE, &error);

    g_assert_true (hep_db_exec (db, sql, &error));
  }
  {
    g_autoptr(HepCaseStore) store = hep_case_store_open (path, "", backups, 0, now, &error);

    g_assert_no_error (error);
    g_assert_nonnull (store);
  }
  list = hep_db_backup_list (backups, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_reason (list, "migration"), ==, 1);
  g_assert_cmpint (raw_int (((HepDbBackup *) list->pdata[list->len - 1])->path, "PRAGMA user_version"), ==, 1);
  g_assert_cmpint (raw_int (path, "PRAGMA user_version"), ==, hep_migrations_get_latest_version ());
  g_clear_pointer (&list, g_ptr_array_unref);

  /* at most one a day, and only when the file changed */
  {
    g_autoptr(HepCaseStore) store = hep_case_store_open (path, "", backups, 0, now + 60, &error);
    g_autoptr(HepCase) c = hep_test_load_case ("fx-hcc-lr5");

    g_assert_no_error (error);
    g_assert_true (hep_case_store_create_case (store, c, now, &error));
  }
  list = hep_db_backup_list (backups, &error);
  g_assert_cmpuint (list->len, ==, 1 + count_reason (list, "daily"));
  {
    guint before = list->len;
    g_autoptr(HepCaseStore) store = hep_case_store_open (path, "", backups, 0, now + 2 * 86400, &error);

    g_assert_no_error (error);
    g_assert_nonnull (store);
    g_clear_pointer (&list, g_ptr_array_unref);
    list = hep_db_backup_list (backups, &error);
    g_assert_cmpuint (count_reason (list, "daily"), >=, 1);
    g_assert_cmpuint (list->len, <=, before + 1);
  }
  g_clear_pointer (&list, g_ptr_array_unref);

  /* the last ten are kept */
  {
    g_autoptr(HepDb) db = hep_db_open (path, 0, &error);

    for (guint i = 0; i < 14; i++)
      {
        g_autofree char *made = hep_db_backup_create (db, backups, now + 10 * 86400 + i, "manual", &error);

        g_assert_no_error (error);
        g_assert_true (g_file_test (made, G_FILE_TEST_IS_REGULAR));
      }
  }
  list = hep_db_backup_list (backups, &error);
  g_assert_cmpuint (list->len, ==, HEP_DB_BACKUP_KEEP);
  g_assert_cmpuint (count_reason (list, "manual"), ==, HEP_DB_BACKUP_KEEP);
  g_assert_cmpint (((HepDbBackup *) list->pdata[0])->time, ==, now + 10 * 86400 + 13);

  /* restore one: the case added since is gone, and kept in a backup first */
  {
    g_autofree char *old = NULL;
    g_autoptr(HepDb) db = hep_db_open (path, 0, &error);

    g_assert_true (hep_db_exec (db, "DELETE FROM case_fts; DELETE FROM case_open_fts; DELETE FROM cases", &error));
    old = hep_db_backup_create (db, backups, now + 20 * 86400, "manual", &error);
    g_assert_no_error (error);
    g_clear_object (&db);
    {
      g_autoptr(HepCaseStore) store = hep_case_store_new (path, "", &error);
      g_autoptr(HepCase) c = hep_test_load_case ("fx-met-rim");

      g_assert_true (hep_case_store_create_case (store, c, now, &error));
      g_assert_no_error (error);
    }
    g_assert_true (hep_db_backup_restore (path, old, backups, now + 21 * 86400, &saved, &error));
    g_assert_no_error (error);
    g_assert_cmpint (raw_int (path, "SELECT count(*) FROM cases"), ==, 0);
    g_assert_cmpint (raw_int (saved, "SELECT count(*) FROM cases"), ==, 1);
    g_assert_cmpint ((guint32) raw_int (path, "PRAGMA application_id"), ==, HEP_DB_APPLICATION_ID);
    {
      g_autoptr(HepCaseStore) store = hep_case_store_new (path, "", &error);

      g_assert_no_error (error);
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 0);
    }
  }

  /* a foreign file is not restored */
  {
    g_autofree char *other = g_build_filename (dir, "other.db", NULL);
    g_autoptr(HepDb) db = hep_db_open (other, HEP_DB_OPEN_CREATE, &error);

    g_assert_true (hep_db_exec (db, "PRAGMA application_id = 7; CREATE TABLE t (x)", &error));
    g_clear_object (&db);
    g_assert_false (hep_db_backup_restore (path, other, backups, now + 22 * 86400, NULL, &error));
    g_assert_error (error, HEP_DB_ERROR, HEP_DB_ERROR_FOREIGN);
    g_clear_error (&error);
  }
  g_clear_pointer (&list, g_ptr_array_unref);
  hep_test_remove_tree (dir);
}

typedef struct {
  const char *path;
  const char *title;
  GPtrArray  *results;
  GError     *error;
} Importer;

static gpointer
import_thread (gpointer data)
{
  Importer *im = data;
  g_autoptr(HepCaseStore) store = hep_case_store_new (im->path, "", &im->error);
  g_autoptr(GPtrArray) cases = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(HepCase) base = hep_test_load_case ("fx-hcc-lr5");

  if (store == NULL)
    return NULL;
  for (guint i = 0; i < 30; i++)
    {
      HepCase *c = hep_case_copy (base);
      g_autofree char *id = g_strdup_printf ("ci-%03u", i);

      hep_case_set_id (c, id);
      hep_case_set_title (c, im->title);
      g_ptr_array_add (cases, c);
    }
  im->results = hep_case_store_import_cases (store, cases, NOW, &im->error);
  return NULL;
}

/* Two imports of the same ids with different content at once: the second
 * to write sees the first's cases and renames, never a UNIQUE failure. */
static void
test_concurrent_imports_follow_the_rename_rule (void)
{
  g_autofree char *dir = make_dir ();

  for (guint round = 0; round < 6; round++)
    {
      g_autofree char *name = g_strdup_printf ("import-%u.db", round);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      Importer a = { path, "Version A", NULL, NULL }, b = { path, "Version B", NULL, NULL };
      GThread *ta, *tb;

      /* the file exists before: this is about the import, not the open */
      g_object_unref (hep_case_store_new (path, "", NULL));
      ta = g_thread_new ("import-a", import_thread, &a);
      tb = g_thread_new ("import-b", import_thread, &b);
      g_thread_join (ta);
      g_thread_join (tb);
      g_assert_no_error (a.error);
      g_assert_no_error (b.error);
      for (guint i = 0; i < 30; i++)
        {
          HepCaseImportResult *ra = a.results->pdata[i], *rb = b.results->pdata[i];
          g_autofree char *renamed = g_strconcat (ra->id, "-imported", NULL);

          /* one of the two was first, the other renamed */
          g_assert_cmpint (ra->action + rb->action, ==, HEP_CASE_IMPORT_ADDED + HEP_CASE_IMPORT_RENAMED);
          g_assert_cmpstr (ra->action == HEP_CASE_IMPORT_RENAMED ? ra->new_id : rb->new_id, ==, renamed);
        }
      g_assert_cmpint (raw_int (path, "SELECT count(*) FROM cases"), ==, 60);
      g_ptr_array_unref (a.results);
      g_ptr_array_unref (b.results);
    }
  hep_test_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/db-safety/damaged-is-never-written", test_damaged_is_never_written);
  g_test_add_func ("/db-safety/repair-keeps-what-can-be-read", test_repair_keeps_what_can_be_read);
  g_test_add_func ("/db-safety/foreign-database-untouched", test_foreign_database_untouched);
  g_test_add_func ("/db-safety/two-threads-open-a-new-database", test_two_threads_open_a_new_database);
  g_test_add_func ("/db-safety/two-threads-upgrade-a-database", test_two_threads_upgrade_a_database);
  g_test_add_func ("/db-safety/null-columns-are-damage", test_null_columns_are_damage);
  g_test_add_func ("/db-safety/not-a-regular-file", test_not_a_regular_file);
  g_test_add_func ("/db-safety/read-only-folder", test_read_only_folder);
  g_test_add_func ("/db-safety/backups", test_backups);
  g_test_add_func ("/db-safety/concurrent-imports-follow-the-rename-rule",
                   test_concurrent_imports_follow_the_rename_rule);

  return g_test_run ();
}
