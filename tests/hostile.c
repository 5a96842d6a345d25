/* hostile.c: hostile study files and a guarded `supplyshift --validate`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "hostile.h"

#define MIB (1024 * 1024)

extern char **environ;

static double
now_s (void)
{
  return g_get_monotonic_time () / (double)G_USEC_PER_SEC;
}

/* posix_spawn and wait4 rather than GSubprocess: wait4 gives the child's
 * own processor time and peak memory, which the benchmark reports. */
void
hostile_validate (const char *path,
                  double      kill_after_s,
                  HostileRun *run)
{
  const char *program = g_getenv ("SUPPLYSHIFT");
  g_autofree char *err_path = g_build_filename (g_get_tmp_dir (), "supplyshift-err-XXXXXX", NULL);
  posix_spawn_file_actions_t actions;
  char *argv[] = { (char *)program, (char *)"--validate", (char *)path, NULL };
  struct rusage usage = { 0 };
  double start, deadline;
  int fd, wstatus = 0;
  pid_t pid;

  if (program == NULL)
    g_error ("SUPPLYSHIFT must name the built supplyshift binary (meson sets it)");

  fd = g_mkstemp (err_path);
  if (fd < 0)
    g_error ("cannot create %s: %s", err_path, g_strerror (errno));
  posix_spawn_file_actions_init (&actions);
  posix_spawn_file_actions_adddup2 (&actions, fd, STDERR_FILENO);
  posix_spawn_file_actions_addopen (&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);

  start = now_s ();
  deadline = start + kill_after_s;
  if (posix_spawn (&pid, program, &actions, NULL, argv, environ) != 0)
    g_error ("cannot run %s: %s", program, g_strerror (errno));
  posix_spawn_file_actions_destroy (&actions);

  for (;;)
    {
      if (wait4 (pid, &wstatus, WNOHANG, &usage) == pid)
        break;
      if (now_s () > deadline)
        {
          kill (pid, SIGKILL);
          wait4 (pid, &wstatus, 0, &usage);
          break;
        }
      g_usleep (2000);
    }
  run->wall_s = now_s () - start;
  run->cpu_s = usage.ru_utime.tv_sec + usage.ru_stime.tv_sec
               + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
  run->peak_mib = usage.ru_maxrss / 1024.0;
  run->status = WIFEXITED (wstatus) ? WEXITSTATUS (wstatus) : -1;
  close (fd);
  if (!g_file_get_contents (err_path, &run->err, NULL, NULL))
    run->err = g_strdup ("");
  g_unlink (err_path);
}

void
hostile_run_clear (HostileRun *run)
{
  g_clear_pointer (&run->err, g_free);
}

/* The line number of "PATH:LINE: error: " at the start of text, or -1. */
static int
line_of_message (const char *text,
                 const char *path)
{
  gsize n = strlen (path);
  const char *p = text;
  int line = 0;

  if (strncmp (p, path, n) != 0 || p[n] != ':' || !g_ascii_isdigit (p[n + 1]))
    return -1;
  for (p += n + 1; g_ascii_isdigit (*p); p++)
    line = MIN (line * 10 + (*p - '0'), G_MAXINT / 10);
  return g_str_has_prefix (p, ": error: ") ? line : -1;
}

/* Every line is "PATH:LINE: error: MESSAGE", and there is at least one. */
gboolean
hostile_all_file_lines (const char *err,
                        const char *path)
{
  g_auto(GStrv) lines = g_strsplit (err, "\n", -1);
  guint count = 0;

  for (guint k = 0; lines[k] != NULL; k++)
    {
      if (lines[k][0] == '\0')
        continue;
      if (line_of_message (lines[k], path) < 0)
        return FALSE;
      count++;
    }
  return count > 0;
}

gboolean
hostile_has_line (const char *err,
                  const char *path,
                  int         line,
                  const char *fragment)
{
  g_auto(GStrv) lines = g_strsplit (err, "\n", -1);

  for (guint k = 0; lines[k] != NULL; k++)
    {
      int at = line_of_message (lines[k], path);

      if (at >= 0 && (line < 0 || at == line)
          && (fragment == NULL || strstr (lines[k], fragment) != NULL))
        return TRUE;
    }
  return FALSE;
}

/* The head of a small valid study, through <items>: 13 lines. */
static const char study_head[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<study version=\"1\">\n  <meta>\n"
  "    <title>T</title>\n    <base-year>2024</base-year>\n    <horizon>5</horizon>\n"
  "    <home>KR</home>\n  </meta>\n  <countries>\n"
  "    <country code=\"CN\" name=\"China\" governance=\"6\" disruption-probability=\"0.1\" "
  "disruption-severity=\"0.5\" disruption-days=\"120\" cost-index=\"1\" cost-growth=\"0.04\" "
  "tariff=\"0\" logistics=\"0.03\" ramp=\"0.2\"/>\n"
  "    <country code=\"KR\" name=\"Korea\" governance=\"2.5\" disruption-probability=\"0.01\" "
  "disruption-severity=\"0.3\" disruption-days=\"30\" cost-index=\"1.35\" cost-growth=\"0.02\" "
  "tariff=\"0\" logistics=\"0\" ramp=\"0.1\"/>\n  </countries>\n  <items>\n";

static const char study_tail[] =
  "    <item code=\"A\" name=\"A\" value=\"1\">\n      <source country=\"CN\" share=\"1\"/>\n"
  "    </item>\n  </items>\n</study>\n";

enum
{
  DEEP_NESTING,
  MANY_ATTRIBUTES,
  ATTRIBUTE_60MIB,
  UNCLOSED_COMMENT_60MIB,
  LESS_THAN_60MIB,
  UTF7_60MIB,
  UTF16_60MIB,
  UNKNOWN_ELEMENTS,
  ITEMS_10001,
  DUPLICATE_ITEMS,
  TARGETS_UNKNOWN_ITEMS,
  N_BIG
};

static const HostileExpectation big[N_BIG] = {
  [DEEP_NESTING]           = { "big-deep-nesting-100000", 4, "nested more than 32 levels deep" },
  [MANY_ATTRIBUTES]        = { "big-many-attributes-30000", 2, "a tag is longer than 64 KiB" },
  [ATTRIBUTE_60MIB]        = { "big-attribute-60mib", 14, "a tag is longer than 64 KiB" },
  [UNCLOSED_COMMENT_60MIB] = { "big-unclosed-comment-60mib", 14, "a tag is longer than 64 KiB" },
  [LESS_THAN_60MIB]        = { "big-less-than-60mib", 2, "a tag is longer than 64 KiB" },
  [UTF7_60MIB]             = { "big-utf7-60mib", 1, "declares the encoding UTF-7" },
  [UTF16_60MIB]            = { "big-utf16-60mib", 1, "the file is in UTF-16" },
  [UNKNOWN_ELEMENTS]       = { "big-unknown-elements-1000000", 3, "unknown element <x> in <study>" },
  [ITEMS_10001]            = { "big-items-10001", 10014, "more than 10000 items" },
  [DUPLICATE_ITEMS]        = { "big-duplicate-items-10000", 15, "item same is declared twice" },
  [TARGETS_UNKNOWN_ITEMS]  = { "big-targets-unknown-items-160000", 10017,
                               "target for item missing-000000, which is not declared in <items>" },
};

guint
hostile_n_big (void)
{
  return N_BIG;
}

const HostileExpectation *
hostile_big_expectation (guint index)
{
  g_return_val_if_fail (index < N_BIG, NULL);
  return &big[index];
}

static void
repeat (GString    *s,
        const char *text,
        gsize       times)
{
  for (gsize k = 0; k < times; k++)
    g_string_append (s, text);
}

GString *
hostile_big_new (guint index)
{
  GString *s;

  switch (index)
    {
    case DEEP_NESTING:
      {
        GString *deep = g_string_new ("<title>");

        repeat (deep, "<a>", 100000);
        repeat (deep, "</a>", 100000);
        g_string_append (deep, "</title>");
        s = g_string_new (study_head);
        g_string_replace (s, "<title>T</title>", deep->str, 1);
        g_string_append (s, study_tail);
        g_string_free (deep, TRUE);
        return s;
      }

    case MANY_ATTRIBUTES:
      /* libxml2 2.9 compares attributes pair by pair. */
      s = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<study version=\"1\"");
      for (guint k = 0; k < 30000; k++)
        g_string_append_printf (s, " a%u=\"1\"", k);
      g_string_append (s, "/>\n");
      return s;

    case ATTRIBUTE_60MIB:
      s = g_string_new (study_head);
      g_string_append (s, "    <item code=\"A\" name=\"");
      repeat (s, "xxxxxxxx", 60 * MIB / 8);
      g_string_append (s, "\" value=\"1\"/>\n  </items>\n</study>\n");
      return s;

    case UNCLOSED_COMMENT_60MIB:
      s = g_string_new (study_head);
      g_string_append (s, "<!--");
      repeat (s, "comment\n", 60 * MIB / 8);
      return s;

    case LESS_THAN_60MIB:
      s = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
      repeat (s, "<<<<<<<<", 60 * MIB / 8);
      return s;

    case UTF7_60MIB:
      /* Every byte in ASCII's range: nothing a scan for bytes would flag. */
      s = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-7\"?>\n+ADw-study version=\"1\"+AD4-");
      repeat (s, "+ADw-a/+AD4-    ", 60 * MIB / 16);
      return s;

    case UTF16_60MIB:
      {
        GString *text = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n<study version=\"1\">");
        g_autoptr(GError) error = NULL;
        g_autofree char *utf16 = NULL;
        gsize len;

        repeat (text, "<target item=\"x\" country=\"CN\" share=\"1\"/>\n", 700000);
        g_string_append (text, "</study>\n");
        utf16 = g_convert (text->str, text->len, "UTF-16", "UTF-8", NULL, &len, &error);
        g_assert_no_error (error);
        g_string_free (text, TRUE);
        return g_string_new_len (utf16, MIN (len, (gsize)60 * MIB));
      }

    case UNKNOWN_ELEMENTS:
      s = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<study version=\"1\">\n");
      repeat (s, "<x/>\n", 1000000);
      g_string_append (s, "</study>\n");
      return s;

    case ITEMS_10001:
      s = g_string_new (study_head);
      for (guint k = 0; k < 10001; k++)
        g_string_append_printf (s, "    <item code=\"i%u\" name=\"i\" value=\"1\"><source "
                                "country=\"CN\" share=\"1\"/></item>\n", k);
      g_string_append (s, "  </items>\n</study>\n");
      return s;

    case DUPLICATE_ITEMS:
      s = g_string_new (study_head);
      repeat (s, "    <item code=\"same\" name=\"i\" value=\"1\"><source country=\"CN\" "
                 "share=\"1\"/></item>\n", 10000);
      g_string_append (s, "  </items>\n</study>\n");
      return s;

    case TARGETS_UNKNOWN_ITEMS:
      /* Each target looks its item up among 10 000 items. */
      s = g_string_new (study_head);
      for (guint k = 0; k < 10000; k++)
        g_string_append_printf (s, "    <item code=\"item-%05u\" name=\"i\" value=\"1\"><source "
                                "country=\"CN\" share=\"1\"/></item>\n", k);
      g_string_append (s, "  </items>\n  <scenarios>\n    <scenario id=\"s\" name=\"S\">\n");
      for (guint k = 0; k < 160000; k++)
        g_string_append_printf (s, "      <target item=\"missing-%06u\" country=\"CN\" share=\"1\"/>\n", k);
      g_string_append (s, "    </scenario>\n  </scenarios>\n</study>\n");
      return s;

    default:
      g_return_val_if_reached (NULL);
    }
}
