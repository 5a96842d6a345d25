/* test-share-editor.c: the share editor and the palette
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The editor is driven the way GTK drives it: gtk_range_set_value() and
 * the "move-slider" key binding on a row's slider, gtk_spin_button_set_value()
 * on its spin button. Pointer drags need a real pointer and are not
 * covered here.
 */

#define G_LOG_DOMAIN "supplyshift-test"

#include "config.h"

#include <locale.h>
#include <math.h>

#include <gtk/gtk.h>

#include "ss-palette.h"
#include "ss-share-editor.h"
#include "ss-study-file.h"
#include "test-widgets.h"

#define JAPAN 6
#define CHILE 7
#define REST  10

typedef struct
{
  SsStudy       *study;
  SsShareEditor *editor;
  double         baseline[SS_MAX_COUNTRIES];
  guint          n;
  GString       *log;                  /* one letter per signal: b, c, e */
  GPtrArray     *scales;
  GPtrArray     *spins;
  GPtrArray     *locks;
} Fixture;

static void
on_edit_begin (SsShareEditor *editor,
               Fixture       *f)
{
  g_string_append_c (f->log, 'b');
}

static void
on_shares_changed (SsShareEditor *editor,
                   Fixture       *f)
{
  g_string_append_c (f->log, 'c');
}

static void
on_edit_end (SsShareEditor *editor,
             Fixture       *f)
{
  g_string_append_c (f->log, 'e');
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  SsItem *item;

  f->study = ss_study_load_sample ();
  f->n = ss_study_get_n_countries (f->study);
  item = ss_study_get_item (f->study, 0);
  g_assert_cmpstr (item->name, ==, "Lithium hydroxide");
  for (guint i = 0; i < f->n; i++)
    f->baseline[i] = item->sources[i].attr[SS_SOURCE_SHARE];

  f->editor = g_object_ref_sink (SS_SHARE_EDITOR (ss_share_editor_new ()));
  ss_share_editor_set_countries (f->editor, f->study);
  ss_share_editor_set_shares (f->editor, f->baseline, f->baseline, f->n);

  f->log = g_string_new (NULL);
  g_signal_connect (f->editor, "edit-begin", G_CALLBACK (on_edit_begin), f);
  g_signal_connect (f->editor, "shares-changed", G_CALLBACK (on_shares_changed), f);
  g_signal_connect (f->editor, "edit-end", G_CALLBACK (on_edit_end), f);

  f->scales = g_ptr_array_new ();
  f->spins = g_ptr_array_new ();
  f->locks = g_ptr_array_new ();
  ss_test_collect (GTK_WIDGET (f->editor), GTK_TYPE_SCALE, f->scales);
  ss_test_collect (GTK_WIDGET (f->editor), GTK_TYPE_SPIN_BUTTON, f->spins);
  ss_test_collect (GTK_WIDGET (f->editor), GTK_TYPE_TOGGLE_BUTTON, f->locks);
  g_assert_cmpuint (f->scales->len, ==, f->n);
  g_assert_cmpuint (f->spins->len, ==, f->n);
  g_assert_cmpuint (f->locks->len, ==, f->n);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_ptr_array_unref (f->scales);
  g_ptr_array_unref (f->spins);
  g_ptr_array_unref (f->locks);
  g_string_free (f->log, TRUE);
  g_assert_finalize_object (f->editor);
  g_assert_finalize_object (f->study);
}

static GtkRange *
scale (Fixture *f,
       guint    country)
{
  return g_ptr_array_index (f->scales, country);
}

static GtkSpinButton *
spin (Fixture *f,
      guint    country)
{
  return g_ptr_array_index (f->spins, country);
}

/* The shares sum to 1, every row shows its share, and the signals pair. */
static void
assert_consistent (Fixture *f)
{
  const double *shares = ss_share_editor_get_shares (f->editor);
  double sum = 0;
  int depth = 0;

  for (guint i = 0; i < f->n; i++)
    {
      sum += shares[i];
      g_assert_cmpfloat (shares[i], >=, 0);
      g_assert_cmpfloat_with_epsilon (gtk_range_get_value (scale (f, i)), shares[i] * 100, 1e-9);
      g_assert_cmpfloat_with_epsilon (gtk_spin_button_get_value (spin (f, i)), shares[i] * 100, 1e-9);
    }
  g_assert_cmpfloat_with_epsilon (sum, 1, 1e-12);

  for (const char *c = f->log->str; *c != '\0'; c++)
    {
      if (*c == 'b')
        g_assert_cmpint (++depth, ==, 1);
      else if (*c == 'e')
        g_assert_cmpint (--depth, ==, 0);
      else
        g_assert_cmpint (depth, ==, 1);
    }
  g_assert_cmpint (depth, ==, 0);
}

static void
test_rows (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GPtrArray) swatches = g_ptr_array_new ();
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  const double *shares = ss_share_editor_get_shares (f->editor);
  gboolean found_baseline = FALSE;
  /* The share is shown in the user's locale: "79,6" in German. */
  g_autofree char *baseline = g_strdup_printf ("Baseline 79%s6 %%",
                                               localeconv ()->decimal_point);

  g_assert_cmpuint (ss_share_editor_get_n_countries (f->editor), ==, 11);
  g_assert_cmpstr (gtk_widget_get_css_name (GTK_WIDGET (f->editor)), ==, "shareeditor");
  for (guint i = 0; i < f->n; i++)
    {
      g_assert_cmpfloat (shares[i], ==, f->baseline[i]);
      g_assert_false (ss_share_editor_get_locked (f->editor, i));
    }
  assert_consistent (f);
  g_assert_cmpfloat_with_epsilon (gtk_range_get_value (scale (f, 0)), 79.6, 1e-9);

  gtk_test_accessible_assert_role (f->editor, GTK_ACCESSIBLE_ROLE_GROUP);
  /* The names are in bidi isolates (docs/decisions.md). */
  gtk_test_accessible_assert_property (scale (f, 0), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Share from \u2068China\u2069");
  gtk_test_accessible_assert_property (spin (f, 0), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Share from \u2068China\u2069");
  gtk_test_accessible_assert_property (scale (f, REST), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Share from \u2068Rest of world\u2069");
  gtk_test_accessible_assert_property (g_ptr_array_index (f->locks, 0),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Lock share from \u2068China\u2069");
  /* Not the assert macro: it pastes the expected text into a format string. */
  g_assert_null (gtk_test_accessible_check_property (GTK_ACCESSIBLE (scale (f, 0)),
                                                     GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                                     baseline));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (g_ptr_array_index (f->locks, 0)), ==,
                   "Lock this share");

  ss_test_collect (GTK_WIDGET (f->editor), GTK_TYPE_DRAWING_AREA, swatches);
  g_assert_cmpuint (swatches->len, ==, f->n);
  gtk_test_accessible_assert_role (g_ptr_array_index (swatches, 0),
                                   GTK_ACCESSIBLE_ROLE_PRESENTATION);
  g_assert_false (gtk_widget_get_focusable (g_ptr_array_index (swatches, 0)));

  /* Everything that edits is reachable from the keyboard. */
  g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (scale (f, 0))));
  g_assert_true (gtk_widget_get_focusable (g_ptr_array_index (f->locks, 0)));

  ss_test_collect (GTK_WIDGET (f->editor), GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (g_strcmp0 (gtk_label_get_text (g_ptr_array_index (labels, i)), baseline) == 0)
      found_baseline = TRUE;
  g_assert_true (found_baseline);

  g_assert_cmpstr (f->log->str, ==, "");
}

static void
test_move_slider (Fixture       *f,
                  gconstpointer  data)
{
  const double *shares;
  double japan = f->baseline[JAPAN];

  ss_share_editor_set_locked (f->editor, JAPAN, TRUE);
  g_assert_true (ss_share_editor_get_locked (f->editor, JAPAN));
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (scale (f, JAPAN))));
  g_assert_cmpstr (f->log->str, ==, "");

  gtk_range_set_value (scale (f, 0), 50.0);

  g_assert_cmpstr (f->log->str, ==, "bce");
  shares = ss_share_editor_get_shares (f->editor);
  g_assert_cmpfloat (shares[0], ==, 0.5);
  g_assert_cmpfloat (shares[JAPAN], ==, japan);
  /* The unlocked others keep their proportions. */
  g_assert_cmpfloat_with_epsilon (shares[CHILE] / shares[REST],
                                  f->baseline[CHILE] / f->baseline[REST], 1e-12);
  g_assert_cmpfloat_with_epsilon (shares[CHILE] + shares[REST], 1 - 0.5 - japan, 1e-12);
  assert_consistent (f);
}

static void
test_spin_button (Fixture       *f,
                  gconstpointer  data)
{
  const double *shares = ss_share_editor_get_shares (f->editor);

  gtk_spin_button_set_value (spin (f, CHILE), 30.0);
  g_assert_cmpstr (f->log->str, ==, "bce");
  g_assert_cmpfloat (shares[CHILE], ==, 0.3);
  assert_consistent (f);

  /* Two changes are two edits. */
  gtk_spin_button_set_value (spin (f, 1), 12.5);
  g_assert_cmpstr (f->log->str, ==, "bcebce");
  g_assert_cmpfloat (shares[1], ==, 0.125);
  assert_consistent (f);

  /* Giving back the value it shows (as leaving the entry does) is no edit
   * and does not round the share. */
  g_string_truncate (f->log, 0);
  ss_share_editor_set_shares (f->editor, f->baseline, f->baseline, f->n);
  gtk_spin_button_set_value (spin (f, 0), 79.6);
  gtk_spin_button_update (spin (f, 0));
  g_assert_cmpstr (f->log->str, ==, "");
  g_assert_cmpfloat (ss_share_editor_get_shares (f->editor)[0], ==, f->baseline[0]);
}

/* What an arrow key or Page Up does on a focused slider. */
static void
test_keyboard (Fixture       *f,
               gconstpointer  data)
{
  const double *shares = ss_share_editor_get_shares (f->editor);

  g_signal_emit_by_name (scale (f, 1), "move-slider", GTK_SCROLL_STEP_RIGHT);
  g_assert_cmpstr (f->log->str, ==, "bce");
  g_assert_cmpfloat_with_epsilon (shares[1], 0.001, 1e-12);
  g_signal_emit_by_name (scale (f, 1), "move-slider", GTK_SCROLL_PAGE_RIGHT);
  g_assert_cmpstr (f->log->str, ==, "bcebce");
  g_assert_cmpfloat_with_epsilon (shares[1], 0.051, 1e-12);
  g_signal_emit_by_name (scale (f, 1), "move-slider", GTK_SCROLL_STEP_LEFT);
  g_assert_cmpstr (f->log->str, ==, "bcebcebce");
  g_assert_cmpfloat_with_epsilon (shares[1], 0.050, 1e-12);
  assert_consistent (f);
}

static void
test_clamp (Fixture       *f,
            gconstpointer  data)
{
  const double *shares = ss_share_editor_get_shares (f->editor);

  /* Chile locked at 17.5 %: China can reach 82.5 % at most. */
  ss_share_editor_set_locked (f->editor, CHILE, TRUE);
  gtk_range_set_value (scale (f, 0), 100.0);
  g_assert_cmpstr (f->log->str, ==, "bce");
  g_assert_cmpfloat_with_epsilon (shares[0], 0.825, 1e-12);
  g_assert_cmpfloat (shares[CHILE], ==, f->baseline[CHILE]);
  assert_consistent (f);

  /* With every other share locked, China snaps back and nothing is emitted. */
  g_string_truncate (f->log, 0);
  ss_share_editor_set_shares (f->editor, f->baseline, f->baseline, f->n);
  for (guint i = 1; i < f->n; i++)
    ss_share_editor_set_locked (f->editor, i, TRUE);
  gtk_range_set_value (scale (f, 0), 50.0);
  g_assert_cmpstr (f->log->str, ==, "");
  g_assert_cmpfloat (shares[0], ==, f->baseline[0]);
  assert_consistent (f);

  /* A locked slider does not move, even when set from code. */
  gtk_range_set_value (scale (f, CHILE), 50.0);
  g_assert_cmpstr (f->log->str, ==, "");
  assert_consistent (f);

  ss_share_editor_set_locked (f->editor, CHILE, FALSE);
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (scale (f, CHILE))));
  gtk_range_set_value (scale (f, CHILE), 10.0);
  g_assert_cmpstr (f->log->str, ==, "bce");
  g_assert_cmpfloat (shares[CHILE], ==, 0.1);
  g_assert_cmpfloat_with_epsilon (shares[0], f->baseline[0] + f->baseline[CHILE] - 0.1, 1e-12);
  assert_consistent (f);
}

static void
test_set_shares (Fixture       *f,
                 gconstpointer  data)
{
  double shares[SS_MAX_COUNTRIES] = { 0.25, 0.25, 0.25, 0.25 };

  ss_share_editor_set_shares (f->editor, shares, NULL, f->n);
  g_assert_cmpstr (f->log->str, ==, "");
  g_assert_cmpfloat (gtk_range_get_value (scale (f, 3)), ==, 25);
  g_assert_false (gtk_test_accessible_has_property (GTK_ACCESSIBLE (scale (f, 0)),
                                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION));
  assert_consistent (f);

  ss_share_editor_set_countries (f->editor, NULL);
  g_assert_cmpuint (ss_share_editor_get_n_countries (f->editor), ==, 0);
  g_assert_null (ss_share_editor_get_shares (f->editor));
  g_assert_cmpstr (f->log->str, ==, "");
}

/* The same countries again (an undo, an edit elsewhere) keep the rows,
 * the same widgets, so their locks and the focus stay; other countries
 * get new rows. */
static void
test_same_countries (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(SsStudy) renamed = ss_study_copy (f->study);
  g_autoptr(GPtrArray) scales = g_ptr_array_new ();

  ss_share_editor_set_locked (f->editor, CHILE, TRUE);
  ss_share_editor_set_countries (f->editor, f->study);
  ss_test_collect (GTK_WIDGET (f->editor), GTK_TYPE_SCALE, scales);
  g_assert_cmpmem (scales->pdata, scales->len * sizeof (gpointer),
                   f->scales->pdata, f->scales->len * sizeof (gpointer));
  g_assert_true (ss_share_editor_get_locked (f->editor, CHILE));
  g_assert_cmpfloat (gtk_range_get_value (scale (f, 0)), ==, 100 * f->baseline[0]);
  g_assert_cmpstr (f->log->str, ==, "");

  g_free (ss_study_get_country (renamed, CHILE)->name);
  ss_study_get_country (renamed, CHILE)->name = g_strdup ("Chile (Atacama)");
  ss_share_editor_set_countries (f->editor, renamed);
  g_ptr_array_set_size (scales, 0);
  ss_test_collect (GTK_WIDGET (f->editor), GTK_TYPE_SCALE, scales);
  g_assert_cmpuint (scales->len, ==, f->n);
  g_assert_true (g_ptr_array_index (scales, 0) != g_ptr_array_index (f->scales, 0));
  g_assert_false (ss_share_editor_get_locked (f->editor, CHILE));
}

static void
test_palette (void)
{
  GdkRGBA color, other;

  ss_palette_country_color (0, FALSE, &color);                 /* China */
  g_assert_true (gdk_rgba_equal (&color, &(GdkRGBA) { 0xD5 / 255.f, 0x5E / 255.f, 0, 1 }));
  ss_palette_country_color (4, FALSE, &color);                 /* South Korea */
  g_assert_true (gdk_rgba_equal (&color, &(GdkRGBA) { 0, 0x72 / 255.f, 0xB2 / 255.f, 1 }));

  /* Apart in either style (the dark style lightens some). */
  for (guint dark = 0; dark < 2; dark++)
    for (guint i = 0; i < SS_MAX_COUNTRIES; i++)
      for (guint j = i + 1; j < SS_MAX_COUNTRIES; j++)
        {
          ss_palette_country_color (i, dark, &color);
          ss_palette_country_color (j, dark, &other);
          g_assert_false (gdk_rgba_equal (&color, &other));
        }

  for (SsAlertLevel level = SS_ALERT_NONE; level <= SS_ALERT_CRITICAL; level++)
    {
      ss_palette_alert_color (level, FALSE, &color);
      ss_palette_alert_color (level, TRUE, &other);
      g_assert_false (gdk_rgba_equal (&color, &other));
      g_assert_cmpfloat (color.alpha, ==, 1);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  if (!ss_test_init_display (SS_TEST_DISPLAY_A11Y))
    return 0;

  g_test_add_func ("/widgets/palette/colors", test_palette);
#define ADD(path, func) \
  g_test_add ("/widgets/share-editor/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("rows", test_rows);
  ADD ("move-slider", test_move_slider);
  ADD ("spin-button", test_spin_button);
  ADD ("keyboard", test_keyboard);
  ADD ("clamp", test_clamp);
  ADD ("set-shares", test_set_shares);
  ADD ("same-countries", test_same_countries);
#undef ADD

  return g_test_run ();
}
