/* hep-text.c: text checks and escapes shared by every parser of input
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "hep-text.h"

#include <string.h>

static gboolean
is_bidi_control (gunichar ch)
{
  return (ch >= 0x202a && ch <= 0x202e) || (ch >= 0x2066 && ch <= 0x2069);
}

gboolean
hep_text_char_is_unsafe (gunichar ch,
                         gboolean multiline)
{
  if (ch < 0x20)
    return !(multiline && (ch == '\n' || ch == '\t'));
  if (ch >= 0x7f && ch <= 0x9f)
    return TRUE;
  return is_bidi_control (ch);
}

gunichar
hep_text_find_unsafe (const char *text,
                      gboolean    multiline)
{
  for (const char *p = text; p != NULL && *p; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);

      if (hep_text_char_is_unsafe (ch, multiline))
        return ch;
    }
  return 0;
}

char *
hep_escape_for_message (const char *text,
                        gsize       max_chars)
{
  GString *out = g_string_new (NULL);
  const char *p = text ? text : "";
  const char *end = p + strlen (p);
  gsize n = 0;

  while (p < end)
    {
      gunichar ch = g_utf8_get_char_validated (p, end - p);

      if (max_chars > 0 && n == max_chars)
        {
          g_string_append (out, "…");
          break;
        }
      n++;
      if (ch == (gunichar) -1 || ch == (gunichar) -2)
        {
          g_string_append_printf (out, "\\x%02x", (guchar) *p);
          p++;
          continue;
        }
      if (ch < 0x20 || ch == 0x7f)
        g_string_append_printf (out, "\\x%02x", ch);
      else if ((ch >= 0x80 && ch <= 0x9f) || is_bidi_control (ch))
        g_string_append_printf (out, "\\u%04x", ch);
      else
        g_string_append_unichar (out, ch);
      p = g_utf8_next_char (p);
    }
  return g_string_free (out, FALSE);
}
