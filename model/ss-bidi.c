/* ss-bidi.c: a name set into a longer text, which it cannot reorder
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Names come from study files written by other people. A right-to-left
 * override (U+202E) in a country's name would reverse, on screen, the
 * rest of the sentence it is set into ("Under Vietnam plus, China's
 * share of ... falls from 84 % to 50 %"); a Hebrew or Arabic name would
 * pull the figures after it into its own direction. Unicode's answer
 * (UAX #9, and the W3C's advice for inserting user text) is to set the
 * name in an isolate: U+2068 FIRST STRONG ISOLATE ... U+2069 POP
 * DIRECTIONAL ISOLATE. Inside it, the name is laid out in its own
 * direction; outside, it counts as one neutral character, and every
 * embedding or override it opens ends at the closing U+2069.
 *
 * The isolate only holds if the name cannot close it early or leave it
 * open: a stray U+2069 in the name is dropped, an isolate the name opens
 * is closed, and a paragraph break (which ends every isolate) becomes a
 * space. The name also starts a new grapheme after U+2068, so a combining
 * mark at its start cannot join the character before it.
 *
 * Only text for display gets isolates: never a name stored in the study
 * or written to a file.
 */

#define G_LOG_DOMAIN "supplyshift-bidi"

#include "config.h"

#include <string.h>

#include "ss-bidi.h"

#define FSI 0x2068                     /* FIRST STRONG ISOLATE */
#define PDI 0x2069                     /* POP DIRECTIONAL ISOLATE */

/* Bidi class B (paragraph separator): ends every isolate. */
static gboolean
is_paragraph_separator (gunichar ch)
{
  return ch == '\n' || ch == '\r' || (ch >= 0x1c && ch <= 0x1e) || ch == 0x85 || ch == 0x2029;
}

/**
 * ss_bidi_isolate:
 * @name: a name, UTF-8
 *
 * Returns: (transfer full): @name in a first-strong isolate, to be set
 *   into a longer text for display.
 */
char *
ss_bidi_isolate (const char *name)
{
  GString *out;
  guint open = 0;

  g_return_val_if_fail (name != NULL, NULL);

  out = g_string_sized_new (strlen (name) + 8);
  g_string_append_unichar (out, FSI);
  for (const char *p = name; *p != '\0';)
    {
      gunichar ch = g_utf8_get_char_validated (p, -1);

      if (ch == (gunichar)-1 || ch == (gunichar)-2)
        {
          /* Not UTF-8 (a loaded study always is): one byte, shown as such. */
          g_string_append_unichar (out, 0xfffd);
          p++;
          continue;
        }
      p = g_utf8_next_char (p);

      if (ch == 0x2066 || ch == 0x2067 || ch == FSI)     /* LRI, RLI, FSI */
        open++;
      else if (ch == PDI)
        {
          if (open == 0)
            continue;
          open--;
        }
      else if (is_paragraph_separator (ch))
        ch = ' ';
      g_string_append_unichar (out, ch);
    }
  for (; open > 0; open--)
    g_string_append_unichar (out, PDI);
  g_string_append_unichar (out, PDI);
  return g_string_free (out, FALSE);
}
