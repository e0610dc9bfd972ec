/* hep-case-store-private.h: what the store's own files share
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "hep-case-store.h"
#include "hep-case-store-decks.h"
#include "hep-db.h"

G_BEGIN_DECLS

HepDb    *_hep_case_store_get_db    (HepCaseStore  *self);
gboolean  _hep_case_store_find_case (HepCaseStore  *self,
                                     const char    *id,
                                     int           *lib,
                                     gint64        *pk,
                                     gboolean      *found,
                                     GError       **error);

/* Inside the caller's transaction: adds @deck, its case ids mapped through
 * @new_ids (an id it came with → the id of the case now), or finds the
 * identical deck; see hep_case_store_import_cases_with_deck(). */
gboolean  _hep_case_store_import_deck (HepCaseStore         *self,
                                       const HepDeck        *deck,
                                       GHashTable           *new_ids,
                                       gint64                now,
                                       HepDeckImportResult **result,
                                       GError              **error);

G_END_DECLS
