/* hep-case-store-quiz.c: quiz history and spaced-review state
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The tables the quiz work fills (schema v2): one row per answer, and the
 * review state of each case or skill. Time is always passed in.
 */

#include "config.h"

#include "hep-case-store.h"
#include "hep-case-store-private.h"

#include <glib/gi18n-lib.h>

#include "hep-db.h"

void
hep_review_state_free (HepReviewState *state)
{
  if (state == NULL)
    return;
  g_free (state->item_id);
  g_free (state->state);
  g_free (state);
}

gboolean
hep_case_store_record_attempt (HepCaseStore          *self,
                               const HepQuizAttempt  *a,
                               GError               **error)
{
  HepDbStatement *stmt;

  g_return_val_if_fail (HEP_IS_CASE_STORE (self), FALSE);

  if (a->case_id == NULL || *a->case_id == '\0' || a->mode == NULL || *a->mode == '\0' ||
      a->answer == NULL || a->duration_ms < 0 || a->score > 1.0 ||
      a->confidence < 0 || a->confidence > 5)
    {
      g_set_error (error, HEP_CASE_STORE_ERROR, HEP_CASE_STORE_ERROR_INVALID,
                   _("A quiz answer needs a case id, a mode, an answer, a duration ≥ 0, "
                     "a score of 0–1 and a confidence of 1–5"));
      return FALSE;
    }
  stmt = hep_db_get_statement (_hep_case_store_get_db (self),
    "INSERT INTO main.quiz_attempt (case_id, mode, skill, answer, expected, correct, score, confidence,"
    " duration_ms, answered_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)", error);
  if (stmt == NULL)
    return FALSE;
  hep_db_statement_bind_text (stmt, 1, a->case_id);
  hep_db_statement_bind_text (stmt, 2, a->mode);
  hep_db_statement_bind_text (stmt, 3, a->skill);
  hep_db_statement_bind_text (stmt, 4, a->answer);
  hep_db_statement_bind_text (stmt, 5, a->expected);
  hep_db_statement_bind_int (stmt, 6, a->correct ? 1 : 0);
  if (a->score >= 0)
    hep_db_statement_bind_double (stmt, 7, a->score);
  if (a->confidence > 0)
    hep_db_statement_bind_int (stmt, 8, a->confidence);
  hep_db_statement_bind_int (stmt, 9, a->duration_ms);
  hep_db_statement_bind_int (stmt, 10, a->answered_at);
  return hep_db_statement_run (stmt, error);
}

/* Answers recorded for @case_id (NULL: all cases). */
guint
hep_case_store_count_attempts (HepCaseStore  *self,
                               const char    *case_id,
                               guint         *n_correct,
                               GError       **error)
{
  HepDbStatement *stmt;
  gboolean has_row;
  guint n;

  stmt = hep_db_get_statement (_hep_case_store_get_db (self),
    "SELECT count(*), coalesce(sum(correct), 0) FROM main.quiz_attempt WHERE ?1 IS NULL OR case_id = ?1", error);
  if (stmt == NULL)
    return 0;
  hep_db_statement_bind_text (stmt, 1, case_id);
  if (!hep_db_statement_step (stmt, &has_row, error))
    return 0;
  n = (guint) hep_db_statement_get_int (stmt, 0);
  if (n_correct)
    *n_correct = (guint) hep_db_statement_get_int (stmt, 1);
  hep_db_statement_reset (stmt);
  return n;
}

static const char *
kind_name (HepReviewItemKind kind)
{
  return kind == HEP_REVIEW_ITEM_SKILL ? "skill" : "case";
}

#define REVIEW_COLUMNS "item_kind, item_id, state, due, interval_days, ease, stability, difficulty, reps, lapses, last_review, step"

static HepReviewState *
review_state_from_row (HepDbStatement *stmt)
{
  HepReviewState *state = g_new0 (HepReviewState, 1);

  state->kind = g_str_equal (hep_db_statement_get_text (stmt, 0), "skill") ? HEP_REVIEW_ITEM_SKILL
                                                                            : HEP_REVIEW_ITEM_CASE;
  state->item_id = g_strdup (hep_db_statement_get_text (stmt, 1));
  state->state = g_strdup (hep_db_statement_get_text (stmt, 2));
  state->due = hep_db_statement_get_int (stmt, 3);
  state->interval_days = hep_db_statement_get_double (stmt, 4);
  state->ease = hep_db_statement_get_double (stmt, 5);
  state->stability = hep_db_statement_is_null (stmt, 6) ? -1 : hep_db_statement_get_double (stmt, 6);
  state->difficulty = hep_db_statement_is_null (stmt, 7) ? -1 : hep_db_statement_get_double (stmt, 7);
  state->reps = (int) hep_db_statement_get_int (stmt, 8);
  state->lapses = (int) hep_db_statement_get_int (stmt, 9);
  state->last_review = hep_db_statement_get_int (stmt, 10);
  state->step = (int) hep_db_statement_get_int (stmt, 11);
  return state;
}

/* NULL without an error when the item has no state yet. */
HepReviewState *
hep_case_store_get_review_state (HepCaseStore       *self,
                                 HepReviewItemKind   kind,
                                 const char         *item_id,
                                 GError            **error)
{
  HepDbStatement *stmt;
  HepReviewState *state = NULL;
  gboolean has_row;

  stmt = hep_db_get_statement (_hep_case_store_get_db (self),
    "SELECT " REVIEW_COLUMNS " FROM main.review_state WHERE item_kind = ?1 AND item_id = ?2", error);
  if (stmt == NULL)
    return NULL;
  hep_db_statement_bind_text (stmt, 1, kind_name (kind));
  hep_db_statement_bind_text (stmt, 2, item_id);
  if (!hep_db_statement_step (stmt, &has_row, error))
    return NULL;
  if (has_row)
    state = review_state_from_row (stmt);
  hep_db_statement_reset (stmt);
  return state;
}

gboolean
hep_case_store_put_review_state (HepCaseStore          *self,
                                 const HepReviewState  *state,
                                 GError               **error)
{
  HepDbStatement *stmt;

  if (state->item_id == NULL || *state->item_id == '\0')
    {
      g_set_error (error, HEP_CASE_STORE_ERROR, HEP_CASE_STORE_ERROR_INVALID,
                   _("A review state needs an item id"));
      return FALSE;
    }
  stmt = hep_db_get_statement (_hep_case_store_get_db (self),
    "INSERT INTO main.review_state (" REVIEW_COLUMNS ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)"
    " ON CONFLICT (item_kind, item_id) DO UPDATE SET state = excluded.state, due = excluded.due,"
    " interval_days = excluded.interval_days, ease = excluded.ease, stability = excluded.stability,"
    " difficulty = excluded.difficulty, reps = excluded.reps, lapses = excluded.lapses,"
    " last_review = excluded.last_review, step = excluded.step", error);
  if (stmt == NULL)
    return FALSE;
  hep_db_statement_bind_text (stmt, 1, kind_name (state->kind));
  hep_db_statement_bind_text (stmt, 2, state->item_id);
  hep_db_statement_bind_text (stmt, 3, state->state ? state->state : "new");
  hep_db_statement_bind_int (stmt, 4, state->due);
  hep_db_statement_bind_double (stmt, 5, state->interval_days);
  hep_db_statement_bind_double (stmt, 6, state->ease);
  if (state->stability >= 0)
    hep_db_statement_bind_double (stmt, 7, state->stability);
  if (state->difficulty >= 0)
    hep_db_statement_bind_double (stmt, 8, state->difficulty);
  hep_db_statement_bind_int (stmt, 9, state->reps);
  hep_db_statement_bind_int (stmt, 10, state->lapses);
  if (state->last_review > 0)
    hep_db_statement_bind_int (stmt, 11, state->last_review);
  hep_db_statement_bind_int (stmt, 12, MAX (state->step, 0));
  return hep_db_statement_run (stmt, error);
}

/* Items of @kind due at or before @now, most overdue first. */
GPtrArray *
hep_case_store_list_due (HepCaseStore       *self,
                         HepReviewItemKind   kind,
                         gint64              now,
                         guint               limit,
                         GError            **error)
{
  g_autoptr(GPtrArray) due = g_ptr_array_new_with_free_func ((GDestroyNotify) hep_review_state_free);
  g_autoptr(GError) step_error = NULL;
  HepDbStatement *stmt;
  gboolean has_row;

  stmt = hep_db_get_statement (_hep_case_store_get_db (self),
    "SELECT " REVIEW_COLUMNS " FROM main.review_state WHERE item_kind = ?1 AND due <= ?2"
    " ORDER BY due, item_id LIMIT ?3", error);
  if (stmt == NULL)
    return NULL;
  hep_db_statement_bind_text (stmt, 1, kind_name (kind));
  hep_db_statement_bind_int (stmt, 2, now);
  hep_db_statement_bind_int (stmt, 3, limit ? limit : G_MAXINT);
  while (hep_db_statement_step (stmt, &has_row, &step_error) && has_row)
    g_ptr_array_add (due, review_state_from_row (stmt));
  hep_db_statement_reset (stmt);
  if (step_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&step_error));
      return NULL;
    }
  return g_steal_pointer (&due);
}

/* Every item of @kind, in due order (the forecast of reviews to come). */
GPtrArray *
hep_case_store_list_review_states (HepCaseStore       *self,
                                   HepReviewItemKind   kind,
                                   GError            **error)
{
  return hep_case_store_list_due (self, kind, G_MAXINT64, 0, error);
}
