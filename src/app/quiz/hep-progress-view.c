/* hep-progress-view.c: the window's Progress page: statistics and mistakes
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The statistics come from the core, as `hepatica-cli quiz stats` prints
 * them (hep_quiz_stats_load, in days of the local time zone at the time
 * they are read, hep_quiz_stats_utc_offset), and each plot is a HepPlotView
 * in a card with its text on demand and an export menu. The page reads the
 * review log again each time it is shown (map): an answer given on the Quiz
 * page, or by the command line, is there when the learner comes back.
 */

#include "config.h"

#include "hep-progress-view.h"

#include <glib/gi18n.h>
#include <math.h>

#include "hep-application.h"
#include "hep-diagram-render.h"

struct _HepProgressView
{
  AdwBin           parent_instance;

  GtkStack        *content_stack;
  GtkStack        *sections;
  GtkWidget       *headline_box;
  GtkWidget       *plots_box;     /* rows of plots: layout[] */
  HepMistakesList *mistakes_list;
  GtkWidget       *start_button;
  AdwStatusPage   *empty_page;

  GtkLabel        *headline_values[4];
  GtkLabel        *headline_notes[4];
  HepPlotView     *plots[HEP_N_QUIZ_PLOTS];
  HepQuizStats    *stats;
};

G_DEFINE_FINAL_TYPE (HepProgressView, hep_progress_view, ADW_TYPE_BIN)

/* The page's layout: how it goes, where it goes wrong, what comes next.
 * Rows of one or two columns of the same width, each column one plot or a
 * stack of them, paired so that the columns of a row are about as tall:
 * the confusion matrix beside calibration over retention, and the features
 * (a row each, twenty or more) alone at the full width. -1 ends a list. */
#define END ((HepQuizPlot) -1)
static const HepQuizPlot layout[][2][3] = {
  { { HEP_QUIZ_PLOT_ACCURACY_OVER_TIME, END }, { HEP_QUIZ_PLOT_DUE, END } },
  { { HEP_QUIZ_PLOT_BY_DIAGNOSIS, END }, { HEP_QUIZ_PLOT_BY_LIRADS, END } },
  { { HEP_QUIZ_PLOT_CONFUSION, END }, { HEP_QUIZ_PLOT_CALIBRATION, HEP_QUIZ_PLOT_RETENTION, END } },
  { { HEP_QUIZ_PLOT_BY_FEATURE, END }, { END } },
};

/* what the empty page says */
#define EMPTY_DESCRIPTION N_("Answer a few quiz questions and your progress shows here: accuracy over time, " \
                             "by diagnosis, LI-RADS category and feature, how sure you were against how often " \
                             "you were right, what is due for review, and every mistake with why it was wrong.")

enum { HEADLINE_ANSWERS, HEADLINE_ACCURACY, HEADLINE_DUE, HEADLINE_RETENTION };

static HepCaseStore *
find_store (HepProgressView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkApplication *app = GTK_IS_WINDOW (root) ? gtk_window_get_application (GTK_WINDOW (root)) : NULL;

  return HEP_IS_APPLICATION (app) ? hep_application_get_store (HEP_APPLICATION (app)) : NULL;
}

static char *
percent (const HepQuizTally *tally)
{
  if (tally->n == 0)
    return g_strdup ("–");
  return g_strdup_printf ("%d %%", (int) floor (hep_quiz_tally_rate (tally) * 100 + 0.5));
}

static void
update_headline (HepProgressView *self)
{
  const HepQuizStats *s = self->stats;
  g_autofree char *answers = g_strdup_printf ("%u", s->n_answers);
  g_autofree char *accuracy = percent (&s->all);
  g_autofree char *due = g_strdup_printf ("%u", s->due[0]);
  g_autofree char *retention = percent (&s->retention);
  g_autofree char *right = g_strdup_printf (ngettext ("%u right", "%u right", s->all.n_correct), s->all.n_correct);
  g_autofree char *reviews = g_strdup_printf (ngettext ("of %u review of a learned case", "of %u reviews of learned cases",
                                                        s->retention.n), s->retention.n);
  const char *values[] = { answers, accuracy, due, retention };
  const char *notes[] = {
    s->n_skipped ? _("answers (some unreadable, skipped)") : _("answers"),
    right,
    _("cases and skills due today"),
    s->retention.n ? reviews : _("true retention: no reviews yet"),
  };

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_autofree char *accessible = g_strdup_printf ("%s %s", values[i], notes[i]);

      gtk_label_set_text (self->headline_values[i], values[i]);
      gtk_label_set_text (self->headline_notes[i], notes[i]);
      gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_parent (GTK_WIDGET (self->headline_values[i]))),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
    }
}

void
hep_progress_view_refresh (HepProgressView *self)
{
  HepCaseStore *store;
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) log = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimeZone) local = g_time_zone_new_local ();
  HepQuizStats *stats;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  g_return_if_fail (HEP_IS_PROGRESS_VIEW (self));

  store = find_store (self);
  if (store == NULL)
    return;
  stats = hep_quiz_stats_load (store, now, hep_quiz_stats_utc_offset (local, now), warnings, &log, &error);
  if (stats == NULL)
    {
      /* say so where the numbers would be, not "no answers yet" */
      g_autofree char *description = g_strdup_printf (_("The review log could not be read: %s"), error->message);

      adw_status_page_set_title (self->empty_page, _("Progress Is Not Available"));
      adw_status_page_set_description (self->empty_page, description);
      gtk_widget_set_visible (self->start_button, FALSE);
      gtk_stack_set_visible_child_name (self->content_stack, "empty");
      return;
    }
  adw_status_page_set_title (self->empty_page, _("No Answers Yet"));
  adw_status_page_set_description (self->empty_page, _(EMPTY_DESCRIPTION));
  gtk_widget_set_visible (self->start_button, TRUE);
  /* rows a newer version wrote: counted under the headline, noted here */
  for (guint i = 0; i < warnings->len; i++)
    g_message ("%s", (char *) g_ptr_array_index (warnings, i));

  /* the views borrow the statistics: the new ones first, then the old go */
  for (guint i = 0; i < HEP_N_QUIZ_PLOTS; i++)
    hep_plot_view_set_stats (self->plots[i], stats);
  g_clear_pointer (&self->stats, hep_quiz_stats_free);
  self->stats = stats;
  update_headline (self);
  hep_mistakes_list_set_log (self->mistakes_list, store, log);
  gtk_stack_set_visible_child_name (self->content_stack, stats->n_answers + stats->n_skipped > 0 ? "progress" : "empty");
}

static void
hep_progress_view_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (hep_progress_view_parent_class)->map (widget);
  hep_progress_view_refresh (HEP_PROGRESS_VIEW (widget));
}

/* ---- export ------------------------------------------------------------- */

typedef struct {
  HepProgressView *view;
  HepPlotView     *plot;
} ExportJob;

static void
show_toast (HepProgressView *self,
            const char      *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (message));
  else
    g_message ("%s", message);
}

static void
file_chosen_cb (GtkNativeDialog *chooser,
                int              response,
                ExportJob       *job)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file ? g_file_get_path (file) : NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *message = NULL;

      if (path == NULL)
        message = g_strdup (_("Could not export: the chosen location has no local path"));
      else if (!hep_plot_view_export (job->plot, path, 0, 0, &error))
        message = g_strdup_printf (_("Could not export: %s"), error->message);
      else
        {
          g_autofree char *name = g_file_get_basename (file);

          message = g_strdup_printf (_("Plot exported to “%s”"), name);
        }
      show_toast (job->view, message);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  g_object_unref (job->view);
  g_object_unref (job->plot);
  g_free (job);
}

/* progress.export "PLOT:FORMAT": a file chooser, then the plot in the
 * style shown, at its size on screen. */
static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  HepProgressView *self = HEP_PROGRESS_VIEW (widget);
  const char *target = g_variant_get_string (parameter, NULL);
  g_auto(GStrv) parts = g_strsplit (target, ":", 2);
  g_autofree char *name = NULL;
  GtkFileChooserNative *chooser;
  GtkRoot *root = gtk_widget_get_root (widget);
  HepQuizPlot plot;
  ExportJob *job;

  if (g_strv_length (parts) != 2 || !hep_quiz_plot_from_string (parts[0], &plot) ||
      !(g_str_equal (parts[1], "svg") || g_str_equal (parts[1], "png") || g_str_equal (parts[1], "pdf")))
    {
      g_warning ("progress.export: bad target “%s”", target);
      return;
    }
  chooser = gtk_file_chooser_native_new (_("Export Plot"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  name = g_strdup_printf ("hepatica-%s.%s", parts[0], parts[1]);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  if (g_get_user_special_dir (G_USER_DIRECTORY_PICTURES) != NULL)
    {
      g_autoptr(GFile) pictures = g_file_new_for_path (g_get_user_special_dir (G_USER_DIRECTORY_PICTURES));

      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), pictures, NULL);
    }
  job = g_new0 (ExportJob, 1);
  job->view = g_object_ref (self);
  job->plot = g_object_ref (self->plots[plot]);
  g_signal_connect (chooser, "response", G_CALLBACK (file_chosen_cb), job);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* ---- building ----------------------------------------------------------- */

static void
add_headline (HepProgressView *self,
              guint            index,
              const char      *name)
{
  /* a group, named by its number and words, for screen readers */
  GtkWidget *box = g_object_new (GTK_TYPE_BOX, "orientation", GTK_ORIENTATION_VERTICAL, "spacing", 2,
                                 "accessible-role", GTK_ACCESSIBLE_ROLE_GROUP, NULL);
  GtkWidget *value = gtk_label_new ("–");
  GtkWidget *note = gtk_label_new (NULL);

  gtk_widget_set_name (box, name);
  gtk_widget_add_css_class (box, "card");
  gtk_widget_add_css_class (box, "progress-headline");
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
  gtk_widget_add_css_class (value, "title-1");
  gtk_widget_add_css_class (value, "numeric");
  gtk_label_set_wrap (GTK_LABEL (note), TRUE);
  gtk_label_set_justify (GTK_LABEL (note), GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (note, "dim-label");
  gtk_box_append (GTK_BOX (box), value);
  gtk_box_append (GTK_BOX (box), note);
  gtk_box_append (GTK_BOX (self->headline_box), box);
  self->headline_values[index] = GTK_LABEL (value);
  self->headline_notes[index] = GTK_LABEL (note);
}

static void
text_alternative_cb (HepPlotView *plot,
                     GParamSpec  *pspec,
                     GtkLabel    *label)
{
  const char *text = hep_plot_view_get_text_alternative (plot);

  gtk_label_set_text (label, text ? text : "");
}

static GtkWidget *
make_plot_card (HepProgressView *self,
                HepQuizPlot      which)
{
  const char *id = hep_quiz_plot_to_string (which);
  g_autofree char *card_name = g_strconcat ("plot-card-", id, NULL);
  g_autofree char *plot_name = g_strconcat ("plot-", id, NULL);
  g_autofree char *text_name = g_strconcat ("plot-text-", id, NULL);
  g_autoptr(GMenu) menu = g_menu_new ();
  static const struct { const char *label; const char *format; } formats[] = {
    { N_("Export as _SVG…"), "svg" },
    { N_("Export as _PNG…"), "png" },
    { N_("Export as P_DF…"), "pdf" },
  };
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *overlay = gtk_overlay_new ();
  GtkWidget *plot = hep_plot_view_new (which);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *text_button = gtk_toggle_button_new ();
  GtkWidget *menu_button = gtk_menu_button_new ();
  GtkWidget *revealer = gtk_revealer_new ();
  GtkWidget *text = gtk_label_new (NULL);

  gtk_widget_set_name (card, card_name);
  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "plot-card");
  gtk_widget_set_overflow (card, GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_valign (card, GTK_ALIGN_START);

  gtk_widget_set_name (plot, plot_name);
  gtk_overlay_set_child (GTK_OVERLAY (overlay), plot);

  gtk_widget_set_halign (buttons, GTK_ALIGN_END);
  gtk_widget_set_valign (buttons, GTK_ALIGN_START);
  gtk_widget_set_margin_top (buttons, 6);
  gtk_widget_set_margin_end (buttons, 6);

  gtk_button_set_icon_name (GTK_BUTTON (text_button), "view-list-symbolic");
  gtk_widget_add_css_class (text_button, "flat");
  gtk_widget_set_tooltip_text (text_button, _("Show as Text"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (text_button), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Show as Text"), -1);
  g_object_bind_property (text_button, "active", revealer, "reveal-child", G_BINDING_SYNC_CREATE);
  gtk_box_append (GTK_BOX (buttons), text_button);

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autofree char *target = g_strconcat (id, ":", formats[i].format, NULL);
      g_autoptr(GMenuItem) item = g_menu_item_new (_(formats[i].label), NULL);

      g_menu_item_set_action_and_target_value (item, "progress.export", g_variant_new_string (target));
      g_menu_append_item (menu, item);
    }
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (menu_button), "document-save-as-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (menu_button), G_MENU_MODEL (menu));
  gtk_widget_add_css_class (menu_button, "flat");
  gtk_widget_set_tooltip_text (menu_button, _("Export Plot"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (menu_button), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Export Plot"), -1);
  gtk_box_append (GTK_BOX (buttons), menu_button);
  gtk_overlay_add_overlay (GTK_OVERLAY (overlay), buttons);
  gtk_box_append (GTK_BOX (card), overlay);

  /* the plot in words, for whoever would rather read (the same words are
   * its accessible description) */
  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_label_set_selectable (GTK_LABEL (text), TRUE);
  gtk_widget_set_margin_start (text, 16);
  gtk_widget_set_margin_end (text, 16);
  gtk_widget_set_margin_top (text, 8);
  gtk_widget_set_margin_bottom (text, 12);
  gtk_widget_set_name (text, text_name);
  g_signal_connect_object (plot, "notify::text-alternative", G_CALLBACK (text_alternative_cb), text, 0);
  gtk_revealer_set_child (GTK_REVEALER (revealer), text);
  gtk_box_append (GTK_BOX (card), revealer);

  self->plots[which] = HEP_PLOT_VIEW (plot);
  return card;
}

/* Rows of the same width (a flow box gave its columns different widths,
 * and a homogeneous one every plot the tallest one's height). */
static void
add_plots (HepProgressView *self)
{
  for (guint r = 0; r < G_N_ELEMENTS (layout); r++)
    {
      GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);

      gtk_box_set_homogeneous (GTK_BOX (row), TRUE);
      for (guint c = 0; c < 2 && layout[r][c][0] != END; c++)
        {
          GtkWidget *column = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

          gtk_widget_set_valign (column, GTK_ALIGN_START);
          for (guint i = 0; layout[r][c][i] != END; i++)
            gtk_box_append (GTK_BOX (column), make_plot_card (self, layout[r][c][i]));
          gtk_box_append (GTK_BOX (row), column);
        }
      gtk_box_append (GTK_BOX (self->plots_box), row);
    }
}

static void
start_clicked_cb (GtkButton       *button,
                  HepProgressView *self)
{
  /* the quiz page's action, with its setup; absent, the button does nothing */
  if (!gtk_widget_activate_action (GTK_WIDGET (self), "win.start-quiz", "s", "setup"))
    g_debug ("win.start-quiz is not there: no quiz to start");
}

static void
hep_progress_view_dispose (GObject *object)
{
  HepProgressView *self = HEP_PROGRESS_VIEW (object);

  for (guint i = 0; i < HEP_N_QUIZ_PLOTS; i++)
    if (self->plots[i] != NULL)
      hep_plot_view_set_stats (self->plots[i], NULL);
  g_clear_pointer (&self->stats, hep_quiz_stats_free);
  G_OBJECT_CLASS (hep_progress_view_parent_class)->dispose (object);
}

static void
hep_progress_view_class_init (HepProgressViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hep_progress_view_dispose;
  widget_class->map = hep_progress_view_map;

  g_type_ensure (HEP_TYPE_MISTAKES_LIST);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/hep-progress-view.ui");
  gtk_widget_class_bind_template_child (widget_class, HepProgressView, content_stack);
  gtk_widget_class_bind_template_child (widget_class, HepProgressView, sections);
  gtk_widget_class_bind_template_child (widget_class, HepProgressView, headline_box);
  gtk_widget_class_bind_template_child (widget_class, HepProgressView, plots_box);
  gtk_widget_class_bind_template_child (widget_class, HepProgressView, mistakes_list);
  gtk_widget_class_bind_template_child (widget_class, HepProgressView, start_button);
  gtk_widget_class_bind_template_child (widget_class, HepProgressView, empty_page);
  gtk_widget_class_install_action (widget_class, "progress.export", "s", export_action);
}

static void
hep_progress_view_init (HepProgressView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  adw_status_page_set_description (self->empty_page, _(EMPTY_DESCRIPTION));
  add_headline (self, HEADLINE_ANSWERS, "headline-answers");
  add_headline (self, HEADLINE_ACCURACY, "headline-accuracy");
  add_headline (self, HEADLINE_DUE, "headline-due");
  add_headline (self, HEADLINE_RETENTION, "headline-retention");
  add_plots (self);
  g_signal_connect (self->start_button, "clicked", G_CALLBACK (start_clicked_cb), self);
}

GtkWidget *
hep_progress_view_new (void)
{
  return g_object_new (HEP_TYPE_PROGRESS_VIEW, NULL);
}

const HepQuizStats *
hep_progress_view_get_stats (HepProgressView *self)
{
  g_return_val_if_fail (HEP_IS_PROGRESS_VIEW (self), NULL);
  return self->stats;
}

HepPlotView *
hep_progress_view_get_plot_view (HepProgressView *self,
                                 HepQuizPlot      plot)
{
  g_return_val_if_fail (HEP_IS_PROGRESS_VIEW (self), NULL);
  g_return_val_if_fail ((guint) plot < HEP_N_QUIZ_PLOTS, NULL);
  return self->plots[plot];
}

HepMistakesList *
hep_progress_view_get_mistakes_list (HepProgressView *self)
{
  g_return_val_if_fail (HEP_IS_PROGRESS_VIEW (self), NULL);
  return self->mistakes_list;
}

void
hep_progress_view_show_section (HepProgressView *self,
                                const char      *name)
{
  g_return_if_fail (HEP_IS_PROGRESS_VIEW (self));
  gtk_stack_set_visible_child_name (self->sections, name);
}

const char *
hep_progress_view_get_state (HepProgressView *self)
{
  g_return_val_if_fail (HEP_IS_PROGRESS_VIEW (self), NULL);
  return gtk_stack_get_visible_child_name (self->content_stack);
}
