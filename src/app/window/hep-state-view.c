/* hep-state-view.c
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "hep-state-view.h"

typedef struct
{
  HepFeatureState *state;
  gboolean         stale;   /* the state changed while unmapped */
} HepStateViewPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (HepStateView, hep_state_view, ADW_TYPE_BIN)

static void
run_update (HepStateView *self)
{
  HepStateViewPrivate *priv = hep_state_view_get_instance_private (self);

  priv->stale = FALSE;
  if (priv->state != NULL)
    HEP_STATE_VIEW_GET_CLASS (self)->update (self, priv->state);
}

void
hep_state_view_queue_update (HepStateView *self)
{
  HepStateViewPrivate *priv = hep_state_view_get_instance_private (self);

  g_return_if_fail (HEP_IS_STATE_VIEW (self));

  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    run_update (self);
  else
    priv->stale = TRUE;
}

static void
features_changed_cb (HepFeatureState *state,
                     GParamSpec      *pspec,
                     HepStateView    *self)
{
  hep_state_view_queue_update (self);
}

static void
hep_state_view_map (GtkWidget *widget)
{
  HepStateView *self = HEP_STATE_VIEW (widget);
  HepStateViewPrivate *priv = hep_state_view_get_instance_private (self);

  GTK_WIDGET_CLASS (hep_state_view_parent_class)->map (widget);
  if (priv->stale)
    run_update (self);
}

static void
hep_state_view_dispose (GObject *object)
{
  hep_state_view_set_state (HEP_STATE_VIEW (object), NULL);
  G_OBJECT_CLASS (hep_state_view_parent_class)->dispose (object);
}

static void
hep_state_view_class_init (HepStateViewClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = hep_state_view_dispose;
  GTK_WIDGET_CLASS (klass)->map = hep_state_view_map;
}

static void
hep_state_view_init (HepStateView *self)
{
}

/* Follows @state; the first update runs at once, mapped or not, so that a
 * view is filled before it is first shown. */
void
hep_state_view_set_state (HepStateView    *self,
                          HepFeatureState *state)
{
  HepStateViewPrivate *priv = hep_state_view_get_instance_private (self);

  g_return_if_fail (HEP_IS_STATE_VIEW (self));
  g_return_if_fail (state == NULL || HEP_IS_FEATURE_STATE (state));

  if (priv->state == state)
    return;
  if (priv->state != NULL)
    g_signal_handlers_disconnect_by_func (priv->state, features_changed_cb, self);
  g_set_object (&priv->state, state);
  if (state != NULL)
    {
      g_signal_connect (state, "notify::features", G_CALLBACK (features_changed_cb), self);
      run_update (self);
    }
}

HepFeatureState *
hep_state_view_get_state (HepStateView *self)
{
  HepStateViewPrivate *priv = hep_state_view_get_instance_private (self);

  g_return_val_if_fail (HEP_IS_STATE_VIEW (self), NULL);
  return priv->state;
}
