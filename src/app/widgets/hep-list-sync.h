/* hep-list-sync.h: update a GtkListBox in place, row by row
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The side panel redraws on every toggle. Rebuilding every row costs text
 * shaping and a relayout; these helpers replace only the rows whose content
 * (summarised by a signature string) changed.
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef GtkWidget *(*HepRowBuilder) (gpointer data);
typedef void       (*HepRowUpdater) (GtkWidget *row,
                                     gpointer   data);

/* Makes row @index show @signature, building it with @build (@data) unless
 * the row there already has that signature. Takes @signature. */
void hep_list_box_sync_row (GtkListBox    *box,
                            int            index,
                            char          *signature,
                            HepRowBuilder  build,
                            gpointer       data);

/* The same, but a row of the same @kind (not NULL) is updated in place with
 * @update instead of being replaced: a new row costs more to build, style
 * and measure than new text in an old one. */
void hep_list_box_sync_row_full (GtkListBox    *box,
                                 int            index,
                                 char          *signature,
                                 const char    *kind,
                                 HepRowBuilder  build,
                                 HepRowUpdater  update,
                                 gpointer       data);

/* Removes the rows from @n_rows on. */
void hep_list_box_truncate (GtkListBox    *box,
                            int            n_rows);

G_END_DECLS
