/* ss-window-private.h: what the window's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ss-alerts.h"
#include "ss-autosave.h"
#include "ss-chart.h"
#include "ss-data-window.h"
#include "ss-document.h"
#include "ss-item-model.h"
#include "ss-job.h"
#include "ss-mix-bar.h"
#include "ss-sensitivity.h"
#include "ss-share-editor.h"
#include "ssc-chart.h"
#include "ss-window.h"

G_BEGIN_DECLS

/* The item the window shows: the portfolio, or an item's index. */
#define PORTFOLIO (-1)

enum
{
  CARD_PREMIUM,
  CARD_RISK,
  CARD_HHI,
  CARD_CHINA,
  CARD_SHORTFALL,
  CARD_VAR,
  CARD_ALERT,
  N_CARDS
};

/* A row of the sidebar, made once and bound to one item after another
 * (ss-window-sidebar.c). */
typedef struct
{
  GtkWidget      *box;
  GtkLabel       *title;
  GtkLabel       *code;
  GtkInscription *alert;
  SsMixBar       *bar;
  int             index;                         /* PORTFOLIO or an item's, while bound */
} ItemRow;

/* The window's state, shared by its files (ss-window*.c): each part
 * keeps to its own fields and widgets. */
struct _SsWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  AdwViewSwitcherTitle *window_title;
  AdwViewStack         *view_stack;
  AdwViewSwitcherBar   *view_bar;
  AdwFlap              *flap;
  GtkWidget            *columns;
  GtkDropDown          *scenario_dropdown;
  GtkSearchEntry       *search_entry;
  GtkListView          *item_list;
  GtkLabel             *item_title;
  GtkLabel             *item_subtitle;
  GtkLabel             *alert_badge;
  GtkLabel             *risk_badge;
  GtkLabel             *target_badge;
  GtkLabel             *shares_heading;
  GtkLabel             *figures_heading;
  GtkDropDown          *year_dropdown;
  GtkWidget            *shares_section;
  GtkWidget            *share_editor_box;
  GtkWidget            *shock_note;
  GtkWidget            *reset_button;
  GtkWidget            *levers_group;
  GtkWidget            *transition_row;
  GtkWidget            *switching_row;
  GtkWidget            *subsidy_row;
  AdwActionRow         *stockpile_row;
  GtkSpinButton        *transition_spin;
  GtkSpinButton        *switching_spin;
  GtkSpinButton        *subsidy_spin;
  GtkSpinButton        *stockpile_spin;
  GtkDropDown          *stockpile_scope;
  GtkFlowBox           *cards_box;
  GtkWidget            *chart_box;
  GtkListBox           *alerts_list;
  AdwToastOverlay      *toasts;
  GMenu                *recent_submenu;
  GtkMenuButton        *primary_menu_button;

  /* The study data window: countries, items, scenarios */
  SsDataWindow         *data_window;

  /* Owned */
  SsDocument           *document;
  GSettings            *settings;
  SsItemModel          *item_model;              /* the portfolio, then the items */
  GtkSingleSelection   *item_selection;          /* over the search's filter of it */
  GPtrArray            *bound_rows;              /* of ItemRow, the rows on screen */
  GtkStringList        *scenario_names;
  guint                 tick_id;
  SsJob                 projection_job;          /* a worker computing the projection shown */
  SsAlertList          *alerts;
  GListModel           *view_pages;              /* the view stack's */
  GPtrArray            *later_views;             /* of GtkScrolledWindow, their contents held back */
  gulong                first_paint_id;          /* on the frame clock, until the first frame */

  /* Borrowed (children) */
  SsShareEditor        *share_editor;
  SsChart              *chart;
  GtkDropDown          *chart_kind;
  GPtrArray            *chart_projections;       /* borrowed from the document */
  GtkWidget            *cards[N_CARDS];
  GtkWidget            *cards_menu;              /* the cards' context menu */

  int                   scenario;                /* SS_BASELINE or an index */
  int                   item;                    /* PORTFOLIO or an index */
  char                 *shown_code;              /* the item's code, to find it again */
  int                   year;                    /* the year shown: an index, or -1 for the last */
  gboolean              updating;                /* setting widgets, not editing */
  gboolean              editor_dragging;
  gboolean              alerts_reword;           /* names or lines changed */
  gboolean              close_confirmed;

  /* The charts pane's links (ss-window-charts.c): the mix chosen on the
   * frontier for "Use This Mix", and the note naming the frontier's item */
  GtkWidget            *use_mix_button;
  GtkLabel             *chart_note;
  int                   mix_item;                /* -1: no mix chosen */
  int                   mix_scenario;
  double                mix[SS_MAX_COUNTRIES];

  /* The charts pane's tornado (ss-window-charts.c): its figure, and the
   * tornado computed for the scenario shown, NULL when stale */
  GtkDropDown          *tornado_figure;
  SsSensitivity        *tornado;
  char                 *tornado_error;           /* why there is none */
  gboolean              tornado_stale;           /* an edit since it was computed */
  gboolean              tornado_done;            /* computed (or refused) for: */
  int                   tornado_scenario;
  guint                 tornado_figure_done;
  SsJob                 charts_job;              /* a worker computing every scenario or cell */
  gboolean              charts_computing;        /* the chart waits for it */
  SsJob                 tornado_job;             /* a worker computing one, of: */
  int                   tornado_job_scenario;
  guint                 tornado_job_figure;
  GPtrArray            *chart_cells;             /* the stress grid, borrowed from the document */

  /* The Compare view (ss-window-compare.c) */
  GtkWidget            *compare_view;

  /* The Stress test view (ss-window-stress.c): the grid, and the cell
   * picked with its figures and chart */
  GtkWidget            *stress_page;
  GtkWidget            *stress_content;          /* the grid and the cell: hidden while computed */
  GtkWidget            *stress_computing;
  SsJob                 stress_job;              /* a worker computing the grid */
  SsChart              *stress_chart;
  SsChart              *stress_cell_chart;
  GtkDropDown          *stress_cell_kind;
  GtkLabel             *stress_cell_title;
  GtkLabel             *stress_cell_values[5];
  GtkLabel             *stress_cell_labels[5];
  GPtrArray            *stress_cells;            /* borrowed from the document */
  GPtrArray            *stress_projections;      /* borrowed from the document */
  int                   stress_strategy;         /* the cell picked */
  int                   stress_shock;
};

/* What an item (or the portfolio) is alerted for in one year: its
 * dependence level (model.md §6; the portfolio's is its worst item's),
 * and beside it how many items have a supply risk of 1 or more and how
 * many are over the policy target in force (an item: 0 or 1). */
typedef struct
{
  SsAlertLevel level;
  guint        n_risk;
  guint        n_over_target;
} SsItemStatus;

/* The window reads the study; it changes only through the document. */
static inline const SsStudy *
ss_window_study (SsWindow *self)
{
  return ss_document_get_study (self->document);
}

const SsScenario *ss_window_scenario         (SsWindow       *self);
void           ss_window_set_shown          (SsWindow       *self,
                                             int             scenario,
                                             int             item);
void           ss_window_queue_update       (SsWindow       *self);
void           ss_window_add_view_later     (SsWindow          *self,
                                             GtkScrolledWindow *scroller,
                                             GtkWidget         *content);

/* ss-window-figures.c: the year shown, the cards, and figures and levels in words */
guint          ss_window_year_index         (SsWindow       *self);
void           ss_window_year_rebuild       (SsWindow       *self);
void           ss_window_figures_class_init (GtkWidgetClass *widget_class);
void           ss_window_figures_init       (SsWindow       *self);
void           ss_window_figures_update     (SsWindow           *self,
                                             const SsProjection *p,
                                             const SsProjection *b);
const char    *ss_window_alert_css_class    (SsAlertLevel    level);
void           ss_window_set_alert_inscription (GtkInscription *inscription,
                                             SsAlertLevel    level);
void           ss_window_get_status         (SsWindow           *self,
                                             const SsProjection *p,
                                             int                 item,
                                             guint               year,
                                             SsItemStatus       *status);
void           ss_window_set_status_inscription (GtkInscription     *inscription,
                                             const SsProjection *p,
                                             const SsItemStatus *status,
                                             guint               year);
void           ss_window_set_label          (GtkLabel       *label,
                                             const char     *text);

/* ss-window-alerts.c */
void           ss_window_alerts_init        (SsWindow       *self);
void           ss_window_alerts_update      (SsWindow           *self,
                                             const SsProjection *p);

/* ss-window-charts.c */
void           ss_window_charts_class_init  (GtkWidgetClass *widget_class);
void           ss_window_charts_init        (SsWindow       *self);
void           ss_window_charts_update      (SsWindow       *self);
void           ss_window_charts_dispose     (SsWindow       *self);
void           ss_window_charts_changed     (SsWindow       *self,
                                             gboolean        structure);

/* ss-window-brief.c: File → Export Briefing… */
void           ss_window_brief_class_init   (GtkWidgetClass *widget_class);

/* ss-window-stress.c */
void           ss_window_stress_init        (SsWindow       *self);
void           ss_window_stress_update      (SsWindow       *self);
void           ss_window_stress_rebuild     (SsWindow       *self);
void           ss_window_stress_dispose     (SsWindow       *self);

/* ss-window-compare.c */
void           ss_window_compare_init       (SsWindow       *self);
void           ss_window_compare_set_document (SsWindow     *self,
                                             SsDocument     *document);

/* ss-window-sidebar.c */
void           ss_window_sidebar_init       (SsWindow       *self);
void           ss_window_sidebar_rebuild    (SsWindow       *self);
void           ss_window_sidebar_update     (SsWindow           *self,
                                             const SsProjection *p);
void           ss_window_sidebar_select     (SsWindow       *self);
void           ss_window_sidebar_dispose    (SsWindow       *self);

/* ss-window-import.c: File → Import Trade Statistics… */
void           ss_window_import_class_init  (GtkWidgetClass *widget_class);
void           ss_window_import_init        (SsWindow       *self);

/* ss-window-actions.c: actions, and the study data window */
void           ss_window_actions_class_init (GtkWidgetClass *widget_class);
void           ss_window_actions_update     (SsWindow       *self);
SsDataWindow  *ss_window_data_window        (SsWindow       *self);

/* ss-window-files.c and ss-window-pages.c */

/* What to do once unsaved changes are saved or discarded. */
typedef enum
{
  SS_PENDING_CLOSE,
  SS_PENDING_OPEN_DIALOG,
  SS_PENDING_OPEN_FILE,
  SS_PENDING_NEW,
  SS_PENDING_NEW_FROM_SAMPLE,
} SsPending;

void           ss_window_files_class_init   (GtkWidgetClass *widget_class);
void           ss_window_files_init         (SsWindow       *self);
void           ss_window_files_set_document (SsWindow       *self,
                                             SsDocument     *document);
void           ss_window_autosave_init      (SsWindow       *self);
void           ss_window_autosave_close     (SsWindow       *self);
void           ss_window_autosave_set_document (SsWindow    *self,
                                             SsDocument     *document);
const char    *ss_window_autosave_get_id    (SsWindow       *self);
gboolean       ss_window_recover            (SsWindow       *self,
                                             SsAutosaveEntry *entry,
                                             GError        **error);
void           ss_window_offer_recovery     (SsWindow       *self,
                                             GPtrArray      *entries);
void           ss_window_pages_init         (SsWindow       *self);
void           ss_window_pages_set_document (SsWindow       *self,
                                             SsDocument     *document);

void           ss_window_confirm_discard    (SsWindow       *self,
                                             SsPending       pending,
                                             GFile          *file);
void           ss_window_close_confirmed    (SsWindow       *self);
void           ss_window_refresh            (SsWindow       *self);
const SsProjection *ss_window_projection (SsWindow      *self,
                                        int            scenario);
void           ss_window_toast              (SsWindow       *self,
                                             const char     *message);
GSettings     *ss_window_get_settings       (SsWindow       *self);
GMenu         *_ss_window_get_recent_menu   (SsWindow       *self);
GtkWidget     *_ss_window_get_content       (SsWindow       *self);

G_END_DECLS
