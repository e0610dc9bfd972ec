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
#include "hep-diagram-private.h"
#include "hep-svg-writer.h"

/* Numbers for attributes: a ring of buffers so that one call can format
 * several numbers (every argument is evaluated before the call). */
#define N_NUMBER_BUFS 24
static __thread char number_bufs[N_NUMBER_BUFS][HEP_SVG_NUMBER_BUF_SIZE];
static __thread guint number_next;

const char *
_hep_diagram_num (double value)
{
  char *buf = number_bufs[number_next];

  number_next = (number_next + 1) % N_NUMBER_BUFS;
  return hep_svg_format_number (buf, value);
}


G_DEFINE_QUARK (hep-diagram-error-quark, hep_diagram_error)

/* ---- palette ------------------------------------------------------------- */

/* In the order of HepDiagramTheme: light, dark, high-contrast light and
 * dark (muted text as strong as the rest, grid and outlines darker). */
const Theme _hep_diagram_themes[] = {
  { "#FFFFFF", "#1E1E1E", "#5E5E5E", "#D6D6D6", "#EEF1F5", "#101010", "#3A3A3A" },
  { "#242424", "#F2F2F2", "#B8B8B8", "#484848", "#2F333A", "#050505", "#6A6A6A" },
  { "#FFFFFF", "#000000", "#000000", "#767676", "#E4E8EE", "#000000", "#000000" },
  { "#000000", "#FFFFFF", "#FFFFFF", "#9A9A9A", "#262A30", "#000000", "#FFFFFF" },
};

gboolean
hep_diagram_theme_is_dark (HepDiagramTheme theme)
{
  return theme == HEP_DIAGRAM_THEME_DARK || theme == HEP_DIAGRAM_THEME_HC_DARK;
}

const char *
hep_diagram_theme_get_background (HepDiagramTheme theme)
{
  g_return_val_if_fail ((guint) theme < G_N_ELEMENTS (_hep_diagram_themes), NULL);
  return _hep_diagram_themes[theme].background;
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

void
hep_diagram_options_set_last_phase (HepDiagramOptions *options,
                                    HepCurvePhase      last_phase)
{
  g_return_if_fail (options != NULL);
  g_return_if_fail (last_phase <= HEP_CURVE_PHASE_HBP);
  options->up_to_phase = TRUE;
  options->last_phase = last_phase;
}

gboolean
_hep_diagram_phase_shown (const HepDiagramOptions *options,
                          HepCurvePhase            phase)
{
  return !options->up_to_phase || phase <= options->last_phase;
}

double
_hep_diagram_min_px (const HepDiagramOptions *options)
{
  double width, height;
  /* zooming out leaves the diagrams at their minimum */
  double zoom = options->text_scale > 0 ? MAX (options->text_scale, 1.0) : 1.0;

  if (!options->large_text)
    return HEP_DIAGRAM_MIN_TEXT_PX * zoom;
  _hep_diagram_get_size (options, &width, &height);
  /* 24 px at 1280 × 720 and larger in proportion, never smaller: a diagram
   * given part of the screen keeps type readable from the back of the room */
  return HEP_DIAGRAM_LARGE_TEXT_MIN_PX * zoom * MAX (1.0, MIN (width / 1280.0, height / 720.0));
}

double
_hep_diagram_text_scale (const HepDiagramOptions *options)
{
  return options->text_scale > 0 ? options->text_scale : 1.0;
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

void
_hep_diagram_get_size (const HepDiagramOptions *options,
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

const char *
_hep_diagram_time_label (HepCurvePhase phase)
{
  static const char * const labels[HEP_CURVE_N_POINTS] = {
    N_("0 s"), N_("20 s"), N_("35 s"), N_("70 s"), N_("180 s"), N_("~20 min"),
  };
  return _(labels[phase]);
}

/* Shorter phase names, by level: 1, one word; 2, an abbreviation. */
static const char * const short_names[2][HEP_CURVE_N_POINTS] = {
  { N_("pre"), N_("early"), N_("arterial"), N_("portal"), N_("delayed"), N_("HBP") },
  { N_("pre"), "", N_("AP"), N_("PVP"), N_("DP"), N_("HBP") },
};

/* The name of @phase at @level (0: the full label on up to two lines,
 * split at its first space: "late" / "arterial", "delayed /" /
 * "transitional", "HBP" / "(gadoxetate)"; 1: one word; 2: an
 * abbreviation; the early-arterial point has none). */
GPtrArray *
_hep_diagram_phase_name_lines (HepCurvePhase phase,
                               int           level)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);

  if (level == 0)
    {
      const char *label = hep_curve_phase_get_label (phase);
      const char *space = strchr (label, ' ');

      if (space == NULL)
        g_ptr_array_add (lines, g_strdup (label));
      else if (g_str_has_prefix (space, " / "))
        {
          g_ptr_array_add (lines, g_strndup (label, space - label + 2));
          g_ptr_array_add (lines, g_strdup (space + 3));
        }
      else
        {
          g_ptr_array_add (lines, g_strndup (label, space - label));
          g_ptr_array_add (lines, g_strdup (space + 1));
        }
    }
  else if (short_names[level - 1][phase][0] != '\0')
    g_ptr_array_add (lines, g_strdup (_(short_names[level - 1][phase])));
  return lines;
}

char *
_hep_diagram_format_value (double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (!hep_curve_value_is_set (value))
    return g_strdup (_("not given"));
  return g_strdup (g_ascii_formatd (buf, sizeof buf, "%.2f", value));
}


Relation
_hep_diagram_relation (double lesion,
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


static gboolean
has_rule (const HepCurveSet *set,
          const char        *rule)
{
  for (guint i = 0; i < set->n_rules; i++)
    if (g_str_equal (set->rules[i], rule))
      return TRUE;
  return FALSE;
}

/* Whether no part enhances in any phase up to @last. */
static gboolean
never_enhances (const HepCurveSet *set,
                HepCurvePhase      last)
{
  for (guint i = 0; i < set->n_parts; i++)
    for (guint j = 0; j < HEP_CURVE_N_POINTS && j <= last; j++)
      if (hep_curve_value_is_set (set->parts[i].values[j]) && set->parts[i].values[j] > 0.02)
        return FALSE;
  return TRUE;
}

/* The look of a lesion in one phase, in words ("hyper, rim", "hypo, washout"). */
char *
_hep_diagram_phase_words (const HepCurveSet *set,
                          HepCurvePhase      phase)
{
  return _hep_diagram_phase_words_up_to (set, phase, HEP_CURVE_PHASE_HBP);
}

/* The same, knowing only the phases up to @last (≥ @phase). */
char *
_hep_diagram_phase_words_up_to (const HepCurveSet *set,
                                HepCurvePhase      phase,
                                HepCurvePhase      last)
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

  gboolean cleft = centre != NULL && g_str_equal (centre->id, "central_cleft");

  if (phase == HEP_CURVE_PHASE_PRE)
    {
      /* intrinsic T1 signal is not in the curves (§4.3), only here */
      g_string_append (s, set->t1_hyper ? _("before contrast, T1 hyper") : _("before contrast"));
      return g_string_free (s, FALSE);
    }
  /* a phase the features do not give (no HBP without hbp=) */
  if (!hep_curve_value_is_set (v))
    {
      g_string_append (s, _("not given"));
      return g_string_free (s, FALSE);
    }
  /* HBP is uptake, not enhancement: it keeps its relation to liver */
  if (phase != HEP_CURVE_PHASE_HBP && never_enhances (set, last))
    {
      g_string_append (s, _("no enhancement"));
      return g_string_free (s, FALSE);
    }

  if (nodules != NULL && phase == HEP_CURVE_PHASE_LATE_ARTERIAL)
    g_string_append (s, _("peripheral nodules"));
  else if (nodules != NULL && centre != NULL && phase < HEP_CURVE_PHASE_HBP &&
           (centre->values[phase] > centre->values[phase - 1] + 0.05 ||
            (cleft && v > primary->values[phase - 1] + 0.05)))
    g_string_append (s, _("filling in"));
  else if (rim != NULL && centre != NULL)
    {
      double c = _hep_diagram_part_value (centre, phase, v);
      Relation rr = _hep_diagram_relation (rim->values[phase], liver);
      Relation rc = _hep_diagram_relation (c, liver);

      if (phase == HEP_CURVE_PHASE_HBP && rr == REL_HYPO && rc == REL_HYPO && c > rim->values[phase] + 0.05)
        {
          g_string_append (s, _("targetoid, centre brighter"));
          return g_string_free (s, FALSE);
        }
      /* a rim made by necrosis is the viable tumour, not rim APHE */
      if (has_rule (set, "necrosis") && !has_rule (set, "aphe-rim"))
        {
          g_string_append (s, relation_label (rr));
          if (rc == REL_HYPO)
            g_string_append_printf (s, ", %s", _("necrotic centre"));
          goto later;
        }
      g_string_append_printf (s, _("rim %s"), relation_label (rr));
      if (phase == HEP_CURVE_PHASE_DELAYED && c > centre->values[HEP_CURVE_PHASE_PORTAL_VENOUS] + 0.05 &&
          rc == REL_HYPER)
        g_string_append_printf (s, ", %s", _("centre enhances late"));
      else if (rc != rr)
        g_string_append_printf (s, _(", centre %s"), relation_label (rc));
    }
  else
    g_string_append (s, relation_label (_hep_diagram_relation (v, liver)));

later:

  /* washout: darker than liver after being brighter, or where the features
   * say so (the washout rule: a degraded arterial phase has no APHE) */
  if ((phase == HEP_CURVE_PHASE_PORTAL_VENOUS || phase == HEP_CURVE_PHASE_DELAYED) &&
      v < liver - 0.03 &&
      ((primary->role == HEP_CURVE_ROLE_WHOLE &&
        primary->values[HEP_CURVE_PHASE_LATE_ARTERIAL] > hep_curve_set_background (set, HEP_CURVE_PHASE_LATE_ARTERIAL) + 0.05) ||
       has_rule (set, "washout")))
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
  /* hemangioma_giant: the centre never fills */
  if (cleft && phase >= HEP_CURVE_PHASE_LATE_ARTERIAL && phase != HEP_CURVE_PHASE_HBP)
    g_string_append_printf (s, ", %s", _("non-enhancing cleft"));
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
  g_string_append_printf (s, "%s (%s)", hep_curve_phase_get_label (phase), _hep_diagram_time_label (phase));
  if (options->n_compare == 0)
    {
      g_autofree char *words = _hep_diagram_phase_words (set, phase);

      g_string_append_printf (s, ": %s", words);
      for (guint i = 0; i < set->n_parts; i++)
        {
          g_autofree char *value = _hep_diagram_format_value (set->parts[i].values[phase]);

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
          g_autofree char *value = _hep_diagram_format_value (sets[i]->parts[0].values[phase]);

          g_string_append_printf (s, "\n%s %s", _(sets[i]->label), value);
        }
    }
  if (phase == HEP_CURVE_PHASE_DELAYED && hep_curve_value_is_set (set->tp_gadoxetate_180))
    {
      g_autofree char *value = _hep_diagram_format_value (set->tp_gadoxetate_180);

      g_string_append_printf (s, "\n%s %s", _("TP (gadoxetate)"), value);
    }
  liver = _hep_diagram_format_value (hep_curve_set_background (set, phase));
  aorta = _hep_diagram_format_value (hep_curve_reference_get (HEP_CURVE_REF_AORTA, phase));
  g_string_append_printf (s, "\n%s %s\n%s %s", hep_curve_reference_get_label (set->background), liver,
                          hep_curve_reference_get_label (HEP_CURVE_REF_AORTA), aorta);
  return g_string_free (s, FALSE);
}

/* Wraps @text into lines of at most @max_chars characters (at spaces). */
GPtrArray *
_hep_diagram_wrap_text (const char *text,
                        int         max_chars)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) words = g_strsplit (text, " ", -1);
  GString *line = g_string_new (NULL);

  max_chars = MAX (max_chars, 1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      if (words[i][0] == '\0')
        continue;
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

/* A conservative width of @text at @size: every character as wide as a
 * wide one of Cantarell or DejaVu Sans (0.62 em, bold 0.66 em). The tests
 * check the layout with 0.6 em and with the fonts themselves. */
double
_hep_diagram_text_width (const char *text,
                         double      size,
                         gboolean    bold)
{
  return g_utf8_strlen (text, -1) * size * (bold ? 0.66 : 0.62);
}

/* @text wrapped to @width pixels at @size; a word longer than @width is a
 * line of its own (see _hep_diagram_lines_fit()). */
GPtrArray *
_hep_diagram_wrap (const char *text,
                   double      width,
                   double      size,
                   gboolean    bold)
{
  return _hep_diagram_wrap_text (text, (int) floor (width / (size * (bold ? 0.66 : 0.62))));
}

/* Whether every line of @lines fits @width. */
gboolean
_hep_diagram_lines_fit (GPtrArray *lines,
                        double     width,
                        double     size,
                        gboolean   bold)
{
  for (guint i = 0; i < lines->len; i++)
    if (_hep_diagram_text_width (lines->pdata[i], size, bold) > width + 0.01)
      return FALSE;
  return TRUE;
}

void
_hep_diagram_text_at (HepSvgWriter *w,
                      const char   *text,
                      double        x,
                      double        y,
                      double        size,
                      const char   *anchor,
                      const char   *fill,
                      gboolean      bold)
{

  hep_svg_writer_text_element (w, "text", text,
                               "x", _hep_diagram_num (x), "y", _hep_diagram_num (y),
                               "font-size", _hep_diagram_num (size),
                               "text-anchor", anchor,
                               "fill", fill,
                               bold ? "font-weight" : NULL, "bold",
                               NULL);
}

/* Writes @text wrapped to @width pixels; returns the y below the last line
 * (lines LINE_HEIGHT × @size apart). */
double
_hep_diagram_wrapped_text_at (HepSvgWriter *w,
                              const char   *text,
                              double        x,
                              double        y,
                              double        width,
                              double        size,
                              const char   *fill,
                              gboolean      bold)
{
  g_autoptr(GPtrArray) lines = _hep_diagram_wrap (text, width, size, bold);

  for (guint i = 0; i < lines->len; i++)
    {
      _hep_diagram_text_at (w, lines->pdata[i], x, y, size, "start", fill, bold);
      y += size * HEP_DIAGRAM_LINE_HEIGHT;
    }
  return y;
}

/* The height _hep_diagram_wrapped_text_at() takes. */
double
_hep_diagram_wrapped_height (const char *text,
                             double      width,
                             double      size,
                             gboolean    bold)
{
  g_autoptr(GPtrArray) lines = _hep_diagram_wrap (text, width, size, bold);

  return lines->len * size * HEP_DIAGRAM_LINE_HEIGHT;
}

void
_hep_diagram_write_header (HepSvgWriter *w,
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
                          "width", _hep_diagram_num (width), "height", _hep_diagram_num (height),
                          "fill", theme->background, NULL);
  hep_svg_writer_begin (w, "g", "font-family", FONT_FAMILY, "font-size", _hep_diagram_num (font_size), NULL);
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
    return _hep_diagram_strip_svg (set, options, text_alternative);
  return _hep_diagram_curve_svg (set, options, text_alternative);
}

int
hep_diagram_get_height_for_width (const HepCurveSet       *set,
                                  const HepDiagramOptions *options,
                                  int                      width)
{
  HepDiagramOptions o;

  g_return_val_if_fail (set != NULL && options != NULL, HEP_DIAGRAM_MIN_SIZE);
  o = *options;
  o.width = CLAMP (width, HEP_DIAGRAM_MIN_SIZE, HEP_DIAGRAM_MAX_SIZE);
  o.height = 0;
  if (options->kind == HEP_DIAGRAM_KIND_PHASES)
    return _hep_diagram_strip_natural_height (set, &o);
  return _hep_diagram_curve_natural_height (set, &o);
}

int
hep_diagram_phase_at (const HepCurveSet       *set,
                      const HepDiagramOptions *options,
                      double                   x,
                      double                   y)
{
  g_return_val_if_fail (set != NULL && options != NULL, -1);

  if (options->kind == HEP_DIAGRAM_KIND_PHASES)
    return _hep_diagram_strip_phase_at (set, options, x, y);
  return _hep_diagram_curve_phase_at (set, options, x, y);
}
