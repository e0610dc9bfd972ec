/* bench-present.c: present-step-to-frame-ms
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Presenter mode at 1920 × 1080 over six cases of the bundled library: press
 * the next key, and time until the frame clock has painted the frame that
 * shows the next step (its text and its phase strip, rendered on the main
 * thread). Over 60 steps:
 *   present-step-to-frame-ms: N ms      median work: the key's update, the
 *                                       main thread's CPU time before the
 *                                       frame, and the frame (target ≤ 16)
 *   present-step-to-frame-p95-ms: N ms  95th percentile of the same
 *   present-step-to-frame-wall-ms: N ms median wall time, with the wait for
 *                                       the frame clock's tick
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "hep-application.h"
#include "hep-presenter-window.h"

#define N_STEPS 60

static gint64 frame_start;
static gint64 frame_start_cpu;

/* The main thread's CPU time, in µs: the work between the toggle and the
 * frame, without the idle wait for the frame clock's tick. */
static gint64
thread_cpu_us (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

static void
before_paint_cb (GdkFrameClock *clock,
                 gpointer       user_data)
{
  frame_start = g_get_monotonic_time ();
  frame_start_cpu = thread_cpu_us ();
}

static void
painted_cb (GdkFrameClock *clock,
            gboolean      *painted)
{
  *painted = TRUE;
}

static int
cmp_double (const void *a,
            const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(HepApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) cases = g_ptr_array_new_with_free_func (g_object_unref);
  HepCaseStore *store;
  HepPresenterWindow *window;
  GdkFrameClock *clock;
  gboolean painted = FALSE;
  double work[N_STEPS], wall[N_STEPS];

  if (!gtk_init_check ())
    {
      fprintf (stderr, "bench-present: no display; run it under xvfb-run (./test --benchmark does)\n");
      return 1;
    }
  adw_init ();
  app = hep_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  if (!g_application_register (G_APPLICATION (app), NULL, &error))
    g_error ("%s", error->message);
  store = hep_application_get_store (app);
  if (store == NULL)
    g_error ("no case library");
  /* a deck of the first six cases of the library */
  for (guint i = 0; i < 6 && i < g_list_model_get_n_items (G_LIST_MODEL (store)); i++)
    g_ptr_array_add (cases, g_list_model_get_item (G_LIST_MODEL (store), i));

  window = hep_presenter_window_new (GTK_APPLICATION (app), cases, "Benchmark");
  gtk_window_set_default_size (GTK_WINDOW (window), 1920, 1080);
  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (GTK_WIDGET (window)))
    g_main_context_iteration (NULL, TRUE);
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  g_signal_connect (clock, "before-paint", G_CALLBACK (before_paint_cb), NULL);
  g_signal_connect (clock, "after-paint", G_CALLBACK (painted_cb), &painted);
  while (!painted)
    g_main_context_iteration (NULL, TRUE);

  for (int i = 0; i < N_STEPS; i++)
    {
      gint64 start, synced, synced_cpu, end;
      guint keyval = hep_presenter_window_get_position (window) + 1 < hep_presenter_window_get_n_steps (window)
                     ? GDK_KEY_Right : GDK_KEY_Home;

      /* let the previous frame settle */
      while (g_main_context_iteration (NULL, FALSE))
        ;
      painted = FALSE;
      start = g_get_monotonic_time ();
      hep_presenter_window_handle_key (window, keyval, 0);
      synced = g_get_monotonic_time ();
      synced_cpu = thread_cpu_us ();
      while (!painted)
        g_main_context_iteration (NULL, TRUE);
      end = g_get_monotonic_time ();
      /* the key's work, what ran before the frame, and the frame */
      work[i] = ((synced - start) + MAX (frame_start_cpu - synced_cpu, 0) + (end - MAX (frame_start, synced))) / 1000.0;
      wall[i] = (end - start) / 1000.0;
    }

  qsort (work, N_STEPS, sizeof (double), cmp_double);
  qsort (wall, N_STEPS, sizeof (double), cmp_double);
  printf ("present-step-to-frame-ms: %.2f ms\n", work[N_STEPS / 2]);
  printf ("present-step-to-frame-p95-ms: %.2f ms\n", work[(N_STEPS * 95) / 100]);
  printf ("present-step-to-frame-wall-ms: %.2f ms\n", wall[N_STEPS / 2]);
  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
