/* test-case-spoilers.c: unknown-case mode, the one rule (hep-case-spoilers.h)
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "hep-core.h"
#include "hep-test-cases.h"

/* Which diagnosis a text names, written by hand from the names a reader
 * would take as the answer. NULL: none. */
static const struct {
  const char *text;
  const char *diagnosis;
  const char *words;       /* what is quoted */
} names[] = {
  { "Explant confirmed a moderately differentiated HCC.", "hcc", "HCC" },
  { "Two HCCs in the explant.", "hcc", "HCCs" },
  { "Resection: hepatocellular carcinoma, well differentiated.", "hcc", "hepatocellular carcinoma" },
  { "Known metastatic colorectal cancer.", "met-hypervascular", "metastatic" },
  { "Liver metastases on staging.", "met-hypervascular", "metastases" },
  { "Typical haemangioma on follow-up.", "hemangioma", "haemangioma" },
  { "Three hemangiomas.", "hemangioma", "hemangiomas" },
  { "FNH-like enhancement.", "fnh", "FNH" },
  { "Focal nodular hyperplasia on biopsy.", "fnh", "Focal nodular hyperplasia" },
  { "Biopsy: inflammatory I-HCA.", "adenoma", "HCA" },
  { "Multiple adenomas.", "adenoma", "adenomas" },
  { "Simple cysts elsewhere.", "cyst", "cysts" },
  { "Von Meyenburg complexes.", "biliary-hamartoma", "Von Meyenburg" },
  { "Aspiration of the abscesses.", "abscess", "abscesses" },
  { "Mass-forming iCCA on biopsy.", "icc", "iCCA" },
  { "Intrahepatic cholangiocarcinoma.", "icc", "cholangiocarcinoma" },
  { "Focal fatty sparing near the gallbladder.", "focal-fat", "Focal fatty" },
  { "An arterioportal shunt.", "thad", "arterioportal shunt" },
  { "Resolved THADs on follow-up.", "thad", "THADs" },
  /* the earliest name is quoted */
  { "Not an abscess but a necrotic metastasis.", "abscess", "abscess" },
  /* words that contain a name, or are near one, are not names */
  { "No cystic component; the cystic duct is normal.", NULL, NULL },
  { "Hyperenhancement with washout and an enhancing capsule.", NULL, NULL },
  { "Schematic: adenomatoid? no; dcca is not a word here.", NULL, NULL },
  { "Fat sparing in a solid mass.", NULL, NULL },
  { "", NULL, NULL },
  { NULL, NULL, NULL },
};

static void
test_spoilers_names (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      HepDiagnosisMatch m = { 0, };
      gboolean found = hep_diagnosis_find_name (names[i].text, &m);

      g_test_message ("“%s”", names[i].text ? names[i].text : "(null)");
      g_assert_cmpint (found, ==, names[i].diagnosis != NULL);
      if (!found)
        continue;
      g_assert_cmpstr (m.diagnosis, ==, names[i].diagnosis);
      g_assert_cmpuint (m.length, ==, strlen (names[i].words));
      g_assert_cmpint (strncmp (names[i].text + m.start, names[i].words, m.length), ==, 0);
    }
  /* every diagnosis of the differential has names */
  for (const char * const *id = hep_case_get_diagnosis_ids (); *id != NULL; id++)
    {
      const char * const *list = hep_diagnosis_get_names (*id);

      g_assert_nonnull (list);
      g_assert_nonnull (list[0]);
    }
  g_assert_null (hep_diagnosis_get_names ("no-such-diagnosis"));
}

static HepCase *
make_case (const char *title,
           const char *history,
           const char *other,
           guint       listed)
{
  HepCase *c = hep_case_new ("spoiler-case");
  const char *tags[] = { "fnh", "central-scar", NULL };
  const char *refs[] = { "A reference title.", NULL };
  g_autoptr(GError) error = NULL;
  HepFeatureSet features;

  hep_feature_set_init (&features);
  g_assert_true (hep_feature_set_parse (&features, "risk=none age=30 sex=f size=30 aphe=nonrim central-scar", &error));
  g_assert_no_error (error);
  hep_case_set_title (c, title);
  hep_case_set_history (c, history);
  hep_case_set_presentation (c, "Incidental lesion on ultrasound.");
  hep_case_set_found_on (c, "us");
  hep_case_set_features (c, &features);
  hep_case_set_diagnosis (c, "fnh");
  hep_case_set_proof (c, "histology");
  hep_case_set_certainty (c, "definite");
  hep_case_set_difficulty (c, 2);
  hep_case_set_language (c, "en");
  hep_case_set_author (c, "Test");
  hep_case_set_license (c, "CC0-1.0");
  hep_case_set_tags (c, tags);
  hep_case_set_references (c, refs);
  hep_case_set_findings (c, HEP_CASE_PHASE_ARTERIAL, "Intense homogeneous hyperenhancement.");
  hep_case_set_findings (c, HEP_CASE_PHASE_PORTAL, "Isoenhancing with a bright central scar.");
  hep_case_set_findings (c, HEP_CASE_PHASE_OTHER, other);
  hep_case_set_spoilers (c, listed);
  return c;
}

/* What is hidden, field by field, for cases that list nothing. */
static void
test_spoilers_hidden_fields (void)
{
  static const struct {
    const char *title;
    const char *other;
    gboolean    title_hidden;
    gboolean    other_hidden;
  } rows[] = {
    { "Incidental liver lesion in a young woman", "No other lesion.", FALSE, FALSE },
    { "FNH with a central scar", "No other lesion.", TRUE, FALSE },
    { "Incidental liver lesion in a young woman", "Biopsy confirmed FNH.", FALSE, TRUE },
    /* naming a wrong diagnosis hints by exclusion: hidden too */
    { "Not a hemangioma", "Not an adenoma on biopsy.", TRUE, TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(HepCase) c = make_case (rows[i].title, "Healthy 30-year-old.", rows[i].other, 0);
      guint hidden = hep_case_get_hidden_fields (c);

      g_test_message ("row %u", i);
      /* always hidden, whatever the case lists */
      g_assert_cmpuint (hidden & HEP_CASE_SPOILER_ALWAYS, ==, HEP_CASE_SPOILER_ALWAYS);
      g_assert_true (hep_case_is_spoiler (c, "tags"));
      g_assert_true (hep_case_is_spoiler (c, "references"));
      g_assert_true (hep_case_is_spoiler (c, "proof"));
      g_assert_true (hep_case_is_spoiler (c, "outcome"));
      g_assert_true (hidden & HEP_CASE_SPOILER_OUTCOME);
      g_assert_cmpint (hep_case_is_spoiler (c, "title"), ==, rows[i].title_hidden);
      g_assert_cmpint (hep_case_is_spoiler (c, "findings-other"), ==, rows[i].other_hidden);
      g_assert_cmpint (!!(hidden & HEP_CASE_SPOILER_FINDINGS (HEP_CASE_PHASE_OTHER)), ==, rows[i].other_hidden);
      g_assert_false (hep_case_is_spoiler (c, "findings-arterial"));
    }

  /* listed fields are hidden even when they name nothing */
  {
    g_autoptr(HepCase) c = make_case ("Incidental liver lesion", "Healthy.", "No other lesion.",
                                      HEP_CASE_SPOILER_TITLE | HEP_CASE_SPOILER_FINDINGS (HEP_CASE_PHASE_PORTAL));

    g_assert_true (hep_case_is_spoiler (c, "title"));
    g_assert_true (hep_case_is_spoiler (c, "findings-portal"));
    g_assert_false (hep_case_is_spoiler (c, "findings-arterial"));
  }
}

static void
test_spoilers_open_text (void)
{
  g_autoptr(HepCase) c = make_case ("FNH with a central scar", "Healthy 30-year-old.",
                                    "Biopsy confirmed FNH.",
                                    HEP_CASE_SPOILER_FINDINGS (HEP_CASE_PHASE_PORTAL));
  g_autofree char *text = NULL;

  hep_case_set_outcome (c, "Resected: benign hepatocellular nodule.");
  text = hep_case_dup_open_text (c);
  g_assert_nonnull (strstr (text, "Healthy 30-year-old."));
  g_assert_null (strstr (text, "Resected"));
  g_assert_nonnull (strstr (text, "Incidental lesion on ultrasound."));
  g_assert_nonnull (strstr (text, "Intense homogeneous hyperenhancement."));
  /* listed, or naming the answer, or always hidden: none of it */
  g_assert_null (strstr (text, "central scar"));
  g_assert_null (strstr (text, "FNH"));
  g_assert_null (strstr (text, "fnh"));
  g_assert_null (strstr (text, "reference"));
}

static void
test_spoilers_check (void)
{
  static const struct {
    const char *title;
    const char *history;
    const char *other;
    guint       listed;
    guint       n_problems;
    const char *field;   /* the field the first problem names */
  } rows[] = {
    { "Incidental lesion", "Healthy.", "No other lesion.", 0, 0, NULL },
    { "Incidental lesion", "Healthy.", "Biopsy confirmed FNH.", 0, 1, "findings-other" },
    { "Incidental lesion", "Healthy.", "Biopsy confirmed FNH.",
      HEP_CASE_SPOILER_FINDINGS (HEP_CASE_PHASE_OTHER), 0, NULL },
    { "FNH in a young woman", "Healthy.", "No other lesion.", 0, 1, "title" },
    { "FNH in a young woman", "Healthy.", "No other lesion.", HEP_CASE_SPOILER_TITLE, 0, NULL },
    /* the clinical setting must not name the case's own diagnosis … */
    { "Incidental lesion", "Known FNH elsewhere in the liver.", "No other lesion.", HEP_CASE_SPOILER_TITLE, 1, "History" },
    /* … but may name another (it is shown, and it is context) */
    { "Incidental lesion", "Had an abscess drained last year.", "No other lesion.", 0, 0, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(HepCase) c = make_case (rows[i].title, rows[i].history, rows[i].other, rows[i].listed);
      g_autoptr(GPtrArray) problems = hep_case_check_spoilers (c);

      g_test_message ("row %u", i);
      g_assert_cmpuint (problems->len, ==, rows[i].n_problems);
      if (rows[i].field)
        g_assert_true (g_str_has_prefix (problems->pdata[0], rows[i].field));
    }
}

/* The setting may name a prior HCC or a known primary's metastases: that is
 * the context, not the answer. */
static void
test_spoilers_check_setting (void)
{
  g_autoptr(HepCase) hcc = hep_test_load_case ("fx-hcc-lr5");
  g_autoptr(GError) error = NULL;
  HepFeatureSet features;
  g_autoptr(GPtrArray) before = NULL, after = NULL;

  hep_case_set_spoilers (hcc, HEP_CASE_SPOILER_TITLE);
  hep_case_set_history (hcc, "Resection of an HCC two years ago.");
  before = hep_case_check_spoilers (hcc);
  g_assert_cmpuint (before->len, ==, 1);
  g_assert_true (g_str_has_prefix (before->pdata[0], "History"));

  features = *hep_case_get_features (hcc);
  g_assert_true (hep_feature_set_parse (&features, "risk=prior-hcc", &error));
  g_assert_no_error (error);
  hep_case_set_features (hcc, &features);
  after = hep_case_check_spoilers (hcc);
  g_assert_cmpuint (after->len, ==, 0);
}

/* The store: in unknown-case mode search matches only what the mode shows,
 * and the diagnosis, tag and LI-RADS filters do not filter. */
static void
test_spoilers_store (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("hep-test-spoilers-XXXXXX", &error);
  g_autofree char *user = g_build_filename (dir, "user.db", NULL);
  g_autofree char *library = hep_test_fixture_library ();
  g_autoptr(HepCaseStore) store = hep_case_store_new (user, library, &error);
  HepCaseFilter filter = HEP_CASE_FILTER_INIT;
  guint all;
  static const struct {
    const char *query;
    guint       known;     /* hits with everything shown */
    guint       unknown;   /* hits in unknown-case mode */
  } searches[] = {
    /* fx-hcc-lr5: "hepatocellular" is only its diagnosis label; the title
     * names HCC, so it is hidden; "washout" is in shown findings */
    { "hepatocellular carcinoma", 1, 0 },
    { "HCC", 1, 0 },
    { "Fixture HCC", 1, 0 },
    { "washout", 2, 2 },
    { "surveillance nodule", 1, 1 },
    /* a teaching point of fx-hcc-lr5 */
    { "pipe inside", 1, 0 },
    /* the outcome of fx-hcc-lr5 */
    { "explanted margins", 1, 0 },
  };

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (searches); i++)
    {
      g_autoptr(GPtrArray) known = hep_case_store_search_full (store, searches[i].query, 20, FALSE, &error);
      g_autoptr(GPtrArray) unknown = NULL;

      g_assert_no_error (error);
      unknown = hep_case_store_search_full (store, searches[i].query, 20, TRUE, &error);
      g_assert_no_error (error);
      g_test_message ("“%s”", searches[i].query);
      g_assert_cmpuint (known->len, ==, searches[i].known);
      g_assert_cmpuint (unknown->len, ==, searches[i].unknown);
      for (guint k = 0; k < unknown->len; k++)
        {
          HepCaseHit *hit = unknown->pdata[k];
          g_assert_null (strstr (hit->snippet, "Hepatocellular"));
        }
    }

  all = g_list_model_get_n_items (G_LIST_MODEL (store));
  g_assert_cmpuint (all, ==, 5);
  filter.diagnosis = "hcc";
  g_assert_true (hep_case_store_set_filter (store, &filter, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 1);
  filter.unknown = TRUE;
  g_assert_true (hep_case_store_set_filter (store, &filter, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, all);
  filter.diagnosis = NULL;
  filter.tag = "washout";
  filter.lirads = HEP_LIRADS_5;
  g_assert_true (hep_case_store_set_filter (store, &filter, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, all);
  /* the text filter of the list follows the same rule */
  filter.text = "hepatocellular";
  g_assert_true (hep_case_store_set_filter (store, &filter, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 0);
  /* shown, the diagnosis labels match: Hepatocellular carcinoma, adenoma */
  filter.unknown = FALSE;
  filter.tag = NULL;
  filter.lirads = -1;
  g_assert_true (hep_case_store_set_filter (store, &filter, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 2);

  g_clear_object (&store);
  hep_test_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/spoilers/names", test_spoilers_names);
  g_test_add_func ("/spoilers/hidden-fields", test_spoilers_hidden_fields);
  g_test_add_func ("/spoilers/open-text", test_spoilers_open_text);
  g_test_add_func ("/spoilers/check", test_spoilers_check);
  g_test_add_func ("/spoilers/check-setting", test_spoilers_check_setting);
  g_test_add_func ("/spoilers/store", test_spoilers_store);

  return g_test_run ();
}
