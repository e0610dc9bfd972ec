/* hep-presenter-window.h: presenter mode, the audience view
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A full-screen window without chrome that walks a room through the reveal
 * sequences (hep-reveal.h) of a deck's cases, in large type, with the keys
 * of presenter software so that a USB clicker works:
 *
 *   next:      Right, Down, Page Down, Space, Enter
 *   previous:  Left, Up, Page Up, BackSpace
 *   first, last step: Home, End
 *   black screen: B or . (again: back); white screen: W
 *   a number, then Enter: that case of the deck
 *   ?: the keys; Escape: leave (or drop a number being typed)
 *
 * It emits ::changed when the step or the screen changes.
 *
 * Everything it shows before a case's reveal is a step's own text, so
 * nothing the one spoiler rule hides is on screen, in the accessible tree
 * or in the window title before the reveal.
 */

#pragma once

#include <gtk/gtk.h>

#include "hep-core.h"

G_BEGIN_DECLS

typedef enum {
  HEP_PRESENTER_SCREEN_STEP,
  HEP_PRESENTER_SCREEN_BLACK,
  HEP_PRESENTER_SCREEN_WHITE,
} HepPresenterScreen;

#define HEP_TYPE_PRESENTER_WINDOW (hep_presenter_window_get_type ())
G_DECLARE_FINAL_TYPE (HepPresenterWindow, hep_presenter_window, HEP, PRESENTER_WINDOW, GtkWindow)

/* @cases: HepCase, in order (at least one); @title: the deck's name or NULL. */
HepPresenterWindow  *hep_presenter_window_new            (GtkApplication     *app,
                                                          GPtrArray          *cases,
                                                          const char         *title);

guint                hep_presenter_window_get_position   (HepPresenterWindow *self);
guint                hep_presenter_window_get_n_steps    (HepPresenterWindow *self);
/* The case (from 0) and the step of the current position. */
guint                hep_presenter_window_get_case_index (HepPresenterWindow *self);
const HepRevealStep *hep_presenter_window_get_step       (HepPresenterWindow *self);
/* The step at @position, NULL past the end; the current case. */
const HepRevealStep *hep_presenter_window_get_step_at    (HepPresenterWindow *self,
                                                          guint               position);
HepCase             *hep_presenter_window_get_case       (HepPresenterWindow *self);
guint                hep_presenter_window_get_n_cases    (HepPresenterWindow *self);
HepPresenterScreen   hep_presenter_window_get_screen     (HepPresenterWindow *self);
gboolean             hep_presenter_window_get_help_visible (HepPresenterWindow *self);

/* What the keys do; TRUE when @keyval was one of them. */
gboolean             hep_presenter_window_handle_key     (HepPresenterWindow *self,
                                                          guint               keyval,
                                                          GdkModifierType     state);

/* Every text the audience view shows now (labels and the diagram's text
 * alternative), one per line: what a screen reader can reach. */
char                *hep_presenter_window_dup_audience_text (HepPresenterWindow *self);
/* The SVG of the step's diagram on screen (NULL: none), and the picture
 * that shows it: for tests of its text size. */
const char          *hep_presenter_window_get_diagram_svg (HepPresenterWindow *self);
GtkWidget           *hep_presenter_window_get_diagram_widget (HepPresenterWindow *self);

G_END_DECLS
