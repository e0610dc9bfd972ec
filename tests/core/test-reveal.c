/* test-reveal.c: the reveal sequence of every bundled case
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "hep-core.h"
#include "hep-test-cases.h"


static int
phase_rank (HepCasePhase phase)
{
  static const HepCasePhase order[] = {
    HEP_CASE_PHASE_PRE, HEP_CASE_PHASE_ARTERIAL, HEP_CASE_PHASE_PORTAL, HEP_CASE_PHASE_DELAYED,
    HEP_CASE_PHASE_HBP, HEP_CASE_PHASE_T2, HEP_CASE_PHASE_DWI,
  };

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    if (order[i] == phase)
      return (int) i;
  return -1;
}

/* history, then one step per phase with findings in reading order, then
 * commit, then reveal; diagrams never run ahead of the phases shown */
static void
test_reveal_order (void)
{
  g_autoptr(GPtrArray) cases = hep_test_bundled_cases ();

  g_assert_cmpuint (cases->len, >=, 60);
  for (guint k = 0; k < cases->len; k++)
    {
      HepCase *c = cases->pdata[k];
      g_autoptr(GPtrArray) steps = hep_reveal_sequence_new (c);
      guint n_phases = 0;
      int last_rank = -1, last_curve = -1;
      gboolean held = FALSE;

      g_test_message ("%s", hep_case_get_id (c));
      for (HepCasePhase p = 0; p < HEP_CASE_PHASE_OTHER; p++)
        if (hep_case_get_findings (c, p) != NULL && *hep_case_get_findings (c, p) != '\0')
          n_phases++;
      g_assert_cmpuint (steps->len, ==, n_phases + 3);
      g_assert_cmpint (((HepRevealStep *) steps->pdata[0])->kind, ==, HEP_REVEAL_STEP_HISTORY);
      g_assert_cmpint (((HepRevealStep *) steps->pdata[0])->diagram_phase, ==, -1);
      for (guint i = 1; i <= n_phases; i++)
        {
          HepRevealStep *step = steps->pdata[i];
          int curve = hep_reveal_phase_to_curve (step->phase);

          g_assert_cmpint (step->kind, ==, HEP_REVEAL_STEP_PHASE);
          g_assert_cmpint (phase_rank (step->phase), >, last_rank);
          last_rank = phase_rank (step->phase);
          held |= curve >= 0 && step->withheld;
          if (curve >= 0 && !held)
            last_curve = curve;
          g_assert_cmpint (step->diagram_phase, ==, last_curve);
          g_assert_cmpuint (step->items->len, ==, 1);
          if (!step->withheld)
            g_assert_cmpstr (((HepRevealItem *) step->items->pdata[0])->text, ==,
                             hep_case_get_findings (c, step->phase));
          g_assert_cmpint (step->withheld, ==, hep_case_hides (c, HEP_CASE_SPOILER_FINDINGS (step->phase)));
        }
      g_assert_cmpint (((HepRevealStep *) steps->pdata[n_phases + 1])->kind, ==, HEP_REVEAL_STEP_COMMIT);
      g_assert_cmpint (((HepRevealStep *) steps->pdata[n_phases + 1])->diagram_phase, ==, last_curve);
      g_assert_cmpint (((HepRevealStep *) steps->pdata[n_phases + 2])->diagram_phase, ==, HEP_CURVE_PHASE_HBP);
      g_assert_cmpint (((HepRevealStep *) steps->pdata[n_phases + 2])->kind, ==, HEP_REVEAL_STEP_REVEAL);
    }
}

/* @needle in @haystack (both lower case) as whole words. */
static gboolean
contains_words (const char *haystack,
                const char *needle)
{
  gsize n = strlen (needle);

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    if ((p == haystack || !g_ascii_isalnum (p[-1])) && !g_ascii_isalnum (p[n]))
      return TRUE;
  return FALSE;
}

/* The texts of the fields the rule hides for @c. */
static GPtrArray *
hidden_texts (HepCase  *c,
              gboolean  names_too)
{
  GPtrArray *texts = g_ptr_array_new_with_free_func (g_free);
  guint hidden = hep_case_get_hidden_fields (c);
  const char * const *names = hep_diagnosis_get_names (hep_case_get_diagnosis (c));

  g_assert_true (hidden & HEP_CASE_SPOILER_DIAGNOSIS);
  if (hidden & HEP_CASE_SPOILER_TITLE)
    g_ptr_array_add (texts, g_strdup (hep_case_get_title (c)));
  /* the history may name the diagnosis when it is the setting itself
   * (a prior HCC, a known primary's metastases: hep-case-spoilers.h) */
  if (names_too)
    g_ptr_array_add (texts, g_strdup (hep_case_diagnosis_get_label (hep_case_get_diagnosis (c))));
  g_ptr_array_add (texts, g_strdup (hep_case_proof_get_label (hep_case_get_proof (c))));
  /* "LR-4"; "NA" is a word of ordinary text and says nothing */
  if (hep_case_get_lirads (c) != HEP_LIRADS_NA)
    g_ptr_array_add (texts, g_strdup (hep_lirads_category_to_string (hep_case_get_lirads (c))));
  for (guint i = 0; names_too && names != NULL && names[i] != NULL; i++)
    if (!g_str_has_suffix (names[i], "*"))
      g_ptr_array_add (texts, g_strdup (names[i]));
  g_assert_true (hidden & HEP_CASE_SPOILER_OUTCOME);
  if (hep_case_get_outcome (c) != NULL && *hep_case_get_outcome (c) != '\0')
    g_ptr_array_add (texts, g_strdup (hep_case_get_outcome (c)));
  for (const char * const *t = hep_case_get_teaching_points (c); t && *t; t++)
    g_ptr_array_add (texts, g_strdup (*t));
  for (const char * const *t = hep_case_get_pitfalls (c); t && *t; t++)
    g_ptr_array_add (texts, g_strdup (*t));
  for (const char * const *t = hep_case_get_references (c); t && *t; t++)
    g_ptr_array_add (texts, g_strdup (*t));
  for (HepCasePhase p = 0; p < HEP_N_CASE_PHASES; p++)
    {
      gboolean also_open = FALSE;

      if (!(hidden & HEP_CASE_SPOILER_FINDINGS (p)) || hep_case_get_findings (c, p) == NULL)
        continue;
      /* "Isointense." hidden on HBP says nothing when T2 shows it too */
      for (HepCasePhase q = 0; q < HEP_N_CASE_PHASES; q++)
        also_open |= !(hidden & HEP_CASE_SPOILER_FINDINGS (q)) &&
                     g_strcmp0 (hep_case_get_findings (c, q), hep_case_get_findings (c, p)) == 0;
      if (!also_open)
        g_ptr_array_add (texts, g_strdup (hep_case_get_findings (c, p)));
    }
  return texts;
}

/* No hidden field's text in any step before the reveal, and each of them in
 * the reveal (but references, which a slide does not hold). */
static void
test_reveal_no_spoiler_before_reveal (void)
{
  g_autoptr(GPtrArray) cases = hep_test_bundled_cases ();
  guint n_withheld = 0;
  guint n_outcomes = 0;

  for (guint k = 0; k < cases->len; k++)
    {
      HepCase *c = cases->pdata[k];
      g_autoptr(GPtrArray) steps = hep_reveal_sequence_new (c);
      g_autoptr(GPtrArray) all_texts = hidden_texts (c, TRUE);
      g_autoptr(GPtrArray) setting_texts = hidden_texts (c, FALSE);
      g_autofree char *reveal = hep_reveal_step_dup_text (steps->pdata[steps->len - 1]);
      g_autofree char *reveal_lower = g_ascii_strdown (reveal, -1);

      for (guint i = 0; i + 1 < steps->len; i++)
        {
          HepRevealStep *step = steps->pdata[i];
          g_autofree char *text = hep_reveal_step_dup_text (step);
          g_autofree char *lower = g_ascii_strdown (text, -1);
          GPtrArray *texts = step->kind == HEP_REVEAL_STEP_HISTORY ? setting_texts : all_texts;

          n_withheld += step->withheld;
          /* by the one rule, findings shown name no diagnosis (the
           * history may: a prior HCC, a known primary's metastases) */
          for (guint j = 0; step->kind == HEP_REVEAL_STEP_PHASE && j < step->items->len; j++)
            g_assert_false (hep_diagnosis_find_name (((HepRevealItem *) step->items->pdata[j])->text, NULL));
          for (guint t = 0; t < texts->len; t++)
            {
              g_autofree char *needle = g_ascii_strdown (texts->pdata[t], -1);

              if (contains_words (lower, needle))
                g_error ("%s, step %u (%s) shows hidden text “%s”", hep_case_get_id (c), i,
                         hep_reveal_step_kind_to_string (step->kind), (char *) texts->pdata[t]);
            }
        }
      g_assert_nonnull (strstr (reveal, hep_case_get_title (c)));
      g_assert_nonnull (strstr (reveal, hep_case_diagnosis_get_label (hep_case_get_diagnosis (c))));
      g_assert_nonnull (strstr (reveal, hep_lirads_category_to_string (hep_case_get_lirads (c))));
      if (hep_case_get_outcome (c) != NULL && *hep_case_get_outcome (c) != '\0')
        {
          g_assert_nonnull (strstr (reveal, hep_case_get_outcome (c)));
          n_outcomes++;
        }
      for (const char * const *t = hep_case_get_teaching_points (c); t && *t; t++)
        g_assert_nonnull (strstr (reveal, *t));
      for (const char * const *t = hep_case_get_pitfalls (c); t && *t; t++)
        g_assert_nonnull (strstr (reveal, *t));
      for (HepCasePhase p = 0; p < HEP_N_CASE_PHASES; p++)
        if (hep_case_hides (c, HEP_CASE_SPOILER_FINDINGS (p)) && hep_case_get_findings (c, p) != NULL)
          g_assert_nonnull (strstr (reveal, hep_case_get_findings (c, p)));
    }
  /* the bundled library does hide findings somewhere, so the check bites */
  g_assert_cmpuint (n_withheld, >, 0);
  g_assert_cmpuint (n_outcomes, >, 0);
}

/* A case made to give itself away in every field the rule covers. */
static void
test_reveal_withholds_named_findings (void)
{
  g_autoptr(HepCase) c = hep_case_new ("spoiler-test");
  g_autoptr(GPtrArray) steps = NULL;
  g_autofree char *title = NULL;
  const char *points[] = { "Secret teaching point.", NULL };

  hep_case_set_title (c, "Classic FNH");
  hep_case_set_history (c, "A 30-year-old woman.");
  hep_case_set_presentation (c, "Incidental.");
  hep_case_set_found_on (c, "us");
  hep_case_set_diagnosis (c, "fnh");
  hep_case_set_proof (c, "imaging");
  hep_case_set_certainty (c, "probable");
  hep_case_set_findings (c, HEP_CASE_PHASE_ARTERIAL, "Bright, typical of focal nodular hyperplasia.");
  hep_case_set_findings (c, HEP_CASE_PHASE_PORTAL, "Iso.");
  hep_case_set_findings (c, HEP_CASE_PHASE_T2, "Scar bright.");
  hep_case_set_teaching_points (c, points);
  steps = hep_reveal_sequence_new (c);

  g_assert_cmpuint (steps->len, ==, 6);
  for (guint i = 0; i + 1 < steps->len; i++)
    {
      g_autofree char *text = hep_reveal_step_dup_text (steps->pdata[i]);

      g_assert_null (strstr (text, "FNH"));
      g_assert_null (strstr (text, "focal nodular"));
      g_assert_null (strstr (text, "Secret"));
    }
  g_assert_true (((HepRevealStep *) steps->pdata[1])->withheld);
  g_assert_false (((HepRevealStep *) steps->pdata[2])->withheld);
  /* the withheld arterial phase is not drawn, nor portal after it */
  g_assert_cmpint (((HepRevealStep *) steps->pdata[1])->diagram_phase, ==, -1);
  g_assert_cmpint (((HepRevealStep *) steps->pdata[2])->diagram_phase, ==, -1);
  /* T2 comes after the contrast phases and keeps their diagrams (none here) */
  g_assert_cmpint (((HepRevealStep *) steps->pdata[3])->phase, ==, HEP_CASE_PHASE_T2);
  g_assert_cmpint (((HepRevealStep *) steps->pdata[3])->diagram_phase, ==, -1);
  title = hep_reveal_dup_public_title (c, 3);
  g_assert_cmpstr (title, ==, "Case 3");
  {
    g_autofree char *reveal = hep_reveal_step_dup_text (steps->pdata[5]);

    g_assert_nonnull (strstr (reveal, "Classic FNH"));
    g_assert_nonnull (strstr (reveal, "focal nodular hyperplasia."));
    g_assert_nonnull (strstr (reveal, "Secret teaching point."));
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/reveal/order", test_reveal_order);
  g_test_add_func ("/reveal/no-spoiler-before-reveal", test_reveal_no_spoiler_before_reveal);
  g_test_add_func ("/reveal/withholds-named-findings", test_reveal_withholds_named_findings);
  return g_test_run ();
}
