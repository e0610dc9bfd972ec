/* test-cli-lirads.c: `hepatica-cli lirads`, `growth` and `tokens` as a user runs them
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "hep-test-json.h"

static char *
first_line (const char *text)
{
  const char *nl = strchr (text, '\n');

  return nl ? g_strndup (text, nl - text) : g_strdup (text);
}

static guint
count_lines (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p; p++)
    if (*p == '\n')
      n++;
  return n;
}

/* Every row of the LI-RADS expectation table through the real binary: the
 * first line is the category, with tokens as one string and as words. */
static void
test_cli_matches_expectation_table (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "lirads", "expected.tsv", NULL);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  guint n = 0;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) cols = NULL;
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      g_autofree char *line = NULL;
      const char *argv[3] = { "lirads", NULL, NULL };

      if (lines[i][0] == '#' || lines[i][0] == '\0')
        continue;
      cols = g_strsplit (lines[i], "\t", -1);
      argv[1] = cols[2];
      g_assert_cmpint (hep_test_run_cli (argv, &out, &err), ==, 0);
      g_assert_cmpstr (err, ==, "");
      line = first_line (out);
      g_assert_cmpstr (line, ==, cols[0]);

      /* every fifth row again with the tokens as separate arguments */
      if (n++ % 5 == 0)
        {
          g_auto(GStrv) words = g_strsplit (cols[2], " ", -1);
          g_autoptr(GPtrArray) args = g_ptr_array_new ();
          g_autofree char *out2 = NULL;
          g_autofree char *line2 = NULL;

          g_ptr_array_add (args, (gpointer) "lirads");
          for (guint w = 0; words[w] != NULL; w++)
            g_ptr_array_add (args, words[w]);
          g_ptr_array_add (args, NULL);
          g_assert_cmpint (hep_test_run_cli ((const char * const *) args->pdata, &out2, NULL), ==, 0);
          line2 = first_line (out2);
          g_assert_cmpstr (line2, ==, cols[0]);
        }
    }
  g_assert_cmpuint (n, >=, 140);
}

static void
test_cli_text_has_path_and_counterfactuals (void)
{
  const char *argv[] = { "lirads", "risk=cirrhosis", "size=15", "aphe=nonrim", "capsule", NULL };
  g_autofree char *out = NULL;

  g_assert_cmpint (hep_test_run_cli (argv, &out, NULL), ==, 0);
  g_assert_true (g_str_has_prefix (out, "LR-4\n"));
  g_assert_nonnull (strstr (out, "For education only"));
  g_assert_nonnull (strstr (out, "lirads.step1.table"));
  g_assert_nonnull (strstr (out, "LI-RADS v2018 CT/MRI Core, diagnostic table"));
  g_assert_nonnull (strstr (out, "washout → LR-5"));
  g_assert_nonnull (strstr (out, "size=20 → LR-5"));
  g_assert_nonnull (strstr (out, "[unverified]"));   /* LR-4 management wording is [S/K] */
}

static void
test_cli_json (void)
{
  const char *argv[] = { "lirads", "--json", "risk=cirrhosis size=25 aphe=nonrim washout necrosis size-stable-2y", NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) root = NULL;
  g_autoptr(GVariant) steps = NULL;
  g_autoptr(GVariant) cfs = NULL;
  gboolean saw_downgrade = FALSE;

  g_assert_cmpint (hep_test_run_cli (argv, &out, NULL), ==, 0);
  root = hep_test_json_parse (out, &error);
  g_assert_no_error (error);

  g_assert_cmpstr (hep_test_json_get_string (root, "category"), ==, "LR-4");
  g_assert_cmpstr (hep_test_json_get_string (root, "features"), ==,
                   "risk=cirrhosis size=25 size-stable-2y aphe=nonrim washout necrosis");
  g_assert_cmpstr (hep_test_json_get_string (root, "management/provenance"), ==, "unconfirmed");
  g_assert_nonnull (hep_test_json_get_string (root, "note"));
  {
    g_autoptr(GVariant) applicable = hep_test_json_get (root, "applicable");
    g_assert_true (g_variant_get_boolean (applicable));
  }

  steps = hep_test_json_get (root, "steps");
  g_assert_cmpuint (g_variant_n_children (steps), ==, 9);
  g_assert_cmpstr (hep_test_json_get_string (root, "steps/0/rule"), ==, "lirads.population");
  g_assert_true (hep_test_json_is_null (root, "steps/0/category"));
  g_assert_cmpstr (hep_test_json_get_string (root, "steps/6/rule"), ==, "lirads.step1.table");
  g_assert_cmpstr (hep_test_json_get_string (root, "steps/6/category"), ==, "LR-5");
  g_assert_cmpstr (hep_test_json_get_string (root, "steps/7/category"), ==, "LR-5");
  g_assert_cmpstr (hep_test_json_get_string (root, "steps/8/rule"), ==, "lirads.step2.downgrade");
  g_assert_cmpstr (hep_test_json_get_string (root, "steps/8/category"), ==, "LR-4");
  for (guint i = 0; i < 9; i++)
    {
      g_autofree char *p = g_strdup_printf ("steps/%u/source", i);
      g_autofree char *e = g_strdup_printf ("steps/%u/explanation", i);
      g_assert_true (g_str_has_prefix (hep_test_json_get_string (root, p), "LI-RADS v2018"));
      g_assert_nonnull (hep_test_json_get_string (root, e));
    }

  cfs = hep_test_json_get (root, "counterfactuals");
  g_assert_cmpuint (g_variant_n_children (cfs), >, 3);
  for (guint i = 0; i < g_variant_n_children (cfs); i++)
    {
      g_autofree char *c = g_strdup_printf ("counterfactuals/%u/change", i);
      g_autofree char *k = g_strdup_printf ("counterfactuals/%u/category", i);

      if (g_str_equal (hep_test_json_get_string (root, c), "-size-stable-2y"))
        {
          g_assert_cmpstr (hep_test_json_get_string (root, k), ==, "LR-5");
          saw_downgrade = TRUE;
        }
    }
  g_assert_true (saw_downgrade);
}

static void
test_cli_json_not_applicable (void)
{
  const char *argv[] = { "lirads", "--json", "risk=none", "size=25", NULL };
  g_autofree char *out = NULL;
  g_autoptr(GVariant) root = NULL;
  g_autoptr(GVariant) applicable = NULL;

  g_assert_cmpint (hep_test_run_cli (argv, &out, NULL), ==, 0);
  root = hep_test_json_parse (out, NULL);
  g_assert_nonnull (root);
  g_assert_cmpstr (hep_test_json_get_string (root, "category"), ==, "NA");
  applicable = hep_test_json_get (root, "applicable");
  g_assert_false (g_variant_get_boolean (applicable));
  g_assert_cmpstr (hep_test_json_get_string (root, "steps/0/category"), ==, "NA");
}

typedef struct {
  const char *args[5];
  const char *mentions[2];
} BadCall;

/* The error contract: status 2, nothing on stdout, one line on stderr that
 * names the bad token and the accepted values. */
static void
test_cli_errors (void)
{
  static const BadCall calls[] = {
    { { "lirads", "risk=cirrhosis", "wahsout", NULL }, { "wahsout", "washout" } },
    { { "lirads", "aphe=sometimes", NULL }, { "sometimes", "none|nonrim|rim" } },
    { { "lirads", "size=301", NULL }, { "size=301", "0–300" } },
    { { "lirads", "size=big", NULL }, { "big", "0–300" } },
    { { "lirads", "dwi=", NULL }, { "dwi", "none|restricted|marked|targetoid" } },
    { { "lirads", "aphe=rim aphe=none", NULL }, { "aphe=none", "aphe=rim" } },
    { { "lirads", "--jsn", NULL }, { "--jsn", "--help" } },
    { { "growth", "10", "15", NULL }, { "PRIOR_MM", "MONTHS" } },
    { { "growth", "10", "15", "six" }, { "six", "0–600" } },
    { { "frobnicate", NULL }, { "frobnicate", "lirads" } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (calls); i++)
    {
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;

      g_test_message ("call %u: %s %s", i, calls[i].args[0], calls[i].args[1] ? calls[i].args[1] : "");
      g_assert_cmpint (hep_test_run_cli (calls[i].args, &out, &err), ==, 2);
      g_assert_cmpstr (out, ==, "");
      g_assert_cmpuint (count_lines (err), ==, 1);
      g_assert_nonnull (strstr (err, calls[i].mentions[0]));
      g_assert_nonnull (strstr (err, calls[i].mentions[1]));
    }
}

static void
test_cli_help_version_tokens (void)
{
  const char *help[] = { "lirads", "--help", NULL };
  const char *top[] = { "--help", NULL };
  const char *version[] = { "--version", NULL };
  const char *tokens[] = { "tokens", "--json", NULL };
  const char *none[] = { NULL };
  g_autofree char *out1 = NULL, *out2 = NULL, *out3 = NULL, *out4 = NULL;
  g_autoptr(GVariant) vocab = NULL;

  g_assert_cmpint (hep_test_run_cli (help, &out1, NULL), ==, 0);
  g_assert_true (g_str_has_prefix (out1, "Usage: hepatica-cli lirads"));
  g_assert_cmpint (hep_test_run_cli (top, &out2, NULL), ==, 0);
  g_assert_nonnull (strstr (out2, "lirads"));
  g_assert_cmpint (hep_test_run_cli (version, &out3, NULL), ==, 0);
  g_assert_cmpstr (out3, ==, "hepatica-cli " PACKAGE_VERSION "\n");
  g_assert_cmpint (hep_test_run_cli (none, NULL, NULL), ==, 2);

  g_assert_cmpint (hep_test_run_cli (tokens, &out4, NULL), ==, 0);
  vocab = hep_test_json_parse (out4, NULL);
  g_assert_nonnull (vocab);
  /* 49 tokens, and since clinical-rules §5.3a (2026-12-06) androgen-use,
   * primary, count and t1-hyper */
  g_assert_cmpuint (g_variant_n_children (vocab), ==, 53);
  g_assert_cmpstr (hep_test_json_get_string (vocab, "0/token"), ==, "risk");
  g_assert_cmpstr (hep_test_json_get_string (vocab, "10/token"), ==, "primary");
  g_assert_cmpstr (hep_test_json_get_string (vocab, "10/accepted"), ==,
                   "primary=colorectal|pancreas|stomach|lung|breast|neuroendocrine|renal|melanoma|thyroid|other");
  g_assert_cmpstr (hep_test_json_get_string (vocab, "5/description"), ==,
                   "Current or recent oral contraceptives or oestrogens (anabolic or androgenic steroids are androgen-use)");
}

static void
test_cli_removal_tokens_and_growth (void)
{
  const char *removal[] = { "lirads", "risk=cirrhosis size=15 aphe=nonrim", "washout", NULL };
  const char *growth[] = { "growth", "10", "15", "6", NULL };
  const char *growth_us[] = { "growth", "--prior-modality=us", "12", "20", "4", NULL };
  const char *growth_new[] = { "growth", "0", "12", "12", NULL };
  g_autofree char *o1 = NULL, *o2 = NULL, *o3 = NULL, *o4 = NULL;

  g_assert_cmpint (hep_test_run_cli (removal, &o1, NULL), ==, 0);
  g_assert_true (g_str_has_prefix (o1, "LR-5\n"));
  g_assert_cmpint (hep_test_run_cli (growth, &o2, NULL), ==, 0);
  g_assert_cmpstr (o2, ==, "threshold-growth\n");
  g_assert_cmpint (hep_test_run_cli (growth_us, &o3, NULL), ==, 0);
  g_assert_cmpstr (o3, ==, "not-assessable\n");
  g_assert_cmpint (hep_test_run_cli (growth_new, &o4, NULL), ==, 0);
  g_assert_cmpstr (o4, ==, "subthreshold-growth\n");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cli/lirads/expectation-table", test_cli_matches_expectation_table);
  g_test_add_func ("/cli/lirads/text", test_cli_text_has_path_and_counterfactuals);
  g_test_add_func ("/cli/lirads/json", test_cli_json);
  g_test_add_func ("/cli/lirads/json-not-applicable", test_cli_json_not_applicable);
  g_test_add_func ("/cli/errors", test_cli_errors);
  g_test_add_func ("/cli/help-version-tokens", test_cli_help_version_tokens);
  g_test_add_func ("/cli/removal-and-growth", test_cli_removal_tokens_and_growth);
  return g_test_run ();
}
