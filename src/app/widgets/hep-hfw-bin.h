/* hep-hfw-bin.h: a container that is strictly height-for-width
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A horizontal GtkBox asks its children for their width at a given height.
 * A wrapping GtkLabel answers that with a search over widths, laying its
 * text out a dozen times, and does so again on every allocation after its
 * text changes. Inside this bin the child is asked for its width without a
 * height, and for its height at the width it gets: one layout each.
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define HEP_TYPE_HFW_BIN (hep_hfw_bin_get_type ())

G_DECLARE_FINAL_TYPE (HepHfwBin, hep_hfw_bin, HEP, HFW_BIN, GtkWidget)

GtkWidget *hep_hfw_bin_new       (GtkWidget *child);
void       hep_hfw_bin_set_child (HepHfwBin *self,
                                  GtkWidget *child);
GtkWidget *hep_hfw_bin_get_child (HepHfwBin *self);

G_END_DECLS
