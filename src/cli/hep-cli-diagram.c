/* hep-cli-diagram.c: `hepatica-cli diagram list|curve|phases`
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "hep-cli.h"
#include "hep-diagram-render.h"

#include <stdio.h>

static const char diagram_usage[] =
  "Usage: hepatica-cli diagram list\n"
  "       hepatica-cli diagram curve|phases (--lesion=ID [--compare=ID,...] | TOKEN...)\n"
  "                    [--theme=light|dark|hc-light|hc-dark] [--width=N --height=N] [--up-to=PHASE]\n"
  "                    [--large-text] --output=FILE.svg|.png|.pdf\n"
  "\n"
  "Draws the schematic enhancement curves (curve) or the per-phase look of a\n"
  "lesion (phases), either of a built-in archetype (--lesion; \"diagram list\"\n"
  "prints the ids) or synthesized from feature tokens (\"hepatica-cli tokens\").\n"
  "--compare adds up to three archetypes to an archetype diagram. The file type\n"
  "follows the extension of --output; --width/--height are pixels (PDF: points),\n"
  "200–8000 each; --width alone takes the height the text needs at that width\n"
  "(no text under 12 px). --up-to=pre|arterial|portal|delayed|hbp draws the phases up to\n"
  "that one and leaves the later ones blank, as presenter mode shows a case;\n"
  "--large-text makes every text at least 24 px at 1280×720, for a slide.\n"
  "The diagrams are schematic, not measured.\n"
  "\n"
  "Example: hepatica-cli diagram curve --lesion=hcc-classic --compare=fnh --output=hcc.png\n"
  "\n"
  "Exit status: 0 on success, 1 if the file cannot be written, 2 on bad arguments.\n"
  HEP_CLI_EDUCATION_NOTE "\n";

static gboolean
parse_size (const char *text,
            int        *out)
{
  guint64 v;

  if (text == NULL)
    return TRUE;
  if (!g_ascii_string_to_unsigned (text, 10, HEP_DIAGRAM_MIN_SIZE, HEP_DIAGRAM_MAX_SIZE, &v, NULL))
    return FALSE;
  *out = (int) v;
  return TRUE;
}

static int
bad_lesion (const char *id)
{
  g_autofree char *ids = hep_curve_describe_archetype_ids ();

  return hep_cli_fail ("diagram", HEP_CLI_EXIT_USAGE, "unknown lesion “%s”; accepted: %s", id, ids);
}

int
hep_cli_diagram (int    argc,
                 char **argv)
{
  static const char * const known[] = {
    "lesion=", "compare=", "theme=", "width=", "height=", "output=", "up-to=", "large-text", NULL
  };
  g_auto(HepCliArgs) args = { 0, };
  g_autoptr(GError) error = NULL;
  g_autofree char *svg = NULL;
  const char *sub, *lesion, *compare, *theme, *output;
  const HepCurveSet *set;
  HepCurveSet synthesized;
  HepDiagramOptions options;
  HepDiagramKind kind;
  HepExportFormat format;
  int width = 0, height = 0;

  if (!hep_cli_args_parse (&args, argc, argv, known, &error))
    return hep_cli_fail ("diagram", HEP_CLI_EXIT_USAGE, "%s; see “hepatica-cli diagram --help”", error->message);
  if (args.help)
    {
      fputs (diagram_usage, stdout);
      return HEP_CLI_EXIT_OK;
    }
  if (args.json)
    return hep_cli_fail ("diagram", HEP_CLI_EXIT_USAGE, "--json is not supported; the output is a file");
  if (args.args->len == 0)
    return hep_cli_fail ("diagram", HEP_CLI_EXIT_USAGE, "expected list, curve or phases; see “hepatica-cli diagram --help”");

  sub = g_ptr_array_steal_index (args.args, 0);
  if (g_str_equal (sub, "list"))
    {
      if (args.args->len > 0 || g_hash_table_size (args.options) > 0)
        return hep_cli_fail ("diagram", HEP_CLI_EXIT_USAGE, "“diagram list” takes no arguments");
      for (guint i = 0; i < hep_curve_get_n_archetypes (); i++)
        printf ("%s\n", hep_curve_get_archetype (i)->id);
      return HEP_CLI_EXIT_OK;
    }
  if (!hep_diagram_kind_from_string (sub, &kind))
    return hep_cli_fail ("diagram", HEP_CLI_EXIT_USAGE, "unknown diagram “%s”; accepted: list, curve, phases", sub);

  hep_diagram_options_init (&options, kind);

  lesion = hep_cli_args_get (&args, "lesion");
  compare = hep_cli_args_get (&args, "compare");
  if (lesion != NULL && args.args->len > 0)
    return hep_cli_fail ("diagram", HEP_CLI_EXIT_USAGE, "give either --lesion=ID or feature tokens, not both");
  if (lesion == NULL && compare != NULL)
    return hep_cli_fail ("diagram", HEP_CLI_EXIT_USAGE, "--compare needs --lesion=ID");
  if (lesion == NULL && args.args->len == 0)
    return hep_cli_fail ("diagram", HEP_CLI_EXIT_USAGE, "give --lesion=ID or feature tokens");

  if (lesion != NULL)
    {
      set = hep_curve_lookup_archetype (lesion);
      if (set == NULL)
        return bad_lesion (lesion);
    }
  else
    {
      HepFeatureSet features;

      if (!hep_cli_parse_features ("diagram", &args, &features))
        return HEP_CLI_EXIT_USAGE;
      hep_curve_set_synthesize (&synthesized, &features);
      set = &synthesized;
    }

  if (compare != NULL)
    {
      g_auto(GStrv) ids = g_strsplit (compare, ",", -1);

      for (guint i = 0; ids[i] != NULL; i++)
        {
          g_strstrip (ids[i]);
          if (hep_curve_lookup_archetype (ids[i]) == NULL)
            return bad_lesion (ids[i]);
          if (!hep_diagram_options_add_compare (&options, ids[i], &error))
            return hep_cli_fail ("diagram", HEP_CLI_EXIT_USAGE, "%s", error->message);
        }
    }

  theme = hep_cli_args_get (&args, "theme");
  if (theme == NULL || g_str_equal (theme, "light"))
    options.theme = HEP_DIAGRAM_THEME_LIGHT;
  else if (g_str_equal (theme, "dark"))
    options.theme = HEP_DIAGRAM_THEME_DARK;
  else if (g_str_equal (theme, "hc-light"))
    options.theme = HEP_DIAGRAM_THEME_HC_LIGHT;
  else if (g_str_equal (theme, "hc-dark"))
    options.theme = HEP_DIAGRAM_THEME_HC_DARK;
  else
    return hep_cli_fail ("diagram", HEP_CLI_EXIT_USAGE,
                         "bad --theme “%s”; accepted: light, dark, hc-light, hc-dark", theme);

  if (hep_cli_args_get (&args, "up-to") != NULL)
    {
      const char *up_to = hep_cli_args_get (&args, "up-to");
      HepCasePhase phase;

      if (!hep_case_phase_from_key (up_to, &phase) || hep_reveal_phase_to_curve (phase) < 0)
        return hep_cli_fail ("diagram", HEP_CLI_EXIT_USAGE,
                             "bad --up-to “%s”; accepted: pre, arterial, portal, delayed, hbp", up_to);
      hep_diagram_options_set_last_phase (&options, hep_reveal_phase_to_curve (phase));
    }
  options.large_text = hep_cli_args_get (&args, "large-text") != NULL;

  hep_diagram_get_default_size (&options, &width, &height);
  if (!parse_size (hep_cli_args_get (&args, "width"), &width))
    return hep_cli_fail ("diagram", HEP_CLI_EXIT_USAGE, "bad --width “%s”; accepted: %d–%d",
                         hep_cli_args_get (&args, "width"), HEP_DIAGRAM_MIN_SIZE, HEP_DIAGRAM_MAX_SIZE);
  /* a width alone: the height the diagram's text needs there */
  if (hep_cli_args_get (&args, "width") != NULL && hep_cli_args_get (&args, "height") == NULL)
    height = hep_diagram_get_height_for_width (set, &options, width);
  if (!parse_size (hep_cli_args_get (&args, "height"), &height))
    return hep_cli_fail ("diagram", HEP_CLI_EXIT_USAGE, "bad --height “%s”; accepted: %d–%d",
                         hep_cli_args_get (&args, "height"), HEP_DIAGRAM_MIN_SIZE, HEP_DIAGRAM_MAX_SIZE);
  if (!hep_diagram_options_set_size (&options, width, height, &error))
    return hep_cli_fail ("diagram", HEP_CLI_EXIT_USAGE, "%s", error->message);

  output = hep_cli_args_get (&args, "output");
  if (output == NULL || *output == '\0')
    return hep_cli_fail ("diagram", HEP_CLI_EXIT_USAGE, "--output=FILE.svg|.png|.pdf is required");
  if (!hep_export_format_from_path (output, &format))
    return hep_cli_fail ("diagram", HEP_CLI_EXIT_USAGE, "bad --output “%s”; accepted extensions: .svg, .png, .pdf", output);

  svg = hep_diagram_to_svg (set, &options, NULL);
  if (!hep_diagram_render_export (svg, output, width, height, &error))
    return hep_cli_fail ("diagram", HEP_CLI_EXIT_FAILURE, "%s", error->message);

  printf ("%s: %s %s, %d×%d\n%s\n", output, set->id, hep_diagram_kind_to_string (kind), width, height,
          HEP_CLI_EDUCATION_NOTE);
  return HEP_CLI_EXIT_OK;
}
