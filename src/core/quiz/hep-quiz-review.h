/* hep-quiz-review.h: scoring an answer, logging it, scheduling what it touched
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An answer to a HepQuizQuestion is scored (right or wrong, a score of 0–1,
 * why it was wrong: hep-quiz-error.h), graded from the outcome unless the
 * learner changed the grade, and written to the review log with the FSRS
 * cards it moves, in one transaction (hep_case_store_record_review()).
 *
 * Cards: one per case ("case", the case id) and one per skill ("skill"):
 *   feature:<token>           a feature read, or missed, in a features question
 *   lirads:<rule id>          a LI-RADS rule on the case's path (the population
 *                             gate left out: every at-risk case passes it)
 *   ddx:<a>-vs-<b>            a diagnosis pair, ids in alphabetical order: the
 *                             answer and the one chosen when wrong, else the
 *                             answer and the differential's best other offered
 * A skill that went wrong is reviewed as again; one that went right gets the
 * answer's grade, or, in a wrong answer, the grade a right one would have had.
 * Time is passed in.
 */

#pragma once

#include <glib.h>

#include "hep-case-store.h"
#include "hep-fsrs.h"
#include "hep-quiz-error.h"
#include "hep-quiz-question.h"

G_BEGIN_DECLS

/* What the learner did. */
typedef struct {
  const char        *choice;       /* choice kinds: the option id picked (NULL: none) */
  HepFeatureSet      features;     /* features kind: the features set */
  HepQuizConfidence  confidence;
  gint64             duration_ms;  /* < 0: not known */
  gboolean           timed_out;
  int                grade;        /* a HepFsrsRating the learner chose instead, or 0 */
} HepQuizResponse;

typedef struct {
  char          *id;               /* "feature:washout" */
  HepFsrsRating  rating;
} HepQuizSkillReview;

typedef struct {
  gboolean            correct;
  double              score;       /* features: the share of features right; else 0 or 1 */
  HepQuizErrorReport  report;
  HepFsrsRating       grade;       /* the one given: the learner's, else from the outcome */
  char               *answer;      /* as logged: an option id or feature tokens */
  char               *expected;
  GPtrArray          *skills;      /* HepQuizSkillReview */
} HepQuizOutcome;

void           hep_quiz_response_init      (HepQuizResponse       *response);
/* Scores @response to @q. @pace: NULL for the default. */
HepQuizOutcome *hep_quiz_outcome_new       (const HepQuizQuestion *q,
                                            const HepQuizResponse *response,
                                            const HepQuizPace     *pace);
void           hep_quiz_outcome_free       (HepQuizOutcome        *outcome);

/* The response a logged answer @entry gave to @q, to score it again (an
 * exam resumed, its review page): the option id (in *@choice, the
 * caller's to free; @response->choice points at it) or the features, the
 * sureness, the time, whether time ran out and the grade given. FALSE
 * when the row does not fit the question: another case or kind, an option
 * the question does not have, tokens that do not parse. */
gboolean       hep_quiz_response_from_log  (const HepQuizQuestion *q,
                                            const HepQuizLogEntry *entry,
                                            HepQuizResponse       *response,
                                            char                 **choice);

/* The cards of @state (NULL: a new card due at @now) and back. */
void           hep_quiz_card_from_state    (const HepReviewState  *state,
                                            gint64                 now,
                                            HepFsrsCard           *card);
void           hep_quiz_card_to_state      (const HepFsrsCard     *card,
                                            HepFsrsRating          rating,
                                            HepReviewState        *state);

/* Writes the answer and reviews the case card and the skill cards at @now,
 * all in one transaction. @session_id and @mode may be NULL ("cli"). Returns
 * the log row's pk, 0 on error. */
gint64         hep_quiz_record_answer      (HepCaseStore          *store,
                                            const HepFsrsParams   *params,
                                            const HepQuizQuestion *q,
                                            const HepQuizResponse *response,
                                            const HepQuizOutcome  *outcome,
                                            const char            *session_id,
                                            const char            *mode,
                                            gint64                 now,
                                            GError               **error);

/* Items due at @now, cases then skills, most overdue first. A case card
 * whose case has gone is skipped, with a line in @warnings (may be NULL). */
GPtrArray     *hep_quiz_list_due           (HepCaseStore          *store,
                                            gint64                 now,
                                            GPtrArray             *warnings,
                                            GError               **error);

/* The case to ask next: the most overdue case card whose case is in the
 * library (a gone one is skipped, with a line in @warnings), else a case of
 * the store's list drawn with @seed. NULL without an error when the
 * library is empty. */
HepCase       *hep_quiz_next_case          (HepCaseStore          *store,
                                            gint64                 now,
                                            guint32                seed,
                                            GPtrArray             *warnings,
                                            GError               **error);

/* The mistakes page: for each case and question kind whose latest answer
 * in @log (HepQuizLogEntry) was wrong, that answer; newest first. The
 * entries are borrowed from @log. */
GPtrArray     *hep_quiz_list_mistakes      (GPtrArray             *log);
/* Why @entry was wrong, read back from the log: the kind (NONE when it was
 * right; a wrong row without one takes its question kind's, as the
 * statistics do) and, for a features question answered in time, each
 * feature miss, from its key and answer. FALSE when the row holds words
 * this version does not know (@report then says NONE). */
gboolean       hep_quiz_log_entry_get_report (const HepQuizLogEntry *entry,
                                            HepQuizErrorReport    *report);

const char    *hep_quiz_confidence_to_string (HepQuizConfidence    confidence);
gboolean       hep_quiz_confidence_from_string (const char        *text,
                                            HepQuizConfidence     *confidence);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HepQuizOutcome, hep_quiz_outcome_free)

G_END_DECLS
