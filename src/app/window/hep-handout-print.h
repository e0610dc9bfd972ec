/* hep-handout-print.h: handouts and slides printed or exported from the app
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The documents of hep-handout.h through GtkPrintOperation: printed (the
 * print dialog; through the portal in the Flatpak) or exported as PDF, each
 * page drawn by hep_handout_draw_page(), the code that writes the PDF of
 * `hepatica-cli handout`.
 */

#pragma once

#include <gtk/gtk.h>

#include "hep-core.h"
#include "hep-handout.h"

G_BEGIN_DECLS

/* Runs a print operation of @cases (HepCase, in order) as @options say:
 * GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, or ..._EXPORT to the PDF file
 * @export_path. Questions and answers go on the paper of @options; slides
 * on 16:9 pages when exported, else across the printer's paper. */
GtkPrintOperationResult hep_handout_print       (GtkWindow                *parent,
                                                 GPtrArray                *cases,
                                                 const HepHandoutOptions  *options,
                                                 GtkPrintOperationAction   action,
                                                 const char               *export_path,
                                                 GError                  **error);

/* The dialog that asks which document (questions, answer key, slides) and
 * which paper, then prints it or exports it as PDF. @title: the deck's name,
 * or NULL for a case. @file_stem names the exported file. */
GtkWindow              *hep_handout_dialog_show (GtkWindow                *parent,
                                                 GPtrArray                *cases,
                                                 const char               *title,
                                                 const char               *file_stem);

G_END_DECLS
