/* hep-quiz-plan.h: which questions a quiz asks
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A quiz's questions, chosen before the first one is asked (issue #18,
 * item 1): from all cases, the cases a filter selects (diagnosis, LI-RADS
 * category, tag, difficulty), the cases due for review, or the learner's
 * mistakes. One question per case, of a kind the case can make, the kinds
 * taken in turn so that a quiz mixes them; the order comes from a seed
 * passed in. Due cases come most overdue first and mistakes newest first,
 * each asked again in the kind that went wrong. Time is passed in.
 *
 * A plan is kept as text while an exam is unfinished; the exam resumes
 * from it and the answers its session already wrote
 * (hep_quiz_response_from_log()).
 */

#pragma once

#include <glib.h>

#include "hep-case-store.h"
#include "hep-quiz-question.h"

G_BEGIN_DECLS

typedef enum {
  HEP_QUIZ_SOURCE_ALL,
  HEP_QUIZ_SOURCE_FILTER,    /* the cases HepQuizPlanSpec:filter selects */
  HEP_QUIZ_SOURCE_DUE,       /* case cards due at now */
  HEP_QUIZ_SOURCE_MISTAKES,  /* the latest answer of each case and kind, when wrong */
} HepQuizSource;

/* The kinds a quiz may ask, as bits (1 << HepQuizKind). */
#define HEP_QUIZ_KINDS_ALL ((1u << HEP_N_QUIZ_KINDS) - 1)

typedef struct {
  HepQuizSource source;
  HepCaseFilter filter;       /* HEP_QUIZ_SOURCE_FILTER; no text query */
  guint         kinds;        /* bits of HepQuizKind; 0 means all */
  guint         n_questions;  /* at most this many; 0 means as many as there are */
  guint32       seed;
} HepQuizPlanSpec;

typedef struct {
  char        *case_id;
  HepQuizKind  kind;
  guint32      seed;          /* the question's own seed (option order) */
} HepQuizPlanItem;

void       hep_quiz_plan_spec_init  (HepQuizPlanSpec   *spec);
void       hep_quiz_plan_item_free  (HepQuizPlanItem   *item);

/* The questions (HepQuizPlanItem) of a quiz over @spec at @now: empty,
 * without an error, when nothing matches. A case that has gone away, or a
 * logged kind this version does not know, is skipped with a line in
 * @warnings (may be NULL). */
GPtrArray *hep_quiz_plan_new        (HepCaseStore          *store,
                                     const HepQuizPlanSpec *spec,
                                     gint64                 now,
                                     GPtrArray             *warnings,
                                     GError               **error);

/* A plan as text, one "CASE_ID KIND SEED" per item, to be kept while a
 * quiz is unfinished (an exam resumes from it and the session's answers),
 * and back: NULL and HEP_CASE_STORE_ERROR_INVALID, naming the item, when
 * a line is not one. */
GStrv      hep_quiz_plan_to_strv    (GPtrArray             *plan);
GPtrArray *hep_quiz_plan_from_strv  (const char * const    *lines,
                                     GError               **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HepQuizPlanItem, hep_quiz_plan_item_free)

G_END_DECLS
