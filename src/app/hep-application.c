/* hep-application.c: the AdwApplication, its app-wide actions and accels
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "hep-application.h"
#include "hep-screenshot.h"
#include "hep-presenter-console.h"
#include "hep-presenter-window.h"
#include "hep-window.h"

#include <glib/gi18n.h>

struct _HepApplication
{
  AdwApplication parent_instance;

  GSettings *settings;
  HepCaseStore *store;
  GError *store_error;
  char *case_id;       /* --case=ID */
  char *present_id;    /* --present=DECK-OR-CASE-ID */
  char *page;          /* --page=NAME */

  char *screenshot_path;
  gboolean scrolled;       /* for the screenshot (HEPATICA_SCREENSHOT_SCROLL_TO) */
  int   base_dpi;          /* the system's gtk-xft-dpi, 1024ths of a dot per inch */
  char *features;      /* --features=TOKENS, already validated */
};

G_DEFINE_FINAL_TYPE (HepApplication, hep_application, ADW_TYPE_APPLICATION)

/* HEPATICA_BENCH_T0_US=<g_get_real_time() at spawn>: print the time to the
 * first frame of the main window, then the time until it has filled in
 * (built what waited for the first frame, drawn the diagrams) and shown
 * that, and quit (benchmarks/bench-startup.c). With
 * HEPATICA_BENCH_STOP=first-frame it quits at the first frame, so that a
 * profiler sees that much and no more (CONTRIBUTING.md). */
static void
bench_print (const char *what)
{
  const char *t0 = g_getenv ("HEPATICA_BENCH_T0_US");

  g_print ("%s: %" G_GINT64_FORMAT "\n", what, g_get_real_time () - g_ascii_strtoll (t0, NULL, 10));
}

/* The frame after the window has filled in (HepWindow:loading): the
 * --screenshot, which shows the whole window, or the benchmark's second
 * time; then quit. */
static GtkWidget *
find_named (GtkWidget  *widget,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* HEPATICA_SCREENSHOT_SCROLL_TO=NAME: the --screenshot with the widget of
 * that name (e.g. curve-diagram) scrolled to the top of its scrolled
 * window, to look at what lies below the fold. TRUE if it scrolled. */
static gboolean
scroll_for_screenshot (GtkWindow *window)
{
  const char *name = g_getenv ("HEPATICA_SCREENSHOT_SCROLL_TO");
  GtkWidget *target, *scroller;
  double x, y;

  if (name == NULL || window == NULL || (target = find_named (GTK_WIDGET (window), name)) == NULL)
    return FALSE;
  scroller = gtk_widget_get_ancestor (target, GTK_TYPE_SCROLLED_WINDOW);
  if (scroller == NULL || !gtk_widget_translate_coordinates (target, gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller)),
                                                             0, 0, &x, &y))
    return FALSE;
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller)), y - 12);
  return TRUE;
}

static void
loaded_frame_cb (GdkFrameClock  *clock,
                 HepApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (self->screenshot_path != NULL && !self->scrolled && scroll_for_screenshot (window))
    {
      /* the next frame shows it */
      self->scrolled = TRUE;
      gtk_widget_queue_draw (GTK_WIDGET (window));
      return;
    }
  g_signal_handlers_disconnect_by_func (clock, loaded_frame_cb, self);
  if (self->screenshot_path == NULL)
    bench_print ("loaded-us");
  else if (window == NULL || !hep_widget_save_png (GTK_WIDGET (window), self->screenshot_path))
    g_printerr ("hepatica: could not save a screenshot to %s\n", self->screenshot_path);
  g_application_quit (G_APPLICATION (self));
}

static void
window_loading_cb (HepWindow      *window,
                   GParamSpec     *pspec,
                   HepApplication *self)
{
  if (hep_window_get_loading (window))
    return;
  g_signal_handlers_disconnect_by_func (window, window_loading_cb, self);
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                    G_CALLBACK (loaded_frame_cb), self);
  gtk_widget_queue_draw (GTK_WIDGET (window));
}

static void
report_first_frame_cb (GdkFrameClock  *clock,
                       HepWindow      *window)
{
  g_signal_handlers_disconnect_by_func (clock, report_first_frame_cb, window);
  bench_print ("first-frame-us");
  if (g_strcmp0 (g_getenv ("HEPATICA_BENCH_STOP"), "first-frame") == 0)
    g_application_quit (G_APPLICATION (gtk_window_get_application (GTK_WINDOW (window))));
}

static void
window_realized_cb (GtkWidget      *window,
                    HepApplication *self)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (report_first_frame_cb), window);
  g_signal_connect (window, "notify::loading", G_CALLBACK (window_loading_cb), self);
}

static void
presenter_destroy_cb (GtkWidget *presenter,
                      GtkWindow *return_to)
{
  gtk_window_present (return_to);
}

/* Presenter mode for the deck with the id @id, else the case: the audience
 * view full screen and the console (hep_presenter_place_windows). From the
 * window (F5) @return_to is that window, shown again when the presenter
 * leaves (Escape); from --present, NULL. */
GtkWindow *
hep_application_present (HepApplication  *self,
                         const char      *id,
                         GtkWindow       *return_to,
                         GError         **error)
{
  g_autoptr(GPtrArray) cases = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(HepDeck) deck = NULL;
  HepPresenterWindow *window;
  HepPresenterConsole *console;

  g_return_val_if_fail (HEP_IS_APPLICATION (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  if (self->store == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, self->store_error->message);
      return NULL;
    }
  /* one presentation at a time: F5 again brings it forward */
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (HEP_IS_PRESENTER_WINDOW (l->data))
      {
        gtk_window_present (l->data);
        return l->data;
      }
  deck = hep_case_store_get_deck (self->store, id, NULL);
  if (deck != NULL)
    {
      for (guint i = 0; deck->case_ids[i] != NULL; i++)
        {
          HepCase *c = hep_case_store_get_case (self->store, deck->case_ids[i], error);

          if (c == NULL)
            return NULL;
          g_ptr_array_add (cases, c);
        }
      if (cases->len == 0)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("The deck “%s” has no cases"), deck->name);
          return NULL;
        }
    }
  else
    {
      HepCase *c = hep_case_store_get_case (self->store, id, error);

      if (c == NULL)
        return NULL;
      g_ptr_array_add (cases, c);
    }
  window = hep_presenter_window_new (GTK_APPLICATION (self), cases, deck ? deck->name : NULL);
  if (return_to != NULL)
    g_signal_connect_object (window, "destroy", G_CALLBACK (presenter_destroy_cb), return_to, 0);
  /* the console: on the other monitor, or a window of its own */
  console = hep_presenter_console_new (window, deck ? deck->notes : NULL);
  hep_presenter_place_windows (window, console, FALSE);
  gtk_window_present (GTK_WINDOW (console));
  gtk_window_present (GTK_WINDOW (window));
  return GTK_WINDOW (window);
}

static void
hep_application_activate (GApplication *app)
{
  HepApplication *self = HEP_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL && self->present_id != NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *id = g_steal_pointer (&self->present_id);

      if (hep_application_present (self, id, NULL, &error) != NULL)
        return;
      g_printerr ("hepatica: --present: %s\n", error->message);
    }
  if (window == NULL)
    {
      g_autofree char *last = g_settings_get_string (self->settings, "last-case");

      window = GTK_WINDOW (hep_window_new (self));
      /* --features (validated in handle_local_options), --case, or the last case */
      if (self->features != NULL)
        hep_window_explore (HEP_WINDOW (window), self->features, NULL);
      else if (self->case_id != NULL)
        {
          g_autoptr(GError) error = NULL;

          if (!hep_window_open_case (HEP_WINDOW (window), self->case_id, &error))
            {
              g_printerr ("hepatica: --case: %s\n", error->message);
              hep_window_explore (HEP_WINDOW (window), NULL, NULL);
            }
        }
      else if (last[0] == '\0' || !hep_window_open_case (HEP_WINDOW (window), last, NULL))
        hep_window_explore (HEP_WINDOW (window), NULL, NULL);
      if (self->page != NULL && !hep_window_show_page (HEP_WINDOW (window), self->page))
        g_printerr ("hepatica: --page: the window has no page “%s”\n", self->page);
      if (self->screenshot_path != NULL)
        g_signal_connect (window, "notify::loading", G_CALLBACK (window_loading_cb), self);
      else if (g_getenv ("HEPATICA_BENCH_T0_US") != NULL)
        g_signal_connect_after (window, "realize", G_CALLBACK (window_realized_cb), self);
    }
  gtk_window_present (window);
}

static int
hep_application_handle_local_options (GApplication *app,
                                      GVariantDict *options)
{
  HepApplication *self = HEP_APPLICATION (app);
  const char *path = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("hepatica %s\n", PACKAGE_VERSION);
      return 0;
    }
  if (g_variant_dict_lookup (options, "features", "&s", &path))
    {
      g_autoptr(GError) error = NULL;
      HepFeatureSet fs;

      hep_feature_set_init (&fs);
      if (!hep_feature_set_parse (&fs, path, &error))
        {
          g_printerr ("hepatica: --features: %s\n", error->message);
          return 2;
        }
      g_free (self->features);
      self->features = g_strdup (path);
    }
  if (g_variant_dict_lookup (options, "case", "&s", &path))
    {
      g_free (self->case_id);
      self->case_id = g_strdup (path);
    }
  if (g_variant_dict_lookup (options, "present", "&s", &path))
    {
      g_free (self->present_id);
      self->present_id = g_strdup (path);
    }
  if (g_variant_dict_lookup (options, "page", "&s", &path))
    {
      g_free (self->page);
      self->page = g_strdup (path);
    }
  if (g_variant_dict_lookup (options, "screenshot", "^&ay", &path))
    {
      g_free (self->screenshot_path);
      self->screenshot_path = g_strdup (path);
    }
  return -1;
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  static const char *developers[] = { "The Hepatica authors", NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (app),
                        "application-name", _("Hepatica"),
                        "application-icon", APP_ID,
                        "version", PACKAGE_VERSION,
                        "developer-name", _("The Hepatica authors"),
                        "developers", developers,
                        "comments", _("Learn to tell focal liver lesions apart on imaging. For education only, not for patient care."),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "website", "https://github.com/hepatica/hepatica",
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

/* The color-scheme key (default, light, dark) onto libadwaita's style manager. */
static void
color_scheme_changed_cb (GSettings      *settings,
                         const char     *key,
                         HepApplication *self)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  int scheme = g_settings_get_enum (settings, "color-scheme");

  switch (scheme)
    {
    case 1:
      adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_LIGHT);
      break;
    case 2:
      adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
      break;
    default:
      adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);
      break;
    }
}

/* Zoom: the text-scale key scales the font resolution of the whole app,
 * from the system's (read once, at startup). */
#define ZOOM_STEP 1.1

static void
text_scale_changed_cb (GSettings      *settings,
                       const char     *key,
                       HepApplication *self)
{
  GtkSettings *gtk_settings = gtk_settings_get_default ();

  if (gtk_settings == NULL)
    return;
  g_object_set (gtk_settings, "gtk-xft-dpi",
                (int) (self->base_dpi * g_settings_get_double (settings, "text-scale") + 0.5), NULL);
}

static void
zoom_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  HepApplication *self = HEP_APPLICATION (user_data);
  const char *name = g_action_get_name (G_ACTION (action));
  double scale = g_settings_get_double (self->settings, "text-scale");

  if (g_str_equal (name, "zoom-in"))
    scale *= ZOOM_STEP;
  else if (g_str_equal (name, "zoom-out"))
    scale /= ZOOM_STEP;
  else
    scale = 1.0;
  g_settings_set_double (self->settings, "text-scale", CLAMP (scale, 0.75, 2.0));
}

/* The AdwColorScheme enum nicks of the schema, in the order of the
 * preferences' Style row; likewise the study that found the lesion. */
static gboolean
enum_to_selected (GValue   *value,
                  GVariant *variant,
                  gpointer  nicks)
{
  const char * const *names = nicks;
  const char *nick = g_variant_get_string (variant, NULL);

  for (guint i = 0; names[i] != NULL; i++)
    if (g_str_equal (names[i], nick))
      {
        g_value_set_uint (value, i);
        return TRUE;
      }
  return FALSE;
}

static GVariant *
selected_to_enum (const GValue       *value,
                  const GVariantType *type,
                  gpointer            nicks)
{
  const char * const *names = nicks;
  guint selected = g_value_get_uint (value);

  if (selected >= g_strv_length ((char **) names))
    return NULL;
  return g_variant_new_string (names[selected]);
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  static const char *scheme_nicks[] = { "default", "light", "dark", NULL };
  static const char *found_on_nicks[] = { "none", "us", "ct", "mri", NULL };
  HepApplication *self = HEP_APPLICATION (user_data);
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (RESOURCE_BASE_PATH "/ui/hep-preferences.ui");
  GtkWindow *window = GTK_WINDOW (gtk_builder_get_object (builder, "preferences"));

  g_settings_bind_with_mapping (self->settings, "color-scheme",
                                gtk_builder_get_object (builder, "color_scheme_row"), "selected",
                                G_SETTINGS_BIND_DEFAULT, enum_to_selected, selected_to_enum,
                                (gpointer) scheme_nicks, NULL);
  g_settings_bind_with_mapping (self->settings, "explore-found-on",
                                gtk_builder_get_object (builder, "found_on_row"), "selected",
                                G_SETTINGS_BIND_DEFAULT, enum_to_selected, selected_to_enum,
                                (gpointer) found_on_nicks, NULL);
  g_settings_bind (self->settings, "diagram-theme-follows-style",
                   gtk_builder_get_object (builder, "diagram_style_switch"), "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "show-unrated-procedures",
                   gtk_builder_get_object (builder, "unrated_switch"), "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "quiz-seconds-per-question",
                   gtk_builder_get_object (builder, "quiz_seconds_spin"), "value", G_SETTINGS_BIND_DEFAULT);
  gtk_window_set_transient_for (window, gtk_application_get_active_window (GTK_APPLICATION (self)));
  gtk_window_set_application (window, GTK_APPLICATION (self));
  gtk_window_present (window);
}

/* F1: a short help page built into the app, so it works offline and in
 * the Flatpak without a help browser. */
static void
help_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (RESOURCE_BASE_PATH "/ui/hep-help.ui");
  GtkWindow *window = GTK_WINDOW (gtk_builder_get_object (builder, "help"));

  gtk_window_set_transient_for (window, gtk_application_get_active_window (app));
  gtk_window_set_application (window, app);
  gtk_window_present (window);
}

static const GActionEntry app_actions[] = {
  { "about", about_action },
  { "preferences", preferences_action },
  { "help", help_action },
  { "quit", quit_action },
  { "zoom-in", zoom_action },
  { "zoom-out", zoom_action },
  { "zoom-reset", zoom_action },
};

/* Every keyboard shortcut, as application accelerators: the shortcuts
 * window (Ctrl+?) lists what is registered here by action name. */
static const struct {
  const char *action;
  const char *accels[3];
} accels[] = {
  { "app.quit", { "<Control>q", NULL } },
  { "app.preferences", { "<Control>comma", NULL } },
  { "app.help", { "F1", NULL } },
  { "app.zoom-in", { "<Control>plus", "<Control>equal", NULL } },
  { "app.zoom-out", { "<Control>minus", NULL } },
  { "app.zoom-reset", { "<Control>0", NULL } },
  { "app.unknown-case-mode", { "<Control>u", NULL } },
  { "win.show-help-overlay", { "<Control>question", NULL } },
  { "win.reset-features", { "<Control>r", NULL } },
  { "win.undo-reset", { "<Control>z", NULL } },
  { "win.reveal", { "<Control>Return", NULL } },
  { "win.next-case", { "<Alt>Right", NULL } },
  { "win.previous-case", { "<Alt>Left", NULL } },
  { "win.search", { "<Control>f", NULL } },
  { "win.toggle-sidebar", { "F9", NULL } },
  { "win.export-diagram", { "<Control><Shift>e", NULL } },
  { "win.import-pack", { "<Control>o", NULL } },
  { "win.fullscreen", { "F11", NULL } },
  { "win.show-page::explore", { "<Alt>1", NULL } },
  { "win.show-page::quiz", { "<Alt>2", NULL } },
  { "win.show-page::progress", { "<Alt>3", NULL } },
  { "win.show-page::decks", { "<Alt>4", NULL } },
  { "win.present", { "F5", NULL } },
  { "win.print-handout", { "<Control>p", NULL } },
  { "win.focus-next-pane", { "F6", NULL } },
  { "win.focus-previous-pane", { "<Shift>F6", NULL } },
};

static void
load_icon_theme_thread (GTask        *task,
                        gpointer      source,
                        gpointer      icon_theme,
                        GCancellable *cancellable)
{
  /* any lookup rescans a theme that is out of date, under the theme's lock */
  gtk_icon_theme_has_icon (icon_theme, "open-menu-symbolic");
}

/* GTK reads the icon theme in a thread when it makes it, but GtkApplication
 * and libadwaita then add their resource paths, and each one makes the
 * theme out of date. The first icon the window looks up would then read
 * the theme's index files again, on the main thread: a tenth of the time
 * to the first frame. So read them again here, in a thread, while the
 * window is being built. Lookups from a thread are allowed once the theme
 * is set up on the main thread ("Threading" in gtk/gtkicontheme.c); one
 * from the main thread meanwhile waits for this one instead of reading
 * the files twice. */
static void
load_icon_theme_in_thread (GdkDisplay *display)
{
  g_autoptr(GTask) task = NULL;

  if (display == NULL)
    return;
  task = g_task_new (NULL, NULL, NULL, NULL);
  g_task_set_source_tag (task, load_icon_theme_in_thread);
  g_task_set_task_data (task, g_object_ref (gtk_icon_theme_get_for_display (display)), g_object_unref);
  g_task_run_in_thread (task, load_icon_theme_thread);
}

/* The user's database and the bundled library. If the user's cannot be
 * opened (damaged, another program's, unreadable), the bundled library is
 * shown with a throwaway user database rather than nothing, and the window
 * says why in its banner. */
static void
open_store (HepApplication *self)
{
  g_autofree char *backups = hep_db_backup_default_dir ();

  g_clear_object (&self->store);
  g_clear_error (&self->store_error);
  self->store = hep_case_store_open (NULL, NULL, backups, HEP_CASE_STORE_OPEN_READ_ONLY_OK,
                                     g_get_real_time () / G_USEC_PER_SEC, &self->store_error);
  if (self->store == NULL)
    {
      g_message ("The case library could not be opened: %s", self->store_error->message);
      self->store = hep_case_store_new (":memory:", NULL, NULL);
    }
}

static void
hep_application_startup (GApplication *app)
{
  G_APPLICATION_CLASS (hep_application_parent_class)->startup (app);
  load_icon_theme_in_thread (gdk_display_get_default ());

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions), app);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (app), accels[i].action, accels[i].accels);

  /* the case library: the user's database in the XDG data dir and the
   * bundled library beside it; without them Hepatica still explores */
  {
    HepApplication *self = HEP_APPLICATION (app);

    open_store (self);
  }

  /* app.unknown-case-mode: hides spoilers, for conferences and self-tests */
  {
    HepApplication *self = HEP_APPLICATION (app);
    g_autoptr(GAction) unknown = g_settings_create_action (self->settings, "unknown-case-mode");

    g_action_map_add_action (G_ACTION_MAP (app), unknown);
  }

  /* app.color-scheme: a stateful action straight from the settings key */
  {
    HepApplication *self = HEP_APPLICATION (app);
    g_autoptr(GAction) scheme = g_settings_create_action (self->settings, "color-scheme");

    g_action_map_add_action (G_ACTION_MAP (app), scheme);
    g_signal_connect (self->settings, "changed::color-scheme", G_CALLBACK (color_scheme_changed_cb), self);
    color_scheme_changed_cb (self->settings, "color-scheme", self);
  }

  /* zoom */
  {
    HepApplication *self = HEP_APPLICATION (app);
    GtkSettings *gtk_settings = gtk_settings_get_default ();
    int dpi = 0;

    if (gtk_settings != NULL)
      g_object_get (gtk_settings, "gtk-xft-dpi", &dpi, NULL);
    self->base_dpi = dpi > 0 ? dpi : 96 * 1024;
    g_signal_connect (self->settings, "changed::text-scale", G_CALLBACK (text_scale_changed_cb), self);
    if (g_settings_get_double (self->settings, "text-scale") != 1.0)
      text_scale_changed_cb (self->settings, "text-scale", self);
  }
}

static void
hep_application_finalize (GObject *object)
{
  HepApplication *self = HEP_APPLICATION (object);

  g_free (self->screenshot_path);
  g_free (self->present_id);
  g_free (self->page);
  g_free (self->features);
  g_free (self->case_id);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);
  g_clear_error (&self->store_error);
  G_OBJECT_CLASS (hep_application_parent_class)->finalize (object);
}

static void
hep_application_class_init (HepApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = hep_application_finalize;
  app_class->activate = hep_application_activate;
  app_class->startup = hep_application_startup;
  app_class->handle_local_options = hep_application_handle_local_options;
}

static void
hep_application_init (HepApplication *self)
{
  static const GOptionEntry entries[] = {
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Print the version and exit"), NULL },
    { "features", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("Open Explore with these feature tokens, e.g. \"risk=cirrhosis size=18 aphe=nonrim washout\""), N_("TOKENS") },
    { "case", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("Open this case of the library, e.g. \"hcc-classic-cirrhosis\""), N_("ID") },
    { "present", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("Present this deck or case full screen, step by step"), N_("DECK-OR-CASE-ID") },
    { "page", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("Open the window on this page: explore, progress, decks, …"), N_("NAME") },
    { "screenshot", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Save a PNG of the window after its first frame, then quit"), N_("FILE") },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), entries);
  /* the schema id stays fixed in .Devel builds (style anchors P4) */
  self->settings = g_settings_new ("io.github.hepatica.Hepatica");
}

HepCaseStore *
hep_application_get_store (HepApplication *self)
{
  g_return_val_if_fail (HEP_IS_APPLICATION (self), NULL);
  return self->store;
}

const GError *
hep_application_get_store_error (HepApplication *self)
{
  g_return_val_if_fail (HEP_IS_APPLICATION (self), NULL);
  return self->store_error;
}

GSettings *
hep_application_get_settings (HepApplication *self)
{
  g_return_val_if_fail (HEP_IS_APPLICATION (self), NULL);
  return self->settings;
}

HepApplication *
hep_application_new (void)
{
  return g_object_new (HEP_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", RESOURCE_BASE_PATH,
                       NULL);
}

gboolean
hep_application_get_store_damaged (HepApplication *self)
{
  g_return_val_if_fail (HEP_IS_APPLICATION (self), FALSE);
  return g_error_matches (self->store_error, HEP_DB_ERROR, HEP_DB_ERROR_DAMAGED);
}

/* Repairs the user's damaged database (hep_db_repair(): the damaged file is
 * kept in the backups folder) and opens the store again. */
gboolean
hep_application_repair_store (HepApplication     *self,
                              HepDbRepairReport  *report,
                              GError            **error)
{
  g_autofree char *path = hep_case_store_default_user_path ();
  g_autofree char *backups = hep_db_backup_default_dir ();

  g_return_val_if_fail (HEP_IS_APPLICATION (self), FALSE);

  if (!hep_db_repair (path, backups, g_get_real_time () / G_USEC_PER_SEC, report, error))
    return FALSE;
  open_store (self);
  if (self->store_error != NULL)
    {
      g_set_error_literal (error, self->store_error->domain, self->store_error->code, self->store_error->message);
      return FALSE;
    }
  return TRUE;
}
