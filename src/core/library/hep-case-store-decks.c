/* hep-case-store-decks.c: decks of cases, in the user database
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The deck and deck_case tables (schema v4). A change to a deck's cases
 * rewrites its rows in order, in one transaction: decks are short, and
 * positions stay 0…n-1 without gaps.
 */

#include "config.h"

#include "hep-case-store-decks.h"
#include "hep-case-store-private.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "hep-db.h"
#include "hep-text.h"

void
hep_deck_free (HepDeck *deck)
{
  if (deck == NULL)
    return;
  g_free (deck->id);
  g_free (deck->name);
  g_free (deck->notes);
  g_strfreev (deck->case_ids);
  g_free (deck);
}

guint
hep_deck_get_n_cases (const HepDeck *deck)
{
  g_return_val_if_fail (deck != NULL, 0);
  return deck->case_ids ? g_strv_length (deck->case_ids) : 0;
}

static gboolean
not_found (const char  *deck_id,
           GError     **error)
{
  g_set_error (error, HEP_CASE_STORE_ERROR, HEP_CASE_STORE_ERROR_NOT_FOUND,
               _("No deck with the id “%s”"), deck_id ? deck_id : "");
  return FALSE;
}

/* The pk of deck @deck_id; FALSE with an error when there is none. */
static gboolean
find_deck (HepDb       *db,
           const char  *deck_id,
           gint64      *pk,
           GError     **error)
{
  HepDbStatement *stmt;
  gboolean has_row;

  stmt = hep_db_get_statement (db, "SELECT pk FROM main.deck WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  hep_db_statement_bind_text (stmt, 1, deck_id);
  if (!hep_db_statement_step (stmt, &has_row, error))
    return FALSE;
  if (has_row)
    *pk = hep_db_statement_get_int (stmt, 0);
  hep_db_statement_reset (stmt);
  return has_row ? TRUE : not_found (deck_id, error);
}

static GPtrArray *
read_case_ids (HepDb   *db,
               gint64   pk,
               GError **error)
{
  HepDbStatement *stmt;
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  gboolean has_row;

  stmt = hep_db_get_statement (db, "SELECT case_id FROM main.deck_case WHERE deck_pk = ?1 ORDER BY position",
                               error);
  if (stmt == NULL)
    return NULL;
  hep_db_statement_bind_int (stmt, 1, pk);
  for (;;)
    {
      if (!hep_db_statement_step (stmt, &has_row, error))
        return NULL;
      if (!has_row)
        break;
      g_ptr_array_add (ids, g_strdup (hep_db_statement_get_text (stmt, 0)));
    }
  hep_db_statement_reset (stmt);
  return g_steal_pointer (&ids);
}

/* Replaces the cases of deck @pk by @ids, in order, and stamps it. */
static gboolean
write_case_ids (HepDb      *db,
                gint64      pk,
                GPtrArray  *ids,
                gint64      now,
                GError    **error)
{
  HepDbStatement *stmt;

  stmt = hep_db_get_statement (db, "DELETE FROM main.deck_case WHERE deck_pk = ?1", error);
  if (stmt == NULL)
    return FALSE;
  hep_db_statement_bind_int (stmt, 1, pk);
  if (!hep_db_statement_run (stmt, error))
    return FALSE;
  stmt = hep_db_get_statement (db, "INSERT INTO main.deck_case (deck_pk, position, case_id) VALUES (?1, ?2, ?3)",
                               error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < ids->len; i++)
    {
      hep_db_statement_bind_int (stmt, 1, pk);
      hep_db_statement_bind_int (stmt, 2, i);
      hep_db_statement_bind_text (stmt, 3, ids->pdata[i]);
      if (!hep_db_statement_run (stmt, error))
        return FALSE;
    }
  stmt = hep_db_get_statement (db, "UPDATE main.deck SET modified = ?2 WHERE pk = ?1", error);
  if (stmt == NULL)
    return FALSE;
  hep_db_statement_bind_int (stmt, 1, pk);
  hep_db_statement_bind_int (stmt, 2, now);
  return hep_db_statement_run (stmt, error);
}

static int
find_id (GPtrArray  *ids,
         const char *case_id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_str_equal (ids->pdata[i], case_id))
      return (int) i;
  return -1;
}

typedef enum { EDIT_ADD, EDIT_REMOVE, EDIT_MOVE } EditKind;

/* One change to a deck's list, in a transaction. */
static gboolean
edit_cases (HepCaseStore  *self,
            const char    *deck_id,
            EditKind       kind,
            const char    *case_id,
            int            position,
            gint64         now,
            GError       **error)
{
  HepDb *db = _hep_case_store_get_db (self);
  g_autoptr(GPtrArray) ids = NULL;
  gint64 pk;
  int at;

  if (case_id == NULL || *case_id == '\0')
    {
      g_set_error (error, HEP_CASE_STORE_ERROR, HEP_CASE_STORE_ERROR_INVALID, _("No case id given"));
      return FALSE;
    }
  if (kind == EDIT_ADD && !hep_case_store_contains (self, case_id))
    {
      g_set_error (error, HEP_CASE_STORE_ERROR, HEP_CASE_STORE_ERROR_NOT_FOUND,
                   _("No case with the id “%s”"), case_id);
      return FALSE;
    }
  if (!hep_db_begin (db, error))
    return FALSE;
  if (!find_deck (db, deck_id, &pk, error) || (ids = read_case_ids (db, pk, error)) == NULL)
    goto fail;

  at = find_id (ids, case_id);
  if (kind == EDIT_ADD && at >= 0)
    {
      g_set_error (error, HEP_CASE_STORE_ERROR, HEP_CASE_STORE_ERROR_EXISTS,
                   _("The case “%s” is in the deck “%s” already"), case_id, deck_id);
      goto fail;
    }
  if (kind != EDIT_ADD && at < 0)
    {
      g_set_error (error, HEP_CASE_STORE_ERROR, HEP_CASE_STORE_ERROR_NOT_FOUND,
                   _("The case “%s” is not in the deck “%s”"), case_id, deck_id);
      goto fail;
    }
  if (kind != EDIT_ADD)
    g_ptr_array_remove_index (ids, at);
  if (kind != EDIT_REMOVE)
    {
      if (position < 0 || (guint) position > ids->len)
        position = (int) ids->len;
      g_ptr_array_insert (ids, position, g_strdup (case_id));
    }
  if (!write_case_ids (db, pk, ids, now, error) || !hep_db_commit (db, error))
    goto fail;
  return TRUE;

fail:
  hep_db_rollback (db);
  return FALSE;
}

/* "HCC mimics, 2026" → "hcc-mimics-2026" */
static char *
slug_from_name (const char *name)
{
  g_autofree char *ascii = g_str_to_ascii (name, "C");
  GString *slug = g_string_new (NULL);

  for (const char *p = ascii; *p; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (slug, g_ascii_tolower (*p));
      else if (slug->len > 0 && slug->str[slug->len - 1] != '-')
        g_string_append_c (slug, '-');
    }
  while (slug->len > 0 && slug->str[slug->len - 1] == '-')
    g_string_truncate (slug, slug->len - 1);
  if (slug->len > 48)
    g_string_truncate (slug, 48);
  if (slug->len == 0)
    g_string_append (slug, "deck");
  return g_string_free (slug, FALSE);
}

gboolean
hep_deck_check_name (const char  *name,
                     GError     **error)
{
  g_autofree char *stripped = NULL;

  if (name != NULL && !g_utf8_validate (name, -1, NULL))
    {
      g_set_error (error, HEP_CASE_STORE_ERROR, HEP_CASE_STORE_ERROR_INVALID,
                   _("The deck’s name is not valid UTF-8"));
      return FALSE;
    }
  if (name == NULL)
    name = "";
  stripped = g_strstrip (g_strdup (name));
  if (*stripped == '\0')
    {
      g_set_error (error, HEP_CASE_STORE_ERROR, HEP_CASE_STORE_ERROR_INVALID, _("A deck needs a name"));
      return FALSE;
    }
  if (strlen (stripped) > HEP_DECK_MAX_NAME)
    {
      g_set_error (error, HEP_CASE_STORE_ERROR, HEP_CASE_STORE_ERROR_INVALID,
                   _("The deck’s name is %zu bytes long; the limit is %d"), strlen (stripped), HEP_DECK_MAX_NAME);
      return FALSE;
    }
  if (hep_text_find_unsafe (name, FALSE) != 0)
    {
      g_set_error (error, HEP_CASE_STORE_ERROR, HEP_CASE_STORE_ERROR_INVALID,
                   _("The deck’s name contains control characters or bidi overrides"));
      return FALSE;
    }
  return TRUE;
}

gboolean
hep_deck_check_notes (const char  *notes,
                      GError     **error)
{
  if (notes == NULL || *notes == '\0')
    return TRUE;
  if (!g_utf8_validate (notes, -1, NULL))
    {
      g_set_error (error, HEP_CASE_STORE_ERROR, HEP_CASE_STORE_ERROR_INVALID,
                   _("The deck’s notes are not valid UTF-8"));
      return FALSE;
    }
  if (strlen (notes) > HEP_DECK_MAX_NOTES)
    {
      g_set_error (error, HEP_CASE_STORE_ERROR, HEP_CASE_STORE_ERROR_INVALID,
                   _("The deck’s notes are %zu bytes long; the limit is %d"), strlen (notes), HEP_DECK_MAX_NOTES);
      return FALSE;
    }
  if (hep_text_find_unsafe (notes, TRUE) != 0)
    {
      g_set_error (error, HEP_CASE_STORE_ERROR, HEP_CASE_STORE_ERROR_INVALID,
                   _("The deck’s notes contain control characters or bidi overrides"));
      return FALSE;
    }
  return TRUE;
}

/* A new deck named @clean_name, its id made from the name; inside the
 * caller's transaction. */
static gboolean
insert_deck (HepDb       *db,
             const char  *clean_name,
             const char  *notes,
             gint64       now,
             char       **id_out,
             gint64      *pk_out,
             GError     **error)
{
  HepDbStatement *stmt;
  g_autofree char *base = slug_from_name (clean_name);
  g_autofree char *id = NULL;

  for (guint n = 1; id == NULL; n++)
    {
      g_autofree char *candidate = n == 1 ? g_strdup (base) : g_strdup_printf ("%s-%u", base, n);
      gboolean has_row;

      stmt = hep_db_get_statement (db, "SELECT 1 FROM main.deck WHERE id = ?1", error);
      if (stmt == NULL)
        return FALSE;
      hep_db_statement_bind_text (stmt, 1, candidate);
      if (!hep_db_statement_step (stmt, &has_row, error))
        return FALSE;
      hep_db_statement_reset (stmt);
      if (!has_row)
        id = g_steal_pointer (&candidate);
    }
  stmt = hep_db_get_statement (db, "INSERT INTO main.deck (id, name, notes, created, modified)"
                                   " VALUES (?1, ?2, ?3, ?4, ?4)", error);
  if (stmt == NULL)
    return FALSE;
  hep_db_statement_bind_text (stmt, 1, id);
  hep_db_statement_bind_text (stmt, 2, clean_name);
  hep_db_statement_bind_text (stmt, 3, notes && *notes ? notes : NULL);
  hep_db_statement_bind_int (stmt, 4, now);
  if (!hep_db_statement_run (stmt, error))
    return FALSE;
  if (pk_out != NULL)
    *pk_out = hep_db_last_insert_rowid (db);
  *id_out = g_steal_pointer (&id);
  return TRUE;
}

HepDeck *
hep_case_store_create_deck (HepCaseStore  *self,
                            const char    *name,
                            const char    *notes,
                            gint64         now,
                            GError       **error)
{
  HepDb *db;
  g_autofree char *id = NULL;
  g_autofree char *clean_name = NULL;

  g_return_val_if_fail (HEP_IS_CASE_STORE (self), NULL);

  if (!hep_deck_check_name (name, error) || !hep_deck_check_notes (notes, error))
    return NULL;
  db = _hep_case_store_get_db (self);
  clean_name = g_strstrip (g_strdup (name));
  if (!hep_db_begin (db, error))
    return NULL;
  if (!insert_deck (db, clean_name, notes, now, &id, NULL, error) || !hep_db_commit (db, error))
    {
      hep_db_rollback (db);
      return NULL;
    }
  return hep_case_store_get_deck (self, id, error);
}

/* Sets one text column of a deck. */
static gboolean
update_deck (HepCaseStore  *self,
             const char    *deck_id,
             const char    *sql,
             const char    *value,
             gint64         now,
             GError       **error)
{
  HepDb *db = _hep_case_store_get_db (self);
  HepDbStatement *stmt;
  gint64 pk;

  if (!hep_db_begin (db, error))
    return FALSE;
  if (!find_deck (db, deck_id, &pk, error))
    goto fail;
  stmt = hep_db_get_statement (db, sql, error);
  if (stmt == NULL)
    goto fail;
  hep_db_statement_bind_int (stmt, 1, pk);
  hep_db_statement_bind_text (stmt, 2, value);
  hep_db_statement_bind_int (stmt, 3, now);
  if (!hep_db_statement_run (stmt, error) || !hep_db_commit (db, error))
    goto fail;
  return TRUE;

fail:
  hep_db_rollback (db);
  return FALSE;
}

gboolean
hep_case_store_rename_deck (HepCaseStore  *self,
                            const char    *deck_id,
                            const char    *name,
                            gint64         now,
                            GError       **error)
{
  g_autofree char *clean_name = NULL;

  g_return_val_if_fail (HEP_IS_CASE_STORE (self), FALSE);

  if (!hep_deck_check_name (name, error))
    return FALSE;
  clean_name = g_strstrip (g_strdup (name));
  return update_deck (self, deck_id, "UPDATE main.deck SET name = ?2, modified = ?3 WHERE pk = ?1",
                      clean_name, now, error);
}

gboolean
hep_case_store_set_deck_notes (HepCaseStore  *self,
                               const char    *deck_id,
                               const char    *notes,
                               gint64         now,
                               GError       **error)
{
  g_return_val_if_fail (HEP_IS_CASE_STORE (self), FALSE);

  if (!hep_deck_check_notes (notes, error))
    return FALSE;
  return update_deck (self, deck_id, "UPDATE main.deck SET notes = ?2, modified = ?3 WHERE pk = ?1",
                      notes && *notes ? notes : NULL, now, error);
}

gboolean
hep_case_store_delete_deck (HepCaseStore  *self,
                            const char    *deck_id,
                            GError       **error)
{
  HepDb *db;
  HepDbStatement *stmt;
  gint64 pk;

  g_return_val_if_fail (HEP_IS_CASE_STORE (self), FALSE);

  db = _hep_case_store_get_db (self);
  if (!hep_db_begin (db, error))
    return FALSE;
  if (!find_deck (db, deck_id, &pk, error))
    goto fail;
  /* deck_case rows go with it (ON DELETE CASCADE) */
  stmt = hep_db_get_statement (db, "DELETE FROM main.deck WHERE pk = ?1", error);
  if (stmt == NULL)
    goto fail;
  hep_db_statement_bind_int (stmt, 1, pk);
  if (!hep_db_statement_run (stmt, error) || !hep_db_commit (db, error))
    goto fail;
  return TRUE;

fail:
  hep_db_rollback (db);
  return FALSE;
}

/* Puts a deleted deck back as it was: its id, name, notes, times and
 * cases in order (for Undo). */
gboolean
hep_case_store_restore_deck (HepCaseStore   *self,
                             const HepDeck  *deck,
                             GError        **error)
{
  HepDb *db;
  HepDbStatement *stmt;
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  gboolean has_row;
  gint64 pk;

  g_return_val_if_fail (HEP_IS_CASE_STORE (self), FALSE);
  g_return_val_if_fail (deck != NULL && deck->id != NULL, FALSE);

  if (!hep_deck_check_name (deck->name, error) || !hep_deck_check_notes (deck->notes, error))
    return FALSE;
  db = _hep_case_store_get_db (self);
  if (!hep_db_begin (db, error))
    return FALSE;
  stmt = hep_db_get_statement (db, "SELECT 1 FROM main.deck WHERE id = ?1", error);
  if (stmt == NULL)
    goto fail;
  hep_db_statement_bind_text (stmt, 1, deck->id);
  if (!hep_db_statement_step (stmt, &has_row, error))
    goto fail;
  hep_db_statement_reset (stmt);
  if (has_row)
    {
      g_set_error (error, HEP_CASE_STORE_ERROR, HEP_CASE_STORE_ERROR_EXISTS,
                   _("A deck with the id “%s” exists already"), deck->id);
      goto fail;
    }
  stmt = hep_db_get_statement (db, "INSERT INTO main.deck (id, name, notes, created, modified)"
                                   " VALUES (?1, ?2, ?3, ?4, ?5)", error);
  if (stmt == NULL)
    goto fail;
  hep_db_statement_bind_text (stmt, 1, deck->id);
  hep_db_statement_bind_text (stmt, 2, deck->name);
  hep_db_statement_bind_text (stmt, 3, deck->notes && *deck->notes ? deck->notes : NULL);
  hep_db_statement_bind_int (stmt, 4, deck->created);
  hep_db_statement_bind_int (stmt, 5, deck->modified);
  if (!hep_db_statement_run (stmt, error) || !find_deck (db, deck->id, &pk, error))
    goto fail;
  for (guint i = 0; deck->case_ids != NULL && deck->case_ids[i] != NULL; i++)
    g_ptr_array_add (ids, deck->case_ids[i]);
  if (!write_case_ids (db, pk, ids, deck->modified, error) || !hep_db_commit (db, error))
    goto fail;
  return TRUE;

fail:
  hep_db_rollback (db);
  return FALSE;
}

gboolean
hep_case_store_add_to_deck (HepCaseStore  *self,
                            const char    *deck_id,
                            const char    *case_id,
                            int            position,
                            gint64         now,
                            GError       **error)
{
  g_return_val_if_fail (HEP_IS_CASE_STORE (self), FALSE);
  return edit_cases (self, deck_id, EDIT_ADD, case_id, position, now, error);
}

gboolean
hep_case_store_remove_from_deck (HepCaseStore  *self,
                                 const char    *deck_id,
                                 const char    *case_id,
                                 gint64         now,
                                 GError       **error)
{
  g_return_val_if_fail (HEP_IS_CASE_STORE (self), FALSE);
  return edit_cases (self, deck_id, EDIT_REMOVE, case_id, -1, now, error);
}

gboolean
hep_case_store_move_in_deck (HepCaseStore  *self,
                             const char    *deck_id,
                             const char    *case_id,
                             guint          position,
                             gint64         now,
                             GError       **error)
{
  g_return_val_if_fail (HEP_IS_CASE_STORE (self), FALSE);
  return edit_cases (self, deck_id, EDIT_MOVE, case_id, (int) MIN (position, (guint) G_MAXINT), now, error);
}

#define DECK_COLUMNS "pk, id, name, notes, created, modified"

static HepDeck *
deck_from_row (HepDb           *db,
               HepDbStatement  *stmt,
               GError         **error)
{
  g_autoptr(HepDeck) deck = g_new0 (HepDeck, 1);
  g_autoptr(GPtrArray) ids = NULL;
  gint64 pk = hep_db_statement_get_int (stmt, 0);

  deck->id = g_strdup (hep_db_statement_get_text (stmt, 1));
  deck->name = g_strdup (hep_db_statement_get_text (stmt, 2));
  deck->notes = g_strdup (hep_db_statement_get_text (stmt, 3));
  deck->created = hep_db_statement_get_int (stmt, 4);
  deck->modified = hep_db_statement_get_int (stmt, 5);
  ids = read_case_ids (db, pk, error);
  if (ids == NULL)
    return NULL;
  g_ptr_array_set_free_func (ids, NULL);
  g_ptr_array_add (ids, NULL);
  deck->case_ids = (GStrv) g_ptr_array_free (g_steal_pointer (&ids), FALSE);
  return g_steal_pointer (&deck);
}

HepDeck *
hep_case_store_get_deck (HepCaseStore  *self,
                         const char    *deck_id,
                         GError       **error)
{
  HepDb *db;
  g_autoptr(HepDbStatement) stmt = NULL;
  gboolean has_row;

  g_return_val_if_fail (HEP_IS_CASE_STORE (self), NULL);

  db = _hep_case_store_get_db (self);
  /* its own statement: deck_from_row() runs another cached one */
  stmt = hep_db_prepare (db, "SELECT " DECK_COLUMNS " FROM main.deck WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;
  hep_db_statement_bind_text (stmt, 1, deck_id);
  if (!hep_db_statement_step (stmt, &has_row, error))
    return NULL;
  if (!has_row)
    {
      not_found (deck_id, error);
      return NULL;
    }
  return deck_from_row (db, stmt, error);
}

GPtrArray *
hep_case_store_list_decks (HepCaseStore  *self,
                           GError       **error)
{
  HepDb *db;
  g_autoptr(HepDbStatement) stmt = NULL;
  g_autoptr(GPtrArray) decks = g_ptr_array_new_with_free_func ((GDestroyNotify) hep_deck_free);
  gboolean has_row;

  g_return_val_if_fail (HEP_IS_CASE_STORE (self), NULL);

  db = _hep_case_store_get_db (self);
  stmt = hep_db_prepare (db, "SELECT " DECK_COLUMNS " FROM main.deck ORDER BY name COLLATE NOCASE, id", error);
  if (stmt == NULL)
    return NULL;
  for (;;)
    {
      HepDeck *deck;

      if (!hep_db_statement_step (stmt, &has_row, error))
        return NULL;
      if (!has_row)
        break;
      deck = deck_from_row (db, stmt, error);
      if (deck == NULL)
        return NULL;
      g_ptr_array_add (decks, deck);
    }
  return g_steal_pointer (&decks);
}

/* ---- import ------------------------------------------------------------------ */

void
hep_deck_import_result_free (HepDeckImportResult *result)
{
  if (result == NULL)
    return;
  g_free (result->name);
  hep_deck_free (result->deck);
  g_free (result);
}

/* @name for @n 1, else "@name (N)", @name cut at a character so that the
 * whole stays within HEP_DECK_MAX_NAME bytes. */
static char *
numbered_name (const char *name,
               guint       n)
{
  g_autofree char *tail = NULL;
  g_autofree char *head = NULL;
  const char *end;
  gsize max;

  if (n == 1)
    return g_strdup (name);
  tail = g_strdup_printf (" (%u)", n);
  max = HEP_DECK_MAX_NAME - strlen (tail);
  if (strlen (name) <= max)
    return g_strconcat (name, tail, NULL);
  end = name + max;
  while (end > name && ((guchar) *end & 0xc0) == 0x80)
    end--;
  head = g_strchomp (g_strndup (name, end - name));
  return g_strconcat (head, tail, NULL);
}

static gboolean
same_ids (GPtrArray *a,
          GPtrArray *b)
{
  if (a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    if (!g_str_equal (a->pdata[i], b->pdata[i]))
      return FALSE;
  return TRUE;
}

/* The id of a deck named exactly @name with @notes and the cases @ids, or
 * NULL (and *@name_taken when a deck has the name). */
static gboolean
find_identical (HepDb       *db,
                const char  *name,
                const char  *notes,
                GPtrArray   *ids,
                char       **found_id,
                gboolean    *name_taken,
                GError     **error)
{
  g_autoptr(HepDbStatement) stmt = NULL;
  g_autoptr(GArray) pks = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) deck_ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) deck_notes = g_ptr_array_new_with_free_func (g_free);
  gboolean has_row;

  *found_id = NULL;
  stmt = hep_db_prepare (db, "SELECT pk, id, notes FROM main.deck WHERE name = ?1 ORDER BY pk", error);
  if (stmt == NULL)
    return FALSE;
  hep_db_statement_bind_text (stmt, 1, name);
  for (;;)
    {
      gint64 pk;

      if (!hep_db_statement_step (stmt, &has_row, error))
        return FALSE;
      if (!has_row)
        break;
      pk = hep_db_statement_get_int (stmt, 0);
      g_array_append_val (pks, pk);
      g_ptr_array_add (deck_ids, g_strdup (hep_db_statement_get_text (stmt, 1)));
      g_ptr_array_add (deck_notes, g_strdup (hep_db_statement_get_text (stmt, 2)));
    }
  *name_taken = pks->len > 0;
  for (guint i = 0; i < pks->len; i++)
    {
      g_autoptr(GPtrArray) existing = NULL;

      if (g_strcmp0 (deck_notes->pdata[i], notes) != 0)
        continue;
      existing = read_case_ids (db, g_array_index (pks, gint64, i), error);
      if (existing == NULL)
        return FALSE;
      if (same_ids (existing, ids))
        {
          *found_id = g_strdup (deck_ids->pdata[i]);
          return TRUE;
        }
    }
  return TRUE;
}

gboolean
_hep_case_store_import_deck (HepCaseStore         *self,
                             const HepDeck        *deck,
                             GHashTable           *new_ids,
                             gint64                now,
                             HepDeckImportResult **result_out,
                             GError              **error)
{
  HepDb *db = _hep_case_store_get_db (self);
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(HepDeckImportResult) result = g_new0 (HepDeckImportResult, 1);
  g_autofree char *clean_name = g_strstrip (g_strdup (deck->name));
  g_autofree char *id = NULL;
  const char *notes = deck->notes != NULL && *deck->notes != '\0' ? deck->notes : NULL;

  for (guint i = 0; deck->case_ids != NULL && deck->case_ids[i] != NULL; i++)
    {
      const char *new_id = new_ids ? g_hash_table_lookup (new_ids, deck->case_ids[i]) : NULL;

      g_ptr_array_add (ids, g_strdup (new_id != NULL ? new_id : deck->case_ids[i]));
    }
  result->name = g_strdup (clean_name);
  for (guint n = 1; id == NULL; n++)
    {
      g_autofree char *name = numbered_name (clean_name, n);
      gboolean taken = FALSE;
      gint64 pk;

      if (n > 10000)
        {
          g_set_error (error, HEP_CASE_STORE_ERROR, HEP_CASE_STORE_ERROR_EXISTS,
                       _("No free name for the deck"));
          return FALSE;
        }
      if (!find_identical (db, name, notes, ids, &id, &taken, error))
        return FALSE;
      if (id != NULL)
        result->action = HEP_CASE_IMPORT_UNCHANGED;
      else if (!taken)
        {
          if (!insert_deck (db, name, notes, now, &id, &pk, error) || !write_case_ids (db, pk, ids, now, error))
            return FALSE;
          result->action = n == 1 ? HEP_CASE_IMPORT_ADDED : HEP_CASE_IMPORT_RENAMED;
        }
    }
  result->deck = hep_case_store_get_deck (self, id, error);
  if (result->deck == NULL)
    return FALSE;
  if (result_out != NULL)
    *result_out = g_steal_pointer (&result);
  return TRUE;
}
