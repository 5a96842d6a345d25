/* ss-countries-page.c: the Countries page — every country's figures as a table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One row per country, one column per text and attribute of the
 * country's table in model/ss-attrs.c (a new attribute is a new column),
 * each cell an entry that an SsField checks as it is typed and writes
 * through the document. The page itself (ss-countries-page.ui) holds the
 * group, the table's card and the Add Country dialog.
 *
 * The rows are rebuilt only when countries are added or removed, with the
 * focus put back where it was; the fields follow the document for the
 * rest.
 */

#define G_LOG_DOMAIN "supplyshift-countries-page"

#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "ss-bidi.h"
#include "ss-countries-page.h"
#include "ss-field.h"
#include "ss-page-util.h"
#include "ss-xml-text.h"

/* The texts before the attributes, and how wide their entries are. */
static const struct
{
  const char *name;
  int         width;                   /* in characters */
} texts[] = {
  { "code", 3 },
  { "name", 10 },
  { "group", 6 },
};

#define COL_ATTR    G_N_ELEMENTS (texts)
#define N_COLUMNS   (COL_ATTR + SS_COUNTRY_N_ATTRS)
#define ATTR_WIDTH  5

struct _SsCountriesPage
{
  SsDataPage            parent_instance;

  /* Template widgets */
  GtkWidget            *scroller;
  AdwPreferencesGroup  *group;
  GtkWidget            *add_button;
  GtkGrid              *grid;
  GtkLabel             *status;
  AdwMessageDialog     *add_dialog;
  GtkEditable          *add_code;
  GtkEditable          *add_name;
  GtkLabel             *add_message;
  AdwComboRow          *add_like;
  GtkStringList        *add_like_names;

  /* Owned */
  GPtrArray            *fields;        /* of SsField, row-major, N_COLUMNS a row */
  GPtrArray            *remove_buttons; /* of GtkButton, borrowed */
};

G_DEFINE_FINAL_TYPE (SsCountriesPage, ss_countries_page, SS_TYPE_DATA_PAGE)

static SsDocument *
document_of (SsCountriesPage *self)
{
  return ss_data_page_get_document (SS_DATA_PAGE (self));
}

static const SsStudy *
study_of (SsCountriesPage *self)
{
  return ss_document_get_study (document_of (self));
}

static const char *
column_name (guint column)
{
  return column < COL_ATTR ? texts[column].name : ss_country_attrs[column - COL_ATTR].name;
}

static guint
n_rows (SsCountriesPage *self)
{
  return self->fields->len / N_COLUMNS;
}

static SsField *
get_field (SsCountriesPage *self,
           guint            country,
           guint            column)
{
  guint k = country * N_COLUMNS + column;

  return k < self->fields->len ? g_ptr_array_index (self->fields, k) : NULL;
}

/* --- What goes with the cells ------------------------------------------ */

static void
update_status (SsCountriesPage *self)
{
  ss_page_show_first_message (self->status, (SsField **)self->fields->pdata, self->fields->len);
}

static void
update_remove_buttons (SsCountriesPage *self)
{
  for (guint c = 0; c < self->remove_buttons->len; c++)
    {
      GtkWidget *button = g_ptr_array_index (self->remove_buttons, c);
      g_autofree char *name = ss_bidi_isolate (ss_study_get_country (study_of (self), c)->name);
      g_autofree char *label = g_strdup_printf (_("Remove %s"), name);

      ss_page_set_tooltip (button, label);
      ss_page_set_accessible_label (button, label);
    }
}

static void
update_home_icons (SsCountriesPage *self)
{
  guint home = ss_study_get_meta (study_of (self))->home;

  for (guint c = 0; c < n_rows (self); c++)
    {
      GtkEntry *entry = GTK_ENTRY (ss_field_get_widget (get_field (self, c, 1)));
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

  /* Translators: the number of countries, then the most a study holds */
  description = g_strdup_printf (_("%u of at most %u countries. Rates and shares are in percent; "
                                   "point at a column heading for its meaning."),
                                 n, SS_MAX_COUNTRIES);
  adw_preferences_group_set_description (self->group, description);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "countries.add", n < SS_MAX_COUNTRIES);
  ss_page_set_tooltip (self->add_button, n < SS_MAX_COUNTRIES ? _("Add a country to the study")
                                         : _("A study holds at most 16 countries"));
}

/* --- Building the table ------------------------------------------------ */

static void
add_headings (SsCountriesPage *self)
{
  for (guint col = 0; col < N_COLUMNS; col++)
    {
      g_autoptr(SsField) field = ss_field_new (SS_ELEMENT_COUNTRY, column_name (col));
      g_autofree char *tooltip = ss_field_dup_description (field);
      g_autofree char *heading = ss_field_dup_heading (field);
      GtkWidget *label = gtk_label_new (heading);
      gboolean number = col >= COL_ATTR;

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_natural_wrap_mode (GTK_LABEL (label), GTK_NATURAL_WRAP_WORD);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 10);
      gtk_label_set_justify (GTK_LABEL (label), number ? GTK_JUSTIFY_RIGHT : GTK_JUSTIFY_LEFT);
      gtk_label_set_xalign (GTK_LABEL (label), number ? 1 : 0);
      gtk_label_set_yalign (GTK_LABEL (label), 1);
      gtk_widget_set_valign (label, GTK_ALIGN_END);
      gtk_widget_set_tooltip_text (label, tooltip);
      gtk_widget_add_css_class (label, "caption-heading");
      gtk_widget_add_css_class (label, "dim-label");
      gtk_grid_attach (self->grid, label, col, 0, 1, 1);
    }
}

static void
add_row (SsCountriesPage *self,
         guint            country)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");

  for (guint col = 0; col < N_COLUMNS; col++)
    {
      GtkWidget *entry = gtk_entry_new ();
      int width = col < COL_ATTR ? texts[col].width : ATTR_WIDTH;
      SsField *field = ss_field_new (SS_ELEMENT_COUNTRY, column_name (col));

      gtk_editable_set_width_chars (GTK_EDITABLE (entry), width);
      gtk_editable_set_max_width_chars (GTK_EDITABLE (entry), width);
      /* Room to spare goes to every column but the code, so the table
       * widens evenly instead of stretching one column. */
      gtk_widget_set_hexpand (entry, col != 0);
      if (col == 0)
        gtk_entry_set_max_length (GTK_ENTRY (entry), 2);
      gtk_grid_attach (self->grid, entry, col, country + 1, 1, 1);

      ss_field_set_country (field, country);
      ss_field_set_document (field, document_of (self));
      ss_field_set_widget (field, entry);
      g_signal_connect_object (field, "notify::message", G_CALLBACK (update_status), self,
                               G_CONNECT_SWAPPED);
      g_ptr_array_add (self->fields, field);
    }

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "countries.remove");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "u", country);
  gtk_grid_attach (self->grid, button, N_COLUMNS, country + 1, 1, 1);
  g_ptr_array_add (self->remove_buttons, button);
}

static void
remove_last_row (SsCountriesPage *self)
{
  guint c = n_rows (self) - 1;

  for (guint col = 0; col < N_COLUMNS; col++)
    {
      SsField *field = get_field (self, c, col);

      gtk_grid_remove (self->grid, ss_field_get_widget (field));
      ss_field_set_widget (field, NULL);
    }
  gtk_grid_remove (self->grid, g_ptr_array_index (self->remove_buttons, c));
  g_ptr_array_set_size (self->fields, c * N_COLUMNS);
  g_ptr_array_set_size (self->remove_buttons, c);
}

/* The (country, column) of the cell holding the focus, the column -1 for
 * a remove button; FALSE when the table does not have the focus. */
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
      for (guint k = 0; k < self->fields->len; k++)
        if (ss_field_get_widget (g_ptr_array_index (self->fields, k)) == focus)
          {
            *country = k / N_COLUMNS;
            *column = k % N_COLUMNS;
            return TRUE;
          }
      for (guint c = 0; c < self->remove_buttons->len; c++)
        if (g_ptr_array_index (self->remove_buttons, c) == focus)
          {
            *country = c;
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
  guint nc = ss_study_get_n_countries (study_of (self));
  guint focus_country = 0;
  int focus_column = 0;
  gboolean had_focus = find_focus (self, &focus_country, &focus_column);

  while (n_rows (self) > nc)
    remove_last_row (self);
  for (guint c = n_rows (self); c < nc; c++)
    add_row (self, c);
  for (guint k = 0; k < self->fields->len; k++)
    ss_field_reset (g_ptr_array_index (self->fields, k));

  if (had_focus && focus_country >= nc && nc > 0)
    {
      guint c = nc - 1;

      if (focus_column < 0)
        gtk_widget_grab_focus (g_ptr_array_index (self->remove_buttons, c));
      else
        gtk_widget_grab_focus (ss_field_get_widget (get_field (self, c, focus_column)));
    }
}

static void
ss_countries_page_document_changed (SsDataPage *page,
                                    SsChange    change,
                                    int         scenario)
{
  SsCountriesPage *self = SS_COUNTRIES_PAGE (page);

  /* A scenario's targets or levers show nowhere on this page. */
  if (!(change & (SS_CHANGE_STRUCTURE | SS_CHANGE_BASELINE)) || document_of (self) == NULL)
    return;
  if (ss_study_get_n_countries (study_of (self)) != n_rows (self))
    rebuild (self);
  update_remove_buttons (self);
  update_home_icons (self);
  update_header (self);
  update_status (self);
}

/* --- Adding and removing ----------------------------------------------- */

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
  return ss_countries_page_add_country_like (self, code, name, -1, error);
}

/**
 * ss_countries_page_add_country_like:
 * @like: the country whose figures the new one starts with, or -1 for
 *   the neutral values
 *
 * As ss_countries_page_add_country(), starting from @like's figures
 * (ss_document_add_country_like()), as the Add Country dialog does.
 */
int
ss_countries_page_add_country_like (SsCountriesPage  *self,
                                    const char       *code,
                                    const char       *name,
                                    int               like,
                                    GError          **error)
{
  g_autofree char *clean_name = NULL;
  SsField *field;
  int index;

  g_return_val_if_fail (SS_IS_COUNTRIES_PAGE (self), -1);
  g_return_val_if_fail (document_of (self) != NULL, -1);

  clean_name = ss_page_clean_line (name != NULL ? name : "");
  index = ss_document_add_country_like (document_of (self), code, clean_name, like, error);
  if (index >= 0 && (field = get_field (self, index, 1)) != NULL)
    gtk_widget_grab_focus (ss_field_get_widget (field));
  return index;
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
  g_return_val_if_fail (SS_IS_COUNTRIES_PAGE (self), FALSE);
  g_return_val_if_fail (document_of (self) != NULL, FALSE);

  return ss_document_remove_country (document_of (self), index, error);
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

  if (document_of (self) == NULL || index >= ss_study_get_n_countries (study_of (self)))
    return;
  if (!ss_countries_page_remove_country (self, index, &error))
    {
      g_autofree char *name = ss_bidi_isolate (ss_study_get_country (study_of (self), index)->name);
      g_autofree char *heading = g_strdup_printf (_("Cannot Remove %s"), name);

      ss_page_show_message (widget, heading, error->message);
    }
}

/* The dialog's code and name as the new country would get them. */
static void
get_new_country (SsCountriesPage  *self,
                 char            **code,
                 char            **name)
{
  *code = g_strstrip (g_ascii_strup (gtk_editable_get_text (self->add_code), -1));
  *name = ss_page_clean_line (gtk_editable_get_text (self->add_name));
}

static void
on_add_dialog_changed (SsCountriesPage *self)
{
  g_autofree char *code = NULL;
  g_autofree char *name = NULL;
  g_autofree char *name_problem = NULL;
  gboolean taken, code_bad, name_bad;

  if (document_of (self) == NULL)
    return;
  get_new_country (self, &code, &name);
  /* Not while the first letter is typed; the code is checked before the name. */
  taken = ss_study_find_country (study_of (self), code) >= 0;
  code_bad = (strlen (code) >= 2 && !ss_is_country_code (code)) || taken;
  for (const char *p = code; *p; p++)
    code_bad |= !g_ascii_isupper (*p);
  name_problem = ss_xml_text_check (name, _("The name"));
  name_bad = name_problem != NULL;

  if (code_bad)
    gtk_widget_add_css_class (GTK_WIDGET (self->add_code), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->add_code), "error");
  if (name_bad)
    gtk_widget_add_css_class (GTK_WIDGET (self->add_name), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->add_name), "error");

  if (code_bad && taken)
    {
      int other = ss_study_find_country (study_of (self), code);
      g_autofree char *other_name = ss_bidi_isolate (ss_study_get_country (study_of (self),
                                                                           other)->name);
      g_autofree char *message = g_strdup_printf (_("%s is already the code of %s"), code,
                                                  other_name);

      gtk_label_set_label (self->add_message, message);
    }
  else if (code_bad)
    gtk_label_set_label (self->add_message, _("A country code is two capital letters, like VN"));
  else
    gtk_label_set_label (self->add_message, name_bad ? name_problem : "");
  gtk_widget_set_visible (GTK_WIDGET (self->add_message), code_bad || name_bad);
  adw_message_dialog_set_response_enabled (self->add_dialog, "add",
                                           !code_bad && !name_bad && ss_is_country_code (code)
                                           && *name != '\0'
                                           && ss_study_get_n_countries (study_of (self))
                                              < SS_MAX_COUNTRIES);
}

static void
on_add_dialog_response (SsCountriesPage *self,
                        const char      *response)
{
  g_autofree char *code = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GError) error = NULL;
  guint like;

  if (!g_str_equal (response, "add") || document_of (self) == NULL)
    return;
  get_new_country (self, &code, &name);
  like = adw_combo_row_get_selected (self->add_like);
  if (ss_countries_page_add_country_like (self, code, name,
                                          like < ss_study_get_n_countries (study_of (self)) ? (int)like : -1,
                                          &error) < 0)
    g_warning ("%s", error->message);
}

/* The countries a new one may take its figures from; the rest of the
 * world (ZZ) first chosen where the study has it, else the last foreign
 * country: not the home country, whose supply is domestic. */
static void
fill_like (SsCountriesPage *self)
{
  const SsStudy *study = study_of (self);
  guint n = ss_study_get_n_countries (study);
  guint home = ss_study_get_meta (study)->home;
  int chosen = ss_study_find_country (study, "ZZ");
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  for (guint c = 0; c < n; c++)
    g_ptr_array_add (names, ss_study_get_country (study, c)->name);
  for (int c = (int)n - 1; chosen < 0 && c >= 0; c--)
    if ((guint)c != home)
      chosen = c;
  g_ptr_array_add (names, NULL);
  gtk_string_list_splice (self->add_like_names, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->add_like_names)),
                          (const char * const *)names->pdata);
  adw_combo_row_set_selected (self->add_like, chosen >= 0 ? (guint)chosen : 0);
}

/* countries.add: asks for the new country's code and name. */
static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  SsCountriesPage *self = SS_COUNTRIES_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);

  if (document_of (self) == NULL)
    return;
  gtk_editable_set_text (self->add_code, "");
  gtk_editable_set_text (self->add_name, "");
  fill_like (self);
  on_add_dialog_changed (self);
  gtk_window_set_transient_for (GTK_WINDOW (self->add_dialog),
                                GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL);
  gtk_window_present (GTK_WINDOW (self->add_dialog));
  gtk_widget_grab_focus (GTK_WIDGET (self->add_code));
}

/* --- GObject ----------------------------------------------------------- */

static void
ss_countries_page_dispose (GObject *object)
{
  SsCountriesPage *self = SS_COUNTRIES_PAGE (object);

  if (self->add_dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->add_dialog));
  if (self->fields != NULL)
    g_ptr_array_set_size (self->fields, 0);
  gtk_widget_dispose_template (GTK_WIDGET (self), SS_TYPE_COUNTRIES_PAGE);

  G_OBJECT_CLASS (ss_countries_page_parent_class)->dispose (object);
}

static void
ss_countries_page_finalize (GObject *object)
{
  SsCountriesPage *self = SS_COUNTRIES_PAGE (object);

  g_clear_pointer (&self->fields, g_ptr_array_unref);
  g_clear_pointer (&self->remove_buttons, g_ptr_array_unref);

  G_OBJECT_CLASS (ss_countries_page_parent_class)->finalize (object);
}

static void
ss_countries_page_document_set (SsDataPage *page)
{
  SsCountriesPage *self = SS_COUNTRIES_PAGE (page);

  for (guint k = 0; k < self->fields->len; k++)
    ss_field_set_document (g_ptr_array_index (self->fields, k), document_of (self));
  ss_countries_page_document_changed (page, SS_CHANGE_STRUCTURE, -1);
}

static void
ss_countries_page_class_init (SsCountriesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  SsDataPageClass *page_class = SS_DATA_PAGE_CLASS (klass);

  object_class->dispose = ss_countries_page_dispose;
  object_class->finalize = ss_countries_page_finalize;
  page_class->document_set = ss_countries_page_document_set;
  page_class->document_changed = ss_countries_page_document_changed;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               SS_UI_RESOURCE ("ss-countries-page.ui"));
  gtk_widget_class_bind_template_child (widget_class, SsCountriesPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, SsCountriesPage, group);
  gtk_widget_class_bind_template_child (widget_class, SsCountriesPage, add_button);
  gtk_widget_class_bind_template_child (widget_class, SsCountriesPage, grid);
  gtk_widget_class_bind_template_child (widget_class, SsCountriesPage, status);
  gtk_widget_class_bind_template_child (widget_class, SsCountriesPage, add_dialog);
  gtk_widget_class_bind_template_child (widget_class, SsCountriesPage, add_code);
  gtk_widget_class_bind_template_child (widget_class, SsCountriesPage, add_name);
  gtk_widget_class_bind_template_child (widget_class, SsCountriesPage, add_message);
  gtk_widget_class_bind_template_child (widget_class, SsCountriesPage, add_like);
  gtk_widget_class_bind_template_child (widget_class, SsCountriesPage, add_like_names);
  gtk_widget_class_bind_template_callback (widget_class, on_add_dialog_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_add_dialog_response);

  gtk_widget_class_set_css_name (widget_class, "countriespage");

  gtk_widget_class_install_action (widget_class, "countries.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "countries.remove", "u", remove_action);
}

static void
ss_countries_page_init (SsCountriesPage *self)
{
  self->fields = g_ptr_array_new_with_free_func (g_object_unref);
  self->remove_buttons = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "countries.add", FALSE);
  add_headings (self);
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
  ss_data_page_set_document (SS_DATA_PAGE (self), document);
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
    if (g_str_equal (column_name (col), field) && get_field (self, country, col) != NULL)
      return ss_field_get_widget (get_field (self, country, col));
  return NULL;
}
