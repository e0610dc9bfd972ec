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

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/cli/deck/new-add-show", test_deck_new_add_show);
  ADD ("/cli/deck/show-unknown", test_deck_show_unknown);
  ADD ("/cli/deck/errors", test_deck_errors);
  ADD ("/cli/deck/export", test_deck_export);
  return g_test_run ();
}
