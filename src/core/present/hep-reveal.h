/* hep-reveal.h: a case as a reveal sequence, for teaching conferences
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The steps a presenter walks a room through, drawn from the case's own data:
 *
 *  1. history and presentation;
 *  2. each phase the case has findings for, in reading order: pre-contrast,
 *     late arterial, portal venous, delayed / transitional, hepatobiliary,
 *     then T2 and DWI, with that phase's findings; findings that unknown-case
 *     mode hides (hep-case-spoilers.h, the one rule) are withheld until the
 *     reveal;
 *  3. "commit your answer": the LI-RADS category and the diagnosis, as a
 *     prompt to the room;
 *  4. the reveal: the title, the diagnosis with its proof and outcome (what
 *     proved it), the LI-RADS
 *     category on file and the path the rules take, the top of the
 *     differential, the findings withheld before, other findings, teaching
 *     points and pitfalls.
 *
 * Each step lists the text it shows as items (a label and a text), and says
 * up to which phase its diagrams may be drawn: the contrast phases shown so
 * far, but none from the first withheld one on (its drawing would show what
 * its findings hold back) until the reveal. Nothing in a step before the
 * reveal is a field the rule hides.
 */

#pragma once

#include <glib.h>

#include "hep-case.h"
#include "hep-curve-model.h"

G_BEGIN_DECLS

typedef enum {
  HEP_REVEAL_STEP_HISTORY,
  HEP_REVEAL_STEP_PHASE,
  HEP_REVEAL_STEP_COMMIT,
  HEP_REVEAL_STEP_REVEAL,
} HepRevealStepKind;

/* One piece of text a step shows. @label may be NULL. */
typedef struct {
  char *label;
  char *text;
} HepRevealItem;

typedef struct {
  HepRevealStepKind kind;
  HepCasePhase      phase;          /* PHASE steps: the phase; else HEP_CASE_PHASE_OTHER */
  gboolean          withheld;       /* PHASE steps: the findings are hidden until the reveal */
  int               diagram_phase;  /* the diagrams are drawn up to this HepCurvePhase;
                                     * -1: the step shows no diagram */
  char             *heading;
  GPtrArray        *items;          /* HepRevealItem, in order */
} HepRevealStep;

void         hep_reveal_step_free          (HepRevealStep     *step);
/* The heading and every item of @step, one per line: what the step shows. */
char        *hep_reveal_step_dup_text      (const HepRevealStep *step);
const char  *hep_reveal_step_kind_to_string (HepRevealStepKind kind);

/* The steps of @c, in order (HepRevealStep, freed with the array). The
 * last is the reveal; the one before it, the commit step. */
GPtrArray   *hep_reveal_sequence_new       (HepCase           *c);

/* The HepCurvePhase that shows the contrast phase @phase, or -1 for T2, DWI
 * and other. */
int          hep_reveal_phase_to_curve     (HepCasePhase       phase);

/* What a case may be called before its reveal: its title unless the rule
 * hides it, else "Case N" (@number from 1; 0: "Unknown case"). */
char        *hep_reveal_dup_public_title   (HepCase           *c,
                                            guint              number);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HepRevealStep, hep_reveal_step_free)

G_END_DECLS
