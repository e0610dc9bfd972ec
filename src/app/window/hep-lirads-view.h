/* hep-lirads-view.h: the live LI-RADS category, its path and counterfactuals
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "hep-core.h"
#include "hep-state-view.h"

G_BEGIN_DECLS

#define HEP_TYPE_LIRADS_VIEW (hep_lirads_view_get_type ())

G_DECLARE_FINAL_TYPE (HepLiradsView, hep_lirads_view, HEP, LIRADS_VIEW, HepStateView)

HepLiradsCategory hep_lirads_view_get_category (HepLiradsView   *self);
/* Whether each step of the path names its source. */
void              hep_lirads_view_set_show_sources (HepLiradsView *self,
                                                    gboolean       show_sources);

/* The style class of a category's badge ("cat-lr5"), shared with the
 * answer bar. */
const char       *hep_lirads_view_get_category_class (HepLiradsCategory category);

G_END_DECLS
