/* hep-window.h
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "hep-application.h"

G_BEGIN_DECLS

#define HEP_TYPE_WINDOW (hep_window_get_type ())

G_DECLARE_FINAL_TYPE (HepWindow, hep_window, HEP, WINDOW, AdwApplicationWindow)

HepWindow *hep_window_new (HepApplication *application);

G_END_DECLS
