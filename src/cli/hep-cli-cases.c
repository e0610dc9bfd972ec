/* hep-cli-cases.c: `hepatica-cli cases list|search|show|check|export|import`
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "hep-cli.h"

#include <stdio.h>
#include <string.h>

static const char cases_usage[] =
  "Usage: hepatica-cli cases COMMAND [OPTIONS] [ARGS]\n"
  "\n"
  "The case library: the bundled cases and your own.\n"
  "\n"
  "Commands:\n"
  "  list [--diagnosis=ID] [--tag=TAG] [--difficulty=1-5] [--lirads=CAT] [--origin=user|bundled]\n"
  "       [--unknown]       cases in title order\n"
  "  search [--limit=N] [--unknown] WORDS...\n"
  "                         full-text search, best match first (the last word may be a prefix)\n"
  "  show [--unknown] ID    one case card\n"
  "  check FILE.case...     what a case author should fix: text that gives the answer away,\n"
  "                         or disagrees with the feature tokens\n"
  "\n"
  "--unknown is unknown-case mode: it hides every field that gives the answer away, and\n"
  "search and filters see only what it shows (the diagnosis, tag and LI-RADS filters are\n"
  "ignored).\n"
  "  export --output=FILE [ID...]\n"
  "                         writes a case pack; without IDs, all of your own cases\n"
  "  import FILE            reads a case pack, all or nothing; a pack written by\n"
  "                         \"hepatica-cli deck export\" also brings its deck\n"
  "\n"
  "Options of every command:\n"
  "  --json                 print JSON instead of text\n"
  "  --db=PATH              the user database (default: $XDG_DATA_HOME/hepatica/user.db)\n"
  "  --library=PATH         the bundled library (default: $HEPATICA_LIBRARY or the installed one)\n"
  "\n"
  "Import rule for ids: a case whose id is free is added under it; a case identical to the\n"
  "existing case with its id is skipped; any other clash is imported as ID-imported (or\n"
  "ID-imported-2, …) and reported. A pack with any invalid case imports nothing. A pack's\n"
  "deck refers to its cases by the ids they get; a deck whose name is taken is added as\n"
  "\"NAME (2)\" (or 3, …), and an identical deck already there is left as it is.\n"
  "\n"
  "Your database is checked before anything is written to it: a damaged one is refused (see\n"
  "\"hepatica-cli db --help\" for repair and backups), and with a read-only data folder the\n"
  "commands that only read still work.\n"
  "\n"
  "Exit status: 0 on success, 1 when the command fails, 2 on bad arguments.\n"
  HEP_CLI_EDUCATION_NOTE "\n";

static const char * const known_options[] = {
  "db=", "library=", "diagnosis=", "tag=", "difficulty=", "lirads=", "origin=", "limit=",
  "output=", "unknown", NULL,
};

static HepCaseStore *
open_store (const char  *command,
            HepCliArgs  *args,
            gboolean     writes)
{
  return hep_cli_open_store (command, args, writes);
}

static const char *
sex_word (HepSex sex)
{
  return sex == HEP_SEX_F ? "f" : sex == HEP_SEX_M ? "m" : NULL;
}

static void
json_strv (JsonBuilder        *json,
           const char         *key,
           const char * const *list)
{
  json_builder_set_member_name (json, key);
  json_builder_begin_array (json);
  for (guint i = 0; list && list[i]; i++)
    hep_cli_json_string (json, list[i]);
  json_builder_end_array (json);
}

static void
json_lirads (JsonBuilder *json,
             HepCase     *c)
{
  json_builder_set_member_name (json, "lirads");
  if (hep_case_get_lirads (c) == HEP_LIRADS_NA)
    json_builder_add_null_value (json);
  else
    hep_cli_json_string (json, hep_lirads_category_to_string (hep_case_get_lirads (c)));
}

static void
json_case_summary (JsonBuilder *json,
                   HepCase     *c)
{
  g_autofree char *features = hep_case_dup_features_string (c);

  hep_cli_json_member_string (json, "id", hep_case_get_id (c));
  hep_cli_json_member_string (json, "title", hep_case_get_title (c));
  hep_cli_json_member_string (json, "diagnosis", hep_case_get_diagnosis (c));
  json_lirads (json, c);
  json_strv (json, "tags", hep_case_get_tags (c));
  hep_cli_json_member_string (json, "features", features);
  hep_cli_json_member_int (json, "difficulty", hep_case_get_difficulty (c));
  hep_cli_json_member_int (json, "age", hep_case_get_age (c));
  hep_cli_json_member_string (json, "sex", sex_word (hep_case_get_sex (c)));
  hep_cli_json_member_int (json, "size_mm", hep_case_get_size (c));
  hep_cli_json_member_string (json, "found_on", hep_case_get_found_on (c));
  hep_cli_json_member_string (json, "origin", hep_case_get_origin (c) == HEP_CASE_ORIGIN_BUNDLED ? "bundled" : "user");
}

/* The title unknown-case mode shows: the case's own, unless hidden. */
static char *
unknown_title (HepCase *c)
{
  HepSex sex = hep_case_get_sex (c);

  if (!hep_case_is_spoiler (c, "title"))
    return g_strdup (hep_case_get_title (c));
  return g_strdup_printf ("Unknown case: %d-year-old %s, %d mm", hep_case_get_age (c),
                          sex == HEP_SEX_F ? "woman" : sex == HEP_SEX_M ? "man" : "patient",
                          hep_case_get_size (c));
}

/* A case summary with nothing that gives the answer away. */
static void
json_case_unknown_summary (JsonBuilder *json,
                           HepCase     *c)
{
  g_autofree char *title = unknown_title (c);

  hep_cli_json_member_string (json, "id", hep_case_get_id (c));
  hep_cli_json_member_string (json, "title", title);
  hep_cli_json_member_int (json, "difficulty", hep_case_get_difficulty (c));
  hep_cli_json_member_string (json, "found_on", hep_case_get_found_on (c));
  hep_cli_json_member_string (json, "origin", hep_case_get_origin (c) == HEP_CASE_ORIGIN_BUNDLED ? "bundled" : "user");
}

/* ---- list ------------------------------------------------------------------ */

static int
cases_list (HepCliArgs *args)
{
  g_autoptr(HepCaseStore) store = NULL;
  g_autoptr(GError) error = NULL;
  HepCaseFilter filter = HEP_CASE_FILTER_INIT;
  const char *value;
  guint n;

  if (args->args->len != 1)
    return hep_cli_fail ("cases list", HEP_CLI_EXIT_USAGE, "takes no arguments, got “%s”",
                         (char *) args->args->pdata[1]);

  filter.diagnosis = hep_cli_args_get (args, "diagnosis");
  if (filter.diagnosis && !hep_case_diagnosis_is_known (filter.diagnosis))
    {
      g_autofree char *accepted = g_strjoinv (", ", (char **) hep_case_get_diagnosis_ids ());
      return hep_cli_fail ("cases list", HEP_CLI_EXIT_USAGE, "bad --diagnosis “%s”; accepted: %s",
                           filter.diagnosis, accepted);
    }
  filter.tag = hep_cli_args_get (args, "tag");
  value = hep_cli_args_get (args, "difficulty");
  if (value)
    {
      guint64 d;

      if (!g_ascii_string_to_unsigned (value, 10, 1, 5, &d, NULL))
        return hep_cli_fail ("cases list", HEP_CLI_EXIT_USAGE, "bad --difficulty “%s”; accepted: 1–5", value);
      filter.difficulty = (int) d;
    }
  value = hep_cli_args_get (args, "lirads");
  if (value)
    {
      HepLiradsCategory category;

      if (!hep_lirads_category_from_string (value, &category))
        return hep_cli_fail ("cases list", HEP_CLI_EXIT_USAGE,
                             "bad --lirads “%s”; accepted: LR-1…LR-5, LR-M, LR-TIV, LR-NC, NA", value);
      filter.lirads = category;
    }
  value = hep_cli_args_get (args, "origin");
  if (value)
    {
      if (g_str_equal (value, "user"))
        filter.origin = HEP_CASE_ORIGIN_USER;
      else if (g_str_equal (value, "bundled"))
        filter.origin = HEP_CASE_ORIGIN_BUNDLED;
      else
        return hep_cli_fail ("cases list", HEP_CLI_EXIT_USAGE, "bad --origin “%s”; accepted: user, bundled", value);
    }

  filter.unknown = hep_cli_args_get (args, "unknown") != NULL;

  store = open_store ("cases list", args, FALSE);
  if (store == NULL)
    return HEP_CLI_EXIT_FAILURE;
  if (!hep_case_store_set_filter (store, &filter, &error))
    return hep_cli_fail ("cases list", HEP_CLI_EXIT_FAILURE, "%s", error->message);

  n = g_list_model_get_n_items (G_LIST_MODEL (store));
  if (args->json)
    {
      g_autoptr(JsonBuilder) json = json_builder_new ();

      json_builder_begin_array (json);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(HepCase) c = g_list_model_get_item (G_LIST_MODEL (store), i);

          json_builder_begin_object (json);
          if (filter.unknown)
            json_case_unknown_summary (json, c);
          else
            json_case_summary (json, c);
          hep_cli_json_member_string (json, "note", HEP_CLI_EDUCATION_NOTE);
          json_builder_end_object (json);
        }
      json_builder_end_array (json);
      hep_cli_print_json (json);
      return HEP_CLI_EXIT_OK;
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HepCase) c = g_list_model_get_item (G_LIST_MODEL (store), i);

      if (filter.unknown)
        {
          g_autofree char *title = unknown_title (c);
          printf ("%-32s %s\n", hep_case_get_id (c), title);
        }
      else
        printf ("%-32s %-7s %-18s %s\n", hep_case_get_id (c),
                hep_lirads_category_to_string (hep_case_get_lirads (c)),
                hep_case_get_diagnosis (c), hep_case_get_title (c));
    }
  printf ("%u case%s\n%s\n", n, n == 1 ? "" : "s", HEP_CLI_EDUCATION_NOTE);
  return HEP_CLI_EXIT_OK;
}

/* ---- search ------------------------------------------------------------------ */

static int
cases_search (HepCliArgs *args)
{
  g_autoptr(HepCaseStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GString) query = g_string_new (NULL);
  const char *value = hep_cli_args_get (args, "limit");
  gboolean unknown = hep_cli_args_get (args, "unknown") != NULL;
  guint64 limit = 20;

  if (args->args->len < 2)
    return hep_cli_fail ("cases search", HEP_CLI_EXIT_USAGE, "expected WORDS to search for");
  if (value && !g_ascii_string_to_unsigned (value, 10, 1, 1000, &limit, NULL))
    return hep_cli_fail ("cases search", HEP_CLI_EXIT_USAGE, "bad --limit “%s”; accepted: 1–1000", value);
  for (guint i = 1; i < args->args->len; i++)
    {
      if (query->len)
        g_string_append_c (query, ' ');
      g_string_append (query, args->args->pdata[i]);
    }

  store = open_store ("cases search", args, FALSE);
  if (store == NULL)
    return HEP_CLI_EXIT_FAILURE;
  hits = hep_case_store_search_full (store, query->str, (guint) limit, unknown, &error);
  if (hits == NULL)
    return hep_cli_fail ("cases search", HEP_CLI_EXIT_USAGE, "%s", error->message);

  if (args->json)
    {
      g_autoptr(JsonBuilder) json = json_builder_new ();

      json_builder_begin_array (json);
      for (guint i = 0; i < hits->len; i++)
        {
          HepCaseHit *hit = hits->pdata[i];

          json_builder_begin_object (json);
          if (unknown)
            json_case_unknown_summary (json, hit->item);
          else
            json_case_summary (json, hit->item);
          hep_cli_json_member_double (json, "rank", hit->rank);
          hep_cli_json_member_string (json, "snippet", hit->snippet);
          hep_cli_json_member_string (json, "note", HEP_CLI_EDUCATION_NOTE);
          json_builder_end_object (json);
        }
      json_builder_end_array (json);
      hep_cli_print_json (json);
      return HEP_CLI_EXIT_OK;
    }

  for (guint i = 0; i < hits->len; i++)
    {
      HepCaseHit *hit = hits->pdata[i];
      g_autofree char *snippet = g_strdup (hit->snippet ? hit->snippet : "");

      g_autofree char *title = unknown ? unknown_title (hit->item) : g_strdup (hep_case_get_title (hit->item));

      g_strdelimit (snippet, "\n\r\t", ' ');
      printf ("%-32s %s\n    %s\n", hep_case_get_id (hit->item), title, snippet);
    }
  printf ("%u match%s\n%s\n", hits->len, hits->len == 1 ? "" : "es", HEP_CLI_EDUCATION_NOTE);
  return HEP_CLI_EXIT_OK;
}

/* ---- show ---------------------------------------------------------------------- */

static void
print_list (const char         *heading,
            const char * const *list)
{
  if (list == NULL || list[0] == NULL)
    return;
  printf ("%s:\n", heading);
  for (guint i = 0; list[i]; i++)
    printf ("  • %s\n", list[i]);
}

static void
print_card (HepCase  *c,
            gboolean  unknown)
{
  g_autofree char *features = hep_case_dup_features_string (c);
  HepSex sex = hep_case_get_sex (c);
  const char *hidden = "(hidden)";

#define HIDE(field) (unknown && hep_case_is_spoiler (c, field))

  if (HIDE ("title"))
    printf ("Unknown case %s\n", hep_case_get_id (c));
  else
    printf ("%s — %s\n", hep_case_get_id (c), hep_case_get_title (c));
  printf ("Patient: %d-year-old %s. Found on %s. Size %d mm.\n", hep_case_get_age (c),
          sex == HEP_SEX_F ? "woman" : sex == HEP_SEX_M ? "man" : "patient",
          hep_case_modality_get_label (hep_case_get_found_on (c)), hep_case_get_size (c));
  printf ("History: %s\n", hep_case_get_history (c));
  printf ("Presentation: %s\n", hep_case_get_presentation (c));
  printf ("Features: %s\n", unknown ? hidden : features);
  printf ("Findings:\n");
  for (guint p = 0; p < HEP_N_CASE_PHASES; p++)
    {
      g_autofree char *field = g_strconcat ("findings-", hep_case_phase_to_key (p), NULL);
      const char *text = hep_case_get_findings (c, p);

      if (text != NULL)
        printf ("  %s: %s\n", hep_case_phase_get_label (p), HIDE (field) ? hidden : text);
    }
  if (HIDE ("diagnosis"))
    printf ("Diagnosis: %s\n", hidden);
  else
    printf ("Diagnosis: %s (%s)\n", hep_case_diagnosis_get_label (hep_case_get_diagnosis (c)),
            hep_case_get_diagnosis (c));
  printf ("Proof: %s, %s\n", HIDE ("proof") ? hidden : hep_case_proof_get_label (hep_case_get_proof (c)),
          HIDE ("certainty") ? hidden : hep_case_get_certainty (c));
  if (hep_case_get_outcome (c) != NULL)
    printf ("Outcome: %s\n", HIDE ("outcome") ? hidden : hep_case_get_outcome (c));
  printf ("LI-RADS: %s\n", HIDE ("lirads") ? hidden : hep_lirads_category_to_string (hep_case_get_lirads (c)));
  printf ("Difficulty: %d/5\n", hep_case_get_difficulty (c));
  if (!HIDE ("tags"))
    {
      g_autofree char *tags = g_strjoinv (", ", (char **) hep_case_get_tags (c));
      printf ("Tags: %s\n", tags);
    }
  if (!HIDE ("teaching-points"))
    print_list ("Teaching points", hep_case_get_teaching_points (c));
  if (!HIDE ("pitfalls"))
    print_list ("Pitfalls", hep_case_get_pitfalls (c));
  if (!HIDE ("references"))
    print_list ("References", hep_case_get_references (c));
  for (guint i = 0; i < hep_case_get_n_images (c); i++)
    {
      const HepCaseImage *image = hep_case_get_image (c, i);

      printf ("Image %u: %s [%s%s%s]\n", i + 1,
              unknown && hep_case_hides_image_caption (c, i) ? hidden : image->caption,
              image->modality ? image->modality : "",
              image->modality && image->phase ? ", " : "", image->phase ? image->phase : "");
    }
  printf ("Author: %s. Licence: %s. %s case.\n", hep_case_get_author (c), hep_case_get_license (c),
          hep_case_get_origin (c) == HEP_CASE_ORIGIN_BUNDLED ? "Bundled" : "Your");
  printf ("%s\n", HEP_CLI_EDUCATION_NOTE);
#undef HIDE
}

/* With @unknown, only what unknown-case mode shows; otherwise everything,
 * with what the mode would hide ("hidden") and the names that would give
 * the diagnosis away ("diagnosis_names"), for tools that check a view. */
static void
print_card_json (HepCase  *c,
                 gboolean  unknown)
{
  g_autoptr(JsonBuilder) json = json_builder_new ();
  guint hidden = hep_case_get_hidden_fields (c);

  json_builder_begin_object (json);
  if (unknown)
    json_case_unknown_summary (json, c);
  else
    json_case_summary (json, c);
  hep_cli_json_member_string (json, "history", hep_case_get_history (c));
  hep_cli_json_member_string (json, "presentation", hep_case_get_presentation (c));
  json_builder_set_member_name (json, "findings");
  json_builder_begin_object (json);
  for (guint p = 0; p < HEP_N_CASE_PHASES; p++)
    if (hep_case_get_findings (c, p) != NULL)
      hep_cli_json_member_string (json, hep_case_phase_to_key (p),
                                  unknown && (hidden & HEP_CASE_SPOILER_FINDINGS (p)) ? NULL
                                                                                      : hep_case_get_findings (c, p));
  json_builder_end_object (json);
  if (!unknown)
    {
      hep_cli_json_member_string (json, "proof", hep_case_get_proof (c));
      hep_cli_json_member_string (json, "certainty", hep_case_get_certainty (c));
      hep_cli_json_member_string (json, "outcome", hep_case_get_outcome (c));
      json_strv (json, "teaching_points", hep_case_get_teaching_points (c));
      json_strv (json, "pitfalls", hep_case_get_pitfalls (c));
      json_strv (json, "references", hep_case_get_references (c));
      json_builder_set_member_name (json, "spoilers");
      json_builder_begin_array (json);
      for (guint bit = 0; (1u << bit) <= HEP_CASE_SPOILER_ALL; bit++)
        if (hep_case_get_spoilers (c) & (1u << bit))
          hep_cli_json_string (json, hep_case_spoiler_to_string (1u << bit));
      json_builder_end_array (json);
      json_strv (json, "diagnosis_names", hep_diagnosis_get_names (hep_case_get_diagnosis (c)));
    }
  json_builder_set_member_name (json, "hidden");
  json_builder_begin_array (json);
  for (guint bit = 0; (1u << bit) <= HEP_CASE_SPOILER_ALL; bit++)
    if (hidden & (1u << bit))
      hep_cli_json_string (json, hep_case_spoiler_to_string (1u << bit));
  json_builder_end_array (json);
  json_builder_set_member_name (json, "images");
  json_builder_begin_array (json);
  for (guint i = 0; i < hep_case_get_n_images (c); i++)
    {
      const HepCaseImage *image = hep_case_get_image (c, i);

      json_builder_begin_object (json);
      hep_cli_json_member_string (json, "caption",
                                  unknown && hep_case_hides_image_caption (c, i) ? NULL : image->caption);
      hep_cli_json_member_string (json, "phase", image->phase);
      hep_cli_json_member_string (json, "modality", image->modality);
      if (!unknown)
        hep_cli_json_member_string (json, "file", image->file);
      json_builder_end_object (json);
    }
  json_builder_end_array (json);
  if (!unknown)
    {
      hep_cli_json_member_string (json, "language", hep_case_get_language (c));
      hep_cli_json_member_string (json, "author", hep_case_get_author (c));
      hep_cli_json_member_string (json, "license", hep_case_get_license (c));
      hep_cli_json_member_string (json, "derived_from", hep_case_get_derived_from (c));
    }
  hep_cli_json_member_boolean (json, "unknown_mode", unknown);
  hep_cli_json_member_string (json, "note", HEP_CLI_EDUCATION_NOTE);
  json_builder_end_object (json);
  hep_cli_print_json (json);
}

static int
cases_show (HepCliArgs *args)
{
  g_autoptr(HepCaseStore) store = NULL;
  g_autoptr(HepCase) c = NULL;
  g_autoptr(GError) error = NULL;
  gboolean unknown = hep_cli_args_get (args, "unknown") != NULL;

  if (args->args->len != 2)
    return hep_cli_fail ("cases show", HEP_CLI_EXIT_USAGE, "expected one case ID");
  store = open_store ("cases show", args, FALSE);
  if (store == NULL)
    return HEP_CLI_EXIT_FAILURE;
  c = hep_case_store_get_case (store, args->args->pdata[1], &error);
  if (c == NULL)
    return hep_cli_fail ("cases show", HEP_CLI_EXIT_FAILURE, "%s", error->message);
  if (args->json)
    print_card_json (c, unknown);
  else
    print_card (c, unknown);
  return HEP_CLI_EXIT_OK;
}

/* ---- export / import -------------------------------------------------------------- */

static int
cases_export (HepCliArgs *args)
{
  g_autoptr(HepCaseStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) cases = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *created = g_date_time_format_iso8601 (now);
  g_autofree char *generator = g_strdup_printf ("hepatica-cli %s", PACKAGE_VERSION);
  const char *output = hep_cli_args_get (args, "output");

  if (output == NULL || *output == '\0')
    return hep_cli_fail ("cases export", HEP_CLI_EXIT_USAGE, "--output=FILE is required");
  store = open_store ("cases export", args, FALSE);
  if (store == NULL)
    return HEP_CLI_EXIT_FAILURE;

  if (args->args->len > 1)
    {
      for (guint i = 1; i < args->args->len; i++)
        {
          HepCase *c = hep_case_store_get_case (store, args->args->pdata[i], &error);

          if (c == NULL)
            return hep_cli_fail ("cases export", HEP_CLI_EXIT_FAILURE, "%s", error->message);
          g_ptr_array_add (cases, c);
        }
    }
  else
    {
      HepCaseFilter filter = HEP_CASE_FILTER_INIT;

      filter.origin = HEP_CASE_ORIGIN_USER;
      if (!hep_case_store_set_filter (store, &filter, &error))
        return hep_cli_fail ("cases export", HEP_CLI_EXIT_FAILURE, "%s", error->message);
      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (store)); i++)
        g_ptr_array_add (cases, g_list_model_get_item (G_LIST_MODEL (store), i));
      if (cases->len == 0)
        return hep_cli_fail ("cases export", HEP_CLI_EXIT_FAILURE,
                             "you have no cases of your own to export; name the cases to export");
    }

  if (!hep_case_pack_save_file (cases, output, generator, created, &error))
    return hep_cli_fail ("cases export", HEP_CLI_EXIT_FAILURE, "%s", error->message);

  if (args->json)
    {
      g_autoptr(JsonBuilder) json = json_builder_new ();

      json_builder_begin_object (json);
      hep_cli_json_member_string (json, "file", output);
      hep_cli_json_member_int (json, "count", cases->len);
      json_builder_set_member_name (json, "ids");
      json_builder_begin_array (json);
      for (guint i = 0; i < cases->len; i++)
        hep_cli_json_string (json, hep_case_get_id (cases->pdata[i]));
      json_builder_end_array (json);
      json_builder_end_object (json);
      hep_cli_print_json (json);
    }
  else
    printf ("Exported %u case%s to %s\n", cases->len, cases->len == 1 ? "" : "s", output);
  return HEP_CLI_EXIT_OK;
}

static const char *
action_name (HepCaseImportAction action)
{
  switch (action)
    {
    case HEP_CASE_IMPORT_ADDED: return "added";
    case HEP_CASE_IMPORT_RENAMED: return "renamed";
    case HEP_CASE_IMPORT_UNCHANGED: return "unchanged";
    default: return "?";
    }
}

static void
json_deck_result (JsonBuilder               *json,
                  const HepDeckImportResult *deck)
{
  json_builder_set_member_name (json, "deck");
  if (deck == NULL)
    {
      json_builder_add_null_value (json);
      return;
    }
  json_builder_begin_object (json);
  hep_cli_json_member_string (json, "name", deck->name);
  hep_cli_json_member_string (json, "id", deck->deck->id);
  hep_cli_json_member_string (json, "new_name", deck->deck->name);
  hep_cli_json_member_string (json, "action", action_name (deck->action));
  hep_cli_json_member_strv (json, "cases", (const char * const *) deck->deck->case_ids);
  json_builder_end_object (json);
}

static void
print_deck_result (const HepDeckImportResult *deck)
{
  guint n = hep_deck_get_n_cases (deck->deck);

  switch (deck->action)
    {
    case HEP_CASE_IMPORT_ADDED:
      printf ("added     deck %s (“%s”, %u case%s)\n", deck->deck->id, deck->deck->name, n, n == 1 ? "" : "s");
      break;
    case HEP_CASE_IMPORT_RENAMED:
      printf ("renamed   deck “%s” -> “%s”, %s (the name was taken; %u case%s)\n", deck->name, deck->deck->name,
              deck->deck->id, n, n == 1 ? "" : "s");
      break;
    case HEP_CASE_IMPORT_UNCHANGED:
    default:
      printf ("unchanged deck %s (“%s”: the same deck is there already)\n", deck->deck->id, deck->deck->name);
      break;
    }
}

static int
cases_import (HepCliArgs *args)
{
  g_autoptr(HepCaseStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(HepDeckImportResult) deck = NULL;

  if (args->args->len != 2)
    return hep_cli_fail ("cases import", HEP_CLI_EXIT_USAGE, "expected one case pack FILE");
  store = open_store ("cases import", args, TRUE);
  if (store == NULL)
    return HEP_CLI_EXIT_FAILURE;
  results = hep_case_pack_import_file_full (store, args->args->pdata[1], g_get_real_time () / G_USEC_PER_SEC,
                                            &deck, &error);
  if (results == NULL)
    return hep_cli_fail ("cases import", HEP_CLI_EXIT_FAILURE, "%s: %s", (char *) args->args->pdata[1],
                         error->message);

  if (args->json)
    {
      g_autoptr(JsonBuilder) json = json_builder_new ();

      json_builder_begin_object (json);
      hep_cli_json_member_string (json, "file", args->args->pdata[1]);
      json_builder_set_member_name (json, "cases");
      json_builder_begin_array (json);
      for (guint i = 0; i < results->len; i++)
        {
          HepCaseImportResult *r = results->pdata[i];

          json_builder_begin_object (json);
          hep_cli_json_member_string (json, "id", r->id);
          hep_cli_json_member_string (json, "new_id", r->new_id);
          hep_cli_json_member_string (json, "action", action_name (r->action));
          json_builder_end_object (json);
        }
      json_builder_end_array (json);
      json_deck_result (json, deck);
      json_builder_end_object (json);
      hep_cli_print_json (json);
      return HEP_CLI_EXIT_OK;
    }

  {
    guint n[3] = { 0, 0, 0 };

    for (guint i = 0; i < results->len; i++)
      {
        HepCaseImportResult *r = results->pdata[i];

        n[r->action]++;
        if (r->action == HEP_CASE_IMPORT_RENAMED)
          printf ("renamed   %s -> %s (the id was taken)\n", r->id, r->new_id);
        else
          printf ("%-9s %s\n", action_name (r->action), r->id);
      }
    if (deck != NULL)
      print_deck_result (deck);
    printf ("%s: %u added, %u renamed, %u unchanged", (char *) args->args->pdata[1],
            n[HEP_CASE_IMPORT_ADDED], n[HEP_CASE_IMPORT_RENAMED], n[HEP_CASE_IMPORT_UNCHANGED]);
    if (deck != NULL)
      printf ("; deck %s %s", deck->deck->id, action_name (deck->action));
    printf ("\n");
  }
  return HEP_CLI_EXIT_OK;
}

/* ---- check ------------------------------------------------------------------- */

/* The case author's checks of hep_case_check_spoilers() (what gives the
 * answer away) and hep_case_lint() (text that disagrees with the tokens):
 * one line per problem, "FILE: problem"; exit status 1 when there is any. */
static int
cases_check (HepCliArgs *args)
{
  g_autoptr(JsonBuilder) json = NULL;
  guint n_problems = 0;

  if (args->args->len < 2)
    return hep_cli_fail ("cases check", HEP_CLI_EXIT_USAGE, "expected case files to check");
  if (args->json)
    {
      json = json_builder_new ();
      json_builder_begin_array (json);
    }
  for (guint i = 1; i < args->args->len; i++)
    {
      const char *path = args->args->pdata[i];
      g_autoptr(GError) error = NULL;
      g_autoptr(HepCase) c = hep_case_source_load_file (path, &error);
      g_autoptr(GPtrArray) problems = NULL;

      if (c == NULL)
        return hep_cli_fail ("cases check", HEP_CLI_EXIT_FAILURE, "%s", error->message);
      problems = hep_case_check_spoilers (c);
      {
        g_autoptr(GPtrArray) lint = hep_case_lint (c);

        for (guint k = 0; k < lint->len; k++)
          g_ptr_array_add (problems, g_steal_pointer (&lint->pdata[k]));
      }
      n_problems += problems->len;
      if (json != NULL)
        {
          json_builder_begin_object (json);
          hep_cli_json_member_string (json, "file", path);
          hep_cli_json_member_string (json, "id", hep_case_get_id (c));
          json_builder_set_member_name (json, "problems");
          json_builder_begin_array (json);
          for (guint k = 0; k < problems->len; k++)
            hep_cli_json_string (json, problems->pdata[k]);
          json_builder_end_array (json);
          json_builder_end_object (json);
        }
      else
        for (guint k = 0; k < problems->len; k++)
          printf ("%s: %s\n", path, (char *) problems->pdata[k]);
    }
  if (json != NULL)
    {
      json_builder_end_array (json);
      hep_cli_print_json (json);
    }
  return n_problems > 0 ? HEP_CLI_EXIT_FAILURE : HEP_CLI_EXIT_OK;
}

int
hep_cli_cases (int    argc,
               char **argv)
{
  g_auto(HepCliArgs) args = { 0, };
  g_autoptr(GError) error = NULL;
  const char *command;

  if (!hep_cli_args_parse (&args, argc, argv, known_options, &error))
    return hep_cli_fail ("cases", HEP_CLI_EXIT_USAGE, "%s; see “hepatica-cli cases --help”", error->message);
  if (args.help)
    {
      fputs (cases_usage, stdout);
      return HEP_CLI_EXIT_OK;
    }
  if (args.args->len == 0)
    return hep_cli_fail ("cases", HEP_CLI_EXIT_USAGE,
                         "expected a command: list, search, show, check, export or import; see “hepatica-cli cases --help”");

  command = args.args->pdata[0];
  if (g_str_equal (command, "list"))
    return cases_list (&args);
  if (g_str_equal (command, "search"))
    return cases_search (&args);
  if (g_str_equal (command, "show"))
    return cases_show (&args);
  if (g_str_equal (command, "check"))
    return cases_check (&args);
  if (g_str_equal (command, "export"))
    return cases_export (&args);
  if (g_str_equal (command, "import"))
    return cases_import (&args);
  return hep_cli_fail ("cases", HEP_CLI_EXIT_USAGE,
                       "unknown command “%s”; accepted: list, search, show, check, export, import", command);
}
