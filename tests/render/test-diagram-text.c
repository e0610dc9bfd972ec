/* test-diagram-text.c: diagram text measured with the fonts librsvg uses
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * tests/core/test-diagram-layout.c checks the boxes with a width estimate
 * (0.6 em a character); this test measures each <text> with Pango in the
 * diagrams' font family, as librsvg lays it out: the logical width along
 * the baseline and the ink across it. For every bundled case, the curve
 * and the strip at the widths a window gives them and the height they ask
 * for, at the usual text size and the largest zoom: no two texts touch,
 * none leaves the canvas.
 */

#include "config.h"

#include <pango/pangocairo.h>
#include <string.h>

#include "hep-core.h"

#define FAMILY "Cantarell, DejaVu Sans, sans-serif"

typedef struct {
  double left, top, right, bottom;
  char  *text;
} Box;

typedef struct {
  PangoContext *pango;
  GArray       *boxes;
  double        width, height;
  gboolean      in_text;
  GString      *text;
  double        x, y, size, anchor;
  gboolean      bold, rotated;
} Reader;

static const char *
attr (const char **names,
      const char **values,
      const char  *name)
{
  for (guint i = 0; names[i] != NULL; i++)
    if (g_str_equal (names[i], name))
      return values[i];
  return NULL;
}

static double
attr_double (const char **names,
             const char **values,
             const char  *name)
{
  const char *v = attr (names, values, name);

  return v != NULL ? g_ascii_strtod (v, NULL) : 0;
}

static void
start_element (GMarkupParseContext  *context,
               const char           *element,
               const char          **names,
               const char          **values,
               gpointer              data,
               GError              **error)
{
  Reader *r = data;

  if (g_str_equal (element, "svg"))
    {
      r->width = attr_double (names, values, "width");
      r->height = attr_double (names, values, "height");
    }
  else if (g_str_equal (element, "g"))
    {
      /* the diagrams put no text in a transformed group */
      const char *transform = attr (names, values, "transform");

      g_assert_true (transform == NULL || strstr (transform, "scale") == NULL || !r->in_text);
    }
  else if (g_str_equal (element, "text"))
    {
      const char *anchor = attr (names, values, "text-anchor");
      const char *transform = attr (names, values, "transform");

      r->in_text = TRUE;
      g_string_truncate (r->text, 0);
      r->x = attr_double (names, values, "x");
      r->y = attr_double (names, values, "y");
      r->size = attr_double (names, values, "font-size");
      r->bold = g_strcmp0 (attr (names, values, "font-weight"), "bold") == 0;
      r->anchor = anchor == NULL || g_str_equal (anchor, "start") ? 0 : g_str_equal (anchor, "middle") ? 0.5 : 1;
      r->rotated = transform != NULL;
      g_assert_true (transform == NULL || g_str_has_prefix (transform, "rotate(-90 "));
    }
}

static void
end_element (GMarkupParseContext  *context,
             const char           *element,
             gpointer              data,
             GError              **error)
{
  Reader *r = data;
  g_autoptr(PangoLayout) layout = NULL;
  PangoFontDescription *font;
  PangoRectangle ink, logical;
  double baseline, along, before, after;
  Box b;

  if (!g_str_equal (element, "text"))
    return;
  r->in_text = FALSE;
  layout = pango_layout_new (r->pango);
  font = pango_font_description_from_string (FAMILY);
  pango_font_description_set_absolute_size (font, r->size * PANGO_SCALE);
  pango_font_description_set_weight (font, r->bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_text (layout, r->text->str, -1);
  pango_layout_get_extents (layout, &ink, &logical);
  baseline = pango_layout_get_baseline (layout) / (double) PANGO_SCALE;
  along = logical.width / (double) PANGO_SCALE;
  /* across the baseline: the ink above and below it */
  before = baseline - ink.y / (double) PANGO_SCALE;
  after = (ink.y + ink.height) / (double) PANGO_SCALE - baseline;

  b.text = g_strdup (r->text->str);
  if (!r->rotated)
    {
      b.left = r->x - r->anchor * along;
      b.right = b.left + along;
      b.top = r->y - before;
      b.bottom = r->y + after;
    }
  else
    {
      b.bottom = r->y + r->anchor * along;
      b.top = b.bottom - along;
      b.left = r->x - before;
      b.right = r->x + after;
    }
  g_array_append_val (r->boxes, b);
}

static void
text (GMarkupParseContext  *context,
      const char           *text,
      gsize                 len,
      gpointer              data,
      GError              **error)
{
  Reader *r = data;

  if (r->in_text)
    g_string_append_len (r->text, text, len);
}

static void
box_clear (gpointer data)
{
  g_free (((Box *) data)->text);
}

static void
check_svg (PangoContext *pango,
           const char   *what,
           const char   *svg)
{
  static const GMarkupParser parser = { start_element, end_element, text, NULL, NULL };
  Reader r = { pango, };
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GError) error = NULL;
  const double e = 0.5;

  r.boxes = g_array_new (FALSE, TRUE, sizeof (Box));
  g_array_set_clear_func (r.boxes, box_clear);
  r.text = g_string_new (NULL);
  context = g_markup_parse_context_new (&parser, 0, &r, NULL);
  g_assert_true (g_markup_parse_context_parse (context, svg, -1, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < r.boxes->len; i++)
    {
      const Box *a = &g_array_index (r.boxes, Box, i);

      if (a->left < -e || a->top < -e || a->right > r.width + e || a->bottom > r.height + e)
        g_error ("%s: “%s” (%.1f %.1f – %.1f %.1f) leaves the %.0f × %.0f canvas", what, a->text,
                 a->left, a->top, a->right, a->bottom, r.width, r.height);
      for (guint k = i + 1; k < r.boxes->len; k++)
        {
          const Box *b = &g_array_index (r.boxes, Box, k);

          if (a->left < b->right - e && b->left < a->right - e && a->top < b->bottom - e && b->top < a->bottom - e)
            g_error ("%s: “%s” (%.1f %.1f – %.1f %.1f) touches “%s” (%.1f %.1f – %.1f %.1f)", what,
                     a->text, a->left, a->top, a->right, a->bottom, b->text, b->left, b->top, b->right, b->bottom);
        }
    }
  g_array_unref (r.boxes);
  g_string_free (r.text, TRUE);
}

static void
test_text_measured (void)
{
  static const int widths[] = { 800, 600, 420, 320 };
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "..", "data", "cases", NULL);
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  PangoFontMap *map = pango_cairo_font_map_get_default ();
  PangoContext *pango = pango_font_map_create_context (map);
  const char *name;
  guint n = 0;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(HepCase) c = NULL;
      HepCurveSet set;

      if (!g_str_has_suffix (name, ".case"))
        continue;
      path = g_build_filename (dir, name, NULL);
      c = hep_case_source_load_file (path, &error);
      g_assert_no_error (error);
      hep_curve_set_synthesize (&set, hep_case_get_features (c));
      for (HepDiagramKind kind = HEP_DIAGRAM_KIND_CURVE; kind <= HEP_DIAGRAM_KIND_PHASES; kind++)
        for (guint i = 0; i < 2 * G_N_ELEMENTS (widths); i++)
          {
            HepDiagramOptions options;
            g_autofree char *svg = NULL;
            g_autofree char *what = NULL;
            guint w = i % G_N_ELEMENTS (widths);

            hep_diagram_options_init (&options, kind);
            /* at the usual text size, then at the largest zoom */
            options.text_scale = i < G_N_ELEMENTS (widths) ? 1.0 : 2.0;
            options.width = widths[w];
            options.height = hep_diagram_get_height_for_width (&set, &options, widths[w]);
            svg = hep_diagram_to_svg (&set, &options, NULL);
            what = g_strdup_printf ("%s %s %d×%d ×%g", hep_case_get_id (c), hep_diagram_kind_to_string (kind),
                                    options.width, options.height, options.text_scale);
            check_svg (pango, what, svg);
          }
      n++;
    }
  g_assert_cmpuint (n, >=, 60);
  g_object_unref (pango);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/diagram/text/measured", test_text_measured);
  return g_test_run ();
}
