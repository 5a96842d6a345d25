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

/* The loader's two ways (ss-study-load.c), which ss_study_load_bytes()
 * takes in turn, here for the tests: the pass that reads a valid study
 * while it is parsed, NULL at its first problem of any kind, without a
 * message; and the whole tree, which describes every problem. */
SsStudy    *_ss_study_load_streaming  (GBytes           *bytes,
                                       const char       *display_name);
SsStudy    *_ss_study_load_whole      (GBytes           *bytes,
                                       const char       *display_name,
                                       GError          **error);

void        _ss_meta_copy             (SsMeta           *to,
                                       const SsMeta     *from);
void        _ss_meta_clear            (SsMeta           *meta);
gboolean    _ss_meta_equal            (const SsMeta     *a,
                                       const SsMeta     *b);

SsCountry  *_ss_country_copy          (const SsCountry  *from);
void        _ss_country_free          (SsCountry        *country);
gboolean    _ss_country_equal         (const SsCountry  *x,
                                       const SsCountry  *y);

SsItem     *_ss_item_copy             (const SsItem     *from,
                                       guint             n_countries);
void        _ss_item_free             (SsItem           *item);
gboolean    _ss_item_equal            (const SsItem     *x,
                                       const SsItem     *y,
                                       guint             n_countries);

SsScenario *_ss_scenario_copy         (const SsScenario *from,
                                       const char       *id,
                                       const char       *name,
                                       guint             n_items,
                                       guint             n_countries);
void        _ss_scenario_free         (SsScenario       *scenario,
                                       guint             n_items);
SsScenario *_ss_scenario_head_copy     (const SsScenario *from);
void        _ss_scenario_head_free     (SsScenario       *head);
gboolean    _ss_scenario_head_equal   (const SsScenario *x,
                                       const SsScenario *y);
gboolean    _ss_scenario_item_equal   (const SsScenario *x,
                                       const SsScenario *y,
                                       guint             item,
                                       guint             n_countries);
gboolean    _ss_scenario_equal        (const SsScenario *x,
                                       const SsScenario *y,
                                       guint             n_items,
                                       guint             n_countries);

void        _ss_study_drop_item_index (SsStudy          *self);
void        _ss_study_swap            (SsStudy          *a,
                                       SsStudy          *b);

G_END_DECLS
