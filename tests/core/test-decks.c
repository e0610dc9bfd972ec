/* test-decks.c: decks of cases in the user database
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "hep-core.h"
#include "hep-test-cases.h"

typedef struct {
  char         *dir;
  char         *user_path;
  char         *library_path;
  HepCaseStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("hep-test-decks-XXXXXX", &error);
  g_assert_no_error (error);
  f->user_path = g_build_filename (f->dir, "user.db", NULL);
  f->library_path = hep_test_fixture_library ();
  f->store = hep_case_store_new (f->user_path, f->library_path, &error);
  g_assert_no_error (error);
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

static char *
joined_ids (HepCaseStore *store,
            const char   *deck_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HepDeck) deck = hep_case_store_get_deck (store, deck_id, &error);

  g_assert_no_error (error);
  return g_strjoinv (" ", deck->case_ids);
}

static void
test_decks_create (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HepDeck) a = hep_case_store_create_deck (f->store, "  HCC mimics, 2026 ", "Tuesday noon", 1000, &error);
  g_autoptr(HepDeck) b = NULL;
  g_autoptr(HepDeck) c = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (a->id, ==, "hcc-mimics-2026");
  g_assert_cmpstr (a->name, ==, "HCC mimics, 2026");
  g_assert_cmpstr (a->notes, ==, "Tuesday noon");
  g_assert_cmpint (a->created, ==, 1000);
  g_assert_cmpint (a->modified, ==, 1000);
  g_assert_cmpuint (hep_deck_get_n_cases (a), ==, 0);

  /* the same name again: its own id */
  b = hep_case_store_create_deck (f->store, "HCC mimics 2026", NULL, 1001, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (b->id, ==, "hcc-mimics-2026-2");
  g_assert_null (b->notes);
  /* a name with no letters of ASCII still gets an id */
  c = hep_case_store_create_deck (f->store, "„…“", NULL, 1002, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (c->id, ==, "deck");

  g_assert_null (hep_case_store_create_deck (f->store, "   ", NULL, 1003, &error));
  g_assert_error (error, HEP_CASE_STORE_ERROR, HEP_CASE_STORE_ERROR_INVALID);
}

static void
test_decks_edit (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HepDeck) deck = hep_case_store_create_deck (f->store, "Rounds", NULL, 10, &error);
  g_autoptr(HepDeck) after = NULL;
  g_autofree char *ids = NULL;

  g_assert_no_error (error);
  g_assert_true (hep_case_store_add_to_deck (f->store, "rounds", "fx-hcc-lr5", -1, 11, &error));
  g_assert_true (hep_case_store_add_to_deck (f->store, "rounds", "fx-fnh-scar", -1, 12, &error));
  g_assert_true (hep_case_store_add_to_deck (f->store, "rounds", "fx-met-rim", 0, 13, &error));
  g_assert_true (hep_case_store_add_to_deck (f->store, "rounds", "fx-abscess-gas", 99, 14, &error));
  g_assert_no_error (error);
  ids = joined_ids (f->store, "rounds");
  g_assert_cmpstr (ids, ==, "fx-met-rim fx-hcc-lr5 fx-fnh-scar fx-abscess-gas");
  g_clear_pointer (&ids, g_free);

  /* move forwards, backwards, past the end */
  g_assert_true (hep_case_store_move_in_deck (f->store, "rounds", "fx-met-rim", 2, 15, &error));
  ids = joined_ids (f->store, "rounds");
  g_assert_cmpstr (ids, ==, "fx-hcc-lr5 fx-fnh-scar fx-met-rim fx-abscess-gas");
  g_clear_pointer (&ids, g_free);
  g_assert_true (hep_case_store_move_in_deck (f->store, "rounds", "fx-abscess-gas", 0, 16, &error));
  g_assert_true (hep_case_store_move_in_deck (f->store, "rounds", "fx-hcc-lr5", 1000, 17, &error));
  ids = joined_ids (f->store, "rounds");
  g_assert_cmpstr (ids, ==, "fx-abscess-gas fx-fnh-scar fx-met-rim fx-hcc-lr5");
  g_clear_pointer (&ids, g_free);

  g_assert_true (hep_case_store_remove_from_deck (f->store, "rounds", "fx-fnh-scar", 18, &error));
  g_assert_no_error (error);
  ids = joined_ids (f->store, "rounds");
  g_assert_cmpstr (ids, ==, "fx-abscess-gas fx-met-rim fx-hcc-lr5");
  g_clear_pointer (&ids, g_free);

  /* errors change nothing, not even the time stamp */
  g_assert_false (hep_case_store_add_to_deck (f->store, "rounds", "fx-met-rim", -1, 20, &error));
  g_assert_error (error, HEP_CASE_STORE_ERROR, HEP_CASE_STORE_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_false (hep_case_store_add_to_deck (f->store, "rounds", "no-such-case", -1, 21, &error));
  g_assert_error (error, HEP_CASE_STORE_ERROR, HEP_CASE_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (hep_case_store_remove_from_deck (f->store, "rounds", "fx-fnh-scar", 22, &error));
  g_assert_error (error, HEP_CASE_STORE_ERROR, HEP_CASE_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (hep_case_store_move_in_deck (f->store, "rounds", "fx-fnh-scar", 0, 23, &error));
  g_assert_error (error, HEP_CASE_STORE_ERROR, HEP_CASE_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (hep_case_store_add_to_deck (f->store, "no-such-deck", "fx-met-rim", -1, 24, &error));
  g_assert_error (error, HEP_CASE_STORE_ERROR, HEP_CASE_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  after = hep_case_store_get_deck (f->store, "rounds", &error);
  g_assert_no_error (error);
  g_assert_cmpint (after->modified, ==, 18);
  g_assert_cmpuint (hep_deck_get_n_cases (after), ==, 3);
}

static void
test_decks_rename_list_delete (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HepDeck) a = hep_case_store_create_deck (f->store, "Zebra cases", NULL, 1, &error);
  g_autoptr(HepDeck) b = hep_case_store_create_deck (f->store, "benign mimics", NULL, 2, &error);
  g_autoptr(GPtrArray) decks = NULL;
  g_autoptr(HepDeck) renamed = NULL;

  g_assert_no_error (error);
  g_assert_true (hep_case_store_add_to_deck (f->store, a->id, "fx-hcc-lr5", -1, 3, &error));
  g_assert_true (hep_case_store_rename_deck (f->store, a->id, "Aardvark cases", 4, &error));
  g_assert_true (hep_case_store_set_deck_notes (f->store, a->id, "Bring the clicker.", 5, &error));
  g_assert_no_error (error);
  g_assert_false (hep_case_store_rename_deck (f->store, a->id, "", 6, &error));
  g_assert_error (error, HEP_CASE_STORE_ERROR, HEP_CASE_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* by name, case-blind; the id stays */
  decks = hep_case_store_list_decks (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (decks->len, ==, 2);
  renamed = decks->pdata[0];
  g_assert_cmpstr (renamed->id, ==, "zebra-cases");
  g_assert_cmpstr (renamed->name, ==, "Aardvark cases");
  g_assert_cmpstr (renamed->notes, ==, "Bring the clicker.");
  g_assert_cmpint (renamed->modified, ==, 5);
  g_assert_cmpstr (renamed->case_ids[0], ==, "fx-hcc-lr5");
  renamed = NULL;
  g_assert_cmpstr (((HepDeck *) decks->pdata[1])->id, ==, "benign-mimics");
  g_clear_pointer (&decks, g_ptr_array_unref);

  /* it is all in the file */
  g_clear_object (&f->store);
  f->store = hep_case_store_new (f->user_path, f->library_path, &error);
  g_assert_no_error (error);
  renamed = hep_case_store_get_deck (f->store, "zebra-cases", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (renamed->name, ==, "Aardvark cases");
  g_assert_cmpuint (hep_deck_get_n_cases (renamed), ==, 1);

  g_assert_true (hep_case_store_delete_deck (f->store, "zebra-cases", &error));
  g_assert_null (hep_case_store_get_deck (f->store, "zebra-cases", &error));
  g_assert_error (error, HEP_CASE_STORE_ERROR, HEP_CASE_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (hep_case_store_delete_deck (f->store, "zebra-cases", &error));
  g_assert_error (error, HEP_CASE_STORE_ERROR, HEP_CASE_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  decks = hep_case_store_list_decks (f->store, &error);
  g_assert_cmpuint (decks->len, ==, 1);
  /* its rows went with it */
  {
    g_autoptr(HepDb) db = hep_db_open (f->user_path, HEP_DB_OPEN_READ_ONLY, &error);
    g_autoptr(HepDbStatement) stmt = NULL;
    gboolean has_row;

    g_assert_no_error (error);
    stmt = hep_db_prepare (db, "SELECT count(*) FROM deck_case", &error);
    g_assert_true (hep_db_statement_step (stmt, &has_row, &error));
    g_assert_cmpint (hep_db_statement_get_int (stmt, 0), ==, 0);
  }
}

/* What a pack could not carry is refused when the deck is made: every
 * deck can be exported. */
static void
test_decks_limits (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *long_name = g_strnfill (HEP_DECK_MAX_NAME + 1, 'n');
  g_autofree char *max_name = g_strnfill (HEP_DECK_MAX_NAME, 'n');
  g_autofree char *long_notes = g_strnfill (HEP_DECK_MAX_NOTES + 1, 'n');
  struct { const char *name; const char *notes; const char *mentions; } bad[] = {
    { "", NULL, "needs a name" },
    { " \t ", NULL, "needs a name" },
    { long_name, NULL, "limit is 200" },
    { "Two\nlines", NULL, "control characters" },
    { "Tab\tbed", NULL, "control characters" },
    { "Esc\x1b[31m", NULL, "control characters" },
    { "RLO \xe2\x80\xae", NULL, "bidi" },
    { "Bad \xff UTF-8", NULL, "UTF-8" },
    { NULL, NULL, "needs a name" },
    { "Notes", long_notes, "limit is 8000" },
    { "Notes", "NEL \xc2\x85", "control characters" },
    { "Notes", "LRI \xe2\x81\xa6", "bidi" },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(HepDeck) ok = NULL;
  g_autoptr(GPtrArray) decks = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(HepDeck) deck = hep_case_store_create_deck (f->store, bad[i].name, bad[i].notes, 1000, &error);

      g_test_message ("deck %u", i);
      g_assert_null (deck);
      g_assert_error (error, HEP_CASE_STORE_ERROR, HEP_CASE_STORE_ERROR_INVALID);
      if (strstr (error->message, bad[i].mentions) == NULL)
        g_error ("“%s” does not mention “%s”", error->message, bad[i].mentions);
      g_clear_error (&error);
    }
  decks = hep_case_store_list_decks (f->store, &error);
  g_assert_cmpuint (decks->len, ==, 0);

  ok = hep_case_store_create_deck (f->store, max_name, "Two lines\n\tand a tab", 1000, &error);
  g_assert_no_error (error);
  g_assert_false (hep_case_store_rename_deck (f->store, ok->id, long_name, 1001, &error));
  g_assert_error (error, HEP_CASE_STORE_ERROR, HEP_CASE_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (hep_case_store_set_deck_notes (f->store, ok->id, long_notes, 1001, &error));
  g_assert_error (error, HEP_CASE_STORE_ERROR, HEP_CASE_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_clear_pointer (&ok, hep_deck_free);
  ok = hep_case_store_get_deck (f->store, "nnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnn", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ok->name, ==, max_name);
  g_assert_cmpstr (ok->notes, ==, "Two lines\n\tand a tab");
}

/* Undo of a delete puts back the same deck, and refuses a taken id. */
static void
test_decks_restore (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HepDeck) deck = hep_case_store_create_deck (f->store, "Rounds", "slow down at case 2", 10, &error);
  g_autoptr(HepDeck) before = NULL;
  g_autoptr(HepDeck) back = NULL;
  g_autofree char *ids = NULL;

  g_assert_no_error (error);
  g_assert_true (hep_case_store_add_to_deck (f->store, "rounds", "fx-hcc-lr5", -1, 11, &error));
  g_assert_true (hep_case_store_add_to_deck (f->store, "rounds", "fx-met-rim", 0, 12, &error));
  before = hep_case_store_get_deck (f->store, "rounds", &error);
  g_assert_no_error (error);
  g_assert_true (hep_case_store_delete_deck (f->store, "rounds", &error));
  g_assert_null (hep_case_store_get_deck (f->store, "rounds", NULL));

  g_assert_true (hep_case_store_restore_deck (f->store, before, &error));
  g_assert_no_error (error);
  back = hep_case_store_get_deck (f->store, "rounds", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (back->name, ==, "Rounds");
  g_assert_cmpstr (back->notes, ==, "slow down at case 2");
  g_assert_cmpint (back->created, ==, 10);
  g_assert_cmpint (back->modified, ==, 12);
  ids = joined_ids (f->store, "rounds");
  g_assert_cmpstr (ids, ==, "fx-met-rim fx-hcc-lr5");

  /* the id is taken now: nothing changes */
  g_assert_false (hep_case_store_restore_deck (f->store, before, &error));
  g_assert_error (error, HEP_CASE_STORE_ERROR, HEP_CASE_STORE_ERROR_EXISTS);
  g_clear_pointer (&ids, g_free);
  ids = joined_ids (f->store, "rounds");
  g_assert_cmpstr (ids, ==, "fx-met-rim fx-hcc-lr5");
}

/* A list of the library beside the model: the model's filter stays. */
static void
test_decks_list_cases (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) some = NULL;
  HepCaseFilter filter = HEP_CASE_FILTER_INIT;
  HepCaseFilter model_filter = HEP_CASE_FILTER_INIT;
  guint n_model;

  model_filter.text = "abscess";
  g_assert_true (hep_case_store_set_filter (f->store, &model_filter, &error));
  n_model = g_list_model_get_n_items (G_LIST_MODEL (f->store));
  g_assert_cmpuint (n_model, <, hep_case_store_count (f->store, HEP_CASE_ORIGIN_BUNDLED, NULL));

  all = hep_case_store_list_cases (f->store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, hep_case_store_count (f->store, HEP_CASE_ORIGIN_BUNDLED, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->store)), ==, n_model);

  filter.text = "metastasis";
  some = hep_case_store_list_cases (f->store, &filter, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (some->len, <, all->len);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->store)), ==, n_model);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/decks/create", test_decks_create);
  ADD ("/decks/edit", test_decks_edit);
  ADD ("/decks/rename-list-delete", test_decks_rename_list_delete);
  ADD ("/decks/limits", test_decks_limits);
  ADD ("/decks/restore", test_decks_restore);
  ADD ("/decks/list-cases", test_decks_list_cases);
  return g_test_run ();
}
