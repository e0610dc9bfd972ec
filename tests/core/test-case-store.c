/* test-case-store.c: the case library model over the two databases
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "hep-test-cases.h"
#include "hep-migrations.h"

#define NOW G_GINT64_CONSTANT (1790000000)

typedef struct {
  char         *dir;
  char         *user_path;
  char         *library_path;
  HepCaseStore *store;
  guint         n_changes;
} Fixture;

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Fixture    *f)
{
  f->n_changes++;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("hep-test-store-XXXXXX", &error);
  g_assert_no_error (error);
  f->user_path = g_build_filename (f->dir, "nested", "user.db", NULL);
  f->library_path = hep_test_fixture_library ();
  f->store = hep_case_store_new (f->user_path, f->library_path, &error);
  g_assert_no_error (error);
  g_signal_connect (f->store, "items-changed", G_CALLBACK (items_changed_cb), f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  hep_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->user_path);
  g_free (f->library_path);
}

static GStrv
model_ids (HepCaseStore *store)
{
  GListModel *model = G_LIST_MODEL (store);
  GStrvBuilder *builder = g_strv_builder_new ();
  GStrv ids;

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(HepCase) c = g_list_model_get_item (model, i);

      g_strv_builder_add (builder, hep_case_get_id (c));
    }
  ids = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return ids;
}

static char *
model_ids_joined (HepCaseStore *store)
{
  g_auto(GStrv) ids = model_ids (store);

  return g_strjoinv (" ", ids);
}

static HepCase *
new_user_case (const char *id)
{
  HepCase *c = hep_test_load_case ("fx-met-rim");

  hep_case_set_id (c, id);
  hep_case_set_title (c, "A user case about a zebra lesion");
  return c;
}

static void
test_store_lists_bundled_in_title_order (Fixture       *f,
                                         gconstpointer  data)
{
  g_autofree char *ids = model_ids_joined (f->store);
  g_autoptr(HepCase) first = NULL;

  g_assert_true (g_file_test (f->user_path, G_FILE_TEST_EXISTS));
  g_assert_true (hep_case_store_has_library (f->store));
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (f->store)) == HEP_TYPE_CASE);
  /* titles: Fixture FNH…, Fixture HCC…, Fixture adenoma…, Fixture colorectal…, Fixture pyogenic… (case-blind) */
  g_assert_cmpstr (ids, ==, "fx-adenoma-fat fx-met-rim fx-fnh-scar fx-hcc-lr5 fx-abscess-gas");
  g_assert_cmpuint (hep_case_store_count (f->store, HEP_CASE_ORIGIN_BUNDLED, NULL), ==, 5);
  g_assert_cmpuint (hep_case_store_count (f->store, HEP_CASE_ORIGIN_USER, NULL), ==, 0);
  first = g_list_model_get_item (G_LIST_MODEL (f->store), 0);
  g_assert_cmpint (hep_case_get_origin (first), ==, HEP_CASE_ORIGIN_BUNDLED);
  g_assert_false (hep_case_is_editable (first));
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (f->store), 5));
}

static void
test_store_get_matches_source (Fixture       *f,
                               gconstpointer  data)
{
  static const char * const ids[] = { "fx-hcc-lr5", "fx-fnh-scar", "fx-met-rim", "fx-abscess-gas", "fx-adenoma-fat" };
  g_autoptr(GError) error = NULL;

  /* what the library holds is exactly what the source files say */
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autoptr(HepCase) stored = hep_case_store_get_case (f->store, ids[i], &error);
      g_autoptr(HepCase) source = hep_test_load_case (ids[i]);

      g_assert_no_error (error);
      g_assert_true (hep_case_equal (stored, source));
    }
  g_assert_null (hep_case_store_get_case (f->store, "no-such-case", &error));
  g_assert_error (error, HEP_CASE_STORE_ERROR, HEP_CASE_STORE_ERROR_NOT_FOUND);
}

static void
test_store_filters (Fixture       *f,
                    gconstpointer  data)
{
  static const struct {
    HepCaseFilter filter;
    const char   *expected;
  } rows[] = {
    { { "hcc", NULL, 0, -1, NULL, -1 }, "fx-hcc-lr5" },
    { { "fnh", NULL, 0, -1, NULL, -1 }, "fx-fnh-scar" },
    { { NULL, "benign", 0, -1, NULL, -1 }, "fx-adenoma-fat fx-fnh-scar" },
    { { NULL, "fever", 0, -1, NULL, -1 }, "fx-abscess-gas" },
    { { NULL, NULL, 2, -1, NULL, -1 }, "fx-met-rim fx-hcc-lr5" },
    { { NULL, NULL, 0, HEP_LIRADS_5, NULL, -1 }, "fx-hcc-lr5" },
    { { NULL, NULL, 0, HEP_LIRADS_NA, NULL, -1 }, "fx-adenoma-fat fx-met-rim fx-fnh-scar fx-abscess-gas" },
    { { NULL, "benign", 4, -1, NULL, -1 }, "fx-adenoma-fat" },
    { { "hcc", "benign", 0, -1, NULL, -1 }, "" },
    { { NULL, NULL, 0, -1, NULL, HEP_CASE_ORIGIN_USER }, "" },
    { { NULL, NULL, 0, -1, "scar", -1 }, "fx-fnh-scar" },
    { { NULL, NULL, 0, -1, "washout", -1 }, "fx-hcc-lr5 fx-met-rim" },
    { { NULL, "staging", 0, -1, "washout", -1 }, "fx-met-rim" },
    { { NULL, NULL, 0, -1, "'); DROP TABLE cases;--", -1 }, "" },
    { { NULL, NULL, 0, -1, "\" OR * NEAR(", -1 }, "" },
  };
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autofree char *ids = NULL;

      g_assert_true (hep_case_store_set_filter (f->store, &rows[i].filter, &error));
      g_assert_no_error (error);
      ids = model_ids_joined (f->store);
      g_test_message ("filter %u: %s", i, ids);
      g_assert_cmpstr (ids, ==, rows[i].expected);
    }
  {
    g_auto(GStrv) tags = hep_case_store_list_tags (f->store, &error);
    g_autofree char *joined = g_strjoinv (" ", tags);

    g_assert_no_error (error);
    g_assert_cmpstr (joined, ==, "benign central-scar cirrhosis fat fever hormone infection staging targetoid "
                                 "washout young-woman");
  }
  /* positions follow the filter, found without loading the cases */
  {
    HepCaseFilter benign = { NULL, "benign", 0, -1, NULL, -1 };
    guint position = G_MAXUINT;

    g_assert_true (hep_case_store_set_filter (f->store, &benign, &error));
    g_assert_true (hep_case_store_find_position (f->store, "fx-fnh-scar", &position));
    g_assert_cmpuint (position, ==, 1);   /* after fx-adenoma-fat */
    g_assert_false (hep_case_store_find_position (f->store, "fx-hcc-lr5", &position));
    g_assert_false (hep_case_store_find_position (f->store, "no-such-case", &position));
    g_assert_true (hep_case_store_set_filter (f->store, NULL, &error));
    for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (f->store)); i++)
      {
        g_autoptr(HepCase) c = g_list_model_get_item (G_LIST_MODEL (f->store), i);

        g_assert_true (hep_case_store_find_position (f->store, hep_case_get_id (c), &position));
        g_assert_cmpuint (position, ==, i);
      }
  }
  /* the SQL-looking search did nothing to the data */
  g_assert_cmpuint (hep_case_store_count (f->store, HEP_CASE_ORIGIN_BUNDLED, NULL), ==, 5);

  g_assert_true (hep_case_store_set_filter (f->store, NULL, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->store)), ==, 5);

  {
    HepCaseFilter bad = HEP_CASE_FILTER_INIT;

    bad.difficulty = 9;
    g_assert_false (hep_case_store_set_filter (f->store, &bad, &error));
    g_assert_error (error, HEP_CASE_STORE_ERROR, HEP_CASE_STORE_ERROR_INVALID);
  }
}

static void
test_store_search (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  HepCaseHit *hit;

  /* a title match outranks a match in the findings */
  hits = hep_case_store_search (f->store, "capsule", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 1);
  hit = hits->pdata[0];
  g_assert_cmpstr (hep_case_get_id (hit->item), ==, "fx-hcc-lr5");
  g_assert_nonnull (strstr (hit->snippet, "[capsule]"));
  g_clear_pointer (&hits, g_ptr_array_unref);

  hits = hep_case_store_search (f->store, "rim", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 2);
  /* "rim" is in the title of fx-met-rim, only in the findings of fx-abscess-gas */
  g_assert_cmpstr (hep_case_get_id (((HepCaseHit *) hits->pdata[0])->item), ==, "fx-met-rim");
  g_assert_cmpstr (hep_case_get_id (((HepCaseHit *) hits->pdata[1])->item), ==, "fx-abscess-gas");
  g_assert_cmpfloat (((HepCaseHit *) hits->pdata[0])->rank, <=, ((HepCaseHit *) hits->pdata[1])->rank);
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* the last word is a prefix; diagnosis names and tags are searched */
  hits = hep_case_store_search (f->store, "hepatocellular aden", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_cmpstr (hep_case_get_id (((HepCaseHit *) hits->pdata[0])->item), ==, "fx-adenoma-fat");
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* the limit holds */
  hits = hep_case_store_search (f->store, "fixture", 2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 2);
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* FTS syntax and SQL are just words */
  hits = hep_case_store_search (f->store, "') OR 1=1; DROP TABLE cases;-- NEAR(", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 0);
  g_clear_pointer (&hits, g_ptr_array_unref);

  g_assert_null (hep_case_store_search (f->store, "  ;;; ", 10, &error));
  g_assert_error (error, HEP_CASE_STORE_ERROR, HEP_CASE_STORE_ERROR_INVALID);
}

static void
test_store_user_cases (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HepCase) c = new_user_case ("my-zebra-case");
  g_autoptr(HepCase) loaded = NULL;
  g_autoptr(HepCase) clash = new_user_case ("fx-hcc-lr5");
  g_autoptr(HepCase) bundled = NULL;
  g_autofree char *ids = NULL;
  guint changes;

  changes = f->n_changes;
  g_assert_true (hep_case_store_create_case (f->store, c, NOW, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (f->n_changes, >, changes);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->store)), ==, 6);
  ids = model_ids_joined (f->store);
  g_assert_cmpstr (ids, ==, "my-zebra-case fx-adenoma-fat fx-met-rim fx-fnh-scar fx-hcc-lr5 fx-abscess-gas");

  loaded = hep_case_store_get_case (f->store, "my-zebra-case", &error);
  g_assert_no_error (error);
  g_assert_true (hep_case_equal (loaded, c));
  g_assert_true (hep_case_is_editable (loaded));
  g_assert_cmpint (hep_case_get_modified (loaded), ==, NOW);

  /* ids are unique across both databases */
  g_assert_false (hep_case_store_create_case (f->store, c, NOW, &error));
  g_assert_error (error, HEP_CASE_STORE_ERROR, HEP_CASE_STORE_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_false (hep_case_store_create_case (f->store, clash, NOW, &error));
  g_assert_error (error, HEP_CASE_STORE_ERROR, HEP_CASE_STORE_ERROR_EXISTS);
  g_clear_error (&error);

  /* invalid cases are refused */
  hep_case_set_diagnosis (clash, "unicorn");
  hep_case_set_id (clash, "another-case");
  g_assert_false (hep_case_store_create_case (f->store, clash, NOW, &error));
  g_assert_error (error, HEP_CASE_SOURCE_ERROR, HEP_CASE_SOURCE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (hep_case_store_contains (f->store, "another-case"));

  /* update */
  hep_case_set_title (loaded, "Renamed zebra");
  hep_case_set_findings (loaded, HEP_CASE_PHASE_HBP, "Hypointense in the hepatobiliary phase.");
  g_assert_true (hep_case_store_update_case (f->store, loaded, NOW + 60, &error));
  g_assert_no_error (error);
  {
    g_autoptr(HepCase) again = hep_case_store_get_case (f->store, "my-zebra-case", &error);
    g_autoptr(GPtrArray) hits = hep_case_store_search (f->store, "renamed", 5, &error);

    g_assert_cmpstr (hep_case_get_title (again), ==, "Renamed zebra");
    g_assert_cmpstr (hep_case_get_findings (again, HEP_CASE_PHASE_HBP), ==, "Hypointense in the hepatobiliary phase.");
    g_assert_cmpint (hep_case_get_modified (again), ==, NOW + 60);
    /* the index follows the edit */
    g_assert_cmpuint (hits->len, ==, 1);
    g_clear_pointer (&hits, g_ptr_array_unref);
    hits = hep_case_store_search (f->store, "about", 5, &error);
    g_assert_cmpuint (hits->len, ==, 0);
  }

  /* bundled cases are read-only */
  bundled = hep_case_store_get_case (f->store, "fx-hcc-lr5", &error);
  hep_case_set_title (bundled, "Edited");
  g_assert_false (hep_case_store_update_case (f->store, bundled, NOW, &error));
  g_assert_error (error, HEP_CASE_STORE_ERROR, HEP_CASE_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (hep_case_store_delete_case (f->store, "fx-hcc-lr5", &error));
  g_assert_error (error, HEP_CASE_STORE_ERROR, HEP_CASE_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (hep_case_store_delete_case (f->store, "nothing-here", &error));
  g_assert_error (error, HEP_CASE_STORE_ERROR, HEP_CASE_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* delete */
  g_assert_true (hep_case_store_delete_case (f->store, "my-zebra-case", &error));
  g_assert_no_error (error);
  g_assert_false (hep_case_store_contains (f->store, "my-zebra-case"));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->store)), ==, 5);
  {
    /* no orphan rows are left behind */
    g_autofree char *fingerprint = hep_test_db_fingerprint (f->user_path);
    g_assert_null (strstr (fingerprint, "zebra"));
  }
}

static void
test_store_persists (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HepCase) c = new_user_case ("kept-case");
  g_autoptr(HepDb) db = NULL;
  g_autoptr(HepDbStatement) stmt = NULL;
  gboolean has_row;

  g_assert_true (hep_case_store_create_case (f->store, c, NOW, &error));
  g_clear_object (&f->store);

  f->store = hep_case_store_new (f->user_path, f->library_path, &error);
  g_assert_no_error (error);
  g_assert_true (hep_case_store_contains (f->store, "kept-case"));

  /* the user database is in WAL mode */
  db = hep_db_open (f->user_path, HEP_DB_OPEN_READ_ONLY, &error);
  stmt = hep_db_prepare (db, "PRAGMA journal_mode", &error);
  g_assert_true (hep_db_statement_step (stmt, &has_row, &error));
  g_assert_cmpstr (hep_db_statement_get_text (stmt, 0), ==, "wal");
}

static void
test_store_duplicate (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HepCase) original = hep_case_store_get_case (f->store, "fx-fnh-scar", &error);
  g_autoptr(HepCase) copy = NULL;
  g_autoptr(HepCase) copy2 = NULL;

  copy = hep_case_store_duplicate_case (f->store, "fx-fnh-scar", NOW, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hep_case_get_id (copy), ==, "fx-fnh-scar-copy");
  g_assert_cmpstr (hep_case_get_derived_from (copy), ==, "fx-fnh-scar");
  g_assert_true (hep_case_is_editable (copy));
  g_assert_cmpstr (hep_case_get_title (copy), ==, hep_case_get_title (original));
  g_assert_cmpuint (hep_case_get_n_images (copy), ==, 2);

  /* the copy is editable; the original is unchanged */
  hep_case_set_title (copy, "My version of the FNH case");
  g_assert_true (hep_case_store_update_case (f->store, copy, NOW + 1, &error));
  g_assert_no_error (error);
  {
    g_autoptr(HepCase) again = hep_case_store_get_case (f->store, "fx-fnh-scar", &error);
    g_assert_true (hep_case_equal (again, original));
  }

  /* a pack of the copy, imported back, is recognised as the same case */
  {
    g_autoptr(GPtrArray) cases = g_ptr_array_new ();
    g_autoptr(GPtrArray) parsed = NULL;
    g_autoptr(GPtrArray) results = NULL;
    g_autofree char *text = NULL;
    gsize length;

    g_ptr_array_add (cases, copy);
    text = hep_case_pack_write (cases, NULL, NULL, &length, &error);
    parsed = hep_case_pack_parse (text, length, NULL, &error);
    g_assert_no_error (error);
    g_assert_null (hep_case_get_derived_from (parsed->pdata[0]));
    results = hep_case_store_import_cases (f->store, parsed, NOW, &error);
    g_assert_no_error (error);
    g_assert_cmpint (((HepCaseImportResult *) results->pdata[0])->action, ==, HEP_CASE_IMPORT_UNCHANGED);
  }

  copy2 = hep_case_store_duplicate_case (f->store, "fx-fnh-scar", NOW, &error);
  g_assert_cmpstr (hep_case_get_id (copy2), ==, "fx-fnh-scar-copy-2");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->store)), ==, 7);

  g_assert_null (hep_case_store_duplicate_case (f->store, "missing-case", NOW, &error));
  g_assert_error (error, HEP_CASE_STORE_ERROR, HEP_CASE_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* a long id is cut to fit the suffix */
  {
    g_autofree char *long_id = g_strnfill (64, 'a');
    g_autoptr(HepCase) c = new_user_case (long_id);
    g_autoptr(HepCase) dup = NULL;

    g_assert_true (hep_case_store_create_case (f->store, c, NOW, &error));
    dup = hep_case_store_duplicate_case (f->store, long_id, NOW, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (strlen (hep_case_get_id (dup)), ==, 64);
    g_assert_true (g_str_has_suffix (hep_case_get_id (dup), "-copy"));
  }
}

static void
test_store_user_case_hides_bundled (Fixture       *f,
                                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HepCase) c = NULL;
  g_autofree char *ids = NULL;

  /* a newer library may bring an id that the user already has: the user's
   * case wins. Simulate it: import a case, then give it the bundled id
   * behind the store's back. */
  {
    g_autoptr(HepCase) mine = new_user_case ("fx-hcc-lr5");
    g_autoptr(GPtrArray) cases = g_ptr_array_new ();
    g_autoptr(GPtrArray) results = NULL;

    /* an import of a different case with a taken id is renamed… */
    g_ptr_array_add (cases, mine);
    results = hep_case_store_import_cases (f->store, cases, NOW, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (((HepCaseImportResult *) results->pdata[0])->new_id, ==, "fx-hcc-lr5-imported");
  }
  {
    /* …so write the clash directly */
    g_autoptr(HepDb) db = hep_db_open (f->user_path, 0, &error);

    g_assert_true (hep_db_exec (db, "UPDATE cases SET id = 'fx-hcc-lr5' WHERE id = 'fx-hcc-lr5-imported'", &error));
    g_assert_no_error (error);
  }
  g_assert_true (hep_case_store_reload (f->store, &error));
  ids = model_ids_joined (f->store);
  /* five entries, not six: the user's fx-hcc-lr5 replaces the bundled one */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->store)), ==, 5);
  c = hep_case_store_get_case (f->store, "fx-hcc-lr5", &error);
  g_assert_cmpint (hep_case_get_origin (c), ==, HEP_CASE_ORIGIN_USER);
  g_assert_cmpstr (hep_case_get_title (c), ==, "A user case about a zebra lesion");
  g_assert_nonnull (strstr (ids, "fx-hcc-lr5"));
}

static void
test_store_quiz_tables (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  HepQuizAttempt attempt = { "fx-hcc-lr5", "diagnosis", "washout", "hcc", "hcc", TRUE, 1.0, 4, 8200, NOW };
  HepReviewState state = { HEP_REVIEW_ITEM_CASE, (char *) "fx-hcc-lr5", (char *) "review", NOW + 86400,
                           1.0, 2.5, -1, -1, 1, 0, NOW };
  g_autoptr(HepReviewState) loaded = NULL;
  g_autoptr(GPtrArray) due = NULL;
  guint correct = 0;

  g_assert_true (hep_case_store_record_attempt (f->store, &attempt, &error));
  attempt.correct = FALSE;
  attempt.answer = "fnh";
  attempt.score = -1;
  attempt.confidence = 0;
  attempt.answered_at = NOW + 10;
  g_assert_true (hep_case_store_record_attempt (f->store, &attempt, &error));
  attempt.case_id = "fx-fnh-scar";
  g_assert_true (hep_case_store_record_attempt (f->store, &attempt, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (hep_case_store_count_attempts (f->store, "fx-hcc-lr5", &correct, &error), ==, 2);
  g_assert_cmpuint (correct, ==, 1);
  g_assert_cmpuint (hep_case_store_count_attempts (f->store, NULL, &correct, &error), ==, 3);

  attempt.duration_ms = -5;
  g_assert_false (hep_case_store_record_attempt (f->store, &attempt, &error));
  g_assert_error (error, HEP_CASE_STORE_ERROR, HEP_CASE_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (hep_case_store_count_attempts (f->store, NULL, NULL, &error), ==, 3);

  g_assert_null (hep_case_store_get_review_state (f->store, HEP_REVIEW_ITEM_CASE, "fx-hcc-lr5", &error));
  g_assert_no_error (error);
  g_assert_true (hep_case_store_put_review_state (f->store, &state, &error));
  state.reps = 2;
  state.interval_days = 6.0;
  state.stability = 4.5;
  state.due = NOW + 6 * 86400;
  g_assert_true (hep_case_store_put_review_state (f->store, &state, &error));
  loaded = hep_case_store_get_review_state (f->store, HEP_REVIEW_ITEM_CASE, "fx-hcc-lr5", &error);
  g_assert_nonnull (loaded);
  g_assert_cmpint (loaded->reps, ==, 2);
  g_assert_cmpfloat (loaded->interval_days, ==, 6.0);
  g_assert_cmpfloat (loaded->stability, ==, 4.5);
  g_assert_cmpfloat (loaded->difficulty, <, 0);
  g_assert_cmpstr (loaded->state, ==, "review");
  g_assert_cmpint (loaded->due, ==, NOW + 6 * 86400);

  state.kind = HEP_REVIEW_ITEM_SKILL;
  state.item_id = (char *) "washout";
  state.due = NOW - 100;
  g_assert_true (hep_case_store_put_review_state (f->store, &state, &error));
  state.item_id = (char *) "capsule";
  state.due = NOW - 200;
  g_assert_true (hep_case_store_put_review_state (f->store, &state, &error));
  state.item_id = (char *) "scar";
  state.due = NOW + 200;
  g_assert_true (hep_case_store_put_review_state (f->store, &state, &error));

  due = hep_case_store_list_due (f->store, HEP_REVIEW_ITEM_SKILL, NOW, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (due->len, ==, 2);
  g_assert_cmpstr (((HepReviewState *) due->pdata[0])->item_id, ==, "capsule");
  g_assert_cmpstr (((HepReviewState *) due->pdata[1])->item_id, ==, "washout");
  g_clear_pointer (&due, g_ptr_array_unref);
  due = hep_case_store_list_due (f->store, HEP_REVIEW_ITEM_CASE, NOW, 0, &error);
  g_assert_cmpuint (due->len, ==, 0);
}

static void
test_store_library_errors (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("hep-test-store-XXXXXX", &error);
  g_autofree char *missing = g_build_filename (dir, "missing.db", NULL);
  g_autofree char *junk = g_build_filename (dir, "junk.db", NULL);
  g_autoptr(HepCaseStore) store = NULL;

  g_assert_null (hep_case_store_new (":memory:", missing, &error));
  g_assert_error (error, HEP_CASE_STORE_ERROR, HEP_CASE_STORE_ERROR_LIBRARY);
  g_assert_nonnull (strstr (error->message, "missing.db"));
  g_clear_error (&error);

  g_assert_true (g_file_set_contents (junk, "not a database at all, but long enough to have a header of a hundred bytes..........", -1, NULL));
  g_assert_null (hep_case_store_new (":memory:", junk, &error));
  g_assert_error (error, HEP_CASE_STORE_ERROR, HEP_CASE_STORE_ERROR_LIBRARY);
  g_clear_error (&error);

  /* a library from a newer Hepatica */
  {
    g_autofree char *future = g_build_filename (dir, "future.db", NULL);
    g_autoptr(HepDb) db = hep_db_open (future, HEP_DB_OPEN_CREATE, &error);

    g_assert_true (hep_db_set_user_version (db, hep_migrations_get_latest_version () + 1, &error));
    g_clear_object (&db);
    g_assert_null (hep_case_store_new (":memory:", future, &error));
    g_assert_error (error, HEP_CASE_STORE_ERROR, HEP_CASE_STORE_ERROR_LIBRARY);
    g_assert_nonnull (strstr (error->message, "newer Hepatica"));
    g_clear_error (&error);
  }

  /* "" means no library at all */
  store = hep_case_store_new (":memory:", "", &error);
  g_assert_no_error (error);
  g_assert_false (hep_case_store_has_library (store));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 0);
  hep_test_remove_tree (dir);
}

static void
test_store_default_paths (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HepCaseStore) store = NULL;
  g_autofree char *expected = g_build_filename (g_get_user_data_dir (), "hepatica", "user.db", NULL);
  g_autofree char *library = hep_test_fixture_library ();

  /* the user database goes to the (isolated) XDG data dir */
  g_setenv ("HEPATICA_LIBRARY", library, TRUE);
  store = hep_case_store_new (NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hep_case_store_get_user_path (store), ==, expected);
  g_assert_true (g_file_test (expected, G_FILE_TEST_EXISTS));
  g_assert_cmpstr (hep_case_store_get_library_path (store), ==, library);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 5);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/case-store/lists-bundled-in-title-order", test_store_lists_bundled_in_title_order);
  ADD ("/case-store/get-matches-source", test_store_get_matches_source);
  ADD ("/case-store/filters", test_store_filters);
  ADD ("/case-store/search", test_store_search);
  ADD ("/case-store/user-cases", test_store_user_cases);
  ADD ("/case-store/persists", test_store_persists);
  ADD ("/case-store/duplicate", test_store_duplicate);
  ADD ("/case-store/user-case-hides-bundled", test_store_user_case_hides_bundled);
  ADD ("/case-store/quiz-tables", test_store_quiz_tables);
#undef ADD
  g_test_add_func ("/case-store/library-errors", test_store_library_errors);
  g_test_add_func ("/case-store/default-paths", test_store_default_paths);

  return g_test_run ();
}
