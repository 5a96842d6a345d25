/* ssc-tooltip.h: the lines of a chart's tooltip, as Pango markup
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "ss-study.h"

G_BEGIN_DECLS

char *ssc_tooltip_pair         (const char   *label,
                                const char   *value,
                                const char   *base_value);
void  ssc_tooltip_add_pair     (GString      *s,
                                const char   *label,
                                char         *value,
                                char         *base_value);
void  ssc_tooltip_add_country  (GString      *s,
                                guint         country,
                                const char   *line);
void  ssc_tooltip_add_mix      (GString      *s,
                                const SsStudy      *study,
                                const double *shares,
                                guint         n_countries);

G_END_DECLS
