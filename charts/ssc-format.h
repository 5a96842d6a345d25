/* ssc-format.h: figures as the charts write them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "ssc-scale.h"

G_BEGIN_DECLS

typedef enum
{
  SSC_NUM_PLAIN,
  SSC_NUM_PERCENT,                     /* a fraction, shown as 0–100 % */
} SscNumStyle;

char *ssc_format_number     (double          v,
                             int             decimals);
char *ssc_format_percent    (double          fraction,
                             int             decimals);
char *ssc_format_share      (double          fraction);
char *ssc_format_value      (double          v);
char *ssc_format_tick       (SscNumStyle     style,
                             const SscTicks *t,
                             double          v);
char *ssc_format_unbreakable (char          *text);
char *ssc_format_money_unit (const char     *currency);
char *ssc_format_with_unit  (char           *value,
                             const char     *unit);

G_END_DECLS
