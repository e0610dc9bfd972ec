/* hep-ddx-rules.c: the rules of the differential reasoner, as data
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every table cites shared/clinical/clinical-rules.md. The matrix (§5.1) is
 * an expert synthesis tagged [K] there, so every cell is UNCONFIRMED and shown
 * as "unverified". The cell texts are the spec's, verbatim;
 * tests/data/ddx-matrix.md holds the spec table and tests/core/test-ddx.c
 * compares the two cell by cell.
 *
 * This is the one place where the spec's feature rows meet the token
 * vocabulary (hep-feature-set.h); README.md shows the mapping, and
 * `hepatica-cli ddx --rules` prints it.
 */

#include "config.h"

#include "hep-ddx-private.h"

#include <glib/gi18n-lib.h>

#define F(f)    { f, HEP_DDX_FLAG }
#define C(f, v) { f, HEP_DDX_VALUE (v) }
#define NONE    { { { 0, 0 } }, 0, FALSE }

/* clinical-rules.md §5.1 (revised 2026-12-06), one row per feature
 * predicate, in the spec's order. Columns in HepDdxDiagnosis order: HCC,
 * HyperMet, HypoMet, Hem, FNH, HCA, Cyst, BH, Absc, iCCA, Fat, THAD.
 *
 * Mapping notes [D]:
 * - HBP hypointensity is two rows since the revision: uniform (hbp=hypo) and
 *   targetoid (hbp=targetoid); each token makes exactly one of them hold.
 * - "Wedge/geographic … undistorted vessels" holds for wedge-shaped or
 *   undistorted-vessels (scored once when both are given).
 * - "Capsular retraction / peripheral duct dilatation" is the one token
 *   capsular-retraction, whose description covers both.
 * - count=single has no row: one lesion is no evidence either way. */
const HepDdxRow _hep_ddx_rows[] = {
  { "ddx.matrix.nonrim-aphe",
    "Nonrim APHE",
    N_("Nonrim APHE"),
    { { C (HEP_FEATURE_APHE, HEP_APHE_NONRIM) }, 1, FALSE },
    { "++", "+", "−", "+ (flash)", "++", "+ (I-HCA ++)", "−−", "−−", "−", "−", "−−", "+" },
    HEP_PROVENANCE_UNCONFIRMED },
  { "ddx.matrix.no-aphe",
    "No arterial-phase hyperenhancement, stated (`aphe=none`) (rev. 2026-12-06)",
    N_("No arterial-phase hyperenhancement"),
    { { C (HEP_FEATURE_APHE, HEP_APHE_NONE) }, 1, FALSE },
    { "− (hypovascular HCC)", "−−", "+", "0 (judge by the nodular pattern)", "−−", "−", "+", "+", "− (wall and rim usually enhance)", "0", "+", "−−" },
    HEP_PROVENANCE_UNCONFIRMED },
  { "ddx.matrix.rim-aphe",
    "Rim APHE",
    N_("Rim APHE"),
    { { C (HEP_FEATURE_APHE, HEP_APHE_RIM) }, 1, FALSE },
    { "−", "+", "++", "−", "−−", "−", "−−", "0 (thin rim)", "++ (wall)", "++", "−−", "−−" },
    HEP_PROVENANCE_UNCONFIRMED },
  { "ddx.matrix.peripheral-nodular",
    "Peripheral discontinuous nodular enhancement (blood-pool intensity)",
    N_("Peripheral discontinuous nodular enhancement"),
    { { F (HEP_FEATURE_PERIPHERAL_NODULAR) }, 1, FALSE },
    { "−−", "−", "−", "++", "−−", "−−", "−−", "−−", "−−", "−", "−−", "−−" },
    HEP_PROVENANCE_UNCONFIRMED },
  { "ddx.matrix.centripetal-fill",
    "Centripetal/progressive fill-in",
    N_("Centripetal fill-in"),
    { { F (HEP_FEATURE_CENTRIPETAL_FILL) }, 1, FALSE },
    { "−", "−", "+ (fibrotic core)", "++", "−−", "−", "−−", "−−", "−−", "+", "−−", "−−" },
    HEP_PROVENANCE_UNCONFIRMED },
  { "ddx.matrix.washout",
    "Nonperipheral washout",
    N_("Nonperipheral washout"),
    { { F (HEP_FEATURE_WASHOUT) }, 1, FALSE },
    { "++", "+", "0", "−− (ECA)*", "−−", "− (β-cat +)", "−−", "−−", "−", "−", "−−", "−−" },
    HEP_PROVENANCE_UNCONFIRMED },
  { "ddx.matrix.peripheral-washout",
    "Peripheral washout",
    N_("Peripheral washout"),
    { { F (HEP_FEATURE_PERIPHERAL_WASHOUT) }, 1, FALSE },
    { "−", "+", "+", "−−", "−−", "−−", "−−", "−−", "−", "+", "−−", "−−" },
    HEP_PROVENANCE_UNCONFIRMED },
  { "ddx.matrix.capsule",
    "Enhancing capsule",
    N_("Enhancing capsule"),
    { { F (HEP_FEATURE_CAPSULE) }, 1, FALSE },
    { "++", "−", "−", "−−", "−−", "−", "−−", "−−", "0 (wall ≠ capsule)", "−", "−−", "−−" },
    HEP_PROVENANCE_UNCONFIRMED },
  { "ddx.matrix.central-scar",
    "Central scar (T2-bright, delayed enhancing)",
    N_("Central scar"),
    { { F (HEP_FEATURE_CENTRAL_SCAR) }, 1, FALSE },
    { "−", "−", "−", "0 (giant: non-enhancing cleft)", "++", "−", "−−", "−−", "−−", "+ (central fibrosis)", "−−", "−−" },
    HEP_PROVENANCE_UNCONFIRMED },
  { "ddx.matrix.t2-marked",
    "Marked T2 hyperintensity (\"light bulb\")",
    N_("Marked T2 hyperintensity"),
    { { C (HEP_FEATURE_T2, HEP_T2_MARKED) }, 1, FALSE },
    { "−−", "0/+ (NET, cystic)", "−", "++", "−−", "−", "++", "++", "+ (cavity)", "−", "−−", "−−" },
    HEP_PROVENANCE_UNCONFIRMED },
  { "ddx.matrix.dwi-targetoid",
    "Targetoid DWI",
    N_("Targetoid DWI"),
    { { C (HEP_FEATURE_DWI, HEP_DWI_TARGETOID) }, 1, FALSE },
    { "−", "+", "++", "−−", "−−", "−−", "−−", "−−", "+ (cavity restricts)", "++", "−−", "−−" },
    HEP_PROVENANCE_UNCONFIRMED },
  { "ddx.matrix.dwi-marked",
    "Marked restriction (very low ADC)",
    N_("Marked restriction"),
    { { C (HEP_FEATURE_DWI, HEP_DWI_MARKED) }, 1, FALSE },
    { "−", "+", "+", "−− (shine-through)", "−−", "−", "−−", "−−", "++ (pus)", "+", "−−", "−−" },
    HEP_PROVENANCE_UNCONFIRMED },
  { "ddx.matrix.hbp-hypo",
    "HBP hypointensity, uniform (`hbp=hypo`) (rev. 2026-12-06: split from targetoid; plain darkness argues only against FNH, focal fat and perfusion anomalies)",
    N_("HBP hypointensity, uniform"),
    { { C (HEP_FEATURE_HBP, HEP_HBP_HYPO) }, 1, FALSE },
    { "+", "+", "+", "+ (pitfall)", "−−", "+", "+", "+", "+", "+", "−−", "−−" },
    HEP_PROVENANCE_UNCONFIRMED },
  { "ddx.matrix.hbp-targetoid",
    "HBP or transitional-phase targetoid appearance (`hbp=targetoid`) (rev. 2026-12-06)",
    N_("HBP or transitional-phase targetoid appearance"),
    { { C (HEP_FEATURE_HBP, HEP_HBP_TARGETOID) }, 1, FALSE },
    { "−", "+", "++", "−−", "−−", "−−", "−−", "−−", "+", "++", "−−", "−−" },
    HEP_PROVENANCE_UNCONFIRMED },
  { "ddx.matrix.hbp-iso-hyper",
    "HBP iso/hyperintensity",
    N_("HBP iso/hyperintensity"),
    { { C (HEP_FEATURE_HBP, HEP_HBP_ISO_HYPER) }, 1, FALSE },
    { "0 (15–20%)", "−−", "−−", "−−", "++", "0 (β-cat/some I-HCA)", "−−", "−−", "−−", "− (central cloud)", "++", "++" },
    HEP_PROVENANCE_UNCONFIRMED },
  { "ddx.matrix.fat-in-mass",
    "Intralesional fat (OP drop)",
    N_("Intralesional fat"),
    { { F (HEP_FEATURE_FAT_IN_MASS) }, 1, FALSE },
    { "+", "−", "−−", "−−", "−−", "++ (HNF1α)", "−−", "−−", "−−", "−−", "++", "0" },
    HEP_PROVENANCE_UNCONFIRMED },
  { "ddx.matrix.no-enhancement",
    "No enhancement in any phase",
    N_("No enhancement in any phase"),
    { { F (HEP_FEATURE_NO_ENHANCEMENT) }, 1, FALSE },
    { "−−", "−−", "− (necrotic centre only)", "−−", "−−", "−−", "++", "++", "0 (cavity; wall enhances)", "−−", "−−", "−−" },
    HEP_PROVENANCE_UNCONFIRMED },
  { "ddx.matrix.parallels-blood-pool",
    "Enhancement parallels blood pool",
    N_("Enhancement parallels blood pool"),
    { { F (HEP_FEATURE_PARALLELS_BLOOD_POOL) }, 1, FALSE },
    { "−−", "−", "−−", "++", "−−", "−−", "−−", "−−", "−−", "−−", "−−", "−" },
    HEP_PROVENANCE_UNCONFIRMED },
  { "ddx.matrix.wedge-geographic",
    "Wedge/geographic, straight margins, no mass effect, undistorted vessels",
    N_("Wedge/geographic, no mass effect, undistorted vessels"),
    { { F (HEP_FEATURE_WEDGE_SHAPED), F (HEP_FEATURE_UNDISTORTED_VESSELS) }, 2, FALSE },
    { "−−", "−−", "−−", "−", "−−", "−−", "−−", "−−", "−", "−−", "++", "++" },
    HEP_PROVENANCE_UNCONFIRMED },
  { "ddx.matrix.corona",
    "Perilesional AP hyperenhancement / corona",
    N_("Perilesional AP hyperenhancement / corona"),
    { { F (HEP_FEATURE_CORONA) }, 1, FALSE },
    { "+", "+", "+", "+ (small)", "−", "−", "−−", "−−", "++", "+", "−−", "n/a" },
    HEP_PROVENANCE_UNCONFIRMED },
  { "ddx.matrix.capsular-retraction",
    "Capsular retraction / peripheral duct dilatation",
    N_("Capsular retraction"),
    { { F (HEP_FEATURE_CAPSULAR_RETRACTION) }, 1, FALSE },
    { "−", "−", "+ (esp. treated)", "− (sclerosed)", "−−", "−−", "−−", "−−", "−−", "++", "−−", "−−" },
    HEP_PROVENANCE_UNCONFIRMED },
  { "ddx.matrix.gas",
    "Gas, cluster sign",
    N_("Gas"),
    { { F (HEP_FEATURE_GAS) }, 1, FALSE },
    { "−−", "−−", "−−", "−−", "−−", "−−", "−−", "−−", "++", "−−", "−−", "−−" },
    HEP_PROVENANCE_UNCONFIRMED },
  { "ddx.matrix.tiv",
    "Tumor in vein",
    N_("Tumor in vein"),
    { { F (HEP_FEATURE_TIV) }, 1, FALSE },
    { "++", "−", "−", "−−", "−−", "−−", "−−", "−−", "−−", "+", "−−", "−−" },
    HEP_PROVENANCE_UNCONFIRMED },
  { "ddx.matrix.blood-products",
    "Blood products in mass",
    N_("Blood products in mass"),
    { { F (HEP_FEATURE_BLOOD_PRODUCTS) }, 1, FALSE },
    { "+", "+ (melanoma, RCC, NET, choriocarcinoma)", "−", "−", "−−", "++ (haemorrhage)", "−", "−−", "−", "−", "−−", "−−" },
    HEP_PROVENANCE_UNCONFIRMED },
  { "ddx.matrix.t2-mild-moderate",
    "Mild–moderate T2 hyperintensity",
    N_("Mild–moderate T2 hyperintensity"),
    { { C (HEP_FEATURE_T2, HEP_T2_MILD_MODERATE) }, 1, FALSE },
    { "+", "+", "+", "− (hemangioma is marked)", "0", "+ (I-HCA ++, atoll sign)", "−− (a cyst is fluid-bright)", "−", "+ (wall, oedema)", "+", "−−", "−−" },
    HEP_PROVENANCE_UNCONFIRMED },
  { "ddx.matrix.dwi-restricted",
    "Restricted diffusion (not marked)",
    N_("Restricted diffusion"),
    { { C (HEP_FEATURE_DWI, HEP_DWI_RESTRICTED) }, 1, FALSE },
    { "+", "+", "+", "− (shine-through, ADC high)", "0", "0", "−−", "−−", "+", "+", "−−", "−−" },
    HEP_PROVENANCE_UNCONFIRMED },
  { "ddx.matrix.t1-hyper",
    "Intrinsic T1 hyperintensity (fat, blood, melanin, glycogen) (`t1-hyper`)",
    N_("Intrinsic T1 hyperintensity"),
    { { F (HEP_FEATURE_T1_HYPER) }, 1, FALSE },
    { "+", "+ (melanoma, haemorrhagic)", "−", "−", "−", "++", "− (proteinaceous only)", "−", "−", "−", "+", "−−" },
    HEP_PROVENANCE_UNCONFIRMED },
  { "ddx.matrix.count-multiple",
    "Several similar lesions (`count=multiple`)",
    N_("Several similar lesions"),
    { { C (HEP_FEATURE_COUNT, HEP_COUNT_MULTIPLE) }, 1, FALSE },
    { "0", "+", "+", "+", "+", "+ (adenomatosis)", "+", "+", "+ (cluster)", "− (one dominant mass, ± satellites)", "0", "+" },
    HEP_PROVENANCE_UNCONFIRMED },
  { "ddx.matrix.count-innumerable",
    "Innumerable tiny lesions, < 15 mm (`count=innumerable`)",
    N_("Innumerable tiny lesions"),
    { { C (HEP_FEATURE_COUNT, HEP_COUNT_INNUMERABLE) }, 1, FALSE },
    { "−", "+", "+", "−", "−", "−", "+ (polycystic)", "++", "0 (fungal microabscesses)", "−−", "−", "−" },
    HEP_PROVENANCE_UNCONFIRMED },
};

const guint _hep_ddx_n_rows = G_N_ELEMENTS (_hep_ddx_rows);

G_STATIC_ASSERT (G_N_ELEMENTS (_hep_ddx_rows) <= 32);

#define PARK     "Park 2021, Korean J Radiol (clinical-rules §5.2)"
#define PARK_CMP "HCC (n = 616) vs non-HCC malignancy (n = 58), gadoxetate MRI, surgical cohort"
#define LRM_META "LR-M systematic review and meta-analysis, 10 MRI studies, 1,819 lesions (clinical-rules §1.7, §5.2)"
#define LI2021   "Li 2021, Diagnostics, meta-analysis (clinical-rules §1.12, §5.2)"
#define YANG     "Yang 2017, Int J Clin Exp Med (clinical-rules §5.2)"
#define BMC2021  "BMC Med Imaging 2021 (clinical-rules §5.2)"

/* clinical-rules.md §5.2 (and §1.12 for the LI-RADS category figures),
 * attached to (finding, diagnosis) pairs. Display only: figures never change
 * a score. */
const HepDdxFigure _hep_ddx_figures[] = {
  { "ddx.figure.park-nonrim-aphe", HEP_DDX_HCC,
    { { C (HEP_FEATURE_APHE, HEP_APHE_NONRIM) }, 1, FALSE }, HEP_LIRADS_NA,
    N_("Nonrim APHE"), PARK_CMP, "84.6% vs 31.0% (521/616 vs 18/58)", "frequency ratio 2.7",
    HEP_DDX_FIGURE_FREQUENCY_RATIO, PARK, HEP_PROVENANCE_SECONDARY },
  { "ddx.figure.park-washout", HEP_DDX_HCC,
    { { F (HEP_FEATURE_WASHOUT) }, 1, FALSE }, HEP_LIRADS_NA,
    N_("Washout"), PARK_CMP, "79.4% vs 32.8% (489/616 vs 19/58)", "frequency ratio 2.4",
    HEP_DDX_FIGURE_FREQUENCY_RATIO, PARK, HEP_PROVENANCE_SECONDARY },
  { "ddx.figure.park-capsule", HEP_DDX_HCC,
    { { F (HEP_FEATURE_CAPSULE) }, 1, FALSE }, HEP_LIRADS_NA,
    N_("Enhancing capsule"), PARK_CMP, "29.4% vs 8.6% (181/616 vs 5/58)", "frequency ratio 3.4",
    HEP_DDX_FIGURE_FREQUENCY_RATIO, PARK, HEP_PROVENANCE_SECONDARY },
  { "ddx.figure.park-threshold-growth", HEP_DDX_HCC,
    { { F (HEP_FEATURE_THRESHOLD_GROWTH) }, 1, FALSE }, HEP_LIRADS_NA,
    N_("Threshold growth"), "HCC vs non-HCC malignancy, gadoxetate MRI, surgical cohort (lesions with prior imaging)",
    "14.3% vs 47.8% (17/119 vs 11/23)", "frequency ratio 0.30 (favors non-HCC malignancy)",
    HEP_DDX_FIGURE_FREQUENCY_RATIO, PARK, HEP_PROVENANCE_SECONDARY },
  { "ddx.figure.lrm-rim-aphe-icc", HEP_DDX_ICC,
    { { C (HEP_FEATURE_APHE, HEP_APHE_RIM) }, 1, FALSE }, HEP_LIRADS_NA,
    N_("Rim APHE within LR-M studies"), "non-HCC malignancy vs HCC", "48.9% vs 9.8%", "frequency ratio ≈5.0",
    HEP_DDX_FIGURE_FREQUENCY_RATIO, LRM_META, HEP_PROVENANCE_SECONDARY },
  { "ddx.figure.lrm-rim-aphe-met-hypo", HEP_DDX_MET_HYPOVASCULAR,
    { { C (HEP_FEATURE_APHE, HEP_APHE_RIM) }, 1, FALSE }, HEP_LIRADS_NA,
    N_("Rim APHE within LR-M studies"), "non-HCC malignancy vs HCC", "48.9% vs 9.8%", "frequency ratio ≈5.0",
    HEP_DDX_FIGURE_FREQUENCY_RATIO, LRM_META, HEP_PROVENANCE_SECONDARY },
  { "ddx.figure.lrm-rim-aphe-met-hyper", HEP_DDX_MET_HYPERVASCULAR,
    { { C (HEP_FEATURE_APHE, HEP_APHE_RIM) }, 1, FALSE }, HEP_LIRADS_NA,
    N_("Rim APHE within LR-M studies"), "non-HCC malignancy vs HCC", "48.9% vs 9.8%", "frequency ratio ≈5.0",
    HEP_DDX_FIGURE_FREQUENCY_RATIO, LRM_META, HEP_PROVENANCE_SECONDARY },
  { "ddx.figure.rim-aphe-icca-sensitivity", HEP_DDX_ICC,
    { { C (HEP_FEATURE_APHE, HEP_APHE_RIM) }, 1, FALSE }, HEP_LIRADS_NA,
    N_("Rim APHE (CT and gadoxetate MRI)"), "iCCA vs HCC", "sensitivity > 80% (specificity truncated in the source)", NULL,
    HEP_DDX_FIGURE_SENS_SPEC, "Acta Radiologica study, summarized by Rare Disease Advisor (clinical-rules §5.2)",
    HEP_PROVENANCE_SECONDARY },
  { "ddx.figure.yang-progressive", HEP_DDX_ICC,
    { { C (HEP_FEATURE_APHE, HEP_APHE_RIM), F (HEP_FEATURE_DELAYED_CENTRAL_ENHANCEMENT) }, 2, TRUE }, HEP_LIRADS_NA,
    N_("Peripheral AP enhancement, then progressive enhancement"), "mass-forming iCCA, Gd-BOPTA MRI (n = 93)",
    "80/93 (86.0%)", NULL, HEP_DDX_FIGURE_FREQUENCY, YANG, HEP_PROVENANCE_SECONDARY },
  { "ddx.figure.yang-hbp-targetoid", HEP_DDX_ICC,
    { { C (HEP_FEATURE_HBP, HEP_HBP_TARGETOID) }, 1, FALSE }, HEP_LIRADS_NA,
    N_("HBP targetoid (peripheral hypo, central hyper)"), "mass-forming iCCA, Gd-BOPTA MRI (n = 93)",
    "85/93 (91.4%)", NULL, HEP_DDX_FIGURE_FREQUENCY, YANG, HEP_PROVENANCE_SECONDARY },
  { "ddx.figure.guo-hca-hbp-hypo", HEP_DDX_ADENOMA,
    { { C (HEP_FEATURE_HBP, HEP_HBP_HYPO) }, 1, FALSE }, HEP_LIRADS_NA,
    N_("HBP hypointensity"), "hepatocellular adenoma (pooled, 288 HCAs)",
    "91% (95% CI 81–97%); I-HCA 75%, H-HCA 100%", NULL, HEP_DDX_FIGURE_FREQUENCY,
    "Guo 2017, systematic review (clinical-rules §5.2)", HEP_PROVENANCE_SECONDARY },
  { "ddx.figure.purysko-hbp-ratio", HEP_DDX_ADENOMA,
    { { C (HEP_FEATURE_HBP, HEP_HBP_HYPO) }, 1, FALSE }, HEP_LIRADS_NA,
    N_("HBP lesion/liver enhancement ratio < 0.7 (measured, not the visual token)"), "HCA vs FNH, gadoxetate",
    "sensitivity 91.6%, specificity 100%", "LR+ → ∞, LR− 0.08", HEP_DDX_FIGURE_SENS_SPEC,
    "Purysko 2012, AJR (clinical-rules §5.2)", HEP_PROVENANCE_SECONDARY },
  { "ddx.figure.fnh-uptake-score", HEP_DDX_FNH,
    { { C (HEP_FEATURE_HBP, HEP_HBP_ISO_HYPER) }, 1, FALSE }, HEP_LIRADS_NA,
    N_("Subjective HBP uptake score"), "FNH (n = 28) vs HBP-enhancing HCA (n = 40)",
    "AUC 0.85–0.92", NULL, HEP_DDX_FIGURE_AUC, BMC2021, HEP_PROVENANCE_SECONDARY },
  { "ddx.figure.fnh-central-scar", HEP_DDX_FNH,
    { { F (HEP_FEATURE_CENTRAL_SCAR) }, 1, FALSE }, HEP_LIRADS_NA,
    N_("Central scar"), "FNH (n = 28) vs HBP-enhancing HCA (n = 40)",
    "AUC 0.60–0.78", NULL, HEP_DDX_FIGURE_AUC, BMC2021, HEP_PROVENANCE_SECONDARY },
  { "ddx.figure.hcc-hbp-iso", HEP_DDX_HCC,
    { { C (HEP_FEATURE_HBP, HEP_HBP_ISO_HYPER) }, 1, FALSE }, HEP_LIRADS_NA,
    N_("HCC iso/hyperintense in HBP"), "resected HCC",
    "8/40 (20%); 10/69 (14.5%)", NULL, HEP_DDX_FIGURE_FREQUENCY,
    "Kitao 2010, Radiology; Zhou 2021 (clinical-rules §5.2)", HEP_PROVENANCE_SECONDARY },
  { "ddx.figure.unenhanced-mri-hemangioma", HEP_DDX_HEMANGIOMA,
    { { C (HEP_FEATURE_T2, HEP_T2_MARKED) }, 1, FALSE }, HEP_LIRADS_NA,
    N_("Unenhanced MRI for hemangioma"), "lesions atypical on US",
    "sensitivity 98%, specificity 99% (unenhanced CT: 76% / 90%)", "LR+ 98, LR− 0.02 (CT: 7.6 / 0.27)",
    HEP_DDX_FIGURE_SENS_SPEC, "BMC Gastroenterol 2011, Gd-BOPTA study (clinical-rules §5.2)", HEP_PROVENANCE_SECONDARY },
  { "ddx.figure.abscess-rim", HEP_DDX_ABSCESS,
    { { C (HEP_FEATURE_APHE, HEP_APHE_RIM) }, 1, FALSE }, HEP_LIRADS_NA,
    N_("Signs of pyogenic abscess"), "pyogenic abscess, teaching summary",
    "rim enhancement 86%, perilesional edema 35%, double-target 6–30%", NULL, HEP_DDX_FIGURE_FREQUENCY,
    "SKH teaching file, low quality (clinical-rules §5.2)", HEP_PROVENANCE_SECONDARY },
  { "ddx.figure.chemical-shift-fat", HEP_DDX_FOCAL_FAT,
    { { F (HEP_FEATURE_FAT_IN_MASS) }, 1, FALSE }, HEP_LIRADS_NA,
    N_("Chemical-shift MRI for steatosis"), "steatosis",
    "sensitivity 81%, specificity 100%", NULL, HEP_DDX_FIGURE_SENS_SPEC,
    "teaching blog citing literature, low quality (clinical-rules §5.2)", HEP_PROVENANCE_SECONDARY },
  { "ddx.figure.lr5-accuracy", HEP_DDX_HCC, NONE, HEP_LIRADS_5,
    N_("CT/MRI LR-5"), "HCC vs all", "sensitivity 67%, specificity 93% (pooled)", "LR+ 9.6, LR− 0.35",
    HEP_DDX_FIGURE_SENS_SPEC, LI2021, HEP_PROVENANCE_SECONDARY },
  { "ddx.figure.lr5-outcome", HEP_DDX_HCC, NONE, HEP_LIRADS_5,
    N_("LR-5 outcome"), "LR-5 observations (CT/MRI)", "94% HCC, 97% any malignancy", NULL,
    HEP_DDX_FIGURE_FREQUENCY, "van der Pol 2019 meta-analysis, cited by Kanmaniraja 2020 (clinical-rules §1.12)",
    HEP_PROVENANCE_SECONDARY },
  { "ddx.figure.lrm-accuracy-icc", HEP_DDX_ICC, NONE, HEP_LIRADS_M,
    N_("CT/MRI LR-M"), "non-HCC malignancy vs all", "sensitivity 63%, specificity 95%", "LR+ 12.6, LR− 0.39",
    HEP_DDX_FIGURE_SENS_SPEC, LI2021, HEP_PROVENANCE_SECONDARY },
  { "ddx.figure.lrm-accuracy-met-hypo", HEP_DDX_MET_HYPOVASCULAR, NONE, HEP_LIRADS_M,
    N_("CT/MRI LR-M"), "non-HCC malignancy vs all", "sensitivity 63%, specificity 95%", "LR+ 12.6, LR− 0.39",
    HEP_DDX_FIGURE_SENS_SPEC, LI2021, HEP_PROVENANCE_SECONDARY },
  { "ddx.figure.lrm-accuracy-met-hyper", HEP_DDX_MET_HYPERVASCULAR, NONE, HEP_LIRADS_M,
    N_("CT/MRI LR-M"), "non-HCC malignancy vs all", "sensitivity 63%, specificity 95%", "LR+ 12.6, LR− 0.39",
    HEP_DDX_FIGURE_SENS_SPEC, LI2021, HEP_PROVENANCE_SECONDARY },
  { "ddx.figure.lrm-composition", HEP_DDX_HCC, NONE, HEP_LIRADS_M,
    N_("LR-M composition (MRI)"), "LR-M observations", "28.2% HCC, 69.6% non-HCC malignancy", NULL,
    HEP_DDX_FIGURE_FREQUENCY, LRM_META, HEP_PROVENANCE_SECONDARY },
};

const guint _hep_ddx_n_figures = G_N_ELEMENTS (_hep_ddx_figures);

G_STATIC_ASSERT (G_N_ELEMENTS (_hep_ddx_figures) <= 64);

#define CORE "LI-RADS v2018 CT/MRI Core"

/* clinical-rules.md §5.4 items 2 and 6, in precedence order. The clinical
 * hard rules are §5.4's own wording, a design choice [D] around textbook
 * knowledge [K]: unverified. Gas comes after LR-5 and LR-TIV (an LR-5
 * observation still ranks HCC first, §5.3a "Engine consistency") and before
 * LR-4 and LR-M (§5.4 item 6: abscess is a known LR-M mimic) [D]. */
const HepDdxRuleInfo _hep_ddx_hard_rules[HEP_N_DDX_HARD_RULES] = {
  [HEP_DDX_HARD_LIRADS_5] =
    { "ddx.hard.lirads-lr5", N_("LI-RADS LR-5 (definitely HCC): HCC first"),
      CORE ", diagnostic table (clinical-rules §1.6, §5.4 item 2)", HEP_PROVENANCE_PRIMARY },
  [HEP_DDX_HARD_LIRADS_TIV_HCC] =
    { "ddx.hard.lirads-tiv-hcc", N_("LI-RADS LR-TIV, probably or definitely due to HCC: HCC first"),
      CORE ", LR-TIV (clinical-rules §1.8, §5.4 item 2)", HEP_PROVENANCE_SECONDARY },
  [HEP_DDX_HARD_LIRADS_TIV_NON_HCC] =
    { "ddx.hard.lirads-tiv-non-hcc", N_("LI-RADS LR-TIV contiguous with an LR-M mass: a non-HCC malignancy first"),
      CORE ", LR-TIV (clinical-rules §1.8, §5.4 item 2)", HEP_PROVENANCE_SECONDARY },
  [HEP_DDX_HARD_GAS_ABSCESS] =
    { "ddx.hard.gas-abscess", N_("Gas with fever or with rim APHE: abscess first, even at LR-M"),
      "clinical-rules §5.4 item 6 (reviewer answer), §5.1 (gas, cluster sign)", HEP_PROVENANCE_DESIGN },
  [HEP_DDX_HARD_LIRADS_4] =
    { "ddx.hard.lirads-lr4", N_("LI-RADS LR-4 without any LR-M feature (probably HCC): HCC first"),
      CORE ", diagnostic table (clinical-rules §1.6, §5.4 item 6, reviewer answer)", HEP_PROVENANCE_DESIGN },
  [HEP_DDX_HARD_LIRADS_M_TARGETOID] =
    { "ddx.hard.lirads-lrm-targetoid", N_("LI-RADS LR-M, targetoid mass: a non-HCC malignancy above HCC"),
      CORE ", LR-M criteria A (clinical-rules §1.7, §5.1 rule of thumb 4, §5.4 item 2)", HEP_PROVENANCE_PRIMARY },
  [HEP_DDX_HARD_LIRADS_M_NONTARGETOID] =
    { "ddx.hard.lirads-lrm-nontargetoid", N_("LI-RADS LR-M, nontargetoid mass not meeting LR-5: a non-HCC malignancy above HCC"),
      CORE " p.22, LR-M criteria B (clinical-rules §1.7, §5.4 item 2)", HEP_PROVENANCE_SECONDARY },
  [HEP_DDX_HARD_CYST] =
    { "ddx.hard.cyst", N_("No enhancement + fluid T2 (marked) + no enhancing wall → simple cyst"),
      "clinical-rules §5.4 item 2", HEP_PROVENANCE_UNCONFIRMED },
  [HEP_DDX_HARD_BILIARY_HAMARTOMA] =
    { "ddx.hard.biliary-hamartoma", N_("No enhancement + fluid T2 (marked), under 10 mm or innumerable → biliary hamartoma beside simple cyst"),
      "clinical-rules §5.4 item 6 (reviewer answer), §5.1 (count=innumerable)", HEP_PROVENANCE_DESIGN },
  [HEP_DDX_HARD_HEMANGIOMA] =
    { "ddx.hard.hemangioma", N_("Blood-pool nodular pattern + marked T2 → hemangioma"),
      "clinical-rules §5.4 item 2, §5.1 rule of thumb 3", HEP_PROVENANCE_UNCONFIRMED },
  [HEP_DDX_HARD_FOCAL_FAT] =
    { "ddx.hard.focal-fat", N_("Opposed-phase drop + no mass effect (undistorted vessels or geographic shape) → focal fat"),
      "clinical-rules §5.4 item 2, §5.1 rule of thumb 5", HEP_PROVENANCE_UNCONFIRMED },
  [HEP_DDX_HARD_THAD] =
    { "ddx.hard.thad", N_("Arterial wedge, iso later, no T2 or DWI correlate → THAD"),
      "clinical-rules §5.4 item 2, §5.1 rule of thumb 5", HEP_PROVENANCE_UNCONFIRMED },
};

/* clinical-rules.md §5.4 item 5 (the five named pitfalls) and the rules of
 * thumb of §5.1 that fit a trigger. */
const HepDdxRuleInfo _hep_ddx_pitfalls[HEP_N_DDX_PITFALLS] = {
  [HEP_DDX_PITFALL_GADOXETATE_NOT_WASHOUT] =
    { "ddx.pitfall.gadoxetate-tp-hbp-not-washout",
      N_("Gadoxetate: hypointensity in the transitional or hepatobiliary phase is not washout. Washout is judged in the portal venous phase only; TP/HBP hypointensity is an ancillary feature."),
      "LI-RADS v2018 CT/MRI Core, major features (clinical-rules §1.4, §5.4 item 5)", HEP_PROVENANCE_SECONDARY },
  [HEP_DDX_PITFALL_FLASH_FILLING] =
    { "ddx.pitfall.flash-filling-hemangioma",
      N_("Flash-filling hemangioma vs hypervascular metastasis: both enhance uniformly in the arterial phase. A flash-filling hemangioma stays at blood-pool intensity in every later phase and is very T2-bright; washout or a missing blood-pool signature points to a hypervascular metastasis."),
      "clinical-rules §5.4 item 5, §5.1 rule of thumb 3, §3.5 (flash-filling)", HEP_PROVENANCE_UNCONFIRMED },
  [HEP_DDX_PITFALL_HCC_HBP_ISO] =
    { "ddx.pitfall.hcc-hbp-iso",
      N_("HCC can be iso- or hyperintense in the hepatobiliary phase (14.5–20% of resected HCCs): HBP iso/hyperintensity does not exclude HCC."),
      "Kitao 2010; Zhou 2021 (clinical-rules §5.2, §5.4 item 5)", HEP_PROVENANCE_SECONDARY },
  [HEP_DDX_PITFALL_NONTARGETOID_NO_OVERRIDE] =
    { "ddx.pitfall.nontargetoid-lrm-keeps-lr5",
      N_("Nontargetoid LR-M features (infiltrative, marked restriction, necrosis) do not override LR-5: a nontargetoid mass that meets LR-5 stays LR-5, because HCC can look like this."),
      "LI-RADS v2018 CT/MRI Core p.22 (clinical-rules §1.7 B, §5.4 item 5)", HEP_PROVENANCE_SECONDARY },
  [HEP_DDX_PITFALL_TARGETOID_OVERRIDES] =
    { "ddx.pitfall.targetoid-overrides-lr5",
      N_("Targetoid features override LR-5: a targetoid mass is LR-M whatever its major features. LR-M still includes many HCCs (28.2% in a meta-analysis)."),
      "LI-RADS v2018 CT/MRI Core, LR-M criteria A (clinical-rules §1.7 A, §5.4 item 5)", HEP_PROVENANCE_PRIMARY },
  [HEP_DDX_PITFALL_HBP_HYPO_NOT_SPECIFIC] =
    { "ddx.pitfall.hbp-hypo-not-specific",
      N_("HBP hypointensity is not specific: it mainly argues against FNH, focal fat and THAD."),
      "clinical-rules §5.1 rule of thumb 1", HEP_PROVENANCE_UNCONFIRMED },
  [HEP_DDX_PITFALL_HEMANGIOMA_SIGNATURE] =
    { "ddx.pitfall.hemangioma-needs-blood-pool-signature",
      N_("Hemangioma needs the whole blood-pool signature: nodular, discontinuous, follows the aorta, persists, T2 very bright. If any part is missing in a patient with cancer, the lesion is indeterminate: go to MRI or CEUS."),
      "clinical-rules §5.1 rule of thumb 3", HEP_PROVENANCE_UNCONFIRMED },
  [HEP_DDX_PITFALL_HEMANGIOMA_PSEUDO_WASHOUT] =
    { "ddx.pitfall.hemangioma-pseudo-washout",
      N_("With gadoxetate, hemangiomas look washed out in the transitional and hepatobiliary phases. That is not washout."),
      "clinical-rules §5.1 (matrix footnote)", HEP_PROVENANCE_UNCONFIRMED },
  [HEP_DDX_PITFALL_TARGET_PATTERN] =
    { "ddx.pitfall.target-pattern",
      N_("A target pattern (rim APHE, peripheral washout, delayed central enhancement, targetoid DWI or HBP) points to non-HCC malignancy (metastasis, iCCA) or to abscess. Clinical context and the cavity's ADC (pus restricts markedly) separate abscess from tumor."),
      "clinical-rules §5.1 rule of thumb 4", HEP_PROVENANCE_UNCONFIRMED },
  [HEP_DDX_PITFALL_OUTSIDE_POPULATION] =
    { "ddx.pitfall.lr5-pattern-outside-population",
      N_("Nonrim APHE with washout outside the LI-RADS population is not LR-5: the differential is wider (hypervascular metastasis, β-catenin adenoma, HCC in a noncirrhotic liver)."),
      "clinical-rules §5.1 rule of thumb 2, §1.2", HEP_PROVENANCE_UNCONFIRMED },
  [HEP_DDX_PITFALL_PSEUDOLESION] =
    { "ddx.pitfall.pseudolesion-by-absence",
      N_("A perfusion anomaly or focal fat is recognized by what is missing: no mass effect, no T2 or DWI abnormality, vessels run through, typical location, and it matches the liver in PVP/DP/HBP."),
      "clinical-rules §5.1 rule of thumb 5", HEP_PROVENANCE_UNCONFIRMED },
  [HEP_DDX_PITFALL_FEVER_NOT_SPECIFIC] =
    { "ddx.pitfall.fever-not-specific",
      N_("Fever is not specific for abscess: necrotic tumors can cause fever, and fever is among the symptoms of liver metastases."),
      "MedlinePlus, Liver metastases (clinical-rules §5.3)", HEP_PROVENANCE_SECONDARY },
  [HEP_DDX_PITFALL_CONFLUENT_FIBROSIS] =
    { "ddx.pitfall.confluent-fibrosis",
      N_("In a cirrhotic liver, confluent fibrosis mimics iCCA: capsular retraction, delayed enhancement, wedge shape."),
      "clinical-rules §5.3", HEP_PROVENANCE_UNCONFIRMED },
  [HEP_DDX_PITFALL_VASCULAR_CIRRHOSIS] =
    { "ddx.pitfall.vascular-cirrhosis",
      N_("Cirrhosis from a vascular disorder (e.g. Budd–Chiari) grows benign FNH-like hypervascular nodules that mimic HCC; LI-RADS does not apply."),
      "clinical-rules §1.2, §5.3", HEP_PROVENANCE_SECONDARY },
  [HEP_DDX_PITFALL_SMALL_LESIONS_BENIGN] =
    { "ddx.pitfall.small-lesions-in-cancer-often-benign",
      N_("In patients with cancer, about half or more of small (< 1–1.5 cm) liver lesions are benign (51–58%): metastasis must be excluded, not assumed."),
      "Patil 2020, J Gastrointest Abdom Radiol (clinical-rules §5.2, §5.3)", HEP_PROVENANCE_SECONDARY },
  [HEP_DDX_PITFALL_KNOWN_PRIMARY_HYPERVASCULAR] =
    { "ddx.pitfall.known-primary-aphe-washout",
      N_("With a known primary and no liver disease, APHE with washout is a hypervascular metastasis until proven otherwise (NET, RCC, melanoma, thyroid, breast); HCC in a non-cirrhotic liver is the less likely alternative."),
      "clinical-rules §5.3a (pitfalls)", HEP_PROVENANCE_UNCONFIRMED },
  [HEP_DDX_PITFALL_KNOWN_PRIMARY_HYPOVASCULAR] =
    { "ddx.pitfall.hypovascular-primary-aphe-washout",
      N_("Metastases of this primary are usually hypovascular: think of HCC in a non-cirrhotic liver, β-catenin adenoma, or a flash-filling hemangioma that only looks washed out in the transitional phase with gadoxetate."),
      "clinical-rules §5.3a (pitfalls), §5.3b", HEP_PROVENANCE_UNCONFIRMED },
  [HEP_DDX_PITFALL_KNOWN_PRIMARY_AT_RISK] =
    { "ddx.pitfall.known-primary-at-risk-liver",
      N_("Metastases are uncommon in a cirrhotic liver but do occur; LI-RADS categories still apply."),
      "clinical-rules §5.3a (pitfalls), §5.3b", HEP_PROVENANCE_UNCONFIRMED },
  [HEP_DDX_PITFALL_GAS] =
    { "ddx.pitfall.gas-abscess-vs-lirads",
      N_("Gas essentially excludes an untreated tumour, so with fever or rim APHE the differential ranks abscess first even where LI-RADS says LR-M: LI-RADS grades the imaging pattern, and abscess is a known LR-M mimic. Gas has other causes: it is expected after ablation or chemoembolization, an infected necrotic tumour can hold gas, and a pyogenic (Klebsiella) abscess can be the first sign of a colorectal cancer, so follow it to resolution."),
      "clinical-rules §5.4 item 6 (reviewer answer)", HEP_PROVENANCE_DESIGN },
};

#define CONTEXT_SOURCE "clinical-rules §5.3a (revised 2026-12-06)"

/* clinical-rules.md §5.3a, the context rows, graded like the matrix and
 * summed into the same score. The spec tags them [K] (a synthesis checked
 * once by an independent second reading, not yet by a radiologist), so every
 * cell is UNCONFIRMED and shown as "unverified". When a row holds is decided
 * in hep-ddx.c (find_contexts()), after the notes under the spec's table;
 * tests/data/ddx-context.md holds the spec table and tests/core/test-ddx.c
 * compares the two cell by cell. */
const HepDdxRow _hep_ddx_context_rows[HEP_N_DDX_CONTEXTS] = {
  [HEP_DDX_CONTEXT_CIRRHOSIS] =
    { "ddx.context.cirrhosis",
      "Cirrhosis (`risk=cirrhosis`, not `lirads-excluded`)",
      N_("Cirrhosis"),
      NONE,
      { "++", "−", "−", "0", "−", "−−", "0", "0", "0", "+", "0", "+ (shunts common)" },
      HEP_PROVENANCE_UNCONFIRMED, "risk=cirrhosis, not lirads-excluded", CONTEXT_SOURCE },
  [HEP_DDX_CONTEXT_HBV_PRIOR_HCC] =
    { "ddx.context.hbv-prior-hcc",
      "Chronic HBV or current/prior HCC, cirrhosis not stated (`risk=hbv`, `risk=prior-hcc`)",
      N_("Chronic hepatitis B or current or prior HCC"),
      NONE,
      { "++", "0", "0", "0", "0", "−", "0", "0", "0", "+", "0", "0" },
      HEP_PROVENANCE_UNCONFIRMED, "risk=hbv|prior-hcc", CONTEXT_SOURCE },
  [HEP_DDX_CONTEXT_EXCLUDED_CIRRHOSIS] =
    { "ddx.context.excluded-cirrhosis",
      "Cirrhosis of an excluded cause (`risk=cirrhosis` + `lirads-excluded`: Budd–Chiari, congenital hepatic fibrosis, other vascular disorders)",
      N_("Cirrhosis of an excluded cause"),
      NONE,
      { "0", "0", "0", "0", "+ (FNH-like nodules)", "0", "0", "0", "0", "0", "0", "+ (perfusion anomalies)" },
      HEP_PROVENANCE_UNCONFIRMED, "risk=cirrhosis + lirads-excluded", CONTEXT_SOURCE },
  [HEP_DDX_CONTEXT_NO_RISK] =
    { "ddx.context.no-risk",
      "Stated: no HCC risk factor (`risk=none`), no known malignancy",
      N_("No HCC risk factor stated"),
      NONE,
      { "−", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0" },
      HEP_PROVENANCE_UNCONFIRMED, "risk=none, without known-malignancy", CONTEXT_SOURCE },
  [HEP_DDX_CONTEXT_MALIGNANCY_HYPERVASCULAR] =
    { "ddx.context.malignancy-hypervascular",
      "Known malignancy, no HCC risk factor, primary hypervascular (`primary=neuroendocrine|renal|melanoma|thyroid`)",
      N_("Known malignancy, hypervascular primary"),
      NONE,
      { "−", "++", "+", "0", "0", "0", "0", "0", "0", "0", "0", "0" },
      HEP_PROVENANCE_UNCONFIRMED, "known-malignancy + primary=neuroendocrine|renal|melanoma|thyroid, risk=none or not given", CONTEXT_SOURCE },
  [HEP_DDX_CONTEXT_MALIGNANCY_HYPOVASCULAR] =
    { "ddx.context.malignancy-hypovascular",
      "Known malignancy, no HCC risk factor, primary hypovascular (`primary=colorectal|pancreas|stomach|lung`)",
      N_("Known malignancy, hypovascular primary"),
      NONE,
      { "−", "0", "++", "0", "0", "0", "0", "0", "0", "0", "0", "0" },
      HEP_PROVENANCE_UNCONFIRMED, "known-malignancy + primary=colorectal|pancreas|stomach|lung, risk=none or not given", CONTEXT_SOURCE },
  [HEP_DDX_CONTEXT_MALIGNANCY_MIXED] =
    { "ddx.context.malignancy-mixed",
      "Known malignancy, no HCC risk factor, primary mixed or not given (`primary=breast|other` or none)",
      N_("Known malignancy, mixed or unknown primary"),
      NONE,
      { "−", "++", "++", "0", "0", "0", "0", "0", "0", "0", "0", "0" },
      HEP_PROVENANCE_UNCONFIRMED, "known-malignancy + primary=breast|other or not given, risk=none or not given", CONTEXT_SOURCE },
  [HEP_DDX_CONTEXT_MALIGNANCY_AT_RISK] =
    { "ddx.context.malignancy-at-risk",
      "Known malignancy **with** an HCC risk factor (any primary)",
      N_("Known malignancy with an HCC risk factor"),
      NONE,
      { "0", "+", "+", "0", "0", "0", "0", "0", "0", "0", "0", "0" },
      HEP_PROVENANCE_UNCONFIRMED, "known-malignancy + risk=cirrhosis|hbv|prior-hcc", CONTEXT_SOURCE },
  [HEP_DDX_CONTEXT_HORMONE_USE] =
    { "ddx.context.hormone-use",
      "Oral contraceptives or oestrogens (`hormone-use`)",
      N_("Oral contraceptives or oestrogens"),
      NONE,
      { "0", "0", "0", "0", "0", "++", "0", "0", "0", "0", "0", "0" },
      HEP_PROVENANCE_UNCONFIRMED, "hormone-use", CONTEXT_SOURCE },
  [HEP_DDX_CONTEXT_ANDROGEN_USE] =
    { "ddx.context.androgen-use",
      "Anabolic or androgenic steroids (`androgen-use`)",
      N_("Anabolic or androgenic steroids"),
      NONE,
      { "+", "0", "0", "0", "0", "++ (β-catenin)", "0", "0", "0", "0", "0", "0" },
      HEP_PROVENANCE_UNCONFIRMED, "androgen-use", CONTEXT_SOURCE },
  [HEP_DDX_CONTEXT_YOUNG_WOMAN] =
    { "ddx.context.young-woman",
      "Woman under 50 (`sex=f` and `age` < 50)",
      N_("Woman under 50"),
      NONE,
      { "0", "0", "0", "0", "+", "0", "0", "0", "0", "0", "0", "0" },
      HEP_PROVENANCE_UNCONFIRMED, "sex=f + age under 50", CONTEXT_SOURCE },
  [HEP_DDX_CONTEXT_FEVER] =
    { "ddx.context.fever",
      "Fever or raised white count (`fever`)",
      N_("Fever or raised white count"),
      NONE,
      { "0", "0", "0", "0", "0", "0", "0", "0", "++", "0", "0", "0" },
      HEP_PROVENANCE_UNCONFIRMED, "fever", CONTEXT_SOURCE },
  [HEP_DDX_CONTEXT_AFP] =
    { "ddx.context.afp-raised",
      "Raised AFP (`afp-raised`)",
      N_("Raised AFP"),
      NONE,
      { "+", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0" },
      HEP_PROVENANCE_UNCONFIRMED, "afp-raised", CONTEXT_SOURCE },
  [HEP_DDX_CONTEXT_CA19_9] =
    { "ddx.context.ca19-9-raised",
      "Raised CA 19-9 (`ca19-9-raised`)",
      N_("Raised CA 19-9"),
      NONE,
      { "0", "0", "+ (pancreas, colorectal)", "0", "0", "0", "0", "0", "0", "+", "0", "0" },
      HEP_PROVENANCE_UNCONFIRMED, "ca19-9-raised", CONTEXT_SOURCE },
};
