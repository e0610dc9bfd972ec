/* hep-ui-test-utils.c
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "hep-ui-test-utils.h"

#include "hep-screenshot.h"
#include "hep-window.h"

#include <stdio.h>
#include <stdlib.h>

static char *private_home;

static void
remove_tree (GFile *file)
{
  g_autoptr(GFileEnumerator) children =
    g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME, G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  GFileInfo *info;

  while (children != NULL && (info = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
    {
      g_autoptr(GFile) child = g_file_get_child (file, g_file_info_get_name (info));

      remove_tree (child);
      g_object_unref (info);
    }
  g_file_delete (file, NULL, NULL);
}

static void
remove_private_home (void)
{
  g_autoptr(GFile) home = g_file_new_for_path (private_home);

  remove_tree (home);
  g_clear_pointer (&private_home, g_free);
}

/* The user's data, config and cache dirs go to a private temporary home
 * for the whole test program (the application, and so the user's case
 * database, is set up before the first test case, when GLib's
 * G_TEST_OPTION_ISOLATE_DIRS still points them at /dev/null). The system
 * data dirs stay: without them the MIME database is missing and gdk-pixbuf
 * cannot load SVG icons. */
static void
make_private_home (void)
{
  static const char *dirs[] = { "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME" };
  g_autoptr(GError) error = NULL;

  private_home = g_dir_make_tmp ("hepatica-ui-test-XXXXXX", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (dirs); i++)
    {
      g_autofree char *path = g_build_filename (private_home, dirs[i], NULL);

      g_assert_cmpint (g_mkdir_with_parents (path, 0700), ==, 0);
      g_setenv (dirs[i], path, TRUE);
    }
  atexit (remove_private_home);
}

void
hep_ui_test_init (int    *argc,
                  char ***argv)
{
  make_private_home ();
  g_test_init (argc, argv, NULL);

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

HepApplication *
hep_ui_test_register_app (void)
{
  g_autoptr(GError) error = NULL;
  HepApplication *app = hep_application_new ();

  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  return app;
}

gboolean
hep_ui_test_window_loaded (gpointer window)
{
  return !hep_window_get_loading (window);
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

/* Depth-first: @root, then its children in order. */
static GtkWidget *
find_first (GtkWidget *root,
            gboolean (*matches) (GtkWidget *widget, gconstpointer data),
            gconstpointer data)
{
  if (matches (root, data))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_first (child, matches, data);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
has_name (GtkWidget     *widget,
          gconstpointer  name)
{
  return g_strcmp0 (gtk_widget_get_name (widget), name) == 0;
}

static gboolean
has_type (GtkWidget     *widget,
          gconstpointer  type)
{
  return g_type_is_a (G_OBJECT_TYPE (widget), *(const GType *) type);
}

GtkWidget *
hep_ui_test_find_by_name (GtkWidget  *root,
                          const char *name)
{
  return find_first (root, has_name, name);
}

GtkWidget *
hep_ui_test_find_by_type (GtkWidget *root,
                          GType      type)
{
  return find_first (root, has_type, &type);
}

guint
hep_ui_test_count_children (GtkWidget *widget)
{
  guint n = 0;

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    n++;
  return n;
}

char *
hep_ui_test_save_png (GtkWidget  *widget,
                      const char *basename)
{
  char *path = g_build_filename (g_getenv ("G_TEST_BUILDDIR") ? g_getenv ("G_TEST_BUILDDIR") : ".",
                                 basename, NULL);

  g_assert_true (hep_widget_save_png (widget, path));
  return path;
}
