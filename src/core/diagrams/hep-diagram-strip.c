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

/* Text is laid out as in hep-diagram-curve.c: nothing smaller than
 * _hep_diagram_min_px(), no two texts overlapping. What does not fit gives
 * way, in this order:
 *   1. the panels stand in one row of five, or, when a column would be
 *      narrower than 8 em, in rows of three, then of two (each row with
 *      its headings);
 *   2. a heading is the phase name wrapped to its column (two lines at
 *      most), then one word ("delayed"), then an abbreviation ("DP");
 *   3. the words under a panel wrap to its column and are all kept: the
 *      rows are as tall as the longest needs;
 *   4. the "aorta" label stands in the first panel only where the panel
 *      has room for it (the legend says it anyway);
 *   5. when the height is short (presenter, export): the panels shrink to
 *      4 em, then the subtitle goes, then the legend's notes (last
 *      first), then the times under the headings, then the panels shrink
 *      further. */
typedef struct {
  double     width, height, fs, small, head_fs, title_fs, pad;
  guint      n_cols, rows_per_set;
  double     cell_w, panel_w, panel_h;
  int        head_level[N_STRIP];
  guint      head_lines, word_lines;
  gboolean   times;                          /* under the headings */
  double     head_h, row_h, label_h;
  GPtrArray *title_lines, *subtitle_lines;   /* NULL: none */
  double     title_y, subtitle_y;
  double     grid_y;
  GPtrArray *notes;                          /* legend lines kept, muted */
  GPtrArray *footer;                         /* bold */
  double     footer_y;
  HepCurvePhase last;
  gboolean   large;
  /* each set's words under each shown panel, and wrapped to its column */
  char      *words[1 + HEP_DIAGRAM_MAX_COMPARE][N_STRIP];
  GPtrArray *word_wrap[1 + HEP_DIAGRAM_MAX_COMPARE][N_STRIP];
} StripLayout;

static void
strip_layout_clear (StripLayout *l)
{
  g_clear_pointer (&l->title_lines, g_ptr_array_unref);
  g_clear_pointer (&l->subtitle_lines, g_ptr_array_unref);
  g_clear_pointer (&l->notes, g_ptr_array_unref);
  g_clear_pointer (&l->footer, g_ptr_array_unref);
  for (guint k = 0; k < 1 + HEP_DIAGRAM_MAX_COMPARE; k++)
    for (guint c = 0; c < N_STRIP; c++)
      {
        g_clear_pointer (&l->words[k][c], g_free);
        g_clear_pointer (&l->word_wrap[k][c], g_ptr_array_unref);
      }
}

/* @text wrapped to @width, a word too long for it cut into pieces. */
static GPtrArray *
wrap_hard (const char *text,
           double      width,
           double      size,
           gboolean    bold)
{
  g_autoptr(GPtrArray) lines = _hep_diagram_wrap (text, width, size, bold);
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);
  int max_chars = MAX (1, (int) floor (width / (size * (bold ? 0.66 : 0.62))));

  for (guint i = 0; i < lines->len; i++)
    {
      const char *line = lines->pdata[i];

      while (g_utf8_strlen (line, -1) > max_chars)
        {
          const char *end = g_utf8_offset_to_pointer (line, max_chars);
          const char *hyphen = g_strrstr_len (line, end - line, "-");

          /* after a hyphen ("non-" / "enhancing") where there is one */
          if (hyphen != NULL && hyphen > line)
            end = hyphen + 1;
          g_ptr_array_add (out, g_strndup (line, end - line));
          line = end;
        }
      g_ptr_array_add (out, g_strdup (line));
    }
  return out;
}

/* The heading lines of column @c at its level. */
static GPtrArray *
heading_lines (const StripLayout *l,
               guint              c)
{
  if (l->head_level[c] == 0)
    return wrap_hard (hep_curve_phase_get_label (strip_phases[c]), l->cell_w - l->fs * 0.4, l->head_fs, TRUE);
  return _hep_diagram_phase_name_lines (strip_phases[c], l->head_level[c]);
}

static const char *
marker_note (void)
{
  return _("Dashed yellow ring: where the lesion is when it looks like the liver (iso, or before contrast).");
}

static void
strip_layout (const HepCurveSet       *set,
              const HepDiagramOptions *options,
              gboolean                 natural,
              StripLayout             *l)
{
  guint n_sets = 1 + options->n_compare;
  const HepCurveSet *sets[1 + HEP_DIAGRAM_MAX_COMPARE] = { set, };
  double min_px = _hep_diagram_min_px (options);
  double ts = _hep_diagram_text_scale (options);
  double prop, avail_w, fixed, natural_panel_h, panel_rows;
  gboolean any_t1 = FALSE, any_not_given = FALSE;
  g_autoptr(GPtrArray) note_texts = g_ptr_array_new ();
  guint n_notes;

  memset (l, 0, sizeof *l);
  for (guint i = 0; i < options->n_compare; i++)
    sets[i + 1] = options->compare[i];
  _hep_diagram_get_size (options, &l->width, &l->height);
  l->large = options->large_text;
  l->last = options->up_to_phase ? options->last_phase : HEP_CURVE_PHASE_HBP;
  prop = natural ? l->width / 900.0 : MIN (l->width / 900.0, l->height / (120.0 + 150.0 * n_sets));
  l->fs = l->large ? min_px : MAX (min_px, MIN (prop * 12.5 * ts, 18.0 * ts));
  l->small = MAX (min_px, l->fs * 0.9);
  l->head_fs = MAX (min_px, l->fs * 0.95);
  l->title_fs = l->fs * 1.3;
  l->pad = l->fs * (l->large ? 0.6 : 1.2);
  l->times = TRUE;

  /* step 1 */
  avail_w = l->width - 2 * l->pad;
  l->n_cols = N_STRIP;
  if (avail_w / N_STRIP < l->fs * 8)
    l->n_cols = avail_w / 3 >= l->fs * 8 ? 3 : 2;
  l->cell_w = avail_w / l->n_cols;
  l->rows_per_set = (N_STRIP + l->n_cols - 1) / l->n_cols;

  /* step 2 */
  l->head_lines = 1;
  for (guint c = 0; c < N_STRIP; c++)
    {
      for (l->head_level[c] = 0; l->head_level[c] < 2; l->head_level[c]++)
        {
          g_autoptr(GPtrArray) lines = NULL;

          if (l->head_level[c] == 0)
            lines = _hep_diagram_wrap (hep_curve_phase_get_label (strip_phases[c]), l->cell_w - l->fs * 0.4,
                                       l->head_fs, TRUE);
          else
            lines = _hep_diagram_phase_name_lines (strip_phases[c], l->head_level[c]);
          if (lines->len <= 2 && _hep_diagram_lines_fit (lines, l->cell_w - l->fs * 0.4, l->head_fs, TRUE))
            break;
        }
      if (_hep_diagram_phase_shown (options, strip_phases[c]))
        {
          g_autoptr(GPtrArray) lines = heading_lines (l, c);

          l->head_lines = MAX (l->head_lines, lines->len);
        }
    }

  /* step 3 */
  l->word_lines = 1;
  for (guint k = 0; k < n_sets; k++)
    for (guint c = 0; c < N_STRIP; c++)
      if (_hep_diagram_phase_shown (options, strip_phases[c]))
        {
          GPtrArray *lines;

          l->words[k][c] = _hep_diagram_phase_words_up_to (sets[k], strip_phases[c], l->last);
          lines = l->word_wrap[k][c] = wrap_hard (l->words[k][c], l->cell_w - l->fs * 0.3, l->small, FALSE);
          l->word_lines = MAX (l->word_lines, lines->len);
          any_not_given |= !hep_curve_value_is_set (sets[k]->parts[0].values[strip_phases[c]]);
        }
  for (guint k = 0; k < n_sets; k++)
    any_t1 |= sets[k]->t1_hyper;
  l->label_h = n_sets > 1 ? l->fs * 1.5 : 0;

  /* the legend's notes, most important first */
  g_ptr_array_add (note_texts, (gpointer) marker_note ());
  if (any_t1)
    g_ptr_array_add (note_texts, _("Before contrast: T1 signal; brighter than liver = T1-hyperintense."));
  if (!l->large)
    {
      g_ptr_array_add (note_texts, _("Small disc below the liver: the aorta, dashed where not given. HBP: gadoxetate."));
      if (any_not_given)
        g_ptr_array_add (note_texts, _("Dashed empty panel: a phase the features do not give."));
    }
  l->footer = wrap_hard (_("Schematic, not measured — for education only."), avail_w, l->small, TRUE);
  if (!l->large)
    {
      g_autofree char *title = n_sets == 1 ? g_strdup_printf (_("Phase by phase: %s"), _(set->label))
                                           : g_strdup (_("Phase by phase, compared"));

      l->title_lines = _hep_diagram_wrap (title, avail_w, l->title_fs, TRUE);
      l->subtitle_lines = _hep_diagram_wrap (_("Schematic, not measured. Liver = mid grey in every phase; "
                                               "brighter = enhances more."), avail_w, l->small, FALSE);
    }

  panel_rows = n_sets * l->rows_per_set;
  l->panel_w = l->cell_w - l->fs * 0.8;
  natural_panel_h = l->panel_w * BOX_H / BOX_W;
  n_notes = note_texts->len;
  for (;;)
    {
      double notes_h = 0, title_h = 0;

      g_clear_pointer (&l->notes, g_ptr_array_unref);
      l->notes = g_ptr_array_new_with_free_func (g_free);
      for (guint i = 0; i < n_notes; i++)
        {
          g_autoptr(GPtrArray) lines = wrap_hard (note_texts->pdata[i], avail_w, l->small, FALSE);

          for (guint k = 0; k < lines->len; k++)
            g_ptr_array_add (l->notes, g_strdup (lines->pdata[k]));
        }
      notes_h = (l->notes->len + l->footer->len) * l->small * HEP_DIAGRAM_LINE_HEIGHT;
      if (l->title_lines != NULL)
        title_h += l->title_lines->len * l->title_fs * HEP_DIAGRAM_LINE_HEIGHT;
      if (l->subtitle_lines != NULL)
        title_h += l->subtitle_lines->len * l->small * HEP_DIAGRAM_LINE_HEIGHT;
      l->head_h = l->head_lines * l->head_fs * HEP_DIAGRAM_LINE_HEIGHT +
                  (l->times ? l->small * HEP_DIAGRAM_LINE_HEIGHT : 0) + l->fs * 0.3;
      l->row_h = l->fs * 0.4 + l->word_lines * l->small * HEP_DIAGRAM_LINE_HEIGHT + l->fs * 0.5;
      fixed = l->pad + title_h + l->fs * 0.5 + n_sets * l->label_h +
              (l->rows_per_set > 1 ? panel_rows : 1) * l->head_h +
              panel_rows * l->row_h + l->fs * 0.3 + notes_h + l->pad * 0.5;
      if (natural)
        {
          l->panel_h = natural_panel_h;
          l->height = ceil (fixed + panel_rows * l->panel_h);
          break;
        }
      l->panel_h = MIN (natural_panel_h, (l->height - fixed) / panel_rows);
      if (l->panel_h >= l->fs * 4)
        break;
      if (l->subtitle_lines != NULL)
        g_clear_pointer (&l->subtitle_lines, g_ptr_array_unref);
      else if (n_notes > 0)
        n_notes--;
      else if (l->times)
        l->times = FALSE;
      else
        break;
    }
  l->panel_h = MAX (l->panel_h, l->fs);
  l->panel_w = MIN (l->panel_w, l->panel_h * BOX_W / BOX_H);
  l->title_y = l->pad + l->title_fs * 0.85;
  l->subtitle_y = l->pad + (l->title_lines ? l->title_lines->len * l->title_fs * HEP_DIAGRAM_LINE_HEIGHT : 0) +
                  l->small * 0.85;
  l->grid_y = l->pad + l->fs * 0.5 +
              (l->title_lines ? l->title_lines->len * l->title_fs * HEP_DIAGRAM_LINE_HEIGHT : 0) +
              (l->subtitle_lines ? l->subtitle_lines->len * l->small * HEP_DIAGRAM_LINE_HEIGHT : 0);
  /* the first footer line's baseline */
  l->footer_y = l->height - l->pad * 0.5 - l->small * 0.3 - (l->footer->len - 1) * l->small * HEP_DIAGRAM_LINE_HEIGHT;
  /* spare height (an export taller than its content): the grid centred */
  {
    double used = fixed + panel_rows * l->panel_h;

    if (!natural && l->height > used)
      l->grid_y += (l->height - used) / 2;
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
      disc (w, LESION_X, LESION_Y, LESION_R, grey, "class", "lesion-body");
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
          disc (w, LESION_X, LESION_Y, LESION_R, grey, "class", "lesion-body");
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
  if (set->shape == HEP_CURVE_SHAPE_ROUND && _hep_diagram_relation (main_value, liver) == REL_ISO)
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
             gboolean           aorta_label,
             guint              row,
             guint              col)
{
  double k = l->panel_w / BOX_W;
  double liver = hep_curve_set_background (set, phase);
  double aorta = hep_curve_reference_get (HEP_CURVE_REF_AORTA, phase);
  double gain = window_gain (set, phase);
  char transform[96], clip_id[32], grey[8];
  g_autoptr(HepSvgPath) p = hep_svg_path_new ();
  HepCurveSet t1;

  hep_svg_writer_element (w, "rect", "x", _hep_diagram_num (px), "y", _hep_diagram_num (py),
                          "width", _hep_diagram_num (l->panel_w), "height", _hep_diagram_num (l->panel_h),
                          "rx", _hep_diagram_num (l->fs * 0.4),
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

  /* before contrast, intrinsic T1 signal: the lesion brighter than liver */
  if (phase == HEP_CURVE_PHASE_PRE && set->t1_hyper)
    {
      t1 = *set;
      for (guint i = 0; i < t1.n_parts; i++)
        if (t1.parts[i].role != HEP_CURVE_ROLE_SURROUNDINGS && t1.parts[i].role != HEP_CURVE_ROLE_CAPSULE)
          t1.parts[i].values[HEP_CURVE_PHASE_PRE] = liver + 0.12;
      set = &t1;
    }
  g_snprintf (clip_id, sizeof clip_id, "clip-r%u-c%u", row, col);
  write_lesion (w, set, phase, gain, clip_id);
  hep_svg_writer_end (w);

  /* in pixels, not in the scaled panel, where it has room */
  if (aorta_label)
    _hep_diagram_text_at (w, _("aorta"), px + l->panel_w * (AORTA_X + AORTA_R + 2) / BOX_W,
                          py + l->panel_h * (AORTA_Y / BOX_H) + l->small * 0.35, l->small, "start", "#C8C8C8", FALSE);
}

/* Whether the "aorta" label fits the first panel (step 4). */
static gboolean
aorta_label_fits (const StripLayout *l)
{
  return !l->large &&
         l->panel_w * (1 - (AORTA_X + AORTA_R + 2) / BOX_W) - 2 >= _hep_diagram_text_width (_("aorta"), l->small, FALSE) &&
         l->panel_h * (1 - AORTA_Y / BOX_H) >= l->small * 0.6 &&
         l->panel_h * (AORTA_Y / BOX_H) >= l->small;
}

/* The top-left of column @c's panel in panel row @pr of set @r, and the
 * top of that panel row's headings (or -1: none). */
static void
cell_position (const StripLayout *l,
               guint              r,
               guint              c,
               double            *px,
               double            *py,
               double            *head_top)
{
  guint pr = c / l->n_cols;
  guint col = c % l->n_cols;
  guint before = r * l->rows_per_set + pr;   /* panel rows above */
  guint heads;
  double y;

  /* with one row of five, headings only above the first set */
  heads = l->rows_per_set > 1 ? before + 1 : 1;
  y = l->grid_y + (r + 1) * l->label_h + heads * l->head_h + before * (l->panel_h + l->row_h);
  *px = l->pad + l->cell_w * col + (l->cell_w - l->panel_w) / 2;
  *py = y;
  *head_top = (l->rows_per_set > 1 || r == 0) ? y - l->head_h : -1;
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
  gboolean aorta_label;

  for (guint i = 0; i < options->n_compare; i++)
    sets[i + 1] = options->compare[i];
  strip_layout (set, options, FALSE, &l);
  fs = l.fs;
  aorta_label = aorta_label_fits (&l);

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
          const char *words = l.words[k][c];

          g_string_append_printf (desc, " %s, %s%s", hep_curve_phase_get_label (strip_phases[c]), words,
                                  c + 1 < N_STRIP && _hep_diagram_phase_shown (options, strip_phases[c + 1])
                                  ? ";" : ".");
        }
    }

  w = hep_svg_writer_new (l.width, l.height);
  _hep_diagram_write_header (w, title, desc->str, l.width, l.height, theme, fs);
  for (guint i = 0; l.title_lines != NULL && i < l.title_lines->len; i++)
    _hep_diagram_text_at (w, l.title_lines->pdata[i], l.pad, l.title_y + i * l.title_fs * HEP_DIAGRAM_LINE_HEIGHT,
                          l.title_fs, "start", theme->foreground, TRUE);
  for (guint i = 0; l.subtitle_lines != NULL && i < l.subtitle_lines->len; i++)
    _hep_diagram_text_at (w, l.subtitle_lines->pdata[i], l.pad, l.subtitle_y + i * l.small * HEP_DIAGRAM_LINE_HEIGHT,
                          l.small, "start", theme->muted, FALSE);

  for (guint r = 0; r < n_sets; r++)
    {
      hep_svg_writer_begin (w, "g", "class", "row", "id", sets[r]->id, NULL);
      if (n_sets > 1)
        {
          double px, py, head_top;

          cell_position (&l, r, 0, &px, &py, &head_top);
          _hep_diagram_text_at (w, _(sets[r]->label), l.pad,
                                (head_top >= 0 ? head_top : py) - l.label_h + fs * 1.05, fs, "start",
                                theme->foreground, TRUE);
        }
      for (guint c = 0; c < N_STRIP; c++)
        {
          double px, py, head_top, cx;
          GPtrArray *lines;
          gboolean given;

          cell_position (&l, r, c, &px, &py, &head_top);
          cx = px + l.panel_w / 2;
          if (!_hep_diagram_phase_shown (options, strip_phases[c]))
            {
              /* not shown yet: an empty panel, no words, no heading */
              hep_svg_writer_element (w, "rect", "class", "blank",
                                      "x", _hep_diagram_num (px), "y", _hep_diagram_num (py),
                                      "width", _hep_diagram_num (l.panel_w), "height", _hep_diagram_num (l.panel_h),
                                      "rx", _hep_diagram_num (fs * 0.4), "fill", "none",
                                      "stroke", theme->image_stroke, "stroke-width", "1",
                                      "stroke-dasharray", "4 4", NULL);
              continue;
            }
          if (head_top >= 0)
            {
              g_autoptr(GPtrArray) head = heading_lines (&l, c);
              double hy = head_top + (l.head_lines - head->len) * l.head_fs * HEP_DIAGRAM_LINE_HEIGHT +
                          l.head_fs * 0.85;

              hep_svg_writer_begin (w, "g", "class", "heading", NULL);
              for (guint k = 0; k < head->len; k++)
                _hep_diagram_text_at (w, head->pdata[k], cx, hy + k * l.head_fs * HEP_DIAGRAM_LINE_HEIGHT,
                                      l.head_fs, "middle", theme->foreground, TRUE);
              if (l.times)
                _hep_diagram_text_at (w, _hep_diagram_time_label (strip_phases[c]), cx,
                                      head_top + l.head_lines * l.head_fs * HEP_DIAGRAM_LINE_HEIGHT + l.small * 0.85,
                                      l.small, "middle", theme->muted, FALSE);
              hep_svg_writer_end (w);
            }
          /* a phase the features do not give: said, not drawn */
          given = strip_phases[c] == HEP_CURVE_PHASE_PRE ||
                  hep_curve_value_is_set (sets[r]->parts[0].values[strip_phases[c]]);
          if (!given)
            hep_svg_writer_element (w, "rect", "class", "not-given",
                                    "x", _hep_diagram_num (px), "y", _hep_diagram_num (py),
                                    "width", _hep_diagram_num (l.panel_w), "height", _hep_diagram_num (l.panel_h),
                                    "rx", _hep_diagram_num (fs * 0.4), "fill", "none",
                                    "stroke", theme->muted, "stroke-width", "1",
                                    "stroke-dasharray", "4 4", NULL);
          else
            write_panel (w, &l, sets[r], strip_phases[c], px, py, theme, aorta_label && r == 0 && c == 0, r, c);
          lines = l.word_wrap[r][c];
          for (guint k = 0; k < lines->len; k++)
            _hep_diagram_text_at (w, lines->pdata[k], cx,
                                  py + l.panel_h + fs * 0.4 + l.small * (0.85 + HEP_DIAGRAM_LINE_HEIGHT * k),
                                  l.small, "middle", theme->foreground, FALSE);
        }
      hep_svg_writer_end (w);
    }

  hep_svg_writer_begin (w, "g", "class", "legend", NULL);
  for (guint i = 0; i < l.notes->len; i++)
    _hep_diagram_text_at (w, l.notes->pdata[i], l.pad,
                          l.footer_y - (l.notes->len - i) * l.small * HEP_DIAGRAM_LINE_HEIGHT,
                          l.small, "start", theme->muted, FALSE);
  hep_svg_writer_end (w);
  for (guint i = 0; i < l.footer->len; i++)
    _hep_diagram_text_at (w, l.footer->pdata[i], l.pad, l.footer_y + i * l.small * HEP_DIAGRAM_LINE_HEIGHT, l.small,
                          "start", theme->foreground, TRUE);

  strip_layout_clear (&l);
  if (text_alternative != NULL)
    *text_alternative = g_strdup (desc->str);
  return hep_svg_writer_free_to_string (g_steal_pointer (&w));
}

int
_hep_diagram_strip_natural_height (const HepCurveSet       *set,
                                   const HepDiagramOptions *options)
{
  StripLayout l;
  int height;

  strip_layout (set, options, TRUE, &l);
  height = (int) l.height;
  strip_layout_clear (&l);
  return CLAMP (height, HEP_DIAGRAM_MIN_SIZE, HEP_DIAGRAM_MAX_SIZE);
}

/* The column under (x, y) of the first set's cells, or -1. */
int
_hep_diagram_strip_phase_at (const HepCurveSet       *set,
                             const HepDiagramOptions *options,
                             double                   x,
                             double                   y)
{
  StripLayout l;
  int phase = -1;

  strip_layout (set, options, FALSE, &l);
  for (guint r = 0; r < 1 + options->n_compare && phase < 0; r++)
    for (guint c = 0; c < N_STRIP; c++)
      {
        double px, py, head_top;
        double top, bottom, left;

        cell_position (&l, r, c, &px, &py, &head_top);
        top = head_top >= 0 ? head_top : py;
        bottom = py + l.panel_h + l.row_h;
        left = l.pad + l.cell_w * (c % l.n_cols);
        if (x >= left && x < left + l.cell_w && y >= top && y < bottom)
          {
            phase = strip_phases[c];
            break;
          }
      }
  strip_layout_clear (&l);
  return phase;
}
