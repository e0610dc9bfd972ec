/* test-case-pack.c: case packs round-trip, and hostile packs change nothing
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "hep-test-cases.h"

#define NOW G_GINT64_CONSTANT (1790000000)
#define SQL_PAYLOAD "'); DROP TABLE cases;--"

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
  g_autoptr(HepCase) own = hep_test_load_case_as ("fx-met-rim", "my-own-case");

  f->dir = g_dir_make_tmp ("hep-test-pack-XXXXXX", &error);
  f->user_path = g_build_filename (f->dir, "user.db", NULL);
  f->pack_path = g_build_filename (f->dir, "test.hepatica-pack", NULL);
  f->store = hep_case_store_new (f->user_path, library, &error);
  g_assert_no_error (error);
  g_assert_true (hep_case_store_create_case (f->store, own, NOW, &error));
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

/* A pack of fixture cases renamed to pk-a, pk-b, … */
static char *
make_pack (guint   n,
           gsize  *length)
{
  static const char * const fixtures[] = { "fx-hcc-lr5", "fx-fnh-scar", "fx-met-rim", "fx-abscess-gas", "fx-adenoma-fat" };
  g_autoptr(GPtrArray) cases = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  char *data;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("pk-%c", 'a' + i);
      g_ptr_array_add (cases, hep_test_load_case_as (fixtures[i % G_N_ELEMENTS (fixtures)], id));
    }
  data = hep_case_pack_write (cases, "test", "2026-01-01T00:00:00Z", length, &error);
  g_assert_no_error (error);
  return data;
}

static char *
replace (const char *text,
         const char *from,
         const char *to)
{
  g_autoptr(GString) s = g_string_new (text);

  g_assert_nonnull (strstr (text, from));
  g_string_replace (s, from, to, 1);
  return g_string_free (g_steal_pointer (&s), FALSE);
}

/* Imports @data; it must fail with @code, and leave the user's data as it was. */
static void
assert_refused (Fixture    *f,
                const char *data,
                gsize       length,
                int         code,
                const char *mentions)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autofree char *before = hep_test_db_fingerprint (f->user_path);
  g_autofree char *after = NULL;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (f->store));

  g_assert_true (g_file_set_contents (f->pack_path, data, length, NULL));
  results = hep_case_pack_import_file (f->store, f->pack_path, NOW, &error);
  g_assert_null (results);
  if (code >= 0)
    g_assert_error (error, HEP_CASE_PACK_ERROR, code);
  else
    g_assert_nonnull (error);
  if (mentions != NULL && strstr (error->message, mentions) == NULL)
    g_error ("“%s” does not mention “%s”", error->message, mentions);
  g_assert_null (strchr (error->message, '\n'));

  after = hep_test_db_fingerprint (f->user_path);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->store)), ==, n);
}

static void
test_pack_round_trip (Fixture       *f,
                      gconstpointer  data)
{
  gsize length;
  g_autofree char *text = make_pack (5, &length);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) cases = NULL;
  HepCasePackInfo info = { 0, };

  g_assert_true (g_str_has_prefix (text, "[Hepatica Case Pack]\nFormat=1\nCount=5\n"));
  cases = hep_case_pack_parse (text, length, &info, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cases->len, ==, 5);
  g_assert_cmpint (info.format, ==, 1);
  g_assert_cmpuint (info.count, ==, 5);
  g_assert_cmpstr (info.generator, ==, "test");
  g_assert_cmpstr (info.created, ==, "2026-01-01T00:00:00Z");
  hep_case_pack_info_clear (&info);
  {
    g_autoptr(HepCase) expected = hep_test_load_case_as ("fx-fnh-scar", "pk-b");
    g_assert_true (hep_case_equal (cases->pdata[1], expected));
    g_assert_cmpuint (hep_case_get_n_images (cases->pdata[1]), ==, 2);
  }
}

static void
test_pack_import_rules (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GPtrArray) cases = g_ptr_array_new_with_free_func (g_object_unref);
  gsize length;
  g_autofree char *text = make_pack (3, &length);
  HepCaseImportResult *r;

  /* new ids are added */
  g_assert_true (g_file_set_contents (f->pack_path, text, length, NULL));
  results = hep_case_pack_import_file (f->store, f->pack_path, NOW, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (results->len, ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      r = results->pdata[i];
      g_assert_cmpint (r->action, ==, HEP_CASE_IMPORT_ADDED);
      g_assert_cmpstr (r->id, ==, r->new_id);
    }
  g_assert_true (hep_case_store_contains (f->store, "pk-c"));
  g_clear_pointer (&results, g_ptr_array_unref);

  /* importing the same pack again changes nothing */
  {
    g_autofree char *before = hep_test_db_fingerprint (f->user_path);
    g_autofree char *after = NULL;

    results = hep_case_pack_import_file (f->store, f->pack_path, NOW + 5, &error);
    g_assert_no_error (error);
    for (guint i = 0; i < 3; i++)
      g_assert_cmpint (((HepCaseImportResult *) results->pdata[i])->action, ==, HEP_CASE_IMPORT_UNCHANGED);
    after = hep_test_db_fingerprint (f->user_path);
    g_assert_cmpstr (before, ==, after);
    g_clear_pointer (&results, g_ptr_array_unref);
  }

  /* a different case under a taken id (user or bundled) is renamed, and the
   * new ids do not collide with each other or with the rest of the pack */
  g_ptr_array_add (cases, hep_test_load_case_as ("fx-met-rim", "pk-a"));          /* taken by a user case */
  g_ptr_array_add (cases, hep_test_load_case_as ("fx-met-rim", "fx-hcc-lr5"));    /* taken by a bundled case */
  g_ptr_array_add (cases, hep_test_load_case_as ("fx-met-rim", "pk-a-imported")); /* free, but wanted by the rename */
  g_ptr_array_add (cases, hep_test_load_case_as ("fx-fnh-scar", "fx-fnh-scar"));  /* identical to the bundled case */
  results = hep_case_store_import_cases (f->store, cases, NOW, &error);
  g_assert_no_error (error);
  r = results->pdata[0];
  g_assert_cmpint (r->action, ==, HEP_CASE_IMPORT_RENAMED);
  g_assert_cmpstr (r->new_id, ==, "pk-a-imported-2");
  r = results->pdata[1];
  g_assert_cmpint (r->action, ==, HEP_CASE_IMPORT_RENAMED);
  g_assert_cmpstr (r->new_id, ==, "fx-hcc-lr5-imported");
  r = results->pdata[2];
  g_assert_cmpint (r->action, ==, HEP_CASE_IMPORT_ADDED);
  g_assert_cmpstr (r->new_id, ==, "pk-a-imported");
  r = results->pdata[3];
  g_assert_cmpint (r->action, ==, HEP_CASE_IMPORT_UNCHANGED);
  {
    g_autoptr(HepCase) renamed = hep_case_store_get_case (f->store, "fx-hcc-lr5-imported", &error);
    g_autoptr(HepCase) bundled = hep_case_store_get_case (f->store, "fx-hcc-lr5", &error);

    g_assert_cmpstr (hep_case_get_diagnosis (renamed), ==, "met-hypovascular");
    g_assert_cmpint (hep_case_get_origin (bundled), ==, HEP_CASE_ORIGIN_BUNDLED);
    g_assert_cmpstr (hep_case_get_diagnosis (bundled), ==, "hcc");
  }
}

static void
test_pack_sql_strings_are_data (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HepCase) c = hep_test_load_case_as ("fx-fnh-scar", "sql-case");
  g_autoptr(GPtrArray) cases = g_ptr_array_new ();
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(HepCase) loaded = NULL;
  g_autoptr(HepCaseImage) image = hep_case_image_new (SQL_PAYLOAD, SQL_PAYLOAD, "ct", NULL);
  const char * const list[] = { SQL_PAYLOAD, "\"; DELETE FROM case_tag; --", NULL };
  g_autofree char *fingerprint = NULL;

  hep_case_set_title (c, SQL_PAYLOAD);
  hep_case_set_history (c, SQL_PAYLOAD);
  hep_case_set_presentation (c, SQL_PAYLOAD);
  hep_case_set_author (c, SQL_PAYLOAD);
  hep_case_set_license (c, SQL_PAYLOAD);
  for (guint p = 0; p < HEP_N_CASE_PHASES; p++)
    hep_case_set_findings (c, p, SQL_PAYLOAD);
  hep_case_set_tags (c, list);
  hep_case_set_teaching_points (c, list);
  hep_case_set_pitfalls (c, list);
  hep_case_set_references (c, list);
  hep_case_add_image (c, image);
  g_ptr_array_add (cases, c);

  g_assert_true (hep_case_pack_save_file (cases, f->pack_path, "test", NULL, &error));
  results = hep_case_pack_import_file (f->store, f->pack_path, NOW, &error);
  g_assert_no_error (error);
  g_assert_cmpint (((HepCaseImportResult *) results->pdata[0])->action, ==, HEP_CASE_IMPORT_ADDED);

  /* stored verbatim, nothing dropped or deleted */
  loaded = hep_case_store_get_case (f->store, "sql-case", &error);
  g_assert_no_error (error);
  g_assert_true (hep_case_equal (loaded, c));
  g_assert_cmpstr (hep_case_get_title (loaded), ==, SQL_PAYLOAD);
  g_assert_cmpstr (hep_case_get_findings (loaded, HEP_CASE_PHASE_DWI), ==, SQL_PAYLOAD);
  g_assert_true (hep_case_store_contains (f->store, "my-own-case"));
  g_assert_cmpuint (hep_case_store_count (f->store, HEP_CASE_ORIGIN_USER, NULL), ==, 2);
  g_assert_cmpuint (hep_case_store_count (f->store, HEP_CASE_ORIGIN_BUNDLED, NULL), ==, 5);
  fingerprint = hep_test_db_fingerprint (f->user_path);
  g_assert_nonnull (strstr (fingerprint, "== cases\n"));
  g_assert_nonnull (strstr (fingerprint, "== case_tag\n"));
  {
    g_autoptr(HepCase) own = hep_case_store_get_case (f->store, "my-own-case", &error);
    g_assert_cmpuint (g_strv_length ((char **) hep_case_get_tags (own)), ==, 2);
  }

  /* and an SQL-looking id is refused, not run */
  {
    g_autofree char *text = g_strdup ("[Hepatica Case Pack]\nFormat=1\nCount=1\nChecksum=0\n\n"
                                      "[Case x'); DROP TABLE cases;--]\nId=x'); DROP TABLE cases;--\n");
    g_autofree char *signed_text = hep_test_pack_resign (text);

    assert_refused (f, signed_text, strlen (signed_text), HEP_CASE_PACK_ERROR_CASE, "id");
  }
}

static void
test_pack_wrong_magic (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *case_file = NULL;
  g_autofree char *case_text = NULL;
  gsize length;
  const char binary[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR";

  assert_refused (f, "", 0, HEP_CASE_PACK_ERROR_NOT_A_PACK, "Hepatica Case Pack");
  assert_refused (f, "[Anki Deck]\nFormat=1\n", 20, HEP_CASE_PACK_ERROR_NOT_A_PACK, NULL);
  assert_refused (f, binary, sizeof binary - 1, HEP_CASE_PACK_ERROR_NOT_A_PACK, NULL);
  /* a pack that went through a CRLF conversion says so */
  {
    g_autofree char *text = make_pack (1, NULL);
    g_autoptr(GString) crlf = g_string_new (text);

    g_string_replace (crlf, "\n", "\r\n", 0);
    assert_refused (f, crlf->str, crlf->len, HEP_CASE_PACK_ERROR_DAMAGED, "CRLF");
  }
  /* a single case file is not a pack */
  case_file = hep_test_case_path ("fx-hcc-lr5.case");
  g_assert_true (g_file_get_contents (case_file, &case_text, &length, NULL));
  assert_refused (f, case_text, length, HEP_CASE_PACK_ERROR_NOT_A_PACK, NULL);
}

static void
test_pack_truncated (Fixture       *f,
                     gconstpointer  data)
{
  gsize length;
  g_autofree char *text = make_pack (3, &length);
  const gsize cuts[] = { 1, 10, 21, 40, 60, 100, 140, 160, length / 3, length / 2, length - 200, length - 20, length - 1 };

  for (guint i = 0; i < G_N_ELEMENTS (cuts); i++)
    {
      g_test_message ("truncated to %zu of %zu bytes", cuts[i], length);
      assert_refused (f, text, cuts[i], -1, NULL);
    }
  /* past the header, a cut always shows as damage */
  assert_refused (f, text, length - 1, HEP_CASE_PACK_ERROR_DAMAGED, "damaged");
  assert_refused (f, text, length / 2, HEP_CASE_PACK_ERROR_DAMAGED, "damaged");
}

static void
test_pack_bit_flips (Fixture       *f,
                     gconstpointer  data)
{
  gsize length;
  g_autofree char *text = make_pack (2, &length);
  g_autofree char *before = hep_test_db_fingerprint (f->user_path);
  g_autofree char *after = NULL;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (f->store));

  /* every single flipped bit 0 and bit 7, anywhere in the file, is caught */
  for (gsize i = 0; i < length; i++)
    for (guint bit = 0; bit < 8; bit += 7)
      {
        g_autofree char *copy = g_memdup2 (text, length);
        g_autoptr(GPtrArray) cases = NULL;
        g_autoptr(GError) error = NULL;

        copy[i] ^= (char) (1 << bit);
        cases = hep_case_pack_parse (copy, length, NULL, &error);
        if (cases != NULL)
          g_error ("flipping bit %u of byte %zu (“%c”) went unnoticed", bit, i, text[i]);
        g_assert_true (error->domain == HEP_CASE_PACK_ERROR);
      }
  /* and through the file importer, a few of them */
  for (gsize i = 0; i < length; i += length / 7)
    {
      g_autofree char *copy = g_memdup2 (text, length);

      copy[i] ^= 0x01;
      assert_refused (f, copy, length, -1, NULL);
    }
  after = hep_test_db_fingerprint (f->user_path);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->store)), ==, n);
}

static void
test_pack_invalid_content (Fixture       *f,
                           gconstpointer  data)
{
  gsize length;
  g_autofree char *text = make_pack (3, &length);
  g_autofree char *long_title = g_strnfill (HEP_CASE_MAX_TITLE + 1, 'x');
  g_autofree char *long_title_line = g_strconcat ("Title=", long_title, "\n", NULL);
  struct {
    const char *from;
    const char *to;
    int         code;
    const char *mentions;
  } edits[] = {
    /* a bad token in an otherwise valid, correctly signed pack */
    { "Features=risk=cirrhosis age=61", "Features=risk=cirrhosis glowing age=61", HEP_CASE_PACK_ERROR_CASE, "glowing" },
    { "Features=risk=cirrhosis age=61", "Features=risk=cirrhosis age=999", HEP_CASE_PACK_ERROR_CASE, "age" },
    { "Diagnosis=hcc", "Diagnosis=hepatoma", HEP_CASE_PACK_ERROR_CASE, "hepatoma" },
    { "Title=Fixture HCC with washout and capsule\n", long_title_line, HEP_CASE_PACK_ERROR_CASE, "limit" },
    { "Title=Fixture HCC", "Title=Fixture \xff\xfe HCC", HEP_CASE_PACK_ERROR_NOT_A_PACK, "UTF-8" },
    { "Format=1", "Format=3", HEP_CASE_PACK_ERROR_VERSION, "format 3" },
    { "Format=1", "Format=one", HEP_CASE_PACK_ERROR_HEADER, "one" },
    { "Count=3", "Count=2", HEP_CASE_PACK_ERROR_COUNT, "3" },
    { "Count=3", "Count=1001", HEP_CASE_PACK_ERROR_TOO_MANY, "1000" },
    { "Generator=test", "Generator=test\nColour=blue", HEP_CASE_PACK_ERROR_HEADER, "Colour" },
    { "[Case pk-b]", "[Case pk-a]", HEP_CASE_PACK_ERROR_DUPLICATE, "pk-a" },
    { "[Findings pk-b]", "[Findings nobody]", HEP_CASE_PACK_ERROR_STRAY_GROUP, "nobody" },
    { "[Case pk-b]\nId=pk-b", "[Case pk-b]\nId=pk-z", HEP_CASE_PACK_ERROR_CASE, "pk-z" },
    { "arterial=", "surprise=", HEP_CASE_PACK_ERROR_CASE, "surprise" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (edits); i++)
    {
      g_autofree char *edited = replace (text, edits[i].from, edits[i].to);
      g_autofree char *signed_text = hep_test_pack_resign (edited);

      g_test_message ("edit %u", i);
      assert_refused (f, signed_text, strlen (signed_text), edits[i].code, edits[i].mentions);
      /* unsigned, the same edit is damage */
      assert_refused (f, edited, strlen (edited), -1, NULL);
    }
}

static void
test_pack_limits (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GString) big = g_string_new ("[Hepatica Case Pack]\nFormat=1\nCount=0\nChecksum=0\n\n");
  g_autoptr(GString) many = g_string_new ("[Hepatica Case Pack]\nFormat=1\nCount=1001\nChecksum=0\n\n");
  g_autoptr(GPtrArray) too_many = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  g_autofree char *signed_many = NULL;
  gsize length;
  g_autofree char *small = make_pack (1, &length);

  /* over 8 MiB: refused before it is parsed */
  while (big->len <= HEP_CASE_PACK_MAX_SIZE)
    g_string_append (big, "# padding padding padding padding padding padding padding padding\n");
  assert_refused (f, big->str, big->len, HEP_CASE_PACK_ERROR_TOO_LARGE, "8 MiB");
  g_assert_null (hep_case_pack_parse (big->str, big->len, NULL, &error));
  g_assert_error (error, HEP_CASE_PACK_ERROR, HEP_CASE_PACK_ERROR_TOO_LARGE);
  g_clear_error (&error);

  /* 1001 case groups */
  for (guint i = 0; i < 1001; i++)
    g_string_append_printf (many, "[Case c%04u]\nId=c%04u\n\n", i, i);
  signed_many = hep_test_pack_resign (many->str);
  assert_refused (f, signed_many, strlen (signed_many), HEP_CASE_PACK_ERROR_TOO_MANY, NULL);

  /* the writer keeps to the same limits */
  for (guint i = 0; i < HEP_CASE_PACK_MAX_CASES + 1; i++)
    g_ptr_array_add (too_many, hep_test_load_case ("fx-met-rim"));
  g_assert_null (hep_case_pack_write (too_many, NULL, NULL, NULL, &error));
  g_assert_error (error, HEP_CASE_PACK_ERROR, HEP_CASE_PACK_ERROR_TOO_MANY);
  g_clear_error (&error);
  g_ptr_array_set_size (too_many, 2);
  g_assert_null (hep_case_pack_write (too_many, NULL, NULL, NULL, &error));
  g_assert_error (error, HEP_CASE_PACK_ERROR, HEP_CASE_PACK_ERROR_DUPLICATE);
  g_clear_error (&error);

  /* not a regular file */
  g_assert_null (hep_case_pack_import_file (f->store, f->dir, NOW, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  (void) small;
}

static void
test_pack_all_or_nothing (Fixture       *f,
                          gconstpointer  data)
{
  gsize length;
  g_autofree char *text = make_pack (3, &length);
  g_autoptr(GError) error = NULL;

  /* the third insert fails inside the transaction: the first two are undone */
  {
    g_autoptr(HepDb) db = hep_db_open (f->user_path, 0, &error);

    g_assert_true (hep_db_exec (db, "CREATE TRIGGER boom BEFORE INSERT ON cases WHEN NEW.id = 'pk-c'"
                                    " BEGIN SELECT RAISE (ABORT, 'boom'); END", &error));
    g_assert_no_error (error);
  }
  assert_refused (f, text, length, -1, "boom");
  g_assert_false (hep_case_store_contains (f->store, "pk-a"));
  g_assert_false (hep_case_store_contains (f->store, "pk-b"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/case-pack/round-trip", test_pack_round_trip);
  ADD ("/case-pack/import-rules", test_pack_import_rules);
  ADD ("/case-pack/sql-strings-are-data", test_pack_sql_strings_are_data);
  ADD ("/case-pack/wrong-magic", test_pack_wrong_magic);
  ADD ("/case-pack/truncated", test_pack_truncated);
  ADD ("/case-pack/bit-flips", test_pack_bit_flips);
  ADD ("/case-pack/invalid-content", test_pack_invalid_content);
  ADD ("/case-pack/limits", test_pack_limits);
  ADD ("/case-pack/all-or-nothing", test_pack_all_or_nothing);
#undef ADD

  return g_test_run ();
}
