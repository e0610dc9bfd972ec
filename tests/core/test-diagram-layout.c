/* test-diagram-layout.c: diagram text laid out for the size it is drawn at
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every bundled case's curve and phase strip, at the widths a window gives
 * them (800, 600, 420 and the view's minimum 320 px) and the height the
 * diagram asks for there: the SVG is read back and each <text> boxed from
 * its x, y, font-size, anchor and rotation, every character 0.6 em wide.
 * No box is under 12 px (24 px with large text), none overlaps another, none
 * runs off the canvas. HEPATICA_DUMP_SVG=DIR writes the SVGs there.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "hep-core.h"
#include "hep-test-cases.h"

typedef struct {
  double left, top, right, bottom;
  double size;
  char  *text;
} Box;

typedef struct {
  double  width, height;
  GArray *boxes;        /* Box */
  GArray *scales;       /* double: the scale of each open <g> */
  GArray *dx, *dy;      /* its translation */
  gboolean in_text;
  Box      current;
  double   rot_cx, rot_cy;
  gboolean rotated;
  GString *text;
} Reader;

static double
attr_double (const char **names,
             const char **values,
             const char  *name,
             double       fallback)
{
  for (guint i = 0; names[i] != NULL; i++)
    if (g_str_equal (names[i], name))
      return g_ascii_strtod (values[i], NULL);
  return fallback;
}

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
      r->width = attr_double (names, values, "width", 0);
      r->height = attr_double (names, values, "height", 0);
    }
  else if (g_str_equal (element, "g"))
    {
      const char *transform = attr (names, values, "transform");
      double k = g_array_index (r->scales, double, r->scales->len - 1);
      double x = g_array_index (r->dx, double, r->dx->len - 1);
      double y = g_array_index (r->dy, double, r->dy->len - 1);

      if (transform != NULL)
        {
          double tx = 0, ty = 0, s = 1;
          const char *t = strstr (transform, "translate(");
          const char *sc = strstr (transform, "scale(");

          g_assert_true (t != NULL || sc != NULL);
          if (t != NULL)
            {
              char *end;

              tx = g_ascii_strtod (t + 10, &end);
              ty = g_ascii_strtod (end, NULL);
            }
          if (sc != NULL)
            s = g_ascii_strtod (sc + 6, NULL);
          x += k * tx;
          y += k * ty;
          k *= s;
        }
      g_array_append_val (r->scales, k);
      g_array_append_val (r->dx, x);
      g_array_append_val (r->dy, y);
    }
  else if (g_str_equal (element, "text"))
    {
      double k = g_array_index (r->scales, double, r->scales->len - 1);
      double dx = g_array_index (r->dx, double, r->dx->len - 1);
      double dy = g_array_index (r->dy, double, r->dy->len - 1);
      const char *anchor = attr (names, values, "text-anchor");
      const char *transform = attr (names, values, "transform");

      r->in_text = TRUE;
      g_string_truncate (r->text, 0);
      memset (&r->current, 0, sizeof r->current);
      r->current.size = attr_double (names, values, "font-size", 0) * k;
      r->current.left = dx + k * attr_double (names, values, "x", 0);
      r->current.bottom = dy + k * attr_double (names, values, "y", 0);
      /* the anchor, kept in right until the width is known */
      r->current.right = anchor == NULL || g_str_equal (anchor, "start") ? 0
                         : g_str_equal (anchor, "middle") ? 0.5 : 1;
      r->rotated = FALSE;
      if (transform != NULL)
        {
          /* only rotate(-90 cx cy) about the text's own point */
          g_assert_true (g_str_has_prefix (transform, "rotate(-90 "));
          r->rotated = TRUE;
        }
    }
}

static void
end_element (GMarkupParseContext  *context,
             const char           *element,
             gpointer              data,
             GError              **error)
{
  Reader *r = data;

  if (g_str_equal (element, "g"))
    {
      g_array_set_size (r->scales, r->scales->len - 1);
      g_array_set_size (r->dx, r->dx->len - 1);
      g_array_set_size (r->dy, r->dy->len - 1);
    }
  else if (g_str_equal (element, "text"))
    {
      Box b = r->current;
      double width = g_utf8_strlen (r->text->str, -1) * 0.6 * b.size;
      double x = b.left, y = b.bottom, anchor = b.right;

      r->in_text = FALSE;
      b.text = g_strdup (r->text->str);
      if (!r->rotated)
        {
          b.left = x - anchor * width;
          b.right = b.left + width;
          b.top = y - 0.8 * b.size;
          b.bottom = y + 0.2 * b.size;
        }
      else
        {
          /* turned a quarter left about (x, y): the text runs upwards */
          b.left = x - 0.8 * b.size;
          b.right = x + 0.2 * b.size;
          b.bottom = y + anchor * width;
          b.top = b.bottom - width;
        }
      g_array_append_val (r->boxes, b);
    }
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

/* The text boxes of @svg. */
static GArray *
read_boxes (const char *svg,
            double     *width,
            double     *height)
{
  static const GMarkupParser parser = { start_element, end_element, text, NULL, NULL };
  Reader r = { 0, };
  double one = 1, zero = 0;
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GError) error = NULL;

  r.boxes = g_array_new (FALSE, TRUE, sizeof (Box));
  g_array_set_clear_func (r.boxes, box_clear);
  r.scales = g_array_new (FALSE, FALSE, sizeof (double));
  r.dx = g_array_new (FALSE, FALSE, sizeof (double));
  r.dy = g_array_new (FALSE, FALSE, sizeof (double));
  g_array_append_val (r.scales, one);
  g_array_append_val (r.dx, zero);
  g_array_append_val (r.dy, zero);
  r.text = g_string_new (NULL);
  context = g_markup_parse_context_new (&parser, 0, &r, NULL);
  g_assert_true (g_markup_parse_context_parse (context, svg, -1, &error));
  g_assert_true (g_markup_parse_context_end_parse (context, &error));
  g_assert_no_error (error);
  g_array_unref (r.scales);
  g_array_unref (r.dx);
  g_array_unref (r.dy);
  g_string_free (r.text, TRUE);
  *width = r.width;
  *height = r.height;
  return r.boxes;
}

/* Fails, naming @what, unless every text of @svg is at least @min_px, on
 * the canvas and apart from every other. */
static void
check_layout (const char *what,
              const char *svg,
              double      min_px)
{
  double width, height;
  g_autoptr(GArray) boxes = read_boxes (svg, &width, &height);
  const double e = 0.5;

  g_assert_cmpuint (boxes->len, >=, 4);
  for (guint i = 0; i < boxes->len; i++)
    {
      const Box *a = &g_array_index (boxes, Box, i);

      if (a->size < min_px - 0.01)
        g_error ("%s: “%s” is %.2f px, under %.0f", what, a->text, a->size, min_px);
      if (a->left < -e || a->top < -e || a->right > width + e || a->bottom > height + e)
        g_error ("%s: “%s” (%.1f %.1f – %.1f %.1f) runs off the %.0f × %.0f canvas", what, a->text,
                 a->left, a->top, a->right, a->bottom, width, height);
      for (guint k = i + 1; k < boxes->len; k++)
        {
          const Box *b = &g_array_index (boxes, Box, k);

          if (a->left < b->right - e && b->left < a->right - e && a->top < b->bottom - e && b->top < a->bottom - e)
            g_error ("%s: “%s” (%.1f %.1f – %.1f %.1f) overlaps “%s” (%.1f %.1f – %.1f %.1f)", what,
                     a->text, a->left, a->top, a->right, a->bottom, b->text, b->left, b->top, b->right, b->bottom);
        }
    }
}

static void
dump (const char *name,
      const char *svg)
{
  const char *dir = g_getenv ("HEPATICA_DUMP_SVG");
  g_autofree char *path = NULL;

  if (dir == NULL)
    return;
  path = g_build_filename (dir, name, NULL);
  g_assert_true (g_file_set_contents (path, svg, -1, NULL));
}


static const int widths[] = { 800, 600, 420, 320 };

/* @set at each width and the height it asks for there. */
static void
check_widths (const char        *name,
              const HepCurveSet *set,
              HepDiagramOptions *options)
{
  for (guint i = 0; i < G_N_ELEMENTS (widths); i++)
    {
      g_autofree char *svg = NULL;
      g_autofree char *what = NULL;

      options->width = widths[i];
      options->height = hep_diagram_get_height_for_width (set, options, widths[i]);
      svg = hep_diagram_to_svg (set, options, NULL);
      what = g_strdup_printf ("%s-%s-%d-x%.2g.svg", name, hep_diagram_kind_to_string (options->kind), widths[i],
                              options->text_scale > 0 ? options->text_scale : 1);
      dump (what, svg);
      check_layout (what, svg, HEP_DIAGRAM_MIN_TEXT_PX * MAX (1, options->text_scale));
    }
}

static void
test_layout_cases (void)
{
  g_autoptr(GPtrArray) cases = hep_test_bundled_cases ();

  for (guint i = 0; i < cases->len; i++)
    for (HepDiagramKind kind = HEP_DIAGRAM_KIND_CURVE; kind <= HEP_DIAGRAM_KIND_PHASES; kind++)
      {
        HepCase *c = cases->pdata[i];
        HepDiagramOptions options;
        HepCurveSet set;

        hep_curve_set_synthesize (&set, hep_case_get_features (c));
        hep_diagram_options_init (&options, kind);
        check_widths (hep_case_get_id (c), &set, &options);
        /* zoomed in (app.zoom-in three times; the most the app allows):
         * larger text, laid out again */
        options.text_scale = 1.331;
        check_widths (hep_case_get_id (c), &set, &options);
        options.text_scale = 2.0;
        check_widths (hep_case_get_id (c), &set, &options);
      }
}

static void
test_layout_archetypes (void)
{
  for (guint a = 0; a < hep_curve_get_n_archetypes (); a++)
    for (HepDiagramKind kind = HEP_DIAGRAM_KIND_CURVE; kind <= HEP_DIAGRAM_KIND_PHASES; kind++)
      {
        const HepCurveSet *set = hep_curve_get_archetype (a);
        HepDiagramOptions options;

        hep_diagram_options_init (&options, kind);
        check_widths (set->id, set, &options);
        /* with the next three to compare */
        for (guint k = 1; k <= HEP_DIAGRAM_MAX_COMPARE; k++)
          g_assert_true (hep_diagram_options_add_compare (&options,
                           hep_curve_get_archetype ((a + k) % hep_curve_get_n_archetypes ())->id, NULL));
        check_widths (set->id, set, &options);
      }
}

/* Text follows the zoom, and the height follows the text. */
static void
test_layout_zoom (void)
{
  const HepCurveSet *set = hep_curve_lookup_archetype ("hcc-classic");

  for (HepDiagramKind kind = HEP_DIAGRAM_KIND_CURVE; kind <= HEP_DIAGRAM_KIND_PHASES; kind++)
    {
      HepDiagramOptions options;
      int h1, h2;

      hep_diagram_options_init (&options, kind);
      h1 = hep_diagram_get_height_for_width (set, &options, 600);
      options.text_scale = 1.5;
      h2 = hep_diagram_get_height_for_width (set, &options, 600);
      g_assert_cmpint (h2, >, h1);
      options.width = 600;
      options.height = h2;
      {
        g_autofree char *svg = hep_diagram_to_svg (set, &options, NULL);

        check_layout ("zoom 1.5", svg, 18);
      }
      /* zooming out leaves the minimum */
      options.text_scale = 0.75;
      options.height = hep_diagram_get_height_for_width (set, &options, 600);
      {
        g_autofree char *svg = hep_diagram_to_svg (set, &options, NULL);

        check_layout ("zoom 0.75", svg, HEP_DIAGRAM_MIN_TEXT_PX);
      }
    }
}

/* Presenter mode's strip (#19): whatever height the findings above it
 * leave at 1280 × 720 and 1920 × 1080, no text under 24 px (in proportion
 * at 1080p with the text scale the presenter gives), and none overlapping. */
static void
test_layout_large_text (void)
{
  static const struct { int width, height; double scale; } sizes[] = {
    { 1168, 440, 1 }, { 1168, 360, 1 }, { 1168, 300, 1 },
    { 1808, 760, 1.5 }, { 1808, 600, 1.5 }, { 1808, 520, 1.5 },
  };
  g_autoptr(GPtrArray) cases = hep_test_bundled_cases ();

  for (guint i = 0; i < cases->len; i++)
    for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
      for (int last = HEP_CURVE_PHASE_PRE; last <= HEP_CURVE_PHASE_HBP; last++)
        {
          HepCase *c = cases->pdata[i];
          HepDiagramOptions options;
          HepCurveSet set;
          g_autofree char *svg = NULL;
          g_autofree char *what = NULL;

          if (last == HEP_CURVE_PHASE_EARLY_ARTERIAL)
            continue;
          hep_curve_set_synthesize (&set, hep_case_get_features (c));
          hep_diagram_options_init (&options, HEP_DIAGRAM_KIND_PHASES);
          options.large_text = TRUE;
          options.theme = HEP_DIAGRAM_THEME_DARK;
          options.text_scale = sizes[s].scale;
          g_assert_true (hep_diagram_options_set_size (&options, sizes[s].width, sizes[s].height, NULL));
          hep_diagram_options_set_last_phase (&options, last);
          svg = hep_diagram_to_svg (&set, &options, NULL);
          what = g_strdup_printf ("%s-large-%dx%d-%d.svg", hep_case_get_id (c), sizes[s].width, sizes[s].height, last);
          dump (what, svg);
          check_layout (what, svg, HEP_DIAGRAM_LARGE_TEXT_MIN_PX * sizes[s].scale);
        }
}

/* The checker itself: it sees an overlap, a small text and one off the
 * canvas. */
static void
test_layout_checker (void)
{
  static const char *svg =
    "<svg xmlns='http://www.w3.org/2000/svg' width='200' height='100'>"
    "<text x='10' y='20' font-size='12'>delayed / transitional</text>"
    "<text x='60' y='22' font-size='12' text-anchor='middle'>HBP</text>"
    "<text x='150' y='90' font-size='9'>tiny</text>"
    "<text x='190' y='60' font-size='12'>off</text>"
    "<text x='20' y='60' font-size='12' transform='rotate(-90 20 60)'>enhancement</text>"
    "<g transform='translate(100 40) scale(0.5)'><text x='0' y='0' font-size='10'>aorta</text></g>"
    "</svg>";
  double w, h;
  g_autoptr(GArray) boxes = read_boxes (svg, &w, &h);
  const Box *a, *b;

  g_assert_cmpuint (boxes->len, ==, 6);
  a = &g_array_index (boxes, Box, 0);
  b = &g_array_index (boxes, Box, 1);
  /* 22 characters of 7.2 px from x = 10; "HBP" centred on 60 */
  g_assert_cmpfloat_with_epsilon (a->right, 10 + 22 * 7.2, 0.01);
  g_assert_cmpfloat_with_epsilon (b->left, 60 - 3 * 7.2 / 2, 0.01);
  g_assert_true (a->left < b->right && b->left < a->right && a->top < b->bottom && b->top < a->bottom);
  g_assert_cmpfloat (g_array_index (boxes, Box, 2).size, <, 12);
  g_assert_cmpfloat (g_array_index (boxes, Box, 3).right, >, w);
  /* rotated: tall, not wide */
  a = &g_array_index (boxes, Box, 4);
  g_assert_cmpfloat (a->bottom - a->top, >, a->right - a->left);
  /* in a scaled group: 5 px at (100, 40) */
  a = &g_array_index (boxes, Box, 5);
  g_assert_cmpfloat_with_epsilon (a->size, 5, 0.01);
  g_assert_cmpfloat_with_epsilon (a->left, 100, 0.01);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/diagram/layout/checker", test_layout_checker);
  g_test_add_func ("/diagram/layout/cases", test_layout_cases);
  g_test_add_func ("/diagram/layout/archetypes", test_layout_archetypes);
  g_test_add_func ("/diagram/layout/zoom", test_layout_zoom);
  g_test_add_func ("/diagram/layout/large-text", test_layout_large_text);
  return g_test_run ();
}
