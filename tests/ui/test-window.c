/* test-window.c: the window's views follow one feature state
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "hep-application.h"
#include "hep-choice-button.h"
#include "hep-ddx.h"
#include "hep-text-row.h"
#include "hep-ui-test-utils.h"
#include "hep-window.h"
#include "hep-window-private.h"
#include "hep-wrap-label.h"

typedef struct {
  HepWindow *window;
} Fixture;

/* One registered application per process. */
static HepApplication *app;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->window = hep_window_new (app);
  gtk_window_present (GTK_WINDOW (f->window));
  g_assert_true (hep_ui_test_wait_for (hep_ui_test_window_loaded, f->window, 5000));
  hep_ui_test_wait_for_draw (GTK_WIDGET (f->window));
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
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
category_text (Fixture *f)
{
  return gtk_label_get_label (GTK_LABEL (find (f, "lirads-category")));
}

static void
test_window_opens (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *png = NULL;

  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (f->window)), ==, "Hepatica");
  /* Explore with nothing given: LI-RADS does not apply */
  g_assert_cmpstr (category_text (f), ==, "NA");
  g_assert_false (gtk_widget_get_visible (find (f, "changes-label")) &&
                  gtk_widget_get_visible (gtk_widget_get_parent (find (f, "changes-label"))));
  /* the style class for software rendering says what GSK chose */
  g_assert_cmpint (gtk_widget_has_css_class (GTK_WIDGET (f->window), "software-rendering"), ==,
                   GSK_IS_CAIRO_RENDERER (gtk_native_get_renderer (GTK_NATIVE (f->window))));
  png = hep_ui_test_save_png (GTK_WIDGET (f->window), "test-window.png");
  g_assert_true (g_file_test (png, G_FILE_TEST_EXISTS));
}

/* Toggle washout as a user would: the category, the trace and the list of
 * changes follow in the same main-loop turn. */
static void
test_toggle_washout_updates_views (Fixture       *f,
                                   gconstpointer  data)
{
  GtkWidget *washout = find (f, "feature-washout");
  GtkWidget *trace = find (f, "lirads-trace");
  GtkWidget *changes = find (f, "changes-label");
  g_autoptr(GError) error = NULL;

  g_assert_true (hep_window_explore (f->window, "risk=cirrhosis size=15 aphe=nonrim capsule", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (category_text (f), ==, "LR-4");
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (washout)));
  g_assert_false (gtk_widget_get_visible (gtk_widget_get_parent (changes)));

  gtk_switch_set_active (GTK_SWITCH (washout), TRUE);

  /* no main-loop iteration needed: the views update synchronously */
  g_assert_cmpstr (category_text (f), ==, "LR-5");
  /* in the vocabulary's words, not the token */
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (changes)), ==, "Nonperipheral washout");
  g_assert_true (gtk_widget_get_visible (gtk_widget_get_parent (changes)));
  g_assert_cmpuint (hep_ui_test_count_children (trace), >=, 4);

  /* the diagnostic-table row now names washout */
  {
    gboolean found = FALSE;

    for (GtkWidget *row = gtk_widget_get_first_child (trace); row; row = gtk_widget_get_next_sibling (row))
      if (HEP_IS_TEXT_ROW (row) &&
          strstr (hep_text_row_get_title (HEP_TEXT_ROW (row)), "nonperipheral washout") &&
          strstr (hep_text_row_get_title (HEP_TEXT_ROW (row)), "LR-5"))
        found = TRUE;
    g_assert_true (found);
  }

  /* Reset to case brings the case's features back into every view */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.reset-features", NULL));
  g_assert_cmpstr (category_text (f), ==, "LR-4");
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (washout)));
  g_assert_false (gtk_widget_get_visible (gtk_widget_get_parent (changes)));
}

static gboolean
choices_shown (gpointer button)
{
  GtkPopover *popover = hep_choice_button_get_popover (button);

  return popover != NULL && gtk_widget_get_mapped (GTK_WIDGET (popover));
}

static gboolean
choices_hidden (gpointer button)
{
  return !gtk_widget_get_mapped (GTK_WIDGET (hep_choice_button_get_popover (button)));
}

/* The choice rows and the size spin button drive the state too. */
static void
test_choice_and_size_rows (Fixture       *f,
                           gconstpointer  data)
{
  GtkWidget *aphe = find (f, "feature-aphe");
  GtkWidget *size = find (f, "feature-size");
  GtkWidget *risk = find (f, "feature-risk");

  hep_window_explore (f->window, "risk=cirrhosis size=25 washout", NULL);
  g_assert_cmpstr (category_text (f), ==, "LR-4");
  g_assert_cmpuint (hep_choice_button_get_selected (HEP_CHOICE_BUTTON (risk)), ==, HEP_RISK_CIRRHOSIS);

  hep_choice_button_set_selected (HEP_CHOICE_BUTTON (aphe), HEP_APHE_RIM);
  g_assert_cmpstr (category_text (f), ==, "LR-M");
  hep_choice_button_set_selected (HEP_CHOICE_BUTTON (aphe), HEP_APHE_NONRIM);
  g_assert_cmpstr (category_text (f), ==, "LR-5");

  gtk_spin_button_set_value (GTK_SPIN_BUTTON (size), 9);
  g_assert_cmpstr (category_text (f), ==, "LR-4");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (size), -1);   /* not given */
  g_assert_cmpint (hep_feature_set_get (hep_feature_state_get_features (hep_window_get_feature_state (f->window)),
                                        HEP_FEATURE_SIZE), ==, HEP_FEATURE_UNSET);

  hep_choice_button_set_selected (HEP_CHOICE_BUTTON (risk), HEP_RISK_NONE);
  g_assert_cmpstr (category_text (f), ==, "NA");

  /* as a user would: activate the row (Enter), pick from the popover */
  {
    GtkWidget *row = gtk_widget_get_ancestor (risk, HEP_TYPE_TEXT_ROW);
    GtkPopover *popover;
    GtkWidget *list;

    g_signal_emit_by_name (gtk_widget_get_parent (row), "row-activated", row);
    /* a button activated from the keyboard clicks after its pressed look */
    g_assert_true (hep_ui_test_wait_for (choices_shown, risk, 2000));
    gtk_test_accessible_assert_state (risk, GTK_ACCESSIBLE_STATE_EXPANDED, TRUE);
    popover = hep_choice_button_get_popover (HEP_CHOICE_BUTTON (risk));
    list = hep_ui_test_find_by_type (GTK_WIDGET (popover), GTK_TYPE_LIST_BOX);
    g_assert_nonnull (list);
    g_assert_cmpint (gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (gtk_root_get_focus (gtk_widget_get_root (risk)))),
                     ==, HEP_RISK_NONE);   /* the focus starts on the current choice */
    g_signal_emit_by_name (list, "row-activated", gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), HEP_RISK_CIRRHOSIS));
    g_assert_true (hep_ui_test_wait_for (choices_hidden, risk, 2000));
    gtk_test_accessible_assert_state (risk, GTK_ACCESSIBLE_STATE_EXPANDED, FALSE);
    g_assert_cmpstr (category_text (f), ==, "LR-4");
    g_assert_true (gtk_widget_has_focus (risk));
  }
}

/* The text of a "one change away" button (a wrapping label). */
static const char *
counterfactual_text (GtkWidget *button)
{
  GtkWidget *label = gtk_button_get_child (GTK_BUTTON (button));

  g_assert_true (HEP_IS_WRAP_LABEL (label));
  return hep_wrap_label_get_text (HEP_WRAP_LABEL (label));
}

/* Clicking a "one change away" button applies exactly that change. */
static void
test_counterfactual_click (Fixture       *f,
                           gconstpointer  data)
{
  GtkWidget *box = find (f, "lirads-counterfactuals");
  GtkButton *target = NULL;

  hep_window_explore (f->window, "risk=cirrhosis size=15 aphe=nonrim capsule", NULL);
  for (GtkWidget *button = gtk_widget_get_first_child (box); button; button = gtk_widget_get_next_sibling (button))
    {
      const char *label = counterfactual_text (button);

      /* students read labels, not tokens */
      g_assert_null (strstr (label, "="));
      g_assert_false (label[0] == '-');
      if (g_str_equal (label, "Size: 20 → LR-5") && gtk_widget_get_visible (button))
        target = GTK_BUTTON (button);
    }
  g_assert_nonnull (target);
  g_signal_emit_by_name (target, "clicked");
  g_assert_cmpstr (category_text (f), ==, "LR-5");
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (find (f, "feature-size"))), ==, 20);
}

/* The shown buttons are the core's changes in its order, imaging first; a
 * toggle moves, shows and hides buttons rather than relabelling them (a
 * label given new text is shaped again: that was most of a toggle's cost),
 * so a change that comes back comes back on its own button. */
static void
test_counterfactuals_kept (Fixture       *f,
                           gconstpointer  data)
{
  GtkWidget *box = find (f, "lirads-counterfactuals");
  const char *states[] = { "risk=cirrhosis size=15 aphe=nonrim capsule",
                           "risk=cirrhosis size=15 aphe=nonrim capsule washout",
                           "risk=cirrhosis size=25 aphe=rim",
                           "risk=cirrhosis size=15 aphe=nonrim capsule" };
  g_autoptr(GHashTable) before = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint kept = 0;

  for (guint s = 0; s < G_N_ELEMENTS (states); s++)
    {
      HepFeatureSet fs;
      g_autoptr(GArray) cfs = NULL;
      g_autoptr(GPtrArray) expected = g_ptr_array_new_with_free_func (g_free);
      GtkWidget *button;

      hep_feature_set_init (&fs);
      g_assert_true (hep_feature_set_parse (&fs, states[s], NULL));
      g_assert_true (hep_window_explore (f->window, states[s], NULL));
      cfs = hep_lirads_counterfactuals (&fs);
      for (int pass = 0; pass < 2; pass++)
        for (guint i = 0; i < cfs->len; i++)
          {
            const HepLiradsCounterfactual *cf = &g_array_index (cfs, HepLiradsCounterfactual, i);
            g_autofree char *change = NULL;

            if (hep_lirads_counterfactual_is_imaging (cf) != (pass == 0))
              continue;
            change = hep_feature_describe_value (cf->feature, cf->value);
            g_ptr_array_add (expected, g_strdup_printf ("%s → %s", change, hep_lirads_category_to_string (cf->category)));
          }

      /* the shown buttons are the changes, in order; the rest are hidden */
      button = gtk_widget_get_first_child (box);
      for (guint i = 0; i < expected->len; i++, button = gtk_widget_get_next_sibling (button))
        {
          GtkWidget *earlier;

          g_assert_nonnull (button);
          g_assert_true (gtk_widget_get_visible (button));
          g_assert_cmpstr (counterfactual_text (button), ==, expected->pdata[i]);
          gtk_test_accessible_assert_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                               expected->pdata[i]);
          earlier = g_hash_table_lookup (before, expected->pdata[i]);
          if (earlier != NULL)
            {
              g_assert_true (earlier == button);
              kept++;
            }
        }
      for (; button; button = gtk_widget_get_next_sibling (button))
        g_assert_false (gtk_widget_get_visible (button));
      /* a long change wraps: no button sets the side panel's width (one
       * did, and the panel's width followed the toggles by a pixel, which
       * laid out all of its text again) */
      {
        int min;

        gtk_widget_measure (box, GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
        g_assert_cmpint (min, <, 200);
      }

      /* every button seen so far, shown or hidden, keeps its label */
      for (button = gtk_widget_get_first_child (box); button; button = gtk_widget_get_next_sibling (button))
        {
          GtkWidget *earlier = g_hash_table_lookup (before, counterfactual_text (button));

          g_assert_true (earlier == NULL || earlier == button);
          g_hash_table_insert (before, g_strdup (counterfactual_text (button)), button);
        }
    }
  g_assert_cmpuint (kept, >, 0);
}

static gboolean
switch_on (gpointer sw)
{
  return gtk_switch_get_active (sw);
}

static gboolean
switch_off (gpointer sw)
{
  return !gtk_switch_get_active (sw);
}

static GtkWidget *
find_label (GtkWidget  *root,
            const char *text)
{
  if ((GTK_IS_LABEL (root) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (root)), text) == 0) ||
      (HEP_IS_WRAP_LABEL (root) && g_strcmp0 (hep_wrap_label_get_text (HEP_WRAP_LABEL (root)), text) == 0))
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_label (c, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Every toggle has an accessible name and description: a switch is named by
 * its row (the row's activatable widget), a choice button by its row and its
 * value, a spin button by its own label. */
static void
test_accessible_names (Fixture       *f,
                       gconstpointer  data)
{
  /* a switch flips at the end of its animation: no animations here */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  for (guint i = 0; i < HEP_N_FEATURES; i++)
    {
      HepFeature feature = (HepFeature) i;
      g_autofree char *name = g_strconcat ("feature-", hep_feature_get_token (feature), NULL);
      GtkWidget *w = find (f, name);
      GtkWidget *row;

      gtk_test_accessible_assert_property (GTK_ACCESSIBLE (w), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                           hep_feature_get_description (feature));
      switch (hep_feature_get_kind (feature))
        {
        case HEP_FEATURE_KIND_FLAG:
          row = gtk_widget_get_ancestor (w, HEP_TYPE_TEXT_ROW);
          g_assert_nonnull (row);
          g_assert_cmpstr (hep_text_row_get_title (HEP_TEXT_ROW (row)), ==, hep_feature_get_label (feature));
          gtk_test_accessible_assert_relation (w, GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                               find_label (row, hep_feature_get_label (feature)), NULL);
          /* activating the row (a click, Enter) flips the switch (after its
           * animation), and back */
          {
            gboolean before = gtk_switch_get_active (GTK_SWITCH (w));

            g_assert_true (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (row)));
            g_signal_emit_by_name (gtk_widget_get_parent (row), "row-activated", row);
            g_assert_true (hep_ui_test_wait_for (before ? switch_off : switch_on, w, 2000));
            g_signal_emit_by_name (gtk_widget_get_parent (row), "row-activated", row);
            g_assert_true (hep_ui_test_wait_for (before ? switch_on : switch_off, w, 2000));
          }
          break;
        case HEP_FEATURE_KIND_CHOICE:
          /* named by its row's title, then its value */
          row = gtk_widget_get_ancestor (w, HEP_TYPE_TEXT_ROW);
          g_assert_nonnull (row);
          g_assert_cmpstr (hep_text_row_get_title (HEP_TEXT_ROW (row)), ==, hep_feature_get_label (feature));
          gtk_test_accessible_assert_relation (w, GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                               hep_text_row_get_title_widget (HEP_TEXT_ROW (row)),
                                               find_label (w, "Not given"), NULL);
          gtk_test_accessible_assert_property (w, GTK_ACCESSIBLE_PROPERTY_HAS_POPUP, TRUE);
          gtk_test_accessible_assert_state (w, GTK_ACCESSIBLE_STATE_EXPANDED, FALSE);
          g_assert_true (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (row)));
          break;
        case HEP_FEATURE_KIND_INT:
          gtk_test_accessible_assert_property (GTK_ACCESSIBLE (w), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                               hep_feature_get_label (feature));
          break;
        default:
          g_assert_not_reached ();
        }
    }
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", TRUE, NULL);
}

/* The window takes its size from GSettings and saves it when closed. */
static void
test_window_state_settings (void)
{
  GSettings *settings = hep_application_get_settings (app);
  HepWindow *window;
  int w, h;

  g_settings_set_int (settings, "window-width", 900);
  g_settings_set_int (settings, "window-height", 640);
  window = hep_window_new (app);
  gtk_window_get_default_size (GTK_WINDOW (window), &w, &h);
  g_assert_cmpint (w, ==, 900);
  g_assert_cmpint (h, ==, 640);

  gtk_window_present (GTK_WINDOW (window));
  hep_ui_test_wait_for_draw (GTK_WIDGET (window));
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  gtk_window_close (GTK_WINDOW (window));
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 1000);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 700);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));
}

/* The side panel's differential and next-imaging views follow the state. */
static void
test_ddx_and_next_imaging_follow (Fixture       *f,
                                  gconstpointer  data)
{
  GtkWidget *ranking = find (f, "ddx-ranking");
  GtkWidget *found_on = find (f, "found-on");
  GtkWidget *problem = find (f, "next-imaging-problem");
  GtkWidget *procedures = find (f, "next-imaging-procedures");
  GtkListBoxRow *first;

  hep_window_explore (f->window, "known-malignancy size=12 aphe=nonrim parallels-blood-pool t2=marked", NULL);
  first = gtk_list_box_get_row_at_index (GTK_LIST_BOX (ranking), 0);
  g_assert_cmpstr (gtk_widget_get_name (GTK_WIDGET (first)), ==, "hemangioma");

  /* next imaging needs the study that found the lesion, and says so in
   * the panel's words, not in tokens */
  g_assert_true (gtk_widget_get_visible (problem));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (problem)), ==, "Choose the study that first showed the lesion.");
  g_assert_false (gtk_widget_get_visible (find (f, "next-imaging-lirads")));
  hep_choice_button_set_selected (HEP_CHOICE_BUTTON (found_on), 1);   /* ultrasound */
  g_assert_false (gtk_widget_get_visible (problem));

  /* without a known malignancy, a 12 mm lesion on US is variant 1: CEUS leads its table */
  gtk_switch_set_active (GTK_SWITCH (find (f, "feature-known-malignancy")), FALSE);
  g_assert_true (gtk_widget_get_visible (problem));   /* no context any more */
  hep_choice_button_set_selected (HEP_CHOICE_BUTTON (find (f, "feature-risk")), HEP_RISK_NONE);
  g_assert_false (gtk_widget_get_visible (problem));
  g_assert_cmpstr (gtk_widget_get_name (GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (procedures), 0))),
                   ==, "ceus");
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (find (f, "next-imaging-variant"))), "Variant 1:"));
  hep_choice_button_set_selected (HEP_CHOICE_BUTTON (find (f, "feature-risk")), HEP_RISK_UNSET);
  gtk_switch_set_active (GTK_SWITCH (find (f, "feature-known-malignancy")), TRUE);

  /* the cancer patient's 8 mm lesion of the seed document: MRI first */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (find (f, "feature-size")), 8);
  g_assert_cmpstr (gtk_widget_get_name (GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (procedures), 0))),
                   ==, "mri-wo-w");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (procedures), 0)),
                                           "best-procedure"));
  /* procedures without a confirmed rating are folded under one row */
  for (GtkWidget *row = gtk_widget_get_first_child (procedures); row; row = gtk_widget_get_next_sibling (row))
    g_assert_false (gtk_widget_has_css_class (row, "rating-none"));
  g_assert_true (gtk_widget_get_visible (find (f, "next-imaging-unrated")));
    {
      /* a folded expander keeps its child out of the widget tree */
      GtkWidget *unrated = gtk_expander_get_child (GTK_EXPANDER (find (f, "next-imaging-unrated")));

      g_assert_nonnull (gtk_widget_get_first_child (unrated));
      for (GtkWidget *row = gtk_widget_get_first_child (unrated); row; row = gtk_widget_get_next_sibling (row))
        g_assert_true (gtk_widget_has_css_class (row, "rating-none"));
      g_assert_true (g_str_has_suffix (gtk_expander_get_label (GTK_EXPANDER (find (f, "next-imaging-unrated"))),
                                       "without a confirmed rating"));
    }

  /* where LI-RADS applies, it gives the next step first */
  hep_window_explore (f->window, "risk=cirrhosis size=18 aphe=nonrim washout", NULL);
  g_assert_true (gtk_widget_get_visible (find (f, "next-imaging-lirads")));
  g_assert_true (g_str_has_prefix (hep_wrap_label_get_text (HEP_WRAP_LABEL (find (f, "next-imaging-lirads"))),
                                   "LI-RADS LR-5 gives the next step:"));

  /* a known primary in a normal liver: hypervascular metastasis over HCC,
   * the line on the first two says why, and HCC's evidence lists the
   * context row against it */
  hep_window_explore (f->window, "risk=none known-malignancy size=15 aphe=nonrim washout t2=mild-moderate dwi=restricted", NULL);
  first = gtk_list_box_get_row_at_index (GTK_LIST_BOX (ranking), 0);
  g_assert_cmpstr (gtk_widget_get_name (GTK_WIDGET (first)), ==, "met-hypervascular");
  g_assert_true (g_str_has_prefix (hep_wrap_label_get_text (HEP_WRAP_LABEL (find (f, "ddx-first-two"))),
                                   "Hypervascular metastasis over hepatocellular carcinoma (score 6 vs 5): "
                                   "known malignancy, mixed or unknown primary (context ++/"));
  {
    GtkListBoxRow *second = gtk_list_box_get_row_at_index (GTK_LIST_BOX (ranking), 1);
    GtkListBoxRow *row;
    gboolean context_against = FALSE;

    g_assert_cmpstr (gtk_widget_get_name (GTK_WIDGET (second)), ==, "hcc");
    g_assert_true (g_str_has_prefix (hep_text_row_get_subtitle (HEP_TEXT_ROW (second)), "Score 5 (context -1)"));
    g_signal_emit_by_name (ranking, "row-activated", second);
    for (int i = 2; (row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (ranking), i)) != NULL &&
                    gtk_widget_has_css_class (GTK_WIDGET (row), "ddx-evidence"); i++)
      if (g_str_has_prefix (hep_text_row_get_title (HEP_TEXT_ROW (row)), "Clinical context against · clinical-rules §5.3a") &&
          strstr (hep_text_row_get_subtitle (HEP_TEXT_ROW (row)), "Known malignancy, mixed or unknown primary (context)") != NULL)
        context_against = TRUE;
    g_assert_true (context_against);
    g_signal_emit_by_name (ranking, "row-activated", second);
  }

  /* an LR-5 observation puts HCC first in the differential too */
  hep_window_explore (f->window, "risk=cirrhosis size=25 aphe=nonrim washout", NULL);
  first = gtk_list_box_get_row_at_index (GTK_LIST_BOX (ranking), 0);
  g_assert_cmpstr (gtk_widget_get_name (GTK_WIDGET (first)), ==, "hcc");

  /* activating a diagnosis shows its evidence under it, and again hides it */
  {
    GtkListBoxRow *second = gtk_list_box_get_row_at_index (GTK_LIST_BOX (ranking), 1);
    GtkListBoxRow *row;
    guint n_evidence = 0;

    gtk_test_accessible_assert_state (second, GTK_ACCESSIBLE_STATE_EXPANDED, FALSE);
    g_signal_emit_by_name (ranking, "row-activated", second);
    gtk_test_accessible_assert_state (second, GTK_ACCESSIBLE_STATE_EXPANDED, TRUE);
    for (int i = 2; (row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (ranking), i)) != NULL &&
                    gtk_widget_has_css_class (GTK_WIDGET (row), "ddx-evidence"); i++)
      n_evidence++;
    g_assert_cmpuint (n_evidence, >, 0);
    g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (ranking), 0)),
                                             "top-diagnosis"));
    g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (ranking), 1)),
                                              "ddx-evidence"));
    /* the evidence follows the state while shown */
    gtk_switch_set_active (GTK_SWITCH (find (f, "feature-washout")), FALSE);
    g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (ranking), 2)),
                                             "ddx-evidence"));
    hep_ui_test_wait_for_draw (GTK_WIDGET (f->window));
    g_signal_emit_by_name (ranking, "row-activated", second);
    gtk_test_accessible_assert_state (second, GTK_ACCESSIBLE_STATE_EXPANDED, FALSE);
    g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (ranking), 2)),
                                              "ddx-evidence"));
    {
      g_autoptr(GListModel) rows = gtk_widget_observe_children (ranking);

      g_assert_cmpuint (g_list_model_get_n_items (rows), ==, HEP_N_DDX);
    }
  }
}

static GtkWindow *
find_toplevel (GType type)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

static GtkWidget *
find_button_with_label (GtkWidget  *root,
                        const char *label)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0)
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_button_with_label (c, label);
      if (found)
        return found;
    }
  return NULL;
}

static gboolean
no_message_dialog (gpointer data)
{
  return find_toplevel (ADW_TYPE_MESSAGE_DIALOG) == NULL;
}

/* The window's pages: Alt+1… shows one by name; the header bar's case
 * buttons are the Explore page's, and leave with it. */
static void
test_pages (Fixture       *f,
            gconstpointer  data)
{
  GtkWidget *stack = find (f, "view-stack");
  GtkWidget *other = gtk_label_new ("another page");
  const char *explore_only[] = { "sidebar-button", "reset-button", "unknown-button" };

  g_assert_cmpstr (hep_window_get_page (f->window), ==, "explore");
  g_assert_false (hep_window_show_page (f->window, "no-such-page"));
  g_assert_cmpstr (hep_window_get_page (f->window), ==, "explore");

  adw_view_stack_add_titled (ADW_VIEW_STACK (stack), other, "other", "_Other");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-page", "s", "other"));
  g_assert_cmpstr (hep_window_get_page (f->window), ==, "other");
  for (guint i = 0; i < G_N_ELEMENTS (explore_only); i++)
    g_assert_false (gtk_widget_get_visible (find (f, explore_only[i])));
  /* the subtitle names the page, without its mnemonic */
  g_assert_cmpstr (adw_view_switcher_title_get_subtitle (f->window->window_title), ==, "Other");

  g_assert_true (hep_window_show_page (f->window, "explore"));
  for (guint i = 0; i < G_N_ELEMENTS (explore_only); i++)
    g_assert_true (gtk_widget_get_visible (find (f, explore_only[i])));
  g_assert_cmpstr (adw_view_switcher_title_get_subtitle (f->window->window_title), ==, "Explore");
  adw_view_stack_remove (ADW_VIEW_STACK (stack), other);
}

/* The keyboard shortcuts window is made when first asked for, once. */
static void
collect_by_type (GtkWidget *root,
                 GType      type,
                 GPtrArray *out)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    g_ptr_array_add (out, root);
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    collect_by_type (c, type, out);
}

static void
test_shortcuts_window (Fixture       *f,
                       gconstpointer  data)
{
  GtkWindow *shortcuts;

  g_assert_null (find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-help-overlay", NULL));
  shortcuts = find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW);
  g_assert_nonnull (shortcuts);
  g_assert_true (gtk_window_get_transient_for (shortcuts) == GTK_WINDOW (f->window));
  g_assert_true (gtk_window_get_modal (shortcuts));
  /* every entry shows its key combination: the accelerators are the
   * application's, registered by action */
  {
    g_autoptr(GPtrArray) labels = g_ptr_array_new ();
    GtkWidget *stack = GTK_WIDGET (shortcuts);

    collect_by_type (stack, GTK_TYPE_SHORTCUT_LABEL, labels);
    g_assert_cmpuint (labels->len, >=, 14);
    for (guint i = 0; i < labels->len; i++)
      {
        const char *accel = gtk_shortcut_label_get_accelerator (labels->pdata[i]);
        g_assert_true (accel != NULL && accel[0] != '\0');
      }
  }

  /* closing hides it; showing again brings back the same window */
  gtk_window_close (shortcuts);
  g_assert_null (find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-help-overlay", NULL));
  g_assert_true (find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW) == shortcuts);
  gtk_window_close (shortcuts);
}

static gboolean
popover_mapped (gpointer popover)
{
  return gtk_widget_get_mapped (popover);
}

/* The main menu's popover is made when the menu is first opened, and it
 * is the window's menu: the same popover every time. */
static void
test_main_menu_on_demand (Fixture       *f,
                          gconstpointer  data)
{
  GtkMenuButton *button = GTK_MENU_BUTTON (find (f, "menu-button"));
  GtkPopover *popover;
  GMenuModel *model;
  gboolean has_export = FALSE;

  g_assert_null (gtk_menu_button_get_popover (button));
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (button)));

  gtk_menu_button_popup (button);
  popover = gtk_menu_button_get_popover (button);
  g_assert_true (GTK_IS_POPOVER_MENU (popover));
  g_assert_true (hep_ui_test_wait_for (popover_mapped, popover, 2000));
  model = gtk_popover_menu_get_menu_model (GTK_POPOVER_MENU (popover));
  g_assert_nonnull (model);
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (model, i, G_MENU_LINK_SECTION);

      for (int j = 0; section != NULL && j < g_menu_model_get_n_items (section); j++)
        {
          g_autofree char *action = NULL;

          if (g_menu_model_get_item_attribute (section, j, G_MENU_ATTRIBUTE_ACTION, "s", &action))
            has_export |= g_strcmp0 (action, "win.export-diagram") == 0;
        }
    }
  g_assert_true (has_export);

  gtk_menu_button_popdown (button);
  gtk_menu_button_popup (button);
  g_assert_true (gtk_menu_button_get_popover (button) == popover);
  gtk_menu_button_popdown (button);
}

/* Export Diagram… offers the diagram, format, size and style, and cancels
 * cleanly; the export itself is checked in test-diagram-view. */
static void
test_export_dialog (Fixture       *f,
                    gconstpointer  data)
{
  GtkWindow *dialog;
  g_autofree char *png = NULL;

  hep_window_explore (f->window, "risk=cirrhosis size=25 aphe=nonrim washout", NULL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.export-diagram", NULL));
  dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (dialog) == GTK_WINDOW (f->window));
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "Export Diagram");
  g_assert_true (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (dialog), "export"));
  hep_ui_test_wait_for_draw (GTK_WIDGET (dialog));
  png = hep_ui_test_save_png (GTK_WIDGET (dialog), "test-export-dialog.png");

  /* click Cancel, as a user would */
  {
    GtkWidget *cancel = find_button_with_label (GTK_WIDGET (dialog), "_Cancel");

    g_assert_nonnull (cancel);
    g_signal_emit_by_name (cancel, "clicked");
  }
  g_assert_true (hep_ui_test_wait_for (no_message_dialog, NULL, 5000));
}

static void
select_case_in_list (Fixture    *f,
                     const char *id)
{
  GtkListView *list = GTK_LIST_VIEW (find (f, "case-list"));
  GtkSingleSelection *selection = GTK_SINGLE_SELECTION (gtk_list_view_get_model (list));
  GListModel *model = gtk_single_selection_get_model (selection);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(HepCase) c = g_list_model_get_item (model, i);

      if (g_str_equal (hep_case_get_id (c), id))
        {
          gtk_single_selection_set_selected (selection, i);   /* as a click does */
          return;
        }
    }
  g_error ("case %s is not in the list", id);
}

/* Choosing a case in the sidebar loads it into every view; edits are listed
 * against the case and reset brings it back. */
static void
test_open_case_from_list (Fixture       *f,
                          gconstpointer  data)
{
  HepCase *c;

  g_settings_set_boolean (hep_application_get_settings (app), "unknown-case-mode", FALSE);
  select_case_in_list (f, "hcc-lr5-downgraded-lr4");
  c = hep_window_get_case (f->window);
  g_assert_nonnull (c);
  g_assert_cmpstr (hep_case_get_id (c), ==, "hcc-lr5-downgraded-lr4");
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (find (f, "case-title"))), ==, hep_case_get_title (c));
  g_assert_true (gtk_widget_get_visible (find (f, "case-card")));
  /* the findings, phase by phase, as property rows */
  {
    GtkListBoxRow *first = gtk_list_box_get_row_at_index (GTK_LIST_BOX (find (f, "case-findings")), 0);

    g_assert_true (HEP_IS_TEXT_ROW (first));
    g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (first), "property"));
    g_assert_cmpstr (hep_text_row_get_subtitle (HEP_TEXT_ROW (first)), ==, hep_case_get_findings (c, HEP_CASE_PHASE_PRE));
  }
  /* the engine's category equals the case's stored one */
  g_assert_cmpstr (category_text (f), ==, "LR-4");
  g_assert_cmpstr (category_text (f), ==, hep_lirads_category_to_string (hep_case_get_lirads (c)));
  /* found on (abbreviated) MRI, not on ultrasound (issue #17): next imaging knows it */
  g_assert_cmpstr (hep_case_get_found_on (c), ==, "mri");
  g_assert_cmpuint (hep_choice_button_get_selected (HEP_CHOICE_BUTTON (find (f, "found-on"))), ==, 3);
  g_assert_cmpstr (g_settings_get_string (hep_application_get_settings (app), "last-case"), ==,
                   "hcc-lr5-downgraded-lr4");

  /* what if the HBP were hypointense? */
  hep_choice_button_set_selected (HEP_CHOICE_BUTTON (find (f, "feature-hbp")), HEP_HBP_HYPO);
  g_assert_cmpstr (category_text (f), ==, "LR-5");
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (find (f, "changes-label"))), ==, "Hepatobiliary phase: Hypointense");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.reset-features", NULL));
  g_assert_cmpstr (category_text (f), ==, "LR-4");

  /* next and previous case */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.next-case", NULL));
  g_assert_cmpstr (hep_case_get_id (hep_window_get_case (f->window)), !=, "hcc-lr5-downgraded-lr4");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.previous-case", NULL));
  g_assert_cmpstr (hep_case_get_id (hep_window_get_case (f->window)), ==, "hcc-lr5-downgraded-lr4");

  /* Explore leaves the case */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.explore", NULL));
  g_assert_null (hep_window_get_case (f->window));
  g_assert_false (gtk_widget_get_visible (find (f, "case-card")));
}

/* Unknown-case mode hides every spoiler until the reveal. */
static void
test_unknown_case_mode (Fixture       *f,
                        gconstpointer  data)
{
  GSettings *settings = hep_application_get_settings (app);
  g_autoptr(GError) error = NULL;
  HepCase *c;
  const char *answer;

  g_assert_true (hep_window_open_case (f->window, "hemangioma-flash-filling", &error));
  g_assert_no_error (error);
  c = hep_window_get_case (f->window);
  g_settings_set_boolean (settings, "unknown-case-mode", TRUE);

  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (find (f, "case-title"))), ==, "Unknown Case");
  g_assert_false (gtk_widget_get_visible (find (f, "lirads-view")));
  g_assert_false (gtk_widget_get_visible (find (f, "ddx-view")));
  g_assert_true (gtk_widget_get_visible (find (f, "answer-hidden")));
  answer = gtk_label_get_label (GTK_LABEL (find (f, "case-answer")));
  g_assert_null (strstr (answer, "Hemangioma"));
  g_assert_null (strstr (answer, hep_case_get_teaching_points (c)[0]));
  /* the follow-up that proved it is the outcome, hidden too */
  g_assert_nonnull (hep_case_get_outcome (c));
  g_assert_null (strstr (answer, hep_case_get_outcome (c)));
  g_assert_true (gtk_widget_get_visible (find (f, "reveal-button")));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.reveal", NULL));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (find (f, "case-title"))), ==, hep_case_get_title (c));
  g_assert_true (gtk_widget_get_visible (find (f, "lirads-view")));
  g_assert_true (gtk_widget_get_visible (find (f, "ddx-view")));
  answer = gtk_label_get_label (GTK_LABEL (find (f, "case-answer")));
  g_assert_nonnull (strstr (answer, "Hemangioma"));
  g_assert_nonnull (strstr (answer, hep_case_get_outcome (c)));
  g_assert_false (gtk_widget_get_visible (find (f, "reveal-button")));

  /* the next case starts hidden again */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.next-case", NULL));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (find (f, "case-title"))), ==, "Unknown Case");
  g_settings_set_boolean (settings, "unknown-case-mode", FALSE);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (find (f, "case-title"))), !=, "Unknown Case");
}

static const char *
wrap_text (Fixture    *f,
           const char *name)
{
  return hep_wrap_label_get_text (HEP_WRAP_LABEL (find (f, name)));
}

/* The answer bar above the side panel: the category, the first two of the
 * differential and the next step, in view and in step with every toggle. */
static void
test_answer_bar (Fixture       *f,
                 gconstpointer  data)
{
  GSettings *settings = hep_application_get_settings (app);
  GtkWidget *category = find (f, "answer-category");
  GtkAdjustment *scroll;
  g_autoptr(GError) error = NULL;
  HepCase *c;

  /* nothing given: what to do, not twelve diagnoses scoring 0 */
  g_assert_true (hep_window_explore (f->window, "", &error));
  g_assert_no_error (error);
  g_assert_false (gtk_widget_get_visible (category));
  g_assert_true (g_str_has_prefix (wrap_text (f, "answer-headline"), "Set the imaging features"));

  g_assert_true (hep_window_explore (f->window, "risk=cirrhosis size=15 aphe=nonrim capsule", &error));
  g_assert_true (gtk_widget_get_visible (category));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (category)), ==, "LR-4");
  g_assert_cmpstr (wrap_text (f, "answer-headline"), ==, hep_lirads_category_get_meaning (HEP_LIRADS_4));
  g_assert_true (g_str_has_prefix (wrap_text (f, "answer-differential"), "Most likely Hepatocellular carcinoma"));
  g_assert_true (g_str_has_prefix (wrap_text (f, "answer-next"), "Next: "));
  /* a toggle changes it in the same main-loop turn */
  gtk_switch_set_active (GTK_SWITCH (find (f, "feature-washout")), TRUE);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (category)), ==, "LR-5");

  /* the known primary's row waits for a known malignancy */
  g_assert_false (gtk_widget_is_sensitive (find (f, "feature-primary")));

  /* the headline question: a known primary in a normal liver (§5.3a) */
  g_assert_true (hep_window_explore (f->window, "risk=none known-malignancy size=15 aphe=nonrim washout "
                                                "t2=mild-moderate dwi=restricted", &error));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (category)), ==, "NA");
  g_assert_true (g_str_has_prefix (wrap_text (f, "answer-differential"), "Most likely Hypervascular metastasis"));
  g_assert_true (gtk_widget_is_sensitive (find (f, "feature-primary")));

  /* unknown-case mode: nothing of the answer until the reveal */
  g_assert_true (hep_window_open_case (f->window, "hcc-classic-cirrhosis", &error));
  g_assert_no_error (error);
  c = hep_window_get_case (f->window);
  scroll = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (find (f, "side-scroller")));
  g_settings_set_boolean (settings, "unknown-case-mode", TRUE);
  g_assert_false (gtk_widget_get_visible (category));
  g_assert_false (gtk_widget_get_visible (find (f, "answer-next")));
  g_assert_null (strstr (wrap_text (f, "answer-differential"), "Hepatocellular"));
  g_assert_true (gtk_widget_get_visible (find (f, "answer-reveal")));
  /* next imaging's LI-RADS step names the category: hidden too */
  g_assert_false (gtk_widget_get_visible (find (f, "next-imaging-lirads")));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.reveal", NULL));
  g_assert_true (gtk_widget_get_visible (find (f, "next-imaging-lirads")));
  g_assert_true (gtk_widget_get_visible (category));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (category)), ==,
                   hep_lirads_category_to_string (hep_case_get_lirads (c)));
  g_assert_false (gtk_widget_get_visible (find (f, "answer-reveal")));
  g_settings_set_boolean (settings, "unknown-case-mode", FALSE);

  /* another case opens at its top */
  hep_ui_test_wait_for_draw (GTK_WIDGET (f->window));
  gtk_adjustment_set_value (scroll, gtk_adjustment_get_upper (scroll));
  g_assert_cmpfloat (gtk_adjustment_get_value (scroll), >, 0);
  g_assert_true (hep_window_open_case (f->window, "fnh-classic-young-woman", &error));
  g_assert_cmpfloat (gtk_adjustment_get_value (scroll), ==, 0);
}

/* Unknown-case mode in the sidebar: the filters on hidden fields go, and
 * search sees only what the mode shows. */
static void
test_unknown_case_sidebar (Fixture       *f,
                           gconstpointer  data)
{
  GSettings *settings = hep_application_get_settings (app);
  GtkListView *list = GTK_LIST_VIEW (find (f, "case-list"));
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (list));
  GtkWidget *search = find (f, "case-search");
  guint fnh_cases;

  gtk_editable_set_text (GTK_EDITABLE (search), "nodular hyperplasia");
  g_signal_emit_by_name (search, "search-changed");
  fnh_cases = g_list_model_get_n_items (model);
  g_assert_cmpuint (fnh_cases, >, 0);

  g_settings_set_boolean (settings, "unknown-case-mode", TRUE);
  g_assert_false (gtk_widget_get_visible (find (f, "filter-diagnosis")));
  g_assert_false (gtk_widget_get_visible (find (f, "filter-lirads")));
  g_assert_false (gtk_widget_get_visible (find (f, "filter-tag")));
  g_assert_true (gtk_widget_get_visible (find (f, "filter-difficulty")));
  /* the FNH cases are no longer found by their diagnosis */
  g_assert_cmpuint (g_list_model_get_n_items (model), <, fnh_cases);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(HepCase) c = g_list_model_get_item (model, i);
      g_autofree char *open = hep_case_dup_open_text (c);
      g_autofree char *lower = g_ascii_strdown (open, -1);

      g_assert_nonnull (strstr (lower, "nodular"));
    }
  /* a diagnosis filter chosen before does not filter */
  gtk_editable_set_text (GTK_EDITABLE (search), "");
  g_signal_emit_by_name (search, "search-changed");
  hep_choice_button_set_selected (HEP_CHOICE_BUTTON (find (f, "filter-diagnosis")), 1 + HEP_DDX_FNH);
  g_assert_cmpuint (g_list_model_get_n_items (model), >=, 60);

  g_settings_set_boolean (settings, "unknown-case-mode", FALSE);
  g_assert_true (gtk_widget_get_visible (find (f, "filter-diagnosis")));
  g_assert_cmpuint (g_list_model_get_n_items (model), <, 60);
  hep_choice_button_set_selected (HEP_CHOICE_BUTTON (find (f, "filter-diagnosis")), 0);
}

/* Leaving a case keeps what was changed for the session, and Reset to Case
 * can be undone: nothing the user set is lost silently. */
static void
test_edits_kept (Fixture       *f,
                 gconstpointer  data)
{
  GtkWidget *washout = find (f, "feature-washout");
  g_autoptr(GError) error = NULL;
  gboolean before;

  g_assert_true (hep_window_open_case (f->window, "hcc-classic-cirrhosis", &error));
  g_assert_no_error (error);
  before = gtk_switch_get_active (GTK_SWITCH (washout));
  gtk_switch_set_active (GTK_SWITCH (washout), !before);
  g_assert_true (gtk_widget_get_visible (gtk_widget_get_parent (find (f, "changes-label"))));

  /* away and back: the change is still there */
  g_assert_true (hep_window_open_case (f->window, "fnh-classic-young-woman", &error));
  g_assert_false (gtk_widget_get_visible (gtk_widget_get_parent (find (f, "changes-label"))));
  g_assert_true (hep_window_explore (f->window, "risk=cirrhosis", &error));
  g_assert_true (hep_window_open_case (f->window, "hcc-classic-cirrhosis", &error));
  g_assert_cmpint (gtk_switch_get_active (GTK_SWITCH (washout)), ==, !before);
  g_assert_true (gtk_widget_get_visible (gtk_widget_get_parent (find (f, "changes-label"))));

  /* reset, then undo the reset */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.reset-features", NULL));
  g_assert_cmpint (gtk_switch_get_active (GTK_SWITCH (washout)), ==, before);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo-reset", NULL));
  g_assert_cmpint (gtk_switch_get_active (GTK_SWITCH (washout)), ==, !before);

  /* after another change, the undo would restore the wrong thing: it is off */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.reset-features", NULL));
  gtk_switch_set_active (GTK_SWITCH (find (f, "feature-fever")), TRUE);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo-reset", NULL);
  g_assert_cmpint (gtk_switch_get_active (GTK_SWITCH (washout)), ==, before);
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (find (f, "feature-fever"))));

  /* a case left unchanged comes back as the case */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.reset-features", NULL));
  g_assert_true (hep_window_open_case (f->window, "fnh-classic-young-woman", &error));
  g_assert_true (hep_window_open_case (f->window, "hcc-classic-cirrhosis", &error));
  g_assert_false (gtk_widget_get_visible (gtk_widget_get_parent (find (f, "changes-label"))));
}

/* Keyboard: Return in the search opens the best match; F6 moves between
 * the library, the features and the results. */
static void
test_keyboard_navigation (Fixture       *f,
                          gconstpointer  data)
{
  GtkWidget *search = find (f, "case-search");
  GtkListView *list = GTK_LIST_VIEW (find (f, "case-list"));
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (list));
  g_autoptr(HepCase) first = NULL;
  GtkWidget *focus;

  gtk_editable_set_text (GTK_EDITABLE (search), "washout nodule bright");
  g_signal_emit_by_name (search, "search-changed");
  g_assert_cmpuint (g_list_model_get_n_items (model), >, 0);
  first = g_list_model_get_item (model, 0);
  g_signal_emit_by_name (search, "activate");
  g_assert_nonnull (hep_window_get_case (f->window));
  g_assert_cmpstr (hep_case_get_id (hep_window_get_case (f->window)), ==, hep_case_get_id (first));

  /* F6 from the search: the features, then the results, then back */
  gtk_widget_grab_focus (search);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.focus-next-pane", NULL));
  focus = gtk_root_get_focus (GTK_ROOT (f->window));
  g_assert_true (gtk_widget_is_ancestor (focus, find (f, "feature-panel")));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.focus-next-pane", NULL));
  focus = gtk_root_get_focus (GTK_ROOT (f->window));
  g_assert_true (gtk_widget_is_ancestor (focus, find (f, "side-scroller")));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.focus-next-pane", NULL));
  focus = gtk_root_get_focus (GTK_ROOT (f->window));
  g_assert_true (focus == search || gtk_widget_is_ancestor (focus, search));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.focus-previous-pane", NULL));
  focus = gtk_root_get_focus (GTK_ROOT (f->window));
  g_assert_true (gtk_widget_is_ancestor (focus, find (f, "side-scroller")));

  gtk_editable_set_text (GTK_EDITABLE (search), "");
  g_signal_emit_by_name (search, "search-changed");
}

static gboolean
store_has_case (gpointer id)
{
  HepCaseStore *store = hep_application_get_store (app);

  return hep_case_store_contains (store, id);
}

/* Import Case Pack…: the pack is read in a thread and imported whole; the
 * new case is in the library. */
static void
test_import_pack (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *source = g_test_build_filename (G_TEST_DIST, "data", "cases", "fx-met-rim.case", NULL);
  g_autofree char *dir = g_dir_make_tmp ("hepatica-import-XXXXXX", &error);
  g_autofree char *pack = g_build_filename (dir, "shared.hepatica-pack", NULL);
  g_autoptr(GPtrArray) cases = g_ptr_array_new_with_free_func (g_object_unref);
  HepCase *c = hep_case_source_load_file (source, &error);

  g_assert_no_error (error);
  hep_case_set_id (c, "ui-imported-case");
  g_ptr_array_add (cases, c);
  g_assert_true (hep_case_pack_save_file (cases, pack, "test", "2026-12-06T00:00:00Z", &error));
  g_assert_no_error (error);
  g_assert_false (store_has_case ("ui-imported-case"));

  _hep_window_import_pack_file (f->window, pack);
  g_assert_true (hep_ui_test_wait_for (store_has_case, "ui-imported-case", 5000));
  g_assert_true (hep_window_open_case (f->window, "ui-imported-case", &error));
  g_assert_no_error (error);
  g_unlink (pack);
  g_rmdir (dir);
}

/* A label under @widget whose text has @text in it. */
static GtkWidget *
find_label_with (GtkWidget  *widget,
                 const char *text)
{
  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label_with (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

typedef struct {
  GtkWidget  *root;
  const char *text;
} LabelWait;

static gboolean
has_label_with (gpointer data)
{
  LabelWait *wait = data;

  return find_label_with (wait->root, wait->text) != NULL;
}

/* A pack that carries a deck: the deck comes in with its cases, and the
 * toast says so (a name with "&" is text, not markup). */
static void
test_import_pack_deck (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *source = g_test_build_filename (G_TEST_DIST, "data", "cases", "fx-met-rim.case", NULL);
  g_autofree char *dir = g_dir_make_tmp ("hepatica-import-XXXXXX", &error);
  g_autofree char *pack = g_build_filename (dir, "deck & cases.hepatica-pack", NULL);
  g_autoptr(GPtrArray) cases = g_ptr_array_new_with_free_func (g_object_unref);
  HepCase *c = hep_case_source_load_file (source, &error);
  HepDeck deck = { NULL, (char *) "Rims & targets", (char *) "Tuesday", NULL, 0, 0 };
  char *ids[] = { (char *) "ui-deck-case", NULL };
  HepCaseStore *store = hep_application_get_store (app);
  g_autoptr(HepDeck) imported = NULL;
  LabelWait wait = { GTK_WIDGET (f->window), "the deck “Rims & targets” was added" };

  g_assert_no_error (error);
  hep_case_set_id (c, "ui-deck-case");
  g_ptr_array_add (cases, c);
  deck.case_ids = ids;
  g_assert_true (hep_case_pack_save_file_full (cases, &deck, pack, "test", NULL, &error));
  g_assert_no_error (error);

  _hep_window_import_pack_file (f->window, pack);
  g_assert_true (hep_ui_test_wait_for (store_has_case, "ui-deck-case", 5000));
  imported = hep_case_store_get_deck (store, "rims-targets", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (imported->name, ==, "Rims & targets");
  g_assert_cmpstr (imported->notes, ==, "Tuesday");
  g_assert_cmpstr (imported->case_ids[0], ==, "ui-deck-case");
  g_assert_true (hep_ui_test_wait_for (has_label_with, &wait, 5000));
  g_unlink (pack);
  g_rmdir (dir);
}

static int
xft_dpi (void)
{
  int dpi = 0;

  g_object_get (gtk_settings_get_default (), "gtk-xft-dpi", &dpi, NULL);
  return dpi;
}

/* Ctrl+plus, Ctrl+minus, Ctrl+0: the text of the whole window. */
static void
test_zoom (Fixture       *f,
           gconstpointer  data)
{
  GSettings *settings = hep_application_get_settings (app);
  int base = xft_dpi ();

  g_action_group_activate_action (G_ACTION_GROUP (app), "zoom-in", NULL);
  g_assert_cmpfloat_with_epsilon (g_settings_get_double (settings, "text-scale"), 1.1, 1e-9);
  g_assert_cmpint (xft_dpi (), >, base);
  g_assert_cmpint (ABS (xft_dpi () - (int) (base * 1.1 + 0.5)), <=, 1);
  g_action_group_activate_action (G_ACTION_GROUP (app), "zoom-out", NULL);
  g_action_group_activate_action (G_ACTION_GROUP (app), "zoom-out", NULL);
  g_assert_cmpint (xft_dpi (), <, base);
  /* bounded */
  for (int i = 0; i < 20; i++)
    g_action_group_activate_action (G_ACTION_GROUP (app), "zoom-in", NULL);
  g_assert_cmpfloat (g_settings_get_double (settings, "text-scale"), ==, 2.0);
  g_action_group_activate_action (G_ACTION_GROUP (app), "zoom-reset", NULL);
  g_assert_cmpfloat (g_settings_get_double (settings, "text-scale"), ==, 1.0);
  g_assert_cmpint (ABS (xft_dpi () - base), <=, 1);
}

/* Typing in the search box searches the library (FTS), filters narrow it. */
static void
test_search_and_filters (Fixture       *f,
                         gconstpointer  data)
{
  GtkListView *list = GTK_LIST_VIEW (find (f, "case-list"));
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (list));
  guint all = g_list_model_get_n_items (model);

  g_assert_cmpuint (all, >=, 60);
  gtk_editable_set_text (GTK_EDITABLE (find (f, "case-search")), "flash");
  g_signal_emit_by_name (find (f, "case-search"), "search-changed");
  g_assert_cmpuint (g_list_model_get_n_items (model), >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (model), <, all);
  gtk_editable_set_text (GTK_EDITABLE (find (f, "case-search")), "");
  g_signal_emit_by_name (find (f, "case-search"), "search-changed");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, all);

  /* diagnosis filter: the entries follow the differential's order, after "All" */
  hep_choice_button_set_selected (HEP_CHOICE_BUTTON (find (f, "filter-diagnosis")), 1 + HEP_DDX_FNH);
  g_assert_cmpuint (g_list_model_get_n_items (model), >=, 3);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(HepCase) c = g_list_model_get_item (model, i);
      g_assert_cmpstr (hep_case_get_diagnosis (c), ==, "fnh");
    }
  hep_choice_button_set_selected (HEP_CHOICE_BUTTON (find (f, "filter-diagnosis")), 0);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, all);
}

static gboolean
list_scrolled (gpointer data)
{
  GtkAdjustment *adj = data;

  return gtk_adjustment_get_value (adj) > 0;
}

/* A case opened from code (--case, the last case) is scrolled into view in
 * the sidebar. */
static void
test_open_case_scrolls_list (Fixture       *f,
                             gconstpointer  data)
{
  GtkWidget *list = find (f, "case-list");
  GtkAdjustment *adj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (list));

  g_assert_cmpfloat (gtk_adjustment_get_value (adj), ==, 0);
  /* "Washout nodule …": near the end of the alphabetical list */
  g_assert_true (hep_window_open_case (f->window, "hcc-lr5-downgraded-lr4", NULL));
  g_assert_true (hep_ui_test_wait_for (list_scrolled, adj, 5000));
}

/* The side panel's sections follow the panel-layout setting both ways; a
 * collapsed view catches up with the state when it is expanded again. */
static void
test_panel_layout (Fixture       *f,
                   gconstpointer  data)
{
  GSettings *settings = hep_application_get_settings (app);
  GtkExpander *differential = GTK_EXPANDER (find (f, "section-differential"));
  GtkExpander *trace = GTK_EXPANDER (find (f, "section-trace"));
  GtkListBox *ranking = GTK_LIST_BOX (find (f, "ddx-ranking"));
  guint all = g_settings_get_flags (settings, "panel-layout");

  g_assert_true (gtk_expander_get_expanded (differential));
  g_assert_true (gtk_expander_get_expanded (trace));

  /* the user collapses the differential: the setting follows */
  gtk_expander_set_expanded (differential, FALSE);
  g_assert_cmpuint (g_settings_get_flags (settings, "panel-layout") & 4, ==, 0);

  /* while collapsed, an LR-5 observation; expanding shows the new ranking */
  hep_window_explore (f->window, "risk=cirrhosis size=25 aphe=nonrim washout", NULL);
  gtk_expander_set_expanded (differential, TRUE);
  g_assert_true (g_settings_get_flags (settings, "panel-layout") & 4);
  hep_ui_test_wait_for_draw (GTK_WIDGET (f->window));
  g_assert_cmpstr (gtk_widget_get_name (GTK_WIDGET (gtk_list_box_get_row_at_index (ranking, 0))), ==, "hcc");

  /* the setting drives the sections too */
  g_settings_set_flags (settings, "panel-layout", all & ~16u);
  g_assert_false (gtk_expander_get_expanded (trace));
  g_settings_set_flags (settings, "panel-layout", all);
  g_assert_true (gtk_expander_get_expanded (trace));

  /* sources of the path: a check item of the window */
  {
    GtkListBoxRow *first = gtk_list_box_get_row_at_index (GTK_LIST_BOX (find (f, "lirads-trace")), 0);
    const char *subtitle = hep_text_row_get_subtitle (HEP_TEXT_ROW (first));

    g_assert_nonnull (subtitle);
    g_assert_true (g_str_has_prefix (subtitle, "LI-RADS v2018"));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-sources", NULL));
    g_assert_cmpuint (g_settings_get_flags (settings, "panel-layout") & 32, ==, 0);
    first = gtk_list_box_get_row_at_index (GTK_LIST_BOX (find (f, "lirads-trace")), 0);
    subtitle = hep_text_row_get_subtitle (HEP_TEXT_ROW (first));
    g_assert_true (subtitle == NULL || subtitle[0] == '\0');
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-sources", NULL));
    g_assert_cmpuint (g_settings_get_flags (settings, "panel-layout"), ==, all);
  }
}

int
main (int    argc,
      char **argv)
{
  int status;

  hep_ui_test_init (&argc, &argv);
  app = hep_ui_test_register_app ();
  g_test_add ("/window/opens", Fixture, NULL, fixture_setup, test_window_opens, fixture_teardown);
  g_test_add ("/window/toggle-washout", Fixture, NULL, fixture_setup, test_toggle_washout_updates_views, fixture_teardown);
  g_test_add ("/window/choice-and-size", Fixture, NULL, fixture_setup, test_choice_and_size_rows, fixture_teardown);
  g_test_add ("/window/counterfactual-click", Fixture, NULL, fixture_setup, test_counterfactual_click, fixture_teardown);
  g_test_add_func ("/window/state-settings", test_window_state_settings);
  g_test_add ("/window/ddx-and-next-imaging", Fixture, NULL, fixture_setup, test_ddx_and_next_imaging_follow, fixture_teardown);
  g_test_add ("/window/shortcuts-window", Fixture, NULL, fixture_setup, test_shortcuts_window, fixture_teardown);
  g_test_add ("/window/main-menu-on-demand", Fixture, NULL, fixture_setup, test_main_menu_on_demand, fixture_teardown);
  g_test_add ("/window/export-dialog", Fixture, NULL, fixture_setup, test_export_dialog, fixture_teardown);
  g_test_add ("/window/open-case-from-list", Fixture, NULL, fixture_setup, test_open_case_from_list, fixture_teardown);
  g_test_add ("/window/counterfactuals-kept", Fixture, NULL, fixture_setup, test_counterfactuals_kept, fixture_teardown);
  g_test_add ("/window/pages", Fixture, NULL, fixture_setup, test_pages, fixture_teardown);
  g_test_add ("/window/unknown-case-mode", Fixture, NULL, fixture_setup, test_unknown_case_mode, fixture_teardown);
  g_test_add ("/window/search-and-filters", Fixture, NULL, fixture_setup, test_search_and_filters, fixture_teardown);
  g_test_add ("/window/open-case-scrolls-list", Fixture, NULL, fixture_setup, test_open_case_scrolls_list, fixture_teardown);
  g_test_add ("/window/panel-layout", Fixture, NULL, fixture_setup, test_panel_layout, fixture_teardown);
  g_test_add ("/window/accessible-names", Fixture, NULL, fixture_setup, test_accessible_names, fixture_teardown);
  g_test_add ("/window/answer-bar", Fixture, NULL, fixture_setup, test_answer_bar, fixture_teardown);
  g_test_add ("/window/edits-kept", Fixture, NULL, fixture_setup, test_edits_kept, fixture_teardown);
  g_test_add ("/window/keyboard-navigation", Fixture, NULL, fixture_setup, test_keyboard_navigation, fixture_teardown);
  g_test_add ("/window/import-pack", Fixture, NULL, fixture_setup, test_import_pack, fixture_teardown);
  g_test_add ("/window/import-pack-deck", Fixture, NULL, fixture_setup, test_import_pack_deck, fixture_teardown);
  g_test_add ("/window/zoom", Fixture, NULL, fixture_setup, test_zoom, fixture_teardown);
  g_test_add ("/window/unknown-case-sidebar", Fixture, NULL, fixture_setup, test_unknown_case_sidebar, fixture_teardown);
  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
