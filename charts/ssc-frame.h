/* ssc-frame.h: a chart's title block and its messages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ssc-chart-private.h"

G_BEGIN_DECLS

#define SSC_MARGIN           16.0
#define SSC_LEGEND_MIN_WIDTH 640.0     /* narrower charts put the legend at the bottom */

typedef enum
{
  SSC_SUBTITLE_SCENARIO = 1 << 0,
  SSC_SUBTITLE_ITEM     = 1 << 1,      /* the item's name and code, or "All items" */
  SSC_SUBTITLE_YEARS    = 1 << 2,      /* first–last */
} SscSubtitle;

double  ssc_frame_header_height (SscCtx      *c);
void    ssc_frame_header        (SscCtx      *c,
                                 const char  *title,
                                 const char  *subtitle);
char   *ssc_frame_subtitle      (SscCtx      *c,
                                 SscSubtitle  parts);
void    ssc_frame_message       (SscCtx      *c,
                                 SscRect      box,
                                 const char  *text);
void    ssc_frame_too_small     (SscCtx      *c);

G_END_DECLS
