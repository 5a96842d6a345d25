/* ssc-palette.h: colours of countries and alert levels, without GDK
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The chart library draws exports from the command line before GTK is
 * initialised, so the palette is kept here as plain numbers; the widgets'
 * ss-palette.h gives the same colours as GdkRGBA.
 */

#pragma once

#include <cairo.h>
#include <glib.h>

#include "ss-study.h"

G_BEGIN_DECLS

#define SSC_PALETTE_N_COUNTRY_COLORS 16
/* The lightest surface a colour is drawn on in the dark style: a card. */
#define SSC_PALETTE_DARK_SURFACE     0x363636
#define SSC_PALETTE_MIN_CONTRAST     3.0

guint32 ssc_palette_country     (guint         index);
guint32 ssc_palette_country_for (guint         index,
                                 gboolean      dark);
double  ssc_contrast_ratio      (guint32       a,
                                 guint32       b);
guint32 ssc_palette_alert       (SsAlertLevel  level,
                                 gboolean      dark);
void    ssc_palette_country_rgb (guint         index,
                                 gboolean      dark,
                                 double        out[3]);
void    ssc_palette_alert_rgb   (SsAlertLevel  level,
                                 gboolean      dark,
                                 double        out[3]);

/* For the chart files: colours as red, green, blue and alpha in 0..1. */
void    ssc_rgba_from_hex       (double        out[4],
                                 guint32       rgb,
                                 double        alpha);
void    ssc_set_source          (cairo_t      *cr,
                                 const double  rgba[4],
                                 double        alpha);
void    ssc_country_rgba        (guint         country,
                                 gboolean      dark,
                                 double        out[4]);
void    ssc_neutral_rgba        (gboolean      dark,
                                 double        out[4]);
double  ssc_luminance           (const double  rgb[3]);

G_END_DECLS
