/* hep-case-spoilers.h: unknown-case mode, the one rule
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Which fields of a case give the answer away. Every view, search, filter,
 * accessible name, export, quiz question and presenter step asks this file,
 * and nothing else, what it may show while a case is unknown:
 *
 *  - always hidden, whatever the case lists: the diagnosis, its proof and
 *    certainty, the outcome (what proved it), the LI-RADS category on file,
 *    teaching points, pitfalls, references and tags (HEP_CASE_SPOILER_ALWAYS);
 *  - hidden because the case lists them in Spoilers= (the title, a phase's
 *    findings);
 *  - hidden because they name a diagnosis: the title, a phase's findings or
 *    an image caption that contains a diagnosis name or synonym of
 *    hep_diagnosis_find_name(), whichever diagnosis it is (naming a wrong
 *    one hints by exclusion).
 *
 * The history and the presentation are never hidden: they are the clinical
 * setting, a teacher's first question. A case whose history or presentation
 * names its own diagnosis is an error of the case, which
 * hep_case_check_spoilers() reports, unless the name is the setting itself: a
 * prior HCC (risk=prior-hcc), a known primary's metastases elsewhere
 * (known-malignancy).
 */

#pragma once

#include "hep-case.h"

G_BEGIN_DECLS

#define HEP_CASE_SPOILER_ALWAYS (HEP_CASE_SPOILER_DIAGNOSIS | HEP_CASE_SPOILER_PROOF | \
                                 HEP_CASE_SPOILER_CERTAINTY | HEP_CASE_SPOILER_LIRADS | \
                                 HEP_CASE_SPOILER_TEACHING_POINTS | HEP_CASE_SPOILER_PITFALLS | \
                                 HEP_CASE_SPOILER_REFERENCES | HEP_CASE_SPOILER_TAGS | \
                                 HEP_CASE_SPOILER_OUTCOME)

/* Where a diagnosis is named in a text. */
typedef struct {
  const char *diagnosis;   /* the diagnosis id ("hcc", "fnh", …) */
  const char *name;        /* the name or synonym as listed ("focal nodular hyperplasia") */
  gsize       start;       /* byte offset in the text */
  gsize       length;      /* bytes */
} HepDiagnosisMatch;

gboolean            hep_diagnosis_find_name        (const char         *text,
                                                    HepDiagnosisMatch  *match);
const char * const *hep_diagnosis_get_names        (const char         *diagnosis);

/* Every field unknown-case mode hides for @self (a HepCaseSpoiler mask). */
guint               hep_case_get_hidden_fields     (HepCase            *self);
/* Whether @spoiler, one HepCaseSpoiler bit, is hidden for @self. */
gboolean            hep_case_hides                 (HepCase            *self,
                                                    HepCaseSpoiler      spoiler);
/* Whether the caption of image @index names a diagnosis (then hidden). */
gboolean            hep_case_hides_image_caption   (HepCase            *self,
                                                    guint               index);
/* All the text of @self that unknown-case mode shows, for search: the title
 * unless hidden, the history, the presentation and every finding not hidden. */
char               *hep_case_dup_open_text         (HepCase            *self);

/* What a case author should fix: a finding or title that names a diagnosis
 * without being listed in Spoilers=, a history or presentation that names the
 * case's own diagnosis. One line each, naming the field and the words. */
GPtrArray          *hep_case_check_spoilers        (HepCase            *self);

G_END_DECLS
