/* hep-case-store-private.h: what the store's own files share
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "hep-case-store.h"
#include "hep-db.h"

G_BEGIN_DECLS

HepDb    *_hep_case_store_get_db    (HepCaseStore  *self);
gboolean  _hep_case_store_find_case (HepCaseStore  *self,
                                     const char    *id,
                                     int           *lib,
                                     gint64        *pk,
                                     gboolean      *found,
                                     GError       **error);

G_END_DECLS
