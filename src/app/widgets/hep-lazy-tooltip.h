/* hep-lazy-tooltip.h: tooltips that cost nothing until they are shown
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * gtk_widget_set_tooltip_text () makes GTK re-check the tooltip under the
 * pointer, which on X11 is a synchronous round trip to the server. Views
 * that relabel many widgets on every toggle store the text instead and hand
 * it over in ::query-tooltip.
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void hep_lazy_tooltip_set (GtkWidget  *widget,
                           const char *text);

G_END_DECLS
