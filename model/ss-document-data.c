/* ss-document-data.c: the document's operations on countries, items and sources
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The shape of an operation, and the checks they share, are in
 * ss-document-edit.c.
 */

#define G_LOG_DOMAIN "supplyshift-document"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "ss-attrs.h"
#include "ss-bidi.h"
#include "ss-document.h"
#include "ss-document-private.h"

/* --- Countries --------------------------------------------------------- */

static gboolean
check_country_code (SsStudy     *study,
                    int          self_index,
                    const char  *code,
                    GError     **error)
{
  int other;

  g_return_val_if_fail (code != NULL, FALSE);

  if (!ss_is_country_code (code))
    return _ss_edit_refuse (error, SS_DOCUMENT_ERROR_INVALID,
                            _("A country code is two capital letters, like VN"));
  other = ss_study_find_country (study, code);
  if (other >= 0 && other != self_index)
    {
      g_autofree char *name = ss_bidi_isolate (ss_study_get_country (study, other)->name);

      return _ss_edit_refuse (error, SS_DOCUMENT_ERROR_EXISTS,
                              _("%s is already the code of %s"), code, name);
    }
  return TRUE;
}

/* A new country has neutral values (cost index 1, governance 5, no
 * disruption risk) and no share of any item. */
int
ss_document_add_country (SsDocument  *self,
                         const char  *code,
                         const char  *name,
                         GError     **error)
{
  return ss_document_add_country_like (self, code, name, -1, error);
}

/**
 * ss_document_add_country_like:
 * @like: the country whose figures (governance, disruption, costs,
 *   tariff, logistics, ramp) the new one starts with, or -1 for the
 *   defaults (which are China's cost and no risk at all: a planner
 *   should not keep them)
 *
 * Adds a country at the end, supplying no share of any item yet.
 * Returns its index, or -1.
 */
int
ss_document_add_country_like (SsDocument  *self,
                              const char  *code,
                              const char  *name,
                              int          like,
                              GError     **error)
{
  SsStudy *study;
  guint index;
  SsEdit edit;

  g_return_val_if_fail (SS_IS_DOCUMENT (self), -1);

  study = _ss_document_study (self);
  g_return_val_if_fail (like < (int)ss_study_get_n_countries (study), -1);
  if (ss_study_get_n_countries (study) >= SS_MAX_COUNTRIES)
    {
      _ss_edit_refuse (error, SS_DOCUMENT_ERROR_FULL,
                       _("A study holds at most %d countries"), SS_MAX_COUNTRIES);
      return -1;
    }
  if (!check_country_code (study, -1, code, error)
      || !_ss_edit_check_name (name, _("The name cannot be empty"), error))
    return -1;

  study = _ss_edit_open (self, &edit);
  index = ss_study_add_country (study, code, name);
  if (like >= 0)
    {
      SsCountry *country = ss_study_get_country (study, index);

      memcpy (country->attr, ss_study_get_country (study, like)->attr, sizeof country->attr);
    }
  _ss_edit_close (&edit, SS_CHANGE_STRUCTURE, -1, SS_STALE_ALL);
  return index;
}

/* What keeps a country in the study; NULL when nothing does. Removing it
 * anyway would leave shares or targets that no longer sum to 1, or a
 * study without domestic supply. */
static char *
why_country_needed (SsStudy *study,
                    guint    c)
{
  const SsCountry *country = ss_study_get_country (study, c);
  g_autofree char *name = ss_bidi_isolate (country->name);
  guint ni = ss_study_get_n_items (study);
  int first = -1;
  guint count = 0;

  if (ss_study_get_meta (study)->home == c)
    return g_strdup_printf (_("%s is the study’s home country: its supply is domestic "
                              "production, which every study needs."), name);

  for (guint i = 0; i < ni; i++)
    if (ss_study_get_item (study, i)->sources[c].attr[SS_SOURCE_SHARE] > 0)
      {
        if (first < 0)
          first = i;
        count++;
      }
  if (count > 0)
    {
      const SsItem *item = ss_study_get_item (study, first);
      g_autofree char *item_name = ss_bidi_isolate (item->name);

      if (count == 1)
        return g_strdup_printf (_("%s still supplies %.1f %% of %s. Set its baseline share "
                                  "to 0 on the Items page first."),
                                name, 100 * item->sources[c].attr[SS_SOURCE_SHARE], item_name);
      return g_strdup_printf (ngettext ("%s still supplies %s and %u other item. Set its "
                                        "baseline shares to 0 on the Items page first.",
                                        "%s still supplies %s and %u other items. Set its "
                                        "baseline shares to 0 on the Items page first.", count - 1),
                              name, item_name, count - 1);
    }

  for (guint s = 0; s < ss_study_get_n_scenarios (study); s++)
    {
      const SsScenario *scenario = ss_study_get_scenario (study, s);

      for (guint i = 0; i < ni; i++)
        if (scenario->targets[i] != NULL && scenario->targets[i][c] > 0)
          {
            g_autofree char *scenario_name = ss_bidi_isolate (scenario->name);
            g_autofree char *item_name = ss_bidi_isolate (ss_study_get_item (study, i)->name);

            return g_strdup_printf (_("The scenario “%s” still targets %.1f %% of %s from %s. "
                                      "Set that target to 0 in the editor first."),
                                    scenario_name, 100 * scenario->targets[i][c], item_name, name);
          }
    }
  return NULL;
}

/* Refused while the country is home or has a share or target anywhere;
 * its overrides and shocks go with it. */
gboolean
ss_document_remove_country (SsDocument  *self,
                            guint        country,
                            GError     **error)
{
  g_autofree char *why = NULL;
  SsStudy *study;
  SsEdit edit;

  g_return_val_if_fail (SS_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (country < ss_study_get_n_countries (_ss_document_study (self)), FALSE);

  if ((why = why_country_needed (_ss_document_study (self), country)) != NULL)
    return _ss_edit_refuse (error, SS_DOCUMENT_ERROR_IN_USE, "%s", why);

  study = _ss_edit_open (self, &edit);
  ss_study_remove_country (study, country);
  _ss_edit_close (&edit, SS_CHANGE_STRUCTURE, -1, SS_STALE_ALL);
  return TRUE;
}

gboolean
ss_document_set_country_code (SsDocument  *self,
                              guint        country,
                              const char  *code,
                              GError     **error)
{
  SsStudy *study;

  g_return_val_if_fail (SS_IS_DOCUMENT (self), FALSE);
  study = _ss_document_study (self);
  g_return_val_if_fail (country < ss_study_get_n_countries (study), FALSE);

  if (!check_country_code (study, country, code, error))
    return FALSE;
  return _ss_edit_set_label (self, &ss_study_get_country (study, country)->code, code);
}

/* A country's or an item's name: on one line, not empty. */
static gboolean
set_name (SsDocument  *self,
          char       **field,
          const char  *name,
          GError     **error)
{
  if (!_ss_edit_check_name (name, _("The name cannot be empty"), error))
    return FALSE;
  return _ss_edit_set_label (self, field, name);
}

gboolean
ss_document_set_country_name (SsDocument  *self,
                              guint        country,
                              const char  *name,
                              GError     **error)
{
  SsStudy *study;

  g_return_val_if_fail (SS_IS_DOCUMENT (self), FALSE);
  study = _ss_document_study (self);
  g_return_val_if_fail (country < ss_study_get_n_countries (study), FALSE);

  return set_name (self, &ss_study_get_country (study, country)->name, name, error);
}

/* NULL or "" for no group. Groups have HHIs of their own: every
 * projection changes. */
gboolean
ss_document_set_country_group (SsDocument  *self,
                               guint        country,
                               const char  *group,
                               GError     **error)
{
  SsStudy *study;
  SsCountry *record;
  SsEdit edit;

  g_return_val_if_fail (SS_IS_DOCUMENT (self), FALSE);
  study = _ss_document_study (self);
  g_return_val_if_fail (country < ss_study_get_n_countries (study), FALSE);

  if (group != NULL && *group == '\0')
    group = NULL;
  if (group != NULL && !ss_is_group_label (group))
    return _ss_edit_refuse (error, SS_DOCUMENT_ERROR_INVALID,
                   _("A group is 1 to 32 letters, digits, “_” or “-”, like ASEAN"));
  record = ss_study_get_country (study, country);
  if (g_strcmp0 (record->group, group) == 0)
    return TRUE;
  study = _ss_edit_open (self, &edit);
  _ss_edit_set_string (&ss_study_get_country (study, country)->group, group);
  _ss_edit_close (&edit, SS_CHANGE_STRUCTURE, -1, SS_STALE_ALL);
  return TRUE;
}

gboolean
ss_document_set_country_attr (SsDocument     *self,
                              guint           country,
                              SsCountryAttr   attr,
                              double          value,
                              GError        **error)
{
  SsStudy *study;
  SsEdit edit;

  g_return_val_if_fail (SS_IS_DOCUMENT (self), FALSE);
  study = _ss_document_study (self);
  g_return_val_if_fail (country < ss_study_get_n_countries (study), FALSE);
  g_return_val_if_fail (attr < SS_COUNTRY_N_ATTRS, FALSE);

  if (!_ss_edit_check_range (&ss_country_attrs[attr], value, error))
    return FALSE;
  if (ss_study_get_country (study, country)->attr[attr] == value)
    return TRUE;
  study = _ss_edit_open (self, &edit);
  ss_study_get_country (study, country)->attr[attr] = value;
  _ss_edit_close (&edit, SS_CHANGE_BASELINE, -1, SS_STALE_ALL);
  return TRUE;
}

/* --- Items ------------------------------------------------------------- */

/* "New item", with a code of its own and ss_study_add_default_item()'s
 * values. Returns its index, or -1. */
int
ss_document_add_item (SsDocument  *self,
                      GError     **error)
{
  g_autofree char *code = NULL;
  SsStudy *study;
  guint index;
  SsEdit edit;

  g_return_val_if_fail (SS_IS_DOCUMENT (self), -1);

  study = _ss_document_study (self);
  if (ss_study_get_n_items (study) >= SS_MAX_ITEMS)
    {
      _ss_edit_refuse (error, SS_DOCUMENT_ERROR_FULL,
                       _("A study holds at most %d items"), SS_MAX_ITEMS);
      return -1;
    }
  if (ss_study_get_n_countries (study) == 0)
    {
      _ss_edit_refuse (error, SS_DOCUMENT_ERROR_INVALID,
                       _("An item needs a country to come from: add a country first"));
      return -1;
    }

  code = ss_study_unique_item_code (study, "new-item");
  study = _ss_edit_open (self, &edit);
  index = ss_study_add_default_item (study, code, _("New item"));
  _ss_edit_close (&edit, SS_CHANGE_STRUCTURE, -1, SS_STALE_ALL);
  return index;
}

/* Every scenario's targets, stockpile and shocks of it go with it. */
gboolean
ss_document_remove_item (SsDocument  *self,
                         guint        item,
                         GError     **error)
{
  SsStudy *study;
  SsEdit edit;

  g_return_val_if_fail (SS_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (item < ss_study_get_n_items (_ss_document_study (self)), FALSE);

  if (ss_study_get_n_items (_ss_document_study (self)) <= 1)
    return _ss_edit_refuse (error, SS_DOCUMENT_ERROR_IN_USE,
                   _("A study needs at least one item, so the last one cannot be removed."));
  study = _ss_edit_open (self, &edit);
  ss_study_remove_item (study, item);
  _ss_edit_close (&edit, SS_CHANGE_STRUCTURE, -1, SS_STALE_ALL);
  return TRUE;
}

gboolean
ss_document_set_item_code (SsDocument  *self,
                           guint        item,
                           const char  *code,
                           GError     **error)
{
  SsStudy *study;
  int other;
  SsEdit edit;

  g_return_val_if_fail (SS_IS_DOCUMENT (self), FALSE);
  study = _ss_document_study (self);
  g_return_val_if_fail (item < ss_study_get_n_items (study), FALSE);
  g_return_val_if_fail (code != NULL, FALSE);

  if (!ss_is_item_code (code))
    return _ss_edit_refuse (error, SS_DOCUMENT_ERROR_INVALID,
                   _("An item code is 1 to 32 letters, digits, “.”, “_” or “-”"));
  other = ss_study_find_item (study, code);
  if (other >= 0 && (guint)other != item)
    {
      g_autofree char *name = ss_bidi_isolate (ss_study_get_item (study, other)->name);

      return _ss_edit_refuse (error, SS_DOCUMENT_ERROR_EXISTS,
                              _("%s is already the code of %s"), code, name);
    }
  if (g_str_equal (ss_study_get_item (study, item)->code, code))
    return TRUE;
  study = _ss_edit_open (self, &edit);
  ss_study_set_item_code (study, item, code);
  _ss_edit_close (&edit, SS_CHANGE_STRUCTURE, -1, SS_STALE_NONE);
  return TRUE;
}

gboolean
ss_document_set_item_name (SsDocument  *self,
                           guint        item,
                           const char  *name,
                           GError     **error)
{
  SsStudy *study;

  g_return_val_if_fail (SS_IS_DOCUMENT (self), FALSE);
  study = _ss_document_study (self);
  g_return_val_if_fail (item < ss_study_get_n_items (study), FALSE);

  return set_name (self, &ss_study_get_item (study, item)->name, name, error);
}

/* "" for none. */
gboolean
ss_document_set_item_category (SsDocument  *self,
                               guint        item,
                               const char  *category,
                               GError     **error)
{
  SsStudy *study;

  g_return_val_if_fail (SS_IS_DOCUMENT (self), FALSE);
  study = _ss_document_study (self);
  g_return_val_if_fail (item < ss_study_get_n_items (study), FALSE);

  if (category == NULL)
    category = "";
  if (!_ss_edit_check_text (category, _("The category"), error))
    return FALSE;
  return _ss_edit_set_label (self, &ss_study_get_item (study, item)->category, category);
}

static gboolean
set_item_attr (SsDocument  *self,
               guint        item,
               SsItemAttr   attr,
               double       value,
               gboolean     given)
{
  SsStudy *study = _ss_document_study (self);
  SsItem *record = ss_study_get_item (study, item);
  guint32 set = given ? record->set | (1u << attr) : record->set & ~(1u << attr);
  SsEdit edit;

  if (record->attr[attr] == value && record->set == set)
    return TRUE;
  _ss_edit_open (self, &edit);
  record->attr[attr] = value;
  record->set = set;
  _ss_edit_close (&edit, SS_CHANGE_BASELINE, -1, SS_STALE_ALL);
  return TRUE;
}

/* The item gives the value in the file from now on. */
gboolean
ss_document_set_item_attr (SsDocument  *self,
                           guint        item,
                           SsItemAttr   attr,
                           double       value,
                           GError     **error)
{
  g_return_val_if_fail (SS_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (item < ss_study_get_n_items (_ss_document_study (self)), FALSE);
  g_return_val_if_fail (attr < SS_ITEM_N_ATTRS, FALSE);

  if (!_ss_edit_check_range (&ss_item_attrs[attr], value, error))
    return FALSE;
  return set_item_attr (self, item, attr, value, TRUE);
}

/* The item no longer gives an optional value: the default applies. */
gboolean
ss_document_clear_item_attr (SsDocument  *self,
                             guint        item,
                             SsItemAttr   attr,
                             GError     **error)
{
  g_return_val_if_fail (SS_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (item < ss_study_get_n_items (_ss_document_study (self)), FALSE);
  g_return_val_if_fail (attr < SS_ITEM_N_ATTRS, FALSE);

  if (ss_item_attrs[attr].required)
    return _ss_edit_refuse (error, SS_DOCUMENT_ERROR_INVALID,
                            _("Every item gives its %s"), ss_item_attrs[attr].name);
  return set_item_attr (self, item, attr, ss_item_attrs[attr].fallback, FALSE);
}

/* An item's baseline shares, one per study country, summing to 1. A
 * country given a share becomes a listed source; one taken to 0 stays
 * listed (a scenario may move supply back to it). */
gboolean
ss_document_set_shares (SsDocument    *self,
                        guint          item,
                        const double  *shares,
                        guint          n_shares,
                        GError       **error)
{
  SsStudy *study;
  SsItem *record;
  gboolean same = TRUE;
  SsEdit edit;

  g_return_val_if_fail (SS_IS_DOCUMENT (self), FALSE);
  study = _ss_document_study (self);
  g_return_val_if_fail (item < ss_study_get_n_items (study), FALSE);
  g_return_val_if_fail (n_shares == ss_study_get_n_countries (study), FALSE);

  record = ss_study_get_item (study, item);
  if (!_ss_edit_check_shares (shares, n_shares, record->name, error))
    return FALSE;
  for (guint c = 0; c < n_shares && same; c++)
    same = record->sources[c].attr[SS_SOURCE_SHARE] == shares[c]
           && (shares[c] == 0 || record->sources[c].listed);
  if (same)
    return TRUE;

  _ss_edit_open (self, &edit);
  for (guint c = 0; c < n_shares; c++)
    {
      record->sources[c].attr[SS_SOURCE_SHARE] = shares[c];
      if (shares[c] > 0)
        record->sources[c].listed = TRUE;
    }
  _ss_edit_close_item (&edit, SS_CHANGE_BASELINE, -1, item);
  return TRUE;
}

/* Listing a country makes it a source at share 0; taking it off is
 * refused while it has a share, and gives back the defaults of a country
 * the file does not name. */
gboolean
ss_document_set_source_listed (SsDocument  *self,
                               guint        item,
                               guint        country,
                               gboolean     listed,
                               GError     **error)
{
  SsStudy *study;
  SsItem *record;
  SsSource *source;
  SsEdit edit;

  g_return_val_if_fail (SS_IS_DOCUMENT (self), FALSE);
  study = _ss_document_study (self);
  g_return_val_if_fail (item < ss_study_get_n_items (study), FALSE);
  g_return_val_if_fail (country < ss_study_get_n_countries (study), FALSE);

  record = ss_study_get_item (study, item);
  source = &record->sources[country];
  if (!!listed == !!source->listed)
    return TRUE;
  if (!listed && source->attr[SS_SOURCE_SHARE] > 0)
    {
      g_autofree char *name = ss_bidi_isolate (ss_study_get_country (study, country)->name);
      g_autofree char *item_name = ss_bidi_isolate (record->name);

      return _ss_edit_refuse (error, SS_DOCUMENT_ERROR_IN_USE,
                     _("%s supplies %.1f %% of %s: set its share to 0 before taking it off the list."),
                     name, 100 * source->attr[SS_SOURCE_SHARE], item_name);
    }

  _ss_edit_open (self, &edit);
  if (!listed)
    for (guint a = 0; a < SS_SOURCE_N_ATTRS; a++)
      source->attr[a] = ss_source_attrs[a].fallback;
  source->attr[SS_SOURCE_SHARE] = listed ? source->attr[SS_SOURCE_SHARE] : 0;
  source->set = listed ? source->set : 0;
  source->listed = listed;
  _ss_edit_close (&edit, SS_CHANGE_BASELINE, -1, SS_STALE_ALL);
  return TRUE;
}

static gboolean
set_source_attr (SsDocument   *self,
                 guint         item,
                 guint         country,
                 SsSourceAttr  attr,
                 double        value,
                 gboolean      given)
{
  SsStudy *study = _ss_document_study (self);
  SsSource *source = &ss_study_get_item (study, item)->sources[country];
  guint16 set = given ? source->set | (1u << attr) : source->set & ~(1u << attr);
  gboolean listed = source->listed || given;
  SsEdit edit;

  if (source->attr[attr] == value && source->set == set && source->listed == listed)
    return TRUE;
  _ss_edit_open (self, &edit);
  source->attr[attr] = value;
  source->set = set;
  source->listed = listed;
  _ss_edit_close (&edit, SS_CHANGE_BASELINE, -1, SS_STALE_ALL);
  return TRUE;
}

/* A value of an (item, country) pair other than its share (which moves
 * only with the others: ss_document_set_shares()). Giving one makes the
 * country a listed source, at share 0 unless it had one: a scenario may
 * move supply there later. */
gboolean
ss_document_set_source_attr (SsDocument    *self,
                             guint          item,
                             guint          country,
                             SsSourceAttr   attr,
                             double         value,
                             GError       **error)
{
  SsStudy *study;

  g_return_val_if_fail (SS_IS_DOCUMENT (self), FALSE);
  study = _ss_document_study (self);
  g_return_val_if_fail (item < ss_study_get_n_items (study), FALSE);
  g_return_val_if_fail (country < ss_study_get_n_countries (study), FALSE);
  g_return_val_if_fail (attr > SS_SOURCE_SHARE && attr < SS_SOURCE_N_ATTRS, FALSE);

  if (!_ss_edit_check_range (&ss_source_attrs[attr], value, error))
    return FALSE;
  return set_source_attr (self, item, country, attr, value, TRUE);
}

/* The pair no longer gives the value: the country's own (or the default)
 * applies. The source stays listed. */
gboolean
ss_document_clear_source_attr (SsDocument    *self,
                               guint          item,
                               guint          country,
                               SsSourceAttr   attr,
                               GError       **error)
{
  SsStudy *study;

  g_return_val_if_fail (SS_IS_DOCUMENT (self), FALSE);
  study = _ss_document_study (self);
  g_return_val_if_fail (item < ss_study_get_n_items (study), FALSE);
  g_return_val_if_fail (country < ss_study_get_n_countries (study), FALSE);
  g_return_val_if_fail (attr > SS_SOURCE_SHARE && attr < SS_SOURCE_N_ATTRS, FALSE);

  return set_source_attr (self, item, country, attr, ss_source_attrs[attr].fallback, FALSE);
}

