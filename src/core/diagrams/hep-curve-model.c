/* hep-curve-model.c: schematic time–intensity curves (clinical-rules.md §4.3)
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "hep-curve-model.h"

static const double times_s[HEP_CURVE_N_POINTS] = { 0, 20, 35, 70, 180, 1200 };

static const char * const phase_labels[HEP_CURVE_N_POINTS] = {
  N_("pre"),
  N_("early arterial"),
  N_("late arterial"),
  N_("portal venous"),
  N_("delayed / transitional"),
  N_("HBP (gadoxetate)"),
};

typedef struct {
  const char *id;
  const char *label;
  double      values[HEP_CURVE_N_POINTS];
} Reference;

/* §4.3 "reference", exactly. */
static const Reference references[HEP_CURVE_N_REFS] = {
  { "aorta_blood_pool", N_("Aorta (blood pool)"), { 0, 0.75, 1.00, 0.70, 0.45, NAN } },
  { "liver_normal",     N_("Liver (normal)"),     { 0, 0.03, 0.10, 0.30, 0.23, 0.65 } },
  { "liver_cirrhotic",  N_("Liver (cirrhotic)"),  { 0, 0.03, 0.10, 0.25, 0.21, 0.45 } },
};

#define NORMAL HEP_CURVE_REF_LIVER_NORMAL
#define CIRRHOTIC HEP_CURVE_REF_LIVER_CIRRHOTIC
#define ROUND HEP_CURVE_SHAPE_ROUND
#define PART(id, label, role, ...) { id, label, HEP_CURVE_ROLE_##role, FALSE, { __VA_ARGS__ } }
#define VARIANT(id, label, role, ...) { id, label, HEP_CURVE_ROLE_##role, TRUE, { __VA_ARGS__ } }

/* §4.3 "lesions", exactly, in the order of the spec. parts[0] is the
 * primary curve (for hemangioma_typical the whole-lesion mean, which shows
 * the fill-in); the other parts follow in the spec's order. */
static const HepCurveSet archetypes[] = {
  { "hcc-classic", "hcc_classic", N_("HCC, classic (in cirrhosis)"), CIRRHOTIC, TRUE, ROUND, 0.6, NAN, 2,
    { PART ("lesion", N_("Lesion"), WHOLE, 0, 0.08, 0.40, 0.20, 0.14, 0.12),
      PART ("capsule_rim", N_("Capsule rim"), CAPSULE, 0, 0.01, 0.05, 0.28, 0.30, 0.15) } },
  { "hcc-hbp-iso", "hcc_hbp_iso_variant", N_("HCC, HBP-iso variant"), CIRRHOTIC, TRUE, ROUND, 0.6, NAN, 1,
    { PART ("lesion", N_("Lesion"), WHOLE, 0, 0.08, 0.40, 0.20, 0.14, 0.45) } },
  { "met-hypervascular", "met_hypervascular", N_("Hypervascular metastasis"), NORMAL, FALSE, ROUND, 0.6, NAN, 3,
    { PART ("lesion", N_("Lesion"), WHOLE, 0, 0.15, 0.50, 0.26, 0.16, 0.05),
      VARIANT ("rim_if_large", N_("Rim (if large)"), RIM, 0, 0.18, 0.55, 0.30, 0.18, 0.05),
      VARIANT ("center_if_large", N_("Centre (if large)"), CENTRE, 0, 0.02, 0.10, 0.15, 0.15, 0.05) } },
  { "met-hypovascular", "met_hypovascular", N_("Hypovascular metastasis"), NORMAL, FALSE, ROUND, 0.65, NAN, 2,
    { PART ("rim", N_("Rim"), RIM, 0, 0.04, 0.20, 0.24, 0.16, 0.06),
      PART ("core", N_("Core"), CENTRE, 0, 0.01, 0.03, 0.08, 0.15, 0.06) } },
  { "hemangioma-typical", "hemangioma_typical", N_("Hemangioma, typical"), NORMAL, FALSE, ROUND, 1.0, 0.20, 3,
    { PART ("whole_lesion_mean", N_("Whole lesion (mean)"), WHOLE, 0, 0.12, 0.22, 0.40, 0.43, 0.10),
      PART ("peripheral_nodules", N_("Peripheral nodules"), NODULES, 0, 0.55, 0.95, 0.70, 0.45, 0.10),
      PART ("center", N_("Centre"), CENTRE, 0, 0.00, 0.02, 0.20, 0.40, 0.08) } },
  { "hemangioma-flash", "hemangioma_flash", N_("Hemangioma, flash-filling"), NORMAL, FALSE, ROUND, 0.6, 0.22, 1,
    { PART ("lesion", N_("Lesion"), WHOLE, 0, 0.55, 0.90, 0.68, 0.45, 0.10) } },
  { "hemangioma-giant", "hemangioma_giant", N_("Hemangioma, giant"), NORMAL, FALSE, ROUND, 0.45, NAN, 2,
    { PART ("periphery", N_("Periphery"), NODULES, 0, 0.55, 0.95, 0.70, 0.45, 0.10),
      PART ("central_cleft", N_("Central cleft"), CENTRE, 0, 0.00, 0.00, 0.02, 0.04, 0.02) } },
  { "fnh", "fnh", N_("Focal nodular hyperplasia"), NORMAL, TRUE, ROUND, 0.6, NAN, 2,
    { PART ("lesion", N_("Lesion"), WHOLE, 0, 0.25, 0.55, 0.31, 0.24, 0.70),
      PART ("central_scar", N_("Central scar"), SCAR, 0, 0.00, 0.03, 0.15, 0.30, 0.15) } },
  { "hca-inflammatory", "hca_inflammatory", N_("Adenoma, inflammatory"), NORMAL, TRUE, ROUND, 0.6, NAN, 1,
    { PART ("lesion", N_("Lesion"), WHOLE, 0, 0.20, 0.50, 0.36, 0.30, 0.25) } },
  { "hca-hnf1a", "hca_hnf1a", N_("Adenoma, HNF1α"), NORMAL, TRUE, ROUND, 0.6, NAN, 1,
    { PART ("lesion", N_("Lesion"), WHOLE, 0, 0.08, 0.25, 0.26, 0.20, 0.15) } },
  { "simple-cyst", "simple_cyst", N_("Simple cyst"), NORMAL, FALSE, ROUND, 0.6, NAN, 1,
    { PART ("lesion", N_("Lesion"), WHOLE, 0, 0, 0, 0, 0, 0) } },
  { "biliary-hamartoma", "biliary_hamartoma", N_("Biliary hamartomas"), NORMAL, FALSE, HEP_CURVE_SHAPE_MULTIPLE, 0.6, NAN, 1,
    { PART ("lesion", N_("Lesion"), WHOLE, 0, 0, 0, 0.01, 0.02, 0.00) } },
  { "abscess", "abscess", N_("Pyogenic abscess"), NORMAL, FALSE, ROUND, 0.7, NAN, 3,
    { PART ("wall", N_("Wall"), RIM, 0, 0.08, 0.30, 0.40, 0.35, 0.10),
      PART ("cavity", N_("Cavity"), CENTRE, 0, 0, 0, 0, 0, 0),
      PART ("perilesional_parenchyma", N_("Perilesional liver"), SURROUNDINGS, 0, 0.08, 0.25, 0.30, 0.23, 0.55) } },
  { "icc-mass-forming", "icc_mass_forming", N_("Cholangiocarcinoma, mass-forming"), NORMAL, FALSE, ROUND, 0.65, NAN, 2,
    { PART ("periphery", N_("Periphery"), RIM, 0, 0.05, 0.25, 0.28, 0.22, 0.06),
      PART ("center", N_("Centre"), CENTRE, 0, 0.01, 0.05, 0.15, 0.30, 0.18) } },
  { "focal-fat-deposition", "focal_fat_deposition", N_("Focal fat deposition"), NORMAL, TRUE, HEP_CURVE_SHAPE_GEOGRAPHIC, 0.6, NAN, 1,
    { PART ("lesion", N_("Lesion"), WHOLE, 0, 0.03, 0.09, 0.28, 0.21, 0.62) } },
  { "focal-fat-sparing", "focal_fat_sparing", N_("Focal fat sparing"), NORMAL, TRUE, HEP_CURVE_SHAPE_GEOGRAPHIC, 0.6, NAN, 1,
    { PART ("lesion", N_("Lesion"), WHOLE, 0, 0.03, 0.10, 0.30, 0.23, 0.65) } },
  { "thad", "thad_ap_shunt", N_("THAD / arterioportal shunt"), NORMAL, TRUE, HEP_CURVE_SHAPE_WEDGE, 0.6, NAN, 1,
    { PART ("lesion", N_("Lesion"), WHOLE, 0, 0.08, 0.25, 0.30, 0.23, 0.65) } },
};

typedef struct {
  const char *diagnosis;
  const char *archetype;
} DiagnosisDefault;

/* The curve a differential diagnosis id shows by default [D]. */
static const DiagnosisDefault diagnosis_defaults[] = {
  { "hcc",               "hcc-classic" },
  { "met-hypervascular", "met-hypervascular" },
  { "met-hypovascular",  "met-hypovascular" },
  { "hemangioma",        "hemangioma-typical" },
  { "fnh",               "fnh" },
  { "adenoma",           "hca-inflammatory" },
  { "cyst",              "simple-cyst" },
  { "biliary-hamartoma", "biliary-hamartoma" },
  { "abscess",           "abscess" },
  { "icc",               "icc-mass-forming" },
  { "focal-fat",         "focal-fat-deposition" },
  { "thad",              "thad" },
};

double
hep_curve_get_time (HepCurvePhase phase)
{
  g_return_val_if_fail (phase < HEP_CURVE_N_POINTS, NAN);
  return times_s[phase];
}

const char *
hep_curve_phase_get_label (HepCurvePhase phase)
{
  g_return_val_if_fail (phase < HEP_CURVE_N_POINTS, NULL);
  return _(phase_labels[phase]);
}

gboolean
hep_curve_value_is_set (double value)
{
  return !isnan (value);
}

const char *
hep_curve_reference_get_id (HepCurveReference ref)
{
  g_return_val_if_fail (ref < HEP_CURVE_N_REFS, NULL);
  return references[ref].id;
}

const char *
hep_curve_reference_get_label (HepCurveReference ref)
{
  g_return_val_if_fail (ref < HEP_CURVE_N_REFS, NULL);
  return _(references[ref].label);
}

const double *
hep_curve_reference_get_values (HepCurveReference ref)
{
  g_return_val_if_fail (ref < HEP_CURVE_N_REFS, NULL);
  return references[ref].values;
}

double
hep_curve_reference_get (HepCurveReference ref,
                         HepCurvePhase     phase)
{
  g_return_val_if_fail (ref < HEP_CURVE_N_REFS, NAN);
  g_return_val_if_fail (phase < HEP_CURVE_N_POINTS, NAN);
  return references[ref].values[phase];
}

guint
hep_curve_get_n_archetypes (void)
{
  return G_N_ELEMENTS (archetypes);
}

const HepCurveSet *
hep_curve_get_archetype (guint index)
{
  g_return_val_if_fail (index < G_N_ELEMENTS (archetypes), NULL);
  return &archetypes[index];
}

const HepCurveSet *
hep_curve_lookup_archetype (const char *id)
{
  if (id == NULL)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (archetypes); i++)
    if (g_str_equal (archetypes[i].id, id))
      return &archetypes[i];
  return NULL;
}

char *
hep_curve_describe_archetype_ids (void)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (archetypes); i++)
    g_string_append_printf (s, "%s%s", i ? ", " : "", archetypes[i].id);
  return g_string_free (s, FALSE);
}

const HepCurveSet *
hep_curve_archetype_for_diagnosis (const char *diagnosis_id)
{
  if (diagnosis_id == NULL)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (diagnosis_defaults); i++)
    if (g_str_equal (diagnosis_defaults[i].diagnosis, diagnosis_id))
      return hep_curve_lookup_archetype (diagnosis_defaults[i].archetype);
  return NULL;
}

const char *
hep_curve_get_source (void)
{
  return "clinical-rules.md §4.3, schematic time–intensity curves (numbers chosen for drawing, not measured)";
}

HepProvenance
hep_curve_get_provenance (void)
{
  return HEP_PROVENANCE_DESIGN;
}

const HepCurvePart *
hep_curve_set_find_role (const HepCurveSet *self,
                         HepCurveRole       role)
{
  g_return_val_if_fail (self != NULL, NULL);
  for (guint i = 0; i < self->n_parts; i++)
    if (self->parts[i].role == role && !self->parts[i].variant)
      return &self->parts[i];
  return NULL;
}

const HepCurvePart *
hep_curve_set_find_part (const HepCurveSet *self,
                         const char        *part_id)
{
  g_return_val_if_fail (self != NULL, NULL);
  for (guint i = 0; i < self->n_parts; i++)
    if (g_str_equal (self->parts[i].id, part_id))
      return &self->parts[i];
  return NULL;
}

double
hep_curve_set_background (const HepCurveSet *self,
                          HepCurvePhase      phase)
{
  g_return_val_if_fail (self != NULL, NAN);
  return hep_curve_reference_get (self->background, phase);
}

/* ---- synthesis ----------------------------------------------------------- */

static void
add_rule (HepCurveSet *set,
          const char  *rule)
{
  if (set->n_rules < HEP_CURVE_MAX_RULES)
    set->rules[set->n_rules++] = rule;
}

static HepCurvePart *
find_role (HepCurveSet  *set,
           HepCurveRole  role)
{
  for (guint i = 0; i < set->n_parts; i++)
    if (set->parts[i].role == role)
      return &set->parts[i];
  return NULL;
}

static HepCurvePart *
add_part (HepCurveSet  *set,
          const char   *id,
          const char   *label,
          HepCurveRole  role,
          const double *values)
{
  HepCurvePart *part;

  g_assert (set->n_parts < HEP_CURVE_MAX_PARTS);
  part = &set->parts[set->n_parts++];
  part->id = id;
  part->label = label;
  part->role = role;
  part->variant = FALSE;
  memcpy (part->values, values, sizeof part->values);
  return part;
}

static double
clip (double v)
{
  return CLAMP (v, 0.0, 1.0);
}

/* The centre part, created from @template values when missing. A lesion that
 * gets a centre keeps parts[0] as its periphery/whole. */
static HepCurvePart *
ensure_centre (HepCurveSet  *set,
               const double *template)
{
  HepCurvePart *centre = find_role (set, HEP_CURVE_ROLE_CENTRE);

  if (centre == NULL)
    centre = add_part (set, "center", N_("Centre"), HEP_CURVE_ROLE_CENTRE, template);
  return centre;
}

static void
make_rim (HepCurveSet *set)
{
  /* parts[0] becomes the rim, a centre is added with the same values. */
  if (set->parts[0].role == HEP_CURVE_ROLE_RIM)
    return;
  set->parts[0].id = "rim";
  set->parts[0].label = N_("Rim");
  set->parts[0].role = HEP_CURVE_ROLE_RIM;
  ensure_centre (set, set->parts[0].values);
}

/* A diagram says only what the features say (§4.3): without hbp= the
 * hepatobiliary phase was not given (an extracellular agent, or not
 * acquired), so no part has a value there; and without a sign of gadoxetate
 * (hbp= or tp-hypo) there is no gadoxetate transitional phase to mark. The
 * shapes above carry such values for the archetypes they follow. */
static void
only_what_is_given (HepCurveSet         *out,
                    const HepFeatureSet *features)
{
  if (hep_feature_set_is_set (features, HEP_FEATURE_HBP))
    return;
  for (guint i = 0; i < out->n_parts; i++)
    out->parts[i].values[HEP_CURVE_PHASE_HBP] = NAN;
  if (!hep_feature_set_has (features, HEP_FEATURE_TP_HYPO))
    out->tp_gadoxetate_180 = NAN;
}

void
hep_curve_set_synthesize (HepCurveSet         *out,
                          const HepFeatureSet *features)
{
  const double *A = hep_curve_reference_get_values (HEP_CURVE_REF_AORTA);
  const double *L;
  HepCurvePart *lesion, *part;
  int risk, aphe, hbp;
  gboolean nodular, fill;

  g_return_if_fail (out != NULL);
  g_return_if_fail (features != NULL);

  memset (out, 0, sizeof *out);
  out->id = "features";
  out->spec_key = NULL;
  out->label = N_("From the chosen features");
  out->shape = HEP_CURVE_SHAPE_ROUND;
  out->centre_scale = 0.6;
  out->tp_gadoxetate_180 = NAN;
  out->hepatocellular = TRUE;

  risk = hep_feature_set_get (features, HEP_FEATURE_RISK);
  if (risk == HEP_RISK_CIRRHOSIS || risk == HEP_RISK_HBV || risk == HEP_RISK_PRIOR_HCC)
    {
      out->background = HEP_CURVE_REF_LIVER_CIRRHOTIC;
      add_rule (out, "background-cirrhotic");
    }
  else
    {
      out->background = HEP_CURVE_REF_LIVER_NORMAL;
      add_rule (out, "background-normal");
    }
  L = hep_curve_reference_get_values (out->background);

  /* baseline: iso to liver in every ECA phase, HBP not given. */
  lesion = add_part (out, "lesion", N_("Lesion"), HEP_CURVE_ROLE_WHOLE, L);
  lesion->values[HEP_CURVE_PHASE_HBP] = NAN;

  if (hep_feature_set_has (features, HEP_FEATURE_NO_ENHANCEMENT))
    {
      for (guint i = 0; i < HEP_CURVE_N_POINTS; i++)
        lesion->values[i] = 0;
      out->hepatocellular = FALSE;
      add_rule (out, "no-enhancement");
      only_what_is_given (out, features);
      return;
    }

  if (hep_feature_set_has (features, HEP_FEATURE_PARALLELS_BLOOD_POOL))
    {
      for (guint i = HEP_CURVE_PHASE_EARLY_ARTERIAL; i <= HEP_CURVE_PHASE_DELAYED; i++)
        lesion->values[i] = clip (A[i]);
      lesion->values[HEP_CURVE_PHASE_HBP] = 0.10;
      out->tp_gadoxetate_180 = 0.22;
      out->hepatocellular = FALSE;
      add_rule (out, "parallels-blood-pool");
    }

  aphe = hep_feature_set_get (features, HEP_FEATURE_APHE);
  if (aphe == HEP_APHE_NONRIM)
    {
      lesion->values[HEP_CURVE_PHASE_EARLY_ARTERIAL] =
        MAX (lesion->values[HEP_CURVE_PHASE_EARLY_ARTERIAL], L[HEP_CURVE_PHASE_EARLY_ARTERIAL] + 0.05);
      lesion->values[HEP_CURVE_PHASE_LATE_ARTERIAL] =
        MAX (lesion->values[HEP_CURVE_PHASE_LATE_ARTERIAL], clip (L[HEP_CURVE_PHASE_LATE_ARTERIAL] + 0.30));
      add_rule (out, "aphe-nonrim");
    }
  else if (aphe == HEP_APHE_RIM)
    {
      HepCurvePart *centre;

      make_rim (out);
      lesion = &out->parts[0];
      centre = ensure_centre (out, L);
      lesion->values[HEP_CURVE_PHASE_LATE_ARTERIAL] = clip (L[HEP_CURVE_PHASE_LATE_ARTERIAL] + 0.15);
      centre->values[HEP_CURVE_PHASE_EARLY_ARTERIAL] = 0.01;
      centre->values[HEP_CURVE_PHASE_LATE_ARTERIAL] = 0.05;
      centre->values[HEP_CURVE_PHASE_PORTAL_VENOUS] = MIN (centre->values[HEP_CURVE_PHASE_PORTAL_VENOUS], 0.15);
      out->centre_scale = 0.65;
      add_rule (out, "aphe-rim");
    }
  else if (aphe == HEP_APHE_NONE)
    {
      lesion->values[HEP_CURVE_PHASE_LATE_ARTERIAL] =
        MIN (lesion->values[HEP_CURVE_PHASE_LATE_ARTERIAL], L[HEP_CURVE_PHASE_LATE_ARTERIAL] - 0.05);
      add_rule (out, "aphe-none");
    }

  nodular = hep_feature_set_has (features, HEP_FEATURE_PERIPHERAL_NODULAR);
  fill = hep_feature_set_has (features, HEP_FEATURE_CENTRIPETAL_FILL);
  if (nodular)
    {
      static const double nodules[HEP_CURVE_N_POINTS] = { 0, 0.55, 0.95, 0.70, 0.45, 0.10 };
      static const double centre_still[HEP_CURVE_N_POINTS] = { 0, 0.00, 0.02, 0.02, 0.04, 0.02 };
      static const double centre_fill[HEP_CURVE_N_POINTS] = { 0, 0.00, 0.02, 0.20, 0.40, 0.08 };
      static const double fraction_still[HEP_CURVE_N_POINTS] = { 0, 0.2, 0.2, 0.2, 0.2, 0.2 };
      static const double fraction_fill[HEP_CURVE_N_POINTS] = { 0, 0.2, 0.2, 0.4, 0.6, 0.6 };
      /* §4.3 hemangioma_giant: the central cleft never fills */
      static const double cleft[HEP_CURVE_N_POINTS] = { 0, 0.00, 0.00, 0.02, 0.04, 0.02 };
      int size = hep_feature_set_get (features, HEP_FEATURE_SIZE);
      gboolean giant = size != HEP_FEATURE_UNSET && size > 50;
      const double *c = giant ? cleft : fill ? centre_fill : centre_still;
      const double *f = fill ? fraction_fill : fraction_still;

      /* Replace the lesion by mean + nodules + centre (hemangioma_typical),
       * or + central cleft (hemangioma_giant). */
      out->n_parts = 0;
      lesion = add_part (out, "whole_lesion_mean", N_("Whole lesion (mean)"), HEP_CURVE_ROLE_WHOLE, nodules);
      add_part (out, "peripheral_nodules", N_("Peripheral nodules"), HEP_CURVE_ROLE_NODULES, nodules);
      if (giant)
        add_part (out, "central_cleft", N_("Central cleft"), HEP_CURVE_ROLE_CENTRE, c);
      else
        add_part (out, "center", N_("Centre"), HEP_CURVE_ROLE_CENTRE, c);
      for (guint i = 0; i < HEP_CURVE_N_POINTS; i++)
        lesion->values[i] = f[i] * nodules[i] + (1 - f[i]) * c[i];
      out->centre_scale = giant ? 0.45 : 1.0;
      if (giant)
        add_rule (out, "giant-cleft");
      out->tp_gadoxetate_180 = 0.20;
      out->hepatocellular = FALSE;
      add_rule (out, fill ? "peripheral-nodular-fill" : "peripheral-nodular");
    }
  else if (fill)
    {
      lesion->values[HEP_CURVE_PHASE_PORTAL_VENOUS] =
        MAX (lesion->values[HEP_CURVE_PHASE_PORTAL_VENOUS], L[HEP_CURVE_PHASE_PORTAL_VENOUS] + 0.10);
      lesion->values[HEP_CURVE_PHASE_DELAYED] =
        MAX (lesion->values[HEP_CURVE_PHASE_DELAYED], L[HEP_CURVE_PHASE_DELAYED] + 0.20);
      add_rule (out, "centripetal-fill");
    }

  if (hep_feature_set_has (features, HEP_FEATURE_WASHOUT))
    {
      for (guint i = 0; i < out->n_parts; i++)
        {
          part = &out->parts[i];
          if (part->role != HEP_CURVE_ROLE_WHOLE && part->role != HEP_CURVE_ROLE_CENTRE)
            continue;
          part->values[HEP_CURVE_PHASE_PORTAL_VENOUS] = L[HEP_CURVE_PHASE_PORTAL_VENOUS] - 0.05;
          part->values[HEP_CURVE_PHASE_DELAYED] = L[HEP_CURVE_PHASE_DELAYED] - 0.07;
        }
      add_rule (out, "washout");
    }

  if (hep_feature_set_has (features, HEP_FEATURE_PERIPHERAL_WASHOUT))
    {
      part = find_role (out, HEP_CURVE_ROLE_RIM);
      if (part == NULL)
        part = &out->parts[0];
      part->values[HEP_CURVE_PHASE_DELAYED] = L[HEP_CURVE_PHASE_DELAYED] - 0.07;
      add_rule (out, "peripheral-washout");
    }

  if (hep_feature_set_has (features, HEP_FEATURE_DELAYED_CENTRAL_ENHANCEMENT))
    {
      HepCurvePart *centre;

      if (find_role (out, HEP_CURVE_ROLE_CENTRE) == NULL)
        make_rim (out);
      centre = ensure_centre (out, L);
      centre->values[HEP_CURVE_PHASE_PORTAL_VENOUS] = 0.15;
      centre->values[HEP_CURVE_PHASE_DELAYED] = MAX (0.30, L[HEP_CURVE_PHASE_DELAYED] + 0.07);
      add_rule (out, "delayed-central-enhancement");
    }

  if (hep_feature_set_has (features, HEP_FEATURE_NECROSIS))
    {
      HepCurvePart *centre;

      if (find_role (out, HEP_CURVE_ROLE_CENTRE) == NULL)
        make_rim (out);
      centre = ensure_centre (out, L);
      for (guint i = 0; i < HEP_CURVE_N_POINTS; i++)
        centre->values[i] = 0;
      add_rule (out, "necrosis");
    }

  if (hep_feature_set_has (features, HEP_FEATURE_CAPSULE) && out->n_parts < HEP_CURVE_MAX_PARTS)
    {
      double v[HEP_CURVE_N_POINTS] = { 0, 0.01, 0.05,
                                       L[HEP_CURVE_PHASE_PORTAL_VENOUS] + 0.03,
                                       L[HEP_CURVE_PHASE_DELAYED] + 0.09, 0.15 };

      add_part (out, "capsule_rim", N_("Capsule rim"), HEP_CURVE_ROLE_CAPSULE, v);
      add_rule (out, "capsule");
    }
  else if (hep_feature_set_has (features, HEP_FEATURE_NONENHANCING_CAPSULE) && out->n_parts < HEP_CURVE_MAX_PARTS)
    {
      static const double v[HEP_CURVE_N_POINTS] = { 0, 0.01, 0.03, 0.08, 0.08, 0.10 };

      add_part (out, "capsule_rim", N_("Nonenhancing capsule"), HEP_CURVE_ROLE_CAPSULE, v);
      add_rule (out, "nonenhancing-capsule");
    }

  if (hep_feature_set_has (features, HEP_FEATURE_CENTRAL_SCAR) && out->n_parts < HEP_CURVE_MAX_PARTS)
    {
      static const double v[HEP_CURVE_N_POINTS] = { 0, 0.00, 0.03, 0.15, 0.30, 0.15 };

      add_part (out, "central_scar", N_("Central scar"), HEP_CURVE_ROLE_SCAR, v);
      add_rule (out, "central-scar");
    }

  if (hep_feature_set_has (features, HEP_FEATURE_CORONA) && out->n_parts < HEP_CURVE_MAX_PARTS)
    {
      part = add_part (out, "perilesional_parenchyma", N_("Perilesional liver"),
                       HEP_CURVE_ROLE_SURROUNDINGS, L);
      part->values[HEP_CURVE_PHASE_EARLY_ARTERIAL] += 0.05;
      part->values[HEP_CURVE_PHASE_LATE_ARTERIAL] += 0.15;
      add_rule (out, "corona");
    }

  hbp = hep_feature_set_get (features, HEP_FEATURE_HBP);
  if (hbp == HEP_HBP_HYPO || hbp == HEP_HBP_ISO_HYPER)
    {
      double v = hbp == HEP_HBP_HYPO ? 0.25 * L[HEP_CURVE_PHASE_HBP] : L[HEP_CURVE_PHASE_HBP] + 0.05;

      for (guint i = 0; i < out->n_parts; i++)
        {
          HepCurveRole role = out->parts[i].role;

          if (role == HEP_CURVE_ROLE_WHOLE || role == HEP_CURVE_ROLE_RIM ||
              role == HEP_CURVE_ROLE_CENTRE || role == HEP_CURVE_ROLE_NODULES)
            out->parts[i].values[HEP_CURVE_PHASE_HBP] = v;
        }
      if (hbp == HEP_HBP_HYPO)
        out->hepatocellular = FALSE;
      add_rule (out, hbp == HEP_HBP_HYPO ? "hbp-hypo" : "hbp-iso-hyper");
    }
  else if (hbp == HEP_HBP_TARGETOID)
    {
      HepCurvePart *centre;

      if (find_role (out, HEP_CURVE_ROLE_CENTRE) == NULL)
        make_rim (out);
      centre = ensure_centre (out, L);
      out->parts[0].values[HEP_CURVE_PHASE_HBP] = 0.06;
      centre->values[HEP_CURVE_PHASE_HBP] = 0.18;
      out->hepatocellular = FALSE;
      add_rule (out, "hbp-targetoid");
    }

  if (hep_feature_set_has (features, HEP_FEATURE_TP_HYPO))
    {
      out->tp_gadoxetate_180 = L[HEP_CURVE_PHASE_DELAYED] - 0.05;
      add_rule (out, "tp-hypo");
    }

  if (hep_feature_set_has (features, HEP_FEATURE_T1_HYPER))
    {
      out->t1_hyper = TRUE;
      add_rule (out, "t1-hyper");
    }

  if (hep_feature_set_has (features, HEP_FEATURE_WEDGE_SHAPED))
    {
      out->shape = HEP_CURVE_SHAPE_WEDGE;
      add_rule (out, "wedge-shaped");
    }

  for (guint i = 0; i < out->n_parts; i++)
    for (guint j = 0; j < HEP_CURVE_N_POINTS; j++)
      if (!isnan (out->parts[i].values[j]))
        out->parts[i].values[j] = clip (out->parts[i].values[j]);
  only_what_is_given (out, features);
}
