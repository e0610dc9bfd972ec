/* hep-case-source.c: the diffable text format of one case
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "hep-case-source.h"
#include "hep-text.h"

#include <glib/gi18n-lib.h>
#include <string.h>

G_DEFINE_QUARK (hep-case-source-error-quark, hep_case_source_error)

static const char * const case_keys[] = {
  "Id", "Title", "History", "Presentation", "FoundOn", "Features", "Diagnosis", "Proof",
  "Certainty", "LiRads", "Difficulty", "Tags", "Language", "Author", "License", "Spoilers",
  "TeachingPoints", "Pitfalls", "References", "Outcome", NULL,
};

static const char * const image_keys[] = { "Caption", "Phase", "Modality", "File", NULL };

gboolean
hep_case_id_is_valid (const char *id)
{
  gsize len;

  if (id == NULL)
    return FALSE;
  len = strlen (id);
  if (len < 3 || len > HEP_CASE_MAX_ID)
    return FALSE;
  if (!g_ascii_islower (id[0]) && !g_ascii_isdigit (id[0]))
    return FALSE;
  for (gsize i = 1; i < len; i++)
    if (!g_ascii_islower (id[i]) && !g_ascii_isdigit (id[i]) && id[i] != '-')
      return FALSE;
  return TRUE;
}

static char *
group_name (const char *base,
            const char *suffix)
{
  return suffix ? g_strconcat (base, " ", suffix, NULL) : g_strdup (base);
}

/* ---- validation --------------------------------------------------------------- */

/* C0 and C1 controls, DEL and bidi overrides; multi-line fields allow tab
 * and newline. @text is valid UTF-8. */
static gboolean
has_control_chars (const char *text,
                   gboolean    allow_newlines)
{
  return hep_text_find_unsafe (text, allow_newlines) != 0;
}

static gboolean
check_text (const char  *id,
            const char  *key,
            const char  *value,
            gsize        max,
            gboolean     required,
            gboolean     multiline,
            GError     **error)
{
  if (value == NULL || *value == '\0')
    {
      if (!required)
        return TRUE;
      g_set_error (error, HEP_CASE_SOURCE_ERROR, HEP_CASE_SOURCE_ERROR_MISSING,
                   _("case “%s”: “%s” is required"), id, key);
      return FALSE;
    }
  if (!g_utf8_validate (value, -1, NULL))
    {
      g_set_error (error, HEP_CASE_SOURCE_ERROR, HEP_CASE_SOURCE_ERROR_PARSE,
                   _("case “%s”: “%s” is not valid UTF-8"), id, key);
      return FALSE;
    }
  if (strlen (value) > max)
    {
      g_set_error (error, HEP_CASE_SOURCE_ERROR, HEP_CASE_SOURCE_ERROR_TOO_LONG,
                   _("case “%s”: “%s” is %zu bytes long; the limit is %zu"), id, key,
                   strlen (value), max);
      return FALSE;
    }
  if (has_control_chars (value, multiline))
    {
      g_set_error (error, HEP_CASE_SOURCE_ERROR, HEP_CASE_SOURCE_ERROR_INVALID,
                   _("case “%s”: “%s” contains control characters or bidi overrides"), id, key);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_list (const char          *id,
            const char          *key,
            const char * const  *list,
            gsize                max_item,
            gboolean             required,
            GError             **error)
{
  guint n = list ? g_strv_length ((char **) list) : 0;

  if (n == 0 && required)
    {
      g_set_error (error, HEP_CASE_SOURCE_ERROR, HEP_CASE_SOURCE_ERROR_MISSING,
                   _("case “%s”: “%s” needs at least one entry"), id, key);
      return FALSE;
    }
  if (n > HEP_CASE_MAX_ITEMS)
    {
      g_set_error (error, HEP_CASE_SOURCE_ERROR, HEP_CASE_SOURCE_ERROR_TOO_LONG,
                   _("case “%s”: “%s” has %u entries; the limit is %d"), id, key, n, HEP_CASE_MAX_ITEMS);
      return FALSE;
    }
  for (guint i = 0; i < n; i++)
    {
      if (*list[i] == '\0')
        {
          g_set_error (error, HEP_CASE_SOURCE_ERROR, HEP_CASE_SOURCE_ERROR_INVALID,
                       _("case “%s”: “%s” has an empty entry"), id, key);
          return FALSE;
        }
      if (!check_text (id, key, list[i], max_item, TRUE, FALSE, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
check_language (const char *language)
{
  /* a BCP 47 primary subtag, optionally with subtags: en, pt-BR, zh-Hant */
  const char *p = language;
  gsize n = 0;

  while (g_ascii_islower (*p))
    p++, n++;
  if (n < 2 || n > 3)
    return FALSE;
  while (*p == '-')
    {
      p++;
      n = 0;
      while (g_ascii_isalnum (*p))
        p++, n++;
      if (n < 1 || n > 8)
        return FALSE;
    }
  return *p == '\0';
}

static gboolean
invalid (GError    **error,
         const char *id,
         const char *key,
         const char *value,
         const char *accepted)
{
  g_autofree char *shown = hep_escape_for_message (value, 80);

  g_set_error (error, HEP_CASE_SOURCE_ERROR, HEP_CASE_SOURCE_ERROR_INVALID,
               _("case “%s”: bad “%s” value “%s”; accepted: %s"), id, key, shown, accepted);
  return FALSE;
}

static gboolean
check_relative_path (const char *file)
{
  g_auto(GStrv) parts = NULL;

  if (g_path_is_absolute (file) || strchr (file, '\\') != NULL)
    return FALSE;
  parts = g_strsplit (file, "/", -1);
  for (guint i = 0; parts[i]; i++)
    if (g_str_equal (parts[i], "..") || *parts[i] == '\0')
      return FALSE;
  return TRUE;
}

gboolean
hep_case_source_validate (HepCase  *c,
                          GError  **error)
{
  const char *id;
  const HepFeatureSet *features;
  const char * const *tags;
  g_autofree char *tokens = NULL;

  g_return_val_if_fail (HEP_IS_CASE (c), FALSE);

  id = hep_case_get_id (c);
  if (!hep_case_id_is_valid (id))
    {
      g_autofree char *shown = hep_escape_for_message (id, 80);

      g_set_error (error, HEP_CASE_SOURCE_ERROR, HEP_CASE_SOURCE_ERROR_BAD_ID,
                   _("bad case id “%s”: use 3–64 characters a–z, 0–9 and “-”, starting with a letter or digit"),
                   shown);
      return FALSE;
    }

  if (!check_text (id, "Title", hep_case_get_title (c), HEP_CASE_MAX_TITLE, TRUE, FALSE, error) ||
      !check_text (id, "History", hep_case_get_history (c), HEP_CASE_MAX_TEXT, TRUE, TRUE, error) ||
      !check_text (id, "Presentation", hep_case_get_presentation (c), HEP_CASE_MAX_TEXT, TRUE, TRUE, error) ||
      !check_text (id, "Outcome", hep_case_get_outcome (c), HEP_CASE_MAX_TEXT, FALSE, TRUE, error) ||
      !check_text (id, "Author", hep_case_get_author (c), HEP_CASE_MAX_SHORT, TRUE, FALSE, error) ||
      !check_text (id, "License", hep_case_get_license (c), HEP_CASE_MAX_SHORT, TRUE, FALSE, error) ||
      !check_text (id, "Language", hep_case_get_language (c), 35, TRUE, FALSE, error))
    return FALSE;

  if (!hep_case_modality_is_known (hep_case_get_found_on (c)))
    return invalid (error, id, "FoundOn", hep_case_get_found_on (c), "us, ct, mri");
  if (!hep_case_diagnosis_is_known (hep_case_get_diagnosis (c)))
    {
      g_autofree char *accepted = g_strjoinv (", ", (char **) hep_case_get_diagnosis_ids ());
      return invalid (error, id, "Diagnosis", hep_case_get_diagnosis (c), accepted);
    }
  if (!hep_case_proof_is_known (hep_case_get_proof (c)))
    return invalid (error, id, "Proof", hep_case_get_proof (c),
                    "histology, explant, imaging-criteria, follow-up, aspiration-culture, clinical-course");
  if (g_strcmp0 (hep_case_get_certainty (c), "definite") != 0 &&
      g_strcmp0 (hep_case_get_certainty (c), "probable") != 0)
    return invalid (error, id, "Certainty", hep_case_get_certainty (c), "definite, probable");
  if (hep_case_get_lirads (c) >= HEP_N_LIRADS_CATEGORIES)
    return invalid (error, id, "LiRads", "?", "LR-1…LR-5, LR-M, LR-TIV, LR-NC, NA");
  if (hep_case_get_difficulty (c) < 1 || hep_case_get_difficulty (c) > 5)
    return invalid (error, id, "Difficulty", "?", "1–5");
  if (!check_language (hep_case_get_language (c)))
    return invalid (error, id, "Language", hep_case_get_language (c), "a language tag such as en or pt-BR");

  features = hep_case_get_features (c);
  tokens = hep_feature_set_to_string (features);
  if (strlen (tokens) > HEP_CASE_MAX_FEATURES)
    {
      g_set_error (error, HEP_CASE_SOURCE_ERROR, HEP_CASE_SOURCE_ERROR_TOO_LONG,
                   _("case “%s”: “Features” is too long"), id);
      return FALSE;
    }
  if (!hep_feature_set_is_set (features, HEP_FEATURE_AGE) ||
      !hep_feature_set_is_set (features, HEP_FEATURE_SEX) ||
      !hep_feature_set_is_set (features, HEP_FEATURE_SIZE))
    {
      g_set_error (error, HEP_CASE_SOURCE_ERROR, HEP_CASE_SOURCE_ERROR_MISSING,
                   _("case “%s”: “Features” must give age=, sex= and size="), id);
      return FALSE;
    }

  tags = hep_case_get_tags (c);
  if (!check_list (id, "Tags", tags, HEP_CASE_MAX_TAG, FALSE, error) ||
      !check_list (id, "TeachingPoints", hep_case_get_teaching_points (c), HEP_CASE_MAX_ITEM, TRUE, error) ||
      !check_list (id, "Pitfalls", hep_case_get_pitfalls (c), HEP_CASE_MAX_ITEM, FALSE, error) ||
      !check_list (id, "References", hep_case_get_references (c), HEP_CASE_MAX_ITEM, TRUE, error))
    return FALSE;
  for (guint i = 0; tags[i]; i++)
    for (guint j = 0; j < i; j++)
      if (g_str_equal (tags[i], tags[j]))
        return invalid (error, id, "Tags", tags[i], _("each tag once"));

  for (guint p = 0; p < HEP_N_CASE_PHASES; p++)
    {
      g_autofree char *key = g_strconcat ("Findings ", hep_case_phase_to_key (p), NULL);
      gboolean required = p == HEP_CASE_PHASE_ARTERIAL || p == HEP_CASE_PHASE_PORTAL;

      if (!check_text (id, key, hep_case_get_findings (c, p), HEP_CASE_MAX_TEXT, required, TRUE, error))
        return FALSE;
    }

  if (hep_case_get_n_images (c) > HEP_CASE_MAX_IMAGES)
    {
      g_set_error (error, HEP_CASE_SOURCE_ERROR, HEP_CASE_SOURCE_ERROR_TOO_LONG,
                   _("case “%s”: %u images; the limit is %d"), id, hep_case_get_n_images (c), HEP_CASE_MAX_IMAGES);
      return FALSE;
    }
  for (guint i = 0; i < hep_case_get_n_images (c); i++)
    {
      const HepCaseImage *image = hep_case_get_image (c, i);

      if (!check_text (id, "Image Caption", image->caption, HEP_CASE_MAX_ITEM, TRUE, FALSE, error) ||
          !check_text (id, "Image Phase", image->phase, HEP_CASE_MAX_TAG, FALSE, FALSE, error) ||
          !check_text (id, "Image File", image->file, 255, FALSE, FALSE, error))
        return FALSE;
      if (image->modality != NULL && !hep_case_modality_is_known (image->modality))
        return invalid (error, id, "Image Modality", image->modality, "us, ct, mri");
      if (image->file != NULL && !check_relative_path (image->file))
        return invalid (error, id, "Image File", image->file, _("a relative path inside the case folder"));
    }
  return TRUE;
}

/* ---- reading --------------------------------------------------------------------- */

static gboolean
check_keys (GKeyFile            *key_file,
            const char          *group,
            const char * const  *known,
            GError             **error)
{
  g_auto(GStrv) keys = g_key_file_get_keys (key_file, group, NULL, NULL);

  for (guint i = 0; keys && keys[i]; i++)
    if (!g_strv_contains (known, keys[i]))
      {
        g_autofree char *shown = hep_escape_for_message (keys[i], 80);

        g_set_error (error, HEP_CASE_SOURCE_ERROR, HEP_CASE_SOURCE_ERROR_UNKNOWN,
                     _("unknown key “%s” in group [%s]"), shown, group);
        return FALSE;
      }
  return TRUE;
}

/* After a failed GKeyFile read: TRUE if the key is optional and absent;
 * otherwise sets @error (missing or unparsable) and returns FALSE. */
static gboolean
key_absent_ok (const GError  *local_error,
               const char    *group,
               const char    *key,
               gboolean       required,
               GError       **error)
{
  if (g_error_matches (local_error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_KEY_NOT_FOUND))
    {
      if (!required)
        return TRUE;
      g_set_error (error, HEP_CASE_SOURCE_ERROR, HEP_CASE_SOURCE_ERROR_MISSING,
                   _("[%s] has no key “%s”"), group, key);
      return FALSE;
    }
  g_set_error (error, HEP_CASE_SOURCE_ERROR, HEP_CASE_SOURCE_ERROR_PARSE,
               _("[%s] key “%s”: %s"), group, key, local_error->message);
  return FALSE;
}

static char *
get_string (GKeyFile    *key_file,
            const char  *group,
            const char  *key,
            gboolean     required,
            GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  char *value = g_key_file_get_string (key_file, group, key, &local_error);

  if (value == NULL)
    key_absent_ok (local_error, group, key, required, error);
  return value;
}

static gboolean
get_list (GKeyFile     *key_file,
          const char   *group,
          const char   *key,
          gboolean      required,
          GStrv        *out,
          GError      **error)
{
  g_autoptr(GError) local_error = NULL;
  gsize n = 0;

  *out = g_key_file_get_string_list (key_file, group, key, &n, &local_error);
  if (*out != NULL)
    {
      /* "A|B|" gives a trailing empty entry; ignore surrounding blanks */
      for (gsize i = 0; i < n; i++)
        g_strstrip ((*out)[i]);
      if (n > 0 && *(*out)[n - 1] == '\0')
        {
          g_free ((*out)[n - 1]);
          (*out)[n - 1] = NULL;
        }
      return TRUE;
    }
  if (g_error_matches (local_error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_KEY_NOT_FOUND))
    *out = g_new0 (char *, 1);
  return key_absent_ok (local_error, group, key, required, error);
}

static gboolean
parse_case_group (GKeyFile    *key_file,
                  const char  *group,
                  HepCase     *c,
                  GError     **error)
{
  static const char * const required[] = {
    "Title", "History", "Presentation", "FoundOn", "Diagnosis", "Proof", "Certainty",
    "Language", "Author", "License",
  };
  static const char * const properties[] = {
    "title", "history", "presentation", "found-on", "diagnosis", "proof", "certainty",
    "language", "author", "license",
  };
  g_autofree char *features_text = NULL;
  g_autofree char *lirads_text = NULL;
  g_autofree char *difficulty_text = NULL;
  g_auto(GStrv) tags = NULL, points = NULL, pitfalls = NULL, references = NULL, spoilers = NULL;
  g_autoptr(GError) local_error = NULL;
  HepFeatureSet features;
  HepLiradsCategory category;
  guint64 difficulty;
  const char *id = hep_case_get_id (c);

  for (guint i = 0; i < G_N_ELEMENTS (required); i++)
    {
      g_autofree char *value = get_string (key_file, group, required[i], TRUE, error);

      if (value == NULL)
        return FALSE;
      g_object_set (c, properties[i], g_strstrip (value), NULL);
    }

  features_text = get_string (key_file, group, "Features", TRUE, error);
  if (features_text == NULL)
    return FALSE;
  if (strlen (features_text) > HEP_CASE_MAX_FEATURES)
    {
      g_set_error (error, HEP_CASE_SOURCE_ERROR, HEP_CASE_SOURCE_ERROR_TOO_LONG,
                   _("case “%s”: “Features” is %zu bytes long; the limit is %d"), id,
                   strlen (features_text), HEP_CASE_MAX_FEATURES);
      return FALSE;
    }
  hep_feature_set_init (&features);
  if (!hep_feature_set_parse (&features, features_text, &local_error))
    {
      g_set_error (error, HEP_CASE_SOURCE_ERROR, HEP_CASE_SOURCE_ERROR_INVALID,
                   _("case “%s”: “Features”: %s"), id, local_error->message);
      return FALSE;
    }
  hep_case_set_features (c, &features);

  lirads_text = get_string (key_file, group, "LiRads", TRUE, error);
  if (lirads_text == NULL)
    return FALSE;
  g_strstrip (lirads_text);
  if (!hep_lirads_category_from_string (lirads_text, &category))
    return invalid (error, id, "LiRads", lirads_text, "LR-1…LR-5, LR-M, LR-TIV, LR-NC, NA");
  hep_case_set_lirads (c, category);

  difficulty_text = get_string (key_file, group, "Difficulty", TRUE, error);
  if (difficulty_text == NULL)
    return FALSE;
  g_strstrip (difficulty_text);
  if (!g_ascii_string_to_unsigned (difficulty_text, 10, 1, 5, &difficulty, NULL))
    return invalid (error, id, "Difficulty", difficulty_text, "1–5");
  hep_case_set_difficulty (c, (int) difficulty);

  if (!get_list (key_file, group, "Tags", FALSE, &tags, error) ||
      !get_list (key_file, group, "TeachingPoints", TRUE, &points, error) ||
      !get_list (key_file, group, "Pitfalls", FALSE, &pitfalls, error) ||
      !get_list (key_file, group, "References", TRUE, &references, error))
    return FALSE;
  hep_case_set_tags (c, (const char * const *) tags);
  hep_case_set_teaching_points (c, (const char * const *) points);
  hep_case_set_pitfalls (c, (const char * const *) pitfalls);
  hep_case_set_references (c, (const char * const *) references);

  if (g_key_file_has_key (key_file, group, "Outcome", NULL))
    {
      g_autofree char *outcome = get_string (key_file, group, "Outcome", TRUE, error);

      if (outcome == NULL)
        return FALSE;
      hep_case_set_outcome (c, g_strstrip (outcome));
    }

  if (g_key_file_has_key (key_file, group, "Spoilers", NULL))
    {
      guint mask = 0;

      if (!get_list (key_file, group, "Spoilers", TRUE, &spoilers, error))
        return FALSE;
      for (guint i = 0; spoilers[i]; i++)
        {
          HepCaseSpoiler spoiler;

          if (!hep_case_spoiler_from_string (spoilers[i], &spoiler))
            return invalid (error, id, "Spoilers", spoilers[i],
                            "title, diagnosis, proof, certainty, lirads, teaching-points, pitfalls, "
                            "references, tags, findings-PHASE, outcome");
          mask |= spoiler;
        }
      hep_case_set_spoilers (c, mask);
    }
  else
    hep_case_set_spoilers (c, HEP_CASE_SPOILER_DEFAULT);
  return TRUE;
}

static gboolean
parse_findings_group (GKeyFile    *key_file,
                      const char  *group,
                      HepCase     *c,
                      GError     **error)
{
  g_auto(GStrv) keys = NULL;

  if (!g_key_file_has_group (key_file, group))
    {
      g_set_error (error, HEP_CASE_SOURCE_ERROR, HEP_CASE_SOURCE_ERROR_MISSING,
                   _("case “%s”: group [%s] is missing"), hep_case_get_id (c), group);
      return FALSE;
    }
  keys = g_key_file_get_keys (key_file, group, NULL, NULL);
  for (guint i = 0; keys && keys[i]; i++)
    {
      HepCasePhase phase;
      g_autofree char *value = NULL;

      if (!hep_case_phase_from_key (keys[i], &phase))
        {
          g_autofree char *shown = hep_escape_for_message (keys[i], 80);

          g_set_error (error, HEP_CASE_SOURCE_ERROR, HEP_CASE_SOURCE_ERROR_UNKNOWN,
                       _("unknown key “%s” in group [%s]; accepted: pre, arterial, portal, delayed, hbp, t2, dwi, other"),
                       shown, group);
          return FALSE;
        }
      value = get_string (key_file, group, keys[i], TRUE, error);
      if (value == NULL)
        return FALSE;
      hep_case_set_findings (c, phase, g_strstrip (value));
    }
  return TRUE;
}

/* @n_images: the number of groups named "Image …" of this case, counted by
 * the caller in one pass over all groups, or -1 to count them here. */
static gboolean
parse_image_groups (GKeyFile    *key_file,
                    const char  *suffix,
                    int          n_images,
                    HepCase     *c,
                    GError     **error)
{
  g_autofree char *prefix = suffix ? g_strdup_printf ("Image %s ", suffix) : g_strdup ("Image ");
  guint n = 0;

  /* images are numbered 1, 2, … without gaps */
  if (n_images >= 0)
    n = (guint) n_images;
  else
    {
      g_auto(GStrv) groups = g_key_file_get_groups (key_file, NULL);

      for (guint i = 0; groups[i]; i++)
        if (g_str_has_prefix (groups[i], prefix))
          n++;
    }
  if (n > HEP_CASE_MAX_IMAGES)
    {
      g_set_error (error, HEP_CASE_SOURCE_ERROR, HEP_CASE_SOURCE_ERROR_TOO_LONG,
                   _("case “%s”: %u images; the limit is %d"), hep_case_get_id (c), n, HEP_CASE_MAX_IMAGES);
      return FALSE;
    }
  for (guint i = 1; i <= n; i++)
    {
      g_autofree char *group = g_strdup_printf ("%s%u", prefix, i);
      g_autofree char *caption = NULL, *phase = NULL, *modality = NULL, *file = NULL;
      g_autoptr(HepCaseImage) image = NULL;
      g_autoptr(GError) local_error = NULL;

      if (!g_key_file_has_group (key_file, group))
        {
          g_set_error (error, HEP_CASE_SOURCE_ERROR, HEP_CASE_SOURCE_ERROR_MISSING,
                       _("case “%s”: image groups must be numbered 1–%u; [%s] is missing"),
                       hep_case_get_id (c), n, group);
          return FALSE;
        }
      if (!check_keys (key_file, group, image_keys, error))
        return FALSE;
      caption = get_string (key_file, group, "Caption", TRUE, error);
      if (caption == NULL)
        return FALSE;
      phase = get_string (key_file, group, "Phase", FALSE, &local_error);
      modality = get_string (key_file, group, "Modality", FALSE, &local_error);
      file = get_string (key_file, group, "File", FALSE, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      image = hep_case_image_new (g_strstrip (caption), phase ? g_strstrip (phase) : NULL,
                                  modality ? g_strstrip (modality) : NULL, file ? g_strstrip (file) : NULL);
      hep_case_add_image (c, image);
    }
  return TRUE;
}

HepCase *
hep_case_source_parse_key_file (GKeyFile    *key_file,
                                const char  *suffix,
                                GError     **error)
{
  return hep_case_source_parse_key_file_full (key_file, suffix, -1, error);
}

HepCase *
hep_case_source_parse_key_file_full (GKeyFile    *key_file,
                                     const char  *suffix,
                                     int          n_images,
                                     GError     **error)
{
  g_autofree char *case_group = group_name ("Case", suffix);
  g_autofree char *findings_group = group_name ("Findings", suffix);
  g_autofree char *id = NULL;
  g_autoptr(HepCase) c = NULL;

  g_return_val_if_fail (key_file != NULL, NULL);

  if (!g_key_file_has_group (key_file, case_group))
    {
      g_set_error (error, HEP_CASE_SOURCE_ERROR, HEP_CASE_SOURCE_ERROR_MISSING,
                   _("group [%s] is missing"), case_group);
      return NULL;
    }
  if (!check_keys (key_file, case_group, case_keys, error))
    return NULL;

  id = get_string (key_file, case_group, "Id", TRUE, error);
  if (id == NULL)
    return NULL;
  g_strstrip (id);
  if (!hep_case_id_is_valid (id) || (suffix != NULL && !g_str_equal (id, suffix)))
    {
      g_autofree char *shown = hep_escape_for_message (id, 80);

      g_set_error (error, HEP_CASE_SOURCE_ERROR, HEP_CASE_SOURCE_ERROR_BAD_ID,
                   suffix ? _("[%s]: id “%s” does not match the group name")
                          : _("[%s]: bad case id “%s”: use 3–64 characters a–z, 0–9 and “-”"),
                   case_group, shown);
      return NULL;
    }

  c = hep_case_new (id);
  if (!parse_case_group (key_file, case_group, c, error) ||
      !parse_findings_group (key_file, findings_group, c, error) ||
      !parse_image_groups (key_file, suffix, n_images, c, error) ||
      !hep_case_source_validate (c, error))
    return NULL;
  return g_steal_pointer (&c);
}

static gboolean
load_key_file (GKeyFile    *key_file,
               const char  *data,
               gsize        length,
               GError     **error)
{
  const char *end = NULL;
  g_autoptr(GError) local_error = NULL;

  if (!g_utf8_validate (data, length, &end))
    {
      g_set_error (error, HEP_CASE_SOURCE_ERROR, HEP_CASE_SOURCE_ERROR_PARSE,
                   _("not valid UTF-8 (at byte %zu)"), (gsize) (end - data));
      return FALSE;
    }
  if (!hep_case_source_check_lines (data, length, error))
    return FALSE;
  g_key_file_set_list_separator (key_file, '|');
  if (!g_key_file_load_from_data (key_file, data, length, G_KEY_FILE_NONE, &local_error))
    {
      g_autofree char *shown = hep_escape_for_message (local_error->message, 200);

      g_set_error (error, HEP_CASE_SOURCE_ERROR, HEP_CASE_SOURCE_ERROR_PARSE,
                   _("not a valid key file: %s"), shown);
      return FALSE;
    }
  return TRUE;
}

gboolean
hep_case_source_check_lines (const char  *data,
                             gsize        length,
                             GError     **error)
{
  g_autoptr(GHashTable) groups = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *group = NULL;
  guint number = 0;

  for (gsize i = 0; i < length; )
    {
      const char *line = data + i;
      const char *nl = memchr (line, '\n', length - i);
      gsize len = nl ? (gsize) (nl - line) : length - i;
      g_autofree char *text = NULL;
      char *p;

      i += len + 1;
      number++;
      /* a line ends in LF or CRLF: the CR is not part of a name */
      if (len > 0 && line[len - 1] == '\r')
        len--;
      text = g_strndup (line, len);
      p = text;
      while (*p == ' ' || *p == '\t')
        p++;
      if (*p == '\0' || *p == '#')
        continue;

      if (*p == '[')
        {
          char *end = strrchr (p, ']');
          gpointer first;

          if (end == NULL)
            continue;   /* GKeyFile says what is wrong with it */
          g_free (group);
          group = g_strndup (p + 1, end - p - 1);
          if (g_hash_table_lookup_extended (groups, group, NULL, &first))
            {
              g_autofree char *shown = hep_escape_for_message (group, 80);

              g_set_error (error, HEP_CASE_SOURCE_ERROR, HEP_CASE_SOURCE_ERROR_DUPLICATE,
                           _("line %u: the group [%s] is given a second time (first on line %u)"),
                           number, shown, GPOINTER_TO_UINT (first));
              return FALSE;
            }
          g_hash_table_insert (groups, g_strdup (group), GUINT_TO_POINTER (number));
          g_hash_table_remove_all (keys);
          continue;
        }

      {
        char *eq = strchr (p, '=');
        gpointer first;

        if (eq == NULL)
          continue;   /* GKeyFile says what is wrong with it */
        *eq = '\0';
        g_strstrip (p);
        if (strchr (p, '[') != NULL)
          {
            g_autofree char *shown = hep_escape_for_message (p, 80);

            g_set_error (error, HEP_CASE_SOURCE_ERROR, HEP_CASE_SOURCE_ERROR_UNKNOWN,
                         _("line %u: the localized key “%s” is not read by this version of Hepatica; "
                           "remove it or make a case in that language"), number, shown);
            return FALSE;
          }
        if (g_hash_table_lookup_extended (keys, p, NULL, &first))
          {
            g_autofree char *shown = hep_escape_for_message (p, 80);
            g_autofree char *shown_group = hep_escape_for_message (group, 80);

            g_set_error (error, HEP_CASE_SOURCE_ERROR, HEP_CASE_SOURCE_ERROR_DUPLICATE,
                         _("line %u: the key “%s” is given a second time in [%s] (first on line %u)"),
                         number, shown, shown_group, GPOINTER_TO_UINT (first));
            return FALSE;
          }
        g_hash_table_insert (keys, g_strdup (p), GUINT_TO_POINTER (number));
      }
    }
  return TRUE;
}

HepCase *
hep_case_source_parse (const char  *data,
                       gsize        length,
                       GError     **error)
{
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_auto(GStrv) groups = NULL;

  if (!load_key_file (key_file, data, length, error))
    return NULL;

  groups = g_key_file_get_groups (key_file, NULL);
  for (guint i = 0; groups[i]; i++)
    {
      const char *g = groups[i];

      if (!g_str_equal (g, "Case") && !g_str_equal (g, "Findings") && !g_str_has_prefix (g, "Image "))
        {
          g_autofree char *shown = hep_escape_for_message (g, 80);

          g_set_error (error, HEP_CASE_SOURCE_ERROR, HEP_CASE_SOURCE_ERROR_UNKNOWN,
                       _("unknown group [%s]; accepted: [Case], [Findings], [Image N]"), shown);
          return NULL;
        }
    }
  return hep_case_source_parse_key_file (key_file, NULL, error);
}

HepCase *
hep_case_source_load_file (const char  *path,
                           GError     **error)
{
  g_autofree char *data = NULL;
  g_autofree char *basename = g_path_get_basename (path);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(HepCase) c = NULL;
  gsize length;

  if (!g_file_get_contents (path, &data, &length, &local_error))
    {
      g_set_error (error, HEP_CASE_SOURCE_ERROR, HEP_CASE_SOURCE_ERROR_PARSE, "%s: %s", path,
                   local_error->message);
      return NULL;
    }
  c = hep_case_source_parse (data, length, &local_error);
  if (c == NULL)
    {
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error), "%s: ", path);
      return NULL;
    }
  if (!g_str_has_suffix (basename, ".case") ||
      strlen (basename) != strlen (hep_case_get_id (c)) + 5 ||
      strncmp (basename, hep_case_get_id (c), strlen (hep_case_get_id (c))) != 0)
    {
      g_set_error (error, HEP_CASE_SOURCE_ERROR, HEP_CASE_SOURCE_ERROR_BAD_ID,
                   _("%s: the case id “%s” must match the file name (%s.case)"), path,
                   hep_case_get_id (c), hep_case_get_id (c));
      return NULL;
    }
  return g_steal_pointer (&c);
}

/* ---- writing ------------------------------------------------------------------------ */

static void
set_list (GKeyFile           *key_file,
          const char         *group,
          const char         *key,
          const char * const *list,
          gboolean            always)
{
  guint n = list ? g_strv_length ((char **) list) : 0;

  if (n == 0 && !always)
    return;
  g_key_file_set_string_list (key_file, group, key, list, n);
}

void
hep_case_source_write_key_file (HepCase    *c,
                                GKeyFile   *key_file,
                                const char *suffix)
{
  g_autofree char *case_group = group_name ("Case", suffix);
  g_autofree char *findings_group = group_name ("Findings", suffix);
  g_autofree char *features = hep_case_dup_features_string (c);
  g_autoptr(GPtrArray) spoilers = g_ptr_array_new ();

  g_return_if_fail (HEP_IS_CASE (c));

  g_key_file_set_list_separator (key_file, '|');
  g_key_file_set_string (key_file, case_group, "Id", hep_case_get_id (c));
  g_key_file_set_string (key_file, case_group, "Title", hep_case_get_title (c));
  g_key_file_set_string (key_file, case_group, "History", hep_case_get_history (c));
  g_key_file_set_string (key_file, case_group, "Presentation", hep_case_get_presentation (c));
  g_key_file_set_string (key_file, case_group, "FoundOn", hep_case_get_found_on (c));
  g_key_file_set_string (key_file, case_group, "Features", features);
  g_key_file_set_string (key_file, case_group, "Diagnosis", hep_case_get_diagnosis (c));
  g_key_file_set_string (key_file, case_group, "Proof", hep_case_get_proof (c));
  g_key_file_set_string (key_file, case_group, "Certainty", hep_case_get_certainty (c));
  g_key_file_set_string (key_file, case_group, "LiRads", hep_lirads_category_to_string (hep_case_get_lirads (c)));
  g_key_file_set_integer (key_file, case_group, "Difficulty", hep_case_get_difficulty (c));
  set_list (key_file, case_group, "Tags", hep_case_get_tags (c), TRUE);
  g_key_file_set_string (key_file, case_group, "Language", hep_case_get_language (c));
  g_key_file_set_string (key_file, case_group, "Author", hep_case_get_author (c));
  g_key_file_set_string (key_file, case_group, "License", hep_case_get_license (c));
  for (guint bit = 0; (1u << bit) <= HEP_CASE_SPOILER_ALL; bit++)
    if (hep_case_get_spoilers (c) & (1u << bit))
      g_ptr_array_add (spoilers, (gpointer) hep_case_spoiler_to_string (1u << bit));
  g_ptr_array_add (spoilers, NULL);
  set_list (key_file, case_group, "Spoilers", (const char * const *) spoilers->pdata, TRUE);
  set_list (key_file, case_group, "TeachingPoints", hep_case_get_teaching_points (c), TRUE);
  set_list (key_file, case_group, "Pitfalls", hep_case_get_pitfalls (c), FALSE);
  set_list (key_file, case_group, "References", hep_case_get_references (c), TRUE);
  if (hep_case_get_outcome (c) != NULL)
    g_key_file_set_string (key_file, case_group, "Outcome", hep_case_get_outcome (c));

  for (guint p = 0; p < HEP_N_CASE_PHASES; p++)
    if (hep_case_get_findings (c, p) != NULL)
      g_key_file_set_string (key_file, findings_group, hep_case_phase_to_key (p), hep_case_get_findings (c, p));

  for (guint i = 0; i < hep_case_get_n_images (c); i++)
    {
      const HepCaseImage *image = hep_case_get_image (c, i);
      g_autofree char *group = suffix ? g_strdup_printf ("Image %s %u", suffix, i + 1)
                                      : g_strdup_printf ("Image %u", i + 1);

      g_key_file_set_string (key_file, group, "Caption", image->caption);
      if (image->phase)
        g_key_file_set_string (key_file, group, "Phase", image->phase);
      if (image->modality)
        g_key_file_set_string (key_file, group, "Modality", image->modality);
      if (image->file)
        g_key_file_set_string (key_file, group, "File", image->file);
    }
}

char *
hep_case_source_to_data (HepCase *c,
                         gsize   *length)
{
  g_autoptr(GKeyFile) key_file = g_key_file_new ();

  hep_case_source_write_key_file (c, key_file, NULL);
  return g_key_file_to_data (key_file, length, NULL);
}
