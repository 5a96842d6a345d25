/* ss-window.c: a study's window — the scenario editor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window shows one item (or the portfolio) in one scenario. Every edit
 * is one of the SsDocument's operations, which keeps the undo history and
 * marks the projections it makes stale; the window listens to the
 * document's "changed" signal and refreshes its figures at most once per
 * frame, from a tick callback, so a slider drag recomputes only the
 * scenario being edited, once per frame, and never blocks input. A
 * recompute that would miss the frame (a whole projection of a large
 * study, ss_document_estimate_us()) runs in a worker thread while the
 * window keeps showing the last complete figures (refresh_off_thread()).
 *
 * This file holds the window itself: its document, the scenario selector,
 * the share editor and levers, the refresh, and its lifecycle. The rest
 * is by concern, sharing the state in ss-window-private.h: the item list
 * (ss-window-sidebar.c), the metric cards (-figures), the alerts list
 * (-alerts), the charts pane (-charts), the actions and the study data
 * window (-actions, -pages), and files (-files).
 *
 * A name from the study set into a longer text goes through
 * ss_bidi_isolate(), so it cannot reorder the text around it; a name
 * shown alone is shown as it is.
 */

#define G_LOG_DOMAIN "supplyshift-window"

#include "config.h"

#include <glib/gi18n.h>

#include "ss-accessible.h"
#include "ss-bidi.h"
#include "ss-columns.h"
#include "ss-input-guard.h"
#include "ss-page-util.h"
#include "ss-window-private.h"

G_DEFINE_FINAL_TYPE (SsWindow, ss_window, ADW_TYPE_APPLICATION_WINDOW)

enum
{
  PROP_0,
  PROP_DOCUMENT,
  PROP_SCENARIO,
  PROP_ITEM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void ss_window_rebuild (SsWindow *self);

/* --- Document access --------------------------------------------------- */

/* Records what the window shows; :scenario and :item follow. */
/* The item shown by its code, to find it again after the study's
 * structure changed: its index may have moved. */
static void
remember_item (SsWindow *self)
{
  const char *code = NULL;

  if (self->document != NULL && self->item >= 0
      && self->item < (int)ss_study_get_n_items (ss_window_study (self)))
    code = ss_study_get_item (ss_window_study (self), self->item)->code;
  if (g_strcmp0 (code, self->shown_code) == 0)
    return;
  g_free (self->shown_code);
  self->shown_code = g_strdup (code);
}

void
ss_window_set_shown (SsWindow *self,
                     int       scenario,
                     int       item)
{
  g_object_freeze_notify (G_OBJECT (self));
  if (self->scenario != scenario)
    {
      self->scenario = scenario;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCENARIO]);
    }
  if (self->item != item)
    {
      self->item = item;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
    }
  remember_item (self);
  g_object_thaw_notify (G_OBJECT (self));
}

/* The scenario shown, or NULL for the baseline. */
const SsScenario *
ss_window_scenario (SsWindow *self)
{
  if (self->scenario == SS_BASELINE)
    return NULL;
  return ss_study_get_scenario (ss_window_study (self), self->scenario);
}

/* --- Scenario selector ------------------------------------------------- */

static void
rebuild_scenarios (SsWindow *self)
{
  const SsStudy *study = ss_window_study (self);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->scenario_names));
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  g_ptr_array_add (names, (gpointer)_("Baseline"));
  for (guint s = 0; s < ss_study_get_n_scenarios (study); s++)
    g_ptr_array_add (names, ss_study_get_scenario (study, s)->name);
  g_ptr_array_add (names, NULL);

  self->updating = TRUE;
  gtk_string_list_splice (self->scenario_names, 0, n, (const char * const *)names->pdata);
  if (self->scenario >= (int)ss_study_get_n_scenarios (study))
    ss_window_set_shown (self, ss_study_get_n_scenarios (study) > 0 ? 0 : SS_BASELINE, self->item);
  gtk_drop_down_set_selected (self->scenario_dropdown, self->scenario + 1);
  self->updating = FALSE;
}

static void
on_scenario_selected (SsWindow *self)
{
  guint selected = gtk_drop_down_get_selected (self->scenario_dropdown);

  if (self->updating || selected == GTK_INVALID_LIST_POSITION)
    return;
  ss_window_set_shown (self, (int)selected - 1, self->item);
  ss_window_queue_update (self);
}

/* --- Edits ------------------------------------------------------------- */

/* The shares the editor edits: the baseline's, or the scenario's targets. */
static void
current_shares (SsWindow *self,
                double   *shares,
                double   *baseline)
{
  const SsStudy *study = ss_window_study (self);
  const SsItem *item = ss_study_get_item (study, self->item);
  const SsScenario *scenario = ss_window_scenario (self);
  guint nc = ss_study_get_n_countries (study);

  for (guint c = 0; c < nc; c++)
    {
      baseline[c] = item->sources[c].attr[SS_SOURCE_SHARE];
      shares[c] = scenario != NULL && scenario->targets[self->item] != NULL
                  ? scenario->targets[self->item][c] : baseline[c];
    }
}

/* A shock has no targets: its editor is insensitive, and a change made
 * to it anyway (from code) edits nothing. */
static void
on_editor_begin (SsWindow *self)
{
  const SsScenario *scenario = ss_window_scenario (self);

  self->editor_dragging = TRUE;
  if (scenario == NULL || scenario->kind == SS_SCENARIO_STRATEGY)
    ss_document_begin_edit (self->document);
}

/* A step of the editor's gesture: it joins the edit "edit-begin" opened. */
static void
on_editor_changed (SsWindow *self)
{
  const double *shares = ss_share_editor_get_shares (self->share_editor);
  guint nc = ss_study_get_n_countries (ss_window_study (self));
  g_autoptr(GError) error = NULL;

  if (!ss_document_in_edit (self->document) || self->item < 0)
    return;

  if (self->scenario == SS_BASELINE
      ? !ss_document_set_shares (self->document, self->item, shares, nc, &error)
      : !ss_document_set_target (self->document, self->scenario, self->item, shares, nc, &error))
    g_warning ("The share editor's shares were refused: %s", error->message);
}

static void
on_editor_end (SsWindow *self)
{
  self->editor_dragging = FALSE;
  if (ss_document_in_edit (self->document))
    ss_document_end_edit (self->document);
  ss_window_queue_update (self);
}

/* One lever change is one undo step. */
static void
on_lever_changed (SsWindow      *self,
                  GtkSpinButton *spin)
{
  double value = gtk_spin_button_get_value (spin);
  g_autoptr(GError) error = NULL;
  gboolean done;

  if (self->updating || self->scenario == SS_BASELINE)
    return;

  if (spin == self->transition_spin)
    done = ss_document_set_scenario_lever (self->document, self->scenario, SS_LEVER_TRANSITION_YEARS,
                                           value, &error);
  else if (spin == self->switching_spin)
    done = ss_document_set_scenario_lever (self->document, self->scenario, SS_LEVER_SWITCHING_COST,
                                           value / 100, &error);
  else if (spin == self->subsidy_spin)
    done = ss_document_set_scenario_lever (self->document, self->scenario, SS_LEVER_SUBSIDY,
                                           value / 100, &error);
  else
    done = ss_document_set_stockpile (self->document, self->scenario,
                                      self->item >= 0 && gtk_drop_down_get_selected (self->stockpile_scope) == 0
                                      ? self->item : SS_ALL_ITEMS,
                                      value, &error);
  if (!done)
    ss_window_toast (self, error->message);
}

static void
on_stockpile_scope_changed (SsWindow *self)
{
  if (!self->updating)
    ss_window_queue_update (self);
}

static void
update_content (SsWindow           *self,
                const SsProjection *p,
                const SsProjection *b)
{
  const SsStudy *study = ss_window_study (self);
  const SsMeta *meta = ss_study_get_meta (study);
  const SsScenario *scenario = ss_window_scenario (self);
  g_autofree char *scenario_name = scenario != NULL ? ss_bidi_isolate (scenario->name)
                                                    : g_strdup (_("Baseline"));
  g_autofree char *heading = NULL, *figures = NULL, *subtitle = NULL;
  gboolean shock = scenario != NULL && scenario->kind == SS_SCENARIO_SHOCK;
  double stockpile;

  self->updating = TRUE;

  if (self->item < 0)
    {
      ss_window_set_label (self->item_title, _("Portfolio"));
      subtitle = g_strdup_printf (ngettext ("%u item", "%u items", ss_study_get_n_items (study)),
                                  ss_study_get_n_items (study));
      ss_window_set_label (self->item_subtitle, subtitle);
    }
  else
    {
      const SsItem *item = ss_study_get_item (study, self->item);

      g_autofree char *category = ss_bidi_isolate (item->category);

      ss_window_set_label (self->item_title, item->name);
      subtitle = *item->category ? g_strdup_printf (_("HS %s · %s"), item->code, category)
                                 : g_strdup_printf (_("HS %s"), item->code);
      ss_window_set_label (self->item_subtitle, subtitle);
    }

  gtk_widget_set_visible (self->shares_section, self->item >= 0);
  if (self->item >= 0)
    {
      double shares[SS_MAX_COUNTRIES], baseline[SS_MAX_COUNTRIES];

      if (shock)
        heading = g_strdup_printf (_("Shares in “%s”"), scenario_name);
      else if (scenario != NULL)
        heading = g_strdup_printf (_("Target shares in “%s”, reached over the transition"), scenario_name);
      else
        heading = g_strdup (_("Baseline shares"));
      ss_window_set_label (self->shares_heading, heading);
      /* A shock is a world, not a mix: it shows the baseline's shares,
       * read-only, and says why. */
      gtk_widget_set_visible (self->shock_note, shock);
      gtk_widget_set_visible (self->reset_button, !shock);
      gtk_widget_set_sensitive (GTK_WIDGET (self->share_editor), !shock);
      if (!self->editor_dragging)
        {
          current_shares (self, shares, baseline);
          ss_share_editor_set_shares (self->share_editor, shares, baseline, ss_study_get_n_countries (study));
        }
      /* Each slider marks its source's capacity. */
      {
        const SsItem *item = ss_study_get_item (study, self->item);
        double capacity[SS_MAX_COUNTRIES];

        for (guint c = 0; c < ss_study_get_n_countries (study); c++)
          capacity[c] = item->sources[c].attr[SS_SOURCE_CAPACITY];
        ss_share_editor_set_capacities (self->share_editor, capacity, ss_study_get_n_countries (study));
      }
    }

  gtk_widget_set_visible (self->levers_group, scenario != NULL);
  if (scenario != NULL)
    {
      gboolean all = self->item < 0 || gtk_drop_down_get_selected (self->stockpile_scope) == 1;

      /* A shock only changes the world: it has no transition, switching
       * cost or subsidy, only the stockpile held in that world. */
      gtk_widget_set_visible (self->transition_row, !shock);
      gtk_widget_set_visible (self->switching_row, !shock);
      gtk_widget_set_visible (self->subsidy_row, !shock);
      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->levers_group),
                                       shock ? _("Stockpile in this world") : _("Scenario levers"));
      gtk_spin_button_set_value (self->transition_spin, scenario->transition_years);
      gtk_spin_button_set_value (self->switching_spin, 100 * scenario->switching_cost);
      gtk_spin_button_set_value (self->subsidy_spin, 100 * scenario->subsidy);
      /* For all items, what the scenario sets for all of them; for one,
       * what it holds of that item (model.md §1). */
      if (all)
        stockpile = scenario->has_stockpile_all ? scenario->stockpile_all : 0;
      else
        stockpile = ss_scenario_get_stockpile (scenario, NULL, ss_study_get_item (study, self->item),
                                               self->item);
      gtk_spin_button_set_value (self->stockpile_spin, stockpile);
      gtk_widget_set_visible (GTK_WIDGET (self->stockpile_scope), self->item >= 0);
      {
        const char *subtitle_text = all ? _("Days of consumption held, for all items")
                                        : _("Days of consumption held, for this item");

        if (g_strcmp0 (adw_action_row_get_subtitle (self->stockpile_row), subtitle_text) != 0)
          adw_action_row_set_subtitle (self->stockpile_row, subtitle_text);
      }
    }

  /* The cards show the base year and the year chosen. */
  figures = g_strdup_printf (_("%s, %d to %d"), scenario_name, meta->base_year,
                             meta->base_year + (int)ss_window_year_index (self));
  ss_window_set_label (self->figures_heading, figures);

  ss_window_figures_update (self, p, b);
  ss_window_alerts_update (self, p);
  ss_window_charts_update (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.reset-item",
                                 scenario != NULL && self->item >= 0 && scenario->targets[self->item] != NULL);
  self->updating = FALSE;
}

static void
update_title (SsWindow *self)
{
  const SsStudy *study = ss_window_study (self);
  g_autofree char *name = ss_document_get_display_name (self->document);
  g_autofree char *isolated_name = ss_bidi_isolate (name);
  g_autofree char *subtitle = NULL;
  gboolean modified = ss_document_get_modified (self->document);

  if (ss_document_get_file (self->document) == NULL)
    subtitle = g_strdup (modified ? _("Not saved •") : _("Not saved"));
  else
    subtitle = modified ? g_strdup_printf ("%s •", isolated_name) : g_strdup (name);
  adw_view_switcher_title_set_title (self->window_title, ss_study_get_meta (study)->title);
  adw_view_switcher_title_set_subtitle (self->window_title, subtitle);
  gtk_window_set_title (GTK_WINDOW (self), ss_study_get_meta (study)->title);
}

/* Runs once per frame at most: whatever changed since the last frame is
 * recomputed (only the projections edits made stale) and shown. */
static gboolean
on_tick (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       user_data)
{
  SsWindow *self = SS_WINDOW (widget);

  self->tick_id = 0;
  ss_window_refresh (self);
  return G_SOURCE_REMOVE;
}

static void
on_projected (gpointer      owner,
              GAsyncResult *result)
{
  SsWindow *self = owner;

  if (self->document == NULL)
    return;
  /* A result an edit overtook is dropped: the next frame starts again. */
  ss_document_project_finish (self->document, result, NULL);
  ss_window_queue_update (self);
}

/* A recompute that would miss a frame (a whole projection of a large
 * study) runs in a worker thread. Meanwhile the window shows the last
 * complete figures, never half-updated ones: it shows them once more when
 * the work starts (into whatever a rebuild made new), then is not
 * refreshed until the new projection is in the document's cache. */
typedef enum
{
  REFRESH_HERE,                        /* compute now, on this thread */
  REFRESH_STARTED,                     /* show the last complete figures */
  REFRESH_WAIT,                        /* a worker is at it: show nothing new */
} Refresh;

static Refresh
refresh_off_thread (SsWindow *self)
{
  gpointer call;

  if (ss_document_estimate_us (self->document, self->scenario) <= ss_frame_budget_us ())
    return REFRESH_HERE;
  /* Nothing complete of the study's shape to show: compute it here. */
  if (ss_document_peek_projection (self->document, SS_BASELINE) == NULL
      || ss_document_peek_projection (self->document, self->scenario) == NULL)
    return REFRESH_HERE;
  if (ss_job_is_running (&self->projection_job))
    return REFRESH_WAIT;

  call = ss_job_begin (&self->projection_job, self, on_projected);
  ss_document_project_async (self->document, self->scenario, self->projection_job.cancellable, ss_job_ready, call);
  return REFRESH_STARTED;
}

/* What the window shows of a scenario: its projection brought up to
 * date, or while a worker computes a newer one, the last complete one. */
const SsProjection *
ss_window_projection (SsWindow *self,
                      int       scenario)
{
  const SsProjection *p = NULL;

  if (ss_job_is_running (&self->projection_job) && ss_document_estimate_us (self->document, scenario) > ss_frame_budget_us ())
    p = ss_document_peek_projection (self->document, scenario);
  return p != NULL ? p : ss_document_get_projection (self->document, scenario);
}

void
ss_window_refresh (SsWindow *self)
{
  const SsProjection *b, *p;

  if (self->document == NULL)
    return;
  if (refresh_off_thread (self) == REFRESH_WAIT)
    return;
  b = ss_window_projection (self, SS_BASELINE);
  p = ss_window_projection (self, self->scenario);
  ss_window_sidebar_update (self, p);
  update_content (self, p, b);
  ss_window_stress_update (self);
}

void
ss_window_queue_update (SsWindow *self)
{
  if (self->tick_id == 0)
    self->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), on_tick, NULL, NULL);
}

static void
on_document_changed (SsWindow   *self,
                     guint       change,
                     int         scenario,
                     SsDocument *document)
{
  ss_window_charts_changed (self, (change & SS_CHANGE_STRUCTURE) != 0);
  if (change & SS_CHANGE_STRUCTURE)
    ss_window_rebuild (self);
  else
    ss_window_queue_update (self);
}

static void
on_document_notify (SsWindow *self)
{
  update_title (self);
  ss_window_actions_update (self);
}

static void
ss_window_rebuild (SsWindow *self)
{
  const SsStudy *study = ss_window_study (self);
  int found = self->shown_code != NULL ? ss_study_find_item (study, self->shown_code) : -1;

  /* The item shown stays shown when one before it goes or comes back
   * (an undo); gone itself, the one now in its place is. */
  if (found >= 0)
    ss_window_set_shown (self, self->scenario, found);
  else if (self->item >= (int)ss_study_get_n_items (study))
    ss_window_set_shown (self, self->scenario, PORTFOLIO);
  remember_item (self);
  ss_share_editor_set_countries (self->share_editor, study);
  self->alerts_reword = TRUE;
  rebuild_scenarios (self);
  ss_window_year_rebuild (self);
  ss_window_sidebar_rebuild (self);
  ss_window_stress_rebuild (self);
  update_title (self);
  ss_window_actions_update (self);
  ss_window_queue_update (self);
}

/* --- Views and the item list ------------------------------------------ */

/* The header's view switcher, and the bar that stands in for it where
 * the header is too narrow, show once the stack has a second view. */
static void
update_view_switcher (SsWindow *self)
{
  gboolean several;

  /* The stack's pages go while the template is disposed. */
  if (self->view_pages == NULL)
    return;
  several = g_list_model_get_n_items (self->view_pages) > 1;

  adw_view_switcher_title_set_view_switcher_enabled (self->window_title, several);
  adw_view_switcher_bar_set_reveal (self->view_bar,
                                    several && adw_view_switcher_title_get_title_visible (self->window_title));
}

static void
views_init (SsWindow *self)
{
  self->view_pages = G_LIST_MODEL (adw_view_stack_get_pages (self->view_stack));
  g_signal_connect_object (self->view_pages, "items-changed", G_CALLBACK (update_view_switcher), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->window_title, "notify::title-visible", G_CALLBACK (update_view_switcher),
                           self, G_CONNECT_SWAPPED);
  update_view_switcher (self);
}

/* --- Views shown later ---------------------------------------------- */

/* The Compare and Stress Test views are made with the window, but what
 * they show joins the window only once one of them is shown, or after
 * the first frame: until then GTK neither styles nor measures it (a view
 * stack measures every page), so the first frame costs the Editor's
 * alone. Their pages are there from the start, for the view switcher. */
static void
show_later_views (SsWindow *self,
                  gboolean  disposing)
{
  g_autoptr(GPtrArray) views = g_steal_pointer (&self->later_views);

  if (self->first_paint_id != 0)
    {
      GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

      if (clock != NULL)
        g_signal_handler_disconnect (clock, self->first_paint_id);
      self->first_paint_id = 0;
    }
  if (views == NULL)
    return;
  for (guint k = 0; k < views->len; k++)
    {
      GtkScrolledWindow *scroller = g_ptr_array_index (views, k);
      g_autoptr(GtkWidget) content = g_object_steal_data (G_OBJECT (scroller), "ss-later-content");

      gtk_scrolled_window_set_child (scroller, content);
      if (!disposing)
        ss_accessible_tidy (content);
    }
}

static gboolean
on_after_first_frame (gpointer user_data)
{
  SsWindow *self = user_data;

  show_later_views (self, FALSE);
  return G_SOURCE_REMOVE;
}

static void
on_first_paint (GdkFrameClock *clock,
                SsWindow      *self)
{
  g_signal_handler_disconnect (clock, self->first_paint_id);
  self->first_paint_id = 0;
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, on_after_first_frame, g_object_ref (self), g_object_unref);
}

static void
on_view_shown (SsWindow *self)
{
  if (self->later_views != NULL
      && g_ptr_array_find (self->later_views, adw_view_stack_get_visible_child (self->view_stack), NULL))
    show_later_views (self, FALSE);
}

/* @content goes into @scroller (a page of the view stack) when a view
 * held back is shown or after the window's first frame. */
void
ss_window_add_view_later (SsWindow          *self,
                          GtkScrolledWindow *scroller,
                          GtkWidget         *content)
{
  g_object_set_data_full (G_OBJECT (scroller), "ss-later-content", g_object_ref_sink (content),
                          g_object_unref);
  if (self->later_views == NULL)
    {
      self->later_views = g_ptr_array_new ();
      g_signal_connect_object (self->view_stack, "notify::visible-child", G_CALLBACK (on_view_shown), self,
                               G_CONNECT_SWAPPED);
    }
  g_ptr_array_add (self->later_views, scroller);
  on_view_shown (self);
}

static void
ss_window_realize (GtkWidget *widget)
{
  SsWindow *self = SS_WINDOW (widget);

  GTK_WIDGET_CLASS (ss_window_parent_class)->realize (widget);
  if (self->later_views != NULL && self->first_paint_id == 0)
    self->first_paint_id = g_signal_connect (gtk_widget_get_frame_clock (widget), "after-paint",
                                             G_CALLBACK (on_first_paint), self);
}

static void
ss_window_unrealize (GtkWidget *widget)
{
  SsWindow *self = SS_WINDOW (widget);

  if (self->first_paint_id != 0)
    {
      g_signal_handler_disconnect (gtk_widget_get_frame_clock (widget), self->first_paint_id);
      self->first_paint_id = 0;
    }
  GTK_WIDGET_CLASS (ss_window_parent_class)->unrealize (widget);
}

GtkWidget *
ss_window_get_columns (SsWindow *self)
{
  g_return_val_if_fail (SS_IS_WINDOW (self), NULL);
  return self->columns;
}

/* The calendar year the figures, the heatmap and the comparison show. */
int
ss_window_get_year (SsWindow *self)
{
  g_return_val_if_fail (SS_IS_WINDOW (self), 0);
  return ss_study_get_meta (ss_window_study (self))->base_year + (int)ss_window_year_index (self);
}

/* Shows @year (a calendar year of the projection) through the window's
 * year control, as choosing it there does. */
void
ss_window_set_year (SsWindow *self,
                    int       year)
{
  const SsMeta *meta;

  g_return_if_fail (SS_IS_WINDOW (self));
  meta = ss_study_get_meta (ss_window_study (self));
  g_return_if_fail (year >= meta->base_year && year <= meta->base_year + meta->horizon);
  gtk_drop_down_set_selected (self->year_dropdown, (guint)(year - meta->base_year));
}

/* --- Documents and files ----------------------------------------------- */

SsDocument *
ss_window_get_document (SsWindow *self)
{
  return self->document;
}

const SsStudy *
ss_window_get_study (SsWindow *self)
{
  return self->document != NULL ? ss_window_study (self) : NULL;
}

void
ss_window_set_document (SsWindow   *self,
                        SsDocument *document)
{
  g_return_if_fail (SS_IS_WINDOW (self));
  g_return_if_fail (SS_IS_DOCUMENT (document));

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_set_object (&self->document, document);
  g_signal_connect_object (document, "changed", G_CALLBACK (on_document_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "notify", G_CALLBACK (on_document_notify), self, G_CONNECT_SWAPPED);

  ss_window_set_shown (self, ss_study_get_n_scenarios (ss_window_study (self)) > 0 ? 0 : SS_BASELINE,
                       ss_study_get_n_items (ss_window_study (self)) > 0 ? 0 : PORTFOLIO);
  ss_window_pages_set_document (self, document);
  ss_window_compare_set_document (self, document);
  ss_window_files_set_document (self, document);
  ss_window_autosave_set_document (self, document);
  /* The last study's tornado is none of this one's. */
  ss_window_charts_changed (self, TRUE);
  ss_window_rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

void
ss_window_set_study (SsWindow *self,
                     SsStudy  *study,
                     GFile    *file)
{
  g_autoptr(SsDocument) document = ss_document_new (study, file);

  ss_window_set_document (self, document);
}

void
ss_window_select (SsWindow *self,
                  int       scenario,
                  int       item)
{
  g_return_if_fail (SS_IS_WINDOW (self));
  g_return_if_fail (self->document != NULL);
  g_return_if_fail (scenario >= SS_BASELINE && scenario < (int)ss_study_get_n_scenarios (ss_window_study (self)));
  g_return_if_fail (item >= PORTFOLIO && item < (int)ss_study_get_n_items (ss_window_study (self)));

  ss_window_set_shown (self, scenario, item);
  self->updating = TRUE;
  gtk_drop_down_set_selected (self->scenario_dropdown, scenario + 1);
  self->updating = FALSE;
  ss_window_sidebar_select (self);
  ss_window_refresh (self);
}

SsShareEditor *
ss_window_get_share_editor (SsWindow *self)
{
  return self->share_editor;
}

GtkWidget *
ss_window_get_card (SsWindow *self,
                    guint     index)
{
  g_return_val_if_fail (index < N_CARDS, NULL);
  return self->cards[index];
}

void
ss_window_toast (SsWindow   *self,
                 const char *message)
{
  adw_toast_overlay_add_toast (self->toasts, adw_toast_new (message));
}

GSettings *
ss_window_get_settings (SsWindow *self)
{
  return self->settings;
}

GMenu *
_ss_window_get_recent_menu (SsWindow *self)
{
  return self->recent_submenu;
}

/* Everything under the header bar. */
GtkWidget *
_ss_window_get_content (SsWindow *self)
{
  return GTK_WIDGET (self->toasts);
}

/* SUPPLYSHIFT_SCENARIO (a scenario's id) and SUPPLYSHIFT_ITEM (an item's
 * code) select what the window shows once it is on screen. They exist for
 * build-aux/screenshot and for trying a view by hand. */
static void
select_initial (SsWindow *self)
{
  const char *scenario_id = g_getenv ("SUPPLYSHIFT_SCENARIO");
  const char *item_code = g_getenv ("SUPPLYSHIFT_ITEM");
  const SsStudy *study;
  int scenario, item;

  g_signal_handlers_disconnect_by_func (self, select_initial, NULL);
  if (self->document == NULL)
    return;
  study = ss_window_study (self);
  scenario = scenario_id != NULL ? ss_study_find_scenario (study, scenario_id) : self->scenario;
  item = self->item;
  for (guint i = 0; item_code != NULL && i < ss_study_get_n_items (study); i++)
    if (g_str_equal (ss_study_get_item (study, i)->code, item_code))
      item = i;
  if (scenario >= SS_BASELINE)
    ss_window_select (self, scenario, item);
}

/* --- Lifecycle --------------------------------------------------------- */

static void
save_window_state (SsWindow *self)
{
  int width, height;

  if (self->settings == NULL)
    return;
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (GTK_WINDOW (self)));
}

static gboolean
ss_window_close_request (GtkWindow *window)
{
  SsWindow *self = SS_WINDOW (window);

  if (!self->close_confirmed && self->document != NULL && ss_document_get_modified (self->document))
    {
      ss_window_confirm_discard (self, SS_PENDING_CLOSE, NULL);
      return TRUE;
    }
  save_window_state (self);
  ss_window_autosave_close (self);
  return GTK_WINDOW_CLASS (ss_window_parent_class)->close_request (window);
}

void
ss_window_close_confirmed (SsWindow *self)
{
  self->close_confirmed = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

static void
ss_window_dispose (GObject *object)
{
  SsWindow *self = SS_WINDOW (object);

  /* A file still being read is dropped with the window. */
  ss_window_cancel_load (self);
  if (self->tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->tick_id);
      self->tick_id = 0;
    }
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);

  if (self->data_window != NULL)
    {
      gtk_window_destroy (GTK_WINDOW (self->data_window));
      self->data_window = NULL;
    }
  if (self->view_pages != NULL)
    g_signal_handlers_disconnect_by_data (self->view_pages, self);
  g_clear_object (&self->view_pages);
  g_clear_pointer (&self->cards_menu, gtk_widget_unparent);
  /* The stack shows another page as its pages go: not a view to refresh. */
  if (self->view_stack != NULL)
    g_signal_handlers_disconnect_by_data (self->view_stack, self);
  /* Taken down with the window, as it would have been shown. */
  show_later_views (self, TRUE);
  gtk_widget_dispose_template (GTK_WIDGET (self), SS_TYPE_WINDOW);
  ss_window_sidebar_dispose (self);
  ss_job_cancel (&self->projection_job);
  ss_window_stress_dispose (self);
  ss_window_charts_dispose (self);
  g_clear_object (&self->document);
  g_clear_object (&self->settings);
  g_clear_object (&self->scenario_names);
  g_clear_object (&self->alerts);

  G_OBJECT_CLASS (ss_window_parent_class)->dispose (object);
}

static void
ss_window_finalize (GObject *object)
{
  SsWindow *self = SS_WINDOW (object);

  g_ptr_array_unref (self->chart_projections);
  g_ptr_array_unref (self->chart_cells);
  g_ptr_array_unref (self->stress_cells);
  g_ptr_array_unref (self->stress_projections);
  g_clear_pointer (&self->tornado, ss_sensitivity_free);
  g_clear_pointer (&self->tornado_error, g_free);
  g_free (self->shown_code);

  G_OBJECT_CLASS (ss_window_parent_class)->finalize (object);
}

static void
ss_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  SsWindow *self = SS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_SCENARIO:
      g_value_set_int (value, self->scenario);
      break;
    case PROP_ITEM:
      g_value_set_int (value, self->item);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ss_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  SsWindow *self = SS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      ss_window_set_document (self, g_value_get_object (value));
      break;
    case PROP_SCENARIO:
      ss_window_select (self, g_value_get_int (value), self->item);
      break;
    case PROP_ITEM:
      ss_window_select (self, self->scenario, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ss_window_class_init (SsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = ss_window_dispose;
  object_class->finalize = ss_window_finalize;
  object_class->get_property = ss_window_get_property;
  object_class->set_property = ss_window_set_property;
  window_class->close_request = ss_window_close_request;
  widget_class->realize = ss_window_realize;
  widget_class->unrealize = ss_window_unrealize;

  /* The study the window shows, and what of it: for .ui bindings. */
  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, SS_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* SS_BASELINE (-1) or a scenario's index. */
  properties[PROP_SCENARIO] =
    g_param_spec_int ("scenario", NULL, NULL, SS_BASELINE, SS_MAX_SCENARIOS - 1, SS_BASELINE,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* -1 (the portfolio) or an item's index. */
  properties[PROP_ITEM] =
    g_param_spec_int ("item", NULL, NULL, PORTFOLIO, SS_MAX_ITEMS - 1, PORTFOLIO,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/supplyshift/SupplyShift/ui/ss-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SsWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, SsWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, SsWindow, view_bar);
  gtk_widget_class_bind_template_child (widget_class, SsWindow, flap);
  gtk_widget_class_bind_template_child (widget_class, SsWindow, columns);
  gtk_widget_class_bind_template_child (widget_class, SsWindow, scenario_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SsWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, SsWindow, primary_menu_button);
  gtk_widget_class_bind_template_child (widget_class, SsWindow, item_list);
  gtk_widget_class_bind_template_child (widget_class, SsWindow, item_title);
  gtk_widget_class_bind_template_child (widget_class, SsWindow, item_subtitle);
  gtk_widget_class_bind_template_child (widget_class, SsWindow, alert_badge);
  gtk_widget_class_bind_template_child (widget_class, SsWindow, risk_badge);
  gtk_widget_class_bind_template_child (widget_class, SsWindow, target_badge);
  gtk_widget_class_bind_template_child (widget_class, SsWindow, shares_heading);
  gtk_widget_class_bind_template_child (widget_class, SsWindow, figures_heading);
  gtk_widget_class_bind_template_child (widget_class, SsWindow, year_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SsWindow, shares_section);
  gtk_widget_class_bind_template_child (widget_class, SsWindow, share_editor_box);
  gtk_widget_class_bind_template_child (widget_class, SsWindow, shock_note);
  gtk_widget_class_bind_template_child (widget_class, SsWindow, reset_button);
  gtk_widget_class_bind_template_child (widget_class, SsWindow, levers_group);
  gtk_widget_class_bind_template_child (widget_class, SsWindow, transition_row);
  gtk_widget_class_bind_template_child (widget_class, SsWindow, switching_row);
  gtk_widget_class_bind_template_child (widget_class, SsWindow, subsidy_row);
  gtk_widget_class_bind_template_child (widget_class, SsWindow, stockpile_row);
  gtk_widget_class_bind_template_child (widget_class, SsWindow, transition_spin);
  gtk_widget_class_bind_template_child (widget_class, SsWindow, switching_spin);
  gtk_widget_class_bind_template_child (widget_class, SsWindow, subsidy_spin);
  gtk_widget_class_bind_template_child (widget_class, SsWindow, stockpile_spin);
  gtk_widget_class_bind_template_child (widget_class, SsWindow, stockpile_scope);
  gtk_widget_class_bind_template_child (widget_class, SsWindow, cards_box);
  gtk_widget_class_bind_template_child (widget_class, SsWindow, chart_box);
  gtk_widget_class_bind_template_child (widget_class, SsWindow, alerts_list);
  gtk_widget_class_bind_template_child (widget_class, SsWindow, toasts);
  gtk_widget_class_bind_template_child (widget_class, SsWindow, recent_submenu);

  ss_window_actions_class_init (widget_class);
  ss_window_charts_class_init (widget_class);
  ss_window_files_class_init (widget_class);
  ss_window_import_class_init (widget_class);
  ss_window_brief_class_init (widget_class);
  ss_window_figures_class_init (widget_class);
}

static void
ss_window_init (SsWindow *self)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  g_type_ensure (SS_TYPE_SHARE_EDITOR);
  g_type_ensure (SS_TYPE_COLUMNS);
  gtk_widget_init_template (GTK_WIDGET (self));

  self->chart_projections = g_ptr_array_new ();
  self->chart_cells = g_ptr_array_new ();
  self->stress_cells = g_ptr_array_new ();
  self->stress_projections = g_ptr_array_new ();
  self->scenario = SS_BASELINE;
  self->item = PORTFOLIO;
  self->year = -1;

  /* Settings are optional: an uninstalled run without the compiled schema
   * still works, it just forgets the window size. */
  if (source != NULL && (schema = g_settings_schema_source_lookup (source, APP_ID, TRUE)) != NULL)
    {
      self->settings = g_settings_new (APP_ID);
      gtk_window_set_default_size (GTK_WINDOW (self), g_settings_get_int (self->settings, "window-width"),
                                   g_settings_get_int (self->settings, "window-height"));
      if (g_settings_get_boolean (self->settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));
    }
  if (g_getenv ("SUPPLYSHIFT_WINDOW_SIZE") != NULL)
    {
      int width = 0, height = 0;

      if (sscanf (g_getenv ("SUPPLYSHIFT_WINDOW_SIZE"), "%dx%d", &width, &height) == 2)
        gtk_window_set_default_size (GTK_WINDOW (self), width, height);
    }

  self->scenario_names = gtk_string_list_new (NULL);
  gtk_drop_down_set_model (self->scenario_dropdown, G_LIST_MODEL (self->scenario_names));
  g_signal_connect_object (self->scenario_dropdown, "notify::selected",
                           G_CALLBACK (on_scenario_selected), self, G_CONNECT_SWAPPED);

  ss_window_sidebar_init (self);
  views_init (self);
  ss_window_compare_init (self);
  ss_window_stress_init (self);

  self->share_editor = SS_SHARE_EDITOR (ss_share_editor_new ());
  gtk_box_append (GTK_BOX (self->share_editor_box), GTK_WIDGET (self->share_editor));
  g_signal_connect_object (self->share_editor, "edit-begin", G_CALLBACK (on_editor_begin), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->share_editor, "shares-changed", G_CALLBACK (on_editor_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->share_editor, "edit-end", G_CALLBACK (on_editor_end), self,
                           G_CONNECT_SWAPPED);

  g_signal_connect_object (self->transition_spin, "value-changed", G_CALLBACK (on_lever_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->switching_spin, "value-changed", G_CALLBACK (on_lever_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->subsidy_spin, "value-changed", G_CALLBACK (on_lever_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->stockpile_spin, "value-changed", G_CALLBACK (on_lever_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->stockpile_scope, "notify::selected", G_CALLBACK (on_stockpile_scope_changed),
                           self, G_CONNECT_SWAPPED);
  ss_input_guard (GTK_WIDGET (self->transition_spin));
  ss_input_guard (GTK_WIDGET (self->switching_spin));
  ss_input_guard (GTK_WIDGET (self->subsidy_spin));
  ss_input_guard (GTK_WIDGET (self->stockpile_spin));
  ss_input_guard_set_label (GTK_WIDGET (self->transition_spin), _("Transition"), SS_UNIT_NONE);
  ss_input_guard_set_label (GTK_WIDGET (self->switching_spin), _("Switching cost"), SS_UNIT_PERCENT);
  ss_input_guard_set_label (GTK_WIDGET (self->subsidy_spin), _("Subsidy"), SS_UNIT_PERCENT);
  ss_input_guard_set_label (GTK_WIDGET (self->stockpile_spin), _("Stockpile"), SS_UNIT_NONE);

  ss_window_figures_init (self);
  ss_window_alerts_init (self);
  ss_window_charts_init (self);

  ss_window_files_init (self);
  ss_window_autosave_init (self);
  ss_window_pages_init (self);
  ss_window_import_init (self);

  if (g_getenv ("SUPPLYSHIFT_SCENARIO") != NULL || g_getenv ("SUPPLYSHIFT_ITEM") != NULL)
    g_signal_connect (self, "map", G_CALLBACK (select_initial), NULL);

  /* For screen readers (tests/test-a11y.py): GTK 4.8's own names. The
   * year list's label names it "Year", its own name says more. */
  ss_accessible_name_menu_button (self->primary_menu_button, _("Main menu"));
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (self->year_dropdown), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  ss_accessible_tidy (GTK_WIDGET (self));
}

SsWindow *
ss_window_new (SsApplication *app)
{
  return g_object_new (SS_TYPE_WINDOW, "application", app, NULL);
}
