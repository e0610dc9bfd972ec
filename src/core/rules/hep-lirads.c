/* hep-lirads.c: LI-RADS v2018 CT/MRI diagnostic algorithm
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Rule ids cite shared/clinical/clinical-rules.md. The evaluation allocates
 * nothing, so the live panel can re-run it for every toggle and for every
 * counterfactual.
 */

#include "config.h"

#include "hep-lirads.h"

#include <glib/gi18n-lib.h>

/* ---- rules as data ------------------------------------------------------- */

typedef struct {
  const char   *id;
  const char   *title;   /* translatable */
  const char   *source;
  HepProvenance provenance;
} RuleInfo;

#define SRC_CORE "LI-RADS v2018 CT/MRI Core"

static const RuleInfo rules[HEP_N_LIRADS_RULES] = {
  [HEP_LIRADS_RULE_POPULATION] =
    { "lirads.population", N_("Population: patients at high risk of HCC"),
      SRC_CORE ", population (clinical-rules §1.2)", HEP_PROVENANCE_PRIMARY },
  [HEP_LIRADS_RULE_NC] =
    { "lirads.step1.nc", N_("Step 1: not categorizable"),
      SRC_CORE ", diagnostic algorithm, Step 1 (clinical-rules §1.5)", HEP_PROVENANCE_PRIMARY },
  [HEP_LIRADS_RULE_TIV] =
    { "lirads.step1.tiv", N_("Step 1: tumor in vein"),
      SRC_CORE ", LR-TIV (clinical-rules §1.8)", HEP_PROVENANCE_SECONDARY },
  [HEP_LIRADS_RULE_LR1] =
    { "lirads.step1.lr1", N_("Step 1: definitely benign"),
      SRC_CORE ", diagnostic algorithm, Step 1 (clinical-rules §1.5)", HEP_PROVENANCE_PRIMARY },
  [HEP_LIRADS_RULE_LR2] =
    { "lirads.step1.lr2", N_("Step 1: probably benign"),
      SRC_CORE ", diagnostic algorithm, Step 1 (clinical-rules §1.5)", HEP_PROVENANCE_PRIMARY },
  [HEP_LIRADS_RULE_LRM_TARGETOID] =
    { "lirads.step1.lrm-targetoid", N_("Step 1: LR-M, targetoid mass"),
      SRC_CORE ", LR-M criteria, targetoid (clinical-rules §1.7 A)", HEP_PROVENANCE_PRIMARY },
  [HEP_LIRADS_RULE_TABLE] =
    { "lirads.step1.table", N_("Step 1: diagnostic table"),
      SRC_CORE ", diagnostic table (clinical-rules §1.6)", HEP_PROVENANCE_PRIMARY },
  [HEP_LIRADS_RULE_LRM_NONTARGETOID] =
    { "lirads.step1.lrm-nontargetoid", N_("Step 1: LR-M, nontargetoid mass not meeting LR-5"),
      SRC_CORE " p.22, LR-M criteria, nontargetoid (clinical-rules §1.7 B)", HEP_PROVENANCE_SECONDARY },
  [HEP_LIRADS_RULE_AF_NONE] =
    { "lirads.step2.none", N_("Step 2: no ancillary features"),
      SRC_CORE " p.9, ancillary features (clinical-rules §1.9 rules 1, 6)", HEP_PROVENANCE_SECONDARY },
  [HEP_LIRADS_RULE_AF_UPGRADE] =
    { "lirads.step2.upgrade", N_("Step 2: upgrade by one category"),
      SRC_CORE " p.9, ancillary features (clinical-rules §1.9 rule 2)", HEP_PROVENANCE_SECONDARY },
  [HEP_LIRADS_RULE_AF_CEILING] =
    { "lirads.step2.ceiling", N_("Step 2: no upgrade beyond LR-4"),
      SRC_CORE " p.9, ancillary features (clinical-rules §1.9 rule 2)", HEP_PROVENANCE_SECONDARY },
  [HEP_LIRADS_RULE_AF_DOWNGRADE] =
    { "lirads.step2.downgrade", N_("Step 2: downgrade by one category"),
      SRC_CORE " p.9, ancillary features (clinical-rules §1.9 rule 3)", HEP_PROVENANCE_SECONDARY },
  [HEP_LIRADS_RULE_AF_FLOOR] =
    { "lirads.step2.floor", N_("Step 2: no downgrade below LR-1"),
      SRC_CORE " p.9, ancillary features (clinical-rules §1.9 rule 3)", HEP_PROVENANCE_SECONDARY },
  [HEP_LIRADS_RULE_AF_CONFLICT] =
    { "lirads.step2.conflict", N_("Step 2: conflicting ancillary features"),
      SRC_CORE " p.9, ancillary features (clinical-rules §1.9 rule 4)", HEP_PROVENANCE_SECONDARY },
  [HEP_LIRADS_RULE_AF_NOT_APPLICABLE] =
    { "lirads.step2.not-applicable", N_("Step 2: ancillary features do not apply"),
      SRC_CORE " p.9, ancillary features (clinical-rules §1.9 rule 7)", HEP_PROVENANCE_SECONDARY },
};

/* The LI-RADS concepts of clinical-rules.md §1.7 and §1.9 mapped onto tokens.
 * This is the one place the mapping lives; README.md shows it. */
static const HepLiradsMapping mappings[] = {
  /* §1.7 A: targetoid LR-M features */
  { HEP_LIRADS_ROLE_LRM_TARGETOID, N_("rim APHE"), HEP_FEATURE_APHE, HEP_APHE_RIM },
  { HEP_LIRADS_ROLE_LRM_TARGETOID, N_("peripheral washout"), HEP_FEATURE_PERIPHERAL_WASHOUT, 0 },
  { HEP_LIRADS_ROLE_LRM_TARGETOID, N_("delayed central enhancement"), HEP_FEATURE_DELAYED_CENTRAL_ENHANCEMENT, 0 },
  { HEP_LIRADS_ROLE_LRM_TARGETOID, N_("targetoid restriction on DWI"), HEP_FEATURE_DWI, HEP_DWI_TARGETOID },
  { HEP_LIRADS_ROLE_LRM_TARGETOID, N_("targetoid appearance in the transitional phase or HBP"), HEP_FEATURE_HBP, HEP_HBP_TARGETOID },
  /* §1.7 B: nontargetoid LR-M features */
  { HEP_LIRADS_ROLE_LRM_NONTARGETOID, N_("infiltrative appearance"), HEP_FEATURE_INFILTRATIVE, 0 },
  { HEP_LIRADS_ROLE_LRM_NONTARGETOID, N_("marked diffusion restriction"), HEP_FEATURE_DWI, HEP_DWI_MARKED },
  { HEP_LIRADS_ROLE_LRM_NONTARGETOID, N_("necrosis or severe ischemia"), HEP_FEATURE_NECROSIS, 0 },
  { HEP_LIRADS_ROLE_LRM_NONTARGETOID, N_("other feature suggesting non-HCC malignancy"), HEP_FEATURE_OTHER_NON_HCC, 0 },
  /* §1.9: ancillary features favoring malignancy in general */
  { HEP_LIRADS_ROLE_AF_MALIGNANCY, N_("US visibility as a discrete nodule"), HEP_FEATURE_US_VISIBLE, 0 },
  { HEP_LIRADS_ROLE_AF_MALIGNANCY, N_("subthreshold growth"), HEP_FEATURE_SUBTHRESHOLD_GROWTH, 0 },
  { HEP_LIRADS_ROLE_AF_MALIGNANCY, N_("corona enhancement"), HEP_FEATURE_CORONA, 0 },
  { HEP_LIRADS_ROLE_AF_MALIGNANCY, N_("fat sparing in a solid mass"), HEP_FEATURE_FAT_SPARING, 0 },
  { HEP_LIRADS_ROLE_AF_MALIGNANCY, N_("restricted diffusion"), HEP_FEATURE_DWI, HEP_DWI_RESTRICTED },
  { HEP_LIRADS_ROLE_AF_MALIGNANCY, N_("restricted diffusion"), HEP_FEATURE_DWI, HEP_DWI_MARKED },
  { HEP_LIRADS_ROLE_AF_MALIGNANCY, N_("mild–moderate T2 hyperintensity"), HEP_FEATURE_T2, HEP_T2_MILD_MODERATE },
  { HEP_LIRADS_ROLE_AF_MALIGNANCY, N_("iron sparing in a solid mass"), HEP_FEATURE_IRON_SPARING, 0 },
  { HEP_LIRADS_ROLE_AF_MALIGNANCY, N_("transitional-phase hypointensity"), HEP_FEATURE_TP_HYPO, 0 },
  { HEP_LIRADS_ROLE_AF_MALIGNANCY, N_("hepatobiliary-phase hypointensity"), HEP_FEATURE_HBP, HEP_HBP_HYPO },
  /* §1.9: ancillary features favoring HCC in particular */
  { HEP_LIRADS_ROLE_AF_HCC, N_("nonenhancing capsule"), HEP_FEATURE_NONENHANCING_CAPSULE, 0 },
  { HEP_LIRADS_ROLE_AF_HCC, N_("nodule-in-nodule appearance"), HEP_FEATURE_NODULE_IN_NODULE, 0 },
  { HEP_LIRADS_ROLE_AF_HCC, N_("mosaic architecture"), HEP_FEATURE_MOSAIC, 0 },
  { HEP_LIRADS_ROLE_AF_HCC, N_("blood products in mass"), HEP_FEATURE_BLOOD_PRODUCTS, 0 },
  { HEP_LIRADS_ROLE_AF_HCC, N_("fat in mass, more than adjacent liver"), HEP_FEATURE_FAT_IN_MASS, 0 },
  /* §1.9: ancillary features favoring benignity */
  { HEP_LIRADS_ROLE_AF_BENIGN, N_("size stability ≥ 2 years"), HEP_FEATURE_SIZE_STABLE_2Y, 0 },
  { HEP_LIRADS_ROLE_AF_BENIGN, N_("size reduction"), HEP_FEATURE_SIZE_REDUCTION, 0 },
  { HEP_LIRADS_ROLE_AF_BENIGN, N_("parallels blood pool"), HEP_FEATURE_PARALLELS_BLOOD_POOL, 0 },
  { HEP_LIRADS_ROLE_AF_BENIGN, N_("undistorted vessels"), HEP_FEATURE_UNDISTORTED_VESSELS, 0 },
  { HEP_LIRADS_ROLE_AF_BENIGN, N_("iron in mass, more than liver"), HEP_FEATURE_IRON_IN_MASS, 0 },
  { HEP_LIRADS_ROLE_AF_BENIGN, N_("marked T2 hyperintensity"), HEP_FEATURE_T2, HEP_T2_MARKED },
  { HEP_LIRADS_ROLE_AF_BENIGN, N_("hepatobiliary-phase isointensity"), HEP_FEATURE_HBP, HEP_HBP_ISO_HYPER },
};

G_STATIC_ASSERT (G_N_ELEMENTS (mappings) <= 64);

/* Bits over mappings[] of the concepts that hold for @fs in @role. */
static HepFeatureMask
find_role (const HepFeatureSet *fs,
           HepLiradsRole        role)
{
  HepFeatureMask mask = 0;

  for (guint i = 0; i < G_N_ELEMENTS (mappings); i++)
    {
      const HepLiradsMapping *m = &mappings[i];
      int v = fs->values[m->feature];

      if (m->role != role)
        continue;
      if (m->value == 0 ? v != 0 : v == m->value)
        mask |= G_GUINT64_CONSTANT (1) << i;
    }
  return mask;
}

HepFeatureMask
hep_lirads_find_role (const HepFeatureSet *features,
                      HepLiradsRole        role)
{
  g_return_val_if_fail (features != NULL, 0);
  return find_role (features, role);
}

const HepLiradsMapping *
hep_lirads_get_mappings (guint *n_mappings)
{
  if (n_mappings != NULL)
    *n_mappings = G_N_ELEMENTS (mappings);
  return mappings;
}

const char *
hep_lirads_role_get_label (HepLiradsRole role)
{
  switch (role)
    {
    case HEP_LIRADS_ROLE_LRM_TARGETOID:    return _("LR-M, targetoid");
    case HEP_LIRADS_ROLE_LRM_NONTARGETOID: return _("LR-M, nontargetoid");
    case HEP_LIRADS_ROLE_AF_MALIGNANCY:    return _("Ancillary feature favoring malignancy in general");
    case HEP_LIRADS_ROLE_AF_HCC:           return _("Ancillary feature favoring HCC in particular");
    case HEP_LIRADS_ROLE_AF_BENIGN:        return _("Ancillary feature favoring benignity");
    default:                               g_return_val_if_reached (NULL);
    }
}

/* ---- the algorithm ------------------------------------------------------- */

/* clinical-rules.md §1.6, the diagnostic table. */
static HepLiradsCategory
diagnostic_table (gboolean aphe_nonrim,
                  int      size_mm,
                  gboolean washout,
                  gboolean capsule,
                  gboolean tg,
                  int     *column)
{
  int n = (int) washout + (int) capsule + (int) tg;

  if (!aphe_nonrim)
    {
      if (size_mm < 20)
        {
          *column = HEP_LIRADS_COLUMN_NO_APHE_LT20;
          return n >= 2 ? HEP_LIRADS_4 : HEP_LIRADS_3;
        }
      *column = HEP_LIRADS_COLUMN_NO_APHE_GE20;
      return n >= 1 ? HEP_LIRADS_4 : HEP_LIRADS_3;
    }
  if (size_mm < 10)
    {
      *column = HEP_LIRADS_COLUMN_NONRIM_LT10;
      return n >= 1 ? HEP_LIRADS_4 : HEP_LIRADS_3;
    }
  if (size_mm < 20)
    {
      *column = HEP_LIRADS_COLUMN_NONRIM_10_19;
      if (n == 0)
        return HEP_LIRADS_3;
      if (n >= 2)
        return HEP_LIRADS_5;
      return (washout || tg) ? HEP_LIRADS_5 : HEP_LIRADS_4;  /* capsule alone: LR-4 */
    }
  *column = HEP_LIRADS_COLUMN_NONRIM_GE20;
  return n >= 1 ? HEP_LIRADS_5 : HEP_LIRADS_4;
}

static HepLiradsStep *
push_step (HepLiradsResult *result,
           HepLiradsRule    rule)
{
  HepLiradsStep *step;

  g_assert (result->n_steps < HEP_LIRADS_MAX_STEPS);
  step = &result->steps[result->n_steps++];
  *step = (HepLiradsStep) { .rule = rule, .category = HEP_LIRADS_NA };
  return step;
}

static HepLiradsCategory
finish (HepLiradsResult   *result,
        HepLiradsCategory  category)
{
  result->category = category;
  return category;
}

/* Step 2 (clinical-rules.md §1.9) on a category from Step 1. */
static HepLiradsCategory
apply_ancillary (const HepFeatureSet *fs,
                 HepLiradsResult     *result,
                 HepLiradsCategory    base)
{
  HepLiradsStep *step;
  HepFeatureMask malignant = find_role (fs, HEP_LIRADS_ROLE_AF_MALIGNANCY) |
                             find_role (fs, HEP_LIRADS_ROLE_AF_HCC);
  HepFeatureMask benign = find_role (fs, HEP_LIRADS_ROLE_AF_BENIGN);
  HepLiradsCategory category = base;
  HepLiradsRule rule;

  if (base < HEP_LIRADS_1 || base > HEP_LIRADS_5)
    rule = HEP_LIRADS_RULE_AF_NOT_APPLICABLE;
  else if (malignant != 0 && benign != 0)
    rule = HEP_LIRADS_RULE_AF_CONFLICT;
  else if (malignant != 0 && base >= HEP_LIRADS_4)
    rule = HEP_LIRADS_RULE_AF_CEILING;
  else if (malignant != 0)
    {
      rule = HEP_LIRADS_RULE_AF_UPGRADE;
      category = base + 1;
    }
  else if (benign != 0 && base == HEP_LIRADS_1)
    rule = HEP_LIRADS_RULE_AF_FLOOR;
  else if (benign != 0)
    {
      rule = HEP_LIRADS_RULE_AF_DOWNGRADE;
      category = base - 1;
    }
  else
    rule = HEP_LIRADS_RULE_AF_NONE;

  step = push_step (result, rule);
  step->matched = category != base;
  step->category = category;
  step->af_malignant = malignant;
  step->af_benign = benign;
  return finish (result, category);
}

static gboolean
population_gate (const HepFeatureSet *fs,
                 HepLiradsStep       *step)
{
  int risk = fs->values[HEP_FEATURE_RISK];
  int age = fs->values[HEP_FEATURE_AGE];
  gboolean excluded = fs->values[HEP_FEATURE_LIRADS_EXCLUDED] != 0;

  step->features = HEP_FEATURE_BIT (HEP_FEATURE_RISK);
  if (risk == HEP_RISK_UNSET)
    step->detail = HEP_LIRADS_POPULATION_NO_RISK_GIVEN;
  else if (risk == HEP_RISK_NONE)
    step->detail = HEP_LIRADS_POPULATION_NO_RISK;
  else if (risk == HEP_RISK_CIRRHOSIS && excluded)
    {
      /* The excluded causes disqualify cirrhosis as the risk factor; chronic
       * HBV and current or prior HCC qualify with or without cirrhosis. */
      step->detail = HEP_LIRADS_POPULATION_EXCLUDED_CAUSE;
      step->features |= HEP_FEATURE_BIT (HEP_FEATURE_LIRADS_EXCLUDED);
    }
  else if (age != HEP_FEATURE_UNSET && age < 18)
    {
      step->detail = HEP_LIRADS_POPULATION_UNDER_18;
      step->features |= HEP_FEATURE_BIT (HEP_FEATURE_AGE);
    }
  else
    {
      step->detail = HEP_LIRADS_POPULATION_AT_RISK;
      step->age_assumed = age == HEP_FEATURE_UNSET;
      if (excluded)
        step->features |= HEP_FEATURE_BIT (HEP_FEATURE_LIRADS_EXCLUDED);
    }

  step->matched = step->detail == HEP_LIRADS_POPULATION_AT_RISK;
  return step->matched;
}

/* Step 1 and Step 2, clinical-rules.md §1.13. @result may be NULL. */
HepLiradsCategory
hep_lirads_evaluate (const HepFeatureSet *fs,
                     HepLiradsResult     *result)
{
  HepLiradsResult scratch;
  HepLiradsStep *step;
  HepFeatureMask mask;
  HepLiradsCategory base;
  int size;
  gboolean washout, capsule, tg, nonrim;

  g_return_val_if_fail (fs != NULL, HEP_LIRADS_NA);

  if (result == NULL)
    result = &scratch;
  result->n_steps = 0;
  result->applicable = FALSE;

  step = push_step (result, HEP_LIRADS_RULE_POPULATION);
  if (!population_gate (fs, step))
    return finish (result, HEP_LIRADS_NA);
  result->applicable = TRUE;

  /* 1. LR-NC */
  step = push_step (result, HEP_LIRADS_RULE_NC);
  if (fs->values[HEP_FEATURE_NOT_CATEGORIZABLE])
    {
      step->matched = TRUE;
      step->category = HEP_LIRADS_NC;
      step->features = HEP_FEATURE_BIT (HEP_FEATURE_NOT_CATEGORIZABLE);
      return apply_ancillary (fs, result, HEP_LIRADS_NC);
    }

  /* 2. LR-TIV, before every other category */
  step = push_step (result, HEP_LIRADS_RULE_TIV);
  if (fs->values[HEP_FEATURE_TIV])
    {
      HepFeatureSet mass = *fs;

      mass.values[HEP_FEATURE_TIV] = 0;
      step->matched = TRUE;
      step->category = HEP_LIRADS_TIV;
      step->features = HEP_FEATURE_BIT (HEP_FEATURE_TIV);
      /* §1.8: the likely cause follows the contiguous parenchymal mass */
      step->detail = fs->values[HEP_FEATURE_SIZE] > 0 ? hep_lirads_evaluate (&mass, NULL) : HEP_LIRADS_NA;
      return apply_ancillary (fs, result, HEP_LIRADS_TIV);
    }

  /* 3. LR-1, 4. LR-2: the reader's judgment */
  step = push_step (result, HEP_LIRADS_RULE_LR1);
  if (fs->values[HEP_FEATURE_DEFINITELY_BENIGN])
    {
      step->matched = TRUE;
      step->category = HEP_LIRADS_1;
      step->features = HEP_FEATURE_BIT (HEP_FEATURE_DEFINITELY_BENIGN);
      return apply_ancillary (fs, result, HEP_LIRADS_1);
    }
  step = push_step (result, HEP_LIRADS_RULE_LR2);
  if (fs->values[HEP_FEATURE_PROBABLY_BENIGN])
    {
      step->matched = TRUE;
      step->category = HEP_LIRADS_2;
      step->features = HEP_FEATURE_BIT (HEP_FEATURE_PROBABLY_BENIGN);
      return apply_ancillary (fs, result, HEP_LIRADS_2);
    }

  /* 5a. LR-M, targetoid: whatever the major features */
  step = push_step (result, HEP_LIRADS_RULE_LRM_TARGETOID);
  mask = find_role (fs, HEP_LIRADS_ROLE_LRM_TARGETOID);
  if (mask != 0)
    {
      step->matched = TRUE;
      step->category = HEP_LIRADS_M;
      step->af_malignant = mask;
      return apply_ancillary (fs, result, HEP_LIRADS_M);
    }

  /* 6. the diagnostic table. Size not given: the < 10 mm column, the one of
   * lowest certainty (§1.10). */
  step = push_step (result, HEP_LIRADS_RULE_TABLE);
  size = fs->values[HEP_FEATURE_SIZE];
  step->size_assumed = size == HEP_FEATURE_UNSET;
  if (step->size_assumed)
    size = 0;
  nonrim = fs->values[HEP_FEATURE_APHE] == HEP_APHE_NONRIM;
  washout = fs->values[HEP_FEATURE_WASHOUT] != 0;
  capsule = fs->values[HEP_FEATURE_CAPSULE] != 0;
  tg = fs->values[HEP_FEATURE_THRESHOLD_GROWTH] != 0;
  base = diagnostic_table (nonrim, size, washout, capsule, tg, &step->detail);
  step->matched = TRUE;
  step->category = base;
  step->n_major = (int) washout + (int) capsule + (int) tg;
  step->features = HEP_FEATURE_BIT (HEP_FEATURE_APHE) | HEP_FEATURE_BIT (HEP_FEATURE_SIZE);
  if (washout)
    step->features |= HEP_FEATURE_BIT (HEP_FEATURE_WASHOUT);
  if (capsule)
    step->features |= HEP_FEATURE_BIT (HEP_FEATURE_CAPSULE);
  if (tg)
    step->features |= HEP_FEATURE_BIT (HEP_FEATURE_THRESHOLD_GROWTH);

  /* 5b. LR-M, nontargetoid: only when LR-5 is not met (§1.7 B) */
  step = push_step (result, HEP_LIRADS_RULE_LRM_NONTARGETOID);
  mask = find_role (fs, HEP_LIRADS_ROLE_LRM_NONTARGETOID);
  step->af_malignant = mask;
  step->category = base;
  if (mask != 0 && base != HEP_LIRADS_5)
    {
      step->matched = TRUE;
      step->category = HEP_LIRADS_M;
      return apply_ancillary (fs, result, HEP_LIRADS_M);
    }

  /* Step 2 */
  return apply_ancillary (fs, result, base);
}

/* ---- counterfactuals ----------------------------------------------------- */

static void
try_change (GArray              *out,
            const HepFeatureSet *fs,
            HepLiradsCategory    current,
            HepFeature           feature,
            int                  value)
{
  HepFeatureSet changed = *fs;
  HepLiradsCounterfactual cf;

  if (fs->values[feature] == value)
    return;
  changed.values[feature] = (gint16) value;
  cf.feature = feature;
  cf.value = value;
  cf.category = hep_lirads_evaluate (&changed, NULL);
  if (cf.category != current)
    g_array_append_val (out, cf);
}

/* Every single feature change that changes the category, in vocabulary
 * order: each flag toggled, each other choice value, and for size the value
 * nearest to the current one in each other band (< 10, 10–19, ≥ 20 mm; the
 * category changes at no other size), below before above. Age is tried
 * across 18 when given. */
GArray *
hep_lirads_counterfactuals (const HepFeatureSet *fs)
{
  GArray *out;
  HepLiradsCategory current;

  g_return_val_if_fail (fs != NULL, NULL);

  out = g_array_new (FALSE, FALSE, sizeof (HepLiradsCounterfactual));
  current = hep_lirads_evaluate (fs, NULL);

  for (guint i = 0; i < HEP_N_FEATURES; i++)
    {
      HepFeature f = (HepFeature) i;
      int v = fs->values[f];

      switch (hep_feature_get_kind (f))
        {
        case HEP_FEATURE_KIND_FLAG:
          try_change (out, fs, current, f, v ? 0 : 1);
          break;

        case HEP_FEATURE_KIND_CHOICE:
          for (int c = 1; c <= (int) hep_feature_get_n_choices (f); c++)
            try_change (out, fs, current, f, c);
          break;

        case HEP_FEATURE_KIND_INT:
          if (f == HEP_FEATURE_SIZE)
            {
              /* one probe per other band, at its edge nearest the current size */
              int s = v == HEP_FEATURE_UNSET ? 0 : v;

              if (s >= 20)
                try_change (out, fs, current, f, 19);
              if (s >= 10)
                try_change (out, fs, current, f, 9);
              if (s < 10)
                try_change (out, fs, current, f, 10);
              if (s < 20)
                try_change (out, fs, current, f, 20);
            }
          else if (f == HEP_FEATURE_AGE && v != HEP_FEATURE_UNSET)
            try_change (out, fs, current, f, v >= 18 ? 17 : 18);
          break;

        default:
          g_assert_not_reached ();
        }
    }

  return out;
}

/* Imaging changes, as opposed to population and reader-judgment changes. */
gboolean
hep_lirads_counterfactual_is_imaging (const HepLiradsCounterfactual *cf)
{
  HepFeatureGroup g = hep_feature_get_group (cf->feature);

  return g != HEP_FEATURE_GROUP_CONTEXT && g != HEP_FEATURE_GROUP_JUDGMENT;
}

char *
hep_lirads_counterfactual_describe (const HepLiradsCounterfactual *cf)
{
  g_autofree char *token = hep_feature_format_value (cf->feature, cf->value);

  /* Translators: "washout → LR-5" */
  return g_strdup_printf (_("%s → %s"), token, hep_lirads_category_to_string (cf->category));
}

/* ---- threshold growth ---------------------------------------------------- */

/* clinical-rules.md §1.4: threshold growth is a size increase of a mass by
 * ≥ 50% in ≤ 6 months against a prior CT or MRI. Any other unequivocal
 * increase, and a new observation (@prior_mm == 0), is subthreshold growth. */
HepLiradsGrowth
hep_lirads_classify_growth (int      prior_mm,
                            int      current_mm,
                            int      interval_months,
                            gboolean prior_was_ct_or_mri)
{
  g_return_val_if_fail (prior_mm >= 0 && current_mm >= 0 && interval_months >= 0,
                        HEP_LIRADS_GROWTH_NOT_ASSESSABLE);

  if (prior_mm == 0)
    return current_mm > 0 ? HEP_LIRADS_GROWTH_SUBTHRESHOLD : HEP_LIRADS_GROWTH_NONE;
  if (!prior_was_ct_or_mri)
    return HEP_LIRADS_GROWTH_NOT_ASSESSABLE;
  if (current_mm <= prior_mm)
    return HEP_LIRADS_GROWTH_NONE;
  if (interval_months <= 6 && 2 * (current_mm - prior_mm) >= prior_mm)
    return HEP_LIRADS_GROWTH_THRESHOLD;
  return HEP_LIRADS_GROWTH_SUBTHRESHOLD;
}

const char *
hep_lirads_growth_to_string (HepLiradsGrowth growth)
{
  switch (growth)
    {
    case HEP_LIRADS_GROWTH_NONE:           return "none";
    case HEP_LIRADS_GROWTH_THRESHOLD:      return "threshold-growth";
    case HEP_LIRADS_GROWTH_SUBTHRESHOLD:   return "subthreshold-growth";
    case HEP_LIRADS_GROWTH_NOT_ASSESSABLE: return "not-assessable";
    default:                               g_return_val_if_reached (NULL);
    }
}

/* ---- names and text ------------------------------------------------------ */

static const char *category_ids[HEP_N_LIRADS_CATEGORIES] = {
  "NA", "LR-NC", "LR-TIV", "LR-1", "LR-2", "LR-3", "LR-4", "LR-5", "LR-M",
};

const char *
hep_lirads_category_to_string (HepLiradsCategory category)
{
  g_return_val_if_fail ((guint) category < HEP_N_LIRADS_CATEGORIES, "NA");
  return category_ids[category];
}

gboolean
hep_lirads_category_from_string (const char        *text,
                                 HepLiradsCategory *category)
{
  g_return_val_if_fail (text != NULL, FALSE);

  for (guint i = 0; i < HEP_N_LIRADS_CATEGORIES; i++)
    {
      if (g_ascii_strcasecmp (text, category_ids[i]) == 0)
        {
          if (category != NULL)
            *category = (HepLiradsCategory) i;
          return TRUE;
        }
    }
  return FALSE;
}

const char *
hep_lirads_category_get_meaning (HepLiradsCategory category)
{
  switch (category)
    {
    case HEP_LIRADS_NA:  return _("LI-RADS not applicable");
    case HEP_LIRADS_NC:  return _("Not categorizable");
    case HEP_LIRADS_TIV: return _("Tumor in vein");
    case HEP_LIRADS_1:   return _("Definitely benign");
    case HEP_LIRADS_2:   return _("Probably benign");
    case HEP_LIRADS_3:   return _("Intermediate probability of malignancy");
    case HEP_LIRADS_4:   return _("Probably HCC");
    case HEP_LIRADS_5:   return _("Definitely HCC");
    case HEP_LIRADS_M:   return _("Probably or definitely malignant, not HCC-specific");
    default:             g_return_val_if_reached (NULL);
    }
}

/* clinical-rules.md §1.3, paraphrased; wording tagged [K] or [S/K] there is
 * returned as unconfirmed. */
const char *
hep_lirads_category_get_management (HepLiradsCategory  category,
                                    HepProvenance     *provenance)
{
  HepProvenance p;
  const char *text;

  switch (category)
    {
    case HEP_LIRADS_NA:
      p = HEP_PROVENANCE_DESIGN;
      text = _("Use the general differential and the ACR Appropriateness Criteria pathway");
      break;
    case HEP_LIRADS_NC:
      p = HEP_PROVENANCE_UNCONFIRMED;
      text = _("Repeat or alternative diagnostic imaging in 3 months or less");
      break;
    case HEP_LIRADS_TIV:
      p = HEP_PROVENANCE_UNCONFIRMED;
      text = _("Multidisciplinary discussion for a tailored work-up, which may include biopsy");
      break;
    case HEP_LIRADS_1:
      p = HEP_PROVENANCE_UNCONFIRMED;
      text = _("Return to surveillance in 6 months");
      break;
    case HEP_LIRADS_2:
      p = HEP_PROVENANCE_SECONDARY;
      text = _("Return to surveillance in 6 months; consider repeat diagnostic imaging in 6 months or less");
      break;
    case HEP_LIRADS_3:
      p = HEP_PROVENANCE_UNCONFIRMED;
      text = _("Repeat or alternative diagnostic imaging in 3–6 months");
      break;
    case HEP_LIRADS_4:
      p = HEP_PROVENANCE_UNCONFIRMED;
      text = _("Multidisciplinary discussion for a tailored work-up: repeat or alternative imaging in 3 months or less, biopsy, or treatment");
      break;
    case HEP_LIRADS_5:
      p = HEP_PROVENANCE_SECONDARY;
      text = _("HCC diagnosis without biopsy; multidisciplinary discussion for consensus management");
      break;
    case HEP_LIRADS_M:
      p = HEP_PROVENANCE_SECONDARY;
      text = _("Multidisciplinary discussion for a tailored work-up, which often includes biopsy");
      break;
    default:
      g_return_val_if_reached (NULL);
    }

  if (provenance != NULL)
    *provenance = p;
  return text;
}

const char *
hep_lirads_rule_get_id (HepLiradsRule rule)
{
  g_return_val_if_fail ((guint) rule < HEP_N_LIRADS_RULES, NULL);
  return rules[rule].id;
}

const char *
hep_lirads_rule_get_title (HepLiradsRule rule)
{
  g_return_val_if_fail ((guint) rule < HEP_N_LIRADS_RULES, NULL);
  return g_dgettext (GETTEXT_PACKAGE, rules[rule].title);
}

const char *
hep_lirads_rule_get_source (HepLiradsRule rule)
{
  g_return_val_if_fail ((guint) rule < HEP_N_LIRADS_RULES, NULL);
  return rules[rule].source;
}

HepProvenance
hep_lirads_rule_get_provenance (HepLiradsRule rule)
{
  g_return_val_if_fail ((guint) rule < HEP_N_LIRADS_RULES, HEP_PROVENANCE_UNCONFIRMED);
  return rules[rule].provenance;
}

/* "rim APHE, peripheral washout" from bits over mappings[] */
static char *
join_concepts (HepFeatureMask mask)
{
  GString *s = g_string_new (NULL);
  const char *last = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (mappings); i++)
    {
      const char *concept;

      if (!(mask & (G_GUINT64_CONSTANT (1) << i)))
        continue;
      concept = g_dgettext (GETTEXT_PACKAGE, mappings[i].concept);
      if (last != NULL && g_str_equal (last, concept))
        continue;
      if (s->len > 0)
        g_string_append (s, ", ");
      g_string_append (s, concept);
      last = concept;
    }
  return g_string_free (s, FALSE);
}

static const char *
column_label (int column)
{
  switch (column)
    {
    case HEP_LIRADS_COLUMN_NO_APHE_LT20: return _("no APHE, < 20 mm");
    case HEP_LIRADS_COLUMN_NO_APHE_GE20: return _("no APHE, ≥ 20 mm");
    case HEP_LIRADS_COLUMN_NONRIM_LT10:  return _("nonrim APHE, < 10 mm");
    case HEP_LIRADS_COLUMN_NONRIM_10_19: return _("nonrim APHE, 10–19 mm");
    case HEP_LIRADS_COLUMN_NONRIM_GE20:  return _("nonrim APHE, ≥ 20 mm");
    default:                             g_return_val_if_reached (NULL);
    }
}

static char *
describe_population (const HepLiradsStep *step)
{
  switch (step->detail)
    {
    case HEP_LIRADS_POPULATION_AT_RISK:
      {
        const char *why = (step->features & HEP_FEATURE_BIT (HEP_FEATURE_LIRADS_EXCLUDED))
          ? _(" (an excluded cause of cirrhosis does not remove this criterion)")
          : "";
        const char *age = step->age_assumed ? _(" Age not given: taken as adult.") : "";

        return g_strdup_printf (_("At high risk of HCC%s: LI-RADS applies.%s"), why, age);
      }
    case HEP_LIRADS_POPULATION_NO_RISK_GIVEN:
      return g_strdup (_("No HCC risk factor given: LI-RADS CT/MRI applies only to cirrhosis, chronic hepatitis B, or current or prior HCC."));
    case HEP_LIRADS_POPULATION_NO_RISK:
      return g_strdup (_("No HCC risk factor: LI-RADS does not apply; use the general differential."));
    case HEP_LIRADS_POPULATION_UNDER_18:
      return g_strdup (_("Patient under 18: LI-RADS does not apply."));
    case HEP_LIRADS_POPULATION_EXCLUDED_CAUSE:
      return g_strdup (_("Cirrhosis from congenital hepatic fibrosis or a vascular disorder: LI-RADS does not apply (these livers grow benign FNH-like nodules that mimic HCC)."));
    default:
      g_return_val_if_reached (NULL);
    }
}

/* One sentence that says what the step found and what it decided. */
char *
hep_lirads_step_describe (const HepLiradsStep *step)
{
  g_autofree char *list = NULL;
  g_autofree char *list2 = NULL;
  const char *cat = hep_lirads_category_to_string (step->category);

  g_return_val_if_fail (step != NULL, NULL);

  switch (step->rule)
    {
    case HEP_LIRADS_RULE_POPULATION:
      return describe_population (step);

    case HEP_LIRADS_RULE_NC:
      return step->matched
        ? g_strdup (_("Not categorizable because of image degradation or omission → LR-NC."))
        : g_strdup (_("Categorizable."));

    case HEP_LIRADS_RULE_TIV:
      if (!step->matched)
        return g_strdup (_("No definite tumor in vein."));
      switch (step->detail)
        {
        case HEP_LIRADS_5:
          return g_strdup (_("Tumor in vein → LR-TIV, definitely due to HCC (the contiguous mass meets LR-5)."));
        case HEP_LIRADS_M:
          return g_strdup (_("Tumor in vein → LR-TIV, may be due to non-HCC malignancy (the contiguous mass is LR-M)."));
        default:
          return g_strdup (_("Tumor in vein → LR-TIV, probably due to HCC."));
        }

    case HEP_LIRADS_RULE_LR1:
      return step->matched
        ? g_strdup (_("Judged definitely benign → LR-1."))
        : g_strdup (_("Not judged definitely benign."));

    case HEP_LIRADS_RULE_LR2:
      return step->matched
        ? g_strdup (_("Judged probably benign → LR-2."))
        : g_strdup (_("Not judged probably benign."));

    case HEP_LIRADS_RULE_LRM_TARGETOID:
      if (!step->matched)
        return g_strdup (_("No targetoid feature."));
      list = join_concepts (step->af_malignant);
      return g_strdup_printf (_("Targetoid mass (%s) → LR-M, whatever its major features."), list);

    case HEP_LIRADS_RULE_TABLE:
      {
        GString *s = g_string_new (NULL);
        GPtrArray *major = g_ptr_array_new ();

        if (step->features & HEP_FEATURE_BIT (HEP_FEATURE_CAPSULE))
          g_ptr_array_add (major, (gpointer) _("enhancing capsule"));
        if (step->features & HEP_FEATURE_BIT (HEP_FEATURE_WASHOUT))
          g_ptr_array_add (major, (gpointer) _("nonperipheral washout"));
        if (step->features & HEP_FEATURE_BIT (HEP_FEATURE_THRESHOLD_GROWTH))
          g_ptr_array_add (major, (gpointer) _("threshold growth"));
        g_ptr_array_add (major, NULL);
        list = g_strjoinv (", ", (char **) major->pdata);
        g_ptr_array_free (major, TRUE);

        if (step->n_major == 0)
          g_string_append_printf (s, _("Diagnostic table: %s, no additional major feature → %s."),
                                  column_label (step->detail), cat);
        else
          g_string_append_printf (s, g_dngettext (GETTEXT_PACKAGE,
                                                  "Diagnostic table: %s, %d additional major feature (%s) → %s.",
                                                  "Diagnostic table: %s, %d additional major features (%s) → %s.",
                                                  step->n_major),
                                  column_label (step->detail), step->n_major, list, cat);
        if (step->detail == HEP_LIRADS_COLUMN_NONRIM_10_19 && step->n_major == 1)
          g_string_append (s, _(" In this cell capsule alone gives LR-4; washout or threshold growth alone gives LR-5."));
        if (step->size_assumed)
          g_string_append (s, _(" Size not given: the < 10 mm column, the one of lowest certainty, was used."));
        return g_string_free (s, FALSE);
      }

    case HEP_LIRADS_RULE_LRM_NONTARGETOID:
      if (step->af_malignant == 0)
        return g_strdup (_("No nontargetoid LR-M feature."));
      list = join_concepts (step->af_malignant);
      if (step->matched)
        return g_strdup_printf (_("Nontargetoid LR-M feature (%s) and LR-5 criteria not met → LR-M."), list);
      return g_strdup_printf (_("Nontargetoid LR-M feature (%s), but LR-5 criteria are met: stays LR-5 (HCC can look like this)."), list);

    case HEP_LIRADS_RULE_AF_NONE:
      return g_strdup_printf (_("No ancillary features: stays %s."), cat);

    case HEP_LIRADS_RULE_AF_UPGRADE:
      list = join_concepts (step->af_malignant);
      return g_strdup_printf (_("Ancillary features favoring malignancy (%s) → up one category to %s."), list, cat);

    case HEP_LIRADS_RULE_AF_CEILING:
      list = join_concepts (step->af_malignant);
      return g_strdup_printf (_("Ancillary features favoring malignancy (%s) never upgrade beyond LR-4 and never create LR-5: stays %s."), list, cat);

    case HEP_LIRADS_RULE_AF_DOWNGRADE:
      list = join_concepts (step->af_benign);
      return g_strdup_printf (_("Ancillary features favoring benignity (%s) → down one category to %s."), list, cat);

    case HEP_LIRADS_RULE_AF_FLOOR:
      list = join_concepts (step->af_benign);
      return g_strdup_printf (_("Ancillary features favoring benignity (%s): already LR-1."), list);

    case HEP_LIRADS_RULE_AF_CONFLICT:
      list = join_concepts (step->af_malignant);
      list2 = join_concepts (step->af_benign);
      return g_strdup_printf (_("Ancillary features favoring malignancy (%s) and benignity (%s) conflict: no adjustment, stays %s."),
                              list, list2, cat);

    case HEP_LIRADS_RULE_AF_NOT_APPLICABLE:
      if (step->af_malignant == 0 && step->af_benign == 0)
        return g_strdup_printf (_("Ancillary features do not apply to %s."), cat);
      list = join_concepts (step->af_malignant | step->af_benign);
      return g_strdup_printf (_("Ancillary features do not apply to %s (present but not used: %s)."), cat, list);

    default:
      g_return_val_if_reached (NULL);
    }
}
