/* hep-diagram-private.h: what the diagram's files share
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * hep-diagram.c holds the options, the shared text helpers and the public
 * entry points; hep-diagram-curve.c draws the enhancement curves and
 * hep-diagram-strip.c the phase-by-phase strip.
 */

#pragma once

#include <glib.h>

#include "hep-diagram.h"
#include "hep-svg-writer.h"

G_BEGIN_DECLS

#define FONT_FAMILY "Cantarell, 'DejaVu Sans', sans-serif"

typedef struct {
  const char *background;
  const char *foreground;
  const char *muted;
  const char *grid;
  const char *band;
  const char *image;   /* phase-strip panel behind the liver */
  const char *image_stroke;
} Theme;

extern const Theme _hep_diagram_themes[];

typedef enum { REL_HYPO, REL_ISO, REL_HYPER } Relation;

const char *
_hep_diagram_num (double value);

void
_hep_diagram_get_size (const HepDiagramOptions *options,
                       double                  *width,
                       double                  *height);

const char *
_hep_diagram_time_label (HepCurvePhase phase);

char *
_hep_diagram_format_value (double value);

Relation
_hep_diagram_relation (double lesion,
                       double liver);

char *
_hep_diagram_phase_words (const HepCurveSet *set,
                          HepCurvePhase      phase);

char *
_hep_diagram_phase_words_up_to (const HepCurveSet *set,
                                HepCurvePhase      phase,
                                HepCurvePhase      last);

GPtrArray *
_hep_diagram_wrap_text (const char *text,
                        int         max_chars);

void
_hep_diagram_text_at (HepSvgWriter *w,
                      const char   *text,
                      double        x,
                      double        y,
                      double        size,
                      const char   *anchor,
                      const char   *fill,
                      gboolean      bold);

double
_hep_diagram_wrapped_text_at (HepSvgWriter *w,
                              const char   *text,
                              double        x,
                              double        y,
                              double        width,
                              double        size,
                              const char   *fill,
                              gboolean      bold);

void
_hep_diagram_write_header (HepSvgWriter *w,
                           const char   *title,
                           const char   *desc,
                           double        width,
                           double        height,
                           const Theme  *theme,
                           double        font_size);

double
_hep_diagram_part_value (const HepCurvePart *part,
                         HepCurvePhase       phase,
                         double              fallback);

/* Whether @phase is drawn (HepDiagramOptions:up_to_phase). */
gboolean
_hep_diagram_phase_shown (const HepDiagramOptions *options,
                          HepCurvePhase            phase);

/* The smallest text of a diagram drawn with @options, in pixels. */
double
_hep_diagram_min_px (const HepDiagramOptions *options);

/* HepDiagramOptions:text_scale, 1 when not given. */
double
_hep_diagram_text_scale (const HepDiagramOptions *options);

#define HEP_DIAGRAM_LINE_HEIGHT 1.25

GPtrArray *
_hep_diagram_phase_name_lines (HepCurvePhase phase,
                               int           level);

double
_hep_diagram_text_width (const char *text,
                         double      size,
                         gboolean    bold);

GPtrArray *
_hep_diagram_wrap (const char *text,
                   double      width,
                   double      size,
                   gboolean    bold);

gboolean
_hep_diagram_lines_fit (GPtrArray *lines,
                        double     width,
                        double     size,
                        gboolean   bold);

double
_hep_diagram_wrapped_height (const char *text,
                             double      width,
                             double      size,
                             gboolean    bold);

char *_hep_diagram_curve_svg       (const HepCurveSet       *set,
                                    const HepDiagramOptions *options,
                                    char                   **text_alternative);
int   _hep_diagram_curve_natural_height (const HepCurveSet  *set,
                                    const HepDiagramOptions *options);
int   _hep_diagram_curve_phase_at  (const HepCurveSet       *set,
                                    const HepDiagramOptions *options,
                                    double                   x,
                                    double                   y);
char *_hep_diagram_strip_svg       (const HepCurveSet       *set,
                                    const HepDiagramOptions *options,
                                    char                   **text_alternative);
int   _hep_diagram_strip_natural_height (const HepCurveSet  *set,
                                    const HepDiagramOptions *options);
int   _hep_diagram_strip_phase_at  (const HepCurveSet       *set,
                                    const HepDiagramOptions *options,
                                    double                   x,
                                    double                   y);

G_END_DECLS
