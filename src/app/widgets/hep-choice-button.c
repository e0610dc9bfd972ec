/* hep-choice-button.c
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "hep-choice-button.h"

#include "hep-text-row.h"

#include <string.h>

struct _HepChoiceButton
{
  GtkButton   parent_instance;

  GtkWidget  *box;       /* the button's child: the value and an arrow */
  GtkLabel   *label;
  GListModel *model;
  guint       selected;

  gboolean    enable_search;
  gboolean    fit_first;

  GtkWidget  *popover;   /* made when first opened */
  GtkListBox *list;
  GtkEditable *search_entry;
};

G_DEFINE_FINAL_TYPE (HepChoiceButton, hep_choice_button, GTK_TYPE_BUTTON)

enum {
  PROP_0,
  PROP_MODEL,
  PROP_SELECTED,
  PROP_ENABLE_SEARCH,
  PROP_FIT_FIRST,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
dup_item_string (HepChoiceButton *self,
                 guint            position)
{
  g_autoptr(GObject) item = NULL;

  if (self->model == NULL || position == GTK_INVALID_LIST_POSITION)
    return NULL;
  item = g_list_model_get_item (self->model, position);
  if (!GTK_IS_STRING_OBJECT (item))
    return NULL;
  return g_strdup (gtk_string_object_get_string (GTK_STRING_OBJECT (item)));
}

static void
update_label (HepChoiceButton *self)
{
  g_autofree char *text = dup_item_string (self, self->selected);

  gtk_label_set_label (self->label, text != NULL ? text : "");
}

/* The check mark of each row, and its selected state for screen readers. */
static void
update_checks (HepChoiceButton *self)
{
  GtkListBoxRow *row;

  if (self->list == NULL)
    return;
  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->list, i)) != NULL; i++)
    {
      gboolean selected = (guint) i == self->selected;

      /* opacity, not visibility: the rows keep one width */
      gtk_widget_set_opacity (g_object_get_data (G_OBJECT (row), "hep-check"), selected ? 1 : 0);
      gtk_accessible_update_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_SELECTED, selected, -1);
    }
}

static GtkWidget *
choice_row_new (const char *text)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new (text);
  GtkWidget *check = g_object_new (GTK_TYPE_IMAGE,
                                   "icon-name", "object-select-symbolic",
                                   "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                   NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), check);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
  g_object_set_data (G_OBJECT (row), "hep-check", check);
  g_object_set_data_full (G_OBJECT (row), "hep-key", g_utf8_casefold (text, -1), g_free);
  return row;
}

static void
fill_rows (HepChoiceButton *self)
{
  GtkWidget *child;
  guint n = self->model != NULL ? g_list_model_get_n_items (self->model) : 0;

  if (self->list == NULL)
    return;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *text = dup_item_string (self, i);

      gtk_list_box_append (self->list, choice_row_new (text != NULL ? text : ""));
    }
  update_checks (self);
}

static void
row_activated_cb (GtkListBox      *list,
                  GtkListBoxRow   *row,
                  HepChoiceButton *self)
{
  hep_choice_button_set_selected (self, (guint) gtk_list_box_row_get_index (row));
  hep_choice_button_popdown (self);
  gtk_widget_grab_focus (GTK_WIDGET (self));
}

/* Search: the entries that contain the typed text, in any case. */
static gboolean
filter_row (GtkListBoxRow *row,
            gpointer       user_data)
{
  HepChoiceButton *self = user_data;
  const char *text = gtk_editable_get_text (self->search_entry);
  g_autofree char *needle = NULL;

  if (text[0] == '\0')
    return TRUE;
  needle = g_utf8_casefold (text, -1);
  return strstr (g_object_get_data (G_OBJECT (row), "hep-key"), needle) != NULL;
}

static void
search_changed_cb (GtkSearchEntry  *entry,
                   HepChoiceButton *self)
{
  gtk_list_box_invalidate_filter (self->list);
}

/* Enter in the search entry picks the first entry shown. */
static void
search_activate_cb (GtkSearchEntry  *entry,
                    HepChoiceButton *self)
{
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->list, i)) != NULL; i++)
    if (gtk_widget_get_child_visible (GTK_WIDGET (row)))
      {
        row_activated_cb (self->list, row, self);
        return;
      }
}

static void
stop_search_cb (GtkSearchEntry  *entry,
                HepChoiceButton *self)
{
  hep_choice_button_popdown (self);
}

static void
popover_closed_cb (GtkPopover      *popover,
                   HepChoiceButton *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  gtk_accessible_update_state (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_STATE_EXPANDED, FALSE, -1);
  /* closed with Escape: the focus goes back to the button, as from a menu */
  if (focus == NULL || gtk_widget_is_ancestor (focus, GTK_WIDGET (popover)))
    gtk_widget_grab_focus (GTK_WIDGET (self));
}

static void
ensure_popover (HepChoiceButton *self)
{
  GtkWidget *scroller;

  if (self->popover != NULL)
    return;
  self->popover = gtk_popover_new ();
  gtk_widget_add_css_class (self->popover, "menu");
  gtk_widget_add_css_class (self->popover, "choice-popover");
  gtk_widget_set_parent (self->popover, GTK_WIDGET (self));
  g_signal_connect (self->popover, "closed", G_CALLBACK (popover_closed_cb), self);

  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_width (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 400);

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  g_signal_connect (self->list, "row-activated", G_CALLBACK (row_activated_cb), self);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->list));
  if (self->enable_search)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      GtkWidget *entry = gtk_search_entry_new ();

      self->search_entry = GTK_EDITABLE (entry);
      gtk_list_box_set_filter_func (self->list, filter_row, self, NULL);
      g_signal_connect (entry, "search-changed", G_CALLBACK (search_changed_cb), self);
      g_signal_connect (entry, "activate", G_CALLBACK (search_activate_cb), self);
      g_signal_connect (entry, "stop-search", G_CALLBACK (stop_search_cb), self);
      gtk_box_append (GTK_BOX (box), entry);
      gtk_box_append (GTK_BOX (box), scroller);
      gtk_popover_set_child (GTK_POPOVER (self->popover), box);
    }
  else
    gtk_popover_set_child (GTK_POPOVER (self->popover), scroller);
  fill_rows (self);
}

/* A new model, or new items in it: a selection past the end is dropped,
 * and the label and the rows follow. */
static void
model_changed (HepChoiceButton *self)
{
  guint n = self->model != NULL ? g_list_model_get_n_items (self->model) : 0;

  if (self->selected != GTK_INVALID_LIST_POSITION && self->selected >= n)
    {
      self->selected = GTK_INVALID_LIST_POSITION;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
    }
  update_label (self);
  fill_rows (self);
  if (self->fit_first)
    gtk_widget_queue_resize (GTK_WIDGET (self));   /* the first entry may have changed */
}

static void
items_changed_cb (GListModel      *model,
                  guint            position,
                  guint            removed,
                  guint            added,
                  HepChoiceButton *self)
{
  model_changed (self);
}

static void
hep_choice_button_clicked (GtkButton *button)
{
  hep_choice_button_popup (HEP_CHOICE_BUTTON (button));
}

/* A bin of the box, and the popover placed at each allocation (GtkButton's
 * layout manager would not present it). */
static void
hep_choice_button_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  HepChoiceButton *self = HEP_CHOICE_BUTTON (widget);
  g_autofree char *first = NULL;

  gtk_widget_measure (self->box, orientation, for_size, minimum, natural, minimum_baseline, natural_baseline);
  if (orientation == GTK_ORIENTATION_HORIZONTAL && self->fit_first && (first = dup_item_string (self, 0)) != NULL)
    {
      g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self->label), first);
      int label_nat, text_width;

      gtk_widget_measure (GTK_WIDGET (self->label), orientation, -1, NULL, &label_nat, NULL, NULL);
      pango_layout_get_pixel_size (layout, &text_width, NULL);
      /* the box less its label, plus the first entry unshortened */
      *minimum = MAX (*minimum, *natural - label_nat + text_width);
      *natural = MAX (*natural, *minimum);
    }
}

static void
hep_choice_button_size_allocate (GtkWidget *widget,
                                 int        width,
                                 int        height,
                                 int        baseline)
{
  HepChoiceButton *self = HEP_CHOICE_BUTTON (widget);

  gtk_widget_allocate (self->box, width, height, baseline, NULL);
  if (self->popover != NULL)
    gtk_popover_present (GTK_POPOVER (self->popover));
}

static void
hep_choice_button_dispose (GObject *object)
{
  HepChoiceButton *self = HEP_CHOICE_BUTTON (object);

  /* quietly: no "selected" notify from a button going away */
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, items_changed_cb, self);
  g_clear_object (&self->model);
  g_clear_pointer (&self->popover, gtk_widget_unparent);
  self->list = NULL;
  self->search_entry = NULL;
  G_OBJECT_CLASS (hep_choice_button_parent_class)->dispose (object);
}

static void
hep_choice_button_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  HepChoiceButton *self = HEP_CHOICE_BUTTON (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      g_value_set_object (value, self->model);
      break;
    case PROP_SELECTED:
      g_value_set_uint (value, self->selected);
      break;
    case PROP_ENABLE_SEARCH:
      g_value_set_boolean (value, self->enable_search);
      break;
    case PROP_FIT_FIRST:
      g_value_set_boolean (value, self->fit_first);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hep_choice_button_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  HepChoiceButton *self = HEP_CHOICE_BUTTON (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      hep_choice_button_set_model (self, g_value_get_object (value));
      break;
    case PROP_SELECTED:
      hep_choice_button_set_selected (self, g_value_get_uint (value));
      break;
    case PROP_ENABLE_SEARCH:
      self->enable_search = g_value_get_boolean (value);
      break;
    case PROP_FIT_FIRST:
      self->fit_first = g_value_get_boolean (value);
      gtk_widget_queue_resize (GTK_WIDGET (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hep_choice_button_class_init (HepChoiceButtonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hep_choice_button_dispose;
  object_class->get_property = hep_choice_button_get_property;
  object_class->set_property = hep_choice_button_set_property;
  widget_class->measure = hep_choice_button_measure;
  widget_class->size_allocate = hep_choice_button_size_allocate;
  GTK_BUTTON_CLASS (klass)->clicked = hep_choice_button_clicked;

  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED] =
    g_param_spec_uint ("selected", NULL, NULL, 0, G_MAXUINT, GTK_INVALID_LIST_POSITION,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* a search entry above the list; set before the button is first opened */
  properties[PROP_ENABLE_SEARCH] =
    g_param_spec_boolean ("enable-search", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT | G_PARAM_STATIC_STRINGS);
  /* never narrower than the first entry in full: a filter's "All …" */
  properties[PROP_FIT_FIRST] =
    g_param_spec_boolean ("fit-first", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hep_choice_button_init (HepChoiceButton *self)
{
  GtkWidget *arrow = g_object_new (GTK_TYPE_IMAGE,
                                   "icon-name", "pan-down-symbolic",
                                   "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                   NULL);

  self->selected = GTK_INVALID_LIST_POSITION;
  /* measured and allocated here, so that the popover can be presented */
  gtk_widget_set_layout_manager (GTK_WIDGET (self), NULL);

  self->box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  self->label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_ellipsize (self->label, PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (self->label, 0);
  gtk_widget_set_hexpand (GTK_WIDGET (self->label), TRUE);
  /* the label fills the button, but does not make its parents expand */
  gtk_widget_set_hexpand (GTK_WIDGET (self), FALSE);
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->label));
  gtk_box_append (GTK_BOX (self->box), arrow);
  gtk_button_set_child (GTK_BUTTON (self), self->box);
  gtk_widget_add_css_class (GTK_WIDGET (self), "choice-button");

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_HAS_POPUP, TRUE, -1);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_STATE_EXPANDED, FALSE, -1);
}

GtkWidget *
hep_choice_button_new (GListModel *model)
{
  return g_object_new (HEP_TYPE_CHOICE_BUTTON, "model", model, NULL);
}

void
hep_choice_button_set_model (HepChoiceButton *self,
                             GListModel      *model)
{
  g_return_if_fail (HEP_IS_CHOICE_BUTTON (self));
  g_return_if_fail (model == NULL || G_IS_LIST_MODEL (model));

  if (self->model == model)
    return;
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, items_changed_cb, self);
  g_set_object (&self->model, model);
  if (model != NULL)
    g_signal_connect (model, "items-changed", G_CALLBACK (items_changed_cb), self);
  model_changed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODEL]);
}

GListModel *
hep_choice_button_get_model (HepChoiceButton *self)
{
  g_return_val_if_fail (HEP_IS_CHOICE_BUTTON (self), NULL);
  return self->model;
}

/* Past the end of the model, or GTK_INVALID_LIST_POSITION: nothing. */
void
hep_choice_button_set_selected (HepChoiceButton *self,
                                guint            position)
{
  g_return_if_fail (HEP_IS_CHOICE_BUTTON (self));

  if (self->model == NULL || position >= g_list_model_get_n_items (self->model))
    position = GTK_INVALID_LIST_POSITION;
  if (self->selected == position)
    return;
  self->selected = position;
  update_label (self);
  update_checks (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

guint
hep_choice_button_get_selected (HepChoiceButton *self)
{
  g_return_val_if_fail (HEP_IS_CHOICE_BUTTON (self), GTK_INVALID_LIST_POSITION);
  return self->selected;
}

/* Puts the button at the end of @row, as an AdwComboRow shows its value:
 * flat, opened by activating the row, and named after the row's title and
 * then its value ("HCC risk Cirrhosis"), as a screen reader should say it. */
void
hep_choice_button_add_to_row (HepChoiceButton *self,
                              HepTextRow      *row)
{
  g_return_if_fail (HEP_IS_CHOICE_BUTTON (self));
  g_return_if_fail (HEP_IS_TEXT_ROW (row));

  gtk_widget_add_css_class (GTK_WIDGET (self), "flat");
  hep_text_row_add_suffix (row, GTK_WIDGET (self));
  hep_text_row_set_activatable_widget (row, GTK_WIDGET (self));
  /* after the row's own relation, which names it by the title alone */
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  hep_text_row_get_title_widget (row), self->label, NULL,
                                  -1);
}

GtkPopover *
hep_choice_button_get_popover (HepChoiceButton *self)
{
  g_return_val_if_fail (HEP_IS_CHOICE_BUTTON (self), NULL);
  return self->popover != NULL ? GTK_POPOVER (self->popover) : NULL;
}

/* Opens the list with the focus on the chosen entry. */
void
hep_choice_button_popup (HepChoiceButton *self)
{
  GtkListBoxRow *row;

  g_return_if_fail (HEP_IS_CHOICE_BUTTON (self));

  ensure_popover (self);
  update_checks (self);
  gtk_popover_popup (GTK_POPOVER (self->popover));
  gtk_accessible_update_state (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_STATE_EXPANDED, TRUE, -1);
  if (self->search_entry != NULL)
    {
      gtk_editable_set_text (self->search_entry, "");
      gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
      return;
    }
  row = gtk_list_box_get_row_at_index (self->list, self->selected != GTK_INVALID_LIST_POSITION ? (int) self->selected : 0);
  if (row != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (row));
}

void
hep_choice_button_popdown (HepChoiceButton *self)
{
  g_return_if_fail (HEP_IS_CHOICE_BUTTON (self));

  if (self->popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (self->popover));
}
