/* hep-text-row.h: a list row of a title and a subtitle that wrap cheaply
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Looks like an AdwActionRow, but its text sits in a HepHfwBin, so a row
 * whose text changes on every toggle costs one text layout, not a search
 * over widths (see hep-hfw-bin.h). The feature panel's switch and number
 * rows use it too, for the same reason at startup.
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define HEP_TYPE_TEXT_ROW (hep_text_row_get_type ())

G_DECLARE_FINAL_TYPE (HepTextRow, hep_text_row, HEP, TEXT_ROW, GtkListBoxRow)

GtkWidget  *hep_text_row_new          (const char *title,
                                       const char *subtitle);
void        hep_text_row_set_title    (HepTextRow *self,
                                       const char *title);
const char *hep_text_row_get_title    (HepTextRow *self);
/* NULL or "" hides the subtitle. */
void        hep_text_row_set_subtitle (HepTextRow *self,
                                       const char *subtitle);
const char *hep_text_row_get_subtitle (HepTextRow *self);
/* The subtitle on one line, ellipsized, rather than wrapped. */
void        hep_text_row_set_subtitle_single_line (HepTextRow *self,
                                                   gboolean    single_line);
void        hep_text_row_add_prefix   (HepTextRow *self,
                                       GtkWidget  *widget);
void        hep_text_row_add_suffix   (HepTextRow *self,
                                       GtkWidget  *widget);
/* The title's widget, to label another widget by (a relation). */
GtkWidget  *hep_text_row_get_title_widget (HepTextRow *self);
void        hep_text_row_set_activatable_widget (HepTextRow *self,
                                                 GtkWidget  *widget);

G_END_DECLS
