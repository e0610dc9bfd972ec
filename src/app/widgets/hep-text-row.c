/* hep-text-row.c
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "hep-text-row.h"

#include "hep-hfw-bin.h"
#include "hep-wrap-label.h"

struct _HepTextRow
{
  GtkListBoxRow parent_instance;

  /* Borrowed: descendants */
  GtkBox       *box;
  HepWrapLabel *title;
  HepWrapLabel *subtitle;
  GtkWidget    *text;       /* the HepHfwBin holding the labels */
  GtkWidget    *activatable_widget;
  GtkWidget    *list_box;   /* the parent whose row-activated we follow */
};

G_DEFINE_FINAL_TYPE (HepTextRow, hep_text_row, GTK_TYPE_LIST_BOX_ROW)

static void
row_activated_cb (GtkListBox    *list_box,
                  GtkListBoxRow *row,
                  HepTextRow    *self)
{
  if (row == GTK_LIST_BOX_ROW (self) && self->activatable_widget != NULL)
    gtk_widget_mnemonic_activate (self->activatable_widget, FALSE);
}

static void
parent_cb (HepTextRow *self)
{
  GtkWidget *parent = gtk_widget_get_parent (GTK_WIDGET (self));

  if (self->list_box != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->list_box, row_activated_cb, self);
      g_object_remove_weak_pointer (G_OBJECT (self->list_box), (gpointer *) &self->list_box);
      self->list_box = NULL;
    }
  if (GTK_IS_LIST_BOX (parent) && self->activatable_widget != NULL)
    {
      self->list_box = parent;
      g_object_add_weak_pointer (G_OBJECT (parent), (gpointer *) &self->list_box);
      g_signal_connect (parent, "row-activated", G_CALLBACK (row_activated_cb), self);
    }
}

static void
hep_text_row_dispose (GObject *object)
{
  HepTextRow *self = HEP_TEXT_ROW (object);

  g_clear_weak_pointer (&self->activatable_widget);
  parent_cb (self);
  G_OBJECT_CLASS (hep_text_row_parent_class)->dispose (object);
}

static void
hep_text_row_class_init (HepTextRowClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = hep_text_row_dispose;
  gtk_widget_class_set_css_name (GTK_WIDGET_CLASS (klass), "row");
}

static void
hep_text_row_init (HepTextRow *self)
{
  GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);

  self->box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12));
  gtk_widget_add_css_class (GTK_WIDGET (self->box), "text-row-box");

  /* HepWrapLabel, not GtkLabel: a wrapping GtkLabel lays its text out at
   * width zero for its minimum width whenever it is allocated */
  self->title = HEP_WRAP_LABEL (hep_wrap_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->title), "title");

  self->subtitle = HEP_WRAP_LABEL (hep_wrap_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->subtitle), "subtitle");
  gtk_widget_set_visible (GTK_WIDGET (self->subtitle), FALSE);

  gtk_box_append (GTK_BOX (labels), GTK_WIDGET (self->title));
  gtk_box_append (GTK_BOX (labels), GTK_WIDGET (self->subtitle));

  /* centred as a whole, by the bin: a vertical GtkBox that is not
   * allocated its full height looks for its narrowest width at that
   * height, laying its labels out a dozen times; the bin is asked its
   * width without a height */
  self->text = hep_hfw_bin_new (labels);
  gtk_widget_set_valign (self->text, GTK_ALIGN_CENTER);
  gtk_widget_set_hexpand (self->text, TRUE);
  gtk_box_append (self->box, self->text);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (self), GTK_WIDGET (self->box));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self), FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (self), "text-row");
  g_signal_connect (self, "notify::parent", G_CALLBACK (parent_cb), NULL);
}

GtkWidget *
hep_text_row_new (const char *title,
                  const char *subtitle)
{
  HepTextRow *self = g_object_new (HEP_TYPE_TEXT_ROW, NULL);

  hep_text_row_set_title (self, title);
  hep_text_row_set_subtitle (self, subtitle);
  return GTK_WIDGET (self);
}

void
hep_text_row_set_title (HepTextRow *self,
                        const char *title)
{
  g_return_if_fail (HEP_IS_TEXT_ROW (self));

  hep_wrap_label_set_text (self->title, title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, title ? title : "", -1);
}

const char *
hep_text_row_get_title (HepTextRow *self)
{
  g_return_val_if_fail (HEP_IS_TEXT_ROW (self), NULL);
  return hep_wrap_label_get_text (self->title);
}

void
hep_text_row_set_subtitle (HepTextRow *self,
                           const char *subtitle)
{
  gboolean show = subtitle != NULL && *subtitle != '\0';

  g_return_if_fail (HEP_IS_TEXT_ROW (self));

  hep_wrap_label_set_text (self->subtitle, show ? subtitle : "");
  gtk_widget_set_visible (GTK_WIDGET (self->subtitle), show);
}

const char *
hep_text_row_get_subtitle (HepTextRow *self)
{
  g_return_val_if_fail (HEP_IS_TEXT_ROW (self), NULL);
  return gtk_widget_get_visible (GTK_WIDGET (self->subtitle)) ? hep_wrap_label_get_text (self->subtitle) : NULL;
}

void
hep_text_row_set_subtitle_single_line (HepTextRow *self,
                                       gboolean    single_line)
{
  g_return_if_fail (HEP_IS_TEXT_ROW (self));

  hep_wrap_label_set_single_line (self->subtitle, single_line);
}

void
hep_text_row_add_prefix (HepTextRow *self,
                         GtkWidget  *widget)
{
  g_return_if_fail (HEP_IS_TEXT_ROW (self));
  gtk_widget_set_valign (widget, GTK_ALIGN_CENTER);
  gtk_box_prepend (self->box, widget);
}

void
hep_text_row_add_suffix (HepTextRow *self,
                         GtkWidget  *widget)
{
  g_return_if_fail (HEP_IS_TEXT_ROW (self));
  gtk_widget_set_valign (widget, GTK_ALIGN_CENTER);
  gtk_box_append (self->box, widget);
}

GtkWidget *
hep_text_row_get_title_widget (HepTextRow *self)
{
  g_return_val_if_fail (HEP_IS_TEXT_ROW (self), NULL);
  return GTK_WIDGET (self->title);
}

/* Activating the row (a click, Enter) activates @widget, as in an
 * AdwActionRow; the title labels it for assistive technologies. */
void
hep_text_row_set_activatable_widget (HepTextRow *self,
                                     GtkWidget  *widget)
{
  g_return_if_fail (HEP_IS_TEXT_ROW (self));
  g_return_if_fail (widget == NULL || GTK_IS_WIDGET (widget));

  g_set_weak_pointer (&self->activatable_widget, widget);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self), widget != NULL);
  if (widget != NULL)
    gtk_accessible_update_relation (GTK_ACCESSIBLE (widget),
                                    GTK_ACCESSIBLE_RELATION_LABELLED_BY, self->title, NULL,
                                    -1);
  parent_cb (self);
}
