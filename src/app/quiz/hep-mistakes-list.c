/* hep-mistakes-list.c: the learner's mistakes, why each was wrong
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The mistakes are the core's (hep_quiz_list_mistakes: the latest answer of
 * each case and question kind, when it was wrong), and why each was wrong is
 * read back from the log by the core too (hep_quiz_log_entry_get_report):
 * perception names the features in the vocabulary's words. The list never
 * shows the answer: not the key, not the answer given, and a case's title
 * only when unknown-case mode would show it (hep_case_hides), since these are
 * the cases "Quiz My Mistakes" asks again; otherwise "Unknown case N" and the
 * clinical history, which that mode always shows.
 */

#include "config.h"

#include "hep-mistakes-list.h"

#include <glib/gi18n.h>
#include <string.h>

#include "hep-case-spoilers.h"
#include "hep-quiz-question.h"
#include "hep-quiz-review.h"
#include "hep-text-row.h"

#define N_KINDS (HEP_QUIZ_ERROR_KNOWLEDGE + 1)

struct _HepMistakesList
{
  GtkBox           parent_instance;

  GtkWidget       *filters[N_KINDS];   /* [NONE] is "All" */
  GtkWidget       *quiz_button;
  GtkListBox      *list;
  GtkWidget       *empty_label;
  guint            counts[N_KINDS];    /* [NONE] is all */
  int              filter;
};

G_DEFINE_FINAL_TYPE (HepMistakesList, hep_mistakes_list, GTK_TYPE_BOX)

/* The filters' order: as a learner works through a case, and [NONE] first. */
static const HepQuizErrorKind filter_order[] = {
  HEP_QUIZ_ERROR_NONE, HEP_QUIZ_ERROR_PERCEPTION, HEP_QUIZ_ERROR_RULE, HEP_QUIZ_ERROR_KNOWLEDGE,
  HEP_QUIZ_ERROR_TIMING,
};

static const char *
kind_label (HepQuizErrorKind kind)
{
  switch (kind)
    {
    case HEP_QUIZ_ERROR_NONE:       return _("All");
    case HEP_QUIZ_ERROR_TIMING:     return _("Timing");
    case HEP_QUIZ_ERROR_PERCEPTION: return _("Perception");
    case HEP_QUIZ_ERROR_RULE:       return _("Rule");
    case HEP_QUIZ_ERROR_KNOWLEDGE:  return _("Knowledge");
    default:                        return "";
    }
}

static const char *
question_label (const char *kind)
{
  HepQuizKind k;

  if (!hep_quiz_kind_from_string (kind, &k))
    return _("Question");
  switch (k)
    {
    case HEP_QUIZ_KIND_FEATURES:  return _("Features question");
    case HEP_QUIZ_KIND_LIRADS:    return _("LI-RADS question");
    case HEP_QUIZ_KIND_DIAGNOSIS: return _("Diagnosis question");
    case HEP_QUIZ_KIND_NEXT_TEST: return _("Next-test question");
    case HEP_N_QUIZ_KINDS:
    default:                      return _("Question");
    }
}

/* Why it was wrong, in words (the kind is on the row's badge); never the
 * answer. */
static char *
describe_why (const HepQuizLogEntry    *e,
              const HepQuizErrorReport *report)
{
  HepQuizKind kind = HEP_QUIZ_KIND_DIAGNOSIS;

  hep_quiz_kind_from_string (e->kind ? e->kind : e->mode, &kind);
  switch (report->kind)
    {
    case HEP_QUIZ_ERROR_TIMING:
      return g_strdup (_("The time ran out before the answer."));
    case HEP_QUIZ_ERROR_PERCEPTION:
      {
        GString *s = g_string_new (NULL);

        for (guint i = 0; i < report->n_misses; i++)
          {
            g_autofree char *miss = hep_quiz_feature_miss_describe_words (&report->misses[i]);

            g_string_append_printf (s, "%s%s", i ? "\n" : "", miss);
          }
        if (s->len == 0)
          g_string_append (s, _("A feature was misread."));
        return g_string_free (s, FALSE);
      }
    case HEP_QUIZ_ERROR_RULE:
      if (kind == HEP_QUIZ_KIND_NEXT_TEST)
        return g_strdup (_("The findings were given; the test chosen is not the one the "
                           "criteria rate best for them."));
      return g_strdup (_("The features were given; the category chosen is not the one the "
                         "LI-RADS rules give them."));
    case HEP_QUIZ_ERROR_KNOWLEDGE:
      return g_strdup (_("The findings were given; the diagnosis chosen is not the one they "
                         "point to."));
    case HEP_QUIZ_ERROR_NONE:
    default:
      return g_strdup (_("Wrong, for a reason this version cannot read."));
    }
}

/* The case as unknown-case mode names it. */
static char *
case_name (HepCaseStore  *store,
           const char    *case_id,
           GHashTable    *unknown_numbers,
           char         **history)
{
  g_autoptr(HepCase) c = NULL;
  gpointer number;

  *history = NULL;
  c = store ? hep_case_store_get_case (store, case_id, NULL) : NULL;
  if (c == NULL)
    return g_strdup (_("A case no longer in the library"));
  *history = g_strdup (hep_case_get_history (c));
  if (!hep_case_hides (c, HEP_CASE_SPOILER_TITLE))
    return g_strdup (hep_case_get_title (c));
  number = g_hash_table_lookup (unknown_numbers, case_id);
  if (number == NULL)
    {
      number = GUINT_TO_POINTER (g_hash_table_size (unknown_numbers) + 1);
      g_hash_table_insert (unknown_numbers, g_strdup (case_id), number);
    }
  return g_strdup_printf (_("Unknown case %u"), GPOINTER_TO_UINT (number));
}

static gboolean
filter_func (GtkListBoxRow *row,
             gpointer       user_data)
{
  HepMistakesList *self = user_data;

  return self->filter == HEP_MISTAKES_FILTER_ALL || hep_mistakes_list_row_get_kind (row) == self->filter;
}

static void
update_filters (HepMistakesList *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (filter_order); i++)
    {
      HepQuizErrorKind kind = filter_order[i];
      g_autofree char *label = g_strdup_printf ("%s %u", kind_label (kind), self->counts[kind]);
      gboolean active = (kind == HEP_QUIZ_ERROR_NONE && self->filter == HEP_MISTAKES_FILTER_ALL) ||
                        (int) kind == self->filter;

      gtk_button_set_label (GTK_BUTTON (self->filters[kind]), label);
      gtk_widget_set_sensitive (self->filters[kind], kind == HEP_QUIZ_ERROR_NONE || self->counts[kind] > 0);
      if (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (self->filters[kind])) != active)
        gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->filters[kind]), active);
    }
  gtk_widget_set_sensitive (self->quiz_button, self->counts[HEP_QUIZ_ERROR_NONE] > 0);
  gtk_widget_set_visible (self->empty_label, self->counts[HEP_QUIZ_ERROR_NONE] == 0);
  gtk_widget_set_visible (GTK_WIDGET (self->list), self->counts[HEP_QUIZ_ERROR_NONE] > 0);
}

static void
filter_toggled_cb (GtkToggleButton *button,
                   HepMistakesList *self)
{
  if (!gtk_toggle_button_get_active (button))
    return;
  for (int k = 0; k < N_KINDS; k++)
    if (self->filters[k] == GTK_WIDGET (button))
      hep_mistakes_list_set_filter (self, k == HEP_QUIZ_ERROR_NONE ? HEP_MISTAKES_FILTER_ALL : k);
}

static void
quiz_clicked_cb (GtkButton       *button,
                 HepMistakesList *self)
{
  /* the quiz page's action; absent, the button does nothing */
  if (!gtk_widget_activate_action (GTK_WIDGET (self), "win.start-quiz", "s", "mistakes"))
    g_debug ("win.start-quiz is not there: no quiz to start");
}

static void
hep_mistakes_list_class_init (HepMistakesListClass *klass)
{
  gtk_widget_class_set_css_name (GTK_WIDGET_CLASS (klass), "mistakes");
}

static void
hep_mistakes_list_init (HepMistakesList *self)
{
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *filters = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *group = NULL;

  self->filter = HEP_MISTAKES_FILTER_ALL;
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 12);

  gtk_widget_add_css_class (filters, "linked");
  gtk_accessible_update_property (GTK_ACCESSIBLE (filters), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Show mistakes of a kind"), -1);
  for (guint i = 0; i < G_N_ELEMENTS (filter_order); i++)
    {
      HepQuizErrorKind kind = filter_order[i];
      GtkWidget *button = gtk_toggle_button_new_with_label (kind_label (kind));
      g_autofree char *name = g_strconcat ("mistakes-filter-", kind == HEP_QUIZ_ERROR_NONE ? "all"
                                           : hep_quiz_error_kind_to_string (kind), NULL);

      gtk_widget_set_name (button, name);
      if (group != NULL)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), GTK_TOGGLE_BUTTON (group));
      else
        group = button;
      g_signal_connect (button, "toggled", G_CALLBACK (filter_toggled_cb), self);
      gtk_box_append (GTK_BOX (filters), button);
      self->filters[kind] = button;
    }
  gtk_box_append (GTK_BOX (bar), filters);

  self->quiz_button = gtk_button_new_with_mnemonic (_("_Quiz My Mistakes"));
  gtk_widget_set_name (self->quiz_button, "quiz-mistakes");
  gtk_widget_set_hexpand (self->quiz_button, TRUE);
  gtk_widget_set_halign (self->quiz_button, GTK_ALIGN_END);
  gtk_widget_add_css_class (self->quiz_button, "suggested-action");
  gtk_widget_set_tooltip_text (self->quiz_button, _("Ask every question answered wrong again"));
  g_signal_connect (self->quiz_button, "clicked", G_CALLBACK (quiz_clicked_cb), self);
  gtk_box_append (GTK_BOX (bar), self->quiz_button);
  gtk_box_append (GTK_BOX (self), bar);

  self->empty_label = gtk_label_new (_("No mistakes: the latest answer to every question was right."));
  gtk_widget_set_name (self->empty_label, "mistakes-empty");
  gtk_label_set_wrap (GTK_LABEL (self->empty_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->empty_label), 0);
  gtk_widget_add_css_class (self->empty_label, "dim-label");
  gtk_box_append (GTK_BOX (self), self->empty_label);

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_widget_set_name (GTK_WIDGET (self->list), "mistakes-list");
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Mistakes"), -1);
  gtk_list_box_set_filter_func (self->list, filter_func, self, NULL);
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->list));
  update_filters (self);
}

GtkWidget *
hep_mistakes_list_new (void)
{
  return g_object_new (HEP_TYPE_MISTAKES_LIST, NULL);
}

void
hep_mistakes_list_set_log (HepMistakesList *self,
                           HepCaseStore    *store,
                           GPtrArray       *log)
{
  g_autoptr(GPtrArray) mistakes = NULL;
  g_autoptr(GHashTable) unknown_numbers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GTimeZone) local = g_time_zone_new_local ();
  GtkWidget *child;

  g_return_if_fail (HEP_IS_MISTAKES_LIST (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  memset (self->counts, 0, sizeof self->counts);
  mistakes = log ? hep_quiz_list_mistakes (log) : g_ptr_array_new ();
  for (guint i = 0; i < mistakes->len; i++)
    {
      const HepQuizLogEntry *e = g_ptr_array_index (mistakes, i);
      HepQuizErrorReport report;
      g_autofree char *history = NULL;
      g_autofree char *name = NULL;
      g_autofree char *why = NULL;
      g_autofree char *when = NULL;
      g_autofree char *subtitle = NULL;
      g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (e->answered_at);
      g_autoptr(GDateTime) local_dt = dt ? g_date_time_to_timezone (dt, local) : NULL;
      GtkWidget *row, *badge;

      if (!hep_quiz_log_entry_get_report (e, &report))
        report.kind = HEP_QUIZ_ERROR_NONE;
      name = case_name (store, e->case_id, unknown_numbers, &history);
      why = describe_why (e, &report);
      when = local_dt ? g_date_time_format (local_dt, "%x") : g_strdup ("");
      /* why first: it is what the row is for */
      subtitle = g_strdup_printf ("%s\n%s · %s%s%s", why, question_label (e->kind ? e->kind : e->mode), when,
                                  history && *history ? " · " : "", history ? history : "");
      row = hep_text_row_new (name, subtitle);
      badge = gtk_label_new (kind_label (report.kind));
      gtk_widget_add_css_class (badge, "caption-heading");
      gtk_widget_add_css_class (badge, "mistake-kind");
      gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
      gtk_label_set_width_chars (GTK_LABEL (badge), 10);
      gtk_label_set_xalign (GTK_LABEL (badge), 0);
      hep_text_row_add_prefix (HEP_TEXT_ROW (row), badge);
      g_object_set_data (G_OBJECT (row), "hep-error-kind", GINT_TO_POINTER (report.kind));
      gtk_list_box_append (self->list, row);
      self->counts[report.kind]++;
      if (report.kind != HEP_QUIZ_ERROR_NONE)
        self->counts[HEP_QUIZ_ERROR_NONE]++;
    }
  /* a kind that is gone from the list shows all again */
  if (self->filter != HEP_MISTAKES_FILTER_ALL && self->counts[self->filter] == 0)
    self->filter = HEP_MISTAKES_FILTER_ALL;
  update_filters (self);
  gtk_list_box_invalidate_filter (self->list);
}

guint
hep_mistakes_list_get_n_mistakes (HepMistakesList *self)
{
  g_return_val_if_fail (HEP_IS_MISTAKES_LIST (self), 0);
  return self->counts[HEP_QUIZ_ERROR_NONE];
}

guint
hep_mistakes_list_count_kind (HepMistakesList *self,
                              int              kind)
{
  g_return_val_if_fail (HEP_IS_MISTAKES_LIST (self), 0);
  if (kind == HEP_MISTAKES_FILTER_ALL)
    return self->counts[HEP_QUIZ_ERROR_NONE];
  g_return_val_if_fail (kind > HEP_QUIZ_ERROR_NONE && kind < N_KINDS, 0);
  return self->counts[kind];
}

void
hep_mistakes_list_set_filter (HepMistakesList *self,
                              int              kind)
{
  g_return_if_fail (HEP_IS_MISTAKES_LIST (self));
  g_return_if_fail (kind == HEP_MISTAKES_FILTER_ALL || (kind > HEP_QUIZ_ERROR_NONE && kind < N_KINDS));

  if (self->filter == kind)
    return;
  self->filter = kind;
  update_filters (self);
  gtk_list_box_invalidate_filter (self->list);
}

int
hep_mistakes_list_get_filter (HepMistakesList *self)
{
  g_return_val_if_fail (HEP_IS_MISTAKES_LIST (self), HEP_MISTAKES_FILTER_ALL);
  return self->filter;
}

GtkListBox *
hep_mistakes_list_get_list_box (HepMistakesList *self)
{
  g_return_val_if_fail (HEP_IS_MISTAKES_LIST (self), NULL);
  return self->list;
}

int
hep_mistakes_list_row_get_kind (GtkListBoxRow *row)
{
  return GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "hep-error-kind"));
}
