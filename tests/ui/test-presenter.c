/* test-presenter.c: presenter mode, the audience view and its keys
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "hep-presenter-console.h"
#include "hep-presenter-window.h"
#include "hep-ui-test-utils.h"

/* A hidden title and hidden HBP findings; then a second case. */
static const char * const deck_cases[] = { "fnh-classic-young-woman", "abscess-amoebic-traveller", NULL };

/* one application for the process: a second one would export the same
 * object path on the session bus */
static HepApplication *app;

typedef struct {
  char               *dir;
  HepCaseStore       *store;
  GPtrArray          *cases;
  HepPresenterWindow *window;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *user = NULL;

  f->dir = g_dir_make_tmp ("hep-test-presenter-XXXXXX", &error);
  g_assert_no_error (error);
  user = g_build_filename (f->dir, "user.db", NULL);
  f->store = hep_case_store_new (user, g_getenv ("HEPATICA_LIBRARY"), &error);
  g_assert_no_error (error);
  f->cases = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; deck_cases[i] != NULL; i++)
    {
      HepCase *c = hep_case_store_get_case (f->store, deck_cases[i], &error);

      g_assert_no_error (error);
      g_ptr_array_add (f->cases, c);
    }
  f->window = hep_presenter_window_new (GTK_APPLICATION (app), f->cases, "Friday conference");
  g_object_add_weak_pointer (G_OBJECT (f->window), (gpointer *) &f->window);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 720);
  gtk_window_present (GTK_WINDOW (f->window));
  hep_ui_test_wait_for_draw (GTK_WIDGET (f->window));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDir) d = g_dir_open (f->dir, 0, NULL);
  const char *name;

  if (f->window != NULL)
    gtk_window_destroy (GTK_WINDOW (f->window));
  g_clear_pointer (&f->cases, g_ptr_array_unref);
  g_clear_object (&f->store);
  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
}

static void
key (Fixture *f,
     guint    keyval)
{
  g_assert_true (hep_presenter_window_handle_key (f->window, keyval, 0));
}

/* What gives case @c away: the diagnosis, the hidden title, teaching
 * points, pitfalls and hidden findings. */
static GPtrArray *
answers_of (HepCase *c)
{
  GPtrArray *texts = g_ptr_array_new_with_free_func (g_free);
  guint hidden = hep_case_get_hidden_fields (c);

  g_ptr_array_add (texts, g_strdup (hep_case_diagnosis_get_label (hep_case_get_diagnosis (c))));
  if (hidden & HEP_CASE_SPOILER_TITLE)
    g_ptr_array_add (texts, g_strdup (hep_case_get_title (c)));
  if (hep_case_get_outcome (c) != NULL && *hep_case_get_outcome (c) != '\0')
    g_ptr_array_add (texts, g_strdup (hep_case_get_outcome (c)));
  for (const char * const *t = hep_case_get_teaching_points (c); t && *t; t++)
    g_ptr_array_add (texts, g_strdup (*t));
  for (const char * const *t = hep_case_get_pitfalls (c); t && *t; t++)
    g_ptr_array_add (texts, g_strdup (*t));
  for (HepCasePhase p = 0; p < HEP_N_CASE_PHASES; p++)
    if ((hidden & HEP_CASE_SPOILER_FINDINGS (p)) && hep_case_get_findings (c, p) != NULL)
      g_ptr_array_add (texts, g_strdup (hep_case_get_findings (c, p)));
  return texts;
}

/* Step by step with the next key: no answer on the audience view (labels,
 * the diagram's text alternative, the window title) until each case's
 * reveal, and all of them then. */
static void
test_presenter_reveals_only_at_the_reveal (Fixture       *f,
                                           gconstpointer  data)
{
  guint n = hep_presenter_window_get_n_steps (f->window);
  guint reveals = 0;
  /* a long reveal takes more than one page: what its pages showed so far */
  g_autoptr(GString) revealed = g_string_new (NULL);

  g_assert_cmpuint (n, >, 6);
  for (guint i = 0; i < n; i++)
    {
      const HepRevealStep *step = hep_presenter_window_get_step (f->window);
      HepCase *c = f->cases->pdata[hep_presenter_window_get_case_index (f->window)];
      g_autoptr(GPtrArray) answers = answers_of (c);
      g_autofree char *text = NULL;

      hep_ui_test_wait_for_draw (GTK_WIDGET (f->window));
      text = hep_presenter_window_dup_audience_text (f->window);
      /* the step's text fits above the footer at 1280 × 720: no page of it
       * is cut off (a long reveal has more pages) */
      {
        GtkWidget *box = hep_ui_test_find_by_name (GTK_WIDGET (f->window), "presenter-items");
        int min;

        gtk_widget_measure (box, GTK_ORIENTATION_VERTICAL, gtk_widget_get_width (box), &min, NULL, NULL, NULL);
        g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (f->window)), <=, 720);
        g_assert_cmpint (min, <=, gtk_widget_get_height (box));
      }
      g_assert_cmpuint (hep_presenter_window_get_position (f->window), ==, i);
      if (step->kind == HEP_REVEAL_STEP_REVEAL)
        g_string_append (revealed, text);
      for (guint k = 0; k < answers->len; k++)
        {
          gboolean shown = strstr (text, answers->pdata[k]) != NULL;

          if (step->kind != HEP_REVEAL_STEP_REVEAL && shown)
            g_error ("step %u (%s) shows “%s”:\n%s", i, step->heading, (char *) answers->pdata[k], text);
          /* after the reveal's last page, every answer has been shown */
          if (step->kind == HEP_REVEAL_STEP_REVEAL && hep_presenter_window_get_step_at (f->window, i + 1) != step &&
              strstr (revealed->str, answers->pdata[k]) == NULL)
            g_error ("the reveal ending at step %u lacks “%s”", i, (char *) answers->pdata[k]);
        }
      if (step->kind == HEP_REVEAL_STEP_REVEAL && hep_presenter_window_get_step_at (f->window, i + 1) != step)
        g_string_truncate (revealed, 0);
      g_assert_nonnull (strstr (text, step->heading));
      g_assert_nonnull (strstr (text, "Friday conference"));
      if (step->kind == HEP_REVEAL_STEP_REVEAL && hep_presenter_window_get_step_at (f->window, i + 1) != step)
        {
          g_autofree char *name = g_strdup_printf ("presenter-reveal-%u.png", reveals);
          g_autofree char *png = hep_ui_test_save_png (GTK_WIDGET (f->window), name);

          reveals++;
        }
      else if (step->kind == HEP_REVEAL_STEP_REVEAL && reveals == 1)
        g_free (hep_ui_test_save_png (GTK_WIDGET (f->window), "presenter-reveal-first-page.png"));
      else if (step->kind == HEP_REVEAL_STEP_PHASE && step->diagram_phase >= 0 && reveals == 0)
        {
          g_autofree char *png = hep_ui_test_save_png (GTK_WIDGET (f->window), "presenter-phase.png");
        }
      key (f, GDK_KEY_Right);
    }
  g_assert_cmpuint (reveals, ==, f->cases->len);
  /* the last step stays the last */
  g_assert_cmpuint (hep_presenter_window_get_position (f->window), ==, n - 1);
}

static void
test_presenter_keys (Fixture       *f,
                     gconstpointer  data)
{
  guint n = hep_presenter_window_get_n_steps (f->window);
  guint next[] = { GDK_KEY_Right, GDK_KEY_Down, GDK_KEY_Page_Down, GDK_KEY_space, GDK_KEY_Return };
  guint previous[] = { GDK_KEY_Left, GDK_KEY_Up, GDK_KEY_Page_Up, GDK_KEY_BackSpace };

  for (guint i = 0; i < G_N_ELEMENTS (next); i++)
    key (f, next[i]);
  g_assert_cmpuint (hep_presenter_window_get_position (f->window), ==, 5);
  for (guint i = 0; i < G_N_ELEMENTS (previous); i++)
    key (f, previous[i]);
  g_assert_cmpuint (hep_presenter_window_get_position (f->window), ==, 1);
  key (f, GDK_KEY_Home);
  g_assert_cmpuint (hep_presenter_window_get_position (f->window), ==, 0);
  key (f, GDK_KEY_Left);
  g_assert_cmpuint (hep_presenter_window_get_position (f->window), ==, 0);
  key (f, GDK_KEY_End);
  g_assert_cmpuint (hep_presenter_window_get_position (f->window), ==, n - 1);
  g_assert_cmpint (hep_presenter_window_get_step (f->window)->kind, ==, HEP_REVEAL_STEP_REVEAL);

  /* back from the reveal to the start: nothing of the answer stays, not
   * even in a label the reveal used and the first step does not */
  key (f, GDK_KEY_Home);
  {
    g_autofree char *text = hep_presenter_window_dup_audience_text (f->window);
    g_autoptr(GPtrArray) answers = answers_of (f->cases->pdata[0]);

    hep_ui_test_wait_for_draw (GTK_WIDGET (f->window));
    for (guint k = 0; k < answers->len; k++)
      g_assert_null (strstr (text, answers->pdata[k]));
  }

  /* black and white screens; the same key, or next, brings the step back
   * without moving on */
  key (f, GDK_KEY_Home);
  key (f, GDK_KEY_b);
  g_assert_cmpint (hep_presenter_window_get_screen (f->window), ==, HEP_PRESENTER_SCREEN_BLACK);
  {
    g_autofree char *text = hep_presenter_window_dup_audience_text (f->window);

    /* nothing of the step on a black screen */
    g_assert_null (strstr (text, hep_presenter_window_get_step (f->window)->heading));
  }
  key (f, GDK_KEY_b);
  g_assert_cmpint (hep_presenter_window_get_screen (f->window), ==, HEP_PRESENTER_SCREEN_STEP);
  key (f, GDK_KEY_period);
  g_assert_cmpint (hep_presenter_window_get_screen (f->window), ==, HEP_PRESENTER_SCREEN_BLACK);
  key (f, GDK_KEY_w);
  g_assert_cmpint (hep_presenter_window_get_screen (f->window), ==, HEP_PRESENTER_SCREEN_WHITE);
  key (f, GDK_KEY_Right);
  g_assert_cmpint (hep_presenter_window_get_screen (f->window), ==, HEP_PRESENTER_SCREEN_STEP);
  g_assert_cmpuint (hep_presenter_window_get_position (f->window), ==, 0);

  /* a number, then Enter: that case; Escape drops a number */
  key (f, GDK_KEY_2);
  key (f, GDK_KEY_Return);
  g_assert_cmpuint (hep_presenter_window_get_case_index (f->window), ==, 1);
  g_assert_cmpint (hep_presenter_window_get_step (f->window)->kind, ==, HEP_REVEAL_STEP_HISTORY);
  key (f, GDK_KEY_1);
  key (f, GDK_KEY_Escape);
  g_assert_nonnull (f->window);
  key (f, GDK_KEY_Return);
  g_assert_cmpuint (hep_presenter_window_get_case_index (f->window), ==, 1);
  g_assert_cmpint (hep_presenter_window_get_step (f->window)->kind, ==, HEP_REVEAL_STEP_PHASE);
  /* a case the deck does not have: nothing moves */
  key (f, GDK_KEY_9);
  key (f, GDK_KEY_Return);
  g_assert_cmpuint (hep_presenter_window_get_case_index (f->window), ==, 1);

  /* ? shows the keys, Escape hides them, Escape again leaves */
  key (f, GDK_KEY_question);
  g_assert_true (hep_presenter_window_get_help_visible (f->window));
  hep_ui_test_wait_for_draw (GTK_WIDGET (f->window));
  g_free (hep_ui_test_save_png (GTK_WIDGET (f->window), "presenter-help.png"));
  key (f, GDK_KEY_Escape);
  g_assert_false (hep_presenter_window_get_help_visible (f->window));
  g_assert_false (hep_presenter_window_handle_key (f->window, GDK_KEY_x, 0));
  key (f, GDK_KEY_Escape);
  while (f->window != NULL && g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_null (f->window);
}

/* The console follows the audience view: position, the step's text, the
 * next heading, the notes; it closes with it. */
static void
test_presenter_console (Fixture       *f,
                        gconstpointer  data)
{
  HepPresenterConsole *console = hep_presenter_console_new (f->window, "Bring the clicker.");
  g_autofree char *text = NULL;
  HepCase *first = f->cases->pdata[0];
  const HepRevealStep *second;

  g_object_add_weak_pointer (G_OBJECT (console), (gpointer *) &console);
  gtk_window_present (GTK_WINDOW (console));
  hep_ui_test_wait_for_draw (GTK_WIDGET (console));
  text = hep_presenter_console_dup_text (console);
  g_assert_nonnull (strstr (text, "Case 1 of 2 · step 1 of"));
  /* the presenter's notes: the answer, teaching points, the deck's notes */
  g_assert_nonnull (strstr (text, hep_case_get_title (first)));
  g_assert_nonnull (strstr (text, hep_case_get_teaching_points (first)[0]));
  g_assert_nonnull (strstr (text, "Bring the clicker."));
  g_assert_nonnull (strstr (text, "elapsed"));
  second = hep_presenter_window_get_step_at (f->window, 1);
  g_assert_nonnull (strstr (text, second->heading));
  g_clear_pointer (&text, g_free);

  key (f, GDK_KEY_Right);
  text = hep_presenter_console_dup_text (console);
  g_assert_nonnull (strstr (text, "Case 1 of 2 · step 2 of"));
  g_clear_pointer (&text, g_free);
  key (f, GDK_KEY_b);
  text = hep_presenter_console_dup_text (console);
  g_assert_nonnull (strstr (text, "black screen"));
  g_clear_pointer (&text, g_free);
  key (f, GDK_KEY_2);
  key (f, GDK_KEY_Return);
  text = hep_presenter_console_dup_text (console);
  g_assert_nonnull (strstr (text, "Case 2 of 2 · step"));
  g_assert_nonnull (strstr (text, hep_case_get_title (f->cases->pdata[1])));
  g_clear_pointer (&text, g_free);
  gtk_widget_queue_draw (GTK_WIDGET (console));
  hep_ui_test_wait_for_draw (GTK_WIDGET (console));
  g_free (hep_ui_test_save_png (GTK_WIDGET (console), "presenter-console.png"));

  /* leaving the audience view closes the console */
  key (f, GDK_KEY_Escape);
  while ((f->window != NULL || console != NULL) && g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_null (f->window);
  g_assert_null (console);
}

/* The smallest font-size of @svg. */
static double
smallest_font (const char *svg)
{
  double smallest = G_MAXDOUBLE;

  for (const char *p = strstr (svg, "<text"); p != NULL; p = strstr (p + 1, "<text"))
    {
      const char *size = strstr (p, "font-size=\"");

      g_assert_nonnull (size);
      smallest = MIN (smallest, g_ascii_strtod (size + 11, NULL));
    }
  return smallest;
}

static double
svg_attr (const char *svg,
          const char *name)
{
  g_autofree char *pattern = g_strdup_printf (" %s=\"", name);
  const char *p = strstr (svg, pattern);

  g_assert_nonnull (p);
  return g_ascii_strtod (p + strlen (pattern), NULL);
}

/* #19: at 1280 × 720 and at 1920 × 1080, every step's phase strip is drawn
 * for the space the step's text leaves it (findings of two or three lines
 * leave less), and shown unscaled: no text of it under 24 px on screen (in
 * proportion at 1080p: 36). */
static void
test_presenter_strip_text (Fixture       *f,
                           gconstpointer  data)
{
  static const int sizes[][2] = { { 1280, 720 }, { 1920, 1080 } };

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      double min_px = HEP_DIAGRAM_LARGE_TEXT_MIN_PX * MIN (sizes[s][0] / 1280.0, sizes[s][1] / 720.0);
      guint checked = 0;

      gtk_window_set_default_size (GTK_WINDOW (f->window), sizes[s][0], sizes[s][1]);
      key (f, GDK_KEY_Home);
      hep_ui_test_wait_for_draw (GTK_WIDGET (f->window));
      hep_ui_test_wait_for_draw (GTK_WIDGET (f->window));
      g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (f->window)), ==, sizes[s][1]);
      for (guint i = 0; i < hep_presenter_window_get_n_steps (f->window); i++)
        {
          GtkWidget *picture = hep_presenter_window_get_diagram_widget (f->window);
          const char *svg;
          double shown;

          if (i > 0)
            key (f, GDK_KEY_Right);
          hep_ui_test_wait_for_draw (GTK_WIDGET (f->window));
          svg = hep_presenter_window_get_diagram_svg (f->window);
          if (svg == NULL)
            continue;
          /* the texture fits its space: shown at its size, never shrunk */
          shown = MIN (1.0, MIN (gtk_widget_get_width (picture) / svg_attr (svg, "width"),
                                 gtk_widget_get_height (picture) / svg_attr (svg, "height")));
          if (smallest_font (svg) * shown < min_px - 0.01)
            g_error ("%d×%d, step %u: strip text %.1f px × %.2f on screen, under %.0f px (texture %.0f×%.0f in %d×%d)",
                     sizes[s][0], sizes[s][1], i, smallest_font (svg), shown, min_px, svg_attr (svg, "width"),
                     svg_attr (svg, "height"), gtk_widget_get_width (picture), gtk_widget_get_height (picture));
          /* a picture of each size: the second phase (arterial) */
          if (checked++ == 1)
            {
              g_autofree char *name = g_strdup_printf ("presenter-strip-%dx%d.png", sizes[s][0], sizes[s][1]);

              g_free (hep_ui_test_save_png (GTK_WIDGET (f->window), name));
            }
        }
      g_assert_cmpuint (checked, >, 4);
    }
}

/* Which monitor gets which view, from fake monitor lists. */
static void
test_presenter_monitors (void)
{
  const GdkRectangle laptop_projector[] = { { 0, 0, 1920, 1080 }, { 1920, 0, 1280, 720 } };
  const GdkRectangle three[] = { { 0, 0, 1366, 768 }, { 1366, 0, 1024, 768 }, { 2390, 0, 1920, 1080 } };
  int a, c;

  hep_presenter_choose_monitors (NULL, 0, FALSE, &a, &c);
  g_assert_cmpint (a, ==, -1);
  g_assert_cmpint (c, ==, -1);
  hep_presenter_choose_monitors (laptop_projector, 1, FALSE, &a, &c);
  g_assert_cmpint (a, ==, 0);
  g_assert_cmpint (c, ==, -1);
  hep_presenter_choose_monitors (laptop_projector, 2, FALSE, &a, &c);
  g_assert_cmpint (a, ==, 1);
  g_assert_cmpint (c, ==, 0);
  hep_presenter_choose_monitors (laptop_projector, 2, TRUE, &a, &c);
  g_assert_cmpint (a, ==, 0);
  g_assert_cmpint (c, ==, 1);
  hep_presenter_choose_monitors (three, 3, FALSE, &a, &c);
  g_assert_cmpint (a, ==, 2);
  g_assert_cmpint (c, ==, 0);
}

/* Under Xvfb, one monitor: both views on it, the console its own window. */
static void
test_presenter_place_on_display (Fixture       *f,
                                 gconstpointer  data)
{
  GListModel *monitors = gdk_display_get_monitors (gtk_widget_get_display (GTK_WIDGET (f->window)));
  HepPresenterConsole *console = hep_presenter_console_new (f->window, NULL);
  g_autofree GdkRectangle *geometries = NULL;
  guint n = g_list_model_get_n_items (monitors);
  int a, c;

  g_assert_cmpuint (n, >=, 1);
  geometries = g_new0 (GdkRectangle, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, i);

      gdk_monitor_get_geometry (monitor, &geometries[i]);
    }
  hep_presenter_choose_monitors (geometries, n, FALSE, &a, &c);
  g_assert_cmpint (a, >=, 0);
  g_assert_cmpint (c, ==, n > 1 ? 0 : -1);
  hep_presenter_place_windows (f->window, console, FALSE);
  gtk_window_present (GTK_WINDOW (console));
  hep_ui_test_wait_for_draw (GTK_WIDGET (console));
  gtk_window_destroy (GTK_WINDOW (console));
}

int
main (int argc, char **argv)
{
  int status;

  hep_ui_test_init (&argc, &argv);
  app = hep_ui_test_register_app ();
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/presenter/reveals-only-at-the-reveal", test_presenter_reveals_only_at_the_reveal);
  ADD ("/presenter/keys", test_presenter_keys);
  ADD ("/presenter/console", test_presenter_console);
  ADD ("/presenter/place-on-display", test_presenter_place_on_display);
  g_test_add_func ("/presenter/monitors", test_presenter_monitors);
  ADD ("/presenter/strip-text", test_presenter_strip_text);
  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
