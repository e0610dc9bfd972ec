/* hep-mistakes-list.h: the learner's mistakes, why each was wrong
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "hep-case-store.h"
#include "hep-quiz-error.h"

G_BEGIN_DECLS

#define HEP_TYPE_MISTAKES_LIST (hep_mistakes_list_get_type ())

G_DECLARE_FINAL_TYPE (HepMistakesList, hep_mistakes_list, HEP, MISTAKES_LIST, GtkBox)

/* Shows every kind of mistake (the filter's "All"). */
#define HEP_MISTAKES_FILTER_ALL ((int) -1)

GtkWidget  *hep_mistakes_list_new            (void);
/* The mistakes of @log (HepQuizLogEntry: hep_quiz_list_mistakes()), the
 * cases looked up in @store and named as unknown-case mode allows. */
void        hep_mistakes_list_set_log        (HepMistakesList *self,
                                              HepCaseStore    *store,
                                              GPtrArray       *log);
guint       hep_mistakes_list_get_n_mistakes (HepMistakesList *self);
/* Of one HepQuizErrorKind, or HEP_MISTAKES_FILTER_ALL. */
guint       hep_mistakes_list_count_kind     (HepMistakesList *self,
                                              int              kind);
void        hep_mistakes_list_set_filter     (HepMistakesList *self,
                                              int              kind);
int         hep_mistakes_list_get_filter     (HepMistakesList *self);
/* The list box of the rows (HepTextRow), for the tests. */
GtkListBox *hep_mistakes_list_get_list_box   (HepMistakesList *self);
/* The HepQuizErrorKind of a row of the list box. */
int         hep_mistakes_list_row_get_kind   (GtkListBoxRow   *row);

G_END_DECLS
