/* hep-window-import.c: Import Case Pack…
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The file is chosen through GtkFileChooserNative (the portal in the
 * Flatpak), read and checked in a thread (a pack of thousands of cases with
 * images takes a while), and imported on the main thread in one
 * transaction: all or nothing, as on the command line, the pack's deck
 * included. A toast says what happens while it happens, then what was
 * imported.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "hep-window-private.h"

typedef struct {
  HepWindow *window;    /* owned */
  AdwToast  *progress;  /* owned */
  char      *path;
} ImportJob;

static void
import_job_free (ImportJob *job)
{
  if (job->progress != NULL)
    adw_toast_dismiss (job->progress);
  g_clear_object (&job->progress);
  g_clear_object (&job->window);
  g_free (job->path);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ImportJob, import_job_free)

/* What the thread read: the cases and the deck (or NULL). */
typedef struct {
  GPtrArray *cases;
  HepDeck   *deck;
} PackRead;

static void
pack_read_free (PackRead *read)
{
  g_clear_pointer (&read->cases, g_ptr_array_unref);
  g_clear_pointer (&read->deck, hep_deck_free);
  g_free (read);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PackRead, pack_read_free)

static void
read_pack_thread (GTask        *task,
                  gpointer      source,
                  gpointer      data,
                  GCancellable *cancellable)
{
  ImportJob *job = data;
  GError *error = NULL;
  HepCasePackInfo info = { 0, };
  GPtrArray *cases = hep_case_pack_load_file (job->path, &info, &error);
  PackRead *read;

  if (cases == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  read = g_new0 (PackRead, 1);
  read->cases = cases;
  read->deck = g_steal_pointer (&info.deck);
  hep_case_pack_info_clear (&info);
  g_task_return_pointer (task, read, (GDestroyNotify) pack_read_free);
}

static char *
describe_cases (GPtrArray *results)
{
  guint n[3] = { 0, };

  for (guint i = 0; i < results->len; i++)
    {
      HepCaseImportResult *r = results->pdata[i];

      if ((guint) r->action < G_N_ELEMENTS (n))
        n[r->action]++;
    }
  if (n[HEP_CASE_IMPORT_ADDED] + n[HEP_CASE_IMPORT_RENAMED] == 0)
    return g_strdup (_("Nothing new: every case of the pack is in your library already"));
  if (n[HEP_CASE_IMPORT_RENAMED] == 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Imported %u case", "Imported %u cases",
                                         n[HEP_CASE_IMPORT_ADDED]), n[HEP_CASE_IMPORT_ADDED]);
  /* Translators: "Imported 5 cases, 2 of them under new ids" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Imported %u case, %u of them under a new id",
                                       "Imported %u cases, %u of them under new ids",
                                       n[HEP_CASE_IMPORT_ADDED] + n[HEP_CASE_IMPORT_RENAMED]),
                          n[HEP_CASE_IMPORT_ADDED] + n[HEP_CASE_IMPORT_RENAMED], n[HEP_CASE_IMPORT_RENAMED]);
}

/* What was imported, the deck included, in one line. */
static char *
describe_results (GPtrArray                 *results,
                  const HepDeckImportResult *deck)
{
  g_autofree char *cases = describe_cases (results);

  if (deck == NULL)
    return g_steal_pointer (&cases);
  switch (deck->action)
    {
    case HEP_CASE_IMPORT_ADDED:
      /* Translators: "Imported 3 cases; the deck “HCC mimics” was added" */
      return g_strdup_printf (_("%s; the deck “%s” was added"), cases, deck->deck->name);
    case HEP_CASE_IMPORT_RENAMED:
      /* Translators: "…; the deck was added as “HCC mimics (2)”" (a deck had its name) */
      return g_strdup_printf (_("%s; the deck was added as “%s”"), cases, deck->deck->name);
    case HEP_CASE_IMPORT_UNCHANGED:
    default:
      /* Translators: "Nothing new: …; the deck “HCC mimics” is there already" */
      return g_strdup_printf (_("%s; the deck “%s” is there already"), cases, deck->deck->name);
    }
}

static void
pack_read_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      data)
{
  g_autoptr(ImportJob) job = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(PackRead) read = g_task_propagate_pointer (G_TASK (result), &error);
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(HepDeckImportResult) deck = NULL;
  g_autofree char *name = g_path_get_basename (job->path);
  g_autofree char *message = NULL;
  HepCaseStore *store = _hep_window_get_store (job->window);

  if (read != NULL && store == NULL)
    g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED, _("the case library is not open"));
  else if (read != NULL)
    results = hep_case_store_import_cases_with_deck (store, read->cases, read->deck,
                                                     g_get_real_time () / G_USEC_PER_SEC, &deck, &error);

  if (results == NULL)
    /* Translators: "Nothing was imported from “pack.hepatica-pack”: <reason>" */
    message = g_strdup_printf (_("Nothing was imported from “%s”: %s"), name, error->message);
  else
    message = describe_results (results, deck);
  /* a toast's title is Pango markup (libadwaita 1.2): a file or deck named
   * "A & B" is text */
  {
    g_autofree char *escaped = g_markup_escape_text (message, -1);

    _hep_window_show_toast (job->window, escaped);
  }
}

/* Imports the case pack at @path: read in a thread, then written in one
 * transaction. Also for tests and for files opened with the app. */
void
_hep_window_import_pack_file (HepWindow  *self,
                              const char *path)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *name = g_path_get_basename (path);
  /* Translators: shown while a case pack is read */
  g_autofree char *title = g_strdup_printf (_("Importing “%s”…"), name);
  g_autofree char *escaped = g_markup_escape_text (title, -1);
  ImportJob *job = g_new0 (ImportJob, 1);

  job->window = g_object_ref (self);
  job->path = g_strdup (path);
  job->progress = adw_toast_new (escaped);
  adw_toast_set_timeout (job->progress, 0);
  _hep_window_add_toast (self, job->progress);

  task = g_task_new (NULL, NULL, pack_read_cb, job);
  g_task_set_source_tag (task, _hep_window_import_pack_file);
  g_task_set_task_data (task, job, NULL);
  g_task_run_in_thread (task, read_pack_thread);
}

static void
file_chosen_cb (GtkNativeDialog *chooser,
                int              response,
                HepWindow       *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_object_unref (chooser);
  if (file == NULL)
    return;
  if (g_file_peek_path (file) == NULL)
    _hep_window_show_toast (self, _("Could not import: the chosen file has no local path"));
  else
    _hep_window_import_pack_file (self, g_file_peek_path (file));
}

void
_hep_window_import_pack (HepWindow *self)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) packs = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Import Case Pack"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (packs, _("Case packs"));
  gtk_file_filter_add_pattern (packs, "*.hepatica-pack");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), packs);
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  g_signal_connect (chooser, "response", G_CALLBACK (file_chosen_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
