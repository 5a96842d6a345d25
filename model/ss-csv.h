/* ss-csv.h: a streaming RFC 4180 reader that knows where every record is; quoting
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define SS_CSV_ERROR (ss_csv_error_quark ())

typedef enum
{
  SS_CSV_ERROR_READ,                   /* the stream failed (a cancelled read
                                        * is G_IO_ERROR_CANCELLED) */
  SS_CSV_ERROR_SYNTAX,                 /* not RFC 4180 */
  SS_CSV_ERROR_NOT_TEXT,               /* NUL bytes, UTF-16 */
  SS_CSV_ERROR_TOO_LONG,               /* a record over the limits below */
} SsCsvError;

/* A record may have at most this many fields and bytes, so a file that is
 * not CSV at all (one endless quoted field) costs bounded memory. */
#define SS_CSV_MAX_FIELDS       1024
#define SS_CSV_MAX_RECORD_BYTES (1024 * 1024)

typedef struct _SsCsvReader SsCsvReader;

GQuark       ss_csv_error_quark          (void);

SsCsvReader *ss_csv_reader_new           (GInputStream *stream,
                                          GChecksum    *checksum);
void         ss_csv_reader_free          (SsCsvReader  *self);
/* Once cancellable is cancelled, the next read of the stream fails with
 * G_IO_ERROR_CANCELLED (checked at every buffer of the stream). */
void         ss_csv_reader_set_cancellable (SsCsvReader *self,
                                          GCancellable *cancellable);

/* Reads the next record. FALSE at the end of the input (error unset) or on
 * a problem (error set, its message without the file name: the caller
 * prefixes it, see ss_csv_reader_get_error_line()). */
gboolean     ss_csv_reader_next          (SsCsvReader  *self,
                                          GError      **error);
guint        ss_csv_reader_get_n_fields  (SsCsvReader  *self);
/* NUL-terminated; valid until the next call to ss_csv_reader_next(). */
const char  *ss_csv_reader_get_field     (SsCsvReader  *self,
                                          guint         index);
gsize        ss_csv_reader_get_field_len (SsCsvReader  *self,
                                          guint         index);
/* The line the current record starts on (1-based); a quoted field may
 * hold line breaks, so records and lines differ. */
guint        ss_csv_reader_get_line      (SsCsvReader  *self);
/* Where the last error was found: line and column (1-based, in bytes). */
guint        ss_csv_reader_get_error_line   (SsCsvReader *self);
guint        ss_csv_reader_get_error_column (SsCsvReader *self);
gboolean     ss_csv_reader_had_bom       (SsCsvReader  *self);
gboolean     ss_csv_reader_had_crlf      (SsCsvReader  *self);
/* TRUE when the record is one empty field: a blank line. */
gboolean     ss_csv_reader_is_blank      (SsCsvReader  *self);

/* Appends text as one field: quoted when it holds a comma, a quote or a
 * line break, its quotes doubled (RFC 4180). */
void         ss_csv_append_field         (GString      *out,
                                          const char   *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SsCsvReader, ss_csv_reader_free)

G_END_DECLS
