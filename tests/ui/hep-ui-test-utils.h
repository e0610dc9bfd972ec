/* hep-ui-test-utils.h: helpers for widget tests
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "hep-application.h"

G_BEGIN_DECLS

/* g_test_init + adw_init. Without a display: fails, unless
 * HEPATICA_ALLOW_UI_SKIP=1, when it prints a TAP skip plan and exits 0. */
void      hep_ui_test_init          (int          *argc,
                                     char       ***argv);

/* A registered HepApplication (non-unique), for the tests that make windows. */
HepApplication *hep_ui_test_register_app (void);

/* For hep_ui_test_wait_for: TRUE once the HepWindow has filled in. */
gboolean        hep_ui_test_window_loaded (gpointer window);

/* Iterates the main context until @condition returns TRUE or @timeout_ms
 * passes; returns the last result. */
gboolean  hep_ui_test_wait_for      (gboolean    (*condition) (gpointer data),
                                     gpointer      data,
                                     guint         timeout_ms);

/* Waits until @widget has drawn a frame. */
void      hep_ui_test_wait_for_draw (GtkWidget    *widget);

/* Depth-first search for a descendant with this widget name (gtk_widget_set_name
 * or the template id is not enough: set a name). */
GtkWidget *hep_ui_test_find_by_name (GtkWidget    *root,
                                     const char   *name);

/* Depth-first search for the first descendant of this type (or @root). */
GtkWidget *hep_ui_test_find_by_type (GtkWidget    *root,
                                     GType         type);

/* How many children @widget has, shown or not. */
guint     hep_ui_test_count_children (GtkWidget  *widget);

/* Renders @widget to a PNG in the build dir (for reviewers); returns the path. */
char     *hep_ui_test_save_png      (GtkWidget    *widget,
                                     const char   *basename);

G_END_DECLS
