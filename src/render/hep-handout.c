/* hep-handout.c: handouts and slides of cases as PDF
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The document is laid out twice: once into a PDF stream that goes nowhere,
 * without the diagrams, to count the pages ("Page 3 of 12"), then for real.
 * Both passes run the same layout code, so they break pages alike.
 */

#include "config.h"

#include "hep-handout.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "hep-core.h"
#include "hep-diagram-render.h"

#define FONT_FAMILY "Cantarell, DejaVu Sans, sans-serif"
#define PT_PER_MM (72.0 / 25.4)

/* Slides: 16:9, 13.33 × 7.5 inches. */
#define SLIDE_W 960.0
#define SLIDE_H 540.0
#define SLIDE_TEXT_MAX 22.0
#define SLIDE_TEXT_MIN 12.0

typedef struct {
  const HepHandoutOptions *options;
  cairo_t   *cr;
  gboolean   draw_diagrams;   /* FALSE in the counting pass */
  double     page_w, page_h;
  double     margin;
  double     left, right;     /* the body's edges */
  double     top, bottom;
  double     y;
  guint      page;            /* the current page, from 1 */
  guint      n_pages;         /* from the counting pass; 0 in it */
  char      *running;         /* the header of the current case */
  gboolean   page_open;
  /* where pages go: NULL, one PDF surface whose pages follow one another
   * (doc->cr is on it); else each page is recorded on its own surface */
  GPtrArray *recordings;      /* cairo_surface_t, one a page */
} Doc;

gboolean
hep_handout_kind_from_string (const char     *text,
                              HepHandoutKind *kind)
{
  if (g_strcmp0 (text, "questions") == 0)
    *kind = HEP_HANDOUT_QUESTIONS;
  else if (g_strcmp0 (text, "answers") == 0)
    *kind = HEP_HANDOUT_ANSWERS;
  else if (g_strcmp0 (text, "slides") == 0)
    *kind = HEP_HANDOUT_SLIDES;
  else
    return FALSE;
  return TRUE;
}

const char *
hep_handout_kind_to_string (HepHandoutKind kind)
{
  switch (kind)
    {
    case HEP_HANDOUT_QUESTIONS:
      return "questions";
    case HEP_HANDOUT_ANSWERS:
      return "answers";
    case HEP_HANDOUT_SLIDES:
    default:
      return "slides";
    }
}

gboolean
hep_paper_from_string (const char *text,
                       HepPaper   *paper)
{
  if (g_strcmp0 (text, "a4") == 0)
    *paper = HEP_PAPER_A4;
  else if (g_strcmp0 (text, "letter") == 0)
    *paper = HEP_PAPER_LETTER;
  else
    return FALSE;
  return TRUE;
}

/* ---- text ---------------------------------------------------------------- */

static PangoLayout *
make_layout (Doc        *doc,
             const char *markup,
             double      size,
             gboolean    bold,
             double      width)
{
  PangoLayout *layout = pango_cairo_create_layout (doc->cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (FONT_FAMILY);

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  /* words, and inside a word too long for the line (a URL) */
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_markup (layout, markup, -1);
  return layout;
}

static void
set_grey (cairo_t *cr,
          double   level)
{
  cairo_set_source_rgb (cr, level, level, level);
}

/* One line of small text at (x, baseline y); right-aligned when @right. */
static void
small_line (Doc        *doc,
            const char *text,
            double      x,
            double      y,
            double      width,
            gboolean    right,
            gboolean    bold)
{
  g_autofree char *markup = g_markup_escape_text (text, -1);
  g_autoptr(PangoLayout) layout = make_layout (doc, markup, 8.5, bold, width);
  PangoRectangle logical;

  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_alignment (layout, right ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
  pango_layout_get_extents (layout, NULL, &logical);
  set_grey (doc->cr, 0.3);
  cairo_move_to (doc->cr, x, y - pango_layout_get_baseline (layout) / (double) PANGO_SCALE);
  pango_cairo_show_layout (doc->cr, layout);
}

static void
begin_page (Doc *doc)
{
  g_autofree char *number = NULL;
  double w = doc->page_w - 2 * doc->margin;
  double foot = doc->page_h - doc->margin * 0.6;

  if (doc->recordings != NULL)
    {
      cairo_rectangle_t extents = { 0, 0, doc->page_w, doc->page_h };
      cairo_surface_t *page = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, &extents);

      g_ptr_array_add (doc->recordings, page);
      g_clear_pointer (&doc->cr, cairo_destroy);
      doc->cr = cairo_create (page);
    }
  doc->page++;
  doc->page_open = TRUE;
  doc->y = doc->top;
  if (doc->n_pages > 0)
    number = g_strdup_printf (_("Page %u of %u"), doc->page, doc->n_pages);
  else
    number = g_strdup_printf (_("Page %u of %u"), doc->page, 999u);
  /* header: the document, the case; footer: the note, the page */
  small_line (doc, doc->options->title ? doc->options->title : "Hepatica", doc->margin,
              doc->margin * 0.6 + 6, w * 0.5, FALSE, TRUE);
  if (doc->running != NULL)
    small_line (doc, doc->running, doc->margin + w * 0.5, doc->margin * 0.6 + 6, w * 0.5, TRUE, FALSE);
  small_line (doc, _("For education only, not for patient care."), doc->margin, foot, w * 0.7, FALSE, TRUE);
  small_line (doc, number, doc->margin + w * 0.7, foot, w * 0.3, TRUE, FALSE);
  cairo_set_line_width (doc->cr, 0.5);
  set_grey (doc->cr, 0.75);
  cairo_move_to (doc->cr, doc->margin, doc->margin * 0.6 + 10);
  cairo_line_to (doc->cr, doc->page_w - doc->margin, doc->margin * 0.6 + 10);
  cairo_move_to (doc->cr, doc->margin, foot - 12);
  cairo_line_to (doc->cr, doc->page_w - doc->margin, foot - 12);
  cairo_stroke (doc->cr);
}

static void
end_page (Doc *doc)
{
  if (!doc->page_open)
    return;
  if (doc->recordings == NULL)
    cairo_show_page (doc->cr);
  doc->page_open = FALSE;
}

static void
new_page (Doc *doc)
{
  end_page (doc);
  begin_page (doc);
}

/* Draws @layout's lines from doc->y down at @x, going on to a new page
 * where a line would cross the bottom. */
static void
flow_layout (Doc         *doc,
             PangoLayout *layout,
             double       x)
{
  g_autoptr(PangoLayoutIter) iter = pango_layout_get_iter (layout);

  do
    {
      PangoLayoutLine *line = pango_layout_iter_get_line_readonly (iter);
      int y0, y1, baseline;
      double height;

      pango_layout_iter_get_line_yrange (iter, &y0, &y1);
      baseline = pango_layout_iter_get_baseline (iter);
      height = (y1 - y0) / (double) PANGO_SCALE;
      if (doc->y + height > doc->bottom && doc->y > doc->top)
        new_page (doc);
      set_grey (doc->cr, 0.08);
      cairo_move_to (doc->cr, x, doc->y + (baseline - y0) / (double) PANGO_SCALE);
      pango_cairo_show_layout_line (doc->cr, line);
      doc->y += height;
    }
  while (pango_layout_iter_next_line (iter));
}

static void
paragraph (Doc        *doc,
           const char *markup,
           double      size,
           gboolean    bold,
           double      indent,
           double      space_after)
{
  g_autoptr(PangoLayout) layout = make_layout (doc, markup, size, bold, doc->right - doc->left - indent);

  flow_layout (doc, layout, doc->left + indent);
  doc->y += space_after;
}

/* "<b>Label:</b> text", escaped. */
static char *
item_markup (const HepRevealItem *item)
{
  g_autofree char *text = g_markup_escape_text (item->text, -1);
  g_autofree char *label = NULL;

  if (item->label == NULL)
    return g_steal_pointer (&text);
  label = g_markup_escape_text (item->label, -1);
  return g_strdup_printf ("<b>%s:</b> %s", label, text);
}

/* ---- diagrams ------------------------------------------------------------ */

static char *
case_diagram_svg (HepCase        *c,
                  HepDiagramKind  kind,
                  int             last_phase,
                  gboolean        large)
{
  HepCurveSet set;
  HepDiagramOptions options;

  hep_curve_set_synthesize (&set, hep_case_get_features (c));
  hep_diagram_options_init (&options, kind);
  if (last_phase < HEP_CURVE_PHASE_HBP)
    hep_diagram_options_set_last_phase (&options, (HepCurvePhase) last_phase);
  if (large)
    {
      options.large_text = TRUE;
      options.width = 1280;
      options.height = kind == HEP_DIAGRAM_KIND_CURVE ? 720 : 500;
    }
  return hep_diagram_to_svg (&set, &options, NULL);
}

/* Draws @svg into the box at (@x, @y), at most @max_w × @max_h, keeping its
 * proportions; returns the height used. */
static double
place_svg (Doc         *doc,
           const char  *svg,
           double       x,
           double       y,
           double       max_w,
           double       max_h,
           GError     **error)
{
  RsvgHandle *handle;
  double w, h, scale;

  handle = hep_diagram_render_parse (svg, error);
  if (handle == NULL)
    return -1;
  if (!hep_diagram_render_get_size (handle, &w, &h) || w <= 0 || h <= 0)
    {
      g_clear_object (&handle);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "a diagram has no size");
      return -1;
    }
  scale = MIN (max_w / w, max_h / h);
  if (doc->draw_diagrams)
    {
      gboolean ok;

      cairo_save (doc->cr);
      cairo_translate (doc->cr, x + (max_w - w * scale) / 2, y);
      ok = hep_diagram_render_to_cairo (handle, doc->cr, w * scale, h * scale, error);
      cairo_restore (doc->cr);
      if (!ok)
        {
          g_clear_object (&handle);
          return -1;
        }
    }
  g_clear_object (&handle);
  return h * scale;
}

/* A diagram across the body at @width_fraction of it, on a new page when it
 * does not fit below. */
static gboolean
flow_diagram (Doc             *doc,
              HepCase         *c,
              HepDiagramKind   kind,
              int              last_phase,
              double           width_fraction,
              GError         **error)
{
  /* the default sizes' proportions: phases 900 × 270, curve 800 × 500 */
  double aspect = kind == HEP_DIAGRAM_KIND_PHASES ? 270.0 / 900.0 : 500.0 / 800.0;
  double body_w = doc->right - doc->left;
  double w = body_w * width_fraction;
  double h = MIN (w * aspect, doc->bottom - doc->top);
  g_autofree char *svg = NULL;
  double used;

  if (doc->y + h > doc->bottom)
    new_page (doc);
  svg = case_diagram_svg (c, kind, last_phase, FALSE);
  used = place_svg (doc, svg, doc->left + (body_w - w) / 2, doc->y, w, h, error);
  if (used < 0)
    return FALSE;
  doc->y += used + 8;
  return TRUE;
}

/* ---- questions and answers ---------------------------------------------- */

static gboolean
write_case_pages (Doc      *doc,
                  HepCase  *c,
                  guint     number,
                  GError  **error)
{
  g_autoptr(GPtrArray) steps = hep_reveal_sequence_new (c);
  gboolean answers = doc->options->kind == HEP_HANDOUT_ANSWERS;
  const HepRevealStep *commit = steps->pdata[steps->len - 2];
  const HepRevealStep *reveal = steps->pdata[steps->len - 1];
  g_autofree char *public_title = hep_reveal_dup_public_title (c, number);
  g_autofree char *heading = NULL;
  g_autofree char *heading_markup = NULL;
  int last_phase = answers ? reveal->diagram_phase : commit->diagram_phase;

  /* the heading never names a hidden title in the questions */
  if (answers)
    heading = g_strdup_printf (_("Case %u: %s"), number, hep_case_get_title (c));
  else if (hep_case_hides (c, HEP_CASE_SPOILER_TITLE))
    heading = g_strdup (public_title);
  else
    heading = g_strdup_printf (_("Case %u: %s"), number, public_title);
  g_free (doc->running);
  doc->running = g_strdup (heading);
  new_page (doc);

  heading_markup = g_markup_escape_text (heading, -1);
  paragraph (doc, heading_markup, 16, TRUE, 0, 8);

  for (guint i = 0; i + 2 < steps->len; i++)
    {
      const HepRevealStep *step = steps->pdata[i];

      for (guint k = 0; k < step->items->len; k++)
        {
          const HepRevealItem *item = step->items->pdata[k];
          g_autofree char *markup = NULL;

          /* the title is the heading already */
          if (step->kind == HEP_REVEAL_STEP_HISTORY && item->label == NULL)
            continue;
          if (step->kind == HEP_REVEAL_STEP_PHASE)
            {
              HepRevealItem phase_item = { step->heading, item->text };

              markup = item_markup (&phase_item);
            }
          else
            markup = item_markup (item);
          paragraph (doc, markup, 10, FALSE, 0, 4);
        }
      if (step->kind == HEP_REVEAL_STEP_HISTORY)
        doc->y += 4;
    }
  doc->y += 6;

  if (last_phase >= 0)
    {
      if (!flow_diagram (doc, c, HEP_DIAGRAM_KIND_PHASES, last_phase, 1.0, error) ||
          !flow_diagram (doc, c, HEP_DIAGRAM_KIND_CURVE, last_phase, 0.78, error))
        return FALSE;
    }

  if (!answers)
    {
      g_autofree char *title = g_markup_escape_text (commit->heading, -1);

      doc->y += 4;
      paragraph (doc, title, 12, TRUE, 0, 4);
      for (guint k = 0; k < commit->items->len; k++)
        {
          g_autofree char *markup = item_markup (commit->items->pdata[k]);

          paragraph (doc, markup, 10, FALSE, 0, 16);
        }
      return TRUE;
    }

  {
    g_autofree char *title = g_markup_escape_text (reveal->heading, -1);

    doc->y += 4;
    paragraph (doc, title, 12, TRUE, 0, 4);
  }
  for (guint k = 0; k < reveal->items->len; k++)
    {
      const HepRevealItem *item = reveal->items->pdata[k];
      g_autofree char *markup = NULL;

      /* the title is the heading already */
      if (item->label == NULL)
        continue;
      markup = item_markup (item);
      paragraph (doc, markup, 10, FALSE, 0, 4);
    }
  return TRUE;
}

/* ---- slides -------------------------------------------------------------- */

/* The height of @step's items at @size in @width. */
static double
items_height (Doc                 *doc,
              const HepRevealStep *step,
              double               size,
              double               width)
{
  double h = 0;

  for (guint k = 0; k < step->items->len; k++)
    {
      g_autofree char *markup = item_markup (step->items->pdata[k]);
      g_autoptr(PangoLayout) layout = make_layout (doc, markup, size, FALSE, width);
      int lh;

      pango_layout_get_size (layout, NULL, &lh);
      h += lh / (double) PANGO_SCALE + size * 0.5;
    }
  return h;
}

static gboolean
write_slide (Doc                 *doc,
             HepCase             *c,
             guint                number,
             guint                n_cases,
             const HepRevealStep *step,
             guint                index,
             guint                n_steps,
             GError             **error)
{
  gboolean reveal = step->kind == HEP_REVEAL_STEP_REVEAL;
  gboolean diagram = step->diagram_phase >= 0;
  g_autofree char *public_title = hep_reveal_dup_public_title (c, number);
  g_autofree char *heading = NULL;
  double text_w, size;
  gboolean below;

  g_free (doc->running);
  doc->running = g_strdup_printf (_("Case %u of %u, step %u of %u"), number, n_cases, index + 1, n_steps);
  new_page (doc);

  /* the case's name as the rule allows until the reveal */
  {
    g_autofree char *name = g_markup_escape_text (reveal ? hep_case_get_title (c) : public_title, -1);

    heading = g_markup_escape_text (step->heading, -1);
    paragraph (doc, name, 14, FALSE, 0, 2);
    paragraph (doc, heading, 26, TRUE, 0, 10);
  }

  /* A short text goes above the diagram, across the slide; a long one
   * (the reveal) beside it, at the largest size that fits. */
  text_w = doc->right - doc->left;
  below = diagram && items_height (doc, step, SLIDE_TEXT_MAX, text_w) < (doc->bottom - doc->y) * 0.34;
  if (diagram && !below)
    {
      text_w *= 0.44;
      /* a text that does not fit beside the diagram even small takes the
       * whole slide: the words are the answer, the curve is on the slides
       * before */
      if (doc->y + items_height (doc, step, SLIDE_TEXT_MIN, text_w) > doc->bottom)
        {
          diagram = FALSE;
          text_w = doc->right - doc->left;
        }
    }
  for (size = SLIDE_TEXT_MAX; size > SLIDE_TEXT_MIN; size -= 1)
    if (below || doc->y + items_height (doc, step, size, text_w) <= doc->bottom)
      break;

  if (diagram)
    {
      HepDiagramKind kind = reveal ? HEP_DIAGRAM_KIND_CURVE : HEP_DIAGRAM_KIND_PHASES;
      g_autofree char *svg = case_diagram_svg (c, kind, step->diagram_phase, TRUE);
      double x = below ? doc->left : doc->left + text_w + 16;
      double y = below ? doc->y + items_height (doc, step, size, text_w) + 6 : doc->y;

      if (place_svg (doc, svg, x, y, doc->right - x, doc->bottom - y, error) < 0)
        return FALSE;
    }

  {
    double right = doc->right;

    /* the text's column; a continuation page (text longer than the slide
     * even at the smallest size) keeps it */
    doc->right = doc->left + text_w;
    for (guint k = 0; k < step->items->len; k++)
      {
        const HepRevealItem *item = step->items->pdata[k];
        g_autofree char *markup = NULL;

        /* the reveal's title is above already; a phase's findings need
         * no label under the phase */
        if (reveal && item->label == NULL)
          continue;
        if (step->kind == HEP_REVEAL_STEP_PHASE)
          markup = g_markup_escape_text (item->text, -1);
        else
          markup = item_markup (item);
        paragraph (doc, markup, size, FALSE, 0, size * 0.5);
      }
    doc->right = right;
  }
  return TRUE;
}

/* ---- the document -------------------------------------------------------- */

static cairo_status_t
write_nowhere (void                *closure,
               const unsigned char *data,
               unsigned int         length)
{
  return CAIRO_STATUS_SUCCESS;
}

static gboolean
write_document (Doc        *doc,
                GPtrArray  *cases,
                GError    **error)
{
  for (guint i = 0; i < cases->len; i++)
    {
      HepCase *c = cases->pdata[i];

      if (doc->options->kind == HEP_HANDOUT_SLIDES)
        {
          g_autoptr(GPtrArray) steps = hep_reveal_sequence_new (c);

          for (guint k = 0; k < steps->len; k++)
            if (!write_slide (doc, c, i + 1, cases->len, steps->pdata[k], k, steps->len, error))
              return FALSE;
        }
      else if (!write_case_pages (doc, c, i + 1, error))
        return FALSE;
    }
  end_page (doc);
  return TRUE;
}

static void
page_size (const HepHandoutOptions *options,
           double                  *width,
           double                  *height,
           double                  *margin)
{
  if (options->kind == HEP_HANDOUT_SLIDES)
    {
      *width = SLIDE_W;
      *height = SLIDE_H;
      *margin = 36;
    }
  else if (options->paper == HEP_PAPER_LETTER)
    {
      *width = 8.5 * 72;
      *height = 11 * 72;
      *margin = 18 * PT_PER_MM;
    }
  else
    {
      *width = 210 * PT_PER_MM;
      *height = 297 * PT_PER_MM;
      *margin = 18 * PT_PER_MM;
    }
}

/* @surface: the PDF the pages go to, one after another; NULL: each page
 * recorded on a surface of its own (doc->recordings) */
static void
doc_init (Doc                     *doc,
          const HepHandoutOptions *options,
          cairo_surface_t         *surface,
          gboolean                 draw_diagrams,
          guint                    n_pages)
{
  memset (doc, 0, sizeof *doc);
  doc->options = options;
  doc->draw_diagrams = draw_diagrams;
  doc->n_pages = n_pages;
  page_size (options, &doc->page_w, &doc->page_h, &doc->margin);
  doc->left = doc->margin;
  doc->right = doc->page_w - doc->margin;
  doc->top = doc->margin + 14;
  doc->bottom = doc->page_h - doc->margin - 6;
  if (surface != NULL)
    doc->cr = cairo_create (surface);
  else
    doc->recordings = g_ptr_array_new_with_free_func ((GDestroyNotify) cairo_surface_destroy);
}

static void
doc_clear (Doc *doc)
{
  g_clear_pointer (&doc->cr, cairo_destroy);
  g_clear_pointer (&doc->running, g_free);
  g_clear_pointer (&doc->recordings, g_ptr_array_unref);
}

static gboolean
check_surface (cairo_surface_t  *surface,
               const char       *path,
               GError          **error)
{
  cairo_status_t status = cairo_surface_status (surface);

  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Cannot write “%s”: %s"),
               path ? path : "", cairo_status_to_string (status));
  return FALSE;
}

/* Pass 1: the number of pages, laid out without the diagrams into a PDF
 * stream that goes nowhere. */
static gboolean
count_pages (GPtrArray                *cases,
             const HepHandoutOptions  *options,
             guint                    *n_pages,
             GError                  **error)
{
  cairo_surface_t *surface;
  Doc doc;
  gboolean ok;
  double width, height, margin;

  if (cases->len == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, _("No cases to write"));
      return FALSE;
    }
  page_size (options, &width, &height, &margin);
  surface = cairo_pdf_surface_create_for_stream (write_nowhere, NULL, width, height);
  doc_init (&doc, options, surface, FALSE, 0);
  ok = write_document (&doc, cases, error);
  *n_pages = doc.page;
  doc_clear (&doc);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);
  return ok;
}

gboolean
hep_handout_write_pdf (GPtrArray                *cases,
                       const HepHandoutOptions  *options,
                       const char               *path,
                       guint                    *n_pages,
                       GError                  **error)
{
  cairo_surface_t *surface;
  Doc doc;
  guint counted;
  gboolean ok;
  double width, height, margin;

  g_return_val_if_fail (cases != NULL && options != NULL && path != NULL, FALSE);

  if (!count_pages (cases, options, &counted, error))
    return FALSE;
  page_size (options, &width, &height, &margin);

  /* pass 2: the file */
  surface = cairo_pdf_surface_create (path, width, height);
  if (!check_surface (surface, path, error))
    {
      cairo_surface_destroy (surface);
      return FALSE;
    }
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE,
                                  options->title ? options->title : "Hepatica");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Hepatica");
  doc_init (&doc, options, surface, TRUE, counted);
  ok = write_document (&doc, cases, error);
  if (ok && doc.page != counted)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "the page count changed between passes (%u, %u)",
                   counted, doc.page);
      ok = FALSE;
    }
  doc_clear (&doc);
  cairo_surface_finish (surface);
  ok = ok && check_surface (surface, path, error);
  cairo_surface_destroy (surface);
  if (ok && n_pages != NULL)
    *n_pages = counted;
  return ok;
}

/* ---- pages for a print operation ---------------------------------------- */

struct _HepHandout
{
  HepHandoutOptions  options;
  char              *title;
  double             page_w, page_h;
  GPtrArray         *pages;     /* cairo recording surfaces, one a page */
};

HepHandout *
hep_handout_new (GPtrArray                *cases,
                 const HepHandoutOptions  *options,
                 GError                  **error)
{
  g_autoptr(HepHandout) self = NULL;
  Doc doc;
  guint counted;
  gboolean ok;
  double margin;

  g_return_val_if_fail (cases != NULL && options != NULL, NULL);

  self = g_new0 (HepHandout, 1);
  self->options = *options;
  self->title = g_strdup (options->title);
  self->options.title = self->title;
  if (!count_pages (cases, &self->options, &counted, error))
    return NULL;
  page_size (&self->options, &self->page_w, &self->page_h, &margin);
  doc_init (&doc, &self->options, NULL, TRUE, counted);
  ok = write_document (&doc, cases, error);
  if (ok && doc.page != counted)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "the page count changed between passes (%u, %u)",
                   counted, doc.page);
      ok = FALSE;
    }
  /* the last page's context ends its recording */
  g_clear_pointer (&doc.cr, cairo_destroy);
  if (ok)
    self->pages = g_steal_pointer (&doc.recordings);
  doc_clear (&doc);
  if (!ok)
    return NULL;
  for (guint i = 0; i < self->pages->len; i++)
    if (cairo_surface_status (self->pages->pdata[i]) != CAIRO_STATUS_SUCCESS)
      {
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "page %u: %s", i + 1,
                     cairo_status_to_string (cairo_surface_status (self->pages->pdata[i])));
        return NULL;
      }
  return g_steal_pointer (&self);
}

void
hep_handout_free (HepHandout *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_free (self->title);
  g_free (self);
}

guint
hep_handout_get_n_pages (HepHandout *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->pages->len;
}

void
hep_handout_get_page_size (HepHandout *self,
                           double     *width,
                           double     *height)
{
  g_return_if_fail (self != NULL);
  if (width != NULL)
    *width = self->page_w;
  if (height != NULL)
    *height = self->page_h;
}

void
hep_handout_draw_page (HepHandout *self,
                       guint       page,
                       cairo_t    *cr,
                       double      width,
                       double      height)
{
  double scale;

  g_return_if_fail (self != NULL && cr != NULL);
  g_return_if_fail (page < self->pages->len);

  scale = MIN (width / self->page_w, height / self->page_h);
  cairo_save (cr);
  /* centred on the paper, at the largest size that fits */
  cairo_translate (cr, (width - self->page_w * scale) / 2, (height - self->page_h * scale) / 2);
  cairo_scale (cr, scale, scale);
  cairo_rectangle (cr, 0, 0, self->page_w, self->page_h);
  cairo_clip (cr);
  cairo_set_source_surface (cr, self->pages->pdata[page], 0, 0);
  cairo_paint (cr);
  cairo_restore (cr);
}
