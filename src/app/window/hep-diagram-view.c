/* hep-diagram-view.c: the enhancement-curve / phase-strip diagram widget
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "hep-diagram-render.h"
#include "hep-diagram-view.h"
#include "hep-startup-queue.h"

G_DEFINE_ENUM_TYPE (HepDiagramKind, hep_diagram_kind,
                    G_DEFINE_ENUM_VALUE (HEP_DIAGRAM_KIND_CURVE, "curve"),
                    G_DEFINE_ENUM_VALUE (HEP_DIAGRAM_KIND_PHASES, "phases"))

struct _HepDiagramView
{
  GtkWidget          parent_instance;

  HepFeatureSet      features;
  char              *archetype;
  HepDiagramKind     kind;
  char             **compare;

  /* The generated diagram and what it was generated for. */
  HepDiagramOptions  options;        /* size and theme of the SVG below */
  gboolean           dirty;          /* content changed since the SVG was made */
  char              *svg;
  char              *text_alternative;
  HepCurveSet        set;            /* the curves drawn */

  /* The surface rendered from @svg, and the render of a new SVG that a
   * worker thread is doing while the frame is laid out. */
  cairo_surface_t   *surface;
  int                surface_width;  /* device pixels */
  int                surface_height;
  gboolean           rendering;      /* a job is out: its result comes to @rendered */
  GAsyncQueue       *rendered;
  guint              render_generation;
  gboolean           ready;          /* the surface shows @svg */

  int                hover_phase;
  gboolean           waiting;        /* for the window's first frame */
  gboolean           follow_style;   /* dark when the app is; else always light */
};

G_DEFINE_FINAL_TYPE (HepDiagramView, hep_diagram_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_FEATURES,
  PROP_ARCHETYPE,
  PROP_KIND,
  PROP_READY,
  PROP_FOLLOW_STYLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean ensure_svg (HepDiagramView *self, int width, int height);
static void refresh (HepDiagramView *self);
static void build_set (HepDiagramView *self);
static void make_options (HepDiagramView *self, HepDiagramOptions *options, int width, int height,
                          HepDiagramTheme theme);

static void
first_frame_done_cb (GtkWidget *widget)
{
  HEP_DIAGRAM_VIEW (widget)->waiting = FALSE;
  refresh (HEP_DIAGRAM_VIEW (widget));
}

/* The first diagram is made after the window's first frame, so that the
 * SVG and the render thread do not compete with it; the diagram is drawn
 * when it arrives. Returns TRUE while that is pending. */
static gboolean
wait_for_first_frame (HepDiagramView *self)
{
  HepStartupQueue *queue;

  if (self->waiting)
    return TRUE;
  if (self->svg != NULL || gtk_widget_get_root (GTK_WIDGET (self)) == NULL)
    return FALSE;
  queue = hep_startup_queue_get (GTK_WIDGET (self));
  if (hep_startup_queue_get_first_frame_done (queue))
    return FALSE;
  self->waiting = TRUE;
  hep_startup_queue_add (queue, GTK_WIDGET (self), first_frame_done_cb);
  return TRUE;
}

/* Regenerates now if the widget has a size (never from snapshot: the SVG,
 * tooltip and accessible description change outside of drawing). */
static void
refresh (HepDiagramView *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));

  /* off screen (e.g. a collapsed section): stay dirty, catch up on map */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)) || wait_for_first_frame (self))
    return;
  if (width > 0 && height > 0 && ensure_svg (self, width, height))
    gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
hep_diagram_view_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (hep_diagram_view_parent_class)->map (widget);
  refresh (HEP_DIAGRAM_VIEW (widget));
}

/* The height the diagram wants at @width: its text laid out at its size. */
static int
height_for_width (HepDiagramView *self,
                  int             width)
{
  HepDiagramOptions options;

  make_options (self, &options, 0, 0, HEP_DIAGRAM_THEME_LIGHT);
  return hep_diagram_get_height_for_width (&self->set, &options, width);
}

static void
invalidate (HepDiagramView *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height;

  self->dirty = TRUE;
  build_set (self);
  /* Content that wants another height (a legend line more or less) is
   * drawn once, at the new size, not now and again after the resize; and
   * at once, at the height the resize will give it (measure() answers
   * height_for_width()), so that its render runs while the window lays
   * out. If the allocation differs after all, size_allocate() draws
   * again. */
  if (width > 0 && (height = height_for_width (self, width)) != gtk_widget_get_height (GTK_WIDGET (self)))
    {
      gtk_widget_queue_resize (GTK_WIDGET (self));
      if (gtk_widget_get_mapped (GTK_WIDGET (self)) && !wait_for_first_frame (self))
        ensure_svg (self, width, height);
      return;
    }
  refresh (self);
}

/* The diagrams follow the style: dark (unless told to stay light, as
 * printed or projected), and high contrast always. */
static HepDiagramTheme
current_theme (HepDiagramView *self)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  gboolean dark = self->follow_style && adw_style_manager_get_dark (manager);

  if (adw_style_manager_get_high_contrast (manager))
    return dark ? HEP_DIAGRAM_THEME_HC_DARK : HEP_DIAGRAM_THEME_HC_LIGHT;
  return dark ? HEP_DIAGRAM_THEME_DARK : HEP_DIAGRAM_THEME_LIGHT;
}

static void
build_set (HepDiagramView *self)
{
  const HepCurveSet *archetype = hep_curve_lookup_archetype (self->archetype);

  if (archetype != NULL)
    self->set = *archetype;
  else
    hep_curve_set_synthesize (&self->set, &self->features);
}

/* The app's text zoom (app.zoom-* sets gtk-xft-dpi): 96 dpi is 1. */
static double
text_scale (HepDiagramView *self)
{
  int dpi = 0;

  g_object_get (gtk_widget_get_settings (GTK_WIDGET (self)), "gtk-xft-dpi", &dpi, NULL);
  return dpi > 0 ? dpi / 1024.0 / 96.0 : 1.0;
}

static void
make_options (HepDiagramView    *self,
              HepDiagramOptions *options,
              int                width,
              int                height,
              HepDiagramTheme    theme)
{
  hep_diagram_options_init (options, self->kind);
  options->theme = theme;
  options->text_scale = text_scale (self);
  if (width > 0 && height > 0)
    {
      options->width = CLAMP (width, HEP_DIAGRAM_MIN_SIZE, HEP_DIAGRAM_MAX_SIZE);
      options->height = CLAMP (height, HEP_DIAGRAM_MIN_SIZE, HEP_DIAGRAM_MAX_SIZE);
    }
  for (guint i = 0; self->compare != NULL && self->compare[i] != NULL; i++)
    hep_diagram_options_add_compare (options, self->compare[i], NULL);
}

/* Rendering an SVG with librsvg takes a few milliseconds. A toggle starts
 * the render on a worker thread at once, so that it runs while the main
 * thread updates and lays out the other views; snapshot() then collects
 * the surface, usually already finished, so that the diagram changes in
 * the same frame as the panel. The first render is not waited for: there
 * is nothing on screen to keep in step with, and the window's first frame
 * should not wait for librsvg; the diagram is drawn when it arrives.
 * Each job owns its own copy of the SVG and its own RsvgHandle; nothing is
 * shared with the main thread except the view reference that the job hands
 * back to the main loop when it is done. */
typedef struct {
  HepDiagramView *view;       /* a reference, released on the main thread */
  guint           generation;
} RenderDone;

typedef struct {
  char            *svg;
  int              width;    /* device pixels */
  int              height;
  cairo_surface_t *surface;  /* result */
  GError          *error;
  RenderDone      *done;
  GAsyncQueue     *rendered; /* the view's: the job goes there when done */
} RenderJob;

/* The render threads live as long as the process. librsvg lays the
 * diagram's text out with the Pango font map of the thread it runs in, and
 * a new thread loads its fonts again: that made each render take 15–25 ms
 * instead of 3–5. */
static GThreadPool *render_pool;

static void finish_render (HepDiagramView *self);

static void
set_ready (HepDiagramView *self,
           gboolean        ready)
{
  if (self->ready == ready)
    return;
  self->ready = ready;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READY]);
}

/* On the main thread, when a job is done: collect it unless snapshot()
 * already did, or a newer job replaced it. */
static gboolean
render_done_cb (gpointer data)
{
  RenderDone *done = data;
  HepDiagramView *self = done->view;

  if (self->rendering && self->render_generation == done->generation)
    {
      finish_render (self);
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
  return G_SOURCE_REMOVE;
}

static void
render_done_free (gpointer data)
{
  RenderDone *done = data;

  g_object_unref (done->view);
  g_free (done);
}

static void
render_job_run (gpointer data,
                gpointer user_data)
{
  RenderJob *job = data;

  job->surface = hep_diagram_render_svg (job->svg, job->width, job->height, &job->error);
  g_idle_add_full (G_PRIORITY_HIGH_IDLE + 10, render_done_cb, job->done, render_done_free);
  g_async_queue_push (job->rendered, job);
}

/* The job that is out, once it is done. */
static RenderJob *
wait_for_job (HepDiagramView *self)
{
  self->rendering = FALSE;
  return g_async_queue_pop (self->rendered);
}

static void
start_render (HepDiagramView *self,
              int             width,
              int             height)
{
  RenderJob *job;

  if (self->rendering)
    {
      /* a newer SVG supersedes the one being rendered */
      RenderJob *old = wait_for_job (self);

      g_clear_pointer (&old->surface, cairo_surface_destroy);
      g_clear_error (&old->error);
      g_free (old->svg);
      g_free (old);
    }

  job = g_new0 (RenderJob, 1);
  job->svg = g_strdup (self->svg);
  job->width = width;
  job->height = height;
  job->done = g_new0 (RenderDone, 1);
  job->done->view = g_object_ref (self);
  job->done->generation = ++self->render_generation;
  job->rendered = self->rendered;
  set_ready (self, FALSE);
  if (render_pool == NULL)
    render_pool = g_thread_pool_new (render_job_run, NULL, 2, TRUE, NULL);
  self->rendering = TRUE;
  g_thread_pool_push (render_pool, job, NULL);
}

/* Waits for the render job, if any, and takes its surface. */
static void
finish_render (HepDiagramView *self)
{
  RenderJob *job;

  if (!self->rendering)
    return;
  job = wait_for_job (self);
  if (job->surface != NULL)
    {
      g_clear_pointer (&self->surface, cairo_surface_destroy);
      self->surface = g_steal_pointer (&job->surface);
      self->surface_width = job->width;
      self->surface_height = job->height;
    }
  else
    g_critical ("cannot render the diagram: %s", job->error ? job->error->message : "unknown error");
  g_clear_error (&job->error);
  g_free (job->svg);
  g_free (job);
  set_ready (self, self->surface != NULL);
}

/* Regenerates the SVG if content, size or theme changed; keeps the surface
 * when the text comes out the same. Returns TRUE if the SVG changed. */
static gboolean
ensure_svg (HepDiagramView *self,
            int             width,
            int             height)
{
  HepDiagramOptions options;
  g_autofree char *svg = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  make_options (self, &options, width, height, current_theme (self));
  if (!self->dirty && self->svg != NULL &&
      options.width == self->options.width && options.height == self->options.height &&
      options.theme == self->options.theme && options.text_scale == self->options.text_scale)
    return FALSE;

  build_set (self);
  svg = hep_diagram_to_svg (&self->set, &options, &text);
  self->options = options;
  self->dirty = FALSE;
  if (self->svg != NULL && g_str_equal (svg, self->svg))
    return FALSE;

  g_free (self->svg);
  self->svg = g_steal_pointer (&svg);
  g_free (self->text_alternative);
  self->text_alternative = g_steal_pointer (&text);
  if (self->hover_phase >= 0)
    {
      g_autofree char *tip = hep_diagram_describe_phase (&self->set, &self->options, self->hover_phase);

      gtk_widget_set_tooltip_text (GTK_WIDGET (self), tip);
    }

  {
    int scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));

    start_render (self, width * scale, height * scale);
  }

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _(self->set.label),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->text_alternative,
                                  -1);
  return TRUE;
}

static void
hep_diagram_view_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  HepDiagramView *self = HEP_DIAGRAM_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  int scale = gtk_widget_get_scale_factor (widget);
  cairo_t *cr;

  if (width <= 0 || height <= 0)
    return;

  /* the first render is drawn when it arrives (render_done_cb); until
   * then, the diagram's empty background */
  if (self->surface == NULL && (self->rendering || self->svg == NULL))
    {
      GdkRGBA background;

      if (gdk_rgba_parse (&background, hep_diagram_theme_get_background (current_theme (self))))
        gtk_snapshot_append_color (snapshot, &background, &GRAPHENE_RECT_INIT (0, 0, width, height));
      return;
    }
  finish_render (self);
  if (self->surface == NULL || self->surface_width != width * scale || self->surface_height != height * scale)
    {
      /* the scale changed under the same SVG: render now */
      start_render (self, width * scale, height * scale);
      finish_render (self);
      if (self->surface == NULL)
        return;
    }

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  cairo_scale (cr, 1.0 / scale, 1.0 / scale);
  cairo_set_source_surface (cr, self->surface, 0, 0);
  cairo_paint (cr);
  cairo_destroy (cr);
}

static void
hep_diagram_view_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  HepDiagramView *self = HEP_DIAGRAM_VIEW (widget);
  HepDiagramOptions options;
  int w, h;

  make_options (self, &options, 0, 0, HEP_DIAGRAM_THEME_LIGHT);
  hep_diagram_get_default_size (&options, &w, &h);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = HEP_DIAGRAM_MIN_SIZE + 120;
      *natural = w;
    }
  else
    {
      /* height for width: what the text laid out at that width needs (the
       * legend goes below a narrow plot, the strip wraps into rows) */
      *minimum = *natural = height_for_width (self, for_size > 0 ? for_size : w);
    }
}

static GtkSizeRequestMode
hep_diagram_view_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

/* The phase under a point in widget coordinates, or -1. The SVG may be
 * drawn at a different size than the widget (below the minimum size). */
static int
phase_at (HepDiagramView *self,
          double          x,
          double          y)
{
  double w = MAX (gtk_widget_get_width (GTK_WIDGET (self)), 1);
  double h = MAX (gtk_widget_get_height (GTK_WIDGET (self)), 1);

  if (self->svg == NULL)
    return -1;
  return hep_diagram_phase_at (&self->set, &self->options, x * self->options.width / w, y * self->options.height / h);
}

char *
hep_diagram_view_describe_at (HepDiagramView *self,
                              double          x,
                              double          y)
{
  int phase;

  g_return_val_if_fail (HEP_IS_DIAGRAM_VIEW (self), NULL);
  phase = phase_at (self, x, y);
  if (phase < 0)
    return NULL;
  return hep_diagram_describe_phase (&self->set, &self->options, phase);
}

static void
motion_cb (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           HepDiagramView           *self)
{
  int phase = phase_at (self, x, y);
  g_autofree char *text = NULL;

  if (phase == self->hover_phase)
    return;
  self->hover_phase = phase;
  if (phase >= 0)
    text = hep_diagram_describe_phase (&self->set, &self->options, phase);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), text);
}

static void
leave_cb (GtkEventControllerMotion *controller,
          HepDiagramView           *self)
{
  self->hover_phase = -1;
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), NULL);
}

static void
dark_changed_cb (AdwStyleManager *manager,
                 GParamSpec      *pspec,
                 HepDiagramView  *self)
{
  refresh (self);
}

/* The text zoom changed: text and the height it needs. */
static void
dpi_changed_cb (GtkSettings    *settings,
                GParamSpec     *pspec,
                HepDiagramView *self)
{
  gtk_widget_queue_resize (GTK_WIDGET (self));
  refresh (self);
}

static void
hep_diagram_view_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  /* A new size gives a new layout. */
  if (!wait_for_first_frame (HEP_DIAGRAM_VIEW (widget)) &&
      ensure_svg (HEP_DIAGRAM_VIEW (widget), width, height))
    gtk_widget_queue_draw (widget);
}

static void
hep_diagram_view_finalize (GObject *object)
{
  HepDiagramView *self = HEP_DIAGRAM_VIEW (object);

  finish_render (self);
  g_async_queue_unref (self->rendered);
  g_clear_pointer (&self->surface, cairo_surface_destroy);
  g_free (self->svg);
  g_free (self->text_alternative);
  g_free (self->archetype);
  g_strfreev (self->compare);
  G_OBJECT_CLASS (hep_diagram_view_parent_class)->finalize (object);
}

static void
hep_diagram_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  HepDiagramView *self = HEP_DIAGRAM_VIEW (object);

  switch (prop_id)
    {
    case PROP_FEATURES:
      g_value_set_boxed (value, &self->features);
      break;
    case PROP_ARCHETYPE:
      g_value_set_string (value, self->archetype);
      break;
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_READY:
      g_value_set_boolean (value, self->ready);
      break;
    case PROP_FOLLOW_STYLE:
      g_value_set_boolean (value, self->follow_style);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hep_diagram_view_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  HepDiagramView *self = HEP_DIAGRAM_VIEW (object);

  switch (prop_id)
    {
    case PROP_FEATURES:
      hep_diagram_view_set_features (self, g_value_get_boxed (value));
      break;
    case PROP_ARCHETYPE:
      hep_diagram_view_set_archetype (self, g_value_get_string (value));
      break;
    case PROP_KIND:
      hep_diagram_view_set_kind (self, g_value_get_enum (value));
      break;
    case PROP_FOLLOW_STYLE:
      if (self->follow_style != g_value_get_boolean (value))
        {
          self->follow_style = g_value_get_boolean (value);
          refresh (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hep_diagram_view_class_init (HepDiagramViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = hep_diagram_view_finalize;
  object_class->get_property = hep_diagram_view_get_property;
  object_class->set_property = hep_diagram_view_set_property;

  widget_class->snapshot = hep_diagram_view_snapshot;
  widget_class->map = hep_diagram_view_map;
  widget_class->measure = hep_diagram_view_measure;
  widget_class->get_request_mode = hep_diagram_view_get_request_mode;
  widget_class->size_allocate = hep_diagram_view_size_allocate;

  properties[PROP_FEATURES] =
    g_param_spec_boxed ("features", NULL, NULL, HEP_TYPE_FEATURE_SET,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ARCHETYPE] =
    g_param_spec_string ("archetype", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, HEP_TYPE_DIAGRAM_KIND, HEP_DIAGRAM_KIND_CURVE,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* TRUE when what is drawn is the current diagram, FALSE while it renders */
  properties[PROP_READY] =
    g_param_spec_boolean ("ready", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* dark with the app (TRUE), or always light as printed (FALSE) */
  properties[PROP_FOLLOW_STYLE] =
    g_param_spec_boolean ("follow-style", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "diagram");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
hep_diagram_view_init (HepDiagramView *self)
{
  GtkEventController *motion = gtk_event_controller_motion_new ();

  hep_feature_set_init (&self->features);
  self->follow_style = TRUE;
  self->kind = HEP_DIAGRAM_KIND_CURVE;
  self->dirty = TRUE;
  self->hover_phase = -1;
  self->rendered = g_async_queue_new ();

  g_signal_connect (motion, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect (motion, "leave", G_CALLBACK (leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (dark_changed_cb), self, 0);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::high-contrast",
                           G_CALLBACK (dark_changed_cb), self, 0);
  g_signal_connect_object (gtk_settings_get_default (), "notify::gtk-xft-dpi",
                           G_CALLBACK (dpi_changed_cb), self, G_CONNECT_AFTER);
  build_set (self);
}

GtkWidget *
hep_diagram_view_new (void)
{
  return g_object_new (HEP_TYPE_DIAGRAM_VIEW, NULL);
}

void
hep_diagram_view_set_features (HepDiagramView      *self,
                               const HepFeatureSet *features)
{
  HepFeatureSet empty;

  g_return_if_fail (HEP_IS_DIAGRAM_VIEW (self));

  if (features == NULL)
    {
      hep_feature_set_init (&empty);
      features = &empty;
    }
  g_object_freeze_notify (G_OBJECT (self));
  if (!hep_feature_set_equal (&self->features, features))
    {
      self->features = *features;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FEATURES]);
      invalidate (self);
    }
  hep_diagram_view_set_archetype (self, NULL);
  g_object_thaw_notify (G_OBJECT (self));
}

const HepFeatureSet *
hep_diagram_view_get_features (HepDiagramView *self)
{
  g_return_val_if_fail (HEP_IS_DIAGRAM_VIEW (self), NULL);
  return &self->features;
}

void
hep_diagram_view_set_archetype (HepDiagramView *self,
                                const char     *archetype_id)
{
  g_return_if_fail (HEP_IS_DIAGRAM_VIEW (self));

  if (archetype_id != NULL && hep_curve_lookup_archetype (archetype_id) == NULL)
    {
      g_critical ("%s: unknown archetype “%s”", G_STRFUNC, archetype_id);
      return;
    }
  if (g_strcmp0 (self->archetype, archetype_id) == 0)
    return;
  g_free (self->archetype);
  self->archetype = g_strdup (archetype_id);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ARCHETYPE]);
  invalidate (self);
}

const char *
hep_diagram_view_get_archetype (HepDiagramView *self)
{
  g_return_val_if_fail (HEP_IS_DIAGRAM_VIEW (self), NULL);
  return self->archetype;
}

void
hep_diagram_view_set_kind (HepDiagramView *self,
                           HepDiagramKind  kind)
{
  g_return_if_fail (HEP_IS_DIAGRAM_VIEW (self));

  if (self->kind == kind)
    return;
  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  invalidate (self);
}

HepDiagramKind
hep_diagram_view_get_kind (HepDiagramView *self)
{
  g_return_val_if_fail (HEP_IS_DIAGRAM_VIEW (self), HEP_DIAGRAM_KIND_CURVE);
  return self->kind;
}

gboolean
hep_diagram_view_set_compare (HepDiagramView      *self,
                              const char * const  *archetype_ids,
                              GError             **error)
{
  HepDiagramOptions check;

  g_return_val_if_fail (HEP_IS_DIAGRAM_VIEW (self), FALSE);

  hep_diagram_options_init (&check, self->kind);
  for (guint i = 0; archetype_ids != NULL && archetype_ids[i] != NULL; i++)
    if (!hep_diagram_options_add_compare (&check, archetype_ids[i], error))
      return FALSE;
  g_strfreev (self->compare);
  self->compare = archetype_ids != NULL && archetype_ids[0] != NULL ? g_strdupv ((char **) archetype_ids) : NULL;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  invalidate (self);
  return TRUE;
}

gboolean
hep_diagram_view_get_ready (HepDiagramView *self)
{
  g_return_val_if_fail (HEP_IS_DIAGRAM_VIEW (self), FALSE);
  return self->ready;
}

const char *
hep_diagram_view_get_svg (HepDiagramView *self)
{
  g_return_val_if_fail (HEP_IS_DIAGRAM_VIEW (self), NULL);
  return self->svg;
}

const char *
hep_diagram_view_get_text_alternative (HepDiagramView *self)
{
  g_return_val_if_fail (HEP_IS_DIAGRAM_VIEW (self), NULL);
  return self->text_alternative;
}

gboolean
hep_diagram_view_export (HepDiagramView   *self,
                         const char       *path,
                         int               width,
                         int               height,
                         HepDiagramTheme   theme,
                         GError          **error)
{
  HepDiagramOptions options;
  HepCurveSet set;
  g_autofree char *svg = NULL;
  const HepCurveSet *archetype;

  g_return_val_if_fail (HEP_IS_DIAGRAM_VIEW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  make_options (self, &options, 0, 0, theme);
  if (width > 0 || height > 0)
    {
      int w, h;

      hep_diagram_get_default_size (&options, &w, &h);
      if (!hep_diagram_options_set_size (&options, width > 0 ? width : w, height > 0 ? height : h, error))
        return FALSE;
    }
  else
    hep_diagram_get_default_size (&options, &options.width, &options.height);

  archetype = hep_curve_lookup_archetype (self->archetype);
  if (archetype != NULL)
    set = *archetype;
  else
    hep_curve_set_synthesize (&set, &self->features);
  svg = hep_diagram_to_svg (&set, &options, NULL);
  return hep_diagram_render_export (svg, path, options.width, options.height, error);
}
