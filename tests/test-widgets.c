/* test-widgets.c: a display for a test, and the widgets in its windows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "test-widgets.h"

/* Appends to @out the descendants of @widget of @type, in order; does not
 * look inside a match. */
void
ss_test_collect (GtkWidget *widget,
                 GType      type,
                 GPtrArray *out)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        g_ptr_array_add (out, child);
      else
        ss_test_collect (child, type, out);
    }
}

/* The first widget of @type under @root, depth first; there must be one. */
GtkWidget *
ss_test_find_first (GtkWidget *root,
                    GType      type)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  ss_test_collect (root, type, found);
  g_assert_cmpuint (found->len, >=, 1);
  return g_ptr_array_index (found, 0);
}

/* Runs the main loop for @n frames' time (20 ms each), so the window's
 * tick callback and layout have run. */
void
ss_test_wait_frames (guint n)
{
  for (guint k = 0; k < n; k++)
    {
      gint64 until = g_get_monotonic_time () + 20000;

      while (g_get_monotonic_time () < until)
        g_main_context_iteration (NULL, FALSE);
    }
}

/* The application's style sheet on the default display, as
 * AdwApplication loads it from the resources at start-up: the window is
 * laid out as it is on screen (the cards' padding, the outlines). Returns
 * the provider, for the caller to remove if it must. */
GtkCssProvider *
ss_test_load_app_style (void)
{
  GtkCssProvider *style = gtk_css_provider_new ();

  gtk_css_provider_load_from_resource (style, "/io/github/supplyshift/SupplyShift/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (style),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  return style;
}

/* After g_test_init(): opens the display, or prints TAP's plan of no test
 * and returns FALSE for main() to return 0. CI always has one (xvfb-run),
 * so there a missing display is an error, never a skip.
 *
 * SS_TEST_DISPLAY_A11Y: with GTK_A11Y=none (the shared test environment)
 * GTK 4.8 gives widgets no accessibility context, so their accessible
 * properties cannot be read back; the test backend keeps them and needs
 * no D-Bus. SS_TEST_DISPLAY_ADWAITA: adw_init(), for libadwaita widgets
 * and styles. */
gboolean
ss_test_init_display (SsTestDisplayFlags flags)
{
  if (flags & SS_TEST_DISPLAY_A11Y)
    g_setenv ("GTK_A11Y", "test", TRUE);
  if (!gtk_init_check ())
    {
      if (g_getenv ("CI") != NULL)
        g_error ("CI runs the window tests under xvfb-run; there is no display");
      g_print ("1..0 # SKIP no display (run under xvfb-run)\n");
      return FALSE;
    }
  if (flags & SS_TEST_DISPLAY_ADWAITA)
    adw_init ();
  return TRUE;
}

/* The end of a test of a window on a document: the window, then the
 * document, and then nothing may still hold the study. */
void
ss_test_close_window (GtkWidget   *window,
                      SsDocument **document,
                      SsStudy     *study)
{
  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (document);
  g_assert_finalize_object (study);
}
