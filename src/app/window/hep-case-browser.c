/* hep-case-browser.c
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A GtkListView straight over the HepCaseStore (a GListModel); searching
 * and filtering go to the store, which runs them in SQLite (FTS5 for the
 * text). Selecting a case emits ::case-selected.
 */

#include "config.h"

#include "hep-case-browser.h"

#include <glib/gi18n.h>

#include "hep-choice-button.h"
#include "hep-ddx.h"
#include "hep-lazy-tooltip.h"
#include "hep-startup-queue.h"

struct _HepCaseBrowser
{
  AdwBin              parent_instance;

  /* Template widgets */
  GtkSearchEntry     *search_entry;
  HepChoiceButton    *diagnosis_filter;
  HepChoiceButton    *lirads_filter;
  HepChoiceButton    *tag_filter;
  HepChoiceButton    *difficulty_filter;
  GtkStack           *list_stack;
  GtkListView        *list_view;
  AdwStatusPage      *empty_page;

  /* Owned */
  HepCaseStore       *store;
  GtkSliceListModel  *first_page;     /* the store, cut to a screenful until the first frame */
  GtkSingleSelection *selection;      /* over first_page: the same positions as the store */
  GStrv               tags;
  /* the drop-downs' models: "All …" first; the choices after the first frame */
  GtkStringList      *diagnoses;
  GtkStringList      *categories;
  GtkStringList      *tag_choices;
  GtkStringList      *difficulties;
  gboolean            first_frame_done;
  guint               first_rows;
  guint               pending_select;  /* a case past the first page, selected after the first frame */

  gboolean            unknown;
  gboolean            refiltering;
  guint               scroll_to;       /* row to scroll to once shown, or G_MAXUINT */
  guint               scroll_idle_id;
};

enum {
  SIGNAL_CASE_SELECTED,
  N_SIGNALS,
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (HepCaseBrowser, hep_case_browser, ADW_TYPE_BIN)

/* LI-RADS filter entries after "All": the category shown in each position. */
static const HepLiradsCategory lirads_choices[] = {
  HEP_LIRADS_1, HEP_LIRADS_2, HEP_LIRADS_3, HEP_LIRADS_4, HEP_LIRADS_5,
  HEP_LIRADS_M, HEP_LIRADS_TIV, HEP_LIRADS_NC, HEP_LIRADS_NA,
};

static void
refilter (HepCaseBrowser *self)
{
  HepCaseFilter filter = HEP_CASE_FILTER_INIT;
  g_autoptr(GError) error = NULL;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  guint d = hep_choice_button_get_selected (self->diagnosis_filter);
  guint l = hep_choice_button_get_selected (self->lirads_filter);
  guint t = hep_choice_button_get_selected (self->tag_filter);
  guint k = hep_choice_button_get_selected (self->difficulty_filter);

  if (self->store == NULL)
    return;

  if (d != GTK_INVALID_LIST_POSITION && d > 0)
    filter.diagnosis = hep_ddx_diagnosis_to_string ((HepDdxDiagnosis) (d - 1));
  if (l != GTK_INVALID_LIST_POSITION && l > 0 && l - 1 < G_N_ELEMENTS (lirads_choices))
    filter.lirads = lirads_choices[l - 1];
  if (t != GTK_INVALID_LIST_POSITION && t > 0 && self->tags != NULL && t - 1 < g_strv_length (self->tags))
    filter.tag = self->tags[t - 1];
  if (k != GTK_INVALID_LIST_POSITION && k > 0)
    filter.difficulty = (int) k;
  if (text[0] != '\0')
    filter.text = text;
  /* unknown-case mode: the store searches only what the mode shows and
   * ignores the diagnosis, LI-RADS and tag filters (hep-case-spoilers.h) */
  filter.unknown = self->unknown;

  self->pending_select = G_MAXUINT;   /* its position belonged to the old list */
  self->refiltering = TRUE;
  if (!hep_case_store_set_filter (self->store, &filter, &error))
    {
      /* e.g. FTS syntax the user typed: show it, keep the old list */
      adw_status_page_set_description (self->empty_page, error->message);
      gtk_stack_set_visible_child_name (self->list_stack, "empty");
    }
  else
    {
      adw_status_page_set_description (self->empty_page, _("Try other words or fewer filters."));
      gtk_stack_set_visible_child_name (self->list_stack,
                                        g_list_model_get_n_items (G_LIST_MODEL (self->store)) > 0 ? "list" : "empty");
    }
  self->refiltering = FALSE;
}

static void
filter_changed_cb (GObject        *object,
                   GParamSpec     *pspec,
                   HepCaseBrowser *self)
{
  refilter (self);
}

static void
search_changed_cb (GtkSearchEntry *entry,
                   HepCaseBrowser *self)
{
  refilter (self);
}

/* Return in the search opens the best match. */
static void
search_activate_cb (GtkSearchEntry *entry,
                    HepCaseBrowser *self)
{
  if (self->selection == NULL || g_list_model_get_n_items (G_LIST_MODEL (self->selection)) == 0)
    return;
  if (gtk_single_selection_get_selected (self->selection) == 0)
    {
      /* already selected: open it again (the user may have moved away) */
      g_signal_emit (self, signals[SIGNAL_CASE_SELECTED], 0, gtk_single_selection_get_selected_item (self->selection));
      return;
    }
  gtk_single_selection_set_selected (self->selection, 0);
}

/* Down in the search goes into the results. */
static gboolean
search_key_cb (GtkEventControllerKey *controller,
               guint                  keyval,
               guint                  keycode,
               GdkModifierType        state,
               HepCaseBrowser        *self)
{
  if ((keyval != GDK_KEY_Down && keyval != GDK_KEY_KP_Down) ||
      (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK)) != 0 ||
      self->selection == NULL || g_list_model_get_n_items (G_LIST_MODEL (self->selection)) == 0)
    return FALSE;
  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", 0);
  gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
  return TRUE;
}

/* Tab leaves the list in one step instead of walking through every case
 * (arrows move within it): forward to the next pane of the window, back to
 * the search. */
static gboolean
list_key_cb (GtkEventControllerKey *controller,
             guint                  keyval,
             guint                  keycode,
             GdkModifierType        state,
             HepCaseBrowser        *self)
{
  if (keyval != GDK_KEY_Tab && keyval != GDK_KEY_ISO_Left_Tab && keyval != GDK_KEY_KP_Tab)
    return FALSE;
  if ((state & GDK_SHIFT_MASK) || keyval == GDK_KEY_ISO_Left_Tab)
    gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  else
    gtk_widget_activate_action (GTK_WIDGET (self), "win.focus-next-pane", NULL);
  return TRUE;
}

/* Return (or a double click) on a case opens it, even the selected one. */
static void
list_activate_cb (GtkListView    *list,
                  guint           position,
                  HepCaseBrowser *self)
{
  g_autoptr(HepCase) c = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  if (c == NULL)
    return;
  if (gtk_single_selection_get_selected (self->selection) != position)
    gtk_single_selection_set_selected (self->selection, position);
  else
    g_signal_emit (self, signals[SIGNAL_CASE_SELECTED], 0, c);
}

static void
selection_changed_cb (GtkSingleSelection *selection,
                      GParamSpec         *pspec,
                      HepCaseBrowser     *self)
{
  HepCase *c = gtk_single_selection_get_selected_item (selection);

  /* a filter change moves the selection; only the user's choice opens a case */
  if (self->refiltering || c == NULL)
    return;
  g_signal_emit (self, signals[SIGNAL_CASE_SELECTED], 0, c);
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              HepCaseBrowser           *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  /* GtkInscription, made for list rows: sized in characters, its text is
   * laid out once, when drawn, not for every size request */
  GtkWidget *title = gtk_inscription_new (NULL);
  GtkWidget *subtitle = gtk_inscription_new (NULL);

  gtk_inscription_set_xalign (GTK_INSCRIPTION (title), 0);
  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (title), GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_inscription_set_xalign (GTK_INSCRIPTION (subtitle), 0);
  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (subtitle), GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), subtitle);
  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  gtk_list_item_set_child (item, box);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             HepCaseBrowser           *self)
{
  HepCase *c = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *title = gtk_widget_get_first_child (box);
  GtkWidget *subtitle = gtk_widget_get_next_sibling (title);
  g_autofree char *sub = NULL;
  g_autofree char *unknown_title = NULL;
  HepSex sex = hep_case_get_sex (c);

  if (self->unknown && hep_case_is_spoiler (c, "title"))
    {
      unknown_title = g_strdup_printf (_("%d-year-old %s, %d mm"), hep_case_get_age (c),
                                       sex == HEP_SEX_F ? _("woman") : sex == HEP_SEX_M ? _("man") : _("patient"),
                                       hep_case_get_size (c));
      gtk_inscription_set_text (GTK_INSCRIPTION (title), unknown_title);
    }
  else
    gtk_inscription_set_text (GTK_INSCRIPTION (title), hep_case_get_title (c));

  if (self->unknown)
    sub = g_strdup_printf (_("Difficulty %d of 5"), hep_case_get_difficulty (c));
  else
    {
      GString *s = g_string_new (hep_case_diagnosis_get_label (hep_case_get_diagnosis (c)));

      if (hep_case_get_lirads (c) != HEP_LIRADS_NA)
        g_string_append_printf (s, " · %s", hep_lirads_category_to_string (hep_case_get_lirads (c)));
      if (hep_case_get_origin (c) == HEP_CASE_ORIGIN_USER)
        g_string_append_printf (s, " · %s", _("your case"));
      sub = g_string_free (s, FALSE);
    }
  gtk_inscription_set_text (GTK_INSCRIPTION (subtitle), sub);
  hep_lazy_tooltip_set (box, self->unknown ? NULL : hep_case_get_title (c));
  gtk_accessible_update_property (GTK_ACCESSIBLE (box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, gtk_inscription_get_text (GTK_INSCRIPTION (title)),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, sub,
                                  -1);
}

/* Each filter starts with its "All …" entry, which the first frame
 * shows; the choices follow after that frame. The tags come from the
 * store. */
static GtkStringList *
filter_model_new (HepChoiceButton *filter,
                  const char      *all)
{
  const char *strings[] = { all, NULL };
  GtkStringList *model = gtk_string_list_new (strings);

  hep_choice_button_set_model (filter, G_LIST_MODEL (model));
  hep_choice_button_set_selected (filter, 0);
  return model;
}

static void
fill_tag_choices (HepCaseBrowser *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->tag_choices));

  gtk_string_list_splice (self->tag_choices, 1, n - 1, (const char * const *) self->tags);
}

/* The list view of GTK 4.8 makes a row for each of the first 200 items
 * before it knows its height; until the first frame it sees a screenful
 * (hep_case_browser_set_first_rows; 20 rows fill the sidebar of a
 * maximized window on a 1080p screen). Each row costs about 1.4 M
 * instructions before the first frame (a case loaded from SQLite, its
 * widgets, text and paint). */
#define FIRST_PAGE_SIZE 20

static void select_position (HepCaseBrowser *self, guint position);

static void
show_all_rows (HepCaseBrowser *self)
{
  if (self->first_page != NULL)
    gtk_slice_list_model_set_size (self->first_page, G_MAXUINT);
}

static void
first_frame_done_cb (GtkWidget *widget)
{
  HepCaseBrowser *self = HEP_CASE_BROWSER (widget);
  g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);

  if (self->first_frame_done)
    return;
  self->first_frame_done = TRUE;
  show_all_rows (self);
  if (self->pending_select != G_MAXUINT)
    {
      guint position = self->pending_select;

      self->pending_select = G_MAXUINT;
      select_position (self, position);
    }

  for (guint i = 0; i < HEP_N_DDX; i++)
    g_ptr_array_add (strings, g_strdup (hep_ddx_diagnosis_get_label ((HepDdxDiagnosis) i)));
  g_ptr_array_add (strings, NULL);
  gtk_string_list_splice (self->diagnoses, 1, 0, (const char * const *) strings->pdata);

  g_ptr_array_set_size (strings, 0);
  for (guint i = 0; i < G_N_ELEMENTS (lirads_choices); i++)
    g_ptr_array_add (strings, g_strdup (lirads_choices[i] == HEP_LIRADS_NA
                                        ? _("LI-RADS not applicable")
                                        : hep_lirads_category_to_string (lirads_choices[i])));
  g_ptr_array_add (strings, NULL);
  gtk_string_list_splice (self->categories, 1, 0, (const char * const *) strings->pdata);

  g_ptr_array_set_size (strings, 0);
  for (int d = 1; d <= 5; d++)
    g_ptr_array_add (strings, g_strdup_printf (_("Difficulty %d"), d));
  g_ptr_array_add (strings, NULL);
  gtk_string_list_splice (self->difficulties, 1, 0, (const char * const *) strings->pdata);

  fill_tag_choices (self);
}

static void
hep_case_browser_map (GtkWidget *widget)
{
  HepCaseBrowser *self = HEP_CASE_BROWSER (widget);

  GTK_WIDGET_CLASS (hep_case_browser_parent_class)->map (widget);
  if (!self->first_frame_done)
    {
      HepStartupQueue *queue = hep_startup_queue_get (widget);

      if (hep_startup_queue_get_first_frame_done (queue))
        first_frame_done_cb (widget);
      else
        hep_startup_queue_add (queue, widget, first_frame_done_cb);
    }
}

static void
scroll_now (gpointer user_data)
{
  HepCaseBrowser *self = user_data;

  self->scroll_idle_id = 0;
  if (self->scroll_to != G_MAXUINT)
    /* GtkListBase's action; gtk_list_view_scroll_to () needs GTK 4.12 */
    gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", self->scroll_to);
  self->scroll_to = G_MAXUINT;
}

/* The list view can scroll only once it has a size: until then the row is
 * remembered, and scrolled to after the list is mapped. */
static void
scroll_to_row (HepCaseBrowser *self,
               guint           position)
{
  self->scroll_to = position;
  if (gtk_widget_get_mapped (GTK_WIDGET (self->list_view)) && self->scroll_idle_id == 0)
    self->scroll_idle_id = g_idle_add_once (scroll_now, self);
}

static void
list_mapped_cb (GtkWidget      *list,
                HepCaseBrowser *self)
{
  if (self->scroll_to != G_MAXUINT && self->scroll_idle_id == 0)
    self->scroll_idle_id = g_idle_add_once (scroll_now, self);
}

static void
hep_case_browser_dispose (GObject *object)
{
  HepCaseBrowser *self = HEP_CASE_BROWSER (object);

  if (self->list_view != NULL)
    gtk_list_view_set_model (self->list_view, NULL);
  g_clear_handle_id (&self->scroll_idle_id, g_source_remove);
  g_clear_object (&self->selection);
  g_clear_object (&self->first_page);
  g_clear_object (&self->store);
  g_clear_pointer (&self->tags, g_strfreev);
  g_clear_object (&self->diagnoses);
  g_clear_object (&self->categories);
  g_clear_object (&self->tag_choices);
  g_clear_object (&self->difficulties);
  gtk_widget_dispose_template (GTK_WIDGET (self), HEP_TYPE_CASE_BROWSER);
  G_OBJECT_CLASS (hep_case_browser_parent_class)->dispose (object);
}

static void
hep_case_browser_class_init (HepCaseBrowserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hep_case_browser_dispose;

  signals[SIGNAL_CASE_SELECTED] =
    g_signal_new ("case-selected", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, HEP_TYPE_CASE);

  g_type_ensure (HEP_TYPE_CHOICE_BUTTON);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/hep-case-browser.ui");
  gtk_widget_class_bind_template_child (widget_class, HepCaseBrowser, search_entry);
  gtk_widget_class_bind_template_child (widget_class, HepCaseBrowser, diagnosis_filter);
  gtk_widget_class_bind_template_child (widget_class, HepCaseBrowser, lirads_filter);
  gtk_widget_class_bind_template_child (widget_class, HepCaseBrowser, tag_filter);
  gtk_widget_class_bind_template_child (widget_class, HepCaseBrowser, difficulty_filter);
  gtk_widget_class_bind_template_child (widget_class, HepCaseBrowser, list_stack);
  gtk_widget_class_bind_template_child (widget_class, HepCaseBrowser, list_view);
  gtk_widget_class_bind_template_child (widget_class, HepCaseBrowser, empty_page);
  widget_class->map = hep_case_browser_map;
  gtk_widget_class_set_css_name (widget_class, "casebrowser");
}

static void
hep_case_browser_init (HepCaseBrowser *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->scroll_to = G_MAXUINT;
  self->first_rows = FIRST_PAGE_SIZE;
  self->pending_select = G_MAXUINT;
  g_signal_connect (self->list_view, "map", G_CALLBACK (list_mapped_cb), self);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);

  self->diagnoses = filter_model_new (self->diagnosis_filter, _("All diagnoses"));
  self->categories = filter_model_new (self->lirads_filter, _("All categories"));
  self->tag_choices = filter_model_new (self->tag_filter, _("All tags"));
  self->difficulties = filter_model_new (self->difficulty_filter, _("Any difficulty"));
  g_signal_connect (self->search_entry, "search-changed", G_CALLBACK (search_changed_cb), self);
  g_signal_connect (self->search_entry, "activate", G_CALLBACK (search_activate_cb), self);
  g_signal_connect (self->list_view, "activate", G_CALLBACK (list_activate_cb), self);
  {
    GtkEventController *keys = gtk_event_controller_key_new ();

    g_signal_connect (keys, "key-pressed", G_CALLBACK (search_key_cb), self);
    gtk_widget_add_controller (GTK_WIDGET (self->search_entry), keys);
    keys = gtk_event_controller_key_new ();
    gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
    g_signal_connect (keys, "key-pressed", G_CALLBACK (list_key_cb), self);
    gtk_widget_add_controller (GTK_WIDGET (self->list_view), keys);
  }
  g_signal_connect (self->diagnosis_filter, "notify::selected", G_CALLBACK (filter_changed_cb), self);
  g_signal_connect (self->lirads_filter, "notify::selected", G_CALLBACK (filter_changed_cb), self);
  g_signal_connect (self->tag_filter, "notify::selected", G_CALLBACK (filter_changed_cb), self);
  g_signal_connect (self->difficulty_filter, "notify::selected", G_CALLBACK (filter_changed_cb), self);
}

void
hep_case_browser_set_store (HepCaseBrowser *self,
                            HepCaseStore   *store)
{
  g_return_if_fail (HEP_IS_CASE_BROWSER (self));

  if (!g_set_object (&self->store, store))
    return;

  g_clear_object (&self->selection);
  g_clear_object (&self->first_page);
  g_clear_pointer (&self->tags, g_strfreev);
  if (store != NULL)
    {
      self->tags = hep_case_store_list_tags (store, NULL);
      self->first_page = gtk_slice_list_model_new (G_LIST_MODEL (g_object_ref (store)), 0,
                                                   self->first_frame_done ? G_MAXUINT : self->first_rows);
      self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->first_page)));
      gtk_single_selection_set_autoselect (self->selection, FALSE);
      gtk_single_selection_set_can_unselect (self->selection, TRUE);
      gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
      g_signal_connect (self->selection, "notify::selected", G_CALLBACK (selection_changed_cb), self);
    }
  if (self->first_frame_done)
    fill_tag_choices (self);
  /* filter before the list view sees the model: a reload after would
   * re-create every row it has made */
  refilter (self);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
}

/* How many cases the list shows until the window's first frame: a
 * screenful. Call before hep_case_browser_set_store(). */
void
hep_case_browser_set_first_rows (HepCaseBrowser *self,
                                 guint           rows)
{
  g_return_if_fail (HEP_IS_CASE_BROWSER (self));
  self->first_rows = MAX (rows, 1);
}

void
hep_case_browser_set_unknown (HepCaseBrowser *self,
                              gboolean        unknown)
{
  g_return_if_fail (HEP_IS_CASE_BROWSER (self));

  unknown = !!unknown;
  if (self->unknown == unknown)
    return;
  self->unknown = unknown;

  /* the filters on what the mode hides go away while it hides it */
  gtk_widget_set_visible (GTK_WIDGET (self->diagnosis_filter), !unknown);
  gtk_widget_set_visible (GTK_WIDGET (self->lirads_filter), !unknown);
  gtk_widget_set_visible (GTK_WIDGET (self->tag_filter), !unknown);
  if (self->store == NULL)
    return;

  /* a search or one of those filters gives another list: ask the store
   * again; otherwise the list is the same, and only its rows change */
  if (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))[0] != '\0' ||
      hep_choice_button_get_selected (self->diagnosis_filter) > 0 ||
      hep_choice_button_get_selected (self->lirads_filter) > 0 ||
      hep_choice_button_get_selected (self->tag_filter) > 0)
    refilter (self);
  else
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (self->selection));
      g_list_model_items_changed (G_LIST_MODEL (self->selection), 0, n, n);
    }
}

gboolean
hep_case_browser_select (HepCaseBrowser *self,
                         const char     *id)
{
  guint position;

  g_return_val_if_fail (HEP_IS_CASE_BROWSER (self), FALSE);

  self->pending_select = G_MAXUINT;
  if (self->store == NULL)
    return FALSE;
  if (id == NULL || !hep_case_store_find_position (self->store, id, &position))
    {
      gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
      return FALSE;
    }
  /* a case past the first page is shown selected after the first frame:
   * the list has only its first page until then, and the row is not in
   * view anyway */
  if (!self->first_frame_done && position >= g_list_model_get_n_items (G_LIST_MODEL (self->first_page)))
    {
      gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
      self->pending_select = position;
      return TRUE;
    }
  select_position (self, position);
  return TRUE;
}

HepCase *
hep_case_browser_get_neighbour (HepCaseBrowser *self,
                                int             offset)
{
  guint n, selected;
  gint64 target;

  g_return_val_if_fail (HEP_IS_CASE_BROWSER (self), NULL);

  if (self->store == NULL || (n = g_list_model_get_n_items (G_LIST_MODEL (self->store))) == 0)
    return NULL;
  selected = self->pending_select != G_MAXUINT ? self->pending_select
                                              : gtk_single_selection_get_selected (self->selection);
  if (selected == GTK_INVALID_LIST_POSITION)
    target = offset > 0 ? 0 : (gint64) n - 1;
  else
    target = (gint64) selected + offset;
  if (target < 0 || target >= n)
    return NULL;
  return g_list_model_get_item (G_LIST_MODEL (self->store), (guint) target);
}

/* Selects the row at @position (of the store) without opening it, and
 * scrolls to it. */
static void
select_position (HepCaseBrowser *self,
                 guint           position)
{
  if (position >= g_list_model_get_n_items (G_LIST_MODEL (self->first_page)))
    show_all_rows (self);
  self->refiltering = TRUE;   /* selecting from code opens nothing */
  gtk_single_selection_set_selected (self->selection, position);
  self->refiltering = FALSE;
  scroll_to_row (self, position);
}

void
hep_case_browser_focus_search (HepCaseBrowser *self)
{
  g_return_if_fail (HEP_IS_CASE_BROWSER (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}
