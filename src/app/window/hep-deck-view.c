/* hep-deck-view.c: the Decks page of the window
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Decks are short, so each list is rebuilt from the store after every
 * change, and the store is read again each time: what is shown is what
 * was written. Nothing is read before the page is first shown.
 */

#include "config.h"

#include "hep-deck-view.h"

#include <glib/gi18n.h>

#include "hep-application.h"
#include "hep-handout-print.h"

struct _HepDeckView
{
  AdwBin           parent_instance;

  /* Template widgets */
  AdwToastOverlay *toast_overlay;
  GtkStack        *stack;
  AdwStatusPage   *none_page;
  GtkWidget       *none_button;
  GtkListBox      *deck_list;
  GtkLabel        *deck_title;
  GtkLabel        *deck_subtitle;
  GtkStack        *case_stack;
  GtkListBox      *case_list;
  GtkTextView     *notes_view;
  GtkSearchEntry  *search_entry;
  GtkStack        *library_stack;
  GtkListBox      *library_list;

  /* Owned */
  HepCaseStore    *store;
  gboolean         writable;
  gboolean         unknown;
  gboolean         dirty;          /* to read again when next mapped */
  GSettings       *settings;
  HepDeck         *deck;           /* the selected deck as last read, or NULL */
  HepDeck         *deleted;        /* what Undo puts back */
  AdwToast        *undo_toast;
  guint            notes_timeout;
  gboolean         filling;        /* the lists are being rebuilt */
};

G_DEFINE_FINAL_TYPE (HepDeckView, hep_deck_view, ADW_TYPE_BIN)

static void reload (HepDeckView *self, const char *select_id);

static gint64
now (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

static void
show_toast (HepDeckView *self,
            const char  *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

static void
show_error (HepDeckView *self,
            GError      *error)
{
  show_toast (self, error->message);
}

/* ---- how a case is named ------------------------------------------------ */

/* The case's title, or in unknown-case mode what the spoiler rule allows:
 * the patient and the size when the title would give it away. */
static char *
case_title (HepDeckView *self,
            HepCase     *c)
{
  HepSex sex;

  if (!self->unknown || !hep_case_hides (c, HEP_CASE_SPOILER_TITLE))
    return g_strdup (hep_case_get_title (c));
  sex = hep_case_get_sex (c);
  return g_strdup_printf (_("%d-year-old %s, %d mm"), hep_case_get_age (c),
                          sex == HEP_SEX_F ? _("woman") : sex == HEP_SEX_M ? _("man") : _("patient"),
                          hep_case_get_size (c));
}

static char *
case_subtitle (HepDeckView *self,
               HepCase     *c)
{
  GString *s;

  if (self->unknown)
    return g_strdup_printf (_("Difficulty %d of 5"), hep_case_get_difficulty (c));
  s = g_string_new (hep_case_diagnosis_get_label (hep_case_get_diagnosis (c)));
  if (hep_case_get_lirads (c) != HEP_LIRADS_NA)
    g_string_append_printf (s, " · %s", hep_lirads_category_to_string (hep_case_get_lirads (c)));
  if (hep_case_get_origin (c) == HEP_CASE_ORIGIN_USER)
    g_string_append_printf (s, " · %s", _("your case"));
  return g_string_free (s, FALSE);
}

static GtkWidget *
row_labels (const char *title,
            const char *subtitle)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *t = gtk_label_new (title);
  GtkWidget *s = gtk_label_new (subtitle);

  gtk_widget_set_hexpand (box, TRUE);
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_label_set_xalign (GTK_LABEL (t), 0);
  gtk_label_set_xalign (GTK_LABEL (s), 0);
  gtk_label_set_wrap (GTK_LABEL (t), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (t), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_ellipsize (GTK_LABEL (s), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (s, "dim-label");
  gtk_widget_add_css_class (s, "caption");
  gtk_box_append (GTK_BOX (box), t);
  gtk_box_append (GTK_BOX (box), s);
  return box;
}

/* ---- the selected deck's cases ------------------------------------------ */

static guint
n_cases (HepDeckView *self)
{
  return self->deck != NULL ? hep_deck_get_n_cases (self->deck) : 0;
}

static int
selected_case_index (HepDeckView *self)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->case_list);

  return row != NULL ? gtk_list_box_row_get_index (row) : -1;
}

static void
update_actions (HepDeckView *self)
{
  int at = selected_case_index (self);
  guint n = n_cases (self);
  gboolean deck = self->deck != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "deck.new", self->writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "deck.rename", deck && self->writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "deck.delete", deck && self->writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "deck.present", n > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "deck.print", n > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "deck.move-up", self->writable && at > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "deck.move-down", self->writable && at >= 0 && (guint) at + 1 < n);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "deck.remove-case", self->writable && at >= 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "deck.undo-delete", self->deleted != NULL);
}

/* Moves @case_id to @position of the selected deck, in one transaction,
 * and keeps it selected. */
static gboolean
move_case (HepDeckView *self,
           const char  *case_id,
           guint        position)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = g_strdup (case_id);

  if (self->deck == NULL)
    return FALSE;
  if (!hep_case_store_move_in_deck (self->store, self->deck->id, id, position, now (), &error))
    {
      show_error (self, error);
      return FALSE;
    }
  reload (self, NULL);
  hep_deck_view_select_case (self, MIN (position, n_cases (self) - 1));
  return TRUE;
}

static gboolean
remove_case (HepDeckView *self,
             const char  *case_id)
{
  g_autoptr(GError) error = NULL;
  int at = selected_case_index (self);

  if (self->deck == NULL)
    return FALSE;
  if (!hep_case_store_remove_from_deck (self->store, self->deck->id, case_id, now (), &error))
    {
      show_error (self, error);
      return FALSE;
    }
  reload (self, NULL);
  if (n_cases (self) > 0)
    hep_deck_view_select_case (self, (guint) CLAMP (at, 0, (int) n_cases (self) - 1));
  return TRUE;
}

static void
remove_clicked_cb (GtkButton   *button,
                   HepDeckView *self)
{
  const char *id = g_object_get_data (G_OBJECT (button), "case-id");
  g_autofree char *case_id = g_strdup (id);

  remove_case (self, case_id);
}

static GdkContentProvider *
drag_prepare_cb (GtkDragSource *source,
                 double         x,
                 double         y,
                 GtkWidget     *row)
{
  const char *id = g_object_get_data (G_OBJECT (row), "case-id");

  return gdk_content_provider_new_typed (G_TYPE_STRING, id);
}

static void
drag_begin_cb (GtkDragSource *source,
               GdkDrag       *drag,
               GtkWidget     *row)
{
  g_autoptr(GdkPaintable) icon = gtk_widget_paintable_new (row);

  gtk_drag_source_set_icon (source, icon, 12, 12);
}

/* A case dropped on a row goes before it (upper half) or after it (lower
 * half): where the line between the rows was. */
static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         GtkWidget     *row)
{
  HepDeckView *self = HEP_DECK_VIEW (gtk_widget_get_ancestor (row, HEP_TYPE_DECK_VIEW));
  const char *id;
  int from = -1;
  int to;

  if (self == NULL || self->deck == NULL || !G_VALUE_HOLDS_STRING (value))
    return FALSE;
  id = g_value_get_string (value);
  for (guint i = 0; self->deck->case_ids[i] != NULL; i++)
    if (g_strcmp0 (self->deck->case_ids[i], id) == 0)
      from = (int) i;
  if (from < 0)
    {
      /* a case of the library, dropped in */
      g_autoptr(GError) error = NULL;

      to = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)) + (y > gtk_widget_get_height (row) / 2.0);
      if (!hep_case_store_add_to_deck (self->store, self->deck->id, id, to, now (), &error))
        {
          show_error (self, error);
          return FALSE;
        }
      reload (self, NULL);
      hep_deck_view_select_case (self, (guint) to);
      return TRUE;
    }
  to = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)) + (y > gtk_widget_get_height (row) / 2.0);
  if (from < to)
    to--;
  if (to == from)
    return FALSE;
  return move_case (self, id, (guint) to);
}

static GtkWidget *
make_case_row (HepDeckView *self,
               guint        index,
               const char  *case_id)
{
  g_autoptr(HepCase) c = hep_case_store_get_case (self->store, case_id, NULL);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *handle = gtk_image_new_from_icon_name ("list-drag-handle-symbolic");
  g_autofree char *number = g_strdup_printf ("%u", index + 1);
  GtkWidget *number_label = gtk_label_new (number);
  GtkWidget *remove = gtk_button_new_from_icon_name ("list-remove-symbolic");
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *accessible = NULL;
  GtkDragSource *source;
  GtkDropTarget *target;

  if (c != NULL)
    {
      title = case_title (self, c);
      subtitle = case_subtitle (self, c);
    }
  else
    {
      /* a user case deleted since it was added */
      title = g_strdup_printf (_("Missing case “%s”"), case_id);
      subtitle = g_strdup (_("No longer in the library: remove it, or import it again"));
    }
  g_object_set_data_full (G_OBJECT (row), "case-id", g_strdup (case_id), g_free);
  gtk_widget_set_margin_start (box, 8);
  gtk_widget_set_margin_end (box, 8);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_add_css_class (handle, "dim-label");
  gtk_widget_set_tooltip_text (handle, _("Drag to move"));
  gtk_widget_add_css_class (number_label, "deck-case-number");
  gtk_widget_add_css_class (number_label, "numeric");
  gtk_label_set_width_chars (GTK_LABEL (number_label), 2);
  gtk_label_set_xalign (GTK_LABEL (number_label), 1);
  gtk_box_append (GTK_BOX (box), handle);
  gtk_box_append (GTK_BOX (box), number_label);
  gtk_box_append (GTK_BOX (box), row_labels (title, subtitle));
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Remove from Deck (Delete)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Remove from Deck"), -1);
  g_object_set_data_full (G_OBJECT (remove), "case-id", g_strdup (case_id), g_free);
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_clicked_cb), self);
  gtk_box_append (GTK_BOX (box), remove);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  accessible = g_strdup_printf (_("%s. %s"), number, title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, subtitle, -1);

  source = gtk_drag_source_new ();
  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect (source, "prepare", G_CALLBACK (drag_prepare_cb), row);
  g_signal_connect (source, "drag-begin", G_CALLBACK (drag_begin_cb), row);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (source));
  target = gtk_drop_target_new (G_TYPE_STRING, GDK_ACTION_MOVE | GDK_ACTION_COPY);
  g_signal_connect (target, "drop", G_CALLBACK (drop_cb), row);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (target));
  return row;
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static void
fill_cases (HepDeckView *self)
{
  g_autofree char *subtitle = NULL;
  guint n = n_cases (self);

  clear_list (self->case_list);
  if (self->deck == NULL)
    return;
  for (guint i = 0; i < n; i++)
    gtk_list_box_append (self->case_list, make_case_row (self, i, self->deck->case_ids[i]));
  gtk_label_set_label (self->deck_title, self->deck->name);
  subtitle = g_strdup_printf (g_dngettext (NULL, "%u case", "%u cases", n), n);
  gtk_label_set_label (self->deck_subtitle, subtitle);
  gtk_stack_set_visible_child_name (self->case_stack, n > 0 ? "cases" : "empty");
}

/* ---- the notes ------------------------------------------------------------ */

static char *
notes_text (HepDeckView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* Writes the notes if they changed: after a pause in typing, and before
 * another deck is shown. */
static void
save_notes (HepDeckView *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  g_clear_handle_id (&self->notes_timeout, g_source_remove);
  if (self->deck == NULL || self->store == NULL || !self->writable)
    return;
  text = notes_text (self);
  if (g_strcmp0 (text, self->deck->notes ? self->deck->notes : "") == 0)
    return;
  if (!hep_case_store_set_deck_notes (self->store, self->deck->id, text, now (), &error))
    {
      show_error (self, error);
      return;
    }
  g_free (self->deck->notes);
  self->deck->notes = *text ? g_strdup (text) : NULL;
}

static gboolean
notes_timeout_cb (gpointer data)
{
  HepDeckView *self = data;

  self->notes_timeout = 0;
  save_notes (self);
  return G_SOURCE_REMOVE;
}

static void
notes_changed_cb (GtkTextBuffer *buffer,
                  HepDeckView   *self)
{
  if (self->filling)
    return;
  g_clear_handle_id (&self->notes_timeout, g_source_remove);
  self->notes_timeout = g_timeout_add (800, notes_timeout_cb, self);
}

/* ---- the library ---------------------------------------------------------- */

static gboolean
deck_has (HepDeckView *self,
          const char  *case_id)
{
  return self->deck != NULL && self->deck->case_ids != NULL &&
         g_strv_contains ((const char * const *) self->deck->case_ids, case_id);
}

static void
add_clicked_cb (GtkButton   *button,
                HepDeckView *self)
{
  g_autofree char *id = g_strdup (g_object_get_data (G_OBJECT (button), "case-id"));
  g_autoptr(GError) error = NULL;

  if (!hep_deck_view_add_case (self, id, &error))
    show_error (self, error);
}

static void
library_row_activated_cb (GtkListBox    *list,
                          GtkListBoxRow *row,
                          HepDeckView   *self)
{
  g_autofree char *id = g_strdup (g_object_get_data (G_OBJECT (row), "case-id"));
  g_autoptr(GError) error = NULL;

  if (deck_has (self, id))
    return;
  if (!hep_deck_view_add_case (self, id, &error))
    show_error (self, error);
}

static GtkWidget *
make_library_row (HepDeckView *self,
                  HepCase     *c)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  g_autofree char *title = case_title (self, c);
  g_autofree char *subtitle = case_subtitle (self, c);
  const char *id = hep_case_get_id (c);
  gboolean in_deck = deck_has (self, id);
  GtkWidget *add;
  GtkDragSource *source;

  g_object_set_data_full (G_OBJECT (row), "case-id", g_strdup (id), g_free);
  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  gtk_box_append (GTK_BOX (box), row_labels (title, subtitle));
  if (in_deck)
    {
      add = gtk_image_new_from_icon_name ("emblem-ok-symbolic");
      gtk_widget_set_tooltip_text (add, _("In the deck"));
      gtk_widget_add_css_class (add, "dim-label");
    }
  else
    {
      add = gtk_button_new_from_icon_name ("list-add-symbolic");
      gtk_widget_add_css_class (add, "flat");
      gtk_widget_set_tooltip_text (add, _("Add to Deck"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (add), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Add to Deck"), -1);
      g_object_set_data_full (G_OBJECT (add), "case-id", g_strdup (id), g_free);
      g_signal_connect (add, "clicked", G_CALLBACK (add_clicked_cb), self);
      gtk_widget_set_sensitive (add, self->deck != NULL && self->writable);
    }
  gtk_widget_set_valign (add, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), add);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), !in_deck && self->deck != NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  in_deck ? _("In the deck") : subtitle, -1);
  /* dragged into the deck, it goes where it is dropped */
  source = gtk_drag_source_new ();
  gtk_drag_source_set_actions (source, GDK_ACTION_COPY);
  g_signal_connect (source, "prepare", G_CALLBACK (drag_prepare_cb), row);
  g_signal_connect (source, "drag-begin", G_CALLBACK (drag_begin_cb), row);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (source));
  return row;
}

/* The case id of the row of @list that has the focus, or NULL. */
static char *
focused_row_id (HepDeckView *self,
                GtkListBox  *list,
                const char  *key)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GtkWidget *row;

  if (focus == NULL || (focus != GTK_WIDGET (list) && !gtk_widget_is_ancestor (focus, GTK_WIDGET (list))))
    return NULL;
  row = GTK_IS_LIST_BOX_ROW (focus) ? focus : gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_BOX_ROW);
  return row != NULL ? g_strdup (g_object_get_data (G_OBJECT (row), key)) : NULL;
}

/* After a list is rebuilt, the focus goes back to the row it was on (a
 * keyboard user adding case after case keeps their place). */
static void
refocus_row (GtkListBox *list,
             const char *key,
             const char *id)
{
  if (id == NULL)
    return;
  for (int i = 0;; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, i);

      if (row == NULL)
        return;
      if (g_strcmp0 (g_object_get_data (G_OBJECT (row), key), id) == 0)
        {
          gtk_widget_grab_focus (GTK_WIDGET (row));
          return;
        }
    }
}

static void
fill_library (HepDeckView *self)
{
  g_autofree char *focused = focused_row_id (self, self->library_list, "case-id");
  HepCaseFilter filter = HEP_CASE_FILTER_INIT;
  g_autoptr(GPtrArray) cases = NULL;
  g_autoptr(GError) error = NULL;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  double scroll;
  GtkAdjustment *adjustment;

  if (self->store == NULL)
    return;
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (
    gtk_widget_get_ancestor (GTK_WIDGET (self->library_list), GTK_TYPE_SCROLLED_WINDOW)));
  scroll = gtk_adjustment_get_value (adjustment);
  filter.text = text;
  /* unknown-case mode: search only what the mode shows */
  filter.unknown = self->unknown;
  cases = hep_case_store_list_cases (self->store, &filter, &error);
  clear_list (self->library_list);
  if (cases == NULL)
    {
      adw_status_page_set_description (ADW_STATUS_PAGE (gtk_stack_get_child_by_name (self->library_stack, "empty")),
                                       error->message);
      gtk_stack_set_visible_child_name (self->library_stack, "empty");
      return;
    }
  for (guint i = 0; i < cases->len; i++)
    gtk_list_box_append (self->library_list, make_library_row (self, cases->pdata[i]));
  gtk_stack_set_visible_child_name (self->library_stack, cases->len > 0 ? "list" : "empty");
  gtk_adjustment_set_value (adjustment, scroll);
  refocus_row (self->library_list, "case-id", focused);
}

static void
search_changed_cb (GtkSearchEntry *entry,
                   HepDeckView    *self)
{
  fill_library (self);
}

/* ---- the decks ------------------------------------------------------------ */

static GtkWidget *
make_deck_row (HepDeck *deck)
{
  GtkWidget *row = gtk_list_box_row_new ();
  guint n = hep_deck_get_n_cases (deck);
  g_autofree char *count = g_strdup_printf (g_dngettext (NULL, "%u case", "%u cases", n), n);
  GtkWidget *labels = row_labels (deck->name, count);

  g_object_set_data_full (G_OBJECT (row), "deck-id", g_strdup (deck->id), g_free);
  gtk_widget_set_margin_top (labels, 2);
  gtk_widget_set_margin_bottom (labels, 2);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), labels);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, deck->name,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, count, -1);
  return row;
}

static void
show_deck (HepDeckView *self,
           HepDeck     *deck)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
  gboolean same = deck != NULL && self->deck != NULL && g_str_equal (deck->id, self->deck->id);
  int at = same ? selected_case_index (self) : -1;

  g_clear_pointer (&self->deck, hep_deck_free);
  self->deck = deck;
  self->filling = TRUE;
  if (!same)
    gtk_text_buffer_set_text (buffer, deck && deck->notes ? deck->notes : "", -1);
  gtk_widget_set_sensitive (GTK_WIDGET (self->notes_view), deck != NULL && self->writable);
  fill_cases (self);
  fill_library (self);
  self->filling = FALSE;
  if (at >= 0 && (guint) at < n_cases (self))
    gtk_list_box_select_row (self->case_list, gtk_list_box_get_row_at_index (self->case_list, at));
  update_actions (self);
}

static void
deck_selected_cb (GtkListBox    *list,
                  GtkListBoxRow *row,
                  HepDeckView   *self)
{
  g_autoptr(GError) error = NULL;
  HepDeck *deck = NULL;

  if (self->filling)
    return;
  save_notes (self);
  if (row != NULL)
    {
      deck = hep_case_store_get_deck (self->store, g_object_get_data (G_OBJECT (row), "deck-id"), &error);
      if (deck == NULL)
        show_error (self, error);
    }
  show_deck (self, deck);
}

/* Reads the decks again and shows @select_id, else the deck shown, else
 * the first. */
static void
reload (HepDeckView *self,
        const char  *select_id)
{
  g_autoptr(GPtrArray) decks = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *want = g_strdup (select_id ? select_id : self->deck ? self->deck->id : NULL);
  g_autofree char *focused = NULL;
  GtkListBoxRow *selected = NULL;
  HepDeck *deck = NULL;

  /* what was typed in the notes goes to the deck it was typed for */
  save_notes (self);
  self->dirty = FALSE;
  if (self->store == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "none");
      return;
    }
  decks = hep_case_store_list_decks (self->store, &error);
  if (decks == NULL)
    {
      show_error (self, error);
      decks = g_ptr_array_new ();
    }
  focused = focused_row_id (self, self->deck_list, "deck-id");
  self->filling = TRUE;
  clear_list (self->deck_list);
  for (guint i = 0; i < decks->len; i++)
    {
      HepDeck *d = decks->pdata[i];
      GtkWidget *row = make_deck_row (d);

      gtk_list_box_append (self->deck_list, row);
      if (selected == NULL || g_strcmp0 (d->id, want) == 0)
        selected = GTK_LIST_BOX_ROW (row);
    }
  if (selected != NULL)
    {
      gtk_list_box_select_row (self->deck_list, selected);
      deck = hep_case_store_get_deck (self->store, g_object_get_data (G_OBJECT (selected), "deck-id"), NULL);
    }
  self->filling = FALSE;
  gtk_stack_set_visible_child_name (self->stack, decks->len > 0 ? "decks" : "none");
  show_deck (self, deck);
  refocus_row (self->deck_list, "deck-id", focused);
}

/* ---- dialogs -------------------------------------------------------------- */

typedef void (*NameFunc) (HepDeckView *self, const char *name);

static void
name_entry_changed_cb (GtkEditable      *entry,
                       AdwMessageDialog *dialog)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "ok", *text != '\0');
}

/* Enter in the entry: Create (or Rename), as the button would, which also
 * closes the dialog (adw_message_dialog_response() alone does not). */
static void
name_entry_activate_cb (GtkEntry         *entry,
                        AdwMessageDialog *dialog)
{
  if (!adw_message_dialog_get_response_enabled (dialog, "ok"))
    return;
  adw_message_dialog_response (dialog, "ok");
  gtk_window_close (GTK_WINDOW (dialog));
}

static void
name_response_cb (AdwMessageDialog *dialog,
                  const char       *response,
                  HepDeckView      *self)
{
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  NameFunc func = g_object_get_data (G_OBJECT (dialog), "name-func");

  if (g_str_equal (response, "ok"))
    func (self, gtk_editable_get_text (entry));
}

/* A dialog asking for a deck's name. */
static void
ask_name (HepDeckView *self,
          const char  *heading,
          const char  *ok_label,
          const char  *initial,
          NameFunc     func)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, NULL);
  GtkWidget *entry = gtk_entry_new ();

  gtk_widget_set_name (dialog, "deck-name-dialog");
  gtk_editable_set_text (GTK_EDITABLE (entry), initial ? initial : "");
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("e.g. HCC mimics, Friday conference"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Name"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "ok", ok_label, NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "ok", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "ok");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "name-func", func);
  g_signal_connect (entry, "changed", G_CALLBACK (name_entry_changed_cb), dialog);
  g_signal_connect (entry, "activate", G_CALLBACK (name_entry_activate_cb), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (name_response_cb), self, 0);
  name_entry_changed_cb (GTK_EDITABLE (entry), ADW_MESSAGE_DIALOG (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

static void
create_named (HepDeckView *self,
              const char  *name)
{
  g_autoptr(GError) error = NULL;

  if (!hep_deck_view_create_deck (self, name, &error))
    show_error (self, error);
}

static void
rename_named (HepDeckView *self,
              const char  *name)
{
  g_autoptr(GError) error = NULL;

  if (!hep_deck_view_rename_deck (self, name, &error))
    show_error (self, error);
}

/* ---- actions -------------------------------------------------------------- */

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  ask_name (HEP_DECK_VIEW (widget), _("New Deck"), _("_Create"), NULL, create_named);
}

static void
rename_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  HepDeckView *self = HEP_DECK_VIEW (widget);

  if (self->deck != NULL)
    ask_name (self, _("Rename Deck"), _("_Rename"), self->deck->name, rename_named);
}

static void
undo_toast_dismissed_cb (AdwToast    *toast,
                         HepDeckView *self)
{
  if (self->undo_toast == toast)
    {
      g_clear_object (&self->undo_toast);
      g_clear_pointer (&self->deleted, hep_deck_free);
      update_actions (self);
    }
}

/* The deck goes at once; the toast's Undo puts it back as it was. */
static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  HepDeckView *self = HEP_DECK_VIEW (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  HepDeck *deck;
  AdwToast *toast;

  if (self->deck == NULL)
    return;
  save_notes (self);
  deck = hep_case_store_get_deck (self->store, self->deck->id, &error);
  if (deck == NULL || !hep_case_store_delete_deck (self->store, deck->id, &error))
    {
      g_clear_pointer (&deck, hep_deck_free);
      show_error (self, error);
      return;
    }
  if (self->undo_toast != NULL)
    adw_toast_dismiss (self->undo_toast);
  g_clear_pointer (&self->deleted, hep_deck_free);
  self->deleted = deck;
  g_clear_pointer (&self->deck, hep_deck_free);
  reload (self, NULL);

  message = g_strdup_printf (_("Deck “%s” deleted"), deck->name);
  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "deck.undo-delete");
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  self->undo_toast = g_object_ref (toast);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (undo_toast_dismissed_cb), self, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
  update_actions (self);
}

static void
undo_delete_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  HepDeckView *self = HEP_DECK_VIEW (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(HepDeck) deck = g_steal_pointer (&self->deleted);

  if (deck == NULL)
    return;
  if (self->undo_toast != NULL)
    {
      g_autoptr(AdwToast) toast = g_steal_pointer (&self->undo_toast);

      adw_toast_dismiss (toast);
    }
  if (!hep_case_store_restore_deck (self->store, deck, &error))
    show_error (self, error);
  reload (self, deck->id);
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  HepDeckView *self = HEP_DECK_VIEW (widget);
  int at = selected_case_index (self);
  int to = at + (g_str_equal (action_name, "deck.move-up") ? -1 : 1);

  if (self->deck == NULL || at < 0 || to < 0 || (guint) to >= n_cases (self))
    return;
  move_case (self, self->deck->case_ids[at], (guint) to);
}

static void
remove_case_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  HepDeckView *self = HEP_DECK_VIEW (widget);
  int at = selected_case_index (self);
  g_autofree char *id = NULL;

  if (self->deck == NULL || at < 0 || (guint) at >= n_cases (self))
    return;
  id = g_strdup (self->deck->case_ids[at]);
  remove_case (self, id);
}

static void
present_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  hep_deck_view_present (HEP_DECK_VIEW (widget));
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  hep_deck_view_print (HEP_DECK_VIEW (widget));
}

static void
case_selected_cb (GtkListBox    *list,
                  GtkListBoxRow *row,
                  HepDeckView   *self)
{
  if (!self->filling)
    update_actions (self);
}

/* ---- life ----------------------------------------------------------------- */

static void
unknown_changed_cb (GSettings   *settings,
                    const char  *key,
                    HepDeckView *self)
{
  hep_deck_view_set_unknown (self, g_settings_get_boolean (settings, key));
}

/* The application's store and settings, taken when the page is first
 * shown (the window has its application by then; not yet when the view
 * is rooted, while the window's template is built). */
static void
take_application_store (HepDeckView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkApplication *app = GTK_IS_WINDOW (root) ? gtk_window_get_application (GTK_WINDOW (root)) : NULL;

  if (self->store != NULL || self->settings != NULL || !HEP_IS_APPLICATION (app))
    return;
  self->settings = g_object_ref (hep_application_get_settings (HEP_APPLICATION (app)));
  g_signal_connect_object (self->settings, "changed::unknown-case-mode", G_CALLBACK (unknown_changed_cb), self, 0);
  self->unknown = g_settings_get_boolean (self->settings, "unknown-case-mode");
  hep_deck_view_set_store (self, hep_application_get_store (HEP_APPLICATION (app)),
                           hep_application_get_store_error (HEP_APPLICATION (app)) == NULL);
}

static void
hep_deck_view_map (GtkWidget *widget)
{
  HepDeckView *self = HEP_DECK_VIEW (widget);

  /* read again each time the page is shown: an imported pack or the
   * command line may have changed the decks and the library meanwhile */
  take_application_store (self);
  if (self->store != NULL)
    reload (self, NULL);
  GTK_WIDGET_CLASS (hep_deck_view_parent_class)->map (widget);
}

static void
hep_deck_view_dispose (GObject *object)
{
  HepDeckView *self = HEP_DECK_VIEW (object);

  save_notes (self);
  if (self->undo_toast != NULL)
    {
      g_autoptr(AdwToast) toast = g_steal_pointer (&self->undo_toast);

      adw_toast_dismiss (toast);
    }
  /* the lists unselect their rows as they go */
  self->filling = TRUE;
  /* the bin's child is a template child: unparented once, by the bin */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), HEP_TYPE_DECK_VIEW);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->deck, hep_deck_free);
  g_clear_pointer (&self->deleted, hep_deck_free);
  G_OBJECT_CLASS (hep_deck_view_parent_class)->dispose (object);
}

static void
hep_deck_view_class_init (HepDeckViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hep_deck_view_dispose;
  widget_class->map = hep_deck_view_map;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/hep-deck-view.ui");
  gtk_widget_class_bind_template_child (widget_class, HepDeckView, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, HepDeckView, stack);
  gtk_widget_class_bind_template_child (widget_class, HepDeckView, none_page);
  gtk_widget_class_bind_template_child (widget_class, HepDeckView, none_button);
  gtk_widget_class_bind_template_child (widget_class, HepDeckView, deck_list);
  gtk_widget_class_bind_template_child (widget_class, HepDeckView, deck_title);
  gtk_widget_class_bind_template_child (widget_class, HepDeckView, deck_subtitle);
  gtk_widget_class_bind_template_child (widget_class, HepDeckView, case_stack);
  gtk_widget_class_bind_template_child (widget_class, HepDeckView, case_list);
  gtk_widget_class_bind_template_child (widget_class, HepDeckView, notes_view);
  gtk_widget_class_bind_template_child (widget_class, HepDeckView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, HepDeckView, library_stack);
  gtk_widget_class_bind_template_child (widget_class, HepDeckView, library_list);

  gtk_widget_class_install_action (widget_class, "deck.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "deck.rename", NULL, rename_action);
  gtk_widget_class_install_action (widget_class, "deck.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "deck.undo-delete", NULL, undo_delete_action);
  gtk_widget_class_install_action (widget_class, "deck.move-up", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "deck.move-down", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "deck.remove-case", NULL, remove_case_action);
  gtk_widget_class_install_action (widget_class, "deck.present", NULL, present_action);
  gtk_widget_class_install_action (widget_class, "deck.print", NULL, print_action);
}

static void
hep_deck_view_init (HepDeckView *self)
{
  GtkEventController *keys;

  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (self->deck_list, "row-selected", G_CALLBACK (deck_selected_cb), self);
  g_signal_connect (self->case_list, "row-selected", G_CALLBACK (case_selected_cb), self);
  g_signal_connect (self->library_list, "row-activated", G_CALLBACK (library_row_activated_cb), self);
  g_signal_connect (self->search_entry, "search-changed", G_CALLBACK (search_changed_cb), self);
  g_signal_connect (gtk_text_view_get_buffer (self->notes_view), "changed", G_CALLBACK (notes_changed_cb), self);

  /* The keys that move and remove the selected case act on the list with
   * the focus: Delete as an application accelerator would delete from
   * the search entry and the notes too. */
  keys = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
    gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Alt>Up"), gtk_named_action_new ("deck.move-up")));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
    gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Alt>Down"), gtk_named_action_new ("deck.move-down")));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
    gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("Delete|KP_Delete"), gtk_named_action_new ("deck.remove-case")));
  gtk_widget_add_controller (GTK_WIDGET (self->case_list), keys);
  update_actions (self);
}

/* ---- API ------------------------------------------------------------------ */

/* The library changed (an import while the page is shown): read again. */
static void
store_items_changed_cb (GListModel  *model,
                        guint        position,
                        guint        removed,
                        guint        added,
                        HepDeckView *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)) && !self->filling)
    reload (self, NULL);
}

void
hep_deck_view_set_store (HepDeckView  *self,
                         HepCaseStore *store,
                         gboolean      writable)
{
  g_return_if_fail (HEP_IS_DECK_VIEW (self));

  save_notes (self);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_func (self->store, store_items_changed_cb, self);
  g_set_object (&self->store, store);
  if (store != NULL)
    g_signal_connect_object (store, "items-changed", G_CALLBACK (store_items_changed_cb), self, 0);
  self->writable = store != NULL && writable;
  g_clear_pointer (&self->deck, hep_deck_free);
  if (!self->writable)
    {
      adw_status_page_set_title (self->none_page, _("Decks Cannot Be Kept"));
      adw_status_page_set_description (self->none_page,
                                       _("Your database could not be opened, so a deck made now would be lost. "
                                         "Repair or restore the database first (see the banner on the Explore page)."));
      gtk_widget_set_visible (self->none_button, FALSE);
    }
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    reload (self, NULL);
  else
    self->dirty = TRUE;
  update_actions (self);
}

void
hep_deck_view_set_unknown (HepDeckView *self,
                           gboolean     unknown)
{
  g_return_if_fail (HEP_IS_DECK_VIEW (self));

  if (self->unknown == !!unknown)
    return;
  self->unknown = !!unknown;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    reload (self, NULL);
  else
    self->dirty = TRUE;
}

const char *
hep_deck_view_get_deck_id (HepDeckView *self)
{
  g_return_val_if_fail (HEP_IS_DECK_VIEW (self), NULL);
  take_application_store (self);
  if (self->dirty)
    reload (self, NULL);
  return self->deck ? self->deck->id : NULL;
}

gboolean
hep_deck_view_select_deck (HepDeckView *self,
                           const char  *deck_id)
{
  g_return_val_if_fail (HEP_IS_DECK_VIEW (self), FALSE);

  save_notes (self);
  reload (self, deck_id);
  return self->deck != NULL && g_strcmp0 (self->deck->id, deck_id) == 0;
}

gboolean
hep_deck_view_create_deck (HepDeckView  *self,
                           const char   *name,
                           GError      **error)
{
  g_autoptr(HepDeck) deck = NULL;

  g_return_val_if_fail (HEP_IS_DECK_VIEW (self), FALSE);

  if (!self->writable)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_READ_ONLY, _("Decks cannot be kept now"));
      return FALSE;
    }
  save_notes (self);
  deck = hep_case_store_create_deck (self->store, name, NULL, now (), error);
  if (deck == NULL)
    return FALSE;
  reload (self, deck->id);
  return TRUE;
}

gboolean
hep_deck_view_rename_deck (HepDeckView  *self,
                           const char   *name,
                           GError      **error)
{
  g_return_val_if_fail (HEP_IS_DECK_VIEW (self), FALSE);

  if (self->deck == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("No deck is selected"));
      return FALSE;
    }
  if (!hep_case_store_rename_deck (self->store, self->deck->id, name, now (), error))
    return FALSE;
  reload (self, NULL);
  return TRUE;
}

gboolean
hep_deck_view_add_case (HepDeckView  *self,
                        const char   *case_id,
                        GError      **error)
{
  g_return_val_if_fail (HEP_IS_DECK_VIEW (self), FALSE);

  if (self->deck == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("Make a deck first"));
      return FALSE;
    }
  if (!hep_case_store_add_to_deck (self->store, self->deck->id, case_id, -1, now (), error))
    return FALSE;
  reload (self, NULL);
  return TRUE;
}

void
hep_deck_view_select_case (HepDeckView *self,
                           guint        index)
{
  GtkListBoxRow *row;

  g_return_if_fail (HEP_IS_DECK_VIEW (self));

  row = gtk_list_box_get_row_at_index (self->case_list, (int) index);
  if (row == NULL)
    return;
  gtk_list_box_select_row (self->case_list, row);
  gtk_widget_grab_focus (GTK_WIDGET (row));
  update_actions (self);
}

gboolean
hep_deck_view_present (HepDeckView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkApplication *app = GTK_IS_WINDOW (root) ? gtk_window_get_application (GTK_WINDOW (root)) : NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (HEP_IS_DECK_VIEW (self), FALSE);

  if (self->deck == NULL || n_cases (self) == 0)
    {
      show_toast (self, self->deck == NULL ? _("Make a deck to present it") : _("Add cases to the deck to present it"));
      return FALSE;
    }
  if (!HEP_IS_APPLICATION (app))
    return FALSE;
  save_notes (self);
  if (hep_application_present (HEP_APPLICATION (app), self->deck->id, GTK_WINDOW (root), &error) == NULL)
    {
      show_error (self, error);
      return FALSE;
    }
  return TRUE;
}

void
hep_deck_view_print (HepDeckView *self)
{
  g_autoptr(GPtrArray) cases = g_ptr_array_new_with_free_func (g_object_unref);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  g_return_if_fail (HEP_IS_DECK_VIEW (self));

  if (self->deck == NULL || n_cases (self) == 0)
    {
      show_toast (self, self->deck == NULL ? _("Make a deck to print it") : _("Add cases to the deck to print it"));
      return;
    }
  for (guint i = 0; self->deck->case_ids[i] != NULL; i++)
    {
      HepCase *c = hep_case_store_get_case (self->store, self->deck->case_ids[i], NULL);

      /* a case gone from the library is left out (its row says so) */
      if (c != NULL)
        g_ptr_array_add (cases, c);
    }
  if (cases->len == 0)
    {
      show_toast (self, _("None of the deck's cases is in the library"));
      return;
    }
  hep_handout_dialog_show (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, cases, self->deck->name,
                           self->deck->id);
}
