/* hep-cli-deck.c: `hepatica-cli deck new|add|remove|move|rename|notes|delete|list|show|export`
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "hep-cli.h"

#include <stdio.h>
#include <string.h>

static const char deck_usage[] =
  "Usage: hepatica-cli deck COMMAND [OPTIONS] [ARGS]\n"
  "\n"
  "Decks: named, ordered lists of cases (bundled or your own) for a teaching\n"
  "conference, kept in your database.\n"
  "\n"
  "Commands:\n"
  "  new [--notes=TEXT] NAME...      a new empty deck; prints its id, made from the name\n"
  "  add [--at=N] DECK CASE...       adds cases at the end, or from position N (1 is first)\n"
  "  remove DECK CASE...             takes cases out of the deck\n"
  "  move --to=N DECK CASE           moves a case to position N\n"
  "  rename DECK NAME...             a new name; the id stays\n"
  "  notes DECK [TEXT...]            sets the deck's notes (none: clears them)\n"
  "  delete DECK                     deletes the deck, not its cases\n"
  "  list                            every deck, by name\n"
  "  show [--unknown] DECK           the deck and its cases in order; --unknown shows each\n"
  "                                  case as unknown-case mode would name it\n"
  "  export --output=FILE DECK       writes the deck (name, notes, order) and its cases as a\n"
  "                                  case pack\n"
  "\n"
  "\"hepatica-cli cases import FILE\" imports such a pack: the cases and the deck, all or\n"
  "nothing. The deck refers to the cases by the ids they get (a case renamed on import, by\n"
  "its new id); a deck whose name is taken is added as \"NAME (2)\" (or 3, …), and an\n"
  "identical deck already there is left as it is.\n"
  "\n"
  "Options of every command:\n"
  "  --json                 print JSON instead of text\n"
  "  --db=PATH              the user database (default: $XDG_DATA_HOME/hepatica/user.db)\n"
  "  --library=PATH         the bundled library (default: $HEPATICA_LIBRARY or the installed one)\n"
  "\n"
  "Example: hepatica-cli deck new HCC mimics && hepatica-cli deck add hcc-mimics fnh-classic-scar\n"
  "\n"
  "Exit status: 0 on success, 1 when the command fails, 2 on bad arguments.\n"
  HEP_CLI_EDUCATION_NOTE "\n";

static const char * const known_options[] = {
  "db=", "library=", "notes=", "at=", "to=", "output=", "unknown", NULL,
};

static gint64
now_seconds (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

/* The words of args[first…] joined by spaces. */
static char *
join_args (HepCliArgs *args,
           guint       first)
{
  g_autoptr(GString) s = g_string_new (NULL);

  for (guint i = first; i < args->args->len; i++)
    {
      if (s->len > 0)
        g_string_append_c (s, ' ');
      g_string_append (s, args->args->pdata[i]);
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static gboolean
parse_position (const char *text,
                int        *position)
{
  guint64 v;

  if (text == NULL || !g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT, &v, NULL))
    return FALSE;
  *position = (int) v - 1;
  return TRUE;
}

static void
json_deck (JsonBuilder   *json,
           const HepDeck *deck)
{
  json_builder_begin_object (json);
  hep_cli_json_member_string (json, "id", deck->id);
  hep_cli_json_member_string (json, "name", deck->name);
  hep_cli_json_member_string (json, "notes", deck->notes);
  hep_cli_json_member_int (json, "created", deck->created);
  hep_cli_json_member_int (json, "modified", deck->modified);
  hep_cli_json_member_strv (json, "cases", (const char * const *) deck->case_ids);
  json_builder_end_object (json);
}

/* Prints @deck_id as it is now: JSON, or its id and name. */
static int
print_deck (HepCaseStore *store,
            const char   *command,
            HepCliArgs   *args,
            const char   *deck_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HepDeck) deck = hep_case_store_get_deck (store, deck_id, &error);

  if (deck == NULL)
    return hep_cli_fail (command, HEP_CLI_EXIT_FAILURE, "%s", error->message);
  if (args->json)
    {
      g_autoptr(JsonBuilder) json = json_builder_new ();

      json_deck (json, deck);
      hep_cli_print_json (json);
    }
  else
    printf ("%s\t%u case%s\t%s\n", deck->id, hep_deck_get_n_cases (deck),
            hep_deck_get_n_cases (deck) == 1 ? "" : "s", deck->name);
  return HEP_CLI_EXIT_OK;
}

static int
deck_new (HepCaseStore *store,
          HepCliArgs   *args)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = join_args (args, 1);
  g_autoptr(HepDeck) deck = NULL;

  if (*name == '\0')
    return hep_cli_fail ("deck new", HEP_CLI_EXIT_USAGE, "give the deck a name");
  deck = hep_case_store_create_deck (store, name, hep_cli_args_get (args, "notes"), now_seconds (), &error);
  if (deck == NULL)
    return hep_cli_fail ("deck new", HEP_CLI_EXIT_FAILURE, "%s", error->message);
  return print_deck (store, "deck new", args, deck->id);
}

static int
deck_add_remove (HepCaseStore *store,
                 HepCliArgs   *args,
                 gboolean      add)
{
  const char *command = add ? "deck add" : "deck remove";
  const char *deck_id;
  int position = -1;

  if (args->args->len < 3)
    return hep_cli_fail (command, HEP_CLI_EXIT_USAGE, "give a deck and one or more cases");
  if (hep_cli_args_get (args, "at") != NULL &&
      (!add || !parse_position (hep_cli_args_get (args, "at"), &position)))
    return hep_cli_fail (command, HEP_CLI_EXIT_USAGE, "bad --at “%s”; accepted: a position from 1 (deck add only)",
                         hep_cli_args_get (args, "at"));
  deck_id = args->args->pdata[1];
  for (guint i = 2; i < args->args->len; i++)
    {
      g_autoptr(GError) error = NULL;
      const char *case_id = args->args->pdata[i];
      gboolean ok;

      if (add)
        ok = hep_case_store_add_to_deck (store, deck_id, case_id, position, now_seconds (), &error);
      else
        ok = hep_case_store_remove_from_deck (store, deck_id, case_id, now_seconds (), &error);
      /* each case is its own transaction: what went before stays */
      if (!ok)
        return hep_cli_fail (command, HEP_CLI_EXIT_FAILURE, "%s", error->message);
      if (position >= 0)
        position++;
    }
  return print_deck (store, command, args, deck_id);
}

static int
deck_move (HepCaseStore *store,
           HepCliArgs   *args)
{
  g_autoptr(GError) error = NULL;
  int position;

  if (args->args->len != 3)
    return hep_cli_fail ("deck move", HEP_CLI_EXIT_USAGE, "give a deck and one case");
  if (!parse_position (hep_cli_args_get (args, "to"), &position))
    return hep_cli_fail ("deck move", HEP_CLI_EXIT_USAGE, "--to=N is required; N is a position from 1");
  if (!hep_case_store_move_in_deck (store, args->args->pdata[1], args->args->pdata[2], position,
                                    now_seconds (), &error))
    return hep_cli_fail ("deck move", HEP_CLI_EXIT_FAILURE, "%s", error->message);
  return print_deck (store, "deck move", args, args->args->pdata[1]);
}

static int
deck_rename_notes (HepCaseStore *store,
                   HepCliArgs   *args,
                   gboolean      rename)
{
  const char *command = rename ? "deck rename" : "deck notes";
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gboolean ok;

  if (args->args->len < (rename ? 3u : 2u))
    return hep_cli_fail (command, HEP_CLI_EXIT_USAGE, rename ? "give a deck and its new name" : "give a deck");
  text = join_args (args, 2);
  if (rename)
    ok = hep_case_store_rename_deck (store, args->args->pdata[1], text, now_seconds (), &error);
  else
    ok = hep_case_store_set_deck_notes (store, args->args->pdata[1], text, now_seconds (), &error);
  if (!ok)
    return hep_cli_fail (command, HEP_CLI_EXIT_FAILURE, "%s", error->message);
  return print_deck (store, command, args, args->args->pdata[1]);
}

static int
deck_delete (HepCaseStore *store,
             HepCliArgs   *args)
{
  g_autoptr(GError) error = NULL;

  if (args->args->len != 2)
    return hep_cli_fail ("deck delete", HEP_CLI_EXIT_USAGE, "give one deck");
  if (!hep_case_store_delete_deck (store, args->args->pdata[1], &error))
    return hep_cli_fail ("deck delete", HEP_CLI_EXIT_FAILURE, "%s", error->message);
  if (!args->json)
    printf ("Deleted the deck %s\n", (const char *) args->args->pdata[1]);
  else
    {
      g_autoptr(JsonBuilder) json = json_builder_new ();

      json_builder_begin_object (json);
      hep_cli_json_member_string (json, "deleted", args->args->pdata[1]);
      json_builder_end_object (json);
      hep_cli_print_json (json);
    }
  return HEP_CLI_EXIT_OK;
}

static int
deck_list (HepCaseStore *store,
           HepCliArgs   *args)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) decks = hep_case_store_list_decks (store, &error);

  if (decks == NULL)
    return hep_cli_fail ("deck list", HEP_CLI_EXIT_FAILURE, "%s", error->message);
  if (args->json)
    {
      g_autoptr(JsonBuilder) json = json_builder_new ();

      json_builder_begin_array (json);
      for (guint i = 0; i < decks->len; i++)
        json_deck (json, decks->pdata[i]);
      json_builder_end_array (json);
      hep_cli_print_json (json);
      return HEP_CLI_EXIT_OK;
    }
  if (decks->len == 0)
    printf ("No decks yet: make one with “hepatica-cli deck new NAME”.\n");
  for (guint i = 0; i < decks->len; i++)
    {
      const HepDeck *deck = decks->pdata[i];

      printf ("%s\t%u case%s\t%s\n", deck->id, hep_deck_get_n_cases (deck),
              hep_deck_get_n_cases (deck) == 1 ? "" : "s", deck->name);
    }
  return HEP_CLI_EXIT_OK;
}

static int
deck_show (HepCaseStore *store,
           HepCliArgs   *args)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HepDeck) deck = NULL;
  g_autoptr(JsonBuilder) json = NULL;
  gboolean unknown = hep_cli_args_get (args, "unknown") != NULL;

  if (args->args->len != 2)
    return hep_cli_fail ("deck show", HEP_CLI_EXIT_USAGE, "give one deck");
  deck = hep_case_store_get_deck (store, args->args->pdata[1], &error);
  if (deck == NULL)
    return hep_cli_fail ("deck show", HEP_CLI_EXIT_FAILURE, "%s", error->message);

  if (args->json)
    {
      json = json_builder_new ();
      json_builder_begin_object (json);
      hep_cli_json_member_string (json, "id", deck->id);
      hep_cli_json_member_string (json, "name", deck->name);
      hep_cli_json_member_string (json, "notes", deck->notes);
      hep_cli_json_member_int (json, "created", deck->created);
      hep_cli_json_member_int (json, "modified", deck->modified);
      json_builder_set_member_name (json, "cases");
      json_builder_begin_array (json);
    }
  else
    {
      printf ("%s (%s)\n", deck->name, deck->id);
      if (deck->notes != NULL)
        printf ("Notes: %s\n", deck->notes);
    }
  for (guint i = 0; deck->case_ids[i] != NULL; i++)
    {
      g_autoptr(GError) case_error = NULL;
      g_autoptr(HepCase) c = hep_case_store_get_case (store, deck->case_ids[i], &case_error);
      g_autofree char *title = NULL;

      if (c != NULL)
        title = unknown ? hep_reveal_dup_public_title (c, i + 1) : g_strdup (hep_case_get_title (c));
      if (args->json)
        {
          json_builder_begin_object (json);
          hep_cli_json_member_int (json, "position", i + 1);
          hep_cli_json_member_string (json, "id", deck->case_ids[i]);
          hep_cli_json_member_boolean (json, "missing", c == NULL);
          hep_cli_json_member_string (json, "title", title);
          json_builder_end_object (json);
        }
      else
        printf ("%3u. %s\t%s\n", i + 1, deck->case_ids[i], c != NULL ? title : "(missing: not in the library)");
    }
  if (args->json)
    {
      json_builder_end_array (json);
      json_builder_end_object (json);
      hep_cli_print_json (json);
    }
  else
    printf ("%s\n", HEP_CLI_EDUCATION_NOTE);
  return HEP_CLI_EXIT_OK;
}

static int
deck_export (HepCaseStore *store,
             HepCliArgs   *args)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HepDeck) deck = NULL;
  g_autoptr(GPtrArray) cases = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *created = g_date_time_format_iso8601 (now);
  g_autofree char *generator = g_strdup_printf ("hepatica-cli %s", PACKAGE_VERSION);
  const char *output = hep_cli_args_get (args, "output");

  if (args->args->len != 2)
    return hep_cli_fail ("deck export", HEP_CLI_EXIT_USAGE, "give one deck");
  if (output == NULL || *output == '\0')
    return hep_cli_fail ("deck export", HEP_CLI_EXIT_USAGE, "--output=FILE is required");
  deck = hep_case_store_get_deck (store, args->args->pdata[1], &error);
  if (deck == NULL)
    return hep_cli_fail ("deck export", HEP_CLI_EXIT_FAILURE, "%s", error->message);
  if (hep_deck_get_n_cases (deck) == 0)
    return hep_cli_fail ("deck export", HEP_CLI_EXIT_FAILURE, "the deck “%s” has no cases", deck->id);
  for (guint i = 0; deck->case_ids[i] != NULL; i++)
    {
      HepCase *c = hep_case_store_get_case (store, deck->case_ids[i], &error);

      if (c == NULL)
        return hep_cli_fail ("deck export", HEP_CLI_EXIT_FAILURE, "%s", error->message);
      g_ptr_array_add (cases, c);
    }
  if (!hep_case_pack_save_file_full (cases, deck, output, generator, created, &error))
    return hep_cli_fail ("deck export", HEP_CLI_EXIT_FAILURE, "%s", error->message);

  if (args->json)
    {
      g_autoptr(JsonBuilder) json = json_builder_new ();

      json_builder_begin_object (json);
      hep_cli_json_member_string (json, "file", output);
      hep_cli_json_member_string (json, "deck", deck->id);
      hep_cli_json_member_string (json, "name", deck->name);
      hep_cli_json_member_int (json, "count", cases->len);
      hep_cli_json_member_strv (json, "ids", (const char * const *) deck->case_ids);
      json_builder_end_object (json);
      hep_cli_print_json (json);
    }
  else
    printf ("Exported the deck %s (“%s”) and its %u case%s to %s\n", deck->id, deck->name, cases->len,
            cases->len == 1 ? "" : "s", output);
  return HEP_CLI_EXIT_OK;
}

int
hep_cli_deck (int    argc,
              char **argv)
{
  g_auto(HepCliArgs) args = { 0, };
  g_autoptr(GError) error = NULL;
  g_autoptr(HepCaseStore) store = NULL;
  const char *sub;

  if (!hep_cli_args_parse (&args, argc, argv, known_options, &error))
    return hep_cli_fail ("deck", HEP_CLI_EXIT_USAGE, "%s; see “hepatica-cli deck --help”", error->message);
  if (args.help)
    {
      fputs (deck_usage, stdout);
      return HEP_CLI_EXIT_OK;
    }
  if (args.args->len == 0)
    return hep_cli_fail ("deck", HEP_CLI_EXIT_USAGE,
                         "expected new, add, remove, move, rename, notes, delete, list, show or export; "
                         "see “hepatica-cli deck --help”");
  sub = args.args->pdata[0];
  if (!g_strv_contains ((const char * const[]) { "new", "add", "remove", "move", "rename", "notes", "delete",
                                                 "list", "show", "export", NULL }, sub))
    return hep_cli_fail ("deck", HEP_CLI_EXIT_USAGE,
                         "unknown command “%s”; expected new, add, remove, move, rename, notes, delete, "
                         "list, show or export", sub);

  /* list, show and export only read */
  store = hep_cli_open_store ("deck", &args,
                              !g_strv_contains ((const char * const[]) { "list", "show", "export", NULL }, sub));
  if (store == NULL)
    return HEP_CLI_EXIT_FAILURE;
  if (g_str_equal (sub, "new"))
    return deck_new (store, &args);
  if (g_str_equal (sub, "add"))
    return deck_add_remove (store, &args, TRUE);
  if (g_str_equal (sub, "remove"))
    return deck_add_remove (store, &args, FALSE);
  if (g_str_equal (sub, "move"))
    return deck_move (store, &args);
  if (g_str_equal (sub, "rename"))
    return deck_rename_notes (store, &args, TRUE);
  if (g_str_equal (sub, "notes"))
    return deck_rename_notes (store, &args, FALSE);
  if (g_str_equal (sub, "delete"))
    return deck_delete (store, &args);
  if (g_str_equal (sub, "list"))
    return deck_list (store, &args);
  if (g_str_equal (sub, "show"))
    return deck_show (store, &args);
  return deck_export (store, &args);
}
