/* hep-next-imaging.c: ACR AC Liver Lesion–Initial Characterization and US LI-RADS
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The variant tables are shared/clinical/clinical-rules.md §3.3. Only
 * variant 1 of the 2020 revision was retrieved in full and variant 2 in part
 * [P]; variants 3–12 have one or a few ratings from secondary articles [S].
 * Every procedure whose rating was not seen is listed as unconfirmed, with
 * no rating. RRLs are the 2020 [P] values of each procedure (§3.2, §3.3);
 * none is taken from the seed article (§3.3, "do not display RRL from the
 * seed").
 */

#include "config.h"

#include "hep-next-imaging.h"

#include <glib/gi18n-lib.h>
#include <string.h>

G_DEFINE_QUARK (hep-next-imaging-error-quark, hep_next_imaging_error)

/* ---- procedures ---------------------------------------------------------- */

typedef struct {
  const char *id;
  const char *label;   /* the ACR wording, translatable */
  HepRrl      rrl;     /* 2020 tables, variants 1 and 2 [P] */
} ProcedureInfo;

static const ProcedureInfo procedures[HEP_N_PROCEDURES] = {
  [HEP_PROCEDURE_MRI_WO_W] = { "mri-wo-w", N_("MRI abdomen without and with IV contrast"), HEP_RRL_0 },
  [HEP_PROCEDURE_MRI_WO] = { "mri-wo", N_("MRI abdomen without IV contrast"), HEP_RRL_0 },
  [HEP_PROCEDURE_CT_MULTIPHASE] = { "ct-multiphase", N_("CT abdomen with IV contrast multiphase"), HEP_RRL_3 },
  [HEP_PROCEDURE_CT_WO] = { "ct-wo", N_("CT abdomen without IV contrast"), HEP_RRL_3 },
  [HEP_PROCEDURE_CT_WO_W] = { "ct-wo-w", N_("CT abdomen without and with IV contrast"), HEP_RRL_4 },
  [HEP_PROCEDURE_CEUS] = { "ceus", N_("US abdomen with IV contrast (CEUS)"), HEP_RRL_0 },
  [HEP_PROCEDURE_US] = { "us", N_("US abdomen"), HEP_RRL_0 },
  [HEP_PROCEDURE_BIOPSY] = { "biopsy", N_("Percutaneous image-guided biopsy liver"), HEP_RRL_VARIES },
  [HEP_PROCEDURE_FDG_PET_CT] = { "fdg-pet-ct", N_("FDG-PET/CT skull base to mid-thigh"), HEP_RRL_4 },
  [HEP_PROCEDURE_DOTATATE_PET_CT] = { "dotatate-pet-ct", N_("DOTATATE PET/CT skull base to mid-thigh"), HEP_RRL_3 },
  [HEP_PROCEDURE_RBC_SCAN] = { "rbc-scan", N_("RBC scan abdomen and pelvis"), HEP_RRL_3 },
  [HEP_PROCEDURE_LIVER_SPLEEN_SCAN] = { "liver-spleen-scan", N_("Liver-spleen scan"), HEP_RRL_3 },
  [HEP_PROCEDURE_OCTREOTIDE_SPECT] = { "octreotide-spect", N_("Octreotide scan with SPECT or SPECT/CT chest and abdomen"), HEP_RRL_4 },
};

/* The order in which procedures without a seen rating are appended to a
 * variant's table: the order of the one complete table, variant 1, then US. */
static const HepProcedure canonical_order[HEP_N_PROCEDURES] = {
  HEP_PROCEDURE_CEUS, HEP_PROCEDURE_MRI_WO_W, HEP_PROCEDURE_CT_MULTIPHASE, HEP_PROCEDURE_MRI_WO,
  HEP_PROCEDURE_BIOPSY, HEP_PROCEDURE_CT_WO, HEP_PROCEDURE_LIVER_SPLEEN_SCAN, HEP_PROCEDURE_RBC_SCAN,
  HEP_PROCEDURE_CT_WO_W, HEP_PROCEDURE_DOTATATE_PET_CT, HEP_PROCEDURE_FDG_PET_CT,
  HEP_PROCEDURE_OCTREOTIDE_SPECT, HEP_PROCEDURE_US,
};

/* ---- variants (clinical-rules.md §3.3) ------------------------------------ */

#define UA  HEP_RATING_USUALLY_APPROPRIATE
#define MBA HEP_RATING_MAY_BE_APPROPRIATE
#define UNA HEP_RATING_USUALLY_NOT_APPROPRIATE
#define P   HEP_PROVENANCE_PRIMARY
#define S   HEP_PROVENANCE_SECONDARY
#define K   HEP_PROVENANCE_UNCONFIRMED

#define NOTE_SEED N_("Seed article (secondary source); not verified against the ACR PDF.")
#define NOTE_MIXED N_("The secondary article covers US, CT and MRI initial imaging together.")

static const HepImagingEntry v1[] = {
  { HEP_PROCEDURE_CEUS, UA, P, NULL },
  { HEP_PROCEDURE_MRI_WO_W, UA, P, NULL },
  { HEP_PROCEDURE_CT_MULTIPHASE, UA, P, NULL },
  { HEP_PROCEDURE_MRI_WO, MBA, P, NULL },
  { HEP_PROCEDURE_BIOPSY, UNA, P, NULL },
  { HEP_PROCEDURE_CT_WO, UNA, P, NULL },
  { HEP_PROCEDURE_LIVER_SPLEEN_SCAN, UNA, P, NULL },
  { HEP_PROCEDURE_RBC_SCAN, UNA, P, NULL },
  { HEP_PROCEDURE_CT_WO_W, UNA, P, NULL },
  { HEP_PROCEDURE_DOTATATE_PET_CT, UNA, P, NULL },
  { HEP_PROCEDURE_FDG_PET_CT, UNA, P, NULL },
  { HEP_PROCEDURE_OCTREOTIDE_SPECT, UNA, P, NULL },
};

static const HepImagingEntry v2[] = {
  { HEP_PROCEDURE_MRI_WO_W, UA, P, NULL },
  { HEP_PROCEDURE_CT_MULTIPHASE, UA, P, NULL },
  { HEP_PROCEDURE_US, MBA, P, N_("Panel disagreement.") },
  { HEP_PROCEDURE_CEUS, MBA, P, NULL },
  { HEP_PROCEDURE_BIOPSY, UNA, P, NULL },
  { HEP_PROCEDURE_LIVER_SPLEEN_SCAN, UNA, P, NULL },
  { HEP_PROCEDURE_RBC_SCAN, UNA, P, NULL },
  { HEP_PROCEDURE_CT_WO_W, HEP_RATING_NONE, K, N_("Listed, but its rating is not visible in the retrieved excerpt.") },
};

static const HepImagingEntry v3[] = {
  { HEP_PROCEDURE_MRI_WO_W, UA, S, N_("Secondary article headline.") },
};

static const HepImagingEntry v4[] = {
  { HEP_PROCEDURE_MRI_WO_W, UA, S, N_("Secondary article headline.") },
};

static const HepImagingEntry v5[] = {
  { HEP_PROCEDURE_CEUS, UA, S, N_("“One of the primary” studies, per a secondary article headline.") },
};

static const HepImagingEntry v9[] = {
  { HEP_PROCEDURE_MRI_WO_W, UA, S, NOTE_SEED },
  { HEP_PROCEDURE_CT_MULTIPHASE, MBA, S,
    N_("Seed article (secondary source); not verified against the ACR PDF. RRL discrepancy: the seed article gives ☢☢☢☢ (10–30 mSv); "
       "the 2020 ACR tables for variants 1 and 2 give ☢☢☢ (1–10 mSv), shown here. Unresolved: verify against the ACR document.") },
  { HEP_PROCEDURE_MRI_WO, MBA, S, NOTE_SEED },
  { HEP_PROCEDURE_CEUS, MBA, S, NOTE_SEED },
  { HEP_PROCEDURE_BIOPSY, UNA, S, NOTE_SEED },
  { HEP_PROCEDURE_FDG_PET_CT, UNA, S, NOTE_SEED },
};

static const HepImagingEntry v10[] = {
  { HEP_PROCEDURE_MRI_WO_W, UA, S, N_("Secondary article headline.") },
};

static const HepImagingEntry v11[] = {
  { HEP_PROCEDURE_MRI_WO_W, UA, S, NOTE_MIXED },
};

static const HepImagingEntry v12[] = {
  { HEP_PROCEDURE_MRI_WO_W, UA, S, NOTE_MIXED },
};

#define KM  HEP_IMAGING_CONTEXT_KNOWN_MALIGNANCY
#define CLD HEP_IMAGING_CONTEXT_CHRONIC_LIVER_DISEASE
#define NRM HEP_IMAGING_CONTEXT_NORMAL
#define SEEN(a) a, G_N_ELEMENTS (a)

static const HepImagingVariant variants[] = {
  { 1, FALSE, "gt1cm-us-normal", TRUE, TRUE, NRM,
    N_("Indeterminate liver lesion > 1 cm, first seen on US; normal liver, no suspicion or evidence of extrahepatic malignancy or liver disease"),
    N_("All ratings confirmed in the 2020 ACR document."), P, TRUE, SEEN (v1) },
  { 2, FALSE, "gt1cm-ct-mri-normal", TRUE, FALSE, NRM,
    N_("Indeterminate liver lesion > 1 cm, first seen on CT (noncontrast or single-phase) or noncontrast MRI; normal liver"),
    N_("Partially confirmed in the 2020 ACR document; the retrieved excerpt ends mid-list."), P, FALSE, SEEN (v2) },
  { 3, TRUE, "gt1cm-us-known-malignancy", TRUE, TRUE, KM,
    N_("Indeterminate liver lesion > 1 cm, first seen on US; known extrahepatic malignancy"),
    N_("Only the headline rating, from a secondary article."), S, FALSE, SEEN (v3) },
  { 4, TRUE, "gt1cm-ct-mri-known-malignancy", TRUE, FALSE, KM,
    N_("Indeterminate liver lesion > 1 cm, first seen on CT (noncontrast or single-phase) or noncontrast MRI; known extrahepatic malignancy"),
    N_("Only the headline rating, from a secondary article."), S, FALSE, SEEN (v4) },
  { 5, TRUE, "gt1cm-us-chronic-liver-disease", TRUE, TRUE, CLD,
    N_("Indeterminate liver lesion > 1 cm, first seen on US; chronic liver disease"),
    N_("Only the headline rating, from a secondary article."), S, FALSE, SEEN (v5) },
  { 6, TRUE, "gt1cm-ct-mri-chronic-liver-disease", TRUE, FALSE, CLD,
    N_("Indeterminate liver lesion > 1 cm, first seen on CT (noncontrast or single-phase) or noncontrast MRI; chronic liver disease"),
    N_("Not found separately (the secondary article mixes US, CT and MRI initial imaging): no rating confirmed."), K, FALSE, NULL, 0 },
  { 7, TRUE, "lt1cm-us-normal", FALSE, TRUE, NRM,
    N_("Indeterminate liver lesion < 1 cm, first seen on US; normal liver"),
    N_("Not found: no rating confirmed."), K, FALSE, NULL, 0 },
  { 8, TRUE, "lt1cm-ct-mri-normal", FALSE, FALSE, NRM,
    N_("Indeterminate liver lesion < 1 cm, first seen on CT (noncontrast or single-phase) or noncontrast MRI; normal liver"),
    N_("Not found: no rating confirmed."), K, FALSE, NULL, 0 },
  { 9, TRUE, "lt1cm-us-known-malignancy", FALSE, TRUE, KM,
    N_("Indeterminate liver lesion < 1 cm, first seen on US; known extrahepatic malignancy"),
    N_("Six ratings from the seed article (secondary source), not verified against the ACR PDF."), S, FALSE, SEEN (v9) },
  { 10, TRUE, "lt1cm-ct-mri-known-malignancy", FALSE, FALSE, KM,
    N_("Indeterminate liver lesion < 1 cm, first seen on CT (noncontrast or single-phase) or noncontrast MRI; known extrahepatic malignancy"),
    N_("Only the headline rating, from a secondary article."), S, FALSE, SEEN (v10) },
  { 11, TRUE, "lt1cm-us-chronic-liver-disease", FALSE, TRUE, CLD,
    N_("Indeterminate liver lesion < 1 cm, first seen on US; chronic liver disease"),
    N_("Only the headline rating, from a secondary article that covers US, CT and MRI initial imaging together."), S, FALSE, SEEN (v11) },
  { 12, TRUE, "lt1cm-ct-mri-chronic-liver-disease", FALSE, FALSE, CLD,
    N_("Indeterminate liver lesion < 1 cm, first seen on CT (noncontrast or single-phase) or noncontrast MRI; chronic liver disease"),
    N_("Only the headline rating, from a secondary article that covers US, CT and MRI initial imaging together."), S, FALSE, SEEN (v12) },
};

const HepImagingVariant *
hep_next_imaging_get_variants (guint *n_variants)
{
  if (n_variants != NULL)
    *n_variants = G_N_ELEMENTS (variants);
  return variants;
}

/* Exactly 10 mm maps to the > 1 cm variants [D]. */
const HepImagingVariant *
hep_next_imaging_find_variant (int               size_mm,
                               HepFoundOn        found_on,
                               HepImagingContext context)
{
  gboolean larger = size_mm >= 10;
  gboolean on_us = found_on == HEP_FOUND_ON_US;

  g_return_val_if_fail (found_on != HEP_FOUND_ON_UNSET, NULL);
  g_return_val_if_fail (context != HEP_IMAGING_CONTEXT_UNSET, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (variants); i++)
    if (variants[i].larger == larger && variants[i].on_us == on_us && variants[i].context == context)
      return &variants[i];
  g_return_val_if_reached (NULL);
}

/* ---- evaluation ---------------------------------------------------------- */

static gboolean
at_risk (const HepFeatureSet *fs)
{
  int risk = fs->values[HEP_FEATURE_RISK];

  return risk == HEP_RISK_CIRRHOSIS || risk == HEP_RISK_HBV || risk == HEP_RISK_PRIOR_HCC;
}

/* clinical-rules.md §2. Applies to at-risk adults whose lesion was found on
 * US. Precedence: new thrombus in vein → US-3; only definitely benign
 * observations → US-1; then size: < 10 mm US-2, ≥ 10 mm US-3. */
static void
us_lirads (const HepImagingScenario *sc,
           HepNextImagingResult     *result)
{
  const HepFeatureSet *fs = &sc->features;
  int age = fs->values[HEP_FEATURE_AGE];

  result->us_vis = sc->us_vis;
  result->us_category = HEP_US_LIRADS_NA;
  if (!at_risk (fs))
    result->us_reason = HEP_US_REASON_NOT_AT_RISK;
  else if (sc->found_on != HEP_FOUND_ON_US)
    result->us_reason = HEP_US_REASON_NOT_US;
  else if (age != HEP_FEATURE_UNSET && age < 18)
    result->us_reason = HEP_US_REASON_UNDER_18;
  else if (sc->new_thrombus)
    {
      result->us_category = HEP_US_LIRADS_3;
      result->us_reason = HEP_US_REASON_NEW_THROMBUS;
    }
  else if (sc->us_benign || fs->values[HEP_FEATURE_DEFINITELY_BENIGN])
    {
      result->us_category = HEP_US_LIRADS_1;
      result->us_reason = HEP_US_REASON_BENIGN;
    }
  else if (result->size_mm < 10)
    {
      result->us_category = HEP_US_LIRADS_2;
      result->us_reason = HEP_US_REASON_SUBTHRESHOLD;
    }
  else
    {
      result->us_category = HEP_US_LIRADS_3;
      result->us_reason = HEP_US_REASON_THRESHOLD;
    }
}

/* The matching variant, its table (seen ratings first in their order, then
 * every other procedure as unconfirmed) and the US LI-RADS category. The
 * scenario must be complete (hep_imaging_scenario_parse_strv() checks it). */
const HepImagingVariant *
hep_next_imaging_evaluate (const HepImagingScenario *sc,
                           HepNextImagingResult     *result)
{
  const HepImagingVariant *v;
  gboolean listed[HEP_N_PROCEDURES] = { FALSE, };

  g_return_val_if_fail (sc != NULL && result != NULL, NULL);
  g_return_val_if_fail (sc->found_on != HEP_FOUND_ON_UNSET && sc->context != HEP_IMAGING_CONTEXT_UNSET, NULL);
  g_return_val_if_fail (sc->features.values[HEP_FEATURE_SIZE] > 0, NULL);

  result->size_mm = sc->features.values[HEP_FEATURE_SIZE];
  result->size_on_boundary = result->size_mm == 10;
  v = hep_next_imaging_find_variant (result->size_mm, sc->found_on, sc->context);
  result->variant = v;
  result->n_entries = 0;
  result->best = -1;

  for (guint i = 0; i < v->n_seen; i++)
    {
      result->entries[result->n_entries++] = v->seen[i];
      listed[v->seen[i].procedure] = TRUE;
    }
  if (!v->complete)
    {
      for (guint i = 0; i < HEP_N_PROCEDURES; i++)
        {
          HepProcedure p = canonical_order[i];

          /* the initial study is not a candidate when found on US, as in
           * the complete variant 1 [D] */
          if (listed[p] || (v->on_us && p == HEP_PROCEDURE_US))
            continue;
          result->entries[result->n_entries++] = (HepImagingEntry) {
            p, HEP_RATING_NONE, HEP_PROVENANCE_UNCONFIRMED,
            v->number == 2 ? N_("Not confirmed: the retrieved excerpt of the 2020 document ends mid-list.")
                           : N_("No rating found for this variant; verify against the ACR document.")
          };
        }
    }

  /* best: highest rating, ties in table order; unrated never wins */
  for (guint i = 0; i < result->n_entries; i++)
    {
      HepRating r = result->entries[i].rating;

      if (r == HEP_RATING_NONE)
        continue;
      if (result->best < 0 || r > result->entries[result->best].rating)
        result->best = (int) i;
    }

  us_lirads (sc, result);
  return v;
}

const HepImagingEntry *
hep_next_imaging_result_find (const HepNextImagingResult *result,
                              HepProcedure                procedure)
{
  g_return_val_if_fail (result != NULL, NULL);

  for (guint i = 0; i < result->n_entries; i++)
    if (result->entries[i].procedure == procedure)
      return &result->entries[i];
  return NULL;
}

/* ---- scenario parsing ---------------------------------------------------- */

void
hep_imaging_scenario_init (HepImagingScenario *self)
{
  g_return_if_fail (self != NULL);

  memset (self, 0, sizeof *self);
  hep_feature_set_init (&self->features);
}

static const char *found_on_ids[] = { NULL, "us", "ct", "mri" };
static const char *context_ids[] = { NULL, "normal", "known-malignancy", "chronic-liver-disease" };
static const char *us_vis_ids[] = { NULL, "a", "b", "c" };

#define SCENARIO_TOKENS "found-on=us|ct|mri, context=normal|known-malignancy|chronic-liver-disease, us-vis=a|b|c, us-benign, new-thrombus"

static int
lookup (const char  *value,
        const char **ids,
        guint        n)
{
  for (guint i = 1; i < n; i++)
    if (g_strcmp0 (value, ids[i]) == 0)
      return (int) i;
  return 0;
}

/* Sets *@slot to @value, or fails if it was given before with another value. */
static gboolean
set_once (int         *slot,
          int          value,
          char       **given,
          const char  *token,
          GError     **error)
{
  if (*given != NULL && *slot != value)
    {
      g_set_error (error, HEP_NEXT_IMAGING_ERROR, HEP_NEXT_IMAGING_ERROR_CONFLICT,
                   _("“%s” conflicts with “%s” given before; give each token once"), token, *given);
      return FALSE;
    }
  *slot = value;
  if (*given == NULL)
    *given = g_strdup (token);
  return TRUE;
}

/* One scenario token; FALSE with @error set on a bad one, FALSE without
 * @error when @token is not a scenario token. */
static gboolean
parse_scenario_token (const char  *token,
                      int         *values,
                      char       **given,
                      gboolean    *handled,
                      GError     **error)
{
  static const struct {
    const char  *key;
    const char **ids;
    guint        n;
  } keys[] = {
    { "found-on", found_on_ids, G_N_ELEMENTS (found_on_ids) },
    { "context", context_ids, G_N_ELEMENTS (context_ids) },
    { "us-vis", us_vis_ids, G_N_ELEMENTS (us_vis_ids) },
    { "us-benign", NULL, 0 },
    { "new-thrombus", NULL, 0 },
  };
  const char *eq = strchr (token, '=');
  const char *name = token[0] == '-' ? token + 1 : token;

  *handled = FALSE;
  for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
    {
      gsize len = strlen (keys[k].key);

      if (strncmp (name, keys[k].key, len) == 0 && (name[len] == '\0' || name[len] == '='))
        {
          *handled = TRUE;
          if (name != token)
            {
              g_set_error (error, HEP_NEXT_IMAGING_ERROR, HEP_NEXT_IMAGING_ERROR_BAD_VALUE,
                           _("“%s”: scenario tokens cannot be removed; leave “%s” out instead"), token, keys[k].key);
              return FALSE;
            }
          if (keys[k].ids == NULL)
            {
              if (eq != NULL)
                {
                  g_set_error (error, HEP_NEXT_IMAGING_ERROR, HEP_NEXT_IMAGING_ERROR_BAD_VALUE,
                               _("“%s” is a flag and takes no value; accepted: %s"), token, keys[k].key);
                  return FALSE;
                }
              return set_once (&values[k], 1, &given[k], token, error);
            }
          else
            {
              int v = eq != NULL ? lookup (eq + 1, keys[k].ids, keys[k].n) : 0;

              if (v == 0)
                {
                  g_autofree char *accepted = NULL;
                  GString *s = g_string_new (keys[k].key);

                  for (guint i = 1; i < keys[k].n; i++)
                    g_string_append_printf (s, "%c%s", i == 1 ? '=' : '|', keys[k].ids[i]);
                  accepted = g_string_free (s, FALSE);
                  g_set_error (error, HEP_NEXT_IMAGING_ERROR, HEP_NEXT_IMAGING_ERROR_BAD_VALUE,
                               _("Bad value in “%s”; accepted: %s"), token, accepted);
                  return FALSE;
                }
              return set_once (&values[k], v, &given[k], token, error);
            }
        }
    }
  return FALSE;
}

gboolean
hep_imaging_scenario_complete (HepImagingScenario  *sc,
                               GError             **error)
{
  const HepFeatureSet *fs = &sc->features;
  gboolean risk_liver = at_risk (fs);
  gboolean malignancy = fs->values[HEP_FEATURE_KNOWN_MALIGNANCY] != 0;

  if (fs->values[HEP_FEATURE_SIZE] == HEP_FEATURE_UNSET)
    {
      g_set_error (error, HEP_NEXT_IMAGING_ERROR, HEP_NEXT_IMAGING_ERROR_MISSING,
                   _("“size=N” is missing: give the lesion size in millimetres"));
      return FALSE;
    }
  if (fs->values[HEP_FEATURE_SIZE] == 0)
    {
      g_set_error (error, HEP_NEXT_IMAGING_ERROR, HEP_NEXT_IMAGING_ERROR_BAD_VALUE,
                   _("“size=0”: a lesion needs a size of at least 1 mm"));
      return FALSE;
    }
  if (sc->found_on == HEP_FOUND_ON_UNSET)
    {
      g_set_error (error, HEP_NEXT_IMAGING_ERROR, HEP_NEXT_IMAGING_ERROR_MISSING,
                   _("“found-on=us|ct|mri” is missing: give the study that found the lesion"));
      return FALSE;
    }

  if (sc->context == HEP_IMAGING_CONTEXT_UNSET)
    {
      if (risk_liver && malignancy)
        {
          g_set_error (error, HEP_NEXT_IMAGING_ERROR, HEP_NEXT_IMAGING_ERROR_CONFLICT,
                       _("“known-malignancy” and “risk=%s” fit two contexts; choose one with context=known-malignancy or context=chronic-liver-disease"),
                       hep_feature_get_choice (HEP_FEATURE_RISK, fs->values[HEP_FEATURE_RISK]));
          return FALSE;
        }
      sc->context_derived = TRUE;
      if (risk_liver)
        sc->context = HEP_IMAGING_CONTEXT_CHRONIC_LIVER_DISEASE;
      else if (malignancy)
        sc->context = HEP_IMAGING_CONTEXT_KNOWN_MALIGNANCY;
      else if (fs->values[HEP_FEATURE_RISK] == HEP_RISK_NONE)
        sc->context = HEP_IMAGING_CONTEXT_NORMAL;
      else
        {
          g_set_error (error, HEP_NEXT_IMAGING_ERROR, HEP_NEXT_IMAGING_ERROR_MISSING,
                       _("“context=normal|known-malignancy|chronic-liver-disease” is missing (or give risk=… or known-malignancy)"));
          return FALSE;
        }
    }
  else if (sc->context == HEP_IMAGING_CONTEXT_NORMAL && (risk_liver || malignancy))
    {
      g_set_error (error, HEP_NEXT_IMAGING_ERROR, HEP_NEXT_IMAGING_ERROR_CONFLICT,
                   _("“context=normal” conflicts with “%s”"),
                   malignancy ? "known-malignancy" : "risk");
      return FALSE;
    }
  return TRUE;
}

/* Parses scenario and feature tokens on top of @self and checks that the
 * scenario is complete (size, found-on, a context). Each element of @tokens
 * may hold several tokens separated by spaces or commas. All or nothing: on
 * error @self is unchanged and @error names the bad token. */
gboolean
hep_imaging_scenario_parse_strv (HepImagingScenario  *self,
                                 const char * const  *tokens,
                                 GError             **error)
{
  HepImagingScenario sc;
  g_autoptr(GPtrArray) features = g_ptr_array_new_with_free_func (g_free);
  int values[5] = { 0, };
  char *given[5] = { NULL, };
  gboolean ok = TRUE;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  sc = *self;
  values[0] = sc.found_on;
  values[1] = sc.context;
  values[2] = sc.us_vis;
  values[3] = sc.us_benign;
  values[4] = sc.new_thrombus;

  for (guint i = 0; ok && tokens != NULL && tokens[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit_set (tokens[i], " \t\n\r,", -1);

      for (guint j = 0; ok && parts[j] != NULL; j++)
        {
          gboolean handled;
          g_autofree char *key = NULL;
          const char *p = parts[j];

          if (*p == '\0')
            continue;
          if (parse_scenario_token (p, values, given, &handled, error))
            continue;
          if (handled)
            {
              ok = FALSE;
              break;
            }
          /* a feature token? */
          key = g_strndup (p[0] == '-' ? p + 1 : p, strcspn (p[0] == '-' ? p + 1 : p, "="));
          if (!hep_feature_from_token (key, NULL))
            {
              g_set_error (error, HEP_NEXT_IMAGING_ERROR, HEP_NEXT_IMAGING_ERROR_UNKNOWN_TOKEN,
                           _("Unknown token “%s”; accepted: size=N, %s, or a feature token (hepatica-cli tokens)"),
                           p, SCENARIO_TOKENS);
              ok = FALSE;
              break;
            }
          g_ptr_array_add (features, g_strdup (p));
        }
    }

  for (guint k = 0; k < G_N_ELEMENTS (given); k++)
    g_free (given[k]);
  if (!ok)
    return FALSE;

  g_ptr_array_add (features, NULL);
  if (!hep_feature_set_parse_strv (&sc.features, (const char * const *) features->pdata, error))
    return FALSE;

  sc.found_on = values[0];
  sc.context = values[1];
  sc.us_vis = values[2];
  sc.us_benign = values[3];
  sc.new_thrombus = values[4];
  sc.context_derived = FALSE;

  if (!hep_imaging_scenario_complete (&sc, error))
    return FALSE;
  *self = sc;
  return TRUE;
}

/* ---- names and text ------------------------------------------------------ */

const char *
hep_procedure_to_string (HepProcedure procedure)
{
  g_return_val_if_fail ((guint) procedure < HEP_N_PROCEDURES, NULL);
  return procedures[procedure].id;
}

gboolean
hep_procedure_from_string (const char   *text,
                           HepProcedure *procedure)
{
  g_return_val_if_fail (text != NULL, FALSE);

  for (guint i = 0; i < HEP_N_PROCEDURES; i++)
    {
      if (strcmp (procedures[i].id, text) == 0)
        {
          if (procedure != NULL)
            *procedure = (HepProcedure) i;
          return TRUE;
        }
    }
  return FALSE;
}

const char *
hep_procedure_get_label (HepProcedure procedure)
{
  g_return_val_if_fail ((guint) procedure < HEP_N_PROCEDURES, NULL);
  return g_dgettext (GETTEXT_PACKAGE, procedures[procedure].label);
}

HepRrl
hep_procedure_get_rrl (HepProcedure procedure)
{
  g_return_val_if_fail ((guint) procedure < HEP_N_PROCEDURES, HEP_RRL_VARIES);
  return procedures[procedure].rrl;
}

const char *
hep_rating_to_string (HepRating rating)
{
  switch (rating)
    {
    case HEP_RATING_NONE:                    return NULL;
    case HEP_RATING_USUALLY_NOT_APPROPRIATE: return "UNA";
    case HEP_RATING_MAY_BE_APPROPRIATE:      return "MBA";
    case HEP_RATING_USUALLY_APPROPRIATE:     return "UA";
    default:                                 g_return_val_if_reached (NULL);
    }
}

const char *
hep_rating_get_label (HepRating rating)
{
  switch (rating)
    {
    case HEP_RATING_NONE:                    return _("No rating confirmed");
    case HEP_RATING_USUALLY_NOT_APPROPRIATE: return _("Usually not appropriate");
    case HEP_RATING_MAY_BE_APPROPRIATE:      return _("May be appropriate");
    case HEP_RATING_USUALLY_APPROPRIATE:     return _("Usually appropriate");
    default:                                 g_return_val_if_reached (NULL);
    }
}

const char *
hep_rrl_to_string (HepRrl rrl)
{
  static const char *ids[] = { "O", "1", "2", "3", "4", "5", "varies" };

  g_return_val_if_fail ((guint) rrl < G_N_ELEMENTS (ids), NULL);
  return ids[rrl];
}

const char *
hep_rrl_get_symbol (HepRrl rrl)
{
  static const char *symbols[] = { "O", "☢", "☢☢", "☢☢☢", "☢☢☢☢", "☢☢☢☢☢", "Varies" };

  g_return_val_if_fail ((guint) rrl < G_N_ELEMENTS (symbols), NULL);
  return symbols[rrl];
}

/* Adult effective dose bands, clinical-rules §3.2. */
const char *
hep_rrl_get_dose (HepRrl rrl)
{
  switch (rrl)
    {
    case HEP_RRL_0:      return "0 mSv";
    case HEP_RRL_1:      return "<0.1 mSv";
    case HEP_RRL_2:      return "0.1–1 mSv";
    case HEP_RRL_3:      return "1–10 mSv";
    case HEP_RRL_4:      return "10–30 mSv";
    case HEP_RRL_5:      return "30–100 mSv";
    case HEP_RRL_VARIES: return _("varies");
    default:             g_return_val_if_reached (NULL);
    }
}

/* The ☢☢☢☢☢ band is [K] in §3.2; the others were seen on ACR pages [P]. */
HepProvenance
hep_rrl_get_provenance (HepRrl rrl)
{
  return rrl == HEP_RRL_5 ? HEP_PROVENANCE_UNCONFIRMED : HEP_PROVENANCE_PRIMARY;
}

const char *
hep_found_on_to_string (HepFoundOn found_on)
{
  g_return_val_if_fail ((guint) found_on < G_N_ELEMENTS (found_on_ids), NULL);
  return found_on_ids[found_on];
}

const char *
hep_imaging_context_to_string (HepImagingContext context)
{
  g_return_val_if_fail ((guint) context < G_N_ELEMENTS (context_ids), NULL);
  return context_ids[context];
}

const char *
hep_us_category_to_string (HepUsCategory category)
{
  switch (category)
    {
    case HEP_US_LIRADS_NA: return "NA";
    case HEP_US_LIRADS_1:  return "US-1";
    case HEP_US_LIRADS_2:  return "US-2";
    case HEP_US_LIRADS_3:  return "US-3";
    default:               g_return_val_if_reached (NULL);
    }
}

const char *
hep_us_category_get_meaning (HepUsCategory category)
{
  switch (category)
    {
    case HEP_US_LIRADS_NA: return _("US LI-RADS not applicable");
    case HEP_US_LIRADS_1:  return _("Negative: no observation, or only definitely benign ones");
    case HEP_US_LIRADS_2:  return _("Subthreshold: observation < 10 mm, not definitely benign");
    case HEP_US_LIRADS_3:  return _("Positive: observation ≥ 10 mm, or a new thrombus in a vein");
    default:               g_return_val_if_reached (NULL);
    }
}

/* clinical-rules.md §2: US-2 and US-3 [S]; US-1 wording [K]. */
const char *
hep_us_category_get_next_step (HepUsCategory  category,
                               HepProvenance *provenance)
{
  HepProvenance p = HEP_PROVENANCE_DESIGN;
  const char *text = NULL;

  switch (category)
    {
    case HEP_US_LIRADS_NA:
      text = _("Use the ACR pathway above");
      break;
    case HEP_US_LIRADS_1:
      p = HEP_PROVENANCE_UNCONFIRMED;
      text = _("Routine surveillance US in 6 months");
      break;
    case HEP_US_LIRADS_2:
      p = HEP_PROVENANCE_SECONDARY;
      text = _("Short-interval US in 3–6 months");
      break;
    case HEP_US_LIRADS_3:
      p = HEP_PROVENANCE_SECONDARY;
      text = _("Multiphase contrast-enhanced CT or MRI (CEUS is an alternative)");
      break;
    default:
      g_return_val_if_reached (NULL);
    }
  if (provenance != NULL)
    *provenance = p;
  return text;
}

const char *
hep_us_reason_describe (HepUsReason reason)
{
  switch (reason)
    {
    case HEP_US_REASON_NOT_AT_RISK:   return _("No risk=cirrhosis|hbv|prior-hcc given: US LI-RADS surveillance categories do not apply.");
    case HEP_US_REASON_NOT_US:        return _("The lesion was not found on surveillance US: US LI-RADS categories do not apply.");
    case HEP_US_REASON_UNDER_18:      return _("Patient under 18: US LI-RADS applies to adults.");
    case HEP_US_REASON_NEW_THROMBUS:  return _("New thrombus in a vein → US-3.");
    case HEP_US_REASON_BENIGN:        return _("Only definitely benign observations → US-1.");
    case HEP_US_REASON_SUBTHRESHOLD:  return _("Observation < 10 mm, not definitely benign → US-2.");
    case HEP_US_REASON_THRESHOLD:     return _("Observation ≥ 10 mm → US-3.");
    default:                          g_return_val_if_reached (NULL);
    }
}

const char *
hep_us_vis_to_string (HepUsVisualization vis)
{
  switch (vis)
    {
    case HEP_US_VIS_UNSET: return NULL;
    case HEP_US_VIS_A:     return "A";
    case HEP_US_VIS_B:     return "B";
    case HEP_US_VIS_C:     return "C";
    default:               g_return_val_if_reached (NULL);
    }
}

const char *
hep_us_vis_get_meaning (HepUsVisualization vis)
{
  switch (vis)
    {
    case HEP_US_VIS_UNSET: return _("Visualization score not given (us-vis=a|b|c)");
    case HEP_US_VIS_A:     return _("No or minimal limitations");
    case HEP_US_VIS_B:     return _("Moderate limitations; may obscure small masses");
    case HEP_US_VIS_C:     return _("Severe limitations; sensitivity significantly reduced. In v2017 the score did not change management; the v2024 handling of C is not confirmed (radssupport FAQ-127: repeat US is generally reasonable).");
    default:               g_return_val_if_reached (NULL);
    }
}

const char *
hep_next_imaging_get_verify_note (void)
{
  return _("Only variant 1 of the 2020 revision was retrieved in full and variant 2 in part; verify every rating against the current ACR document before use.");
}

const char *
hep_next_imaging_get_boundary_note (void)
{
  return _("10 mm is on the 1 cm boundary: the ACR variants say only “> 1 cm” and “< 1 cm”; this app uses the > 1 cm variant, as US LI-RADS counts ≥ 10 mm as positive.");
}
