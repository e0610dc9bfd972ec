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
 * BENCH_VERBOSE=1 also prints each sample on stderr, "PARITY WORK-MS", the
 * parity telling the two states apart (washout on after an even toggle):
 * a slow state shows as one parity's samples.
 */

#include "config.h"

#include <stdio.h>

#include "hep-application.h"
#include "hep-bench-frame.h"
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

static void
toggle (gpointer washout)
{
  gtk_switch_set_active (GTK_SWITCH (washout), !gtk_switch_get_active (GTK_SWITCH (washout)));
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(HepApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  HepWindow *window;
  GtkWidget *washout;
  HepBenchFrame frame = { 0, };
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
  hep_bench_frame_watch (&frame, GTK_WIDGET (window));
  /* the whole window, not just its first frame (HepWindow:loading) */
  while (!frame.painted || hep_window_get_loading (window))
    g_main_context_iteration (NULL, TRUE);

  washout = find_by_name (GTK_WIDGET (window), "feature-washout");
  g_assert_nonnull (washout);

  for (int i = 0; i < N_TOGGLES; i++)
    {
      hep_bench_frame_measure (&frame, toggle, washout, &work[i], &wall[i]);
      if (g_getenv ("BENCH_VERBOSE"))
        fprintf (stderr, "%d %.2f\n", i % 2, work[i]);   /* see the top of this file */
    }
  hep_bench_frame_print ("toggle-to-frame", work, wall, N_TOGGLES);
  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
