/* hep-window-private.h: what the window's own files share
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "hep-diagram-view.h"
#include "hep-window.h"

G_BEGIN_DECLS

HepDiagramView *_hep_window_get_diagram_view (HepWindow   *self,
                                              HepDiagramKind kind);
void            _hep_window_show_toast       (HepWindow   *self,
                                              const char  *message);

void            _hep_window_add_toast        (HepWindow   *self,
                                              AdwToast    *toast);
/* The store to write to (imports); NULL while the user's database could
 * not be opened. */
HepCaseStore   *_hep_window_get_store        (HepWindow   *self);
/* "unknown-case" while unknown-case mode hides the case, else its id;
 * "explore" without one: for file names */
const char     *_hep_window_get_file_stem    (HepWindow   *self);

/* hep-window-export.c */
void            _hep_window_export_diagram   (HepWindow   *self);

/* hep-window-import.c */
void            _hep_window_import_pack      (HepWindow   *self);
void            _hep_window_import_pack_file (HepWindow   *self,
                                              const char  *path);

G_END_DECLS
