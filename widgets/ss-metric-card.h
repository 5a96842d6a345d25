/* ss-metric-card.h: one figure with its title and how it changes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef enum
{
  SS_TREND_NEUTRAL,
  SS_TREND_GOOD,
  SS_TREND_BAD,
} SsTrend;

#define SS_TYPE_METRIC_CARD (ss_metric_card_get_type ())
G_DECLARE_FINAL_TYPE (SsMetricCard, ss_metric_card, SS, METRIC_CARD, GtkWidget)

GtkWidget  *ss_metric_card_new        (const char   *title);
void        ss_metric_card_set_value  (SsMetricCard *self,
                                       const char   *value,
                                       const char   *detail,
                                       SsTrend       trend);
void        ss_metric_card_set_figure (SsMetricCard *self,
                                       const char   *value,
                                       const char   *figure,
                                       const char   *detail,
                                       SsTrend       trend);
void        ss_metric_card_set_title  (SsMetricCard *self,
                                       const char   *title);
const char *ss_metric_card_get_value  (SsMetricCard *self);
const char *ss_metric_card_get_title  (SsMetricCard *self);
const char *ss_metric_card_get_detail (SsMetricCard *self);

G_END_DECLS
