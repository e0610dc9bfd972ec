/* hep-answer-bar.c: the live answer, always in view
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A toggle in the feature panel changes the answer, and the answer must be
 * where the eye is: this bar sits above the scrolled side panel and says,
 * in three short lines, the LI-RADS category and what it means, the first
 * two of the differential, and the next step (the LI-RADS management where
 * LI-RADS applies, else the best-rated next imaging test), with the
 * education line under them. The full reasoning stays in the sections
 * below. In unknown-case mode, until the reveal, it says only that the
 * answer is hidden.
 */

#include "config.h"

#include "hep-answer-bar.h"
#include "hep-lirads-view.h"
#include "hep-hfw-bin.h"
#include "hep-wrap-label.h"

#include <glib/gi18n.h>

struct _HepAnswerBar
{
  HepStateView       parent_instance;

  GtkWidget         *category_label;
  GtkWidget         *headline;
  GtkWidget         *differential;
  GtkWidget         *next_step;
  GtkWidget         *reveal_button;

  HepLiradsCategory  category;
  HepFoundOn         found_on;
  gboolean           hiding;
};

G_DEFINE_FINAL_TYPE (HepAnswerBar, hep_answer_bar, HEP_TYPE_STATE_VIEW)

static gboolean
is_empty (const HepFeatureSet *features)
{
  HepFeatureSet empty;

  hep_feature_set_init (&empty);
  return hep_feature_set_equal (features, &empty);
}

/* The LI-RADS management where LI-RADS applies; else the best-rated test of
 * the ACR Appropriateness Criteria variant, when one applies. */
static char *
next_step_text (HepAnswerBar        *self,
                const HepFeatureSet *features,
                HepLiradsCategory    category)
{
  HepImagingScenario scenario;
  HepNextImagingResult result;
  HepProvenance provenance;

  if (category != HEP_LIRADS_NA)
    {
      const char *management = hep_lirads_category_get_management (category, &provenance);

      return g_strdup_printf (hep_provenance_is_verified (provenance) ? _("Next: %s") : _("Next: %s (unverified)"),
                              management);
    }

  hep_imaging_scenario_init (&scenario);
  scenario.features = *features;
  scenario.found_on = self->found_on;
  if (hep_imaging_scenario_complete (&scenario, NULL) &&
      hep_next_imaging_evaluate (&scenario, &result) != NULL && result.best >= 0)
    {
      const HepImagingEntry *best = &result.entries[result.best];

      return g_strdup_printf (hep_provenance_is_verified (best->provenance)
                              ? _("Next imaging: %s (%s, ACR Appropriateness Criteria)")
                              : _("Next imaging: %s (%s, ACR Appropriateness Criteria, unverified)"),
                              hep_procedure_get_label (best->procedure), hep_rating_get_label (best->rating));
    }
  return NULL;
}

static void
set_category (HepAnswerBar      *self,
              HepLiradsCategory  category)
{
  gtk_widget_remove_css_class (self->category_label, hep_lirads_view_get_category_class (self->category));
  self->category = category;
  gtk_widget_add_css_class (self->category_label, hep_lirads_view_get_category_class (category));
  gtk_label_set_label (GTK_LABEL (self->category_label), hep_lirads_category_to_string (category));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->category_label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, hep_lirads_category_to_string (category),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, hep_lirads_category_get_meaning (category),
                                  -1);
}

static void
hep_answer_bar_update (HepStateView    *view,
                       HepFeatureState *state)
{
  HepAnswerBar *self = HEP_ANSWER_BAR (view);
  const HepFeatureSet *features = hep_feature_state_get_features (state);
  g_autofree char *differential = NULL;
  g_autofree char *next = NULL;
  HepLiradsResult lirads;
  HepDdxResult ddx;

  gtk_widget_set_visible (self->reveal_button, self->hiding);
  if (self->hiding)
    {
      gtk_widget_set_visible (self->category_label, FALSE);
      hep_wrap_label_set_text (HEP_WRAP_LABEL (self->headline), _("The answer is hidden until you reveal it"));
      hep_wrap_label_set_text (HEP_WRAP_LABEL (self->differential),
                               _("Commit to a category and a diagnosis first."));
      gtk_widget_set_visible (self->next_step, FALSE);
      return;
    }
  if (is_empty (features))
    {
      gtk_widget_set_visible (self->category_label, FALSE);
      hep_wrap_label_set_text (HEP_WRAP_LABEL (self->headline), _("Set the imaging features to see the answer"));
      hep_wrap_label_set_text (HEP_WRAP_LABEL (self->differential),
                               _("Start with the HCC risk and the size, or pick a case from the library."));
      gtk_widget_set_visible (self->next_step, FALSE);
      return;
    }

  hep_lirads_evaluate (features, &lirads);
  hep_ddx_evaluate (features, &ddx);
  set_category (self, lirads.category);
  gtk_widget_set_visible (self->category_label, TRUE);
  hep_wrap_label_set_text (HEP_WRAP_LABEL (self->headline), hep_lirads_category_get_meaning (lirads.category));
  /* Translators: the first two diagnoses of the differential */
  differential = g_strdup_printf (_("Most likely %s, then %s"),
                                  hep_ddx_diagnosis_get_label (ddx.ranking[0].diagnosis),
                                  hep_ddx_diagnosis_get_label (ddx.ranking[1].diagnosis));
  hep_wrap_label_set_text (HEP_WRAP_LABEL (self->differential), differential);
  next = next_step_text (self, features, lirads.category);
  gtk_widget_set_visible (self->next_step, next != NULL);
  if (next != NULL)
    hep_wrap_label_set_text (HEP_WRAP_LABEL (self->next_step), next);
}

static void
hep_answer_bar_class_init (HepAnswerBarClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  HEP_STATE_VIEW_CLASS (klass)->update = hep_answer_bar_update;
  gtk_widget_class_set_css_name (widget_class, "answerbar");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
hep_answer_bar_init (HepAnswerBar *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *lines = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *note;

  self->category = HEP_LIRADS_NA;
  self->category_label = gtk_label_new (NULL);
  gtk_widget_set_valign (self->category_label, GTK_ALIGN_START);
  gtk_widget_add_css_class (self->category_label, "lirads-category");
  gtk_widget_add_css_class (self->category_label, "compact");
  gtk_widget_add_css_class (self->category_label, hep_lirads_view_get_category_class (self->category));

  self->headline = hep_wrap_label_new (NULL);
  gtk_widget_add_css_class (self->headline, "heading");
  self->differential = hep_wrap_label_new (NULL);
  self->next_step = hep_wrap_label_new (NULL);
  gtk_widget_add_css_class (self->next_step, "dim-label");
  note = hep_wrap_label_new (_("For education only, not for patient care."));
  gtk_widget_add_css_class (note, "education-line");

  /* the card below has the large one; this one stays in view */
  self->reveal_button = gtk_button_new_with_mnemonic (_("_Reveal"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->reveal_button), "win.reveal");
  gtk_widget_set_valign (self->reveal_button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (self->reveal_button, _("Reveal the answer (Ctrl+Return)"));
  gtk_widget_set_visible (self->reveal_button, FALSE);

  gtk_widget_set_hexpand (lines, TRUE);
  gtk_box_append (GTK_BOX (lines), self->headline);
  gtk_box_append (GTK_BOX (lines), self->differential);
  gtk_box_append (GTK_BOX (lines), self->next_step);
  gtk_box_append (GTK_BOX (lines), note);
  gtk_box_append (GTK_BOX (box), self->category_label);
  /* in a bin that gives its width without a height: a vertical box asked
   * its width for a height searches widths, laying each label out a dozen
   * times on every toggle */
  gtk_box_append (GTK_BOX (box), hep_hfw_bin_new (lines));
  gtk_box_append (GTK_BOX (box), self->reveal_button);
  gtk_widget_set_name (self->category_label, "answer-category");
  gtk_widget_set_name (self->headline, "answer-headline");
  gtk_widget_set_name (self->differential, "answer-differential");
  gtk_widget_set_name (self->next_step, "answer-next");
  gtk_widget_set_name (self->reveal_button, "answer-reveal");
  adw_bin_set_child (ADW_BIN (self), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Answer"), -1);
}

GtkWidget *
hep_answer_bar_new (void)
{
  return g_object_new (HEP_TYPE_ANSWER_BAR, NULL);
}

void
hep_answer_bar_set_found_on (HepAnswerBar *self,
                             HepFoundOn    found_on)
{
  g_return_if_fail (HEP_IS_ANSWER_BAR (self));

  if (self->found_on == found_on)
    return;
  self->found_on = found_on;
  hep_state_view_queue_update (HEP_STATE_VIEW (self));
}

void
hep_answer_bar_set_hiding (HepAnswerBar *self,
                           gboolean      hiding)
{
  g_return_if_fail (HEP_IS_ANSWER_BAR (self));

  hiding = !!hiding;
  if (self->hiding == hiding)
    return;
  self->hiding = hiding;
  hep_state_view_queue_update (HEP_STATE_VIEW (self));
}

gboolean
hep_answer_bar_get_hiding (HepAnswerBar *self)
{
  g_return_val_if_fail (HEP_IS_ANSWER_BAR (self), FALSE);
  return self->hiding;
}
