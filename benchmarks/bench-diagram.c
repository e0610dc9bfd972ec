/* bench-diagram.c: features → SVG → pixels, against librsvg alone
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Prints:
 *   diagram-features-to-pixels-ms: median time to synthesize curves from a
 *     feature set, write the 800×500 curve SVG, parse it and render it to an
 *     800×500 cairo image surface;
 *   diagram-render-ratio: that median divided by the median time librsvg
 *     alone takes to parse and render a fixed reference SVG of the same size
 *     (benchmarks/data/reference-curve-800x500.svg), measured in the same run.
 *     Target ≤ 1.5.
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hep-core.h"
#include "hep-diagram-render.h"

#define WARMUP 20
#define ITERATIONS 200

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (double *v,
        guint   n)
{
  qsort (v, n, sizeof *v, compare_doubles);
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

static void
render_svg (const char *svg)
{
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface = hep_diagram_render_svg (svg, 800, 500, &error);

  if (surface == NULL)
    g_error ("%s", error->message);
  cairo_surface_destroy (surface);
}

static void
features_to_pixels (const HepFeatureSet *features)
{
  HepCurveSet set;
  HepDiagramOptions options;
  g_autofree char *svg = NULL;
  g_autofree char *text = NULL;

  hep_curve_set_synthesize (&set, features);
  hep_diagram_options_init (&options, HEP_DIAGRAM_KIND_CURVE);
  options.width = 800;
  options.height = 500;
  svg = hep_diagram_to_svg (&set, &options, &text);
  render_svg (svg);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *reference = NULL;
  g_autoptr(GError) error = NULL;
  HepFeatureSet features;
  double t_features[ITERATIONS], t_reference[ITERATIONS];
  double m_features, m_reference;
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (argc < 2 || !g_file_get_contents (argv[1], &reference, NULL, &error))
    {
      fprintf (stderr, "usage: bench-diagram REFERENCE.svg (%s)\n", error ? error->message : "missing");
      return 2;
    }
  hep_feature_set_init (&features);
  if (!hep_feature_set_parse (&features, "risk=cirrhosis size=25 aphe=nonrim washout capsule hbp=hypo", &error))
    g_error ("%s", error->message);

  for (guint i = 0; i < WARMUP; i++)
    {
      features_to_pixels (&features);
      render_svg (reference);
    }
  /* Interleaved, so both see the same machine state. */
  for (guint i = 0; i < ITERATIONS; i++)
    {
      gint64 t0 = g_get_monotonic_time ();

      features_to_pixels (&features);
      t_features[i] = (g_get_monotonic_time () - t0) / 1000.0;
      t0 = g_get_monotonic_time ();
      render_svg (reference);
      t_reference[i] = (g_get_monotonic_time () - t0) / 1000.0;
    }
  m_features = median (t_features, ITERATIONS);
  m_reference = median (t_reference, ITERATIONS);

  printf ("diagram-features-to-pixels-ms: %s ms\n", g_ascii_formatd (buf, sizeof buf, "%.3f", m_features));
  printf ("diagram-reference-render-ms: %s ms\n", g_ascii_formatd (buf, sizeof buf, "%.3f", m_reference));
  printf ("diagram-render-ratio: %s\n", g_ascii_formatd (buf, sizeof buf, "%.3f", m_features / m_reference));
  return 0;
}
