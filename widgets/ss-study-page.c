/* ss-study-page.c: the Study page — the study's title, horizon, currency and thresholds
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every field of the file's <meta> as a preferences page, built from
 * ss-study-page.ui: the title and home country, a description, the
 * projection's base year, horizon, currency and discount rate, the alert
 * thresholds and the source notes. Each value is an SsField, which checks
 * it as it is typed and writes it through the document (see ss-field.c);
 * the page adds what involves more than one: the home country, the
 * sentence under "Projection", the thresholds, and the policy targets
 * (an SsPolicyTargetList, a row per target).
 *
 * The thresholds must keep watch ≤ warning ≤ critical, so raising all
 * three takes more than one field. They are written together: committing
 * one writes every typed threshold at once, as soon as all of them pass,
 * and until then the study keeps its old thresholds.
 */

#define G_LOG_DOMAIN "supplyshift-study-page"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "ss-attr-row.h"
#include "ss-field.h"
#include "ss-page-util.h"
#include "ss-policy-target-list.h"
#include "ss-study-page.h"

struct _SsStudyPage
{
  SsDataPage           parent_instance;

  /* Template widgets */
  GtkWidget           *scroller;
  AdwPreferencesGroup *projection_group;
  GtkDropDown         *home_dropdown;
  GtkStringList       *country_names;
  GtkTextView         *description_view;
  GtkTextView         *source_view;
  GtkLabel            *study_status;
  GtkLabel            *projection_status;
  GtkLabel            *thresholds_status;
  GtkLabel            *policy_status;
  SsPolicyTargetList  *policy_targets;
  SsField             *title_field;
  SsField             *description_field;
  SsField             *source_field;
  SsField             *base_year_field;
  SsField             *horizon_field;
  SsField             *currency_field;
  SsField             *discount_rate_field;
  SsField             *watch_field;
  SsField             *warning_field;
  SsField             *critical_field;

  /* Owned */
  guint                resize_id[2];   /* see on_notes_height_changed() */

  gboolean             syncing;        /* setting the home country, not choosing it */
};

G_DEFINE_FINAL_TYPE (SsStudyPage, ss_study_page, SS_TYPE_DATA_PAGE)

static SsDocument *
document_of (SsStudyPage *self)
{
  return ss_data_page_get_document (SS_DATA_PAGE (self));
}

static const SsMeta *
meta_of (SsStudyPage *self)
{
  return ss_study_get_meta (ss_document_get_study (document_of (self)));
}

static SsField **
thresholds_of (SsStudyPage *self,
               SsField     *fields[3])
{
  fields[0] = self->watch_field;
  fields[1] = self->warning_field;
  fields[2] = self->critical_field;
  return fields;
}

/* --- Status ------------------------------------------------------------ */

/* Each group shows the first refusal among its fields under its rows. */
static void
update_status (SsStudyPage *self)
{
  SsField *study[] = { self->title_field };
  SsField *projection[] = { self->base_year_field, self->horizon_field, self->currency_field,
                            self->discount_rate_field };
  SsField *thresholds[3];

  ss_page_show_first_message (self->study_status, study, G_N_ELEMENTS (study));
  ss_page_show_first_message (self->projection_status, projection, G_N_ELEMENTS (projection));
  ss_page_show_first_message (self->thresholds_status, thresholds_of (self, thresholds), 3);
}

/* --- Policy targets ---------------------------------------------------- */

/* A refusal of a target's row, or of adding one, under the targets. */
static void
update_policy_status (SsStudyPage *self)
{
  ss_page_show_status (self->policy_status, ss_policy_target_list_get_message (self->policy_targets));
}

static void
on_add_policy_target (SsStudyPage *self)
{
  g_autoptr(GError) error = NULL;

  if (document_of (self) == NULL)
    return;
  if (ss_policy_target_list_add (self->policy_targets, &error) < 0)
    ss_page_show_status (self->policy_status, error->message);
  else
    update_policy_status (self);
}

/* --- The thresholds ---------------------------------------------------- */

/* The thresholds as the middle of a sentence: "above warning at 65 %". */
static const char *threshold_names[3] = { N_("watch"), N_("warning"), N_("critical") };

/* A threshold as it would be written: what is typed, if it is a
 * percentage in range, else what the study says. */
static double
pending_threshold (SsStudyPage *self,
                   SsField     *field,
                   guint        k)
{
  double value;

  if (ss_field_get_dirty (field) && ss_field_get_typed_value (field, &value))
    return value;
  return meta_of (self)->threshold[k];
}

static char *
check_order (SsStudyPage *self,
             SsField     *fields[3],
             guint        k)
{
  char mine[SS_NUMBER_BUF], other[SS_NUMBER_BUF];
  double v[3];

  for (guint j = 0; j < 3; j++)
    v[j] = pending_threshold (self, fields[j], j);

  ss_format_percent (mine, sizeof mine, v[k]);
  if (k < 2 && v[k] > v[k + 1])
    {
      ss_format_percent (other, sizeof other, v[k + 1]);
      /* Translators: "Watch at 70 % is above warning at 65 %: …" */
      return g_strdup_printf (_("%s at %s\u00a0%% is above %s at %s\u00a0%%: the thresholds must "
                                "keep 0\u00a0%% < watch ≤ warning ≤ critical ≤ 100\u00a0%%"),
                              ss_field_get_title (fields[k]), mine, _(threshold_names[k + 1]),
                              other);
    }
  if (k > 0 && v[k - 1] > v[k])
    {
      ss_format_percent (other, sizeof other, v[k - 1]);
      /* Translators: "Warning at 40 % is below watch at 50 %: …" */
      return g_strdup_printf (_("%s at %s\u00a0%% is below %s at %s\u00a0%%: the thresholds must "
                                "keep 0\u00a0%% < watch ≤ warning ≤ critical ≤ 100\u00a0%%"),
                              ss_field_get_title (fields[k]), mine, _(threshold_names[k - 1]),
                              other);
    }
  return NULL;
}

/* A threshold's refusal depends on the others: check every typed one
 * again whenever one is typed in. */
static void
check_thresholds (SsStudyPage *self)
{
  SsField *fields[3];

  thresholds_of (self, fields);
  for (guint k = 0; k < 3; k++)
    {
      g_autofree char *refusal = NULL;

      if (ss_field_get_dirty (fields[k]))
        refusal = check_order (self, fields, k);
      ss_field_set_refusal (fields[k], refusal);
    }
}

/* Writes every typed threshold at once, if all of them pass. */
static gboolean
on_threshold_commit (SsStudyPage *self,
                     SsField     *field)
{
  SsField *fields[3];
  double values[3];

  thresholds_of (self, fields);
  check_thresholds (self);
  for (guint k = 0; k < 3; k++)
    {
      if (ss_field_get_message (fields[k]) != NULL)
        return TRUE;
      values[k] = pending_threshold (self, fields[k], k);
    }

  /* The fields show the study again once it holds what they typed. */
  if (ss_document_set_meta_thresholds (document_of (self), values, NULL))
    for (guint k = 0; k < 3; k++)
      ss_field_reset (fields[k]);
  return TRUE;
}

/* --- The home country and the projection ------------------------------- */

static void
sync_home (SsStudyPage *self)
{
  const SsStudy *study = ss_document_get_study (document_of (self));
  guint nc = ss_study_get_n_countries (study);
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->country_names));
  gboolean same = shown == nc;

  for (guint c = 0; same && c < nc; c++)
    same = g_str_equal (gtk_string_list_get_string (self->country_names, c),
                        ss_study_get_country (study, c)->name);

  self->syncing = TRUE;
  if (!same)
    {
      g_autoptr(GPtrArray) names = g_ptr_array_new ();

      for (guint c = 0; c < nc; c++)
        g_ptr_array_add (names, ss_study_get_country (study, c)->name);
      g_ptr_array_add (names, NULL);
      gtk_string_list_splice (self->country_names, 0, shown, (const char * const *)names->pdata);
    }
  gtk_drop_down_set_selected (self->home_dropdown, meta_of (self)->home);
  self->syncing = FALSE;
}

static void
on_home_selected (SsStudyPage *self)
{
  guint home = gtk_drop_down_get_selected (self->home_dropdown);
  const SsMeta *meta;

  if (self->syncing || document_of (self) == NULL || ss_document_in_edit (document_of (self))
      || home == GTK_INVALID_LIST_POSITION)
    return;
  meta = meta_of (self);
  if (home == meta->home || home >= ss_study_get_n_countries (ss_document_get_study (document_of (self))))
    return;

  ss_document_set_meta_home (document_of (self), home, NULL);
}

static void
update_projection_description (SsStudyPage *self)
{
  const SsMeta *meta = meta_of (self);
  g_autofree char *currency = g_markup_escape_text (meta->currency, -1);
  g_autofree char *description = NULL;

  /* The description is markup. */
  /* Translators: "Every projection runs from 2024 to 2034, in millions of USD." */
  description = g_strdup_printf (_("Every projection runs from %d to %d, in millions of %s."),
                                 meta->base_year, meta->base_year + meta->horizon, currency);
  adw_preferences_group_set_description (self->projection_group, description);
}

static void
ss_study_page_document_changed (SsDataPage *page,
                                SsChange    change,
                                int         scenario)
{
  SsStudyPage *self = SS_STUDY_PAGE (page);

  /* A scenario's targets or levers show nowhere on this page. */
  if (!(change & (SS_CHANGE_STRUCTURE | SS_CHANGE_BASELINE)) || document_of (self) == NULL)
    return;
  sync_home (self);
  check_thresholds (self);
  update_projection_description (self);
}

/* --- The notes --------------------------------------------------------- */

static gboolean
resize_notes (GtkWidget *view,
              guint     *id)
{
  int height;

  *id = 0;
  gtk_widget_measure (view, GTK_ORIENTATION_VERTICAL, gtk_widget_get_width (view), &height,
                      NULL, NULL, NULL);
  if (height != gtk_widget_get_height (view))
    gtk_widget_queue_resize (view);
  return G_SOURCE_REMOVE;
}

static gboolean
resize_description (gpointer data)
{
  SsStudyPage *self = data;

  return resize_notes (GTK_WIDGET (self->description_view), &self->resize_id[0]);
}

static gboolean
resize_source (gpointer data)
{
  SsStudyPage *self = data;

  return resize_notes (GTK_WIDGET (self->source_view), &self->resize_id[1]);
}

/* A text view wraps its lines again when it gets a new width, in the
 * middle of its allocation, and GTK 4.8 drops the resize its new height
 * then needs: the notes would stay clipped (or too tall) until something
 * else resized the page. The view's adjustment follows the text's height,
 * so once it changes the view is measured again, after the allocation. */
static void
on_notes_height_changed (SsStudyPage   *self,
                         GtkAdjustment *adjustment)
{
  gboolean source = adjustment == gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->source_view));

  if (self->resize_id[source] == 0)
    self->resize_id[source] = g_idle_add (source ? resize_source : resize_description, self);
}

/* --- GObject ----------------------------------------------------------- */

static void
ss_study_page_dispose (GObject *object)
{
  SsStudyPage *self = SS_STUDY_PAGE (object);

  for (guint k = 0; k < G_N_ELEMENTS (self->resize_id); k++)
    g_clear_handle_id (&self->resize_id[k], g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), SS_TYPE_STUDY_PAGE);

  G_OBJECT_CLASS (ss_study_page_parent_class)->dispose (object);
}

static void
ss_study_page_document_set (SsDataPage *page)
{
  SsStudyPage *self = SS_STUDY_PAGE (page);

  gtk_widget_set_sensitive (self->scroller, document_of (self) != NULL);
  ss_study_page_document_changed (page, SS_CHANGE_STRUCTURE, -1);
}

static void
ss_study_page_class_init (SsStudyPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  SsDataPageClass *page_class = SS_DATA_PAGE_CLASS (klass);

  object_class->dispose = ss_study_page_dispose;
  page_class->document_set = ss_study_page_document_set;
  page_class->document_changed = ss_study_page_document_changed;

  g_type_ensure (SS_TYPE_ATTR_ROW);
  g_type_ensure (SS_TYPE_FIELD);
  g_type_ensure (SS_TYPE_POLICY_TARGET_LIST);
  gtk_widget_class_set_template_from_resource (widget_class, SS_UI_RESOURCE ("ss-study-page.ui"));
  gtk_widget_class_bind_template_child (widget_class, SsStudyPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, SsStudyPage, projection_group);
  gtk_widget_class_bind_template_child (widget_class, SsStudyPage, home_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SsStudyPage, country_names);
  gtk_widget_class_bind_template_child (widget_class, SsStudyPage, description_view);
  gtk_widget_class_bind_template_child (widget_class, SsStudyPage, source_view);
  gtk_widget_class_bind_template_child (widget_class, SsStudyPage, study_status);
  gtk_widget_class_bind_template_child (widget_class, SsStudyPage, projection_status);
  gtk_widget_class_bind_template_child (widget_class, SsStudyPage, thresholds_status);
  gtk_widget_class_bind_template_child (widget_class, SsStudyPage, policy_status);
  gtk_widget_class_bind_template_child (widget_class, SsStudyPage, policy_targets);
  gtk_widget_class_bind_template_child (widget_class, SsStudyPage, title_field);
  gtk_widget_class_bind_template_child (widget_class, SsStudyPage, description_field);
  gtk_widget_class_bind_template_child (widget_class, SsStudyPage, source_field);
  gtk_widget_class_bind_template_child (widget_class, SsStudyPage, base_year_field);
  gtk_widget_class_bind_template_child (widget_class, SsStudyPage, horizon_field);
  gtk_widget_class_bind_template_child (widget_class, SsStudyPage, currency_field);
  gtk_widget_class_bind_template_child (widget_class, SsStudyPage, discount_rate_field);
  gtk_widget_class_bind_template_child (widget_class, SsStudyPage, watch_field);
  gtk_widget_class_bind_template_child (widget_class, SsStudyPage, warning_field);
  gtk_widget_class_bind_template_child (widget_class, SsStudyPage, critical_field);
  gtk_widget_class_bind_template_callback (widget_class, on_home_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_threshold_commit);
  gtk_widget_class_bind_template_callback (widget_class, check_thresholds);
  gtk_widget_class_bind_template_callback (widget_class, update_policy_status);
  gtk_widget_class_bind_template_callback (widget_class, on_add_policy_target);

  gtk_widget_class_set_css_name (widget_class, "studypage");
}

static void
ss_study_page_init (SsStudyPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* Named by its own label, not its row's title as well ("Home country
   * Home country"). */
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (self->home_dropdown), GTK_ACCESSIBLE_RELATION_LABELLED_BY);

  SsField *fields[] = { self->title_field, self->base_year_field, self->horizon_field,
                        self->currency_field, self->discount_rate_field, self->watch_field,
                        self->warning_field, self->critical_field };

  for (guint k = 0; k < G_N_ELEMENTS (fields); k++)
    g_signal_connect_object (fields[k], "notify::message", G_CALLBACK (update_status), self,
                             G_CONNECT_SWAPPED);

  /* The card is the notes' background, as with a boxed list's entry rows. */
  gtk_widget_remove_css_class (GTK_WIDGET (self->description_view), "view");
  gtk_widget_remove_css_class (GTK_WIDGET (self->source_view), "view");
  g_signal_connect_object (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->description_view)),
                           "changed", G_CALLBACK (on_notes_height_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->source_view)),
                           "changed", G_CALLBACK (on_notes_height_changed), self,
                           G_CONNECT_SWAPPED);
}

GtkWidget *
ss_study_page_new (void)
{
  return g_object_new (SS_TYPE_STUDY_PAGE, NULL);
}

void
ss_study_page_set_document (SsStudyPage *self,
                            SsDocument  *document)
{
  g_return_if_fail (SS_IS_STUDY_PAGE (self));
  ss_data_page_set_document (SS_DATA_PAGE (self), document);
}

/**
 * ss_study_page_get_field:
 * @field: a name from the file's <meta> ("title", "horizon",
 *   "discount-rate", …), "watch", "warning" or "critical" for the
 *   thresholds, "home", or "policy-year-K" and "policy-share-K" for the
 *   year and share of policy target K
 *
 * Returns: (transfer none) (nullable): the field's AdwEntryRow, GtkEntry
 *   or GtkTextView, or the home country's GtkDropDown
 */
GtkWidget *
ss_study_page_get_field (SsStudyPage *self,
                         const char  *field)
{
  SsField *fields[] = { self->title_field, self->description_field, self->source_field,
                        self->base_year_field, self->horizon_field, self->currency_field,
                        self->discount_rate_field, self->watch_field, self->warning_field,
                        self->critical_field };

  g_return_val_if_fail (SS_IS_STUDY_PAGE (self), NULL);
  g_return_val_if_fail (field != NULL, NULL);

  if (g_str_equal (field, "home"))
    return GTK_WIDGET (self->home_dropdown);
  if (g_str_has_prefix (field, "policy-year-"))
    return ss_policy_target_list_get_entry (self->policy_targets,
                                            g_ascii_strtoull (field + strlen ("policy-year-"), NULL, 10),
                                            SS_POLICY_TARGET_YEAR);
  if (g_str_has_prefix (field, "policy-share-"))
    return ss_policy_target_list_get_entry (self->policy_targets,
                                            g_ascii_strtoull (field + strlen ("policy-share-"), NULL, 10),
                                            SS_POLICY_TARGET_SHARE);
  for (guint k = 0; k < G_N_ELEMENTS (fields); k++)
    if (g_str_equal (ss_field_get_name (fields[k]), field))
      return ss_field_get_widget (fields[k]);
  return NULL;
}
