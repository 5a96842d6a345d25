/* ssc-svg-write.c: numbers, colours, transforms and text as SVG writes them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The small writers ssc-svg.c builds its elements from: coordinates in
 * the C locale with at most two decimals, colours as #rrggbb with their
 * opacity, transforms, and text escaped for XML.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "ss-xml-text.h"
#include "ssc-svg-private.h"

/* A coordinate with at most two decimals, in the C locale: cairo's paths
 * are on a 1/256 pixel grid, and 1/200 of a pixel cannot be seen. */
void
_ssc_svg_append_num (GString *s,
                     double   v)
{
  long long n = llround (v * 100);
  int frac;

  if (n < 0)
    {
      g_string_append_c (s, '-');
      n = -n;
    }
  g_string_append_printf (s, "%lld", n / 100);
  frac = n % 100;
  if (frac % 10 == 0 && frac != 0)
    g_string_append_printf (s, ".%d", frac / 10);
  else if (frac != 0)
    g_string_append_printf (s, ".%02d", frac);
}

void
_ssc_svg_append_num_attr (GString    *s,
                          const char *name,
                          double      v)
{
  g_string_append_printf (s, " %s=\"", name);
  _ssc_svg_append_num (s, v);
  g_string_append_c (s, '"');
}

static int
channel (double v)
{
  return (int)round (CLAMP (v, 0, 1) * 255);
}

void
_ssc_svg_append_color (GString *s,
                       double   r,
                       double   g,
                       double   b)
{
  g_string_append_printf (s, "#%02x%02x%02x", channel (r), channel (g), channel (b));
}

/* name="#rrggbb" and, below 1, name-opacity="a". */
void
_ssc_svg_append_color_attr (GString    *s,
                            const char *name,
                            double      r,
                            double      g,
                            double      b,
                            double      a)
{
  g_string_append_printf (s, " %s=\"", name);
  _ssc_svg_append_color (s, r, g, b);
  g_string_append_c (s, '"');
  if (a < 1)
    {
      char buf[G_ASCII_DTOSTR_BUF_SIZE];

      g_string_append_printf (s, " %s-opacity=\"%s\"", name,
                              g_ascii_formatd (buf, sizeof buf, "%.3g", CLAMP (a, 0, 1)));
    }
}

static gboolean
matrix_is_identity (const cairo_matrix_t *m)
{
  return m->xx == 1 && m->yx == 0 && m->xy == 0 && m->yy == 1 && m->x0 == 0 && m->y0 == 0;
}

/* name="matrix(…)", unless m is the identity. */
void
_ssc_svg_append_matrix_attr (GString              *s,
                             const char           *name,
                             const cairo_matrix_t *m)
{
  const double v[] = { m->xx, m->yx, m->xy, m->yy, m->x0, m->y0 };

  if (matrix_is_identity (m))
    return;
  g_string_append_printf (s, " %s=\"matrix(", name);
  for (guint k = 0; k < G_N_ELEMENTS (v); k++)
    {
      if (k > 0)
        g_string_append_c (s, ' ');
      _ssc_svg_append_num (s, v[k]);
    }
  g_string_append (s, ")\"");
}

/* Text as element content or an attribute value: escaped, and any
 * character XML 1.0 cannot hold (a C0 control, U+FFFE, bytes that are not
 * UTF-8) replaced by U+FFFD, so the document always parses. The bidi
 * isolates and overrides of the text are kept as they are. */
void
_ssc_svg_append_escaped (GString    *s,
                         const char *text,
                         gsize       length)
{
  const char *p = text, *end = text + length;

  while (p < end)
    {
      gsize offset;
      gunichar ch;
      const char *stop = end;
      gboolean bad = ss_xml_text_find_invalid (p, end - p, &offset, &ch);

      if (bad)
        stop = p + offset;
      for (const char *q = p; q < stop; q++)
        switch (*q)
          {
          case '&': g_string_append (s, "&amp;"); break;
          case '<': g_string_append (s, "&lt;"); break;
          case '>': g_string_append (s, "&gt;"); break;
          case '"': g_string_append (s, "&quot;"); break;
          /* Kept by an attribute, not turned into a space. */
          case '\t': g_string_append (s, "&#9;"); break;
          case '\n': g_string_append (s, "&#10;"); break;
          case '\r': g_string_append (s, "&#13;"); break;
          default: g_string_append_c (s, *q); break;
          }
      if (!bad)
        break;
      g_string_append (s, "\xEF\xBF\xBD");
      /* Past the refused character, or the one refused byte. */
      if (ch != (gunichar)-1)
        p = g_utf8_next_char (stop);
      else
        p = stop + 1;
    }
}
