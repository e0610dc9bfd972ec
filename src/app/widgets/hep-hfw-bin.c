/* hep-hfw-bin.c
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "hep-hfw-bin.h"

struct _HepHfwBin
{
  GtkWidget  parent_instance;

  GtkWidget *child;
  gboolean   height_at_width;
};

enum {
  PROP_0,
  PROP_CHILD,
  PROP_HEIGHT_AT_WIDTH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void hep_hfw_bin_buildable_init (GtkBuildableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (HepHfwBin, hep_hfw_bin, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_BUILDABLE, hep_hfw_bin_buildable_init))

static GtkBuildableIface *parent_buildable_iface;

static void
hep_hfw_bin_add_child (GtkBuildable *buildable,
                       GtkBuilder   *builder,
                       GObject      *child,
                       const char   *type)
{
  if (GTK_IS_WIDGET (child))
    hep_hfw_bin_set_child (HEP_HFW_BIN (buildable), GTK_WIDGET (child));
  else
    parent_buildable_iface->add_child (buildable, builder, child, type);
}

static void
hep_hfw_bin_buildable_init (GtkBuildableIface *iface)
{
  parent_buildable_iface = g_type_interface_peek_parent (iface);
  iface->add_child = hep_hfw_bin_add_child;
}

static GtkSizeRequestMode
hep_hfw_bin_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
hep_hfw_bin_measure (GtkWidget      *widget,
                     GtkOrientation  orientation,
                     int             for_size,
                     int            *minimum,
                     int            *natural,
                     int            *minimum_baseline,
                     int            *natural_baseline)
{
  HepHfwBin *self = HEP_HFW_BIN (widget);

  if (self->child == NULL || !gtk_widget_should_layout (self->child))
    {
      *minimum = *natural = 0;
      return;
    }
  /* width: never for a given height; height: for the given width, or with
   * height-at-width and none given, for the width the bin has */
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    for_size = -1;
  else if (for_size < 0 && self->height_at_width && gtk_widget_get_width (widget) > 0)
    for_size = gtk_widget_get_width (widget);
  gtk_widget_measure (self->child, orientation, for_size,
                      minimum, natural, minimum_baseline, natural_baseline);
}

static void
hep_hfw_bin_size_allocate (GtkWidget *widget,
                           int        width,
                           int        height,
                           int        baseline)
{
  HepHfwBin *self = HEP_HFW_BIN (widget);

  if (self->child != NULL && gtk_widget_should_layout (self->child))
    gtk_widget_allocate (self->child, width, height, baseline, NULL);
}

static void
hep_hfw_bin_dispose (GObject *object)
{
  HepHfwBin *self = HEP_HFW_BIN (object);

  g_clear_pointer (&self->child, gtk_widget_unparent);
  G_OBJECT_CLASS (hep_hfw_bin_parent_class)->dispose (object);
}

static void
hep_hfw_bin_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_CHILD:
      g_value_set_object (value, HEP_HFW_BIN (object)->child);
      break;
    case PROP_HEIGHT_AT_WIDTH:
      g_value_set_boolean (value, HEP_HFW_BIN (object)->height_at_width);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hep_hfw_bin_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_CHILD:
      hep_hfw_bin_set_child (HEP_HFW_BIN (object), g_value_get_object (value));
      break;
    case PROP_HEIGHT_AT_WIDTH:
      if (HEP_HFW_BIN (object)->height_at_width != g_value_get_boolean (value))
        {
          HEP_HFW_BIN (object)->height_at_width = g_value_get_boolean (value);
          gtk_widget_queue_resize (GTK_WIDGET (object));
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hep_hfw_bin_class_init (HepHfwBinClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hep_hfw_bin_dispose;
  object_class->get_property = hep_hfw_bin_get_property;
  object_class->set_property = hep_hfw_bin_set_property;
  widget_class->get_request_mode = hep_hfw_bin_get_request_mode;
  widget_class->measure = hep_hfw_bin_measure;
  widget_class->size_allocate = hep_hfw_bin_size_allocate;

  properties[PROP_CHILD] =
    g_param_spec_object ("child", NULL, NULL, GTK_TYPE_WIDGET,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* A height asked without a width is the child's height at the bin's
   * width once it has one, not at the child's natural width: a window asks
   * its content's height so after every resize, and a scrolled window
   * measured so lays its whole content out at its natural width, only to
   * lay it out again at the width it gets. */
  properties[PROP_HEIGHT_AT_WIDTH] =
    g_param_spec_boolean ("height-at-width", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GENERIC);
}

static void
hep_hfw_bin_init (HepHfwBin *self)
{
}

GtkWidget *
hep_hfw_bin_new (GtkWidget *child)
{
  return g_object_new (HEP_TYPE_HFW_BIN, "child", child, NULL);
}

void
hep_hfw_bin_set_child (HepHfwBin *self,
                       GtkWidget *child)
{
  g_return_if_fail (HEP_IS_HFW_BIN (self));
  g_return_if_fail (child == NULL || GTK_IS_WIDGET (child));

  if (self->child == child)
    return;
  g_clear_pointer (&self->child, gtk_widget_unparent);
  if (child != NULL)
    {
      self->child = child;
      gtk_widget_set_parent (child, GTK_WIDGET (self));
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHILD]);
}

GtkWidget *
hep_hfw_bin_get_child (HepHfwBin *self)
{
  g_return_val_if_fail (HEP_IS_HFW_BIN (self), NULL);
  return self->child;
}
