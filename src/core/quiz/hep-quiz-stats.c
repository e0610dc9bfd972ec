/* hep-quiz-stats.c: what the review log says about a learner, and its plots
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "hep-quiz-stats.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "hep-fsrs.h"
#include "hep-quiz-review.h"
#include "hep-svg-writer.h"

#define DAY G_GINT64_CONSTANT (86400)
#define FONT_FAMILY "Cantarell, 'DejaVu Sans', sans-serif"
/* the mean width of a character of a label, in em (Cantarell and DejaVu
 * Sans at 12 px: about 6 px): enough for the labels to be laid out without
 * a text engine in the core */
#define CHAR_EM 0.52

/* ---- the numbers ---------------------------------------------------------- */

double
hep_quiz_tally_rate (const HepQuizTally *tally)
{
  return tally->n == 0 ? -1.0 : (double) tally->n_correct / tally->n;
}

static void
count (HepQuizTally *tally,
       gboolean      correct)
{
  tally->n++;
  tally->n_correct += correct ? 1 : 0;
}

void
hep_quiz_stats_free (HepQuizStats *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->days, g_array_unref);
  g_free (self);
}

/* The unix time of the midnight that begins @t's day, @offset seconds east
 * of UTC. */
static gint64
day_of (gint64 t,
        int    offset)
{
  gint64 local = t + offset;
  gint64 d = local / DAY;

  if (local < 0 && local % DAY != 0)
    d--;
  return d * DAY - offset;
}

/* Counts @e as skipped, with a warning; returns FALSE. */
static gboolean
skip (HepQuizStats          *self,
      GPtrArray             *warnings,
      const HepQuizLogEntry *e,
      const char            *what,
      const char            *value)
{
  self->n_skipped++;
  if (warnings)
    g_ptr_array_add (warnings, g_strdup_printf (_("Answer %" G_GINT64_FORMAT " of the review log skipped: "
                                                  "unknown %s “%s” (written by a newer Hepatica?)"),
                                                e->pk, what, value ? value : ""));
  return FALSE;
}

/* A choice's "none" says no more than leaving it unset (hep-quiz-error.c). */
static gboolean
is_present (const HepFeatureSet *set,
            HepFeature           f)
{
  if (!hep_feature_set_is_set (set, f))
    return FALSE;
  if (hep_feature_get_kind (f) == HEP_FEATURE_KIND_CHOICE)
    return g_strcmp0 (hep_feature_get_choice (f, hep_feature_set_get (set, f)), "none") != 0;
  return TRUE;
}

static void
count_features (HepQuizStats          *self,
                const HepQuizLogEntry *e,
                const HepFeatureSet   *truth_set,
                const HepFeatureSet   *answer_set)
{
  HepQuizAnswer truth, answer;
  HepQuizErrorReport report;

  hep_quiz_answer_init (&truth);
  truth.has_features = TRUE;
  truth.features = *truth_set;
  hep_quiz_answer_init (&answer);
  answer.has_features = TRUE;
  answer.features = *answer_set;
  hep_quiz_classify (&truth, &answer, &report);
  for (int f = 0; f < HEP_N_FEATURES; f++)
    {
      gboolean missed = FALSE;

      /* a feature present in neither (aphe=none against nothing) is no reading */
      if (!hep_quiz_is_perception_feature (f) || (!is_present (truth_set, f) && !is_present (answer_set, f)))
        continue;
      for (guint i = 0; i < report.n_misses; i++)
        missed |= report.misses[i].feature == (HepFeature) f;
      count (&self->by_feature[f], !missed && !(e->error_kind && g_str_equal (e->error_kind, "timing")));
    }
}

/* Feature strings repeat (a case's key, the usual answers): each is parsed
 * once. A string that does not parse is cached as NULL. */
static gboolean
parse_cached (GHashTable    *cache,
              const char    *text,
              HepFeatureSet *out)
{
  gpointer value;

  if (text == NULL)
    text = "";
  if (!g_hash_table_lookup_extended (cache, text, NULL, &value))
    {
      HepFeatureSet *set = g_new (HepFeatureSet, 1);

      hep_feature_set_init (set);
      if (!hep_feature_set_parse (set, text, NULL))
        g_clear_pointer (&set, g_free);
      g_hash_table_insert (cache, g_strdup (text), set);
      value = set;
    }
  if (value == NULL)
    return FALSE;
  *out = *(HepFeatureSet *) value;
  return TRUE;
}

/* Reads one row; FALSE when this version cannot (the row is skipped). */
static gboolean
read_row (HepQuizStats          *self,
          const HepQuizLogEntry *e,
          GHashTable            *cache,
          GPtrArray             *warnings)
{
  HepQuizKind kind;
  gboolean has_kind = FALSE;
  HepQuizErrorKind error_kind = HEP_QUIZ_ERROR_NONE;
  HepQuizConfidence confidence = HEP_QUIZ_CONFIDENCE_UNSURE;
  gboolean has_confidence = FALSE;
  HepFsrsRating grade;
  HepFeatureSet truth_set, answer_set;
  HepLiradsCategory category = HEP_LIRADS_NA;
  HepDdxDiagnosis truth_dx = HEP_DDX_HCC, answer_dx = HEP_DDX_HCC;
  gboolean has_answer_dx = FALSE;
  guint d;

  if (e->kind != NULL)
    {
      if (!hep_quiz_kind_from_string (e->kind, &kind))
        return skip (self, warnings, e, "question kind", e->kind);
      has_kind = TRUE;
    }
  else if (hep_quiz_kind_from_string (e->mode, &kind))
    has_kind = TRUE;   /* a schema v2 row: its mode named the kind */
  if (e->error_kind != NULL && !hep_quiz_error_kind_from_string (e->error_kind, &error_kind))
    return skip (self, warnings, e, "error kind", e->error_kind);
  if (e->grade != NULL && !hep_fsrs_rating_from_string (e->grade, &grade))
    return skip (self, warnings, e, "grade", e->grade);
  if (e->sureness != NULL)
    {
      if (!hep_quiz_confidence_from_string (e->sureness, &confidence))
        return skip (self, warnings, e, "confidence", e->sureness);
      has_confidence = TRUE;
    }
  else if (e->confidence > 0)
    {
      confidence = e->confidence >= 4 ? HEP_QUIZ_CONFIDENCE_SURE
                   : e->confidence == 3 ? HEP_QUIZ_CONFIDENCE_UNSURE : HEP_QUIZ_CONFIDENCE_GUESSING;
      has_confidence = TRUE;
    }
  if (e->error_kind == NULL && !e->correct && has_kind)
    error_kind = kind == HEP_QUIZ_KIND_FEATURES ? HEP_QUIZ_ERROR_PERCEPTION
                 : kind == HEP_QUIZ_KIND_DIAGNOSIS ? HEP_QUIZ_ERROR_KNOWLEDGE : HEP_QUIZ_ERROR_RULE;

  /* what the key and the answer hold, checked before anything is counted */
  if (has_kind && kind == HEP_QUIZ_KIND_FEATURES)
    {
      if (!parse_cached (cache, e->expected, &truth_set))
        return skip (self, warnings, e, "feature", e->expected);
      if (!parse_cached (cache, e->answer, &answer_set))
        return skip (self, warnings, e, "feature", e->answer);
    }
  else if (has_kind && kind == HEP_QUIZ_KIND_LIRADS)
    {
      if (!hep_lirads_category_from_string (e->expected, &category))
        return skip (self, warnings, e, "LI-RADS category", e->expected);
    }
  else if (has_kind && kind == HEP_QUIZ_KIND_DIAGNOSIS)
    {
      if (!hep_ddx_diagnosis_from_string (e->expected, &truth_dx))
        return skip (self, warnings, e, "diagnosis", e->expected);
      has_answer_dx = hep_ddx_diagnosis_from_string (e->answer, &answer_dx);
    }

  self->n_answers++;
  count (&self->all, e->correct);
  /* a wrong schema v2 row of no known kind says nothing of why */
  if (e->correct || error_kind != HEP_QUIZ_ERROR_NONE)
    self->by_error[error_kind]++;
  if (has_kind)
    count (&self->by_kind[kind], e->correct);
  if (has_confidence)
    count (&self->by_confidence[confidence], e->correct);
  if (g_strcmp0 (e->card_state, "review") == 0)
    count (&self->retention, e->correct);

  d = self->days->len;
  if (d == 0 || g_array_index (self->days, HepQuizDayTally, d - 1).day != day_of (e->answered_at, self->utc_offset))
    {
      HepQuizDayTally day = { day_of (e->answered_at, self->utc_offset), { 0, 0 } };

      g_array_append_val (self->days, day);
      d++;
    }
  count (&g_array_index (self->days, HepQuizDayTally, d - 1).tally, e->correct);

  if (!has_kind)
    return TRUE;
  switch (kind)
    {
    case HEP_QUIZ_KIND_FEATURES:
      count_features (self, e, &truth_set, &answer_set);
      break;
    case HEP_QUIZ_KIND_LIRADS:
      count (&self->by_lirads[category], e->correct);
      break;
    case HEP_QUIZ_KIND_DIAGNOSIS:
      count (&self->by_diagnosis[truth_dx], e->correct);
      if (has_answer_dx)
        self->confusion[truth_dx][answer_dx]++;
      break;
    case HEP_QUIZ_KIND_NEXT_TEST:
    case HEP_N_QUIZ_KINDS:
    default:
      break;
    }
  return TRUE;
}

static int
compare_time (gconstpointer a,
              gconstpointer b)
{
  const HepQuizLogEntry *x = *(HepQuizLogEntry **) a, *y = *(HepQuizLogEntry **) b;

  if (x->answered_at != y->answered_at)
    return x->answered_at < y->answered_at ? -1 : 1;
  return x->pk < y->pk ? -1 : x->pk > y->pk;
}

HepQuizStats *
hep_quiz_stats_new (GPtrArray *log,
                    GPtrArray *states,
                    gint64     now,
                    int        utc_offset,
                    GPtrArray *warnings)
{
  HepQuizStats *self = g_new0 (HepQuizStats, 1);
  g_autoptr(GPtrArray) sorted = g_ptr_array_new ();
  g_autoptr(GHashTable) cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  gint64 today = day_of (now, utc_offset);

  HepFsrsParams params;

  hep_fsrs_params_init_default (&params);
  self->desired_retention = params.desired_retention;
  self->utc_offset = utc_offset;
  self->days = g_array_new (FALSE, FALSE, sizeof (HepQuizDayTally));
  for (guint i = 0; log != NULL && i < log->len; i++)
    g_ptr_array_add (sorted, g_ptr_array_index (log, i));
  g_ptr_array_sort (sorted, compare_time);
  for (guint i = 0; i < sorted->len; i++)
    read_row (self, g_ptr_array_index (sorted, i), cache, warnings);

  for (guint i = 0; states != NULL && i < states->len; i++)
    {
      const HepReviewState *state = g_ptr_array_index (states, i);
      gint64 day = state->due <= now ? 0 : (day_of (state->due, utc_offset) - today) / DAY;

      if (day < HEP_QUIZ_STATS_FORECAST_DAYS)
        self->due[day]++;
    }
  return self;
}

HepQuizStats *
hep_quiz_stats_load (HepCaseStore  *store,
                     gint64         now,
                     int            utc_offset,
                     GPtrArray     *warnings,
                     GPtrArray    **log_out,
                     GError       **error)
{
  g_autoptr(GPtrArray) log = NULL;
  g_autoptr(GPtrArray) states = NULL;
  g_autoptr(GPtrArray) skills = NULL;
  HepQuizStats *stats;

  g_return_val_if_fail (HEP_IS_CASE_STORE (store), NULL);

  log = hep_case_store_list_log (store, 0, 0, error);
  if (log != NULL)
    states = hep_case_store_list_review_states (store, HEP_REVIEW_ITEM_CASE, error);
  if (states != NULL)
    skills = hep_case_store_list_review_states (store, HEP_REVIEW_ITEM_SKILL, error);
  if (skills == NULL)
    return NULL;
  for (guint i = 0; i < skills->len; i++)
    g_ptr_array_add (states, g_steal_pointer (&skills->pdata[i]));
  stats = hep_quiz_stats_new (log, states, now, utc_offset, warnings);
  if (log_out != NULL)
    *log_out = g_steal_pointer (&log);
  return stats;
}

int
hep_quiz_stats_utc_offset (GTimeZone *tz,
                           gint64     now)
{
  int interval;

  g_return_val_if_fail (tz != NULL, 0);

  interval = g_time_zone_find_interval (tz, G_TIME_TYPE_UNIVERSAL, now);
  return interval < 0 ? 0 : g_time_zone_get_offset (tz, interval);
}

/* ---- the plots ------------------------------------------------------------ */

static const char * const plot_names[] = {
  "accuracy-over-time", "by-diagnosis", "by-lirads", "by-feature", "confusion", "calibration",
  "due", "retention",
};
G_STATIC_ASSERT (G_N_ELEMENTS (plot_names) == HEP_N_QUIZ_PLOTS);

const char *
hep_quiz_plot_to_string (HepQuizPlot plot)
{
  g_return_val_if_fail ((guint) plot < HEP_N_QUIZ_PLOTS, NULL);
  return plot_names[plot];
}

gboolean
hep_quiz_plot_from_string (const char  *text,
                           HepQuizPlot *plot)
{
  for (guint i = 0; text != NULL && i < HEP_N_QUIZ_PLOTS; i++)
    if (g_str_equal (text, plot_names[i]))
      {
        if (plot)
          *plot = (HepQuizPlot) i;
        return TRUE;
      }
  return FALSE;
}

typedef struct {
  const char *foreground;
  const char *muted;
  const char *grid;
  const char *bar;
  const char *bad;
} Palette;

/* By HepDiagramTheme; the high-contrast ones have no mid-grey text, as the
 * diagrams' (hep-diagram.h). */
static const Palette palettes[] = {
  { "#1E1E1E", "#5E5E5E", "#D6D6D6", "#1C71D8", "#C01C28" },   /* light */
  { "#F2F2F2", "#B8B8B8", "#484848", "#78AEED", "#F66151" },   /* dark */
  { "#000000", "#000000", "#767676", "#1A5FB4", "#A51D2D" },   /* high-contrast light */
  { "#FFFFFF", "#FFFFFF", "#9A9A9A", "#99C1F1", "#FF7B63" },   /* high-contrast dark */
};

typedef struct {
  HepSvgWriter  *w;
  const Palette *p;
  const char    *background;
  double         width, height;
  double         left, right, top, bottom;   /* the plot area */
  GString       *alt;
} Plot;

static const char *
num (char   *buf,
     double  value)
{
  return hep_svg_format_number (buf, value);
}

static void
text_at (Plot       *plot,
         const char *text,
         double      x,
         double      y,
         const char *anchor,
         const char *fill,
         double      size)
{
  char bx[HEP_SVG_NUMBER_BUF_SIZE], by[HEP_SVG_NUMBER_BUF_SIZE], bs[HEP_SVG_NUMBER_BUF_SIZE];

  hep_svg_writer_text_element (plot->w, "text", text, "x", num (bx, x), "y", num (by, y),
                               "text-anchor", anchor, "fill", fill, "font-size", num (bs, size), NULL);
}

static void
rect (Plot       *plot,
      double      x,
      double      y,
      double      w,
      double      h,
      const char *fill,
      const char *opacity)
{
  char bx[HEP_SVG_NUMBER_BUF_SIZE], by[HEP_SVG_NUMBER_BUF_SIZE];
  char bw[HEP_SVG_NUMBER_BUF_SIZE], bh[HEP_SVG_NUMBER_BUF_SIZE];

  hep_svg_writer_element (plot->w, "rect", "x", num (bx, x), "y", num (by, y), "width", num (bw, MAX (w, 0)),
                          "height", num (bh, MAX (h, 0)), "fill", fill, "fill-opacity", opacity, NULL);
}

static void
line (Plot       *plot,
      double      x1,
      double      y1,
      double      x2,
      double      y2,
      const char *stroke,
      const char *dash)
{
  char a[HEP_SVG_NUMBER_BUF_SIZE], b[HEP_SVG_NUMBER_BUF_SIZE];
  char c[HEP_SVG_NUMBER_BUF_SIZE], d[HEP_SVG_NUMBER_BUF_SIZE];

  hep_svg_writer_element (plot->w, "line", "x1", num (a, x1), "y1", num (b, y1), "x2", num (c, x2),
                          "y2", num (d, y2), "stroke", stroke, "stroke-width", "1",
                          "stroke-dasharray", dash ? dash : "none", NULL);
}

/* @text cut to about @width at @size, with an ellipsis (the text
 * alternative keeps it whole). */
static char *
fit (const char *text,
     double      width,
     double      size)
{
  glong max = MAX (4, (glong) (width / (size * CHAR_EM)));

  if (g_utf8_strlen (text, -1) <= max)
    return g_strdup (text);
  {
    g_autofree char *head = g_utf8_substring (text, 0, max - 1);

    return g_strconcat (head, "…", NULL);
  }
}

static char *
percent (double rate)
{
  return rate < 0 ? g_strdup ("–") : g_strdup_printf ("%d %%", (int) floor (rate * 100 + 0.5));
}

static void
plot_begin (Plot            *plot,
            HepDiagramTheme  theme,
            double           width,
            double           height,
            const char      *title,
            const char      *desc)
{
  plot->p = &palettes[(guint) theme < G_N_ELEMENTS (palettes) ? theme : 0];
  plot->background = hep_diagram_theme_get_background (theme);
  plot->width = width;
  plot->height = height;
  plot->w = hep_svg_writer_new (width, height);
  plot->alt = g_string_new (title);
  g_string_append (plot->alt, "\n");
  hep_svg_writer_text_element (plot->w, "title", title, "id", "title", NULL);
  hep_svg_writer_text_element (plot->w, "desc", desc, "id", "desc", NULL);
  {
    char bw[HEP_SVG_NUMBER_BUF_SIZE], bh[HEP_SVG_NUMBER_BUF_SIZE];

    hep_svg_writer_element (plot->w, "rect", "x", "0", "y", "0", "width", num (bw, width),
                            "height", num (bh, height), "fill", plot->background, NULL);
  }
  hep_svg_writer_begin (plot->w, "g", "font-family", FONT_FAMILY, NULL);
  text_at (plot, title, 16, 26, "start", plot->p->foreground, 16);
  plot->top = 48;
  plot->bottom = height - 36;
  plot->left = 16;
  plot->right = width - 16;
}

static char *
plot_end (Plot  *plot,
          char **text_alternative)
{
  if (text_alternative)
    *text_alternative = g_string_free (g_steal_pointer (&plot->alt), FALSE);
  else
    g_string_free (g_steal_pointer (&plot->alt), TRUE);
  return hep_svg_writer_free_to_string (g_steal_pointer (&plot->w));
}

static void
empty (Plot       *plot,
       const char *message)
{
  text_at (plot, message, plot->width / 2, (plot->top + plot->bottom) / 2, "middle", plot->p->muted, 14);
  g_string_append_printf (plot->alt, "%s\n", message);
}

/* One bar per row, left to right from 0 to @max; the value's text at the
 * bar's end. @rates: a share (0–1, shown in percent) when @max is 1. */
typedef struct {
  const char *label;
  double      value;   /* < 0: no data */
  char       *note;    /* e.g. "3 of 4" */
} Bar;

static void
hbars (Plot       *plot,
       const Bar  *bars,
       guint       n_bars,
       double      max,
       gboolean    share,
       double      target,     /* a dashed line at this value, or < 0 */
       const char *fill)
{
  double label_w = 0, row_h, x0, x1;

  if (n_bars == 0)
    return;
  /* as wide as the longest label needs, at most half the width: a
   * longer one is cut, whole in the text alternative */
  for (guint i = 0; i < n_bars; i++)
    label_w = MAX (label_w, g_utf8_strlen (bars[i].label, -1) * 12 * CHAR_EM + 20);
  label_w = CLAMP (label_w, 60, (plot->right - plot->left) * 0.5);
  row_h = MIN (28.0, (plot->bottom - plot->top) / n_bars);
  x0 = plot->left + label_w;
  x1 = plot->right - 90;
  for (int t = 0; t <= 4; t++)
    {
      double x = x0 + (x1 - x0) * t / 4;
      g_autofree char *tick = share ? percent (t / 4.0) : g_strdup_printf ("%d", (int) floor (max * t / 4 + 0.5));

      line (plot, x, plot->top, x, plot->top + row_h * n_bars, plot->p->grid, NULL);
      text_at (plot, tick, x, plot->top + row_h * n_bars + 16, "middle", plot->p->muted, 12);
    }
  for (guint i = 0; i < n_bars; i++)
    {
      double y = plot->top + row_h * i;
      g_autofree char *value = bars[i].value < 0 ? g_strdup (_("no answers"))
                               : share ? percent (bars[i].value) : g_strdup_printf ("%d", (int) bars[i].value);
      double w = bars[i].value < 0 || max <= 0 ? 0 : (x1 - x0) * MIN (bars[i].value / max, 1.0);

      g_autofree char *label = fit (bars[i].label, label_w - 12, 12);

      text_at (plot, label, x0 - 8, y + row_h * 0.65, "end", plot->p->foreground, 12);
      rect (plot, x0, y + row_h * 0.15, w, row_h * 0.7, fill, "0.85");
      text_at (plot, value, x0 + w + 6, y + row_h * 0.65, "start", plot->p->foreground, 12);
      g_string_append_printf (plot->alt, "%s: %s%s%s%s\n", bars[i].label, value,
                              bars[i].note ? " (" : "", bars[i].note ? bars[i].note : "", bars[i].note ? ")" : "");
    }
  if (target >= 0 && max > 0)
    {
      double x = x0 + (x1 - x0) * target / max;

      g_autofree char *value = percent (target / max);
      g_autofree char *label = g_strdup_printf (_("desired %s"), value);

      line (plot, x, plot->top, x, plot->top + row_h * n_bars, plot->p->muted, "4 3");
      text_at (plot, label, x, plot->top - 6, "middle", plot->p->muted, 12);
      g_string_append_printf (plot->alt, "%s\n", label);
    }
}

static void
tally_bar (Bar                *bar,
           const char         *label,
           const HepQuizTally *tally)
{
  bar->label = label;
  bar->value = hep_quiz_tally_rate (tally);
  bar->note = tally->n ? g_strdup_printf (_("%u of %u right"), tally->n_correct, tally->n) : NULL;
}

static void
free_bars (Bar   *bars,
           guint  n)
{
  for (guint i = 0; i < n; i++)
    g_free (bars[i].note);
}

static void
draw_accuracy_over_time (Plot               *plot,
                         const HepQuizStats *s)
{
  g_autoptr(HepSvgPath) path = hep_svg_path_new ();
  guint n = s->days->len, step = 1;
  double x0 = plot->left + 44, x1 = plot->right - 40, y0 = plot->bottom - 16, y1 = plot->top;

  if (n == 0)
    {
      empty (plot, _("No answers yet"));
      return;
    }
  for (int t = 0; t <= 4; t++)
    {
      double y = y0 + (y1 - y0) * t / 4;
      g_autofree char *tick = percent (t / 4.0);

      line (plot, x0, y, x1, y, plot->p->grid, NULL);
      text_at (plot, tick, x0 - 6, y + 4, "end", plot->p->muted, 12);
    }
  /* a date under every day while they do not run into each other (about
   * 90 px each), else under every step-th, the last always */
  if (n > 1)
    step = MAX (1, (guint) ceil (90.0 / ((x1 - x0) / (n - 1))));
  for (guint i = 0; i < n; i++)
    {
      const HepQuizDayTally *day = &g_array_index (s->days, HepQuizDayTally, i);
      double rate = hep_quiz_tally_rate (&day->tally);
      double x = n == 1 ? (x0 + x1) / 2 : x0 + (x1 - x0) * i / (n - 1);
      double y = y0 + (y1 - y0) * rate;
      g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (day->day + s->utc_offset);
      g_autofree char *date = g_date_time_format (dt, "%Y-%m-%d");
      g_autofree char *value = percent (rate);
      char bx[HEP_SVG_NUMBER_BUF_SIZE], by[HEP_SVG_NUMBER_BUF_SIZE];

      if (i == 0)
        hep_svg_path_move_to (path, x, y);
      else
        hep_svg_path_line_to (path, x, y);
      /* a dot per day while they can be told apart; the line alone beyond */
      if (n <= 60)
        hep_svg_writer_element (plot->w, "circle", "cx", num (bx, x), "cy", num (by, y), "r", "3",
                                "fill", plot->p->bar, NULL);
      if (i == n - 1 || (i % step == 0 && n - 1 - i >= step))
        text_at (plot, date, x, y0 + 20, "middle", plot->p->muted, 12);
      g_string_append_printf (plot->alt, _("%s: %s (%u of %u right)\n"), date, value,
                              day->tally.n_correct, day->tally.n);
    }
  hep_svg_writer_element (plot->w, "path", "d", hep_svg_path_get_data (path), "fill", "none",
                          "stroke", plot->p->bar, "stroke-width", "2", NULL);
}

static void
draw_by_diagnosis (Plot               *plot,
                   const HepQuizStats *s)
{
  Bar bars[HEP_N_DDX];
  guint n = 0;

  for (int d = 0; d < HEP_N_DDX; d++)
    if (s->by_diagnosis[d].n > 0)
      tally_bar (&bars[n++], hep_ddx_diagnosis_get_label (d), &s->by_diagnosis[d]);
  if (n == 0)
    {
      empty (plot, _("No diagnosis questions answered yet"));
      return;
    }
  hbars (plot, bars, n, 1.0, TRUE, -1, plot->p->bar);
  free_bars (bars, n);
}

static void
draw_by_lirads (Plot               *plot,
                const HepQuizStats *s)
{
  Bar bars[HEP_N_LIRADS_CATEGORIES];
  guint n = 0;

  for (int c = 0; c < HEP_N_LIRADS_CATEGORIES; c++)
    if (s->by_lirads[c].n > 0)
      tally_bar (&bars[n++], hep_lirads_category_to_string (c), &s->by_lirads[c]);
  if (n == 0)
    {
      empty (plot, _("No LI-RADS questions answered yet"));
      return;
    }
  hbars (plot, bars, n, 1.0, TRUE, -1, plot->p->bar);
  free_bars (bars, n);
}

static int
compare_bars_descending (gconstpointer a,
                         gconstpointer b,
                         gpointer      user_data)
{
  const Bar *x = a, *y = b;

  if (x->value != y->value)
    return x->value > y->value ? -1 : 1;
  return x < y ? -1 : x > y;
}

static void
draw_by_feature (Plot               *plot,
                 const HepQuizStats *s)
{
  Bar bars[HEP_N_FEATURES];
  guint n = 0;

  /* the perception error rate: how often the feature was misread */
  for (int f = 0; f < HEP_N_FEATURES; f++)
    if (s->by_feature[f].n > 0)
      {
        const HepQuizTally *t = &s->by_feature[f];

        bars[n].label = hep_feature_get_label (f);
        bars[n].value = 1.0 - hep_quiz_tally_rate (t);
        bars[n].note = g_strdup_printf (_("misread %u of %u times"), t->n - t->n_correct, t->n);
        n++;
      }
  if (n == 0)
    {
      empty (plot, _("No features questions answered yet"));
      return;
    }
  /* the most misread first; the vocabulary's order among equals */
  g_qsort_with_data (bars, n, sizeof (Bar), compare_bars_descending, NULL);
  hbars (plot, bars, n, 1.0, TRUE, -1, plot->p->bad);
  free_bars (bars, n);
}

static void
draw_confusion (Plot               *plot,
                const HepQuizStats *s)
{
  int rows[HEP_N_DDX], n = 0;
  guint max = 0, row_total[HEP_N_DDX] = { 0 };
  double label_w, cell, x0, y0;

  for (int d = 0; d < HEP_N_DDX; d++)
    {
      gboolean used = FALSE;

      for (int e = 0; e < HEP_N_DDX; e++)
        {
          used |= s->confusion[d][e] > 0 || s->confusion[e][d] > 0;
          max = MAX (max, s->confusion[d][e]);
        }
      if (used)
        rows[n++] = d;
    }
  if (n == 0)
    {
      empty (plot, _("No diagnosis questions answered yet"));
      return;
    }
  for (int i = 0; i < n; i++)
    for (int j = 0; j < n; j++)
      row_total[i] += s->confusion[rows[i]][rows[j]];
  /* the names as wide as the longest needs, as long as cells of 24 px
   * (a count at 12 px) still fit beside them */
  label_w = 0;
  for (int i = 0; i < n; i++)
    label_w = MAX (label_w, (g_utf8_strlen (hep_ddx_diagnosis_get_label (rows[i]), -1) + 4) * 12 * CHAR_EM + 12);
  label_w = MIN (label_w, MAX (120, plot->right - plot->left - 24.0 * n));
  x0 = plot->left + label_w;
  y0 = plot->top + 14;
  cell = MIN ((plot->right - x0) / n, (plot->bottom - y0 - 12) / n);
  text_at (plot, _("answered →"), x0, plot->top + 4, "start", plot->p->muted, 12);
  for (int i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("%d  %s", i + 1, hep_ddx_diagnosis_get_label (rows[i]));
      g_autofree char *label = fit (name, label_w - 12, 12);
      g_autofree char *column = g_strdup_printf ("%d", i + 1);

      text_at (plot, label, x0 - 8, y0 + cell * (i + 0.6), "end", plot->p->foreground, 12);
      text_at (plot, column, x0 + cell * (i + 0.5), y0 + cell * n + 16, "middle", plot->p->muted, 12);
      for (int j = 0; j < n; j++)
        {
          guint v = s->confusion[rows[i]][rows[j]];
          g_autofree char *count_text = g_strdup_printf ("%u", v);
          char opacity[HEP_SVG_NUMBER_BUF_SIZE];
          double alpha = v == 0 ? 0.06 : 0.2 + 0.8 * v / max;

          rect (plot, x0 + cell * j + 1, y0 + cell * i + 1, cell - 2, cell - 2,
                i == j ? plot->p->bar : plot->p->bad, num (opacity, alpha));
          /* every count is in the text alternative; on the plot, the
           * diagonal and the confusions that matter (≥ 5 % of the row),
           * in the background's colour on a strong cell */
          if (v > 0 && (i == j || v * 20 >= row_total[i]))
            text_at (plot, count_text, x0 + cell * (j + 0.5), y0 + cell * (i + 0.6), "middle",
                     alpha >= 0.6 ? plot->background : plot->p->foreground, 12);
          if (v > 0)
            g_string_append_printf (plot->alt, _("%s answered as %s: %u\n"),
                                    hep_ddx_diagnosis_get_label (rows[i]),
                                    hep_ddx_diagnosis_get_label (rows[j]), v);
        }
    }
}

static void
draw_calibration (Plot               *plot,
                  const HepQuizStats *s)
{
  Bar bars[3];
  const char *labels[] = { _("Sure"), _("Unsure"), _("Guessing") };
  guint n = 0;

  for (int c = 0; c < 3; c++)
    tally_bar (&bars[n++], labels[c], &s->by_confidence[c]);
  if (s->by_confidence[0].n + s->by_confidence[1].n + s->by_confidence[2].n == 0)
    {
      free_bars (bars, n);
      empty (plot, _("No answers with a confidence yet"));
      return;
    }
  hbars (plot, bars, n, 1.0, TRUE, -1, plot->p->bar);
  free_bars (bars, n);
}

static void
draw_due (Plot               *plot,
          const HepQuizStats *s)
{
  double x0 = plot->left + 40, x1 = plot->right - 8, y0 = plot->bottom - 16, y1 = plot->top;
  double col = (x1 - x0) / HEP_QUIZ_STATS_FORECAST_DAYS;
  guint max = 0, total = 0, step = 1, n_ticks;

  for (int d = 0; d < HEP_QUIZ_STATS_FORECAST_DAYS; d++)
    {
      max = MAX (max, s->due[d]);
      total += s->due[d];
    }
  if (total == 0)
    {
      empty (plot, _("Nothing due in the next 30 days"));
      return;
    }
  /* ticks at whole steps of 1, 2 or 5 × 10ⁿ, at most five of them above 0;
   * the axis ends at the tick above the highest day */
  for (guint decade = 1;; decade *= 10)
    {
      if (decade * 5 >= max) { step = decade; break; }
      if (decade * 10 >= max) { step = decade * 2; break; }
      if (decade * 25 >= max) { step = decade * 5; break; }
    }
  n_ticks = (max + step - 1) / step;
  max = n_ticks * step;
  for (guint t = 0; t <= n_ticks; t++)
    {
      double y = y0 + (y1 - y0) * t / n_ticks;
      g_autofree char *tick = g_strdup_printf ("%u", t * step);

      line (plot, x0, y, x1, y, plot->p->grid, NULL);
      text_at (plot, tick, x0 - 6, y + 4, "end", plot->p->muted, 12);
    }
  for (int d = 0; d < HEP_QUIZ_STATS_FORECAST_DAYS; d++)
    {
      double h = (y0 - y1) * s->due[d] / max;

      rect (plot, x0 + col * d + 1, y0 - h, col - 2, h, plot->p->bar, "0.85");
      if (d % 5 == 0)
        {
          g_autofree char *label = d == 0 ? g_strdup (_("today")) : g_strdup_printf ("+%d", d);

          text_at (plot, label, x0 + col * (d + 0.5), y0 + 18, "middle", plot->p->muted, 12);
        }
      if (s->due[d] > 0 && d == 0)
        g_string_append_printf (plot->alt, _("today: %u due\n"), s->due[d]);
      else if (s->due[d] > 0)
        g_string_append_printf (plot->alt, _("in %d days: %u due\n"), d, s->due[d]);
    }
}

static void
draw_retention (Plot               *plot,
                const HepQuizStats *s)
{
  Bar bar;

  if (s->retention.n == 0)
    {
      empty (plot, _("No reviews of learned cases yet"));
      return;
    }
  tally_bar (&bar, _("True retention"), &s->retention);
  /* the dashed line: the scheduler's desired retention */
  hbars (plot, &bar, 1, 1.0, TRUE, s->desired_retention, plot->p->bar);
  free_bars (&bar, 1);
}

char *
hep_quiz_stats_plot_svg (const HepQuizStats *self,
                         HepQuizPlot         which,
                         HepDiagramTheme     theme,
                         double              width,
                         double              height,
                         char              **text_alternative)
{
  static const struct {
    const char *title;
    const char *desc;
  } texts[] = {
    { N_("Accuracy over time"), N_("The share of answers right on each day with answers.") },
    { N_("Accuracy by diagnosis"), N_("Diagnosis questions: the share right, by the case's diagnosis.") },
    { N_("Accuracy by LI-RADS category"), N_("LI-RADS questions: the share right, by the engine's category.") },
    { N_("Perception errors by feature"), N_("Features questions: how often each feature was missed, added or misread.") },
    { N_("Confusion of diagnoses"), N_("Diagnosis questions: the true diagnosis in rows, the answer in columns.") },
    { N_("Calibration"), N_("The share right for each confidence said before the answer.") },
    { N_("Reviews due"), N_("Cases and skills due for review on each of the next 30 days.") },
    { N_("True retention"), N_("The share right of the reviews of cases already learned; the dashed line is the desired retention.") },
  };
  Plot plot = { 0 };

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail ((guint) which < HEP_N_QUIZ_PLOTS, NULL);

  plot_begin (&plot, theme, width > 0 ? width : 640, height > 0 ? height : 400,
              _(texts[which].title), _(texts[which].desc));
  switch (which)
    {
    case HEP_QUIZ_PLOT_ACCURACY_OVER_TIME: draw_accuracy_over_time (&plot, self); break;
    case HEP_QUIZ_PLOT_BY_DIAGNOSIS:       draw_by_diagnosis (&plot, self); break;
    case HEP_QUIZ_PLOT_BY_LIRADS:          draw_by_lirads (&plot, self); break;
    case HEP_QUIZ_PLOT_BY_FEATURE:         draw_by_feature (&plot, self); break;
    case HEP_QUIZ_PLOT_CONFUSION:          draw_confusion (&plot, self); break;
    case HEP_QUIZ_PLOT_CALIBRATION:        draw_calibration (&plot, self); break;
    case HEP_QUIZ_PLOT_DUE:                draw_due (&plot, self); break;
    case HEP_QUIZ_PLOT_RETENTION:          draw_retention (&plot, self); break;
    case HEP_N_QUIZ_PLOTS:
    default:
      g_assert_not_reached ();
    }
  return plot_end (&plot, text_alternative);
}

/* The rows the bar plots and the confusion matrix draw (as their draw_…
 * functions choose them). */
static guint
count_rows (const HepQuizStats *s,
            HepQuizPlot         which)
{
  guint n = 0;

  switch (which)
    {
    case HEP_QUIZ_PLOT_BY_DIAGNOSIS:
      for (int d = 0; d < HEP_N_DDX; d++)
        n += s->by_diagnosis[d].n > 0;
      return n;
    case HEP_QUIZ_PLOT_BY_LIRADS:
      for (int c = 0; c < HEP_N_LIRADS_CATEGORIES; c++)
        n += s->by_lirads[c].n > 0;
      return n;
    case HEP_QUIZ_PLOT_BY_FEATURE:
      for (int f = 0; f < HEP_N_FEATURES; f++)
        n += s->by_feature[f].n > 0;
      return n;
    case HEP_QUIZ_PLOT_CONFUSION:
      for (int d = 0; d < HEP_N_DDX; d++)
        {
          gboolean used = FALSE;

          for (int e = 0; e < HEP_N_DDX; e++)
            used |= s->confusion[d][e] > 0 || s->confusion[e][d] > 0;
          n += used;
        }
      return n;
    case HEP_QUIZ_PLOT_CALIBRATION:
      return s->by_confidence[0].n + s->by_confidence[1].n + s->by_confidence[2].n > 0 ? 3 : 0;
    case HEP_QUIZ_PLOT_RETENTION:
      return s->retention.n > 0 ? 1 : 0;
    case HEP_QUIZ_PLOT_ACCURACY_OVER_TIME:
    case HEP_QUIZ_PLOT_DUE:
    case HEP_N_QUIZ_PLOTS:
    default:
      return 0;
    }
}

double
hep_quiz_stats_plot_get_height (const HepQuizStats *self,
                                HepQuizPlot         which,
                                double              width)
{
  /* the title above the plot area (48) and the axis below it (36) */
  const double frame = 48 + 36;
  guint rows;

  g_return_val_if_fail (self != NULL, 400);
  g_return_val_if_fail ((guint) which < HEP_N_QUIZ_PLOTS, 400);

  if (width <= 0)
    width = 640;
  rows = count_rows (self, which);
  switch (which)
    {
    case HEP_QUIZ_PLOT_ACCURACY_OVER_TIME:
    case HEP_QUIZ_PLOT_DUE:
      /* the same at every width: a layout that measures at one width and
       * allocates another (a flow box) gets what it asked for */
      return 320;
    case HEP_QUIZ_PLOT_CONFUSION:
      /* square cells of at least 30 px (the count inside at 12 px) */
      return rows == 0 ? 160 : frame + 14 + 12 + 30.0 * rows + 8;
    case HEP_QUIZ_PLOT_BY_DIAGNOSIS:
    case HEP_QUIZ_PLOT_BY_LIRADS:
    case HEP_QUIZ_PLOT_BY_FEATURE:
    case HEP_QUIZ_PLOT_CALIBRATION:
    case HEP_QUIZ_PLOT_RETENTION:
      /* rows of 28 px, the retention's "desired" label above them */
      return rows == 0 ? 160 : MAX (frame + 28.0 * rows + (which == HEP_QUIZ_PLOT_RETENTION ? 16 : 0), 140);
    case HEP_N_QUIZ_PLOTS:
    default:
      g_return_val_if_reached (400);
    }
}
