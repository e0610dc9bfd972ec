/* hep-list-sync.c
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "hep-list-sync.h"

#define SIGNATURE_KEY "hep-list-sync-signature"
#define KIND_KEY "hep-list-sync-kind"

void
hep_list_box_sync_row_full (GtkListBox    *box,
                            int            index,
                            char          *signature,
                            const char    *kind,
                            HepRowBuilder  build,
                            HepRowUpdater  update,
                            gpointer       data)
{
  GtkListBoxRow *existing = gtk_list_box_get_row_at_index (box, index);
  GtkWidget *row;

  if (existing != NULL &&
      g_strcmp0 (g_object_get_data (G_OBJECT (existing), SIGNATURE_KEY), signature) == 0)
    {
      g_free (signature);
      return;
    }

  if (existing != NULL && update != NULL && kind != NULL &&
      g_strcmp0 (g_object_get_data (G_OBJECT (existing), KIND_KEY), kind) == 0)
    {
      update (GTK_WIDGET (existing), data);
      g_object_set_data_full (G_OBJECT (existing), SIGNATURE_KEY, signature, g_free);
      return;
    }

  row = build (data);
  g_object_set_data_full (G_OBJECT (row), SIGNATURE_KEY, signature, g_free);
  g_object_set_data_full (G_OBJECT (row), KIND_KEY, g_strdup (kind), g_free);
  if (existing != NULL)
    gtk_list_box_remove (box, GTK_WIDGET (existing));
  gtk_list_box_insert (box, row, index);
}

void
hep_list_box_sync_row (GtkListBox    *box,
                       int            index,
                       char          *signature,
                       HepRowBuilder  build,
                       gpointer       data)
{
  hep_list_box_sync_row_full (box, index, signature, NULL, build, NULL, data);
}

void
hep_list_box_truncate (GtkListBox *box,
                       int         n_rows)
{
  GtkListBoxRow *row;

  while ((row = gtk_list_box_get_row_at_index (box, n_rows)) != NULL)
    gtk_list_box_remove (box, GTK_WIDGET (row));
}
