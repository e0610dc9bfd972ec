/* hep-ui-test-utils.c
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "hep-ui-test-utils.h"

#include <stdio.h>
#include <stdlib.h>

void
hep_ui_test_init (int    *argc,
                  char ***argv)
{
  g_autofree char *data_dirs = g_strdup (g_getenv ("XDG_DATA_DIRS"));

  /* Isolate the user's dirs, but keep the system data dirs: without them the
   * MIME database is missing and gdk-pixbuf cannot load SVG icons. */
  g_test_init (argc, argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  if (data_dirs != NULL)
    g_setenv ("XDG_DATA_DIRS", data_dirs, TRUE);
  else
    g_unsetenv ("XDG_DATA_DIRS");

  if (!gtk_init_check ())
    {
      if (g_strcmp0 (g_getenv ("HEPATICA_ALLOW_UI_SKIP"), "1") == 0)
        {
          printf ("1..0 # SKIP no display\n");
          exit (0);
        }
      fprintf (stderr, "no display: run the ui suite under xvfb-run "
                       "(or set HEPATICA_ALLOW_UI_SKIP=1 to skip it)\n");
      exit (1);
    }
  adw_init ();
}

gboolean
hep_ui_test_wait_for (gboolean (*condition) (gpointer data),
                      gpointer   data,
                      guint      timeout_ms)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) timeout_ms * 1000;

  while (!condition (data) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  return condition (data);
}

static void
after_paint_cb (GdkFrameClock *clock,
                gboolean      *drawn)
{
  *drawn = TRUE;
}

static gboolean
is_true (gpointer data)
{
  return *(gboolean *) data;
}

void
hep_ui_test_wait_for_draw (GtkWidget *widget)
{
  gboolean drawn = FALSE;
  GdkFrameClock *clock;
  gulong id;

  while (!gtk_widget_get_mapped (widget))
    g_main_context_iteration (NULL, TRUE);
  clock = gtk_widget_get_frame_clock (widget);
  g_assert_nonnull (clock);
  id = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &drawn);
  gtk_widget_queue_draw (widget);
  g_assert_true (hep_ui_test_wait_for (is_true, &drawn, 5000));
  g_signal_handler_disconnect (clock, id);
}

GtkWidget *
hep_ui_test_find_by_name (GtkWidget  *root,
                          const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = hep_ui_test_find_by_name (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

char *
hep_ui_test_save_png (GtkWidget  *widget,
                      const char *basename)
{
  int w = gtk_widget_get_width (widget);
  int h = gtk_widget_get_height (widget);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  char *path;

  gdk_paintable_snapshot (paintable, snapshot, w, h);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)),
                                         node, &GRAPHENE_RECT_INIT (0, 0, w, h));
  path = g_build_filename (g_getenv ("G_TEST_BUILDDIR") ? g_getenv ("G_TEST_BUILDDIR") : ".",
                           basename, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  return path;
}
