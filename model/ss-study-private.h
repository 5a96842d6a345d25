/* ss-study-private.h: the study's structure, for the model's own files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ss-study.h"

G_BEGIN_DECLS

struct _SsStudy
{
  GObject    parent_instance;

  SsMeta     meta;
  GPtrArray *countries;                /* of SsCountry */
  GPtrArray *items;                    /* of SsItem */
  GPtrArray *scenarios;                /* of SsScenario */

  /* Item code → index + 1, built on the first look-up and dropped when
   * items move: the loader looks an item up for every target and
   * stockpile, up to 100 × 160 000 times. Keys are copies, so an item
   * code freed behind the study's back cannot leave a dangling key. */
  GHashTable *item_index;
};

G_END_DECLS
