/* test-window-startup.c: the window's first frame, and what follows it
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What is built before the first frame and what after it (src/DESIGN.md,
 * "The first frame"); test-window.c tests the finished window.
 */

#include "config.h"

#include <string.h>

#include "hep-application.h"
#include "hep-diagram-view.h"
#include "hep-feature-panel.h"
#include "hep-ui-test-utils.h"
#include "hep-window.h"

/* One registered application per process. */
static HepApplication *app;

static void
collect_group_titles (GtkWidget *w,
                      GString   *out)
{
  if (ADW_IS_PREFERENCES_GROUP (w))
    {
      g_string_append_printf (out, "%s%s", out->len ? "|" : "", adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (w)));
      return;
    }
  for (GtkWidget *c = gtk_widget_get_first_child (w); c; c = gtk_widget_get_next_sibling (c))
    collect_group_titles (c, out);
}

static gboolean
window_first_frame_done (gpointer data)
{
  return !gtk_widget_get_mapped (data) ? FALSE : GPOINTER_TO_INT (g_object_get_data (data, "test-painted"));
}

static void
test_painted_cb (GdkFrameClock *clock,
                 GtkWidget     *window)
{
  g_signal_handlers_disconnect_by_func (clock, test_painted_cb, window);
  g_object_set_data (G_OBJECT (window), "test-painted", GINT_TO_POINTER (TRUE));
}

static void
test_realized_cb (GtkWidget *window)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (test_painted_cb), window);
}

/* The first frame shows the LI-RADS answer; the feature groups and the
 * views below the fold arrive after it, showing the state of that moment,
 * in panel order. */
static void
test_first_frame_then_the_rest (void)
{
  HepWindow *window = hep_window_new (app);
  GtkWidget *panel = hep_ui_test_find_by_name (GTK_WIDGET (window), "feature-panel");
  g_autoptr(GString) titles = g_string_new (NULL);
  guint n_cases = g_list_model_get_n_items (G_LIST_MODEL (hep_application_get_store (app)));
  GtkWidget *washout;

  g_assert_true (hep_window_explore (window, "risk=cirrhosis size=25 aphe=nonrim washout", NULL));
  g_assert_true (hep_window_get_loading (window));
  g_signal_connect_after (window, "realize", G_CALLBACK (test_realized_cb), NULL);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (hep_ui_test_wait_for (window_first_frame_done, window, 5000));

  /* the first frame: the answer is there (in the answer bar, always in
   * view; the LI-RADS path below the two diagrams is not yet), the later
   * groups are not yet */
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (hep_ui_test_find_by_name (GTK_WIDGET (window), "answer-category"))),
                   ==, "LR-5");
  g_assert_false (gtk_widget_get_mapped (hep_ui_test_find_by_name (GTK_WIDGET (window), "lirads-view")));
  g_assert_nonnull (hep_ui_test_find_by_name (panel, "feature-risk"));
  g_assert_null (hep_ui_test_find_by_name (panel, "feature-washout"));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (
                      GTK_LIST_VIEW (hep_ui_test_find_by_name (GTK_WIDGET (window), "case-list"))))), <, n_cases);
  g_assert_null (hep_ui_test_find_by_name (GTK_WIDGET (window), "ddx-view"));
  g_assert_null (hep_ui_test_find_by_name (GTK_WIDGET (window), "next-imaging-view"));
  g_assert_true (hep_window_get_loading (window));

  /* a state change while the rest is waiting is shown when it arrives */
  hep_feature_state_set_value (hep_window_get_feature_state (window), HEP_FEATURE_CAPSULE, TRUE);

  g_assert_true (hep_ui_test_wait_for (hep_ui_test_window_loaded, window, 5000));
  /* every case in the list, every group in order */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (
                      GTK_LIST_VIEW (hep_ui_test_find_by_name (GTK_WIDGET (window), "case-list"))))), ==, n_cases);
  collect_group_titles (panel, titles);
  g_assert_cmpstr (titles->str, ==,
                   "Clinical Context|Size and Growth|Arterial Phase|Later Phases|Other Sequences|"
                   "LR-M Features|Ancillary Features|Other Findings|Reader Judgments");
  washout = hep_ui_test_find_by_name (panel, "feature-washout");
  g_assert_nonnull (washout);
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (washout)));
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (hep_ui_test_find_by_name (panel, "feature-capsule"))));
  g_assert_true (gtk_widget_has_css_class (gtk_widget_get_ancestor (hep_ui_test_find_by_name (panel, "feature-capsule"),
                                                                    GTK_TYPE_LIST_BOX_ROW), "changed"));
  g_assert_cmpstr (gtk_widget_get_name (GTK_WIDGET (gtk_list_box_get_row_at_index (
                     GTK_LIST_BOX (hep_ui_test_find_by_name (GTK_WIDGET (window), "ddx-ranking")), 0))), ==, "hcc");
  /* next imaging has run: without the study that found the lesion it says what it needs */
  g_assert_true (gtk_widget_get_visible (hep_ui_test_find_by_name (GTK_WIDGET (window), "next-imaging-problem")));
  g_assert_true (hep_diagram_view_get_ready (HEP_DIAGRAM_VIEW (hep_ui_test_find_by_name (GTK_WIDGET (window), "curve-diagram"))));
  g_assert_true (hep_diagram_view_get_ready (HEP_DIAGRAM_VIEW (hep_ui_test_find_by_name (GTK_WIDGET (window), "phase-diagram"))));
  /* and the LI-RADS path, with the capsule added after the first frame */
  g_assert_true (gtk_widget_get_mapped (hep_ui_test_find_by_name (GTK_WIDGET (window), "lirads-view")));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (hep_ui_test_find_by_name (GTK_WIDGET (window), "lirads-category"))),
                   ==, "LR-5");

  /* a late row drives the state like any other */
  gtk_switch_set_active (GTK_SWITCH (washout), FALSE);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (hep_ui_test_find_by_name (GTK_WIDGET (window), "lirads-category"))),
                   ==, "LR-5");   /* capsule is still an additional major feature */
  g_assert_false (hep_window_get_loading (window));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A case opened with the window: the card down to its findings is in the
 * first frame; its answer and footer too if the first layout puts them in
 * view (a tall window), else right after it. Nothing of the case is lost
 * either way. */
static void
test_case_first_frame (void)
{
  static const struct { int width, height; gboolean lower_in_first_frame; } sizes[] = {
    { 1180, 760, FALSE },
    { 1900, 1150, TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      HepWindow *window = hep_window_new (app);
      GtkWidget *answer, *footer;

      gtk_window_set_default_size (GTK_WINDOW (window), sizes[i].width, sizes[i].height);
      /* a short case: its answer starts within 1150 px */
      g_assert_true (hep_window_open_case (window, "fnh-classic-young-woman", NULL));
      g_signal_connect_after (window, "realize", G_CALLBACK (test_realized_cb), NULL);
      gtk_window_present (GTK_WINDOW (window));
      g_assert_true (hep_ui_test_wait_for (window_first_frame_done, window, 5000));
      answer = hep_ui_test_find_by_name (GTK_WIDGET (window), "case-answer");
      footer = gtk_widget_get_last_child (gtk_widget_get_parent (answer));
      g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (hep_ui_test_find_by_name (GTK_WIDGET (window), "case-title"))),
                       !=, "");
      g_assert_cmpint (gtk_widget_get_mapped (answer), ==, sizes[i].lower_in_first_frame);
      g_assert_cmpint (gtk_widget_get_mapped (footer), ==, sizes[i].lower_in_first_frame);
      g_assert_true (hep_ui_test_wait_for (hep_ui_test_window_loaded, window, 5000));
      g_assert_true (gtk_widget_get_mapped (answer));
      g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (answer)), "Focal nodular hyperplasia"));
      g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (footer)), "for education only"));
      gtk_window_destroy (GTK_WINDOW (window));
    }
}

/* The panel builds the rows that fill the height it is given, and more
 * when the height grows. */
static void
test_panel_first_height (void)
{
  HepFeaturePanel *panel = HEP_FEATURE_PANEL (hep_feature_panel_new (NULL));

  g_object_ref_sink (panel);
  g_assert_null (hep_ui_test_find_by_name (GTK_WIDGET (panel), "feature-risk"));
  /* a group heading and three rows */
  hep_feature_panel_set_first_height (panel, 200);
  g_assert_nonnull (hep_ui_test_find_by_name (GTK_WIDGET (panel), "feature-risk"));
  g_assert_nonnull (hep_ui_test_find_by_name (GTK_WIDGET (panel), "feature-sex"));
  g_assert_null (hep_ui_test_find_by_name (GTK_WIDGET (panel), "feature-known-malignancy"));
  /* a smaller height takes nothing away */
  hep_feature_panel_set_first_height (panel, 10);
  g_assert_nonnull (hep_ui_test_find_by_name (GTK_WIDGET (panel), "feature-sex"));
  /* a taller one reaches into the second group */
  hep_feature_panel_set_first_height (panel, 700);
  g_assert_nonnull (hep_ui_test_find_by_name (GTK_WIDGET (panel), "feature-size"));
  g_assert_null (hep_ui_test_find_by_name (GTK_WIDGET (panel), "feature-washout"));
  g_object_unref (panel);
}

/* Asking the panel for an editor builds its group at once. */
static void
test_editor_on_demand (void)
{
  HepFeaturePanel *panel = HEP_FEATURE_PANEL (hep_feature_panel_new (NULL));
  GtkWidget *editor;

  g_object_ref_sink (panel);
  g_assert_null (hep_ui_test_find_by_name (GTK_WIDGET (panel), "feature-necrosis"));
  editor = hep_feature_panel_get_editor (panel, HEP_FEATURE_NECROSIS);
  g_assert_true (GTK_IS_SWITCH (editor));
  g_assert_true (hep_ui_test_find_by_name (GTK_WIDGET (panel), "feature-necrosis") == editor);
  g_object_unref (panel);
}

/* A case past the sidebar's first page, opened before the window is
 * shown, is selected once the list has all its rows. */
static void
test_deep_case_selected_after_first_frame (void)
{
  HepWindow *window = hep_window_new (app);
  GListModel *store = G_LIST_MODEL (hep_application_get_store (app));
  guint last = g_list_model_get_n_items (store) - 1;
  g_autoptr(HepCase) c = g_list_model_get_item (store, last);
  GtkListView *list = GTK_LIST_VIEW (hep_ui_test_find_by_name (GTK_WIDGET (window), "case-list"));
  GtkSingleSelection *selection;

  g_assert_true (hep_window_open_case (window, hep_case_get_id (c), NULL));
  selection = GTK_SINGLE_SELECTION (gtk_list_view_get_model (list));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), <, last);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (hep_ui_test_wait_for (hep_ui_test_window_loaded, window, 5000));
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, last);
  g_assert_true (hep_window_get_case (window) == c || g_str_equal (hep_case_get_id (hep_window_get_case (window)), hep_case_get_id (c)));
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  int status;

  hep_ui_test_init (&argc, &argv);
  app = hep_ui_test_register_app ();
  g_test_add_func ("/window-startup/first-frame-then-the-rest", test_first_frame_then_the_rest);
  g_test_add_func ("/window-startup/case-first-frame", test_case_first_frame);
  g_test_add_func ("/window-startup/editor-on-demand", test_editor_on_demand);
  g_test_add_func ("/window-startup/panel-first-height", test_panel_first_height);
  g_test_add_func ("/window-startup/deep-case-selected-after-first-frame", test_deep_case_selected_after_first_frame);
  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
