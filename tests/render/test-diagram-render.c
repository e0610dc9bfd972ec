/* test-diagram-render.c: every generated diagram parses and renders with
 * librsvg; export writes SVG, PNG and PDF
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Links libhep-render (librsvg + cairo), not libhep-core alone.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "hep-core.h"
#include "hep-diagram-render.h"

static void
check_renders (const char *what,
               const char *svg,
               int         width,
               int         height)
{
  g_autoptr(GError) error = NULL;
  RsvgHandle *handle = hep_diagram_render_parse (svg, &error);
  cairo_surface_t *surface;
  double w, h;
  const guint32 *px;
  int stride;
  gboolean varied = FALSE;

  if (handle == NULL)
    g_error ("%s does not parse: %s", what, error->message);
  g_assert_true (hep_diagram_render_get_size (handle, &w, &h));
  g_assert_cmpfloat (w, ==, width);
  g_assert_cmpfloat (h, ==, height);

  surface = hep_diagram_render_svg (svg, width, height, &error);
  g_assert_no_error (error);
  g_assert_nonnull (surface);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, width);
  px = (const guint32 *) cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface) / 4;
  /* Opaque background, and something drawn on it. */
  g_assert_cmpuint (px[0] >> 24, ==, 0xFF);
  for (int y = 0; y < height && !varied; y += 3)
    for (int x = 0; x < width; x += 3)
      if (px[y * stride + x] != px[0])
        {
          varied = TRUE;
          break;
        }
  g_assert_true (varied);
  cairo_surface_destroy (surface);
  g_object_unref (handle);
}

static void
test_all_archetypes_render (void)
{
  static const int sizes[][2] = { { 0, 0 }, { 200, 200 }, { 1600, 1000 } };

  for (guint i = 0; i < hep_curve_get_n_archetypes (); i++)
    for (HepDiagramKind kind = HEP_DIAGRAM_KIND_CURVE; kind <= HEP_DIAGRAM_KIND_PHASES; kind++)
      for (HepDiagramTheme theme = HEP_DIAGRAM_THEME_LIGHT; theme <= HEP_DIAGRAM_THEME_DARK; theme++)
        for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
          {
            const HepCurveSet *set = hep_curve_get_archetype (i);
            HepDiagramOptions options;
            g_autofree char *svg = NULL;
            g_autofree char *what = NULL;
            int w, h;

            hep_diagram_options_init (&options, kind);
            options.theme = theme;
            /* every archetype is also compared with the next three */
            if (s == 2)
              for (guint k = 1; k <= HEP_DIAGRAM_MAX_COMPARE; k++)
                g_assert_true (hep_diagram_options_add_compare (&options,
                                 hep_curve_get_archetype ((i + k) % hep_curve_get_n_archetypes ())->id, NULL));
            if (sizes[s][0] > 0)
              g_assert_true (hep_diagram_options_set_size (&options, sizes[s][0], sizes[s][1], NULL));
            hep_diagram_get_default_size (&options, &w, &h);
            if (sizes[s][0] > 0)
              {
                w = sizes[s][0];
                h = sizes[s][1];
              }
            svg = hep_diagram_to_svg (set, &options, NULL);
            what = g_strdup_printf ("%s %s theme %d size %d", set->id, hep_diagram_kind_to_string (kind), theme, s);
            check_renders (what, svg, w, h);
          }
}

static void
test_synthesized_render (void)
{
  static const char * const cases[] = {
    "", "no-enhancement", "risk=cirrhosis aphe=nonrim washout capsule hbp=hypo",
    "peripheral-nodular centripetal-fill tp-hypo", "aphe=rim delayed-central-enhancement hbp=targetoid",
    "aphe=rim necrosis corona capsule central-scar", "parallels-blood-pool", "wedge-shaped aphe=nonrim",
    "aphe=nonrim central-scar hbp=iso-hyper", "nonenhancing-capsule peripheral-washout",
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    for (HepDiagramKind kind = HEP_DIAGRAM_KIND_CURVE; kind <= HEP_DIAGRAM_KIND_PHASES; kind++)
      {
        HepFeatureSet features;
        HepCurveSet set;
        HepDiagramOptions options;
        g_autofree char *svg = NULL;
        int w, h;

        hep_feature_set_init (&features);
        g_assert_true (hep_feature_set_parse (&features, cases[i], NULL));
        hep_curve_set_synthesize (&set, &features);
        hep_diagram_options_init (&options, kind);
        hep_diagram_get_default_size (&options, &w, &h);
        svg = hep_diagram_to_svg (&set, &options, NULL);
        check_renders (cases[i], svg, w, h);
      }
}

/* A label full of markup still gives a document that parses. */
static void
test_hostile_text_renders (void)
{
  HepCurveSet set = *hep_curve_lookup_archetype ("fnh");
  HepDiagramOptions options;
  g_autofree char *svg = NULL;

  set.label = "</text><script>alert(\"x\")</script> & <![CDATA[ ]]> '";
  hep_diagram_options_init (&options, HEP_DIAGRAM_KIND_CURVE);
  svg = hep_diagram_to_svg (&set, &options, NULL);
  check_renders ("hostile label", svg, 800, 500);
}

static void
test_export (void)
{
  static const struct { const char *name; const char *magic; } files[] = {
    { "d.svg", "<?xml" }, { "d.PNG", "\x89PNG" }, { "d.pdf", "%PDF" },
  };
  g_autofree char *dir = g_dir_make_tmp ("hep-render-XXXXXX", NULL);
  HepDiagramOptions options;
  g_autofree char *svg = NULL;
  g_autoptr(GError) error = NULL;
  HepExportFormat format;

  hep_diagram_options_init (&options, HEP_DIAGRAM_KIND_CURVE);
  svg = hep_diagram_to_svg (hep_curve_lookup_archetype ("hcc-classic"), &options, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = g_build_filename (dir, files[i].name, NULL);
      g_autofree char *contents = NULL;
      gsize len;

      g_assert_true (hep_diagram_render_export (svg, path, 800, 500, &error));
      g_assert_no_error (error);
      g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
      g_assert_cmpuint (len, >, 100);
      g_assert_true (memcmp (contents, files[i].magic, strlen (files[i].magic)) == 0);
      if (i == 0)
        g_assert_cmpstr (contents, ==, svg);
      if (i == 1)
        {
          /* IHDR: width and height, big-endian, at bytes 16 and 20. */
          const guchar *b = (const guchar *) contents;

          g_assert_cmpuint ((guint) (b[16] << 24 | b[17] << 16 | b[18] << 8 | b[19]), ==, 800);
          g_assert_cmpuint ((guint) (b[20] << 24 | b[21] << 16 | b[22] << 8 | b[23]), ==, 500);
        }
      g_unlink (path);
    }

  {
    g_autofree char *path = g_build_filename (dir, "d.jpg", NULL);

    g_assert_false (hep_diagram_render_export (svg, path, 800, 500, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
    g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
    g_clear_error (&error);
  }
  {
    g_autofree char *path = g_build_filename (dir, "missing", "d.png", NULL);

    g_assert_false (hep_diagram_render_export (svg, path, 800, 500, &error));
    g_assert_nonnull (error);
    g_clear_error (&error);
  }
  g_assert_false (hep_export_format_from_path ("x.svgz", &format));
  g_assert_true (hep_export_format_from_path ("X.Pdf", &format));
  g_assert_cmpint (format, ==, HEP_EXPORT_FORMAT_PDF);
  g_assert_false (hep_diagram_render_parse ("<svg", &error) != NULL);
  g_assert_nonnull (error);
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/render/archetypes", test_all_archetypes_render);
  g_test_add_func ("/render/synthesized", test_synthesized_render);
  g_test_add_func ("/render/hostile-text", test_hostile_text_renders);
  g_test_add_func ("/render/export", test_export);
  return g_test_run ();
}
