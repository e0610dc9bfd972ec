/* hep-diagram-curve.c: the enhancement-curve diagram
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "hep-diagram-private.h"

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


static const char *
style_colour (const SeriesStyle *style,
              HepDiagramTheme    theme)
{
  return hep_diagram_theme_is_dark (theme) ? style->dark : style->light;
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
  HepCurvePhase last;   /* the last phase drawn */
  gboolean large;
} CurveLayout;

static void
curve_layout (const HepDiagramOptions *options,
              CurveLayout             *l)
{
  double pad;

  _hep_diagram_get_size (options, &l->width, &l->height);
  l->large = options->large_text;
  l->last = options->up_to_phase ? options->last_phase : HEP_CURVE_PHASE_HBP;
  if (l->large)
    l->font = _hep_diagram_large_font (options, 0.8);   /* "gadoxetate", 0.8 × */
  else
    l->font = CLAMP (MIN (l->width / 800.0, l->height / 500.0) * 12.5, 7.5, 18.0);
  pad = l->font * 1.3;
  if (l->large)
    l->legend_w = CLAMP (l->width * 0.3, 120, l->font * 13);
  else
    l->legend_w = CLAMP (l->width * 0.28, 120, 300);
  l->legend_x = l->width - l->legend_w - pad * 0.5;
  l->x0 = pad + l->font * 3.6;
  l->x1 = MAX (l->legend_x - pad, l->x0 + 40);
  l->y0 = pad + l->font * (l->large ? 3.4 : 4.6);   /* large: no subtitle */
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
      hep_svg_writer_element (w, "circle", "cx", _hep_diagram_num (x), "cy", _hep_diagram_num (y), "r", _hep_diagram_num (r),
                              "fill", fill, "stroke", stroke, "stroke-width", "1.5", NULL);
      return;
    case MARKER_SQUARE:
      hep_svg_writer_element (w, "rect", "x", _hep_diagram_num (x - r * 0.9), "y", _hep_diagram_num (y - r * 0.9),
                              "width", _hep_diagram_num (r * 1.8), "height", _hep_diagram_num (r * 1.8),
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
  const Theme *theme = &_hep_diagram_themes[theme_id];
  const char *colour = style_colour (s->style, theme_id);
  g_autoptr(HepSvgPath) p = hep_svg_path_new ();
  gboolean started = FALSE;
  double r = l->font * 0.33;

  hep_svg_writer_begin (w, "g", "class", "series", "id", s->id, NULL);
  for (guint i = 0; i < HEP_CURVE_PHASE_HBP && i <= l->last; i++)
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
                            "stroke-width", _hep_diagram_num (s->line_width),
                            "stroke-linejoin", "round", "stroke-linecap", "round",
                            s->style->dash ? "stroke-dasharray" : NULL, s->style->dash,
                            NULL);
  for (guint i = 0; i < HEP_CURVE_N_POINTS && i <= l->last; i++)
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
                                  "x1", _hep_diagram_num (x - l->font * 1.4), "y1", _hep_diagram_num (y),
                                  "x2", _hep_diagram_num (x + l->font * 1.4), "y2", _hep_diagram_num (y),
                                  "stroke", colour, "stroke-width", _hep_diagram_num (s->line_width),
                                  s->style->dash ? "stroke-dasharray" : NULL, s->style->dash,
                                  NULL);
          hep_svg_writer_end (w);
          hep_svg_writer_begin (w, "g", "class", "series-hbp", NULL);
        }
      write_marker (w, s->style->marker, x, y, r, colour, colour);
    }
  if (hep_curve_value_is_set (s->tp) && l->last >= HEP_CURVE_PHASE_DELAYED)
    {
      double x = curve_x (l, unit_pos[HEP_CURVE_PHASE_DELAYED] + 0.3);
      double y = curve_y (l, s->tp);

      write_marker (w, s->style->marker, x, y, r * 1.2, colour, theme->background);
      _hep_diagram_text_at (w, _("TP"), x + r * 2.2, y + l->font * 0.35, l->font * 0.85, "start", colour, FALSE);
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
  const Theme *theme = &_hep_diagram_themes[theme_id];
  const char *colour = style_colour (s->style, theme_id);
  double x = l->legend_x;
  double sample = l->font * 2.6;
  double yy = *y - l->font * 0.35;

  hep_svg_writer_element (w, "line", "x1", _hep_diagram_num (x), "y1", _hep_diagram_num (yy),
                          "x2", _hep_diagram_num (x + sample), "y2", _hep_diagram_num (yy),
                          "stroke", colour, "stroke-width", _hep_diagram_num (s->line_width),
                          s->style->dash ? "stroke-dasharray" : NULL, s->style->dash, NULL);
  write_marker (w, s->style->marker, x + sample / 2, yy, l->font * 0.33, colour, colour);
  *y = _hep_diagram_wrapped_text_at (w, s->label, x + sample + l->font * 0.6, *y,
                        l->legend_w - sample - l->font * 0.6, l->font, theme->foreground, FALSE);
  *y += l->font * 0.35;
}

static void
describe_curves (GString           *desc,
                 const HepCurveSet *set,
                 guint              n_sets,
                 const HepCurveSet *const *sets,
                 char             **labels,
                 HepCurvePhase      last)
{
  for (guint p = 0; p < HEP_CURVE_N_POINTS && p <= last; p++)
    {
      g_autofree char *aorta = _hep_diagram_format_value (hep_curve_reference_get (HEP_CURVE_REF_AORTA, p));

      /* "portal venous (70 s), hypo, washout: Lesion 0.20, …, Aorta 0.70." */
      g_string_append_printf (desc, " %s (%s)", hep_curve_phase_get_label (p), _hep_diagram_time_label (p));
      if (n_sets == 1)
        {
          g_autofree char *words = _hep_diagram_phase_words_up_to (set, p, last);

          g_string_append_printf (desc, ", %s", words);
        }
      g_string_append_c (desc, ':');
      for (guint k = 0; k < n_sets; k++)
        {
          const HepCurveSet *s = sets[k];
          guint n = n_sets > 1 ? 1 : s->n_parts;

          for (guint i = 0; i < n; i++)
            {
              g_autofree char *value = _hep_diagram_format_value (s->parts[i].values[p]);

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
              g_autofree char *liver = _hep_diagram_format_value (hep_curve_reference_get (r, p));

              g_string_append_printf (desc, " %s %s,", hep_curve_reference_get_label (r), liver);
            }
        }
      g_string_append_printf (desc, " %s %s.", hep_curve_reference_get_label (HEP_CURVE_REF_AORTA), aorta);
    }
  for (guint k = 0; k < n_sets && last >= HEP_CURVE_PHASE_DELAYED; k++)
    if (hep_curve_value_is_set (sets[k]->tp_gadoxetate_180))
      {
        g_autofree char *tp = _hep_diagram_format_value (sets[k]->tp_gadoxetate_180);

        g_string_append_printf (desc, " %s: %s %s.", _("Transitional phase with gadoxetate at 180 s"),
                                _(sets[k]->label), tp);
      }
}

char *
_hep_diagram_curve_svg (const HepCurveSet       *set,
                        const HepDiagramOptions *options,
                        char                   **text_alternative)
{
  const Theme *theme = &_hep_diagram_themes[options->theme];
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
  for (guint i = 0; i < n_series && l.last >= HEP_CURVE_PHASE_DELAYED; i++)
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
  describe_curves (desc, set, n_sets, sets, labels, l.last);

  w = hep_svg_writer_new (l.width, l.height);
  _hep_diagram_write_header (w, title, desc->str, l.width, l.height, theme, fs);

  /* Title and subtitle. */
  _hep_diagram_text_at (w, title, l.x0 - fs * 3.0, fs * 1.3 + fs * 1.4, fs * 1.45, "start", theme->foreground, TRUE);
  if (!l.large)
    _hep_diagram_text_at (w, _("Schematic, not measured. Enhancement above the precontrast baseline."),
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
                                  "x", _hep_diagram_num (xa), "y", _hep_diagram_num (l.y0),
                                  "width", _hep_diagram_num (xb - xa), "height", _hep_diagram_num (l.y1 - l.y0),
                                  "fill", theme->band, NULL);
        }
      /* a phase not yet shown keeps its band, blank and unlabelled */
      if (p > l.last)
        continue;
      /* Two lines at most: the label's words split at the first space,
       * "HBP (gadoxetate)" → "HBP" / "(gadoxetate)". */
      /* In a narrow plot the early-arterial point keeps only its time. */
      if (p == HEP_CURVE_PHASE_EARLY_ARTERIAL && curve_x (&l, unit_pos[2]) - xc < fs * 4.2)
        label = g_strdup ("");
      else
        label = g_strdup (hep_curve_phase_get_label (p));
      lines = g_strsplit (label, " ", 2);
      /* Large text leaves the plot narrow for its labels: "delayed /" and
       * "transitional", and "HBP" alone ("gadoxetate" heads its band). */
      if (l.large && lines[0] != NULL && lines[1] != NULL)
        {
          if (g_str_has_prefix (lines[1], "/ "))
            {
              char *first = g_strconcat (lines[0], " /", NULL);

              memmove (lines[1], lines[1] + 2, strlen (lines[1] + 2) + 1);
              g_free (lines[0]);
              lines[0] = first;
            }
          else if (lines[1][0] == '(')
            g_clear_pointer (&lines[1], g_free);
        }
      for (guint k = 0; lines[k] != NULL; k++)
        _hep_diagram_text_at (w, lines[k], xc, l.y1 + fs * (1.35 + 1.2 * k), fs * 0.92, "middle", theme->foreground,
                 p != HEP_CURVE_PHASE_EARLY_ARTERIAL);
      _hep_diagram_text_at (w, _hep_diagram_time_label (p), xc, l.y1 + fs * 3.85, fs * 0.85, "middle", theme->muted, FALSE);
    }
  if (l.last >= HEP_CURVE_PHASE_HBP)
    {
      _hep_diagram_text_at (w, _("gadoxetate"), curve_x (&l, unit_pos[HEP_CURVE_PHASE_HBP]), l.y0 + fs * 1.2,
               fs * 0.8, "middle", theme->muted, FALSE);
      _hep_diagram_text_at (w, _("MR scale"), curve_x (&l, unit_pos[HEP_CURVE_PHASE_HBP]), l.y0 + fs * 2.2,
               fs * 0.8, "middle", theme->muted, FALSE);
    }
  hep_svg_writer_end (w);

  /* Grid and y axis. */
  hep_svg_writer_begin (w, "g", "class", "grid", NULL);
  for (guint i = 0; i <= 4; i++)
    {
      double v = i / 4.0;
      double yy = curve_y (&l, v);

      hep_svg_writer_element (w, "line", "x1", _hep_diagram_num (l.x0), "y1", _hep_diagram_num (yy),
                              "x2", _hep_diagram_num (l.x1), "y2", _hep_diagram_num (yy),
                              "stroke", theme->grid, "stroke-width", "1", NULL);
      _hep_diagram_text_at (w, _hep_diagram_num (v), l.x0 - fs * 0.5, yy + fs * 0.35, fs * 0.85, "end", theme->muted, FALSE);
    }
  {
    char rot[64];
    double tx = l.x0 - fs * 3.0, ty = (l.y0 + l.y1) / 2;

    g_snprintf (rot, sizeof rot, "rotate(-90 %s %s)", _hep_diagram_num (tx), _hep_diagram_num (ty));
    hep_svg_writer_text_element (w, "text", _("enhancement (1.0 ≈ +200 HU)"),
                                 "x", _hep_diagram_num (tx), "y", _hep_diagram_num (ty),
                                 "font-size", _hep_diagram_num (fs * 0.85), "text-anchor", "middle",
                                 "fill", theme->muted, "transform", rot, NULL);
  }
  hep_svg_writer_end (w);

  /* Axes with the break before HBP. */
  hep_svg_writer_begin (w, "g", "class", "axes", "stroke", theme->foreground, "stroke-width", "1.5", NULL);
  {
    double xb = curve_x (&l, UNIT_BREAK);
    double gap = fs * 0.35;
    g_autoptr(HepSvgPath) p = hep_svg_path_new ();

    hep_svg_writer_element (w, "line", "x1", _hep_diagram_num (l.x0), "y1", _hep_diagram_num (l.y0),
                            "x2", _hep_diagram_num (l.x0), "y2", _hep_diagram_num (l.y1), NULL);
    hep_svg_writer_element (w, "line", "x1", _hep_diagram_num (l.x0), "y1", _hep_diagram_num (l.y1),
                            "x2", _hep_diagram_num (xb - gap), "y2", _hep_diagram_num (l.y1), NULL);
    hep_svg_writer_element (w, "line", "x1", _hep_diagram_num (xb + gap), "y1", _hep_diagram_num (l.y1),
                            "x2", _hep_diagram_num (l.x1), "y2", _hep_diagram_num (l.y1), NULL);
    for (int k = -1; k <= 1; k += 2)
      {
        hep_svg_path_move_to (p, xb + k * gap - fs * 0.3, l.y1 + fs * 0.6);
        hep_svg_path_line_to (p, xb + k * gap + fs * 0.3, l.y1 - fs * 0.6);
      }
    hep_svg_writer_element (w, "path", "class", "axis-break", "d", hep_svg_path_get_data (p), "fill", "none", NULL);
    hep_svg_writer_element (w, "line", "class", "agent-switch",
                            "x1", _hep_diagram_num (xb), "y1", _hep_diagram_num (l.y0),
                            "x2", _hep_diagram_num (xb), "y2", _hep_diagram_num (l.y1 - fs * 0.8),
                            "stroke", theme->muted, "stroke-width", "1", "stroke-dasharray", "3 3", NULL);
    for (guint i = 0; i < HEP_CURVE_N_POINTS; i++)
      {
        double xt = curve_x (&l, unit_pos[i]);

        hep_svg_writer_element (w, "line", "x1", _hep_diagram_num (xt), "y1", _hep_diagram_num (l.y1),
                                "x2", _hep_diagram_num (xt), "y2", _hep_diagram_num (l.y1 + fs * 0.35), NULL);
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
    y = _hep_diagram_wrapped_text_at (w, _(set->label), l.legend_x, y, l.legend_w, fs, theme->foreground, TRUE) + fs * 0.4;
  for (guint i = 0; i < n_series; i++)
    write_legend_entry (w, &l, &series[i], options->theme, &y);
  y += fs * 0.5;
  if (any_tp)
    y = _hep_diagram_wrapped_text_at (w, _("Hollow marker (TP): gadoxetate transitional phase at 180 s, pseudo-washout."),
                         l.legend_x, y, l.legend_w, fs * 0.85, theme->muted, FALSE) + fs * 0.3;
  if (!l.large)
    y = _hep_diagram_wrapped_text_at (w, _("Up to 180 s: extracellular agent (CT or ECA-MRI). HBP: gadoxetate MR signal, "
                              "normal liver ≈ 0.65."),
                         l.legend_x, y, l.legend_w, fs * 0.85, theme->muted, FALSE);
  hep_svg_writer_end (w);

  /* The note, visibly. */
  _hep_diagram_text_at (w, _("Schematic, not measured — for education only."), l.x0 - fs * 3.0,
           l.height - fs * 0.9, fs, "start", theme->foreground, TRUE);

  for (guint k = 0; k < G_N_ELEMENTS (labels); k++)
    g_free (labels[k]);
  if (text_alternative != NULL)
    *text_alternative = g_strdup (desc->str);
  return hep_svg_writer_free_to_string (g_steal_pointer (&w));
}

/* The phase nearest to x inside the plot, or -1. */
int
_hep_diagram_curve_phase_at (const HepDiagramOptions *options,
                             double                   x,
                             double                   y)
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
