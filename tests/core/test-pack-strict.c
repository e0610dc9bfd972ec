/* test-pack-strict.c: packs and case files that bend the format, and the
 * error lines they give
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every pack here carries a valid checksum (re-signed after the edit, as a
 * careful forger would), so only the format checks stand in the way.
 */

#include "config.h"

#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "hep-test-cases.h"

/* A pack of fx-fnh-scar (as st-a) and fx-hcc-lr5 (as st-b). */
static char *
make_pack (void)
{
  g_autoptr(GPtrArray) cases = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  HepCase *a = hep_test_load_case ("fx-fnh-scar");
  HepCase *b = hep_test_load_case ("fx-hcc-lr5");
  char *data;

  hep_case_set_id (a, "st-a");
  hep_case_set_id (b, "st-b");
  g_ptr_array_add (cases, a);
  g_ptr_array_add (cases, b);
  data = hep_case_pack_write (cases, "test", "2026-01-01T00:00:00Z", NULL, &error);
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

  g_assert_nonnull (strstr (pack, from));
  g_string_replace (s, from, to, 1);
  return hep_test_pack_resign (s->str);
}

static void
assert_refused (const char *data,
                int         code,
                const char *mentions)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) cases = hep_case_pack_parse (data, strlen (data), NULL, &error);

  g_assert_null (cases);
  g_assert_error (error, HEP_CASE_PACK_ERROR, code);
  if (mentions != NULL && strstr (error->message, mentions) == NULL)
    g_error ("“%s” does not mention “%s”", error->message, mentions);
  g_assert_null (strchr (error->message, '\n'));
  for (const char *p = error->message; *p; p++)
    g_assert_cmpint ((guchar) *p, >=, 0x20);
}

static void
test_pack_valid_baseline (void)
{
  g_autofree char *pack = make_pack ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) cases = hep_case_pack_parse (pack, strlen (pack), NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (cases->len, ==, 2);
}

static void
test_pack_duplicate_groups (void)
{
  g_autofree char *pack = make_pack ();
  g_autofree char *tail_case = NULL, *tail_case_crlf = NULL, *findings = NULL, *header = NULL;

  /* a second [Case st-a], past the duplicate-id count because of its CRLF */
  tail_case_crlf = edit (pack, "[Case st-b]\n", "[Case st-a]\r\nTitle=Overridden\r\n\n[Case st-b]\n");
  assert_refused (tail_case_crlf, HEP_CASE_PACK_ERROR_DUPLICATE, "[Case st-a]");
  assert_refused (tail_case_crlf, HEP_CASE_PACK_ERROR_DUPLICATE, "line ");
  tail_case = edit (pack, "[Case st-b]\n", "[Case st-a]\nTitle=Overridden\n\n[Case st-b]\n");
  assert_refused (tail_case, HEP_CASE_PACK_ERROR_DUPLICATE, "st-a");
  /* a repeated [Findings ID] kept only its last value */
  findings = edit (pack, "[Case st-b]\n", "[Findings st-a]\narterial=nothing\n\n[Case st-b]\n");
  assert_refused (findings, HEP_CASE_PACK_ERROR_DUPLICATE, "[Findings st-a]");
  /* a second header group in the body */
  header = edit (pack, "[Case st-b]\n", "[Hepatica Case Pack]\nGenerator=evil\n\n[Case st-b]\n");
  assert_refused (header, HEP_CASE_PACK_ERROR_DUPLICATE, "[Hepatica Case Pack]");
}

static void
test_pack_duplicate_keys (void)
{
  g_autofree char *pack = make_pack ();
  g_autofree char *twice = edit (pack, "[Case st-a]\n", "[Case st-a]\nTitle=First of two\n");
  g_autofree char *spaced = edit (pack, "[Case st-a]\n", "[Case st-a]\nDiagnosis = hcc\n");

  assert_refused (twice, HEP_CASE_PACK_ERROR_DUPLICATE, "“Title”");
  assert_refused (twice, HEP_CASE_PACK_ERROR_DUPLICATE, "second time in [Case st-a]");
  assert_refused (spaced, HEP_CASE_PACK_ERROR_DUPLICATE, "“Diagnosis”");
}

static void
test_pack_localized_keys (void)
{
  g_autofree char *pack = make_pack ();
  g_autofree char *fr = edit (pack, "[Case st-a]\n", "[Case st-a]\nTitle[fr]=Hyperplasie nodulaire focale\n");

  assert_refused (fr, HEP_CASE_PACK_ERROR_CASE, "Title[fr]");
  assert_refused (fr, HEP_CASE_PACK_ERROR_CASE, "localized");
}

static void
test_pack_unsafe_characters (void)
{
  g_autofree char *pack = make_pack ();
  /* C1 NEL (U+0085), RLO (U+202E), an isolate (U+2066), ESC */
  const char *one_line[] = { "\xc2\x85", "\xe2\x80\xae", "\xe2\x81\xa6", "\\e" };

  for (guint i = 0; i < G_N_ELEMENTS (one_line); i++)
    {
      g_autofree char *title = g_strconcat ("[Case st-a]\nTitle=Bad", one_line[i], "title\n", NULL);
      g_autofree char *without = NULL;
      g_autofree char *bad = NULL;
      g_autoptr(GString) s = g_string_new (pack);

      /* replace the title line rather than add a second one */
      {
        const char *start = strstr (s->str, "[Case st-a]\n");
        const char *t = strstr (start, "\nTitle=");
        gsize from = t - s->str + 1;
        gsize to = strchr (s->str + from, '\n') - s->str + 1;

        g_string_erase (s, from, to - from);
      }
      without = g_string_free (g_steal_pointer (&s), FALSE);
      if (i == 3)
        {
          /* GKeyFile has no \e escape: put a raw ESC in */
          g_free (title);
          title = g_strdup ("[Case st-a]\nTitle=Bad\x1b[31mtitle\n");
        }
      bad = edit (without, "[Case st-a]\n", title);
      assert_refused (bad, HEP_CASE_PACK_ERROR_CASE, "“Title”");
    }

  /* in a multi-line field, tab and newline are fine, a bidi override is not */
  {
    g_autofree char *tab = edit (pack, "\nHistory=", "\nHistory=\t");
    g_autofree char *rlo = edit (pack, "\nHistory=", "\nHistory=\xe2\x80\xae");
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) cases = hep_case_pack_parse (tab, strlen (tab), NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (cases->len, ==, 2);
    assert_refused (rlo, HEP_CASE_PACK_ERROR_CASE, "“History”");
  }
}

static void
test_pack_error_lines_are_clean (void)
{
  g_autofree char *pack = make_pack ();
  g_autofree char *bad_key = edit (pack, "[Case st-a]\n", "[Case st-a]\nEvil\x1b]0;title\x07=1\n");
  g_autofree char *bad_header = edit (pack, "Format=1\n", "Format=1\x1b[2J\n");
  g_autofree char *bad_group = edit (pack, "[Case st-b]\n", "[Image st-a\x1b[31m 1]\nCaption=x\n\n[Case st-b]\n");
  const char *packs[] = { bad_key, bad_header, bad_group };

  for (guint i = 0; i < G_N_ELEMENTS (packs); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) cases = hep_case_pack_parse (packs[i], strlen (packs[i]), NULL, &error);

      g_assert_null (cases);
      g_assert_nonnull (error);
      g_assert_null (strchr (error->message, '\x1b'));
      g_assert_null (strchr (error->message, '\x07'));
      g_assert_nonnull (strstr (error->message, "\\x1b"));
    }
}

static void
test_case_file_strict (void)
{
  g_autofree char *path = hep_test_case_path ("fx-fnh-scar.case");
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &text, &length, &error));

  {
    g_autoptr(GString) s = g_string_new (text);
    g_autoptr(HepCase) c = NULL;

    g_string_replace (s, "[Case]\n", "[Case]\nTitle=First of two\n", 1);
    c = hep_case_source_parse (s->str, s->len, &error);
    g_assert_null (c);
    g_assert_error (error, HEP_CASE_SOURCE_ERROR, HEP_CASE_SOURCE_ERROR_DUPLICATE);
    g_assert_nonnull (strstr (error->message, "line "));
    g_clear_error (&error);
  }
  {
    g_autoptr(GString) s = g_string_new (text);
    g_autoptr(HepCase) c = NULL;

    g_string_append (s, "\n[Findings]\r\narterial=again\r\n");
    c = hep_case_source_parse (s->str, s->len, &error);
    g_assert_null (c);
    g_assert_error (error, HEP_CASE_SOURCE_ERROR, HEP_CASE_SOURCE_ERROR_DUPLICATE);
    g_assert_nonnull (strstr (error->message, "[Findings]"));
    g_clear_error (&error);
  }
  {
    g_autoptr(GString) s = g_string_new (text);
    g_autoptr(HepCase) c = NULL;

    g_string_replace (s, "[Case]\n", "[Case]\nHistory[de]=Anamnese\n", 1);
    c = hep_case_source_parse (s->str, s->len, &error);
    g_assert_null (c);
    g_assert_error (error, HEP_CASE_SOURCE_ERROR, HEP_CASE_SOURCE_ERROR_UNKNOWN);
    g_assert_nonnull (strstr (error->message, "History[de]"));
    g_clear_error (&error);
  }
  /* a comment with brackets or an equals sign is not a group or a key */
  {
    g_autoptr(GString) s = g_string_new ("# [Case]\n# Title=x\n");
    g_autoptr(HepCase) c = NULL;

    g_string_append (s, text);
    c = hep_case_source_parse (s->str, s->len, &error);
    g_assert_no_error (error);
    g_assert_nonnull (c);
  }
}

static void
test_escape_for_message (void)
{
  struct { const char *in; gsize max; const char *out; } cases[] = {
    { "plain “text” é", 0, "plain “text” é" },
    { "a\x1b[31mb", 0, "a\\x1b[31mb" },
    { "bell\x07 del\x7f", 0, "bell\\x07 del\\x7f" },
    { "nel\xc2\x85", 0, "nel\\u0085" },
    { "rlo\xe2\x80\xae lri\xe2\x81\xa6", 0, "rlo\\u202e lri\\u2066" },
    { "bad\xff utf8", 0, "bad\\xff utf8" },
    { "line\nbreak\ttab", 0, "line\\x0abreak\\x09tab" },
    { "abcdef", 3, "abc…" },
    { NULL, 0, "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = hep_escape_for_message (cases[i].in, cases[i].max);
      g_autofree char *twice = hep_escape_for_message (out, 0);

      g_assert_cmpstr (out, ==, cases[i].out);
      /* escaping what is escaped changes nothing */
      g_assert_cmpstr (twice, ==, out);
    }

  /* the token parser quotes through it */
  {
    HepFeatureSet set;
    g_autoptr(GError) error = NULL;

    hep_feature_set_init (&set);
    g_assert_false (hep_feature_set_parse (&set, "size=1\x1b[2J", &error));
    g_assert_null (strchr (error->message, '\x1b'));
    g_assert_nonnull (strstr (error->message, "\\x1b[2J"));
  }
}

static void
test_leading_zeros (void)
{
  HepFeatureSet set;
  g_autoptr(GError) error = NULL;

  hep_feature_set_init (&set);
  g_assert_true (hep_feature_set_parse (&set, "size=0000005 age=0060", &error));
  g_assert_no_error (error);
  g_assert_cmpint (hep_feature_set_get (&set, HEP_FEATURE_SIZE), ==, 5);
  g_assert_cmpint (hep_feature_set_get (&set, HEP_FEATURE_AGE), ==, 60);
  /* the significant digits still decide the range */
  g_assert_false (hep_feature_set_parse (&set, "size=00000001000000", &error));
  g_assert_error (error, HEP_FEATURE_ERROR, HEP_FEATURE_ERROR_OUT_OF_RANGE);
}

static void
test_export_replaces_only_regular_files (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("hep-test-export-XXXXXX", &error);
  g_autofree char *target = g_build_filename (dir, "target.txt", NULL);
  g_autofree char *link = g_build_filename (dir, "link.hepatica-pack", NULL);
  g_autofree char *fifo = g_build_filename (dir, "fifo.hepatica-pack", NULL);
  g_autofree char *folder = g_build_filename (dir, "folder.hepatica-pack", NULL);
  g_autofree char *regular = g_build_filename (dir, "old.hepatica-pack", NULL);
  g_autofree char *fresh = g_build_filename (dir, "new.hepatica-pack", NULL);
  g_autoptr(GPtrArray) cases = g_ptr_array_new_with_free_func (g_object_unref);
  const char *refused[] = { link, fifo, folder };
  g_autofree char *text = NULL;

  g_ptr_array_add (cases, hep_test_load_case ("fx-met-rim"));
  g_assert_true (g_file_set_contents (target, "precious", -1, &error));
  g_assert_cmpint (symlink (target, link), ==, 0);
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  g_assert_true (g_file_set_contents (regular, "an old pack", -1, &error));

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_assert_false (hep_case_pack_save_file (cases, refused[i], "test", "2026-01-01T00:00:00Z", &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
      g_clear_error (&error);
    }
  g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
  g_assert_true (g_file_get_contents (target, &text, NULL, &error));
  g_assert_cmpstr (text, ==, "precious");
  g_clear_pointer (&text, g_free);

  g_assert_true (hep_case_pack_save_file (cases, regular, "test", "2026-01-01T00:00:00Z", &error));
  g_assert_true (hep_case_pack_save_file (cases, fresh, "test", "2026-01-01T00:00:00Z", &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (regular, &text, NULL, &error));
  g_assert_true (g_str_has_prefix (text, "[Hepatica Case Pack]"));

  /* nothing left beside them: six entries, no temporary file */
  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    guint n = 0;

    while (g_dir_read_name (d) != NULL)
      n++;
    g_assert_cmpuint (n, ==, 6);
  }
  hep_test_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pack-strict/valid-baseline", test_pack_valid_baseline);
  g_test_add_func ("/pack-strict/duplicate-groups", test_pack_duplicate_groups);
  g_test_add_func ("/pack-strict/duplicate-keys", test_pack_duplicate_keys);
  g_test_add_func ("/pack-strict/localized-keys", test_pack_localized_keys);
  g_test_add_func ("/pack-strict/unsafe-characters", test_pack_unsafe_characters);
  g_test_add_func ("/pack-strict/error-lines-are-clean", test_pack_error_lines_are_clean);
  g_test_add_func ("/pack-strict/case-file", test_case_file_strict);
  g_test_add_func ("/pack-strict/export-replaces-only-regular-files", test_export_replaces_only_regular_files);
  g_test_add_func ("/text/escape-for-message", test_escape_for_message);
  g_test_add_func ("/text/leading-zeros", test_leading_zeros);

  return g_test_run ();
}
