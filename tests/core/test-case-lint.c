/* test-case-lint.c: a case's text against its feature tokens
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Hand-written vignettes, each rule of hep-case-lint.c with one that trips
 * it and one that does not.
 */

#include "config.h"

#include <string.h>

#include "hep-core.h"

/* The matcher: whole words, negation in the clause. */
static void
test_lint_text_says (void)
{
  static const struct {
    const char *text;
    const char *phrase;
    gboolean    says;
  } rows[] = {
    { "Nonperipheral washout at 60 s.", "washout", TRUE },
    { "No washout.", "washout", FALSE },
    { "Isointense; no washout, no capsule.", "washout", FALSE },
    { "Isointense; no washout, no capsule.", "capsule", FALSE },
    { "Washout without a capsule.", "washout", TRUE },
    { "Washout without a capsule.", "capsule", FALSE },
    { "Washout absent in this phase.", "washout", FALSE },
    { "Not washout but transitional-phase hypointensity.", "washout", FALSE },
    /* the negation of one clause does not reach the next */
    { "No capsule; persistent washout.", "washout", TRUE },
    { "Restricted diffusion; the necrotic centre does not restrict.", "restrict*", TRUE },
    { "The necrotic centre does not restrict.", "restrict*", FALSE },
    { "No restriction.", "restrict*", FALSE },
    /* whole words: a word inside another is not the word */
    { "Pseudowashout in the transitional phase.", "washout", FALSE },
    { "Subcapsular position.", "capsule", FALSE },
    { "Nonenhancing centre.", "enhancing", FALSE },
    /* a decimal point does not end a clause */
    { "No lesion over 1.5 cm with washout.", "washout", FALSE },
    { "WASHOUT, capitals.", "washout", TRUE },
    { NULL, "washout", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_test_message ("“%s” says “%s”?", rows[i].text, rows[i].phrase);
      g_assert_cmpint (hep_case_lint_text_says (rows[i].text, rows[i].phrase), ==, rows[i].says);
    }
}

typedef struct {
  const char *features;       /* risk, age and sex are added */
  const char *found_on;       /* NULL: mri */
  const char *presentation;   /* NULL: "Incidental finding." */
  const char *findings[6];    /* "phase=text"; no "pre=": "pre=Measures 20 mm." is added */
  const char *expected[4];    /* the rule ids reported, in order */
  const char *proof;          /* NULL: imaging-criteria */
  const char *outcome;
} Vignette;

static HepCase *
vignette_case (const Vignette *v)
{
  HepCase *c = hep_case_new ("lint-vignette");
  g_autofree char *tokens = g_strdup_printf ("age=55 sex=m %s", v->features);
  g_autoptr(GError) error = NULL;
  gboolean has_pre = FALSE;
  HepFeatureSet features;

  hep_feature_set_init (&features);
  g_assert_true (hep_feature_set_parse (&features, tokens, &error));
  g_assert_no_error (error);
  hep_case_set_features (c, &features);
  hep_case_set_found_on (c, v->found_on ? v->found_on : "mri");
  hep_case_set_presentation (c, v->presentation ? v->presentation : "Incidental finding.");
  hep_case_set_proof (c, v->proof ? v->proof : "imaging-criteria");
  hep_case_set_outcome (c, v->outcome);
  for (guint i = 0; i < G_N_ELEMENTS (v->findings) && v->findings[i]; i++)
    {
      const char *eq = strchr (v->findings[i], '=');
      g_autofree char *key = g_strndup (v->findings[i], (gsize) (eq - v->findings[i]));
      HepCasePhase phase;

      g_assert_true (hep_case_phase_from_key (key, &phase));
      hep_case_set_findings (c, phase, eq + 1);
      has_pre |= phase == HEP_CASE_PHASE_PRE;
    }
  if (!has_pre)
    hep_case_set_findings (c, HEP_CASE_PHASE_PRE, "Measures 20 mm.");
  return c;
}

static void
test_lint_vignettes (void)
{
  static const Vignette rows[] = {
    /* washout: the word without the token, the token without the word */
    { "risk=none size=20 aphe=nonrim", NULL, NULL,
      { "portal=Nonperipheral washout.", NULL }, { "washout", NULL } },
    { "risk=none size=20 aphe=nonrim washout", NULL, NULL,
      { "portal=Isointense to liver.", NULL }, { "washout", NULL } },
    { "risk=none size=20 aphe=nonrim washout", NULL, NULL,
      { "portal=Nonperipheral washout.", NULL }, { NULL } },
    { "risk=none size=20 aphe=nonrim", NULL, NULL,
      { "portal=Isointense; no washout, no capsule.", "delayed=Washout absent.", NULL }, { NULL } },
    /* pseudo-washout is not washout */
    { "risk=none size=20 peripheral-nodular", NULL, NULL,
      { "portal=Darker than the enhancing liver (pseudo-washout).", NULL }, { NULL } },
    /* peripheral washout: its own token, and not plain washout */
    { "risk=none size=20 aphe=rim", NULL, NULL,
      { "portal=Peripheral washout of the rim.", NULL }, { "peripheral-washout", NULL } },
    { "risk=none size=20 aphe=rim peripheral-washout", NULL, NULL,
      { "portal=Peripheral washout of the rim.", NULL }, { NULL } },
    /* capsule; the liver's own capsule is not one */
    { "risk=none size=20 aphe=nonrim washout", NULL, NULL,
      { "portal=Nonperipheral washout with an enhancing capsule.", NULL }, { "capsule", NULL } },
    { "risk=none size=20 aphe=nonrim washout capsule", NULL, NULL,
      { "portal=Nonperipheral washout.", NULL }, { "capsule", NULL } },
    { "risk=none size=20 aphe=nonrim washout", NULL, NULL,
      { "portal=Nonperipheral washout without a capsule.", "arterial=Wedge reaching the capsule.",
        "delayed=The liver capsule is retracted.", NULL }, { NULL } },
    { "risk=none size=20 aphe=nonrim washout nonenhancing-capsule", NULL, NULL,
      { "portal=Nonperipheral washout; a nonenhancing capsule.", NULL }, { NULL } },
    /* corona */
    { "risk=none size=20 aphe=rim", NULL, NULL,
      { "arterial=Rim hyperenhancement with perilesional arterial hyperenhancement.", NULL }, { "corona", NULL } },
    { "risk=none size=20 aphe=rim corona", NULL, NULL,
      { "arterial=Rim hyperenhancement; no perilesional enhancement.", NULL }, { "corona", NULL } },
    { "risk=none size=20 aphe=rim corona", NULL, NULL,
      { "arterial=Rim hyperenhancement with corona enhancement.", NULL }, { NULL } },
    /* restricted diffusion, in the diffusion finding */
    { "risk=none size=20 dwi=none", NULL, NULL,
      { "dwi=Restricted diffusion.", NULL }, { "restricted-diffusion", NULL } },
    { "risk=none size=20 dwi=restricted", NULL, NULL,
      { "dwi=High signal at low b-values only.", NULL }, { "restricted-diffusion", NULL } },
    { "risk=none size=20 dwi=none", NULL, NULL,
      { "dwi=No restriction.", NULL }, { NULL } },
    { "risk=none size=20 dwi=restricted", NULL, NULL,
      { "dwi=Restricted diffusion; the necrotic centre does not restrict.", NULL }, { NULL } },
    /* transitional-phase hypointensity: only a gadoxetate study has one */
    { "risk=none size=20 hbp=hypo", NULL, NULL,
      { "delayed=Transitional phase: hypointense.", "hbp=Hypointense.", NULL }, { "tp-hypo", NULL } },
    { "risk=none size=20 tp-hypo hbp=hypo", NULL, NULL,
      { "delayed=Transitional phase: isointense.", "hbp=Hypointense.", NULL }, { "tp-hypo", NULL } },
    { "risk=none size=20 tp-hypo hbp=hypo", NULL, NULL,
      { "delayed=Transitional phase: hypointense.", "hbp=Hypointense.", NULL }, { NULL } },
    { "risk=none size=20", NULL, NULL,
      { "delayed=Slightly hypointense in the delayed phase.", "hbp=Not performed (extracellular agent).", NULL },
      { NULL } },
    /* size: stated where measured, nothing larger */
    { "risk=none size=34", NULL, NULL,
      { "pre=Heterogeneous mass.", "portal=Heterogeneous; 30 mm.", NULL }, { "size", NULL } },
    { "risk=none size=9", NULL, NULL,
      { "pre=Round 9 mm focus.", "other=Six months later: 16 mm.", NULL }, { "size", "outcome", NULL } },
    { "risk=none size=32 count=multiple", NULL, NULL,
      { "pre=Two lesions.", "portal=32 mm and 15 mm.", NULL }, { NULL } },
    { "risk=none size=34", NULL, NULL,
      { "pre=Mass of 3.4 cm.", NULL }, { NULL } },
    { "risk=none size=20", NULL, "A 20 mm nodule on CT.",
      { "pre=Heterogeneous mass.", NULL }, { NULL } },
    { "risk=none size=34", NULL, "A 30 mm nodule on ultrasound.",
      { "pre=Heterogeneous mass.", NULL }, { "size", NULL } },
    /* US visibility, where LI-RADS applies */
    { "risk=cirrhosis size=20 aphe=nonrim", "us", "Surveillance ultrasound shows a 20 mm nodule.",
      { NULL }, { "us-visible", NULL } },
    { "risk=cirrhosis size=20 aphe=nonrim us-visible", "us", "Surveillance ultrasound shows a 20 mm nodule.",
      { NULL }, { NULL } },
    { "risk=hbv size=20 aphe=nonrim", "us", "Ultrasound shows a coarse liver without a discrete mass.",
      { NULL }, { NULL } },
    { "risk=cirrhosis size=20 definitely-benign", "us", "Surveillance ultrasound shows a hypoechoic area.",
      { NULL }, { NULL } },
    { "risk=none size=20", "us", "Ultrasound shows a 20 mm nodule.",
      { NULL }, { NULL } },
    { "risk=cirrhosis size=20 aphe=nonrim us-visible", "mri", "Abbreviated MRI shows a new nodule.",
      { NULL }, { "us-visible", NULL } },
    { "risk=cirrhosis size=20 aphe=nonrim", "mri", "Abbreviated MRI shows a new nodule; a targeted ultrasound does not find it.",
      { NULL }, { NULL } },
    /* a hepatobiliary phase, acquired or not */
    { "risk=none size=20", NULL, NULL,
      { "hbp=Hypointense at 20 min.", NULL }, { "hbp", NULL } },
    { "risk=none size=20 hbp=hypo", NULL, NULL,
      { "hbp=Not performed (extracellular agent).", NULL }, { "hbp", NULL } },
    { "risk=none size=20", NULL, NULL,
      { "hbp=Not performed (extracellular agent).", NULL }, { NULL } },
    /* T2 grade, as LI-RADS defines it */
    { "risk=none size=20 t2=marked", NULL, NULL,
      { "t2=Markedly hyperintense, close to the spleen but less than fluid.", NULL }, { "t2", NULL } },
    { "risk=none size=20 t2=marked", NULL, NULL,
      { "t2=Mildly hyperintense.", NULL }, { "t2", NULL } },
    { "risk=none size=20 t2=mild-moderate", NULL, NULL,
      { "t2=Markedly hyperintense, fluid-like.", NULL }, { "t2", NULL } },
    { "risk=none size=20 t2=marked", NULL, NULL,
      { "t2=Markedly hyperintense, approaching fluid.", NULL }, { NULL } },
    { "risk=none size=20 t2=mild-moderate", NULL, NULL,
      { "t2=Wall moderately hyperintense; centre fluid-bright.", NULL }, { NULL } },
    /* Proof= against the outcome */
    { "risk=prior-hcc size=20", NULL, NULL, { NULL }, { "proof", NULL },
      "imaging-criteria", "Repeat resection; histology confirmed recurrence." },
    { "risk=prior-hcc size=20", NULL, NULL, { NULL }, { NULL },
      "histology", "Repeat resection; histology confirmed recurrence." },
    { "risk=cirrhosis size=20", NULL, NULL, { NULL }, { NULL },
      "imaging-criteria", "Ablated without biopsy after multidisciplinary discussion." },
    { "risk=none size=20", NULL, NULL, { NULL }, { "proof", NULL },
      "histology", "Unchanged at 12 months." },
    { "risk=none size=20", NULL, NULL, { NULL }, { "proof", NULL },
      "aspiration-culture", "Resolved on antibiotics." },
    { "risk=none size=20", NULL, NULL, { NULL }, { NULL },
      "aspiration-culture", "Aspiration grew Klebsiella pneumoniae." },
    /* what proved it is the outcome, not a finding */
    { "risk=none size=20", NULL, NULL,
      { "other=Biopsy: well-differentiated tumour.", NULL }, { "outcome", NULL }, "histology", NULL },
    { "risk=none size=20", NULL, NULL,
      { "other=CT-guided drainage of pus.", NULL }, { "outcome", NULL }, "aspiration-culture", NULL },
    { "risk=none size=20", NULL, NULL,
      { "other=The resection bed shows only scar; no biopsy tract.", NULL }, { NULL } },
    /* what follow-up showed, in findings-other, negated or not */
    { "risk=none size=20", NULL, NULL,
      { "other=Unchanged at 6 and 12 months.", NULL }, { "outcome", NULL } },
    { "risk=none size=20", NULL, NULL,
      { "other=Not seen on restaging CT after 3 months.", NULL }, { "outcome", NULL } },
    { "risk=none size=20", NULL, NULL,
      { "other=Not visible on MRI 4 months later.", NULL }, { "outcome", NULL } },
    /* earlier imaging is what the reader has */
    { "risk=none size=20", NULL, NULL,
      { "other=A CT four years earlier showed the same foci.", NULL }, { NULL } },
    /* a later study as a phase's source is imaging too */
    { "risk=none size=20 t2=mild-moderate", NULL, NULL,
      { "t2=Follow-up MRI 3 months later: mildly hyperintense.", NULL }, { NULL } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(HepCase) c = vignette_case (&rows[i]);
      g_autoptr(GPtrArray) problems = hep_case_lint (c);
      guint n = 0;

      g_test_message ("vignette %u: %s", i, rows[i].features);
      for (guint k = 0; k < problems->len; k++)
        g_test_message ("  %s", (char *) problems->pdata[k]);
      while (rows[i].expected[n] != NULL)
        n++;
      g_assert_cmpuint (problems->len, ==, n);
      for (guint k = 0; k < n; k++)
        {
          g_autofree char *prefix = g_strconcat (rows[i].expected[k], ": ", NULL);

          g_assert_true (g_str_has_prefix (problems->pdata[k], prefix));
        }
    }
}

/* The fixture cases of the other tests are consistent, except where a
 * test needs them not to be. */
static void
test_lint_clean_case (void)
{
  static const Vignette clean = {
    "risk=cirrhosis size=18 aphe=nonrim washout capsule t2=mild-moderate dwi=restricted us-visible", "us",
    "Surveillance ultrasound shows a new 17 mm hypoechoic nodule.",
    { "pre=Slightly T1-hypointense.", "arterial=Homogeneous nonrim hyperenhancement.",
      "portal=Nonperipheral washout with an enhancing capsule; 18 mm.", "t2=Mildly hyperintense.",
      "dwi=Restricted diffusion.", NULL },
    { NULL },
  };
  g_autoptr(HepCase) c = vignette_case (&clean);
  g_autoptr(GPtrArray) problems = hep_case_lint (c);

  g_assert_cmpuint (problems->len, ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/case-lint/text-says", test_lint_text_says);
  g_test_add_func ("/case-lint/vignettes", test_lint_vignettes);
  g_test_add_func ("/case-lint/clean-case", test_lint_clean_case);

  return g_test_run ();
}
