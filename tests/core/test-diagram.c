/* test-diagram.c: the SVG writer and the diagram generator
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Golden files: tests/data/diagrams/NAME.svg, compared byte for byte.
 * HEPATICA_UPDATE_GOLDEN=1 rewrites them (review the diff by eye).
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "hep-core.h"

typedef struct {
  const char      *name;       /* golden file name without .svg */
  const char      *lesion;     /* archetype id, or NULL for tokens */
  const char      *tokens;
  HepDiagramKind   kind;
  HepDiagramTheme  theme;
  const char      *compare;    /* comma-separated ids */
  int              width, height;
} GoldenCase;

static GPtrArray *golden_cases;

static void
make_options (const GoldenCase  *c,
              HepDiagramOptions *options)
{
  hep_diagram_options_init (options, c->kind);
  options->theme = c->theme;
  if (c->width > 0)
    g_assert_true (hep_diagram_options_set_size (options, c->width, c->height, NULL));
  if (c->compare != NULL)
    {
      g_auto(GStrv) ids = g_strsplit (c->compare, ",", -1);

      for (guint i = 0; ids[i] != NULL; i++)
        g_assert_true (hep_diagram_options_add_compare (options, ids[i], NULL));
    }
}

static char *
generate (const GoldenCase *c,
          char            **text)
{
  HepDiagramOptions options;
  HepCurveSet synthesized;
  const HepCurveSet *set;

  make_options (c, &options);
  if (c->lesion != NULL)
    set = hep_curve_lookup_archetype (c->lesion);
  else
    {
      HepFeatureSet features;

      hep_feature_set_init (&features);
      g_assert_true (hep_feature_set_parse (&features, c->tokens, NULL));
      hep_curve_set_synthesize (&synthesized, &features);
      set = &synthesized;
    }
  g_assert_nonnull (set);
  return hep_diagram_to_svg (set, &options, text);
}

static void
test_golden (gconstpointer data)
{
  const GoldenCase *c = data;
  g_autofree char *file = g_strconcat (c->name, ".svg", NULL);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "diagrams", file, NULL);
  g_autofree char *text = NULL;
  g_autofree char *svg = generate (c, &text);
  g_autofree char *expected = NULL;
  g_autoptr(GError) error = NULL;

  /* What every diagram must carry. */
  g_assert_nonnull (strstr (svg, "<title id=\"title\">"));
  g_assert_nonnull (strstr (svg, "<desc id=\"desc\">"));
  g_assert_nonnull (strstr (svg, "Schematic, not measured"));
  g_assert_nonnull (text);
  g_assert_nonnull (strstr (text, "not measured"));

  if (g_strcmp0 (g_getenv ("HEPATICA_UPDATE_GOLDEN"), "1") == 0)
    {
      g_assert_true (g_file_set_contents (path, svg, -1, &error));
      g_assert_no_error (error);
      g_test_message ("rewrote %s", path);
      return;
    }
  if (!g_file_get_contents (path, &expected, NULL, &error))
    g_error ("%s: %s (run with HEPATICA_UPDATE_GOLDEN=1 to create it)", path, error->message);
  if (strcmp (svg, expected) != 0)
    {
      g_autofree char *actual = g_strconcat (g_getenv ("G_TEST_BUILDDIR") ? g_getenv ("G_TEST_BUILDDIR") : ".",
                                             "/", file, NULL);

      g_file_set_contents (actual, svg, -1, NULL);
      g_error ("%s differs from the golden file; new output in %s", path, actual);
    }
}

static void
add_golden (const char      *name,
            const char      *lesion,
            const char      *tokens,
            HepDiagramKind   kind,
            HepDiagramTheme  theme,
            const char      *compare,
            int              width,
            int              height)
{
  GoldenCase *c = g_new0 (GoldenCase, 1);
  g_autofree char *test_path = g_strconcat ("/diagram/golden/", name, NULL);

  *c = (GoldenCase) { g_strdup (name), lesion, tokens, kind, theme, compare, width, height };
  g_ptr_array_add (golden_cases, c);
  g_test_add_data_func (test_path, c, test_golden);
}

static void
free_case (gpointer data)
{
  GoldenCase *c = data;

  g_free ((char *) c->name);
  g_free (c);
}

static void
test_deterministic (void)
{
  for (guint i = 0; i < golden_cases->len; i++)
    {
      g_autofree char *a = generate (golden_cases->pdata[i], NULL);
      g_autofree char *b = generate (golden_cases->pdata[i], NULL);

      g_assert_cmpstr (a, ==, b);
    }
}

/* No number in any diagram is written with a comma or in exponent form. */
static void
test_numbers_are_plain (void)
{
  g_autoptr(GRegex) attr = g_regex_new ("=\"(-?[0-9][^\"]*)\"", 0, 0, NULL);
  g_autoptr(GRegex) plain = g_regex_new ("^-?[0-9]+(\\.[0-9]+)?$", 0, 0, NULL);

  for (guint i = 0; i < golden_cases->len; i++)
    {
      g_autofree char *svg = generate (golden_cases->pdata[i], NULL);
      g_autoptr(GMatchInfo) match = NULL;

      g_regex_match (attr, svg, 0, &match);
      for (; g_match_info_matches (match); g_match_info_next (match, NULL))
        {
          g_autofree char *value = g_match_info_fetch (match, 1);

          /* dash arrays are lists of plain numbers */
          g_auto(GStrv) items = g_strsplit (value, " ", -1);

          for (guint k = 0; items[k] != NULL; k++)
            if (!g_regex_match (plain, items[k], 0, NULL))
              g_error ("not a plain number: “%s” in %s", items[k], value);
        }
    }
}

static void
test_comma_locale (void)
{
  static const char * const locales[] = { "de_DE.UTF-8", "de_DE.utf8", "fr_FR.UTF-8", "nl_NL.UTF-8", "de_DE", NULL };
  g_autofree char *saved = g_strdup (setlocale (LC_ALL, NULL));
  g_autoptr(GPtrArray) before = g_ptr_array_new_with_free_func (g_free);
  const char *used = NULL;

  for (guint i = 0; i < golden_cases->len; i++)
    g_ptr_array_add (before, generate (golden_cases->pdata[i], NULL));

  for (guint i = 0; locales[i] != NULL && used == NULL; i++)
    if (setlocale (LC_ALL, locales[i]) != NULL)
      used = locales[i];
  if (used == NULL)
    {
      setlocale (LC_ALL, saved);
      g_test_skip ("no comma-decimal locale installed (only C/POSIX); nothing was compared");
      return;
    }
  {
    char buf[32];

    g_snprintf (buf, sizeof buf, "%.1f", 0.5);
    if (strchr (buf, ',') == NULL)
      {
        setlocale (LC_ALL, saved);
        g_test_skip ("the locale found does not use a decimal comma");
        return;
      }
  }
  for (guint i = 0; i < golden_cases->len; i++)
    {
      g_autofree char *svg = generate (golden_cases->pdata[i], NULL);

      g_assert_cmpstr (svg, ==, before->pdata[i]);
    }
  setlocale (LC_ALL, saved);
}

static void
test_format_number (void)
{
  static const struct { double v; const char *text; } cases[] = {
    { 0, "0" }, { -0.0, "0" }, { -0.001, "0" }, { 1, "1" }, { 12.5, "12.5" }, { 0.25, "0.25" },
    { 0.125, "0.13" }, { -3.14159, "-3.14" }, { 800, "800" }, { 1e6, "1000000" }, { 2.0 / 3.0, "0.67" },
  };
  char buf[HEP_SVG_NUMBER_BUF_SIZE];

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpstr (hep_svg_format_number (buf, cases[i].v), ==, cases[i].text);
}

static void
test_writer_escapes (void)
{
  g_autoptr(HepSvgWriter) w = hep_svg_writer_new (10, 10);
  g_autofree char *svg = NULL;

  hep_svg_writer_begin (w, "g", "class", "a\"b<c>&d", NULL);
  hep_svg_writer_text_element (w, "text", "<script>&\"'", "x", "1", NULL);
  hep_svg_writer_end (w);
  svg = hep_svg_writer_free_to_string (g_steal_pointer (&w));
  g_assert_nonnull (strstr (svg, "class=\"a&quot;b&lt;c&gt;&amp;d\""));
  g_assert_nonnull (strstr (svg, ">&lt;script&gt;&amp;&quot;&apos;</text>"));
  g_assert_null (strstr (svg, "<script>"));
  g_assert_true (g_str_has_suffix (svg, "</svg>\n"));
}

static void
test_diagram_escapes (void)
{
  HepCurveSet set = *hep_curve_lookup_archetype ("hcc-classic");
  HepDiagramOptions options;

  set.label = "Evil <b>\"x\" & y</b>";
  set.parts[0].label = "Part <i>&</i>";
  for (HepDiagramKind kind = HEP_DIAGRAM_KIND_CURVE; kind <= HEP_DIAGRAM_KIND_PHASES; kind++)
    {
      g_autofree char *text = NULL;
      g_autofree char *svg = NULL;

      hep_diagram_options_init (&options, kind);
      svg = hep_diagram_to_svg (&set, &options, &text);
      g_assert_null (strstr (svg, "<b>"));
      g_assert_null (strstr (svg, "<i>"));
      g_assert_nonnull (strstr (svg, "Evil &lt;b&gt;&quot;x&quot; &amp; y&lt;/b&gt;"));
      /* The text alternative is plain text, unescaped. */
      g_assert_nonnull (strstr (text, "Evil <b>\"x\" & y</b>"));
    }
}

static void
test_options (void)
{
  HepDiagramOptions options;
  g_autoptr(GError) error = NULL;
  HepDiagramKind kind;
  int w, h;

  hep_diagram_options_init (&options, HEP_DIAGRAM_KIND_CURVE);
  g_assert_false (hep_diagram_options_add_compare (&options, "hcc", &error));
  g_assert_error (error, HEP_DIAGRAM_ERROR, HEP_DIAGRAM_ERROR_UNKNOWN_ARCHETYPE);
  g_assert_nonnull (strstr (error->message, "“hcc”"));
  g_assert_nonnull (strstr (error->message, "hcc-classic, hcc-hbp-iso"));
  g_clear_error (&error);
  for (guint i = 0; i < HEP_DIAGRAM_MAX_COMPARE; i++)
    g_assert_true (hep_diagram_options_add_compare (&options, "fnh", NULL));
  g_assert_false (hep_diagram_options_add_compare (&options, "fnh", &error));
  g_assert_error (error, HEP_DIAGRAM_ERROR, HEP_DIAGRAM_ERROR_TOO_MANY);
  g_clear_error (&error);

  g_assert_false (hep_diagram_options_set_size (&options, 199, 500, &error));
  g_assert_error (error, HEP_DIAGRAM_ERROR, HEP_DIAGRAM_ERROR_BAD_SIZE);
  g_clear_error (&error);
  g_assert_false (hep_diagram_options_set_size (&options, 800, 8001, NULL));
  g_assert_true (hep_diagram_options_set_size (&options, 200, 8000, NULL));

  g_assert_true (hep_diagram_kind_from_string ("phases", &kind));
  g_assert_cmpint (kind, ==, HEP_DIAGRAM_KIND_PHASES);
  g_assert_false (hep_diagram_kind_from_string ("bars", &kind));

  hep_diagram_options_init (&options, HEP_DIAGRAM_KIND_CURVE);
  hep_diagram_get_default_size (&options, &w, &h);
  g_assert_cmpint (w, ==, 800);
  g_assert_cmpint (h, ==, 500);
}

/* Every size in range gives a document of that size. */
static void
test_sizes (void)
{
  static const int sizes[][2] = { { 200, 200 }, { 320, 240 }, { 800, 500 }, { 1920, 1080 }, { 8000, 200 } };
  const HepCurveSet *set = hep_curve_lookup_archetype ("abscess");

  for (HepDiagramKind kind = HEP_DIAGRAM_KIND_CURVE; kind <= HEP_DIAGRAM_KIND_PHASES; kind++)
    for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
      {
        HepDiagramOptions options;
        g_autofree char *svg = NULL;
        g_autofree char *expect = NULL;

        hep_diagram_options_init (&options, kind);
        g_assert_true (hep_diagram_options_add_compare (&options, "fnh", NULL));
        g_assert_true (hep_diagram_options_set_size (&options, sizes[i][0], sizes[i][1], NULL));
        svg = hep_diagram_to_svg (set, &options, NULL);
        expect = g_strdup_printf ("width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\"",
                                  sizes[i][0], sizes[i][1], sizes[i][0], sizes[i][1]);
        g_assert_nonnull (strstr (svg, expect));
      }
}

/* Hovering: each phase has a place in the diagram, left to right. */
static void
test_phase_at (void)
{
  for (HepDiagramKind kind = HEP_DIAGRAM_KIND_CURVE; kind <= HEP_DIAGRAM_KIND_PHASES; kind++)
    {
      HepDiagramOptions options;
      int w, h, last = -1;
      guint seen = 0;

      const HepCurveSet *set = hep_curve_lookup_archetype ("hcc-classic");

      hep_diagram_options_init (&options, kind);
      hep_diagram_get_default_size (&options, &w, &h);
      g_assert_cmpint (hep_diagram_phase_at (set, &options, 1, 1), ==, -1);
      for (int x = 0; x < w; x++)
        {
          int p = hep_diagram_phase_at (set, &options, x, h * 0.55);

          if (p < 0)
            continue;
          g_assert_cmpint (p, >=, last);
          if (p != last)
            seen++;
          last = p;
        }
      g_assert_cmpint (last, ==, HEP_CURVE_PHASE_HBP);
      g_assert_cmpuint (seen, ==, kind == HEP_DIAGRAM_KIND_CURVE ? 6 : 5);
    }
}

static void
test_describe_phase (void)
{
  const HepCurveSet *hcc = hep_curve_lookup_archetype ("hcc-classic");
  HepDiagramOptions options;
  g_autofree char *pv = NULL;
  g_autofree char *dp = NULL;
  g_autofree char *hbp = NULL;
  g_autofree char *cmp = NULL;

  hep_diagram_options_init (&options, HEP_DIAGRAM_KIND_CURVE);
  pv = hep_diagram_describe_phase (hcc, &options, HEP_CURVE_PHASE_PORTAL_VENOUS);
  g_assert_true (g_str_has_prefix (pv, "portal venous (70 s): hypo, washout, capsule"));
  g_assert_nonnull (strstr (pv, "Lesion 0.20"));
  g_assert_nonnull (strstr (pv, "Capsule rim 0.28"));
  g_assert_nonnull (strstr (pv, "Liver (cirrhotic) 0.25"));
  g_assert_nonnull (strstr (pv, "Aorta (blood pool) 0.70"));
  hbp = hep_diagram_describe_phase (hcc, &options, HEP_CURVE_PHASE_HBP);
  g_assert_nonnull (strstr (hbp, "Aorta (blood pool) not given"));
  dp = hep_diagram_describe_phase (hep_curve_lookup_archetype ("hemangioma-typical"), &options,
                                   HEP_CURVE_PHASE_DELAYED);
  g_assert_nonnull (strstr (dp, "TP (gadoxetate) 0.20"));
  g_assert_nonnull (strstr (dp, "TP falls (pseudo-washout)"));

  g_assert_true (hep_diagram_options_add_compare (&options, "fnh", NULL));
  cmp = hep_diagram_describe_phase (hcc, &options, HEP_CURVE_PHASE_LATE_ARTERIAL);
  g_assert_nonnull (strstr (cmp, "HCC, classic (in cirrhosis) 0.40"));
  g_assert_nonnull (strstr (cmp, "Focal nodular hyperplasia 0.55"));
}

/* Toggling washout changes the curve diagram, and only where it should. */
static void
test_washout_changes_svg (void)
{
  static const GoldenCase without = { "x", NULL, "risk=cirrhosis aphe=nonrim", HEP_DIAGRAM_KIND_CURVE, 0, NULL, 0, 0 };
  static const GoldenCase with = { "x", NULL, "risk=cirrhosis aphe=nonrim washout", HEP_DIAGRAM_KIND_CURVE, 0, NULL, 0, 0 };
  g_autofree char *ta = NULL, *tb = NULL;
  g_autofree char *a = generate (&without, &ta);
  g_autofree char *b = generate (&with, &tb);

  g_assert_cmpstr (a, !=, b);
  g_assert_null (strstr (ta, "washout"));
  g_assert_nonnull (strstr (tb, "washout"));
}

/* A copy of @set whose values after @last differ everywhere. */
static HepCurveSet
change_after (const HepCurveSet *set,
              HepCurvePhase      last)
{
  HepCurveSet changed = *set;

  for (guint i = 0; i < changed.n_parts; i++)
    for (guint p = last + 1; p < HEP_CURVE_N_POINTS; p++)
      changed.parts[i].values[p] = hep_curve_value_is_set (set->parts[i].values[p])
                                   ? 1.0 - set->parts[i].values[p] * 0.5 : 0.61;
  if (last < HEP_CURVE_PHASE_DELAYED)
    changed.tp_gadoxetate_180 = hep_curve_value_is_set (set->tp_gadoxetate_180) ? set->tp_gadoxetate_180 + 0.2 : 0.3;
  return changed;
}

/* Up to phase N: a diagram neither draws nor says anything of later phases,
 * so changing every later value changes no byte, and no later phase's label
 * or time is in it. */
static void
test_up_to_phase (void)
{
  for (guint a = 0; a < hep_curve_get_n_archetypes (); a++)
    for (HepDiagramKind kind = HEP_DIAGRAM_KIND_CURVE; kind <= HEP_DIAGRAM_KIND_PHASES; kind++)
      for (HepCurvePhase last = HEP_CURVE_PHASE_PRE; last < HEP_CURVE_PHASE_HBP; last++)
        {
          const HepCurveSet *set = hep_curve_get_archetype (a);
          HepCurveSet changed = change_after (set, last);
          HepDiagramOptions options;
          g_autofree char *ta = NULL, *tb = NULL, *tfull = NULL;
          g_autofree char *svg = NULL, *svg_changed = NULL, *full = NULL, *full_changed = NULL;

          hep_diagram_options_init (&options, kind);
          full = hep_diagram_to_svg (set, &options, &tfull);
          full_changed = hep_diagram_to_svg (&changed, &options, NULL);
          /* the change shows when every phase is drawn… */
          g_assert_false (g_str_equal (full, full_changed));
          hep_diagram_options_set_last_phase (&options, last);
          svg = hep_diagram_to_svg (set, &options, &ta);
          svg_changed = hep_diagram_to_svg (&changed, &options, &tb);
          /* …and not up to @last */
          if (!g_str_equal (svg, svg_changed) || !g_str_equal (ta, tb))
            g_error ("%s %s up to %s: later values change the diagram:\n%s\n%s", set->id,
                     hep_diagram_kind_to_string (kind), hep_curve_phase_get_label (last), ta, tb);
          g_assert_false (g_str_equal (svg, full));

          for (HepCurvePhase p = HEP_CURVE_PHASE_PRE; p < HEP_CURVE_N_POINTS; p++)
            {
              static const char * const times[] = { "0 s", "20 s", "35 s", "70 s", "180 s", "~20 min" };
              g_autofree char *time = g_strdup_printf (">%s<", times[p]);
              const char *label = hep_curve_phase_get_label (p);

              /* early arterial has no band of its own in the strip */
              if (kind == HEP_DIAGRAM_KIND_PHASES && p == HEP_CURVE_PHASE_EARLY_ARTERIAL)
                continue;
              if (p <= last)
                {
                  g_assert_nonnull (strstr (svg, time));
                  g_assert_nonnull (strstr (ta, label));
                }
              else
                {
                  g_assert_nonnull (strstr (full, time));
                  g_assert_null (strstr (svg, time));
                  g_assert_null (strstr (ta, label));
                  g_assert_nonnull (strstr (tfull, label));
                }
            }
        }
}

/* The smallest font-size attribute of @svg, in px. */
static double
smallest_font (const char *svg)
{
  double smallest = G_MAXDOUBLE;

  for (const char *p = strstr (svg, "font-size=\""); p != NULL; p = strstr (p + 1, "font-size=\""))
    smallest = MIN (smallest, g_ascii_strtod (p + strlen ("font-size=\""), NULL));
  return smallest;
}

/* Large text: at 1280 × 720 every text is 24 px or more, also up to a phase
 * and in the dark theme; without it some text is smaller. */
static void
test_large_text (void)
{
  for (guint a = 0; a < hep_curve_get_n_archetypes (); a++)
    for (HepDiagramKind kind = HEP_DIAGRAM_KIND_CURVE; kind <= HEP_DIAGRAM_KIND_PHASES; kind++)
      for (int last = HEP_CURVE_PHASE_PRE; last <= HEP_CURVE_PHASE_HBP + 1; last += 2)
        {
          const HepCurveSet *set = hep_curve_get_archetype (a);
          HepDiagramOptions options;
          g_autoptr(GError) error = NULL;
          g_autofree char *small = NULL, *large = NULL;

          hep_diagram_options_init (&options, kind);
          options.theme = a % 2 ? HEP_DIAGRAM_THEME_DARK : HEP_DIAGRAM_THEME_LIGHT;
          g_assert_true (hep_diagram_options_set_size (&options, 1280, 720, &error));
          if (last <= HEP_CURVE_PHASE_HBP)
            hep_diagram_options_set_last_phase (&options, last);
          small = hep_diagram_to_svg (set, &options, NULL);
          options.large_text = TRUE;
          large = hep_diagram_to_svg (set, &options, NULL);

          g_assert_cmpfloat (smallest_font (small), <, HEP_DIAGRAM_LARGE_TEXT_MIN_PX);
          g_assert_cmpfloat (smallest_font (large), >=, HEP_DIAGRAM_LARGE_TEXT_MIN_PX - 0.01);
          /* the strip's one text inside a scaled panel is left out */
          g_assert_null (strstr (large, ">aorta<"));
          /* smaller than 1280 × 720, the text stays 24 px */
          g_clear_pointer (&large, g_free);
          g_assert_true (hep_diagram_options_set_size (&options, 1000, 440, &error));
          large = hep_diagram_to_svg (set, &options, NULL);
          g_assert_cmpfloat (smallest_font (large), >=, HEP_DIAGRAM_LARGE_TEXT_MIN_PX - 0.01);
        }
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  golden_cases = g_ptr_array_new_with_free_func (free_case);

  for (guint i = 0; i < hep_curve_get_n_archetypes (); i++)
    {
      const char *id = hep_curve_get_archetype (i)->id;
      g_autofree char *curve = g_strconcat ("curve-", id, NULL);
      g_autofree char *phases = g_strconcat ("phases-", id, NULL);

      add_golden (curve, id, NULL, HEP_DIAGRAM_KIND_CURVE, HEP_DIAGRAM_THEME_LIGHT, NULL, 0, 0);
      add_golden (phases, id, NULL, HEP_DIAGRAM_KIND_PHASES, HEP_DIAGRAM_THEME_LIGHT, NULL, 0, 0);
    }
  add_golden ("curve-hcc-classic-dark", "hcc-classic", NULL, HEP_DIAGRAM_KIND_CURVE, HEP_DIAGRAM_THEME_DARK, NULL, 0, 0);
  add_golden ("phases-hcc-classic-dark", "hcc-classic", NULL, HEP_DIAGRAM_KIND_PHASES, HEP_DIAGRAM_THEME_DARK, NULL, 0, 0);
  add_golden ("curve-compare", "hcc-classic", NULL, HEP_DIAGRAM_KIND_CURVE, HEP_DIAGRAM_THEME_LIGHT,
              "fnh,hemangioma-flash,met-hypovascular", 0, 0);
  add_golden ("phases-compare-dark", "hcc-classic", NULL, HEP_DIAGRAM_KIND_PHASES, HEP_DIAGRAM_THEME_DARK,
              "fnh,icc-mass-forming,abscess", 0, 0);
  add_golden ("curve-small", "hemangioma-typical", NULL, HEP_DIAGRAM_KIND_CURVE, HEP_DIAGRAM_THEME_LIGHT, NULL, 400, 300);
  add_golden ("curve-features-hcc", NULL, "risk=cirrhosis size=25 aphe=nonrim washout capsule hbp=hypo",
              HEP_DIAGRAM_KIND_CURVE, HEP_DIAGRAM_THEME_LIGHT, NULL, 0, 0);
  add_golden ("phases-features-hemangioma", NULL, "peripheral-nodular centripetal-fill t2=marked tp-hypo",
              HEP_DIAGRAM_KIND_PHASES, HEP_DIAGRAM_THEME_LIGHT, NULL, 0, 0);
  add_golden ("curve-features-empty", NULL, "", HEP_DIAGRAM_KIND_CURVE, HEP_DIAGRAM_THEME_DARK, NULL, 0, 0);

  g_test_add_func ("/diagram/deterministic", test_deterministic);
  g_test_add_func ("/diagram/numbers-are-plain", test_numbers_are_plain);
  g_test_add_func ("/diagram/comma-locale", test_comma_locale);
  g_test_add_func ("/diagram/format-number", test_format_number);
  g_test_add_func ("/diagram/writer-escapes", test_writer_escapes);
  g_test_add_func ("/diagram/diagram-escapes", test_diagram_escapes);
  g_test_add_func ("/diagram/options", test_options);
  g_test_add_func ("/diagram/sizes", test_sizes);
  g_test_add_func ("/diagram/phase-at", test_phase_at);
  g_test_add_func ("/diagram/describe-phase", test_describe_phase);
  g_test_add_func ("/diagram/washout-changes-svg", test_washout_changes_svg);
  g_test_add_func ("/diagram/up-to-phase", test_up_to_phase);
  g_test_add_func ("/diagram/large-text", test_large_text);

  status = g_test_run ();
  g_ptr_array_unref (golden_cases);
  return status;
}
