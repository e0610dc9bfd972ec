/* hep-startup-queue.h: work that waits for a window's first frame
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A window shows its first frame sooner when what lies below the fold is
 * built after it. Each window (GtkRoot) has one queue. A view adds a task
 * for itself; the tasks run in order after the window's first frame, one
 * per main-loop idle, so that input and redraws go first. A task of a
 * widget that is gone is dropped.
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define HEP_TYPE_STARTUP_QUEUE (hep_startup_queue_get_type ())

G_DECLARE_FINAL_TYPE (HepStartupQueue, hep_startup_queue, HEP, STARTUP_QUEUE, GObject)

typedef void (*HepStartupFunc) (GtkWidget *widget);

/* The queue of @widget's root, made on first use. @widget must have a root. */
HepStartupQueue *hep_startup_queue_get              (GtkWidget       *widget);

/* Runs @func (@widget) after the first frame, or soon if that has passed. */
void             hep_startup_queue_add              (HepStartupQueue *self,
                                                     GtkWidget       *widget,
                                                     HepStartupFunc   func);
/* Whether the window has shown its first frame. */
gboolean         hep_startup_queue_get_first_frame_done (HepStartupQueue *self);
/* Whether tasks remain (notifies "pending"). */
gboolean         hep_startup_queue_get_pending      (HepStartupQueue *self);

G_END_DECLS
