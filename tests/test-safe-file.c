/* test-safe-file.c: what saving does to the files the user has
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Text no XML reader takes back is refused; a save through a link writes
 * the file it points to; read-only files, FIFOs and devices are left as
 * they are; owner and mode are kept; and a save killed with SIGKILL at
 * random moments leaves the old file or the new one, whole, and no
 * temporary file once the next save has run.
 */

#define G_LOG_DOMAIN "supplyshift-test"

#include "config.h"

#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "ss-safe-file.h"
#include "ss-study-file.h"
#include "ss-xml-text.h"
#include "test-files.h"

typedef struct
{
  char *dir;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("supplyshift-safe-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  ss_test_remove_tree (f->dir);
  g_free (f->dir);
}

static SsStudy *
sample_with_title (const char *title)
{
  SsStudy *study = ss_study_load_sample ();
  SsMeta *meta = ss_study_get_meta (study);

  g_free (meta->title);
  meta->title = g_strdup (title);
  return study;
}

/* --- XML text ---------------------------------------------------------- */

static void
test_xml_text_check (void)
{
  static const char *good[] = {
    "", "plain", "tab\tnew\nline\rreturn", "한국 수입", "emoji 🚢", "\xef\xbf\xbd",
    "\xc2\x85 next line (C1, allowed in XML 1.0)", "\xee\x80\x80 private use",
  };
  static const struct { const char *text; gunichar ch; gsize offset; } bad[] = {
    { "title \xef\xbf\xbe", 0xFFFE, 6 },
    { "\xef\xbf\xbf", 0xFFFF, 0 },
    { "bell\x07", 0x07, 4 },
    { "a\x01" "b", 0x01, 1 },
    { "esc \x1b[1m", 0x1B, 4 },
    { "unpaired \xed\xa0\x80 surrogate", (gunichar)-1, 9 },
    { "cut \xe2\x82", (gunichar)-1, 4 },
    { "latin-1 \xe9t\xe9", (gunichar)-1, 8 },
  };

  for (guint k = 0; k < G_N_ELEMENTS (good); k++)
    {
      g_autofree char *message = ss_xml_text_check (good[k], "The title");

      g_assert_false (ss_xml_text_find_invalid (good[k], -1, NULL, NULL));
      g_assert_null (message);
    }
  for (guint k = 0; k < G_N_ELEMENTS (bad); k++)
    {
      g_autofree char *message = ss_xml_text_check (bad[k].text, "The title");
      gsize offset = 0;
      gunichar ch = 0;

      g_assert_true (ss_xml_text_find_invalid (bad[k].text, -1, &offset, &ch));
      g_assert_cmpuint (ch, ==, bad[k].ch);
      g_assert_cmpuint (offset, ==, bad[k].offset);
      g_assert_nonnull (message);
      g_assert_true (g_str_has_prefix (message, "The title"));
    }
  /* A nul byte inside a counted string is no XML character either. */
  g_assert_true (ss_xml_text_find_invalid ("a\0b", 3, NULL, NULL));

  {
    g_autofree char *message = ss_xml_text_check ("ab\xef\xbf\xbe", "The title");

    g_assert_nonnull (strstr (message, "U+FFFE"));
    g_assert_nonnull (strstr (message, "3"));
  }
}

/* Every character the checker refuses is one libxml2 refuses on reading,
 * and every one it lets through reads back: the saver and the loader agree. */
static void
test_xml_text_agrees_with_loader (Fixture       *f,
                                  gconstpointer  data)
{
  static const char *titles[] = {
    "U+FFFE \xef\xbf\xbe", "U+FFFF \xef\xbf\xbf", "BEL \x07", "ESC \x1b", "VT \x0b", "FF \x0c",
    "NEL \xc2\x85", "U+FFFD \xef\xbf\xbd", "U+10FFFF \xf4\x8f\xbf\xbf", "U+E000 \xee\x80\x80",
  };
  g_autoptr(SsStudy) base = ss_study_load_sample ();
  g_autofree char *xml = ss_study_to_xml (base);

  for (guint k = 0; k < G_N_ELEMENTS (titles); k++)
    {
      g_autofree char *old_title = g_markup_escape_text (ss_study_get_meta (base)->title, -1);
      g_autofree char *needle = g_strdup_printf ("<title>%s</title>", old_title);
      g_autofree char *replacement = g_strdup_printf ("<title>%s</title>", titles[k]);
      g_autoptr(GString) edited = g_string_new (xml);
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(SsStudy) loaded = NULL;
      gboolean refused = ss_xml_text_find_invalid (titles[k], -1, NULL, NULL);
      gsize len;

      g_assert_cmpuint (g_string_replace (edited, needle, replacement, 1), ==, 1);
      len = edited->len;
      bytes = g_bytes_new_take (g_string_free (g_steal_pointer (&edited), FALSE), len);
      loaded = ss_study_load_bytes (bytes, "title.supplyshift", &error);
      if (refused)
        g_assert_null (loaded);
      else
        {
          g_assert_no_error (error);
          g_assert_cmpstr (ss_study_get_meta (loaded)->title, ==, titles[k]);
        }
    }
}

/* Today's bug: a title with U+FFFE saved ("Saved") and never opened again. */
static void
test_save_refuses_xml_invalid (Fixture       *f,
                               gconstpointer  data)
{
  static const struct { const char *title; const char *item_name; const char *place; } cases[] = {
    { "Title \xef\xbf\xbe", NULL, "<title>" },
    { "Title \xef\xbf\xbf", NULL, "<title>" },
    { "Bell \x07", NULL, "<title>" },
    { "Fine", "Gal\x01lium", "name=\"…\" of <item>" },
    { "Fine", "bad \xed\xa0\x80", "name=\"…\" of <item>" },
  };
  g_autofree char *path = g_build_filename (f->dir, "study.supplyshift", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(SsStudy) good = sample_with_title ("The old one");
  g_autoptr(GError) error = NULL;
  g_autofree char *old = NULL;

  g_assert_true (ss_study_save_file (good, file, FALSE, &error));
  g_assert_no_error (error);
  old = ss_test_read_file (path);

  for (guint k = 0; k < G_N_ELEMENTS (cases); k++)
    {
      g_autoptr(SsStudy) study = sample_with_title (cases[k].title);
      g_autofree char *now = NULL, *listing = NULL;

      if (cases[k].item_name != NULL)
        {
          SsItem *item = ss_study_get_item (study, 0);

          g_free (item->name);
          item->name = g_strdup (cases[k].item_name);
        }
      g_clear_error (&error);
      g_assert_false (ss_study_save_file (study, file, FALSE, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
      if (strstr (error->message, cases[k].place) == NULL || strstr (error->message, "line") == NULL)
        g_error ("the refusal does not say where: %s", error->message);
      now = ss_test_read_file (path);
      g_assert_cmpstr (now, ==, old);
      listing = ss_test_list_dir (f->dir);
      g_assert_cmpstr (listing, ==, "study.supplyshift");
    }
}

/* --- Links, read-only files, FIFOs, devices ---------------------------- */

static void
assert_is_link_to (const char *link,
                   const char *target)
{
  g_autofree char *read = g_file_read_link (link, NULL);
  struct stat st;

  g_assert_cmpint (lstat (link, &st), ==, 0);
  if (!S_ISLNK (st.st_mode))
    g_error ("%s is no longer a symbolic link", link);
  g_assert_cmpstr (read, ==, target);
}

static void
test_symlink (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *sub = g_build_filename (f->dir, "real", NULL);
  g_autofree char *real = g_build_filename (sub, "study.supplyshift", NULL);
  g_autofree char *link = g_build_filename (f->dir, "link.supplyshift", NULL);
  g_autofree char *link2 = g_build_filename (f->dir, "link2.supplyshift", NULL);
  g_autofree char *dangling = g_build_filename (f->dir, "dangling.supplyshift", NULL);
  g_autofree char *dangling_target = g_build_filename (sub, "new.supplyshift", NULL);
  g_autofree char *loop = g_build_filename (f->dir, "loop.supplyshift", NULL);
  g_autoptr(GFile) via_link = g_file_new_for_path (link);
  g_autoptr(GFile) via_link2 = g_file_new_for_path (link2);
  g_autoptr(GFile) via_dangling = g_file_new_for_path (dangling);
  g_autoptr(GFile) via_loop = g_file_new_for_path (loop);
  g_autoptr(SsStudy) first = sample_with_title ("First");
  g_autoptr(SsStudy) second = sample_with_title ("Second");
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = ss_study_to_xml (second);
  g_autofree char *got = NULL, *listing = NULL;

  g_assert_cmpint (g_mkdir (sub, 0755), ==, 0);
  ss_test_write_file (real, "old contents");
  /* A relative link, and a link to that link. */
  g_assert_cmpint (symlink ("real/study.supplyshift", link), ==, 0);
  g_assert_cmpint (symlink ("link.supplyshift", link2), ==, 0);

  g_assert_true (ss_study_save_file (second, via_link, FALSE, &error));
  g_assert_no_error (error);
  assert_is_link_to (link, "real/study.supplyshift");
  got = ss_test_read_file (real);
  g_assert_cmpstr (got, ==, expected);

  g_assert_true (ss_study_save_file (first, via_link2, FALSE, &error));
  g_assert_no_error (error);
  assert_is_link_to (link2, "link.supplyshift");
  assert_is_link_to (link, "real/study.supplyshift");
  g_clear_pointer (&got, g_free);
  got = ss_test_read_file (real);
  g_assert_true (g_str_has_prefix (got, "<?xml"));
  g_assert_nonnull (strstr (got, "<title>First</title>"));

  /* A link whose file does not exist yet: the file is made where it points. */
  g_assert_cmpint (symlink (dangling_target, dangling), ==, 0);
  g_assert_true (ss_study_save_file (second, via_dangling, FALSE, &error));
  g_assert_no_error (error);
  assert_is_link_to (dangling, dangling_target);
  g_clear_pointer (&got, g_free);
  got = ss_test_read_file (dangling_target);
  g_assert_cmpstr (got, ==, expected);

  /* A loop of links is an error, not a hang. */
  g_assert_cmpint (symlink ("loop.supplyshift", loop), ==, 0);
  g_assert_false (ss_study_save_file (second, via_loop, FALSE, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  listing = ss_test_list_dir (sub);
  g_assert_cmpstr (listing, ==, "new.supplyshift study.supplyshift");
}

static void
test_read_only (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "study.supplyshift", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(SsStudy) study = sample_with_title ("New");
  g_autoptr(GError) error = NULL;
  g_autofree char *got = NULL, *listing = NULL;
  struct stat st;

  ss_test_write_file (path, "old contents");
  g_assert_cmpint (g_chmod (path, 0444), ==, 0);

  /* Even root, who could, does not replace a file marked read-only. */
  g_assert_false (ss_study_save_file (study, file, FALSE, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, "read-only"));
  got = ss_test_read_file (path);
  g_assert_cmpstr (got, ==, "old contents");
  g_assert_cmpint (stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 0444);
  listing = ss_test_list_dir (f->dir);
  g_assert_cmpstr (listing, ==, "study.supplyshift");
}

static void
test_not_regular (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *fifo = g_build_filename (f->dir, "fifo.supplyshift", NULL);
  g_autofree char *null_link = g_build_filename (f->dir, "null.supplyshift", NULL);
  g_autofree char *folder = g_build_filename (f->dir, "folder.supplyshift", NULL);
  const char *paths[] = { fifo, null_link, folder };
  g_autoptr(SsStudy) study = sample_with_title ("New");
  g_autofree char *listing = NULL;
  struct stat st;

  g_assert_cmpint (mkfifo (fifo, 0644), ==, 0);
  g_assert_cmpint (symlink ("/dev/null", null_link), ==, 0);
  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);

  for (guint k = 0; k < G_N_ELEMENTS (paths); k++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (paths[k]);
      g_autoptr(GError) error = NULL;

      g_assert_false (ss_study_save_file (study, file, FALSE, &error));
      g_assert_nonnull (error);
      g_assert_true (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE)
                     || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY));
    }
  g_assert_cmpint (lstat (fifo, &st), ==, 0);
  g_assert_true (S_ISFIFO (st.st_mode));
  g_assert_cmpint (stat ("/dev/null", &st), ==, 0);
  g_assert_true (S_ISCHR (st.st_mode));
  assert_is_link_to (null_link, "/dev/null");
  listing = ss_test_list_dir (f->dir);
  g_assert_cmpstr (listing, ==, "fifo.supplyshift folder.supplyshift null.supplyshift");
}

static void
test_keeps_mode_and_owner (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "study.supplyshift", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(SsStudy) study = sample_with_title ("New");
  g_autoptr(GError) error = NULL;
  gboolean root = geteuid () == 0;
  struct stat st;

  ss_test_write_file (path, "old contents");
  g_assert_cmpint (g_chmod (path, 0640), ==, 0);
  /* Root can give the file away, and must then keep its owner. */
  if (root)
    g_assert_cmpint (chown (path, 4321, 4322), ==, 0);

  g_assert_true (ss_study_save_file (study, file, FALSE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 0640);
  if (root)
    {
      g_assert_cmpint (st.st_uid, ==, 4321);
      g_assert_cmpint (st.st_gid, ==, 4322);
    }
  else
    g_test_message ("not root: the owner part was not checked");
}

/* The command line's --export goes through the same write. */
static void
test_cli_export (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *real = g_build_filename (f->dir, "real.svg", NULL);
  g_autofree char *link = g_build_filename (f->dir, "link.svg", NULL);
  g_autofree char *read_only = g_build_filename (f->dir, "read-only.svg", NULL);
  g_autofree char *export_link = g_strconcat ("--export=", link, NULL);
  g_autofree char *export_read_only = g_strconcat ("--export=", read_only, NULL);
  g_autofree char *target = NULL, *contents = NULL, *err = NULL;
  const char *link_argv[] = { g_getenv ("SUPPLYSHIFT"), export_link, NULL };
  const char *ro_argv[] = { g_getenv ("SUPPLYSHIFT"), export_read_only, NULL };
  g_autoptr(GError) error = NULL;
  int status;

  g_assert_nonnull (g_getenv ("SUPPLYSHIFT"));
  ss_test_write_file (real, "old");
  g_assert_cmpint (symlink ("real.svg", link), ==, 0);
  g_assert_true (g_spawn_sync (NULL, (char **)link_argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                               NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  assert_is_link_to (link, "real.svg");
  contents = ss_test_read_file (real);
  g_assert_nonnull (strstr (contents, "<svg"));

  ss_test_write_file (read_only, "old");
  g_assert_cmpint (g_chmod (read_only, 0444), ==, 0);
  g_assert_true (g_spawn_sync (NULL, (char **)ro_argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                               NULL, &err, &status, &error));
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 3);
  g_assert_nonnull (strstr (err, "read-only"));
  g_clear_pointer (&contents, g_free);
  contents = ss_test_read_file (read_only);
  g_assert_cmpstr (contents, ==, "old");
}

/* --- Stray temporary files --------------------------------------------- */

/* A process id that is certainly not running: a child that has exited. */
static pid_t
dead_pid (void)
{
  pid_t pid = fork ();

  if (pid == 0)
    _exit (0);
  g_assert_cmpint (pid, >, 0);
  g_assert_cmpint (waitpid (pid, NULL, 0), ==, pid);
  return pid;
}

static void
test_stray_cleanup (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "study.supplyshift", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *stray = g_strdup_printf ("%s/.study.supplyshift.saving.%d.Ab12Cd", f->dir,
                                            (int)dead_pid ());
  /* pid 1 always runs: its temporary file may be a save in progress. */
  g_autofree char *busy = g_strdup_printf ("%s/.study.supplyshift.saving.1.Ef34Gh", f->dir);
  g_autofree char *other = g_strdup_printf ("%s/.other.supplyshift.saving.%d.Ij56Kl", f->dir,
                                            (int)dead_pid ());
  g_autofree char *expected = NULL, *listing = NULL;
  g_autofree char *other_path = g_build_filename (f->dir, "other.supplyshift", NULL);
  g_autoptr(SsStudy) study = sample_with_title ("New");
  g_autoptr(GError) error = NULL;

  ss_test_write_file (stray, "half a stu");
  ss_test_write_file (busy, "being written");
  ss_test_write_file (other, "another file's");

  g_assert_true (ss_study_save_file (study, file, FALSE, &error));
  g_assert_no_error (error);
  listing = ss_test_list_dir (f->dir);
  expected = g_strdup_printf ("%s %s %s", strrchr (other, '/') + 1, strrchr (busy, '/') + 1,
                              "study.supplyshift");
  g_assert_cmpstr (listing, ==, expected);

  /* At start the program cleans the folders of its recent files. */
  g_assert_cmpuint (ss_safe_file_clean_strays (other_path), ==, 1);
  g_assert_false (g_file_test (other, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (busy, G_FILE_TEST_EXISTS));
}

/* The child saves A and B in turn, as fast as it can, until killed. */
static void G_GNUC_NORETURN
save_forever (const char *path,
              GBytes     *a,
              GBytes     *b)
{
  for (guint k = 0;; k++)
    {
      GBytes *data = k % 2 == 0 ? a : b;

      ss_safe_file_set_contents (path, g_bytes_get_data (data, NULL), g_bytes_get_size (data),
                                 SS_SAFE_FILE_NONE, NULL, NULL);
    }
}

static GBytes *
make_contents (char   fill,
               gsize  len)
{
  char *data = g_malloc (len);

  memset (data, fill, len);
  memcpy (data, "<?xml", 5);
  return g_bytes_new_take (data, len);
}

static void
test_kill_during_save (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "study.supplyshift", NULL);
  g_autoptr(GBytes) a = make_contents ('a', 3 * 1024 * 1024);
  g_autoptr(GBytes) b = make_contents ('b', 3 * 1024 * 1024 + 17);
  g_autoptr(GRand) rand = g_rand_new ();
  guint strays_seen = 0;
  const guint rounds = 40;

  g_assert_true (ss_safe_file_set_contents (path, g_bytes_get_data (a, NULL), g_bytes_get_size (a),
                                            SS_SAFE_FILE_NONE, NULL, NULL));
  for (guint round = 0; round < rounds; round++)
    {
      g_autoptr(GBytes) now = NULL;
      g_autofree char *listing = NULL;
      char *text = NULL;
      gsize len = 0;
      pid_t pid = fork ();
      int status;

      if (pid == 0)
        save_forever (path, a, b);
      g_assert_cmpint (pid, >, 0);
      g_usleep (g_rand_int_range (rand, 1000, 60000));
      g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      g_assert_true (WIFSIGNALED (status));

      g_assert_true (g_file_get_contents (path, &text, &len, NULL));
      now = g_bytes_new_take (text, len);
      if (!g_bytes_equal (now, a) && !g_bytes_equal (now, b))
        g_error ("round %u: after a kill the file is neither the old nor the new one (%" G_GSIZE_FORMAT
                 " bytes)", round, len);
      listing = ss_test_list_dir (f->dir);
      strays_seen += !g_str_equal (listing, "study.supplyshift");

      /* The next save removes what the killed one left. */
      g_assert_true (ss_safe_file_set_contents (path, g_bytes_get_data (a, NULL), g_bytes_get_size (a),
                                                SS_SAFE_FILE_NONE, NULL, NULL));
      g_clear_pointer (&listing, g_free);
      listing = ss_test_list_dir (f->dir);
      g_assert_cmpstr (listing, ==, "study.supplyshift");
    }
  g_test_message ("%u of %u kills left a temporary file, each removed by the next save",
                  strays_seen, rounds);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/safe-file/xml-text/check", test_xml_text_check);
  g_test_add ("/safe-file/xml-text/agrees-with-loader", Fixture, NULL, fixture_setup,
              test_xml_text_agrees_with_loader, fixture_teardown);
  g_test_add ("/safe-file/xml-text/save-refuses", Fixture, NULL, fixture_setup,
              test_save_refuses_xml_invalid, fixture_teardown);
  g_test_add ("/safe-file/symlink", Fixture, NULL, fixture_setup, test_symlink, fixture_teardown);
  g_test_add ("/safe-file/read-only", Fixture, NULL, fixture_setup, test_read_only, fixture_teardown);
  g_test_add ("/safe-file/not-regular", Fixture, NULL, fixture_setup, test_not_regular,
              fixture_teardown);
  g_test_add ("/safe-file/keeps-mode-and-owner", Fixture, NULL, fixture_setup,
              test_keeps_mode_and_owner, fixture_teardown);
  g_test_add ("/safe-file/cli-export", Fixture, NULL, fixture_setup, test_cli_export, fixture_teardown);
  g_test_add ("/safe-file/stray-cleanup", Fixture, NULL, fixture_setup, test_stray_cleanup,
              fixture_teardown);
  g_test_add ("/safe-file/kill-during-save", Fixture, NULL, fixture_setup, test_kill_during_save,
              fixture_teardown);

  return g_test_run ();
}
