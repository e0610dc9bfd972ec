/* hep-ddx-private.h: the rule tables of the differential reasoner
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The tables live in hep-ddx-rules.c, the engine in hep-ddx.c.
 */

#pragma once

#include "hep-ddx.h"

G_BEGIN_DECLS

typedef struct {
  const char   *id;
  const char   *title;     /* translatable */
  const char   *source;
  HepProvenance provenance;
} HepDdxRuleInfo;

extern const HepDdxRow        _hep_ddx_rows[];
extern const guint            _hep_ddx_n_rows;
extern const HepDdxFigure     _hep_ddx_figures[];
extern const guint            _hep_ddx_n_figures;
extern const HepDdxRuleInfo   _hep_ddx_hard_rules[HEP_N_DDX_HARD_RULES];
extern const HepDdxRuleInfo   _hep_ddx_pitfalls[HEP_N_DDX_PITFALLS];
extern const HepDdxRow        _hep_ddx_context_rows[HEP_N_DDX_CONTEXTS];

/* hep-ddx.c: a cell's grade as the spec writes it; a context row's with
 * @small_lesion after the small-lesion step */
HepDdxGrade _hep_ddx_cell_grade (const HepDdxRow *row,
                                 HepDdxDiagnosis  diagnosis,
                                 gboolean         small_lesion);

G_END_DECLS
