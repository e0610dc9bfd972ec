/* hep-quiz-review.c: scoring an answer, logging it, scheduling what it touched
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "hep-quiz-review.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "hep-ddx.h"

static const char * const confidence_names[] = { "sure", "unsure", "guessing" };

const char *
hep_quiz_confidence_to_string (HepQuizConfidence confidence)
{
  if ((guint) confidence >= G_N_ELEMENTS (confidence_names))
    return NULL;
  return confidence_names[confidence];
}

gboolean
hep_quiz_confidence_from_string (const char        *text,
                                 HepQuizConfidence *confidence)
{
  for (guint i = 0; i < G_N_ELEMENTS (confidence_names); i++)
    if (g_strcmp0 (text, confidence_names[i]) == 0)
      {
        if (confidence)
          *confidence = (HepQuizConfidence) i;
        return TRUE;
      }
  return FALSE;
}

void
hep_quiz_response_init (HepQuizResponse *response)
{
  memset (response, 0, sizeof *response);
  hep_feature_set_init (&response->features);
  response->confidence = HEP_QUIZ_CONFIDENCE_UNSURE;
  response->duration_ms = -1;
}

static void
skill_review_free (HepQuizSkillReview *skill)
{
  g_free (skill->id);
  g_free (skill);
}

void
hep_quiz_outcome_free (HepQuizOutcome *outcome)
{
  if (outcome == NULL)
    return;
  g_free (outcome->answer);
  g_free (outcome->expected);
  g_clear_pointer (&outcome->skills, g_ptr_array_unref);
  g_free (outcome);
}

static void
add_skill (HepQuizOutcome *o,
           HepFsrsRating   rating,
           char           *id)   /* owned */
{
  HepQuizSkillReview *skill = g_new0 (HepQuizSkillReview, 1);

  skill->id = id;
  skill->rating = rating;
  g_ptr_array_add (o->skills, skill);
}

static char *
pair_id (const char *a,
         const char *b)
{
  return strcmp (a, b) < 0 ? g_strdup_printf ("ddx:%s-vs-%s", a, b) : g_strdup_printf ("ddx:%s-vs-%s", b, a);
}

static const char *
option_id (const HepQuizQuestion *q,
           int                    index)
{
  return ((HepQuizOption *) g_ptr_array_index (q->options, index))->id;
}

/* A choice's "none" says no more than leaving it unset (as hep-quiz-error.c
 * reads it). */
static gboolean
is_present (const HepFeatureSet *set,
            HepFeature           f)
{
  if (!hep_feature_set_is_set (set, f))
    return FALSE;
  if (hep_feature_get_kind (f) == HEP_FEATURE_KIND_CHOICE)
    return g_strcmp0 (hep_feature_get_choice (f, hep_feature_set_get (set, f)), "none") != 0;
  return TRUE;
}

static void
score_features (const HepQuizQuestion *q,
                const HepQuizResponse *r,
                HepQuizOutcome        *o)
{
  HepQuizAnswer truth, answer;
  HepFeatureSet picked;
  guint n_union = 0;

  /* only the perception features count; the rest was given */
  hep_feature_set_init (&picked);
  for (int f = 0; f < HEP_N_FEATURES; f++)
    if (hep_quiz_is_perception_feature (f))
      hep_feature_set_set (&picked, f, hep_feature_set_get (&r->features, f));

  hep_quiz_answer_init (&truth);
  truth.has_features = TRUE;
  truth.features = q->key_features;
  hep_quiz_answer_init (&answer);
  answer.has_features = TRUE;
  answer.features = picked;
  answer.timed_out = r->timed_out;
  hep_quiz_classify (&truth, &answer, &o->report);

  for (int f = 0; f < HEP_N_FEATURES; f++)
    if (is_present (&q->key_features, f) || is_present (&picked, f))
      n_union++;
  o->answer = hep_feature_set_to_string (&picked);
  o->expected = hep_feature_set_to_string (&q->key_features);
  o->correct = o->report.kind == HEP_QUIZ_ERROR_NONE;
  if (r->timed_out)
    o->score = 0;
  else
    o->score = n_union == 0 ? 1.0 : (double) (n_union - MIN (o->report.n_misses, n_union)) / n_union;
}

static void
score_choice (const HepQuizQuestion *q,
              const HepQuizResponse *r,
              HepQuizOutcome        *o)
{
  int picked = hep_quiz_question_find_option (q, r->choice);

  o->answer = g_strdup (r->choice ? r->choice : "");
  o->expected = g_strdup (option_id (q, q->key));
  o->correct = !r->timed_out && picked == q->key;
  o->score = o->correct ? 1.0 : 0.0;
  memset (&o->report, 0, sizeof o->report);
  if (r->timed_out)
    o->report.kind = HEP_QUIZ_ERROR_TIMING;
  else if (!o->correct)
    /* the features were given: a wrong category or test misapplies a rule,
     * a wrong diagnosis is a gap of knowledge (hep-quiz-error.h) */
    o->report.kind = q->kind == HEP_QUIZ_KIND_DIAGNOSIS ? HEP_QUIZ_ERROR_KNOWLEDGE : HEP_QUIZ_ERROR_RULE;
}

/* @right: the grade of a skill that went right (the answer's grade when
 * the answer was right, else the one it would have earned). */
static void
add_skills (const HepQuizQuestion *q,
            const HepQuizResponse *r,
            HepFsrsRating          right,
            HepQuizOutcome        *o)
{
  HepFsrsRating wrong = HEP_FSRS_RATING_AGAIN;

  switch (q->kind)
    {
    case HEP_QUIZ_KIND_FEATURES:
      for (int f = 0; f < HEP_N_FEATURES; f++)
        {
          gboolean missed = FALSE;

          if (!is_present (&q->key_features, f) && !is_present (&r->features, f))
            continue;
          if (!hep_quiz_is_perception_feature (f))
            continue;
          for (guint i = 0; i < o->report.n_misses; i++)
            missed |= o->report.misses[i].feature == (HepFeature) f;
          add_skill (o, missed || r->timed_out ? wrong : right,
                     g_strdup_printf ("feature:%s", hep_feature_get_token (f)));
        }
      break;

    case HEP_QUIZ_KIND_LIRADS:
      for (guint i = 0; i < q->lirads_path->len; i++)
        {
          const char *rule = g_ptr_array_index (q->lirads_path, i);

          if (g_str_equal (rule, hep_lirads_rule_get_id (HEP_LIRADS_RULE_POPULATION)))
            continue;
          add_skill (o, o->correct ? right : wrong, g_strdup_printf ("lirads:%s", rule));
        }
      break;

    case HEP_QUIZ_KIND_DIAGNOSIS:
      if (!o->correct && hep_quiz_question_find_option (q, r->choice) >= 0)
        add_skill (o, wrong, pair_id (q->diagnosis, r->choice));
      else
        {
          HepDdxResult ddx;

          /* the answer against the differential's best other on offer */
          hep_ddx_evaluate (&q->features, &ddx);
          for (guint i = 0; i < HEP_N_DDX; i++)
            {
              const char *id = hep_ddx_diagnosis_to_string (ddx.ranking[i].diagnosis);

              if (g_strcmp0 (id, q->diagnosis) != 0 && hep_quiz_question_find_option (q, id) >= 0)
                {
                  add_skill (o, o->correct ? right : wrong, pair_id (q->diagnosis, id));
                  break;
                }
            }
        }
      break;

    case HEP_QUIZ_KIND_NEXT_TEST:
    case HEP_N_QUIZ_KINDS:
    default:
      break;
    }
}

HepQuizOutcome *
hep_quiz_outcome_new (const HepQuizQuestion *q,
                      const HepQuizResponse *r,
                      const HepQuizPace     *pace)
{
  HepQuizOutcome *o = g_new0 (HepQuizOutcome, 1);
  HepQuizPace default_pace;

  g_return_val_if_fail (q != NULL && r != NULL, NULL);

  if (pace == NULL)
    {
      hep_quiz_pace_init_default (&default_pace);
      pace = &default_pace;
    }
  o->skills = g_ptr_array_new_with_free_func ((GDestroyNotify) skill_review_free);
  if (q->kind == HEP_QUIZ_KIND_FEATURES)
    score_features (q, r, o);
  else
    score_choice (q, r, o);
  if (r->grade >= HEP_FSRS_RATING_AGAIN && r->grade <= HEP_FSRS_RATING_EASY)
    o->grade = r->grade;
  else
    o->grade = hep_quiz_grade_from_outcome (o->correct, r->confidence, r->duration_ms, pace);
  add_skills (q, r, o->correct ? o->grade : hep_quiz_grade_from_outcome (TRUE, r->confidence, r->duration_ms, pace), o);
  return o;
}

void
hep_quiz_card_from_state (const HepReviewState *state,
                          gint64                now,
                          HepFsrsCard          *card)
{
  hep_fsrs_card_init (card, now);
  if (state == NULL || state->state == NULL || g_str_equal (state->state, "new"))
    return;
  if (g_str_equal (state->state, "learning"))
    card->state = HEP_FSRS_STATE_LEARNING;
  else if (g_str_equal (state->state, "relearning"))
    card->state = HEP_FSRS_STATE_RELEARNING;
  else
    card->state = HEP_FSRS_STATE_REVIEW;
  card->step = (guint) MAX (state->step, 0);
  /* a state written without FSRS variables (an SM-2 row) starts FSRS anew */
  if (state->stability <= 0 || state->difficulty <= 0)
    {
      hep_fsrs_card_init (card, now);
      return;
    }
  card->stability = state->stability;
  card->difficulty = CLAMP (state->difficulty, HEP_FSRS_DIFFICULTY_MIN, HEP_FSRS_DIFFICULTY_MAX);
  card->due = state->due;
  card->last_review = state->last_review;
}

void
hep_quiz_card_to_state (const HepFsrsCard *card,
                        HepFsrsRating      rating,
                        HepReviewState    *state)
{
  gboolean lapse = rating == HEP_FSRS_RATING_AGAIN && g_strcmp0 (state->state, "review") == 0;

  g_free (state->state);
  state->state = g_strdup (hep_fsrs_state_to_string (card->state));
  state->step = (int) card->step;
  state->stability = card->stability;
  state->difficulty = card->difficulty;
  state->due = card->due;
  state->last_review = card->last_review;
  state->interval_days = MAX (0.0, (double) (card->due - card->last_review) / HEP_FSRS_SECONDS_PER_DAY);
  state->reps++;
  if (lapse)
    state->lapses++;
  if (state->ease <= 0)
    state->ease = 2.5;
}

/* The state of an item after a review at @now with @rating. */
static HepReviewState *
review_item (HepCaseStore         *store,
             const HepFsrsParams  *params,
             HepReviewItemKind     kind,
             const char           *id,
             HepFsrsRating         rating,
             gint64                now,
             char                **state_before,
             GError              **error)
{
  g_autoptr(GError) local_error = NULL;
  HepReviewState *state = hep_case_store_get_review_state (store, kind, id, &local_error);
  HepFsrsCard card;

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (state == NULL)
    {
      state = g_new0 (HepReviewState, 1);
      state->kind = kind;
      state->item_id = g_strdup (id);
      state->state = g_strdup ("new");
      state->ease = 2.5;
    }
  if (state_before)
    *state_before = g_strdup (state->state);
  hep_quiz_card_from_state (state, now, &card);
  hep_fsrs_review (params, &card, rating, now);
  hep_quiz_card_to_state (&card, rating, state);
  return state;
}

gint64
hep_quiz_record_answer (HepCaseStore           *store,
                        const HepFsrsParams    *params,
                        const HepQuizQuestion  *q,
                        const HepQuizResponse  *r,
                        const HepQuizOutcome   *o,
                        const char             *session_id,
                        const char             *mode,
                        gint64                  now,
                        GError                **error)
{
  g_autoptr(GPtrArray) states = g_ptr_array_new_with_free_func ((GDestroyNotify) hep_review_state_free);
  g_autofree char *card_state = NULL;
  g_autofree char *details = NULL;
  HepQuizLogEntry entry = { 0 };
  HepReviewState *state;

  g_return_val_if_fail (HEP_IS_CASE_STORE (store), 0);
  g_return_val_if_fail (params != NULL && q != NULL && r != NULL && o != NULL, 0);

  state = review_item (store, params, HEP_REVIEW_ITEM_CASE, q->case_id, o->grade, now, &card_state, error);
  if (state == NULL)
    return 0;
  g_ptr_array_add (states, state);
  for (guint i = 0; i < o->skills->len; i++)
    {
      const HepQuizSkillReview *skill = g_ptr_array_index (o->skills, i);

      state = review_item (store, params, HEP_REVIEW_ITEM_SKILL, skill->id, skill->rating, now, NULL, error);
      if (state == NULL)
        return 0;
      g_ptr_array_add (states, state);
    }

  if (o->report.kind != HEP_QUIZ_ERROR_NONE && o->report.n_misses > 0)
    {
      GString *s = g_string_new (NULL);

      for (guint i = 0; i < o->report.n_misses; i++)
        {
          g_autofree char *miss = hep_quiz_feature_miss_describe (&o->report.misses[i]);

          g_string_append_printf (s, "%s%s", i ? "; " : "", miss);
        }
      details = g_string_free (s, FALSE);
    }
  entry.case_id = q->case_id;
  entry.session_id = (char *) session_id;
  entry.mode = (char *) (mode ? mode : "cli");
  entry.kind = (char *) hep_quiz_kind_to_string (q->kind);
  entry.answer = o->answer;
  entry.expected = o->expected;
  entry.correct = o->correct;
  entry.score = o->score;
  entry.error_kind = o->report.kind == HEP_QUIZ_ERROR_NONE ? NULL
                     : (char *) hep_quiz_error_kind_to_string (o->report.kind);
  entry.error_details = details;
  entry.sureness = (char *) hep_quiz_confidence_to_string (r->confidence);
  entry.grade = (char *) hep_fsrs_rating_to_string (o->grade);
  entry.card_state = card_state;
  entry.duration_ms = MAX (r->duration_ms, 0);
  entry.answered_at = now;
  return hep_case_store_record_review (store, &entry, states, error);
}

gboolean
hep_quiz_response_from_log (const HepQuizQuestion  *q,
                            const HepQuizLogEntry  *entry,
                            HepQuizResponse        *response,
                            char                  **choice)
{
  HepFsrsRating grade;
  HepQuizKind kind;

  g_return_val_if_fail (q != NULL && entry != NULL && response != NULL && choice != NULL, FALSE);

  *choice = NULL;
  hep_quiz_response_init (response);
  if (g_strcmp0 (entry->case_id, q->case_id) != 0 || entry->kind == NULL ||
      !hep_quiz_kind_from_string (entry->kind, &kind) || kind != q->kind)
    return FALSE;
  response->timed_out = g_strcmp0 (entry->error_kind, "timing") == 0;
  if (q->kind == HEP_QUIZ_KIND_FEATURES)
    {
      if (entry->answer != NULL && !hep_feature_set_parse (&response->features, entry->answer, NULL))
        return FALSE;
    }
  else if (entry->answer != NULL && *entry->answer != '\0')
    {
      if (hep_quiz_question_find_option (q, entry->answer) < 0)
        return FALSE;
      *choice = g_strdup (entry->answer);
      response->choice = *choice;
    }
  if (entry->sureness != NULL)
    hep_quiz_confidence_from_string (entry->sureness, &response->confidence);
  response->duration_ms = entry->duration_ms;
  if (entry->grade != NULL && hep_fsrs_rating_from_string (entry->grade, &grade))
    response->grade = grade;
  return TRUE;
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  const HepQuizLogEntry *x = *(HepQuizLogEntry **) a, *y = *(HepQuizLogEntry **) b;

  if (x->answered_at != y->answered_at)
    return x->answered_at > y->answered_at ? -1 : 1;
  return x->pk > y->pk ? -1 : x->pk < y->pk;
}

GPtrArray *
hep_quiz_list_due (HepCaseStore  *store,
                   gint64         now,
                   GPtrArray     *warnings,
                   GError       **error)
{
  g_autoptr(GPtrArray) cases = NULL;
  g_autoptr(GPtrArray) skills = NULL;
  g_autoptr(GPtrArray) due = g_ptr_array_new_with_free_func ((GDestroyNotify) hep_review_state_free);

  cases = hep_case_store_list_due (store, HEP_REVIEW_ITEM_CASE, now, 0, error);
  if (cases == NULL)
    return NULL;
  skills = hep_case_store_list_due (store, HEP_REVIEW_ITEM_SKILL, now, 0, error);
  if (skills == NULL)
    return NULL;
  for (guint i = 0; i < cases->len; i++)
    {
      HepReviewState *state = g_ptr_array_index (cases, i);

      if (!hep_case_store_contains (store, state->item_id))
        {
          if (warnings)
            g_ptr_array_add (warnings, g_strdup_printf (_("The case “%s” is due for review but is no longer "
                                                          "in the library; skipped"), state->item_id));
          continue;
        }
      g_ptr_array_add (due, g_steal_pointer (&cases->pdata[i]));
    }
  for (guint i = 0; i < skills->len; i++)
    g_ptr_array_add (due, g_steal_pointer (&skills->pdata[i]));
  return g_steal_pointer (&due);
}

GPtrArray *
hep_quiz_list_mistakes (GPtrArray *log)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) sorted = g_ptr_array_new ();
  GPtrArray *mistakes = g_ptr_array_new ();

  g_return_val_if_fail (log != NULL, mistakes);

  for (guint i = 0; i < log->len; i++)
    g_ptr_array_add (sorted, g_ptr_array_index (log, i));
  g_ptr_array_sort (sorted, compare_newest_first);
  for (guint i = 0; i < sorted->len; i++)
    {
      HepQuizLogEntry *e = g_ptr_array_index (sorted, i);
      char *key = g_strdup_printf ("%s\n%s", e->case_id, e->kind ? e->kind : e->mode);

      if (!g_hash_table_add (seen, key))
        continue;
      if (!e->correct)
        g_ptr_array_add (mistakes, e);
    }
  return mistakes;
}

gboolean
hep_quiz_log_entry_get_report (const HepQuizLogEntry *entry,
                               HepQuizErrorReport    *report)
{
  HepQuizKind kind = HEP_QUIZ_KIND_DIAGNOSIS;
  gboolean has_kind;
  HepQuizErrorKind error_kind = HEP_QUIZ_ERROR_NONE;

  g_return_val_if_fail (entry != NULL && report != NULL, FALSE);

  memset (report, 0, sizeof *report);
  if (entry->correct)
    return TRUE;
  /* a schema v2 row: its mode named the kind */
  has_kind = hep_quiz_kind_from_string (entry->kind ? entry->kind : entry->mode, &kind);
  if (entry->kind != NULL && !has_kind)
    return FALSE;
  if (entry->error_kind != NULL)
    {
      if (!hep_quiz_error_kind_from_string (entry->error_kind, &error_kind))
        return FALSE;
    }
  else if (has_kind)
    error_kind = kind == HEP_QUIZ_KIND_FEATURES ? HEP_QUIZ_ERROR_PERCEPTION
                 : kind == HEP_QUIZ_KIND_DIAGNOSIS ? HEP_QUIZ_ERROR_KNOWLEDGE : HEP_QUIZ_ERROR_RULE;

  if (has_kind && kind == HEP_QUIZ_KIND_FEATURES && error_kind == HEP_QUIZ_ERROR_PERCEPTION)
    {
      HepQuizAnswer truth, answer;
      HepQuizErrorReport features;

      hep_quiz_answer_init (&truth);
      hep_quiz_answer_init (&answer);
      truth.has_features = answer.has_features = TRUE;
      if (!hep_feature_set_parse (&truth.features, entry->expected ? entry->expected : "", NULL) ||
          !hep_feature_set_parse (&answer.features, entry->answer ? entry->answer : "", NULL))
        return FALSE;
      hep_quiz_classify (&truth, &answer, &features);
      *report = features;
    }
  report->kind = error_kind;
  return TRUE;
}

HepCase *
hep_quiz_next_case (HepCaseStore  *store,
                    gint64         now,
                    guint32        seed,
                    GPtrArray     *warnings,
                    GError       **error)
{
  guint limit = 8;
  guint n_items;

  g_return_val_if_fail (HEP_IS_CASE_STORE (store), NULL);

  /* a few at a time: the first is nearly always there */
  for (;;)
    {
      g_autoptr(GPtrArray) due = hep_case_store_list_due (store, HEP_REVIEW_ITEM_CASE, now, limit, error);

      if (due == NULL)
        return NULL;
      for (guint i = 0; i < due->len; i++)
        {
          const HepReviewState *state = g_ptr_array_index (due, i);
          g_autoptr(GError) local_error = NULL;
          HepCase *c = hep_case_store_get_case (store, state->item_id, &local_error);

          if (c != NULL)
            return c;
          if (!g_error_matches (local_error, HEP_CASE_STORE_ERROR, HEP_CASE_STORE_ERROR_NOT_FOUND))
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return NULL;
            }
          if (warnings && (limit == 8 || i >= 8))   /* once each */
            g_ptr_array_add (warnings, g_strdup_printf (_("The case “%s” is due for review but is no longer "
                                                          "in the library; skipped"), state->item_id));
        }
      if (due->len < limit || limit == 0)
        break;
      limit = 0;   /* all of them */
    }

  n_items = g_list_model_get_n_items (G_LIST_MODEL (store));
  if (n_items == 0)
    return NULL;
  {
    g_autoptr(GRand) rand = g_rand_new_with_seed (seed);

    return g_list_model_get_item (G_LIST_MODEL (store), (guint) g_rand_int_range (rand, 0, (gint32) n_items));
  }
}
