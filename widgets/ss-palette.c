/* ss-palette.c: colours of countries and alert levels, as GdkRGBA
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The colours themselves, and why they are these, are in the chart
 * library's ssc-palette.c, which the exports use without GDK.
 */

#define G_LOG_DOMAIN "supplyshift-palette"

#include "config.h"

#include "ss-palette.h"
#include "ssc-palette.h"

/* Kept in single precision from the bytes, as before, so the GdkRGBA
 * values are exactly r / 255.f and compare equal to literals. */
static void
rgb_to_rgba (guint32  rgb,
             GdkRGBA *out)
{
  out->red = ((rgb >> 16) & 0xff) / 255.f;
  out->green = ((rgb >> 8) & 0xff) / 255.f;
  out->blue = (rgb & 0xff) / 255.f;
  out->alpha = 1.f;
}

/* @dark: the dark style, where a colour too dark to see is lightened */
void
ss_palette_country_color (guint     index,
                          gboolean  dark,
                          GdkRGBA  *out)
{
  g_return_if_fail (out != NULL);

  rgb_to_rgba (ssc_palette_country_for (index, dark), out);
}

void
ss_palette_alert_color (SsAlertLevel  level,
                        gboolean      dark,
                        GdkRGBA      *out)
{
  g_return_if_fail (out != NULL);

  rgb_to_rgba (ssc_palette_alert (level, dark), out);
}
