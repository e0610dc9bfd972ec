/* hep-lirads-view.c
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "hep-lirads-view.h"

#include "hep-hfw-bin.h"
#include "hep-lazy-tooltip.h"
#include "hep-list-sync.h"
#include "hep-text-row.h"
#include "hep-wrap-box.h"
#include "hep-wrap-label.h"

#include <glib/gi18n.h>

struct _HepLiradsView
{
  HepStateView      parent_instance;

  /* Template widgets */
  GtkLabel         *category_label;
  HepWrapLabel     *meaning_label;
  GtkLabel         *management_label;
  GtkWidget        *management_badge;
  GtkListBox       *trace_list;
  HepWrapBox       *counterfactual_box;


  HepLiradsCategory category;
  gboolean          show_sources;
};

G_DEFINE_FINAL_TYPE (HepLiradsView, hep_lirads_view, HEP_TYPE_STATE_VIEW)

static const char *category_classes[HEP_N_LIRADS_CATEGORIES] = {
  "cat-na", "cat-nc", "cat-tiv", "cat-lr1", "cat-lr2", "cat-lr3", "cat-lr4", "cat-lr5", "cat-lrm",
};

const char *
hep_lirads_view_get_category_class (HepLiradsCategory category)
{
  g_return_val_if_fail (category < HEP_N_LIRADS_CATEGORIES, "cat-na");
  return category_classes[category];
}

static void
counterfactual_clicked_cb (GtkButton     *button,
                           HepLiradsView *self)
{
  HepFeature feature = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "hep-feature"));
  int value = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "hep-value"));

  HepFeatureState *state = hep_state_view_get_state (HEP_STATE_VIEW (self));

  if (state != NULL)
    hep_feature_state_set_value (state, feature, value);
}

/* What a path row says; the rule (and so the source and badge) stays. */
static void
set_trace_row (GtkWidget           *row,
               const HepLiradsStep *step)
{
  g_autofree char *text = hep_lirads_step_describe (step);
  GtkWidget *icon = g_object_get_data (G_OBJECT (row), "hep-icon");

  hep_text_row_set_title (HEP_TEXT_ROW (row), text);
  gtk_image_set_from_icon_name (GTK_IMAGE (icon), step->matched ? "object-select-symbolic"
                                                                : "list-remove-symbolic");
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, step->matched ? _("Applies") : _("Does not apply"),
                                  -1);
  gtk_widget_remove_css_class (row, step->matched ? "step-unmatched" : "step-matched");
  gtk_widget_add_css_class (row, step->matched ? "step-matched" : "step-unmatched");
}

static GtkWidget *
trace_row (const HepLiradsStep *step,
           gboolean             show_source)
{
  GtkWidget *row = hep_text_row_new (NULL, show_source ? hep_lirads_rule_get_source (step->rule) : NULL);
  GtkWidget *icon = gtk_image_new ();

  g_object_set_data (G_OBJECT (row), "hep-icon", icon);
  set_trace_row (row, step);
  /* the source on one line, the full text in the tooltip */
  hep_text_row_set_subtitle_single_line (HEP_TEXT_ROW (row), TRUE);
  hep_lazy_tooltip_set (row, hep_lirads_rule_get_source (step->rule));
  hep_text_row_add_prefix (HEP_TEXT_ROW (row), icon);
  if (!hep_provenance_is_verified (hep_lirads_rule_get_provenance (step->rule)))
    {
      GtkWidget *badge = gtk_label_new (_("Unverified"));
      gtk_widget_add_css_class (badge, "badge");
      gtk_widget_add_css_class (badge, "unverified");
      hep_text_row_add_suffix (HEP_TEXT_ROW (row), badge);
    }
  return row;
}

/* Step 1 checks that did not apply and found nothing: shown folded. */
static gboolean
is_quiet_check (const HepLiradsStep *step)
{
  return !step->matched && step->rule >= HEP_LIRADS_RULE_NC &&
         step->rule <= HEP_LIRADS_RULE_LRM_TARGETOID;
}

static GtkWidget *
folded_checks_row (const HepLiradsResult *result,
                   guint                  from,
                   guint                  to,
                   gboolean               show_source)
{
  GtkWidget *row = adw_expander_row_new ();
  g_autoptr(GString) names = g_string_new (NULL);
  g_autofree char *title = NULL;

  for (guint i = from; i < to; i++)
    {
      if (names->len > 0)
        g_string_append (names, ", ");
      g_string_append (names, hep_lirads_rule_get_title (result->steps[i].rule));
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), trace_row (&result->steps[i], show_source));
    }
  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u earlier check did not apply",
                                        "%u earlier checks did not apply", to - from), to - from);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  /* the checks' names in a tooltip and the description, not a subtitle:
   * AdwExpanderRow's subtitle is a wrapping GtkLabel in a horizontal box,
   * which searches widths for a height, 56 layouts of this long line (12 ms
   * of a case's first frame); expanded, the row lists them anyway */
  hep_lazy_tooltip_set (row, names->str);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, names->str, -1);
  adw_expander_row_add_prefix (ADW_EXPANDER_ROW (row), gtk_image_new_from_icon_name ("list-remove-symbolic"));
  gtk_widget_add_css_class (row, "step-unmatched");
  return row;
}

/* the vocabulary's words, not the token: "Without nonperipheral washout → LR-4" */
static char *
counterfactual_label (const HepLiradsCounterfactual *cf)
{
  g_autofree char *change = hep_feature_describe_value (cf->feature, cf->value);

  /* Translators: a change and the category it gives, "Nonperipheral washout → LR-5" */
  return g_strdup_printf (_("%s → %s"), change, hep_lirads_category_to_string (cf->category));
}

/* A button's label: a HepWrapLabel, so that a long change wraps in a
 * narrow panel instead of widening it (a GtkButton's own label does not
 * wrap, and the longest set the side panel's minimum width). */
static const char *
button_label (GtkWidget *button)
{
  return hep_wrap_label_get_text (HEP_WRAP_LABEL (gtk_button_get_child (GTK_BUTTON (button))));
}

static void
set_counterfactual (HepLiradsView                 *self,
                    GtkWidget                     *button,
                    const HepLiradsCounterfactual *cf)
{
  g_autofree char *change = hep_feature_describe_value (cf->feature, cf->value);
  g_autofree char *label = counterfactual_label (cf);
  g_autofree char *tooltip = NULL;

  if (g_strcmp0 (button_label (button), label) == 0)
    return;
  tooltip = g_strdup_printf (_("Apply “%s”: the category becomes %s"), change,
                             hep_lirads_category_to_string (cf->category));
  hep_wrap_label_set_text (HEP_WRAP_LABEL (gtk_button_get_child (GTK_BUTTON (button))), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  hep_lazy_tooltip_set (button, tooltip);
  if (hep_lirads_counterfactual_is_imaging (cf))
    gtk_widget_remove_css_class (button, "context");
  else
    gtk_widget_add_css_class (button, "context");
  g_object_set_data (G_OBJECT (button), "hep-feature", GINT_TO_POINTER (cf->feature));
  g_object_set_data (G_OBJECT (button), "hep-value", GINT_TO_POINTER (cf->value));
}

static GtkWidget *counterfactual_button (HepLiradsView *self, const HepLiradsCounterfactual *cf);

/* At most this many buttons wait hidden for their change to come back. */
#define MAX_HIDDEN_COUNTERFACTUALS 48

/* Imaging changes first, then patient and reader changes. Toggling a
 * feature back and forth brings the same changes back: each button keeps
 * its label, shown and moved into place when its change applies and
 * hidden when it does not, since a label given new text is laid out and
 * shaped again (that was most of a toggle's cost). A change not seen
 * lately gets a new button; past MAX_HIDDEN_COUNTERFACTUALS hidden ones,
 * the last are dropped. */
static void
update_counterfactuals (HepLiradsView *self,
                        GArray        *cfs)
{
  GtkWidget *box = GTK_WIDGET (self->counterfactual_box);
  g_autoptr(GHashTable) by_label = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) used = g_hash_table_new (NULL, NULL);
  GtkWidget *previous = NULL;
  guint hidden = 0;

  for (GtkWidget *b = gtk_widget_get_first_child (box); b; b = gtk_widget_get_next_sibling (b))
    {
      const char *label = button_label (b);

      if (!g_hash_table_contains (by_label, label))
        g_hash_table_insert (by_label, (gpointer) label, b);
    }

  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < cfs->len; i++)
      {
        const HepLiradsCounterfactual *cf = &g_array_index (cfs, HepLiradsCounterfactual, i);
        g_autofree char *label = NULL;
        GtkWidget *button;

        if (hep_lirads_counterfactual_is_imaging (cf) != (pass == 0))
          continue;
        label = counterfactual_label (cf);
        button = g_hash_table_lookup (by_label, label);
        if (button == NULL || g_hash_table_contains (used, button))
          {
            button = counterfactual_button (self, cf);
            hep_wrap_box_append (self->counterfactual_box, button);
          }
        g_hash_table_add (used, button);
        gtk_widget_set_visible (button, TRUE);
        hep_wrap_box_reorder_child_after (self->counterfactual_box, button, previous);
        previous = button;
      }

  /* the rest wait hidden after the shown ones */
  for (GtkWidget *b = previous ? gtk_widget_get_next_sibling (previous) : gtk_widget_get_first_child (box); b;)
    {
      GtkWidget *next = gtk_widget_get_next_sibling (b);

      if (hidden++ < MAX_HIDDEN_COUNTERFACTUALS)
        gtk_widget_set_visible (b, FALSE);
      else
        hep_wrap_box_remove (self->counterfactual_box, b);
      b = next;
    }
}

static GtkWidget *
counterfactual_button (HepLiradsView                 *self,
                       const HepLiradsCounterfactual *cf)
{
  GtkWidget *button = gtk_button_new ();

  gtk_button_set_child (GTK_BUTTON (button), hep_wrap_label_new (NULL));
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  gtk_widget_add_css_class (button, "pill");
  gtk_widget_add_css_class (button, "counterfactual");
  g_signal_connect_object (button, "clicked", G_CALLBACK (counterfactual_clicked_cb), self, 0);
  set_counterfactual (self, button, cf);
  return button;
}

typedef struct {
  const HepLiradsResult *result;
  guint                  from;
  guint                  to;
  gboolean               show_sources;
} TraceItem;

static void
update_trace_item (GtkWidget *row,
                   gpointer   data)
{
  TraceItem *item = data;

  set_trace_row (row, &item->result->steps[item->from]);
}

static GtkWidget *
build_trace_item (gpointer data)
{
  TraceItem *item = data;

  if (item->to - item->from >= 2)
    return folded_checks_row (item->result, item->from, item->to, item->show_sources);
  return trace_row (&item->result->steps[item->from], item->show_sources);
}

/* The text a trace row shows, to tell whether it changed. */
static char *
steps_signature (const HepLiradsResult *result,
                 guint                  from,
                 guint                  to,
                 gboolean               show_sources)
{
  GString *s = g_string_new (show_sources ? "sources\n" : "");

  for (guint i = from; i < to; i++)
    {
      g_autofree char *text = hep_lirads_step_describe (&result->steps[i]);

      g_string_append_printf (s, "%d|%d|%s\n", result->steps[i].rule, result->steps[i].matched, text);
    }
  return g_string_free (s, FALSE);
}

static void
hep_lirads_view_update (HepStateView    *view,
                        HepFeatureState *state)
{
  HepLiradsView *self = HEP_LIRADS_VIEW (view);
  g_autoptr(GArray) cfs = NULL;
  HepLiradsResult result;
  HepProvenance provenance;
  const HepFeatureSet *fs;

  fs = hep_feature_state_get_features (state);
  hep_lirads_evaluate (fs, &result);

  gtk_widget_remove_css_class (GTK_WIDGET (self->category_label), category_classes[self->category]);
  self->category = result.category;
  gtk_widget_add_css_class (GTK_WIDGET (self->category_label), category_classes[self->category]);
  gtk_label_set_label (self->category_label, hep_lirads_category_to_string (result.category));
  hep_wrap_label_set_text (self->meaning_label, hep_lirads_category_get_meaning (result.category));
  gtk_label_set_label (self->management_label, hep_lirads_category_get_management (result.category, &provenance));
  /* "Unverified" for unconfirmed wording; "App convention" for a design choice */
  gtk_widget_set_visible (self->management_badge, !hep_provenance_is_verified (provenance));
  gtk_label_set_label (GTK_LABEL (self->management_badge),
                       provenance == HEP_PROVENANCE_DESIGN ? _("App convention") : _("Unverified"));
  gtk_widget_set_tooltip_text (self->management_badge,
                               provenance == HEP_PROVENANCE_DESIGN
                               ? _("A teaching convention of Hepatica, not a statement of the LI-RADS Core.")
                               : _("The sources of this wording could not be confirmed: check it against the LI-RADS Core before relying on it."));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->category_label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, hep_lirads_category_to_string (result.category),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, hep_lirads_category_get_meaning (result.category),
                                  -1);

  /* Rows whose text is unchanged are kept: a toggle usually changes two
   * rows of the path. */
  {
    int index = 0;

    for (guint i = 0; i < result.n_steps; i++, index++)
      {
        TraceItem item = { &result, i, i + 1, self->show_sources };

        while (item.to < result.n_steps && is_quiet_check (&result.steps[item.to - 1]) &&
               is_quiet_check (&result.steps[item.to]))
          item.to++;
        if (item.to - item.from < 2 || !is_quiet_check (&result.steps[i]))
          item.to = i + 1;
        {
          /* a plain row of the same rule is updated in place */
          g_autofree char *kind = item.to - item.from >= 2 ? NULL
            : g_strdup_printf ("%s:%d", hep_lirads_rule_get_id (result.steps[i].rule), self->show_sources);

          hep_list_box_sync_row_full (self->trace_list, index,
                                      steps_signature (&result, item.from, item.to, self->show_sources),
                                      kind, build_trace_item, update_trace_item, &item);
        }
        i = item.to - 1;
      }
    hep_list_box_truncate (self->trace_list, index);
  }

  cfs = hep_lirads_counterfactuals (fs);
  update_counterfactuals (self, cfs);
}


static void
hep_lirads_view_dispose (GObject *object)
{
  HepLiradsView *self = HEP_LIRADS_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), HEP_TYPE_LIRADS_VIEW);
  G_OBJECT_CLASS (hep_lirads_view_parent_class)->dispose (object);
}

static void
hep_lirads_view_class_init (HepLiradsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hep_lirads_view_dispose;
  HEP_STATE_VIEW_CLASS (klass)->update = hep_lirads_view_update;

  g_type_ensure (HEP_TYPE_HFW_BIN);
  g_type_ensure (HEP_TYPE_WRAP_BOX);
  g_type_ensure (HEP_TYPE_WRAP_LABEL);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/hep-lirads-view.ui");
  gtk_widget_class_bind_template_child (widget_class, HepLiradsView, category_label);
  gtk_widget_class_bind_template_child (widget_class, HepLiradsView, meaning_label);
  gtk_widget_class_bind_template_child (widget_class, HepLiradsView, management_label);
  gtk_widget_class_bind_template_child (widget_class, HepLiradsView, management_badge);
  gtk_widget_class_bind_template_child (widget_class, HepLiradsView, trace_list);
  gtk_widget_class_bind_template_child (widget_class, HepLiradsView, counterfactual_box);
  gtk_widget_class_set_css_name (widget_class, "liradsview");
}

static void
hep_lirads_view_init (HepLiradsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->category = HEP_LIRADS_NA;
  self->show_sources = TRUE;
}



HepLiradsCategory
hep_lirads_view_get_category (HepLiradsView *self)
{
  g_return_val_if_fail (HEP_IS_LIRADS_VIEW (self), HEP_LIRADS_NA);
  return self->category;
}

void
hep_lirads_view_set_show_sources (HepLiradsView *self,
                                  gboolean       show_sources)
{
  g_return_if_fail (HEP_IS_LIRADS_VIEW (self));

  show_sources = !!show_sources;
  if (self->show_sources == show_sources)
    return;
  self->show_sources = show_sources;
  hep_state_view_queue_update (HEP_STATE_VIEW (self));
}
