/* ss-palette.h: colours of countries and alert levels
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gdk/gdk.h>

#include "ss-study.h"

G_BEGIN_DECLS

void ss_palette_country_color (guint         index,
                               gboolean      dark,
                               GdkRGBA      *out);
void ss_palette_alert_color   (SsAlertLevel  level,
                               gboolean      dark,
                               GdkRGBA      *out);

G_END_DECLS
