/* ss-table.h: figures as rows and columns, to copy as text or write as CSV
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* A column of numbers shown with this many decimals; a text column. */
#define SS_TABLE_TEXT (-1)

#define SS_TYPE_TABLE (ss_table_get_type ())

typedef struct _SsTable SsTable;

GType        ss_table_get_type      (void) G_GNUC_CONST;

SsTable     *ss_table_new           (void);
SsTable     *ss_table_ref           (SsTable    *self);
void         ss_table_unref         (SsTable    *self);

guint        ss_table_add_column    (SsTable    *self,
                                     const char *title,
                                     const char *unit,
                                     int         digits);
guint        ss_table_add_row       (SsTable    *self);
void         ss_table_set_text      (SsTable    *self,
                                     guint       row,
                                     guint       column,
                                     const char *text);
void         ss_table_take_text     (SsTable    *self,
                                     guint       row,
                                     guint       column,
                                     char       *text);
void         ss_table_set_number    (SsTable    *self,
                                     guint       row,
                                     guint       column,
                                     double      value);

guint        ss_table_get_n_rows    (const SsTable *self);
guint        ss_table_get_n_columns (const SsTable *self);
const char  *ss_table_get_title     (const SsTable *self,
                                     guint          column);
const char  *ss_table_get_unit      (const SsTable *self,
                                     guint          column);
int          ss_table_get_digits    (const SsTable *self,
                                     guint          column);
char        *ss_table_get_header    (const SsTable *self,
                                     guint          column);
gboolean     ss_table_is_number     (const SsTable *self,
                                     guint          row,
                                     guint          column);
double       ss_table_get_number    (const SsTable *self,
                                     guint          row,
                                     guint          column);
const char  *ss_table_get_text      (const SsTable *self,
                                     guint          row,
                                     guint          column);

char        *ss_table_to_csv        (const SsTable *self);
char        *ss_table_to_tsv        (const SsTable *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SsTable, ss_table_unref)

G_END_DECLS
