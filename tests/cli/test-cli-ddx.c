/* test-cli-ddx.c: `hepatica-cli ddx` and `next-imaging` through the real binary
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <sys/wait.h>

#include "hep-core.h"

/* hep-cli.h's HEP_CLI_EDUCATION_NOTE; the CLI tests see only the core */
#define HEP_CLI_EDUCATION_NOTE "For education only, not for patient care."

typedef struct {
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static void
run_cli (Run        *run,
         const char *first,
         ...)
{
  const char *cli = g_getenv ("HEPATICA_CLI");
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int wait_status;
  va_list ap;

  g_assert_nonnull (cli);
  g_ptr_array_add (argv, (gpointer) cli);
  va_start (ap, first);
  for (const char *a = first; a != NULL; a = va_arg (ap, const char *))
    g_ptr_array_add (argv, (gpointer) a);
  va_end (ap);
  g_ptr_array_add (argv, NULL);

  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &run->out, &run->err, &wait_status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  run->status = WEXITSTATUS (wait_status);
}

static char *
first_line (const char *text)
{
  const char *nl = strchr (text, '\n');

  return nl != NULL ? g_strndup (text, nl - text) : g_strdup (text);
}

static void
assert_usage_error (Run        *run,
                    const char *names)
{
  g_assert_cmpint (run->status, ==, 2);
  g_assert_cmpstr (run->out, ==, "");
  /* one line */
  g_assert_true (g_str_has_suffix (run->err, "\n"));
  g_assert_true (strchr (run->err, '\n') == run->err + strlen (run->err) - 1);
  if (strstr (run->err, names) == NULL)
    g_error ("stderr “%s” does not name “%s”", run->err, names);
}

static void
test_cli_ddx_first_line (void)
{
  static const struct { const char *tokens[6]; const char *top; } cases[] = {
    { { "risk=cirrhosis", "size=25", "aphe=nonrim", "washout", "capsule", NULL }, "hcc" },
    { { "risk=cirrhosis size=25 aphe=rim capsular-retraction", NULL }, "icc" },
    { { "gas", "fever", NULL }, "abscess" },
    { { "no-enhancement", "t2=marked", NULL }, "cyst" },
    { { "peripheral-nodular", "t2=marked", "known-malignancy", NULL }, "hemangioma" },
    { { NULL }, "hcc" },
    /* the vignette: a known primary and a normal liver */
    { { "risk=none", "known-malignancy", "size=15", "aphe=nonrim washout", "t2=mild-moderate", "dwi=restricted" },
      "met-hypervascular" },
    { { "risk=none", "known-malignancy", "primary=colorectal", "size=15", "aphe=nonrim washout", NULL }, "hcc" },
    { { "sex=f", "age=25", "hormone-use", "aphe=nonrim", "hbp=hypo", NULL }, "adenoma" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(Run) run = { 0, };
      g_autofree char *line = NULL;
      const char * const *t = cases[i].tokens;

      run_cli (&run, "ddx", t[0], t[1], t[2], t[3], t[4], t[5], NULL);
      g_assert_cmpint (run.status, ==, 0);
      g_assert_cmpstr (run.err, ==, "");
      line = first_line (run.out);
      g_assert_cmpstr (line, ==, cases[i].top);
      /* first line, breakdown, then the education note */
      g_assert_true (g_str_has_suffix (run.out, "\n" HEP_CLI_EDUCATION_NOTE "\n"));
    }
}

static void
test_cli_ddx_text (void)
{
  g_auto(Run) run = { 0, };

  run_cli (&run, "ddx", "risk=cirrhosis", "size=25", "aphe=nonrim", "washout", "hbp=hypo", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "hcc\n"));
  g_assert_nonnull (strstr (run.out, "LR-5"));
  g_assert_nonnull (strstr (run.out, "hard rule ddx.hard.lirads-lr5"));
  g_assert_nonnull (strstr (run.out, "for: Nonrim APHE [aphe=nonrim] ++"));
  g_assert_nonnull (strstr (run.out, "(unverified)"));
  g_assert_nonnull (strstr (run.out, "not a likelihood ratio"));
  g_assert_nonnull (strstr (run.out, "84.6% vs 31.0%"));
  g_assert_nonnull (strstr (run.out, "ddx.pitfall.gadoxetate-tp-hbp-not-washout"));
  g_assert_nonnull (strstr (run.out, "context for: Cirrhosis (context) [risk=cirrhosis, not lirads-excluded] ++  "
                                     "[clinical-rules §5.3a (revised 2026-12-06); unverified]"));
  g_assert_nonnull (strstr (run.out, "\nFirst two: Hepatocellular carcinoma over "));
  g_assert_null (strstr (run.out, "prior"));
}

/* Context rows are evidence with a "context" label and their source, and the
 * line on the first two is printed, in text and JSON. */
static void
test_cli_ddx_context (void)
{
  g_auto(Run) run = { 0, };
  g_auto(Run) json = { 0, };
  g_auto(Run) small = { 0, };
  const char *hcc;

  run_cli (&run, "ddx", "risk=none", "known-malignancy", "size=15", "aphe=nonrim", "washout",
           "t2=mild-moderate", "dwi=restricted", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "met-hypervascular\n"));
  g_assert_nonnull (strstr (run.out, "First two: Hypervascular metastasis over hepatocellular carcinoma (score 6 vs 5): "
                                     "known malignancy, mixed or unknown primary (context ++/−)"));
  g_assert_nonnull (strstr (run.out, "score 6 (imaging 4, context 2; 5 for, 0 against)"));
  hcc = strstr (run.out, ". hcc ");
  g_assert_nonnull (hcc);
  g_assert_nonnull (strstr (hcc, "context against: Known malignancy, mixed or unknown primary (context) [known-malignancy"));
  g_assert_nonnull (strstr (run.out, "ddx.pitfall.known-primary-aphe-washout"));
  g_assert_true (g_str_has_suffix (run.out, "\n" HEP_CLI_EDUCATION_NOTE "\n"));

  run_cli (&json, "ddx", "--json", "risk=none", "known-malignancy", "size=15", "aphe=nonrim", "washout",
           "t2=mild-moderate", "dwi=restricted", NULL);
  g_assert_cmpint (json.status, ==, 0);
  g_assert_true (g_str_has_prefix (json.out, "{\"ranking\":[{\"id\":\"met-hypervascular\",\"score\":6,"));
  g_assert_nonnull (strstr (json.out, "{\"row\":\"ddx.context.malignancy-mixed\""));
  g_assert_nonnull (strstr (json.out, "\"context\":true,\"lowered\":false,\"source\":\"clinical-rules §5.3a (revised 2026-12-06)\""));
  g_assert_nonnull (strstr (json.out, "\"first_two\":{\"first\":\"met-hypervascular\",\"second\":\"hcc\",\"text\":\"Hypervascular metastasis over"));
  g_assert_nonnull (strstr (json.out, "\"contexts\":[\"ddx.context.malignancy-mixed\"]"));
  g_assert_null (strstr (json.out, "\"prior"));

  /* under 10 mm the metastasis grade is lowered, and says so */
  run_cli (&small, "ddx", "known-malignancy", "primary=renal", "size=8", NULL);
  g_assert_cmpint (small.status, ==, 0);
  g_assert_nonnull (strstr (small.out, "Known malignancy, hypervascular primary (context) [known-malignancy + primary=neuroendocrine|renal|melanoma|thyroid, risk=none or not given] + (++ lowered: lesion < 10 mm with a known malignancy)"));
}

static void
test_cli_ddx_json (void)
{
  g_auto(Run) run = { 0, };
  const char *p, *hcc, *icc;

  run_cli (&run, "ddx", "--json", "risk=cirrhosis", "size=25", "aphe=rim", "hbp=hypo", NULL);
  g_assert_cmpint (run.status, ==, 0);
  /* {"ranking": [{"id", "score", "for", "against", ...}, ...], "pitfalls": [...]} best first */
  g_assert_true (g_str_has_prefix (run.out, "{\"ranking\":[{\"id\":\""));
  p = run.out + strlen ("{\"ranking\":[{\"id\":\"");
  g_assert_true (g_str_has_prefix (p, "icc\"") || g_str_has_prefix (p, "met-hypovascular\"") ||
                 g_str_has_prefix (p, "met-hypervascular\""));
  g_assert_nonnull (strstr (run.out, "\"score\":"));
  g_assert_nonnull (strstr (run.out, "\"for\":[{\"row\":\"ddx.matrix.rim-aphe\""));
  g_assert_nonnull (strstr (run.out, "\"against\":["));
  g_assert_nonnull (strstr (run.out, "\"pitfalls\":[{\"id\":\"ddx.pitfall."));
  g_assert_nonnull (strstr (run.out, "\"pinned_by\":{\"id\":\"ddx.hard.lirads-lrm-targetoid\""));
  g_assert_nonnull (strstr (run.out, "\"kind\":\"frequency-ratio\""));
  g_assert_nonnull (strstr (run.out, "\"note\":\"" HEP_CLI_EDUCATION_NOTE "\""));
  /* hcc after the non-HCC malignancy */
  hcc = strstr (run.out, "{\"id\":\"hcc\"");
  icc = strstr (run.out, "{\"id\":\"icc\"");
  g_assert_nonnull (hcc);
  g_assert_nonnull (icc);
  g_assert_true (icc < hcc);
  g_assert_true (g_str_has_suffix (run.out, "}\n"));
}

static void
test_cli_ddx_errors (void)
{
  {
    g_auto(Run) run = { 0, };

    run_cli (&run, "ddx", "aphe=nonrim", "bogus", NULL);
    assert_usage_error (&run, "“bogus”");
  }
  {
    g_auto(Run) run = { 0, };

    run_cli (&run, "ddx", "aphe=square", NULL);
    assert_usage_error (&run, "aphe=square");
  }
  {
    g_auto(Run) run = { 0, };

    run_cli (&run, "ddx", "--frobnicate", NULL);
    assert_usage_error (&run, "--frobnicate");
  }
  {
    g_auto(Run) run = { 0, };

    run_cli (&run, "ddx", "--help", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, "Usage: hepatica-cli ddx"));
  }
  {
    g_auto(Run) run = { 0, };

    run_cli (&run, "ddx", "--rules", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, "ddx.matrix.wedge-geographic"));
    g_assert_nonnull (strstr (run.out, "wedge-shaped or undistorted-vessels"));
    g_assert_nonnull (strstr (run.out, "ddx.context.malignancy-hypervascular"));
  }
}

static void
test_cli_next_imaging_seed (void)
{
  g_auto(Run) run = { 0, };
  g_auto(Run) json = { 0, };
  const char *ct;

  run_cli (&run, "next-imaging", "size=8", "found-on=us", "context=known-malignancy", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_true (g_str_has_prefix (run.out, "mri-wo-w\n"));
  g_assert_nonnull (strstr (run.out, "ACR AC, revised 2020"));
  g_assert_nonnull (strstr (run.out, "Verify before use"));
  g_assert_nonnull (strstr (run.out, "Variant 9 (numbering inferred)"));
  g_assert_true (g_str_has_suffix (run.out, "\n" HEP_CLI_EDUCATION_NOTE "\n"));
  ct = strstr (run.out, "  ct-multiphase ");
  g_assert_nonnull (ct);
  g_assert_true (g_str_has_prefix (strstr (ct, "May be appropriate"), "May be appropriate"));
  g_assert_nonnull (strstr (ct, "RRL ☢☢☢ (1–10 mSv)"));
  g_assert_true (strstr (ct, "RRL ☢☢☢ (1–10 mSv)") < strchr (ct, '\n'));

  run_cli (&json, "next-imaging", "--json", "size=8", "found-on=us", "context=known-malignancy", NULL);
  g_assert_cmpint (json.status, ==, 0);
  g_assert_true (g_str_has_prefix (json.out, "{\"best\":\"mri-wo-w\""));
  g_assert_nonnull (strstr (json.out, "\"number\":9"));
  g_assert_nonnull (strstr (json.out, "{\"id\":\"ct-multiphase\",\"rating\":\"May be appropriate\",\"rrl\":\"3\",\"provenance\":\"secondary\""));
  g_assert_nonnull (strstr (json.out, "{\"id\":\"biopsy\",\"rating\":\"Usually not appropriate\",\"rrl\":\"varies\",\"provenance\":\"secondary\""));
  g_assert_nonnull (strstr (json.out, "{\"id\":\"ct-wo-w\",\"rating\":null,\"rrl\":\"4\",\"provenance\":\"unconfirmed\""));
  g_assert_null (strstr (json.out, "{\"id\":\"us\""));
  g_assert_nonnull (strstr (json.out, "\"note\":\"" HEP_CLI_EDUCATION_NOTE "\""));
}

static void
test_cli_next_imaging_variants (void)
{
  static const struct { const char *tokens; const char *first; const char *contains; } cases[] = {
    { "size=20 found-on=us context=normal", "ceus", "Variant 1:" },
    { "size=20 found-on=ct context=normal", "mri-wo-w", "Variant 2:" },
    { "size=10 found-on=us context=normal", "ceus", "10 mm is on the 1 cm boundary" },
    { "size=5 found-on=us context=normal", "none", "No rating of this variant was found" },
    { "size=8 found-on=us risk=cirrhosis us-vis=c", "mri-wo-w", "LI-RADS US surveillance: US-2" },
    { "size=12 found-on=us risk=hbv afp-raised", "ceus", "AFP raised" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(Run) run = { 0, };
      g_autofree char *line = NULL;

      run_cli (&run, "next-imaging", cases[i].tokens, NULL);
      g_assert_cmpint (run.status, ==, 0);
      line = first_line (run.out);
      g_assert_cmpstr (line, ==, cases[i].first);
      if (strstr (run.out, cases[i].contains) == NULL)
        g_error ("“%s”: output lacks “%s”:\n%s", cases[i].tokens, cases[i].contains, run.out);
    }
}

static void
test_cli_next_imaging_errors (void)
{
  static const struct { const char *tokens; const char *names; } cases[] = {
    { "size=8 found-on=xray context=normal", "found-on=xray" },
    { "size=8 context=normal", "found-on" },
    { "found-on=us context=normal", "size=N" },
    { "size=8 found-on=us", "context=" },
    { "size=8 found-on=us context=normal blah", "“blah”" },
    { "size=-3 found-on=us context=normal", "size=-3" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(Run) run = { 0, };

      run_cli (&run, "next-imaging", cases[i].tokens, NULL);
      assert_usage_error (&run, cases[i].names);
      g_assert_true (g_str_has_prefix (run.err, "hepatica-cli next-imaging: "));
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/ddx/first-line", test_cli_ddx_first_line);
  g_test_add_func ("/cli/ddx/text", test_cli_ddx_text);
  g_test_add_func ("/cli/ddx/json", test_cli_ddx_json);
  g_test_add_func ("/cli/ddx/context", test_cli_ddx_context);
  g_test_add_func ("/cli/ddx/errors", test_cli_ddx_errors);
  g_test_add_func ("/cli/next-imaging/seed", test_cli_next_imaging_seed);
  g_test_add_func ("/cli/next-imaging/variants", test_cli_next_imaging_variants);
  g_test_add_func ("/cli/next-imaging/errors", test_cli_next_imaging_errors);

  return g_test_run ();
}
