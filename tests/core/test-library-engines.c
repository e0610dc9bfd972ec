/* test-library-engines.c: every bundled teaching case through the engines
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For each case file in data/cases: the stored LI-RADS category equals the LI-RADS
 * engine's answer, and the stored diagnosis is in the differential engine's
 * top 3. Also the coverage the library promises (every diagnosis, every
 * LI-RADS category LR-1..LR-5, LR-M, LR-TIV).
 */

#include "config.h"

#include "hep-core.h"
#include "hep-ddx.h"

static void
test_every_case_agrees_with_the_engines (void)
{
  g_autofree char *dir_path = g_test_build_filename (G_TEST_DIST, "..", "data", "cases", NULL);
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) error = NULL;
  const char *name;
  guint n_cases = 0;
  guint per_diagnosis[HEP_N_DDX] = { 0, };
  guint per_category[HEP_N_LIRADS_CATEGORIES] = { 0, };

  dir = g_dir_open (dir_path, 0, &error);
  g_assert_no_error (error);

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      g_autoptr(GKeyFile) kf = g_key_file_new ();
      g_autofree char *tokens = NULL;
      g_autofree char *stored_lirads = NULL;
      g_autofree char *stored_dx = NULL;
      HepFeatureSet fs;
      HepLiradsCategory stored_cat, engine_cat;
      HepDdxDiagnosis dx;
      HepDdxResult ddx;
      gboolean in_top3 = FALSE;

      if (!g_str_has_suffix (name, ".case"))
        continue;
      path = g_build_filename (dir_path, name, NULL);
      g_key_file_set_list_separator (kf, '|');
      g_assert_true (g_key_file_load_from_file (kf, path, G_KEY_FILE_NONE, &error));
      g_assert_no_error (error);

      tokens = g_key_file_get_string (kf, "Case", "Features", &error);
      g_assert_no_error (error);
      stored_lirads = g_key_file_get_string (kf, "Case", "LiRads", &error);
      g_assert_no_error (error);
      stored_dx = g_key_file_get_string (kf, "Case", "Diagnosis", &error);
      g_assert_no_error (error);

      hep_feature_set_init (&fs);
      if (!hep_feature_set_parse (&fs, tokens, &error))
        g_error ("%s: %s", name, error->message);
      g_assert_true (hep_lirads_category_from_string (stored_lirads, &stored_cat));
      g_assert_true (hep_ddx_diagnosis_from_string (stored_dx, &dx));

      engine_cat = hep_lirads_evaluate (&fs, NULL);
      if (engine_cat != stored_cat)
        g_error ("%s: stored %s, LI-RADS engine says %s", name, stored_lirads,
                 hep_lirads_category_to_string (engine_cat));

      hep_ddx_evaluate (&fs, &ddx);
      for (guint r = 0; r < 3; r++)
        if (ddx.ranking[r].diagnosis == dx)
          in_top3 = TRUE;
      if (!in_top3)
        g_error ("%s: %s is not in the differential's top 3 (%s, %s, %s)", name, stored_dx,
                 hep_ddx_diagnosis_to_string (ddx.ranking[0].diagnosis),
                 hep_ddx_diagnosis_to_string (ddx.ranking[1].diagnosis),
                 hep_ddx_diagnosis_to_string (ddx.ranking[2].diagnosis));

      per_diagnosis[dx]++;
      per_category[stored_cat]++;
      n_cases++;
    }

  g_assert_cmpuint (n_cases, >=, 60);
  for (guint d = 0; d < HEP_N_DDX; d++)
    g_assert_cmpuint (per_diagnosis[d], >=, 1);
  for (HepLiradsCategory c = HEP_LIRADS_TIV; c <= HEP_LIRADS_M; c++)
    g_assert_cmpuint (per_category[c], >=, 1);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/library/every-case-agrees-with-the-engines", test_every_case_agrees_with_the_engines);
  return g_test_run ();
}
