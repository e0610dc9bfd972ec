/* hep-case-spoilers.c: unknown-case mode, the one rule
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "hep-case-spoilers.h"

#include <string.h>

/* The names by which case text gives a diagnosis away, lower case. A name
 * matches as a whole word, also with a plural "s" or "es"; a name ending in
 * '*' matches any word that starts with it ("metasta*": metastasis,
 * metastases, metastatic). Abbreviations are matched in any case: "hcc"
 * means nothing else in a liver case. */
typedef struct {
  const char *diagnosis;
  const char *names[12];
} DiagnosisNames;

static const DiagnosisNames diagnosis_names[] = {
  { "hcc", { "hepatocellular carcinoma", "hcc", "hepatoma", NULL } },
  { "met-hypervascular", { "metasta*", NULL } },
  { "met-hypovascular", { "metasta*", NULL } },
  { "hemangioma", { "hemangioma", "haemangioma", NULL } },
  { "fnh", { "focal nodular hyperplasia", "fnh", NULL } },
  { "adenoma", { "adenoma", "adenomatosis", "hca", NULL } },
  { "cyst", { "cyst", NULL } },
  { "biliary-hamartoma", { "hamartoma", "von meyenburg", NULL } },
  { "abscess", { "abscess", NULL } },
  { "icc", { "cholangiocarcinoma", "cholangiocellular", "icc", "icca", "cca", NULL } },
  { "focal-fat", { "focal fat", "focal fatty", "focal steatosis", "focal sparing", "fatty sparing", NULL } },
  { "thad", { "thad", "thid", "transient hepatic attenuation", "transient hepatic intensity",
              "perfusion anomaly", "perfusion abnormality", "perfusion alteration",
              "arterioportal shunt", "arterio-portal shunt", "pseudolesion", NULL } },
};

static gboolean
is_word_char (char c)
{
  return g_ascii_isalnum (c) || (guchar) c >= 0x80;
}

/* Finds @name (lower case, maybe ending in '*') in @lower, the lower-cased
 * text, as a word. */
static gboolean
find_word (const char *lower,
           const char *name,
           gsize      *start,
           gsize      *length)
{
  gsize n = strlen (name);
  gboolean prefix = n > 0 && name[n - 1] == '*';
  g_autofree char *needle = g_strndup (name, prefix ? n - 1 : n);
  gsize needle_len = strlen (needle);

  for (const char *p = strstr (lower, needle); p != NULL; p = strstr (p + 1, needle))
    {
      const char *end = p + needle_len;

      if (p > lower && is_word_char (p[-1]))
        continue;
      if (prefix)
        while (is_word_char (*end))
          end++;
      else if (*end == 's' && !is_word_char (end[1]))
        end += 1;
      else if (end[0] == 'e' && end[1] == 's' && !is_word_char (end[2]))
        end += 2;
      if (is_word_char (*end))
        continue;
      *start = (gsize) (p - lower);
      *length = (gsize) (end - p);
      return TRUE;
    }
  return FALSE;
}

static gboolean
find_names (const char         *text,
            const DiagnosisNames *entry,
            HepDiagnosisMatch  *match)
{
  g_autofree char *lower = NULL;
  gboolean found = FALSE;
  gsize best = G_MAXSIZE;

  if (text == NULL || *text == '\0')
    return FALSE;
  lower = g_ascii_strdown (text, -1);
  for (guint i = 0; entry->names[i] != NULL; i++)
    {
      gsize start, length;

      /* the earliest match in the text, so that a message quotes it */
      if (find_word (lower, entry->names[i], &start, &length) && start < best)
        {
          best = start;
          found = TRUE;
          if (match)
            *match = (HepDiagnosisMatch) { entry->diagnosis, entry->names[i], start, length };
        }
    }
  return found;
}

static const DiagnosisNames *
lookup (const char *diagnosis)
{
  for (guint i = 0; i < G_N_ELEMENTS (diagnosis_names); i++)
    if (g_strcmp0 (diagnosis_names[i].diagnosis, diagnosis) == 0)
      return &diagnosis_names[i];
  return NULL;
}

/**
 * hep_diagnosis_find_name:
 * @text: (nullable): any text
 * @match: (out) (optional): where the first name found is
 *
 * Whether @text names any diagnosis of the differential, by its name or a
 * synonym. Returns the earliest such name.
 */
gboolean
hep_diagnosis_find_name (const char        *text,
                         HepDiagnosisMatch *match)
{
  gboolean found = FALSE;
  gsize best = G_MAXSIZE;

  for (guint i = 0; i < G_N_ELEMENTS (diagnosis_names); i++)
    {
      HepDiagnosisMatch m;

      if (find_names (text, &diagnosis_names[i], &m) && m.start < best)
        {
          best = m.start;
          found = TRUE;
          if (match)
            *match = m;
        }
    }
  return found;
}

/* The names of @diagnosis (a diagnosis id), NULL-terminated, or NULL for an
 * unknown id. */
const char * const *
hep_diagnosis_get_names (const char *diagnosis)
{
  const DiagnosisNames *entry = lookup (diagnosis);

  return entry ? entry->names : NULL;
}

static const char *
spoiler_text (HepCase        *self,
              HepCaseSpoiler  spoiler)
{
  if (spoiler == HEP_CASE_SPOILER_TITLE)
    return hep_case_get_title (self);
  for (HepCasePhase p = 0; p < HEP_N_CASE_PHASES; p++)
    if ((guint) spoiler == (guint) HEP_CASE_SPOILER_FINDINGS (p))
      return hep_case_get_findings (self, p);
  return NULL;
}

gboolean
hep_case_hides (HepCase        *self,
                HepCaseSpoiler  spoiler)
{
  g_return_val_if_fail (HEP_IS_CASE (self), TRUE);

  if ((spoiler & HEP_CASE_SPOILER_ALWAYS) || (hep_case_get_spoilers (self) & spoiler))
    return TRUE;
  /* the title and the findings: hidden where they name a diagnosis */
  return hep_diagnosis_find_name (spoiler_text (self, spoiler), NULL);
}

gboolean
hep_case_hides_image_caption (HepCase *self,
                              guint    index)
{
  g_return_val_if_fail (HEP_IS_CASE (self), TRUE);
  g_return_val_if_fail (index < hep_case_get_n_images (self), TRUE);
  return hep_diagnosis_find_name (hep_case_get_image (self, index)->caption, NULL);
}

guint
hep_case_get_hidden_fields (HepCase *self)
{
  guint hidden = 0;

  g_return_val_if_fail (HEP_IS_CASE (self), HEP_CASE_SPOILER_ALL);

  for (guint bit = 0; (1u << bit) <= HEP_CASE_SPOILER_ALL; bit++)
    if (hep_case_hides (self, (HepCaseSpoiler) (1u << bit)))
      hidden |= 1u << bit;
  return hidden;
}

char *
hep_case_dup_open_text (HepCase *self)
{
  GString *s = g_string_new (NULL);

  g_return_val_if_fail (HEP_IS_CASE (self), NULL);

  if (!hep_case_hides (self, HEP_CASE_SPOILER_TITLE))
    g_string_append_printf (s, "%s\n", hep_case_get_title (self));
  g_string_append_printf (s, "%s\n%s", hep_case_get_history (self), hep_case_get_presentation (self));
  for (HepCasePhase p = 0; p < HEP_N_CASE_PHASES; p++)
    {
      const char *text = hep_case_get_findings (self, p);

      if (text != NULL && !hep_case_hides (self, HEP_CASE_SPOILER_FINDINGS (p)))
        g_string_append_printf (s, "\n%s", text);
    }
  return g_string_free (s, FALSE);
}

static void
quote_match (GPtrArray               *problems,
             const char              *field,
             const char              *text,
             const HepDiagnosisMatch *m,
             const char              *advice)
{
  g_autofree char *words = g_strndup (text + m->start, m->length);

  g_ptr_array_add (problems, g_strdup_printf ("%s names the diagnosis “%s” (%s): %s",
                                              field, words, m->diagnosis, advice));
}

GPtrArray *
hep_case_check_spoilers (HepCase *self)
{
  GPtrArray *problems = g_ptr_array_new_with_free_func (g_free);
  const DiagnosisNames *own;
  guint listed;
  const struct {
    const char *field;
    const char *text;
  } setting[] = {
    { "History", hep_case_get_history (self) },
    { "Presentation", hep_case_get_presentation (self) },
  };

  g_return_val_if_fail (HEP_IS_CASE (self), problems);

  listed = hep_case_get_spoilers (self);
  for (guint bit = 0; (1u << bit) <= HEP_CASE_SPOILER_ALL; bit++)
    {
      HepCaseSpoiler spoiler = (HepCaseSpoiler) (1u << bit);
      const char *text = spoiler_text (self, spoiler);
      HepDiagnosisMatch m;

      if (text == NULL || (listed & spoiler) || !hep_diagnosis_find_name (text, &m))
        continue;
      quote_match (problems, hep_case_spoiler_to_string (spoiler), text, &m,
                   "list it in Spoilers= or describe only what the imaging shows");
    }

  for (guint i = 0; i < hep_case_get_n_images (self); i++)
    {
      const char *caption = hep_case_get_image (self, i)->caption;
      g_autofree char *field = g_strdup_printf ("image %u caption", i + 1);
      HepDiagnosisMatch m;

      if (hep_diagnosis_find_name (caption, &m))
        quote_match (problems, field, caption, &m, "it is hidden in unknown-case mode; describe only what the image shows");
    }

  /* the clinical setting stays visible, so it must not give the answer;
   * but a prior HCC, or a known primary's metastases elsewhere, is the
   * setting itself (risk=prior-hcc, known-malignancy) */
  own = lookup (hep_case_get_diagnosis (self));
  if (own != NULL && g_str_equal (own->diagnosis, "hcc") &&
      hep_feature_set_get (hep_case_get_features (self), HEP_FEATURE_RISK) == HEP_RISK_PRIOR_HCC)
    own = NULL;
  if (own != NULL && g_str_has_prefix (own->diagnosis, "met-") &&
      hep_feature_set_has (hep_case_get_features (self), HEP_FEATURE_KNOWN_MALIGNANCY))
    own = NULL;
  for (guint i = 0; own != NULL && i < G_N_ELEMENTS (setting); i++)
    {
      HepDiagnosisMatch m;

      if (find_names (setting[i].text, own, &m))
        quote_match (problems, setting[i].field, setting[i].text, &m,
                     "the clinical setting is shown in unknown-case mode; leave the answer out");
    }
  return problems;
}
