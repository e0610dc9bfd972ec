/* test-lirads.c: LI-RADS v2018 CT/MRI engine against the specification
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The expectations live in tests/data/lirads/expected.tsv, written by hand
 * from shared/clinical/clinical-rules.md §1. This file adds the properties
 * that a table cannot state: trace shape, counterfactual exactness,
 * threshold growth (§1.4) and the concept-to-token mapping.
 */

#include "config.h"

#include <string.h>

#include "hep-lirads.h"

static HepLiradsCategory
evaluate_tokens (const char      *tokens,
                 HepLiradsResult *result)
{
  g_autoptr(GError) error = NULL;
  HepFeatureSet fs;

  hep_feature_set_init (&fs);
  if (!hep_feature_set_parse (&fs, tokens, &error))
    g_error ("bad tokens in test data “%s”: %s", tokens, error->message);
  return hep_lirads_evaluate (&fs, result);
}

static gboolean
trace_has_rule (const HepLiradsResult *result,
                const char            *rule_id)
{
  for (guint i = 0; i < result->n_steps; i++)
    if (g_str_equal (hep_lirads_rule_get_id (result->steps[i].rule), rule_id))
      return TRUE;
  return FALSE;
}

static void
check_trace_shape (const HepLiradsResult *result)
{
  const HepLiradsStep *last;

  g_assert_cmpuint (result->n_steps, >=, 1);
  g_assert_cmpint (result->steps[0].rule, ==, HEP_LIRADS_RULE_POPULATION);
  g_assert_cmpint (result->applicable, ==, result->steps[0].matched);

  last = &result->steps[result->n_steps - 1];
  if (!result->applicable)
    {
      g_assert_cmpuint (result->n_steps, ==, 1);
      g_assert_cmpint (result->category, ==, HEP_LIRADS_NA);
      return;
    }
  /* Applicable: the trace always ends with Step 2, whose category is final. */
  g_assert_cmpint (last->rule, >=, HEP_LIRADS_RULE_AF_NONE);
  g_assert_cmpint (last->category, ==, result->category);
  g_assert_cmpint (result->category, !=, HEP_LIRADS_NA);

  /* Step 1 rules appear in the order of the algorithm, each at most once. */
  for (guint i = 1; i < result->n_steps; i++)
    g_assert_cmpint (result->steps[i].rule, >, result->steps[i - 1].rule);

  for (guint i = 0; i < result->n_steps; i++)
    {
      g_autofree char *text = hep_lirads_step_describe (&result->steps[i]);
      g_assert_nonnull (text);
      g_assert_cmpuint (strlen (text), >, 8);
      g_assert_null (strchr (text, '%'));
    }
}

static void
test_expectation_table (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "lirads", "expected.tsv", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  guint n_rows = 0;

  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_no_error (error);
  lines = g_strsplit (contents, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) cols = NULL;
      g_auto(GStrv) rules = NULL;
      HepLiradsCategory expected, got;
      HepLiradsResult result;

      if (lines[i][0] == '#' || lines[i][0] == '\0')
        continue;
      cols = g_strsplit (lines[i], "\t", -1);
      g_assert_cmpuint (g_strv_length (cols), ==, 4);
      g_assert_true (hep_lirads_category_from_string (cols[0], &expected));

      got = evaluate_tokens (cols[2], &result);
      if (got != expected)
        g_error ("expected.tsv line %u (%s): “%s” gave %s, expected %s",
                 i + 1, cols[3], cols[2], hep_lirads_category_to_string (got), cols[0]);
      g_assert_cmpint (result.category, ==, got);
      check_trace_shape (&result);

      rules = g_strsplit (cols[1], ",", -1);
      for (guint r = 0; rules[r] != NULL; r++)
        if (!trace_has_rule (&result, rules[r]))
          g_error ("expected.tsv line %u (%s): trace lacks rule %s", i + 1, cols[3], rules[r]);
      n_rows++;
    }

  /* The table is the bulk of the derivation: make sure it was read. */
  g_assert_cmpuint (n_rows, >=, 140);
}

/* The diagnostic table's cells are exact, for every size 0..300. */
static void
test_table_all_sizes (void)
{
  static const struct { const char *features; HepLiradsCategory lt10, mid, ge20; } rows[] = {
    { "", HEP_LIRADS_3, HEP_LIRADS_3, HEP_LIRADS_3 },
    { "washout", HEP_LIRADS_3, HEP_LIRADS_3, HEP_LIRADS_4 },
    { "washout capsule", HEP_LIRADS_4, HEP_LIRADS_4, HEP_LIRADS_4 },
    { "aphe=nonrim", HEP_LIRADS_3, HEP_LIRADS_3, HEP_LIRADS_4 },
    { "aphe=nonrim capsule", HEP_LIRADS_4, HEP_LIRADS_4, HEP_LIRADS_5 },
    { "aphe=nonrim washout", HEP_LIRADS_4, HEP_LIRADS_5, HEP_LIRADS_5 },
    { "aphe=nonrim threshold-growth", HEP_LIRADS_4, HEP_LIRADS_5, HEP_LIRADS_5 },
    { "aphe=nonrim capsule threshold-growth", HEP_LIRADS_4, HEP_LIRADS_5, HEP_LIRADS_5 },
  };

  for (guint r = 0; r < G_N_ELEMENTS (rows); r++)
    for (int size = 0; size <= 300; size++)
      {
        g_autofree char *tokens = g_strdup_printf ("risk=cirrhosis size=%d %s", size, rows[r].features);
        HepLiradsCategory expected = size < 10 ? rows[r].lt10 : size < 20 ? rows[r].mid : rows[r].ge20;

        g_assert_cmpint (evaluate_tokens (tokens, NULL), ==, expected);
      }
}

/* LR-5 needs nonrim APHE and ≥ 10 mm, whatever else (§1.6); AFs never
 * create LR-5 (§1.9 rule 2). Checked over many random sets. */
static void
random_set (GRand         *rand,
            HepFeatureSet *fs)
{
  hep_feature_set_init (fs);
  for (guint i = 0; i < HEP_N_FEATURES; i++)
    {
      HepFeature f = (HepFeature) i;

      /* keep most features absent so that every branch is reached */
      if (g_rand_int_range (rand, 0, 100) >= 25 && f != HEP_FEATURE_RISK && f != HEP_FEATURE_SIZE)
        continue;
      switch (hep_feature_get_kind (f))
        {
        case HEP_FEATURE_KIND_FLAG:
          hep_feature_set_set (fs, f, 1);
          break;
        case HEP_FEATURE_KIND_CHOICE:
          hep_feature_set_set (fs, f, g_rand_int_range (rand, 0, (int) hep_feature_get_n_choices (f) + 1));
          break;
        case HEP_FEATURE_KIND_INT:
          {
            int min, max;

            hep_feature_get_range (f, &min, &max);
            if (f == HEP_FEATURE_SIZE)
              max = 40;
            hep_feature_set_set (fs, f, g_rand_int_range (rand, min, max + 1));
          }
          break;
        default:
          g_assert_not_reached ();
        }
    }
  /* judgments and TIV are rare so the table is reached often */
  if (g_rand_int_range (rand, 0, 4) != 0)
    {
      hep_feature_set_unset (fs, HEP_FEATURE_NOT_CATEGORIZABLE);
      hep_feature_set_unset (fs, HEP_FEATURE_TIV);
      hep_feature_set_unset (fs, HEP_FEATURE_DEFINITELY_BENIGN);
      hep_feature_set_unset (fs, HEP_FEATURE_PROBABLY_BENIGN);
    }
}

static void
test_invariants_random (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20181);
  guint seen[HEP_N_LIRADS_CATEGORIES] = { 0, };

  for (guint n = 0; n < 20000; n++)
    {
      HepFeatureSet fs;
      HepLiradsResult result;
      HepLiradsCategory cat;

      random_set (rand, &fs);
      cat = hep_lirads_evaluate (&fs, &result);
      seen[cat]++;
      check_trace_shape (&result);

      if (cat == HEP_LIRADS_5)
        {
          g_assert_cmpint (hep_feature_set_get (&fs, HEP_FEATURE_APHE), ==, HEP_APHE_NONRIM);
          g_assert_cmpint (hep_feature_set_get (&fs, HEP_FEATURE_SIZE), >=, 10);
          g_assert_cmpuint (hep_lirads_find_role (&fs, HEP_LIRADS_ROLE_LRM_TARGETOID), ==, 0);
          /* and the table itself said LR-5: Step 2 never creates it */
          for (guint i = 0; i < result.n_steps; i++)
            if (result.steps[i].rule == HEP_LIRADS_RULE_TABLE)
              g_assert_cmpint (result.steps[i].category, ==, HEP_LIRADS_5);
        }
      if (cat == HEP_LIRADS_M)
        g_assert_true (hep_lirads_find_role (&fs, HEP_LIRADS_ROLE_LRM_TARGETOID) != 0 ||
                       hep_lirads_find_role (&fs, HEP_LIRADS_ROLE_LRM_NONTARGETOID) != 0);
      if (cat != HEP_LIRADS_NA && hep_feature_set_has (&fs, HEP_FEATURE_TIV) &&
          !hep_feature_set_has (&fs, HEP_FEATURE_NOT_CATEGORIZABLE))
        g_assert_cmpint (cat, ==, HEP_LIRADS_TIV);
    }

  /* the generator reached every category */
  for (guint c = 0; c < HEP_N_LIRADS_CATEGORIES; c++)
    g_assert_cmpuint (seen[c], >, 0);
}

/* Counterfactuals are exact: each listed change gives the listed category,
 * and every flag toggle or choice change that is not listed leaves the
 * category alone. For size, every size 0..300 gives either the current
 * category or that of the listed change nearest in its band. */
static void
check_counterfactuals (const HepFeatureSet *fs)
{
  g_autoptr(GArray) cfs = hep_lirads_counterfactuals (fs);
  HepLiradsCategory current = hep_lirads_evaluate (fs, NULL);

  for (guint i = 0; i < cfs->len; i++)
    {
      const HepLiradsCounterfactual *cf = &g_array_index (cfs, HepLiradsCounterfactual, i);
      HepFeatureSet changed = *fs;

      g_assert_cmpint (cf->category, !=, current);
      hep_feature_set_set (&changed, cf->feature, cf->value);
      g_assert_cmpint (hep_lirads_evaluate (&changed, NULL), ==, cf->category);
    }

  for (guint i = 0; i < HEP_N_FEATURES; i++)
    {
      HepFeature f = (HepFeature) i;
      int lo, hi;

      if (hep_feature_get_kind (f) == HEP_FEATURE_KIND_INT)
        continue;
      hep_feature_get_range (f, &lo, &hi);
      if (hep_feature_get_kind (f) == HEP_FEATURE_KIND_FLAG)
        lo = hi = hep_feature_set_get (fs, f) ? 0 : 1;
      for (int v = lo; v <= hi; v++)
        {
          HepFeatureSet changed = *fs;
          HepLiradsCategory got;
          gboolean listed = FALSE;

          if (v == hep_feature_set_get (fs, f))
            continue;
          hep_feature_set_set (&changed, f, v);
          got = hep_lirads_evaluate (&changed, NULL);
          for (guint k = 0; k < cfs->len; k++)
            {
              const HepLiradsCounterfactual *cf = &g_array_index (cfs, HepLiradsCounterfactual, k);
              if (cf->feature == f && cf->value == v)
                listed = TRUE;
            }
          g_assert_cmpint (listed, ==, got != current);
        }
    }

  for (int size = 0; size <= 300; size++)
    {
      HepFeatureSet changed = *fs;
      HepLiradsCategory got;
      int band = size < 10 ? 0 : size < 20 ? 1 : 2;
      gboolean found = FALSE;

      hep_feature_set_set (&changed, HEP_FEATURE_SIZE, size);
      got = hep_lirads_evaluate (&changed, NULL);
      if (got == current)
        continue;
      for (guint k = 0; k < cfs->len; k++)
        {
          const HepLiradsCounterfactual *cf = &g_array_index (cfs, HepLiradsCounterfactual, k);
          int cf_band = cf->value < 10 ? 0 : cf->value < 20 ? 1 : 2;

          if (cf->feature == HEP_FEATURE_SIZE && cf_band == band && cf->category == got)
            found = TRUE;
        }
      if (!found)
        {
          g_autofree char *tokens = hep_feature_set_to_string (fs);
          g_error ("size=%d gives %s for “%s” but no counterfactual lists it",
                   size, hep_lirads_category_to_string (got), tokens);
        }
    }
}

static void
test_counterfactuals_exact (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (2018);
  static const char *hand[] = {
    "risk=cirrhosis size=15 aphe=nonrim washout",
    "risk=cirrhosis size=15 aphe=nonrim capsule",
    "risk=cirrhosis size=25 aphe=nonrim washout necrosis size-stable-2y",
    "risk=hbv tiv",
    "risk=none size=30 aphe=nonrim washout",
    "risk=cirrhosis aphe=nonrim washout",
    "risk=cirrhosis age=40 size=8 aphe=nonrim washout",
  };

  for (guint i = 0; i < G_N_ELEMENTS (hand); i++)
    {
      HepFeatureSet fs;

      hep_feature_set_init (&fs);
      g_assert_true (hep_feature_set_parse (&fs, hand[i], NULL));
      check_counterfactuals (&fs);
    }
  for (guint n = 0; n < 400; n++)
    {
      HepFeatureSet fs;

      random_set (rand, &fs);
      check_counterfactuals (&fs);
    }
}

static gboolean
has_change (GArray            *cfs,
            const char        *change,
            HepLiradsCategory  category)
{
  for (guint i = 0; i < cfs->len; i++)
    {
      const HepLiradsCounterfactual *cf = &g_array_index (cfs, HepLiradsCounterfactual, i);
      g_autofree char *token = hep_feature_format_value (cf->feature, cf->value);

      if (g_str_equal (token, change) && cf->category == category)
        return TRUE;
    }
  return FALSE;
}

/* The changes a teacher expects for the split 10–19 mm cell. */
static void
test_counterfactuals_teaching_example (void)
{
  g_autoptr(GArray) cfs = NULL;
  HepFeatureSet fs;

  hep_feature_set_init (&fs);
  g_assert_true (hep_feature_set_parse (&fs, "risk=cirrhosis size=15 aphe=nonrim capsule", NULL));
  g_assert_cmpint (hep_lirads_evaluate (&fs, NULL), ==, HEP_LIRADS_4);
  cfs = hep_lirads_counterfactuals (&fs);

  g_assert_true (has_change (cfs, "washout", HEP_LIRADS_5));
  g_assert_true (has_change (cfs, "threshold-growth", HEP_LIRADS_5));
  g_assert_true (has_change (cfs, "size=20", HEP_LIRADS_5));
  g_assert_true (has_change (cfs, "-capsule", HEP_LIRADS_3));
  g_assert_true (has_change (cfs, "aphe=rim", HEP_LIRADS_M));
  g_assert_true (has_change (cfs, "tiv", HEP_LIRADS_TIV));
  g_assert_true (has_change (cfs, "risk=none", HEP_LIRADS_NA));
  g_assert_true (has_change (cfs, "t2=marked", HEP_LIRADS_3));
  /* 9 mm keeps LR-4 here, so it is not a change */
  g_assert_false (has_change (cfs, "size=9", HEP_LIRADS_4));
  /* a malignant AF cannot lift LR-4 */
  g_assert_false (has_change (cfs, "us-visible", HEP_LIRADS_5));
}

/* §1.4 worked examples of threshold growth. */
static void
test_threshold_growth_examples (void)
{
  static const struct { int prior, current, months; gboolean ct_mri; HepLiradsGrowth expected; } rows[] = {
    { 10, 15, 6, TRUE, HEP_LIRADS_GROWTH_THRESHOLD },     /* +50% in ≤ 6 months */
    { 10, 14, 5, TRUE, HEP_LIRADS_GROWTH_SUBTHRESHOLD },  /* +40% */
    { 10, 15, 7, TRUE, HEP_LIRADS_GROWTH_SUBTHRESHOLD },  /* interval > 6 months */
    { 10, 21, 9, TRUE, HEP_LIRADS_GROWTH_SUBTHRESHOLD },  /* ≥ 100% but > 6 months */
    { 0, 12, 12, TRUE, HEP_LIRADS_GROWTH_SUBTHRESHOLD },  /* new observation is not TG in v2018 */
    { 12, 20, 4, FALSE, HEP_LIRADS_GROWTH_NOT_ASSESSABLE }, /* prior must be CT/MRI */
    /* and around the edges */
    { 10, 10, 3, TRUE, HEP_LIRADS_GROWTH_NONE },
    { 10, 8, 3, TRUE, HEP_LIRADS_GROWTH_NONE },
    { 11, 17, 6, TRUE, HEP_LIRADS_GROWTH_THRESHOLD },     /* +54.5% */
    { 11, 16, 6, TRUE, HEP_LIRADS_GROWTH_SUBTHRESHOLD },  /* +45.5% */
    { 20, 30, 0, TRUE, HEP_LIRADS_GROWTH_THRESHOLD },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    g_assert_cmpint (hep_lirads_classify_growth (rows[i].prior, rows[i].current, rows[i].months, rows[i].ct_mri),
                     ==, rows[i].expected);
}

/* Every LR-M feature and ancillary feature of §1.7–1.9 is mapped, once. */
static void
test_mapping_table (void)
{
  guint n = 0, counts[5] = { 0, };
  const HepLiradsMapping *m = hep_lirads_get_mappings (&n);

  for (guint i = 0; i < n; i++)
    {
      counts[m[i].role]++;
      g_assert_nonnull (m[i].concept);
      if (hep_feature_get_kind (m[i].feature) == HEP_FEATURE_KIND_FLAG)
        g_assert_cmpint (m[i].value, ==, 0);
      else
        g_assert_nonnull (hep_feature_get_choice (m[i].feature, m[i].value));
      for (guint j = 0; j < i; j++)
        g_assert_false (m[j].role == m[i].role && m[j].feature == m[i].feature && m[j].value == m[i].value);
    }
  g_assert_cmpuint (counts[HEP_LIRADS_ROLE_LRM_TARGETOID], ==, 5);
  g_assert_cmpuint (counts[HEP_LIRADS_ROLE_LRM_NONTARGETOID], ==, 4);
  /* nine concepts; restricted diffusion is dwi=restricted or dwi=marked */
  g_assert_cmpuint (counts[HEP_LIRADS_ROLE_AF_MALIGNANCY], ==, 10);
  g_assert_cmpuint (counts[HEP_LIRADS_ROLE_AF_HCC], ==, 5);
  g_assert_cmpuint (counts[HEP_LIRADS_ROLE_AF_BENIGN], ==, 7);
}

static void
test_names_sources_and_provenance (void)
{
  for (guint c = 0; c < HEP_N_LIRADS_CATEGORIES; c++)
    {
      HepLiradsCategory back;
      HepProvenance p;

      g_assert_true (hep_lirads_category_from_string (hep_lirads_category_to_string (c), &back));
      g_assert_cmpint (back, ==, c);
      g_assert_nonnull (hep_lirads_category_get_meaning (c));
      g_assert_nonnull (hep_lirads_category_get_management (c, &p));
    }
  g_assert_false (hep_lirads_category_from_string ("LR-6", NULL));

  /* management wording tagged [K] or [S/K] in §1.3 is not shown as fact */
  {
    static const HepLiradsCategory unconfirmed[] = { HEP_LIRADS_NC, HEP_LIRADS_TIV, HEP_LIRADS_1, HEP_LIRADS_3, HEP_LIRADS_4 };
    static const HepLiradsCategory secondary[] = { HEP_LIRADS_2, HEP_LIRADS_5, HEP_LIRADS_M };
    HepProvenance p;

    for (guint i = 0; i < G_N_ELEMENTS (unconfirmed); i++)
      {
        hep_lirads_category_get_management (unconfirmed[i], &p);
        g_assert_false (hep_provenance_is_verified (p));
      }
    for (guint i = 0; i < G_N_ELEMENTS (secondary); i++)
      {
        hep_lirads_category_get_management (secondary[i], &p);
        g_assert_cmpint (p, ==, HEP_PROVENANCE_SECONDARY);
      }
  }

  for (guint r = 0; r < HEP_N_LIRADS_RULES; r++)
    {
      const char *id = hep_lirads_rule_get_id (r);

      g_assert_true (g_str_has_prefix (id, "lirads."));
      g_assert_true (g_str_has_prefix (hep_lirads_rule_get_source (r), "LI-RADS v2018"));
      g_assert_nonnull (hep_lirads_rule_get_title (r));
      for (guint s = 0; s < r; s++)
        g_assert_cmpstr (hep_lirads_rule_get_id (s), !=, id);
    }
}

/* The trace names the likely cause of a tumor in vein (§1.8). */
static void
test_tiv_cause (void)
{
  static const struct { const char *tokens; const char *phrase; } rows[] = {
    { "risk=cirrhosis size=25 aphe=nonrim washout tiv", "definitely due to HCC" },
    { "risk=cirrhosis size=25 aphe=rim tiv", "may be due to non-HCC malignancy" },
    { "risk=cirrhosis size=25 tiv", "probably due to HCC" },
    { "risk=cirrhosis tiv", "probably due to HCC" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      HepLiradsResult result;
      g_autofree char *text = NULL;

      g_assert_cmpint (evaluate_tokens (rows[i].tokens, &result), ==, HEP_LIRADS_TIV);
      g_assert_cmpint (result.steps[result.n_steps - 2].rule, ==, HEP_LIRADS_RULE_TIV);
      text = hep_lirads_step_describe (&result.steps[result.n_steps - 2]);
      g_assert_nonnull (strstr (text, rows[i].phrase));
    }
}

/* Explanations name what decided. */
static void
test_explanations (void)
{
  HepLiradsResult result;
  g_autofree char *table = NULL;
  g_autofree char *nontarget = NULL;
  g_autofree char *af = NULL;

  evaluate_tokens ("risk=cirrhosis size=25 aphe=nonrim washout necrosis size-stable-2y", &result);
  g_assert_cmpint (result.n_steps, ==, 9);
  table = hep_lirads_step_describe (&result.steps[6]);
  nontarget = hep_lirads_step_describe (&result.steps[7]);
  af = hep_lirads_step_describe (&result.steps[8]);
  g_assert_nonnull (strstr (table, "nonrim APHE, ≥ 20 mm"));
  g_assert_nonnull (strstr (table, "nonperipheral washout"));
  g_assert_nonnull (strstr (table, "LR-5"));
  g_assert_nonnull (strstr (nontarget, "necrosis or severe ischemia"));
  g_assert_nonnull (strstr (nontarget, "stays LR-5"));
  g_assert_nonnull (strstr (af, "size stability"));
  g_assert_nonnull (strstr (af, "LR-4"));

  evaluate_tokens ("risk=cirrhosis aphe=nonrim washout", &result);
  g_clear_pointer (&table, g_free);
  table = hep_lirads_step_describe (&result.steps[6]);
  g_assert_nonnull (strstr (table, "Size not given"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/lirads/expectation-table", test_expectation_table);
  g_test_add_func ("/lirads/table-all-sizes", test_table_all_sizes);
  g_test_add_func ("/lirads/invariants-random", test_invariants_random);
  g_test_add_func ("/lirads/counterfactuals-exact", test_counterfactuals_exact);
  g_test_add_func ("/lirads/counterfactuals-teaching", test_counterfactuals_teaching_example);
  g_test_add_func ("/lirads/threshold-growth", test_threshold_growth_examples);
  g_test_add_func ("/lirads/mapping-table", test_mapping_table);
  g_test_add_func ("/lirads/names-sources-provenance", test_names_sources_and_provenance);
  g_test_add_func ("/lirads/tiv-cause", test_tiv_cause);
  g_test_add_func ("/lirads/explanations", test_explanations);
  return g_test_run ();
}
