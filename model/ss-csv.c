/* ss-csv.c: a streaming RFC 4180 reader that knows where every record is; quoting
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Trade statistics come as CSV files of hundreds of megabytes, so records
 * are read one at a time from a stream through a fixed buffer: memory is
 * bounded by the longest record, never by the file. Quoting follows RFC
 * 4180 strictly (a quote inside an unquoted field, or text after a closing
 * quote, is an error with its line and column, never silently kept);
 * records end in CRLF or LF, and a UTF-8 byte order mark is skipped. The
 * reader works on bytes and does not decode text: the delimiters are
 * ASCII, and neither UTF-8, ISO-8859-1 nor CP949 uses those bytes inside
 * a character, so the caller decides the encoding of the fields it reads.
 * docs/decisions.md says why this is not libcsv.
 */

#define G_LOG_DOMAIN "supplyshift-csv"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "ss-csv.h"

#define BUFFER_SIZE (256 * 1024)

G_DEFINE_QUARK (ss-csv-error-quark, ss_csv_error)

struct _SsCsvReader
{
  GInputStream *stream;
  GChecksum    *checksum;              /* borrowed; may be NULL */
  GCancellable *cancellable;           /* may be NULL */

  guchar       *buf;
  gsize         pos;
  gsize         len;
  gboolean      eof;
  gboolean      started;

  char         *rec;                   /* the fields, each NUL-terminated */
  gsize         rec_len;
  gsize         rec_alloc;
  gsize        *starts;
  gsize        *lens;
  guint         n_fields;

  guint         line;                  /* of the next byte */
  guint         col;                   /* of the last byte read */
  guint         record_line;
  guint         error_line;
  guint         error_col;
  gboolean      bom;
  gboolean      crlf;
};

/* Bytes that end an unquoted run; everything else is copied as it is. */
static guchar special[256];

static void
init_special (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      special[','] = special['\n'] = special['\r'] = special['"'] = special['\0'] = 1;
      g_once_init_leave (&done, 1);
    }
}

SsCsvReader *
ss_csv_reader_new (GInputStream *stream,
                   GChecksum    *checksum)
{
  SsCsvReader *self = g_new0 (SsCsvReader, 1);

  init_special ();
  self->stream = g_object_ref (stream);
  self->checksum = checksum;
  self->buf = g_malloc (BUFFER_SIZE);
  self->rec_alloc = 4096;
  self->rec = g_malloc (self->rec_alloc);
  self->starts = g_new (gsize, SS_CSV_MAX_FIELDS + 1);
  self->lens = g_new (gsize, SS_CSV_MAX_FIELDS + 1);
  self->line = 1;
  return self;
}

void
ss_csv_reader_free (SsCsvReader *self)
{
  if (self == NULL)
    return;
  g_object_unref (self->stream);
  g_clear_object (&self->cancellable);
  g_free (self->buf);
  g_free (self->rec);
  g_free (self->starts);
  g_free (self->lens);
  g_free (self);
}

/* A read is stopped between two buffers: often enough to answer a
 * Cancel at once (a buffer is some thousand records), and not a check
 * per record. */
void
ss_csv_reader_set_cancellable (SsCsvReader  *self,
                               GCancellable *cancellable)
{
  g_set_object (&self->cancellable, cancellable);
}

static gboolean
fill (SsCsvReader  *self,
      GError      **error)
{
  g_autoptr(GError) local_error = NULL;
  gssize n;

  if (self->eof)
    return TRUE;
  n = g_input_stream_read (self->stream, self->buf, BUFFER_SIZE, self->cancellable, &local_error);
  if (n < 0)
    {
      self->error_line = self->line;
      self->error_col = 0;
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error_literal (error, SS_CSV_ERROR, SS_CSV_ERROR_READ, local_error->message);
      return FALSE;
    }
  self->pos = 0;
  self->len = (gsize)n;
  self->eof = n == 0;
  if (self->checksum != NULL && n > 0)
    g_checksum_update (self->checksum, self->buf, n);
  return TRUE;
}

static gboolean fail (SsCsvReader *self, GError **error, int code, guint line, guint col,
                      const char *format, ...) G_GNUC_PRINTF (6, 7);

static gboolean
fail (SsCsvReader  *self,
      GError      **error,
      int           code,
      guint         line,
      guint         col,
      const char   *format,
      ...)
{
  va_list args;

  self->error_line = line;
  self->error_col = col;
  va_start (args, format);
  if (error != NULL)
    *error = g_error_new_valist (SS_CSV_ERROR, code, format, args);
  va_end (args);
  return FALSE;
}

/* The first bytes: a UTF-8 BOM is skipped, UTF-16 is refused (its NUL
 * bytes would otherwise be reported as a binary file). */
static gboolean
start (SsCsvReader  *self,
       GError      **error)
{
  self->started = TRUE;
  if (!fill (self, error))
    return FALSE;
  /* A short first read could split the BOM; streams from files do not
   * return fewer than three bytes unless the file is that short. */
  if (self->len >= 3 && memcmp (self->buf, "\xEF\xBB\xBF", 3) == 0)
    {
      self->pos = 3;
      self->bom = TRUE;
    }
  else if (self->len >= 2 && (memcmp (self->buf, "\xFF\xFE", 2) == 0
                              || memcmp (self->buf, "\xFE\xFF", 2) == 0))
    return fail (self, error, SS_CSV_ERROR_NOT_TEXT, 1, 1,
                 _("the file is in UTF-16; save it as UTF-8 (or CSV UTF-8 in a spreadsheet)"));
  return TRUE;
}

static gboolean
append (SsCsvReader  *self,
        const void   *bytes,
        gsize         n,
        GError      **error)
{
  if (self->rec_len + n + 1 > self->rec_alloc)
    {
      if (self->rec_len + n + 1 > SS_CSV_MAX_RECORD_BYTES)
        return fail (self, error, SS_CSV_ERROR_TOO_LONG, self->record_line, 1,
                     _("the record is longer than %d KiB"), SS_CSV_MAX_RECORD_BYTES / 1024);
      while (self->rec_len + n + 1 > self->rec_alloc)
        self->rec_alloc *= 2;
      self->rec = g_realloc (self->rec, self->rec_alloc);
    }
  memcpy (self->rec + self->rec_len, bytes, n);
  self->rec_len += n;
  return TRUE;
}

static gboolean
end_field (SsCsvReader  *self,
           GError      **error)
{
  gsize start = self->starts[self->n_fields];

  if (!append (self, "", 1, error))
    return FALSE;
  self->lens[self->n_fields] = self->rec_len - 1 - start;
  self->n_fields++;
  if (self->n_fields > SS_CSV_MAX_FIELDS)
    return fail (self, error, SS_CSV_ERROR_TOO_LONG, self->record_line, 1,
                 _("the record has more than %d fields"), SS_CSV_MAX_FIELDS);
  self->starts[self->n_fields] = self->rec_len;
  return TRUE;
}

/* The next byte, or -1 at the end of the input (or -2 on a read error). */
static inline int
next_byte (SsCsvReader  *self,
           GError      **error)
{
  if (self->pos == self->len)
    {
      if (self->eof || !fill (self, error))
        return self->eof ? -1 : -2;
      if (self->eof)
        return -1;
    }
  self->col++;
  return self->buf[self->pos++];
}

static inline void
new_line (SsCsvReader *self)
{
  self->line++;
  self->col = 0;
}

/* After a CR: a following LF belongs to the same line end. */
static gboolean
eat_lf (SsCsvReader  *self,
        GError      **error)
{
  if (self->pos == self->len && !self->eof && !fill (self, error))
    return FALSE;
  if (self->pos < self->len && self->buf[self->pos] == '\n')
    {
      self->pos++;
      self->crlf = TRUE;
    }
  new_line (self);
  return TRUE;
}

/* Appends the bytes from the position up to `run`, on the same line. */
static gboolean
append_run (SsCsvReader  *self,
            gsize         run,
            GError      **error)
{
  if (!append (self, self->buf + self->pos, run - self->pos, error))
    return FALSE;
  self->col += run - self->pos;
  self->pos = run;
  return TRUE;
}

/* What ends a field outside quotes: a comma, a line end, the end of the
 * file (-1). */
static gboolean
is_separator (int c)
{
  return c == ',' || c == '\n' || c == '\r' || c == -1;
}

/* Ends the field at the separator c; after anything but a comma the
 * record ends too (a CR eats the LF after it). */
static gboolean
end_field_at (SsCsvReader  *self,
              int           c,
              GError      **error)
{
  if (c == '\n')
    new_line (self);
  else if (c == '\r' && !eat_lf (self, error))
    return FALSE;
  return end_field (self, error);
}

gboolean
ss_csv_reader_next (SsCsvReader  *self,
                    GError      **error)
{
  enum { FIELD_START, UNQUOTED, QUOTED, QUOTE_IN_QUOTED } state = FIELD_START;
  guint quote_line = 0, quote_col = 0;

  if (!self->started && !start (self, error))
    return FALSE;
  if (self->pos == self->len && !self->eof && !fill (self, error))
    return FALSE;
  if (self->pos == self->len && self->eof)
    return FALSE;

  self->record_line = self->line;
  self->n_fields = 0;
  self->rec_len = 0;
  self->starts[0] = 0;

  for (;;)
    {
      int c;

      /* The common case, a run of plain bytes, is copied in one go. */
      if (state == UNQUOTED || state == FIELD_START)
        {
          gsize run = self->pos;

          while (run < self->len && !special[self->buf[run]])
            run++;
          if (run > self->pos)
            {
              if (!append_run (self, run, error))
                return FALSE;
              state = UNQUOTED;
              if (self->pos < self->len)
                continue;
            }
        }
      else if (state == QUOTED)
        {
          gsize run = self->pos;

          while (run < self->len && self->buf[run] != '"' && self->buf[run] != '\n'
                 && self->buf[run] != '\0')
            run++;
          if (run > self->pos)
            {
              if (!append_run (self, run, error))
                return FALSE;
              if (self->pos < self->len)
                continue;
            }
        }

      c = next_byte (self, error);
      if (c == -2)
        return FALSE;
      if (c == 0)
        return fail (self, error, SS_CSV_ERROR_NOT_TEXT, self->line, self->col,
                     _("the file has a NUL byte: it is not text (UTF-16 or a binary file?)"));

      switch (state)
        {
        case FIELD_START:
          if (c == '"')
            {
              state = QUOTED;
              quote_line = self->line;
              quote_col = self->col;
              break;
            }
          G_GNUC_FALLTHROUGH;
        case UNQUOTED:
          if (is_separator (c))
            {
              gboolean ok = end_field_at (self, c, error);

              if (!ok || c != ',')
                return ok;
              state = FIELD_START;
            }
          else if (c == '"')
            return fail (self, error, SS_CSV_ERROR_SYNTAX, self->line, self->col,
                         _("a quote inside a field that does not start with one "
                           "(a field with quotes must be quoted whole, its quotes doubled)"));
          else
            {
              char ch = (char)c;

              if (!append (self, &ch, 1, error))
                return FALSE;
              state = UNQUOTED;
            }
          break;

        case QUOTED:
          if (c == '"')
            state = QUOTE_IN_QUOTED;
          else if (c == -1)
            return fail (self, error, SS_CSV_ERROR_SYNTAX, quote_line, quote_col,
                         _("the quoted field that starts here is never closed"));
          else
            {
              char ch = (char)c;

              if (c == '\n')
                new_line (self);
              if (!append (self, &ch, 1, error))
                return FALSE;
            }
          break;

        case QUOTE_IN_QUOTED:
          if (c == '"')
            {
              if (!append (self, "\"", 1, error))
                return FALSE;
              state = QUOTED;
            }
          else if (is_separator (c))
            {
              gboolean ok = end_field_at (self, c, error);

              if (!ok || c != ',')
                return ok;
              state = FIELD_START;
            }
          else
            return fail (self, error, SS_CSV_ERROR_SYNTAX, self->line, self->col,
                         _("text after the closing quote of a field; expected a comma or the end of the line"));
          break;

        default:
          g_assert_not_reached ();
        }
    }
}

guint
ss_csv_reader_get_n_fields (SsCsvReader *self)
{
  return self->n_fields;
}

const char *
ss_csv_reader_get_field (SsCsvReader *self,
                         guint        index)
{
  g_return_val_if_fail (index < self->n_fields, "");
  return self->rec + self->starts[index];
}

gsize
ss_csv_reader_get_field_len (SsCsvReader *self,
                             guint        index)
{
  g_return_val_if_fail (index < self->n_fields, 0);
  return self->lens[index];
}

guint
ss_csv_reader_get_line (SsCsvReader *self)
{
  return self->record_line;
}

guint
ss_csv_reader_get_error_line (SsCsvReader *self)
{
  return self->error_line;
}

guint
ss_csv_reader_get_error_column (SsCsvReader *self)
{
  return self->error_col;
}

gboolean
ss_csv_reader_had_bom (SsCsvReader *self)
{
  return self->bom;
}

gboolean
ss_csv_reader_had_crlf (SsCsvReader *self)
{
  return self->crlf;
}

gboolean
ss_csv_reader_is_blank (SsCsvReader *self)
{
  return self->n_fields == 1 && self->lens[0] == 0;
}

/* RFC 4180: a field with a comma, a quote or a line break is quoted, and
 * its quotes doubled. */
void
ss_csv_append_field (GString    *out,
                     const char *text)
{
  g_return_if_fail (out != NULL);
  g_return_if_fail (text != NULL);

  if (strpbrk (text, ",\"\r\n") == NULL)
    {
      g_string_append (out, text);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = text; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}
