/* hep-cli.c: shared helpers of hepatica-cli subcommands
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "hep-cli.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

gboolean
hep_cli_args_parse (HepCliArgs          *args,
                    int                  argc,
                    char               **argv,
                    const char * const  *known,
                    GError             **error)
{
  gboolean only_positional = FALSE;

  memset (args, 0, sizeof *args);
  args->args = g_ptr_array_new ();
  args->options = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (int i = 1; i < argc; i++)
    {
      const char *a = argv[i];

      if (only_positional || a[0] != '-' || a[1] != '-')
        {
          if (!only_positional && (g_str_equal (a, "-h")))
            args->help = TRUE;
          else
            g_ptr_array_add (args->args, (gpointer) a);
          continue;
        }
      if (g_str_equal (a, "--"))
        {
          only_positional = TRUE;
          continue;
        }
      if (g_str_equal (a, "--json"))
        {
          args->json = TRUE;
          continue;
        }
      if (g_str_equal (a, "--help"))
        {
          args->help = TRUE;
          continue;
        }

      {
        const char *eq = strchr (a + 2, '=');
        g_autofree char *name = eq ? g_strndup (a + 2, eq - (a + 2)) : g_strdup (a + 2);
        g_autofree char *with_value = g_strconcat (name, "=", NULL);
        const char *value = eq ? eq + 1 : NULL;
        gboolean takes_value = known != NULL && g_strv_contains (known, with_value);
        gboolean is_switch = known != NULL && g_strv_contains (known, name);

        if (!takes_value && !is_switch)
          {
            g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_UNKNOWN_OPTION,
                         "unknown option “--%s”", name);
            return FALSE;
          }
        if (takes_value && value == NULL)
          {
            if (i + 1 >= argc)
              {
                g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                             "option “--%s” needs a value", name);
                return FALSE;
              }
            value = argv[++i];
          }
        if (is_switch && value != NULL)
          {
            g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                         "option “--%s” takes no value", name);
            return FALSE;
          }
        g_hash_table_replace (args->options, g_steal_pointer (&name), (gpointer) (value ? value : ""));
      }
    }
  return TRUE;
}

void
hep_cli_args_clear (HepCliArgs *args)
{
  g_clear_pointer (&args->args, g_ptr_array_unref);
  g_clear_pointer (&args->options, g_hash_table_unref);
}

const char *
hep_cli_args_get (HepCliArgs *args,
                  const char *name)
{
  return g_hash_table_lookup (args->options, name);
}

int
hep_cli_fail (const char *command,
              int         status,
              const char *format,
              ...)
{
  g_autofree char *message = NULL;
  g_autofree char *shown = NULL;
  va_list ap;

  va_start (ap, format);
  message = g_strdup_vprintf (format, ap);
  va_end (ap);

  /* one line, whatever the message holds: line breaks become spaces, and
   * any other control character, terminal escape or bidi override that
   * came from input is shown escaped (the core escapes what it quotes too;
   * escaping twice changes nothing) */
  g_strdelimit (message, "\n\r", ' ');
  shown = hep_escape_for_message (message, 0);
  fprintf (stderr, "hepatica-cli %s: %s\n", command, shown);
  return status;
}

gboolean
hep_cli_parse_features (const char    *command,
                        HepCliArgs    *args,
                        HepFeatureSet *features)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) tokens = g_ptr_array_new ();

  for (guint i = 0; i < args->args->len; i++)
    g_ptr_array_add (tokens, args->args->pdata[i]);
  g_ptr_array_add (tokens, NULL);

  hep_feature_set_init (features);
  if (!hep_feature_set_parse_strv (features, (const char * const *) tokens->pdata, &error))
    {
      hep_cli_fail (command, HEP_CLI_EXIT_USAGE, "%s", error->message);
      return FALSE;
    }
  return TRUE;
}

void
hep_cli_json_string (JsonBuilder *json,
                     const char  *value)
{
  if (value == NULL)
    json_builder_add_null_value (json);
  else if (g_utf8_validate (value, -1, NULL))
    json_builder_add_string_value (json, value);
  else
    {
      g_autofree char *valid = g_utf8_make_valid (value, -1);
      json_builder_add_string_value (json, valid);
    }
}

void
hep_cli_json_double (JsonBuilder *json,
                     double       value)
{
  if (isfinite (value))
    json_builder_add_double_value (json, value);
  else
    json_builder_add_null_value (json);
}

void
hep_cli_json_member_string (JsonBuilder *json,
                            const char  *key,
                            const char  *value)
{
  json_builder_set_member_name (json, key);
  hep_cli_json_string (json, value);
}

void
hep_cli_json_member_int (JsonBuilder *json,
                         const char  *key,
                         gint64       value)
{
  json_builder_set_member_name (json, key);
  json_builder_add_int_value (json, value);
}

void
hep_cli_json_member_strv (JsonBuilder        *json,
                          const char         *key,
                          const char * const *values)
{
  json_builder_set_member_name (json, key);
  json_builder_begin_array (json);
  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    hep_cli_json_string (json, values[i]);
  json_builder_end_array (json);
}

/* Opens the store as the app does: checked, backed up before a migration
 * and once a day. Commands that only read (@writes FALSE) also work when
 * the database cannot be written (a read-only data folder). */
HepCaseStore *
hep_cli_open_store (const char  *command,
                    HepCliArgs  *args,
                    gboolean     writes)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *backups = NULL;
  const char * const *damaged;
  HepCaseStore *store;

  path = hep_cli_args_get (args, "db") ? g_strdup (hep_cli_args_get (args, "db"))
                                       : hep_case_store_default_user_path ();
  backups = hep_db_backup_dir_for (path);
  store = hep_case_store_open (path, hep_cli_args_get (args, "library"), backups,
                               writes ? HEP_CASE_STORE_OPEN_DEFAULT : HEP_CASE_STORE_OPEN_READ_ONLY_OK,
                               g_get_real_time () / G_USEC_PER_SEC, &error);
  if (store == NULL)
    {
      hep_cli_fail (command, HEP_CLI_EXIT_FAILURE, "%s", error->message);
      return NULL;
    }
  damaged = hep_case_store_get_damaged_rows (store);
  if (damaged != NULL)
    {
      g_autofree char *names = g_strjoinv (", ", (char **) damaged);
      guint n = g_strv_length ((char **) damaged);

      hep_cli_fail (command, 0, "warning: skipped %u damaged case%s that cannot be loaded: %s; "
                    "“hepatica-cli db check” says more", n, n == 1 ? "" : "s", names);
    }
  return store;
}

void
hep_cli_json_member_double (JsonBuilder *json,
                            const char  *key,
                            double       value)
{
  json_builder_set_member_name (json, key);
  hep_cli_json_double (json, value);
}

void
hep_cli_json_member_boolean (JsonBuilder *json,
                             const char  *key,
                             gboolean     value)
{
  json_builder_set_member_name (json, key);
  json_builder_add_boolean_value (json, value);
}

void
hep_cli_print_json (JsonBuilder *json)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = json_builder_get_root (json);
  g_autofree char *text = NULL;

  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, NULL);
  fputs (text, stdout);
  fputc ('\n', stdout);
}
