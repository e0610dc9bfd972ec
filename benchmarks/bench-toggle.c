/* bench-toggle.c: toggle-to-frame-ms
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * In the real window: flip the washout switch as a user would, and time
 * until the frame clock has painted the frame that shows the new state
 * (the panel and every view follow the same state). Over 60 toggles:
 *   toggle-to-frame-ms: N ms       median work: the synchronous update, the
 *                                  main thread's CPU time between it and the
 *                                  frame (GDK recomputes the window's size
 *                                  there), and the layout and paint of that
 *                                  frame (target ≤ 16: it fits in one frame)
 *   toggle-to-frame-p95-ms: N ms   95th percentile of the same
 *   toggle-to-frame-wall-ms: N ms  median wall time from the toggle to the end
 *                                  of that frame, including the wait for the
 *                                  frame clock's next tick (about one refresh
 *                                  period under Xvfb even for an empty redraw)
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "hep-application.h"
#include "hep-window.h"

#define N_TOGGLES 60

static GtkWidget *
find_by_name (GtkWidget  *root,
              const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_by_name (c, name);
      if (found)
        return found;
    }
  return NULL;
}

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
  HepWindow *window;
  GtkWidget *washout;
  GdkFrameClock *clock;
  gboolean painted = FALSE;
  double work[N_TOGGLES], wall[N_TOGGLES];

  if (!gtk_init_check ())
    {
      fprintf (stderr, "bench-toggle: no display; run it under xvfb-run (./test --benchmark does)\n");
      return 1;
    }
  adw_init ();
  app = hep_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  if (!g_application_register (G_APPLICATION (app), NULL, &error))
    g_error ("%s", error->message);

  window = hep_window_new (app);
  hep_window_explore (window, "risk=cirrhosis size=15 aphe=nonrim capsule", NULL);
  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (GTK_WIDGET (window)))
    g_main_context_iteration (NULL, TRUE);
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  g_signal_connect (clock, "before-paint", G_CALLBACK (before_paint_cb), NULL);
  g_signal_connect (clock, "after-paint", G_CALLBACK (painted_cb), &painted);
  /* the whole window, not just its first frame (HepWindow:loading) */
  while (!painted || hep_window_get_loading (window))
    g_main_context_iteration (NULL, TRUE);

  washout = find_by_name (GTK_WIDGET (window), "feature-washout");
  g_assert_nonnull (washout);

  for (int i = 0; i < N_TOGGLES; i++)
    {
      gint64 start, synced, synced_cpu, end;

      /* let the previous frame settle */
      while (g_main_context_iteration (NULL, FALSE))
        ;
      painted = FALSE;
      start = g_get_monotonic_time ();
      gtk_switch_set_active (GTK_SWITCH (washout), !gtk_switch_get_active (GTK_SWITCH (washout)));
      synced = g_get_monotonic_time ();
      synced_cpu = thread_cpu_us ();
      while (!painted)
        g_main_context_iteration (NULL, TRUE);
      end = g_get_monotonic_time ();
      /* the update, what ran before the frame, and the frame (with any
       * wait in it for a diagram's render) */
      work[i] = ((synced - start) + MAX (frame_start_cpu - synced_cpu, 0) + (end - MAX (frame_start, synced))) / 1000.0;
      wall[i] = (end - start) / 1000.0;
    }

  qsort (work, N_TOGGLES, sizeof (double), cmp_double);
  qsort (wall, N_TOGGLES, sizeof (double), cmp_double);
  printf ("toggle-to-frame-ms: %.2f ms\n", work[N_TOGGLES / 2]);
  printf ("toggle-to-frame-p95-ms: %.2f ms\n", work[(N_TOGGLES * 95) / 100]);
  printf ("toggle-to-frame-wall-ms: %.2f ms\n", wall[N_TOGGLES / 2]);
  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
