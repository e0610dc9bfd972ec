/* hep-ddx.c: the differential-diagnosis reasoner
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * clinical-rules.md §5.4: hard rules first, then the score of the §5.1
 * matrix and the §5.3a context rows together. The tables are in
 * hep-ddx-rules.c. The evaluation allocates nothing.
 */

#include "config.h"

#include "hep-ddx-private.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/* ---- names --------------------------------------------------------------- */

static const char *diagnosis_ids[HEP_N_DDX] = {
  "hcc", "met-hypervascular", "met-hypovascular", "hemangioma", "fnh", "adenoma",
  "cyst", "biliary-hamartoma", "abscess", "icc", "focal-fat", "thad",
};

static const char *diagnosis_labels[HEP_N_DDX] = {
  N_("Hepatocellular carcinoma"),
  N_("Hypervascular metastasis"),
  N_("Hypovascular metastasis"),
  N_("Hemangioma"),
  N_("Focal nodular hyperplasia"),
  N_("Hepatocellular adenoma"),
  N_("Simple cyst"),
  N_("Biliary hamartoma"),
  N_("Abscess"),
  N_("Intrahepatic cholangiocarcinoma"),
  N_("Focal fat deposition or sparing"),
  N_("Transient hepatic attenuation difference / perfusion anomaly"),
};

/* The order of last resort, after hard rules and score [D]: the
 * issue's order, except that hypovascular metastases come before
 * hypervascular ones, because most liver metastases are hypovascular
 * (clinical-rules §5.3). */
static const guint8 tie_rank[HEP_N_DDX] = {
  [HEP_DDX_HCC] = 0,
  [HEP_DDX_MET_HYPOVASCULAR] = 1,
  [HEP_DDX_MET_HYPERVASCULAR] = 2,
  [HEP_DDX_HEMANGIOMA] = 3,
  [HEP_DDX_FNH] = 4,
  [HEP_DDX_ADENOMA] = 5,
  [HEP_DDX_CYST] = 6,
  [HEP_DDX_BILIARY_HAMARTOMA] = 7,
  [HEP_DDX_ABSCESS] = 8,
  [HEP_DDX_ICC] = 9,
  [HEP_DDX_FOCAL_FAT] = 10,
  [HEP_DDX_THAD] = 11,
};

const char *
hep_ddx_diagnosis_to_string (HepDdxDiagnosis diagnosis)
{
  g_return_val_if_fail ((guint) diagnosis < HEP_N_DDX, NULL);
  return diagnosis_ids[diagnosis];
}

gboolean
hep_ddx_diagnosis_from_string (const char      *text,
                               HepDdxDiagnosis *diagnosis)
{
  g_return_val_if_fail (text != NULL, FALSE);

  for (guint i = 0; i < HEP_N_DDX; i++)
    {
      if (strcmp (text, diagnosis_ids[i]) == 0)
        {
          if (diagnosis != NULL)
            *diagnosis = (HepDdxDiagnosis) i;
          return TRUE;
        }
    }
  return FALSE;
}

const char *
hep_ddx_diagnosis_get_label (HepDdxDiagnosis diagnosis)
{
  g_return_val_if_fail ((guint) diagnosis < HEP_N_DDX, NULL);
  return g_dgettext (GETTEXT_PACKAGE, diagnosis_labels[diagnosis]);
}

gboolean
hep_ddx_diagnosis_is_non_hcc_malignancy (HepDdxDiagnosis diagnosis)
{
  return diagnosis == HEP_DDX_ICC ||
         diagnosis == HEP_DDX_MET_HYPOVASCULAR ||
         diagnosis == HEP_DDX_MET_HYPERVASCULAR;
}

/* ---- grades -------------------------------------------------------------- */

#define MINUS "\xe2\x88\x92"   /* U+2212 MINUS SIGN, as in the spec */

/* The base grade of a cell text: its leading grade before any qualifier.
 * "0/+ (NET, cystic)" is 0; "+ (I-HCA ++)" is +; "n/a" is NA. */
static HepDdxGrade
grade_from_cell (const char *cell)
{
  if (g_str_has_prefix (cell, "++"))
    return HEP_DDX_GRADE_STRONG;
  if (g_str_has_prefix (cell, "+"))
    return HEP_DDX_GRADE_SUPPORTS;
  if (g_str_has_prefix (cell, MINUS MINUS))
    return HEP_DDX_GRADE_EXCLUDES;
  if (g_str_has_prefix (cell, MINUS))
    return HEP_DDX_GRADE_AGAINST;
  if (g_str_has_prefix (cell, "0"))
    return HEP_DDX_GRADE_NEUTRAL;
  if (g_str_has_prefix (cell, "n/a"))
    return HEP_DDX_GRADE_NA;
  g_return_val_if_reached (HEP_DDX_GRADE_NA);
}

int
hep_ddx_grade_get_points (HepDdxGrade grade)
{
  switch (grade)
    {
    case HEP_DDX_GRADE_STRONG:   return 2;
    case HEP_DDX_GRADE_SUPPORTS: return 1;
    case HEP_DDX_GRADE_NEUTRAL:  return 0;
    case HEP_DDX_GRADE_AGAINST:  return -1;
    case HEP_DDX_GRADE_EXCLUDES: return -2;
    case HEP_DDX_GRADE_NA:       return 0;
    default:                     g_return_val_if_reached (0);
    }
}

const char *
hep_ddx_grade_to_string (HepDdxGrade grade)
{
  switch (grade)
    {
    case HEP_DDX_GRADE_STRONG:   return "++";
    case HEP_DDX_GRADE_SUPPORTS: return "+";
    case HEP_DDX_GRADE_NEUTRAL:  return "0";
    case HEP_DDX_GRADE_AGAINST:  return MINUS;
    case HEP_DDX_GRADE_EXCLUDES: return MINUS MINUS;
    case HEP_DDX_GRADE_NA:       return "n/a";
    default:                     g_return_val_if_reached (NULL);
    }
}

/* The known-malignancy context rows, whose metastasis grades drop one step
 * for a lesion under 10 mm (§5.3a, notes under the table). */
#define MALIGNANCY_CONTEXTS ((1u << HEP_DDX_CONTEXT_MALIGNANCY_HYPERVASCULAR) | \
                             (1u << HEP_DDX_CONTEXT_MALIGNANCY_HYPOVASCULAR) | \
                             (1u << HEP_DDX_CONTEXT_MALIGNANCY_MIXED) | \
                             (1u << HEP_DDX_CONTEXT_MALIGNANCY_AT_RISK))

static inline gboolean
is_metastasis (HepDdxDiagnosis d)
{
  return d == HEP_DDX_MET_HYPERVASCULAR || d == HEP_DDX_MET_HYPOVASCULAR;
}

/* One step down, for the small-lesion note: ++ → +, + → 0. */
static HepDdxGrade
grade_lower (HepDdxGrade grade)
{
  switch (grade)
    {
    case HEP_DDX_GRADE_STRONG:   return HEP_DDX_GRADE_SUPPORTS;
    case HEP_DDX_GRADE_SUPPORTS: return HEP_DDX_GRADE_NEUTRAL;
    default:                     return grade;
    }
}

/* What one row adds to each diagnosis, as three arrays padded to 16 lanes
 * so that summing a row is a few vector additions. */
#define LANES 16
typedef struct {
  gint16 points[LANES];
  gint16 n_for[LANES];
  gint16 n_against[LANES];
} Tally;

G_STATIC_ASSERT (HEP_N_DDX <= LANES);
/* every row that can hold fits one evidence array */
G_STATIC_ASSERT (32 + HEP_N_DDX_CONTEXTS <= HEP_DDX_MAX_EVIDENCE);

static inline void
tally_add (Tally       *acc,
           const Tally *row)
{
  for (guint d = 0; d < LANES; d++)
    {
      acc->points[d] += row->points[d];
      acc->n_for[d] += row->n_for[d];
      acc->n_against[d] += row->n_against[d];
    }
}

static void
tally_set (Tally       *t,
           HepDdxGrade  grade,
           guint        d)
{
  int p = hep_ddx_grade_get_points (grade);

  t->points[d] = (gint16) p;
  t->n_for[d] = p > 0;
  t->n_against[d] = p < 0;
}

/* The grades, parsed once from the cell texts; for the context rows also
 * with the small-lesion step applied. */
static guint8 row_grades[32][HEP_N_DDX];
static Tally row_tallies[32];
static guint8 context_grades[2][HEP_N_DDX_CONTEXTS][HEP_N_DDX];   /* [small lesion] */
static Tally context_tallies[2][HEP_N_DDX_CONTEXTS];

static void
ensure_grades (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      for (guint r = 0; r < _hep_ddx_n_rows; r++)
        for (guint d = 0; d < HEP_N_DDX; d++)
          {
            HepDdxGrade g = grade_from_cell (_hep_ddx_rows[r].cells[d]);

            row_grades[r][d] = (guint8) g;
            tally_set (&row_tallies[r], g, d);
          }
      for (guint c = 0; c < HEP_N_DDX_CONTEXTS; c++)
        for (guint d = 0; d < HEP_N_DDX; d++)
          {
            HepDdxGrade g = grade_from_cell (_hep_ddx_context_rows[c].cells[d]);
            HepDdxGrade small = g;

            if ((MALIGNANCY_CONTEXTS & (1u << c)) && is_metastasis (d))
              small = grade_lower (g);
            context_grades[0][c][d] = (guint8) g;
            tally_set (&context_tallies[0][c], g, d);
            context_grades[1][c][d] = (guint8) small;
            tally_set (&context_tallies[1][c], small, d);
          }
      g_once_init_leave (&initialized, 1);
    }
}

const HepDdxRow *
hep_ddx_get_rows (guint *n_rows)
{
  if (n_rows != NULL)
    *n_rows = _hep_ddx_n_rows;
  return _hep_ddx_rows;
}

gboolean
hep_ddx_row_is_context (const HepDdxRow *row)
{
  return row >= _hep_ddx_context_rows && row < _hep_ddx_context_rows + HEP_N_DDX_CONTEXTS;
}

static gboolean
row_is_matrix (const HepDdxRow *row)
{
  return row >= _hep_ddx_rows && row < _hep_ddx_rows + _hep_ddx_n_rows;
}

/* The grade of the cell, as the spec writes it (before the small-lesion
 * step of a context row, which hep_ddx_collect_evidence() reports). */
HepDdxGrade
hep_ddx_row_get_grade (const HepDdxRow *row,
                       HepDdxDiagnosis  diagnosis)
{
  g_return_val_if_fail (row_is_matrix (row) || hep_ddx_row_is_context (row), HEP_DDX_GRADE_NA);
  g_return_val_if_fail ((guint) diagnosis < HEP_N_DDX, HEP_DDX_GRADE_NA);
  ensure_grades ();
  if (hep_ddx_row_is_context (row))
    return (HepDdxGrade) context_grades[0][row - _hep_ddx_context_rows][diagnosis];
  return (HepDdxGrade) row_grades[row - _hep_ddx_rows][diagnosis];
}

const HepDdxRow *
hep_ddx_get_context_row (HepDdxContext context)
{
  g_return_val_if_fail ((guint) context < HEP_N_DDX_CONTEXTS, NULL);
  return &_hep_ddx_context_rows[context];
}

/* The tokens that make @row hold: "aphe=nonrim", "hbp=hypo", or a context
 * row's condition in words ("risk=hbv|prior-hcc"). */
char *
hep_ddx_row_get_tokens (const HepDdxRow *row)
{
  g_return_val_if_fail (row != NULL, NULL);
  if (row->tokens != NULL)
    return g_strdup (row->tokens);
  return hep_ddx_predicate_to_tokens (&row->when);
}

const char *
hep_ddx_row_get_source (const HepDdxRow *row)
{
  g_return_val_if_fail (row != NULL, NULL);
  return row->source != NULL ? row->source : "clinical-rules §5.1";
}

/* ---- predicates ---------------------------------------------------------- */

static inline gboolean
term_holds (const HepDdxTerm    *term,
            const HepFeatureSet *fs)
{
  int v = fs->values[term->feature];

  return v > 0 && v < 32 && (term->values & (1u << v)) != 0;
}

static inline gboolean
predicate_holds (const HepDdxPredicate *p,
                 const HepFeatureSet   *fs)
{
  if (p->n_terms == 0)
    return TRUE;
  for (guint i = 0; i < p->n_terms; i++)
    {
      gboolean holds = term_holds (&p->terms[i], fs);

      if (p->all && !holds)
        return FALSE;
      if (!p->all && holds)
        return TRUE;
    }
  return p->all;
}

gboolean
hep_ddx_predicate_holds (const HepDdxPredicate *predicate,
                         const HepFeatureSet   *features)
{
  g_return_val_if_fail (predicate != NULL && features != NULL, FALSE);
  return predicate_holds (predicate, features);
}

/* "aphe=nonrim", "hbp=hypo|targetoid", "wedge-shaped or undistorted-vessels",
 * "aphe=rim + delayed-central-enhancement" */
char *
hep_ddx_predicate_to_tokens (const HepDdxPredicate *predicate)
{
  GString *s = g_string_new (NULL);

  g_return_val_if_fail (predicate != NULL, NULL);

  for (guint i = 0; i < predicate->n_terms; i++)
    {
      const HepDdxTerm *t = &predicate->terms[i];

      if (i > 0)
        g_string_append (s, predicate->all ? " + " : " or ");
      g_string_append (s, hep_feature_get_token (t->feature));
      if (hep_feature_get_kind (t->feature) == HEP_FEATURE_KIND_CHOICE)
        {
          gboolean first = TRUE;

          for (int v = 1; v <= (int) hep_feature_get_n_choices (t->feature); v++)
            {
              if (!(t->values & HEP_DDX_VALUE (v)))
                continue;
              g_string_append_c (s, first ? '=' : '|');
              g_string_append (s, hep_feature_get_choice (t->feature, v));
              first = FALSE;
            }
        }
    }
  return g_string_free (s, FALSE);
}

/* ---- rule accessors ------------------------------------------------------ */

const HepDdxFigure *
hep_ddx_get_figures (guint *n_figures)
{
  if (n_figures != NULL)
    *n_figures = _hep_ddx_n_figures;
  return _hep_ddx_figures;
}

const char *
hep_ddx_figure_kind_get_label (HepDdxFigureKind kind)
{
  switch (kind)
    {
    case HEP_DDX_FIGURE_FREQUENCY:       return _("frequency");
    case HEP_DDX_FIGURE_FREQUENCY_RATIO: return _("frequency ratio (two groups of one cohort; not a likelihood ratio)");
    case HEP_DDX_FIGURE_SENS_SPEC:       return _("sensitivity/specificity");
    case HEP_DDX_FIGURE_AUC:             return _("area under the ROC curve");
    default:                             g_return_val_if_reached (NULL);
    }
}

#define RULE_ACCESSORS(prefix, table, n, type)                              \
const char *                                                                \
prefix##_get_id (type rule)                                                 \
{                                                                           \
  g_return_val_if_fail ((guint) rule < n, NULL);                            \
  return table[rule].id;                                                    \
}                                                                           \
const char *                                                                \
prefix##_get_source (type rule)                                             \
{                                                                           \
  g_return_val_if_fail ((guint) rule < n, NULL);                            \
  return table[rule].source;                                                \
}

RULE_ACCESSORS (hep_ddx_hard_rule, _hep_ddx_hard_rules, HEP_N_DDX_HARD_RULES, HepDdxHardRule)
RULE_ACCESSORS (hep_ddx_pitfall, _hep_ddx_pitfalls, HEP_N_DDX_PITFALLS, HepDdxPitfall)

const char *
hep_ddx_hard_rule_get_title (HepDdxHardRule rule)
{
  g_return_val_if_fail ((guint) rule < HEP_N_DDX_HARD_RULES, NULL);
  return g_dgettext (GETTEXT_PACKAGE, _hep_ddx_hard_rules[rule].title);
}

HepProvenance
hep_ddx_hard_rule_get_provenance (HepDdxHardRule rule)
{
  g_return_val_if_fail ((guint) rule < HEP_N_DDX_HARD_RULES, HEP_PROVENANCE_UNCONFIRMED);
  return _hep_ddx_hard_rules[rule].provenance;
}

const char *
hep_ddx_pitfall_get_text (HepDdxPitfall pitfall)
{
  g_return_val_if_fail ((guint) pitfall < HEP_N_DDX_PITFALLS, NULL);
  return g_dgettext (GETTEXT_PACKAGE, _hep_ddx_pitfalls[pitfall].title);
}

HepProvenance
hep_ddx_pitfall_get_provenance (HepDdxPitfall pitfall)
{
  g_return_val_if_fail ((guint) pitfall < HEP_N_DDX_PITFALLS, HEP_PROVENANCE_UNCONFIRMED);
  return _hep_ddx_pitfalls[pitfall].provenance;
}

/* ---- evaluation ---------------------------------------------------------- */

#define HAS(fs, f)     ((fs)->values[f] != 0)
#define IS(fs, f, v)   ((fs)->values[f] == (v))

static gboolean
at_risk_liver (const HepFeatureSet *fs)
{
  int risk = fs->values[HEP_FEATURE_RISK];

  return risk == HEP_RISK_CIRRHOSIS || risk == HEP_RISK_HBV || risk == HEP_RISK_PRIOR_HCC;
}

/* Which context rows of §5.3a hold, after the notes under its table [K]:
 * - `risk` not given counts neither way, except that a known malignancy
 *   without stated liver disease (risk=none or not given) takes the
 *   known-malignancy rows "without an HCC risk factor";
 * - the risk=none row needs no known malignancy, so its HCC − is never added
 *   to a known-malignancy row's;
 * - `primary` is read only with known-malignancy [D];
 * - a known malignancy with cirrhosis of an excluded cause counts as "with
 *   an HCC risk factor": liver disease is stated [D];
 * - woman under 50: sex=f and an age under 50 given. */
static guint32
find_contexts (const HepFeatureSet *fs)
{
  guint32 c = 0;
  int risk = fs->values[HEP_FEATURE_RISK];
  int age = fs->values[HEP_FEATURE_AGE];
  gboolean excluded = HAS (fs, HEP_FEATURE_LIRADS_EXCLUDED);
  gboolean known_malignancy = HAS (fs, HEP_FEATURE_KNOWN_MALIGNANCY);

#define SET(x) (c |= 1u << (x))

  if (risk == HEP_RISK_CIRRHOSIS && !excluded)
    SET (HEP_DDX_CONTEXT_CIRRHOSIS);
  if (risk == HEP_RISK_HBV || risk == HEP_RISK_PRIOR_HCC)
    SET (HEP_DDX_CONTEXT_HBV_PRIOR_HCC);
  if (risk == HEP_RISK_CIRRHOSIS && excluded)
    SET (HEP_DDX_CONTEXT_EXCLUDED_CIRRHOSIS);
  if (risk == HEP_RISK_NONE && !known_malignancy)
    SET (HEP_DDX_CONTEXT_NO_RISK);
  if (known_malignancy && at_risk_liver (fs))
    SET (HEP_DDX_CONTEXT_MALIGNANCY_AT_RISK);
  else if (known_malignancy)
    {
      switch (fs->values[HEP_FEATURE_PRIMARY])
        {
        case HEP_PRIMARY_NEUROENDOCRINE:
        case HEP_PRIMARY_RENAL:
        case HEP_PRIMARY_MELANOMA:
        case HEP_PRIMARY_THYROID:
          SET (HEP_DDX_CONTEXT_MALIGNANCY_HYPERVASCULAR);
          break;
        case HEP_PRIMARY_COLORECTAL:
        case HEP_PRIMARY_PANCREAS:
        case HEP_PRIMARY_STOMACH:
        case HEP_PRIMARY_LUNG:
          SET (HEP_DDX_CONTEXT_MALIGNANCY_HYPOVASCULAR);
          break;
        default:   /* breast, other, not given */
          SET (HEP_DDX_CONTEXT_MALIGNANCY_MIXED);
          break;
        }
    }
  if (HAS (fs, HEP_FEATURE_HORMONE_USE))
    SET (HEP_DDX_CONTEXT_HORMONE_USE);
  if (HAS (fs, HEP_FEATURE_ANDROGEN_USE))
    SET (HEP_DDX_CONTEXT_ANDROGEN_USE);
  if (IS (fs, HEP_FEATURE_SEX, HEP_SEX_F) && age != HEP_FEATURE_UNSET && age < 50)
    SET (HEP_DDX_CONTEXT_YOUNG_WOMAN);
  if (HAS (fs, HEP_FEATURE_FEVER))
    SET (HEP_DDX_CONTEXT_FEVER);
  if (HAS (fs, HEP_FEATURE_AFP_RAISED))
    SET (HEP_DDX_CONTEXT_AFP);
  if (HAS (fs, HEP_FEATURE_CA19_9_RAISED))
    SET (HEP_DDX_CONTEXT_CA19_9);

#undef SET
  return c;
}

/* TRUE if @a ranks above @b on score and the order of last resort. */
static inline gboolean
ranks_above (const HepDdxEntry *a,
             const HepDdxEntry *b)
{
  if (a->score != b->score)
    return a->score > b->score;
  return tie_rank[a->diagnosis] < tie_rank[b->diagnosis];
}

typedef struct {
  HepDdxEntry entries[HEP_N_DDX];   /* by diagnosis */
  int         n_pinned;
  int         pin_order[HEP_N_DDX]; /* by diagnosis: position among the pinned, or -1 */
} Ranking;

static void
pin (Ranking         *r,
     HepDdxDiagnosis  diagnosis,
     HepDdxHardRule   rule)
{
  if (r->pin_order[diagnosis] >= 0)
    return;
  r->pin_order[diagnosis] = r->n_pinned++;
  r->entries[diagnosis].pinned_by = (int) rule;
}

/* The best non-HCC malignancy not pinned yet. */
static void
pin_non_hcc_malignancy (Ranking        *r,
                        HepDdxHardRule  rule)
{
  static const HepDdxDiagnosis group[] = { HEP_DDX_ICC, HEP_DDX_MET_HYPOVASCULAR, HEP_DDX_MET_HYPERVASCULAR };
  const HepDdxEntry *best = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (group); i++)
    {
      const HepDdxEntry *e = &r->entries[group[i]];

      if (r->pin_order[group[i]] >= 0)
        return;   /* one is pinned already */
      if (best == NULL || ranks_above (e, best))
        best = e;
    }
  pin (r, best->diagnosis, rule);
}

static gboolean
ranking_above (const Ranking     *r,
               const HepDdxEntry *a,
               const HepDdxEntry *b)
{
  int pa = r->pin_order[a->diagnosis];
  int pb = r->pin_order[b->diagnosis];

  if (pa >= 0 || pb >= 0)
    {
      if (pa < 0)
        return FALSE;
      if (pb < 0)
        return TRUE;
      return pa < pb;
    }
  return ranks_above (a, b);
}

static guint32
find_pitfalls (const HepFeatureSet   *fs,
               const HepLiradsResult *lr,
               const HepDdxResult    *result)
{
  guint32 p = 0;
  int aphe = fs->values[HEP_FEATURE_APHE];
  int hbp = fs->values[HEP_FEATURE_HBP];
  int t2 = fs->values[HEP_FEATURE_T2];
  int size = fs->values[HEP_FEATURE_SIZE];
  gboolean hbp_hypo = hbp == HEP_HBP_HYPO || hbp == HEP_HBP_TARGETOID;
  gboolean nodular = HAS (fs, HEP_FEATURE_PERIPHERAL_NODULAR);
  gboolean fill = HAS (fs, HEP_FEATURE_CENTRIPETAL_FILL);
  gboolean pool = HAS (fs, HEP_FEATURE_PARALLELS_BLOOD_POOL);
  gboolean t2_marked = t2 == HEP_T2_MARKED;

#define SET(x) (p |= 1u << (x))

  if (HAS (fs, HEP_FEATURE_TP_HYPO) || hbp_hypo)
    SET (HEP_DDX_PITFALL_GADOXETATE_NOT_WASHOUT);
  if (aphe == HEP_APHE_NONRIM && !nodular &&
      (t2_marked || pool || HAS (fs, HEP_FEATURE_KNOWN_MALIGNANCY)))
    SET (HEP_DDX_PITFALL_FLASH_FILLING);
  if (hbp == HEP_HBP_ISO_HYPER)
    SET (HEP_DDX_PITFALL_HCC_HBP_ISO);

  for (guint i = 0; i < lr->n_steps; i++)
    if (lr->steps[i].rule == HEP_LIRADS_RULE_LRM_NONTARGETOID &&
        !lr->steps[i].matched && lr->steps[i].af_malignant != 0)
      SET (HEP_DDX_PITFALL_NONTARGETOID_NO_OVERRIDE);
  if (result->lirads_targetoid)
    SET (HEP_DDX_PITFALL_TARGETOID_OVERRIDES);

  if (hbp == HEP_HBP_HYPO)
    SET (HEP_DDX_PITFALL_HBP_HYPO_NOT_SPECIFIC);
  if ((nodular || fill || pool) && !(nodular && t2_marked && (fill || pool)))
    SET (HEP_DDX_PITFALL_HEMANGIOMA_SIGNATURE);
  if ((HAS (fs, HEP_FEATURE_TP_HYPO) || hbp == HEP_HBP_HYPO) && (nodular || fill || pool || t2_marked))
    SET (HEP_DDX_PITFALL_HEMANGIOMA_PSEUDO_WASHOUT);
  if (hep_lirads_find_role (fs, HEP_LIRADS_ROLE_LRM_TARGETOID) != 0)
    SET (HEP_DDX_PITFALL_TARGET_PATTERN);
  if (aphe == HEP_APHE_NONRIM && HAS (fs, HEP_FEATURE_WASHOUT) && !result->lirads_applicable)
    SET (HEP_DDX_PITFALL_OUTSIDE_POPULATION);
  if (HAS (fs, HEP_FEATURE_WEDGE_SHAPED) || HAS (fs, HEP_FEATURE_UNDISTORTED_VESSELS))
    SET (HEP_DDX_PITFALL_PSEUDOLESION);
  if (HAS (fs, HEP_FEATURE_FEVER))
    SET (HEP_DDX_PITFALL_FEVER_NOT_SPECIFIC);
  if (at_risk_liver (fs) && HAS (fs, HEP_FEATURE_CAPSULAR_RETRACTION))
    SET (HEP_DDX_PITFALL_CONFLUENT_FIBROSIS);
  if (HAS (fs, HEP_FEATURE_LIRADS_EXCLUDED))
    SET (HEP_DDX_PITFALL_VASCULAR_CIRRHOSIS);
  if (HAS (fs, HEP_FEATURE_KNOWN_MALIGNANCY) && size != HEP_FEATURE_UNSET && size < 15)
    SET (HEP_DDX_PITFALL_SMALL_LESIONS_BENIGN);
  /* §5.3a pitfalls: known primary + nonrim APHE + washout, by the primary */
  if (aphe == HEP_APHE_NONRIM && HAS (fs, HEP_FEATURE_WASHOUT))
    {
      if (result->contexts & ((1u << HEP_DDX_CONTEXT_MALIGNANCY_HYPERVASCULAR) |
                              (1u << HEP_DDX_CONTEXT_MALIGNANCY_MIXED)))
        SET (HEP_DDX_PITFALL_KNOWN_PRIMARY_HYPERVASCULAR);
      if (result->contexts & (1u << HEP_DDX_CONTEXT_MALIGNANCY_HYPOVASCULAR))
        SET (HEP_DDX_PITFALL_KNOWN_PRIMARY_HYPOVASCULAR);
    }
  if (result->contexts & (1u << HEP_DDX_CONTEXT_MALIGNANCY_AT_RISK))
    SET (HEP_DDX_PITFALL_KNOWN_PRIMARY_AT_RISK);
  if (result->hard_rules & (1u << HEP_DDX_HARD_GAS_ABSCESS))
    SET (HEP_DDX_PITFALL_GAS);

#undef SET
  return p;
}

/* Ranks the twelve diagnoses for @fs and returns the first. @result may be
 * NULL. Allocates nothing. */
HepDdxDiagnosis
hep_ddx_evaluate (const HepFeatureSet *fs,
                  HepDdxResult        *result)
{
  HepDdxResult scratch;
  HepLiradsResult lr;
  Ranking r;
  Tally all = { { 0 } }, context = { { 0 } };
  int order[HEP_N_DDX];
  int aphe, t2, dwi, hbp, size;

  g_return_val_if_fail (fs != NULL, HEP_DDX_HCC);

  ensure_grades ();
  if (result == NULL)
    result = &scratch;
  result->rows = 0;
  result->hard_rules = 0;
  result->figures = 0;

  aphe = fs->values[HEP_FEATURE_APHE];
  t2 = fs->values[HEP_FEATURE_T2];
  dwi = fs->values[HEP_FEATURE_DWI];
  hbp = fs->values[HEP_FEATURE_HBP];
  size = fs->values[HEP_FEATURE_SIZE];

  /* 2. the score: the matrix (§5.1), only rows whose feature is present ... */
  for (guint i = 0; i < _hep_ddx_n_rows; i++)
    {
      if (!predicate_holds (&_hep_ddx_rows[i].when, fs))
        continue;
      result->rows |= 1u << i;
      tally_add (&all, &row_tallies[i]);
    }

  /* ... and the context rows (§5.3a) on the same scale */
  result->contexts = find_contexts (fs);
  result->small_lesion = HAS (fs, HEP_FEATURE_KNOWN_MALIGNANCY) && size != HEP_FEATURE_UNSET && size < 10;
  for (guint c = 0; c < HEP_N_DDX_CONTEXTS; c++)
    if (result->contexts & (1u << c))
      tally_add (&context, &context_tallies[result->small_lesion][c]);
  tally_add (&all, &context);

  for (guint d = 0; d < HEP_N_DDX; d++)
    {
      r.entries[d] = (HepDdxEntry) {
        .diagnosis = (HepDdxDiagnosis) d,
        .score = all.points[d],
        .context = context.points[d],
        .n_for = all.n_for[d],
        .n_against = all.n_against[d],
        .pinned_by = -1,
      };
      r.pin_order[d] = -1;
    }
  r.n_pinned = 0;

  /* 1. hard rules (§5.4 items 2 and 6), in precedence order */
  result->lirads = hep_lirads_evaluate (fs, &lr);
  result->lirads_applicable = lr.applicable;
  result->lirads_targetoid = FALSE;
  if (result->lirads == HEP_LIRADS_M)
    for (guint i = 0; i < lr.n_steps; i++)
      if (lr.steps[i].rule == HEP_LIRADS_RULE_LRM_TARGETOID && lr.steps[i].matched)
        result->lirads_targetoid = TRUE;

#define FIRE(rule) (result->hard_rules |= 1u << (rule))

  if (result->lirads == HEP_LIRADS_5)
    {
      FIRE (HEP_DDX_HARD_LIRADS_5);
      pin (&r, HEP_DDX_HCC, HEP_DDX_HARD_LIRADS_5);
    }
  if (result->lirads == HEP_LIRADS_TIV)
    {
      int cause = HEP_LIRADS_NA;

      for (guint i = 0; i < lr.n_steps; i++)
        if (lr.steps[i].rule == HEP_LIRADS_RULE_TIV)
          cause = lr.steps[i].detail;
      if (cause == HEP_LIRADS_M)
        {
          FIRE (HEP_DDX_HARD_LIRADS_TIV_NON_HCC);
          pin_non_hcc_malignancy (&r, HEP_DDX_HARD_LIRADS_TIV_NON_HCC);
        }
      else
        {
          FIRE (HEP_DDX_HARD_LIRADS_TIV_HCC);
          pin (&r, HEP_DDX_HCC, HEP_DDX_HARD_LIRADS_TIV_HCC);
        }
    }
  /* §5.4 item 6: gas essentially excludes untreated tumour; with fever or
   * rim APHE, abscess first, even at LR-M (a known LR-M mimic) */
  if (HAS (fs, HEP_FEATURE_GAS) && (HAS (fs, HEP_FEATURE_FEVER) || aphe == HEP_APHE_RIM))
    {
      FIRE (HEP_DDX_HARD_GAS_ABSCESS);
      pin (&r, HEP_DDX_ABSCESS, HEP_DDX_HARD_GAS_ABSCESS);
    }
  /* §5.4 item 6: LR-4 without any LR-M feature is "probably HCC" */
  if (result->lirads == HEP_LIRADS_4 &&
      hep_lirads_find_role (fs, HEP_LIRADS_ROLE_LRM_TARGETOID) == 0 &&
      hep_lirads_find_role (fs, HEP_LIRADS_ROLE_LRM_NONTARGETOID) == 0)
    {
      FIRE (HEP_DDX_HARD_LIRADS_4);
      pin (&r, HEP_DDX_HCC, HEP_DDX_HARD_LIRADS_4);
    }
  if (result->lirads == HEP_LIRADS_M)
    {
      HepDdxHardRule rule = result->lirads_targetoid ? HEP_DDX_HARD_LIRADS_M_TARGETOID
                                                     : HEP_DDX_HARD_LIRADS_M_NONTARGETOID;
      FIRE (rule);
      pin_non_hcc_malignancy (&r, rule);
    }

  /* "no enhancement + fluid T2 + thin wall → simple cyst": no token for the
   * wall; "no enhancement in any phase" already rules out an enhancing one,
   * and pus (marked or targetoid restriction) or gas rules out a cyst.
   * §5.4 item 6: t2=marked is the fluid T2; under 10 mm or innumerable,
   * biliary hamartoma is ranked with the cyst, the two by score. */
  if (HAS (fs, HEP_FEATURE_NO_ENHANCEMENT) && t2 == HEP_T2_MARKED &&
      aphe != HEP_APHE_NONRIM && aphe != HEP_APHE_RIM &&
      dwi != HEP_DWI_MARKED && dwi != HEP_DWI_TARGETOID && !HAS (fs, HEP_FEATURE_GAS))
    {
      gboolean hamartoma = (size != HEP_FEATURE_UNSET && size < 10) ||
                           IS (fs, HEP_FEATURE_COUNT, HEP_COUNT_INNUMERABLE);

      FIRE (HEP_DDX_HARD_CYST);
      if (hamartoma)
        FIRE (HEP_DDX_HARD_BILIARY_HAMARTOMA);
      if (hamartoma && ranks_above (&r.entries[HEP_DDX_BILIARY_HAMARTOMA], &r.entries[HEP_DDX_CYST]))
        pin (&r, HEP_DDX_BILIARY_HAMARTOMA, HEP_DDX_HARD_BILIARY_HAMARTOMA);
      pin (&r, HEP_DDX_CYST, HEP_DDX_HARD_CYST);
      if (hamartoma)
        pin (&r, HEP_DDX_BILIARY_HAMARTOMA, HEP_DDX_HARD_BILIARY_HAMARTOMA);
    }
  /* "blood-pool nodular pattern + marked T2 → hemangioma" */
  if (HAS (fs, HEP_FEATURE_PERIPHERAL_NODULAR) && t2 == HEP_T2_MARKED)
    {
      FIRE (HEP_DDX_HARD_HEMANGIOMA);
      pin (&r, HEP_DDX_HEMANGIOMA, HEP_DDX_HARD_HEMANGIOMA);
    }
  /* "OP drop + typical site + no mass effect → focal fat": no token for the
   * site; no mass effect is undistorted vessels or a geographic shape. */
  if (HAS (fs, HEP_FEATURE_FAT_IN_MASS) &&
      (HAS (fs, HEP_FEATURE_UNDISTORTED_VESSELS) || HAS (fs, HEP_FEATURE_WEDGE_SHAPED)))
    {
      FIRE (HEP_DDX_HARD_FOCAL_FAT);
      pin (&r, HEP_DDX_FOCAL_FAT, HEP_DDX_HARD_FOCAL_FAT);
    }
  /* "AP wedge, iso later, no T2/DWI correlate → THAD": "no correlate" must be
   * given (t2=iso, dwi=none); unset is no evidence. */
  if (HAS (fs, HEP_FEATURE_WEDGE_SHAPED) && aphe == HEP_APHE_NONRIM &&
      !HAS (fs, HEP_FEATURE_WASHOUT) && !HAS (fs, HEP_FEATURE_PERIPHERAL_WASHOUT) &&
      !HAS (fs, HEP_FEATURE_CAPSULE) && t2 == HEP_T2_ISO && dwi == HEP_DWI_NONE &&
      hbp != HEP_HBP_HYPO && hbp != HEP_HBP_TARGETOID)
    {
      FIRE (HEP_DDX_HARD_THAD);
      pin (&r, HEP_DDX_THAD, HEP_DDX_HARD_THAD);
    }
#undef FIRE

  /* the ranking: insertion sort of twelve */
  for (int i = 0; i < HEP_N_DDX; i++)
    {
      int j = i;

      while (j > 0 && ranking_above (&r, &r.entries[i], &r.entries[order[j - 1]]))
        {
          order[j] = order[j - 1];
          j--;
        }
      order[j] = i;
    }
  for (int i = 0; i < HEP_N_DDX; i++)
    result->ranking[i] = r.entries[order[i]];

  /* figures (§5.2), display only */
  for (guint i = 0; i < _hep_ddx_n_figures; i++)
    {
      const HepDdxFigure *f = &_hep_ddx_figures[i];

      if (f->lirads != HEP_LIRADS_NA && f->lirads != result->lirads)
        continue;
      if (predicate_holds (&f->when, fs))
        result->figures |= G_GUINT64_CONSTANT (1) << i;
    }

  result->pitfalls = find_pitfalls (fs, &lr, result);
  return result->ranking[0].diagnosis;
}

/* The grade of @row's cell for @diagnosis; for a context row with
 * @small_lesion, after the small-lesion step. */
HepDdxGrade
_hep_ddx_cell_grade (const HepDdxRow *row,
                     HepDdxDiagnosis  diagnosis,
                     gboolean         small_lesion)
{
  ensure_grades ();
  if (hep_ddx_row_is_context (row))
    return (HepDdxGrade) context_grades[small_lesion ? 1 : 0][row - _hep_ddx_context_rows][diagnosis];
  return (HepDdxGrade) row_grades[row - _hep_ddx_rows][diagnosis];
}
