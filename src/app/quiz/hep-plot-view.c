/* hep-plot-view.c: one plot of the review log's statistics, drawn by the core
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The core draws the plot as SVG at the widget's size (hep_quiz_stats_plot_svg),
 * so its text keeps its size in pixels whatever the width; librsvg renders it
 * (src/render) when it is drawn, again when the size, the scale or the style
 * (dark, high contrast) changes. Its height follows its width and its rows
 * (hep_quiz_stats_plot_get_height). The accessible description is the core's
 * text alternative, set when the statistics are, never while drawing.
 */

#include "config.h"

#include "hep-plot-view.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "hep-diagram-render.h"

#define MIN_WIDTH 280
#define DEFAULT_WIDTH 400

struct _HepPlotView
{
  GtkWidget           parent_instance;

  HepQuizPlot         plot;
  const HepQuizStats *stats;        /* borrowed */
  char               *text_alternative;

  cairo_surface_t    *surface;
  int                 surface_width;
  int                 surface_height;
  HepDiagramTheme     surface_theme;
  guint               n_renders;
};

G_DEFINE_FINAL_TYPE (HepPlotView, hep_plot_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PLOT,
  PROP_TEXT_ALTERNATIVE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static HepDiagramTheme
current_theme (void)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  gboolean dark = adw_style_manager_get_dark (manager);

  if (adw_style_manager_get_high_contrast (manager))
    return dark ? HEP_DIAGRAM_THEME_HC_DARK : HEP_DIAGRAM_THEME_HC_LIGHT;
  return dark ? HEP_DIAGRAM_THEME_DARK : HEP_DIAGRAM_THEME_LIGHT;
}

static void
drop_surface (HepPlotView *self)
{
  g_clear_pointer (&self->surface, cairo_surface_destroy);
  self->surface_width = self->surface_height = 0;
}

static void
style_changed_cb (AdwStyleManager *manager,
                  GParamSpec      *pspec,
                  HepPlotView     *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
render (HepPlotView     *self,
        int              width,
        int              height,
        int              scale,
        HepDiagramTheme  theme)
{
  g_autofree char *svg = NULL;
  g_autoptr(GError) error = NULL;

  drop_surface (self);
  svg = hep_quiz_stats_plot_svg (self->stats, self->plot, theme, width, height, NULL);
  self->surface = hep_diagram_render_svg (svg, width * scale, height * scale, &error);
  if (self->surface == NULL)
    {
      g_warning ("Could not draw the plot “%s”: %s", hep_quiz_plot_to_string (self->plot),
                 error ? error->message : "unknown error");
      return FALSE;
    }
  self->surface_width = width * scale;
  self->surface_height = height * scale;
  self->surface_theme = theme;
  self->n_renders++;
  return TRUE;
}

static void
hep_plot_view_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  HepPlotView *self = HEP_PLOT_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  int scale = gtk_widget_get_scale_factor (widget);
  HepDiagramTheme theme = current_theme ();
  cairo_t *cr;

  if (width <= 0 || height <= 0)
    return;
  if (self->stats == NULL)
    {
      GdkRGBA background;

      if (gdk_rgba_parse (&background, hep_diagram_theme_get_background (theme)))
        gtk_snapshot_append_color (snapshot, &background, &GRAPHENE_RECT_INIT (0, 0, width, height));
      return;
    }
  if ((self->surface == NULL || self->surface_width != width * scale || self->surface_height != height * scale ||
       self->surface_theme != theme) &&
      !render (self, width, height, scale, theme))
    return;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  cairo_scale (cr, 1.0 / scale, 1.0 / scale);
  cairo_set_source_surface (cr, self->surface, 0, 0);
  cairo_paint (cr);
  cairo_destroy (cr);
}

static GtkSizeRequestMode
hep_plot_view_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
hep_plot_view_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  HepPlotView *self = HEP_PLOT_VIEW (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = MIN_WIDTH;
      *natural = DEFAULT_WIDTH;
      return;
    }
  if (self->stats == NULL)
    {
      *minimum = *natural = 160;
      return;
    }
  *minimum = *natural = (int) ceil (hep_quiz_stats_plot_get_height (self->stats, self->plot,
                                                                     for_size > 0 ? MAX (for_size, MIN_WIDTH) : DEFAULT_WIDTH));
}

static void
hep_plot_view_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  HepPlotView *self = HEP_PLOT_VIEW (object);

  switch (prop_id)
    {
    case PROP_PLOT:
      g_value_set_int (value, self->plot);
      break;
    case PROP_TEXT_ALTERNATIVE:
      g_value_set_string (value, self->text_alternative);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hep_plot_view_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  HepPlotView *self = HEP_PLOT_VIEW (object);

  switch (prop_id)
    {
    case PROP_PLOT:
      self->plot = CLAMP (g_value_get_int (value), 0, HEP_N_QUIZ_PLOTS - 1);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hep_plot_view_finalize (GObject *object)
{
  HepPlotView *self = HEP_PLOT_VIEW (object);

  drop_surface (self);
  g_free (self->text_alternative);
  G_OBJECT_CLASS (hep_plot_view_parent_class)->finalize (object);
}

static void
hep_plot_view_class_init (HepPlotViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = hep_plot_view_finalize;
  object_class->get_property = hep_plot_view_get_property;
  object_class->set_property = hep_plot_view_set_property;
  widget_class->snapshot = hep_plot_view_snapshot;
  widget_class->measure = hep_plot_view_measure;
  widget_class->get_request_mode = hep_plot_view_get_request_mode;

  /* a HepQuizPlot */
  properties[PROP_PLOT] =
    g_param_spec_int ("plot", NULL, NULL, 0, HEP_N_QUIZ_PLOTS - 1, 0,
                      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TEXT_ALTERNATIVE] =
    g_param_spec_string ("text-alternative", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "plot");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
hep_plot_view_init (HepPlotView *self)
{
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (style_changed_cb), self, 0);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::high-contrast",
                           G_CALLBACK (style_changed_cb), self, 0);
}

GtkWidget *
hep_plot_view_new (HepQuizPlot plot)
{
  return g_object_new (HEP_TYPE_PLOT_VIEW, "plot", (int) plot, NULL);
}

HepQuizPlot
hep_plot_view_get_plot (HepPlotView *self)
{
  g_return_val_if_fail (HEP_IS_PLOT_VIEW (self), 0);
  return self->plot;
}

void
hep_plot_view_set_stats (HepPlotView        *self,
                         const HepQuizStats *stats)
{
  g_autofree char *svg = NULL;
  g_autofree char *text = NULL;

  g_return_if_fail (HEP_IS_PLOT_VIEW (self));

  self->stats = stats;
  drop_surface (self);
  if (stats != NULL)
    /* the words do not depend on the size or the style */
    svg = hep_quiz_stats_plot_svg (stats, self->plot, HEP_DIAGRAM_THEME_LIGHT, 0, 0, &text);
  if (g_strcmp0 (text, self->text_alternative) != 0)
    {
      g_autofree char *title = NULL;

      g_free (self->text_alternative);
      self->text_alternative = g_steal_pointer (&text);
      /* the first line is the plot's title */
      if (self->text_alternative != NULL)
        title = g_strndup (self->text_alternative, strcspn (self->text_alternative, "\n"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, title ? title : "",
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      self->text_alternative ? self->text_alternative : "",
                                      -1);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT_ALTERNATIVE]);
    }
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

const char *
hep_plot_view_get_text_alternative (HepPlotView *self)
{
  g_return_val_if_fail (HEP_IS_PLOT_VIEW (self), NULL);
  return self->text_alternative;
}

HepDiagramTheme
hep_plot_view_get_theme (HepPlotView *self)
{
  g_return_val_if_fail (HEP_IS_PLOT_VIEW (self), HEP_DIAGRAM_THEME_LIGHT);
  return self->surface != NULL ? self->surface_theme : current_theme ();
}

guint
hep_plot_view_get_n_renders (HepPlotView *self)
{
  g_return_val_if_fail (HEP_IS_PLOT_VIEW (self), 0);
  return self->n_renders;
}

gboolean
hep_plot_view_export (HepPlotView  *self,
                      const char   *path,
                      int           width,
                      int           height,
                      GError      **error)
{
  g_autofree char *svg = NULL;

  g_return_val_if_fail (HEP_IS_PLOT_VIEW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (self->stats == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED, _("There are no statistics to export yet"));
      return FALSE;
    }
  if (width <= 0 || height <= 0)
    {
      width = gtk_widget_get_width (GTK_WIDGET (self));
      if (width < MIN_WIDTH)
        width = DEFAULT_WIDTH;
      height = (int) ceil (hep_quiz_stats_plot_get_height (self->stats, self->plot, width));
    }
  svg = hep_quiz_stats_plot_svg (self->stats, self->plot, current_theme (), width, height, NULL);
  return hep_diagram_render_export (svg, path, width, height, error);
}
