/* hep-quiz-explanation.h: what the quiz page says after an answer
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "hep-core.h"

G_BEGIN_DECLS

/* A wrapping, left-aligned label appended to @box. */
GtkWidget  *hep_quiz_explanation_add_label   (GtkBox                *box,
                                              const char            *text,
                                              const char            *css_class);
/* The answer given, the right one, why it was wrong and the explanation
 * of @q, appended to @box. Only after the answer. */
void        hep_quiz_explanation_add         (GtkBox                *box,
                                              const HepQuizQuestion *q,
                                              const HepQuizResponse *response,
                                              const HepQuizOutcome  *outcome);
/* "Diagnosis", "LI-RADS category"… */
const char *hep_quiz_explanation_kind_name   (HepQuizKind            kind);
/* "Again", "Hard", "Good", "Easy" */
const char *hep_quiz_explanation_grade_label (HepFsrsRating          rating);

G_END_DECLS
