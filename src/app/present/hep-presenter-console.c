/* hep-presenter-console.c: presenter mode, the presenter's console
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "hep-presenter-console.h"

#include <glib/gi18n.h>

struct _HepPresenterConsole
{
  GtkWindow parent_instance;

  GtkLabel  *position_label;
  GtkLabel  *time_label;
  GtkLabel  *now_label;
  GtkLabel  *now_text;
  GtkLabel  *next_label;
  GtkLabel  *notes_label;
  GtkLabel  *keys_label;

  HepPresenterWindow *audience;   /* weak */
  char      *deck_notes;
  gint64     start_us;            /* monotonic, when presenting began */
  guint      tick_id;
  gboolean   swapped;
};

G_DEFINE_FINAL_TYPE (HepPresenterConsole, hep_presenter_console, GTK_TYPE_WINDOW)

void
hep_presenter_choose_monitors (const GdkRectangle *geometries,
                               guint               n_monitors,
                               gboolean            swapped,
                               int                *audience,
                               int                *console)
{
  int best = -1;
  gint64 best_area = -1;

  g_return_if_fail (audience != NULL && console != NULL);

  *audience = n_monitors > 0 ? 0 : -1;
  *console = -1;
  if (n_monitors < 2)
    return;
  /* the largest after the first: a projector or a wall screen */
  for (guint i = 1; i < n_monitors; i++)
    {
      gint64 area = (gint64) geometries[i].width * geometries[i].height;

      if (area > best_area)
        {
          best_area = area;
          best = (int) i;
        }
    }
  *audience = swapped ? 0 : best;
  *console = swapped ? best : 0;
}

void
hep_presenter_place_windows (HepPresenterWindow  *audience,
                             HepPresenterConsole *console,
                             gboolean             swapped)
{
  GListModel *monitors = gdk_display_get_monitors (gtk_widget_get_display (GTK_WIDGET (audience)));
  guint n = g_list_model_get_n_items (monitors);
  g_autofree GdkRectangle *geometries = g_new0 (GdkRectangle, MAX (n, 1));
  int a, c;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, i);

      gdk_monitor_get_geometry (monitor, &geometries[i]);
    }
  hep_presenter_choose_monitors (geometries, n, swapped, &a, &c);
  if (a >= 0)
    {
      g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, a);

      gtk_window_fullscreen_on_monitor (GTK_WINDOW (audience), monitor);
    }
  else
    gtk_window_fullscreen (GTK_WINDOW (audience));
  if (console != NULL && c >= 0)
    {
      g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, c);

      gtk_window_fullscreen_on_monitor (GTK_WINDOW (console), monitor);
    }
}

static char *
step_text (const HepRevealStep *step)
{
  GString *s = g_string_new (NULL);

  for (guint k = 0; k < step->items->len; k++)
    {
      const HepRevealItem *item = step->items->pdata[k];

      if (s->len > 0)
        g_string_append_c (s, '\n');
      if (item->label != NULL)
        g_string_append_printf (s, "%s: ", item->label);
      g_string_append (s, item->text);
    }
  return g_string_free (s, FALSE);
}

static void
update_time (HepPresenterConsole *self)
{
  gint64 elapsed = (g_get_monotonic_time () - self->start_us) / G_USEC_PER_SEC;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *clock = g_date_time_format (now, "%H:%M");
  g_autofree char *text = g_strdup_printf (_("%d:%02d elapsed · %s"), (int) (elapsed / 60), (int) (elapsed % 60),
                                           clock);

  gtk_label_set_text (self->time_label, text);
}

static gboolean
tick_cb (gpointer user_data)
{
  update_time (user_data);
  return G_SOURCE_CONTINUE;
}

static void
update (HepPresenterConsole *self)
{
  HepPresenterWindow *a = self->audience;
  const HepRevealStep *step, *next;
  HepCase *c;
  g_autofree char *position = NULL;
  g_autofree char *now = NULL;
  g_autofree char *next_text = NULL;
  g_autoptr(GString) notes = g_string_new (NULL);
  const char *screen = "";

  if (a == NULL)
    return;
  step = hep_presenter_window_get_step (a);
  next = hep_presenter_window_get_step_at (a, hep_presenter_window_get_position (a) + 1);
  c = hep_presenter_window_get_case (a);

  if (hep_presenter_window_get_screen (a) == HEP_PRESENTER_SCREEN_BLACK)
    screen = _(" · black screen");
  else if (hep_presenter_window_get_screen (a) == HEP_PRESENTER_SCREEN_WHITE)
    screen = _(" · white screen");
  position = g_strdup_printf (_("Case %u of %u · step %u of %u%s"), hep_presenter_window_get_case_index (a) + 1,
                              hep_presenter_window_get_n_cases (a), hep_presenter_window_get_position (a) + 1,
                              hep_presenter_window_get_n_steps (a), screen);
  gtk_label_set_text (self->position_label, position);

  /* the presenter knows the case: its real title */
  now = g_strdup_printf (_("Now: %s — %s"), hep_case_get_title (c), step->heading);
  gtk_label_set_text (self->now_label, now);
  {
    g_autofree char *text = step_text (step);

    gtk_label_set_text (self->now_text, text);
  }
  if (next == NULL)
    next_text = g_strdup (_("Next: the end of the deck"));
  else
    next_text = g_strdup_printf (_("Next: %s"), next->heading);
  gtk_label_set_text (self->next_label, next_text);

  g_string_append_printf (notes, "%s: %s\n", _("Diagnosis"),
                          hep_case_diagnosis_get_label (hep_case_get_diagnosis (c)));
  for (const char * const *t = hep_case_get_teaching_points (c); t && *t; t++)
    g_string_append_printf (notes, "%s: %s\n", _("Teaching point"), *t);
  for (const char * const *t = hep_case_get_pitfalls (c); t && *t; t++)
    g_string_append_printf (notes, "%s: %s\n", _("Pitfall"), *t);
  if (self->deck_notes != NULL)
    g_string_append_printf (notes, "%s: %s\n", _("Deck notes"), self->deck_notes);
  gtk_label_set_text (self->notes_label, notes->str);
}

static void
audience_changed_cb (HepPresenterWindow  *audience,
                     HepPresenterConsole *self)
{
  update (self);
}

static void
audience_destroy_cb (GtkWidget           *audience,
                     HepPresenterConsole *self)
{
  self->audience = NULL;
  gtk_window_close (GTK_WINDOW (self));
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                HepPresenterConsole   *self)
{
  if (self->audience == NULL)
    return FALSE;
  if ((keyval == GDK_KEY_s || keyval == GDK_KEY_S) &&
      !(state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK)))
    {
      self->swapped = !self->swapped;
      hep_presenter_place_windows (self->audience, self, self->swapped);
      return TRUE;
    }
  return hep_presenter_window_handle_key (self->audience, keyval, state);
}

static void
hep_presenter_console_dispose (GObject *object)
{
  HepPresenterConsole *self = HEP_PRESENTER_CONSOLE (object);

  g_clear_handle_id (&self->tick_id, g_source_remove);
  if (self->audience != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->audience, self);
      self->audience = NULL;
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), HEP_TYPE_PRESENTER_CONSOLE);
  G_OBJECT_CLASS (hep_presenter_console_parent_class)->dispose (object);
}

static void
hep_presenter_console_finalize (GObject *object)
{
  HepPresenterConsole *self = HEP_PRESENTER_CONSOLE (object);

  g_free (self->deck_notes);
  G_OBJECT_CLASS (hep_presenter_console_parent_class)->finalize (object);
}

static void
hep_presenter_console_class_init (HepPresenterConsoleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hep_presenter_console_dispose;
  object_class->finalize = hep_presenter_console_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/hepatica/Hepatica/ui/hep-presenter-console.ui");
  gtk_widget_class_bind_template_child (widget_class, HepPresenterConsole, position_label);
  gtk_widget_class_bind_template_child (widget_class, HepPresenterConsole, time_label);
  gtk_widget_class_bind_template_child (widget_class, HepPresenterConsole, now_label);
  gtk_widget_class_bind_template_child (widget_class, HepPresenterConsole, now_text);
  gtk_widget_class_bind_template_child (widget_class, HepPresenterConsole, next_label);
  gtk_widget_class_bind_template_child (widget_class, HepPresenterConsole, notes_label);
  gtk_widget_class_bind_template_child (widget_class, HepPresenterConsole, keys_label);
}

static void
hep_presenter_console_init (HepPresenterConsole *self)
{
  GtkEventController *keys;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->start_us = g_get_monotonic_time ();
  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
  gtk_label_set_text (self->keys_label, _("The audience view's keys work here too; S swaps the two screens, "
                                          "? shows the keys on the audience view."));
}

HepPresenterConsole *
hep_presenter_console_new (HepPresenterWindow *audience,
                           const char         *deck_notes)
{
  HepPresenterConsole *self;

  g_return_val_if_fail (HEP_IS_PRESENTER_WINDOW (audience), NULL);

  self = g_object_new (HEP_TYPE_PRESENTER_CONSOLE,
                       "application", gtk_window_get_application (GTK_WINDOW (audience)), NULL);
  self->audience = audience;
  self->deck_notes = g_strdup (deck_notes);
  g_signal_connect_object (audience, "changed", G_CALLBACK (audience_changed_cb), self, 0);
  g_signal_connect_object (audience, "destroy", G_CALLBACK (audience_destroy_cb), self, 0);
  self->tick_id = g_timeout_add_seconds (1, tick_cb, self);
  update_time (self);
  update (self);
  return self;
}

char *
hep_presenter_console_dup_text (HepPresenterConsole *self)
{
  g_return_val_if_fail (HEP_IS_PRESENTER_CONSOLE (self), NULL);

  return g_strjoin ("\n", gtk_label_get_text (self->position_label), gtk_label_get_text (self->time_label),
                    gtk_label_get_text (self->now_label), gtk_label_get_text (self->now_text),
                    gtk_label_get_text (self->next_label), gtk_label_get_text (self->notes_label), NULL);
}
