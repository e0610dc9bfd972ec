/* hep-svg-text.h: the text of a generated diagram, drawn with PangoCairo
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * librsvg 2.54 turns every glyph of an SVG <text> into a path, measures
 * the path's extents and fills it: four fifths of a diagram's render. Drawn
 * with pango_cairo_show_layout() the same text comes from cairo's glyph
 * cache, ten times cheaper. So a diagram is rasterized in two layers: its
 * shapes by librsvg, from the SVG without its <text> elements, and its
 * text runs, read here from the same SVG, by Pango with the fonts, sizes,
 * anchors, colours and transforms the SVG gives them.
 *
 * Only what the diagram generator writes is read: <text> elements with
 * x, y, font-family, font-size, font-weight, text-anchor, fill (#RRGGBB)
 * and transform (translate, scale, rotate, matrix), inside <svg> and <g>
 * elements that may set the same. Anything else that could change how
 * text looks (a <tspan>, a style, opacity, a stroke, a clip…) or hide a
 * text element from hep_svg_text_get_shapes() (a comment, CDATA) makes
 * hep_svg_text_parse() fail, and the caller draws the whole SVG with
 * librsvg instead: slower, never wrong.
 */

#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

typedef struct _HepSvgText HepSvgText;

/* The text runs of @svg, or NULL and @error if it has text this file does
 * not draw the way librsvg would. */
HepSvgText *hep_svg_text_parse     (const char  *svg,
                                    GError     **error);
void        hep_svg_text_free      (HepSvgText  *self);

/* The size the SVG gives itself (its viewBox is 0 0 @width @height). */
void        hep_svg_text_get_size   (HepSvgText  *self,
                                     double      *width,
                                     double      *height);
/* The SVG without its <text> elements, for librsvg. */
const char *hep_svg_text_get_shapes (HepSvgText  *self);

/* How many runs (one a <text> element). */
guint       hep_svg_text_get_count (HepSvgText  *self);
/* The text of run @index, whitespace handled as SVG 1.1 does. */
const char *hep_svg_text_get_text  (HepSvgText  *self,
                                    guint        index);

/* Draws every run on @cr, whose user space is the SVG's viewBox. */
void        hep_svg_text_draw      (HepSvgText  *self,
                                    cairo_t     *cr);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HepSvgText, hep_svg_text_free)

G_END_DECLS
