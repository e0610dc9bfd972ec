/* hep-window.h
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "hep-application.h"
#include "hep-core.h"

G_BEGIN_DECLS

#define HEP_TYPE_WINDOW (hep_window_get_type ())

G_DECLARE_FINAL_TYPE (HepWindow, hep_window, HEP, WINDOW, AdwApplicationWindow)

HepWindow       *hep_window_new               (HepApplication *application);
HepFeatureState *hep_window_get_feature_state (HepWindow      *self);
gboolean         hep_window_explore           (HepWindow      *self,
                                               const char     *tokens,
                                               GError        **error);
gboolean         hep_window_open_case         (HepWindow      *self,
                                               const char     *id,
                                               GError        **error);
HepCase         *hep_window_get_case          (HepWindow      *self);
gboolean         hep_window_show_page         (HepWindow      *self,
                                               const char     *name);
const char      *hep_window_get_page          (HepWindow      *self);
GtkWidget       *hep_window_get_page_widget   (HepWindow      *self,
                                               const char     *name);
/* TRUE until the first frame is shown, what waited for it is built and the
 * diagrams are drawn; then FALSE for good ("loading", notifies). */
gboolean         hep_window_get_loading       (HepWindow      *self);

G_END_DECLS
