/* hep-case-store-edit.c: the user's cases: create, update, delete,
 * duplicate and import
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every write runs in one transaction; bundled cases are read-only.
 */

#include "config.h"

#include "hep-case-store.h"
#include "hep-case-store-decks.h"
#include "hep-case-store-private.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "hep-case-db-private.h"
#include "hep-case-source.h"
#include "hep-db.h"
#include "hep-text.h"

/* The first of BASE-SUFFIX, BASE-SUFFIX-2, … that no case uses and that
 * is not in @also_taken, cut to the id length limit. */
static char *
free_id (HepCaseStore  *self,
         const char    *base,
         const char    *suffix,
         GHashTable    *also_taken,
         GError       **error)
{
  for (guint n = 1; n < 10000; n++)
    {
      g_autofree char *tail = n == 1 ? g_strdup_printf ("-%s", suffix) : g_strdup_printf ("-%s-%u", suffix, n);
      g_autofree char *head = g_strndup (base, HEP_CASE_MAX_ID - strlen (tail));
      g_autofree char *id = NULL;
      gboolean found = FALSE;
      gint64 pk;
      int lib;

      while (*head && head[strlen (head) - 1] == '-')
        head[strlen (head) - 1] = '\0';
      id = g_strconcat (head, tail, NULL);
      if (also_taken != NULL && g_hash_table_contains (also_taken, id))
        continue;
      if (!_hep_case_store_find_case (self, id, &lib, &pk, &found, error))
        return NULL;
      if (!found)
        return g_steal_pointer (&id);
    }
  g_set_error (error, HEP_CASE_STORE_ERROR, HEP_CASE_STORE_ERROR_EXISTS,
               _("No free id for a copy of “%s”"), base);
  return NULL;
}

char *
hep_case_store_make_free_id (HepCaseStore  *self,
                             const char    *base,
                             const char    *suffix,
                             GError       **error)
{
  g_return_val_if_fail (HEP_IS_CASE_STORE (self), NULL);
  return free_id (self, base, suffix, NULL, error);
}

static gboolean
write_transaction (HepCaseStore  *self,
                   HepCase      **cases,
                   guint          n_cases,
                   gint64         delete_pk,
                   GError       **error)
{
  if (!hep_db_begin (_hep_case_store_get_db (self), error))
    return FALSE;
  if (delete_pk > 0 && !hep_case_db_delete (_hep_case_store_get_db (self), delete_pk, error))
    goto fail;
  for (guint i = 0; i < n_cases; i++)
    if (!hep_case_db_insert (_hep_case_store_get_db (self), cases[i], NULL, error))
      goto fail;
  if (!hep_db_commit (_hep_case_store_get_db (self), error))
    goto fail;
  return TRUE;

fail:
  hep_db_rollback (_hep_case_store_get_db (self));
  return FALSE;
}

gboolean
hep_case_store_create_case (HepCaseStore  *self,
                            HepCase       *c,
                            gint64         now,
                            GError       **error)
{
  g_return_val_if_fail (HEP_IS_CASE_STORE (self), FALSE);
  g_return_val_if_fail (HEP_IS_CASE (c), FALSE);

  if (!hep_case_source_validate (c, error))
    return FALSE;
  if (hep_case_store_contains (self, hep_case_get_id (c)))
    {
      g_set_error (error, HEP_CASE_STORE_ERROR, HEP_CASE_STORE_ERROR_EXISTS,
                   _("A case with the id “%s” exists already"), hep_case_get_id (c));
      return FALSE;
    }
  hep_case_set_modified (c, now);
  if (!write_transaction (self, &c, 1, 0, error))
    return FALSE;
  hep_case_set_origin (c, HEP_CASE_ORIGIN_USER);
  return hep_case_store_reload (self, error);
}

gboolean
hep_case_store_update_case (HepCaseStore  *self,
                            HepCase       *c,
                            gint64         now,
                            GError       **error)
{
  gboolean found;
  gint64 pk = 0;

  g_return_val_if_fail (HEP_IS_CASE_STORE (self), FALSE);
  g_return_val_if_fail (HEP_IS_CASE (c), FALSE);

  if (!hep_case_source_validate (c, error))
    return FALSE;
  if (!hep_case_db_find (_hep_case_store_get_db (self), "main", hep_case_get_id (c), &found, &pk, error))
    return FALSE;
  if (!found)
    {
      if (hep_case_store_contains (self, hep_case_get_id (c)))
        g_set_error (error, HEP_CASE_STORE_ERROR, HEP_CASE_STORE_ERROR_READ_ONLY,
                     _("The case “%s” belongs to the bundled library; duplicate it to edit it"),
                     hep_case_get_id (c));
      else
        g_set_error (error, HEP_CASE_STORE_ERROR, HEP_CASE_STORE_ERROR_NOT_FOUND,
                     _("No case with the id “%s”"), hep_case_get_id (c));
      return FALSE;
    }
  hep_case_set_modified (c, now);
  if (!write_transaction (self, &c, 1, pk, error))
    return FALSE;
  return hep_case_store_reload (self, error);
}

gboolean
hep_case_store_delete_case (HepCaseStore  *self,
                            const char    *id,
                            GError       **error)
{
  gboolean found;
  gint64 pk = 0;

  g_return_val_if_fail (HEP_IS_CASE_STORE (self), FALSE);

  if (!hep_case_db_find (_hep_case_store_get_db (self), "main", id, &found, &pk, error))
    return FALSE;
  if (!found)
    {
      g_autofree char *shown = hep_escape_for_message (id, 80);

      if (hep_case_store_contains (self, id))
        g_set_error (error, HEP_CASE_STORE_ERROR, HEP_CASE_STORE_ERROR_READ_ONLY,
                     _("The case “%s” belongs to the bundled library and cannot be deleted"), shown);
      else
        g_set_error (error, HEP_CASE_STORE_ERROR, HEP_CASE_STORE_ERROR_NOT_FOUND,
                     _("No case with the id “%s”"), shown);
      return FALSE;
    }
  if (!write_transaction (self, NULL, 0, pk, error))
    return FALSE;
  return hep_case_store_reload (self, error);
}

/* Copies any case (usually a bundled one) into a new user case with the id
 * ID-copy (or ID-copy-2, …) and returns it. */
HepCase *
hep_case_store_duplicate_case (HepCaseStore  *self,
                               const char    *id,
                               gint64         now,
                               GError       **error)
{
  g_autoptr(HepCase) original = NULL;
  g_autoptr(HepCase) copy = NULL;
  g_autofree char *new_id = NULL;

  g_return_val_if_fail (HEP_IS_CASE_STORE (self), NULL);

  original = hep_case_store_get_case (self, id, error);
  if (original == NULL)
    return NULL;
  new_id = hep_case_store_make_free_id (self, id, "copy", error);
  if (new_id == NULL)
    return NULL;
  copy = hep_case_copy (original);
  hep_case_set_id (copy, new_id);
  hep_case_set_origin (copy, HEP_CASE_ORIGIN_USER);
  hep_case_set_derived_from (copy, id);
  if (!hep_case_store_create_case (self, copy, now, error))
    return NULL;
  return g_steal_pointer (&copy);
}

/* @deck names each case of @cases at most once, and only those. */
static gboolean
check_deck (const HepDeck  *deck,
            GHashTable     *case_ids,
            GError        **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  if (!hep_deck_check_name (deck->name, error) || !hep_deck_check_notes (deck->notes, error))
    return FALSE;
  for (guint i = 0; deck->case_ids != NULL && deck->case_ids[i] != NULL; i++)
    {
      g_autofree char *shown = hep_escape_for_message (deck->case_ids[i], 80);

      if (!g_hash_table_contains (case_ids, deck->case_ids[i]))
        {
          g_set_error (error, HEP_CASE_STORE_ERROR, HEP_CASE_STORE_ERROR_INVALID,
                       _("The deck names the case “%s”, which is not imported with it"), shown);
          return FALSE;
        }
      if (!g_hash_table_add (seen, deck->case_ids[i]))
        {
          g_set_error (error, HEP_CASE_STORE_ERROR, HEP_CASE_STORE_ERROR_INVALID,
                       _("The deck names the case “%s” twice"), shown);
          return FALSE;
        }
    }
  return TRUE;
}

GPtrArray *
hep_case_store_import_cases (HepCaseStore  *self,
                             GPtrArray     *cases,
                             gint64         now,
                             GError       **error)
{
  return hep_case_store_import_cases_with_deck (self, cases, NULL, now, NULL, error);
}

GPtrArray *
hep_case_store_import_cases_with_deck (HepCaseStore         *self,
                                       GPtrArray            *cases,
                                       const HepDeck        *deck,
                                       gint64                now,
                                       HepDeckImportResult **deck_result,
                                       GError              **error)
{
  g_autoptr(GPtrArray) results = g_ptr_array_new_with_free_func ((GDestroyNotify) hep_case_import_result_free);
  g_autoptr(GHashTable) taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) new_ids = g_hash_table_new (g_str_hash, g_str_equal);
  HepDb *db = _hep_case_store_get_db (self);

  g_return_val_if_fail (HEP_IS_CASE_STORE (self), NULL);

  if (deck_result != NULL)
    *deck_result = NULL;

  /* 1. validate everything before writing anything */
  for (guint i = 0; i < cases->len; i++)
    {
      HepCase *c = cases->pdata[i];

      if (!hep_case_source_validate (c, error))
        return NULL;
      if (!g_hash_table_add (taken, g_strdup (hep_case_get_id (c))))
        {
          g_set_error (error, HEP_CASE_STORE_ERROR, HEP_CASE_STORE_ERROR_EXISTS,
                       _("The id “%s” appears twice"), hep_case_get_id (c));
          return NULL;
        }
    }
  if (deck != NULL && !check_deck (deck, taken, error))
    return NULL;

  /* 2. decide (add, skip an identical case, or rename on a clash) and
   * write, in one transaction: what is taken is read inside it, so an
   * import running at the same time in another process is either all
   * seen or not begun, and the rename rule holds against it too */
  if (!hep_db_begin (db, error))
    return NULL;
  for (guint i = 0; i < cases->len; i++)
    {
      HepCase *c = cases->pdata[i];
      const char *id = hep_case_get_id (c);
      HepCaseImportResult *result = g_new0 (HepCaseImportResult, 1);
      g_autoptr(HepCase) copy = hep_case_copy (c);

      result->id = g_strdup (id);
      g_ptr_array_add (results, result);

      if (hep_case_store_contains (self, id))
        {
          g_autoptr(HepCase) existing = hep_case_store_get_case (self, id, error);

          if (existing == NULL)
            goto fail;
          if (hep_case_equal (existing, c))
            {
              result->action = HEP_CASE_IMPORT_UNCHANGED;
              result->new_id = g_strdup (id);
              g_hash_table_insert (new_ids, result->id, result->new_id);
              continue;
            }
          /* ids this import has taken or will bring are not free either */
          result->new_id = free_id (self, id, "imported", taken, error);
          if (result->new_id == NULL)
            goto fail;
          result->action = HEP_CASE_IMPORT_RENAMED;
          hep_case_set_id (copy, result->new_id);
        }
      else
        {
          result->action = HEP_CASE_IMPORT_ADDED;
          result->new_id = g_strdup (id);
        }
      g_hash_table_insert (new_ids, result->id, result->new_id);
      g_hash_table_add (taken, g_strdup (result->new_id));
      hep_case_set_origin (copy, HEP_CASE_ORIGIN_USER);
      hep_case_set_modified (copy, now);
      if (!hep_case_db_insert (db, copy, NULL, error))
        goto fail;
    }
  /* 3. the deck, with the ids the cases have now, in the same transaction */
  if (deck != NULL && !_hep_case_store_import_deck (self, deck, new_ids, now, deck_result, error))
    goto fail;
  if (!hep_db_commit (db, error))
    goto fail;

  if (!hep_case_store_reload (self, error))
    {
      if (deck_result != NULL)
        g_clear_pointer (deck_result, hep_deck_import_result_free);
      return NULL;
    }
  return g_steal_pointer (&results);

fail:
  hep_db_rollback (db);
  if (deck_result != NULL)
    g_clear_pointer (deck_result, hep_deck_import_result_free);
  return NULL;
}
