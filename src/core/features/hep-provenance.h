/* hep-provenance.h: where a clinical statement comes from
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Mirrors the tags of shared/clinical/clinical-rules.md §0. Anything that is
 * not PRIMARY or SECONDARY is shown with an "unverified" badge.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  HEP_PROVENANCE_PRIMARY,      /* [P] seen in the primary document */
  HEP_PROVENANCE_SECONDARY,    /* [S] seen in a secondary source */
  HEP_PROVENANCE_UNCONFIRMED,  /* [K] background knowledge, not confirmed */
  HEP_PROVENANCE_DESIGN,       /* [D] a design choice of the app */
} HepProvenance;

const char *hep_provenance_to_string (HepProvenance provenance);
const char *hep_provenance_get_label (HepProvenance provenance);
gboolean    hep_provenance_is_verified (HepProvenance provenance);

G_END_DECLS
