/* ss-table.c: figures as rows and columns, to copy as text or write as CSV
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What a chart draws, the scenario comparison and the figure cards are
 * each put in an SsTable once, and the table writes itself two ways:
 *
 * - as CSV (a file for a program): RFC 4180, a UTF-8 byte order mark and
 *   CRLF line ends, so that a spreadsheet reads Hangul names right; every
 *   number in full, in the C locale, as few digits as read back the same
 *   double; an undefined number is an empty field;
 * - as tab-separated text (the clipboard, for a spreadsheet or HWP): each
 *   number as the window shows it, with the user's decimal mark and no
 *   thousands separator, which a spreadsheet would take for text.
 *
 * Either way the first line is the headers, each with its unit:
 * "NPV cost premium (million USD)". docs/decisions.md, "Tables".
 */

#define G_LOG_DOMAIN "supplyshift-table"

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "ss-csv.h"
#include "ss-table.h"

typedef struct
{
  char *title;
  char *unit;                          /* NULL: none */
  int   digits;                        /* SS_TABLE_TEXT: a text column */
} Column;

typedef struct
{
  char   *text;                        /* NULL: a number, or empty */
  double  number;                      /* NAN: none */
} Cell;

struct _SsTable
{
  gatomicrefcount ref_count;
  GArray         *columns;             /* of Column */
  GPtrArray      *rows;                /* of Cell[n_columns] */
};

G_DEFINE_BOXED_TYPE (SsTable, ss_table, ss_table_ref, ss_table_unref)

static void
column_clear (gpointer data)
{
  Column *column = data;

  g_free (column->title);
  g_free (column->unit);
}

SsTable *
ss_table_new (void)
{
  SsTable *self = g_new0 (SsTable, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->columns = g_array_new (FALSE, TRUE, sizeof (Column));
  g_array_set_clear_func (self->columns, column_clear);
  self->rows = g_ptr_array_new ();
  return self;
}

SsTable *
ss_table_ref (SsTable *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
ss_table_unref (SsTable *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  for (guint r = 0; r < self->rows->len; r++)
    {
      Cell *cells = g_ptr_array_index (self->rows, r);

      for (guint c = 0; c < self->columns->len; c++)
        g_free (cells[c].text);
      g_free (cells);
    }
  g_ptr_array_unref (self->rows);
  g_array_unref (self->columns);
  g_free (self);
}

/* A heading as a spreadsheet should read it: the no-break spaces and
 * word joiners that keep a chart's unit on one line
 * (ssc_format_unbreakable()) become plain spaces, or go. */
static char *
plain_heading (const char *text)
{
  GString *out;

  if (text == NULL)
    return NULL;
  out = g_string_sized_new (strlen (text));
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);

      if (ch == 0x00A0 || ch == 0x202F)
        g_string_append_c (out, ' ');
      else if (ch != 0x2060)
        g_string_append_unichar (out, ch);
    }
  return g_string_free (out, FALSE);
}

/* Columns come first: a table takes no column once it has a row. */
guint
ss_table_add_column (SsTable    *self,
                     const char *title,
                     const char *unit,
                     int         digits)
{
  Column column = { plain_heading (title), plain_heading (unit), digits };

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (title != NULL, 0);
  g_return_val_if_fail (self->rows->len == 0, 0);

  g_array_append_val (self->columns, column);
  return self->columns->len - 1;
}

guint
ss_table_add_row (SsTable *self)
{
  Cell *cells;

  g_return_val_if_fail (self != NULL, 0);

  cells = g_new0 (Cell, MAX (self->columns->len, 1));
  for (guint c = 0; c < self->columns->len; c++)
    cells[c].number = NAN;
  g_ptr_array_add (self->rows, cells);
  return self->rows->len - 1;
}

static Cell *
cell_at (const SsTable *self,
         guint          row,
         guint          column)
{
  g_return_val_if_fail (row < self->rows->len, NULL);
  g_return_val_if_fail (column < self->columns->len, NULL);

  return &((Cell *)g_ptr_array_index (self->rows, row))[column];
}

void
ss_table_take_text (SsTable *self,
                    guint    row,
                    guint    column,
                    char    *text)
{
  Cell *cell;

  g_return_if_fail (self != NULL);

  cell = cell_at (self, row, column);
  if (cell == NULL)
    {
      g_free (text);
      return;
    }
  g_free (cell->text);
  cell->text = text;
  cell->number = NAN;
}

void
ss_table_set_text (SsTable    *self,
                   guint       row,
                   guint       column,
                   const char *text)
{
  ss_table_take_text (self, row, column, g_strdup (text));
}

/* NAN (an undefined figure) leaves the cell empty. */
void
ss_table_set_number (SsTable *self,
                     guint    row,
                     guint    column,
                     double   value)
{
  Cell *cell;

  g_return_if_fail (self != NULL);

  cell = cell_at (self, row, column);
  if (cell == NULL)
    return;
  g_clear_pointer (&cell->text, g_free);
  cell->number = value == 0 ? 0 : value;   /* no "-0" */
}

guint
ss_table_get_n_rows (const SsTable *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->rows->len;
}

guint
ss_table_get_n_columns (const SsTable *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->columns->len;
}

static const Column *
column_at (const SsTable *self,
           guint          column)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (column < self->columns->len, NULL);

  return &g_array_index (self->columns, Column, column);
}

const char *
ss_table_get_title (const SsTable *self,
                    guint          column)
{
  const Column *c = column_at (self, column);

  return c != NULL ? c->title : NULL;
}

const char *
ss_table_get_unit (const SsTable *self,
                   guint          column)
{
  const Column *c = column_at (self, column);

  return c != NULL ? c->unit : NULL;
}

int
ss_table_get_digits (const SsTable *self,
                     guint          column)
{
  const Column *c = column_at (self, column);

  return c != NULL ? c->digits : SS_TABLE_TEXT;
}

/* "Title (unit)", or the title alone. */
char *
ss_table_get_header (const SsTable *self,
                     guint          column)
{
  const Column *c = column_at (self, column);

  if (c == NULL)
    return NULL;
  if (c->unit == NULL || *c->unit == '\0')
    return g_strdup (c->title);
  return g_strdup_printf ("%s (%s)", c->title, c->unit);
}

gboolean
ss_table_is_number (const SsTable *self,
                    guint          row,
                    guint          column)
{
  const Cell *cell;

  g_return_val_if_fail (self != NULL, FALSE);

  cell = cell_at (self, row, column);
  return cell != NULL && cell->text == NULL && isfinite (cell->number);
}

double
ss_table_get_number (const SsTable *self,
                     guint          row,
                     guint          column)
{
  const Cell *cell;

  g_return_val_if_fail (self != NULL, NAN);

  cell = cell_at (self, row, column);
  return cell != NULL && cell->text == NULL ? cell->number : NAN;
}

/* A text cell's text, or NULL for a number or an empty cell. */
const char *
ss_table_get_text (const SsTable *self,
                   guint          row,
                   guint          column)
{
  const Cell *cell;

  g_return_val_if_fail (self != NULL, NULL);

  cell = cell_at (self, row, column);
  return cell != NULL ? cell->text : NULL;
}

/* The fewest significant digits that read back as the same double, in
 * the C locale: 84.5, not 84.500000000000014 nor 84,5. */
static void
append_exact (GString *out,
              double   value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  for (int precision = 15; precision <= 17; precision++)
    {
      g_ascii_formatd (buf, sizeof buf, precision == 15 ? "%.15g" : precision == 16 ? "%.16g" : "%.17g",
                       value);
      if (g_ascii_strtod (buf, NULL) == value)
        break;
    }
  g_string_append (out, buf);
}

char *
ss_table_to_csv (const SsTable *self)
{
  GString *out;

  g_return_val_if_fail (self != NULL, NULL);

  out = g_string_new ("\xef\xbb\xbf");
  for (guint c = 0; c < self->columns->len; c++)
    {
      g_autofree char *header = ss_table_get_header (self, c);

      if (c > 0)
        g_string_append_c (out, ',');
      ss_csv_append_field (out, header);
    }
  g_string_append (out, "\r\n");
  for (guint r = 0; r < self->rows->len; r++)
    {
      for (guint c = 0; c < self->columns->len; c++)
        {
          const Cell *cell = cell_at (self, r, c);

          if (c > 0)
            g_string_append_c (out, ',');
          if (cell->text != NULL)
            ss_csv_append_field (out, cell->text);
          else if (isfinite (cell->number))
            append_exact (out, cell->number);
        }
      g_string_append (out, "\r\n");
    }
  return g_string_free (out, FALSE);
}

/* A tab or a line break inside a field would split it: they become
 * spaces, as a spreadsheet would show them anyway. */
static void
append_tsv_field (GString    *out,
                  const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    g_string_append_c (out, *p == '\t' || *p == '\n' || *p == '\r' ? ' ' : *p);
}

/* The locale's decimal mark and no grouping: what a spreadsheet in the
 * same locale reads as a number. A value that rounds to zero has no sign. */
static void
append_shown (GString *out,
              double   value,
              int      digits)
{
  g_autofree char *text = g_strdup_printf ("%.*f", MAX (digits, 0), value);
  const char *shown = text;

  if (text[0] == '-' && strspn (text + 1, "0.,") == strlen (text + 1))
    shown++;
  g_string_append (out, shown);
}

char *
ss_table_to_tsv (const SsTable *self)
{
  GString *out;

  g_return_val_if_fail (self != NULL, NULL);

  out = g_string_new (NULL);
  for (guint c = 0; c < self->columns->len; c++)
    {
      g_autofree char *header = ss_table_get_header (self, c);

      if (c > 0)
        g_string_append_c (out, '\t');
      append_tsv_field (out, header);
    }
  g_string_append_c (out, '\n');
  for (guint r = 0; r < self->rows->len; r++)
    {
      for (guint c = 0; c < self->columns->len; c++)
        {
          const Cell *cell = cell_at (self, r, c);
          int digits = g_array_index (self->columns, Column, c).digits;

          if (c > 0)
            g_string_append_c (out, '\t');
          if (cell->text != NULL)
            append_tsv_field (out, cell->text);
          else if (isfinite (cell->number))
            append_shown (out, cell->number, digits);
        }
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}
