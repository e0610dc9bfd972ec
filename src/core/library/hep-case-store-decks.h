/* hep-case-store-decks.h: decks of cases, in the user database
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A deck is a named, ordered list of case ids (bundled or the user's own)
 * with optional notes, for a teaching conference. Its id is made from its
 * name when it is created ("HCC mimics" → "hcc-mimics", "hcc-mimics-2" when
 * taken) and never changes. A case is in a deck at most once. Every change
 * is one transaction; time is passed in.
 *
 * Case ids are not checked against the library when a deck is read: a user
 * case deleted since is still listed, and whoever shows the deck says so.
 */

#pragma once

#include "hep-case-store.h"

G_BEGIN_DECLS

#define HEP_DECK_MAX_NAME   200    /* bytes, one line */
#define HEP_DECK_MAX_NOTES  8000   /* bytes; newlines and tabs allowed */

typedef struct {
  char   *id;
  char   *name;
  char   *notes;      /* NULL when none */
  GStrv   case_ids;   /* in order */
  gint64  created;    /* unix seconds */
  gint64  modified;
} HepDeck;

void     hep_deck_free                   (HepDeck        *deck);
guint    hep_deck_get_n_cases            (const HepDeck  *deck);

/* A deck's name: not blank, valid UTF-8, at most HEP_DECK_MAX_NAME bytes,
 * no control characters, bidi embeddings, overrides or isolates. Notes
 * (NULL or empty: none): at most HEP_DECK_MAX_NOTES bytes, the same
 * characters but newlines and tabs. The messages quote no input.
 * HEP_CASE_STORE_ERROR_INVALID. */
gboolean hep_deck_check_name             (const char     *name,
                                          GError        **error);
gboolean hep_deck_check_notes            (const char     *notes,
                                          GError        **error);

/* A new empty deck named @name (not empty). */
HepDeck *hep_case_store_create_deck      (HepCaseStore   *self,
                                          const char     *name,
                                          const char     *notes,
                                          gint64          now,
                                          GError        **error);
gboolean hep_case_store_rename_deck      (HepCaseStore   *self,
                                          const char     *deck_id,
                                          const char     *name,
                                          gint64          now,
                                          GError        **error);
/* @notes NULL or empty: none. */
gboolean hep_case_store_set_deck_notes   (HepCaseStore   *self,
                                          const char     *deck_id,
                                          const char     *notes,
                                          gint64          now,
                                          GError        **error);
gboolean hep_case_store_delete_deck      (HepCaseStore   *self,
                                          const char     *deck_id,
                                          GError        **error);
/* Puts back a deck deleted since @deck was read (its id must be free):
 * the same id, name, notes, times and cases in order. For Undo. */
gboolean hep_case_store_restore_deck     (HepCaseStore   *self,
                                          const HepDeck  *deck,
                                          GError        **error);
/* Adds @case_id, which must be in the library, at @position (-1 or past
 * the end: at the end). A case already in the deck is an error. */
gboolean hep_case_store_add_to_deck      (HepCaseStore   *self,
                                          const char     *deck_id,
                                          const char     *case_id,
                                          int             position,
                                          gint64          now,
                                          GError        **error);
gboolean hep_case_store_remove_from_deck (HepCaseStore   *self,
                                          const char     *deck_id,
                                          const char     *case_id,
                                          gint64          now,
                                          GError        **error);
/* Moves @case_id to @position (past the end: to the end). */
gboolean hep_case_store_move_in_deck     (HepCaseStore   *self,
                                          const char     *deck_id,
                                          const char     *case_id,
                                          guint           position,
                                          gint64          now,
                                          GError        **error);
/* Every deck, by name (HepDeck, freed with the array). */
GPtrArray *hep_case_store_list_decks     (HepCaseStore   *self,
                                          GError        **error);
HepDeck  *hep_case_store_get_deck        (HepCaseStore   *self,
                                          const char     *deck_id,
                                          GError        **error);

/* How hep_case_store_import_cases_with_deck() treated the deck. */
typedef struct {
  char               *name;    /* the name it came with */
  HepDeck            *deck;    /* the deck in the database now */
  HepCaseImportAction action;  /* ADDED under its own name; RENAMED: a different
                                * deck had the name, added as "NAME (2)" (or 3, …);
                                * UNCHANGED: an identical deck (name, notes and
                                * cases after the case renames) was there: @deck */
} HepDeckImportResult;

void      hep_deck_import_result_free   (HepDeckImportResult *result);

/* hep_case_store_import_cases(), and @deck (may be NULL) in the same
 * transaction: all or nothing. @deck->case_ids are ids of @cases (each at
 * most once); the deck gets the ids the cases have after the import (a
 * renamed case, its new id). @deck->id is not used: a new deck's id is made
 * from its name, as hep_case_store_create_deck() makes it. Its name clashes
 * only with the exact same name. @deck_result (may be NULL) is set when
 * @deck is given. */
GPtrArray *hep_case_store_import_cases_with_deck (HepCaseStore         *self,
                                                  GPtrArray            *cases,
                                                  const HepDeck        *deck,
                                                  gint64                now,
                                                  HepDeckImportResult **deck_result,
                                                  GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HepDeck, hep_deck_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HepDeckImportResult, hep_deck_import_result_free)

G_END_DECLS
