/* hep-test-json.c
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "hep-test-json.h"

#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include <stdlib.h>
#include <string.h>

/* JSON node → the GVariant shapes of the header. */
static GVariant *
node_to_variant (JsonNode *node)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObject *object = json_node_get_object (node);
        g_autoptr(GList) members = json_object_get_members (object);
        GVariantBuilder b;

        g_variant_builder_init (&b, G_VARIANT_TYPE ("a{sv}"));
        for (GList *l = members; l != NULL; l = l->next)
          g_variant_builder_add (&b, "{sv}", (const char *) l->data,
                                 node_to_variant (json_object_get_member (object, l->data)));
        return g_variant_builder_end (&b);
      }
    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        GVariantBuilder b;

        g_variant_builder_init (&b, G_VARIANT_TYPE ("av"));
        for (guint i = 0; i < json_array_get_length (array); i++)
          g_variant_builder_add (&b, "v", node_to_variant (json_array_get_element (array, i)));
        return g_variant_builder_end (&b);
      }
    case JSON_NODE_NULL:
      return g_variant_new_maybe (G_VARIANT_TYPE_VARIANT, NULL);
    case JSON_NODE_VALUE:
    default:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_STRING:
          return g_variant_new_string (json_node_get_string (node));
        case G_TYPE_BOOLEAN:
          return g_variant_new_boolean (json_node_get_boolean (node));
        default:
          /* integers and doubles alike are numbers ("d") */
          return g_variant_new_double (json_node_get_double (node));
        }
    }
}

GVariant *
hep_test_json_parse (const char  *text,
                     GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;

  if (!json_parser_load_from_data (parser, text, -1, error))
    return NULL;
  root = json_parser_get_root (parser);
  if (root == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "invalid JSON: empty document");
      return NULL;
    }
  return g_variant_ref_sink (node_to_variant (root));
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
