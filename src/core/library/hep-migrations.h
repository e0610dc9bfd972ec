/* hep-migrations.h: the schema of the case databases, as ordered steps
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The schema version is PRAGMA user_version and equals the number of steps
 * applied (style-anchors B32). Step n runs in its own transaction. A database
 * whose version is higher than the number of steps this program knows is
 * refused with HEP_DB_ERROR_TOO_NEW and left untouched.
 *
 * Every Hepatica database carries PRAGMA application_id
 * HEP_DB_APPLICATION_ID, set by the first step. hep_migrations_check_owner()
 * refuses, before anything is written, a file of another application.
 *
 * Each step reads and compares the version inside its BEGIN IMMEDIATE
 * transaction, so two processes that open a new database at once do not
 * race: the second waits (the busy timeout) and finds the work done.
 */

#pragma once

#include "hep-db.h"

G_BEGIN_DECLS

#define HEP_DB_APPLICATION_ID 0x48455041   /* "HEPA" */

int       hep_migrations_get_latest_version (void);
const char *hep_migrations_get_description  (int       version);

/* Brings the main schema of @db up to the latest version. */
gboolean  hep_migrations_run                (HepDb    *db,
                                             GError  **error);
/* Without writing anything: FALSE with HEP_DB_ERROR_FOREIGN unless the main
 * schema of @db is empty (a new file), or carries Hepatica's application id,
 * or is a Hepatica database made before the id was set (user_version ≥ 1 and
 * a cases table). */
gboolean  hep_migrations_check_owner        (HepDb    *db,
                                             GError  **error);
/* Checks, without writing, that @schema of @db is exactly the latest version
 * (for the read-only bundled library). */
gboolean  hep_migrations_check              (HepDb      *db,
                                             const char *schema,
                                             GError    **error);

G_END_DECLS
