/* test-window.c: the main window opens, draws and closes cleanly
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "hep-application.h"
#include "hep-ui-test-utils.h"
#include "hep-window.h"

static void
test_window_opens (void)
{
  g_autoptr(HepApplication) app = hep_application_new ();
  g_autoptr(GError) error = NULL;
  HepWindow *window;
  g_autofree char *png = NULL;

  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);

  window = hep_window_new (app);
  g_assert_true (HEP_IS_WINDOW (window));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Hepatica");

  gtk_window_present (GTK_WINDOW (window));
  hep_ui_test_wait_for_draw (GTK_WIDGET (window));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), >, 0);

  png = hep_ui_test_save_png (GTK_WIDGET (window), "test-window.png");
  g_assert_true (g_file_test (png, G_FILE_TEST_EXISTS));

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  hep_ui_test_init (&argc, &argv);
  g_test_add_func ("/window/opens", test_window_opens);
  return g_test_run ();
}
