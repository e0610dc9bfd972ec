/* hep-plot-view.h: one plot of the review log's statistics, drawn by the core
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "hep-quiz-stats.h"

G_BEGIN_DECLS

#define HEP_TYPE_PLOT_VIEW (hep_plot_view_get_type ())

G_DECLARE_FINAL_TYPE (HepPlotView, hep_plot_view, HEP, PLOT_VIEW, GtkWidget)

GtkWidget       *hep_plot_view_new                  (HepQuizPlot         plot);
HepQuizPlot      hep_plot_view_get_plot             (HepPlotView        *self);
/* @stats is borrowed: the caller keeps it alive while it is set, and sets
 * the next one (or NULL) before freeing it. */
void             hep_plot_view_set_stats            (HepPlotView        *self,
                                                     const HepQuizStats *stats);
/* The plot in words (the core's text alternative); NULL without stats. */
const char      *hep_plot_view_get_text_alternative (HepPlotView        *self);
/* The style it is drawn in now: the window's, dark and high contrast. */
HepDiagramTheme  hep_plot_view_get_theme            (HepPlotView        *self);
/* How many times the plot was rendered to pixels (for the tests). */
guint            hep_plot_view_get_n_renders        (HepPlotView        *self);
/* Writes the plot to @path as SVG, PNG or PDF (by its extension), in the
 * style shown, at @width × @height (0: the size it has on screen). */
gboolean         hep_plot_view_export               (HepPlotView        *self,
                                                     const char         *path,
                                                     int                 width,
                                                     int                 height,
                                                     GError            **error);

G_END_DECLS
