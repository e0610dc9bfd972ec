/* test-feature-set.c: the token vocabulary and its parser
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "hep-feature-set.h"

static void
test_vocabulary_is_consistent (void)
{
  /* Every feature round-trips through its token, tokens are unique and use
   * only lower-case letters, digits and dashes. */
  for (guint i = 0; i < HEP_N_FEATURES; i++)
    {
      const char *token = hep_feature_get_token ((HepFeature) i);
      HepFeature back;

      g_assert_nonnull (token);
      g_assert_true (hep_feature_from_token (token, &back));
      g_assert_cmpint (back, ==, i);
      for (const char *p = token; *p; p++)
        g_assert_true (g_ascii_islower (*p) || g_ascii_isdigit (*p) || *p == '-');
      g_assert_nonnull (hep_feature_get_label ((HepFeature) i));
      g_assert_nonnull (hep_feature_get_description ((HepFeature) i));
      g_assert_cmpint (hep_feature_get_group ((HepFeature) i), <, HEP_N_FEATURE_GROUPS);
      if (i > 0)
        g_assert_cmpint (hep_feature_get_group ((HepFeature) i), >=,
                         hep_feature_get_group ((HepFeature) (i - 1)));
    }
}

/* The vocabulary the issue asks for, exactly. */
static void
test_vocabulary_matches_issue (void)
{
  static const char *expected[] = {
    "risk=none|cirrhosis|hbv|prior-hcc", "age=N (0–120 y)", "sex=f|m", "known-malignancy", "fever",
    "hormone-use", "afp-raised", "ca19-9-raised", "lirads-excluded", "androgen-use",
    "primary=colorectal|pancreas|stomach|lung|breast|neuroendocrine|renal|melanoma|thyroid|other",
    "size=N (0–300 mm)", "threshold-growth", "subthreshold-growth", "size-stable-2y", "size-reduction",
    "count=single|multiple|innumerable",
    "aphe=none|nonrim|rim", "peripheral-nodular", "wedge-shaped",
    "washout", "peripheral-washout", "capsule", "nonenhancing-capsule", "centripetal-fill",
    "delayed-central-enhancement", "central-scar", "parallels-blood-pool", "no-enhancement", "corona",
    "t2=iso|mild-moderate|marked", "dwi=none|restricted|marked|targetoid", "hbp=hypo|iso-hyper|targetoid",
    "tp-hypo", "fat-in-mass", "fat-sparing", "iron-in-mass", "iron-sparing", "blood-products", "us-visible",
    "nodule-in-nodule", "mosaic", "undistorted-vessels", "t1-hyper",
    "tiv", "infiltrative", "necrosis", "other-non-hcc", "gas", "capsular-retraction",
    "not-categorizable", "definitely-benign", "probably-benign",
  };

  g_assert_cmpint (G_N_ELEMENTS (expected), ==, HEP_N_FEATURES);
  for (guint i = 0; i < HEP_N_FEATURES; i++)
    {
      g_autofree char *accepted = hep_feature_describe_accepted ((HepFeature) i);
      g_assert_cmpstr (accepted, ==, expected[i]);
    }
}

static void
test_parse_and_canonical_string (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  HepFeatureSet fs, again;

  hep_feature_set_init (&fs);
  g_assert_true (hep_feature_set_parse (&fs, "washout, size=18  aphe=nonrim risk=cirrhosis\tcapsule", &error));
  g_assert_no_error (error);
  g_assert_cmpint (hep_feature_set_get (&fs, HEP_FEATURE_SIZE), ==, 18);
  g_assert_cmpint (hep_feature_set_get (&fs, HEP_FEATURE_APHE), ==, HEP_APHE_NONRIM);
  g_assert_cmpint (hep_feature_set_get (&fs, HEP_FEATURE_RISK), ==, HEP_RISK_CIRRHOSIS);
  g_assert_true (hep_feature_set_has (&fs, HEP_FEATURE_WASHOUT));
  g_assert_true (hep_feature_set_has (&fs, HEP_FEATURE_CAPSULE));
  g_assert_false (hep_feature_set_has (&fs, HEP_FEATURE_TIV));
  g_assert_false (hep_feature_set_is_set (&fs, HEP_FEATURE_AGE));

  /* canonical: vocabulary order, single spaces */
  text = hep_feature_set_to_string (&fs);
  g_assert_cmpstr (text, ==, "risk=cirrhosis size=18 aphe=nonrim washout capsule");

  hep_feature_set_init (&again);
  g_assert_true (hep_feature_set_parse (&again, text, NULL));
  g_assert_true (hep_feature_set_equal (&fs, &again));
}

static void
test_parse_strv_and_removal (void)
{
  const char *tokens[] = { "risk=hbv size=25", "washout", "-washout", "aphe=rim", NULL };
  const char *conflict[] = { "washout", "-washout", NULL };
  g_autoptr(GError) error = NULL;
  HepFeatureSet fs;

  /* "-washout" after "washout" in one parse is a conflict ... */
  hep_feature_set_init (&fs);
  g_assert_false (hep_feature_set_parse_strv (&fs, conflict, &error));
  g_assert_error (error, HEP_FEATURE_ERROR, HEP_FEATURE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_false (hep_feature_set_parse_strv (&fs, tokens, &error));
  g_assert_error (error, HEP_FEATURE_ERROR, HEP_FEATURE_ERROR_CONFLICT);
  g_clear_error (&error);

  /* ... but removal applies on top of an earlier state */
  g_assert_true (hep_feature_set_parse (&fs, "risk=hbv size=25 washout aphe=rim", NULL));
  g_assert_true (hep_feature_set_parse (&fs, "-washout -aphe size=30", &error));
  g_assert_no_error (error);
  g_assert_false (hep_feature_set_has (&fs, HEP_FEATURE_WASHOUT));
  g_assert_false (hep_feature_set_is_set (&fs, HEP_FEATURE_APHE));
  g_assert_cmpint (hep_feature_set_get (&fs, HEP_FEATURE_SIZE), ==, 30);

  /* repeating the same token is harmless */
  g_assert_true (hep_feature_set_parse (&fs, "capsule capsule", &error));
  g_assert_no_error (error);
}

typedef struct {
  const char     *input;
  HepFeatureError code;
  const char     *must_mention;   /* the bad token and the accepted values */
  const char     *must_mention2;
} BadInput;

static void
test_bad_input_is_rejected_whole (void)
{
  static const BadInput cases[] = {
    { "wahsout", HEP_FEATURE_ERROR_UNKNOWN_TOKEN, "“wahsout”", "washout" },
    { "-wahsout", HEP_FEATURE_ERROR_UNKNOWN_TOKEN, "“-wahsout”", "peripheral-washout" },
    { "aphe=foo", HEP_FEATURE_ERROR_BAD_VALUE, "foo", "none|nonrim|rim" },
    { "aphe", HEP_FEATURE_ERROR_BAD_VALUE, "aphe", "none|nonrim|rim" },
    { "aphe=", HEP_FEATURE_ERROR_BAD_VALUE, "aphe", "none|nonrim|rim" },
    { "washout=yes", HEP_FEATURE_ERROR_BAD_VALUE, "washout=yes", "flag" },
    { "size=301", HEP_FEATURE_ERROR_OUT_OF_RANGE, "size=301", "0–300" },
    { "size=99999999999999999999", HEP_FEATURE_ERROR_OUT_OF_RANGE, "size=", "0–300" },
    { "size=-1", HEP_FEATURE_ERROR_BAD_VALUE, "-1", "0–300" },
    { "size=1.5", HEP_FEATURE_ERROR_BAD_VALUE, "1.5", "0–300" },
    { "size=1e2", HEP_FEATURE_ERROR_BAD_VALUE, "1e2", "0–300" },
    { "size=", HEP_FEATURE_ERROR_BAD_VALUE, "size", "0–300" },
    { "age=121", HEP_FEATURE_ERROR_OUT_OF_RANGE, "age=121", "0–120" },
    { "-size=3", HEP_FEATURE_ERROR_BAD_VALUE, "-size", "takes no value" },
    { "aphe=rim aphe=nonrim", HEP_FEATURE_ERROR_CONFLICT, "aphe=nonrim", "aphe=rim" },
    { "size=10 size=12", HEP_FEATURE_ERROR_CONFLICT, "size=12", "size=10" },
    { "risk=cirrhosis washout bogus", HEP_FEATURE_ERROR_UNKNOWN_TOKEN, "bogus", "risk=" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      HepFeatureSet fs, before;

      hep_feature_set_init (&fs);
      hep_feature_set_parse (&fs, "risk=hbv size=7 capsule", NULL);
      before = fs;

      g_test_message ("input: %s", cases[i].input);
      g_assert_false (hep_feature_set_parse (&fs, cases[i].input, &error));
      g_assert_error (error, HEP_FEATURE_ERROR, (int) cases[i].code);
      g_assert_nonnull (strstr (error->message, cases[i].must_mention));
      g_assert_nonnull (strstr (error->message, cases[i].must_mention2));
      g_assert_null (strchr (error->message, '\n'));
      /* all or nothing */
      g_assert_true (hep_feature_set_equal (&fs, &before));
    }
}

static void
test_diff (void)
{
  g_autofree char *diff = NULL;
  g_autofree char *none = NULL;
  HepFeatureSet a, b;

  hep_feature_set_init (&a);
  hep_feature_set_parse (&a, "risk=cirrhosis size=18 aphe=nonrim capsule", NULL);
  b = a;
  hep_feature_set_parse (&b, "washout -capsule size=22 -aphe", NULL);
  diff = hep_feature_set_diff (&a, &b);
  g_assert_cmpstr (diff, ==, "size=22 -aphe washout -capsule");

  /* applying the diff to a gives b */
  g_assert_true (hep_feature_set_parse (&a, diff, NULL));
  g_assert_true (hep_feature_set_equal (&a, &b));
  none = hep_feature_set_diff (&a, &b);
  g_assert_cmpstr (none, ==, "");
}

static void
test_choices_and_ranges (void)
{
  int min, max;

  g_assert_cmpuint (hep_feature_get_n_choices (HEP_FEATURE_DWI), ==, 4);
  g_assert_cmpstr (hep_feature_get_choice (HEP_FEATURE_DWI, HEP_DWI_TARGETOID), ==, "targetoid");
  g_assert_null (hep_feature_get_choice (HEP_FEATURE_DWI, 0));
  g_assert_null (hep_feature_get_choice (HEP_FEATURE_DWI, 5));
  g_assert_cmpuint (hep_feature_get_n_choices (HEP_FEATURE_WASHOUT), ==, 0);
  hep_feature_get_range (HEP_FEATURE_SIZE, &min, &max);
  g_assert_cmpint (min, ==, 0);
  g_assert_cmpint (max, ==, 300);
  g_assert_cmpint (hep_feature_get_kind (HEP_FEATURE_SIZE), ==, HEP_FEATURE_KIND_INT);
  g_assert_cmpint (hep_feature_get_kind (HEP_FEATURE_T2), ==, HEP_FEATURE_KIND_CHOICE);
  g_assert_cmpint (hep_feature_get_kind (HEP_FEATURE_GAS), ==, HEP_FEATURE_KIND_FLAG);
}

static void
test_boxed_copy (void)
{
  g_autoptr(HepFeatureSet) fs = hep_feature_set_new ();
  g_autoptr(HepFeatureSet) copy = NULL;
  GValue value = G_VALUE_INIT;

  hep_feature_set_set (fs, HEP_FEATURE_SIZE, 42);
  hep_feature_set_set (fs, HEP_FEATURE_NECROSIS, TRUE);
  g_value_init (&value, HEP_TYPE_FEATURE_SET);
  g_value_set_boxed (&value, fs);
  copy = g_value_dup_boxed (&value);
  g_value_unset (&value);
  g_assert_true (copy != fs);
  g_assert_true (hep_feature_set_equal (fs, copy));
  hep_feature_set_unset (copy, HEP_FEATURE_SIZE);
  g_assert_false (hep_feature_set_equal (fs, copy));
  g_assert_cmpint (hep_feature_set_get (copy, HEP_FEATURE_SIZE), ==, HEP_FEATURE_UNSET);
}

/* Features in the vocabulary's words: what the window shows instead of
 * tokens. */
static void
test_describe (void)
{
  static const struct {
    const char *from;
    const char *to;
    const char *described;
  } rows[] = {
    { "", "washout", "Nonperipheral washout" },
    { "washout", "", "Without nonperipheral washout" },
    { "", "size=20", "Size: 20" },
    { "size=20", "", "Size not given" },
    { "", "aphe=rim", "Arterial phase hyperenhancement: Rim" },
    { "risk=cirrhosis", "risk=none", "HCC risk: None" },
    /* several changes, in vocabulary order, the later ones in a sentence */
    { "fever", "afp-raised washout", "Without fever, AFP raised, nonperipheral washout" },
    { "washout", "washout", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      HepFeatureSet from, to;
      g_autoptr(GError) error = NULL;
      g_autofree char *described = NULL;

      hep_feature_set_init (&from);
      hep_feature_set_init (&to);
      g_assert_true (hep_feature_set_parse (&from, rows[i].from, &error));
      g_assert_true (hep_feature_set_parse (&to, rows[i].to, &error));
      g_assert_no_error (error);
      described = hep_feature_set_describe_diff (&from, &to);
      g_test_message ("%s → %s", rows[i].from, rows[i].to);
      g_assert_cmpstr (described, ==, rows[i].described);
      g_assert_null (strchr (described, '='));
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/feature-set/vocabulary-consistent", test_vocabulary_is_consistent);
  g_test_add_func ("/feature-set/vocabulary-matches-issue", test_vocabulary_matches_issue);
  g_test_add_func ("/feature-set/parse-and-canonical", test_parse_and_canonical_string);
  g_test_add_func ("/feature-set/strv-and-removal", test_parse_strv_and_removal);
  g_test_add_func ("/feature-set/bad-input", test_bad_input_is_rejected_whole);
  g_test_add_func ("/feature-set/diff", test_diff);
  g_test_add_func ("/feature-set/choices-and-ranges", test_choices_and_ranges);
  g_test_add_func ("/feature-set/boxed-copy", test_boxed_copy);
  g_test_add_func ("/feature-set/describe", test_describe);
  return g_test_run ();
}
