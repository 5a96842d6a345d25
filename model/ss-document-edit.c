/* ss-document-edit.c: every change of a study, as the document's operations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Views never write into a study: they ask the document, which checks the
 * change against the study's rules (the ranges of ss-attrs.c and what
 * file-format.md asks of a valid file), makes it, says what it touched
 * and which cached projections it makes stale, and keeps it as an undo
 * step. A refusal changes nothing and says why, in the user's words, as a
 * GError in SS_DOCUMENT_ERROR.
 *
 * Every operation has the same shape: check, return early if nothing
 * would change, open (or join) an edit, write, close with what it
 * touched and made stale. Checks come before the edit opens, so a refused
 * change leaves no step behind. Opening an edit copies the study aside
 * and leaves it where it is: a part looked up before is the one to write. This file holds the checks and the
 * operations on meta and policy targets; ss-document-data.c those on
 * countries, items and sources, ss-document-scenario.c those on
 * scenarios and their shocks.
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
#include "ss-xml-text.h"

/* file-format.md: shares and targets sum to 1 within 1e-6. */
#define SUM_TOLERANCE 1e-6

G_DEFINE_QUARK (ss-document-error-quark, ss_document_error)

/* --- Checks ------------------------------------------------------------ */

gboolean
_ss_edit_refuse (GError          **error,
                 SsDocumentError   code,
                 const char       *format,
                 ...)
{
  va_list args;

  va_start (args, format);
  g_propagate_error (error, g_error_new_valist (SS_DOCUMENT_ERROR, code, format, args));
  va_end (args);
  return FALSE;
}

/* A number for an attribute of the file, in its range. */
gboolean
_ss_edit_check_range (const SsAttrSpec  *spec,
             double             value,
             GError           **error)
{
  g_autofree char *range = NULL;
  char shown[SS_NUMBER_BUF];

  if (ss_attr_in_range (spec, value))
    return TRUE;
  range = ss_attr_describe_range (spec);
  ss_format_number (shown, sizeof shown, value);
  /* Translators: an attribute's name in the file, its range, then the value refused,
   * "disruption-probability must be in [0, 1], not 1.5" */
  return _ss_edit_refuse (error, SS_DOCUMENT_ERROR_INVALID,
                          _("%s must be in %s, not %s"), spec->name, range,
                 isfinite (value) ? shown : "?");
}

/* Text the file can hold; `what` names it in the message. */
gboolean
_ss_edit_check_text (const char  *text,
            const char  *what,
            GError     **error)
{
  g_autofree char *message = NULL;

  g_return_val_if_fail (text != NULL, FALSE);

  if ((message = ss_xml_text_check (text, what)) == NULL)
    return TRUE;
  return _ss_edit_refuse (error, SS_DOCUMENT_ERROR_INVALID, "%s", message);
}

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; *p; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;
  return TRUE;
}

/* A name on one line: not empty, text the file can hold. */
gboolean
_ss_edit_check_name (const char  *name,
            const char  *empty_message,
            GError     **error)
{
  g_return_val_if_fail (name != NULL, FALSE);

  if (is_blank (name))
    return _ss_edit_refuse (error, SS_DOCUMENT_ERROR_INVALID, "%s", empty_message);
  return _ss_edit_check_text (name, _("The name"), error);
}

gboolean
_ss_edit_check_shares (const double  *shares,
              guint          n,
              const char    *item_name,
              GError       **error)
{
  double sum = 0;

  for (guint c = 0; c < n; c++)
    {
      if (!_ss_edit_check_range (&ss_spec_target_share, shares[c], error))
        return FALSE;
      sum += shares[c];
    }
  if (fabs (sum - 1) > SUM_TOLERANCE)
    {
      g_autofree char *name = ss_bidi_isolate (item_name);

      /* Translators: an item, then the sum of its shares in percent */
      return _ss_edit_refuse (error, SS_DOCUMENT_ERROR_SHARES,
                     _("The shares of %s sum to %.4g\u00a0%%, not 100\u00a0%%"), name, 100 * sum);
    }
  return TRUE;
}

/* --- Opening and closing ----------------------------------------------- */

/* Opens an edit, or joins the one under way; the study to write. */
SsStudy *
_ss_edit_open (SsDocument *self,
               SsEdit     *edit)
{
  edit->document = self;
  edit->opened = _ss_document_open (self);
  return _ss_document_study (self);
}

/* Says what the change touched and what it made stale, and makes it an
 * undo step unless it joined an edit under way. */
void
_ss_edit_close (SsEdit   *edit,
                SsChange  change,
                int       scenario,
                SsStale   stale)
{
  _ss_document_touch (edit->document, change, scenario, stale);
  _ss_document_close (edit->document, edit->opened);
}

/* Closes an edit of one item's targets in a strategy, or of its baseline
 * shares: within a gesture the projections bring that item up to date
 * (ss_engine_update_item()); an edit of its own ends here, and is
 * computed in full. */
void
_ss_edit_close_item (SsEdit   *edit,
                     SsChange  change,
                     int       scenario,
                     guint     item)
{
  if (edit->opened)
    {
      _ss_edit_close (edit, change, scenario,
                      change & SS_CHANGE_BASELINE ? SS_STALE_ALL : SS_STALE_SCENARIO);
      return;
    }
  _ss_document_touch_item (edit->document, change, scenario, item);
}

/* Replaces a string field with a copy of `text`. */
void
_ss_edit_set_string (char       **field,
                     const char  *text)
{
  g_free (*field);
  *field = g_strdup (text);
}

/* A name, code or text that views show and no figure uses. */
gboolean
_ss_edit_set_label (SsDocument  *self,
                    char       **field,
                    const char  *text)
{
  SsEdit edit;

  if (g_strcmp0 (*field, text) == 0)
    return TRUE;
  _ss_edit_open (self, &edit);
  _ss_edit_set_string (field, text);
  _ss_edit_close (&edit, SS_CHANGE_STRUCTURE, -1, SS_STALE_NONE);
  return TRUE;
}

/* --- Meta -------------------------------------------------------------- */

gboolean
ss_document_set_meta_title (SsDocument  *self,
                            const char  *title,
                            GError     **error)
{
  g_return_val_if_fail (SS_IS_DOCUMENT (self), FALSE);

  if (!_ss_edit_check_name (title, _("The title cannot be empty"), error))
    return FALSE;
  return _ss_edit_set_label (self, &ss_study_get_meta (_ss_document_study (self))->title, title);
}

gboolean
ss_document_set_meta_description (SsDocument  *self,
                                  const char  *description,
                                  GError     **error)
{
  g_return_val_if_fail (SS_IS_DOCUMENT (self), FALSE);

  if (!_ss_edit_check_text (description, _("The description"), error))
    return FALSE;
  return _ss_edit_set_label (self, &ss_study_get_meta (_ss_document_study (self))->description,
                             description);
}

gboolean
ss_document_set_meta_source (SsDocument  *self,
                             const char  *source,
                             GError     **error)
{
  g_return_val_if_fail (SS_IS_DOCUMENT (self), FALSE);

  if (!_ss_edit_check_text (source, _("The source notes"), error))
    return FALSE;
  return _ss_edit_set_label (self, &ss_study_get_meta (_ss_document_study (self))->source, source);
}

gboolean
ss_document_set_meta_currency (SsDocument  *self,
                               const char  *currency,
                               GError     **error)
{
  g_return_val_if_fail (SS_IS_DOCUMENT (self), FALSE);

  if (!_ss_edit_check_name (currency, _("The currency cannot be empty; give its code, like USD"),
                            error))
    return FALSE;
  return _ss_edit_set_label (self, &ss_study_get_meta (_ss_document_study (self))->currency, currency);
}

/* A whole number of meta that every projection depends on. */
static gboolean
set_meta_int (SsDocument *self,
              int        *field,
              int         value)
{
  SsEdit edit;

  if (*field == value)
    return TRUE;
  _ss_edit_open (self, &edit);
  *field = value;
  _ss_edit_close (&edit, SS_CHANGE_STRUCTURE, -1, SS_STALE_ALL);
  return TRUE;
}

gboolean
ss_document_set_meta_base_year (SsDocument  *self,
                                int          base_year,
                                GError     **error)
{
  SsMeta *meta;

  g_return_val_if_fail (SS_IS_DOCUMENT (self), FALSE);

  meta = ss_study_get_meta (_ss_document_study (self));
  if (!_ss_edit_check_range (&ss_spec_base_year, base_year, error))
    return FALSE;
  /* A policy target is dated from the base year on (file-format.md): a
   * later base year would leave the study unsaveable. */
  if (meta->policy_targets->len > 0
      && base_year > g_array_index (meta->policy_targets, SsPolicyTarget, 0).year)
    return _ss_edit_refuse (error, SS_DOCUMENT_ERROR_INVALID,
                   _("The base year cannot be after the first policy target, which is for %d"),
                   g_array_index (meta->policy_targets, SsPolicyTarget, 0).year);
  return set_meta_int (self, &meta->base_year, base_year);
}

gboolean
ss_document_set_meta_horizon (SsDocument  *self,
                              int          horizon,
                              GError     **error)
{
  g_return_val_if_fail (SS_IS_DOCUMENT (self), FALSE);

  if (!_ss_edit_check_range (&ss_spec_horizon, horizon, error))
    return FALSE;
  return set_meta_int (self, &ss_study_get_meta (_ss_document_study (self))->horizon, horizon);
}

/* Only net present values use it: no list changes. */
gboolean
ss_document_set_meta_discount_rate (SsDocument  *self,
                                    double       rate,
                                    GError     **error)
{
  SsMeta *meta;
  SsEdit edit;

  g_return_val_if_fail (SS_IS_DOCUMENT (self), FALSE);

  if (!_ss_edit_check_range (&ss_spec_discount_rate, rate, error))
    return FALSE;
  meta = ss_study_get_meta (_ss_document_study (self));
  if (meta->discount_rate == rate)
    return TRUE;
  _ss_edit_open (self, &edit);
  meta->discount_rate = rate;
  _ss_edit_close (&edit, SS_CHANGE_BASELINE, -1, SS_STALE_ALL);
  return TRUE;
}

/* Watch, warning and critical together, since each bounds the others. */
gboolean
ss_document_set_meta_thresholds (SsDocument    *self,
                                 const double   thresholds[3],
                                 GError       **error)
{
  SsMeta *meta;
  SsEdit edit;

  g_return_val_if_fail (SS_IS_DOCUMENT (self), FALSE);

  for (guint k = 0; k < 3; k++)
    if (!_ss_edit_check_range (&ss_spec_threshold, thresholds[k], error))
      return FALSE;
  if (thresholds[0] > thresholds[1] || thresholds[1] > thresholds[2])
    return _ss_edit_refuse (error, SS_DOCUMENT_ERROR_INVALID,
                   _("The thresholds must keep 0\u00a0%% < watch ≤ warning ≤ critical ≤ 100\u00a0%%"));
  meta = ss_study_get_meta (_ss_document_study (self));
  if (memcmp (meta->threshold, thresholds, sizeof meta->threshold) == 0)
    return TRUE;
  _ss_edit_open (self, &edit);
  memcpy (meta->threshold, thresholds, sizeof meta->threshold);
  _ss_edit_close (&edit, SS_CHANGE_STRUCTURE, -1, SS_STALE_ALL);
  return TRUE;
}

gboolean
ss_document_set_meta_home (SsDocument  *self,
                           guint        country,
                           GError     **error)
{
  SsMeta *meta;
  SsEdit edit;

  g_return_val_if_fail (SS_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (country < ss_study_get_n_countries (_ss_document_study (self)), FALSE);

  meta = ss_study_get_meta (_ss_document_study (self));
  if (meta->home == country)
    return TRUE;
  _ss_edit_open (self, &edit);
  meta->home = country;
  _ss_edit_close (&edit, SS_CHANGE_STRUCTURE, -1, SS_STALE_ALL);
  return TRUE;
}

/* --- Policy targets ---------------------------------------------------- */

/* file-format.md: years from the base year on, each once, shares that do
 * not rise as years rise. `skip` is the target being replaced, or -1. */
static gboolean
check_policy_target (SsStudy  *study,
                     int       skip,
                     int       year,
                     double    share,
                     GError  **error)
{
  const SsMeta *meta = ss_study_get_meta (study);
  GArray *targets = meta->policy_targets;

  if (!_ss_edit_check_range (&ss_spec_policy_year, year, error)
      || !_ss_edit_check_range (&ss_spec_policy_share, share, error))
    return FALSE;
  if (year < meta->base_year)
    return _ss_edit_refuse (error, SS_DOCUMENT_ERROR_INVALID,
                   _("A policy target is for the base year (%d) or later, not %d"), meta->base_year, year);
  for (guint k = 0; k < targets->len; k++)
    {
      const SsPolicyTarget *other = &g_array_index (targets, SsPolicyTarget, k);

      if ((int)k == skip)
        continue;
      if (other->year == year)
        return _ss_edit_refuse (error, SS_DOCUMENT_ERROR_EXISTS,
                                _("There is already a policy target for %d"), year);
      if ((other->year < year && other->share < share)
          || (other->year > year && other->share > share))
        return _ss_edit_refuse (error, SS_DOCUMENT_ERROR_INVALID,
                       _("A policy target may not rise as years rise: %d has %.0f\u00a0%%, "
                         "%d would have %.0f\u00a0%%"),
                       MIN (other->year, year), 100 * (other->year < year ? other->share : share),
                       MAX (other->year, year), 100 * (other->year < year ? share : other->share));
    }
  return TRUE;
}

/* Returns the target's index, in order of year, or -1. */
int
ss_document_add_policy_target (SsDocument  *self,
                               int          year,
                               double       share,
                               GError     **error)
{
  SsStudy *study;
  GArray *targets;
  SsEdit edit;

  g_return_val_if_fail (SS_IS_DOCUMENT (self), -1);

  if (!check_policy_target (_ss_document_study (self), -1, year, share, error))
    return -1;
  study = _ss_edit_open (self, &edit);
  ss_study_add_policy_target (study, year, share);
  _ss_edit_close (&edit, SS_CHANGE_BASELINE, -1, SS_STALE_ALL);

  targets = ss_study_get_meta (study)->policy_targets;
  for (guint k = 0; k < targets->len; k++)
    if (g_array_index (targets, SsPolicyTarget, k).year == year)
      return k;
  g_return_val_if_reached (-1);
}

/* The targets stay in order of year, so a new year may move the target
 * to another index. */
gboolean
ss_document_set_policy_target (SsDocument  *self,
                               guint        index,
                               int          year,
                               double       share,
                               GError     **error)
{
  SsStudy *study;
  GArray *targets;
  SsPolicyTarget *target;
  SsEdit edit;

  g_return_val_if_fail (SS_IS_DOCUMENT (self), FALSE);
  targets = ss_study_get_meta (_ss_document_study (self))->policy_targets;
  g_return_val_if_fail (index < targets->len, FALSE);

  target = &g_array_index (targets, SsPolicyTarget, index);
  if (target->year == year && target->share == share)
    return TRUE;
  if (!check_policy_target (_ss_document_study (self), index, year, share, error))
    return FALSE;
  study = _ss_edit_open (self, &edit);
  g_array_remove_index (ss_study_get_meta (study)->policy_targets, index);
  ss_study_add_policy_target (study, year, share);
  _ss_edit_close (&edit, SS_CHANGE_BASELINE, -1, SS_STALE_ALL);
  return TRUE;
}

void
ss_document_remove_policy_target (SsDocument *self,
                                  guint       index)
{
  SsStudy *study;
  SsEdit edit;

  g_return_if_fail (SS_IS_DOCUMENT (self));
  g_return_if_fail (index < ss_study_get_meta (_ss_document_study (self))->policy_targets->len);

  study = _ss_edit_open (self, &edit);
  g_array_remove_index (ss_study_get_meta (study)->policy_targets, index);
  _ss_edit_close (&edit, SS_CHANGE_BASELINE, -1, SS_STALE_ALL);
}

