/* test-deck-view.c: the Decks page, presenting from it, and printing
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every change made on the page is read back from the user database, not
 * from the widgets. The print path runs GtkPrintOperation's export to a
 * PDF, read back with poppler-utils, as the CLI's handouts are.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "hep-deck-view.h"
#include "hep-handout-print.h"
#include "hep-presenter-window.h"
#include "hep-ui-test-utils.h"
#include "hep-window.h"

/* A hidden title (fnh-classic-young-woman: "…central scar in a young
 * woman" is a spoiler), an LR-5 HCC, an abscess and a hemangioma. */
static const char * const four[] = {
  "fnh-classic-young-woman", "hcc-classic-cirrhosis", "abscess-amoebic-traveller",
  "hemangioma-classic-incidental", NULL,
};

static HepApplication *app;

typedef struct {
  HepWindow    *window;
  HepDeckView  *view;
  HepCaseStore *store;
} Fixture;

static void
delete_every_deck (HepCaseStore *store)
{
  g_autoptr(GPtrArray) decks = hep_case_store_list_decks (store, NULL);

  for (guint i = 0; decks != NULL && i < decks->len; i++)
    g_assert_true (hep_case_store_delete_deck (store, ((HepDeck *) decks->pdata[i])->id, NULL));
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->store = hep_application_get_store (app);
  g_assert_null (hep_application_get_store_error (app));
  delete_every_deck (f->store);
  g_settings_set_boolean (hep_application_get_settings (app), "unknown-case-mode", FALSE);
  f->window = hep_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1440, 900);
  gtk_window_present (GTK_WINDOW (f->window));
  g_assert_true (hep_ui_test_wait_for (hep_ui_test_window_loaded, f->window, 10000));
  g_assert_true (hep_window_show_page (f->window, "decks"));
  f->view = HEP_DECK_VIEW (hep_ui_test_find_by_name (GTK_WIDGET (f->window), "deck-view"));
  g_assert_nonnull (f->view);
  hep_ui_test_wait_for_draw (GTK_WIDGET (f->view));
}

static gboolean
only_main_window (gpointer data)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (app));

  for (GList *l = windows; l != NULL; l = l->next)
    if (HEP_IS_PRESENTER_WINDOW (l->data))
      return FALSE;
  return TRUE;
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  GList *windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (app)));

  for (GList *l = windows; l != NULL; l = l->next)
    if (l->data != f->window)
      gtk_window_destroy (l->data);
  g_list_free (windows);
  gtk_window_destroy (GTK_WINDOW (f->window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  delete_every_deck (f->store);
}

static char *
db_order (Fixture    *f,
          const char *deck_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HepDeck) deck = hep_case_store_get_deck (f->store, deck_id, &error);

  g_assert_no_error (error);
  return g_strjoinv (" ", deck->case_ids);
}

static GtkWidget *
find (Fixture    *f,
      const char *name)
{
  GtkWidget *w = hep_ui_test_find_by_name (GTK_WIDGET (f->window), name);

  if (w == NULL)
    g_error ("no widget named %s", name);
  return w;
}

static const char *
visible_page (Fixture    *f,
              const char *stack)
{
  return gtk_stack_get_visible_child_name (GTK_STACK (find (f, stack)));
}

static guint
n_rows (GtkWidget *list)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), (int) n) != NULL)
    n++;
  return n;
}

/* Every label's text and every accessible label under @root, one a line. */
static void
collect_text (GtkWidget *root,
              GString   *out)
{
  if (GTK_IS_LABEL (root) && gtk_widget_get_visible (root))
    g_string_append_printf (out, "%s\n", gtk_label_get_label (GTK_LABEL (root)));
  if (gtk_widget_get_has_tooltip (root) && gtk_widget_get_tooltip_text (root) != NULL)
    g_string_append_printf (out, "%s\n", gtk_widget_get_tooltip_text (root));
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    collect_text (c, out);
}

static void
make_deck_of_four (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (hep_deck_view_create_deck (f->view, "Friday conference", &error));
  g_assert_no_error (error);
  for (guint i = 0; four[i] != NULL; i++)
    {
      g_assert_true (hep_deck_view_add_case (f->view, four[i], &error));
      g_assert_no_error (error);
    }
}

/* ---- tests ---------------------------------------------------------------- */

static void
test_decks_empty_state (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (visible_page (f, "deck-stack"), ==, "none");
  g_assert_null (hep_deck_view_get_deck_id (f->view));
  g_assert_true (gtk_widget_is_sensitive (find (f, "decks-empty-new")));
  g_assert_true (hep_deck_view_create_deck (f->view, "Empty one", &error));
  g_assert_cmpstr (visible_page (f, "deck-stack"), ==, "decks");
  /* a deck without cases says how to add them, and cannot be presented */
  g_assert_true (gtk_widget_get_visible (find (f, "deck-cases-empty")));
  g_assert_true (gtk_widget_get_child_visible (find (f, "deck-cases-empty")));
  g_assert_false (gtk_widget_is_sensitive (find (f, "deck-present-button")));
}

static void
test_decks_create_rename_delete_undo (Fixture       *f,
                                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HepDeck) deck = NULL;
  g_autofree char *order = NULL;
  GtkTextBuffer *notes;

  make_deck_of_four (f);
  g_assert_cmpstr (hep_deck_view_get_deck_id (f->view), ==, "friday-conference");
  g_assert_cmpuint (n_rows (find (f, "deck-list")), ==, 1);
  g_assert_cmpuint (n_rows (find (f, "deck-cases")), ==, 4);

  g_assert_true (hep_deck_view_rename_deck (f->view, "Friday rounds", &error));
  g_assert_no_error (error);
  deck = hep_case_store_get_deck (f->store, "friday-conference", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (deck->name, ==, "Friday rounds");
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (find (f, "deck-title"))), ==, "Friday rounds");
  g_clear_pointer (&deck, hep_deck_free);

  /* the notes are written after a pause in typing */
  notes = gtk_text_view_get_buffer (GTK_TEXT_VIEW (find (f, "deck-notes")));
  gtk_text_buffer_set_text (notes, "Keep case 3 for the end", -1);
  for (gint64 until = g_get_monotonic_time () + 5 * G_USEC_PER_SEC; g_get_monotonic_time () < until;)
    {
      g_main_context_iteration (NULL, FALSE);
      deck = hep_case_store_get_deck (f->store, "friday-conference", NULL);
      if (deck->notes != NULL)
        break;
      g_clear_pointer (&deck, hep_deck_free);
    }
  g_assert_nonnull (deck);
  g_assert_cmpstr (deck->notes, ==, "Keep case 3 for the end");
  g_clear_pointer (&deck, hep_deck_free);

  /* delete: gone from the database at once, Undo brings it back whole */
  gtk_widget_activate_action (GTK_WIDGET (f->view), "deck.delete", NULL);
  g_assert_null (hep_case_store_get_deck (f->store, "friday-conference", NULL));
  g_assert_cmpstr (visible_page (f, "deck-stack"), ==, "none");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "deck.undo-delete", NULL));
  deck = hep_case_store_get_deck (f->store, "friday-conference", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (deck->name, ==, "Friday rounds");
  g_assert_cmpstr (deck->notes, ==, "Keep case 3 for the end");
  order = db_order (f, "friday-conference");
  g_assert_cmpstr (order, ==, "fnh-classic-young-woman hcc-classic-cirrhosis abscess-amoebic-traveller "
                              "hemangioma-classic-incidental");
  g_assert_cmpstr (hep_deck_view_get_deck_id (f->view), ==, "friday-conference");
  g_assert_cmpstr (visible_page (f, "deck-stack"), ==, "decks");
  /* once undone, Undo has nothing left to do */
  gtk_widget_activate_action (GTK_WIDGET (f->view), "deck.undo-delete", NULL);
  {
    g_autoptr(GPtrArray) decks = hep_case_store_list_decks (f->store, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (decks->len, ==, 1);
  }
}

/* A deck made elsewhere (a pack's import, the command line) is there when
 * the page is shown again. */
static void
test_decks_read_when_shown (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HepDeck) deck = NULL;

  g_assert_true (hep_window_show_page (f->window, "explore"));
  deck = hep_case_store_create_deck (f->store, "From elsewhere", NULL, 1, &error);
  g_assert_no_error (error);
  g_assert_true (hep_case_store_add_to_deck (f->store, deck->id, "hcc-classic-cirrhosis", -1, 2, &error));
  g_assert_true (hep_window_show_page (f->window, "decks"));
  hep_ui_test_wait_for_draw (GTK_WIDGET (f->view));
  g_assert_cmpstr (visible_page (f, "deck-stack"), ==, "decks");
  g_assert_cmpuint (n_rows (find (f, "deck-list")), ==, 1);
  g_assert_cmpuint (n_rows (find (f, "deck-cases")), ==, 1);
}

static GtkWindow *
find_toplevel_named (const char *name)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) w = g_list_model_get_item (toplevels, i);

      if (g_strcmp0 (gtk_widget_get_name (GTK_WIDGET (w)), name) == 0 && gtk_widget_get_visible (GTK_WIDGET (w)))
        return w;
    }
  return NULL;
}

static gboolean
no_name_dialog (gpointer data)
{
  return find_toplevel_named ("deck-name-dialog") == NULL;
}

/* New Deck and Rename ask for the name in a dialog; an empty name cannot
 * be given. */
static void
test_decks_name_dialogs (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(HepDeck) deck = NULL;
  AdwMessageDialog *dialog;
  GtkEditable *entry;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "deck.new", NULL));
  dialog = ADW_MESSAGE_DIALOG (find_toplevel_named ("deck-name-dialog"));
  g_assert_nonnull (dialog);
  entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "ok"));
  gtk_editable_set_text (entry, "   ");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "ok"));
  gtk_editable_set_text (entry, "Tuesday noon");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "ok"));
  /* Enter in the entry: the default response, Create */
  g_signal_emit_by_name (entry, "activate");
  g_assert_cmpstr (hep_deck_view_get_deck_id (f->view), ==, "tuesday-noon");
  deck = hep_case_store_get_deck (f->store, "tuesday-noon", NULL);
  g_assert_nonnull (deck);
  g_clear_pointer (&deck, hep_deck_free);
  g_assert_true (hep_ui_test_wait_for (no_name_dialog, NULL, 5000));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "deck.rename", NULL));
  dialog = ADW_MESSAGE_DIALOG (find_toplevel_named ("deck-name-dialog"));
  g_assert_nonnull (dialog);
  entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "Tuesday noon");
  gtk_editable_set_text (entry, "Tuesday rounds");
  g_signal_emit_by_name (entry, "activate");
  deck = hep_case_store_get_deck (f->store, "tuesday-noon", NULL);
  g_assert_cmpstr (deck->name, ==, "Tuesday rounds");
  g_clear_pointer (&deck, hep_deck_free);
  g_assert_true (hep_ui_test_wait_for (no_name_dialog, NULL, 5000));

  /* Cancel changes nothing */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "deck.rename", NULL));
  dialog = ADW_MESSAGE_DIALOG (find_toplevel_named ("deck-name-dialog"));
  gtk_editable_set_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog)), "Something else");
  gtk_window_close (GTK_WINDOW (dialog));
  g_assert_true (hep_ui_test_wait_for (no_name_dialog, NULL, 5000));
  deck = hep_case_store_get_deck (f->store, "tuesday-noon", NULL);
  g_assert_cmpstr (deck->name, ==, "Tuesday rounds");
}

/* The library list adds a case when its row is activated. */
static void
test_decks_add_from_library (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *order = NULL;
  GtkWidget *library = find (f, "deck-library");
  GtkWidget *search = find (f, "deck-library-search");
  GtkListBoxRow *row;

  g_assert_true (hep_deck_view_create_deck (f->view, "Rounds", &error));
  /* search: the list is the store's search, the case browser's list stays */
  gtk_editable_set_text (GTK_EDITABLE (search), "amoebic");
  g_signal_emit_by_name (search, "search-changed");
  g_assert_cmpuint (n_rows (library), >=, 1);
  row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (library), 0);
  g_assert_cmpstr (g_object_get_data (G_OBJECT (row), "case-id"), ==, "abscess-amoebic-traveller");
  g_signal_emit_by_name (library, "row-activated", row);
  order = db_order (f, "rounds");
  g_assert_cmpstr (order, ==, "abscess-amoebic-traveller");
  /* once in the deck, activating it again adds nothing */
  row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (library), 0);
  g_assert_false (gtk_list_box_row_get_activatable (row));
  g_signal_emit_by_name (library, "row-activated", row);
  g_clear_pointer (&order, g_free);
  order = db_order (f, "rounds");
  g_assert_cmpstr (order, ==, "abscess-amoebic-traveller");
  g_assert_cmpuint (n_rows (find (f, "deck-cases")), ==, 1);
}

/* Alt+Up, Alt+Down and Delete act through the view's actions. */
static void
test_decks_reorder_keyboard (Fixture       *f,
                             gconstpointer  data)
{
  g_autofree char *order = NULL;
  GtkWidget *cases;

  make_deck_of_four (f);
  cases = find (f, "deck-cases");
  hep_deck_view_select_case (f->view, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "deck.move-down", NULL));
  order = db_order (f, "friday-conference");
  g_assert_cmpstr (order, ==, "hcc-classic-cirrhosis fnh-classic-young-woman abscess-amoebic-traveller "
                              "hemangioma-classic-incidental");
  /* the moved case stays selected, so the key can be pressed again */
  g_assert_cmpint (gtk_list_box_row_get_index (gtk_list_box_get_selected_row (GTK_LIST_BOX (cases))), ==, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "deck.move-down", NULL));
  g_clear_pointer (&order, g_free);
  order = db_order (f, "friday-conference");
  g_assert_cmpstr (order, ==, "hcc-classic-cirrhosis abscess-amoebic-traveller fnh-classic-young-woman "
                              "hemangioma-classic-incidental");

  hep_deck_view_select_case (f->view, 3);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "deck.move-up", NULL));
  g_clear_pointer (&order, g_free);
  order = db_order (f, "friday-conference");
  g_assert_cmpstr (order, ==, "hcc-classic-cirrhosis abscess-amoebic-traveller hemangioma-classic-incidental "
                              "fnh-classic-young-woman");

  /* the first case cannot go up, the last cannot go down */
  hep_deck_view_select_case (f->view, 0);
  gtk_widget_activate_action (GTK_WIDGET (f->view), "deck.move-up", NULL);
  hep_deck_view_select_case (f->view, 3);
  gtk_widget_activate_action (GTK_WIDGET (f->view), "deck.move-down", NULL);
  g_clear_pointer (&order, g_free);
  order = db_order (f, "friday-conference");
  g_assert_cmpstr (order, ==, "hcc-classic-cirrhosis abscess-amoebic-traveller hemangioma-classic-incidental "
                              "fnh-classic-young-woman");

  /* Delete: out of the deck, the next case selected */
  hep_deck_view_select_case (f->view, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "deck.remove-case", NULL));
  g_clear_pointer (&order, g_free);
  order = db_order (f, "friday-conference");
  g_assert_cmpstr (order, ==, "hcc-classic-cirrhosis hemangioma-classic-incidental fnh-classic-young-woman");
  g_assert_cmpuint (n_rows (cases), ==, 3);
  g_assert_cmpint (gtk_list_box_row_get_index (gtk_list_box_get_selected_row (GTK_LIST_BOX (cases))), ==, 1);
}

/* The keys are shortcuts of the case list: Alt+Down there moves the case. */
static void
test_decks_reorder_keys_bound (Fixture       *f,
                               gconstpointer  data)
{
  GtkWidget *cases;
  GListModel *controllers;
  gboolean up = FALSE, down = FALSE, del = FALSE;

  make_deck_of_four (f);
  cases = find (f, "deck-cases");
  controllers = gtk_widget_observe_controllers (cases);
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint k = 0; k < g_list_model_get_n_items (G_LIST_MODEL (controller)); k++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), k);
          GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);
          g_autofree char *trigger = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));
          const char *name = GTK_IS_NAMED_ACTION (action) ? gtk_named_action_get_action_name (GTK_NAMED_ACTION (action)) : "";

          up |= g_str_equal (name, "deck.move-up") && g_str_equal (trigger, "<Alt>Up");
          down |= g_str_equal (name, "deck.move-down") && g_str_equal (trigger, "<Alt>Down");
          del |= g_str_equal (name, "deck.remove-case") && strstr (trigger, "Delete") != NULL;
        }
    }
  g_object_unref (controllers);
  g_assert_true (up && down && del);
}

/* A drop on a row: before it in its upper half, after it in its lower. */
static gboolean
drop_on_row (Fixture    *f,
             guint       index,
             const char *case_id,
             gboolean    lower_half)
{
  GtkListBoxRow *row;
  GListModel *controllers;

  /* the rows as laid out: where the drop is depends on their height */
  hep_ui_test_wait_for_draw (GTK_WIDGET (f->view));
  row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (find (f, "deck-cases")), (int) index);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (row)), >, 10);
  controllers = gtk_widget_observe_controllers (GTK_WIDGET (row));
  GValue value = G_VALUE_INIT;
  gboolean done = FALSE;
  gboolean found = FALSE;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, case_id);
  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !found; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_DROP_TARGET (controller))
        continue;
      found = TRUE;
      g_signal_emit_by_name (controller, "drop", &value, 10.0,
                             lower_half ? gtk_widget_get_height (GTK_WIDGET (row)) - 2.0 : 2.0, &done);
    }
  g_object_unref (controllers);
  g_value_unset (&value);
  g_assert_true (found);
  return done;
}

static void
test_decks_reorder_drop (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *order = NULL;

  make_deck_of_four (f);
  /* the third case dropped on the upper half of the first: first */
  g_assert_true (drop_on_row (f, 0, "abscess-amoebic-traveller", FALSE));
  order = db_order (f, "friday-conference");
  g_assert_cmpstr (order, ==, "abscess-amoebic-traveller fnh-classic-young-woman hcc-classic-cirrhosis "
                              "hemangioma-classic-incidental");
  /* the first dropped on the lower half of the last: last */
  g_assert_true (drop_on_row (f, 3, "abscess-amoebic-traveller", TRUE));
  g_clear_pointer (&order, g_free);
  order = db_order (f, "friday-conference");
  g_assert_cmpstr (order, ==, "fnh-classic-young-woman hcc-classic-cirrhosis hemangioma-classic-incidental "
                              "abscess-amoebic-traveller");
  /* the first dropped on the lower half of the second: swapped */
  g_assert_true (drop_on_row (f, 1, "fnh-classic-young-woman", TRUE));
  g_clear_pointer (&order, g_free);
  order = db_order (f, "friday-conference");
  g_assert_cmpstr (order, ==, "hcc-classic-cirrhosis fnh-classic-young-woman hemangioma-classic-incidental "
                              "abscess-amoebic-traveller");
  /* dropped where it is: nothing changes */
  g_assert_false (drop_on_row (f, 1, "fnh-classic-young-woman", FALSE));
  /* a case of the library dropped in goes where it is dropped */
  g_assert_true (drop_on_row (f, 0, "cyst-simple-ultrasound", TRUE));
  g_clear_pointer (&order, g_free);
  order = db_order (f, "friday-conference");
  g_assert_cmpstr (order, ==, "hcc-classic-cirrhosis cyst-simple-ultrasound fnh-classic-young-woman "
                              "hemangioma-classic-incidental abscess-amoebic-traveller");
}

/* In unknown-case mode the page names cases as the spoiler rule allows. */
static void
test_decks_unknown (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HepCase) fnh = hep_case_store_get_case (f->store, "fnh-classic-young-woman", &error);
  g_autoptr(GString) before = g_string_new (NULL);
  g_autoptr(GString) after = g_string_new (NULL);

  g_assert_no_error (error);
  g_assert_true (hep_case_hides (fnh, HEP_CASE_SPOILER_TITLE));
  make_deck_of_four (f);
  collect_text (GTK_WIDGET (f->view), before);
  g_assert_nonnull (strstr (before->str, hep_case_get_title (fnh)));
  g_assert_nonnull (strstr (before->str, "Focal nodular hyperplasia"));

  g_settings_set_boolean (hep_application_get_settings (app), "unknown-case-mode", TRUE);
  collect_text (GTK_WIDGET (f->view), after);
  g_assert_null (strstr (after->str, hep_case_get_title (fnh)));
  g_assert_null (strstr (after->str, "Focal nodular hyperplasia"));
  g_assert_null (strstr (after->str, "Hepatocellular carcinoma"));
  g_assert_null (strstr (after->str, "LR-5"));
  g_settings_set_boolean (hep_application_get_settings (app), "unknown-case-mode", FALSE);
}

static HepPresenterWindow *
find_presenter (void)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    if (HEP_IS_PRESENTER_WINDOW (l->data))
      return l->data;
  return NULL;
}

/* F5 (win.present): the Decks page presents its deck, Explore its case;
 * Escape comes back. */
static void
test_decks_present (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  HepPresenterWindow *presenter;
  g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "win.present");

  g_assert_cmpstr (accels[0], ==, "F5");
  make_deck_of_four (f);
  g_assert_null (find_presenter ());
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.present", NULL));
  presenter = find_presenter ();
  g_assert_nonnull (presenter);
  g_assert_cmpuint (hep_presenter_window_get_n_cases (presenter), ==, 4);
  g_assert_cmpstr (hep_case_get_id (hep_presenter_window_get_case (presenter)), ==, four[0]);
  /* F5 again: the same presentation, not a second */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.present", NULL));
  {
    guint n = 0;

    for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
      n += HEP_IS_PRESENTER_WINDOW (l->data);
    g_assert_cmpuint (n, ==, 1);
  }
  g_assert_true (hep_presenter_window_handle_key (presenter, GDK_KEY_Escape, 0));
  g_assert_true (hep_ui_test_wait_for (only_main_window, NULL, 5000));

  /* from Explore: the open case alone */
  g_assert_true (hep_window_open_case (f->window, "hcc-classic-cirrhosis", &error));
  g_assert_true (hep_window_show_page (f->window, "explore"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.present", NULL));
  presenter = find_presenter ();
  g_assert_nonnull (presenter);
  g_assert_cmpuint (hep_presenter_window_get_n_cases (presenter), ==, 1);
  g_assert_cmpstr (hep_case_get_id (hep_presenter_window_get_case (presenter)), ==, "hcc-classic-cirrhosis");
  g_assert_true (hep_presenter_window_handle_key (presenter, GDK_KEY_Escape, 0));
  g_assert_true (hep_ui_test_wait_for (only_main_window, NULL, 5000));
}

/* ---- printing ----------------------------------------------------------- */

static char *
poppler (const char *tool,
         const char *pdf)
{
  g_autoptr(GError) error = NULL;
  const char *argv[] = { tool, pdf, g_str_equal (tool, "pdftotext") ? "-" : NULL, NULL };
  g_autofree char *err = NULL;
  char *out = NULL;
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status,
                               &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("%s %s: %s", tool, pdf, err);
  return out;
}

static guint
pdf_pages (const char *pdf)
{
  g_autofree char *info = poppler ("pdfinfo", pdf);
  const char *line = strstr (info, "Pages:");

  g_assert_nonnull (line);
  return (guint) g_ascii_strtoull (line + strlen ("Pages:"), NULL, 10);
}

/* The print operation's export writes what the renderer lays out: the page
 * count, and no answer in the questions. */
static void
test_decks_print_export (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) cases = g_ptr_array_new_with_free_func (g_object_unref);
  /* in the build dir, for reviewers (pdftoppm) */
  const char *dir = g_getenv ("G_TEST_BUILDDIR") ? g_getenv ("G_TEST_BUILDDIR") : ".";
  g_autofree char *q_pdf = g_build_filename (dir, "test-deck-view-questions.pdf", NULL);
  g_autofree char *a_pdf = g_build_filename (dir, "test-deck-view-answers.pdf", NULL);
  g_autofree char *s_pdf = g_build_filename (dir, "test-deck-view-slides.pdf", NULL);
  g_autofree char *q_text = NULL;
  g_autofree char *a_text = NULL;
  HepHandoutOptions options = { HEP_HANDOUT_QUESTIONS, HEP_PAPER_A4, "Friday conference" };
  g_autoptr(HepHandout) q_layout = NULL;
  g_autoptr(HepHandout) s_layout = NULL;
  HepCase *fnh;

  for (guint i = 0; four[i] != NULL; i++)
    {
      g_ptr_array_add (cases, hep_case_store_get_case (f->store, four[i], &error));
      g_assert_no_error (error);
    }
  fnh = cases->pdata[0];

  g_assert_cmpint (hep_handout_print (GTK_WINDOW (f->window), cases, &options, GTK_PRINT_OPERATION_ACTION_EXPORT,
                                      q_pdf, &error), ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_no_error (error);
  options.kind = HEP_HANDOUT_ANSWERS;
  g_assert_cmpint (hep_handout_print (GTK_WINDOW (f->window), cases, &options, GTK_PRINT_OPERATION_ACTION_EXPORT,
                                      a_pdf, &error), ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  options.kind = HEP_HANDOUT_SLIDES;
  g_assert_cmpint (hep_handout_print (GTK_WINDOW (f->window), cases, &options, GTK_PRINT_OPERATION_ACTION_EXPORT,
                                      s_pdf, &error), ==, GTK_PRINT_OPERATION_RESULT_APPLY);

  /* as many pages as the renderer laid out; at least one a case */
  options.kind = HEP_HANDOUT_QUESTIONS;
  q_layout = hep_handout_new (cases, &options, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pdf_pages (q_pdf), ==, hep_handout_get_n_pages (q_layout));
  g_assert_cmpuint (pdf_pages (q_pdf), >=, 4);
  g_assert_cmpuint (pdf_pages (a_pdf), >=, pdf_pages (q_pdf));
  options.kind = HEP_HANDOUT_SLIDES;
  s_layout = hep_handout_new (cases, &options, &error);
  g_assert_cmpuint (pdf_pages (s_pdf), ==, hep_handout_get_n_pages (s_layout));
  {
    g_autofree char *info = poppler ("pdfinfo", s_pdf);

    /* the slides' own 16:9 pages */
    g_assert_nonnull (strstr (info, "960 x 540 pts"));
  }
  {
    g_autofree char *info = poppler ("pdfinfo", q_pdf);

    g_assert_nonnull (strstr (info, "(A4)"));
  }

  q_text = poppler ("pdftotext", q_pdf);
  a_text = poppler ("pdftotext", a_pdf);
  /* the hidden title and the diagnoses: in the answer key only */
  g_assert_nonnull (strstr (a_text, hep_case_get_title (fnh)));
  g_assert_null (strstr (q_text, hep_case_get_title (fnh)));
  g_assert_nonnull (strstr (a_text, "Focal nodular hyperplasia"));
  g_assert_null (strstr (q_text, "Focal nodular hyperplasia"));
  g_assert_null (strstr (q_text, "LR-5"));
  g_assert_nonnull (strstr (q_text, "For education only"));
  g_assert_nonnull (strstr (q_text, "Page 1 of"));

}

static GtkWindow *
find_named_window (const char *name)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    if (g_strcmp0 (gtk_widget_get_name (l->data), name) == 0)
      return l->data;
  return NULL;
}

/* Ctrl+P on the Decks page: the dialog for the deck, questions first. */
static void
test_decks_print_dialog (Fixture       *f,
                         gconstpointer  data)
{
  GtkWindow *dialog;
  g_autoptr(GPtrArray) checks = g_ptr_array_new ();
  g_autofree char *png = NULL;
  g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "win.print-handout");
  guint active = 0;

  g_assert_cmpstr (accels[0], ==, "<Control>p");
  make_deck_of_four (f);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.print-handout", NULL));
  dialog = find_named_window ("handout-dialog");
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (dialog) == GTK_WINDOW (f->window));
  for (GtkWidget *w = gtk_widget_get_first_child (GTK_WIDGET (dialog)); w != NULL;)
    {
      /* depth-first over the dialog */
      if (GTK_IS_CHECK_BUTTON (w))
        g_ptr_array_add (checks, w);
      if (gtk_widget_get_first_child (w) != NULL)
        w = gtk_widget_get_first_child (w);
      else
        {
          while (w != NULL && gtk_widget_get_next_sibling (w) == NULL)
            w = gtk_widget_get_parent (w) == GTK_WIDGET (dialog) ? NULL : gtk_widget_get_parent (w);
          if (w != NULL)
            w = gtk_widget_get_next_sibling (w);
        }
    }
  /* questions, answer key, slides; A4, Letter: one of each group chosen */
  g_assert_cmpuint (checks->len, ==, 5);
  for (guint i = 0; i < checks->len; i++)
    active += gtk_check_button_get_active (checks->pdata[i]);
  g_assert_cmpuint (active, ==, 2);
  g_assert_true (gtk_check_button_get_active (checks->pdata[0]));
  hep_ui_test_wait_for_draw (GTK_WIDGET (dialog));
  png = hep_ui_test_save_png (GTK_WIDGET (dialog), "test-deck-view-print-dialog.png");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
}

/* win.print-handout with nothing to print says so, and makes no dialog. */
static void
test_decks_print_nothing (Fixture       *f,
                          gconstpointer  data)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.print-handout", NULL));
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    g_assert_cmpstr (gtk_widget_get_name (l->data), !=, "handout-dialog");
}

int
main (int argc, char **argv)
{
  hep_ui_test_init (&argc, &argv);
  app = hep_ui_test_register_app ();
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/decks/empty-state", test_decks_empty_state);
  ADD ("/decks/create-rename-delete-undo", test_decks_create_rename_delete_undo);
  ADD ("/decks/read-when-shown", test_decks_read_when_shown);
  ADD ("/decks/name-dialogs", test_decks_name_dialogs);
  ADD ("/decks/add-from-library", test_decks_add_from_library);
  ADD ("/decks/reorder-keyboard", test_decks_reorder_keyboard);
  ADD ("/decks/reorder-keys-bound", test_decks_reorder_keys_bound);
  ADD ("/decks/reorder-drop", test_decks_reorder_drop);
  ADD ("/decks/unknown", test_decks_unknown);
  ADD ("/decks/present", test_decks_present);
  ADD ("/decks/print-export", test_decks_print_export);
  ADD ("/decks/print-dialog", test_decks_print_dialog);
  ADD ("/decks/print-nothing", test_decks_print_nothing);
  return g_test_run ();
}
