/* hep-window.c: the main window
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "hep-window.h"

struct _HepWindow
{
  AdwApplicationWindow parent_instance;
};

G_DEFINE_FINAL_TYPE (HepWindow, hep_window, ADW_TYPE_APPLICATION_WINDOW)

static void
hep_window_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), HEP_TYPE_WINDOW);
  G_OBJECT_CLASS (hep_window_parent_class)->dispose (object);
}

static void
hep_window_class_init (HepWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hep_window_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/hep-window.ui");
}

static void
hep_window_init (HepWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

HepWindow *
hep_window_new (HepApplication *application)
{
  return g_object_new (HEP_TYPE_WINDOW, "application", application, NULL);
}
