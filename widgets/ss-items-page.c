/* ss-items-page.c: the Items page — items, their figures and baseline sources
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A list of the study's items on the left; on the right the selected
 * item's code, name and figures, and its baseline sources as a table with
 * one row per country. Every field is checked as it is typed (the "error"
 * style and a message naming the range) and written when the user presses
 * Enter or leaves it, as one undoable edit; a refused value is never
 * written.
 *
 * Shares are written together: typing one share makes the others no
 * longer sum to 1, so the page shows the running sum and writes all the
 * typed shares at once, as soon as they sum to 1 within 1e-6 (the file's
 * rule). Until then the study keeps its old shares.
 *
 * Optional figures may be left empty: the file then omits them and the
 * default (or, for a source's cost index and tariff, the country's value,
 * shown greyed in the empty entry) applies.
 */

#define G_LOG_DOMAIN "supplyshift-items-page"

#include "config.h"

#include <math.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "ss-attrs.h"
#include "ss-bidi.h"
#include "ss-items-page.h"
#include "ss-page-util.h"
#include "ss-xml-text.h"

#define SHARE_TOLERANCE 1e-6

typedef enum
{
  FIELD_CODE,
  FIELD_NAME,
  FIELD_CATEGORY,
  FIELD_ITEM,                          /* an SsItemAttr */
  FIELD_SOURCE,                        /* an SsSourceAttr of one country */
} FieldKind;

typedef struct
{
  const char *title;
  const char *meaning;
} Label;

static const Label item_labels[SS_ITEM_N_ATTRS] = {
  [SS_ITEM_VALUE] = { N_("Import value"), NULL },    /* names the currency */
  [SS_ITEM_GROWTH] = { N_("Demand growth"), N_("Yearly growth of demand, 0.05 = 5 %") },
  [SS_ITEM_SUBSTITUTABILITY] = { N_("Substitutability"),
                                 N_("Substitution index, 1 = no substitute (EU CRM SI)") },
  [SS_ITEM_RECYCLING] = { N_("Recycling"),
                          N_("End-of-life recycling input rate (EU CRM EOL-RIR)") },
  [SS_ITEM_STOCKPILE_DAYS] = { N_("Stockpile"), N_("Stock held, in days of consumption") },
  [SS_ITEM_IMPACT] = { N_("Impact"),
                       N_("Economic loss per dollar of supply that fails to arrive") },
};

static const Label source_labels[SS_SOURCE_N_ATTRS] = {
  [SS_SOURCE_SHARE] = { N_("Share"), N_("Baseline share of the item's supply from the country") },
  [SS_SOURCE_COST_INDEX] = { N_("Cost index"),
                             N_("Price index for this item; empty for the country's") },
  [SS_SOURCE_TARIFF] = { N_("Tariff"), N_("Tariff for this item; empty for the country's") },
  [SS_SOURCE_CAPACITY] = { N_("Capacity"),
                           N_("Largest share the country could supply; empty for 1") },
  [SS_SOURCE_TRADE_FACTOR] = { N_("Trade factor"),
                               N_("Above 1 where the country restricts exports, 0.8 under a "
                                  "trade agreement; empty for 1") },
  [SS_SOURCE_DISRUPTION_PROBABILITY] = { N_("Disruption probability"),
                                         N_("Yearly probability that this item's supply from the "
                                            "country is disrupted; empty for the country's") },
  [SS_SOURCE_DISRUPTION_SEVERITY] = { N_("Disruption severity"),
                                      N_("Fraction of this item's flow lost while disrupted; "
                                         "empty for the country's") },
  [SS_SOURCE_DISRUPTION_DAYS] = { N_("Disruption days"),
                                  N_("How long a disruption of this item's supply lasts; empty "
                                     "for the country's") },
};

/* One editable field; lives as long as its widget. */
typedef struct
{
  SsItemsPage *page;
  FieldKind    kind;
  guint        attr;
  guint        country;
  gboolean     dirty;                  /* typed in since the last refresh */
  char        *message;                /* why the text is refused, or NULL */
} Field;

struct _SsItemsPage
{
  GtkWidget             parent_instance;

  /* Children */
  GtkWidget            *box;
  GtkListBox           *list;
  GtkWidget            *add_button;
  GtkWidget            *remove_button;
  GtkWidget            *details;
  AdwPreferencesGroup  *item_group;
  AdwPreferencesGroup  *figures_group;
  AdwPreferencesGroup  *sources_group;
  GtkGrid              *sources_grid;
  GtkLabel             *sum_label;
  GtkLabel             *item_status;
  GtkLabel             *sources_status;

  /* Borrowed widgets of the details */
  GtkWidget            *item_fields[FIELD_ITEM + SS_ITEM_N_ATTRS];
  AdwActionRow         *figure_rows[SS_ITEM_N_ATTRS];
  GPtrArray            *source_fields; /* of GtkEntry, [country * N_ATTRS + attr] */
  GPtrArray            *listed;        /* of GtkCheckButton, per country */
  GPtrArray            *country_labels;

  /* Owned */
  SsDocument           *document;
  char                 *refusal;       /* why typed shares are not written */

  int                   item;          /* selected, -1 with no items */
  guint                 shown_n_items;
  guint                 n_list_rows;
  guint                 n_source_rows;
  gboolean              syncing;       /* setting widgets, not typing */
  gboolean              rebuilding;
};

G_DEFINE_FINAL_TYPE (SsItemsPage, ss_items_page, GTK_TYPE_WIDGET)

static void refresh (SsItemsPage *self);

static void
field_free (Field *field)
{
  g_free (field->message);
  g_free (field);
}

static Field *
field_of (GtkWidget *widget)
{
  return g_object_get_data (G_OBJECT (widget), "ss-field");
}

static SsStudy *
study_of (SsItemsPage *self)
{
  return ss_document_get_study (self->document);
}

static SsItem *
current_item (SsItemsPage *self)
{
  if (self->document == NULL || self->item < 0)
    return NULL;
  return ss_study_get_item (study_of (self), self->item);
}

static GtkWidget *
source_widget (SsItemsPage *self,
               guint        country,
               guint        attr)
{
  guint k = country * SS_SOURCE_N_ATTRS + attr;

  return k < self->source_fields->len ? g_ptr_array_index (self->source_fields, k) : NULL;
}

static char *
format_number (double value)
{
  char buf[SS_NUMBER_BUF];

  ss_format_number (buf, sizeof buf, value);
  return g_strdup (buf);
}

/* --- Values and checks ------------------------------------------------- */

static const SsAttrSpec *
spec_of (Field *field)
{
  return field->kind == FIELD_ITEM ? &ss_item_attrs[field->attr] : &ss_source_attrs[field->attr];
}

/* Empty means "not given": allowed where the file may omit the value. */
static gboolean
may_be_empty (Field *field)
{
  if (field->kind == FIELD_ITEM)
    return !ss_item_attrs[field->attr].required;
  return field->kind == FIELD_SOURCE;
}

/* Whether a source gives a value for an attribute: its share when it is
 * listed (share is required, so `set` does not record it), an optional
 * attribute when `set` says so. */
static gboolean
source_gives (const SsSource *source,
              SsSourceAttr    attr)
{
  if (!source->listed)
    return FALSE;
  return attr == SS_SOURCE_SHARE || (source->set & (1u << attr)) != 0;
}

static char *
study_text (SsItemsPage *self,
            Field       *field)
{
  SsItem *item = current_item (self);
  SsSource *source;

  if (item == NULL)
    return g_strdup ("");
  switch (field->kind)
    {
    case FIELD_CODE:
      return g_strdup (item->code);
    case FIELD_NAME:
      return g_strdup (item->name);
    case FIELD_CATEGORY:
      return g_strdup (item->category);
    case FIELD_ITEM:
      if (ss_item_attrs[field->attr].required || (item->set & (1u << field->attr)))
        return format_number (item->attr[field->attr]);
      return g_strdup ("");
    case FIELD_SOURCE:
    default:
      source = &item->sources[field->country];
      if (!source_gives (source, field->attr))
        return g_strdup ("");
      return format_number (source->attr[field->attr]);
    }
}

/* What an empty field stands for, shown greyed in it. */
static char *
placeholder_text (SsItemsPage *self,
                  Field       *field)
{
  SsCountry *country;

  if (field->kind == FIELD_ITEM)
    return format_number (ss_item_attrs[field->attr].fallback);
  country = ss_study_get_country (study_of (self), field->country);
  switch (field->attr)
    {
    case SS_SOURCE_SHARE:
      return g_strdup ("0");
    case SS_SOURCE_COST_INDEX:
      return format_number (country->attr[SS_COUNTRY_COST_INDEX]);
    case SS_SOURCE_TARIFF:
      return format_number (country->attr[SS_COUNTRY_TARIFF]);
    case SS_SOURCE_DISRUPTION_PROBABILITY:
    case SS_SOURCE_DISRUPTION_SEVERITY:
    case SS_SOURCE_DISRUPTION_DAYS:
      return format_number (
        country->attr[SS_COUNTRY_DISRUPTION (field->attr - SS_SOURCE_DISRUPTION_PROBABILITY)]);
    default:
      return format_number (ss_source_attrs[field->attr].fallback);
    }
}

static char *
field_label (SsItemsPage *self,
             Field       *field)
{
  SsStudy *study = study_of (self);
  SsItem *item = current_item (self);
  g_autofree char *item_name = ss_bidi_isolate (item != NULL ? item->name : "");

  switch (field->kind)
    {
    case FIELD_CODE:
      return g_strdup_printf (_("Code of %s"), item_name);
    case FIELD_NAME:
      return g_strdup (_("Name"));
    case FIELD_CATEGORY:
      return g_strdup_printf (_("Category of %s"), item_name);
    case FIELD_ITEM:
      /* Translators: a figure, then an item, "Import value of Gallium" */
      return g_strdup_printf (_("%s of %s"), _(item_labels[field->attr].title), item_name);
    case FIELD_SOURCE:
    default:
      {
        SsCountry *country = ss_study_get_country (study, field->country);
        g_autofree char *country_name = ss_bidi_isolate (country->name);

        /* Translators: "Share of Lithium hydroxide from China" */
        return g_strdup_printf (_("%s of %s from %s"), _(source_labels[field->attr].title),
                                item_name, country_name);
      }
    }
}

/* Checks a field's text; on success fills *value or *string (with *empty
 * for an empty optional number), else returns why it is refused. */
static char *
check_text (SsItemsPage  *self,
            Field        *field,
            const char   *text,
            double       *value,
            gboolean     *empty,
            char        **string)
{
  SsStudy *study = study_of (self);
  g_autofree char *clean = ss_page_clean_line (text);
  g_autofree char *what = NULL;
  const SsAttrSpec *spec;
  char *message;
  int other;

  *empty = FALSE;
  switch (field->kind)
    {
    case FIELD_CODE:
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
    case FIELD_NAME:
      if (*clean == '\0')
        return g_strdup (_("The name cannot be empty"));
      if ((message = ss_xml_text_check (clean, _("The name"))) != NULL)
        return message;
      *string = g_steal_pointer (&clean);
      return NULL;
    case FIELD_CATEGORY:
      if ((message = ss_xml_text_check (clean, _("The category"))) != NULL)
        return message;
      *string = g_steal_pointer (&clean);
      return NULL;
    case FIELD_ITEM:
    case FIELD_SOURCE:
    default:
      spec = spec_of (field);
      if (*clean == '\0' && may_be_empty (field))
        {
          *empty = TRUE;
          /* An empty share is no share; other empty figures take their default. */
          *value = field->attr == SS_SOURCE_SHARE && field->kind == FIELD_SOURCE
                   ? 0 : spec->fallback;
          return NULL;
        }
      what = field_label (self, field);
      return ss_page_check_number (text, spec, what, may_be_empty (field), value);
    }
}

/* --- Field state ------------------------------------------------------- */

static void
update_status (SsItemsPage *self)
{
  const char *item_message = NULL, *source_message = NULL;

  for (guint k = 0; k < G_N_ELEMENTS (self->item_fields) && item_message == NULL; k++)
    item_message = field_of (self->item_fields[k])->message;
  for (guint k = 0; k < self->source_fields->len && source_message == NULL; k++)
    source_message = field_of (g_ptr_array_index (self->source_fields, k))->message;

  ss_page_show_status (self->item_status, item_message);
  ss_page_show_status (self->sources_status,
                       source_message != NULL ? source_message : self->refusal);
}

static void
set_field_message (GtkWidget *widget,
                   char      *message)
{
  Field *field = field_of (widget);
  SsItemsPage *self = field->page;
  g_autofree char *hint = NULL;

  g_free (field->message);
  field->message = message;

  if (field->kind == FIELD_SOURCE && self->document != NULL && self->item >= 0)
    {
      g_autofree char *range = ss_page_describe_range (spec_of (field));
      g_autofree char *what = field_label (self, field);

      /* Translators: "Share of Gallium from China: in [0, 1]" */
      hint = g_strdup_printf (_("%s: in %s"), what, range);
    }
  ss_page_show_input_state (widget, message, hint);
}

static void
sync_field (SsItemsPage *self,
            GtkWidget   *widget,
            gboolean     force)
{
  Field *field = field_of (widget);
  g_autofree char *text = NULL;
  g_autofree char *label = NULL;

  if (field->dirty && !force)
    return;

  text = study_text (self, field);
  self->syncing = TRUE;
  ss_page_set_text (widget, text);
  if (GTK_IS_ENTRY (widget) && field->kind >= FIELD_ITEM && self->document != NULL)
    {
      g_autofree char *placeholder = may_be_empty (field) ? placeholder_text (self, field) : NULL;

      if (g_strcmp0 (gtk_entry_get_placeholder_text (GTK_ENTRY (widget)), placeholder) != 0)
        gtk_entry_set_placeholder_text (GTK_ENTRY (widget), placeholder);
    }
  self->syncing = FALSE;
  field->dirty = FALSE;
  set_field_message (widget, NULL);

  label = field_label (self, field);
  ss_page_set_accessible_label (widget, label);
}

/* The sum of the shares as typed; FALSE if one of them is refused. */
static gboolean
typed_share_sum (SsItemsPage *self,
                 double      *sum)
{
  gboolean ok = TRUE;

  *sum = 0;
  for (guint c = 0; c < self->n_source_rows; c++)
    {
      GtkWidget *entry = source_widget (self, c, SS_SOURCE_SHARE);
      Field *field = field_of (entry);
      g_autofree char *string = NULL;
      gboolean empty;
      double value = 0;
      char *message = check_text (self, field, gtk_editable_get_text (GTK_EDITABLE (entry)),
                                  &value, &empty, &string);

      if (message != NULL)
        {
          g_free (message);
          ok = FALSE;
          continue;
        }
      *sum += value;
    }
  return ok;
}

static void
update_sum (SsItemsPage *self)
{
  double sum;
  gboolean ok = typed_share_sum (self, &sum);
  gboolean valid = ok && fabs (sum - 1) <= SHARE_TOLERANCE;
  g_autofree char *text = NULL;

  if (self->n_source_rows == 0)
    return;
  if (valid)
    text = g_strdup (_("Shares sum to 100 %"));
  else
    {
      /* 99.96 % would read "100.0 %", which does not say what is wrong. */
      int digits = fabs (100 * sum - 100) < 0.05 ? 4 : 1;

      text = g_strdup_printf (_("Shares sum to %.*f %%, expected 100 %%"), digits, 100 * sum);
    }
  /* Shares typed but not written yet stand out until they sum to 1. */
  for (guint c = 0; c < self->n_source_rows; c++)
    {
      GtkWidget *entry = source_widget (self, c, SS_SOURCE_SHARE);
      Field *field = field_of (entry);

      if (field->dirty && field->message == NULL && !valid)
        gtk_widget_add_css_class (entry, "warning");
      else
        gtk_widget_remove_css_class (entry, "warning");
    }

  gtk_label_set_label (self->sum_label, text);
  if (valid)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->sum_label), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->sum_label), "dim-label");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->sum_label), "dim-label");
      gtk_widget_add_css_class (GTK_WIDGET (self->sum_label), "error");
    }
}

static void
show_share_refusal (SsItemsPage *self,
                    const char  *message)
{
  g_free (self->refusal);
  self->refusal = g_strdup (message);
  update_status (self);
}

static void
sync_details (SsItemsPage *self,
              gboolean     force)
{
  SsItem *item = current_item (self);
  g_autofree char *heading = NULL;

  if (item == NULL)
    return;

  for (guint k = 0; k < G_N_ELEMENTS (self->item_fields); k++)
    sync_field (self, self->item_fields[k], force);
  for (guint k = 0; k < self->source_fields->len; k++)
    sync_field (self, g_ptr_array_index (self->source_fields, k), force);

  self->syncing = TRUE;
  for (guint c = 0; c < self->listed->len; c++)
    {
      GtkWidget *check = g_ptr_array_index (self->listed, c);
      SsCountry *country = ss_study_get_country (study_of (self), c);
      g_autofree char *item_name = ss_bidi_isolate (item->name);
      g_autofree char *country_name = ss_bidi_isolate (country->name);
      g_autofree char *label = g_strdup_printf (_("%s lists %s as a source"), item_name,
                                                country_name);

      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), item->sources[c].listed);
      ss_page_set_accessible_label (check, label);
      gtk_label_set_label (g_ptr_array_index (self->country_labels, c), country->name);
    }
  self->syncing = FALSE;

  adw_preferences_group_set_title (self->item_group, item->name);
  heading = g_strdup_printf (_("Item %d of %u"), self->item + 1,
                             ss_study_get_n_items (study_of (self)));
  adw_preferences_group_set_description (self->item_group, heading);
  for (guint a = 0; a < SS_ITEM_N_ATTRS; a++)
    {
      g_autofree char *meaning = NULL;
      g_autofree char *range = ss_page_describe_range (&ss_item_attrs[a]);
      g_autofree char *subtitle = NULL;

      if (a == SS_ITEM_VALUE)
        meaning = g_strdup_printf (_("Yearly import value at the base year, million %s"),
                                   ss_study_get_meta (study_of (self))->currency);
      else
        meaning = g_strdup (_(item_labels[a].meaning));
      if (ss_item_attrs[a].required)
        /* Translators: a figure's meaning, then its range */
        subtitle = g_strdup_printf (_("%s; in %s"), meaning, range);
      else
        {
          g_autofree char *fallback = format_number (ss_item_attrs[a].fallback);

          /* Translators: a figure's meaning, its range, then its default */
          subtitle = g_strdup_printf (_("%s; in %s, empty for %s"), meaning, range, fallback);
        }
      adw_action_row_set_subtitle (self->figure_rows[a], subtitle);
    }
  update_sum (self);
  update_status (self);
}

/* --- Editing ----------------------------------------------------------- */

static void
on_field_changed (GtkEditable *editable,
                  Field       *field)
{
  SsItemsPage *self = field->page;
  g_autofree char *string = NULL;
  gboolean empty;
  double value;

  if (self->syncing || self->rebuilding || current_item (self) == NULL)
    return;

  field->dirty = TRUE;
  set_field_message (GTK_WIDGET (editable),
                     check_text (self, field, gtk_editable_get_text (editable), &value, &empty,
                                 &string));
  if (field->kind == FIELD_SOURCE && field->attr == SS_SOURCE_SHARE)
    {
      show_share_refusal (self, NULL);
      update_sum (self);
    }
  update_status (self);
}

/* Writes every typed share at once, if they all pass and sum to 1. */
static void
commit_shares (SsItemsPage *self)
{
  SsItem *item = current_item (self);
  guint nc = self->n_source_rows;
  g_autofree double *shares = g_new0 (double, MAX (nc, 1));
  gboolean changed = FALSE;
  double sum = 0;

  for (guint c = 0; c < nc; c++)
    {
      GtkWidget *entry = source_widget (self, c, SS_SOURCE_SHARE);
      g_autofree char *string = NULL;
      gboolean empty;
      char *message = check_text (self, field_of (entry),
                                  gtk_editable_get_text (GTK_EDITABLE (entry)),
                                  &shares[c], &empty, &string);

      if (message != NULL)
        {
          set_field_message (entry, message);
          update_status (self);
          return;
        }
      sum += shares[c];
      changed |= shares[c] != item->sources[c].attr[SS_SOURCE_SHARE];
    }
  if (fabs (sum - 1) > SHARE_TOLERANCE)
    {
      update_sum (self);
      /* xgettext:no-c-format */
      show_share_refusal (self, _("Not written yet: the shares must sum to 100 % first."));
      return;
    }

  show_share_refusal (self, NULL);
  if (!changed)
    {
      for (guint c = 0; c < nc; c++)
        sync_field (self, source_widget (self, c, SS_SOURCE_SHARE), TRUE);
      update_sum (self);
      return;
    }

  ss_document_begin_edit (self->document);
  for (guint c = 0; c < nc; c++)
    {
      SsSource *source = &item->sources[c];

      source->attr[SS_SOURCE_SHARE] = shares[c];
      if (shares[c] > 0)
        source->listed = TRUE;
      field_of (source_widget (self, c, SS_SOURCE_SHARE))->dirty = FALSE;
    }
  ss_document_changed (self->document, SS_CHANGE_BASELINE, -1);
  ss_document_end_edit (self->document);
}

static void
commit_field (SsItemsPage *self,
              GtkWidget   *widget)
{
  Field *field = field_of (widget);
  SsItem *item = current_item (self);
  g_autofree char *string = NULL;
  gboolean empty = FALSE;
  double value = 0;
  char *message;
  SsChange change = SS_CHANGE_BASELINE;

  if (self->syncing || self->rebuilding || item == NULL || !field->dirty
      || ss_document_in_edit (self->document))
    return;

  if (field->kind == FIELD_SOURCE && field->attr == SS_SOURCE_SHARE)
    {
      commit_shares (self);
      return;
    }

  message = check_text (self, field, gtk_editable_get_text (GTK_EDITABLE (widget)), &value, &empty,
                        &string);
  if (message != NULL)
    {
      set_field_message (widget, message);
      update_status (self);
      return;
    }

  /* Nothing to write when the study already says the same. */
  switch (field->kind)
    {
    case FIELD_CODE:
    case FIELD_NAME:
    case FIELD_CATEGORY:
      change = SS_CHANGE_STRUCTURE;
      if (g_str_equal (string, field->kind == FIELD_CODE ? item->code
                               : field->kind == FIELD_NAME ? item->name : item->category))
        {
          sync_field (self, widget, TRUE);
          return;
        }
      break;
    case FIELD_ITEM:
      if (item->attr[field->attr] == value && !!(item->set & (1u << field->attr)) == !empty)
        {
          sync_field (self, widget, TRUE);
          return;
        }
      break;
    case FIELD_SOURCE:
    default:
      {
        SsSource *source = &item->sources[field->country];

        if (source->attr[field->attr] == value && source_gives (source, field->attr) == !empty
            && (source->listed || empty))
          {
            sync_field (self, widget, TRUE);
            return;
          }
      }
    }

  ss_document_begin_edit (self->document);
  switch (field->kind)
    {
    case FIELD_CODE:
      ss_study_set_item_code (study_of (self), self->item, string);
      break;
    case FIELD_NAME:
      g_free (item->name);
      item->name = g_steal_pointer (&string);
      break;
    case FIELD_CATEGORY:
      g_free (item->category);
      item->category = g_steal_pointer (&string);
      break;
    case FIELD_ITEM:
      item->attr[field->attr] = value;
      if (empty)
        item->set &= ~(1u << field->attr);
      else
        item->set |= 1u << field->attr;
      break;
    case FIELD_SOURCE:
    default:
      {
        SsSource *source = &item->sources[field->country];

        /* Giving a figure for a country makes it a listed source (at share 0
         * unless it had one): a scenario may move supply there later. */
        source->attr[field->attr] = value;
        /* Share is required, so `set` records only the optional ones. */
        if (field->attr != SS_SOURCE_SHARE && empty)
          source->set &= ~(1u << field->attr);
        else if (field->attr != SS_SOURCE_SHARE)
          source->set |= 1u << field->attr;
        if (!empty && !source->listed)
          {
            source->listed = TRUE;
          }
      }
    }
  field->dirty = FALSE;
  ss_document_changed (self->document, change, -1);
  ss_document_end_edit (self->document);
}

static void
on_field_activate (GtkWidget *widget,
                   Field     *field)
{
  commit_field (field->page, widget);
}

static void
on_field_leave (GtkEventControllerFocus *controller,
                Field                   *field)
{
  commit_field (field->page, gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller)));
}

static gboolean
on_field_key (GtkEventControllerKey *controller,
              guint                  keyval,
              guint                  keycode,
              GdkModifierType        state,
              Field                 *field)
{
  SsItemsPage *self = field->page;

  if (keyval != GDK_KEY_Escape || !field->dirty)
    return FALSE;
  sync_field (self, gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller)), TRUE);
  if (field->kind == FIELD_SOURCE && field->attr == SS_SOURCE_SHARE)
    {
      show_share_refusal (self, NULL);
      update_sum (self);
    }
  update_status (self);
  return TRUE;
}

static void
on_listed_toggled (GtkCheckButton *check,
                   SsItemsPage    *self)
{
  guint c = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (check), "ss-country"));
  gboolean active = gtk_check_button_get_active (check);
  SsItem *item = current_item (self);
  SsSource *source;

  if (self->syncing || self->rebuilding || item == NULL || ss_document_in_edit (self->document))
    return;

  source = &item->sources[c];
  if (active == source->listed)
    return;

  if (!active && source->attr[SS_SOURCE_SHARE] > 0)
    {
      g_autofree char *message = NULL;
      g_autofree char *country = ss_bidi_isolate (ss_study_get_country (study_of (self), c)->name);
      g_autofree char *item_name = ss_bidi_isolate (item->name);

      message = g_strdup_printf (_("%s supplies %.1f %% of %s: set its share to 0 before taking it "
                                   "off the list."),
                                 country, 100 * source->attr[SS_SOURCE_SHARE], item_name);
      self->syncing = TRUE;
      gtk_check_button_set_active (check, TRUE);
      self->syncing = FALSE;
      show_share_refusal (self, message);
      return;
    }

  ss_document_begin_edit (self->document);
  if (active)
    {
      source->listed = TRUE;
    }
  else
    {
      /* An unlisted source is what the loader makes of a country the item
       * does not name: no share and the defaults. */
      for (guint a = 0; a < SS_SOURCE_N_ATTRS; a++)
        source->attr[a] = ss_source_attrs[a].fallback;
      source->attr[SS_SOURCE_SHARE] = 0;
      source->set = 0;
      source->listed = FALSE;
    }
  ss_document_changed (self->document, SS_CHANGE_BASELINE, -1);
  ss_document_end_edit (self->document);
  show_share_refusal (self, NULL);
}

static void
connect_field (SsItemsPage *self,
               GtkWidget   *widget,
               FieldKind    kind,
               guint        attr,
               guint        country)
{
  Field *field = g_new0 (Field, 1);
  GtkEventController *focus = gtk_event_controller_focus_new ();
  GtkEventController *key = gtk_event_controller_key_new ();

  field->page = self;
  field->kind = kind;
  field->attr = attr;
  field->country = country;
  g_object_set_data_full (G_OBJECT (widget), "ss-field", field, (GDestroyNotify)field_free);

  g_signal_connect (widget, "changed", G_CALLBACK (on_field_changed), field);
  if (ADW_IS_ENTRY_ROW (widget))
    {
      g_signal_connect (widget, "entry-activated", G_CALLBACK (on_field_activate), field);
      g_signal_connect (widget, "apply", G_CALLBACK (on_field_activate), field);
    }
  else
    g_signal_connect (widget, "activate", G_CALLBACK (on_field_activate), field);
  g_signal_connect (focus, "leave", G_CALLBACK (on_field_leave), field);
  g_signal_connect (key, "key-pressed", G_CALLBACK (on_field_key), field);
  gtk_widget_add_controller (widget, focus);
  gtk_widget_add_controller (widget, key);
}

/* --- The item list ----------------------------------------------------- */

static void
update_buttons (SsItemsPage *self)
{
  guint n = self->document != NULL ? ss_study_get_n_items (study_of (self)) : 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "items.add",
                                 self->document != NULL && n < SS_MAX_ITEMS);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "items.remove", n > 1);
  ss_page_set_tooltip (self->remove_button, n > 1 ? _("Remove the selected item")
                                            : _("A study needs at least one item"));
}

/* Shows an item's name, code and category in its list row. */
static void
set_list_row (GtkWidget *row,
              SsItem    *item)
{
  g_autofree char *detail = NULL;
  g_autofree char *category = ss_bidi_isolate (item->category);

  detail = *item->category ? g_strdup_printf ("%s · %s", item->code, category)
                           : g_strdup (item->code);
  ss_page_set_list_row (row, item->name, detail);
}

/* Rows are reused and only added or removed at the end: a study may hold
 * thousands of items, and every structural edit or undo lands here. */
static void
rebuild_list (SsItemsPage *self)
{
  SsStudy *study = study_of (self);
  guint ni = ss_study_get_n_items (study);
  GtkWidget *focus = ss_page_get_focus (GTK_WIDGET (self));
  gboolean list_had_focus = focus != NULL
                            && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->list));
  GtkListBoxRow *row;

  self->syncing = TRUE;
  while (self->n_list_rows > ni)
    {
      row = gtk_list_box_get_row_at_index (self->list, --self->n_list_rows);
      gtk_list_box_remove (self->list, GTK_WIDGET (row));
    }
  for (guint i = 0; i < ni; i++)
    {
      if (i < self->n_list_rows)
        set_list_row (GTK_WIDGET (gtk_list_box_get_row_at_index (self->list, i)),
                      ss_study_get_item (study, i));
      else
        {
          GtkWidget *new_row = ss_page_new_list_row ();

          set_list_row (new_row, ss_study_get_item (study, i));
          gtk_list_box_append (self->list, new_row);
        }
    }
  self->n_list_rows = ni;
  row = self->item >= 0 ? gtk_list_box_get_row_at_index (self->list, self->item) : NULL;
  gtk_list_box_select_row (self->list, row);
  self->syncing = FALSE;

  if (list_had_focus && row != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (row));
  update_buttons (self);
}

static void
on_row_selected (GtkListBox    *list,
                 GtkListBoxRow *row,
                 SsItemsPage   *self)
{
  if (self->syncing || row == NULL)
    return;
  ss_items_page_select_item (self, gtk_list_box_row_get_index (row));
}

/* --- The sources table ------------------------------------------------- */

static void
rebuild_sources (SsItemsPage *self)
{
  SsStudy *study = study_of (self);
  guint nc = ss_study_get_n_countries (study);
  GtkWidget *child;
  static const char *headings[] = { N_("Country"), N_("Listed") };

  self->rebuilding = TRUE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->sources_grid))) != NULL)
    gtk_grid_remove (self->sources_grid, child);
  g_ptr_array_set_size (self->source_fields, 0);
  g_ptr_array_set_size (self->listed, 0);
  g_ptr_array_set_size (self->country_labels, 0);
  self->rebuilding = FALSE;

  for (guint col = 0; col < 2 + SS_SOURCE_N_ATTRS; col++)
    {
      const char *text = col < 2 ? _(headings[col]) : _(source_labels[col - 2].title);
      GtkWidget *label = gtk_label_new (text);

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_natural_wrap_mode (GTK_LABEL (label), GTK_NATURAL_WRAP_WORD);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 8);
      gtk_label_set_xalign (GTK_LABEL (label), col == 0 ? 0 : col == 1 ? 0.5 : 1);
      gtk_label_set_justify (GTK_LABEL (label), col >= 2 ? GTK_JUSTIFY_RIGHT : GTK_JUSTIFY_LEFT);
      gtk_widget_set_valign (label, GTK_ALIGN_END);
      gtk_widget_add_css_class (label, "caption-heading");
      gtk_widget_add_css_class (label, "dim-label");
      if (col == 1)
        gtk_widget_set_tooltip_text (label, _("Whether the item names the country as a source. "
                                              "A source may have share 0 and still set the "
                                              "item's price or capacity there, for scenarios."));
      else if (col >= 2)
        {
          g_autofree char *range = ss_page_describe_range (&ss_source_attrs[col - 2]);
          g_autofree char *tooltip = g_strdup_printf (_("%s; in %s"),
                                                      _(source_labels[col - 2].meaning),
                                                      range);

          gtk_widget_set_tooltip_text (label, tooltip);
        }
      gtk_grid_attach (self->sources_grid, label, col, 0, 1, 1);
    }

  for (guint c = 0; c < nc; c++)
    {
      SsCountry *country = ss_study_get_country (study, c);
      GtkWidget *name = gtk_label_new (country->name);
      GtkWidget *check = gtk_check_button_new ();

      gtk_label_set_xalign (GTK_LABEL (name), 0);
      gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
      gtk_label_set_width_chars (GTK_LABEL (name), 10);
      gtk_widget_set_hexpand (name, TRUE);
      gtk_grid_attach (self->sources_grid, name, 0, c + 1, 1, 1);
      g_ptr_array_add (self->country_labels, name);

      gtk_widget_set_halign (check, GTK_ALIGN_CENTER);
      g_object_set_data (G_OBJECT (check), "ss-country", GUINT_TO_POINTER (c));
      g_signal_connect (check, "toggled", G_CALLBACK (on_listed_toggled), self);
      gtk_grid_attach (self->sources_grid, check, 1, c + 1, 1, 1);
      g_ptr_array_add (self->listed, check);

      for (guint a = 0; a < SS_SOURCE_N_ATTRS; a++)
        {
          GtkWidget *entry = ss_page_new_number_entry (5);

          connect_field (self, entry, FIELD_SOURCE, a, c);
          gtk_grid_attach (self->sources_grid, entry, 2 + a, c + 1, 1, 1);
          g_ptr_array_add (self->source_fields, entry);
        }
    }
  self->n_source_rows = nc;
}

/* --- Refreshing -------------------------------------------------------- */

static void
refresh (SsItemsPage *self)
{
  SsStudy *study = study_of (self);
  guint ni = ss_study_get_n_items (study);
  gboolean item_moved = FALSE;

  /* Another item under the same index after an item went or came back
   * (undo): typing in the old one's fields is moot. */
  if (self->item >= (int)ni)
    self->item = (int)ni - 1;
  else if (self->item < 0 && ni > 0)
    self->item = 0;
  item_moved = ni != self->shown_n_items;
  self->shown_n_items = ni;

  rebuild_list (self);
  if (ss_study_get_n_countries (study) != self->n_source_rows)
    {
      rebuild_sources (self);
      item_moved = TRUE;
    }
  gtk_widget_set_visible (self->details, self->item >= 0);
  sync_details (self, item_moved);
}

static void
on_document_changed (SsItemsPage *self,
                     guint        change,
                     int          scenario)
{
  if (change & SS_CHANGE_STRUCTURE)
    refresh (self);
  else if (change & SS_CHANGE_BASELINE)
    sync_details (self, FALSE);
}

/* --- Public API -------------------------------------------------------- */

int
ss_items_page_get_selected (SsItemsPage *self)
{
  g_return_val_if_fail (SS_IS_ITEMS_PAGE (self), -1);
  return self->item;
}

void
ss_items_page_select_item (SsItemsPage *self,
                           guint        index)
{
  g_return_if_fail (SS_IS_ITEMS_PAGE (self));
  g_return_if_fail (self->document != NULL);
  g_return_if_fail (index < ss_study_get_n_items (study_of (self)));

  self->item = index;
  self->syncing = TRUE;
  gtk_list_box_select_row (self->list, gtk_list_box_get_row_at_index (self->list, index));
  self->syncing = FALSE;
  show_share_refusal (self, NULL);
  sync_details (self, TRUE);
}

/**
 * ss_items_page_add_item:
 *
 * Adds "New item" (a unique code, import value 100, all of it from the
 * first country) as one undoable edit, selects it and puts the focus on
 * its name.
 *
 * Returns: the new item's index, or -1 when the study is full
 */
int
ss_items_page_add_item (SsItemsPage *self)
{
  SsStudy *study;
  g_autofree char *code = NULL;
  SsItem *item;
  guint index;

  g_return_val_if_fail (SS_IS_ITEMS_PAGE (self), -1);
  g_return_val_if_fail (self->document != NULL, -1);

  study = study_of (self);
  if (ss_study_get_n_items (study) >= SS_MAX_ITEMS || ss_study_get_n_countries (study) == 0)
    return -1;

  code = ss_study_unique_item_code (study, "new-item");
  ss_document_begin_edit (self->document);
  index = ss_study_add_item (study, code, _("New item"));
  item = ss_study_get_item (study, index);
  item->attr[SS_ITEM_VALUE] = 100;
  item->set |= 1u << SS_ITEM_VALUE;
  item->sources[0].attr[SS_SOURCE_SHARE] = 1;
  item->sources[0].listed = TRUE;

  self->item = index;
  ss_document_changed (self->document, SS_CHANGE_STRUCTURE, -1);
  ss_document_end_edit (self->document);

  ss_items_page_select_item (self, index);
  gtk_widget_grab_focus (self->item_fields[FIELD_NAME]);
  return index;
}

/**
 * ss_items_page_remove_item:
 *
 * Removes an item (and every scenario's targets and stockpile for it) as
 * one undoable edit; refused for the last item, since a study needs one.
 */
gboolean
ss_items_page_remove_item (SsItemsPage  *self,
                           guint         index,
                           GError      **error)
{
  SsStudy *study;

  g_return_val_if_fail (SS_IS_ITEMS_PAGE (self), FALSE);
  g_return_val_if_fail (self->document != NULL, FALSE);

  study = study_of (self);
  g_return_val_if_fail (index < ss_study_get_n_items (study), FALSE);

  if (ss_study_get_n_items (study) <= 1)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           _("A study needs at least one item, so the last one cannot be "
                             "removed."));
      return FALSE;
    }

  ss_document_begin_edit (self->document);
  ss_study_remove_item (study, index);
  if (self->item > (int)index || self->item >= (int)ss_study_get_n_items (study))
    self->item--;
  ss_document_changed (self->document, SS_CHANGE_STRUCTURE, -1);
  ss_document_end_edit (self->document);
  return TRUE;
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  SsItemsPage *self = SS_ITEMS_PAGE (widget);

  if (self->document != NULL)
    ss_items_page_add_item (self);
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SsItemsPage *self = SS_ITEMS_PAGE (widget);
  g_autoptr(GError) error = NULL;

  if (self->document == NULL)
    return;

  if (self->item >= 0 && !ss_items_page_remove_item (self, self->item, &error))
    ss_page_show_message (widget, _("Cannot Remove the Item"), error->message);
}

/**
 * ss_items_page_get_field:
 * @field: "code", "name", "category" or an item attribute's name in the
 *   file ("value", "growth", …)
 *
 * Returns: (transfer none) (nullable): the field's editable
 */
GtkWidget *
ss_items_page_get_field (SsItemsPage *self,
                         const char  *field)
{
  static const char *names[] = { "code", "name", "category" };

  g_return_val_if_fail (SS_IS_ITEMS_PAGE (self), NULL);

  for (guint k = 0; k < G_N_ELEMENTS (names); k++)
    if (g_str_equal (field, names[k]))
      return self->item_fields[k];
  for (guint a = 0; a < SS_ITEM_N_ATTRS; a++)
    if (g_str_equal (field, ss_item_attrs[a].name))
      return self->item_fields[FIELD_ITEM + a];
  return NULL;
}

/**
 * ss_items_page_get_source_field:
 * @field: "listed" (a GtkCheckButton) or a source attribute's name in the
 *   file ("share", "cost-index", …)
 *
 * Returns: (transfer none) (nullable): the field's widget for one country
 */
GtkWidget *
ss_items_page_get_source_field (SsItemsPage *self,
                                guint        country,
                                const char  *field)
{
  g_return_val_if_fail (SS_IS_ITEMS_PAGE (self), NULL);

  if (g_str_equal (field, "listed"))
    return country < self->listed->len ? g_ptr_array_index (self->listed, country) : NULL;
  for (guint a = 0; a < SS_SOURCE_N_ATTRS; a++)
    if (g_str_equal (field, ss_source_attrs[a].name))
      return source_widget (self, country, a);
  return NULL;
}

const char *
ss_items_page_get_sum_text (SsItemsPage *self)
{
  g_return_val_if_fail (SS_IS_ITEMS_PAGE (self), NULL);
  return gtk_label_get_label (self->sum_label);
}

/* --- GObject ----------------------------------------------------------- */

static void
ss_items_page_dispose (GObject *object)
{
  SsItemsPage *self = SS_ITEMS_PAGE (object);

  self->rebuilding = TRUE;
  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (ss_items_page_parent_class)->dispose (object);
}

static void
ss_items_page_finalize (GObject *object)
{
  SsItemsPage *self = SS_ITEMS_PAGE (object);

  g_clear_pointer (&self->source_fields, g_ptr_array_unref);
  g_clear_pointer (&self->listed, g_ptr_array_unref);
  g_clear_pointer (&self->country_labels, g_ptr_array_unref);
  g_clear_pointer (&self->refusal, g_free);

  G_OBJECT_CLASS (ss_items_page_parent_class)->finalize (object);
}

static void
ss_items_page_class_init (SsItemsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ss_items_page_dispose;
  object_class->finalize = ss_items_page_finalize;

  gtk_widget_class_set_css_name (widget_class, "itemspage");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);

  gtk_widget_class_install_action (widget_class, "items.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "items.remove", NULL, remove_action);
}

static void
build_sidebar (SsItemsPage *self)
{
  GtkBox *bar;

  ss_page_add_sidebar (GTK_BOX (self->box), _("Items"), &self->list, &bar);
  g_signal_connect (self->list, "row-selected", G_CALLBACK (on_row_selected), self);

  self->add_button = ss_page_new_button ("list-add-symbolic", _("_Add Item"),
                                         _("Add an item bought from the first country"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->add_button), "items.add");
  self->remove_button = ss_page_new_button ("list-remove-symbolic", _("_Remove"), NULL);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->remove_button), "items.remove");
  gtk_widget_set_hexpand (self->add_button, TRUE);
  gtk_widget_set_halign (self->add_button, GTK_ALIGN_START);
  gtk_box_append (bar, self->add_button);
  gtk_box_append (bar, self->remove_button);
}

static void
build_details (SsItemsPage *self)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *box = ss_page_add_column (GTK_SCROLLED_WINDOW (scroller), 760, 24);
  GtkWidget *card, *grid, *status;
  static const char *entry_titles[] = { N_("Code"), N_("Name"), N_("Category") };

  gtk_widget_set_hexpand (scroller, TRUE);
  gtk_box_append (GTK_BOX (self->box), scroller);
  self->details = box;

  /* Code, name, category */
  self->item_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  for (guint k = 0; k < G_N_ELEMENTS (entry_titles); k++)
    {
      GtkWidget *row = adw_entry_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(entry_titles[k]));
      adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
      if (k == FIELD_CODE)
        adw_entry_row_set_input_hints (ADW_ENTRY_ROW (row), GTK_INPUT_HINT_NO_SPELLCHECK);
      connect_field (self, row, k, 0, 0);
      adw_preferences_group_add (self->item_group, row);
      self->item_fields[k] = row;
    }
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->item_group));

  /* Figures */
  self->figures_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->figures_group, _("Demand and Resilience"));
  for (guint a = 0; a < SS_ITEM_N_ATTRS; a++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *entry = ss_page_new_number_entry (8);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(item_labels[a].title));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), entry);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), entry);
      connect_field (self, entry, FIELD_ITEM, a, 0);
      adw_preferences_group_add (self->figures_group, row);
      self->item_fields[FIELD_ITEM + a] = entry;
      self->figure_rows[a] = ADW_ACTION_ROW (row);
    }
  status = ss_page_new_status_label ();
  self->item_status = GTK_LABEL (status);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->figures_group));
  gtk_box_insert_child_after (GTK_BOX (box), status, GTK_WIDGET (self->item_group));

  /* Sources */
  self->sources_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->sources_group, _("Baseline Sources"));
  adw_preferences_group_set_description (self->sources_group,
                                         _("Where the item comes from today. Empty figures "
                                           "take the country's value or the default, shown "
                                           "greyed."));
  self->sum_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->sum_label), "numeric");
  gtk_widget_set_valign (GTK_WIDGET (self->sum_label), GTK_ALIGN_END);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->sum_label), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Sum of the shares"), -1);
  adw_preferences_group_set_header_suffix (self->sources_group, GTK_WIDGET (self->sum_label));

  card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_add_css_class (card, "card");
  grid = gtk_grid_new ();
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 8);
  gtk_widget_set_margin_top (grid, 12);
  gtk_widget_set_margin_bottom (grid, 12);
  gtk_widget_set_margin_start (grid, 12);
  gtk_widget_set_margin_end (grid, 12);
  gtk_accessible_update_property (GTK_ACCESSIBLE (grid), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Baseline sources"), -1);
  gtk_box_append (GTK_BOX (card), grid);
  adw_preferences_group_add (self->sources_group, card);
  self->sources_grid = GTK_GRID (grid);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->sources_group));

  status = ss_page_new_status_label ();
  self->sources_status = GTK_LABEL (status);
  gtk_box_append (GTK_BOX (box), status);
}

static void
ss_items_page_init (SsItemsPage *self)
{
  self->item = -1;
  self->source_fields = g_ptr_array_new ();
  self->listed = g_ptr_array_new ();
  self->country_labels = g_ptr_array_new ();

  self->box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);

  build_sidebar (self);
  build_details (self);
  update_buttons (self);
}

GtkWidget *
ss_items_page_new (void)
{
  return g_object_new (SS_TYPE_ITEMS_PAGE, NULL);
}

void
ss_items_page_set_document (SsItemsPage *self,
                            SsDocument  *document)
{
  g_return_if_fail (SS_IS_ITEMS_PAGE (self));
  g_return_if_fail (document == NULL || SS_IS_DOCUMENT (document));

  if (!ss_page_set_document (GTK_WIDGET (self), &self->document, document,
                             G_CALLBACK (on_document_changed)))
    return;
  self->item = ss_study_get_n_items (study_of (self)) > 0 ? 0 : -1;
  self->n_source_rows = G_MAXUINT;
  refresh (self);
}
