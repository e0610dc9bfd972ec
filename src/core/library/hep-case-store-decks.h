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

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HepDeck, hep_deck_free)

G_END_DECLS
