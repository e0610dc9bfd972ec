/* hep-quiz-view.h: the quiz page of the main window
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "hep-core.h"

G_BEGIN_DECLS

typedef enum {
  HEP_QUIZ_MODE_TUTOR,   /* the answer and why after each question */
  HEP_QUIZ_MODE_TIMED,   /* as tutor, with a countdown per question */
  HEP_QUIZ_MODE_EXAM,    /* nothing until the end, then the review */
} HepQuizMode;

/* The time, in microseconds since the epoch (g_get_real_time() unless a
 * test drives it). */
typedef gint64 (*HepQuizClock) (gpointer user_data);

#define HEP_TYPE_QUIZ_VIEW (hep_quiz_view_get_type ())
G_DECLARE_FINAL_TYPE (HepQuizView, hep_quiz_view, HEP, QUIZ_VIEW, AdwBin)

GtkWidget             *hep_quiz_view_new            (void);
/* The setup page. */
void                   hep_quiz_view_show_setup     (HepQuizView           *self);
/* A quiz over @spec in @mode; FALSE (and the setup page, saying why)
 * when it has no questions or the cases cannot be read. */
gboolean               hep_quiz_view_start          (HepQuizView           *self,
                                                     const HepQuizPlanSpec *spec,
                                                     HepQuizMode            mode);
/* win.start-quiz: "setup", "due" or "mistakes" (the setup page's mode,
 * number and kinds). */
gboolean               hep_quiz_view_start_named    (HepQuizView           *self,
                                                     const char            *what);
void                   hep_quiz_view_set_clock      (HepQuizView           *self,
                                                     HepQuizClock           clock,
                                                     gpointer               user_data);
/* "setup", "question", "feedback" or "review" */
const char            *hep_quiz_view_get_page       (HepQuizView           *self);
/* The question shown, or NULL. */
const HepQuizQuestion *hep_quiz_view_get_question   (HepQuizView           *self);
/* Handles a key as the page's key controller does (the tests call it). */
gboolean               hep_quiz_view_handle_key     (HepQuizView           *self,
                                                     guint                  keyval,
                                                     GdkModifierType        state);

G_END_DECLS
