/* hep-window-export.c: Export Diagram…
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A small dialog chooses the diagram, format, size and style; the file is
 * chosen with GtkFileChooserNative, which goes through the file-chooser
 * portal inside the Flatpak sandbox (the app has no filesystem access).
 * GtkFileDialog would need GTK 4.10.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "hep-window-private.h"

typedef struct {
  HepWindow      *window;      /* borrowed: the dialogs are modal to it */
  AdwComboRow    *kind_row;
  AdwComboRow    *format_row;
  AdwComboRow    *style_row;
  GtkSpinButton  *width_spin;
  GtkSpinButton  *height_spin;
  HepDiagramKind  kind;
  HepDiagramTheme theme;
  int             width;
  int             height;
} ExportJob;

static const char *extensions[] = { "png", "svg", "pdf" };

static void
export_job_free (ExportJob *job)
{
  g_free (job);
}

static void
file_chosen_cb (GtkNativeDialog *chooser,
                int              response,
                ExportJob       *job)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *message = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      path = file ? g_file_get_path (file) : NULL;
      if (path == NULL)
        message = g_strdup (_("Could not export: the chosen location has no local path"));
      else if (!hep_diagram_view_export (_hep_window_get_diagram_view (job->window, job->kind),
                                         path, job->width, job->height, job->theme, &error))
        message = g_strdup_printf (_("Could not export: %s"), error->message);
      else
        {
          g_autofree char *name = g_file_get_basename (file);
          message = g_strdup_printf (_("Diagram exported to “%s”"), name);
        }
      _hep_window_show_toast (job->window, message);
    }

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  export_job_free (job);
}

static void
options_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     ExportJob        *job)
{
  GtkFileChooserNative *chooser;
  g_autofree char *name = NULL;
  guint format;

  if (!g_str_equal (response, "export"))
    {
      export_job_free (job);
      return;
    }

  job->kind = adw_combo_row_get_selected (job->kind_row) == 1 ? HEP_DIAGRAM_KIND_PHASES : HEP_DIAGRAM_KIND_CURVE;
  job->theme = adw_combo_row_get_selected (job->style_row) == 1 ? HEP_DIAGRAM_THEME_DARK : HEP_DIAGRAM_THEME_LIGHT;
  job->width = gtk_spin_button_get_value_as_int (job->width_spin);
  job->height = gtk_spin_button_get_value_as_int (job->height_spin);
  format = MIN (adw_combo_row_get_selected (job->format_row), G_N_ELEMENTS (extensions) - 1);

  chooser = gtk_file_chooser_native_new (_("Export Diagram"), GTK_WINDOW (job->window),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  /* a name from the case (never one that gives the answer away), in Pictures */
  name = g_strdup_printf ("hepatica-%s-%s.%s", _hep_window_get_file_stem (job->window),
                          job->kind == HEP_DIAGRAM_KIND_PHASES ? "phases" : "curves", extensions[format]);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  if (g_get_user_special_dir (G_USER_DIRECTORY_PICTURES) != NULL)
    {
      g_autoptr(GFile) pictures = g_file_new_for_path (g_get_user_special_dir (G_USER_DIRECTORY_PICTURES));
      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), pictures, NULL);
    }
  g_signal_connect (chooser, "response", G_CALLBACK (file_chosen_cb), job);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static AdwComboRow *
combo_row (const char         *title,
           const char * const *items)
{
  GtkWidget *row = adw_combo_row_new ();
  g_autoptr(GtkStringList) model = gtk_string_list_new (items);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
  return ADW_COMBO_ROW (row);
}

static GtkSpinButton *
spin_row (AdwPreferencesGroup *group,
          const char          *title,
          int                  value)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (200, 4000, 10);

  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), value);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("pixels"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  adw_preferences_group_add (group, row);
  return GTK_SPIN_BUTTON (spin);
}

void
_hep_window_export_diagram (HepWindow *self)
{
  static const char *kinds[] = { N_("Enhancement curves"), N_("Phase by phase"), NULL };
  static const char *formats[] = { "PNG", "SVG", "PDF", NULL };
  static const char *styles[] = { N_("Light"), N_("Dark"), NULL };
  const char *kinds_t[] = { _(kinds[0]), _(kinds[1]), NULL };
  const char *styles_t[] = { _(styles[0]), _(styles[1]), NULL };
  ExportJob *job = g_new0 (ExportJob, 1);
  GtkWidget *dialog;
  GtkWidget *group = adw_preferences_group_new ();

  job->window = self;
  job->kind_row = combo_row (_("Diagram"), kinds_t);
  job->format_row = combo_row (_("Format"), formats);
  job->style_row = combo_row (_("Style"), styles_t);
  if (adw_style_manager_get_dark (adw_style_manager_get_default ()))
    adw_combo_row_set_selected (job->style_row, 1);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (job->kind_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (job->format_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (job->style_row));
  job->width_spin = spin_row (ADW_PREFERENCES_GROUP (group), _("Width"), 1200);
  job->height_spin = spin_row (ADW_PREFERENCES_GROUP (group), _("Height"), 720);

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Export Diagram"),
                                   _("Schematic diagrams of the current features, for slides and handouts."));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), group);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "export", _("_Choose File…"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "export", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "export");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (options_response_cb), job);
  gtk_window_present (GTK_WINDOW (dialog));
}
