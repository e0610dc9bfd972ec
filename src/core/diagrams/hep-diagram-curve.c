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

/* Text is laid out for the size the diagram is drawn at: nothing is smaller
 * than _hep_diagram_min_px() and no two texts overlap. What does not fit
 * gives way, in this order:
 *   1. the legend moves from beside the plot to below it when the plot
 *      would be narrower than 24 em beside it;
 *   2. the phase names under the axis: two lines ("late" / "arterial"),
 *      then one word ("arterial", "delayed"), then abbreviations ("AP",
 *      "PVP", "DP"), the same step for every phase; the early-arterial
 *      point keeps its name only while it fits, its time likewise; a name
 *      or a time that would still touch the one before it is left out (a
 *      large zoom at the narrowest);
 *   3. the y axis title: in full, then "enhancement", then left out; the
 *      "gadoxetate / MR scale" note above the HBP point is left out when it
 *      does not fit its band (the legend says it);
 *   4. when the height is short (an export of a given size): the subtitle,
 *      then the legend's notes, last first.
 * Titles, legend labels and the footer wrap to the width. */

#define N_LABEL_LEVELS 3

typedef struct {
  const char        *id;
  const char        *label;        /* translated */
  const double      *values;
  const SeriesStyle *style;
  double             line_width;
  double             tp;           /* NAN: none */
  gboolean           hollow;       /* markers drawn open (liver over an iso lesion) */
  gboolean           skip_hbp;     /* no HBP point (the lesion's HBP is not given) */
  gboolean           tp_label;     /* "TP" beside its marker (not where another one is) */
} Series;

#define MAX_SERIES (HEP_CURVE_N_REFS + HEP_CURVE_MAX_PARTS + HEP_DIAGRAM_MAX_COMPARE)
#define MAX_NOTES 3

/* What the legend and the plot hold: from the set and options alone. */
typedef struct {
  const HepCurveSet *sets[1 + HEP_DIAGRAM_MAX_COMPARE];
  guint              n_sets;
  char              *labels[1 + HEP_DIAGRAM_MAX_COMPARE];
  char              *title;
  const char        *heading;                /* the legend's, or NULL */
  Series             series[MAX_SERIES];     /* legend order */
  guint              n_series;
  guint              draw_order[MAX_SERIES];
  const char        *notes[MAX_NOTES];       /* most important first */
  guint              n_notes;
  gboolean           hbp_given;              /* some lesion has an HBP value */
  gboolean           any_tp;
} Content;

typedef struct {
  double     width, height;
  double     fs, small, title_fs, label_fs, pad;
  gboolean   large;
  HepCurvePhase last;
  GPtrArray *title_lines;
  GPtrArray *subtitle_lines;   /* NULL: left out */
  double     title_y, subtitle_y;
  double     x0, x1, y0, y1;
  gboolean   legend_below;
  double     legend_x, legend_y, legend_w;
  guint      n_notes;          /* notes kept */
  int        label_level;
  guint      label_lines;
  gboolean   early_name, time_shown[HEP_CURVE_N_POINTS];
  gboolean   name_shown[HEP_CURVE_N_POINTS];
  gboolean   hbp_note;
  const char *axis_title;      /* NULL: left out */
  GPtrArray *footer_lines;
  double     footer_y;
} CurveLayout;

static void
curve_layout_clear (CurveLayout *l)
{
  g_clear_pointer (&l->title_lines, g_ptr_array_unref);
  g_clear_pointer (&l->subtitle_lines, g_ptr_array_unref);
  g_clear_pointer (&l->footer_lines, g_ptr_array_unref);
}

static void
content_clear (Content *c)
{
  for (guint k = 0; k < G_N_ELEMENTS (c->labels); k++)
    g_clear_pointer (&c->labels[k], g_free);
  g_clear_pointer (&c->title, g_free);
}

/* Whether the lesion (its primary curve) is iso to the liver in a phase
 * after contrast and before HBP, where its line would hide the liver's:
 * there the liver line is drawn over it. */
static gboolean
lesion_meets_liver (const HepCurveSet *set,
                    HepCurvePhase      last)
{
  for (guint p = HEP_CURVE_PHASE_EARLY_ARTERIAL; p < HEP_CURVE_PHASE_HBP && p <= last; p++)
    if (hep_curve_value_is_set (set->parts[0].values[p]) &&
        fabs (set->parts[0].values[p] - hep_curve_set_background (set, p)) < 0.015)
      return TRUE;
  return FALSE;
}

static void
content_init (Content                 *c,
              const HepCurveSet       *set,
              const HepDiagramOptions *options)
{
  HepCurvePhase last = options->up_to_phase ? options->last_phase : HEP_CURVE_PHASE_HBP;
  guint n_refs, n_drawn = 0;
  gboolean liver_on_top;

  memset (c, 0, sizeof *c);
  c->sets[0] = set;
  c->n_sets = 1 + options->n_compare;
  for (guint i = 0; i < options->n_compare; i++)
    c->sets[i + 1] = options->compare[i];
  for (guint k = 0; k < c->n_sets; k++)
    for (guint i = 0; i < c->sets[k]->n_parts; i++)
      c->hbp_given |= hep_curve_value_is_set (c->sets[k]->parts[i].values[HEP_CURVE_PHASE_HBP]);
  liver_on_top = c->n_sets == 1 && lesion_meets_liver (set, last);

  /* aorta, background livers, then the lesion parts (one set) or each
   * set's primary curve (comparison) */
  c->series[c->n_series++] = (Series) { "aorta", hep_curve_reference_get_label (HEP_CURVE_REF_AORTA),
                                        hep_curve_reference_get_values (HEP_CURVE_REF_AORTA),
                                        &aorta_style, 2.0, NAN, FALSE, FALSE };
  for (guint r = HEP_CURVE_REF_LIVER_NORMAL; r < HEP_CURVE_N_REFS; r++)
    {
      gboolean used = FALSE;

      for (guint k = 0; k < c->n_sets; k++)
        used |= c->sets[k]->background == r;
      if (used)
        c->series[c->n_series++] = (Series) { hep_curve_reference_get_id (r), hep_curve_reference_get_label (r),
                                              hep_curve_reference_get_values (r),
                                              &liver_styles[r - HEP_CURVE_REF_LIVER_NORMAL], 2.4, NAN,
                                              liver_on_top, !c->hbp_given };
    }
  n_refs = c->n_series;
  if (c->n_sets == 1)
    {
      for (guint i = 0; i < set->n_parts; i++)
        c->series[c->n_series++] = (Series) { set->parts[i].id, _(set->parts[i].label), set->parts[i].values,
                                              &lesion_styles[i % G_N_ELEMENTS (lesion_styles)],
                                              set->parts[i].variant ? 1.8 : (i == 0 ? 3.2 : 2.6),
                                              i == 0 ? set->tp_gadoxetate_180 : NAN, FALSE, FALSE };
    }
  else
    {
      for (guint k = 0; k < c->n_sets; k++)
        {
          const HepCurvePart *primary = &c->sets[k]->parts[0];

          /* name the part when the primary curve is not the whole lesion */
          if (primary->role == HEP_CURVE_ROLE_WHOLE && g_str_equal (primary->id, "lesion"))
            c->labels[k] = g_strdup (_(c->sets[k]->label));
          else
            c->labels[k] = g_strdup_printf (_("%s: %s"), _(c->sets[k]->label), _(primary->label));
          c->series[c->n_series++] = (Series) { c->sets[k]->id, c->labels[k], primary->values,
                                                &lesion_styles[k], 3.0, c->sets[k]->tp_gadoxetate_180,
                                                FALSE, FALSE };
        }
    }
  /* references first so that lesions are drawn over them, but a liver
   * that an iso lesion would hide goes on top */
  c->draw_order[n_drawn++] = 0;
  for (guint i = liver_on_top ? n_refs : 1; i < c->n_series; i++)
    c->draw_order[n_drawn++] = i;
  for (guint i = 1; liver_on_top && i < n_refs; i++)
    c->draw_order[n_drawn++] = i;
  if (!liver_on_top)
    for (guint i = n_drawn; i < c->n_series; i++)
      c->draw_order[i] = i;

  for (guint i = 0; i < c->n_series && last >= HEP_CURVE_PHASE_DELAYED; i++)
    c->any_tp |= hep_curve_value_is_set (c->series[i].tp);

  if (c->n_sets == 1)
    {
      c->title = g_strdup_printf (_("Enhancement curves: %s"), _(set->label));
      c->heading = _(set->label);
    }
  else
    c->title = g_strdup (_("Enhancement curves compared"));

  if (liver_on_top)
    c->notes[c->n_notes++] = _("Open markers: the liver, drawn over the lesion where the lesion is iso.");
  if (c->any_tp)
    c->notes[c->n_notes++] = _("Hollow marker (TP): gadoxetate transitional phase at 180 s, pseudo-washout.");
  if (!options->large_text)
    c->notes[c->n_notes++] = _("Up to 180 s: extracellular agent (CT or ECA-MRI). HBP: gadoxetate MR signal, "
                               "normal liver ≈ 0.65.");
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

static double
lines_width (GPtrArray *lines,
             double     size,
             gboolean   bold)
{
  double w = 0;

  for (guint i = 0; i < lines->len; i++)
    w = MAX (w, _hep_diagram_text_width (lines->pdata[i], size, bold));
  return w;
}

/* The time under @phase: "~20 min", or nothing. */
static const char *
time_text (HepCurvePhase phase)
{
  return _hep_diagram_time_label (phase);
}

/* Step 2: the phase names and times under the axis. */
static void
fit_axis_labels (CurveLayout *l,
                 double       right_limit)
{
  double gap = l->fs * 0.5;

  l->label_level = N_LABEL_LEVELS - 1;
  for (int level = 0; level < N_LABEL_LEVELS; level++)
    {
      double prev_x = 0, prev_half = 0;
      gboolean fits = TRUE, first = TRUE;

      for (guint p = 0; p < HEP_CURVE_N_POINTS && p <= l->last && fits; p++)
        {
          g_autoptr(GPtrArray) lines = NULL;
          double x = curve_x (l, unit_pos[p]), half;

          if (p == HEP_CURVE_PHASE_EARLY_ARTERIAL)
            continue;
          lines = _hep_diagram_phase_name_lines (p, level);
          half = lines_width (lines, l->label_fs, TRUE) / 2;
          if (!first && x - prev_x < prev_half + half + gap)
            fits = FALSE;
          if (x + half > right_limit || x - half < l->pad * 0.5)
            fits = FALSE;
          prev_x = x;
          prev_half = half;
          first = FALSE;
        }
      if (fits)
        {
          l->label_level = level;
          break;
        }
    }

  /* still too narrow (a large zoom): a name that would touch the one
   * before it is left out */
  {
    double prev_right = -G_MAXDOUBLE;

    for (guint p = 0; p < HEP_CURVE_N_POINTS; p++)
      {
        g_autoptr(GPtrArray) lines = _hep_diagram_phase_name_lines (p, l->label_level);
        double x = curve_x (l, unit_pos[p]);
        double half = lines_width (lines, l->label_fs, TRUE) / 2;

        l->name_shown[p] = p <= l->last && p != HEP_CURVE_PHASE_EARLY_ARTERIAL &&
                           x - half >= MAX (prev_right + gap, l->pad * 0.5) && x + half <= right_limit;
        if (l->name_shown[p])
          prev_right = x + half;
      }
  }

  /* the early-arterial point: its name while it fits between its
   * neighbours (at levels 0 and 1), else nothing */
  l->early_name = FALSE;
  if (l->last >= HEP_CURVE_PHASE_LATE_ARTERIAL && l->label_level < 2)
    {
      g_autoptr(GPtrArray) pre = _hep_diagram_phase_name_lines (HEP_CURVE_PHASE_PRE, l->label_level);
      g_autoptr(GPtrArray) early = _hep_diagram_phase_name_lines (HEP_CURVE_PHASE_EARLY_ARTERIAL, l->label_level);
      g_autoptr(GPtrArray) late = _hep_diagram_phase_name_lines (HEP_CURVE_PHASE_LATE_ARTERIAL, l->label_level);
      double xe = curve_x (l, unit_pos[HEP_CURVE_PHASE_EARLY_ARTERIAL]);
      double he = lines_width (early, l->label_fs, FALSE) / 2;

      l->early_name = early->len > 0 &&
        xe - curve_x (l, unit_pos[HEP_CURVE_PHASE_PRE]) >= lines_width (pre, l->label_fs, TRUE) / 2 + he + gap &&
        curve_x (l, unit_pos[HEP_CURVE_PHASE_LATE_ARTERIAL]) - xe >= lines_width (late, l->label_fs, TRUE) / 2 + he + gap;
    }
  l->label_lines = 1;
  for (guint p = 0; p < HEP_CURVE_N_POINTS && p <= l->last; p++)
    {
      g_autoptr(GPtrArray) lines = _hep_diagram_phase_name_lines (p, l->label_level);

      if (l->name_shown[p] || (p == HEP_CURVE_PHASE_EARLY_ARTERIAL && l->early_name))
        l->label_lines = MAX (l->label_lines, lines->len);
    }

  /* times: each unless it would touch the one before */
  {
    double prev_right = -G_MAXDOUBLE;

    for (guint p = 0; p < HEP_CURVE_N_POINTS; p++)
      {
        double x = curve_x (l, unit_pos[p]);
        double half = _hep_diagram_text_width (time_text (p), l->small, FALSE) / 2;

        l->time_shown[p] = p <= l->last && x - half >= prev_right + gap && x + half <= right_limit;
        if (l->time_shown[p])
          prev_right = x + half;
      }
  }
}

static double
axis_labels_height (const CurveLayout *l)
{
  return l->fs * 0.45 + l->label_lines * l->label_fs * HEP_DIAGRAM_LINE_HEIGHT + l->small * 1.3;
}

static double
legend_height (const Content     *c,
               const CurveLayout *l,
               guint              n_notes)
{
  double sample = l->fs * 2.6;
  double h = 0;

  if (c->heading != NULL)
    h += _hep_diagram_wrapped_height (c->heading, l->legend_w, l->fs, TRUE) + l->fs * 0.4;
  for (guint i = 0; i < c->n_series; i++)
    h += _hep_diagram_wrapped_height (c->series[i].label, l->legend_w - sample - l->fs * 0.6, l->fs, FALSE) +
         l->fs * 0.35;
  if (n_notes > 0)
    h += l->fs * 0.5;
  for (guint i = 0; i < n_notes; i++)
    h += _hep_diagram_wrapped_height (c->notes[i], l->legend_w, l->small, FALSE) + l->fs * 0.3;
  return h;
}

/* Lays the diagram out at options' width and height, or (@natural) at the
 * width alone, setting l->height to the height it wants. */
static void
curve_layout (const Content           *c,
              const HepDiagramOptions *options,
              gboolean                 natural,
              CurveLayout             *l)
{
  double min_px = _hep_diagram_min_px (options);
  double ts = _hep_diagram_text_scale (options);
  double prop, tick_w, top, footer_h, fixed, plot_h, plot_min, right_limit;

  memset (l, 0, sizeof *l);
  _hep_diagram_get_size (options, &l->width, &l->height);
  l->large = options->large_text;
  l->last = options->up_to_phase ? options->last_phase : HEP_CURVE_PHASE_HBP;
  prop = natural ? l->width / 800.0 : MIN (l->width / 800.0, l->height / 500.0);
  if (l->large)
    l->fs = min_px / 0.85;
  else
    l->fs = MAX (min_px, MIN (prop * 12.5 * ts, 18.0 * ts));
  l->small = MAX (min_px, l->fs * 0.85);
  l->label_fs = MAX (min_px, l->fs * 0.92);
  l->title_fs = l->fs * (l->large ? 1.2 : 1.3);
  l->pad = l->fs * 1.2;

  /* header */
  l->title_lines = _hep_diagram_wrap (c->title, l->width - 2 * l->pad, l->title_fs, TRUE);
  if (!l->large)
    l->subtitle_lines = _hep_diagram_wrap (_("Schematic, not measured. Enhancement above the precontrast baseline."),
                                           l->width - 2 * l->pad, l->small, FALSE);
  l->footer_lines = _hep_diagram_wrap (_("Schematic, not measured — for education only."),
                                       l->width - 2 * l->pad, l->fs, TRUE);
  footer_h = l->footer_lines->len * l->fs * HEP_DIAGRAM_LINE_HEIGHT;

  /* step 1: the legend beside the plot, or below it */
  tick_w = _hep_diagram_text_width ("0.75", l->small, FALSE);
  l->x0 = l->pad + l->small * 1.4 + tick_w + l->fs * 0.5;
  l->legend_w = CLAMP (l->width * 0.28, l->fs * 13, l->fs * 25);
  l->legend_x = l->width - l->legend_w - l->pad * 0.5;
  l->x1 = l->legend_x - l->pad;
  l->legend_below = l->x1 - l->x0 < l->fs * 24;
  if (l->legend_below)
    {
      l->legend_x = l->pad;
      l->legend_w = l->width - 2 * l->pad;
      l->x1 = l->width - l->pad;
    }
  right_limit = l->legend_below ? l->width - l->pad * 0.5 : l->legend_x - l->fs * 0.5;

  /* step 2 */
  fit_axis_labels (l, right_limit);

  /* step 4, and the height */
  plot_min = l->fs * 8;
  l->n_notes = c->n_notes;
  for (;;)
    {
      double legend_h = legend_height (c, l, l->n_notes);

      top = l->pad + l->title_lines->len * l->title_fs * HEP_DIAGRAM_LINE_HEIGHT;
      if (l->subtitle_lines != NULL)
        top += l->subtitle_lines->len * l->small * HEP_DIAGRAM_LINE_HEIGHT;
      top += l->fs * 0.6;
      fixed = top + axis_labels_height (l) + footer_h + l->pad * 0.5 + l->fs * 0.6;
      if (l->legend_below)
        fixed += legend_h + l->fs * 0.6;
      if (natural)
        {
          if (l->legend_below)
            plot_h = CLAMP (l->width * 0.5, plot_min, l->fs * 24);
          else
            plot_h = MAX (MAX (l->width * 0.625 - fixed, plot_min), legend_h - axis_labels_height (l));
          l->height = ceil (fixed + plot_h);
          break;
        }
      plot_h = l->height - fixed;
      /* beside the plot, the legend may reach down to the footer */
      if (plot_h >= plot_min && (l->legend_below || legend_h <= plot_h + axis_labels_height (l)))
        break;
      if (l->subtitle_lines != NULL)
        g_clear_pointer (&l->subtitle_lines, g_ptr_array_unref);
      else if (l->n_notes > 0)
        l->n_notes--;
      else
        {
          plot_h = MAX (plot_h, l->fs * 2);
          break;
        }
    }
  l->title_y = l->pad + l->title_fs * 0.85;
  l->subtitle_y = l->pad + l->title_lines->len * l->title_fs * HEP_DIAGRAM_LINE_HEIGHT + l->small * 0.85;
  l->y0 = top;
  l->y1 = top + plot_h;
  l->legend_y = l->legend_below ? l->y1 + axis_labels_height (l) + l->fs * 0.6 : l->y0;
  l->footer_y = l->height - l->pad * 0.5 - l->fs * 0.3 -
                (l->footer_lines->len - 1) * l->fs * HEP_DIAGRAM_LINE_HEIGHT;

  /* step 3 */
  l->axis_title = _("enhancement (1.0 ≈ +200 HU)");
  if (_hep_diagram_text_width (l->axis_title, l->small, FALSE) > plot_h)
    l->axis_title = _("enhancement");
  if (_hep_diagram_text_width (l->axis_title, l->small, FALSE) > plot_h)
    l->axis_title = NULL;
  {
    double xh = curve_x (l, unit_pos[HEP_CURVE_PHASE_HBP]);
    double half = MAX (_hep_diagram_text_width (_("gadoxetate"), l->small, FALSE),
                       _hep_diagram_text_width (_("MR scale"), l->small, FALSE)) / 2;

    l->hbp_note = l->last >= HEP_CURVE_PHASE_HBP && c->hbp_given &&
                  xh - half >= curve_x (l, UNIT_BREAK) + l->fs * 0.3 && xh + half <= right_limit &&
                  plot_h >= l->small * 6;
  }
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

static void
write_series (HepSvgWriter      *w,
              const CurveLayout *l,
              const Series      *s,
              HepDiagramTheme    theme_id)
{
  const Theme *theme = &_hep_diagram_themes[theme_id];
  const char *colour = style_colour (s->style, theme_id);
  const char *fill = s->hollow ? theme->background : colour;
  g_autoptr(HepSvgPath) p = hep_svg_path_new ();
  gboolean started = FALSE;
  double r = l->fs * (s->hollow ? 0.45 : 0.33);

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

      if (!hep_curve_value_is_set (s->values[i]) || (i == HEP_CURVE_PHASE_HBP && s->skip_hbp))
        continue;
      x = curve_x (l, unit_pos[i]);
      y = curve_y (l, s->values[i]);
      if (i == HEP_CURVE_PHASE_HBP)
        {
          /* A short level line: the HBP value stands alone after the break. */
          hep_svg_writer_element (w, "line",
                                  "x1", _hep_diagram_num (x - l->fs * 1.4), "y1", _hep_diagram_num (y),
                                  "x2", _hep_diagram_num (x + l->fs * 1.4), "y2", _hep_diagram_num (y),
                                  "stroke", colour, "stroke-width", _hep_diagram_num (s->line_width),
                                  s->style->dash ? "stroke-dasharray" : NULL, s->style->dash,
                                  NULL);
          hep_svg_writer_end (w);
          hep_svg_writer_begin (w, "g", "class", "series-hbp", NULL);
        }
      write_marker (w, s->style->marker, x, y, r, colour, fill);
    }
  if (hep_curve_value_is_set (s->tp) && l->last >= HEP_CURVE_PHASE_DELAYED)
    {
      double x = curve_x (l, unit_pos[HEP_CURVE_PHASE_DELAYED] + 0.3);
      double y = curve_y (l, s->tp);

      write_marker (w, s->style->marker, x, y, r * 1.2, colour, theme->background);
      if (s->tp_label)
        _hep_diagram_text_at (w, _("TP"), x + r * 2.2, y + l->small * 0.35, l->small, "start", colour, FALSE);
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
  double sample = l->fs * 2.6;
  double baseline = *y + l->fs * 0.85;
  double yy = baseline - l->fs * 0.35;

  hep_svg_writer_element (w, "line", "x1", _hep_diagram_num (x), "y1", _hep_diagram_num (yy),
                          "x2", _hep_diagram_num (x + sample), "y2", _hep_diagram_num (yy),
                          "stroke", colour, "stroke-width", _hep_diagram_num (s->line_width),
                          s->style->dash ? "stroke-dasharray" : NULL, s->style->dash, NULL);
  write_marker (w, s->style->marker, x + sample / 2, yy, l->fs * (s->hollow ? 0.45 : 0.33), colour,
                s->hollow ? theme->background : colour);
  _hep_diagram_wrapped_text_at (w, s->label, x + sample + l->fs * 0.6, baseline,
                                l->legend_w - sample - l->fs * 0.6, l->fs, theme->foreground, FALSE);
  *y += _hep_diagram_wrapped_height (s->label, l->legend_w - sample - l->fs * 0.6, l->fs, FALSE) + l->fs * 0.35;
}

char *
_hep_diagram_curve_svg (const HepCurveSet       *set,
                        const HepDiagramOptions *options,
                        char                   **text_alternative)
{
  const Theme *theme = &_hep_diagram_themes[options->theme];
  g_autoptr(HepSvgWriter) w = NULL;
  g_autoptr(GString) desc = g_string_new (NULL);
  Content c;
  CurveLayout l;
  double y, fs;

  content_init (&c, set, options);
  curve_layout (&c, options, FALSE, &l);
  fs = l.fs;

  g_string_append_printf (desc, _("Schematic time–intensity curves, not measured: enhancement above the "
                                  "precontrast baseline (1.0 ≈ +200 HU) of %s"), _(set->label));
  for (guint k = 1; k < c.n_sets; k++)
    g_string_append_printf (desc, k + 1 == c.n_sets ? _(" and %s") : ", %s", _(c.sets[k]->label));
  if (c.n_sets == 1)
    g_string_append_printf (desc, _(", against %s and the aorta; the HBP point is gadoxetate MR signal on "
                                    "its own scale."), hep_curve_reference_get_label (set->background));
  else
    g_string_append (desc, _(", against the background liver and the aorta; the HBP point is gadoxetate MR "
                             "signal on its own scale."));
  describe_curves (desc, set, c.n_sets, c.sets, c.labels, l.last);

  w = hep_svg_writer_new (l.width, l.height);
  _hep_diagram_write_header (w, c.title, desc->str, l.width, l.height, theme, fs);

  /* Title and subtitle. */
  for (guint i = 0; i < l.title_lines->len; i++)
    _hep_diagram_text_at (w, l.title_lines->pdata[i], l.pad, l.title_y + i * l.title_fs * HEP_DIAGRAM_LINE_HEIGHT,
                          l.title_fs, "start", theme->foreground, TRUE);
  for (guint i = 0; l.subtitle_lines != NULL && i < l.subtitle_lines->len; i++)
    _hep_diagram_text_at (w, l.subtitle_lines->pdata[i], l.pad,
                          l.subtitle_y + i * l.small * HEP_DIAGRAM_LINE_HEIGHT,
                          l.small, "start", theme->muted, FALSE);

  /* Phase bands and their labels under the axis. */
  hep_svg_writer_begin (w, "g", "class", "bands", NULL);
  for (guint p = 0; p < HEP_CURVE_N_POINTS; p++)
    {
      double xa, xb, xc = curve_x (&l, unit_pos[p]);
      g_autoptr(GPtrArray) lines = NULL;
      double ly = l.y1 + fs * 0.45 + l.label_fs * 0.85;

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
      lines = _hep_diagram_phase_name_lines (p, l.label_level);
      for (guint k = 0; k < lines->len && (l.name_shown[p] || (p == HEP_CURVE_PHASE_EARLY_ARTERIAL && l.early_name));
           k++)
        _hep_diagram_text_at (w, lines->pdata[k], xc, ly + k * l.label_fs * HEP_DIAGRAM_LINE_HEIGHT, l.label_fs,
                              "middle", theme->foreground, p != HEP_CURVE_PHASE_EARLY_ARTERIAL);
      if (l.time_shown[p])
        _hep_diagram_text_at (w, time_text (p), xc,
                              l.y1 + fs * 0.45 + l.label_lines * l.label_fs * HEP_DIAGRAM_LINE_HEIGHT + l.small * 0.85,
                              l.small, "middle", theme->muted, FALSE);
    }
  if (l.hbp_note)
    {
      _hep_diagram_text_at (w, _("gadoxetate"), curve_x (&l, unit_pos[HEP_CURVE_PHASE_HBP]), l.y0 + l.small * 1.2,
                            l.small, "middle", theme->muted, FALSE);
      _hep_diagram_text_at (w, _("MR scale"), curve_x (&l, unit_pos[HEP_CURVE_PHASE_HBP]),
                            l.y0 + l.small * (1.2 + HEP_DIAGRAM_LINE_HEIGHT), l.small, "middle", theme->muted, FALSE);
    }
  else if (l.last >= HEP_CURVE_PHASE_HBP && !c.hbp_given &&
           _hep_diagram_text_width (_("not given"), l.small, FALSE) < l.y1 - l.y0 - fs)
    {
      /* the features give no HBP: said across its band */
      char rot[64];
      double tx = curve_x (&l, unit_pos[HEP_CURVE_PHASE_HBP]) + l.small * 0.35, ty = (l.y0 + l.y1) / 2;

      g_snprintf (rot, sizeof rot, "rotate(-90 %s %s)", _hep_diagram_num (tx), _hep_diagram_num (ty));
      hep_svg_writer_text_element (w, "text", _("not given"),
                                   "class", "not-given",
                                   "x", _hep_diagram_num (tx), "y", _hep_diagram_num (ty),
                                   "font-size", _hep_diagram_num (l.small), "text-anchor", "middle",
                                   "fill", theme->muted, "transform", rot, NULL);
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
      _hep_diagram_text_at (w, _hep_diagram_num (v), l.x0 - fs * 0.5, yy + l.small * 0.35, l.small, "end",
                            theme->muted, FALSE);
    }
  if (l.axis_title != NULL)
    {
      char rot[64];
      double tx = l.pad + l.small * 0.85, ty = (l.y0 + l.y1) / 2;

      g_snprintf (rot, sizeof rot, "rotate(-90 %s %s)", _hep_diagram_num (tx), _hep_diagram_num (ty));
      hep_svg_writer_text_element (w, "text", l.axis_title,
                                   "x", _hep_diagram_num (tx), "y", _hep_diagram_num (ty),
                                   "font-size", _hep_diagram_num (l.small), "text-anchor", "middle",
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

  /* one "TP" label where two markers would put theirs together */
  {
    double label_y[MAX_SERIES];
    guint n_labels = 0;

    for (guint i = 0; i < c.n_series; i++)
      {
        Series *s = &c.series[c.draw_order[i]];
        double ty = curve_y (&l, s->tp);

        if (!hep_curve_value_is_set (s->tp))
          continue;
        s->tp_label = TRUE;
        for (guint k = 0; k < n_labels; k++)
          if (fabs (label_y[k] - ty) < l.small * 1.1)
            s->tp_label = FALSE;
        if (s->tp_label)
          label_y[n_labels++] = ty;
      }
  }

  /* Series: references first so lesion curves are drawn on top, but a
   * liver that an iso lesion would hide over it. */
  for (guint i = 0; i < c.n_series; i++)
    write_series (w, &l, &c.series[c.draw_order[i]], options->theme);

  /* Legend. */
  hep_svg_writer_begin (w, "g", "class", "legend", NULL);
  y = l.legend_y;
  if (c.heading != NULL)
    {
      _hep_diagram_wrapped_text_at (w, c.heading, l.legend_x, y + fs * 0.85, l.legend_w, fs, theme->foreground, TRUE);
      y += _hep_diagram_wrapped_height (c.heading, l.legend_w, fs, TRUE) + fs * 0.4;
    }
  for (guint i = 0; i < c.n_series; i++)
    write_legend_entry (w, &l, &c.series[i], options->theme, &y);
  if (l.n_notes > 0)
    y += fs * 0.5;
  for (guint i = 0; i < l.n_notes; i++)
    {
      _hep_diagram_wrapped_text_at (w, c.notes[i], l.legend_x, y + l.small * 0.85, l.legend_w, l.small,
                                    theme->muted, FALSE);
      y += _hep_diagram_wrapped_height (c.notes[i], l.legend_w, l.small, FALSE) + fs * 0.3;
    }
  hep_svg_writer_end (w);

  /* The note, visibly. */
  for (guint i = 0; i < l.footer_lines->len; i++)
    _hep_diagram_text_at (w, l.footer_lines->pdata[i], l.pad, l.footer_y + i * fs * HEP_DIAGRAM_LINE_HEIGHT, fs,
                          "start", theme->foreground, TRUE);

  curve_layout_clear (&l);
  content_clear (&c);
  if (text_alternative != NULL)
    *text_alternative = g_strdup (desc->str);
  return hep_svg_writer_free_to_string (g_steal_pointer (&w));
}

int
_hep_diagram_curve_natural_height (const HepCurveSet       *set,
                                   const HepDiagramOptions *options)
{
  Content c;
  CurveLayout l;
  int height;

  content_init (&c, set, options);
  curve_layout (&c, options, TRUE, &l);
  height = (int) l.height;
  curve_layout_clear (&l);
  content_clear (&c);
  return CLAMP (height, HEP_DIAGRAM_MIN_SIZE, HEP_DIAGRAM_MAX_SIZE);
}

/* The phase nearest to x inside the plot, or -1. */
int
_hep_diagram_curve_phase_at (const HepCurveSet       *set,
                             const HepDiagramOptions *options,
                             double                   x,
                             double                   y)
{
  Content c;
  CurveLayout l;
  double best = G_MAXDOUBLE;
  int phase = -1;

  content_init (&c, set, options);
  curve_layout (&c, options, FALSE, &l);
  if (x >= l.x0 && x <= l.x1 && y >= l.y0 && y <= l.y1 + axis_labels_height (&l))
    for (guint i = 0; i < HEP_CURVE_N_POINTS; i++)
      {
        double d = fabs (x - curve_x (&l, unit_pos[i]));

        if (d < best)
          {
            best = d;
            phase = (int) i;
          }
      }
  curve_layout_clear (&l);
  content_clear (&c);
  return phase;
}
