/* test-window-damaged.c: the window over a damaged user database
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A user database with a bit flipped in a page of its cases table is in
 * place before the application starts: the bundled library is shown, a
 * banner says what happened, and "Back Up and Repair" keeps the damaged
 * file and brings back the cases that can be read. Before the repair, a
 * quiz runs over the bundled cases and says its answers are not saved.
 */

#include "config.h"

#include "hep-application.h"
#include "hep-quiz-view.h"
#include "hep-ui-test-utils.h"
#include "hep-window.h"
#include "../core/hep-test-damage.h"

static HepApplication *app;

static guint
count_damaged_backups (const char *dir)
{
  g_autoptr(GPtrArray) list = hep_db_backup_list (dir, NULL);
  guint n = 0;

  for (guint i = 0; list != NULL && i < list->len; i++)
    if (g_str_equal (((HepDbBackup *) list->pdata[i])->reason, "damaged"))
      n++;
  return n;
}

static void
test_damaged_database_banner_and_repair (void)
{
  HepWindow *window = hep_window_new (app);
  g_autofree char *backups = hep_db_backup_default_dir ();
  HepCaseStore *store = hep_application_get_store (app);
  GtkWidget *banner, *repair;
  guint n_bundled = hep_case_store_count (store, HEP_CASE_ORIGIN_BUNDLED, NULL);

  /* the bundled library is there, the user's cases are not */
  g_assert_true (hep_application_get_store_damaged (app));
  g_assert_cmpuint (n_bundled, >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, n_bundled);
  g_assert_cmpuint (hep_case_store_count (store, HEP_CASE_ORIGIN_USER, NULL), ==, 0);

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (hep_ui_test_wait_for (hep_ui_test_window_loaded, window, 10000));
  banner = hep_ui_test_find_by_name (GTK_WIDGET (window), "db-banner");
  repair = hep_ui_test_find_by_name (GTK_WIDGET (window), "db-banner-repair");
  g_assert_nonnull (banner);
  g_assert_nonnull (repair);
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (banner)));
  g_assert_true (gtk_widget_get_visible (repair));
  g_assert_cmpuint (count_damaged_backups (backups), ==, 0);
  hep_ui_test_wait_for_draw (GTK_WIDGET (window));
  g_free (hep_ui_test_save_png (GTK_WIDGET (window), "window-damaged-db.png"));

  /* a quiz without the review log: it runs, and says so */
  {
    GtkWidget *view;
    GtkWidget *status;
    HepQuizPlanSpec spec;
    const HepQuizQuestion *q;

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.start-quiz", "s", "mistakes"));
    view = hep_ui_test_find_by_name (GTK_WIDGET (window), "quiz-view");
    status = hep_ui_test_find_by_name (view, "quiz-setup-status");
    g_assert_cmpstr (hep_quiz_view_get_page (HEP_QUIZ_VIEW (view)), ==, "setup");
    g_assert_true (g_str_has_prefix (gtk_label_get_label (GTK_LABEL (status)), "Your review log is not available"));

    hep_quiz_plan_spec_init (&spec);
    spec.n_questions = 1;
    spec.kinds = 1u << HEP_QUIZ_KIND_DIAGNOSIS;
    g_assert_true (hep_quiz_view_start (HEP_QUIZ_VIEW (view), &spec, HEP_QUIZ_MODE_EXAM));
    g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (hep_ui_test_find_by_name (view, "quiz-progress"))), ==,
                     "Question 1 of 1 · not saved");
    q = hep_quiz_view_get_question (HEP_QUIZ_VIEW (view));
    g_assert_nonnull (q);
    g_assert_true (hep_quiz_view_handle_key (HEP_QUIZ_VIEW (view), GDK_KEY_1, 0));
    g_assert_true (hep_quiz_view_handle_key (HEP_QUIZ_VIEW (view), GDK_KEY_g, 0));
    g_assert_true (hep_quiz_view_handle_key (HEP_QUIZ_VIEW (view), GDK_KEY_Return, 0));
    g_assert_cmpstr (hep_quiz_view_get_page (HEP_QUIZ_VIEW (view)), ==, "review");
    g_assert_true (g_str_has_prefix (gtk_label_get_label (GTK_LABEL (hep_ui_test_find_by_name (view, "quiz-review-status"))),
                                     "These answers were not saved"));
    /* nothing went into the throwaway database either */
    {
      g_autoptr(GPtrArray) log = hep_case_store_list_log (store, 0, 0, NULL);

      g_assert_true (log == NULL || log->len == 0);
    }
    hep_window_show_page (window, "explore");
  }

  /* as a click does (activate() presses the button for a moment first) */
  g_signal_emit_by_name (repair, "clicked");

  /* the readable cases are back, beside the bundled ones, and the damaged
   * file is kept */
  store = hep_application_get_store (app);
  g_assert_false (hep_application_get_store_damaged (app));
  g_assert_null (hep_application_get_store_error (app));
  g_assert_cmpuint (hep_case_store_count (store, HEP_CASE_ORIGIN_USER, NULL), >, 0);
  g_assert_cmpuint (hep_case_store_count (store, HEP_CASE_ORIGIN_USER, NULL), <, HEP_TEST_N_CASES);
  g_assert_cmpuint (hep_case_store_count (store, HEP_CASE_ORIGIN_BUNDLED, NULL), ==, n_bundled);
  g_assert_cmpuint (count_damaged_backups (backups), ==, 1);
  g_assert_false (gtk_widget_get_visible (repair));
  {
    GtkListView *list = GTK_LIST_VIEW (hep_ui_test_find_by_name (GTK_WIDGET (window), "case-list"));

    g_assert_nonnull (list);
    g_assert_true (hep_ui_test_wait_for (hep_ui_test_window_loaded, window, 10000));
  }
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  int status;

  hep_ui_test_init (&argc, &argv);
  {
    g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "hepatica", NULL);
    g_autofree char *path = hep_case_store_default_user_path ();

    g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
    hep_test_make_user_db (path);
    hep_test_flip_bit_in_cases_page (path);
  }
  app = hep_ui_test_register_app ();
  g_test_add_func ("/window-damaged/banner-and-repair", test_damaged_database_banner_and_repair);
  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
