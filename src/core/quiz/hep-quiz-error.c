/* hep-quiz-error.c: why an answer was wrong, and the grade it earns
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "hep-quiz-error.h"

#include <glib/gi18n-lib.h>

void
hep_quiz_answer_init (HepQuizAnswer *answer)
{
  *answer = (HepQuizAnswer) { 0, };
  hep_feature_set_init (&answer->features);
  answer->lirads = HEP_LIRADS_NA;
}

gboolean
hep_quiz_is_perception_feature (HepFeature feature)
{
  switch (hep_feature_get_group (feature))
    {
    case HEP_FEATURE_GROUP_ARTERIAL:
    case HEP_FEATURE_GROUP_LATER:
    case HEP_FEATURE_GROUP_SEQUENCES:
    case HEP_FEATURE_GROUP_FINDINGS:
      return TRUE;
    case HEP_FEATURE_GROUP_CONTEXT:
    case HEP_FEATURE_GROUP_SIZE:
    case HEP_FEATURE_GROUP_JUDGMENT:
    default:
      return FALSE;
    }
}

/* A choice's explicit "none" (aphe=none, dwi=none) says no more than
 * leaving it unset: the finding is absent. */
static gboolean
is_present (const HepFeatureSet *set,
            HepFeature           feature)
{
  if (!hep_feature_set_is_set (set, feature))
    return FALSE;
  if (hep_feature_get_kind (feature) == HEP_FEATURE_KIND_CHOICE)
    return g_strcmp0 (hep_feature_get_choice (feature, hep_feature_set_get (set, feature)), "none") != 0;
  return TRUE;
}

static guint
compare_features (const HepFeatureSet *truth,
                  const HepFeatureSet *answer,
                  HepQuizFeatureMiss  *misses)
{
  guint n = 0;

  for (int f = 0; f < HEP_N_FEATURES; f++)
    {
      gboolean in_truth, in_answer;
      HepQuizMissKind kind;

      if (!hep_quiz_is_perception_feature (f))
        continue;
      in_truth = is_present (truth, f);
      in_answer = is_present (answer, f);
      if (!in_truth && !in_answer)
        continue;
      if (in_truth && !in_answer)
        kind = HEP_QUIZ_MISS_MISSED;
      else if (!in_truth)
        kind = HEP_QUIZ_MISS_ADDED;
      else if (hep_feature_set_get (truth, f) != hep_feature_set_get (answer, f))
        kind = HEP_QUIZ_MISS_WRONG_VALUE;
      else
        continue;
      misses[n++] = (HepQuizFeatureMiss) {
        f, kind, hep_feature_set_get (truth, f), hep_feature_set_get (answer, f),
      };
    }
  return n;
}

void
hep_quiz_classify (const HepQuizAnswer *truth,
                   const HepQuizAnswer *answer,
                   HepQuizErrorReport  *report)
{
  g_return_if_fail (truth != NULL && answer != NULL && report != NULL);

  report->kind = HEP_QUIZ_ERROR_NONE;
  report->n_misses = 0;

  if (answer->timed_out)
    {
      report->kind = HEP_QUIZ_ERROR_TIMING;
      return;
    }
  if (truth->has_features && answer->has_features)
    {
      report->n_misses = compare_features (&truth->features, &answer->features, report->misses);
      if (report->n_misses > 0)
        {
          report->kind = HEP_QUIZ_ERROR_PERCEPTION;
          return;
        }
    }
  if (truth->has_lirads && answer->has_lirads && truth->lirads != answer->lirads)
    {
      report->kind = HEP_QUIZ_ERROR_RULE;
      return;
    }
  if (truth->has_diagnosis && answer->has_diagnosis && truth->diagnosis != answer->diagnosis)
    report->kind = HEP_QUIZ_ERROR_KNOWLEDGE;
}

char *
hep_quiz_feature_miss_describe (const HepQuizFeatureMiss *miss)
{
  g_autofree char *truth = hep_feature_format_value (miss->feature, miss->truth);
  g_autofree char *answer = hep_feature_format_value (miss->feature, miss->answer);
  g_autofree char *answer_value = NULL;

  switch (miss->kind)
    {
    case HEP_QUIZ_MISS_MISSED:
      /* TRANSLATORS: a feature the learner did not see, e.g. "missed washout" */
      return g_strdup_printf (_("missed %s"), truth);
    case HEP_QUIZ_MISS_ADDED:
      /* TRANSLATORS: a feature the learner saw that the case does not have, e.g. "added capsule" */
      return g_strdup_printf (_("added %s"), answer);
    case HEP_QUIZ_MISS_WRONG_VALUE:
      if (hep_feature_get_kind (miss->feature) == HEP_FEATURE_KIND_CHOICE)
        answer_value = g_strdup (hep_feature_get_choice (miss->feature, miss->answer));
      else
        answer_value = g_strdup_printf ("%d", miss->answer);
      /* TRANSLATORS: the case's feature, then the value the learner gave it,
       * e.g. "called aphe=rim nonrim" (a rim APHE called nonrim) */
      return g_strdup_printf (_("called %s %s"), truth, answer_value);
    default:
      g_return_val_if_reached (NULL);
    }
}

char *
hep_quiz_feature_miss_describe_words (const HepQuizFeatureMiss *miss)
{
  g_autofree char *truth = hep_feature_describe_value (miss->feature, miss->truth);
  g_autofree char *answer = hep_feature_describe_value (miss->feature, miss->answer);
  g_autofree char *answer_value = NULL;

  switch (miss->kind)
    {
    case HEP_QUIZ_MISS_MISSED:
      /* TRANSLATORS: a feature of the case the learner did not see, e.g. "Missed: Nonperipheral washout" */
      return g_strdup_printf (_("Missed: %s"), truth);
    case HEP_QUIZ_MISS_ADDED:
      /* TRANSLATORS: a feature the learner saw that the case does not have, e.g. "Added: Enhancing capsule" */
      return g_strdup_printf (_("Added: %s"), answer);
    case HEP_QUIZ_MISS_WRONG_VALUE:
      if (hep_feature_get_kind (miss->feature) == HEP_FEATURE_KIND_CHOICE)
        answer_value = g_strdup (hep_feature_get_choice_label (miss->feature, miss->answer));
      else
        answer_value = g_strdup_printf ("%d", miss->answer);
      /* TRANSLATORS: the case's feature and value, then the value the
       * learner gave it, e.g. "Arterial phase: Rim, read as Nonrim" */
      return g_strdup_printf (_("%s, read as %s"), truth, answer_value);
    default:
      g_return_val_if_reached (NULL);
    }
}

char *
hep_quiz_error_report_describe (const HepQuizErrorReport *report)
{
  GString *s;

  if (report->kind == HEP_QUIZ_ERROR_NONE)
    return NULL;
  s = g_string_new (hep_quiz_error_kind_to_string (report->kind));
  for (guint i = 0; i < report->n_misses; i++)
    {
      g_autofree char *miss = hep_quiz_feature_miss_describe (&report->misses[i]);

      g_string_append (s, i == 0 ? ": " : "; ");
      g_string_append (s, miss);
    }
  return g_string_free (s, FALSE);
}

static const char * const kind_names[] = { "none", "timing", "perception", "rule", "knowledge" };

const char *
hep_quiz_error_kind_to_string (HepQuizErrorKind kind)
{
  if ((guint) kind >= G_N_ELEMENTS (kind_names))
    return NULL;
  return kind_names[kind];
}

gboolean
hep_quiz_error_kind_from_string (const char       *text,
                                 HepQuizErrorKind *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kind_names); i++)
    if (g_strcmp0 (text, kind_names[i]) == 0)
      {
        *kind = (HepQuizErrorKind) i;
        return TRUE;
      }
  return FALSE;
}

void
hep_quiz_pace_init_default (HepQuizPace *pace)
{
  pace->fast_ms = HEP_QUIZ_PACE_FAST_MS;
  pace->slow_ms = HEP_QUIZ_PACE_SLOW_MS;
}

HepFsrsRating
hep_quiz_grade_from_outcome (gboolean           correct,
                             HepQuizConfidence  confidence,
                             gint64             answer_ms,
                             const HepQuizPace *pace)
{
  gboolean known = answer_ms >= 0;
  gboolean fast = known && answer_ms <= pace->fast_ms;
  gboolean slow = known && answer_ms > pace->slow_ms;

  if (!correct)
    return HEP_FSRS_RATING_AGAIN;
  if (confidence != HEP_QUIZ_CONFIDENCE_SURE || slow)
    return HEP_FSRS_RATING_HARD;
  if (fast)
    return HEP_FSRS_RATING_EASY;
  return HEP_FSRS_RATING_GOOD;
}
