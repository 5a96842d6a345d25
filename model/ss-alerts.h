/* ss-alerts.h: what the alerts list says of an item or the portfolio
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "ss-engine.h"

G_BEGIN_DECLS

typedef enum
{
  SS_ALERT_KIND_NONE,                  /* nothing to report */
  SS_ALERT_KIND_ITEM,                  /* the portfolio's: an item at warning or
                                        * worse in the first or the last year */
  SS_ALERT_KIND_LEVEL,                 /* an alert level reached (model.md §6) */
  SS_ALERT_KIND_SUPPLY_RISK,           /* supply risk of 1 or more */
  SS_ALERT_KIND_OVER_CAPACITY,         /* a target above the source's capacity */
  SS_ALERT_KIND_TARGET_MISSED,         /* a target not reached by the last year */
  SS_ALERT_KIND_OVER_TARGET,           /* over a policy target (model.md §6) */
} SsAlertKind;

#define SS_TYPE_ALERT (ss_alert_get_type ())
G_DECLARE_FINAL_TYPE (SsAlert, ss_alert, SS, ALERT, GObject)

/* One alert. Years are indices from the base year; first is when the
 * alert is first reached, cleared when it clears for good (-1: it holds
 * to the end). */
SsAlertKind   ss_alert_get_kind        (SsAlert *self);
SsAlertLevel  ss_alert_get_level       (SsAlert *self);
SsAlertLevel  ss_alert_get_first_level (SsAlert *self);
int           ss_alert_get_first       (SsAlert *self);
int           ss_alert_get_cleared     (SsAlert *self);
int           ss_alert_get_item        (SsAlert *self);
int           ss_alert_get_country     (SsAlert *self);
double        ss_alert_get_target      (SsAlert *self);
double        ss_alert_get_value       (SsAlert *self);
int           ss_alert_get_target_year (SsAlert *self);

#define SS_TYPE_ALERT_LIST (ss_alert_list_get_type ())
G_DECLARE_FINAL_TYPE (SsAlertList, ss_alert_list, SS, ALERT_LIST, GObject)

SsAlertList  *ss_alert_list_new        (void);
void          ss_alert_list_update     (SsAlertList        *self,
                                        const SsStudy      *study,
                                        const SsProjection *projection,
                                        int                 scenario,
                                        int                 item);

const char   *ss_alert_level_get_label (SsAlertLevel        level);
void          ss_alert_span            (const gboolean     *at,
                                        guint               n_years,
                                        int                *first,
                                        int                *cleared);

G_END_DECLS
