/* test-diagram-cases.c: each bundled case's diagrams say what its features
 * say, phase by phase, and no more
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "hep-core.h"

static GPtrArray *
bundled_cases (void)
{
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "..", "data", "cases", NULL);
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  GPtrArray *cases = g_ptr_array_new_with_free_func (g_object_unref);
  const char *name;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = NULL;
      g_autoptr(GError) error = NULL;
      HepCase *c;

      if (!g_str_has_suffix (name, ".case"))
        continue;
      path = g_build_filename (dir, name, NULL);
      c = hep_case_source_load_file (path, &error);
      g_assert_no_error (error);
      g_ptr_array_add (cases, c);
    }
  g_assert_cmpuint (cases->len, >=, 60);
  return cases;
}

/* The HBP point and the gadoxetate TP marker: only where the case gives
 * them (hbp=, tp-hypo). An extracellular-agent study has neither. */
static void
test_cases_hbp_given (void)
{
  g_autoptr(GPtrArray) cases = bundled_cases ();

  for (guint i = 0; i < cases->len; i++)
    {
      HepCase *c = cases->pdata[i];
      const HepFeatureSet *fs = hep_case_get_features (c);
      gboolean hbp = hep_feature_set_is_set (fs, HEP_FEATURE_HBP);
      gboolean tp = hep_feature_set_has (fs, HEP_FEATURE_TP_HYPO);
      HepCurveSet set;

      g_test_message ("%s", hep_case_get_id (c));
      hep_curve_set_synthesize (&set, fs);
      if (!hbp)
        for (guint j = 0; j < set.n_parts; j++)
          g_assert_false (hep_curve_value_is_set (set.parts[j].values[HEP_CURVE_PHASE_HBP]));
      else
        g_assert_true (hep_curve_value_is_set (set.parts[0].values[HEP_CURVE_PHASE_HBP]));
      if (!hbp && !tp)
        g_assert_false (hep_curve_value_is_set (set.tp_gadoxetate_180));
      /* tp-hypo is drawn as the TP marker, except where nothing enhances
       * (the lesion is darker than liver at 180 s already) */
      if (tp && !hep_feature_set_has (fs, HEP_FEATURE_NO_ENHANCEMENT))
        g_assert_true (hep_curve_value_is_set (set.tp_gadoxetate_180));
    }
}

/* The lesion follows what its arterial and later-phase features say. */
static void
test_cases_phases_agree (void)
{
  g_autoptr(GPtrArray) cases = bundled_cases ();

  for (guint i = 0; i < cases->len; i++)
    {
      HepCase *c = cases->pdata[i];
      const HepFeatureSet *fs = hep_case_get_features (c);
      const double *liver;
      const double *lesion;
      HepCurveSet set;
      int aphe = hep_feature_set_get (fs, HEP_FEATURE_APHE);

      g_test_message ("%s", hep_case_get_id (c));
      hep_curve_set_synthesize (&set, fs);
      liver = hep_curve_reference_get_values (set.background);
      lesion = set.parts[0].values;
      if (hep_feature_set_has (fs, HEP_FEATURE_NO_ENHANCEMENT))
        {
          for (guint p = HEP_CURVE_PHASE_EARLY_ARTERIAL; p <= HEP_CURVE_PHASE_DELAYED; p++)
            g_assert_cmpfloat (lesion[p], ==, 0.0);
          continue;
        }
      /* nonrim APHE: brighter than liver in the late arterial phase */
      if (aphe == HEP_APHE_NONRIM && !hep_feature_set_has (fs, HEP_FEATURE_PERIPHERAL_NODULAR))
        g_assert_cmpfloat (lesion[HEP_CURVE_PHASE_LATE_ARTERIAL], >, liver[HEP_CURVE_PHASE_LATE_ARTERIAL]);
      /* no APHE: not brighter than liver then */
      if (aphe == HEP_APHE_NONE)
        g_assert_cmpfloat (lesion[HEP_CURVE_PHASE_LATE_ARTERIAL], <=, liver[HEP_CURVE_PHASE_LATE_ARTERIAL]);
      /* nonperipheral washout: darker than liver in the portal venous or later phase */
      if (hep_feature_set_has (fs, HEP_FEATURE_WASHOUT) && !hep_feature_set_has (fs, HEP_FEATURE_PARALLELS_BLOOD_POOL))
        g_assert_true (lesion[HEP_CURVE_PHASE_PORTAL_VENOUS] < liver[HEP_CURVE_PHASE_PORTAL_VENOUS] ||
                       lesion[HEP_CURVE_PHASE_DELAYED] < liver[HEP_CURVE_PHASE_DELAYED]);
      /* HBP hypointense: below liver */
      if (hep_feature_set_get (fs, HEP_FEATURE_HBP) == HEP_HBP_HYPO)
        g_assert_cmpfloat (lesion[HEP_CURVE_PHASE_HBP], <, liver[HEP_CURVE_PHASE_HBP]);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/diagram/cases/hbp-given", test_cases_hbp_given);
  g_test_add_func ("/diagram/cases/phases-agree", test_cases_phases_agree);
  return g_test_run ();
}
