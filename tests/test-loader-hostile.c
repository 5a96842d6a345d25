/* test-loader-hostile.c: hostile and malformed files are refused, with a line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every file of tests/data/hostile/ (small ones, kept so that a fuzzer can
 * replay them) and the big ones of hostile.c (generated) is given to
 * `supplyshift --validate` as a user would: it must exit with status 2
 * and say FILE:LINE: error: on every line, naming the expected line and
 * problem. Each child is killed after a generous budget, so a file that
 * hangs the loader fails here instead of hanging the suite; how fast the
 * answer comes is the load benchmark's business (tests/bench-load.c).
 */

#include "config.h"

#include <stdarg.h>
#include <string.h>

#include <glib/gstdio.h>

#include "hostile.h"
#include "ss-study-file.h"
#include "ss-study-private.h"

/* Ten times the 2 s target, so a loaded machine does not fail a test. */
#define BUDGET_S 20.0

typedef struct
{
  HostileExpectation expect;
  gboolean           only_message;     /* refused at once: nothing parsed after it */
} KeptCase;

#define ENCODING(name, what) { { name, 1, what }, TRUE }
#define DOCTYPE(name, line)  { { name, line, "the file has a DOCTYPE; study files may not declare one" }, TRUE }
#define AT(name, line, what) { { name, line, what }, FALSE }

static const char not_utf8[] = "the file is not UTF-8";
static const char utf16_bom[] = "the file is in UTF-16 (it starts with a UTF-16 byte order mark)";
static const char utf32_bom[] = "the file is in UTF-32 (it starts with a UTF-32 byte order mark)";

/* Every file of tests/data/hostile/, and what its refusal must say. */
static const KeptCase kept[] = {
  /* Not UTF-8: refused before parsing, however the rest would parse. */
  ENCODING ("ebcdic-doctype-entity-bomb.supplyshift", "the file is in EBCDIC"),
  ENCODING ("ebcdic-valid.supplyshift", "the file is in EBCDIC"),
  ENCODING ("utf7-doctype-entity-bomb.supplyshift", "the file declares the encoding UTF-7"),
  ENCODING ("utf7-valid.supplyshift", "the file declares the encoding UTF-7"),
  ENCODING ("utf16le-bom-doctype-entity-bomb.supplyshift", utf16_bom),
  ENCODING ("utf16be-bom-doctype-entity-bomb.supplyshift", utf16_bom),
  ENCODING ("utf16le-bom-only.supplyshift", utf16_bom),
  ENCODING ("utf16le-no-bom-doctype-entity-bomb.supplyshift", "the file is in UTF-16;"),
  ENCODING ("utf16be-no-bom-doctype-entity-bomb.supplyshift", "the file is in UTF-16;"),
  ENCODING ("utf32le-bom-doctype-entity-bomb.supplyshift", utf32_bom),
  ENCODING ("utf32be-bom-doctype-entity-bomb.supplyshift", utf32_bom),
  ENCODING ("utf32le-no-bom-doctype-entity-bomb.supplyshift", "the file is in UTF-32;"),
  ENCODING ("utf32be-no-bom-doctype-entity-bomb.supplyshift", "the file is in UTF-32;"),
  ENCODING ("latin1-declared.supplyshift", "the file declares the encoding ISO-8859-1"),
  ENCODING ("latin1-declared-latin1-byte.supplyshift", "the file declares the encoding ISO-8859-1"),
  ENCODING ("latin1-declared-doctype-entity-bomb.supplyshift", "the file declares the encoding ISO-8859-1"),
  ENCODING ("ascii-declared.supplyshift", "the file declares the encoding US-ASCII"),
  ENCODING ("encoding-declared-twice-spaced.supplyshift", "the file declares the encoding windows-1252"),
  ENCODING ("utf8-bom-utf16-declared.supplyshift", "the file declares the encoding UTF-16"),
  { { "latin1-undeclared-byte.supplyshift", 14, not_utf8 }, TRUE },
  { { "bad-utf8-continuation.supplyshift", 14, not_utf8 }, TRUE },
  { { "bad-utf8-overlong.supplyshift", 14, not_utf8 }, TRUE },
  { { "bad-utf8-surrogate.supplyshift", 14, not_utf8 }, TRUE },
  { { "bad-utf8-truncated.supplyshift", 14, not_utf8 }, TRUE },
  { { "nul-byte-in-title.supplyshift", 4, "the file has a NUL byte" }, TRUE },
  { { "binary.supplyshift", 1, "the file has a NUL byte" }, TRUE },

  /* A DOCTYPE stops the parser where it starts: one message, no entity. */
  DOCTYPE ("doctype-billion-laughs.supplyshift", 2),
  DOCTYPE ("doctype-billion-laughs-in-text.supplyshift", 2),
  DOCTYPE ("doctype-external-entity.supplyshift", 2),
  DOCTYPE ("doctype-external-dtd.supplyshift", 2),
  DOCTYPE ("doctype-parameter-entity.supplyshift", 2),
  DOCTYPE ("doctype-quadratic-blowup.supplyshift", 2),
  DOCTYPE ("doctype-after-comment-and-pi.supplyshift", 5),
  DOCTYPE ("doctype-after-bom.supplyshift", 2),
  DOCTYPE ("doctype-empty.supplyshift", 1),

  /* Malformed XML, and structure the loader refuses. */
  AT ("entity-undeclared.supplyshift", 14, "Entity 'lol9' not defined"),
  AT ("entity-in-number.supplyshift", 14, "value \"3500&\" is not a number"),
  AT ("bad-character-reference.supplyshift", 4, "character reference out of bounds"),
  AT ("deep-nesting.supplyshift", 4, "nested more than 32 levels deep"),
  AT ("deep-nesting-unclosed.supplyshift", 2, "nested more than 32 levels deep"),
  AT ("many-attributes.supplyshift", 2, "<study>: unknown attribute 'a0'"),
  AT ("duplicate-attribute.supplyshift", 14, "Attribute value redefined"),
  AT ("xinclude.supplyshift", 14, "unknown element <include> in <items>"),
  AT ("pi-xml-stylesheet-external.supplyshift", 15, "item 282520: unknown attribute 'y'"),
  AT ("empty.supplyshift", 1, "Document is empty"),
  AT ("white-space-only.supplyshift", 1, "Document is empty"),
  AT ("truncated.supplyshift", 10, NULL),
  AT ("unclosed-comment.supplyshift", 19, "Comment not terminated"),
  AT ("unclosed-cdata.supplyshift", 18, "CData section not finished"),
  AT ("text-after-root.supplyshift", 19, "Extra content at the end of the document"),
  AT ("two-roots.supplyshift", 19, "Extra content at the end of the document"),
  AT ("xml-declaration-not-first.supplyshift", 3, "XML declaration allowed only at the start"),
};

/* One TAP line per failure: newlines in a message would end it early. */
G_GNUC_PRINTF (1, 2) static void
fail (const char *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_test_message ("FAIL: %s", message);
  g_strdelimit (message, "\n", '|');
  g_test_fail_printf ("%s", message);
}

static void
check_refusal (const char               *path,
               const HostileExpectation *expect,
               gboolean                  only_message)
{
  HostileRun run = { 0 };
  g_autofree char *contents = NULL;
  gsize len = 0;

  /* The loader's streaming pass refuses it too (and so hands it to the
   * whole tree, whose messages are checked below). */
  if (g_file_get_contents (path, &contents, &len, NULL))
    {
      g_autoptr(GBytes) bytes = g_bytes_new_take (g_steal_pointer (&contents), len);
      g_autoptr(SsStudy) streamed = _ss_study_load_streaming (bytes, expect->name);

      if (streamed != NULL)
        fail ("%s: the streaming pass of the loader accepts it", expect->name);
    }

  hostile_validate (path, BUDGET_S, &run);
  g_test_message ("%s: exit %d after %.2f s:\n%s", expect->name, run.status, run.wall_s, run.err);

  if (run.status < 0)
    fail ("%s: killed after %.0f s (the loader hangs or is far too slow)",
                        expect->name, run.wall_s);
  else if (run.status != 2)
    fail ("%s: exit status %d, expected 2", expect->name, run.status);
  else if (!hostile_all_file_lines (run.err, path))
    fail ("%s: a line of the refusal is not \"FILE:LINE: error: ...\":\n%s",
                        expect->name, run.err);
  else if (!hostile_has_line (run.err, path, expect->line, expect->fragment))
    fail ("%s: expected line %d to say \"%s\", got:\n%s", expect->name, expect->line,
                        expect->fragment != NULL ? expect->fragment : "", run.err);
  else if (only_message && strchr (run.err, '\n') != strrchr (run.err, '\n'))
    fail ("%s: more than one message; the file should be refused before anything "
                        "else is parsed:\n%s", expect->name, run.err);
  hostile_run_clear (&run);
}

static void
test_kept (gconstpointer data)
{
  const KeptCase *c = data;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "hostile", c->expect.name, NULL);

  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  check_refusal (path, &c->expect, c->only_message);
}

/* A file added to the folder without saying what its refusal is would
 * only be checked by the fuzzer. */
static void
test_every_file_described (void)
{
  g_autofree char *dir_path = g_test_build_filename (G_TEST_DIST, "data", "hostile", NULL);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;
  guint count = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      gboolean found = FALSE;

      for (guint k = 0; k < G_N_ELEMENTS (kept) && !found; k++)
        found = g_str_equal (kept[k].expect.name, name);
      if (!found)
        fail ("tests/data/hostile/%s is not described in %s", name, __FILE__);
      count++;
    }
  g_assert_cmpuint (count, ==, G_N_ELEMENTS (kept));
}

static void
test_big (gconstpointer data)
{
  guint index = GPOINTER_TO_UINT (data);
  const HostileExpectation *expect = hostile_big_expectation (index);
  g_autofree char *dir = g_dir_make_tmp ("supplyshift-hostile-XXXXXX", NULL);
  g_autofree char *path = g_strconcat (dir, G_DIR_SEPARATOR_S, expect->name, ".supplyshift", NULL);
  GString *text = hostile_big_new (index);
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (dir);
  g_file_set_contents (path, text->str, text->len, &error);
  g_assert_no_error (error);
  g_string_free (text, TRUE);
  check_refusal (path, expect, FALSE);
  g_unlink (path);
  g_rmdir (dir);
}

/* The checks that refuse the files above must not refuse the UTF-8 that
 * file-format.md allows: with or without a BOM or a declaration, the
 * encoding named in any case. */
static void
test_utf8_forms_load (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "example-study.xml", NULL);
  g_autofree char *text = NULL;
  const char *body;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  body = strchr (text, '\n') + 1;

  {
    g_autofree char *bom = g_strconcat ("\xEF\xBB\xBF", text, NULL);
    g_autofree char *lower = g_strconcat ("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n", body, NULL);
    g_autofree char *single = g_strconcat ("<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n",
                                           body, NULL);
    g_autofree char *bare = g_strconcat ("<?xml version=\"1.0\"?>\n", body, NULL);
    const char *forms[] = { text, bom, lower, single, bare, body };

    for (guint k = 0; k < G_N_ELEMENTS (forms); k++)
      {
        g_autoptr(GBytes) bytes = g_bytes_new_static (forms[k], strlen (forms[k]));
        g_autoptr(GError) load_error = NULL;
        g_autoptr(SsStudy) study = ss_study_load_bytes (bytes, "example", &load_error);

        g_assert_no_error (load_error);
        g_assert_nonnull (study);
      }
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint k = 0; k < G_N_ELEMENTS (kept); k++)
    {
      g_autofree char *stem = g_strndup (kept[k].expect.name, strcspn (kept[k].expect.name, "."));
      g_autofree char *test_path = g_strconcat ("/loader-hostile/kept/", stem, NULL);

      g_test_add_data_func (test_path, &kept[k], test_kept);
    }
  g_test_add_func ("/loader-hostile/kept/every-file-described", test_every_file_described);
  for (guint k = 0; k < hostile_n_big (); k++)
    {
      g_autofree char *test_path = g_strconcat ("/loader-hostile/big/", hostile_big_expectation (k)->name,
                                                NULL);

      g_test_add_data_func (test_path, GUINT_TO_POINTER (k), test_big);
    }
  g_test_add_func ("/loader-hostile/utf8-forms-load", test_utf8_forms_load);

  return g_test_run ();
}
