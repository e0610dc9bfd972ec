/* hep-json.h: a small streaming JSON writer for the CLI and case packs
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Writes compact, valid JSON (RFC 8259) with locale-independent numbers.
 * Commas are inserted automatically.
 *
 *   HepJson *j = hep_json_new ();
 *   hep_json_begin_object (j);
 *   hep_json_member_string (j, "category", "LR-5");
 *   hep_json_end_object (j);
 *   char *text = hep_json_free_to_string (j);
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _HepJson HepJson;

HepJson *hep_json_new               (void);
void     hep_json_free              (HepJson    *self);
char    *hep_json_free_to_string    (HepJson    *self);

void     hep_json_begin_object      (HepJson    *self);
void     hep_json_end_object        (HepJson    *self);
void     hep_json_begin_array       (HepJson    *self);
void     hep_json_end_array         (HepJson    *self);
void     hep_json_key               (HepJson    *self,
                                     const char *key);

void     hep_json_string            (HepJson    *self,
                                     const char *value);
void     hep_json_int               (HepJson    *self,
                                     gint64      value);
void     hep_json_double            (HepJson    *self,
                                     double      value);
void     hep_json_boolean           (HepJson    *self,
                                     gboolean    value);
void     hep_json_null              (HepJson    *self);

/* key + value in one call */
void     hep_json_member_string     (HepJson    *self,
                                     const char *key,
                                     const char *value);
void     hep_json_member_int        (HepJson    *self,
                                     const char *key,
                                     gint64      value);
void     hep_json_member_double     (HepJson    *self,
                                     const char *key,
                                     double      value);
void     hep_json_member_boolean    (HepJson    *self,
                                     const char *key,
                                     gboolean    value);

void     hep_json_append_escaped    (GString    *out,
                                     const char *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HepJson, hep_json_free)

G_END_DECLS
