/* hep-cli.h: shared helpers of hepatica-cli subcommands
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

#include "hep-core.h"

G_BEGIN_DECLS

/* Exit statuses shared by every subcommand. */
#define HEP_CLI_EXIT_OK      0
#define HEP_CLI_EXIT_FAILURE 1   /* the command could not do its work */
#define HEP_CLI_EXIT_USAGE   2   /* bad arguments or tokens */

#define HEP_CLI_EDUCATION_NOTE "For education only, not for patient care."

typedef struct {
  gboolean    json;
  gboolean    help;
  GPtrArray  *args;     /* positional arguments and feature tokens, borrowed */
  GHashTable *options;  /* "--name" -> value (or "" for a bare switch), borrowed values */
} HepCliArgs;

/* Splits argv into --json, --help, --name[=value] options and positional
 * arguments. A single-dash word such as "-washout" is positional (a feature
 * removal token). Options not listed in @known (NULL-terminated, without the
 * leading dashes, "name=" for options that take a value) are an error. */
gboolean hep_cli_args_parse  (HepCliArgs          *args,
                              int                  argc,
                              char               **argv,
                              const char * const  *known,
                              GError             **error);
void     hep_cli_args_clear  (HepCliArgs          *args);
const char *hep_cli_args_get (HepCliArgs          *args,
                              const char          *name);

/* Prints "hepatica-cli CMD: MESSAGE" on one line of stderr, control
 * characters escaped (hep_escape_for_message()), and returns @status. */
int      hep_cli_fail        (const char          *command,
                              int                  status,
                              const char          *format,
                              ...) G_GNUC_PRINTF (3, 4);

/* Parses the positional arguments as feature tokens; on error prints one
 * line and returns FALSE. */
gboolean hep_cli_parse_features (const char       *command,
                                 HepCliArgs       *args,
                                 HepFeatureSet    *features);

/* JSON output goes through json-glib's JsonBuilder. These add a string
 * (NULL becomes null; invalid UTF-8 is made valid), a double (non-finite
 * becomes null) or a key and value in one call. */
void     hep_cli_json_string         (JsonBuilder *json,
                                      const char  *value);
void     hep_cli_json_double         (JsonBuilder *json,
                                      double       value);
void     hep_cli_json_member_string  (JsonBuilder *json,
                                      const char  *key,
                                      const char  *value);
void     hep_cli_json_member_int     (JsonBuilder *json,
                                      const char  *key,
                                      gint64       value);
void     hep_cli_json_member_double  (JsonBuilder *json,
                                      const char  *key,
                                      double       value);
void     hep_cli_json_member_boolean (JsonBuilder *json,
                                      const char  *key,
                                      gboolean     value);

/* A member holding an array of strings (NULL-terminated @values; NULL: []). */
void     hep_cli_json_member_strv    (JsonBuilder        *json,
                                      const char         *key,
                                      const char * const *values);

/* The case store of --db and --library, opened as the app opens it:
 * checked, backed up before a migration and once a day; commands that only
 * read (@writes FALSE) also work on a database that cannot be written. On
 * error prints one line and returns NULL; damaged rows are a warning. */
HepCaseStore *hep_cli_open_store     (const char  *command,
                                      HepCliArgs  *args,
                                      gboolean     writes);

/* Prints the builder's document as compact JSON and a newline. */
void     hep_cli_print_json   (JsonBuilder        *json);

int      hep_cli_lirads       (int argc, char **argv);
int      hep_cli_growth       (int argc, char **argv);
int      hep_cli_tokens       (int argc, char **argv);
int      hep_cli_ddx          (int argc, char **argv);
int      hep_cli_next_imaging (int argc, char **argv);
int      hep_cli_diagram      (int argc, char **argv);
int      hep_cli_cases        (int argc, char **argv);
int      hep_cli_srs          (int argc, char **argv);
int      hep_cli_db           (int argc, char **argv);
int      hep_cli_deck         (int argc, char **argv);
int      hep_cli_handout      (int argc, char **argv);
int      hep_cli_quiz         (int argc, char **argv);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (HepCliArgs, hep_cli_args_clear)

G_END_DECLS
