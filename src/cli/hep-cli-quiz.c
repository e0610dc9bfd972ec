/* hep-cli-quiz.c: `hepatica-cli quiz question|next|answer|stats|plot|history|mistakes|due`
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "hep-cli.h"
#include "hep-diagram-render.h"

#include <stdio.h>
#include <string.h>

static const char quiz_usage[] =
  "Usage: hepatica-cli quiz COMMAND [OPTIONS] [ARGS]\n"
  "\n"
  "Self-assessment: questions made from the cases, the review log, FSRS-6 review.\n"
  "\n"
  "Commands:\n"
  "  question [--kind=KIND] [--seed=N] [--reveal] CASE_ID\n"
  "                         a question as unknown-case mode shows the case (nothing that\n"
  "                         gives the answer away); --reveal adds the key and the explanation\n"
  "  next [--kind=KIND] [--seed=N] [--reveal]\n"
  "                         the question the quiz asks next: the most overdue case, else a\n"
  "                         case drawn with the seed\n"
  "  answer --kind=KIND [--seed=N] [--confidence=sure|unsure|guessing] [--duration-ms=N]\n"
  "         [--timed-out] [--grade=again|hard|good|easy] [--session=ID] [--mode=MODE]\n"
  "         CASE_ID ANSWER...\n"
  "                         scores an answer (an option id, or feature tokens for the\n"
  "                         features kind), writes it to the review log and reviews the\n"
  "                         case and the skills it touched\n"
  "  stats                  the statistics of the review log, by day in the local time\n"
  "                         zone (TZ), as the window counts them\n"
  "  plot --output=FILE [--theme=light|dark|hc-light|hc-dark] [--size=WxH] PLOT\n"
  "                         one statistics plot as SVG, PNG or PDF (by FILE's extension)\n"
  "  history --csv [--session=ID]\n"
  "                         the review log (or one session's answers) as CSV, oldest first\n"
  "  mistakes               the latest answer of each case and question kind, when it was\n"
  "                         wrong, newest first: what \"quiz my mistakes\" asks again\n"
  "  due                    the cases and skills due for review\n"
  "\n"
  "KIND: features, lirads, diagnosis (the default) or next-test.\n"
  "PLOT: accuracy-over-time, by-diagnosis, by-lirads, by-feature, confusion, calibration,\n"
  "      due or retention.\n"
  "\n"
  "Options of every command:\n"
  "  --json                 print JSON instead of text\n"
  "  --db=PATH              the user database (default: $XDG_DATA_HOME/hepatica/user.db)\n"
  "  --library=PATH         the bundled library (default: $HEPATICA_LIBRARY or the installed one)\n"
  "  --now=ISO8601          the time to use instead of the clock (UTC unless it says otherwise)\n"
  "\n"
  "Exit status: 0 on success, 1 when the command fails, 2 on bad arguments.\n"
  HEP_CLI_EDUCATION_NOTE "\n";

static const char * const known_options[] = {
  "db=", "library=", "now=", "kind=", "seed=", "reveal", "confidence=", "duration-ms=", "timed-out",
  "grade=", "session=", "mode=", "csv", "output=", "theme=", "size=", NULL,
};

/* Opens the store as the app does (and as `cases` does): checked, backed
 * up before a migration and once a day. Only `answer` writes; the others
 * also work when the database cannot be written. */
static HepCaseStore *
open_store (const char  *command,
            HepCliArgs  *args)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *backups = NULL;
  gboolean writes = g_str_equal (command, "quiz answer");
  HepCaseStore *store;

  path = hep_cli_args_get (args, "db") ? g_strdup (hep_cli_args_get (args, "db"))
                                       : hep_case_store_default_user_path ();
  backups = hep_db_backup_dir_for (path);
  store = hep_case_store_open (path, hep_cli_args_get (args, "library"), backups,
                               writes ? HEP_CASE_STORE_OPEN_DEFAULT : HEP_CASE_STORE_OPEN_READ_ONLY_OK,
                               g_get_real_time () / G_USEC_PER_SEC, &error);
  if (store == NULL)
    hep_cli_fail (command, HEP_CLI_EXIT_FAILURE, "%s", error->message);
  return store;
}

static gboolean
get_now (const char  *command,
         HepCliArgs  *args,
         gint64      *now)
{
  const char *text = hep_cli_args_get (args, "now");
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) dt = NULL;

  if (text == NULL)
    {
      *now = g_get_real_time () / G_USEC_PER_SEC;
      return TRUE;
    }
  dt = g_date_time_new_from_iso8601 (text, utc);
  if (dt == NULL)
    {
      hep_cli_fail (command, HEP_CLI_EXIT_USAGE,
                    "bad --now “%s”; expected an ISO 8601 date and time, e.g. 2026-03-01T08:00:00Z", text);
      return FALSE;
    }
  *now = g_date_time_to_unix (dt);
  return TRUE;
}

static char *
format_time (gint64 t)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (t);

  return dt ? g_date_time_format (dt, "%Y-%m-%dT%H:%M:%SZ") : g_strdup ("");
}

static gboolean
get_uint (const char  *command,
          HepCliArgs  *args,
          const char  *name,
          guint64      max,
          guint64     *value)
{
  const char *text = hep_cli_args_get (args, name);

  if (text == NULL)
    return TRUE;
  if (!g_ascii_string_to_unsigned (text, 10, 0, max, value, NULL))
    {
      hep_cli_fail (command, HEP_CLI_EXIT_USAGE, "bad --%s “%s”; expected a whole number from 0 to %" G_GUINT64_FORMAT,
                    name, text, max);
      return FALSE;
    }
  return TRUE;
}

/* The case and its question, from --kind, --seed and the first positional
 * argument after the command. */
static HepQuizQuestion *
load_question (const char    *command,
               HepCliArgs    *args,
               HepCaseStore  *store,
               int           *status)
{
  const char *kind_text = hep_cli_args_get (args, "kind");
  g_autoptr(HepCase) c = NULL;
  g_autoptr(GError) error = NULL;
  HepQuizQuestion *q;
  HepQuizKind kind = HEP_QUIZ_KIND_DIAGNOSIS;
  guint64 seed = 0;

  *status = HEP_CLI_EXIT_USAGE;
  if (kind_text != NULL && !hep_quiz_kind_from_string (kind_text, &kind))
    {
      hep_cli_fail (command, HEP_CLI_EXIT_USAGE,
                    "unknown --kind “%s”; accepted: features, lirads, diagnosis, next-test", kind_text);
      return NULL;
    }
  if (!get_uint (command, args, "seed", G_MAXUINT32, &seed))
    return NULL;
  if (args->args->len < 2)
    {
      hep_cli_fail (command, HEP_CLI_EXIT_USAGE, "expected a CASE_ID");
      return NULL;
    }
  *status = HEP_CLI_EXIT_FAILURE;
  c = hep_case_store_get_case (store, args->args->pdata[1], &error);
  if (c == NULL)
    {
      hep_cli_fail (command, HEP_CLI_EXIT_FAILURE, "%s", error->message);
      return NULL;
    }
  q = hep_quiz_question_new (c, kind, (guint32) seed, &error);
  if (q == NULL)
    hep_cli_fail (command, HEP_CLI_EXIT_FAILURE, "%s", error->message);
  return q;
}

static void
json_string_array (JsonBuilder *json,
                   const char  *key,
                   GPtrArray   *strings)
{
  json_builder_set_member_name (json, key);
  json_builder_begin_array (json);
  for (guint i = 0; i < strings->len; i++)
    hep_cli_json_string (json, g_ptr_array_index (strings, i));
  json_builder_end_array (json);
}

/* What the learner sees after the answer (tutor mode). */
static void
json_explanation (JsonBuilder           *json,
                  const HepQuizQuestion *q)
{
  hep_cli_json_member_string (json, "diagnosis", q->diagnosis);
  hep_cli_json_member_string (json, "lirads", hep_lirads_category_to_string (q->lirads));
  json_string_array (json, "lirads_path", q->lirads_path);
  json_string_array (json, "evidence", q->evidence);
  json_string_array (json, "teaching_points", q->teaching_points);
  json_string_array (json, "pitfalls", q->pitfalls);
}

static void
print_list (const char *title,
            GPtrArray  *strings)
{
  if (strings->len == 0)
    return;
  printf ("%s:\n", title);
  for (guint i = 0; i < strings->len; i++)
    printf ("  - %s\n", (char *) g_ptr_array_index (strings, i));
}

static int
print_question (HepCliArgs            *args,
                const HepQuizQuestion *q)
{
  gboolean reveal = hep_cli_args_get (args, "reveal") != NULL;
  g_autofree char *given = NULL;
  g_autofree char *key_features = NULL;

  given = hep_feature_set_to_string (&q->given);
  key_features = hep_feature_set_to_string (&q->key_features);

  if (args->json)
    {
      g_autoptr(JsonBuilder) json = json_builder_new ();

      json_builder_begin_object (json);
      hep_cli_json_member_string (json, "case", q->case_id);
      hep_cli_json_member_string (json, "kind", hep_quiz_kind_to_string (q->kind));
      hep_cli_json_member_string (json, "title", q->title);
      hep_cli_json_member_string (json, "history", q->history);
      hep_cli_json_member_string (json, "presentation", q->presentation);
      hep_cli_json_member_string (json, "found_on", q->found_on);
      json_builder_set_member_name (json, "findings");
      json_builder_begin_array (json);
      for (guint i = 0; i < q->findings->len; i++)
        {
          const HepQuizFinding *f = g_ptr_array_index (q->findings, i);

          json_builder_begin_object (json);
          hep_cli_json_member_string (json, "phase", hep_case_phase_to_key (f->phase));
          hep_cli_json_member_string (json, "text", f->text);
          json_builder_end_object (json);
        }
      json_builder_end_array (json);
      hep_cli_json_member_string (json, "given", given);
      hep_cli_json_member_string (json, "prompt", q->prompt);
      json_builder_set_member_name (json, "options");
      json_builder_begin_array (json);
      for (guint i = 0; i < q->options->len; i++)
        {
          const HepQuizOption *o = g_ptr_array_index (q->options, i);

          json_builder_begin_object (json);
          hep_cli_json_member_string (json, "id", o->id);
          hep_cli_json_member_string (json, "label", o->label);
          json_builder_end_object (json);
        }
      json_builder_end_array (json);
      if (reveal)
        {
          json_builder_set_member_name (json, "answer");
          json_builder_begin_object (json);
          if (q->kind == HEP_QUIZ_KIND_FEATURES)
            hep_cli_json_member_string (json, "features", key_features);
          else
            {
              hep_cli_json_member_int (json, "index", q->key);
              hep_cli_json_member_string (json, "id", ((HepQuizOption *) g_ptr_array_index (q->options, q->key))->id);
            }
          json_explanation (json, q);
          json_builder_end_object (json);
        }
      json_builder_end_object (json);
      hep_cli_print_json (json);
      return HEP_CLI_EXIT_OK;
    }

  printf ("Case %s, %s question\n", q->case_id, hep_quiz_kind_to_string (q->kind));
  if (q->title)
    printf ("Title: %s\n", q->title);
  printf ("History: %s\nPresentation: %s\n", q->history, q->presentation);
  if (q->found_on)
    printf ("Found on: %s\n", hep_case_modality_get_label (q->found_on));
  for (guint i = 0; i < q->findings->len; i++)
    {
      const HepQuizFinding *f = g_ptr_array_index (q->findings, i);

      printf ("  %s: %s\n", hep_case_phase_get_label (f->phase), f->text);
    }
  if (*given)
    printf ("Given: %s\n", given);
  printf ("\n%s\n", q->prompt);
  for (guint i = 0; i < q->options->len; i++)
    {
      const HepQuizOption *o = g_ptr_array_index (q->options, i);

      printf ("  %u. %-18s %s\n", i + 1, o->id, o->label);
    }
  if (reveal)
    {
      if (q->kind == HEP_QUIZ_KIND_FEATURES)
        printf ("\nAnswer: %s\n", key_features);
      else
        printf ("\nAnswer: %d. %s\n", q->key + 1, ((HepQuizOption *) g_ptr_array_index (q->options, q->key))->id);
      printf ("Diagnosis: %s; LI-RADS: %s\n", hep_case_diagnosis_get_label (q->diagnosis),
              hep_lirads_category_to_string (q->lirads));
      print_list ("LI-RADS path", q->lirads_path);
      print_list ("Evidence", q->evidence);
      print_list ("Teaching points", q->teaching_points);
      print_list ("Pitfalls", q->pitfalls);
    }
  printf ("\n%s\n", HEP_CLI_EDUCATION_NOTE);
  return HEP_CLI_EXIT_OK;
}

static int
quiz_question (HepCliArgs *args)
{
  const char *command = "quiz question";
  g_autoptr(HepCaseStore) store = open_store (command, args);
  g_autoptr(HepQuizQuestion) q = NULL;
  int status;

  if (store == NULL)
    return HEP_CLI_EXIT_FAILURE;
  q = load_question (command, args, store, &status);
  if (q == NULL)
    return status;
  return print_question (args, q);
}

static int
quiz_next (HepCliArgs *args)
{
  const char *command = "quiz next";
  const char *kind_text = hep_cli_args_get (args, "kind");
  g_autoptr(HepCaseStore) store = NULL;
  g_autoptr(HepCase) c = NULL;
  g_autoptr(HepQuizQuestion) q = NULL;
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  HepQuizKind kind = HEP_QUIZ_KIND_DIAGNOSIS;
  guint64 seed = 0;
  gint64 now;

  if (kind_text != NULL && !hep_quiz_kind_from_string (kind_text, &kind))
    return hep_cli_fail (command, HEP_CLI_EXIT_USAGE,
                         "unknown --kind “%s”; accepted: features, lirads, diagnosis, next-test", kind_text);
  if (!get_uint (command, args, "seed", G_MAXUINT32, &seed) || !get_now (command, args, &now))
    return HEP_CLI_EXIT_USAGE;
  if (args->args->len > 1)
    return hep_cli_fail (command, HEP_CLI_EXIT_USAGE, "takes no CASE_ID: it picks the case");
  store = open_store (command, args);
  if (store == NULL)
    return HEP_CLI_EXIT_FAILURE;
  c = hep_quiz_next_case (store, now, (guint32) seed, warnings, &error);
  for (guint i = 0; i < warnings->len; i++)
    fprintf (stderr, "hepatica-cli %s: warning: %s\n", command, (char *) g_ptr_array_index (warnings, i));
  if (c == NULL)
    return hep_cli_fail (command, HEP_CLI_EXIT_FAILURE, "%s", error ? error->message : "the library has no cases");
  q = hep_quiz_question_new (c, kind, (guint32) seed, &error);
  if (q == NULL)
    return hep_cli_fail (command, HEP_CLI_EXIT_FAILURE, "%s", error->message);
  return print_question (args, q);
}

static int
quiz_answer (HepCliArgs *args)
{
  const char *command = "quiz answer";
  g_autoptr(HepCaseStore) store = NULL;
  g_autoptr(HepQuizQuestion) q = NULL;
  g_autoptr(HepQuizOutcome) o = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *why = NULL;
  const char *text;
  HepQuizResponse r;
  HepFsrsParams params;
  guint64 duration = 0;
  gint64 now, pk;
  int status;

  hep_quiz_response_init (&r);
  if (!get_now (command, args, &now))
    return HEP_CLI_EXIT_USAGE;
  if (hep_cli_args_get (args, "kind") == NULL)
    return hep_cli_fail (command, HEP_CLI_EXIT_USAGE, "needs --kind=features|lirads|diagnosis|next-test");
  text = hep_cli_args_get (args, "confidence");
  if (text != NULL && !hep_quiz_confidence_from_string (text, &r.confidence))
    return hep_cli_fail (command, HEP_CLI_EXIT_USAGE, "unknown --confidence “%s”; accepted: sure, unsure, guessing", text);
  text = hep_cli_args_get (args, "grade");
  if (text != NULL)
    {
      HepFsrsRating grade;

      if (!hep_fsrs_rating_from_string (text, &grade))
        return hep_cli_fail (command, HEP_CLI_EXIT_USAGE, "unknown --grade “%s”; accepted: again, hard, good, easy", text);
      r.grade = grade;
    }
  if (!get_uint (command, args, "duration-ms", G_MAXINT32, &duration))
    return HEP_CLI_EXIT_USAGE;
  r.duration_ms = hep_cli_args_get (args, "duration-ms") ? (gint64) duration : -1;
  r.timed_out = hep_cli_args_get (args, "timed-out") != NULL;

  store = open_store (command, args);
  if (store == NULL)
    return HEP_CLI_EXIT_FAILURE;
  q = load_question (command, args, store, &status);
  if (q == NULL)
    return status;
  if (args->args->len < 3 && !r.timed_out)
    return hep_cli_fail (command, HEP_CLI_EXIT_USAGE, "expected the ANSWER after the CASE_ID");
  if (q->kind == HEP_QUIZ_KIND_FEATURES)
    {
      for (guint i = 2; i < args->args->len; i++)
        if (!hep_feature_set_parse_token (&r.features, args->args->pdata[i], &error))
          return hep_cli_fail (command, HEP_CLI_EXIT_USAGE, "%s", error->message);
    }
  else if (args->args->len >= 3)
    {
      r.choice = args->args->pdata[2];
      if (args->args->len > 3 || hep_quiz_question_find_option (q, r.choice) < 0)
        {
          g_autoptr(GString) accepted = g_string_new (NULL);

          for (guint i = 0; i < q->options->len; i++)
            g_string_append_printf (accepted, "%s%s", i ? ", " : "",
                                    ((HepQuizOption *) g_ptr_array_index (q->options, i))->id);
          return hep_cli_fail (command, HEP_CLI_EXIT_USAGE, "“%s” is not one of the options; accepted: %s",
                               r.choice, accepted->str);
        }
    }

  o = hep_quiz_outcome_new (q, &r, NULL);
  hep_fsrs_params_init_default (&params);
  pk = hep_quiz_record_answer (store, &params, q, &r, o, hep_cli_args_get (args, "session"),
                               hep_cli_args_get (args, "mode"), now, &error);
  if (pk == 0)
    return hep_cli_fail (command, HEP_CLI_EXIT_FAILURE, "%s", error->message);
  why = hep_quiz_error_report_describe (&o->report);

  if (args->json)
    {
      g_autoptr(JsonBuilder) json = json_builder_new ();

      json_builder_begin_object (json);
      hep_cli_json_member_int (json, "id", pk);
      hep_cli_json_member_string (json, "case", q->case_id);
      hep_cli_json_member_string (json, "kind", hep_quiz_kind_to_string (q->kind));
      hep_cli_json_member_boolean (json, "correct", o->correct);
      hep_cli_json_member_double (json, "score", o->score);
      hep_cli_json_member_string (json, "answer", o->answer);
      hep_cli_json_member_string (json, "expected", o->expected);
      hep_cli_json_member_string (json, "error_kind", o->report.kind == HEP_QUIZ_ERROR_NONE ? NULL
                                  : hep_quiz_error_kind_to_string (o->report.kind));
      hep_cli_json_member_string (json, "why", why);
      hep_cli_json_member_string (json, "grade", hep_fsrs_rating_to_string (o->grade));
      json_builder_set_member_name (json, "explanation");
      json_builder_begin_object (json);
      json_explanation (json, q);
      json_builder_end_object (json);
      json_builder_set_member_name (json, "skills");
      json_builder_begin_array (json);
      for (guint i = 0; i < o->skills->len; i++)
        {
          const HepQuizSkillReview *s = g_ptr_array_index (o->skills, i);

          json_builder_begin_object (json);
          hep_cli_json_member_string (json, "id", s->id);
          hep_cli_json_member_string (json, "grade", hep_fsrs_rating_to_string (s->rating));
          json_builder_end_object (json);
        }
      json_builder_end_array (json);
      json_builder_end_object (json);
      hep_cli_print_json (json);
      return HEP_CLI_EXIT_OK;
    }

  printf ("%s", o->correct ? "right" : "wrong");
  if (why)
    printf (" (%s)", why);
  printf ("\nanswer: %s\nexpected: %s\ngrade: %s\n", o->answer, o->expected, hep_fsrs_rating_to_string (o->grade));
  for (guint i = 0; i < o->skills->len; i++)
    {
      const HepQuizSkillReview *s = g_ptr_array_index (o->skills, i);

      printf ("skill %s: %s\n", s->id, hep_fsrs_rating_to_string (s->rating));
    }
  return HEP_CLI_EXIT_OK;
}

/* The log and the review states, and the statistics of them, in days of
 * the local time zone (TZ), as the window counts them; warnings about
 * skipped rows go to stderr. */
static HepQuizStats *
load_stats (const char    *command,
            HepCaseStore  *store,
            gint64         now)
{
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimeZone) local = g_time_zone_new_local ();
  HepQuizStats *stats;

  stats = hep_quiz_stats_load (store, now, hep_quiz_stats_utc_offset (local, now), warnings, NULL, &error);
  for (guint i = 0; i < warnings->len; i++)
    fprintf (stderr, "hepatica-cli %s: warning: %s\n", command, (char *) g_ptr_array_index (warnings, i));
  if (stats == NULL)
    hep_cli_fail (command, HEP_CLI_EXIT_FAILURE, "%s", error->message);
  return stats;
}

static void
json_tally (JsonBuilder        *json,
            const char         *key,
            const HepQuizTally *t)
{
  if (key)
    json_builder_set_member_name (json, key);
  json_builder_begin_object (json);
  hep_cli_json_member_int (json, "answers", t->n);
  hep_cli_json_member_int (json, "right", t->n_correct);
  json_builder_set_member_name (json, "accuracy");
  if (t->n)
    hep_cli_json_double (json, hep_quiz_tally_rate (t));
  else
    json_builder_add_null_value (json);
  json_builder_end_object (json);
}

static void
print_tally (const char         *label,
             const HepQuizTally *t)
{
  g_autofree char *rate = NULL;
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (t->n == 0)
    return;
  rate = g_strdup (g_ascii_formatd (buf, sizeof buf, "%.1f", 100.0 * hep_quiz_tally_rate (t)));
  printf ("  %-34s %5s %%  (%u of %u)\n", label, rate, t->n_correct, t->n);
}

static const char * const confidence_keys[] = { "sure", "unsure", "guessing" };

static int
quiz_stats (HepCliArgs *args)
{
  const char *command = "quiz stats";
  g_autoptr(HepCaseStore) store = NULL;
  g_autoptr(HepQuizStats) s = NULL;
  gint64 now;

  if (!get_now (command, args, &now))
    return HEP_CLI_EXIT_USAGE;
  store = open_store (command, args);
  if (store == NULL)
    return HEP_CLI_EXIT_FAILURE;
  s = load_stats (command, store, now);
  if (s == NULL)
    return HEP_CLI_EXIT_FAILURE;

  if (args->json)
    {
      g_autoptr(JsonBuilder) json = json_builder_new ();

      json_builder_begin_object (json);
      hep_cli_json_member_int (json, "answers", s->n_answers);
      hep_cli_json_member_int (json, "skipped", s->n_skipped);
      hep_cli_json_member_int (json, "utc_offset", s->utc_offset);
      json_tally (json, "all", &s->all);
      json_builder_set_member_name (json, "by_kind");
      json_builder_begin_object (json);
      for (int k = 0; k < HEP_N_QUIZ_KINDS; k++)
        json_tally (json, hep_quiz_kind_to_string (k), &s->by_kind[k]);
      json_builder_end_object (json);
      json_builder_set_member_name (json, "errors");
      json_builder_begin_object (json);
      for (int e = HEP_QUIZ_ERROR_TIMING; e <= HEP_QUIZ_ERROR_KNOWLEDGE; e++)
        hep_cli_json_member_int (json, hep_quiz_error_kind_to_string (e), s->by_error[e]);
      json_builder_end_object (json);
      json_builder_set_member_name (json, "days");
      json_builder_begin_array (json);
      for (guint i = 0; i < s->days->len; i++)
        {
          const HepQuizDayTally *d = &g_array_index (s->days, HepQuizDayTally, i);
          g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (d->day + s->utc_offset);
          g_autofree char *date = g_date_time_format (dt, "%Y-%m-%d");

          json_builder_begin_object (json);
          hep_cli_json_member_string (json, "day", date);
          hep_cli_json_member_int (json, "answers", d->tally.n);
          hep_cli_json_member_int (json, "right", d->tally.n_correct);
          json_builder_end_object (json);
        }
      json_builder_end_array (json);
      json_builder_set_member_name (json, "by_diagnosis");
      json_builder_begin_object (json);
      for (int d = 0; d < HEP_N_DDX; d++)
        if (s->by_diagnosis[d].n)
          json_tally (json, hep_ddx_diagnosis_to_string (d), &s->by_diagnosis[d]);
      json_builder_end_object (json);
      json_builder_set_member_name (json, "by_lirads");
      json_builder_begin_object (json);
      for (int c = 0; c < HEP_N_LIRADS_CATEGORIES; c++)
        if (s->by_lirads[c].n)
          json_tally (json, hep_lirads_category_to_string (c), &s->by_lirads[c]);
      json_builder_end_object (json);
      json_builder_set_member_name (json, "by_feature");
      json_builder_begin_object (json);
      for (int f = 0; f < HEP_N_FEATURES; f++)
        if (s->by_feature[f].n)
          json_tally (json, hep_feature_get_token (f), &s->by_feature[f]);
      json_builder_end_object (json);
      json_builder_set_member_name (json, "confusion");
      json_builder_begin_array (json);
      for (int t = 0; t < HEP_N_DDX; t++)
        for (int a = 0; a < HEP_N_DDX; a++)
          if (s->confusion[t][a])
            {
              json_builder_begin_object (json);
              hep_cli_json_member_string (json, "true", hep_ddx_diagnosis_to_string (t));
              hep_cli_json_member_string (json, "answered", hep_ddx_diagnosis_to_string (a));
              hep_cli_json_member_int (json, "count", s->confusion[t][a]);
              json_builder_end_object (json);
            }
      json_builder_end_array (json);
      json_builder_set_member_name (json, "calibration");
      json_builder_begin_object (json);
      for (int c = 0; c < 3; c++)
        json_tally (json, confidence_keys[c], &s->by_confidence[c]);
      json_builder_end_object (json);
      json_builder_set_member_name (json, "due");
      json_builder_begin_array (json);
      for (int d = 0; d < HEP_QUIZ_STATS_FORECAST_DAYS; d++)
        json_builder_add_int_value (json, s->due[d]);
      json_builder_end_array (json);
      json_tally (json, "retention", &s->retention);
      json_builder_end_object (json);
      hep_cli_print_json (json);
      return HEP_CLI_EXIT_OK;
    }

  printf ("Answers: %u", s->n_answers);
  if (s->n_skipped)
    printf (" (%u skipped)", s->n_skipped);
  printf ("\n");
  print_tally ("all", &s->all);
  printf ("By question kind:\n");
  for (int k = 0; k < HEP_N_QUIZ_KINDS; k++)
    print_tally (hep_quiz_kind_to_string (k), &s->by_kind[k]);
  printf ("Why wrong:");
  for (int e = HEP_QUIZ_ERROR_TIMING; e <= HEP_QUIZ_ERROR_KNOWLEDGE; e++)
    printf (" %s %u", hep_quiz_error_kind_to_string (e), s->by_error[e]);
  printf ("\nBy day:\n");
  for (guint i = 0; i < s->days->len; i++)
    {
      const HepQuizDayTally *d = &g_array_index (s->days, HepQuizDayTally, i);
      g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (d->day + s->utc_offset);
      g_autofree char *date = g_date_time_format (dt, "%Y-%m-%d");

      print_tally (date, &d->tally);
    }
  printf ("By diagnosis:\n");
  for (int d = 0; d < HEP_N_DDX; d++)
    print_tally (hep_ddx_diagnosis_to_string (d), &s->by_diagnosis[d]);
  printf ("By LI-RADS category:\n");
  for (int c = 0; c < HEP_N_LIRADS_CATEGORIES; c++)
    print_tally (hep_lirads_category_to_string (c), &s->by_lirads[c]);
  printf ("By feature (read right):\n");
  for (int f = 0; f < HEP_N_FEATURES; f++)
    print_tally (hep_feature_get_token (f), &s->by_feature[f]);
  printf ("Confusion (true → answered):\n");
  for (int t = 0; t < HEP_N_DDX; t++)
    for (int a = 0; a < HEP_N_DDX; a++)
      if (s->confusion[t][a] && t != a)
        printf ("  %s → %s: %u\n", hep_ddx_diagnosis_to_string (t), hep_ddx_diagnosis_to_string (a), s->confusion[t][a]);
  printf ("Calibration:\n");
  for (int c = 0; c < 3; c++)
    print_tally (confidence_keys[c], &s->by_confidence[c]);
  printf ("Due in the next %d days:", HEP_QUIZ_STATS_FORECAST_DAYS);
  for (int d = 0; d < HEP_QUIZ_STATS_FORECAST_DAYS; d++)
    printf (" %u", s->due[d]);
  printf ("\nTrue retention:\n");
  print_tally ("reviews", &s->retention);
  return HEP_CLI_EXIT_OK;
}

static int
quiz_plot (HepCliArgs *args)
{
  const char *command = "quiz plot";
  const char *output = hep_cli_args_get (args, "output");
  const char *size = hep_cli_args_get (args, "size");
  g_autoptr(HepCaseStore) store = NULL;
  g_autoptr(HepQuizStats) s = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *svg = NULL;
  g_autofree char *alt = NULL;
  const char *theme_text = hep_cli_args_get (args, "theme");
  HepDiagramTheme theme;
  HepQuizPlot plot;
  HepExportFormat format;
  int width = 640, height = 400;
  gint64 now;

  if (args->args->len != 2 || !hep_quiz_plot_from_string (args->args->pdata[1], &plot))
    return hep_cli_fail (command, HEP_CLI_EXIT_USAGE,
                         "expected one PLOT: accuracy-over-time, by-diagnosis, by-lirads, by-feature, "
                         "confusion, calibration, due or retention");
  if (output == NULL || !hep_export_format_from_path (output, &format))
    return hep_cli_fail (command, HEP_CLI_EXIT_USAGE, "needs --output=FILE ending in .svg, .png or .pdf");
  if (size != NULL && (sscanf (size, "%dx%d", &width, &height) != 2 || width < 100 || height < 100 ||
                       width > 4000 || height > 4000))
    return hep_cli_fail (command, HEP_CLI_EXIT_USAGE, "bad --size “%s”; expected WxH, 100 to 4000 each, e.g. 640x400", size);
  if (theme_text == NULL || g_str_equal (theme_text, "light"))
    theme = HEP_DIAGRAM_THEME_LIGHT;
  else if (g_str_equal (theme_text, "dark"))
    theme = HEP_DIAGRAM_THEME_DARK;
  else if (g_str_equal (theme_text, "hc-light"))
    theme = HEP_DIAGRAM_THEME_HC_LIGHT;
  else if (g_str_equal (theme_text, "hc-dark"))
    theme = HEP_DIAGRAM_THEME_HC_DARK;
  else
    return hep_cli_fail (command, HEP_CLI_EXIT_USAGE,
                         "unknown --theme “%s”; accepted: light, dark, hc-light, hc-dark", theme_text);
  if (!get_now (command, args, &now))
    return HEP_CLI_EXIT_USAGE;
  store = open_store (command, args);
  if (store == NULL)
    return HEP_CLI_EXIT_FAILURE;
  s = load_stats (command, store, now);
  if (s == NULL)
    return HEP_CLI_EXIT_FAILURE;
  svg = hep_quiz_stats_plot_svg (s, plot, theme, width, height, &alt);
  if (!hep_diagram_render_export (svg, output, width, height, &error))
    return hep_cli_fail (command, HEP_CLI_EXIT_FAILURE, "%s", error->message);
  if (args->json)
    {
      g_autoptr(JsonBuilder) json = json_builder_new ();

      json_builder_begin_object (json);
      hep_cli_json_member_string (json, "plot", hep_quiz_plot_to_string (plot));
      hep_cli_json_member_string (json, "output", output);
      hep_cli_json_member_string (json, "text_alternative", alt);
      json_builder_end_object (json);
      hep_cli_print_json (json);
    }
  else
    printf ("%s", alt);
  return HEP_CLI_EXIT_OK;
}

/* RFC 4180: a field with a comma, a quote or a line break is quoted, its
 * quotes doubled. */
static void
csv_field (GString    *out,
           const char *text,
           gboolean    last)
{
  if (text != NULL && strpbrk (text, ",\"\r\n") != NULL)
    {
      g_string_append_c (out, '"');
      for (const char *p = text; *p; p++)
        {
          if (*p == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, *p);
        }
      g_string_append_c (out, '"');
    }
  else if (text != NULL)
    g_string_append (out, text);
  g_string_append (out, last ? "\r\n" : ",");
}

static int
quiz_history (HepCliArgs *args)
{
  const char *command = "quiz history";
  g_autoptr(HepCaseStore) store = NULL;
  g_autoptr(GPtrArray) log = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) out = g_string_new (NULL);

  if (hep_cli_args_get (args, "csv") == NULL || args->json)
    return hep_cli_fail (command, HEP_CLI_EXIT_USAGE, "needs --csv (the only format of the history)");
  store = open_store (command, args);
  if (store == NULL)
    return HEP_CLI_EXIT_FAILURE;
  if (hep_cli_args_get (args, "session") != NULL)
    log = hep_case_store_list_session (store, hep_cli_args_get (args, "session"), &error);
  else
    log = hep_case_store_list_log (store, 0, 0, &error);
  if (log == NULL)
    return hep_cli_fail (command, HEP_CLI_EXIT_FAILURE, "%s", error->message);
  g_string_append (out, "answered_at,session,mode,case,kind,answer,expected,correct,score,error_kind,"
                        "error_details,confidence,grade,card_state,duration_ms\r\n");
  for (guint i = 0; i < log->len; i++)
    {
      const HepQuizLogEntry *e = g_ptr_array_index (log, i);
      g_autofree char *at = format_time (e->answered_at);
      g_autofree char *duration = g_strdup_printf ("%" G_GINT64_FORMAT, e->duration_ms);
      g_autofree char *confidence = e->sureness ? g_strdup (e->sureness)
                                    : e->confidence ? g_strdup_printf ("%d", e->confidence) : NULL;
      char score[G_ASCII_DTOSTR_BUF_SIZE] = "";

      if (e->score >= 0)
        g_ascii_formatd (score, sizeof score, "%.4g", e->score);
      csv_field (out, at, FALSE);
      csv_field (out, e->session_id, FALSE);
      csv_field (out, e->mode, FALSE);
      csv_field (out, e->case_id, FALSE);
      csv_field (out, e->kind, FALSE);
      csv_field (out, e->answer, FALSE);
      csv_field (out, e->expected, FALSE);
      csv_field (out, e->correct ? "1" : "0", FALSE);
      csv_field (out, score, FALSE);
      csv_field (out, e->error_kind, FALSE);
      csv_field (out, e->error_details, FALSE);
      csv_field (out, confidence, FALSE);
      csv_field (out, e->grade, FALSE);
      csv_field (out, e->card_state, FALSE);
      csv_field (out, duration, TRUE);
    }
  fwrite (out->str, 1, out->len, stdout);
  return HEP_CLI_EXIT_OK;
}

static int
quiz_mistakes (HepCliArgs *args)
{
  const char *command = "quiz mistakes";
  g_autoptr(HepCaseStore) store = NULL;
  g_autoptr(GPtrArray) log = NULL;
  g_autoptr(GPtrArray) mistakes = NULL;
  g_autoptr(GError) error = NULL;

  store = open_store (command, args);
  if (store == NULL)
    return HEP_CLI_EXIT_FAILURE;
  log = hep_case_store_list_log (store, 0, 0, &error);
  if (log == NULL)
    return hep_cli_fail (command, HEP_CLI_EXIT_FAILURE, "%s", error->message);
  mistakes = hep_quiz_list_mistakes (log);

  if (args->json)
    {
      g_autoptr(JsonBuilder) json = json_builder_new ();

      json_builder_begin_array (json);
      for (guint i = 0; i < mistakes->len; i++)
        {
          const HepQuizLogEntry *e = g_ptr_array_index (mistakes, i);
          g_autofree char *at = format_time (e->answered_at);

          json_builder_begin_object (json);
          hep_cli_json_member_string (json, "case", e->case_id);
          hep_cli_json_member_string (json, "kind", e->kind ? e->kind : e->mode);
          hep_cli_json_member_string (json, "answered_at", at);
          hep_cli_json_member_string (json, "answer", e->answer);
          hep_cli_json_member_string (json, "expected", e->expected);
          hep_cli_json_member_string (json, "error_kind", e->error_kind);
          hep_cli_json_member_string (json, "error_details", e->error_details);
          json_builder_end_object (json);
        }
      json_builder_end_array (json);
      hep_cli_print_json (json);
      return HEP_CLI_EXIT_OK;
    }
  for (guint i = 0; i < mistakes->len; i++)
    {
      const HepQuizLogEntry *e = g_ptr_array_index (mistakes, i);
      g_autofree char *at = format_time (e->answered_at);

      printf ("%s %s %s: %s", at, e->case_id, e->kind ? e->kind : e->mode,
              e->error_kind ? e->error_kind : "wrong");
      if (e->error_details)
        printf (" (%s)", e->error_details);
      printf ("\n");
    }
  printf ("%u mistakes\n", mistakes->len);
  return HEP_CLI_EXIT_OK;
}

static int
quiz_due (HepCliArgs *args)
{
  const char *command = "quiz due";
  g_autoptr(HepCaseStore) store = NULL;
  g_autoptr(GPtrArray) due = NULL;
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  gint64 now;

  if (!get_now (command, args, &now))
    return HEP_CLI_EXIT_USAGE;
  store = open_store (command, args);
  if (store == NULL)
    return HEP_CLI_EXIT_FAILURE;
  due = hep_quiz_list_due (store, now, warnings, &error);
  if (due == NULL)
    return hep_cli_fail (command, HEP_CLI_EXIT_FAILURE, "%s", error->message);
  for (guint i = 0; i < warnings->len; i++)
    fprintf (stderr, "hepatica-cli %s: warning: %s\n", command, (char *) g_ptr_array_index (warnings, i));

  if (args->json)
    {
      g_autoptr(JsonBuilder) json = json_builder_new ();

      json_builder_begin_array (json);
      for (guint i = 0; i < due->len; i++)
        {
          const HepReviewState *s = g_ptr_array_index (due, i);
          g_autofree char *when = format_time (s->due);

          json_builder_begin_object (json);
          hep_cli_json_member_string (json, "kind", s->kind == HEP_REVIEW_ITEM_SKILL ? "skill" : "case");
          hep_cli_json_member_string (json, "id", s->item_id);
          hep_cli_json_member_string (json, "state", s->state);
          hep_cli_json_member_string (json, "due", when);
          hep_cli_json_member_int (json, "reps", s->reps);
          hep_cli_json_member_int (json, "lapses", s->lapses);
          json_builder_end_object (json);
        }
      json_builder_end_array (json);
      hep_cli_print_json (json);
      return HEP_CLI_EXIT_OK;
    }
  for (guint i = 0; i < due->len; i++)
    {
      const HepReviewState *s = g_ptr_array_index (due, i);
      g_autofree char *when = format_time (s->due);

      printf ("%-5s %-40s %-10s %s\n", s->kind == HEP_REVIEW_ITEM_SKILL ? "skill" : "case", s->item_id,
              s->state, when);
    }
  printf ("%u due\n", due->len);
  return HEP_CLI_EXIT_OK;
}

int
hep_cli_quiz (int    argc,
              char **argv)
{
  g_auto(HepCliArgs) args = { 0, };
  g_autoptr(GError) error = NULL;
  const char *command;

  if (!hep_cli_args_parse (&args, argc, argv, known_options, &error))
    return hep_cli_fail ("quiz", HEP_CLI_EXIT_USAGE, "%s; see “hepatica-cli quiz --help”", error->message);
  if (args.help)
    {
      fputs (quiz_usage, stdout);
      return HEP_CLI_EXIT_OK;
    }
  if (args.args->len == 0)
    return hep_cli_fail ("quiz", HEP_CLI_EXIT_USAGE,
                         "expected a command: question, next, answer, stats, plot, history, mistakes or due; "
                         "see “hepatica-cli quiz --help”");

  command = args.args->pdata[0];
  if (g_str_equal (command, "question"))
    return quiz_question (&args);
  if (g_str_equal (command, "next"))
    return quiz_next (&args);
  if (g_str_equal (command, "answer"))
    return quiz_answer (&args);
  if (g_str_equal (command, "stats"))
    return quiz_stats (&args);
  if (g_str_equal (command, "plot"))
    return quiz_plot (&args);
  if (g_str_equal (command, "history"))
    return quiz_history (&args);
  if (g_str_equal (command, "mistakes"))
    return quiz_mistakes (&args);
  if (g_str_equal (command, "due"))
    return quiz_due (&args);
  return hep_cli_fail ("quiz", HEP_CLI_EXIT_USAGE,
                       "unknown command “%s”; accepted: question, next, answer, stats, plot, history, mistakes, due",
                       command);
}
