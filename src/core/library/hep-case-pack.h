/* hep-case-pack.h: one file to share cases between teachers
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * docs/case-pack-format.md is the specification. In short: a UTF-8 key file
 * whose first group is [Hepatica Case Pack] (Format, Count, Generator,
 * Created, Checksum = SHA-256 of the file without its Checksum line), followed by
 * the groups of each case with the case id appended: [Case ID],
 * [Findings ID], [Image ID N]. Format 2 may carry a deck: a [Deck] group
 * (Name, Notes, Cases = every case id of the pack once, in the deck's order).
 *
 * Reading checks the size, the header, the checksum and every case before
 * returning anything; importing is all or nothing
 * (hep_case_store_import_cases()).
 */

#pragma once

#include <glib.h>

#include "hep-case-store.h"
#include "hep-case-store-decks.h"

G_BEGIN_DECLS

#define HEP_CASE_PACK_FORMAT     2       /* the newest format read and written */
#define HEP_CASE_PACK_FORMAT_DECK 2      /* the first format that may carry a [Deck] */
#define HEP_CASE_PACK_MAX_SIZE   (8 * 1024 * 1024)
#define HEP_CASE_PACK_MAX_CASES  1000
#define HEP_CASE_PACK_HEADER     "Hepatica Case Pack"
#define HEP_CASE_PACK_DECK       "Deck"

#define HEP_CASE_PACK_ERROR (hep_case_pack_error_quark ())

typedef enum {
  HEP_CASE_PACK_ERROR_TOO_LARGE,    /* over HEP_CASE_PACK_MAX_SIZE bytes */
  HEP_CASE_PACK_ERROR_NOT_A_PACK,   /* no [Hepatica Case Pack] header, or not UTF-8 text */
  HEP_CASE_PACK_ERROR_VERSION,      /* a Format this program does not know */
  HEP_CASE_PACK_ERROR_HEADER,       /* a missing or bad header key */
  HEP_CASE_PACK_ERROR_DAMAGED,      /* the checksum does not match: truncated or altered */
  HEP_CASE_PACK_ERROR_TOO_MANY,     /* over HEP_CASE_PACK_MAX_CASES cases */
  HEP_CASE_PACK_ERROR_COUNT,        /* Count differs from the cases present */
  HEP_CASE_PACK_ERROR_DUPLICATE,    /* one id twice in the pack */
  HEP_CASE_PACK_ERROR_CASE,         /* a case is invalid (the message names it) */
  HEP_CASE_PACK_ERROR_STRAY_GROUP,  /* a group that belongs to no case */
  HEP_CASE_PACK_ERROR_DECK,         /* the [Deck] group is invalid */
} HepCasePackError;

typedef struct {
  int      format;
  guint    count;
  char    *generator;
  char    *created;
  HepDeck *deck;       /* the pack's [Deck], or NULL; its id is NULL and its
                        * case_ids are the ids in the pack */
} HepCasePackInfo;

GQuark      hep_case_pack_error_quark   (void);
void        hep_case_pack_info_clear    (HepCasePackInfo  *info);

/* HepCase rows in pack order. @info may be NULL (the deck, when there is
 * one, is checked all the same). */
GPtrArray  *hep_case_pack_parse         (const char       *data,
                                         gsize             length,
                                         HepCasePackInfo  *info,
                                         GError          **error);
GPtrArray  *hep_case_pack_load_file     (const char       *path,
                                         HepCasePackInfo  *info,
                                         GError          **error);

/* @created is written as given (an ISO 8601 time, passed in by the caller). */
char       *hep_case_pack_write         (GPtrArray        *cases,
                                         const char       *generator,
                                         const char       *created,
                                         gsize            *length,
                                         GError          **error);
/* With @deck (NULL: none) as the pack's [Deck], in format 2 (without one,
 * format 1, which older versions read). @deck->case_ids must be the ids of
 * @cases, each once; its id, created and modified are not written. */
char       *hep_case_pack_write_full    (GPtrArray        *cases,
                                         const HepDeck    *deck,
                                         const char       *generator,
                                         const char       *created,
                                         gsize            *length,
                                         GError          **error);
/* Written to a temporary file beside @path and renamed over it: only a
 * regular file (or nothing) at @path is replaced. */
gboolean    hep_case_pack_save_file     (GPtrArray        *cases,
                                         const char       *path,
                                         const char       *generator,
                                         const char       *created,
                                         GError          **error);
gboolean    hep_case_pack_save_file_full (GPtrArray       *cases,
                                          const HepDeck   *deck,
                                          const char      *path,
                                          const char      *generator,
                                          const char      *created,
                                          GError         **error);

/* Loads @path and imports it into @store, its deck too when it has one,
 * all or nothing; see hep_case_store_import_cases_with_deck() for the id
 * and name rules. @deck_result (may be NULL) is set when the pack has a deck. */
GPtrArray  *hep_case_pack_import_file   (HepCaseStore     *store,
                                         const char       *path,
                                         gint64            now,
                                         GError          **error);
GPtrArray  *hep_case_pack_import_file_full (HepCaseStore         *store,
                                            const char           *path,
                                            gint64                now,
                                            HepDeckImportResult **deck_result,
                                            GError              **error);

G_END_DECLS
