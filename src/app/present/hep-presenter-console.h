/* hep-presenter-console.h: presenter mode, the presenter's console
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What only the presenter sees, beside the audience view: the position in
 * the deck, the current step's text and the next step's heading, the
 * presenter's notes (the case's teaching points and pitfalls, and the deck's
 * notes), the time since the start and the clock. Its keys are the audience
 * view's (hep_presenter_window_handle_key), plus S, which swaps the two
 * monitors. With one monitor it is a window of its own, for rehearsal.
 */

#pragma once

#include <gtk/gtk.h>

#include "hep-presenter-window.h"

G_BEGIN_DECLS

#define HEP_TYPE_PRESENTER_CONSOLE (hep_presenter_console_get_type ())
G_DECLARE_FINAL_TYPE (HepPresenterConsole, hep_presenter_console, HEP, PRESENTER_CONSOLE, GtkWindow)

HepPresenterConsole *hep_presenter_console_new        (HepPresenterWindow  *audience,
                                                       const char          *deck_notes);
/* Every text the console shows now, one per line. */
char                *hep_presenter_console_dup_text   (HepPresenterConsole *self);

/* Which monitor shows the audience view and which the console, from the
 * monitors' geometries in the display's order: one monitor, both on it
 * (*console = -1: a window of its own); more, the audience view on the
 * largest other than the first (the laptop's own panel is listed first)
 * and the console on the first; @swapped exchanges them. */
void                 hep_presenter_choose_monitors    (const GdkRectangle  *geometries,
                                                       guint                n_monitors,
                                                       gboolean             swapped,
                                                       int                 *audience,
                                                       int                 *console);
/* Places @audience full screen and @console by hep_presenter_choose_monitors()
 * over the display's monitors. */
void                 hep_presenter_place_windows      (HepPresenterWindow  *audience,
                                                       HepPresenterConsole *console,
                                                       gboolean             swapped);

G_END_DECLS
