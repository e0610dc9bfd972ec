/* hep-reveal.c: a case as a reveal sequence, for teaching conferences
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "hep-reveal.h"

#include <glib/gi18n-lib.h>

#include "hep-case-spoilers.h"
#include "hep-ddx.h"
#include "hep-lirads.h"

/* The phases in the order a reader goes through them: the contrast phases,
 * then T2 and DWI. "Other" findings (ultrasound, serology, follow-up) often
 * hold the proof, so they wait for the reveal. */
static const HepCasePhase sequence_phases[] = {
  HEP_CASE_PHASE_PRE,
  HEP_CASE_PHASE_ARTERIAL,
  HEP_CASE_PHASE_PORTAL,
  HEP_CASE_PHASE_DELAYED,
  HEP_CASE_PHASE_HBP,
  HEP_CASE_PHASE_T2,
  HEP_CASE_PHASE_DWI,
};

/* How many diagnoses of the differential the reveal names. */
#define N_DIFFERENTIAL 3

static void
item_free (gpointer data)
{
  HepRevealItem *item = data;

  g_free (item->label);
  g_free (item->text);
  g_free (item);
}

static void
add_item (HepRevealStep *step,
          const char    *label,
          const char    *text)
{
  HepRevealItem *item;

  if (text == NULL || *text == '\0')
    return;
  item = g_new0 (HepRevealItem, 1);
  item->label = g_strdup (label);
  item->text = g_strdup (text);
  g_ptr_array_add (step->items, item);
}

static void
add_list (HepRevealStep      *step,
          const char         *label,
          const char * const *texts)
{
  for (guint i = 0; texts != NULL && texts[i] != NULL; i++)
    add_item (step, label, texts[i]);
}

static HepRevealStep *
step_new (HepRevealStepKind  kind,
          const char        *heading)
{
  HepRevealStep *step = g_new0 (HepRevealStep, 1);

  step->kind = kind;
  step->phase = HEP_CASE_PHASE_OTHER;
  step->diagram_phase = -1;
  step->heading = g_strdup (heading);
  step->items = g_ptr_array_new_with_free_func (item_free);
  return step;
}

void
hep_reveal_step_free (HepRevealStep *step)
{
  if (step == NULL)
    return;
  g_free (step->heading);
  g_ptr_array_unref (step->items);
  g_free (step);
}

char *
hep_reveal_step_dup_text (const HepRevealStep *step)
{
  GString *s;

  g_return_val_if_fail (step != NULL, NULL);

  s = g_string_new (step->heading);
  for (guint i = 0; i < step->items->len; i++)
    {
      const HepRevealItem *item = step->items->pdata[i];

      g_string_append_c (s, '\n');
      if (item->label != NULL)
        g_string_append_printf (s, "%s: ", item->label);
      g_string_append (s, item->text);
    }
  return g_string_free (s, FALSE);
}

const char *
hep_reveal_step_kind_to_string (HepRevealStepKind kind)
{
  switch (kind)
    {
    case HEP_REVEAL_STEP_HISTORY:
      return "history";
    case HEP_REVEAL_STEP_PHASE:
      return "phase";
    case HEP_REVEAL_STEP_COMMIT:
      return "commit";
    case HEP_REVEAL_STEP_REVEAL:
    default:
      return "reveal";
    }
}

int
hep_reveal_phase_to_curve (HepCasePhase phase)
{
  switch (phase)
    {
    case HEP_CASE_PHASE_PRE:
      return HEP_CURVE_PHASE_PRE;
    case HEP_CASE_PHASE_ARTERIAL:
      return HEP_CURVE_PHASE_LATE_ARTERIAL;
    case HEP_CASE_PHASE_PORTAL:
      return HEP_CURVE_PHASE_PORTAL_VENOUS;
    case HEP_CASE_PHASE_DELAYED:
      return HEP_CURVE_PHASE_DELAYED;
    case HEP_CASE_PHASE_HBP:
      return HEP_CURVE_PHASE_HBP;
    case HEP_CASE_PHASE_T2:
    case HEP_CASE_PHASE_DWI:
    case HEP_CASE_PHASE_OTHER:
    default:
      return -1;
    }
}

char *
hep_reveal_dup_public_title (HepCase *c,
                             guint    number)
{
  g_return_val_if_fail (HEP_IS_CASE (c), NULL);

  if (!hep_case_hides (c, HEP_CASE_SPOILER_TITLE))
    return g_strdup (hep_case_get_title (c));
  if (number == 0)
    return g_strdup (_("Unknown case"));
  return g_strdup_printf (_("Case %u"), number);
}

static void
add_lirads (HepRevealStep *step,
            HepCase       *c)
{
  HepLiradsResult result;
  HepLiradsCategory on_file = hep_case_get_lirads (c);
  g_autofree char *category = NULL;

  hep_lirads_evaluate (hep_case_get_features (c), &result);
  category = g_strdup_printf ("%s — %s", hep_lirads_category_to_string (on_file),
                              hep_lirads_category_get_meaning (on_file));
  add_item (step, _("LI-RADS category"), category);
  for (guint i = 0; i < result.n_steps; i++)
    {
      const HepLiradsStep *s = &result.steps[i];
      g_autofree char *text = NULL;

      /* the path is the steps that held, and the last one, which decided */
      if (!s->matched && i + 1 < result.n_steps)
        continue;
      text = hep_lirads_step_describe (s);
      add_item (step, _("LI-RADS path"), text);
    }
}

static void
add_differential (HepRevealStep *step,
                  HepCase       *c)
{
  HepDdxResult result;
  g_autoptr(GString) text = g_string_new (NULL);

  hep_ddx_evaluate (hep_case_get_features (c), &result);
  for (guint i = 0; i < N_DIFFERENTIAL && i < HEP_N_DDX; i++)
    {
      const HepDdxEntry *e = &result.ranking[i];

      if (i > 0)
        g_string_append (text, "; ");
      g_string_append_printf (text, _("%u. %s (score %d)"), i + 1,
                              hep_ddx_diagnosis_get_label (e->diagnosis), e->score);
    }
  add_item (step, _("Differential"), text->str);
}

GPtrArray *
hep_reveal_sequence_new (HepCase *c)
{
  GPtrArray *steps = g_ptr_array_new_with_free_func ((GDestroyNotify) hep_reveal_step_free);
  HepRevealStep *step;
  int last_curve = -1;
  gboolean diagrams_held = FALSE;
  guint withheld = 0;
  g_autofree char *diagnosis = NULL;

  g_return_val_if_fail (HEP_IS_CASE (c), steps);

  /* 1. the clinical setting, never hidden */
  step = step_new (HEP_REVEAL_STEP_HISTORY, _("History and presentation"));
  if (!hep_case_hides (c, HEP_CASE_SPOILER_TITLE))
    add_item (step, NULL, hep_case_get_title (c));
  add_item (step, _("History"), hep_case_get_history (c));
  add_item (step, _("Presentation"), hep_case_get_presentation (c));
  add_item (step, _("First seen on"), hep_case_modality_get_label (hep_case_get_found_on (c)));
  g_ptr_array_add (steps, step);

  /* 2. the phases the case has findings for, in reading order */
  for (guint i = 0; i < G_N_ELEMENTS (sequence_phases); i++)
    {
      HepCasePhase phase = sequence_phases[i];
      const char *findings = hep_case_get_findings (c, phase);
      int curve = hep_reveal_phase_to_curve (phase);

      if (findings == NULL || *findings == '\0')
        continue;
      /* a withheld contrast phase is not drawn either, nor any after it:
       * the diagrams would show what its findings hold back */
      if (curve >= 0 && hep_case_hides (c, HEP_CASE_SPOILER_FINDINGS (phase)))
        diagrams_held = TRUE;
      if (curve >= 0 && !diagrams_held)
        last_curve = curve;
      step = step_new (HEP_REVEAL_STEP_PHASE, hep_case_phase_get_label (phase));
      step->phase = phase;
      step->diagram_phase = last_curve;
      if (hep_case_hides (c, HEP_CASE_SPOILER_FINDINGS (phase)))
        {
          step->withheld = TRUE;
          withheld |= HEP_CASE_SPOILER_FINDINGS (phase);
          add_item (step, _("Findings"), _("Withheld until the reveal: they would give the answer away."));
        }
      else
        add_item (step, _("Findings"), findings);
      g_ptr_array_add (steps, step);
    }

  /* 3. the room commits */
  step = step_new (HEP_REVEAL_STEP_COMMIT, _("Commit your answer"));
  step->diagram_phase = last_curve;
  add_item (step, NULL, _("What is the LI-RADS category, or does LI-RADS not apply?"));
  add_item (step, NULL, _("What is the diagnosis?"));
  g_ptr_array_add (steps, step);

  /* 4. the reveal */
  step = step_new (HEP_REVEAL_STEP_REVEAL, _("The answer"));
  step->diagram_phase = HEP_CURVE_PHASE_HBP;
  add_item (step, NULL, hep_case_get_title (c));
  diagnosis = g_strdup_printf (_("%s (%s, %s)"), hep_case_diagnosis_get_label (hep_case_get_diagnosis (c)),
                               hep_case_proof_get_label (hep_case_get_proof (c)), hep_case_get_certainty (c));
  add_item (step, _("Diagnosis"), diagnosis);
  add_item (step, _("Outcome"), hep_case_get_outcome (c));
  add_lirads (step, c);
  add_differential (step, c);
  for (guint i = 0; i < G_N_ELEMENTS (sequence_phases); i++)
    {
      HepCasePhase phase = sequence_phases[i];

      if (withheld & HEP_CASE_SPOILER_FINDINGS (phase))
        add_item (step, hep_case_phase_get_label (phase), hep_case_get_findings (c, phase));
    }
  add_item (step, hep_case_phase_get_label (HEP_CASE_PHASE_OTHER), hep_case_get_findings (c, HEP_CASE_PHASE_OTHER));
  add_list (step, _("Teaching point"), hep_case_get_teaching_points (c));
  add_list (step, _("Pitfall"), hep_case_get_pitfalls (c));
  g_ptr_array_add (steps, step);

  return steps;
}
