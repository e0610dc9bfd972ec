/* hep-migrations.c: the schema of the case databases, as ordered steps
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * To change the schema, append a step. Never edit a step that has shipped,
 * and add tests/data/db/vN.sql, a fixture of the schema before the new step
 * (tests/core/test-migrations.c runs every step from its fixture).
 */

#include "config.h"

#include "hep-migrations.h"

#include <glib/gi18n-lib.h>

typedef struct {
  const char *description;
  const char *sql;
} Migration;

static const Migration migrations[] = {
  /* v1 */
  { "cases, their findings, lists, tags, images and full-text index",
    "CREATE TABLE cases ("
    "  pk            INTEGER PRIMARY KEY,"
    "  id            TEXT NOT NULL UNIQUE,"
    "  title         TEXT NOT NULL,"
    "  age           INTEGER,"
    "  sex           TEXT CHECK (sex IN ('f', 'm')),"
    "  history       TEXT NOT NULL,"
    "  presentation  TEXT NOT NULL,"
    "  found_on      TEXT NOT NULL CHECK (found_on IN ('us', 'ct', 'mri')),"
    "  size_mm       INTEGER,"
    "  features      TEXT NOT NULL,"
    "  diagnosis     TEXT NOT NULL,"
    "  proof         TEXT NOT NULL,"
    "  certainty     TEXT NOT NULL CHECK (certainty IN ('definite', 'probable')),"
    "  lirads        TEXT NOT NULL,"
    "  difficulty    INTEGER NOT NULL CHECK (difficulty BETWEEN 1 AND 5),"
    "  language      TEXT NOT NULL,"
    "  spoilers      TEXT NOT NULL,"
    "  author        TEXT NOT NULL,"
    "  license       TEXT NOT NULL,"
    "  derived_from  TEXT,"
    "  modified      INTEGER NOT NULL DEFAULT 0"
    ");"
    "CREATE INDEX cases_title ON cases (title COLLATE NOCASE, id);"
    "CREATE INDEX cases_diagnosis ON cases (diagnosis);"
    "CREATE INDEX cases_lirads ON cases (lirads);"
    "CREATE TABLE case_finding ("
    "  case_pk  INTEGER NOT NULL REFERENCES cases (pk) ON DELETE CASCADE,"
    "  phase    TEXT NOT NULL CHECK (phase IN ('pre', 'arterial', 'portal', 'delayed', 'hbp', 't2', 'dwi', 'other')),"
    "  text     TEXT NOT NULL,"
    "  PRIMARY KEY (case_pk, phase)"
    ") WITHOUT ROWID;"
    "CREATE TABLE case_text ("
    "  case_pk  INTEGER NOT NULL REFERENCES cases (pk) ON DELETE CASCADE,"
    "  kind     TEXT NOT NULL CHECK (kind IN ('teaching-point', 'pitfall', 'reference')),"
    "  position INTEGER NOT NULL,"
    "  text     TEXT NOT NULL,"
    "  PRIMARY KEY (case_pk, kind, position)"
    ") WITHOUT ROWID;"
    "CREATE TABLE case_tag ("
    "  case_pk  INTEGER NOT NULL REFERENCES cases (pk) ON DELETE CASCADE,"
    "  tag      TEXT NOT NULL,"
    "  position INTEGER NOT NULL,"
    "  PRIMARY KEY (case_pk, tag)"
    ") WITHOUT ROWID;"
    "CREATE INDEX case_tag_tag ON case_tag (tag);"
    "CREATE TABLE case_image ("
    "  case_pk  INTEGER NOT NULL REFERENCES cases (pk) ON DELETE CASCADE,"
    "  position INTEGER NOT NULL,"
    "  caption  TEXT NOT NULL,"
    "  phase    TEXT,"
    "  modality TEXT,"
    "  file     TEXT,"
    "  PRIMARY KEY (case_pk, position)"
    ") WITHOUT ROWID;"
    /* rowid = cases.pk; kept in step with cases by hep-case-db.c */
    "CREATE VIRTUAL TABLE case_fts USING fts5 ("
    "  title, diagnosis, tags, findings, history, teaching,"
    "  tokenize = 'unicode61 remove_diacritics 2'"
    ");"
    /* ORDER BY rank weighs a match in the title most, then the diagnosis,
     * tags, findings, history and teaching text */
    "INSERT INTO case_fts (case_fts, rank) VALUES ('rank', 'bm25(10.0, 6.0, 4.0, 2.0, 1.0, 1.0)');" },
  /* v2 */
  { "quiz attempts and review scheduling",
    /* One row per answer, like Anki's revlog. case_id is not a foreign key:
     * the case may live in the bundled library, another database. */
    "CREATE TABLE quiz_attempt ("
    "  pk           INTEGER PRIMARY KEY,"
    "  case_id      TEXT NOT NULL,"
    "  mode         TEXT NOT NULL,"
    "  skill        TEXT,"
    "  answer       TEXT NOT NULL,"
    "  expected     TEXT,"
    "  correct      INTEGER NOT NULL CHECK (correct IN (0, 1)),"
    "  score        REAL CHECK (score BETWEEN 0 AND 1),"
    "  confidence   INTEGER CHECK (confidence BETWEEN 1 AND 5),"
    "  duration_ms  INTEGER NOT NULL CHECK (duration_ms >= 0),"
    "  answered_at  INTEGER NOT NULL"
    ");"
    "CREATE INDEX quiz_attempt_case ON quiz_attempt (case_id, answered_at);"
    "CREATE INDEX quiz_attempt_time ON quiz_attempt (answered_at);"
    /* Scheduling state of one item: a case or a skill (a tag or a
     * feature). Holds SM-2 (ease, interval) and FSRS (stability,
     * difficulty) variables so that either scheduler can use it. */
    "CREATE TABLE review_state ("
    "  item_kind     TEXT NOT NULL CHECK (item_kind IN ('case', 'skill')),"
    "  item_id       TEXT NOT NULL,"
    "  state         TEXT NOT NULL DEFAULT 'new' CHECK (state IN ('new', 'learning', 'review', 'relearning')),"
    "  due           INTEGER NOT NULL,"
    "  interval_days REAL NOT NULL DEFAULT 0 CHECK (interval_days >= 0),"
    "  ease          REAL NOT NULL DEFAULT 2.5,"
    "  stability     REAL,"
    "  difficulty    REAL,"
    "  reps          INTEGER NOT NULL DEFAULT 0 CHECK (reps >= 0),"
    "  lapses        INTEGER NOT NULL DEFAULT 0 CHECK (lapses >= 0),"
    "  last_review   INTEGER,"
    "  PRIMARY KEY (item_kind, item_id)"
    ") WITHOUT ROWID;"
    "CREATE INDEX review_state_due ON review_state (due);" },
  /* v3 */
  { "full-text index of what unknown-case mode shows",
    /* rowid = cases.pk; the text of hep_case_dup_open_text(), so that a
     * search in unknown-case mode cannot match a hidden field. Filled by
     * hep-case-db.c; rows written before this step are indexed when the
     * store opens the database (hep_case_db_index_open_text). */
    "CREATE VIRTUAL TABLE case_open_fts USING fts5 ("
    "  text,"
    "  tokenize = 'unicode61 remove_diacritics 2'"
    ");" },
  /* v4 */
  { "the outcome of a case: what proved the diagnosis",
    /* free text (biopsy, resection, explant, culture, follow-up), always
     * hidden in unknown-case mode; '' for none */
    "ALTER TABLE cases ADD COLUMN outcome TEXT NOT NULL DEFAULT '';" },
  /* v5 */
  { "decks: named, ordered lists of cases for teaching conferences",
    /* case_id is not a foreign key: the case may live in the bundled
     * library. A case is in a deck at most once. */
    "CREATE TABLE deck ("
    "  pk        INTEGER PRIMARY KEY,"
    "  id        TEXT NOT NULL UNIQUE,"
    "  name      TEXT NOT NULL CHECK (name <> ''),"
    "  notes     TEXT,"
    "  created   INTEGER NOT NULL,"
    "  modified  INTEGER NOT NULL"
    ");"
    "CREATE TABLE deck_case ("
    "  deck_pk   INTEGER NOT NULL REFERENCES deck (pk) ON DELETE CASCADE,"
    "  position  INTEGER NOT NULL CHECK (position >= 0),"
    "  case_id   TEXT NOT NULL,"
    "  PRIMARY KEY (deck_pk, position),"
    "  UNIQUE (deck_pk, case_id)"
    ") WITHOUT ROWID;" },
  /* v6 */
  { "the review log says why an answer was wrong; review state keeps the FSRS step",
    /* Rows written before keep their values: the new columns are NULL
     * there (a v2 row's mode, "diagnosis", is read as its question kind).
     * kind has no CHECK: a later version may ask new kinds, which this one
     * skips with a warning when it reads the log. */
    "ALTER TABLE quiz_attempt ADD COLUMN kind TEXT;"
    "ALTER TABLE quiz_attempt ADD COLUMN error_kind TEXT"
    "  CHECK (error_kind IN ('perception', 'rule', 'knowledge', 'timing'));"
    "ALTER TABLE quiz_attempt ADD COLUMN error_details TEXT;"
    "ALTER TABLE quiz_attempt ADD COLUMN sureness TEXT CHECK (sureness IN ('sure', 'unsure', 'guessing'));"
    "ALTER TABLE quiz_attempt ADD COLUMN grade TEXT CHECK (grade IN ('again', 'hard', 'good', 'easy'));"
    "ALTER TABLE quiz_attempt ADD COLUMN session_id TEXT;"
    /* the case card's state before the answer: true retention counts the
     * answers given in the review state */
    "ALTER TABLE quiz_attempt ADD COLUMN card_state TEXT"
    "  CHECK (card_state IN ('new', 'learning', 'review', 'relearning'));"
    "CREATE INDEX quiz_attempt_session ON quiz_attempt (session_id, pk);"
    /* FSRS's learning or relearning step (hep-fsrs.h) */
    "ALTER TABLE review_state ADD COLUMN step INTEGER NOT NULL DEFAULT 0 CHECK (step >= 0);" },
};

int
hep_migrations_get_latest_version (void)
{
  return (int) G_N_ELEMENTS (migrations);
}

const char *
hep_migrations_get_description (int version)
{
  g_return_val_if_fail (version >= 1 && version <= (int) G_N_ELEMENTS (migrations), NULL);
  return migrations[version - 1].description;
}

static gboolean
refuse_newer (HepDb       *db,
              int          version,
              GError     **error)
{
  g_set_error (error, HEP_DB_ERROR, HEP_DB_ERROR_TOO_NEW,
               _("The database “%s” has schema version %d, but this version of Hepatica "
                 "knows versions up to %d; open it with a newer Hepatica"),
               hep_db_get_path (db), version, hep_migrations_get_latest_version ());
  return FALSE;
}

static gboolean
schema_facts (HepDb     *db,
              int       *n_tables,
              gboolean  *has_cases,
              GError   **error)
{
  HepDbStatement *stmt;
  gboolean has_row;

  stmt = hep_db_get_statement (db,
    "SELECT count(*), coalesce(sum(name = 'cases'), 0) FROM main.sqlite_schema"
    " WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'", error);
  if (stmt == NULL || !hep_db_statement_step (stmt, &has_row, error))
    return FALSE;
  *n_tables = (int) hep_db_statement_get_int (stmt, 0);
  *has_cases = hep_db_statement_get_int (stmt, 1) > 0;
  hep_db_statement_reset (stmt);
  return TRUE;
}

gboolean
hep_migrations_check_owner (HepDb   *db,
                            GError **error)
{
  guint32 app_id = 0;
  int version = 0, n_tables = 0;
  gboolean has_cases = FALSE;

  g_return_val_if_fail (HEP_IS_DB (db), FALSE);

  /* one snapshot: another process may be creating the schema meanwhile */
  if (!hep_db_exec (db, "BEGIN DEFERRED", error))
    return FALSE;
  if (!hep_db_get_application_id (db, &app_id, error) ||
      !hep_db_get_user_version (db, "main", &version, error) ||
      !schema_facts (db, &n_tables, &has_cases, error))
    {
      hep_db_rollback (db);
      return FALSE;
    }
  hep_db_rollback (db);
  if ((app_id == HEP_DB_APPLICATION_ID || app_id == 0) && version > hep_migrations_get_latest_version ())
    return refuse_newer (db, version, error);
  if (app_id == HEP_DB_APPLICATION_ID)
    return TRUE;
  if (app_id != 0)
    {
      g_set_error (error, HEP_DB_ERROR, HEP_DB_ERROR_FOREIGN,
                   _("The file “%s” is another application’s database (application id 0x%08x); "
                     "Hepatica left it untouched: choose another file"),
                   hep_db_get_path (db), app_id);
      return FALSE;
    }
  if (n_tables == 0 && version == 0)
    return TRUE;   /* a new, empty file */
  if (version >= 1 && has_cases)
    return TRUE;   /* made before application_id was set */
  g_set_error (error, HEP_DB_ERROR, HEP_DB_ERROR_FOREIGN,
               _("The file “%s” holds tables but no Hepatica schema; Hepatica left it untouched: "
                 "choose another file"), hep_db_get_path (db));
  return FALSE;
}

gboolean
hep_migrations_run (HepDb   *db,
                    GError **error)
{
  int version;
  int latest = hep_migrations_get_latest_version ();

  g_return_val_if_fail (HEP_IS_DB (db), FALSE);

  if (!hep_db_get_user_version (db, "main", &version, error))
    return FALSE;
  if (version > latest)
    return refuse_newer (db, version, error);
  if (version < 0)
    {
      g_set_error (error, HEP_DB_ERROR, HEP_DB_ERROR_MIGRATION,
                   _("The database “%s” has an invalid schema version %d"), hep_db_get_path (db), version);
      return FALSE;
    }
  if (version == latest)
    return TRUE;
  if (hep_db_is_read_only (db))
    {
      g_set_error (error, HEP_DB_ERROR, HEP_DB_ERROR_READ_ONLY,
                   _("The database “%s” has schema version %d and is read-only, so it cannot be "
                     "upgraded to version %d"), hep_db_get_path (db), version, latest);
      return FALSE;
    }

  /* One step per transaction. The version read above may be stale: another
   * process may be migrating the same file. Inside BEGIN IMMEDIATE (which
   * waits for the other writer) it is read again, and only that value
   * decides what runs. */
  while (TRUE)
    {
      g_autoptr(GError) local_error = NULL;
      guint32 app_id = 0;
      int step;

      if (!hep_db_begin (db, &local_error) ||
          !hep_db_get_user_version (db, "main", &step, &local_error))
        {
          hep_db_rollback (db);
          g_set_error (error, HEP_DB_ERROR, HEP_DB_ERROR_MIGRATION,
                       _("Cannot upgrade the database “%s”: %s"), hep_db_get_path (db), local_error->message);
          return FALSE;
        }
      if (step > latest)
        {
          hep_db_rollback (db);
          return refuse_newer (db, step, error);
        }
      if (step == latest)
        {
          hep_db_rollback (db);
          return TRUE;
        }
      if (!hep_db_exec (db, migrations[step].sql, &local_error) ||
          !hep_db_set_user_version (db, step + 1, &local_error) ||
          !hep_db_get_application_id (db, &app_id, &local_error) ||
          (app_id == 0 && !hep_db_set_application_id (db, HEP_DB_APPLICATION_ID, &local_error)) ||
          !hep_db_commit (db, &local_error))
        {
          hep_db_rollback (db);
          g_set_error (error, HEP_DB_ERROR, HEP_DB_ERROR_MIGRATION,
                       _("Cannot upgrade the database “%s” to schema version %d (%s): %s"),
                       hep_db_get_path (db), step + 1, migrations[step].description,
                       local_error->message);
          return FALSE;
        }
    }
}

gboolean
hep_migrations_check (HepDb       *db,
                      const char  *schema,
                      GError     **error)
{
  int version;
  int latest = hep_migrations_get_latest_version ();

  if (!hep_db_get_user_version (db, schema, &version, error))
    return FALSE;
  if (version > latest)
    {
      g_set_error (error, HEP_DB_ERROR, HEP_DB_ERROR_TOO_NEW,
                   _("The case library has schema version %d, but this version of Hepatica "
                     "knows versions up to %d; use a newer Hepatica"), version, latest);
      return FALSE;
    }
  if (version < latest)
    {
      g_set_error (error, HEP_DB_ERROR, HEP_DB_ERROR_MIGRATION,
                   _("The case library has schema version %d, but this version of Hepatica needs "
                     "version %d; rebuild the library"), version, latest);
      return FALSE;
    }
  return TRUE;
}
