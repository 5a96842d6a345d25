/* ss-policy-target-row.c: one policy target of the study
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A row of the Study page's policy targets (ss-policy-target-row.ui):
 * "From [2027] at most [60] % from one country", each number an SsField
 * (so it is checked and written like any other value of the study, the
 * share in percent as the thresholds above it), the years it is in force,
 * and a button that removes it. A row stands for the target at its index
 * in the study's list, which is in order of year.
 */

#define G_LOG_DOMAIN "supplyshift-policy-target-row"

#include "config.h"

#include <glib/gi18n.h>

#include "ss-accessible.h"
#include "ss-page-util.h"
#include "ss-policy-target-row.h"

struct _SsPolicyTargetRow
{
  GtkListBoxRow  parent_instance;

  /* Template widgets */
  GtkWidget     *year_entry;
  GtkWidget     *share_entry;
  GtkLabel      *hint;
  GtkWidget     *remove_button;

  /* Owned */
  SsField       *fields[SS_POLICY_TARGET_N_ATTRS];

  guint          index;
};

enum
{
  REMOVE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (SsPolicyTargetRow, ss_policy_target_row, GTK_TYPE_LIST_BOX_ROW)

static void
on_remove_clicked (SsPolicyTargetRow *self)
{
  g_signal_emit (self, signals[REMOVE], 0);
}

/* Shows when the target is in force: up to the next target, or to the
 * end of the projection; and names the target on its remove button. */
void
ss_policy_target_row_sync (SsPolicyTargetRow *self)
{
  SsDocument *document;
  const SsMeta *meta;
  GArray *targets;
  const SsPolicyTarget *target;
  g_autofree char *remove = NULL;
  g_autofree char *hint = NULL;
  int last;

  g_return_if_fail (SS_IS_POLICY_TARGET_ROW (self));

  document = ss_field_get_document (self->fields[0]);
  meta = ss_study_get_meta (ss_document_get_study (document));
  targets = meta->policy_targets;
  if (self->index >= targets->len)
    return;
  target = &g_array_index (targets, SsPolicyTarget, self->index);
  last = meta->base_year + meta->horizon;

  /* Translators: "Remove the 2027 policy target" */
  remove = g_strdup_printf (_("Remove the %d policy target"), target->year);
  ss_page_set_accessible_label (self->remove_button, remove);
  ss_page_set_tooltip (self->remove_button, remove);

  if (target->year > last)
    /* Translators: a policy target after the projection's last year */
    hint = g_strdup_printf (_("after the projection, which ends in %d"), last);
  else if (self->index + 1 < targets->len
           && g_array_index (targets, SsPolicyTarget, self->index + 1).year - 1 <= last)
    /* Translators: the years a policy target is in force, "in force 2027–2029" */
    hint = g_strdup_printf (_("in force %d–%d"), target->year,
                            g_array_index (targets, SsPolicyTarget, self->index + 1).year - 1);
  else
    /* Translators: the years a policy target is in force, "in force 2030–2034" */
    hint = g_strdup_printf (_("in force %d–%d"), target->year, last);
  gtk_label_set_label (self->hint, hint);
}

guint
ss_policy_target_row_get_index (SsPolicyTargetRow *self)
{
  g_return_val_if_fail (SS_IS_POLICY_TARGET_ROW (self), 0);
  return self->index;
}

SsField *
ss_policy_target_row_get_field (SsPolicyTargetRow *self,
                                SsPolicyTargetAttr attr)
{
  g_return_val_if_fail (SS_IS_POLICY_TARGET_ROW (self), NULL);
  g_return_val_if_fail (attr < SS_POLICY_TARGET_N_ATTRS, NULL);
  return self->fields[attr];
}

/* --- GObject ----------------------------------------------------------- */

static void
ss_policy_target_row_dispose (GObject *object)
{
  SsPolicyTargetRow *self = SS_POLICY_TARGET_ROW (object);

  for (guint k = 0; k < SS_POLICY_TARGET_N_ATTRS; k++)
    {
      if (self->fields[k] != NULL)
        ss_field_set_widget (self->fields[k], NULL);
      g_clear_object (&self->fields[k]);
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), SS_TYPE_POLICY_TARGET_ROW);

  G_OBJECT_CLASS (ss_policy_target_row_parent_class)->dispose (object);
}

static void
ss_policy_target_row_class_init (SsPolicyTargetRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ss_policy_target_row_dispose;

  /**
   * SsPolicyTargetRow::remove:
   *
   * The user asked to remove the target.
   */
  signals[REMOVE] =
    g_signal_new ("remove", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               SS_UI_RESOURCE ("ss-policy-target-row.ui"));
  gtk_widget_class_bind_template_child (widget_class, SsPolicyTargetRow, year_entry);
  gtk_widget_class_bind_template_child (widget_class, SsPolicyTargetRow, share_entry);
  gtk_widget_class_bind_template_child (widget_class, SsPolicyTargetRow, hint);
  gtk_widget_class_bind_template_child (widget_class, SsPolicyTargetRow, remove_button);
  gtk_widget_class_bind_template_callback (widget_class, on_remove_clicked);
}

static void
ss_policy_target_row_init (SsPolicyTargetRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  ss_accessible_tidy (GTK_WIDGET (self));
}

/**
 * ss_policy_target_row_new:
 * @index: the target's index in the study's list
 *
 * Returns: a row for the policy target at @index
 */
GtkWidget *
ss_policy_target_row_new (SsDocument *document,
                          guint       index)
{
  SsPolicyTargetRow *self = g_object_new (SS_TYPE_POLICY_TARGET_ROW, NULL);
  GtkWidget *entries[SS_POLICY_TARGET_N_ATTRS] = { self->year_entry, self->share_entry };

  self->index = index;
  for (guint k = 0; k < SS_POLICY_TARGET_N_ATTRS; k++)
    {
      self->fields[k] = ss_field_new (SS_ELEMENT_POLICY_TARGET, ss_policy_target_attrs[k].name);
      ss_field_set_entry (self->fields[k], index);
      ss_field_set_document (self->fields[k], document);
      ss_field_set_widget (self->fields[k], entries[k]);
    }
  ss_policy_target_row_sync (self);
  return GTK_WIDGET (self);
}
