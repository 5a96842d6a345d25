/* test-window-toast.c: a window closed while a toast shows, waits or fades
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Closing a window destroys its toast overlay; with animations on, a
 * toast may be fading in, queued behind another or fading out then.
 * libadwaita 1.2 frees a toast's record both when its fade-out ends and
 * in the overlay's dispose; a crash was seen once in test-input's
 * teardown with a toast animating. Read in libadwaita 1.2.2, a closing
 * window ends the fades first (an animation is skipped when its widget
 * unmaps), so each record is freed once. Here the window is closed at
 * several frames of each case, with the toast's widget checked to be
 * still on the overlay then, so the case is the one meant.
 */

#define G_LOG_DOMAIN "supplyshift-test"

#include "config.h"

#include <adwaita.h>

#include "ss-resources.h"
#include "ss-study-file.h"
#include "ss-window-private.h"
#include "test-widgets.h"

typedef enum
{
  SHOWING,        /* fading in, two more queued behind it */
  HIDING,         /* dismissed, fading out (300 ms in libadwaita 1.2) */
} Case;

typedef struct
{
  Case  what;
  guint frames;   /* from the toast's show or dismissal to the close */
} Params;

static guint
count_children (GtkWidget *widget)
{
  guint n = 0;

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    n++;
  return n;
}

static void
test_close (gconstpointer data)
{
  const Params *params = data;
  g_autoptr(SsStudy) study = ss_study_load_sample ();
  SsWindow *window = ss_window_new (NULL);
  GtkWidget *overlay;
  guint alone;

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  ss_window_set_study (window, study, NULL);
  gtk_window_present (GTK_WINDOW (window));
  ss_test_wait_frames (5);
  overlay = ss_test_find_first (GTK_WIDGET (window), ADW_TYPE_TOAST_OVERLAY);
  alone = count_children (overlay);

  if (params->what == SHOWING)
    {
      ss_window_toast (window, "One");
      ss_window_toast (window, "Two");
      ss_window_toast (window, "Three");
    }
  else
    {
      g_autoptr(AdwToast) toast = adw_toast_new ("Dismissed");

      adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), g_object_ref (toast));
      ss_test_wait_frames (25);
      adw_toast_dismiss (toast);
    }
  ss_test_wait_frames (params->frames);
  /* The toast is still there: showing, or fading out. */
  g_assert_cmpuint (count_children (overlay), ==, alone + 1);
  gtk_window_destroy (GTK_WINDOW (window));
  ss_test_wait_frames (30);
}

int
main (int   argc,
      char *argv[])
{
  static const Params cases[] = {
    { SHOWING, 0 }, { SHOWING, 4 }, { SHOWING, 12 },
    { HIDING, 0 }, { HIDING, 4 }, { HIDING, 10 },
  };

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_assert_nonnull (ss_get_resource ());
  /* As a user has them: the fades run. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", TRUE, NULL);
  for (guint k = 0; k < G_N_ELEMENTS (cases); k++)
    {
      g_autofree char *path = g_strdup_printf ("/window-toast/%s/close-after-%u-frames",
                                               cases[k].what == SHOWING ? "showing" : "hiding",
                                               cases[k].frames);

      g_test_add_data_func (path, &cases[k], test_close);
    }
  return g_test_run ();
}
