/* ssc-text.c: every text of a chart, measured and drawn in one place
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Texts are laid out with Pango and shown with PangoCairo on the chart's
 * cairo context. All figures use tabular digits, so the numbers of a
 * column line up. One-line texts are cached for the length of a drawing:
 * most are measured for the room they need before they are drawn, and
 * shaping is the dearest part of drawing a chart.
 *
 * A name (of a scenario, an item or a country) set into a longer text (a
 * subtitle, a tooltip line, a summary) goes in through ssc_text_isolate(),
 * so a right-to-left override or a right-to-left name cannot reorder the
 * text around it; a name drawn alone is drawn as it is.
 */

#define G_LOG_DOMAIN "supplyshift-chart-text"

#include "config.h"

#include <math.h>

#include <pango/pangocairo.h>

#include "ss-bidi.h"
#include "ssc-palette.h"
#include "ssc-text.h"

const SscFont ssc_font_title = { SSC_FONT_FAMILY, 16, PANGO_WEIGHT_BOLD };
const SscFont ssc_font_subtitle = { SSC_FONT_FAMILY, 12.5, PANGO_WEIGHT_NORMAL };
const SscFont ssc_font_label = { SSC_FONT_FAMILY, 12, PANGO_WEIGHT_NORMAL };
const SscFont ssc_font_label_bold = { SSC_FONT_FAMILY, 12, PANGO_WEIGHT_BOLD };
const SscFont ssc_font_tick = { SSC_FONT_FAMILY, 11, PANGO_WEIGHT_NORMAL };
const SscFont ssc_font_small = { SSC_FONT_FAMILY, 10.5, PANGO_WEIGHT_NORMAL };
const SscFont ssc_font_badge = { SSC_FONT_FAMILY, 10, PANGO_WEIGHT_BOLD };

#define MAX_FONTS 16

/* A name to set into a longer text, in a bidi isolate (see the top of the
 * file and ss-bidi.c). */
char *
ssc_text_isolate (const char *name)
{
  return ss_bidi_isolate (name);
}

typedef struct
{
  const SscFont        *font;
  PangoFontDescription *desc;
  double                line_h;        /* 0 until measured */
} FontSlot;

struct _SscText
{
  cairo_t       *cr;
  PangoContext  *pango;
  PangoLayout   *layout;               /* for texts in a width */
  GHashTable    *plain;                /* "slot:text" → PangoLayout, one line */
  PangoAttrList *attrs;
  FontSlot       fonts[MAX_FONTS];
  guint          n_fonts;
};

SscText *
ssc_text_new (cairo_t *cr)
{
  SscText *t = g_new0 (SscText, 1);

  t->cr = cr;
  t->pango = pango_cairo_create_context (cr);
  t->layout = pango_layout_new (t->pango);
  t->plain = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);

  /* Tabular figures, so the numbers of a column line up. */
  t->attrs = pango_attr_list_new ();
  pango_attr_list_insert (t->attrs, pango_attr_font_features_new ("tnum=1"));
  pango_layout_set_attributes (t->layout, t->attrs);
  return t;
}

void
ssc_text_free (SscText *t)
{
  if (t == NULL)
    return;
  for (guint k = 0; k < t->n_fonts; k++)
    pango_font_description_free (t->fonts[k].desc);
  g_clear_pointer (&t->plain, g_hash_table_unref);
  g_clear_pointer (&t->attrs, pango_attr_list_unref);
  g_clear_object (&t->layout);
  g_clear_object (&t->pango);
  g_free (t);
}

/* The font's slot, made on first use: a chart uses a handful of fonts. */
static guint
font_slot (SscText       *t,
           const SscFont *font)
{
  FontSlot *slot;

  for (guint k = 0; k < t->n_fonts; k++)
    if (t->fonts[k].font == font)
      return k;

  g_assert (t->n_fonts < MAX_FONTS);
  slot = &t->fonts[t->n_fonts];
  slot->font = font;
  slot->desc = pango_font_description_from_string (font->family);
  pango_font_description_set_absolute_size (slot->desc, font->size * PANGO_SCALE);
  pango_font_description_set_weight (slot->desc, font->weight);
  slot->line_h = 0;
  return t->n_fonts++;
}

/* A one-line text, laid out once per drawing. */
static PangoLayout *
plain_layout (SscText       *t,
              const SscFont *font,
              const char    *str)
{
  guint slot = font_slot (t, font);
  g_autofree char *key = g_strdup_printf ("%u:%s", slot, str);
  PangoLayout *layout = g_hash_table_lookup (t->plain, key);

  if (layout == NULL)
    {
      layout = pango_layout_new (t->pango);
      pango_layout_set_attributes (layout, t->attrs);
      pango_layout_set_font_description (layout, t->fonts[slot].desc);
      pango_layout_set_text (layout, str, -1);
      g_hash_table_insert (t->plain, g_steal_pointer (&key), layout);
    }
  return layout;
}

double
ssc_text_width (SscText       *t,
                const SscFont *font,
                const char    *str)
{
  PangoRectangle logical;

  pango_layout_get_pixel_extents (plain_layout (t, font, str), NULL, &logical);
  return logical.width;
}

/* One line's height. */
double
ssc_text_line_height (SscText       *t,
                      const SscFont *font)
{
  FontSlot *slot = &t->fonts[font_slot (t, font)];

  if (slot->line_h <= 0)
    {
      PangoRectangle logical;

      pango_layout_get_pixel_extents (plain_layout (t, font, "Ag"), NULL, &logical);
      slot->line_h = logical.height;
    }
  return slot->line_h;
}

/* Shows a layout with (x, y) at the point (xalign, yalign) of its logical
 * box (which starts inside the layout when it is centred in a set width). */
static void
show_layout (SscText      *t,
             PangoLayout  *layout,
             double        x,
             double        y,
             double        xalign,
             double        yalign,
             const double  rgba[4],
             double        alpha)
{
  PangoRectangle logical;

  pango_layout_get_pixel_extents (layout, NULL, &logical);
  cairo_move_to (t->cr, round (x - logical.width * xalign - logical.x),
                 round (y - logical.height * yalign - logical.y));
  ssc_set_source (t->cr, rgba, alpha);
  pango_cairo_show_layout (t->cr, layout);
  /* No current point left behind for the next arc to join. */
  cairo_new_path (t->cr);
}

void
ssc_text_draw (SscText       *t,
               const SscFont *font,
               const char    *str,
               double         x,
               double         y,
               double         xalign,
               double         yalign,
               const double   rgba[4],
               double         alpha)
{
  show_layout (t, plain_layout (t, font, str), x, y, xalign, yalign, rgba, alpha);
}

/* Lays out text in the shared layout; the next ssc_text_get_size(),
 * ssc_text_is_ellipsized() and ssc_text_show() calls use it. */
void
ssc_text_set (SscText       *t,
              const SscFont *font,
              const char    *str,
              double         max_width,
              SscFit         fit,
              SscAlign       align)
{
  PangoLayout *layout = t->layout;

  pango_layout_set_font_description (layout, t->fonts[font_slot (t, font)].desc);
  if (fit == SSC_FIT_LINE || max_width <= 0)
    {
      pango_layout_set_width (layout, -1);
      pango_layout_set_height (layout, -1);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_NONE);
    }
  else
    {
      pango_layout_set_width (layout, (int)(max_width * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_height (layout, fit == SSC_FIT_WRAP2 ? -2 : fit == SSC_FIT_WRAP3 ? -3 : -1);
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  pango_layout_set_alignment (layout, align == SSC_ALIGN_CENTER ? PANGO_ALIGN_CENTER
                                                                : PANGO_ALIGN_LEFT);
  pango_layout_set_text (layout, str, -1);
}

void
ssc_text_get_size (SscText *t,
                   double  *width,
                   double  *height)
{
  PangoRectangle logical;

  pango_layout_get_pixel_extents (t->layout, NULL, &logical);
  if (width != NULL)
    *width = logical.width;
  if (height != NULL)
    *height = logical.height;
}

gboolean
ssc_text_is_ellipsized (SscText *t)
{
  return pango_layout_is_ellipsized (t->layout);
}

/* Shows the text last given to ssc_text_set(). */
void
ssc_text_show (SscText      *t,
               double        x,
               double        y,
               double        xalign,
               double        yalign,
               const double  rgba[4],
               double        alpha)
{
  show_layout (t, t->layout, x, y, xalign, yalign, rgba, alpha);
}

/* Text on a patch of the background, readable over areas; out, if not
 * NULL, receives the patch. */
void
ssc_text_draw_on_patch (SscText       *t,
                        const SscFont *font,
                        const char    *str,
                        double         x,
                        double         y,
                        double         xalign,
                        double         yalign,
                        const double   fg[4],
                        const double   bg[4],
                        SscRect       *out)
{
  double w, h, px, py;

  ssc_text_set (t, font, str, -1, SSC_FIT_LINE, SSC_ALIGN_START);
  ssc_text_get_size (t, &w, &h);
  px = round (x - w * xalign);
  py = round (y - h * yalign);
  cairo_new_sub_path (t->cr);
  cairo_rectangle (t->cr, px - 3, py, w + 6, h);
  ssc_set_source (t->cr, bg, 0.85);
  cairo_fill (t->cr);
  cairo_move_to (t->cr, px, py);
  ssc_set_source (t->cr, fg, 1);
  pango_cairo_show_layout (t->cr, t->layout);
  cairo_new_path (t->cr);
  if (out != NULL)
    *out = (SscRect) { px - 3, py, w + 6, h };
}
