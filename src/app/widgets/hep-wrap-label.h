/* hep-wrap-label.h: plain text that wraps, measured cheaply
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A GtkLabel that wraps works out its minimum width by laying its text out
 * at width zero, one word per line (and, with word-char wrapping, trying a
 * hyphenated break inside every word), and GTK asks for that minimum
 * whenever the label is allocated. For the rows of the LI-RADS path and
 * the feature panel, whose sentences change on every toggle, that was most
 * of the text work. HepWrapLabel lays its text out unbounded once per text
 * (its natural width) and at the width it is given; its minimum width is a
 * fixed floor. Plain text only, not selectable; CSS node "label", so label
 * styles apply; accessible role label, named by its text.
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define HEP_TYPE_WRAP_LABEL (hep_wrap_label_get_type ())

G_DECLARE_FINAL_TYPE (HepWrapLabel, hep_wrap_label, HEP, WRAP_LABEL, GtkWidget)

/* The minimum width of a wrapping label, in pixels (or its natural width
 * if that is less). */
#define HEP_WRAP_LABEL_MIN_WIDTH 96

GtkWidget  *hep_wrap_label_new             (const char   *text);
void        hep_wrap_label_set_text        (HepWrapLabel *self,
                                            const char   *text);
const char *hep_wrap_label_get_text        (HepWrapLabel *self);
/* One line, ellipsized at the end, instead of wrapping. */
void        hep_wrap_label_set_single_line (HepWrapLabel *self,
                                            gboolean      single_line);
gboolean    hep_wrap_label_get_single_line (HepWrapLabel *self);

G_END_DECLS
