/* test-cli-handout.c: `hepatica-cli handout`, the PDFs read back with poppler-utils
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * pdftotext, pdfinfo and pdffonts read what a reader would: the questions
 * hold no answer, the answer key holds them all, every page has its number
 * and the education note, no word lies outside the page's margins, and the
 * fonts are embedded.
 */

#include "config.h"

#include "hep-core.h"
#include "hep-test-json.h"

#include <glib/gstdio.h>
#include <string.h>

/* Cases whose hidden fields differ: a hidden title, hidden HBP findings
 * ("findings-hbp"), an LR-5 HCC and a case with 'other' findings. */
static const char * const test_cases[] = {
  "abscess-amoebic-traveller", "fnh-classic-young-woman", "hcc-classic-cirrhosis",
  "focal-fat-oncology-chemotherapy", NULL,
};

typedef struct {
  char         *dir;
  char         *db_option;
  HepCaseStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db = NULL;

  f->dir = g_dir_make_tmp ("hep-test-cli-handout-XXXXXX", &error);
  g_assert_no_error (error);
  db = g_build_filename (f->dir, "user.db", NULL);
  f->db_option = g_strdup_printf ("--db=%s", db);
  /* the bundled library, $HEPATICA_LIBRARY, as the CLI sees it */
  f->store = hep_case_store_new (db, g_getenv ("HEPATICA_LIBRARY"), &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDir) d = g_dir_open (f->dir, 0, NULL);
  const char *name;

  g_clear_object (&f->store);
  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
  g_free (f->db_option);
}

/* Runs a poppler tool on @pdf with @option (or none); returns its stdout. */
static char *
poppler (const char *tool,
         const char *option,
         const char *pdf)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status;

  g_ptr_array_add (argv, (gpointer) tool);
  if (option != NULL)
    g_ptr_array_add (argv, (gpointer) option);
  g_ptr_array_add (argv, (gpointer) pdf);
  if (g_str_equal (tool, "pdftotext"))
    g_ptr_array_add (argv, (gpointer) "-");
  g_ptr_array_add (argv, NULL);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &out, &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("%s %s: %s", tool, pdf, err);
  return g_steal_pointer (&out);
}

/* Runs hepatica-cli handout ARGS… for the test cases; returns the JSON. */
static GVariant *
handout (Fixture    *f,
         const char *kind,
         const char *paper,
         const char *pdf)
{
  g_autofree char *cases = g_strjoinv (",", (char **) test_cases);
  g_autofree char *case_option = g_strdup_printf ("--case=%s", cases);
  g_autofree char *output = g_strdup_printf ("--output=%s", pdf);
  g_autofree char *paper_option = g_strdup_printf ("--paper=%s", paper);
  const char *argv[] = { "handout", f->db_option, "--json", kind, case_option, paper_option, output, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  GVariant *v;

  if (hep_test_run_cli (argv, &out, &err) != 0)
    g_error ("handout %s: %s", kind, err);
  v = hep_test_json_parse (out, &error);
  g_assert_no_error (error);
  return v;
}

/* Whitespace runs as one space, so that wrapped lines compare. */
static char *
squeeze (const char *text)
{
  GString *s = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = text; *p; p++)
    {
      if (g_ascii_isspace (*p))
        space = TRUE;
      else
        {
          if (space && s->len > 0)
            g_string_append_c (s, ' ');
          space = FALSE;
          g_string_append_c (s, *p);
        }
    }
  return g_string_free (s, FALSE);
}

/* The first words of @text (enough to be its own, few enough that a page
 * break inside it is unlikely), squeezed. */
static char *
opening (const char *text)
{
  g_autofree char *s = squeeze (text);
  g_auto(GStrv) words = g_strsplit (s, " ", 7);

  if (g_strv_length (words) == 7)
    g_clear_pointer (&words[6], g_free);
  return g_strjoinv (" ", words);
}

/* The texts the questions must not hold and the answers must. */
static GPtrArray *
answer_texts (HepCase *c)
{
  GPtrArray *texts = g_ptr_array_new_with_free_func (g_free);
  guint hidden = hep_case_get_hidden_fields (c);

  g_ptr_array_add (texts, g_strdup (hep_case_diagnosis_get_label (hep_case_get_diagnosis (c))));
  if (hidden & HEP_CASE_SPOILER_TITLE)
    g_ptr_array_add (texts, opening (hep_case_get_title (c)));
  if (hep_case_get_outcome (c) != NULL && strlen (hep_case_get_outcome (c)) > 20)
    g_ptr_array_add (texts, opening (hep_case_get_outcome (c)));
  for (const char * const *t = hep_case_get_teaching_points (c); t && *t; t++)
    g_ptr_array_add (texts, opening (*t));
  for (const char * const *t = hep_case_get_pitfalls (c); t && *t; t++)
    g_ptr_array_add (texts, opening (*t));
  for (HepCasePhase p = 0; p < HEP_N_CASE_PHASES; p++)
    if ((hidden & HEP_CASE_SPOILER_FINDINGS (p)) && hep_case_get_findings (c, p) != NULL &&
        strlen (hep_case_get_findings (c, p)) > 20)
      g_ptr_array_add (texts, opening (hep_case_get_findings (c, p)));
  return texts;
}

/* Every page: "Page i of N" and the note; returns N. */
static guint
check_pages (const char *text)
{
  g_auto(GStrv) pages = g_strsplit (text, "\f", -1);
  guint n = g_strv_length (pages);

  /* pdftotext ends the last page with a form feed too */
  if (n > 0 && *g_strstrip (pages[n - 1]) == '\0')
    n--;
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *number = g_strdup_printf ("Page %u of %u", i + 1, n);

      g_assert_nonnull (strstr (pages[i], number));
      g_assert_nonnull (strstr (pages[i], "For education only, not for patient care."));
    }
  return n;
}

static double
attribute (const char *tag,
           const char *name)
{
  g_autofree char *key = g_strdup_printf (" %s=\"", name);
  const char *p = strstr (tag, key);

  g_assert_nonnull (p);
  return g_ascii_strtod (p + strlen (key), NULL);
}

/* No word of pdftotext -bbox outside the page's margins (@margin pt). */
static void
check_words_inside (const char *pdf,
                    double      margin)
{
  g_autofree char *html = poppler ("pdftotext", "-bbox", pdf);
  double width = 0, height = 0;
  guint n_words = 0;

  for (const char *p = html; (p = strchr (p, '<')) != NULL; p++)
    {
      if (g_str_has_prefix (p, "<page "))
        {
          width = attribute (p, "width");
          height = attribute (p, "height");
        }
      else if (g_str_has_prefix (p, "<word "))
        {
          n_words++;
          g_assert_cmpfloat (attribute (p, "xMin"), >=, margin);
          g_assert_cmpfloat (attribute (p, "xMax"), <=, width - margin);
          g_assert_cmpfloat (attribute (p, "yMin"), >=, margin * 0.3);
          g_assert_cmpfloat (attribute (p, "yMax"), <=, height - margin * 0.3);
        }
    }
  g_assert_cmpuint (n_words, >, 100);
}

static void
check_fonts_embedded (const char *pdf)
{
  g_autofree char *fonts = poppler ("pdffonts", NULL, pdf);
  g_auto(GStrv) lines = g_strsplit (fonts, "\n", -1);
  guint n_fonts = 0;

  /* name type encoding emb sub uni object ID: after the two header lines */
  for (guint i = 2; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = g_strsplit_set (g_strstrip (lines[i]), " ", -1);
      g_autoptr(GPtrArray) words = g_ptr_array_new ();

      for (guint k = 0; fields[k] != NULL; k++)
        if (*fields[k] != '\0')
          g_ptr_array_add (words, fields[k]);
      if (words->len < 5)
        continue;
      n_fonts++;
      g_assert_cmpstr (words->pdata[words->len - 5], ==, "yes");
    }
  g_assert_cmpuint (n_fonts, >, 0);
}

static void
test_handout_questions_and_answers (Fixture       *f,
                                    gconstpointer  data)
{
  g_autofree char *q_pdf = g_build_filename (f->dir, "questions.pdf", NULL);
  g_autofree char *a_pdf = g_build_filename (f->dir, "answers.pdf", NULL);
  g_autoptr(GVariant) q = handout (f, "--questions", "a4", q_pdf);
  g_autoptr(GVariant) a = handout (f, "--answers", "a4", a_pdf);
  g_autofree char *q_raw = poppler ("pdftotext", "-layout", q_pdf);
  g_autofree char *a_raw = poppler ("pdftotext", "-layout", a_pdf);
  g_autofree char *q_text = squeeze (q_raw);
  g_autofree char *a_text = squeeze (a_raw);
  g_autofree char *info = poppler ("pdfinfo", NULL, q_pdf);
  g_autoptr(GVariant) pages = NULL;
  guint n_cases = g_strv_length ((char **) test_cases);
  guint n_checked = 0;

  for (guint i = 0; test_cases[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(HepCase) c = hep_case_store_get_case (f->store, test_cases[i], &error);
      g_autoptr(GPtrArray) texts = NULL;
      g_autofree char *history = NULL;

      g_assert_no_error (error);
      texts = answer_texts (c);
      for (guint k = 0; k < texts->len; k++)
        {
          if (strstr (q_text, texts->pdata[k]) != NULL)
            g_error ("the questions show “%s” of %s", (char *) texts->pdata[k], test_cases[i]);
          if (strstr (a_text, texts->pdata[k]) == NULL)
            g_error ("the answers lack “%s” of %s", (char *) texts->pdata[k], test_cases[i]);
          n_checked++;
        }
      /* both show the history */
      history = opening (hep_case_get_history (c));
      g_assert_nonnull (strstr (q_text, history));
      g_assert_nonnull (strstr (a_text, history));
    }
  g_assert_cmpuint (n_checked, >=, 3 * n_cases);
  g_assert_nonnull (strstr (q_text, "What is the diagnosis?"));
  g_assert_null (strstr (a_text, "What is the diagnosis?"));

  /* pages: as the CLI says, at least one a case, A4, numbered, noted */
  pages = hep_test_json_get (q, "pages");
  g_assert_cmpuint (check_pages (q_raw), ==, (guint) g_variant_get_double (pages));
  g_assert_cmpuint ((guint) g_variant_get_double (pages), >=, n_cases);
  g_clear_pointer (&pages, g_variant_unref);
  pages = hep_test_json_get (a, "pages");
  g_assert_cmpuint (check_pages (a_raw), ==, (guint) g_variant_get_double (pages));
  g_assert_nonnull (strstr (info, "(A4)"));

  check_words_inside (q_pdf, 30);
  check_words_inside (a_pdf, 30);
  check_fonts_embedded (q_pdf);
  check_fonts_embedded (a_pdf);
}

static void
test_handout_slides (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *pdf = g_build_filename (f->dir, "slides.pdf", NULL);
  g_autoptr(GVariant) v = handout (f, "--slides", "a4", pdf);
  /* in reading order: the reveal has its text beside the curve */
  g_autofree char *raw = poppler ("pdftotext", NULL, pdf);
  g_autofree char *info = poppler ("pdfinfo", NULL, pdf);
  g_auto(GStrv) pages = g_strsplit (raw, "\f", -1);
  guint n_steps = 0, page = 0;

  /* one page a reveal step */
  for (guint i = 0; test_cases[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(HepCase) c = hep_case_store_get_case (f->store, test_cases[i], &error);
      g_autoptr(GPtrArray) steps = hep_reveal_sequence_new (c);
      g_autoptr(GPtrArray) texts = answer_texts (c);

      g_assert_no_error (error);
      n_steps += steps->len;
      /* no answer on a slide before the case's reveal, all of it on it */
      for (guint s = 0; s < steps->len; s++, page++)
        {
          g_autofree char *text = squeeze (pages[page]);

          for (guint k = 0; k < texts->len; k++)
            {
              gboolean shown = strstr (text, texts->pdata[k]) != NULL;

              if (s + 1 < steps->len && shown)
                g_error ("slide %u (%s, step %u) shows “%s”", page + 1, test_cases[i], s + 1,
                         (char *) texts->pdata[k]);
              if (s + 1 == steps->len && !shown)
                g_error ("the reveal of %s lacks “%s”", test_cases[i], (char *) texts->pdata[k]);
            }
        }
    }
  g_assert_cmpuint (check_pages (raw), ==, n_steps);
  {
    g_autoptr(GVariant) n_pages = hep_test_json_get (v, "pages");

    g_assert_cmpuint ((guint) g_variant_get_double (n_pages), ==, n_steps);
  }
  /* 16:9 */
  g_assert_nonnull (strstr (info, "960 x 540 pts"));
  check_words_inside (pdf, 20);
  check_fonts_embedded (pdf);
}

static void
test_handout_letter_and_errors (Fixture       *f,
                                gconstpointer  data)
{
  g_autofree char *pdf = g_build_filename (f->dir, "letter.pdf", NULL);
  g_autoptr(GVariant) v = handout (f, "--answers", "letter", pdf);
  g_autofree char *info = poppler ("pdfinfo", NULL, pdf);
  g_autofree char *err = NULL;
  const char *bad_paper[] = { "handout", f->db_option, "--case=fnh-classic-young-woman", "--paper=a5",
                              "--output=x.pdf", NULL };
  const char *no_output[] = { "handout", f->db_option, "--case=fnh-classic-young-woman", NULL };
  const char *two_kinds[] = { "handout", f->db_option, "--answers", "--slides", "--case=fnh-classic-young-woman",
                              "--output=x.pdf", NULL };
  const char *no_case[] = { "handout", f->db_option, "--case=no-such-case", "--output=x.pdf", NULL };
  const char *no_deck[] = { "handout", f->db_option, "--deck=no-such-deck", "--output=x.pdf", NULL };

  g_assert_nonnull (strstr (info, "612 x 792 pts (letter)"));
  check_words_inside (pdf, 30);
  g_assert_cmpint (hep_test_run_cli (bad_paper, NULL, &err), ==, 2);
  g_assert_nonnull (strstr (err, "a4, letter"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (hep_test_run_cli (no_output, NULL, NULL), ==, 2);
  g_assert_cmpint (hep_test_run_cli (two_kinds, NULL, NULL), ==, 2);
  g_assert_cmpint (hep_test_run_cli (no_case, NULL, &err), ==, 1);
  g_assert_nonnull (strstr (err, "no-such-case"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (hep_test_run_cli (no_deck, NULL, &err), ==, 1);
  g_assert_nonnull (strstr (err, "no-such-deck"));
}

/* A deck's handout: its cases in its order, its name on every page. */
static void
test_handout_deck (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *pdf = g_build_filename (f->dir, "deck.pdf", NULL);
  g_autofree char *output = g_strdup_printf ("--output=%s", pdf);
  g_autoptr(GError) error = NULL;
  g_autoptr(HepDeck) deck = hep_case_store_create_deck (f->store, "Friday conference", NULL, 1, &error);
  const char *argv[] = { "handout", f->db_option, "--answers", "--deck=friday-conference", output, NULL };
  g_autofree char *raw = NULL;
  g_autofree char *text = NULL;
  const char *first, *second;

  g_assert_no_error (error);
  g_assert_true (hep_case_store_add_to_deck (f->store, deck->id, "hcc-classic-cirrhosis", -1, 2, &error));
  g_assert_true (hep_case_store_add_to_deck (f->store, deck->id, "abscess-amoebic-traveller", 0, 3, &error));
  g_assert_no_error (error);
  g_assert_cmpint (hep_test_run_cli (argv, NULL, NULL), ==, 0);
  raw = poppler ("pdftotext", "-layout", pdf);
  text = squeeze (raw);
  first = strstr (text, "Case 1: Large painful liver lesion after travel");
  second = strstr (text, "Case 2:");
  g_assert_nonnull (first);
  g_assert_nonnull (second);
  g_assert_true (first < second);
  {
    g_auto(GStrv) pages = g_strsplit (raw, "\f", -1);

    for (guint i = 0; i < check_pages (raw); i++)
      g_assert_nonnull (strstr (pages[i], "Friday conference"));
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/cli/handout/questions-and-answers", test_handout_questions_and_answers);
  ADD ("/cli/handout/slides", test_handout_slides);
  ADD ("/cli/handout/letter-and-errors", test_handout_letter_and_errors);
  ADD ("/cli/handout/deck", test_handout_deck);
  return g_test_run ();
}
