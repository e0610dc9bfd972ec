/* test-diagram-theme.c: the diagrams in high contrast
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "hep-core.h"

/* The colours of the ordinary themes' secondary text and grid, which high
 * contrast replaces with the text colour or a darker line. */
static const char * const muted_light[] = { "#5E5E5E", "#D6D6D6", NULL };
static const char * const muted_dark[] = { "#B8B8B8", "#484848", NULL };

static char *
draw (HepDiagramKind  kind,
      HepDiagramTheme theme)
{
  HepDiagramOptions options;
  const HepCurveSet *set = hep_curve_lookup_archetype ("hcc-classic");

  g_assert_nonnull (set);
  hep_diagram_options_init (&options, kind);
  options.theme = theme;
  return hep_diagram_to_svg (set, &options, NULL);
}

static void
test_theme_high_contrast (void)
{
  static const struct {
    HepDiagramTheme    theme;
    const char        *background;
    const char        *text;
    const char * const *absent;
    gboolean           dark;
  } rows[] = {
    { HEP_DIAGRAM_THEME_HC_LIGHT, "#FFFFFF", "#000000", muted_light, FALSE },
    { HEP_DIAGRAM_THEME_HC_DARK, "#000000", "#FFFFFF", muted_dark, TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    for (HepDiagramKind kind = HEP_DIAGRAM_KIND_CURVE; kind <= HEP_DIAGRAM_KIND_PHASES; kind++)
      {
        g_autofree char *svg = draw (kind, rows[i].theme);
        g_autofree char *upper = g_ascii_strup (svg, -1);

        g_test_message ("theme %d, kind %d", rows[i].theme, kind);
        g_assert_cmpstr (hep_diagram_theme_get_background (rows[i].theme), ==, rows[i].background);
        g_assert_cmpint (hep_diagram_theme_is_dark (rows[i].theme), ==, rows[i].dark);
        g_assert_nonnull (strstr (upper, rows[i].text));
        for (guint k = 0; rows[i].absent[k] != NULL; k++)
          g_assert_null (strstr (upper, rows[i].absent[k]));
      }

  /* the ordinary themes keep their muted text */
  {
    g_autofree char *svg = draw (HEP_DIAGRAM_KIND_CURVE, HEP_DIAGRAM_THEME_LIGHT);
    g_autofree char *upper = g_ascii_strup (svg, -1);

    g_assert_nonnull (strstr (upper, muted_light[0]));
    g_assert_false (hep_diagram_theme_is_dark (HEP_DIAGRAM_THEME_LIGHT));
    g_assert_true (hep_diagram_theme_is_dark (HEP_DIAGRAM_THEME_DARK));
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/diagram/theme/high-contrast", test_theme_high_contrast);
  return g_test_run ();
}
