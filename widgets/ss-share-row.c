/* ss-share-row.c: one country's row of the share editor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A template row (ss-share-row.ui): the country's colour, name and code,
 * a slider and a spin button for its share in percent, the baseline
 * share for reference and a lock. The row shows what the share editor
 * (ss-share-editor.c) tells it; the editor listens to its slider, spin
 * button and lock, and rebalances the shares. The names and baselines of
 * all rows share size groups, so the rows line up as columns.
 */

#define G_LOG_DOMAIN "supplyshift-share-row"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "ss-bidi.h"
#include "ss-input-guard.h"
#include "ss-page-util.h"
#include "ss-palette.h"
#include "ss-share-row.h"

struct _SsShareRow
{
  GtkBox           parent_instance;

  /* Template widgets */
  GtkDrawingArea  *swatch;
  GtkWidget       *names;
  GtkLabel        *name;
  GtkLabel        *code;
  GtkRange        *scale;
  GtkSpinButton   *spin;
  GtkLabel        *baseline;
  GtkToggleButton *lock;

  guint            index;
  double           capacity;             /* NAN until set */
  char            *baseline_text;
};

G_DEFINE_FINAL_TYPE (SsShareRow, ss_share_row, GTK_TYPE_BOX)

static void
draw_swatch (GtkDrawingArea *area,
             cairo_t        *cr,
             int             width,
             int             height,
             gpointer        user_data)
{
  SsShareRow *self = user_data;
  double size = MIN (width, height);
  GdkRGBA color, fg;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (area)), &fg);
  G_GNUC_END_IGNORE_DEPRECATIONS
  /* Light text is the dark style. */
  ss_palette_country_color (self->index, fg.red + fg.green + fg.blue > 1.5f, &color);

  cairo_arc (cr, width / 2., height / 2., size / 2. - 0.5, 0, 2 * G_PI);
  gdk_cairo_set_source_rgba (cr, &color);
  cairo_fill_preserve (cr);
  /* A faint outline keeps the dark colours visible on a dark background. */
  fg.alpha *= 0.25f;
  gdk_cairo_set_source_rgba (cr, &fg);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);
}

/* The line under a country's name. */
static char *
describe_country (const SsCountry *country)
{
  if (country->group != NULL)
    /* Translators: a country's code and its group, e.g. "VN · ASEAN" */
    return g_strdup_printf (C_("country code and group", "%s · %s"),
                            country->code, country->group);
  return g_strdup (country->code);
}

static void
on_lock_toggled (SsShareRow *self)
{
  gboolean locked = gtk_toggle_button_get_active (self->lock);

  gtk_button_set_icon_name (GTK_BUTTON (self->lock),
                            locked ? "changes-prevent-symbolic" : "changes-allow-symbolic");
  gtk_widget_set_sensitive (GTK_WIDGET (self->scale), !locked);
  gtk_widget_set_sensitive (GTK_WIDGET (self->spin), !locked);
}

guint
ss_share_row_get_index (SsShareRow *self)
{
  g_return_val_if_fail (SS_IS_SHARE_ROW (self), 0);
  return self->index;
}

/* Whether the row shows @country as it is now, as after an undo. */
gboolean
ss_share_row_shows (SsShareRow      *self,
                    const SsCountry *country)
{
  g_autofree char *code_text = describe_country (country);

  g_return_val_if_fail (SS_IS_SHARE_ROW (self), FALSE);

  return g_str_equal (gtk_label_get_text (self->name), country->name)
         && g_str_equal (gtk_label_get_text (self->code), code_text);
}

GtkRange *
ss_share_row_get_scale (SsShareRow *self)
{
  g_return_val_if_fail (SS_IS_SHARE_ROW (self), NULL);
  return self->scale;
}

GtkSpinButton *
ss_share_row_get_spin (SsShareRow *self)
{
  g_return_val_if_fail (SS_IS_SHARE_ROW (self), NULL);
  return self->spin;
}

GtkToggleButton *
ss_share_row_get_lock (SsShareRow *self)
{
  g_return_val_if_fail (SS_IS_SHARE_ROW (self), NULL);
  return self->lock;
}

/* Shows @share (a fraction) on the slider and the spin button. Only what
 * changed: even an unchanged value makes a spin button reformat its text,
 * and the window refreshes on every frame. */
void
ss_share_row_set_share (SsShareRow *self,
                        double      share)
{
  g_return_if_fail (SS_IS_SHARE_ROW (self));

  if (gtk_range_get_value (self->scale) != share * 100)
    gtk_range_set_value (self->scale, share * 100);
  if (gtk_spin_button_get_value (self->spin) != share * 100)
    gtk_spin_button_set_value (self->spin, share * 100);
}

/* A name cut short in a narrow window is shown whole in a tooltip. */
static gboolean
on_name_query_tooltip (GtkLabel   *label,
                       int         x,
                       int         y,
                       gboolean    keyboard,
                       GtkTooltip *tooltip)
{
  if (!pango_layout_is_ellipsized (gtk_label_get_layout (label)))
    return FALSE;
  gtk_tooltip_set_text (tooltip, gtk_label_get_label (label));
  return TRUE;
}

/* The slider's and spin button's description: the baseline share and the
 * capacity, which the slider also marks. */
static void
update_description (SsShareRow *self)
{
  g_autofree char *capacity = NULL, *text = NULL;

  if (!isnan (self->capacity) && self->capacity < 1)
    /* Translators: the largest share a country could supply, beside its slider */
    capacity = g_strdup_printf (_("capacity %.1f %%"), self->capacity * 100);

  if (self->baseline_text != NULL && capacity != NULL)
    text = g_strdup_printf ("%s, %s", self->baseline_text, capacity);
  else if (self->baseline_text != NULL)
    text = g_strdup (self->baseline_text);
  else
    text = g_steal_pointer (&capacity);

  if (text == NULL)
    {
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self->scale), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self->spin), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      return;
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->scale), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->spin), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
}

/* Shows the baseline share for reference, or nothing for NAN. */
void
ss_share_row_set_baseline (SsShareRow *self,
                           double      baseline)
{
  g_autofree char *text = NULL;

  g_return_if_fail (SS_IS_SHARE_ROW (self));

  if (isnan (baseline))
    {
      gtk_label_set_text (self->baseline, "");
      g_clear_pointer (&self->baseline_text, g_free);
      update_description (self);
      return;
    }

  /* Translators: the share of imports from a country in the baseline,
   * shown for reference beside the share being edited, e.g. "Baseline 84.0 %" */
  text = g_strdup_printf (_("Baseline %.1f %%"), baseline * 100);
  /* A label given its own text again still lays itself out again. */
  if (g_strcmp0 (gtk_label_get_text (self->baseline), text) == 0)
    return;
  gtk_label_set_text (self->baseline, text);
  g_free (self->baseline_text);
  self->baseline_text = g_steal_pointer (&text);
  update_description (self);
}

/* Marks on the slider the largest share the country could supply (a
 * fraction; 1 or NAN for no limit, which has no mark), and says it in the
 * tooltip and the description: a target beyond it is an alert. */
void
ss_share_row_set_capacity (SsShareRow *self,
                           double      capacity)
{
  g_autofree char *tooltip = NULL;

  g_return_if_fail (SS_IS_SHARE_ROW (self));

  if (capacity == self->capacity || (isnan (capacity) && isnan (self->capacity)))
    return;
  self->capacity = capacity;
  gtk_scale_clear_marks (GTK_SCALE (self->scale));
  if (!isnan (capacity) && capacity < 1)
    {
      gtk_scale_add_mark (GTK_SCALE (self->scale), capacity * 100, GTK_POS_BOTTOM, NULL);
      /* Translators: the tooltip of a share's slider */
      tooltip = g_strdup_printf (_("At most %.1f %% can come from here (its capacity)"), capacity * 100);
    }
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->scale), tooltip);
  update_description (self);
}

double
ss_share_row_get_capacity (SsShareRow *self)
{
  g_return_val_if_fail (SS_IS_SHARE_ROW (self), NAN);

  return self->capacity;
}

static void
ss_share_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), SS_TYPE_SHARE_ROW);

  G_OBJECT_CLASS (ss_share_row_parent_class)->dispose (object);
}

static void
ss_share_row_finalize (GObject *object)
{
  g_free (SS_SHARE_ROW (object)->baseline_text);

  G_OBJECT_CLASS (ss_share_row_parent_class)->finalize (object);
}

static void
ss_share_row_class_init (SsShareRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ss_share_row_dispose;
  object_class->finalize = ss_share_row_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, SS_UI_RESOURCE ("ss-share-row.ui"));
  gtk_widget_class_bind_template_child (widget_class, SsShareRow, swatch);
  gtk_widget_class_bind_template_child (widget_class, SsShareRow, names);
  gtk_widget_class_bind_template_child (widget_class, SsShareRow, name);
  gtk_widget_class_bind_template_child (widget_class, SsShareRow, code);
  gtk_widget_class_bind_template_child (widget_class, SsShareRow, scale);
  gtk_widget_class_bind_template_child (widget_class, SsShareRow, spin);
  gtk_widget_class_bind_template_child (widget_class, SsShareRow, baseline);
  gtk_widget_class_bind_template_child (widget_class, SsShareRow, lock);
  gtk_widget_class_bind_template_callback (widget_class, on_lock_toggled);
}

static void
ss_share_row_init (SsShareRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->capacity = NAN;
  gtk_drawing_area_set_draw_func (self->swatch, draw_swatch, self, NULL);
}

/**
 * ss_share_row_new:
 * @index: the country's index, which picks its colour
 * @names: (nullable): the size group of every row's name, so they line up
 * @baselines: (nullable): the same for the baseline shares
 *
 * Returns: a row for @country, its share 0 and its lock open
 */
GtkWidget *
ss_share_row_new (guint            index,
                  const SsCountry *country,
                  GtkSizeGroup    *names,
                  GtkSizeGroup    *baselines)
{
  SsShareRow *self = g_object_new (SS_TYPE_SHARE_ROW, NULL);
  g_autofree char *code_text = describe_country (country);
  g_autofree char *name = ss_bidi_isolate (country->name);
  g_autofree char *share_label = NULL;
  g_autofree char *lock_label = NULL;

  self->index = index;
  gtk_label_set_label (self->name, country->name);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self->name), TRUE);
  g_signal_connect (self->name, "query-tooltip", G_CALLBACK (on_name_query_tooltip), NULL);
  gtk_label_set_label (self->code, code_text);

  /* Translators: accessible name of the slider and of the spin button
   * that set the share of imports from a country; %s is the country */
  share_label = g_strdup_printf (_("Share from %s"), name);
  /* Translators: accessible name of the lock button of a country's share;
   * %s is the country */
  lock_label = g_strdup_printf (_("Lock share from %s"), name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->scale), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  share_label, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->spin), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  share_label, -1);
  ss_input_guard_set_label (GTK_WIDGET (self->spin), share_label, SS_UNIT_PERCENT);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->lock), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  lock_label, -1);
  if (names != NULL)
    gtk_size_group_add_widget (names, self->names);
  if (baselines != NULL)
    gtk_size_group_add_widget (baselines, GTK_WIDGET (self->baseline));
  return GTK_WIDGET (self);
}
