/* ss-palette-rgb.h: the palette without GDK, for code that runs with no display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The chart renderer draws exports from the command line before GTK is
 * initialised, so it cannot use GdkRGBA; these give the same colours as
 * ss_palette_country_color() and ss_palette_alert_color() as red, green
 * and blue in 0..1.
 */

#pragma once

#include <glib.h>

#include "ss-study.h"

G_BEGIN_DECLS

void ss_palette_country_rgb (guint         index,
                             double        out[3]);
void ss_palette_alert_rgb   (SsAlertLevel  level,
                             gboolean      dark,
                             double        out[3]);

G_END_DECLS
