/* hep-bench-frame.h: time a change until its frame is on screen
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by the GUI benchmarks (toggle-to-frame, present-step-to-frame).
 * A change's work is its own synchronous work, the main thread's CPU time
 * between it and the frame (layout, which GDK does before painting; not the
 * idle wait for the frame clock's tick), and the frame itself.
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef struct {
  gint64   frame_start;      /* monotonic µs at the last before-paint */
  gint64   frame_start_cpu;  /* main-thread CPU µs then */
  gboolean painted;          /* set at after-paint */
} HepBenchFrame;

typedef void (*HepBenchChange) (gpointer data);

/* Follows @widget's frame clock; call once it is mapped. */
void hep_bench_frame_watch   (HepBenchFrame  *self,
                              GtkWidget      *widget);
/* Lets the previous frame settle, makes the change and waits for its
 * frame; *work and *wall in ms. */
void hep_bench_frame_measure (HepBenchFrame  *self,
                              HepBenchChange  change,
                              gpointer        data,
                              double         *work,
                              double         *wall);
/* Sorts both and prints "NAME-ms", "NAME-p95-ms" and "NAME-wall-ms". */
void hep_bench_frame_print   (const char     *name,
                              double         *work,
                              double         *wall,
                              int             n);

G_END_DECLS
