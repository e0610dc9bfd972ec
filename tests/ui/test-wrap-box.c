/* test-wrap-box.c: HepWrapBox puts children side by side and wraps
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "hep-ui-test-utils.h"
#include "hep-wrap-box.h"

static GtkWidget *
sized (int width,
       int height)
{
  GtkWidget *w = gtk_label_new (NULL);

  gtk_widget_set_size_request (w, width, height);
  return w;
}

static void
assert_at (GtkWidget *child,
           GtkWidget *box,
           int        x,
           int        y)
{
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_compute_bounds (child, box, &bounds));
  g_assert_cmpint ((int) bounds.origin.x, ==, x);
  g_assert_cmpint ((int) bounds.origin.y, ==, y);
}

static void
test_lines (void)
{
  g_autoptr(GtkWidget) box = g_object_ref_sink (hep_wrap_box_new (6, 4));
  GtkWidget *a = sized (100, 20), *b = sized (100, 20), *c = sized (150, 30);
  int min, nat;

  hep_wrap_box_append (HEP_WRAP_BOX (box), a);
  hep_wrap_box_append (HEP_WRAP_BOX (box), b);
  hep_wrap_box_append (HEP_WRAP_BOX (box), c);
  g_assert_cmpint (gtk_widget_get_request_mode (box), ==, GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH);

  /* the widest child; all on one line */
  gtk_widget_measure (box, GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
  g_assert_cmpint (min, ==, 150);
  g_assert_cmpint (nat, ==, 100 + 6 + 100 + 6 + 150);

  /* one line, two lines, three: the minimum height is the lines' */
  gtk_widget_measure (box, GTK_ORIENTATION_VERTICAL, 400, &min, &nat, NULL, NULL);
  g_assert_cmpint (min, ==, 30);
  g_assert_cmpint (nat, ==, 30);
  gtk_widget_measure (box, GTK_ORIENTATION_VERTICAL, 220, &min, &nat, NULL, NULL);
  g_assert_cmpint (min, ==, 20 + 4 + 30);
  gtk_widget_measure (box, GTK_ORIENTATION_VERTICAL, 150, &min, &nat, NULL, NULL);
  g_assert_cmpint (min, ==, 20 + 4 + 20 + 4 + 30);

  /* the allocation follows the same lines */
  gtk_widget_allocate (box, 220, 54, -1, NULL);
  assert_at (a, box, 0, 0);
  assert_at (b, box, 106, 0);
  assert_at (c, box, 0, 24);

  /* a hidden child takes no place; a removed one is gone */
  gtk_widget_set_visible (b, FALSE);
  gtk_widget_measure (box, GTK_ORIENTATION_VERTICAL, 300, &min, &nat, NULL, NULL);
  g_assert_cmpint (min, ==, 30);
  hep_wrap_box_remove (HEP_WRAP_BOX (box), a);
  g_assert_true (gtk_widget_get_first_child (box) == b);
}

int
main (int    argc,
      char **argv)
{
  hep_ui_test_init (&argc, &argv);
  g_test_add_func ("/wrap-box/lines", test_lines);
  return g_test_run ();
}
