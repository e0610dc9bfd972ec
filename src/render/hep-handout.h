/* hep-handout.h: handouts and slides of cases as PDF
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Three documents from the reveal sequence of each case (hep-reveal.h):
 *
 *  - questions: one case a page (more when its text needs it), the history
 *    and the findings shown before the reveal, the phase strip and the curve
 *    up to the last phase the sequence shows before the reveal, and the
 *    questions to answer; nothing the reveal holds;
 *  - answers: the same with the reveal (diagnosis and proof, LI-RADS
 *    category and path, the differential, withheld findings, teaching points
 *    and pitfalls) and the diagrams of every phase: an answer key;
 *  - slides: one 16:9 page a reveal step, its diagram drawn up to the step's
 *    phase in large text, for rooms where the app cannot run.
 *
 * Text is laid out with Pango and wraps at the margins; a paragraph that
 * does not fit goes on to the next page line by line, and a slide's text
 * shrinks to fit before it does. Diagrams stay vectors. Every page carries
 * its number and the education note.
 */

#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  HEP_HANDOUT_QUESTIONS,
  HEP_HANDOUT_ANSWERS,
  HEP_HANDOUT_SLIDES,
} HepHandoutKind;

typedef enum {
  HEP_PAPER_A4,
  HEP_PAPER_LETTER,
} HepPaper;

typedef struct {
  HepHandoutKind  kind;
  HepPaper        paper;   /* questions and answers; slides are 16:9 */
  const char     *title;   /* the deck's name, or NULL */
} HepHandoutOptions;

gboolean    hep_handout_kind_from_string (const char               *text,
                                          HepHandoutKind           *kind);
const char *hep_handout_kind_to_string   (HepHandoutKind            kind);
gboolean    hep_paper_from_string        (const char               *text,
                                          HepPaper                 *paper);

/* Writes the document of @cases (HepCase, in order) to the PDF file @path;
 * @n_pages (optional) receives its number of pages. */
gboolean    hep_handout_write_pdf        (GPtrArray                *cases,
                                          const HepHandoutOptions  *options,
                                          const char               *path,
                                          guint                    *n_pages,
                                          GError                  **error);

/* The same document, laid out once, page by page, for whoever draws pages
 * one at a time onto a context of its own (a GtkPrintOperation): each page
 * is recorded as vectors and drawn again, on any paper, by
 * hep_handout_draw_page(). */
typedef struct _HepHandout HepHandout;

HepHandout *hep_handout_new              (GPtrArray                *cases,
                                          const HepHandoutOptions  *options,
                                          GError                  **error);
void        hep_handout_free             (HepHandout               *self);
guint       hep_handout_get_n_pages      (HepHandout               *self);
/* The page size the document was laid out for, in points (A4, Letter or
 * 16:9 slides). */
void        hep_handout_get_page_size    (HepHandout               *self,
                                          double                   *width,
                                          double                   *height);
/* Draws page @page (from 0) onto @cr, whose user space is a page of
 * @width × @height points: scaled to fit and centred. */
void        hep_handout_draw_page        (HepHandout               *self,
                                          guint                     page,
                                          cairo_t                  *cr,
                                          double                    width,
                                          double                    height);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HepHandout, hep_handout_free)

G_END_DECLS
