/* ss-scenarios-page.c: the Scenarios page — scenarios, their descriptions and overrides
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A list of the study's scenarios (new, duplicate, delete) and, for the
 * selected one, its name, its description and its country overrides.
 * Targets and levers are edited in the editor view; this page holds what
 * describes a scenario and the country values it changes (a shock or a
 * policy).
 *
 * The study keeps one override record per country with a bit per
 * attribute; the page shows one row per overridden (country, attribute)
 * pair, sorted like the Countries table, so each row says one thing:
 * "in this scenario, China's disruption probability is 0.3". Anything not
 * listed is as the country.
 */

#define G_LOG_DOMAIN "supplyshift-scenarios-page"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "ss-attrs.h"
#include "ss-bidi.h"
#include "ss-page-util.h"
#include "ss-xml-text.h"
#include "ss-scenarios-page.h"

static const char *attr_titles[SS_COUNTRY_N_ATTRS] = {
  [SS_COUNTRY_GOVERNANCE] = N_("Governance"),
  [SS_COUNTRY_DISRUPTION_PROBABILITY] = N_("Disruption probability"),
  [SS_COUNTRY_DISRUPTION_SEVERITY] = N_("Disruption severity"),
  [SS_COUNTRY_DISRUPTION_DAYS] = N_("Disruption days"),
  [SS_COUNTRY_COST_INDEX] = N_("Cost index"),
  [SS_COUNTRY_COST_GROWTH] = N_("Cost growth"),
  [SS_COUNTRY_TARIFF] = N_("Tariff"),
  [SS_COUNTRY_LOGISTICS] = N_("Logistics"),
  [SS_COUNTRY_RAMP] = N_("Ramp"),
};

/* One override row; lives as long as its row. */
typedef struct
{
  SsScenariosPage *page;
  guint            country;
  guint            attr;
  gboolean         dirty;
  char            *message;
  GtkWidget       *row;
  GtkWidget       *country_dropdown;
  GtkWidget       *attr_dropdown;
  GtkWidget       *entry;
  GtkWidget       *hint;
  GtkWidget       *remove;
} Override;

typedef enum
{
  FOCUS_NONE,
  FOCUS_COUNTRY,
  FOCUS_ATTR,
  FOCUS_ENTRY,
  FOCUS_REMOVE,
} FocusPart;

struct _SsScenariosPage
{
  GtkWidget             parent_instance;

  /* Children */
  GtkWidget            *box;
  GtkListBox           *list;
  GtkWidget            *new_button;
  GtkWidget            *duplicate_button;
  GtkWidget            *delete_button;
  GtkStack             *stack;
  AdwPreferencesGroup  *scenario_group;
  GtkWidget            *name_row;
  GtkTextView          *description;
  AdwPreferencesGroup  *overrides_group;
  GtkWidget            *add_override_button;
  GtkListBox           *overrides;
  GtkLabel             *status;

  /* Owned */
  SsDocument           *document;
  GPtrArray            *rows;          /* of Override, borrowed from the rows */
  GtkStringList        *country_names;
  GtkStringList        *attr_names;

  guint                 rebuild_id;    /* idle rebuild of the override rows */
  guint                 focus_country; /* where the idle rebuild puts the focus */
  guint                 focus_attr;
  FocusPart             focus_part;

  int                   scenario;      /* selected, -1 with none */
  guint                 shown_n_scenarios;
  gboolean              name_dirty;
  gboolean              description_dirty;
  gboolean              syncing;
  gboolean              rebuilding;
};

G_DEFINE_FINAL_TYPE (SsScenariosPage, ss_scenarios_page, GTK_TYPE_WIDGET)

static void refresh (SsScenariosPage *self);
static void sync_details (SsScenariosPage *self,
                          gboolean         force);

static SsStudy *
study_of (SsScenariosPage *self)
{
  return ss_document_get_study (self->document);
}

static SsScenario *
current_scenario (SsScenariosPage *self)
{
  if (self->document == NULL || self->scenario < 0)
    return NULL;
  return ss_study_get_scenario (study_of (self), self->scenario);
}

/* --- Overrides --------------------------------------------------------- */

static void
override_free (Override *ov)
{
  g_free (ov->message);
  g_free (ov);
}

static double
country_value (SsScenariosPage *self,
               guint            country,
               guint            attr)
{
  return ss_study_get_country (study_of (self), country)->attr[attr];
}

static gboolean
is_overridden (SsScenario *scenario,
               guint       country,
               guint       attr)
{
  SsCountryOverride *ov = ss_scenario_find_override (scenario, country);

  return ov != NULL && (ov->set & (1u << attr));
}

static void
set_override (SsScenario *scenario,
              guint       country,
              guint       attr,
              double      value)
{
  SsCountryOverride *ov = ss_scenario_find_override (scenario, country);

  if (ov == NULL)
    {
      SsCountryOverride fresh = { 0 };

      fresh.country = country;
      g_array_append_val (scenario->overrides, fresh);
      ov = &g_array_index (scenario->overrides, SsCountryOverride, scenario->overrides->len - 1);
    }
  ov->set |= 1u << attr;
  ov->attr[attr] = value;
}

/* A record left with no attribute goes, so the file has no empty
 * <country code="…"/> line. */
static void
clear_override (SsScenario *scenario,
                guint       country,
                guint       attr)
{
  for (guint o = 0; o < scenario->overrides->len; o++)
    {
      SsCountryOverride *ov = &g_array_index (scenario->overrides, SsCountryOverride, o);

      if (ov->country != country)
        continue;
      ov->set &= ~(1u << attr);
      ov->attr[attr] = 0;
      if (ov->set == 0)
        g_array_remove_index (scenario->overrides, o);
      return;
    }
}

/* The overridden pairs, sorted by country then attribute. */
static GArray *
override_pairs (SsScenariosPage *self,
                SsScenario      *scenario)
{
  GArray *pairs = g_array_new (FALSE, FALSE, sizeof (guint) * 2);
  guint nc = ss_study_get_n_countries (study_of (self));

  for (guint c = 0; c < nc; c++)
    for (guint a = 0; a < SS_COUNTRY_N_ATTRS; a++)
      if (is_overridden (scenario, c, a))
        {
          guint pair[2] = { c, a };

          g_array_append_vals (pairs, pair, 1);
        }
  return pairs;
}

static char *
override_label (SsScenariosPage *self,
                guint            country,
                guint            attr)
{
  g_autofree char *name = ss_bidi_isolate (ss_study_get_country (study_of (self), country)->name);

  /* Translators: an attribute, then a country, "Ramp of Vietnam" */
  return g_strdup_printf (_("%s of %s"), _(attr_titles[attr]), name);
}

static char *
check_value (SsScenariosPage *self,
             Override        *ov,
             const char      *text,
             double          *value)
{
  g_autofree char *what = override_label (self, ov->country, ov->attr);

  return ss_page_check_number (text, &ss_country_attrs[ov->attr], what, FALSE, value);
}

static void
update_status (SsScenariosPage *self)
{
  for (guint k = 0; k < self->rows->len; k++)
    {
      Override *ov = g_ptr_array_index (self->rows, k);

      if (ov->message != NULL)
        {
          ss_page_show_status (self->status, ov->message);
          return;
        }
    }
  ss_page_show_status (self->status, NULL);
}

static void
set_override_message (Override *ov,
                      char     *message)
{
  g_autofree char *range = ss_page_describe_range (&ss_country_attrs[ov->attr]);
  g_autofree char *hint = g_strdup_printf (_("In %s"), range);

  g_free (ov->message);
  ov->message = message;
  ss_page_show_input_state (ov->entry, message, hint);
}

static void
sync_override (SsScenariosPage *self,
               Override        *ov,
               gboolean         force)
{
  SsCountryOverride *record = ss_scenario_find_override (current_scenario (self), ov->country);
  char buf[SS_NUMBER_BUF], own[SS_NUMBER_BUF];
  g_autofree char *hint = NULL, *label = NULL, *remove = NULL;

  label = override_label (self, ov->country, ov->attr);
  /* Translators: "Remove the override of Ramp of Vietnam" */
  remove = g_strdup_printf (_("Remove the override of %s"), label);
  ss_page_set_accessible_label (ov->entry, label);
  ss_page_set_accessible_label (ov->remove, remove);
  ss_page_set_tooltip (ov->remove, remove);

  ss_format_number (own, sizeof own, country_value (self, ov->country, ov->attr));
  /* Translators: the country's own value, which the override replaces */
  hint = g_strdup_printf (_("instead of %s"), own);
  gtk_label_set_label (GTK_LABEL (ov->hint), hint);

  self->syncing = TRUE;
  gtk_drop_down_set_selected (GTK_DROP_DOWN (ov->country_dropdown), ov->country);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (ov->attr_dropdown), ov->attr);
  if ((!ov->dirty || force) && record != NULL)
    {
      ss_format_number (buf, sizeof buf, record->attr[ov->attr]);
      ss_page_set_text (ov->entry, buf);
      ov->dirty = FALSE;
      set_override_message (ov, NULL);
    }
  self->syncing = FALSE;
}

static void
commit_override (SsScenariosPage *self,
                 Override        *ov)
{
  SsScenario *scenario = current_scenario (self);
  SsCountryOverride *record;
  double value = 0;
  char *message;

  if (self->syncing || self->rebuilding || scenario == NULL || !ov->dirty
      || ss_document_in_edit (self->document))
    return;

  message = check_value (self, ov, gtk_editable_get_text (GTK_EDITABLE (ov->entry)), &value);
  set_override_message (ov, message);
  update_status (self);
  if (message != NULL)
    return;

  record = ss_scenario_find_override (scenario, ov->country);
  if (record != NULL && record->attr[ov->attr] == value)
    {
      sync_override (self, ov, TRUE);
      return;
    }

  ss_document_begin_edit (self->document);
  set_override (scenario, ov->country, ov->attr, value);
  ov->dirty = FALSE;
  ss_document_changed (self->document, SS_CHANGE_SCENARIO, self->scenario);
  ss_document_end_edit (self->document);
}

static void
on_override_changed (GtkEditable *editable,
                     Override    *ov)
{
  SsScenariosPage *self = ov->page;
  double value;

  if (self->syncing || self->rebuilding)
    return;
  ov->dirty = TRUE;
  set_override_message (ov, check_value (self, ov, gtk_editable_get_text (editable), &value));
  update_status (self);
}

static void
on_override_activate (GtkEntry *entry,
                      Override *ov)
{
  commit_override (ov->page, ov);
}

static void
on_override_leave (GtkEventControllerFocus *controller,
                   Override                *ov)
{
  commit_override (ov->page, ov);
}

static gboolean
on_override_key (GtkEventControllerKey *controller,
                 guint                  keyval,
                 guint                  keycode,
                 GdkModifierType        state,
                 Override              *ov)
{
  if (keyval != GDK_KEY_Escape || !ov->dirty)
    return FALSE;
  sync_override (ov->page, ov, TRUE);
  update_status (ov->page);
  return TRUE;
}

static void queue_rebuild (SsScenariosPage *self);

/* Moves an override to another country or attribute, keeping its value
 * where it is still in range (else the new attribute's own value). */
static void
on_override_moved (GtkDropDown *dropdown,
                   GParamSpec  *pspec,
                   Override    *ov)
{
  SsScenariosPage *self = ov->page;
  SsScenario *scenario = current_scenario (self);
  guint country = gtk_drop_down_get_selected (GTK_DROP_DOWN (ov->country_dropdown));
  guint attr = gtk_drop_down_get_selected (GTK_DROP_DOWN (ov->attr_dropdown));
  FocusPart part = GTK_WIDGET (dropdown) == ov->country_dropdown ? FOCUS_COUNTRY : FOCUS_ATTR;
  SsCountryOverride *record;
  double value;

  if (self->syncing || self->rebuilding || scenario == NULL || ss_document_in_edit (self->document)
      || country == GTK_INVALID_LIST_POSITION || attr == GTK_INVALID_LIST_POSITION
      || (country == ov->country && attr == ov->attr))
    return;

  if (is_overridden (scenario, country, attr))
    {
      g_autofree char *what = override_label (self, country, attr);
      g_autofree char *message = g_strdup_printf (_("%s is already overridden in this scenario"),
                                                  what);

      sync_override (self, ov, FALSE);
      ss_page_show_status (self->status, message);
      return;
    }

  record = ss_scenario_find_override (scenario, ov->country);
  value = record != NULL ? record->attr[ov->attr] : 0;
  if (attr != ov->attr || !ss_attr_in_range (&ss_country_attrs[attr], value))
    value = country_value (self, country, attr);

  self->focus_country = country;
  self->focus_attr = attr;
  self->focus_part = part;
  ss_document_begin_edit (self->document);
  clear_override (scenario, ov->country, ov->attr);
  set_override (scenario, country, attr, value);
  ss_document_changed (self->document, SS_CHANGE_SCENARIO, self->scenario);
  ss_document_end_edit (self->document);
  queue_rebuild (self);
}

static void
on_override_remove (GtkButton *button,
                    Override  *ov)
{
  SsScenariosPage *self = ov->page;
  SsScenario *scenario = current_scenario (self);

  if (scenario == NULL || ss_document_in_edit (self->document))
    return;
  ss_document_begin_edit (self->document);
  clear_override (scenario, ov->country, ov->attr);
  ss_document_changed (self->document, SS_CHANGE_SCENARIO, self->scenario);
  ss_document_end_edit (self->document);
}

static Override *
make_override_row (SsScenariosPage *self,
                   guint            country,
                   guint            attr)
{
  Override *ov = g_new0 (Override, 1);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkEventController *focus = gtk_event_controller_focus_new ();
  GtkEventController *key = gtk_event_controller_key_new ();

  ov->page = self;
  ov->country = country;
  ov->attr = attr;
  ov->row = row;
  g_object_set_data_full (G_OBJECT (row), "ss-override", ov, (GDestroyNotify)override_free);

  ov->country_dropdown = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (self->country_names)),
                                            NULL);
  gtk_widget_set_valign (ov->country_dropdown, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (ov->country_dropdown, "flat");
  gtk_accessible_update_property (GTK_ACCESSIBLE (ov->country_dropdown),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Country"), -1);
  ov->attr_dropdown = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (self->attr_names)), NULL);
  gtk_widget_set_valign (ov->attr_dropdown, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (ov->attr_dropdown, "flat");
  gtk_accessible_update_property (GTK_ACCESSIBLE (ov->attr_dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Attribute"), -1);

  ov->hint = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (ov->hint), 1);
  gtk_widget_set_hexpand (ov->hint, TRUE);
  gtk_widget_add_css_class (ov->hint, "dim-label");
  gtk_widget_add_css_class (ov->hint, "caption");
  gtk_widget_add_css_class (ov->hint, "numeric");

  ov->entry = ss_page_new_number_entry (7);

  ov->remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_add_css_class (ov->remove, "flat");
  gtk_widget_set_valign (ov->remove, GTK_ALIGN_CENTER);

  gtk_box_append (GTK_BOX (box), ov->country_dropdown);
  gtk_box_append (GTK_BOX (box), ov->attr_dropdown);
  gtk_box_append (GTK_BOX (box), ov->hint);
  gtk_box_append (GTK_BOX (box), ov->entry);
  gtk_box_append (GTK_BOX (box), ov->remove);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);

  sync_override (self, ov, TRUE);

  g_signal_connect (ov->country_dropdown, "notify::selected", G_CALLBACK (on_override_moved), ov);
  g_signal_connect (ov->attr_dropdown, "notify::selected", G_CALLBACK (on_override_moved), ov);
  g_signal_connect (ov->entry, "changed", G_CALLBACK (on_override_changed), ov);
  g_signal_connect (ov->entry, "activate", G_CALLBACK (on_override_activate), ov);
  g_signal_connect (ov->remove, "clicked", G_CALLBACK (on_override_remove), ov);
  g_signal_connect (focus, "leave", G_CALLBACK (on_override_leave), ov);
  g_signal_connect (key, "key-pressed", G_CALLBACK (on_override_key), ov);
  gtk_widget_add_controller (ov->entry, focus);
  gtk_widget_add_controller (ov->entry, key);

  return ov;
}

static gboolean
same_pairs (SsScenariosPage *self,
            GArray          *pairs)
{
  if (pairs->len != self->rows->len)
    return FALSE;
  for (guint k = 0; k < pairs->len; k++)
    {
      Override *ov = g_ptr_array_index (self->rows, k);
      guint *pair = &g_array_index (pairs, guint, 2 * k);

      if (ov->country != pair[0] || ov->attr != pair[1])
        return FALSE;
    }
  return TRUE;
}

static gboolean
row_is (Override *ov,
        GArray   *pairs,
        guint     k)
{
  guint *pair = &g_array_index (pairs, guint, 2 * k);

  return ov->country == pair[0] && ov->attr == pair[1];
}

/* Makes the rows match the scenario's overrides. Unless `everything`,
 * rows that still match stay (with what is typed in them) and only the
 * rows between the first and the last difference are replaced, so adding
 * or removing one override builds at most one row. */
static void
rebuild_overrides (SsScenariosPage *self,
                   gboolean         everything,
                   guint            focus_country,
                   guint            focus_attr,
                   FocusPart        focus_part)
{
  SsScenario *scenario = current_scenario (self);
  g_autoptr(GArray) pairs = NULL;
  guint n_old = self->rows->len, n_new, head = 0, tail = 0;

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  pairs = scenario != NULL ? override_pairs (self, scenario)
                           : g_array_new (FALSE, FALSE, sizeof (guint) * 2);
  n_new = pairs->len;
  if (!everything)
    {
      while (head < n_old && head < n_new
             && row_is (g_ptr_array_index (self->rows, head), pairs, head))
        head++;
      while (tail < n_old - head && tail < n_new - head
             && row_is (g_ptr_array_index (self->rows, n_old - 1 - tail), pairs, n_new - 1 - tail))
        tail++;
    }

  self->rebuilding = TRUE;
  for (guint k = n_old - tail; k-- > head;)
    {
      Override *ov = g_ptr_array_steal_index (self->rows, k);

      gtk_list_box_remove (self->overrides, ov->row);
    }
  self->rebuilding = FALSE;

  for (guint k = head; k < n_new - tail; k++)
    {
      guint *pair = &g_array_index (pairs, guint, 2 * k);
      Override *ov = make_override_row (self, pair[0], pair[1]);

      gtk_list_box_insert (self->overrides, ov->row, k);
      g_ptr_array_insert (self->rows, k, ov);
    }
  for (guint k = 0; k < self->rows->len; k++)
    if (k < head || k >= n_new - tail)
      sync_override (self, g_ptr_array_index (self->rows, k), FALSE);

  if (focus_part == FOCUS_NONE)
    return;
  for (guint k = 0; k < self->rows->len; k++)
    {
      Override *ov = g_ptr_array_index (self->rows, k);

      if (ov->country != focus_country || ov->attr != focus_attr)
        continue;
      gtk_widget_grab_focus (focus_part == FOCUS_COUNTRY ? ov->country_dropdown
                             : focus_part == FOCUS_ATTR ? ov->attr_dropdown
                             : focus_part == FOCUS_ENTRY ? ov->entry : ov->remove);
      return;
    }
  /* The row went (its override was removed): the button that adds one. */
  gtk_widget_grab_focus (self->add_override_button);
}

/* Which part of which override row holds the focus, to give it back. */
static FocusPart
find_focus (SsScenariosPage *self,
            guint           *country,
            guint           *attr)
{
  GtkWidget *focus = ss_page_get_focus (GTK_WIDGET (self));

  for (guint k = 0; k < self->rows->len && focus != NULL; k++)
    {
      Override *ov = g_ptr_array_index (self->rows, k);

      *country = ov->country;
      *attr = ov->attr;
      if (gtk_widget_is_ancestor (focus, ov->country_dropdown) || focus == ov->country_dropdown)
        return FOCUS_COUNTRY;
      if (gtk_widget_is_ancestor (focus, ov->attr_dropdown) || focus == ov->attr_dropdown)
        return FOCUS_ATTR;
      if (gtk_widget_is_ancestor (focus, ov->entry) || focus == ov->entry)
        return FOCUS_ENTRY;
      if (focus == ov->remove)
        return FOCUS_REMOVE;
    }
  return FOCUS_NONE;
}

static gboolean
rebuild_in_idle (gpointer data)
{
  SsScenariosPage *self = data;
  guint country = self->focus_country, attr = self->focus_attr;
  FocusPart part = self->focus_part;

  self->rebuild_id = 0;
  if (part == FOCUS_NONE)
    part = find_focus (self, &country, &attr);
  self->focus_part = FOCUS_NONE;
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
  SsScenario *scenario = current_scenario (self);
  g_autoptr(GArray) pairs = NULL;
  guint nc;

  if (scenario == NULL)
    return;
  nc = ss_study_get_n_countries (study_of (self));

  pairs = override_pairs (self, scenario);
  if (!force && same_pairs (self, pairs))
    {
      for (guint k = 0; k < self->rows->len; k++)
        sync_override (self, g_ptr_array_index (self->rows, k), FALSE);
    }
  else if (force)
    {
      guint country = 0, attr = 0;
      FocusPart part = find_focus (self, &country, &attr);

      rebuild_overrides (self, TRUE, country, attr, part);
    }
  else
    queue_rebuild (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "scenarios.add-override",
                                 pairs->len < nc * SS_COUNTRY_N_ATTRS);
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
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("No scenario is selected"));
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
        ss_document_begin_edit (self->document);
        set_override (scenario, c, a, country_value (self, c, a));
        ss_document_changed (self->document, SS_CHANGE_SCENARIO, self->scenario);
        ss_document_end_edit (self->document);
        if (country != NULL)
          *country = c;
        if (attr != NULL)
          *attr = a;
        rebuild_overrides (self, FALSE, c, a, FOCUS_COUNTRY);
        return TRUE;
      }

  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
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
      Override *ov = g_ptr_array_index (self->rows, k);

      if (ov->country == country && ov->attr == attr)
        return ov->entry;
    }
  return NULL;
}

/* --- Name and description ---------------------------------------------- */

/* Why a typed name is refused, or NULL. */
static char *
check_name (const char *name)
{
  if (*name == '\0')
    return g_strdup (_("A scenario’s name cannot be empty"));
  return ss_xml_text_check (name, _("The name"));
}

static void
commit_name (SsScenariosPage *self)
{
  SsScenario *scenario = current_scenario (self);
  g_autofree char *name = NULL, *problem = NULL;

  if (self->syncing || self->rebuilding || scenario == NULL || !self->name_dirty
      || ss_document_in_edit (self->document))
    return;

  name = ss_page_clean_line (gtk_editable_get_text (GTK_EDITABLE (self->name_row)));
  if ((problem = check_name (name)) != NULL)
    {
      gtk_widget_add_css_class (self->name_row, "error");
      ss_page_show_status (self->status, problem);
      return;
    }
  self->name_dirty = FALSE;
  if (g_str_equal (name, scenario->name))
    {
      sync_details (self, FALSE);
      return;
    }

  ss_document_begin_edit (self->document);
  g_free (scenario->name);
  scenario->name = g_steal_pointer (&name);
  ss_document_changed (self->document, SS_CHANGE_STRUCTURE, -1);
  ss_document_end_edit (self->document);
}

static void
on_name_changed (SsScenariosPage *self)
{
  g_autofree char *name = NULL, *problem = NULL;

  if (self->syncing || self->rebuilding)
    return;
  self->name_dirty = TRUE;
  name = ss_page_clean_line (gtk_editable_get_text (GTK_EDITABLE (self->name_row)));
  if ((problem = check_name (name)) != NULL)
    {
      gtk_widget_add_css_class (self->name_row, "error");
      ss_page_show_status (self->status, problem);
    }
  else
    {
      gtk_widget_remove_css_class (self->name_row, "error");
      update_status (self);
    }
}

static void
commit_description (SsScenariosPage *self)
{
  SsScenario *scenario = current_scenario (self);
  g_autofree char *text = NULL, *clean = NULL, *problem = NULL;

  if (self->syncing || self->rebuilding || scenario == NULL || !self->description_dirty
      || ss_document_in_edit (self->document))
    return;

  text = ss_page_get_text (GTK_WIDGET (self->description));
  clean = ss_page_clean_notes (text);
  if ((problem = ss_xml_text_check (clean, _("The description"))) != NULL)
    {
      ss_page_show_input_state (GTK_WIDGET (self->description), problem, NULL);
      ss_page_show_status (self->status, problem);
      return;
    }
  ss_page_show_input_state (GTK_WIDGET (self->description), NULL, NULL);
  self->description_dirty = FALSE;
  if (g_str_equal (clean, scenario->description))
    return;

  ss_document_begin_edit (self->document);
  g_free (scenario->description);
  scenario->description = g_steal_pointer (&clean);
  ss_document_changed (self->document, SS_CHANGE_SCENARIO, self->scenario);
  ss_document_end_edit (self->document);
}

static void
on_description_changed (SsScenariosPage *self)
{
  g_autofree char *text = NULL, *problem = NULL;

  if (self->syncing || self->rebuilding)
    return;
  self->description_dirty = TRUE;
  text = ss_page_get_text (GTK_WIDGET (self->description));
  problem = ss_xml_text_check (text, _("The description"));
  ss_page_show_input_state (GTK_WIDGET (self->description), problem, NULL);
  if (problem != NULL)
    ss_page_show_status (self->status, problem);
  else
    update_status (self);
}

static void
sync_details (SsScenariosPage *self,
              gboolean         force)
{
  SsScenario *scenario = current_scenario (self);
  g_autofree char *description = NULL;

  if (scenario == NULL)
    return;

  self->syncing = TRUE;
  if (force || !self->name_dirty)
    {
      ss_page_set_text (self->name_row, scenario->name);
      gtk_widget_remove_css_class (self->name_row, "error");
      self->name_dirty = FALSE;
    }
  if (force || !self->description_dirty)
    {
      ss_page_set_text (GTK_WIDGET (self->description), scenario->description);
      self->description_dirty = FALSE;
    }
  self->syncing = FALSE;

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
  guint n = self->document != NULL ? ss_study_get_n_scenarios (study_of (self)) : 0;
  gboolean room = n < SS_MAX_SCENARIOS;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "scenarios.new",
                                 self->document != NULL && room);
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

static void
refresh (SsScenariosPage *self)
{
  SsStudy *study = study_of (self);
  guint ns = ss_study_get_n_scenarios (study);
  guint nc = ss_study_get_n_countries (study);
  gboolean moved, countries_changed;
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  if (self->scenario >= (int)ns)
    self->scenario = (int)ns - 1;
  else if (self->scenario < 0 && ns > 0)
    self->scenario = 0;
  moved = ns != self->shown_n_scenarios;
  self->shown_n_scenarios = ns;

  for (guint c = 0; c < nc; c++)
    g_ptr_array_add (names, ss_study_get_country (study, c)->name);
  g_ptr_array_add (names, NULL);
  countries_changed = g_list_model_get_n_items (G_LIST_MODEL (self->country_names)) != nc;
  for (guint c = 0; c < nc && !countries_changed; c++)
    countries_changed = !g_str_equal (gtk_string_list_get_string (self->country_names, c),
                                      g_ptr_array_index (names, c));
  if (countries_changed)
    {
      /* The rows' dropdowns share the list; indices may have moved, so
       * rows are matched again and show the study's values. */
      self->syncing = TRUE;
      gtk_string_list_splice (self->country_names, 0,
                              g_list_model_get_n_items (G_LIST_MODEL (self->country_names)),
                              (const char * const *)names->pdata);
      self->syncing = FALSE;
      if (!moved)
        {
          rebuild_overrides (self, FALSE, 0, 0, FOCUS_NONE);
          for (guint k = 0; k < self->rows->len; k++)
            sync_override (self, g_ptr_array_index (self->rows, k), TRUE);
        }
    }

  rebuild_list (self);
  gtk_stack_set_visible_child_name (self->stack, ns > 0 ? "details" : "empty");
  update_buttons (self);
  sync_details (self, moved);
}

static void
on_document_changed (SsScenariosPage *self,
                     guint            change,
                     int              scenario)
{
  if (change & SS_CHANGE_STRUCTURE)
    refresh (self);
  else if (change & SS_CHANGE_BASELINE)
    sync_overrides (self, FALSE);     /* the countries' own values */
  else if (scenario == self->scenario)
    sync_details (self, FALSE);
}

static void
on_row_selected (GtkListBox      *list,
                 GtkListBoxRow   *row,
                 SsScenariosPage *self)
{
  if (self->syncing || row == NULL)
    return;
  ss_scenarios_page_select_scenario (self, gtk_list_box_row_get_index (row));
}

/* --- New, duplicate, delete -------------------------------------------- */

static gboolean
check_room (SsStudy  *study,
            GError  **error)
{
  if (ss_study_get_n_scenarios (study) < SS_MAX_SCENARIOS)
    return TRUE;
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE, _("A study holds at most %d scenarios"),
               SS_MAX_SCENARIOS);
  return FALSE;
}

int
ss_scenarios_page_new_scenario (SsScenariosPage  *self,
                                const char       *name,
                                GError          **error)
{
  SsStudy *study;
  g_autofree char *clean = NULL, *id = NULL, *problem = NULL;
  guint index;

  g_return_val_if_fail (SS_IS_SCENARIOS_PAGE (self), -1);
  g_return_val_if_fail (self->document != NULL, -1);

  study = study_of (self);
  clean = ss_page_clean_line (name != NULL ? name : "");
  if (!check_room (study, error))
    return -1;
  if ((problem = check_name (clean)) != NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, problem);
      return -1;
    }

  id = ss_study_unique_scenario_id (study, clean);
  ss_document_begin_edit (self->document);
  index = ss_study_add_scenario (study, id, clean);
  self->scenario = index;
  ss_document_changed (self->document, SS_CHANGE_STRUCTURE, -1);
  ss_document_end_edit (self->document);
  ss_scenarios_page_select_scenario (self, index);
  return index;
}

int
ss_scenarios_page_duplicate_scenario (SsScenariosPage  *self,
                                      guint             index,
                                      GError          **error)
{
  SsStudy *study;
  g_autofree char *name = NULL, *id = NULL;
  guint copy;

  g_return_val_if_fail (SS_IS_SCENARIOS_PAGE (self), -1);
  g_return_val_if_fail (self->document != NULL, -1);

  study = study_of (self);
  g_return_val_if_fail (index < ss_study_get_n_scenarios (study), -1);

  if (!check_room (study, error))
    return -1;

  /* Translators: the name of a scenario's copy */
  name = g_strdup_printf (_("%s (copy)"), ss_study_get_scenario (study, index)->name);
  id = ss_study_unique_scenario_id (study, name);
  ss_document_begin_edit (self->document);
  copy = ss_study_duplicate_scenario (study, index, id, name);
  self->scenario = copy;
  ss_document_changed (self->document, SS_CHANGE_STRUCTURE, -1);
  ss_document_end_edit (self->document);
  ss_scenarios_page_select_scenario (self, copy);
  return copy;
}

void
ss_scenarios_page_delete_scenario (SsScenariosPage *self,
                                   guint            index)
{
  SsStudy *study;

  g_return_if_fail (SS_IS_SCENARIOS_PAGE (self));
  g_return_if_fail (self->document != NULL);

  study = study_of (self);
  g_return_if_fail (index < ss_study_get_n_scenarios (study));

  ss_document_begin_edit (self->document);
  ss_study_remove_scenario (study, index);
  if (self->scenario > (int)index || self->scenario >= (int)ss_study_get_n_scenarios (study))
    self->scenario--;
  ss_document_changed (self->document, SS_CHANGE_STRUCTURE, -1);
  ss_document_end_edit (self->document);
}

static void
on_new_dialog_changed (AdwMessageDialog *dialog)
{
  SsScenariosPage *self = g_object_get_data (G_OBJECT (dialog), "ss-page");
  GtkEditable *row = g_object_get_data (G_OBJECT (dialog), "ss-name");
  GtkLabel *label = g_object_get_data (G_OBJECT (dialog), "ss-id");
  g_autofree char *name = ss_page_clean_line (gtk_editable_get_text (row));
  g_autofree char *id = ss_study_unique_scenario_id (study_of (self), name);
  g_autofree char *text = g_strdup_printf (_("Identifier in the file: %s"), id);

  gtk_label_set_label (label, text);
  g_autofree char *problem = check_name (name);

  /* An empty name is not worth a message while the dialog is new. */
  if (problem != NULL && *name != '\0')
    gtk_label_set_label (label, problem);
  adw_message_dialog_set_response_enabled (dialog, "create", problem == NULL);
}

static void
on_new_dialog_response (AdwMessageDialog *dialog,
                        const char       *response)
{
  SsScenariosPage *self = g_object_get_data (G_OBJECT (dialog), "ss-page");
  GtkEditable *row = g_object_get_data (G_OBJECT (dialog), "ss-name");
  g_autoptr(GError) error = NULL;

  if (g_str_equal (response, "create")
      && ss_scenarios_page_new_scenario (self, gtk_editable_get_text (row), &error) < 0)
    ss_page_show_message (GTK_WIDGET (self), _("Cannot Add the Scenario"), error->message);
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  SsScenariosPage *self = SS_SCENARIOS_PAGE (widget);
  GtkWidget *dialog, *row, *label;

  if (self->document == NULL)
    return;

  dialog = ss_page_new_dialog (widget, _("New Scenario"),
                               _("A new scenario keeps the baseline until you set its "
                                 "targets and levers in the editor."));
  row = ss_page_new_form_entry (_("Name"));
  /* The identifier the name makes, see on_new_dialog_changed(). */
  label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "dim-label");
  ss_page_set_form (ADW_MESSAGE_DIALOG (dialog), label, row, NULL);
  ss_page_add_responses (ADW_MESSAGE_DIALOG (dialog), "create", _("C_reate"),
                         ADW_RESPONSE_SUGGESTED);

  g_object_set_data (G_OBJECT (dialog), "ss-page", self);
  g_object_set_data (G_OBJECT (dialog), "ss-name", row);
  g_object_set_data (G_OBJECT (dialog), "ss-id", label);
  g_signal_connect_swapped (row, "changed", G_CALLBACK (on_new_dialog_changed), dialog);
  g_signal_connect (dialog, "response", G_CALLBACK (on_new_dialog_response), NULL);
  on_new_dialog_changed (ADW_MESSAGE_DIALOG (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (row);
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
on_delete_response (AdwMessageDialog *dialog,
                    const char       *response,
                    SsScenariosPage  *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dialog), "ss-index"));

  if (g_str_equal (response, "delete") && self->document != NULL
      && index < ss_study_get_n_scenarios (study_of (self)))
    ss_scenarios_page_delete_scenario (self, index);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SsScenariosPage *self = SS_SCENARIOS_PAGE (widget);
  SsScenario *scenario = current_scenario (self);
  GtkWidget *dialog;

  if (scenario == NULL)
    return;
  dialog = ss_page_new_dialog (widget, _("Delete Scenario?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("“%s” will be deleted with its targets, levers and overrides. "
                                    "Undo brings it back."), scenario->name);
  ss_page_add_responses (ADW_MESSAGE_DIALOG (dialog), "delete", _("_Delete"),
                         ADW_RESPONSE_DESTRUCTIVE);
  g_object_set_data (G_OBJECT (dialog), "ss-index", GUINT_TO_POINTER (self->scenario));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_delete_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
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
  g_return_if_fail (self->document != NULL);
  g_return_if_fail (index < ss_study_get_n_scenarios (study_of (self)));

  self->scenario = index;
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
  return self->name_row;
}

GtkWidget *
ss_scenarios_page_get_description_view (SsScenariosPage *self)
{
  g_return_val_if_fail (SS_IS_SCENARIOS_PAGE (self), NULL);
  return GTK_WIDGET (self->description);
}

/* --- GObject ----------------------------------------------------------- */

static void
ss_scenarios_page_dispose (GObject *object)
{
  SsScenariosPage *self = SS_SCENARIOS_PAGE (object);

  self->rebuilding = TRUE;
  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_object (&self->document);
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
ss_scenarios_page_class_init (SsScenariosPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ss_scenarios_page_dispose;
  object_class->finalize = ss_scenarios_page_finalize;

  gtk_widget_class_set_css_name (widget_class, "scenariospage");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);

  gtk_widget_class_install_action (widget_class, "scenarios.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "scenarios.duplicate", NULL, duplicate_action);
  gtk_widget_class_install_action (widget_class, "scenarios.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "scenarios.add-override", NULL,
                                   add_override_action);
}

static void
build_sidebar (SsScenariosPage *self)
{
  GtkBox *bar;

  ss_page_add_sidebar (GTK_BOX (self->box), _("Scenarios"), &self->list, &bar);
  g_signal_connect (self->list, "row-selected", G_CALLBACK (on_row_selected), self);

  self->new_button = ss_page_new_button ("list-add-symbolic", _("_New…"), _("Add a scenario"));
  gtk_widget_set_hexpand (self->new_button, TRUE);
  gtk_widget_set_halign (self->new_button, GTK_ALIGN_START);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->new_button), "scenarios.new");
  self->duplicate_button = ss_page_new_button ("edit-copy-symbolic", NULL,
                                               _("Duplicate the scenario"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->duplicate_button), "scenarios.duplicate");
  self->delete_button = ss_page_new_button ("user-trash-symbolic", NULL, _("Delete the scenario"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->delete_button), "scenarios.delete");
  gtk_box_append (bar, self->new_button);
  gtk_box_append (bar, self->duplicate_button);
  gtk_box_append (bar, self->delete_button);
}

static void
build_details (SsScenariosPage *self)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *box = ss_page_add_column (GTK_SCROLLED_WINDOW (scroller), 760, 24);
  GtkWidget *list, *frame, *view, *empty, *button;
  GtkEventController *focus;

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_hexpand (GTK_WIDGET (self->stack), TRUE);
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->stack));

  /* No scenario yet */
  empty = adw_status_page_new ();
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (empty), "view-paged-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (empty), _("No Scenarios"));
  adw_status_page_set_description (ADW_STATUS_PAGE (empty),
                                   _("A scenario moves sourcing towards target shares, with "
                                     "transition years, switching costs and subsidies, and may "
                                     "change countries’ figures, like a shock or a policy."));
  button = gtk_button_new_with_mnemonic (_("_New Scenario…"));
  gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "pill");
  gtk_widget_add_css_class (button, "suggested-action");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "scenarios.new");
  adw_status_page_set_child (ADW_STATUS_PAGE (empty), button);
  gtk_stack_add_named (self->stack, empty, "empty");

  gtk_stack_add_named (self->stack, scroller, "details");

  /* Name */
  self->scenario_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  self->name_row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->name_row), _("Name"));
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (self->name_row), TRUE);
  g_signal_connect_swapped (self->name_row, "changed", G_CALLBACK (on_name_changed), self);
  g_signal_connect_swapped (self->name_row, "apply", G_CALLBACK (commit_name), self);
  g_signal_connect_swapped (self->name_row, "entry-activated", G_CALLBACK (commit_name), self);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (commit_name), self);
  gtk_widget_add_controller (self->name_row, focus);
  adw_preferences_group_add (self->scenario_group, self->name_row);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->scenario_group));

  /* Description */
  list = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (list), _("Description"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (list),
                                         _("What the scenario assumes and where its figures come "
                                           "from."));
  frame = gtk_frame_new (NULL);
  gtk_widget_add_css_class (frame, "view");
  view = ss_page_new_notes_view (_("Description of the scenario"));
  gtk_frame_set_child (GTK_FRAME (frame), view);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (list), frame);
  gtk_box_append (GTK_BOX (box), list);
  self->description = GTK_TEXT_VIEW (view);
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->description), "changed",
                            G_CALLBACK (on_description_changed), self);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (commit_description), self);
  gtk_widget_add_controller (view, focus);

  /* Overrides */
  self->overrides_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->overrides_group, _("Country Overrides"));
  adw_preferences_group_set_description (self->overrides_group,
                                         _("Figures that differ from the Countries page in this "
                                           "scenario only, such as a shock or a policy. Every "
                                           "other figure is as the country."));
  self->add_override_button = ss_page_new_button ("list-add-symbolic", _("_Add Override"),
                                           _("Override a country’s figure in this scenario"));
  gtk_widget_set_valign (self->add_override_button, GTK_ALIGN_END);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->add_override_button),
                                  "scenarios.add-override");
  adw_preferences_group_set_header_suffix (self->overrides_group, self->add_override_button);

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Country overrides"), -1);
  {
    GtkWidget *placeholder = gtk_label_new (_("No overrides: every country is as on the "
                                              "Countries page."));

    gtk_label_set_wrap (GTK_LABEL (placeholder), TRUE);
    gtk_widget_add_css_class (placeholder, "dim-label");
    gtk_widget_set_margin_top (placeholder, 18);
    gtk_widget_set_margin_bottom (placeholder, 18);
    gtk_widget_set_margin_start (placeholder, 12);
    gtk_widget_set_margin_end (placeholder, 12);
    gtk_list_box_set_placeholder (GTK_LIST_BOX (list), placeholder);
  }
  adw_preferences_group_add (self->overrides_group, list);
  self->overrides = GTK_LIST_BOX (list);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->overrides_group));

  self->status = GTK_LABEL (ss_page_new_status_label ());
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->status));
}

static void
ss_scenarios_page_init (SsScenariosPage *self)
{
  g_autoptr(GPtrArray) titles = g_ptr_array_new ();

  self->scenario = -1;
  self->rows = g_ptr_array_new ();
  self->country_names = gtk_string_list_new (NULL);
  for (guint a = 0; a < SS_COUNTRY_N_ATTRS; a++)
    g_ptr_array_add (titles, (gpointer)_(attr_titles[a]));
  g_ptr_array_add (titles, NULL);
  self->attr_names = gtk_string_list_new ((const char * const *)titles->pdata);

  self->box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);

  build_sidebar (self);
  build_details (self);
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
  g_return_if_fail (document == NULL || SS_IS_DOCUMENT (document));

  if (!ss_page_set_document (GTK_WIDGET (self), &self->document, document,
                             G_CALLBACK (on_document_changed)))
    return;
  self->scenario = ss_study_get_n_scenarios (study_of (self)) > 0 ? 0 : -1;
  self->shown_n_scenarios = G_MAXUINT;
  refresh (self);
}
