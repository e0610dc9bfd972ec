/* bench-startup.c: startup-ratio
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Spawns hepatica and a minimal libadwaita app alternately, 21 times each,
 * and reads the time from spawn to the first frame of the main window that
 * each prints. The ratio is the median of the 21 paired ratios (each run
 * of hepatica over the minimal run beside it), so that the machine's
 * drift between runs cancels out. Hepatica builds what lies below the fold after its first
 * frame and draws its diagrams when librsvg has rendered them; it also
 * prints when all of that is done and shown. Prints:
 *   startup-hepatica-ms: N ms      median
 *   startup-minimal-adw-ms: N ms   median
 *   startup-ratio: R               median paired ratio (target ≤ 1.3)
 *   startup-complete-ms: N ms      median, hepatica until filled in
 *   startup-complete-ratio: R      that over the minimal window (no target)
 *   startup-case-ratio: R          median paired ratio with a case open, as
 *                                  when the last case is reopened (no target)
 * Needs a display (./test --benchmark runs under Xvfb).
 *
 * Usage: bench-startup HEPATICA MINIMAL
 */

#include "config.h"

#include <gio/gio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define N_RUNS 21

/* The time of @key in @out, in ms, or -1. */
static double
read_ms (const char *out,
         const char *key)
{
  const char *line = out ? strstr (out, key) : NULL;

  if (line == NULL)
    return -1;
  return g_ascii_strtod (line + strlen (key), NULL) / 1000.0;
}

/* A case of the bundled library, for the run with a case open. */
#define CASE_ARG "--case=hcc-classic-cirrhosis"

/* Runs @binary once (with @arg, if not NULL); returns its first-frame time
 * and sets @loaded_ms to its loaded time, or -1 if it printed none. */
static double
first_frame_ms (const char *binary,
                const char *arg,
                double     *loaded_ms)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *t0 = g_strdup_printf ("%" G_GINT64_FORMAT, g_get_real_time ());
  double ms;

  g_subprocess_launcher_setenv (launcher, "HEPATICA_BENCH_T0_US", t0, TRUE);
  proc = g_subprocess_launcher_spawn (launcher, &error, binary, arg, NULL);
  if (proc == NULL || !g_subprocess_communicate_utf8 (proc, NULL, NULL, &out, NULL, &error))
    g_error ("%s: %s", binary, error->message);
  ms = read_ms (out, "first-frame-us: ");
  if (ms < 0)
    g_error ("%s printed no first-frame line (is there a display?)", binary);
  if (loaded_ms != NULL)
    *loaded_ms = read_ms (out, "loaded-us: ");
  return ms;
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
  double app[N_RUNS], ref[N_RUNS], loaded[N_RUNS], ratio[N_RUNS], loaded_ratio[N_RUNS], case_ratio[N_RUNS];

  if (argc != 3)
    {
      fprintf (stderr, "usage: bench-startup HEPATICA MINIMAL\n");
      return 2;
    }
  /* warm the page cache and font caches for both */
  first_frame_ms (argv[1], NULL, NULL);
  first_frame_ms (argv[2], NULL, NULL);
  for (int i = 0; i < N_RUNS; i++)
    {
      app[i] = first_frame_ms (argv[1], NULL, &loaded[i]);
      ref[i] = first_frame_ms (argv[2], NULL, NULL);
      if (loaded[i] < app[i])
        g_error ("%s printed no loaded line after its first frame", argv[1]);
      ratio[i] = app[i] / ref[i];
      loaded_ratio[i] = loaded[i] / ref[i];
    }
  /* a loop of its own, so that the runs above stay as they were */
  for (int i = 0; i < N_RUNS; i++)
    {
      double case_ms = first_frame_ms (argv[1], CASE_ARG, NULL);

      case_ratio[i] = case_ms / first_frame_ms (argv[2], NULL, NULL);
    }
  qsort (app, N_RUNS, sizeof (double), cmp_double);
  qsort (ref, N_RUNS, sizeof (double), cmp_double);
  qsort (loaded, N_RUNS, sizeof (double), cmp_double);
  qsort (ratio, N_RUNS, sizeof (double), cmp_double);
  qsort (loaded_ratio, N_RUNS, sizeof (double), cmp_double);
  qsort (case_ratio, N_RUNS, sizeof (double), cmp_double);
  printf ("startup-hepatica-ms: %.1f ms\n", app[N_RUNS / 2]);
  printf ("startup-minimal-adw-ms: %.1f ms\n", ref[N_RUNS / 2]);
  printf ("startup-ratio: %.2f\n", ratio[N_RUNS / 2]);
  printf ("startup-complete-ms: %.1f ms\n", loaded[N_RUNS / 2]);
  printf ("startup-complete-ratio: %.2f\n", loaded_ratio[N_RUNS / 2]);
  printf ("startup-case-ratio: %.2f\n", case_ratio[N_RUNS / 2]);
  return 0;
}
