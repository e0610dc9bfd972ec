/* hep-case-card.c
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every field the case marks as a spoiler is hidden while the card is in
 * unknown-case mode and not revealed: for a conference or self-assessment
 * the title, diagnosis, proof and outcome, LI-RADS category, teaching points,
 * pitfalls, references and tags stay out of sight until the reveal.
 */

#include "config.h"

#include "hep-case-card.h"

#include "hep-case-spoilers.h"
#include "hep-hfw-bin.h"
#include "hep-text-row.h"

#include <glib/gi18n.h>

#include "hep-ddx.h"

struct _HepCaseCard
{
  AdwBin      parent_instance;

  /* Template widgets */
  GtkLabel   *title_label;
  GtkWidget  *reveal_button;
  GtkLabel   *meta_label;
  GtkLabel   *story_label;
  GtkListBox *findings_list;
  GtkLabel   *answer_label;
  GtkWidget  *hidden_label;
  GtkLabel   *footer_label;

  /* Owned */
  HepCase    *item;

  gboolean    unknown;
  gboolean    revealed;
  gboolean    lower_waiting;  /* the answer and footer wait (hep_case_card_set_lower_waiting) */
};

G_DEFINE_FINAL_TYPE (HepCaseCard, hep_case_card, ADW_TYPE_BIN)

static gboolean
hidden (HepCaseCard *self,
        const char  *field)
{
  return hep_case_card_get_hiding (self) && hep_case_is_spoiler (self->item, field);
}

static void
append_list (GString            *s,
             const char         *heading,
             const char * const *items)
{
  if (items == NULL || items[0] == NULL)
    return;
  g_string_append_printf (s, "\n\n<b>%s</b>", heading);
  for (guint i = 0; items[i] != NULL; i++)
    {
      g_autofree char *escaped = g_markup_escape_text (items[i], -1);
      g_string_append_printf (s, "\n• %s", escaped);
    }
}

/* A phase and what it shows, as a property row: the phase small above,
 * the finding below (HepTextRow: its text is cheap to lay out). */
static GtkWidget *
finding_row (const char *phase,
             const char *text)
{
  GtkWidget *row = hep_text_row_new (phase, text);

  gtk_widget_add_css_class (row, "property");
  return row;
}

/* Below the findings: the answer (diagnosis, outcome, LI-RADS on file,
 * teaching points, pitfalls, references, tags), the unknown-case line and
 * the footer. */
static void
update_lower (HepCaseCard *self)
{
  g_autoptr(GString) answer = NULL;
  g_autofree char *footer = NULL;
  HepCase *c = self->item;

  if (c == NULL || self->lower_waiting)
    {
      gtk_label_set_label (self->answer_label, "");
      gtk_label_set_label (self->footer_label, "");
      gtk_widget_set_visible (GTK_WIDGET (self->answer_label), FALSE);
      gtk_widget_set_visible (self->hidden_label, FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->footer_label), FALSE);
      gtk_widget_set_visible (self->reveal_button, c != NULL && hep_case_card_get_hiding (self));
      return;
    }

  answer = g_string_new (NULL);
  if (!hidden (self, "diagnosis"))
    {
      g_autofree char *dx = g_markup_escape_text (hep_case_diagnosis_get_label (hep_case_get_diagnosis (c)), -1);
      g_string_append_printf (answer, "<b>%s</b> %s", _("Diagnosis:"), dx);
      if (!hidden (self, "proof"))
        {
          g_autofree char *proof = g_markup_escape_text (hep_case_proof_get_label (hep_case_get_proof (c)), -1);
          g_string_append_printf (answer, " · %s %s", _("proven by"), proof);
        }
      if (!hidden (self, "certainty"))
        g_string_append_printf (answer, " · %s", hep_case_get_certainty (c));
    }
  if (!hidden (self, "outcome") && hep_case_get_outcome (c) != NULL)
    {
      g_autofree char *outcome = g_markup_escape_text (hep_case_get_outcome (c), -1);
      g_string_append_printf (answer, "%s<b>%s</b> %s", answer->len ? "\n" : "", _("Outcome:"), outcome);
    }
  if (!hidden (self, "lirads"))
    g_string_append_printf (answer, "%s<b>%s</b> %s", answer->len ? "\n" : "", _("LI-RADS on file:"),
                            hep_lirads_category_to_string (hep_case_get_lirads (c)));
  if (!hidden (self, "teaching-points"))
    append_list (answer, _("Teaching points"), hep_case_get_teaching_points (c));
  if (!hidden (self, "pitfalls"))
    append_list (answer, _("Pitfalls"), hep_case_get_pitfalls (c));
  if (!hidden (self, "references"))
    append_list (answer, _("References"), hep_case_get_references (c));
  if (!hidden (self, "tags") && hep_case_get_tags (c) != NULL && hep_case_get_tags (c)[0] != NULL)
    {
      g_autofree char *tags = g_strjoinv (", ", (char **) hep_case_get_tags (c));
      g_autofree char *escaped = g_markup_escape_text (tags, -1);
      g_string_append_printf (answer, "\n\n<b>%s</b> %s", _("Tags:"), escaped);
    }
  gtk_label_set_markup (self->answer_label, answer->str);
  gtk_widget_set_visible (GTK_WIDGET (self->answer_label), answer->len > 0);

  gtk_widget_set_visible (self->hidden_label, hep_case_card_get_hiding (self));
  gtk_widget_set_visible (self->reveal_button, hep_case_card_get_hiding (self));

  footer = g_strdup_printf (_("%s · %s · %s case · for education only, not for patient care"),
                            hep_case_get_author (c), hep_case_get_license (c),
                            hep_case_get_origin (c) == HEP_CASE_ORIGIN_BUNDLED ? _("bundled") : _("your"));
  gtk_label_set_label (self->footer_label, footer);
  gtk_widget_set_visible (GTK_WIDGET (self->footer_label), TRUE);
}

static void
update (HepCaseCard *self)
{
  g_autofree char *meta = NULL;
  g_autofree char *story = NULL;
  GtkWidget *child;
  HepCase *c = self->item;
  int age, size;
  HepSex sex;

  gtk_widget_set_visible (GTK_WIDGET (self), c != NULL);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->findings_list))) != NULL)
    gtk_list_box_remove (self->findings_list, child);
  if (c == NULL)
    {
      update_lower (self);
      return;
    }

  gtk_label_set_label (self->title_label, hidden (self, "title") ? _("Unknown Case") : hep_case_get_title (c));

  age = hep_case_get_age (c);
  sex = hep_case_get_sex (c);
  size = hep_case_get_size (c);
  /* Translators: "58-year-old man · found on ultrasound · 18 mm · difficulty 2 of 5" */
  meta = g_strdup_printf (_("%d-year-old %s · found on %s · %d mm · difficulty %d of 5"),
                          age, sex == HEP_SEX_F ? _("woman") : sex == HEP_SEX_M ? _("man") : _("patient"),
                          hep_case_modality_get_phrase (hep_case_get_found_on (c)), size, hep_case_get_difficulty (c));
  gtk_label_set_label (self->meta_label, meta);

  story = g_strdup_printf ("%s\n\n%s", hep_case_get_history (c), hep_case_get_presentation (c));
  gtk_label_set_label (self->story_label, story);

  for (HepCasePhase p = 0; p < HEP_N_CASE_PHASES; p++)
    {
      const char *text = hep_case_get_findings (c, p);

      if (text == NULL || *text == '\0')
        continue;
      if (hep_case_card_get_hiding (self) && hep_case_hides (c, HEP_CASE_SPOILER_FINDINGS (p)))
        text = _("Hidden until the reveal");
      gtk_list_box_append (self->findings_list, finding_row (hep_case_phase_get_label (p), text));
    }

  update_lower (self);
}

static void
hep_case_card_dispose (GObject *object)
{
  HepCaseCard *self = HEP_CASE_CARD (object);

  g_clear_object (&self->item);
  gtk_widget_dispose_template (GTK_WIDGET (self), HEP_TYPE_CASE_CARD);
  G_OBJECT_CLASS (hep_case_card_parent_class)->dispose (object);
}

static void
hep_case_card_class_init (HepCaseCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hep_case_card_dispose;

  g_type_ensure (HEP_TYPE_HFW_BIN);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/hep-case-card.ui");
  gtk_widget_class_bind_template_child (widget_class, HepCaseCard, title_label);
  gtk_widget_class_bind_template_child (widget_class, HepCaseCard, reveal_button);
  gtk_widget_class_bind_template_child (widget_class, HepCaseCard, meta_label);
  gtk_widget_class_bind_template_child (widget_class, HepCaseCard, story_label);
  gtk_widget_class_bind_template_child (widget_class, HepCaseCard, findings_list);
  gtk_widget_class_bind_template_child (widget_class, HepCaseCard, answer_label);
  gtk_widget_class_bind_template_child (widget_class, HepCaseCard, hidden_label);
  gtk_widget_class_bind_template_child (widget_class, HepCaseCard, footer_label);
  gtk_widget_class_set_css_name (widget_class, "casecard");
}

static void
hep_case_card_init (HepCaseCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

void
hep_case_card_set_case (HepCaseCard *self,
                        HepCase     *c)
{
  g_return_if_fail (HEP_IS_CASE_CARD (self));
  g_return_if_fail (c == NULL || HEP_IS_CASE (c));

  /* a new case starts unrevealed */
  self->revealed = FALSE;
  g_set_object (&self->item, c);
  update (self);
}

HepCase *
hep_case_card_get_case (HepCaseCard *self)
{
  g_return_val_if_fail (HEP_IS_CASE_CARD (self), NULL);
  return self->item;
}

void
hep_case_card_set_unknown (HepCaseCard *self,
                           gboolean     unknown)
{
  g_return_if_fail (HEP_IS_CASE_CARD (self));

  unknown = !!unknown;
  if (self->unknown == unknown)
    return;
  self->unknown = unknown;
  update (self);
}

void
hep_case_card_set_revealed (HepCaseCard *self,
                            gboolean     revealed)
{
  g_return_if_fail (HEP_IS_CASE_CARD (self));

  revealed = !!revealed;
  if (self->revealed == revealed)
    return;
  self->revealed = revealed;
  update (self);
}

/* While @waiting, the card shows its case down to the findings, and
 * leaves out what follows them: the window's first frame, when that part
 * is below the fold. */
void
hep_case_card_set_lower_waiting (HepCaseCard *self,
                                 gboolean     waiting)
{
  g_return_if_fail (HEP_IS_CASE_CARD (self));

  waiting = !!waiting;
  if (self->lower_waiting == waiting)
    return;
  self->lower_waiting = waiting;
  update_lower (self);
}

/* The y of the end of the findings, where the lower part starts, in
 * @relative_to's coordinates; FALSE if the card is not laid out. */
gboolean
hep_case_card_get_lower_top (HepCaseCard *self,
                             GtkWidget   *relative_to,
                             double      *y)
{
  graphene_point_t p;

  g_return_val_if_fail (HEP_IS_CASE_CARD (self), FALSE);

  if (!gtk_widget_get_mapped (GTK_WIDGET (self->findings_list)) ||
      !gtk_widget_compute_point (GTK_WIDGET (self->findings_list), relative_to,
                                 &GRAPHENE_POINT_INIT (0, gtk_widget_get_height (GTK_WIDGET (self->findings_list))), &p))
    return FALSE;
  *y = p.y;
  return TRUE;
}

gboolean
hep_case_card_get_hiding (HepCaseCard *self)
{
  g_return_val_if_fail (HEP_IS_CASE_CARD (self), FALSE);
  return self->item != NULL && self->unknown && !self->revealed;
}
