/* test-item-index.c: finding items by code stays right through every edit
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ss_study_find_item() answers from an index of codes. These tests
 * compare every answer with a plain search of the items, after each kind
 * of edit that moves or renames items: add, remove, rename, undo (assign)
 * and copy, in random order.
 */

#include "config.h"

#include <string.h>

#include "ss-study.h"

/* What ss_study_find_item() must answer: the first item with the code. */
static int
linear_find (SsStudy    *study,
             const char *code)
{
  for (guint i = 0; i < ss_study_get_n_items (study); i++)
    if (strcmp (ss_study_get_item (study, i)->code, code) == 0)
      return i;
  return -1;
}

static void
assert_finds_all (SsStudy *study,
                  guint    n_codes)
{
  for (guint k = 0; k < n_codes; k++)
    {
      g_autofree char *code = g_strdup_printf ("c%u", k);

      g_assert_cmpint (ss_study_find_item (study, code), ==, linear_find (study, code));
    }
  for (guint i = 0; i < ss_study_get_n_items (study); i++)
    g_assert_cmpint (ss_study_find_item (study, ss_study_get_item (study, i)->code), ==,
                     linear_find (study, ss_study_get_item (study, i)->code));
}

static void
test_edits (void)
{
  g_autoptr(SsStudy) study = ss_study_new ();
  guint next = 0;

  ss_study_add_country (study, "CN", "China");
  for (guint k = 0; k < 50; k++, next++)
    {
      g_autofree char *code = g_strdup_printf ("c%u", next);

      ss_study_add_item (study, code, code);
    }
  assert_finds_all (study, next);

  /* Added after the index exists. */
  ss_study_add_item (study, "late", "Late");
  g_assert_cmpint (ss_study_find_item (study, "late"), ==, 50);

  /* Removed: later items move down one place. */
  ss_study_remove_item (study, 10);
  g_assert_cmpint (ss_study_find_item (study, "c10"), ==, -1);
  g_assert_cmpint (ss_study_find_item (study, "c11"), ==, 10);
  g_assert_cmpint (ss_study_find_item (study, "late"), ==, 49);

  /* Renamed: the old code is gone, the new one found. */
  ss_study_set_item_code (study, 0, "first");
  g_assert_cmpint (ss_study_find_item (study, "c0"), ==, -1);
  g_assert_cmpint (ss_study_find_item (study, "first"), ==, 0);

  /* Two items with one code: the first is found, as a search would. */
  ss_study_add_item (study, "c5", "Again");
  g_assert_cmpint (ss_study_find_item (study, "c5"), ==, 5);
  assert_finds_all (study, next);
}

static void
test_assign_and_copy (void)
{
  g_autoptr(SsStudy) study = ss_study_new ();
  g_autoptr(SsStudy) before = NULL;
  g_autoptr(SsStudy) copy = NULL;

  ss_study_add_country (study, "CN", "China");
  ss_study_add_item (study, "a", "A");
  ss_study_add_item (study, "b", "B");
  g_assert_cmpint (ss_study_find_item (study, "b"), ==, 1);
  before = ss_study_copy (study);

  /* The copy has an index of its own. */
  ss_study_set_item_code (study, 1, "renamed");
  g_assert_cmpint (ss_study_find_item (before, "b"), ==, 1);
  g_assert_cmpint (ss_study_find_item (before, "renamed"), ==, -1);
  g_assert_cmpint (ss_study_find_item (study, "renamed"), ==, 1);

  /* Undo puts the other study's items in place: their codes, not ours. */
  ss_study_assign (study, before);
  g_assert_cmpint (ss_study_find_item (study, "b"), ==, 1);
  g_assert_cmpint (ss_study_find_item (study, "renamed"), ==, -1);

  copy = ss_study_copy (study);
  ss_study_remove_item (copy, 0);
  g_assert_cmpint (ss_study_find_item (copy, "b"), ==, 0);
  g_assert_cmpint (ss_study_find_item (study, "b"), ==, 1);
}

/* Random edits, each followed by random look-ups against the search. */
static void
test_random_edits (void)
{
  g_autoptr(SsStudy) study = ss_study_new ();
  g_autoptr(GPtrArray) history = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_codes = 40;

  ss_study_add_country (study, "CN", "China");
  for (guint step = 0; step < 2000; step++)
    {
      g_autofree char *code = g_strdup_printf ("c%u", g_test_rand_int_range (0, n_codes));
      guint n = ss_study_get_n_items (study);

      switch (g_test_rand_int_range (0, 6))
        {
        case 0:
        case 1:
          ss_study_add_item (study, code, code);
          break;
        case 2:
          if (n > 0)
            ss_study_remove_item (study, g_test_rand_int_range (0, n));
          break;
        case 3:
          if (n > 0)
            ss_study_set_item_code (study, g_test_rand_int_range (0, n), code);
          break;
        case 4:
          g_ptr_array_add (history, ss_study_copy (study));
          break;
        default:
          if (history->len > 0)
            ss_study_assign (study, g_ptr_array_index (history, g_test_rand_int_range (0, history->len)));
          break;
        }
      g_assert_cmpint (ss_study_find_item (study, code), ==, linear_find (study, code));
      if (step % 50 == 0)
        assert_finds_all (study, n_codes);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/item-index/edits", test_edits);
  g_test_add_func ("/item-index/assign-and-copy", test_assign_and_copy);
  g_test_add_func ("/item-index/random-edits", test_random_edits);

  return g_test_run ();
}
