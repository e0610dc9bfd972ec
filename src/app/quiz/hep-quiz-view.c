/* hep-quiz-view.c: the quiz page of the main window
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A thin view over the core's quiz (issue #18): hep-quiz-plan.h chooses
 * the questions, hep-quiz-question.h makes each one from its case as
 * unknown-case mode shows it (the stem is all this page shows before the
 * answer: nothing that gives the answer away, in the labels or their
 * accessible names), hep-quiz-review.h scores, grades and writes each
 * answer with the cards it moves, in one transaction, at the time the
 * answer was given. In tutor and timed mode the answer is written when
 * the learner goes on, with the grade they chose (or when they leave the
 * quiz); in exam mode when it is given.
 *
 * The page's content is built when it is first shown, not with the
 * window. Time comes from a clock a test can replace.
 */

#include "config.h"

#include "hep-quiz-view.h"

#include "hep-quiz-explanation.h"

#include "hep-application.h"
#include "hep-choice-button.h"
#include "hep-diagram-view.h"
#include "hep-window-private.h"

#include <glib/gi18n.h>

#define DEFAULT_SECONDS 90
#define TICK_MS 200

/* the setup page's sources, in the order of its Cases button */
typedef enum {
  SOURCE_ALL,
  SOURCE_DIAGNOSIS,
  SOURCE_LIRADS,
  SOURCE_TAG,
  SOURCE_DIFFICULTY,
  SOURCE_DUE,
  SOURCE_MISTAKES,
} SetupSource;

static const HepLiradsCategory lirads_choices[] = {
  HEP_LIRADS_1, HEP_LIRADS_2, HEP_LIRADS_3, HEP_LIRADS_4, HEP_LIRADS_5, HEP_LIRADS_M, HEP_LIRADS_TIV,
};

/* One question asked: what was answered, and how it went. */
typedef struct {
  HepQuizQuestion *q;
  char            *choice;       /* the option id picked, or NULL */
  HepQuizResponse  response;     /* .choice points at @choice */
  HepQuizOutcome  *outcome;
  gint64           answered_at;  /* unix seconds */
  gboolean         recorded;
} Result;

static void
result_free (Result *res)
{
  g_clear_pointer (&res->q, hep_quiz_question_free);
  g_clear_pointer (&res->outcome, hep_quiz_outcome_free);
  g_free (res->choice);
  g_free (res);
}

struct _HepQuizView
{
  AdwBin parent_instance;

  gboolean built;

  /* Template widgets */
  GtkStack        *stack;
  HepChoiceButton *source_button;
  AdwActionRow    *value_row;
  HepChoiceButton *value_button;
  GtkSpinButton   *count_spin;
  GtkCheckButton  *tutor_check;
  GtkCheckButton  *timed_check;
  GtkCheckButton  *exam_check;
  AdwActionRow    *timed_row;
  AdwPreferencesGroup *kinds_group;
  GtkLabel        *setup_status;
  GtkWidget       *resume_group;
  AdwActionRow    *resume_row;
  GtkButton       *resume_button;
  GtkButton       *start_button;
  GtkLabel        *progress_label;
  GtkLabel        *countdown_label;
  GtkLevelBar     *countdown_bar;
  GtkScrolledWindow *question_scroller;
  GtkLabel        *stem_title;
  GtkLabel        *stem_meta;
  GtkListBox      *stem_list;
  GtkLabel        *prompt_label;
  GtkBox          *options_box;
  GtkListBox      *features_list;
  GtkToggleButton *sure_button;
  GtkToggleButton *unsure_button;
  GtkToggleButton *guessing_button;
  GtkButton       *check_button;
  GtkLabel        *question_hint;
  GtkScrolledWindow *feedback_scroller;
  GtkLabel        *verdict_label;
  GtkBox          *feedback_box;
  GtkBox          *grade_box;
  GtkButton       *continue_button;
  GtkLabel        *grade_hint;
  GtkLabel        *score_label;
  GtkLabel        *review_status;
  GtkBox          *review_box;
  GtkButton       *mistakes_button;

  GtkCheckButton  *kind_checks[HEP_N_QUIZ_KINDS];
  GtkToggleButton *grade_buttons[4];
  GStrv            tags;          /* the value button's tags, while it lists them */

  /* The quiz */
  HepQuizClock     clock;
  gpointer         clock_data;
  HepQuizMode      mode;
  char            *session_id;
  GPtrArray       *plan;          /* HepQuizPlanItem */
  GPtrArray       *results;       /* Result, one per question answered */
  guint            index;
  HepQuizQuestion *question;      /* shown, not yet answered */
  GPtrArray       *option_buttons;
  int              choice;
  HepFeatureSet    features;      /* the features kind: what the learner set */
  gint64           shown_at;      /* clock time the question was shown */
  gint64           paused_at;     /* clock time the page was left mid-countdown, or 0 */
  gint64           limit_us;      /* timed: per question */
  guint            tick_id;
  Result          *pending;       /* tutor, timed: checked, written when going on */
  HepCaseStore    *log;           /* the review log, taken when the quiz starts; NULL: not saved */
  gboolean         unsaved;       /* no review log to write to */
  gboolean         updating;
};

G_DEFINE_FINAL_TYPE (HepQuizView, hep_quiz_view, ADW_TYPE_BIN)

static void show_question (HepQuizView *self);

/* ---- helpers ----------------------------------------------------------------------- */

static gint64
real_clock (gpointer user_data)
{
  return g_get_real_time ();
}

static gint64
now_us (HepQuizView *self)
{
  return self->clock (self->clock_data);
}

static GtkWidget *
get_window (HepQuizView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return HEP_IS_WINDOW (root) ? GTK_WIDGET (root) : NULL;
}

static HepApplication *
get_application (HepQuizView *self)
{
  GtkWidget *window = get_window (self);
  GtkApplication *app = window ? gtk_window_get_application (GTK_WINDOW (window)) : NULL;

  return HEP_IS_APPLICATION (app) ? HEP_APPLICATION (app) : NULL;
}

/* The library to draw cases from: there even when the user's database is
 * not (the bundled cases beside a throwaway one). */
static HepCaseStore *
get_cases (HepQuizView *self)
{
  HepApplication *app = get_application (self);

  return app ? hep_application_get_store (app) : NULL;
}

/* The review log, or NULL when the user's database could not be opened. */
static HepCaseStore *
get_log (HepQuizView *self)
{
  GtkWidget *window = get_window (self);

  return window ? _hep_window_get_store (HEP_WINDOW (window)) : NULL;
}

static void
remove_children (GtkWidget *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (box)) != NULL)
    {
      if (GTK_IS_LIST_BOX (box))
        gtk_list_box_remove (GTK_LIST_BOX (box), child);
      else
        gtk_box_remove (GTK_BOX (box), child);
    }
}

static const char *
mode_to_string (HepQuizMode mode)
{
  switch (mode)
    {
    case HEP_QUIZ_MODE_TIMED:
      return "timed";
    case HEP_QUIZ_MODE_EXAM:
      return "exam";
    case HEP_QUIZ_MODE_TUTOR:
    default:
      return "tutor";
    }
}

/* ---- setup ------------------------------------------------------------------------- */

static void
update_value_row (HepQuizView *self)
{
  SetupSource source = hep_choice_button_get_selected (self->source_button);
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);
  const char *title = NULL;

  g_clear_pointer (&self->tags, g_strfreev);
  switch (source)
    {
    case SOURCE_DIAGNOSIS:
      {
        const char * const *ids = hep_case_get_diagnosis_ids ();

        title = _("Diagnosis");
        for (guint i = 0; ids[i] != NULL; i++)
          gtk_string_list_append (list, hep_case_diagnosis_get_label (ids[i]));
        break;
      }
    case SOURCE_LIRADS:
      title = _("LI-RADS Category");
      for (guint i = 0; i < G_N_ELEMENTS (lirads_choices); i++)
        gtk_string_list_append (list, hep_lirads_category_to_string (lirads_choices[i]));
      break;
    case SOURCE_TAG:
      {
        HepCaseStore *store = get_cases (self);

        title = _("Tag");
        self->tags = store ? hep_case_store_list_tags (store, NULL) : NULL;
        for (guint i = 0; self->tags != NULL && self->tags[i] != NULL; i++)
          gtk_string_list_append (list, self->tags[i]);
        break;
      }
    case SOURCE_DIFFICULTY:
      title = _("Difficulty");
      for (int i = 1; i <= 5; i++)
        {
          g_autofree char *text = g_strdup_printf (_("%d of 5"), i);

          gtk_string_list_append (list, text);
        }
      break;
    case SOURCE_ALL:
    case SOURCE_DUE:
    case SOURCE_MISTAKES:
    default:
      break;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->value_row), title != NULL);
  if (title != NULL)
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->value_row), title);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->value_button), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
      hep_choice_button_set_model (self->value_button, G_LIST_MODEL (list));
      hep_choice_button_set_selected (self->value_button, 0);
    }
}

static void
source_changed_cb (HepQuizView *self)
{
  update_value_row (self);
  gtk_widget_set_visible (GTK_WIDGET (self->setup_status), FALSE);
}

static int
seconds_per_question (HepQuizView *self)
{
  HepApplication *app = get_application (self);

  if (app == NULL)
    return DEFAULT_SECONDS;
  return g_settings_get_int (hep_application_get_settings (app), "quiz-seconds-per-question");
}

/* ---- an unfinished exam ----------------------------------------------------------- */

static GSettings *
get_settings (HepQuizView *self)
{
  HepApplication *app = get_application (self);

  return app ? hep_application_get_settings (app) : NULL;
}

/* Kept while an exam is unfinished: its session, then its questions. */
static void
keep_unfinished_exam (HepQuizView *self)
{
  GSettings *settings = get_settings (self);
  g_auto(GStrv) plan = NULL;
  g_autoptr(GStrvBuilder) lines = g_strv_builder_new ();
  g_auto(GStrv) value = NULL;

  if (settings == NULL)
    return;
  plan = hep_quiz_plan_to_strv (self->plan);
  g_strv_builder_add (lines, self->session_id);
  g_strv_builder_addv (lines, (const char **) plan);
  value = g_strv_builder_end (lines);
  g_settings_set_strv (settings, "quiz-unfinished-exam", (const char * const *) value);
}

static void
forget_unfinished_exam (HepQuizView *self)
{
  GSettings *settings = get_settings (self);
  g_auto(GStrv) value = settings ? g_settings_get_strv (settings, "quiz-unfinished-exam") : NULL;

  /* only this exam's: another may have been kept since */
  if (value != NULL && value[0] != NULL && g_strcmp0 (value[0], self->session_id) == 0)
    g_settings_set_strv (settings, "quiz-unfinished-exam", NULL);
}

/* The unfinished exam's plan and answers so far, or FALSE (there is none,
 * or it is finished, or it cannot be read: then it is forgotten). */
static gboolean
load_unfinished_exam (HepQuizView  *self,
                      char        **session_id,
                      GPtrArray   **plan,
                      GPtrArray   **answers)
{
  GSettings *settings = get_settings (self);
  HepCaseStore *log = get_log (self);
  g_auto(GStrv) value = NULL;
  g_autoptr(GError) error = NULL;

  if (settings == NULL || log == NULL)
    return FALSE;
  value = g_settings_get_strv (settings, "quiz-unfinished-exam");
  if (value[0] == NULL)
    return FALSE;
  *plan = hep_quiz_plan_from_strv ((const char * const *) value + 1, &error);
  *answers = *plan ? hep_case_store_list_session (log, value[0], &error) : NULL;
  if (*plan == NULL || *answers == NULL || (*plan)->len == 0 || (*answers)->len >= (*plan)->len)
    {
      if (error != NULL)
        g_message ("quiz: the unfinished exam cannot be resumed: %s", error->message);
      g_clear_pointer (plan, g_ptr_array_unref);
      g_clear_pointer (answers, g_ptr_array_unref);
      g_settings_set_strv (settings, "quiz-unfinished-exam", NULL);
      return FALSE;
    }
  *session_id = g_strdup (value[0]);
  return TRUE;
}

static void
update_resume (HepQuizView *self)
{
  g_autofree char *session_id = NULL;
  g_autoptr(GPtrArray) plan = NULL;
  g_autoptr(GPtrArray) answers = NULL;
  gboolean unfinished = load_unfinished_exam (self, &session_id, &plan, &answers);

  gtk_widget_set_visible (self->resume_group, unfinished);
  if (unfinished)
    {
      g_autofree char *title = g_strdup_printf (ngettext ("%u of %u question answered", "%u of %u questions answered",
                                                          plan->len),
                                                answers->len, plan->len);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->resume_row), title);
    }
}

static void resume_clicked_cb (HepQuizView *self);

static HepQuizMode
setup_mode (HepQuizView *self)
{
  if (gtk_check_button_get_active (self->timed_check))
    return HEP_QUIZ_MODE_TIMED;
  if (gtk_check_button_get_active (self->exam_check))
    return HEP_QUIZ_MODE_EXAM;
  return HEP_QUIZ_MODE_TUTOR;
}

/* The setup page's number and kinds (the source is the caller's). */
static void
setup_spec (HepQuizView     *self,
            HepQuizPlanSpec *spec)
{
  hep_quiz_plan_spec_init (spec);
  spec->n_questions = (guint) gtk_spin_button_get_value_as_int (self->count_spin);
  spec->kinds = 0;
  for (int k = 0; k < HEP_N_QUIZ_KINDS; k++)
    if (gtk_check_button_get_active (self->kind_checks[k]))
      spec->kinds |= 1u << k;
  spec->seed = (guint32) (now_us (self) ^ (now_us (self) >> 32));
}

static void
show_setup_status (HepQuizView *self,
                   const char  *message)
{
  gtk_label_set_label (self->setup_status, message);
  gtk_widget_set_visible (GTK_WIDGET (self->setup_status), message != NULL);
}

static void
start_clicked_cb (HepQuizView *self)
{
  SetupSource source = hep_choice_button_get_selected (self->source_button);
  guint value = hep_choice_button_get_selected (self->value_button);
  HepQuizPlanSpec spec;

  setup_spec (self, &spec);
  if (spec.kinds == 0)
    {
      show_setup_status (self, _("Choose at least one kind of question."));
      return;
    }
  spec.source = HEP_QUIZ_SOURCE_FILTER;
  switch (source)
    {
    case SOURCE_DIAGNOSIS:
      spec.filter.diagnosis = hep_case_get_diagnosis_ids ()[value];
      break;
    case SOURCE_LIRADS:
      spec.filter.lirads = lirads_choices[value];
      break;
    case SOURCE_TAG:
      if (self->tags == NULL || value >= g_strv_length (self->tags))
        {
          show_setup_status (self, _("No case has a tag yet."));
          return;
        }
      spec.filter.tag = self->tags[value];
      break;
    case SOURCE_DIFFICULTY:
      spec.filter.difficulty = (int) value + 1;
      break;
    case SOURCE_DUE:
      spec.source = HEP_QUIZ_SOURCE_DUE;
      break;
    case SOURCE_MISTAKES:
      spec.source = HEP_QUIZ_SOURCE_MISTAKES;
      break;
    case SOURCE_ALL:
    default:
      spec.source = HEP_QUIZ_SOURCE_ALL;
      break;
    }
  hep_quiz_view_start (self, &spec, setup_mode (self));
}

/* ---- answering --------------------------------------------------------------------- */

static gboolean
has_answer (HepQuizView *self)
{
  if (self->question == NULL)
    return FALSE;
  return self->question->kind == HEP_QUIZ_KIND_FEATURES || self->choice >= 0;
}

static gboolean
has_confidence (HepQuizView *self)
{
  return gtk_toggle_button_get_active (self->sure_button) || gtk_toggle_button_get_active (self->unsure_button) ||
         gtk_toggle_button_get_active (self->guessing_button);
}

static void
update_check (HepQuizView *self)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->check_button), has_answer (self) && has_confidence (self));
  if (!has_answer (self))
    gtk_label_set_label (self->question_hint, _("Pick an answer (1–9), say how sure you are (S, U, G), then Check (Enter)."));
  else if (!has_confidence (self))
    gtk_label_set_label (self->question_hint, _("Say how sure you are (S, U, G), then Check (Enter)."));
  else
    gtk_label_set_label (self->question_hint, _("Check (Enter)."));
}

static void
pick_option (HepQuizView *self,
             int          index)
{
  if (self->question == NULL || index < 0 || (guint) index >= self->option_buttons->len)
    return;
  self->updating = TRUE;
  for (guint i = 0; i < self->option_buttons->len; i++)
    gtk_toggle_button_set_active (g_ptr_array_index (self->option_buttons, i), (int) i == index);
  self->updating = FALSE;
  self->choice = index;
  update_check (self);
}

static void
option_toggled_cb (GtkToggleButton *button,
                   HepQuizView     *self)
{
  guint index;

  if (self->updating)
    return;
  if (!g_ptr_array_find (self->option_buttons, button, &index))
    return;
  if (gtk_toggle_button_get_active (button))
    pick_option (self, (int) index);
  else if (self->choice == (int) index)
    {
      /* a toggle button cannot be unpicked by clicking it again */
      self->updating = TRUE;
      gtk_toggle_button_set_active (button, TRUE);
      self->updating = FALSE;
    }
}

static void
flag_changed_cb (GtkSwitch   *sw,
                 GParamSpec  *pspec,
                 HepQuizView *self)
{
  HepFeature f = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (sw), "feature"));

  if (gtk_switch_get_active (sw))
    hep_feature_set_set (&self->features, f, 1);
  else
    hep_feature_set_unset (&self->features, f);
}

static void
choice_changed_cb (HepChoiceButton *button,
                   GParamSpec      *pspec,
                   HepQuizView     *self)
{
  HepFeature f = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "feature"));
  guint selected = hep_choice_button_get_selected (button);

  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION)
    hep_feature_set_unset (&self->features, f);
  else
    hep_feature_set_set (&self->features, f, (int) selected);
}

/* The features question's controls: every perception feature, as the
 * vocabulary names it, unset. */
static void
build_feature_rows (HepQuizView *self)
{
  remove_children (GTK_WIDGET (self->features_list));
  for (int f = 0; f < HEP_N_FEATURES; f++)
    {
      GtkWidget *row;
      GtkWidget *editor;

      if (!hep_quiz_is_perception_feature (f))
        continue;
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), hep_feature_get_label (f));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), hep_feature_group_get_label (hep_feature_get_group (f)));
      if (hep_feature_get_kind (f) == HEP_FEATURE_KIND_FLAG)
        {
          editor = gtk_switch_new ();
          g_signal_connect (editor, "notify::active", G_CALLBACK (flag_changed_cb), self);
        }
      else if (hep_feature_get_kind (f) == HEP_FEATURE_KIND_CHOICE)
        {
          g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);

          gtk_string_list_append (list, _("Not seen"));
          for (guint v = 1; v <= hep_feature_get_n_choices (f); v++)
            gtk_string_list_append (list, hep_feature_get_choice_label (f, (int) v));
          editor = hep_choice_button_new (G_LIST_MODEL (list));
          hep_choice_button_set_selected (HEP_CHOICE_BUTTON (editor), 0);
          g_signal_connect (editor, "notify::selected", G_CALLBACK (choice_changed_cb), self);
        }
      else
        continue;   /* no whole-number feature is read from the images */
      g_object_set_data (G_OBJECT (editor), "feature", GINT_TO_POINTER (f));
      gtk_widget_set_valign (editor, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (editor), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      hep_feature_get_label (f), -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), editor);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), editor);
      gtk_list_box_append (self->features_list, row);
    }
}

static void
stop_timer (HepQuizView *self)
{
  g_clear_handle_id (&self->tick_id, g_source_remove);
  self->paused_at = 0;
  if (!self->built)
    return;
  gtk_widget_set_visible (GTK_WIDGET (self->countdown_label), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->countdown_bar), FALSE);
}

/* Writes @res to the review log at the time it was answered, with @grade
 * when the learner chose another than the outcome's. */
static void
record (HepQuizView   *self,
        Result        *res,
        HepFsrsRating  grade)
{
  HepCaseStore *store = self->log;
  g_autoptr(GError) error = NULL;
  HepFsrsParams params;

  if (res->recorded)
    return;
  res->recorded = TRUE;
  if (grade != 0 && grade != res->outcome->grade)
    {
      res->response.grade = grade;
      hep_quiz_outcome_free (res->outcome);
      res->outcome = hep_quiz_outcome_new (res->q, &res->response, NULL);
    }
  if (store == NULL)
    {
      self->unsaved = TRUE;
      return;
    }
  hep_fsrs_params_init_default (&params);
  if (hep_quiz_record_answer (store, &params, res->q, &res->response, res->outcome, self->session_id,
                              mode_to_string (self->mode), res->answered_at, &error) == 0)
    {
      GtkWidget *window = get_window (self);
      g_autofree char *message = g_strdup_printf (_("The answer could not be saved: %s"), error->message);

      self->unsaved = TRUE;
      g_warning ("%s", message);
      if (window != NULL)
        _hep_window_show_toast (HEP_WINDOW (window), message);
    }
}

/* The grade the buttons show; 0 (the outcome's) when none is on. */
static HepFsrsRating
chosen_grade (HepQuizView *self)
{
  for (int i = 0; i < 4; i++)
    if (gtk_toggle_button_get_active (self->grade_buttons[i]))
      return (HepFsrsRating) (HEP_FSRS_RATING_AGAIN + i);
  return 0;
}

/* The answer checked in tutor or timed mode, written now (going on, or
 * leaving the quiz) with the grade the learner left it at. */
static void
flush_pending (HepQuizView *self)
{
  Result *res = g_steal_pointer (&self->pending);

  if (res != NULL)
    record (self, res, chosen_grade (self));
}

static void
show_review (HepQuizView *self)
{
  guint n_right = 0;
  gboolean any_wrong = FALSE;
  g_autofree char *score = NULL;

  stop_timer (self);
  g_clear_pointer (&self->question, hep_quiz_question_free);
  if (self->mode == HEP_QUIZ_MODE_EXAM)
    forget_unfinished_exam (self);
  remove_children (GTK_WIDGET (self->review_box));
  for (guint i = 0; i < self->results->len; i++)
    {
      const Result *res = g_ptr_array_index (self->results, i);
      g_autofree char *title = NULL;
      GtkWidget *expander;
      GtkWidget *box;

      if (res->outcome->correct)
        n_right++;
      else
        any_wrong = TRUE;
      title = g_strdup_printf (_("%u. %s: %s"), i + 1, hep_quiz_explanation_kind_name (res->q->kind),
                               res->outcome->correct ? _("right") : _("wrong"));
      expander = gtk_expander_new (NULL);
      {
        GtkWidget *label = gtk_label_new (title);

        gtk_widget_add_css_class (label, "heading");
        gtk_expander_set_label_widget (GTK_EXPANDER (expander), label);
      }
      gtk_expander_set_expanded (GTK_EXPANDER (expander), !res->outcome->correct);
      gtk_widget_add_css_class (expander, res->outcome->correct ? "quiz-right" : "quiz-wrong");
      box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      gtk_widget_set_margin_top (box, 6);
      gtk_widget_set_margin_start (box, 18);
      hep_quiz_explanation_add_label (GTK_BOX (box), res->q->prompt, "dim-label");
      hep_quiz_explanation_add (GTK_BOX (box), res->q, &res->response, res->outcome);
      gtk_expander_set_child (GTK_EXPANDER (expander), box);
      gtk_box_append (self->review_box, expander);
    }
  score = g_strdup_printf (ngettext ("%u of %u question right", "%u of %u questions right", self->results->len),
                           n_right, self->results->len);
  gtk_label_set_label (self->score_label, score);
  gtk_label_set_label (self->review_status,
                       self->unsaved ? _("These answers were not saved: your review log is not available.")
                                     : _("Every answer is in your review log, and the cases are scheduled for review."));
  gtk_widget_set_sensitive (GTK_WIDGET (self->mistakes_button), any_wrong || !self->unsaved);
  gtk_stack_set_visible_child_name (self->stack, "review");
  if (!gtk_widget_grab_focus (GTK_WIDGET (self->mistakes_button)))
    gtk_widget_child_focus (GTK_WIDGET (self->review_box), GTK_DIR_TAB_FORWARD);
}

static void
next_question (HepQuizView *self)
{
  flush_pending (self);
  self->index++;
  if (self->index < self->plan->len)
    show_question (self);
  else
    show_review (self);
}

static void
continue_clicked_cb (HepQuizView *self)
{
  next_question (self);
}

static void
show_feedback (HepQuizView *self,
               Result      *res)
{
  g_autofree char *hint = NULL;
  HepDiagramView *diagram;

  remove_children (GTK_WIDGET (self->feedback_box));
  gtk_label_set_label (self->verdict_label,
                       res->outcome->correct ? _("Right")
                                             : res->response.timed_out ? _("Wrong: time ran out") : _("Wrong"));
  gtk_widget_remove_css_class (GTK_WIDGET (self->verdict_label), res->outcome->correct ? "error" : "success");
  gtk_widget_add_css_class (GTK_WIDGET (self->verdict_label), res->outcome->correct ? "success" : "error");
  hep_quiz_explanation_add (self->feedback_box, res->q, &res->response, res->outcome);
  /* the diagrams are drawn from the features: shown only now */
  diagram = HEP_DIAGRAM_VIEW (hep_diagram_view_new ());
  hep_diagram_view_set_kind (diagram, HEP_DIAGRAM_KIND_CURVE);
  hep_diagram_view_set_features (diagram, &res->q->features);
  gtk_widget_set_size_request (GTK_WIDGET (diagram), -1, 220);
  gtk_box_append (self->feedback_box, GTK_WIDGET (diagram));

  self->updating = TRUE;
  for (int i = 0; i < 4; i++)
    gtk_toggle_button_set_active (self->grade_buttons[i], (int) res->outcome->grade == HEP_FSRS_RATING_AGAIN + i);
  self->updating = FALSE;
  hint = g_strdup_printf (_("Graded %s from your answer; change it if you disagree (1–4), then go on (Enter)."),
                          hep_quiz_explanation_grade_label (res->outcome->grade));
  gtk_label_set_label (self->grade_hint, hint);
  gtk_button_set_label (self->continue_button, self->index + 1 < self->plan->len ? _("Next Question")
                                                                                 : _("See Results"));
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->feedback_scroller), 0);
  gtk_stack_set_visible_child_name (self->stack, "feedback");
  gtk_widget_grab_focus (GTK_WIDGET (self->continue_button));
}

static void
answer (HepQuizView *self,
        gboolean     timed_out)
{
  Result *res;
  gint64 t = now_us (self);

  if (self->question == NULL)
    return;
  stop_timer (self);
  res = g_new0 (Result, 1);
  res->q = g_steal_pointer (&self->question);
  hep_quiz_response_init (&res->response);
  if (res->q->kind == HEP_QUIZ_KIND_FEATURES)
    res->response.features = self->features;
  else if (self->choice >= 0)
    res->choice = g_strdup (((HepQuizOption *) g_ptr_array_index (res->q->options, self->choice))->id);
  res->response.choice = res->choice;
  if (gtk_toggle_button_get_active (self->sure_button))
    res->response.confidence = HEP_QUIZ_CONFIDENCE_SURE;
  else if (gtk_toggle_button_get_active (self->unsure_button))
    res->response.confidence = HEP_QUIZ_CONFIDENCE_UNSURE;
  else
    res->response.confidence = HEP_QUIZ_CONFIDENCE_GUESSING;
  res->response.duration_ms = MAX (t - self->shown_at, 0) / 1000;
  res->response.timed_out = timed_out;
  res->outcome = hep_quiz_outcome_new (res->q, &res->response, NULL);
  res->answered_at = t / G_USEC_PER_SEC;
  g_ptr_array_add (self->results, res);
  g_ptr_array_set_size (self->option_buttons, 0);

  if (self->mode == HEP_QUIZ_MODE_EXAM)
    {
      record (self, res, 0);
      next_question (self);
      return;
    }
  self->pending = res;
  show_feedback (self, res);
}

static void
check_clicked_cb (HepQuizView *self)
{
  if (has_answer (self) && has_confidence (self))
    answer (self, FALSE);
}

static void
confidence_toggled_cb (HepQuizView *self)
{
  update_check (self);
}

static void
update_countdown (HepQuizView *self,
                  gint64       left_us)
{
  int seconds = (int) ((MAX (left_us, 0) + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC);
  g_autofree char *text = g_strdup_printf ("%d:%02d", seconds / 60, seconds % 60);
  g_autofree char *name = g_strdup_printf (ngettext ("%d second left", "%d seconds left", seconds), seconds);

  gtk_label_set_label (self->countdown_label, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->countdown_label), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  gtk_level_bar_set_value (self->countdown_bar, self->limit_us > 0 ? (double) MAX (left_us, 0) / self->limit_us : 0);
  if (seconds <= 10)
    gtk_widget_add_css_class (GTK_WIDGET (self->countdown_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->countdown_label), "error");
}

/* Timed mode: running out counts as wrong, with "timing" as the reason. */
static gboolean
tick_cb (gpointer user_data)
{
  HepQuizView *self = user_data;
  gint64 left = self->limit_us - (now_us (self) - self->shown_at);

  update_countdown (self, left);
  if (left > 0)
    return G_SOURCE_CONTINUE;
  self->tick_id = 0;
  answer (self, TRUE);
  return G_SOURCE_REMOVE;
}

/* A row of the stem: the phase (or History, Presentation) small above
 * its text, which is what the learner reads. */
static void
add_stem_row (HepQuizView *self,
              const char  *title,
              const char  *text)
{
  GtkWidget *row;
  GtkWidget *box;
  GtkWidget *label;

  if (text == NULL || *text == '\0')
    return;
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  label = hep_quiz_explanation_add_label (GTK_BOX (box), title, "caption-heading");
  gtk_widget_add_css_class (label, "dim-label");
  hep_quiz_explanation_add_label (GTK_BOX (box), text, NULL);
  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_append (self->stem_list, row);
}

/* "61-year-old man · found on ultrasound · 22 mm · cirrhosis" from what
 * the stem gives: the clinical context and the size. */
static char *
describe_meta (const HepQuizQuestion *q)
{
  g_autoptr(GString) text = g_string_new (NULL);
  int age = hep_feature_set_get (&q->given, HEP_FEATURE_AGE);
  int sex = hep_feature_set_get (&q->given, HEP_FEATURE_SEX);
  int size = hep_feature_set_get (&q->given, HEP_FEATURE_SIZE);

  if (age > 0)
    g_string_append_printf (text, sex == HEP_SEX_F ? _("%d-year-old woman") : sex == HEP_SEX_M ? _("%d-year-old man")
                                                                                                : _("%d-year-old patient"), age);
  if (q->found_on != NULL)
    g_string_append_printf (text, "%s%s %s", text->len ? " · " : "", _("found on"),
                            hep_case_modality_get_phrase (q->found_on));
  if (size > 0)
    g_string_append_printf (text, "%s%d mm", text->len ? " · " : "", size);
  for (int f = 0; f < HEP_N_FEATURES; f++)
    {
      g_autofree char *value = NULL;

      if (f == HEP_FEATURE_AGE || f == HEP_FEATURE_SEX || f == HEP_FEATURE_SIZE ||
          !hep_feature_set_is_set (&q->given, f))
        continue;
      value = hep_feature_describe_value (f, hep_feature_set_get (&q->given, f));
      g_string_append_printf (text, "%s%s", text->len ? " · " : "", value);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
show_question (HepQuizView *self)
{
  const HepQuizPlanItem *item;
  HepCaseStore *store = get_cases (self);
  g_autoptr(HepCase) c = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *progress = NULL;
  g_autofree char *meta = NULL;

  /* a case that went away since the plan was made is left out */
  while (self->index < self->plan->len)
    {
      item = g_ptr_array_index (self->plan, self->index);
      c = store ? hep_case_store_get_case (store, item->case_id, &error) : NULL;
      if (c != NULL)
        self->question = hep_quiz_question_new (c, item->kind, item->seed, &error);
      if (self->question != NULL)
        break;
      g_warning ("quiz: %s", error ? error->message : "no case library");
      g_clear_error (&error);
      g_clear_object (&c);
      self->index++;
    }
  if (self->question == NULL)
    {
      show_review (self);
      return;
    }

  progress = g_strdup_printf (_("Question %u of %u%s"), self->index + 1, self->plan->len,
                              self->unsaved ? _(" · not saved") : "");
  gtk_label_set_label (self->progress_label, progress);
  /* the title only when unknown-case mode shows it; never a number that
   * could be looked up */
  gtk_label_set_label (self->stem_title, self->question->title ? self->question->title : _("An Unknown Case"));
  meta = describe_meta (self->question);
  gtk_label_set_label (self->stem_meta, meta);
  remove_children (GTK_WIDGET (self->stem_list));
  add_stem_row (self, _("History"), self->question->history);
  add_stem_row (self, _("Presentation"), self->question->presentation);
  for (guint i = 0; i < self->question->findings->len; i++)
    {
      const HepQuizFinding *f = g_ptr_array_index (self->question->findings, i);

      add_stem_row (self, hep_case_phase_get_label (f->phase), f->text);
    }
  gtk_label_set_label (self->prompt_label, self->question->prompt);

  /* the last answer's feedback goes: nothing of it stays in the tree */
  remove_children (GTK_WIDGET (self->feedback_box));
  gtk_label_set_label (self->verdict_label, "");
  remove_children (GTK_WIDGET (self->options_box));
  g_ptr_array_set_size (self->option_buttons, 0);
  self->choice = -1;
  hep_feature_set_init (&self->features);
  for (guint i = 0; i < self->question->options->len; i++)
    {
      const HepQuizOption *o = g_ptr_array_index (self->question->options, i);
      g_autofree char *text = i < 9 ? g_strdup_printf ("%u.  %s", i + 1, o->label) : g_strdup (o->label);
      GtkWidget *button = gtk_toggle_button_new ();
      GtkWidget *label = gtk_label_new (text);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_button_set_child (GTK_BUTTON (button), label);
      gtk_widget_add_css_class (button, "quiz-option");
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
      g_signal_connect (button, "toggled", G_CALLBACK (option_toggled_cb), self);
      gtk_box_append (self->options_box, button);
      g_ptr_array_add (self->option_buttons, button);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->options_box), self->question->options->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->features_list), self->question->kind == HEP_QUIZ_KIND_FEATURES);
  if (self->question->kind == HEP_QUIZ_KIND_FEATURES)
    build_feature_rows (self);

  self->updating = TRUE;
  gtk_toggle_button_set_active (self->sure_button, FALSE);
  gtk_toggle_button_set_active (self->unsure_button, FALSE);
  gtk_toggle_button_set_active (self->guessing_button, FALSE);
  self->updating = FALSE;
  gtk_button_set_label (self->check_button, self->mode == HEP_QUIZ_MODE_EXAM ? _("Submit") : _("Check"));
  update_check (self);

  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->question_scroller), 0);
  gtk_stack_set_visible_child_name (self->stack, "question");
  self->shown_at = now_us (self);
  stop_timer (self);
  if (self->mode == HEP_QUIZ_MODE_TIMED)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->countdown_label), TRUE);
      gtk_widget_set_visible (GTK_WIDGET (self->countdown_bar), TRUE);
      update_countdown (self, self->limit_us);
      self->tick_id = g_timeout_add (TICK_MS, tick_cb, self);
    }
  /* the focus stays in the page, or the page's keys would not reach it
   * (the button that started the quiz is gone with the setup page) */
  if (self->option_buttons->len > 0)
    gtk_widget_grab_focus (g_ptr_array_index (self->option_buttons, 0));
  else if (!gtk_widget_child_focus (GTK_WIDGET (self->features_list), GTK_DIR_TAB_FORWARD))
    gtk_widget_grab_focus (GTK_WIDGET (self->sure_button));
}

static void
set_grade (HepQuizView *self,
           int          index)
{
  if (index < 0 || index >= 4)
    return;
  gtk_toggle_button_set_active (self->grade_buttons[index], TRUE);
}

/* ---- keys -------------------------------------------------------------------------- */

static int
digit (guint keyval)
{
  if (keyval >= GDK_KEY_1 && keyval <= GDK_KEY_9)
    return (int) (keyval - GDK_KEY_1);
  if (keyval >= GDK_KEY_KP_1 && keyval <= GDK_KEY_KP_9)
    return (int) (keyval - GDK_KEY_KP_1);
  return -1;
}

gboolean
hep_quiz_view_handle_key (HepQuizView     *self,
                          guint            keyval,
                          GdkModifierType  state)
{
  const char *page;
  gboolean enter = keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter || keyval == GDK_KEY_ISO_Enter;

  g_return_val_if_fail (HEP_IS_QUIZ_VIEW (self), FALSE);

  if (!self->built || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK)) != 0)
    return FALSE;
  page = gtk_stack_get_visible_child_name (self->stack);
  if (g_strcmp0 (page, "question") == 0 && self->question != NULL)
    {
      gboolean choices = self->question->kind != HEP_QUIZ_KIND_FEATURES;

      if (choices && digit (keyval) >= 0)
        {
          pick_option (self, digit (keyval));
          if (self->choice >= 0)
            gtk_widget_grab_focus (g_ptr_array_index (self->option_buttons, self->choice));
          return TRUE;
        }
      switch (gdk_keyval_to_lower (keyval))
        {
        case GDK_KEY_s:
          gtk_toggle_button_set_active (self->sure_button, TRUE);
          return TRUE;
        case GDK_KEY_u:
          gtk_toggle_button_set_active (self->unsure_button, TRUE);
          return TRUE;
        case GDK_KEY_g:
          gtk_toggle_button_set_active (self->guessing_button, TRUE);
          return TRUE;
        default:
          break;
        }
      if (enter)
        {
          check_clicked_cb (self);
          return TRUE;
        }
    }
  else if (g_strcmp0 (page, "feedback") == 0)
    {
      if (digit (keyval) >= 0 && digit (keyval) < 4)
        {
          set_grade (self, digit (keyval));
          return TRUE;
        }
      if (enter)
        {
          next_question (self);
          return TRUE;
        }
    }
  return FALSE;
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                HepQuizView           *self)
{
  return hep_quiz_view_handle_key (self, keyval, state);
}

/* ---- building ---------------------------------------------------------------------- */

/* The template is set, and so parsed, when the page is first built: set
 * in class_init it cost the window's first frame 2.6 M instructions
 * (0.27 %, callgrind), for a page that may never be shown. */
static void
ensure_template (GtkWidgetClass *widget_class)
{
  static gboolean done;

  if (done)
    return;
  done = TRUE;
  g_type_ensure (HEP_TYPE_CHOICE_BUTTON);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/hep-quiz-view.ui");
  gtk_widget_class_bind_template_child (widget_class, HepQuizView, stack);
  gtk_widget_class_bind_template_child (widget_class, HepQuizView, source_button);
  gtk_widget_class_bind_template_child (widget_class, HepQuizView, value_row);
  gtk_widget_class_bind_template_child (widget_class, HepQuizView, value_button);
  gtk_widget_class_bind_template_child (widget_class, HepQuizView, count_spin);
  gtk_widget_class_bind_template_child (widget_class, HepQuizView, tutor_check);
  gtk_widget_class_bind_template_child (widget_class, HepQuizView, timed_check);
  gtk_widget_class_bind_template_child (widget_class, HepQuizView, exam_check);
  gtk_widget_class_bind_template_child (widget_class, HepQuizView, timed_row);
  gtk_widget_class_bind_template_child (widget_class, HepQuizView, kinds_group);
  gtk_widget_class_bind_template_child (widget_class, HepQuizView, setup_status);
  gtk_widget_class_bind_template_child (widget_class, HepQuizView, resume_group);
  gtk_widget_class_bind_template_child (widget_class, HepQuizView, resume_row);
  gtk_widget_class_bind_template_child (widget_class, HepQuizView, resume_button);
  gtk_widget_class_bind_template_child (widget_class, HepQuizView, start_button);
  gtk_widget_class_bind_template_child (widget_class, HepQuizView, progress_label);
  gtk_widget_class_bind_template_child (widget_class, HepQuizView, countdown_label);
  gtk_widget_class_bind_template_child (widget_class, HepQuizView, countdown_bar);
  gtk_widget_class_bind_template_child (widget_class, HepQuizView, question_scroller);
  gtk_widget_class_bind_template_child (widget_class, HepQuizView, stem_title);
  gtk_widget_class_bind_template_child (widget_class, HepQuizView, stem_meta);
  gtk_widget_class_bind_template_child (widget_class, HepQuizView, stem_list);
  gtk_widget_class_bind_template_child (widget_class, HepQuizView, prompt_label);
  gtk_widget_class_bind_template_child (widget_class, HepQuizView, options_box);
  gtk_widget_class_bind_template_child (widget_class, HepQuizView, features_list);
  gtk_widget_class_bind_template_child (widget_class, HepQuizView, sure_button);
  gtk_widget_class_bind_template_child (widget_class, HepQuizView, unsure_button);
  gtk_widget_class_bind_template_child (widget_class, HepQuizView, guessing_button);
  gtk_widget_class_bind_template_child (widget_class, HepQuizView, check_button);
  gtk_widget_class_bind_template_child (widget_class, HepQuizView, question_hint);
  gtk_widget_class_bind_template_child (widget_class, HepQuizView, feedback_scroller);
  gtk_widget_class_bind_template_child (widget_class, HepQuizView, verdict_label);
  gtk_widget_class_bind_template_child (widget_class, HepQuizView, feedback_box);
  gtk_widget_class_bind_template_child (widget_class, HepQuizView, grade_box);
  gtk_widget_class_bind_template_child (widget_class, HepQuizView, continue_button);
  gtk_widget_class_bind_template_child (widget_class, HepQuizView, grade_hint);
  gtk_widget_class_bind_template_child (widget_class, HepQuizView, score_label);
  gtk_widget_class_bind_template_child (widget_class, HepQuizView, review_status);
  gtk_widget_class_bind_template_child (widget_class, HepQuizView, review_box);
  gtk_widget_class_bind_template_child (widget_class, HepQuizView, mistakes_button);
}

static void
build (HepQuizView *self)
{
  static const char * const sources[] = {
    N_("All Cases"), N_("By Diagnosis"), N_("By LI-RADS Category"), N_("By Tag"), N_("By Difficulty"),
    N_("Due for Review"), N_("My Mistakes"),
  };
  static const char * const kind_titles[] = {
    N_("_Features"), N_("_LI-RADS Category"), N_("_Diagnosis"), N_("Ne_xt Test"),
  };
  static const char * const kind_subtitles[] = {
    N_("Read the findings by phase and set the features"),
    N_("At-risk patients: the category"),
    N_("One of four or five, the others the differential's next"),
    N_("Cases with a next-imaging question: the best-rated test"),
  };
  g_autoptr(GtkStringList) source_list = gtk_string_list_new (NULL);
  GtkEventController *keys;

  if (self->built)
    return;
  self->built = TRUE;
  ensure_template (GTK_WIDGET_GET_CLASS (self));
  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < G_N_ELEMENTS (sources); i++)
    gtk_string_list_append (source_list, _(sources[i]));
  hep_choice_button_set_model (self->source_button, G_LIST_MODEL (source_list));
  hep_choice_button_set_selected (self->source_button, SOURCE_ALL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->source_button), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Cases"), -1);
  g_signal_connect_swapped (self->source_button, "notify::selected", G_CALLBACK (source_changed_cb), self);

  for (int k = 0; k < HEP_N_QUIZ_KINDS; k++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(kind_titles[k]));
      adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _(kind_subtitles[k]));
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_widget_set_name (check, hep_quiz_kind_to_string (k));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      adw_preferences_group_add (self->kinds_group, row);
      self->kind_checks[k] = GTK_CHECK_BUTTON (check);
    }
  g_signal_connect_swapped (self->start_button, "clicked", G_CALLBACK (start_clicked_cb), self);
  g_signal_connect_swapped (self->resume_button, "clicked", G_CALLBACK (resume_clicked_cb), self);

  g_signal_connect_swapped (self->check_button, "clicked", G_CALLBACK (check_clicked_cb), self);
  g_signal_connect_swapped (self->sure_button, "toggled", G_CALLBACK (confidence_toggled_cb), self);
  g_signal_connect_swapped (self->unsure_button, "toggled", G_CALLBACK (confidence_toggled_cb), self);
  g_signal_connect_swapped (self->guessing_button, "toggled", G_CALLBACK (confidence_toggled_cb), self);
  g_signal_connect_swapped (self->continue_button, "clicked", G_CALLBACK (continue_clicked_cb), self);

  for (int i = 0; i < 4; i++)
    {
      static const char * const names[] = { "quiz-grade-again", "quiz-grade-hard", "quiz-grade-good", "quiz-grade-easy" };
      g_autofree char *text = g_strdup_printf ("%d %s", i + 1, hep_quiz_explanation_grade_label (HEP_FSRS_RATING_AGAIN + i));
      g_autofree char *tooltip = g_strdup_printf (_("%s (%d)"), hep_quiz_explanation_grade_label (HEP_FSRS_RATING_AGAIN + i), i + 1);
      GtkWidget *button = gtk_toggle_button_new_with_label (text);

      gtk_widget_set_name (button, names[i]);
      gtk_widget_set_tooltip_text (button, tooltip);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      hep_quiz_explanation_grade_label (HEP_FSRS_RATING_AGAIN + i), -1);
      if (i > 0)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), self->grade_buttons[0]);
      gtk_box_append (self->grade_box, button);
      self->grade_buttons[i] = GTK_TOGGLE_BUTTON (button);
    }

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
}

static void
hep_quiz_view_map (GtkWidget *widget)
{
  HepQuizView *self = HEP_QUIZ_VIEW (widget);
  g_autofree char *timed = NULL;

  build (self);
  /* the setting may have changed since */
  timed = g_strdup_printf (_("As tutor, with %d seconds for each question (a preference)"),
                           seconds_per_question (self));
  adw_action_row_set_subtitle (self->timed_row, timed);
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "setup") == 0)
    update_resume (self);
  /* back on the page mid-countdown: the time away is not counted */
  if (self->paused_at > 0)
    {
      self->shown_at += now_us (self) - self->paused_at;
      self->paused_at = 0;
      update_countdown (self, self->limit_us - (now_us (self) - self->shown_at));
      self->tick_id = g_timeout_add (TICK_MS, tick_cb, self);
    }
  GTK_WIDGET_CLASS (hep_quiz_view_parent_class)->map (widget);
}

/* Leaving the page (another page of the window, or the window minimized)
 * stops the countdown until the learner comes back. */
static void
hep_quiz_view_unmap (GtkWidget *widget)
{
  HepQuizView *self = HEP_QUIZ_VIEW (widget);

  if (self->tick_id != 0)
    {
      g_clear_handle_id (&self->tick_id, g_source_remove);
      self->paused_at = now_us (self);
    }
  GTK_WIDGET_CLASS (hep_quiz_view_parent_class)->unmap (widget);
}

static void
hep_quiz_view_unroot (GtkWidget *widget)
{
  HepQuizView *self = HEP_QUIZ_VIEW (widget);

  /* an answer checked and not yet written is written before the window
   * goes (to the store taken at the start) */
  stop_timer (self);
  if (self->built)
    flush_pending (self);
  GTK_WIDGET_CLASS (hep_quiz_view_parent_class)->unroot (widget);
}

static void
hep_quiz_view_dispose (GObject *object)
{
  HepQuizView *self = HEP_QUIZ_VIEW (object);

  g_clear_handle_id (&self->tick_id, g_source_remove);
  if (self->pending != NULL)
    g_clear_pointer (&self->pending, result_free);   /* only if never rooted */
  if (self->built)
    {
      /* the bin's child is the template's: let go of it first */
      adw_bin_set_child (ADW_BIN (self), NULL);
      gtk_widget_dispose_template (GTK_WIDGET (object), HEP_TYPE_QUIZ_VIEW);
    }
  g_clear_object (&self->log);
  G_OBJECT_CLASS (hep_quiz_view_parent_class)->dispose (object);
}

static void
hep_quiz_view_finalize (GObject *object)
{
  HepQuizView *self = HEP_QUIZ_VIEW (object);

  g_clear_pointer (&self->question, hep_quiz_question_free);
  g_clear_pointer (&self->plan, g_ptr_array_unref);
  g_clear_pointer (&self->results, g_ptr_array_unref);
  g_clear_pointer (&self->option_buttons, g_ptr_array_unref);
  g_clear_pointer (&self->session_id, g_free);
  g_clear_pointer (&self->tags, g_strfreev);
  G_OBJECT_CLASS (hep_quiz_view_parent_class)->finalize (object);
}

static void
hep_quiz_view_class_init (HepQuizViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hep_quiz_view_dispose;
  object_class->finalize = hep_quiz_view_finalize;
  widget_class->map = hep_quiz_view_map;
  widget_class->unmap = hep_quiz_view_unmap;
  widget_class->unroot = hep_quiz_view_unroot;
  /* the template: ensure_template (), when the page is first built */
}

static void
hep_quiz_view_init (HepQuizView *self)
{
  /* the template is built when the page is first shown (build ()) */
  self->clock = real_clock;
  self->results = g_ptr_array_new_with_free_func ((GDestroyNotify) result_free);
  self->option_buttons = g_ptr_array_new ();
  self->choice = -1;
}

GtkWidget *
hep_quiz_view_new (void)
{
  return g_object_new (HEP_TYPE_QUIZ_VIEW, NULL);
}

/* The unfinished exam, from where it stopped: its questions again (the
 * same seeds, the same options), the answers so far scored again from the
 * log for the review page, then the next question. */
static void
resume_clicked_cb (HepQuizView *self)
{
  g_autofree char *session_id = NULL;
  g_autoptr(GPtrArray) plan = NULL;
  g_autoptr(GPtrArray) answers = NULL;
  HepCaseStore *store = get_cases (self);

  stop_timer (self);
  flush_pending (self);
  if (store == NULL || !load_unfinished_exam (self, &session_id, &plan, &answers))
    {
      update_resume (self);
      return;
    }
  g_clear_pointer (&self->question, hep_quiz_question_free);
  g_ptr_array_set_size (self->results, 0);
  for (guint i = 0; i < answers->len; i++)
    {
      const HepQuizLogEntry *e = g_ptr_array_index (answers, i);
      const HepQuizPlanItem *item = g_ptr_array_index (plan, i);
      g_autoptr(HepCase) c = hep_case_store_get_case (store, item->case_id, NULL);
      Result *res;

      if (c == NULL)
        continue;   /* gone since: left out of the review */
      res = g_new0 (Result, 1);
      res->q = hep_quiz_question_new (c, item->kind, item->seed, NULL);
      if (res->q == NULL || !hep_quiz_response_from_log (res->q, e, &res->response, &res->choice))
        {
          g_message ("quiz: answer %u of the unfinished exam does not fit its question; left out", i + 1);
          result_free (res);
          continue;
        }
      res->outcome = hep_quiz_outcome_new (res->q, &res->response, NULL);
      res->answered_at = e->answered_at;
      res->recorded = TRUE;
      g_ptr_array_add (self->results, res);
    }
  remove_children (GTK_WIDGET (self->review_box));
  show_setup_status (self, NULL);
  g_clear_pointer (&self->plan, g_ptr_array_unref);
  self->plan = g_steal_pointer (&plan);
  self->index = answers->len;
  self->mode = HEP_QUIZ_MODE_EXAM;
  g_set_object (&self->log, get_log (self));
  self->unsaved = self->log == NULL;
  g_free (self->session_id);
  self->session_id = g_steal_pointer (&session_id);
  show_question (self);
}

/* ---- public ------------------------------------------------------------------------ */

void
hep_quiz_view_show_setup (HepQuizView *self)
{
  g_return_if_fail (HEP_IS_QUIZ_VIEW (self));

  build (self);
  stop_timer (self);
  flush_pending (self);
  g_clear_pointer (&self->question, hep_quiz_question_free);
  update_resume (self);
  gtk_stack_set_visible_child_name (self->stack, "setup");
}

gboolean
hep_quiz_view_start (HepQuizView           *self,
                     const HepQuizPlanSpec *spec,
                     HepQuizMode            mode)
{
  HepCaseStore *store;
  g_autoptr(GPtrArray) plan = NULL;
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  gint64 t;

  g_return_val_if_fail (HEP_IS_QUIZ_VIEW (self), FALSE);
  g_return_val_if_fail (spec != NULL, FALSE);

  build (self);
  stop_timer (self);
  flush_pending (self);
  g_clear_pointer (&self->question, hep_quiz_question_free);
  store = get_cases (self);
  t = now_us (self);
  plan = store ? hep_quiz_plan_new (store, spec, t / G_USEC_PER_SEC, warnings, &error) : NULL;
  for (guint i = 0; i < warnings->len; i++)
    g_message ("quiz: %s", (char *) g_ptr_array_index (warnings, i));
  if (plan == NULL || plan->len == 0)
    {
      const char *why;

      if (plan == NULL)
        why = error ? error->message : _("The case library is not available.");
      else if ((spec->source == HEP_QUIZ_SOURCE_DUE || spec->source == HEP_QUIZ_SOURCE_MISTAKES) &&
               get_log (self) == NULL)
        why = _("Your review log is not available, so there is nothing to review: see the banner at the top.");
      else if (spec->source == HEP_QUIZ_SOURCE_DUE)
        why = _("Nothing is due for review now.");
      else if (spec->source == HEP_QUIZ_SOURCE_MISTAKES)
        why = _("No mistakes to go over: every last answer was right.");
      else
        why = _("No case matches, or none can make the kinds of question chosen.");
      hep_quiz_view_show_setup (self);
      show_setup_status (self, why);
      return FALSE;
    }

  show_setup_status (self, NULL);
  /* the last quiz's review names its cases' answers: a quiz over the
   * same cases (my mistakes) must not find them in the tree */
  remove_children (GTK_WIDGET (self->review_box));
  g_clear_pointer (&self->plan, g_ptr_array_unref);
  self->plan = g_steal_pointer (&plan);
  g_ptr_array_set_size (self->results, 0);
  self->index = 0;
  self->mode = mode;
  self->limit_us = (gint64) seconds_per_question (self) * G_USEC_PER_SEC;
  g_set_object (&self->log, get_log (self));
  self->unsaved = self->log == NULL;
  g_free (self->session_id);
  self->session_id = g_strdup_printf ("%s-%" G_GINT64_FORMAT "-%08x", mode_to_string (mode), t / G_USEC_PER_SEC,
                                      g_random_int ());
  if (mode == HEP_QUIZ_MODE_EXAM && self->log != NULL)
    keep_unfinished_exam (self);
  show_question (self);
  return TRUE;
}

gboolean
hep_quiz_view_start_named (HepQuizView *self,
                           const char  *what)
{
  HepQuizPlanSpec spec;

  g_return_val_if_fail (HEP_IS_QUIZ_VIEW (self), FALSE);
  g_return_val_if_fail (what != NULL, FALSE);

  build (self);
  if (g_str_equal (what, "setup"))
    {
      hep_quiz_view_show_setup (self);
      return TRUE;
    }
  setup_spec (self, &spec);
  if (g_str_equal (what, "due"))
    spec.source = HEP_QUIZ_SOURCE_DUE;
  else if (g_str_equal (what, "mistakes"))
    spec.source = HEP_QUIZ_SOURCE_MISTAKES;
  else
    return FALSE;
  if (spec.kinds == 0)
    spec.kinds = HEP_QUIZ_KINDS_ALL;
  return hep_quiz_view_start (self, &spec, setup_mode (self));
}

void
hep_quiz_view_set_clock (HepQuizView  *self,
                         HepQuizClock  clock,
                         gpointer      user_data)
{
  g_return_if_fail (HEP_IS_QUIZ_VIEW (self));

  self->clock = clock ? clock : real_clock;
  self->clock_data = clock ? user_data : NULL;
}

const char *
hep_quiz_view_get_page (HepQuizView *self)
{
  g_return_val_if_fail (HEP_IS_QUIZ_VIEW (self), NULL);

  return self->built ? gtk_stack_get_visible_child_name (self->stack) : "setup";
}

const HepQuizQuestion *
hep_quiz_view_get_question (HepQuizView *self)
{
  g_return_val_if_fail (HEP_IS_QUIZ_VIEW (self), NULL);

  return self->question;
}
