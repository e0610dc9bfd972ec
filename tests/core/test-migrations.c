/* test-migrations.c: every schema step, from a fixture of each old version
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "hep-test-cases.h"
#include "hep-migrations.h"

static char *
schema_of (HepDb *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HepDbStatement) stmt = NULL;
  GString *out = g_string_new (NULL);
  gboolean has_row;

  stmt = hep_db_prepare (db, "SELECT type, name, tbl_name, coalesce(sql, '') FROM sqlite_schema ORDER BY name", &error);
  g_assert_no_error (error);
  while (hep_db_statement_step (stmt, &has_row, &error) && has_row)
    g_string_append_printf (out, "%s %s %s %s\n", hep_db_statement_get_text (stmt, 0),
                            hep_db_statement_get_text (stmt, 1), hep_db_statement_get_text (stmt, 2),
                            hep_db_statement_get_text (stmt, 3));
  g_assert_no_error (error);
  return g_string_free (out, FALSE);
}

static int
version_of (HepDb *db)
{
  g_autoptr(GError) error = NULL;
  int version = -1;

  g_assert_true (hep_db_get_user_version (db, "main", &version, &error));
  g_assert_no_error (error);
  return version;
}

/* A file database holding fixture vN.sql. */
static HepDb *
open_fixture (const char *dir,
              int         version,
              char      **path_out)
{
  g_autofree char *name = g_strdup_printf ("v%d.sql", version);
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "data", "db", name, NULL);
  g_autofree char *db_name = g_strdup_printf ("v%d.db", version);
  g_autofree char *sql = NULL;
  g_autoptr(GError) error = NULL;
  HepDb *db;

  g_assert_true (g_file_get_contents (fixture, &sql, NULL, &error));
  g_assert_no_error (error);
  *path_out = g_build_filename (dir, db_name, NULL);
  g_unlink (*path_out);
  db = hep_db_open (*path_out, HEP_DB_OPEN_CREATE | HEP_DB_OPEN_WAL, &error);
  g_assert_no_error (error);
  g_assert_true (hep_db_exec (db, sql, &error));
  g_assert_no_error (error);
  g_assert_cmpint (version_of (db), ==, version);
  return db;
}

static void
test_migrations_version_is_number_of_steps (void)
{
  int latest = hep_migrations_get_latest_version ();

  g_assert_cmpint (latest, >=, 2);
  for (int v = 1; v <= latest; v++)
    g_assert_nonnull (hep_migrations_get_description (v));
}

static void
test_migrations_fresh (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HepDb) db = hep_db_open_memory (&error);
  g_autofree char *schema = NULL;

  g_assert_cmpint (version_of (db), ==, 0);
  g_assert_true (hep_migrations_run (db, &error));
  g_assert_no_error (error);
  g_assert_cmpint (version_of (db), ==, hep_migrations_get_latest_version ());
  schema = schema_of (db);
  for (guint i = 0; i < 8; i++)
    {
      static const char * const tables[] = {
        "table cases", "table case_finding", "table case_text", "table case_tag", "table case_image",
        "table case_fts ", "table quiz_attempt", "table review_state",
      };
      g_assert_nonnull (strstr (schema, tables[i]));
    }
  /* running again changes nothing */
  g_assert_true (hep_migrations_run (db, &error));
  g_assert_no_error (error);
  {
    g_autofree char *again = schema_of (db);
    g_assert_cmpstr (again, ==, schema);
  }
}

static void
test_migrations_from_fixtures (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HepDb) fresh = hep_db_open_memory (&error);
  g_autofree char *fresh_schema = NULL;
  g_autofree char *dir = g_dir_make_tmp ("hep-test-migrations-XXXXXX", &error);
  int latest = hep_migrations_get_latest_version ();

  g_assert_true (hep_migrations_run (fresh, &error));
  fresh_schema = schema_of (fresh);

  /* a fixture for every version before the latest (style-anchors B32) */
  for (int v = 1; v < latest; v++)
    {
      g_autofree char *path = NULL;
      g_autofree char *schema = NULL;
      g_autoptr(HepDb) db = open_fixture (dir, v, &path);
      g_autoptr(HepCaseStore) store = NULL;
      g_autoptr(HepCase) c = NULL;
      g_autoptr(GPtrArray) hits = NULL;

      g_test_message ("upgrading fixture v%d", v);
      g_assert_true (hep_migrations_run (db, &error));
      g_assert_no_error (error);
      g_assert_cmpint (version_of (db), ==, latest);
      schema = schema_of (db);
      g_assert_cmpstr (schema, ==, fresh_schema);
      g_clear_object (&db);

      /* the old data is still there and usable */
      store = hep_case_store_new (path, "", &error);
      g_assert_no_error (error);
      c = hep_case_store_get_case (store, "v1-user-case", &error);
      g_assert_no_error (error);
      g_assert_cmpstr (hep_case_get_title (c), ==, "A case written by schema version 1");
      g_assert_cmpint (hep_case_get_size (c), ==, 22);
      /* written before version 4: no outcome; the v4 fixture has one */
      if (v < 4)
        g_assert_null (hep_case_get_outcome (c));
      else
        g_assert_cmpstr (hep_case_get_outcome (c), ==, "Explant: a moderately differentiated HCC.");
      g_assert_true (hep_case_is_spoiler (c, "diagnosis"));
      g_assert_false (hep_case_is_spoiler (c, "title"));
      hits = hep_case_store_search (store, "washout", 10, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (hits->len, ==, 1);
      g_clear_pointer (&hits, g_ptr_array_unref);
      /* a case written before version 3 is indexed for unknown-case search
       * when the store opens: its findings match, its diagnosis does not */
      hits = hep_case_store_search_full (store, "washout", 10, TRUE, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (hits->len, ==, 1);
      g_clear_pointer (&hits, g_ptr_array_unref);
      hits = hep_case_store_search_full (store, "hepatocellular", 10, TRUE, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (hits->len, ==, 0);
      g_clear_pointer (&hits, g_ptr_array_unref);
      hits = hep_case_store_search (store, "hepatocellular", 10, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (hits->len, ==, 1);
      /* a case written before version 4 goes into a deck */
      {
        g_autoptr(HepDeck) deck = hep_case_store_create_deck (store, "Old cases", NULL, 1700000200, &error);

        g_assert_no_error (error);
        g_assert_true (hep_case_store_add_to_deck (store, deck->id, "v1-user-case", -1, 1700000300, &error));
        g_assert_no_error (error);
      }
      /* the quiz answers and review states of v2 to v5 are kept, the
       * columns of the review log (v6) empty */
      if (v >= 2)
        {
          g_autoptr(GPtrArray) log = hep_case_store_list_log (store, 0, 0, &error);
          g_autoptr(HepReviewState) state = NULL;
          HepQuizLogEntry *e;

          g_assert_no_error (error);
          g_assert_cmpuint (log->len, ==, v < 5 ? 1 : 2);
          e = g_ptr_array_index (log, 0);
          g_assert_cmpstr (e->case_id, ==, "v1-user-case");
          g_assert_cmpstr (e->mode, ==, "diagnosis");
          g_assert_cmpstr (e->answer, ==, "hcc");
          g_assert_true (e->correct);
          g_assert_cmpint (e->confidence, ==, 4);
          g_assert_cmpint (e->answered_at, ==, 1700000100);
          g_assert_null (e->kind);
          g_assert_null (e->grade);
          g_assert_null (e->error_kind);
          g_assert_null (e->session_id);
          state = hep_case_store_get_review_state (store, HEP_REVIEW_ITEM_CASE, "v1-user-case", &error);
          g_assert_no_error (error);
          g_assert_cmpstr (state->state, ==, "review");
          g_assert_cmpfloat_with_epsilon (state->stability, 3.2, 1e-9);
          g_assert_cmpint (state->due, ==, 1700086500);
          g_assert_cmpint (state->step, ==, 0);
        }
      g_clear_object (&store);
    }
  hep_test_remove_tree (dir);
}

static void
test_migrations_refuse_newer (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("hep-test-migrations-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "future.db", NULL);
  g_autofree char *before = NULL, *after = NULL;
  int future = hep_migrations_get_latest_version () + 1;

  {
    g_autoptr(HepDb) db = hep_db_open (path, HEP_DB_OPEN_CREATE, &error);

    g_assert_true (hep_db_exec (db, "CREATE TABLE something_new (x); INSERT INTO something_new VALUES (1)", &error));
    g_assert_true (hep_db_set_user_version (db, future, &error));
  }
  before = hep_test_db_fingerprint (path);

  {
    g_autoptr(HepDb) db = hep_db_open (path, 0, &error);

    g_assert_false (hep_migrations_run (db, &error));
    g_assert_error (error, HEP_DB_ERROR, HEP_DB_ERROR_TOO_NEW);
    g_assert_nonnull (strstr (error->message, "newer Hepatica"));
    g_assert_nonnull (strstr (error->message, "future.db"));
    g_clear_error (&error);
    g_assert_cmpint (version_of (db), ==, future);
  }

  /* the store refuses it the same way */
  g_assert_null (hep_case_store_new (path, NULL, &error));
  g_assert_error (error, HEP_DB_ERROR, HEP_DB_ERROR_TOO_NEW);
  g_clear_error (&error);

  after = hep_test_db_fingerprint (path);
  g_assert_cmpstr (before, ==, after);
  hep_test_remove_tree (dir);
}

static void
test_migrations_failed_step_rolls_back (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("hep-test-migrations-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(HepDb) db = open_fixture (dir, 1, &path);
  g_autofree char *schema = NULL;

  /* something in the way of step 2 */
  g_assert_true (hep_db_exec (db, "CREATE TABLE review_state (x)", &error));
  g_assert_false (hep_migrations_run (db, &error));
  g_assert_error (error, HEP_DB_ERROR, HEP_DB_ERROR_MIGRATION);
  g_assert_nonnull (strstr (error->message, "version 2"));
  g_clear_error (&error);
  g_assert_cmpint (version_of (db), ==, 1);
  schema = schema_of (db);
  /* quiz_attempt, created earlier in the same step, was rolled back */
  g_assert_null (strstr (schema, "quiz_attempt"));
  g_clear_object (&db);
  hep_test_remove_tree (dir);
}

static void
test_migrations_read_only_old (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("hep-test-migrations-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(HepDb) db = open_fixture (dir, 1, &path);
  g_autoptr(HepDb) ro = NULL;

  g_clear_object (&db);
  ro = hep_db_open (path, HEP_DB_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_false (hep_migrations_run (ro, &error));
  g_assert_error (error, HEP_DB_ERROR, HEP_DB_ERROR_READ_ONLY);
  g_clear_error (&error);

  /* nor can an old database serve as the bundled library */
  g_assert_null (hep_case_store_new (":memory:", path, &error));
  g_assert_error (error, HEP_CASE_STORE_ERROR, HEP_CASE_STORE_ERROR_LIBRARY);
  g_assert_nonnull (strstr (error->message, "rebuild"));
  g_clear_object (&ro);
  hep_test_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/migrations/version-is-number-of-steps", test_migrations_version_is_number_of_steps);
  g_test_add_func ("/migrations/fresh", test_migrations_fresh);
  g_test_add_func ("/migrations/from-fixtures", test_migrations_from_fixtures);
  g_test_add_func ("/migrations/refuse-newer", test_migrations_refuse_newer);
  g_test_add_func ("/migrations/failed-step-rolls-back", test_migrations_failed_step_rolls_back);
  g_test_add_func ("/migrations/read-only-old", test_migrations_read_only_old);

  return g_test_run ();
}
