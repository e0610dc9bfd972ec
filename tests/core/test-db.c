/* test-db.c: the SQLite wrapper turns every failure into a HEP_DB_ERROR
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "hep-db.h"

static char *
make_tmp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("hep-test-db-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_tree (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (dir);
}

static void
test_db_exec_and_statements (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HepDb) db = hep_db_open_memory (&error);
  g_autoptr(HepDbStatement) stmt = NULL;
  HepDbStatement *cached, *again;
  gboolean has_row;

  g_assert_no_error (error);
  g_assert_true (hep_db_exec (db, "CREATE TABLE t (a INTEGER, b TEXT, c REAL)", &error));

  cached = hep_db_get_statement (db, "INSERT INTO t VALUES (?1, ?2, ?3)", &error);
  g_assert_no_error (error);
  hep_db_statement_bind_int (cached, 1, 42);
  hep_db_statement_bind_text (cached, 2, "'); DROP TABLE t;--");
  hep_db_statement_bind_double (cached, 3, 0.5);
  g_assert_true (hep_db_statement_run (cached, &error));
  /* the same SQL gives the same prepared statement, reset */
  again = hep_db_get_statement (db, "INSERT INTO t VALUES (?1, ?2, ?3)", &error);
  g_assert_true (again == cached);
  hep_db_statement_bind_int (again, 1, 7);
  hep_db_statement_bind_null (again, 2);
  hep_db_statement_bind_double (again, 3, -1.25);
  g_assert_true (hep_db_statement_run (again, &error));
  g_assert_cmpint (hep_db_last_insert_rowid (db), ==, 2);

  stmt = hep_db_prepare (db, "SELECT a, b, c FROM t ORDER BY a", &error);
  g_assert_no_error (error);
  g_assert_cmpint (hep_db_statement_get_n_columns (stmt), ==, 3);
  g_assert_true (hep_db_statement_step (stmt, &has_row, &error));
  g_assert_true (has_row);
  g_assert_cmpint (hep_db_statement_get_int (stmt, 0), ==, 7);
  g_assert_true (hep_db_statement_is_null (stmt, 1));
  g_assert_cmpfloat (hep_db_statement_get_double (stmt, 2), ==, -1.25);
  g_assert_true (hep_db_statement_step (stmt, &has_row, &error));
  g_assert_true (has_row);
  /* bound text is stored verbatim, never run */
  g_assert_cmpstr (hep_db_statement_get_text (stmt, 1), ==, "'); DROP TABLE t;--");
  g_assert_true (hep_db_statement_step (stmt, &has_row, &error));
  g_assert_false (has_row);
  g_assert_no_error (error);
}

static void
test_db_errors (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HepDb) db = hep_db_open_memory (&error);
  HepDbStatement *stmt;

  g_assert_false (hep_db_exec (db, "SELEC nonsense", &error));
  g_assert_error (error, HEP_DB_ERROR, HEP_DB_ERROR_SQL);
  g_clear_error (&error);

  g_assert_null (hep_db_prepare (db, "SELECT * FROM missing_table", &error));
  g_assert_error (error, HEP_DB_ERROR, HEP_DB_ERROR_SQL);
  g_assert_nonnull (strstr (error->message, "missing_table"));
  g_clear_error (&error);

  g_assert_true (hep_db_exec (db, "CREATE TABLE u (id TEXT UNIQUE NOT NULL CHECK (length(id) < 5))", &error));
  stmt = hep_db_get_statement (db, "INSERT INTO u VALUES (?1)", &error);
  hep_db_statement_bind_text (stmt, 1, "abc");
  g_assert_true (hep_db_statement_run (stmt, &error));
  hep_db_statement_reset (stmt);
  hep_db_statement_bind_text (stmt, 1, "abc");
  g_assert_false (hep_db_statement_run (stmt, &error));
  g_assert_error (error, HEP_DB_ERROR, HEP_DB_ERROR_CONSTRAINT);
  g_clear_error (&error);
  hep_db_statement_reset (stmt);
  hep_db_statement_bind_text (stmt, 1, "too long");
  g_assert_false (hep_db_statement_run (stmt, &error));
  g_assert_error (error, HEP_DB_ERROR, HEP_DB_ERROR_CONSTRAINT);
  g_clear_error (&error);

  /* a bind out of range is reported by the step */
  hep_db_statement_reset (stmt);
  hep_db_statement_bind_text (stmt, 9, "x");
  g_assert_false (hep_db_statement_run (stmt, &error));
  g_assert_error (error, HEP_DB_ERROR, HEP_DB_ERROR_SQL);
  g_clear_error (&error);

  /* foreign keys are enforced */
  g_assert_true (hep_db_exec (db, "CREATE TABLE p (id INTEGER PRIMARY KEY);"
                                  "CREATE TABLE ch (p INTEGER REFERENCES p (id))", &error));
  g_assert_false (hep_db_exec (db, "INSERT INTO ch VALUES (5)", &error));
  g_assert_error (error, HEP_DB_ERROR, HEP_DB_ERROR_CONSTRAINT);
}

static void
test_db_transactions (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HepDb) db = hep_db_open_memory (&error);
  g_autoptr(HepDbStatement) count = NULL;
  gboolean has_row;

  g_assert_true (hep_db_exec (db, "CREATE TABLE t (a)", &error));
  g_assert_true (hep_db_begin (db, &error));
  g_assert_true (hep_db_exec (db, "INSERT INTO t VALUES (1)", &error));
  hep_db_rollback (db);
  g_assert_true (hep_db_begin (db, &error));
  g_assert_true (hep_db_exec (db, "INSERT INTO t VALUES (2)", &error));
  g_assert_true (hep_db_commit (db, &error));
  /* rollback outside a transaction is harmless */
  hep_db_rollback (db);

  count = hep_db_prepare (db, "SELECT group_concat(a) FROM t", &error);
  g_assert_true (hep_db_statement_step (count, &has_row, &error));
  g_assert_cmpstr (hep_db_statement_get_text (count, 0), ==, "2");
}

static void
test_db_files (void)
{
  g_autofree char *dir = make_tmp_dir ();
  /* characters that URIs reserve must not confuse the open */
  g_autofree char *path = g_build_filename (dir, "a b?c#d%e.db", NULL);
  g_autofree char *junk = g_build_filename (dir, "junk.db", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(HepDbStatement) stmt = NULL;
  gboolean has_row;
  int version = -1;

  {
    g_autoptr(HepDb) db = hep_db_open (path, HEP_DB_OPEN_CREATE | HEP_DB_OPEN_WAL, &error);

    g_assert_no_error (error);
    g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
    stmt = hep_db_prepare (db, "PRAGMA journal_mode", &error);
    g_assert_true (hep_db_statement_step (stmt, &has_row, &error));
    g_assert_cmpstr (hep_db_statement_get_text (stmt, 0), ==, "wal");
    g_clear_pointer (&stmt, hep_db_statement_free);
    g_assert_true (hep_db_exec (db, "CREATE TABLE t (a); INSERT INTO t VALUES ('x')", &error));
    g_assert_true (hep_db_set_user_version (db, 7, &error));
  }

  {
    g_autoptr(HepDb) ro = hep_db_open (path, HEP_DB_OPEN_READ_ONLY, &error);

    g_assert_no_error (error);
    g_assert_true (hep_db_is_read_only (ro));
    g_assert_true (hep_db_get_user_version (ro, "main", &version, &error));
    g_assert_cmpint (version, ==, 7);
    g_assert_false (hep_db_exec (ro, "INSERT INTO t VALUES ('y')", &error));
    g_assert_error (error, HEP_DB_ERROR, HEP_DB_ERROR_READ_ONLY);
    g_clear_error (&error);
  }

  {
    g_autoptr(HepDb) immutable = hep_db_open (path, HEP_DB_OPEN_IMMUTABLE, &error);

    g_assert_no_error (error);
    g_assert_true (hep_db_is_read_only (immutable));
    stmt = hep_db_prepare (immutable, "SELECT count(*) FROM t", &error);
    g_assert_true (hep_db_statement_step (stmt, &has_row, &error));
    g_assert_cmpint (hep_db_statement_get_int (stmt, 0), ==, 1);
    g_clear_pointer (&stmt, hep_db_statement_free);
    g_assert_false (hep_db_exec (immutable, "DELETE FROM t", &error));
    g_assert_error (error, HEP_DB_ERROR, HEP_DB_ERROR_READ_ONLY);
    g_clear_error (&error);
  }

  {
    g_autoptr(HepDb) mem = hep_db_open_memory (&error);

    g_assert_true (hep_db_attach (mem, path, "lib", TRUE, &error));
    g_assert_no_error (error);
    g_assert_true (hep_db_get_user_version (mem, "lib", &version, &error));
    g_assert_cmpint (version, ==, 7);
    stmt = hep_db_prepare (mem, "SELECT a FROM lib.t", &error);
    g_assert_true (hep_db_statement_step (stmt, &has_row, &error));
    g_assert_cmpstr (hep_db_statement_get_text (stmt, 0), ==, "x");
    g_clear_pointer (&stmt, hep_db_statement_free);
    g_assert_false (hep_db_exec (mem, "INSERT INTO lib.t VALUES ('z')", &error));
    g_assert_error (error, HEP_DB_ERROR, HEP_DB_ERROR_READ_ONLY);
    g_clear_error (&error);
  }

  g_assert_true (g_file_set_contents (junk, "this is not a database, just some text that is long enough "
                                            "to fill a header of one hundred bytes or so, really.", -1, NULL));
  g_assert_null (hep_db_open (junk, HEP_DB_OPEN_READ_ONLY, &error));
  g_assert_error (error, HEP_DB_ERROR, HEP_DB_ERROR_OPEN);
  g_assert_nonnull (strstr (error->message, "junk.db"));
  g_clear_error (&error);

  g_assert_null (hep_db_open (missing, HEP_DB_OPEN_READ_ONLY, &error));
  g_assert_error (error, HEP_DB_ERROR, HEP_DB_ERROR_OPEN);
  g_clear_error (&error);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));

  remove_tree (dir);
}

static void
test_db_hep_rank (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HepDb) db = hep_db_open_memory (&error);
  g_autoptr(HepDbStatement) stmt = NULL;
  g_autoptr(GString) order = g_string_new (NULL);
  gboolean has_row;

  /* hep_rank: column weights first, then term frequency (saturating) */
  g_assert_true (hep_db_exec (db,
    "CREATE VIRTUAL TABLE t USING fts5 (head, body);"
    "INSERT INTO t (rowid, head, body) VALUES"
    " (1, 'other', 'scar'),"
    " (2, 'scar', 'other'),"
    " (3, 'other', 'scar scar scar'),"
    " (4, 'scar', 'scar'),"
    " (5, 'other', 'other')", &error));
  g_assert_no_error (error);
  stmt = hep_db_prepare (db, "SELECT rowid, rank FROM t WHERE t MATCH 'scar' AND rank MATCH 'hep_rank(10.0, 1.0)'"
                             " ORDER BY rank", &error);
  g_assert_no_error (error);
  while (hep_db_statement_step (stmt, &has_row, &error) && has_row)
    {
      g_string_append_printf (order, "%" G_GINT64_FORMAT " ", hep_db_statement_get_int (stmt, 0));
      g_assert_cmpfloat (hep_db_statement_get_double (stmt, 1), <, 0);
    }
  g_assert_no_error (error);
  g_assert_cmpstr (order->str, ==, "4 2 3 1 ");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/db/exec-and-statements", test_db_exec_and_statements);
  g_test_add_func ("/db/errors", test_db_errors);
  g_test_add_func ("/db/transactions", test_db_transactions);
  g_test_add_func ("/db/files", test_db_files);
  g_test_add_func ("/db/hep-rank", test_db_hep_rank);

  return g_test_run ();
}
