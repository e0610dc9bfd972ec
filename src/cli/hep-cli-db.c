/* hep-cli-db.c: `hepatica-cli db check|repair|backup|backups|restore`
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "hep-cli.h"

#include <stdio.h>
#include <string.h>

static const char db_usage[] =
  "Usage: hepatica-cli db COMMAND [OPTIONS]\n"
  "\n"
  "Your own database: its health and its backups.\n"
  "\n"
  "Commands:\n"
  "  check                  checks the database (PRAGMA quick_check) without writing to it\n"
  "  repair                 keeps a damaged database as a dated backup and copies every case,\n"
  "                         quiz answer and review state that can be read into a new one\n"
  "  backup                 makes a backup now\n"
  "  backups                lists the backups, newest first\n"
  "  restore FILE           replaces the database by a backup, after backing up the current one\n"
  "\n"
  "Options:\n"
  "  --json                 print JSON instead of text\n"
  "  --db=PATH              the user database (default: $XDG_DATA_HOME/hepatica/user.db)\n"
  "  --backups=DIR          the backup folder (default: \"backups\" beside the database)\n"
  "\n"
  "Hepatica also backs up by itself before every schema upgrade and once a day when the\n"
  "database changed; the last 10 backups are kept. Close Hepatica before a repair or restore.\n"
  "\n"
  "Exit status: 0 on success, 1 when the command fails or the database is damaged, 2 on bad\n"
  "arguments.\n"
  HEP_CLI_EDUCATION_NOTE "\n";

static const char * const known_options[] = { "db=", "backups=", NULL };

static gint64
now_seconds (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

static char *
db_path (HepCliArgs *args)
{
  const char *value = hep_cli_args_get (args, "db");

  return value != NULL ? g_strdup (value) : hep_case_store_default_user_path ();
}

static char *
backup_dir (HepCliArgs *args)
{
  const char *value = hep_cli_args_get (args, "backups");

  g_autofree char *path = NULL;

  if (value != NULL)
    return g_strdup (value);
  path = db_path (args);
  return hep_db_backup_dir_for (path);
}

static gboolean
no_arguments (HepCliArgs *args,
              const char *command)
{
  if (args->args->len == 1)
    return TRUE;
  hep_cli_fail (command, HEP_CLI_EXIT_USAGE, "takes no arguments, got “%s”", (char *) args->args->pdata[1]);
  return FALSE;
}

static int
db_check (HepCliArgs *args)
{
  g_autofree char *path = db_path (args);
  g_autoptr(HepDb) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *problem = NULL;
  int version = 0;

  if (!no_arguments (args, "db check"))
    return HEP_CLI_EXIT_USAGE;
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return hep_cli_fail ("db check", HEP_CLI_EXIT_FAILURE, "“%s” does not exist", path);
  db = hep_db_open (path, HEP_DB_OPEN_READ_ONLY, &error);
  if (db == NULL || !hep_migrations_check_owner (db, &error) ||
      !hep_db_quick_check (db, "main", &problem, &error) ||
      !hep_db_get_user_version (db, "main", &version, &error))
    return hep_cli_fail ("db check", HEP_CLI_EXIT_FAILURE, "%s", error->message);

  if (args->json)
    {
      g_autoptr(JsonBuilder) json = json_builder_new ();

      json_builder_begin_object (json);
      hep_cli_json_member_string (json, "file", path);
      hep_cli_json_member_boolean (json, "damaged", problem != NULL);
      hep_cli_json_member_string (json, "problem", problem);
      hep_cli_json_member_int (json, "schema_version", version);
      json_builder_end_object (json);
      hep_cli_print_json (json);
      return problem != NULL ? HEP_CLI_EXIT_FAILURE : HEP_CLI_EXIT_OK;
    }
  if (problem != NULL)
    return hep_cli_fail ("db check", HEP_CLI_EXIT_FAILURE,
                         "“%s” is damaged (%s); run “hepatica-cli db repair” to keep a copy and move every "
                         "readable case into a new database", path, problem);
  printf ("%s: no damage found (schema version %d)\n", path, version);
  return HEP_CLI_EXIT_OK;
}

static int
db_repair (HepCliArgs *args)
{
  g_autofree char *path = db_path (args);
  g_autofree char *dir = backup_dir (args);
  g_autoptr(GError) error = NULL;
  HepDbRepairReport report;

  if (!no_arguments (args, "db repair"))
    return HEP_CLI_EXIT_USAGE;
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return hep_cli_fail ("db repair", HEP_CLI_EXIT_FAILURE, "“%s” does not exist", path);
  if (!hep_db_repair (path, dir, now_seconds (), &report, &error))
    return hep_cli_fail ("db repair", HEP_CLI_EXIT_FAILURE, "%s", error->message);

  if (args->json)
    {
      g_autoptr(JsonBuilder) json = json_builder_new ();

      json_builder_begin_object (json);
      hep_cli_json_member_string (json, "file", path);
      hep_cli_json_member_boolean (json, "damaged", report.damaged);
      hep_cli_json_member_string (json, "problem", report.problem);
      hep_cli_json_member_string (json, "damaged_copy", report.damaged_copy);
      hep_cli_json_member_int (json, "cases_saved", report.cases_saved);
      hep_cli_json_member_int (json, "cases_lost", report.cases_lost);
      hep_cli_json_member_int (json, "attempts_saved", report.attempts_saved);
      hep_cli_json_member_int (json, "attempts_lost", report.attempts_lost);
      hep_cli_json_member_int (json, "reviews_saved", report.reviews_saved);
      hep_cli_json_member_int (json, "reviews_lost", report.reviews_lost);
      hep_cli_json_member_boolean (json, "complete", report.complete);
      json_builder_end_object (json);
      hep_cli_print_json (json);
    }
  else if (!report.damaged)
    printf ("%s: no damage found; nothing to repair\n", path);
  else
    {
      printf ("The damaged file is kept as %s\n", report.damaged_copy);
      printf ("Saved %u case%s, %u quiz answer%s and %u review state%s; lost %u, %u and %u.%s\n",
              report.cases_saved, report.cases_saved == 1 ? "" : "s",
              report.attempts_saved, report.attempts_saved == 1 ? "" : "s",
              report.reviews_saved, report.reviews_saved == 1 ? "" : "s",
              report.cases_lost, report.attempts_lost, report.reviews_lost,
              report.complete ? "" : " Some rows could not even be counted.");
    }
  hep_db_repair_report_clear (&report);
  return HEP_CLI_EXIT_OK;
}

static int
db_backup (HepCliArgs *args)
{
  g_autofree char *path = db_path (args);
  g_autofree char *dir = backup_dir (args);
  g_autofree char *made = NULL;
  g_autoptr(HepCaseStore) store = NULL;
  g_autoptr(HepDb) db = NULL;
  g_autoptr(GError) error = NULL;

  if (!no_arguments (args, "db backup"))
    return HEP_CLI_EXIT_USAGE;
  /* opened as the app opens it: checked, and never a damaged file */
  store = hep_case_store_open (path, "", NULL, HEP_CASE_STORE_OPEN_DEFAULT, now_seconds (), &error);
  if (store == NULL)
    return hep_cli_fail ("db backup", HEP_CLI_EXIT_FAILURE, "%s", error->message);
  g_clear_object (&store);
  db = hep_db_open (path, HEP_DB_OPEN_READ_ONLY, &error);
  if (db != NULL)
    made = hep_db_backup_create (db, dir, now_seconds (), "manual", &error);
  if (made == NULL)
    return hep_cli_fail ("db backup", HEP_CLI_EXIT_FAILURE, "%s", error->message);
  if (args->json)
    {
      g_autoptr(JsonBuilder) json = json_builder_new ();

      json_builder_begin_object (json);
      hep_cli_json_member_string (json, "file", made);
      json_builder_end_object (json);
      hep_cli_print_json (json);
    }
  else
    printf ("Backed up %s to %s\n", path, made);
  return HEP_CLI_EXIT_OK;
}

static int
db_backups (HepCliArgs *args)
{
  g_autofree char *dir = backup_dir (args);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;

  if (!no_arguments (args, "db backups"))
    return HEP_CLI_EXIT_USAGE;
  list = hep_db_backup_list (dir, &error);
  if (list == NULL)
    return hep_cli_fail ("db backups", HEP_CLI_EXIT_FAILURE, "%s", error->message);

  if (args->json)
    {
      g_autoptr(JsonBuilder) json = json_builder_new ();

      json_builder_begin_array (json);
      for (guint i = 0; i < list->len; i++)
        {
          HepDbBackup *backup = list->pdata[i];
          g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (backup->time);
          g_autofree char *when = g_date_time_format_iso8601 (time);

          json_builder_begin_object (json);
          hep_cli_json_member_string (json, "file", backup->path);
          hep_cli_json_member_string (json, "time", when);
          hep_cli_json_member_string (json, "reason", backup->reason);
          hep_cli_json_member_int (json, "size", backup->size);
          json_builder_end_object (json);
        }
      json_builder_end_array (json);
      hep_cli_print_json (json);
      return HEP_CLI_EXIT_OK;
    }
  for (guint i = 0; i < list->len; i++)
    {
      HepDbBackup *backup = list->pdata[i];
      g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (backup->time);
      g_autofree char *when = g_date_time_format (time, "%Y-%m-%d %H:%M:%S");

      printf ("%s UTC  %-9s %8" G_GINT64_FORMAT " KiB  %s\n", when, backup->reason, (backup->size + 1023) / 1024,
              backup->path);
    }
  printf ("%u backup%s in %s\n", list->len, list->len == 1 ? "" : "s", dir);
  return HEP_CLI_EXIT_OK;
}

static int
db_restore (HepCliArgs *args)
{
  g_autofree char *path = db_path (args);
  g_autofree char *dir = backup_dir (args);
  g_autofree char *saved = NULL;
  g_autoptr(GError) error = NULL;
  const char *file;

  if (args->args->len != 2)
    return hep_cli_fail ("db restore", HEP_CLI_EXIT_USAGE, "expected one backup FILE (see “hepatica-cli db backups”)");
  file = args->args->pdata[1];
  if (!g_file_test (file, G_FILE_TEST_IS_REGULAR))
    return hep_cli_fail ("db restore", HEP_CLI_EXIT_FAILURE, "“%s” is not a file", file);
  if (!hep_db_backup_restore (path, file, dir, now_seconds (), &saved, &error))
    return hep_cli_fail ("db restore", HEP_CLI_EXIT_FAILURE, "%s", error->message);
  if (args->json)
    {
      g_autoptr(JsonBuilder) json = json_builder_new ();

      json_builder_begin_object (json);
      hep_cli_json_member_string (json, "file", path);
      hep_cli_json_member_string (json, "restored_from", file);
      hep_cli_json_member_string (json, "previous_saved_as", saved);
      json_builder_end_object (json);
      hep_cli_print_json (json);
    }
  else
    printf ("Restored %s from %s; the previous content is kept as %s\n", path, file, saved);
  return HEP_CLI_EXIT_OK;
}

int
hep_cli_db (int    argc,
            char **argv)
{
  g_auto(HepCliArgs) args = { 0, };
  g_autoptr(GError) error = NULL;
  const char *command;

  if (!hep_cli_args_parse (&args, argc, argv, known_options, &error))
    return hep_cli_fail ("db", HEP_CLI_EXIT_USAGE, "%s; see “hepatica-cli db --help”", error->message);
  if (args.help)
    {
      fputs (db_usage, stdout);
      return HEP_CLI_EXIT_OK;
    }
  if (args.args->len == 0)
    return hep_cli_fail ("db", HEP_CLI_EXIT_USAGE,
                         "expected a command: check, repair, backup, backups or restore; see “hepatica-cli db --help”");

  command = args.args->pdata[0];
  if (g_str_equal (command, "check"))
    return db_check (&args);
  if (g_str_equal (command, "repair"))
    return db_repair (&args);
  if (g_str_equal (command, "backup"))
    return db_backup (&args);
  if (g_str_equal (command, "backups"))
    return db_backups (&args);
  if (g_str_equal (command, "restore"))
    return db_restore (&args);
  return hep_cli_fail ("db", HEP_CLI_EXIT_USAGE,
                       "unknown command “%s”; accepted: check, repair, backup, backups, restore", command);
}
