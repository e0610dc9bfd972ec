/* hep-migrations.h: the schema of the case databases, as ordered steps
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The schema version is PRAGMA user_version and equals the number of steps
 * applied (style-anchors B32). Step n runs in its own transaction. A database
 * whose version is higher than the number of steps this program knows is
 * refused with HEP_DB_ERROR_TOO_NEW and left untouched.
 */

#pragma once

#include "hep-db.h"

G_BEGIN_DECLS

int       hep_migrations_get_latest_version (void);
const char *hep_migrations_get_description  (int       version);

/* Brings the main schema of @db up to the latest version. */
gboolean  hep_migrations_run                (HepDb    *db,
                                             GError  **error);
/* Checks, without writing, that @schema of @db is exactly the latest version
 * (for the read-only bundled library). */
gboolean  hep_migrations_check              (HepDb      *db,
                                             const char *schema,
                                             GError    **error);

G_END_DECLS
