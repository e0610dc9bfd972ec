/* test-quiz-view.c: the window's quiz page
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The quiz page driven as a learner would, by clicks and keys over the
 * bundled library: a tutor quiz with its feedback and a grade changed
 * before going on, a timed question left to run out (the clock is the
 * test's), an exam and its review page; each answer's row in the review
 * log; and nothing that gives the answer away while a question is open,
 * by the core's unknown-case rule.
 */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "hep-application.h"
#include "hep-quiz-view.h"
#include "hep-screenshot.h"
#include "hep-text-row.h"
#include "hep-ui-test-utils.h"
#include "hep-window.h"
#include "hep-window-private.h"
#include "hep-wrap-label.h"

typedef struct {
  HepWindow   *window;
  HepQuizView *view;
  gint64       now;     /* the quiz's clock, µs */
} Fixture;

static HepApplication *app;

#define START_US G_GINT64_CONSTANT (1767225600000000)   /* 2026-01-01T00:00:00Z */

static gint64
fake_clock (gpointer data)
{
  return ((Fixture *) data)->now;
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

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->window = hep_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1024, 700);
  gtk_window_present (GTK_WINDOW (f->window));
  g_assert_true (hep_ui_test_wait_for (hep_ui_test_window_loaded, f->window, 5000));
  /* Alt+2 */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-page", "s", "quiz"));
  g_assert_cmpstr (hep_window_get_page (f->window), ==, "quiz");
  f->view = HEP_QUIZ_VIEW (find (f, "quiz-view"));
  hep_ui_test_wait_for_draw (GTK_WIDGET (f->view));
  f->now = START_US;
  hep_quiz_view_set_clock (f->view, fake_clock, f);
  g_assert_cmpstr (hep_quiz_view_get_page (f->view), ==, "setup");
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
}

static GPtrArray *
log_of_session (Fixture    *f,
                const char *mode)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) log = hep_case_store_list_log (_hep_window_get_store (f->window), 0, 0, &error);
  GPtrArray *rows = g_ptr_array_new ();

  g_assert_no_error (error);
  /* the rows of this test: answered at the fake clock's times */
  for (guint i = 0; i < log->len; i++)
    {
      HepQuizLogEntry *e = g_ptr_array_index (log, i);

      if (g_strcmp0 (e->mode, mode) == 0 && e->answered_at >= START_US / G_USEC_PER_SEC)
        g_ptr_array_add (rows, g_steal_pointer (&log->pdata[i]));
    }
  g_ptr_array_set_free_func (rows, (GDestroyNotify) hep_quiz_log_entry_free);
  return rows;
}

static void
setup_quiz (Fixture    *f,
            const char *mode,
            int         n,
            guint       kinds)
{
  g_autofree char *mode_name = g_strconcat ("quiz-mode-", mode, NULL);

  gtk_check_button_set_active (GTK_CHECK_BUTTON (find (f, mode_name)), TRUE);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (find (f, "quiz-count")), n);
  for (int k = 0; k < HEP_N_QUIZ_KINDS; k++)
    gtk_check_button_set_active (GTK_CHECK_BUTTON (find (f, hep_quiz_kind_to_string (k))), (kinds & (1u << k)) != 0);
}

/* a click, as GtkButton::clicked (activation finishes after a delay) */
static void
click (GtkWidget *button)
{
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}

static void
key (Fixture *f,
     guint    keyval)
{
  g_assert_true (hep_quiz_view_handle_key (f->view, keyval, 0));
}

/* Answers the question shown: the key (or, for features, the case's
 * features), else a wrong option (or no features). */
static void
answer_question (Fixture  *f,
                 gboolean  right)
{
  const HepQuizQuestion *q = hep_quiz_view_get_question (f->view);
  GtkWidget *check = find (f, "quiz-check");

  g_assert_nonnull (q);
  /* the keys reach the page only if the focus is in it */
  {
    GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (f->window));

    GtkWidget *page = gtk_stack_get_visible_child (GTK_STACK (find (f, "quiz-stack")));

    g_assert_nonnull (focus);
    g_assert_true (gtk_widget_is_ancestor (focus, page));
  }
  g_assert_false (gtk_widget_get_sensitive (check) && q->kind != HEP_QUIZ_KIND_FEATURES);
  if (q->kind == HEP_QUIZ_KIND_FEATURES)
    {
      GtkWidget *list = find (f, "quiz-features");

      if (right)
        for (GtkWidget *row = gtk_widget_get_first_child (list); row; row = gtk_widget_get_next_sibling (row))
          {
            GtkWidget *editor = hep_ui_test_find_by_type (row, GTK_TYPE_SWITCH);
            GtkWidget *choice = NULL;
            HepFeature feature;

            if (editor == NULL)
              choice = editor = hep_ui_test_find_by_type (row, GTK_TYPE_BUTTON);
            g_assert_nonnull (editor);
            feature = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (editor), "feature"));
            if (!hep_feature_set_is_set (&q->key_features, feature))
              continue;
            if (choice == NULL)
              gtk_switch_set_active (GTK_SWITCH (editor), TRUE);
            else
              g_object_set (choice, "selected", (guint) hep_feature_set_get (&q->key_features, feature), NULL);
          }
    }
  else
    {
      int pick = q->key;

      if (!right)
        pick = q->key == 0 ? 1 : 0;
      key (f, GDK_KEY_1 + pick);
      g_assert_true (gtk_toggle_button_get_active (
        GTK_TOGGLE_BUTTON (gtk_widget_get_first_child (find (f, "quiz-options")))) == (pick == 0));
    }
  /* no check before saying how sure */
  g_assert_false (gtk_widget_get_sensitive (check));
  key (f, GDK_KEY_s);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (find (f, "quiz-sure"))));
  g_assert_true (gtk_widget_get_sensitive (check));
  f->now += 5 * G_USEC_PER_SEC;   /* answered in 5 s: fast */
  key (f, GDK_KEY_Return);
}

static const char *
active_grade (Fixture *f)
{
  static const char * const names[] = { "quiz-grade-again", "quiz-grade-hard", "quiz-grade-good", "quiz-grade-easy" };
  static const char * const grades[] = { "again", "hard", "good", "easy" };

  for (guint i = 0; i < 4; i++)
    if (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (find (f, names[i]))))
      return grades[i];
  return NULL;
}

/* Setup → a three-question tutor quiz: right (sure, fast: easy), wrong
 * with the grade changed to good by its key, right with the grade
 * clicked to hard; the review; three rows in the log. */
static void
test_tutor (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *session = NULL;
  static const gboolean right[] = { TRUE, FALSE, TRUE };
  static const char * const grades[] = { "easy", "good", "hard" };
  gboolean was_right[3];

  setup_quiz (f, "tutor", 3, HEP_QUIZ_KINDS_ALL);
  click (find (f, "quiz-start"));
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *progress = g_strdup_printf ("Question %u of 3", i + 1);
      const HepQuizQuestion *q = hep_quiz_view_get_question (f->view);

      g_assert_cmpstr (hep_quiz_view_get_page (f->view), ==, "question");
      g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (find (f, "quiz-progress"))), ==, progress);
      /* no countdown outside timed mode */
      g_assert_false (gtk_widget_get_visible (find (f, "quiz-countdown")));
      g_assert_nonnull (q);
      was_right[i] = right[i];
      answer_question (f, right[i]);
      g_assert_cmpstr (hep_quiz_view_get_page (f->view), ==, "feedback");
      g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (find (f, "quiz-verdict"))), ==,
                       right[i] ? "Right" : "Wrong");
      /* the derived grade: right, sure and fast is easy; wrong is again */
      g_assert_cmpstr (active_grade (f), ==, right[i] ? "easy" : "again");
      g_assert_true (gtk_widget_get_visible (find (f, "quiz-feedback")));
      if (i == 1)
        key (f, GDK_KEY_3);
      else if (i == 2)
        click (find (f, "quiz-grade-hard"));
      g_assert_cmpstr (active_grade (f), ==, grades[i]);
      /* nothing written before going on: the grade can still change */
      {
        g_autoptr(GPtrArray) so_far = log_of_session (f, "tutor");

        g_assert_cmpuint (so_far->len, ==, i);
      }
      key (f, GDK_KEY_Return);
    }
  g_assert_cmpstr (hep_quiz_view_get_page (f->view), ==, "review");
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (find (f, "quiz-score"))), ==, "2 of 3 questions right");

  rows = log_of_session (f, "tutor");
  g_assert_cmpuint (rows->len, ==, 3);
  for (guint i = 0; i < rows->len; i++)
    {
      HepQuizLogEntry *e = g_ptr_array_index (rows, i);

      g_assert_cmpint (e->correct, ==, was_right[i]);
      g_assert_cmpstr (e->grade, ==, grades[i]);
      g_assert_cmpstr (e->sureness, ==, "sure");
      g_assert_cmpint (e->duration_ms, ==, 5000);
      /* the time the answer was checked, from the quiz's clock */
      g_assert_cmpint (e->answered_at, ==, START_US / G_USEC_PER_SEC + 5 * (i + 1));
      if (was_right[i])
        g_assert_null (e->error_kind);
      else
        g_assert_nonnull (e->error_kind);
      if (i == 0)
        session = g_strdup (e->session_id);
      g_assert_cmpstr (e->session_id, ==, session);
    }
  g_assert_nonnull (session);
}

static gboolean
countdown_at_one_minute (gpointer label)
{
  return g_strcmp0 (gtk_label_get_label (label), "1:00") == 0;
}

static gboolean
showing_feedback (gpointer view)
{
  return g_strcmp0 (hep_quiz_view_get_page (view), "feedback") == 0;
}

/* Timed: a countdown from the setting (90 s); running out is wrong, with
 * "timing" as the reason. The clock is driven, not waited for. */
static void
test_timed (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GPtrArray) rows = NULL;
  GtkWidget *countdown = find (f, "quiz-countdown");
  HepQuizLogEntry *e;

  setup_quiz (f, "timed", 1, 1u << HEP_QUIZ_KIND_DIAGNOSIS);
  click (find (f, "quiz-start"));
  g_assert_cmpstr (hep_quiz_view_get_page (f->view), ==, "question");
  g_assert_true (gtk_widget_get_visible (countdown));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (countdown)), ==, "1:30");

  f->now += 30 * G_USEC_PER_SEC;
  g_assert_true (hep_ui_test_wait_for (countdown_at_one_minute, countdown, 5000));
  g_assert_cmpstr (hep_quiz_view_get_page (f->view), ==, "question");
  key (f, GDK_KEY_1);   /* picked, never checked */

  f->now += 61 * G_USEC_PER_SEC;
  g_assert_true (hep_ui_test_wait_for (showing_feedback, f->view, 5000));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (find (f, "quiz-verdict"))), ==, "Wrong: time ran out");
  g_assert_false (gtk_widget_get_visible (countdown));
  g_assert_cmpstr (active_grade (f), ==, "again");
  key (f, GDK_KEY_Return);
  g_assert_cmpstr (hep_quiz_view_get_page (f->view), ==, "review");

  rows = log_of_session (f, "timed");
  g_assert_cmpuint (rows->len, ==, 1);
  e = g_ptr_array_index (rows, 0);
  g_assert_false (e->correct);
  g_assert_cmpstr (e->error_kind, ==, "timing");
  g_assert_cmpint (e->duration_ms, ==, 91000);
}

/* Leaving the page stops the countdown: the time away is not counted. */
static void
test_timed_paused (Fixture       *f,
                   gconstpointer  data)
{
  GtkWidget *countdown = find (f, "quiz-countdown");

  setup_quiz (f, "timed", 1, 1u << HEP_QUIZ_KIND_DIAGNOSIS);
  click (find (f, "quiz-start"));
  f->now += 30 * G_USEC_PER_SEC;
  g_assert_true (hep_ui_test_wait_for (countdown_at_one_minute, countdown, 5000));

  g_assert_true (hep_window_show_page (f->window, "explore"));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (f->view)));
  f->now += 120 * G_USEC_PER_SEC;
  g_main_context_iteration (NULL, FALSE);
  g_assert_true (hep_window_show_page (f->window, "quiz"));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (f->view)));
  g_assert_cmpstr (hep_quiz_view_get_page (f->view), ==, "question");
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (countdown)), ==, "1:00");

  /* and it runs on from there */
  f->now += 61 * G_USEC_PER_SEC;
  g_assert_true (hep_ui_test_wait_for (showing_feedback, f->view, 5000));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (find (f, "quiz-verdict"))), ==, "Wrong: time ran out");
}

/* The time per question is a preference: its row sets the key, and the
 * next timed quiz counts down from it. */
static void
test_timed_preference (Fixture       *f,
                       gconstpointer  data)
{
  GSettings *settings = hep_application_get_settings (app);
  GtkWidget *prefs = NULL;
  GtkWidget *spin;

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l; l = l->next)
    if (ADW_IS_PREFERENCES_WINDOW (l->data))
      prefs = l->data;
  g_assert_nonnull (prefs);
  spin = hep_ui_test_find_by_type (prefs, GTK_TYPE_SPIN_BUTTON);
  g_assert_nonnull (spin);
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (spin)), ==, 90);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 30);
  g_assert_cmpint (g_settings_get_int (settings, "quiz-seconds-per-question"), ==, 30);
  gtk_window_destroy (GTK_WINDOW (prefs));

  setup_quiz (f, "timed", 1, 1u << HEP_QUIZ_KIND_DIAGNOSIS);
  click (find (f, "quiz-start"));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (find (f, "quiz-countdown"))), ==, "0:30");
  f->now += 31 * G_USEC_PER_SEC;
  g_assert_true (hep_ui_test_wait_for (showing_feedback, f->view, 5000));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (find (f, "quiz-verdict"))), ==, "Wrong: time ran out");
  g_settings_reset (settings, "quiz-seconds-per-question");
}

/* Exam: each answer written when given, no feedback until the end, then
 * the review page with each question; Quiz My Mistakes from there. */
static void
test_exam (Fixture       *f,
           gconstpointer  data)
{
  static const gboolean right[] = { FALSE, TRUE, FALSE };
  guint kinds = (1u << HEP_QUIZ_KIND_DIAGNOSIS) | (1u << HEP_QUIZ_KIND_LIRADS) | (1u << HEP_QUIZ_KIND_NEXT_TEST);
  GtkWidget *review;

  setup_quiz (f, "exam", 3, kinds);
  click (find (f, "quiz-start"));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (find (f, "quiz-check"))), ==, "Submit");
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(GPtrArray) rows = NULL;

      g_assert_cmpstr (hep_quiz_view_get_page (f->view), ==, "question");
      answer_question (f, right[i]);
      /* written at once, no feedback */
      rows = log_of_session (f, "exam");
      g_assert_cmpuint (rows->len, ==, i + 1);
      g_assert_cmpint (((HepQuizLogEntry *) g_ptr_array_index (rows, i))->correct, ==, right[i]);
      g_assert_cmpstr (hep_quiz_view_get_page (f->view), !=, "feedback");
    }
  g_assert_cmpstr (hep_quiz_view_get_page (f->view), ==, "review");
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (find (f, "quiz-score"))), ==, "1 of 3 questions right");
  review = find (f, "quiz-review");
  g_assert_cmpuint (hep_ui_test_count_children (review), ==, 3);
  /* the wrong ones open, with the answer given and the right one */
  {
    GtkWidget *first = gtk_widget_get_first_child (review);
    GtkWidget *second = gtk_widget_get_next_sibling (first);

    g_assert_true (gtk_expander_get_expanded (GTK_EXPANDER (first)));
    g_assert_false (gtk_expander_get_expanded (GTK_EXPANDER (second)));
    g_assert_nonnull (strstr (gtk_expander_get_label (GTK_EXPANDER (first)), "wrong"));
  }
  hep_ui_test_wait_for_draw (review);
  g_free (hep_ui_test_save_png (GTK_WIDGET (f->window), "test-quiz-review.png"));

  /* Quiz My Mistakes: the two wrong ones (and any earlier mistakes) */
  click (find (f, "quiz-my-mistakes"));
  g_assert_cmpstr (hep_quiz_view_get_page (f->view), ==, "question");
  g_assert_cmpstr (hep_window_get_page (f->window), ==, "quiz");
  /* the last review, which names the answers, is gone from the tree */
  g_assert_null (gtk_widget_get_first_child (review));
  /* win.start-quiz::setup goes back */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.start-quiz", "s", "setup"));
  g_assert_cmpstr (hep_quiz_view_get_page (f->view), ==, "setup");
}

static char *
describe_question (const HepQuizQuestion *q)
{
  GString *s = g_string_new (NULL);

  g_string_append_printf (s, "%s %s", q->case_id, hep_quiz_kind_to_string (q->kind));
  for (guint i = 0; i < q->options->len; i++)
    g_string_append_printf (s, " %s", ((HepQuizOption *) g_ptr_array_index (q->options, i))->id);
  return g_string_free (s, FALSE);
}

/* An exam left after its first answer (the window closed) resumes in a new
 * window from its second question, the same question, and ends on the
 * review of all three, written under one session. */
static void
test_resume_exam (Fixture       *f,
                  gconstpointer  data)
{
  guint kinds = (1u << HEP_QUIZ_KIND_DIAGNOSIS) | (1u << HEP_QUIZ_KIND_LIRADS) | (1u << HEP_QUIZ_KIND_NEXT_TEST);
  g_autofree char *second = NULL;
  g_autoptr(GSettings) settings = g_object_ref (hep_application_get_settings (app));
  g_auto(GStrv) kept = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  guint before = 0;

  {
    g_autoptr(GPtrArray) earlier = log_of_session (f, "exam");

    before = earlier->len;
  }
  /* an exam an earlier test left unfinished is forgotten */
  g_settings_reset (settings, "quiz-unfinished-exam");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.start-quiz", "s", "setup"));
  g_assert_false (gtk_widget_get_visible (gtk_widget_get_ancestor (find (f, "quiz-resume"), ADW_TYPE_PREFERENCES_GROUP)));
  setup_quiz (f, "exam", 3, kinds);
  click (find (f, "quiz-start"));
  answer_question (f, FALSE);
  second = describe_question (hep_quiz_view_get_question (f->view));
  kept = g_settings_get_strv (settings, "quiz-unfinished-exam");
  g_assert_cmpuint (g_strv_length (kept), ==, 4);   /* the session and three questions */

  /* the window goes; a new one offers to resume */
  gtk_window_destroy (GTK_WINDOW (f->window));
  f->window = hep_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1024, 700);
  gtk_window_present (GTK_WINDOW (f->window));
  g_assert_true (hep_ui_test_wait_for (hep_ui_test_window_loaded, f->window, 5000));
  hep_window_show_page (f->window, "quiz");
  f->view = HEP_QUIZ_VIEW (find (f, "quiz-view"));
  hep_quiz_view_set_clock (f->view, fake_clock, f);
  g_assert_true (gtk_widget_get_visible (gtk_widget_get_ancestor (find (f, "quiz-resume"), ADW_TYPE_PREFERENCES_GROUP)));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (gtk_widget_get_ancestor (find (f, "quiz-resume"),
                                                                                              ADW_TYPE_ACTION_ROW))),
                   ==, "1 of 3 questions answered");

  click (find (f, "quiz-resume"));
  g_assert_cmpstr (hep_quiz_view_get_page (f->view), ==, "question");
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (find (f, "quiz-progress"))), ==, "Question 2 of 3");
  {
    g_autofree char *again = describe_question (hep_quiz_view_get_question (f->view));

    g_assert_cmpstr (again, ==, second);
  }
  answer_question (f, TRUE);
  answer_question (f, FALSE);
  g_assert_cmpstr (hep_quiz_view_get_page (f->view), ==, "review");
  g_assert_cmpuint (hep_ui_test_count_children (find (f, "quiz-review")), ==, 3);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (find (f, "quiz-score"))), ==, "1 of 3 questions right");

  rows = log_of_session (f, "exam");
  g_assert_cmpuint (rows->len, ==, before + 3);
  {
    guint n = 0;

    for (guint i = 0; i < rows->len; i++)
      if (g_strcmp0 (((HepQuizLogEntry *) rows->pdata[i])->session_id, kept[0]) == 0)
        n++;
    /* one session across the two windows */
    g_assert_cmpuint (n, ==, 3);
  }
  /* finished: nothing to resume */
  g_strfreev (g_steal_pointer (&kept));
  kept = g_settings_get_strv (settings, "quiz-unfinished-exam");
  g_assert_cmpuint (g_strv_length (kept), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.start-quiz", "s", "setup"));
  g_assert_false (gtk_widget_get_visible (gtk_widget_get_ancestor (find (f, "quiz-resume"), ADW_TYPE_PREFERENCES_GROUP)));
}

/* ---- nothing gives the answer away ----------------------------------------------- */

static void
collect_texts (GtkWidget *w,
               GtkWidget *exempt_a,
               GtkWidget *exempt_b,
               GPtrArray *out)
{
  const char *tooltip;

  if (!gtk_widget_get_mapped (w) || w == exempt_a || w == exempt_b)
    return;
  if (GTK_IS_LABEL (w))
    g_ptr_array_add (out, g_strdup (gtk_label_get_label (GTK_LABEL (w))));
  if (HEP_IS_WRAP_LABEL (w))
    g_ptr_array_add (out, g_strdup (hep_wrap_label_get_text (HEP_WRAP_LABEL (w))));
  tooltip = gtk_widget_get_tooltip_text (w);
  if (tooltip != NULL)
    g_ptr_array_add (out, g_strdup (tooltip));
  for (GtkWidget *c = gtk_widget_get_first_child (w); c; c = gtk_widget_get_next_sibling (c))
    collect_texts (c, exempt_a, exempt_b, out);
}

static void
add_strv (GPtrArray          *out,
          const char * const *v)
{
  for (guint i = 0; v != NULL && v[i] != NULL; i++)
    g_ptr_array_add (out, g_strdup (v[i]));
}

/* What the core's rule hides for @c, as text that must not be shown. */
static GPtrArray *
forbidden_texts (HepCase *c)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);

  add_strv (out, hep_case_get_teaching_points (c));
  add_strv (out, hep_case_get_pitfalls (c));
  add_strv (out, hep_case_get_references (c));
  if (hep_case_get_outcome (c) != NULL)
    g_ptr_array_add (out, g_strdup (hep_case_get_outcome (c)));
  if (hep_case_hides (c, HEP_CASE_SPOILER_TITLE))
    g_ptr_array_add (out, g_strdup (hep_case_get_title (c)));
  for (int p = 0; p < HEP_N_CASE_PHASES; p++)
    {
      const char *text = hep_case_get_findings (c, p);
      gboolean also_shown = FALSE;

      if (text == NULL || !*text || !hep_case_hides (c, HEP_CASE_SPOILER_FINDINGS (p)))
        continue;
      /* "Isointense." in a shown phase too says nothing by itself */
      for (int other = 0; other < HEP_N_CASE_PHASES; other++)
        if (other != p && !hep_case_hides (c, HEP_CASE_SPOILER_FINDINGS (other)) &&
            g_strcmp0 (hep_case_get_findings (c, other), text) == 0)
          also_shown = TRUE;
      if (!also_shown)
        g_ptr_array_add (out, g_strdup (text));
    }
  return out;
}

/* Every question of a quiz over the whole library, each checked while it
 * is open: no hidden text of the case, and no diagnosis name (the core's
 * list) outside the options and the clinical setting, which the rule
 * shows. */
static void
test_no_spoilers (Fixture       *f,
                  gconstpointer  data)
{
  HepCaseStore *store = hep_application_get_store (app);
  g_auto(GStrv) ids = hep_case_store_list_ids (store, NULL, NULL);
  guint n_checked = 0;
  guint n_possible = 0;

  /* the cases that can make a question of some kind */
  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_autoptr(HepCase) c = hep_case_store_get_case (store, ids[i], NULL);

      for (int k = 0; k < HEP_N_QUIZ_KINDS; k++)
        if (hep_quiz_question_is_possible (c, k))
          {
            n_possible++;
            break;
          }
    }
  g_assert_cmpuint (n_possible, >, 20);

  setup_quiz (f, "tutor", 100, HEP_QUIZ_KINDS_ALL);
  click (find (f, "quiz-start"));
  while (g_strcmp0 (hep_quiz_view_get_page (f->view), "question") == 0)
    {
      const HepQuizQuestion *q = hep_quiz_view_get_question (f->view);
      g_autoptr(HepCase) c = hep_case_store_get_case (store, q->case_id, NULL);
      g_autoptr(GPtrArray) forbidden = forbidden_texts (c);
      g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);

      collect_texts (GTK_WIDGET (f->window), find (f, "quiz-options"), find (f, "quiz-features"), texts);
      g_ptr_array_add (texts, g_strdup (gtk_window_get_title (GTK_WINDOW (f->window))));
      g_ptr_array_add (texts, g_strdup (adw_view_switcher_title_get_subtitle (f->window->window_title)));
      for (guint i = 0; i < texts->len; i++)
        {
          const char *text = g_ptr_array_index (texts, i);
          HepDiagnosisMatch match;

          if (text == NULL || !*text)
            continue;
          for (guint j = 0; j < forbidden->len; j++)
            if (strstr (text, g_ptr_array_index (forbidden, j)) != NULL)
              g_error ("%s (%s question): “%s” shows hidden text “%s”", q->case_id,
                       hep_quiz_kind_to_string (q->kind), text, (char *) g_ptr_array_index (forbidden, j));
          /* the setting is shown by rule (a prior HCC is the setting) */
          if (g_strcmp0 (text, q->history) == 0 || g_strcmp0 (text, q->presentation) == 0 ||
              g_strcmp0 (text, gtk_label_get_label (GTK_LABEL (find (f, "quiz-stem-meta")))) == 0)
            continue;
          if (hep_diagnosis_find_name (text, &match))
            g_error ("%s (%s question): “%s” names a diagnosis (%s)", q->case_id,
                     hep_quiz_kind_to_string (q->kind), text, match.name);
        }
      /* the feedback is empty until the answer */
      g_assert_null (gtk_widget_get_first_child (find (f, "quiz-feedback")));
      /* every kind of question keeps the focus in its page, where its keys go */
      {
        GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (f->window));

        g_assert_nonnull (focus);
        g_assert_true (gtk_widget_is_ancestor (focus, gtk_stack_get_visible_child (GTK_STACK (find (f, "quiz-stack")))));
      }
      n_checked++;
      key (f, GDK_KEY_g);
      if (q->kind != HEP_QUIZ_KIND_FEATURES)
        key (f, GDK_KEY_1);
      key (f, GDK_KEY_Return);
      g_assert_cmpstr (hep_quiz_view_get_page (f->view), ==, "feedback");
      g_assert_nonnull (gtk_widget_get_first_child (find (f, "quiz-feedback")));
      key (f, GDK_KEY_Return);
    }
  /* every case of the library, one question each */
  g_assert_cmpuint (n_checked, ==, MIN (n_possible, 100));
  g_assert_cmpstr (hep_quiz_view_get_page (f->view), ==, "review");
}

/* By diagnosis: the value row offers the diagnoses, and every question is
 * of a case with the one chosen. */
static void
test_by_diagnosis (Fixture       *f,
                   gconstpointer  data)
{
  const char * const *ids = hep_case_get_diagnosis_ids ();
  GtkWidget *value_row = gtk_widget_get_ancestor (find (f, "quiz-source-value"), ADW_TYPE_ACTION_ROW);
  guint hcc = 0;
  guint n = 0;

  g_assert_false (gtk_widget_get_visible (value_row));
  while (ids[hcc] != NULL && g_strcmp0 (ids[hcc], "hcc") != 0)
    hcc++;
  g_assert_nonnull (ids[hcc]);
  g_object_set (find (f, "quiz-source"), "selected", 1u, NULL);   /* By Diagnosis */
  g_assert_true (gtk_widget_get_visible (value_row));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (value_row)), ==, "Diagnosis");
  g_object_set (find (f, "quiz-source-value"), "selected", hcc, NULL);
  setup_quiz (f, "exam", 4, 1u << HEP_QUIZ_KIND_FEATURES | 1u << HEP_QUIZ_KIND_DIAGNOSIS);
  click (find (f, "quiz-start"));
  while (g_strcmp0 (hep_quiz_view_get_page (f->view), "question") == 0)
    {
      const HepQuizQuestion *q = hep_quiz_view_get_question (f->view);

      g_assert_cmpstr (q->diagnosis, ==, "hcc");
      n++;
      key (f, GDK_KEY_u);
      if (q->kind != HEP_QUIZ_KIND_FEATURES)
        key (f, GDK_KEY_1);
      key (f, GDK_KEY_Return);
    }
  g_assert_cmpuint (n, ==, 4);
}

/* A features question first, the quiz started from the setup page with
 * the focus left behind on the Explore page: the focus goes into the
 * question, where the page's keys are heard. */
static void
test_focus (Fixture       *f,
            gconstpointer  data)
{
  GtkWidget *focus;

  setup_quiz (f, "tutor", 1, 1u << HEP_QUIZ_KIND_FEATURES);
  gtk_root_set_focus (GTK_ROOT (f->window), NULL);
  click (find (f, "quiz-start"));
  g_assert_cmpint (hep_quiz_view_get_question (f->view)->kind, ==, HEP_QUIZ_KIND_FEATURES);
  focus = gtk_root_get_focus (GTK_ROOT (f->window));
  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_is_ancestor (focus, find (f, "quiz-features")));
}

/* win.start-quiz::due with nothing due says so on the setup page. */
static void
test_nothing_due (Fixture       *f,
                  gconstpointer  data)
{
  f->now = G_GINT64_CONSTANT (86400) * G_USEC_PER_SEC;   /* 1970: before any card is due */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.start-quiz", "s", "due"));
  g_assert_cmpstr (hep_quiz_view_get_page (f->view), ==, "setup");
  g_assert_true (gtk_widget_get_visible (find (f, "quiz-setup-status")));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (find (f, "quiz-setup-status"))), ==,
                   "Nothing is due for review now.");
}

/* Screenshots for people to look at (scripts/quiz-screenshots.sh):
 * with HEPATICA_QUIZ_SHOTS=DIR, each page at HEPATICA_QUIZ_SHOT_SIZE
 * (WxH) in HEPATICA_QUIZ_SHOT_STYLE (light or dark; high contrast by
 * ADW_DEBUG_HIGH_CONTRAST=1). Skipped otherwise. */
static void
shoot (Fixture    *f,
       const char *name)
{
  const char *dir = g_getenv ("HEPATICA_QUIZ_SHOTS");
  g_autofree char *file = g_strdup_printf ("%s-%s-%s.png", name, g_getenv ("HEPATICA_QUIZ_SHOT_SIZE"),
                                           g_getenv ("HEPATICA_QUIZ_SHOT_NAME") ? g_getenv ("HEPATICA_QUIZ_SHOT_NAME")
                                           : g_getenv ("HEPATICA_QUIZ_SHOT_STYLE"));
  g_autofree char *path = g_build_filename (dir, file, NULL);

  hep_ui_test_wait_for_draw (GTK_WIDGET (f->window));
  /* let the page transition finish */
  {
    gint64 until = g_get_monotonic_time () + 400 * 1000;

    while (g_get_monotonic_time () < until)
      g_main_context_iteration (NULL, FALSE);
  }
  hep_ui_test_wait_for_draw (GTK_WIDGET (f->window));
  g_assert_true (hep_widget_save_png (GTK_WIDGET (f->window), path));
}

static void
test_shots (void)
{
  Fixture fixture = { 0 };
  Fixture *f = &fixture;
  const char *size = g_getenv ("HEPATICA_QUIZ_SHOT_SIZE");
  int w = 1440, h = 900;

  if (g_getenv ("HEPATICA_QUIZ_SHOTS") == NULL)
    {
      g_test_skip ("HEPATICA_QUIZ_SHOTS is not set");
      return;
    }
  if (size != NULL)
    sscanf (size, "%dx%d", &w, &h);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      g_strcmp0 (g_getenv ("HEPATICA_QUIZ_SHOT_STYLE"), "dark") == 0
                                      ? ADW_COLOR_SCHEME_FORCE_DARK : ADW_COLOR_SCHEME_FORCE_LIGHT);
  f->window = hep_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (f->window), w, h);
  gtk_window_present (GTK_WINDOW (f->window));
  g_assert_true (hep_ui_test_wait_for (hep_ui_test_window_loaded, f->window, 5000));
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-page", "s", "quiz");
  f->view = HEP_QUIZ_VIEW (find (f, "quiz-view"));
  f->now = START_US;
  hep_quiz_view_set_clock (f->view, fake_clock, f);
  shoot (f, "quiz-setup");

  /* a diagnosis question, answered: the feedback */
  setup_quiz (f, "tutor", 3, 1u << HEP_QUIZ_KIND_DIAGNOSIS);
  click (find (f, "quiz-start"));
  key (f, GDK_KEY_2);
  key (f, GDK_KEY_u);
  shoot (f, "quiz-question");
  f->now += 20 * G_USEC_PER_SEC;
  key (f, GDK_KEY_Return);
  shoot (f, "quiz-feedback");

  /* a features question, timed */
  setup_quiz (f, "timed", 2, 1u << HEP_QUIZ_KIND_FEATURES);
  click (find (f, "quiz-start"));
  f->now += 25 * G_USEC_PER_SEC;
  hep_ui_test_wait_for (countdown_at_one_minute, find (f, "quiz-countdown"), 0);
  shoot (f, "quiz-features");

  /* an exam, to its review */
  setup_quiz (f, "exam", 3, HEP_QUIZ_KINDS_ALL);
  click (find (f, "quiz-start"));
  for (int i = 0; i < 3; i++)
    {
      key (f, GDK_KEY_s);
      if (hep_quiz_view_get_question (f->view)->kind != HEP_QUIZ_KIND_FEATURES)
        key (f, GDK_KEY_1 + i % 2);
      key (f, GDK_KEY_Return);
    }
  shoot (f, "quiz-review");

  /* an exam left after one answer: the setup page offers it again */
  click (find (f, "quiz-start"));
  key (f, GDK_KEY_s);
  if (hep_quiz_view_get_question (f->view)->kind != HEP_QUIZ_KIND_FEATURES)
    key (f, GDK_KEY_1);
  key (f, GDK_KEY_Return);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.start-quiz", "s", "setup");
  shoot (f, "quiz-setup-resume");
  gtk_window_destroy (GTK_WINDOW (f->window));
}

int
main (int    argc,
      char **argv)
{
  int status;

  hep_ui_test_init (&argc, &argv);
  app = hep_ui_test_register_app ();
  g_test_add ("/quiz-view/tutor", Fixture, NULL, fixture_setup, test_tutor, fixture_teardown);
  g_test_add ("/quiz-view/timed", Fixture, NULL, fixture_setup, test_timed, fixture_teardown);
  g_test_add ("/quiz-view/timed-paused", Fixture, NULL, fixture_setup, test_timed_paused, fixture_teardown);
  g_test_add ("/quiz-view/timed-preference", Fixture, NULL, fixture_setup, test_timed_preference, fixture_teardown);
  g_test_add ("/quiz-view/exam", Fixture, NULL, fixture_setup, test_exam, fixture_teardown);
  g_test_add ("/quiz-view/resume-exam", Fixture, NULL, fixture_setup, test_resume_exam, fixture_teardown);
  g_test_add ("/quiz-view/no-spoilers", Fixture, NULL, fixture_setup, test_no_spoilers, fixture_teardown);
  g_test_add ("/quiz-view/by-diagnosis", Fixture, NULL, fixture_setup, test_by_diagnosis, fixture_teardown);
  g_test_add ("/quiz-view/focus", Fixture, NULL, fixture_setup, test_focus, fixture_teardown);
  g_test_add ("/quiz-view/nothing-due", Fixture, NULL, fixture_setup, test_nothing_due, fixture_teardown);
  g_test_add_func ("/quiz-view/shots", test_shots);
  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
