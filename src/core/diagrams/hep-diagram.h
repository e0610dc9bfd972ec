/* hep-diagram.h: enhancement-curve and per-phase diagrams as SVG text
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Pure functions of their input: the same curve set and options give the
 * same bytes in every locale (tests/data/diagrams/ holds golden files).
 * Every diagram carries a <title>, a <desc>, and the visible note
 * "schematic, not measured"; a plain-text alternative comes with it.
 *
 * Curve diagram: phase bands (pre, late arterial, portal venous, delayed /
 * transitional, HBP), an axis break before the gadoxetate HBP, the aorta, the
 * background liver and every part of the lesion, with a legend; with
 * comparison sets, the primary curve of up to four lesions.
 *
 * Phase strip: one schematic axial liver per phase with the lesion's look,
 * drawn from the same numbers: each part is filled with a grey level windowed
 * on the liver of that phase (liver = mid grey; brighter = hyper) [D].
 */

#pragma once

#include <glib.h>

#include "hep-curve-model.h"

G_BEGIN_DECLS

/* One main set plus up to three for comparison: four in all. */
#define HEP_DIAGRAM_MAX_COMPARE 3

typedef enum {
  HEP_DIAGRAM_KIND_CURVE,
  HEP_DIAGRAM_KIND_PHASES,
} HepDiagramKind;

typedef enum {
  HEP_DIAGRAM_THEME_LIGHT,
  HEP_DIAGRAM_THEME_DARK,
  /* for high contrast: text, axes and outlines black on white, or white on
   * black; no mid-grey text */
  HEP_DIAGRAM_THEME_HC_LIGHT,
  HEP_DIAGRAM_THEME_HC_DARK,
} HepDiagramTheme;

/* Whether @theme draws on a dark background. */
gboolean    hep_diagram_theme_is_dark          (HepDiagramTheme theme);

#define HEP_DIAGRAM_MIN_SIZE 200
#define HEP_DIAGRAM_MAX_SIZE 8000

typedef struct {
  HepDiagramKind      kind;
  HepDiagramTheme     theme;
  int                 width;    /* ≤ 0: hep_diagram_get_default_size() */
  int                 height;
  guint               n_compare;
  const HepCurveSet  *compare[HEP_DIAGRAM_MAX_COMPARE];
  /* Presenting a case phase by phase: with @up_to_phase, phases after
   * @last_phase are drawn blank and unlabelled, and neither the SVG nor the
   * text alternative holds a word or a value of them. */
  gboolean            up_to_phase;
  HepCurvePhase       last_phase;
  /* The audience screen: every text at least 24 px (larger in proportion
   * above 1280 × 720); notes that would not fit are left out, and the phase
   * strip's title is only in its <title>. */
  gboolean            large_text;
  /* The app's text zoom (≤ 0: 1). Text grows with it; it never shrinks
   * below the minimum (HEP_DIAGRAM_MIN_TEXT_PX, or the large-text one). */
  double              text_scale;
} HepDiagramOptions;

/* The smallest text of a diagram, in the pixels it is drawn at. Labels that
 * would not fit at this size are shortened, wrapped or left out, in the
 * order hep-diagram-curve.c and hep-diagram-strip.c document; the text
 * alternative always holds everything. */
#define HEP_DIAGRAM_MIN_TEXT_PX 12

/* The smallest text of a large-text diagram drawn at 1280 × 720. */
#define HEP_DIAGRAM_LARGE_TEXT_MIN_PX 24

#define HEP_DIAGRAM_ERROR (hep_diagram_error_quark ())

typedef enum {
  HEP_DIAGRAM_ERROR_UNKNOWN_ARCHETYPE,
  HEP_DIAGRAM_ERROR_TOO_MANY,
  HEP_DIAGRAM_ERROR_BAD_SIZE,
  HEP_DIAGRAM_ERROR_BAD_KIND,
} HepDiagramError;

GQuark      hep_diagram_error_quark        (void);

void        hep_diagram_options_init       (HepDiagramOptions       *options,
                                            HepDiagramKind           kind);
/* Adds an archetype to compare; fails on an unknown id (the message names
 * it and lists the accepted ids) or past HEP_DIAGRAM_MAX_COMPARE. */
gboolean    hep_diagram_options_add_compare (HepDiagramOptions      *options,
                                            const char              *archetype_id,
                                            GError                 **error);
/* Draws only up to @last_phase (see HepDiagramOptions). */
void        hep_diagram_options_set_last_phase (HepDiagramOptions   *options,
                                            HepCurvePhase            last_phase);
gboolean    hep_diagram_options_set_size   (HepDiagramOptions       *options,
                                            int                      width,
                                            int                      height,
                                            GError                 **error);
gboolean    hep_diagram_kind_from_string   (const char              *text,
                                            HepDiagramKind          *kind);
const char *hep_diagram_kind_to_string     (HepDiagramKind           kind);

/* The size a diagram is drawn at when options give none. */
/* The background colour of a diagram in @theme, "#RRGGBB" (a view draws
 * it while the diagram renders). */
const char *hep_diagram_theme_get_background (HepDiagramTheme theme);
void        hep_diagram_get_default_size   (const HepDiagramOptions *options,
                                            int                     *width,
                                            int                     *height);

/* The SVG document; @text_alternative (optional) receives the plain-text
 * description. Free both with g_free(). */
char       *hep_diagram_to_svg             (const HepCurveSet       *set,
                                            const HepDiagramOptions *options,
                                            char                   **text_alternative);

/* The height that @set's diagram wants at @width (options' height is
 * ignored): what a view gives it, so that its text is laid out without
 * shrinking. Cheap: a layout, no SVG. */
int         hep_diagram_get_height_for_width (const HepCurveSet     *set,
                                            const HepDiagramOptions *options,
                                            int                      width);

/* The phase under (@x, @y), in the diagram's pixels, or -1. */
int         hep_diagram_phase_at           (const HepCurveSet       *set,
                                            const HepDiagramOptions *options,
                                            double                   x,
                                            double                   y);
/* "Portal venous (70 s): lesion 0.20, liver 0.25 …", for a tooltip. */
char       *hep_diagram_describe_phase     (const HepCurveSet       *set,
                                            const HepDiagramOptions *options,
                                            HepCurvePhase            phase);

G_END_DECLS
