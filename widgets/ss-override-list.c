/* ss-override-list.c: a scenario's country overrides, a row each
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The study keeps one override record per country with a bit per
 * attribute; the list shows one row (SsOverrideRow) per overridden
 * (country, attribute) pair of its :scenario, sorted like the Countries
 * table, so each row says one thing: "in this scenario, China's
 * disruption probability is 0.3". It moves and removes overrides
 * through the document as its rows ask, and keeps the rows that still
 * match when the overrides change, with what is typed in them and the
 * focus where it was.
 */

#define G_LOG_DOMAIN "supplyshift-override-list"

#include "config.h"

#include <glib/gi18n.h>

#include "ss-field.h"
#include "ss-override-list.h"
#include "ss-override-row.h"
#include "ss-page-util.h"

struct _SsOverrideList
{
  GtkWidget          parent_instance;

  /* Template widgets */
  GtkListBox        *list;

  /* Owned */
  SsDocument        *document;
  GPtrArray         *rows;             /* of SsOverrideRow, borrowed from the list */
  GtkStringList     *country_names;    /* shared by the rows' dropdowns */
  GtkStringList     *attr_names;
  char              *refusal;          /* why the last move was refused */

  /* Borrowed */
  GtkWidget         *focus_fallback;   /* weak */

  int                scenario;
  guint              rebuild_id;       /* idle rebuild of the rows */
  guint              focus_country;    /* where the idle rebuild puts the focus */
  guint              focus_attr;
  SsOverrideRowPart  focus_part;
  gboolean           syncing;          /* changing the country names, not choosing */
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

G_DEFINE_FINAL_TYPE (SsOverrideList, ss_override_list, GTK_TYPE_WIDGET)

static const SsStudy *
study_of (SsOverrideList *self)
{
  return ss_document_get_study (self->document);
}

static const SsScenario *
current_scenario (SsOverrideList *self)
{
  if (self->document == NULL || self->scenario < 0
      || (guint)self->scenario >= ss_study_get_n_scenarios (study_of (self)))
    return NULL;
  return ss_study_get_scenario (study_of (self), self->scenario);
}

static void
set_refusal (SsOverrideList *self,
             const char     *refusal)
{
  if (g_strcmp0 (self->refusal, refusal) == 0)
    return;
  g_free (self->refusal);
  self->refusal = g_strdup (refusal);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MESSAGE]);
}

static void
on_row_message (SsOverrideList *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MESSAGE]);
}

static gboolean
is_overridden (const SsScenario *scenario,
               guint             country,
               guint             attr)
{
  const SsCountryOverride *ov = ss_scenario_find_override (scenario, country);

  return ov != NULL && (ov->set & (1u << attr));
}

/* The overridden pairs, sorted by country then attribute. */
static GArray *
override_pairs (SsOverrideList *self)
{
  const SsScenario *scenario = current_scenario (self);
  GArray *pairs = g_array_new (FALSE, FALSE, sizeof (guint) * 2);
  guint nc = scenario != NULL ? ss_study_get_n_countries (study_of (self)) : 0;

  for (guint c = 0; c < nc; c++)
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

/* --- Rows -------------------------------------------------------------- */

static void queue_rebuild (SsOverrideList *self);

/* Moves an override to another country or attribute, keeping its value
 * where it is still in range (else the new attribute's own value), as one
 * undo step. */
static void
on_row_move (SsOverrideList *self,
             guint           country,
             guint           attr,
             SsOverrideRow  *row)
{
  const SsScenario *scenario = current_scenario (self);
  guint old_country = ss_override_row_get_country (row);
  guint old_attr = ss_override_row_get_attr (row);
  const SsCountryOverride *record;
  double value;

  if (self->syncing || scenario == NULL || ss_document_in_edit (self->document))
    return;
  if (is_overridden (scenario, country, attr))
    {
      g_autoptr(SsField) field = ss_field_new (SS_ELEMENT_OVERRIDE, ss_country_attrs[attr].name);
      g_autofree char *what = NULL;
      g_autofree char *message = NULL;

      ss_field_set_document (field, self->document);
      ss_field_set_scenario (field, self->scenario);
      ss_field_set_country (field, country);
      what = ss_field_dup_label (field);
      message = g_strdup_printf (_("%s is already overridden in this scenario"), what);
      ss_override_row_sync (row);
      set_refusal (self, message);
      return;
    }

  record = ss_scenario_find_override (scenario, old_country);
  value = record != NULL ? record->attr[old_attr] : 0;
  if (attr != old_attr || !ss_attr_in_range (&ss_country_attrs[attr], value))
    value = ss_study_get_country (study_of (self), country)->attr[attr];

  self->focus_country = country;
  self->focus_attr = attr;
  self->focus_part = ss_override_row_find_focus (row, ss_page_get_focus (GTK_WIDGET (self)));
  if (self->focus_part == SS_OVERRIDE_ROW_NONE)
    self->focus_part = SS_OVERRIDE_ROW_COUNTRY;
  ss_document_begin_edit (self->document);
  ss_document_clear_override (self->document, self->scenario, old_country, old_attr);
  ss_document_set_override (self->document, self->scenario, country, attr, value, NULL);
  ss_document_end_edit (self->document);
  queue_rebuild (self);
}

static void
on_row_remove (SsOverrideList *self,
               SsOverrideRow  *row)
{
  if (current_scenario (self) == NULL || ss_document_in_edit (self->document))
    return;
  ss_document_clear_override (self->document, self->scenario, ss_override_row_get_country (row),
                              ss_override_row_get_attr (row));
}

static SsOverrideRow *
make_row (SsOverrideList *self,
          guint           country,
          guint           attr)
{
  GtkWidget *row = ss_override_row_new (self->document, self->scenario, country, attr,
                                        G_LIST_MODEL (self->country_names),
                                        G_LIST_MODEL (self->attr_names));

  g_signal_connect_object (row, "move", G_CALLBACK (on_row_move), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (row, "remove", G_CALLBACK (on_row_remove), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (ss_override_row_get_field (SS_OVERRIDE_ROW (row)), "notify::message",
                           G_CALLBACK (on_row_message), self, G_CONNECT_SWAPPED);
  return SS_OVERRIDE_ROW (row);
}

/* Makes the rows match the scenario's overrides. Unless `everything`,
 * rows that still match stay (with what is typed in them) and only the
 * rows between the first and the last difference are replaced, so adding
 * or removing one override builds at most one row. */
static void
rebuild (SsOverrideList    *self,
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
      while (head < n_old && head < n_new
             && row_is (g_ptr_array_index (self->rows, head), pairs, head))
        head++;
      while (tail < n_old - head && tail < n_new - head
             && row_is (g_ptr_array_index (self->rows, n_old - 1 - tail), pairs, n_new - 1 - tail))
        tail++;
    }

  for (guint k = n_old - tail; k-- > head;)
    gtk_list_box_remove (self->list, g_ptr_array_steal_index (self->rows, k));
  for (guint k = head; k < n_new - tail; k++)
    {
      guint *pair = &g_array_index (pairs, guint, 2 * k);
      SsOverrideRow *row = make_row (self, pair[0], pair[1]);

      gtk_list_box_insert (self->list, GTK_WIDGET (row), k);
      g_ptr_array_insert (self->rows, k, row);
    }
  for (guint k = 0; k < self->rows->len; k++)
    if (k < head || k >= n_new - tail)
      ss_override_row_sync (g_ptr_array_index (self->rows, k));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MESSAGE]);

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
  /* The row went (its override was removed): the fallback, such as the
   * button that adds one. */
  if (self->focus_fallback != NULL)
    gtk_widget_grab_focus (self->focus_fallback);
}

/* Which part of which row holds the focus, to give it back. */
static SsOverrideRowPart
find_focus (SsOverrideList *self,
            guint          *country,
            guint          *attr)
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
  SsOverrideList *self = data;
  guint country = self->focus_country, attr = self->focus_attr;
  SsOverrideRowPart part = self->focus_part;

  self->rebuild_id = 0;
  if (part == SS_OVERRIDE_ROW_NONE)
    part = find_focus (self, &country, &attr);
  self->focus_part = SS_OVERRIDE_ROW_NONE;
  rebuild (self, FALSE, country, attr, part);
  return G_SOURCE_REMOVE;
}

/* Rows change from their own signal handlers (a dropdown's selection, a
 * remove button), which must not destroy the widget that emits: the rows
 * are rebuilt once the handler has returned. */
static void
queue_rebuild (SsOverrideList *self)
{
  if (self->rebuild_id == 0)
    self->rebuild_id = g_idle_add (rebuild_in_idle, self);
}

/* The rows' dropdowns share the list of countries; when it changes, the
 * rows' indices may have moved, so they are matched again. */
static gboolean
sync_country_names (SsOverrideList *self)
{
  const SsStudy *study = study_of (self);
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

/**
 * ss_override_list_refresh:
 * @force: build every row again, dropping what is typed (another
 *   scenario under the same index)
 *
 * Shows the scenario's overrides again after the document changed.
 */
void
ss_override_list_refresh (SsOverrideList *self,
                          gboolean        force)
{
  g_autoptr(GArray) pairs = NULL;
  gboolean same;

  g_return_if_fail (SS_IS_OVERRIDE_LIST (self));

  if (current_scenario (self) == NULL)
    return;
  set_refusal (self, NULL);
  if (sync_country_names (self) && !force)
    {
      rebuild (self, FALSE, 0, 0, SS_OVERRIDE_ROW_NONE);
      for (guint k = 0; k < self->rows->len; k++)
        ss_field_reset (ss_override_row_get_field (g_ptr_array_index (self->rows, k)));
    }

  pairs = override_pairs (self);
  same = pairs->len == self->rows->len;
  for (guint k = 0; k < pairs->len && same; k++)
    same = row_is (g_ptr_array_index (self->rows, k), pairs, k);

  if (force)
    {
      guint country = 0, attr = 0;
      SsOverrideRowPart part = find_focus (self, &country, &attr);

      rebuild (self, TRUE, country, attr, part);
    }
  else if (same)
    {
      for (guint k = 0; k < self->rows->len; k++)
        ss_override_row_sync (g_ptr_array_index (self->rows, k));
    }
  else
    queue_rebuild (self);
}

/* --- Public API -------------------------------------------------------- */

/* Whether every attribute of every country is overridden already. */
gboolean
ss_override_list_get_full (SsOverrideList *self)
{
  g_autoptr(GArray) pairs = NULL;

  g_return_val_if_fail (SS_IS_OVERRIDE_LIST (self), TRUE);

  if (current_scenario (self) == NULL)
    return TRUE;
  pairs = override_pairs (self);
  return pairs->len >= ss_study_get_n_countries (study_of (self)) * SS_COUNTRY_N_ATTRS;
}

/**
 * ss_override_list_add:
 * @country: (out) (optional): the country of the new override
 * @attr: (out) (optional): its attribute
 *
 * Overrides the first attribute not overridden yet, at the country's own
 * value, starting with those scenarios change most: a disruption's
 * probability, severity and length. The focus goes to its country.
 */
gboolean
ss_override_list_add (SsOverrideList  *self,
                      guint           *country,
                      guint           *attr,
                      GError         **error)
{
  const SsScenario *scenario;
  guint nc;

  g_return_val_if_fail (SS_IS_OVERRIDE_LIST (self), FALSE);

  if ((scenario = current_scenario (self)) == NULL)
    {
      g_set_error_literal (error, SS_DOCUMENT_ERROR, SS_DOCUMENT_ERROR_INVALID,
                           _("No scenario is selected"));
      return FALSE;
    }
  nc = ss_study_get_n_countries (study_of (self));
  for (guint c = 0; c < nc; c++)
    for (guint k = 0; k < SS_COUNTRY_N_ATTRS; k++)
      {
        guint a = (k + SS_COUNTRY_DISRUPTION_PROBABILITY) % SS_COUNTRY_N_ATTRS;

        if (is_overridden (scenario, c, a))
          continue;
        if (!ss_document_set_override (self->document, self->scenario, c, a,
                                       ss_study_get_country (study_of (self), c)->attr[a], error))
          return FALSE;
        if (country != NULL)
          *country = c;
        if (attr != NULL)
          *attr = a;
        rebuild (self, FALSE, c, a, SS_OVERRIDE_ROW_COUNTRY);
        return TRUE;
      }

  g_set_error_literal (error, SS_DOCUMENT_ERROR, SS_DOCUMENT_ERROR_FULL,
                       _("Every attribute of every country is already overridden"));
  return FALSE;
}

/* Why the last move was refused, or the first refused value of a row. */
const char *
ss_override_list_get_message (SsOverrideList *self)
{
  g_return_val_if_fail (SS_IS_OVERRIDE_LIST (self), NULL);

  if (self->refusal != NULL)
    return self->refusal;
  for (guint k = 0; k < self->rows->len; k++)
    {
      const char *message = ss_field_get_message (
        ss_override_row_get_field (g_ptr_array_index (self->rows, k)));

      if (message != NULL)
        return message;
    }
  return NULL;
}

GtkWidget *
ss_override_list_get_entry (SsOverrideList *self,
                            guint           country,
                            guint           attr)
{
  g_return_val_if_fail (SS_IS_OVERRIDE_LIST (self), NULL);

  for (guint k = 0; k < self->rows->len; k++)
    {
      SsOverrideRow *row = g_ptr_array_index (self->rows, k);

      if (ss_override_row_get_country (row) == country && ss_override_row_get_attr (row) == attr)
        return ss_field_get_widget (ss_override_row_get_field (row));
    }
  return NULL;
}

/* --- GObject ----------------------------------------------------------- */

static void
ss_override_list_dispose (GObject *object)
{
  SsOverrideList *self = SS_OVERRIDE_LIST (object);

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  g_clear_weak_pointer (&self->focus_fallback);
  gtk_widget_dispose_template (GTK_WIDGET (self), SS_TYPE_OVERRIDE_LIST);
  g_clear_object (&self->document);
  g_clear_object (&self->country_names);
  g_clear_object (&self->attr_names);

  G_OBJECT_CLASS (ss_override_list_parent_class)->dispose (object);
}

static void
ss_override_list_finalize (GObject *object)
{
  SsOverrideList *self = SS_OVERRIDE_LIST (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->refusal, g_free);

  G_OBJECT_CLASS (ss_override_list_parent_class)->finalize (object);
}

static void
ss_override_list_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  SsOverrideList *self = SS_OVERRIDE_LIST (object);

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
      g_value_set_string (value, ss_override_list_get_message (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* The rows are of one document's scenario: another one builds them
 * again, through ss_override_list_refresh(). */
static void
ss_override_list_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  SsOverrideList *self = SS_OVERRIDE_LIST (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
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
ss_override_list_class_init (SsOverrideListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ss_override_list_dispose;
  object_class->finalize = ss_override_list_finalize;
  object_class->get_property = ss_override_list_get_property;
  object_class->set_property = ss_override_list_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, SS_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SCENARIO] =
    g_param_spec_int ("scenario", NULL, NULL, -1, SS_MAX_SCENARIOS - 1, -1,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  /**
   * SsOverrideList:focus-fallback:
   *
   * What gets the focus when the row that had it goes.
   */
  properties[PROP_FOCUS_FALLBACK] =
    g_param_spec_object ("focus-fallback", NULL, NULL, GTK_TYPE_WIDGET,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_MESSAGE] =
    g_param_spec_string ("message", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               SS_UI_RESOURCE ("ss-override-list.ui"));
  gtk_widget_class_bind_template_child (widget_class, SsOverrideList, list);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
ss_override_list_init (SsOverrideList *self)
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
}
