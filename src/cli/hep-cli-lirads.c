/* hep-cli-lirads.c: `hepatica-cli lirads`, `growth` and `tokens`
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "hep-cli.h"

#include <stdio.h>

static const char lirads_usage[] =
  "Usage: hepatica-cli lirads [--json] TOKEN...\n"
  "\n"
  "Applies LI-RADS v2018 CT/MRI to an observation described by feature tokens\n"
  "(\"hepatica-cli tokens\" lists them; they may also come as one quoted string).\n"
  "The first line of the output is the category: LR-1 ... LR-5, LR-M, LR-TIV,\n"
  "LR-NC, or NA when LI-RADS does not apply. The path of rules that decided it\n"
  "and the single changes that would change it follow.\n"
  "\n"
  "  --json    print one JSON object instead\n"
  "  --help    show this help\n"
  "\n"
  "Example: hepatica-cli lirads risk=cirrhosis size=15 aphe=nonrim washout\n"
  "\n"
  "Exit status: 0 on success, 2 on a bad token or option.\n"
  HEP_CLI_EDUCATION_NOTE "\n";

static const char *
step_category (const HepLiradsStep *step)
{
  /* A step that did not decide a category has none to show. */
  if (step->rule == HEP_LIRADS_RULE_POPULATION)
    return step->matched ? NULL : "NA";
  if (!step->matched && step->rule != HEP_LIRADS_RULE_LRM_NONTARGETOID &&
      step->rule < HEP_LIRADS_RULE_AF_NONE)
    return NULL;
  return hep_lirads_category_to_string (step->category);
}

static void
print_text (const HepFeatureSet   *features,
            const HepLiradsResult *result,
            GArray                *cfs)
{
  g_autofree char *tokens = hep_feature_set_to_string (features);
  HepProvenance provenance;
  const char *management = hep_lirads_category_get_management (result->category, &provenance);
  gboolean any;

  printf ("%s\n", hep_lirads_category_to_string (result->category));
  printf ("%s — %s\n", hep_lirads_category_get_meaning (result->category), HEP_LIRADS_VERSION_LABEL);
  printf ("Management: %s [%s]\n", management,
          hep_provenance_is_verified (provenance) ? hep_provenance_get_label (provenance)
                                                  : "unverified");
  printf ("Features: %s\n", *tokens ? tokens : "(none)");
  printf ("%s\n\nPath:\n", HEP_CLI_EDUCATION_NOTE);

  for (guint i = 0; i < result->n_steps; i++)
    {
      const HepLiradsStep *step = &result->steps[i];
      g_autofree char *text = hep_lirads_step_describe (step);

      printf ("  %u. [%s] %s: %s\n", i + 1, step->matched ? "yes" : "no ",
              hep_lirads_rule_get_id (step->rule), text);
      printf ("         source: %s%s\n", hep_lirads_rule_get_source (step->rule),
              hep_provenance_is_verified (hep_lirads_rule_get_provenance (step->rule)) ? "" : " [unverified]");
    }

  printf ("\nOne change away:\n");
  if (cfs->len == 0)
    printf ("  (no single change alters the category)\n");
  for (int pass = 0; pass < 2; pass++)
    {
      any = FALSE;
      for (guint i = 0; i < cfs->len; i++)
        {
          const HepLiradsCounterfactual *cf = &g_array_index (cfs, HepLiradsCounterfactual, i);
          g_autofree char *text = NULL;

          if (hep_lirads_counterfactual_is_imaging (cf) != (pass == 0))
            continue;
          if (!any)
            printf ("  %s\n", pass == 0 ? "Imaging features:" : "Patient and reader judgment:");
          any = TRUE;
          text = hep_lirads_counterfactual_describe (cf);
          printf ("    %s\n", text);
        }
    }
}

static void
print_json (const HepFeatureSet   *features,
            const HepLiradsResult *result,
            GArray                *cfs)
{
  g_autoptr(JsonBuilder) json = json_builder_new ();
  g_autofree char *tokens = hep_feature_set_to_string (features);
  HepProvenance provenance;
  const char *management = hep_lirads_category_get_management (result->category, &provenance);

  json_builder_begin_object (json);
  hep_cli_json_member_string (json, "category", hep_lirads_category_to_string (result->category));
  hep_cli_json_member_boolean (json, "applicable", result->applicable);
  hep_cli_json_member_string (json, "system", HEP_LIRADS_VERSION_LABEL);
  hep_cli_json_member_string (json, "meaning", hep_lirads_category_get_meaning (result->category));
  json_builder_set_member_name (json, "management");
  json_builder_begin_object (json);
  hep_cli_json_member_string (json, "text", management);
  hep_cli_json_member_string (json, "provenance", hep_provenance_to_string (provenance));
  hep_cli_json_member_boolean (json, "verified", hep_provenance_is_verified (provenance));
  json_builder_end_object (json);
  hep_cli_json_member_string (json, "features", tokens);

  json_builder_set_member_name (json, "steps");
  json_builder_begin_array (json);
  for (guint i = 0; i < result->n_steps; i++)
    {
      const HepLiradsStep *step = &result->steps[i];
      g_autofree char *text = hep_lirads_step_describe (step);

      json_builder_begin_object (json);
      hep_cli_json_member_string (json, "rule", hep_lirads_rule_get_id (step->rule));
      hep_cli_json_member_string (json, "title", hep_lirads_rule_get_title (step->rule));
      hep_cli_json_member_boolean (json, "matched", step->matched);
      hep_cli_json_member_string (json, "category", step_category (step));
      hep_cli_json_member_string (json, "explanation", text);
      hep_cli_json_member_string (json, "source", hep_lirads_rule_get_source (step->rule));
      hep_cli_json_member_string (json, "provenance",
                              hep_provenance_to_string (hep_lirads_rule_get_provenance (step->rule)));
      json_builder_end_object (json);
    }
  json_builder_end_array (json);

  json_builder_set_member_name (json, "counterfactuals");
  json_builder_begin_array (json);
  for (guint i = 0; i < cfs->len; i++)
    {
      const HepLiradsCounterfactual *cf = &g_array_index (cfs, HepLiradsCounterfactual, i);
      g_autofree char *change = hep_feature_format_value (cf->feature, cf->value);

      json_builder_begin_object (json);
      hep_cli_json_member_string (json, "change", change);
      hep_cli_json_member_string (json, "feature", hep_feature_get_token (cf->feature));
      hep_cli_json_member_string (json, "category", hep_lirads_category_to_string (cf->category));
      hep_cli_json_member_string (json, "kind", hep_lirads_counterfactual_is_imaging (cf) ? "imaging" : "context");
      json_builder_end_object (json);
    }
  json_builder_end_array (json);
  hep_cli_json_member_string (json, "note", HEP_CLI_EDUCATION_NOTE);
  json_builder_end_object (json);

  hep_cli_print_json (json);
}

int
hep_cli_lirads (int    argc,
                char **argv)
{
  g_auto(HepCliArgs) args = { 0, };
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) cfs = NULL;
  HepFeatureSet features;
  HepLiradsResult result;

  if (!hep_cli_args_parse (&args, argc, argv, NULL, &error))
    return hep_cli_fail ("lirads", HEP_CLI_EXIT_USAGE, "%s; see “hepatica-cli lirads --help”", error->message);
  if (args.help)
    {
      fputs (lirads_usage, stdout);
      return HEP_CLI_EXIT_OK;
    }
  if (!hep_cli_parse_features ("lirads", &args, &features))
    return HEP_CLI_EXIT_USAGE;

  hep_lirads_evaluate (&features, &result);
  cfs = hep_lirads_counterfactuals (&features);

  if (args.json)
    print_json (&features, &result, cfs);
  else
    print_text (&features, &result, cfs);
  return HEP_CLI_EXIT_OK;
}

/* ---- growth -------------------------------------------------------------- */

static const char growth_usage[] =
  "Usage: hepatica-cli growth [--json] [--prior-modality=ct|mri|us] PRIOR_MM CURRENT_MM MONTHS\n"
  "\n"
  "Classifies growth per LI-RADS v2018: threshold growth is a size increase of\n"
  "a mass by at least 50% in 6 months or less against a prior CT or MRI; other\n"
  "unequivocal growth is subthreshold growth (an ancillary feature). Give PRIOR_MM\n"
  "as 0 for a new observation. Prints the matching feature token, \"none\" or\n"
  "\"not-assessable\".\n"
  "\n"
  HEP_CLI_EDUCATION_NOTE "\n";

static gboolean
parse_mm (const char *text,
          int         max,
          int        *out)
{
  guint64 v;

  if (!g_ascii_string_to_unsigned (text, 10, 0, max, &v, NULL))
    return FALSE;
  *out = (int) v;
  return TRUE;
}

int
hep_cli_growth (int    argc,
                char **argv)
{
  static const char * const known[] = { "prior-modality=", NULL };
  g_auto(HepCliArgs) args = { 0, };
  g_autoptr(GError) error = NULL;
  const char *modality;
  int prior, current, months;
  gboolean ct_mri = TRUE;
  HepLiradsGrowth growth;

  if (!hep_cli_args_parse (&args, argc, argv, known, &error))
    return hep_cli_fail ("growth", HEP_CLI_EXIT_USAGE, "%s; see “hepatica-cli growth --help”", error->message);
  if (args.help)
    {
      fputs (growth_usage, stdout);
      return HEP_CLI_EXIT_OK;
    }
  if (args.args->len != 3)
    return hep_cli_fail ("growth", HEP_CLI_EXIT_USAGE, "expected PRIOR_MM CURRENT_MM MONTHS, got %u arguments", args.args->len);
  if (!parse_mm (args.args->pdata[0], 300, &prior))
    return hep_cli_fail ("growth", HEP_CLI_EXIT_USAGE, "bad PRIOR_MM “%s”; accepted: 0–300", (char *) args.args->pdata[0]);
  if (!parse_mm (args.args->pdata[1], 300, &current))
    return hep_cli_fail ("growth", HEP_CLI_EXIT_USAGE, "bad CURRENT_MM “%s”; accepted: 0–300", (char *) args.args->pdata[1]);
  if (!parse_mm (args.args->pdata[2], 600, &months))
    return hep_cli_fail ("growth", HEP_CLI_EXIT_USAGE, "bad MONTHS “%s”; accepted: 0–600", (char *) args.args->pdata[2]);

  modality = hep_cli_args_get (&args, "prior-modality");
  if (modality != NULL)
    {
      if (g_str_equal (modality, "us"))
        ct_mri = FALSE;
      else if (!g_str_equal (modality, "ct") && !g_str_equal (modality, "mri"))
        return hep_cli_fail ("growth", HEP_CLI_EXIT_USAGE, "bad --prior-modality “%s”; accepted: ct, mri, us", modality);
    }

  growth = hep_lirads_classify_growth (prior, current, months, ct_mri);
  if (args.json)
    {
      g_autoptr(JsonBuilder) json = json_builder_new ();

      json_builder_begin_object (json);
      hep_cli_json_member_string (json, "growth", hep_lirads_growth_to_string (growth));
      hep_cli_json_member_int (json, "prior_mm", prior);
      hep_cli_json_member_int (json, "current_mm", current);
      hep_cli_json_member_int (json, "months", months);
      json_builder_end_object (json);
      hep_cli_print_json (json);
    }
  else
    printf ("%s\n", hep_lirads_growth_to_string (growth));
  return HEP_CLI_EXIT_OK;
}

/* ---- tokens -------------------------------------------------------------- */

/* The LI-RADS concept → token table as Markdown rows (README.md shows it;
 * tests/lint/check-readme.sh keeps the two equal). */
static void
print_lirads_mapping (void)
{
  guint n;
  const HepLiradsMapping *m = hep_lirads_get_mappings (&n);

  printf ("| LI-RADS v2018 role | concept | token |\n|---|---|---|\n");
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *token = hep_feature_format_value (m[i].feature, m[i].value ? m[i].value : 1);

      printf ("| %s | %s | `%s` |\n", hep_lirads_role_get_label (m[i].role),
              g_dgettext (GETTEXT_PACKAGE, m[i].concept), token);
    }
}

int
hep_cli_tokens (int    argc,
                char **argv)
{
  static const char * const known[] = { "lirads-mapping", NULL };
  g_auto(HepCliArgs) args = { 0, };
  g_autoptr(GError) error = NULL;

  if (!hep_cli_args_parse (&args, argc, argv, known, &error))
    return hep_cli_fail ("tokens", HEP_CLI_EXIT_USAGE, "%s", error->message);
  if (args.help)
    {
      fputs ("Usage: hepatica-cli tokens [--json] [--lirads-mapping]\n\n"
             "Lists the feature-token vocabulary by group. --lirads-mapping prints how\n"
             "each LI-RADS LR-M and ancillary feature maps onto the tokens.\n", stdout);
      return HEP_CLI_EXIT_OK;
    }
  if (hep_cli_args_get (&args, "lirads-mapping") != NULL)
    {
      print_lirads_mapping ();
      return HEP_CLI_EXIT_OK;
    }

  if (args.json)
    {
      g_autoptr(JsonBuilder) json = json_builder_new ();

      json_builder_begin_array (json);
      for (guint i = 0; i < HEP_N_FEATURES; i++)
        {
          HepFeature f = (HepFeature) i;
          g_autofree char *accepted = hep_feature_describe_accepted (f);

          json_builder_begin_object (json);
          hep_cli_json_member_string (json, "token", hep_feature_get_token (f));
          hep_cli_json_member_string (json, "accepted", accepted);
          hep_cli_json_member_string (json, "group", hep_feature_group_get_label (hep_feature_get_group (f)));
          hep_cli_json_member_string (json, "label", hep_feature_get_label (f));
          hep_cli_json_member_string (json, "description", hep_feature_get_description (f));
          json_builder_end_object (json);
        }
      json_builder_end_array (json);
      hep_cli_print_json (json);
      return HEP_CLI_EXIT_OK;
    }

  for (guint g = 0; g < HEP_N_FEATURE_GROUPS; g++)
    {
      printf ("%s:\n", hep_feature_group_get_label ((HepFeatureGroup) g));
      for (guint i = 0; i < HEP_N_FEATURES; i++)
        {
          g_autofree char *accepted = NULL;

          if (hep_feature_get_group ((HepFeature) i) != (HepFeatureGroup) g)
            continue;
          accepted = hep_feature_describe_accepted ((HepFeature) i);
          /* pad by characters, not bytes: "0–120" holds a multi-byte dash */
          printf ("  %s%*s %s\n", accepted, (int) MAX (0, 36 - g_utf8_strlen (accepted, -1)), "",
                  hep_feature_get_label ((HepFeature) i));
        }
    }
  return HEP_CLI_EXIT_OK;
}
