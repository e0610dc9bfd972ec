/* test-choice-button.c: HepChoiceButton shows one choice and picks another
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "hep-choice-button.h"
#include "hep-ui-test-utils.h"

static const char *fruit[] = { "Any fruit", "Apple", "Banana", "Cherry", "Blackberry", NULL };

typedef struct {
  GtkWindow       *window;
  GtkStringList   *model;
  HepChoiceButton *button;
  guint            notified;
} Fixture;

static void
selected_cb (HepChoiceButton *button,
             GParamSpec      *pspec,
             Fixture         *f)
{
  f->notified++;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->window = GTK_WINDOW (gtk_window_new ());
  f->model = gtk_string_list_new (fruit);
  f->button = HEP_CHOICE_BUTTON (g_object_new (HEP_TYPE_CHOICE_BUTTON,
                                               "model", f->model,
                                               "enable-search", GPOINTER_TO_INT (data),
                                               NULL));
  g_signal_connect (f->button, "notify::selected", G_CALLBACK (selected_cb), f);
  gtk_window_set_child (f->window, GTK_WIDGET (f->button));
  gtk_window_present (f->window);
  hep_ui_test_wait_for_draw (GTK_WIDGET (f->window));
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  gtk_window_destroy (f->window);
  g_object_unref (f->model);
}

static const char *
shown (Fixture *f)
{
  GtkWidget *label = hep_ui_test_find_by_type (GTK_WIDGET (f->button), GTK_TYPE_LABEL);

  return gtk_label_get_label (GTK_LABEL (label));
}

static GtkListBox *
list (Fixture *f)
{
  GtkPopover *popover = hep_choice_button_get_popover (f->button);

  g_assert_nonnull (popover);
  return GTK_LIST_BOX (hep_ui_test_find_by_type (GTK_WIDGET (popover), GTK_TYPE_LIST_BOX));
}

static guint
n_rows (GtkListBox *box,
        gboolean    shown_only)
{
  GtkListBoxRow *row;
  guint n = 0;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (box, i)) != NULL; i++)
    if (!shown_only || gtk_widget_get_child_visible (GTK_WIDGET (row)))
      n++;
  return n;
}

static gboolean
popover_mapped (gpointer f)
{
  return gtk_widget_get_mapped (GTK_WIDGET (hep_choice_button_get_popover (((Fixture *) f)->button)));
}

static gboolean
popover_unmapped (gpointer f)
{
  return !popover_mapped (f);
}

/* The label is the selected string; the selection follows the model. */
static void
test_label_and_selection (Fixture       *f,
                          gconstpointer  data)
{
  g_assert_cmpuint (hep_choice_button_get_selected (f->button), ==, GTK_INVALID_LIST_POSITION);
  g_assert_cmpstr (shown (f), ==, "");

  hep_choice_button_set_selected (f->button, 2);
  g_assert_cmpuint (hep_choice_button_get_selected (f->button), ==, 2);
  g_assert_cmpstr (shown (f), ==, "Banana");
  g_assert_cmpuint (f->notified, ==, 1);
  hep_choice_button_set_selected (f->button, 2);          /* no change, no notify */
  g_assert_cmpuint (f->notified, ==, 1);

  hep_choice_button_set_selected (f->button, 99);         /* past the end: none */
  g_assert_cmpuint (hep_choice_button_get_selected (f->button), ==, GTK_INVALID_LIST_POSITION);
  g_assert_cmpstr (shown (f), ==, "");

  /* the model changes under the selection: the label follows it */
  hep_choice_button_set_selected (f->button, 1);
  gtk_string_list_splice (f->model, 1, 1, (const char *[]) { "Apricot", NULL });
  g_assert_cmpstr (shown (f), ==, "Apricot");
  /* and a selection past the new end is dropped, with a notify */
  hep_choice_button_set_selected (f->button, 4);
  f->notified = 0;
  gtk_string_list_splice (f->model, 2, 3, NULL);
  g_assert_cmpuint (hep_choice_button_get_selected (f->button), ==, GTK_INVALID_LIST_POSITION);
  g_assert_cmpuint (f->notified, ==, 1);
}

/* "fit-first": never narrower than the first entry in full, whatever is
 * chosen; without it the choice may be ellipsized down to a few letters. */
static void
test_fit_first (Fixture       *f,
                gconstpointer  data)
{
  int min, nat, first_nat, loose_min;

  hep_choice_button_set_selected (f->button, 0);
  gtk_widget_measure (GTK_WIDGET (f->button), GTK_ORIENTATION_HORIZONTAL, -1, &loose_min, &first_nat, NULL, NULL);
  g_assert_cmpint (loose_min, <, first_nat);

  g_object_set (f->button, "fit-first", TRUE, NULL);
  gtk_widget_measure (GTK_WIDGET (f->button), GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
  g_assert_cmpint (min, ==, first_nat);

  hep_choice_button_set_selected (f->button, 4);   /* Blackberry: longer */
  gtk_widget_measure (GTK_WIDGET (f->button), GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
  g_assert_cmpint (min, ==, first_nat);
  g_assert_cmpint (nat, >, first_nat);
}

/* No popover until first opened; then one row per choice, the current one
 * checked and focused; picking a row selects it and closes the popover. */
static void
test_popup_on_demand (Fixture       *f,
                      gconstpointer  data)
{
  GtkListBox *box;
  GtkListBoxRow *row;

  hep_choice_button_set_selected (f->button, 3);
  g_assert_null (hep_choice_button_get_popover (f->button));
  gtk_test_accessible_assert_property (f->button, GTK_ACCESSIBLE_PROPERTY_HAS_POPUP, TRUE);
  gtk_test_accessible_assert_state (f->button, GTK_ACCESSIBLE_STATE_EXPANDED, FALSE);

  g_signal_emit_by_name (f->button, "clicked");
  g_assert_true (hep_ui_test_wait_for (popover_mapped, f, 2000));
  gtk_test_accessible_assert_state (f->button, GTK_ACCESSIBLE_STATE_EXPANDED, TRUE);
  box = list (f);
  g_assert_cmpuint (n_rows (box, FALSE), ==, g_strv_length ((char **) fruit));
  for (int i = 0; (row = gtk_list_box_get_row_at_index (box, i)) != NULL; i++)
    {
      GtkWidget *check = hep_ui_test_find_by_type (GTK_WIDGET (row), GTK_TYPE_IMAGE);

      g_assert_cmpfloat (gtk_widget_get_opacity (check), ==, i == 3 ? 1.0 : 0.0);
      gtk_test_accessible_assert_state (row, GTK_ACCESSIBLE_STATE_SELECTED, i == 3);
      gtk_test_accessible_assert_property (row, GTK_ACCESSIBLE_PROPERTY_LABEL, fruit[i]);
    }
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (gtk_list_box_get_row_at_index (box, 3))));
  hep_ui_test_wait_for_draw (GTK_WIDGET (hep_choice_button_get_popover (f->button)));
  g_free (hep_ui_test_save_png (GTK_WIDGET (hep_choice_button_get_popover (f->button)), "test-choice-button-popover.png"));

  f->notified = 0;
  g_signal_emit_by_name (box, "row-activated", gtk_list_box_get_row_at_index (box, 1));
  g_assert_cmpuint (hep_choice_button_get_selected (f->button), ==, 1);
  g_assert_cmpuint (f->notified, ==, 1);
  g_assert_cmpstr (shown (f), ==, "Apple");
  g_assert_true (hep_ui_test_wait_for (popover_unmapped, f, 2000));
  gtk_test_accessible_assert_state (f->button, GTK_ACCESSIBLE_STATE_EXPANDED, FALSE);
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (f->button)));

  /* the same popover next time, with rows that follow the model */
  gtk_string_list_append (f->model, "Damson");
  hep_choice_button_popup (f->button);
  g_assert_true (list (f) == box);
  g_assert_cmpuint (n_rows (box, FALSE), ==, g_strv_length ((char **) fruit) + 1);
  hep_choice_button_popdown (f->button);
}

/* With search, typing narrows the rows; Enter picks the first one shown. */
static void
test_search (Fixture       *f,
             gconstpointer  data)
{
  GtkWidget *entry;

  hep_choice_button_popup (f->button);
  g_assert_true (hep_ui_test_wait_for (popover_mapped, f, 2000));
  entry = hep_ui_test_find_by_type (GTK_WIDGET (hep_choice_button_get_popover (f->button)), GTK_TYPE_SEARCH_ENTRY);
  g_assert_nonnull (entry);
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (gtk_widget_get_root (entry)), entry));

  gtk_editable_set_text (GTK_EDITABLE (entry), "BERRY");   /* any case */
  g_signal_emit_by_name (entry, "search-changed");
  g_assert_cmpuint (n_rows (list (f), TRUE), ==, 1);
  gtk_editable_set_text (GTK_EDITABLE (entry), "an");
  g_signal_emit_by_name (entry, "search-changed");
  g_assert_cmpuint (n_rows (list (f), TRUE), ==, 2);        /* Any fruit, Banana */
  gtk_editable_set_text (GTK_EDITABLE (entry), "a");
  g_signal_emit_by_name (entry, "search-changed");
  g_assert_cmpuint (n_rows (list (f), TRUE), ==, 4);        /* Any, Apple, Banana, Blackberry */
  hep_ui_test_wait_for_draw (GTK_WIDGET (hep_choice_button_get_popover (f->button)));
  g_free (hep_ui_test_save_png (GTK_WIDGET (hep_choice_button_get_popover (f->button)), "test-choice-button-search.png"));

  g_signal_emit_by_name (entry, "activate");
  g_assert_cmpuint (hep_choice_button_get_selected (f->button), ==, 0);
  g_assert_true (hep_ui_test_wait_for (popover_unmapped, f, 2000));

  /* opened again: the search starts empty, every row shown */
  hep_choice_button_popup (f->button);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
  g_assert_cmpuint (n_rows (list (f), TRUE), ==, g_strv_length ((char **) fruit));
  hep_choice_button_popdown (f->button);
}

int
main (int   argc,
      char *argv[])
{
  hep_ui_test_init (&argc, &argv);

  g_test_add ("/choice-button/label-and-selection", Fixture, GINT_TO_POINTER (FALSE),
              fixture_setup, test_label_and_selection, fixture_teardown);
  g_test_add ("/choice-button/fit-first", Fixture, GINT_TO_POINTER (FALSE),
              fixture_setup, test_fit_first, fixture_teardown);
  g_test_add ("/choice-button/popup-on-demand", Fixture, GINT_TO_POINTER (FALSE),
              fixture_setup, test_popup_on_demand, fixture_teardown);
  g_test_add ("/choice-button/search", Fixture, GINT_TO_POINTER (TRUE),
              fixture_setup, test_search, fixture_teardown);
  return g_test_run ();
}
