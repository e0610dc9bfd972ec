/* hep-case-browser.h: the case library in the sidebar
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "hep-case-store.h"

G_BEGIN_DECLS

#define HEP_TYPE_CASE_BROWSER (hep_case_browser_get_type ())

G_DECLARE_FINAL_TYPE (HepCaseBrowser, hep_case_browser, HEP, CASE_BROWSER, AdwBin)

void          hep_case_browser_set_store     (HepCaseBrowser *self,
                                              HepCaseStore   *store);
void            hep_case_browser_set_first_rows (HepCaseBrowser *self,
                                                 guint           rows);
void          hep_case_browser_set_unknown   (HepCaseBrowser *self,
                                              gboolean        unknown);
/* Selects the case with this id if it is in the list; returns whether it is. */
gboolean      hep_case_browser_select        (HepCaseBrowser *self,
                                              const char     *id);
/* The case @offset places after (or before, if negative) the selected one. */
HepCase      *hep_case_browser_get_neighbour (HepCaseBrowser *self,
                                              int             offset);
void          hep_case_browser_focus_search  (HepCaseBrowser *self);

G_END_DECLS
