/* hep-lirads.h: LI-RADS v2018 CT/MRI diagnostic categories
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Implements shared/clinical/clinical-rules.md §1: population gate, Step 1 in
 * its exact order (LR-NC, LR-TIV, LR-1, LR-2, targetoid LR-M, diagnostic
 * table, nontargetoid LR-M), Step 2 ancillary features. Step 3 (tiebreaking)
 * needs no code: features are either present or absent, and "unsure" is
 * entered as absent (§1.10).
 *
 * For teaching only; not for patient care.
 */

#pragma once

#include <glib.h>

#include "hep-feature-set.h"
#include "hep-provenance.h"

G_BEGIN_DECLS

typedef enum {
  HEP_LIRADS_NA,     /* LI-RADS does not apply */
  HEP_LIRADS_NC,
  HEP_LIRADS_TIV,
  HEP_LIRADS_1,
  HEP_LIRADS_2,
  HEP_LIRADS_3,
  HEP_LIRADS_4,
  HEP_LIRADS_5,
  HEP_LIRADS_M,

  HEP_N_LIRADS_CATEGORIES
} HepLiradsCategory;

/* Every rule the engine applies, in the order of the algorithm. Each has a
 * stable id, a title and a source (hep_lirads_rule_get_*). */
typedef enum {
  HEP_LIRADS_RULE_POPULATION,
  HEP_LIRADS_RULE_NC,
  HEP_LIRADS_RULE_TIV,
  HEP_LIRADS_RULE_LR1,
  HEP_LIRADS_RULE_LR2,
  HEP_LIRADS_RULE_LRM_TARGETOID,
  HEP_LIRADS_RULE_TABLE,
  HEP_LIRADS_RULE_LRM_NONTARGETOID,
  HEP_LIRADS_RULE_AF_NONE,
  HEP_LIRADS_RULE_AF_UPGRADE,
  HEP_LIRADS_RULE_AF_CEILING,
  HEP_LIRADS_RULE_AF_DOWNGRADE,
  HEP_LIRADS_RULE_AF_FLOOR,
  HEP_LIRADS_RULE_AF_CONFLICT,
  HEP_LIRADS_RULE_AF_NOT_APPLICABLE,

  HEP_N_LIRADS_RULES
} HepLiradsRule;

/* Why the population step decided as it did. */
typedef enum {
  HEP_LIRADS_POPULATION_AT_RISK,
  HEP_LIRADS_POPULATION_NO_RISK_GIVEN,
  HEP_LIRADS_POPULATION_NO_RISK,
  HEP_LIRADS_POPULATION_UNDER_18,
  HEP_LIRADS_POPULATION_EXCLUDED_CAUSE,
} HepLiradsPopulation;

/* The columns of the diagnostic table. */
typedef enum {
  HEP_LIRADS_COLUMN_NO_APHE_LT20,
  HEP_LIRADS_COLUMN_NO_APHE_GE20,
  HEP_LIRADS_COLUMN_NONRIM_LT10,
  HEP_LIRADS_COLUMN_NONRIM_10_19,
  HEP_LIRADS_COLUMN_NONRIM_GE20,
} HepLiradsColumn;

/* Groups of ancillary features (clinical-rules.md §1.9). */
typedef enum {
  HEP_LIRADS_AF_MALIGNANCY,   /* favoring malignancy in general */
  HEP_LIRADS_AF_HCC,          /* favoring HCC in particular */
  HEP_LIRADS_AF_BENIGN,       /* favoring benignity */
} HepLiradsAfGroup;

/* One concept of the LI-RADS rules mapped onto the token vocabulary: the
 * concept holds when feature == value (value 0 for a flag means "present"). */
typedef enum {
  HEP_LIRADS_ROLE_LRM_TARGETOID,
  HEP_LIRADS_ROLE_LRM_NONTARGETOID,
  HEP_LIRADS_ROLE_AF_MALIGNANCY,
  HEP_LIRADS_ROLE_AF_HCC,
  HEP_LIRADS_ROLE_AF_BENIGN,
} HepLiradsRole;

typedef struct {
  HepLiradsRole role;
  const char   *concept;        /* LI-RADS wording, translatable */
  HepFeature    feature;
  int           value;          /* 0 = flag present, else the CHOICE value */
} HepLiradsMapping;

typedef guint64 HepFeatureMask;
#define HEP_FEATURE_BIT(f) (G_GUINT64_CONSTANT (1) << (f))
G_STATIC_ASSERT (HEP_N_FEATURES <= 64);

typedef struct {
  HepLiradsRule     rule;
  gboolean          matched;   /* the step's condition held */
  HepLiradsCategory category;  /* category after this step; NA while undecided */
  HepFeatureMask    features;  /* the features this step found */
  int               detail;    /* population: HepLiradsPopulation; table: HepLiradsColumn;
                                * TIV: probable cause, a HepLiradsCategory of the mass */
  int               n_major;   /* table: number of additional major features */
  HepFeatureMask    af_benign; /* ancillary steps */
  HepFeatureMask    af_malignant;
  gboolean          size_assumed; /* table: size not given, taken as < 10 mm */
  gboolean          age_assumed;  /* population: age not given, taken as adult */
} HepLiradsStep;

#define HEP_LIRADS_MAX_STEPS 10

typedef struct {
  HepLiradsCategory category;
  gboolean          applicable;
  guint             n_steps;
  HepLiradsStep     steps[HEP_LIRADS_MAX_STEPS];
} HepLiradsResult;

/* One single feature change that would change the category. */
typedef struct {
  HepFeature        feature;
  int               value;     /* the new value */
  HepLiradsCategory category;  /* the category it would give */
} HepLiradsCounterfactual;

HepLiradsCategory hep_lirads_evaluate              (const HepFeatureSet *features,
                                                    HepLiradsResult     *result);
GArray           *hep_lirads_counterfactuals        (const HepFeatureSet *features);

const char       *hep_lirads_category_to_string    (HepLiradsCategory    category);
gboolean          hep_lirads_category_from_string  (const char          *text,
                                                    HepLiradsCategory   *category);
const char       *hep_lirads_category_get_meaning  (HepLiradsCategory    category);
const char       *hep_lirads_category_get_management (HepLiradsCategory  category,
                                                    HepProvenance       *provenance);

const char       *hep_lirads_rule_get_id           (HepLiradsRule        rule);
const char       *hep_lirads_rule_get_title        (HepLiradsRule        rule);
const char       *hep_lirads_rule_get_source       (HepLiradsRule        rule);
HepProvenance     hep_lirads_rule_get_provenance   (HepLiradsRule        rule);

char             *hep_lirads_step_describe         (const HepLiradsStep *step);
char             *hep_lirads_counterfactual_describe (const HepLiradsCounterfactual *cf);
gboolean          hep_lirads_counterfactual_is_imaging (const HepLiradsCounterfactual *cf);

const HepLiradsMapping *hep_lirads_get_mappings    (guint               *n_mappings);
const char       *hep_lirads_role_get_label        (HepLiradsRole        role);
HepFeatureMask    hep_lirads_find_role             (const HepFeatureSet *features,
                                                    HepLiradsRole        role);

/* Threshold growth (clinical-rules.md §1.4). */
typedef enum {
  HEP_LIRADS_GROWTH_NONE,
  HEP_LIRADS_GROWTH_THRESHOLD,
  HEP_LIRADS_GROWTH_SUBTHRESHOLD,
  HEP_LIRADS_GROWTH_NOT_ASSESSABLE,
} HepLiradsGrowth;

HepLiradsGrowth   hep_lirads_classify_growth       (int                  prior_mm,
                                                    int                  current_mm,
                                                    int                  interval_months,
                                                    gboolean             prior_was_ct_or_mri);
const char       *hep_lirads_growth_to_string      (HepLiradsGrowth      growth);

#define HEP_LIRADS_VERSION_LABEL "LI-RADS v2018 (CT/MRI)"

G_END_DECLS
