/* hep-svg-writer.h: a tiny deterministic SVG builder
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Output depends on the input only: numbers are written with
 * g_ascii_formatd() at a fixed precision (never the C locale's decimal
 * separator), attribute values and text are escaped with
 * g_markup_escape_text(), elements are indented two spaces per level.
 *
 *   HepSvgWriter *w = hep_svg_writer_new (800, 500);
 *   hep_svg_writer_begin (w, "g", "class", "series", NULL);
 *   hep_svg_writer_element (w, "rect", "x", "0", "y", "0", NULL);
 *   hep_svg_writer_end (w);
 *   char *svg = hep_svg_writer_free_to_string (w);
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Room for one number written by hep_svg_format_number(). */
#define HEP_SVG_NUMBER_BUF_SIZE 32

typedef struct _HepSvgWriter HepSvgWriter;

/* Writes @value with two decimals, trailing zeros dropped ("12.5", "3",
 * "-0.25"; never "-0"), into @buf and returns @buf. */
char         *hep_svg_format_number       (char         *buf,
                                           double        value);

HepSvgWriter *hep_svg_writer_new          (double        width,
                                           double        height);
void          hep_svg_writer_free         (HepSvgWriter *self);
/* Closes every open element and returns the document. */
char         *hep_svg_writer_free_to_string (HepSvgWriter *self);

/* Opens @element with attributes given as NULL-terminated name, value pairs
 * (values escaped). */
void          hep_svg_writer_begin        (HepSvgWriter *self,
                                           const char   *element,
                                           ...) G_GNUC_NULL_TERMINATED;
void          hep_svg_writer_end          (HepSvgWriter *self);
/* A self-closing element. */
void          hep_svg_writer_element      (HepSvgWriter *self,
                                           const char   *element,
                                           ...) G_GNUC_NULL_TERMINATED;
/* <element attrs…>escaped text</element> on one line. */
void          hep_svg_writer_text_element (HepSvgWriter *self,
                                           const char   *element,
                                           const char   *text,
                                           ...) G_GNUC_NULL_TERMINATED;

/* Path data: "M x y L x y … Z" with formatted numbers. */
typedef struct _HepSvgPath HepSvgPath;

HepSvgPath   *hep_svg_path_new            (void);
void          hep_svg_path_move_to        (HepSvgPath   *self,
                                           double        x,
                                           double        y);
void          hep_svg_path_line_to        (HepSvgPath   *self,
                                           double        x,
                                           double        y);
void          hep_svg_path_curve_to       (HepSvgPath   *self,
                                           double        x1,
                                           double        y1,
                                           double        x2,
                                           double        y2,
                                           double        x,
                                           double        y);
void          hep_svg_path_close          (HepSvgPath   *self);
const char   *hep_svg_path_get_data       (HepSvgPath   *self);
void          hep_svg_path_free           (HepSvgPath   *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HepSvgWriter, hep_svg_writer_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HepSvgPath, hep_svg_path_free)

G_END_DECLS
