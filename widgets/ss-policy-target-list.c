/* ss-policy-target-list.c: the study's policy targets, a row each
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One SsPolicyTargetRow per target of the study, in order of year. The
 * rows' fields follow the document by themselves; the list builds rows
 * when the number of targets changes (an add, a removal, an undo) and
 * adds and removes targets through the document. A removal is asked for
 * from the row's own button, so the rows are rebuilt once its handler has
 * returned; the focus then goes to the row that took the removed one's
 * place, or to the focus fallback (the page's Add button).
 */

#define G_LOG_DOMAIN "supplyshift-policy-target-list"

#include "config.h"

#include <glib/gi18n.h>

#include "ss-page-util.h"
#include "ss-policy-target-list.h"
#include "ss-policy-target-row.h"

struct _SsPolicyTargetList
{
  GtkWidget   parent_instance;

  /* Template widgets */
  GtkListBox *list;

  /* Owned */
  SsDocument *document;
  GPtrArray  *rows;                    /* of SsPolicyTargetRow, borrowed from the list */

  /* Borrowed */
  GtkWidget  *focus_fallback;          /* weak */

  guint       rebuild_id;
  int         focus_index;             /* the row the idle rebuild focuses, or -1 */
};

enum
{
  PROP_0,
  PROP_DOCUMENT,
  PROP_FOCUS_FALLBACK,
  PROP_MESSAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (SsPolicyTargetList, ss_policy_target_list, GTK_TYPE_WIDGET)

static GArray *
targets_of (SsPolicyTargetList *self)
{
  return ss_study_get_meta (ss_document_get_study (self->document))->policy_targets;
}

static void
on_row_message (SsPolicyTargetList *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MESSAGE]);
}

static void queue_rebuild (SsPolicyTargetList *self,
                           int                 focus_index);

static void
on_row_remove (SsPolicyTargetList *self,
               SsPolicyTargetRow  *row)
{
  guint index = ss_policy_target_row_get_index (row);

  if (self->document == NULL || ss_document_in_edit (self->document))
    return;
  ss_document_remove_policy_target (self->document, index);
  queue_rebuild (self, index);
}

/* One row per target; rows that stay keep what is typed in them. */
static void
rebuild (SsPolicyTargetList *self,
         int                 focus_index)
{
  guint n = self->document != NULL ? targets_of (self)->len : 0;

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  while (self->rows->len > n)
    gtk_list_box_remove (self->list, g_ptr_array_steal_index (self->rows, self->rows->len - 1));
  while (self->rows->len < n)
    {
      GtkWidget *row = ss_policy_target_row_new (self->document, self->rows->len);

      g_signal_connect_object (row, "remove", G_CALLBACK (on_row_remove), self, G_CONNECT_SWAPPED);
      for (guint k = 0; k < SS_POLICY_TARGET_N_ATTRS; k++)
        g_signal_connect_object (ss_policy_target_row_get_field (SS_POLICY_TARGET_ROW (row), k),
                                 "notify::message", G_CALLBACK (on_row_message), self,
                                 G_CONNECT_SWAPPED);
      gtk_list_box_append (self->list, row);
      g_ptr_array_add (self->rows, row);
    }
  for (guint k = 0; k < self->rows->len; k++)
    ss_policy_target_row_sync (g_ptr_array_index (self->rows, k));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MESSAGE]);

  if (focus_index < 0)
    return;
  if ((guint)focus_index < self->rows->len)
    gtk_widget_grab_focus (ss_policy_target_list_get_entry (self, focus_index, SS_POLICY_TARGET_YEAR));
  else if (self->focus_fallback != NULL)
    gtk_widget_grab_focus (self->focus_fallback);
}

static gboolean
rebuild_in_idle (gpointer data)
{
  SsPolicyTargetList *self = data;
  int focus = self->focus_index;

  self->rebuild_id = 0;
  self->focus_index = -1;
  rebuild (self, focus);
  return G_SOURCE_REMOVE;
}

static void
queue_rebuild (SsPolicyTargetList *self,
               int                 focus_index)
{
  self->focus_index = focus_index;
  if (self->rebuild_id == 0)
    self->rebuild_id = g_idle_add (rebuild_in_idle, self);
}

/* Policy targets change as baseline data: every change may add or
 * remove one (an undo), or move the years they are in force. A removal
 * comes from a row's own button, which must not be destroyed under its
 * handler: rows are built again once it has returned. */
static void
on_document_changed (SsPolicyTargetList *self)
{
  if (self->rows->len != targets_of (self)->len)
    queue_rebuild (self, self->rebuild_id != 0 ? self->focus_index : -1);
  else
    for (guint k = 0; k < self->rows->len; k++)
      ss_policy_target_row_sync (g_ptr_array_index (self->rows, k));
}

static void
set_document (SsPolicyTargetList *self,
              SsDocument         *document)
{
  if (self->document == document)
    return;
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  /* Rows are of one document. */
  while (self->rows->len > 0)
    gtk_list_box_remove (self->list, g_ptr_array_steal_index (self->rows, self->rows->len - 1));
  g_set_object (&self->document, document);
  if (document != NULL)
    g_signal_connect_object (document, "changed", G_CALLBACK (on_document_changed), self,
                             G_CONNECT_SWAPPED);
  rebuild (self, -1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

/* --- Public API -------------------------------------------------------- */

/**
 * ss_policy_target_list_add:
 *
 * Adds a target three years after the last one, at its share (a target
 * may stay, not rise), or for a study without targets three years after
 * the base year at 60 %, the Korean plan's first step; the focus goes to
 * its year.
 *
 * Returns: the new target's index, or -1 with @error set
 */
int
ss_policy_target_list_add (SsPolicyTargetList  *self,
                           GError             **error)
{
  const SsMeta *meta;
  GArray *targets;
  int year, index;
  double share;

  g_return_val_if_fail (SS_IS_POLICY_TARGET_LIST (self), -1);
  g_return_val_if_fail (self->document != NULL, -1);

  meta = ss_study_get_meta (ss_document_get_study (self->document));
  targets = meta->policy_targets;
  if (targets->len == 0)
    {
      year = meta->base_year + 3;
      share = 0.6;
    }
  else
    {
      const SsPolicyTarget *last = &g_array_index (targets, SsPolicyTarget, targets->len - 1);

      year = MAX (last->year, meta->base_year) + 3;
      share = last->share;
    }
  index = ss_document_add_policy_target (self->document, year, share, error);
  if (index < 0)
    return -1;
  rebuild (self, index);
  return index;
}

/* The first refused value of a row. */
const char *
ss_policy_target_list_get_message (SsPolicyTargetList *self)
{
  g_return_val_if_fail (SS_IS_POLICY_TARGET_LIST (self), NULL);

  for (guint k = 0; k < self->rows->len; k++)
    for (guint a = 0; a < SS_POLICY_TARGET_N_ATTRS; a++)
      {
        SsField *field = ss_policy_target_row_get_field (g_ptr_array_index (self->rows, k), a);

        if (ss_field_get_message (field) != NULL)
          return ss_field_get_message (field);
      }
  return NULL;
}

GtkWidget *
ss_policy_target_list_get_entry (SsPolicyTargetList *self,
                                 guint               index,
                                 SsPolicyTargetAttr  attr)
{
  g_return_val_if_fail (SS_IS_POLICY_TARGET_LIST (self), NULL);

  if (index >= self->rows->len)
    return NULL;
  return ss_field_get_widget (ss_policy_target_row_get_field (g_ptr_array_index (self->rows, index),
                                                              attr));
}

/* --- GObject ----------------------------------------------------------- */

static void
ss_policy_target_list_dispose (GObject *object)
{
  SsPolicyTargetList *self = SS_POLICY_TARGET_LIST (object);

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  g_clear_weak_pointer (&self->focus_fallback);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), SS_TYPE_POLICY_TARGET_LIST);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (ss_policy_target_list_parent_class)->dispose (object);
}

static void
ss_policy_target_list_finalize (GObject *object)
{
  SsPolicyTargetList *self = SS_POLICY_TARGET_LIST (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (ss_policy_target_list_parent_class)->finalize (object);
}

static void
ss_policy_target_list_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  SsPolicyTargetList *self = SS_POLICY_TARGET_LIST (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_FOCUS_FALLBACK:
      g_value_set_object (value, self->focus_fallback);
      break;
    case PROP_MESSAGE:
      g_value_set_string (value, ss_policy_target_list_get_message (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ss_policy_target_list_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  SsPolicyTargetList *self = SS_POLICY_TARGET_LIST (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      set_document (self, g_value_get_object (value));
      break;
    case PROP_FOCUS_FALLBACK:
      g_set_weak_pointer (&self->focus_fallback, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ss_policy_target_list_class_init (SsPolicyTargetListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ss_policy_target_list_dispose;
  object_class->finalize = ss_policy_target_list_finalize;
  object_class->get_property = ss_policy_target_list_get_property;
  object_class->set_property = ss_policy_target_list_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, SS_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * SsPolicyTargetList:focus-fallback:
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

  gtk_widget_class_set_template_from_resource (widget_class,
                                               SS_UI_RESOURCE ("ss-policy-target-list.ui"));
  gtk_widget_class_bind_template_child (widget_class, SsPolicyTargetList, list);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
ss_policy_target_list_init (SsPolicyTargetList *self)
{
  self->rows = g_ptr_array_new ();
  self->focus_index = -1;
  gtk_widget_init_template (GTK_WIDGET (self));
}
