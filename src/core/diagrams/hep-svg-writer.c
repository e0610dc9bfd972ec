/* hep-svg-writer.c: a tiny deterministic SVG builder
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <stdarg.h>
#include <string.h>

#include "hep-svg-writer.h"

struct _HepSvgWriter {
  GString   *out;
  GPtrArray *stack;   /* open element names */
};

struct _HepSvgPath {
  GString *data;
};

char *
hep_svg_format_number (char   *buf,
                       double  value)
{
  double r;
  long long n, whole;
  char digits[24];
  char *p = buf;
  int k = 0, frac;

  if (!isfinite (value))
    value = 0;
  /* Round first so that -0.001 does not become "-0". */
  r = round (value * 100.0);
  if (fabs (r) >= 1e15)
    {
      char *end;

      g_ascii_formatd (buf, HEP_SVG_NUMBER_BUF_SIZE, "%.2f", r / 100.0);
      end = buf + strlen (buf);
      while (end > buf && end[-1] == '0')
        *--end = '\0';
      if (end > buf && end[-1] == '.')
        *--end = '\0';
      return buf;
    }
  /* the digits of the rounded hundredths, without printf: the same text
   * as "%.2f" of r / 100 with trailing zeros dropped, several times
   * cheaper (every coordinate of every diagram goes through here) */
  n = (long long) r;
  if (n < 0)
    {
      *p++ = '-';
      n = -n;
    }
  whole = n / 100;
  frac = (int) (n % 100);
  do
    digits[k++] = (char) ('0' + whole % 10);
  while ((whole /= 10) > 0);
  while (k > 0)
    *p++ = digits[--k];
  if (frac != 0)
    {
      *p++ = '.';
      *p++ = (char) ('0' + frac / 10);
      if (frac % 10 != 0)
        *p++ = (char) ('0' + frac % 10);
    }
  *p = '\0';
  return buf;
}

static void
indent (HepSvgWriter *self)
{
  for (guint i = 0; i < self->stack->len; i++)
    g_string_append (self->out, "  ");
}

static void
append_attrs (HepSvgWriter *self,
              va_list       ap)
{
  const char *name;

  while ((name = va_arg (ap, const char *)) != NULL)
    {
      const char *value = va_arg (ap, const char *);
      g_autofree char *escaped = g_markup_escape_text (value ? value : "", -1);

      g_string_append_printf (self->out, " %s=\"%s\"", name, escaped);
    }
}

HepSvgWriter *
hep_svg_writer_new (double width,
                    double height)
{
  HepSvgWriter *self = g_new0 (HepSvgWriter, 1);
  char w[HEP_SVG_NUMBER_BUF_SIZE], h[HEP_SVG_NUMBER_BUF_SIZE];

  self->out = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
  self->stack = g_ptr_array_new_with_free_func (g_free);
  hep_svg_format_number (w, width);
  hep_svg_format_number (h, height);
  g_string_append_printf (self->out,
                          "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\""
                          " width=\"%s\" height=\"%s\" viewBox=\"0 0 %s %s\""
                          " role=\"img\" aria-labelledby=\"title desc\">\n",
                          w, h, w, h);
  g_ptr_array_add (self->stack, g_strdup ("svg"));
  return self;
}

void
hep_svg_writer_free (HepSvgWriter *self)
{
  if (self == NULL)
    return;
  g_string_free (self->out, TRUE);
  g_ptr_array_unref (self->stack);
  g_free (self);
}

char *
hep_svg_writer_free_to_string (HepSvgWriter *self)
{
  char *text;

  while (self->stack->len > 0)
    hep_svg_writer_end (self);
  text = g_string_free (self->out, FALSE);
  g_ptr_array_unref (self->stack);
  g_free (self);
  return text;
}

/* "<element attr=…" on its own indented line, not yet closed. */
static void
open_tag (HepSvgWriter *self,
          const char   *element,
          va_list       ap)
{
  indent (self);
  g_string_append_printf (self->out, "<%s", element);
  append_attrs (self, ap);
}

void
hep_svg_writer_begin (HepSvgWriter *self,
                      const char   *element,
                      ...)
{
  va_list ap;

  g_return_if_fail (self != NULL);
  va_start (ap, element);
  open_tag (self, element, ap);
  va_end (ap);
  g_string_append (self->out, ">\n");
  g_ptr_array_add (self->stack, g_strdup (element));
}

void
hep_svg_writer_end (HepSvgWriter *self)
{
  g_autofree char *element = NULL;

  g_return_if_fail (self != NULL);
  g_return_if_fail (self->stack->len > 0);
  element = g_ptr_array_steal_index (self->stack, self->stack->len - 1);
  indent (self);
  g_string_append_printf (self->out, "</%s>\n", element);
}

void
hep_svg_writer_element (HepSvgWriter *self,
                        const char   *element,
                        ...)
{
  va_list ap;

  g_return_if_fail (self != NULL);
  va_start (ap, element);
  open_tag (self, element, ap);
  va_end (ap);
  g_string_append (self->out, "/>\n");
}

void
hep_svg_writer_text_element (HepSvgWriter *self,
                             const char   *element,
                             const char   *text,
                             ...)
{
  g_autofree char *escaped = NULL;
  va_list ap;

  g_return_if_fail (self != NULL);
  escaped = g_markup_escape_text (text ? text : "", -1);
  indent (self);
  g_string_append_printf (self->out, "<%s", element);
  va_start (ap, text);
  append_attrs (self, ap);
  va_end (ap);
  g_string_append_printf (self->out, ">%s</%s>\n", escaped, element);
}

HepSvgPath *
hep_svg_path_new (void)
{
  HepSvgPath *self = g_new0 (HepSvgPath, 1);

  self->data = g_string_new (NULL);
  return self;
}

static void
path_command (HepSvgPath   *self,
              char          command,
              guint         n,
              const double *xy)
{
  char buf[HEP_SVG_NUMBER_BUF_SIZE];

  if (self->data->len > 0)
    g_string_append_c (self->data, ' ');
  g_string_append_c (self->data, command);
  for (guint i = 0; i < n; i++)
    g_string_append_printf (self->data, " %s", hep_svg_format_number (buf, xy[i]));
}

void
hep_svg_path_move_to (HepSvgPath *self,
                      double      x,
                      double      y)
{
  double xy[] = { x, y };

  path_command (self, 'M', 2, xy);
}

void
hep_svg_path_line_to (HepSvgPath *self,
                      double      x,
                      double      y)
{
  double xy[] = { x, y };

  path_command (self, 'L', 2, xy);
}

void
hep_svg_path_curve_to (HepSvgPath *self,
                       double      x1,
                       double      y1,
                       double      x2,
                       double      y2,
                       double      x,
                       double      y)
{
  double xy[] = { x1, y1, x2, y2, x, y };

  path_command (self, 'C', 6, xy);
}

void
hep_svg_path_close (HepSvgPath *self)
{
  path_command (self, 'Z', 0, NULL);
}

const char *
hep_svg_path_get_data (HepSvgPath *self)
{
  return self->data->str;
}

void
hep_svg_path_free (HepSvgPath *self)
{
  if (self == NULL)
    return;
  g_string_free (self->data, TRUE);
  g_free (self);
}
