/* hep-window-startup.c: what the window's first frame holds, and what
 * follows it (src/DESIGN.md, "The first frame")
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Before the window is shown, the feature panel and the case list are
 * told how much fills the window's height; the case card's lower part and
 * the LI-RADS path wait for the first layout, which says whether they are
 * in view. The differential and next imaging, and the rest of the rows,
 * come from the window's HepStartupQueue after the first frame.
 */

#include "config.h"

#include "hep-window-private.h"

static void
show_lirads_view (GtkWidget *widget)
{
  HepWindow *self = HEP_WINDOW (widget);

  self->lirads_waiting = FALSE;
  _hep_window_update_unknown (self);
}

static void
show_case_lower (GtkWidget *widget)
{
  hep_case_card_set_lower_waiting (HEP_WINDOW (widget)->case_card, FALSE);
}

/* Whether @y, in the side panel's scrolled window, is in its view. */
static gboolean
in_side_view (HepWindow *self,
              double     y)
{
  return y < gtk_widget_get_height (GTK_WIDGET (self->side_scroller));
}

/* The case card's answer and footer, and the LI-RADS path after the card
 * and the two diagrams, are most of what a case adds to the first frame
 * (the answer's wrapping markup, the path's rules and the changes one step
 * away). They wait, left out, for the first layout: what it puts inside
 * the side panel's view is filled in at once, and the frame clock lays the
 * window out again before it paints; the rest follows the first frame,
 * with the other views below the fold. */
static void
first_layout_cb (GdkFrameClock *clock,
                 HepWindow     *self)
{
  graphene_point_t top;
  double lower_top;

  g_signal_handlers_disconnect_by_func (clock, first_layout_cb, self);
  if (!gtk_widget_get_mapped (GTK_WIDGET (self->case_card)) ||
      (hep_case_card_get_lower_top (self->case_card, GTK_WIDGET (self->side_scroller), &lower_top) &&
       in_side_view (self, lower_top)))
    show_case_lower (GTK_WIDGET (self));
  else
    hep_startup_queue_add (self->startup, GTK_WIDGET (self), show_case_lower);

  if (gtk_widget_get_mapped (GTK_WIDGET (self->lirads_section)) &&
      gtk_widget_compute_point (GTK_WIDGET (self->lirads_section), GTK_WIDGET (self->side_scroller),
                                &GRAPHENE_POINT_INIT (0, 0), &top) &&
      in_side_view (self, top.y))
    show_lirads_view (GTK_WIDGET (self));
  else
    hep_startup_queue_add (self->startup, GTK_WIDGET (self), show_lirads_view);
}

/* Before the first layout: the parts first_layout_cb() places. */
void
_hep_window_startup_init (HepWindow *self)
{
  self->lirads_waiting = TRUE;
  gtk_widget_set_visible (GTK_WIDGET (self->lirads_view), FALSE);
  hep_case_card_set_lower_waiting (self->case_card, TRUE);
}

void
_hep_window_startup_realize (HepWindow *self)
{
  if (!hep_startup_queue_get_first_frame_done (self->startup))
    g_signal_connect_object (gtk_widget_get_frame_clock (GTK_WIDGET (self)), "layout",
                             G_CALLBACK (first_layout_cb), self, G_CONNECT_AFTER);
}

/* The window's height on screen, before it is shown: its saved height, or
 * the tallest monitor's when it opens maximized. The first frame builds
 * what fills it (HEADER_BAR_HEIGHT and CASE_LIST_TOP are where the panel
 * and the case list start, CASE_ROW_HEIGHT a case row, in pixels). */
#define HEADER_BAR_HEIGHT 47
#define CASE_LIST_TOP     220
#define CASE_ROW_HEIGHT   41

static int
first_frame_height (HepWindow *self)
{
  int width = 0, height = 0;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    {
      GListModel *monitors = gdk_display_get_monitors (gtk_widget_get_display (GTK_WIDGET (self)));

      for (guint i = 0; i < g_list_model_get_n_items (monitors); i++)
        {
          g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, i);
          GdkRectangle geometry;

          gdk_monitor_get_geometry (monitor, &geometry);
          height = MAX (height, geometry.height);
        }
    }
  return height;
}

/* The feature rows and the cases that fill the window's height. */
void
_hep_window_startup_size_first_frame (HepWindow *self)
{
  int height = first_frame_height (self);

  hep_feature_panel_set_first_height (self->feature_panel, height - HEADER_BAR_HEIGHT);
  hep_case_browser_set_first_rows (self->case_browser, (guint) MAX (height - CASE_LIST_TOP, 0) / CASE_ROW_HEIGHT + 1);
}
