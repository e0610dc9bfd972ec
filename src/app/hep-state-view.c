/* hep-state-view.c
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "hep-state-view.h"
#include "hep-startup-queue.h"

typedef struct
{
  HepFeatureState *state;
  gboolean         stale;   /* the state changed while unmapped */
  gboolean         deferred;
  gboolean         waiting; /* for the window's first frame */
} HepStateViewPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (HepStateView, hep_state_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_DEFERRED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

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

  if (gtk_widget_get_mapped (GTK_WIDGET (self)) && !priv->waiting)
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
catch_up (GtkWidget *widget)
{
  HepStateView *self = HEP_STATE_VIEW (widget);
  HepStateViewPrivate *priv = hep_state_view_get_instance_private (self);

  priv->waiting = FALSE;
  if (priv->stale && gtk_widget_get_mapped (widget))
    run_update (self);
}

static void
hep_state_view_map (GtkWidget *widget)
{
  HepStateView *self = HEP_STATE_VIEW (widget);
  HepStateViewPrivate *priv = hep_state_view_get_instance_private (self);
  HepStartupQueue *queue;

  GTK_WIDGET_CLASS (hep_state_view_parent_class)->map (widget);
  if (!priv->stale || priv->waiting)
    return;
  queue = priv->deferred ? hep_startup_queue_get (widget) : NULL;
  if (queue != NULL && !hep_startup_queue_get_first_frame_done (queue))
    {
      priv->waiting = TRUE;
      hep_startup_queue_add (queue, widget, catch_up);
    }
  else
    run_update (self);
}

static void
hep_state_view_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  HepStateViewPrivate *priv = hep_state_view_get_instance_private (HEP_STATE_VIEW (object));

  switch (prop_id)
    {
    case PROP_DEFERRED:
      g_value_set_boolean (value, priv->deferred);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hep_state_view_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  HepStateViewPrivate *priv = hep_state_view_get_instance_private (HEP_STATE_VIEW (object));

  switch (prop_id)
    {
    case PROP_DEFERRED:
      priv->deferred = g_value_get_boolean (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
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
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = hep_state_view_dispose;
  object_class->get_property = hep_state_view_get_property;
  object_class->set_property = hep_state_view_set_property;
  GTK_WIDGET_CLASS (klass)->map = hep_state_view_map;

  /* Below the fold: fill in after the window's first frame, not before
   * (hep-startup-queue.h). */
  properties[PROP_DEFERRED] =
    g_param_spec_boolean ("deferred", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hep_state_view_init (HepStateView *self)
{
}

/* Follows @state; the first update runs at once, mapped or not, so that a
 * view is filled before it is first shown; a deferred view waits for its
 * map instead. */
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
      if (priv->deferred)
        hep_state_view_queue_update (self);
      else
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
