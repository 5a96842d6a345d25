/* ss-scenarios-page.c: the Scenarios page — scenarios, their descriptions and overrides
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A list of the study's scenarios (new, duplicate, delete) and, for the
 * selected one, its name, its description and its country overrides
 * (ss-scenarios-page.ui). Targets and levers are edited in the editor
 * view; this page holds what describes a scenario and the country values
 * it changes (a shock or a policy).
 *
 * The study keeps one override record per country with a bit per
 * attribute; the page shows one row per overridden (country, attribute)
 * pair (SsOverrideRow), sorted like the Countries table, so each row says
 * one thing: "in this scenario, China's disruption probability is 0.3".
 * Anything not listed is as the country.
 */

#define G_LOG_DOMAIN "supplyshift-scenarios-page"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "ss-bidi.h"
#include "ss-field.h"
#include "ss-override-row.h"
#include "ss-page-util.h"
#include "ss-scenarios-page.h"
#include "ss-xml-text.h"

struct _SsScenariosPage
{
  SsDataPage            parent_instance;

  /* Template widgets */
  GtkWidget            *box;
  GtkListBox           *list;
  GtkWidget            *new_button;
  GtkStack             *stack;
  AdwPreferencesGroup  *scenario_group;
  GtkWidget            *add_override_button;
  GtkListBox           *overrides;
  GtkLabel             *status;
  SsField              *name_field;
  SsField              *description_field;
  AdwMessageDialog     *new_dialog;
  GtkEditable          *new_name;
  GtkLabel             *new_id;
  AdwMessageDialog     *delete_dialog;

  /* Owned */
  GPtrArray            *rows;          /* of SsOverrideRow, borrowed from the list */
  GtkStringList        *country_names;
  GtkStringList        *attr_names;

  guint                 rebuild_id;    /* idle rebuild of the override rows */
  guint                 focus_country; /* where the idle rebuild puts the focus */
  guint                 focus_attr;
  SsOverrideRowPart     focus_part;

  int                   scenario;      /* selected, -1 with none */
  guint                 shown_n_scenarios;
  guint                 delete_index;  /* what the delete dialog asks about */
  gboolean              syncing;       /* setting the list, not choosing */
};

enum
{
  PROP_0,
  PROP_SCENARIO,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (SsScenariosPage, ss_scenarios_page, SS_TYPE_DATA_PAGE)

static SsDocument *
document_of (SsScenariosPage *self)
{
  return ss_data_page_get_document (SS_DATA_PAGE (self));
}

static SsStudy *
study_of (SsScenariosPage *self)
{
  return ss_document_get_study (document_of (self));
}

static SsScenario *
current_scenario (SsScenariosPage *self)
{
  if (document_of (self) == NULL || self->scenario < 0)
    return NULL;
  return ss_study_get_scenario (study_of (self), self->scenario);
}

static void
set_scenario (SsScenariosPage *self,
              int              scenario)
{
  if (self->scenario == scenario)
    return;
  self->scenario = scenario;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCENARIO]);
}

static void
update_status (SsScenariosPage *self)
{
  const char *message = ss_field_get_message (self->name_field);

  if (message == NULL)
    message = ss_field_get_message (self->description_field);
  for (guint k = 0; k < self->rows->len && message == NULL; k++)
    message = ss_field_get_message (ss_override_row_get_field (g_ptr_array_index (self->rows, k)));
  ss_page_show_status (self->status, message);
}

/* --- Overrides --------------------------------------------------------- */

static gboolean
is_overridden (SsScenario *scenario,
               guint       country,
               guint       attr)
{
  SsCountryOverride *ov = ss_scenario_find_override (scenario, country);

  return ov != NULL && (ov->set & (1u << attr));
}

/* The overridden pairs, sorted by country then attribute. */
static GArray *
override_pairs (SsScenariosPage *self)
{
  SsScenario *scenario = current_scenario (self);
  GArray *pairs = g_array_new (FALSE, FALSE, sizeof (guint) * 2);
  guint nc = ss_study_get_n_countries (study_of (self));

  for (guint c = 0; c < nc && scenario != NULL; c++)
    for (guint a = 0; a < SS_COUNTRY_N_ATTRS; a++)
      if (is_overridden (scenario, c, a))
        {
          guint pair[2] = { c, a };

          g_array_append_vals (pairs, pair, 1);
        }
  return pairs;
}

static gboolean
row_is (SsOverrideRow *row,
        GArray        *pairs,
        guint          k)
{
  guint *pair = &g_array_index (pairs, guint, 2 * k);

  return ss_override_row_get_country (row) == pair[0] && ss_override_row_get_attr (row) == pair[1];
}

static void queue_rebuild (SsScenariosPage *self);

/* Moves an override to another country or attribute, keeping its value
 * where it is still in range (else the new attribute's own value), as one
 * undo step. */
static void
on_override_move (SsScenariosPage *self,
                  guint            country,
                  guint            attr,
                  SsOverrideRow   *row)
{
  SsScenario *scenario = current_scenario (self);
  guint old_country = ss_override_row_get_country (row);
  guint old_attr = ss_override_row_get_attr (row);
  GtkWidget *focus = ss_page_get_focus (GTK_WIDGET (self));
  SsCountryOverride *record;
  double value;

  if (self->syncing || scenario == NULL || ss_document_in_edit (document_of (self)))
    return;
  if (is_overridden (scenario, country, attr))
    {
      g_autoptr(SsField) field = ss_field_new (SS_ELEMENT_OVERRIDE, ss_country_attrs[attr].name);
      g_autofree char *what = NULL;
      g_autofree char *message = NULL;

      ss_field_set_document (field, document_of (self));
      ss_field_set_scenario (field, self->scenario);
      ss_field_set_country (field, country);
      what = ss_field_dup_label (field);
      message = g_strdup_printf (_("%s is already overridden in this scenario"), what);
      ss_override_row_sync (row);
      ss_page_show_status (self->status, message);
      return;
    }

  record = ss_scenario_find_override (scenario, old_country);
  value = record != NULL ? record->attr[old_attr] : 0;
  if (attr != old_attr || !ss_attr_in_range (&ss_country_attrs[attr], value))
    value = ss_study_get_country (study_of (self), country)->attr[attr];

  self->focus_country = country;
  self->focus_attr = attr;
  self->focus_part = ss_override_row_find_focus (row, focus);
  if (self->focus_part == SS_OVERRIDE_ROW_NONE)
    self->focus_part = SS_OVERRIDE_ROW_COUNTRY;
  ss_document_begin_edit (document_of (self));
  ss_document_clear_override (document_of (self), self->scenario, old_country, old_attr);
  ss_document_set_override (document_of (self), self->scenario, country, attr, value, NULL);
  ss_document_end_edit (document_of (self));
  queue_rebuild (self);
}

static void
on_override_remove (SsScenariosPage *self,
                    SsOverrideRow   *row)
{
  if (current_scenario (self) == NULL || ss_document_in_edit (document_of (self)))
    return;
  ss_document_clear_override (document_of (self), self->scenario, ss_override_row_get_country (row),
                              ss_override_row_get_attr (row));
}

static SsOverrideRow *
make_override_row (SsScenariosPage *self,
                   guint            country,
                   guint            attr)
{
  GtkWidget *row = ss_override_row_new (document_of (self), self->scenario, country, attr,
                                        G_LIST_MODEL (self->country_names),
                                        G_LIST_MODEL (self->attr_names));

  g_signal_connect_object (row, "move", G_CALLBACK (on_override_move), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (row, "remove", G_CALLBACK (on_override_remove), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (ss_override_row_get_field (SS_OVERRIDE_ROW (row)), "notify::message",
                           G_CALLBACK (update_status), self, G_CONNECT_SWAPPED);
  return SS_OVERRIDE_ROW (row);
}

/* Makes the rows match the scenario's overrides. Unless `everything`,
 * rows that still match stay (with what is typed in them) and only the
 * rows between the first and the last difference are replaced, so adding
 * or removing one override builds at most one row. */
static void
rebuild_overrides (SsScenariosPage   *self,
                   gboolean           everything,
                   guint              focus_country,
                   guint              focus_attr,
                   SsOverrideRowPart  focus_part)
{
  g_autoptr(GArray) pairs = override_pairs (self);
  guint n_old = self->rows->len, n_new = pairs->len, head = 0, tail = 0;

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  if (!everything)
    {
      while (head < n_old && head < n_new && row_is (g_ptr_array_index (self->rows, head), pairs, head))
        head++;
      while (tail < n_old - head && tail < n_new - head
             && row_is (g_ptr_array_index (self->rows, n_old - 1 - tail), pairs, n_new - 1 - tail))
        tail++;
    }

  for (guint k = n_old - tail; k-- > head;)
    gtk_list_box_remove (self->overrides, g_ptr_array_steal_index (self->rows, k));
  for (guint k = head; k < n_new - tail; k++)
    {
      guint *pair = &g_array_index (pairs, guint, 2 * k);
      SsOverrideRow *row = make_override_row (self, pair[0], pair[1]);

      gtk_list_box_insert (self->overrides, GTK_WIDGET (row), k);
      g_ptr_array_insert (self->rows, k, row);
    }
  for (guint k = 0; k < self->rows->len; k++)
    if (k < head || k >= n_new - tail)
      ss_override_row_sync (g_ptr_array_index (self->rows, k));

  if (focus_part == SS_OVERRIDE_ROW_NONE)
    return;
  for (guint k = 0; k < self->rows->len; k++)
    {
      SsOverrideRow *row = g_ptr_array_index (self->rows, k);

      if (ss_override_row_get_country (row) == focus_country
          && ss_override_row_get_attr (row) == focus_attr)
        {
          ss_override_row_grab_part (row, focus_part);
          return;
        }
    }
  /* The row went (its override was removed): the button that adds one. */
  gtk_widget_grab_focus (self->add_override_button);
}

/* Which part of which override row holds the focus, to give it back. */
static SsOverrideRowPart
find_focus (SsScenariosPage *self,
            guint           *country,
            guint           *attr)
{
  GtkWidget *focus = ss_page_get_focus (GTK_WIDGET (self));

  for (guint k = 0; k < self->rows->len && focus != NULL; k++)
    {
      SsOverrideRow *row = g_ptr_array_index (self->rows, k);
      SsOverrideRowPart part = ss_override_row_find_focus (row, focus);

      if (part == SS_OVERRIDE_ROW_NONE)
        continue;
      *country = ss_override_row_get_country (row);
      *attr = ss_override_row_get_attr (row);
      return part;
    }
  return SS_OVERRIDE_ROW_NONE;
}

static gboolean
rebuild_in_idle (gpointer data)
{
  SsScenariosPage *self = data;
  guint country = self->focus_country, attr = self->focus_attr;
  SsOverrideRowPart part = self->focus_part;

  self->rebuild_id = 0;
  if (part == SS_OVERRIDE_ROW_NONE)
    part = find_focus (self, &country, &attr);
  self->focus_part = SS_OVERRIDE_ROW_NONE;
  rebuild_overrides (self, FALSE, country, attr, part);
  return G_SOURCE_REMOVE;
}

/* Rows change from their own signal handlers (a dropdown's selection, a
 * remove button), which must not destroy the widget that emits: the rows
 * are rebuilt once the handler has returned. */
static void
queue_rebuild (SsScenariosPage *self)
{
  if (self->rebuild_id == 0)
    self->rebuild_id = g_idle_add (rebuild_in_idle, self);
}

static void
sync_overrides (SsScenariosPage *self,
                gboolean         force)
{
  g_autoptr(GArray) pairs = NULL;
  gboolean same;

  if (current_scenario (self) == NULL)
    return;

  pairs = override_pairs (self);
  same = pairs->len == self->rows->len;
  for (guint k = 0; k < pairs->len && same; k++)
    same = row_is (g_ptr_array_index (self->rows, k), pairs, k);

  if (force)
    {
      guint country = 0, attr = 0;
      SsOverrideRowPart part = find_focus (self, &country, &attr);

      rebuild_overrides (self, TRUE, country, attr, part);
    }
  else if (same)
    {
      for (guint k = 0; k < self->rows->len; k++)
        ss_override_row_sync (g_ptr_array_index (self->rows, k));
    }
  else
    queue_rebuild (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "scenarios.add-override",
                                 pairs->len < ss_study_get_n_countries (study_of (self))
                                              * SS_COUNTRY_N_ATTRS);
  update_status (self);
}

gboolean
ss_scenarios_page_add_override (SsScenariosPage  *self,
                                guint            *country,
                                guint            *attr,
                                GError          **error)
{
  SsScenario *scenario;
  guint nc;

  g_return_val_if_fail (SS_IS_SCENARIOS_PAGE (self), FALSE);

  if ((scenario = current_scenario (self)) == NULL)
    {
      g_set_error_literal (error, SS_DOCUMENT_ERROR, SS_DOCUMENT_ERROR_INVALID,
                           _("No scenario is selected"));
      return FALSE;
    }
  nc = ss_study_get_n_countries (study_of (self));

  /* The first free pair, starting with the attributes scenarios change
   * most: a disruption's probability, severity and length. */
  for (guint c = 0; c < nc; c++)
    for (guint k = 0; k < SS_COUNTRY_N_ATTRS; k++)
      {
        guint a = (k + SS_COUNTRY_DISRUPTION_PROBABILITY) % SS_COUNTRY_N_ATTRS;

        if (is_overridden (scenario, c, a))
          continue;
        if (!ss_document_set_override (document_of (self), self->scenario, c, a,
                                       ss_study_get_country (study_of (self), c)->attr[a], error))
          return FALSE;
        if (country != NULL)
          *country = c;
        if (attr != NULL)
          *attr = a;
        rebuild_overrides (self, FALSE, c, a, SS_OVERRIDE_ROW_COUNTRY);
        return TRUE;
      }

  g_set_error_literal (error, SS_DOCUMENT_ERROR, SS_DOCUMENT_ERROR_FULL,
                       _("Every attribute of every country is already overridden"));
  return FALSE;
}

static void
add_override_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  SsScenariosPage *self = SS_SCENARIOS_PAGE (widget);
  g_autoptr(GError) error = NULL;

  if (!ss_scenarios_page_add_override (self, NULL, NULL, &error))
    ss_page_show_status (self->status, error->message);
}

GtkWidget *
ss_scenarios_page_get_override_entry (SsScenariosPage *self,
                                      guint            country,
                                      guint            attr)
{
  g_return_val_if_fail (SS_IS_SCENARIOS_PAGE (self), NULL);

  for (guint k = 0; k < self->rows->len; k++)
    {
      SsOverrideRow *row = g_ptr_array_index (self->rows, k);

      if (ss_override_row_get_country (row) == country && ss_override_row_get_attr (row) == attr)
        return ss_field_get_widget (ss_override_row_get_field (row));
    }
  return NULL;
}

/* --- The scenario ------------------------------------------------------ */

static void
sync_details (SsScenariosPage *self,
              gboolean         force)
{
  SsScenario *scenario = current_scenario (self);
  g_autofree char *description = NULL;

  if (scenario == NULL)
    return;
  if (force)
    {
      ss_field_reset (self->name_field);
      ss_field_reset (self->description_field);
    }
  adw_preferences_group_set_title (self->scenario_group, scenario->name);
  /* Translators: the scenario's id in the study file */
  description = g_strdup_printf (_("Identifier in the file: %s"), scenario->id);
  adw_preferences_group_set_description (self->scenario_group, description);

  sync_overrides (self, force);
}

/* --- The scenario list ------------------------------------------------- */

static void
update_buttons (SsScenariosPage *self)
{
  guint n = document_of (self) != NULL ? ss_study_get_n_scenarios (study_of (self)) : 0;
  gboolean room = n < SS_MAX_SCENARIOS;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "scenarios.new",
                                 document_of (self) != NULL && room);
  ss_page_set_tooltip (self->new_button, room ? _("Add a scenario")
                                        : _("A study holds at most 100 scenarios"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "scenarios.duplicate",
                                 self->scenario >= 0 && room);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "scenarios.delete", self->scenario >= 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "scenarios.add-override", self->scenario >= 0);
}

/* Rows are reused, and only added or removed at the end. */
static void
rebuild_list (SsScenariosPage *self)
{
  SsStudy *study = study_of (self);
  guint ns = ss_study_get_n_scenarios (study);
  GtkWidget *focus = ss_page_get_focus (GTK_WIDGET (self));
  gboolean list_had_focus = focus != NULL
                            && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->list));
  GtkListBoxRow *row;

  self->syncing = TRUE;
  while ((row = gtk_list_box_get_row_at_index (self->list, ns)) != NULL)
    gtk_list_box_remove (self->list, GTK_WIDGET (row));
  for (guint s = 0; s < ns; s++)
    {
      SsScenario *scenario = ss_study_get_scenario (study, s);

      if ((row = gtk_list_box_get_row_at_index (self->list, s)) == NULL)
        {
          row = GTK_LIST_BOX_ROW (ss_page_new_list_row ());
          gtk_list_box_append (self->list, GTK_WIDGET (row));
        }
      ss_page_set_list_row (GTK_WIDGET (row), scenario->name, scenario->id);
    }
  row = self->scenario >= 0 ? gtk_list_box_get_row_at_index (self->list, self->scenario) : NULL;
  gtk_list_box_select_row (self->list, row);
  self->syncing = FALSE;

  if (list_had_focus && row != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (row));
}

/* The rows' dropdowns share the list of countries; when it changes, the
 * rows' indices may have moved, so they are matched again. */
static gboolean
sync_country_names (SsScenariosPage *self)
{
  SsStudy *study = study_of (self);
  guint nc = ss_study_get_n_countries (study);
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->country_names));
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  gboolean changed = shown != nc;

  for (guint c = 0; c < nc; c++)
    {
      g_ptr_array_add (names, ss_study_get_country (study, c)->name);
      changed |= c < shown && !g_str_equal (gtk_string_list_get_string (self->country_names, c),
                                            ss_study_get_country (study, c)->name);
    }
  g_ptr_array_add (names, NULL);
  if (changed)
    {
      self->syncing = TRUE;
      gtk_string_list_splice (self->country_names, 0, shown, (const char * const *)names->pdata);
      self->syncing = FALSE;
    }
  return changed;
}

static void
refresh (SsScenariosPage *self)
{
  guint ns = ss_study_get_n_scenarios (study_of (self));
  gboolean moved;

  if (self->scenario >= (int)ns)
    set_scenario (self, (int)ns - 1);
  else if (self->scenario < 0 && ns > 0)
    set_scenario (self, 0);
  moved = ns != self->shown_n_scenarios;
  self->shown_n_scenarios = ns;

  if (sync_country_names (self) && !moved)
    {
      rebuild_overrides (self, FALSE, 0, 0, SS_OVERRIDE_ROW_NONE);
      for (guint k = 0; k < self->rows->len; k++)
        ss_field_reset (ss_override_row_get_field (g_ptr_array_index (self->rows, k)));
    }

  rebuild_list (self);
  gtk_stack_set_visible_child_name (self->stack, ns > 0 ? "details" : "empty");
  update_buttons (self);
  sync_details (self, moved);
}

static void
ss_scenarios_page_document_changed (SsDataPage *page,
                                    SsChange    change,
                                    int         scenario)
{
  SsScenariosPage *self = SS_SCENARIOS_PAGE (page);

  if (change & SS_CHANGE_STRUCTURE)
    refresh (self);
  else if (change & SS_CHANGE_BASELINE)
    sync_overrides (self, FALSE);     /* the countries' own values */
  else if (scenario == self->scenario)
    sync_details (self, FALSE);
}

static void
on_row_selected (SsScenariosPage *self,
                 GtkListBoxRow   *row)
{
  if (self->syncing || row == NULL)
    return;
  ss_scenarios_page_select_scenario (self, gtk_list_box_row_get_index (row));
}

/* --- New, duplicate, delete -------------------------------------------- */

int
ss_scenarios_page_new_scenario (SsScenariosPage  *self,
                                const char       *name,
                                GError          **error)
{
  g_autofree char *clean = NULL;
  int index;

  g_return_val_if_fail (SS_IS_SCENARIOS_PAGE (self), -1);
  g_return_val_if_fail (document_of (self) != NULL, -1);

  clean = ss_page_clean_line (name != NULL ? name : "");
  if ((index = ss_document_add_scenario (document_of (self), clean, error)) >= 0)
    ss_scenarios_page_select_scenario (self, index);
  return index;
}

int
ss_scenarios_page_duplicate_scenario (SsScenariosPage  *self,
                                      guint             index,
                                      GError          **error)
{
  int copy;

  g_return_val_if_fail (SS_IS_SCENARIOS_PAGE (self), -1);
  g_return_val_if_fail (document_of (self) != NULL, -1);

  if ((copy = ss_document_duplicate_scenario (document_of (self), index, error)) >= 0)
    ss_scenarios_page_select_scenario (self, copy);
  return copy;
}

void
ss_scenarios_page_delete_scenario (SsScenariosPage *self,
                                   guint            index)
{
  g_return_if_fail (SS_IS_SCENARIOS_PAGE (self));
  g_return_if_fail (document_of (self) != NULL);

  ss_document_remove_scenario (document_of (self), index);
  /* The scenario shown stays shown when one before it goes. */
  if (self->scenario > (int)index)
    ss_scenarios_page_select_scenario (self, self->scenario - 1);
}

/* Why a typed name is refused, or NULL. */
static char *
check_name (const char *name)
{
  if (*name == '\0')
    return g_strdup (_("A scenario’s name cannot be empty"));
  return ss_xml_text_check (name, _("The name"));
}

static void
on_new_dialog_changed (SsScenariosPage *self)
{
  g_autofree char *name = ss_page_clean_line (gtk_editable_get_text (self->new_name));
  g_autofree char *problem = check_name (name);
  g_autofree char *id = NULL;
  g_autofree char *text = NULL;

  if (document_of (self) == NULL)
    return;
  id = ss_study_unique_scenario_id (study_of (self), name);
  text = g_strdup_printf (_("Identifier in the file: %s"), id);
  /* An empty name is not worth a message while the dialog is new. */
  gtk_label_set_label (self->new_id, problem != NULL && *name != '\0' ? problem : text);
  adw_message_dialog_set_response_enabled (self->new_dialog, "create", problem == NULL);
}

static void
on_new_dialog_response (SsScenariosPage *self,
                        const char      *response)
{
  g_autoptr(GError) error = NULL;

  if (g_str_equal (response, "create") && document_of (self) != NULL
      && ss_scenarios_page_new_scenario (self, gtk_editable_get_text (self->new_name), &error) < 0)
    ss_page_show_message (GTK_WIDGET (self), _("Cannot Add the Scenario"), error->message);
}

static void
present_dialog (SsScenariosPage  *self,
                AdwMessageDialog *dialog)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_IS_WINDOW (root) ? GTK_WINDOW (root)
                                                                           : NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  SsScenariosPage *self = SS_SCENARIOS_PAGE (widget);

  if (document_of (self) == NULL)
    return;
  gtk_editable_set_text (self->new_name, "");
  on_new_dialog_changed (self);
  present_dialog (self, self->new_dialog);
  gtk_widget_grab_focus (GTK_WIDGET (self->new_name));
}

static void
duplicate_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SsScenariosPage *self = SS_SCENARIOS_PAGE (widget);
  g_autoptr(GError) error = NULL;

  if (self->scenario >= 0
      && ss_scenarios_page_duplicate_scenario (self, self->scenario, &error) < 0)
    ss_page_show_message (widget, _("Cannot Duplicate the Scenario"), error->message);
}

static void
on_delete_response (SsScenariosPage *self,
                    const char      *response)
{
  if (g_str_equal (response, "delete") && document_of (self) != NULL
      && self->delete_index < ss_study_get_n_scenarios (study_of (self)))
    ss_scenarios_page_delete_scenario (self, self->delete_index);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SsScenariosPage *self = SS_SCENARIOS_PAGE (widget);
  SsScenario *scenario = current_scenario (self);

  if (scenario == NULL)
    return;
  adw_message_dialog_format_body (self->delete_dialog,
                                  _("“%s” will be deleted with its targets, levers and overrides. "
                                    "Undo brings it back."), scenario->name);
  self->delete_index = self->scenario;
  present_dialog (self, self->delete_dialog);
}

/* --- Public API -------------------------------------------------------- */

int
ss_scenarios_page_get_selected (SsScenariosPage *self)
{
  g_return_val_if_fail (SS_IS_SCENARIOS_PAGE (self), -1);
  return self->scenario;
}

void
ss_scenarios_page_select_scenario (SsScenariosPage *self,
                                   guint            index)
{
  g_return_if_fail (SS_IS_SCENARIOS_PAGE (self));
  g_return_if_fail (document_of (self) != NULL);
  g_return_if_fail (index < ss_study_get_n_scenarios (study_of (self)));

  set_scenario (self, index);
  self->syncing = TRUE;
  gtk_list_box_select_row (self->list, gtk_list_box_get_row_at_index (self->list, index));
  self->syncing = FALSE;
  update_buttons (self);
  ss_page_show_status (self->status, NULL);
  sync_details (self, TRUE);
}

GtkWidget *
ss_scenarios_page_get_name_row (SsScenariosPage *self)
{
  g_return_val_if_fail (SS_IS_SCENARIOS_PAGE (self), NULL);
  return ss_field_get_widget (self->name_field);
}

GtkWidget *
ss_scenarios_page_get_description_view (SsScenariosPage *self)
{
  g_return_val_if_fail (SS_IS_SCENARIOS_PAGE (self), NULL);
  return ss_field_get_widget (self->description_field);
}

/* --- GObject ----------------------------------------------------------- */

static void
ss_scenarios_page_dispose (GObject *object)
{
  SsScenariosPage *self = SS_SCENARIOS_PAGE (object);

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  if (self->new_dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->new_dialog));
  if (self->delete_dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->delete_dialog));
  gtk_widget_dispose_template (GTK_WIDGET (self), SS_TYPE_SCENARIOS_PAGE);
  g_clear_object (&self->country_names);
  g_clear_object (&self->attr_names);

  G_OBJECT_CLASS (ss_scenarios_page_parent_class)->dispose (object);
}

static void
ss_scenarios_page_finalize (GObject *object)
{
  SsScenariosPage *self = SS_SCENARIOS_PAGE (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (ss_scenarios_page_parent_class)->finalize (object);
}

static void
ss_scenarios_page_document_set (SsDataPage *page)
{
  SsScenariosPage *self = SS_SCENARIOS_PAGE (page);

  if (document_of (self) == NULL)
    return;
  self->shown_n_scenarios = G_MAXUINT;
  set_scenario (self, ss_study_get_n_scenarios (study_of (self)) > 0 ? 0 : -1);
  refresh (self);
}

static void
ss_scenarios_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  SsScenariosPage *self = SS_SCENARIOS_PAGE (object);

  switch (prop_id)
    {
    case PROP_SCENARIO:
      g_value_set_int (value, self->scenario);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ss_scenarios_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  SsScenariosPage *self = SS_SCENARIOS_PAGE (object);

  switch (prop_id)
    {
    case PROP_SCENARIO:
      if (document_of (self) != NULL && g_value_get_int (value) >= 0)
        ss_scenarios_page_select_scenario (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ss_scenarios_page_class_init (SsScenariosPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  SsDataPageClass *page_class = SS_DATA_PAGE_CLASS (klass);

  object_class->dispose = ss_scenarios_page_dispose;
  object_class->finalize = ss_scenarios_page_finalize;
  object_class->get_property = ss_scenarios_page_get_property;
  object_class->set_property = ss_scenarios_page_set_property;
  page_class->document_set = ss_scenarios_page_document_set;
  page_class->document_changed = ss_scenarios_page_document_changed;

  /**
   * SsScenariosPage:scenario:
   *
   * The selected scenario's index, -1 while the study has none.
   */
  properties[PROP_SCENARIO] =
    g_param_spec_int ("scenario", NULL, NULL, -1, SS_MAX_SCENARIOS - 1, -1,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SS_TYPE_FIELD);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               SS_UI_RESOURCE ("ss-scenarios-page.ui"));
  gtk_widget_class_bind_template_child (widget_class, SsScenariosPage, box);
  gtk_widget_class_bind_template_child (widget_class, SsScenariosPage, list);
  gtk_widget_class_bind_template_child (widget_class, SsScenariosPage, new_button);
  gtk_widget_class_bind_template_child (widget_class, SsScenariosPage, stack);
  gtk_widget_class_bind_template_child (widget_class, SsScenariosPage, scenario_group);
  gtk_widget_class_bind_template_child (widget_class, SsScenariosPage, add_override_button);
  gtk_widget_class_bind_template_child (widget_class, SsScenariosPage, overrides);
  gtk_widget_class_bind_template_child (widget_class, SsScenariosPage, status);
  gtk_widget_class_bind_template_child (widget_class, SsScenariosPage, name_field);
  gtk_widget_class_bind_template_child (widget_class, SsScenariosPage, description_field);
  gtk_widget_class_bind_template_child (widget_class, SsScenariosPage, new_dialog);
  gtk_widget_class_bind_template_child (widget_class, SsScenariosPage, new_name);
  gtk_widget_class_bind_template_child (widget_class, SsScenariosPage, new_id);
  gtk_widget_class_bind_template_child (widget_class, SsScenariosPage, delete_dialog);
  gtk_widget_class_bind_template_callback (widget_class, on_row_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_new_dialog_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_new_dialog_response);
  gtk_widget_class_bind_template_callback (widget_class, on_delete_response);

  gtk_widget_class_set_css_name (widget_class, "scenariospage");

  gtk_widget_class_install_action (widget_class, "scenarios.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "scenarios.duplicate", NULL, duplicate_action);
  gtk_widget_class_install_action (widget_class, "scenarios.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "scenarios.add-override", NULL,
                                   add_override_action);
}

static void
ss_scenarios_page_init (SsScenariosPage *self)
{
  g_autoptr(GPtrArray) titles = g_ptr_array_new ();

  self->scenario = -1;
  self->rows = g_ptr_array_new ();
  self->country_names = gtk_string_list_new (NULL);
  for (guint a = 0; a < SS_COUNTRY_N_ATTRS; a++)
    g_ptr_array_add (titles, (gpointer)_(ss_country_attrs[a].title));
  g_ptr_array_add (titles, NULL);
  self->attr_names = gtk_string_list_new ((const char * const *)titles->pdata);

  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_object (self->name_field, "notify::message", G_CALLBACK (update_status), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->description_field, "notify::message",
                           G_CALLBACK (update_status), self, G_CONNECT_SWAPPED);
  update_buttons (self);
}

GtkWidget *
ss_scenarios_page_new (void)
{
  return g_object_new (SS_TYPE_SCENARIOS_PAGE, NULL);
}

void
ss_scenarios_page_set_document (SsScenariosPage *self,
                                SsDocument      *document)
{
  g_return_if_fail (SS_IS_SCENARIOS_PAGE (self));
  ss_data_page_set_document (SS_DATA_PAGE (self), document);
}
