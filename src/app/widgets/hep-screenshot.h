/* hep-screenshot.h: render a widget to a PNG with its own renderer
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* For --screenshot and for the widget tests: no tools, no WM decorations. */
gboolean hep_widget_save_png (GtkWidget  *widget,
                              const char *path);

G_END_DECLS
