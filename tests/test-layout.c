/* test-layout.c: checks on text as Pango lays it out
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "test-layout.h"

typedef struct
{
  gsize start, end;                    /* bytes of a name in the text */
} Span;

static int
by_length (gconstpointer a,
           gconstpointer b)
{
  gsize la = strlen (*(const char **)a), lb = strlen (*(const char **)b);

  return la < lb ? 1 : la > lb ? -1 : 0;
}

static int
by_start (gconstpointer a,
          gconstpointer b)
{
  const Span *x = a, *y = b;

  return x->start < y->start ? -1 : x->start > y->start;
}

/* In @layout, the characters between the end of each of @names and the
 * start of the next name (or the end of the line) must run left to right,
 * as they do after a plain name in a left-to-right text: a name with a
 * right-to-left override must not reverse what follows it. A name found
 * inside a longer one ("China" in "China plus one") counts as the longer
 * one. Format characters (the isolates) are skipped. Returns how many
 * characters were checked. */
guint
ss_test_assert_reads_forward (PangoLayout  *layout,
                              const char  **names)
{
  const char *plain = pango_layout_get_text (layout);
  g_autofree char *masked = g_strdup (plain);
  g_autoptr(GPtrArray) sorted = g_ptr_array_new ();
  g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (Span));
  guint checked = 0;

  for (guint k = 0; names[k] != NULL; k++)
    if (*names[k] != '\0')
      g_ptr_array_add (sorted, (gpointer)names[k]);
  g_ptr_array_sort (sorted, by_length);
  for (guint k = 0; k < sorted->len; k++)
    {
      const char *name = g_ptr_array_index (sorted, k);
      gsize len = strlen (name);

      for (char *found = strstr (masked, name); found != NULL; found = strstr (found + len, name))
        {
          Span span = { found - masked, found - masked + len };

          g_array_append_val (spans, span);
          memset (found, '\1', len);
        }
    }
  g_array_sort (spans, by_start);

  for (guint k = 0; k < spans->len; k++)
    {
      const Span *span = &g_array_index (spans, Span, k);
      const char *p = plain + span->end;
      const char *stop = k + 1 < spans->len ? plain + g_array_index (spans, Span, k + 1).start
                                            : plain + strlen (plain);
      const char *eol = strchr (p, '\n');
      int last = G_MININT, last_line = -1;

      if (eol != NULL && eol < stop)
        stop = eol;
      for (; p < stop; p = g_utf8_next_char (p))
        {
          int line, x;

          if (g_unichar_type (g_utf8_get_char (p)) == G_UNICODE_FORMAT)
            continue;
          /* A wrapped text starts again at the left of each line. */
          pango_layout_index_to_line_x (layout, p - plain, FALSE, &line, &x);
          if (line == last_line)
            g_assert_cmpint (x, >, last);
          last = x;
          last_line = line;
          checked++;
        }
    }
  return checked;
}
