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
 * The overrides are an SsOverrideList, a row per overridden (country,
 * attribute) pair: anything not listed is as the country. The shocks
 * are an SsShockList, a row per shock. The kind (strategy or shock) is a
 * combo row; a strategy with targets or levers becomes a shock only once
 * the user agrees to reset them, as one undo step.
 */

#define G_LOG_DOMAIN "supplyshift-scenarios-page"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "ss-accessible.h"
#include "ss-bidi.h"
#include "ss-field.h"
#include "ss-override-list.h"
#include "ss-page-util.h"
#include "ss-scenarios-page.h"
#include "ss-shock-list.h"
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
  AdwComboRow          *kind_row;
  SsOverrideList       *overrides;
  SsShockList          *shocks;
  AdwMessageDialog     *kind_dialog;
  GtkLabel             *status;
  SsField              *name_field;
  SsField              *description_field;
  AdwMessageDialog     *new_dialog;
  GtkEditable          *new_name;
  GtkLabel             *new_id;
  AdwMessageDialog     *delete_dialog;

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

static const SsStudy *
study_of (SsScenariosPage *self)
{
  return ss_document_get_study (document_of (self));
}

static const SsScenario *
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
  if (message == NULL)
    message = ss_override_list_get_message (self->overrides);
  if (message == NULL)
    message = ss_shock_list_get_message (self->shocks);
  ss_page_show_status (self->status, message);
}

/* --- Shocks ------------------------------------------------------------ */

int
ss_scenarios_page_add_shock (SsScenariosPage  *self,
                             GError          **error)
{
  g_return_val_if_fail (SS_IS_SCENARIOS_PAGE (self), -1);
  return ss_shock_list_add (self->shocks, error);
}

static void
add_shock_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SsScenariosPage *self = SS_SCENARIOS_PAGE (widget);
  g_autoptr(GError) error = NULL;

  if (ss_scenarios_page_add_shock (self, &error) < 0)
    ss_page_show_status (self->status, error->message);
}

SsShockList *
ss_scenarios_page_get_shocks (SsScenariosPage *self)
{
  g_return_val_if_fail (SS_IS_SCENARIOS_PAGE (self), NULL);
  return self->shocks;
}

/* The scenario's kind, a combo row: 0 strategy, 1 shock. */
GtkWidget *
ss_scenarios_page_get_kind_row (SsScenariosPage *self)
{
  g_return_val_if_fail (SS_IS_SCENARIOS_PAGE (self), NULL);
  return GTK_WIDGET (self->kind_row);
}

/* The question asked before a strategy with targets becomes a shock. */
AdwMessageDialog *
ss_scenarios_page_get_kind_dialog (SsScenariosPage *self)
{
  g_return_val_if_fail (SS_IS_SCENARIOS_PAGE (self), NULL);
  return self->kind_dialog;
}

/* --- The kind ---------------------------------------------------------- */

static void
sync_kind (SsScenariosPage *self)
{
  const SsScenario *scenario = current_scenario (self);

  if (scenario == NULL)
    return;
  self->syncing = TRUE;
  adw_combo_row_set_selected (self->kind_row, scenario->kind == SS_SCENARIO_SHOCK ? 1 : 0);
  self->syncing = FALSE;
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->kind_row),
                               scenario->kind == SS_SCENARIO_SHOCK
                               ? _("Changes the world: overrides, shocks and stockpiles, judged "
                                   "against every strategy in the stress test")
                               : _("A way to source: target shares reached over a transition, "
                                   "with switching costs and subsidies"));
}

/* The strategy's targets and levers back to the baseline's, then the
 * kind, as one undo step. */
static void
make_shock (SsScenariosPage *self)
{
  SsDocument *document = document_of (self);
  const SsScenario *scenario = current_scenario (self);
  g_autoptr(GError) error = NULL;

  if (scenario == NULL)
    return;
  ss_document_begin_edit (document);
  for (guint i = 0; i < ss_study_get_n_items (study_of (self)); i++)
    if (current_scenario (self)->targets[i] != NULL)
      ss_document_clear_target (document, self->scenario, i);
  ss_document_set_scenario_lever (document, self->scenario, SS_LEVER_TRANSITION_YEARS,
                                  ss_spec_transition_years.fallback, NULL);
  ss_document_set_scenario_lever (document, self->scenario, SS_LEVER_SWITCHING_COST,
                                  ss_spec_switching_cost.fallback, NULL);
  ss_document_set_scenario_lever (document, self->scenario, SS_LEVER_SUBSIDY,
                                  ss_spec_subsidy.fallback, NULL);
  if (!ss_document_set_scenario_kind (document, self->scenario, SS_SCENARIO_SHOCK, &error))
    {
      ss_document_cancel_edit (document);
      ss_page_show_status (self->status, error->message);
      sync_kind (self);
      return;
    }
  ss_document_end_edit (document);
}

static void
on_kind_response (SsScenariosPage *self,
                  const char      *response)
{
  if (g_str_equal (response, "reset"))
    make_shock (self);
  else
    sync_kind (self);
}

static void
on_kind_selected (SsScenariosPage *self)
{
  const SsScenario *scenario = current_scenario (self);
  SsScenarioKind kind = adw_combo_row_get_selected (self->kind_row) == 1 ? SS_SCENARIO_SHOCK
                                                                         : SS_SCENARIO_STRATEGY;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL, *body = NULL;
  guint n_targets = 0;

  if (self->syncing || scenario == NULL || scenario->kind == kind)
    return;
  if (ss_document_set_scenario_kind (document_of (self), self->scenario, kind, &error))
    return;
  if (!g_error_matches (error, SS_DOCUMENT_ERROR, SS_DOCUMENT_ERROR_IN_USE))
    {
      ss_page_show_status (self->status, error->message);
      sync_kind (self);
      return;
    }

  /* Targets or levers in the way: ask before dropping them. */
  for (guint i = 0; i < ss_study_get_n_items (study_of (self)); i++)
    n_targets += scenario->targets[i] != NULL;
  name = ss_bidi_isolate (scenario->name);
  if (n_targets > 0)
    /* Translators: %1$s is a scenario, %2$u a number of items */
    body = g_strdup_printf (ngettext ("A shock changes the world, not the mix: it has no target "
                                      "shares, transition, switching cost or subsidy. “%1$s” "
                                      "loses its targets for %2$u item and its levers go back "
                                      "to their defaults.",
                                      "A shock changes the world, not the mix: it has no target "
                                      "shares, transition, switching cost or subsidy. “%1$s” "
                                      "loses its targets for %2$u items and its levers go back "
                                      "to their defaults.", n_targets), name, n_targets);
  else
    /* Translators: %s is a scenario */
    body = g_strdup_printf (_("A shock changes the world, not the mix: it has no transition, "
                              "switching cost or subsidy. The levers of “%s” go back to their "
                              "defaults."), name);
  adw_message_dialog_set_body (self->kind_dialog, body);
  gtk_window_set_transient_for (GTK_WINDOW (self->kind_dialog),
                                GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
  gtk_window_present (GTK_WINDOW (self->kind_dialog));
}

/* --- Overrides --------------------------------------------------------- */

static void
sync_overrides (SsScenariosPage *self,
                gboolean         force)
{
  ss_override_list_refresh (self->overrides, force);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "scenarios.add-override",
                                 !ss_override_list_get_full (self->overrides));
  update_status (self);
}

gboolean
ss_scenarios_page_add_override (SsScenariosPage  *self,
                                guint            *country,
                                guint            *attr,
                                GError          **error)
{
  g_return_val_if_fail (SS_IS_SCENARIOS_PAGE (self), FALSE);
  return ss_override_list_add (self->overrides, country, attr, error);
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
  return ss_override_list_get_entry (self->overrides, country, attr);
}

/* --- The scenario ------------------------------------------------------ */

static void
sync_details (SsScenariosPage *self,
              gboolean         force)
{
  const SsScenario *scenario = current_scenario (self);
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

  sync_kind (self);
  sync_overrides (self, force);
  ss_shock_list_refresh (self->shocks, force);
  update_status (self);
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
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "scenarios.add-shock", self->scenario >= 0);
}

static void
fill_row (GtkWidget *row,
          guint      index,
          gpointer   data)
{
  SsScenariosPage *self = data;
  const SsScenario *scenario = ss_study_get_scenario (study_of (self), index);

  ss_page_set_list_row (row, scenario->name, scenario->id);
}

static void
rebuild_list (SsScenariosPage *self)
{
  self->syncing = TRUE;
  ss_page_sync_list (self->list, ss_study_get_n_scenarios (study_of (self)), self->scenario,
                     fill_row, self);
  self->syncing = FALSE;
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
    {
      sync_overrides (self, FALSE);   /* the countries' own values */
      ss_shock_list_refresh (self->shocks, FALSE);
    }
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
  if ((index = ss_document_add_strategy (document_of (self), clean, error)) >= 0)
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
  const SsScenario *scenario = current_scenario (self);

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

  if (self->new_dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->new_dialog));
  if (self->delete_dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->delete_dialog));
  if (self->kind_dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->kind_dialog));
  gtk_widget_dispose_template (GTK_WIDGET (self), SS_TYPE_SCENARIOS_PAGE);

  G_OBJECT_CLASS (ss_scenarios_page_parent_class)->dispose (object);
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
  g_type_ensure (SS_TYPE_OVERRIDE_LIST);
  g_type_ensure (SS_TYPE_SHOCK_LIST);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               SS_UI_RESOURCE ("ss-scenarios-page.ui"));
  gtk_widget_class_bind_template_child (widget_class, SsScenariosPage, box);
  gtk_widget_class_bind_template_child (widget_class, SsScenariosPage, list);
  gtk_widget_class_bind_template_child (widget_class, SsScenariosPage, new_button);
  gtk_widget_class_bind_template_child (widget_class, SsScenariosPage, stack);
  gtk_widget_class_bind_template_child (widget_class, SsScenariosPage, scenario_group);
  gtk_widget_class_bind_template_child (widget_class, SsScenariosPage, kind_row);
  gtk_widget_class_bind_template_child (widget_class, SsScenariosPage, overrides);
  gtk_widget_class_bind_template_child (widget_class, SsScenariosPage, shocks);
  gtk_widget_class_bind_template_child (widget_class, SsScenariosPage, kind_dialog);
  gtk_widget_class_bind_template_child (widget_class, SsScenariosPage, status);
  gtk_widget_class_bind_template_child (widget_class, SsScenariosPage, name_field);
  gtk_widget_class_bind_template_child (widget_class, SsScenariosPage, description_field);
  gtk_widget_class_bind_template_child (widget_class, SsScenariosPage, new_dialog);
  gtk_widget_class_bind_template_child (widget_class, SsScenariosPage, new_name);
  gtk_widget_class_bind_template_child (widget_class, SsScenariosPage, new_id);
  gtk_widget_class_bind_template_child (widget_class, SsScenariosPage, delete_dialog);
  gtk_widget_class_bind_template_callback (widget_class, on_row_selected);
  gtk_widget_class_bind_template_callback (widget_class, update_status);
  gtk_widget_class_bind_template_callback (widget_class, on_new_dialog_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_new_dialog_response);
  gtk_widget_class_bind_template_callback (widget_class, on_delete_response);
  gtk_widget_class_bind_template_callback (widget_class, on_kind_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_kind_response);

  gtk_widget_class_set_css_name (widget_class, "scenariospage");

  gtk_widget_class_install_action (widget_class, "scenarios.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "scenarios.duplicate", NULL, duplicate_action);
  gtk_widget_class_install_action (widget_class, "scenarios.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "scenarios.add-override", NULL,
                                   add_override_action);
  gtk_widget_class_install_action (widget_class, "scenarios.add-shock", NULL, add_shock_action);
}

/* The status page shown without scenarios scrolls in a pane of its own,
 * which GTK 4.8 leaves unnamed (tests/test-a11y.py). */
static void
name_status_scroller (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (ADW_IS_STATUS_PAGE (child) && GTK_IS_SCROLLED_WINDOW (gtk_widget_get_first_child (child)))
        ss_accessible_name (gtk_widget_get_first_child (child), _("About scenarios"));
      else
        name_status_scroller (child);
    }
}

static void
ss_scenarios_page_init (SsScenariosPage *self)
{
  self->scenario = -1;
  gtk_widget_init_template (GTK_WIDGET (self));
  name_status_scroller (GTK_WIDGET (self));
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
