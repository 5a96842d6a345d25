/* ss-item-model.c: a document's items as a list model, and their search
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One SsItemRef per item of the study, in the study's order, after the
 * portfolio if the model has it. A ref is an index, not a copy of the
 * item: a list view binds a row to it and reads the item's name from the
 * study then, so a row is made only for what is on screen (GtkListView
 * recycles them) and a study of 10 000 items costs 10 000 small objects.
 *
 * The document says only that its structure changed, not which item came
 * or went, so ss_item_model_sync() adds or drops refs at the end to match
 * the count; whoever shows the rows binds them again (the rows on screen
 * may now show other items) and sets the selection to the item it shows.
 *
 * The filter (ss_item_model_get_filter(), for a GtkFilterListModel over
 * the model) keeps the items whose name, code or category contains the
 * search, without regard to case; the portfolio always stays.
 */

#define G_LOG_DOMAIN "supplyshift-item-model"

#include "config.h"

#include <string.h>

#include "ss-item-model.h"

struct _SsItemRef
{
  GObject   parent_instance;

  int       index;
  char     *folded;   /* name, code and category casefolded, made when searched */
};

G_DEFINE_FINAL_TYPE (SsItemRef, ss_item_ref, G_TYPE_OBJECT)

static void
ss_item_ref_finalize (GObject *object)
{
  g_free (SS_ITEM_REF (object)->folded);
  G_OBJECT_CLASS (ss_item_ref_parent_class)->finalize (object);
}

static void
ss_item_ref_class_init (SsItemRefClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ss_item_ref_finalize;
}

static void
ss_item_ref_init (SsItemRef *self)
{
}

/* The item's index in the study, or SS_ITEM_MODEL_PORTFOLIO. */
int
ss_item_ref_get_index (SsItemRef *self)
{
  g_return_val_if_fail (SS_IS_ITEM_REF (self), SS_ITEM_MODEL_PORTFOLIO);
  return self->index;
}

struct _SsItemModel
{
  GObject           parent_instance;

  /* Owned */
  SsDocument       *document;
  GPtrArray        *refs;     /* of SsItemRef */
  GtkCustomFilter  *filter;
  char             *needle;   /* the search casefolded; NULL for none */

  gboolean          with_portfolio;
};

static GType
ss_item_model_get_item_type (GListModel *model)
{
  return SS_TYPE_ITEM_REF;
}

static guint
ss_item_model_get_n_items (GListModel *model)
{
  return SS_ITEM_MODEL (model)->refs->len;
}

static gpointer
ss_item_model_get_item (GListModel *model,
                        guint       position)
{
  SsItemModel *self = SS_ITEM_MODEL (model);

  if (position >= self->refs->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->refs, position));
}

static void
ss_item_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = ss_item_model_get_item_type;
  iface->get_n_items = ss_item_model_get_n_items;
  iface->get_item = ss_item_model_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (SsItemModel, ss_item_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, ss_item_model_list_model_init))

static const char *
folded_of (SsItemModel *self,
           SsItemRef   *ref)
{
  if (ref->folded == NULL)
    {
      const SsItem *item = ss_study_get_item (ss_document_get_study (self->document), ref->index);
      g_autofree char *text = g_strjoin ("\n", item->name, item->code, item->category, NULL);

      /* A search has no line break, so it cannot match across two fields. */
      ref->folded = g_utf8_casefold (text, -1);
    }
  return ref->folded;
}

static gboolean
matches (gpointer object,
         gpointer user_data)
{
  SsItemModel *self = user_data;
  SsItemRef *ref = object;

  if (self->needle == NULL || ref->index == SS_ITEM_MODEL_PORTFOLIO || self->document == NULL)
    return TRUE;
  return strstr (folded_of (self, ref), self->needle) != NULL;
}

static void
ss_item_model_dispose (GObject *object)
{
  SsItemModel *self = SS_ITEM_MODEL (object);

  /* A filter model may keep the filter longer than this model lives. */
  if (self->filter != NULL)
    gtk_custom_filter_set_filter_func (self->filter, NULL, NULL, NULL);
  g_clear_object (&self->filter);
  g_clear_object (&self->document);
  G_OBJECT_CLASS (ss_item_model_parent_class)->dispose (object);
}

static void
ss_item_model_finalize (GObject *object)
{
  SsItemModel *self = SS_ITEM_MODEL (object);

  g_clear_pointer (&self->refs, g_ptr_array_unref);
  g_clear_pointer (&self->needle, g_free);
  G_OBJECT_CLASS (ss_item_model_parent_class)->finalize (object);
}

static void
ss_item_model_class_init (SsItemModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ss_item_model_dispose;
  object_class->finalize = ss_item_model_finalize;
}

static void
ss_item_model_init (SsItemModel *self)
{
  self->refs = g_ptr_array_new_with_free_func (g_object_unref);
  self->filter = gtk_custom_filter_new (matches, self, NULL);
}

SsItemModel *
ss_item_model_new (gboolean with_portfolio)
{
  SsItemModel *self = g_object_new (SS_TYPE_ITEM_MODEL, NULL);

  self->with_portfolio = with_portfolio;
  return self;
}

void
ss_item_model_set_document (SsItemModel *self,
                            SsDocument  *document)
{
  g_return_if_fail (SS_IS_ITEM_MODEL (self));
  g_return_if_fail (document == NULL || SS_IS_DOCUMENT (document));

  g_set_object (&self->document, document);
  ss_item_model_sync (self);
}

/**
 * ss_item_model_sync:
 *
 * Follows the document's items after a change of its structure: as many
 * refs as items (and the portfolio), added or dropped at the end, and the
 * search done again, as names may have changed.
 */
void
ss_item_model_sync (SsItemModel *self)
{
  guint n = 0, old;

  g_return_if_fail (SS_IS_ITEM_MODEL (self));

  if (self->document != NULL)
    n = ss_study_get_n_items (ss_document_get_study (self->document)) + (self->with_portfolio ? 1 : 0);
  for (guint k = 0; k < self->refs->len; k++)
    g_clear_pointer (&((SsItemRef *)g_ptr_array_index (self->refs, k))->folded, g_free);

  old = self->refs->len;
  if (n < old)
    {
      g_ptr_array_set_size (self->refs, n);
      g_list_model_items_changed (G_LIST_MODEL (self), n, old - n, 0);
    }
  else if (n > old)
    {
      for (guint k = old; k < n; k++)
        {
          SsItemRef *ref = g_object_new (SS_TYPE_ITEM_REF, NULL);

          ref->index = (int)k - (self->with_portfolio ? 1 : 0);
          g_ptr_array_add (self->refs, ref);
        }
      g_list_model_items_changed (G_LIST_MODEL (self), old, 0, n - old);
    }
  if (self->needle != NULL)
    gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

/* The filter of the search, for a GtkFilterListModel over the model. */
GtkFilter *
ss_item_model_get_filter (SsItemModel *self)
{
  g_return_val_if_fail (SS_IS_ITEM_MODEL (self), NULL);
  return GTK_FILTER (self->filter);
}

/* Keeps the items whose name, code or category contains @text (any
 * case); NULL or "" keeps them all. */
void
ss_item_model_set_search (SsItemModel *self,
                          const char  *text)
{
  g_autofree char *needle = NULL;
  GtkFilterChange change;

  g_return_if_fail (SS_IS_ITEM_MODEL (self));

  if (text != NULL && *text != '\0')
    needle = g_utf8_casefold (text, -1);
  if (g_strcmp0 (needle, self->needle) == 0)
    return;
  if (self->needle == NULL || (needle != NULL && strstr (needle, self->needle) != NULL))
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (needle == NULL || strstr (self->needle, needle) != NULL)
    change = GTK_FILTER_CHANGE_LESS_STRICT;
  else
    change = GTK_FILTER_CHANGE_DIFFERENT;
  g_free (self->needle);
  self->needle = g_steal_pointer (&needle);
  gtk_filter_changed (GTK_FILTER (self->filter), change);
}

gboolean
ss_item_model_get_searching (SsItemModel *self)
{
  g_return_val_if_fail (SS_IS_ITEM_MODEL (self), FALSE);
  return self->needle != NULL;
}

/**
 * ss_item_model_find:
 * @model: an SsItemModel, or a model over one that keeps its order (a
 *   filter of it, a selection)
 * @index: an item's index, or SS_ITEM_MODEL_PORTFOLIO
 *
 * Returns: the ref's position in @model, or GTK_INVALID_LIST_POSITION when
 *   it is not there (filtered out)
 */
guint
ss_item_model_find (GListModel *model,
                    int         index)
{
  guint low = 0, high = g_list_model_get_n_items (model);

  /* The refs go up by index in every model over them. */
  while (low < high)
    {
      guint mid = low + (high - low) / 2;
      g_autoptr(SsItemRef) ref = g_list_model_get_item (model, mid);

      if (ref->index == index)
        return mid;
      if (ref->index < index)
        low = mid + 1;
      else
        high = mid;
    }
  return GTK_INVALID_LIST_POSITION;
}
