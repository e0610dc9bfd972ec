/* hep-db-backup.h: dated copies of the user database, and its repair
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A backup is a consistent copy made with VACUUM INTO (safe while another
 * connection writes) in one folder, by default
 * $XDG_DATA_HOME/hepatica/backups/, named user-YYYYMMDD-HHMMSS-REASON.db in
 * UTC. The store makes one before every schema migration and at most once a
 * day when the database changed; the last HEP_DB_BACKUP_KEEP are kept. A
 * damaged file set aside by a repair ("-damaged") is never pruned.
 *
 * Time is passed in (unix seconds); nothing here reads the clock.
 */

#pragma once

#include "hep-db.h"

G_BEGIN_DECLS

#define HEP_DB_BACKUP_KEEP 10
#define HEP_DB_BACKUP_INTERVAL (24 * 60 * 60)

typedef struct {
  char   *path;
  char   *reason;   /* migration, daily, restore, manual, damaged */
  gint64  time;     /* unix seconds, from the name */
  gint64  size;     /* bytes */
} HepDbBackup;

void        hep_db_backup_free        (HepDbBackup  *backup);

char       *hep_db_backup_default_dir (void);
/* The backups of the database at @db_path: a "backups" folder beside it
 * (for the default user database, the default folder). */
char       *hep_db_backup_dir_for     (const char   *db_path);

/* Copies @db into @dir (created if missing) and prunes the folder; returns
 * the new file's path. */
char       *hep_db_backup_create      (HepDb        *db,
                                       const char   *dir,
                                       gint64        now,
                                       const char   *reason,
                                       GError      **error);
/* HepDbBackup rows, newest first; a missing folder is an empty list. */
GPtrArray  *hep_db_backup_list        (const char   *dir,
                                       GError      **error);
/* Deletes all but the newest @keep backups (damaged files are kept). */
gboolean    hep_db_backup_prune       (const char   *dir,
                                       guint         keep,
                                       GError      **error);
/* TRUE when a daily backup is due: the newest backup is a day old or more
 * (or there is none) and the file at @db_path (or its WAL) changed since. */
gboolean    hep_db_backup_is_due      (const char   *db_path,
                                       const char   *dir,
                                       gint64        now);

/* Replaces the content of the database at @db_path by the backup @file
 * (which must be a sound Hepatica database), after backing up the current
 * one ("restore"); returns the path of that backup in @saved_path. */
gboolean    hep_db_backup_restore     (const char   *db_path,
                                       const char   *file,
                                       const char   *dir,
                                       gint64        now,
                                       char        **saved_path,
                                       GError      **error);

typedef struct {
  gboolean damaged;          /* FALSE: the file was sound, nothing was done */
  char    *problem;          /* what quick_check said */
  char    *damaged_copy;     /* where the damaged file was kept */
  guint    cases_saved, cases_lost;
  guint    attempts_saved, attempts_lost;
  guint    reviews_saved, reviews_lost;
  gboolean complete;         /* every table could be read to its end */
} HepDbRepairReport;

void        hep_db_repair_report_clear (HepDbRepairReport *report);

/* Checks @db_path; if it is damaged, copies it (and its WAL) to @dir as
 * user-…-damaged.db, copies every case, quiz answer and review state that
 * can still be read into a new database and puts that in its place. No
 * other process may have the file open. */
gboolean    hep_db_repair             (const char         *db_path,
                                       const char         *dir,
                                       gint64              now,
                                       HepDbRepairReport  *report,
                                       GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HepDbBackup, hep_db_backup_free)

G_END_DECLS
