/* hep-wrap-box.h: children side by side, wrapping onto new lines
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each child takes its natural width (no wider than the box) and goes on
 * the current line if it fits, else starts the next one; a line is as tall
 * as its tallest child. Unlike GtkFlowBox, which aligns its children in
 * columns (so one wide child puts every child on a line of its own), and
 * whose minimum height is one child per line. Height-for-width; its
 * minimum height is the height of the lines its width allows.
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define HEP_TYPE_WRAP_BOX (hep_wrap_box_get_type ())

G_DECLARE_FINAL_TYPE (HepWrapBox, hep_wrap_box, HEP, WRAP_BOX, GtkWidget)

GtkWidget *hep_wrap_box_new    (int         column_spacing,
                                int         row_spacing);
void       hep_wrap_box_append (HepWrapBox *self,
                                GtkWidget  *child);
void       hep_wrap_box_remove (HepWrapBox *self,
                                GtkWidget  *child);
void       hep_wrap_box_reorder_child_after (HepWrapBox *self,
                                             GtkWidget  *child,
                                             GtkWidget  *sibling);

G_END_DECLS
