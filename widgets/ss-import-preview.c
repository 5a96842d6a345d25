/* ss-import-preview.c: the lists of an import's preview
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rows ss-import-window.c shows once a file is read: what the file
 * holds (formats, years, the largest items and partners) and what
 * importing it would change (item shares, countries added, governance,
 * what was skipped), with the numbers worded for the locale.
 */

#define G_LOG_DOMAIN "supplyshift-import-window"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "ss-bidi.h"
#include "ss-import-window-private.h"

/* --- Words and numbers ------------------------------------------------- */

const char *
_ss_import_window_format_name (SsImportFormat format)
{
  switch (format)
    {
    case SS_IMPORT_FORMAT_KCS_CSV: return _("Korea Customs Service CSV (tradedata.go.kr)");
    case SS_IMPORT_FORMAT_KCS_XML: return _("Korea Customs Service OpenAPI XML");
    case SS_IMPORT_FORMAT_COMTRADE: return _("UN Comtrade CSV");
    case SS_IMPORT_FORMAT_WGI: return _("Worldwide Governance Indicators CSV");
    case SS_IMPORT_FORMAT_DETECT:
    default: return "";
    }
}

/* Millions as a planner reads them: whole above 100, two decimals below
 * 10, never a bare 0.0 for a small but real value. */
static char *
format_million (double value)
{
  if (value >= 100)
    return g_strdup_printf ("%'.0f", value);
  if (value >= 10)
    return g_strdup_printf ("%'.1f", value);
  if (value >= 0.01 || value == 0)
    return g_strdup_printf ("%.2f", value);
  return g_strdup_printf ("%.2g", value);
}

static char *
format_share (double share)
{
  /* Translators: a share in percent, e.g. "72.8 %" */
  return g_strdup_printf (_("%.1f\u00a0%%"), 100 * share);
}

/* "China (CN)": the study's name for a country it has, else the shipped
 * tables' English name. */
char *
_ss_import_window_country_label (SsImportWindow *self,
                                 const char     *code)
{
  const char *name = NULL;
  int c;

  if (*code == '\0')
    return g_strdup (_("Areas that are not one country (rest of world)"));
  if (self->preview != NULL && (c = ss_study_find_country (self->preview, code)) >= 0)
    name = ss_study_get_country (self->preview, c)->name;
  else if (self->document != NULL
           && (c = ss_study_find_country (ss_document_get_study (self->document), code)) >= 0)
    name = ss_study_get_country (ss_document_get_study (self->document), c)->name;
  else
    name = ss_import_country_name (code);
  if (name == NULL)
    return g_strdup (code);
  /* Translators: a country and its code, e.g. "China (CN)" */
  return g_strdup_printf (_("%s (%s)"), name, code);
}

static char *
item_label (const char *name,
            const char *code)
{
  if (name == NULL || g_str_equal (name, code))
    return g_strdup (code);
  /* Translators: an item and its code, e.g. "Lithium hydroxide (282520)" */
  return g_strdup_printf (_("%s (%s)"), name, code);
}

static gboolean
in_list (GPtrArray  *codes,
         const char *code)
{
  for (guint i = 0; codes != NULL && i < codes->len; i++)
    if (g_str_equal (g_ptr_array_index (codes, i), code))
      return TRUE;
  return FALSE;
}

/* --- Rows -------------------------------------------------------------- */

void
_ss_import_window_clear_rows (SsImportWindow *self)
{
  for (guint k = 0; k < self->rows->len; k++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, k);

      adw_preferences_group_remove (g_object_get_data (G_OBJECT (row), "ss-group"), row);
    }
  g_ptr_array_set_size (self->rows, 0);
}

/* A row of plain text (names from files may hold “<” or “&”). */
static GtkWidget *
new_row (const char *title,
         const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  return row;
}

static void
add_row (SsImportWindow      *self,
         AdwPreferencesGroup *group,
         GtkWidget           *row)
{
  g_object_set_data (G_OBJECT (row), "ss-group", group);
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->rows, row);
}

static void
add_suffix (GtkWidget  *row,
            const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, "numeric");
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  if (ADW_IS_EXPANDER_ROW (row))
    adw_expander_row_add_action (ADW_EXPANDER_ROW (row), label);
  else
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
}

static void
set_icon (GtkWidget  *row,
          const char *icon)
{
  adw_action_row_set_icon_name (ADW_ACTION_ROW (row), icon);
}

static GtkWidget *
new_expander (const char *title,
              const char *subtitle)
{
  GtkWidget *row = adw_expander_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
  return row;
}

static void
add_more_row (SsImportWindow      *self,
              AdwPreferencesGroup *group,
              guint                n_more)
{
  g_autofree char *text = NULL;

  if (n_more == 0)
    return;
  text = g_strdup_printf (ngettext ("And %u more", "And %u more", n_more), n_more);
  add_row (self, group, new_row (text, NULL));
}

/* --- What the file holds ----------------------------------------------- */

int
_ss_import_window_chosen_year (SsImportWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->year_row);

  if (self->years->len == 0 || selected >= self->years->len)
    return 0;
  return g_array_index (self->years, int, selected);
}

static int
compare_items_by_value (gconstpointer a,
                        gconstpointer b)
{
  double x = ss_import_item_get_value (*(SsImportItem * const *)a);
  double y = ss_import_item_get_value (*(SsImportItem * const *)b);

  return x > y ? -1 : x < y ? 1 : 0;
}

static int
compare_flows_by_value (gconstpointer a,
                        gconstpointer b)
{
  const SsImportFlow *x = a, *y = b;

  return x->value > y->value ? -1 : x->value < y->value ? 1 : 0;
}

/* The file's items of the year chosen, largest first. */
static GPtrArray *
items_of_year (SsImportWindow *self,
               int             year)
{
  GPtrArray *items = g_ptr_array_new ();

  for (guint i = 0; i < ss_import_get_n_items (self->import); i++)
    {
      const SsImportItem *item = ss_import_get_item (self->import, i);

      if (item->year == year)
        g_ptr_array_add (items, (gpointer)item);
    }
  g_ptr_array_sort (items, compare_items_by_value);
  return items;
}

static const SsImportItem *
find_item (SsImportWindow *self,
           const char     *code,
           int             year)
{
  for (guint i = 0; i < ss_import_get_n_items (self->import); i++)
    {
      const SsImportItem *item = ss_import_get_item (self->import, i);

      if (item->year == year && g_str_equal (item->code, code))
        return item;
    }
  return NULL;
}

static char *
years_text (SsImport *import)
{
  guint n;
  const int *years = ss_import_get_years (import, &n);
  GString *text = g_string_new (NULL);

  for (guint k = 0; k < n; k++)
    g_string_append_printf (text, "%s%d", k > 0 ? ", " : "", years[k]);
  return g_string_free (text, FALSE);
}

/* Format, unit, years, what was found, and every warning of the read and
 * of the import. */
void
_ss_import_window_fill_read_group (SsImportWindow *self,
                                   int             year)
{
  AdwPreferencesGroup *group = self->read_group;
  g_autofree char *years = years_text (self->import);
  guint n_years;
  GtkWidget *row;

  ss_import_get_years (self->import, &n_years);
  if (ss_import_get_unit (self->import) != NULL)
    {
      row = new_row (_("Unit of the values"), ss_import_get_unit (self->import));
      set_icon (row, "dialog-information-symbolic");
      add_row (self, group, row);
    }
  if (n_years > 1)
    {
      g_autofree char *text = g_strdup_printf (_("%s; the import uses one, chosen above (%d)"), years, year);

      row = new_row (_("Several years in the file"), text);
      set_icon (row, "dialog-warning-symbolic");
    }
  else
    {
      row = new_row (ngettext ("Year in the file", "Years in the file", n_years), years);
      set_icon (row, "dialog-information-symbolic");
    }
  add_row (self, group, row);

  if (ss_import_get_format (self->import) == SS_IMPORT_FORMAT_WGI)
    {
      g_autoptr(GHashTable) countries = g_hash_table_new (g_str_hash, g_str_equal);
      g_autofree char *text = NULL;

      for (guint g = 0; g < ss_import_get_n_governance (self->import); g++)
        {
          const SsImportGovernance *row_g = ss_import_get_governance (self->import, g);

          if (row_g->year == year)
            g_hash_table_add (countries, (gpointer)row_g->country);
        }
      text = g_strdup_printf (ngettext ("Estimates for %u country in %d", "Estimates for %u countries in %d",
                                        g_hash_table_size (countries)),
                              g_hash_table_size (countries), year);
      row = new_row (_("Found"), text);
    }
  else
    {
      g_autoptr(GPtrArray) items = items_of_year (self, year);
      g_autoptr(GHashTable) partners = g_hash_table_new (g_str_hash, g_str_equal);
      g_autofree char *items_text = NULL;
      g_autofree char *text = NULL;

      for (guint i = 0; i < items->len; i++)
        {
          const SsImportItem *item = g_ptr_array_index (items, i);

          for (guint f = 0; f < item->flows->len; f++)
            g_hash_table_add (partners, g_array_index (item->flows, SsImportFlow, f).partner);
        }
      items_text = g_strdup_printf (ngettext ("%u item", "%u items", items->len), items->len);
      /* Translators: "2 items" then the number of partners and the year */
      text = g_strdup_printf (ngettext ("%s from %u partner in %d", "%s from %u partners in %d",
                                        g_hash_table_size (partners)),
                              items_text, g_hash_table_size (partners), year);
      row = new_row (_("Found"), text);
    }
  set_icon (row, "dialog-information-symbolic");
  add_row (self, group, row);

  for (guint k = 0; k < ss_import_get_warnings (self->import)->len; k++)
    {
      row = new_row (g_ptr_array_index (ss_import_get_warnings (self->import), k), NULL);
      set_icon (row, "dialog-warning-symbolic");
      add_row (self, group, row);
    }
  for (guint k = 0; self->summary != NULL && k < self->summary->warnings->len; k++)
    {
      row = new_row (g_ptr_array_index (self->summary->warnings, k), NULL);
      set_icon (row, "dialog-warning-symbolic");
      add_row (self, group, row);
    }
}

/* An expander's rows are made when it is first expanded: a file of a
 * year of customs data lists 50 items of up to 50 partners each, and
 * laying out thousands of rows nobody opens would keep the window busy
 * for seconds. */
typedef void (*FillExpander) (SsImportWindow *self,
                              GtkWidget      *expander,
                              gconstpointer   data);

static void
on_expanded (GtkWidget      *expander,
             GParamSpec     *pspec,
             SsImportWindow *self)
{
  FillExpander fill = g_object_get_data (G_OBJECT (expander), "ss-fill");

  if (fill == NULL || !adw_expander_row_get_expanded (ADW_EXPANDER_ROW (expander)))
    return;
  g_object_set_data (G_OBJECT (expander), "ss-fill", NULL);
  fill (self, expander, g_object_get_data (G_OBJECT (expander), "ss-fill-data"));
}

/* @data must live as long as the rows: the import, or the summary. */
static void
fill_when_expanded (SsImportWindow *self,
                    GtkWidget      *expander,
                    FillExpander    fill,
                    gconstpointer   data)
{
  g_object_set_data (G_OBJECT (expander), "ss-fill", fill);
  g_object_set_data (G_OBJECT (expander), "ss-fill-data", (gpointer)data);
  g_signal_connect_object (expander, "notify::expanded", G_CALLBACK (on_expanded), self, 0);
}

/* An item's partners with their values, largest first. */
static void
fill_flows (SsImportWindow *self,
            GtkWidget      *expander,
            gconstpointer   data)
{
  const SsImportItem *item = data;
  g_autoptr(GArray) flows = g_array_copy (item->flows);
  const char *home = NULL;

  if (self->preview != NULL)
    home = ss_study_get_country (self->preview, ss_study_get_meta (self->preview)->home)->code;
  g_array_sort (flows, compare_flows_by_value);
  for (guint f = 0; f < flows->len && f < MAX_ROWS; f++)
    {
      const SsImportFlow *flow = &g_array_index (flows, SsImportFlow, f);
      g_autofree char *name = _ss_import_window_country_label (self, flow->partner);
      g_autofree char *amount = format_million (flow->value / 1e6);
      GtkWidget *row;

      row = new_row (name, home != NULL && g_str_equal (flow->partner, home)
                             ? _("Re-imports: counted in the rest of world") : NULL);
      add_suffix (row, amount);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);
    }
}

/* Every item of the year with its value and its partners, largest first. */
void
_ss_import_window_fill_found_group (SsImportWindow *self,
                                    int             year)
{
  g_autoptr(GPtrArray) items = items_of_year (self, year);

  gtk_widget_set_visible (GTK_WIDGET (self->found_group), items->len > 0);
  if (items->len == 0)
    return;
  {
    g_autofree char *description = g_strdup_printf (_("%d: import values in million USD, by partner"), year);

    adw_preferences_group_set_description (self->found_group, description);
  }
  for (guint i = 0; i < items->len && i < MAX_ROWS; i++)
    {
      const SsImportItem *item = g_ptr_array_index (items, i);
      g_autofree char *title = item_label (item->name, item->code);
      g_autofree char *value = format_million (ss_import_item_get_value (item) / 1e6);
      g_autofree char *subtitle = NULL;
      GtkWidget *expander;

      subtitle = g_strdup_printf (ngettext ("%s million USD from %u partner", "%s million USD from %u partners",
                                            item->flows->len),
                                  value, item->flows->len);
      expander = new_expander (title, subtitle);
      fill_when_expanded (self, expander, fill_flows, item);
      add_row (self, self->found_group, expander);
    }
  add_more_row (self, self->found_group, items->len > MAX_ROWS ? items->len - MAX_ROWS : 0);
}

/* --- What the import changes ------------------------------------------- */

/* An item's shares before → after, the largest after first. */
static void
fill_shares (SsImportWindow *self,
             GtkWidget      *expander,
             gconstpointer   data)
{
  const SsImportItemChange *change = data;

  for (guint k = 0; k < change->shares->len; k++)
    {
      const SsImportCountryChange *share = &g_array_index (change->shares, SsImportCountryChange, k);
      g_autofree char *name = _ss_import_window_country_label (self, share->country);
      g_autofree char *share_after = format_share (share->after);
      g_autofree char *text = NULL;
      gboolean added = in_list (self->summary->countries_added, share->country);
      GtkWidget *row;

      row = new_row (name, added ? _("Added by this import: needs its own figures") : NULL);
      if (change->added)
        text = g_strdup (share_after);
      else
        {
          g_autofree char *share_before = format_share (share->before);

          text = g_strdup_printf ("%s → %s", share_before, share_after);
        }
      add_suffix (row, text);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);
    }
}

static void
fill_item_changes (SsImportWindow *self,
                   gboolean        new_study)
{
  GPtrArray *changes = self->summary->item_changes;

  for (guint i = 0; i < changes->len && i < MAX_ROWS; i++)
    {
      const SsImportItemChange *change = g_ptr_array_index (changes, i);
      g_autofree char *title = item_label (change->name, change->code);
      g_autofree char *after = format_million (change->value_after);
      g_autofree char *subtitle = NULL;
      GtkWidget *expander;

      if (change->added)
        subtitle = g_strdup_printf (_("Import value %s million USD; a new item"), after);
      else
        {
          g_autofree char *before = format_million (change->value_before);

          subtitle = g_strdup_printf (_("Import value %s → %s million USD"), before, after);
        }
      expander = new_expander (title, subtitle);
      fill_when_expanded (self, expander, fill_shares, change);
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (expander), changes->len <= EXPAND_CHANGES);
      add_row (self, self->changes_group, expander);
    }
  add_more_row (self, self->changes_group, changes->len > MAX_ROWS ? changes->len - MAX_ROWS : 0);
  if (changes->len == 0)
    add_row (self, self->changes_group, new_row (_("No item of the study is in the file"), NULL));
}

static void
fill_governance_changes (SsImportWindow *self)
{
  GArray *changes = self->summary->governance_changes;

  for (guint k = 0; k < changes->len; k++)
    {
      const SsImportCountryChange *change = &g_array_index (changes, SsImportCountryChange, k);
      g_autofree char *name = _ss_import_window_country_label (self, change->country);
      g_autofree char *text = g_strdup_printf ("%.2f → %.2f", change->before, change->after);
      GtkWidget *row = new_row (name, NULL);

      add_suffix (row, text);
      add_row (self, self->changes_group, row);
    }
  for (guint k = 0; k < self->summary->countries_missing->len; k++)
    {
      g_autofree char *name = _ss_import_window_country_label (self, g_ptr_array_index (self->summary->countries_missing, k));
      GtkWidget *row = new_row (name, _("Not all six estimates in the file: keeps its governance"));

      set_icon (row, "dialog-warning-symbolic");
      add_row (self, self->changes_group, row);
    }
}

void
_ss_import_window_fill_changes (SsImportWindow *self,
                                gboolean        new_study,
                                int             year)
{
  g_autofree char *study_title = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *description = NULL;
  gboolean wgi = ss_import_get_format (self->import) == SS_IMPORT_FORMAT_WGI;

  study_title = ss_bidi_isolate (ss_study_get_meta (ss_document_get_study (self->document))->title);
  if (new_study)
    {
      heading = g_strdup (_("The New Study"));
      description = g_strdup_printf (_("For %d: each item’s import value in million USD and its baseline "
                                       "shares. It opens in a new window; the open study stays as it is."),
                                     year);
    }
  else if (wgi)
    {
      heading = g_strdup_printf (_("Governance in “%s”"), study_title);
      description = g_strdup_printf (_("5 − 2 × the mean of the six estimates of %d, from 0 (best) to 10 "
                                       "(worst); before → after"), year);
    }
  else
    {
      heading = g_strdup_printf (_("Changes to “%s”"), study_title);
      description = g_strdup_printf (_("For %d: each item’s import value in million USD, and its baseline "
                                       "shares before → after. Nothing else changes."), year);
    }
  adw_preferences_group_set_title (self->changes_group, heading);
  adw_preferences_group_set_description (self->changes_group, description);
  if (wgi)
    fill_governance_changes (self);
  else
    fill_item_changes (self, new_study);
}

/* Countries the import adds, which carry figures that are not theirs. */
void
_ss_import_window_fill_countries (SsImportWindow *self,
                                  gboolean        new_study)
{
  GPtrArray *added = self->summary->countries_added;
  const char *home = ss_study_get_country (self->preview, ss_study_get_meta (self->preview)->home)->code;
  g_autofree char *description = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->countries_group), added->len > 0);
  if (added->len == 0)
    return;
  if (self->summary->template_used[0] != '\0')
    {
      g_autofree char *template = _ss_import_window_country_label (self, self->summary->template_used);
      g_autofree char *isolated = ss_bidi_isolate (template);

      description = g_strdup_printf (_("They take the figures of %s until you enter their own on the "
                                       "Countries page."), isolated);
    }
  else
    /* xgettext:no-c-format */
    description = g_strdup (_("They take cautious placeholder figures (governance 6, a 10 % chance of "
                              "disruption a year, a cost index of 1.1) until you enter their own on the "
                              "Countries page: never safe and cheap by default."));
  adw_preferences_group_set_description (self->countries_group, description);

  for (guint k = 0; k < added->len; k++)
    {
      const char *code = g_ptr_array_index (added, k);
      g_autofree char *name = _ss_import_window_country_label (self, code);
      GtkWidget *row;

      row = new_row (name, new_study && g_str_equal (code, home)
                             ? _("The home country: needs its own figures")
                             : _("Needs its own figures"));
      set_icon (row, "dialog-warning-symbolic");
      add_row (self, self->countries_group, row);
    }
}

void
_ss_import_window_fill_skipped (SsImportWindow *self,
                                int             year)
{
  GPtrArray *skipped = self->summary->items_skipped;

  gtk_widget_set_visible (GTK_WIDGET (self->skipped_group), skipped->len > 0);
  for (guint k = 0; k < skipped->len && k < MAX_ROWS; k++)
    {
      const char *code = g_ptr_array_index (skipped, k);
      const SsImportItem *item = find_item (self, code, year);
      g_autofree char *title = item_label (item != NULL ? item->name : NULL, code);
      g_autofree char *value = item != NULL ? format_million (ss_import_item_get_value (item) / 1e6) : NULL;
      g_autofree char *text = value != NULL ? g_strdup_printf (_("%s million USD"), value) : NULL;
      GtkWidget *row = new_row (title, NULL);

      if (text != NULL)
        add_suffix (row, text);
      add_row (self, self->skipped_group, row);
    }
  add_more_row (self, self->skipped_group, skipped->len > MAX_ROWS ? skipped->len - MAX_ROWS : 0);
}
