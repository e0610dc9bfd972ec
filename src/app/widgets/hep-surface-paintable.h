/* hep-surface-paintable.h: a cairo image surface as a GdkPaintable
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For a picture that is drawn once and shown in many frames, at its own
 * size. A GdkMemoryTexture would do, but GTK 4.8's cairo renderer
 * downloads a texture into a new surface in every frame that draws it,
 * converting each pixel through floats (76 M instructions a frame for the
 * presenter's 1808 × 811 phase strip); this paintable hands the surface
 * itself to a cairo node, which cairo composites directly.
 */

#pragma once

#include <cairo.h>
#include <gtk/gtk.h>

G_BEGIN_DECLS

#define HEP_TYPE_SURFACE_PAINTABLE (hep_surface_paintable_get_type ())
G_DECLARE_FINAL_TYPE (HepSurfacePaintable, hep_surface_paintable, HEP, SURFACE_PAINTABLE, GObject)

/* @surface: an image surface, @scale device pixels to one pixel of the
 * intrinsic size (a HiDPI picture has scale 2). The surface is referenced
 * and must not be drawn on afterwards: the paintable is immutable. */
GdkPaintable    *hep_surface_paintable_new         (cairo_surface_t     *surface,
                                                    int                  scale);

G_END_DECLS
