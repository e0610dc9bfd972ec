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

/* hep-window-export.c */
void            _hep_window_export_diagram   (HepWindow   *self);

G_END_DECLS
