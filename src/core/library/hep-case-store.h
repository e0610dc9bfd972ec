/* hep-case-store.h: the case library as a list model
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two databases behind one model: the bundled library (read-only, shipped
 * with the app, attached as an immutable file) and the user database (the
 * user's own cases, quiz history and scheduling; WAL, every write in a
 * transaction). A user case with the id of a bundled case hides it.
 *
 * The model lists HepCase items in title order, or in rank order while a
 * text query is set; items are loaded when first asked for. No SQL leaves
 * this file. Time is always passed in (unix seconds); the store never reads
 * the clock.
 *
 * The API is synchronous and meant for the main thread (style-anchors B33):
 * on 100,000 cases opening takes about 25 ms and a ranked search under
 * 10 ms (benchmarks/bench-cases.c). Should that change, move the store
 * behind one worker thread that owns its own connection.
 */

#pragma once

#include <gio/gio.h>

#include "hep-case.h"

G_BEGIN_DECLS

#define HEP_CASE_STORE_ERROR (hep_case_store_error_quark ())

typedef enum {
  HEP_CASE_STORE_ERROR_NOT_FOUND,   /* no case with that id */
  HEP_CASE_STORE_ERROR_EXISTS,      /* a case with that id exists already */
  HEP_CASE_STORE_ERROR_READ_ONLY,   /* bundled cases cannot be changed */
  HEP_CASE_STORE_ERROR_INVALID,     /* a bad argument (filter, query, quiz row) */
  HEP_CASE_STORE_ERROR_LIBRARY,     /* the bundled library cannot be used */
} HepCaseStoreError;

/* Which cases the model shows. NULL strings, difficulty 0 and lirads -1
 * mean "any". */
typedef struct {
  const char *diagnosis;
  const char *tag;
  int         difficulty;
  int         lirads;       /* a HepLiradsCategory, or -1 */
  const char *text;         /* full-text query; sorts by rank */
  int         origin;       /* a HepCaseOrigin, or -1 */
  gboolean    unknown;      /* unknown-case mode: @text matches only what the
                             * mode shows (hep-case-spoilers.h), and @diagnosis,
                             * @tag and @lirads are ignored */
} HepCaseFilter;

#define HEP_CASE_FILTER_INIT { NULL, NULL, 0, -1, NULL, -1, FALSE }

/* One search result. */
typedef struct {
  HepCase *item;
  char    *snippet;   /* the best-matching passage, matches in [brackets] */
  double   rank;      /* bm25: lower is better */
} HepCaseHit;

void     hep_case_hit_free (HepCaseHit *hit);

/* One answer in a quiz. */
typedef struct {
  const char *case_id;
  const char *mode;          /* e.g. "diagnosis", "lirads", "unknown" */
  const char *skill;         /* optional: the tag or feature practised */
  const char *answer;
  const char *expected;      /* optional */
  gboolean    correct;
  double      score;         /* 0–1, or negative for none */
  int         confidence;    /* 1–5, or 0 for none */
  gint64      duration_ms;
  gint64      answered_at;   /* unix seconds */
} HepQuizAttempt;

typedef enum {
  HEP_REVIEW_ITEM_CASE,
  HEP_REVIEW_ITEM_SKILL,
} HepReviewItemKind;

/* Scheduling state of a case or a skill: SM-2 and FSRS variables. */
typedef struct {
  HepReviewItemKind kind;
  char   *item_id;
  char   *state;           /* new, learning, review, relearning */
  gint64  due;             /* unix seconds */
  double  interval_days;
  double  ease;            /* SM-2 factor, 2.5 at start */
  double  stability;       /* FSRS; negative when unset */
  double  difficulty;      /* FSRS; negative when unset */
  int     reps;
  int     lapses;
  gint64  last_review;     /* unix seconds; 0 when never */
  int     step;            /* FSRS learning or relearning step (schema v6) */
} HepReviewState;

void     hep_review_state_free (HepReviewState *state);

#define HEP_TYPE_CASE_STORE (hep_case_store_get_type ())
G_DECLARE_FINAL_TYPE (HepCaseStore, hep_case_store, HEP, CASE_STORE, GObject)

GQuark        hep_case_store_error_quark       (void);

char         *hep_case_store_default_user_path (void);
char         *hep_case_store_default_library_path (void);

/* Opens (creating and migrating if needed) the user database at @user_path
 * (NULL: the default in the XDG data dir; ":memory:" for a throwaway one)
 * and attaches the bundled library at @library_path (NULL: $HEPATICA_LIBRARY,
 * else the installed library; "": none). A missing default library is not
 * an error, an explicit one that cannot be opened is. */
HepCaseStore *hep_case_store_new               (const char          *user_path,
                                                const char          *library_path,
                                                GError             **error);
typedef enum {
  HEP_CASE_STORE_OPEN_DEFAULT      = 0,
  /* a user database that cannot be written (a read-only folder or file) is
   * read as it is, or left out if it does not exist; writes then fail */
  HEP_CASE_STORE_OPEN_READ_ONLY_OK = 1 << 0,
} HepCaseStoreOpenFlags;

/* As hep_case_store_new(), and more careful with the user database: it is
 * opened only if it is Hepatica's (HEP_DB_ERROR_FOREIGN otherwise) and
 * passes PRAGMA quick_check (HEP_DB_ERROR_DAMAGED otherwise: nothing is
 * written to it). With a @backup_dir, a copy is made there before a schema
 * migration and when a daily one is due at @now (hep-db-backup.h). */
HepCaseStore *hep_case_store_open              (const char           *user_path,
                                                const char           *library_path,
                                                const char           *backup_dir,
                                                HepCaseStoreOpenFlags flags,
                                                gint64                now,
                                                GError              **error);
gboolean      hep_case_store_is_read_only      (HepCaseStore        *self);
/* Rows that could not be loaded and are left out of the model (a required
 * column is NULL, or a row cannot be read): "id (pk N)" or "pk N", one per
 * row; NULL when there are none. */
const char * const *hep_case_store_get_damaged_rows (HepCaseStore   *self);
gboolean      hep_case_store_has_library       (HepCaseStore        *self);
const char   *hep_case_store_get_library_path  (HepCaseStore        *self);
const char   *hep_case_store_get_user_path     (HepCaseStore        *self);

gboolean      hep_case_store_set_filter        (HepCaseStore        *self,
                                                const HepCaseFilter *filter,
                                                GError             **error);
gboolean      hep_case_store_reload            (HepCaseStore        *self,
                                                GError             **error);
guint         hep_case_store_count             (HepCaseStore        *self,
                                                HepCaseOrigin        origin,
                                                GError             **error);

/* The ids of the cases @filter (NULL: all; no text query) selects, in
 * title order, without changing the model's filter. */
GStrv         hep_case_store_list_ids          (HepCaseStore        *self,
                                                const HepCaseFilter *filter,
                                                GError             **error);
HepCase      *hep_case_store_get_case          (HepCaseStore        *self,
                                                const char          *id,
                                                GError             **error);
gboolean      hep_case_store_contains          (HepCaseStore        *self,
                                                const char          *id);
/* Where the case @id is in the list model under the current filter,
 * without loading any case; FALSE if it is not there. */
gboolean      hep_case_store_find_position     (HepCaseStore        *self,
                                                const char          *id,
                                                guint               *position);
GPtrArray    *hep_case_store_search            (HepCaseStore        *self,
                                                const char          *query,
                                                guint                limit,
                                                GError             **error);
GPtrArray    *hep_case_store_search_full       (HepCaseStore        *self,
                                                const char          *query,
                                                guint                limit,
                                                gboolean             unknown,
                                                GError             **error);
/* Every case @filter (NULL: all) lets through, as HepCase in the model's
 * order, leaving the model's filter alone. */
GPtrArray    *hep_case_store_list_cases        (HepCaseStore        *self,
                                                const HepCaseFilter *filter,
                                                GError             **error);
GStrv         hep_case_store_list_tags         (HepCaseStore        *self,
                                                GError             **error);

gboolean      hep_case_store_create_case       (HepCaseStore        *self,
                                                HepCase             *c,
                                                gint64               now,
                                                GError             **error);
gboolean      hep_case_store_update_case       (HepCaseStore        *self,
                                                HepCase             *c,
                                                gint64               now,
                                                GError             **error);
gboolean      hep_case_store_delete_case       (HepCaseStore        *self,
                                                const char          *id,
                                                GError             **error);
HepCase      *hep_case_store_duplicate_case    (HepCaseStore        *self,
                                                const char          *id,
                                                gint64               now,
                                                GError             **error);
char         *hep_case_store_make_free_id      (HepCaseStore        *self,
                                                const char          *base,
                                                const char          *suffix,
                                                GError             **error);

/* How hep_case_store_import_cases() treated one case. */
typedef enum {
  HEP_CASE_IMPORT_ADDED,      /* imported under its own id */
  HEP_CASE_IMPORT_RENAMED,    /* its id was taken: imported under new_id */
  HEP_CASE_IMPORT_UNCHANGED,  /* an identical case with that id exists: skipped */
} HepCaseImportAction;

typedef struct {
  char               *id;       /* the id in the pack */
  char               *new_id;   /* the id it has now */
  HepCaseImportAction action;
} HepCaseImportResult;

void          hep_case_import_result_free      (HepCaseImportResult *result);

/* All or nothing: validates every case, then writes them in one
 * transaction. Returns HepCaseImportResult rows in the order of @cases. */
GPtrArray    *hep_case_store_import_cases      (HepCaseStore        *self,
                                                GPtrArray           *cases,
                                                gint64               now,
                                                GError             **error);

gboolean      hep_case_store_record_attempt    (HepCaseStore        *self,
                                                const HepQuizAttempt *attempt,
                                                GError             **error);
guint         hep_case_store_count_attempts    (HepCaseStore        *self,
                                                const char          *case_id,
                                                guint               *n_correct,
                                                GError             **error);
HepReviewState *hep_case_store_get_review_state (HepCaseStore       *self,
                                                HepReviewItemKind    kind,
                                                const char          *item_id,
                                                GError             **error);
gboolean      hep_case_store_put_review_state  (HepCaseStore        *self,
                                                const HepReviewState *state,
                                                GError             **error);
GPtrArray    *hep_case_store_list_due          (HepCaseStore        *self,
                                                HepReviewItemKind    kind,
                                                gint64               now,
                                                guint                limit,
                                                GError             **error);

/* One answer of the review log (schema v6; hep-case-store-review.c). The
 * strings are the quiz's own vocabulary (hep-quiz-*.h), which the store
 * keeps as text: a row a later version wrote may hold words this one does
 * not know, and its reader skips it. */
typedef struct {
  gint64  pk;              /* set when read */
  char   *case_id;
  char   *session_id;      /* the quiz session, or NULL */
  char   *mode;            /* tutor, timed, exam, cli */
  char   *kind;            /* features, lirads, diagnosis, next-test */
  char   *answer;
  char   *expected;        /* the key, or NULL */
  gboolean correct;
  double  score;           /* 0–1, or negative for none */
  char   *error_kind;      /* perception, rule, knowledge, timing; NULL when right */
  char   *error_details;   /* e.g. "missed washout; called aphe=rim nonrim" */
  char   *sureness;        /* sure, unsure, guessing, or NULL */
  int     confidence;      /* the 1–5 of schema v2 rows, or 0 */
  char   *grade;           /* again, hard, good, easy, or NULL */
  char   *card_state;      /* the case card's state before the answer, or NULL */
  gint64  duration_ms;
  gint64  answered_at;     /* unix seconds */
} HepQuizLogEntry;

void     hep_quiz_log_entry_free (HepQuizLogEntry *entry);

/* Writes @entry and the review states @states (HepReviewState, may be NULL)
 * in one transaction: an answer is kept, with its scheduling, the moment it
 * is given. Returns the new row's pk, or 0 on error. */
gint64        hep_case_store_record_review     (HepCaseStore        *self,
                                                const HepQuizLogEntry *entry,
                                                GPtrArray           *states,
                                                GError             **error);
/* The log, oldest first, answered in [@since, @until) (0 for no bound). */
GPtrArray    *hep_case_store_list_log          (HepCaseStore        *self,
                                                gint64               since,
                                                gint64               until,
                                                GError             **error);
/* The answers of the quiz session @session_id, in the order given: an
 * unfinished exam resumes from them. */
GPtrArray    *hep_case_store_list_session      (HepCaseStore        *self,
                                                const char          *session_id,
                                                GError             **error);
/* Every review state of @kind, in due order. */
GPtrArray    *hep_case_store_list_review_states (HepCaseStore       *self,
                                                HepReviewItemKind    kind,
                                                GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HepQuizLogEntry, hep_quiz_log_entry_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HepCaseHit, hep_case_hit_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HepReviewState, hep_review_state_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HepCaseImportResult, hep_case_import_result_free)

G_END_DECLS
