/* hep-feature-state.h: the one feature state that drives every view
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Holds the features of the current case (the base) and the features the
 * user is looking at now. Every view listens to notify::features and redraws
 * from hep_feature_state_get_features(), so one toggle updates the LI-RADS
 * category, the differential, the next imaging step and the diagram in the
 * same frame.
 */

#pragma once

#include <glib-object.h>

#include "hep-feature-set.h"

G_BEGIN_DECLS

#define HEP_TYPE_FEATURE_STATE (hep_feature_state_get_type ())

G_DECLARE_FINAL_TYPE (HepFeatureState, hep_feature_state, HEP, FEATURE_STATE, GObject)

HepFeatureState     *hep_feature_state_new          (void);

const HepFeatureSet *hep_feature_state_get_features (HepFeatureState     *self);
void                 hep_feature_state_set_features (HepFeatureState     *self,
                                                     const HepFeatureSet *features);
void                 hep_feature_state_set_value    (HepFeatureState     *self,
                                                     HepFeature           feature,
                                                     int                  value);
gboolean             hep_feature_state_apply_tokens (HepFeatureState     *self,
                                                     const char          *tokens,
                                                     GError             **error);

const HepFeatureSet *hep_feature_state_get_base     (HepFeatureState     *self);
void                 hep_feature_state_load         (HepFeatureState     *self,
                                                     const HepFeatureSet *base);
void                 hep_feature_state_reset        (HepFeatureState     *self);

gboolean             hep_feature_state_get_modified (HepFeatureState     *self);
char                *hep_feature_state_dup_changes  (HepFeatureState     *self);

G_END_DECLS
