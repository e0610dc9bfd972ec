/* hep-quiz-plan.c: which questions a quiz asks
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "hep-quiz-plan.h"

#include "hep-quiz-review.h"
#include "hep-text.h"

#include <glib/gi18n-lib.h>
#include <string.h>

void
hep_quiz_plan_spec_init (HepQuizPlanSpec *spec)
{
  HepCaseFilter any = HEP_CASE_FILTER_INIT;

  memset (spec, 0, sizeof *spec);
  spec->source = HEP_QUIZ_SOURCE_ALL;
  spec->filter = any;
  spec->kinds = HEP_QUIZ_KINDS_ALL;
}

void
hep_quiz_plan_item_free (HepQuizPlanItem *item)
{
  if (item == NULL)
    return;
  g_free (item->case_id);
  g_free (item);
}

static void
add_item (GPtrArray   *plan,
          const char  *case_id,
          HepQuizKind  kind,
          GRand       *rand)
{
  HepQuizPlanItem *item = g_new0 (HepQuizPlanItem, 1);

  item->case_id = g_strdup (case_id);
  item->kind = kind;
  item->seed = g_rand_int (rand);
  g_ptr_array_add (plan, item);
}

/* The next of @kinds, from *@turn on, that @c can make; the turn moves
 * past it, so that a quiz takes the kinds in turn. */
static gboolean
pick_kind (HepCase     *c,
           guint        kinds,
           guint       *turn,
           HepQuizKind *kind)
{
  for (guint i = 0; i < HEP_N_QUIZ_KINDS; i++)
    {
      HepQuizKind k = (HepQuizKind) ((*turn + i) % HEP_N_QUIZ_KINDS);

      if ((kinds & (1u << k)) && hep_quiz_question_is_possible (c, k))
        {
          *kind = k;
          *turn = (guint) k + 1;
          return TRUE;
        }
    }
  return FALSE;
}

/* The case @id, or NULL: gone (a line in @warnings) or an error. */
static HepCase *
load_case (HepCaseStore  *store,
           const char    *id,
           GPtrArray     *warnings,
           gboolean      *failed,
           GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  HepCase *c = hep_case_store_get_case (store, id, &local_error);

  if (c != NULL)
    return c;
  if (!g_error_matches (local_error, HEP_CASE_STORE_ERROR, HEP_CASE_STORE_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      *failed = TRUE;
      return NULL;
    }
  if (warnings != NULL)
    g_ptr_array_add (warnings, g_strdup_printf (_("The case “%s” is no longer in the library; skipped"), id));
  return NULL;
}

static gboolean
is_full (GPtrArray             *plan,
         const HepQuizPlanSpec *spec)
{
  return spec->n_questions > 0 && plan->len >= spec->n_questions;
}

/* Cases in the order @ids gives, one question each. */
static gboolean
plan_cases (HepCaseStore          *store,
            const HepQuizPlanSpec *spec,
            const char * const    *ids,
            guint                  n_ids,
            GRand                 *rand,
            GPtrArray             *plan,
            GPtrArray             *warnings,
            GError               **error)
{
  guint kinds = spec->kinds ? spec->kinds : HEP_QUIZ_KINDS_ALL;
  guint turn = (guint) g_rand_int_range (rand, 0, HEP_N_QUIZ_KINDS);

  for (guint i = 0; i < n_ids && !is_full (plan, spec); i++)
    {
      gboolean failed = FALSE;
      g_autoptr(HepCase) c = load_case (store, ids[i], warnings, &failed, error);
      HepQuizKind kind;

      if (failed)
        return FALSE;
      if (c != NULL && pick_kind (c, kinds, &turn, &kind))
        add_item (plan, ids[i], kind, rand);
    }
  return TRUE;
}

static gboolean
plan_mistakes (HepCaseStore          *store,
               const HepQuizPlanSpec *spec,
               GRand                 *rand,
               GPtrArray             *plan,
               GPtrArray             *warnings,
               GError               **error)
{
  g_autoptr(GPtrArray) log = hep_case_store_list_log (store, 0, 0, error);
  g_autoptr(GPtrArray) mistakes = NULL;

  if (log == NULL)
    return FALSE;
  mistakes = hep_quiz_list_mistakes (log);
  for (guint i = 0; i < mistakes->len && !is_full (plan, spec); i++)
    {
      const HepQuizLogEntry *e = g_ptr_array_index (mistakes, i);
      gboolean failed = FALSE;
      g_autoptr(HepCase) c = NULL;
      HepQuizKind kind;

      if (e->kind == NULL || !hep_quiz_kind_from_string (e->kind, &kind))
        {
          if (warnings != NULL)
            g_ptr_array_add (warnings, g_strdup_printf (_("A mistake on the case “%s” is of a kind this version "
                                                          "does not know (“%s”); skipped"),
                                                        e->case_id, e->kind ? e->kind : e->mode));
          continue;
        }
      c = load_case (store, e->case_id, warnings, &failed, error);
      if (failed)
        return FALSE;
      /* a case edited since may no longer make the question */
      if (c != NULL && hep_quiz_question_is_possible (c, kind))
        add_item (plan, e->case_id, kind, rand);
    }
  return TRUE;
}

/* Shuffles @ids in place (Fisher–Yates, with the seed's GRand: the same
 * order on every platform); returns how many there are. */
static guint
shuffle_ids (GStrv  ids,
             GRand *rand)
{
  guint n = g_strv_length (ids);

  for (guint i = n; i > 1; i--)
    {
      guint j = (guint) g_rand_int_range (rand, 0, (gint32) i);
      char *t = ids[i - 1];

      ids[i - 1] = ids[j];
      ids[j] = t;
    }
  return n;
}

/* Whether @c exercises the skill card @skill ("feature:washout",
 * "lirads:RULE", "ddx:A-vs-B", as hep-quiz-review.c names them), and with
 * which kind of question. */
static gboolean
case_exercises_skill (HepCase     *c,
                      const char  *skill,
                      guint        kinds,
                      HepQuizKind *kind)
{
  if (g_str_has_prefix (skill, "feature:"))
    {
      HepFeature f;

      *kind = HEP_QUIZ_KIND_FEATURES;
      return (kinds & (1u << *kind)) && hep_feature_from_token (skill + 8, &f) &&
             hep_feature_set_is_set (hep_case_get_features (c), f) && hep_quiz_question_is_possible (c, *kind);
    }
  if (g_str_has_prefix (skill, "ddx:"))
    {
      g_auto(GStrv) pair = g_strsplit (skill + 4, "-vs-", 2);
      const char *diagnosis = hep_case_get_diagnosis (c);

      *kind = HEP_QUIZ_KIND_DIAGNOSIS;
      return (kinds & (1u << *kind)) && g_strv_length (pair) == 2 && diagnosis != NULL &&
             (g_str_equal (pair[0], diagnosis) || g_str_equal (pair[1], diagnosis)) &&
             hep_quiz_question_is_possible (c, *kind);
    }
  if (g_str_has_prefix (skill, "lirads:"))
    {
      g_autoptr(HepQuizQuestion) q = NULL;

      *kind = HEP_QUIZ_KIND_LIRADS;
      if (!(kinds & (1u << *kind)) || !hep_quiz_question_is_possible (c, *kind))
        return FALSE;
      q = hep_quiz_question_new (c, *kind, 0, NULL);
      for (guint i = 0; q != NULL && i < q->lirads_path->len; i++)
        if (g_str_equal (g_ptr_array_index (q->lirads_path, i), skill + 7))
          return TRUE;
      return FALSE;
    }
  return FALSE;
}

/* The skills due: for each, a case of the library that exercises it and
 * is not in the quiz yet, the library's order shuffled by @rand. */
static gboolean
plan_skills (HepCaseStore          *store,
             const HepQuizPlanSpec *spec,
             gint64                 now,
             GRand                 *rand,
             GPtrArray             *plan,
             GError               **error)
{
  guint kinds = spec->kinds ? spec->kinds : HEP_QUIZ_KINDS_ALL;
  g_autoptr(GPtrArray) due = NULL;
  g_autoptr(GPtrArray) cases = NULL;
  g_auto(GStrv) ids = NULL;
  guint n;

  if (is_full (plan, spec))
    return TRUE;
  due = hep_case_store_list_due (store, HEP_REVIEW_ITEM_SKILL, now, 0, error);
  if (due == NULL)
    return FALSE;
  if (due->len == 0)
    return TRUE;
  ids = hep_case_store_list_ids (store, NULL, error);
  if (ids == NULL)
    return FALSE;
  n = shuffle_ids (ids, rand);
  cases = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < n; i++)
    {
      HepCase *c = hep_case_store_get_case (store, ids[i], error);

      if (c == NULL)
        return FALSE;
      g_ptr_array_add (cases, c);
    }
  for (guint d = 0; d < due->len && !is_full (plan, spec); d++)
    {
      const HepReviewState *skill = g_ptr_array_index (due, d);

      for (guint i = 0; i < cases->len; i++)
        {
          HepCase *c = g_ptr_array_index (cases, i);
          gboolean taken = FALSE;
          HepQuizKind kind;

          for (guint k = 0; k < plan->len && !taken; k++)
            taken = g_str_equal (((HepQuizPlanItem *) g_ptr_array_index (plan, k))->case_id, hep_case_get_id (c));
          if (!taken && case_exercises_skill (c, skill->item_id, kinds, &kind))
            {
              add_item (plan, hep_case_get_id (c), kind, rand);
              break;
            }
        }
    }
  return TRUE;
}

GPtrArray *
hep_quiz_plan_new (HepCaseStore           *store,
                   const HepQuizPlanSpec  *spec,
                   gint64                  now,
                   GPtrArray              *warnings,
                   GError                **error)
{
  g_autoptr(GPtrArray) plan = g_ptr_array_new_with_free_func ((GDestroyNotify) hep_quiz_plan_item_free);
  g_autoptr(GRand) rand = NULL;

  g_return_val_if_fail (HEP_IS_CASE_STORE (store), NULL);
  g_return_val_if_fail (spec != NULL, NULL);

  rand = g_rand_new_with_seed (spec->seed);
  switch (spec->source)
    {
    case HEP_QUIZ_SOURCE_ALL:
    case HEP_QUIZ_SOURCE_FILTER:
      {
        g_auto(GStrv) ids = hep_case_store_list_ids (store, spec->source == HEP_QUIZ_SOURCE_FILTER ? &spec->filter
                                                                                                   : NULL, error);
        guint n;

        if (ids == NULL)
          return NULL;
        n = shuffle_ids (ids, rand);
        if (!plan_cases (store, spec, (const char * const *) ids, n, rand, plan, warnings, error))
          return NULL;
        break;
      }
    case HEP_QUIZ_SOURCE_DUE:
      {
        g_autoptr(GPtrArray) due = hep_case_store_list_due (store, HEP_REVIEW_ITEM_CASE, now, 0, error);
        g_autoptr(GPtrArray) ids = g_ptr_array_new ();

        if (due == NULL)
          return NULL;
        for (guint i = 0; i < due->len; i++)
          g_ptr_array_add (ids, ((HepReviewState *) g_ptr_array_index (due, i))->item_id);
        if (!plan_cases (store, spec, (const char * const *) ids->pdata, ids->len, rand, plan, warnings, error))
          return NULL;
        /* then the skills due (a feature, an LI-RADS rule, a diagnosis
         * pair), each asked on a case that exercises it */
        if (!plan_skills (store, spec, now, rand, plan, error))
          return NULL;
        break;
      }
    case HEP_QUIZ_SOURCE_MISTAKES:
      if (!plan_mistakes (store, spec, rand, plan, warnings, error))
        return NULL;
      break;
    default:
      g_set_error (error, HEP_CASE_STORE_ERROR, HEP_CASE_STORE_ERROR_INVALID,
                   _("Unknown quiz source %d"), (int) spec->source);
      return NULL;
    }
  return g_steal_pointer (&plan);
}

GStrv
hep_quiz_plan_to_strv (GPtrArray *plan)
{
  g_autoptr(GStrvBuilder) lines = g_strv_builder_new ();

  g_return_val_if_fail (plan != NULL, NULL);

  for (guint i = 0; i < plan->len; i++)
    {
      const HepQuizPlanItem *item = g_ptr_array_index (plan, i);
      g_autofree char *line = g_strdup_printf ("%s %s %u", item->case_id, hep_quiz_kind_to_string (item->kind),
                                               item->seed);

      g_strv_builder_add (lines, line);
    }
  return g_strv_builder_end (lines);
}

GPtrArray *
hep_quiz_plan_from_strv (const char * const  *lines,
                         GError             **error)
{
  g_autoptr(GPtrArray) plan = g_ptr_array_new_with_free_func ((GDestroyNotify) hep_quiz_plan_item_free);

  for (guint i = 0; lines != NULL && lines[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (lines[i], " ", -1);
      HepQuizPlanItem *item;
      HepQuizKind kind;
      guint64 seed;

      if (g_strv_length (parts) != 3 || *parts[0] == '\0' || !hep_quiz_kind_from_string (parts[1], &kind) ||
          !g_ascii_string_to_unsigned (parts[2], 10, 0, G_MAXUINT32, &seed, NULL))
        {
          g_autofree char *shown = hep_escape_for_message (lines[i], 80);

          g_set_error (error, HEP_CASE_STORE_ERROR, HEP_CASE_STORE_ERROR_INVALID,
                       _("Question %u of the quiz is not “CASE_ID KIND SEED”: “%s”"), i + 1, shown);
          return NULL;
        }
      item = g_new0 (HepQuizPlanItem, 1);
      item->case_id = g_strdup (parts[0]);
      item->kind = kind;
      item->seed = (guint32) seed;
      g_ptr_array_add (plan, item);
    }
  return g_steal_pointer (&plan);
}
