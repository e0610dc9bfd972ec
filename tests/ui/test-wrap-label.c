/* test-wrap-label.c: HepWrapLabel measures like the text it holds
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "hep-text-row.h"
#include "hep-ui-test-utils.h"
#include "hep-wrap-label.h"

#define SENTENCE "Diagnostic table: nonrim APHE, 10–19 mm, 1 additional major feature " \
                 "(enhancing capsule) gives LR-4; washout or threshold growth alone gives LR-5."

/* The size of @text laid out by Pango in @widget's font at @width (-1:
 * unbounded), in pixels. */
static void
pango_size (GtkWidget  *widget,
            const char *text,
            int         width,
            int        *out_width,
            int        *out_height)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, text);
  PangoRectangle logical;

  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_width (layout, width < 0 ? -1 : width * PANGO_SCALE);
  pango_layout_get_extents (layout, NULL, &logical);
  *out_width = PANGO_PIXELS_CEIL (logical.width);
  *out_height = PANGO_PIXELS_CEIL (logical.height);
}

static void
test_measure (void)
{
  g_autoptr(GtkWidget) label = g_object_ref_sink (hep_wrap_label_new (SENTENCE));
  int min, nat, pw, ph, one_line, two_hundred;

  g_assert_cmpint (gtk_widget_get_request_mode (label), ==, GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH);

  /* natural width: the whole sentence on one line; minimum: the fixed floor */
  pango_size (label, SENTENCE, -1, &pw, &one_line);
  gtk_widget_measure (label, GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
  g_assert_cmpint (nat, ==, pw);
  g_assert_cmpint (min, ==, HEP_WRAP_LABEL_MIN_WIDTH);
  /* no width-for-height search: a height does not change the answer */
  gtk_widget_measure (label, GTK_ORIENTATION_HORIZONTAL, 20, &min, &nat, NULL, NULL);
  g_assert_cmpint (nat, ==, pw);

  /* height for width, as Pango wraps it */
  pango_size (label, SENTENCE, 200, &pw, &two_hundred);
  gtk_widget_measure (label, GTK_ORIENTATION_VERTICAL, 200, &min, &nat, NULL, NULL);
  g_assert_cmpint (nat, ==, two_hundred);
  g_assert_cmpint (min, ==, two_hundred);
  g_assert_cmpint (two_hundred, >, 2 * one_line);
  gtk_widget_measure (label, GTK_ORIENTATION_VERTICAL, 4000, &min, &nat, NULL, NULL);
  g_assert_cmpint (nat, ==, one_line);

  /* a short text is narrower than the floor: its own width is the minimum */
  hep_wrap_label_set_text (HEP_WRAP_LABEL (label), "LR-4");
  pango_size (label, "LR-4", -1, &pw, &ph);
  gtk_widget_measure (label, GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
  g_assert_cmpint (nat, ==, pw);
  g_assert_cmpint (min, ==, pw);

  /* single line: one line's height at any width, and no height-for-width */
  hep_wrap_label_set_text (HEP_WRAP_LABEL (label), SENTENCE);
  hep_wrap_label_set_single_line (HEP_WRAP_LABEL (label), TRUE);
  g_assert_cmpint (gtk_widget_get_request_mode (label), ==, GTK_SIZE_REQUEST_CONSTANT_SIZE);
  gtk_widget_measure (label, GTK_ORIENTATION_VERTICAL, 200, &min, &nat, NULL, NULL);
  g_assert_cmpint (nat, ==, one_line);
}

static void
test_text_and_accessible_name (void)
{
  g_autoptr(GtkWidget) label = g_object_ref_sink (hep_wrap_label_new (NULL));
  g_autofree char *text = NULL;

  g_assert_cmpstr (hep_wrap_label_get_text (HEP_WRAP_LABEL (label)), ==, "");
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (label)), ==, GTK_ACCESSIBLE_ROLE_LABEL);
  g_object_set (label, "text", "Fever", NULL);
  g_object_get (label, "text", &text, NULL);
  g_assert_cmpstr (text, ==, "Fever");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL, "Fever");
  g_assert_cmpstr (gtk_widget_get_css_name (label), ==, "label");
}

/* It draws its text in a window, and follows a font change. */
static void
test_draws_and_follows_font (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *label = hep_wrap_label_new (SENTENCE);
  g_autoptr(GtkCssProvider) big = gtk_css_provider_new ();
  g_autofree char *png = NULL;
  int before, after, min;

  gtk_window_set_default_size (GTK_WINDOW (window), 300, 200);
  gtk_window_set_child (GTK_WINDOW (window), label);
  gtk_window_present (GTK_WINDOW (window));
  hep_ui_test_wait_for_draw (label);
  g_assert_cmpint (gtk_widget_get_height (label), >, 0);
  png = hep_ui_test_save_png (window, "test-wrap-label.png");
  g_assert_true (g_file_test (png, G_FILE_TEST_EXISTS));

  gtk_widget_measure (label, GTK_ORIENTATION_HORIZONTAL, -1, &min, &before, NULL, NULL);
  gtk_css_provider_load_from_data (big, "label.big { font-size: 200%; }", -1);
  gtk_style_context_add_provider_for_display (gtk_widget_get_display (label), GTK_STYLE_PROVIDER (big),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  gtk_widget_add_css_class (label, "big");
  hep_ui_test_wait_for_draw (label);
  gtk_widget_measure (label, GTK_ORIENTATION_HORIZONTAL, -1, &min, &after, NULL, NULL);
  g_assert_cmpint (after, >, before + before / 2);
  gtk_style_context_remove_provider_for_display (gtk_widget_get_display (label), GTK_STYLE_PROVIDER (big));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A text row beside a taller suffix centres its title and subtitle as a
 * whole, the gap above them equal to the gap below. */
static void
test_text_row_centres_text (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *row = hep_text_row_new ("Title", "A subtitle");
  GtkWidget *tall = gtk_label_new (NULL);
  GtkWidget *title = hep_text_row_get_title_widget (HEP_TEXT_ROW (row));
  GtkWidget *labels = gtk_widget_get_parent (title);
  graphene_rect_t text, box;

  gtk_widget_set_size_request (tall, 20, 160);
  hep_text_row_add_suffix (HEP_TEXT_ROW (row), tall);
  gtk_widget_set_valign (tall, GTK_ALIGN_FILL);
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  gtk_window_set_default_size (GTK_WINDOW (window), 300, 200);
  gtk_window_set_child (GTK_WINDOW (window), list);
  gtk_window_present (GTK_WINDOW (window));
  hep_ui_test_wait_for_draw (row);

  g_assert_true (gtk_widget_compute_bounds (labels, row, &text));
  g_assert_true (gtk_widget_compute_bounds (gtk_widget_get_parent (gtk_widget_get_parent (labels)), row, &box));
  g_assert_cmpfloat (box.size.height, >=, 160);
  g_assert_cmpfloat (text.size.height, <, 80);
  g_assert_cmpfloat (fabs ((text.origin.y - box.origin.y) -
                           (box.origin.y + box.size.height - text.origin.y - text.size.height)), <=, 1);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  g_setenv ("GTK_A11Y", "test", TRUE);
  hep_ui_test_init (&argc, &argv);
  g_test_add_func ("/wrap-label/measure", test_measure);
  g_test_add_func ("/wrap-label/text-and-accessible-name", test_text_and_accessible_name);
  g_test_add_func ("/wrap-label/draws-and-follows-font", test_draws_and_follows_font);
  g_test_add_func ("/wrap-label/text-row-centres-text", test_text_row_centres_text);
  return g_test_run ();
}
