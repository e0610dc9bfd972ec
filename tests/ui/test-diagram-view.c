/* test-diagram-view.c: the diagram widget draws, follows its features,
 * theme and size, describes phases and exports
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "hep-diagram-view.h"
#include "hep-ui-test-utils.h"

typedef struct {
  GtkWidget      *window;
  HepDiagramView *view;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->window = gtk_window_new ();
  f->view = HEP_DIAGRAM_VIEW (hep_diagram_view_new ());
  gtk_window_set_default_size (GTK_WINDOW (f->window), 800, 500);
  gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (f->view));
  gtk_window_present (GTK_WINDOW (f->window));
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
  gtk_window_destroy (GTK_WINDOW (f->window));
}

static void
set_tokens (HepDiagramView *view,
            const char     *tokens)
{
  HepFeatureSet features;
  g_autoptr(GError) error = NULL;

  hep_feature_set_init (&features);
  g_assert_true (hep_feature_set_parse (&features, tokens, &error));
  g_assert_no_error (error);
  hep_diagram_view_set_features (view, &features);
}

/* The widget's pixels, as drawn by the cairo renderer. */
static gboolean
view_ready (gpointer view)
{
  return hep_diagram_view_get_ready (view);
}

/* The diagram rendered, and a frame that shows it: the first render
 * arrives asynchronously, a toggle's render in the frame that shows it. */
static void
wait_drawn (Fixture *f)
{
  hep_ui_test_wait_for_draw (GTK_WIDGET (f->view));
  g_assert_true (hep_ui_test_wait_for (view_ready, f->view, 5000));
  hep_ui_test_wait_for_draw (GTK_WIDGET (f->view));
}

static GBytes *
render_pixels (GtkWidget *widget)
{
  int w = gtk_widget_get_width (widget);
  int h = gtk_widget_get_height (widget);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  gsize stride = (gsize) w * 4;
  guchar *data;

  gdk_paintable_snapshot (paintable, snapshot, w, h);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)),
                                         node, &GRAPHENE_RECT_INIT (0, 0, w, h));
  data = g_malloc (stride * h);
  gdk_texture_download (texture, data, stride);
  return g_bytes_new_take (data, stride * h);
}

static gboolean
bytes_not_uniform (GBytes *bytes)
{
  gsize n;
  const guint32 *px = g_bytes_get_data (bytes, &n);

  for (gsize i = 1; i < n / 4; i++)
    if (px[i] != px[0])
      return TRUE;
  return FALSE;
}

static void
test_draws_and_toggles (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *svg_before = NULL;
  g_autofree char *png_before = NULL;
  g_autofree char *png_after = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  const char *text;

  set_tokens (f->view, "risk=cirrhosis aphe=nonrim");
  wait_drawn (f);
  g_assert_nonnull (hep_diagram_view_get_svg (f->view));
  g_assert_nonnull (strstr (hep_diagram_view_get_svg (f->view), "Schematic, not measured"));
  text = hep_diagram_view_get_text_alternative (f->view);
  g_assert_nonnull (text);
  g_assert_null (strstr (text, "washout"));
  /* The accessible description is the text alternative. */
  g_assert_null (gtk_test_accessible_check_property (GTK_ACCESSIBLE (f->view),
                                                     GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text));
  svg_before = g_strdup (hep_diagram_view_get_svg (f->view));
  before = render_pixels (GTK_WIDGET (f->view));
  g_assert_true (bytes_not_uniform (before));
  png_before = hep_ui_test_save_png (GTK_WIDGET (f->view), "test-diagram-view-before.png");

  set_tokens (f->view, "risk=cirrhosis aphe=nonrim washout");
  wait_drawn (f);
  g_assert_cmpstr (hep_diagram_view_get_svg (f->view), !=, svg_before);
  g_assert_nonnull (strstr (hep_diagram_view_get_text_alternative (f->view), "washout"));
  after = render_pixels (GTK_WIDGET (f->view));
  g_assert_cmpuint (g_bytes_get_size (after), ==, g_bytes_get_size (before));
  g_assert_false (g_bytes_equal (before, after));
  png_after = hep_ui_test_save_png (GTK_WIDGET (f->view), "test-diagram-view-washout.png");
  g_assert_true (g_file_test (png_after, G_FILE_TEST_EXISTS));

  /* The same features again: the same SVG, nothing regenerated. */
  {
    const char *svg = hep_diagram_view_get_svg (f->view);

    set_tokens (f->view, "risk=cirrhosis aphe=nonrim washout");
    wait_drawn (f);
    g_assert_true (hep_diagram_view_get_svg (f->view) == svg);
  }
}

static void
test_theme_and_size (Fixture       *f,
                     gconstpointer  data)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  g_autofree char *light = NULL;
  g_autofree char *png = NULL;

  hep_diagram_view_set_archetype (f->view, "hemangioma-typical");
  wait_drawn (f);
  light = g_strdup (hep_diagram_view_get_svg (f->view));
  g_assert_nonnull (strstr (light, "fill=\"#FFFFFF\""));

  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
  g_assert_true (adw_style_manager_get_dark (manager));
  wait_drawn (f);
  g_assert_cmpstr (hep_diagram_view_get_svg (f->view), !=, light);
  g_assert_nonnull (strstr (hep_diagram_view_get_svg (f->view), "fill=\"#242424\""));
  png = hep_ui_test_save_png (GTK_WIDGET (f->view), "test-diagram-view-dark.png");

  /* A new size gives a diagram laid out for it. */
  gtk_window_set_default_size (GTK_WINDOW (f->window), 600, 400);
  wait_drawn (f);
  {
    g_autofree char *expect = g_strdup_printf ("width=\"%d\" height=\"%d\"",
                                               gtk_widget_get_width (GTK_WIDGET (f->view)),
                                               gtk_widget_get_height (GTK_WIDGET (f->view)));

    g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (f->view)), <, 800);
    g_assert_nonnull (strstr (hep_diagram_view_get_svg (f->view), expect));
  }
}

static void
test_properties_and_phases (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *archetype = NULL;
  g_autofree char *tooltip = NULL;
  g_autofree char *png = NULL;
  HepDiagramKind kind;
  int w;

  g_object_set (f->view, "archetype", "fnh", "kind", HEP_DIAGRAM_KIND_PHASES, NULL);
  g_object_get (f->view, "archetype", &archetype, "kind", &kind, NULL);
  g_assert_cmpstr (archetype, ==, "fnh");
  g_assert_cmpint (kind, ==, HEP_DIAGRAM_KIND_PHASES);
  wait_drawn (f);
  g_assert_nonnull (strstr (hep_diagram_view_get_svg (f->view), "Phase by phase: Focal nodular hyperplasia"));
  png = hep_ui_test_save_png (GTK_WIDGET (f->view), "test-diagram-view-phases.png");

  /* Hover over the middle of the strip: the portal venous column. */
  w = gtk_widget_get_width (GTK_WIDGET (f->view));
  tooltip = hep_diagram_view_describe_at (f->view, w / 2.0, gtk_widget_get_height (GTK_WIDGET (f->view)) / 2.0);
  g_assert_nonnull (tooltip);
  g_assert_true (g_str_has_prefix (tooltip, "portal venous (70 s)"));
  g_assert_nonnull (strstr (tooltip, "Liver (normal) 0.30"));
  g_assert_null (hep_diagram_view_describe_at (f->view, 1, 1));

  /* Setting features replaces the archetype. */
  set_tokens (f->view, "aphe=nonrim");
  g_assert_null (hep_diagram_view_get_archetype (f->view));
  wait_drawn (f);
  g_assert_nonnull (strstr (hep_diagram_view_get_svg (f->view), "From the chosen features"));
}

static void
test_compare_and_export (Fixture       *f,
                         gconstpointer  data)
{
  static const char * const ids[] = { "fnh", "hemangioma-flash", NULL };
  static const char * const bad[] = { "fnh", "nope", NULL };
  static const char * const formats[] = { "png", "pdf", "svg" };
  static const char * const magic[] = { "\x89PNG", "%PDF", "<?xml" };
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("hep-diagram-XXXXXX", NULL);

  hep_diagram_view_set_archetype (f->view, "hcc-classic");
  g_assert_true (hep_diagram_view_set_compare (f->view, ids, &error));
  g_assert_no_error (error);
  wait_drawn (f);
  g_assert_nonnull (strstr (hep_diagram_view_get_svg (f->view), "Enhancement curves compared"));
  g_assert_false (hep_diagram_view_set_compare (f->view, bad, &error));
  g_assert_error (error, HEP_DIAGRAM_ERROR, HEP_DIAGRAM_ERROR_UNKNOWN_ARCHETYPE);
  g_clear_error (&error);

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autofree char *name = g_strconcat ("diagram.", formats[i], NULL);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *contents = NULL;
      gsize len;

      g_assert_true (hep_diagram_view_export (f->view, path, 640, 400, HEP_DIAGRAM_THEME_LIGHT, &error));
      g_assert_no_error (error);
      g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
      g_assert_cmpuint (len, >, 100);
      g_assert_true (memcmp (contents, magic[i], strlen (magic[i])) == 0);
      g_unlink (path);
    }
  {
    g_autofree char *path = g_build_filename (dir, "diagram.gif", NULL);

    g_assert_false (hep_diagram_view_export (f->view, path, 0, 0, HEP_DIAGRAM_THEME_LIGHT, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
    g_clear_error (&error);
  }
  g_rmdir (dir);
}

/* Height for width: the height the diagram's text needs at that width,
 * as the core lays it out; a narrow curve puts its legend below the plot,
 * a narrow strip wraps into rows, so both grow taller than their
 * proportions. */
static void
test_height_for_width (void)
{
  g_autoptr(GtkWidget) view = g_object_ref_sink (hep_diagram_view_new ());
  HepDiagramOptions options;
  HepCurveSet set;
  HepFeatureSet none;
  int min, nat, nat_narrow;

  hep_feature_set_init (&none);
  hep_curve_set_synthesize (&set, &none);
  hep_diagram_options_init (&options, HEP_DIAGRAM_KIND_CURVE);
  g_assert_cmpint (gtk_widget_get_request_mode (view), ==, GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH);
  gtk_widget_measure (view, GTK_ORIENTATION_VERTICAL, 640, &min, &nat, NULL, NULL);
  g_assert_cmpint (nat, ==, hep_diagram_get_height_for_width (&set, &options, 640));
  g_assert_cmpint (min, ==, nat);   /* text does not shrink */
  gtk_widget_measure (view, GTK_ORIENTATION_VERTICAL, 320, &min, &nat_narrow, NULL, NULL);
  g_assert_cmpint (nat_narrow, >, 320 * 500 / 800);

  hep_diagram_view_set_kind (HEP_DIAGRAM_VIEW (view), HEP_DIAGRAM_KIND_PHASES);
  options.kind = HEP_DIAGRAM_KIND_PHASES;
  gtk_widget_measure (view, GTK_ORIENTATION_VERTICAL, 900, &min, &nat, NULL, NULL);
  g_assert_cmpint (nat, ==, hep_diagram_get_height_for_width (&set, &options, 900));
  gtk_widget_measure (view, GTK_ORIENTATION_VERTICAL, 320, &min, &nat_narrow, NULL, NULL);
  g_assert_cmpint (nat_narrow, >, nat);   /* in rows */
}

/* The smallest font-size of @svg. */
static double
smallest_font (const char *svg)
{
  double smallest = G_MAXDOUBLE;

  for (const char *p = strstr (svg, "<text"); p != NULL; p = strstr (p + 1, "<text"))
    {
      const char *size = strstr (p, "font-size=\"");

      g_assert_nonnull (size);
      smallest = MIN (smallest, g_ascii_strtod (size + 11, NULL));
    }
  return smallest;
}

static gboolean
svg_at_width (gpointer data)
{
  Fixture *f = data;
  const char *svg = hep_diagram_view_get_svg (f->view);
  g_autofree char *attr = g_strdup_printf ("width=\"%d\"", gtk_widget_get_width (GTK_WIDGET (f->view)));

  return svg != NULL && strstr (svg, attr) != NULL && hep_diagram_view_get_ready (f->view);
}

/* In a window of the view's smallest width, and with the app's text zoom
 * (gtk-xft-dpi, as app.zoom-in sets it): the SVG is made at the widget's
 * size, its text at least 12 px, and larger with the zoom. */
static void
test_text_size_and_zoom (Fixture       *f,
                         gconstpointer  data)
{
  GtkSettings *settings = gtk_settings_get_default ();
  int dpi = 0, height;

  g_object_get (settings, "gtk-xft-dpi", &dpi, NULL);
  for (HepDiagramKind kind = HEP_DIAGRAM_KIND_CURVE; kind <= HEP_DIAGRAM_KIND_PHASES; kind++)
    {
      hep_diagram_view_set_kind (f->view, kind);
      set_tokens (f->view, "risk=cirrhosis size=25 aphe=nonrim washout capsule");
      gtk_window_set_default_size (GTK_WINDOW (f->window), 320, 200);
      gtk_widget_set_size_request (GTK_WIDGET (f->view), 320, -1);
      wait_drawn (f);
      g_assert_true (hep_ui_test_wait_for (svg_at_width, f, 5000));
      g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (f->view)), <=, 340);
      g_assert_cmpfloat (smallest_font (hep_diagram_view_get_svg (f->view)), >=, HEP_DIAGRAM_MIN_TEXT_PX);
      height = gtk_widget_get_height (GTK_WIDGET (f->view));

      /* zoom in: 1.5 × the text, and the height it needs */
      g_object_set (settings, "gtk-xft-dpi", 96 * 1024 * 3 / 2, NULL);
      hep_ui_test_wait_for_draw (GTK_WIDGET (f->view));
      wait_drawn (f);
      g_assert_cmpfloat (smallest_font (hep_diagram_view_get_svg (f->view)), >=, HEP_DIAGRAM_MIN_TEXT_PX * 1.5 - 0.01);
      g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (f->view)), >, height);
      g_object_set (settings, "gtk-xft-dpi", dpi, NULL);
      hep_ui_test_wait_for_draw (GTK_WIDGET (f->view));
    }
}

int
main (int    argc,
      char **argv)
{
  /* The accessible description is checked through GTK's test AT context
   * (the suite's GTK_A11Y=none gives widgets no context at all). */
  g_setenv ("GTK_A11Y", "test", TRUE);
  hep_ui_test_init (&argc, &argv);
  g_test_add_func ("/diagram-view/height-for-width", test_height_for_width);
  g_test_add ("/diagram-view/draws-and-toggles", Fixture, NULL, fixture_setup, test_draws_and_toggles, fixture_teardown);
  g_test_add ("/diagram-view/theme-and-size", Fixture, NULL, fixture_setup, test_theme_and_size, fixture_teardown);
  g_test_add ("/diagram-view/properties-and-phases", Fixture, NULL, fixture_setup, test_properties_and_phases, fixture_teardown);
  g_test_add ("/diagram-view/compare-and-export", Fixture, NULL, fixture_setup, test_compare_and_export, fixture_teardown);
  g_test_add ("/diagram-view/text-size-and-zoom", Fixture, NULL, fixture_setup, test_text_size_and_zoom, fixture_teardown);
  return g_test_run ();
}
