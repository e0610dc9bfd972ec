/* test-surface-paintable.c: HepSurfacePaintable shows its surface
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "hep-surface-paintable.h"
#include "hep-ui-test-utils.h"

/* A surface shown by a GtkPicture at its size: the same pixels on screen,
 * its size the picture's, halved at scale 2. */
static void
test_surface_paintable (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 120, 80);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GdkPaintable) hidpi = NULL;
  GtkWidget *window = gtk_window_new ();
  GtkWidget *picture;
  g_autoptr(GdkTexture) shot = NULL;
  g_autofree guint32 *pixels = g_new (guint32, 120 * 80);
  GtkSnapshot *snapshot;
  g_autoptr(GskRenderNode) node = NULL;
  GskRenderer *renderer;

  /* left half red, right half blue */
  cairo_set_source_rgb (cr, 1, 0, 0);
  cairo_rectangle (cr, 0, 0, 60, 80);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 0, 0, 1);
  cairo_rectangle (cr, 60, 0, 60, 80);
  cairo_fill (cr);
  cairo_destroy (cr);

  paintable = hep_surface_paintable_new (surface, 1);
  hidpi = hep_surface_paintable_new (surface, 2);
  cairo_surface_destroy (surface);
  g_assert_cmpint (gdk_paintable_get_intrinsic_width (paintable), ==, 120);
  g_assert_cmpint (gdk_paintable_get_intrinsic_height (paintable), ==, 80);
  g_assert_cmpint (gdk_paintable_get_intrinsic_width (hidpi), ==, 60);
  g_assert_cmpint (gdk_paintable_get_intrinsic_height (hidpi), ==, 40);
  g_assert_cmpint (gdk_paintable_get_flags (paintable), ==, GDK_PAINTABLE_STATIC_SIZE | GDK_PAINTABLE_STATIC_CONTENTS);

  picture = gtk_picture_new_for_paintable (paintable);
  gtk_window_set_child (GTK_WINDOW (window), picture);
  gtk_window_present (GTK_WINDOW (window));
  hep_ui_test_wait_for_draw (picture);
  g_assert_cmpint (gtk_widget_get_width (picture), >=, 120);

  /* what it draws, rendered by the window's renderer */
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, 120, 80);
  node = gtk_snapshot_free_to_node (snapshot);
  renderer = gtk_native_get_renderer (GTK_NATIVE (window));
  shot = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, 120, 80));
  gdk_texture_download (shot, (guchar *) pixels, 120 * 4);
  g_assert_cmphex (pixels[10 * 120 + 10], ==, 0xFFFF0000);
  g_assert_cmphex (pixels[70 * 120 + 59], ==, 0xFFFF0000);
  g_assert_cmphex (pixels[70 * 120 + 60], ==, 0xFF0000FF);
  g_assert_cmphex (pixels[10 * 120 + 119], ==, 0xFF0000FF);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  hep_ui_test_init (&argc, &argv);
  g_test_add_func ("/surface-paintable/draws-its-surface", test_surface_paintable);
  return g_test_run ();
}
