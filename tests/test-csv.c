/* test-csv.c: the RFC 4180 reader under the import
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "ss-csv.h"

/* Every record of text, fields joined with '|' and records with '\n'; on
 * an error, "ERROR line:col: message" ends the result. */
static char *
read_all (const char *text,
          gsize       len)
{
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (text, len, NULL);
  g_autoptr(SsCsvReader) reader = ss_csv_reader_new (stream, NULL);
  g_autoptr(GError) error = NULL;
  GString *out = g_string_new (NULL);

  while (ss_csv_reader_next (reader, &error))
    {
      g_string_append_printf (out, "%u:", ss_csv_reader_get_line (reader));
      for (guint i = 0; i < ss_csv_reader_get_n_fields (reader); i++)
        {
          g_assert_cmpuint (strlen (ss_csv_reader_get_field (reader, i)), ==,
                            ss_csv_reader_get_field_len (reader, i));
          g_string_append_printf (out, "%s%s", i > 0 ? "|" : "", ss_csv_reader_get_field (reader, i));
        }
      g_string_append_c (out, '\n');
    }
  if (error != NULL)
    g_string_append_printf (out, "ERROR %u:%u: %s", ss_csv_reader_get_error_line (reader),
                            ss_csv_reader_get_error_column (reader), error->message);
  return g_string_free (out, FALSE);
}

static void
check (const char *text,
       const char *expected)
{
  g_autofree char *got = read_all (text, strlen (text));

  g_assert_cmpstr (got, ==, expected);
}

static void
test_plain (void)
{
  check ("a,b,c\n1,2,3\n", "1:a|b|c\n2:1|2|3\n");
  check ("a,b\n1,2", "1:a|b\n2:1|2\n");          /* no final line break */
  check ("a,,c\n,\n", "1:a||c\n2:|\n");
  check ("", "");
  check ("\n\nx\n", "1:\n2:\n3:x\n");
}

static void
test_quoting (void)
{
  check ("\"a,b\",\"say \"\"hi\"\"\",c\n", "1:a,b|say \"hi\"|c\n");
  check ("\"\",x\n", "1:|x\n");
  /* A line break inside quotes is data; the next record's line counts it. */
  check ("\"two\nlines\",x\nnext,y\n", "1:two\nlines|x\n3:next|y\n");
  check ("\"1,234\"\n", "1:1,234\n");
}

static void
test_crlf_bom (void)
{
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(SsCsvReader) reader = NULL;
  const char *text = "\xEF\xBB\xBF" "기간,국가\r\n2024.01,CN\r\n";

  check (text, "1:기간|국가\n2:2024.01|CN\n");
  check ("a,\"b\"\r\nc,d\r\n", "1:a|b\n2:c|d\n");
  check ("a\rb\r", "1:a\n2:b\n");

  stream = g_memory_input_stream_new_from_data (text, strlen (text), NULL);
  reader = ss_csv_reader_new (stream, NULL);
  g_assert_true (ss_csv_reader_next (reader, NULL));
  g_assert_true (ss_csv_reader_had_bom (reader));
  g_assert_cmpstr (ss_csv_reader_get_field (reader, 0), ==, "기간");
  g_assert_true (ss_csv_reader_next (reader, NULL));
  g_assert_true (ss_csv_reader_had_crlf (reader));
}

static void
test_errors (void)
{
  g_autofree char *a = read_all ("a,b\nx,y\"z\n", 10);
  g_autofree char *b = read_all ("a\n\"open,b\nc\n", 12);
  g_autofree char *c = read_all ("a\n\"q\"x,b\n", 9);
  g_autofree char *d = read_all ("a,b\n\0x\n", 7);
  g_autofree char *e = read_all ("\xFF\xFE" "a\0,\0", 6);

  g_assert_true (g_str_has_suffix (a, "ERROR 2:4: a quote inside a field that does not start with one "
                                      "(a field with quotes must be quoted whole, its quotes doubled)"));
  g_assert_true (g_str_has_prefix (b, "1:a\nERROR 2:1: the quoted field that starts here is never closed"));
  g_assert_nonnull (strstr (c, "ERROR 2:4: text after the closing quote"));
  g_assert_nonnull (strstr (d, "ERROR 2:1: the file has a NUL byte"));
  g_assert_true (g_str_has_prefix (e, "ERROR 1:1: the file is in UTF-16"));
}

/* Records that straddle the reader's internal buffer, quoted or not, come
 * out whole: compare with lines built by hand. */
static void
test_long_input (void)
{
  GString *text = g_string_new (NULL);
  GString *expected = g_string_new (NULL);
  g_autofree char *got = NULL;
  guint line = 1;

  for (guint r = 0; r < 40000; r++)
    {
      g_string_append_printf (text, "%u,\"q,%u\"\"\",plain%u\r\n", r, r, r % 97);
      g_string_append_printf (expected, "%u:%u|q,%u\"|plain%u\n", line++, r, r, r % 97);
    }
  got = read_all (text->str, text->len);
  g_assert_cmpuint (text->len, >, 3 * 256 * 1024);
  g_assert_cmpstr (got, ==, expected->str);
  g_string_free (text, TRUE);
  g_string_free (expected, TRUE);
}

static void
test_limits (void)
{
  GString *text = g_string_new ("\"");
  g_autofree char *got = NULL;

  for (guint i = 0; i < SS_CSV_MAX_RECORD_BYTES / 8 + 10; i++)
    g_string_append (text, "abcdefgh");
  got = read_all (text->str, text->len);
  g_assert_nonnull (strstr (got, "ERROR 1:1: the record is longer than"));
  g_string_free (text, TRUE);
}

static void
test_checksum (void)
{
  const char *text = "a,b\n1,2\n";
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (text, strlen (text), NULL);
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(SsCsvReader) reader = ss_csv_reader_new (stream, sum);
  g_autofree char *direct = g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);

  while (ss_csv_reader_next (reader, NULL))
    ;
  g_assert_cmpstr (g_checksum_get_string (sum), ==, direct);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/model/csv/plain", test_plain);
  g_test_add_func ("/model/csv/quoting", test_quoting);
  g_test_add_func ("/model/csv/crlf-bom", test_crlf_bom);
  g_test_add_func ("/model/csv/errors", test_errors);
  g_test_add_func ("/model/csv/long-input", test_long_input);
  g_test_add_func ("/model/csv/limits", test_limits);
  g_test_add_func ("/model/csv/checksum", test_checksum);
  return g_test_run ();
}
