/* hep-window.c: the main window
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window owns the one HepFeatureState; every view follows it.
 */

#include "config.h"

#include "hep-window.h"
#include "hep-window-private.h"

#include <glib/gi18n.h>

#include "hep-answer-bar.h"
#include "hep-case-browser.h"
#include "hep-case-card.h"
#include "hep-ddx-view.h"
#include "hep-diagram-view.h"
#include "hep-feature-panel.h"
#include "hep-lirads-view.h"
#include "hep-next-imaging-view.h"
#include "hep-startup-queue.h"

struct _HepWindow
{
  AdwApplicationWindow parent_instance;

  /* Template widgets */
  AdwWindowTitle      *window_title;
  HepFeaturePanel     *feature_panel;
  HepLiradsView       *lirads_view;
  HepAnswerBar        *answer_bar;
  GtkScrolledWindow   *side_scroller;
  HepDiagramView      *curve_view;
  HepDiagramView      *phases_view;
  AdwToastOverlay     *toast_overlay;
  AdwFlap             *flap;
  HepCaseBrowser      *case_browser;
  HepCaseCard         *case_card;
  GtkWidget           *answer_hidden_label;
  GtkWidget           *changes_box;
  GtkLabel            *changes_label;
  GtkExpander         *lirads_section;
  GtkExpander         *differential_section;
  GtkExpander         *next_step_section;
  GtkMenuButton       *menu_button;
  GMenuModel          *primary_menu;
  GtkWidget           *main_box;

  /* The banner under the header bar, made only when the user's database
   * could not be opened (libadwaita 1.2 has no AdwBanner) */
  GtkRevealer         *db_banner;
  GtkLabel            *db_banner_label;
  GtkWidget           *db_banner_repair;

  /* Below the fold: made after the first frame (build_lower_views) */
  HepDdxView          *ddx_view;
  HepNextImagingView  *next_imaging_view;

  /* Owned */
  GtkWindow           *shortcuts_window;   /* made when first shown */
  HepFeatureState     *state;
  GSettings           *settings;
  HepCase             *current_case;   /* NULL in Explore */
  GHashTable          *edits;          /* case id → HepFeatureSet the user left it with, this session */
  GPtrArray           *toasts;         /* AdwToast shown and not yet dismissed */
  HepFeatureSet        undo_features;  /* before Reset to Case, while win.undo-reset can bring them back */
  GtkExpander         *sections[5];    /* as panel_sections[]; NULL until made */
  gboolean             applying_layout;
  HepStartupQueue     *startup;        /* borrowed: the window owns it */
  gboolean             loading;
};

G_DEFINE_FINAL_TYPE (HepWindow, hep_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_SHOW_SOURCES,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_changes (HepWindow *self)
{
  /* in the vocabulary's words: the tokens are for the command line */
  g_autofree char *changes = hep_feature_set_describe_diff (hep_feature_state_get_base (self->state),
                                                            hep_feature_state_get_features (self->state));
  gboolean modified = changes[0] != '\0';

  gtk_label_set_label (self->changes_label, changes);
  gtk_widget_set_visible (self->changes_box, modified);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.reset-features", modified);
}

static void
state_features_cb (HepFeatureState *state,
                   GParamSpec      *pspec,
                   HepWindow       *self)
{
  const HepFeatureSet *fs = hep_feature_state_get_features (state);

  update_changes (self);
  hep_diagram_view_set_features (self->curve_view, fs);
  hep_diagram_view_set_features (self->phases_view, fs);
  /* any other change after a reset ends what its undo would restore */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo-reset", FALSE);
}

/* The side panel's sections and the panel-layout flags of the schema: a set
 * bit means the section is expanded. Each section is a GtkExpander named
 * "section-<nick>" in a template; "sources" shows the source of each step
 * of the LI-RADS path. The pitfalls section is part of the differential,
 * which is made after the first frame. */
static const struct {
  const char *nick;
  guint       bit;
} panel_sections[] = {
  { "lirads", 1 << 0 },
  { "next-step", 1 << 1 },
  { "differential", 1 << 2 },
  { "pitfalls", 1 << 3 },     /* in the HepDdxView */
  { "trace", 1 << 4 },        /* in the HepLiradsView */
};
enum { SECTION_LIRADS, SECTION_NEXT_STEP, SECTION_DIFFERENTIAL, SECTION_PITFALLS, SECTION_TRACE };
#define PANEL_SOURCES (1 << 5)

static GtkWidget *
find_named (GtkWidget  *root,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_named (c, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
apply_panel_layout (HepWindow *self)
{
  guint flags = g_settings_get_flags (self->settings, "panel-layout");

  self->applying_layout = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (panel_sections); i++)
    if (self->sections[i] != NULL)
      gtk_expander_set_expanded (self->sections[i], (flags & panel_sections[i].bit) != 0);
  hep_lirads_view_set_show_sources (self->lirads_view, (flags & PANEL_SOURCES) != 0);
  self->applying_layout = FALSE;
}

static void section_expanded_cb (GtkExpander *expander, GParamSpec *pspec, HepWindow *self);

/* Takes @expander as section @i, laid out as saved. */
static void
add_section (HepWindow   *self,
             guint        i,
             GtkExpander *expander)
{
  g_autofree char *name = g_strconcat ("section-", panel_sections[i].nick, NULL);

  g_assert (expander != NULL && g_str_equal (gtk_widget_get_name (GTK_WIDGET (expander)), name));
  self->sections[i] = expander;
  if (self->settings != NULL)
    apply_panel_layout (self);
  g_signal_connect (expander, "notify::expanded", G_CALLBACK (section_expanded_cb), self);
}

static void
section_expanded_cb (GtkExpander *expander,
                     GParamSpec  *pspec,
                     HepWindow   *self)
{
  guint flags;

  if (self->applying_layout || self->settings == NULL)
    return;
  flags = g_settings_get_flags (self->settings, "panel-layout");
  for (guint i = 0; i < G_N_ELEMENTS (panel_sections); i++)
    if (self->sections[i] == expander)
      flags = gtk_expander_get_expanded (expander) ? flags | panel_sections[i].bit
                                                   : flags & ~panel_sections[i].bit;
  g_settings_set_flags (self->settings, "panel-layout", flags);
}

static void
panel_layout_changed_cb (GSettings  *settings,
                         const char *key,
                         HepWindow  *self)
{
  apply_panel_layout (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_SOURCES]);
}

static gboolean
get_show_sources (HepWindow *self)
{
  return self->settings == NULL || (g_settings_get_flags (self->settings, "panel-layout") & PANEL_SOURCES) != 0;
}

static void
set_show_sources (HepWindow *self,
                  gboolean   show)
{
  guint flags;

  if (self->settings == NULL || get_show_sources (self) == !!show)
    return;
  flags = g_settings_get_flags (self->settings, "panel-layout");
  g_settings_set_flags (self->settings, "panel-layout", show ? flags | PANEL_SOURCES : flags & ~PANEL_SOURCES);
}

static void
hep_window_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_SHOW_SOURCES:
      g_value_set_boolean (value, get_show_sources (HEP_WINDOW (object)));
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, HEP_WINDOW (object)->loading);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hep_window_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_SHOW_SOURCES:
      set_show_sources (HEP_WINDOW (object), g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* Unknown-case mode hides the answer: the card's spoilers, and the LI-RADS
 * category and differential, until the reveal. Explore has nothing to hide. */
static void
update_unknown (HepWindow *self)
{
  gboolean unknown = self->settings != NULL && g_settings_get_boolean (self->settings, "unknown-case-mode");
  gboolean hiding;

  hep_case_browser_set_unknown (self->case_browser, unknown);
  hep_case_card_set_unknown (self->case_card, unknown);
  hiding = hep_case_card_get_hiding (self->case_card);
  gtk_widget_set_visible (GTK_WIDGET (self->lirads_view), !hiding);
  if (self->ddx_view != NULL)
    gtk_widget_set_visible (GTK_WIDGET (self->ddx_view), !hiding);
  gtk_widget_set_visible (self->answer_hidden_label, hiding);
  hep_answer_bar_set_hiding (self->answer_bar, hiding);
  if (self->next_imaging_view != NULL)
    hep_next_imaging_view_set_hiding (self->next_imaging_view, hiding);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.reveal", hiding);

  if (self->current_case == NULL)
    adw_window_title_set_subtitle (self->window_title, _("Explore"));
  else if (hiding && hep_case_is_spoiler (self->current_case, "title"))
    adw_window_title_set_subtitle (self->window_title, _("Unknown Case"));
  else
    adw_window_title_set_subtitle (self->window_title, hep_case_get_title (self->current_case));
}

/* Leaving a case keeps what the user changed, for this session: going back
 * to it brings the changes back. */
static void
remember_edits (HepWindow *self)
{
  const char *id;

  if (self->current_case == NULL)
    return;
  id = hep_case_get_id (self->current_case);
  if (hep_feature_state_get_modified (self->state))
    g_hash_table_insert (self->edits, g_strdup (id),
                         g_memdup2 (hep_feature_state_get_features (self->state), sizeof (HepFeatureSet)));
  else
    g_hash_table_remove (self->edits, id);
}

static HepFoundOn
found_on_from_string (const char *modality)
{
  if (g_strcmp0 (modality, "us") == 0)
    return HEP_FOUND_ON_US;
  if (g_strcmp0 (modality, "ct") == 0)
    return HEP_FOUND_ON_CT;
  if (g_strcmp0 (modality, "mri") == 0)
    return HEP_FOUND_ON_MRI;
  return HEP_FOUND_ON_UNSET;
}

/* The study that first showed the lesion: the case's, else the
 * preference for Explore. Both follow HepFoundOn's order. */
static HepFoundOn
current_found_on (HepWindow *self)
{
  if (self->current_case != NULL)
    return found_on_from_string (hep_case_get_found_on (self->current_case));
  if (self->settings != NULL)
    return (HepFoundOn) g_settings_get_enum (self->settings, "explore-found-on");
  return HEP_FOUND_ON_UNSET;
}

static void
update_found_on (HepWindow *self)
{
  if (self->next_imaging_view != NULL)
    hep_next_imaging_view_set_found_on (self->next_imaging_view, current_found_on (self));
  hep_answer_bar_set_found_on (self->answer_bar, current_found_on (self));
}

static void
load_case (HepWindow *self,
           HepCase   *c)
{
  const HepFeatureSet *edited;

  remember_edits (self);
  g_set_object (&self->current_case, c);
  hep_case_card_set_case (self->case_card, c);
  update_found_on (self);
  /* another case starts at its top */
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->side_scroller), 0);
  hep_feature_state_load (self->state, hep_case_get_features (c));
  edited = g_hash_table_lookup (self->edits, hep_case_get_id (c));
  if (edited != NULL)
    {
      hep_feature_state_set_features (self->state, edited);
      _hep_window_show_toast (self, _("Your changes to this case are back; Reset to Case returns to its features"));
    }
  hep_case_browser_select (self->case_browser, hep_case_get_id (c));
  if (self->settings != NULL)
    g_settings_set_string (self->settings, "last-case", hep_case_get_id (c));
  update_unknown (self);
}

static void
case_selected_cb (HepCaseBrowser *browser,
                  HepCase        *c,
                  HepWindow      *self)
{
  load_case (self, c);
}

static void
unknown_changed_cb (GSettings  *settings,
                    const char *key,
                    HepWindow  *self)
{
  update_unknown (self);
}

static void
reveal_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  HepWindow *self = HEP_WINDOW (widget);

  hep_case_card_set_revealed (self->case_card, TRUE);
  update_unknown (self);
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
    load_case (self, next);
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

/* Reset to Case offers to undo itself: nothing the user set is lost
 * silently. */
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

/* Without a GPU, blurred shadows are costly (see style.css): the window
 * says so with a style class. It is set before the first styles are
 * computed, from what GSK will choose (GSK_RENDERER, else GL when the
 * display has it), and checked against the renderer GSK did choose. */
static gboolean
expect_software_rendering (GdkDisplay *display)
{
  const char *renderer = g_getenv ("GSK_RENDERER");

  if (renderer != NULL && *renderer != '\0')
    return g_ascii_strcasecmp (renderer, "cairo") == 0;
  return !gdk_display_prepare_gl (display, NULL);
}

static void
hep_window_realize (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (hep_window_parent_class)->realize (widget);
  if (GSK_IS_CAIRO_RENDERER (gtk_native_get_renderer (GTK_NATIVE (widget))))
    gtk_widget_add_css_class (widget, "software-rendering");
  else
    gtk_widget_remove_css_class (widget, "software-rendering");
}

/* Window size and maximized state are saved on close, not on every resize. */
static gboolean
hep_window_close_request (GtkWindow *window)
{
  HepWindow *self = HEP_WINDOW (window);
  int width, height;

  if (self->settings != NULL)
    {
      gtk_window_get_default_size (window, &width, &height);
      g_settings_delay (self->settings);
      g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
      if (!gtk_window_is_maximized (window))
        {
          g_settings_set_int (self->settings, "window-width", width);
          g_settings_set_int (self->settings, "window-height", height);
        }
      g_settings_apply (self->settings);
    }
  return GTK_WINDOW_CLASS (hep_window_parent_class)->close_request (window);
}

static void
restore_window_state (HepWindow *self)
{
  int width = g_settings_get_int (self->settings, "window-width");
  int height = g_settings_get_int (self->settings, "window-height");

  gtk_window_set_default_size (GTK_WINDOW (self), MAX (width, 640), MAX (height, 480));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

/* The window's height on screen, before it is shown: its saved height, or
 * the tallest monitor's when it opens maximized. The first frame builds
 * what fills it (HEADER_BAR_HEIGHT and CASE_LIST_TOP are where the panel
 * and the case list start, CASE_ROW_HEIGHT a case row, in pixels). */
#define HEADER_BAR_HEIGHT 47
#define CASE_LIST_TOP     220
#define CASE_ROW_HEIGHT   41

static int
first_frame_height (HepWindow *self)
{
  int width = 0, height = 0;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    {
      GListModel *monitors = gdk_display_get_monitors (gtk_widget_get_display (GTK_WIDGET (self)));

      for (guint i = 0; i < g_list_model_get_n_items (monitors); i++)
        {
          g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, i);
          GdkRectangle geometry;

          gdk_monitor_get_geometry (monitor, &geometry);
          height = MAX (height, geometry.height);
        }
    }
  return height;
}

static void
dismiss_db_banner_cb (HepWindow *self)
{
  gtk_revealer_set_reveal_child (self->db_banner, FALSE);
}

/* Why the user's cases are missing, in full (a toast cut the sentence off),
 * and, for a damaged database, the way out. */
static void
show_db_banner (HepWindow      *self,
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

/* "application" is not a construct property: it is set after constructed,
 * so the settings are picked up when it arrives. */
static void
application_cb (HepWindow  *self,
                GParamSpec *pspec,
                gpointer    user_data)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (self->settings != NULL || !HEP_IS_APPLICATION (app))
    return;
  self->settings = g_object_ref (hep_application_get_settings (HEP_APPLICATION (app)));
  restore_window_state (self);
  g_signal_connect_object (self->settings, "changed::unknown-case-mode", G_CALLBACK (unknown_changed_cb), self, 0);
  g_signal_connect_object (self->settings, "changed::panel-layout", G_CALLBACK (panel_layout_changed_cb), self, 0);
  g_signal_connect_object (self->settings, "changed::explore-found-on", G_CALLBACK (update_found_on), self,
                           G_CONNECT_SWAPPED);
  g_settings_bind (self->settings, "diagram-theme-follows-style", self->curve_view, "follow-style",
                   G_SETTINGS_BIND_GET);
  g_settings_bind (self->settings, "diagram-theme-follows-style", self->phases_view, "follow-style",
                   G_SETTINGS_BIND_GET);
  update_found_on (self);
  apply_panel_layout (self);
  {
    int height = first_frame_height (self);

    hep_feature_panel_set_first_height (self->feature_panel, height - HEADER_BAR_HEIGHT);
    hep_case_browser_set_first_rows (self->case_browser, (guint) MAX (height - CASE_LIST_TOP, 0) / CASE_ROW_HEIGHT + 1);
  }
  hep_case_browser_set_store (self->case_browser, hep_application_get_store (HEP_APPLICATION (app)));
  if (hep_application_get_store_error (HEP_APPLICATION (app)) != NULL)
    show_db_banner (self, HEP_APPLICATION (app));
  update_unknown (self);
}

/* A hidden diagram draws nothing, and is not waited for. */
static gboolean
diagram_settled (HepDiagramView *view)
{
  return !gtk_widget_get_mapped (GTK_WIDGET (view)) || hep_diagram_view_get_ready (view);
}

static void
update_loading (HepWindow *self)
{
  if (!self->loading ||
      !hep_startup_queue_get_first_frame_done (self->startup) ||
      hep_startup_queue_get_pending (self->startup) ||
      !diagram_settled (self->curve_view) || !diagram_settled (self->phases_view))
    return;
  self->loading = FALSE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

/* The differential and next imaging lie below the fold at any usual window
 * size: they are made after the first frame, for the state of that moment. */
static void
build_lower_views (GtkWidget *widget)
{
  HepWindow *self = HEP_WINDOW (widget);

  self->ddx_view = g_object_new (HEP_TYPE_DDX_VIEW, "name", "ddx-view", NULL);
  self->next_imaging_view = g_object_new (HEP_TYPE_NEXT_IMAGING_VIEW, "name", "next-imaging-view", NULL);
  hep_next_imaging_view_set_found_on (self->next_imaging_view, current_found_on (self));
  if (self->settings != NULL)
    g_settings_bind (self->settings, "show-unrated-procedures", self->next_imaging_view, "show-unrated",
                     G_SETTINGS_BIND_GET);
  hep_state_view_set_state (HEP_STATE_VIEW (self->ddx_view), self->state);
  hep_state_view_set_state (HEP_STATE_VIEW (self->next_imaging_view), self->state);
  gtk_expander_set_child (self->differential_section, GTK_WIDGET (self->ddx_view));
  gtk_expander_set_child (self->next_step_section, GTK_WIDGET (self->next_imaging_view));
  add_section (self, SECTION_PITFALLS, GTK_EXPANDER (find_named (GTK_WIDGET (self->ddx_view), "section-pitfalls")));
  update_unknown (self);
}

static void
loading_changed_cb (GObject    *object,
                    GParamSpec *pspec,
                    HepWindow  *self)
{
  update_loading (self);
}

static void
export_diagram_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  _hep_window_export_diagram (HEP_WINDOW (widget));
}

HepDiagramView *
_hep_window_get_diagram_view (HepWindow      *self,
                              HepDiagramKind  kind)
{
  return kind == HEP_DIAGRAM_KIND_PHASES ? self->phases_view : self->curve_view;
}

static void
toast_dismissed_cb (AdwToast  *toast,
                    HepWindow *self)
{
  if (self->toasts != NULL)
    g_ptr_array_remove (self->toasts, toast);
}

/* Every toast goes through here, so that the window can dismiss the ones
 * still out when it goes away: a toast's timeout must not outlive it. */
void
_hep_window_add_toast (HepWindow *self,
                       AdwToast  *toast)
{
  g_ptr_array_add (self->toasts, g_object_ref (toast));
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (toast_dismissed_cb), self, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, g_object_ref (toast));
}

void
_hep_window_show_toast (HepWindow  *self,
                        const char *message)
{
  g_autoptr(AdwToast) toast = adw_toast_new (message);

  _hep_window_add_toast (self, toast);
}

/* NULL while the user's database could not be opened: the store then holds
 * a throwaway user database beside the bundled library, and what is
 * written there would be lost. */
HepCaseStore *
_hep_window_get_store (HepWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (!HEP_IS_APPLICATION (app) || hep_application_get_store_error (HEP_APPLICATION (app)) != NULL)
    return NULL;
  return hep_application_get_store (HEP_APPLICATION (app));
}

const char *
_hep_window_get_file_stem (HepWindow *self)
{
  if (self->current_case == NULL)
    return "explore";
  if (hep_case_card_get_hiding (self->case_card))
    return "unknown-case";
  return hep_case_get_id (self->current_case);
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

static void
hep_window_dispose (GObject *object)
{
  HepWindow *self = HEP_WINDOW (object);

  if (self->shortcuts_window != NULL)
    {
      gtk_window_destroy (self->shortcuts_window);
      g_clear_object (&self->shortcuts_window);
    }

  if (self->state != NULL)
    g_signal_handlers_disconnect_by_data (self->state, self);
  if (self->toasts != NULL)
    {
      g_autoptr(GPtrArray) toasts = g_steal_pointer (&self->toasts);

      for (guint i = 0; i < toasts->len; i++)
        adw_toast_dismiss (toasts->pdata[i]);
    }
  gtk_widget_dispose_template (GTK_WIDGET (object), HEP_TYPE_WINDOW);
  g_clear_object (&self->state);
  g_clear_object (&self->settings);
  g_clear_object (&self->current_case);
  g_clear_pointer (&self->edits, g_hash_table_unref);
  G_OBJECT_CLASS (hep_window_parent_class)->dispose (object);
}

static void
hep_window_class_init (HepWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hep_window_dispose;
  object_class->get_property = hep_window_get_property;
  object_class->set_property = hep_window_set_property;

  properties[PROP_SHOW_SOURCES] =
    g_param_spec_boolean ("show-sources", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* TRUE from construction until the first frame is shown, everything that
   * waited for it is built and both diagrams are drawn; then FALSE for good */
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, TRUE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  GTK_WINDOW_CLASS (klass)->close_request = hep_window_close_request;
  widget_class->realize = hep_window_realize;

  g_type_ensure (HEP_TYPE_ANSWER_BAR);
  g_type_ensure (HEP_TYPE_CASE_BROWSER);
  g_type_ensure (HEP_TYPE_CASE_CARD);
  g_type_ensure (HEP_TYPE_DDX_VIEW);
  g_type_ensure (HEP_TYPE_DIAGRAM_VIEW);
  g_type_ensure (HEP_TYPE_FEATURE_PANEL);
  g_type_ensure (HEP_TYPE_LIRADS_VIEW);
  g_type_ensure (HEP_TYPE_NEXT_IMAGING_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/hep-window.ui");
  gtk_widget_class_bind_template_child (widget_class, HepWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, HepWindow, feature_panel);
  gtk_widget_class_bind_template_child (widget_class, HepWindow, lirads_view);
  gtk_widget_class_bind_template_child (widget_class, HepWindow, answer_bar);
  gtk_widget_class_bind_template_child (widget_class, HepWindow, side_scroller);
  gtk_widget_class_bind_template_child (widget_class, HepWindow, lirads_section);
  gtk_widget_class_bind_template_child (widget_class, HepWindow, differential_section);
  gtk_widget_class_bind_template_child (widget_class, HepWindow, next_step_section);
  gtk_widget_class_bind_template_child (widget_class, HepWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, HepWindow, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, HepWindow, curve_view);
  gtk_widget_class_bind_template_child (widget_class, HepWindow, phases_view);
  gtk_widget_class_bind_template_child (widget_class, HepWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, HepWindow, flap);
  gtk_widget_class_bind_template_child (widget_class, HepWindow, case_browser);
  gtk_widget_class_bind_template_child (widget_class, HepWindow, case_card);
  gtk_widget_class_bind_template_child (widget_class, HepWindow, answer_hidden_label);
  gtk_widget_class_bind_template_child (widget_class, HepWindow, changes_box);
  gtk_widget_class_bind_template_child (widget_class, HepWindow, changes_label);
  gtk_widget_class_bind_template_child (widget_class, HepWindow, main_box);

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
  gtk_widget_class_install_property_action (widget_class, "win.show-sources", "show-sources");
}

/* The main menu's popover is made when it is first opened (by click or
 * F10): made with the window, it cost a millisecond of the first frame. */
static void
create_primary_menu (GtkMenuButton *button,
                     gpointer       user_data)
{
  HepWindow *self = user_data;

  if (gtk_menu_button_get_popover (button) == NULL)
    gtk_menu_button_set_menu_model (button, self->primary_menu);
}

static void
hep_window_init (HepWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->edits = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->toasts = g_ptr_array_new_with_free_func (g_object_unref);
  hep_feature_set_init (&self->undo_features);

  g_signal_connect (self, "notify::application", G_CALLBACK (application_cb), NULL);
  gtk_menu_button_set_create_popup_func (self->menu_button, create_primary_menu, self, NULL);
  g_signal_connect (self->case_browser, "case-selected", G_CALLBACK (case_selected_cb), self);
  add_section (self, SECTION_LIRADS, self->lirads_section);
  add_section (self, SECTION_NEXT_STEP, self->next_step_section);
  add_section (self, SECTION_DIFFERENTIAL, self->differential_section);
  add_section (self, SECTION_TRACE, GTK_EXPANDER (find_named (GTK_WIDGET (self->lirads_view), "section-trace")));
  self->state = hep_feature_state_new ();
  g_signal_connect (self->state, "notify::features", G_CALLBACK (state_features_cb), self);
  g_signal_connect (self->state, "notify::base", G_CALLBACK (state_features_cb), self);
  hep_feature_panel_set_state (self->feature_panel, self->state);
  hep_state_view_set_state (HEP_STATE_VIEW (self->lirads_view), self->state);
  hep_state_view_set_state (HEP_STATE_VIEW (self->answer_bar), self->state);
  state_features_cb (self->state, NULL, self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.reveal", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo-reset", FALSE);

  self->loading = TRUE;
  self->startup = hep_startup_queue_get (GTK_WIDGET (self));
  g_signal_connect_object (self->startup, "notify::pending", G_CALLBACK (loading_changed_cb), self, 0);
  g_signal_connect_object (self->startup, "notify::first-frame-done", G_CALLBACK (loading_changed_cb), self, 0);
  g_signal_connect_object (self->curve_view, "notify::ready", G_CALLBACK (loading_changed_cb), self, 0);
  g_signal_connect_object (self->phases_view, "notify::ready", G_CALLBACK (loading_changed_cb), self, 0);
  hep_startup_queue_add (self->startup, GTK_WIDGET (self), build_lower_views);

  if (DEVELOPMENT_BUILD)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
  if (expect_software_rendering (gtk_widget_get_display (GTK_WIDGET (self))))
    gtk_widget_add_css_class (GTK_WIDGET (self), "software-rendering");
}

HepWindow *
hep_window_new (HepApplication *application)
{
  return g_object_new (HEP_TYPE_WINDOW, "application", application, NULL);
}

HepFeatureState *
hep_window_get_feature_state (HepWindow *self)
{
  g_return_val_if_fail (HEP_IS_WINDOW (self), NULL);
  return self->state;
}

/* Explore mode: no case, the given tokens are the base the user toggles from. */
gboolean
hep_window_explore (HepWindow   *self,
                    const char  *tokens,
                    GError     **error)
{
  HepFeatureSet fs;

  g_return_val_if_fail (HEP_IS_WINDOW (self), FALSE);

  hep_feature_set_init (&fs);
  if (tokens != NULL && !hep_feature_set_parse (&fs, tokens, error))
    return FALSE;
  remember_edits (self);
  g_clear_object (&self->current_case);
  hep_case_card_set_case (self->case_card, NULL);
  hep_case_browser_select (self->case_browser, NULL);
  update_found_on (self);
  hep_feature_state_load (self->state, &fs);
  if (self->settings != NULL)
    g_settings_set_string (self->settings, "last-case", "");
  update_unknown (self);
  return TRUE;
}

/* Opens a case of the library by id. */
gboolean
hep_window_open_case (HepWindow   *self,
                      const char  *id,
                      GError     **error)
{
  HepApplication *app;
  HepCaseStore *store;
  g_autoptr(HepCase) c = NULL;

  g_return_val_if_fail (HEP_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  app = HEP_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  store = app ? hep_application_get_store (app) : NULL;
  if (store == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("The case library is not available"));
      return FALSE;
    }
  c = hep_case_store_get_case (store, id, error);
  if (c == NULL)
    return FALSE;
  load_case (self, c);
  return TRUE;
}

/* Whether the window is still filling in (the "loading" property). */
gboolean
hep_window_get_loading (HepWindow *self)
{
  g_return_val_if_fail (HEP_IS_WINDOW (self), FALSE);
  return self->loading;
}

HepCase *
hep_window_get_case (HepWindow *self)
{
  g_return_val_if_fail (HEP_IS_WINDOW (self), NULL);
  return self->current_case;
}
