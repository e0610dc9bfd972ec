/* test-cli-diagram.c: `hepatica-cli diagram` run as a user would
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "hep-core.h"

static char *tmp_dir;

static int
run (char       **out,
     char       **err,
     const char  *first,
     ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *cli = g_getenv ("HEPATICA_CLI");
  va_list ap;
  int status;

  g_assert_nonnull (cli);
  g_ptr_array_add (argv, (char *) cli);
  g_ptr_array_add (argv, (char *) "diagram");
  va_start (ap, first);
  for (const char *a = first; a != NULL; a = va_arg (ap, const char *))
    g_ptr_array_add (argv, (char *) a);
  va_end (ap);
  g_ptr_array_add (argv, NULL);

  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               out, err, &status, &error));
  g_assert_no_error (error);
  if (WIFEXITED (status))
    return WEXITSTATUS (status);
  return -1;
}

static char *
tmp_path (const char *name)
{
  return g_build_filename (tmp_dir, name, NULL);
}

static void
test_list (void)
{
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(GString) expected = g_string_new (NULL);

  g_assert_cmpint (run (&out, &err, "list", NULL), ==, 0);
  for (guint i = 0; i < hep_curve_get_n_archetypes (); i++)
    g_string_append_printf (expected, "%s\n", hep_curve_get_archetype (i)->id);
  g_assert_cmpstr (out, ==, expected->str);
  g_assert_cmpstr (err, ==, "");
}

/* The CLI's SVG of an archetype is the golden file of the generator. */
static void
test_svg_matches_golden (void)
{
  g_autofree char *path = tmp_path ("hcc.svg");
  g_autofree char *golden_path = g_test_build_filename (G_TEST_DIST, "data", "diagrams", "curve-hcc-classic.svg", NULL);
  g_autofree char *out = NULL, *err = NULL, *svg = NULL, *golden = NULL;
  g_autofree char *arg = g_strconcat ("--output=", path, NULL);

  g_assert_cmpint (run (&out, &err, "curve", "--lesion=hcc-classic", arg, NULL), ==, 0);
  g_assert_true (g_file_get_contents (path, &svg, NULL, NULL));
  g_assert_true (g_file_get_contents (golden_path, &golden, NULL, NULL));
  g_assert_cmpstr (svg, ==, golden);
  g_assert_nonnull (strstr (out, "For education only"));
  g_unlink (path);
}

static void
test_png_pdf_sizes (void)
{
  static const struct { const char *kind, *name, *magic; const char *extra; } cases[] = {
    { "curve", "c.png", "\x89PNG", "--lesion=fnh" },
    { "phases", "p.png", "\x89PNG", "--lesion=abscess" },
    { "curve", "c.pdf", "%PDF", "--lesion=icc-mass-forming" },
    { "phases", "t.png", "\x89PNG", "aphe=nonrim" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = tmp_path (cases[i].name);
      g_autofree char *arg = g_strconcat ("--output=", path, NULL);
      g_autofree char *out = NULL, *err = NULL, *data = NULL;
      gsize len;

      g_assert_cmpint (run (&out, &err, cases[i].kind, cases[i].extra, "--width=640", "--height=420",
                            "--theme=dark", arg, NULL), ==, 0);
      g_assert_true (g_file_get_contents (path, &data, &len, NULL));
      g_assert_true (memcmp (data, cases[i].magic, strlen (cases[i].magic)) == 0);
      if (cases[i].magic[0] == '\x89')
        {
          const guchar *b = (const guchar *) data;

          g_assert_cmpuint ((guint) (b[16] << 24 | b[17] << 16 | b[18] << 8 | b[19]), ==, 640);
          g_assert_cmpuint ((guint) (b[20] << 24 | b[21] << 16 | b[22] << 8 | b[23]), ==, 420);
        }
      g_unlink (path);
    }
}

static void
test_compare (void)
{
  g_autofree char *path = tmp_path ("cmp.svg");
  g_autofree char *arg = g_strconcat ("--output=", path, NULL);
  g_autofree char *out = NULL, *err = NULL, *svg = NULL;

  g_assert_cmpint (run (&out, &err, "curve", "--lesion=hcc-classic", "--compare=fnh,thad,simple-cyst", arg, NULL), ==, 0);
  g_assert_true (g_file_get_contents (path, &svg, NULL, NULL));
  g_assert_nonnull (strstr (svg, "THAD / arterioportal shunt"));
  g_assert_nonnull (strstr (svg, "Simple cyst"));
  g_unlink (path);
}

/* Bad input: one line on stderr, exit status 2, no file. */
static void
test_errors (void)
{
  g_autofree char *path = tmp_path ("e.png");
  g_autofree char *arg = g_strconcat ("--output=", path, NULL);
  g_autofree char *bad_ext = tmp_path ("e.gif");
  g_autofree char *bad_ext_arg = g_strconcat ("--output=", bad_ext, NULL);
  const struct { const char *a, *b, *c, *d; const char *expect; } cases[] = {
    { "curve", "--lesion=hcc", arg, NULL, "unknown lesion “hcc”; accepted: hcc-classic, hcc-hbp-iso," },
    { "curve", "--lesion=fnh", "--compare=fnh,bogus", arg, "unknown lesion “bogus”; accepted: hcc-classic" },
    { "curve", "--lesion=fnh", "--compare=fnh,thad,abscess,icc-mass-forming", arg, "at most 3" },
    { "curve", "--lesion=fnh", bad_ext_arg, NULL, "accepted extensions: .svg, .png, .pdf" },
    { "curve", "--lesion=fnh", "--width=199", arg, "bad --width “199”; accepted: 200–8000" },
    { "curve", "--lesion=fnh", "--height=big", arg, "bad --height “big”" },
    { "curve", "--lesion=fnh", "--theme=sepia", arg, "bad --theme “sepia”" },
    { "curve", "--lesion=fnh", NULL, NULL, "--output=FILE.svg|.png|.pdf is required" },
    { "curve", arg, NULL, NULL, "give --lesion=ID or feature tokens" },
    { "curve", "--lesion=fnh", "washout", arg, "not both" },
    { "curve", "no-such-token", arg, NULL, "no-such-token" },
    { "bars", "--lesion=fnh", arg, NULL, "unknown diagram “bars”; accepted: list, curve, phases" },
    { "curve", "--compare=fnh", "washout", arg, "--compare needs --lesion" },
    { "list", "extra", NULL, NULL, "takes no arguments" },
    { "curve", "--lesion=fnh", "--up-to=t2", arg, "bad --up-to “t2”; accepted: pre, arterial, portal, delayed, hbp" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = NULL, *err = NULL;

      g_test_message ("case %u: expect “%s”", i, cases[i].expect);
      g_assert_cmpint (run (&out, &err, cases[i].a, cases[i].b, cases[i].c, cases[i].d, NULL), ==, 2);
      g_assert_true (g_str_has_prefix (err, "hepatica-cli diagram: "));
      g_assert_nonnull (strstr (err, cases[i].expect));
      /* exactly one line */
      g_assert_true (g_str_has_suffix (err, "\n"));
      g_assert_true (strchr (err, '\n') == err + strlen (err) - 1);
      g_assert_cmpstr (out, ==, "");
      g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
      g_assert_false (g_file_test (bad_ext, G_FILE_TEST_EXISTS));
    }
}

/* --up-to and --large-text: the SVG stops at the phase and its text is
 * 24 px or more at 1280 × 720. */
static void
test_up_to_large_text (void)
{
  g_autofree char *path = tmp_path ("up-to.svg");
  g_autofree char *arg = g_strconcat ("--output=", path, NULL);
  g_autofree char *out = NULL, *err = NULL, *svg = NULL;
  double smallest = G_MAXDOUBLE;

  g_assert_cmpint (run (&out, &err, "phases", "--lesion=hcc-classic", "--up-to=portal", "--large-text",
                        "--width=1280", "--height=720", arg, NULL), ==, 0);
  g_assert_true (g_file_get_contents (path, &svg, NULL, NULL));
  g_assert_nonnull (strstr (svg, ">portal venous<"));
  g_assert_null (strstr (svg, ">180 s<"));
  g_assert_null (strstr (svg, ">~20 min<"));
  for (const char *p = strstr (svg, "font-size=\""); p != NULL; p = strstr (p + 1, "font-size=\""))
    smallest = MIN (smallest, g_ascii_strtod (p + strlen ("font-size=\""), NULL));
  g_assert_cmpfloat (smallest, >=, 24 - 0.01);
}

static void
test_unwritable (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "no", "such", "dir.png", NULL);
  g_autofree char *arg = g_strconcat ("--output=", path, NULL);
  g_autofree char *out = NULL, *err = NULL;

  g_assert_cmpint (run (&out, &err, "curve", "--lesion=fnh", arg, NULL), ==, 1);
  g_assert_true (g_str_has_prefix (err, "hepatica-cli diagram: "));
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  tmp_dir = g_dir_make_tmp ("hep-cli-diagram-XXXXXX", NULL);
  g_test_add_func ("/cli/diagram/list", test_list);
  g_test_add_func ("/cli/diagram/svg-matches-golden", test_svg_matches_golden);
  g_test_add_func ("/cli/diagram/png-pdf-sizes", test_png_pdf_sizes);
  g_test_add_func ("/cli/diagram/compare", test_compare);
  g_test_add_func ("/cli/diagram/errors", test_errors);
  g_test_add_func ("/cli/diagram/unwritable", test_unwritable);
  g_test_add_func ("/cli/diagram/up-to-large-text", test_up_to_large_text);
  status = g_test_run ();
  g_rmdir (tmp_dir);
  g_free (tmp_dir);
  return status;
}
