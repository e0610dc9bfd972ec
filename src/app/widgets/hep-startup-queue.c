/* hep-startup-queue.c
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "hep-startup-queue.h"

#define QUEUE_KEY "hep-startup-queue"

typedef struct {
  GWeakRef       widget;
  HepStartupFunc func;
} Task;

struct _HepStartupQueue
{
  GObject        parent_instance;

  GtkWidget     *root;              /* weak: the root owns the queue */
  GdkFrameClock *clock;             /* while waiting for the first frame */
  GQueue         tasks;
  guint          idle_id;
  gboolean       first_frame_done;
};

enum {
  PROP_0,
  PROP_PENDING,
  PROP_FIRST_FRAME_DONE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (HepStartupQueue, hep_startup_queue, G_TYPE_OBJECT)

static void
task_free (Task *task)
{
  g_weak_ref_clear (&task->widget);
  g_free (task);
}

gboolean
hep_startup_queue_get_pending (HepStartupQueue *self)
{
  g_return_val_if_fail (HEP_IS_STARTUP_QUEUE (self), FALSE);
  return !g_queue_is_empty (&self->tasks);
}

gboolean
hep_startup_queue_get_first_frame_done (HepStartupQueue *self)
{
  g_return_val_if_fail (HEP_IS_STARTUP_QUEUE (self), FALSE);
  return self->first_frame_done;
}

/* Runs the first task; returns whether one ran. */
static gboolean
run_one (HepStartupQueue *self)
{
  Task *task = g_queue_pop_head (&self->tasks);
  GtkWidget *widget;

  if (task == NULL)
    return FALSE;
  widget = g_weak_ref_get (&task->widget);
  if (widget != NULL)
    {
      task->func (widget);
      g_object_unref (widget);
    }
  task_free (task);
  return TRUE;
}

static gboolean
run_idle_cb (gpointer data)
{
  HepStartupQueue *self = data;

  run_one (self);
  if (!g_queue_is_empty (&self->tasks))
    return G_SOURCE_CONTINUE;
  self->idle_id = 0;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PENDING]);
  return G_SOURCE_REMOVE;
}

/* After the first frame: tasks run one per idle, after input and redraws. */
static void
schedule (HepStartupQueue *self)
{
  if (self->idle_id != 0 || !self->first_frame_done || g_queue_is_empty (&self->tasks))
    return;
  self->idle_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, run_idle_cb, self, NULL);
  g_source_set_name_by_id (self->idle_id, "[hepatica] startup queue");
}

static void
stop_waiting (HepStartupQueue *self)
{
  if (self->clock != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->clock, self);
      g_clear_object (&self->clock);
    }
  if (self->root != NULL)
    g_signal_handlers_disconnect_by_data (self->root, self);
}

static void
after_paint_cb (GdkFrameClock   *clock,
                HepStartupQueue *self)
{
  stop_waiting (self);
  self->first_frame_done = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIRST_FRAME_DONE]);
  schedule (self);
}

static void
root_realize_cb (GtkWidget       *root,
                 HepStartupQueue *self)
{
  if (self->clock != NULL)
    return;
  self->clock = g_object_ref (gtk_widget_get_frame_clock (root));
  g_signal_connect (self->clock, "after-paint", G_CALLBACK (after_paint_cb), self);
}

static void
hep_startup_queue_dispose (GObject *object)
{
  HepStartupQueue *self = HEP_STARTUP_QUEUE (object);

  stop_waiting (self);
  g_clear_handle_id (&self->idle_id, g_source_remove);
  g_queue_clear_full (&self->tasks, (GDestroyNotify) task_free);
  G_OBJECT_CLASS (hep_startup_queue_parent_class)->dispose (object);
}

static void
hep_startup_queue_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  HepStartupQueue *self = HEP_STARTUP_QUEUE (object);

  switch (prop_id)
    {
    case PROP_PENDING:
      g_value_set_boolean (value, hep_startup_queue_get_pending (self));
      break;
    case PROP_FIRST_FRAME_DONE:
      g_value_set_boolean (value, self->first_frame_done);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hep_startup_queue_class_init (HepStartupQueueClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = hep_startup_queue_dispose;
  object_class->get_property = hep_startup_queue_get_property;

  properties[PROP_PENDING] =
    g_param_spec_boolean ("pending", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FIRST_FRAME_DONE] =
    g_param_spec_boolean ("first-frame-done", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hep_startup_queue_init (HepStartupQueue *self)
{
  g_queue_init (&self->tasks);
}

HepStartupQueue *
hep_startup_queue_get (GtkWidget *widget)
{
  GtkWidget *root;
  HepStartupQueue *self;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);
  root = GTK_WIDGET (gtk_widget_get_root (widget));
  g_return_val_if_fail (root != NULL, NULL);

  self = g_object_get_data (G_OBJECT (root), QUEUE_KEY);
  if (self != NULL)
    return self;

  self = g_object_new (HEP_TYPE_STARTUP_QUEUE, NULL);
  self->root = root;
  g_object_set_data_full (G_OBJECT (root), QUEUE_KEY, self, g_object_unref);
  /* a window that is already on screen has had its first frame */
  if (gtk_widget_get_mapped (root))
    self->first_frame_done = TRUE;
  else if (gtk_widget_get_realized (root))
    root_realize_cb (root, self);
  else
    g_signal_connect_after (root, "realize", G_CALLBACK (root_realize_cb), self);
  return self;
}

void
hep_startup_queue_add (HepStartupQueue *self,
                       GtkWidget       *widget,
                       HepStartupFunc   func)
{
  gboolean was_pending;
  Task *task;

  g_return_if_fail (HEP_IS_STARTUP_QUEUE (self));
  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (func != NULL);

  was_pending = hep_startup_queue_get_pending (self);
  task = g_new0 (Task, 1);
  g_weak_ref_init (&task->widget, widget);
  task->func = func;
  g_queue_push_tail (&self->tasks, task);
  schedule (self);
  if (!was_pending)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PENDING]);
}
