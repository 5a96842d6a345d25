/* test-dialogs.c: the main loop and message dialogs of a window under test
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "test-dialogs.h"

/* Runs what is pending in the main loop, a bounded number of times. */
void
ss_test_iterate (void)
{
  for (guint k = 0; k < 50 && g_main_context_pending (NULL); k++)
    g_main_context_iteration (NULL, FALSE);
}

/* The toplevel message dialog, if one is showing. */
AdwMessageDialog *
ss_test_find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint k = 0; k < g_list_model_get_n_items (toplevels); k++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, k);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

/* Answers a dialog as a click on its button would, and closes it. */
void
ss_test_respond (AdwMessageDialog *dialog,
                 const char       *response)
{
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  ss_test_iterate ();
}
