/* ss-countries-page.c: the Countries page — every country's figures as a table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One row per country, one column per attribute of model.md, each cell a
 * GtkEntry. A cell is checked on every keystroke (the "error" style and a
 * message naming the range, from the attribute table) and written to the
 * study when the user presses Enter or leaves it, as one undoable edit. A
 * value that fails the check is never written.
 *
 * The table follows the document's "changed" signal: values are refreshed
 * in place, except in a cell the user is typing in, and the rows are
 * rebuilt only when countries are added or removed, with the focus put
 * back where it was.
 */

#define G_LOG_DOMAIN "supplyshift-countries-page"

#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "ss-attrs.h"
#include "ss-bidi.h"
#include "ss-countries-page.h"
#include "ss-page-util.h"
#include "ss-xml-text.h"

enum
{
  COL_CODE,
  COL_NAME,
  COL_GROUP,
  COL_ATTR,                            /* first of SS_COUNTRY_N_ATTRS columns */
  N_COLUMNS = COL_ATTR + SS_COUNTRY_N_ATTRS
};

typedef struct
{
  const char *field;                   /* name in the file */
  const char *heading;
  const char *meaning;
  int         width;                   /* in characters */
} Column;

static const Column columns[N_COLUMNS] = {
  { "code", N_("Code"), N_("Two capital letters, unique in the study"), 3 },
  { "name", N_("Name"), N_("The name shown everywhere else"), 10 },
  { "group", N_("Group"), N_("Optional label such as ASEAN, for group concentration"), 6 },
  { "governance", N_("Governance"),
    N_("Governance risk, 10 = worst (rescaled World Bank WGI)"), 5 },
  { "disruption-probability", N_("Disruption probability"),
    N_("Probability that supply from the country is disrupted in a given year"), 5 },
  { "disruption-severity", N_("Disruption severity"),
    N_("Fraction of the flow lost while disrupted"), 5 },
  { "disruption-days", N_("Disruption days"), N_("How long a disruption lasts, in days"), 5 },
  { "cost-index", N_("Cost index"), N_("Landed unit price index at the base year, China = 1"), 5 },
  { "cost-growth", N_("Cost growth"), N_("Yearly unit-cost escalation, 0.03 = 3 %"), 5 },
  { "tariff", N_("Tariff"), N_("Ad-valorem import tariff, 0.05 = 5 %"), 5 },
  { "logistics", N_("Logistics"), N_("Freight and insurance as a fraction of value"), 5 },
  { "ramp", N_("Ramp"), N_("Largest rise of the country's share of one item in one year"), 5 },
};

/* One entry of the table; lives as long as its entry. */
typedef struct
{
  SsCountriesPage *page;
  guint            country;
  guint            column;
  gboolean         dirty;              /* typed in since the last refresh */
  char            *message;            /* why the text is refused, or NULL */
} Cell;

struct _SsCountriesPage
{
  GtkWidget             parent_instance;

  /* Children */
  GtkWidget            *scroller;
  AdwPreferencesGroup  *group;
  GtkWidget            *add_button;
  GtkGrid              *grid;
  GtkLabel             *status;

  /* Owned */
  SsDocument           *document;
  GPtrArray            *cells;         /* of GtkEntry, borrowed, row-major */
  GPtrArray            *remove_buttons; /* of GtkButton, borrowed */

  guint                 n_rows;
  gboolean              syncing;       /* setting texts, not typing */
  gboolean              rebuilding;
};

G_DEFINE_FINAL_TYPE (SsCountriesPage, ss_countries_page, GTK_TYPE_WIDGET)

static void rebuild (SsCountriesPage *self);

static void
cell_free (Cell *cell)
{
  g_free (cell->message);
  g_free (cell);
}

static SsStudy *
study_of (SsCountriesPage *self)
{
  return ss_document_get_study (self->document);
}

static Cell *
cell_of (GtkWidget *entry)
{
  return g_object_get_data (G_OBJECT (entry), "ss-cell");
}

static GtkWidget *
get_entry (SsCountriesPage *self,
           guint            country,
           guint            column)
{
  guint k = country * N_COLUMNS + column;

  return k < self->cells->len ? g_ptr_array_index (self->cells, k) : NULL;
}

/* --- Values and checks ------------------------------------------------- */

/* "Governance of China": what a screen reader says for a cell. */
static char *
cell_label (guint       column,
            const char *country)
{
  g_autofree char *name = ss_bidi_isolate (country);

  /* Translators: a column heading, then a country name */
  return g_strdup_printf (_("%s of %s"), _(columns[column].heading), name);
}

static char *
study_text (SsCountriesPage *self,
            guint            country,
            guint            column)
{
  SsCountry *c = ss_study_get_country (study_of (self), country);
  char buf[SS_NUMBER_BUF];

  switch (column)
    {
    case COL_CODE:
      return g_strdup (c->code);
    case COL_NAME:
      return g_strdup (c->name);
    case COL_GROUP:
      return g_strdup (c->group != NULL ? c->group : "");
    default:
      ss_format_number (buf, sizeof buf, c->attr[column - COL_ATTR]);
      return g_strdup (buf);
    }
}

/* Checks a cell's text. On success fills *value (numbers) or *string
 * (code, name, group; NULL for an empty group); else returns why. */
static char *
check_text (SsCountriesPage  *self,
            guint             country,
            guint             column,
            const char       *text,
            double           *value,
            char            **string)
{
  SsStudy *study = study_of (self);
  SsCountry *c = ss_study_get_country (study, country);
  g_autofree char *clean = ss_page_clean_line (text);
  int other;

  switch (column)
    {
    case COL_CODE:
      {
        g_autofree char *code = g_ascii_strup (clean, -1);

        if (!ss_is_country_code (code))
          return g_strdup (_("A country code is two letters, like CN"));
        other = ss_study_find_country (study, code);
        if (other >= 0 && (guint)other != country)
          {
            g_autofree char *name = ss_bidi_isolate (ss_study_get_country (study, other)->name);

            return g_strdup_printf (_("%s is already the code of %s"), code, name);
          }
        *string = g_steal_pointer (&code);
        return NULL;
      }
    case COL_NAME:
      if (*clean == '\0')
        return g_strdup_printf (_("The name of %s cannot be empty"), c->code);
      {
        g_autofree char *what = g_strdup_printf (_("The name of %s"), c->code);
        char *message = ss_xml_text_check (clean, what);

        if (message != NULL)
          return message;
      }
      *string = g_steal_pointer (&clean);
      return NULL;
    case COL_GROUP:
      if (*clean == '\0')
        {
          *string = NULL;
          return NULL;
        }
      if (!ss_is_group_label (clean))
        return g_strdup (_("A group is up to 32 letters, digits, “-” or “_”, or empty for none"));
      *string = g_steal_pointer (&clean);
      return NULL;
    default:
      {
        g_autofree char *what = cell_label (column, c->name);

        return ss_page_check_number (text, &ss_country_attrs[column - COL_ATTR], what, FALSE,
                                     value);
      }
    }
}

/* --- Cell state -------------------------------------------------------- */

static void
update_status (SsCountriesPage *self)
{
  for (guint k = 0; k < self->cells->len; k++)
    {
      Cell *cell = cell_of (g_ptr_array_index (self->cells, k));

      if (cell->message != NULL)
        {
          ss_page_show_status (self->status, cell->message);
          return;
        }
    }
  ss_page_show_status (self->status, NULL);
}

static void
set_cell_message (GtkWidget *entry,
                  char      *message)
{
  Cell *cell = cell_of (entry);
  const Column *col = &columns[cell->column];
  g_autofree char *hint = NULL;

  g_free (cell->message);
  cell->message = message;

  if (cell->column >= COL_ATTR)
    {
      g_autofree char *range = ss_page_describe_range (&ss_country_attrs[cell->column - COL_ATTR]);

      /* Translators: a column's meaning, then its range */
      hint = g_strdup_printf (_("%s; in %s"), _(col->meaning), range);
    }
  else
    hint = g_strdup (_(col->meaning));
  ss_page_show_input_state (entry, message, hint);
}

/* Shows the study's value, unless the user is typing in the cell. */
static void
sync_cell (SsCountriesPage *self,
           GtkWidget       *entry,
           gboolean         force)
{
  Cell *cell = cell_of (entry);
  g_autofree char *text = NULL;

  if (cell->dirty && !force)
    return;

  text = study_text (self, cell->country, cell->column);
  self->syncing = TRUE;
  ss_page_set_text (entry, text);
  self->syncing = FALSE;
  cell->dirty = FALSE;
  set_cell_message (entry, NULL);
}

static void
update_accessible_labels (SsCountriesPage *self)
{
  SsStudy *study = study_of (self);

  for (guint k = 0; k < self->cells->len; k++)
    {
      GtkWidget *entry = g_ptr_array_index (self->cells, k);
      Cell *cell = cell_of (entry);
      g_autofree char *label = cell_label (cell->column,
                                            ss_study_get_country (study, cell->country)->name);

      ss_page_set_accessible_label (entry, label);
    }
  for (guint c = 0; c < self->remove_buttons->len; c++)
    {
      GtkWidget *button = g_ptr_array_index (self->remove_buttons, c);
      g_autofree char *name = ss_bidi_isolate (ss_study_get_country (study, c)->name);
      g_autofree char *label = g_strdup_printf (_("Remove %s"), name);

      ss_page_set_tooltip (button, label);
      ss_page_set_accessible_label (button, label);
    }
}

static void
update_home_icons (SsCountriesPage *self)
{
  guint home = ss_study_get_meta (study_of (self))->home;

  for (guint c = 0; c < self->n_rows; c++)
    {
      GtkEntry *entry = GTK_ENTRY (get_entry (self, c, COL_NAME));
      const char *icon = c == home ? "go-home-symbolic" : NULL;

      if (g_strcmp0 (gtk_entry_get_icon_name (entry, GTK_ENTRY_ICON_SECONDARY), icon) == 0)
        continue;
      gtk_entry_set_icon_from_icon_name (entry, GTK_ENTRY_ICON_SECONDARY, icon);
      if (c == home)
        gtk_entry_set_icon_tooltip_text (entry, GTK_ENTRY_ICON_SECONDARY,
                                         _("Home country: its supply is domestic production"));
    }
}

static void
update_header (SsCountriesPage *self)
{
  guint n = ss_study_get_n_countries (study_of (self));
  g_autofree char *description = NULL;

  description = g_strdup_printf (ngettext ("%u country of at most %u. Values are as in the study "
                                           "file; point at a column heading for its meaning.",
                                           "%u countries of at most %u. Values are as in the study "
                                           "file; point at a column heading for its meaning.", n),
                                 n, SS_MAX_COUNTRIES);
  adw_preferences_group_set_description (self->group, description);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "countries.add", n < SS_MAX_COUNTRIES);
  ss_page_set_tooltip (self->add_button, n < SS_MAX_COUNTRIES ? _("Add a country to the study")
                                         : _("A study holds at most 16 countries"));
}

/* Shows the study in every cell (with @force, even where the user is
 * typing) and what goes with the cells. */
static void
sync_cells (SsCountriesPage *self,
            gboolean         force)
{
  for (guint k = 0; k < self->cells->len; k++)
    sync_cell (self, g_ptr_array_index (self->cells, k), force);
  update_accessible_labels (self);
  update_home_icons (self);
  update_header (self);
  update_status (self);
}

static void
refresh (SsCountriesPage *self)
{
  if (ss_study_get_n_countries (study_of (self)) != self->n_rows)
    rebuild (self);
  else
    sync_cells (self, FALSE);
}

/* --- Editing ----------------------------------------------------------- */

static void
on_cell_changed (GtkEditable *editable,
                 Cell        *cell)
{
  SsCountriesPage *self = cell->page;
  double value;
  char *string = NULL;
  char *message;

  if (self->syncing || self->rebuilding || self->document == NULL)
    return;

  cell->dirty = TRUE;
  message = check_text (self, cell->country, cell->column, gtk_editable_get_text (editable),
                        &value, &string);
  g_free (string);
  set_cell_message (GTK_WIDGET (editable), message);
  update_status (self);
}

static void
commit_cell (SsCountriesPage *self,
             GtkWidget       *entry)
{
  Cell *cell = cell_of (entry);
  SsStudy *study;
  SsCountry *country;
  g_autofree char *string = NULL;
  double value = 0;
  char *message;
  SsChange change = SS_CHANGE_STRUCTURE;

  if (self->syncing || self->rebuilding || self->document == NULL || !cell->dirty
      || ss_document_in_edit (self->document))
    return;

  study = study_of (self);
  message = check_text (self, cell->country, cell->column,
                        gtk_editable_get_text (GTK_EDITABLE (entry)), &value, &string);
  if (message != NULL)
    {
      set_cell_message (entry, message);
      update_status (self);
      return;
    }

  country = ss_study_get_country (study, cell->country);
  switch (cell->column)
    {
    case COL_CODE:
    case COL_NAME:
      if (g_str_equal (cell->column == COL_CODE ? country->code : country->name, string))
        {
          sync_cell (self, entry, TRUE);
          return;
        }
      break;
    case COL_GROUP:
      if (g_strcmp0 (country->group, string) == 0)
        {
          sync_cell (self, entry, TRUE);
          return;
        }
      break;
    default:
      if (country->attr[cell->column - COL_ATTR] == value)
        {
          sync_cell (self, entry, TRUE);
          return;
        }
      change = SS_CHANGE_BASELINE;
    }

  ss_document_begin_edit (self->document);
  switch (cell->column)
    {
    case COL_CODE:
      g_free (country->code);
      country->code = g_steal_pointer (&string);
      break;
    case COL_NAME:
      g_free (country->name);
      country->name = g_steal_pointer (&string);
      break;
    case COL_GROUP:
      g_free (country->group);
      country->group = g_steal_pointer (&string);
      break;
    default:
      country->attr[cell->column - COL_ATTR] = value;
    }
  cell->dirty = FALSE;
  ss_document_changed (self->document, change, -1);
  ss_document_end_edit (self->document);
}

static void
on_cell_activate (GtkEntry *entry,
                  Cell     *cell)
{
  commit_cell (cell->page, GTK_WIDGET (entry));
}

static void
on_cell_leave (GtkEventControllerFocus *controller,
               Cell                    *cell)
{
  commit_cell (cell->page, gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller)));
}

/* Escape puts the study's value back. */
static gboolean
on_cell_key (GtkEventControllerKey *controller,
             guint                  keyval,
             guint                  keycode,
             GdkModifierType        state,
             Cell                  *cell)
{
  if (keyval != GDK_KEY_Escape || !cell->dirty)
    return FALSE;
  sync_cell (cell->page, gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller)), TRUE);
  update_status (cell->page);
  return TRUE;
}

/* --- Adding and removing ----------------------------------------------- */

static gboolean
check_new_country (SsStudy     *study,
                   const char  *code,
                   const char  *name,
                   GError     **error)
{
  if (ss_study_get_n_countries (study) >= SS_MAX_COUNTRIES)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                   _("A study holds at most %d countries"), SS_MAX_COUNTRIES);
      return FALSE;
    }
  if (!ss_is_country_code (code))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("A country code is two capital letters, like VN"));
      return FALSE;
    }
  if (ss_study_find_country (study, code) >= 0)
    {
      SsCountry *other = ss_study_get_country (study, ss_study_find_country (study, code));
      g_autofree char *other_name = ss_bidi_isolate (other->name);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS, _("%s is already the code of %s"), code,
                   other_name);
      return FALSE;
    }
  if (name == NULL || *name == '\0')
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("The name cannot be empty"));
      return FALSE;
    }
  {
    g_autofree char *message = ss_xml_text_check (name, _("The name"));

    if (message != NULL)
      {
        g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, message);
        return FALSE;
      }
  }
  return TRUE;
}

/**
 * ss_countries_page_add_country:
 *
 * Adds a country with neutral values (no disruption risk, cost index 1,
 * governance 5) as one undoable edit, and puts the focus on its name.
 *
 * Returns: the new country's index, or -1 with @error set
 */
int
ss_countries_page_add_country (SsCountriesPage  *self,
                               const char       *code,
                               const char       *name,
                               GError          **error)
{
  g_autofree char *clean_name = NULL;
  guint index;
  GtkWidget *entry;

  g_return_val_if_fail (SS_IS_COUNTRIES_PAGE (self), -1);
  g_return_val_if_fail (self->document != NULL, -1);

  clean_name = ss_page_clean_line (name != NULL ? name : "");
  if (!check_new_country (study_of (self), code, clean_name, error))
    return -1;

  ss_document_begin_edit (self->document);
  index = ss_study_add_country (study_of (self), code, clean_name);
  ss_document_changed (self->document, SS_CHANGE_STRUCTURE, -1);
  ss_document_end_edit (self->document);

  if ((entry = get_entry (self, index, COL_NAME)) != NULL)
    gtk_widget_grab_focus (entry);
  return index;
}

/* What keeps a country in the study; NULL when nothing does. */
static char *
why_not_removable (SsStudy *study,
                   guint    c)
{
  SsCountry *country = ss_study_get_country (study, c);
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
      SsItem *item = ss_study_get_item (study, first);

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
      SsScenario *scenario = ss_study_get_scenario (study, s);

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

/**
 * ss_countries_page_remove_country:
 *
 * Removes a country as one undoable edit, refused (with the reason in
 * @error) while it is home or has a nonzero share or target anywhere:
 * removing it then would leave shares that no longer sum to 1.
 */
gboolean
ss_countries_page_remove_country (SsCountriesPage  *self,
                                  guint             index,
                                  GError          **error)
{
  g_autofree char *why = NULL;
  SsStudy *study;

  g_return_val_if_fail (SS_IS_COUNTRIES_PAGE (self), FALSE);
  g_return_val_if_fail (self->document != NULL, FALSE);

  study = study_of (self);
  g_return_val_if_fail (index < ss_study_get_n_countries (study), FALSE);

  if ((why = why_not_removable (study, index)) != NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_BUSY, why);
      return FALSE;
    }

  ss_document_begin_edit (self->document);
  ss_study_remove_country (study, index);
  ss_document_changed (self->document, SS_CHANGE_STRUCTURE, -1);
  ss_document_end_edit (self->document);
  return TRUE;
}

/* countries.remove (u): the row's remove button. */
static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SsCountriesPage *self = SS_COUNTRIES_PAGE (widget);
  guint index = g_variant_get_uint32 (parameter);
  g_autoptr(GError) error = NULL;

  if (self->document == NULL || index >= ss_study_get_n_countries (study_of (self)))
    return;
  if (!ss_countries_page_remove_country (self, index, &error))
    {
      g_autofree char *name = ss_bidi_isolate (ss_study_get_country (study_of (self), index)->name);
      g_autofree char *heading = g_strdup_printf (_("Cannot Remove %s"), name);

      ss_page_show_message (widget, heading, error->message);
    }
}

typedef struct
{
  SsCountriesPage *page;
  GtkWidget       *code;
  GtkWidget       *name;
  GtkLabel        *message;
} AddDialog;

static void
on_add_dialog_changed (AdwMessageDialog *dialog)
{
  AddDialog *d = g_object_get_data (G_OBJECT (dialog), "ss-add");
  g_autofree char *code = g_ascii_strup (gtk_editable_get_text (GTK_EDITABLE (d->code)), -1);
  g_autofree char *name = ss_page_clean_line (gtk_editable_get_text (GTK_EDITABLE (d->name)));
  g_autoptr(GError) error = NULL;
  g_autofree char *name_problem = NULL;
  gboolean ok, code_bad, name_bad;

  g_strstrip (code);
  ok = check_new_country (study_of (d->page), code, name, &error);
  /* Not while the first letter is typed; the code is checked before the name. */
  code_bad = (strlen (code) >= 2 && !ss_is_country_code (code))
             || ss_study_find_country (study_of (d->page), code) >= 0;
  for (const char *p = code; *p; p++)
    code_bad |= !g_ascii_isupper (*p);
  name_problem = ss_xml_text_check (name, _("The name"));
  name_bad = name_problem != NULL;

  if (code_bad)
    gtk_widget_add_css_class (d->code, "error");
  else
    gtk_widget_remove_css_class (d->code, "error");
  if (name_bad)
    gtk_widget_add_css_class (d->name, "error");
  else
    gtk_widget_remove_css_class (d->name, "error");
  gtk_label_set_label (d->message, code_bad && error != NULL ? error->message
                                   : name_bad ? name_problem : "");
  gtk_widget_set_visible (GTK_WIDGET (d->message), code_bad || name_bad);
  adw_message_dialog_set_response_enabled (dialog, "add", ok);
}

static void
on_add_dialog_response (AdwMessageDialog *dialog,
                        const char       *response)
{
  AddDialog *d = g_object_get_data (G_OBJECT (dialog), "ss-add");
  g_autofree char *code = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "add"))
    return;
  code = g_ascii_strup (gtk_editable_get_text (GTK_EDITABLE (d->code)), -1);
  if (ss_countries_page_add_country (d->page, g_strstrip (code),
                                     gtk_editable_get_text (GTK_EDITABLE (d->name)), &error) < 0)
    g_warning ("%s", error->message);
}

/* countries.add: asks for the new country's code and name. */
static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  SsCountriesPage *self = SS_COUNTRIES_PAGE (widget);
  GtkWidget *dialog, *message;
  AddDialog *d;

  if (self->document == NULL)
    return;
  d = g_new0 (AddDialog, 1);

  dialog = ss_page_new_dialog (widget, _("Add Country"),
                               _("The new country starts with neutral values: no disruption "
                                 "risk, cost index 1 and governance risk 5. No item buys "
                                 "from it until you give it a share."));
  d->page = self;
  d->code = ss_page_new_form_entry (_("Code, like VN"));
  adw_entry_row_set_input_hints (ADW_ENTRY_ROW (d->code), GTK_INPUT_HINT_UPPERCASE_CHARS
                                 | GTK_INPUT_HINT_NO_SPELLCHECK);
  d->name = ss_page_new_form_entry (_("Name"));

  /* Under the rows, only while the code is wrong: see on_add_dialog_changed(). */
  message = ss_page_new_status_label ();
  gtk_widget_add_css_class (message, "caption");
  d->message = GTK_LABEL (message);

  ss_page_set_form (ADW_MESSAGE_DIALOG (dialog), message, d->code, d->name, NULL);
  ss_page_add_responses (ADW_MESSAGE_DIALOG (dialog), "add", _("_Add"), ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "add", FALSE);

  g_object_set_data_full (G_OBJECT (dialog), "ss-add", d, g_free);
  g_signal_connect_swapped (d->code, "changed", G_CALLBACK (on_add_dialog_changed), dialog);
  g_signal_connect_swapped (d->name, "changed", G_CALLBACK (on_add_dialog_changed), dialog);
  g_signal_connect (dialog, "response", G_CALLBACK (on_add_dialog_response), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (d->code);
}

/* --- Building the table ------------------------------------------------ */

static GtkWidget *
make_cell (SsCountriesPage *self,
           guint            country,
           guint            column)
{
  GtkWidget *entry = gtk_entry_new ();
  Cell *cell = g_new0 (Cell, 1);
  GtkEventController *focus = gtk_event_controller_focus_new ();
  GtkEventController *key = gtk_event_controller_key_new ();

  cell->page = self;
  cell->country = country;
  cell->column = column;
  g_object_set_data_full (G_OBJECT (entry), "ss-cell", cell, (GDestroyNotify)cell_free);

  gtk_editable_set_width_chars (GTK_EDITABLE (entry), columns[column].width);
  gtk_editable_set_max_width_chars (GTK_EDITABLE (entry), columns[column].width);
  if (column >= COL_ATTR)
    {
      gtk_editable_set_alignment (GTK_EDITABLE (entry), 1);
      gtk_widget_add_css_class (entry, "numeric");
      gtk_entry_set_input_purpose (GTK_ENTRY (entry), GTK_INPUT_PURPOSE_NUMBER);
    }
  else
    gtk_entry_set_input_hints (GTK_ENTRY (entry), GTK_INPUT_HINT_NO_SPELLCHECK);
  /* Room to spare goes to every column but the code, so the table
   * widens evenly instead of stretching one column. */
  gtk_widget_set_hexpand (entry, column != COL_CODE);
  if (column == COL_CODE)
    gtk_entry_set_max_length (GTK_ENTRY (entry), 2);

  g_signal_connect (entry, "changed", G_CALLBACK (on_cell_changed), cell);
  g_signal_connect (entry, "activate", G_CALLBACK (on_cell_activate), cell);
  g_signal_connect (focus, "leave", G_CALLBACK (on_cell_leave), cell);
  g_signal_connect (key, "key-pressed", G_CALLBACK (on_cell_key), cell);
  gtk_widget_add_controller (entry, focus);
  gtk_widget_add_controller (entry, key);

  g_ptr_array_add (self->cells, entry);
  sync_cell (self, entry, TRUE);
  return entry;
}

static void
add_headings (SsCountriesPage *self)
{
  for (guint col = 0; col < N_COLUMNS; col++)
    {
      GtkWidget *label = gtk_label_new (_(columns[col].heading));
      g_autofree char *tooltip = NULL;

      if (col >= COL_ATTR)
        {
          g_autofree char *range = ss_page_describe_range (&ss_country_attrs[col - COL_ATTR]);

          tooltip = g_strdup_printf (_("%s; in %s"), _(columns[col].meaning), range);
        }
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_natural_wrap_mode (GTK_LABEL (label), GTK_NATURAL_WRAP_WORD);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 10);
      gtk_label_set_justify (GTK_LABEL (label),
                             col >= COL_ATTR ? GTK_JUSTIFY_RIGHT : GTK_JUSTIFY_LEFT);
      gtk_label_set_xalign (GTK_LABEL (label), col >= COL_ATTR ? 1 : 0);
      gtk_label_set_yalign (GTK_LABEL (label), 1);
      gtk_widget_set_valign (label, GTK_ALIGN_END);
      gtk_widget_set_tooltip_text (label, tooltip != NULL ? tooltip : _(columns[col].meaning));
      gtk_widget_add_css_class (label, "caption-heading");
      gtk_widget_add_css_class (label, "dim-label");
      gtk_grid_attach (self->grid, label, col, 0, 1, 1);
    }
}

/* The (country, column) of the cell holding the focus, to give it back. */
static gboolean
find_focus (SsCountriesPage *self,
            guint           *country,
            int             *column)
{
  GtkWidget *focus = ss_page_get_focus (GTK_WIDGET (self));

  for (; focus != NULL; focus = gtk_widget_get_parent (focus))
    {
      if (gtk_widget_get_parent (focus) != GTK_WIDGET (self->grid))
        continue;
      if (GTK_IS_ENTRY (focus))
        {
          Cell *cell = cell_of (focus);

          *country = cell->country;
          *column = cell->column;
          return TRUE;
        }
      if (GTK_IS_BUTTON (focus))
        {
          *country = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (focus), "ss-country"));
          *column = -1;
          return TRUE;
        }
      return FALSE;
    }
  return FALSE;
}

/* Rows are positions, not countries: a cell shows whichever country is
 * at its row. So a change in the number of countries only adds or drops
 * rows at the end, and every cell then shows the study again (what was
 * typed and not written is dropped, as the rows may hold other
 * countries now). */
static void
rebuild (SsCountriesPage *self)
{
  SsStudy *study = study_of (self);
  guint nc = ss_study_get_n_countries (study);
  guint focus_country = 0;
  int focus_column = 0;
  gboolean had_focus = find_focus (self, &focus_country, &focus_column);

  if (gtk_widget_get_first_child (GTK_WIDGET (self->grid)) == NULL)
    add_headings (self);

  self->rebuilding = TRUE;
  while (self->n_rows > nc)
    {
      guint c = --self->n_rows;

      for (guint col = 0; col < N_COLUMNS; col++)
        gtk_grid_remove (self->grid, get_entry (self, c, col));
      gtk_grid_remove (self->grid, g_ptr_array_index (self->remove_buttons, c));
      g_ptr_array_set_size (self->cells, c * N_COLUMNS);
      g_ptr_array_set_size (self->remove_buttons, c);
    }
  self->rebuilding = FALSE;

  for (guint c = self->n_rows; c < nc; c++)
    {
      GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");

      for (guint col = 0; col < N_COLUMNS; col++)
        gtk_grid_attach (self->grid, make_cell (self, c, col), col, c + 1, 1, 1);

      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      g_object_set_data (G_OBJECT (button), "ss-country", GUINT_TO_POINTER (c));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "countries.remove");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "u", c);
      gtk_grid_attach (self->grid, button, N_COLUMNS, c + 1, 1, 1);
      g_ptr_array_add (self->remove_buttons, button);
    }
  self->n_rows = nc;
  sync_cells (self, TRUE);

  if (had_focus && focus_country >= nc && nc > 0)
    {
      guint c = nc - 1;

      if (focus_column < 0)
        gtk_widget_grab_focus (g_ptr_array_index (self->remove_buttons, c));
      else
        gtk_widget_grab_focus (get_entry (self, c, focus_column));
    }
}

static void
on_document_changed (SsCountriesPage *self,
                     guint            change,
                     int              scenario)
{
  /* A scenario's targets or levers show nowhere on this page. */
  if (change & (SS_CHANGE_STRUCTURE | SS_CHANGE_BASELINE))
    refresh (self);
}

/* --- GObject ----------------------------------------------------------- */

static void
ss_countries_page_dispose (GObject *object)
{
  SsCountriesPage *self = SS_COUNTRIES_PAGE (object);

  self->rebuilding = TRUE;
  g_clear_pointer (&self->scroller, gtk_widget_unparent);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (ss_countries_page_parent_class)->dispose (object);
}

static void
ss_countries_page_finalize (GObject *object)
{
  SsCountriesPage *self = SS_COUNTRIES_PAGE (object);

  g_clear_pointer (&self->cells, g_ptr_array_unref);
  g_clear_pointer (&self->remove_buttons, g_ptr_array_unref);

  G_OBJECT_CLASS (ss_countries_page_parent_class)->finalize (object);
}

static void
ss_countries_page_class_init (SsCountriesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ss_countries_page_dispose;
  object_class->finalize = ss_countries_page_finalize;

  gtk_widget_class_set_css_name (widget_class, "countriespage");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);

  gtk_widget_class_install_action (widget_class, "countries.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "countries.remove", "u", remove_action);
}

static void
ss_countries_page_init (SsCountriesPage *self)
{
  GtkWidget *box, *card, *grid, *status, *content;

  self->cells = g_ptr_array_new ();
  self->remove_buttons = g_ptr_array_new ();

  self->scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_widget_set_parent (self->scroller, GTK_WIDGET (self));
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);

  box = ss_page_add_column (GTK_SCROLLED_WINDOW (self->scroller), 1280, 12);
  adw_clamp_set_tightening_threshold (ADW_CLAMP (gtk_widget_get_parent (box)), 1100);

  self->group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->group, _("Countries"));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->group));

  self->add_button = gtk_button_new ();
  content = adw_button_content_new ();
  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), "list-add-symbolic");
  adw_button_content_set_label (ADW_BUTTON_CONTENT (content), _("_Add Country…"));
  adw_button_content_set_use_underline (ADW_BUTTON_CONTENT (content), TRUE);
  gtk_button_set_child (GTK_BUTTON (self->add_button), content);
  gtk_widget_set_valign (self->add_button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->add_button), "countries.add");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "countries.add", FALSE);
  adw_preferences_group_set_header_suffix (self->group, self->add_button);

  /* Only the table scrolls sideways when the window is too narrow for
   * it, so the heading and the Add button stay in view. */
  card = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (card), GTK_POLICY_AUTOMATIC,
                                  GTK_POLICY_NEVER);
  gtk_widget_add_css_class (card, "card");
  grid = gtk_grid_new ();
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 6);
  gtk_widget_set_margin_top (grid, 12);
  gtk_widget_set_margin_bottom (grid, 12);
  gtk_widget_set_margin_start (grid, 12);
  gtk_widget_set_margin_end (grid, 6);
  gtk_accessible_update_property (GTK_ACCESSIBLE (grid), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Countries"), -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (card), grid);
  adw_preferences_group_add (self->group, card);
  self->grid = GTK_GRID (grid);

  status = ss_page_new_status_label ();
  gtk_box_append (GTK_BOX (box), status);
  self->status = GTK_LABEL (status);
}

GtkWidget *
ss_countries_page_new (void)
{
  return g_object_new (SS_TYPE_COUNTRIES_PAGE, NULL);
}

void
ss_countries_page_set_document (SsCountriesPage *self,
                                SsDocument      *document)
{
  g_return_if_fail (SS_IS_COUNTRIES_PAGE (self));
  g_return_if_fail (document == NULL || SS_IS_DOCUMENT (document));

  if (ss_page_set_document (GTK_WIDGET (self), &self->document, document,
                            G_CALLBACK (on_document_changed)))
    rebuild (self);
}

/**
 * ss_countries_page_get_cell:
 * @field: an attribute's name in the file ("disruption-probability"), or
 *   "code", "name" or "group"
 *
 * Returns: (transfer none) (nullable): the entry of that cell
 */
GtkWidget *
ss_countries_page_get_cell (SsCountriesPage *self,
                            guint            country,
                            const char      *field)
{
  g_return_val_if_fail (SS_IS_COUNTRIES_PAGE (self), NULL);

  for (guint col = 0; col < N_COLUMNS; col++)
    if (g_str_equal (columns[col].field, field))
      return get_entry (self, country, col);
  return NULL;
}
