/* hep-state-view.h: base of the views that follow a HepFeatureState
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A subclass implements update(); the base class calls it when the state's
 * features change, except while the view is unmapped (a folded section, a
 * hidden answer): then it waits and catches up when the view is mapped.
 */

#pragma once

#include <adwaita.h>

#include "hep-core.h"

G_BEGIN_DECLS

#define HEP_TYPE_STATE_VIEW (hep_state_view_get_type ())

G_DECLARE_DERIVABLE_TYPE (HepStateView, hep_state_view, HEP, STATE_VIEW, AdwBin)

struct _HepStateViewClass
{
  AdwBinClass parent_class;

  /* Redraw from hep_feature_state_get_features (state). */
  void (*update) (HepStateView    *self,
                  HepFeatureState *state);
};

void             hep_state_view_set_state  (HepStateView    *self,
                                            HepFeatureState *state);
HepFeatureState *hep_state_view_get_state  (HepStateView    *self);
/* Updates now if mapped, else on the next map. */
void             hep_state_view_queue_update (HepStateView  *self);

G_END_DECLS
