/* hep-window-actions.c: the main window's actions
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The actions of the window's menu, header bar and accelerators (the table
 * of accelerators is the application's, hep-application.c). Each one acts
 * on the window's state through hep-window-private.h.
 */

#include "config.h"

#include "hep-quiz-view.h"
#include "hep-window-private.h"

#include "hep-handout-print.h"

#include <glib/gi18n.h>

static void
reveal_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  HepWindow *self = HEP_WINDOW (widget);

  hep_case_card_set_revealed (self->case_card, TRUE);
  _hep_window_update_unknown (self);
}

static void
explore_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  hep_window_explore (HEP_WINDOW (widget), NULL, NULL);
}

static void
step_case (HepWindow *self,
           int        offset)
{
  g_autoptr(HepCase) next = hep_case_browser_get_neighbour (self->case_browser, offset);

  if (next != NULL)
    _hep_window_load_case (self, next);
}

static void
next_case_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  step_case (HEP_WINDOW (widget), +1);
}

static void
previous_case_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  step_case (HEP_WINDOW (widget), -1);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  HepWindow *self = HEP_WINDOW (widget);

  adw_flap_set_reveal_flap (self->flap, TRUE);
  hep_case_browser_focus_search (self->case_browser);
}

static void
toggle_sidebar_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  HepWindow *self = HEP_WINDOW (widget);

  adw_flap_set_reveal_flap (self->flap, !adw_flap_get_reveal_flap (self->flap));
}

/* F6 and Shift+F6: the case library, the features, the results. */
static void
focus_pane_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  HepWindow *self = HEP_WINDOW (widget);
  GtkWidget *panes[] = { GTK_WIDGET (self->case_browser), GTK_WIDGET (self->feature_panel),
                         GTK_WIDGET (self->side_scroller) };
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  int step = g_str_equal (action_name, "win.focus-previous-pane") ? -1 : 1;
  int current = -1;
  int n = G_N_ELEMENTS (panes);

  for (int i = 0; i < n; i++)
    if (focus != NULL && (focus == panes[i] || gtk_widget_is_ancestor (focus, panes[i])))
      current = i;
  for (int k = 1; k <= n; k++)
    {
      int next = ((current < 0 ? (step > 0 ? -1 : 0) : current) + step * k + n * 2) % n;

      if (!gtk_widget_is_visible (panes[next]))
        continue;
      if (panes[next] == GTK_WIDGET (self->case_browser))
        {
          hep_case_browser_focus_search (self->case_browser);
          return;
        }
      if (gtk_widget_child_focus (panes[next], GTK_DIR_TAB_FORWARD))
        return;
    }
}

static void
fullscreen_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  if (gtk_window_is_fullscreen (GTK_WINDOW (widget)))
    gtk_window_unfullscreen (GTK_WINDOW (widget));
  else
    gtk_window_fullscreen (GTK_WINDOW (widget));
}

/* Reset to Case offers to undo itself: nothing the user set is lost
 * silently. */
static void
reset_features_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  HepWindow *self = HEP_WINDOW (widget);
  AdwToast *toast;

  if (!hep_feature_state_get_modified (self->state))
    return;
  self->undo_features = *hep_feature_state_get_features (self->state);
  hep_feature_state_reset (self->state);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo-reset", TRUE);
  toast = adw_toast_new (self->current_case != NULL ? _("Features reset to the case") : _("Features reset"));
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo-reset");
  _hep_window_add_toast (self, toast);
  g_object_unref (toast);
}

static void
undo_reset_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  HepWindow *self = HEP_WINDOW (widget);

  hep_feature_state_set_features (self->state, &self->undo_features);
}

static void
dismiss_db_banner_cb (HepWindow *self)
{
  gtk_revealer_set_reveal_child (self->db_banner, FALSE);
}

/* Why the user's cases are missing, in full (a toast cut the sentence off),
 * and, for a damaged database, the way out. */
void
_hep_window_show_db_banner (HepWindow      *self,
                HepApplication *app)
{
  const GError *error = hep_application_get_store_error (app);
  gboolean damaged = hep_application_get_store_damaged (app);
  g_autofree char *text = NULL;
  GtkWidget *box, *dismiss;

  if (damaged)
    text = g_strdup (_("Your database is damaged, so Hepatica shows the bundled cases only and saves "
                       "nothing. A repair keeps the damaged file as a backup and moves every case, "
                       "quiz answer and review that can still be read into a new database."));
  else
    text = g_strdup_printf (_("Your cases could not be opened, so Hepatica shows the bundled cases only "
                              "and saves nothing: %s"), error->message);

  if (self->db_banner == NULL)
    {
      self->db_banner = GTK_REVEALER (gtk_revealer_new ());
      gtk_widget_set_name (GTK_WIDGET (self->db_banner), "db-banner");
      gtk_revealer_set_transition_type (self->db_banner, GTK_REVEALER_TRANSITION_TYPE_SLIDE_DOWN);
      box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      gtk_widget_add_css_class (box, "db-banner");
      self->db_banner_label = GTK_LABEL (gtk_label_new (NULL));
      gtk_label_set_wrap (self->db_banner_label, TRUE);
      gtk_label_set_xalign (self->db_banner_label, 0);
      gtk_widget_set_hexpand (GTK_WIDGET (self->db_banner_label), TRUE);
      gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->db_banner_label));
      self->db_banner_repair = gtk_button_new_with_mnemonic (_("Back Up and _Repair"));
      gtk_widget_set_name (self->db_banner_repair, "db-banner-repair");
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->db_banner_repair), "win.repair-database");
      gtk_widget_set_valign (self->db_banner_repair, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (self->db_banner_repair, "suggested-action");
      gtk_box_append (GTK_BOX (box), self->db_banner_repair);
      dismiss = gtk_button_new_from_icon_name ("window-close-symbolic");
      gtk_widget_set_tooltip_text (dismiss, _("Dismiss"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (dismiss), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Dismiss"), -1);
      gtk_widget_set_valign (dismiss, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (dismiss, "flat");
      g_signal_connect_object (dismiss, "clicked", G_CALLBACK (dismiss_db_banner_cb), self, G_CONNECT_SWAPPED);
      gtk_box_append (GTK_BOX (box), dismiss);
      gtk_revealer_set_child (self->db_banner, box);
      /* under the header bar */
      gtk_box_insert_child_after (GTK_BOX (self->main_box), GTK_WIDGET (self->db_banner),
                                  gtk_widget_get_first_child (self->main_box));
    }
  gtk_label_set_label (self->db_banner_label, text);
  gtk_widget_set_visible (self->db_banner_repair, damaged);
  gtk_revealer_set_reveal_child (self->db_banner, TRUE);
}

static void
repair_database_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  HepWindow *self = HEP_WINDOW (widget);
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  HepDbRepairReport report;

  if (!HEP_IS_APPLICATION (app))
    return;
  if (!hep_application_repair_store (HEP_APPLICATION (app), &report, &error))
    {
      text = g_strdup_printf (_("The repair failed: %s"), error->message);
      gtk_label_set_label (self->db_banner_label, text);
      return;
    }
  hep_case_browser_set_store (self->case_browser, hep_application_get_store (HEP_APPLICATION (app)));
  text = g_strdup_printf (_("Repaired. Saved %u cases, %u quiz answers and %u reviews; lost %u, %u and %u. "
                            "The damaged file is kept as %s."),
                          report.cases_saved, report.attempts_saved, report.reviews_saved,
                          report.cases_lost, report.attempts_lost, report.reviews_lost,
                          report.damaged_copy ? report.damaged_copy : "");
  gtk_label_set_label (self->db_banner_label, text);
  gtk_widget_set_visible (self->db_banner_repair, FALSE);
  hep_db_repair_report_clear (&report);
}

static void
export_diagram_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  _hep_window_export_diagram (HEP_WINDOW (widget));
}

static void
import_pack_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  _hep_window_import_pack (HEP_WINDOW (widget));
}

/* The keyboard shortcuts window is built on first use: GtkApplication would
 * build one with every window, before its first frame. */
static void
show_accelerators (GtkWidget      *root,
                   GtkApplication *app)
{
  if (app == NULL)
    return;
  if (GTK_IS_SHORTCUTS_SHORTCUT (root))
    {
      g_autofree char *action = NULL;
      g_autofree char *accelerator = NULL;
      g_auto(GStrv) accels = NULL;

      g_object_get (root, "action-name", &action, "accelerator", &accelerator, NULL);
      if (action != NULL && (accelerator == NULL || accelerator[0] == '\0'))
        {
          g_autofree char *joined = NULL;

          accels = gtk_application_get_accels_for_action (app, action);
          joined = g_strjoinv (" ", accels);
          g_object_set (root, "accelerator", joined, NULL);
        }
    }
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    show_accelerators (c, app);
}

static void
show_help_overlay_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  HepWindow *self = HEP_WINDOW (widget);

  if (self->shortcuts_window == NULL)
    {
      g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (RESOURCE_BASE_PATH "/ui/hep-shortcuts-window.ui");

      self->shortcuts_window = g_object_ref (GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay")));
      gtk_window_set_transient_for (self->shortcuts_window, GTK_WINDOW (self));
      /* its shortcuts show the application's accelerators for their actions;
       * GTK looks them up when a shortcut is rooted, before the window has
       * an application, so they are written in here */
      show_accelerators (GTK_WIDGET (self->shortcuts_window), gtk_window_get_application (GTK_WINDOW (self)));
      gtk_window_set_modal (self->shortcuts_window, TRUE);
      gtk_window_set_hide_on_close (self->shortcuts_window, TRUE);
    }
  gtk_window_present (self->shortcuts_window);
}

/* Alt+1, Alt+2…: the pages of the window, by name */
static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  hep_window_show_page (HEP_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

/* F5: presenter mode for the deck on the Decks page, else the open case;
 * Escape in it comes back here. */
static void
present_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  HepWindow *self = HEP_WINDOW (widget);
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  gboolean on_decks = g_strcmp0 (hep_window_get_page (self), "decks") == 0;
  GtkWidget *decks = on_decks ? hep_window_get_page_widget (self, "decks") : NULL;
  g_autoptr(GError) error = NULL;

  if (on_decks && HEP_IS_DECK_VIEW (decks))
    {
      hep_deck_view_present (HEP_DECK_VIEW (decks));
      return;
    }
  if (!HEP_IS_APPLICATION (app))
    return;
  if (self->current_case == NULL || g_strcmp0 (hep_window_get_page (self), "explore") != 0)
    {
      _hep_window_show_toast (self, _("Open a case, or a deck on the Decks page, to present it"));
      return;
    }
  if (hep_application_present (HEP_APPLICATION (app), hep_case_get_id (self->current_case), GTK_WINDOW (self),
                               &error) == NULL)
    _hep_window_show_toast (self, error->message);
}

/* Ctrl+P: handouts of the deck on the Decks page, else of the open case */
static void
print_handout_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  HepWindow *self = HEP_WINDOW (widget);
  gboolean on_decks = g_strcmp0 (hep_window_get_page (self), "decks") == 0;
  GtkWidget *decks = on_decks ? hep_window_get_page_widget (self, "decks") : NULL;
  g_autoptr(GPtrArray) cases = NULL;

  if (on_decks && HEP_IS_DECK_VIEW (decks))
    {
      hep_deck_view_print (HEP_DECK_VIEW (decks));
      return;
    }
  if (self->current_case == NULL || g_strcmp0 (hep_window_get_page (self), "explore") != 0)
    {
      _hep_window_show_toast (self, _("Open a case, or a deck on the Decks page, to print it"));
      return;
    }
  cases = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (cases, g_object_ref (self->current_case));
  hep_handout_dialog_show (GTK_WINDOW (self), cases, NULL, _hep_window_get_file_stem (self));
}

/* win.start-quiz: "setup" shows the quiz's setup page, "due" starts a
 * quiz over the cards due now, "mistakes" one over the learner's
 * mistakes. */
static void
start_quiz_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  HepWindow *self = HEP_WINDOW (widget);
  GtkWidget *quiz = hep_window_get_page_widget (self, "quiz");

  hep_window_show_page (self, "quiz");
  hep_quiz_view_start_named (HEP_QUIZ_VIEW (quiz), g_variant_get_string (parameter, NULL));
}

void
_hep_window_class_install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.present", NULL, present_action);
  gtk_widget_class_install_action (widget_class, "win.print-handout", NULL, print_handout_action);
  gtk_widget_class_install_action (widget_class, "win.start-quiz", "s", start_quiz_action);
  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_action);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL, show_help_overlay_action);
  gtk_widget_class_install_action (widget_class, "win.reset-features", NULL, reset_features_action);
  gtk_widget_class_install_action (widget_class, "win.undo-reset", NULL, undo_reset_action);
  gtk_widget_class_install_action (widget_class, "win.export-diagram", NULL, export_diagram_action);
  gtk_widget_class_install_action (widget_class, "win.reveal", NULL, reveal_action);
  gtk_widget_class_install_action (widget_class, "win.repair-database", NULL, repair_database_action);
  gtk_widget_class_install_action (widget_class, "win.explore", NULL, explore_action);
  gtk_widget_class_install_action (widget_class, "win.next-case", NULL, next_case_action);
  gtk_widget_class_install_action (widget_class, "win.previous-case", NULL, previous_case_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.toggle-sidebar", NULL, toggle_sidebar_action);
  gtk_widget_class_install_action (widget_class, "win.fullscreen", NULL, fullscreen_action);
  gtk_widget_class_install_action (widget_class, "win.import-pack", NULL, import_pack_action);
  gtk_widget_class_install_action (widget_class, "win.focus-next-pane", NULL, focus_pane_action);
  gtk_widget_class_install_action (widget_class, "win.focus-previous-pane", NULL, focus_pane_action);
}
