/* ss-study-patch.c: the parts of a study an edit changed, for undo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An undo step holds only what its edit changed, not the whole study:
 * the meta, the countries (all of them: at most 16), the items that
 * differ, and of each scenario its own fields and the stockpiles and
 * targets of the items that differ; a scenario added or removed is held
 * whole. So a step of a slider drag on one item's targets is that item's
 * targets, a few hundred bytes, at any size of study (issue 11 §5).
 *
 * The document keeps a copy of the study as the last step left it.
 * ss_study_patch_sync() compares the two part by part, moves the copy's
 * parts that differ into a patch and puts copies of the study's parts in
 * their place: the copy is the study again and the patch takes the study
 * back to what it was. ss_study_patch_swap() exchanges a patch's parts
 * with the study's, so the same patch, swapped again, goes forward: undo
 * and redo copy nothing. An edit that changes the number of countries or
 * items (which reshapes every item's sources or every scenario's
 * targets) is held as the whole study, as before.
 */

#define G_LOG_DOMAIN "supplyshift-study"

#include "config.h"

#include <string.h>

#include "ss-study-patch.h"
#include "ss-study-private.h"

/* Each block malloc hands out costs about this much besides its bytes. */
#define BLOCK 16

typedef struct
{
  guint   index;
  SsItem *item;
} ItemPart;

/* One item's stockpile and targets in a scenario. */
typedef struct
{
  guint   item;
  double  stockpile;
  double *targets;
} Entry;

typedef struct
{
  guint       index;
  SsScenario *head;                    /* its own fields, or NULL when they did not change */
  GArray     *entries;                 /* of Entry, or NULL */
} ScenarioPart;

struct _SsStudyPatch
{
  gsize      size;
  guint      n_items;                  /* what both sides have, but for `whole` */
  guint      n_countries;

  SsStudy   *whole;                    /* the study's contents, when its shape changed */
  SsMeta    *meta;                     /* NULL when it did not change */
  GPtrArray *countries;                /* of SsCountry, all; NULL when none changed */
  GArray    *items;                    /* of ItemPart */
  GArray    *scenarios;                /* of ScenarioPart, when their number stayed */

  /* When scenarios were added or removed: the study's scenarios
   * [run_at, run_at + run_len) are these, whole. */
  GPtrArray *run;
  guint      run_at;
  guint      run_len;
};

static gsize
text_size (const char *text)
{
  return text != NULL ? strlen (text) + 1 + BLOCK : 0;
}

static gsize
meta_size (const SsMeta *meta)
{
  return sizeof *meta + BLOCK + text_size (meta->title) + text_size (meta->description)
         + text_size (meta->currency) + text_size (meta->source)
         + meta->policy_targets->len * sizeof (SsPolicyTarget) + 2 * BLOCK;
}

static gsize
country_size (const SsCountry *country)
{
  return sizeof *country + BLOCK + text_size (country->code) + text_size (country->name)
         + text_size (country->group);
}

static gsize
item_size (const SsItem *item,
           guint         n_countries)
{
  return sizeof *item + BLOCK + text_size (item->code) + text_size (item->name)
         + text_size (item->category) + n_countries * sizeof (SsSource) + BLOCK;
}

static gsize
head_size (const SsScenario *head)
{
  gsize size = sizeof *head + BLOCK + text_size (head->id) + text_size (head->name)
               + text_size (head->description)
               + head->overrides->len * sizeof (SsCountryOverride) + 2 * BLOCK
               + head->shocks->len * sizeof (SsShock) + 2 * BLOCK;

  for (guint k = 0; k < head->shocks->len; k++)
    {
      const SsShock *shock = &g_array_index (head->shocks, SsShock, k);

      if (shock->items != NULL)
        size += shock->n_items * sizeof (guint) + BLOCK;
    }
  return size;
}

static gsize
targets_size (const double *targets,
              guint         n_countries)
{
  return targets != NULL ? n_countries * sizeof (double) + BLOCK : 0;
}

static gsize
scenario_size (const SsScenario *scenario,
               guint             n_items,
               guint             n_countries)
{
  gsize size = head_size (scenario) + n_items * (sizeof (double) + sizeof (double *)) + 2 * BLOCK;

  for (guint i = 0; i < n_items; i++)
    size += targets_size (scenario->targets[i], n_countries);
  return size;
}

/* About the bytes a study's parts take on the heap. */
gsize
ss_study_get_size (const SsStudy *study)
{
  guint nc = study->countries->len;
  guint ni = study->items->len;
  gsize size = sizeof *study + meta_size (&study->meta);

  for (guint c = 0; c < nc; c++)
    size += country_size (g_ptr_array_index (study->countries, c)) + sizeof (gpointer);
  for (guint i = 0; i < ni; i++)
    size += item_size (g_ptr_array_index (study->items, i), nc) + sizeof (gpointer);
  for (guint s = 0; s < study->scenarios->len; s++)
    size += scenario_size (g_ptr_array_index (study->scenarios, s), ni, nc) + sizeof (gpointer);
  return size;
}

static void
item_part_clear (ItemPart *part)
{
  g_clear_pointer (&part->item, _ss_item_free);
}

static void
entry_clear (Entry *entry)
{
  g_clear_pointer (&entry->targets, g_free);
}

static void
scenario_part_clear (ScenarioPart *part)
{
  g_clear_pointer (&part->head, _ss_scenario_head_free);
  g_clear_pointer (&part->entries, g_array_unref);
}

void
ss_study_patch_free (SsStudyPatch *patch)
{
  if (patch == NULL)
    return;
  g_clear_object (&patch->whole);
  if (patch->meta != NULL)
    {
      _ss_meta_clear (patch->meta);
      g_free (patch->meta);
    }
  g_clear_pointer (&patch->countries, g_ptr_array_unref);
  g_clear_pointer (&patch->items, g_array_unref);
  g_clear_pointer (&patch->scenarios, g_array_unref);
  if (patch->run != NULL)
    {
      for (guint k = 0; k < patch->run->len; k++)
        _ss_scenario_free (g_ptr_array_index (patch->run, k), patch->n_items);
      g_ptr_array_unref (patch->run);
    }
  g_free (patch);
}

/* What the patch holds, in about the bytes malloc gives it. */
static void
patch_measure (SsStudyPatch *patch)
{
  guint ni = patch->n_items;
  guint nc = patch->n_countries;
  gsize size = sizeof *patch + BLOCK;

  if (patch->whole != NULL)
    size += ss_study_get_size (patch->whole);
  if (patch->meta != NULL)
    size += meta_size (patch->meta);
  for (guint k = 0; patch->countries != NULL && k < patch->countries->len; k++)
    size += country_size (g_ptr_array_index (patch->countries, k)) + sizeof (gpointer);
  for (guint k = 0; patch->items != NULL && k < patch->items->len; k++)
    size += sizeof (ItemPart) + item_size (g_array_index (patch->items, ItemPart, k).item, nc);
  for (guint k = 0; patch->scenarios != NULL && k < patch->scenarios->len; k++)
    {
      const ScenarioPart *part = &g_array_index (patch->scenarios, ScenarioPart, k);

      size += sizeof *part;
      if (part->head != NULL)
        size += head_size (part->head);
      for (guint e = 0; part->entries != NULL && e < part->entries->len; e++)
        size += sizeof (Entry) + targets_size (g_array_index (part->entries, Entry, e).targets, nc);
    }
  for (guint k = 0; patch->run != NULL && k < patch->run->len; k++)
    size += scenario_size (g_ptr_array_index (patch->run, k), ni, nc) + sizeof (gpointer);
  patch->size = size;
}

/* About the bytes the patch holds. */
gsize
ss_study_patch_get_size (const SsStudyPatch *patch)
{
  return patch->size;
}

/* Whether the patch holds the whole study (its shape changed). */
gboolean
ss_study_patch_is_whole (const SsStudyPatch *patch)
{
  return patch->whole != NULL;
}

static gboolean
patch_is_empty (const SsStudyPatch *patch)
{
  return patch->whole == NULL && patch->meta == NULL && patch->countries == NULL
         && patch->items->len == 0 && patch->scenarios->len == 0 && patch->run == NULL;
}

/* Exchanges the scenario's own fields with those of head. */
static void
head_swap (SsScenario *scenario,
           SsScenario *head)
{
  SsScenario kept = *scenario;

  *scenario = *head;
  *head = kept;
  head->stockpile = scenario->stockpile;
  head->targets = scenario->targets;
  scenario->stockpile = kept.stockpile;
  scenario->targets = kept.targets;
}

static void
sync_scenario (SsStudyPatch     *patch,
               SsScenario       *copy,
               const SsScenario *scenario,
               guint             index)
{
  guint ni = patch->n_items;
  guint nc = patch->n_countries;
  ScenarioPart part = { index, NULL, NULL };

  if (!_ss_scenario_head_equal (copy, scenario))
    {
      part.head = _ss_scenario_head_copy (scenario);
      head_swap (copy, part.head);
    }
  for (guint i = 0; i < ni; i++)
    {
      Entry entry;

      if (_ss_scenario_item_equal (copy, scenario, i, nc))
        continue;
      if (part.entries == NULL)
        {
          part.entries = g_array_new (FALSE, FALSE, sizeof (Entry));
          g_array_set_clear_func (part.entries, (GDestroyNotify)entry_clear);
        }
      entry.item = i;
      entry.stockpile = copy->stockpile[i];
      entry.targets = copy->targets[i];
      copy->stockpile[i] = scenario->stockpile[i];
      copy->targets[i] = scenario->targets[i] != NULL
                         ? g_memdup2 (scenario->targets[i], MAX (nc, 1) * sizeof (double)) : NULL;
      g_array_append_val (part.entries, entry);
    }
  if (part.head != NULL || part.entries != NULL)
    g_array_append_val (patch->scenarios, part);
}

/* Scenarios added or removed: the run between the scenarios both have
 * at their start and at their end is held whole. */
static void
sync_scenario_run (SsStudyPatch  *patch,
                   SsStudy       *copy,
                   const SsStudy *study)
{
  guint ni = patch->n_items;
  guint nc = patch->n_countries;
  guint n_copy = copy->scenarios->len;
  guint n_study = study->scenarios->len;
  guint n = MIN (n_copy, n_study);
  guint head = 0, tail = 0;

  while (head < n && _ss_scenario_equal (g_ptr_array_index (copy->scenarios, head),
                                         g_ptr_array_index (study->scenarios, head), ni, nc))
    head++;
  while (head + tail < n
         && _ss_scenario_equal (g_ptr_array_index (copy->scenarios, n_copy - 1 - tail),
                                g_ptr_array_index (study->scenarios, n_study - 1 - tail), ni, nc))
    tail++;

  patch->run = g_ptr_array_new ();
  patch->run_at = head;
  patch->run_len = n_study - tail - head;
  for (guint k = head; k < n_copy - tail; k++)
    {
      SsScenario *scenario = g_ptr_array_index (copy->scenarios, k);

      g_ptr_array_add (patch->run, scenario);
    }
  g_ptr_array_remove_range (copy->scenarios, head, n_copy - tail - head);
  for (guint k = 0; k < patch->run_len; k++)
    {
      const SsScenario *from = g_ptr_array_index (study->scenarios, head + k);

      g_ptr_array_insert (copy->scenarios, head + k,
                          _ss_scenario_copy (from, from->id, from->name, ni, nc));
    }
}

/* Makes copy equal to study, changing only the parts that differ, and
 * returns those parts as copy held them: the patch that takes study back
 * to what copy was. NULL when the two were equal. */
SsStudyPatch *
ss_study_patch_sync (SsStudy       *copy,
                     const SsStudy *study)
{
  g_autoptr(SsStudyPatch) patch = g_new0 (SsStudyPatch, 1);
  guint nc = study->countries->len;
  guint ni = study->items->len;
  gboolean items_changed = FALSE;

  g_return_val_if_fail (SS_IS_STUDY (copy), NULL);
  g_return_val_if_fail (SS_IS_STUDY ((SsStudy *)study), NULL);

  patch->n_items = ni;
  patch->n_countries = nc;

  if (copy->countries->len != nc || copy->items->len != ni)
    {
      g_autoptr(SsStudy) fresh = ss_study_copy (study);

      patch->whole = ss_study_new ();
      _ss_study_swap (patch->whole, copy);
      _ss_study_swap (copy, fresh);
      patch_measure (patch);
      return g_steal_pointer (&patch);
    }

  if (!_ss_meta_equal (&copy->meta, &study->meta))
    {
      patch->meta = g_new (SsMeta, 1);
      *patch->meta = copy->meta;
      _ss_meta_copy (&copy->meta, &study->meta);
    }

  for (guint c = 0; c < nc && patch->countries == NULL; c++)
    if (!_ss_country_equal (g_ptr_array_index (copy->countries, c),
                            g_ptr_array_index (study->countries, c)))
      {
        patch->countries = copy->countries;
        copy->countries = g_ptr_array_new_with_free_func ((GDestroyNotify)_ss_country_free);
        for (guint k = 0; k < nc; k++)
          {
            g_ptr_array_add (copy->countries, _ss_country_copy (g_ptr_array_index (study->countries, k)));
          }
      }

  patch->items = g_array_new (FALSE, FALSE, sizeof (ItemPart));
  g_array_set_clear_func (patch->items, (GDestroyNotify)item_part_clear);
  for (guint i = 0; i < ni; i++)
    {
      const SsItem *item = g_ptr_array_index (study->items, i);
      ItemPart part;

      if (_ss_item_equal (g_ptr_array_index (copy->items, i), item, nc))
        continue;
      part.index = i;
      part.item = g_ptr_array_index (copy->items, i);
      g_ptr_array_index (copy->items, i) = _ss_item_copy (item, nc);
      g_array_append_val (patch->items, part);
      items_changed = TRUE;
    }
  if (items_changed)
    _ss_study_drop_item_index (copy);

  patch->scenarios = g_array_new (FALSE, FALSE, sizeof (ScenarioPart));
  g_array_set_clear_func (patch->scenarios, (GDestroyNotify)scenario_part_clear);
  if (copy->scenarios->len == study->scenarios->len)
    for (guint s = 0; s < study->scenarios->len; s++)
      sync_scenario (patch, g_ptr_array_index (copy->scenarios, s),
                     g_ptr_array_index (study->scenarios, s), s);
  else
    sync_scenario_run (patch, copy, study);

  if (patch_is_empty (patch))
    return NULL;
  patch_measure (patch);
  return g_steal_pointer (&patch);
}

/* Exchanges the patch's parts with study's: study becomes what the patch
 * was made from, and the patch takes it back to what it was. */
void
ss_study_patch_swap (SsStudyPatch *patch,
                     SsStudy      *study)
{
  g_return_if_fail (patch != NULL);
  g_return_if_fail (SS_IS_STUDY (study));

  if (patch->whole != NULL)
    {
      _ss_study_swap (study, patch->whole);
      return;
    }
  g_return_if_fail (study->items->len == patch->n_items);
  g_return_if_fail (study->countries->len == patch->n_countries);

  if (patch->meta != NULL)
    {
      SsMeta meta = study->meta;

      study->meta = *patch->meta;
      *patch->meta = meta;
    }
  if (patch->countries != NULL)
    {
      GPtrArray *countries = study->countries;

      study->countries = patch->countries;
      patch->countries = countries;
    }
  for (guint k = 0; k < patch->items->len; k++)
    {
      ItemPart *part = &g_array_index (patch->items, ItemPart, k);
      SsItem *item = g_ptr_array_index (study->items, part->index);

      g_ptr_array_index (study->items, part->index) = part->item;
      part->item = item;
    }
  if (patch->items->len > 0)
    _ss_study_drop_item_index (study);

  for (guint k = 0; k < patch->scenarios->len; k++)
    {
      ScenarioPart *part = &g_array_index (patch->scenarios, ScenarioPart, k);
      SsScenario *scenario = g_ptr_array_index (study->scenarios, part->index);

      if (part->head != NULL)
        head_swap (scenario, part->head);
      for (guint e = 0; part->entries != NULL && e < part->entries->len; e++)
        {
          Entry *entry = &g_array_index (part->entries, Entry, e);
          double stockpile = scenario->stockpile[entry->item];
          double *targets = scenario->targets[entry->item];

          scenario->stockpile[entry->item] = entry->stockpile;
          scenario->targets[entry->item] = entry->targets;
          entry->stockpile = stockpile;
          entry->targets = targets;
        }
    }

  if (patch->run != NULL)
    {
      GPtrArray *run = g_ptr_array_new ();

      for (guint k = 0; k < patch->run_len; k++)
        g_ptr_array_add (run, g_ptr_array_index (study->scenarios, patch->run_at + k));
      g_ptr_array_remove_range (study->scenarios, patch->run_at, patch->run_len);
      for (guint k = 0; k < patch->run->len; k++)
        g_ptr_array_insert (study->scenarios, patch->run_at + k, g_ptr_array_index (patch->run, k));
      patch->run_len = patch->run->len;
      g_ptr_array_unref (patch->run);
      patch->run = run;
    }
  patch_measure (patch);
}
