/* hep-svg-text.c: the text of a generated diagram, drawn with PangoCairo
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "hep-svg-text.h"

/* What a <text> inherits from the elements around it. */
typedef struct {
  const char     *family;     /* a Pango family list; interned */
  double          size;       /* px; 0 until set */
  PangoWeight     weight;
  int             anchor;     /* 0 start, 1 middle, 2 end */
  gboolean        has_fill;
  double          rgb[3];
  cairo_matrix_t  matrix;     /* user space of the element → the SVG's */
  const char     *unsafe;     /* an attribute under which text is not drawn here */
} Style;

typedef enum {
  FRAME_CONTAINER,  /* <svg>, <g>: may hold text */
  FRAME_TEXT,       /* <text>: holds its characters, nothing else */
  FRAME_OTHER,      /* shapes, <defs>, <clipPath>, <title>…: no text drawn in it */
} FrameKind;

typedef struct {
  FrameKind kind;
  Style     style;
} Frame;

typedef struct {
  char                 *text;
  PangoFontDescription *font;
  int                   anchor;
  gboolean              has_fill;
  double                rgb[3];
  double                x, y;
  cairo_matrix_t        matrix;
} Run;

struct _HepSvgText {
  GArray  *runs;     /* of Run */
  char    *shapes;   /* the SVG without its <text> elements */
  double   width, height;
};

/* While parsing. */
typedef struct {
  HepSvgText *self;   /* what it fills in */
  GArray     *stack;  /* of Frame */
  GString    *chars;  /* of the open <text> */
} Parser;

static void
run_clear (gpointer data)
{
  Run *run = data;

  g_free (run->text);
  g_clear_pointer (&run->font, pango_font_description_free);
}

static gboolean
unsupported (GError     **error,
             const char  *what,
             const char  *detail)
{
  g_set_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT,
               "SVG text with %s “%s” is drawn by librsvg", what, detail);
  return FALSE;
}

/* A number, with "px" allowed after it. */
static gboolean
parse_length (const char *value,
              double     *out)
{
  char *end;
  double v = g_ascii_strtod (value, &end);

  if (end == value || !isfinite (v))
    return FALSE;
  if (g_str_equal (end, "px"))
    end += 2;
  while (g_ascii_isspace (*end))
    end++;
  *out = v;
  return *end == '\0';
}

static gboolean
parse_colour (const char *value,
              Style      *style)
{
  guint r, g, b;
  size_t n = strlen (value);

  if (g_str_equal (value, "none"))
    {
      style->has_fill = FALSE;
      return TRUE;
    }
  if (value[0] != '#' || (n != 7 && n != 4))
    return FALSE;
  for (size_t i = 1; i < n; i++)
    if (!g_ascii_isxdigit (value[i]))
      return FALSE;
  if (n == 7)
    {
      r = g_ascii_xdigit_value (value[1]) * 16 + g_ascii_xdigit_value (value[2]);
      g = g_ascii_xdigit_value (value[3]) * 16 + g_ascii_xdigit_value (value[4]);
      b = g_ascii_xdigit_value (value[5]) * 16 + g_ascii_xdigit_value (value[6]);
    }
  else
    {
      r = g_ascii_xdigit_value (value[1]) * 17;
      g = g_ascii_xdigit_value (value[2]) * 17;
      b = g_ascii_xdigit_value (value[3]) * 17;
    }
  style->has_fill = TRUE;
  style->rgb[0] = r / 255.0;
  style->rgb[1] = g / 255.0;
  style->rgb[2] = b / 255.0;
  return TRUE;
}

/* "Cantarell, 'DejaVu Sans', sans-serif" → "Cantarell,DejaVu Sans,sans-serif" */
static const char *
parse_family (const char *value)
{
  g_auto(GStrv) names = g_strsplit (value, ",", -1);
  g_autoptr(GString) list = g_string_new (NULL);

  for (guint i = 0; names[i] != NULL; i++)
    {
      char *name = g_strstrip (names[i]);
      size_t n = strlen (name);

      if (n >= 2 && (name[0] == '\'' || name[0] == '"') && name[n - 1] == name[0])
        {
          name[n - 1] = '\0';
          name++;
        }
      if (*name == '\0')
        continue;
      if (list->len > 0)
        g_string_append_c (list, ',');
      g_string_append (list, name);
    }
  return list->len > 0 ? g_intern_string (list->str) : NULL;
}

static gboolean
parse_weight (const char  *value,
              PangoWeight *out)
{
  char *end;
  guint64 n;

  if (g_str_equal (value, "normal"))
    *out = PANGO_WEIGHT_NORMAL;
  else if (g_str_equal (value, "bold"))
    *out = PANGO_WEIGHT_BOLD;
  else
    {
      n = g_ascii_strtoull (value, &end, 10);
      if (*end != '\0' || end == value || n < 1 || n > 1000)
        return FALSE;
      *out = (PangoWeight) n;
    }
  return TRUE;
}

/* SVG transform lists: matrix, translate, scale, rotate, skewX, skewY,
 * applied left to right to @m (as SVG composes them). */
static gboolean
parse_transform (const char     *value,
                 cairo_matrix_t *m)
{
  const char *p = value;

  for (;;)
    {
      static const struct { const char *name; guint min, max; } kinds[] = {
        { "matrix", 6, 6 }, { "translate", 1, 2 }, { "scale", 1, 2 },
        { "rotate", 1, 3 }, { "skewX", 1, 1 }, { "skewY", 1, 1 },
      };
      double a[6];
      guint n = 0, k;
      cairo_matrix_t t;

      while (g_ascii_isspace (*p) || *p == ',')
        p++;
      if (*p == '\0')
        return TRUE;
      for (k = 0; k < G_N_ELEMENTS (kinds); k++)
        if (g_str_has_prefix (p, kinds[k].name))
          break;
      if (k == G_N_ELEMENTS (kinds))
        return FALSE;
      p += strlen (kinds[k].name);
      while (g_ascii_isspace (*p))
        p++;
      if (*p++ != '(')
        return FALSE;
      for (;;)
        {
          char *end;

          while (g_ascii_isspace (*p) || (n > 0 && *p == ','))
            p++;
          if (*p == ')')
            break;
          if (n == 6)
            return FALSE;
          a[n] = g_ascii_strtod (p, &end);
          if (end == p || !isfinite (a[n]))
            return FALSE;
          n++;
          p = end;
        }
      p++;
      if (n < kinds[k].min || n > kinds[k].max || (k == 3 && n == 2))
        return FALSE;
      switch (k)
        {
        case 0:
          cairo_matrix_init (&t, a[0], a[1], a[2], a[3], a[4], a[5]);
          cairo_matrix_multiply (m, &t, m);
          break;
        case 1:
          cairo_matrix_translate (m, a[0], n > 1 ? a[1] : 0);
          break;
        case 2:
          cairo_matrix_scale (m, a[0], n > 1 ? a[1] : a[0]);
          break;
        case 3:
          if (n == 3)
            cairo_matrix_translate (m, a[1], a[2]);
          cairo_matrix_rotate (m, a[0] * G_PI / 180);
          if (n == 3)
            cairo_matrix_translate (m, -a[1], -a[2]);
          break;
        default:
          cairo_matrix_init (&t, 1, k == 5 ? tan (a[0] * G_PI / 180) : 0,
                             k == 4 ? tan (a[0] * G_PI / 180) : 0, 1, 0, 0);
          cairo_matrix_multiply (m, &t, m);
          break;
        }
    }
}

/* One presentation attribute that text inherits; FALSE if @name is not
 * one, -1 (as TRUE with @error set) if its value cannot be read. */
static int
apply_attribute (Style       *style,
                 const char  *name,
                 const char  *value)
{
  if (g_str_equal (name, "font-family"))
    return (style->family = parse_family (value)) != NULL ? TRUE : -1;
  if (g_str_equal (name, "font-size"))
    return parse_length (value, &style->size) && style->size > 0 ? TRUE : -1;
  if (g_str_equal (name, "font-weight"))
    return parse_weight (value, &style->weight) ? TRUE : -1;
  if (g_str_equal (name, "fill"))
    return parse_colour (value, style) ? TRUE : -1;
  if (g_str_equal (name, "transform"))
    return parse_transform (value, &style->matrix) ? TRUE : -1;
  if (g_str_equal (name, "text-anchor"))
    {
      if (g_str_equal (value, "start"))
        style->anchor = 0;
      else if (g_str_equal (value, "middle"))
        style->anchor = 1;
      else if (g_str_equal (value, "end"))
        style->anchor = 2;
      else
        return -1;
      return TRUE;
    }
  return FALSE;
}

/* Attributes of a container that do not change the look of text in it. */
static gboolean
is_harmless (const char *name,
             const char *value)
{
  static const char *const names[] = {
    "class", "id", "xmlns", "version", "role", "aria-labelledby", "aria-label",
    "stroke-width", "stroke-linejoin", "stroke-linecap", "stroke-dasharray", "stroke-miterlimit",
  };

  if (g_str_equal (name, "stroke"))
    return g_str_equal (value, "none");
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_str_equal (name, names[i]))
      return TRUE;
  return FALSE;
}

static gboolean
read_root (HepSvgText   *self,
           const char  **names,
           const char  **values,
           GError      **error)
{
  const char *viewbox = NULL;
  gboolean has_w = FALSE, has_h = FALSE;

  for (guint i = 0; names[i] != NULL; i++)
    if (g_str_equal (names[i], "width"))
      has_w = parse_length (values[i], &self->width);
    else if (g_str_equal (names[i], "height"))
      has_h = parse_length (values[i], &self->height);
    else if (g_str_equal (names[i], "viewBox"))
      viewbox = values[i];
  if (!has_w || !has_h || self->width <= 0 || self->height <= 0)
    return unsupported (error, "a root size of", "?");
  if (viewbox != NULL)
    {
      g_auto(GStrv) parts = g_strsplit_set (viewbox, " ,", -1);
      double v[4];
      guint n = 0;

      for (guint i = 0; parts[i] != NULL; i++)
        if (*parts[i] != '\0' && (n == 4 || !parse_length (parts[i], &v[n++])))
          return unsupported (error, "the viewBox", viewbox);
      if (n != 4 || v[0] != 0 || v[1] != 0 || v[2] != self->width || v[3] != self->height)
        return unsupported (error, "the viewBox", viewbox);
    }
  return TRUE;
}

static void
start_element (GMarkupParseContext  *context,
               const char           *element,
               const char          **names,
               const char          **values,
               gpointer              user_data,
               GError              **error)
{
  static const char *const others[] = {
    "title", "desc", "defs", "clipPath", "rect", "path", "circle", "ellipse", "line",
    "polyline", "polygon", "linearGradient", "radialGradient", "stop",
  };
  Parser *parser = user_data;
  HepSvgText *self = parser->self;
  Frame frame = { FRAME_OTHER, };
  Frame *parent = parser->stack->len > 0 ? &g_array_index (parser->stack, Frame, parser->stack->len - 1) : NULL;

  if (parent != NULL && parent->kind == FRAME_TEXT)
    {
      unsupported (error, "the child element", element);
      return;
    }
  if (parent != NULL)
    frame.style = parent->style;
  else
    {
      cairo_matrix_init_identity (&frame.style.matrix);
      frame.style.weight = PANGO_WEIGHT_NORMAL;
      frame.style.has_fill = TRUE;   /* black */
    }

  if (g_str_equal (element, "svg") || g_str_equal (element, "g"))
    {
      if (g_str_equal (element, "svg") && (parent != NULL || !read_root (self, names, values, error)))
        {
          if (parent != NULL)
            unsupported (error, "a nested", "svg");
          return;
        }
      frame.kind = parent == NULL || parent->kind == FRAME_CONTAINER ? FRAME_CONTAINER : FRAME_OTHER;
      for (guint i = 0; names[i] != NULL; i++)
        {
          int applied;

          if (g_str_equal (element, "svg") &&
              (g_str_equal (names[i], "width") || g_str_equal (names[i], "height") ||
               g_str_equal (names[i], "viewBox")))
            continue;
          /* a transform on <svg> is SVG 2, which librsvg 2.54 may not follow */
          applied = g_str_equal (element, "svg") && g_str_equal (names[i], "transform")
                      ? -1 : apply_attribute (&frame.style, names[i], values[i]);
          if (applied < 0 || (!applied && !is_harmless (names[i], values[i])))
            frame.style.unsafe = g_intern_string (names[i]);
        }
    }
  else if (g_str_equal (element, "text"))
    {
      Run run = { NULL, };

      if (parent == NULL || parent->kind != FRAME_CONTAINER)
        {
          unsupported (error, "text inside", "a non-container");
          return;
        }
      if (frame.style.unsafe != NULL)
        {
          unsupported (error, "an attribute around it,", frame.style.unsafe);
          return;
        }
      frame.kind = FRAME_TEXT;
      for (guint i = 0; names[i] != NULL; i++)
        {
          int applied;

          if (g_str_equal (names[i], "x") || g_str_equal (names[i], "y"))
            {
              if (!parse_length (values[i], names[i][0] == 'x' ? &run.x : &run.y))
                {
                  unsupported (error, "the position", values[i]);
                  return;
                }
              continue;
            }
          if (g_str_equal (names[i], "class") || g_str_equal (names[i], "id"))
            continue;
          applied = apply_attribute (&frame.style, names[i], values[i]);
          if (applied <= 0)
            {
              unsupported (error, "the attribute", names[i]);
              return;
            }
        }
      if (frame.style.family == NULL || frame.style.size <= 0)
        {
          unsupported (error, "no font family or size for", "text");
          return;
        }
      run.font = pango_font_description_new ();
      pango_font_description_set_family_static (run.font, frame.style.family);
      pango_font_description_set_absolute_size (run.font, frame.style.size * PANGO_SCALE);
      pango_font_description_set_weight (run.font, frame.style.weight);
      run.anchor = frame.style.anchor;
      run.has_fill = frame.style.has_fill;
      memcpy (run.rgb, frame.style.rgb, sizeof run.rgb);
      run.matrix = frame.style.matrix;
      g_array_append_val (self->runs, run);
      g_string_truncate (parser->chars, 0);
    }
  else
    {
      guint i;

      for (i = 0; i < G_N_ELEMENTS (others); i++)
        if (g_str_equal (element, others[i]))
          break;
      if (i == G_N_ELEMENTS (others))
        {
          /* <style>, <use>, <a>, <switch>…: could show text another way */
          unsupported (error, "the element", element);
          return;
        }
    }
  g_array_append_val (parser->stack, frame);
}

/* SVG 1.1 without xml:space: newlines removed, tabs made spaces, leading
 * and trailing spaces stripped, runs of spaces made one. */
static char *
collapse_space (const char *chars)
{
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = chars; *p != '\0'; p++)
    {
      if (*p == '\n' || *p == '\r')
        continue;
      if (*p == ' ' || *p == '\t')
        {
          space = out->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

static void
end_element (GMarkupParseContext  *context,
             const char           *element,
             gpointer              user_data,
             GError              **error)
{
  Parser *parser = user_data;
  Frame *top = &g_array_index (parser->stack, Frame, parser->stack->len - 1);
  GArray *runs = parser->self->runs;

  if (top->kind == FRAME_TEXT)
    g_array_index (runs, Run, runs->len - 1).text = collapse_space (parser->chars->str);
  g_array_set_size (parser->stack, parser->stack->len - 1);
}

static void
text (GMarkupParseContext  *context,
      const char           *chars,
      gsize                 len,
      gpointer              user_data,
      GError              **error)
{
  Parser *parser = user_data;

  if (parser->stack->len > 0 && g_array_index (parser->stack, Frame, parser->stack->len - 1).kind == FRAME_TEXT)
    g_string_append_len (parser->chars, chars, len);
}

/* Comments, CDATA and processing instructions other than the XML
 * declaration: none in a generated diagram, and strip_text() could not
 * tell a "<text" in them from an element. */
static void
passthrough (GMarkupParseContext  *context,
             const char           *chars,
             gsize                 len,
             gpointer              user_data,
             GError              **error)
{
  if (len < 6 || strncmp (chars, "<?xml ", 6) != 0 || memchr (chars + 1, '<', len - 1) != NULL)
    unsupported (error, "a comment, CDATA or instruction", "<!");
}

/* @svg without its <text> elements. The parse has made sure that it is
 * well-formed, that no <text> has children and that there are no
 * comments or CDATA: every "<text" followed by a space, "/" or ">" opens
 * a text element ('<' cannot occur in attribute values or escaped text),
 * which ends at its "/>" or at the next "</text>". */
static char *
strip_text (const char *svg)
{
  GString *out = g_string_sized_new (strlen (svg));
  const char *p = svg, *open;

  while ((open = strstr (p, "<text")) != NULL)
    {
      const char *end;
      char after = open[5];

      if (after != ' ' && after != '\t' && after != '\n' && after != '\r' && after != '>' && after != '/')
        {
          g_string_append_len (out, p, open + 5 - p);
          p = open + 5;
          continue;
        }
      g_string_append_len (out, p, open - p);
      end = strchr (open, '>');
      if (end[-1] == '/')
        p = end + 1;
      else
        p = strstr (end, "</text>") + strlen ("</text>");
    }
  g_string_append (out, p);
  return g_string_free (out, FALSE);
}

HepSvgText *
hep_svg_text_parse (const char  *svg,
                    GError     **error)
{
  static const GMarkupParser callbacks = { start_element, end_element, text, passthrough, NULL };
  g_autoptr(HepSvgText) self = g_new0 (HepSvgText, 1);
  Parser parser;
  GMarkupParseContext *context;
  gboolean ok;

  g_return_val_if_fail (svg != NULL, NULL);

  self->runs = g_array_new (FALSE, TRUE, sizeof (Run));
  g_array_set_clear_func (self->runs, run_clear);
  parser.self = self;
  parser.stack = g_array_new (FALSE, TRUE, sizeof (Frame));
  parser.chars = g_string_new (NULL);
  context = g_markup_parse_context_new (&callbacks, 0, &parser, NULL);
  ok = g_markup_parse_context_parse (context, svg, -1, error) &&
       g_markup_parse_context_end_parse (context, error);
  g_markup_parse_context_free (context);
  g_array_unref (parser.stack);
  g_string_free (parser.chars, TRUE);
  if (!ok)
    return NULL;
  if (self->width <= 0)
    {
      unsupported (error, "no", "svg");
      return NULL;
    }
  self->shapes = strip_text (svg);
  return g_steal_pointer (&self);
}

void
hep_svg_text_free (HepSvgText *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->runs);
  g_free (self->shapes);
  g_free (self);
}

void
hep_svg_text_get_size (HepSvgText *self,
                       double     *width,
                       double     *height)
{
  g_return_if_fail (self != NULL);
  *width = self->width;
  *height = self->height;
}

const char *
hep_svg_text_get_shapes (HepSvgText *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->shapes;
}

guint
hep_svg_text_get_count (HepSvgText *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->runs->len;
}

const char *
hep_svg_text_get_text (HepSvgText *self,
                       guint       index)
{
  g_return_val_if_fail (self != NULL && index < self->runs->len, NULL);
  return g_array_index (self->runs, Run, index).text;
}

/* As librsvg sets up Pango for SVG text: outlines unhinted, positions
 * unrounded, grey antialiasing; the font map is the thread's own. */
static PangoContext *
create_context (void)
{
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  cairo_font_options_t *options = cairo_font_options_create ();

  cairo_font_options_set_antialias (options, CAIRO_ANTIALIAS_GRAY);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (context, FALSE);
  return context;
}

void
hep_svg_text_draw (HepSvgText *self,
                   cairo_t    *cr)
{
  PangoContext *context;

  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);

  context = create_context ();
  for (guint i = 0; i < self->runs->len; i++)
    {
      const Run *run = &g_array_index (self->runs, Run, i);
      PangoLayout *layout;
      int width;
      double baseline;

      if (!run->has_fill || run->text[0] == '\0')
        continue;
      cairo_save (cr);
      cairo_transform (cr, &run->matrix);
      pango_cairo_update_context (cr, context);
      layout = pango_layout_new (context);
      pango_layout_set_font_description (layout, run->font);
      pango_layout_set_text (layout, run->text, -1);
      pango_layout_get_size (layout, &width, NULL);
      baseline = pango_layout_get_baseline (layout) / (double) PANGO_SCALE;
      cairo_move_to (cr, run->x - run->anchor * (width / (double) PANGO_SCALE) / 2, run->y - baseline);
      cairo_set_source_rgb (cr, run->rgb[0], run->rgb[1], run->rgb[2]);
      pango_cairo_show_layout (cr, layout);
      g_object_unref (layout);
      cairo_restore (cr);
    }
  g_object_unref (context);
}
