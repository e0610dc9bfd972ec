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
#include "hep-test-cases.h"


/* The HBP point and the gadoxetate TP marker: only where the case gives
 * them (hbp=, tp-hypo). An extracellular-agent study has neither. */
static void
test_cases_hbp_given (void)
{
  g_autoptr(GPtrArray) cases = hep_test_bundled_cases ();

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
  g_autoptr(GPtrArray) cases = hep_test_bundled_cases ();

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

/* ---- the drawings, read back ------------------------------------------ */

typedef struct {
  int  liver, lesion;   /* grey levels, -1: none */
} Tile;

typedef struct {
  GArray  *tiles;       /* Tile, one per drawn phase panel, in order */
  guint    not_given;   /* panels drawn as "not given" */
  gboolean in_phase;
  int      depth, phase_depth;
  GString *order;       /* the series ids of a curve diagram, in drawing order */
} StripReader;

static int
grey_of (const char *fill)
{
  return fill != NULL && fill[0] == '#' ? (int) g_ascii_strtoll (fill + 1, NULL, 16) >> 16 : -1;
}

static void
strip_start (GMarkupParseContext  *context,
             const char           *element,
             const char          **names,
             const char          **values,
             gpointer              data,
             GError              **error)
{
  StripReader *r = data;
  const char *klass = NULL, *fill = NULL, *id = NULL;

  for (guint i = 0; names[i] != NULL; i++)
    if (g_str_equal (names[i], "class"))
      klass = values[i];
    else if (g_str_equal (names[i], "fill"))
      fill = values[i];
    else if (g_str_equal (names[i], "id"))
      id = values[i];
  r->depth++;
  if (g_str_equal (element, "g") && g_strcmp0 (klass, "series") == 0 && id != NULL)
    g_string_append_printf (r->order, "%s ", id);
  if (g_str_equal (element, "g") && g_strcmp0 (klass, "phase") == 0)
    {
      Tile t = { -1, -1 };

      g_array_append_val (r->tiles, t);
      r->in_phase = TRUE;
      r->phase_depth = r->depth;
    }
  else if (g_strcmp0 (klass, "not-given") == 0 && g_str_equal (element, "rect"))
    r->not_given++;
  else if (r->in_phase && g_strcmp0 (klass, "liver") == 0)
    g_array_index (r->tiles, Tile, r->tiles->len - 1).liver = grey_of (fill);
  else if (r->in_phase && g_strcmp0 (klass, "lesion-body") == 0)
    g_array_index (r->tiles, Tile, r->tiles->len - 1).lesion = grey_of (fill);
}

static void
strip_end (GMarkupParseContext  *context,
           const char           *element,
           gpointer              data,
           GError              **error)
{
  StripReader *r = data;

  if (r->in_phase && r->depth == r->phase_depth)
    r->in_phase = FALSE;
  r->depth--;
}

static void
read_svg (const char  *svg,
          StripReader *r)
{
  static const GMarkupParser parser = { strip_start, strip_end, NULL, NULL, NULL };
  g_autoptr(GMarkupParseContext) context = g_markup_parse_context_new (&parser, 0, r, NULL);
  g_autoptr(GError) error = NULL;

  memset (r, 0, sizeof *r);
  r->tiles = g_array_new (FALSE, FALSE, sizeof (Tile));
  r->order = g_string_new (NULL);
  g_assert_true (g_markup_parse_context_parse (context, svg, -1, &error));
  g_assert_no_error (error);
}

static void
reader_clear (StripReader *r)
{
  g_array_unref (r->tiles);
  g_string_free (r->order, TRUE);
}

/* -1 darker, 0 iso, 1 brighter: a value against liver's, as the words
 * call it (±0.025), or a grey against the liver's grey. */
static int
relation (double lesion,
          double liver)
{
  return lesion > liver + 0.025 ? 1 : lesion < liver - 0.025 ? -1 : 0;
}

static int
grey_relation (int lesion,
               int liver)
{
  return lesion > liver + 3 ? 1 : lesion < liver - 3 ? -1 : 0;
}

static const HepCurvePhase strip_phases[] = {
  HEP_CURVE_PHASE_PRE, HEP_CURVE_PHASE_LATE_ARTERIAL, HEP_CURVE_PHASE_PORTAL_VENOUS,
  HEP_CURVE_PHASE_DELAYED, HEP_CURVE_PHASE_HBP,
};

/* Phase by phase, for every bundled case: the features, the curve and the
 * phase strip say the same thing. The strip's tiles are read back from its
 * SVG (liver and lesion grey levels); its words and the text alternative
 * from the generator. */
static void
test_cases_curve_and_strip_agree (void)
{
  g_autoptr(GPtrArray) cases = hep_test_bundled_cases ();

  for (guint i = 0; i < cases->len; i++)
    {
      HepCase *c = cases->pdata[i];
      const HepFeatureSet *fs = hep_case_get_features (c);
      HepCurveSet set;
      HepDiagramOptions strip_options, curve_options;
      g_autofree char *strip = NULL, *curve = NULL, *strip_text = NULL, *curve_text = NULL;
      StripReader r, rc;
      const double *lesion, *liver;
      gboolean hbp = hep_feature_set_is_set (fs, HEP_FEATURE_HBP);
      gboolean none = hep_feature_set_has (fs, HEP_FEATURE_NO_ENHANCEMENT);
      int aphe = hep_feature_set_get (fs, HEP_FEATURE_APHE);
      int size = hep_feature_set_get (fs, HEP_FEATURE_SIZE);
      gboolean nodular = hep_feature_set_has (fs, HEP_FEATURE_PERIPHERAL_NODULAR);
      gboolean giant = nodular && size != HEP_FEATURE_UNSET && size > 50;
      guint tile = 0;
      char *words[G_N_ELEMENTS (strip_phases)];
      gboolean iso = FALSE;

      g_test_message ("%s", hep_case_get_id (c));
      hep_curve_set_synthesize (&set, fs);
      lesion = set.parts[0].values;
      liver = hep_curve_reference_get_values (set.background);
      hep_diagram_options_init (&strip_options, HEP_DIAGRAM_KIND_PHASES);
      hep_diagram_options_init (&curve_options, HEP_DIAGRAM_KIND_CURVE);
      strip = hep_diagram_to_svg (&set, &strip_options, &strip_text);
      curve = hep_diagram_to_svg (&set, &curve_options, &curve_text);
      read_svg (strip, &r);
      read_svg (curve, &rc);
      /* "portal venous (70 s): hypo, washout", the first line of a tooltip */
      for (guint k = 0; k < G_N_ELEMENTS (strip_phases); k++)
        {
          words[k] = hep_diagram_describe_phase (&set, &curve_options, strip_phases[k]);
          words[k][strcspn (words[k], "\n")] = '\0';
        }

      /* every drawn phase: the tile's lesion against liver as the curve has it */
      for (guint k = 0; k < G_N_ELEMENTS (strip_phases); k++)
        {
          HepCurvePhase p = strip_phases[k];
          const Tile *t;

          if (p != HEP_CURVE_PHASE_PRE && !hep_curve_value_is_set (lesion[p]))
            continue;
          g_assert_cmpuint (tile, <, r.tiles->len);
          t = &g_array_index (r.tiles, Tile, tile++);
          g_assert_cmpint (t->liver, >=, 0);
          if (t->lesion < 0)
            continue;   /* nodules: no single grey */
          if (p == HEP_CURVE_PHASE_PRE)
            /* before contrast: brighter only with intrinsic T1 signal */
            g_assert_cmpint (grey_relation (t->lesion, t->liver), ==,
                             hep_feature_set_has (fs, HEP_FEATURE_T1_HYPER) ? 1 : 0);
          else
            g_assert_cmpint (grey_relation (t->lesion, t->liver), ==, relation (lesion[p], liver[p]));
        }
      g_assert_cmpuint (tile, ==, r.tiles->len);

      /* precontrast words */
      if (hep_feature_set_has (fs, HEP_FEATURE_T1_HYPER))
        g_assert_nonnull (strstr (words[0], "T1 hyper"));
      else
        g_assert_null (strstr (words[0], "T1"));
      /* arterial */
      if (none)
        g_assert_nonnull (strstr (words[1], "no enhancement"));
      else if (aphe == HEP_APHE_NONRIM && !nodular)
        {
          g_assert_nonnull (strstr (words[1], ": hyper"));
          g_assert_cmpfloat (lesion[HEP_CURVE_PHASE_LATE_ARTERIAL], >, liver[HEP_CURVE_PHASE_LATE_ARTERIAL]);
        }
      else if (aphe == HEP_APHE_RIM)
        g_assert_nonnull (strstr (words[1], "rim hyper"));
      else if (aphe == HEP_APHE_NONE)
        g_assert_null (strstr (words[1], "hyper"));
      /* later phases */
      if (hep_feature_set_has (fs, HEP_FEATURE_WASHOUT) && !hep_feature_set_has (fs, HEP_FEATURE_PARALLELS_BLOOD_POOL))
        g_assert_true (strstr (words[2], ", washout") != NULL || strstr (words[3], ", washout") != NULL);
      if (!hep_feature_set_has (fs, HEP_FEATURE_WASHOUT) && !hep_feature_set_has (fs, HEP_FEATURE_PERIPHERAL_WASHOUT))
        g_assert_true (strstr (words[2], ", washout") == NULL && strstr (words[3], ", washout") == NULL);
      if (hep_feature_set_has (fs, HEP_FEATURE_CAPSULE))
        g_assert_true (strstr (words[2], "capsule") != NULL || strstr (words[3], "capsule") != NULL);
      /* the giant hemangioma's cleft never enhances: drawn so, and said */
      if (giant)
        {
          const HepCurvePart *cleft = hep_curve_set_find_part (&set, "central_cleft");

          g_assert_nonnull (cleft);
          for (guint p = 0; p < HEP_CURVE_PHASE_HBP; p++)
            g_assert_cmpfloat (cleft->values[p], <, liver[p] + 0.02);
          g_assert_nonnull (strstr (words[2], "non-enhancing cleft"));
          g_assert_nonnull (strstr (words[3], "non-enhancing cleft"));
          g_assert_nonnull (strstr (strip_text, "non-enhancing cleft"));
          g_assert_nonnull (strstr (curve_text, "non-enhancing cleft"));
        }
      else
        g_assert_null (strstr (strip_text, "cleft"));
      /* HBP: drawn and described only where the case gives it */
      if (!hbp)
        {
          g_assert_nonnull (strstr (words[4], ": not given"));
          g_assert_cmpuint (r.not_given, ==, 1);
          g_assert_null (strstr (curve, "class=\"series-hbp\""));
          g_assert_nonnull (strstr (curve, ">not given</text>"));
        }
      else
        {
          g_assert_cmpuint (r.not_given, ==, 0);
          g_assert_null (strstr (words[4], "not given"));
          if (hep_feature_set_get (fs, HEP_FEATURE_HBP) == HEP_HBP_HYPO)
            g_assert_nonnull (strstr (words[4], "hypo"));
        }
      /* an iso lesion does not hide the liver: the liver is drawn after it */
      for (guint p = HEP_CURVE_PHASE_EARLY_ARTERIAL; p < HEP_CURVE_PHASE_HBP; p++)
        iso |= fabs (lesion[p] - liver[p]) < 0.015;
      {
        const char *liver_at = strstr (rc.order->str, hep_curve_reference_get_id (set.background));
        const char *lesion_at = strstr (rc.order->str, set.parts[0].id);

        g_assert_nonnull (liver_at);
        g_assert_nonnull (lesion_at);
        g_assert_true (iso ? liver_at > lesion_at : liver_at < lesion_at);
        if (iso)
          g_assert_nonnull (strstr (curve, ">Open markers: the liver"));
      }
      /* the lesion marker is explained where it is drawn */
      if (strstr (strip, "class=\"outline\"") != NULL)
        g_assert_nonnull (strstr (strip, ">Dashed yellow ring: where"));

      for (guint k = 0; k < G_N_ELEMENTS (strip_phases); k++)
        g_free (words[k]);
      reader_clear (&r);
      reader_clear (&rc);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/diagram/cases/hbp-given", test_cases_hbp_given);
  g_test_add_func ("/diagram/cases/phases-agree", test_cases_phases_agree);
  g_test_add_func ("/diagram/cases/curve-and-strip-agree", test_cases_curve_and_strip_agree);
  return g_test_run ();
}
