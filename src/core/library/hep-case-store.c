/* hep-case-store.c: the case library as a list model
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "hep-case-store.h"
#include "hep-case-store-private.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <errno.h>
#include <string.h>

#include <unistd.h>

#include "hep-case-db-private.h"
#include "hep-case-source.h"
#include "hep-db.h"
#include "hep-db-backup.h"
#include "hep-migrations.h"
#include "hep-text.h"

typedef struct {
  gint64 pk;
  gint   lib;    /* 0: main (user), 1: lib (bundled) */
} Row;

struct _HepCaseStore
{
  GObject    parent_instance;

  HepDb     *db;
  char      *user_path;
  char      *library_path;   /* NULL when no library is attached */
  gboolean   read_only;      /* the user database is read as it is */
  GHashTable *damaged;       /* row keys (pk * 2 + lib) left out of the model */
  GPtrArray *damaged_names;  /* "id (pk N)", NULL-terminated */

  /* the current filter, owned copies */
  char      *diagnosis;
  char      *tag;
  int        difficulty;
  int        lirads;
  char      *text;
  int        origin;
  gboolean   unknown;

  GArray    *rows;           /* Row, in model order */
  GPtrArray *items;          /* HepCase or NULL (not loaded yet), parallel to rows */
};

static void hep_case_store_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (HepCaseStore, hep_case_store, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, hep_case_store_list_model_init))

G_DEFINE_QUARK (hep-case-store-error-quark, hep_case_store_error)

static const char * const schemas[] = { "main", "lib" };

/* Column weights of case_fts (title, diagnosis, tags, findings, history,
 * teaching) for hep_rank, registered by hep-db.c. */
#define RANK "hep_rank(10.0, 6.0, 4.0, 2.0, 1.0, 1.0)"
/* case_open_fts has one column */
#define OPEN_RANK "hep_rank(1.0)"

void
hep_case_hit_free (HepCaseHit *hit)
{
  if (hit == NULL)
    return;
  g_clear_object (&hit->item);
  g_free (hit->snippet);
  g_free (hit);
}

void
hep_case_import_result_free (HepCaseImportResult *result)
{
  if (result == NULL)
    return;
  g_free (result->id);
  g_free (result->new_id);
  g_free (result);
}

static gint64
row_key (int    lib,
         gint64 pk)
{
  return pk * 2 + lib;
}

static void
note_damaged (HepCaseStore *self,
              int           lib,
              gint64        pk,
              const char   *id)
{
  gint64 key = row_key (lib, pk);
  char *name;

  if (g_hash_table_contains (self->damaged, &key))
    return;
  g_hash_table_add (self->damaged, g_memdup2 (&key, sizeof key));
  if (id != NULL)
    {
      g_autofree char *shown = hep_escape_for_message (id, 80);
      name = g_strdup_printf ("%s%s (pk %" G_GINT64_FORMAT ")", lib ? "library:" : "", shown, pk);
    }
  else
    name = g_strdup_printf ("%spk %" G_GINT64_FORMAT, lib ? "library:" : "", pk);
  g_ptr_array_insert (self->damaged_names, self->damaged_names->len - 1, name);
}

/* ---- GListModel -------------------------------------------------------------- */

static GType
hep_case_store_get_item_type (GListModel *model)
{
  return HEP_TYPE_CASE;
}

static guint
hep_case_store_get_n_items (GListModel *model)
{
  return HEP_CASE_STORE (model)->rows->len;
}

static gpointer
hep_case_store_get_item (GListModel *model,
                         guint       position)
{
  HepCaseStore *self = HEP_CASE_STORE (model);
  g_autoptr(GError) error = NULL;
  const Row *row;
  HepCase *c;

  if (position >= self->rows->len)
    return NULL;
  c = self->items->pdata[position];
  if (c != NULL)
    return g_object_ref (c);

  row = &g_array_index (self->rows, Row, position);
  c = hep_case_db_load (self->db, schemas[row->lib], row->pk, &error);
  if (c == NULL)
    {
      /* damage the scan at open did not see (a row that cannot be read):
       * the model cannot shrink inside get_item, so the row is shown as
       * a placeholder and named in the damaged rows; the next reload
       * leaves it out */
      g_autofree char *id = g_strdup_printf ("damaged-%s-%" G_GINT64_FORMAT, schemas[row->lib], row->pk);

      note_damaged (self, row->lib, row->pk, NULL);
      c = hep_case_new (id);
      g_object_set (c, "title", _("Damaged case (it cannot be read)"),
                    "origin", row->lib ? HEP_CASE_ORIGIN_BUNDLED : HEP_CASE_ORIGIN_USER, NULL);
    }
  self->items->pdata[position] = c;
  return g_object_ref (c);
}

static void
hep_case_store_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = hep_case_store_get_item_type;
  iface->get_n_items = hep_case_store_get_n_items;
  iface->get_item = hep_case_store_get_item;
}

/* ---- object ---------------------------------------------------------------------- */

static void
clear_filter (HepCaseStore *self)
{
  g_clear_pointer (&self->diagnosis, g_free);
  g_clear_pointer (&self->tag, g_free);
  g_clear_pointer (&self->text, g_free);
  self->difficulty = 0;
  self->lirads = -1;
  self->origin = -1;
}

static void
hep_case_store_finalize (GObject *object)
{
  HepCaseStore *self = (HepCaseStore *) object;

  clear_filter (self);
  g_clear_pointer (&self->rows, g_array_unref);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_object (&self->db);
  g_free (self->user_path);
  g_free (self->library_path);
  g_clear_pointer (&self->damaged, g_hash_table_unref);
  g_clear_pointer (&self->damaged_names, g_ptr_array_unref);

  G_OBJECT_CLASS (hep_case_store_parent_class)->finalize (object);
}

static void
hep_case_store_class_init (HepCaseStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = hep_case_store_finalize;
}

static void
unref_item (gpointer item)
{
  if (item != NULL)
    g_object_unref (item);
}

static void
hep_case_store_init (HepCaseStore *self)
{
  self->rows = g_array_new (FALSE, FALSE, sizeof (Row));
  self->items = g_ptr_array_new_with_free_func (unref_item);
  self->damaged = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->damaged_names = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->damaged_names, NULL);
  self->lirads = -1;
  self->origin = -1;
}

char *
hep_case_store_default_user_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "hepatica", "user.db", NULL);
}

char *
hep_case_store_default_library_path (void)
{
  const char *env = g_getenv ("HEPATICA_LIBRARY");

  if (env != NULL && *env != '\0')
    return g_strdup (env);
  return g_build_filename (PKGDATADIR, "hepatica-library.db", NULL);
}

/* Rows whose required columns are NULL: damage, left out of the model. */
static gboolean
find_damaged (HepCaseStore  *self,
              int            lib,
              GError       **error)
{
  g_autofree char *sql = g_strdup_printf (
    "SELECT pk, id FROM %s.cases WHERE id IS NULL OR title IS NULL OR history IS NULL"
    " OR presentation IS NULL OR found_on IS NULL OR features IS NULL OR diagnosis IS NULL"
    " OR proof IS NULL OR certainty IS NULL OR lirads IS NULL OR difficulty IS NULL"
    " OR language IS NULL OR spoilers IS NULL OR author IS NULL OR license IS NULL", schemas[lib]);
  g_autoptr(HepDbStatement) stmt = hep_db_prepare (self->db, sql, error);
  g_autoptr(GError) step_error = NULL;
  gboolean has_row;

  if (stmt == NULL)
    return FALSE;
  while (hep_db_statement_step (stmt, &has_row, &step_error) && has_row)
    note_damaged (self, lib, hep_db_statement_get_int (stmt, 0), hep_db_statement_get_text (stmt, 1));
  if (step_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&step_error));
      return FALSE;
    }
  return TRUE;
}

static gboolean
can_write (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  /* WAL needs files beside the database, so the folder must be writable */
  if (g_file_test (path, G_FILE_TEST_EXISTS) && g_access (path, W_OK) != 0)
    return FALSE;
  while (!g_file_test (dir, G_FILE_TEST_EXISTS))
    {
      char *parent = g_path_get_dirname (dir);

      if (g_str_equal (parent, dir))
        {
          g_free (parent);
          break;
        }
      g_free (dir);
      dir = parent;
    }
  return g_access (dir, W_OK) == 0;
}

/* The user database, checked before anything is written to it. */
static gboolean
open_user_db (HepCaseStore           *self,
              const char             *backup_dir,
              HepCaseStoreOpenFlags   flags,
              gint64                  now,
              GError                **error)
{
  g_autofree char *problem = NULL;
  int version = 0;
  gboolean is_file = !g_str_equal (self->user_path, ":memory:");

  if (is_file && (flags & HEP_CASE_STORE_OPEN_READ_ONLY_OK) && !can_write (self->user_path))
    {
      self->read_only = TRUE;
      if (g_file_test (self->user_path, G_FILE_TEST_EXISTS))
        {
          self->db = hep_db_open (self->user_path, HEP_DB_OPEN_IMMUTABLE, error);
          return self->db != NULL && hep_migrations_check_owner (self->db, error) &&
                 hep_migrations_run (self->db, error);
        }
      /* nothing of the user's yet, and nowhere to put it */
      self->db = hep_db_open_memory (error);
      return self->db != NULL && hep_migrations_run (self->db, error) &&
             hep_case_db_index_open_text (self->db, error);
    }

  if (is_file)
    {
      g_autofree char *dir = g_path_get_dirname (self->user_path);

      if (g_mkdir_with_parents (dir, 0700) != 0)
        {
          int saved_errno = errno;

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       _("Cannot create the folder “%s”: %s"), dir, g_strerror (saved_errno));
          return FALSE;
        }
    }

  /* no WAL switch and no migration before the file is known to be ours
   * and sound */
  self->db = hep_db_open (self->user_path, HEP_DB_OPEN_CREATE, error);
  if (self->db == NULL || !hep_migrations_check_owner (self->db, error))
    return FALSE;
  if (!hep_db_quick_check (self->db, "main", &problem, error))
    return FALSE;
  if (problem != NULL)
    {
      g_autofree char *shown = hep_escape_for_message (problem, 200);

      g_set_error (error, HEP_DB_ERROR, HEP_DB_ERROR_DAMAGED,
                   _("The database “%s” is damaged (%s); nothing was written to it. Run “hepatica-cli db "
                     "repair” to keep a copy and move every readable case into a new database"),
                   self->user_path, shown);
      return FALSE;
    }
  if (!hep_db_enable_wal (self->db, error) ||
      !hep_db_get_user_version (self->db, "main", &version, error))
    return FALSE;
  if (backup_dir != NULL && is_file && version >= 1 && version < hep_migrations_get_latest_version ())
    {
      g_autofree char *path = hep_db_backup_create (self->db, backup_dir, now, "migration", error);

      if (path == NULL)
        return FALSE;
    }
  if (!hep_migrations_run (self->db, error) ||
      !hep_case_db_index_open_text (self->db, error))
    return FALSE;
  if (backup_dir != NULL && is_file && hep_db_backup_is_due (self->user_path, backup_dir, now))
    {
      g_autofree char *path = hep_db_backup_create (self->db, backup_dir, now, "daily", error);

      if (path == NULL)
        return FALSE;
    }
  return TRUE;
}

HepCaseStore *
hep_case_store_open (const char             *user_path,
                     const char             *library_path,
                     const char             *backup_dir,
                     HepCaseStoreOpenFlags   flags,
                     gint64                  now,
                     GError                **error)
{
  g_autoptr(HepCaseStore) self = g_object_new (HEP_TYPE_CASE_STORE, NULL);
  g_autofree char *library = NULL;
  gboolean explicit_library = library_path != NULL;

  self->user_path = user_path ? g_strdup (user_path) : hep_case_store_default_user_path ();
  if (!open_user_db (self, backup_dir, flags, now, error))
    return NULL;

  library = explicit_library ? g_strdup (library_path) : hep_case_store_default_library_path ();
  if (explicit_library && *library_path == '\0')
    g_clear_pointer (&library, g_free);   /* asked for none */
  else if (!explicit_library && !g_file_test (library, G_FILE_TEST_IS_REGULAR))
    g_clear_pointer (&library, g_free);   /* no library installed: user cases only */

  if (library != NULL)
    {
      g_autoptr(GError) local_error = NULL;

      if (!g_file_test (library, G_FILE_TEST_IS_REGULAR))
        {
          g_set_error (error, HEP_CASE_STORE_ERROR, HEP_CASE_STORE_ERROR_LIBRARY,
                       _("The case library “%s” does not exist"), library);
          return NULL;
        }
      if (!hep_db_attach (self->db, library, "lib", TRUE, &local_error) ||
          !hep_db_exec (self->db, "SELECT count(*) FROM lib.sqlite_schema", &local_error) ||
          !hep_migrations_check (self->db, "lib", &local_error))
        {
          g_set_error (error, HEP_CASE_STORE_ERROR, HEP_CASE_STORE_ERROR_LIBRARY,
                       _("Cannot use the case library “%s”: %s"), library, local_error->message);
          return NULL;
        }
      self->library_path = g_steal_pointer (&library);
    }

  for (int lib = 0; lib < 2; lib++)
    if ((lib == 0 || self->library_path != NULL) && !find_damaged (self, lib, error))
      return NULL;
  if (!hep_case_store_reload (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

HepCaseStore *
hep_case_store_new (const char  *user_path,
                    const char  *library_path,
                    GError     **error)
{
  return hep_case_store_open (user_path, library_path, NULL, HEP_CASE_STORE_OPEN_DEFAULT, 0, error);
}

gboolean
hep_case_store_is_read_only (HepCaseStore *self)
{
  g_return_val_if_fail (HEP_IS_CASE_STORE (self), TRUE);
  return self->read_only;
}

const char * const *
hep_case_store_get_damaged_rows (HepCaseStore *self)
{
  g_return_val_if_fail (HEP_IS_CASE_STORE (self), NULL);
  if (self->damaged_names->len == 1)
    return NULL;
  return (const char * const *) self->damaged_names->pdata;
}

gboolean
hep_case_store_has_library (HepCaseStore *self)
{
  g_return_val_if_fail (HEP_IS_CASE_STORE (self), FALSE);
  return self->library_path != NULL;
}

const char *
hep_case_store_get_library_path (HepCaseStore *self)
{
  g_return_val_if_fail (HEP_IS_CASE_STORE (self), NULL);
  return self->library_path;
}

const char *
hep_case_store_get_user_path (HepCaseStore *self)
{
  g_return_val_if_fail (HEP_IS_CASE_STORE (self), NULL);
  return self->user_path;
}

/* ---- queries ---------------------------------------------------------------------- */

/* A user's text as a safe FTS5 query: each word quoted (so no FTS syntax,
 * SQL-looking or not, reaches the parser), the last one as a prefix.
 * NULL when nothing searchable is left. */
static char *
make_fts_query (const char *text)
{
  g_autoptr(GString) query = g_string_new (NULL);
  g_autoptr(GString) word = g_string_new (NULL);
  guint n_words = 0;
  const char *p;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return NULL;

  for (p = text;; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);

      if (ch != 0 && (g_unichar_isalnum (ch) || ch == '\'' ))
        {
          if (ch != '\'')
            g_string_append_unichar (word, ch);
          continue;
        }
      if (word->len > 0 && n_words < 16)
        {
          if (query->len)
            g_string_append_c (query, ' ');
          g_string_append_printf (query, "\"%s\"", word->str);
          n_words++;
        }
      g_string_truncate (word, 0);
      if (ch == 0)
        break;
    }
  if (n_words == 0)
    return NULL;
  /* typing "hemang" finds "hemangioma" */
  if (!g_unichar_isspace (g_utf8_get_char (g_utf8_prev_char (p))))
    g_string_append_c (query, '*');
  return g_string_free (g_steal_pointer (&query), FALSE);
}

typedef struct {
  const char *diagnosis;
  const char *tag;
  int         difficulty;
  int         lirads;
  int         origin;
  const char *fts;
  gboolean    unknown;   /* match the text unknown-case mode shows, only */
} Query;

/* Unknown-case mode searches and filters only what it shows: the text in
 * case_open_fts, and never the diagnosis, tags or LI-RADS category. */
static Query
query_new (const char          *fts,
           const HepCaseFilter *filter)
{
  Query q = { NULL, NULL, 0, -1, -1, fts, FALSE };

  if (filter == NULL)
    return q;
  q.difficulty = filter->difficulty;
  q.origin = filter->origin;
  q.unknown = filter->unknown;
  if (!filter->unknown)
    {
      q.diagnosis = filter->diagnosis;
      q.tag = filter->tag;
      q.lirads = filter->lirads;
    }
  return q;
}

/* The conditions of one arm; parameters ?1 fts, ?2 diagnosis, ?3 tag,
 * ?4 difficulty, ?5 lirads. */
static void
append_conditions (GString     *sql,
                   const Query *q,
                   const char  *schema,
                   gboolean     shadowed)
{
  g_string_append (sql, " WHERE 1");
  if (q->diagnosis)
    g_string_append (sql, " AND c.diagnosis = ?2");
  if (q->tag)
    g_string_append_printf (sql, " AND EXISTS (SELECT 1 FROM %s.case_tag t WHERE t.case_pk = c.pk AND t.tag = ?3)",
                            schema);
  if (q->difficulty > 0)
    g_string_append (sql, " AND c.difficulty = ?4");
  if (q->lirads >= 0)
    g_string_append (sql, " AND c.lirads = ?5");
  if (shadowed)
    g_string_append (sql, " AND NOT EXISTS (SELECT 1 FROM main.cases u WHERE u.id = c.id)");
}

static void
bind_query (HepDbStatement *stmt,
            const Query    *q)
{
  if (q->fts)
    hep_db_statement_bind_text (stmt, 1, q->fts);
  if (q->diagnosis)
    hep_db_statement_bind_text (stmt, 2, q->diagnosis);
  if (q->tag)
    hep_db_statement_bind_text (stmt, 3, q->tag);
  if (q->difficulty > 0)
    hep_db_statement_bind_int (stmt, 4, q->difficulty);
  if (q->lirads >= 0)
    hep_db_statement_bind_text (stmt, 5, hep_lirads_category_to_string ((HepLiradsCategory) q->lirads));
}

/* Columns: src, pk, then rank and snippet for text queries. With a limit,
 * each arm and the whole are cut to it. */
static char *
build_select (HepCaseStore *self,
              const Query  *q,
              gboolean      snippets,
              gboolean      limited)
{
  GString *sql = g_string_new (NULL);
  gboolean first = TRUE;

  for (int lib = 0; lib < 2; lib++)
    {
      const char *schema = schemas[lib];

      if (lib == 1 && self->library_path == NULL)
        continue;
      if (q->origin >= 0 && q->origin != (lib ? HEP_CASE_ORIGIN_BUNDLED : HEP_CASE_ORIGIN_USER))
        continue;
      if (!first)
        g_string_append (sql, " UNION ALL ");
      first = FALSE;

      if (q->fts)
        {
          /* rank inside FTS5 alone, so that it stops after the limit and
           * computes snippets only for the rows it returns; the joins and
           * filters come after */
          const char *table = q->unknown ? "case_open_fts" : "case_fts";

          g_string_append_printf (sql,
            "SELECT %d AS src, x.pk AS pk, x.r AS r%s FROM"
            " (SELECT f.rowid AS pk, f.rank AS r%s FROM %s.%s f"
            " WHERE f.%s MATCH ?1 AND f.rank MATCH '%s' ORDER BY f.rank%s) x"
            " JOIN %s.cases c ON c.pk = x.pk",
            lib, snippets ? ", x.s AS s" : "",
            snippets ? (q->unknown ? ", snippet(case_open_fts, -1, '[', ']', '…', 10) AS s"
                                   : ", snippet(case_fts, -1, '[', ']', '…', 10) AS s") : "",
            schema, table, table, q->unknown ? OPEN_RANK : RANK, limited ? " LIMIT ?6" : "", schema);
          append_conditions (sql, q, schema, lib == 1);
        }
      else
        {
          g_string_append_printf (sql,
            "SELECT %d AS src, c.pk AS pk, c.title AS t, c.id AS i FROM %s.cases c", lib, schema);
          append_conditions (sql, q, schema, lib == 1);
        }
    }
  if (first)
    {
      /* no arm: an empty result with the same columns */
      g_string_append (sql, "SELECT 0, 0, 0.0, '' WHERE 0");
      return g_string_free (sql, FALSE);
    }
  if (q->fts)
    g_string_append (sql, " ORDER BY 3, 1, 2");
  else
    g_string_append (sql, " ORDER BY 3 COLLATE NOCASE, 4");
  if (limited)
    g_string_append (sql, " LIMIT ?6");
  return g_string_free (sql, FALSE);
}

static gboolean
check_filter (const HepCaseFilter  *filter,
              GError              **error)
{
  if (filter->difficulty < 0 || filter->difficulty > 5)
    {
      g_set_error (error, HEP_CASE_STORE_ERROR, HEP_CASE_STORE_ERROR_INVALID,
                   _("Difficulty must be 1–5, got %d"), filter->difficulty);
      return FALSE;
    }
  if (filter->lirads < -1 || filter->lirads >= HEP_N_LIRADS_CATEGORIES)
    {
      g_set_error (error, HEP_CASE_STORE_ERROR, HEP_CASE_STORE_ERROR_INVALID,
                   _("Unknown LI-RADS category %d"), filter->lirads);
      return FALSE;
    }
  return TRUE;
}

gboolean
hep_case_store_reload (HepCaseStore  *self,
                       GError       **error)
{
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (Row));
  g_autofree char *fts = NULL;
  g_autofree char *sql = NULL;
  HepDbStatement *stmt;
  Query q;
  gboolean has_row;
  guint old_len;

  g_return_val_if_fail (HEP_IS_CASE_STORE (self), FALSE);

  if (self->text != NULL)
    {
      fts = make_fts_query (self->text);
      if (fts == NULL)
        {
          /* nothing searchable in the text: nothing matches */
          goto done;
        }
    }
  {
    HepCaseFilter filter = { self->diagnosis, self->tag, self->difficulty, self->lirads, NULL,
                             self->origin, self->unknown };
    q = query_new (fts, &filter);
  }
  sql = build_select (self, &q, FALSE, FALSE);
  stmt = hep_db_get_statement (self->db, sql, error);
  if (stmt == NULL)
    return FALSE;
  bind_query (stmt, &q);
  while (TRUE)
    {
      Row row;
      gint64 key;

      if (!hep_db_statement_step (stmt, &has_row, error))
        return FALSE;
      if (!has_row)
        break;
      row.lib = (int) hep_db_statement_get_int (stmt, 0);
      row.pk = hep_db_statement_get_int (stmt, 1);
      key = row_key (row.lib, row.pk);
      if (g_hash_table_size (self->damaged) > 0 && g_hash_table_contains (self->damaged, &key))
        continue;
      g_array_append_val (rows, row);
    }
  hep_db_statement_reset (stmt);

done:
  old_len = self->rows->len;
  g_array_unref (self->rows);
  self->rows = g_steal_pointer (&rows);
  g_ptr_array_set_size (self->items, 0);
  g_ptr_array_set_size (self->items, self->rows->len);
  if (old_len != 0 || self->rows->len != 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old_len, self->rows->len);
  return TRUE;
}

gboolean
hep_case_store_set_filter (HepCaseStore         *self,
                           const HepCaseFilter  *filter,
                           GError              **error)
{
  HepCaseFilter any = HEP_CASE_FILTER_INIT;

  g_return_val_if_fail (HEP_IS_CASE_STORE (self), FALSE);

  if (filter == NULL)
    filter = &any;
  if (!check_filter (filter, error))
    return FALSE;
  clear_filter (self);
  self->diagnosis = g_strdup (filter->diagnosis);
  self->tag = g_strdup (filter->tag);
  self->difficulty = filter->difficulty;
  self->lirads = filter->lirads;
  self->text = filter->text && *filter->text ? g_strdup (filter->text) : NULL;
  self->origin = filter->origin;
  self->unknown = !!filter->unknown;
  return hep_case_store_reload (self, error);
}

/* The ids of the cases @filter selects, in the model's order (title),
 * without touching the model's own filter: what a quiz draws from. */
GStrv
hep_case_store_list_ids (HepCaseStore         *self,
                         const HepCaseFilter  *filter,
                         GError              **error)
{
  HepCaseFilter any = HEP_CASE_FILTER_INIT;
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();
  g_autofree char *sql = NULL;
  HepDbStatement *stmt;
  gboolean has_row;
  Query q;

  g_return_val_if_fail (HEP_IS_CASE_STORE (self), NULL);

  if (filter == NULL)
    filter = &any;
  if (!check_filter (filter, error))
    return NULL;
  if (filter->text != NULL && *filter->text)
    {
      g_set_error_literal (error, HEP_CASE_STORE_ERROR, HEP_CASE_STORE_ERROR_INVALID,
                           _("A list of case ids takes no text query"));
      return NULL;
    }
  q = query_new (NULL, filter);
  sql = build_select (self, &q, FALSE, FALSE);
  stmt = hep_db_get_statement (self->db, sql, error);
  if (stmt == NULL)
    return NULL;
  bind_query (stmt, &q);
  for (;;)
    {
      gint64 key;

      if (!hep_db_statement_step (stmt, &has_row, error))
        {
          hep_db_statement_reset (stmt);
          return NULL;
        }
      if (!has_row)
        break;
      key = row_key ((int) hep_db_statement_get_int (stmt, 0), hep_db_statement_get_int (stmt, 1));
      if (g_hash_table_size (self->damaged) > 0 && g_hash_table_contains (self->damaged, &key))
        continue;
      if (hep_db_statement_get_text (stmt, 3) != NULL)
        g_strv_builder_add (ids, hep_db_statement_get_text (stmt, 3));
    }
  hep_db_statement_reset (stmt);
  return g_strv_builder_end (ids);
}

guint
hep_case_store_count (HepCaseStore   *self,
                      HepCaseOrigin   origin,
                      GError        **error)
{
  HepDbStatement *stmt;
  gboolean has_row;
  guint n;

  g_return_val_if_fail (HEP_IS_CASE_STORE (self), 0);

  if (origin == HEP_CASE_ORIGIN_BUNDLED && self->library_path == NULL)
    return 0;
  stmt = hep_db_get_statement (self->db, origin == HEP_CASE_ORIGIN_BUNDLED ? "SELECT count(*) FROM lib.cases"
                                                                            : "SELECT count(*) FROM main.cases",
                               error);
  if (stmt == NULL || !hep_db_statement_step (stmt, &has_row, error))
    return 0;
  n = (guint) hep_db_statement_get_int (stmt, 0);
  hep_db_statement_reset (stmt);
  return n;
}

/* Every case @filter lets through, loaded, in the order the model would
 * show them, without touching the model's own filter: for a second list
 * of the library beside the case browser (the decks page). */
GPtrArray *
hep_case_store_list_cases (HepCaseStore         *self,
                           const HepCaseFilter  *filter,
                           GError              **error)
{
  g_autoptr(GPtrArray) cases = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) step_error = NULL;
  g_autofree char *fts = NULL;
  g_autofree char *sql = NULL;
  HepCaseFilter any = HEP_CASE_FILTER_INIT;
  HepDbStatement *stmt;
  Query q;
  gboolean has_row;

  g_return_val_if_fail (HEP_IS_CASE_STORE (self), NULL);

  if (filter == NULL)
    filter = &any;
  if (!check_filter (filter, error))
    return NULL;
  if (filter->text != NULL && *filter->text != '\0')
    {
      fts = make_fts_query (filter->text);
      if (fts == NULL)
        return g_steal_pointer (&cases);
    }
  q = query_new (fts, filter);
  sql = build_select (self, &q, FALSE, FALSE);
  stmt = hep_db_get_statement (self->db, sql, error);
  if (stmt == NULL)
    return NULL;
  bind_query (stmt, &q);
  while (hep_db_statement_step (stmt, &has_row, &step_error) && has_row)
    {
      int lib = (int) hep_db_statement_get_int (stmt, 0);
      gint64 pk = hep_db_statement_get_int (stmt, 1);
      gint64 key = row_key (lib, pk);
      HepCase *c;

      if (g_hash_table_contains (self->damaged, &key))
        continue;
      c = hep_case_db_load (self->db, schemas[lib], pk, NULL);
      if (c == NULL)
        {
          note_damaged (self, lib, pk, NULL);
          continue;
        }
      g_ptr_array_add (cases, c);
    }
  hep_db_statement_reset (stmt);
  if (step_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&step_error));
      return NULL;
    }
  return g_steal_pointer (&cases);
}

/* Finds @id: a user case first, then a bundled one. */
gboolean
_hep_case_store_find_case (HepCaseStore  *self,
                           const char    *id,
                           int           *lib,
                           gint64        *pk,
                           gboolean      *found,
                           GError       **error)
{
  for (int i = 0; i < 2; i++)
    {
      if (i == 1 && self->library_path == NULL)
        break;
      if (!hep_case_db_find (self->db, schemas[i], id, found, pk, error))
        return FALSE;
      if (*found)
        {
          *lib = i;
          return TRUE;
        }
    }
  return TRUE;
}

HepCase *
hep_case_store_get_case (HepCaseStore  *self,
                         const char    *id,
                         GError       **error)
{
  gboolean found = FALSE;
  gint64 pk = 0;
  int lib = 0;

  g_return_val_if_fail (HEP_IS_CASE_STORE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  if (!_hep_case_store_find_case (self, id, &lib, &pk, &found, error))
    return NULL;
  if (!found)
    {
      g_autofree char *shown = hep_escape_for_message (id, 80);

      g_set_error (error, HEP_CASE_STORE_ERROR, HEP_CASE_STORE_ERROR_NOT_FOUND,
                   _("No case with the id “%s”"), shown);
      return NULL;
    }
  return hep_case_db_load (self->db, schemas[lib], pk, error);
}

gboolean
hep_case_store_contains (HepCaseStore *self,
                         const char   *id)
{
  gboolean found = FALSE;
  gint64 pk;
  int lib;

  return _hep_case_store_find_case (self, id, &lib, &pk, &found, NULL) && found;
}

gboolean
hep_case_store_find_position (HepCaseStore *self,
                              const char   *id,
                              guint        *position)
{
  gboolean found = FALSE;
  gint64 pk;
  int lib;

  g_return_val_if_fail (HEP_IS_CASE_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  if (!_hep_case_store_find_case (self, id, &lib, &pk, &found, NULL) || !found)
    return FALSE;
  for (guint i = 0; i < self->rows->len; i++)
    {
      const Row *row = &g_array_index (self->rows, Row, i);

      if (row->lib == lib && row->pk == pk)
        {
          if (position != NULL)
            *position = i;
          return TRUE;
        }
    }
  return FALSE;
}

/* Appends up to @limit hits for the FTS query @fts, skipping rows already
 * in @seen ("lib:pk" keys). */
static gboolean
run_search (HepCaseStore  *self,
            const char    *fts,
            gboolean       unknown,
            guint          limit,
            GHashTable    *seen,
            GPtrArray     *hits,
            GError       **error)
{
  g_autofree char *sql = NULL;
  g_autoptr(GError) step_error = NULL;
  HepDbStatement *stmt;
  HepCaseFilter filter = HEP_CASE_FILTER_INIT;
  Query q;
  gboolean has_row;
  guint wanted = hits->len + limit;

  filter.unknown = unknown;
  q = query_new (fts, &filter);

  sql = build_select (self, &q, TRUE, TRUE);
  stmt = hep_db_get_statement (self->db, sql, error);
  if (stmt == NULL)
    return FALSE;
  bind_query (stmt, &q);
  /* enough rows to fill up after skipping those already found */
  hep_db_statement_bind_int (stmt, 6, limit + g_hash_table_size (seen));

  while (hits->len < wanted && hep_db_statement_step (stmt, &has_row, &step_error) && has_row)
    {
      int lib = (int) hep_db_statement_get_int (stmt, 0);
      gint64 pk = hep_db_statement_get_int (stmt, 1);
      char *key = g_strdup_printf ("%d:%" G_GINT64_FORMAT, lib, pk);
      gint64 row = row_key (lib, pk);
      HepCaseHit *hit;

      if (!g_hash_table_add (seen, key) || g_hash_table_contains (self->damaged, &row))
        continue;
      hit = g_new0 (HepCaseHit, 1);
      hit->rank = hep_db_statement_get_double (stmt, 2);
      hit->snippet = g_strdup (hep_db_statement_get_text (stmt, 3));
      hit->item = hep_case_db_load (self->db, schemas[lib], pk, NULL);
      if (hit->item == NULL)
        {
          /* a row that cannot be loaded is left out, and named */
          note_damaged (self, lib, pk, NULL);
          hep_case_hit_free (hit);
          continue;
        }
      g_ptr_array_add (hits, hit);
    }
  hep_db_statement_reset (stmt);
  if (step_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&step_error));
      return FALSE;
    }
  return TRUE;
}

/* Ranked full-text search over both databases; HepCaseHit rows, best
 * first. The query is plain words (the last may be a prefix); every word
 * must match.
 *
 * Ranking is by field first, then by hep_rank (a field-weighted bm25, see
 * hep-db.c): cases whose title holds all the words come first, then cases
 * whose title, diagnosis and tags hold them, then the rest (history,
 * findings, teaching text). Besides being what a reader expects, this
 * bounds the cost: every matching row has to be scored before the best are
 * known, and a common word matches much of a large library in its body
 * text but few titles. */
GPtrArray *
hep_case_store_search (HepCaseStore  *self,
                       const char    *query,
                       guint          limit,
                       GError       **error)
{
  return hep_case_store_search_full (self, query, limit, FALSE, error);
}

/* The same; with @unknown, only the text unknown-case mode shows is
 * searched (one tier: the title may be hidden), and snippets come from it. */
GPtrArray *
hep_case_store_search_full (HepCaseStore  *self,
                            const char    *query,
                            guint          limit,
                            gboolean       unknown,
                            GError       **error)
{
  g_autoptr(GPtrArray) hits = g_ptr_array_new_with_free_func ((GDestroyNotify) hep_case_hit_free);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *fts = NULL;
  g_autofree char *title_fts = NULL;
  g_autofree char *heading_fts = NULL;

  g_return_val_if_fail (HEP_IS_CASE_STORE (self), NULL);

  if (limit == 0)
    limit = 50;
  fts = make_fts_query (query);
  if (fts == NULL)
    {
      g_set_error (error, HEP_CASE_STORE_ERROR, HEP_CASE_STORE_ERROR_INVALID,
                   _("The search has no words to look for"));
      return NULL;
    }
  if (unknown)
    {
      if (!run_search (self, fts, TRUE, limit, seen, hits, error))
        return NULL;
      return g_steal_pointer (&hits);
    }
  title_fts = g_strdup_printf ("title : (%s)", fts);
  heading_fts = g_strdup_printf ("{title diagnosis tags} : (%s)", fts);
  if (!run_search (self, title_fts, FALSE, limit, seen, hits, error))
    return NULL;
  if (hits->len < limit &&
      !run_search (self, heading_fts, FALSE, limit - hits->len, seen, hits, error))
    return NULL;
  if (hits->len < limit &&
      !run_search (self, fts, FALSE, limit - hits->len, seen, hits, error))
    return NULL;
  return g_steal_pointer (&hits);
}

/* Every tag in use, sorted. */
GStrv
hep_case_store_list_tags (HepCaseStore  *self,
                          GError       **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GError) step_error = NULL;
  HepDbStatement *stmt;
  gboolean has_row;

  stmt = hep_db_get_statement (self->db, self->library_path
                               ? "SELECT tag FROM main.case_tag UNION SELECT tag FROM lib.case_tag ORDER BY 1"
                               : "SELECT DISTINCT tag FROM main.case_tag ORDER BY 1", error);
  if (stmt == NULL)
    return NULL;
  while (hep_db_statement_step (stmt, &has_row, &step_error) && has_row)
    g_strv_builder_add (builder, hep_db_statement_get_text (stmt, 0));
  hep_db_statement_reset (stmt);
  if (step_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&step_error));
      return NULL;
    }
  return g_strv_builder_end (builder);
}

/* For the store's other files. */
HepDb *
_hep_case_store_get_db (HepCaseStore *self)
{
  return self->db;
}
