/* hep-answer-bar.h: the live answer, always in view
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "hep-state-view.h"

G_BEGIN_DECLS

#define HEP_TYPE_ANSWER_BAR (hep_answer_bar_get_type ())

G_DECLARE_FINAL_TYPE (HepAnswerBar, hep_answer_bar, HEP, ANSWER_BAR, HepStateView)

GtkWidget *hep_answer_bar_new          (void);
/* Where the lesion was found, for the next imaging step. */
void       hep_answer_bar_set_found_on (HepAnswerBar *self,
                                        HepFoundOn    found_on);
/* While hiding (unknown-case mode before the reveal) the bar shows no
 * category, diagnosis or step: only that the answer is hidden. */
void       hep_answer_bar_set_hiding   (HepAnswerBar *self,
                                        gboolean      hiding);
gboolean   hep_answer_bar_get_hiding   (HepAnswerBar *self);

G_END_DECLS
