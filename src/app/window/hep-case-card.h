/* hep-case-card.h: one teaching case, with its spoilers hidden on request
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "hep-case.h"

G_BEGIN_DECLS

#define HEP_TYPE_CASE_CARD (hep_case_card_get_type ())

G_DECLARE_FINAL_TYPE (HepCaseCard, hep_case_card, HEP, CASE_CARD, AdwBin)

void     hep_case_card_set_case     (HepCaseCard *self,
                                     HepCase     *c);
HepCase *hep_case_card_get_case     (HepCaseCard *self);
/* Spoilers are hidden while the card is "unknown" and not revealed. */
void     hep_case_card_set_unknown  (HepCaseCard *self,
                                     gboolean     unknown);
void     hep_case_card_set_revealed (HepCaseCard *self,
                                     gboolean     revealed);
gboolean hep_case_card_get_hiding   (HepCaseCard *self);
void     hep_case_card_set_lower_waiting (HepCaseCard *self,
                                          gboolean     waiting);
gboolean hep_case_card_get_lower_top     (HepCaseCard *self,
                                          GtkWidget   *relative_to,
                                          double      *y);

G_END_DECLS
