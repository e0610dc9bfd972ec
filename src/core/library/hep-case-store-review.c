/* hep-case-store-review.c: the review log of schema v6
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One row per answer, written with the scheduling it changes in one
 * transaction, so a quiz killed half-way keeps every answer so far. The
 * vocabulary (kinds, error kinds, grades) belongs to the quiz; the store
 * keeps it as text and returns whatever a row holds.
 */

#include "config.h"

#include "hep-case-store.h"
#include "hep-case-store-private.h"

#include <glib/gi18n-lib.h>

#include "hep-db.h"

void
hep_quiz_log_entry_free (HepQuizLogEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->case_id);
  g_free (entry->session_id);
  g_free (entry->mode);
  g_free (entry->kind);
  g_free (entry->answer);
  g_free (entry->expected);
  g_free (entry->error_kind);
  g_free (entry->error_details);
  g_free (entry->sureness);
  g_free (entry->grade);
  g_free (entry->card_state);
  g_free (entry);
}

static gboolean
insert_entry (HepDb                  *db,
              const HepQuizLogEntry  *e,
              GError                **error)
{
  HepDbStatement *stmt;

  stmt = hep_db_get_statement (db,
    "INSERT INTO main.quiz_attempt (case_id, mode, answer, expected, correct, score, duration_ms,"
    " answered_at, kind, error_kind, error_details, sureness, grade, session_id, card_state)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)", error);
  if (stmt == NULL)
    return FALSE;
  hep_db_statement_bind_text (stmt, 1, e->case_id);
  hep_db_statement_bind_text (stmt, 2, e->mode);
  hep_db_statement_bind_text (stmt, 3, e->answer);
  hep_db_statement_bind_text (stmt, 4, e->expected);
  hep_db_statement_bind_int (stmt, 5, e->correct ? 1 : 0);
  if (e->score >= 0)
    hep_db_statement_bind_double (stmt, 6, e->score);
  hep_db_statement_bind_int (stmt, 7, e->duration_ms);
  hep_db_statement_bind_int (stmt, 8, e->answered_at);
  hep_db_statement_bind_text (stmt, 9, e->kind);
  hep_db_statement_bind_text (stmt, 10, e->error_kind);
  hep_db_statement_bind_text (stmt, 11, e->error_details);
  hep_db_statement_bind_text (stmt, 12, e->sureness);
  hep_db_statement_bind_text (stmt, 13, e->grade);
  hep_db_statement_bind_text (stmt, 14, e->session_id);
  hep_db_statement_bind_text (stmt, 15, e->card_state);
  return hep_db_statement_run (stmt, error);
}

gint64
hep_case_store_record_review (HepCaseStore           *self,
                              const HepQuizLogEntry  *entry,
                              GPtrArray              *states,
                              GError                **error)
{
  HepDb *db;
  gint64 pk;

  g_return_val_if_fail (HEP_IS_CASE_STORE (self), 0);
  g_return_val_if_fail (entry != NULL, 0);

  if (entry->case_id == NULL || *entry->case_id == '\0' || entry->mode == NULL ||
      entry->kind == NULL || entry->answer == NULL || entry->duration_ms < 0 || entry->score > 1.0)
    {
      g_set_error (error, HEP_CASE_STORE_ERROR, HEP_CASE_STORE_ERROR_INVALID,
                   _("An answer needs a case id, a mode, a question kind, an answer, "
                     "a duration ≥ 0 and a score of at most 1"));
      return 0;
    }

  db = _hep_case_store_get_db (self);
  if (!hep_db_begin (db, error))
    return 0;
  if (!insert_entry (db, entry, error))
    goto fail;
  pk = hep_db_last_insert_rowid (db);
  for (guint i = 0; states != NULL && i < states->len; i++)
    if (!hep_case_store_put_review_state (self, g_ptr_array_index (states, i), error))
      goto fail;
  if (!hep_db_commit (db, error))
    goto fail;
  return pk;

fail:
  hep_db_rollback (db);
  return 0;
}

static char *
dup_text (HepDbStatement *stmt,
          int             column)
{
  return hep_db_statement_is_null (stmt, column) ? NULL : g_strdup (hep_db_statement_get_text (stmt, column));
}

static GPtrArray *
read_log (HepDbStatement  *stmt,
          GError         **error)
{
  g_autoptr(GPtrArray) log = g_ptr_array_new_with_free_func ((GDestroyNotify) hep_quiz_log_entry_free);
  g_autoptr(GError) step_error = NULL;
  gboolean has_row;

  while (hep_db_statement_step (stmt, &has_row, &step_error) && has_row)
    {
      HepQuizLogEntry *e = g_new0 (HepQuizLogEntry, 1);

      e->pk = hep_db_statement_get_int (stmt, 0);
      e->case_id = dup_text (stmt, 1);
      e->session_id = dup_text (stmt, 2);
      e->mode = dup_text (stmt, 3);
      e->kind = dup_text (stmt, 4);
      e->answer = dup_text (stmt, 5);
      e->expected = dup_text (stmt, 6);
      e->correct = hep_db_statement_get_int (stmt, 7) != 0;
      e->score = hep_db_statement_is_null (stmt, 8) ? -1 : hep_db_statement_get_double (stmt, 8);
      e->error_kind = dup_text (stmt, 9);
      e->error_details = dup_text (stmt, 10);
      e->sureness = dup_text (stmt, 11);
      e->confidence = (int) hep_db_statement_get_int (stmt, 12);
      e->grade = dup_text (stmt, 13);
      e->card_state = dup_text (stmt, 14);
      e->duration_ms = hep_db_statement_get_int (stmt, 15);
      e->answered_at = hep_db_statement_get_int (stmt, 16);
      g_ptr_array_add (log, e);
    }
  hep_db_statement_reset (stmt);
  if (step_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&step_error));
      return NULL;
    }
  return g_steal_pointer (&log);
}

#define LOG_COLUMNS "pk, case_id, session_id, mode, kind, answer, expected, correct, score, error_kind," \
                    " error_details, sureness, confidence, grade, card_state, duration_ms, answered_at"

GPtrArray *
hep_case_store_list_log (HepCaseStore  *self,
                         gint64         since,
                         gint64         until,
                         GError       **error)
{
  HepDbStatement *stmt;

  g_return_val_if_fail (HEP_IS_CASE_STORE (self), NULL);

  stmt = hep_db_get_statement (_hep_case_store_get_db (self),
    "SELECT " LOG_COLUMNS " FROM main.quiz_attempt WHERE answered_at >= ?1 AND (?2 = 0 OR answered_at < ?2)"
    " ORDER BY answered_at, pk", error);
  if (stmt == NULL)
    return NULL;
  hep_db_statement_bind_int (stmt, 1, since);
  hep_db_statement_bind_int (stmt, 2, until);
  return read_log (stmt, error);
}

GPtrArray *
hep_case_store_list_session (HepCaseStore  *self,
                             const char    *session_id,
                             GError       **error)
{
  HepDbStatement *stmt;

  g_return_val_if_fail (HEP_IS_CASE_STORE (self), NULL);
  g_return_val_if_fail (session_id != NULL, NULL);

  stmt = hep_db_get_statement (_hep_case_store_get_db (self),
    "SELECT " LOG_COLUMNS " FROM main.quiz_attempt WHERE session_id = ?1 ORDER BY pk", error);
  if (stmt == NULL)
    return NULL;
  hep_db_statement_bind_text (stmt, 1, session_id);
  return read_log (stmt, error);
}
