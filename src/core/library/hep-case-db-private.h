/* hep-case-db-private.h: reading and writing case rows (core-internal)
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by HepCaseStore, the library builder and the benchmark generator.
 * @schema is "main" (writable) or "lib" (the attached bundled library).
 */

#pragma once

#include "hep-case.h"
#include "hep-db.h"

G_BEGIN_DECLS

/* Inserts @c into main (no transaction of its own); sets *pk. */
gboolean  hep_case_db_insert   (HepDb       *db,
                                HepCase     *c,
                                gint64      *pk,
                                GError     **error);
gboolean  hep_case_db_delete   (HepDb       *db,
                                gint64       pk,
                                GError     **error);
HepCase  *hep_case_db_load     (HepDb       *db,
                                const char  *schema,
                                gint64       pk,
                                GError     **error);
/* TRUE with *found; *pk is set when found. */
gboolean  hep_case_db_find     (HepDb       *db,
                                const char  *schema,
                                const char  *id,
                                gboolean    *found,
                                gint64      *pk,
                                GError     **error);

/* Indexes the unknown-case text of main's cases that have none yet. */
gboolean  hep_case_db_index_open_text (HepDb   *db,
                                       GError **error);

G_END_DECLS
