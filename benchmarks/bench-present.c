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

#include "hep-application.h"
#include "hep-bench-frame.h"
#include "hep-presenter-window.h"

#define N_STEPS 60

/* the next step, and back to the start after the last */
static void
step (gpointer data)
{
  HepPresenterWindow *window = data;
  guint keyval = hep_presenter_window_get_position (window) + 1 < hep_presenter_window_get_n_steps (window)
                 ? GDK_KEY_Right : GDK_KEY_Home;

  hep_presenter_window_handle_key (window, keyval, 0);
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
  HepBenchFrame frame = { 0, };
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
  hep_bench_frame_watch (&frame, GTK_WIDGET (window));
  while (!frame.painted)
    g_main_context_iteration (NULL, TRUE);

  for (int i = 0; i < N_STEPS; i++)
    hep_bench_frame_measure (&frame, step, window, &work[i], &wall[i]);
  hep_bench_frame_print ("present-step-to-frame", work, wall, N_STEPS);
  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
