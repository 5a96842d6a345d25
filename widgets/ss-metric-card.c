/* ss-metric-card.c: one figure with its title and how it changes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The value is exposed as the card's accessible description, so a screen
 * reader hears "NPV cost premium, 1 234 million USD, …" without having to
 * walk into the labels.
 *
 * The value and the detail change on every frame of a slider drag, so they
 * are GtkInscriptions: their size comes from a number of characters and
 * lines, not from the text, so new figures redraw the card without making
 * the window lay itself out again.
 */

#define G_LOG_DOMAIN "supplyshift-metric-card"

#include "config.h"

#include "ss-metric-card.h"

#include <string.h>

struct _SsMetricCard
{
  GtkWidget  parent_instance;

  GtkWidget *box;
  GtkLabel       *title;
  GtkInscription *value;
  GtkInscription *detail;
};

G_DEFINE_FINAL_TYPE (SsMetricCard, ss_metric_card, GTK_TYPE_WIDGET)

static void
ss_metric_card_dispose (GObject *object)
{
  SsMetricCard *self = SS_METRIC_CARD (object);

  g_clear_pointer (&self->box, gtk_widget_unparent);

  G_OBJECT_CLASS (ss_metric_card_parent_class)->dispose (object);
}

static void
ss_metric_card_class_init (SsMetricCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ss_metric_card_dispose;

  gtk_widget_class_set_css_name (widget_class, "metriccard");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static GtkInscription *
add_inscription (SsMetricCard *self,
                 const char   *css_class,
                 guint         chars,
                 guint         lines)
{
  GtkWidget *inscription = gtk_inscription_new (NULL);

  gtk_inscription_set_xalign (GTK_INSCRIPTION (inscription), 0);
  gtk_inscription_set_yalign (GTK_INSCRIPTION (inscription), 0);
  gtk_inscription_set_min_chars (GTK_INSCRIPTION (inscription), chars / 2);
  gtk_inscription_set_nat_chars (GTK_INSCRIPTION (inscription), chars);
  gtk_inscription_set_min_lines (GTK_INSCRIPTION (inscription), lines);
  gtk_inscription_set_nat_lines (GTK_INSCRIPTION (inscription), lines);
  gtk_inscription_set_wrap_mode (GTK_INSCRIPTION (inscription), PANGO_WRAP_WORD_CHAR);
  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (inscription), GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_widget_add_css_class (inscription, css_class);
  gtk_widget_add_css_class (inscription, "numeric");
  gtk_box_append (GTK_BOX (self->box), inscription);
  return GTK_INSCRIPTION (inscription);
}

static void
ss_metric_card_init (SsMetricCard *self)
{
  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
  gtk_widget_add_css_class (GTK_WIDGET (self), "card");

  /* A title too long for the card takes a second line: "Expected
   * shortfall impact" was cut to "Expected shortfall imp…" in a card of
   * the 1280 px window's side column. Cards of one row of the flow box
   * share its height, so only that row grows. */
  self->title = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->title, 0);
  gtk_label_set_wrap (self->title, TRUE);
  gtk_label_set_wrap_mode (self->title, PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (self->title, 2);
  gtk_label_set_ellipsize (self->title, PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (GTK_WIDGET (self->title), "caption-heading");
  gtk_widget_add_css_class (GTK_WIDGET (self->title), "dim-label");
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->title));
  /* title-4 (13 pt): on one line of title-2 (15 pt), "78.6 % → 47.6 %"
   * and "+2398.2 M USD" were cut to "78.6 % → 4…" in a card of the
   * 1280 px window's side column; and title-4 only for the figure
   * (ss_metric_card_set_figure()) since "78.6 % → 100.0…" was. */
  self->value = add_inscription (self, "title-4", 16, 1);
  self->detail = add_inscription (self, "caption", 30, 3);
}

/* The card's title is its name and its figure its description, on the
 * card or, in a GtkFlowBox, on the flow box's child around it: that is
 * what takes the focus, and GTK 4.8 reads it as "GtkFlowBoxChild". */
static void
describe (SsMetricCard *self)
{
  GtkWidget *parent = gtk_widget_get_parent (GTK_WIDGET (self));
  GtkAccessible *target = GTK_IS_FLOW_BOX_CHILD (parent) ? GTK_ACCESSIBLE (parent) : GTK_ACCESSIBLE (self);
  const char *value = gtk_inscription_get_text (self->value);
  const char *detail = gtk_inscription_get_text (self->detail);
  g_autofree char *description = NULL;

  if (value != NULL && *value != '\0')
    description = detail != NULL && *detail ? g_strdup_printf ("%s, %s", value, detail) : g_strdup (value);
  gtk_accessible_update_property (target, GTK_ACCESSIBLE_PROPERTY_LABEL, gtk_label_get_label (self->title), -1);
  if (description != NULL)
    gtk_accessible_update_property (target, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
  if (target != GTK_ACCESSIBLE (self))
    {
      /* Said once, by the child. */
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
}

GtkWidget *
ss_metric_card_new (const char *title)
{
  SsMetricCard *self = g_object_new (SS_TYPE_METRIC_CARD, NULL);

  gtk_label_set_label (self->title, title);
  describe (self);
  g_signal_connect (self, "notify::parent", G_CALLBACK (describe), NULL);
  return GTK_WIDGET (self);
}

static void
set_value (SsMetricCard *self,
           const char   *value,
           const char   *now,      /* the figure in it, or NULL */
           const char   *detail,
           SsTrend       trend)
{
  const char *at = now != NULL && *now != '\0' && value != NULL ? g_strrstr (value, now) : NULL;

  if (at != NULL && strcmp (now, value) == 0)
    at = NULL;                                    /* the figure alone */

  if (g_strcmp0 (gtk_inscription_get_text (self->value), value) == 0
      && g_strcmp0 (gtk_inscription_get_text (self->detail), detail) == 0
      && (at != NULL) == (gtk_inscription_get_attributes (self->value) != NULL))
    return;

  if (at != NULL)
    {
      /* Round the figure, quieter: regular, smaller and dimmed as a
       * dim-label is. */
#define QUIET "<span weight=\"normal\" font_size=\"smaller\" alpha=\"60%%\">%s</span>"
      g_autofree char *before = g_strndup (value, at - value);
      g_autofree char *figure = g_strndup (at, strlen (now));
      g_autofree char *head = *before ? g_markup_printf_escaped (QUIET, before) : g_strdup ("");
      g_autofree char *tail = at[strlen (now)] ? g_markup_printf_escaped (QUIET, at + strlen (now)) : g_strdup ("");
      g_autofree char *middle = g_markup_escape_text (figure, -1);
      g_autofree char *markup = g_strconcat (head, middle, tail, NULL);

#undef QUIET
      gtk_inscription_set_markup (self->value, markup);
    }
  else
    {
      gtk_inscription_set_attributes (self->value, NULL);
      gtk_inscription_set_text (self->value, value);
    }
  gtk_inscription_set_text (self->detail, detail);

  gtk_widget_remove_css_class (GTK_WIDGET (self->detail), "success");
  gtk_widget_remove_css_class (GTK_WIDGET (self->detail), "error");
  if (trend == SS_TREND_GOOD)
    gtk_widget_add_css_class (GTK_WIDGET (self->detail), "success");
  else if (trend == SS_TREND_BAD)
    gtk_widget_add_css_class (GTK_WIDGET (self->detail), "error");

  describe (self);
}

void
ss_metric_card_set_value (SsMetricCard *self,
                          const char   *value,
                          const char   *detail,
                          SsTrend       trend)
{
  g_return_if_fail (SS_IS_METRIC_CARD (self));

  set_value (self, value, NULL, detail, trend);
}

/* @value with its figure, @figure, at the value's size and the rest
 * round it quieter: the base year's figure and the arrow of a change
 * ("78.6 % → 100.0 %", the figure being the year shown's), a unit
 * ("+2,398.2 M USD"). The figure stands out, and the longest values
 * ("100.0 % → 100.0 %", "+9,999.9 백만 USD") fit a card of the 1280 px
 * window's side column on one line. The card's text, copied or read,
 * is @value. */
void
ss_metric_card_set_figure (SsMetricCard *self,
                           const char   *value,
                           const char   *figure,
                           const char   *detail,
                           SsTrend       trend)
{
  g_return_if_fail (SS_IS_METRIC_CARD (self));

  set_value (self, value, figure, detail, trend);
}

void
ss_metric_card_set_title (SsMetricCard *self,
                          const char   *title)
{
  g_return_if_fail (SS_IS_METRIC_CARD (self));

  if (g_strcmp0 (gtk_label_get_label (self->title), title) == 0)
    return;
  gtk_label_set_label (self->title, title);
  describe (self);
}

const char *
ss_metric_card_get_value (SsMetricCard *self)
{
  return gtk_inscription_get_text (self->value);
}

const char *
ss_metric_card_get_title (SsMetricCard *self)
{
  g_return_val_if_fail (SS_IS_METRIC_CARD (self), NULL);
  return gtk_label_get_label (self->title);
}

const char *
ss_metric_card_get_detail (SsMetricCard *self)
{
  g_return_val_if_fail (SS_IS_METRIC_CARD (self), NULL);
  return gtk_inscription_get_text (self->detail);
}
