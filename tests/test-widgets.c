/* test-widgets.c: finding widgets in a window under test
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

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
