/* hep-handout-print.c: handouts and slides printed or exported from the app
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The document is laid out once (HepHandout, in hep-handout.c) before the
 * operation starts, so the number of pages is known; draw-page replays one
 * recorded page onto the printer's context, scaled to its paper.
 */

#include "config.h"

#include "hep-handout-print.h"

#include <adwaita.h>
#include <glib/gi18n.h>

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              HepHandout        *handout)
{
  if (page_nr < 0 || (guint) page_nr >= hep_handout_get_n_pages (handout))
    return;
  hep_handout_draw_page (handout, (guint) page_nr, gtk_print_context_get_cairo_context (context),
                         gtk_print_context_get_width (context), gtk_print_context_get_height (context));
}

static GtkPageSetup *
make_page_setup (HepHandout              *handout,
                 const HepHandoutOptions *options,
                 gboolean                 export)
{
  GtkPageSetup *setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) paper = NULL;
  double width, height;

  hep_handout_get_page_size (handout, &width, &height);
  if (options->kind == HEP_HANDOUT_SLIDES && export)
    /* a PDF of slides has the slides' own 16:9 pages, as the CLI's */
    paper = gtk_paper_size_new_custom ("hepatica-slides", _("Slides (16:9)"), width, height, GTK_UNIT_POINTS);
  else
    paper = gtk_paper_size_new (options->paper == HEP_PAPER_LETTER ? GTK_PAPER_NAME_LETTER : GTK_PAPER_NAME_A4);
  gtk_page_setup_set_paper_size (setup, paper);
  if (options->kind == HEP_HANDOUT_SLIDES && !export)
    gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_LANDSCAPE);
  /* the document has its own margins */
  gtk_page_setup_set_top_margin (setup, 0, GTK_UNIT_POINTS);
  gtk_page_setup_set_bottom_margin (setup, 0, GTK_UNIT_POINTS);
  gtk_page_setup_set_left_margin (setup, 0, GTK_UNIT_POINTS);
  gtk_page_setup_set_right_margin (setup, 0, GTK_UNIT_POINTS);
  return setup;
}

GtkPrintOperationResult
hep_handout_print (GtkWindow                *parent,
                   GPtrArray                *cases,
                   const HepHandoutOptions  *options,
                   GtkPrintOperationAction   action,
                   const char               *export_path,
                   GError                  **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GtkPageSetup) setup = NULL;
  HepHandout *handout;
  gboolean export = action == GTK_PRINT_OPERATION_ACTION_EXPORT;

  g_return_val_if_fail (cases != NULL && options != NULL, GTK_PRINT_OPERATION_RESULT_ERROR);
  g_return_val_if_fail (!export || export_path != NULL, GTK_PRINT_OPERATION_RESULT_ERROR);

  handout = hep_handout_new (cases, options, error);
  if (handout == NULL)
    return GTK_PRINT_OPERATION_RESULT_ERROR;
  operation = gtk_print_operation_new ();
  g_object_set_data_full (G_OBJECT (operation), "hep-handout", handout, (GDestroyNotify) hep_handout_free);
  setup = make_page_setup (handout, options, export);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_n_pages (operation, (int) hep_handout_get_n_pages (handout));
  gtk_print_operation_set_job_name (operation, options->title ? options->title : _("Hepatica handout"));
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  if (export)
    gtk_print_operation_set_export_filename (operation, export_path);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), handout);
  return gtk_print_operation_run (operation, action, parent, error);
}

/* ---- the dialog ---------------------------------------------------------- */

typedef struct {
  GtkWindow       *parent;
  GPtrArray       *cases;
  char            *title;
  char            *file_stem;
  GtkCheckButton  *kinds[3];     /* HepHandoutKind order */
  GtkCheckButton  *letter;
} Dialog;

static void
dialog_free (Dialog *d)
{
  g_clear_object (&d->parent);
  g_clear_pointer (&d->cases, g_ptr_array_unref);
  g_free (d->title);
  g_free (d->file_stem);
  g_free (d);
}

static void
dialog_options (Dialog            *d,
                HepHandoutOptions *options)
{
  options->kind = HEP_HANDOUT_QUESTIONS;
  for (guint i = 0; i < G_N_ELEMENTS (d->kinds); i++)
    if (gtk_check_button_get_active (d->kinds[i]))
      options->kind = (HepHandoutKind) i;
  options->paper = gtk_check_button_get_active (d->letter) ? HEP_PAPER_LETTER : HEP_PAPER_A4;
  options->title = d->title;
}

static void
show_error (GtkWindow  *parent,
            const char *heading,
            GError     *error)
{
  GtkWidget *alert = adw_message_dialog_new (parent, heading, error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (alert), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (alert));
}

static void
export_response_cb (GtkNativeDialog *chooser,
                    int              response,
                    Dialog          *d)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  HepHandoutOptions options;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      path = file ? g_file_get_path (file) : NULL;
    }
  if (path != NULL)
    {
      dialog_options (d, &options);
      if (hep_handout_print (d->parent, d->cases, &options, GTK_PRINT_OPERATION_ACTION_EXPORT, path, &error)
          == GTK_PRINT_OPERATION_RESULT_ERROR)
        show_error (d->parent, _("The PDF could not be written"), error);
    }
  g_object_unref (chooser);
  dialog_free (d);
}

static void
response_cb (AdwMessageDialog *alert,
             const char       *response,
             Dialog           *d)
{
  HepHandoutOptions options;

  dialog_options (d, &options);
  if (g_str_equal (response, "print"))
    {
      g_autoptr(GError) error = NULL;

      if (hep_handout_print (d->parent, d->cases, &options, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, NULL, &error)
          == GTK_PRINT_OPERATION_RESULT_ERROR)
        show_error (d->parent, _("The handout could not be printed"), error);
    }
  else if (g_str_equal (response, "export"))
    {
      GtkFileChooserNative *chooser;
      g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
      g_autofree char *name = g_strdup_printf ("%s-%s.pdf", d->file_stem, hep_handout_kind_to_string (options.kind));

      chooser = gtk_file_chooser_native_new (_("Export PDF"), d->parent, GTK_FILE_CHOOSER_ACTION_SAVE,
                                             _("_Export"), _("_Cancel"));
      gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
      gtk_file_filter_set_name (filter, _("PDF documents"));
      gtk_file_filter_add_mime_type (filter, "application/pdf");
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
      g_signal_connect (chooser, "response", G_CALLBACK (export_response_cb), d);
      gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
      return;   /* d goes with the chooser */
    }
  dialog_free (d);
}

static GtkCheckButton *
add_choice (GtkBox         *box,
            GtkCheckButton *group,
            const char     *mnemonic,
            const char     *description)
{
  GtkWidget *check = gtk_check_button_new ();
  GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new_with_mnemonic (mnemonic);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (title), check);
  gtk_box_append (GTK_BOX (labels), title);
  if (description != NULL)
    {
      GtkWidget *detail = gtk_label_new (description);

      gtk_label_set_xalign (GTK_LABEL (detail), 0);
      gtk_label_set_wrap (GTK_LABEL (detail), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (detail), 44);
      gtk_widget_add_css_class (detail, "dim-label");
      gtk_widget_add_css_class (detail, "caption");
      gtk_box_append (GTK_BOX (labels), detail);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
    }
  gtk_check_button_set_child (GTK_CHECK_BUTTON (check), labels);
  if (group != NULL)
    gtk_check_button_set_group (GTK_CHECK_BUTTON (check), group);
  gtk_box_append (box, check);
  return GTK_CHECK_BUTTON (check);
}

static GtkWidget *
heading (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  return label;
}

GtkWindow *
hep_handout_dialog_show (GtkWindow  *parent,
                         GPtrArray  *cases,
                         const char *title,
                         const char *file_stem)
{
  Dialog *d = g_new0 (Dialog, 1);
  GtkWidget *alert, *box;
  g_autofree char *body = NULL;
  const char *default_paper = gtk_paper_size_get_default ();
  GtkCheckButton *a4;

  g_return_val_if_fail (cases != NULL && cases->len > 0, NULL);

  d->parent = parent ? g_object_ref (parent) : NULL;
  d->cases = g_ptr_array_ref (cases);
  d->title = g_strdup (title);
  d->file_stem = g_strdup (file_stem ? file_stem : "hepatica");

  if (title != NULL)
    body = g_strdup_printf (g_dngettext (NULL, "The deck “%s”, %u case.", "The deck “%s”, %u cases.", cases->len),
                            title, cases->len);
  else
    body = g_strdup (_("The open case."));
  alert = adw_message_dialog_new (parent, _("Print Handouts"), body);
  if (parent != NULL)
    gtk_window_set_application (GTK_WINDOW (alert), gtk_window_get_application (parent));
  gtk_widget_set_name (alert, "handout-dialog");

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_box_append (GTK_BOX (box), heading (_("Document")));
  d->kinds[HEP_HANDOUT_QUESTIONS] =
    add_choice (GTK_BOX (box), NULL, _("_Questions"),
                _("One case a page: history, findings and diagrams, without the answers"));
  d->kinds[HEP_HANDOUT_ANSWERS] =
    add_choice (GTK_BOX (box), d->kinds[0], _("_Answer key"),
                _("The same with the diagnosis, LI-RADS path, differential and teaching points"));
  d->kinds[HEP_HANDOUT_SLIDES] =
    add_choice (GTK_BOX (box), d->kinds[0], _("_Slides"),
                _("One 16:9 page a step of the reveal, for rooms where the app cannot run"));
  gtk_check_button_set_active (d->kinds[HEP_HANDOUT_QUESTIONS], TRUE);
  {
    GtkWidget *paper = heading (_("Paper"));

    gtk_widget_set_margin_top (paper, 12);
    gtk_box_append (GTK_BOX (box), paper);
  }
  a4 = add_choice (GTK_BOX (box), NULL, _("A_4"), NULL);
  d->letter = add_choice (GTK_BOX (box), a4, _("_Letter"), NULL);
  gtk_check_button_set_active (g_strcmp0 (default_paper, GTK_PAPER_NAME_LETTER) == 0 ? d->letter : a4, TRUE);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (alert), box);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (alert),
                                    "cancel", _("_Cancel"),
                                    "export", _("_Export PDF…"),
                                    "print", _("_Print…"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (alert), "print", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (alert), "print");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (alert), "cancel");
  g_signal_connect (alert, "response", G_CALLBACK (response_cb), d);
  gtk_window_present (GTK_WINDOW (alert));
  return GTK_WINDOW (alert);
}
