/* test-next-imaging.c: ACR AC Liver Lesion–Initial Characterization (clinical-rules §3) and US LI-RADS (§2)
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "hep-next-imaging.h"

#define UA  HEP_RATING_USUALLY_APPROPRIATE
#define MBA HEP_RATING_MAY_BE_APPROPRIATE
#define UNA HEP_RATING_USUALLY_NOT_APPROPRIATE
#define NONE HEP_RATING_NONE

static HepProcedure
proc (const char *text)
{
  HepProcedure p;

  if (!hep_procedure_from_string (text, &p))
    g_error ("unknown procedure “%s”", text);
  return p;
}

static void
scenario (HepImagingScenario *sc,
          const char         *tokens)
{
  g_autoptr(GError) error = NULL;
  const char *one[] = { tokens, NULL };

  hep_imaging_scenario_init (sc);
  if (!hep_imaging_scenario_parse_strv (sc, one, &error))
    g_error ("bad test scenario “%s”: %s", tokens, error->message);
}

static const HepImagingVariant *
evaluate (const char           *tokens,
          HepNextImagingResult *r)
{
  HepImagingScenario sc;

  scenario (&sc, tokens);
  return hep_next_imaging_evaluate (&sc, r);
}

static void
test_procedure_ids (void)
{
  static const char *ids[] = {
    "mri-wo-w", "mri-wo", "ct-multiphase", "ct-wo", "ct-wo-w", "ceus", "us", "biopsy",
    "fdg-pet-ct", "dotatate-pet-ct", "rbc-scan", "liver-spleen-scan", "octreotide-spect",
  };

  g_assert_cmpint (G_N_ELEMENTS (ids), ==, HEP_N_PROCEDURES);
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_assert_cmpint (proc (ids[i]), ==, i);
      g_assert_cmpstr (hep_procedure_to_string (i), ==, ids[i]);
      g_assert_nonnull (hep_procedure_get_label (i));
    }
  g_assert_false (hep_procedure_from_string ("pet", NULL));
}

/* RRL per procedure, from the 2020 tables of variants 1 and 2 [P] (§3.3),
 * with the adult dose bands of §3.2. */
static void
test_rrl (void)
{
  static const struct { const char *proc; const char *rrl; const char *symbol; const char *dose; } cases[] = {
    { "ceus", "O", "O", "0 mSv" },
    { "mri-wo-w", "O", "O", "0 mSv" },
    { "mri-wo", "O", "O", "0 mSv" },
    { "us", "O", "O", "0 mSv" },
    { "ct-multiphase", "3", "☢☢☢", "1–10 mSv" },   /* not the seed's ☢☢☢☢ */
    { "ct-wo", "3", "☢☢☢", "1–10 mSv" },
    { "liver-spleen-scan", "3", "☢☢☢", "1–10 mSv" },
    { "rbc-scan", "3", "☢☢☢", "1–10 mSv" },
    { "ct-wo-w", "4", "☢☢☢☢", "10–30 mSv" },
    { "dotatate-pet-ct", "3", "☢☢☢", "1–10 mSv" },
    { "fdg-pet-ct", "4", "☢☢☢☢", "10–30 mSv" },
    { "octreotide-spect", "4", "☢☢☢☢", "10–30 mSv" },
    { "biopsy", "varies", "Varies", "varies" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      HepRrl rrl = hep_procedure_get_rrl (proc (cases[i].proc));

      g_assert_cmpstr (hep_rrl_to_string (rrl), ==, cases[i].rrl);
      g_assert_cmpstr (hep_rrl_get_symbol (rrl), ==, cases[i].symbol);
      g_assert_cmpstr (hep_rrl_get_dose (rrl), ==, cases[i].dose);
    }
  g_assert_cmpstr (hep_rrl_get_dose (HEP_RRL_1), ==, "<0.1 mSv");
  g_assert_cmpstr (hep_rrl_get_dose (HEP_RRL_2), ==, "0.1–1 mSv");
  g_assert_cmpint (hep_rrl_get_provenance (HEP_RRL_5), ==, HEP_PROVENANCE_UNCONFIRMED);
  g_assert_cmpint (hep_rrl_get_provenance (HEP_RRL_3), ==, HEP_PROVENANCE_PRIMARY);
}

/* (size, found-on, context) → variant; 10 mm is > 1 cm [D]. */
static void
test_variant_lookup (void)
{
  static const struct { const char *tokens; int number; gboolean boundary; } cases[] = {
    { "size=20 found-on=us context=normal", 1, FALSE },
    { "size=20 found-on=ct context=normal", 2, FALSE },
    { "size=20 found-on=mri context=normal", 2, FALSE },
    { "size=20 found-on=us context=known-malignancy", 3, FALSE },
    { "size=20 found-on=ct context=known-malignancy", 4, FALSE },
    { "size=20 found-on=us context=chronic-liver-disease", 5, FALSE },
    { "size=300 found-on=mri context=chronic-liver-disease", 6, FALSE },
    { "size=5 found-on=us context=normal", 7, FALSE },
    { "size=5 found-on=ct context=normal", 8, FALSE },
    { "size=8 found-on=us context=known-malignancy", 9, FALSE },
    { "size=1 found-on=mri context=known-malignancy", 10, FALSE },
    { "size=9 found-on=us context=chronic-liver-disease", 11, FALSE },
    { "size=9 found-on=ct context=chronic-liver-disease", 12, FALSE },
    { "size=9 found-on=us context=normal", 7, FALSE },
    { "size=10 found-on=us context=normal", 1, TRUE },
    { "size=11 found-on=us context=normal", 1, FALSE },
    { "size=10 found-on=ct context=known-malignancy", 4, TRUE },
    /* derived contexts */
    { "size=8 found-on=us known-malignancy", 9, FALSE },
    { "size=8 found-on=us risk=hbv", 11, FALSE },
    { "size=8 found-on=us risk=none", 7, FALSE },
    { "size=8 found-on=us risk=cirrhosis context=known-malignancy", 9, FALSE },
  };
  guint n;
  const HepImagingVariant *all = hep_next_imaging_get_variants (&n);

  g_assert_cmpuint (n, ==, 12);
  for (guint i = 0; i < n; i++)
    {
      g_assert_cmpint (all[i].number, ==, (int) i + 1);
      g_assert_cmpint (all[i].number_inferred, ==, i >= 2);
    }

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      HepNextImagingResult r;
      const HepImagingVariant *v = evaluate (cases[i].tokens, &r);

      if (v->number != cases[i].number)
        g_error ("“%s”: variant %d, expected %d", cases[i].tokens, v->number, cases[i].number);
      g_assert_cmpint (r.size_on_boundary, ==, cases[i].boundary);
    }
}

typedef struct {
  const char   *proc;
  HepRating     rating;
  HepProvenance provenance;
} Expect;

static void
check_table (const char   *tokens,
             const Expect *expect,
             guint         n_expect,
             guint         n_entries,
             const char   *best)
{
  HepNextImagingResult r;

  evaluate (tokens, &r);
  g_assert_cmpuint (r.n_entries, ==, n_entries);
  for (guint i = 0; i < n_expect; i++)
    {
      const HepImagingEntry *e = &r.entries[i];

      if (e->procedure != proc (expect[i].proc))
        g_error ("“%s”: entry %u is %s, expected %s", tokens, i,
                 hep_procedure_to_string (e->procedure), expect[i].proc);
      g_assert_cmpint (e->rating, ==, expect[i].rating);
      g_assert_cmpint (e->provenance, ==, expect[i].provenance);
    }
  if (best == NULL)
    g_assert_cmpint (r.best, ==, -1);
  else
    g_assert_cmpstr (hep_procedure_to_string (r.entries[r.best].procedure), ==, best);
}

/* clinical-rules §3.3, variant 1: all ratings [P]. */
static void
test_variant_1 (void)
{
  static const Expect v1[] = {
    { "ceus", UA, HEP_PROVENANCE_PRIMARY },
    { "mri-wo-w", UA, HEP_PROVENANCE_PRIMARY },
    { "ct-multiphase", UA, HEP_PROVENANCE_PRIMARY },
    { "mri-wo", MBA, HEP_PROVENANCE_PRIMARY },
    { "biopsy", UNA, HEP_PROVENANCE_PRIMARY },
    { "ct-wo", UNA, HEP_PROVENANCE_PRIMARY },
    { "liver-spleen-scan", UNA, HEP_PROVENANCE_PRIMARY },
    { "rbc-scan", UNA, HEP_PROVENANCE_PRIMARY },
    { "ct-wo-w", UNA, HEP_PROVENANCE_PRIMARY },
    { "dotatate-pet-ct", UNA, HEP_PROVENANCE_PRIMARY },
    { "fdg-pet-ct", UNA, HEP_PROVENANCE_PRIMARY },
    { "octreotide-spect", UNA, HEP_PROVENANCE_PRIMARY },
  };

  /* three UA ties: the first in the table's order wins */
  check_table ("size=15 found-on=us context=normal", v1, G_N_ELEMENTS (v1), 12, "ceus");
}

/* Variant 2: partially [P]; the rest unconfirmed, with no rating. */
static void
test_variant_2 (void)
{
  static const Expect v2[] = {
    { "mri-wo-w", UA, HEP_PROVENANCE_PRIMARY },
    { "ct-multiphase", UA, HEP_PROVENANCE_PRIMARY },
    { "us", MBA, HEP_PROVENANCE_PRIMARY },
    { "ceus", MBA, HEP_PROVENANCE_PRIMARY },
    { "biopsy", UNA, HEP_PROVENANCE_PRIMARY },
    { "liver-spleen-scan", UNA, HEP_PROVENANCE_PRIMARY },
    { "rbc-scan", UNA, HEP_PROVENANCE_PRIMARY },
    { "ct-wo-w", NONE, HEP_PROVENANCE_UNCONFIRMED },
    { "mri-wo", NONE, HEP_PROVENANCE_UNCONFIRMED },
    { "ct-wo", NONE, HEP_PROVENANCE_UNCONFIRMED },
    { "dotatate-pet-ct", NONE, HEP_PROVENANCE_UNCONFIRMED },
    { "fdg-pet-ct", NONE, HEP_PROVENANCE_UNCONFIRMED },
    { "octreotide-spect", NONE, HEP_PROVENANCE_UNCONFIRMED },
  };
  HepNextImagingResult r;

  check_table ("size=30 found-on=ct context=normal", v2, G_N_ELEMENTS (v2), 13, "mri-wo-w");
  evaluate ("size=30 found-on=mri context=normal", &r);
  g_assert_nonnull (strstr (hep_next_imaging_result_find (&r, HEP_PROCEDURE_US)->note, "disagreement"));
}

/* shared/seeds/002: an 8 mm lesion on US, known extrahepatic malignancy. */
static void
test_seed_scenario (void)
{
  static const Expect v9[] = {
    { "mri-wo-w", UA, HEP_PROVENANCE_SECONDARY },
    { "ct-multiphase", MBA, HEP_PROVENANCE_SECONDARY },
    { "mri-wo", MBA, HEP_PROVENANCE_SECONDARY },
    { "ceus", MBA, HEP_PROVENANCE_SECONDARY },
    { "biopsy", UNA, HEP_PROVENANCE_SECONDARY },
    { "fdg-pet-ct", UNA, HEP_PROVENANCE_SECONDARY },
    { "ct-wo", NONE, HEP_PROVENANCE_UNCONFIRMED },
    { "liver-spleen-scan", NONE, HEP_PROVENANCE_UNCONFIRMED },
    { "rbc-scan", NONE, HEP_PROVENANCE_UNCONFIRMED },
    { "ct-wo-w", NONE, HEP_PROVENANCE_UNCONFIRMED },
    { "dotatate-pet-ct", NONE, HEP_PROVENANCE_UNCONFIRMED },
    { "octreotide-spect", NONE, HEP_PROVENANCE_UNCONFIRMED },
  };
  HepNextImagingResult r;
  const HepImagingVariant *v;
  const HepImagingEntry *ct;

  check_table ("size=8 found-on=us context=known-malignancy", v9, G_N_ELEMENTS (v9), 12, "mri-wo-w");

  v = evaluate ("size=8 found-on=us context=known-malignancy", &r);
  g_assert_cmpint (v->number, ==, 9);
  g_assert_false (v->larger);
  g_assert_true (v->on_us);
  g_assert_null (hep_next_imaging_result_find (&r, HEP_PROCEDURE_US));

  /* the RRL discrepancy: shown from the 2020 [P] tables, noted, never the seed's */
  ct = hep_next_imaging_result_find (&r, HEP_PROCEDURE_CT_MULTIPHASE);
  g_assert_cmpint (hep_procedure_get_rrl (ct->procedure), ==, HEP_RRL_3);
  g_assert_nonnull (strstr (ct->note, "discrepancy"));
  g_assert_nonnull (strstr (ct->note, "☢☢☢☢ (10–30 mSv)"));
  g_assert_nonnull (strstr (ct->note, "not verified against the ACR PDF"));
  g_assert_nonnull (strstr (HEP_ACR_AC_LABEL, "ACR AC, revised 2020"));
  g_assert_nonnull (strstr (hep_next_imaging_get_verify_note (), "verify"));

  /* no US LI-RADS: not at risk */
  g_assert_cmpint (r.us_category, ==, HEP_US_LIRADS_NA);
  g_assert_cmpint (r.us_reason, ==, HEP_US_REASON_NOT_AT_RISK);
}

/* Invariants over every scenario: an unconfirmed rating is never shown as
 * one; [P] only in variants 1 and 2; every procedure at most once; the
 * best is the highest rating, first in table order. */
static void
test_all_variants (void)
{
  static const char *sizes[] = { "3", "9", "10", "25" };
  static const char *found[] = { "us", "ct", "mri" };
  static const char *contexts[] = { "normal", "known-malignancy", "chronic-liver-disease" };

  for (guint a = 0; a < G_N_ELEMENTS (sizes); a++)
    for (guint b = 0; b < G_N_ELEMENTS (found); b++)
      for (guint c = 0; c < G_N_ELEMENTS (contexts); c++)
        {
          g_autofree char *tokens = g_strdup_printf ("size=%s found-on=%s context=%s", sizes[a], found[b], contexts[c]);
          HepNextImagingResult r;
          const HepImagingVariant *v = evaluate (tokens, &r);
          gboolean seen[HEP_N_PROCEDURES] = { FALSE, };
          HepRating max = NONE;
          int first_max = -1;

          for (guint i = 0; i < r.n_entries; i++)
            {
              const HepImagingEntry *e = &r.entries[i];

              g_assert_false (seen[e->procedure]);
              seen[e->procedure] = TRUE;
              if (e->rating == NONE)
                g_assert_cmpint (e->provenance, ==, HEP_PROVENANCE_UNCONFIRMED);
              else if (v->number <= 2)
                g_assert_cmpint (e->provenance, ==, HEP_PROVENANCE_PRIMARY);
              else
                g_assert_cmpint (e->provenance, ==, HEP_PROVENANCE_SECONDARY);
              if (e->rating > max)
                {
                  max = e->rating;
                  first_max = (int) i;
                }
            }
          g_assert_cmpint (r.best, ==, first_max);
          /* found on US: US is not a candidate; otherwise all 13 are listed */
          g_assert_cmpint (seen[HEP_PROCEDURE_US], ==, !v->on_us);
          g_assert_cmpuint (r.n_entries, ==, v->on_us ? 12 : 13);
          /* variants 6–8: nothing found */
          g_assert_cmpint (r.best < 0, ==, v->number >= 6 && v->number <= 8);
        }

  /* the headline ratings of §3.3 */
  {
    static const struct { const char *tokens; const char *best; } heads[] = {
      { "size=15 found-on=us context=known-malignancy", "mri-wo-w" },
      { "size=15 found-on=ct context=known-malignancy", "mri-wo-w" },
      { "size=15 found-on=us context=chronic-liver-disease", "ceus" },
      { "size=5 found-on=mri context=known-malignancy", "mri-wo-w" },
      { "size=5 found-on=us context=chronic-liver-disease", "mri-wo-w" },
      { "size=5 found-on=ct context=chronic-liver-disease", "mri-wo-w" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (heads); i++)
      {
        HepNextImagingResult r;

        evaluate (heads[i].tokens, &r);
        g_assert_cmpint (r.best, ==, 0);
        g_assert_cmpstr (hep_procedure_to_string (r.entries[0].procedure), ==, heads[i].best);
        g_assert_cmpint (r.entries[0].rating, ==, UA);
        g_assert_cmpint (r.entries[0].provenance, ==, HEP_PROVENANCE_SECONDARY);
        for (guint j = 1; j < r.n_entries; j++)
          g_assert_cmpint (r.entries[j].rating, ==, NONE);
      }
  }
}

/* clinical-rules §2. */
static void
test_us_lirads (void)
{
  static const struct {
    const char        *tokens;
    HepUsCategory      category;
    HepUsReason        reason;
    HepUsVisualization vis;
  } cases[] = {
    { "size=8 found-on=us risk=cirrhosis", HEP_US_LIRADS_2, HEP_US_REASON_SUBTHRESHOLD, HEP_US_VIS_UNSET },
    { "size=9 found-on=us risk=hbv us-vis=a", HEP_US_LIRADS_2, HEP_US_REASON_SUBTHRESHOLD, HEP_US_VIS_A },
    { "size=10 found-on=us risk=cirrhosis us-vis=b", HEP_US_LIRADS_3, HEP_US_REASON_THRESHOLD, HEP_US_VIS_B },
    { "size=40 found-on=us risk=prior-hcc us-vis=c", HEP_US_LIRADS_3, HEP_US_REASON_THRESHOLD, HEP_US_VIS_C },
    { "size=25 found-on=us risk=cirrhosis us-benign", HEP_US_LIRADS_1, HEP_US_REASON_BENIGN, HEP_US_VIS_UNSET },
    { "size=25 found-on=us risk=cirrhosis definitely-benign", HEP_US_LIRADS_1, HEP_US_REASON_BENIGN, HEP_US_VIS_UNSET },
    { "size=5 found-on=us risk=cirrhosis new-thrombus", HEP_US_LIRADS_3, HEP_US_REASON_NEW_THROMBUS, HEP_US_VIS_UNSET },
    { "size=5 found-on=us risk=cirrhosis new-thrombus us-benign", HEP_US_LIRADS_3, HEP_US_REASON_NEW_THROMBUS, HEP_US_VIS_UNSET },
    { "size=15 found-on=ct risk=cirrhosis", HEP_US_LIRADS_NA, HEP_US_REASON_NOT_US, HEP_US_VIS_UNSET },
    { "size=15 found-on=us risk=none", HEP_US_LIRADS_NA, HEP_US_REASON_NOT_AT_RISK, HEP_US_VIS_UNSET },
    { "size=15 found-on=us context=chronic-liver-disease", HEP_US_LIRADS_NA, HEP_US_REASON_NOT_AT_RISK, HEP_US_VIS_UNSET },
    { "size=15 found-on=us risk=cirrhosis age=16", HEP_US_LIRADS_NA, HEP_US_REASON_UNDER_18, HEP_US_VIS_UNSET },
    /* US LI-RADS covers cirrhosis of any cause (§2) */
    { "size=15 found-on=us risk=cirrhosis lirads-excluded", HEP_US_LIRADS_3, HEP_US_REASON_THRESHOLD, HEP_US_VIS_UNSET },
  };
  HepProvenance p;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      HepNextImagingResult r;

      evaluate (cases[i].tokens, &r);
      if (r.us_category != cases[i].category)
        g_error ("“%s”: %s", cases[i].tokens, hep_us_category_to_string (r.us_category));
      g_assert_cmpint (r.us_reason, ==, cases[i].reason);
      g_assert_cmpint (r.us_vis, ==, cases[i].vis);
    }

  g_assert_nonnull (strstr (hep_us_category_get_next_step (HEP_US_LIRADS_2, &p), "3–6 months"));
  g_assert_cmpint (p, ==, HEP_PROVENANCE_SECONDARY);
  g_assert_nonnull (strstr (hep_us_category_get_next_step (HEP_US_LIRADS_3, &p), "CT or MRI"));
  g_assert_cmpint (p, ==, HEP_PROVENANCE_SECONDARY);
  hep_us_category_get_next_step (HEP_US_LIRADS_1, &p);
  g_assert_cmpint (p, ==, HEP_PROVENANCE_UNCONFIRMED);   /* [K wording] */
  g_assert_cmpstr (hep_us_category_to_string (HEP_US_LIRADS_3), ==, "US-3");
  g_assert_cmpstr (hep_us_vis_to_string (HEP_US_VIS_C), ==, "C");
  g_assert_nonnull (strstr (hep_us_vis_get_meaning (HEP_US_VIS_C), "not confirmed"));
}

static void
test_scenario_errors (void)
{
  static const struct { const char *tokens; GQuark (*domain) (void); int code; const char *names; } cases[] = {
    { "size=8 found-on=xray context=normal", hep_next_imaging_error_quark, HEP_NEXT_IMAGING_ERROR_BAD_VALUE, "found-on=xray" },
    { "size=8 found-on context=normal", hep_next_imaging_error_quark, HEP_NEXT_IMAGING_ERROR_BAD_VALUE, "found-on" },
    { "size=8 found-on=us context=elderly", hep_next_imaging_error_quark, HEP_NEXT_IMAGING_ERROR_BAD_VALUE, "context=elderly" },
    { "size=8 found-on=us context=normal us-vis=d", hep_next_imaging_error_quark, HEP_NEXT_IMAGING_ERROR_BAD_VALUE, "us-vis=d" },
    { "size=8 found-on=us context=normal us-benign=yes", hep_next_imaging_error_quark, HEP_NEXT_IMAGING_ERROR_BAD_VALUE, "us-benign=yes" },
    { "size=8 -found-on context=normal", hep_next_imaging_error_quark, HEP_NEXT_IMAGING_ERROR_BAD_VALUE, "-found-on" },
    { "size=8 found-on=us context=normal bogus", hep_next_imaging_error_quark, HEP_NEXT_IMAGING_ERROR_UNKNOWN_TOKEN, "bogus" },
    { "size=8 context=normal", hep_next_imaging_error_quark, HEP_NEXT_IMAGING_ERROR_MISSING, "found-on" },
    { "found-on=us context=normal", hep_next_imaging_error_quark, HEP_NEXT_IMAGING_ERROR_MISSING, "size=N" },
    { "size=8 found-on=us", hep_next_imaging_error_quark, HEP_NEXT_IMAGING_ERROR_MISSING, "context=" },
    { "size=0 found-on=us context=normal", hep_next_imaging_error_quark, HEP_NEXT_IMAGING_ERROR_BAD_VALUE, "size=0" },
    { "size=8 found-on=us known-malignancy risk=cirrhosis", hep_next_imaging_error_quark, HEP_NEXT_IMAGING_ERROR_CONFLICT, "known-malignancy" },
    { "size=8 found-on=us context=normal known-malignancy", hep_next_imaging_error_quark, HEP_NEXT_IMAGING_ERROR_CONFLICT, "context=normal" },
    { "size=8 found-on=us context=normal risk=hbv", hep_next_imaging_error_quark, HEP_NEXT_IMAGING_ERROR_CONFLICT, "context=normal" },
    { "size=8 found-on=us found-on=ct context=normal", hep_next_imaging_error_quark, HEP_NEXT_IMAGING_ERROR_CONFLICT, "found-on=ct" },
    { "size=abc found-on=us context=normal", hep_feature_error_quark, HEP_FEATURE_ERROR_BAD_VALUE, "size=abc" },
    { "size=8 size=9 found-on=us context=normal", hep_feature_error_quark, HEP_FEATURE_ERROR_CONFLICT, "size=9" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      HepImagingScenario sc, before;
      const char *one[] = { cases[i].tokens, NULL };

      hep_imaging_scenario_init (&sc);
      before = sc;
      g_assert_false (hep_imaging_scenario_parse_strv (&sc, one, &error));
      g_assert_error (error, cases[i].domain (), cases[i].code);
      if (strstr (error->message, cases[i].names) == NULL)
        g_error ("“%s”: message “%s” does not name “%s”", cases[i].tokens, error->message, cases[i].names);
      g_assert_null (strchr (error->message, '\n'));
      /* all or nothing */
      g_assert_cmpmem (&sc, sizeof sc, &before, sizeof before);
    }

  /* the same token twice is fine; spaces, commas and several arguments too */
  {
    HepImagingScenario sc;
    const char *many[] = { "size=8,found-on=us", "found-on=us  context=known-malignancy", NULL };
    g_autoptr(GError) error = NULL;

    hep_imaging_scenario_init (&sc);
    g_assert_true (hep_imaging_scenario_parse_strv (&sc, many, &error));
    g_assert_no_error (error);
    g_assert_cmpint (sc.found_on, ==, HEP_FOUND_ON_US);
    g_assert_cmpint (sc.context, ==, HEP_IMAGING_CONTEXT_KNOWN_MALIGNANCY);
    g_assert_false (sc.context_derived);
    g_assert_cmpint (hep_feature_set_get (&sc.features, HEP_FEATURE_SIZE), ==, 8);
  }
  {
    HepImagingScenario sc;

    scenario (&sc, "size=8 found-on=mri risk=cirrhosis aphe=nonrim washout");
    g_assert_true (sc.context_derived);
    g_assert_cmpint (sc.context, ==, HEP_IMAGING_CONTEXT_CHRONIC_LIVER_DISEASE);
    g_assert_cmpint (hep_feature_set_get (&sc.features, HEP_FEATURE_APHE), ==, HEP_APHE_NONRIM);
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/next-imaging/procedure-ids", test_procedure_ids);
  g_test_add_func ("/next-imaging/rrl", test_rrl);
  g_test_add_func ("/next-imaging/variant-lookup", test_variant_lookup);
  g_test_add_func ("/next-imaging/variant-1", test_variant_1);
  g_test_add_func ("/next-imaging/variant-2", test_variant_2);
  g_test_add_func ("/next-imaging/seed-scenario", test_seed_scenario);
  g_test_add_func ("/next-imaging/all-variants", test_all_variants);
  g_test_add_func ("/next-imaging/us-lirads", test_us_lirads);
  g_test_add_func ("/next-imaging/scenario-errors", test_scenario_errors);

  return g_test_run ();
}
