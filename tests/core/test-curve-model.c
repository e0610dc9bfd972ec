/* test-curve-model.c: the schematic curves of clinical-rules.md §4.3
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * 1. The table is an exact transcription of the §4.3 JSON (a verbatim copy
 *    lives in tests/data/curves-4.3.json).
 * 2. The §4.3 built-in consistency checks hold for every archetype.
 * 3. Curves synthesized from feature sets move the way each feature means.
 */

#include "config.h"

#include <math.h>

#include "hep-core.h"

#define P_PRE HEP_CURVE_PHASE_PRE
#define P_EA HEP_CURVE_PHASE_EARLY_ARTERIAL
#define P_AP HEP_CURVE_PHASE_LATE_ARTERIAL
#define P_PV HEP_CURVE_PHASE_PORTAL_VENOUS
#define P_DP HEP_CURVE_PHASE_DELAYED
#define P_HBP HEP_CURVE_PHASE_HBP

static const HepCurveSet *
archetype (const char *id)
{
  const HepCurveSet *set = hep_curve_lookup_archetype (id);

  g_assert_nonnull (set);
  return set;
}

static const HepCurvePart *
part (const HepCurveSet *set,
      const char        *id)
{
  const HepCurvePart *p = hep_curve_set_find_part (set, id);

  if (p == NULL)
    g_error ("%s has no part %s", set->id, id);
  return p;
}

static double
liver (const HepCurveSet *set,
       HepCurvePhase      phase)
{
  return hep_curve_set_background (set, phase);
}

/* ---- 1. transcription ---------------------------------------------------- */

static void
parse_numbers (const char *text,
               double     *out,
               guint      *n)
{
  g_auto(GStrv) items = g_strsplit (text, ",", -1);

  *n = 0;
  for (guint i = 0; items[i] != NULL; i++)
    {
      g_strstrip (items[i]);
      out[(*n)++] = g_str_equal (items[i], "null") ? NAN : g_ascii_strtod (items[i], NULL);
    }
}

static void
assert_same_values (const char   *what,
                    const double *spec,
                    guint         n_spec,
                    const double *table)
{
  g_assert_cmpuint (n_spec, ==, HEP_CURVE_N_POINTS);
  for (guint i = 0; i < n_spec; i++)
    {
      if (isnan (spec[i]))
        {
          if (!isnan (table[i]))
            g_error ("%s[%u]: spec null, table %g", what, i, table[i]);
        }
      else if (fabs (spec[i] - table[i]) > 1e-9)
        g_error ("%s[%u]: spec %g, table %g", what, i, spec[i], table[i]);
    }
}

static void
test_transcription (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "curves-4.3.json", NULL);
  g_autofree char *json = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GRegex) re = NULL;
  g_autoptr(GMatchInfo) match = NULL;
  g_autoptr(GHashTable) seen_parts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *lesion = NULL;
  gboolean in_lesions = FALSE;
  guint n_lesions = 0;

  g_assert_true (g_file_get_contents (path, &json, NULL, &error));
  g_assert_no_error (error);

  /* Tokens of interest: an object key, an array member, bg, tp. */
  re = g_regex_new ("\"(\\w+)\":\\s*(?:(\\{)|\\[([^\\]]*)\\]|\"(\\w+)\"|([0-9.]+))", 0, 0, &error);
  g_assert_no_error (error);
  g_regex_match (re, json, 0, &match);
  for (; g_match_info_matches (match); g_match_info_next (match, NULL))
    {
      g_autofree char *key = g_match_info_fetch (match, 1);
      g_autofree char *brace = g_match_info_fetch (match, 2);
      g_autofree char *array = g_match_info_fetch (match, 3);
      g_autofree char *str = g_match_info_fetch (match, 4);
      g_autofree char *number = g_match_info_fetch (match, 5);
      double values[16];
      guint n;

      if (brace != NULL && *brace)
        {
          if (g_str_equal (key, "lesions"))
            in_lesions = TRUE;
          else if (in_lesions)
            {
              g_free (lesion);
              lesion = g_strdup (key);
              n_lesions++;
            }
          continue;
        }
      if (g_str_equal (key, "times_s"))
        {
          parse_numbers (array, values, &n);
          g_assert_cmpuint (n, ==, HEP_CURVE_N_POINTS);
          for (guint i = 0; i < n; i++)
            g_assert_cmpfloat (hep_curve_get_time (i), ==, values[i]);
          continue;
        }
      if (g_str_equal (key, "phase_labels"))
        continue;
      if (!in_lesions && array != NULL && *array)
        {
          gboolean found = FALSE;

          parse_numbers (array, values, &n);
          for (guint r = 0; r < HEP_CURVE_N_REFS; r++)
            if (g_str_equal (hep_curve_reference_get_id (r), key))
              {
                assert_same_values (key, values, n, hep_curve_reference_get_values (r));
                found = TRUE;
              }
          g_assert_true (found);
          continue;
        }
      if (lesion == NULL)
        continue;
      {
        const HepCurveSet *set = NULL;

        for (guint i = 0; i < hep_curve_get_n_archetypes (); i++)
          if (g_str_equal (hep_curve_get_archetype (i)->spec_key, lesion))
            set = hep_curve_get_archetype (i);
        if (set == NULL)
          g_error ("spec lesion %s has no archetype", lesion);

        if (g_str_equal (key, "bg"))
          g_assert_cmpstr (hep_curve_reference_get_id (set->background), ==, str);
        else if (g_str_equal (key, "tp_gadoxetate_180"))
          g_assert_cmpfloat_with_epsilon (set->tp_gadoxetate_180, g_ascii_strtod (number, NULL), 1e-9);
        else
          {
            g_autofree char *what = g_strdup_printf ("%s.%s", lesion, key);

            parse_numbers (array, values, &n);
            assert_same_values (what, values, n, part (set, key)->values);
            g_hash_table_add (seen_parts, g_steal_pointer (&what));
          }
      }
    }

  /* Every archetype and every part in the table comes from the spec, and
   * lesions without a tp value have none. */
  g_assert_cmpuint (n_lesions, ==, hep_curve_get_n_archetypes ());
  for (guint i = 0; i < hep_curve_get_n_archetypes (); i++)
    {
      const HepCurveSet *set = hep_curve_get_archetype (i);
      g_autofree char *tp_key = g_strdup_printf ("\"%s\"", set->spec_key);
      const char *at = strstr (json, tp_key);
      const char *end = at ? strchr (at, '}') : NULL;

      g_assert_nonnull (end);
      if (g_strstr_len (at, end - at, "tp_gadoxetate_180") == NULL)
        g_assert_false (hep_curve_value_is_set (set->tp_gadoxetate_180));
      for (guint j = 0; j < set->n_parts; j++)
        {
          g_autofree char *what = g_strdup_printf ("%s.%s", set->spec_key, set->parts[j].id);

          if (!g_hash_table_contains (seen_parts, what))
            g_error ("table part %s is not in the spec", what);
        }
    }
}

static void
test_ids (void)
{
  static const char * const expected[] = {
    "hcc-classic", "hcc-hbp-iso", "met-hypervascular", "met-hypovascular", "hemangioma-typical",
    "hemangioma-flash", "hemangioma-giant", "fnh", "hca-inflammatory", "hca-hnf1a", "simple-cyst",
    "biliary-hamartoma", "abscess", "icc-mass-forming", "focal-fat-deposition", "focal-fat-sparing", "thad",
  };
  static const struct { const char *diagnosis, *archetype; } defaults[] = {
    { "hcc", "hcc-classic" }, { "met-hypervascular", "met-hypervascular" },
    { "met-hypovascular", "met-hypovascular" }, { "hemangioma", "hemangioma-typical" },
    { "fnh", "fnh" }, { "adenoma", "hca-inflammatory" }, { "cyst", "simple-cyst" },
    { "biliary-hamartoma", "biliary-hamartoma" }, { "abscess", "abscess" },
    { "icc", "icc-mass-forming" }, { "focal-fat", "focal-fat-deposition" }, { "thad", "thad" },
  };

  g_assert_cmpuint (hep_curve_get_n_archetypes (), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_assert_cmpstr (hep_curve_get_archetype (i)->id, ==, expected[i]);
      g_assert_true (hep_curve_lookup_archetype (expected[i]) == hep_curve_get_archetype (i));
    }
  g_assert_null (hep_curve_lookup_archetype ("hcc_classic"));
  g_assert_null (hep_curve_lookup_archetype (NULL));
  for (guint i = 0; i < G_N_ELEMENTS (defaults); i++)
    g_assert_true (hep_curve_archetype_for_diagnosis (defaults[i].diagnosis) ==
                   hep_curve_lookup_archetype (defaults[i].archetype));
  g_assert_null (hep_curve_archetype_for_diagnosis ("lymphoma"));
  g_assert_cmpint (hep_curve_get_provenance (), ==, HEP_PROVENANCE_DESIGN);
}

/* ---- 2. §4.3 consistency checks on the archetypes ------------------------ */

static void
test_check_aphe (void)
{
  static const char * const ids[] = {
    "hcc-classic", "met-hypervascular", "hemangioma-flash", "fnh", "hca-inflammatory", "hca-hnf1a", "thad",
  };

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      const HepCurveSet *set = archetype (ids[i]);

      g_test_message ("APHE: %s", ids[i]);
      g_assert_cmpfloat (part (set, "lesion")->values[P_AP], >, liver (set, P_AP));
    }
}

static void
test_check_washout (void)
{
  static const char * const washout[] = { "hcc-classic", "met-hypervascular" };
  static const struct { const char *id, *part; int rule; } no_washout[] = {
    /* rule 0: ≈ liver ± 0.02; 1: ≥ liver; 2: = liver */
    { "fnh", "lesion", 0 },
    { "hemangioma-typical", "whole_lesion_mean", 1 },
    { "hemangioma-typical", "peripheral_nodules", 1 },
    { "hemangioma-flash", "lesion", 1 },
    { "hemangioma-giant", "periphery", 1 },
    { "thad", "lesion", 2 },
    { "hca-inflammatory", "lesion", 1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (washout); i++)
    {
      const HepCurveSet *set = archetype (washout[i]);
      const double *v = part (set, "lesion")->values;

      g_assert_cmpfloat (v[P_AP], >, liver (set, P_AP));
      g_assert_true (v[P_PV] < liver (set, P_PV) || v[P_DP] < liver (set, P_DP));
    }
  for (guint i = 0; i < G_N_ELEMENTS (no_washout); i++)
    {
      const HepCurveSet *set = archetype (no_washout[i].id);
      const double *v = part (set, no_washout[i].part)->values;

      g_test_message ("no washout: %s.%s", no_washout[i].id, no_washout[i].part);
      for (HepCurvePhase p = P_PV; p <= P_DP; p++)
        {
          double d = v[p] - liver (set, p);

          switch (no_washout[i].rule)
            {
            case 0: g_assert_cmpfloat (fabs (d), <=, 0.02 + 1e-9); break;
            case 1: g_assert_cmpfloat (d, >=, -1e-9); break;
            default: g_assert_cmpfloat (fabs (d), <=, 1e-9); break;
            }
        }
    }
}

static void
test_check_capsule_rim_centre (void)
{
  const HepCurveSet *hcc = archetype ("hcc-classic");
  static const struct { const char *id, *rim, *centre; } rims[] = {
    { "met-hypovascular", "rim", "core" },
    { "icc-mass-forming", "periphery", "center" },
  };
  const HepCurveSet *icc = archetype ("icc-mass-forming");
  const double *centre = part (icc, "center")->values;

  g_assert_cmpint (hcc->background, ==, HEP_CURVE_REF_LIVER_CIRRHOTIC);
  for (HepCurvePhase p = P_PV; p <= P_DP; p++)
    g_assert_cmpfloat (part (hcc, "capsule_rim")->values[p], >,
                       hep_curve_reference_get (HEP_CURVE_REF_LIVER_CIRRHOTIC, p));

  for (guint i = 0; i < G_N_ELEMENTS (rims); i++)
    {
      const HepCurveSet *set = archetype (rims[i].id);

      g_assert_cmpfloat (part (set, rims[i].rim)->values[P_AP], >, part (set, rims[i].centre)->values[P_AP]);
    }

  /* Delayed central enhancement. */
  g_assert_cmpfloat (centre[P_DP], >, centre[P_PV]);
  g_assert_cmpfloat (centre[P_DP], >, liver (icc, P_DP));
}

static void
test_check_blood_pool (void)
{
  static const struct { const char *id, *nodules, *lesion; } hemangiomas[] = {
    { "hemangioma-typical", "peripheral_nodules", "whole_lesion_mean" },
    { "hemangioma-flash", "lesion", "lesion" },
    { "hemangioma-giant", "periphery", "periphery" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (hemangiomas); i++)
    {
      const HepCurveSet *set = archetype (hemangiomas[i].id);

      for (HepCurvePhase p = P_PV; p <= P_DP; p++)
        g_assert_cmpfloat (fabs (part (set, hemangiomas[i].nodules)->values[p] -
                                 hep_curve_reference_get (HEP_CURVE_REF_AORTA, p)), <=, 0.1 + 1e-9);
      g_assert_cmpfloat (part (set, hemangiomas[i].lesion)->values[P_DP], >, liver (set, P_DP));
    }
}

static void
test_check_hbp (void)
{
  static const char * const about_liver[] = { "focal-fat-deposition", "focal-fat-sparing", "thad" };
  const HepCurveSet *fnh = archetype ("fnh");
  guint n_non_hepatocellular = 0;

  g_assert_cmpfloat (part (fnh, "lesion")->values[P_HBP], >=, liver (fnh, P_HBP));
  for (guint i = 0; i < G_N_ELEMENTS (about_liver); i++)
    {
      const HepCurveSet *set = archetype (about_liver[i]);

      g_assert_cmpfloat (fabs (part (set, "lesion")->values[P_HBP] - liver (set, P_HBP)), <=, 0.05);
    }

  /* Every non-hepatocellular lesion < 0.2 in HBP (its parts, not the
   * perilesional liver around an abscess). */
  for (guint i = 0; i < hep_curve_get_n_archetypes (); i++)
    {
      const HepCurveSet *set = hep_curve_get_archetype (i);

      if (set->hepatocellular)
        continue;
      n_non_hepatocellular++;
      for (guint j = 0; j < set->n_parts; j++)
        if (set->parts[j].role != HEP_CURVE_ROLE_SURROUNDINGS)
          {
            g_test_message ("HBP < 0.2: %s.%s", set->id, set->parts[j].id);
            g_assert_cmpfloat (set->parts[j].values[P_HBP], <, 0.2);
          }
    }
  /* mets ×2, hemangiomas ×3, cyst, hamartoma, abscess, icc */
  g_assert_cmpuint (n_non_hepatocellular, ==, 9);
}

static void
test_check_no_enhancement (void)
{
  const HepCurveSet *cyst = archetype ("simple-cyst");

  for (guint j = 0; j < cyst->n_parts; j++)
    for (guint p = 0; p < HEP_CURVE_N_POINTS; p++)
      g_assert_cmpfloat (cyst->parts[j].values[p], ==, 0.0);
}

static void
test_archetype_invariants (void)
{
  for (guint i = 0; i < hep_curve_get_n_archetypes (); i++)
    {
      const HepCurveSet *set = hep_curve_get_archetype (i);

      g_assert_cmpuint (set->n_parts, >=, 1);
      g_assert_cmpuint (set->n_parts, <=, HEP_CURVE_MAX_PARTS);
      g_assert_false (set->parts[0].variant);
      for (guint j = 0; j < set->n_parts; j++)
        for (guint p = 0; p < HEP_CURVE_N_POINTS; p++)
          {
            double v = set->parts[j].values[p];

            g_assert_true (hep_curve_value_is_set (v));
            g_assert_cmpfloat (v, >=, 0.0);
            g_assert_cmpfloat (v, <=, 1.0);
            /* Enhancement above the precontrast baseline starts at 0. */
            if (p == P_PRE)
              g_assert_cmpfloat (v, ==, 0.0);
          }
    }
}

/* ---- 3. synthesis -------------------------------------------------------- */

typedef void (*SynthCheck) (const HepCurveSet *set);

static void
synthesize (const char  *tokens,
            HepCurveSet *set)
{
  HepFeatureSet features;
  g_autoptr(GError) error = NULL;

  hep_feature_set_init (&features);
  g_assert_true (hep_feature_set_parse (&features, tokens, &error));
  g_assert_no_error (error);
  hep_curve_set_synthesize (set, &features);
}

static const double *
role_values (const HepCurveSet *set,
             HepCurveRole       role)
{
  const HepCurvePart *p = hep_curve_set_find_role (set, role);

  g_assert_nonnull (p);
  return p->values;
}

static void
check_baseline_iso (const HepCurveSet *set)
{
  g_assert_cmpint (set->background, ==, HEP_CURVE_REF_LIVER_NORMAL);
  g_assert_cmpuint (set->n_parts, ==, 1);
  for (HepCurvePhase p = P_PRE; p <= P_DP; p++)
    g_assert_cmpfloat (set->parts[0].values[p], ==, liver (set, p));
  g_assert_false (hep_curve_value_is_set (set->parts[0].values[P_HBP]));
}

static void
check_cirrhotic (const HepCurveSet *set)
{
  g_assert_cmpint (set->background, ==, HEP_CURVE_REF_LIVER_CIRRHOTIC);
}

static void
check_normal (const HepCurveSet *set)
{
  g_assert_cmpint (set->background, ==, HEP_CURVE_REF_LIVER_NORMAL);
}

static void
check_aphe_washout (const HepCurveSet *set)
{
  const double *v = set->parts[0].values;

  g_assert_cmpfloat (v[P_AP], >, liver (set, P_AP));
  g_assert_true (v[P_PV] < liver (set, P_PV) || v[P_DP] < liver (set, P_DP));
  g_assert_cmpfloat (v[P_DP], <, liver (set, P_DP));
}

static void
check_aphe_only (const HepCurveSet *set)
{
  const double *v = set->parts[0].values;

  g_assert_cmpfloat (v[P_AP], >, liver (set, P_AP));
  /* No washout given: not below liver later. */
  g_assert_cmpfloat (v[P_PV], >=, liver (set, P_PV));
  g_assert_cmpfloat (v[P_DP], >=, liver (set, P_DP));
}

static void
check_no_aphe (const HepCurveSet *set)
{
  g_assert_cmpfloat (set->parts[0].values[P_AP], <, liver (set, P_AP));
}

static void
check_capsule (const HepCurveSet *set)
{
  const double *c = role_values (set, HEP_CURVE_ROLE_CAPSULE);

  g_assert_cmpfloat (c[P_PV], >, liver (set, P_PV));
  g_assert_cmpfloat (c[P_DP], >, liver (set, P_DP));
  g_assert_cmpfloat (c[P_AP], <=, liver (set, P_AP));
}

static void
check_nonenhancing_capsule (const HepCurveSet *set)
{
  const double *c = role_values (set, HEP_CURVE_ROLE_CAPSULE);

  g_assert_cmpfloat (c[P_PV], <, liver (set, P_PV));
  g_assert_cmpfloat (c[P_DP], <, liver (set, P_DP));
}

static void
check_no_enhancement (const HepCurveSet *set)
{
  /* nothing enhances; and without hbp= the HBP value is not given (a
   * diagram says only what the features say) */
  for (guint j = 0; j < set->n_parts; j++)
    for (guint p = 0; p < HEP_CURVE_N_POINTS; p++)
      if (p == HEP_CURVE_PHASE_HBP)
        g_assert_false (hep_curve_value_is_set (set->parts[j].values[p]));
      else
        g_assert_cmpfloat (set->parts[j].values[p], ==, 0.0);
}

static void
check_nodular_fill (const HepCurveSet *set)
{
  const double *n = role_values (set, HEP_CURVE_ROLE_NODULES);
  const double *c = role_values (set, HEP_CURVE_ROLE_CENTRE);
  const double *w = role_values (set, HEP_CURVE_ROLE_WHOLE);

  for (HepCurvePhase p = P_PV; p <= P_DP; p++)
    g_assert_cmpfloat (fabs (n[p] - hep_curve_reference_get (HEP_CURVE_REF_AORTA, p)), <=, 0.1 + 1e-9);
  g_assert_cmpfloat (n[P_AP], >, liver (set, P_AP));
  g_assert_cmpfloat (c[P_PV], >, c[P_AP]);
  g_assert_cmpfloat (c[P_DP], >, c[P_PV]);
  /* The whole lesion fills in: it rises to above liver in DP. */
  g_assert_cmpfloat (w[P_PV], >, w[P_AP]);
  g_assert_cmpfloat (w[P_DP], >, liver (set, P_DP));
}

static void
check_nodular_no_fill (const HepCurveSet *set)
{
  const double *c = role_values (set, HEP_CURVE_ROLE_CENTRE);

  /* Without fill-in the centre stays dark. */
  g_assert_cmpfloat (c[P_DP], <, liver (set, P_DP));
}

static void
check_fill_without_nodules (const HepCurveSet *set)
{
  const double *v = set->parts[0].values;

  g_assert_cmpfloat (v[P_PV], >, liver (set, P_PV));
  g_assert_cmpfloat (v[P_DP], >, liver (set, P_DP));
}

static void
check_delayed_central (const HepCurveSet *set)
{
  const double *c = role_values (set, HEP_CURVE_ROLE_CENTRE);

  g_assert_cmpfloat (c[P_DP], >, c[P_PV]);
  g_assert_cmpfloat (c[P_DP], >, liver (set, P_DP));
}

static void
check_rim (const HepCurveSet *set)
{
  const double *r = role_values (set, HEP_CURVE_ROLE_RIM);
  const double *c = role_values (set, HEP_CURVE_ROLE_CENTRE);

  g_assert_cmpfloat (r[P_AP], >, c[P_AP]);
  g_assert_cmpfloat (r[P_AP], >, liver (set, P_AP));
  g_assert_cmpfloat (c[P_AP], <, liver (set, P_AP));
}

static void
check_hbp_iso_hyper (const HepCurveSet *set)
{
  g_assert_cmpfloat (set->parts[0].values[P_HBP], >=, liver (set, P_HBP));
}

static void
check_hbp_hypo (const HepCurveSet *set)
{
  g_assert_cmpfloat (set->parts[0].values[P_HBP], <, liver (set, P_HBP));
}

static void
check_hbp_targetoid (const HepCurveSet *set)
{
  const double *r = role_values (set, HEP_CURVE_ROLE_RIM);
  const double *c = role_values (set, HEP_CURVE_ROLE_CENTRE);

  g_assert_cmpfloat (c[P_HBP], >, r[P_HBP]);
  g_assert_cmpfloat (c[P_HBP], <, liver (set, P_HBP));
}

static void
check_blood_pool (const HepCurveSet *set)
{
  for (HepCurvePhase p = P_AP; p <= P_DP; p++)
    g_assert_cmpfloat (fabs (set->parts[0].values[p] - hep_curve_reference_get (HEP_CURVE_REF_AORTA, p)),
                       <=, 0.1 + 1e-9);
  g_assert_cmpfloat (set->parts[0].values[P_DP], >, liver (set, P_DP));
  /* the row gives no hbp=: not given, though the flash-filling archetype
   * has a low HBP value */
  g_assert_false (hep_curve_value_is_set (set->parts[0].values[P_HBP]));
  g_assert_false (hep_curve_value_is_set (set->tp_gadoxetate_180));
}

static void
check_scar (const HepCurveSet *set)
{
  const double *s = role_values (set, HEP_CURVE_ROLE_SCAR);

  g_assert_cmpfloat (s[P_AP], <, set->parts[0].values[P_AP]);
  g_assert_cmpfloat (s[P_DP], >, liver (set, P_DP));
}

static void
check_tp_hypo (const HepCurveSet *set)
{
  g_assert_true (hep_curve_value_is_set (set->tp_gadoxetate_180));
  g_assert_cmpfloat (set->tp_gadoxetate_180, <, liver (set, P_DP));
}

static void
check_corona (const HepCurveSet *set)
{
  const double *s = role_values (set, HEP_CURVE_ROLE_SURROUNDINGS);

  g_assert_cmpfloat (s[P_AP], >, liver (set, P_AP));
  g_assert_cmpfloat (s[P_DP], ==, liver (set, P_DP));
}

static void
check_necrosis (const HepCurveSet *set)
{
  const double *c = role_values (set, HEP_CURVE_ROLE_CENTRE);

  /* the centre does not enhance in any phase given; HBP is not given
   * without hbp= */
  for (guint p = 0; p < HEP_CURVE_N_POINTS; p++)
    if (p == HEP_CURVE_PHASE_HBP)
      g_assert_false (hep_curve_value_is_set (c[p]));
    else
      g_assert_cmpfloat (c[p], ==, 0.0);
}

static void
check_wedge (const HepCurveSet *set)
{
  g_assert_cmpint (set->shape, ==, HEP_CURVE_SHAPE_WEDGE);
}

static const struct {
  const char *tokens;
  SynthCheck  check;
  const char *rule;   /* must be recorded */
} synth_cases[] = {
  { "", check_baseline_iso, "background-normal" },
  { "t2=marked dwi=restricted size=20", check_baseline_iso, NULL },
  { "risk=cirrhosis", check_cirrhotic, "background-cirrhotic" },
  { "risk=hbv", check_cirrhotic, "background-cirrhotic" },
  { "risk=prior-hcc", check_cirrhotic, "background-cirrhotic" },
  { "risk=none", check_normal, "background-normal" },
  { "aphe=nonrim washout", check_aphe_washout, "washout" },
  { "risk=cirrhosis aphe=nonrim washout", check_aphe_washout, "aphe-nonrim" },
  { "risk=cirrhosis aphe=nonrim washout capsule", check_capsule, "capsule" },
  { "aphe=nonrim", check_aphe_only, "aphe-nonrim" },
  { "aphe=none", check_no_aphe, "aphe-none" },
  { "nonenhancing-capsule", check_nonenhancing_capsule, "nonenhancing-capsule" },
  { "no-enhancement", check_no_enhancement, "no-enhancement" },
  { "no-enhancement t2=marked", check_no_enhancement, "no-enhancement" },
  { "peripheral-nodular centripetal-fill", check_nodular_fill, "peripheral-nodular-fill" },
  { "peripheral-nodular", check_nodular_no_fill, "peripheral-nodular" },
  { "centripetal-fill", check_fill_without_nodules, "centripetal-fill" },
  { "delayed-central-enhancement", check_delayed_central, "delayed-central-enhancement" },
  { "aphe=rim delayed-central-enhancement", check_delayed_central, "delayed-central-enhancement" },
  { "aphe=rim", check_rim, "aphe-rim" },
  { "hbp=iso-hyper", check_hbp_iso_hyper, "hbp-iso-hyper" },
  { "aphe=nonrim hbp=iso-hyper", check_hbp_iso_hyper, "hbp-iso-hyper" },
  { "hbp=hypo", check_hbp_hypo, "hbp-hypo" },
  { "risk=cirrhosis aphe=nonrim washout hbp=hypo", check_hbp_hypo, "hbp-hypo" },
  { "hbp=targetoid", check_hbp_targetoid, "hbp-targetoid" },
  { "parallels-blood-pool", check_blood_pool, "parallels-blood-pool" },
  { "aphe=nonrim central-scar", check_scar, "central-scar" },
  { "tp-hypo", check_tp_hypo, "tp-hypo" },
  { "corona", check_corona, "corona" },
  { "aphe=rim necrosis", check_necrosis, "necrosis" },
  { "wedge-shaped aphe=nonrim", check_wedge, "wedge-shaped" },
};

static void
test_synthesis (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (synth_cases); i++)
    {
      HepCurveSet set;
      gboolean found = synth_cases[i].rule == NULL;

      g_test_message ("synthesis: “%s”", synth_cases[i].tokens);
      synthesize (synth_cases[i].tokens, &set);
      g_assert_cmpstr (set.id, ==, "features");
      g_assert_cmpuint (set.n_parts, >=, 1);
      for (guint j = 0; j < set.n_parts; j++)
        for (guint p = 0; p < HEP_CURVE_N_POINTS; p++)
          if (hep_curve_value_is_set (set.parts[j].values[p]))
            {
              g_assert_cmpfloat (set.parts[j].values[p], >=, 0.0);
              g_assert_cmpfloat (set.parts[j].values[p], <=, 1.0);
            }
      for (guint r = 0; r < set.n_rules; r++)
        found |= g_strcmp0 (set.rules[r], synth_cases[i].rule) == 0;
      g_assert_true (found);
      synth_cases[i].check (&set);
    }
}

/* Toggling a feature moves the curve the way it means. */
static void
test_toggles (void)
{
  static const struct {
    const char   *base;
    const char   *toggle;
    HepCurvePhase phase;
    int           direction;   /* +1: up, -1: down */
  } toggles[] = {
    { "risk=cirrhosis", "aphe=nonrim", P_AP, +1 },
    { "risk=cirrhosis aphe=nonrim", "washout", P_DP, -1 },
    { "risk=cirrhosis aphe=nonrim", "washout", P_PV, -1 },
    { "aphe=none", "centripetal-fill", P_DP, +1 },
    { "", "hbp=iso-hyper", P_HBP, +1 },
    { "hbp=iso-hyper", "hbp=hypo", P_HBP, -1 },
    { "", "parallels-blood-pool", P_AP, +1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (toggles); i++)
    {
      HepCurveSet before, after;
      g_autofree char *with = g_strconcat (toggles[i].base, " ", toggles[i].toggle, NULL);
      double a, b;

      /* hbp=iso-hyper → hbp=hypo replaces the value instead of adding one. */
      if (g_str_has_prefix (toggles[i].toggle, "hbp=") && g_str_has_prefix (toggles[i].base, "hbp="))
        {
          g_free (with);
          with = g_strdup (toggles[i].toggle);
        }
      synthesize (toggles[i].base, &before);
      synthesize (with, &after);
      b = before.parts[0].values[toggles[i].phase];
      a = after.parts[0].values[toggles[i].phase];
      if (!hep_curve_value_is_set (b))
        b = liver (&before, toggles[i].phase);
      g_test_message ("toggle %s on “%s”: %g → %g", toggles[i].toggle, toggles[i].base, b, a);
      if (toggles[i].direction > 0)
        g_assert_cmpfloat (a, >, b);
      else
        g_assert_cmpfloat (a, <, b);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/curve-model/transcription", test_transcription);
  g_test_add_func ("/curve-model/ids", test_ids);
  g_test_add_func ("/curve-model/invariants", test_archetype_invariants);
  g_test_add_func ("/curve-model/check/aphe", test_check_aphe);
  g_test_add_func ("/curve-model/check/washout", test_check_washout);
  g_test_add_func ("/curve-model/check/capsule-rim-centre", test_check_capsule_rim_centre);
  g_test_add_func ("/curve-model/check/blood-pool", test_check_blood_pool);
  g_test_add_func ("/curve-model/check/hbp", test_check_hbp);
  g_test_add_func ("/curve-model/check/no-enhancement", test_check_no_enhancement);
  g_test_add_func ("/curve-model/synthesis", test_synthesis);
  g_test_add_func ("/curve-model/toggles", test_toggles);
  return g_test_run ();
}
