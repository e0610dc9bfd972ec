/* hep-quiz-explanation.c: what the quiz page says after an answer
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The answer given and the right one, why it was wrong, and the
 * explanation the core keeps apart from the stem (the LI-RADS path, the
 * differential's evidence, teaching points, pitfalls), as labels: the
 * feedback of tutor and timed mode and the review page at the end.
 */

#include "config.h"

#include "hep-quiz-explanation.h"

#include <glib/gi18n.h>

GtkWidget *
hep_quiz_explanation_add_label (GtkBox     *box,
                                const char *text,
                                const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), FALSE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  gtk_box_append (box, label);
  return label;
}

/* A heading and a bulleted list, left out when empty. */
static void
add_list (GtkBox     *box,
          const char *heading,
          GPtrArray  *items)
{
  g_autoptr(GString) text = g_string_new (NULL);

  if (items == NULL || items->len == 0)
    return;
  hep_quiz_explanation_add_label (box, heading, "heading");
  for (guint i = 0; i < items->len; i++)
    g_string_append_printf (text, "%s• %s", i ? "\n" : "", (char *) g_ptr_array_index (items, i));
  hep_quiz_explanation_add_label (box, text->str, NULL);
}

const char *
hep_quiz_explanation_kind_name (HepQuizKind kind)
{
  switch (kind)
    {
    case HEP_QUIZ_KIND_FEATURES:
      return _("Features");
    case HEP_QUIZ_KIND_LIRADS:
      return _("LI-RADS category");
    case HEP_QUIZ_KIND_DIAGNOSIS:
      return _("Diagnosis");
    case HEP_QUIZ_KIND_NEXT_TEST:
      return _("Next test");
    case HEP_N_QUIZ_KINDS:
    default:
      return "";
    }
}

const char *
hep_quiz_explanation_grade_label (HepFsrsRating rating)
{
  switch (rating)
    {
    case HEP_FSRS_RATING_AGAIN:
      return _("Again");
    case HEP_FSRS_RATING_HARD:
      return _("Hard");
    case HEP_FSRS_RATING_GOOD:
      return _("Good");
    case HEP_FSRS_RATING_EASY:
      return _("Easy");
    default:
      return "";
    }
}

/* The perception features of @set, in the vocabulary's words. */
static char *
describe_features (const HepFeatureSet *set)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (int f = 0; f < HEP_N_FEATURES; f++)
    {
      g_autofree char *value = NULL;

      if (!hep_quiz_is_perception_feature (f) || !hep_feature_set_is_set (set, f))
        continue;
      value = hep_feature_describe_value (f, hep_feature_set_get (set, f));
      g_string_append_printf (text, "%s%s", text->len ? ", " : "", value);
    }
  if (text->len == 0)
    return g_strdup (_("no imaging features"));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static const char *
option_label (const HepQuizQuestion *q,
              const char            *id)
{
  int i = id ? hep_quiz_question_find_option (q, id) : -1;

  return i >= 0 ? ((HepQuizOption *) g_ptr_array_index (q->options, i))->label : NULL;
}

static char *
describe_given (const HepQuizQuestion *q,
                const HepQuizResponse *r)
{
  if (q->kind == HEP_QUIZ_KIND_FEATURES)
    return describe_features (&r->features);
  if (r->choice == NULL)
    return g_strdup (r->timed_out ? _("none: time ran out") : _("none"));
  return g_strdup (option_label (q, r->choice));
}

static char *
describe_key (const HepQuizQuestion *q)
{
  if (q->kind == HEP_QUIZ_KIND_FEATURES)
    return describe_features (&q->key_features);
  return g_strdup (((HepQuizOption *) g_ptr_array_index (q->options, q->key))->label);
}

/* The answer, the key, why it was wrong and the explanation (the LI-RADS
 * path, the differential's evidence, teaching points and pitfalls): the
 * feedback and the review page. */
void
hep_quiz_explanation_add (GtkBox                *box,
                          const HepQuizQuestion *q,
                          const HepQuizResponse *response,
                          const HepQuizOutcome  *outcome)
{
  g_autofree char *given = describe_given (q, response);
  g_autofree char *key = describe_key (q);
  g_autofree char *why = hep_quiz_error_report_describe (&outcome->report);
  g_autofree char *answers = NULL;
  g_autofree char *diagnosis = NULL;
  g_autoptr(GPtrArray) path = g_ptr_array_new_with_free_func (g_free);

  answers = g_strdup_printf (_("Your answer: %s\nThe right answer: %s"), given, key);
  hep_quiz_explanation_add_label (box, answers, NULL);
  if (why != NULL)
    {
      const char *gloss = NULL;
      g_autofree char *line = NULL;

      switch (outcome->report.kind)
        {
        case HEP_QUIZ_ERROR_RULE:
          gloss = _("the category does not follow from the features by the LI-RADS rules");
          break;
        case HEP_QUIZ_ERROR_KNOWLEDGE:
          gloss = _("the features and the category point to another diagnosis");
          break;
        case HEP_QUIZ_ERROR_TIMING:
          gloss = _("time ran out");
          break;
        case HEP_QUIZ_ERROR_PERCEPTION:
        case HEP_QUIZ_ERROR_NONE:
        default:
          break;
        }
      line = gloss ? g_strdup_printf (_("Why it was wrong: %s (%s)"), why, gloss)
                   : g_strdup_printf (_("Why it was wrong: %s"), why);
      hep_quiz_explanation_add_label (box, line, NULL);
    }
  if (q->kind == HEP_QUIZ_KIND_FEATURES)
    {
      g_autofree char *score = g_strdup_printf (_("%d %% of the features read right"),
                                                (int) (100 * outcome->score + 0.5));

      hep_quiz_explanation_add_label (box, score, "dim-label");
    }

  diagnosis = g_strdup_printf (_("The case: %s, %s"), hep_case_diagnosis_get_label (q->diagnosis),
                               q->lirads == HEP_LIRADS_NA ? _("LI-RADS does not apply")
                                                          : hep_lirads_category_to_string (q->lirads));
  hep_quiz_explanation_add_label (box, diagnosis, "heading");
  for (guint i = 0; i < q->lirads_path->len; i++)
    {
      const char *id = g_ptr_array_index (q->lirads_path, i);

      for (int r = 0; r < HEP_N_LIRADS_RULES; r++)
        if (g_strcmp0 (hep_lirads_rule_get_id (r), id) == 0)
          g_ptr_array_add (path, g_strdup (hep_lirads_rule_get_title (r)));
    }
  add_list (box, _("The LI-RADS path"), path);
  add_list (box, _("The differential's evidence"), q->evidence);
  add_list (box, _("Teaching points"), q->teaching_points);
  add_list (box, _("Pitfalls"), q->pitfalls);
}

