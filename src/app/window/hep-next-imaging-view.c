/* hep-next-imaging-view.c
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "hep-next-imaging-view.h"

#include "hep-choice-button.h"
#include "hep-text-row.h"
#include "hep-wrap-label.h"

#include <glib/gi18n.h>

#include "hep-list-sync.h"

struct _HepNextImagingView
{
  HepStateView          parent_instance;

  /* Template widgets */
  GtkLabel             *source_label;
  HepWrapLabel         *lirads_note;    /* plain, cheap to lay out on every toggle */
  GtkListBox           *found_on_list;
  HepChoiceButton      *found_on;        /* in a row of found_on_list */
  GtkLabel             *problem_label;
  GtkWidget            *result_box;
  GtkLabel             *variant_label;
  GtkLabel             *status_label;
  GtkListBox           *procedure_list;
  GtkExpander          *unrated_expander;
  GtkListBox           *unrated_list;
  GtkLabel             *us_label;

  HepNextImagingResult  result;
  gboolean              has_result;
  gboolean              show_unrated;
  gboolean              hiding;
  int                   n_unrated;       /* in the expander's label */
};

G_DEFINE_FINAL_TYPE (HepNextImagingView, hep_next_imaging_view, HEP_TYPE_STATE_VIEW)

enum {
  PROP_0,
  PROP_SHOW_UNRATED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct {
  const HepImagingEntry *entry;
  gboolean               best;
} ProcedureItem;

static const char *
provenance_badge (HepProvenance provenance)
{
  switch (provenance)
    {
    case HEP_PROVENANCE_PRIMARY:   return _("ACR document");
    case HEP_PROVENANCE_SECONDARY: return _("Secondary source");
    default:                       return _("Unverified");
    }
}

static GtkWidget *
build_procedure_row (gpointer data)
{
  ProcedureItem *item = data;
  const HepImagingEntry *e = item->entry;
  HepRrl rrl = hep_procedure_get_rrl (e->procedure);
  GtkWidget *badge = gtk_label_new (provenance_badge (e->provenance));
  g_autofree char *subtitle = NULL;
  GtkWidget *row;

  subtitle = g_strdup_printf ("%s · RRL %s (%s)%s%s",
                              e->rating == HEP_RATING_NONE ? _("No rating found for this variant")
                                                           : hep_rating_get_label (e->rating),
                              hep_rrl_get_symbol (rrl), hep_rrl_get_dose (rrl),
                              e->note ? "\n" : "", e->note ? g_dgettext (GETTEXT_PACKAGE, e->note) : "");
  /* HepTextRow: its wrapping text is cheap to lay out (hep-wrap-label.h) */
  row = hep_text_row_new (hep_procedure_get_label (e->procedure), subtitle);
  gtk_widget_set_name (row, hep_procedure_to_string (e->procedure));

  gtk_widget_add_css_class (badge, "badge");
  if (!hep_provenance_is_verified (e->provenance))
    gtk_widget_add_css_class (badge, "unverified");
  hep_text_row_add_suffix (HEP_TEXT_ROW (row), badge);

  if (item->best)
    {
      gtk_widget_add_css_class (row, "best-procedure");
      hep_text_row_add_prefix (HEP_TEXT_ROW (row), gtk_image_new_from_icon_name ("starred-symbolic"));
    }
  switch (e->rating)
    {
    case HEP_RATING_USUALLY_APPROPRIATE:     gtk_widget_add_css_class (row, "rating-ua"); break;
    case HEP_RATING_MAY_BE_APPROPRIATE:      gtk_widget_add_css_class (row, "rating-mba"); break;
    case HEP_RATING_USUALLY_NOT_APPROPRIATE: gtk_widget_add_css_class (row, "rating-una"); break;
    case HEP_RATING_NONE:
    default:                                 gtk_widget_add_css_class (row, "rating-none"); break;
    }
  return row;
}

/* Where LI-RADS applies it decides the next step: say so first. The ACR
 * table is for characterizing a lesion found incidentally. */
static void
update_lirads_note (HepNextImagingView  *self,
                    const HepFeatureSet *features)
{
  HepLiradsResult lirads;
  HepProvenance provenance;
  const char *management;
  g_autofree char *text = NULL;

  hep_lirads_evaluate (features, &lirads);
  /* the category is the answer: not while unknown-case mode hides it */
  gtk_widget_set_visible (GTK_WIDGET (self->lirads_note), lirads.category != HEP_LIRADS_NA && !self->hiding);
  if (lirads.category == HEP_LIRADS_NA || self->hiding)
    return;
  management = hep_lirads_category_get_management (lirads.category, &provenance);
  /* Translators: "LI-RADS LR-5 gives the next step: <management>. …" */
  text = g_strdup_printf (_("LI-RADS %s gives the next step: %s%s. The ACR table below is for a lesion "
                            "found incidentally, not for an observation in a patient at risk."),
                          hep_lirads_category_to_string (lirads.category),
                          management, hep_provenance_is_verified (provenance) ? "" : _(" (unverified)"));
  hep_wrap_label_set_text (self->lirads_note, text);
}

/* What is missing, in the panel's words (the core's message names tokens,
 * for the command line). */
static const char *
describe_problem (const HepImagingScenario *scenario,
                  const GError             *error)
{
  if (error == NULL)
    return _("No variant of the ACR table matches.");
  if (error->code == HEP_NEXT_IMAGING_ERROR_CONFLICT)
    return _("A known malignancy and an HCC risk fit two variants of the ACR table; it cannot choose one.");
  if (!hep_feature_set_is_set (&scenario->features, HEP_FEATURE_SIZE))
    return _("Give the size (Size and Growth) to see the ACR variant.");
  if (hep_feature_set_get (&scenario->features, HEP_FEATURE_SIZE) < 1)
    return _("A lesion needs a size of at least 1 mm.");
  if (scenario->found_on == HEP_FOUND_ON_UNSET)
    return _("Choose the study that first showed the lesion.");
  return _("Give the HCC risk or a known malignancy to choose the ACR variant.");
}

static void
hep_next_imaging_view_update (HepStateView    *view,
                              HepFeatureState *state)
{
  HepNextImagingView *self = HEP_NEXT_IMAGING_VIEW (view);
  g_autoptr(GError) error = NULL;
  HepImagingScenario scenario;
  guint found_on;

  hep_imaging_scenario_init (&scenario);
  scenario.features = *hep_feature_state_get_features (state);
  found_on = hep_choice_button_get_selected (self->found_on);
  scenario.found_on = found_on == GTK_INVALID_LIST_POSITION ? HEP_FOUND_ON_UNSET : (HepFoundOn) found_on;

  update_lirads_note (self, &scenario.features);
  self->has_result = hep_imaging_scenario_complete (&scenario, &error) &&
                     hep_next_imaging_evaluate (&scenario, &self->result) != NULL;
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), !self->has_result);
  gtk_widget_set_visible (self->result_box, self->has_result);
  if (!self->has_result)
    {
      gtk_label_set_label (self->problem_label, describe_problem (&scenario, error));
      return;
    }

  {
    const HepImagingVariant *v = self->result.variant;
    g_autofree char *title = NULL;
    g_autofree char *status = NULL;

    title = v->number_inferred ? g_strdup_printf (_("Variant %d (numbering inferred): %s"), v->number, v->title)
                               : g_strdup_printf (_("Variant %d: %s"), v->number, v->title);
    gtk_label_set_label (self->variant_label, title);
    status = self->result.size_on_boundary
      ? g_strdup_printf ("%s %s", v->status, hep_next_imaging_get_boundary_note ())
      : g_strdup (v->status);
    gtk_label_set_label (self->status_label, status);
  }

  /* the rated procedures, and the unconfirmed ones folded under one row */
  {
    int n_rated = 0, n_unrated = 0;

    for (guint i = 0; i < self->result.n_entries; i++)
      {
        ProcedureItem item = { &self->result.entries[i], (int) i == self->result.best };
        gboolean rated = item.entry->rating != HEP_RATING_NONE;
        char *signature = g_strdup_printf ("%d|%d|%d|%d|%s", item.entry->procedure, item.entry->rating,
                                           item.entry->provenance, item.best,
                                           item.entry->note ? item.entry->note : "");

        hep_list_box_sync_row (rated ? self->procedure_list : self->unrated_list,
                               rated ? n_rated++ : n_unrated++, signature, build_procedure_row, &item);
      }
    hep_list_box_truncate (self->procedure_list, n_rated);
    hep_list_box_truncate (self->unrated_list, n_unrated);
    gtk_widget_set_visible (GTK_WIDGET (self->procedure_list), n_rated > 0);
    gtk_widget_set_visible (GTK_WIDGET (self->unrated_expander), n_unrated > 0 && self->show_unrated);
    /* only when the count changes: a new label is a relayout */
    if (n_unrated > 0 && n_unrated != self->n_unrated)
      {
        g_autofree char *label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                               "%d procedure without a confirmed rating",
                                                               "%d procedures without a confirmed rating",
                                                               n_unrated), n_unrated);
        gtk_expander_set_label (self->unrated_expander, label);
        gtk_accessible_update_property (GTK_ACCESSIBLE (self->unrated_expander),
                                        GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      }
    self->n_unrated = n_unrated;
  }

  gtk_widget_set_visible (GTK_WIDGET (self->us_label), self->result.us_category != HEP_US_LIRADS_NA);
  if (self->result.us_category != HEP_US_LIRADS_NA)
    {
      HepProvenance p;
      const char *next = hep_us_category_get_next_step (self->result.us_category, &p);
      g_autofree char *text = NULL;

      text = g_strdup_printf (_("LI-RADS US surveillance: %s%s%s — %s. Next: %s%s"),
                              hep_us_category_to_string (self->result.us_category),
                              self->result.us_vis != HEP_US_VIS_UNSET ? "-" : "",
                              self->result.us_vis != HEP_US_VIS_UNSET ? hep_us_vis_to_string (self->result.us_vis) : "",
                              hep_us_category_get_meaning (self->result.us_category), next,
                              hep_provenance_is_verified (p) ? "" : _(" (unverified)"));
      gtk_label_set_label (self->us_label, text);
    }
}


static void
found_on_cb (HepChoiceButton    *button,
             GParamSpec         *pspec,
             HepNextImagingView *self)
{
  hep_state_view_queue_update (HEP_STATE_VIEW (self));
}

static void
hep_next_imaging_view_dispose (GObject *object)
{
  HepNextImagingView *self = HEP_NEXT_IMAGING_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), HEP_TYPE_NEXT_IMAGING_VIEW);
  G_OBJECT_CLASS (hep_next_imaging_view_parent_class)->dispose (object);
}

static void
hep_next_imaging_view_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  HepNextImagingView *self = HEP_NEXT_IMAGING_VIEW (object);

  switch (prop_id)
    {
    case PROP_SHOW_UNRATED:
      g_value_set_boolean (value, self->show_unrated);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hep_next_imaging_view_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  HepNextImagingView *self = HEP_NEXT_IMAGING_VIEW (object);

  switch (prop_id)
    {
    case PROP_SHOW_UNRATED:
      if (self->show_unrated == g_value_get_boolean (value))
        return;
      self->show_unrated = g_value_get_boolean (value);
      hep_state_view_queue_update (HEP_STATE_VIEW (self));
      g_object_notify_by_pspec (object, pspec);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hep_next_imaging_view_class_init (HepNextImagingViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hep_next_imaging_view_dispose;
  object_class->get_property = hep_next_imaging_view_get_property;
  object_class->set_property = hep_next_imaging_view_set_property;

  /* Whether the procedures without a confirmed rating are listed (folded). */
  properties[PROP_SHOW_UNRATED] =
    g_param_spec_boolean ("show-unrated", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  HEP_STATE_VIEW_CLASS (klass)->update = hep_next_imaging_view_update;

  g_type_ensure (HEP_TYPE_WRAP_LABEL);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/hep-next-imaging-view.ui");
  gtk_widget_class_bind_template_child (widget_class, HepNextImagingView, source_label);
  gtk_widget_class_bind_template_child (widget_class, HepNextImagingView, found_on_list);
  gtk_widget_class_bind_template_child (widget_class, HepNextImagingView, problem_label);
  gtk_widget_class_bind_template_child (widget_class, HepNextImagingView, result_box);
  gtk_widget_class_bind_template_child (widget_class, HepNextImagingView, variant_label);
  gtk_widget_class_bind_template_child (widget_class, HepNextImagingView, status_label);
  gtk_widget_class_bind_template_child (widget_class, HepNextImagingView, procedure_list);
  gtk_widget_class_bind_template_child (widget_class, HepNextImagingView, lirads_note);
  gtk_widget_class_bind_template_child (widget_class, HepNextImagingView, unrated_expander);
  gtk_widget_class_bind_template_child (widget_class, HepNextImagingView, unrated_list);
  gtk_widget_class_bind_template_child (widget_class, HepNextImagingView, us_label);
  gtk_widget_class_set_css_name (widget_class, "nextimagingview");
}

static void
hep_next_imaging_view_init (HepNextImagingView *self)
{
  self->show_unrated = TRUE;
  g_autofree char *source = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  source = g_strdup_printf ("%s. %s", HEP_ACR_AC_LABEL, hep_next_imaging_get_verify_note ());
  gtk_label_set_label (self->source_label, source);
  /* a text row and a choice button, not an AdwComboRow: see hep-choice-button.h */
  {
    const char *choices[] = {
      C_("found on", "Not given"), _("Ultrasound"), _("CT (noncontrast or single-phase)"), _("MRI without contrast"), NULL,
    };
    g_autoptr(GtkStringList) model = gtk_string_list_new (choices);
    GtkWidget *row = hep_text_row_new (_("Lesion First Seen On"), NULL);

    self->found_on = HEP_CHOICE_BUTTON (hep_choice_button_new (G_LIST_MODEL (model)));
    hep_choice_button_set_selected (self->found_on, 0);
    gtk_widget_set_name (GTK_WIDGET (self->found_on), "found-on");
    hep_choice_button_add_to_row (self->found_on, HEP_TEXT_ROW (row));
    gtk_list_box_append (self->found_on_list, row);
    g_signal_connect (self->found_on, "notify::selected", G_CALLBACK (found_on_cb), self);
  }
}

void
hep_next_imaging_view_set_found_on (HepNextImagingView *self,
                                    HepFoundOn          found_on)
{
  g_return_if_fail (HEP_IS_NEXT_IMAGING_VIEW (self));
  hep_choice_button_set_selected (self->found_on, (guint) found_on);
}

HepProcedure
hep_next_imaging_view_get_best (HepNextImagingView *self,
                                gboolean           *has_best)
{
  gboolean ok;

  g_return_val_if_fail (HEP_IS_NEXT_IMAGING_VIEW (self), 0);
  ok = self->has_result && self->result.best >= 0;
  if (has_best != NULL)
    *has_best = ok;
  return ok ? self->result.entries[self->result.best].procedure : 0;
}

/* While unknown-case mode hides the answer, the LI-RADS step is not shown:
 * it names the category. */
void
hep_next_imaging_view_set_hiding (HepNextImagingView *self,
                                  gboolean            hiding)
{
  g_return_if_fail (HEP_IS_NEXT_IMAGING_VIEW (self));

  hiding = !!hiding;
  if (self->hiding == hiding)
    return;
  self->hiding = hiding;
  hep_state_view_queue_update (HEP_STATE_VIEW (self));
}
