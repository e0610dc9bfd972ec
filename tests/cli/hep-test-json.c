/* hep-test-json.c
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "hep-test-json.h"

#include <gio/gio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
  const char *p;
  GError    **error;
} Parser;

static GVariant *parse_value (Parser *ps, int depth);

static void
skip_ws (Parser *ps)
{
  while (*ps->p == ' ' || *ps->p == '\t' || *ps->p == '\n' || *ps->p == '\r')
    ps->p++;
}

static GVariant *
fail (Parser     *ps,
      const char *what)
{
  if (*ps->error == NULL)
    g_set_error (ps->error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                 "invalid JSON: %s at “%.20s”", what, ps->p);
  return NULL;
}

static char *
parse_string (Parser *ps)
{
  GString *s = g_string_new (NULL);

  if (*ps->p != '"')
    {
      fail (ps, "expected string");
      return g_string_free (s, TRUE), NULL;
    }
  ps->p++;
  while (*ps->p != '"')
    {
      guchar c = (guchar) *ps->p;

      if (c == '\0' || c < 0x20)
        {
          fail (ps, "unterminated string or raw control character");
          return g_string_free (s, TRUE), NULL;
        }
      if (c == '\\')
        {
          ps->p++;
          switch (*ps->p)
            {
            case '"': g_string_append_c (s, '"'); break;
            case '\\': g_string_append_c (s, '\\'); break;
            case '/': g_string_append_c (s, '/'); break;
            case 'b': g_string_append_c (s, '\b'); break;
            case 'f': g_string_append_c (s, '\f'); break;
            case 'n': g_string_append_c (s, '\n'); break;
            case 'r': g_string_append_c (s, '\r'); break;
            case 't': g_string_append_c (s, '\t'); break;
            case 'u':
              {
                char hex[5] = { 0, };
                gunichar u;

                for (int i = 0; i < 4; i++)
                  {
                    if (!g_ascii_isxdigit (ps->p[1 + i]))
                      {
                        fail (ps, "bad \\u escape");
                        return g_string_free (s, TRUE), NULL;
                      }
                    hex[i] = ps->p[1 + i];
                  }
                u = (gunichar) strtoul (hex, NULL, 16);
                g_string_append_unichar (s, u);
                ps->p += 4;
              }
              break;
            default:
              fail (ps, "bad escape");
              return g_string_free (s, TRUE), NULL;
            }
          ps->p++;
          continue;
        }
      g_string_append_c (s, (char) c);
      ps->p++;
    }
  ps->p++;
  if (!g_utf8_validate (s->str, s->len, NULL))
    {
      fail (ps, "string is not UTF-8");
      return g_string_free (s, TRUE), NULL;
    }
  return g_string_free (s, FALSE);
}

static GVariant *
parse_number (Parser *ps)
{
  const char *start = ps->p;
  char *end = NULL;
  double d;

  if (*ps->p == '-')
    ps->p++;
  if (!g_ascii_isdigit (*ps->p))
    return fail (ps, "bad number");
  if (*ps->p == '0' && g_ascii_isdigit (ps->p[1]))
    return fail (ps, "leading zero");
  d = g_ascii_strtod (start, &end);
  if (end == start)
    return fail (ps, "bad number");
  ps->p = end;
  return g_variant_new_double (d);
}

static GVariant *
parse_value (Parser *ps,
             int     depth)
{
  if (depth > 64)
    return fail (ps, "nested too deeply");
  skip_ws (ps);
  switch (*ps->p)
    {
    case '{':
      {
        GVariantBuilder b;

        g_variant_builder_init (&b, G_VARIANT_TYPE ("a{sv}"));
        ps->p++;
        skip_ws (ps);
        if (*ps->p == '}')
          {
            ps->p++;
            return g_variant_builder_end (&b);
          }
        for (;;)
          {
            g_autofree char *key = NULL;
            GVariant *v;

            skip_ws (ps);
            key = parse_string (ps);
            if (key == NULL)
              return g_variant_builder_clear (&b), NULL;
            skip_ws (ps);
            if (*ps->p++ != ':')
              return g_variant_builder_clear (&b), fail (ps, "expected ':'");
            v = parse_value (ps, depth + 1);
            if (v == NULL)
              return g_variant_builder_clear (&b), NULL;
            g_variant_builder_add (&b, "{sv}", key, v);
            skip_ws (ps);
            if (*ps->p == ',')
              {
                ps->p++;
                continue;
              }
            if (*ps->p == '}')
              {
                ps->p++;
                return g_variant_builder_end (&b);
              }
            return g_variant_builder_clear (&b), fail (ps, "expected ',' or '}'");
          }
      }
    case '[':
      {
        GVariantBuilder b;

        g_variant_builder_init (&b, G_VARIANT_TYPE ("av"));
        ps->p++;
        skip_ws (ps);
        if (*ps->p == ']')
          {
            ps->p++;
            return g_variant_builder_end (&b);
          }
        for (;;)
          {
            GVariant *v = parse_value (ps, depth + 1);

            if (v == NULL)
              return g_variant_builder_clear (&b), NULL;
            g_variant_builder_add (&b, "v", v);
            skip_ws (ps);
            if (*ps->p == ',')
              {
                ps->p++;
                continue;
              }
            if (*ps->p == ']')
              {
                ps->p++;
                return g_variant_builder_end (&b);
              }
            return g_variant_builder_clear (&b), fail (ps, "expected ',' or ']'");
          }
      }
    case '"':
      {
        char *s = parse_string (ps);
        return s ? g_variant_new_take_string (s) : NULL;
      }
    case 't':
      if (strncmp (ps->p, "true", 4) == 0)
        return ps->p += 4, g_variant_new_boolean (TRUE);
      return fail (ps, "bad literal");
    case 'f':
      if (strncmp (ps->p, "false", 5) == 0)
        return ps->p += 5, g_variant_new_boolean (FALSE);
      return fail (ps, "bad literal");
    case 'n':
      if (strncmp (ps->p, "null", 4) == 0)
        return ps->p += 4, g_variant_new_maybe (G_VARIANT_TYPE_VARIANT, NULL);
      return fail (ps, "bad literal");
    default:
      return parse_number (ps);
    }
}

GVariant *
hep_test_json_parse (const char  *text,
                     GError     **error)
{
  Parser ps = { text, error };
  GVariant *v = parse_value (&ps, 0);

  if (v == NULL)
    return NULL;
  g_variant_ref_sink (v);
  skip_ws (&ps);
  if (*ps.p != '\0')
    {
      g_variant_unref (v);
      return fail (&ps, "trailing data");
    }
  return v;
}

GVariant *
hep_test_json_get (GVariant   *root,
                   const char *path)
{
  g_auto(GStrv) parts = g_strsplit (path, "/", -1);
  GVariant *cur = g_variant_ref (root);

  for (guint i = 0; parts[i] != NULL && cur != NULL; i++)
    {
      GVariant *next = NULL;

      if (g_variant_is_of_type (cur, G_VARIANT_TYPE ("a{sv}")))
        next = g_variant_lookup_value (cur, parts[i], NULL);
      else if (g_variant_is_of_type (cur, G_VARIANT_TYPE ("av")))
        {
          guint64 idx;

          if (g_ascii_string_to_unsigned (parts[i], 10, 0, G_MAXUINT32, &idx, NULL) &&
              idx < g_variant_n_children (cur))
            {
              GVariant *boxed = g_variant_get_child_value (cur, idx);
              next = g_variant_get_variant (boxed);
              g_variant_unref (boxed);
            }
        }
      g_variant_unref (cur);
      cur = next;
    }
  return cur;
}

const char *
hep_test_json_get_string (GVariant   *root,
                          const char *path)
{
  GVariant *v = hep_test_json_get (root, path);
  const char *s = NULL;

  if (v != NULL && g_variant_is_of_type (v, G_VARIANT_TYPE_STRING))
    s = g_variant_get_string (v, NULL);   /* lives as long as root */
  g_clear_pointer (&v, g_variant_unref);
  return s;
}

gboolean
hep_test_json_is_null (GVariant   *root,
                       const char *path)
{
  GVariant *v = hep_test_json_get (root, path);
  gboolean is_null = v != NULL && g_variant_is_of_type (v, G_VARIANT_TYPE ("mv")) &&
                     g_variant_n_children (v) == 0;

  g_clear_pointer (&v, g_variant_unref);
  return is_null;
}

static char *
bytes_to_string (GBytes *bytes)
{
  gsize size = 0;
  const char *data = g_bytes_get_data (bytes, &size);

  return size > 0 ? g_strndup (data, size) : g_strdup ("");
}

int
hep_test_run_cli (const char * const  *argv,
                  char               **out,
                  char               **err)
{
  const char *cli = g_getenv ("HEPATICA_CLI");
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) out_bytes = NULL;
  g_autoptr(GBytes) err_bytes = NULL;

  g_assert_nonnull (cli);
  g_ptr_array_add (args, (gpointer) cli);
  for (guint i = 0; argv[i] != NULL; i++)
    g_ptr_array_add (args, (gpointer) argv[i]);
  g_ptr_array_add (args, NULL);

  proc = g_subprocess_newv ((const char * const *) args->pdata,
                            G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate (proc, NULL, NULL, &out_bytes, &err_bytes, &error));
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (proc));

  if (out != NULL)
    *out = bytes_to_string (out_bytes);
  if (err != NULL)
    *err = bytes_to_string (err_bytes);
  return g_subprocess_get_exit_status (proc);
}
