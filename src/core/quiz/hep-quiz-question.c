/* hep-quiz-question.c: quiz questions made from a case's data
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "hep-quiz-question.h"

#include <glib/gi18n-lib.h>

#include "hep-case-spoilers.h"
#include "hep-ddx.h"
#include "hep-next-imaging.h"
#include "hep-quiz-error.h"

G_DEFINE_QUARK (hep-quiz-question-error-quark, hep_quiz_question_error)

static const char * const kind_names[] = { "features", "lirads", "diagnosis", "next-test" };
G_STATIC_ASSERT (G_N_ELEMENTS (kind_names) == HEP_N_QUIZ_KINDS);

/* The categories a LI-RADS question offers, in reading order. */
static const HepLiradsCategory lirads_options[] = {
  HEP_LIRADS_NC, HEP_LIRADS_1, HEP_LIRADS_2, HEP_LIRADS_3, HEP_LIRADS_4, HEP_LIRADS_5,
  HEP_LIRADS_M, HEP_LIRADS_TIV,
};

const char *
hep_quiz_kind_to_string (HepQuizKind kind)
{
  g_return_val_if_fail ((guint) kind < HEP_N_QUIZ_KINDS, NULL);
  return kind_names[kind];
}

gboolean
hep_quiz_kind_from_string (const char  *text,
                           HepQuizKind *kind)
{
  for (guint i = 0; text != NULL && i < HEP_N_QUIZ_KINDS; i++)
    if (g_str_equal (text, kind_names[i]))
      {
        if (kind)
          *kind = (HepQuizKind) i;
        return TRUE;
      }
  return FALSE;
}

static void
finding_free (HepQuizFinding *finding)
{
  g_free (finding->text);
  g_free (finding);
}

static void
option_free (HepQuizOption *option)
{
  g_free (option->id);
  g_free (option->label);
  g_free (option);
}

static void
add_option (GPtrArray  *options,
            const char *id,
            const char *label)
{
  HepQuizOption *option = g_new0 (HepQuizOption, 1);

  option->id = g_strdup (id);
  option->label = g_strdup (label);
  g_ptr_array_add (options, option);
}

void
hep_quiz_question_free (HepQuizQuestion *self)
{
  if (self == NULL)
    return;
  g_free (self->case_id);
  g_free (self->title);
  g_free (self->history);
  g_free (self->presentation);
  g_free (self->found_on);
  g_clear_pointer (&self->findings, g_ptr_array_unref);
  g_free (self->prompt);
  g_clear_pointer (&self->options, g_ptr_array_unref);
  g_free (self->diagnosis);
  g_clear_pointer (&self->lirads_path, g_ptr_array_unref);
  g_clear_pointer (&self->evidence, g_ptr_array_unref);
  g_clear_pointer (&self->teaching_points, g_ptr_array_unref);
  g_clear_pointer (&self->pitfalls, g_ptr_array_unref);
  g_free (self);
}

/* A plausible distractor: a hard rule pins it, or a row of evidence speaks
 * for it. */
static gboolean
is_plausible (const HepDdxEntry *entry)
{
  return entry->pinned_by >= 0 || entry->n_for > 0;
}

/* Up to @max diagnoses the differential ranks next after leaving out
 * @answer, best first. Returns how many. */
static guint
pick_distractors (const HepDdxResult *result,
                  HepDdxDiagnosis     answer,
                  HepDdxDiagnosis    *out,
                  guint               max)
{
  guint n = 0;

  for (guint i = 0; i < HEP_N_DDX && n < max; i++)
    {
      const HepDdxEntry *entry = &result->ranking[i];
      gboolean seen = FALSE;

      if (entry->diagnosis == answer || !is_plausible (entry))
        continue;
      for (guint j = 0; j < n; j++)
        seen |= out[j] == entry->diagnosis;
      if (!seen)
        out[n++] = entry->diagnosis;
    }
  return n;
}

/* The procedures of a next-test question: the best-rated one first, then
 * up to three rated lower (never one rated as well as the best). */
static guint
pick_procedures (const HepNextImagingResult *result,
                 HepProcedure               *out,
                 guint                       max)
{
  const HepImagingEntry *best;
  guint n = 0;

  if (result->best < 0)
    return 0;
  best = &result->entries[result->best];
  out[n++] = best->procedure;
  for (guint i = 0; i < result->n_entries && n < max; i++)
    {
      const HepImagingEntry *entry = &result->entries[i];

      if (entry->rating != HEP_RATING_NONE && entry->rating < best->rating)
        out[n++] = entry->procedure;
    }
  return n;
}

static gboolean
get_scenario (HepCase            *c,
              HepImagingScenario *scenario)
{
  const char *found_on = hep_case_get_found_on (c);

  hep_imaging_scenario_init (scenario);
  scenario->features = *hep_case_get_features (c);
  if (g_strcmp0 (found_on, "us") == 0)
    scenario->found_on = HEP_FOUND_ON_US;
  else if (g_strcmp0 (found_on, "ct") == 0)
    scenario->found_on = HEP_FOUND_ON_CT;
  else if (g_strcmp0 (found_on, "mri") == 0)
    scenario->found_on = HEP_FOUND_ON_MRI;
  return hep_imaging_scenario_complete (scenario, NULL);
}

gboolean
hep_quiz_question_is_possible (HepCase     *c,
                               HepQuizKind  kind)
{
  const HepFeatureSet *features;

  g_return_val_if_fail (HEP_IS_CASE (c), FALSE);

  features = hep_case_get_features (c);
  switch (kind)
    {
    case HEP_QUIZ_KIND_FEATURES:
      for (int f = 0; f < HEP_N_FEATURES; f++)
        if (hep_quiz_is_perception_feature (f) && hep_feature_set_is_set (features, f))
          return TRUE;
      return FALSE;

    case HEP_QUIZ_KIND_LIRADS:
      {
        HepLiradsResult result;

        hep_lirads_evaluate (features, &result);
        return result.applicable;
      }

    case HEP_QUIZ_KIND_DIAGNOSIS:
      {
        HepDdxDiagnosis answer, distractors[HEP_QUIZ_MAX_DISTRACTORS];
        HepDdxResult result;

        if (!hep_ddx_diagnosis_from_string (hep_case_get_diagnosis (c), &answer))
          return FALSE;
        hep_ddx_evaluate (features, &result);
        return pick_distractors (&result, answer, distractors, HEP_QUIZ_MAX_DISTRACTORS) > 0;
      }

    case HEP_QUIZ_KIND_NEXT_TEST:
      {
        HepImagingScenario scenario;
        HepNextImagingResult result;
        HepProcedure procedures[4];

        if (!get_scenario (c, &scenario))
          return FALSE;
        hep_next_imaging_evaluate (&scenario, &result);
        return pick_procedures (&result, procedures, G_N_ELEMENTS (procedures)) > 1;
      }

    case HEP_N_QUIZ_KINDS:
    default:
      g_return_val_if_reached (FALSE);
    }
}

/* Fisher–Yates with GRand's Mersenne Twister: the same seed gives the same
 * order on every platform. Returns where the option first at @key went. */
static int
shuffle_options (GPtrArray *options,
                 int        key,
                 guint32    seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);

  for (guint i = options->len; i > 1; i--)
    {
      guint j = (guint) g_rand_int_range (rand, 0, (gint32) i);
      gpointer tmp = options->pdata[i - 1];

      options->pdata[i - 1] = options->pdata[j];
      options->pdata[j] = tmp;
      if (key == (int) i - 1)
        key = (int) j;
      else if (key == (int) j)
        key = (int) i - 1;
    }
  return key;
}

static GPtrArray *
strv_to_array (const char * const *strv)
{
  GPtrArray *array = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
    g_ptr_array_add (array, g_strdup (strv[i]));
  return array;
}

/* The stem: only what hep-case-spoilers.h lets unknown-case mode show. */
static void
fill_stem (HepQuizQuestion *q,
           HepCase         *c)
{
  q->findings = g_ptr_array_new_with_free_func ((GDestroyNotify) finding_free);
  if (!hep_case_hides (c, HEP_CASE_SPOILER_TITLE))
    q->title = g_strdup (hep_case_get_title (c));
  q->history = g_strdup (hep_case_get_history (c));
  q->presentation = g_strdup (hep_case_get_presentation (c));
  q->found_on = g_strdup (hep_case_get_found_on (c));
  for (int p = 0; p < HEP_N_CASE_PHASES; p++)
    {
      const char *text = hep_case_get_findings (c, p);
      HepQuizFinding *finding;

      if (text == NULL || *text == '\0' || hep_case_hides (c, HEP_CASE_SPOILER_FINDINGS (p)))
        continue;
      finding = g_new0 (HepQuizFinding, 1);
      finding->phase = p;
      finding->text = g_strdup (text);
      g_ptr_array_add (q->findings, finding);
    }
}

/* The explanation: the LI-RADS path, the differential's evidence for the
 * case's diagnosis, the teaching points and the pitfalls (the case's, then
 * the differential's). Shown only after the answer. */
static void
fill_explanation (HepQuizQuestion *q,
                  HepCase         *c)
{
  const HepFeatureSet *features = hep_case_get_features (c);
  HepLiradsResult lirads;
  HepDdxResult ddx;
  HepDdxEvidence evidence[HEP_DDX_MAX_EVIDENCE];
  HepDdxDiagnosis diagnosis;

  q->diagnosis = g_strdup (hep_case_get_diagnosis (c));
  q->lirads = hep_lirads_evaluate (features, &lirads);
  q->lirads_path = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < lirads.n_steps; i++)
    if (lirads.steps[i].matched)
      g_ptr_array_add (q->lirads_path, g_strdup (hep_lirads_rule_get_id (lirads.steps[i].rule)));

  q->evidence = g_ptr_array_new_with_free_func (g_free);
  hep_ddx_evaluate (features, &ddx);
  if (hep_ddx_diagnosis_from_string (q->diagnosis, &diagnosis))
    {
      guint n = hep_ddx_collect_evidence (&ddx, diagnosis, 1, evidence, G_N_ELEMENTS (evidence));

      /* ++ before + */
      for (int grade = HEP_DDX_GRADE_STRONG; grade >= HEP_DDX_GRADE_SUPPORTS; grade--)
        for (guint i = 0; i < n; i++)
          if ((int) evidence[i].grade == grade)
            g_ptr_array_add (q->evidence,
                             g_strdup_printf ("%s (%s%s)", _(evidence[i].row->label),
                                              evidence[i].context ? _("context ") : "",
                                              hep_ddx_grade_to_string (evidence[i].grade)));
    }

  q->teaching_points = strv_to_array (hep_case_get_teaching_points (c));
  q->pitfalls = strv_to_array (hep_case_get_pitfalls (c));
  for (int p = 0; p < HEP_N_DDX_PITFALLS; p++)
    if (ddx.pitfalls & (1u << p))
      g_ptr_array_add (q->pitfalls, g_strdup (hep_ddx_pitfall_get_text (p)));
}

/* Sets @error; returns NULL. */
static HepQuizQuestion *
not_applicable (GError     **error,
                HepCase     *c,
                HepQuizKind  kind,
                const char  *why)
{
  g_set_error (error, HEP_QUIZ_QUESTION_ERROR, HEP_QUIZ_QUESTION_ERROR_NOT_APPLICABLE,
               _("The case “%s” cannot make a %s question: %s"),
               hep_case_get_id (c), hep_quiz_kind_to_string (kind), why);
  return NULL;
}

HepQuizQuestion *
hep_quiz_question_new (HepCase      *c,
                       HepQuizKind   kind,
                       guint32       seed,
                       GError      **error)
{
  g_autoptr(HepQuizQuestion) q = NULL;
  const HepFeatureSet *features;

  g_return_val_if_fail (HEP_IS_CASE (c), NULL);
  g_return_val_if_fail ((guint) kind < HEP_N_QUIZ_KINDS, NULL);

  features = hep_case_get_features (c);
  q = g_new0 (HepQuizQuestion, 1);
  q->kind = kind;
  q->case_id = g_strdup (hep_case_get_id (c));
  q->key = -1;
  q->options = g_ptr_array_new_with_free_func ((GDestroyNotify) option_free);
  hep_feature_set_init (&q->key_features);
  q->features = *features;
  hep_feature_set_init (&q->given);
  for (int f = 0; f < HEP_N_FEATURES; f++)
    {
      HepFeatureGroup group = hep_feature_get_group (f);

      if (group == HEP_FEATURE_GROUP_CONTEXT || group == HEP_FEATURE_GROUP_SIZE)
        hep_feature_set_set (&q->given, f, hep_feature_set_get (features, f));
    }
  fill_stem (q, c);
  fill_explanation (q, c);

  switch (kind)
    {
    case HEP_QUIZ_KIND_FEATURES:
      if (!hep_quiz_question_is_possible (c, kind))
        return not_applicable (error, c, kind, _("it lists no imaging features"));
      for (int f = 0; f < HEP_N_FEATURES; f++)
        if (hep_quiz_is_perception_feature (f))
          hep_feature_set_set (&q->key_features, f, hep_feature_set_get (features, f));
      q->prompt = g_strdup (_("Read the findings by phase and set the imaging features."));
      break;

    case HEP_QUIZ_KIND_LIRADS:
      if (!hep_quiz_question_is_possible (c, kind))
        return not_applicable (error, c, kind, _("LI-RADS does not apply to the patient"));
      for (guint i = 0; i < G_N_ELEMENTS (lirads_options); i++)
        {
          add_option (q->options, hep_lirads_category_to_string (lirads_options[i]),
                      hep_lirads_category_to_string (lirads_options[i]));
          if (lirads_options[i] == q->lirads)
            q->key = (int) i;
        }
      /* the categories keep their order: it is part of the scale */
      q->prompt = g_strdup (_("Which LI-RADS category does the observation have?"));
      break;

    case HEP_QUIZ_KIND_DIAGNOSIS:
      {
        HepDdxDiagnosis answer, distractors[HEP_QUIZ_MAX_DISTRACTORS];
        HepDdxResult result;
        guint n;

        if (!hep_ddx_diagnosis_from_string (hep_case_get_diagnosis (c), &answer))
          return not_applicable (error, c, kind, _("its diagnosis is not one of the differential's"));
        hep_ddx_evaluate (features, &result);
        n = pick_distractors (&result, answer, distractors, HEP_QUIZ_MAX_DISTRACTORS);
        if (n == 0)
          return not_applicable (error, c, kind, _("the differential finds no plausible alternative"));
        add_option (q->options, hep_ddx_diagnosis_to_string (answer), hep_ddx_diagnosis_get_label (answer));
        for (guint i = 0; i < n; i++)
          add_option (q->options, hep_ddx_diagnosis_to_string (distractors[i]),
                      hep_ddx_diagnosis_get_label (distractors[i]));
        q->key = shuffle_options (q->options, 0, seed);
        q->prompt = g_strdup (_("What is the most likely diagnosis?"));
      }
      break;

    case HEP_QUIZ_KIND_NEXT_TEST:
      {
        HepImagingScenario scenario;
        HepNextImagingResult result;
        HepProcedure procedures[4];
        guint n = 0;

        if (get_scenario (c, &scenario))
          {
            hep_next_imaging_evaluate (&scenario, &result);
            n = pick_procedures (&result, procedures, G_N_ELEMENTS (procedures));
          }
        if (n < 2)
          return not_applicable (error, c, kind, _("it has no next-imaging scenario with one best-rated test"));
        for (guint i = 0; i < n; i++)
          add_option (q->options, hep_procedure_to_string (procedures[i]), hep_procedure_get_label (procedures[i]));
        q->key = shuffle_options (q->options, 0, seed);
        q->prompt = g_strdup (_("Which test is the most appropriate next?"));
      }
      break;

    case HEP_N_QUIZ_KINDS:
    default:
      g_return_val_if_reached (NULL);
    }
  return g_steal_pointer (&q);
}

char *
hep_quiz_question_dup_stem_text (const HepQuizQuestion *self)
{
  GString *out = g_string_new (NULL);
  g_autofree char *given = hep_feature_set_to_string (&self->given);

  if (self->title)
    g_string_append_printf (out, "%s\n", self->title);
  g_string_append_printf (out, "%s\n%s\n", self->history, self->presentation);
  if (self->found_on)
    g_string_append_printf (out, "found on: %s\n", self->found_on);
  for (guint i = 0; i < self->findings->len; i++)
    {
      const HepQuizFinding *finding = g_ptr_array_index (self->findings, i);

      g_string_append_printf (out, "%s: %s\n", hep_case_phase_to_key (finding->phase), finding->text);
    }
  if (*given)
    g_string_append_printf (out, "%s\n", given);
  g_string_append_printf (out, "%s\n", self->prompt);
  return g_string_free (out, FALSE);
}

int
hep_quiz_question_find_option (const HepQuizQuestion *self,
                               const char            *id)
{
  for (guint i = 0; id != NULL && i < self->options->len; i++)
    if (g_str_equal (((HepQuizOption *) g_ptr_array_index (self->options, i))->id, id))
      return (int) i;
  return -1;
}
