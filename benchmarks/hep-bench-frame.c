/* hep-bench-frame.c: time a change until its frame is on screen
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "hep-bench-frame.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

/* The main thread's CPU time, in µs. */
static gint64
thread_cpu_us (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

static void
before_paint_cb (GdkFrameClock *clock,
                 HepBenchFrame *self)
{
  self->frame_start = g_get_monotonic_time ();
  self->frame_start_cpu = thread_cpu_us ();
}

static void
painted_cb (GdkFrameClock *clock,
            HepBenchFrame *self)
{
  self->painted = TRUE;
}

void
hep_bench_frame_watch (HepBenchFrame *self,
                       GtkWidget     *widget)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);

  g_return_if_fail (clock != NULL);
  g_signal_connect (clock, "before-paint", G_CALLBACK (before_paint_cb), self);
  g_signal_connect (clock, "after-paint", G_CALLBACK (painted_cb), self);
}

void
hep_bench_frame_measure (HepBenchFrame  *self,
                         HepBenchChange  change,
                         gpointer        data,
                         double         *work,
                         double         *wall)
{
  gint64 start, synced, synced_cpu, end;

  /* let the previous frame settle */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  self->painted = FALSE;
  start = g_get_monotonic_time ();
  change (data);
  synced = g_get_monotonic_time ();
  synced_cpu = thread_cpu_us ();
  while (!self->painted)
    g_main_context_iteration (NULL, TRUE);
  end = g_get_monotonic_time ();
  /* the change, what ran before the frame, and the frame (with any wait in
   * it for a diagram's render) */
  *work = ((synced - start) + MAX (self->frame_start_cpu - synced_cpu, 0) +
           (end - MAX (self->frame_start, synced))) / 1000.0;
  *wall = (end - start) / 1000.0;
}

static int
cmp_double (const void *a,
            const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

void
hep_bench_frame_print (const char *name,
                       double     *work,
                       double     *wall,
                       int         n)
{
  qsort (work, n, sizeof (double), cmp_double);
  qsort (wall, n, sizeof (double), cmp_double);
  printf ("%s-ms: %.2f ms\n", name, work[n / 2]);
  printf ("%s-p95-ms: %.2f ms\n", name, work[(n * 95) / 100]);
  printf ("%s-wall-ms: %.2f ms\n", name, wall[n / 2]);
}
