/* ssc-format.c: figures as the charts write them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "supplyshift-chart-format"

#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "ssc-format.h"

static int
decimals_for_step (double step)
{
  if (step >= 1 - 1e-9)
    return 0;
  return (int)ceil (-log10 (step) - 1e-9);
}

/* Digits grouped in threes with the locale's separator (a narrow space
 * where the locale has none, as SI writes 10 000), the locale's decimal
 * point, and a real minus sign. */
char *
ssc_format_number (double v,
                   int    decimals)
{
  const struct lconv *lc = localeconv ();
  const char *sep = "\u202f";
  g_autofree char *plain = NULL;
  GString *s;
  gsize int_len;

  if (lc->thousands_sep != NULL && lc->thousands_sep[0] != '\0'
      && g_utf8_validate (lc->thousands_sep, -1, NULL))
    sep = lc->thousands_sep;
  if (fabs (v) < 0.5 * pow (10, -decimals))
    v = 0;
  plain = g_strdup_printf ("%.*f", decimals, fabs (v));
  int_len = strspn (plain, "0123456789");
  s = g_string_new (v < 0 ? "−" : NULL);
  for (gsize k = 0; k < int_len; k++)
    {
      if (k > 0 && (int_len - k) % 3 == 0)
        g_string_append (s, sep);
      g_string_append_c (s, plain[k]);
    }
  g_string_append (s, plain + int_len);
  return g_string_free (s, FALSE);
}

char *
ssc_format_percent (double fraction,
                    int    decimals)
{
  g_autofree char *number = ssc_format_number (100 * fraction, decimals);

  /* Translators: a percentage; %s is the number */
  return g_strdup_printf (_("%s %%"), number);
}

/* A share as a cell or a tooltip shows it: whole percent from 10 % up. */
char *
ssc_format_share (double fraction)
{
  return ssc_format_percent (fraction, fabs (fraction) >= 0.0995 ? 0 : 1);
}

/* A figure with about three significant digits, for tooltips and labels. */
char *
ssc_format_value (double v)
{
  double a = fabs (v);

  if (a < 5e-4)
    return ssc_format_number (0, 0);
  return ssc_format_number (v, a >= 100 ? 0 : a >= 10 ? 1 : a >= 1 ? 2 : 3);
}

/* A tick's label, with as many decimals as the step needs. */
char *
ssc_format_tick (SscNumStyle     style,
                 const SscTicks *t,
                 double          v)
{
  if (style == SSC_NUM_PERCENT)
    return ssc_format_percent (v, decimals_for_step (t->step * 100));
  return ssc_format_number (v, decimals_for_step (t->step));
}

/**
 * ssc_format_unbreakable:
 * @text: (transfer full): a figure or a unit, "1,234.5 M USD", "백만 USD"
 *
 * Returns: @text with no break opportunity inside: spaces become no-break
 *   spaces and a WORD JOINER (U+2060) goes between two letters beyond
 *   ASCII, since Korean may break between any two syllables
 *   ("백/만 USD") and a wrapped chart title or card would part a figure
 *   from its unit
 */
char *
ssc_format_unbreakable (char *text)
{
  g_autofree char *owned = text;
  GString *out = g_string_sized_new (strlen (text) * 2);
  gunichar previous = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);

      if (ch == ' ')
        ch = 0x00A0;
      /* Only where a line could break: between two letters of a script
       * without spaces, as Korean is broken. */
      if (previous > 0x7f && ch > 0x7f && previous != 0x00A0 && ch != 0x00A0
          && previous != 0x2060 && ch != 0x2060)
        g_string_append_unichar (out, 0x2060);
      g_string_append_unichar (out, ch);
      previous = ch;
    }
  return g_string_free (out, FALSE);
}

char *
ssc_format_money_unit (const char *currency)
{
  /* Translators: the unit of money figures; %s is a currency code such as USD */
  return ssc_format_unbreakable (g_strdup_printf (_("million %s"), currency));
}

/* Takes value. */
char *
ssc_format_with_unit (char       *value,
                      const char *unit)
{
  g_autofree char *v = value;

  /* Translators: a money figure with its unit, "99.7 million USD" */
  return ssc_format_unbreakable (g_strdup_printf (C_("money", "%s %s"), v, unit));
}
