/* hep-diagram-render.h: render diagram SVG text with librsvg
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * No GTK: used by hepatica-cli, the app and the benchmarks.
 */

#pragma once

#include <cairo.h>
#include <librsvg/rsvg.h>

G_BEGIN_DECLS

typedef enum {
  HEP_EXPORT_FORMAT_SVG,
  HEP_EXPORT_FORMAT_PNG,
  HEP_EXPORT_FORMAT_PDF,
} HepExportFormat;

/* From the file name's extension (.svg, .png, .pdf, any case). */
gboolean         hep_export_format_from_path    (const char       *path,
                                                 HepExportFormat  *format);

/* Parses @svg; the result is a new reference. */
RsvgHandle      *hep_diagram_render_parse       (const char       *svg,
                                                 GError          **error);
/* The document's size in pixels (from its width/height). */
gboolean         hep_diagram_render_get_size    (RsvgHandle       *handle,
                                                 double           *width,
                                                 double           *height);
/* Draws @handle scaled to fill @width × @height on @cr. */
gboolean         hep_diagram_render_to_cairo    (RsvgHandle       *handle,
                                                 cairo_t          *cr,
                                                 double            width,
                                                 double            height,
                                                 GError          **error);
/* @svg drawn on a new ARGB32 image surface of @width × @height device
 * pixels: its shapes by librsvg, its text by Pango where hep-svg-text.h
 * can (the same look, a fifth of the time), else by librsvg too. */
cairo_surface_t *hep_diagram_render_svg         (const char       *svg,
                                                 int               width,
                                                 int               height,
                                                 GError          **error);
/* Writes @svg to @path as SVG (the text itself), PNG (@width × @height
 * pixels) or PDF (@width × @height points), by the path's extension. */
gboolean         hep_diagram_render_export      (const char       *svg,
                                                 const char       *path,
                                                 int               width,
                                                 int               height,
                                                 GError          **error);

G_END_DECLS
