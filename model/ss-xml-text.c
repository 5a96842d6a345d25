/* ss-xml-text.c: which text a study file can hold
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * XML 1.0 holds only the characters of its Char production: tab, line
 * feed, carriage return, U+0020–U+D7FF, U+E000–U+FFFD and U+10000 up,
 * and not even as character references. A study holding any other
 * character (U+FFFE, U+FFFF, a C0 control, bytes that are not UTF-8,
 * such as an unpaired surrogate) would be written, and then refused by
 * every reader, libxml2 included, for good. The editor refuses such text
 * where it is typed and the saver refuses to write it; both ask here.
 */

#define G_LOG_DOMAIN "supplyshift-xml-text"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ss-xml-text.h"

static gboolean
is_xml_char (gunichar c)
{
  return c == 0x9 || c == 0xA || c == 0xD
         || (c >= 0x20 && c <= 0xD7FF)
         || (c >= 0xE000 && c <= 0xFFFD)
         || (c >= 0x10000 && c <= 0x10FFFF);
}

/**
 * ss_xml_text_find_invalid:
 * @text: the text
 * @len: its length in bytes, or -1 when nul-terminated
 * @offset: (out) (optional): the byte offset of the first refused character
 * @ch: (out) (optional): that character, or (gunichar)-1 where the bytes
 *   are not UTF-8
 *
 * Returns: whether @text holds anything an XML 1.0 document cannot
 */
gboolean
ss_xml_text_find_invalid (const char *text,
                          gssize      len,
                          gsize      *offset,
                          gunichar   *ch)
{
  const char *end = len < 0 ? NULL : text + len;
  const char *p = text;

  while (end != NULL ? p < end : *p != '\0')
    {
      gunichar c;

      /* ASCII is nearly all of a study: test it without decoding. */
      if ((guchar)*p < 0x80)
        {
          if ((guchar)*p >= 0x20 || *p == '\t' || *p == '\n' || *p == '\r')
            {
              p++;
              continue;
            }
          c = (guchar)*p;
        }
      else
        {
          c = g_utf8_get_char_validated (p, end != NULL ? end - p : -1);
          if (c < (gunichar)-2 && is_xml_char (c))
            {
              p = g_utf8_next_char (p);
              continue;
            }
          if (c >= (gunichar)-2)
            c = (gunichar)-1;
        }
      if (offset != NULL)
        *offset = p - text;
      if (ch != NULL)
        *ch = c;
      return TRUE;
    }
  return FALSE;
}

/**
 * ss_xml_text_check:
 * @text: text as typed or as held in a study
 * @what: (nullable): what the text is, for the message ("The title")
 *
 * Returns: (transfer full) (nullable): NULL when a study file can hold
 *   @text, else why not
 */
char *
ss_xml_text_check (const char *text,
                   const char *what)
{
  gsize offset;
  gunichar c;
  glong position;

  if (!ss_xml_text_find_invalid (text, -1, &offset, &c))
    return NULL;

  if (c == (gunichar)-1)
    {
      if (what != NULL)
        /* Translators: "The title holds bytes that are not UTF-8 text" */
        return g_strdup_printf (_("%s holds bytes that are not UTF-8 text"), what);
      return g_strdup (_("The text holds bytes that are not UTF-8 text"));
    }

  position = g_utf8_strlen (text, offset) + 1;
  if (what != NULL)
    /* Translators: "The title holds U+FFFE (character 6), which a study
     * file cannot hold: remove it" */
    return g_strdup_printf (_("%s holds U+%04X (character %ld), which a study file cannot hold: "
                              "remove it"), what, c, position);
  return g_strdup_printf (_("The text holds U+%04X (character %ld), which a study file cannot "
                            "hold: remove it"), c, position);
}
