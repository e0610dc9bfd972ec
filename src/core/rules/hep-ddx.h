/* hep-ddx.h: the differential-diagnosis reasoner
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Implements shared/clinical/clinical-rules.md §5 over the same feature
 * vocabulary as the LI-RADS engine (hep-feature-set.h). A transparent
 * ranking in two layers (§5.4):
 *
 *   1. hard rules (§5.4 items 2 and 6), deterministic and cited. The LI-RADS
 *      result is one of them: hep_lirads_evaluate() runs inside the
 *      evaluation, so LR-5 pins `hcc` first, LR-4 without any LR-M feature
 *      pins `hcc` first ("probably HCC"), and LR-M pins a non-HCC malignancy
 *      first unless gas with fever or rim APHE pins abscess above it.
 *      Diagnoses pinned by a hard rule come first, in rule order.
 *   2. the score: the graded imaging matrix (§5.1) and the clinical context
 *      rows (§5.3a, revised 2026-12-06) on the same scale, summed. Each row
 *      that holds adds its cell's points: ++ = +2, + = +1, 0 = 0, − = −1,
 *      −− = −2 (the §5.4 item 3 count "++/+ minus −−/−", with ++ and −−
 *      counted twice). A feature that is not given is no evidence either
 *      way: only rows whose feature is present are scored; `aphe=none` is a
 *      row of its own, `t2=iso` and `dwi=none` are not scored (the THAD hard
 *      rule reads them). Context is evidence like any feature, shown with a
 *      "context" label; it is not a tie-breaker and not a multiplier.
 *      Equal scores keep a fixed, documented order of last resort.
 *
 * The evaluation allocates nothing; text is built only on demand.
 *
 * For teaching only; not for patient care.
 */

#pragma once

#include <glib.h>

#include "hep-feature-set.h"
#include "hep-lirads.h"
#include "hep-provenance.h"

G_BEGIN_DECLS

typedef enum {
  HEP_DDX_HCC,
  HEP_DDX_MET_HYPERVASCULAR,
  HEP_DDX_MET_HYPOVASCULAR,
  HEP_DDX_HEMANGIOMA,
  HEP_DDX_FNH,
  HEP_DDX_ADENOMA,
  HEP_DDX_CYST,
  HEP_DDX_BILIARY_HAMARTOMA,
  HEP_DDX_ABSCESS,
  HEP_DDX_ICC,
  HEP_DDX_FOCAL_FAT,
  HEP_DDX_THAD,

  HEP_N_DDX
} HepDdxDiagnosis;

/* The grade of one matrix cell (§5.1). Cells such as "0/+ (NET, cystic)" or
 * "+ (I-HCA ++)" keep their full text (hep_ddx_row_get_cell()) and are scored
 * by their base grade, the one before the qualifier: "0/+" scores as 0 (the
 * conservative end), "+ (I-HCA ++)" as +. "n/a" is not scored and is listed
 * with the neutral features. */
typedef enum {
  HEP_DDX_GRADE_NA,
  HEP_DDX_GRADE_EXCLUDES,    /* −− */
  HEP_DDX_GRADE_AGAINST,     /* −  */
  HEP_DDX_GRADE_NEUTRAL,     /* 0  */
  HEP_DDX_GRADE_SUPPORTS,    /* +  */
  HEP_DDX_GRADE_STRONG,      /* ++ */
} HepDdxGrade;

/* One term of a feature predicate: holds when the feature's value is in
 * @values (bit v set for CHOICE value v; bit 1 for a present flag). */
typedef struct {
  HepFeature feature;
  guint32    values;
} HepDdxTerm;

#define HEP_DDX_VALUE(v) (1u << (v))
#define HEP_DDX_FLAG     HEP_DDX_VALUE (1)
#define HEP_DDX_MAX_TERMS 3

/* A predicate over a feature set: any (or all) of up to three terms. */
typedef struct {
  HepDdxTerm terms[HEP_DDX_MAX_TERMS];
  guint      n_terms;
  gboolean   all;       /* TRUE: every term must hold; FALSE: any term */
} HepDdxPredicate;

/* One row of the §5.1 matrix mapped onto the token vocabulary, or one
 * context row of §5.3a. A context row's condition reads several features
 * and the notes under the spec's table (hep-ddx.c, find_contexts()), so its
 * @when is empty and @tokens says in words which tokens make it hold. */
typedef struct {
  const char      *id;                /* "ddx.matrix.nonrim-aphe", "ddx.context.cirrhosis" */
  const char      *concept;           /* the spec's feature or context column, verbatim */
  const char      *label;             /* short label, translatable */
  HepDdxPredicate  when;              /* imaging rows only */
  const char      *cells[HEP_N_DDX];  /* the spec's cell text, verbatim */
  HepProvenance    provenance;
  const char      *tokens;            /* context rows: the tokens that make it hold; NULL for imaging rows */
  const char      *source;            /* context rows; imaging rows are "clinical-rules §5.1" */
} HepDdxRow;

/* The context rows of §5.3a, in the spec's order. */
typedef enum {
  HEP_DDX_CONTEXT_CIRRHOSIS,
  HEP_DDX_CONTEXT_HBV_PRIOR_HCC,
  HEP_DDX_CONTEXT_EXCLUDED_CIRRHOSIS,
  HEP_DDX_CONTEXT_NO_RISK,
  HEP_DDX_CONTEXT_MALIGNANCY_HYPERVASCULAR,
  HEP_DDX_CONTEXT_MALIGNANCY_HYPOVASCULAR,
  HEP_DDX_CONTEXT_MALIGNANCY_MIXED,
  HEP_DDX_CONTEXT_MALIGNANCY_AT_RISK,
  HEP_DDX_CONTEXT_HORMONE_USE,
  HEP_DDX_CONTEXT_ANDROGEN_USE,
  HEP_DDX_CONTEXT_YOUNG_WOMAN,
  HEP_DDX_CONTEXT_FEVER,
  HEP_DDX_CONTEXT_AFP,
  HEP_DDX_CONTEXT_CA19_9,

  HEP_N_DDX_CONTEXTS
} HepDdxContext;

/* Kinds of published figure (§5.2). A frequency ratio compares two groups of
 * one cohort and is not a likelihood ratio against all alternatives. */
typedef enum {
  HEP_DDX_FIGURE_FREQUENCY,         /* a proportion within one group */
  HEP_DDX_FIGURE_FREQUENCY_RATIO,   /* frequency in group A / in group B */
  HEP_DDX_FIGURE_SENS_SPEC,         /* sensitivity/specificity, LR derived */
  HEP_DDX_FIGURE_AUC,
} HepDdxFigureKind;

typedef struct {
  const char       *id;
  HepDdxDiagnosis   diagnosis;
  HepDdxPredicate   when;
  HepLiradsCategory lirads;        /* HEP_LIRADS_NA: no LI-RADS condition */
  const char       *finding;
  const char       *comparison;    /* the comparison group */
  const char       *numbers;
  const char       *derived;       /* "frequency ratio 2.7", "LR+ 9.6, LR− 0.35", or NULL */
  HepDdxFigureKind  kind;
  const char       *source;
  HepProvenance     provenance;
} HepDdxFigure;

/* Hard rules (§5.4 items 2 and 6), in precedence order. */
typedef enum {
  HEP_DDX_HARD_LIRADS_5,
  HEP_DDX_HARD_LIRADS_TIV_HCC,
  HEP_DDX_HARD_LIRADS_TIV_NON_HCC,
  HEP_DDX_HARD_GAS_ABSCESS,
  HEP_DDX_HARD_LIRADS_4,
  HEP_DDX_HARD_LIRADS_M_TARGETOID,
  HEP_DDX_HARD_LIRADS_M_NONTARGETOID,
  HEP_DDX_HARD_CYST,
  HEP_DDX_HARD_BILIARY_HAMARTOMA,
  HEP_DDX_HARD_HEMANGIOMA,
  HEP_DDX_HARD_FOCAL_FAT,
  HEP_DDX_HARD_THAD,

  HEP_N_DDX_HARD_RULES
} HepDdxHardRule;

typedef enum {
  HEP_DDX_PITFALL_GADOXETATE_NOT_WASHOUT,
  HEP_DDX_PITFALL_FLASH_FILLING,
  HEP_DDX_PITFALL_HCC_HBP_ISO,
  HEP_DDX_PITFALL_NONTARGETOID_NO_OVERRIDE,
  HEP_DDX_PITFALL_TARGETOID_OVERRIDES,
  HEP_DDX_PITFALL_HBP_HYPO_NOT_SPECIFIC,
  HEP_DDX_PITFALL_HEMANGIOMA_SIGNATURE,
  HEP_DDX_PITFALL_HEMANGIOMA_PSEUDO_WASHOUT,
  HEP_DDX_PITFALL_TARGET_PATTERN,
  HEP_DDX_PITFALL_OUTSIDE_POPULATION,
  HEP_DDX_PITFALL_PSEUDOLESION,
  HEP_DDX_PITFALL_FEVER_NOT_SPECIFIC,
  HEP_DDX_PITFALL_CONFLUENT_FIBROSIS,
  HEP_DDX_PITFALL_VASCULAR_CIRRHOSIS,
  HEP_DDX_PITFALL_SMALL_LESIONS_BENIGN,
  HEP_DDX_PITFALL_KNOWN_PRIMARY_HYPERVASCULAR,
  HEP_DDX_PITFALL_KNOWN_PRIMARY_HYPOVASCULAR,
  HEP_DDX_PITFALL_KNOWN_PRIMARY_AT_RISK,
  HEP_DDX_PITFALL_GAS,

  HEP_N_DDX_PITFALLS
} HepDdxPitfall;

typedef struct {
  HepDdxDiagnosis diagnosis;
  int             score;        /* sum of the points of the rows that hold, imaging and context */
  int             context;      /* the part of @score from context rows */
  int             n_for;        /* rows graded + or ++ */
  int             n_against;    /* rows graded − or −− */
  int             pinned_by;    /* a HepDdxHardRule, or -1 */
} HepDdxEntry;

typedef struct {
  HepDdxEntry       ranking[HEP_N_DDX];   /* best first */
  guint32           rows;                 /* bits over hep_ddx_get_rows() that hold */
  guint32           contexts;             /* bits over HepDdxContext that hold */
  gboolean          small_lesion;         /* size < 10 mm with a known malignancy: the metastasis
                                           * grades of the known-malignancy rows drop one step */
  guint32           hard_rules;           /* bits over HepDdxHardRule that fired */
  guint32           pitfalls;             /* bits over HepDdxPitfall triggered */
  guint64           figures;              /* bits over hep_ddx_get_figures() shown */
  HepLiradsCategory lirads;
  gboolean          lirads_applicable;
  gboolean          lirads_targetoid;     /* LR-M by the targetoid branch */
} HepDdxResult;

HepDdxDiagnosis   hep_ddx_evaluate                (const HepFeatureSet *features,
                                                   HepDdxResult        *result);

const char       *hep_ddx_diagnosis_to_string     (HepDdxDiagnosis      diagnosis);
gboolean          hep_ddx_diagnosis_from_string   (const char          *text,
                                                   HepDdxDiagnosis     *diagnosis);
const char       *hep_ddx_diagnosis_get_label     (HepDdxDiagnosis      diagnosis);
gboolean          hep_ddx_diagnosis_is_non_hcc_malignancy (HepDdxDiagnosis diagnosis);

int               hep_ddx_grade_get_points        (HepDdxGrade          grade);
const char       *hep_ddx_grade_to_string         (HepDdxGrade          grade);

/* the matrix */
const HepDdxRow  *hep_ddx_get_rows                (guint               *n_rows);
HepDdxGrade       hep_ddx_row_get_grade           (const HepDdxRow     *row,
                                                   HepDdxDiagnosis      diagnosis);
gboolean          hep_ddx_predicate_holds         (const HepDdxPredicate *predicate,
                                                   const HepFeatureSet *features);
char             *hep_ddx_predicate_to_tokens     (const HepDdxPredicate *predicate);

/* published figures */
const HepDdxFigure *hep_ddx_get_figures           (guint               *n_figures);
const char       *hep_ddx_figure_kind_get_label   (HepDdxFigureKind     kind);

/* hard rules */
const char       *hep_ddx_hard_rule_get_id        (HepDdxHardRule       rule);
const char       *hep_ddx_hard_rule_get_title     (HepDdxHardRule       rule);
const char       *hep_ddx_hard_rule_get_source    (HepDdxHardRule       rule);
HepProvenance     hep_ddx_hard_rule_get_provenance (HepDdxHardRule      rule);

/* context rows (§5.3a) */
const HepDdxRow  *hep_ddx_get_context_row         (HepDdxContext        context);
gboolean          hep_ddx_row_is_context          (const HepDdxRow     *row);
char             *hep_ddx_row_get_tokens          (const HepDdxRow     *row);
const char       *hep_ddx_row_get_source          (const HepDdxRow     *row);

/* One row of evidence as it counted for one diagnosis. */
typedef struct {
  const HepDdxRow *row;
  HepDdxGrade      grade;     /* the grade that counted */
  gboolean         context;   /* a context row (§5.3a) */
  gboolean         lowered;   /* one step below the cell's grade: lesion < 10 mm with a known malignancy */
} HepDdxEvidence;

#define HEP_DDX_MAX_EVIDENCE 48

/* The matrix rows, then the context rows, that hold in @result and grade
 * @diagnosis on one side: @sign > 0 for (+, ++), < 0 against (−, −−), 0
 * neutral (0, n/a). Writes at most @max rows to @out; returns how many. */
guint             hep_ddx_collect_evidence        (const HepDdxResult  *result,
                                                   HepDdxDiagnosis      diagnosis,
                                                   int                  sign,
                                                   HepDdxEvidence      *out,
                                                   guint                max);

/* What separates the first two diagnoses: the rows that hold and grade the
 * first above the second (@out_for) and below it (@out_against), largest
 * difference first. Returns the number written to @out_for. */
guint             hep_ddx_separate_top_two        (const HepDdxResult  *result,
                                                   HepDdxEvidence      *out_for,
                                                   guint               *n_against,
                                                   HepDdxEvidence      *out_against,
                                                   guint                max);
/* The same as one line of text, e.g. "Hypervascular metastasis over
 * hepatocellular carcinoma (score 6 vs 5): known malignancy, mixed or
 * unknown primary (context ++/−); against: nonrim APHE (+/++)". */
char             *hep_ddx_describe_top_two        (const HepDdxResult  *result);

/* pitfalls */
const char       *hep_ddx_pitfall_get_id          (HepDdxPitfall        pitfall);
const char       *hep_ddx_pitfall_get_text        (HepDdxPitfall        pitfall);
const char       *hep_ddx_pitfall_get_source      (HepDdxPitfall        pitfall);
HepProvenance     hep_ddx_pitfall_get_provenance  (HepDdxPitfall        pitfall);

/* result helpers */
const HepDdxEntry *hep_ddx_result_find            (const HepDdxResult  *result,
                                                   HepDdxDiagnosis      diagnosis,
                                                   guint               *rank);

#define HEP_DDX_SCORING_NOTE \
  "Score = sum over the imaging features and the clinical context present of ++ +2, + +1, 0 0, − −1, −− −2 " \
  "(clinical-rules §5.1, §5.3a, §5.4 items 3 and 4); features not given count neither way; " \
  "hard rules pin diagnoses first; equal scores keep a fixed order."

G_END_DECLS
