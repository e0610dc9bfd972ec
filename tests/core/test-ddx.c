/* test-ddx.c: the differential reasoner follows clinical-rules.md §5
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "hep-ddx.h"

#define MINUS "\xe2\x88\x92"

static void
parse (HepFeatureSet *fs,
       const char    *tokens)
{
  g_autoptr(GError) error = NULL;

  hep_feature_set_init (fs);
  if (!hep_feature_set_parse (fs, tokens, &error))
    g_error ("bad test tokens “%s”: %s", tokens, error->message);
}

static HepDdxDiagnosis
id (const char *text)
{
  HepDdxDiagnosis d;

  if (!hep_ddx_diagnosis_from_string (text, &d))
    g_error ("unknown diagnosis id “%s”", text);
  return d;
}

static const HepDdxRow *
row_by_id (const char *row_id)
{
  guint n;
  const HepDdxRow *rows = hep_ddx_get_rows (&n);

  for (guint i = 0; i < n; i++)
    if (g_str_equal (rows[i].id, row_id))
      return &rows[i];
  g_error ("no matrix row “%s”", row_id);
}

/* ---- names ------------------------------------------------------------------ */

static void
test_ddx_ids (void)
{
  /* the ids of the issue, in its order */
  static const char *ids[] = {
    "hcc", "met-hypervascular", "met-hypovascular", "hemangioma", "fnh", "adenoma",
    "cyst", "biliary-hamartoma", "abscess", "icc", "focal-fat", "thad",
  };

  g_assert_cmpint (G_N_ELEMENTS (ids), ==, HEP_N_DDX);
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      HepDdxDiagnosis d;

      g_assert_true (hep_ddx_diagnosis_from_string (ids[i], &d));
      g_assert_cmpint (d, ==, i);
      g_assert_cmpstr (hep_ddx_diagnosis_to_string (d), ==, ids[i]);
      g_assert_nonnull (hep_ddx_diagnosis_get_label (d));
    }
  g_assert_false (hep_ddx_diagnosis_from_string ("HCC", NULL));
  g_assert_true (hep_ddx_diagnosis_is_non_hcc_malignancy (HEP_DDX_ICC));
  g_assert_true (hep_ddx_diagnosis_is_non_hcc_malignancy (HEP_DDX_MET_HYPOVASCULAR));
  g_assert_true (hep_ddx_diagnosis_is_non_hcc_malignancy (HEP_DDX_MET_HYPERVASCULAR));
  g_assert_false (hep_ddx_diagnosis_is_non_hcc_malignancy (HEP_DDX_HCC));
  g_assert_false (hep_ddx_diagnosis_is_non_hcc_malignancy (HEP_DDX_ABSCESS));
}

/* ---- the matrix against the spec ------------------------------------------------ */

/* §5.1 column abbreviations → ids */
static const struct { const char *abbrev; const char *id; } columns[] = {
  { "HCC", "hcc" }, { "HyperMet", "met-hypervascular" }, { "HypoMet", "met-hypovascular" },
  { "Hem", "hemangioma" }, { "FNH", "fnh" }, { "HCA", "adenoma" }, { "Cyst", "cyst" },
  { "BH", "biliary-hamartoma" }, { "Absc", "abscess" }, { "iCCA", "icc" }, { "Fat", "focal-fat" },
  { "THAD", "thad" },
};

/* "| a | b | … |" → the first column and the twelve grade columns; a "|"
 * inside the first column (the context table's `primary=a|b`) stays in it. */
static char **
split_row (const char *line)
{
  g_auto(GStrv) parts = g_strsplit (line, "|", -1);
  GPtrArray *cells = g_ptr_array_new ();
  guint n = g_strv_length (parts);
  guint first_end = n - 1 - HEP_N_DDX;   /* parts[1 .. first_end - 1] are the first column */

  g_assert_cmpuint (n, >=, HEP_N_DDX + 3);
  {
    g_autofree char *joined = NULL;
    char **first = g_new0 (char *, first_end);

    for (guint i = 1; i < first_end; i++)
      first[i - 1] = parts[i];
    joined = g_strjoinv ("|", first);
    g_free (first);
    g_ptr_array_add (cells, g_strdup (g_strstrip (joined)));
  }
  /* "| a | b |" → "", " a ", " b ", "" */
  for (guint i = first_end; i + 1 < n; i++)
    {
      char *cell = g_strstrip (g_strdup (parts[i]));
      GString *s = g_string_new (NULL);

      /* markdown escape "\*" */
      for (const char *p = cell; *p; p++)
        if (!(p[0] == '\\' && p[1] == '*'))
          g_string_append_c (s, *p);
      g_free (cell);
      g_ptr_array_add (cells, g_string_free (s, FALSE));
    }
  g_ptr_array_add (cells, NULL);
  return (char **) g_ptr_array_free (cells, FALSE);
}

/* Compares the spec table in tests/data/@file (header "Feature" or "Context
 * (tokens)") with @rows, cell by cell; returns the number of cells checked. */
static guint
check_table_matches_spec (const char      *file,
                          const char      *first_header,
                          const HepDdxRow *rows,
                          guint            n_rows)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", file, NULL);
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) error = NULL;
  int column_diag[HEP_N_DDX];
  guint n_checked = 0;
  gboolean seen[64] = { FALSE, };

  g_assert_cmpuint (n_rows, <=, G_N_ELEMENTS (seen));

  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  g_assert_no_error (error);
  lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) cells = NULL;

      if (!g_str_has_prefix (lines[i], "| "))
        continue;
      cells = split_row (lines[i]);
      g_assert_cmpuint (g_strv_length (cells), ==, HEP_N_DDX + 1);

      if (g_str_equal (cells[0], first_header))
        {
          for (guint c = 0; c < HEP_N_DDX; c++)
            {
              column_diag[c] = -1;
              for (guint k = 0; k < G_N_ELEMENTS (columns); k++)
                if (g_str_equal (cells[c + 1], columns[k].abbrev))
                  column_diag[c] = id (columns[k].id);
              g_assert_cmpint (column_diag[c], >=, 0);
            }
          continue;
        }

      {
        const HepDdxRow *row = NULL;

        for (guint r = 0; r < n_rows; r++)
          if (g_str_equal (rows[r].concept, cells[0]))
            {
              g_assert_false (seen[r]);
              seen[r] = TRUE;
              row = &rows[r];
            }
        if (row == NULL)
          g_error ("spec row “%s” has no engine row", cells[0]);
        for (guint c = 0; c < HEP_N_DDX; c++)
          {
            g_assert_cmpstr (row->cells[column_diag[c]], ==, cells[c + 1]);
            n_checked++;
          }
        /* the matrix is [K] in the spec: every cell shows as unverified */
        g_assert_cmpint (row->provenance, ==, HEP_PROVENANCE_UNCONFIRMED);
      }
    }

  for (guint r = 0; r < n_rows; r++)
    if (!seen[r])
      g_error ("engine row %s is not in the spec's table", rows[r].id);
  return n_checked;
}

static void
test_ddx_matrix_matches_spec (void)
{
  guint n_rows;
  const HepDdxRow *rows = hep_ddx_get_rows (&n_rows);

  /* §5.1 revised 2026-12-06: 21 rows, the HBP row split in two, seven new */
  g_assert_cmpuint (n_rows, ==, 29);
  g_assert_cmpuint (check_table_matches_spec ("ddx-matrix.md", "Feature", rows, n_rows), ==, 29 * HEP_N_DDX);
}

/* The context rows of §5.3a, cell by cell, each with its source. */
static void
test_ddx_context_matches_spec (void)
{
  HepDdxRow rows[HEP_N_DDX_CONTEXTS];

  for (guint c = 0; c < HEP_N_DDX_CONTEXTS; c++)
    {
      const HepDdxRow *row = hep_ddx_get_context_row (c);

      rows[c] = *row;
      g_assert_true (hep_ddx_row_is_context (row));
      g_assert_true (g_str_has_prefix (row->id, "ddx.context."));
      g_assert_nonnull (strstr (hep_ddx_row_get_source (row), "§5.3a"));
      g_assert_nonnull (row->tokens);
    }
  g_assert_false (hep_ddx_row_is_context (hep_ddx_get_rows (NULL)));
  g_assert_cmpuint (check_table_matches_spec ("ddx-context.md", "Context (tokens)", rows, HEP_N_DDX_CONTEXTS),
                    ==, HEP_N_DDX_CONTEXTS * HEP_N_DDX);
  /* the grades are read from the engine's own rows, not the copy */
  g_assert_cmpint (hep_ddx_row_get_grade (hep_ddx_get_context_row (HEP_DDX_CONTEXT_MALIGNANCY_HYPERVASCULAR),
                                          HEP_DDX_MET_HYPERVASCULAR), ==, HEP_DDX_GRADE_STRONG);
  g_assert_cmpint (hep_ddx_row_get_grade (hep_ddx_get_context_row (HEP_DDX_CONTEXT_CIRRHOSIS), HEP_DDX_ADENOMA),
                   ==, HEP_DDX_GRADE_EXCLUDES);
}

/* Grades with qualifiers: the base grade before the qualifier counts. */
static void
test_ddx_grade_handling (void)
{
  static const struct {
    const char *row;
    const char *diagnosis;
    HepDdxGrade grade;
    int         points;
  } cases[] = {
    { "ddx.matrix.t2-marked", "met-hypervascular", HEP_DDX_GRADE_NEUTRAL, 0 },     /* 0/+ (NET, cystic) */
    { "ddx.matrix.nonrim-aphe", "adenoma", HEP_DDX_GRADE_SUPPORTS, 1 },           /* + (I-HCA ++) */
    { "ddx.matrix.corona", "thad", HEP_DDX_GRADE_NA, 0 },                         /* n/a */
    { "ddx.matrix.washout", "hemangioma", HEP_DDX_GRADE_EXCLUDES, -2 },           /* −− (ECA)* */
    { "ddx.matrix.washout", "adenoma", HEP_DDX_GRADE_AGAINST, -1 },               /* − (β-cat +) */
    { "ddx.matrix.hbp-hypo", "icc", HEP_DDX_GRADE_SUPPORTS, 1 },                  /* + since the split */
    { "ddx.matrix.hbp-hypo", "hemangioma", HEP_DDX_GRADE_SUPPORTS, 1 },           /* + (pitfall) */
    { "ddx.matrix.hbp-targetoid", "icc", HEP_DDX_GRADE_STRONG, 2 },
    { "ddx.matrix.no-aphe", "hcc", HEP_DDX_GRADE_AGAINST, -1 },                   /* − (hypovascular HCC) */
    { "ddx.matrix.no-aphe", "hemangioma", HEP_DDX_GRADE_NEUTRAL, 0 },             /* 0 (judge by the nodular pattern) */
    { "ddx.matrix.t2-mild-moderate", "cyst", HEP_DDX_GRADE_EXCLUDES, -2 },        /* −− (a cyst is fluid-bright) */
    { "ddx.matrix.count-innumerable", "abscess", HEP_DDX_GRADE_NEUTRAL, 0 },      /* 0 (fungal microabscesses) */
    { "ddx.matrix.count-innumerable", "biliary-hamartoma", HEP_DDX_GRADE_STRONG, 2 },
    { "ddx.matrix.hbp-iso-hyper", "hcc", HEP_DDX_GRADE_NEUTRAL, 0 },              /* 0 (15–20%) */
    { "ddx.matrix.rim-aphe", "biliary-hamartoma", HEP_DDX_GRADE_NEUTRAL, 0 },     /* 0 (thin rim) */
    { "ddx.matrix.gas", "abscess", HEP_DDX_GRADE_STRONG, 2 },
    { "ddx.matrix.gas", "hcc", HEP_DDX_GRADE_EXCLUDES, -2 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      HepDdxGrade g = hep_ddx_row_get_grade (row_by_id (cases[i].row), id (cases[i].diagnosis));

      g_assert_cmpint (g, ==, cases[i].grade);
      g_assert_cmpint (hep_ddx_grade_get_points (g), ==, cases[i].points);
    }
  g_assert_cmpstr (hep_ddx_grade_to_string (HEP_DDX_GRADE_EXCLUDES), ==, MINUS MINUS);
}

/* The token mapping of the design: each token makes exactly its row hold. */
static void
test_ddx_token_mapping (void)
{
  static const struct { const char *tokens; const char *row; } cases[] = {
    { "aphe=nonrim", "ddx.matrix.nonrim-aphe" },
    { "aphe=rim", "ddx.matrix.rim-aphe" },
    { "peripheral-nodular", "ddx.matrix.peripheral-nodular" },
    { "centripetal-fill", "ddx.matrix.centripetal-fill" },
    { "washout", "ddx.matrix.washout" },
    { "peripheral-washout", "ddx.matrix.peripheral-washout" },
    { "capsule", "ddx.matrix.capsule" },
    { "central-scar", "ddx.matrix.central-scar" },
    { "t2=marked", "ddx.matrix.t2-marked" },
    { "dwi=targetoid", "ddx.matrix.dwi-targetoid" },
    { "dwi=marked", "ddx.matrix.dwi-marked" },
    { "hbp=hypo", "ddx.matrix.hbp-hypo" },
    { "hbp=targetoid", "ddx.matrix.hbp-targetoid" },
    { "aphe=none", "ddx.matrix.no-aphe" },
    { "blood-products", "ddx.matrix.blood-products" },
    { "t2=mild-moderate", "ddx.matrix.t2-mild-moderate" },
    { "dwi=restricted", "ddx.matrix.dwi-restricted" },
    { "t1-hyper", "ddx.matrix.t1-hyper" },
    { "count=multiple", "ddx.matrix.count-multiple" },
    { "count=innumerable", "ddx.matrix.count-innumerable" },
    { "hbp=iso-hyper", "ddx.matrix.hbp-iso-hyper" },
    { "fat-in-mass", "ddx.matrix.fat-in-mass" },
    { "no-enhancement", "ddx.matrix.no-enhancement" },
    { "parallels-blood-pool", "ddx.matrix.parallels-blood-pool" },
    { "wedge-shaped", "ddx.matrix.wedge-geographic" },
    { "undistorted-vessels", "ddx.matrix.wedge-geographic" },
    { "wedge-shaped undistorted-vessels", "ddx.matrix.wedge-geographic" },
    { "corona", "ddx.matrix.corona" },
    { "capsular-retraction", "ddx.matrix.capsular-retraction" },
    { "gas", "ddx.matrix.gas" },
    { "tiv", "ddx.matrix.tiv" },
  };
  guint n;
  const HepDdxRow *rows = hep_ddx_get_rows (&n);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      HepFeatureSet fs;
      HepDdxResult r;
      const HepDdxRow *row = row_by_id (cases[i].row);

      parse (&fs, cases[i].tokens);
      hep_ddx_evaluate (&fs, &r);
      g_assert_cmpuint (r.rows, ==, 1u << (row - rows));
    }

  /* features without a §5.1 row, t2=iso, dwi=none and count=single score
   * nothing, and neither does a context without a §5.3a row */
  {
    HepFeatureSet fs;
    HepDdxResult r;

    parse (&fs, "t2=iso dwi=none dwi=none tp-hypo necrosis infiltrative size=30 count=single age=50 sex=m "
                "primary=renal");
    hep_ddx_evaluate (&fs, &r);
    g_assert_cmpuint (r.rows, ==, 0);
    g_assert_cmpuint (r.contexts, ==, 0);
    for (guint i = 0; i < HEP_N_DDX; i++)
      g_assert_cmpint (r.ranking[i].score, ==, 0);
  }
}

/* ---- scores ----------------------------------------------------------------------- */

static int
spec_points (const char *cell)
{
  if (g_str_has_prefix (cell, "++")) return 2;
  if (g_str_has_prefix (cell, "+")) return 1;
  if (g_str_has_prefix (cell, MINUS MINUS)) return -2;
  if (g_str_has_prefix (cell, MINUS)) return -1;
  return 0;
}

static void
random_features (GRand         *rand,
                 HepFeatureSet *fs,
                 double         p_flag)
{
  hep_feature_set_init (fs);
  for (guint i = 0; i < HEP_N_FEATURES; i++)
    {
      HepFeature f = (HepFeature) i;
      HepFeatureGroup g = hep_feature_get_group (f);

      switch (hep_feature_get_kind (f))
        {
        case HEP_FEATURE_KIND_FLAG:
          if (g_rand_double (rand) < (g == HEP_FEATURE_GROUP_JUDGMENT ? p_flag / 4 : p_flag))
            hep_feature_set_set (fs, f, 1);
          break;
        case HEP_FEATURE_KIND_CHOICE:
          if (f == HEP_FEATURE_RISK)
            hep_feature_set_set (fs, f, g_rand_int_range (rand, 0, 5));
          else if (g_rand_double (rand) < 0.7)
            hep_feature_set_set (fs, f, g_rand_int_range (rand, 1, (int) hep_feature_get_n_choices (f) + 1));
          break;
        case HEP_FEATURE_KIND_INT:
          if (f == HEP_FEATURE_SIZE && g_rand_double (rand) < 0.9)
            hep_feature_set_set (fs, f, g_rand_int_range (rand, 1, 60));
          else if (f == HEP_FEATURE_AGE && g_rand_double (rand) < 0.5)
            hep_feature_set_set (fs, f, g_rand_int_range (rand, 15, 90));
          break;
        default:
          g_assert_not_reached ();
        }
    }
}

/* Which §5.3a context rows hold, written here from the spec's table and the
 * notes under it, independently of the engine. */
static guint32
spec_contexts (const HepFeatureSet *fs)
{
  int risk = hep_feature_set_get (fs, HEP_FEATURE_RISK);
  int primary = hep_feature_set_get (fs, HEP_FEATURE_PRIMARY);
  int age = hep_feature_set_get (fs, HEP_FEATURE_AGE);
  gboolean km = hep_feature_set_has (fs, HEP_FEATURE_KNOWN_MALIGNANCY);
  gboolean excluded = hep_feature_set_has (fs, HEP_FEATURE_LIRADS_EXCLUDED);
  gboolean liver_disease = risk == HEP_RISK_CIRRHOSIS || risk == HEP_RISK_HBV || risk == HEP_RISK_PRIOR_HCC;
  guint32 c = 0;

  if (risk == HEP_RISK_CIRRHOSIS)
    c |= 1u << (excluded ? HEP_DDX_CONTEXT_EXCLUDED_CIRRHOSIS : HEP_DDX_CONTEXT_CIRRHOSIS);
  if (risk == HEP_RISK_HBV || risk == HEP_RISK_PRIOR_HCC)
    c |= 1u << HEP_DDX_CONTEXT_HBV_PRIOR_HCC;
  /* "risk=none, no known malignancy"; risk not given counts neither way */
  if (risk == HEP_RISK_NONE && !km)
    c |= 1u << HEP_DDX_CONTEXT_NO_RISK;
  /* known malignancy, no stated liver disease: "no HCC risk factor" */
  if (km && liver_disease)
    c |= 1u << HEP_DDX_CONTEXT_MALIGNANCY_AT_RISK;
  else if (km && (primary == HEP_PRIMARY_NEUROENDOCRINE || primary == HEP_PRIMARY_RENAL ||
                  primary == HEP_PRIMARY_MELANOMA || primary == HEP_PRIMARY_THYROID))
    c |= 1u << HEP_DDX_CONTEXT_MALIGNANCY_HYPERVASCULAR;
  else if (km && (primary == HEP_PRIMARY_COLORECTAL || primary == HEP_PRIMARY_PANCREAS ||
                  primary == HEP_PRIMARY_STOMACH || primary == HEP_PRIMARY_LUNG))
    c |= 1u << HEP_DDX_CONTEXT_MALIGNANCY_HYPOVASCULAR;
  else if (km)
    c |= 1u << HEP_DDX_CONTEXT_MALIGNANCY_MIXED;
  if (hep_feature_set_has (fs, HEP_FEATURE_HORMONE_USE))
    c |= 1u << HEP_DDX_CONTEXT_HORMONE_USE;
  if (hep_feature_set_has (fs, HEP_FEATURE_ANDROGEN_USE))
    c |= 1u << HEP_DDX_CONTEXT_ANDROGEN_USE;
  if (hep_feature_set_get (fs, HEP_FEATURE_SEX) == HEP_SEX_F && age != HEP_FEATURE_UNSET && age < 50)
    c |= 1u << HEP_DDX_CONTEXT_YOUNG_WOMAN;
  if (hep_feature_set_has (fs, HEP_FEATURE_FEVER))
    c |= 1u << HEP_DDX_CONTEXT_FEVER;
  if (hep_feature_set_has (fs, HEP_FEATURE_AFP_RAISED))
    c |= 1u << HEP_DDX_CONTEXT_AFP;
  if (hep_feature_set_has (fs, HEP_FEATURE_CA19_9_RAISED))
    c |= 1u << HEP_DDX_CONTEXT_CA19_9;
  return c;
}

/* The score is the sum of the cells of the matrix and context rows that
 * hold, computed here from the cell texts independently of the engine, with
 * the small-lesion step of §5.3a. The unpinned part of the ranking is
 * ordered by score. */
static void
test_ddx_score_and_order (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261121);
  guint n;
  const HepDdxRow *rows = hep_ddx_get_rows (&n);
  guint n_small = 0;

  for (guint k = 0; k < 5000; k++)
    {
      HepFeatureSet fs;
      HepDdxResult r;
      int prev = -1;
      guint32 contexts;
      int size;
      gboolean small;

      random_features (rand, &fs, 0.15);
      hep_ddx_evaluate (&fs, &r);
      contexts = spec_contexts (&fs);
      g_assert_cmpuint (r.contexts, ==, contexts);
      size = hep_feature_set_get (&fs, HEP_FEATURE_SIZE);
      small = hep_feature_set_has (&fs, HEP_FEATURE_KNOWN_MALIGNANCY) && size != HEP_FEATURE_UNSET && size < 10;
      g_assert_cmpint (r.small_lesion, ==, small);
      n_small += small;

      for (guint i = 0; i < HEP_N_DDX; i++)
        {
          const HepDdxEntry *e = &r.ranking[i];
          int score = 0, context = 0, n_for = 0, n_against = 0;

          for (guint j = 0; j < n; j++)
            {
              int pts;

              if (!hep_ddx_predicate_holds (&rows[j].when, &fs))
                continue;
              g_assert_true (r.rows & (1u << j));
              pts = spec_points (rows[j].cells[e->diagnosis]);
              score += pts;
              n_for += pts > 0;
              n_against += pts < 0;
            }
          for (guint c = 0; c < HEP_N_DDX_CONTEXTS; c++)
            {
              int pts;

              if (!(contexts & (1u << c)))
                continue;
              pts = spec_points (hep_ddx_get_context_row (c)->cells[e->diagnosis]);
              /* lesion < 10 mm with a known malignancy: each metastasis grade
               * of the known-malignancy rows one step lower */
              if (small && pts > 0 &&
                  (e->diagnosis == HEP_DDX_MET_HYPERVASCULAR || e->diagnosis == HEP_DDX_MET_HYPOVASCULAR) &&
                  (c == HEP_DDX_CONTEXT_MALIGNANCY_HYPERVASCULAR || c == HEP_DDX_CONTEXT_MALIGNANCY_HYPOVASCULAR ||
                   c == HEP_DDX_CONTEXT_MALIGNANCY_MIXED || c == HEP_DDX_CONTEXT_MALIGNANCY_AT_RISK))
                pts--;
              score += pts;
              context += pts;
              n_for += pts > 0;
              n_against += pts < 0;
            }
          g_assert_cmpint (e->score, ==, score);
          g_assert_cmpint (e->context, ==, context);
          g_assert_cmpint (e->n_for, ==, n_for);
          g_assert_cmpint (e->n_against, ==, n_against);

          /* pinned entries first, then by score */
          if (e->pinned_by >= 0)
            {
              g_assert_cmpint (prev, ==, (int) i - 1);
              prev = (int) i;
            }
          else if (i > 0 && r.ranking[i - 1].pinned_by < 0)
            g_assert_cmpint (r.ranking[i - 1].score, >=, e->score);
        }
    }
  g_assert_cmpuint (n_small, >=, 50);

  /* empty: nothing holds, everything scores 0 */
  {
    HepFeatureSet fs;
    HepDdxResult r;

    hep_feature_set_init (&fs);
    g_assert_cmpint (hep_ddx_evaluate (&fs, &r), ==, HEP_DDX_HCC);
    g_assert_cmpuint (r.rows, ==, 0);
    g_assert_cmpuint (r.hard_rules, ==, 0);
    g_assert_cmpuint (r.pitfalls, ==, 0);
    g_assert_cmpint (r.lirads, ==, HEP_LIRADS_NA);
  }
  g_assert_cmpint (hep_ddx_evaluate (&(HepFeatureSet) { { 0 } }, NULL), >=, 0);
}

/* ---- rankings from the spec ---------------------------------------------------- */

typedef struct {
  const char *tokens;
  const char *top;          /* expected first */
  int         hard_rule;    /* expected to fire, or -1 */
  int         not_rule;     /* expected not to fire, or -1 */
} RankCase;

static void
check_rank_cases (const RankCase *cases,
                  guint           n)
{
  for (guint i = 0; i < n; i++)
    {
      HepFeatureSet fs;
      HepDdxResult r;
      HepDdxDiagnosis top;

      parse (&fs, cases[i].tokens);
      top = hep_ddx_evaluate (&fs, &r);
      if (top != id (cases[i].top))
        g_error ("“%s”: top %s, expected %s", cases[i].tokens,
                 hep_ddx_diagnosis_to_string (top), cases[i].top);
      g_assert_cmpint (r.ranking[0].diagnosis, ==, top);
      if (cases[i].hard_rule >= 0)
        {
          g_assert_true (r.hard_rules & (1u << cases[i].hard_rule));
          g_assert_cmpint (r.ranking[0].pinned_by, ==, cases[i].hard_rule);
        }
      if (cases[i].not_rule >= 0)
        g_assert_false (r.hard_rules & (1u << cases[i].not_rule));
    }
}

/* One characteristic (++) feature, nothing else: the matrix decides. Ties
 * follow the documented order of last resort. */
static void
test_ddx_single_features (void)
{
  static const RankCase cases[] = {
    { "gas", "abscess", -1, -1 },
    { "capsular-retraction", "icc", -1, -1 },
    { "central-scar", "fnh", -1, -1 },
    { "parallels-blood-pool", "hemangioma", -1, -1 },
    { "peripheral-nodular", "hemangioma", -1, -1 },
    { "centripetal-fill", "hemangioma", -1, -1 },
    { "dwi=marked", "abscess", -1, -1 },
    { "no-enhancement", "cyst", -1, HEP_DDX_HARD_CYST },   /* cyst = BH = ++; tie order */
    { "dwi=targetoid", "met-hypovascular", -1, -1 },       /* = icc; most metastases are hypovascular */
    { "tiv", "hcc", -1, HEP_DDX_HARD_LIRADS_TIV_HCC },     /* not at risk: the matrix */
    { "aphe=rim", "met-hypovascular", -1, -1 },            /* = icc = abscess */
  };

  check_rank_cases (cases, G_N_ELEMENTS (cases));
}

static void
test_ddx_hard_rules (void)
{
  static const RankCase cases[] = {
    /* §5.4 item 2 clinical rules */
    { "no-enhancement t2=marked", "cyst", HEP_DDX_HARD_CYST, -1 },
    { "no-enhancement t2=marked size=12", "cyst", HEP_DDX_HARD_CYST, -1 },
    { "no-enhancement t2=marked gas", "abscess", -1, HEP_DDX_HARD_CYST },
    { "no-enhancement t2=marked dwi=marked", "abscess", -1, HEP_DDX_HARD_CYST },
    { "peripheral-nodular t2=marked known-malignancy", "hemangioma", HEP_DDX_HARD_HEMANGIOMA, -1 },
    { "peripheral-nodular t2=marked hbp=hypo", "hemangioma", HEP_DDX_HARD_HEMANGIOMA, -1 },
    { "fat-in-mass undistorted-vessels", "focal-fat", HEP_DDX_HARD_FOCAL_FAT, -1 },
    { "fat-in-mass wedge-shaped", "focal-fat", HEP_DDX_HARD_FOCAL_FAT, -1 },
    { "fat-in-mass", "adenoma", -1, HEP_DDX_HARD_FOCAL_FAT },
    { "aphe=nonrim wedge-shaped t2=iso dwi=none", "thad", HEP_DDX_HARD_THAD, -1 },
    { "aphe=nonrim wedge-shaped t2=iso dwi=none hbp=iso-hyper", "thad", HEP_DDX_HARD_THAD, -1 },
    /* "no T2/DWI correlate" must be given; "iso later" excludes washout */
    { "aphe=nonrim wedge-shaped", "thad", -1, HEP_DDX_HARD_THAD },
    { "aphe=nonrim wedge-shaped t2=iso dwi=none washout", "hcc", -1, HEP_DDX_HARD_THAD },
    { "aphe=nonrim wedge-shaped t2=marked dwi=none", "hemangioma", -1, HEP_DDX_HARD_THAD },
    /* LI-RADS */
    { "risk=cirrhosis size=15 aphe=nonrim washout", "hcc", HEP_DDX_HARD_LIRADS_5, -1 },
    { "risk=hbv size=25 aphe=nonrim capsule", "hcc", HEP_DDX_HARD_LIRADS_5, -1 },
    { "risk=cirrhosis size=15 aphe=nonrim capsule", "hcc", HEP_DDX_HARD_LIRADS_4, HEP_DDX_HARD_LIRADS_5 },     /* LR-4 */
    { "risk=cirrhosis size=25 aphe=nonrim washout necrosis", "hcc", HEP_DDX_HARD_LIRADS_5, HEP_DDX_HARD_LIRADS_M_NONTARGETOID },
    { "risk=cirrhosis size=25 aphe=nonrim washout dwi=targetoid", "met-hypervascular", HEP_DDX_HARD_LIRADS_M_TARGETOID, HEP_DDX_HARD_LIRADS_5 },
    { "risk=cirrhosis size=25 aphe=rim ca19-9-raised", "icc", HEP_DDX_HARD_LIRADS_M_TARGETOID, -1 },
    { "risk=cirrhosis size=25 aphe=rim capsular-retraction", "icc", HEP_DDX_HARD_LIRADS_M_TARGETOID, -1 },
    { "risk=prior-hcc size=15 aphe=nonrim infiltrative", "met-hypervascular", HEP_DDX_HARD_LIRADS_M_NONTARGETOID, -1 },
    { "risk=cirrhosis tiv size=25 aphe=nonrim washout", "hcc", HEP_DDX_HARD_LIRADS_TIV_HCC, -1 },
    { "risk=cirrhosis tiv", "hcc", HEP_DDX_HARD_LIRADS_TIV_HCC, -1 },
    { "risk=cirrhosis tiv size=25 aphe=rim", "icc", HEP_DDX_HARD_LIRADS_TIV_NON_HCC, HEP_DDX_HARD_LIRADS_TIV_HCC },
    /* LI-RADS outranks the other hard rules */
    { "risk=cirrhosis size=25 aphe=nonrim washout peripheral-nodular t2=marked hbp=hypo", "hcc", HEP_DDX_HARD_LIRADS_5, -1 },
    /* without the conflicting malignant AF, marked T2 downgrades LR-5 to LR-4;
     * since §5.4 item 6 (2026-12-06) LR-4 without an LR-M feature ranks HCC
     * first like LR-5, above the hemangioma rule (checked below) */
    { "risk=cirrhosis size=25 aphe=nonrim washout peripheral-nodular t2=marked", "hcc", HEP_DDX_HARD_LIRADS_4, HEP_DDX_HARD_LIRADS_5 },
    /* not at risk: no LI-RADS rule, the matrix decides */
    { "size=25 aphe=nonrim washout capsule", "hcc", -1, HEP_DDX_HARD_LIRADS_5 },
    { "risk=cirrhosis lirads-excluded size=25 aphe=nonrim washout", "hcc", -1, HEP_DDX_HARD_LIRADS_5 },
  };

  check_rank_cases (cases, G_N_ELEMENTS (cases));

  /* precedence: both pinned, in rule order */
  {
    HepFeatureSet fs;
    HepDdxResult r;

    parse (&fs, "risk=cirrhosis size=25 aphe=nonrim washout peripheral-nodular t2=marked hbp=hypo");
    hep_ddx_evaluate (&fs, &r);
    g_assert_cmpint (r.ranking[1].diagnosis, ==, HEP_DDX_HEMANGIOMA);
    g_assert_cmpint (r.ranking[1].pinned_by, ==, HEP_DDX_HARD_HEMANGIOMA);
    parse (&fs, "risk=cirrhosis size=25 aphe=nonrim washout peripheral-nodular t2=marked");
    hep_ddx_evaluate (&fs, &r);
    g_assert_cmpint (r.lirads, ==, HEP_LIRADS_4);
    g_assert_cmpint (r.ranking[1].diagnosis, ==, HEP_DDX_HEMANGIOMA);
    g_assert_cmpint (r.ranking[1].pinned_by, ==, HEP_DDX_HARD_HEMANGIOMA);
  }

  for (guint i = 0; i < HEP_N_DDX_HARD_RULES; i++)
    {
      g_assert_true (g_str_has_prefix (hep_ddx_hard_rule_get_id (i), "ddx.hard."));
      g_assert_nonnull (hep_ddx_hard_rule_get_title (i));
      g_assert_nonnull (strstr (hep_ddx_hard_rule_get_source (i), "clinical-rules §"));
    }
  /* the clinical hard rules are not from a confirmed source */
  g_assert_false (hep_provenance_is_verified (hep_ddx_hard_rule_get_provenance (HEP_DDX_HARD_CYST)));
  g_assert_false (hep_provenance_is_verified (hep_ddx_hard_rule_get_provenance (HEP_DDX_HARD_THAD)));
}

/* ---- clinical context (§5.3a) ------------------------------------------------------ */

/* The first diagnosis for @tokens, which must not be pinned by a hard rule. */
static HepDdxDiagnosis
top_by_score (const char   *tokens,
              HepDdxResult *r)
{
  HepFeatureSet fs;
  HepDdxDiagnosis top;

  parse (&fs, tokens);
  top = hep_ddx_evaluate (&fs, r);
  if (r->ranking[0].pinned_by >= 0)
    g_error ("“%s”: %s is pinned by %s; the vignette should be decided by the score", tokens,
             hep_ddx_diagnosis_to_string (top), hep_ddx_hard_rule_get_id (r->ranking[0].pinned_by));
  return top;
}

/* For each context row, a vignette where adding it decides the order and one
 * where it does not, derived by hand from the §5.1 and §5.3a tables (the
 * comments give the scores: ++ 2, + 1, − −1, −− −2; equal scores keep the
 * fixed order HCC, HypoMet, HyperMet, Hem, FNH, HCA, Cyst, BH, Absc, iCCA,
 * Fat, THAD). */
static void
test_ddx_context_rows_decide (void)
{
  static const struct {
    HepDdxContext context;
    const char   *base;       /* the lesion */
    const char   *added;      /* the context tokens */
    const char   *before;     /* first without them */
    const char   *after;      /* first with them */
  } cases[] = {
    /* t1-hyper: HCA 2, HCC 1; cirrhosis: HCC 1+2 = 3, HCA 2−2 = 0 (LR-3, no pin) */
    { HEP_DDX_CONTEXT_CIRRHOSIS, "t1-hyper", "risk=cirrhosis", "adenoma", "hcc" },
    /* blood-pool pattern: Hem 6, HCC −3 with cirrhosis (LR-2 by the benign AF) */
    { HEP_DDX_CONTEXT_CIRRHOSIS, "peripheral-nodular centripetal-fill parallels-blood-pool", "risk=cirrhosis",
      "hemangioma", "hemangioma" },
    /* t1-hyper: HBV makes HCC 3, HCA 1 */
    { HEP_DDX_CONTEXT_HBV_PRIOR_HCC, "t1-hyper", "risk=hbv", "adenoma", "hcc" },
    { HEP_DDX_CONTEXT_HBV_PRIOR_HCC, "peripheral-nodular centripetal-fill parallels-blood-pool", "risk=prior-hcc",
      "hemangioma", "hemangioma" },
    /* nonrim APHE: HCC 2 = FNH 2 (HCC by the fixed order); excluded cirrhosis: FNH 3 */
    { HEP_DDX_CONTEXT_EXCLUDED_CIRRHOSIS, "aphe=nonrim", "risk=cirrhosis lirads-excluded", "hcc", "fnh" },
    /* APHE + washout + capsule: HCC 6, FNH −1 */
    { HEP_DDX_CONTEXT_EXCLUDED_CIRRHOSIS, "aphe=nonrim washout capsule", "risk=cirrhosis lirads-excluded", "hcc", "hcc" },
    /* nonrim APHE: risk=none makes HCC 1 < FNH 2 */
    { HEP_DDX_CONTEXT_NO_RISK, "aphe=nonrim", "risk=none", "hcc", "fnh" },
    { HEP_DDX_CONTEXT_NO_RISK, "aphe=nonrim washout capsule", "risk=none", "hcc", "hcc" },
    /* APHE + washout: HCC 4, HyperMet 2; renal primary: HCC 3, HyperMet 4 */
    { HEP_DDX_CONTEXT_MALIGNANCY_HYPERVASCULAR, "aphe=nonrim washout", "known-malignancy primary=renal",
      "hcc", "met-hypervascular" },
    /* blood-pool pattern: Hem 6, HyperMet −3 + 2 */
    { HEP_DDX_CONTEXT_MALIGNANCY_HYPERVASCULAR, "peripheral-nodular centripetal-fill parallels-blood-pool",
      "known-malignancy primary=melanoma", "hemangioma", "hemangioma" },
    /* rim APHE + capsular retraction: iCCA 4, HypoMet 3; colorectal primary: HypoMet 5 */
    { HEP_DDX_CONTEXT_MALIGNANCY_HYPOVASCULAR, "aphe=rim capsular-retraction", "known-malignancy primary=colorectal",
      "icc", "met-hypovascular" },
    /* APHE + washout + capsule: HCC 6 − 1, HypoMet −2 + 2 */
    { HEP_DDX_CONTEXT_MALIGNANCY_HYPOVASCULAR, "aphe=nonrim washout capsule", "known-malignancy primary=lung",
      "hcc", "hcc" },
    /* APHE + washout: HCC 3, HyperMet 4 with a primary not given */
    { HEP_DDX_CONTEXT_MALIGNANCY_MIXED, "aphe=nonrim washout", "known-malignancy", "hcc", "met-hypervascular" },
    { HEP_DDX_CONTEXT_MALIGNANCY_MIXED, "peripheral-nodular centripetal-fill parallels-blood-pool",
      "known-malignancy primary=breast", "hemangioma", "hemangioma" },
    /* HBV + targetoid DWI is LR-M: the best non-HCC malignancy is iCCA 2+1 over
     * HypoMet 2; a known malignancy makes HypoMet 3, first by the fixed order */
    { HEP_DDX_CONTEXT_MALIGNANCY_AT_RISK, "risk=hbv dwi=targetoid", "known-malignancy", "icc", "met-hypovascular" },
    /* HBV, blood-pool pattern: Hem 6, metastases −3 + 1 */
    { HEP_DDX_CONTEXT_MALIGNANCY_AT_RISK, "risk=hbv peripheral-nodular centripetal-fill parallels-blood-pool",
      "known-malignancy primary=neuroendocrine", "hemangioma", "hemangioma" },
    /* APHE + HBP hypo: HCC 3, HCA 2; the pill: HCA 4 */
    { HEP_DDX_CONTEXT_HORMONE_USE, "aphe=nonrim hbp=hypo", "hormone-use", "hcc", "adenoma" },
    /* FNH with scar and HBP uptake: FNH 6, HCA 0 + 2 */
    { HEP_DDX_CONTEXT_HORMONE_USE, "aphe=nonrim central-scar hbp=iso-hyper", "hormone-use", "fnh", "fnh" },
    /* APHE, several lesions: FNH 3; steroids: HCA 2+2 = 4, HCC 2+1 = 3 */
    { HEP_DDX_CONTEXT_ANDROGEN_USE, "aphe=nonrim count=multiple", "androgen-use", "fnh", "adenoma" },
    { HEP_DDX_CONTEXT_ANDROGEN_USE, "peripheral-nodular centripetal-fill parallels-blood-pool", "androgen-use",
      "hemangioma", "hemangioma" },
    /* nonrim APHE: HCC 2 = FNH 2; a woman of 30: FNH 3 */
    { HEP_DDX_CONTEXT_YOUNG_WOMAN, "aphe=nonrim", "sex=f age=30", "hcc", "fnh" },
    { HEP_DDX_CONTEXT_YOUNG_WOMAN, "aphe=nonrim washout capsule", "sex=f age=30", "hcc", "hcc" },
    /* rim APHE: HypoMet = iCCA = Absc 2; fever: Absc 4 */
    { HEP_DDX_CONTEXT_FEVER, "aphe=rim", "fever", "met-hypovascular", "abscess" },
    { HEP_DDX_CONTEXT_FEVER, "aphe=nonrim washout capsule", "fever", "hcc", "hcc" },
    /* t1-hyper: HCA 2, HCC 1; AFP: HCC 2, first by the fixed order */
    { HEP_DDX_CONTEXT_AFP, "t1-hyper", "afp-raised", "adenoma", "hcc" },
    { HEP_DDX_CONTEXT_AFP, "peripheral-nodular centripetal-fill parallels-blood-pool", "afp-raised",
      "hemangioma", "hemangioma" },
    /* rim APHE + marked restriction: Absc 4, HypoMet = iCCA 3; CA 19-9: all 4 */
    { HEP_DDX_CONTEXT_CA19_9, "aphe=rim dwi=marked", "ca19-9-raised", "abscess", "met-hypovascular" },
    { HEP_DDX_CONTEXT_CA19_9, "peripheral-nodular centripetal-fill parallels-blood-pool", "ca19-9-raised",
      "hemangioma", "hemangioma" },
  };
  guint n_deciding[HEP_N_DDX_CONTEXTS] = { 0, }, n_not[HEP_N_DDX_CONTEXTS] = { 0, };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *with = g_strdup_printf ("%s %s", cases[i].base, cases[i].added);
      HepDdxResult r0, r1;
      HepDdxDiagnosis before, after;

      /* the LR-M vignette is decided inside the LR-M rule's choice */
      if (cases[i].context == HEP_DDX_CONTEXT_MALIGNANCY_AT_RISK && strstr (cases[i].base, "dwi=targetoid"))
        {
          HepFeatureSet fs;

          parse (&fs, cases[i].base);
          before = hep_ddx_evaluate (&fs, &r0);
          parse (&fs, with);
          after = hep_ddx_evaluate (&fs, &r1);
          g_assert_cmpint (r1.ranking[0].pinned_by, ==, HEP_DDX_HARD_LIRADS_M_TARGETOID);
        }
      else
        {
          before = top_by_score (cases[i].base, &r0);
          after = top_by_score (with, &r1);
        }
      g_assert_false (r0.contexts & (1u << cases[i].context));
      g_assert_true (r1.contexts & (1u << cases[i].context));
      /* the added tokens make exactly this context row hold */
      g_assert_cmpuint (r1.contexts & ~r0.contexts, ==, 1u << cases[i].context);
      if (before != id (cases[i].before) || after != id (cases[i].after))
        g_error ("%s: “%s” %s → %s, expected %s → %s", hep_ddx_get_context_row (cases[i].context)->id, with,
                 hep_ddx_diagnosis_to_string (before), hep_ddx_diagnosis_to_string (after),
                 cases[i].before, cases[i].after);
      if (before != after)
        n_deciding[cases[i].context]++;
      else
        n_not[cases[i].context]++;
    }
  for (guint c = 0; c < HEP_N_DDX_CONTEXTS; c++)
    {
      g_assert_cmpuint (n_deciding[c], >=, 1);
      g_assert_cmpuint (n_not[c], >=, 1);
    }
}

/* The former tie-breaker table (priors of §5.3), now scored as context
 * rows (§5.3a). Every expectation is the old one except where the revised
 * spec makes it wrong, marked "changed". */
static void
test_ddx_context_single (void)
{
  static const RankCase cases[] = {
    { "", "hcc", -1, -1 },
    { "fever", "abscess", -1, -1 },
    { "afp-raised", "hcc", -1, -1 },
    { "hormone-use", "adenoma", -1, -1 },
    { "androgen-use", "adenoma", -1, -1 },             /* HCA ++ over HCC + */
    { "sex=f age=30", "fnh", -1, -1 },
    { "sex=f age=70", "hcc", -1, -1 },
    { "known-malignancy", "met-hypovascular", -1, -1 },   /* HypoMet ++ = HyperMet ++, fixed order */
    { "known-malignancy primary=renal", "met-hypervascular", -1, -1 },
    /* changed: CA 19-9 is + for HypoMet (pancreas, colorectal) as well as
     * for iCCA, so targetoid DWI + CA 19-9 ties HypoMet and iCCA at 3 and
     * the fixed order puts HypoMet first (the old tie-breaker gave iCCA) */
    { "dwi=targetoid ca19-9-raised", "met-hypovascular", -1, -1 },
    { "dwi=targetoid aphe=rim capsular-retraction ca19-9-raised", "icc", -1, -1 },
    { "fat-in-mass hormone-use", "adenoma", -1, -1 },
    { "hbp=iso-hyper sex=f age=25", "fnh", -1, -1 },
    /* context is evidence now, but these imaging patterns still win */
    { "peripheral-nodular centripetal-fill known-malignancy", "hemangioma", -1, -1 },
    { "gas afp-raised", "abscess", -1, -1 },
    { "central-scar fever", "fnh", -1, -1 },
    { "risk=cirrhosis aphe=nonrim wedge-shaped", "thad", -1, HEP_DDX_HARD_LIRADS_4 },
  };

  check_rank_cases (cases, G_N_ELEMENTS (cases));
}

/* The notes under the §5.3a table. */
static void
test_ddx_context_notes (void)
{
  HepFeatureSet fs;
  HepDdxResult r;
  HepDdxEvidence ev[HEP_DDX_MAX_EVIDENCE];
  guint n;
  gboolean found = FALSE;

  /* risk not given counts neither way ... */
  parse (&fs, "aphe=nonrim");
  hep_ddx_evaluate (&fs, &r);
  g_assert_cmpuint (r.contexts, ==, 0);
  /* ... except with a known malignancy: "no HCC risk factor" assumed, its
   * HCC − once, not again with risk=none */
  parse (&fs, "known-malignancy aphe=nonrim");
  hep_ddx_evaluate (&fs, &r);
  g_assert_cmpuint (r.contexts, ==, 1u << HEP_DDX_CONTEXT_MALIGNANCY_MIXED);
  g_assert_cmpint (hep_ddx_result_find (&r, HEP_DDX_HCC, NULL)->context, ==, -1);
  parse (&fs, "known-malignancy risk=none aphe=nonrim");
  hep_ddx_evaluate (&fs, &r);
  g_assert_cmpuint (r.contexts, ==, 1u << HEP_DDX_CONTEXT_MALIGNANCY_MIXED);
  g_assert_cmpint (hep_ddx_result_find (&r, HEP_DDX_HCC, NULL)->context, ==, -1);
  /* with an HCC risk factor: HCC 0 from the malignancy row, ++ from cirrhosis */
  parse (&fs, "known-malignancy risk=cirrhosis");
  hep_ddx_evaluate (&fs, &r);
  g_assert_cmpuint (r.contexts, ==, (1u << HEP_DDX_CONTEXT_CIRRHOSIS) | (1u << HEP_DDX_CONTEXT_MALIGNANCY_AT_RISK));
  g_assert_cmpint (hep_ddx_result_find (&r, HEP_DDX_HCC, NULL)->context, ==, 2);
  g_assert_cmpint (hep_ddx_result_find (&r, HEP_DDX_MET_HYPERVASCULAR, NULL)->context, ==, -1 + 1);
  /* a primary without known-malignancy is not read */
  parse (&fs, "primary=renal");
  hep_ddx_evaluate (&fs, &r);
  g_assert_cmpuint (r.contexts, ==, 0);
  /* a woman's age must be given and under 50 */
  parse (&fs, "sex=f");
  hep_ddx_evaluate (&fs, &r);
  g_assert_cmpuint (r.contexts, ==, 0);
  parse (&fs, "sex=f age=50");
  hep_ddx_evaluate (&fs, &r);
  g_assert_cmpuint (r.contexts, ==, 0);
  parse (&fs, "sex=m age=30");
  hep_ddx_evaluate (&fs, &r);
  g_assert_cmpuint (r.contexts, ==, 0);

  /* under 10 mm with a known malignancy, the metastasis grades drop a step:
   * 8 mm: HCC 2+2−1 = 3, HyperMet 1+1+1 = 3, HCC first by the fixed order;
   * 12 mm: HyperMet 1+1+2 = 4 */
  g_assert_cmpint (top_by_score ("known-malignancy size=8 aphe=nonrim washout", &r), ==, HEP_DDX_HCC);
  g_assert_true (r.small_lesion);
  g_assert_cmpint (hep_ddx_result_find (&r, HEP_DDX_MET_HYPERVASCULAR, NULL)->score, ==, 3);
  g_assert_cmpint (hep_ddx_result_find (&r, HEP_DDX_MET_HYPOVASCULAR, NULL)->context, ==, 1);
  g_assert_cmpint (hep_ddx_result_find (&r, HEP_DDX_HCC, NULL)->context, ==, -1);   /* HCC is not a metastasis grade */
  n = hep_ddx_collect_evidence (&r, HEP_DDX_MET_HYPERVASCULAR, +1, ev, G_N_ELEMENTS (ev));
  for (guint i = 0; i < n; i++)
    if (ev[i].context)
      {
        g_assert_true (ev[i].row == hep_ddx_get_context_row (HEP_DDX_CONTEXT_MALIGNANCY_MIXED));
        g_assert_cmpint (ev[i].grade, ==, HEP_DDX_GRADE_SUPPORTS);
        g_assert_true (ev[i].lowered);
        found = TRUE;
      }
  g_assert_true (found);
  g_assert_cmpint (top_by_score ("known-malignancy size=12 aphe=nonrim washout", &r), ==, HEP_DDX_MET_HYPERVASCULAR);
  g_assert_false (r.small_lesion);
  g_assert_cmpint (hep_ddx_result_find (&r, HEP_DDX_MET_HYPERVASCULAR, NULL)->score, ==, 4);
  /* size not given: no step */
  parse (&fs, "known-malignancy primary=renal");
  hep_ddx_evaluate (&fs, &r);
  g_assert_false (r.small_lesion);
  g_assert_cmpint (hep_ddx_result_find (&r, HEP_DDX_MET_HYPERVASCULAR, NULL)->score, ==, 2);
  /* + → 0 at 9 mm: a renal primary's HypoMet + */
  parse (&fs, "known-malignancy primary=renal size=9");
  hep_ddx_evaluate (&fs, &r);
  g_assert_cmpint (hep_ddx_result_find (&r, HEP_DDX_MET_HYPERVASCULAR, NULL)->score, ==, 1);
  g_assert_cmpint (hep_ddx_result_find (&r, HEP_DDX_MET_HYPOVASCULAR, NULL)->score, ==, 0);
  g_assert_cmpint (hep_ddx_result_find (&r, HEP_DDX_HCC, NULL)->score, ==, -1);

  /* fever adds to abscess and takes from nothing */
  parse (&fs, "fever");
  hep_ddx_evaluate (&fs, &r);
  for (guint i = 0; i < HEP_N_DDX; i++)
    g_assert_cmpint (r.ranking[i].score, ==, r.ranking[i].diagnosis == HEP_DDX_ABSCESS ? 2 : 0);
}

/* The issue's vignettes and the counterfactual pairs that must swap HCC and
 * metastasis where §5.3a says so, by hand from the tables. */
static void
test_ddx_context_counterfactuals (void)
{
  static const struct {
    const char *tokens;
    const char *first;
    const char *below;     /* ranked below the first */
  } cases[] = {
    /* the issue's vignette: imaging HCC 2+2+1+1 = 6, HyperMet 1+1+1+1 = 4;
     * known primary not given: HCC −1, HyperMet ++ → 5 vs 6 */
    { "risk=none known-malignancy size=15 aphe=nonrim washout t2=mild-moderate dwi=restricted", "met-hypervascular", "hcc" },
    /* without the known malignancy: risk=none, HCC 6 − 1 = 5 over HyperMet 4 */
    { "risk=none size=15 aphe=nonrim washout t2=mild-moderate dwi=restricted", "hcc", "met-hypervascular" },
    /* hypervascular primary: HyperMet 4 + 2 = 6 over HCC 5 */
    { "risk=none known-malignancy primary=neuroendocrine size=15 aphe=nonrim washout t2=mild-moderate dwi=restricted",
      "met-hypervascular", "hcc" },
    /* hypovascular primary: HCC 5 over HyperMet 4 and HypoMet 1 + 2 = 3 */
    { "risk=none known-malignancy primary=colorectal size=15 aphe=nonrim washout t2=mild-moderate dwi=restricted",
      "hcc", "met-hypervascular" },
    { "risk=none known-malignancy primary=colorectal size=15 aphe=nonrim washout t2=mild-moderate dwi=restricted",
      "hcc", "met-hypovascular" },
    /* cirrhosis: LR-5, and by score HCC 6 + 2 = 8 over HyperMet 4 − 1 + 1 = 4 */
    { "risk=cirrhosis known-malignancy size=15 aphe=nonrim washout t2=mild-moderate dwi=restricted", "hcc", "met-hypervascular" },
    /* cirrhosis of an excluded cause, no LI-RADS: HCC 6 + 0 over HyperMet 4 + 1 */
    { "risk=cirrhosis lirads-excluded known-malignancy size=15 aphe=nonrim washout t2=mild-moderate dwi=restricted",
      "hcc", "met-hypervascular" },
    /* the young woman on the pill: HCA 1 + 1 + 2 = 4 over HCC 2 + 1 = 3 and FNH 2 − 2 + 1 = 1 */
    { "sex=f age=25 hormone-use aphe=nonrim hbp=hypo", "adenoma", "hcc" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      HepFeatureSet fs;
      HepDdxResult r;
      guint rank;

      parse (&fs, cases[i].tokens);
      hep_ddx_evaluate (&fs, &r);
      if (r.ranking[0].diagnosis != id (cases[i].first))
        g_error ("“%s”: first %s, expected %s", cases[i].tokens,
                 hep_ddx_diagnosis_to_string (r.ranking[0].diagnosis), cases[i].first);
      hep_ddx_result_find (&r, id (cases[i].below), &rank);
      g_assert_cmpuint (rank, >, 0);
    }

  /* the vignette's scores and its context evidence */
  {
    HepFeatureSet fs;
    HepDdxResult r;
    HepDdxEvidence ev[HEP_DDX_MAX_EVIDENCE];
    guint n;

    parse (&fs, cases[0].tokens);
    hep_ddx_evaluate (&fs, &r);
    g_assert_cmpint (r.ranking[0].score, ==, 6);
    g_assert_cmpint (r.ranking[0].context, ==, 2);
    g_assert_cmpint (r.ranking[1].diagnosis, ==, HEP_DDX_HCC);
    g_assert_cmpint (r.ranking[1].score, ==, 5);
    g_assert_cmpint (r.ranking[1].pinned_by, ==, -1);
    n = hep_ddx_collect_evidence (&r, HEP_DDX_HCC, -1, ev, G_N_ELEMENTS (ev));
    g_assert_cmpuint (n, ==, 1);
    g_assert_true (ev[0].context);
    g_assert_true (ev[0].row == hep_ddx_get_context_row (HEP_DDX_CONTEXT_MALIGNANCY_MIXED));
    g_assert_cmpint (ev[0].grade, ==, HEP_DDX_GRADE_AGAINST);
    g_assert_false (ev[0].lowered);
  }
}

/* §5.4 item 7: the line that says what separates the first two. */
static void
test_ddx_first_two (void)
{
  HepFeatureSet fs;
  HepDdxResult r;
  HepDdxEvidence pro[8], con[8];
  guint n_pro, n_con;
  g_autofree char *line = NULL;
  g_autofree char *pinned = NULL;

  parse (&fs, "risk=none known-malignancy size=15 aphe=nonrim washout t2=mild-moderate dwi=restricted");
  hep_ddx_evaluate (&fs, &r);
  n_pro = hep_ddx_separate_top_two (&r, pro, &n_con, con, G_N_ELEMENTS (pro));
  /* for HyperMet over HCC only the context row (++ vs −); against it nonrim
   * APHE and washout (+ vs ++ each); T2 and DWI grade both + */
  g_assert_cmpuint (n_pro, ==, 1);
  g_assert_true (pro[0].context);
  g_assert_cmpuint (n_con, ==, 2);
  g_assert_false (con[0].context);
  line = hep_ddx_describe_top_two (&r);
  g_assert_cmpstr (line, ==,
                   "Hypervascular metastasis over hepatocellular carcinoma (score 6 vs 5): "
                   "known malignancy, mixed or unknown primary (context ++/" MINUS "); "
                   "against: nonrim APHE (+/++), nonperipheral washout (+/++)");

  /* a hard rule says so */
  parse (&fs, "risk=cirrhosis size=25 aphe=nonrim washout");
  hep_ddx_evaluate (&fs, &r);
  pinned = hep_ddx_describe_top_two (&r);
  g_assert_true (g_str_has_prefix (pinned, "Hepatocellular carcinoma over "));
  g_assert_nonnull (strstr (pinned, "hard rule “LI-RADS LR-5"));
}

/* §5.4 item 6, the answers to the reviewer's questions. */
static void
test_ddx_reviewer_answers (void)
{
  static const RankCase cases[] = {
    /* LR-4 without any LR-M feature: HCC first, "probably HCC". The reviewed
     * example: a hypovascular LR-4 (no APHE, ≥ 20 mm, washout) that the
     * scores alone put under iCCA: HCC −1+2−1−1 +2 (cirrhosis) = 1,
     * iCCA 0−1+2+1 +1 = 3, HypoMet 1+0+1+1 −1 = 2 */
    { "risk=cirrhosis size=25 aphe=none washout capsular-retraction centripetal-fill", "hcc", HEP_DDX_HARD_LIRADS_4, -1 },
    { "risk=hbv size=22 aphe=none washout t2=mild-moderate dwi=restricted tp-hypo hbp=hypo", "hcc", HEP_DDX_HARD_LIRADS_4, -1 },
    /* LR-3 is ranked by the scores */
    { "risk=cirrhosis size=15 aphe=nonrim", "hcc", -1, HEP_DDX_HARD_LIRADS_4 },
    /* the same lesion without LI-RADS (no risk given, no cirrhosis row):
     * HypoMet 1+0+1+1 = 3 over iCCA 0−1+2+1 = 2 and HCC −1 */
    { "size=25 aphe=none washout capsular-retraction centripetal-fill", "met-hypovascular", -1, HEP_DDX_HARD_LIRADS_4 },
    /* gas with fever or rim APHE: abscess first, even at LR-M */
    { "gas fever", "abscess", HEP_DDX_HARD_GAS_ABSCESS, -1 },
    { "risk=cirrhosis size=25 aphe=rim gas", "abscess", HEP_DDX_HARD_GAS_ABSCESS, -1 },
    { "risk=cirrhosis size=25 aphe=rim gas fever capsular-retraction ca19-9-raised", "abscess", HEP_DDX_HARD_GAS_ABSCESS, -1 },
    /* gas alone: first by its ++, but no hard rule */
    { "gas", "abscess", -1, HEP_DDX_HARD_GAS_ABSCESS },
    /* an LR-5 observation still ranks HCC first */
    { "risk=cirrhosis size=25 aphe=nonrim washout gas fever", "hcc", HEP_DDX_HARD_LIRADS_5, -1 },
    /* t2=marked + no-enhancement is the cyst rule; under 10 mm biliary
     * hamartoma is ranked with it (equal scores 2+2 = 4: cyst first by the
     * fixed order), innumerable puts it first (BH 2+2+2 = 6, cyst 5) */
    { "no-enhancement t2=marked size=20", "cyst", HEP_DDX_HARD_CYST, HEP_DDX_HARD_BILIARY_HAMARTOMA },
    { "no-enhancement t2=marked size=8", "cyst", HEP_DDX_HARD_CYST, -1 },
    { "no-enhancement t2=marked size=12 count=innumerable", "biliary-hamartoma", HEP_DDX_HARD_BILIARY_HAMARTOMA, -1 },
  };
  HepFeatureSet fs;
  HepDdxResult r;

  check_rank_cases (cases, G_N_ELEMENTS (cases));

  /* the LR-4 rule is labelled "probably HCC" */
  g_assert_nonnull (strstr (hep_ddx_hard_rule_get_title (HEP_DDX_HARD_LIRADS_4), "probably HCC"));

  /* gas at LR-M: the LI-RADS view still says LR-M, the non-HCC malignancy
   * of the LR-M rule comes second, and a pitfall says why */
  parse (&fs, "risk=cirrhosis size=25 aphe=rim gas");
  hep_ddx_evaluate (&fs, &r);
  g_assert_cmpint (r.lirads, ==, HEP_LIRADS_M);
  g_assert_true (hep_ddx_diagnosis_is_non_hcc_malignancy (r.ranking[1].diagnosis));
  g_assert_cmpint (r.ranking[1].pinned_by, ==, HEP_DDX_HARD_LIRADS_M_TARGETOID);
  g_assert_true (r.pitfalls & (1u << HEP_DDX_PITFALL_GAS));

  /* gas with LR-5: HCC pinned first, abscess second */
  parse (&fs, "risk=cirrhosis size=25 aphe=nonrim washout gas fever");
  hep_ddx_evaluate (&fs, &r);
  g_assert_cmpint (r.ranking[1].diagnosis, ==, HEP_DDX_ABSCESS);
  g_assert_cmpint (r.ranking[1].pinned_by, ==, HEP_DDX_HARD_GAS_ABSCESS);

  /* biliary hamartoma beside the cyst, both pinned */
  parse (&fs, "no-enhancement t2=marked size=8");
  hep_ddx_evaluate (&fs, &r);
  g_assert_cmpint (r.ranking[1].diagnosis, ==, HEP_DDX_BILIARY_HAMARTOMA);
  g_assert_cmpint (r.ranking[1].pinned_by, ==, HEP_DDX_HARD_BILIARY_HAMARTOMA);
  parse (&fs, "no-enhancement t2=marked size=12 count=innumerable");
  hep_ddx_evaluate (&fs, &r);
  g_assert_cmpint (r.ranking[1].diagnosis, ==, HEP_DDX_CYST);
  g_assert_cmpint (r.ranking[1].pinned_by, ==, HEP_DDX_HARD_CYST);
  parse (&fs, "no-enhancement t2=marked size=20");
  hep_ddx_evaluate (&fs, &r);
  g_assert_cmpint (r.ranking[1].pinned_by, ==, -1);
}

/* ---- LI-RADS agreement ------------------------------------------------------------ */

static void
test_ddx_lirads_agreement (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (4242);
  guint n_lr5 = 0, n_targetoid = 0, n_nontargetoid = 0, n_gas = 0, n_lr4 = 0;

  for (guint k = 0; k < 60000; k++)
    {
      HepFeatureSet fs;
      HepDdxResult r;
      HepLiradsResult lr;
      HepLiradsCategory cat;
      guint hcc_rank;
      gboolean gas_first;

      random_features (rand, &fs, 0.12);
      cat = hep_lirads_evaluate (&fs, &lr);
      hep_ddx_evaluate (&fs, &r);
      g_assert_cmpint (r.lirads, ==, cat);
      hep_ddx_result_find (&r, HEP_DDX_HCC, &hcc_rank);

      if (cat == HEP_LIRADS_5)
        {
          n_lr5++;
          g_assert_cmpint (r.ranking[0].diagnosis, ==, HEP_DDX_HCC);
          g_assert_cmpint (r.ranking[0].pinned_by, ==, HEP_DDX_HARD_LIRADS_5);
        }
      else if (cat == HEP_LIRADS_M)
        {
          gboolean targetoid = FALSE;

          for (guint i = 0; i < lr.n_steps; i++)
            if (lr.steps[i].rule == HEP_LIRADS_RULE_LRM_TARGETOID && lr.steps[i].matched)
              targetoid = TRUE;
          g_assert_cmpint (r.lirads_targetoid, ==, targetoid);
          if (targetoid)
            n_targetoid++;
          else
            n_nontargetoid++;
          g_assert_cmpuint (hcc_rank, >, 0);
          /* §5.4 item 6: gas with fever or rim APHE puts abscess above the
           * non-HCC malignancy of the LR-M rule */
          gas_first = hep_feature_set_has (&fs, HEP_FEATURE_GAS) &&
                      (hep_feature_set_has (&fs, HEP_FEATURE_FEVER) ||
                       hep_feature_set_get (&fs, HEP_FEATURE_APHE) == HEP_APHE_RIM);
          if (gas_first)
            {
              n_gas++;
              g_assert_cmpint (r.ranking[0].diagnosis, ==, HEP_DDX_ABSCESS);
              g_assert_cmpint (r.ranking[0].pinned_by, ==, HEP_DDX_HARD_GAS_ABSCESS);
              g_assert_true (r.pitfalls & (1u << HEP_DDX_PITFALL_GAS));
            }
          g_assert_true (hep_ddx_diagnosis_is_non_hcc_malignancy (r.ranking[gas_first].diagnosis));
          g_assert_cmpint (r.ranking[gas_first].pinned_by, ==,
                           targetoid ? HEP_DDX_HARD_LIRADS_M_TARGETOID : HEP_DDX_HARD_LIRADS_M_NONTARGETOID);
        }
      else if (cat == HEP_LIRADS_4)
        {
          gboolean lrm_feature = hep_lirads_find_role (&fs, HEP_LIRADS_ROLE_LRM_TARGETOID) != 0 ||
                                 hep_lirads_find_role (&fs, HEP_LIRADS_ROLE_LRM_NONTARGETOID) != 0;
          gas_first = hep_feature_set_has (&fs, HEP_FEATURE_GAS) &&
                               (hep_feature_set_has (&fs, HEP_FEATURE_FEVER) ||
                                hep_feature_set_get (&fs, HEP_FEATURE_APHE) == HEP_APHE_RIM);

          g_assert_cmpint ((r.hard_rules >> HEP_DDX_HARD_LIRADS_4) & 1, ==, !lrm_feature);
          if (!lrm_feature)
            {
              n_lr4++;
              g_assert_cmpint (r.ranking[gas_first].diagnosis, ==, HEP_DDX_HCC);
              g_assert_cmpint (r.ranking[gas_first].pinned_by, ==, HEP_DDX_HARD_LIRADS_4);
            }
        }
      else
        {
          g_assert_false (r.hard_rules & (1u << HEP_DDX_HARD_LIRADS_5));
          g_assert_false (r.hard_rules & (1u << HEP_DDX_HARD_LIRADS_M_TARGETOID));
        }
    }

  g_test_message ("LR-5: %u, targetoid LR-M: %u, nontargetoid LR-M: %u, LR-M with gas first: %u, LR-4 pinned: %u",
                  n_lr5, n_targetoid, n_nontargetoid, n_gas, n_lr4);
  g_assert_cmpuint (n_lr5, >=, 100);
  g_assert_cmpuint (n_gas, >=, 10);
  g_assert_cmpuint (n_lr4, >=, 100);
  g_assert_cmpuint (n_targetoid, >=, 100);
  g_assert_cmpuint (n_nontargetoid, >=, 20);
}

/* ---- pitfalls and figures ------------------------------------------------------------ */

static void
test_ddx_pitfalls (void)
{
  static const struct {
    const char   *tokens;
    HepDdxPitfall pitfall;
    gboolean      present;
  } cases[] = {
    { "hbp=hypo", HEP_DDX_PITFALL_GADOXETATE_NOT_WASHOUT, TRUE },
    { "tp-hypo", HEP_DDX_PITFALL_GADOXETATE_NOT_WASHOUT, TRUE },
    { "hbp=targetoid", HEP_DDX_PITFALL_GADOXETATE_NOT_WASHOUT, TRUE },
    { "washout", HEP_DDX_PITFALL_GADOXETATE_NOT_WASHOUT, FALSE },
    { "aphe=nonrim known-malignancy", HEP_DDX_PITFALL_FLASH_FILLING, TRUE },
    { "aphe=nonrim t2=marked", HEP_DDX_PITFALL_FLASH_FILLING, TRUE },
    { "aphe=nonrim peripheral-nodular t2=marked", HEP_DDX_PITFALL_FLASH_FILLING, FALSE },
    { "aphe=rim known-malignancy", HEP_DDX_PITFALL_FLASH_FILLING, FALSE },
    { "hbp=iso-hyper", HEP_DDX_PITFALL_HCC_HBP_ISO, TRUE },
    { "hbp=hypo", HEP_DDX_PITFALL_HCC_HBP_ISO, FALSE },
    { "risk=cirrhosis size=25 aphe=nonrim washout necrosis", HEP_DDX_PITFALL_NONTARGETOID_NO_OVERRIDE, TRUE },
    { "risk=cirrhosis size=15 aphe=nonrim infiltrative", HEP_DDX_PITFALL_NONTARGETOID_NO_OVERRIDE, FALSE },
    { "risk=cirrhosis size=25 aphe=nonrim washout", HEP_DDX_PITFALL_NONTARGETOID_NO_OVERRIDE, FALSE },
    { "risk=cirrhosis size=25 aphe=nonrim washout peripheral-washout", HEP_DDX_PITFALL_TARGETOID_OVERRIDES, TRUE },
    { "size=25 aphe=nonrim washout peripheral-washout", HEP_DDX_PITFALL_TARGETOID_OVERRIDES, FALSE },
    { "hbp=hypo", HEP_DDX_PITFALL_HBP_HYPO_NOT_SPECIFIC, TRUE },
    { "peripheral-nodular", HEP_DDX_PITFALL_HEMANGIOMA_SIGNATURE, TRUE },
    { "centripetal-fill t2=marked", HEP_DDX_PITFALL_HEMANGIOMA_SIGNATURE, TRUE },
    { "peripheral-nodular t2=marked centripetal-fill", HEP_DDX_PITFALL_HEMANGIOMA_SIGNATURE, FALSE },
    { "hbp=hypo peripheral-nodular", HEP_DDX_PITFALL_HEMANGIOMA_PSEUDO_WASHOUT, TRUE },
    { "tp-hypo t2=marked", HEP_DDX_PITFALL_HEMANGIOMA_PSEUDO_WASHOUT, TRUE },
    { "hbp=hypo", HEP_DDX_PITFALL_HEMANGIOMA_PSEUDO_WASHOUT, FALSE },
    { "aphe=rim", HEP_DDX_PITFALL_TARGET_PATTERN, TRUE },
    { "delayed-central-enhancement", HEP_DDX_PITFALL_TARGET_PATTERN, TRUE },
    { "dwi=marked", HEP_DDX_PITFALL_TARGET_PATTERN, FALSE },
    { "size=25 aphe=nonrim washout", HEP_DDX_PITFALL_OUTSIDE_POPULATION, TRUE },
    { "risk=cirrhosis size=25 aphe=nonrim washout", HEP_DDX_PITFALL_OUTSIDE_POPULATION, FALSE },
    { "undistorted-vessels", HEP_DDX_PITFALL_PSEUDOLESION, TRUE },
    { "fever", HEP_DDX_PITFALL_FEVER_NOT_SPECIFIC, TRUE },
    { "risk=cirrhosis capsular-retraction", HEP_DDX_PITFALL_CONFLUENT_FIBROSIS, TRUE },
    { "capsular-retraction", HEP_DDX_PITFALL_CONFLUENT_FIBROSIS, FALSE },
    { "risk=cirrhosis lirads-excluded", HEP_DDX_PITFALL_VASCULAR_CIRRHOSIS, TRUE },
    { "known-malignancy size=8", HEP_DDX_PITFALL_SMALL_LESIONS_BENIGN, TRUE },
    { "known-malignancy size=20", HEP_DDX_PITFALL_SMALL_LESIONS_BENIGN, FALSE },
    { "known-malignancy", HEP_DDX_PITFALL_SMALL_LESIONS_BENIGN, FALSE },
    /* §5.3a: known primary + nonrim APHE + washout, by the primary's type */
    { "known-malignancy aphe=nonrim washout", HEP_DDX_PITFALL_KNOWN_PRIMARY_HYPERVASCULAR, TRUE },
    { "known-malignancy risk=none primary=renal aphe=nonrim washout", HEP_DDX_PITFALL_KNOWN_PRIMARY_HYPERVASCULAR, TRUE },
    { "known-malignancy primary=breast aphe=nonrim washout", HEP_DDX_PITFALL_KNOWN_PRIMARY_HYPERVASCULAR, TRUE },
    { "known-malignancy primary=colorectal aphe=nonrim washout", HEP_DDX_PITFALL_KNOWN_PRIMARY_HYPERVASCULAR, FALSE },
    { "known-malignancy primary=renal aphe=nonrim", HEP_DDX_PITFALL_KNOWN_PRIMARY_HYPERVASCULAR, FALSE },
    { "known-malignancy risk=hbv aphe=nonrim washout", HEP_DDX_PITFALL_KNOWN_PRIMARY_HYPERVASCULAR, FALSE },
    { "known-malignancy primary=colorectal aphe=nonrim washout", HEP_DDX_PITFALL_KNOWN_PRIMARY_HYPOVASCULAR, TRUE },
    { "known-malignancy primary=stomach aphe=nonrim washout", HEP_DDX_PITFALL_KNOWN_PRIMARY_HYPOVASCULAR, TRUE },
    { "known-malignancy primary=lung aphe=rim washout", HEP_DDX_PITFALL_KNOWN_PRIMARY_HYPOVASCULAR, FALSE },
    { "known-malignancy primary=thyroid aphe=nonrim washout", HEP_DDX_PITFALL_KNOWN_PRIMARY_HYPOVASCULAR, FALSE },
    { "known-malignancy risk=cirrhosis", HEP_DDX_PITFALL_KNOWN_PRIMARY_AT_RISK, TRUE },
    { "known-malignancy risk=prior-hcc primary=melanoma", HEP_DDX_PITFALL_KNOWN_PRIMARY_AT_RISK, TRUE },
    { "known-malignancy risk=none", HEP_DDX_PITFALL_KNOWN_PRIMARY_AT_RISK, FALSE },
    { "risk=cirrhosis", HEP_DDX_PITFALL_KNOWN_PRIMARY_AT_RISK, FALSE },
    /* §5.4 item 6: gas */
    { "gas fever", HEP_DDX_PITFALL_GAS, TRUE },
    { "risk=cirrhosis size=25 aphe=rim gas", HEP_DDX_PITFALL_GAS, TRUE },
    { "gas", HEP_DDX_PITFALL_GAS, FALSE },
  };
  guint32 covered = 0;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      HepFeatureSet fs;
      HepDdxResult r;
      gboolean present;

      parse (&fs, cases[i].tokens);
      hep_ddx_evaluate (&fs, &r);
      present = (r.pitfalls & (1u << cases[i].pitfall)) != 0;
      if (present != cases[i].present)
        g_error ("“%s”: pitfall %s %s", cases[i].tokens, hep_ddx_pitfall_get_id (cases[i].pitfall),
                 present ? "triggered" : "not triggered");
      if (present)
        covered |= 1u << cases[i].pitfall;
    }
  /* every pitfall can be triggered */
  g_assert_cmpuint (covered, ==, (1u << HEP_N_DDX_PITFALLS) - 1);

  /* the five of §5.4 item 5 are there */
  g_assert_cmpstr (hep_ddx_pitfall_get_id (HEP_DDX_PITFALL_GADOXETATE_NOT_WASHOUT), ==, "ddx.pitfall.gadoxetate-tp-hbp-not-washout");
  g_assert_nonnull (strstr (hep_ddx_pitfall_get_text (HEP_DDX_PITFALL_GADOXETATE_NOT_WASHOUT), "is not washout"));
  g_assert_nonnull (strstr (hep_ddx_pitfall_get_text (HEP_DDX_PITFALL_FLASH_FILLING), "hypervascular metastasis"));
  g_assert_nonnull (strstr (hep_ddx_pitfall_get_text (HEP_DDX_PITFALL_HCC_HBP_ISO), "HCC can be iso"));
  g_assert_nonnull (strstr (hep_ddx_pitfall_get_text (HEP_DDX_PITFALL_NONTARGETOID_NO_OVERRIDE), "do not override LR-5"));
  g_assert_nonnull (strstr (hep_ddx_pitfall_get_text (HEP_DDX_PITFALL_TARGETOID_OVERRIDES), "override LR-5"));
  /* the §5.3a and §5.4 item 6 texts */
  g_assert_nonnull (strstr (hep_ddx_pitfall_get_text (HEP_DDX_PITFALL_KNOWN_PRIMARY_HYPERVASCULAR),
                            "hypervascular metastasis until proven otherwise"));
  g_assert_nonnull (strstr (hep_ddx_pitfall_get_text (HEP_DDX_PITFALL_KNOWN_PRIMARY_HYPOVASCULAR),
                            "usually hypovascular"));
  g_assert_nonnull (strstr (hep_ddx_pitfall_get_text (HEP_DDX_PITFALL_KNOWN_PRIMARY_AT_RISK), "LI-RADS categories still apply"));
  g_assert_nonnull (strstr (hep_ddx_pitfall_get_text (HEP_DDX_PITFALL_GAS), "LR-M mimic"));
  g_assert_nonnull (strstr (hep_ddx_pitfall_get_text (HEP_DDX_PITFALL_GAS), "ablation or chemoembolization"));
  g_assert_nonnull (strstr (hep_ddx_pitfall_get_text (HEP_DDX_PITFALL_GAS), "colorectal cancer"));
  for (guint p = 0; p < HEP_N_DDX_PITFALLS; p++)
    {
      g_assert_true (g_str_has_prefix (hep_ddx_pitfall_get_id (p), "ddx.pitfall."));
      g_assert_nonnull (hep_ddx_pitfall_get_source (p));
    }
}

static const HepDdxFigure *
figure_by_id (const char *fig_id,
              guint      *index)
{
  guint n;
  const HepDdxFigure *figs = hep_ddx_get_figures (&n);

  for (guint i = 0; i < n; i++)
    if (g_str_equal (figs[i].id, fig_id))
      {
        *index = i;
        return &figs[i];
      }
  g_error ("no figure %s", fig_id);
}

static void
test_ddx_figures (void)
{
  guint n, idx;
  const HepDdxFigure *figs = hep_ddx_get_figures (&n);
  const HepDdxFigure *f;
  HepFeatureSet fs;
  HepDdxResult r;

  /* a frequency ratio is labelled as such, never as a likelihood ratio */
  for (guint i = 0; i < n; i++)
    {
      g_assert_nonnull (figs[i].comparison);
      g_assert_nonnull (figs[i].source);
      g_assert_cmpint (figs[i].provenance, ==, HEP_PROVENANCE_SECONDARY);
      if (figs[i].kind == HEP_DDX_FIGURE_FREQUENCY_RATIO)
        {
          g_assert_true (g_str_has_prefix (figs[i].derived, "frequency ratio"));
          g_assert_null (strstr (figs[i].derived, "LR"));
        }
      if (figs[i].derived != NULL && strstr (figs[i].derived, "LR") != NULL)
        g_assert_cmpint (figs[i].kind, ==, HEP_DDX_FIGURE_SENS_SPEC);
    }
  g_assert_nonnull (strstr (hep_ddx_figure_kind_get_label (HEP_DDX_FIGURE_FREQUENCY_RATIO), "not a likelihood ratio"));

  /* Park 2021 for nonrim APHE, attached to HCC with its comparison group */
  f = figure_by_id ("ddx.figure.park-nonrim-aphe", &idx);
  g_assert_cmpint (f->diagnosis, ==, HEP_DDX_HCC);
  g_assert_cmpint (f->kind, ==, HEP_DDX_FIGURE_FREQUENCY_RATIO);
  g_assert_nonnull (strstr (f->comparison, "non-HCC malignancy"));
  g_assert_cmpstr (f->derived, ==, "frequency ratio 2.7");
  parse (&fs, "aphe=nonrim");
  hep_ddx_evaluate (&fs, &r);
  g_assert_true (r.figures & (G_GUINT64_CONSTANT (1) << idx));
  parse (&fs, "aphe=rim");
  hep_ddx_evaluate (&fs, &r);
  g_assert_false (r.figures & (G_GUINT64_CONSTANT (1) << idx));

  /* the LI-RADS figures go with the category */
  f = figure_by_id ("ddx.figure.lr5-accuracy", &idx);
  parse (&fs, "risk=cirrhosis size=25 aphe=nonrim washout");
  hep_ddx_evaluate (&fs, &r);
  g_assert_true (r.figures & (G_GUINT64_CONSTANT (1) << idx));
  parse (&fs, "size=25 aphe=nonrim washout");
  hep_ddx_evaluate (&fs, &r);
  g_assert_false (r.figures & (G_GUINT64_CONSTANT (1) << idx));
  f = figure_by_id ("ddx.figure.lrm-accuracy-icc", &idx);
  g_assert_cmpint (f->lirads, ==, HEP_LIRADS_M);
  parse (&fs, "risk=cirrhosis size=25 aphe=rim");
  hep_ddx_evaluate (&fs, &r);
  g_assert_true (r.figures & (G_GUINT64_CONSTANT (1) << idx));

  /* a two-term figure needs both */
  f = figure_by_id ("ddx.figure.yang-progressive", &idx);
  parse (&fs, "aphe=rim");
  hep_ddx_evaluate (&fs, &r);
  g_assert_false (r.figures & (G_GUINT64_CONSTANT (1) << idx));
  parse (&fs, "aphe=rim delayed-central-enhancement");
  hep_ddx_evaluate (&fs, &r);
  g_assert_true (r.figures & (G_GUINT64_CONSTANT (1) << idx));
}

static void
test_ddx_predicate_tokens (void)
{
  static const struct { const char *row; const char *tokens; } cases[] = {
    { "ddx.matrix.nonrim-aphe", "aphe=nonrim" },
    { "ddx.matrix.hbp-hypo", "hbp=hypo" },
    { "ddx.matrix.hbp-targetoid", "hbp=targetoid" },
    { "ddx.matrix.count-innumerable", "count=innumerable" },
    { "ddx.matrix.wedge-geographic", "wedge-shaped or undistorted-vessels" },
    { "ddx.matrix.gas", "gas" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *tokens = hep_ddx_predicate_to_tokens (&row_by_id (cases[i].row)->when);

      g_assert_cmpstr (tokens, ==, cases[i].tokens);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ddx/ids", test_ddx_ids);
  g_test_add_func ("/ddx/matrix-matches-spec", test_ddx_matrix_matches_spec);
  g_test_add_func ("/ddx/grade-handling", test_ddx_grade_handling);
  g_test_add_func ("/ddx/token-mapping", test_ddx_token_mapping);
  g_test_add_func ("/ddx/predicate-tokens", test_ddx_predicate_tokens);
  g_test_add_func ("/ddx/score-and-order", test_ddx_score_and_order);
  g_test_add_func ("/ddx/single-features", test_ddx_single_features);
  g_test_add_func ("/ddx/hard-rules", test_ddx_hard_rules);
  g_test_add_func ("/ddx/context-matches-spec", test_ddx_context_matches_spec);
  g_test_add_func ("/ddx/context-single", test_ddx_context_single);
  g_test_add_func ("/ddx/context-rows-decide", test_ddx_context_rows_decide);
  g_test_add_func ("/ddx/context-notes", test_ddx_context_notes);
  g_test_add_func ("/ddx/context-counterfactuals", test_ddx_context_counterfactuals);
  g_test_add_func ("/ddx/reviewer-answers", test_ddx_reviewer_answers);
  g_test_add_func ("/ddx/first-two", test_ddx_first_two);
  g_test_add_func ("/ddx/lirads-agreement", test_ddx_lirads_agreement);
  g_test_add_func ("/ddx/pitfalls", test_ddx_pitfalls);
  g_test_add_func ("/ddx/figures", test_ddx_figures);

  return g_test_run ();
}
