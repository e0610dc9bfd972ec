/* hep-quiz-error.h: why an answer was wrong, and the grade it earns
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "hep-ddx.h"
#include "hep-feature-set.h"
#include "hep-fsrs.h"
#include "hep-lirads.h"

G_BEGIN_DECLS

/* Why an answer was wrong (issue #18, item 4), in the order they are tried:
 * out of time; a wrong feature; right features but the wrong category;
 * right category but the wrong diagnosis. */
typedef enum {
  HEP_QUIZ_ERROR_NONE,
  HEP_QUIZ_ERROR_TIMING,
  HEP_QUIZ_ERROR_PERCEPTION,
  HEP_QUIZ_ERROR_RULE,
  HEP_QUIZ_ERROR_KNOWLEDGE,
} HepQuizErrorKind;

typedef enum {
  HEP_QUIZ_MISS_MISSED,       /* present in the case, not in the answer */
  HEP_QUIZ_MISS_ADDED,        /* in the answer, not in the case */
  HEP_QUIZ_MISS_WRONG_VALUE,  /* both, with different values (aphe=rim called nonrim) */
} HepQuizMissKind;

typedef struct {
  HepFeature      feature;
  HepQuizMissKind kind;
  int             truth;      /* the case's value */
  int             answer;     /* the learner's value */
} HepQuizFeatureMiss;

/* What a question asked and what was answered; the same struct holds the
 * truth. A part not asked is left out (has_… FALSE) and not compared. */
typedef struct {
  gboolean          timed_out;        /* answers only */
  gboolean          has_features;
  HepFeatureSet     features;
  gboolean          has_lirads;
  HepLiradsCategory lirads;
  gboolean          has_diagnosis;
  HepDdxDiagnosis   diagnosis;
} HepQuizAnswer;

typedef struct {
  HepQuizErrorKind   kind;
  guint              n_misses;
  HepQuizFeatureMiss misses[HEP_N_FEATURES];   /* in vocabulary order */
} HepQuizErrorReport;

/* Confidence, said before the answer is checked. */
typedef enum {
  HEP_QUIZ_CONFIDENCE_SURE,
  HEP_QUIZ_CONFIDENCE_UNSURE,
  HEP_QUIZ_CONFIDENCE_GUESSING,
} HepQuizConfidence;

/* What counts as a fast and as a slow answer, in milliseconds: fast at most
 * fast_ms, slow more than slow_ms. */
typedef struct {
  gint64 fast_ms;
  gint64 slow_ms;
} HepQuizPace;

#define HEP_QUIZ_PACE_FAST_MS 30000
#define HEP_QUIZ_PACE_SLOW_MS 60000

void             hep_quiz_answer_init             (HepQuizAnswer            *answer);
/* Whether a feature is read from the images (arterial, later phases, other
 * sequences, other findings), and so scored in a features question; the
 * clinical context, size, growth and the reader's judgments are given. */
gboolean         hep_quiz_is_perception_feature   (HepFeature                feature);
void             hep_quiz_classify                (const HepQuizAnswer      *truth,
                                                   const HepQuizAnswer      *answer,
                                                   HepQuizErrorReport       *report);
/* "missed washout", "added capsule", "called aphe=rim nonrim" (the case's
 * value, then the learner's). */
char            *hep_quiz_feature_miss_describe   (const HepQuizFeatureMiss *miss);
/* The same in the vocabulary's words, for people (the window's mistakes
 * list): "Missed: Nonperipheral washout", "Added: Enhancing capsule",
 * "Arterial phase: Rim, read as Nonrim". */
char            *hep_quiz_feature_miss_describe_words (const HepQuizFeatureMiss *miss);
/* The kind and, for perception, the misses: "perception: called aphe=rim
 * nonrim; missed washout". NULL for HEP_QUIZ_ERROR_NONE. */
char            *hep_quiz_error_report_describe   (const HepQuizErrorReport *report);
const char      *hep_quiz_error_kind_to_string    (HepQuizErrorKind          kind);
gboolean         hep_quiz_error_kind_from_string  (const char               *text,
                                                   HepQuizErrorKind         *kind);

void             hep_quiz_pace_init_default       (HepQuizPace              *pace);
/* The grade from the outcome (issue #18, item 5): wrong → again; right but
 * unsure (or guessing) or slow → hard; right, sure and fast → easy; right
 * otherwise → good. @answer_ms < 0: the time is not known, neither fast
 * nor slow. */
HepFsrsRating    hep_quiz_grade_from_outcome      (gboolean                  correct,
                                                   HepQuizConfidence         confidence,
                                                   gint64                    answer_ms,
                                                   const HepQuizPace        *pace);

G_END_DECLS
