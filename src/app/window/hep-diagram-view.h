/* hep-diagram-view.h: the enhancement-curve / phase-strip diagram widget
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shows the SVG of hep-diagram.h, rendered with librsvg. The diagram is
 * regenerated at the widget's size (its layout adapts) and on light/dark
 * changes; the parsed handle and the rendered surface are cached. Hovering
 * a phase shows its values in a tooltip; the accessible description is the
 * diagram's text alternative.
 */

#pragma once

#include <adwaita.h>

#include "hep-core.h"

G_BEGIN_DECLS

#define HEP_TYPE_DIAGRAM_KIND (hep_diagram_kind_get_type ())
GType hep_diagram_kind_get_type (void) G_GNUC_CONST;

#define HEP_TYPE_DIAGRAM_VIEW (hep_diagram_view_get_type ())

G_DECLARE_FINAL_TYPE (HepDiagramView, hep_diagram_view, HEP, DIAGRAM_VIEW, GtkWidget)

GtkWidget           *hep_diagram_view_new              (void);

/* The diagram shows the archetype when one is set, otherwise the curves
 * synthesized from the features. Setting features clears the archetype. */
void                 hep_diagram_view_set_features     (HepDiagramView      *self,
                                                        const HepFeatureSet *features);
const HepFeatureSet *hep_diagram_view_get_features     (HepDiagramView      *self);
void                 hep_diagram_view_set_archetype    (HepDiagramView      *self,
                                                        const char          *archetype_id);
const char          *hep_diagram_view_get_archetype    (HepDiagramView      *self);
void                 hep_diagram_view_set_kind         (HepDiagramView      *self,
                                                        HepDiagramKind       kind);
HepDiagramKind       hep_diagram_view_get_kind         (HepDiagramView      *self);
/* Archetype ids to overlay (up to HEP_DIAGRAM_MAX_COMPARE; unknown ids are
 * an error and leave the comparison unchanged). */
gboolean             hep_diagram_view_set_compare      (HepDiagramView      *self,
                                                        const char * const  *archetype_ids,
                                                        GError             **error);

/* The SVG text and text alternative last drawn (NULL before the first draw). */
const char          *hep_diagram_view_get_svg          (HepDiagramView      *self);
const char          *hep_diagram_view_get_text_alternative (HepDiagramView  *self);
/* Whether what is drawn is the current diagram ("ready"); FALSE before the
 * first render arrives and while a new one renders. */
gboolean             hep_diagram_view_get_ready        (HepDiagramView      *self);
/* The tooltip text for a point in widget coordinates, or NULL. */
char                *hep_diagram_view_describe_at      (HepDiagramView      *self,
                                                        double               x,
                                                        double               y);

/* Writes the current diagram to @path (.svg, .png or .pdf) at @width ×
 * @height (≤ 0: the default size) in @theme. */
gboolean             hep_diagram_view_export           (HepDiagramView      *self,
                                                        const char          *path,
                                                        int                  width,
                                                        int                  height,
                                                        HepDiagramTheme      theme,
                                                        GError             **error);

G_END_DECLS
