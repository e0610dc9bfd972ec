/* hep-json.c
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "hep-json.h"

#include <math.h>

struct _HepJson
{
  GString *out;
  /* one entry per open container: TRUE once it holds a value */
  GArray  *has_value;
  gboolean after_key;
};

HepJson *
hep_json_new (void)
{
  HepJson *self = g_new0 (HepJson, 1);

  self->out = g_string_new (NULL);
  self->has_value = g_array_new (FALSE, FALSE, sizeof (gboolean));
  return self;
}

void
hep_json_free (HepJson *self)
{
  if (self == NULL)
    return;
  g_string_free (self->out, TRUE);
  g_array_unref (self->has_value);
  g_free (self);
}

char *
hep_json_free_to_string (HepJson *self)
{
  char *text;

  g_return_val_if_fail (self != NULL, NULL);
  g_warn_if_fail (self->has_value->len == 0);

  text = g_string_free (self->out, FALSE);
  g_array_unref (self->has_value);
  g_free (self);
  return text;
}

/* Before any value: a comma if the container already holds one. */
static void
before_value (HepJson *self)
{
  if (self->after_key)
    {
      self->after_key = FALSE;
      return;
    }
  if (self->has_value->len > 0)
    {
      gboolean *has = &g_array_index (self->has_value, gboolean, self->has_value->len - 1);

      if (*has)
        g_string_append_c (self->out, ',');
      *has = TRUE;
    }
}

static void
open_container (HepJson *self,
                char     c)
{
  gboolean no = FALSE;

  before_value (self);
  g_string_append_c (self->out, c);
  g_array_append_val (self->has_value, no);
}

static void
close_container (HepJson *self,
                 char     c)
{
  g_return_if_fail (self->has_value->len > 0);
  g_array_set_size (self->has_value, self->has_value->len - 1);
  g_string_append_c (self->out, c);
}

void hep_json_begin_object (HepJson *self) { open_container (self, '{'); }
void hep_json_end_object (HepJson *self)   { close_container (self, '}'); }
void hep_json_begin_array (HepJson *self)  { open_container (self, '['); }
void hep_json_end_array (HepJson *self)    { close_container (self, ']'); }

void
hep_json_append_escaped (GString    *out,
                         const char *text)
{
  g_string_append_c (out, '"');
  for (const guchar *p = (const guchar *) text; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '"':  g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        case '\b': g_string_append (out, "\\b"); break;
        case '\f': g_string_append (out, "\\f"); break;
        default:
          if (*p < 0x20)
            g_string_append_printf (out, "\\u%04x", *p);
          else
            g_string_append_c (out, (char) *p);
        }
    }
  g_string_append_c (out, '"');
}

void
hep_json_key (HepJson    *self,
              const char *key)
{
  g_return_if_fail (key != NULL);
  before_value (self);
  hep_json_append_escaped (self->out, key);
  g_string_append_c (self->out, ':');
  self->after_key = TRUE;
}

void
hep_json_string (HepJson    *self,
                 const char *value)
{
  if (value == NULL)
    {
      hep_json_null (self);
      return;
    }
  before_value (self);
  if (g_utf8_validate (value, -1, NULL))
    hep_json_append_escaped (self->out, value);
  else
    {
      g_autofree char *valid = g_utf8_make_valid (value, -1);
      hep_json_append_escaped (self->out, valid);
    }
}

void
hep_json_int (HepJson *self,
              gint64   value)
{
  before_value (self);
  g_string_append_printf (self->out, "%" G_GINT64_FORMAT, value);
}

void
hep_json_double (HepJson *self,
                 double   value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  before_value (self);
  if (!isfinite (value))
    {
      g_string_append (self->out, "null");
      return;
    }
  g_string_append (self->out, g_ascii_formatd (buf, sizeof buf, "%.6g", value));
}

void
hep_json_boolean (HepJson  *self,
                  gboolean  value)
{
  before_value (self);
  g_string_append (self->out, value ? "true" : "false");
}

void
hep_json_null (HepJson *self)
{
  before_value (self);
  g_string_append (self->out, "null");
}

void
hep_json_member_string (HepJson *self, const char *key, const char *value)
{
  hep_json_key (self, key);
  hep_json_string (self, value);
}

void
hep_json_member_int (HepJson *self, const char *key, gint64 value)
{
  hep_json_key (self, key);
  hep_json_int (self, value);
}

void
hep_json_member_double (HepJson *self, const char *key, double value)
{
  hep_json_key (self, key);
  hep_json_double (self, value);
}

void
hep_json_member_boolean (HepJson *self, const char *key, gboolean value)
{
  hep_json_key (self, key);
  hep_json_boolean (self, value);
}
