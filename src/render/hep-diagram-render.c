/* hep-diagram-render.c: render diagram SVG text with librsvg (and Pango)
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "hep-diagram-render.h"
#include "hep-svg-text.h"

gboolean
hep_export_format_from_path (const char      *path,
                             HepExportFormat *format)
{
  g_autofree char *lower = NULL;

  if (path == NULL)
    return FALSE;
  lower = g_ascii_strdown (path, -1);
  if (g_str_has_suffix (lower, ".svg"))
    *format = HEP_EXPORT_FORMAT_SVG;
  else if (g_str_has_suffix (lower, ".png"))
    *format = HEP_EXPORT_FORMAT_PNG;
  else if (g_str_has_suffix (lower, ".pdf"))
    *format = HEP_EXPORT_FORMAT_PDF;
  else
    return FALSE;
  return TRUE;
}

RsvgHandle *
hep_diagram_render_parse (const char  *svg,
                          GError     **error)
{
  g_return_val_if_fail (svg != NULL, NULL);
  return rsvg_handle_new_from_data ((const guint8 *) svg, strlen (svg), error);
}

gboolean
hep_diagram_render_get_size (RsvgHandle *handle,
                             double     *width,
                             double     *height)
{
  g_return_val_if_fail (RSVG_IS_HANDLE (handle), FALSE);
  return rsvg_handle_get_intrinsic_size_in_pixels (handle, width, height);
}

gboolean
hep_diagram_render_to_cairo (RsvgHandle  *handle,
                             cairo_t     *cr,
                             double       width,
                             double       height,
                             GError     **error)
{
  RsvgRectangle viewport = { 0, 0, width, height };

  g_return_val_if_fail (RSVG_IS_HANDLE (handle), FALSE);
  return rsvg_handle_render_document (handle, cr, &viewport, error);
}

cairo_surface_t *
hep_diagram_render_svg (const char  *svg,
                        int          width,
                        int          height,
                        GError     **error)
{
  g_autoptr(GError) why = NULL;
  g_autoptr(HepSvgText) text = NULL;
  RsvgHandle *handle;
  cairo_surface_t *surface;
  cairo_t *cr;
  gboolean ok;

  g_return_val_if_fail (svg != NULL, NULL);
  g_return_val_if_fail (width > 0 && height > 0, NULL);

  text = hep_svg_text_parse (svg, &why);
  if (text == NULL)
    g_debug ("%s", why->message);
  handle = hep_diagram_render_parse (text != NULL ? hep_svg_text_get_shapes (text) : svg, error);
  if (handle == NULL)
    return NULL;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (surface);
  ok = hep_diagram_render_to_cairo (handle, cr, width, height, error);
  if (ok && text != NULL)
    {
      /* where librsvg put the viewBox: scaled to fit, centred */
      double w, h, scale;

      hep_svg_text_get_size (text, &w, &h);
      scale = MIN (width / w, height / h);

      cairo_translate (cr, (width - w * scale) / 2, (height - h * scale) / 2);
      cairo_scale (cr, scale, scale);
      hep_svg_text_draw (text, cr);
    }
  cairo_destroy (cr);
  g_object_unref (handle);
  if (!ok)
    {
      cairo_surface_destroy (surface);
      return NULL;
    }
  cairo_surface_flush (surface);
  return surface;
}

static gboolean
cairo_ok (cairo_status_t   status,
          const char      *path,
          GError         **error)
{
  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("cannot write “%s”: %s"),
               path, cairo_status_to_string (status));
  return FALSE;
}

gboolean
hep_diagram_render_export (const char  *svg,
                           const char  *path,
                           int          width,
                           int          height,
                           GError     **error)
{
  HepExportFormat format;
  RsvgHandle *handle;
  gboolean ok = FALSE;

  g_return_val_if_fail (svg != NULL && path != NULL, FALSE);

  if (!hep_export_format_from_path (path, &format))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("bad file name “%s”; accepted extensions: .svg, .png, .pdf"), path);
      return FALSE;
    }
  if (format == HEP_EXPORT_FORMAT_SVG)
    return g_file_set_contents (path, svg, -1, error);

  if (format == HEP_EXPORT_FORMAT_PNG)
    {
      cairo_surface_t *surface = hep_diagram_render_svg (svg, width, height, error);

      if (surface == NULL)
        return FALSE;
      ok = cairo_ok (cairo_surface_write_to_png (surface, path), path, error);
      cairo_surface_destroy (surface);
      return ok;
    }

  /* PDF: librsvg draws the text too, as outlines */
  handle = hep_diagram_render_parse (svg, error);
  if (handle == NULL)
    return FALSE;
  {
    cairo_surface_t *surface = cairo_pdf_surface_create (path, width, height);
    cairo_t *cr = cairo_create (surface);

    ok = cairo_ok (cairo_surface_status (surface), path, error) &&
         hep_diagram_render_to_cairo (handle, cr, width, height, error);
    cairo_destroy (cr);
    cairo_surface_finish (surface);
    if (ok)
      ok = cairo_ok (cairo_surface_status (surface), path, error);
    cairo_surface_destroy (surface);
  }
  g_object_unref (handle);
  return ok;
}
