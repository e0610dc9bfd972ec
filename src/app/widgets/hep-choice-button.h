/* hep-choice-button.h: a button that shows one choice of a list, and a
 * popover of them all to pick another
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What a GtkDropDown or an AdwComboRow offers for a short list of strings,
 * but its popover is made when first opened: those two make a popover with
 * a list view, a factory and a search entry as they are made, which cost
 * the window's first frame a millisecond for each of the filters and the
 * feature panel's choice rows. The button itself is the accessible widget
 * (a button with a popup, expanded while it shows), so labels, relations
 * and descriptions go on it as on any button.
 *
 * The model holds GtkStringObjects (a GtkStringList); "selected" is a
 * position in it, GTK_INVALID_LIST_POSITION for none. With "enable-search"
 * the popover has a search entry that narrows the list as one types. With
 * "fit-first" the button is never narrower than its first entry in full
 * (a filter's "All …"); a longer choice is ellipsized.
 */

#pragma once

#include <gtk/gtk.h>

#include "hep-text-row.h"

G_BEGIN_DECLS

#define HEP_TYPE_CHOICE_BUTTON (hep_choice_button_get_type ())

G_DECLARE_FINAL_TYPE (HepChoiceButton, hep_choice_button, HEP, CHOICE_BUTTON, GtkButton)

GtkWidget  *hep_choice_button_new          (GListModel      *model);
void        hep_choice_button_set_model    (HepChoiceButton *self,
                                            GListModel      *model);
GListModel *hep_choice_button_get_model    (HepChoiceButton *self);
void        hep_choice_button_set_selected (HepChoiceButton *self,
                                            guint            position);
guint       hep_choice_button_get_selected (HepChoiceButton *self);
void        hep_choice_button_add_to_row   (HepChoiceButton *self,
                                            HepTextRow      *row);
/* The popover, or NULL until the button is first opened. */
GtkPopover *hep_choice_button_get_popover  (HepChoiceButton *self);
void        hep_choice_button_popup        (HepChoiceButton *self);
void        hep_choice_button_popdown      (HepChoiceButton *self);

G_END_DECLS
