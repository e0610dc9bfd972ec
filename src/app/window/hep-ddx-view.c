/* hep-ddx-view.c
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Twelve expander rows, made once and relabelled on every toggle; the
 * evidence inside a row is built only when it is expanded.
 */

#include "config.h"

#include "hep-ddx-view.h"

#include <glib/gi18n.h>

#include "hep-list-sync.h"
#include "hep-text-row.h"
#include "hep-wrap-label.h"

struct _HepDdxView
{
  HepStateView     parent_instance;

  /* Template widgets */
  GtkListBox      *ranking_list;
  GtkListBox      *pitfall_list;
  HepWrapLabel    *first_two;

  /* Borrowed: children of ranking_list, each followed by its evidence
   * rows while it is expanded. All rows are HepTextRows, not Adw rows: GTK
   * centres an action row's text by searching its narrowest width, a dozen
   * layouts of each label on every toggle. */
  HepTextRow      *rank_rows[HEP_N_DDX];

  HepDdxResult     result;
};

G_DEFINE_FINAL_TYPE (HepDdxView, hep_ddx_view, HEP_TYPE_STATE_VIEW)

static const char *
provenance_suffix (HepProvenance provenance)
{
  return hep_provenance_is_verified (provenance) ? "" : _(" (unverified)");
}

/* The rows of one side, imaging or context: "Nonrim APHE  ++" or
 * "Known malignancy, hypervascular primary (context)  ++". */
static char *
evidence_text (const HepDdxResult *result,
               HepDdxDiagnosis     d,
               int                 sign,
               gboolean            context)
{
  HepDdxEvidence ev[HEP_DDX_MAX_EVIDENCE];
  guint n = hep_ddx_collect_evidence (result, d, sign, ev, G_N_ELEMENTS (ev));
  GString *s = g_string_new (NULL);
  guint shown = 0;

  for (guint i = 0; i < n; i++)
    {
      if (ev[i].context != context)
        continue;
      g_string_append_printf (s, "%s%s%s  ", shown++ > 0 ? "\n" : "", _(ev[i].row->label),
                              context ? _(" (context)") : "");
      if (ev[i].lowered)
        /* TRANSLATORS: a grade lowered one step, e.g. "+ (++, lesion under 10 mm)" */
        g_string_append_printf (s, _("%s (%s, lesion under 10 mm)"), hep_ddx_grade_to_string (ev[i].grade),
                                ev[i].row->cells[d]);
      else
        g_string_append (s, ev[i].row->cells[d]);
    }
  return g_string_free (s, shown == 0);
}

static void
clear_details (HepDdxView *self,
               HepTextRow *row)
{
  GPtrArray *children = g_object_get_data (G_OBJECT (row), "hep-details");

  for (guint i = 0; children != NULL && i < children->len; i++)
    gtk_list_box_remove (self->ranking_list, children->pdata[i]);
  g_object_set_data (G_OBJECT (row), "hep-details", NULL);
}

/* Evidence rows go right after their diagnosis, in order. */
static void
add_detail (HepDdxView *self,
            HepTextRow *row,
            GPtrArray  *children,
            GtkWidget  *child)
{
  gtk_widget_add_css_class (child, "ddx-evidence");
  gtk_list_box_insert (self->ranking_list, child,
                       gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)) + 1 + (int) children->len);
  g_ptr_array_add (children, child);
}

/* The evidence of one diagnosis: for, against, neutral, context for and
 * against, figures. */
static void
build_details (HepDdxView *self,
               HepTextRow *row)
{
  HepDdxDiagnosis d = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "hep-diagnosis"));
  const HepDdxResult *result = &self->result;
  GPtrArray *children = g_ptr_array_new ();
  guint n_figures;
  const HepDdxFigure *figures = hep_ddx_get_figures (&n_figures);
  static const struct { int sign; gboolean context; const char *title; } sides[] = {
    { +1, FALSE, N_("For") }, { -1, FALSE, N_("Against") }, { 0, FALSE, N_("Uninformative") },
    { +1, TRUE, N_("Clinical context for") }, { -1, TRUE, N_("Clinical context against") },
  };

  clear_details (self, row);
  for (guint i = 0; i < HEP_N_DDX; i++)
    if (result->ranking[i].diagnosis == d && result->ranking[i].pinned_by >= 0)
      {
        int rule = result->ranking[i].pinned_by;
        g_autofree char *sub = g_strdup_printf ("%s%s", hep_ddx_hard_rule_get_source (rule),
                                                provenance_suffix (hep_ddx_hard_rule_get_provenance (rule)));
        add_detail (self, row, children, hep_text_row_new (hep_ddx_hard_rule_get_title (rule), sub));
      }

  for (guint s = 0; s < G_N_ELEMENTS (sides); s++)
    {
      g_autofree char *text = evidence_text (result, d, sides[s].sign, sides[s].context);
      g_autofree char *title = NULL;

      if (text == NULL)
        continue;
      if (sides[s].context)
        title = g_strdup_printf ("%s · %s%s", _(sides[s].title), hep_ddx_get_context_row (0)->source,
                                 provenance_suffix (hep_ddx_get_context_row (0)->provenance));
      add_detail (self, row, children, hep_text_row_new (title != NULL ? title : _(sides[s].title), text));
    }

  for (guint f = 0; f < n_figures; f++)
    {
      const HepDdxFigure *fig = &figures[f];
      g_autofree char *title = NULL;
      g_autofree char *sub = NULL;

      if (fig->diagnosis != d || !(result->figures & (G_GUINT64_CONSTANT (1) << f)))
        continue;
      title = g_strdup_printf ("%s — %s", g_dgettext (GETTEXT_PACKAGE, fig->finding), fig->comparison);
      sub = g_strdup_printf ("%s%s%s · %s · %s%s", fig->numbers, fig->derived ? "; " : "",
                             fig->derived ? fig->derived : "", hep_ddx_figure_kind_get_label (fig->kind),
                             fig->source, provenance_suffix (fig->provenance));
      add_detail (self, row, children, hep_text_row_new (title, sub));
    }

  g_object_set_data_full (G_OBJECT (row), "hep-details", children, (GDestroyNotify) g_ptr_array_unref);
}

static gboolean
get_expanded (HepTextRow *row)
{
  return GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "hep-expanded"));
}

static void
set_expanded (HepDdxView *self,
              HepTextRow *row,
              gboolean    expanded)
{
  GtkImage *arrow = g_object_get_data (G_OBJECT (row), "hep-arrow");

  g_object_set_data (G_OBJECT (row), "hep-expanded", GINT_TO_POINTER (expanded));
  gtk_image_set_from_icon_name (arrow, expanded ? "pan-down-symbolic" : "pan-end-symbolic");
  gtk_accessible_update_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_EXPANDED, expanded, -1);
  if (expanded)
    build_details (self, row);
  else
    clear_details (self, row);
}

/* A click or Enter on a diagnosis shows or hides its evidence. */
static void
row_activated_cb (GtkListBox    *list,
                  GtkListBoxRow *row,
                  HepDdxView    *self)
{
  if (g_object_get_data (G_OBJECT (row), "hep-arrow") != NULL)
    set_expanded (self, HEP_TEXT_ROW (row), !get_expanded (HEP_TEXT_ROW (row)));
}

static GtkWidget *
build_pitfall_row (gpointer data)
{
  HepDdxPitfall p = GPOINTER_TO_INT (data);
  g_autofree char *sub = g_strdup_printf ("%s%s", hep_ddx_pitfall_get_source (p),
                                          provenance_suffix (hep_ddx_pitfall_get_provenance (p)));
  GtkWidget *row = hep_text_row_new (hep_ddx_pitfall_get_text (p), sub);

  hep_text_row_add_prefix (HEP_TEXT_ROW (row), gtk_image_new_from_icon_name ("dialog-warning-symbolic"));
  gtk_widget_add_css_class (row, "pitfall");
  return row;
}

/* One row per diagnosis, made at the first update: a view that waits for
 * the window's first frame costs nothing before it. */
static void
ensure_rank_rows (HepDdxView *self)
{
  if (self->rank_rows[0] != NULL)
    return;
  for (guint i = 0; i < HEP_N_DDX; i++)
    {
      GtkWidget *row = hep_text_row_new (NULL, NULL);
      GtkWidget *arrow = g_object_new (GTK_TYPE_IMAGE,
                                       "icon-name", "pan-end-symbolic",
                                       "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                       NULL);

      gtk_widget_add_css_class (arrow, "ddx-arrow");
      hep_text_row_add_suffix (HEP_TEXT_ROW (row), arrow);
      g_object_set_data (G_OBJECT (row), "hep-arrow", arrow);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_widget_add_css_class (row, "ddx-diagnosis");
      gtk_accessible_update_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_EXPANDED, FALSE, -1);
      if (i == 0)
        gtk_widget_add_css_class (row, "top-diagnosis");
      self->rank_rows[i] = HEP_TEXT_ROW (row);
      gtk_list_box_append (self->ranking_list, row);
    }
}

static void
hep_ddx_view_update (HepStateView    *view,
                     HepFeatureState *state)
{
  HepDdxView *self = HEP_DDX_VIEW (view);
  int n_pitfalls = 0;

  hep_ddx_evaluate (hep_feature_state_get_features (state), &self->result);

  {
    g_autofree char *first_two = hep_ddx_describe_top_two (&self->result);

    hep_wrap_label_set_text (self->first_two, first_two);
  }

  ensure_rank_rows (self);
  for (guint i = 0; i < HEP_N_DDX; i++)
    {
      const HepDdxEntry *e = &self->result.ranking[i];
      HepTextRow *row = self->rank_rows[i];
      g_autofree char *title = g_strdup_printf ("%u. %s", i + 1, hep_ddx_diagnosis_get_label (e->diagnosis));
      g_autofree char *subtitle = NULL;

      if (e->pinned_by >= 0)
        subtitle = g_strdup_printf (_("Hard rule: %s"), hep_ddx_hard_rule_get_title (e->pinned_by));
      else if (e->context != 0)
        subtitle = g_strdup_printf (_("Score %d (context %+d) · %d for, %d against"), e->score, e->context,
                                    e->n_for, e->n_against);
      else
        subtitle = g_strdup_printf (_("Score %d · %d for, %d against"), e->score, e->n_for, e->n_against);
      hep_text_row_set_title (row, title);
      hep_text_row_set_subtitle (row, subtitle);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, subtitle,
                                      -1);
      gtk_widget_set_name (GTK_WIDGET (row), hep_ddx_diagnosis_to_string (e->diagnosis));
      g_object_set_data (G_OBJECT (row), "hep-diagnosis", GINT_TO_POINTER (e->diagnosis));
      if (get_expanded (row))
        build_details (self, row);
    }

  for (guint p = 0; p < HEP_N_DDX_PITFALLS; p++)
    if (self->result.pitfalls & (1u << p))
      hep_list_box_sync_row (self->pitfall_list, n_pitfalls++, g_strdup (hep_ddx_pitfall_get_id (p)),
                             build_pitfall_row, GINT_TO_POINTER (p));
  hep_list_box_truncate (self->pitfall_list, n_pitfalls);
}


static void
hep_ddx_view_dispose (GObject *object)
{
  HepDdxView *self = HEP_DDX_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), HEP_TYPE_DDX_VIEW);
  G_OBJECT_CLASS (hep_ddx_view_parent_class)->dispose (object);
}

static void
hep_ddx_view_class_init (HepDdxViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hep_ddx_view_dispose;
  HEP_STATE_VIEW_CLASS (klass)->update = hep_ddx_view_update;

  g_type_ensure (HEP_TYPE_WRAP_LABEL);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/hep-ddx-view.ui");
  gtk_widget_class_bind_template_child (widget_class, HepDdxView, ranking_list);
  gtk_widget_class_bind_template_child (widget_class, HepDdxView, pitfall_list);
  gtk_widget_class_bind_template_child (widget_class, HepDdxView, first_two);
  gtk_widget_class_set_css_name (widget_class, "ddxview");
}

static void
hep_ddx_view_init (HepDdxView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (self->ranking_list, "row-activated", G_CALLBACK (row_activated_cb), self);
}


HepDdxDiagnosis
hep_ddx_view_get_top (HepDdxView *self)
{
  g_return_val_if_fail (HEP_IS_DDX_VIEW (self), 0);
  return self->result.ranking[0].diagnosis;
}
