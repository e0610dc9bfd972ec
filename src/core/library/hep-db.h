/* hep-db.h: a thin wrapper over one SQLite connection
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every SQLite failure becomes a GError in the HEP_DB_ERROR domain. Values
 * are always bound as parameters, never formatted into SQL. Statements can
 * be cached per connection (prepared once with SQLITE_PREPARE_PERSISTENT).
 *
 * A HepDb is used from one thread only (style-anchors B33).
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define HEP_DB_ERROR (hep_db_error_quark ())

typedef enum {
  HEP_DB_ERROR_OPEN,        /* the file could not be opened or is not a database */
  HEP_DB_ERROR_SQL,         /* any other SQLite failure */
  HEP_DB_ERROR_CONSTRAINT,  /* a UNIQUE, CHECK or FOREIGN KEY constraint failed */
  HEP_DB_ERROR_BUSY,        /* the database is locked by another process */
  HEP_DB_ERROR_READ_ONLY,   /* a write to a read-only database */
  HEP_DB_ERROR_TOO_NEW,     /* the schema is newer than this program */
  HEP_DB_ERROR_MIGRATION,   /* a migration step failed */
  HEP_DB_ERROR_DAMAGED,     /* the file fails PRAGMA quick_check: never written to */
  HEP_DB_ERROR_FOREIGN,     /* another application's database: left untouched */
  HEP_DB_ERROR_NOT_REGULAR, /* the path is not a regular file (a device, a folder…) */
} HepDbError;

typedef enum {
  HEP_DB_OPEN_READ_ONLY = 1 << 0,  /* open an existing file read-only */
  HEP_DB_OPEN_IMMUTABLE = 1 << 1,  /* read-only, and the file never changes (no locking) */
  HEP_DB_OPEN_CREATE    = 1 << 2,  /* create the file if missing */
  HEP_DB_OPEN_WAL       = 1 << 3,  /* journal_mode=WAL (on-disk user databases) */
} HepDbOpenFlags;

#define HEP_TYPE_DB (hep_db_get_type ())
G_DECLARE_FINAL_TYPE (HepDb, hep_db, HEP, DB, GObject)

typedef struct _HepDbStatement HepDbStatement;

GQuark          hep_db_error_quark         (void);

HepDb          *hep_db_open                (const char      *path,
                                            HepDbOpenFlags   flags,
                                            GError         **error);
HepDb          *hep_db_open_memory         (GError         **error);
const char     *hep_db_get_path            (HepDb           *self);
gboolean        hep_db_is_read_only        (HepDb           *self);

gboolean        hep_db_exec                (HepDb           *self,
                                            const char      *sql,
                                            GError         **error);
gboolean        hep_db_begin               (HepDb           *self,
                                            GError         **error);
gboolean        hep_db_commit              (HepDb           *self,
                                            GError         **error);
void            hep_db_rollback            (HepDb           *self);

gboolean        hep_db_get_user_version    (HepDb           *self,
                                            const char      *schema,
                                            int             *version,
                                            GError         **error);
gboolean        hep_db_set_user_version    (HepDb           *self,
                                            int              version,
                                            GError         **error);
gboolean        hep_db_attach              (HepDb           *self,
                                            const char      *path,
                                            const char      *schema,
                                            gboolean         immutable,
                                            GError         **error);
gboolean        hep_db_get_application_id  (HepDb           *self,
                                            guint32         *id,
                                            GError         **error);
gboolean        hep_db_set_application_id  (HepDb           *self,
                                            guint32          id,
                                            GError         **error);
/* Switches an open read-write database to WAL (synchronous = NORMAL). */
gboolean        hep_db_enable_wal          (HepDb           *self,
                                            GError         **error);
/* Runs PRAGMA quick_check on @schema. TRUE when the check ran: *problem is
 * NULL for a sound file, else the first problem found (also when reading
 * the file itself fails with SQLITE_CORRUPT). FALSE only for other errors. */
gboolean        hep_db_quick_check         (HepDb           *self,
                                            const char      *schema,
                                            char           **problem,
                                            GError         **error);
/* A consistent copy of the main database in a new file (VACUUM INTO);
 * @path must not exist. */
gboolean        hep_db_vacuum_into         (HepDb           *self,
                                            const char      *path,
                                            GError         **error);
/* Replaces the whole main database by a copy of the database file @path
 * (SQLite's online backup), in one step that other connections see as one
 * write. */
gboolean        hep_db_copy_from           (HepDb           *self,
                                            const char      *path,
                                            GError         **error);
gint64          hep_db_last_insert_rowid   (HepDb           *self);
int             hep_db_changes             (HepDb           *self);

/* A new statement, owned by the caller. */
HepDbStatement *hep_db_prepare             (HepDb           *self,
                                            const char      *sql,
                                            GError         **error);
/* A cached statement, owned by @self, reset and with its bindings cleared;
 * valid until the next call with the same @sql. For hot statements. */
HepDbStatement *hep_db_get_statement       (HepDb           *self,
                                            const char      *sql,
                                            GError         **error);

void            hep_db_statement_free      (HepDbStatement  *stmt);
void            hep_db_statement_reset     (HepDbStatement  *stmt);
void            hep_db_statement_bind_text (HepDbStatement  *stmt,
                                            int              index,
                                            const char      *value);
void            hep_db_statement_bind_int  (HepDbStatement  *stmt,
                                            int              index,
                                            gint64           value);
void            hep_db_statement_bind_double (HepDbStatement *stmt,
                                            int              index,
                                            double           value);
void            hep_db_statement_bind_null (HepDbStatement  *stmt,
                                            int              index);
/* Binds column @column of @from's current row, whatever its type. */
void            hep_db_statement_bind_column (HepDbStatement *stmt,
                                            int              index,
                                            HepDbStatement  *from,
                                            int              column);
/* TRUE with *has_row set on success; FALSE with @error on failure. The
 * first error of a statement's bindings is reported here. */
gboolean        hep_db_statement_step      (HepDbStatement  *stmt,
                                            gboolean        *has_row,
                                            GError         **error);
/* Steps a statement that returns no rows, then resets it. */
gboolean        hep_db_statement_run       (HepDbStatement  *stmt,
                                            GError         **error);
const char     *hep_db_statement_get_text  (HepDbStatement  *stmt,
                                            int              column);
gint64          hep_db_statement_get_int   (HepDbStatement  *stmt,
                                            int              column);
double          hep_db_statement_get_double (HepDbStatement *stmt,
                                            int              column);
gboolean        hep_db_statement_is_null   (HepDbStatement  *stmt,
                                            int              column);
int             hep_db_statement_get_n_columns (HepDbStatement *stmt);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HepDbStatement, hep_db_statement_free)

G_END_DECLS
