/* ss-document.c: an open study — its file, its edits and undo, its projections
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every edit goes through here: begin_edit() opens an edit, the caller
 * changes the study and calls changed() (as often as it likes, e.g. on
 * every step of a slider drag), and end_edit() makes the whole edit one
 * undo step. The document keeps a copy of the study as the last step
 * left it (the shadow); a step is the parts of that copy the edit
 * changed (ss-study-patch.c), so every kind of edit is undoable without
 * a command class per edit, and a slider's step costs an item's worth of
 * memory, not the study's.
 *
 * Projections are cached per scenario and recomputed lazily, so a drag
 * that changes one scenario costs one recompute per frame, of that
 * scenario only. Within a gesture (begin_edit … end_edit), an edit of one
 * item's targets or baseline shares costs less still: the projections it
 * touches are brought up to date for that item alone
 * (ss_engine_update_item()), and computed in full again once the gesture
 * ends, so the figures after it are those of a fresh projection. So are the cells of the stress grid (model.md §8): an
 * edit of a strategy makes its row stale, an edit of a shock scenario its
 * column, an edit of the baseline's data everything; a cell is computed
 * again only when asked for. The grid's first column (no shock) is the
 * strategies' own projections, so it is not held twice.
 */

#define G_LOG_DOMAIN "supplyshift-document"

#include "config.h"

#include <string.h>

#include "ss-document.h"
#include "ss-document-private.h"
#include "ss-study-patch.h"

#define MAX_UNDO 100
/* The history's bytes, undo and redo together: the oldest steps go
 * first; the newest is kept whatever its size. */
#define MAX_HISTORY_BYTES ((gsize)256 << 20)




/* More items than this in one gesture: a full projection costs less. */
#define MAX_PENDING_ITEMS 16

static void
pending_clear (Pending *pending)
{
  g_clear_pointer (&pending->items, g_array_unref);
}


/* The projection must bring item up to date, unless it is stale anyway. */
static void
pending_add (gboolean *stale,
             Pending  *pending,
             guint     item)
{
  if (*stale)
    return;
  if (pending->items == NULL)
    pending->items = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint k = 0; k < pending->items->len; k++)
    if (g_array_index (pending->items, guint, k) == item)
      return;
  if (pending->items->len >= MAX_PENDING_ITEMS)
    {
      *stale = TRUE;
      _ss_pending_reset (pending);
      return;
    }
  g_array_append_val (pending->items, item);
}



G_DEFINE_FINAL_TYPE (SsDocument, ss_document, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_FILE,
  PROP_MODIFIED,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  N_PROPS
};

enum
{
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
ss_document_dispose (GObject *object)
{
  SsDocument *self = SS_DOCUMENT (object);

  g_queue_clear_full (&self->undo, (GDestroyNotify)ss_study_patch_free);
  g_queue_clear_full (&self->redo, (GDestroyNotify)ss_study_patch_free);
  g_queue_clear (&self->undo_states);
  g_queue_clear (&self->redo_states);
  g_clear_object (&self->shadow);
  g_clear_pointer (&self->worker, _ss_document_worker_release);
  g_clear_object (&self->study);
  g_clear_object (&self->file);

  G_OBJECT_CLASS (ss_document_parent_class)->dispose (object);
}

static void
ss_document_finalize (GObject *object)
{
  SsDocument *self = SS_DOCUMENT (object);

  g_clear_pointer (&self->projections, g_ptr_array_unref);
  g_clear_pointer (&self->projected_ids, g_ptr_array_unref);
  g_clear_pointer (&self->stale, g_array_unref);
  g_clear_pointer (&self->pending, g_array_unref);
  g_clear_pointer (&self->cell_pending, g_array_unref);
  g_clear_pointer (&self->strategies, g_array_unref);
  g_clear_pointer (&self->shocks, g_array_unref);
  g_clear_pointer (&self->cells, g_ptr_array_unref);
  g_clear_pointer (&self->cell_stale, g_array_unref);
  g_clear_pointer (&self->full_ns, g_array_unref);

  G_OBJECT_CLASS (ss_document_parent_class)->finalize (object);
}

static void
ss_document_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  SsDocument *self = SS_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    case PROP_MODIFIED:
      g_value_set_boolean (value, ss_document_get_modified (self));
      break;
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, ss_document_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, ss_document_can_redo (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ss_document_class_init (SsDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ss_document_dispose;
  object_class->finalize = ss_document_finalize;
  object_class->get_property = ss_document_get_property;

  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SsDocument::changed:
   * @change: the #SsChange flags of what changed
   * @scenario: the scenario changed, with %SS_CHANGE_SCENARIO
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_INT);
}

static void
ss_document_init (SsDocument *self)
{
  g_queue_init (&self->undo);
  g_queue_init (&self->redo);
  g_queue_init (&self->undo_states);
  g_queue_init (&self->redo_states);
  self->projections = g_ptr_array_new_with_free_func ((GDestroyNotify)ss_projection_free);
  self->projected_ids = g_ptr_array_new_with_free_func (g_free);
  self->stale = g_array_new (FALSE, FALSE, sizeof (gboolean));
  self->pending = g_array_new (FALSE, TRUE, sizeof (Pending));
  g_array_set_clear_func (self->pending, (GDestroyNotify)pending_clear);
  self->cell_pending = g_array_new (FALSE, TRUE, sizeof (Pending));
  g_array_set_clear_func (self->cell_pending, (GDestroyNotify)pending_clear);
  self->strategies = g_array_new (FALSE, FALSE, sizeof (int));
  self->shocks = g_array_new (FALSE, FALSE, sizeof (int));
  self->cells = g_ptr_array_new_with_free_func ((GDestroyNotify)ss_projection_free);
  self->cell_stale = g_array_new (FALSE, FALSE, sizeof (gboolean));
}

/* Where a scenario sits on the grid's axes: its row (a strategy), its
 * column (a shock), or -1. */
int
_ss_document_axis_index (GArray *axis,
                         int     scenario)
{
  for (guint k = 0; k < axis->len; k++)
    if (g_array_index (axis, int, k) == scenario)
      return k;
  return -1;
}

static void
cell_mark_stale (SsDocument *self,
                 guint       row,
                 guint       column)
{
  g_array_index (self->cell_stale, gboolean, row * self->shocks->len + column) = TRUE;
}

/* Matches the projection cache and the grid to the study's scenarios,
 * all stale. */
static void
invalidate_all (SsDocument *self)
{
  guint n = 1 + ss_study_get_n_scenarios (self->study);
  guint n_cells;

  while (self->projections->len < n)
    g_ptr_array_add (self->projections, ss_projection_new ());
  if (self->projections->len > n)
    g_ptr_array_set_size (self->projections, n);
  g_ptr_array_set_size (self->projected_ids, n);
  g_array_set_size (self->stale, n);
  g_array_set_size (self->pending, n);
  for (guint k = 0; k < n; k++)
    {
      g_array_index (self->stale, gboolean, k) = TRUE;
      _ss_pending_reset (&g_array_index (self->pending, Pending, k));
    }

  ss_study_get_stress_axes (self->study, self->strategies, self->shocks);
  n_cells = self->strategies->len * self->shocks->len;
  /* A scenario of another kind can keep the number of cells and move
   * column 0 (which holds none): so the cells follow the shape. */
  g_ptr_array_set_size (self->cells, n_cells);
  for (guint k = 0; k < n_cells; k++)
    {
      gboolean own = k % self->shocks->len == 0;

      if (own)
        g_clear_pointer (&g_ptr_array_index (self->cells, k), ss_projection_free);
      else if (g_ptr_array_index (self->cells, k) == NULL)
        g_ptr_array_index (self->cells, k) = ss_projection_new ();
    }
  g_array_set_size (self->cell_stale, n_cells);
  g_array_set_size (self->cell_pending, n_cells);
  for (guint k = 0; k < n_cells; k++)
    {
      g_array_index (self->cell_stale, gboolean, k) = TRUE;
      _ss_pending_reset (&g_array_index (self->cell_pending, Pending, k));
    }
}

/* A strategy's edit changes its row; a shock scenario's its column, the
 * premium of every strategy in that world included. */
static void
invalidate_scenario (SsDocument *self,
                     int         scenario)
{
  int row = _ss_document_axis_index (self->strategies, scenario);
  int column = _ss_document_axis_index (self->shocks, scenario);

  if ((guint)scenario + 1 < self->stale->len)
    g_array_index (self->stale, gboolean, scenario + 1) = TRUE;
  for (guint k = 0; row >= 0 && k < self->shocks->len; k++)
    cell_mark_stale (self, row, k);
  for (guint k = 0; column >= 0 && k < self->strategies->len; k++)
    cell_mark_stale (self, k, column);
}

/* One item's targets in a strategy, or its baseline shares (every
 * scenario and cell), changed during a gesture: the projections that
 * show it bring that item up to date when next asked for. */
static void
invalidate_item (SsDocument *self,
                 SsChange    change,
                 int         scenario,
                 guint       item)
{
  int row = _ss_document_axis_index (self->strategies, scenario);

  if (change & SS_CHANGE_BASELINE)
    {
      for (guint k = 0; k < self->projections->len; k++)
        pending_add (&g_array_index (self->stale, gboolean, k),
                     &g_array_index (self->pending, Pending, k), item);
      for (guint k = 0; k < self->cells->len; k++)
        if (g_ptr_array_index (self->cells, k) != NULL)
          pending_add (&g_array_index (self->cell_stale, gboolean, k),
                       &g_array_index (self->cell_pending, Pending, k), item);
      return;
    }
  g_return_if_fail (scenario >= 0 && (guint)scenario + 1 < self->projections->len);
  pending_add (&g_array_index (self->stale, gboolean, scenario + 1),
               &g_array_index (self->pending, Pending, scenario + 1), item);
  for (guint k = 1; row >= 0 && k < self->shocks->len; k++)
    {
      gsize at = (gsize)row * self->shocks->len + k;

      pending_add (&g_array_index (self->cell_stale, gboolean, at),
                   &g_array_index (self->cell_pending, Pending, at), item);
    }
}

/* The gesture ended: whatever was brought up to date item by item is
 * computed in full when next asked for. */
static void
settle_pending (SsDocument *self)
{
  for (guint k = 0; k < self->pending->len; k++)
    {
      Pending *pending = &g_array_index (self->pending, Pending, k);

      if (pending->inexact || (pending->items != NULL && pending->items->len > 0))
        g_array_index (self->stale, gboolean, k) = TRUE;
      _ss_pending_reset (pending);
    }
  for (guint k = 0; k < self->cell_pending->len; k++)
    {
      Pending *pending = &g_array_index (self->cell_pending, Pending, k);

      if (pending->inexact || (pending->items != NULL && pending->items->len > 0))
        g_array_index (self->cell_stale, gboolean, k) = TRUE;
      _ss_pending_reset (pending);
    }
}

/* Which scenario the projection at its index was last computed for, so
 * that ss_document_peek_projection() never shows one scenario's figures
 * as another's after scenarios move. */
void
_ss_document_set_projected_id (SsDocument *self,
                               int         scenario)
{
  const char *id = scenario == SS_BASELINE ? ""
                   : ss_study_get_scenario (self->study, scenario)->id;
  char **slot = (char **)&g_ptr_array_index (self->projected_ids, scenario + 1);

  if (g_strcmp0 (*slot, id) != 0)
    {
      g_free (*slot);
      *slot = g_strdup (id);
    }
}

/* Brings p up to date: in full if stale, else for its pending items. */
static void
refresh (SsDocument         *self,
         SsProjection       *p,
         gboolean           *stale,
         Pending            *pending,
         int                 strategy,
         int                 shock,
         const SsProjection *reference)
{
  if (*stale)
    {
      ss_engine_project_cell (self->study, strategy, shock, reference, p);
      *stale = FALSE;
      _ss_pending_reset (pending);
      if (shock == SS_NO_SHOCK)
        _ss_document_set_projected_id (self, strategy);
      return;
    }
  for (guint k = 0; pending->items != NULL && k < pending->items->len; k++)
    {
      ss_engine_update_item (self->study, reference, g_array_index (pending->items, guint, k), p);
      pending->inexact = TRUE;
      self->n_item_updates++;
    }
  if (pending->items != NULL)
    g_array_set_size (pending->items, 0);
}

SsDocument *
ss_document_new (SsStudy *study,
                 GFile   *file)
{
  SsDocument *self = g_object_new (SS_TYPE_DOCUMENT, NULL);

  g_return_val_if_fail (SS_IS_STUDY (study), NULL);

  static guint64 serials;

  self->study = g_object_ref (study);
  self->shadow = ss_study_copy (study);
  self->serial = ++serials;
  g_set_object (&self->file, file);
  invalidate_all (self);
  return self;
}

/* The study, to read: it changes only through the operations of
 * ss-document-edit.c, ss-document-data.c and ss-document-scenario.c. */
const SsStudy *
ss_document_get_study (SsDocument *self)
{
  g_return_val_if_fail (SS_IS_DOCUMENT (self), NULL);
  return self->study;
}

GFile *
ss_document_get_file (SsDocument *self)
{
  g_return_val_if_fail (SS_IS_DOCUMENT (self), NULL);
  return self->file;
}

void
ss_document_set_file (SsDocument *self,
                      GFile      *file)
{
  g_return_if_fail (SS_IS_DOCUMENT (self));

  if (g_set_object (&self->file, file))
    {
      memset (&self->disk_stamp, 0, sizeof self->disk_stamp);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
    }
}

/* The study holds edits that are in no file, though nothing was edited
 * here: a study recovered from an autosave copy. */
void
ss_document_mark_unsaved (SsDocument *self)
{
  g_return_if_fail (SS_IS_DOCUMENT (self));

  if (self->saved_state != G_MAXUINT64)
    {
      self->saved_state = G_MAXUINT64;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
    }
}

/* What the file was on disk when the study was read from it or last
 * written to it: saving compares it with what the file is now, so that a
 * change made by someone else is never overwritten unawares. */
void
ss_document_set_disk_stamp (SsDocument        *self,
                            const SsFileStamp *stamp)
{
  g_return_if_fail (SS_IS_DOCUMENT (self));

  if (stamp != NULL)
    self->disk_stamp = *stamp;
  else
    memset (&self->disk_stamp, 0, sizeof self->disk_stamp);
}

const SsFileStamp *
ss_document_get_disk_stamp (SsDocument *self)
{
  g_return_val_if_fail (SS_IS_DOCUMENT (self), NULL);
  return &self->disk_stamp;
}

/* The file's name, or the study's title for a study never saved. */
char *
ss_document_get_display_name (SsDocument *self)
{
  if (self->file != NULL)
    return ss_file_get_display_basename (self->file);
  return g_strdup (ss_study_get_meta (self->study)->title);
}

gboolean
ss_document_get_modified (SsDocument *self)
{
  g_return_val_if_fail (SS_IS_DOCUMENT (self), FALSE);
  return self->state != self->saved_state;
}

void
ss_document_mark_saved (SsDocument *self)
{
  gboolean was = ss_document_get_modified (self);

  self->saved_state = self->state;
  if (was)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

gboolean
ss_document_can_undo (SsDocument *self)
{
  return !g_queue_is_empty (&self->undo);
}

gboolean
ss_document_can_redo (SsDocument *self)
{
  return !g_queue_is_empty (&self->redo);
}

static void
notify_state (SsDocument *self,
              gboolean    was_modified,
              gboolean    could_undo,
              gboolean    could_redo)
{
  if (was_modified != ss_document_get_modified (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
  if (could_undo != ss_document_can_undo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  if (could_redo != ss_document_can_redo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
}

void
ss_document_begin_edit (SsDocument *self)
{
  g_return_if_fail (SS_IS_DOCUMENT (self));
  g_return_if_fail (!self->in_edit);

  self->in_edit = TRUE;
  self->edit_changed = FALSE;
}

gboolean
ss_document_in_edit (SsDocument *self)
{
  return self->in_edit;
}

static void
emit_changed (SsDocument *self,
              SsChange    change,
              int         scenario,
              SsStale     stale)
{
  self->generation++;
  if (stale == SS_STALE_ALL)
    invalidate_all (self);
  else if (stale == SS_STALE_SCENARIO && scenario >= 0)
    invalidate_scenario (self, scenario);

  g_signal_emit (self, signals[CHANGED], 0, (guint)change, scenario);
}

/* What a change makes stale when the caller does not say. */
static SsStale
stale_of (SsChange change)
{
  if (change & (SS_CHANGE_STRUCTURE | SS_CHANGE_BASELINE))
    return SS_STALE_ALL;
  return SS_STALE_SCENARIO;
}

void
ss_document_changed (SsDocument *self,
                     SsChange    change,
                     int         scenario)
{
  g_return_if_fail (SS_IS_DOCUMENT (self));
  g_return_if_fail (self->in_edit);

  _ss_document_touch (self, change, scenario, stale_of (change));
}

/* The study as the document's own edits may write it. */
SsStudy *
_ss_document_study (SsDocument *self)
{
  return self->study;
}

/* Opens an edit unless one is under way, which the caller's change then
 * joins; returns whether it opened one, for _ss_document_close(). */
gboolean
_ss_document_open (SsDocument *self)
{
  if (self->in_edit)
    return FALSE;
  ss_document_begin_edit (self);
  return TRUE;
}

/* Records a change of one item's targets in a strategy (SS_CHANGE_SCENARIO)
 * or of its baseline shares (SS_CHANGE_BASELINE), within the gesture
 * under way, which the caller joined: the projections showing it bring
 * that item up to date instead of computing everything again. */
void
_ss_document_touch_item (SsDocument *self,
                         SsChange    change,
                         int         scenario,
                         guint       item)
{
  g_assert (self->in_edit);

  self->edit_changed = TRUE;
  self->generation++;
  invalidate_item (self, change, scenario, item);
  g_signal_emit (self, signals[CHANGED], 0, (guint)change, scenario);
}

/* Records a change of the edit under way: the caller says what it touched
 * (for views) and which projections it makes stale. */
void
_ss_document_touch (SsDocument *self,
                    SsChange    change,
                    int         scenario,
                    SsStale     stale)
{
  g_assert (self->in_edit);

  self->edit_changed = TRUE;
  emit_changed (self, change, scenario, stale);
}

void
_ss_document_close (SsDocument *self,
                    gboolean    opened)
{
  if (opened)
    ss_document_end_edit (self);
}

/* The history's bytes, undo and redo together. */
gsize
ss_document_get_history_size (SsDocument *self)
{
  gsize size = 0;

  g_return_val_if_fail (SS_IS_DOCUMENT (self), 0);

  for (GList *l = self->undo.head; l != NULL; l = l->next)
    size += ss_study_patch_get_size (l->data);
  for (GList *l = self->redo.head; l != NULL; l = l->next)
    size += ss_study_patch_get_size (l->data);
  return size;
}

/* The oldest steps go while there are too many or they take too much. */
static void
trim_history (SsDocument *self)
{
  while (g_queue_get_length (&self->undo) > MAX_UNDO
         || (g_queue_get_length (&self->undo) > 1
             && ss_document_get_history_size (self) > MAX_HISTORY_BYTES))
    {
      ss_study_patch_free (g_queue_pop_tail (&self->undo));
      g_queue_pop_tail (&self->undo_states);
    }
}

/* Makes the edit under way one undo step; an edit that changed nothing
 * (a slider let go where it was taken) leaves no step. The step holds
 * only the parts of the study the edit changed (ss-study-patch.c). */
void
ss_document_end_edit (SsDocument *self)
{
  gboolean was_modified = ss_document_get_modified (self);
  gboolean could_undo = ss_document_can_undo (self);
  gboolean could_redo = ss_document_can_redo (self);
  SsStudyPatch *patch;

  g_return_if_fail (SS_IS_DOCUMENT (self));
  g_return_if_fail (self->in_edit);

  self->in_edit = FALSE;
  settle_pending (self);
  if (!self->edit_changed)
    return;
  patch = ss_study_patch_sync (self->shadow, self->study);
  if (patch == NULL)
    return;

  g_queue_push_head (&self->undo, patch);
  g_queue_push_head (&self->undo_states, GSIZE_TO_POINTER ((gsize)self->state));
  g_queue_clear_full (&self->redo, (GDestroyNotify)ss_study_patch_free);
  g_queue_clear (&self->redo_states);
  trim_history (self);
  self->state = ++self->next_state;

  notify_state (self, was_modified, could_undo, could_redo);
}

/* Puts the study back as it was when the edit began. */
void
ss_document_cancel_edit (SsDocument *self)
{
  g_return_if_fail (self->in_edit);

  self->in_edit = FALSE;
  if (self->edit_changed)
    {
      /* The study takes the shadow's parts where they differ; what the
       * edit wrote goes. */
      g_autoptr(SsStudyPatch) edit = ss_study_patch_sync (self->study, self->shadow);

      emit_changed (self, SS_CHANGE_STRUCTURE, -1, SS_STALE_ALL);
    }
}

/* Moves one step from `from` to `to` (undo or redo): the step's parts
 * and the study's change places, so the same step goes back the other
 * way. */
static gboolean
step (SsDocument *self,
      GQueue     *from,
      GQueue     *from_states,
      GQueue     *to,
      GQueue     *to_states)
{
  gboolean was_modified = ss_document_get_modified (self);
  gboolean could_undo = ss_document_can_undo (self);
  gboolean could_redo = ss_document_can_redo (self);
  SsStudyPatch *patch;
  g_autoptr(SsStudyPatch) again = NULL;

  g_return_val_if_fail (!self->in_edit, FALSE);

  if (g_queue_is_empty (from))
    return FALSE;

  patch = g_queue_pop_head (from);
  ss_study_patch_swap (patch, self->study);
  /* The shadow follows: it differs from the study where the patch does. */
  again = ss_study_patch_sync (self->shadow, self->study);
  g_queue_push_head (to, patch);
  g_queue_push_head (to_states, GSIZE_TO_POINTER ((gsize)self->state));
  self->state = GPOINTER_TO_SIZE (g_queue_pop_head (from_states));

  emit_changed (self, SS_CHANGE_STRUCTURE, -1, SS_STALE_ALL);
  notify_state (self, was_modified, could_undo, could_redo);
  return TRUE;
}

gboolean
ss_document_undo (SsDocument *self)
{
  g_return_val_if_fail (SS_IS_DOCUMENT (self), FALSE);
  return step (self, &self->undo, &self->undo_states, &self->redo, &self->redo_states);
}

gboolean
ss_document_redo (SsDocument *self)
{
  g_return_val_if_fail (SS_IS_DOCUMENT (self), FALSE);
  return step (self, &self->redo, &self->redo_states, &self->undo, &self->undo_states);
}

/* The projection of a scenario (or SS_BASELINE), recomputed if an edit
 * made it stale. The pointer stays valid until the next change. */
const SsProjection *
ss_document_get_projection (SsDocument *self,
                            int         scenario)
{
  guint index = scenario + 1;
  SsProjection *baseline;

  g_return_val_if_fail (SS_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (index < self->projections->len, NULL);

  baseline = g_ptr_array_index (self->projections, 0);
  refresh (self, baseline, &g_array_index (self->stale, gboolean, 0),
           &g_array_index (self->pending, Pending, 0), SS_BASELINE, SS_NO_SHOCK, NULL);
  if (index > 0)
    refresh (self, g_ptr_array_index (self->projections, index),
             &g_array_index (self->stale, gboolean, index),
             &g_array_index (self->pending, Pending, index), scenario, SS_NO_SHOCK, baseline);
  return g_ptr_array_index (self->projections, index);
}


/* Whether ss_document_get_projection() would compute the projection
 * again, in full or for an item: for tests, and for views that show only
 * fresh figures. */
gboolean
ss_document_projection_is_stale (SsDocument *self,
                                 int         scenario)
{
  guint index = scenario + 1;

  g_return_val_if_fail (SS_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (index < self->stale->len, FALSE);

  return g_array_index (self->stale, gboolean, index) || _ss_pending_any (self->pending, index);
}

/* The cell S ⊕ K of the stress grid (strategy SS_BASELINE or a
 * kind="strategy" scenario, shock SS_NO_SHOCK or a kind="shock" one),
 * recomputed if an edit made it stale; its premium is against baseline ⊕
 * K. The pointer stays valid until the next change. */
const SsProjection *
ss_document_get_cell (SsDocument *self,
                      int         strategy,
                      int         shock)
{
  int row, column;
  gsize at;
  SsProjection *cell;

  g_return_val_if_fail (SS_IS_DOCUMENT (self), NULL);

  row = _ss_document_axis_index (self->strategies, strategy);
  column = _ss_document_axis_index (self->shocks, shock);
  g_return_val_if_fail (row >= 0 && column >= 0, NULL);

  if (column == 0)
    return ss_document_get_projection (self, strategy);

  at = (gsize)row * self->shocks->len + column;
  cell = g_ptr_array_index (self->cells, at);
  if (g_array_index (self->cell_stale, gboolean, at) || _ss_pending_any (self->cell_pending, at))
    {
      /* The world first: the cell's premium is against it. */
      const SsProjection *world = row == 0 ? NULL : ss_document_get_cell (self, SS_BASELINE, shock);

      if (g_array_index (self->cell_stale, gboolean, at))
        self->n_cell_projections++;
      refresh (self, cell, &g_array_index (self->cell_stale, gboolean, at),
               &g_array_index (self->cell_pending, Pending, at), strategy, shock, world);
    }
  return cell;
}

/* Whether ss_document_get_cell() would compute the cell again; column 0
 * follows the strategy's own projection. */
gboolean
ss_document_cell_is_stale (SsDocument *self,
                           int         strategy,
                           int         shock)
{
  int row = _ss_document_axis_index (self->strategies, strategy);
  int column = _ss_document_axis_index (self->shocks, shock);

  g_return_val_if_fail (row >= 0 && column >= 0, FALSE);

  if (column == 0)
    return ss_document_projection_is_stale (self, SS_BASELINE)
           || ss_document_projection_is_stale (self, strategy);
  return g_array_index (self->cell_stale, gboolean, row * self->shocks->len + column)
         || _ss_pending_any (self->cell_pending, row * self->shocks->len + column);
}

/* The grid's rows and columns as the document holds them: valid until the
 * next structural change. */
void
ss_document_get_stress_axes (SsDocument    *self,
                             const GArray **strategies,
                             const GArray **shocks)
{
  g_return_if_fail (SS_IS_DOCUMENT (self));

  *strategies = self->strategies;
  *shocks = self->shocks;
}

/* How many cells have been computed since the document was made. */
guint
ss_document_get_n_cell_projections (SsDocument *self)
{
  g_return_val_if_fail (SS_IS_DOCUMENT (self), 0);
  return self->n_cell_projections;
}

/* How many times a projection or a cell was brought up to date for one
 * item instead of computed in full. */
guint
ss_document_get_n_item_updates (SsDocument *self)
{
  g_return_val_if_fail (SS_IS_DOCUMENT (self), 0);
  return self->n_item_updates;
}

/* Every scenario's projection, [0] the baseline and [1 + s] scenario s,
 * as ss_engine_project_all() lays them out, for a view that shows them
 * all (an export, the briefing). The pointers are the document's: valid
 * until the next change. */
void
ss_document_get_all_projections (SsDocument *self,
                                 GPtrArray  *projections)
{
  guint n;

  g_return_if_fail (SS_IS_DOCUMENT (self));
  g_return_if_fail (projections != NULL);

  n = 1 + ss_study_get_n_scenarios (self->study);
  g_ptr_array_set_size (projections, 0);
  for (guint k = 0; k < n; k++)
    g_ptr_array_add (projections, (gpointer)ss_document_get_projection (self, (int)k - 1));
}

/* The whole stress grid, row by row: cells[r * n_shocks + k] is strategy
 * r ⊕ shock k of ss_document_get_stress_axes(), the first column the
 * strategies' own projections. Stale cells are computed first. The
 * pointers are the document's: valid until the next change. */
void
ss_document_get_grid (SsDocument *self,
                      GPtrArray  *cells)
{
  g_return_if_fail (SS_IS_DOCUMENT (self));
  g_return_if_fail (cells != NULL);

  g_ptr_array_set_size (cells, 0);
  for (guint r = 0; r < self->strategies->len; r++)
    for (guint k = 0; k < self->shocks->len; k++)
      g_ptr_array_add (cells, (gpointer)ss_document_get_cell (self, g_array_index (self->strategies, int, r),
                                                              g_array_index (self->shocks, int, k)));
}
