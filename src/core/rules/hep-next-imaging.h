/* hep-next-imaging.h: the next imaging study for a liver lesion
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ACR Appropriateness Criteria, Liver Lesion–Initial Characterization,
 * revised 2020 (shared/clinical/clinical-rules.md §3), and LI-RADS US
 * surveillance categories (§2) for at-risk patients whose lesion was found
 * on US.
 *
 * Scenario tokens (parsed here, not part of HepFeatureSet):
 *   found-on=us|ct|mri   initial study: US; CT without contrast or single-phase;
 *                        MRI without contrast (§3.3)
 *   context=normal|known-malignancy|chronic-liver-disease
 *   us-vis=a|b|c         US LI-RADS visualization score
 *   us-benign            only definitely benign US observations (US-1)
 *   new-thrombus         new thrombus in a vein on US (US-3)
 * Feature tokens (hep-feature-set.h) are accepted too, so that one token
 * string feeds every engine. Of them this module reads: size (required),
 * risk, known-malignancy and age (context and US LI-RADS population),
 * definitely-benign (same as us-benign) and afp-raised (a note). Without
 * context=, the context is derived: risk=cirrhosis|hbv|prior-hcc gives
 * chronic-liver-disease, known-malignancy gives known-malignancy, risk=none
 * gives normal.
 *
 * Size: the 2020 variants say ">1 cm" and "<1 cm". This app maps exactly
 * 10 mm to the ">1 cm" variants [D] (as US LI-RADS counts ≥ 10 mm as
 * positive) and says so in the result.
 *
 * For teaching only; not for patient care.
 */

#pragma once

#include <glib.h>

#include "hep-feature-set.h"
#include "hep-provenance.h"

G_BEGIN_DECLS

typedef enum {
  HEP_FOUND_ON_UNSET,
  HEP_FOUND_ON_US,
  HEP_FOUND_ON_CT,
  HEP_FOUND_ON_MRI,
} HepFoundOn;

typedef enum {
  HEP_IMAGING_CONTEXT_UNSET,
  HEP_IMAGING_CONTEXT_NORMAL,
  HEP_IMAGING_CONTEXT_KNOWN_MALIGNANCY,
  HEP_IMAGING_CONTEXT_CHRONIC_LIVER_DISEASE,
} HepImagingContext;

typedef enum {
  HEP_US_VIS_UNSET,
  HEP_US_VIS_A,
  HEP_US_VIS_B,
  HEP_US_VIS_C,
} HepUsVisualization;

typedef enum {
  HEP_PROCEDURE_MRI_WO_W,
  HEP_PROCEDURE_MRI_WO,
  HEP_PROCEDURE_CT_MULTIPHASE,
  HEP_PROCEDURE_CT_WO,
  HEP_PROCEDURE_CT_WO_W,
  HEP_PROCEDURE_CEUS,
  HEP_PROCEDURE_US,
  HEP_PROCEDURE_BIOPSY,
  HEP_PROCEDURE_FDG_PET_CT,
  HEP_PROCEDURE_DOTATATE_PET_CT,
  HEP_PROCEDURE_RBC_SCAN,
  HEP_PROCEDURE_LIVER_SPLEEN_SCAN,
  HEP_PROCEDURE_OCTREOTIDE_SPECT,

  HEP_N_PROCEDURES
} HepProcedure;

/* Higher is better. NONE: no rating was seen in any source. */
typedef enum {
  HEP_RATING_NONE,
  HEP_RATING_USUALLY_NOT_APPROPRIATE,
  HEP_RATING_MAY_BE_APPROPRIATE,
  HEP_RATING_USUALLY_APPROPRIATE,
} HepRating;

/* ACR relative radiation level (§3.2), adult bands. */
typedef enum {
  HEP_RRL_0,
  HEP_RRL_1,
  HEP_RRL_2,
  HEP_RRL_3,
  HEP_RRL_4,
  HEP_RRL_5,
  HEP_RRL_VARIES,
} HepRrl;

typedef enum {
  HEP_US_LIRADS_NA,
  HEP_US_LIRADS_1,
  HEP_US_LIRADS_2,
  HEP_US_LIRADS_3,
} HepUsCategory;

typedef enum {
  HEP_US_REASON_NOT_AT_RISK,
  HEP_US_REASON_NOT_US,
  HEP_US_REASON_UNDER_18,
  HEP_US_REASON_NEW_THROMBUS,
  HEP_US_REASON_BENIGN,
  HEP_US_REASON_SUBTHRESHOLD,
  HEP_US_REASON_THRESHOLD,
} HepUsReason;

typedef struct {
  HepProcedure  procedure;
  HepRating     rating;
  HepProvenance provenance;  /* of the rating; UNCONFIRMED when none was seen */
  const char   *note;        /* translatable, or NULL */
} HepImagingEntry;

typedef struct {
  int                    number;           /* 1–12 */
  gboolean               number_inferred;  /* variants 3–12: numbering inferred (§3.3) */
  const char            *id;               /* "lt1cm-us-known-malignancy" */
  gboolean               larger;           /* > 1 cm */
  gboolean               on_us;            /* found on US (else CT or noncontrast MRI) */
  HepImagingContext      context;
  const char            *title;            /* translatable */
  const char            *status;           /* what was found, translatable */
  HepProvenance          provenance;       /* of the variant's best-sourced rating */
  gboolean               complete;         /* every procedure of the table was seen */
  const HepImagingEntry *seen;
  guint                  n_seen;
} HepImagingVariant;

typedef struct {
  HepFeatureSet      features;
  HepFoundOn         found_on;
  HepImagingContext  context;
  gboolean           context_derived;
  HepUsVisualization us_vis;
  gboolean           us_benign;
  gboolean           new_thrombus;
} HepImagingScenario;

typedef struct {
  const HepImagingVariant *variant;
  int                      size_mm;
  gboolean                 size_on_boundary;   /* exactly 10 mm */
  HepImagingEntry          entries[HEP_N_PROCEDURES];  /* the variant's table */
  guint                    n_entries;
  int                      best;               /* index into entries, or -1: no rating */
  HepUsCategory            us_category;
  HepUsReason              us_reason;
  HepUsVisualization       us_vis;
} HepNextImagingResult;

#define HEP_NEXT_IMAGING_ERROR (hep_next_imaging_error_quark ())

typedef enum {
  HEP_NEXT_IMAGING_ERROR_UNKNOWN_TOKEN,
  HEP_NEXT_IMAGING_ERROR_BAD_VALUE,
  HEP_NEXT_IMAGING_ERROR_MISSING,
  HEP_NEXT_IMAGING_ERROR_CONFLICT,
} HepNextImagingError;

#define HEP_ACR_AC_LABEL "ACR Appropriateness Criteria, Liver Lesion–Initial Characterization (ACR AC, revised 2020)"

GQuark             hep_next_imaging_error_quark    (void);

void               hep_imaging_scenario_init       (HepImagingScenario  *self);
gboolean           hep_imaging_scenario_parse_strv (HepImagingScenario  *self,
                                                    const char * const  *tokens,
                                                    GError             **error);

/* Checks a scenario filled in by hand (features, found_on, context …) and
 * derives the context from the features when it is unset, as parsing does. */
gboolean           hep_imaging_scenario_complete   (HepImagingScenario  *self,
                                                    GError             **error);

const HepImagingVariant *hep_next_imaging_evaluate (const HepImagingScenario *scenario,
                                                    HepNextImagingResult     *result);
const HepImagingVariant *hep_next_imaging_get_variants (guint           *n_variants);
const HepImagingVariant *hep_next_imaging_find_variant (int               size_mm,
                                                        HepFoundOn        found_on,
                                                        HepImagingContext context);
const HepImagingEntry   *hep_next_imaging_result_find (const HepNextImagingResult *result,
                                                       HepProcedure                procedure);

const char        *hep_procedure_to_string         (HepProcedure         procedure);
gboolean           hep_procedure_from_string       (const char          *text,
                                                    HepProcedure        *procedure);
const char        *hep_procedure_get_label         (HepProcedure         procedure);
HepRrl             hep_procedure_get_rrl           (HepProcedure         procedure);

const char        *hep_rating_to_string            (HepRating            rating);
const char        *hep_rating_get_label            (HepRating            rating);

const char        *hep_rrl_to_string               (HepRrl               rrl);
const char        *hep_rrl_get_symbol              (HepRrl               rrl);
const char        *hep_rrl_get_dose                (HepRrl               rrl);
HepProvenance      hep_rrl_get_provenance          (HepRrl               rrl);

const char        *hep_found_on_to_string          (HepFoundOn           found_on);
const char        *hep_imaging_context_to_string   (HepImagingContext    context);

const char        *hep_us_category_to_string       (HepUsCategory        category);
const char        *hep_us_category_get_meaning     (HepUsCategory        category);
const char        *hep_us_category_get_next_step   (HepUsCategory        category,
                                                    HepProvenance       *provenance);
const char        *hep_us_reason_describe          (HepUsReason          reason);
const char        *hep_us_vis_to_string            (HepUsVisualization   vis);
const char        *hep_us_vis_get_meaning          (HepUsVisualization   vis);

const char        *hep_next_imaging_get_verify_note   (void);
const char        *hep_next_imaging_get_boundary_note (void);

G_END_DECLS
