/* hep-quiz-question.h: quiz questions made from a case's data
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A question is never written by hand: it is made from the case's feature
 * set by the engines (issue #18, item 3). Its stem is the case as
 * unknown-case mode shows it, decided by hep-case-spoilers.h alone; the key
 * and the explanation are kept apart, for after the answer.
 *
 *  - features (perception): the findings by phase; the learner sets the
 *    features read from the images. The key is the case's perception
 *    features (hep_quiz_is_perception_feature()), scored one by one.
 *  Every stem states the clinical context and the size as features, never
 *  an imaging feature: those are read from the findings, whose hidden
 *  phases they would give away (and the diagrams, drawn from them, stay
 *  hidden until the features are answered).
 *  - lirads (at-risk cases only): the category; the key is the LI-RADS
 *    engine's category for the case's features.
 *  - diagnosis: the case's diagnosis and, as distractors, the diagnoses the
 *    differential ranks next for the case's features that are plausible
 *    (pinned by a hard rule, or with a row of evidence for them), at most
 *    four, never the answer, never twice.
 *  - next-test (cases whose features and "found on" make a next-imaging
 *    scenario): the best-rated procedure against lower-rated ones.
 *
 * Option order comes from a seed passed in, so the same seed gives the same
 * question.
 */

#pragma once

#include <glib.h>

#include "hep-case.h"
#include "hep-feature-set.h"
#include "hep-lirads.h"

G_BEGIN_DECLS

typedef enum {
  HEP_QUIZ_KIND_FEATURES,
  HEP_QUIZ_KIND_LIRADS,
  HEP_QUIZ_KIND_DIAGNOSIS,
  HEP_QUIZ_KIND_NEXT_TEST,

  HEP_N_QUIZ_KINDS
} HepQuizKind;

#define HEP_QUIZ_MAX_DISTRACTORS 4

#define HEP_QUIZ_QUESTION_ERROR (hep_quiz_question_error_quark ())

typedef enum {
  HEP_QUIZ_QUESTION_ERROR_NOT_APPLICABLE,  /* the case cannot make this kind of question */
} HepQuizQuestionError;

/* One finding the stem shows. */
typedef struct {
  HepCasePhase phase;
  char        *text;
} HepQuizFinding;

/* One option of a choice question: its id ("hcc", "LR-5", "mri-wo-w") and
 * its label. */
typedef struct {
  char *id;
  char *label;
} HepQuizOption;

typedef struct {
  HepQuizKind    kind;
  char          *case_id;

  /* the stem: what unknown-case mode shows */
  char          *title;          /* NULL when the rule hides it */
  char          *history;
  char          *presentation;
  char          *found_on;       /* the study that found the lesion: us, ct or mri (never hidden) */
  GPtrArray     *findings;       /* HepQuizFinding, in phase order, hidden ones left out */
  HepFeatureSet  given;          /* features the stem states: the clinical context and the size,
                                  * never what is read from the images (those are in the findings,
                                  * and a phase's findings may be hidden) */
  char          *prompt;         /* the question itself, translated */

  /* the options (choice kinds) and the key */
  GPtrArray     *options;        /* HepQuizOption; empty for the features kind */
  int            key;            /* index into options; -1 for the features kind */
  HepFeatureSet  key_features;   /* features kind: the perception features of the case */

  /* the explanation, for after the answer */
  HepFeatureSet  features;       /* the case's features */
  char          *diagnosis;      /* the case's diagnosis id */
  HepLiradsCategory lirads;      /* the engine's category for the case's features */
  GPtrArray     *lirads_path;    /* char *: the rule ids of the LI-RADS steps that held */
  GPtrArray     *evidence;       /* char *: the differential's evidence for the diagnosis, strongest first */
  GPtrArray     *teaching_points; /* char * */
  GPtrArray     *pitfalls;       /* char * */
} HepQuizQuestion;

GQuark           hep_quiz_question_error_quark (void);

const char      *hep_quiz_kind_to_string       (HepQuizKind          kind);
gboolean         hep_quiz_kind_from_string     (const char          *text,
                                                HepQuizKind         *kind);

/* Whether @c can make a question of @kind (cheap; no text is built). */
gboolean         hep_quiz_question_is_possible (HepCase             *c,
                                                HepQuizKind          kind);
/* The question of @kind for @c, options in the order @seed gives; NULL and
 * HEP_QUIZ_QUESTION_ERROR_NOT_APPLICABLE when the case cannot make one. */
HepQuizQuestion *hep_quiz_question_new         (HepCase             *c,
                                                HepQuizKind          kind,
                                                guint32              seed,
                                                GError             **error);
void             hep_quiz_question_free        (HepQuizQuestion     *self);

/* The stem as plain text, one line each: title, history, presentation,
 * "found on: …", "phase: findings", the given features' tokens, and the
 * prompt. */
char            *hep_quiz_question_dup_stem_text (const HepQuizQuestion *self);
/* The index of the option with @id, or -1. */
int              hep_quiz_question_find_option (const HepQuizQuestion *self,
                                                const char          *id);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HepQuizQuestion, hep_quiz_question_free)

G_END_DECLS
