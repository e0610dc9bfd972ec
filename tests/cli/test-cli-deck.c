/* test-cli-deck.c: `hepatica-cli deck …` run as a real process
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "hep-core.h"
#include "hep-test-json.h"

#include <glib/gstdio.h>
#include <string.h>

typedef struct {
  char *dir;
  char *db_option;
  char *library_option;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *library = g_test_build_filename (G_TEST_BUILT, "fixture-library.db", NULL);

  f->dir = g_dir_make_tmp ("hep-test-cli-deck-XXXXXX", &error);
  g_assert_no_error (error);
  f->db_option = g_strdup_printf ("--db=%s/user.db", f->dir);
  f->library_option = g_strdup_printf ("--library=%s", library);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDir) d = g_dir_open (f->dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
  g_free (f->db_option);
  g_free (f->library_option);
}

/* hepatica-cli deck ARGS… with the fixture's databases. */
static int
deck (Fixture     *f,
      char       **out,
      char       **err,
      const char  *first,
      ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  va_list ap;

  g_ptr_array_add (argv, (gpointer) "deck");
  g_ptr_array_add (argv, f->db_option);
  g_ptr_array_add (argv, f->library_option);
  va_start (ap, first);
  for (const char *a = first; a != NULL; a = va_arg (ap, const char *))
    g_ptr_array_add (argv, (gpointer) a);
  va_end (ap);
  g_ptr_array_add (argv, NULL);
  return hep_test_run_cli ((const char * const *) argv->pdata, out, err);
}

static GVariant *
deck_json (Fixture    *f,
           const char *deck_id)
{
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  GVariant *v;

  g_assert_cmpint (deck (f, &out, NULL, "show", "--json", deck_id, NULL), ==, 0);
  v = hep_test_json_parse (out, &error);
  g_assert_no_error (error);
  return v;
}

static void
test_deck_new_add_show (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GVariant) v = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (deck (f, &out, &err, "new", "--json", "--notes=Tuesday noon", "Mimics", "of", "HCC", NULL), ==, 0);
  v = hep_test_json_parse (out, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hep_test_json_get_string (v, "id"), ==, "mimics-of-hcc");
  g_assert_cmpstr (hep_test_json_get_string (v, "name"), ==, "Mimics of HCC");
  g_assert_cmpstr (hep_test_json_get_string (v, "notes"), ==, "Tuesday noon");
  g_clear_pointer (&v, g_variant_unref);
  g_clear_pointer (&out, g_free);

  g_assert_cmpint (deck (f, NULL, NULL, "add", "mimics-of-hcc", "fx-hcc-lr5", "fx-fnh-scar", NULL), ==, 0);
  g_assert_cmpint (deck (f, NULL, NULL, "add", "--at=1", "mimics-of-hcc", "fx-met-rim", "fx-abscess-gas", NULL), ==, 0);
  g_assert_cmpint (deck (f, NULL, NULL, "move", "--to=4", "mimics-of-hcc", "fx-met-rim", NULL), ==, 0);
  g_assert_cmpint (deck (f, NULL, NULL, "remove", "mimics-of-hcc", "fx-abscess-gas", NULL), ==, 0);

  v = deck_json (f, "mimics-of-hcc");
  g_assert_cmpstr (hep_test_json_get_string (v, "cases/0/id"), ==, "fx-hcc-lr5");
  g_assert_cmpstr (hep_test_json_get_string (v, "cases/1/id"), ==, "fx-fnh-scar");
  g_assert_cmpstr (hep_test_json_get_string (v, "cases/2/id"), ==, "fx-met-rim");
  g_assert_null (hep_test_json_get (v, "cases/3"));
  g_clear_pointer (&v, g_variant_unref);

  /* text: one line a case, in order; --unknown names them as the rule does */
  g_assert_cmpint (deck (f, &out, NULL, "show", "mimics-of-hcc", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "  1. fx-hcc-lr5"));
  g_assert_nonnull (strstr (out, "  3. fx-met-rim"));
  g_assert_nonnull (strstr (out, "For education only"));
  g_clear_pointer (&out, g_free);

  g_assert_cmpint (deck (f, NULL, NULL, "rename", "mimics-of-hcc", "HCC", "look-alikes", NULL), ==, 0);
  g_assert_cmpint (deck (f, &out, NULL, "list", NULL), ==, 0);
  g_assert_cmpstr (out, ==, "mimics-of-hcc\t3 cases\tHCC look-alikes\n");
}

static void
test_deck_show_unknown (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *known = NULL;
  g_autofree char *unknown = NULL;
  g_autoptr(GVariant) v = NULL;
  const char *title;

  g_assert_cmpint (deck (f, NULL, NULL, "new", "Quiz", NULL), ==, 0);
  g_assert_cmpint (deck (f, NULL, NULL, "add", "quiz", "fx-fnh-scar", NULL), ==, 0);
  v = deck_json (f, "quiz");
  title = hep_test_json_get_string (v, "cases/0/title");
  g_assert_nonnull (title);
  g_assert_cmpint (deck (f, &known, NULL, "show", "quiz", NULL), ==, 0);
  g_assert_cmpint (deck (f, &unknown, NULL, "show", "--unknown", "quiz", NULL), ==, 0);
  g_assert_nonnull (strstr (known, title));
  /* the fixture's title is a spoiler: unknown-case mode numbers the case */
  g_assert_null (strstr (unknown, title));
  g_assert_nonnull (strstr (unknown, "Case 1"));
}

static void
test_deck_errors (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *err = NULL;
  g_autofree char *out = NULL;

  g_assert_cmpint (deck (f, NULL, &err, "new", NULL), ==, 2);
  g_assert_nonnull (strstr (err, "name"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (deck (f, NULL, &err, "frobnicate", NULL), ==, 2);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (deck (f, NULL, &err, "add", "no-such-deck", "fx-hcc-lr5", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "no-such-deck"));
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (deck (f, NULL, NULL, "new", "D", NULL), ==, 0);
  g_assert_cmpint (deck (f, NULL, &err, "add", "d", "no-such-case", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "no-such-case"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (deck (f, NULL, NULL, "add", "d", "fx-hcc-lr5", NULL), ==, 0);
  g_assert_cmpint (deck (f, NULL, &err, "add", "d", "fx-hcc-lr5", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "already"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (deck (f, NULL, &err, "move", "d", "fx-hcc-lr5", NULL), ==, 2);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (deck (f, NULL, &err, "add", "--at=0", "d", "fx-fnh-scar", NULL), ==, 2);
  g_clear_pointer (&err, g_free);
  /* the deck is as it was */
  g_assert_cmpint (deck (f, &out, NULL, "list", NULL), ==, 0);
  g_assert_cmpstr (out, ==, "d\t1 case\tD\n");
}

/* The deck's cases, in order, as a case pack that imports. */
static void
test_deck_export (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *pack = g_build_filename (f->dir, "deck.hcpack", NULL);
  g_autofree char *output = g_strdup_printf ("--output=%s", pack);
  g_autofree char *out = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) cases = NULL;
  HepCasePackInfo info = { 0, };
  const char *p, *q;

  g_assert_cmpint (deck (f, NULL, NULL, "new", "Export", NULL), ==, 0);
  g_assert_cmpint (deck (f, NULL, NULL, "export", output, "export", NULL), ==, 1);
  g_assert_cmpint (deck (f, NULL, NULL, "add", "export", "fx-met-rim", "fx-hcc-lr5", NULL), ==, 0);
  g_assert_cmpint (deck (f, &out, NULL, "export", "--json", output, "export", NULL), ==, 0);
  g_assert_true (g_file_get_contents (pack, &text, NULL, &error));
  g_assert_no_error (error);
  /* in the deck's order */
  p = strstr (text, "[Case fx-met-rim]");
  q = strstr (text, "[Case fx-hcc-lr5]");
  g_assert_nonnull (p);
  g_assert_nonnull (q);
  g_assert_true (p < q);
  cases = hep_case_pack_load_file (pack, &info, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cases->len, ==, 2);
  hep_case_pack_info_clear (&info);
}

/* hepatica-cli COMMAND ARGS… with the database @db of the fixture's folder. */
static int
run_on (Fixture     *f,
        const char  *db,
        char       **out,
        char       **err,
        const char  *command,
        ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *db_option = g_strdup_printf ("--db=%s/%s", f->dir, db);
  va_list ap;

  g_ptr_array_add (argv, (gpointer) command);
  g_ptr_array_add (argv, db_option);
  g_ptr_array_add (argv, f->library_option);
  va_start (ap, command);
  for (const char *a = va_arg (ap, const char *); a != NULL; a = va_arg (ap, const char *))
    g_ptr_array_add (argv, (gpointer) a);
  va_end (ap);
  g_ptr_array_add (argv, NULL);
  return hep_test_run_cli ((const char * const *) argv->pdata, out, err);
}

/* @text with its Checksum line made right again. */
static void
resign (GString *text)
{
  const char *line = strstr (text->str, "\nChecksum=") + 1;
  gsize start = line - text->str, end = strchr (line, '\n') - text->str + 1;
  g_autoptr(GString) rest = g_string_new_len (text->str, start);
  g_autofree char *sum = NULL;

  g_string_append (rest, text->str + end);
  sum = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) rest->str, rest->len);
  memcpy (text->str + start + strlen ("Checksum="), sum, 64);
}

/* A case of the user's own in user.db: fx-abscess-gas as my-abscess. */
static void
add_own_case (Fixture *f)
{
  g_autofree char *pack = g_build_filename (f->dir, "own.hcpack", NULL);
  g_autofree char *output = g_strdup_printf ("--output=%s", pack);
  g_autofree char *text = NULL;
  g_autoptr(GString) s = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (run_on (f, "scratch.db", NULL, NULL, "cases", "export", output, "fx-abscess-gas", NULL), ==, 0);
  g_assert_true (g_file_get_contents (pack, &text, NULL, &error));
  s = g_string_new (text);
  g_assert_cmpuint (g_string_replace (s, "fx-abscess-gas", "my-abscess", 0), >=, 2);
  resign (s);
  g_assert_true (g_file_set_contents (pack, s->str, s->len, &error));
  g_assert_cmpint (run_on (f, "user.db", NULL, NULL, "cases", "import", pack, NULL), ==, 0);
}

/* A deck goes to another database through a pack: name, notes and order. */
static void
test_deck_pack_round_trip (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *pack = g_build_filename (f->dir, "deck.hcpack", NULL);
  g_autofree char *output = g_strdup_printf ("--output=%s", pack);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GVariant) v = NULL;
  g_autoptr(GVariant) shown = NULL;
  g_autoptr(GError) error = NULL;

  add_own_case (f);
  g_assert_cmpint (deck (f, NULL, NULL, "new", "HCC", "and", "its", "mimics", NULL), ==, 0);
  g_assert_cmpint (deck (f, NULL, NULL, "add", "hcc-and-its-mimics", "fx-met-rim", "my-abscess", "fx-fnh-scar",
                         NULL), ==, 0);
  g_assert_cmpint (deck (f, NULL, NULL, "notes", "hcc-and-its-mimics", "Ask the room first; «scar» last", NULL), ==, 0);
  g_assert_cmpint (deck (f, &out, NULL, "export", output, "hcc-and-its-mimics", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Exported the deck hcc-and-its-mimics (“HCC and its mimics”) and its 3 cases"));
  g_clear_pointer (&out, g_free);
  /* the order of the deck was set by its adds; move one, so that it is not the adds' order */
  g_assert_cmpint (deck (f, NULL, NULL, "move", "--to=1", "hcc-and-its-mimics", "fx-fnh-scar", NULL), ==, 0);
  g_assert_cmpint (deck (f, &out, NULL, "export", output, "hcc-and-its-mimics", NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_assert_true (g_file_get_contents (pack, &text, NULL, &error));
  g_assert_true (g_str_has_prefix (text, "[Hepatica Case Pack]\nFormat=2\n"));
  g_assert_nonnull (strstr (text, "\n[Deck]\nName=HCC and its mimics\nNotes=Ask the room first; «scar» last\n"
                                  "Cases=fx-fnh-scar|fx-met-rim|my-abscess|\n"));

  /* into a fresh database: text */
  g_assert_cmpint (run_on (f, "fresh.db", &out, &err, "cases", "import", pack, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "added     deck hcc-and-its-mimics (“HCC and its mimics”, 3 cases)\n"));
  g_assert_nonnull (strstr (out, "added     my-abscess\n"));
  g_assert_nonnull (strstr (out, ": 1 added, 0 renamed, 2 unchanged; deck hcc-and-its-mimics added\n"));
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run_on (f, "fresh.db", &out, NULL, "deck", "show", "--json", "hcc-and-its-mimics", NULL), ==, 0);
  shown = hep_test_json_parse (out, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hep_test_json_get_string (shown, "name"), ==, "HCC and its mimics");
  g_assert_cmpstr (hep_test_json_get_string (shown, "notes"), ==, "Ask the room first; «scar» last");
  g_assert_cmpstr (hep_test_json_get_string (shown, "cases/0/id"), ==, "fx-fnh-scar");
  g_assert_cmpstr (hep_test_json_get_string (shown, "cases/1/id"), ==, "fx-met-rim");
  g_assert_cmpstr (hep_test_json_get_string (shown, "cases/2/id"), ==, "my-abscess");
  {
    g_autoptr(GVariant) missing = hep_test_json_get (shown, "cases/2/missing");

    g_assert_nonnull (missing);
    g_assert_false (g_variant_get_boolean (missing));
  }
  g_assert_null (hep_test_json_get (shown, "cases/3"));
  g_clear_pointer (&out, g_free);

  /* again, --json: the same deck is there */
  g_assert_cmpint (run_on (f, "fresh.db", &out, NULL, "cases", "import", "--json", pack, NULL), ==, 0);
  v = hep_test_json_parse (out, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hep_test_json_get_string (v, "deck/action"), ==, "unchanged");
  g_assert_cmpstr (hep_test_json_get_string (v, "deck/id"), ==, "hcc-and-its-mimics");
  g_assert_cmpstr (hep_test_json_get_string (v, "cases/2/action"), ==, "unchanged");
  g_clear_pointer (&v, g_variant_unref);
  g_clear_pointer (&out, g_free);

  /* a different deck with that name there: the pack's is added as "NAME (2)" */
  g_assert_cmpint (run_on (f, "fresh.db", NULL, NULL, "deck", "notes", "hcc-and-its-mimics", "changed", NULL), ==, 0);
  g_assert_cmpint (run_on (f, "fresh.db", &out, NULL, "cases", "import", "--json", pack, NULL), ==, 0);
  v = hep_test_json_parse (out, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hep_test_json_get_string (v, "deck/action"), ==, "renamed");
  g_assert_cmpstr (hep_test_json_get_string (v, "deck/name"), ==, "HCC and its mimics");
  g_assert_cmpstr (hep_test_json_get_string (v, "deck/new_name"), ==, "HCC and its mimics (2)");
  g_assert_cmpstr (hep_test_json_get_string (v, "deck/id"), ==, "hcc-and-its-mimics-2");
  g_assert_cmpstr (hep_test_json_get_string (v, "deck/cases/0"), ==, "fx-fnh-scar");
  g_clear_pointer (&v, g_variant_unref);
  g_clear_pointer (&out, g_free);

  /* a pack without a deck: "deck" is null */
  {
    g_autofree char *plain = g_build_filename (f->dir, "plain.hcpack", NULL);
    g_autofree char *plain_output = g_strdup_printf ("--output=%s", plain);

    g_assert_cmpint (run_on (f, "fresh.db", NULL, NULL, "cases", "export", plain_output, "fx-met-rim", NULL), ==, 0);
    g_assert_cmpint (run_on (f, "other.db", &out, NULL, "cases", "import", "--json", plain, NULL), ==, 0);
    v = hep_test_json_parse (out, &error);
    g_assert_no_error (error);
    g_assert_true (hep_test_json_is_null (v, "deck"));
    g_clear_pointer (&v, g_variant_unref);
    g_clear_pointer (&out, g_free);
  }
}

/* A pack whose deck is invalid: one line on stderr, nothing imported. */
static void
test_deck_pack_refused (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *pack = g_build_filename (f->dir, "deck.hcpack", NULL);
  g_autofree char *output = g_strdup_printf ("--output=%s", pack);
  g_autofree char *text = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GString) bad = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (deck (f, NULL, NULL, "new", "Mimics", NULL), ==, 0);
  g_assert_cmpint (deck (f, NULL, NULL, "add", "mimics", "fx-met-rim", "fx-hcc-lr5", NULL), ==, 0);
  g_assert_cmpint (deck (f, NULL, NULL, "export", output, "mimics", NULL), ==, 0);
  g_assert_true (g_file_get_contents (pack, &text, NULL, &error));

  /* the second case named twice, re-signed as a careful forger would */
  bad = g_string_new (text);
  g_string_replace (bad, "Cases=fx-met-rim|fx-hcc-lr5|", "Cases=fx-met-rim|fx-met-rim|", 1);
  resign (bad);
  g_assert_true (g_file_set_contents (pack, bad->str, bad->len, &error));
  g_assert_cmpint (run_on (f, "fresh.db", &out, &err, "cases", "import", pack, NULL), ==, 1);
  g_assert_cmpstr (out, ==, "");
  g_assert_nonnull (strstr (err, "names the case “fx-met-rim” twice"));
  g_assert_null (strchr (strchr (err, '\n') + 1, '\n'));
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run_on (f, "fresh.db", &out, NULL, "deck", "list", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "No decks yet"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/cli/deck/new-add-show", test_deck_new_add_show);
  ADD ("/cli/deck/show-unknown", test_deck_show_unknown);
  ADD ("/cli/deck/errors", test_deck_errors);
  ADD ("/cli/deck/export", test_deck_export);
  ADD ("/cli/deck/pack-round-trip", test_deck_pack_round_trip);
  ADD ("/cli/deck/pack-refused", test_deck_pack_refused);
  return g_test_run ();
}
