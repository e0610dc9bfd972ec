/* hep-application.h
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "hep-case-store.h"
#include "hep-db-backup.h"

G_BEGIN_DECLS

#define HEP_TYPE_APPLICATION (hep_application_get_type ())

G_DECLARE_FINAL_TYPE (HepApplication, hep_application, HEP, APPLICATION, AdwApplication)

HepApplication *hep_application_new          (void);
GSettings      *hep_application_get_settings (HepApplication *self);
/* The case library. When the user database could not be opened (see
 * ..._get_store_error), the bundled library with a throwaway user database. */
HepCaseStore   *hep_application_get_store    (HepApplication *self);
const GError   *hep_application_get_store_error (HepApplication *self);
/* TRUE when the user's database failed its check: the window offers a repair. */
gboolean        hep_application_get_store_damaged (HepApplication *self);
gboolean        hep_application_repair_store (HepApplication    *self,
                                              HepDbRepairReport *report,
                                              GError           **error);
/* Presenter mode for a deck or a case; @return_to (or NULL) is shown again
 * when it ends. Returns the audience view. */
GtkWindow      *hep_application_present      (HepApplication    *self,
                                              const char        *id,
                                              GtkWindow         *return_to,
                                              GError           **error);

G_END_DECLS
