/* test-case-source.c: the case file format, valid and malformed
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "hep-test-cases.h"

static void
test_source_fixture_fields (void)
{
  g_autoptr(HepCase) c = hep_test_load_case ("fx-hcc-lr5");
  g_autofree char *features = hep_case_dup_features_string (c);

  g_assert_cmpstr (hep_case_get_id (c), ==, "fx-hcc-lr5");
  g_assert_cmpstr (hep_case_get_title (c), ==, "Fixture HCC with washout and capsule");
  g_assert_cmpstr (hep_case_get_found_on (c), ==, "us");
  g_assert_cmpstr (features, ==, "risk=cirrhosis age=61 sex=m size=22 aphe=nonrim washout capsule");
  /* age, sex and size come from the feature tokens */
  g_assert_cmpint (hep_case_get_age (c), ==, 61);
  g_assert_cmpint (hep_case_get_sex (c), ==, HEP_SEX_M);
  g_assert_cmpint (hep_case_get_size (c), ==, 22);
  g_assert_cmpstr (hep_case_get_diagnosis (c), ==, "hcc");
  g_assert_cmpstr (hep_case_get_proof (c), ==, "explant");
  g_assert_cmpstr (hep_case_get_outcome (c), ==, "Explanted liver: moderately differentiated tumour, margins clear.");
  g_assert_cmpstr (hep_case_get_certainty (c), ==, "definite");
  g_assert_cmpint (hep_case_get_lirads (c), ==, HEP_LIRADS_5);
  g_assert_cmpint (hep_case_get_difficulty (c), ==, 2);
  g_assert_true (hep_case_has_tag (c, "washout"));
  g_assert_cmpuint (g_strv_length ((char **) hep_case_get_teaching_points (c)), ==, 2);
  /* an escaped separator stays inside its entry */
  g_assert_cmpstr (hep_case_get_teaching_points (c)[1], ==, "A second point with a pipe | inside.");
  g_assert_cmpuint (g_strv_length ((char **) hep_case_get_pitfalls (c)), ==, 0);
  g_assert_cmpstr (hep_case_get_findings (c, HEP_CASE_PHASE_ARTERIAL), ==, "Nonrim hyperenhancement.");
  g_assert_cmpstr (hep_case_get_findings (c, HEP_CASE_PHASE_HBP), ==, "Hypointense.");
  g_assert_null (hep_case_get_findings (c, HEP_CASE_PHASE_PRE));
  /* explicit spoilers: exactly those are listed */
  g_assert_cmpuint (hep_case_get_spoilers (c), ==, HEP_CASE_SPOILER_DIAGNOSIS | HEP_CASE_SPOILER_LIRADS);
  g_assert_true (hep_case_is_spoiler (c, "diagnosis"));
  g_assert_true (hep_case_is_spoiler (c, "lirads"));
  /* what unknown-case mode hides is more: the title names the diagnosis
   * ("Fixture HCC with …"), and tags are always hidden */
  g_assert_true (hep_case_is_spoiler (c, "title"));
  g_assert_true (hep_case_is_spoiler (c, "tags"));
  /* the outcome is not listed and names no diagnosis, but is always hidden */
  g_assert_true (hep_case_is_spoiler (c, "outcome"));
  g_assert_false (hep_case_is_spoiler (c, "findings-arterial"));
  g_assert_false (hep_case_is_spoiler (c, "no-such-field"));
  g_assert_cmpint (hep_case_get_origin (c), ==, HEP_CASE_ORIGIN_USER);
}

static void
test_source_spoiler_defaults (void)
{
  g_autoptr(HepCase) fnh = hep_test_load_case ("fx-fnh-scar");
  g_autoptr(HepCase) adenoma = hep_test_load_case ("fx-adenoma-fat");

  /* no Spoilers key: the default set hides the answer, not the findings */
  g_assert_cmpuint (hep_case_get_spoilers (fnh), ==, HEP_CASE_SPOILER_DEFAULT);
  g_assert_true (HEP_CASE_SPOILER_DEFAULT & HEP_CASE_SPOILER_OUTCOME);
  /* no Outcome key: none */
  g_assert_null (hep_case_get_outcome (fnh));
  g_assert_true (hep_case_is_spoiler (fnh, "title"));
  g_assert_true (hep_case_is_spoiler (fnh, "diagnosis"));
  g_assert_true (hep_case_is_spoiler (fnh, "teaching-points"));
  g_assert_false (hep_case_is_spoiler (fnh, "findings-arterial"));
  /* an empty Spoilers key lists nothing, but the answer stays hidden */
  g_assert_cmpuint (hep_case_get_spoilers (adenoma), ==, 0);
  g_assert_true (hep_case_is_spoiler (adenoma, "diagnosis"));
  g_assert_true (hep_case_is_spoiler (adenoma, "references"));
}

static void
test_source_images (void)
{
  g_autoptr(HepCase) c = hep_test_load_case ("fx-fnh-scar");
  const HepCaseImage *image;

  g_assert_cmpuint (hep_case_get_n_images (c), ==, 2);
  image = hep_case_get_image (c, 0);
  g_assert_cmpstr (image->phase, ==, "arterial");
  g_assert_cmpstr (image->modality, ==, "ct");
  g_assert_cmpstr (image->file, ==, "images/fx-fnh-scar-arterial.png");
  image = hep_case_get_image (c, 1);
  g_assert_cmpstr (image->modality, ==, "mri");
  g_assert_null (image->file);
}

static void
test_source_round_trip (void)
{
  static const char * const ids[] = { "fx-hcc-lr5", "fx-fnh-scar", "fx-met-rim", "fx-abscess-gas", "fx-adenoma-fat" };

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autoptr(HepCase) c = hep_test_load_case (ids[i]);
      g_autoptr(HepCase) again = NULL;
      g_autoptr(HepCase) copy = hep_case_copy (c);
      g_autoptr(GError) error = NULL;
      g_autofree char *data = NULL, *data2 = NULL;
      gsize length;

      data = hep_case_source_to_data (c, &length);
      again = hep_case_source_parse (data, length, &error);
      g_assert_no_error (error);
      g_assert_true (hep_case_equal (c, again));
      g_assert_true (hep_case_equal (c, copy));
      /* writing is deterministic */
      data2 = hep_case_source_to_data (again, NULL);
      g_assert_cmpstr (data, ==, data2);
      hep_case_set_title (copy, "Changed");
      g_assert_false (hep_case_equal (c, copy));
      /* the outcome is written, read back and compared; empty is none */
      hep_case_set_title (copy, hep_case_get_title (c));
      hep_case_set_outcome (copy, "Resected: confirmed.");
      g_assert_false (hep_case_equal (c, copy));
      g_clear_pointer (&data2, g_free);
      data2 = hep_case_source_to_data (copy, &length);
      g_assert_nonnull (strstr (data2, "\nOutcome=Resected: confirmed.\n"));
      g_clear_object (&again);
      again = hep_case_source_parse (data2, length, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (hep_case_get_outcome (again), ==, "Resected: confirmed.");
      g_assert_true (hep_case_equal (copy, again));
      hep_case_set_outcome (copy, "");
      g_assert_null (hep_case_get_outcome (copy));
      g_clear_pointer (&data2, g_free);
      data2 = hep_case_source_to_data (copy, NULL);
      g_assert_null (strstr (data2, "Outcome="));
    }
}

static void
test_source_malformed (void)
{
  static const struct {
    const char *file;
    int         code;
    const char *mentions;
  } cases[] = {
    { "bad-token", HEP_CASE_SOURCE_ERROR_INVALID, "glowing" },
    { "bad-no-age", HEP_CASE_SOURCE_ERROR_MISSING, "age=" },
    { "bad-diagnosis", HEP_CASE_SOURCE_ERROR_INVALID, "hepatoma" },
    { "bad-lirads", HEP_CASE_SOURCE_ERROR_INVALID, "LR-6" },
    { "bad-difficulty", HEP_CASE_SOURCE_ERROR_INVALID, "Difficulty" },
    { "bad-proof", HEP_CASE_SOURCE_ERROR_INVALID, "hunch" },
    { "bad-spoiler", HEP_CASE_SOURCE_ERROR_INVALID, "everything" },
    { "bad-modality", HEP_CASE_SOURCE_ERROR_INVALID, "pet" },
    { "bad-unknown-key", HEP_CASE_SOURCE_ERROR_UNKNOWN, "Colour" },
    { "bad-no-teaching", HEP_CASE_SOURCE_ERROR_MISSING, "TeachingPoints" },
    { "bad-no-title", HEP_CASE_SOURCE_ERROR_MISSING, "Title" },
    { "bad-no-arterial", HEP_CASE_SOURCE_ERROR_MISSING, "arterial" },
    { "bad-id-mismatch", HEP_CASE_SOURCE_ERROR_BAD_ID, "another-id" },
    { "bad-id-chars", HEP_CASE_SOURCE_ERROR_BAD_ID, "Bad_ID" },
    { "bad-group", HEP_CASE_SOURCE_ERROR_UNKNOWN, "Extra" },
    { "bad-not-utf8", HEP_CASE_SOURCE_ERROR_PARSE, "UTF-8" },
    { "bad-garbage", HEP_CASE_SOURCE_ERROR_PARSE, "key file" },
    { "bad-long-title", HEP_CASE_SOURCE_ERROR_TOO_LONG, "Title" },
    { "bad-image-gap", HEP_CASE_SOURCE_ERROR_MISSING, "Image 1" },
    { "bad-image-path", HEP_CASE_SOURCE_ERROR_INVALID, "../" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = g_strconcat ("bad/", cases[i].file, ".case", NULL);
      g_autofree char *path = hep_test_case_path (name);
      g_autoptr(GError) error = NULL;
      g_autoptr(HepCase) c = NULL;

      g_test_message ("%s", cases[i].file);
      c = hep_case_source_load_file (path, &error);
      g_assert_null (c);
      g_assert_error (error, HEP_CASE_SOURCE_ERROR, cases[i].code);
      /* the message names the file and the problem */
      g_assert_nonnull (strstr (error->message, cases[i].file));
      if (strstr (error->message, cases[i].mentions) == NULL)
        g_error ("“%s” does not mention “%s”", error->message, cases[i].mentions);
      g_assert_null (strchr (error->message, '\n'));
    }
}

static void
test_source_validate_built_case (void)
{
  g_autoptr(HepCase) c = hep_test_load_case ("fx-met-rim");
  g_autoptr(GError) error = NULL;
  HepFeatureSet features;
  const char * const too_many_tags[] = {
    "a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", "n", "o", "p",
    "q", "r", "s", "t", "u", "v", "w", "x", "y", "z", "aa", "bb", "cc", "dd", "ee", NULL,
  };
  const char * const twice[] = { "a", "a", NULL };
  g_autofree char *long_text = g_strnfill (HEP_CASE_MAX_TEXT + 1, 'x');

  g_assert_true (hep_case_source_validate (c, &error));

  hep_case_set_history (c, long_text);
  g_assert_false (hep_case_source_validate (c, &error));
  g_assert_error (error, HEP_CASE_SOURCE_ERROR, HEP_CASE_SOURCE_ERROR_TOO_LONG);
  g_clear_error (&error);
  hep_case_set_history (c, "Line one.\nLine two.");
  g_assert_true (hep_case_source_validate (c, &error));
  hep_case_set_title (c, "Bell\a");
  g_assert_false (hep_case_source_validate (c, &error));
  g_assert_error (error, HEP_CASE_SOURCE_ERROR, HEP_CASE_SOURCE_ERROR_INVALID);
  g_clear_error (&error);
  hep_case_set_title (c, "Fine");

  hep_case_set_tags (c, too_many_tags);
  g_assert_false (hep_case_source_validate (c, &error));
  g_assert_error (error, HEP_CASE_SOURCE_ERROR, HEP_CASE_SOURCE_ERROR_TOO_LONG);
  g_clear_error (&error);
  hep_case_set_tags (c, twice);
  g_assert_false (hep_case_source_validate (c, &error));
  g_assert_error (error, HEP_CASE_SOURCE_ERROR, HEP_CASE_SOURCE_ERROR_INVALID);
  g_clear_error (&error);
  hep_case_set_tags (c, NULL);

  features = *hep_case_get_features (c);
  hep_feature_set_unset (&features, HEP_FEATURE_SEX);
  hep_case_set_features (c, &features);
  g_assert_false (hep_case_source_validate (c, &error));
  g_assert_error (error, HEP_CASE_SOURCE_ERROR, HEP_CASE_SOURCE_ERROR_MISSING);
  g_clear_error (&error);

  hep_case_set_id (c, "x");
  g_assert_false (hep_case_source_validate (c, &error));
  g_assert_error (error, HEP_CASE_SOURCE_ERROR, HEP_CASE_SOURCE_ERROR_BAD_ID);
}

static void
test_source_ids (void)
{
  g_assert_true (hep_case_id_is_valid ("abc"));
  g_assert_true (hep_case_id_is_valid ("0ab-c"));
  g_assert_false (hep_case_id_is_valid ("ab"));
  g_assert_false (hep_case_id_is_valid ("-abc"));
  g_assert_false (hep_case_id_is_valid ("aBc"));
  g_assert_false (hep_case_id_is_valid ("a c d"));
  g_assert_false (hep_case_id_is_valid ("abc'); DROP TABLE cases;--"));
  g_assert_false (hep_case_id_is_valid (NULL));
  {
    g_autofree char *max = g_strnfill (64, 'a');
    g_autofree char *over = g_strnfill (65, 'a');

    g_assert_true (hep_case_id_is_valid (max));
    g_assert_false (hep_case_id_is_valid (over));
  }
}

static void
test_source_sample_cases (void)
{
  /* the sample cases in data/cases are valid too */
  static const char * const samples[] = {
    "sample-cyst-simple.case", "sample-hcc-cirrhosis.case", "sample-hemangioma-typical.case",
  };

  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    {
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "cases", samples[i], NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(HepCase) c = NULL;

      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        continue;   /* the real library replaced the samples */
      c = hep_case_source_load_file (path, &error);
      g_assert_no_error (error);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/case-source/fixture-fields", test_source_fixture_fields);
  g_test_add_func ("/case-source/spoiler-defaults", test_source_spoiler_defaults);
  g_test_add_func ("/case-source/images", test_source_images);
  g_test_add_func ("/case-source/round-trip", test_source_round_trip);
  g_test_add_func ("/case-source/malformed", test_source_malformed);
  g_test_add_func ("/case-source/validate-built-case", test_source_validate_built_case);
  g_test_add_func ("/case-source/ids", test_source_ids);
  g_test_add_func ("/case-source/sample-cases", test_source_sample_cases);

  return g_test_run ();
}
