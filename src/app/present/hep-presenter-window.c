/* hep-presenter-window.c: presenter mode, the audience view
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "hep-presenter-window.h"

#include <glib/gi18n.h>

#include "hep-diagram-render.h"
#include "hep-surface-paintable.h"

/* Diagrams are drawn at the size they get on screen, the height the step's
 * text leaves them, so that no text of theirs is scaled under 24 px
 * (HEP_DIAGRAM_LARGE_TEXT_MIN_PX); above 1280 × 720 in proportion. One
 * drawn ahead for a height a little (≤ SIZE_SLACK px) short of the space is
 * shown as it is, centred, not scaled. */
#define SIZE_SLACK 40

/* A page of 24 px text at 1280 × 720 holds about this many lines of this
 * many characters under the heading; a reveal longer than that goes on to
 * a second page (the next key), never below the foot of the screen. */
#define PAGE_LINES 14.0
#define LINE_CHARS 90

typedef struct {
  guint                case_index;
  const HepRevealStep *step;       /* owned by the case's sequence */
  guint                step_index;
  guint                n_case_steps;
  guint                first_item; /* the step's items on this page */
  guint                n_items;
  guint                page;       /* from 0, of n_pages */
  guint                n_pages;
} Position;

struct _HepPresenterWindow
{
  GtkWindow parent_instance;

  GtkStack   *stack;
  GtkLabel   *case_label;
  GtkLabel   *heading_label;
  GtkWidget  *items_box;
  GtkPicture *diagram;
  GtkLabel   *footer_label;
  GtkLabel   *help_label;

  GPtrArray  *cases;       /* HepCase */
  GPtrArray  *sequences;   /* GPtrArray of HepRevealStep, one a case */
  GArray     *positions;   /* Position, every step of every case */
  char       *title;
  guint       position;
  HepPresenterScreen screen;
  GString    *number;      /* digits typed before Enter */
  char       *diagram_text;
  char       *diagram_svg;   /* of the diagram on screen */
  int         last_width, last_height;
  /* "case:phase" → Diagram: the current step's and the next one's, drawn
   * ahead in an idle so that the next key shows it in the same frame */
  GHashTable *diagrams;
  guint       prefetch_id;
  GdkFrameClock *paint_clock;  /* until the frame that shows the step is painted */
  gulong      after_paint_id;
  guint       resize_id;
};

typedef struct {
  GdkPaintable *paintable;
  char       *text;
  char       *svg;
  int         width, height;
  double      scale;
} Diagram;

static void
diagram_free (gpointer data)
{
  Diagram *d = data;

  g_clear_object (&d->paintable);
  g_free (d->text);
  g_free (d->svg);
  g_free (d);
}

G_DEFINE_FINAL_TYPE (HepPresenterWindow, hep_presenter_window, GTK_TYPE_WINDOW)

enum { CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

static const Position *
current (HepPresenterWindow *self)
{
  return &g_array_index (self->positions, Position, self->position);
}

/* @svg drawn for @width × @height pixels at @scale device pixels each. */
static GdkPaintable *
render_paintable (const char  *svg,
                  int          width,
                  int          height,
                  int          scale,
                  GError     **error)
{
  cairo_surface_t *surface = hep_diagram_render_svg (svg, width * scale, height * scale, error);
  GdkPaintable *paintable;

  if (surface == NULL)
    return NULL;
  paintable = hep_surface_paintable_new (surface, scale);
  cairo_surface_destroy (surface);
  return paintable;
}

static gboolean
has_diagram (const Position *pos)
{
  return pos->step->diagram_phase >= 0 && pos->step->kind != HEP_REVEAL_STEP_REVEAL;
}

static char *
diagram_key (const Position *pos)
{
  return g_strdup_printf ("%u:%d", pos->case_index, pos->step->diagram_phase);
}

/* The markup of a step's item, as update() shows it. */
static char *
item_markup (const Position      *pos,
             const HepRevealItem *item)
{
  g_autofree char *text = g_markup_escape_text (item->text, -1);

  if (item->label != NULL && pos->step->kind != HEP_REVEAL_STEP_PHASE)
    {
      g_autofree char *name = g_markup_escape_text (item->label, -1);

      return g_strdup_printf ("<b>%s:</b> %s", name, text);
    }
  return g_steal_pointer (&text);
}

/* The height @markup takes wrapped to @width in @like's font. */
static int
text_height (GtkWidget  *like,
             const char *markup,
             int         width)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (like, NULL);
  int h;

  pango_layout_set_markup (layout, markup, -1);
  pango_layout_set_width (layout, width * PANGO_SCALE);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_get_pixel_size (layout, NULL, &h);
  return h;
}

static int
natural_height (GtkWidget *widget,
                int        width)
{
  int nat = 0;

  if (gtk_widget_get_visible (widget))
    gtk_widget_measure (widget, GTK_ORIENTATION_VERTICAL, width, NULL, &nat, NULL, NULL);
  return nat;
}

/* The size @pos's diagram gets on screen: the content's width, and the
 * height its heading and items leave above the footer (measured for the
 * step on screen, estimated from the item labels' font for another one);
 * and the text scale: 1 up to 1280 × 720, in proportion above. */
static void
diagram_size (HepPresenterWindow *self,
              const Position     *pos,
              int                *width,
              int                *height,
              double             *scale)
{
  GtkWidget *box = gtk_widget_get_parent (self->items_box);
  int w = gtk_widget_get_width (GTK_WIDGET (self)), h = gtk_widget_get_height (GTK_WIDGET (self));
  int spacing = gtk_box_get_spacing (GTK_BOX (box));
  int used, items = 0;

  if (w <= 0 || h <= 0)
    gtk_window_get_default_size (GTK_WINDOW (self), &w, &h);
  *width = MAX (w - gtk_widget_get_margin_start (box) - gtk_widget_get_margin_end (box), HEP_DIAGRAM_MIN_SIZE);
  *scale = MAX (1.0, MIN (w / 1280.0, h / 720.0));
  if (pos == current (self))
    {
      items = natural_height (self->items_box, *width);
      used = natural_height (GTK_WIDGET (self->heading_label), *width);
    }
  else
    {
      GtkWidget *like = gtk_widget_get_first_child (self->items_box);
      guint n = 0;

      for (guint k = pos->first_item; like != NULL && k < pos->first_item + pos->n_items; k++, n++)
        {
          g_autofree char *markup = item_markup (pos, pos->step->items->pdata[k]);

          items += text_height (like, markup, *width);
        }
      if (n > 1)
        items += (n - 1) * gtk_box_get_spacing (GTK_BOX (self->items_box));
      used = text_height (GTK_WIDGET (self->heading_label), pos->step->heading, *width);
    }
  used += items + natural_height (GTK_WIDGET (self->case_label), *width) +
          natural_height (GTK_WIDGET (self->footer_label), *width);
  /* the five children of the step's box, with four gaps between them */
  used += gtk_widget_get_margin_top (box) + gtk_widget_get_margin_bottom (box) + 4 * spacing;
  *height = CLAMP (h - used, HEP_DIAGRAM_MIN_SIZE, HEP_DIAGRAM_MAX_SIZE);
}

/* The phase strip of @pos, from the cache or drawn now: at the size it
 * gets, or a little shorter (drawn ahead for an estimated height). */
static Diagram *
lookup_diagram (HepPresenterWindow *self,
                const Position     *pos)
{
  g_autofree char *key = diagram_key (pos);
  HepCase *c = self->cases->pdata[pos->case_index];
  g_autoptr(GError) error = NULL;
  HepCurveSet set;
  HepDiagramOptions options;
  Diagram *d = g_hash_table_lookup (self->diagrams, key);
  int width, height;
  double scale;

  diagram_size (self, pos, &width, &height, &scale);
  if (d != NULL && d->width == width && d->scale == scale && d->height <= height && d->height >= height - SIZE_SLACK)
    return d;
  d = g_new0 (Diagram, 1);
  hep_curve_set_synthesize (&set, hep_case_get_features (c));
  hep_diagram_options_init (&options, HEP_DIAGRAM_KIND_PHASES);
  options.theme = HEP_DIAGRAM_THEME_DARK;
  options.large_text = TRUE;
  options.text_scale = scale;
  options.width = d->width = width;
  options.height = d->height = pos == current (self) ? height : MAX (height - SIZE_SLACK / 2, HEP_DIAGRAM_MIN_SIZE);
  d->scale = scale;
  if (pos->step->diagram_phase < HEP_CURVE_PHASE_HBP)
    hep_diagram_options_set_last_phase (&options, pos->step->diagram_phase);
  d->svg = hep_diagram_to_svg (&set, &options, &d->text);
  d->paintable = render_paintable (d->svg, options.width, options.height,
                                   gtk_widget_get_scale_factor (GTK_WIDGET (self)), &error);
  if (d->paintable == NULL)
    g_warning ("The presenter's diagram could not be drawn: %s", error->message);
  g_hash_table_replace (self->diagrams, g_steal_pointer (&key), d);
  return d;
}

static gboolean
prefetch_cb (gpointer user_data)
{
  HepPresenterWindow *self = user_data;
  const Position *next;
  g_autofree char *current_key = NULL;
  g_autofree char *next_key = NULL;
  GHashTableIter iter;
  gpointer key;

  self->prefetch_id = 0;
  current_key = diagram_key (&g_array_index (self->positions, Position, self->position));
  if (self->position + 1 < self->positions->len)
    {
      next = &g_array_index (self->positions, Position, self->position + 1);
      next_key = diagram_key (next);
      if (has_diagram (next))
        lookup_diagram (self, next);
    }
  /* keep only what the next key can show */
  g_hash_table_iter_init (&iter, self->diagrams);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (g_strcmp0 (key, current_key) != 0 && g_strcmp0 (key, next_key) != 0)
      g_hash_table_iter_remove (&iter);
  return G_SOURCE_REMOVE;
}

static void
after_paint_cb (HepPresenterWindow *self)
{
  g_clear_signal_handler (&self->after_paint_id, self->paint_clock);
  g_clear_object (&self->paint_clock);
  if (self->prefetch_id == 0)
    self->prefetch_id = g_idle_add_full (G_PRIORITY_LOW, prefetch_cb, self, NULL);
}

/* The next step's strip is drawn once the frame that shows this one is
 * painted: an idle alone could run while the frame clock waits for its
 * tick, and the frame would wait for the render. */
static void
schedule_prefetch (HepPresenterWindow *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  if (self->prefetch_id != 0 || self->after_paint_id != 0)
    return;
  if (clock == NULL)
    {
      self->prefetch_id = g_idle_add_full (G_PRIORITY_LOW, prefetch_cb, self, NULL);
      return;
    }
  self->paint_clock = g_object_ref (clock);
  self->after_paint_id = g_signal_connect_swapped (clock, "after-paint", G_CALLBACK (after_paint_cb), self);
}

/* The step's diagram: the phase strip up to its phase, in large text, dark
 * like the room. The reveal's text fills the screen without one. */
static void
update_diagram (HepPresenterWindow *self,
                const Position     *pos)
{
  Diagram *d;

  g_clear_pointer (&self->diagram_text, g_free);
  if (!has_diagram (pos))
    {
      gtk_picture_set_paintable (self->diagram, NULL);
      gtk_widget_set_visible (GTK_WIDGET (self->diagram), FALSE);
    }
  else
    {
      d = lookup_diagram (self, pos);
      g_clear_pointer (&self->diagram_svg, g_free);
      self->diagram_svg = g_strdup (d->svg);
      self->diagram_text = g_strdup (d->text);
      gtk_picture_set_paintable (self->diagram, d->paintable);
      gtk_picture_set_alternative_text (self->diagram, self->diagram_text);
      gtk_widget_set_visible (GTK_WIDGET (self->diagram), d->paintable != NULL);
    }
  schedule_prefetch (self);
}

static void
update (HepPresenterWindow *self)
{
  const Position *pos = current (self);
  HepCase *c = self->cases->pdata[pos->case_index];
  gboolean reveal = pos->step->kind == HEP_REVEAL_STEP_REVEAL;
  g_autofree char *public_title = hep_reveal_dup_public_title (c, pos->case_index + 1);
  g_autofree char *footer = NULL;
  g_autofree char *window_title = NULL;
  GtkWidget *child;

  /* the case's name as the rule allows until its reveal */
  gtk_label_set_text (self->case_label, reveal ? hep_case_get_title (c) : public_title);
  if (pos->n_pages > 1)
    {
      g_autofree char *heading = g_strdup_printf (_("%s (%u of %u)"), pos->step->heading, pos->page + 1,
                                                  pos->n_pages);

      gtk_label_set_text (self->heading_label, heading);
    }
  else
    gtk_label_set_text (self->heading_label, pos->step->heading);

  /* the labels stay from step to step, so that a key does not make and
   * style new widgets: reused in order, the rest hidden */
  child = gtk_widget_get_first_child (self->items_box);
  for (guint k = pos->first_item; k < pos->first_item + pos->n_items; k++)
    {
      const HepRevealItem *item = pos->step->items->pdata[k];
      g_autofree char *markup = NULL;

      /* the reveal's title is the line above; a phase's findings need no
       * label under the phase */
      if (reveal && item->label == NULL)
        continue;
      markup = item_markup (pos, item);
      if (child == NULL)
        {
          child = gtk_label_new (NULL);
          gtk_label_set_wrap (GTK_LABEL (child), TRUE);
          gtk_label_set_xalign (GTK_LABEL (child), 0);
          gtk_widget_add_css_class (child, "presenter-item");
          gtk_box_append (GTK_BOX (self->items_box), child);
        }
      gtk_label_set_markup (GTK_LABEL (child), markup);
      gtk_widget_set_visible (child, TRUE);
      child = gtk_widget_get_next_sibling (child);
    }
  /* emptied too: a label hidden after the reveal must not keep its answer */
  for (; child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      gtk_label_set_text (GTK_LABEL (child), "");
      gtk_widget_set_visible (child, FALSE);
    }
  /* many items (the reveal) in smaller type, still ≥ 24 px */
  if (pos->n_items > 5 || pos->n_pages > 1)
    gtk_widget_add_css_class (self->items_box, "dense");
  else
    gtk_widget_remove_css_class (self->items_box, "dense");

  update_diagram (self, pos);
  /* without a diagram the text takes the height */
  gtk_widget_set_vexpand (self->items_box, !gtk_widget_get_visible (GTK_WIDGET (self->diagram)));

  footer = g_strdup_printf (_("Case %u of %u · step %u of %u · For education only, not for patient care."),
                            pos->case_index + 1, self->cases->len, pos->step_index + 1, pos->n_case_steps);
  gtk_label_set_text (self->footer_label, footer);

  /* the title a window list or a screen reader announces: never the case */
  window_title = g_strdup_printf (_("%s — presenting"), self->title);
  gtk_window_set_title (GTK_WINDOW (self), window_title);
}

static void
set_position (HepPresenterWindow *self,
              guint               position)
{
  position = MIN (position, self->positions->len - 1);
  self->screen = HEP_PRESENTER_SCREEN_STEP;
  gtk_stack_set_visible_child_name (self->stack, "step");
  if (position == self->position && gtk_label_get_text (self->heading_label)[0] != '\0')
    return;
  self->position = position;
  update (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
set_screen (HepPresenterWindow *self,
            HepPresenterScreen  screen)
{
  /* the same key again brings the step back */
  if (self->screen == screen)
    screen = HEP_PRESENTER_SCREEN_STEP;
  self->screen = screen;
  gtk_stack_set_visible_child_name (self->stack, screen == HEP_PRESENTER_SCREEN_BLACK ? "black"
                                                 : screen == HEP_PRESENTER_SCREEN_WHITE ? "white"
                                                 : "step");
  g_signal_emit (self, signals[CHANGED], 0);
}

/* The first step of case @number (from 1), if the deck has it. */
static void
jump_to_case (HepPresenterWindow *self,
              guint               number)
{
  for (guint i = 0; i < self->positions->len; i++)
    if (g_array_index (self->positions, Position, i).case_index + 1 == number)
      {
        set_position (self, i);
        return;
      }
}

gboolean
hep_presenter_window_handle_key (HepPresenterWindow *self,
                                 guint               keyval,
                                 GdkModifierType     state)
{
  guint number;

  g_return_val_if_fail (HEP_IS_PRESENTER_WINDOW (self), FALSE);

  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK))
    return FALSE;
  number = gdk_keyval_to_unicode (keyval);
  if (number >= '0' && number <= '9')
    {
      if (self->number->len < 4)
        g_string_append_c (self->number, (char) number);
      return TRUE;
    }

  switch (keyval)
    {
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
      if (self->number->len > 0)
        {
          jump_to_case (self, (guint) g_ascii_strtoull (self->number->str, NULL, 10));
          g_string_truncate (self->number, 0);
          return TRUE;
        }
      G_GNUC_FALLTHROUGH;
    case GDK_KEY_Right:
    case GDK_KEY_Down:
    case GDK_KEY_Page_Down:
    case GDK_KEY_space:
    case GDK_KEY_KP_Right:
    case GDK_KEY_KP_Down:
    case GDK_KEY_KP_Page_Down:
      if (self->screen != HEP_PRESENTER_SCREEN_STEP)
        set_screen (self, HEP_PRESENTER_SCREEN_STEP);
      else if (self->position + 1 < self->positions->len)
        set_position (self, self->position + 1);
      break;
    case GDK_KEY_Left:
    case GDK_KEY_Up:
    case GDK_KEY_Page_Up:
    case GDK_KEY_BackSpace:
    case GDK_KEY_KP_Left:
    case GDK_KEY_KP_Up:
    case GDK_KEY_KP_Page_Up:
      if (self->screen != HEP_PRESENTER_SCREEN_STEP)
        set_screen (self, HEP_PRESENTER_SCREEN_STEP);
      else if (self->position > 0)
        set_position (self, self->position - 1);
      break;
    case GDK_KEY_Home:
      set_position (self, 0);
      break;
    case GDK_KEY_End:
      set_position (self, self->positions->len - 1);
      break;
    case GDK_KEY_b:
    case GDK_KEY_B:
    case GDK_KEY_period:
    case GDK_KEY_KP_Decimal:
      set_screen (self, HEP_PRESENTER_SCREEN_BLACK);
      break;
    case GDK_KEY_w:
    case GDK_KEY_W:
      set_screen (self, HEP_PRESENTER_SCREEN_WHITE);
      break;
    case GDK_KEY_question:
      gtk_widget_set_visible (GTK_WIDGET (self->help_label),
                              !gtk_widget_get_visible (GTK_WIDGET (self->help_label)));
      break;
    case GDK_KEY_Escape:
      if (self->number->len > 0)
        g_string_truncate (self->number, 0);
      else if (gtk_widget_get_visible (GTK_WIDGET (self->help_label)))
        gtk_widget_set_visible (GTK_WIDGET (self->help_label), FALSE);
      else
        gtk_window_close (GTK_WINDOW (self));
      /* the window may be gone */
      return TRUE;
    default:
      return FALSE;
    }
  /* any other key drops a number being typed */
  g_string_truncate (self->number, 0);
  return TRUE;
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                HepPresenterWindow    *self)
{
  return hep_presenter_window_handle_key (self, keyval, state);
}

static void
hep_presenter_window_dispose (GObject *object)
{
  HepPresenterWindow *self = HEP_PRESENTER_WINDOW (object);

  g_clear_handle_id (&self->prefetch_id, g_source_remove);
  g_clear_signal_handler (&self->after_paint_id, self->paint_clock);
  g_clear_object (&self->paint_clock);
  g_clear_handle_id (&self->resize_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), HEP_TYPE_PRESENTER_WINDOW);
  G_OBJECT_CLASS (hep_presenter_window_parent_class)->dispose (object);
}

static void
hep_presenter_window_finalize (GObject *object)
{
  HepPresenterWindow *self = HEP_PRESENTER_WINDOW (object);

  g_clear_pointer (&self->positions, g_array_unref);
  g_clear_pointer (&self->sequences, g_ptr_array_unref);
  g_clear_pointer (&self->cases, g_ptr_array_unref);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->diagram_text, g_free);
  g_clear_pointer (&self->diagram_svg, g_free);
  g_clear_pointer (&self->diagrams, g_hash_table_unref);
  g_string_free (self->number, TRUE);
  G_OBJECT_CLASS (hep_presenter_window_parent_class)->finalize (object);
}

/* After a new window size (full screen, another monitor): the diagram
 * again, at the size it now gets. */
static gboolean
resized_cb (gpointer data)
{
  HepPresenterWindow *self = data;

  self->resize_id = 0;
  if (self->positions->len > 0)
    update_diagram (self, current (self));
  return G_SOURCE_REMOVE;
}

static void
hep_presenter_window_size_allocate (GtkWidget *widget,
                                    int        width,
                                    int        height,
                                    int        baseline)
{
  HepPresenterWindow *self = HEP_PRESENTER_WINDOW (widget);

  GTK_WIDGET_CLASS (hep_presenter_window_parent_class)->size_allocate (widget, width, height, baseline);
  if ((width != self->last_width || height != self->last_height) && self->resize_id == 0)
    self->resize_id = g_idle_add (resized_cb, self);
  self->last_width = width;
  self->last_height = height;
}

static void
hep_presenter_window_class_init (HepPresenterWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hep_presenter_window_dispose;
  object_class->finalize = hep_presenter_window_finalize;
  widget_class->size_allocate = hep_presenter_window_size_allocate;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/hepatica/Hepatica/ui/hep-presenter-window.ui");
  gtk_widget_class_bind_template_child (widget_class, HepPresenterWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, HepPresenterWindow, case_label);
  gtk_widget_class_bind_template_child (widget_class, HepPresenterWindow, heading_label);
  gtk_widget_class_bind_template_child (widget_class, HepPresenterWindow, items_box);
  gtk_widget_class_bind_template_child (widget_class, HepPresenterWindow, diagram);
  gtk_widget_class_bind_template_child (widget_class, HepPresenterWindow, footer_label);
  gtk_widget_class_bind_template_child (widget_class, HepPresenterWindow, help_label);
}

static void
hep_presenter_window_init (HepPresenterWindow *self)
{
  GtkEventController *keys;
  g_autofree char *help = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->number = g_string_new (NULL);
  self->positions = g_array_new (FALSE, FALSE, sizeof (Position));
  self->sequences = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  self->diagrams = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, diagram_free);

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  help = g_strdup_printf ("<b>%s</b>\n\n%s\n%s\n%s\n%s\n%s\n%s\n%s", _("Keys"),
                          _("Next: → ↓ Page Down Space Enter"),
                          _("Previous: ← ↑ Page Up Backspace"),
                          _("First, last step: Home, End"),
                          _("Black screen: B or .   White screen: W"),
                          _("Go to case N: the number, then Enter"),
                          _("These keys: ?"),
                          _("Leave: Escape"));
  gtk_label_set_markup (self->help_label, help);
}

/* The lines @item takes at 24 px, and the gap after it. */
static double
item_lines (const HepRevealItem *item)
{
  glong chars = g_utf8_strlen (item->text, -1) + (item->label ? g_utf8_strlen (item->label, -1) + 2 : 0);

  return 1 + (double) (chars / LINE_CHARS) + 0.45;
}

/* One position a page of @step: a step fits one page but for a long reveal. */
static void
add_step (HepPresenterWindow  *self,
          guint                case_index,
          const HepRevealStep *step,
          guint                step_index,
          guint                n_case_steps)
{
  g_autoptr(GArray) starts = g_array_new (FALSE, FALSE, sizeof (guint));
  guint first = self->positions->len;
  double lines = 0;

  g_array_append_val (starts, (guint) { 0 });
  for (guint k = 0; step->kind == HEP_REVEAL_STEP_REVEAL && k < step->items->len; k++)
    {
      const HepRevealItem *item = step->items->pdata[k];
      double n;

      /* the title line is the case label, not an item here */
      if (item->label == NULL)
        continue;
      n = item_lines (item);
      if (lines > 0 && lines + n > PAGE_LINES)
        {
          g_array_append_val (starts, k);
          lines = 0;
        }
      lines += n;
    }
  for (guint p = 0; p < starts->len; p++)
    {
      guint from = g_array_index (starts, guint, p);
      guint to = p + 1 < starts->len ? g_array_index (starts, guint, p + 1) : step->items->len;
      Position pos = { case_index, step, step_index, n_case_steps, from, to - from, p, starts->len };

      g_array_append_val (self->positions, pos);
    }
  g_assert (self->positions->len > first);
}

HepPresenterWindow *
hep_presenter_window_new (GtkApplication *app,
                          GPtrArray      *cases,
                          const char     *title)
{
  HepPresenterWindow *self;

  g_return_val_if_fail (cases != NULL && cases->len > 0, NULL);

  self = g_object_new (HEP_TYPE_PRESENTER_WINDOW, "application", app, NULL);
  self->cases = g_ptr_array_ref (cases);
  self->title = g_strdup (title ? title : _("Hepatica"));
  for (guint i = 0; i < cases->len; i++)
    {
      GPtrArray *steps = hep_reveal_sequence_new (cases->pdata[i]);

      g_ptr_array_add (self->sequences, steps);
      for (guint k = 0; k < steps->len; k++)
        add_step (self, i, steps->pdata[k], k, steps->len);
    }
  self->position = 0;
  update (self);
  return self;
}

guint
hep_presenter_window_get_position (HepPresenterWindow *self)
{
  g_return_val_if_fail (HEP_IS_PRESENTER_WINDOW (self), 0);
  return self->position;
}

guint
hep_presenter_window_get_n_steps (HepPresenterWindow *self)
{
  g_return_val_if_fail (HEP_IS_PRESENTER_WINDOW (self), 0);
  return self->positions->len;
}

guint
hep_presenter_window_get_case_index (HepPresenterWindow *self)
{
  g_return_val_if_fail (HEP_IS_PRESENTER_WINDOW (self), 0);
  return current (self)->case_index;
}

const HepRevealStep *
hep_presenter_window_get_step (HepPresenterWindow *self)
{
  g_return_val_if_fail (HEP_IS_PRESENTER_WINDOW (self), NULL);
  return current (self)->step;
}

const HepRevealStep *
hep_presenter_window_get_step_at (HepPresenterWindow *self,
                                  guint               position)
{
  g_return_val_if_fail (HEP_IS_PRESENTER_WINDOW (self), NULL);
  if (position >= self->positions->len)
    return NULL;
  return g_array_index (self->positions, Position, position).step;
}

const char *
hep_presenter_window_get_diagram_svg (HepPresenterWindow *self)
{
  g_return_val_if_fail (HEP_IS_PRESENTER_WINDOW (self), NULL);
  return gtk_widget_get_visible (GTK_WIDGET (self->diagram)) ? self->diagram_svg : NULL;
}

GtkWidget *
hep_presenter_window_get_diagram_widget (HepPresenterWindow *self)
{
  g_return_val_if_fail (HEP_IS_PRESENTER_WINDOW (self), NULL);
  return GTK_WIDGET (self->diagram);
}

HepCase *
hep_presenter_window_get_case (HepPresenterWindow *self)
{
  g_return_val_if_fail (HEP_IS_PRESENTER_WINDOW (self), NULL);
  return self->cases->pdata[current (self)->case_index];
}

guint
hep_presenter_window_get_n_cases (HepPresenterWindow *self)
{
  g_return_val_if_fail (HEP_IS_PRESENTER_WINDOW (self), 0);
  return self->cases->len;
}

HepPresenterScreen
hep_presenter_window_get_screen (HepPresenterWindow *self)
{
  g_return_val_if_fail (HEP_IS_PRESENTER_WINDOW (self), HEP_PRESENTER_SCREEN_STEP);
  return self->screen;
}

gboolean
hep_presenter_window_get_help_visible (HepPresenterWindow *self)
{
  g_return_val_if_fail (HEP_IS_PRESENTER_WINDOW (self), FALSE);
  return gtk_widget_get_visible (GTK_WIDGET (self->help_label));
}

static void
collect_text (GtkWidget *widget,
              GString   *out)
{
  /* a stack's other pages are not child-visible */
  if (!gtk_widget_get_visible (widget) || !gtk_widget_get_child_visible (widget))
    return;
  if (GTK_IS_LABEL (widget))
    g_string_append_printf (out, "%s\n", gtk_label_get_text (GTK_LABEL (widget)));
  else if (GTK_IS_PICTURE (widget) && gtk_picture_get_alternative_text (GTK_PICTURE (widget)) != NULL)
    g_string_append_printf (out, "%s\n", gtk_picture_get_alternative_text (GTK_PICTURE (widget)));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_text (child, out);
}

char *
hep_presenter_window_dup_audience_text (HepPresenterWindow *self)
{
  GString *out;

  g_return_val_if_fail (HEP_IS_PRESENTER_WINDOW (self), NULL);

  out = g_string_new (gtk_window_get_title (GTK_WINDOW (self)));
  g_string_append_c (out, '\n');
  collect_text (GTK_WIDGET (self), out);
  return g_string_free (out, FALSE);
}
