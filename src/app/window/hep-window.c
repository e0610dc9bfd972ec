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
#include "hep-progress-view.h"
#include "hep-quiz-view.h"

#include <glib/gi18n.h>
#include <string.h>

#include "hep-hfw-bin.h"



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

/* The header's subtitle (seen when the window is too narrow for the view
 * switcher): on the Explore page the case, or "Unknown Case" while its
 * title would give it away; on the other pages the page's own name. */
static void
update_subtitle (HepWindow *self)
{
  const char *page = adw_view_stack_get_visible_child_name (self->view_stack);
  gboolean hiding = hep_case_card_get_hiding (self->case_card);

  if (g_strcmp0 (page, "explore") != 0)
    {
      AdwViewStackPage *p = adw_view_stack_get_page (self->view_stack, adw_view_stack_get_visible_child (self->view_stack));
      g_autofree char *title = g_strdup (p ? adw_view_stack_page_get_title (p) : NULL);

      /* the page titles carry mnemonics */
      if (title != NULL)
        {
          char *u = strchr (title, '_');

          if (u != NULL)
            memmove (u, u + 1, strlen (u));
        }
      adw_view_switcher_title_set_subtitle (self->window_title, title);
    }
  else if (self->current_case == NULL)
    adw_view_switcher_title_set_subtitle (self->window_title, _("Explore"));
  else if (hiding && hep_case_is_spoiler (self->current_case, "title"))
    adw_view_switcher_title_set_subtitle (self->window_title, _("Unknown Case"));
  else
    adw_view_switcher_title_set_subtitle (self->window_title, hep_case_get_title (self->current_case));
}

/* Pages other than Explore are built when first shown: each is a widget
 * tree of its own that the first frame does not need (built with the
 * window, the Progress and Decks pages cost the first frame 20-30 ms in
 * bench-startup). */
static const struct {
  const char *page;
  GType     (*get_type) (void);
  const char *widget_name;
} lazy_pages[] = {
  { "quiz", hep_quiz_view_get_type, "quiz-view" },
  { "progress", hep_progress_view_get_type, "progress-view" },
  { "decks", hep_deck_view_get_type, "deck-view" },
};

/* The widget of page @name: for a page built when first shown, the view
 * in its AdwBin, built now if it is not yet; NULL without such a page. */
GtkWidget *
hep_window_get_page_widget (HepWindow  *self,
                            const char *name)
{
  GtkWidget *child;

  g_return_val_if_fail (HEP_IS_WINDOW (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  child = adw_view_stack_get_child_by_name (self->view_stack, name);
  if (child == NULL || !ADW_IS_BIN (child))
    return child;
  for (guint i = 0; i < G_N_ELEMENTS (lazy_pages); i++)
    if (g_str_equal (lazy_pages[i].page, name))
      {
        if (adw_bin_get_child (ADW_BIN (child)) == NULL)
          adw_bin_set_child (ADW_BIN (child), g_object_new (lazy_pages[i].get_type (),
                                                             "name", lazy_pages[i].widget_name, NULL));
        return adw_bin_get_child (ADW_BIN (child));
      }
  return child;
}

/* The header bar's case buttons belong to the Explore page. */
static void
page_changed_cb (AdwViewStack *stack,
                 GParamSpec   *pspec,
                 HepWindow    *self)
{
  const char *page = adw_view_stack_get_visible_child_name (stack);
  gboolean explore = g_strcmp0 (page, "explore") == 0;

  if (page != NULL)
    hep_window_get_page_widget (self, page);

  gtk_widget_set_visible (self->sidebar_button, explore);
  gtk_widget_set_visible (self->case_nav_box, explore);
  gtk_widget_set_visible (self->reset_button, explore);
  gtk_widget_set_visible (self->unknown_button, explore);
  update_subtitle (self);
}

/* Unknown-case mode hides the answer: the card's spoilers, and the LI-RADS
 * category and differential, until the reveal. Explore has nothing to hide. */
void
_hep_window_update_unknown (HepWindow *self)
{
  gboolean unknown = self->settings != NULL && g_settings_get_boolean (self->settings, "unknown-case-mode");
  gboolean hiding;

  hep_case_browser_set_unknown (self->case_browser, unknown);
  hep_case_card_set_unknown (self->case_card, unknown);
  hiding = hep_case_card_get_hiding (self->case_card);
  gtk_widget_set_visible (GTK_WIDGET (self->lirads_view), !hiding && !self->lirads_waiting);
  if (self->ddx_view != NULL)
    gtk_widget_set_visible (GTK_WIDGET (self->ddx_view), !hiding);
  gtk_widget_set_visible (self->answer_hidden_label, hiding);
  hep_answer_bar_set_hiding (self->answer_bar, hiding);
  if (self->next_imaging_view != NULL)
    hep_next_imaging_view_set_hiding (self->next_imaging_view, hiding);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.reveal", hiding);

  update_subtitle (self);
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

void
_hep_window_load_case (HepWindow *self,
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
  _hep_window_update_unknown (self);
}

static void
case_selected_cb (HepCaseBrowser *browser,
                  HepCase        *c,
                  HepWindow      *self)
{
  _hep_window_load_case (self, c);
}

static void
unknown_changed_cb (GSettings  *settings,
                    const char *key,
                    HepWindow  *self)
{
  _hep_window_update_unknown (self);
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
  _hep_window_startup_realize (HEP_WINDOW (widget));
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
  _hep_window_startup_size_first_frame (self);
  hep_case_browser_set_store (self->case_browser, hep_application_get_store (HEP_APPLICATION (app)));
  if (hep_application_get_store_error (HEP_APPLICATION (app)) != NULL)
    _hep_window_show_db_banner (self, HEP_APPLICATION (app));
  _hep_window_update_unknown (self);
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
  _hep_window_update_unknown (self);
}

static void
loading_changed_cb (GObject    *object,
                    GParamSpec *pspec,
                    HepWindow  *self)
{
  update_loading (self);
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
  g_type_ensure (HEP_TYPE_HFW_BIN);
  g_type_ensure (HEP_TYPE_CASE_BROWSER);
  g_type_ensure (HEP_TYPE_CASE_CARD);
  g_type_ensure (HEP_TYPE_DDX_VIEW);
  g_type_ensure (HEP_TYPE_DIAGRAM_VIEW);
  g_type_ensure (HEP_TYPE_FEATURE_PANEL);
  g_type_ensure (HEP_TYPE_LIRADS_VIEW);
  g_type_ensure (HEP_TYPE_NEXT_IMAGING_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/hep-window.ui");
  gtk_widget_class_bind_template_child (widget_class, HepWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, HepWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, HepWindow, sidebar_button);
  gtk_widget_class_bind_template_child (widget_class, HepWindow, case_nav_box);
  gtk_widget_class_bind_template_child (widget_class, HepWindow, reset_button);
  gtk_widget_class_bind_template_child (widget_class, HepWindow, unknown_button);
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

  _hep_window_class_install_actions (widget_class);
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
  _hep_window_startup_init (self);
  self->edits = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->toasts = g_ptr_array_new_with_free_func (g_object_unref);
  hep_feature_set_init (&self->undo_features);

  g_signal_connect (self, "notify::application", G_CALLBACK (application_cb), NULL);
  gtk_menu_button_set_create_popup_func (self->menu_button, create_primary_menu, self, NULL);
  g_signal_connect (self->case_browser, "case-selected", G_CALLBACK (case_selected_cb), self);
  g_signal_connect (self->view_stack, "notify::visible-child", G_CALLBACK (page_changed_cb), self);
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
  _hep_window_update_unknown (self);
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
  _hep_window_load_case (self, c);
  return TRUE;
}

/* Shows a page of the window by name: "explore", and the other pages of
 * its view stack. FALSE if it has no such page. */
gboolean
hep_window_show_page (HepWindow  *self,
                      const char *name)
{
  g_return_val_if_fail (HEP_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  if (adw_view_stack_get_child_by_name (self->view_stack, name) == NULL)
    return FALSE;
  adw_view_stack_set_visible_child_name (self->view_stack, name);
  return TRUE;
}

const char *
hep_window_get_page (HepWindow *self)
{
  g_return_val_if_fail (HEP_IS_WINDOW (self), NULL);
  return adw_view_stack_get_visible_child_name (self->view_stack);
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
