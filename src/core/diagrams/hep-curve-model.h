/* hep-curve-model.h: schematic time–intensity curves of focal liver lesions
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The numbers are the schematic curves of clinical-rules.md §4.3, transcribed
 * as a static table [D]. They are *schematic, not measured*: chosen to show
 * the qualitative relationships of §4.2 (APHE, washout, capsule, fill-in…),
 * not fitted to data. Every diagram drawn from them says so.
 *
 * Scale: enhancement above the precontrast baseline, 1.0 ≈ +200 HU on CT (or
 * the ECA-MRI equivalent), clipped to [0, 1]. Points 0–4 (0–180 s) are
 * extracellular-agent kinetics; point 5 (1200 s) is the gadoxetate
 * hepatobiliary phase on a separate MR relative-signal scale where normal
 * liver ≈ 0.65. A value that is not given is NAN (hep_curve_value_is_set()).
 *
 * Synthesis from a HepFeatureSet (hep_curve_set_synthesize), rules in order;
 * L is the background liver, A the aorta (blood pool). Each applied rule adds
 * its id to HepCurveSet.rules. All amounts are [D] design choices made to match
 * the archetypes of §4.3, so the same feature draws the same shape:
 *
 *   background   risk=cirrhosis, risk=hbv or risk=prior-hcc → liver_cirrhotic,
 *                otherwise liver_normal (the HCC-risk liver enhances less in
 *                PVP and takes up less gadoxetate).
 *   baseline     with no feature the lesion is iso to L in every ECA phase and
 *                its HBP value is not given (NAN): no feature, no difference.
 *   no-enhancement        the lesion is 0 in every phase, HBP included (simple
 *                cyst); every other rule is skipped — nothing can enhance.
 *   parallels-blood-pool  the lesion follows A from 20 to 180 s (flash-filling
 *                hemangioma), HBP 0.10 (non-hepatocellular), TP 0.22.
 *   aphe=nonrim  lesion(20) = L + 0.05, lesion(35) = L(35) + 0.30: the lesion
 *                is brighter than liver in the late arterial phase.
 *   aphe=rim     the lesion splits into a rim (periphery) and a centre: rim(35)
 *                = L(35) + 0.15, centre(35) = 0.05 (< L): the periphery is the
 *                most enhancing part (targetoid, as met_hypovascular / icc).
 *   aphe=none    lesion(35) = L(35) − 0.05: not brighter than liver.
 *   peripheral-nodular    parts: whole lesion (mean), peripheral nodules and
 *                centre. The nodules follow A (0.55, 0.95, 0.70, 0.45 at
 *                20–180 s) like hemangioma_typical; the centre stays near 0.
 *   centripetal-fill      with nodules: the centre rises (0.20 at 70 s, 0.40 at
 *                180 s) and the fill fraction of the mean grows 0.2 → 0.4 →
 *                0.6, giving the whole-lesion mean of hemangioma_typical.
 *   giant-cleft  peripheral nodules in a lesion over 50 mm (size=, the upper
 *                bound of §4.2's "giant: > 4–5 cm"): the centre is the
 *                hemangioma_giant central cleft, which never fills (0, 0,
 *                0, 0.02, 0.04; a smaller disc, radius 0.45): fill-in, if
 *                any, reaches the periphery only.
 *                Without nodules: the lesion rises to at least L + 0.10 at
 *                70 s and L + 0.20 at 180 s (progressive fill-in).
 *   washout      nonperipheral: lesion(70) = L(70) − 0.05 and lesion(180) =
 *                L(180) − 0.07, on the whole lesion and on the centre (HCC).
 *   peripheral-washout    the rim (or, without a rim, the lesion) at 180 s =
 *                L(180) − 0.07: the periphery fades below liver late.
 *   capsule      adds a capsule rim (0.01, 0.05, L(70) + 0.03, L(180) + 0.09,
 *                HBP 0.15): brighter than liver in PVP and DP (hcc_classic).
 *   nonenhancing-capsule  adds a capsule rim that stays below liver.
 *   delayed-central-enhancement  a centre part (created if needed) that rises
 *                from 0.15 at 70 s to max(0.30, L(180) + 0.07) at 180 s,
 *                ending above liver (fibrous stroma, icc_mass_forming).
 *   central-scar adds a central scar (0, 0.03, 0.15, 0.30, HBP 0.15), spared in
 *                AP and enhancing late (FNH).
 *   necrosis     the centre (created if needed) does not enhance.
 *   corona       adds the surrounding parenchyma: L + 0.05 / + 0.15 at 20 /
 *                35 s, L afterwards.
 *   hbp=hypo     the lesion (every lesion part) HBP = 0.25 × L(HBP) (< L).
 *   hbp=iso-hyper         lesion HBP = L(HBP) + 0.05 (≥ L).
 *   hbp=targetoid         rim HBP 0.06, centre HBP 0.18 (peripheral hypo,
 *                central retention; centre and rim created if needed).
 *   tp-hypo      tp_gadoxetate_180 = L(180) − 0.05 (pseudo-washout in TP).
 *   wedge-shaped the phase strip draws a peripheral wedge, not a round mass.
 *   t1-hyper     HepCurveSet.t1_hyper: the phase strip's precontrast tile
 *                shows the lesion brighter than liver (not a curve value).
 *   given        last, always: without hbp= no part has an HBP value (not
 *                given: an extracellular agent, or no HBP acquired), and
 *                without hbp= or tp-hypo no gadoxetate TP marker is drawn.
 *                The shapes above take HBP and TP values from the archetypes
 *                they follow; a diagram says only what the features say.
 *
 * Other features (T2, DWI, fat, iron, size, context…) do not move these
 * curves: intrinsic signal is shown as badges, not in the curves (§4.3).
 */

#pragma once

#include <glib.h>

#include "hep-feature-set.h"
#include "hep-provenance.h"

G_BEGIN_DECLS

#define HEP_CURVE_N_POINTS 6
#define HEP_CURVE_MAX_PARTS 5
#define HEP_CURVE_MAX_RULES 24

/* The sample points; times are hep_curve_get_time(). */
typedef enum {
  HEP_CURVE_PHASE_PRE,
  HEP_CURVE_PHASE_EARLY_ARTERIAL,
  HEP_CURVE_PHASE_LATE_ARTERIAL,
  HEP_CURVE_PHASE_PORTAL_VENOUS,
  HEP_CURVE_PHASE_DELAYED,
  HEP_CURVE_PHASE_HBP,
} HepCurvePhase;

typedef enum {
  HEP_CURVE_REF_AORTA,
  HEP_CURVE_REF_LIVER_NORMAL,
  HEP_CURVE_REF_LIVER_CIRRHOTIC,

  HEP_CURVE_N_REFS
} HepCurveReference;

/* What a part of a lesion is, for drawing it in the phase strip. */
typedef enum {
  HEP_CURVE_ROLE_WHOLE,         /* the whole lesion, or its mean */
  HEP_CURVE_ROLE_RIM,           /* rim, periphery, wall */
  HEP_CURVE_ROLE_CENTRE,        /* core, centre, cavity, cleft */
  HEP_CURVE_ROLE_NODULES,       /* peripheral discontinuous nodules */
  HEP_CURVE_ROLE_SCAR,          /* central scar */
  HEP_CURVE_ROLE_CAPSULE,       /* capsule rim */
  HEP_CURVE_ROLE_SURROUNDINGS,  /* perilesional parenchyma */
} HepCurveRole;

typedef enum {
  HEP_CURVE_SHAPE_ROUND,
  HEP_CURVE_SHAPE_WEDGE,        /* peripheral wedge (THAD) */
  HEP_CURVE_SHAPE_MULTIPLE,     /* several small lesions (hamartomas) */
  HEP_CURVE_SHAPE_GEOGRAPHIC,   /* focal fat, fat sparing */
} HepCurveShape;

typedef struct {
  const char   *id;       /* the §4.3 key, e.g. "capsule_rim" */
  const char   *label;    /* untranslated; translate with _() */
  HepCurveRole  role;
  gboolean      variant;  /* an alternative look ("if large"), not drawn in the strip */
  double        values[HEP_CURVE_N_POINTS];
} HepCurvePart;

/* One lesion's curves. parts[0] is the primary curve, the one a comparison
 * overlay draws. */
typedef struct {
  const char        *id;          /* archetype id ("hcc-classic") or "features" */
  const char        *spec_key;    /* §4.3 key ("hcc_classic"), NULL when synthesized */
  const char        *label;       /* untranslated */
  HepCurveReference  background;
  gboolean           hepatocellular;
  HepCurveShape      shape;
  double             centre_scale;        /* radius of the centre part / lesion radius */
  double             tp_gadoxetate_180;   /* NAN when not given */
  guint              n_parts;
  HepCurvePart       parts[HEP_CURVE_MAX_PARTS];
  guint              n_rules;             /* synthesis rules applied */
  const char        *rules[HEP_CURVE_MAX_RULES];
  /* Intrinsic T1 hyperintensity (t1-hyper): not a curve value (§4.3: not
   * in the curves), drawn as the phase strip's precontrast tile. */
  gboolean           t1_hyper;
} HepCurveSet;

double             hep_curve_get_time              (HepCurvePhase      phase);
const char        *hep_curve_phase_get_label       (HepCurvePhase      phase);
gboolean           hep_curve_value_is_set          (double             value);

const char        *hep_curve_reference_get_id      (HepCurveReference  ref);
const char        *hep_curve_reference_get_label   (HepCurveReference  ref);
const double      *hep_curve_reference_get_values  (HepCurveReference  ref);
double             hep_curve_reference_get         (HepCurveReference  ref,
                                                    HepCurvePhase      phase);

/* The archetypes of §4.3, in table order. */
guint              hep_curve_get_n_archetypes      (void);
const HepCurveSet *hep_curve_get_archetype         (guint              index);
const HepCurveSet *hep_curve_lookup_archetype      (const char        *id);
/* "hcc-classic, hcc-hbp-iso, …" for error messages; free with g_free(). */
char              *hep_curve_describe_archetype_ids (void);
/* The default archetype of a differential diagnosis id (hcc, fnh, adenoma…);
 * NULL for an unknown id. */
const HepCurveSet *hep_curve_archetype_for_diagnosis (const char      *diagnosis_id);

const char        *hep_curve_get_source            (void);
HepProvenance      hep_curve_get_provenance        (void);

/* Part access. */
const HepCurvePart *hep_curve_set_find_role        (const HepCurveSet *self,
                                                    HepCurveRole       role);
const HepCurvePart *hep_curve_set_find_part        (const HepCurveSet *self,
                                                    const char        *part_id);
double             hep_curve_set_background        (const HepCurveSet *self,
                                                    HepCurvePhase      phase);

/* Fills @out from @features following the rules above. */
void               hep_curve_set_synthesize        (HepCurveSet         *out,
                                                    const HepFeatureSet *features);

G_END_DECLS
