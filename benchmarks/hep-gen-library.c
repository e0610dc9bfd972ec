/* hep-gen-library.c: writes a synthetic case library for benchmarks
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: hep-gen-library OUTPUT.db N [SEED]
 *
 * Deterministic for a given N and SEED. Cases are valid (they pass
 * hep_case_source_validate) and have text of realistic length. Words are
 * drawn with a Zipf distribution over a vocabulary of about 4,300 words:
 * function words first, then radiology terms, then a long tail of
 * composed medical-looking words, so that full-text search sees term
 * frequencies like those of real reports (a few words in every case, most
 * in few). Not teaching material: the text is word salad.
 */

#include "config.h"

#include <errno.h>
#include <locale.h>
#include <stdio.h>
#include <glib/gstdio.h>

#include "hep-case-db-private.h"
#include "hep-case-source.h"
#include "hep-db.h"
#include "hep-migrations.h"

static const char * const words[] = {
  "liver", "lesion", "nodule", "mass", "segment", "hepatic", "portal", "venous", "arterial", "phase",
  "enhancement", "hyperenhancement", "washout", "capsule", "rim", "peripheral", "central", "scar",
  "homogeneous", "heterogeneous", "hypoattenuating", "hyperattenuating", "isoattenuating", "hypointense",
  "hyperintense", "isointense", "diffusion", "restriction", "signal", "T2", "T1", "opposed", "in-phase",
  "fat", "iron", "haemorrhage", "necrosis", "calcification", "margin", "lobulated", "smooth", "irregular",
  "well-defined", "ill-defined", "subcapsular", "exophytic", "vessel", "vein", "thrombus", "bile", "duct",
  "dilatation", "retraction", "cirrhosis", "fibrosis", "steatosis", "surveillance", "ultrasound", "CT", "MRI",
  "gadoxetate", "hepatobiliary", "delayed", "transitional", "precontrast", "follow-up", "stable", "growth",
  "threshold", "millimetres", "centimetres", "diameter", "round", "oval", "wedge", "geographic", "perfusion",
  "shunt", "nodular", "discontinuous", "centripetal", "fill-in", "blood", "pool", "aorta", "spleen",
  "kidney", "pancreas", "gallbladder", "ascites", "varices", "splenomegaly", "biopsy", "histology",
  "pathology", "tumour", "benign", "malignant", "metastasis", "primary", "colorectal", "breast", "neuroendocrine",
  "melanoma", "carcinoma", "cholangiocarcinoma", "hepatocellular", "adenoma", "hyperplasia", "haemangioma",
  "cyst", "abscess", "hamartoma", "sparing", "deposition", "pseudolesion", "artefact", "motion", "breath-hold",
  "contrast", "bolus", "timing", "late", "early", "washin", "corona", "mosaic", "nodule-in-nodule",
  "targetoid", "ring", "halo", "septum", "septa", "wall", "thickened", "gas", "fever", "pain", "weight",
  "loss", "jaundice", "alcohol", "hepatitis", "viral", "steroid", "contraceptive", "young", "elderly",
  "woman", "man", "patient", "history", "known", "staging", "incidental", "finding", "report", "radiologist",
  "compared", "previous", "examination", "unchanged", "increased", "decreased", "multiple", "solitary",
};

static const char * const tag_pool[] = {
  "cirrhosis", "surveillance", "washout", "capsule", "rim", "targetoid", "benign", "incidental",
  "staging", "fat", "iron", "scar", "hbp", "dwi", "pitfall", "mimic", "classic", "atypical",
  "young-woman", "elderly", "infection", "fever", "hormone", "hepatitis-b", "hepatitis-c", "alcohol",
  "nash", "colorectal", "breast", "neuroendocrine", "melanoma", "pseudolesion", "perfusion", "shunt",
  "growth", "follow-up", "biopsy", "explant", "lirads", "lr-3", "lr-4", "lr-5", "lr-m", "tiv",
};

static const char * const function_words[] = {
  "the", "of", "and", "with", "in", "a", "is", "no", "on", "to", "at", "for", "from", "by", "an", "as",
  "after", "which", "there", "this", "are", "was", "not", "or", "into", "within", "without", "between",
  "also", "than", "more", "both", "seen", "shows", "noted", "appears", "measures", "about",
};

static const char * const tail_prefixes[] = {
  "hepato", "chol", "angio", "sub", "peri", "intra", "retro", "para", "supra", "infra",
  "hyper", "hypo", "iso", "pseudo", "micro", "macro", "neo", "post", "pre", "trans",
};
static const char * const tail_roots[] = {
  "capsul", "segment", "lobul", "nodul", "vascul", "port", "arteri", "ven", "duct", "lymph",
  "fibr", "cyst", "calc", "necrot", "hemorrhag", "steat", "cirrhot", "tumor", "lesion", "enhanc",
};
static const char * const tail_suffixes[] = { "ar", "al", "ic", "ous", "ation", "ity", "oid", "ized", "ing", "ed" };

/* The vocabulary in rank order, and the cumulative Zipf weights. */
static GPtrArray *vocabulary;
static double *cumulative;

static void
build_vocabulary (void)
{
  double total = 0;

  vocabulary = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < G_N_ELEMENTS (function_words); i++)
    g_ptr_array_add (vocabulary, g_strdup (function_words[i]));
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    g_ptr_array_add (vocabulary, g_strdup (words[i]));
  /* interleave the composed words so that no prefix owns a frequency band */
  for (guint s = 0; s < G_N_ELEMENTS (tail_suffixes); s++)
    for (guint r = 0; r < G_N_ELEMENTS (tail_roots); r++)
      for (guint p = 0; p < G_N_ELEMENTS (tail_prefixes); p++)
        g_ptr_array_add (vocabulary, g_strconcat (tail_prefixes[p], tail_roots[r], tail_suffixes[s], NULL));

  cumulative = g_new (double, vocabulary->len);
  for (guint i = 0; i < vocabulary->len; i++)
    {
      total += 1.0 / (i + 2.7);
      cumulative[i] = total;
    }
  for (guint i = 0; i < vocabulary->len; i++)
    cumulative[i] /= total;
}

static const char *
zipf_word (GRand *rand)
{
  double x = g_rand_double (rand);
  guint lo = 0, hi = vocabulary->len - 1;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (cumulative[mid] < x)
        lo = mid + 1;
      else
        hi = mid;
    }
  return vocabulary->pdata[lo];
}

static void
append_words (GString *s,
              GRand   *rand,
              guint    n)
{
  for (guint i = 0; i < n; i++)
    {
      if (i)
        g_string_append_c (s, ' ');
      g_string_append (s, zipf_word (rand));
    }
  g_string_append_c (s, '.');
}

static char *
sentence (GRand *rand,
          guint  min,
          guint  max)
{
  GString *s = g_string_new (NULL);

  append_words (s, rand, g_rand_int_range (rand, min, max + 1));
  s->str[0] = g_ascii_toupper (s->str[0]);
  return g_string_free (s, FALSE);
}

static char *
paragraph (GRand *rand,
           guint  sentences)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < sentences; i++)
    {
      g_autofree char *one = sentence (rand, 6, 14);

      if (i)
        g_string_append_c (s, ' ');
      g_string_append (s, one);
    }
  return g_string_free (s, FALSE);
}

static HepCase *
make_case (GRand *rand,
           guint  index)
{
  static const char * const modalities[] = { "us", "ct", "mri" };
  static const char * const proofs[] = { "histology", "explant", "imaging-criteria", "follow-up",
                                         "aspiration-culture", "clinical-course" };
  static const char * const features_pool[] = {
    "aphe=nonrim washout capsule", "aphe=rim peripheral-washout dwi=targetoid", "aphe=none peripheral-nodular centripetal-fill t2=marked",
    "aphe=nonrim central-scar hbp=iso-hyper", "aphe=nonrim fat-in-mass hbp=hypo", "aphe=none no-enhancement t2=marked",
    "aphe=rim gas fever", "aphe=none capsular-retraction delayed-central-enhancement", "wedge-shaped aphe=nonrim",
    "aphe=nonrim washout tiv", "aphe=none tp-hypo hbp=hypo", "aphe=nonrim threshold-growth",
  };
  const char * const *diagnoses = hep_case_get_diagnosis_ids ();
  guint n_dx = g_strv_length ((char **) diagnoses);
  g_autofree char *id = g_strdup_printf ("synthetic-%06u", index);
  g_autofree char *title = sentence (rand, 4, 9);
  g_autofree char *history = paragraph (rand, 2);
  g_autofree char *presentation = paragraph (rand, 2);
  gboolean at_risk = g_rand_int_range (rand, 0, 3) == 0;
  g_autofree char *tokens = g_strdup_printf ("age=%d sex=%s size=%d %s %s",
                                             g_rand_int_range (rand, 18, 90),
                                             g_rand_boolean (rand) ? "f" : "m",
                                             g_rand_int_range (rand, 5, 120),
                                             at_risk ? "risk=cirrhosis" : "risk=none",
                                             features_pool[g_rand_int_range (rand, 0, G_N_ELEMENTS (features_pool))]);
  g_autoptr(GPtrArray) tags = g_ptr_array_new ();
  g_autoptr(GPtrArray) points = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  HepCase *c = hep_case_new (id);
  HepFeatureSet features;
  guint n_tags = g_rand_int_range (rand, 2, 6);

  hep_feature_set_init (&features);
  if (!hep_feature_set_parse (&features, tokens, &error))
    g_error ("%s", error->message);
  hep_case_set_title (c, title);
  hep_case_set_history (c, history);
  hep_case_set_presentation (c, presentation);
  hep_case_set_found_on (c, modalities[g_rand_int_range (rand, 0, 3)]);
  hep_case_set_features (c, &features);
  hep_case_set_diagnosis (c, diagnoses[g_rand_int_range (rand, 0, n_dx)]);
  hep_case_set_proof (c, proofs[g_rand_int_range (rand, 0, G_N_ELEMENTS (proofs))]);
  hep_case_set_certainty (c, g_rand_boolean (rand) ? "definite" : "probable");
  /* LI-RADS applies to patients at risk only */
  hep_case_set_lirads (c, at_risk ? (HepLiradsCategory) g_rand_int_range (rand, 1, HEP_N_LIRADS_CATEGORIES)
                                  : HEP_LIRADS_NA);
  hep_case_set_difficulty (c, g_rand_int_range (rand, 1, 6));
  hep_case_set_language (c, "en");
  hep_case_set_author (c, "Synthetic generator");
  hep_case_set_license (c, "CC0-1.0");
  for (guint i = 0; i < n_tags; i++)
    {
      const char *tag = tag_pool[g_rand_int_range (rand, 0, G_N_ELEMENTS (tag_pool))];

      if (!g_ptr_array_find_with_equal_func (tags, tag, g_str_equal, NULL))
        g_ptr_array_add (tags, (gpointer) tag);
    }
  g_ptr_array_add (tags, NULL);
  hep_case_set_tags (c, (const char * const *) tags->pdata);
  for (guint i = 0, n = g_rand_int_range (rand, 1, 4); i < n; i++)
    g_ptr_array_add (points, paragraph (rand, 2));
  g_ptr_array_add (points, NULL);
  hep_case_set_teaching_points (c, (const char * const *) points->pdata);
  g_ptr_array_set_size (points, 0);
  g_ptr_array_add (points, sentence (rand, 5, 12));
  g_ptr_array_add (points, NULL);
  hep_case_set_references (c, (const char * const *) points->pdata);
  for (guint p = 0; p < HEP_N_CASE_PHASES; p++)
    if (p == HEP_CASE_PHASE_ARTERIAL || p == HEP_CASE_PHASE_PORTAL || g_rand_int_range (rand, 0, 3) == 0)
      {
        g_autofree char *text = paragraph (rand, g_rand_int_range (rand, 1, 3));
        hep_case_set_findings (c, p, text);
      }
  return c;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HepDb) db = NULL;
  g_autoptr(GRand) rand = NULL;
  g_autofree char *tmp = NULL;
  guint64 n, seed = 1;

  setlocale (LC_ALL, "C.UTF-8");
  if (argc < 3 || !g_ascii_string_to_unsigned (argv[2], 10, 1, 10000000, &n, NULL) ||
      (argc > 3 && !g_ascii_string_to_unsigned (argv[3], 10, 0, G_MAXUINT32, &seed, NULL)))
    {
      fprintf (stderr, "usage: hep-gen-library OUTPUT.db N [SEED]\n");
      return 2;
    }
  rand = g_rand_new_with_seed ((guint32) seed);
  build_vocabulary ();

  tmp = g_strconcat (argv[1], ".tmp", NULL);
  g_unlink (tmp);
  db = hep_db_open (tmp, HEP_DB_OPEN_CREATE, &error);
  if (db == NULL || !hep_migrations_run (db, &error) ||
      !hep_db_exec (db, "PRAGMA synchronous = OFF; PRAGMA journal_mode = OFF", &error) ||
      !hep_db_begin (db, &error))
    {
      fprintf (stderr, "hep-gen-library: %s\n", error->message);
      return 1;
    }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HepCase) c = make_case (rand, i);

      if (!hep_case_source_validate (c, &error) || !hep_case_db_insert (db, c, NULL, &error))
        {
          fprintf (stderr, "hep-gen-library: case %u: %s\n", i, error->message);
          return 1;
        }
    }
  if (!hep_db_commit (db, &error) ||
      !hep_db_exec (db, "INSERT INTO case_fts (case_fts) VALUES ('optimize')", &error))
    {
      fprintf (stderr, "hep-gen-library: %s\n", error->message);
      return 1;
    }
  g_clear_object (&db);
  g_ptr_array_unref (vocabulary);
  g_free (cumulative);
  if (g_rename (tmp, argv[1]) != 0)
    {
      fprintf (stderr, "hep-gen-library: cannot write %s: %s\n", argv[1], g_strerror (errno));
      return 1;
    }
  return 0;
}
