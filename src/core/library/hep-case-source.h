/* hep-case-source.h: the diffable text format of one case
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A case source is a UTF-8 GKeyFile with the list separator '|': group
 * [Case], group [Findings] and optional groups [Image 1], [Image 2]…
 * (docs/case-pack-format.md describes every key). The same groups, suffixed
 * with the case id ("[Case fnh-classic]"), make up a case pack.
 *
 * Parsing validates everything: required keys, vocabularies, feature tokens,
 * ranges and length limits. Unknown groups or keys are errors, so a typo
 * never loses data silently.
 */

#pragma once

#include <glib.h>

#include "hep-case.h"

G_BEGIN_DECLS

#define HEP_CASE_SOURCE_ERROR (hep_case_source_error_quark ())

typedef enum {
  HEP_CASE_SOURCE_ERROR_PARSE,     /* not a key file, or not UTF-8 */
  HEP_CASE_SOURCE_ERROR_MISSING,   /* a required group or key is missing */
  HEP_CASE_SOURCE_ERROR_INVALID,   /* a value is outside its vocabulary or range */
  HEP_CASE_SOURCE_ERROR_TOO_LONG,  /* a field or list exceeds its limit */
  HEP_CASE_SOURCE_ERROR_UNKNOWN,   /* an unknown group or key */
  HEP_CASE_SOURCE_ERROR_BAD_ID,    /* the id is malformed or does not match the file name */
  HEP_CASE_SOURCE_ERROR_DUPLICATE, /* a group or a key given twice */
} HepCaseSourceError;

/* Limits, in bytes of UTF-8 or in entries. */
#define HEP_CASE_MAX_ID          64
#define HEP_CASE_MAX_TITLE       300
#define HEP_CASE_MAX_SHORT       200     /* author, licence */
#define HEP_CASE_MAX_TEXT        8000    /* history, presentation, each finding */
#define HEP_CASE_MAX_ITEM        2000    /* one teaching point, pitfall or reference */
#define HEP_CASE_MAX_ITEMS       30      /* entries of one list */
#define HEP_CASE_MAX_TAG         64
#define HEP_CASE_MAX_FEATURES    1000
#define HEP_CASE_MAX_IMAGES      20

GQuark    hep_case_source_error_quark   (void);

gboolean  hep_case_id_is_valid          (const char  *id);

/* One case file; its id must equal the file's basename without ".case". */
HepCase  *hep_case_source_load_file     (const char  *path,
                                         GError     **error);
HepCase  *hep_case_source_parse         (const char  *data,
                                         gsize        length,
                                         GError     **error);
/* Reads the groups of one case from @key_file. @suffix is NULL for a case
 * file ("[Case]") or the case id for a pack ("[Case ID]"). Groups of other
 * cases are ignored; unknown keys in this case's groups are errors. */
HepCase  *hep_case_source_parse_key_file (GKeyFile   *key_file,
                                         const char  *suffix,
                                         GError     **error);
/* The same, for a caller that has counted this case's "Image SUFFIX N"
 * groups in one pass over all of them (@n_images; -1: count them here, a
 * pass over every group of the file for each case). */
HepCase  *hep_case_source_parse_key_file_full (GKeyFile  *key_file,
                                         const char  *suffix,
                                         int          n_images,
                                         GError     **error);
/* The checks GKeyFile does not make, on the raw text (GKeyFile merges a
 * repeated group and keeps the last of a repeated key): a group given twice
 * (however its line ends, CRLF included), a key given twice in a group, and
 * a localized key ("Title[fr]=") that this version does not read are errors
 * naming the line. */
gboolean  hep_case_source_check_lines   (const char  *data,
                                         gsize        length,
                                         GError     **error);
/* Validates a case built in code with the same rules. */
gboolean  hep_case_source_validate      (HepCase     *c,
                                         GError     **error);

void      hep_case_source_write_key_file (HepCase    *c,
                                         GKeyFile    *key_file,
                                         const char  *suffix);
char     *hep_case_source_to_data       (HepCase     *c,
                                         gsize       *length);

G_END_DECLS
