/* ss-shock-list.c: a scenario's shocks, a row each
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One SsShockRow per shock of :scenario, in the file's order (a later
 * shock wins over an earlier one for the same source, model.md §1.1).
 * The rows' values follow the document by themselves; the list builds
 * rows when the number of shocks changes (an add, a removal, an undo) or
 * another scenario is shown, and adds and removes shocks through the
 * document. A removal is asked for from the row's own button, so the rows
 * are rebuilt once its handler has returned; the focus then goes to the
 * row that took its place, or to the focus fallback (the Add button).
 */

#define G_LOG_DOMAIN "supplyshift-shock-list"

#include "config.h"

#include <glib/gi18n.h>

#include "ss-page-util.h"
#include "ss-shock-list.h"

struct _SsShockList
{
  GtkWidget      parent_instance;

  /* Template widgets */
  GtkListBox    *list;

  /* Owned */
  SsDocument    *document;
  GPtrArray     *rows;                 /* of SsShockRow, borrowed from the list */
  GtkStringList *country_names;        /* shared by the rows' dropdowns */
  char          *refusal;

  /* Borrowed */
  GtkWidget     *focus_fallback;       /* weak */

  int            scenario;
  guint          rebuild_id;
  int            focus_index;          /* the row the idle rebuild focuses, or -1 */
};

enum
{
  PROP_0,
  PROP_DOCUMENT,
  PROP_SCENARIO,
  PROP_FOCUS_FALLBACK,
  PROP_MESSAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (SsShockList, ss_shock_list, GTK_TYPE_WIDGET)

static const SsScenario *
current_scenario (SsShockList *self)
{
  const SsStudy *study;

  if (self->document == NULL || self->scenario < 0)
    return NULL;
  study = ss_document_get_study (self->document);
  if ((guint)self->scenario >= ss_study_get_n_scenarios (study))
    return NULL;
  return ss_study_get_scenario (study, self->scenario);
}

static void
set_refusal (SsShockList *self,
             const char  *refusal)
{
  if (g_strcmp0 (self->refusal, refusal) == 0)
    return;
  g_free (self->refusal);
  self->refusal = g_strdup (refusal);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MESSAGE]);
}

static void
on_row_message (SsShockList *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MESSAGE]);
}

static void queue_rebuild (SsShockList *self,
                           int          focus_index);

static void
on_row_remove (SsShockList *self,
               SsShockRow  *row)
{
  guint index = ss_shock_row_get_index (row);

  if (current_scenario (self) == NULL || ss_document_in_edit (self->document))
    return;
  ss_document_remove_shock (self->document, self->scenario, index);
  queue_rebuild (self, index);
}

static void
clear_rows (SsShockList *self)
{
  while (self->rows->len > 0)
    gtk_list_box_remove (self->list, g_ptr_array_steal_index (self->rows, self->rows->len - 1));
}

/* One row per shock; rows that stay keep what is typed in them. */
static void
rebuild (SsShockList *self,
         int          focus_index)
{
  const SsScenario *scenario = current_scenario (self);
  guint n = scenario != NULL ? scenario->shocks->len : 0;

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  while (self->rows->len > n)
    gtk_list_box_remove (self->list, g_ptr_array_steal_index (self->rows, self->rows->len - 1));
  while (self->rows->len < n)
    {
      GtkWidget *row = ss_shock_row_new (self->document, self->scenario, self->rows->len,
                                         G_LIST_MODEL (self->country_names));

      g_signal_connect_object (row, "remove", G_CALLBACK (on_row_remove), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (row, "notify::message", G_CALLBACK (on_row_message), self,
                               G_CONNECT_SWAPPED);
      gtk_list_box_append (self->list, row);
      g_ptr_array_add (self->rows, row);
    }
  for (guint k = 0; k < self->rows->len; k++)
    ss_shock_row_sync (g_ptr_array_index (self->rows, k));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MESSAGE]);

  if (focus_index < 0)
    return;
  if ((guint)focus_index < self->rows->len)
    gtk_widget_grab_focus (ss_shock_row_get_country_dropdown (g_ptr_array_index (self->rows,
                                                                                 focus_index)));
  else if (self->focus_fallback != NULL)
    gtk_widget_grab_focus (self->focus_fallback);
}

static gboolean
rebuild_in_idle (gpointer data)
{
  SsShockList *self = data;
  int focus = self->focus_index;

  self->rebuild_id = 0;
  self->focus_index = -1;
  rebuild (self, focus);
  return G_SOURCE_REMOVE;
}

static void
queue_rebuild (SsShockList *self,
               int          focus_index)
{
  self->focus_index = focus_index;
  if (self->rebuild_id == 0)
    self->rebuild_id = g_idle_add (rebuild_in_idle, self);
}

/* The rows' dropdowns share the study's country names. */
static void
sync_country_names (SsShockList *self)
{
  const SsStudy *study = ss_document_get_study (self->document);
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
    gtk_string_list_splice (self->country_names, 0, shown, (const char * const *)names->pdata);
}

/**
 * ss_shock_list_refresh:
 * @force: build every row again, dropping what is typed (another
 *   scenario under the same index)
 *
 * Shows the scenario's shocks again after the document changed.
 */
void
ss_shock_list_refresh (SsShockList *self,
                       gboolean     force)
{
  const SsScenario *scenario;

  g_return_if_fail (SS_IS_SHOCK_LIST (self));

  if ((scenario = current_scenario (self)) == NULL)
    {
      clear_rows (self);
      return;
    }
  set_refusal (self, NULL);
  sync_country_names (self);
  if (force)
    {
      clear_rows (self);
      rebuild (self, -1);
    }
  else if (scenario->shocks->len != self->rows->len)
    queue_rebuild (self, self->rebuild_id != 0 ? self->focus_index : -1);
  else
    for (guint k = 0; k < self->rows->len; k++)
      ss_shock_row_sync (g_ptr_array_index (self->rows, k));
}

/**
 * ss_shock_list_add:
 *
 * Adds a shock on the first foreign country, for every item, that sets
 * its disruption probability to the country's own (so it changes nothing
 * until one of its values is edited); the focus goes to its country.
 *
 * Returns: the new shock's index, or -1 with @error set
 */
int
ss_shock_list_add (SsShockList  *self,
                   GError      **error)
{
  const SsStudy *study;
  guint country;
  int index;

  g_return_val_if_fail (SS_IS_SHOCK_LIST (self), -1);

  if (current_scenario (self) == NULL)
    {
      g_set_error_literal (error, SS_DOCUMENT_ERROR, SS_DOCUMENT_ERROR_INVALID,
                           _("No scenario is selected"));
      return -1;
    }
  study = ss_document_get_study (self->document);
  country = ss_study_get_meta (study)->home == 0 && ss_study_get_n_countries (study) > 1 ? 1 : 0;
  index = ss_document_add_shock (self->document, self->scenario, country, SS_DISRUPTION_PROBABILITY,
                                 ss_study_get_country (study, country)->attr[SS_COUNTRY_DISRUPTION_PROBABILITY],
                                 error);
  if (index < 0)
    return -1;
  sync_country_names (self);
  rebuild (self, index);
  return index;
}

const char *
ss_shock_list_get_message (SsShockList *self)
{
  g_return_val_if_fail (SS_IS_SHOCK_LIST (self), NULL);

  if (self->refusal != NULL)
    return self->refusal;
  for (guint k = 0; k < self->rows->len; k++)
    {
      const char *message = ss_shock_row_get_message (g_ptr_array_index (self->rows, k));

      if (message != NULL)
        return message;
    }
  return NULL;
}

SsShockRow *
ss_shock_list_get_row (SsShockList *self,
                       guint        shock)
{
  g_return_val_if_fail (SS_IS_SHOCK_LIST (self), NULL);
  return shock < self->rows->len ? g_ptr_array_index (self->rows, shock) : NULL;
}

/* --- GObject ----------------------------------------------------------- */

static void
ss_shock_list_dispose (GObject *object)
{
  SsShockList *self = SS_SHOCK_LIST (object);

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  g_clear_weak_pointer (&self->focus_fallback);
  gtk_widget_dispose_template (GTK_WIDGET (self), SS_TYPE_SHOCK_LIST);
  g_clear_object (&self->document);
  g_clear_object (&self->country_names);

  G_OBJECT_CLASS (ss_shock_list_parent_class)->dispose (object);
}

static void
ss_shock_list_finalize (GObject *object)
{
  SsShockList *self = SS_SHOCK_LIST (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->refusal, g_free);

  G_OBJECT_CLASS (ss_shock_list_parent_class)->finalize (object);
}

static void
ss_shock_list_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  SsShockList *self = SS_SHOCK_LIST (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_SCENARIO:
      g_value_set_int (value, self->scenario);
      break;
    case PROP_FOCUS_FALLBACK:
      g_value_set_object (value, self->focus_fallback);
      break;
    case PROP_MESSAGE:
      g_value_set_string (value, ss_shock_list_get_message (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* The rows are of one document's scenario: another one builds them
 * again, through ss_shock_list_refresh(). */
static void
ss_shock_list_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  SsShockList *self = SS_SHOCK_LIST (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      if (self->document != g_value_get_object (value))
        clear_rows (self);
      g_set_object (&self->document, g_value_get_object (value));
      break;
    case PROP_SCENARIO:
      self->scenario = g_value_get_int (value);
      break;
    case PROP_FOCUS_FALLBACK:
      g_set_weak_pointer (&self->focus_fallback, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ss_shock_list_class_init (SsShockListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ss_shock_list_dispose;
  object_class->finalize = ss_shock_list_finalize;
  object_class->get_property = ss_shock_list_get_property;
  object_class->set_property = ss_shock_list_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, SS_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SCENARIO] =
    g_param_spec_int ("scenario", NULL, NULL, -1, SS_MAX_SCENARIOS - 1, -1,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  /**
   * SsShockList:focus-fallback:
   *
   * What gets the focus when the last row goes.
   */
  properties[PROP_FOCUS_FALLBACK] =
    g_param_spec_object ("focus-fallback", NULL, NULL, GTK_TYPE_WIDGET,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_MESSAGE] =
    g_param_spec_string ("message", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, SS_UI_RESOURCE ("ss-shock-list.ui"));
  gtk_widget_class_bind_template_child (widget_class, SsShockList, list);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
ss_shock_list_init (SsShockList *self)
{
  self->scenario = -1;
  self->focus_index = -1;
  self->rows = g_ptr_array_new ();
  self->country_names = gtk_string_list_new (NULL);
  gtk_widget_init_template (GTK_WIDGET (self));
}
