/* test-pack-deck.c: a deck carried in a case pack: written, read strictly,
 * imported with its cases in one transaction
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Edited packs are re-signed (as a careful forger would), so that only the
 * format checks stand in the way.
 */

#include "config.h"

#include <string.h>

#include "hep-test-cases.h"

#define NOW G_GINT64_CONSTANT (1790000000)
#define DECK_NAME "HCC and its mimics"
#define DECK_NOTES "Tuesday noon, room 4\nStart with the scar.\tAsk the room first."

typedef struct {
  char         *dir;
  char         *user_path;
  char         *pack_path;
  HepCaseStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *library = hep_test_fixture_library ();

  f->dir = g_dir_make_tmp ("hep-test-pack-deck-XXXXXX", &error);
  g_assert_no_error (error);
  f->user_path = g_build_filename (f->dir, "user.db", NULL);
  f->pack_path = g_build_filename (f->dir, "deck.hcpack", NULL);
  f->store = hep_case_store_new (f->user_path, library, &error);
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
  g_free (f->pack_path);
}

/* dk-a (an HCC), dk-b (an FNH), dk-c (a metastasis), in that order. */
static GPtrArray *
deck_cases (void)
{
  GPtrArray *cases = g_ptr_array_new_with_free_func (g_object_unref);

  g_ptr_array_add (cases, hep_test_load_case_as ("fx-hcc-lr5", "dk-a"));
  g_ptr_array_add (cases, hep_test_load_case_as ("fx-fnh-scar", "dk-b"));
  g_ptr_array_add (cases, hep_test_load_case_as ("fx-met-rim", "dk-c"));
  return cases;
}

static HepDeck *
new_deck (const char *name,
          const char *notes,
          const char *ids)
{
  HepDeck *deck = g_new0 (HepDeck, 1);

  deck->name = g_strdup (name);
  deck->notes = g_strdup (notes);
  deck->case_ids = g_strsplit (ids, " ", -1);
  return deck;
}

/* The pack of deck_cases() with the deck "HCC and its mimics": c, a, b. */
static char *
make_deck_pack (void)
{
  g_autoptr(GPtrArray) cases = deck_cases ();
  g_autoptr(HepDeck) deck = new_deck (DECK_NAME, DECK_NOTES, "dk-c dk-a dk-b");
  g_autoptr(GError) error = NULL;
  char *data = hep_case_pack_write_full (cases, deck, "test", "2026-01-01T00:00:00Z", NULL, &error);

  g_assert_no_error (error);
  return data;
}

/* @pack with @from (first occurrence) replaced by @to, re-signed. */
static char *
edit (const char *pack,
      const char *from,
      const char *to)
{
  g_autoptr(GString) s = g_string_new (pack);

  if (strstr (pack, from) == NULL)
    g_error ("“%s” is not in the pack", from);
  g_string_replace (s, from, to, 1);
  return hep_test_pack_resign (s->str);
}

static guint
count_rows (const char *path,
            const char *table)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HepDb) db = hep_db_open (path, HEP_DB_OPEN_READ_ONLY, &error);
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM main.%s", table);
  g_autoptr(HepDbStatement) stmt = NULL;
  gboolean has_row;

  g_assert_no_error (error);
  stmt = hep_db_prepare (db, sql, &error);
  g_assert_no_error (error);
  g_assert_true (hep_db_statement_step (stmt, &has_row, &error));
  g_assert_true (has_row);
  return (guint) hep_db_statement_get_int (stmt, 0);
}

/* @data must be refused, by the reader and by an import, with @code and a
 * clean line that mentions @mentions; the user database stays as it was. */
static void
assert_refused (Fixture    *f,
                const char *data,
                int         code,
                const char *mentions)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) cases = hep_case_pack_parse (data, strlen (data), NULL, &error);
  g_autoptr(GPtrArray) results = NULL;
  g_autofree char *before = hep_test_db_fingerprint (f->user_path);
  g_autofree char *after = NULL;
  HepDeckImportResult *deck_result = (gpointer) 0x1;

  g_assert_null (cases);
  g_assert_error (error, HEP_CASE_PACK_ERROR, code);
  if (mentions != NULL && strstr (error->message, mentions) == NULL)
    g_error ("“%s” does not mention “%s”", error->message, mentions);
  for (const char *p = error->message; *p; p++)
    g_assert_cmpint ((guchar) *p, >=, 0x20);
  g_assert_null (strstr (error->message, "\xe2\x80\xae"));
  g_clear_error (&error);

  g_assert_true (g_file_set_contents (f->pack_path, data, -1, NULL));
  results = hep_case_pack_import_file_full (f->store, f->pack_path, NOW, &deck_result, &error);
  g_assert_null (results);
  g_assert_null (deck_result);
  g_assert_error (error, HEP_CASE_PACK_ERROR, code);
  after = hep_test_db_fingerprint (f->user_path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_pack_deck_round_trip (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *pack = make_deck_pack ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) cases = NULL;
  HepCasePackInfo info = { 0, };

  /* format 2, the deck before the cases */
  g_assert_true (g_str_has_prefix (pack, "[Hepatica Case Pack]\nFormat=2\nCount=3\n"));
  g_assert_nonnull (strstr (pack, "\n[Deck]\nName=" DECK_NAME "\n"));
  g_assert_nonnull (strstr (pack, "\nCases=dk-c|dk-a|dk-b|\n"));
  g_assert_true (strstr (pack, "[Deck]") < strstr (pack, "[Case "));

  cases = hep_case_pack_parse (pack, strlen (pack), &info, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cases->len, ==, 3);
  g_assert_cmpint (info.format, ==, 2);
  g_assert_nonnull (info.deck);
  g_assert_null (info.deck->id);
  g_assert_cmpstr (info.deck->name, ==, DECK_NAME);
  g_assert_cmpstr (info.deck->notes, ==, DECK_NOTES);
  g_assert_cmpuint (g_strv_length (info.deck->case_ids), ==, 3);
  g_assert_cmpstr (info.deck->case_ids[0], ==, "dk-c");
  g_assert_cmpstr (info.deck->case_ids[1], ==, "dk-a");
  g_assert_cmpstr (info.deck->case_ids[2], ==, "dk-b");
  hep_case_pack_info_clear (&info);
  g_assert_null (info.deck);
  g_clear_pointer (&cases, g_ptr_array_unref);

  /* without a deck: format 1, as before, and no deck read */
  {
    g_autoptr(GPtrArray) plain_cases = deck_cases ();
    g_autofree char *plain = hep_case_pack_write (plain_cases, NULL, NULL, NULL, &error);

    g_assert_no_error (error);
    g_assert_true (g_str_has_prefix (plain, "[Hepatica Case Pack]\nFormat=1\n"));
    g_assert_null (strstr (plain, "[Deck]"));
    cases = hep_case_pack_parse (plain, strlen (plain), &info, &error);
    g_assert_no_error (error);
    g_assert_null (info.deck);
    hep_case_pack_info_clear (&info);
  }

  /* a deck of one case, no notes, a name that needs escapes */
  {
    g_autoptr(GPtrArray) one = g_ptr_array_new_with_free_func (g_object_unref);
    g_autoptr(HepDeck) deck = new_deck ("  Cas n°1 — «foie» \\ ; [x]", NULL, "solo");
    g_autofree char *text = NULL;
    g_autoptr(GPtrArray) back = NULL;

    g_ptr_array_add (one, hep_test_load_case_as ("fx-met-rim", "solo"));
    text = hep_case_pack_write_full (one, deck, NULL, NULL, NULL, &error);
    g_assert_no_error (error);
    back = hep_case_pack_parse (text, strlen (text), &info, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (info.deck->name, ==, "Cas n°1 — «foie» \\ ; [x]");
    g_assert_null (info.deck->notes);
    g_assert_cmpstr (info.deck->case_ids[0], ==, "solo");
    hep_case_pack_info_clear (&info);
  }
}

static void
test_pack_deck_rejections (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *pack = make_deck_pack ();
  g_autofree char *long_name = g_strnfill (HEP_DECK_MAX_NAME + 1, 'n');
  g_autofree char *long_notes = g_strnfill (HEP_DECK_MAX_NOTES + 1, 'n');
  g_autofree char *long_name_line = g_strconcat ("Name=", long_name, "\n", NULL);
  g_autofree char *long_notes_line = g_strconcat ("Notes=", long_notes, "\n", NULL);
  const char *name_line = "Name=" DECK_NAME "\n";
  const char *cases_line = "Cases=dk-c|dk-a|dk-b|\n";
  struct {
    const char *from;
    const char *to;
    int         code;
    const char *mentions;
  } edits[] = {
    /* unknown, repeated, localized keys; a repeated group */
    { cases_line, "Colour=blue\nCases=dk-c|dk-a|dk-b\n", HEP_CASE_PACK_ERROR_DECK, "“Colour”" },
    { cases_line, "Cases=dk-c|dk-a|dk-b\nName=Again\n", HEP_CASE_PACK_ERROR_DUPLICATE, "“Name”" },
    { cases_line, "Cases=dk-c|dk-a|dk-b\nName[fr]=Les imitateurs\n", HEP_CASE_PACK_ERROR_CASE, "Name[fr]" },
    { "[Case dk-a]\n", "[Deck]\nName=Second\nCases=dk-a|dk-b|dk-c\n\n[Case dk-a]\n",
      HEP_CASE_PACK_ERROR_DUPLICATE, "[Deck]" },
    { "[Case dk-a]\n", "[Deck]\r\nName=Second\r\n\n[Case dk-a]\n", HEP_CASE_PACK_ERROR_DUPLICATE, "[Deck]" },
    /* the group only in format 2; no other group name */
    { "Format=2", "Format=1", HEP_CASE_PACK_ERROR_DECK, "format 1" },
    { "[Deck]\n", "[deck]\n", HEP_CASE_PACK_ERROR_STRAY_GROUP, "[deck]" },
    { "[Deck]\n", "[Deck dk-a]\n", HEP_CASE_PACK_ERROR_STRAY_GROUP, "[Deck dk-a]" },
    /* the order: ids of the pack, each once, all of them */
    { cases_line, "Cases=dk-c|dk-a|dk-z\n", HEP_CASE_PACK_ERROR_DECK, "“dk-z”, which is not in the pack" },
    { cases_line, "Cases=dk-c|dk-a|dk-b|fx-hcc-lr5\n", HEP_CASE_PACK_ERROR_DECK, "“fx-hcc-lr5”" },
    { cases_line, "Cases=dk-c|dk-a|dk-a\n", HEP_CASE_PACK_ERROR_DECK, "“dk-a” twice" },
    { cases_line, "Cases=dk-c|dk-a|dk-b|dk-c\n", HEP_CASE_PACK_ERROR_DECK, "“dk-c” twice" },
    { cases_line, "Cases=dk-c|dk-a\n", HEP_CASE_PACK_ERROR_DECK, "leaves out its case “dk-b”" },
    { cases_line, "Cases=dk-c| dk-a|dk-b\n", HEP_CASE_PACK_ERROR_DECK, "“ dk-a”" },
    { cases_line, "Cases=dk-c||dk-a|dk-b\n", HEP_CASE_PACK_ERROR_DECK, "“”" },
    { cases_line, "Cases=\n", HEP_CASE_PACK_ERROR_DECK, "no cases" },
    { cases_line, "", HEP_CASE_PACK_ERROR_DECK, "no “Cases”" },
    { cases_line, "Cases=dk-c|dk-\x1b[31ma|dk-b\n", HEP_CASE_PACK_ERROR_DECK, "dk-\\x1b[31ma" },
    /* the name */
    { name_line, "", HEP_CASE_PACK_ERROR_DECK, "no “Name”" },
    { name_line, "Name=   \n", HEP_CASE_PACK_ERROR_DECK, "needs a name" },
    { name_line, "Name=\n", HEP_CASE_PACK_ERROR_DECK, "needs a name" },
    { name_line, long_name_line, HEP_CASE_PACK_ERROR_DECK, "limit is 200" },
    { name_line, "Name=HCC\x1b[2J mimics\n", HEP_CASE_PACK_ERROR_DECK, "control characters" },
    { name_line, "Name=HCC \xe2\x80\xae" "scimim\n", HEP_CASE_PACK_ERROR_DECK, "bidi" },
    { name_line, "Name=HCC \xe2\x81\xa6mimics\n", HEP_CASE_PACK_ERROR_DECK, "bidi" },
    { name_line, "Name=HCC\xc2\x85mimics\n", HEP_CASE_PACK_ERROR_DECK, "control characters" },
    { name_line, "Name=HCC\\nmimics\n", HEP_CASE_PACK_ERROR_DECK, "control characters" },
    { name_line, "Name=HCC\\tmimics\n", HEP_CASE_PACK_ERROR_DECK, "control characters" },
    { name_line, "Name=HCC \\q mimics\n", HEP_CASE_PACK_ERROR_DECK, "invalid" },
    /* the notes: lines and tabs, but no other control and no bidi */
    { "Notes=", "Notes=\xe2\x80\xae", HEP_CASE_PACK_ERROR_DECK, "notes contain" },
    { "Notes=", "Notes=\x07", HEP_CASE_PACK_ERROR_DECK, "notes contain" },
    { "Notes=", "Notes=\\r", HEP_CASE_PACK_ERROR_DECK, "notes contain" },
    { "Notes=", "Notes=\xc2\x9b", HEP_CASE_PACK_ERROR_DECK, "notes contain" },
    { "Notes=Tuesday noon, room 4\\nStart with the scar.\tAsk the room first.\n", long_notes_line,
      HEP_CASE_PACK_ERROR_DECK, "limit is 8000" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (edits); i++)
    {
      g_autofree char *bad = edit (pack, edits[i].from, edits[i].to);

      g_test_message ("edit %u: %s", i, edits[i].mentions);
      assert_refused (f, bad, edits[i].code, edits[i].mentions);
    }

  /* the same edit without a new checksum is damage, as any other */
  {
    g_autoptr(GString) s = g_string_new (pack);

    g_string_replace (s, cases_line, "Cases=dk-a|dk-b|dk-c\n", 1);
    assert_refused (f, s->str, HEP_CASE_PACK_ERROR_DAMAGED, "checksum");
  }
  /* nothing but the deck goes wrong in these */
  g_assert_cmpuint (count_rows (f->user_path, "deck"), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->store)), >, 0);
  g_assert_false (hep_case_store_contains (f->store, "dk-a"));
}

/* Notes at the limit, with tabs and lines, are read as they were written. */
static void
test_pack_deck_limits_accepted (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GPtrArray) cases = deck_cases ();
  g_autoptr(GString) notes = g_string_new (NULL);
  g_autofree char *name = g_strnfill (HEP_DECK_MAX_NAME, 'n');
  g_autoptr(HepDeck) deck = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) back = NULL;
  HepCasePackInfo info = { 0, };

  while (notes->len < HEP_DECK_MAX_NOTES - 10)
    g_string_append (notes, "line\twith tab\n");
  g_string_append_len (notes, "éééééééééé", HEP_DECK_MAX_NOTES - notes->len);
  g_assert_cmpuint (notes->len, ==, HEP_DECK_MAX_NOTES);
  g_assert_true (g_utf8_validate (notes->str, -1, NULL));
  deck = new_deck (name, notes->str, "dk-a dk-b dk-c");
  text = hep_case_pack_write_full (cases, deck, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  back = hep_case_pack_parse (text, strlen (text), &info, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (info.deck->name, ==, name);
  g_assert_cmpstr (info.deck->notes, ==, notes->str);
  hep_case_pack_info_clear (&info);
}

/* The writer refuses what the reader would refuse. */
static void
test_pack_deck_writer_refuses (Fixture       *f,
                               gconstpointer  data)
{
  g_autofree char *long_name = g_strnfill (HEP_DECK_MAX_NAME + 1, 'n');
  struct {
    const char *name;
    const char *notes;
    const char *ids;
    const char *mentions;
  } decks[] = {
    { DECK_NAME, NULL, "dk-a dk-b", "no others" },
    { DECK_NAME, NULL, "dk-a dk-b dk-c dk-z", "“dk-z”" },
    { DECK_NAME, NULL, "dk-a dk-b dk-b", "“dk-b”" },
    { DECK_NAME, NULL, "", "no cases" },
    { " ", NULL, "dk-a dk-b dk-c", "needs a name" },
    { long_name, NULL, "dk-a dk-b dk-c", "limit is 200" },
    { "Bad\x1b[31m", NULL, "dk-a dk-b dk-c", "control characters" },
    { DECK_NAME, "Bad \xe2\x80\xae notes", "dk-a dk-b dk-c", "bidi" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (decks); i++)
    {
      g_autoptr(GPtrArray) cases = deck_cases ();
      g_autoptr(HepDeck) deck = new_deck (decks[i].name, decks[i].notes, decks[i].ids);
      g_autoptr(GError) error = NULL;
      g_autofree char *text = NULL;
      g_autofree char *path = g_build_filename (f->dir, "refused.hcpack", NULL);

      if (*decks[i].ids == '\0')
        g_clear_pointer (&deck->case_ids, g_strfreev);
      text = hep_case_pack_write_full (cases, deck, NULL, NULL, NULL, &error);
      g_assert_null (text);
      g_assert_error (error, HEP_CASE_PACK_ERROR, HEP_CASE_PACK_ERROR_DECK);
      if (strstr (error->message, decks[i].mentions) == NULL)
        g_error ("“%s” does not mention “%s”", error->message, decks[i].mentions);
      g_clear_error (&error);
      g_assert_false (hep_case_pack_save_file_full (cases, deck, path, NULL, NULL, &error));
      g_assert_error (error, HEP_CASE_PACK_ERROR, HEP_CASE_PACK_ERROR_DECK);
      g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
    }
}

static void
assert_deck (const HepDeck *deck,
             const char    *name,
             const char    *notes,
             const char    *ids)
{
  g_autofree char *joined = g_strjoinv (" ", deck->case_ids);

  g_assert_cmpstr (deck->name, ==, name);
  g_assert_cmpstr (deck->notes, ==, notes);
  g_assert_cmpstr (joined, ==, ids);
}

static void
test_pack_deck_import (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *pack = make_deck_pack ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(HepDeckImportResult) deck_result = NULL;
  g_autoptr(HepDeck) stored = NULL;

  g_assert_true (g_file_set_contents (f->pack_path, pack, -1, NULL));
  results = hep_case_pack_import_file_full (f->store, f->pack_path, NOW, &deck_result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (results->len, ==, 3);
  for (guint i = 0; i < results->len; i++)
    g_assert_cmpint (((HepCaseImportResult *) results->pdata[i])->action, ==, HEP_CASE_IMPORT_ADDED);
  g_assert_nonnull (deck_result);
  g_assert_cmpint (deck_result->action, ==, HEP_CASE_IMPORT_ADDED);
  g_assert_cmpstr (deck_result->name, ==, DECK_NAME);
  g_assert_cmpstr (deck_result->deck->id, ==, "hcc-and-its-mimics");
  assert_deck (deck_result->deck, DECK_NAME, DECK_NOTES, "dk-c dk-a dk-b");
  g_assert_cmpint (deck_result->deck->created, ==, NOW);
  stored = hep_case_store_get_deck (f->store, "hcc-and-its-mimics", &error);
  g_assert_no_error (error);
  assert_deck (stored, DECK_NAME, DECK_NOTES, "dk-c dk-a dk-b");
  g_clear_pointer (&results, g_ptr_array_unref);
  g_clear_pointer (&deck_result, hep_deck_import_result_free);

  /* the same pack again changes nothing: the cases and the deck are there */
  {
    g_autofree char *before = hep_test_db_fingerprint (f->user_path);
    g_autofree char *after = NULL;

    results = hep_case_pack_import_file_full (f->store, f->pack_path, NOW + 60, &deck_result, &error);
    g_assert_no_error (error);
    for (guint i = 0; i < results->len; i++)
      g_assert_cmpint (((HepCaseImportResult *) results->pdata[i])->action, ==, HEP_CASE_IMPORT_UNCHANGED);
    g_assert_cmpint (deck_result->action, ==, HEP_CASE_IMPORT_UNCHANGED);
    g_assert_cmpstr (deck_result->deck->id, ==, "hcc-and-its-mimics");
    after = hep_test_db_fingerprint (f->user_path);
    g_assert_cmpstr (before, ==, after);
    g_clear_pointer (&results, g_ptr_array_unref);
    g_clear_pointer (&deck_result, hep_deck_import_result_free);
  }

  /* a pack without a deck sets no deck result; the old call imports a deck too */
  {
    g_autoptr(GPtrArray) cases = deck_cases ();
    g_autofree char *plain = hep_case_pack_write (cases, NULL, NULL, NULL, &error);

    g_assert_true (g_file_set_contents (f->pack_path, plain, -1, NULL));
    deck_result = (gpointer) 0x1;
    results = hep_case_pack_import_file_full (f->store, f->pack_path, NOW, &deck_result, &error);
    g_assert_no_error (error);
    g_assert_null (deck_result);
    g_clear_pointer (&results, g_ptr_array_unref);

    hep_case_store_delete_deck (f->store, "hcc-and-its-mimics", &error);
    g_assert_no_error (error);
    g_assert_true (g_file_set_contents (f->pack_path, pack, -1, NULL));
    results = hep_case_pack_import_file (f->store, f->pack_path, NOW, &error);
    g_assert_no_error (error);
    g_clear_pointer (&stored, hep_deck_free);
    stored = hep_case_store_get_deck (f->store, "hcc-and-its-mimics", &error);
    g_assert_no_error (error);
    assert_deck (stored, DECK_NAME, DECK_NOTES, "dk-c dk-a dk-b");
  }
}

/* Cases renamed on import: the deck follows them. */
static void
test_pack_deck_rename_mapping (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GPtrArray) cases = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(HepCase) mine = hep_test_load_case_as ("fx-abscess-gas", "dk-a");
  g_autoptr(HepDeck) deck = new_deck (DECK_NAME, NULL, "fx-met-rim dk-a fx-fnh-scar dk-new");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(HepDeckImportResult) deck_result = NULL;
  g_autofree char *text = NULL;
  struct { const char *id; HepCaseImportAction action; const char *new_id; } expected[] = {
    { "dk-a", HEP_CASE_IMPORT_RENAMED, "dk-a-imported" },          /* a different user case has the id */
    { "fx-fnh-scar", HEP_CASE_IMPORT_UNCHANGED, "fx-fnh-scar" },   /* identical to the bundled case */
    { "fx-met-rim", HEP_CASE_IMPORT_RENAMED, "fx-met-rim-imported" }, /* a different bundled case */
    { "dk-new", HEP_CASE_IMPORT_ADDED, "dk-new" },
  };

  g_assert_true (hep_case_store_create_case (f->store, mine, NOW, &error));
  g_assert_no_error (error);
  g_ptr_array_add (cases, hep_test_load_case_as ("fx-hcc-lr5", "dk-a"));
  g_ptr_array_add (cases, hep_test_load_case ("fx-fnh-scar"));
  g_ptr_array_add (cases, hep_test_load_case_as ("fx-adenoma-fat", "fx-met-rim"));
  g_ptr_array_add (cases, hep_test_load_case_as ("fx-met-rim", "dk-new"));

  /* through a pack, so that the ids are the pack's */
  text = hep_case_pack_write_full (cases, deck, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (f->pack_path, text, -1, NULL));
  results = hep_case_pack_import_file_full (f->store, f->pack_path, NOW, &deck_result, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      HepCaseImportResult *r = results->pdata[i];

      g_assert_cmpstr (r->id, ==, expected[i].id);
      g_assert_cmpint (r->action, ==, expected[i].action);
      g_assert_cmpstr (r->new_id, ==, expected[i].new_id);
    }
  g_assert_cmpint (deck_result->action, ==, HEP_CASE_IMPORT_ADDED);
  assert_deck (deck_result->deck, DECK_NAME, NULL, "fx-met-rim-imported dk-a-imported fx-fnh-scar dk-new");
  /* the user's own dk-a is as it was */
  {
    g_autoptr(HepCase) still = hep_case_store_get_case (f->store, "dk-a", &error);

    g_assert_cmpstr (hep_case_get_diagnosis (still), ==, "abscess");
  }
}

/* A deck name that is taken: "NAME (2)", "NAME (3)", …; an identical deck: unchanged. */
static void
test_pack_deck_name_clash (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *pack = make_deck_pack ();
  g_autoptr(GError) error = NULL;
  g_autoptr(HepDeck) first = hep_case_store_create_deck (f->store, DECK_NAME, "another deck", NOW, &error);
  g_autoptr(HepDeck) second = hep_case_store_create_deck (f->store, DECK_NAME " (2)", NULL, NOW, &error);
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(HepDeckImportResult) deck_result = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_no_error (error);
  g_assert_true (hep_case_store_add_to_deck (f->store, first->id, "fx-hcc-lr5", -1, NOW, &error));
  g_assert_true (g_file_set_contents (f->pack_path, pack, -1, NULL));
  results = hep_case_pack_import_file_full (f->store, f->pack_path, NOW, &deck_result, &error);
  g_assert_no_error (error);
  g_assert_cmpint (deck_result->action, ==, HEP_CASE_IMPORT_RENAMED);
  g_assert_cmpstr (deck_result->name, ==, DECK_NAME);
  g_assert_cmpstr (deck_result->deck->name, ==, DECK_NAME " (3)");
  g_assert_cmpstr (deck_result->deck->id, ==, "hcc-and-its-mimics-3");
  assert_deck (deck_result->deck, DECK_NAME " (3)", DECK_NOTES, "dk-c dk-a dk-b");
  g_clear_pointer (&results, g_ptr_array_unref);
  g_clear_pointer (&deck_result, hep_deck_import_result_free);
  /* the decks that were there are as they were */
  g_clear_pointer (&first, hep_deck_free);
  first = hep_case_store_get_deck (f->store, "hcc-and-its-mimics", &error);
  assert_deck (first, DECK_NAME, "another deck", "fx-hcc-lr5");

  /* again: the identical deck is found under its new name */
  before = hep_test_db_fingerprint (f->user_path);
  results = hep_case_pack_import_file_full (f->store, f->pack_path, NOW, &deck_result, &error);
  g_assert_no_error (error);
  g_assert_cmpint (deck_result->action, ==, HEP_CASE_IMPORT_UNCHANGED);
  g_assert_cmpstr (deck_result->deck->id, ==, "hcc-and-its-mimics-3");
  after = hep_test_db_fingerprint (f->user_path);
  g_assert_cmpstr (before, ==, after);
  g_clear_pointer (&results, g_ptr_array_unref);
  g_clear_pointer (&deck_result, hep_deck_import_result_free);

  /* the same name with other notes is another deck */
  {
    g_autoptr(GPtrArray) cases = deck_cases ();
    g_autoptr(HepDeck) other = new_deck (DECK_NAME, "other notes", "dk-c dk-a dk-b");

    results = hep_case_store_import_cases_with_deck (f->store, cases, other, NOW, &deck_result, &error);
    g_assert_no_error (error);
    g_assert_cmpint (deck_result->action, ==, HEP_CASE_IMPORT_RENAMED);
    g_assert_cmpstr (deck_result->deck->name, ==, DECK_NAME " (4)");
    g_clear_pointer (&results, g_ptr_array_unref);
    g_clear_pointer (&deck_result, hep_deck_import_result_free);
  }
}

/* A name at the limit that is taken: cut at a character so that "(2)" fits. */
static void
test_pack_deck_name_clash_long (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GString) name = g_string_new ("A");
  g_autoptr(GError) error = NULL;
  g_autoptr(HepDeck) taken = NULL;
  g_autoptr(GPtrArray) cases = deck_cases ();
  g_autoptr(HepDeck) deck = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(HepDeckImportResult) deck_result = NULL;
  const char *got;

  while (name->len + 2 <= HEP_DECK_MAX_NAME)
    g_string_append (name, "é");
  g_assert_cmpuint (name->len, ==, HEP_DECK_MAX_NAME - 1);
  taken = hep_case_store_create_deck (f->store, name->str, NULL, NOW, &error);
  g_assert_no_error (error);
  deck = new_deck (name->str, NULL, "dk-a dk-b dk-c");
  results = hep_case_store_import_cases_with_deck (f->store, cases, deck, NOW, &deck_result, &error);
  g_assert_no_error (error);
  got = deck_result->deck->name;
  g_assert_cmpint (deck_result->action, ==, HEP_CASE_IMPORT_RENAMED);
  g_assert_true (g_utf8_validate (got, -1, NULL));
  g_assert_cmpuint (strlen (got), <=, HEP_DECK_MAX_NAME);
  g_assert_true (g_str_has_suffix (got, "é (2)"));
  g_assert_true (hep_deck_check_name (got, &error));
}

/* A failure at the deck step undoes the cases too: the database is as it was. */
static void
test_pack_deck_transaction (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *pack = make_deck_pack ();
  const char *triggers[] = {
    "CREATE TRIGGER boom BEFORE INSERT ON deck BEGIN SELECT RAISE (ABORT, 'boom'); END",
    /* the second case of the deck: the deck row and its first case are in */
    "CREATE TRIGGER boom BEFORE INSERT ON deck_case WHEN NEW.position = 1"
    " BEGIN SELECT RAISE (ABORT, 'boom'); END",
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(HepDeck) existing = hep_case_store_create_deck (f->store, "Kept", "as it was", NOW, &error);

  g_assert_no_error (error);
  g_assert_true (hep_case_store_add_to_deck (f->store, "kept", "fx-hcc-lr5", -1, NOW, &error));
  g_assert_true (g_file_set_contents (f->pack_path, pack, -1, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (triggers); i++)
    {
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;
      g_autoptr(GPtrArray) results = NULL;
      HepDeckImportResult *deck_result = NULL;
      guint n_cases, n_decks, n_deck_cases, n_items;

      {
        g_autoptr(HepDb) db = hep_db_open (f->user_path, 0, &error);

        g_assert_no_error (error);
        g_assert_true (hep_db_exec (db, "DROP TRIGGER IF EXISTS boom", &error));
        g_assert_true (hep_db_exec (db, triggers[i], &error));
        g_assert_no_error (error);
      }
      before = hep_test_db_fingerprint (f->user_path);
      n_cases = count_rows (f->user_path, "cases");
      n_decks = count_rows (f->user_path, "deck");
      n_deck_cases = count_rows (f->user_path, "deck_case");
      n_items = g_list_model_get_n_items (G_LIST_MODEL (f->store));

      results = hep_case_pack_import_file_full (f->store, f->pack_path, NOW, &deck_result, &error);
      g_assert_null (results);
      g_assert_null (deck_result);
      g_assert_nonnull (error);
      g_assert_nonnull (strstr (error->message, "boom"));
      g_clear_error (&error);

      after = hep_test_db_fingerprint (f->user_path);
      g_assert_cmpstr (before, ==, after);
      g_assert_cmpuint (count_rows (f->user_path, "cases"), ==, n_cases);
      g_assert_cmpuint (count_rows (f->user_path, "deck"), ==, n_decks);
      g_assert_cmpuint (count_rows (f->user_path, "deck_case"), ==, n_deck_cases);
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->store)), ==, n_items);
      g_assert_false (hep_case_store_contains (f->store, "dk-a"));
    }
  g_assert_cmpuint (count_rows (f->user_path, "deck"), ==, 1);

  /* the store refuses a deck that names a case it does not import, before writing */
  {
    g_autoptr(GPtrArray) cases = deck_cases ();
    g_autoptr(HepDeck) stray = new_deck ("Stray", NULL, "dk-a fx-hcc-lr5");
    g_autoptr(HepDeck) twice = new_deck ("Twice", NULL, "dk-a dk-a");
    g_autoptr(HepDeck) nameless = new_deck ("", NULL, "dk-a");
    HepDeck *decks[] = { stray, twice, nameless };

    for (guint i = 0; i < G_N_ELEMENTS (decks); i++)
      {
        g_autofree char *before = hep_test_db_fingerprint (f->user_path);
        g_autofree char *after = NULL;
        g_autoptr(GPtrArray) results = hep_case_store_import_cases_with_deck (f->store, cases, decks[i], NOW,
                                                                              NULL, &error);

        g_assert_null (results);
        g_assert_error (error, HEP_CASE_STORE_ERROR, HEP_CASE_STORE_ERROR_INVALID);
        g_clear_error (&error);
        after = hep_test_db_fingerprint (f->user_path);
        g_assert_cmpstr (before, ==, after);
      }
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/pack-deck/round-trip", test_pack_deck_round_trip);
  ADD ("/pack-deck/rejections", test_pack_deck_rejections);
  ADD ("/pack-deck/limits-accepted", test_pack_deck_limits_accepted);
  ADD ("/pack-deck/writer-refuses", test_pack_deck_writer_refuses);
  ADD ("/pack-deck/import", test_pack_deck_import);
  ADD ("/pack-deck/rename-mapping", test_pack_deck_rename_mapping);
  ADD ("/pack-deck/name-clash", test_pack_deck_name_clash);
  ADD ("/pack-deck/name-clash-long", test_pack_deck_name_clash_long);
  ADD ("/pack-deck/transaction", test_pack_deck_transaction);
#undef ADD

  return g_test_run ();
}
