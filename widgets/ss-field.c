/* ss-field.c: one value of the study, edited as text in a widget
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A field names one value of the study — an element (SsElement), its
 * attribute or text by the name the file gives it ("disruption-days",
 * "code"), and which country, item or scenario — and watches the widget
 * that edits it: a GtkEntry, an AdwEntryRow or, for notes, a GtkTextView.
 * Every page of the study data window edits the study through fields, so
 * what a value means, how it is checked, shown and written is here once:
 *
 *  - its title, meaning, unit and range come from the attribute tables of
 *    model/ss-attrs.c, or for texts from the small table below;
 *  - the text is checked on every keystroke; a refusal is shown on the
 *    widget (the "error" style, its tooltip, the accessible invalid state)
 *    and in the field's "message", which the page shows under its group;
 *  - Enter, the apply button or leaving the widget writes the value
 *    through the document as one undoable edit; a refused value is never
 *    written; Escape puts the study's value back;
 *  - the field follows the document's "changed" signal and shows the
 *    study again, except while the user is typing in it.
 *
 * A page that writes several values at once (shares that must sum to 1,
 * thresholds that must stay in order) connects to "commit" and writes them
 * itself, reading what is typed with ss_field_get_typed_value().
 */

#define G_LOG_DOMAIN "supplyshift-field"

#include "config.h"

#include <math.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "ss-bidi.h"
#include "ss-field.h"
#include "ss-page-util.h"
#include "ss-xml-text.h"

G_DEFINE_ENUM_TYPE (SsElement, ss_element,
                    G_DEFINE_ENUM_VALUE (SS_ELEMENT_META, "meta"),
                    G_DEFINE_ENUM_VALUE (SS_ELEMENT_COUNTRY, "country"),
                    G_DEFINE_ENUM_VALUE (SS_ELEMENT_ITEM, "item"),
                    G_DEFINE_ENUM_VALUE (SS_ELEMENT_SOURCE, "source"),
                    G_DEFINE_ENUM_VALUE (SS_ELEMENT_OVERRIDE, "override"),
                    G_DEFINE_ENUM_VALUE (SS_ELEMENT_SCENARIO, "scenario"))

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
  const char    *label;                /* what a screen reader says, if not the title */
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

/* --- The object -------------------------------------------------------- */

struct _SsField
{
  GObject             parent_instance;

  /* What it edits */
  SsElement           element;
  char               *name;
  const SsAttrSpec   *spec;            /* NULL for a text */
  int                 attr;            /* the spec's index in its table */
  TextId              text;            /* when spec is NULL */
  int                 country;
  int                 item;
  int                 scenario;

  /* Borrowed */
  SsDocument         *document;        /* a reference, but watched */
  GtkWidget          *widget;          /* weak */
  GtkEventController *focus;
  GtkEventController *key;

  /* Owned */
  char               *message;         /* why the text is refused, or NULL */
  char               *refusal;         /* the page's refusal, see ss_field_set_refusal() */
  char               *shown_label;     /* the accessible label last set */

  gboolean            dirty;           /* typed in since the study was shown */
  gboolean            syncing;         /* setting the text, not typing */
  gboolean            show_hint;
};

enum
{
  PROP_0,
  PROP_DOCUMENT,
  PROP_ELEMENT,
  PROP_NAME,
  PROP_COUNTRY,
  PROP_ITEM,
  PROP_SCENARIO,
  PROP_WIDGET,
  PROP_SHOW_HINT,
  PROP_TITLE,
  PROP_MEANING,
  PROP_MESSAGE,
  PROP_DIRTY,
  N_PROPS
};

enum
{
  COMMIT,
  EDITED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (SsField, ss_field, G_TYPE_OBJECT)

static void sync_field (SsField  *self,
                        gboolean  force);

/* --- The element ------------------------------------------------------- */

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
    case SS_ELEMENT_SCENARIO:
    default:
      *n = 0;
      return NULL;
    }
}

/* Finds what @self->name is in its element: an attribute or a text. */
static void
resolve (SsField *self)
{
  guint n;
  const SsAttrSpec *table = attr_table (self->element, &n);

  self->spec = NULL;
  for (guint a = 0; a < n; a++)
    if (g_strcmp0 (table[a].name, self->name) == 0)
      {
        self->spec = &table[a];
        self->attr = a;
        return;
      }
  for (guint t = 0; t < N_TEXTS; t++)
    if (texts[t].element == self->element && g_strcmp0 (texts[t].name, self->name) == 0)
      {
        self->text = t;
        return;
      }
  if (self->name != NULL)
    g_critical ("A study has no %s “%s”", g_enum_to_string (SS_TYPE_ELEMENT, self->element),
                self->name);
}

static SsStudy *
study_of (SsField *self)
{
  return self->document != NULL ? ss_document_get_study (self->document) : NULL;
}

static SsCountry *
country_of (SsField *self)
{
  SsStudy *study = study_of (self);

  if (study == NULL || self->country < 0 || (guint)self->country >= ss_study_get_n_countries (study))
    return NULL;
  return ss_study_get_country (study, self->country);
}

static SsItem *
item_of (SsField *self)
{
  SsStudy *study = study_of (self);

  if (study == NULL || self->item < 0 || (guint)self->item >= ss_study_get_n_items (study))
    return NULL;
  return ss_study_get_item (study, self->item);
}

static SsScenario *
scenario_of (SsField *self)
{
  SsStudy *study = study_of (self);

  if (study == NULL || self->scenario < 0
      || (guint)self->scenario >= ss_study_get_n_scenarios (study))
    return NULL;
  return ss_study_get_scenario (study, self->scenario);
}

static SsSource *
source_of (SsField *self)
{
  SsItem *item = item_of (self);

  return item != NULL && country_of (self) != NULL ? &item->sources[self->country] : NULL;
}

/* Whether the element the field names is in the study. */
static gboolean
exists (SsField *self)
{
  if (self->name == NULL || study_of (self) == NULL)
    return FALSE;
  switch (self->element)
    {
    case SS_ELEMENT_META:
      return TRUE;
    case SS_ELEMENT_COUNTRY:
      return country_of (self) != NULL;
    case SS_ELEMENT_ITEM:
      return item_of (self) != NULL;
    case SS_ELEMENT_SOURCE:
      return source_of (self) != NULL;
    case SS_ELEMENT_OVERRIDE:
      return scenario_of (self) != NULL && country_of (self) != NULL;
    case SS_ELEMENT_SCENARIO:
    default:
      return scenario_of (self) != NULL;
    }
}

/* Whether a source gives a value for an attribute: its share when it is
 * listed (share is required, so `set` does not record it), an optional
 * attribute when `set` says so. */
static gboolean
source_gives (const SsSource *source,
              guint           attr)
{
  if (!source->listed)
    return FALSE;
  return attr == SS_SOURCE_SHARE || (source->set & (1u << attr)) != 0;
}

/* The study's number, or FALSE where the element gives none (an item's or
 * a source's optional figure left out). */
static gboolean
study_number (SsField *self,
              double  *value)
{
  SsMeta *meta;
  SsItem *item;
  SsSource *source;
  SsCountryOverride *ov;

  switch (self->element)
    {
    case SS_ELEMENT_META:
      meta = ss_study_get_meta (study_of (self));
      switch ((SsMetaAttr)self->attr)
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
          *value = meta->threshold[self->attr - SS_META_WATCH];
          break;
        case SS_META_N_ATTRS:
        default:
          g_return_val_if_reached (FALSE);
        }
      return TRUE;
    case SS_ELEMENT_COUNTRY:
      *value = country_of (self)->attr[self->attr];
      return TRUE;
    case SS_ELEMENT_ITEM:
      item = item_of (self);
      *value = item->attr[self->attr];
      return self->spec->required || (item->set & (1u << self->attr)) != 0;
    case SS_ELEMENT_SOURCE:
      source = source_of (self);
      *value = source->attr[self->attr];
      return source_gives (source, self->attr);
    case SS_ELEMENT_OVERRIDE:
      ov = ss_scenario_find_override (scenario_of (self), self->country);
      if (ov == NULL || !(ov->set & (1u << self->attr)))
        return FALSE;
      *value = ov->attr[self->attr];
      return TRUE;
    case SS_ELEMENT_SCENARIO:
    default:
      g_return_val_if_reached (FALSE);
    }
}

static const char *
study_string (SsField *self)
{
  SsMeta *meta = ss_study_get_meta (study_of (self));

  switch (self->text)
    {
    case TEXT_COUNTRY_CODE:
      return country_of (self)->code;
    case TEXT_COUNTRY_NAME:
      return country_of (self)->name;
    case TEXT_COUNTRY_GROUP:
      return country_of (self)->group != NULL ? country_of (self)->group : "";
    case TEXT_ITEM_CODE:
      return item_of (self)->code;
    case TEXT_ITEM_NAME:
      return item_of (self)->name;
    case TEXT_ITEM_CATEGORY:
      return item_of (self)->category;
    case TEXT_META_TITLE:
      return meta->title;
    case TEXT_META_CURRENCY:
      return meta->currency;
    case TEXT_META_DESCRIPTION:
      return meta->description;
    case TEXT_META_SOURCE:
      return meta->source;
    case TEXT_SCENARIO_NAME:
      return scenario_of (self)->name;
    case TEXT_SCENARIO_DESCRIPTION:
      return scenario_of (self)->description;
    case N_TEXTS:
    default:
      g_return_val_if_reached ("");
    }
}

/* What the study says, as the field shows it. */
static char *
study_text (SsField *self)
{
  char buf[SS_NUMBER_BUF];
  double value;

  if (!exists (self))
    return g_strdup ("");
  if (self->spec == NULL)
    return g_strdup (study_string (self));
  if (!study_number (self, &value))
    return g_strdup ("");
  ss_attr_format (self->spec, buf, sizeof buf, value);
  return g_strdup (buf);
}

/* Empty means "not given": where the file may leave the value out. An
 * empty share is no share. */
gboolean
ss_field_may_be_empty (SsField *self)
{
  g_return_val_if_fail (SS_IS_FIELD (self), FALSE);

  if (self->spec == NULL)
    return FALSE;
  if (self->element == SS_ELEMENT_ITEM)
    return !self->spec->required;
  return self->element == SS_ELEMENT_SOURCE;
}

/* What an empty field stands for: the default, or for a source's cost
 * index, tariff and disruption the country's value. */
static double
empty_value (SsField *self)
{
  SsCountry *country = country_of (self);

  if (self->element != SS_ELEMENT_SOURCE || !isnan (self->spec->fallback) || country == NULL)
    return self->spec->fallback;
  switch (self->attr)
    {
    case SS_SOURCE_COST_INDEX:
      return country->attr[SS_COUNTRY_COST_INDEX];
    case SS_SOURCE_TARIFF:
      return country->attr[SS_COUNTRY_TARIFF];
    default:
      return country->attr[SS_COUNTRY_DISRUPTION (self->attr - SS_SOURCE_DISRUPTION_PROBABILITY)];
    }
}

/* --- Words ------------------------------------------------------------- */

const SsAttrSpec *
ss_field_get_spec (SsField *self)
{
  g_return_val_if_fail (SS_IS_FIELD (self), NULL);
  return self->spec;
}

const char *
ss_field_get_title (SsField *self)
{
  g_return_val_if_fail (SS_IS_FIELD (self), NULL);

  if (self->name == NULL)
    return "";
  return _(self->spec != NULL ? self->spec->title : texts[self->text].title);
}

/* The meaning, with the study's currency where it speaks of money; NULL
 * when the widget says enough. */
char *
ss_field_dup_meaning (SsField *self)
{
  const char *meaning;

  g_return_val_if_fail (SS_IS_FIELD (self), NULL);

  if (self->name == NULL)
    return NULL;
  meaning = self->spec != NULL ? self->spec->meaning : texts[self->text].meaning;
  if (meaning == NULL)
    return NULL;
  /* The table's meaning of money is a format with the currency's %s. */
  if (self->spec != NULL && self->spec->unit == SS_UNIT_MONEY)
    {
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
      return g_strdup_printf (_(meaning), study_of (self) != NULL
                                          ? ss_study_get_meta (study_of (self))->currency : "");
#pragma GCC diagnostic pop
    }
  return g_strdup (_(meaning));
}

/* "[0, 1]", or for a percentage "(0, 100]"; "> 0" or "≥ 0" where the top
 * is only a guard against overflow (docs/decisions.md). */
char *
ss_describe_range (const SsAttrSpec *spec)
{
  SsAttrSpec shown = *spec;

  if (spec->unit == SS_UNIT_PERCENT)
    {
      shown.min *= 100;
      shown.max *= 100;
    }
  if (shown.max >= 1e6)
    {
      char min[SS_NUMBER_BUF];

      ss_format_number (min, sizeof min, shown.min);
      /* Translators: a range with no upper bound, "> 0" or "≥ 0" */
      return g_strdup_printf (shown.min_open ? _("> %s") : _("≥ %s"), min);
    }
  return ss_attr_describe_range (&shown);
}

char *
ss_field_dup_range (SsField *self)
{
  g_return_val_if_fail (SS_IS_FIELD (self), NULL);
  return self->spec != NULL ? ss_describe_range (self->spec) : NULL;
}

/* What the widget's tooltip says while the text is accepted. */
char *
ss_field_dup_hint (SsField *self)
{
  g_autofree char *meaning = NULL;
  g_autofree char *range = NULL;

  g_return_val_if_fail (SS_IS_FIELD (self), NULL);

  meaning = ss_field_dup_meaning (self);
  if (self->spec == NULL || meaning == NULL)
    return g_steal_pointer (&meaning);
  range = ss_describe_range (self->spec);
  switch (self->spec->unit)
    {
    case SS_UNIT_WHOLE:
      /* Translators: a field's meaning, then its range */
      return g_strdup_printf (_("%s; a whole number in %s"), meaning, range);
    case SS_UNIT_PERCENT:
      /* Translators: a field's meaning, then its range in percent */
      return g_strdup_printf (_("%s; a percentage in %s"), meaning, range);
    case SS_UNIT_NONE:
    case SS_UNIT_MONEY:
    default:
      /* Translators: a column's meaning, then its range */
      return g_strdup_printf (_("%s; in %s"), meaning, range);
    }
}

/* The field as a refusal names it: "Tariff of Japan", "Share of Gallium
 * from China", "Horizon". Names are in bidi isolates (docs/decisions.md). */
char *
ss_field_dup_label (SsField *self)
{
  const char *title;
  g_autofree char *of = NULL;
  g_autofree char *from = NULL;

  g_return_val_if_fail (SS_IS_FIELD (self), NULL);

  title = ss_field_get_title (self);
  if (!exists (self))
    return g_strdup (title);
  switch (self->element)
    {
    case SS_ELEMENT_COUNTRY:
    case SS_ELEMENT_OVERRIDE:
      of = ss_bidi_isolate (country_of (self)->name);
      break;
    case SS_ELEMENT_ITEM:
      of = ss_bidi_isolate (item_of (self)->name);
      break;
    case SS_ELEMENT_SOURCE:
      of = ss_bidi_isolate (item_of (self)->name);
      from = ss_bidi_isolate (country_of (self)->name);
      /* Translators: "Share of Lithium hydroxide from China" */
      return g_strdup_printf (_("%s of %s from %s"), title, of, from);
    case SS_ELEMENT_SCENARIO:
      of = ss_bidi_isolate (scenario_of (self)->name);
      break;
    case SS_ELEMENT_META:
    default:
      return g_strdup (title);
    }
  /* Translators: a field, then what it belongs to, "Tariff of Japan" */
  return g_strdup_printf (_("%s of %s"), title, of);
}

/* What a screen reader says for the widget. */
static char *
accessible_label (SsField *self)
{
  g_autofree char *label = NULL;

  if (self->spec == NULL && texts[self->text].label != NULL)
    return g_strdup (_(texts[self->text].label));
  label = ss_field_dup_label (self);
  if (self->spec != NULL && self->spec->unit == SS_UNIT_PERCENT)
    /* Translators: what a screen reader says for a percentage's entry, "Watch, in percent" */
    return g_strdup_printf (_("%s, in percent"), label);
  return g_steal_pointer (&label);
}

/* --- Checks ------------------------------------------------------------ */

static char *
check_number (SsField    *self,
              const char *text,
              double     *value,
              gboolean   *empty)
{
  g_autofree char *clean = ss_page_clean_line (text);
  g_autofree char *what = NULL;
  g_autofree char *range = NULL;
  GArray *targets;

  *empty = FALSE;
  if (*clean == '\0' && ss_field_may_be_empty (self))
    {
      *empty = TRUE;
      *value = self->element == SS_ELEMENT_SOURCE && self->attr == SS_SOURCE_SHARE
               ? 0 : self->spec->fallback;
      return NULL;
    }
  if (ss_attr_parse (self->spec, clean, value) && ss_attr_in_range (self->spec, *value))
    {
      targets = ss_study_get_meta (study_of (self))->policy_targets;

      /* A policy target is dated from the base year on (file-format.md):
       * a later base year would leave the study unsaveable. */
      if (self->element == SS_ELEMENT_META && self->attr == SS_META_BASE_YEAR
          && targets->len > 0 && *value > g_array_index (targets, SsPolicyTarget, 0).year)
        return g_strdup_printf (_("The base year cannot be after the first policy target, "
                                  "which is for %d"),
                                g_array_index (targets, SsPolicyTarget, 0).year);
      return NULL;
    }

  what = ss_field_dup_label (self);
  range = ss_describe_range (self->spec);
  switch (self->spec->unit)
    {
    case SS_UNIT_WHOLE:
      /* Translators: "Horizon must be a whole number in [1, 50]" */
      return g_strdup_printf (_("%s must be a whole number in %s"), what, range);
    case SS_UNIT_PERCENT:
      /* Translators: "Discount rate must be a percentage in [0, 100]" */
      return g_strdup_printf (_("%s must be a percentage in %s"), what, range);
    case SS_UNIT_NONE:
    case SS_UNIT_MONEY:
    default:
      if (ss_field_may_be_empty (self))
        /* Translators: "Growth of Gallium must be a number in (-1, 1), or empty" */
        return g_strdup_printf (_("%s must be a number in %s, or empty"), what, range);
      /* Translators: "Disruption probability of China must be a number in [0, 1]" */
      return g_strdup_printf (_("%s must be a number in %s"), what, range);
    }
}

/* Checks a text; on success fills *string (NULL for an empty group). */
static char *
check_string (SsField     *self,
              const char  *text,
              char       **string)
{
  SsStudy *study = study_of (self);
  g_autofree char *clean = texts[self->text].notes ? ss_page_clean_notes (text)
                                                   : ss_page_clean_line (text);
  const char *what = NULL;
  char *message;
  int other = -1;

  switch (self->text)
    {
    case TEXT_COUNTRY_CODE:
      {
        g_autofree char *code = g_ascii_strup (clean, -1);

        if (!ss_is_country_code (code))
          return g_strdup (_("A country code is two letters, like CN"));
        other = ss_study_find_country (study, code);
        if (other >= 0 && other != self->country)
          {
            g_autofree char *name = ss_bidi_isolate (ss_study_get_country (study, other)->name);

            return g_strdup_printf (_("%s is already the code of %s"), code, name);
          }
        *string = g_steal_pointer (&code);
        return NULL;
      }
    case TEXT_COUNTRY_NAME:
      {
        g_autofree char *label = g_strdup_printf (_("The name of %s"), country_of (self)->code);

        if (*clean == '\0')
          return g_strdup_printf (_("The name of %s cannot be empty"), country_of (self)->code);
        if ((message = ss_xml_text_check (clean, label)) != NULL)
          return message;
        *string = g_steal_pointer (&clean);
        return NULL;
      }
    case TEXT_COUNTRY_GROUP:
      if (*clean == '\0')
        {
          *string = NULL;
          return NULL;
        }
      if (!ss_is_group_label (clean))
        return g_strdup (_("A group is up to 32 letters, digits, “-” or “_”, or empty for none"));
      *string = g_steal_pointer (&clean);
      return NULL;
    case TEXT_ITEM_CODE:
      if (!ss_is_item_code (clean))
        return g_strdup (_("An item code is 1 to 32 letters, digits, “.”, “_” or “-”"));
      other = ss_study_find_item (study, clean);
      if (other >= 0 && other != self->item)
        {
          g_autofree char *name = ss_bidi_isolate (ss_study_get_item (study, other)->name);

          return g_strdup_printf (_("%s is already the code of %s"), clean, name);
        }
      *string = g_steal_pointer (&clean);
      return NULL;
    case TEXT_ITEM_NAME:
    case TEXT_SCENARIO_NAME:
      if (*clean == '\0')
        return g_strdup (self->text == TEXT_ITEM_NAME ? _("The name cannot be empty")
                                                      : _("A scenario’s name cannot be empty"));
      what = _("The name");
      break;
    case TEXT_META_TITLE:
      if (*clean == '\0')
        return g_strdup (_("The title cannot be empty"));
      what = _(texts[self->text].title);
      break;
    case TEXT_META_CURRENCY:
      if (*clean == '\0')
        return g_strdup (_("The currency cannot be empty; give its code, like USD"));
      what = _(texts[self->text].title);
      break;
    case TEXT_ITEM_CATEGORY:
      what = _("The category");
      break;
    case TEXT_SCENARIO_DESCRIPTION:
      what = _("The description");
      break;
    case TEXT_META_DESCRIPTION:
    case TEXT_META_SOURCE:
    case N_TEXTS:
    default:
      what = _(texts[self->text].title);
      break;
    }
  if ((message = ss_xml_text_check (clean, what)) != NULL)
    return message;
  *string = g_steal_pointer (&clean);
  return NULL;
}

/* --- Writing ----------------------------------------------------------- */

static gboolean
same_number (SsField  *self,
             double    value,
             gboolean  empty)
{
  double shown;
  gboolean given = study_number (self, &shown);

  if (self->element == SS_ELEMENT_SOURCE && !source_of (self)->listed && empty)
    return TRUE;
  return given == !empty && (empty || shown == value);
}

static void
apply_number (SsField  *self,
              double    value,
              gboolean  empty)
{
  SsStudy *study = study_of (self);
  SsMeta *meta = ss_study_get_meta (study);
  SsChange change = SS_CHANGE_BASELINE;
  int scenario = -1;
  SsItem *item;
  SsSource *source;
  SsCountryOverride *ov;

  ss_document_begin_edit (self->document);
  switch (self->element)
    {
    case SS_ELEMENT_META:
      change = SS_CHANGE_STRUCTURE;
      if (self->attr == SS_META_BASE_YEAR)
        meta->base_year = value;
      else if (self->attr == SS_META_HORIZON)
        meta->horizon = value;
      else if (self->attr == SS_META_DISCOUNT_RATE)
        {
          /* Only net present values use it. */
          meta->discount_rate = value;
          change = SS_CHANGE_BASELINE;
        }
      else
        meta->threshold[self->attr - SS_META_WATCH] = value;
      break;
    case SS_ELEMENT_COUNTRY:
      country_of (self)->attr[self->attr] = value;
      break;
    case SS_ELEMENT_ITEM:
      item = item_of (self);
      item->attr[self->attr] = value;
      if (empty)
        item->set &= ~(1u << self->attr);
      else
        item->set |= 1u << self->attr;
      break;
    case SS_ELEMENT_SOURCE:
      /* Giving a figure for a country makes it a listed source (at share 0
       * unless it had one): a scenario may move supply there later. Share
       * is required, so `set` records only the optional ones. */
      source = source_of (self);
      source->attr[self->attr] = value;
      if (self->attr != SS_SOURCE_SHARE && empty)
        source->set &= ~(1u << self->attr);
      else if (self->attr != SS_SOURCE_SHARE)
        source->set |= 1u << self->attr;
      if (!empty)
        source->listed = TRUE;
      break;
    case SS_ELEMENT_OVERRIDE:
      ov = ss_scenario_find_override (scenario_of (self), self->country);
      ov->attr[self->attr] = value;
      change = SS_CHANGE_SCENARIO;
      scenario = self->scenario;
      break;
    case SS_ELEMENT_SCENARIO:
    default:
      g_assert_not_reached ();
    }
  ss_document_changed (self->document, change, scenario);
  ss_document_end_edit (self->document);
}

static void
apply_string (SsField *self,
              char    *string)
{
  SsStudy *study = study_of (self);
  SsMeta *meta = ss_study_get_meta (study);
  SsChange change = SS_CHANGE_STRUCTURE;
  int scenario = -1;
  char **target = NULL;

  ss_document_begin_edit (self->document);
  switch (self->text)
    {
    case TEXT_COUNTRY_CODE:
      target = &country_of (self)->code;
      break;
    case TEXT_COUNTRY_NAME:
      target = &country_of (self)->name;
      break;
    case TEXT_COUNTRY_GROUP:
      target = &country_of (self)->group;
      break;
    case TEXT_ITEM_CODE:
      ss_study_set_item_code (study, self->item, string);
      break;
    case TEXT_ITEM_NAME:
      target = &item_of (self)->name;
      break;
    case TEXT_ITEM_CATEGORY:
      target = &item_of (self)->category;
      break;
    case TEXT_META_TITLE:
      target = &meta->title;
      break;
    case TEXT_META_CURRENCY:
      target = &meta->currency;
      break;
    case TEXT_META_DESCRIPTION:
      target = &meta->description;
      break;
    case TEXT_META_SOURCE:
      target = &meta->source;
      break;
    case TEXT_SCENARIO_NAME:
      target = &scenario_of (self)->name;
      break;
    case TEXT_SCENARIO_DESCRIPTION:
      target = &scenario_of (self)->description;
      change = SS_CHANGE_SCENARIO;
      scenario = self->scenario;
      break;
    case N_TEXTS:
    default:
      g_assert_not_reached ();
    }
  if (target != NULL)
    {
      g_free (*target);
      *target = g_strdup (string);
    }
  ss_document_changed (self->document, change, scenario);
  ss_document_end_edit (self->document);
}

/* The default handler of "commit": writes the typed value, or shows why
 * it cannot be. */
static gboolean
real_commit (SsField *self)
{
  g_autofree char *text = ss_page_get_text (self->widget);
  g_autofree char *string = NULL;
  gboolean empty;
  double value;
  char *message;

  if (self->spec != NULL)
    message = check_number (self, text, &value, &empty);
  else
    message = check_string (self, text, &string);
  if (message != NULL)
    {
      g_free (self->message);
      self->message = message;
      sync_field (self, FALSE);
      return TRUE;
    }

  /* An empty group is NULL in the study and "" on screen. */
  if (self->spec != NULL ? same_number (self, value, empty)
                         : g_str_equal (string != NULL ? string : "", study_string (self)))
    {
      ss_field_reset (self);
      return TRUE;
    }

  /* Not dirty before the document says it changed, or the field would
   * keep the text as typed ("cx") rather than show what the study holds. */
  self->dirty = FALSE;
  if (self->spec != NULL)
    apply_number (self, value, empty);
  else
    apply_string (self, string);
  ss_field_reset (self);
  return TRUE;
}

/* --- Showing ----------------------------------------------------------- */

static void
set_accessible_label (SsField    *self,
                      const char *label)
{
  if (g_strcmp0 (self->shown_label, label) == 0)
    return;
  g_free (self->shown_label);
  self->shown_label = g_strdup (label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->widget), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  label, -1);
}

/* Shows the field's state on its widget and says so. */
static void
show_state (SsField  *self,
            gboolean  was_dirty,
            char     *old_message)
{
  const char *message = self->message != NULL ? self->message : self->refusal;
  g_autofree char *hint = NULL;
  g_autofree char *label = NULL;
  g_autofree char *owned_old = old_message;

  if (self->widget == NULL)
    return;

  /* A text view shows its meaning around it: only a refusal goes on it. */
  if (self->show_hint && self->name != NULL && (self->spec != NULL || !texts[self->text].notes))
    hint = ss_field_dup_hint (self);
  ss_page_show_input_state (self->widget, message, hint);
  label = accessible_label (self);
  set_accessible_label (self, label);

  if (g_strcmp0 (owned_old, message) != 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MESSAGE]);
  if (was_dirty != self->dirty)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIRTY]);
}

static char *
take_shown_message (SsField *self)
{
  return g_strdup (self->message != NULL ? self->message : self->refusal);
}

/* Shows the study's value, unless the user is typing (or @force). */
static void
sync_field (SsField  *self,
      gboolean  force)
{
  gboolean was_dirty = self->dirty;
  char *old_message = take_shown_message (self);
  g_autofree char *text = NULL;

  if (self->widget == NULL)
    {
      g_free (old_message);
      return;
    }
  if (!self->dirty || force)
    {
      text = study_text (self);
      self->syncing = TRUE;
      ss_page_set_text (self->widget, text);
      self->syncing = FALSE;
      self->dirty = FALSE;
      g_clear_pointer (&self->message, g_free);
      g_clear_pointer (&self->refusal, g_free);
    }
  if (GTK_IS_ENTRY (self->widget) && self->spec != NULL)
    {
      g_autofree char *placeholder = NULL;
      char buf[SS_NUMBER_BUF];

      if (ss_field_may_be_empty (self) && exists (self))
        {
          ss_attr_format (self->spec, buf, sizeof buf, empty_value (self));
          placeholder = g_strdup (buf);
        }
      if (g_strcmp0 (gtk_entry_get_placeholder_text (GTK_ENTRY (self->widget)), placeholder) != 0)
        gtk_entry_set_placeholder_text (GTK_ENTRY (self->widget), placeholder);
    }
  show_state (self, was_dirty, old_message);
}

static void
on_document_changed (SsField *self,
                     guint    change,
                     int      scenario)
{
  /* A scenario's own edit shows only in that scenario's fields. */
  if (change == SS_CHANGE_SCENARIO
      && ((self->element != SS_ELEMENT_OVERRIDE && self->element != SS_ELEMENT_SCENARIO)
          || scenario != self->scenario))
    return;
  sync_field (self, FALSE);
}

/* --- Input ------------------------------------------------------------- */

static void
on_text_changed (SsField *self)
{
  gboolean was_dirty = self->dirty;
  char *old_message;
  g_autofree char *text = NULL;
  g_autofree char *string = NULL;
  gboolean empty;
  double value;

  if (self->syncing || !exists (self))
    return;

  old_message = take_shown_message (self);
  self->dirty = TRUE;
  text = ss_page_get_text (self->widget);
  g_free (self->message);
  self->message = self->spec != NULL ? check_number (self, text, &value, &empty)
                                     : check_string (self, text, &string);
  show_state (self, was_dirty, old_message);
  g_signal_emit (self, signals[EDITED], 0);
}

static void
on_activate (SsField *self)
{
  ss_field_commit (self);
}

static void
on_leave (SsField *self)
{
  ss_field_commit (self);
}

/* Escape puts the study's value back. */
static gboolean
on_key_pressed (SsField         *self,
                guint            keyval,
                guint            keycode,
                GdkModifierType  state)
{
  if (keyval != GDK_KEY_Escape || !self->dirty)
    return FALSE;
  ss_field_reset (self);
  g_signal_emit (self, signals[EDITED], 0);
  return TRUE;
}

static void
unwatch (SsField *self)
{
  GObject *emitter;

  if (self->widget == NULL)
    return;
  emitter = GTK_IS_TEXT_VIEW (self->widget)
            ? G_OBJECT (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->widget)))
            : G_OBJECT (self->widget);
  g_signal_handlers_disconnect_by_data (emitter, self);
  g_signal_handlers_disconnect_by_data (self->widget, self);
  gtk_widget_remove_controller (self->widget, self->focus);
  gtk_widget_remove_controller (self->widget, self->key);
  self->focus = NULL;
  self->key = NULL;
  g_object_remove_weak_pointer (G_OBJECT (self->widget), (gpointer *)&self->widget);
  self->widget = NULL;
}

/* Sets what an entry for the field's kind of value needs. */
static void
configure (SsField *self)
{
  GtkInputHints hints = self->spec == NULL ? texts[self->text].hints : GTK_INPUT_HINT_NONE;

  if (ADW_IS_ENTRY_ROW (self->widget))
    adw_entry_row_set_input_hints (ADW_ENTRY_ROW (self->widget), hints);
  else if (GTK_IS_ENTRY (self->widget) && self->spec == NULL)
    gtk_entry_set_input_hints (GTK_ENTRY (self->widget), hints);
  else if (GTK_IS_ENTRY (self->widget))
    {
      gtk_editable_set_alignment (GTK_EDITABLE (self->widget), 1);
      gtk_entry_set_input_purpose (GTK_ENTRY (self->widget),
                                   self->spec->unit == SS_UNIT_WHOLE ? GTK_INPUT_PURPOSE_DIGITS
                                                                     : GTK_INPUT_PURPOSE_NUMBER);
      gtk_widget_add_css_class (self->widget, "numeric");
    }
}

/**
 * ss_field_set_widget:
 * @widget: (nullable): a GtkEntry, an AdwEntryRow or a GtkTextView
 *
 * Makes @widget edit the field: it shows the study's value, is checked as
 * it is typed in and written on Enter or when it loses the focus. The
 * field sets the widget's alignment and input purpose for its kind of
 * value, its tooltip and its accessible label.
 */
void
ss_field_set_widget (SsField   *self,
                     GtkWidget *widget)
{
  g_return_if_fail (SS_IS_FIELD (self));
  g_return_if_fail (widget == NULL || GTK_IS_EDITABLE (widget) || GTK_IS_TEXT_VIEW (widget));

  if (self->widget == widget)
    return;
  unwatch (self);
  g_clear_pointer (&self->shown_label, g_free);
  if (widget != NULL)
    {
      self->widget = widget;
      g_object_add_weak_pointer (G_OBJECT (widget), (gpointer *)&self->widget);
      if (GTK_IS_TEXT_VIEW (widget))
        g_signal_connect_swapped (gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget)), "changed",
                                  G_CALLBACK (on_text_changed), self);
      else
        {
          g_signal_connect_swapped (widget, "changed", G_CALLBACK (on_text_changed), self);
          if (ADW_IS_ENTRY_ROW (widget))
            {
              g_signal_connect_swapped (widget, "entry-activated", G_CALLBACK (on_activate), self);
              g_signal_connect_swapped (widget, "apply", G_CALLBACK (on_activate), self);
            }
          else
            g_signal_connect_swapped (widget, "activate", G_CALLBACK (on_activate), self);
        }
      self->focus = gtk_event_controller_focus_new ();
      g_signal_connect_swapped (self->focus, "leave", G_CALLBACK (on_leave), self);
      gtk_widget_add_controller (widget, self->focus);
      self->key = gtk_event_controller_key_new ();
      g_signal_connect_swapped (self->key, "key-pressed", G_CALLBACK (on_key_pressed), self);
      gtk_widget_add_controller (widget, self->key);
      if (self->name != NULL)
        configure (self);
      sync_field (self, TRUE);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WIDGET]);
}

/* --- Public API -------------------------------------------------------- */

SsField *
ss_field_new (SsElement   element,
              const char *name)
{
  return g_object_new (SS_TYPE_FIELD, "element", element, "name", name, NULL);
}

SsDocument *
ss_field_get_document (SsField *self)
{
  g_return_val_if_fail (SS_IS_FIELD (self), NULL);
  return self->document;
}

void
ss_field_set_document (SsField    *self,
                       SsDocument *document)
{
  g_return_if_fail (SS_IS_FIELD (self));
  g_return_if_fail (document == NULL || SS_IS_DOCUMENT (document));

  if (self->document == document)
    return;
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_set_object (&self->document, document);
  if (document != NULL)
    g_signal_connect_object (document, "changed", G_CALLBACK (on_document_changed), self,
                             G_CONNECT_SWAPPED);
  sync_field (self, TRUE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

SsElement
ss_field_get_element (SsField *self)
{
  g_return_val_if_fail (SS_IS_FIELD (self), SS_ELEMENT_META);
  return self->element;
}

const char *
ss_field_get_name (SsField *self)
{
  g_return_val_if_fail (SS_IS_FIELD (self), NULL);
  return self->name;
}

/* Another country, item or scenario: what was typed for the last is moot. */
static void
set_index (SsField *self,
           int     *index,
           int      value,
           guint    prop)
{
  if (*index == value)
    return;
  *index = value;
  sync_field (self, TRUE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

int
ss_field_get_country (SsField *self)
{
  g_return_val_if_fail (SS_IS_FIELD (self), -1);
  return self->country;
}

void
ss_field_set_country (SsField *self,
                      int      country)
{
  g_return_if_fail (SS_IS_FIELD (self));
  set_index (self, &self->country, country, PROP_COUNTRY);
}

int
ss_field_get_item (SsField *self)
{
  g_return_val_if_fail (SS_IS_FIELD (self), -1);
  return self->item;
}

void
ss_field_set_item (SsField *self,
                   int      item)
{
  g_return_if_fail (SS_IS_FIELD (self));
  set_index (self, &self->item, item, PROP_ITEM);
}

int
ss_field_get_scenario (SsField *self)
{
  g_return_val_if_fail (SS_IS_FIELD (self), -1);
  return self->scenario;
}

void
ss_field_set_scenario (SsField *self,
                       int      scenario)
{
  g_return_if_fail (SS_IS_FIELD (self));
  set_index (self, &self->scenario, scenario, PROP_SCENARIO);
}

GtkWidget *
ss_field_get_widget (SsField *self)
{
  g_return_val_if_fail (SS_IS_FIELD (self), NULL);
  return self->widget;
}

/* Whether the widget's tooltip says the meaning and range while the text
 * is accepted; a row that says them in its subtitle turns it off. */
void
ss_field_set_show_hint (SsField  *self,
                        gboolean  show_hint)
{
  g_return_if_fail (SS_IS_FIELD (self));

  show_hint = !!show_hint;
  if (self->show_hint == show_hint)
    return;
  self->show_hint = show_hint;
  sync_field (self, FALSE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_HINT]);
}

/* Why the text is refused, or NULL. */
const char *
ss_field_get_message (SsField *self)
{
  g_return_val_if_fail (SS_IS_FIELD (self), NULL);
  return self->message != NULL ? self->message : self->refusal;
}

gboolean
ss_field_get_dirty (SsField *self)
{
  g_return_val_if_fail (SS_IS_FIELD (self), FALSE);
  return self->dirty;
}

/**
 * ss_field_get_typed_value:
 * @value: (out): the number as it would be written
 *
 * Returns: whether the text passes the field's own checks (range, syntax);
 *   an empty optional figure gives what it stands for, 0 for a share
 */
gboolean
ss_field_get_typed_value (SsField *self,
                          double  *value)
{
  g_autofree char *text = NULL;
  g_autofree char *message = NULL;
  gboolean empty;

  g_return_val_if_fail (SS_IS_FIELD (self), FALSE);
  g_return_val_if_fail (self->spec != NULL, FALSE);

  if (self->widget == NULL || !exists (self))
    return FALSE;
  text = ss_page_get_text (self->widget);
  message = check_number (self, text, value, &empty);
  return message == NULL;
}

/**
 * ss_field_set_refusal:
 * @refusal: (nullable): why the typed value cannot be written, or NULL
 *
 * A refusal the page makes, which depends on other fields (the order of
 * the thresholds, shares that do not sum to 1): shown as the field's
 * message when its own checks pass, until it is set again or the field
 * shows the study again.
 */
void
ss_field_set_refusal (SsField    *self,
                      const char *refusal)
{
  char *old_message;

  g_return_if_fail (SS_IS_FIELD (self));

  if (g_strcmp0 (self->refusal, refusal) == 0)
    return;
  old_message = take_shown_message (self);
  g_free (self->refusal);
  self->refusal = g_strdup (refusal);
  show_state (self, self->dirty, old_message);
}

/* Shows the study's value again, dropping what was typed. */
void
ss_field_reset (SsField *self)
{
  g_return_if_fail (SS_IS_FIELD (self));
  sync_field (self, TRUE);
}

/**
 * ss_field_commit:
 *
 * Writes what is typed, if anything, as one undoable edit, through
 * "commit" (which a page may handle to write several fields at once).
 * Nothing is written while the document is in an edit of its own.
 *
 * Returns: whether the text was accepted (written or already the study's)
 */
gboolean
ss_field_commit (SsField *self)
{
  gboolean handled = FALSE;

  g_return_val_if_fail (SS_IS_FIELD (self), FALSE);

  if (!self->dirty || self->syncing || self->widget == NULL || !exists (self)
      || ss_document_in_edit (self->document))
    return self->message == NULL;
  g_signal_emit (self, signals[COMMIT], 0, &handled);
  return ss_field_get_message (self) == NULL;
}

/* --- GObject ----------------------------------------------------------- */

static void
ss_field_dispose (GObject *object)
{
  SsField *self = SS_FIELD (object);

  unwatch (self);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (ss_field_parent_class)->dispose (object);
}

static void
ss_field_finalize (GObject *object)
{
  SsField *self = SS_FIELD (object);

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->message, g_free);
  g_clear_pointer (&self->refusal, g_free);
  g_clear_pointer (&self->shown_label, g_free);

  G_OBJECT_CLASS (ss_field_parent_class)->finalize (object);
}

static void
ss_field_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  SsField *self = SS_FIELD (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_ELEMENT:
      g_value_set_enum (value, self->element);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_COUNTRY:
      g_value_set_int (value, self->country);
      break;
    case PROP_ITEM:
      g_value_set_int (value, self->item);
      break;
    case PROP_SCENARIO:
      g_value_set_int (value, self->scenario);
      break;
    case PROP_WIDGET:
      g_value_set_object (value, self->widget);
      break;
    case PROP_SHOW_HINT:
      g_value_set_boolean (value, self->show_hint);
      break;
    case PROP_TITLE:
      g_value_set_string (value, ss_field_get_title (self));
      break;
    case PROP_MEANING:
      g_value_take_string (value, ss_field_dup_meaning (self));
      break;
    case PROP_MESSAGE:
      g_value_set_string (value, ss_field_get_message (self));
      break;
    case PROP_DIRTY:
      g_value_set_boolean (value, self->dirty);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ss_field_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  SsField *self = SS_FIELD (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      ss_field_set_document (self, g_value_get_object (value));
      break;
    case PROP_ELEMENT:
      self->element = g_value_get_enum (value);
      break;
    case PROP_NAME:
      self->name = g_value_dup_string (value);
      break;
    case PROP_COUNTRY:
      ss_field_set_country (self, g_value_get_int (value));
      break;
    case PROP_ITEM:
      ss_field_set_item (self, g_value_get_int (value));
      break;
    case PROP_SCENARIO:
      ss_field_set_scenario (self, g_value_get_int (value));
      break;
    case PROP_WIDGET:
      ss_field_set_widget (self, g_value_get_object (value));
      break;
    case PROP_SHOW_HINT:
      ss_field_set_show_hint (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ss_field_constructed (GObject *object)
{
  SsField *self = SS_FIELD (object);

  G_OBJECT_CLASS (ss_field_parent_class)->constructed (object);

  resolve (self);
  if (self->widget != NULL && self->name != NULL)
    {
      configure (self);
      sync_field (self, TRUE);
    }
}

static void
ss_field_class_init (SsFieldClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = ss_field_constructed;
  object_class->dispose = ss_field_dispose;
  object_class->finalize = ss_field_finalize;
  object_class->get_property = ss_field_get_property;
  object_class->set_property = ss_field_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, SS_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ELEMENT] =
    g_param_spec_enum ("element", NULL, NULL, SS_TYPE_ELEMENT, SS_ELEMENT_META,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /**
   * SsField:name:
   *
   * The value's name in the file: an attribute of the element's table in
   * ss-attrs.c ("disruption-days", "horizon"), or one of its texts
   * ("code", "name", "group", "category", "title", "currency",
   * "description", "source").
   */
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COUNTRY] =
    g_param_spec_int ("country", NULL, NULL, -1, G_MAXINT, -1,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ITEM] =
    g_param_spec_int ("item", NULL, NULL, -1, G_MAXINT, -1,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SCENARIO] =
    g_param_spec_int ("scenario", NULL, NULL, -1, G_MAXINT, -1,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_WIDGET] =
    g_param_spec_object ("widget", NULL, NULL, GTK_TYPE_WIDGET,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_HINT] =
    g_param_spec_boolean ("show-hint", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_MEANING] =
    g_param_spec_string ("meaning", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_MESSAGE] =
    g_param_spec_string ("message", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DIRTY] =
    g_param_spec_boolean ("dirty", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SsField::commit:
   *
   * What is typed is to be written. The default handler checks it and
   * writes it through the document; a handler that writes it with other
   * fields returns %TRUE.
   */
  signals[COMMIT] =
    g_signal_new_class_handler ("commit", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                G_CALLBACK (real_commit), g_signal_accumulator_true_handled,
                                NULL, NULL, G_TYPE_BOOLEAN, 0);

  /**
   * SsField::edited:
   *
   * The text was typed in, or put back with Escape.
   */
  signals[EDITED] =
    g_signal_new ("edited", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
ss_field_init (SsField *self)
{
  self->country = -1;
  self->item = -1;
  self->scenario = -1;
  self->show_hint = TRUE;
}
