/* test-quiz-stats.c: the statistics of a hand-made review log, and their plots
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every expected number below is counted by hand from the rows of log[].
 */

#include "config.h"

#include <string.h>

#include "hep-core.h"

#define DAY0 G_GINT64_CONSTANT (1767225600)   /* 2026-01-01T00:00:00Z */
#define H    G_GINT64_CONSTANT (3600)
#define D    G_GINT64_CONSTANT (86400)
#define NOW  (DAY0 + 3 * D + 12 * H)

typedef struct {
  gint64      at;
  const char *kind;
  const char *mode;
  const char *expected;
  const char *answer;
  gboolean    correct;
  const char *error_kind;
  const char *sureness;
  int         confidence;
  const char *grade;
  const char *card_state;
} Row;

static const Row log_rows[] = {
  /* 1 */ { DAY0 + 10 * H, "features", "tutor", "aphe=nonrim washout capsule", "aphe=nonrim capsule", FALSE,
            "perception", "unsure", 0, "again", "new" },
  /* 2 */ { DAY0 + 11 * H, "features", "tutor", "aphe=rim peripheral-washout dwi=none", "aphe=rim peripheral-washout", TRUE,
            NULL, "sure", 0, "easy", "learning" },
  /* 3 */ { DAY0 + 12 * H, "lirads", "tutor", "LR-5", "LR-4", FALSE, "rule", "sure", 0, "again", "review" },
  /* 4 */ { DAY0 + D + 9 * H, "lirads", "exam", "LR-5", "LR-5", TRUE, NULL, "sure", 0, "good", "review" },
  /* 5 */ { DAY0 + D + 9 * H + 1800, "diagnosis", "exam", "fnh", "adenoma", FALSE, "knowledge", "guessing", 0,
            "again", "review" },
  /* 6 */ { DAY0 + D + 10 * H, "diagnosis", "exam", "fnh", "fnh", TRUE, NULL, "sure", 0, "good", "review" },
  /* 7 */ { DAY0 + D + 10 * H + 1800, "diagnosis", "exam", "hcc", "hcc", TRUE, NULL, "unsure", 0, "hard", "new" },
  /* 8 */ { DAY0 + 2 * D + 8 * H, "diagnosis", "timed", "adenoma", "fnh", FALSE, "knowledge", "unsure", 0,
            "again", "learning" },
  /* a kind a later version asks: skipped */
  /* 9 */ { DAY0 + 2 * D + 9 * H, "hotspot", "tutor", "x", "y", TRUE, NULL, "sure", 0, "good", "new" },
  /* a schema v2 row: the mode names the kind, confidence 5 is sure */
  /* 10 */ { DAY0 + 2 * D + 10 * H, NULL, "diagnosis", "hcc", "hcc", TRUE, NULL, NULL, 5, NULL, NULL },
  /* a grade this version does not know: skipped */
  /* 11 */ { DAY0 + 2 * D + 11 * H, "lirads", "tutor", "LR-3", "LR-3", TRUE, NULL, "sure", 0, "superb", "new" },
  /* 12 */ { DAY0 + 2 * D + 12 * H, "features", "timed", "aphe=nonrim washout", "", FALSE, "timing", "sure", 0,
             "again", "new" },
};

static GPtrArray *
make_log (void)
{
  GPtrArray *log = g_ptr_array_new_with_free_func ((GDestroyNotify) hep_quiz_log_entry_free);

  /* in reverse, to check that the order of the rows does not matter */
  for (int i = G_N_ELEMENTS (log_rows) - 1; i >= 0; i--)
    {
      const Row *r = &log_rows[i];
      HepQuizLogEntry *e = g_new0 (HepQuizLogEntry, 1);

      e->pk = i + 1;
      e->case_id = g_strdup ("some-case");
      e->mode = g_strdup (r->mode);
      e->kind = g_strdup (r->kind);
      e->expected = g_strdup (r->expected);
      e->answer = g_strdup (r->answer);
      e->correct = r->correct;
      e->score = -1;
      e->error_kind = g_strdup (r->error_kind);
      e->sureness = g_strdup (r->sureness);
      e->confidence = r->confidence;
      e->grade = g_strdup (r->grade);
      e->card_state = g_strdup (r->card_state);
      e->answered_at = r->at;
      g_ptr_array_add (log, e);
    }
  return log;
}

static GPtrArray *
make_states (void)
{
  static const gint64 dues[] = {
    NOW - 100,            /* overdue: today */
    DAY0 + 3 * D + 23 * H,  /* today */
    DAY0 + 4 * D + 1 * H,   /* tomorrow */
    DAY0 + 4 * D + 2 * H,   /* tomorrow */
    DAY0 + 13 * D,          /* in 10 days */
    DAY0 + 33 * D,          /* in 30 days: past the forecast */
  };
  GPtrArray *states = g_ptr_array_new_with_free_func ((GDestroyNotify) hep_review_state_free);

  for (guint i = 0; i < G_N_ELEMENTS (dues); i++)
    {
      HepReviewState *s = g_new0 (HepReviewState, 1);

      s->item_id = g_strdup_printf ("item-%u", i);
      s->state = g_strdup ("review");
      s->due = dues[i];
      g_ptr_array_add (states, s);
    }
  return states;
}

#define ASSERT_TALLY(t, n_, c_) G_STMT_START { \
  g_assert_cmpuint ((t).n, ==, (n_)); \
  g_assert_cmpuint ((t).n_correct, ==, (c_)); \
} G_STMT_END

static void
test_quiz_stats_numbers (void)
{
  g_autoptr(GPtrArray) log = make_log ();
  g_autoptr(GPtrArray) states = make_states ();
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(HepQuizStats) s = hep_quiz_stats_new (log, states, NOW, 0, warnings);
  static const struct { gint64 day; guint n, c; } days[] = {
    { DAY0, 3, 1 }, { DAY0 + D, 4, 3 }, { DAY0 + 2 * D, 3, 1 },
  };

  g_assert_cmpuint (s->n_answers, ==, 10);
  g_assert_cmpuint (s->n_skipped, ==, 2);
  g_assert_cmpuint (warnings->len, ==, 2);
  g_assert_nonnull (strstr (g_ptr_array_index (warnings, 0), "hotspot"));
  g_assert_nonnull (strstr (g_ptr_array_index (warnings, 1), "superb"));
  ASSERT_TALLY (s->all, 10, 5);

  g_assert_cmpuint (s->days->len, ==, G_N_ELEMENTS (days));
  for (guint i = 0; i < G_N_ELEMENTS (days); i++)
    {
      const HepQuizDayTally *d = &g_array_index (s->days, HepQuizDayTally, i);

      g_assert_cmpint (d->day, ==, days[i].day);
      ASSERT_TALLY (d->tally, days[i].n, days[i].c);
    }

  ASSERT_TALLY (s->by_kind[HEP_QUIZ_KIND_FEATURES], 3, 1);
  ASSERT_TALLY (s->by_kind[HEP_QUIZ_KIND_LIRADS], 2, 1);
  ASSERT_TALLY (s->by_kind[HEP_QUIZ_KIND_DIAGNOSIS], 5, 3);
  ASSERT_TALLY (s->by_kind[HEP_QUIZ_KIND_NEXT_TEST], 0, 0);
  g_assert_cmpuint (s->by_error[HEP_QUIZ_ERROR_NONE], ==, 5);
  g_assert_cmpuint (s->by_error[HEP_QUIZ_ERROR_PERCEPTION], ==, 1);
  g_assert_cmpuint (s->by_error[HEP_QUIZ_ERROR_RULE], ==, 1);
  g_assert_cmpuint (s->by_error[HEP_QUIZ_ERROR_KNOWLEDGE], ==, 2);
  g_assert_cmpuint (s->by_error[HEP_QUIZ_ERROR_TIMING], ==, 1);

  ASSERT_TALLY (s->by_diagnosis[HEP_DDX_FNH], 2, 1);
  ASSERT_TALLY (s->by_diagnosis[HEP_DDX_HCC], 2, 2);
  ASSERT_TALLY (s->by_diagnosis[HEP_DDX_ADENOMA], 1, 0);
  ASSERT_TALLY (s->by_diagnosis[HEP_DDX_ICC], 0, 0);
  g_assert_cmpuint (s->confusion[HEP_DDX_FNH][HEP_DDX_ADENOMA], ==, 1);
  g_assert_cmpuint (s->confusion[HEP_DDX_FNH][HEP_DDX_FNH], ==, 1);
  g_assert_cmpuint (s->confusion[HEP_DDX_HCC][HEP_DDX_HCC], ==, 2);
  g_assert_cmpuint (s->confusion[HEP_DDX_ADENOMA][HEP_DDX_FNH], ==, 1);
  g_assert_cmpuint (s->confusion[HEP_DDX_ADENOMA][HEP_DDX_ADENOMA], ==, 0);

  ASSERT_TALLY (s->by_lirads[HEP_LIRADS_5], 2, 1);
  ASSERT_TALLY (s->by_lirads[HEP_LIRADS_3], 0, 0);

  /* aphe: right in 1 and 2, missed in 12; washout missed in 1 and 12 */
  ASSERT_TALLY (s->by_feature[HEP_FEATURE_APHE], 3, 2);
  ASSERT_TALLY (s->by_feature[HEP_FEATURE_WASHOUT], 2, 0);
  ASSERT_TALLY (s->by_feature[HEP_FEATURE_CAPSULE], 1, 1);
  ASSERT_TALLY (s->by_feature[HEP_FEATURE_PERIPHERAL_WASHOUT], 1, 1);
  ASSERT_TALLY (s->by_feature[HEP_FEATURE_CENTRAL_SCAR], 0, 0);
  /* dwi=none in the key, nothing in the answer: the same reading */
  ASSERT_TALLY (s->by_feature[HEP_FEATURE_DWI], 0, 0);

  ASSERT_TALLY (s->by_confidence[HEP_QUIZ_CONFIDENCE_SURE], 6, 4);
  ASSERT_TALLY (s->by_confidence[HEP_QUIZ_CONFIDENCE_UNSURE], 3, 1);
  ASSERT_TALLY (s->by_confidence[HEP_QUIZ_CONFIDENCE_GUESSING], 1, 0);

  ASSERT_TALLY (s->retention, 4, 2);
  g_assert_cmpfloat (hep_quiz_tally_rate (&s->retention), ==, 0.5);

  g_assert_cmpuint (s->due[0], ==, 2);
  g_assert_cmpuint (s->due[1], ==, 2);
  g_assert_cmpuint (s->due[10], ==, 1);
  {
    guint total = 0;

    for (int d = 0; d < HEP_QUIZ_STATS_FORECAST_DAYS; d++)
      total += s->due[d];
    g_assert_cmpuint (total, ==, 5);
  }
}

/* Every plot in both themes: an SVG with a title and a description, the
 * numbers in its text alternative, no decimal comma whatever the locale. */
static void
test_quiz_stats_plots (void)
{
  g_autoptr(GPtrArray) log = make_log ();
  g_autoptr(GPtrArray) states = make_states ();
  g_autoptr(HepQuizStats) s = hep_quiz_stats_new (log, states, NOW, 0, NULL);
  g_autoptr(HepQuizStats) none = hep_quiz_stats_new (NULL, NULL, NOW, 0, NULL);
  static const struct {
    HepQuizPlot plot;
    const char *in_alt;     /* a line the text alternative must hold */
  } rows[] = {
    { HEP_QUIZ_PLOT_ACCURACY_OVER_TIME, "2026-01-02: 75 % (3 of 4 right)" },
    { HEP_QUIZ_PLOT_BY_LIRADS, "LR-5: 50 % (1 of 2 right)" },
    { HEP_QUIZ_PLOT_BY_FEATURE, "misread 2 of 2 times" },
    { HEP_QUIZ_PLOT_CALIBRATION, "67 % (4 of 6 right)" },
    { HEP_QUIZ_PLOT_DUE, "in 10 days: 1 due" },
    { HEP_QUIZ_PLOT_RETENTION, "50 % (2 of 4 right)\ndesired 90 %\n" },
    { HEP_QUIZ_PLOT_BY_DIAGNOSIS, "100 % (2 of 2 right)" },
    { HEP_QUIZ_PLOT_CONFUSION, ": 1\n" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autofree char *light = NULL, *dark = NULL, *alt = NULL, *alt_dark = NULL, *empty_alt = NULL;
      g_autofree char *empty = NULL;

      g_test_message ("%s", hep_quiz_plot_to_string (rows[i].plot));
      light = hep_quiz_stats_plot_svg (s, rows[i].plot, HEP_DIAGRAM_THEME_LIGHT, 0, 0, &alt);
      dark = hep_quiz_stats_plot_svg (s, rows[i].plot, HEP_DIAGRAM_THEME_DARK, 0, 0, &alt_dark);
      g_assert_true (g_str_has_prefix (light, "<svg") || strstr (light, "<svg") != NULL);
      g_assert_nonnull (strstr (light, "<title id=\"title\">"));
      g_assert_nonnull (strstr (light, "<desc id=\"desc\">"));
      g_assert_nonnull (strstr (light, hep_diagram_theme_get_background (HEP_DIAGRAM_THEME_LIGHT)));
      g_assert_nonnull (strstr (dark, hep_diagram_theme_get_background (HEP_DIAGRAM_THEME_DARK)));
      g_assert_cmpstr (alt, ==, alt_dark);
      /* high contrast: its background, and no mid-grey text */
      {
        g_autofree char *hc = hep_quiz_stats_plot_svg (s, rows[i].plot, HEP_DIAGRAM_THEME_HC_DARK, 0, 0, NULL);

        g_assert_nonnull (strstr (hc, hep_diagram_theme_get_background (HEP_DIAGRAM_THEME_HC_DARK)));
        g_assert_null (strstr (hc, "fill=\"#B8B8B8\""));
        g_assert_null (strstr (hc, "fill=\"#5E5E5E\""));
      }
      g_assert_nonnull (strstr (alt, rows[i].in_alt));
      /* the same numbers give the same document */
      {
        g_autofree char *again = hep_quiz_stats_plot_svg (s, rows[i].plot, HEP_DIAGRAM_THEME_LIGHT, 0, 0, NULL);
        g_assert_cmpstr (again, ==, light);
      }
      empty = hep_quiz_stats_plot_svg (none, rows[i].plot, HEP_DIAGRAM_THEME_LIGHT, 320, 200, &empty_alt);
      g_assert_nonnull (strstr (empty, "width=\"320\""));
      g_assert_cmpuint (strlen (empty_alt), >, 0);
    }
  /* the learner's desired retention, where the default was */
  {
    g_autofree char *svg = NULL, *alt = NULL;

    g_assert_cmpfloat (s->desired_retention, ==, 0.9);
    s->desired_retention = 0.85;
    svg = hep_quiz_stats_plot_svg (s, HEP_QUIZ_PLOT_RETENTION, HEP_DIAGRAM_THEME_LIGHT, 0, 0, &alt);
    g_assert_nonnull (strstr (alt, "desired 85 %"));
    g_assert_nonnull (strstr (svg, "desired 85 %"));
  }
  for (int p = 0; p < HEP_N_QUIZ_PLOTS; p++)
    {
      HepQuizPlot back;

      g_assert_true (hep_quiz_plot_from_string (hep_quiz_plot_to_string (p), &back));
      g_assert_cmpint (back, ==, p);
    }
}

/* The learner's days. At UTC+10 the answers fall at 20:00–22:00 on the
 * 1st, 19:00–20:30 on the 2nd and 18:00–22:00 on the 3rd: the same three
 * days, beginning at 14:00 UTC the day before. At UTC−11 row 1 falls at
 * 23:00 on Dec 31st, rows 2–7 on Jan 1st (00:00 to 23:30), 8 and 10 on the
 * 2nd and 12 at 01:00 on the 3rd. */
static void
test_quiz_stats_days_offset (void)
{
  g_autoptr(GPtrArray) log = make_log ();
  static const struct {
    int    offset;
    gint64 first_day;
    guint  n[4];     /* answers on each day; 0 past the last */
  } rows[] = {
    { 0, DAY0, { 3, 4, 3, 0 } },
    { 10 * 3600, DAY0 - 10 * H, { 3, 4, 3, 0 } },
    { -11 * 3600, DAY0 - D + 11 * H, { 1, 6, 2, 1 } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(HepQuizStats) s = hep_quiz_stats_new (log, NULL, NOW, rows[i].offset, NULL);
      guint n_days = rows[i].n[3] ? 4 : 3;

      g_test_message ("offset %d", rows[i].offset);
      g_assert_cmpuint (s->days->len, ==, n_days);
      for (guint d = 0; d < n_days; d++)
        {
          const HepQuizDayTally *day = &g_array_index (s->days, HepQuizDayTally, d);

          g_assert_cmpint (day->day, ==, rows[i].first_day + (gint64) d * D);
          g_assert_cmpuint (day->tally.n, ==, rows[i].n[d]);
        }
    }
}

/* No text on a plot below 12 px, at the default size and narrow; a plot
 * of rows is as tall as its rows need (28 px each, plus 84 of frame). */
static void
test_quiz_stats_plot_text_size (void)
{
  g_autoptr(GPtrArray) log = make_log ();
  g_autoptr(GPtrArray) states = make_states ();
  g_autoptr(HepQuizStats) s = hep_quiz_stats_new (log, states, NOW, 0, NULL);
  g_autoptr(HepQuizStats) none = hep_quiz_stats_new (NULL, NULL, NOW, 0, NULL);
  static const double widths[] = { 0, 360 };

  for (int p = 0; p < HEP_N_QUIZ_PLOTS; p++)
    for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
      {
        g_autofree char *svg = hep_quiz_stats_plot_svg (s, p, HEP_DIAGRAM_THEME_LIGHT, widths[w],
                                                        hep_quiz_stats_plot_get_height (s, p, widths[w]), NULL);
        guint n = 0;

        for (const char *at = strstr (svg, "font-size=\""); at; at = strstr (at + 1, "font-size=\""))
          {
            g_test_message ("%s at %g: %.16s", hep_quiz_plot_to_string (p), widths[w], at);
            g_assert_cmpfloat (g_ascii_strtod (at + strlen ("font-size=\""), NULL), >=, 12);
            n++;
          }
        g_assert_cmpuint (n, >, 1);
      }
  /* LI-RADS: LR-5 alone (the LR-3 row has a grade this version does not
   * know): one row, but never less than 140 px */
  g_assert_cmpfloat (hep_quiz_stats_plot_get_height (s, HEP_QUIZ_PLOT_BY_LIRADS, 640), ==, 140);
  /* features: aphe, washout, capsule, peripheral washout */
  g_assert_cmpfloat (hep_quiz_stats_plot_get_height (s, HEP_QUIZ_PLOT_BY_FEATURE, 640), ==, 84 + 4 * 28);
  g_assert_cmpfloat (hep_quiz_stats_plot_get_height (s, HEP_QUIZ_PLOT_CALIBRATION, 640), ==, 84 + 3 * 28);
  g_assert_cmpfloat (hep_quiz_stats_plot_get_height (s, HEP_QUIZ_PLOT_ACCURACY_OVER_TIME, 900), ==,
                     hep_quiz_stats_plot_get_height (s, HEP_QUIZ_PLOT_ACCURACY_OVER_TIME, 400));
  for (int p = 0; p < HEP_N_QUIZ_PLOTS; p++)
    g_assert_cmpfloat (hep_quiz_stats_plot_get_height (none, p, 640), >=, 160);
}

/* The offset of a time zone at a time: POSIX rules, so no zoneinfo needed;
 * with daylight saving, summer and winter differ. */
static void
test_quiz_stats_utc_offset (void)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GTimeZone) tokyo = g_time_zone_new_identifier ("JST-9");
  g_autoptr(GTimeZone) berlin = g_time_zone_new_identifier ("CET-1CEST,M3.5.0,M10.5.0/3");

  g_assert_nonnull (tokyo);
  g_assert_nonnull (berlin);
  g_assert_cmpint (hep_quiz_stats_utc_offset (utc, DAY0), ==, 0);
  g_assert_cmpint (hep_quiz_stats_utc_offset (tokyo, DAY0), ==, 9 * 3600);
  g_assert_cmpint (hep_quiz_stats_utc_offset (berlin, DAY0), ==, 3600);              /* January */
  g_assert_cmpint (hep_quiz_stats_utc_offset (berlin, DAY0 + 180 * D), ==, 7200);    /* July */
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/quiz/stats/numbers", test_quiz_stats_numbers);
  g_test_add_func ("/quiz/stats/plots", test_quiz_stats_plots);
  g_test_add_func ("/quiz/stats/days-offset", test_quiz_stats_days_offset);
  g_test_add_func ("/quiz/stats/plot-text-size", test_quiz_stats_plot_text_size);
  g_test_add_func ("/quiz/stats/utc-offset", test_quiz_stats_utc_offset);

  return g_test_run ();
}
