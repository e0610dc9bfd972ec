/* test-cli-srs.c: `hepatica-cli srs replay` as a user runs it
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The expectations are tests/data/fsrs/replay.tsv, derived from the
 * published FSRS-6 formulas by tests/data/fsrs/derive.py.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "hep-test-json.h"

static double
number (const char *text)
{
  char *end = NULL;
  double value = g_ascii_strtod (text, &end);

  g_assert_true (end != text && *end == '\0');
  return value;
}

/* "2.3065": digits, a point and exactly four decimals */
static gboolean
has_four_decimals (const char *text)
{
  const char *point = strchr (text, '.');

  if (point == NULL || point == text || strlen (point + 1) != 4)
    return FALSE;
  for (const char *p = text; *p; p++)
    if (p != point && !g_ascii_isdigit (*p))
      return FALSE;
  return TRUE;
}

/* Seconds as the CLI's suffix: whole days as +Nd, whole minutes as +Nm. */
static char *
step_word (const char *rating,
           const char *after)
{
  gint64 s;

  if (g_str_equal (after, "due"))
    return g_strdup (rating);
  s = (gint64) number (after);
  if (s % 86400 == 0)
    return g_strdup_printf ("%s+%" G_GINT64_FORMAT "d", rating, s / 86400);
  if (s % 60 == 0)
    return g_strdup_printf ("%s+%" G_GINT64_FORMAT "m", rating, s / 60);
  return g_strdup_printf ("%s+%" G_GINT64_FORMAT "s", rating, s);
}

typedef struct {
  char      *name;
  GPtrArray *argv;   /* of char *, owned */
  GPtrArray *rows;   /* of GStrv, borrowed from the table */
} Case;

static void
case_free (Case *c)
{
  g_free (c->name);
  g_ptr_array_unref (c->argv);
  g_ptr_array_unref (c->rows);
  g_free (c);
}

/* The cases of replay.tsv that the CLI can run: the default maximum
 * interval and no step back in time. */
static GPtrArray *
read_cases (GPtrArray **rows_out)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "fsrs", "replay.tsv", NULL);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  GPtrArray *cases = g_ptr_array_new_with_free_func ((GDestroyNotify) case_free);
  GPtrArray *all = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  Case *c = NULL;
  gboolean runnable = FALSE;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      char **row;

      if (lines[i][0] == '#' || lines[i][0] == '\0')
        continue;
      row = g_strsplit (lines[i], "\t", -1);
      g_ptr_array_add (all, row);
      g_assert_cmpuint (g_strv_length (row), ==, 13);
      if (g_str_equal (row[4], "0"))
        {
          if (c != NULL && runnable)
            g_ptr_array_add (cases, c);
          else if (c != NULL)
            case_free (c);
          c = g_new0 (Case, 1);
          c->name = g_strdup (row[0]);
          c->argv = g_ptr_array_new_with_free_func (g_free);
          c->rows = g_ptr_array_new ();
          g_ptr_array_add (c->argv, g_strdup ("srs"));
          g_ptr_array_add (c->argv, g_strdup ("replay"));
          g_ptr_array_add (c->argv, g_strdup_printf ("--start=%s", row[3]));
          if (!g_str_equal (row[1], "0.9"))
            g_ptr_array_add (c->argv, g_strdup_printf ("--retention=%s", row[1]));
          runnable = g_str_equal (row[2], "36500");
        }
      if (row[6][0] == '-')
        runnable = FALSE;
      g_ptr_array_add (c->argv, step_word (row[5], row[6]));
      g_ptr_array_add (c->rows, row);
    }
  if (c != NULL && runnable)
    g_ptr_array_add (cases, c);
  else if (c != NULL)
    case_free (c);

  /* the cases borrow the rows: the caller frees them after the cases */
  *rows_out = all;
  return cases;
}

static void
test_cli_srs_replay_table (void)
{
  g_autoptr(GPtrArray) rows = NULL;    /* declared first, so freed after the cases */
  g_autoptr(GPtrArray) cases = read_cases (&rows);
  guint n_lines = 0;
  gboolean saw_days = FALSE, saw_minutes = FALSE, saw_retention = FALSE;

  g_assert_cmpuint (cases->len, >=, 10);
  for (guint k = 0; k < cases->len; k++)
    {
      Case *c = cases->pdata[k];
      g_autoptr(GPtrArray) argv = g_ptr_array_new ();
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      g_auto(GStrv) lines = NULL;

      for (guint i = 0; i < c->argv->len; i++)
        {
          const char *a = c->argv->pdata[i];

          g_ptr_array_add (argv, (gpointer) a);
          saw_days |= g_str_has_suffix (a, "d") && strchr (a, '+') != NULL;
          saw_minutes |= g_str_has_suffix (a, "m") && strchr (a, '+') != NULL;
          saw_retention |= g_str_has_prefix (a, "--retention=");
        }
      g_ptr_array_add (argv, NULL);

      g_test_message ("case %s", c->name);
      g_assert_cmpint (hep_test_run_cli ((const char * const *) argv->pdata, &out, &err), ==, 0);
      g_assert_cmpstr (err, ==, "");
      g_assert_true (g_str_has_suffix (out, "\n"));
      lines = g_strsplit (out, "\n", -1);
      g_assert_cmpuint (g_strv_length (lines), ==, c->rows->len + 1);   /* the last is empty */
      for (guint i = 0; i < c->rows->len; i++)
        {
          char **row = c->rows->pdata[i];
          g_auto(GStrv) f = g_strsplit (lines[i], " ", -1);

          g_test_message ("  %s | expected %s %s %s %s %s", lines[i], row[7], row[8], row[9], row[10], row[12]);
          g_assert_cmpuint (g_strv_length (f), ==, 5);
          g_assert_cmpstr (f[0], ==, row[7]);
          g_assert_cmpstr (f[1], ==, row[8]);
          g_assert_true (has_four_decimals (f[2]));
          g_assert_true (has_four_decimals (f[3]));
          g_assert_cmpfloat_with_epsilon (number (f[2]), number (row[9]), 0.5e-4 + 1e-6);
          g_assert_cmpfloat_with_epsilon (number (f[3]), number (row[10]), 0.5e-4 + 1e-6);
          g_assert_cmpstr (f[4], ==, row[12]);
          n_lines++;
        }
    }
  g_assert_true (saw_days);
  g_assert_true (saw_minutes);
  g_assert_true (saw_retention);
  g_assert_cmpuint (n_lines, >=, 50);
}

/* A few lines written out in full, as a reader of the README sees them. */
static void
test_cli_srs_text (void)
{
  const char *argv[] = { "srs", "replay", "--start=2026-03-01T08:00:00Z", "good", "good", "again+3d", "hard", NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_auto(GStrv) lines = NULL;

  g_assert_cmpint (hep_test_run_cli (argv, &out, &err), ==, 0);
  g_assert_cmpstr (err, ==, "");
  lines = g_strsplit (out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 5);
  g_assert_cmpstr (lines[0], ==, "learning 0 2.3065 2.1181 2026-03-01T08:10:00Z");
  g_assert_cmpstr (lines[1], ==, "review 2 2.3065 2.1112 2026-03-03T08:10:00Z");
  /* three days after the second review (not when due): a lapse */
  g_assert_true (g_str_has_prefix (lines[2], "relearning 0 "));
  g_assert_true (g_str_has_suffix (lines[2], " 2026-03-04T08:20:00Z"));
  /* hard on the only relearning step waits 1.5 × 10 min */
  g_assert_true (g_str_has_prefix (lines[3], "relearning 0 "));
  g_assert_true (g_str_has_suffix (lines[3], " 2026-03-04T08:35:00Z"));
  g_assert_cmpstr (lines[4], ==, "");
}

/* --start in another zone is converted; the output is always UTC. */
static void
test_cli_srs_start_zone (void)
{
  const char *argv[] = { "srs", "replay", "--start=2026-03-01T09:00:00+01:00", "easy", NULL };
  const char *argv_utc[] = { "srs", "replay", "--start", "2026-03-01T08:00:00Z", "easy", NULL };
  g_autofree char *out = NULL;
  g_autofree char *out_utc = NULL;

  g_assert_cmpint (hep_test_run_cli (argv, &out, NULL), ==, 0);
  g_assert_cmpint (hep_test_run_cli (argv_utc, &out_utc, NULL), ==, 0);
  g_assert_cmpstr (out, ==, "review 8 8.2956 1.0000 2026-03-09T08:00:00Z\n");
  g_assert_cmpstr (out, ==, out_utc);
}

/* README.md's example is what the binary prints. */
static void
test_cli_srs_readme (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "README.md", NULL);
  g_autofree char *readme = NULL;
  g_autofree char *out = NULL;
  g_autoptr(GString) shown = g_string_new (NULL);
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) argv = NULL;
  guint i;

  g_assert_true (g_file_get_contents (path, &readme, NULL, NULL));
  lines = g_strsplit (readme, "\n", -1);
  for (i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], "$ hepatica-cli srs replay "))
      break;
  g_assert_nonnull (lines[i]);
  argv = g_strsplit (lines[i] + strlen ("$ hepatica-cli "), " ", -1);
  for (i++; lines[i] != NULL && !g_str_has_prefix (lines[i], "```"); i++)
    g_string_append_printf (shown, "%s\n", lines[i]);
  g_assert_cmpuint (shown->len, >, 0);

  g_assert_cmpint (hep_test_run_cli ((const char * const *) argv, &out, NULL), ==, 0);
  g_assert_cmpstr (out, ==, shown->str);
}

static void
test_cli_srs_json (void)
{
  const char *argv[] = { "srs", "replay", "--json", "--start=2026-03-01T08:00:00Z", "good", "good+90m", "easy+1d", NULL };
  const char *argv_text[] = { "srs", "replay", "--start=2026-03-01T08:00:00Z", "good", "good+90m", "easy+1d", NULL };
  g_autofree char *out = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) root = NULL;
  g_autoptr(GVariant) reviews = NULL;
  g_auto(GStrv) lines = NULL;

  g_assert_cmpint (hep_test_run_cli (argv, &out, NULL), ==, 0);
  g_assert_cmpint (hep_test_run_cli (argv_text, &text, NULL), ==, 0);
  root = hep_test_json_parse (out, &error);
  g_assert_no_error (error);
  lines = g_strsplit (text, "\n", -1);

  g_assert_cmpstr (hep_test_json_get_string (root, "start"), ==, "2026-03-01T08:00:00Z");
  reviews = hep_test_json_get (root, "reviews");
  g_assert_cmpuint (g_variant_n_children (reviews), ==, 3);
  g_assert_cmpstr (hep_test_json_get_string (root, "reviews/0/reviewed"), ==, "2026-03-01T08:00:00Z");
  g_assert_cmpstr (hep_test_json_get_string (root, "reviews/1/reviewed"), ==, "2026-03-01T09:30:00Z");
  g_assert_cmpstr (hep_test_json_get_string (root, "reviews/2/reviewed"), ==, "2026-03-02T09:30:00Z");
  g_assert_cmpstr (hep_test_json_get_string (root, "reviews/1/step"), ==, "good+90m");
  g_assert_cmpstr (hep_test_json_get_string (root, "reviews/2/rating"), ==, "easy");
  /* the same numbers as the text */
  for (guint i = 0; i < 3; i++)
    {
      g_auto(GStrv) f = g_strsplit (lines[i], " ", -1);
      g_autofree char *state = g_strdup_printf ("reviews/%u/state", i);
      g_autofree char *interval = g_strdup_printf ("reviews/%u/interval_days", i);
      g_autofree char *stability = g_strdup_printf ("reviews/%u/stability", i);
      g_autofree char *difficulty = g_strdup_printf ("reviews/%u/difficulty", i);
      g_autofree char *due = g_strdup_printf ("reviews/%u/due", i);
      g_autoptr(GVariant) v_interval = hep_test_json_get (root, interval);
      g_autoptr(GVariant) v_stability = hep_test_json_get (root, stability);
      g_autoptr(GVariant) v_difficulty = hep_test_json_get (root, difficulty);

      g_assert_cmpstr (hep_test_json_get_string (root, state), ==, f[0]);
      g_assert_cmpfloat (g_variant_get_double (v_interval), ==, number (f[1]));
      g_assert_cmpfloat_with_epsilon (g_variant_get_double (v_stability), number (f[2]), 0.5e-4 + 1e-9);
      g_assert_cmpfloat_with_epsilon (g_variant_get_double (v_difficulty), number (f[3]), 0.5e-4 + 1e-9);
      g_assert_cmpstr (hep_test_json_get_string (root, due), ==, f[4]);
    }
  g_assert_cmpstr (hep_test_json_get_string (root, "reviews/1/state"), ==, "review");
}

/* Bad input: status 2, nothing on stdout, one line on stderr naming it. */
static void
test_cli_srs_bad_input (void)
{
  static const struct {
    const char *args[6];
    const char *named;
  } bad[] = {
    { { "replay", "--start=2026-03-01T08:00:00Z", "good", "goood", NULL }, "“goood”" },
    { { "replay", "--start=2026-03-01T08:00:00Z", "Good", NULL }, "“Good”" },
    { { "replay", "--start=2026-03-01T08:00:00Z", "good+", NULL }, "“good+”" },
    { { "replay", "--start=2026-03-01T08:00:00Z", "good+3", NULL }, "“good+3”" },
    { { "replay", "--start=2026-03-01T08:00:00Z", "good+3h", NULL }, "“good+3h”" },
    { { "replay", "--start=2026-03-01T08:00:00Z", "good+d", NULL }, "“good+d”" },
    { { "replay", "--start=2026-03-01T08:00:00Z", "good+-3d", NULL }, "“good+-3d”" },
    { { "replay", "--start=2026-03-01T08:00:00Z", "good+3dd", NULL }, "“good+3dd”" },
    { { "replay", "--start=2026-03-01T08:00:00Z", "good-3d", NULL }, "“good-3d”" },
    { { "replay", "--start=2026-03-01T08:00:00Z", "easy", "good+99999999999d", NULL }, "“good+99999999999d”" },
    { { "replay", "--start=9999-12-20T00:00:00Z", "easy", "easy", NULL }, "“easy”: the card falls due after the year 9999" },
    { { "replay", "good", NULL }, "--start" },
    { { "replay", "--start=yesterday", "good", NULL }, "“yesterday”" },
    { { "replay", "--start=2026-03-01T08:00:00Z", "--retention=1.5", "good", NULL }, "“1.5”" },
    { { "replay", "--start=2026-03-01T08:00:00Z", "--retention=0,9", "good", NULL }, "“0,9”" },
    { { "replay", "--start=2026-03-01T08:00:00Z", NULL }, "STEP" },
    { { "replay", "--start=2026-03-01T08:00:00Z", "--fuzz", "good", NULL }, "--fuzz" },
    { { "play", NULL }, "“play”" },
    { { NULL }, "replay" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      const char *argv[8] = { "srs", NULL, };
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;

      for (guint j = 0; bad[i].args[j] != NULL; j++)
        argv[j + 1] = bad[i].args[j];
      g_test_message ("expecting an error naming %s", bad[i].named);
      g_assert_cmpint (hep_test_run_cli (argv, &out, &err), ==, 2);
      g_assert_cmpstr (out, ==, "");
      g_assert_true (g_str_has_prefix (err, "hepatica-cli srs"));
      g_assert_true (strchr (err, '\n') == err + strlen (err) - 1);   /* one line */
      g_assert_nonnull (strstr (err, bad[i].named));
    }
}

static void
test_cli_srs_help (void)
{
  const char *argv[] = { "srs", "--help", NULL };
  const char *top[] = { "--help", NULL };
  g_autofree char *out = NULL;
  g_autofree char *top_out = NULL;

  g_assert_cmpint (hep_test_run_cli (argv, &out, NULL), ==, 0);
  g_assert_true (g_str_has_prefix (out, "Usage: hepatica-cli srs replay"));
  g_assert_nonnull (strstr (out, "STATE INTERVAL_DAYS STABILITY DIFFICULTY DUE"));
  g_assert_cmpint (hep_test_run_cli (top, &top_out, NULL), ==, 0);
  g_assert_nonnull (strstr (top_out, "  srs "));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/srs/replay-table", test_cli_srs_replay_table);
  g_test_add_func ("/cli/srs/text", test_cli_srs_text);
  g_test_add_func ("/cli/srs/start-zone", test_cli_srs_start_zone);
  g_test_add_func ("/cli/srs/readme", test_cli_srs_readme);
  g_test_add_func ("/cli/srs/json", test_cli_srs_json);
  g_test_add_func ("/cli/srs/bad-input", test_cli_srs_bad_input);
  g_test_add_func ("/cli/srs/help", test_cli_srs_help);

  return g_test_run ();
}
