/* hep-db-backup.c: dated copies of the user database, and its repair
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "hep-db-backup.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <errno.h>
#include <string.h>

#include "hep-case-db-private.h"
#include "hep-case-source.h"
#include "hep-migrations.h"

#define PREFIX "user-"

void
hep_db_backup_free (HepDbBackup *backup)
{
  if (backup == NULL)
    return;
  g_free (backup->path);
  g_free (backup->reason);
  g_free (backup);
}

char *
hep_db_backup_default_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), "hepatica", "backups", NULL);
}

char *
hep_db_backup_dir_for (const char *db_path)
{
  g_autofree char *dir = g_path_get_dirname (db_path);

  return g_build_filename (dir, "backups", NULL);
}

static gboolean
make_dir (const char  *dir,
          GError     **error)
{
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Cannot create the folder “%s”: %s"), dir, g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}

/* A free name in @dir for a backup made at @now. */
static char *
backup_path (const char *dir,
             gint64      now,
             const char *reason)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (now);
  g_autofree char *stamp = g_date_time_format (time, "%Y%m%d-%H%M%S");

  for (guint n = 1;; n++)
    {
      g_autofree char *name = n == 1 ? g_strdup_printf (PREFIX "%s-%s.db", stamp, reason)
                                     : g_strdup_printf (PREFIX "%s-%s-%u.db", stamp, reason, n);
      char *path = g_build_filename (dir, name, NULL);

      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        return path;
      g_free (path);
    }
}

/* user-YYYYMMDD-HHMMSS-REASON[-N].db */
static HepDbBackup *
parse_name (const char *dir,
            const char *name)
{
  g_autoptr(GDateTime) time = NULL;
  HepDbBackup *backup;
  const char *p = name + strlen (PREFIX);
  const char *end;
  int v[6];

  if (!g_str_has_prefix (name, PREFIX) || !g_str_has_suffix (name, ".db") || strlen (name) < strlen (PREFIX) + 19)
    return NULL;
  for (int i = 0; i < 15; i++)
    if (i == 8 ? p[i] != '-' : !g_ascii_isdigit (p[i]))
      return NULL;
  if (p[15] != '-')
    return NULL;
  v[0] = (p[0] - '0') * 1000 + (p[1] - '0') * 100 + (p[2] - '0') * 10 + (p[3] - '0');
  v[1] = (p[4] - '0') * 10 + (p[5] - '0');
  v[2] = (p[6] - '0') * 10 + (p[7] - '0');
  v[3] = (p[9] - '0') * 10 + (p[10] - '0');
  v[4] = (p[11] - '0') * 10 + (p[12] - '0');
  v[5] = (p[13] - '0') * 10 + (p[14] - '0');
  time = g_date_time_new_utc (v[0], v[1], v[2], v[3], v[4], v[5]);
  if (time == NULL)
    return NULL;
  p += 16;
  end = strchr (p, '-');
  if (end == NULL)
    end = name + strlen (name) - 3;
  if (end == p)
    return NULL;

  backup = g_new0 (HepDbBackup, 1);
  backup->path = g_build_filename (dir, name, NULL);
  backup->reason = g_strndup (p, end - p);
  backup->time = g_date_time_to_unix (time);
  return backup;
}

static int
newest_first (gconstpointer a,
              gconstpointer b)
{
  const HepDbBackup *x = *(HepDbBackup * const *) a;
  const HepDbBackup *y = *(HepDbBackup * const *) b;

  if (x->time != y->time)
    return x->time > y->time ? -1 : 1;
  return -g_strcmp0 (x->path, y->path);
}

GPtrArray *
hep_db_backup_list (const char  *dir,
                    GError     **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) hep_db_backup_free);
  g_autoptr(GDir) d = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *name;

  d = g_dir_open (dir, 0, &local_error);
  if (d == NULL)
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return g_steal_pointer (&list);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  while ((name = g_dir_read_name (d)) != NULL)
    {
      HepDbBackup *backup = parse_name (dir, name);
      GStatBuf st;

      if (backup == NULL)
        continue;
      if (g_stat (backup->path, &st) != 0 || !S_ISREG (st.st_mode))
        {
          hep_db_backup_free (backup);
          continue;
        }
      backup->size = st.st_size;
      g_ptr_array_add (list, backup);
    }
  g_ptr_array_sort (list, newest_first);
  return g_steal_pointer (&list);
}

gboolean
hep_db_backup_prune (const char  *dir,
                     guint        keep,
                     GError     **error)
{
  g_autoptr(GPtrArray) list = hep_db_backup_list (dir, error);
  guint kept = 0;

  if (list == NULL)
    return FALSE;
  for (guint i = 0; i < list->len; i++)
    {
      HepDbBackup *backup = list->pdata[i];

      if (g_str_equal (backup->reason, "damaged"))
        continue;
      if (++kept <= keep)
        continue;
      if (g_unlink (backup->path) != 0)
        {
          int saved_errno = errno;

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       _("Cannot remove the old backup “%s”: %s"), backup->path, g_strerror (saved_errno));
          return FALSE;
        }
    }
  return TRUE;
}

char *
hep_db_backup_create (HepDb       *db,
                      const char  *dir,
                      gint64       now,
                      const char  *reason,
                      GError     **error)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (HEP_IS_DB (db), NULL);

  if (!make_dir (dir, error))
    return NULL;
  path = backup_path (dir, now, reason);
  if (!hep_db_vacuum_into (db, path, error))
    return NULL;
  if (!hep_db_backup_prune (dir, HEP_DB_BACKUP_KEEP, error))
    return NULL;
  return g_steal_pointer (&path);
}

static gint64
mtime_of (const char *path)
{
  GStatBuf st;

  return g_stat (path, &st) == 0 ? (gint64) st.st_mtime : 0;
}

gboolean
hep_db_backup_is_due (const char *db_path,
                      const char *dir,
                      gint64      now)
{
  g_autoptr(GPtrArray) list = hep_db_backup_list (dir, NULL);
  g_autofree char *wal = g_strconcat (db_path, "-wal", NULL);
  gint64 newest = 0, changed;

  for (guint i = 0; list != NULL && i < list->len; i++)
    {
      HepDbBackup *backup = list->pdata[i];

      if (!g_str_equal (backup->reason, "damaged"))
        {
          newest = backup->time;
          break;
        }
    }
  changed = MAX (mtime_of (db_path), mtime_of (wal));
  if (changed == 0)
    return FALSE;
  /* seconds: a change in the second of the backup counts as after it */
  return now - newest >= HEP_DB_BACKUP_INTERVAL && changed >= newest;
}

/* Opens @path without writing to it and says whether it is a sound
 * Hepatica database. */
static HepDb *
open_checked (const char  *path,
              GError     **error)
{
  g_autoptr(HepDb) db = hep_db_open (path, HEP_DB_OPEN_READ_ONLY, error);
  g_autofree char *problem = NULL;

  if (db == NULL ||
      !hep_migrations_check_owner (db, error) ||
      !hep_db_quick_check (db, "main", &problem, error))
    return NULL;
  if (problem != NULL)
    {
      g_set_error (error, HEP_DB_ERROR, HEP_DB_ERROR_DAMAGED, _("“%s” is damaged: %s"), path, problem);
      return NULL;
    }
  return g_steal_pointer (&db);
}

gboolean
hep_db_backup_restore (const char  *db_path,
                       const char  *file,
                       const char  *dir,
                       gint64       now,
                       char       **saved_path,
                       GError     **error)
{
  g_autoptr(HepDb) source = NULL;
  g_autoptr(HepDb) db = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *problem = NULL;
  int version = 0;

  source = open_checked (file, error);
  if (source == NULL)
    return FALSE;
  if (!hep_db_get_user_version (source, "main", &version, error))
    return FALSE;
  if (version > hep_migrations_get_latest_version ())
    {
      g_set_error (error, HEP_DB_ERROR, HEP_DB_ERROR_TOO_NEW,
                   _("The backup “%s” has schema version %d, newer than this Hepatica knows"), file, version);
      return FALSE;
    }
  g_clear_object (&source);

  db = hep_db_open (db_path, HEP_DB_OPEN_CREATE, error);
  if (db == NULL || !hep_migrations_check_owner (db, error) ||
      !hep_db_quick_check (db, "main", &problem, error))
    return FALSE;
  if (problem != NULL)
    {
      g_set_error (error, HEP_DB_ERROR, HEP_DB_ERROR_DAMAGED,
                   _("The database “%s” is damaged (%s); repair it first (hepatica-cli db repair)"),
                   db_path, problem);
      return FALSE;
    }
  saved = hep_db_backup_create (db, dir, now, "restore", error);
  if (saved == NULL || !hep_db_copy_from (db, file, error))
    return FALSE;
  /* the copy is older than this program may be: bring it up to date */
  if (!hep_db_enable_wal (db, error) || !hep_migrations_run (db, error))
    return FALSE;
  if (saved_path != NULL)
    *saved_path = g_steal_pointer (&saved);
  return TRUE;
}

/* ---- repair ------------------------------------------------------------------- */

void
hep_db_repair_report_clear (HepDbRepairReport *report)
{
  g_clear_pointer (&report->problem, g_free);
  g_clear_pointer (&report->damaged_copy, g_free);
}

static gboolean
copy_file (const char  *from,
           const char  *to,
           GError     **error)
{
  g_autoptr(GFile) source = g_file_new_for_path (from);
  g_autoptr(GFile) target = g_file_new_for_path (to);

  return g_file_copy (source, target, G_FILE_COPY_NOFOLLOW_SYMLINKS, NULL, NULL, NULL, error);
}

/* Every key of @sql's first column(s), as read in order and then in
 * reverse: a damaged page stops a scan, and reading from the other end
 * recovers the rows past it. Keys are joined with '\x1f'. Sets *complete
 * to FALSE when a scan stopped early. */
static GPtrArray *
scan_keys (HepDb       *db,
           const char  *forward,
           const char  *backward,
           int          n_columns,
           gboolean    *complete)
{
  GPtrArray *keys = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  const char *sqls[] = { forward, backward };

  for (guint pass = 0; pass < 2; pass++)
    {
      g_autoptr(HepDbStatement) stmt = NULL;
      g_autoptr(GError) local_error = NULL;
      gboolean has_row;

      stmt = hep_db_prepare (db, sqls[pass], &local_error);
      if (stmt == NULL)
        {
          *complete = FALSE;
          continue;
        }
      while (hep_db_statement_step (stmt, &has_row, &local_error) && has_row)
        {
          GString *key = g_string_new (NULL);
          char *k;

          for (int c = 0; c < n_columns; c++)
            {
              if (c)
                g_string_append_c (key, '\x1f');
              g_string_append (key, hep_db_statement_get_text (stmt, c) ? hep_db_statement_get_text (stmt, c) : "");
            }
          k = g_string_free (key, FALSE);
          if (g_hash_table_contains (seen, k))
            {
              g_free (k);
              if (pass == 1)
                break;   /* met the forward scan */
              continue;
            }
          g_hash_table_add (seen, k);
          g_ptr_array_add (keys, k);
        }
      if (local_error != NULL)
        *complete = FALSE;
      else if (pass == 0)
        break;   /* read to the end: no need to come from the other side */
    }
  return keys;
}

static gint64
count_rows (HepDb      *db,
            const char *sql)
{
  g_autoptr(HepDbStatement) stmt = hep_db_prepare (db, sql, NULL);
  gboolean has_row = FALSE;

  if (stmt == NULL || !hep_db_statement_step (stmt, &has_row, NULL) || !has_row)
    return -1;
  return hep_db_statement_get_int (stmt, 0);
}

static guint
lost_of (gint64 counted,
         guint  saved,
         guint  failed)
{
  if (counted >= 0 && counted > (gint64) saved)
    return MAX ((guint) (counted - saved), failed);
  return failed;
}

/* Copies the rows of @table whose keys are @keys (columns @key_sql, bound
 * as ?1, ?2) from @src to @dst; returns how many were copied. */
static guint
copy_table (HepDb       *src,
            HepDb       *dst,
            const char  *table,
            const char  *key_sql,
            GPtrArray   *keys,
            guint       *failed,
            GError     **error)
{
  g_autofree char *select_sql = g_strdup_printf ("SELECT * FROM main.%s WHERE %s", table, key_sql);
  g_autoptr(HepDbStatement) select = hep_db_prepare (src, select_sql, error);
  g_autoptr(HepDbStatement) insert = NULL;
  guint saved = 0;
  int n_columns;

  if (select == NULL)
    return 0;
  n_columns = hep_db_statement_get_n_columns (select);
  {
    g_autoptr(GString) sql = g_string_new (NULL);

    g_string_printf (sql, "INSERT INTO main.%s VALUES (", table);
    for (int c = 0; c < n_columns; c++)
      g_string_append_printf (sql, "%s?%d", c ? ", " : "", c + 1);
    g_string_append_c (sql, ')');
    insert = hep_db_prepare (dst, sql->str, error);
    if (insert == NULL)
      return 0;
  }
  for (guint i = 0; i < keys->len; i++)
    {
      g_auto(GStrv) parts = g_strsplit (keys->pdata[i], "\x1f", 2);
      gboolean has_row = FALSE;

      hep_db_statement_reset (select);
      for (guint k = 0; parts[k]; k++)
        hep_db_statement_bind_text (select, k + 1, parts[k]);
      if (!hep_db_statement_step (select, &has_row, NULL) || !has_row)
        {
          (*failed)++;
          continue;
        }
      hep_db_statement_reset (insert);
      for (int c = 0; c < n_columns; c++)
        hep_db_statement_bind_column (insert, c + 1, select, c);
      if (hep_db_statement_run (insert, NULL))
        saved++;
      else
        (*failed)++;
    }
  return saved;
}

static gboolean
copy_rows (HepDb              *src,
           HepDb              *dst,
           HepDbRepairReport  *report,
           GError            **error)
{
  g_autoptr(GPtrArray) case_keys = NULL, attempt_keys = NULL, review_keys = NULL;
  g_autoptr(GError) local_error = NULL;
  guint failed = 0;

  /* cases: loaded and written with the same code as an import */
  case_keys = scan_keys (src, "SELECT pk FROM main.cases ORDER BY pk",
                         "SELECT pk FROM main.cases ORDER BY pk DESC", 1, &report->complete);
  for (guint i = 0; i < case_keys->len; i++)
    {
      g_autoptr(HepCase) c = hep_case_db_load (src, "main", g_ascii_strtoll (case_keys->pdata[i], NULL, 10), NULL);

      if (c == NULL || !hep_case_source_validate (c, NULL) || !hep_case_db_insert (dst, c, NULL, NULL))
        {
          failed++;
          continue;
        }
      report->cases_saved++;
    }
  report->cases_lost = lost_of (count_rows (src, "SELECT count(*) FROM main.cases"), report->cases_saved, failed);

  failed = 0;
  attempt_keys = scan_keys (src, "SELECT pk FROM main.quiz_attempt ORDER BY pk",
                            "SELECT pk FROM main.quiz_attempt ORDER BY pk DESC", 1, &report->complete);
  report->attempts_saved = copy_table (src, dst, "quiz_attempt", "pk = ?1", attempt_keys, &failed, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  report->attempts_lost = lost_of (count_rows (src, "SELECT count(*) FROM main.quiz_attempt"),
                                   report->attempts_saved, failed);

  failed = 0;
  review_keys = scan_keys (src, "SELECT item_kind, item_id FROM main.review_state ORDER BY item_kind, item_id",
                           "SELECT item_kind, item_id FROM main.review_state ORDER BY item_kind DESC, item_id DESC",
                           2, &report->complete);
  report->reviews_saved = copy_table (src, dst, "review_state", "item_kind = ?1 AND item_id = ?2", review_keys,
                                      &failed, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  report->reviews_lost = lost_of (count_rows (src, "SELECT count(*) FROM main.review_state"),
                                  report->reviews_saved, failed);
  return TRUE;
}

static void
remove_companions (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);

  g_unlink (wal);
  g_unlink (shm);
  g_unlink (journal);
}

gboolean
hep_db_repair (const char         *db_path,
               const char         *dir,
               gint64              now,
               HepDbRepairReport  *report,
               GError            **error)
{
  g_autoptr(HepDb) check = NULL;
  g_autoptr(HepDb) fresh = NULL;
  g_autoptr(HepDb) source = NULL;
  g_autofree char *wal = g_strconcat (db_path, "-wal", NULL);
  g_autofree char *copy_wal = NULL;
  g_autofree char *folder = g_path_get_dirname (db_path);
  g_autofree char *base = g_path_get_basename (db_path);
  g_autofree char *tmp_name = g_strdup_printf (".%s.repair", base);
  g_autofree char *tmp = g_build_filename (folder, tmp_name, NULL);
  g_autoptr(GError) local_error = NULL;

  memset (report, 0, sizeof *report);
  report->complete = TRUE;

  check = hep_db_open (db_path, HEP_DB_OPEN_READ_ONLY, error);
  if (check == NULL || !hep_migrations_check_owner (check, error) ||
      !hep_db_quick_check (check, "main", &report->problem, error))
    return FALSE;
  g_clear_object (&check);
  if (report->problem == NULL)
    return TRUE;   /* sound: nothing to do */
  report->damaged = TRUE;

  /* 1. keep the damaged file, with its WAL (which holds committed data) */
  if (!make_dir (dir, error))
    return FALSE;
  report->damaged_copy = backup_path (dir, now, "damaged");
  if (!copy_file (db_path, report->damaged_copy, error))
    return FALSE;
  copy_wal = g_strconcat (report->damaged_copy, "-wal", NULL);
  if (g_file_test (wal, G_FILE_TEST_IS_REGULAR) && !copy_file (wal, copy_wal, error))
    return FALSE;

  /* 2. a new database beside the old one, filled from the copy (read by a
   * connection of its own: a read that meets damage must not touch the
   * transaction that writes) */
  source = hep_db_open (report->damaged_copy, 0, error);
  if (source == NULL)
    return FALSE;
  g_unlink (tmp);
  remove_companions (tmp);
  fresh = hep_db_open (tmp, HEP_DB_OPEN_CREATE, error);
  if (fresh == NULL || !hep_migrations_run (fresh, error))
    return FALSE;
  if (!hep_db_begin (fresh, error))
    return FALSE;
  if (!copy_rows (source, fresh, report, &local_error) || !hep_db_commit (fresh, &local_error))
    {
      hep_db_rollback (fresh);
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error), _("Cannot repair “%s”: "), db_path);
      return FALSE;
    }
  g_clear_object (&source);
  g_clear_object (&fresh);

  /* 3. in its place; the old WAL must not meet the new file */
  remove_companions (db_path);
  if (g_rename (tmp, db_path) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Cannot put the repaired database in place of “%s”: %s"), db_path, g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}
