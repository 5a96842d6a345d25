/* ss-columns.c: a main column that scrolls beside a side column that stays in view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The scenario editor's page: the share editor and levers (main), the
 * figures and the chart (side), the alerts (bottom). From `wide-width`
 * on, and when both columns fit at their minimum, main and bottom make
 * the left column and side the right one, and side stays in view while
 * the left column scrolls: it is placed at the top of what the viewport
 * shows, or, when it is taller than the view, it scrolls with the page
 * until its end is in view and stays there. Below that, the three are
 * one column (main, side, bottom) that scrolls as a whole, at most
 * `maximum-width` wide and centred.
 *
 * The widget goes in a GtkScrolledWindow (which puts it in a viewport);
 * it follows the viewport's vertical adjustment itself, because a
 * viewport that scrolls moves its child without allocating it again.
 * The switch between one and two columns is made in size_allocate from
 * the width given, and reported by the `wide` property: nothing is
 * reparented and no property of a child changes, so a window resized
 * across the line lays out once, with no extra frame.
 */

#define G_LOG_DOMAIN "supplyshift-columns"

#include "config.h"

#include "ss-columns.h"

struct _SsColumns
{
  GtkWidget      parent_instance;

  /* Children */
  GtkWidget     *main;
  GtkWidget     *side;
  GtkWidget     *bottom;

  /* Borrowed: the viewport's, with a handler */
  GtkAdjustment *vadjustment;

  int            wide_width;
  int            spacing;
  int            maximum_width;
  int            main_maximum_width;
  gboolean       wide;
};

G_DEFINE_FINAL_TYPE (SsColumns, ss_columns, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_MAIN,
  PROP_SIDE,
  PROP_BOTTOM,
  PROP_WIDE_WIDTH,
  PROP_SPACING,
  PROP_MAXIMUM_WIDTH,
  PROP_MAIN_MAXIMUM_WIDTH,
  PROP_WIDE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
measure_child (GtkWidget      *child,
               GtkOrientation  orientation,
               int             for_size,
               int            *minimum,
               int            *natural)
{
  *minimum = *natural = 0;
  if (child != NULL && gtk_widget_should_layout (child))
    gtk_widget_measure (child, orientation, for_size, minimum, natural, NULL, NULL);
}

static int
height_for (GtkWidget *child,
            int        width)
{
  int minimum, natural;

  measure_child (child, GTK_ORIENTATION_VERTICAL, width, &minimum, &natural);
  return minimum;
}

static gboolean
shown (GtkWidget *child)
{
  return child != NULL && gtk_widget_should_layout (child);
}

/* Whether @width makes two columns, and their widths. The left column
 * gets 4/7 (57 %: its sliders gain most from the room, and the side's
 * two cards a row must hold "78.6 % → 47.6 %" at 1280 px), within its
 * minimum and `main-maximum-width`; the side the rest. */
static gboolean
split (SsColumns *self,
       int        width,
       int       *main_width,
       int       *side_width)
{
  int main_min, main_nat, bottom_min, bottom_nat, side_min, side_nat, left;

  measure_child (self->main, GTK_ORIENTATION_HORIZONTAL, -1, &main_min, &main_nat);
  measure_child (self->bottom, GTK_ORIENTATION_HORIZONTAL, -1, &bottom_min, &bottom_nat);
  measure_child (self->side, GTK_ORIENTATION_HORIZONTAL, -1, &side_min, &side_nat);
  main_min = MAX (main_min, bottom_min);

  if (!shown (self->side) || width < self->wide_width || width < main_min + self->spacing + side_min)
    return FALSE;
  left = (width - self->spacing) * 4 / 7;
  if (self->main_maximum_width > 0)
    left = MIN (left, self->main_maximum_width);
  left = CLAMP (left, main_min, width - self->spacing - side_min);
  *main_width = left;
  *side_width = width - self->spacing - left;
  return TRUE;
}

static int
one_column_width (SsColumns *self,
                  int        width)
{
  return self->maximum_width > 0 ? MIN (width, self->maximum_width) : width;
}

static void
ss_columns_measure (GtkWidget      *widget,
                    GtkOrientation  orientation,
                    int             for_size,
                    int            *minimum,
                    int            *natural,
                    int            *minimum_baseline,
                    int            *natural_baseline)
{
  SsColumns *self = SS_COLUMNS (widget);
  GtkWidget *children[] = { self->main, self->side, self->bottom };
  int main_width, side_width;

  *minimum = *natural = 0;
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      int main_min, main_nat, side_min, side_nat, bottom_min, bottom_nat;

      /* At least one column; at best two, side by side. */
      measure_child (self->main, orientation, -1, &main_min, &main_nat);
      measure_child (self->side, orientation, -1, &side_min, &side_nat);
      measure_child (self->bottom, orientation, -1, &bottom_min, &bottom_nat);
      *minimum = MAX (MAX (main_min, side_min), bottom_min);
      *natural = MAX (main_nat, bottom_nat) + (shown (self->side) ? self->spacing + side_nat : 0);
      *natural = MAX (*natural, *minimum);
      return;
    }

  if (for_size >= 0 && split (self, for_size, &main_width, &side_width))
    {
      int left = height_for (self->main, main_width);

      if (shown (self->bottom))
        left += self->spacing + height_for (self->bottom, main_width);
      *minimum = *natural = MAX (left, height_for (self->side, side_width));
      return;
    }

  for (guint k = 0; k < G_N_ELEMENTS (children); k++)
    if (shown (children[k]))
      {
        int width = for_size >= 0 ? one_column_width (self, for_size) : -1;

        if (*minimum > 0)
          *minimum += self->spacing;
        *minimum += height_for (children[k], width);
      }
  *natural = *minimum;
}

/* Heights follow the width: it decides the columns. */
static GtkSizeRequestMode
ss_columns_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
place (GtkWidget *widget,
       GtkWidget *child,
       int        x,
       int        y,
       int        width,
       int        height)
{
  if (gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL)
    x = gtk_widget_get_width (widget) - x - width;
  gtk_widget_size_allocate (child, &(GtkAllocation) { x, y, width, height }, -1);
}

static void
ss_columns_size_allocate (GtkWidget *widget,
                          int        width,
                          int        height,
                          int        baseline)
{
  SsColumns *self = SS_COLUMNS (widget);
  int main_width, side_width;
  gboolean wide = split (self, width, &main_width, &side_width);

  if (wide)
    {
      double top = 0, page = height;
      int main_height = height_for (self->main, main_width);
      int side_height = height_for (self->side, side_width);
      int y;

      if (self->vadjustment != NULL)
        {
          top = gtk_adjustment_get_value (self->vadjustment);
          page = MIN (height, gtk_adjustment_get_page_size (self->vadjustment));
        }
      if (shown (self->main))
        place (widget, self->main, 0, 0, main_width, main_height);
      if (shown (self->bottom))
        place (widget, self->bottom, 0, main_height + self->spacing, main_width,
               height_for (self->bottom, main_width));

      /* The side fills the view; taller than the view, it scrolls until
       * its end shows. */
      side_height = MAX (side_height, (int)page);
      y = side_height <= page ? (int)top : (int)(top + page) - side_height;
      y = CLAMP (y, 0, MAX (0, height - side_height));
      place (widget, self->side, main_width + self->spacing, y, side_width, side_height);
    }
  else
    {
      GtkWidget *children[] = { self->main, self->side, self->bottom };
      int column = one_column_width (self, width);
      int x = (width - column) / 2, y = 0;

      for (guint k = 0; k < G_N_ELEMENTS (children); k++)
        if (shown (children[k]))
          {
            int h = height_for (children[k], column);

            place (widget, children[k], x, y, column, h);
            y += h + self->spacing;
          }
    }

  if (self->wide != wide)
    {
      self->wide = wide;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WIDE]);
    }
}

static void
on_scrolled (SsColumns *self)
{
  if (self->wide)
    gtk_widget_queue_allocate (GTK_WIDGET (self));
}

/* The vertical adjustment of the viewport the widget is in, if any. */
static void
track_adjustment (SsColumns *self)
{
  GtkWidget *scrollable = gtk_widget_get_ancestor (GTK_WIDGET (self), GTK_TYPE_SCROLLABLE);
  GtkAdjustment *adjustment = scrollable != NULL
                              ? gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (scrollable)) : NULL;

  if (adjustment == self->vadjustment)
    return;
  if (self->vadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->vadjustment, on_scrolled, self);
  g_set_object (&self->vadjustment, adjustment);
  if (adjustment != NULL)
    g_signal_connect_object (adjustment, "value-changed", G_CALLBACK (on_scrolled), self,
                             G_CONNECT_SWAPPED);
}

static void
ss_columns_root (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (ss_columns_parent_class)->root (widget);
  track_adjustment (SS_COLUMNS (widget));
}

static void
ss_columns_unroot (GtkWidget *widget)
{
  SsColumns *self = SS_COLUMNS (widget);

  if (self->vadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->vadjustment, on_scrolled, self);
  g_clear_object (&self->vadjustment);
  GTK_WIDGET_CLASS (ss_columns_parent_class)->unroot (widget);
}

/* The children are kept in the order main, side, bottom: the order of
 * the single column, which focus and assistive technology follow. */
static void
set_child (SsColumns  *self,
           GtkWidget **slot,
           GtkWidget  *child,
           guint       prop)
{
  GtkWidget *previous = NULL;

  g_return_if_fail (child == NULL || GTK_IS_WIDGET (child));

  if (*slot == child)
    return;
  if (*slot != NULL)
    gtk_widget_unparent (*slot);
  *slot = child;
  if (child != NULL)
    {
      if (slot == &self->side)
        previous = self->main;
      else if (slot == &self->bottom)
        previous = self->side != NULL ? self->side : self->main;
      gtk_widget_insert_after (child, GTK_WIDGET (self), previous);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
set_int (SsColumns *self,
         int       *field,
         int        value,
         guint      prop)
{
  if (*field == value)
    return;
  *field = value;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
ss_columns_dispose (GObject *object)
{
  SsColumns *self = SS_COLUMNS (object);

  g_clear_pointer (&self->main, gtk_widget_unparent);
  g_clear_pointer (&self->side, gtk_widget_unparent);
  g_clear_pointer (&self->bottom, gtk_widget_unparent);
  if (self->vadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->vadjustment, on_scrolled, self);
  g_clear_object (&self->vadjustment);

  G_OBJECT_CLASS (ss_columns_parent_class)->dispose (object);
}

static void
ss_columns_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  SsColumns *self = SS_COLUMNS (object);

  switch (prop_id)
    {
    case PROP_MAIN:
      g_value_set_object (value, self->main);
      break;
    case PROP_SIDE:
      g_value_set_object (value, self->side);
      break;
    case PROP_BOTTOM:
      g_value_set_object (value, self->bottom);
      break;
    case PROP_WIDE_WIDTH:
      g_value_set_int (value, self->wide_width);
      break;
    case PROP_SPACING:
      g_value_set_int (value, self->spacing);
      break;
    case PROP_MAXIMUM_WIDTH:
      g_value_set_int (value, self->maximum_width);
      break;
    case PROP_MAIN_MAXIMUM_WIDTH:
      g_value_set_int (value, self->main_maximum_width);
      break;
    case PROP_WIDE:
      g_value_set_boolean (value, self->wide);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ss_columns_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  SsColumns *self = SS_COLUMNS (object);

  switch (prop_id)
    {
    case PROP_MAIN:
      ss_columns_set_main (self, g_value_get_object (value));
      break;
    case PROP_SIDE:
      ss_columns_set_side (self, g_value_get_object (value));
      break;
    case PROP_BOTTOM:
      ss_columns_set_bottom (self, g_value_get_object (value));
      break;
    case PROP_WIDE_WIDTH:
      ss_columns_set_wide_width (self, g_value_get_int (value));
      break;
    case PROP_SPACING:
      set_int (self, &self->spacing, g_value_get_int (value), PROP_SPACING);
      break;
    case PROP_MAXIMUM_WIDTH:
      set_int (self, &self->maximum_width, g_value_get_int (value), PROP_MAXIMUM_WIDTH);
      break;
    case PROP_MAIN_MAXIMUM_WIDTH:
      set_int (self, &self->main_maximum_width, g_value_get_int (value), PROP_MAIN_MAXIMUM_WIDTH);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ss_columns_class_init (SsColumnsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ss_columns_dispose;
  object_class->get_property = ss_columns_get_property;
  object_class->set_property = ss_columns_set_property;
  widget_class->get_request_mode = ss_columns_get_request_mode;
  widget_class->measure = ss_columns_measure;
  widget_class->size_allocate = ss_columns_size_allocate;
  widget_class->root = ss_columns_root;
  widget_class->unroot = ss_columns_unroot;

  properties[PROP_MAIN] =
    g_param_spec_object ("main", NULL, NULL, GTK_TYPE_WIDGET,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SIDE] =
    g_param_spec_object ("side", NULL, NULL, GTK_TYPE_WIDGET,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BOTTOM] =
    g_param_spec_object ("bottom", NULL, NULL, GTK_TYPE_WIDGET,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The narrowest width that makes two columns (if both fit). */
  properties[PROP_WIDE_WIDTH] =
    g_param_spec_int ("wide-width", NULL, NULL, 0, G_MAXINT, 900,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Between the columns, and between the parts of one column. */
  properties[PROP_SPACING] =
    g_param_spec_int ("spacing", NULL, NULL, 0, G_MAXINT, 24,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The single column's width at most (0: all of it). */
  properties[PROP_MAXIMUM_WIDTH] =
    g_param_spec_int ("maximum-width", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The left column's width at most, in two columns (0: half). */
  properties[PROP_MAIN_MAXIMUM_WIDTH] =
    g_param_spec_int ("main-maximum-width", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Whether the last allocation made two columns. */
  properties[PROP_WIDE] =
    g_param_spec_boolean ("wide", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "columns");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
ss_columns_init (SsColumns *self)
{
  self->wide_width = 900;
  self->spacing = 24;
}

GtkWidget *
ss_columns_new (void)
{
  return g_object_new (SS_TYPE_COLUMNS, NULL);
}

GtkWidget *
ss_columns_get_main (SsColumns *self)
{
  g_return_val_if_fail (SS_IS_COLUMNS (self), NULL);
  return self->main;
}

void
ss_columns_set_main (SsColumns *self,
                     GtkWidget *child)
{
  g_return_if_fail (SS_IS_COLUMNS (self));
  set_child (self, &self->main, child, PROP_MAIN);
}

GtkWidget *
ss_columns_get_side (SsColumns *self)
{
  g_return_val_if_fail (SS_IS_COLUMNS (self), NULL);
  return self->side;
}

void
ss_columns_set_side (SsColumns *self,
                     GtkWidget *child)
{
  g_return_if_fail (SS_IS_COLUMNS (self));
  set_child (self, &self->side, child, PROP_SIDE);
}

GtkWidget *
ss_columns_get_bottom (SsColumns *self)
{
  g_return_val_if_fail (SS_IS_COLUMNS (self), NULL);
  return self->bottom;
}

void
ss_columns_set_bottom (SsColumns *self,
                       GtkWidget *child)
{
  g_return_if_fail (SS_IS_COLUMNS (self));
  set_child (self, &self->bottom, child, PROP_BOTTOM);
}

int
ss_columns_get_wide_width (SsColumns *self)
{
  g_return_val_if_fail (SS_IS_COLUMNS (self), 0);
  return self->wide_width;
}

void
ss_columns_set_wide_width (SsColumns *self,
                           int        width)
{
  g_return_if_fail (SS_IS_COLUMNS (self));
  set_int (self, &self->wide_width, width, PROP_WIDE_WIDTH);
}

gboolean
ss_columns_get_wide (SsColumns *self)
{
  g_return_val_if_fail (SS_IS_COLUMNS (self), FALSE);
  return self->wide;
}
