/* hepatica-cli.c: command-line front end over the Hepatica core
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "hep-cli.h"

typedef struct {
  const char *name;
  int       (*run) (int argc, char **argv);
  const char *summary;
} Command;

/* One row per subcommand; each lives in its own hep-cli-*.c file. */
static const Command commands[] = {
  { "lirads", hep_cli_lirads, "LI-RADS v2018 CT/MRI category, its path and counterfactuals" },
  { "growth", hep_cli_growth, "threshold or subthreshold growth from two sizes" },
  { "tokens", hep_cli_tokens, "the feature-token vocabulary" },
  { "ddx", hep_cli_ddx, "differential diagnosis: twelve diagnoses ranked, with evidence and pitfalls" },
  { "next-imaging", hep_cli_next_imaging, "next imaging per the ACR Appropriateness Criteria, and US LI-RADS" },
  { "diagram", hep_cli_diagram, "enhancement-curve and per-phase diagrams to SVG, PNG or PDF" },
  { "cases", hep_cli_cases, "the case library: list, search, show, export, import" },
  { "srs", hep_cli_srs, "spaced review: replay one card through the FSRS-6 scheduler" },
  { "db", hep_cli_db, "your database: check, repair, backup, backups, restore" },
  { "deck", hep_cli_deck, "decks of cases for teaching conferences: new, add, list, show, export" },
  { "handout", hep_cli_handout, "PDF handouts of a deck or cases: questions, answer key, slides" },
  { "quiz", hep_cli_quiz, "self-assessment: questions from the cases, the review log, statistics, due reviews" },
};

static void
print_usage (FILE *out)
{
  fprintf (out, "Usage: hepatica-cli COMMAND [--json] [ARGS...]\n\nCommands:\n");
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (out, "  %-14s %s\n", commands[i].name, commands[i].summary);
  fprintf (out, "\n\"hepatica-cli COMMAND --help\" describes one command.\n"
                "Options: --help, --version\n\n%s\n", HEP_CLI_EDUCATION_NOTE);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  if (argc < 2)
    {
      print_usage (stderr);
      return HEP_CLI_EXIT_USAGE;
    }
  if (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h") || g_str_equal (argv[1], "help"))
    {
      print_usage (stdout);
      return HEP_CLI_EXIT_OK;
    }
  if (g_str_equal (argv[1], "--version"))
    {
      printf ("hepatica-cli %s\n", PACKAGE_VERSION);
      return HEP_CLI_EXIT_OK;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (argv[1], commands[i].name))
      return commands[i].run (argc - 1, argv + 1);

  fprintf (stderr, "hepatica-cli: unknown command “%s”; accepted: ", argv[1]);
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (stderr, "%s%s", i ? ", " : "", commands[i].name);
  fprintf (stderr, "\n");
  return HEP_CLI_EXIT_USAGE;
}
