/* hep-diagram.c: enhancement-curve and per-phase diagrams as SVG text
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "hep-diagram.h"
#include "hep-svg-writer.h"

#define FONT_FAMILY "Cantarell, 'DejaVu Sans', sans-serif"
/* Numbers for attributes: a ring of buffers so that one call can format
 * several numbers (every argument is evaluated before the call). */
#define N_NUMBER_BUFS 24
static __thread char number_bufs[N_NUMBER_BUFS][HEP_SVG_NUMBER_BUF_SIZE];
static __thread guint number_next;

static const char *
num (double value)
{
  char *buf = number_bufs[number_next];

  number_next = (number_next + 1) % N_NUMBER_BUFS;
  return hep_svg_format_number (buf, value);
}


G_DEFINE_QUARK (hep-diagram-error-quark, hep_diagram_error)

/* ---- palette ------------------------------------------------------------- */

/* Okabe–Ito colours (colour-blind safe), lightened where a dark background
 * needs it, each with its own dash pattern and marker so that no series is
 * told apart by colour alone. */
typedef enum { MARKER_CIRCLE, MARKER_SQUARE, MARKER_TRIANGLE, MARKER_DIAMOND, MARKER_TRIANGLE_DOWN } Marker;

typedef struct {
  const char *light;
  const char *dark;
  const char *dash;    /* NULL: solid */
  Marker      marker;
} SeriesStyle;

static const SeriesStyle aorta_style = { "#6b6b6b", "#b4b4b4", "2 4", MARKER_CIRCLE };
static const SeriesStyle liver_styles[] = {
  { "#0072B2", "#56B4E9", "9 5", MARKER_SQUARE },        /* normal */
  { "#007A5A", "#2FC79A", "9 3 2 3", MARKER_DIAMOND },   /* cirrhotic */
};
static const SeriesStyle lesion_styles[] = {
  { "#D55E00", "#FF8A3D", NULL, MARKER_CIRCLE },
  { "#B5418A", "#E59BC4", "7 3", MARKER_TRIANGLE },
  { "#8A6400", "#F0E442", "2 2", MARKER_SQUARE },
  { "#1E1E1E", "#F2F2F2", "12 3 3 3", MARKER_DIAMOND },
  { "#0072B2", "#56B4E9", "4 4", MARKER_TRIANGLE_DOWN },
};

typedef struct {
  const char *background;
  const char *foreground;
  const char *muted;
  const char *grid;
  const char *band;
  const char *image;   /* phase-strip panel behind the liver */
  const char *image_stroke;
} Theme;

static const Theme themes[] = {
  { "#FFFFFF", "#1E1E1E", "#5E5E5E", "#D6D6D6", "#EEF1F5", "#101010", "#3A3A3A" },
  { "#242424", "#F2F2F2", "#B8B8B8", "#484848", "#2F333A", "#050505", "#6A6A6A" },
};

static const char *
style_colour (const SeriesStyle *style,
              HepDiagramTheme    theme)
{
  return theme == HEP_DIAGRAM_THEME_DARK ? style->dark : style->light;
}

/* ---- options ------------------------------------------------------------- */

void
hep_diagram_options_init (HepDiagramOptions *options,
                          HepDiagramKind     kind)
{
  g_return_if_fail (options != NULL);
  memset (options, 0, sizeof *options);
  options->kind = kind;
  options->theme = HEP_DIAGRAM_THEME_LIGHT;
}

gboolean
hep_diagram_options_add_compare (HepDiagramOptions  *options,
                                 const char         *archetype_id,
                                 GError            **error)
{
  const HepCurveSet *set;

  g_return_val_if_fail (options != NULL, FALSE);
  set = hep_curve_lookup_archetype (archetype_id);
  if (set == NULL)
    {
      g_autofree char *ids = hep_curve_describe_archetype_ids ();

      g_set_error (error, HEP_DIAGRAM_ERROR, HEP_DIAGRAM_ERROR_UNKNOWN_ARCHETYPE,
                   _("unknown archetype “%s”; accepted: %s"), archetype_id ? archetype_id : "", ids);
      return FALSE;
    }
  if (options->n_compare >= HEP_DIAGRAM_MAX_COMPARE)
    {
      g_set_error (error, HEP_DIAGRAM_ERROR, HEP_DIAGRAM_ERROR_TOO_MANY,
                   _("at most %d lesions can be compared with the main one"), HEP_DIAGRAM_MAX_COMPARE);
      return FALSE;
    }
  options->compare[options->n_compare++] = set;
  return TRUE;
}

gboolean
hep_diagram_options_set_size (HepDiagramOptions  *options,
                              int                 width,
                              int                 height,
                              GError            **error)
{
  g_return_val_if_fail (options != NULL, FALSE);
  if (width < HEP_DIAGRAM_MIN_SIZE || width > HEP_DIAGRAM_MAX_SIZE ||
      height < HEP_DIAGRAM_MIN_SIZE || height > HEP_DIAGRAM_MAX_SIZE)
    {
      g_set_error (error, HEP_DIAGRAM_ERROR, HEP_DIAGRAM_ERROR_BAD_SIZE,
                   _("bad size %d×%d; accepted: %d–%d pixels each way"),
                   width, height, HEP_DIAGRAM_MIN_SIZE, HEP_DIAGRAM_MAX_SIZE);
      return FALSE;
    }
  options->width = width;
  options->height = height;
  return TRUE;
}

gboolean
hep_diagram_kind_from_string (const char     *text,
                              HepDiagramKind *kind)
{
  if (g_strcmp0 (text, "curve") == 0)
    *kind = HEP_DIAGRAM_KIND_CURVE;
  else if (g_strcmp0 (text, "phases") == 0)
    *kind = HEP_DIAGRAM_KIND_PHASES;
  else
    return FALSE;
  return TRUE;
}

const char *
hep_diagram_kind_to_string (HepDiagramKind kind)
{
  return kind == HEP_DIAGRAM_KIND_PHASES ? "phases" : "curve";
}

void
hep_diagram_get_default_size (const HepDiagramOptions *options,
                              int                     *width,
                              int                     *height)
{
  if (options->kind == HEP_DIAGRAM_KIND_PHASES)
    {
      *width = 900;
      *height = 120 + 150 * (int) (1 + options->n_compare);
    }
  else
    {
      *width = 800;
      *height = 500;
    }
}

static void
get_size (const HepDiagramOptions *options,
          double                  *width,
          double                  *height)
{
  int w, h;

  hep_diagram_get_default_size (options, &w, &h);
  if (options->width > 0)
    w = CLAMP (options->width, HEP_DIAGRAM_MIN_SIZE, HEP_DIAGRAM_MAX_SIZE);
  if (options->height > 0)
    h = CLAMP (options->height, HEP_DIAGRAM_MIN_SIZE, HEP_DIAGRAM_MAX_SIZE);
  *width = w;
  *height = h;
}

/* ---- shared text --------------------------------------------------------- */

static const char *
time_label (HepCurvePhase phase)
{
  static const char * const labels[HEP_CURVE_N_POINTS] = {
    N_("0 s"), N_("20 s"), N_("35 s"), N_("70 s"), N_("180 s"), N_("~20 min"),
  };
  return _(labels[phase]);
}

static char *
format_value (double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (!hep_curve_value_is_set (value))
    return g_strdup (_("not given"));
  return g_strdup (g_ascii_formatd (buf, sizeof buf, "%.2f", value));
}

typedef enum { REL_HYPO, REL_ISO, REL_HYPER } Relation;

static Relation
relation (double lesion,
          double liver)
{
  if (lesion > liver + 0.025)
    return REL_HYPER;
  if (lesion < liver - 0.025)
    return REL_HYPO;
  return REL_ISO;
}

static const char *
relation_label (Relation rel)
{
  switch (rel)
    {
    case REL_HYPO: return _("hypo");
    case REL_HYPER: return _("hyper");
    case REL_ISO:
    default: return _("iso");
    }
}

static double part_value (const HepCurvePart *part, HepCurvePhase phase, double fallback);

static gboolean
never_enhances (const HepCurveSet *set)
{
  for (guint i = 0; i < set->n_parts; i++)
    for (guint j = 0; j < HEP_CURVE_N_POINTS; j++)
      if (hep_curve_value_is_set (set->parts[i].values[j]) && set->parts[i].values[j] > 0.02)
        return FALSE;
  return TRUE;
}

/* The look of a lesion in one phase, in words ("hyper, rim", "hypo, washout"). */
static char *
phase_words (const HepCurveSet *set,
             HepCurvePhase      phase)
{
  const HepCurvePart *primary = &set->parts[0];
  const HepCurvePart *centre = hep_curve_set_find_role (set, HEP_CURVE_ROLE_CENTRE);
  const HepCurvePart *nodules = hep_curve_set_find_role (set, HEP_CURVE_ROLE_NODULES);
  const HepCurvePart *capsule = hep_curve_set_find_role (set, HEP_CURVE_ROLE_CAPSULE);
  const HepCurvePart *scar = hep_curve_set_find_role (set, HEP_CURVE_ROLE_SCAR);
  const HepCurvePart *rim = hep_curve_set_find_role (set, HEP_CURVE_ROLE_RIM);
  double liver = hep_curve_set_background (set, phase);
  double v = primary->values[phase];
  GString *s = g_string_new (NULL);

  if (phase == HEP_CURVE_PHASE_PRE)
    {
      g_string_append (s, _("before contrast"));
      return g_string_free (s, FALSE);
    }
  if (never_enhances (set))
    {
      g_string_append (s, _("no enhancement"));
      return g_string_free (s, FALSE);
    }
  if (!hep_curve_value_is_set (v))
    {
      g_string_append (s, _("not given"));
      return g_string_free (s, FALSE);
    }

  if (nodules != NULL && phase == HEP_CURVE_PHASE_LATE_ARTERIAL)
    g_string_append (s, _("peripheral nodules"));
  else if (nodules != NULL && centre != NULL && phase < HEP_CURVE_PHASE_HBP &&
           centre->values[phase] > centre->values[phase - 1] + 0.05)
    g_string_append (s, _("filling in"));
  else if (rim != NULL && centre != NULL)
    {
      double c = part_value (centre, phase, v);
      Relation rr = relation (rim->values[phase], liver);
      Relation rc = relation (c, liver);

      if (phase == HEP_CURVE_PHASE_HBP && rr == REL_HYPO && rc == REL_HYPO && c > rim->values[phase] + 0.05)
        {
          g_string_append (s, _("targetoid, centre brighter"));
          return g_string_free (s, FALSE);
        }
      g_string_append_printf (s, _("rim %s"), relation_label (rr));
      if (phase == HEP_CURVE_PHASE_DELAYED && c > centre->values[HEP_CURVE_PHASE_PORTAL_VENOUS] + 0.05 &&
          rc == REL_HYPER)
        g_string_append_printf (s, ", %s", _("centre enhances late"));
      else if (rc != rr)
        g_string_append_printf (s, _(", centre %s"), relation_label (rc));
    }
  else
    g_string_append (s, relation_label (relation (v, liver)));

  if ((phase == HEP_CURVE_PHASE_PORTAL_VENOUS || phase == HEP_CURVE_PHASE_DELAYED) &&
      primary->role == HEP_CURVE_ROLE_WHOLE && v < liver - 0.03 &&
      primary->values[HEP_CURVE_PHASE_LATE_ARTERIAL] > hep_curve_set_background (set, HEP_CURVE_PHASE_LATE_ARTERIAL) + 0.05)
    g_string_append_printf (s, ", %s", _("washout"));
  if (capsule != NULL && phase != HEP_CURVE_PHASE_HBP && capsule->values[phase] > liver + 0.025)
    g_string_append_printf (s, ", %s", _("capsule"));
  if (scar != NULL && phase != HEP_CURVE_PHASE_HBP)
    {
      if (scar->values[phase] > liver + 0.025)
        g_string_append_printf (s, ", %s", _("scar enhances"));
      else if (scar->values[phase] < v - 0.1)
        g_string_append_printf (s, ", %s", _("scar spared"));
    }
  /* §4.3 gives no liver value for the transitional phase, so the TP value is
   * compared with the lesion's own delayed value, not with liver. */
  if (phase == HEP_CURVE_PHASE_DELAYED && hep_curve_value_is_set (set->tp_gadoxetate_180) &&
      set->tp_gadoxetate_180 < v - 0.05)
    g_string_append_printf (s, "; %s", _("TP falls (pseudo-washout)"));
  return g_string_free (s, FALSE);
}

char *
hep_diagram_describe_phase (const HepCurveSet       *set,
                            const HepDiagramOptions *options,
                            HepCurvePhase            phase)
{
  GString *s;
  g_autofree char *aorta = NULL;
  g_autofree char *liver = NULL;

  g_return_val_if_fail (set != NULL && options != NULL, NULL);
  g_return_val_if_fail (phase <= HEP_CURVE_PHASE_HBP, NULL);

  s = g_string_new (NULL);
  g_string_append_printf (s, "%s (%s)", hep_curve_phase_get_label (phase), time_label (phase));
  if (options->n_compare == 0)
    {
      g_autofree char *words = phase_words (set, phase);

      g_string_append_printf (s, ": %s", words);
      for (guint i = 0; i < set->n_parts; i++)
        {
          g_autofree char *value = format_value (set->parts[i].values[phase]);

          g_string_append_printf (s, "\n%s %s", _(set->parts[i].label), value);
        }
    }
  else
    {
      const HepCurveSet *sets[1 + HEP_DIAGRAM_MAX_COMPARE] = { set, };

      for (guint i = 0; i < options->n_compare; i++)
        sets[i + 1] = options->compare[i];
      for (guint i = 0; i < 1 + options->n_compare; i++)
        {
          g_autofree char *value = format_value (sets[i]->parts[0].values[phase]);

          g_string_append_printf (s, "\n%s %s", _(sets[i]->label), value);
        }
    }
  if (phase == HEP_CURVE_PHASE_DELAYED && hep_curve_value_is_set (set->tp_gadoxetate_180))
    {
      g_autofree char *value = format_value (set->tp_gadoxetate_180);

      g_string_append_printf (s, "\n%s %s", _("TP (gadoxetate)"), value);
    }
  liver = format_value (hep_curve_set_background (set, phase));
  aorta = format_value (hep_curve_reference_get (HEP_CURVE_REF_AORTA, phase));
  g_string_append_printf (s, "\n%s %s\n%s %s", hep_curve_reference_get_label (set->background), liver,
                          hep_curve_reference_get_label (HEP_CURVE_REF_AORTA), aorta);
  return g_string_free (s, FALSE);
}

/* Wraps @text into lines of at most @max_chars characters (at spaces). */
static GPtrArray *
wrap_text (const char *text,
           int         max_chars)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) words = g_strsplit (text, " ", -1);
  GString *line = g_string_new (NULL);

  max_chars = MAX (max_chars, 8);
  for (guint i = 0; words[i] != NULL; i++)
    {
      if (line->len > 0 &&
          (int) (g_utf8_strlen (line->str, -1) + 1 + g_utf8_strlen (words[i], -1)) > max_chars)
        {
          g_ptr_array_add (lines, g_strdup (line->str));
          g_string_truncate (line, 0);
        }
      if (line->len > 0)
        g_string_append_c (line, ' ');
      g_string_append (line, words[i]);
    }
  if (line->len > 0)
    g_ptr_array_add (lines, g_strdup (line->str));
  g_string_free (line, TRUE);
  return lines;
}

static void
text_at (HepSvgWriter *w,
         const char   *text,
         double        x,
         double        y,
         double        size,
         const char   *anchor,
         const char   *fill,
         gboolean      bold)
{

  hep_svg_writer_text_element (w, "text", text,
                               "x", num (x), "y", num (y),
                               "font-size", num (size),
                               "text-anchor", anchor,
                               "fill", fill,
                               bold ? "font-weight" : NULL, "bold",
                               NULL);
}

/* Writes @text wrapped to @width pixels; returns the y below the last line. */
static double
wrapped_text_at (HepSvgWriter *w,
                 const char   *text,
                 double        x,
                 double        y,
                 double        width,
                 double        size,
                 const char   *fill,
                 gboolean      bold)
{
  g_autoptr(GPtrArray) lines = wrap_text (text, (int) (width / (size * 0.58)));

  for (guint i = 0; i < lines->len; i++)
    {
      text_at (w, lines->pdata[i], x, y, size, "start", fill, bold);
      y += size * 1.3;
    }
  return y;
}

static void
write_header (HepSvgWriter *w,
              const char   *title,
              const char   *desc,
              double        width,
              double        height,
              const Theme  *theme,
              double        font_size)
{

  hep_svg_writer_text_element (w, "title", title, "id", "title", NULL);
  hep_svg_writer_text_element (w, "desc", desc, "id", "desc", NULL);
  hep_svg_writer_element (w, "rect", "x", "0", "y", "0",
                          "width", num (width), "height", num (height),
                          "fill", theme->background, NULL);
  hep_svg_writer_begin (w, "g", "font-family", FONT_FAMILY, "font-size", num (font_size), NULL);
}

/* ---- curve diagram ------------------------------------------------------- */

/* Horizontal positions in "units": the ECA phases, then a break, then HBP. */
static const double unit_pos[HEP_CURVE_N_POINTS] = { 0, 0.7, 1.4, 2.4, 3.4, 4.6 };
#define UNIT_MIN (-0.45)
#define UNIT_MAX 5.05
#define UNIT_BREAK 4.0
#define BAND_HALF 0.38

typedef struct {
  double width, height;
  double font;
  double x0, x1, y0, y1;
  double legend_x, legend_w;
} CurveLayout;

static void
curve_layout (const HepDiagramOptions *options,
              CurveLayout             *l)
{
  double pad;

  get_size (options, &l->width, &l->height);
  l->font = CLAMP (MIN (l->width / 800.0, l->height / 500.0) * 12.5, 7.5, 18.0);
  pad = l->font * 1.3;
  l->legend_w = CLAMP (l->width * 0.28, 120, 300);
  l->legend_x = l->width - l->legend_w - pad * 0.5;
  l->x0 = pad + l->font * 3.6;
  l->x1 = MAX (l->legend_x - pad, l->x0 + 40);
  l->y0 = pad + l->font * 4.6;
  l->y1 = MAX (l->height - pad * 0.5 - l->font * 6.2, l->y0 + 40);
}

static double
curve_x (const CurveLayout *l,
         double             unit)
{
  return l->x0 + (unit - UNIT_MIN) / (UNIT_MAX - UNIT_MIN) * (l->x1 - l->x0);
}

static double
curve_y (const CurveLayout *l,
         double             value)
{
  return l->y1 - CLAMP (value, 0.0, 1.0) * (l->y1 - l->y0);
}

static void
write_marker (HepSvgWriter *w,
              Marker        marker,
              double        x,
              double        y,
              double        r,
              const char   *stroke,
              const char   *fill)
{
  g_autoptr(HepSvgPath) p = hep_svg_path_new ();

  switch (marker)
    {
    case MARKER_CIRCLE:
      hep_svg_writer_element (w, "circle", "cx", num (x), "cy", num (y), "r", num (r),
                              "fill", fill, "stroke", stroke, "stroke-width", "1.5", NULL);
      return;
    case MARKER_SQUARE:
      hep_svg_writer_element (w, "rect", "x", num (x - r * 0.9), "y", num (y - r * 0.9),
                              "width", num (r * 1.8), "height", num (r * 1.8),
                              "fill", fill, "stroke", stroke, "stroke-width", "1.5", NULL);
      return;
    case MARKER_TRIANGLE:
      hep_svg_path_move_to (p, x, y - r * 1.2);
      hep_svg_path_line_to (p, x + r * 1.1, y + r * 0.8);
      hep_svg_path_line_to (p, x - r * 1.1, y + r * 0.8);
      break;
    case MARKER_TRIANGLE_DOWN:
      hep_svg_path_move_to (p, x, y + r * 1.2);
      hep_svg_path_line_to (p, x + r * 1.1, y - r * 0.8);
      hep_svg_path_line_to (p, x - r * 1.1, y - r * 0.8);
      break;
    case MARKER_DIAMOND:
    default:
      hep_svg_path_move_to (p, x, y - r * 1.3);
      hep_svg_path_line_to (p, x + r * 1.1, y);
      hep_svg_path_line_to (p, x, y + r * 1.3);
      hep_svg_path_line_to (p, x - r * 1.1, y);
      break;
    }
  hep_svg_path_close (p);
  hep_svg_writer_element (w, "path", "d", hep_svg_path_get_data (p),
                          "fill", fill, "stroke", stroke, "stroke-width", "1.5", NULL);
}

typedef struct {
  const char        *id;
  const char        *label;        /* translated */
  const double      *values;
  const SeriesStyle *style;
  double             line_width;
  double             tp;           /* NAN: none */
} Series;

static void
write_series (HepSvgWriter      *w,
              const CurveLayout *l,
              const Series      *s,
              HepDiagramTheme    theme_id)
{
  const Theme *theme = &themes[theme_id];
  const char *colour = style_colour (s->style, theme_id);
  g_autoptr(HepSvgPath) p = hep_svg_path_new ();
  gboolean started = FALSE;
  double r = l->font * 0.33;

  hep_svg_writer_begin (w, "g", "class", "series", "id", s->id, NULL);
  for (guint i = 0; i < HEP_CURVE_PHASE_HBP; i++)
    {
      if (!hep_curve_value_is_set (s->values[i]))
        continue;
      if (!started)
        hep_svg_path_move_to (p, curve_x (l, unit_pos[i]), curve_y (l, s->values[i]));
      else
        hep_svg_path_line_to (p, curve_x (l, unit_pos[i]), curve_y (l, s->values[i]));
      started = TRUE;
    }
  if (started)
    hep_svg_writer_element (w, "path", "d", hep_svg_path_get_data (p),
                            "fill", "none", "stroke", colour,
                            "stroke-width", num (s->line_width),
                            "stroke-linejoin", "round", "stroke-linecap", "round",
                            s->style->dash ? "stroke-dasharray" : NULL, s->style->dash,
                            NULL);
  for (guint i = 0; i < HEP_CURVE_N_POINTS; i++)
    {
      double x, y;

      if (!hep_curve_value_is_set (s->values[i]))
        continue;
      x = curve_x (l, unit_pos[i]);
      y = curve_y (l, s->values[i]);
      if (i == HEP_CURVE_PHASE_HBP)
        {
          /* A short level line: the HBP value stands alone after the break. */
          hep_svg_writer_element (w, "line",
                                  "x1", num (x - l->font * 1.4), "y1", num (y),
                                  "x2", num (x + l->font * 1.4), "y2", num (y),
                                  "stroke", colour, "stroke-width", num (s->line_width),
                                  s->style->dash ? "stroke-dasharray" : NULL, s->style->dash,
                                  NULL);
          hep_svg_writer_end (w);
          hep_svg_writer_begin (w, "g", "class", "series-hbp", NULL);
        }
      write_marker (w, s->style->marker, x, y, r, colour, colour);
    }
  if (hep_curve_value_is_set (s->tp))
    {
      double x = curve_x (l, unit_pos[HEP_CURVE_PHASE_DELAYED] + 0.3);
      double y = curve_y (l, s->tp);

      write_marker (w, s->style->marker, x, y, r * 1.2, colour, theme->background);
      text_at (w, _("TP"), x + r * 2.2, y + l->font * 0.35, l->font * 0.85, "start", colour, FALSE);
    }
  hep_svg_writer_end (w);
}

static void
write_legend_entry (HepSvgWriter      *w,
                    const CurveLayout *l,
                    const Series      *s,
                    HepDiagramTheme    theme_id,
                    double            *y)
{
  const Theme *theme = &themes[theme_id];
  const char *colour = style_colour (s->style, theme_id);
  double x = l->legend_x;
  double sample = l->font * 2.6;
  double yy = *y - l->font * 0.35;

  hep_svg_writer_element (w, "line", "x1", num (x), "y1", num (yy),
                          "x2", num (x + sample), "y2", num (yy),
                          "stroke", colour, "stroke-width", num (s->line_width),
                          s->style->dash ? "stroke-dasharray" : NULL, s->style->dash, NULL);
  write_marker (w, s->style->marker, x + sample / 2, yy, l->font * 0.33, colour, colour);
  *y = wrapped_text_at (w, s->label, x + sample + l->font * 0.6, *y,
                        l->legend_w - sample - l->font * 0.6, l->font, theme->foreground, FALSE);
  *y += l->font * 0.35;
}

static void
describe_curves (GString           *desc,
                 const HepCurveSet *set,
                 guint              n_sets,
                 const HepCurveSet *const *sets,
                 char             **labels)
{
  for (guint p = 0; p < HEP_CURVE_N_POINTS; p++)
    {
      g_autofree char *aorta = format_value (hep_curve_reference_get (HEP_CURVE_REF_AORTA, p));

      /* "portal venous (70 s), hypo, washout: Lesion 0.20, …, Aorta 0.70." */
      g_string_append_printf (desc, " %s (%s)", hep_curve_phase_get_label (p), time_label (p));
      if (n_sets == 1)
        {
          g_autofree char *words = phase_words (set, p);

          g_string_append_printf (desc, ", %s", words);
        }
      g_string_append_c (desc, ':');
      for (guint k = 0; k < n_sets; k++)
        {
          const HepCurveSet *s = sets[k];
          guint n = n_sets > 1 ? 1 : s->n_parts;

          for (guint i = 0; i < n; i++)
            {
              g_autofree char *value = format_value (s->parts[i].values[p]);

              g_string_append_printf (desc, " %s %s,", n_sets > 1 ? labels[k] : _(s->parts[i].label), value);
            }
        }
      for (guint r = HEP_CURVE_REF_LIVER_NORMAL; r < HEP_CURVE_N_REFS; r++)
        {
          gboolean used = FALSE;

          for (guint k = 0; k < n_sets; k++)
            used |= sets[k]->background == r;
          if (used)
            {
              g_autofree char *liver = format_value (hep_curve_reference_get (r, p));

              g_string_append_printf (desc, " %s %s,", hep_curve_reference_get_label (r), liver);
            }
        }
      g_string_append_printf (desc, " %s %s.", hep_curve_reference_get_label (HEP_CURVE_REF_AORTA), aorta);
    }
  for (guint k = 0; k < n_sets; k++)
    if (hep_curve_value_is_set (sets[k]->tp_gadoxetate_180))
      {
        g_autofree char *tp = format_value (sets[k]->tp_gadoxetate_180);

        g_string_append_printf (desc, " %s: %s %s.", _("Transitional phase with gadoxetate at 180 s"),
                                _(sets[k]->label), tp);
      }
}

static char *
curve_svg (const HepCurveSet       *set,
           const HepDiagramOptions *options,
           char                   **text_alternative)
{
  const Theme *theme = &themes[options->theme];
  const HepCurveSet *sets[1 + HEP_DIAGRAM_MAX_COMPARE] = { set, };
  guint n_sets = 1 + options->n_compare;
  g_autoptr(HepSvgWriter) w = NULL;
  g_autoptr(GString) desc = g_string_new (NULL);
  g_autofree char *title = NULL;
  Series series[HEP_CURVE_N_REFS + HEP_CURVE_MAX_PARTS + HEP_DIAGRAM_MAX_COMPARE];
  guint n_series = 0;
  char *labels[1 + HEP_DIAGRAM_MAX_COMPARE] = { NULL, };
  gboolean any_tp = FALSE;
  CurveLayout l;
  double y, fs;

  for (guint i = 0; i < options->n_compare; i++)
    sets[i + 1] = options->compare[i];
  curve_layout (options, &l);
  fs = l.font;

  /* The series: aorta, background livers, then the lesion parts (one set)
   * or each set's primary curve (comparison). */
  series[n_series++] = (Series) { "aorta", hep_curve_reference_get_label (HEP_CURVE_REF_AORTA),
                                  hep_curve_reference_get_values (HEP_CURVE_REF_AORTA),
                                  &aorta_style, 2.0, NAN };
  for (guint r = HEP_CURVE_REF_LIVER_NORMAL; r < HEP_CURVE_N_REFS; r++)
    {
      gboolean used = FALSE;

      for (guint k = 0; k < n_sets; k++)
        used |= sets[k]->background == r;
      if (used)
        series[n_series++] = (Series) { hep_curve_reference_get_id (r), hep_curve_reference_get_label (r),
                                        hep_curve_reference_get_values (r),
                                        &liver_styles[r - HEP_CURVE_REF_LIVER_NORMAL], 2.4, NAN };
    }
  if (n_sets == 1)
    {
      for (guint i = 0; i < set->n_parts; i++)
        {
          series[n_series++] = (Series) { set->parts[i].id, _(set->parts[i].label), set->parts[i].values,
                                          &lesion_styles[i % G_N_ELEMENTS (lesion_styles)],
                                          set->parts[i].variant ? 1.8 : (i == 0 ? 3.2 : 2.6),
                                          i == 0 ? set->tp_gadoxetate_180 : NAN };
        }
    }
  else
    {
      for (guint k = 0; k < n_sets; k++)
        {
          const HepCurvePart *primary = &sets[k]->parts[0];

          /* Name the part when the primary curve is not the whole lesion. */
          if (primary->role == HEP_CURVE_ROLE_WHOLE && g_str_equal (primary->id, "lesion"))
            labels[k] = g_strdup (_(sets[k]->label));
          else
            labels[k] = g_strdup_printf (_("%s: %s"), _(sets[k]->label), _(primary->label));
          series[n_series++] = (Series) { sets[k]->id, labels[k], primary->values,
                                          &lesion_styles[k], 3.0, sets[k]->tp_gadoxetate_180 };
        }
    }
  for (guint i = 0; i < n_series; i++)
    any_tp |= hep_curve_value_is_set (series[i].tp);

  if (n_sets == 1)
    title = g_strdup_printf (_("Enhancement curves: %s"), _(set->label));
  else
    title = g_strdup (_("Enhancement curves compared"));

  g_string_append_printf (desc, _("Schematic time–intensity curves, not measured: enhancement above the "
                                  "precontrast baseline (1.0 ≈ +200 HU) of %s"), _(set->label));
  for (guint k = 1; k < n_sets; k++)
    g_string_append_printf (desc, k + 1 == n_sets ? _(" and %s") : ", %s", _(sets[k]->label));
  if (n_sets == 1)
    g_string_append_printf (desc, _(", against %s and the aorta; the HBP point is gadoxetate MR signal on "
                                    "its own scale."), hep_curve_reference_get_label (set->background));
  else
    g_string_append (desc, _(", against the background liver and the aorta; the HBP point is gadoxetate MR "
                             "signal on its own scale."));
  describe_curves (desc, set, n_sets, sets, labels);

  w = hep_svg_writer_new (l.width, l.height);
  write_header (w, title, desc->str, l.width, l.height, theme, fs);

  /* Title and subtitle. */
  text_at (w, title, l.x0 - fs * 3.0, fs * 1.3 + fs * 1.4, fs * 1.45, "start", theme->foreground, TRUE);
  text_at (w, _("Schematic, not measured. Enhancement above the precontrast baseline."),
           l.x0 - fs * 3.0, fs * 1.3 + fs * 3.0, fs, "start", theme->muted, FALSE);

  /* Phase bands and their labels under the axis. */
  hep_svg_writer_begin (w, "g", "class", "bands", NULL);
  for (guint p = 0; p < HEP_CURVE_N_POINTS; p++)
    {
      double xa, xb, xc = curve_x (&l, unit_pos[p]);
      g_autofree char *label = NULL;
      g_auto(GStrv) lines = NULL;

      if (p != HEP_CURVE_PHASE_EARLY_ARTERIAL)
        {
          xa = curve_x (&l, unit_pos[p] - BAND_HALF);
          xb = curve_x (&l, unit_pos[p] + BAND_HALF);
          hep_svg_writer_element (w, "rect", "class", "band",
                                  "x", num (xa), "y", num (l.y0),
                                  "width", num (xb - xa), "height", num (l.y1 - l.y0),
                                  "fill", theme->band, NULL);
        }
      /* Two lines at most: the label's words split at the first space,
       * "HBP (gadoxetate)" → "HBP" / "(gadoxetate)". */
      /* In a narrow plot the early-arterial point keeps only its time. */
      if (p == HEP_CURVE_PHASE_EARLY_ARTERIAL && curve_x (&l, unit_pos[2]) - xc < fs * 4.2)
        label = g_strdup ("");
      else
        label = g_strdup (hep_curve_phase_get_label (p));
      lines = g_strsplit (label, " ", 2);
      for (guint k = 0; lines[k] != NULL; k++)
        text_at (w, lines[k], xc, l.y1 + fs * (1.35 + 1.2 * k), fs * 0.92, "middle", theme->foreground,
                 p != HEP_CURVE_PHASE_EARLY_ARTERIAL);
      text_at (w, time_label (p), xc, l.y1 + fs * 3.85, fs * 0.85, "middle", theme->muted, FALSE);
    }
  text_at (w, _("gadoxetate"), curve_x (&l, unit_pos[HEP_CURVE_PHASE_HBP]), l.y0 + fs * 1.2,
           fs * 0.8, "middle", theme->muted, FALSE);
  text_at (w, _("MR scale"), curve_x (&l, unit_pos[HEP_CURVE_PHASE_HBP]), l.y0 + fs * 2.2,
           fs * 0.8, "middle", theme->muted, FALSE);
  hep_svg_writer_end (w);

  /* Grid and y axis. */
  hep_svg_writer_begin (w, "g", "class", "grid", NULL);
  for (guint i = 0; i <= 4; i++)
    {
      double v = i / 4.0;
      double yy = curve_y (&l, v);

      hep_svg_writer_element (w, "line", "x1", num (l.x0), "y1", num (yy),
                              "x2", num (l.x1), "y2", num (yy),
                              "stroke", theme->grid, "stroke-width", "1", NULL);
      text_at (w, num (v), l.x0 - fs * 0.5, yy + fs * 0.35, fs * 0.85, "end", theme->muted, FALSE);
    }
  {
    char rot[64];
    double tx = l.x0 - fs * 3.0, ty = (l.y0 + l.y1) / 2;

    g_snprintf (rot, sizeof rot, "rotate(-90 %s %s)", num (tx), num (ty));
    hep_svg_writer_text_element (w, "text", _("enhancement (1.0 ≈ +200 HU)"),
                                 "x", num (tx), "y", num (ty),
                                 "font-size", num (fs * 0.85), "text-anchor", "middle",
                                 "fill", theme->muted, "transform", rot, NULL);
  }
  hep_svg_writer_end (w);

  /* Axes with the break before HBP. */
  hep_svg_writer_begin (w, "g", "class", "axes", "stroke", theme->foreground, "stroke-width", "1.5", NULL);
  {
    double xb = curve_x (&l, UNIT_BREAK);
    double gap = fs * 0.35;
    g_autoptr(HepSvgPath) p = hep_svg_path_new ();

    hep_svg_writer_element (w, "line", "x1", num (l.x0), "y1", num (l.y0),
                            "x2", num (l.x0), "y2", num (l.y1), NULL);
    hep_svg_writer_element (w, "line", "x1", num (l.x0), "y1", num (l.y1),
                            "x2", num (xb - gap), "y2", num (l.y1), NULL);
    hep_svg_writer_element (w, "line", "x1", num (xb + gap), "y1", num (l.y1),
                            "x2", num (l.x1), "y2", num (l.y1), NULL);
    for (int k = -1; k <= 1; k += 2)
      {
        hep_svg_path_move_to (p, xb + k * gap - fs * 0.3, l.y1 + fs * 0.6);
        hep_svg_path_line_to (p, xb + k * gap + fs * 0.3, l.y1 - fs * 0.6);
      }
    hep_svg_writer_element (w, "path", "class", "axis-break", "d", hep_svg_path_get_data (p), "fill", "none", NULL);
    hep_svg_writer_element (w, "line", "class", "agent-switch",
                            "x1", num (xb), "y1", num (l.y0),
                            "x2", num (xb), "y2", num (l.y1 - fs * 0.8),
                            "stroke", theme->muted, "stroke-width", "1", "stroke-dasharray", "3 3", NULL);
    for (guint i = 0; i < HEP_CURVE_N_POINTS; i++)
      {
        double xt = curve_x (&l, unit_pos[i]);

        hep_svg_writer_element (w, "line", "x1", num (xt), "y1", num (l.y1),
                                "x2", num (xt), "y2", num (l.y1 + fs * 0.35), NULL);
      }
  }
  hep_svg_writer_end (w);

  /* Series, references first so lesion curves are drawn on top. */
  for (guint i = 0; i < n_series; i++)
    write_series (w, &l, &series[i], options->theme);

  /* Legend. */
  hep_svg_writer_begin (w, "g", "class", "legend", NULL);
  y = l.y0 + fs * 0.2;
  if (n_sets == 1)
    y = wrapped_text_at (w, _(set->label), l.legend_x, y, l.legend_w, fs, theme->foreground, TRUE) + fs * 0.4;
  for (guint i = 0; i < n_series; i++)
    write_legend_entry (w, &l, &series[i], options->theme, &y);
  y += fs * 0.5;
  if (any_tp)
    y = wrapped_text_at (w, _("Hollow marker (TP): gadoxetate transitional phase at 180 s, pseudo-washout."),
                         l.legend_x, y, l.legend_w, fs * 0.85, theme->muted, FALSE) + fs * 0.3;
  y = wrapped_text_at (w, _("Up to 180 s: extracellular agent (CT or ECA-MRI). HBP: gadoxetate MR signal, "
                            "normal liver ≈ 0.65."),
                       l.legend_x, y, l.legend_w, fs * 0.85, theme->muted, FALSE);
  hep_svg_writer_end (w);

  /* The note, visibly. */
  text_at (w, _("Schematic, not measured — for education only."), l.x0 - fs * 3.0,
           l.height - fs * 0.9, fs, "start", theme->foreground, TRUE);

  for (guint k = 0; k < G_N_ELEMENTS (labels); k++)
    g_free (labels[k]);
  if (text_alternative != NULL)
    *text_alternative = g_strdup (desc->str);
  return hep_svg_writer_free_to_string (g_steal_pointer (&w));
}

/* ---- phase strip --------------------------------------------------------- */

static const HepCurvePhase strip_phases[] = {
  HEP_CURVE_PHASE_PRE,
  HEP_CURVE_PHASE_LATE_ARTERIAL,
  HEP_CURVE_PHASE_PORTAL_VENOUS,
  HEP_CURVE_PHASE_DELAYED,
  HEP_CURVE_PHASE_HBP,
};
#define N_STRIP G_N_ELEMENTS (strip_phases)

/* The liver drawing lives in a 100 × 72 box (image left = patient right). */
#define BOX_W 100.0
#define BOX_H 72.0
#define LESION_X 32.0
#define LESION_Y 32.0
#define LESION_R 11.0
#define AORTA_X 62.0
#define AORTA_Y 61.0
#define AORTA_R 4.5

typedef struct {
  double width, height, font, pad;
  double head_y;       /* baseline of the column headings */
  double rows_y;       /* top of the first row */
  double row_h;
  double cell_w;
  double panel_w, panel_h;
  double label_h;      /* row label above the panels (comparisons) */
  double foot_y;
} StripLayout;

static void
strip_layout (const HepDiagramOptions *options,
              StripLayout             *l)
{
  guint rows = 1 + options->n_compare;
  double avail_h, scale;

  get_size (options, &l->width, &l->height);
  l->font = CLAMP (MIN (l->width / 900.0, l->height / (120.0 + 150.0 * rows)) * 12.5, 8.0, 18.0);
  l->pad = l->font * 1.2;
  l->head_y = l->pad + l->font * 5.0;
  l->rows_y = l->head_y + l->font * 2.6;   /* two heading lines: phase, then time */
  l->foot_y = l->height - l->pad * 0.5 - l->font * 1.6;
  avail_h = MAX (l->foot_y - l->rows_y - l->font * 0.8, 40);
  l->row_h = avail_h / rows;
  l->label_h = rows > 1 ? l->font * 1.5 : 0;
  l->cell_w = (l->width - 2 * l->pad) / N_STRIP;
  /* Panel: the box aspect, as large as the cell allows (words below). */
  scale = MIN ((l->cell_w - l->font * 0.8) / BOX_W,
               (l->row_h - l->label_h - l->font * 2.0) / BOX_H);
  scale = MAX (scale, 0.2);
  l->panel_w = BOX_W * scale;
  l->panel_h = BOX_H * scale;

  /* When the panels are limited by the width, centre the rows vertically. */
  {
    double row_content = l->label_h + l->panel_h + l->font * 2.6;
    double spare = avail_h - row_content * rows;

    if (spare > 0)
      {
        l->row_h = row_content;
        l->head_y += spare / 2;
        l->rows_y += spare / 2;
      }
  }
}

/* Grey level of @value windowed on the liver of that phase: liver is mid
 * grey, each 0.1 of difference moves a quarter of the range, or less when
 * the lesion is far from liver (see window_gain()) [D]. */
static void
grey_for (double  value,
          double  liver,
          double  gain,
          char   *buf)
{
  double g = 0.5 + gain * (value - liver);
  int v;

  g = CLAMP (g, 0.06, 0.97);
  v = (int) lround (g * 255);
  g_snprintf (buf, 8, "#%02X%02X%02X", v, v, v);
}

/* Like a reader setting the window of each image: the steepest window that
 * keeps every part of the lesion apart (so a targetoid HBP, all far below
 * liver, still shows its brighter centre). */
static double
window_gain (const HepCurveSet *set,
             HepCurvePhase      phase)
{
  double liver = hep_curve_set_background (set, phase);
  double spread = 0;

  for (guint i = 0; i < set->n_parts; i++)
    if (!set->parts[i].variant && hep_curve_value_is_set (set->parts[i].values[phase]))
      spread = MAX (spread, fabs (set->parts[i].values[phase] - liver));
  return spread > 0.18 ? 0.45 / spread : 2.5;
}

static void
liver_path (HepSvgPath *p)
{
  hep_svg_path_move_to (p, 8, 30);
  hep_svg_path_curve_to (p, 8, 12, 30, 6, 50, 8);
  hep_svg_path_curve_to (p, 66, 9, 84, 10, 94, 18);
  hep_svg_path_curve_to (p, 97, 23, 90, 27, 80, 30);
  hep_svg_path_curve_to (p, 68, 35, 60, 43, 50, 51);
  hep_svg_path_curve_to (p, 40, 61, 24, 66, 14, 58);
  hep_svg_path_curve_to (p, 8, 52, 7, 40, 8, 30);
  hep_svg_path_close (p);
}

static void
disc (HepSvgWriter *w,
      double        x,
      double        y,
      double        r,
      const char   *fill,
      const char   *extra_name,
      const char   *extra_value)
{

  hep_svg_writer_element (w, "circle", "cx", num (x), "cy", num (y), "r", num (r),
                          "fill", fill, extra_name, extra_value, NULL);
}

static double
part_value (const HepCurvePart *part,
            HepCurvePhase       phase,
            double              fallback)
{
  if (part == NULL || !hep_curve_value_is_set (part->values[phase]))
    return fallback;
  return part->values[phase];
}

/* The lesion's body (everything inside its outline) for one phase. */
static void
write_lesion_body (HepSvgWriter      *w,
                   const HepCurveSet *set,
                   HepCurvePhase      phase,
                   double             liver,
                   double             gain,
                   const char        *clip_id)
{
  const HepCurvePart *whole = hep_curve_set_find_role (set, HEP_CURVE_ROLE_WHOLE);
  const HepCurvePart *rim = hep_curve_set_find_role (set, HEP_CURVE_ROLE_RIM);
  const HepCurvePart *centre = hep_curve_set_find_role (set, HEP_CURVE_ROLE_CENTRE);
  const HepCurvePart *nodules = hep_curve_set_find_role (set, HEP_CURVE_ROLE_NODULES);
  const HepCurvePart *scar = hep_curve_set_find_role (set, HEP_CURVE_ROLE_SCAR);
  double main_value = part_value (&set->parts[0], phase, liver);
  char grey[8];

  if (nodules != NULL)
    {
      /* Discontinuous peripheral nodules that grow with the fill fraction
       * (from the whole-lesion mean when there is one). */
      static const double default_fill[HEP_CURVE_N_POINTS] = { 0, 0.2, 0.2, 0.4, 0.6, 0.6 };
      double n = part_value (nodules, phase, liver);
      double c = centre != NULL && set->centre_scale >= 0.99 ? part_value (centre, phase, 0) : 0;
      double f = default_fill[phase];
      char clip[64];

      if (whole != NULL && n - c > 0.02)
        f = CLAMP ((part_value (whole, phase, c) - c) / (n - c), 0.1, 1.0);
      grey_for (c, liver, gain, grey);
      disc (w, LESION_X, LESION_Y, LESION_R, grey, NULL, NULL);
      g_snprintf (clip, sizeof clip, "url(#%s)", clip_id);
      hep_svg_writer_begin (w, "clipPath", "id", clip_id, NULL);
      disc (w, LESION_X, LESION_Y, LESION_R, "#000000", NULL, NULL);
      hep_svg_writer_end (w);
      grey_for (n, liver, gain, grey);
      hep_svg_writer_begin (w, "g", "class", "nodules", "clip-path", clip, NULL);
      for (guint k = 0; k < 8; k++)
        {
          double a = (k * 45.0 + 20.0) * G_PI / 180.0;
          double rn = LESION_R * (0.14 + 0.46 * f);
          double d = LESION_R - rn * 0.7;

          disc (w, LESION_X + d * cos (a), LESION_Y + d * sin (a), rn, grey, NULL, NULL);
        }
      hep_svg_writer_end (w);
      if (centre != NULL && set->centre_scale < 0.99)
        {
          grey_for (part_value (centre, phase, 0), liver, gain, grey);
          disc (w, LESION_X + 0.8, LESION_Y - 0.5, LESION_R * set->centre_scale, grey, NULL, NULL);
        }
      return;
    }

  if (rim != NULL)
    {
      grey_for (part_value (rim, phase, liver), liver, gain, grey);
      disc (w, LESION_X, LESION_Y, LESION_R, grey, NULL, NULL);
      grey_for (part_value (centre, phase, main_value), liver, gain, grey);
      disc (w, LESION_X, LESION_Y, LESION_R * set->centre_scale, grey, NULL, NULL);
    }
  else
    {
      grey_for (main_value, liver, gain, grey);
      switch (set->shape)
        {
        case HEP_CURVE_SHAPE_WEDGE:
          {
            g_autoptr(HepSvgPath) p = hep_svg_path_new ();

            hep_svg_path_move_to (p, 22, 10);
            hep_svg_path_line_to (p, 46, 8.2);
            hep_svg_path_line_to (p, 35, 31);
            hep_svg_path_close (p);
            hep_svg_writer_element (w, "path", "d", hep_svg_path_get_data (p), "fill", grey, NULL);
          }
          break;
        case HEP_CURVE_SHAPE_MULTIPLE:
          {
            static const double spots[][2] = { { 22, 22 }, { 34, 17 }, { 44, 29 }, { 26, 41 }, { 37, 44 }, { 17, 33 } };

            for (guint k = 0; k < G_N_ELEMENTS (spots); k++)
              disc (w, spots[k][0], spots[k][1], 2.6, grey, NULL, NULL);
          }
          break;
        case HEP_CURVE_SHAPE_GEOGRAPHIC:
          {
            g_autoptr(HepSvgPath) p = hep_svg_path_new ();

            hep_svg_path_move_to (p, 52, 14);
            hep_svg_path_line_to (p, 62, 12);
            hep_svg_path_line_to (p, 69, 18);
            hep_svg_path_line_to (p, 64, 26);
            hep_svg_path_line_to (p, 55, 28);
            hep_svg_path_line_to (p, 49, 21);
            hep_svg_path_close (p);
            hep_svg_writer_element (w, "path", "d", hep_svg_path_get_data (p), "fill", grey, NULL);
          }
          break;
        case HEP_CURVE_SHAPE_ROUND:
        default:
          disc (w, LESION_X, LESION_Y, LESION_R, grey, NULL, NULL);
          break;
        }
    }

  if (scar != NULL)
    {
      g_autoptr(HepSvgPath) p = hep_svg_path_new ();

      /* A small stellate scar. */
      for (guint k = 0; k < 10; k++)
        {
          double a = k * G_PI / 5.0 - G_PI / 2;
          double r = (k % 2 == 0) ? LESION_R * 0.42 : LESION_R * 0.15;

          if (k == 0)
            hep_svg_path_move_to (p, LESION_X + r * cos (a), LESION_Y + r * sin (a));
          else
            hep_svg_path_line_to (p, LESION_X + r * cos (a), LESION_Y + r * sin (a));
        }
      hep_svg_path_close (p);
      grey_for (part_value (scar, phase, liver), liver, gain, grey);
      hep_svg_writer_element (w, "path", "class", "scar", "d", hep_svg_path_get_data (p), "fill", grey, NULL);
    }
}

static void
write_lesion (HepSvgWriter      *w,
              const HepCurveSet *set,
              HepCurvePhase      phase,
              double             gain,
              const char        *clip_id)
{
  const HepCurvePart *capsule = hep_curve_set_find_role (set, HEP_CURVE_ROLE_CAPSULE);
  const HepCurvePart *around = hep_curve_set_find_role (set, HEP_CURVE_ROLE_SURROUNDINGS);
  double liver = hep_curve_set_background (set, phase);
  double main_value = part_value (&set->parts[0], phase, liver);
  char grey[8];

  if (around != NULL)
    {
      grey_for (part_value (around, phase, liver), liver, gain, grey);
      disc (w, LESION_X, LESION_Y, LESION_R * 1.55, grey, "class", "surroundings");
    }
  write_lesion_body (w, set, phase, liver, gain, clip_id);
  if (capsule != NULL)
    {
      grey_for (part_value (capsule, phase, liver), liver, gain, grey);
      hep_svg_writer_element (w, "circle", "class", "capsule", "cx", "32", "cy", "32", "r", "11",
                              "fill", "none", "stroke", grey, "stroke-width", "1.6", NULL);
    }
  /* Where the lesion is iso (and before contrast) a dashed outline shows
   * where it is. */
  if (set->shape == HEP_CURVE_SHAPE_ROUND &&
      (phase == HEP_CURVE_PHASE_PRE || relation (main_value, liver) == REL_ISO))
    hep_svg_writer_element (w, "circle", "class", "outline", "cx", "32", "cy", "32", "r", "11.8",
                            "fill", "none", "stroke", "#F5C400", "stroke-width", "0.7",
                            "stroke-dasharray", "1.6 1.4", NULL);
}

static void
write_panel (HepSvgWriter      *w,
             const StripLayout *l,
             const HepCurveSet *set,
             HepCurvePhase      phase,
             double             px,
             double             py,
             const Theme       *theme,
             guint              row,
             guint              col)
{
  double k = l->panel_w / BOX_W;
  double liver = hep_curve_set_background (set, phase);
  double aorta = hep_curve_reference_get (HEP_CURVE_REF_AORTA, phase);
  double gain = window_gain (set, phase);
  char transform[96], clip_id[32], grey[8];
  g_autoptr(HepSvgPath) p = hep_svg_path_new ();

  hep_svg_writer_element (w, "rect", "x", num (px), "y", num (py),
                          "width", num (l->panel_w), "height", num (l->panel_h),
                          "rx", num (l->font * 0.4),
                          "fill", theme->image, "stroke", theme->image_stroke, "stroke-width", "1", NULL);
  {
    /* Scale factors need more than two decimals. */
    char k4[G_ASCII_DTOSTR_BUF_SIZE];
    const char *x = num (px), *y = num (py);

    g_ascii_formatd (k4, sizeof k4, "%.4f", k);
    g_snprintf (transform, sizeof transform, "translate(%s %s) scale(%s)", x, y, k4);
  }
  hep_svg_writer_begin (w, "g", "class", "phase", "transform", transform, NULL);

  liver_path (p);
  grey_for (liver, liver, gain, grey);
  hep_svg_writer_element (w, "path", "class", "liver", "d", hep_svg_path_get_data (p),
                          "fill", grey, "stroke", "#9A9A9A", "stroke-width", "0.5", NULL);
  if (hep_curve_value_is_set (aorta))
    {
      grey_for (aorta, liver, gain, grey);
      disc (w, AORTA_X, AORTA_Y, AORTA_R, grey, "class", "aorta");
    }
  else
    hep_svg_writer_element (w, "circle", "class", "aorta", "cx", "62", "cy", "61", "r", "4.5",
                            "fill", "none", "stroke", "#6A6A6A", "stroke-width", "0.6",
                            "stroke-dasharray", "1.5 1.5", NULL);
  if (col == 0)
    hep_svg_writer_text_element (w, "text", _("aorta"), "x", "68.5", "y", "62.5", "font-size", "5",
                                 "fill", "#C8C8C8", NULL);

  g_snprintf (clip_id, sizeof clip_id, "clip-r%u-c%u", row, col);
  write_lesion (w, set, phase, gain, clip_id);
  hep_svg_writer_end (w);
}

static char *
phases_svg (const HepCurveSet       *set,
            const HepDiagramOptions *options,
            char                   **text_alternative)
{
  const Theme *theme = &themes[options->theme];
  const HepCurveSet *sets[1 + HEP_DIAGRAM_MAX_COMPARE] = { set, };
  guint n_sets = 1 + options->n_compare;
  g_autoptr(HepSvgWriter) w = NULL;
  g_autoptr(GString) desc = g_string_new (NULL);
  g_autofree char *title = NULL;
  StripLayout l;
  double fs;

  for (guint i = 0; i < options->n_compare; i++)
    sets[i + 1] = options->compare[i];
  strip_layout (options, &l);
  fs = l.font;

  if (n_sets == 1)
    title = g_strdup_printf (_("Phase by phase: %s"), _(set->label));
  else
    title = g_strdup (_("Phase by phase, compared"));

  g_string_append (desc, _("Schematic drawings, not measured: an axial liver in each contrast phase, "
                           "grey levels windowed on the liver of that phase (liver mid grey, brighter is "
                           "hyperenhancing)."));
  for (guint k = 0; k < n_sets; k++)
    {
      g_string_append_printf (desc, " %s:", _(sets[k]->label));
      for (guint c = 0; c < N_STRIP; c++)
        {
          g_autofree char *words = phase_words (sets[k], strip_phases[c]);

          g_string_append_printf (desc, " %s, %s%s", hep_curve_phase_get_label (strip_phases[c]), words,
                                  c + 1 < N_STRIP ? ";" : ".");
        }
    }

  w = hep_svg_writer_new (l.width, l.height);
  write_header (w, title, desc->str, l.width, l.height, theme, fs);
  text_at (w, title, l.pad, l.pad + fs * 1.4, fs * 1.45, "start", theme->foreground, TRUE);
  text_at (w, _("Schematic, not measured. Liver = mid grey in every phase; brighter = enhances more."),
           l.pad, l.pad + fs * 3.0, fs, "start", theme->muted, FALSE);

  hep_svg_writer_begin (w, "g", "class", "headings", NULL);
  for (guint c = 0; c < N_STRIP; c++)
    {
      double cx = l.pad + l.cell_w * (c + 0.5);

      /* the phase on one line, its time below: one line overlaps when narrow */
      text_at (w, hep_curve_phase_get_label (strip_phases[c]), cx, l.head_y, fs * 0.95, "middle",
               theme->foreground, TRUE);
      text_at (w, time_label (strip_phases[c]), cx, l.head_y + fs * 1.1, fs * 0.85, "middle",
               theme->muted, FALSE);
    }
  hep_svg_writer_end (w);

  for (guint r = 0; r < n_sets; r++)
    {
      double ry = l.rows_y + r * l.row_h;

      hep_svg_writer_begin (w, "g", "class", "row", "id", sets[r]->id, NULL);
      if (n_sets > 1)
        text_at (w, _(sets[r]->label), l.pad, ry + fs, fs, "start", theme->foreground, TRUE);
      for (guint c = 0; c < N_STRIP; c++)
        {
          double px = l.pad + l.cell_w * c + (l.cell_w - l.panel_w) / 2;
          double py = ry + l.label_h;
          g_autofree char *words = phase_words (sets[r], strip_phases[c]);
          g_autoptr(GPtrArray) lines = NULL;

          write_panel (w, &l, sets[r], strip_phases[c], px, py, theme, r, c);
          lines = wrap_text (words, (int) (l.cell_w / (fs * 0.55)));
          for (guint k = 0; k < lines->len && k < 2; k++)
            text_at (w, lines->pdata[k], px + l.panel_w / 2, py + l.panel_h + fs * (1.2 + 1.15 * k),
                     fs * 0.9, "middle", theme->foreground, FALSE);
        }
      hep_svg_writer_end (w);
    }

  text_at (w, _("Schematic, not measured — for education only. HBP: gadoxetate; aorta dashed where not given."),
           l.pad, l.height - fs * 0.9, fs * 0.9, "start", theme->foreground, TRUE);

  if (text_alternative != NULL)
    *text_alternative = g_strdup (desc->str);
  return hep_svg_writer_free_to_string (g_steal_pointer (&w));
}

/* ---- public -------------------------------------------------------------- */

char *
hep_diagram_to_svg (const HepCurveSet       *set,
                    const HepDiagramOptions *options,
                    char                   **text_alternative)
{
  g_return_val_if_fail (set != NULL, NULL);
  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (set->n_parts > 0, NULL);

  if (options->kind == HEP_DIAGRAM_KIND_PHASES)
    return phases_svg (set, options, text_alternative);
  return curve_svg (set, options, text_alternative);
}

int
hep_diagram_phase_at (const HepDiagramOptions *options,
                      double                   x,
                      double                   y)
{
  g_return_val_if_fail (options != NULL, -1);

  if (options->kind == HEP_DIAGRAM_KIND_PHASES)
    {
      StripLayout l;
      int col;

      strip_layout (options, &l);
      if (y < l.head_y - l.font * 1.2 || y > l.foot_y || x < l.pad || x >= l.width - l.pad)
        return -1;
      col = (int) ((x - l.pad) / l.cell_w);
      if (col < 0 || col >= (int) N_STRIP)
        return -1;
      return strip_phases[col];
    }
  else
    {
      CurveLayout l;
      double best = G_MAXDOUBLE;
      int phase = -1;

      curve_layout (options, &l);
      if (x < l.x0 || x > l.x1 || y < l.y0 || y > l.y1 + l.font * 4.2)
        return -1;
      for (guint i = 0; i < HEP_CURVE_N_POINTS; i++)
        {
          double d = fabs (x - curve_x (&l, unit_pos[i]));

          if (d < best)
            {
              best = d;
              phase = (int) i;
            }
        }
      return phase;
    }
}
