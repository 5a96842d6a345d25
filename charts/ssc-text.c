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
 * On an SVG document's context (ssc-svg.c) the same layouts are written
 * as <text> elements instead, one line a <tspan>, anchored where the
 * glyphs would have been: their font, size and weight as the chart names
 * them, the text as Pango broke and ellipsized it.
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
#include "ssc-svg.h"
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
  SscSvg        *svg;                  /* NULL: shown with cairo */
  PangoContext  *pango;
  PangoLayout   *layout;               /* for texts in a width */
  const SscFont *layout_font;
  SscAlign       layout_align;
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
  t->svg = ssc_svg_from_context (cr);
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

/* Where the text of a line ends, less the spaces a break left there. */
static int
trim_end (const char *text,
          int         start,
          int         end)
{
  while (end > start)
    {
      const char *prev = g_utf8_find_prev_char (text + start, text + end);

      if (prev == NULL || !g_unichar_isspace (g_utf8_get_char (prev)))
        break;
      end = prev - text;
    }
  return end;
}

static int
compare_runs (gconstpointer a,
              gconstpointer b)
{
  const PangoGlyphItem *x = *(PangoGlyphItem * const *)a, *y = *(PangoGlyphItem * const *)b;

  return (x->item->offset > y->item->offset) - (x->item->offset < y->item->offset);
}

/* The text a line shows: its part of the layout's text, or where Pango
 * ellipsized it, its runs in logical order with the ellipsis for the
 * part left out. */
static void
line_text (PangoLayoutLine *line,
           const char      *text,
           GString         *out)
{
  g_autoptr(GPtrArray) runs = g_ptr_array_new ();
  gboolean ellipsized = FALSE;

  g_string_truncate (out, 0);
  for (GSList *l = line->runs; l != NULL; l = l->next)
    {
      PangoGlyphItem *run = l->data;

      g_ptr_array_add (runs, run);
      if (run->item->analysis.flags & PANGO_ANALYSIS_FLAG_IS_ELLIPSIS)
        ellipsized = TRUE;
    }
  if (!ellipsized)
    {
      int start = line->start_index;

      g_string_append_len (out, text + start,
                           trim_end (text, start, start + line->length) - start);
      return;
    }
  g_ptr_array_sort (runs, compare_runs);
  for (guint k = 0; k < runs->len; k++)
    {
      PangoItem *item = ((PangoGlyphItem *)g_ptr_array_index (runs, k))->item;

      if (item->analysis.flags & PANGO_ANALYSIS_FLAG_IS_ELLIPSIS)
        g_string_append (out, "\u2026");
      else
        g_string_append_len (out, text + item->offset, item->length);
    }
  while (out->len > 0 && g_ascii_isspace (out->str[out->len - 1]))
    g_string_truncate (out, out->len - 1);
}

/* The layout, its top left at (ox, oy), as a <text> of the document:
 * each line anchored at the left, middle or right of where its glyphs
 * are, on its baseline, so it shows where the PNG has it whatever the
 * viewer's own measure of the text. */
static void
write_layout (SscText       *t,
              PangoLayout   *layout,
              const SscFont *font,
              double         ox,
              double         oy,
              SscSvgAnchor   anchor,
              const double   rgba[4],
              double         alpha)
{
  typedef struct { double x, y; gsize start, len; } Line;
  const char *text = pango_layout_get_text (layout);
  g_autoptr(GArray) lines = g_array_new (FALSE, FALSE, sizeof (Line));
  g_autoptr(GString) all = g_string_new (NULL), one = g_string_new (NULL);
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  double color[4] = { rgba[0], rgba[1], rgba[2], rgba[3] * alpha };
  gboolean rtl = FALSE;

  do
    {
      PangoLayoutLine *line = pango_layout_iter_get_line_readonly (iter);
      int *ranges = NULL, n_ranges = 0, left = G_MAXINT, right = G_MININT;
      int start = line->start_index, end = start + line->length;
      Line l;

      if (lines->len == 0)
        rtl = line->resolved_dir == PANGO_DIRECTION_RTL;
      line_text (line, text, one);
      if (one->len == 0)
        continue;

      /* Where the glyphs of the line are, spaces at the end left out. */
      pango_layout_line_get_x_ranges (line, start, MAX (trim_end (text, start, end), start + 1),
                                      &ranges, &n_ranges);
      for (int k = 0; k < n_ranges; k++)
        {
          left = MIN (left, ranges[2 * k]);
          right = MAX (right, ranges[2 * k + 1]);
        }
      g_free (ranges);
      if (n_ranges == 0)
        continue;

      l.x = ox + (anchor == SSC_SVG_ANCHOR_LEFT ? left
                  : anchor == SSC_SVG_ANCHOR_RIGHT ? right : (left + right) / 2.0) / PANGO_SCALE;
      l.y = oy + (double)pango_layout_iter_get_baseline (iter) / PANGO_SCALE;
      l.start = all->len;
      l.len = one->len;
      g_string_append_len (all, one->str, one->len);
      g_array_append_val (lines, l);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);

  ssc_svg_text_begin (t->svg, font->family, font->size, font->weight, color, rtl, anchor,
                      lines->len);
  for (guint k = 0; k < lines->len; k++)
    {
      Line *l = &g_array_index (lines, Line, k);

      ssc_svg_text_line (t->svg, l->x, l->y, all->str + l->start, l->len);
    }
  ssc_svg_text_end (t->svg);
}

/* The anchor a text's alignment at its point asks for. */
static SscSvgAnchor
anchor_for (double xalign)
{
  if (xalign <= 0.25)
    return SSC_SVG_ANCHOR_LEFT;
  if (xalign >= 0.75)
    return SSC_SVG_ANCHOR_RIGHT;
  return SSC_SVG_ANCHOR_CENTER;
}

/* Shows a layout with its top left at (ox, oy). */
static void
show_at (SscText       *t,
         PangoLayout   *layout,
         const SscFont *font,
         double         ox,
         double         oy,
         SscSvgAnchor   anchor,
         const double   rgba[4],
         double         alpha)
{
  if (t->svg != NULL)
    {
      write_layout (t, layout, font, ox, oy, anchor, rgba, alpha);
      return;
    }
  cairo_move_to (t->cr, ox, oy);
  ssc_set_source (t->cr, rgba, alpha);
  pango_cairo_show_layout (t->cr, layout);
  /* No current point left behind for the next arc to join. */
  cairo_new_path (t->cr);
}

/* Shows a layout with (x, y) at the point (xalign, yalign) of its logical
 * box (which starts inside the layout when it is centred in a set width). */
static void
show_layout (SscText       *t,
             PangoLayout   *layout,
             const SscFont *font,
             double         x,
             double         y,
             double         xalign,
             double         yalign,
             SscSvgAnchor   anchor,
             const double   rgba[4],
             double         alpha)
{
  PangoRectangle logical;

  pango_layout_get_pixel_extents (layout, NULL, &logical);
  show_at (t, layout, font, round (x - logical.width * xalign - logical.x),
           round (y - logical.height * yalign - logical.y), anchor, rgba, alpha);
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
  show_layout (t, plain_layout (t, font, str), font, x, y, xalign, yalign, anchor_for (xalign),
               rgba, alpha);
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

  t->layout_font = font;
  t->layout_align = align;
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
  SscSvgAnchor anchor = SSC_SVG_ANCHOR_LEFT;

  /* Lines centred in the width stay centred when edited; a line set at a
   * point keeps that point. */
  if (t->layout_align == SSC_ALIGN_CENTER)
    anchor = SSC_SVG_ANCHOR_CENTER;
  else if (pango_layout_get_line_count (t->layout) == 1)
    anchor = anchor_for (xalign);
  show_layout (t, t->layout, t->layout_font, x, y, xalign, yalign, anchor, rgba, alpha);
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
  show_at (t, t->layout, font, px, py, anchor_for (xalign), fg, 1);
  if (out != NULL)
    *out = (SscRect) { px - 3, py, w + 6, h };
}
