/* test-window-list.c: the window's item list, on a big study and through edits
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The sidebar is a GtkListView over the document's items: rows are made
 * for what is on screen, the search filters a model, and the selection
 * follows the item the window shows through removals, undo and redo.
 * (The keys, as xdotool types them, are in test-input.c.)
 */

#define G_LOG_DOMAIN "supplyshift-test"

#include "config.h"

#include <adwaita.h>

#include "ss-item-model.h"
#include "ss-resources.h"
#include "ss-study-file.h"
#include "ss-window.h"
#include "bench-study.h"
#include "test-widgets.h"

typedef struct
{
  SsWindow *window;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(SsStudy) study = data != NULL ? bench_study_new (GPOINTER_TO_UINT (data), 4, 10, 1)
                                          : ss_study_load_sample ();

  f->window = ss_window_new (NULL);
  g_object_ref_sink (f->window);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 800);
  ss_window_set_study (f->window, study, NULL);
  gtk_window_present (GTK_WINDOW (f->window));
  ss_test_wait_frames (5);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_object_unref (f->window);
  ss_test_wait_frames (1);
}

static GtkWidget *
sidebar (Fixture *f)
{
  return adw_flap_get_flap (ADW_FLAP (ss_test_find_first (GTK_WIDGET (f->window), ADW_TYPE_FLAP)));
}

static GtkListView *
item_list (Fixture *f)
{
  /* In the flap: drop-downs have list views of their own. */
  return GTK_LIST_VIEW (ss_test_find_first (sidebar (f), GTK_TYPE_LIST_VIEW));
}

static GListModel *
shown_rows (Fixture *f)
{
  return G_LIST_MODEL (gtk_list_view_get_model (item_list (f)));
}

/* The item of the list's selected row; G_MININT with none selected. */
static int
selected_index (Fixture *f)
{
  SsItemRef *ref = gtk_single_selection_get_selected_item (
    GTK_SINGLE_SELECTION (gtk_list_view_get_model (item_list (f))));

  return ref != NULL ? ss_item_ref_get_index (ref) : G_MININT;
}

static int
shown_item (Fixture *f)
{
  int item;

  g_object_get (f->window, "item", &item, NULL);
  return item;
}

static const char *
shown_code (Fixture *f)
{
  return ss_study_get_item (ss_window_get_study (f->window), shown_item (f))->code;
}

/* 3 000 items: every one is in the model, but rows exist only for the
 * few on screen, and they show the first items. */
static void
test_rows_recycled (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  gboolean first_seen = FALSE;

  g_assert_cmpuint (g_list_model_get_n_items (shown_rows (f)), ==, 3001);
  ss_test_collect (GTK_WIDGET (item_list (f)), GTK_TYPE_INSCRIPTION, rows);
  g_test_message ("%u rows made for 3 001 items", rows->len);
  g_assert_cmpuint (rows->len, >=, 5);
  /* GTK 4.8 keeps about 200 rows around those on screen. */
  g_assert_cmpuint (rows->len, <, 300);
  ss_test_collect (GTK_WIDGET (item_list (f)), GTK_TYPE_LABEL, labels);
  for (guint k = 0; k < labels->len; k++)
    first_seen |= g_str_equal (gtk_label_get_label (g_ptr_array_index (labels, k)), "item-0000");
  g_assert_true (first_seen);
  g_assert_cmpint (selected_index (f), ==, shown_item (f));
}

static void
search (Fixture    *f,
        const char *text)
{
  GtkWidget *entry = ss_test_find_first (sidebar (f), GTK_TYPE_SEARCH_ENTRY);

  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  /* The entry says "search-changed" a moment after the typing. */
  for (guint k = 0; k < 100 && g_list_model_get_n_items (shown_rows (f)) == 3001 && *text; k++)
    ss_test_wait_frames (1);
  ss_test_wait_frames (2);
}

/* The search keeps the portfolio and the matches, without regard to
 * case; Enter in it shows the first match; cleared, every item is back
 * and the item shown is selected again. */
static void
test_search (Fixture       *f,
             gconstpointer  data)
{
  GtkWidget *entry = ss_test_find_first (sidebar (f), GTK_TYPE_SEARCH_ENTRY);
  g_autoptr(SsItemRef) first = NULL;

  search (f, "ITEM-0012");
  g_assert_cmpuint (g_list_model_get_n_items (shown_rows (f)), ==, 2);
  first = g_list_model_get_item (shown_rows (f), 0);
  g_assert_cmpint (ss_item_ref_get_index (first), ==, SS_ITEM_MODEL_PORTFOLIO);
  /* The item shown (the first) is not among them: none is selected. */
  g_assert_cmpint (shown_item (f), ==, 0);
  g_assert_cmpint (selected_index (f), ==, G_MININT);

  g_signal_emit_by_name (entry, "activate");
  g_assert_cmpint (shown_item (f), ==, 12);
  g_assert_cmpint (selected_index (f), ==, 12);

  search (f, "item-19");
  g_assert_cmpuint (g_list_model_get_n_items (shown_rows (f)), ==, 1 + 100);
  g_assert_cmpint (selected_index (f), ==, G_MININT);
  search (f, "no such item");
  g_assert_cmpuint (g_list_model_get_n_items (shown_rows (f)), ==, 1);
  g_signal_emit_by_name (entry, "activate");
  g_assert_cmpint (shown_item (f), ==, 12);

  search (f, "");
  g_assert_cmpuint (g_list_model_get_n_items (shown_rows (f)), ==, 3001);
  g_assert_cmpint (selected_index (f), ==, 12);
}

/* Removals before the item shown, of it, and their undo and redo: the
 * window keeps showing the same item where it still is, and the list's
 * selection is always that item. */
static void
test_selection_follows (Fixture       *f,
                        gconstpointer  data)
{
  SsDocument *document = ss_window_get_document (f->window);
  guint n = ss_study_get_n_items (ss_window_get_study (f->window));
  g_autofree char *code = NULL;

  ss_window_select (f->window, 0, 5);
  code = g_strdup (shown_code (f));
  g_assert_cmpint (selected_index (f), ==, 5);

  g_assert_true (ss_document_remove_item (document, 2, NULL));
  ss_test_wait_frames (2);
  g_assert_cmpuint (g_list_model_get_n_items (shown_rows (f)), ==, n);
  g_assert_cmpint (shown_item (f), ==, 4);
  g_assert_cmpstr (shown_code (f), ==, code);
  g_assert_cmpint (selected_index (f), ==, 4);

  g_assert_true (ss_document_undo (document));
  ss_test_wait_frames (2);
  g_assert_cmpuint (g_list_model_get_n_items (shown_rows (f)), ==, n + 1);
  g_assert_cmpint (shown_item (f), ==, 5);
  g_assert_cmpstr (shown_code (f), ==, code);
  g_assert_cmpint (selected_index (f), ==, 5);

  g_assert_true (ss_document_redo (document));
  ss_test_wait_frames (2);
  g_assert_cmpint (shown_item (f), ==, 4);
  g_assert_cmpint (selected_index (f), ==, 4);
  g_assert_true (ss_document_undo (document));

  /* The item shown goes: the one in its place is shown, and stays shown
   * when the other comes back before it. */
  g_assert_true (ss_document_remove_item (document, 5, NULL));
  ss_test_wait_frames (2);
  g_assert_cmpint (shown_item (f), ==, 5);
  g_assert_cmpstr (shown_code (f), !=, code);
  g_assert_cmpint (selected_index (f), ==, 5);
  g_free (code);
  code = g_strdup (shown_code (f));
  g_assert_true (ss_document_undo (document));
  ss_test_wait_frames (2);
  g_assert_cmpint (shown_item (f), ==, 6);
  g_assert_cmpstr (shown_code (f), ==, code);
  g_assert_cmpint (selected_index (f), ==, 6);

  /* The last item, shown, goes: the portfolio is shown and selected. */
  ss_window_select (f->window, 0, (int)n - 1);
  g_assert_true (ss_document_remove_item (document, n - 1, NULL));
  ss_test_wait_frames (2);
  g_assert_cmpint (shown_item (f), ==, -1);
  g_assert_cmpint (selected_index (f), ==, SS_ITEM_MODEL_PORTFOLIO);

  /* A row chosen in the list is shown. */
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (gtk_list_view_get_model (item_list (f))), 3, TRUE);
  ss_test_wait_frames (2);
  g_assert_cmpint (shown_item (f), ==, 2);
}

/* A renamed item's row shows its new name at once. */
static void
test_rename_shows (Fixture       *f,
                   gconstpointer  data)
{
  SsDocument *document = ss_window_get_document (f->window);
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  gboolean seen = FALSE;

  g_assert_true (ss_document_set_item_name (document, 0, "Lithium, renamed", NULL));
  ss_test_wait_frames (3);
  ss_test_collect (GTK_WIDGET (item_list (f)), GTK_TYPE_LABEL, labels);
  for (guint k = 0; k < labels->len; k++)
    seen |= g_str_equal (gtk_label_get_label (g_ptr_array_index (labels, k)), "Lithium, renamed");
  g_assert_true (seen);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  if (!ss_test_init_display (SS_TEST_DISPLAY_ADWAITA))
    return 0;
  g_assert_nonnull (ss_get_resource ());

  g_test_add ("/window-list/rows-recycled", Fixture, GUINT_TO_POINTER (3000), fixture_setup,
              test_rows_recycled, fixture_teardown);
  g_test_add ("/window-list/search", Fixture, GUINT_TO_POINTER (3000), fixture_setup, test_search,
              fixture_teardown);
  g_test_add ("/window-list/selection-follows", Fixture, NULL, fixture_setup, test_selection_follows,
              fixture_teardown);
  g_test_add ("/window-list/rename-shows", Fixture, NULL, fixture_setup, test_rename_shows,
              fixture_teardown);
  return g_test_run ();
}
