/* ss-chart.c: one of the six charts as a widget
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The drawing is ssc_chart_render(), the same routine the exports use; this
 * widget only feeds it the style's colours, caches what it drew as a
 * render node (dropped on a size, style or data change, so hovering does
 * not redraw the chart), and answers the pointer with a tooltip and a
 * mark on the year, cell or point under it.
 *
 * The window passes projections it owns and recomputes in place, so the
 * widget copies the ones it is given: a redraw never reads a projection
 * that is being recomputed or was freed. The copies are reused while the
 * study keeps its shape, so a slider drag costs one memcpy per projection.
 *
 * To assistive technology the chart is an image labelled with its title
 * and described by ssc_chart_describe()'s sentence.
 */

#define G_LOG_DOMAIN "supplyshift-chart"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "ss-chart.h"

struct _SsChart
{
  GtkWidget      parent_instance;

  /* owned */
  SsStudy       *study;                /* a reference, only read */
  GPtrArray     *projections;          /* copies; NULL where none was given */
  SscChartHit    *hit;
  GskRenderNode *node;                 /* the chart without the hover mark */
  char          *title;
  char          *description;

  SscChartKind    kind;
  SscChartData    data;                 /* study and projections point at the above */
  gboolean       colors_valid;
  int            node_width;
  int            node_height;
  gboolean       hovering;
  double         hover_x;
  double         hover_y;
};

enum
{
  PROP_0,
  PROP_KIND,
  N_PROPS
};

enum
{
  SCENARIO_ACTIVATED,
  ITEM_ACTIVATED,
  MIX_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (SsChart, ss_chart, GTK_TYPE_WIDGET)

/* Copies a projection into dest (reused when it has the same shape): the
 * document recomputes its own projections, the chart keeps what it drew. */
static SsProjection *
projection_copy_into (SsProjection       *dest,
                      const SsProjection *src)
{
  if (dest == NULL)
    dest = ss_projection_new ();
  ss_projection_copy_into (dest, src);
  return dest;
}

static void
ss_chart_invalidate (SsChart *self)
{
  g_clear_pointer (&self->node, gsk_render_node_unref);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
rgba_to_doubles (const GdkRGBA *rgba,
                 double         out[4])
{
  out[0] = rgba->red;
  out[1] = rgba->green;
  out[2] = rgba->blue;
  out[3] = rgba->alpha;
}

/* The foreground, background and accent of the current style. libadwaita
 * names its colours; without its stylesheet the style's own defaults stand. */
static void
ss_chart_update_colors (SsChart *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkStyleContext *context;
  GdkRGBA fg, color;
  gboolean dark;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  context = gtk_widget_get_style_context (widget);
  gtk_style_context_get_color (context, &fg);
  if (adw_is_initialized ())
    dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  else
    dark = 0.2126 * fg.red + 0.7152 * fg.green + 0.0722 * fg.blue > 0.5;

  ssc_chart_data_set_style (&self->data, dark);
  rgba_to_doubles (&fg, self->data.fg);
  if (gtk_style_context_lookup_color (context, "view_bg_color", &color))
    rgba_to_doubles (&color, self->data.bg);
  if (gtk_style_context_lookup_color (context, "accent_color", &color))
    rgba_to_doubles (&color, self->data.accent);
  G_GNUC_END_IGNORE_DEPRECATIONS

  self->colors_valid = TRUE;
}

static void
ss_chart_snapshot (GtkWidget   *widget,
                   GtkSnapshot *snapshot)
{
  SsChart *self = SS_CHART (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  cairo_t *cr;

  if (width <= 0 || height <= 0)
    return;
  if (!self->colors_valid)
    {
      ss_chart_update_colors (self);
      g_clear_pointer (&self->node, gsk_render_node_unref);
    }

  if (self->node == NULL || self->node_width != width || self->node_height != height)
    {
      GtkSnapshot *chart = gtk_snapshot_new ();

      cr = gtk_snapshot_append_cairo (chart, &GRAPHENE_RECT_INIT (0, 0, width, height));
      ssc_chart_render (self->kind, &self->data, cr, width, height, self->hit);
      cairo_destroy (cr);
      g_clear_pointer (&self->node, gsk_render_node_unref);
      self->node = gtk_snapshot_free_to_node (chart);
      self->node_width = width;
      self->node_height = height;
    }
  if (self->node != NULL)
    gtk_snapshot_append_node (snapshot, self->node);

  if (self->hovering)
    {
      cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
      ssc_chart_render_hover (self->hit, &self->data, cr, self->hover_x, self->hover_y);
      cairo_destroy (cr);
    }
}

static void
ss_chart_measure (GtkWidget      *widget,
                  GtkOrientation  orientation,
                  int             for_size,
                  int            *minimum,
                  int            *natural,
                  int            *minimum_baseline,
                  int            *natural_baseline)
{
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 320 : 240;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 640 : 360;
}

static void
ss_chart_css_changed (GtkWidget         *widget,
                      GtkCssStyleChange *change)
{
  SsChart *self = SS_CHART (widget);

  GTK_WIDGET_CLASS (ss_chart_parent_class)->css_changed (widget, change);

  self->colors_valid = FALSE;
  ss_chart_invalidate (self);
}

static void
on_motion (SsChart                  *self,
           double                    x,
           double                    y,
           GtkEventControllerMotion *controller)
{
  self->hovering = TRUE;
  self->hover_x = x;
  self->hover_y = y;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_leave (SsChart                  *self,
          GtkEventControllerMotion *controller)
{
  self->hovering = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* A click on what stands for a scenario, an item or a mix says so, for
 * the window to take the user there (or offer the mix). */
static void
on_released (SsChart         *self,
             int              n_press,
             double           x,
             double           y,
             GtkGestureClick *gesture)
{
  if (n_press == 1 && self->study != NULL)
    ss_chart_activate_at (self, x, y);
}

/* What a click at (x, y) does; TRUE when it led somewhere. */
gboolean
ss_chart_activate_at (SsChart *self,
                      double   x,
                      double   y)
{
  const double *shares = NULL;
  int index = -1;

  g_return_val_if_fail (SS_IS_CHART (self), FALSE);

  switch (ssc_chart_hit_target (self->hit, x, y, &index, &shares))
    {
    case SSC_TARGET_SCENARIO:
      g_signal_emit (self, signals[SCENARIO_ACTIVATED], 0, index);
      return TRUE;
    case SSC_TARGET_ITEM:
      g_signal_emit (self, signals[ITEM_ACTIVATED], 0, index);
      return TRUE;
    case SSC_TARGET_MIX:
      g_signal_emit (self, signals[MIX_ACTIVATED], 0, shares);
      return TRUE;
    case SSC_TARGET_NONE:
    default:
      return FALSE;
    }
}

static gboolean
on_query_tooltip (SsChart    *self,
                  int         x,
                  int         y,
                  gboolean    keyboard,
                  GtkTooltip *tooltip)
{
  g_autofree char *markup = NULL;

  if (keyboard || !ssc_chart_hit_query (self->hit, &self->data, x, y, &markup))
    return FALSE;
  gtk_tooltip_set_markup (tooltip, markup);
  return TRUE;
}

/* The title and the one-sentence summary, to the accessible and the getters. */
static void
ss_chart_update_accessible (SsChart *self)
{
  g_free (self->title);
  g_free (self->description);
  self->title = ssc_chart_title (self->kind, &self->data);
  self->description = ssc_chart_describe (self->kind, &self->data);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, self->title,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->description,
                                  -1);
}

static void
ss_chart_dispose (GObject *object)
{
  SsChart *self = SS_CHART (object);

  g_clear_pointer (&self->node, gsk_render_node_unref);
  g_clear_pointer (&self->projections, g_ptr_array_unref);
  g_clear_object (&self->study);
  self->data.study = NULL;
  self->data.projections = NULL;

  G_OBJECT_CLASS (ss_chart_parent_class)->dispose (object);
}

static void
ss_chart_finalize (GObject *object)
{
  SsChart *self = SS_CHART (object);

  g_clear_pointer (&self->hit, ssc_chart_hit_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->description, g_free);

  G_OBJECT_CLASS (ss_chart_parent_class)->finalize (object);
}

static void
ss_chart_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  SsChart *self = SS_CHART (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_int (value, self->kind);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ss_chart_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  SsChart *self = SS_CHART (object);

  switch (prop_id)
    {
    case PROP_KIND:
      ss_chart_set_kind (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ss_chart_class_init (SsChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ss_chart_dispose;
  object_class->finalize = ss_chart_finalize;
  object_class->get_property = ss_chart_get_property;
  object_class->set_property = ss_chart_set_property;

  widget_class->snapshot = ss_chart_snapshot;
  widget_class->measure = ss_chart_measure;
  widget_class->css_changed = ss_chart_css_changed;

  /* An SscChartKind; an int rather than an enum type, as the renderer that
   * defines the kinds is kept free of GObject type registration. */
  properties[PROP_KIND] =
    g_param_spec_int ("kind", NULL, NULL, 0, SSC_N_CHARTS - 1, SSC_CHART_MIX,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* A compare row was clicked: the scenario (SS_BASELINE or an index). */
  signals[SCENARIO_ACTIVATED] =
    g_signal_new ("scenario-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT);
  /* A heatmap row was clicked: the item's index. */
  signals[ITEM_ACTIVATED] =
    g_signal_new ("item-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT);
  /* A frontier point was clicked: its shares, one per country, valid
   * during the emission. */
  signals[MIX_ACTIVATED] =
    g_signal_new ("mix-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_POINTER);

  gtk_widget_class_set_css_name (widget_class, "chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
ss_chart_init (SsChart *self)
{
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkGesture *click = gtk_gesture_click_new ();

  self->hit = ssc_chart_hit_new ();
  ssc_chart_data_init (&self->data, NULL, NULL);

  g_signal_connect_object (motion, "motion", G_CALLBACK (on_motion), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (motion, "leave", G_CALLBACK (on_leave), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect_object (click, "released", G_CALLBACK (on_released), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (on_query_tooltip), NULL);

  ss_chart_update_accessible (self);
}

GtkWidget *
ss_chart_new (SscChartKind kind)
{
  g_return_val_if_fail (kind < SSC_N_CHARTS, NULL);

  return g_object_new (SS_TYPE_CHART, "kind", kind, NULL);
}

SscChartKind
ss_chart_get_kind (SsChart *self)
{
  g_return_val_if_fail (SS_IS_CHART (self), SSC_CHART_MIX);

  return self->kind;
}

void
ss_chart_set_kind (SsChart     *self,
                   SscChartKind  kind)
{
  g_return_if_fail (SS_IS_CHART (self));
  g_return_if_fail (kind < SSC_N_CHARTS);

  if (self->kind == kind)
    return;
  self->kind = kind;
  ss_chart_update_accessible (self);
  ss_chart_invalidate (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

/* Takes the study (a reference), copies the projections, and the
 * scenario, item and year; the colours stay the widget's style's. Call it
 * again after every change to the study or its projections. */
void
ss_chart_set_data (SsChart            *self,
                   const SscChartData *data)
{
  GPtrArray *copies;

  g_return_if_fail (SS_IS_CHART (self));
  g_return_if_fail (data != NULL);

  g_set_object (&self->study, (SsStudy *)data->study);

  copies = g_ptr_array_new_with_free_func ((GDestroyNotify)ss_projection_free);
  for (guint k = 0; data->projections != NULL && k < data->projections->len; k++)
    {
      const SsProjection *p = g_ptr_array_index (data->projections, k);
      SsProjection *old = NULL;

      /* Take the old copy out, to reuse its block. */
      if (self->projections != NULL && k < self->projections->len)
        {
          old = g_ptr_array_index (self->projections, k);
          self->projections->pdata[k] = NULL;
        }
      if (p != NULL)
        g_ptr_array_add (copies, projection_copy_into (old, p));
      else
        {
          ss_projection_free (old);
          g_ptr_array_add (copies, NULL);
        }
    }
  g_clear_pointer (&self->projections, g_ptr_array_unref);
  self->projections = copies;

  self->data.study = self->study;
  self->data.projections = self->projections;
  self->data.scenario = data->scenario;
  self->data.item = data->item;
  self->data.year = data->year;

  ss_chart_update_accessible (self);
  ss_chart_invalidate (self);
}

const char *
ss_chart_get_title (SsChart *self)
{
  g_return_val_if_fail (SS_IS_CHART (self), NULL);

  return self->title;
}

const char *
ss_chart_get_description (SsChart *self)
{
  g_return_val_if_fail (SS_IS_CHART (self), NULL);

  return self->description;
}
