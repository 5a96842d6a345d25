/* ss-field-values.c: the values a field edits — read, checked, written
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What each kind of element (SsElement) holds and how it changes: the
 * numbers come from the attribute tables of model/ss-attrs.c, the texts
 * from the table below; reading is from the document's study, writing is
 * through the document's operations, which apply the study's rules and
 * keep the undo steps. Adding an element is a case in each switch here.
 */

#define G_LOG_DOMAIN "supplyshift-field"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "ss-bidi.h"
#include "ss-field-private.h"
#include "ss-page-util.h"
#include "ss-typed.h"
#include "ss-xml-text.h"

/* --- Texts ------------------------------------------------------------- */

typedef enum
{
  TEXT_COUNTRY_CODE,
  TEXT_COUNTRY_NAME,
  TEXT_COUNTRY_GROUP,
  TEXT_ITEM_CODE,
  TEXT_ITEM_NAME,
  TEXT_ITEM_CATEGORY,
  TEXT_META_TITLE,
  TEXT_META_CURRENCY,
  TEXT_META_DESCRIPTION,
  TEXT_META_SOURCE,
  TEXT_SCENARIO_NAME,
  TEXT_SCENARIO_DESCRIPTION,
  N_TEXTS
} TextId;

typedef struct
{
  SsElement      element;
  const char    *name;                 /* in the file */
  const char    *title;
  const char    *meaning;              /* NULL: the widget says enough */
  const char    *label;                /* what a screen reader says, if not the label */
  GtkInputHints  hints;
  gboolean       notes;                /* several lines in a GtkTextView */
} TextSpec;

#define CODE_HINTS GTK_INPUT_HINT_NO_SPELLCHECK

static const TextSpec texts[N_TEXTS] = {
  [TEXT_COUNTRY_CODE] = { SS_ELEMENT_COUNTRY, "code", N_("Code"),
                          N_("Two capital letters, unique in the study"), NULL, CODE_HINTS },
  [TEXT_COUNTRY_NAME] = { SS_ELEMENT_COUNTRY, "name", N_("Name"),
                          N_("The name shown everywhere else"), NULL, CODE_HINTS },
  [TEXT_COUNTRY_GROUP] = { SS_ELEMENT_COUNTRY, "group", N_("Group"),
                           N_("Optional label such as ASEAN, for group concentration"), NULL,
                           CODE_HINTS },
  [TEXT_ITEM_CODE] = { SS_ELEMENT_ITEM, "code", N_("Code"), NULL, NULL, CODE_HINTS },
  [TEXT_ITEM_NAME] = { SS_ELEMENT_ITEM, "name", N_("Name") },
  [TEXT_ITEM_CATEGORY] = { SS_ELEMENT_ITEM, "category", N_("Category") },
  [TEXT_META_TITLE] = { SS_ELEMENT_META, "title", N_("Title"),
                        N_("Shown in the window title and in reports") },
  [TEXT_META_CURRENCY] = { SS_ELEMENT_META, "currency", N_("Currency"),
                           N_("Import values are millions of it, like USD"), NULL,
                           GTK_INPUT_HINT_NO_SPELLCHECK | GTK_INPUT_HINT_UPPERCASE_CHARS },
  [TEXT_META_DESCRIPTION] = { SS_ELEMENT_META, "description", N_("Description"),
                              N_("What the study covers and for whom"),
                              N_("Description of the study"), 0, TRUE },
  [TEXT_META_SOURCE] = { SS_ELEMENT_META, "source", N_("Source"),
                         N_("Where the figures come from, and which of them are assumptions"),
                         N_("Source of the figures"), 0, TRUE },
  [TEXT_SCENARIO_NAME] = { SS_ELEMENT_SCENARIO, "name", N_("Name") },
  [TEXT_SCENARIO_DESCRIPTION] = { SS_ELEMENT_SCENARIO, "description", N_("Description"),
                                  N_("What the scenario assumes and where its figures come "
                                     "from."),
                                  N_("Description of the scenario"), 0, TRUE },
};

static const SsAttrSpec *
attr_table (SsElement  element,
            guint     *n)
{
  switch (element)
    {
    case SS_ELEMENT_META:
      *n = SS_META_N_ATTRS;
      return ss_meta_attrs;
    case SS_ELEMENT_COUNTRY:
    case SS_ELEMENT_OVERRIDE:
      *n = SS_COUNTRY_N_ATTRS;
      return ss_country_attrs;
    case SS_ELEMENT_ITEM:
      *n = SS_ITEM_N_ATTRS;
      return ss_item_attrs;
    case SS_ELEMENT_SOURCE:
      *n = SS_SOURCE_N_ATTRS;
      return ss_source_attrs;
    case SS_ELEMENT_SHOCK:
      *n = SS_DISRUPTION_N;
      return ss_shock_attrs;
    case SS_ELEMENT_POLICY_TARGET:
      *n = SS_POLICY_TARGET_N_ATTRS;
      return ss_policy_target_attrs;
    case SS_ELEMENT_SCENARIO:
    default:
      *n = 0;
      return NULL;
    }
}

/* Finds what @name is in the key's element: an attribute or a text. */
gboolean
_ss_field_key_resolve (SsFieldKey *key,
                       const char *name)
{
  guint n;
  const SsAttrSpec *table = attr_table (key->element, &n);

  key->spec = NULL;
  for (guint a = 0; a < n; a++)
    if (g_strcmp0 (table[a].name, name) == 0)
      {
        key->spec = &table[a];
        key->index = a;
        return TRUE;
      }
  for (guint t = 0; t < N_TEXTS; t++)
    if (texts[t].element == key->element && g_strcmp0 (texts[t].name, name) == 0)
      {
        key->index = t;
        return TRUE;
      }
  return FALSE;
}

static const TextSpec *
text_of (const SsFieldKey *key)
{
  return key->spec == NULL ? &texts[key->index] : NULL;
}

/* --- The element ------------------------------------------------------- */

static const SsStudy *
study_of (const SsFieldKey *key)
{
  return key->document != NULL ? ss_document_get_study (key->document) : NULL;
}

static const SsCountry *
country_of (const SsFieldKey *key)
{
  const SsStudy *study = study_of (key);

  if (study == NULL || key->country < 0 || (guint)key->country >= ss_study_get_n_countries (study))
    return NULL;
  return ss_study_get_country (study, key->country);
}

static const SsItem *
item_of (const SsFieldKey *key)
{
  const SsStudy *study = study_of (key);

  if (study == NULL || key->item < 0 || (guint)key->item >= ss_study_get_n_items (study))
    return NULL;
  return ss_study_get_item (study, key->item);
}

static const SsScenario *
scenario_of (const SsFieldKey *key)
{
  const SsStudy *study = study_of (key);

  if (study == NULL || key->scenario < 0
      || (guint)key->scenario >= ss_study_get_n_scenarios (study))
    return NULL;
  return ss_study_get_scenario (study, key->scenario);
}

static const SsSource *
source_of (const SsFieldKey *key)
{
  const SsItem *item = item_of (key);

  return item != NULL && country_of (key) != NULL ? &item->sources[key->country] : NULL;
}

static const SsShock *
shock_of (const SsFieldKey *key)
{
  const SsScenario *scenario = scenario_of (key);

  if (scenario == NULL || key->entry < 0 || (guint)key->entry >= scenario->shocks->len)
    return NULL;
  return &g_array_index (scenario->shocks, SsShock, key->entry);
}

static const SsPolicyTarget *
policy_target_of (const SsFieldKey *key)
{
  const SsStudy *study = study_of (key);
  GArray *targets;

  if (study == NULL)
    return NULL;
  targets = ss_study_get_meta (study)->policy_targets;
  if (key->entry < 0 || (guint)key->entry >= targets->len)
    return NULL;
  return &g_array_index (targets, SsPolicyTarget, key->entry);
}

/* Whether the study has the element the key names. */
gboolean
_ss_field_key_exists (const SsFieldKey *key)
{
  if (study_of (key) == NULL)
    return FALSE;
  switch (key->element)
    {
    case SS_ELEMENT_META:
      return TRUE;
    case SS_ELEMENT_COUNTRY:
      return country_of (key) != NULL;
    case SS_ELEMENT_ITEM:
      return item_of (key) != NULL;
    case SS_ELEMENT_SOURCE:
      return source_of (key) != NULL;
    case SS_ELEMENT_OVERRIDE:
      return scenario_of (key) != NULL && country_of (key) != NULL;
    case SS_ELEMENT_SHOCK:
      return shock_of (key) != NULL;
    case SS_ELEMENT_POLICY_TARGET:
      return policy_target_of (key) != NULL;
    case SS_ELEMENT_SCENARIO:
    default:
      return scenario_of (key) != NULL;
    }
}

/* The study's number, or FALSE where the element gives none: an item's
 * or a source's optional figure left out, a country not overridden. */
static gboolean
study_number (const SsFieldKey *key,
              double           *value)
{
  const SsMeta *meta;
  const SsItem *item;
  const SsSource *source;
  const SsCountryOverride *ov;
  const SsShock *shock;
  const SsPolicyTarget *target;

  switch (key->element)
    {
    case SS_ELEMENT_META:
      meta = ss_study_get_meta (study_of (key));
      switch ((SsMetaAttr)key->index)
        {
        case SS_META_BASE_YEAR:
          *value = meta->base_year;
          break;
        case SS_META_HORIZON:
          *value = meta->horizon;
          break;
        case SS_META_DISCOUNT_RATE:
          *value = meta->discount_rate;
          break;
        case SS_META_WATCH:
        case SS_META_WARNING:
        case SS_META_CRITICAL:
        case SS_META_N_ATTRS:
        default:
          *value = meta->threshold[key->index - SS_META_WATCH];
          break;
        }
      return TRUE;
    case SS_ELEMENT_COUNTRY:
      *value = country_of (key)->attr[key->index];
      return TRUE;
    case SS_ELEMENT_ITEM:
      item = item_of (key);
      *value = item->attr[key->index];
      return key->spec->required || (item->set & (1u << key->index)) != 0;
    case SS_ELEMENT_SOURCE:
      /* A share is required, so `set` does not record it. */
      source = source_of (key);
      *value = source->attr[key->index];
      return source->listed
             && (key->index == SS_SOURCE_SHARE || (source->set & (1u << key->index)) != 0);
    case SS_ELEMENT_OVERRIDE:
      ov = ss_scenario_find_override (scenario_of (key), key->country);
      if (ov == NULL || !(ov->set & (1u << key->index)))
        return FALSE;
      *value = ov->attr[key->index];
      return TRUE;
    case SS_ELEMENT_SHOCK:
      shock = shock_of (key);
      *value = shock->value[key->index];
      return (shock->set & (1u << key->index)) != 0;
    case SS_ELEMENT_POLICY_TARGET:
      target = policy_target_of (key);
      *value = key->index == SS_POLICY_TARGET_YEAR ? target->year : target->share;
      return TRUE;
    case SS_ELEMENT_SCENARIO:
    default:
      g_return_val_if_reached (FALSE);
    }
}

/* The study's text; "" for no group. */
static const char *
study_string (const SsFieldKey *key)
{
  const SsMeta *meta = ss_study_get_meta (study_of (key));

  switch ((TextId)key->index)
    {
    case TEXT_COUNTRY_CODE:
      return country_of (key)->code;
    case TEXT_COUNTRY_NAME:
      return country_of (key)->name;
    case TEXT_COUNTRY_GROUP:
      return country_of (key)->group != NULL ? country_of (key)->group : "";
    case TEXT_ITEM_CODE:
      return item_of (key)->code;
    case TEXT_ITEM_NAME:
      return item_of (key)->name;
    case TEXT_ITEM_CATEGORY:
      return item_of (key)->category;
    case TEXT_META_TITLE:
      return meta->title;
    case TEXT_META_CURRENCY:
      return meta->currency;
    case TEXT_META_DESCRIPTION:
      return meta->description;
    case TEXT_META_SOURCE:
      return meta->source;
    case TEXT_SCENARIO_NAME:
      return scenario_of (key)->name;
    case TEXT_SCENARIO_DESCRIPTION:
      return scenario_of (key)->description;
    case N_TEXTS:
    default:
      g_return_val_if_reached ("");
    }
}

/* What the study says, as the field shows it. */
char *
_ss_field_key_text (const SsFieldKey *key)
{
  char buf[SS_NUMBER_BUF];
  double value;

  if (!_ss_field_key_exists (key))
    return g_strdup ("");
  if (key->spec == NULL)
    return g_strdup (study_string (key));
  if (!study_number (key, &value))
    return g_strdup ("");
  ss_typed_format (key->spec, buf, sizeof buf, value);
  return g_strdup (buf);
}

/* Empty means "not given": where the file may leave the value out. An
 * empty share is no share. */
gboolean
_ss_field_key_may_be_empty (const SsFieldKey *key)
{
  if (key->spec == NULL)
    return FALSE;
  if (key->element == SS_ELEMENT_ITEM)
    return !key->spec->required;
  /* A shock's value left out is one it does not set. */
  return key->element == SS_ELEMENT_SOURCE || key->element == SS_ELEMENT_SHOCK;
}

/* What an empty field stands for: the default, or for a source's cost
 * index, tariff and disruption the country's value. */
double
_ss_field_key_empty_value (const SsFieldKey *key)
{
  const SsCountry *country = country_of (key);

  if (key->element == SS_ELEMENT_SOURCE && key->index == SS_SOURCE_SHARE)
    return 0;
  if (key->element != SS_ELEMENT_SOURCE || !isnan (key->spec->fallback) || country == NULL)
    return key->spec->fallback;
  switch (key->index)
    {
    case SS_SOURCE_COST_INDEX:
      return country->attr[SS_COUNTRY_COST_INDEX];
    case SS_SOURCE_TARIFF:
      return country->attr[SS_COUNTRY_TARIFF];
    default:
      return country->attr[SS_COUNTRY_DISRUPTION (key->index - SS_SOURCE_DISRUPTION_PROBABILITY)];
    }
}

/* --- Words ------------------------------------------------------------- */

const char *
_ss_field_key_title (const SsFieldKey *key)
{
  return key->spec != NULL ? key->spec->title : text_of (key)->title;
}

const char *
_ss_field_key_meaning (const SsFieldKey *key)
{
  return key->spec != NULL ? key->spec->meaning : text_of (key)->meaning;
}

const char *
_ss_field_key_fixed_label (const SsFieldKey *key)
{
  return key->spec == NULL ? text_of (key)->label : NULL;
}

gboolean
_ss_field_key_is_notes (const SsFieldKey *key)
{
  return key->spec == NULL && text_of (key)->notes;
}

GtkInputHints
_ss_field_key_hints (const SsFieldKey *key)
{
  return key->spec == NULL ? text_of (key)->hints : GTK_INPUT_HINT_NONE;
}

/* The field as a refusal names it: "Tariff of Japan", "Share of Gallium
 * from China", "Horizon". Names are in bidi isolates (docs/decisions.md). */
char *
_ss_field_key_label (const SsFieldKey *key)
{
  const char *title = _(_ss_field_key_title (key));
  g_autofree char *of = NULL;
  g_autofree char *from = NULL;

  if (!_ss_field_key_exists (key))
    return g_strdup (title);
  switch (key->element)
    {
    case SS_ELEMENT_COUNTRY:
    case SS_ELEMENT_OVERRIDE:
      of = ss_bidi_isolate (country_of (key)->name);
      break;
    case SS_ELEMENT_ITEM:
      of = ss_bidi_isolate (item_of (key)->name);
      break;
    case SS_ELEMENT_SOURCE:
      of = ss_bidi_isolate (item_of (key)->name);
      from = ss_bidi_isolate (country_of (key)->name);
      /* Translators: "Share of Lithium hydroxide from China" */
      return g_strdup_printf (_("%s of %s from %s"), title, of, from);
    case SS_ELEMENT_SCENARIO:
      of = ss_bidi_isolate (scenario_of (key)->name);
      break;
    case SS_ELEMENT_SHOCK:
      of = ss_bidi_isolate (ss_study_get_country (study_of (key), shock_of (key)->country)->name);
      /* Translators: a shock's value, then the country it is on,
       * "Disruption days of the shock on China" */
      return g_strdup_printf (_("%s of the shock on %s"), title, of);
    case SS_ELEMENT_POLICY_TARGET:
      /* Translators: a policy target's value, then the target's year,
       * "Share of the 2027 policy target" */
      return g_strdup_printf (_("%s of the %d policy target"), title, policy_target_of (key)->year);
    case SS_ELEMENT_META:
    default:
      return g_strdup (title);
    }
  /* Translators: a field, then what it belongs to, "Tariff of Japan" */
  return g_strdup_printf (_("%s of %s"), title, of);
}

/* --- Checks ------------------------------------------------------------ */

static char *
check_number (const SsFieldKey *key,
              const char       *text,
              SsFieldValue     *value)
{
  g_autofree char *clean = ss_page_clean_line (text);
  g_autofree char *what = NULL;
  g_autofree char *range = NULL;
  g_autoptr(GError) error = NULL;

  if (*clean == '\0' && _ss_field_key_may_be_empty (key))
    {
      value->empty = TRUE;
      value->number = _ss_field_key_empty_value (key);
      return NULL;
    }
  what = _ss_field_key_label (key);
  if (ss_typed_parse (key->spec, what, clean, &value->number, &error))
    return NULL;

  if (error->code != SS_TYPED_ERROR_AMBIGUOUS && _ss_field_key_may_be_empty (key)
      && (key->spec->unit == SS_UNIT_NONE || key->spec->unit == SS_UNIT_MONEY))
    {
      range = ss_describe_range (key->spec);
      /* Translators: "Growth of Gallium must be a number in (-1, 1), or empty" */
      return g_strdup_printf (_("%s must be a number in %s, or empty"), what, range);
    }
  return g_strdup (error->message);
}

/* The checks the document makes again when it writes, made as the user
 * types, so a refusal shows before Enter. */
static char *
check_string (const SsFieldKey *key,
              const char       *text,
              SsFieldValue     *value)
{
  const SsStudy *study = study_of (key);
  g_autofree char *clean = _ss_field_key_is_notes (key) ? ss_page_clean_notes (text)
                                                        : ss_page_clean_line (text);
  g_autofree char *what = NULL;
  char *message;
  int other = -1;

  switch ((TextId)key->index)
    {
    case TEXT_COUNTRY_CODE:
      {
        g_autofree char *code = g_ascii_strup (clean, -1);

        if (!ss_is_country_code (code))
          return g_strdup (_("A country code is two letters, like CN"));
        other = ss_study_find_country (study, code);
        if (other >= 0 && other != key->country)
          {
            g_autofree char *name = ss_bidi_isolate (ss_study_get_country (study, other)->name);

            return g_strdup_printf (_("%s is already the code of %s"), code, name);
          }
        value->string = g_steal_pointer (&code);
        return NULL;
      }
    case TEXT_COUNTRY_NAME:
      if (*clean == '\0')
        return g_strdup_printf (_("The name of %s cannot be empty"), country_of (key)->code);
      what = g_strdup_printf (_("The name of %s"), country_of (key)->code);
      break;
    case TEXT_COUNTRY_GROUP:
      if (*clean == '\0')
        return NULL;
      if (!ss_is_group_label (clean))
        return g_strdup (_("A group is up to 32 letters, digits, “-” or “_”, or empty for none"));
      value->string = g_steal_pointer (&clean);
      return NULL;
    case TEXT_ITEM_CODE:
      if (!ss_is_item_code (clean))
        return g_strdup (_("An item code is 1 to 32 letters, digits, “.”, “_” or “-”"));
      other = ss_study_find_item (study, clean);
      if (other >= 0 && other != key->item)
        {
          g_autofree char *name = ss_bidi_isolate (ss_study_get_item (study, other)->name);

          return g_strdup_printf (_("%s is already the code of %s"), clean, name);
        }
      value->string = g_steal_pointer (&clean);
      return NULL;
    case TEXT_ITEM_NAME:
    case TEXT_SCENARIO_NAME:
      if (*clean == '\0')
        return g_strdup (key->index == TEXT_ITEM_NAME ? _("The name cannot be empty")
                                                      : _("A scenario’s name cannot be empty"));
      what = g_strdup (_("The name"));
      break;
    case TEXT_META_TITLE:
    case TEXT_META_CURRENCY:
      if (*clean == '\0')
        return g_strdup (key->index == TEXT_META_TITLE
                         ? _("The title cannot be empty")
                         : _("The currency cannot be empty; give its code, like USD"));
      what = g_strdup (_(text_of (key)->title));
      break;
    case TEXT_ITEM_CATEGORY:
      what = g_strdup (_("The category"));
      break;
    case TEXT_SCENARIO_DESCRIPTION:
      what = g_strdup (_("The description"));
      break;
    case TEXT_META_DESCRIPTION:
    case TEXT_META_SOURCE:
    case N_TEXTS:
    default:
      what = g_strdup (_(text_of (key)->title));
      break;
    }
  if ((message = ss_xml_text_check (clean, what)) != NULL)
    return message;
  value->string = g_steal_pointer (&clean);
  return NULL;
}

/**
 * _ss_field_key_check:
 * @value: (out caller-allocates): filled when the text passes; free its
 *   string
 *
 * Returns: (nullable): why @text is refused, in the user's words
 */
char *
_ss_field_key_check (const SsFieldKey *key,
                     const char       *text,
                     SsFieldValue     *value)
{
  *value = (SsFieldValue) { 0 };
  if (!_ss_field_key_exists (key))
    return NULL;
  return key->spec != NULL ? check_number (key, text, value) : check_string (key, text, value);
}

/* --- Writing ----------------------------------------------------------- */

/* Whether the study already holds @value: then nothing is written, not
 * even an empty undo step (a left-out figure is NAN, never equal). */
static gboolean
holds_number (const SsFieldKey   *key,
              const SsFieldValue *value)
{
  double shown;
  gboolean given = study_number (key, &shown);

  if (value->empty)
    return !given;
  return given && shown == value->number;
}

static gboolean
write_meta (const SsFieldKey   *key,
            const SsFieldValue *value,
            GError            **error)
{
  SsDocument *document = key->document;
  double thresholds[3];

  switch ((SsMetaAttr)key->index)
    {
    case SS_META_BASE_YEAR:
      return ss_document_set_meta_base_year (document, value->number, error);
    case SS_META_HORIZON:
      return ss_document_set_meta_horizon (document, value->number, error);
    case SS_META_DISCOUNT_RATE:
      return ss_document_set_meta_discount_rate (document, value->number, error);
    case SS_META_WATCH:
    case SS_META_WARNING:
    case SS_META_CRITICAL:
    case SS_META_N_ATTRS:
    default:
      memcpy (thresholds, ss_study_get_meta (study_of (key))->threshold, sizeof thresholds);
      thresholds[key->index - SS_META_WATCH] = value->number;
      return ss_document_set_meta_thresholds (document, thresholds, error);
    }
}

static gboolean
write_number (const SsFieldKey   *key,
              const SsFieldValue *value,
              GError            **error)
{
  SsDocument *document = key->document;

  if (holds_number (key, value))
    return TRUE;
  switch (key->element)
    {
    case SS_ELEMENT_META:
      return write_meta (key, value, error);
    case SS_ELEMENT_COUNTRY:
      return ss_document_set_country_attr (document, key->country, key->index, value->number,
                                           error);
    case SS_ELEMENT_ITEM:
      if (value->empty)
        return ss_document_clear_item_attr (document, key->item, key->index, error);
      return ss_document_set_item_attr (document, key->item, key->index, value->number, error);
    case SS_ELEMENT_SOURCE:
      if (key->index == SS_SOURCE_SHARE)
        {
          /* A share alone: the others as they are, so the document
           * refuses it unless they still sum to 1. */
          guint nc = ss_study_get_n_countries (study_of (key));
          g_autofree double *shares = g_new (double, nc);

          for (guint c = 0; c < nc; c++)
            shares[c] = item_of (key)->sources[c].attr[SS_SOURCE_SHARE];
          shares[key->country] = value->number;
          return ss_document_set_shares (document, key->item, shares, nc, error);
        }
      if (value->empty)
        return ss_document_clear_source_attr (document, key->item, key->country, key->index,
                                              error);
      return ss_document_set_source_attr (document, key->item, key->country, key->index,
                                          value->number, error);
    case SS_ELEMENT_OVERRIDE:
      return ss_document_set_override (document, key->scenario, key->country, key->index,
                                       value->number, error);
    case SS_ELEMENT_SHOCK:
      if (value->empty)
        return ss_document_clear_shock_value (document, key->scenario, key->entry, key->index,
                                              error);
      return ss_document_set_shock_value (document, key->scenario, key->entry, key->index,
                                          value->number, error);
    case SS_ELEMENT_POLICY_TARGET:
      {
        /* One value of the pair: the other as it is. */
        const SsPolicyTarget *target = policy_target_of (key);

        if (key->index == SS_POLICY_TARGET_YEAR)
          return ss_document_set_policy_target (document, key->entry, value->number,
                                                target->share, error);
        return ss_document_set_policy_target (document, key->entry, target->year, value->number,
                                              error);
      }
    case SS_ELEMENT_SCENARIO:
    default:
      g_return_val_if_reached (FALSE);
    }
}

static gboolean
write_string (const SsFieldKey   *key,
              const SsFieldValue *value,
              GError            **error)
{
  SsDocument *document = key->document;
  const char *string = value->string;

  switch ((TextId)key->index)
    {
    case TEXT_COUNTRY_CODE:
      return ss_document_set_country_code (document, key->country, string, error);
    case TEXT_COUNTRY_NAME:
      return ss_document_set_country_name (document, key->country, string, error);
    case TEXT_COUNTRY_GROUP:
      return ss_document_set_country_group (document, key->country, string, error);
    case TEXT_ITEM_CODE:
      return ss_document_set_item_code (document, key->item, string, error);
    case TEXT_ITEM_NAME:
      return ss_document_set_item_name (document, key->item, string, error);
    case TEXT_ITEM_CATEGORY:
      return ss_document_set_item_category (document, key->item, string, error);
    case TEXT_META_TITLE:
      return ss_document_set_meta_title (document, string, error);
    case TEXT_META_CURRENCY:
      return ss_document_set_meta_currency (document, string, error);
    case TEXT_META_DESCRIPTION:
      return ss_document_set_meta_description (document, string, error);
    case TEXT_META_SOURCE:
      return ss_document_set_meta_source (document, string, error);
    case TEXT_SCENARIO_NAME:
      return ss_document_rename_scenario (document, key->scenario, string, error);
    case TEXT_SCENARIO_DESCRIPTION:
      return ss_document_set_scenario_description (document, key->scenario, string, error);
    case N_TEXTS:
    default:
      g_return_val_if_reached (FALSE);
    }
}

/* Writes a checked value through the document, which leaves no undo step
 * when the study already holds it. */
gboolean
_ss_field_key_write (const SsFieldKey   *key,
                     const SsFieldValue *value,
                     GError            **error)
{
  g_return_val_if_fail (_ss_field_key_exists (key), FALSE);

  if (key->spec != NULL)
    return write_number (key, value, error);
  return write_string (key, value, error);
}
