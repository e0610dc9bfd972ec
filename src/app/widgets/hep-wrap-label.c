/* hep-wrap-label.c
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "hep-wrap-label.h"

struct _HepWrapLabel
{
  GtkWidget    parent_instance;

  char        *text;
  gboolean     single_line;

  PangoLayout *layout;          /* NULL until first needed */
  guint        context_serial;  /* of the pango context the layout is up to date with */
  int          natural_width;   /* unbounded, pixels; -1 until known */
};

enum {
  PROP_0,
  PROP_TEXT,
  PROP_SINGLE_LINE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (HepWrapLabel, hep_wrap_label, GTK_TYPE_WIDGET)

/* The layout, following the widget's font (CSS and display changes update
 * the widget's pango context in place). */
static PangoLayout *
get_layout (HepWrapLabel *self)
{
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self));

  if (self->layout == NULL)
    {
      self->layout = pango_layout_new (context);
      pango_layout_set_text (self->layout, self->text, -1);
      self->context_serial = pango_context_get_serial (context);
      self->natural_width = -1;
    }
  else if (self->context_serial != pango_context_get_serial (context))
    {
      pango_layout_context_changed (self->layout);
      self->context_serial = pango_context_get_serial (context);
      self->natural_width = -1;
    }
  pango_layout_set_ellipsize (self->layout, self->single_line ? PANGO_ELLIPSIZE_END : PANGO_ELLIPSIZE_NONE);
  pango_layout_set_wrap (self->layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (self->layout,
                              gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL
                              ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
  return self->layout;
}

/* The layout at @width pixels (-1: unbounded). A text known to fit on one
 * line in @width keeps its unbounded layout: setting a PangoLayout's width
 * lays the text out and shapes it again, and most labels fit (left-aligned,
 * the lines are the same; a right-to-left text is aligned in its width). */
static PangoLayout *
layout_at (HepWrapLabel *self,
           int           width)
{
  PangoLayout *layout = get_layout (self);
  int pango_width = width < 0 ? -1 : width * PANGO_SCALE;

  if (width >= 0 && self->natural_width >= 0 && self->natural_width <= width &&
      gtk_widget_get_direction (GTK_WIDGET (self)) != GTK_TEXT_DIR_RTL)
    pango_width = -1;

  if (pango_layout_get_width (layout) != pango_width)
    pango_layout_set_width (layout, pango_width);
  return layout;
}

static int
natural_width (HepWrapLabel *self)
{
  PangoRectangle logical;

  get_layout (self);
  if (self->natural_width < 0)
    {
      pango_layout_get_extents (layout_at (self, -1), NULL, &logical);
      self->natural_width = PANGO_PIXELS_CEIL (logical.width);
    }
  return self->natural_width;
}

static void
hep_wrap_label_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  HepWrapLabel *self = HEP_WRAP_LABEL (widget);
  PangoRectangle logical;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      /* the width does not depend on a height: no search over widths */
      *natural = natural_width (self);
      *minimum = MIN (*natural, self->single_line ? HEP_WRAP_LABEL_MIN_WIDTH / 2 : HEP_WRAP_LABEL_MIN_WIDTH);
      return;
    }

  pango_layout_get_extents (layout_at (self, self->single_line ? -1 : for_size), NULL, &logical);
  *minimum = *natural = PANGO_PIXELS_CEIL (logical.height);
}

static GtkSizeRequestMode
hep_wrap_label_get_request_mode (GtkWidget *widget)
{
  return HEP_WRAP_LABEL (widget)->single_line ? GTK_SIZE_REQUEST_CONSTANT_SIZE
                                               : GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
hep_wrap_label_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  HepWrapLabel *self = HEP_WRAP_LABEL (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  PangoLayout *layout;
  PangoRectangle logical;
  GdkRGBA color;

  if (self->text[0] == '\0' || width <= 0)
    return;
  layout = layout_at (self, width);
  pango_layout_get_extents (layout, NULL, &logical);
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);

  gtk_snapshot_save (snapshot);
  /* vertically centred, as a label with the default yalign */
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (0, MAX (0, (height - PANGO_PIXELS_CEIL (logical.height)) / 2)));
  gtk_snapshot_append_layout (snapshot, layout, &color);
  gtk_snapshot_restore (snapshot);
}

static void
text_changed (HepWrapLabel *self)
{
  if (self->layout != NULL)
    pango_layout_set_text (self->layout, self->text, -1);
  self->natural_width = -1;
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, self->text, -1);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static void
hep_wrap_label_direction_changed (GtkWidget        *widget,
                                  GtkTextDirection  previous)
{
  gtk_widget_queue_draw (widget);
}

static void
hep_wrap_label_finalize (GObject *object)
{
  HepWrapLabel *self = HEP_WRAP_LABEL (object);

  g_clear_object (&self->layout);
  g_free (self->text);
  G_OBJECT_CLASS (hep_wrap_label_parent_class)->finalize (object);
}

static void
hep_wrap_label_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  HepWrapLabel *self = HEP_WRAP_LABEL (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    case PROP_SINGLE_LINE:
      g_value_set_boolean (value, self->single_line);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hep_wrap_label_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  HepWrapLabel *self = HEP_WRAP_LABEL (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      hep_wrap_label_set_text (self, g_value_get_string (value));
      break;
    case PROP_SINGLE_LINE:
      hep_wrap_label_set_single_line (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hep_wrap_label_class_init (HepWrapLabelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = hep_wrap_label_finalize;
  object_class->get_property = hep_wrap_label_get_property;
  object_class->set_property = hep_wrap_label_set_property;
  widget_class->measure = hep_wrap_label_measure;
  widget_class->get_request_mode = hep_wrap_label_get_request_mode;
  widget_class->snapshot = hep_wrap_label_snapshot;
  widget_class->direction_changed = hep_wrap_label_direction_changed;

  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SINGLE_LINE] =
    g_param_spec_boolean ("single-line", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "label");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LABEL);
}

static void
hep_wrap_label_init (HepWrapLabel *self)
{
  self->text = g_strdup ("");
  self->natural_width = -1;
}

GtkWidget *
hep_wrap_label_new (const char *text)
{
  return g_object_new (HEP_TYPE_WRAP_LABEL, "text", text, NULL);
}

void
hep_wrap_label_set_text (HepWrapLabel *self,
                         const char   *text)
{
  g_return_if_fail (HEP_IS_WRAP_LABEL (self));

  if (text == NULL)
    text = "";
  if (g_str_equal (self->text, text))
    return;
  g_free (self->text);
  self->text = g_strdup (text);
  text_changed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}

const char *
hep_wrap_label_get_text (HepWrapLabel *self)
{
  g_return_val_if_fail (HEP_IS_WRAP_LABEL (self), NULL);
  return self->text;
}

void
hep_wrap_label_set_single_line (HepWrapLabel *self,
                                gboolean      single_line)
{
  g_return_if_fail (HEP_IS_WRAP_LABEL (self));

  single_line = !!single_line;
  if (self->single_line == single_line)
    return;
  self->single_line = single_line;
  self->natural_width = -1;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SINGLE_LINE]);
}

gboolean
hep_wrap_label_get_single_line (HepWrapLabel *self)
{
  g_return_val_if_fail (HEP_IS_WRAP_LABEL (self), FALSE);
  return self->single_line;
}
