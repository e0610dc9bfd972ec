/* hep-progress-view.h: the window's Progress page: statistics and mistakes
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "hep-mistakes-list.h"
#include "hep-plot-view.h"
#include "hep-quiz-stats.h"

G_BEGIN_DECLS

#define HEP_TYPE_PROGRESS_VIEW (hep_progress_view_get_type ())

G_DECLARE_FINAL_TYPE (HepProgressView, hep_progress_view, HEP, PROGRESS_VIEW, AdwBin)

GtkWidget          *hep_progress_view_new               (void);
/* Reads the review log again (the page does it each time it is shown). */
void                hep_progress_view_refresh           (HepProgressView *self);
/* What it shows; NULL before the first refresh or without a store. */
const HepQuizStats *hep_progress_view_get_stats         (HepProgressView *self);
HepPlotView        *hep_progress_view_get_plot_view     (HepProgressView *self,
                                                         HepQuizPlot      plot);
HepMistakesList    *hep_progress_view_get_mistakes_list (HepProgressView *self);
/* "statistics" or "mistakes". */
void                hep_progress_view_show_section      (HepProgressView *self,
                                                         const char      *name);
/* "empty" (no answers yet) or "progress". */
const char         *hep_progress_view_get_state         (HepProgressView *self);

G_END_DECLS
