/* hep-diagram-strip.c: the phase-by-phase strip of schematic drawings
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "hep-diagram-private.h"

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

  _hep_diagram_get_size (options, &l->width, &l->height);
  if (options->large_text)
    l->font = _hep_diagram_large_font (options, 0.85);   /* the times, 0.85 × */
  else
    l->font = CLAMP (MIN (l->width / 900.0, l->height / (120.0 + 150.0 * rows)) * 12.5, 8.0, 18.0);
  l->pad = l->font * 1.2;
  /* large text has neither a visible title nor a subtitle */
  l->head_y = l->pad + l->font * (options->large_text ? 2.4 : 5.0);
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

  hep_svg_writer_element (w, "circle", "cx", _hep_diagram_num (x), "cy", _hep_diagram_num (y), "r", _hep_diagram_num (r),
                          "fill", fill, extra_name, extra_value, NULL);
}

double
_hep_diagram_part_value (const HepCurvePart *part,
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
  double main_value = _hep_diagram_part_value (&set->parts[0], phase, liver);
  char grey[8];

  if (nodules != NULL)
    {
      /* Discontinuous peripheral nodules that grow with the fill fraction
       * (from the whole-lesion mean when there is one). */
      static const double default_fill[HEP_CURVE_N_POINTS] = { 0, 0.2, 0.2, 0.4, 0.6, 0.6 };
      double n = _hep_diagram_part_value (nodules, phase, liver);
      double c = centre != NULL && set->centre_scale >= 0.99 ? _hep_diagram_part_value (centre, phase, 0) : 0;
      double f = default_fill[phase];
      char clip[64];

      if (whole != NULL && n - c > 0.02)
        f = CLAMP ((_hep_diagram_part_value (whole, phase, c) - c) / (n - c), 0.1, 1.0);
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
          grey_for (_hep_diagram_part_value (centre, phase, 0), liver, gain, grey);
          disc (w, LESION_X + 0.8, LESION_Y - 0.5, LESION_R * set->centre_scale, grey, NULL, NULL);
        }
      return;
    }

  if (rim != NULL)
    {
      grey_for (_hep_diagram_part_value (rim, phase, liver), liver, gain, grey);
      disc (w, LESION_X, LESION_Y, LESION_R, grey, NULL, NULL);
      grey_for (_hep_diagram_part_value (centre, phase, main_value), liver, gain, grey);
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
      grey_for (_hep_diagram_part_value (scar, phase, liver), liver, gain, grey);
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
  double main_value = _hep_diagram_part_value (&set->parts[0], phase, liver);
  char grey[8];

  if (around != NULL)
    {
      grey_for (_hep_diagram_part_value (around, phase, liver), liver, gain, grey);
      disc (w, LESION_X, LESION_Y, LESION_R * 1.55, grey, "class", "surroundings");
    }
  write_lesion_body (w, set, phase, liver, gain, clip_id);
  if (capsule != NULL)
    {
      grey_for (_hep_diagram_part_value (capsule, phase, liver), liver, gain, grey);
      hep_svg_writer_element (w, "circle", "class", "capsule", "cx", "32", "cy", "32", "r", "11",
                              "fill", "none", "stroke", grey, "stroke-width", "1.6", NULL);
    }
  /* Where the lesion is iso (and before contrast) a dashed outline shows
   * where it is. */
  if (set->shape == HEP_CURVE_SHAPE_ROUND &&
      (phase == HEP_CURVE_PHASE_PRE || _hep_diagram_relation (main_value, liver) == REL_ISO))
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
             gboolean           large,
             guint              row,
             guint              col)
{
  double k = l->panel_w / BOX_W;
  double liver = hep_curve_set_background (set, phase);
  double aorta = hep_curve_reference_get (HEP_CURVE_REF_AORTA, phase);
  double gain = window_gain (set, phase);
  char transform[96], clip_id[32], grey[8];
  g_autoptr(HepSvgPath) p = hep_svg_path_new ();

  hep_svg_writer_element (w, "rect", "x", _hep_diagram_num (px), "y", _hep_diagram_num (py),
                          "width", _hep_diagram_num (l->panel_w), "height", _hep_diagram_num (l->panel_h),
                          "rx", _hep_diagram_num (l->font * 0.4),
                          "fill", theme->image, "stroke", theme->image_stroke, "stroke-width", "1", NULL);
  {
    /* Scale factors need more than two decimals. */
    char k4[G_ASCII_DTOSTR_BUF_SIZE];
    const char *x = _hep_diagram_num (px), *y = _hep_diagram_num (py);

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
  /* at 5 units it would be small on a slide: the legend line says it */
  if (col == 0 && !large)
    hep_svg_writer_text_element (w, "text", _("aorta"), "x", "68.5", "y", "62.5", "font-size", "5",
                                 "fill", "#C8C8C8", NULL);

  g_snprintf (clip_id, sizeof clip_id, "clip-r%u-c%u", row, col);
  write_lesion (w, set, phase, gain, clip_id);
  hep_svg_writer_end (w);
}

char *
_hep_diagram_strip_svg (const HepCurveSet       *set,
                        const HepDiagramOptions *options,
                        char                   **text_alternative)
{
  const Theme *theme = &_hep_diagram_themes[options->theme];
  const HepCurveSet *sets[1 + HEP_DIAGRAM_MAX_COMPARE] = { set, };
  guint n_sets = 1 + options->n_compare;
  g_autoptr(HepSvgWriter) w = NULL;
  g_autoptr(GString) desc = g_string_new (NULL);
  g_autofree char *title = NULL;
  StripLayout l;
  double fs;
  HepCurvePhase last = options->up_to_phase ? options->last_phase : HEP_CURVE_PHASE_HBP;

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
      for (guint c = 0; c < N_STRIP && _hep_diagram_phase_shown (options, strip_phases[c]); c++)
        {
          g_autofree char *words = _hep_diagram_phase_words_up_to (sets[k], strip_phases[c], last);

          g_string_append_printf (desc, " %s, %s%s", hep_curve_phase_get_label (strip_phases[c]), words,
                                  c + 1 < N_STRIP && _hep_diagram_phase_shown (options, strip_phases[c + 1])
                                  ? ";" : ".");
        }
    }

  w = hep_svg_writer_new (l.width, l.height);
  _hep_diagram_write_header (w, title, desc->str, l.width, l.height, theme, fs);
  if (!options->large_text)
    _hep_diagram_text_at (w, title, l.pad, l.pad + fs * 1.4, fs * 1.45, "start", theme->foreground, TRUE);
  if (!options->large_text)
    _hep_diagram_text_at (w, _("Schematic, not measured. Liver = mid grey in every phase; brighter = enhances more."),
             l.pad, l.pad + fs * 3.0, fs, "start", theme->muted, FALSE);

  hep_svg_writer_begin (w, "g", "class", "headings", NULL);
  for (guint c = 0; c < N_STRIP; c++)
    {
      double cx = l.pad + l.cell_w * (c + 0.5);

      if (!_hep_diagram_phase_shown (options, strip_phases[c]))
        continue;
      /* the phase on one line, its time below: one line overlaps when narrow */
      if (options->large_text)
        {
          /* large text: the phase wrapped to its column, upwards */
          g_autoptr(GPtrArray) lines = _hep_diagram_wrap_text (hep_curve_phase_get_label (strip_phases[c]),
                                                               (int) (l.cell_w / (fs * 0.95 * 0.62)));

          for (guint k = 0; k < lines->len; k++)
            _hep_diagram_text_at (w, lines->pdata[k], cx, l.head_y - fs * 1.1 * (lines->len - 1 - k), fs * 0.95,
                                  "middle", theme->foreground, TRUE);
        }
      else
        _hep_diagram_text_at (w, hep_curve_phase_get_label (strip_phases[c]), cx, l.head_y, fs * 0.95, "middle",
                 theme->foreground, TRUE);
      _hep_diagram_text_at (w, _hep_diagram_time_label (strip_phases[c]), cx, l.head_y + fs * 1.1, fs * 0.85, "middle",
               theme->muted, FALSE);
    }
  hep_svg_writer_end (w);

  for (guint r = 0; r < n_sets; r++)
    {
      double ry = l.rows_y + r * l.row_h;

      hep_svg_writer_begin (w, "g", "class", "row", "id", sets[r]->id, NULL);
      if (n_sets > 1)
        _hep_diagram_text_at (w, _(sets[r]->label), l.pad, ry + fs, fs, "start", theme->foreground, TRUE);
      for (guint c = 0; c < N_STRIP; c++)
        {
          double px = l.pad + l.cell_w * c + (l.cell_w - l.panel_w) / 2;
          double py = ry + l.label_h;
          g_autofree char *words = _hep_diagram_phase_words_up_to (sets[r], strip_phases[c], last);
          g_autoptr(GPtrArray) lines = NULL;

          if (!_hep_diagram_phase_shown (options, strip_phases[c]))
            {
              /* not shown yet: an empty panel, no words */
              hep_svg_writer_element (w, "rect", "class", "blank",
                                      "x", _hep_diagram_num (px), "y", _hep_diagram_num (py),
                                      "width", _hep_diagram_num (l.panel_w), "height", _hep_diagram_num (l.panel_h),
                                      "rx", _hep_diagram_num (fs * 0.4), "fill", "none",
                                      "stroke", theme->image_stroke, "stroke-width", "1",
                                      "stroke-dasharray", "4 4", NULL);
              continue;
            }
          write_panel (w, &l, sets[r], strip_phases[c], px, py, theme, options->large_text, r, c);
          lines = _hep_diagram_wrap_text (words, (int) (l.cell_w / (fs * 0.55)));
          for (guint k = 0; k < lines->len && k < 2; k++)
            _hep_diagram_text_at (w, lines->pdata[k], px + l.panel_w / 2, py + l.panel_h + fs * (1.2 + 1.15 * k),
                     fs * 0.9, "middle", theme->foreground, FALSE);
        }
      hep_svg_writer_end (w);
    }

  if (options->large_text)
    _hep_diagram_text_at (w, _("Schematic, not measured — for education only."),
             l.pad, l.height - fs * 0.9, fs * 0.9, "start", theme->foreground, TRUE);
  else
    _hep_diagram_text_at (w, _("Schematic, not measured — for education only. HBP: gadoxetate; aorta dashed where not given."),
             l.pad, l.height - fs * 0.9, fs * 0.9, "start", theme->foreground, TRUE);

  if (text_alternative != NULL)
    *text_alternative = g_strdup (desc->str);
  return hep_svg_writer_free_to_string (g_steal_pointer (&w));
}

/* The column under (x, y), or -1. */
int
_hep_diagram_strip_phase_at (const HepDiagramOptions *options,
                             double                   x,
                             double                   y)
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
