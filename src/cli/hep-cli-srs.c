/* hep-cli-srs.c: `hepatica-cli srs replay`
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "hep-cli.h"

#include <stdio.h>
#include <string.h>

static const char srs_usage[] =
  "Usage: hepatica-cli srs replay [--json] [--retention=R] --start=ISO8601 STEP...\n"
  "\n"
  "Replays one card from new through the FSRS-6 scheduler: the published default\n"
  "weights, learning steps 1 and 10 min, a relearning step of 10 min, a maximum\n"
  "interval of 36,500 days, no fuzz.\n"
  "\n"
  "A STEP is again, hard, good or easy, reviewed when the card is due, or one of\n"
  "them with +Nd, +Nm or +Ns: N days, minutes or seconds after the previous review\n"
  "(after --start for the first), e.g. good+3d.\n"
  "\n"
  "Each step prints one line:\n"
  "  STATE INTERVAL_DAYS STABILITY DIFFICULTY DUE\n"
  "STATE after the review (learning, review or relearning); INTERVAL_DAYS the whole\n"
  "days from the review to DUE, rounded down; DUE in UTC (YYYY-MM-DDTHH:MM:SSZ).\n"
  "\n"
  "Options:\n"
  "  --start=ISO8601        the time of the first review (UTC unless it says otherwise)\n"
  "  --retention=R          desired retention, 0 < R < 1 (default 0.9)\n"
  "  --json                 print JSON instead of text\n"
  "\n"
  "Exit status: 0 on success, 2 on bad arguments.\n";

static const char * const known_options[] = { "start=", "retention=", NULL };

/* GDateTime's range ends with the year 9999. */
#define LAST_TIME G_GINT64_CONSTANT (253402300799)   /* 9999-12-31T23:59:59Z */

typedef struct {
  const char    *text;
  HepFsrsRating  rating;
  gboolean       when_due;
  gint64         after;     /* seconds after the previous review */
  gint64         reviewed;
  HepFsrsCard    card;      /* after the review */
} Step;

static gboolean
parse_step (const char *text,
            Step       *step)
{
  const char *plus = strchr (text, '+');
  g_autofree char *word = plus ? g_strndup (text, plus - text) : g_strdup (text);
  g_autofree char *number = NULL;
  guint64 n;
  gint64 unit;
  size_t len;

  memset (step, 0, sizeof *step);
  step->text = text;
  if (!hep_fsrs_rating_from_string (word, &step->rating))
    return FALSE;
  if (plus == NULL)
    {
      step->when_due = TRUE;
      return TRUE;
    }

  len = strlen (plus + 1);
  if (len < 2)
    return FALSE;
  switch (plus[len])
    {
    case 'd': unit = HEP_FSRS_SECONDS_PER_DAY; break;
    case 'm': unit = 60; break;
    case 's': unit = 1; break;
    default: return FALSE;
    }
  number = g_strndup (plus + 1, len - 1);
  /* digits only: g_ascii_string_to_unsigned would take a sign */
  for (const char *p = number; *p; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  if (!g_ascii_string_to_unsigned (number, 10, 0, G_MAXINT32, &n, NULL))
    return FALSE;
  step->after = (gint64) n * unit;
  return TRUE;
}

static char *
format_time (gint64 t)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (t);

  return g_date_time_format (dt, "%Y-%m-%dT%H:%M:%SZ");
}

static char *
format_4 (double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  return g_strdup (g_ascii_formatd (buf, sizeof buf, "%.4f", value));
}

static int
srs_replay (HepCliArgs *args)
{
  const char *command = "srs replay";
  const char *start_text = hep_cli_args_get (args, "start");
  const char *retention_text = hep_cli_args_get (args, "retention");
  g_autoptr(GDateTime) start_dt = NULL;
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autofree Step *steps = NULL;
  g_autoptr(GError) error = NULL;
  HepFsrsParams params;
  HepFsrsCard card;
  guint n_steps = args->args->len - 1;
  gint64 start, last;

  hep_fsrs_params_init_default (&params);
  if (start_text == NULL)
    return hep_cli_fail (command, HEP_CLI_EXIT_USAGE,
                         "needs --start=ISO8601, the time of the first review, e.g. --start=2026-03-01T08:00:00Z");
  start_dt = g_date_time_new_from_iso8601 (start_text, utc);
  if (start_dt == NULL)
    return hep_cli_fail (command, HEP_CLI_EXIT_USAGE,
                         "bad --start “%s”; expected an ISO 8601 date and time, e.g. 2026-03-01T08:00:00Z",
                         start_text);
  start = g_date_time_to_unix (start_dt);
  if (retention_text != NULL)
    {
      char *end = NULL;

      params.desired_retention = g_ascii_strtod (retention_text, &end);
      if (end == retention_text || *end != '\0' || !hep_fsrs_params_validate (&params, NULL))
        return hep_cli_fail (command, HEP_CLI_EXIT_USAGE,
                             "bad --retention “%s”; expected a number between 0 and 1, e.g. 0.9",
                             retention_text);
    }
  if (!hep_fsrs_params_validate (&params, &error))
    return hep_cli_fail (command, HEP_CLI_EXIT_FAILURE, "%s", error->message);
  if (n_steps == 0)
    return hep_cli_fail (command, HEP_CLI_EXIT_USAGE,
                         "expected at least one STEP: again, hard, good or easy, optionally with +Nd, +Nm or +Ns");

  /* every step is checked before anything is printed */
  steps = g_new0 (Step, n_steps);
  for (guint i = 0; i < n_steps; i++)
    if (!parse_step (args->args->pdata[i + 1], &steps[i]))
      return hep_cli_fail (command, HEP_CLI_EXIT_USAGE,
                           "bad step “%s”; accepted: again, hard, good, easy, each optionally followed by "
                           "+N and d, m or s (e.g. good+3d, again+10m, hard+30s)",
                           (char *) args->args->pdata[i + 1]);

  hep_fsrs_card_init (&card, start);
  last = start;
  for (guint i = 0; i < n_steps; i++)
    {
      gint64 now = steps[i].when_due ? card.due : last + steps[i].after;

      if (now > LAST_TIME)
        return hep_cli_fail (command, HEP_CLI_EXIT_USAGE,
                             "bad step “%s”: its review falls after the year 9999", steps[i].text);
      hep_fsrs_review (&params, &card, steps[i].rating, now);
      if (card.due > LAST_TIME)
        return hep_cli_fail (command, HEP_CLI_EXIT_USAGE,
                             "bad step “%s”: the card falls due after the year 9999", steps[i].text);
      steps[i].reviewed = now;
      steps[i].card = card;
      last = now;
    }

  if (args->json)
    {
      g_autoptr(JsonBuilder) json = json_builder_new ();
      g_autofree char *start_iso = format_time (start);

      json_builder_begin_object (json);
      hep_cli_json_member_string (json, "start", start_iso);
      hep_cli_json_member_double (json, "desired_retention", params.desired_retention);
      json_builder_set_member_name (json, "reviews");
      json_builder_begin_array (json);
      for (guint i = 0; i < n_steps; i++)
        {
          const HepFsrsCard *c = &steps[i].card;
          g_autofree char *reviewed = format_time (steps[i].reviewed);
          g_autofree char *due = format_time (c->due);

          json_builder_begin_object (json);
          hep_cli_json_member_string (json, "step", steps[i].text);
          hep_cli_json_member_string (json, "rating", hep_fsrs_rating_to_string (steps[i].rating));
          hep_cli_json_member_string (json, "reviewed", reviewed);
          hep_cli_json_member_string (json, "state", hep_fsrs_state_to_string (c->state));
          hep_cli_json_member_int (json, "interval_days", (c->due - steps[i].reviewed) / HEP_FSRS_SECONDS_PER_DAY);
          hep_cli_json_member_double (json, "stability", c->stability);
          hep_cli_json_member_double (json, "difficulty", c->difficulty);
          hep_cli_json_member_string (json, "due", due);
          json_builder_end_object (json);
        }
      json_builder_end_array (json);
      json_builder_end_object (json);
      hep_cli_print_json (json);
      return HEP_CLI_EXIT_OK;
    }

  for (guint i = 0; i < n_steps; i++)
    {
      const HepFsrsCard *c = &steps[i].card;
      g_autofree char *stability = format_4 (c->stability);
      g_autofree char *difficulty = format_4 (c->difficulty);
      g_autofree char *due = format_time (c->due);

      printf ("%s %" G_GINT64_FORMAT " %s %s %s\n", hep_fsrs_state_to_string (c->state),
              (c->due - steps[i].reviewed) / HEP_FSRS_SECONDS_PER_DAY, stability, difficulty, due);
    }
  return HEP_CLI_EXIT_OK;
}

int
hep_cli_srs (int    argc,
             char **argv)
{
  g_auto(HepCliArgs) args = { 0, };
  g_autoptr(GError) error = NULL;
  const char *command;

  if (!hep_cli_args_parse (&args, argc, argv, known_options, &error))
    return hep_cli_fail ("srs", HEP_CLI_EXIT_USAGE, "%s; see “hepatica-cli srs --help”", error->message);
  if (args.help)
    {
      fputs (srs_usage, stdout);
      return HEP_CLI_EXIT_OK;
    }
  if (args.args->len == 0)
    return hep_cli_fail ("srs", HEP_CLI_EXIT_USAGE, "expected a command: replay; see “hepatica-cli srs --help”");

  command = args.args->pdata[0];
  if (g_str_equal (command, "replay"))
    return srs_replay (&args);
  return hep_cli_fail ("srs", HEP_CLI_EXIT_USAGE, "unknown command “%s”; accepted: replay", command);
}
