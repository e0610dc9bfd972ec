/* hep-cli-ddx.c: `hepatica-cli ddx` and `next-imaging`
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "hep-cli.h"

#include <stdio.h>

static const char ddx_usage[] =
  "Usage: hepatica-cli ddx [--json] TOKEN...\n"
  "       hepatica-cli ddx --rules [--json]\n"
  "\n"
  "Ranks twelve diagnoses (hcc, met-hypervascular, met-hypovascular, hemangioma,\n"
  "fnh, adenoma, cyst, biliary-hamartoma, abscess, icc, focal-fat, thad) for an\n"
  "observation described by feature tokens (\"hepatica-cli tokens\" lists them).\n"
  "The first line of the output is the id of the top diagnosis.\n"
  "\n"
  "Ranking (clinical-rules §5.4): hard rules first, in this order (LI-RADS LR-5\n"
  "and LR-TIV; gas with fever or rim APHE; LR-4 without LR-M features; LR-M;\n"
  "the cyst, biliary hamartoma, hemangioma, focal-fat and THAD rules), then the score:\n"
  "the §5.1 imaging matrix and the §5.3a clinical context rows on one scale\n"
  "(++ +2, + +1, 0 0, − −1, −− −2 over the features given; a feature not given\n"
  "counts neither way). Context rows are listed as evidence with a \"context\"\n"
  "label. A line says what separates the first two; pitfalls follow.\n"
  "\n"
  "  --json    print one JSON object instead\n"
  "  --rules   print the matrix rows, the context rows and their tokens\n"
  "            (--markdown: as Markdown tables of rows and tokens)\n"
  "  --help    show this help\n"
  "\n"
  "Example: hepatica-cli ddx risk=cirrhosis size=25 aphe=nonrim washout capsule\n"
  "\n"
  "Exit status: 0 on success, 2 on a bad token or option.\n"
  HEP_CLI_EDUCATION_NOTE "\n";

static const char *
provenance_badge (HepProvenance provenance)
{
  return hep_provenance_is_verified (provenance) ? hep_provenance_to_string (provenance) : "unverified";
}

/* ---- ddx: text ------------------------------------------------------------ */

/* "++", or "+ (++ lowered: lesion < 10 mm with a known malignancy)" */
static char *
evidence_cell (const HepDdxEvidence *e,
               HepDdxDiagnosis       d)
{
  if (e->lowered)
    return g_strdup_printf ("%s (%s lowered: lesion < 10 mm with a known malignancy)",
                            hep_ddx_grade_to_string (e->grade), e->row->cells[d]);
  return g_strdup (e->row->cells[d]);
}

static void
print_rows_text (const HepDdxResult *result,
                 HepDdxDiagnosis     d,
                 int                 sign,
                 gboolean            context,
                 const char         *heading)
{
  HepDdxEvidence ev[HEP_DDX_MAX_EVIDENCE];
  guint n = hep_ddx_collect_evidence (result, d, sign, ev, G_N_ELEMENTS (ev));
  guint shown = 0;
  const HepDdxRow *first = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *tokens = NULL;
      g_autofree char *cell = NULL;

      if (ev[i].context != context)
        continue;
      tokens = hep_ddx_row_get_tokens (ev[i].row);
      cell = evidence_cell (&ev[i], d);
      if (first == NULL)
        first = ev[i].row;
      printf ("%s %s%s [%s] %s", shown > 0 ? ";" : heading, ev[i].row->label,
              context ? " (context)" : "", tokens, cell);
      shown++;
    }
  if (shown > 0 && context)
    printf ("  [%s; %s]\n", hep_ddx_row_get_source (first), provenance_badge (first->provenance));
  else if (shown > 0)
    printf ("  (%s)\n", provenance_badge (first->provenance));
}

static void
print_ddx_text (const HepFeatureSet *features,
                const HepDdxResult  *result)
{
  g_autofree char *tokens = hep_feature_set_to_string (features);
  guint n_figures;
  const HepDdxFigure *figures = hep_ddx_get_figures (&n_figures);

  printf ("%s\n", hep_ddx_diagnosis_to_string (result->ranking[0].diagnosis));
  printf ("Differential diagnosis (clinical-rules §5); matrix grades are an expert synthesis [unverified]\n");
  printf ("Features: %s\n", *tokens ? tokens : "(none)");
  printf ("LI-RADS: %s (%s), %s\n", hep_lirads_category_to_string (result->lirads),
          hep_lirads_category_get_meaning (result->lirads), HEP_LIRADS_VERSION_LABEL);
  if (result->lirads_applicable)
    {
      HepProvenance provenance;
      const char *management = hep_lirads_category_get_management (result->lirads, &provenance);

      printf ("LI-RADS management: %s [%s]\n", management, provenance_badge (provenance));
    }

  {
    g_autofree char *top_two = hep_ddx_describe_top_two (result);

    printf ("First two: %s\n", top_two);
  }

  printf ("\nRanking:\n");
  for (guint i = 0; i < HEP_N_DDX; i++)
    {
      const HepDdxEntry *e = &result->ranking[i];
      HepDdxDiagnosis d = e->diagnosis;

      printf ("  %2u. %-18s %s: score %d (imaging %d, context %d; %d for, %d against)\n", i + 1,
              hep_ddx_diagnosis_to_string (d), hep_ddx_diagnosis_get_label (d),
              e->score, e->score - e->context, e->context, e->n_for, e->n_against);
      if (e->pinned_by >= 0)
        printf ("        hard rule %s: %s [%s; %s]\n",
                hep_ddx_hard_rule_get_id (e->pinned_by), hep_ddx_hard_rule_get_title (e->pinned_by),
                hep_ddx_hard_rule_get_source (e->pinned_by),
                provenance_badge (hep_ddx_hard_rule_get_provenance (e->pinned_by)));
      print_rows_text (result, d, +1, FALSE, "        for:");
      print_rows_text (result, d, -1, FALSE, "        against:");
      print_rows_text (result, d, 0, FALSE, "        neutral:");
      print_rows_text (result, d, +1, TRUE, "        context for:");
      print_rows_text (result, d, -1, TRUE, "        context against:");
      for (guint f = 0; f < n_figures; f++)
        {
          const HepDdxFigure *fig = &figures[f];

          if (fig->diagnosis != d || !(result->figures & (G_GUINT64_CONSTANT (1) << f)))
            continue;
          printf ("        figure: %s; %s: %s%s%s; %s [%s; %s]\n",
                  g_dgettext (GETTEXT_PACKAGE, fig->finding), fig->comparison, fig->numbers,
                  fig->derived ? ", " : "", fig->derived ? fig->derived : "",
                  hep_ddx_figure_kind_get_label (fig->kind), fig->source,
                  provenance_badge (fig->provenance));
        }
    }

  printf ("\nPitfalls:\n");
  if (result->pitfalls == 0)
    printf ("  (none triggered)\n");
  for (guint p = 0; p < HEP_N_DDX_PITFALLS; p++)
    {
      if (!(result->pitfalls & (1u << p)))
        continue;
      printf ("  - %s: %s [%s; %s]\n", hep_ddx_pitfall_get_id (p), hep_ddx_pitfall_get_text (p),
              hep_ddx_pitfall_get_source (p), provenance_badge (hep_ddx_pitfall_get_provenance (p)));
    }
  printf ("\nScoring: %s\n", HEP_DDX_SCORING_NOTE);
  printf ("\n%s\n", HEP_CLI_EDUCATION_NOTE);
}

/* ---- ddx: JSON ------------------------------------------------------------ */

static void
json_evidence (JsonBuilder          *json,
               const HepDdxEvidence *ev,
               guint                 n,
               HepDdxDiagnosis       d)
{
  json_builder_begin_array (json);
  for (guint i = 0; i < n; i++)
    {
      const HepDdxRow *row = ev[i].row;
      g_autofree char *tokens = hep_ddx_row_get_tokens (row);

      json_builder_begin_object (json);
      hep_cli_json_member_string (json, "row", row->id);
      hep_cli_json_member_string (json, "feature", row->concept);
      hep_cli_json_member_string (json, "tokens", tokens);
      hep_cli_json_member_string (json, "grade", hep_ddx_grade_to_string (ev[i].grade));
      hep_cli_json_member_string (json, "cell", row->cells[d]);
      hep_cli_json_member_int (json, "points", hep_ddx_grade_get_points (ev[i].grade));
      hep_cli_json_member_boolean (json, "context", ev[i].context);
      hep_cli_json_member_boolean (json, "lowered", ev[i].lowered);
      hep_cli_json_member_string (json, "source", hep_ddx_row_get_source (row));
      hep_cli_json_member_string (json, "provenance", hep_provenance_to_string (row->provenance));
      hep_cli_json_member_boolean (json, "verified", hep_provenance_is_verified (row->provenance));
      json_builder_end_object (json);
    }
  json_builder_end_array (json);
}

static void
json_rows (JsonBuilder        *json,
           const HepDdxResult *result,
           HepDdxDiagnosis     d,
           int                 sign)
{
  HepDdxEvidence ev[HEP_DDX_MAX_EVIDENCE];
  guint n = hep_ddx_collect_evidence (result, d, sign, ev, G_N_ELEMENTS (ev));

  json_evidence (json, ev, n, d);
}

static void
json_rule (JsonBuilder   *json,
           const char    *id,
           const char    *text_key,
           const char    *text,
           const char    *source,
           HepProvenance  provenance)
{
  json_builder_begin_object (json);
  hep_cli_json_member_string (json, "id", id);
  hep_cli_json_member_string (json, text_key, text);
  hep_cli_json_member_string (json, "source", source);
  hep_cli_json_member_string (json, "provenance", hep_provenance_to_string (provenance));
  hep_cli_json_member_boolean (json, "verified", hep_provenance_is_verified (provenance));
  json_builder_end_object (json);
}

static void
print_ddx_json (const HepFeatureSet *features,
                const HepDdxResult  *result)
{
  g_autoptr(JsonBuilder) json = json_builder_new ();
  g_autofree char *tokens = hep_feature_set_to_string (features);
  guint n_figures;
  const HepDdxFigure *figures = hep_ddx_get_figures (&n_figures);

  json_builder_begin_object (json);
  json_builder_set_member_name (json, "ranking");
  json_builder_begin_array (json);
  for (guint i = 0; i < HEP_N_DDX; i++)
    {
      const HepDdxEntry *e = &result->ranking[i];
      HepDdxDiagnosis d = e->diagnosis;

      json_builder_begin_object (json);
      hep_cli_json_member_string (json, "id", hep_ddx_diagnosis_to_string (d));
      hep_cli_json_member_int (json, "score", e->score);
      json_builder_set_member_name (json, "for");
      json_rows (json, result, d, +1);
      json_builder_set_member_name (json, "against");
      json_rows (json, result, d, -1);
      json_builder_set_member_name (json, "neutral");
      json_rows (json, result, d, 0);
      hep_cli_json_member_string (json, "label", hep_ddx_diagnosis_get_label (d));
      hep_cli_json_member_int (json, "rank", i + 1);
      hep_cli_json_member_int (json, "n_for", e->n_for);
      hep_cli_json_member_int (json, "n_against", e->n_against);
      hep_cli_json_member_int (json, "context", e->context);
      json_builder_set_member_name (json, "pinned_by");
      if (e->pinned_by >= 0)
        json_rule (json, hep_ddx_hard_rule_get_id (e->pinned_by), "title",
                   hep_ddx_hard_rule_get_title (e->pinned_by),
                   hep_ddx_hard_rule_get_source (e->pinned_by),
                   hep_ddx_hard_rule_get_provenance (e->pinned_by));
      else
        json_builder_add_null_value (json);

      json_builder_set_member_name (json, "figures");
      json_builder_begin_array (json);
      for (guint f = 0; f < n_figures; f++)
        {
          const HepDdxFigure *fig = &figures[f];

          if (fig->diagnosis != d || !(result->figures & (G_GUINT64_CONSTANT (1) << f)))
            continue;
          json_builder_begin_object (json);
          hep_cli_json_member_string (json, "id", fig->id);
          hep_cli_json_member_string (json, "finding", g_dgettext (GETTEXT_PACKAGE, fig->finding));
          hep_cli_json_member_string (json, "comparison", fig->comparison);
          hep_cli_json_member_string (json, "numbers", fig->numbers);
          hep_cli_json_member_string (json, "derived", fig->derived);
          hep_cli_json_member_string (json, "kind", fig->kind == HEP_DDX_FIGURE_FREQUENCY ? "frequency"
                                               : fig->kind == HEP_DDX_FIGURE_FREQUENCY_RATIO ? "frequency-ratio"
                                               : fig->kind == HEP_DDX_FIGURE_SENS_SPEC ? "sensitivity-specificity"
                                               : "auc");
          hep_cli_json_member_string (json, "kind_label", hep_ddx_figure_kind_get_label (fig->kind));
          hep_cli_json_member_string (json, "source", fig->source);
          hep_cli_json_member_string (json, "provenance", hep_provenance_to_string (fig->provenance));
          json_builder_end_object (json);
        }
      json_builder_end_array (json);

      json_builder_end_object (json);
    }
  json_builder_end_array (json);

  {
    HepDdxEvidence pro[HEP_DDX_MAX_EVIDENCE], con[HEP_DDX_MAX_EVIDENCE];
    guint n_con = 0;
    guint n_pro = hep_ddx_separate_top_two (result, pro, &n_con, con, G_N_ELEMENTS (pro));
    g_autofree char *text = hep_ddx_describe_top_two (result);

    json_builder_set_member_name (json, "first_two");
    json_builder_begin_object (json);
    hep_cli_json_member_string (json, "first", hep_ddx_diagnosis_to_string (result->ranking[0].diagnosis));
    hep_cli_json_member_string (json, "second", hep_ddx_diagnosis_to_string (result->ranking[1].diagnosis));
    hep_cli_json_member_string (json, "text", text);
    json_builder_set_member_name (json, "for");
    json_evidence (json, pro, n_pro, result->ranking[0].diagnosis);
    json_builder_set_member_name (json, "against");
    json_evidence (json, con, n_con, result->ranking[0].diagnosis);
    json_builder_end_object (json);
  }

  json_builder_set_member_name (json, "contexts");
  json_builder_begin_array (json);
  for (guint c = 0; c < HEP_N_DDX_CONTEXTS; c++)
    if (result->contexts & (1u << c))
      json_builder_add_string_value (json, hep_ddx_get_context_row (c)->id);
  json_builder_end_array (json);
  hep_cli_json_member_boolean (json, "small_lesion", result->small_lesion);

  json_builder_set_member_name (json, "pitfalls");
  json_builder_begin_array (json);
  for (guint p = 0; p < HEP_N_DDX_PITFALLS; p++)
    if (result->pitfalls & (1u << p))
      json_rule (json, hep_ddx_pitfall_get_id (p), "text", hep_ddx_pitfall_get_text (p),
                 hep_ddx_pitfall_get_source (p), hep_ddx_pitfall_get_provenance (p));
  json_builder_end_array (json);

  json_builder_set_member_name (json, "hard_rules");
  json_builder_begin_array (json);
  for (guint r = 0; r < HEP_N_DDX_HARD_RULES; r++)
    if (result->hard_rules & (1u << r))
      json_rule (json, hep_ddx_hard_rule_get_id (r), "title", hep_ddx_hard_rule_get_title (r),
                 hep_ddx_hard_rule_get_source (r), hep_ddx_hard_rule_get_provenance (r));
  json_builder_end_array (json);

  json_builder_set_member_name (json, "lirads");
  json_builder_begin_object (json);
  hep_cli_json_member_string (json, "category", hep_lirads_category_to_string (result->lirads));
  hep_cli_json_member_boolean (json, "applicable", result->lirads_applicable);
  hep_cli_json_member_boolean (json, "targetoid", result->lirads_targetoid);
  hep_cli_json_member_string (json, "system", HEP_LIRADS_VERSION_LABEL);
  hep_cli_json_member_string (json, "meaning", hep_lirads_category_get_meaning (result->lirads));
  if (result->lirads_applicable)
    {
      HepProvenance provenance;
      const char *management = hep_lirads_category_get_management (result->lirads, &provenance);

      hep_cli_json_member_string (json, "management", management);
      hep_cli_json_member_string (json, "management_provenance", hep_provenance_to_string (provenance));
    }
  json_builder_end_object (json);

  hep_cli_json_member_string (json, "features", tokens);
  hep_cli_json_member_string (json, "scoring", HEP_DDX_SCORING_NOTE);
  hep_cli_json_member_string (json, "note", HEP_CLI_EDUCATION_NOTE);
  json_builder_end_object (json);

  hep_cli_print_json (json);
}

/* The matrix rows and their tokens as Markdown rows (README.md shows them;
 * tests/lint/check-readme.sh keeps the two equal). */
static void
print_rules_markdown (void)
{
  guint n_rows;
  const HepDdxRow *rows = hep_ddx_get_rows (&n_rows);

  printf ("| matrix row (clinical-rules §5.1) | tokens |\n|---|---|\n");
  for (guint i = 0; i < n_rows; i++)
    {
      g_autofree char *tokens = hep_ddx_predicate_to_tokens (&rows[i].when);
      printf ("| %s | `%s` |\n", rows[i].concept, tokens);
    }
  printf ("\n| context row (clinical-rules §5.3a) | holds with |\n|---|---|\n");
  for (guint c = 0; c < HEP_N_DDX_CONTEXTS; c++)
    {
      const HepDdxRow *row = hep_ddx_get_context_row (c);
      g_auto(GStrv) parts = g_strsplit (row->tokens, "|", -1);
      g_autofree char *tokens = g_strjoinv ("\\|", parts);

      printf ("| %s | %s |\n", row->label, tokens);
    }
}

static void
print_rules (gboolean as_json)
{
  guint n_rows;
  const HepDdxRow *rows = hep_ddx_get_rows (&n_rows);
  g_autoptr(JsonBuilder) json = NULL;

  if (as_json)
    {
      json = json_builder_new ();
      json_builder_begin_object (json);
      json_builder_set_member_name (json, "rows");
      json_builder_begin_array (json);
    }
  else
    {
      printf ("Matrix rows of clinical-rules §5.1 and their feature tokens [grades unverified]\n%-22s", "row \\ diagnosis");
      for (guint d = 0; d < HEP_N_DDX; d++)
        printf (" %s", hep_ddx_diagnosis_to_string (d));
      printf ("\n");
    }

  for (guint i = 0; i < n_rows; i++)
    {
      g_autofree char *tokens = hep_ddx_predicate_to_tokens (&rows[i].when);

      if (as_json)
        {
          json_builder_begin_object (json);
          hep_cli_json_member_string (json, "id", rows[i].id);
          hep_cli_json_member_string (json, "feature", rows[i].concept);
          hep_cli_json_member_string (json, "tokens", tokens);
          json_builder_set_member_name (json, "cells");
          json_builder_begin_object (json);
          for (guint d = 0; d < HEP_N_DDX; d++)
            hep_cli_json_member_string (json, hep_ddx_diagnosis_to_string (d), rows[i].cells[d]);
          json_builder_end_object (json);
          hep_cli_json_member_string (json, "provenance", hep_provenance_to_string (rows[i].provenance));
          json_builder_end_object (json);
        }
      else
        {
          printf ("%s — %s — tokens: %s\n   ", rows[i].id, rows[i].concept, tokens);
          for (guint d = 0; d < HEP_N_DDX; d++)
            printf (" %s %s;", hep_ddx_diagnosis_to_string (d), rows[i].cells[d]);
          printf ("\n");
        }
    }

  if (as_json)
    {
      json_builder_end_array (json);
      json_builder_set_member_name (json, "context_rows");
      json_builder_begin_array (json);
    }
  else
    printf ("\nContext rows of clinical-rules §5.3a [grades unverified]\n");
  for (guint c = 0; c < HEP_N_DDX_CONTEXTS; c++)
    {
      const HepDdxRow *row = hep_ddx_get_context_row (c);

      if (as_json)
        {
          json_builder_begin_object (json);
          hep_cli_json_member_string (json, "id", row->id);
          hep_cli_json_member_string (json, "context", row->concept);
          hep_cli_json_member_string (json, "tokens", row->tokens);
          json_builder_set_member_name (json, "cells");
          json_builder_begin_object (json);
          for (guint d = 0; d < HEP_N_DDX; d++)
            hep_cli_json_member_string (json, hep_ddx_diagnosis_to_string (d), row->cells[d]);
          json_builder_end_object (json);
          hep_cli_json_member_string (json, "source", row->source);
          hep_cli_json_member_string (json, "provenance", hep_provenance_to_string (row->provenance));
          json_builder_end_object (json);
        }
      else
        {
          printf ("%s — %s — holds with: %s\n   ", row->id, row->concept, row->tokens);
          for (guint d = 0; d < HEP_N_DDX; d++)
            printf (" %s %s;", hep_ddx_diagnosis_to_string (d), row->cells[d]);
          printf ("\n");
        }
    }

  if (as_json)
    {
      json_builder_end_array (json);
      hep_cli_json_member_string (json, "note", HEP_CLI_EDUCATION_NOTE);
      json_builder_end_object (json);
      hep_cli_print_json (json);
    }
  else
    printf ("%s\n", HEP_CLI_EDUCATION_NOTE);
}

int
hep_cli_ddx (int    argc,
             char **argv)
{
  static const char * const known[] = { "rules", "markdown", NULL };
  g_auto(HepCliArgs) args = { 0, };
  g_autoptr(GError) error = NULL;
  HepFeatureSet features;
  HepDdxResult result;

  if (!hep_cli_args_parse (&args, argc, argv, known, &error))
    return hep_cli_fail ("ddx", HEP_CLI_EXIT_USAGE, "%s; see “hepatica-cli ddx --help”", error->message);
  if (args.help)
    {
      fputs (ddx_usage, stdout);
      return HEP_CLI_EXIT_OK;
    }
  if (hep_cli_args_get (&args, "rules") != NULL)
    {
      if (args.args->len > 0)
        return hep_cli_fail ("ddx", HEP_CLI_EXIT_USAGE, "--rules takes no tokens, got “%s”",
                             (char *) args.args->pdata[0]);
      if (hep_cli_args_get (&args, "markdown") != NULL)
        print_rules_markdown ();
      else
        print_rules (args.json);
      return HEP_CLI_EXIT_OK;
    }
  if (!hep_cli_parse_features ("ddx", &args, &features))
    return HEP_CLI_EXIT_USAGE;

  hep_ddx_evaluate (&features, &result);
  if (args.json)
    print_ddx_json (&features, &result);
  else
    print_ddx_text (&features, &result);
  return HEP_CLI_EXIT_OK;
}

/* ---- next-imaging ----------------------------------------------------------- */

static const char next_imaging_usage[] =
  "Usage: hepatica-cli next-imaging [--json] size=N found-on=us|ct|mri context=... [TOKEN...]\n"
  "\n"
  "The ACR Appropriateness Criteria for the initial characterization of a liver\n"
  "lesion (revised 2020): the matching variant and every procedure with its rating,\n"
  "relative radiation level (RRL) and provenance. Ratings that were not seen in any\n"
  "source are listed as unconfirmed, without a rating. The first line of the output\n"
  "is the id of the best-rated procedure (ties in the order of the variant's table),\n"
  "or \"none\" when no rating of the variant was found.\n"
  "\n"
  "Scenario tokens:\n"
  "  size=N                lesion size in mm (10 mm uses the > 1 cm variants)\n"
  "  found-on=us|ct|mri    US; CT without contrast or single-phase; MRI without contrast\n"
  "  context=normal|known-malignancy|chronic-liver-disease\n"
  "                        may be left out when risk=... or known-malignancy is given\n"
  "  us-vis=a|b|c          US LI-RADS visualization score\n"
  "  us-benign             only definitely benign observations on US (US-1)\n"
  "  new-thrombus          new thrombus in a vein on US (US-3)\n"
  "Feature tokens are accepted too; risk, known-malignancy, age, definitely-benign\n"
  "and afp-raised are read. With risk=cirrhosis|hbv|prior-hcc and found-on=us the\n"
  "LI-RADS US surveillance category (US-1/2/3) is added.\n"
  "\n"
  "  --json    print one JSON object instead\n"
  "  --help    show this help\n"
  "\n"
  "Example: hepatica-cli next-imaging size=8 found-on=us context=known-malignancy\n"
  "\n"
  "Exit status: 0 on success, 2 on a bad or missing token or option.\n"
  HEP_CLI_EDUCATION_NOTE "\n";

static void
print_next_text (const HepImagingScenario   *sc,
                 const HepNextImagingResult *r)
{
  const HepImagingVariant *v = r->variant;
  HepProvenance step_prov;
  const char *step;

  printf ("%s\n", r->best >= 0 ? hep_procedure_to_string (r->entries[r->best].procedure) : "none");
  printf ("%s\n", HEP_ACR_AC_LABEL);
  printf ("Verify before use: %s\n", hep_next_imaging_get_verify_note ());
  printf ("Scenario: size=%d mm (%s), found-on=%s, context=%s%s\n", r->size_mm,
          v->larger ? "> 1 cm" : "< 1 cm", hep_found_on_to_string (sc->found_on),
          hep_imaging_context_to_string (sc->context),
          sc->context_derived ? " (derived from the feature tokens)" : "");
  if (r->size_on_boundary)
    printf ("Size boundary: %s\n", hep_next_imaging_get_boundary_note ());
  printf ("Variant %d%s: %s\n", v->number, v->number_inferred ? " (numbering inferred)" : "",
          g_dgettext (GETTEXT_PACKAGE, v->title));
  printf ("Status: %s [%s]\n", g_dgettext (GETTEXT_PACKAGE, v->status), provenance_badge (v->provenance));
  if (r->best < 0)
    printf ("No rating of this variant was found in any source: verify against the ACR document.\n");

  printf ("\nProcedures (in the order of the variant's table):\n");
  for (guint i = 0; i < r->n_entries; i++)
    {
      const HepImagingEntry *e = &r->entries[i];
      HepRrl rrl = hep_procedure_get_rrl (e->procedure);

      printf ("  %-18s %-24s RRL %s (%s)  [%s]  %s\n", hep_procedure_to_string (e->procedure),
              e->rating == HEP_RATING_NONE ? "— (unconfirmed)" : hep_rating_get_label (e->rating),
              hep_rrl_get_symbol (rrl), hep_rrl_get_dose (rrl),
              e->rating == HEP_RATING_NONE ? "unconfirmed" : provenance_badge (e->provenance),
              hep_procedure_get_label (e->procedure));
      if (e->note != NULL)
        printf ("      %s\n", g_dgettext (GETTEXT_PACKAGE, e->note));
    }
  printf ("RRL: adult effective dose bands; values from the 2020 ACR tables (variants 1 and 2), never from the seed article.\n");

  printf ("\nLI-RADS US surveillance: %s — %s\n", hep_us_category_to_string (r->us_category),
          hep_us_category_get_meaning (r->us_category));
  printf ("  %s\n", hep_us_reason_describe (r->us_reason));
  if (r->us_category != HEP_US_LIRADS_NA)
    {
      step = hep_us_category_get_next_step (r->us_category, &step_prov);
      printf ("  Visualization score: %s — %s\n", r->us_vis ? hep_us_vis_to_string (r->us_vis) : "not given",
              hep_us_vis_get_meaning (r->us_vis));
      printf ("  Next step: %s [%s]\n", step, provenance_badge (step_prov));
      if (sc->features.values[HEP_FEATURE_AFP_RAISED])
        printf ("  AFP raised: multiphase CT or MRI may be warranted whatever the US shows [secondary]\n");
    }
  printf ("\n%s\n", HEP_CLI_EDUCATION_NOTE);
}

static void
print_next_json (const HepImagingScenario   *sc,
                 const HepNextImagingResult *r)
{
  g_autoptr(JsonBuilder) json = json_builder_new ();
  const HepImagingVariant *v = r->variant;

  json_builder_begin_object (json);
  hep_cli_json_member_string (json, "best", r->best >= 0 ? hep_procedure_to_string (r->entries[r->best].procedure) : NULL);
  hep_cli_json_member_string (json, "source", HEP_ACR_AC_LABEL);
  hep_cli_json_member_string (json, "verify_note", hep_next_imaging_get_verify_note ());

  json_builder_set_member_name (json, "variant");
  json_builder_begin_object (json);
  hep_cli_json_member_int (json, "number", v->number);
  hep_cli_json_member_boolean (json, "number_inferred", v->number_inferred);
  hep_cli_json_member_string (json, "id", v->id);
  hep_cli_json_member_string (json, "title", g_dgettext (GETTEXT_PACKAGE, v->title));
  hep_cli_json_member_string (json, "status", g_dgettext (GETTEXT_PACKAGE, v->status));
  hep_cli_json_member_string (json, "provenance", hep_provenance_to_string (v->provenance));
  hep_cli_json_member_string (json, "size_band", v->larger ? ">1 cm" : "<1 cm");
  hep_cli_json_member_int (json, "size_mm", r->size_mm);
  hep_cli_json_member_boolean (json, "size_on_boundary", r->size_on_boundary);
  hep_cli_json_member_string (json, "boundary_note", r->size_on_boundary ? hep_next_imaging_get_boundary_note () : NULL);
  hep_cli_json_member_string (json, "found_on", hep_found_on_to_string (sc->found_on));
  hep_cli_json_member_string (json, "context", hep_imaging_context_to_string (sc->context));
  hep_cli_json_member_boolean (json, "context_derived", sc->context_derived);
  json_builder_end_object (json);

  json_builder_set_member_name (json, "procedures");
  json_builder_begin_array (json);
  for (guint i = 0; i < r->n_entries; i++)
    {
      const HepImagingEntry *e = &r->entries[i];
      HepRrl rrl = hep_procedure_get_rrl (e->procedure);

      json_builder_begin_object (json);
      hep_cli_json_member_string (json, "id", hep_procedure_to_string (e->procedure));
      hep_cli_json_member_string (json, "rating", e->rating == HEP_RATING_NONE ? NULL : hep_rating_get_label (e->rating));
      hep_cli_json_member_string (json, "rrl", hep_rrl_to_string (rrl));
      hep_cli_json_member_string (json, "provenance", hep_provenance_to_string (e->provenance));
      hep_cli_json_member_string (json, "label", hep_procedure_get_label (e->procedure));
      hep_cli_json_member_string (json, "rating_id", hep_rating_to_string (e->rating));
      hep_cli_json_member_boolean (json, "verified", hep_provenance_is_verified (e->provenance));
      hep_cli_json_member_string (json, "rrl_symbol", hep_rrl_get_symbol (rrl));
      hep_cli_json_member_string (json, "rrl_dose", hep_rrl_get_dose (rrl));
      hep_cli_json_member_string (json, "rrl_provenance", hep_provenance_to_string (hep_rrl_get_provenance (rrl)));
      hep_cli_json_member_string (json, "note", e->note ? g_dgettext (GETTEXT_PACKAGE, e->note) : NULL);
      json_builder_end_object (json);
    }
  json_builder_end_array (json);

  json_builder_set_member_name (json, "us_lirads");
  json_builder_begin_object (json);
  hep_cli_json_member_boolean (json, "applicable", r->us_category != HEP_US_LIRADS_NA);
  hep_cli_json_member_string (json, "category", hep_us_category_to_string (r->us_category));
  hep_cli_json_member_string (json, "meaning", hep_us_category_get_meaning (r->us_category));
  hep_cli_json_member_string (json, "reason", hep_us_reason_describe (r->us_reason));
  if (r->us_category != HEP_US_LIRADS_NA)
    {
      HepProvenance p;
      const char *step = hep_us_category_get_next_step (r->us_category, &p);

      hep_cli_json_member_string (json, "visualization", hep_us_vis_to_string (r->us_vis));
      hep_cli_json_member_string (json, "visualization_meaning", hep_us_vis_get_meaning (r->us_vis));
      hep_cli_json_member_string (json, "next_step", step);
      hep_cli_json_member_string (json, "next_step_provenance", hep_provenance_to_string (p));
      hep_cli_json_member_boolean (json, "afp_raised", sc->features.values[HEP_FEATURE_AFP_RAISED] != 0);
    }
  json_builder_end_object (json);
  hep_cli_json_member_string (json, "note", HEP_CLI_EDUCATION_NOTE);
  json_builder_end_object (json);

  hep_cli_print_json (json);
}

int
hep_cli_next_imaging (int    argc,
                      char **argv)
{
  g_auto(HepCliArgs) args = { 0, };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) tokens = g_ptr_array_new ();
  HepImagingScenario scenario;
  HepNextImagingResult result;

  if (!hep_cli_args_parse (&args, argc, argv, NULL, &error))
    return hep_cli_fail ("next-imaging", HEP_CLI_EXIT_USAGE, "%s; see “hepatica-cli next-imaging --help”", error->message);
  if (args.help)
    {
      fputs (next_imaging_usage, stdout);
      return HEP_CLI_EXIT_OK;
    }

  for (guint i = 0; i < args.args->len; i++)
    g_ptr_array_add (tokens, args.args->pdata[i]);
  g_ptr_array_add (tokens, NULL);

  hep_imaging_scenario_init (&scenario);
  if (!hep_imaging_scenario_parse_strv (&scenario, (const char * const *) tokens->pdata, &error))
    return hep_cli_fail ("next-imaging", HEP_CLI_EXIT_USAGE, "%s", error->message);

  hep_next_imaging_evaluate (&scenario, &result);
  if (args.json)
    print_next_json (&scenario, &result);
  else
    print_next_text (&scenario, &result);
  return HEP_CLI_EXIT_OK;
}
