/* hep-feature-panel.c
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Rows are generated from the core's vocabulary table, so a feature added
 * there appears here without UI code. The panel groups below follow how a
 * reader works through a study, and put the LI-RADS LR-M and ancillary
 * features together as the LI-RADS algorithm uses them.
 */

#include "config.h"

#include "hep-feature-panel.h"

#include "hep-choice-button.h"
#include "hep-lazy-tooltip.h"
#include "hep-startup-queue.h"
#include "hep-text-row.h"

#include <glib/gi18n.h>

typedef enum {
  PANEL_CONTEXT,
  PANEL_SIZE,
  PANEL_ARTERIAL,
  PANEL_LATER,
  PANEL_SEQUENCES,
  PANEL_LRM,
  PANEL_ANCILLARY,
  PANEL_FINDINGS,
  PANEL_JUDGMENT,
  N_PANEL_GROUPS
} PanelGroup;

static const struct {
  const char *title;
  const char *description;
} panel_groups[N_PANEL_GROUPS] = {
  { N_("Clinical Context"), NULL },
  { N_("Size and Growth"), NULL },
  { N_("Arterial Phase"), NULL },
  { N_("Later Phases"), NULL },
  { N_("Other Sequences"), NULL },
  { N_("LR-M Features"), N_("Rim APHE, targetoid diffusion and a targetoid hepatobiliary phase are LR-M features too; set them in their own rows.") },
  { N_("Ancillary Features"), N_("Restricted diffusion, T2 and hepatobiliary signal, subthreshold growth and size stability count as ancillary features as well.") },
  { N_("Other Findings"), NULL },
  { N_("Reader Judgments"), NULL },
};

/* The rows that fill the panel's height are built before the window's
 * first frame; the rest after it, a group's worth per idle, in order
 * (hep-startup-queue.h). The height is estimated from these, in pixels: */
#define GROUP_HEADER_HEIGHT 60   /* a group title and the space above it */
#define ROW_HEIGHT          54   /* a switch, number or choice row */
#define DEFAULT_FIRST_HEIGHT 720 /* when the window does not say */
#define ROWS_PER_IDLE        8

static PanelGroup
panel_group_for (HepFeature feature)
{
  switch (feature)
    {
    case HEP_FEATURE_CORONA:
      return PANEL_ARTERIAL;
    case HEP_FEATURE_PERIPHERAL_WASHOUT:
    case HEP_FEATURE_DELAYED_CENTRAL_ENHANCEMENT:
    case HEP_FEATURE_INFILTRATIVE:
    case HEP_FEATURE_NECROSIS:
    case HEP_FEATURE_OTHER_NON_HCC:
      return PANEL_LRM;
    case HEP_FEATURE_NONENHANCING_CAPSULE:
    case HEP_FEATURE_FAT_IN_MASS:
    case HEP_FEATURE_FAT_SPARING:
    case HEP_FEATURE_IRON_IN_MASS:
    case HEP_FEATURE_IRON_SPARING:
    case HEP_FEATURE_BLOOD_PRODUCTS:
    case HEP_FEATURE_US_VISIBLE:
    case HEP_FEATURE_NODULE_IN_NODULE:
    case HEP_FEATURE_MOSAIC:
    case HEP_FEATURE_UNDISTORTED_VESSELS:
      return PANEL_ANCILLARY;
    default:
      break;
    }

  switch (hep_feature_get_group (feature))
    {
    case HEP_FEATURE_GROUP_CONTEXT:   return PANEL_CONTEXT;
    case HEP_FEATURE_GROUP_SIZE:      return PANEL_SIZE;
    case HEP_FEATURE_GROUP_ARTERIAL:  return PANEL_ARTERIAL;
    case HEP_FEATURE_GROUP_LATER:     return PANEL_LATER;
    case HEP_FEATURE_GROUP_SEQUENCES: return PANEL_SEQUENCES;
    case HEP_FEATURE_GROUP_FINDINGS:  return PANEL_FINDINGS;
    case HEP_FEATURE_GROUP_JUDGMENT:  return PANEL_JUDGMENT;
    case HEP_N_FEATURE_GROUPS:
    default:                          g_return_val_if_reached (PANEL_FINDINGS);
    }
}

struct _HepFeaturePanel
{
  AdwBin           parent_instance;

  /* Owned */
  HepFeatureState *state;

  /* Borrowed: the page and its children; rows not built yet are NULL */
  GtkWidget       *page;
  GtkWidget       *lists[N_PANEL_GROUPS];   /* each group's boxed list */
  HepFeature       order[HEP_N_FEATURES];   /* the features in panel order */
  guint            n_built;                 /* rows built, in that order */
  GtkWidget       *rows[HEP_N_FEATURES];
  GtkWidget       *editors[HEP_N_FEATURES];
  int              shown[HEP_N_FEATURES];   /* value each editor shows, or NOT_SHOWN */
  gboolean         changed[HEP_N_FEATURES]; /* row marked as changed */
  gboolean         syncing;
};

enum {
  PROP_0,
  PROP_STATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define NOT_SHOWN G_MININT

G_DEFINE_FINAL_TYPE (HepFeaturePanel, hep_feature_panel, ADW_TYPE_BIN)

static HepFeature
editor_feature (GtkWidget *editor)
{
  return (HepFeature) GPOINTER_TO_INT (g_object_get_data (G_OBJECT (editor), "hep-feature"));
}

static void
switch_active_cb (GtkSwitch       *sw,
                  GParamSpec      *pspec,
                  HepFeaturePanel *self)
{
  if (self->syncing || self->state == NULL)
    return;
  hep_feature_state_set_value (self->state, editor_feature (GTK_WIDGET (sw)), gtk_switch_get_active (sw));
}

static void
choice_selected_cb (HepChoiceButton *button,
                    GParamSpec      *pspec,
                    HepFeaturePanel *self)
{
  guint selected = hep_choice_button_get_selected (button);

  if (self->syncing || self->state == NULL || selected == GTK_INVALID_LIST_POSITION)
    return;
  hep_feature_state_set_value (self->state, editor_feature (GTK_WIDGET (button)), (int) selected);
}

static void
spin_value_cb (GtkSpinButton   *spin,
               HepFeaturePanel *self)
{
  int v = gtk_spin_button_get_value_as_int (spin);

  if (self->syncing || self->state == NULL)
    return;
  hep_feature_state_set_value (self->state, editor_feature (GTK_WIDGET (spin)), v < 0 ? HEP_FEATURE_UNSET : v);
}

/* Shows "–" for "not given" (-1). */
static gboolean
spin_output_cb (GtkSpinButton *spin,
                gpointer       user_data)
{
  int v = gtk_spin_button_get_value_as_int (spin);
  g_autofree char *text = v < 0 ? g_strdup ("–") : g_strdup_printf ("%d", v);

  if (!g_str_equal (text, gtk_editable_get_text (GTK_EDITABLE (spin))))
    gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

static int
spin_input_cb (GtkSpinButton *spin,
               double        *new_value,
               gpointer       user_data)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (spin));
  gint64 v;

  if (text[0] == '\0' || g_str_equal (text, "–") || g_str_equal (text, "-"))
    {
      *new_value = -1;
      return TRUE;
    }
  if (!g_ascii_string_to_signed (text, 10, -1, 300, &v, NULL))
    return GTK_INPUT_ERROR;
  *new_value = (double) v;
  return TRUE;
}

/* A switch is the activatable widget of its HepTextRow, which already
 * labels it with the row title (labelled-by); setting a label as well would
 * make screen readers say the name twice. Spin buttons are not labelled by
 * their row, and a choice button is named by its row's title and its value. */
static void
set_accessible_text (GtkWidget  *widget,
                     HepFeature  feature)
{
  if (GTK_IS_SPIN_BUTTON (widget))
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, hep_feature_get_label (feature),
                                    -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, hep_feature_get_description (feature),
                                  -1);
}

static GtkWidget *
build_row (HepFeaturePanel *self,
           HepFeature       feature)
{
  g_autofree char *name = g_strconcat ("feature-", hep_feature_get_token (feature), NULL);
  GtkWidget *row = NULL;
  GtkWidget *editor = NULL;

  switch (hep_feature_get_kind (feature))
    {
    case HEP_FEATURE_KIND_FLAG:
      row = hep_text_row_new (hep_feature_get_label (feature), NULL);
      editor = gtk_switch_new ();
      hep_text_row_add_suffix (HEP_TEXT_ROW (row), editor);
      hep_text_row_set_activatable_widget (HEP_TEXT_ROW (row), editor);
      g_signal_connect_object (editor, "notify::active", G_CALLBACK (switch_active_cb), self, 0);
      break;

    case HEP_FEATURE_KIND_CHOICE:
      {
        g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);

        gtk_string_list_append (model, C_("feature value", "Not given"));
        for (guint c = 1; c <= hep_feature_get_n_choices (feature); c++)
          gtk_string_list_append (model, hep_feature_get_choice_label (feature, (int) c));
        /* not an AdwComboRow: it makes its popover and list view at once */
        row = hep_text_row_new (hep_feature_get_label (feature), NULL);
        editor = hep_choice_button_new (G_LIST_MODEL (model));
        hep_choice_button_add_to_row (HEP_CHOICE_BUTTON (editor), HEP_TEXT_ROW (row));
        g_signal_connect_object (editor, "notify::selected", G_CALLBACK (choice_selected_cb), self, 0);
      }
      break;

    case HEP_FEATURE_KIND_INT:
      {
        int min, max;

        hep_feature_get_range (feature, &min, &max);
        row = hep_text_row_new (hep_feature_get_label (feature), NULL);
        editor = gtk_spin_button_new_with_range (-1, max, 1);
        gtk_spin_button_set_value (GTK_SPIN_BUTTON (editor), -1);
        gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (editor), FALSE);
        gtk_editable_set_width_chars (GTK_EDITABLE (editor), 4);
        hep_lazy_tooltip_set (editor, _("Lower it below zero to mark it not given"));
        hep_text_row_add_suffix (HEP_TEXT_ROW (row), editor);
        g_signal_connect (editor, "output", G_CALLBACK (spin_output_cb), NULL);
        g_signal_connect (editor, "input", G_CALLBACK (spin_input_cb), NULL);
        g_signal_connect_object (editor, "value-changed", G_CALLBACK (spin_value_cb), self, 0);
        if (feature == HEP_FEATURE_SIZE)
          hep_text_row_set_subtitle (HEP_TEXT_ROW (row), _("mm"));
        else if (feature == HEP_FEATURE_AGE)
          hep_text_row_set_subtitle (HEP_TEXT_ROW (row), _("years"));
      }
      break;

    default:
      g_assert_not_reached ();
    }

  hep_lazy_tooltip_set (row, hep_feature_get_description (feature));
  gtk_widget_set_name (editor, name);
  g_object_set_data (G_OBJECT (editor), "hep-feature", GINT_TO_POINTER (feature));
  set_accessible_text (editor, feature);

  self->rows[feature] = row;
  self->editors[feature] = editor;
  return row;
}

/* Puts the state's values into the editors, and marks rows that differ
 * from the case. */
static void
sync_from_state (HepFeaturePanel *self)
{
  const HepFeatureSet *fs, *base;

  if (self->state == NULL)
    return;
  fs = hep_feature_state_get_features (self->state);
  base = hep_feature_state_get_base (self->state);

  self->syncing = TRUE;
  for (guint i = 0; i < HEP_N_FEATURES; i++)
    {
      HepFeature f = (HepFeature) i;
      int v = hep_feature_set_get (fs, f);
      gboolean changed = v != hep_feature_set_get (base, f);
      GtkWidget *editor = self->editors[f];

      /* touch only what differs: setting 49 editors costs a relayout */
      if (editor == NULL || (self->shown[f] == v && self->changed[f] == changed))
        continue;
      self->shown[f] = v;
      self->changed[f] = changed;

      switch (hep_feature_get_kind (f))
        {
        case HEP_FEATURE_KIND_FLAG:
          gtk_switch_set_active (GTK_SWITCH (editor), v != 0);
          break;
        case HEP_FEATURE_KIND_CHOICE:
          hep_choice_button_set_selected (HEP_CHOICE_BUTTON (editor), (guint) v);
          break;
        case HEP_FEATURE_KIND_INT:
          gtk_spin_button_set_value (GTK_SPIN_BUTTON (editor), v == HEP_FEATURE_UNSET ? -1 : v);
          break;
        default:
          g_assert_not_reached ();
        }

      if (changed)
        gtk_widget_add_css_class (self->rows[f], "changed");
      else
        gtk_widget_remove_css_class (self->rows[f], "changed");
    }
  /* the known primary counts only with a known malignancy (§5.3a): its row
   * waits for it, unless a value is set that the user may want to clear */
  if (self->rows[HEP_FEATURE_PRIMARY] != NULL)
    gtk_widget_set_sensitive (self->rows[HEP_FEATURE_PRIMARY],
                              hep_feature_set_has (fs, HEP_FEATURE_KNOWN_MALIGNANCY) ||
                              hep_feature_set_is_set (fs, HEP_FEATURE_PRIMARY));
  self->syncing = FALSE;
}

static void
state_features_cb (HepFeatureState *state,
                   GParamSpec      *pspec,
                   HepFeaturePanel *self)
{
  sync_from_state (self);
}

/* Builds the next @n rows in panel order, each group as its first row
 * comes, with the editors showing the state. */
static void
build_rows (HepFeaturePanel *self,
            guint            n)
{
  guint end = MIN (self->n_built + n, HEP_N_FEATURES);

  if (self->n_built >= end)
    return;
  for (; self->n_built < end; self->n_built++)
    {
      HepFeature f = self->order[self->n_built];
      PanelGroup g = panel_group_for (f);

      if (self->lists[g] == NULL)
        {
          GtkWidget *group = adw_preferences_group_new ();

          adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _(panel_groups[g].title));
          if (panel_groups[g].description != NULL)
            adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), _(panel_groups[g].description));
          /* a boxed list of our own: the group puts only AdwPreferencesRows in its own */
          self->lists[g] = gtk_list_box_new ();
          gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->lists[g]), GTK_SELECTION_NONE);
          gtk_widget_add_css_class (self->lists[g], "boxed-list");
          gtk_accessible_update_property (GTK_ACCESSIBLE (self->lists[g]),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL, _(panel_groups[g].title), -1);
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->lists[g]);
          adw_preferences_page_add (ADW_PREFERENCES_PAGE (self->page), ADW_PREFERENCES_GROUP (group));
        }
      gtk_list_box_append (GTK_LIST_BOX (self->lists[g]), build_row (self, f));
    }
  sync_from_state (self);
}

/* How many rows, from the first, fill @height. */
static guint
rows_for_height (HepFeaturePanel *self,
                 int              height)
{
  int y = 0;
  guint n = 0;

  for (; n < HEP_N_FEATURES && y < height; n++)
    {
      if (n == 0 || panel_group_for (self->order[n]) != panel_group_for (self->order[n - 1]))
        y += GROUP_HEADER_HEIGHT;
      y += ROW_HEIGHT;
    }
  return n;
}

static void
build_more (GtkWidget *widget)
{
  HepFeaturePanel *self = HEP_FEATURE_PANEL (widget);

  build_rows (self, ROWS_PER_IDLE);
  if (self->n_built < HEP_N_FEATURES)
    hep_startup_queue_add (hep_startup_queue_get (widget), widget, build_more);
}

static void
hep_feature_panel_map (GtkWidget *widget)
{
  HepFeaturePanel *self = HEP_FEATURE_PANEL (widget);
  HepStartupQueue *queue;

  GTK_WIDGET_CLASS (hep_feature_panel_parent_class)->map (widget);
  if (self->n_built == 0)
    hep_feature_panel_set_first_height (self, DEFAULT_FIRST_HEIGHT);
  if (self->n_built == HEP_N_FEATURES)
    return;
  queue = hep_startup_queue_get (widget);
  if (hep_startup_queue_get_first_frame_done (queue))
    build_rows (self, HEP_N_FEATURES);
  else
    hep_startup_queue_add (queue, widget, build_more);
}

static void
hep_feature_panel_dispose (GObject *object)
{
  HepFeaturePanel *self = HEP_FEATURE_PANEL (object);

  if (self->state != NULL)
    g_signal_handlers_disconnect_by_data (self->state, self);
  g_clear_object (&self->state);
  G_OBJECT_CLASS (hep_feature_panel_parent_class)->dispose (object);
}

static void
hep_feature_panel_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  HepFeaturePanel *self = HEP_FEATURE_PANEL (object);

  switch (prop_id)
    {
    case PROP_STATE:
      g_value_set_object (value, self->state);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hep_feature_panel_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  HepFeaturePanel *self = HEP_FEATURE_PANEL (object);

  switch (prop_id)
    {
    case PROP_STATE:
      hep_feature_panel_set_state (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hep_feature_panel_class_init (HepFeaturePanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = hep_feature_panel_dispose;
  object_class->get_property = hep_feature_panel_get_property;
  object_class->set_property = hep_feature_panel_set_property;

  properties[PROP_STATE] =
    g_param_spec_object ("state", NULL, NULL, HEP_TYPE_FEATURE_STATE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  GTK_WIDGET_CLASS (klass)->map = hep_feature_panel_map;
  gtk_widget_class_set_css_name (GTK_WIDGET_CLASS (klass), "featurepanel");
}

static void
hep_feature_panel_init (HepFeaturePanel *self)
{
  for (guint i = 0; i < HEP_N_FEATURES; i++)
    self->shown[i] = NOT_SHOWN;
  guint n = 0;

  for (guint g = 0; g < N_PANEL_GROUPS; g++)
    for (guint i = 0; i < HEP_N_FEATURES; i++)
      if (panel_group_for ((HepFeature) i) == g)
        self->order[n++] = (HepFeature) i;
  g_assert (n == HEP_N_FEATURES);
  self->page = adw_preferences_page_new ();
  adw_bin_set_child (ADW_BIN (self), self->page);
}

/* The height the panel will have on screen: it builds the rows that fill
 * it now, and the rest after the window's first frame. Without this call
 * it fills DEFAULT_FIRST_HEIGHT when it is mapped. */
void
hep_feature_panel_set_first_height (HepFeaturePanel *self,
                                    int              height)
{
  guint n;

  g_return_if_fail (HEP_IS_FEATURE_PANEL (self));
  n = rows_for_height (self, height);
  if (n > self->n_built)
    build_rows (self, n - self->n_built);
}

GtkWidget *
hep_feature_panel_new (HepFeatureState *state)
{
  return g_object_new (HEP_TYPE_FEATURE_PANEL, "state", state, NULL);
}

HepFeatureState *
hep_feature_panel_get_state (HepFeaturePanel *self)
{
  g_return_val_if_fail (HEP_IS_FEATURE_PANEL (self), NULL);
  return self->state;
}

void
hep_feature_panel_set_state (HepFeaturePanel *self,
                             HepFeatureState *state)
{
  g_return_if_fail (HEP_IS_FEATURE_PANEL (self));
  g_return_if_fail (state == NULL || HEP_IS_FEATURE_STATE (state));

  if (self->state == state)
    return;
  if (self->state != NULL)
    g_signal_handlers_disconnect_by_data (self->state, self);
  g_set_object (&self->state, state);
  for (guint i = 0; i < HEP_N_FEATURES; i++)
    self->shown[i] = NOT_SHOWN;
  if (state != NULL)
    {
      g_signal_connect (state, "notify::features", G_CALLBACK (state_features_cb), self);
      g_signal_connect (state, "notify::base", G_CALLBACK (state_features_cb), self);
      sync_from_state (self);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

GtkWidget *
hep_feature_panel_get_editor (HepFeaturePanel *self,
                              HepFeature       feature)
{
  g_return_val_if_fail (HEP_IS_FEATURE_PANEL (self), NULL);
  g_return_val_if_fail ((guint) feature < HEP_N_FEATURES, NULL);
  while (self->editors[feature] == NULL)
    build_rows (self, 1);
  return self->editors[feature];
}
