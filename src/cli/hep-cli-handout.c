/* hep-cli-handout.c: `hepatica-cli handout`, PDF handouts and slides
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "hep-cli.h"
#include "hep-handout.h"

#include <stdio.h>
#include <string.h>

static const char handout_usage[] =
  "Usage: hepatica-cli handout [--questions|--answers|--slides] (--deck=ID | --case=ID[,ID...] | ID...)\n"
  "                            [--paper=a4|letter] --output=FILE.pdf\n"
  "\n"
  "Writes a PDF of a deck's cases, or of the cases named, in order:\n"
  "  --questions   one case a page: history, findings and the diagrams up to the\n"
  "                last phase shown before the reveal, and the questions; no answers\n"
  "                (the default)\n"
  "  --answers     the same with the diagnosis, LI-RADS category and path, the\n"
  "                differential, teaching points and pitfalls: an answer key\n"
  "  --slides      one 16:9 page a reveal step, for rooms where the app cannot run\n"
  "What the questions and the slides before the reveal show follows unknown-case\n"
  "mode. --paper sets the page of questions and answers (default a4).\n"
  "\n"
  "Options:\n"
  "  --json                 print JSON instead of text\n"
  "  --db=PATH              the user database (default: $XDG_DATA_HOME/hepatica/user.db)\n"
  "  --library=PATH         the bundled library (default: $HEPATICA_LIBRARY or the installed one)\n"
  "\n"
  "Example: hepatica-cli handout --answers --deck=hcc-mimics --paper=letter --output=key.pdf\n"
  "\n"
  "Exit status: 0 on success, 1 when the command fails, 2 on bad arguments.\n"
  HEP_CLI_EDUCATION_NOTE "\n";

static const char * const known_options[] = {
  "db=", "library=", "deck=", "case=", "paper=", "output=", "questions", "answers", "slides", NULL,
};

int
hep_cli_handout (int    argc,
                 char **argv)
{
  g_auto(HepCliArgs) args = { 0, };
  g_autoptr(GError) error = NULL;
  g_autoptr(HepCaseStore) store = NULL;
  g_autoptr(HepDeck) deck = NULL;
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) cases = g_ptr_array_new_with_free_func (g_object_unref);
  HepHandoutOptions options = { HEP_HANDOUT_QUESTIONS, HEP_PAPER_A4, NULL };
  const char *output, *deck_id, *case_list, *paper;
  guint n_kinds = 0, n_pages = 0;

  if (!hep_cli_args_parse (&args, argc, argv, known_options, &error))
    return hep_cli_fail ("handout", HEP_CLI_EXIT_USAGE, "%s; see “hepatica-cli handout --help”", error->message);
  if (args.help)
    {
      fputs (handout_usage, stdout);
      return HEP_CLI_EXIT_OK;
    }

  for (HepHandoutKind kind = HEP_HANDOUT_QUESTIONS; kind <= HEP_HANDOUT_SLIDES; kind++)
    if (hep_cli_args_get (&args, hep_handout_kind_to_string (kind)) != NULL)
      {
        options.kind = kind;
        n_kinds++;
      }
  if (n_kinds > 1)
    return hep_cli_fail ("handout", HEP_CLI_EXIT_USAGE, "give one of --questions, --answers and --slides");

  paper = hep_cli_args_get (&args, "paper");
  if (paper != NULL && !hep_paper_from_string (paper, &options.paper))
    return hep_cli_fail ("handout", HEP_CLI_EXIT_USAGE, "bad --paper “%s”; accepted: a4, letter", paper);

  output = hep_cli_args_get (&args, "output");
  if (output == NULL || !g_str_has_suffix (output, ".pdf"))
    return hep_cli_fail ("handout", HEP_CLI_EXIT_USAGE, "--output=FILE.pdf is required");

  deck_id = hep_cli_args_get (&args, "deck");
  case_list = hep_cli_args_get (&args, "case");
  if (deck_id != NULL && (case_list != NULL || args.args->len > 0))
    return hep_cli_fail ("handout", HEP_CLI_EXIT_USAGE, "give either --deck or cases, not both");
  if (case_list != NULL)
    {
      g_auto(GStrv) list = g_strsplit (case_list, ",", -1);

      for (guint i = 0; list[i] != NULL; i++)
        if (*g_strstrip (list[i]) != '\0')
          g_ptr_array_add (ids, g_strdup (list[i]));
    }
  for (guint i = 0; i < args.args->len; i++)
    g_ptr_array_add (ids, g_strdup (args.args->pdata[i]));
  if (deck_id == NULL && ids->len == 0)
    return hep_cli_fail ("handout", HEP_CLI_EXIT_USAGE, "give --deck=ID or the cases (--case=ID,...)");

  store = hep_cli_open_store ("handout", &args, FALSE);
  if (store == NULL)
    return HEP_CLI_EXIT_FAILURE;
  if (deck_id != NULL)
    {
      deck = hep_case_store_get_deck (store, deck_id, &error);
      if (deck == NULL)
        return hep_cli_fail ("handout", HEP_CLI_EXIT_FAILURE, "%s", error->message);
      if (hep_deck_get_n_cases (deck) == 0)
        return hep_cli_fail ("handout", HEP_CLI_EXIT_FAILURE, "the deck “%s” has no cases", deck->id);
      for (guint i = 0; deck->case_ids[i] != NULL; i++)
        g_ptr_array_add (ids, g_strdup (deck->case_ids[i]));
      options.title = deck->name;
    }
  for (guint i = 0; i < ids->len; i++)
    {
      HepCase *c = hep_case_store_get_case (store, ids->pdata[i], &error);

      if (c == NULL)
        return hep_cli_fail ("handout", HEP_CLI_EXIT_FAILURE, "%s", error->message);
      g_ptr_array_add (cases, c);
    }

  if (!hep_handout_write_pdf (cases, &options, output, &n_pages, &error))
    return hep_cli_fail ("handout", HEP_CLI_EXIT_FAILURE, "%s", error->message);

  if (args.json)
    {
      g_autoptr(JsonBuilder) json = json_builder_new ();

      json_builder_begin_object (json);
      hep_cli_json_member_string (json, "file", output);
      hep_cli_json_member_string (json, "kind", hep_handout_kind_to_string (options.kind));
      hep_cli_json_member_int (json, "pages", n_pages);
      json_builder_set_member_name (json, "cases");
      json_builder_begin_array (json);
      for (guint i = 0; i < ids->len; i++)
        hep_cli_json_string (json, ids->pdata[i]);
      json_builder_end_array (json);
      json_builder_end_object (json);
      hep_cli_print_json (json);
    }
  else
    printf ("%s: %s, %u case%s, %u page%s\n%s\n", output, hep_handout_kind_to_string (options.kind),
            cases->len, cases->len == 1 ? "" : "s", n_pages, n_pages == 1 ? "" : "s", HEP_CLI_EDUCATION_NOTE);
  return HEP_CLI_EXIT_OK;
}
