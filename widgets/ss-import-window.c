/* ss-import-window.c: the preview of an import of trade statistics
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window reads the file in a worker thread (ss_import_read() with a
 * cancellable: Cancel, closing the window or another format stops it),
 * then shows what the file holds and what importing it would change,
 * before anything changes: it applies the import to a copy of the open
 * study (or builds the new study) with the options shown, and lists the
 * summary the importer gives back. Import then applies it for real as
 * one document operation, so it is one undo step. A file that cannot be
 * read shows the reader's message, which names the file, the line and
 * the column; the open study is never touched before Import.
 */

#define G_LOG_DOMAIN "supplyshift-import-window"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "ss-bidi.h"
#include "ss-import-window.h"
#include "ss-safe-file.h"

/* A file of a whole year of customs data has thousands of HS codes: the
 * lists show the largest, and say how many more there are. */
#define MAX_ROWS 50
/* Item changes start expanded when there are this few. */
#define EXPAND_CHANGES 3

enum
{
  TARGET_OPEN_STUDY,
  TARGET_NEW_STUDY,
};

struct _SsImportWindow
{
  AdwWindow             parent_instance;

  /* Template widgets */
  AdwWindowTitle       *window_title;
  GtkWidget            *import_button;
  AdwActionRow         *file_row;
  AdwComboRow          *format_row;
  AdwActionRow         *map_row;
  GtkWidget            *map_clear_button;
  GtkStack             *stack;
  GtkSpinner           *spinner;
  GtkLabel             *reading_label;
  GtkLabel             *error_label;
  AdwComboRow          *target_row;
  AdwComboRow          *year_row;
  GtkStringList        *year_list;
  GtkWidget            *top_row;
  GtkSpinButton        *top_spin;
  AdwComboRow          *template_row;
  GtkStringList        *template_list;
  GtkWidget            *problem_group;
  AdwActionRow         *problem_row;
  AdwPreferencesGroup  *read_group;
  AdwPreferencesGroup  *changes_group;
  AdwPreferencesGroup  *countries_group;
  AdwPreferencesGroup  *skipped_group;
  AdwPreferencesGroup  *found_group;

  /* Owned */
  SsDocument           *document;
  GFile                *file;
  GFile                *items_map;
  GCancellable         *reading;
  SsImport             *import;
  char                 *error;
  SsStudy              *preview;       /* the copy imported into, or the new study */
  SsImportSummary      *summary;
  char                 *problem;
  GPtrArray            *rows;          /* rows the lists added, to remove */
  GArray               *years;         /* of int: year_list's */
  GPtrArray            *templates;     /* of char *: template_list's, [0] NULL */
  gboolean              updating;      /* setting rows, not the user */
};

enum
{
  PROP_0,
  PROP_DOCUMENT,
  PROP_FILE,
  PROP_READING,
  N_PROPS
};

enum
{
  APPLIED,
  NEW_STUDY,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (SsImportWindow, ss_import_window, ADW_TYPE_WINDOW)

static void read_file (SsImportWindow *self);
static void update_preview (SsImportWindow *self);

/* --- Words and numbers ------------------------------------------------- */

static const char *
format_name (SsImportFormat format)
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
static char *
country_label (SsImportWindow *self,
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

static void
clear_rows (SsImportWindow *self)
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

static int
chosen_year (SsImportWindow *self)
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
static void
fill_read_group (SsImportWindow *self,
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
      g_autofree char *name = country_label (self, flow->partner);
      g_autofree char *amount = format_million (flow->value / 1e6);
      GtkWidget *row;

      row = new_row (name, home != NULL && g_str_equal (flow->partner, home)
                             ? _("Re-imports: counted in the rest of world") : NULL);
      add_suffix (row, amount);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);
    }
}

/* Every item of the year with its value and its partners, largest first. */
static void
fill_found_group (SsImportWindow *self,
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
      g_autofree char *name = country_label (self, share->country);
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
      g_autofree char *name = country_label (self, change->country);
      g_autofree char *text = g_strdup_printf ("%.2f → %.2f", change->before, change->after);
      GtkWidget *row = new_row (name, NULL);

      add_suffix (row, text);
      add_row (self, self->changes_group, row);
    }
  for (guint k = 0; k < self->summary->countries_missing->len; k++)
    {
      g_autofree char *name = country_label (self, g_ptr_array_index (self->summary->countries_missing, k));
      GtkWidget *row = new_row (name, _("Not all six estimates in the file: keeps its governance"));

      set_icon (row, "dialog-warning-symbolic");
      add_row (self, self->changes_group, row);
    }
}

static void
fill_changes (SsImportWindow *self,
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
static void
fill_countries (SsImportWindow *self,
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
      g_autofree char *template = country_label (self, self->summary->template_used);
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
      g_autofree char *name = country_label (self, code);
      GtkWidget *row;

      row = new_row (name, new_study && g_str_equal (code, home)
                             ? _("The home country: needs its own figures")
                             : _("Needs its own figures"));
      set_icon (row, "dialog-warning-symbolic");
      add_row (self, self->countries_group, row);
    }
}

static void
fill_skipped (SsImportWindow *self,
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

/* --- The preview ------------------------------------------------------- */

static gboolean
is_new_study (SsImportWindow *self)
{
  return adw_combo_row_get_selected (self->target_row) == TARGET_NEW_STUDY;
}

static void
get_options (SsImportWindow  *self,
             SsImportOptions *options)
{
  guint template = adw_combo_row_get_selected (self->template_row);

  memset (options, 0, sizeof *options);
  options->year = chosen_year (self);
  options->top = (guint)gtk_spin_button_get_value_as_int (self->top_spin);
  if (!is_new_study (self) && template < self->templates->len)
    options->template_country = g_ptr_array_index (self->templates, template);
}

static void
set_problem (SsImportWindow *self,
             const char     *problem)
{
  g_free (self->problem);
  self->problem = g_strdup (problem);
  gtk_widget_set_visible (self->problem_group, problem != NULL);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->problem_row), problem != NULL ? problem : "");
}

static void
update_actions (SsImportWindow *self)
{
  gboolean can = self->import != NULL && self->preview != NULL && self->problem == NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.apply", can);
  gtk_widget_set_sensitive (self->import_button, can);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.choose-map", self->reading == NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.clear-map",
                                 self->reading == NULL && self->items_map != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->format_row), self->reading == NULL);
}

/* Imports into a copy of the open study (or builds the new one) with the
 * options shown, and lists what that did. */
static void
update_preview (SsImportWindow *self)
{
  g_autoptr(GError) error = NULL;
  const SsStudy *study = ss_document_get_study (self->document);
  gboolean new_study = is_new_study (self);
  SsImportOptions options;
  int year;

  if (self->import == NULL || self->updating)
    return;
  g_clear_object (&self->preview);
  g_clear_pointer (&self->summary, ss_import_summary_free);
  set_problem (self, NULL);
  clear_rows (self);

  get_options (self, &options);
  gtk_widget_set_sensitive (GTK_WIDGET (self->template_row), !new_study);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->target_row),
                               new_study ? _("It opens in a new window; the open study stays as it is")
                                         : _("The change is one step, which Undo takes back"));
  if (new_study)
    self->preview = ss_import_new_study (self->import, &options, &self->summary, &error);
  else
    {
      self->preview = ss_study_copy (study);
      if (!ss_import_apply (self->import, self->preview, &options, &self->summary, &error))
        g_clear_object (&self->preview);
    }

  year = self->summary != NULL ? self->summary->year : chosen_year (self);
  if (year == 0)
    {
      guint n;
      const int *years = ss_import_get_years (self->import, &n);

      year = n > 0 ? years[n - 1] : 0;
    }
  fill_read_group (self, year);
  if (self->preview == NULL)
    {
      set_problem (self, error != NULL ? error->message : "");
      gtk_widget_set_visible (GTK_WIDGET (self->changes_group), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->countries_group), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->skipped_group), FALSE);
    }
  else
    {
      gtk_widget_set_visible (GTK_WIDGET (self->changes_group), TRUE);
      fill_changes (self, new_study, year);
      fill_countries (self, new_study);
      fill_skipped (self, year);
      if (!new_study && ss_study_equal (self->preview, study))
        set_problem (self, _("The open study already holds what this file says: importing it changes "
                             "nothing."));
    }
  if (ss_import_get_format (self->import) != SS_IMPORT_FORMAT_WGI)
    fill_found_group (self, year);
  else
    gtk_widget_set_visible (GTK_WIDGET (self->found_group), FALSE);
  update_actions (self);
}

/* After a read: the years the file holds (the study's base year, else
 * the latest, chosen), the countries new ones can take figures from, and
 * whether a new study is possible (not from governance indicators). */
static void
setup_options (SsImportWindow *self)
{
  const SsStudy *study = ss_document_get_study (self->document);
  int base_year = ss_study_get_meta (study)->base_year;
  int rest = ss_study_find_country (study, SS_IMPORT_REST_COUNTRY);
  gboolean wgi = ss_import_get_format (self->import) == SS_IMPORT_FORMAT_WGI;
  guint n_years, selected;
  const int *years = ss_import_get_years (self->import, &n_years);
  g_autoptr(GStrvBuilder) labels = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;

  self->updating = TRUE;

  g_array_set_size (self->years, 0);
  selected = n_years > 0 ? n_years - 1 : 0;
  for (guint k = 0; k < n_years; k++)
    {
      char text[16];

      g_array_append_val (self->years, years[k]);
      g_snprintf (text, sizeof text, "%d", years[k]);
      g_strv_builder_add (labels, text);
      if (years[k] == base_year)
        selected = k;
    }
  strv = g_strv_builder_end (labels);
  gtk_string_list_splice (self->year_list, 0, g_list_model_get_n_items (G_LIST_MODEL (self->year_list)),
                          (const char * const *)strv);
  adw_combo_row_set_selected (self->year_row, selected);
  gtk_widget_set_visible (GTK_WIDGET (self->year_row), n_years > 1);

  g_ptr_array_set_size (self->templates, 0);
  gtk_string_list_splice (self->template_list, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->template_list)), NULL);
  g_ptr_array_add (self->templates, NULL);
  if (rest >= 0)
    {
      g_autofree char *name = country_label (self, SS_IMPORT_REST_COUNTRY);

      gtk_string_list_append (self->template_list, name);
    }
  else
    gtk_string_list_append (self->template_list, _("Cautious placeholders"));
  for (guint c = 0; c < ss_study_get_n_countries (study); c++)
    {
      const char *code = ss_study_get_country (study, c)->code;
      g_autofree char *name = NULL;

      if ((int)c == rest)
        continue;
      name = country_label (self, code);
      g_ptr_array_add (self->templates, g_strdup (code));
      gtk_string_list_append (self->template_list, name);
    }
  adw_combo_row_set_selected (self->template_row, 0);

  if (wgi)
    adw_combo_row_set_selected (self->target_row, TARGET_OPEN_STUDY);
  gtk_widget_set_sensitive (GTK_WIDGET (self->target_row), !wgi);
  gtk_widget_set_visible (self->top_row, !wgi);
  gtk_widget_set_visible (GTK_WIDGET (self->template_row), !wgi);

  self->updating = FALSE;
}

static void
update_file_row (SsImportWindow *self)
{
  g_autofree char *name = ss_file_get_display_basename (self->file);
  g_autofree char *map_name = self->items_map != NULL ? ss_file_get_display_basename (self->items_map) : NULL;
  g_autofree char *subtitle = NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->file_row), name);
  if (self->import != NULL)
    {
      const char *reporter = ss_import_get_reporter (self->import);
      g_autofree char *reporter_name = reporter != NULL ? country_label (self, reporter) : NULL;

      if (reporter_name != NULL)
        /* Translators: a file format, then the importing country */
        subtitle = g_strdup_printf (_("%s, imports of %s"), format_name (ss_import_get_format (self->import)),
                                    reporter_name);
      else
        subtitle = g_strdup (format_name (ss_import_get_format (self->import)));
    }
  else if (self->error != NULL)
    subtitle = g_strdup (_("Not read"));
  else
    subtitle = g_strdup (_("Reading…"));
  adw_action_row_set_subtitle (self->file_row, subtitle);

  adw_action_row_set_subtitle (self->map_row, map_name != NULL ? map_name
                               : _("None: each HS code of the file is an item"));
  gtk_widget_set_visible (self->map_clear_button, self->items_map != NULL);
}

/* --- Reading ----------------------------------------------------------- */

typedef struct
{
  GFile          *file;
  char           *display;
  SsImportFormat  format;
  GFile          *items_map;
} ReadJob;

static void
read_job_free (ReadJob *job)
{
  g_clear_object (&job->file);
  g_free (job->display);
  g_clear_object (&job->items_map);
  g_free (job);
}

/* Reads still running: a cancelled one runs on in its thread until the
 * reader notices, which the process must wait for before it exits. */
static GMutex reads_lock;
static GCond reads_done;
static guint reads_running;

static void
read_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  ReadJob *job = task_data;
  GError *error = NULL;
  SsImport *import;

  g_mutex_lock (&reads_lock);
  reads_running++;
  g_mutex_unlock (&reads_lock);
  import = ss_import_read (job->file, job->display, job->format, job->items_map, cancellable, &error);
  g_mutex_lock (&reads_lock);
  reads_running--;
  g_cond_broadcast (&reads_done);
  g_mutex_unlock (&reads_lock);

  if (import == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, import, (GDestroyNotify)ss_import_free);
}

static void
show_page (SsImportWindow *self,
           const char     *page)
{
  gtk_stack_set_visible_child_name (self->stack, page);
  gtk_spinner_set_spinning (self->spinner, g_str_equal (page, "reading"));
}

static void
on_read (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(SsImportWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  SsImport *import = g_task_propagate_pointer (G_TASK (result), &error);

  /* A read cancelled (by Cancel, or by another format) says nothing. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)
      || self->reading != g_task_get_cancellable (G_TASK (result)))
    {
      g_clear_pointer (&import, ss_import_free);
      return;
    }
  g_clear_object (&self->reading);
  if (import == NULL)
    {
      self->error = g_strdup (error->message);
      gtk_label_set_label (self->error_label, self->error);
      show_page (self, "error");
    }
  else
    {
      self->import = import;
      setup_options (self);
      show_page (self, "preview");
      update_preview (self);
    }
  update_file_row (self);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READING]);
}

static void
cancel_read (SsImportWindow *self)
{
  if (self->reading == NULL)
    return;
  g_cancellable_cancel (self->reading);
  g_clear_object (&self->reading);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READING]);
}

/* Reads in a worker thread: a year of customs data is millions of rows.
 * As for studies (ss-window-files.c), the window is the callback's data
 * and not the task's source object, so that it is never released in the
 * worker thread after a cancel. */
static void
read_file (SsImportWindow *self)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *name = ss_file_get_display_basename (self->file);
  g_autofree char *isolated = ss_bidi_isolate (name);
  g_autofree char *message = g_strdup_printf (_("Reading “%s”…"), isolated);
  ReadJob *job = g_new0 (ReadJob, 1);

  cancel_read (self);
  g_clear_pointer (&self->import, ss_import_free);
  g_clear_pointer (&self->error, g_free);
  g_clear_object (&self->preview);
  g_clear_pointer (&self->summary, ss_import_summary_free);
  clear_rows (self);

  job->file = g_object_ref (self->file);
  job->display = g_steal_pointer (&name);
  job->format = (SsImportFormat)adw_combo_row_get_selected (self->format_row);
  g_set_object (&job->items_map, self->items_map);

  self->reading = g_cancellable_new ();
  task = g_task_new (NULL, self->reading, on_read, g_object_ref (self));
  g_task_set_task_data (task, job, (GDestroyNotify)read_job_free);
  g_task_set_return_on_cancel (task, TRUE);
  gtk_label_set_label (self->reading_label, message);
  show_page (self, "reading");
  update_file_row (self);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READING]);
  g_task_run_in_thread (task, read_in_thread);
}

/**
 * ss_import_window_wait_for_reads:
 * @timeout_ms: how long to wait at most
 *
 * Waits for reads still running in worker threads, so that the process
 * can exit (the XML reader is libxml2, whose destructor must not run
 * under a read).
 *
 * Returns: whether none runs any more
 */
gboolean
ss_import_window_wait_for_reads (guint timeout_ms)
{
  gint64 until = g_get_monotonic_time () + (gint64)timeout_ms * 1000;
  gboolean done;

  g_mutex_lock (&reads_lock);
  while (reads_running > 0 && g_cond_wait_until (&reads_done, &reads_lock, until))
    ;
  done = reads_running == 0;
  g_mutex_unlock (&reads_lock);
  return done;
}

/* --- Actions and rows -------------------------------------------------- */

static void
on_format_selected (SsImportWindow *self)
{
  if (self->file != NULL && !self->updating)
    read_file (self);
}

static void
on_option_changed (SsImportWindow *self)
{
  update_preview (self);
}

static void
on_map_response (GtkNativeDialog *dialog,
                 int              response,
                 SsImportWindow  *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  g_object_unref (dialog);
  if (file != NULL)
    ss_import_window_set_items_map (self, file);
  g_object_unref (self);
}

static void
choose_map_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  SsImportWindow *self = SS_IMPORT_WINDOW (widget);
  GtkFileChooserNative *dialog = gtk_file_chooser_native_new (_("Choose an Items Map"), GTK_WINDOW (self),
                                                              GTK_FILE_CHOOSER_ACTION_OPEN, _("_Choose"),
                                                              _("_Cancel"));
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("CSV files"));
  gtk_file_filter_add_suffix (filter, "csv");
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (on_map_response), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
clear_map_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ss_import_window_set_items_map (SS_IMPORT_WINDOW (widget), NULL);
}

static void
apply_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  g_autoptr(GError) error = NULL;

  if (!ss_import_window_apply (SS_IMPORT_WINDOW (widget), &error))
    set_problem (SS_IMPORT_WINDOW (widget), error->message);
}

gboolean
ss_import_window_apply (SsImportWindow  *self,
                        GError         **error)
{
  g_autoptr(SsImportSummary) summary = NULL;
  SsImportOptions options;

  g_return_val_if_fail (SS_IS_IMPORT_WINDOW (self), FALSE);
  g_return_val_if_fail (self->import != NULL, FALSE);

  get_options (self, &options);
  if (is_new_study (self))
    {
      g_autoptr(SsStudy) study = ss_import_new_study (self->import, &options, &summary, error);

      if (study == NULL)
        return FALSE;
      g_signal_emit (self, signals[NEW_STUDY], 0, study);
    }
  else if (!ss_document_apply_import (self->document, self->import, &options, &summary, error))
    return FALSE;

  g_signal_emit (self, signals[APPLIED], 0, summary);
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}

/* --- Properties and life ----------------------------------------------- */

SsDocument *
ss_import_window_get_document (SsImportWindow *self)
{
  g_return_val_if_fail (SS_IS_IMPORT_WINDOW (self), NULL);
  return self->document;
}

GFile *
ss_import_window_get_file (SsImportWindow *self)
{
  g_return_val_if_fail (SS_IS_IMPORT_WINDOW (self), NULL);
  return self->file;
}

gboolean
ss_import_window_get_reading (SsImportWindow *self)
{
  g_return_val_if_fail (SS_IS_IMPORT_WINDOW (self), FALSE);
  return self->reading != NULL;
}

SsImport *
ss_import_window_get_import (SsImportWindow *self)
{
  g_return_val_if_fail (SS_IS_IMPORT_WINDOW (self), NULL);
  return self->import;
}

const char *
ss_import_window_get_error (SsImportWindow *self)
{
  g_return_val_if_fail (SS_IS_IMPORT_WINDOW (self), NULL);
  return self->error;
}

const SsImportSummary *
ss_import_window_get_summary (SsImportWindow *self)
{
  g_return_val_if_fail (SS_IS_IMPORT_WINDOW (self), NULL);
  return self->preview != NULL ? self->summary : NULL;
}

const char *
ss_import_window_get_problem (SsImportWindow *self)
{
  g_return_val_if_fail (SS_IS_IMPORT_WINDOW (self), NULL);
  return self->problem;
}

void
ss_import_window_set_format (SsImportWindow *self,
                             SsImportFormat  format)
{
  g_return_if_fail (SS_IS_IMPORT_WINDOW (self));

  if (adw_combo_row_get_selected (self->format_row) != (guint)format)
    adw_combo_row_set_selected (self->format_row, format);
  else
    read_file (self);
}

void
ss_import_window_set_items_map (SsImportWindow *self,
                                GFile          *items_map)
{
  g_return_if_fail (SS_IS_IMPORT_WINDOW (self));

  g_set_object (&self->items_map, items_map);
  read_file (self);
}

void
ss_import_window_set_year (SsImportWindow *self,
                           int             year)
{
  g_return_if_fail (SS_IS_IMPORT_WINDOW (self));

  for (guint k = 0; k < self->years->len; k++)
    if (g_array_index (self->years, int, k) == year)
      adw_combo_row_set_selected (self->year_row, k);
}

void
ss_import_window_set_top (SsImportWindow *self,
                          guint           top)
{
  g_return_if_fail (SS_IS_IMPORT_WINDOW (self));

  gtk_spin_button_set_value (self->top_spin, top);
}

void
ss_import_window_set_template (SsImportWindow *self,
                               const char     *country)
{
  g_return_if_fail (SS_IS_IMPORT_WINDOW (self));

  for (guint k = 0; k < self->templates->len; k++)
    if (g_strcmp0 (g_ptr_array_index (self->templates, k), country) == 0)
      adw_combo_row_set_selected (self->template_row, k);
}

void
ss_import_window_set_new_study (SsImportWindow *self,
                                gboolean        new_study)
{
  g_return_if_fail (SS_IS_IMPORT_WINDOW (self));

  adw_combo_row_set_selected (self->target_row, new_study ? TARGET_NEW_STUDY : TARGET_OPEN_STUDY);
}

static void
ss_import_window_constructed (GObject *object)
{
  SsImportWindow *self = SS_IMPORT_WINDOW (object);
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;

  G_OBJECT_CLASS (ss_import_window_parent_class)->constructed (object);

  g_return_if_fail (self->document != NULL && self->file != NULL);
  /* "Import — kcs-2024.csv": the file in the title, as the window lists
   * and build-aux/screenshot find it. */
  name = ss_file_get_display_basename (self->file);
  title = g_strdup_printf (_("Import — %s"), name);
  gtk_window_set_title (GTK_WINDOW (self), title);
  adw_window_title_set_subtitle (self->window_title, name);
  read_file (self);
}

static void
ss_import_window_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  SsImportWindow *self = SS_IMPORT_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    case PROP_READING:
      g_value_set_boolean (value, self->reading != NULL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ss_import_window_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  SsImportWindow *self = SS_IMPORT_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      self->document = g_value_dup_object (value);
      break;
    case PROP_FILE:
      self->file = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* The read in flight holds the window (it is the callback's data): a
 * window closed or destroyed while it reads must stop the read, or it
 * runs to the end of a huge file for nobody. */
static void
ss_import_window_unmap (GtkWidget *widget)
{
  cancel_read (SS_IMPORT_WINDOW (widget));
  GTK_WIDGET_CLASS (ss_import_window_parent_class)->unmap (widget);
}

static void
ss_import_window_dispose (GObject *object)
{
  SsImportWindow *self = SS_IMPORT_WINDOW (object);

  if (self->reading != NULL)
    g_cancellable_cancel (self->reading);
  g_clear_object (&self->reading);
  gtk_widget_dispose_template (GTK_WIDGET (self), SS_TYPE_IMPORT_WINDOW);
  g_clear_object (&self->document);
  g_clear_object (&self->file);
  g_clear_object (&self->items_map);
  g_clear_object (&self->preview);

  G_OBJECT_CLASS (ss_import_window_parent_class)->dispose (object);
}

static void
ss_import_window_finalize (GObject *object)
{
  SsImportWindow *self = SS_IMPORT_WINDOW (object);

  g_clear_pointer (&self->import, ss_import_free);
  g_clear_pointer (&self->summary, ss_import_summary_free);
  g_clear_pointer (&self->error, g_free);
  g_clear_pointer (&self->problem, g_free);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->years, g_array_unref);
  g_clear_pointer (&self->templates, g_ptr_array_unref);

  G_OBJECT_CLASS (ss_import_window_parent_class)->finalize (object);
}

static void
ss_import_window_class_init (SsImportWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = ss_import_window_constructed;
  object_class->get_property = ss_import_window_get_property;
  object_class->set_property = ss_import_window_set_property;
  object_class->dispose = ss_import_window_dispose;
  object_class->finalize = ss_import_window_finalize;
  widget_class->unmap = ss_import_window_unmap;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, SS_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_READING] =
    g_param_spec_boolean ("reading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SsImportWindow::applied:
   * @summary: the SsImportSummary of what the import did
   */
  signals[APPLIED] =
    g_signal_new ("applied", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_POINTER);
  /**
   * SsImportWindow::new-study:
   * @study: the study built from the file, for the handler to open
   */
  signals[NEW_STUDY] =
    g_signal_new ("new-study", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, SS_TYPE_STUDY);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/supplyshift/SupplyShift/ui/ss-import-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SsImportWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, SsImportWindow, import_button);
  gtk_widget_class_bind_template_child (widget_class, SsImportWindow, file_row);
  gtk_widget_class_bind_template_child (widget_class, SsImportWindow, format_row);
  gtk_widget_class_bind_template_child (widget_class, SsImportWindow, map_row);
  gtk_widget_class_bind_template_child (widget_class, SsImportWindow, map_clear_button);
  gtk_widget_class_bind_template_child (widget_class, SsImportWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, SsImportWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, SsImportWindow, reading_label);
  gtk_widget_class_bind_template_child (widget_class, SsImportWindow, error_label);
  gtk_widget_class_bind_template_child (widget_class, SsImportWindow, target_row);
  gtk_widget_class_bind_template_child (widget_class, SsImportWindow, year_row);
  gtk_widget_class_bind_template_child (widget_class, SsImportWindow, year_list);
  gtk_widget_class_bind_template_child (widget_class, SsImportWindow, top_row);
  gtk_widget_class_bind_template_child (widget_class, SsImportWindow, top_spin);
  gtk_widget_class_bind_template_child (widget_class, SsImportWindow, template_row);
  gtk_widget_class_bind_template_child (widget_class, SsImportWindow, template_list);
  gtk_widget_class_bind_template_child (widget_class, SsImportWindow, problem_group);
  gtk_widget_class_bind_template_child (widget_class, SsImportWindow, problem_row);
  gtk_widget_class_bind_template_child (widget_class, SsImportWindow, read_group);
  gtk_widget_class_bind_template_child (widget_class, SsImportWindow, changes_group);
  gtk_widget_class_bind_template_child (widget_class, SsImportWindow, countries_group);
  gtk_widget_class_bind_template_child (widget_class, SsImportWindow, skipped_group);
  gtk_widget_class_bind_template_child (widget_class, SsImportWindow, found_group);

  gtk_widget_class_install_action (widget_class, "import.apply", NULL, apply_action);
  gtk_widget_class_install_action (widget_class, "import.choose-map", NULL, choose_map_action);
  gtk_widget_class_install_action (widget_class, "import.clear-map", NULL, clear_map_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ss_import_window_init (SsImportWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->rows = g_ptr_array_new ();
  self->years = g_array_new (FALSE, FALSE, sizeof (int));
  self->templates = g_ptr_array_new_with_free_func (g_free);
  gtk_window_set_default_widget (GTK_WINDOW (self), self->import_button);

  g_signal_connect_object (self->format_row, "notify::selected", G_CALLBACK (on_format_selected), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->target_row, "notify::selected", G_CALLBACK (on_option_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->year_row, "notify::selected", G_CALLBACK (on_option_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->template_row, "notify::selected", G_CALLBACK (on_option_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->top_spin, "value-changed", G_CALLBACK (on_option_changed), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.apply", FALSE);
}

/* The preview of importing `file` into `document`'s study; reading
 * starts at once. */
GtkWidget *
ss_import_window_new (SsDocument *document,
                      GFile      *file)
{
  g_return_val_if_fail (SS_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  return g_object_new (SS_TYPE_IMPORT_WINDOW, "document", document, "file", file, NULL);
}
