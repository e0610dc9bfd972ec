/* test-progress-view.c: the Progress page, over a review log written by the core
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The log goes into the test's private user database through
 * hep_quiz_record_answer(), as the quiz writes it. The answers, derived by
 * hand: hcc-classic-cirrhosis diagnosis right; its features without washout
 * (perception: "Missed: Nonperipheral washout"); fnh-classic-young-woman
 * diagnosis wrong (knowledge); hcc-lr4-capsule-only LI-RADS wrong (rule);
 * hemangioma-classic-incidental diagnosis timed out (timing). Four
 * mistakes, one of each kind.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "hep-application.h"
#include "hep-case-spoilers.h"
#include "hep-progress-view.h"
#include "hep-quiz-review.h"
#include "hep-text-row.h"
#include "hep-ui-test-utils.h"
#include "hep-window.h"

#define DAY (24 * 3600)

static HepApplication *app;

typedef struct {
  HepWindow          *window;
  HepProgressView    *view;
  GSimpleActionGroup *actions;       /* a stand-in for the quiz page's win.start-quiz */
  GPtrArray          *started;       /* its parameters */
} Fixture;

static void
start_quiz_cb (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  Fixture *f = user_data;

  g_ptr_array_add (f->started, g_variant_dup_string (parameter, NULL));
}

static gboolean
page_filled (gpointer data)
{
  Fixture *f = data;

  return gtk_widget_get_mapped (GTK_WIDGET (f->view)) && hep_progress_view_get_stats (f->view) != NULL;
}

static void
show_progress (Fixture *f)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-page", "s", "progress"));
  g_assert_cmpstr (hep_window_get_page (f->window), ==, "progress");
  g_assert_true (hep_ui_test_wait_for (page_filled, f, 5000));
  hep_ui_test_wait_for_draw (GTK_WIDGET (f->view));
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GSimpleAction) start = g_simple_action_new ("start-quiz", G_VARIANT_TYPE_STRING);

  f->window = hep_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1200, 900);
  gtk_window_present (GTK_WINDOW (f->window));
  g_assert_true (hep_ui_test_wait_for (hep_ui_test_window_loaded, f->window, 5000));
  /* the page is built when first shown, or asked for */
  g_assert_null (hep_ui_test_find_by_name (GTK_WIDGET (f->window), "progress-view"));
  f->view = HEP_PROGRESS_VIEW (hep_window_get_page_widget (f->window, "progress"));
  g_assert_nonnull (f->view);
  f->started = g_ptr_array_new_with_free_func (g_free);
  f->actions = g_simple_action_group_new ();
  g_signal_connect (start, "activate", G_CALLBACK (start_quiz_cb), f);
  g_action_map_add_action (G_ACTION_MAP (f->actions), G_ACTION (start));
  /* nearer than the window's own win. actions, so found first */
  gtk_widget_insert_action_group (GTK_WIDGET (f->view), "win", G_ACTION_GROUP (f->actions));
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_clear_object (&f->actions);
  g_clear_pointer (&f->started, g_ptr_array_unref);
}

/* Answers one question of @case_id as the quiz would, at @when. */
static void
answer (const char  *case_id,
        HepQuizKind  kind,
        const char  *choice,       /* NULL: the key; "wrong": another option */
        const char  *features,     /* features kind: the tokens answered */
        gboolean     timed_out,
        gint64       when)
{
  HepCaseStore *store = hep_application_get_store (app);
  g_autoptr(GError) error = NULL;
  g_autoptr(HepCase) c = hep_case_store_get_case (store, case_id, &error);
  g_autoptr(HepQuizQuestion) q = NULL;
  g_autoptr(HepQuizOutcome) o = NULL;
  HepQuizResponse r;
  HepFsrsParams params;

  g_assert_no_error (error);
  q = hep_quiz_question_new (c, kind, 7, &error);
  g_assert_no_error (error);
  hep_quiz_response_init (&r);
  r.confidence = HEP_QUIZ_CONFIDENCE_SURE;
  r.duration_ms = 20000;
  r.timed_out = timed_out;
  if (kind == HEP_QUIZ_KIND_FEATURES)
    g_assert_true (hep_feature_set_parse (&r.features, features, NULL));
  else if (!timed_out)
    {
      int index = q->key;

      if (g_strcmp0 (choice, "wrong") == 0)
        index = (q->key + 1) % q->options->len;
      r.choice = ((HepQuizOption *) g_ptr_array_index (q->options, index))->id;
    }
  o = hep_quiz_outcome_new (q, &r, NULL);
  hep_fsrs_params_init_default (&params);
  g_assert_cmpint (hep_quiz_record_answer (store, &params, q, &r, o, "ui-test", "tutor", when, &error), >, 0);
  g_assert_no_error (error);
}

static void
fill_log (void)
{
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  HepCaseStore *store = hep_application_get_store (app);
  g_autoptr(HepCase) c = hep_case_store_get_case (store, "hcc-classic-cirrhosis", NULL);
  g_autoptr(HepQuizQuestion) q = hep_quiz_question_new (c, HEP_QUIZ_KIND_FEATURES, 7, NULL);
  HepFeatureSet without_washout = q->key_features;
  g_autofree char *tokens = NULL;

  hep_feature_set_set (&without_washout, HEP_FEATURE_WASHOUT, 0);
  tokens = hep_feature_set_to_string (&without_washout);
  g_assert_null (strstr (tokens, "washout"));

  answer ("hcc-classic-cirrhosis", HEP_QUIZ_KIND_DIAGNOSIS, NULL, NULL, FALSE, now - 3 * DAY);
  answer ("hcc-classic-cirrhosis", HEP_QUIZ_KIND_FEATURES, NULL, tokens, FALSE, now - 2 * DAY);
  answer ("fnh-classic-young-woman", HEP_QUIZ_KIND_DIAGNOSIS, "wrong", NULL, FALSE, now - 2 * DAY);
  answer ("hcc-lr4-capsule-only", HEP_QUIZ_KIND_LIRADS, "wrong", NULL, FALSE, now - DAY);
  answer ("hemangioma-classic-incidental", HEP_QUIZ_KIND_DIAGNOSIS, NULL, NULL, TRUE, now - 60);
}

/* An empty log: the page says what to do, and its button starts a quiz. */
static void
test_progress_empty (Fixture       *f,
                     gconstpointer  data)
{
  GtkWidget *start;

  show_progress (f);
  g_assert_cmpuint (hep_progress_view_get_stats (f->view)->n_answers, ==, 0);
  g_assert_cmpstr (hep_progress_view_get_state (f->view), ==, "empty");
  start = hep_ui_test_find_by_name (GTK_WIDGET (f->view), "progress-start-quiz");
  g_assert_true (gtk_widget_get_mapped (start));
  g_signal_emit_by_name (start, "clicked");
  g_assert_cmpuint (f->started->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (f->started, 0), ==, "setup");
  g_free (hep_ui_test_save_png (GTK_WIDGET (f->window), "test-progress-empty.png"));
}

static const char *
label_text (Fixture    *f,
            const char *headline,
            guint       child)
{
  GtkWidget *box = hep_ui_test_find_by_name (GTK_WIDGET (f->view), headline);
  GtkWidget *w = gtk_widget_get_first_child (box);

  while (child-- > 0)
    w = gtk_widget_get_next_sibling (w);
  return gtk_label_get_text (GTK_LABEL (w));
}

static gboolean
file_starts_with (const char *path,
                  const char *magic,
                  gsize       length)
{
  g_autofree char *contents = NULL;
  gsize size = 0;

  if (!g_file_get_contents (path, &contents, &size, NULL))
    return FALSE;
  return size > length && memcmp (contents, magic, length) == 0;
}

static void
test_progress_populated (Fixture       *f,
                         gconstpointer  data)
{
  HepCaseStore *store = hep_application_get_store (app);
  g_autoptr(GTimeZone) local = g_time_zone_new_local ();
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  g_autoptr(HepQuizStats) expected = NULL;
  g_autoptr(GError) error = NULL;
  const HepQuizStats *shown;
  HepMistakesList *mistakes;
  GtkListBox *list;
  g_autofree char *dir = NULL;
  g_autofree char *answers = NULL;
  g_autofree char *due = NULL;

  fill_log ();
  show_progress (f);
  g_assert_cmpstr (hep_progress_view_get_state (f->view), ==, "progress");

  /* the headline: the core's numbers, as `hepatica-cli quiz stats` has them */
  expected = hep_quiz_stats_load (store, now, hep_quiz_stats_utc_offset (local, now), NULL, NULL, &error);
  g_assert_no_error (error);
  shown = hep_progress_view_get_stats (f->view);
  g_assert_cmpuint (expected->n_answers, ==, 5);
  g_assert_cmpuint (shown->n_answers, ==, expected->n_answers);
  g_assert_cmpuint (shown->all.n_correct, ==, expected->all.n_correct);
  g_assert_cmpuint (shown->all.n_correct, ==, 1);
  g_assert_cmpuint (shown->due[0], ==, expected->due[0]);
  g_assert_cmpint (shown->utc_offset, ==, expected->utc_offset);
  g_assert_cmpuint (shown->days->len, ==, expected->days->len);
  answers = g_strdup_printf ("%u", expected->n_answers);
  due = g_strdup_printf ("%u", expected->due[0]);
  g_assert_cmpstr (label_text (f, "headline-answers", 0), ==, answers);
  g_assert_cmpstr (label_text (f, "headline-accuracy", 0), ==, "20 %");
  g_assert_cmpstr (label_text (f, "headline-due", 0), ==, due);
  {
    g_autofree char *name = g_strdup_printf ("%s answers", answers);
    g_autofree char *failure = gtk_test_accessible_check_property (
      GTK_ACCESSIBLE (hep_ui_test_find_by_name (GTK_WIDGET (f->view), "headline-answers")),
      GTK_ACCESSIBLE_PROPERTY_LABEL, name);

    g_assert_null (failure);
  }
  if (expected->retention.n == 0)
    g_assert_cmpstr (label_text (f, "headline-retention", 0), ==, "–");

  /* every plot is there, drawn, named and described by the core's words */
  for (int p = 0; p < HEP_N_QUIZ_PLOTS; p++)
    {
      HepPlotView *plot = hep_progress_view_get_plot_view (f->view, p);
      const char *text = hep_plot_view_get_text_alternative (plot);
      g_autofree char *alt = NULL;
      g_autofree char *svg = hep_quiz_stats_plot_svg (expected, p, HEP_DIAGRAM_THEME_LIGHT, 0, 0, &alt);
      g_autofree char *failure = NULL;

      g_test_message ("plot %s", hep_quiz_plot_to_string (p));
      g_assert_nonnull (text);
      g_assert_cmpstr (text, ==, alt);
      g_assert_cmpuint (strlen (text), >, strlen ("Calibration\n"));
      failure = gtk_test_accessible_check_property (GTK_ACCESSIBLE (plot), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text);
      g_assert_null (failure);
      g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (plot)), ==, GTK_ACCESSIBLE_ROLE_IMG);
      g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (plot)));
      g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (plot)), >=, 140);
    }
  /* the words of the plots, shown on demand */
  {
    GtkWidget *text = hep_ui_test_find_by_name (GTK_WIDGET (f->view), "plot-text-by-diagnosis");

    g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (text)), "Focal nodular hyperplasia: 0 %"));
  }
  g_assert_cmpuint (hep_plot_view_get_n_renders (hep_progress_view_get_plot_view (f->view, HEP_QUIZ_PLOT_ACCURACY_OVER_TIME)), >, 0);
  g_free (hep_ui_test_save_png (GTK_WIDGET (f->window), "test-progress-statistics.png"));

  /* export: each format's first bytes */
  dir = g_dir_make_tmp ("hepatica-plot-XXXXXX", &error);
  g_assert_no_error (error);
  {
    static const struct { const char *name; const char *magic; gsize length; } formats[] = {
      { "plot.svg", "<svg", 4 }, { "plot.png", "\x89PNG\r\n\x1a\n", 8 }, { "plot.pdf", "%PDF-", 5 },
    };

    for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
      {
        g_autofree char *path = g_build_filename (dir, formats[i].name, NULL);
        g_autofree char *contents = NULL;

        g_assert_true (hep_plot_view_export (hep_progress_view_get_plot_view (f->view, HEP_QUIZ_PLOT_CONFUSION),
                                             path, 0, 0, &error));
        g_assert_no_error (error);
        g_assert_true (file_starts_with (path, formats[i].magic, formats[i].length) ||
                       (i == 0 && g_file_get_contents (path, &contents, NULL, NULL) &&
                        g_str_has_prefix (contents, "<?xml") && strstr (contents, "<svg") != NULL));
        g_remove (path);
      }
    g_rmdir (dir);
  }

  /* the mistakes: one of each kind, newest first, why in words */
  hep_progress_view_show_section (f->view, "mistakes");
  mistakes = hep_progress_view_get_mistakes_list (f->view);
  list = hep_mistakes_list_get_list_box (mistakes);
  hep_ui_test_wait_for_draw (GTK_WIDGET (list));
  g_assert_cmpuint (hep_mistakes_list_get_n_mistakes (mistakes), ==, 4);
  g_assert_cmpuint (hep_mistakes_list_count_kind (mistakes, HEP_QUIZ_ERROR_PERCEPTION), ==, 1);
  g_assert_cmpuint (hep_mistakes_list_count_kind (mistakes, HEP_QUIZ_ERROR_RULE), ==, 1);
  g_assert_cmpuint (hep_mistakes_list_count_kind (mistakes, HEP_QUIZ_ERROR_KNOWLEDGE), ==, 1);
  g_assert_cmpuint (hep_mistakes_list_count_kind (mistakes, HEP_QUIZ_ERROR_TIMING), ==, 1);
  {
    static const HepQuizErrorKind order[] = {
      HEP_QUIZ_ERROR_TIMING, HEP_QUIZ_ERROR_RULE, HEP_QUIZ_ERROR_KNOWLEDGE, HEP_QUIZ_ERROR_PERCEPTION,
    };
    static const char * const cases[] = {
      "hemangioma-classic-incidental", "hcc-lr4-capsule-only", "fnh-classic-young-woman", "hcc-classic-cirrhosis",
    };

    for (guint i = 0; i < G_N_ELEMENTS (order); i++)
      {
        GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, i);
        g_autoptr(HepCase) c = hep_case_store_get_case (store, cases[i], NULL);
        const char *title = hep_text_row_get_title (HEP_TEXT_ROW (row));
        const char *subtitle = hep_text_row_get_subtitle (HEP_TEXT_ROW (row));

        g_test_message ("%s: %s / %s", cases[i], title, subtitle);
        g_assert_cmpint (hep_mistakes_list_row_get_kind (row), ==, order[i]);
        /* named only as unknown-case mode would name it */
        if (hep_case_hides (c, HEP_CASE_SPOILER_TITLE))
          g_assert_true (g_str_has_prefix (title, "Unknown case "));
        else
          g_assert_cmpstr (title, ==, hep_case_get_title (c));
        g_assert_nonnull (strstr (subtitle, hep_case_get_history (c)));
        /* never the answer */
        g_assert_null (strstr (subtitle, hep_case_diagnosis_get_label (hep_case_get_diagnosis (c))));
      }
    g_assert_nonnull (strstr (hep_text_row_get_subtitle (HEP_TEXT_ROW (gtk_list_box_get_row_at_index (list, 3))),
                              "Missed: Nonperipheral washout"));
    g_assert_true (g_str_has_prefix (hep_text_row_get_subtitle (HEP_TEXT_ROW (gtk_list_box_get_row_at_index (list, 0))),
                                     "The time ran out"));
    g_assert_true (g_str_has_prefix (hep_text_row_get_subtitle (HEP_TEXT_ROW (gtk_list_box_get_row_at_index (list, 2))),
                                     "The findings were given; the diagnosis chosen"));
  }
  g_free (hep_ui_test_save_png (GTK_WIDGET (f->window), "test-progress-mistakes.png"));

  /* filtered by kind: the perception row alone */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (hep_ui_test_find_by_name (GTK_WIDGET (mistakes), "mistakes-filter-perception")), TRUE);
  g_assert_cmpint (hep_mistakes_list_get_filter (mistakes), ==, HEP_QUIZ_ERROR_PERCEPTION);
  for (guint i = 0; i < 4; i++)
    g_assert_cmpint (gtk_widget_get_child_visible (GTK_WIDGET (gtk_list_box_get_row_at_index (list, i))), ==, i == 3);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (hep_ui_test_find_by_name (GTK_WIDGET (mistakes), "mistakes-filter-all")), TRUE);
  g_assert_cmpint (hep_mistakes_list_get_filter (mistakes), ==, HEP_MISTAKES_FILTER_ALL);
  g_assert_true (gtk_widget_get_child_visible (GTK_WIDGET (gtk_list_box_get_row_at_index (list, 0))));

  /* Quiz My Mistakes */
  g_signal_emit_by_name (hep_ui_test_find_by_name (GTK_WIDGET (mistakes), "quiz-mistakes"), "clicked");
  g_assert_cmpuint (f->started->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (f->started, 0), ==, "mistakes");

  /* a new answer is there when the page is shown again; the LI-RADS
   * question answered right is no longer a mistake */
  hep_progress_view_show_section (f->view, "statistics");
  g_assert_true (hep_window_show_page (f->window, "explore"));
  answer ("hcc-lr4-capsule-only", HEP_QUIZ_KIND_LIRADS, NULL, NULL, FALSE, now);
  show_progress (f);
  g_assert_cmpuint (hep_progress_view_get_stats (f->view)->n_answers, ==, 6);
  g_assert_cmpuint (hep_mistakes_list_get_n_mistakes (mistakes), ==, 3);
  g_assert_cmpuint (hep_mistakes_list_count_kind (mistakes, HEP_QUIZ_ERROR_RULE), ==, 0);
}

static gboolean
drawn_dark (gpointer data)
{
  HepPlotView *plot = data;

  return hep_plot_view_get_theme (plot) == HEP_DIAGRAM_THEME_DARK;
}

/* The plots follow the style: dark redraws them in the dark theme. */
static void
test_progress_dark (Fixture       *f,
                    gconstpointer  data)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  HepPlotView *plot;
  guint renders;

  show_progress (f);
  plot = hep_progress_view_get_plot_view (f->view, HEP_QUIZ_PLOT_BY_DIAGNOSIS);
  hep_ui_test_wait_for_draw (GTK_WIDGET (plot));
  g_assert_cmpint (hep_plot_view_get_theme (plot), ==, HEP_DIAGRAM_THEME_LIGHT);
  renders = hep_plot_view_get_n_renders (plot);
  g_assert_cmpuint (renders, >, 0);

  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
  g_assert_true (hep_ui_test_wait_for (drawn_dark, plot, 5000));
  g_assert_cmpuint (hep_plot_view_get_n_renders (plot), >, renders);
  g_free (hep_ui_test_save_png (GTK_WIDGET (f->window), "test-progress-dark.png"));
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);
}

int
main (int    argc,
      char **argv)
{
  int status;

  hep_ui_test_init (&argc, &argv);
  app = hep_ui_test_register_app ();

  /* in this order: the log is empty for the first */
  g_test_add ("/progress/empty", Fixture, NULL, fixture_setup, test_progress_empty, fixture_teardown);
  g_test_add ("/progress/populated", Fixture, NULL, fixture_setup, test_progress_populated, fixture_teardown);
  g_test_add ("/progress/dark", Fixture, NULL, fixture_setup, test_progress_dark, fixture_teardown);

  status = g_test_run ();
  g_object_unref (app);
  return status;
}
