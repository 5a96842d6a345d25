/* ssc-frame.c: a chart's title block and its messages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * As in published policy reports: a bold title at the top left with a
 * subtitle under it (scenario · item · years); the rest of the chart,
 * c->area, is what the header leaves inside the margins.
 */

#define G_LOG_DOMAIN "supplyshift-chart-frame"

#include "config.h"

#include <glib/gi18n.h>

#include "ssc-frame.h"

double
ssc_frame_header_height (SscCtx *c)
{
  return ssc_text_line_height (c->text, &ssc_font_title) + 2
         + ssc_text_line_height (c->text, &ssc_font_subtitle) + 14;
}

void
ssc_frame_header (SscCtx     *c,
                  const char *title,
                  const char *subtitle)
{
  double y = SSC_MARGIN - 2, h;

  ssc_text_set (c->text, &ssc_font_title, title, c->width - 2 * SSC_MARGIN,
                SSC_FIT_ELLIPSIZE, SSC_ALIGN_START);
  ssc_text_show (c->text, SSC_MARGIN, y, 0, 0, c->d->fg, 1);
  ssc_text_get_size (c->text, NULL, &h);
  y += h + 2;
  ssc_text_set (c->text, &ssc_font_subtitle, subtitle, c->width - 2 * SSC_MARGIN,
                SSC_FIT_ELLIPSIZE, SSC_ALIGN_START);
  ssc_text_show (c->text, SSC_MARGIN, y, 0, 0, c->d->fg, 0.7);
  c->area.y = SSC_MARGIN - 2 + ssc_frame_header_height (c);
  c->area.h = c->height - c->area.y - SSC_MARGIN - c->footer_h;
}

/* The parts asked for, joined by middle dots. */
char *
ssc_frame_subtitle (SscCtx      *c,
                    SscSubtitle  parts)
{
  GString *s = g_string_new (NULL);
  gboolean first = TRUE;

  if (parts & SSC_SUBTITLE_SCENARIO)
    {
      g_autofree char *scenario = ssc_text_isolate (ssc_scenario_name (c->study, c->scenario));

      g_string_append (s, scenario);
      first = FALSE;
    }
  if (parts & SSC_SUBTITLE_ITEM)
    {
      if (!first)
        g_string_append (s, " · ");
      if (c->item >= 0)
        {
          const SsItem *item = ss_study_get_item (c->study, c->item);
          g_autofree char *name = ssc_text_isolate (item->name);

          g_string_append_printf (s, "%s (%s)", name, item->code);
        }
      else
        /* Translators: the whole portfolio of items, in a chart's subtitle */
        g_string_append (s, _("All items"));
      first = FALSE;
    }
  if (parts & SSC_SUBTITLE_YEARS)
    g_string_append_printf (s, "%s%d–%d", first ? "" : " · ", c->meta->base_year,
                            c->meta->base_year + (int)c->ny - 1);
  return g_string_free (s, FALSE);
}

/* A message in the middle of box, in place of a chart. */
void
ssc_frame_message (SscCtx     *c,
                   SscRect     box,
                   const char *text)
{
  ssc_text_set (c->text, &ssc_font_label, text, box.w - 16, SSC_FIT_WRAP2, SSC_ALIGN_CENTER);
  ssc_text_show (c->text, box.x + box.w / 2, box.y + box.h / 2, 0.5, 0.5, c->d->fg, 0.65);
}

void
ssc_frame_too_small (SscCtx *c)
{
  ssc_frame_message (c, c->area, _("Too small to draw: make the chart larger"));
}
