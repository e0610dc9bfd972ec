/* hep-db.c: a thin wrapper over one SQLite connection
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "hep-db.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <sys/stat.h>

struct _HepDb
{
  GObject     parent_instance;

  sqlite3    *handle;
  char       *path;
  gboolean    read_only;
  GHashTable *statements;   /* SQL text -> HepDbStatement, cached */
};

struct _HepDbStatement
{
  HepDb        *db;         /* not owned */
  sqlite3_stmt *stmt;
  int           bind_rc;    /* first failing bind, or SQLITE_OK */
};

G_DEFINE_FINAL_TYPE (HepDb, hep_db, G_TYPE_OBJECT)

G_DEFINE_QUARK (hep-db-error-quark, hep_db_error)

static HepDbError
error_code_for (int rc)
{
  switch (rc & 0xff)
    {
    case SQLITE_CONSTRAINT: return HEP_DB_ERROR_CONSTRAINT;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:     return HEP_DB_ERROR_BUSY;
    case SQLITE_READONLY:   return HEP_DB_ERROR_READ_ONLY;
    case SQLITE_CANTOPEN:
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:    return HEP_DB_ERROR_OPEN;
    default:                return HEP_DB_ERROR_SQL;
    }
}

static void
set_error (GError  **error,
           sqlite3  *handle,
           int       rc,
           const char *what)
{
  const char *message = handle != NULL ? sqlite3_errmsg (handle) : sqlite3_errstr (rc);

  g_set_error (error, HEP_DB_ERROR, error_code_for (rc), "%s: %s", what, message);
}

static void
hep_db_finalize (GObject *object)
{
  HepDb *self = (HepDb *) object;

  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->handle != NULL)
    sqlite3_close_v2 (self->handle);
  g_free (self->path);

  G_OBJECT_CLASS (hep_db_parent_class)->finalize (object);
}

static void
hep_db_class_init (HepDbClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = hep_db_finalize;
}

static void
statement_destroy (gpointer data)
{
  HepDbStatement *stmt = data;

  sqlite3_finalize (stmt->stmt);
  g_free (stmt);
}

static void
hep_db_init (HepDb *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, statement_destroy);
}

/* A file: URI for @path, with the characters that URIs reserve escaped. */
static char *
make_uri (const char *path,
          const char *query)
{
  g_autofree char *absolute = g_canonicalize_filename (path, NULL);
  g_autofree char *escaped = g_uri_escape_string (absolute, "/", FALSE);

  return g_strconcat ("file:", escaped, query ? "?" : "", query ? query : "", NULL);
}

/* ---- hep_rank: a cheap field-weighted rank for FTS5 ------------------------- */

/* hep_rank(fts, w0, w1, …) scores a row as the sum over the query phrases
 * and the columns holding them of weight × tf / (tf + 1.2): the bm25 term
 * saturation with column weights, but without document-length
 * normalisation and without idf. bm25 reads each row's document sizes and
 * runs every phrase once more over the whole index for its idf; together
 * that made it about three times slower, and on a large library a common
 * word matches thousands of rows that must all be scored before the best
 * are known. The store's queries require every word (AND), so every result
 * holds every phrase and idf would only shift weight between them. Like
 * bm25, lower (more negative) is better. */
static void
hep_rank (const Fts5ExtensionApi  *api,
          Fts5Context             *fts,
          sqlite3_context         *context,
          int                      n_values,
          sqlite3_value          **values)
{
  int n_phrases = api->xPhraseCount (fts);
  double score = 0;

  for (int p = 0; p < n_phrases; p++)
    {
      Fts5PhraseIter iter;
      int col = -1, offset = 0, tf = 0, last_col = -1;

      /* instances come in column order */
      for (api->xPhraseFirst (fts, p, &iter, &col, &offset);; api->xPhraseNext (fts, &iter, &col, &offset))
        {
          if (col != last_col && last_col >= 0)
            {
              double weight = last_col < n_values ? sqlite3_value_double (values[last_col]) : 1.0;

              score += weight * tf / (tf + 1.2);
              tf = 0;
            }
          if (col < 0)
            break;
          last_col = col;
          tf++;
        }
    }
  sqlite3_result_double (context, -score);
}

static gboolean
register_rank (HepDb   *self,
               GError **error)
{
  sqlite3_stmt *stmt = NULL;
  fts5_api *api = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (self->handle, "SELECT fts5(?1)", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_pointer (stmt, 1, (void *) &api, "fts5_api_ptr", NULL);
      sqlite3_step (stmt);
    }
  sqlite3_finalize (stmt);
  if (api == NULL || api->iVersion < 2)
    {
      g_set_error (error, HEP_DB_ERROR, HEP_DB_ERROR_OPEN, "this SQLite has no usable FTS5");
      return FALSE;
    }
  rc = api->xCreateFunction (api, "hep_rank", NULL, hep_rank, NULL);
  if (rc != SQLITE_OK)
    {
      set_error (error, self->handle, rc, "hep_rank");
      return FALSE;
    }
  return TRUE;
}

static gboolean
configure (HepDb           *self,
           HepDbOpenFlags   flags,
           GError         **error)
{
  sqlite3_extended_result_codes (self->handle, 1);
  sqlite3_busy_timeout (self->handle, 2000);
  /* Refuse writes that could corrupt the file even from a hostile statement. */
  sqlite3_db_config (self->handle, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
  sqlite3_db_config (self->handle, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);

  if (!hep_db_exec (self, "PRAGMA foreign_keys = ON", error) ||
      !register_rank (self, error))
    return FALSE;
  /* Reading the schema early turns "file is not a database" into an open error. */
  if (!hep_db_exec (self, "SELECT count(*) FROM sqlite_schema", error))
    return FALSE;
  if ((flags & HEP_DB_OPEN_WAL) && !self->read_only)
    return hep_db_enable_wal (self, error);
  return TRUE;
}

gboolean
hep_db_enable_wal (HepDb   *self,
                   GError **error)
{
  HepDbStatement *stmt;
  gboolean has_row;

  g_return_val_if_fail (HEP_IS_DB (self), FALSE);

  if (self->read_only)
    return TRUE;
  stmt = hep_db_get_statement (self, "PRAGMA journal_mode = WAL", error);
  if (stmt == NULL)
    return FALSE;
  /* The switch needs the file to itself and SQLite does not wait for it
   * (another process may be opening the same new file): retry for a while */
  for (int tries = 0;; tries++)
    {
      g_autoptr(GError) local_error = NULL;

      if (hep_db_statement_step (stmt, &has_row, &local_error))
        break;
      if (!g_error_matches (local_error, HEP_DB_ERROR, HEP_DB_ERROR_BUSY) || tries >= 100)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      g_usleep (20 * 1000);
    }
  hep_db_statement_reset (stmt);
  return hep_db_exec (self, "PRAGMA synchronous = NORMAL", error);
}

/* Opens @path. IMMUTABLE implies READ_ONLY; CREATE is ignored for read-only
 * opens. A file that is not an SQLite database gives HEP_DB_ERROR_OPEN. */
HepDb *
hep_db_open (const char      *path,
             HepDbOpenFlags   flags,
             GError         **error)
{
  g_autoptr(HepDb) self = NULL;
  g_autofree char *uri = NULL;
  int open_flags = SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!g_str_equal (path, ":memory:"))
    {
      GStatBuf st;

      /* SQLite would happily "open" /dev/null or a FIFO and put a journal
       * beside it; a database is a regular file or nothing (a symlink to
       * a regular file is fine) */
      if (g_stat (path, &st) == 0 && !S_ISREG (st.st_mode))
        {
          g_set_error (error, HEP_DB_ERROR, HEP_DB_ERROR_NOT_REGULAR,
                       _("Cannot open database “%s”: it is not a regular file"), path);
          return NULL;
        }
    }

  self = g_object_new (HEP_TYPE_DB, NULL);
  self->path = g_strdup (path);
  self->read_only = (flags & (HEP_DB_OPEN_READ_ONLY | HEP_DB_OPEN_IMMUTABLE)) != 0;

  if (g_str_equal (path, ":memory:"))
    uri = g_strdup (":memory:");
  else if (flags & HEP_DB_OPEN_IMMUTABLE)
    uri = make_uri (path, "mode=ro&immutable=1");
  else
    uri = make_uri (path, NULL);

  if (self->read_only)
    open_flags |= SQLITE_OPEN_READONLY;
  else
    open_flags |= SQLITE_OPEN_READWRITE | ((flags & HEP_DB_OPEN_CREATE) ? SQLITE_OPEN_CREATE : 0);

  rc = sqlite3_open_v2 (uri, &self->handle, open_flags, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, HEP_DB_ERROR, HEP_DB_ERROR_OPEN,
                   _("Cannot open database “%s”: %s"), path,
                   self->handle ? sqlite3_errmsg (self->handle) : sqlite3_errstr (rc));
      return NULL;
    }

  if (!configure (self, flags, error))
    {
      g_prefix_error (error, _("Cannot open database “%s”: "), path);
      if (*error != NULL && (*error)->code == HEP_DB_ERROR_SQL)
        (*error)->code = HEP_DB_ERROR_OPEN;
      return NULL;
    }
  return g_steal_pointer (&self);
}

HepDb *
hep_db_open_memory (GError **error)
{
  return hep_db_open (":memory:", HEP_DB_OPEN_CREATE, error);
}

const char *
hep_db_get_path (HepDb *self)
{
  g_return_val_if_fail (HEP_IS_DB (self), NULL);
  return self->path;
}

gboolean
hep_db_is_read_only (HepDb *self)
{
  g_return_val_if_fail (HEP_IS_DB (self), TRUE);
  return self->read_only;
}

gboolean
hep_db_exec (HepDb       *self,
             const char  *sql,
             GError     **error)
{
  char *message = NULL;
  int rc;

  g_return_val_if_fail (HEP_IS_DB (self), FALSE);

  rc = sqlite3_exec (self->handle, sql, NULL, NULL, &message);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, HEP_DB_ERROR, error_code_for (rc), "%s",
                   message ? message : sqlite3_errstr (rc));
      sqlite3_free (message);
      return FALSE;
    }
  return TRUE;
}

gboolean
hep_db_begin (HepDb   *self,
              GError **error)
{
  return hep_db_exec (self, "BEGIN IMMEDIATE", error);
}

gboolean
hep_db_commit (HepDb   *self,
               GError **error)
{
  return hep_db_exec (self, "COMMIT", error);
}

void
hep_db_rollback (HepDb *self)
{
  g_return_if_fail (HEP_IS_DB (self));

  if (!sqlite3_get_autocommit (self->handle))
    sqlite3_exec (self->handle, "ROLLBACK", NULL, NULL, NULL);
}

gboolean
hep_db_get_user_version (HepDb       *self,
                         const char  *schema,
                         int         *version,
                         GError     **error)
{
  g_autoptr(HepDbStatement) stmt = NULL;
  g_autofree char *sql = NULL;
  gboolean has_row = FALSE;

  /* A schema name cannot be bound; accept only the names this program uses. */
  g_return_val_if_fail (schema == NULL || g_str_equal (schema, "main") || g_str_equal (schema, "lib"), FALSE);

  sql = g_strdup_printf ("PRAGMA %s.user_version", schema ? schema : "main");
  stmt = hep_db_prepare (self, sql, error);
  if (stmt == NULL || !hep_db_statement_step (stmt, &has_row, error))
    return FALSE;
  *version = has_row ? (int) hep_db_statement_get_int (stmt, 0) : 0;
  return TRUE;
}

gboolean
hep_db_set_user_version (HepDb   *self,
                         int      version,
                         GError **error)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA user_version = %d", version);

  return hep_db_exec (self, sql, error);
}

/* Attaches @path as @schema; with @immutable it is opened read-only as a file
 * that never changes. */
gboolean
hep_db_attach (HepDb       *self,
               const char  *path,
               const char  *schema,
               gboolean     immutable,
               GError     **error)
{
  g_autoptr(HepDbStatement) stmt = NULL;
  g_autofree char *uri = make_uri (path, immutable ? "mode=ro&immutable=1" : NULL);

  stmt = hep_db_prepare (self, "ATTACH DATABASE ?1 AS ?2", error);
  if (stmt == NULL)
    return FALSE;
  hep_db_statement_bind_text (stmt, 1, uri);
  hep_db_statement_bind_text (stmt, 2, schema);
  if (!hep_db_statement_run (stmt, error))
    {
      g_prefix_error (error, _("Cannot open database “%s”: "), path);
      return FALSE;
    }
  return TRUE;
}

gboolean
hep_db_get_application_id (HepDb    *self,
                           guint32  *id,
                           GError  **error)
{
  HepDbStatement *stmt;
  gboolean has_row;

  g_return_val_if_fail (HEP_IS_DB (self), FALSE);

  stmt = hep_db_get_statement (self, "PRAGMA main.application_id", error);
  if (stmt == NULL || !hep_db_statement_step (stmt, &has_row, error))
    return FALSE;
  *id = has_row ? (guint32) hep_db_statement_get_int (stmt, 0) : 0;
  hep_db_statement_reset (stmt);
  return TRUE;
}

gboolean
hep_db_set_application_id (HepDb    *self,
                           guint32   id,
                           GError  **error)
{
  /* PRAGMA takes no parameters; an integer formatted here is not input */
  g_autofree char *sql = g_strdup_printf ("PRAGMA main.application_id = %d", (gint32) id);

  g_return_val_if_fail (HEP_IS_DB (self), FALSE);
  return hep_db_exec (self, sql, error);
}

gboolean
hep_db_quick_check (HepDb       *self,
                    const char  *schema,
                    char       **problem,
                    GError     **error)
{
  g_autoptr(HepDbStatement) stmt = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *sql = NULL;
  gboolean has_row;

  g_return_val_if_fail (HEP_IS_DB (self), FALSE);
  g_return_val_if_fail (g_str_equal (schema, "main") || g_str_equal (schema, "lib"), FALSE);

  *problem = NULL;
  sql = g_strdup_printf ("PRAGMA %s.quick_check(1)", schema);
  stmt = hep_db_prepare (self, sql, &local_error);
  if (stmt != NULL && hep_db_statement_step (stmt, &has_row, &local_error))
    {
      const char *text = has_row ? hep_db_statement_get_text (stmt, 0) : NULL;

      if (text != NULL && !g_str_equal (text, "ok"))
        *problem = g_strdup (text);
      return TRUE;
    }
  /* a damaged file often cannot even be read far enough to check it */
  if (g_error_matches (local_error, HEP_DB_ERROR, HEP_DB_ERROR_OPEN))
    {
      *problem = g_strdup (local_error->message);
      return TRUE;
    }
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

gboolean
hep_db_vacuum_into (HepDb       *self,
                    const char  *path,
                    GError     **error)
{
  g_autoptr(HepDbStatement) stmt = NULL;

  g_return_val_if_fail (HEP_IS_DB (self), FALSE);

  stmt = hep_db_prepare (self, "VACUUM main INTO ?1", error);
  if (stmt == NULL)
    return FALSE;
  hep_db_statement_bind_text (stmt, 1, path);
  if (!hep_db_statement_run (stmt, error))
    {
      g_prefix_error (error, _("Cannot copy the database to “%s”: "), path);
      return FALSE;
    }
  return TRUE;
}

gboolean
hep_db_copy_from (HepDb       *self,
                  const char  *path,
                  GError     **error)
{
  g_autofree char *uri = make_uri (path, "mode=ro");
  sqlite3 *source = NULL;
  sqlite3_backup *backup;
  int rc;

  g_return_val_if_fail (HEP_IS_DB (self), FALSE);

  rc = sqlite3_open_v2 (uri, &source, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_busy_timeout (self->handle, 2000);
      backup = sqlite3_backup_init (self->handle, "main", source, "main");
      if (backup == NULL)
        rc = sqlite3_errcode (self->handle);
      else
        {
          int tries = 0;

          do
            {
              rc = sqlite3_backup_step (backup, -1);
              if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
                sqlite3_sleep (50);
            }
          while (rc == SQLITE_OK || ((rc == SQLITE_BUSY || rc == SQLITE_LOCKED) && ++tries < 40));
          sqlite3_backup_finish (backup);
          rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
        }
    }
  if (rc != SQLITE_OK)
    {
      g_set_error (error, HEP_DB_ERROR, error_code_for (rc), _("Cannot copy “%s” into “%s”: %s"),
                   path, self->path, sqlite3_errstr (rc));
      sqlite3_close_v2 (source);
      return FALSE;
    }
  sqlite3_close_v2 (source);
  return TRUE;
}

gint64
hep_db_last_insert_rowid (HepDb *self)
{
  return sqlite3_last_insert_rowid (self->handle);
}

int
hep_db_changes (HepDb *self)
{
  return sqlite3_changes (self->handle);
}

static HepDbStatement *
prepare (HepDb        *self,
         const char   *sql,
         unsigned int  prep_flags,
         GError      **error)
{
  HepDbStatement *stmt;
  sqlite3_stmt *raw = NULL;
  int rc;

  rc = sqlite3_prepare_v3 (self->handle, sql, -1, prep_flags, &raw, NULL);
  if (rc != SQLITE_OK)
    {
      set_error (error, self->handle, rc, "SQL");
      return NULL;
    }
  stmt = g_new0 (HepDbStatement, 1);
  stmt->db = self;
  stmt->stmt = raw;
  return stmt;
}

HepDbStatement *
hep_db_prepare (HepDb       *self,
                const char  *sql,
                GError     **error)
{
  g_return_val_if_fail (HEP_IS_DB (self), NULL);
  return prepare (self, sql, 0, error);
}

HepDbStatement *
hep_db_get_statement (HepDb       *self,
                      const char  *sql,
                      GError     **error)
{
  HepDbStatement *stmt;

  g_return_val_if_fail (HEP_IS_DB (self), NULL);

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    {
      hep_db_statement_reset (stmt);
      return stmt;
    }
  stmt = prepare (self, sql, SQLITE_PREPARE_PERSISTENT, error);
  if (stmt != NULL)
    g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

void
hep_db_statement_free (HepDbStatement *stmt)
{
  if (stmt != NULL)
    statement_destroy (stmt);
}

void
hep_db_statement_reset (HepDbStatement *stmt)
{
  sqlite3_reset (stmt->stmt);
  sqlite3_clear_bindings (stmt->stmt);
  stmt->bind_rc = SQLITE_OK;
}

static void
note_bind (HepDbStatement *stmt,
           int             rc)
{
  if (rc != SQLITE_OK && stmt->bind_rc == SQLITE_OK)
    stmt->bind_rc = rc;
}

void
hep_db_statement_bind_text (HepDbStatement *stmt,
                            int             index,
                            const char     *value)
{
  if (value == NULL)
    note_bind (stmt, sqlite3_bind_null (stmt->stmt, index));
  else
    note_bind (stmt, sqlite3_bind_text (stmt->stmt, index, value, -1, SQLITE_TRANSIENT));
}

void
hep_db_statement_bind_int (HepDbStatement *stmt,
                           int             index,
                           gint64          value)
{
  note_bind (stmt, sqlite3_bind_int64 (stmt->stmt, index, value));
}

void
hep_db_statement_bind_double (HepDbStatement *stmt,
                              int             index,
                              double          value)
{
  note_bind (stmt, sqlite3_bind_double (stmt->stmt, index, value));
}

void
hep_db_statement_bind_null (HepDbStatement *stmt,
                            int             index)
{
  note_bind (stmt, sqlite3_bind_null (stmt->stmt, index));
}

void
hep_db_statement_bind_column (HepDbStatement *stmt,
                              int             index,
                              HepDbStatement *from,
                              int             column)
{
  note_bind (stmt, sqlite3_bind_value (stmt->stmt, index, sqlite3_column_value (from->stmt, column)));
}

gboolean
hep_db_statement_step (HepDbStatement  *stmt,
                       gboolean        *has_row,
                       GError         **error)
{
  int rc;

  *has_row = FALSE;
  if (stmt->bind_rc != SQLITE_OK)
    {
      g_set_error (error, HEP_DB_ERROR, HEP_DB_ERROR_SQL, "bind: %s", sqlite3_errstr (stmt->bind_rc));
      return FALSE;
    }
  rc = sqlite3_step (stmt->stmt);
  if (rc == SQLITE_ROW)
    {
      *has_row = TRUE;
      return TRUE;
    }
  if (rc == SQLITE_DONE)
    return TRUE;
  set_error (error, stmt->db->handle, rc, "SQL");
  sqlite3_reset (stmt->stmt);
  return FALSE;
}

gboolean
hep_db_statement_run (HepDbStatement  *stmt,
                      GError         **error)
{
  gboolean has_row;
  gboolean ok = hep_db_statement_step (stmt, &has_row, error);

  sqlite3_reset (stmt->stmt);
  return ok;
}

const char *
hep_db_statement_get_text (HepDbStatement *stmt,
                           int             column)
{
  return (const char *) sqlite3_column_text (stmt->stmt, column);
}

gint64
hep_db_statement_get_int (HepDbStatement *stmt,
                          int             column)
{
  return sqlite3_column_int64 (stmt->stmt, column);
}

double
hep_db_statement_get_double (HepDbStatement *stmt,
                             int             column)
{
  return sqlite3_column_double (stmt->stmt, column);
}

gboolean
hep_db_statement_is_null (HepDbStatement *stmt,
                          int             column)
{
  return sqlite3_column_type (stmt->stmt, column) == SQLITE_NULL;
}

int
hep_db_statement_get_n_columns (HepDbStatement *stmt)
{
  return sqlite3_column_count (stmt->stmt);
}
