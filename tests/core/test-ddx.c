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

static char **
split_row (const char *line)
{
  g_auto(GStrv) parts = g_strsplit (line, "|", -1);
  GPtrArray *cells = g_ptr_array_new ();
  guint n = g_strv_length (parts);

  /* "| a | b |" → "", " a ", " b ", "" */
  for (guint i = 1; i + 1 < n; i++)
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

static void
test_ddx_matrix_matches_spec (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "ddx-matrix.md", NULL);
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) error = NULL;
  int column_diag[HEP_N_DDX];
  guint n_rows, n_checked = 0;
  const HepDdxRow *rows = hep_ddx_get_rows (&n_rows);
  gboolean seen[32] = { FALSE, };

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

      if (g_str_equal (cells[0], "Feature"))
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

  g_assert_cmpuint (n_rows, ==, 21);
  g_assert_cmpuint (n_checked, ==, 21 * HEP_N_DDX);
  for (guint r = 0; r < n_rows; r++)
    g_assert_true (seen[r]);
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
    { "ddx.matrix.hbp-hypo", "icc", HEP_DDX_GRADE_STRONG, 2 },                    /* ++ (targetoid) */
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
    { "hbp=targetoid", "ddx.matrix.hbp-hypo" },
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

  /* features without a §5.1 row, and "none" values, score nothing */
  {
    HepFeatureSet fs;
    HepDdxResult r;

    parse (&fs, "aphe=none t2=iso dwi=none dwi=none tp-hypo necrosis infiltrative size=30 age=50 sex=m");
    hep_ddx_evaluate (&fs, &r);
    g_assert_cmpuint (r.rows, ==, 0);
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

/* The score is the sum of the cells of the rows that hold, computed here
 * from the cell texts independently of the engine. The unpinned part of the
 * ranking is ordered by score, and priors only order equal scores. */
static void
test_ddx_score_and_order (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261121);
  guint n;
  const HepDdxRow *rows = hep_ddx_get_rows (&n);

  for (guint k = 0; k < 5000; k++)
    {
      HepFeatureSet fs;
      HepDdxResult r;
      int prev = -1;

      random_features (rand, &fs, 0.15);
      hep_ddx_evaluate (&fs, &r);

      for (guint i = 0; i < HEP_N_DDX; i++)
        {
          const HepDdxEntry *e = &r.ranking[i];
          int score = 0, n_for = 0, n_against = 0;

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
          g_assert_cmpint (e->score, ==, score);
          g_assert_cmpint (e->n_for, ==, n_for);
          g_assert_cmpint (e->n_against, ==, n_against);

          /* pinned entries first, then score, then priors */
          if (e->pinned_by >= 0)
            {
              g_assert_cmpint (prev, ==, (int) i - 1);
              prev = (int) i;
            }
          else if (i > 0 && r.ranking[i - 1].pinned_by < 0)
            {
              const HepDdxEntry *a = &r.ranking[i - 1];

              g_assert_cmpint (a->score, >=, e->score);
              if (a->score == e->score)
                g_assert_cmpint (a->prior, >=, e->prior);
            }
        }
    }

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
    { "risk=cirrhosis size=15 aphe=nonrim capsule", "hcc", -1, HEP_DDX_HARD_LIRADS_5 },     /* LR-4 */
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
    /* without the conflicting malignant AF, marked T2 downgrades LR-5 to LR-4 */
    { "risk=cirrhosis size=25 aphe=nonrim washout peripheral-nodular t2=marked", "hemangioma", HEP_DDX_HARD_HEMANGIOMA, HEP_DDX_HARD_LIRADS_5 },
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

/* Priors reorder ties only, visibly. */
static void
test_ddx_priors (void)
{
  static const RankCase cases[] = {
    { "", "hcc", -1, -1 },
    { "fever", "abscess", -1, -1 },
    { "afp-raised", "hcc", -1, -1 },
    { "hormone-use", "adenoma", -1, -1 },
    { "sex=f age=30", "fnh", -1, -1 },
    { "sex=f age=70", "hcc", -1, -1 },
    { "known-malignancy", "met-hypovascular", -1, -1 },
    { "dwi=targetoid ca19-9-raised", "icc", -1, -1 },
    { "fat-in-mass hormone-use", "adenoma", -1, -1 },
    { "hbp=iso-hyper sex=f age=25", "fnh", -1, -1 },
    /* a prior never outweighs the matrix */
    { "peripheral-nodular centripetal-fill known-malignancy", "hemangioma", -1, -1 },
    { "gas afp-raised", "abscess", -1, -1 },
    { "central-scar fever", "fnh", -1, -1 },
    { "risk=cirrhosis aphe=nonrim wedge-shaped", "thad", -1, -1 },
  };
  HepFeatureSet fs;
  HepDdxResult r;
  const HepDdxEntry *e;

  check_rank_cases (cases, G_N_ELEMENTS (cases));

  /* the badges are visible with their direction */
  parse (&fs, "risk=cirrhosis known-malignancy");
  hep_ddx_evaluate (&fs, &r);
  g_assert_true (r.priors & (1u << HEP_DDX_PRIOR_AT_RISK_LIVER));
  g_assert_true (r.priors & (1u << HEP_DDX_PRIOR_KNOWN_MALIGNANCY));
  g_assert_cmpint (hep_ddx_prior_get_direction (HEP_DDX_PRIOR_AT_RISK_LIVER, HEP_DDX_MET_HYPOVASCULAR), ==, -1);
  g_assert_cmpint (hep_ddx_prior_get_direction (HEP_DDX_PRIOR_KNOWN_MALIGNANCY, HEP_DDX_MET_HYPOVASCULAR), ==, +1);
  e = hep_ddx_result_find (&r, HEP_DDX_MET_HYPOVASCULAR, NULL);
  g_assert_cmpint (e->prior, ==, 0);
  e = hep_ddx_result_find (&r, HEP_DDX_HCC, NULL);
  g_assert_cmpint (e->prior, ==, 1);
  g_assert_cmpint (e->score, ==, 0);

  /* the spec's correction of the seed: most metastases are hypovascular */
  g_assert_nonnull (strstr (hep_ddx_prior_get_text (HEP_DDX_PRIOR_KNOWN_MALIGNANCY, HEP_DDX_MET_HYPOVASCULAR),
                            "Most liver metastases are hypovascular"));
  g_assert_null (hep_ddx_prior_get_text (HEP_DDX_PRIOR_FEVER, HEP_DDX_HCC));
  for (guint p = 0; p < HEP_N_DDX_PRIORS; p++)
    g_assert_true (g_str_has_prefix (hep_ddx_prior_get_id (p), "ddx.prior."));
}

/* ---- LI-RADS agreement ------------------------------------------------------------ */

static void
test_ddx_lirads_agreement (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (4242);
  guint n_lr5 = 0, n_targetoid = 0, n_nontargetoid = 0;

  for (guint k = 0; k < 60000; k++)
    {
      HepFeatureSet fs;
      HepDdxResult r;
      HepLiradsResult lr;
      HepLiradsCategory cat;
      guint hcc_rank;

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
          g_assert_true (hep_ddx_diagnosis_is_non_hcc_malignancy (r.ranking[0].diagnosis));
          g_assert_cmpuint (hcc_rank, >, 0);
          g_assert_cmpint (r.ranking[0].pinned_by, ==,
                           targetoid ? HEP_DDX_HARD_LIRADS_M_TARGETOID : HEP_DDX_HARD_LIRADS_M_NONTARGETOID);
        }
      else
        {
          g_assert_false (r.hard_rules & (1u << HEP_DDX_HARD_LIRADS_5));
          g_assert_false (r.hard_rules & (1u << HEP_DDX_HARD_LIRADS_M_TARGETOID));
        }
    }

  g_test_message ("LR-5: %u, targetoid LR-M: %u, nontargetoid LR-M: %u", n_lr5, n_targetoid, n_nontargetoid);
  g_assert_cmpuint (n_lr5, >=, 100);
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
    { "ddx.matrix.hbp-hypo", "hbp=hypo|targetoid" },
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
  g_test_add_func ("/ddx/priors", test_ddx_priors);
  g_test_add_func ("/ddx/lirads-agreement", test_ddx_lirads_agreement);
  g_test_add_func ("/ddx/pitfalls", test_ddx_pitfalls);
  g_test_add_func ("/ddx/figures", test_ddx_figures);

  return g_test_run ();
}
