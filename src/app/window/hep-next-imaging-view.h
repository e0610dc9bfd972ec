/* hep-next-imaging-view.h: the ACR next imaging step, and US LI-RADS
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "hep-core.h"
#include "hep-state-view.h"
#include "hep-next-imaging.h"

G_BEGIN_DECLS

#define HEP_TYPE_NEXT_IMAGING_VIEW (hep_next_imaging_view_get_type ())

G_DECLARE_FINAL_TYPE (HepNextImagingView, hep_next_imaging_view, HEP, NEXT_IMAGING_VIEW, HepStateView)

void         hep_next_imaging_view_set_found_on (HepNextImagingView *self,
                                                 HepFoundOn          found_on);
HepProcedure hep_next_imaging_view_get_best     (HepNextImagingView *self,
                                                 gboolean           *has_best);

void     hep_next_imaging_view_set_hiding   (HepNextImagingView *self,
                                            gboolean            hiding);

G_END_DECLS
