/* hep-fsrs.h: the FSRS-6 spaced-repetition scheduler
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * FSRS-6 (Free Spaced Repetition Scheduler, version 6) written from its
 * published formulas, with the state machine of the reference scheduler
 * (py-fsrs 6.x, fsrs/scheduler.py): learning steps, review, relearning steps.
 * No fuzz. Time is passed in as seconds since the Unix epoch (UTC) and never
 * read from the clock.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define HEP_FSRS_N_WEIGHTS   21
#define HEP_FSRS_MAX_STEPS   8
#define HEP_FSRS_SECONDS_PER_DAY G_GINT64_CONSTANT (86400)

/* The minimum stability (days) and the range of difficulty. */
#define HEP_FSRS_STABILITY_MIN  0.001
#define HEP_FSRS_DIFFICULTY_MIN 1.0
#define HEP_FSRS_DIFFICULTY_MAX 10.0

typedef enum {
  HEP_FSRS_RATING_AGAIN = 1,
  HEP_FSRS_RATING_HARD  = 2,
  HEP_FSRS_RATING_GOOD  = 3,
  HEP_FSRS_RATING_EASY  = 4,
} HepFsrsRating;

typedef enum {
  HEP_FSRS_STATE_NEW,         /* never reviewed: no stability or difficulty yet */
  HEP_FSRS_STATE_LEARNING,
  HEP_FSRS_STATE_REVIEW,
  HEP_FSRS_STATE_RELEARNING,
} HepFsrsState;

typedef struct {
  double weights[HEP_FSRS_N_WEIGHTS];            /* w0 … w20 */
  double desired_retention;                      /* in (0, 1) */
  gint64 learning_steps[HEP_FSRS_MAX_STEPS];     /* seconds */
  guint  n_learning_steps;
  gint64 relearning_steps[HEP_FSRS_MAX_STEPS];   /* seconds */
  guint  n_relearning_steps;
  int    maximum_interval;                       /* days, >= 1 */
} HepFsrsParams;

/* A card is a plain value: copy it, store its fields. */
typedef struct {
  HepFsrsState state;
  guint        step;         /* the learning or relearning step; 0 otherwise */
  double       stability;    /* days; 0 while new */
  double       difficulty;   /* 1 … 10; 0 while new */
  gint64       due;          /* seconds since the epoch */
  gint64       last_review;  /* seconds since the epoch; 0 while new */
} HepFsrsCard;

/* The published FSRS-6 default weights, desired retention 0.9, learning
 * steps 1 min and 10 min, one relearning step of 10 min, a maximum
 * interval of 36,500 days. */
void         hep_fsrs_params_init_default (HepFsrsParams       *params);
/* Checks each weight against the reference's bounds, the retention, the
 * steps and the maximum interval; the error names the first bad value. */
gboolean     hep_fsrs_params_validate     (const HepFsrsParams *params,
                                           GError             **error);

/* A new card, due at @now. */
void         hep_fsrs_card_init           (HepFsrsCard         *card,
                                           gint64               now);
/* Reviews @card at @now with @rating and schedules it. @now before the
 * last review (a clock that went backwards) counts as zero days elapsed;
 * the next due time is never before @now. @params must be valid. */
void         hep_fsrs_review              (const HepFsrsParams *params,
                                           HepFsrsCard         *card,
                                           HepFsrsRating        rating,
                                           gint64               now);
/* The probability of recall at @now (0 for a new card). */
double       hep_fsrs_card_retrievability (const HepFsrsParams *params,
                                           const HepFsrsCard   *card,
                                           gint64               now);
/* Whole days from @from to @to, rounded down; 0 when @to is before @from. */
gint64       hep_fsrs_elapsed_days        (gint64               from,
                                           gint64               to);

/* The formulas, one by one (exposed for the tests and the statistics). */
double       hep_fsrs_forgetting_curve    (const HepFsrsParams *params,
                                           double               elapsed_days,
                                           double               stability);
double       hep_fsrs_initial_stability   (const HepFsrsParams *params,
                                           HepFsrsRating        rating);
double       hep_fsrs_initial_difficulty  (const HepFsrsParams *params,
                                           HepFsrsRating        rating);
double       hep_fsrs_next_difficulty     (const HepFsrsParams *params,
                                           double               difficulty,
                                           HepFsrsRating        rating);
double       hep_fsrs_recall_stability    (const HepFsrsParams *params,
                                           double               difficulty,
                                           double               stability,
                                           double               retrievability,
                                           HepFsrsRating        rating);
double       hep_fsrs_forget_stability    (const HepFsrsParams *params,
                                           double               difficulty,
                                           double               stability,
                                           double               retrievability);
double       hep_fsrs_short_term_stability (const HepFsrsParams *params,
                                            double               stability,
                                            HepFsrsRating        rating);
int          hep_fsrs_next_interval       (const HepFsrsParams *params,
                                           double               stability);

const char  *hep_fsrs_state_to_string     (HepFsrsState         state);
const char  *hep_fsrs_rating_to_string    (HepFsrsRating        rating);
gboolean     hep_fsrs_rating_from_string  (const char          *text,
                                           HepFsrsRating       *rating);

G_END_DECLS
