/* hep-ddx-view.h: the ranked differential with its evidence and pitfalls
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "hep-core.h"
#include "hep-state-view.h"
#include "hep-ddx.h"

G_BEGIN_DECLS

#define HEP_TYPE_DDX_VIEW (hep_ddx_view_get_type ())

G_DECLARE_FINAL_TYPE (HepDdxView, hep_ddx_view, HEP, DDX_VIEW, HepStateView)

HepDdxDiagnosis hep_ddx_view_get_top   (HepDdxView      *self);

G_END_DECLS
