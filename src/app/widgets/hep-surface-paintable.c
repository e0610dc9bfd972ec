/* hep-surface-paintable.c
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "hep-surface-paintable.h"

struct _HepSurfacePaintable
{
  GObject          parent_instance;
  cairo_surface_t *surface;
  int              scale;
};

static void hep_surface_paintable_iface_init (GdkPaintableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (HepSurfacePaintable, hep_surface_paintable, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (GDK_TYPE_PAINTABLE, hep_surface_paintable_iface_init))

static void
snapshot (GdkPaintable *paintable,
          GdkSnapshot  *snapshot,
          double        width,
          double        height)
{
  HepSurfacePaintable *self = HEP_SURFACE_PAINTABLE (paintable);
  int sw = cairo_image_surface_get_width (self->surface);
  int sh = cairo_image_surface_get_height (self->surface);
  cairo_t *cr;

  if (width <= 0 || height <= 0 || sw <= 0 || sh <= 0)
    return;
  cr = gtk_snapshot_append_cairo (GTK_SNAPSHOT (snapshot), &GRAPHENE_RECT_INIT (0, 0, width, height));
  cairo_scale (cr, width / sw, height / sh);
  cairo_set_source_surface (cr, self->surface, 0, 0);
  /* drawn at its size, as it should be, no filter is needed */
  if (sw == width && sh == height)
    cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_NEAREST);
  cairo_paint (cr);
  cairo_destroy (cr);
}

static int
get_intrinsic_width (GdkPaintable *paintable)
{
  HepSurfacePaintable *self = HEP_SURFACE_PAINTABLE (paintable);

  return cairo_image_surface_get_width (self->surface) / self->scale;
}

static int
get_intrinsic_height (GdkPaintable *paintable)
{
  HepSurfacePaintable *self = HEP_SURFACE_PAINTABLE (paintable);

  return cairo_image_surface_get_height (self->surface) / self->scale;
}

static GdkPaintableFlags
get_flags (GdkPaintable *paintable)
{
  return GDK_PAINTABLE_STATIC_SIZE | GDK_PAINTABLE_STATIC_CONTENTS;
}

static void
hep_surface_paintable_iface_init (GdkPaintableInterface *iface)
{
  iface->snapshot = snapshot;
  iface->get_intrinsic_width = get_intrinsic_width;
  iface->get_intrinsic_height = get_intrinsic_height;
  iface->get_flags = get_flags;
}

static void
hep_surface_paintable_finalize (GObject *object)
{
  HepSurfacePaintable *self = HEP_SURFACE_PAINTABLE (object);

  cairo_surface_destroy (self->surface);
  G_OBJECT_CLASS (hep_surface_paintable_parent_class)->finalize (object);
}

static void
hep_surface_paintable_class_init (HepSurfacePaintableClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = hep_surface_paintable_finalize;
}

static void
hep_surface_paintable_init (HepSurfacePaintable *self)
{
  self->scale = 1;
}

GdkPaintable *
hep_surface_paintable_new (cairo_surface_t *surface,
                           int              scale)
{
  HepSurfacePaintable *self;

  g_return_val_if_fail (surface != NULL, NULL);
  g_return_val_if_fail (cairo_surface_get_type (surface) == CAIRO_SURFACE_TYPE_IMAGE, NULL);
  g_return_val_if_fail (scale >= 1, NULL);

  self = g_object_new (HEP_TYPE_SURFACE_PAINTABLE, NULL);
  cairo_surface_flush (surface);
  self->surface = cairo_surface_reference (surface);
  self->scale = scale;
  return GDK_PAINTABLE (self);
}
