/* hep-feature-panel.h: the feature toggles, grouped, bound to a HepFeatureState
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "hep-core.h"

G_BEGIN_DECLS

#define HEP_TYPE_FEATURE_PANEL (hep_feature_panel_get_type ())

G_DECLARE_FINAL_TYPE (HepFeaturePanel, hep_feature_panel, HEP, FEATURE_PANEL, AdwBin)

GtkWidget       *hep_feature_panel_new        (HepFeatureState *state);
HepFeatureState *hep_feature_panel_get_state  (HepFeaturePanel *self);
void             hep_feature_panel_set_state  (HepFeaturePanel *self,
                                               HepFeatureState *state);
/* The rows that fill @height (the panel's height on screen) are built at
 * once, the others after the window's first frame (hep-startup-queue.h). */
void             hep_feature_panel_set_first_height (HepFeaturePanel *self,
                                                     int              height);
/* The row widget that edits @feature (a GtkSwitch, AdwComboRow or
 * GtkSpinButton); asking for an editor builds its row, and those before
 * it, at once. */
GtkWidget       *hep_feature_panel_get_editor (HepFeaturePanel *self,
                                               HepFeature       feature);

G_END_DECLS
