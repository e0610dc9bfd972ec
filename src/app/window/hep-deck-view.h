/* hep-deck-view.h: the Decks page of the window
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The user's decks (new, rename, delete with Undo, the presenter's notes),
 * the selected deck's cases in order (reordered by drag and drop or by
 * Alt+Up and Alt+Down, Delete takes a case out), and the library to add
 * cases from, searched without moving the case browser's list. Every change
 * is one transaction of the store (hep-case-store-decks.h). In unknown-case
 * mode the cases are named as the spoiler rule allows.
 *
 * Its actions ("deck." prefix): new, rename, delete, undo-delete,
 * move-up, move-down, remove-case, present, print.
 */

#pragma once

#include <adwaita.h>

#include "hep-core.h"

G_BEGIN_DECLS

#define HEP_TYPE_DECK_VIEW (hep_deck_view_get_type ())

G_DECLARE_FINAL_TYPE (HepDeckView, hep_deck_view, HEP, DECK_VIEW, AdwBin)

/* The store to show and edit (NULL: none); @unknown_hides: unknown-case mode. */
void        hep_deck_view_set_store       (HepDeckView  *self,
                                           HepCaseStore *store,
                                           gboolean      writable);
void        hep_deck_view_set_unknown     (HepDeckView  *self,
                                           gboolean      unknown);

/* The selected deck's id, or NULL. */
const char *hep_deck_view_get_deck_id     (HepDeckView  *self);
gboolean    hep_deck_view_select_deck     (HepDeckView  *self,
                                           const char   *deck_id);
/* A new deck named @name, selected. */
gboolean    hep_deck_view_create_deck     (HepDeckView  *self,
                                           const char   *name,
                                           GError      **error);
gboolean    hep_deck_view_rename_deck     (HepDeckView  *self,
                                           const char   *name,
                                           GError      **error);
/* Adds a case of the library at the end of the selected deck. */
gboolean    hep_deck_view_add_case        (HepDeckView  *self,
                                           const char   *case_id,
                                           GError      **error);
/* Selects (and focuses) the case at @index of the selected deck. */
void        hep_deck_view_select_case     (HepDeckView  *self,
                                           guint         index);
/* Presenter mode for the selected deck (F5); FALSE with a toast when it
 * has no cases. */
gboolean    hep_deck_view_present         (HepDeckView  *self);
/* The handout dialog for the selected deck (Ctrl+P). */
void        hep_deck_view_print           (HepDeckView  *self);

G_END_DECLS
