/* hep-quiz-stats.h: what the review log says about a learner, and its plots
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Plain numbers from the review log (hep_case_store_list_log()) and the
 * review states (issue #18, item 7), and SVG plots of them drawn like the
 * diagrams: deterministic, locale-independent numbers, escaped text, a
 * <title> and <desc> and a text alternative, light and dark.
 *
 * Days are the learner's: the calendar days at a fixed offset from UTC
 * passed in (the core does not read the time zone). The window and
 * `hepatica-cli quiz stats` both pass the offset of the local time zone at
 * the time of the statistics (hep_quiz_stats_utc_offset()), so that they
 * count the same days; an answer given at another offset (before a
 * daylight-saving change) is counted at today's. A row this version cannot read (a question kind,
 * error kind, sureness or grade it does not know: written by a later
 * version) is skipped and counted, with a line in the warnings.
 */

#pragma once

#include <glib.h>

#include "hep-case-store.h"
#include "hep-ddx.h"
#include "hep-diagram.h"
#include "hep-feature-set.h"
#include "hep-lirads.h"
#include "hep-quiz-error.h"
#include "hep-quiz-question.h"

G_BEGIN_DECLS

#define HEP_QUIZ_STATS_FORECAST_DAYS 30

typedef struct {
  guint n;
  guint n_correct;
} HepQuizTally;

typedef struct {
  gint64       day;     /* unix seconds of the day's midnight at the stats' UTC offset */
  HepQuizTally tally;
} HepQuizDayTally;

typedef struct {
  guint        n_answers;                      /* rows read */
  guint        n_skipped;                      /* rows that could not be read */
  HepQuizTally all;
  HepQuizTally by_kind[HEP_N_QUIZ_KINDS];
  guint        by_error[HEP_QUIZ_ERROR_KNOWLEDGE + 1];   /* HepQuizErrorKind; [NONE] = right */
  GArray      *days;                           /* HepQuizDayTally, oldest first, days with answers */
  /* diagnosis questions, by the true diagnosis */
  HepQuizTally by_diagnosis[HEP_N_DDX];
  /* LI-RADS questions, by the engine's category */
  HepQuizTally by_lirads[HEP_N_LIRADS_CATEGORIES];
  /* features questions: n = the answers in which the feature was in the
   * case or in the answer; n_correct = those without a miss on it. The
   * perception error rate is 1 − n_correct / n. */
  HepQuizTally by_feature[HEP_N_FEATURES];
  /* diagnosis questions: [true][answered] */
  guint        confusion[HEP_N_DDX][HEP_N_DDX];
  /* calibration: by what the learner said before the check (schema v2
   * rows: confidence 4–5 sure, 3 unsure, 1–2 guessing) */
  HepQuizTally by_confidence[HEP_QUIZ_CONFIDENCE_GUESSING + 1];
  /* reviews due on each of the next days, today first (overdue counts as
   * today), cases and skills */
  guint        due[HEP_QUIZ_STATS_FORECAST_DAYS];
  /* true retention: answers given while the case card was in review */
  HepQuizTally retention;
  /* the scheduler's, drawn beside it; the default's 0.9 until the caller
   * sets the learner's setting */
  double       desired_retention;
  int          utc_offset;                     /* seconds east of UTC, as passed in */
} HepQuizStats;

typedef enum {
  HEP_QUIZ_PLOT_ACCURACY_OVER_TIME,
  HEP_QUIZ_PLOT_BY_DIAGNOSIS,
  HEP_QUIZ_PLOT_BY_LIRADS,
  HEP_QUIZ_PLOT_BY_FEATURE,
  HEP_QUIZ_PLOT_CONFUSION,
  HEP_QUIZ_PLOT_CALIBRATION,
  HEP_QUIZ_PLOT_DUE,
  HEP_QUIZ_PLOT_RETENTION,

  HEP_N_QUIZ_PLOTS
} HepQuizPlot;

/* @log: HepQuizLogEntry; @states: HepReviewState (may be NULL); days
 * begin at midnight @utc_offset seconds east of UTC; @warnings: a GPtrArray
 * of strings to append to (may be NULL). */
HepQuizStats *hep_quiz_stats_new          (GPtrArray          *log,
                                           GPtrArray          *states,
                                           gint64              now,
                                           int                 utc_offset,
                                           GPtrArray          *warnings);
void          hep_quiz_stats_free         (HepQuizStats       *self);
/* The statistics of @store's whole review log and review states (cases and
 * skills), as the window and the CLI show them; the log read, oldest first,
 * in @log_out (may be NULL) for the mistakes. */
HepQuizStats *hep_quiz_stats_load         (HepCaseStore       *store,
                                           gint64              now,
                                           int                 utc_offset,
                                           GPtrArray          *warnings,
                                           GPtrArray         **log_out,
                                           GError            **error);
/* Seconds east of UTC of @tz at @now (the caller's local time zone:
 * g_time_zone_new_local()). */
int           hep_quiz_stats_utc_offset   (GTimeZone          *tz,
                                           gint64              now);
/* n_correct / n, or a negative number when n is 0. */
double        hep_quiz_tally_rate         (const HepQuizTally *tally);

const char   *hep_quiz_plot_to_string     (HepQuizPlot         plot);
gboolean      hep_quiz_plot_from_string   (const char         *text,
                                           HepQuizPlot        *plot);
/* The plot as SVG (@width × @height; 0 for the default 640 × 400), and its
 * text alternative (the numbers in words) in @text_alternative. */
char         *hep_quiz_stats_plot_svg     (const HepQuizStats *self,
                                           HepQuizPlot         plot,
                                           HepDiagramTheme     theme,
                                           double              width,
                                           double              height,
                                           char              **text_alternative);

/* The height @plot needs for its text to stay at its size when drawn
 * @width wide: 28 px a row per diagnosis, category or feature, a cell of
 * 30 px a diagnosis in the confusion matrix, 320 px for the plots over
 * time (the same at any width). */
double        hep_quiz_stats_plot_get_height (const HepQuizStats *self,
                                           HepQuizPlot         plot,
                                           double              width);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HepQuizStats, hep_quiz_stats_free)

G_END_DECLS
