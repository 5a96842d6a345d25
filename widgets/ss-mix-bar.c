/* ss-mix-bar.c: a small bar of a sourcing mix in the country colours
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Drawn with plain colour nodes, no cairo: the sidebar holds one per item
 * and they all redraw during a drag. To assistive technology it is an
 * image described in words ("China 84 %, South Korea 16 %").
 */

#define G_LOG_DOMAIN "supplyshift-mix-bar"

#include "config.h"

#include <glib/gi18n.h>

#include "ss-bidi.h"
#include "ss-mix-bar.h"
#include "ss-palette.h"

struct _SsMixBar
{
  GtkWidget parent_instance;

  double    shares[SS_MAX_COUNTRIES];
  guint     n;
};

G_DEFINE_FINAL_TYPE (SsMixBar, ss_mix_bar, GTK_TYPE_WIDGET)

static void
ss_mix_bar_snapshot (GtkWidget   *widget,
                     GtkSnapshot *snapshot)
{
  SsMixBar *self = SS_MIX_BAR (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GskRoundedRect outline;
  GdkRGBA fg;
  gboolean dark;
  double x = 0;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  G_GNUC_END_IGNORE_DEPRECATIONS
  dark = fg.red + fg.green + fg.blue > 1.5f;           /* light text: the dark style */
  gsk_rounded_rect_init_from_rect (&outline, &GRAPHENE_RECT_INIT (0, 0, width, height), height / 2.0);
  gtk_snapshot_push_rounded_clip (snapshot, &outline);
  for (guint c = 0; c < self->n; c++)
    {
      double w = self->shares[c] * width;
      GdkRGBA color;

      if (w <= 0)
        continue;
      ss_palette_country_color (c, dark, &color);
      gtk_snapshot_append_color (snapshot, &color, &GRAPHENE_RECT_INIT (x, 0, w, height));
      x += w;
    }
  gtk_snapshot_pop (snapshot);
}

static void
ss_mix_bar_measure (GtkWidget      *widget,
                    GtkOrientation  orientation,
                    int             for_size,
                    int            *minimum,
                    int            *natural,
                    int            *minimum_baseline,
                    int            *natural_baseline)
{
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 40 : 6;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 120 : 6;
}

static void
ss_mix_bar_class_init (SsMixBarClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->snapshot = ss_mix_bar_snapshot;
  widget_class->measure = ss_mix_bar_measure;

  gtk_widget_class_set_css_name (widget_class, "mixbar");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
ss_mix_bar_init (SsMixBar *self)
{
}

GtkWidget *
ss_mix_bar_new (void)
{
  return g_object_new (SS_TYPE_MIX_BAR, NULL);
}

/* shares[c * stride] is country c's share. */
void
ss_mix_bar_set_shares (SsMixBar      *self,
                       const SsStudy *study,
                       const double  *shares,
                       gsize          stride)
{
  guint n = MIN (ss_study_get_n_countries (study), SS_MAX_COUNTRIES);
  g_autoptr(GString) description = g_string_new (NULL);
  gboolean same = n == self->n;

  for (guint c = 0; c < n && same; c++)
    same = self->shares[c] == shares[c * stride];
  if (same)
    return;

  self->n = n;
  for (guint c = 0; c < n; c++)
    {
      self->shares[c] = shares[c * stride];
      if (self->shares[c] >= 0.0005)
        {
          g_autofree char *name = ss_bidi_isolate (ss_study_get_country (study, c)->name);

          if (description->len > 0)
            g_string_append (description, ", ");
          /* Translators: a country's share of an item's supply, e.g. "China 84 %" */
          g_string_append_printf (description, _("%s %.0f %%"), name, 100 * self->shares[c]);
        }
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Sourcing mix"), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  description->str, -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
