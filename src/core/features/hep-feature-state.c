/* hep-feature-state.c
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "hep-feature-state.h"

struct _HepFeatureState
{
  GObject       parent_instance;

  HepFeatureSet base;
  HepFeatureSet features;
};

enum {
  PROP_0,
  PROP_FEATURES,
  PROP_BASE,
  PROP_MODIFIED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (HepFeatureState, hep_feature_state, G_TYPE_OBJECT)

static void
hep_feature_state_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  HepFeatureState *self = HEP_FEATURE_STATE (object);

  switch (prop_id)
    {
    case PROP_FEATURES:
      g_value_set_boxed (value, &self->features);
      break;
    case PROP_BASE:
      g_value_set_boxed (value, &self->base);
      break;
    case PROP_MODIFIED:
      g_value_set_boolean (value, hep_feature_state_get_modified (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hep_feature_state_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  HepFeatureState *self = HEP_FEATURE_STATE (object);
  const HepFeatureSet *fs = g_value_get_boxed (value);

  switch (prop_id)
    {
    case PROP_FEATURES:
      if (fs != NULL)
        hep_feature_state_set_features (self, fs);
      break;
    case PROP_BASE:
      if (fs != NULL)
        hep_feature_state_load (self, fs);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hep_feature_state_class_init (HepFeatureStateClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = hep_feature_state_get_property;
  object_class->set_property = hep_feature_state_set_property;

  properties[PROP_FEATURES] =
    g_param_spec_boxed ("features", NULL, NULL, HEP_TYPE_FEATURE_SET,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BASE] =
    g_param_spec_boxed ("base", NULL, NULL, HEP_TYPE_FEATURE_SET,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hep_feature_state_init (HepFeatureState *self)
{
  hep_feature_set_init (&self->base);
  hep_feature_set_init (&self->features);
}

HepFeatureState *
hep_feature_state_new (void)
{
  return g_object_new (HEP_TYPE_FEATURE_STATE, NULL);
}

const HepFeatureSet *
hep_feature_state_get_features (HepFeatureState *self)
{
  g_return_val_if_fail (HEP_IS_FEATURE_STATE (self), NULL);
  return &self->features;
}

const HepFeatureSet *
hep_feature_state_get_base (HepFeatureState *self)
{
  g_return_val_if_fail (HEP_IS_FEATURE_STATE (self), NULL);
  return &self->base;
}

gboolean
hep_feature_state_get_modified (HepFeatureState *self)
{
  g_return_val_if_fail (HEP_IS_FEATURE_STATE (self), FALSE);
  return !hep_feature_set_equal (&self->base, &self->features);
}

/* Replaces the current features; notifies only on a real change. */
void
hep_feature_state_set_features (HepFeatureState     *self,
                                const HepFeatureSet *features)
{
  gboolean was_modified;

  g_return_if_fail (HEP_IS_FEATURE_STATE (self));
  g_return_if_fail (features != NULL);

  if (hep_feature_set_equal (&self->features, features))
    return;

  was_modified = hep_feature_state_get_modified (self);
  self->features = *features;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FEATURES]);
  if (was_modified != hep_feature_state_get_modified (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

void
hep_feature_state_set_value (HepFeatureState *self,
                             HepFeature       feature,
                             int              value)
{
  HepFeatureSet changed;

  g_return_if_fail (HEP_IS_FEATURE_STATE (self));

  changed = self->features;
  hep_feature_set_set (&changed, feature, value);
  hep_feature_state_set_features (self, &changed);
}

/* Applies tokens ("washout -capsule size=20") on top of the current
 * features; on error nothing changes. */
gboolean
hep_feature_state_apply_tokens (HepFeatureState  *self,
                                const char       *tokens,
                                GError          **error)
{
  HepFeatureSet changed;

  g_return_val_if_fail (HEP_IS_FEATURE_STATE (self), FALSE);

  changed = self->features;
  if (!hep_feature_set_parse (&changed, tokens, error))
    return FALSE;
  hep_feature_state_set_features (self, &changed);
  return TRUE;
}

/* Loads a case's features as the new base and shows them. */
void
hep_feature_state_load (HepFeatureState     *self,
                        const HepFeatureSet *base)
{
  gboolean was_modified;

  g_return_if_fail (HEP_IS_FEATURE_STATE (self));
  g_return_if_fail (base != NULL);

  g_object_freeze_notify (G_OBJECT (self));
  was_modified = hep_feature_state_get_modified (self);
  if (!hep_feature_set_equal (&self->base, base))
    {
      self->base = *base;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BASE]);
    }
  if (!hep_feature_set_equal (&self->features, base))
    {
      self->features = *base;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FEATURES]);
    }
  if (was_modified)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
  g_object_thaw_notify (G_OBJECT (self));
}

/* Back to the case's own features. */
void
hep_feature_state_reset (HepFeatureState *self)
{
  g_return_if_fail (HEP_IS_FEATURE_STATE (self));
  hep_feature_state_set_features (self, &self->base);
}

/* What the user changed against the case, as tokens ("" when nothing). */
char *
hep_feature_state_dup_changes (HepFeatureState *self)
{
  g_return_val_if_fail (HEP_IS_FEATURE_STATE (self), NULL);
  return hep_feature_set_diff (&self->base, &self->features);
}
