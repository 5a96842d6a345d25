/* test-window-export.c: the briefing pack and the figure cards from the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs under Xvfb. File → Export Briefing… writes the same bytes as
 * `supplyshift --brief=OUT.pdf FILE` for the sample's file; a folder that
 * cannot be written gives a dialog naming the file and leaves nothing
 * behind. Copy Figures puts the cards on the clipboard as tab-separated
 * text, each figure as its card shows it.
 */

#define G_LOG_DOMAIN "supplyshift-test"

#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <glib/gstdio.h>

#include "ss-metric-card.h"
#include "ss-resources.h"
#include "ss-study-file.h"
#include "ss-window.h"
#include "test-dialogs.h"
#include "test-widgets.h"

typedef struct
{
  SsWindow *window;
  char     *dir;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->dir = g_dir_make_tmp ("supplyshift-export-XXXXXX", NULL);
  g_assert_nonnull (f->dir);
  f->window = ss_window_new (NULL);
  g_object_ref_sink (f->window);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 800);
  gtk_window_present (GTK_WINDOW (f->window));
}

static void
remove_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_dir (child);
      else
        g_remove (child);
    }
  g_rmdir (path);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_object_unref (f->window);
  ss_test_wait_frames (1);
  remove_dir (f->dir);
  g_free (f->dir);
}

static char *
sample_path (void)
{
  return g_test_build_filename (G_TEST_DIST, "..", "data", "korea-key-materials.supplyshift", NULL);
}

static guint
count_files (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  guint n = 0;

  while (dir != NULL && g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

/* Whether @needle is in the first @len bytes of @data, NULs and all. */
static gboolean
bytes_contain (const char *data,
               gsize       len,
               const char *needle)
{
  gsize n = strlen (needle);

  for (gsize k = 0; k + n <= len; k++)
    if (memcmp (data + k, needle, n) == 0)
      return TRUE;
  return FALSE;
}

/* The window's briefing pack of the sample's file is the command line's,
 * byte for byte, with the date from SOURCE_DATE_EPOCH and without. */
static void
test_brief_as_cli (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *sample = sample_path ();
  g_autoptr(GFile) file = g_file_new_for_path (sample);
  const char *epochs[] = { "1764547200", NULL };

  g_assert_true (ss_window_load_file (f->window, file));
  ss_test_wait_frames (2);

  for (guint round = 0; round < G_N_ELEMENTS (epochs); round++)
    {
      g_autofree char *window_pdf = g_strdup_printf ("%s/window-%u.pdf", f->dir, round);
      g_autofree char *cli_pdf = g_strdup_printf ("%s/cli-%u.pdf", f->dir, round);
      g_autofree char *arg = g_strconcat ("--brief=", cli_pdf, NULL);
      g_autofree char *out = NULL, *err = NULL, *a = NULL, *b = NULL;
      g_autoptr(GFile) target = g_file_new_for_path (window_pdf);
      const char *argv[] = { g_getenv ("SUPPLYSHIFT"), arg, sample, NULL };
      g_auto(GStrv) env = NULL;
      gsize la, lb;
      int status;

      if (epochs[round] != NULL)
        g_setenv ("SOURCE_DATE_EPOCH", epochs[round], TRUE);
      else
        g_unsetenv ("SOURCE_DATE_EPOCH");
      env = g_get_environ ();

      g_assert_true (ss_window_export_brief (f->window, target));
      g_assert_null (ss_test_find_dialog ());

      g_assert_nonnull (argv[0]);
      g_assert_true (g_spawn_sync (NULL, (char **)argv, env, G_SPAWN_DEFAULT, NULL, NULL, &out, &err,
                                   &status, NULL));
      g_test_message ("%s%s", out, err);
      g_assert_true (g_spawn_check_wait_status (status, NULL));

      g_assert_true (g_file_get_contents (window_pdf, &a, &la, NULL));
      g_assert_true (g_file_get_contents (cli_pdf, &b, &lb, NULL));
      g_assert_true (g_str_has_prefix (a, "%PDF-"));
      g_assert_cmpuint (la, >, 10000);
      g_assert_cmpuint (la, ==, lb);
      g_assert_true (memcmp (a, b, la) == 0);
      if (epochs[round] != NULL)
        g_assert_true (bytes_contain (a, la, "/CreationDate (20251201000000Z)"));
    }
  g_unsetenv ("SOURCE_DATE_EPOCH");
}

/* A folder that does not exist: a dialog names the file and says why,
 * and nothing is written. */
static void
test_brief_unwritable (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(SsStudy) study = ss_study_load_sample ();
  g_autofree char *path = g_build_filename (f->dir, "no-such-folder", "pack.pdf", NULL);
  g_autoptr(GFile) target = g_file_new_for_path (path);
  AdwMessageDialog *dialog;

  ss_window_set_study (f->window, study, NULL);
  ss_test_wait_frames (2);
  g_assert_false (ss_window_export_brief (f->window, target));
  ss_test_iterate ();
  dialog = ss_test_find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Briefing Not Exported");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "pack.pdf"));
  ss_test_respond (dialog, "close");
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_files (f->dir), ==, 0);
}

typedef struct
{
  char     *text;
  gboolean  done;
} ReadText;

static void
on_text_read (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  ReadText *read = user_data;

  read->text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, NULL);
  read->done = TRUE;
}

/* Copy Figures: the cards, tab-separated, each as shown. */
static void
test_copy_figures (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(SsStudy) study = ss_study_load_sample ();
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  ReadText read = { 0 };

  ss_window_set_study (f->window, study, NULL);
  ss_window_select (f->window, 0, 0);
  ss_test_wait_frames (3);

  text = ss_window_figures_to_text (f->window);
  g_test_message ("%s", text);
  lines = g_strsplit (text, "\n", -1);
  /* What they show, the headings, seven cards, and the last line's end. */
  g_assert_cmpuint (g_strv_length (lines), ==, 2 + 7 + 1);
  g_assert_nonnull (strstr (lines[0], "Lithium hydroxide"));
  g_assert_nonnull (strstr (lines[0], "China plus one"));
  g_assert_cmpstr (lines[1], ==, "Figure\tValue\tAgainst the baseline");
  for (guint k = 0; k < 7; k++)
    {
      SsMetricCard *card = SS_METRIC_CARD (ss_window_get_card (f->window, k));
      g_auto(GStrv) cells = g_strsplit (lines[2 + k], "\t", -1);

      g_assert_cmpuint (g_strv_length (cells), ==, 3);
      g_assert_cmpstr (cells[0], ==, ss_metric_card_get_title (card));
      g_assert_cmpstr (cells[1], ==, ss_metric_card_get_value (card));
      g_assert_cmpstr (cells[1], !=, "");
    }
  g_assert_true (g_str_has_prefix (lines[2], "NPV cost premium\t+"));
  g_assert_cmpstr (lines[9], ==, "");

  /* The action puts the same text on the clipboard. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.copy-figures", NULL));
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (GTK_WIDGET (f->window)), NULL, on_text_read, &read);
  for (gint64 until = g_get_monotonic_time () + 5 * G_USEC_PER_SEC; !read.done && g_get_monotonic_time () < until;)
    g_main_context_iteration (NULL, FALSE);
  g_assert_true (read.done);
  g_assert_cmpstr (read.text, ==, text);
  g_free (read.text);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  if (!ss_test_init_display (SS_TEST_DISPLAY_ADWAITA))
    return 0;
  g_assert_nonnull (ss_get_resource ());

  g_test_add ("/window-export/brief-as-cli", Fixture, NULL, fixture_setup, test_brief_as_cli, fixture_teardown);
  g_test_add ("/window-export/brief-unwritable", Fixture, NULL, fixture_setup, test_brief_unwritable,
              fixture_teardown);
  g_test_add ("/window-export/copy-figures", Fixture, NULL, fixture_setup, test_copy_figures, fixture_teardown);

  return g_test_run ();
}
