/* ss-typed.c: numbers as a person types them, in their locale
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What is typed is first rewritten in the file's syntax (digits, one "."
 * and an exponent: ss_parse_number()), then read as the field's unit and
 * checked against its range. The rewriting takes:
 *
 *   - the locale's decimal mark, once;
 *   - the other mark ("." where the locale writes ",", and the reverse)
 *     as a decimal mark too, where it cannot be grouping: "12.5" in
 *     de_DE is 12.5, since grouping would need three digits after it;
 *   - the locale's thousands separator, and blanks (space, no-break
 *     space, narrow no-break space, thin space), between groups of three
 *     digits: "1.234,5" in de_DE and "1,234.5" in en_US are 1234.5;
 *   - with both marks, the last one as the decimal mark;
 *   - a sign, "-", "+" or U+2212 MINUS SIGN, and an exponent.
 *
 * Where a single mark could be either ("1,234" in a locale that groups
 * with neither mark, as C does) nothing is guessed: the text is refused
 * as ambiguous and the message says both readings. A number never
 * starts a group with 0, so "0.125" is always a decimal.
 */

#define G_LOG_DOMAIN "supplyshift-typed"

#include "config.h"

#include <langinfo.h>
#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "ss-typed.h"

G_DEFINE_QUARK (ss-typed-error-quark, ss_typed_error)

/**
 * ss_number_marks_current:
 *
 * The marks of the locale numbers are shown in now (LC_NUMERIC).
 */
void
ss_number_marks_current (SsNumberMarks *marks)
{
  const char *decimal = nl_langinfo (RADIXCHAR);
  const char *thousands = nl_langinfo (THOUSEP);

  g_strlcpy (marks->decimal, decimal != NULL && *decimal != '\0' ? decimal : ".",
             sizeof marks->decimal);
  g_strlcpy (marks->thousands, thousands != NULL ? thousands : "", sizeof marks->thousands);
}

typedef enum
{
  TOKEN_DIGIT,
  TOKEN_POINT,                         /* "." */
  TOKEN_COMMA,                         /* "," */
  TOKEN_DECIMAL,                       /* the locale's decimal mark, when neither */
  TOKEN_BLANK,                         /* a blank, or the locale's own separator */
  TOKEN_END,
  TOKEN_OTHER,
} Token;

static gboolean
is_blank (gunichar c)
{
  return c == ' ' || c == 0x00A0 || c == 0x202F || c == 0x2009;
}

/* The next token at *p, moved past it. */
static Token
next_token (const char         **p,
            const SsNumberMarks *marks)
{
  const char *s = *p;
  gunichar c;

  if (*s == '\0')
    return TOKEN_END;
  if (g_ascii_isdigit (*s))
    {
      *p = s + 1;
      return TOKEN_DIGIT;
    }
  if (*s == '.' || *s == ',')
    {
      *p = s + 1;
      return *s == '.' ? TOKEN_POINT : TOKEN_COMMA;
    }
  if (marks->decimal[0] != '\0' && g_str_has_prefix (s, marks->decimal))
    {
      *p = s + strlen (marks->decimal);
      return TOKEN_DECIMAL;
    }
  if (marks->thousands[0] != '\0' && g_str_has_prefix (s, marks->thousands))
    {
      *p = s + strlen (marks->thousands);
      return TOKEN_BLANK;
    }
  c = g_utf8_get_char_validated (s, -1);
  if (c != (gunichar)-1 && c != (gunichar)-2 && is_blank (c))
    {
      *p = g_utf8_next_char (s);
      return TOKEN_BLANK;
    }
  return TOKEN_OTHER;
}

/* Whether @digits, split at @marks (offsets of the separators in the
 * digit run, in order), is grouped in threes: 1 to 3 digits not starting
 * with 0, then groups of exactly 3. */
static gboolean
grouped (const GString *digits,
         const GArray  *marks)
{
  guint first = marks->len > 0 ? g_array_index (marks, guint, 0) : digits->len;

  if (marks->len == 0)
    return FALSE;
  if (first < 1 || first > 3 || digits->str[0] == '0')
    return FALSE;
  for (guint i = 1; i <= marks->len; i++)
    {
      guint at = g_array_index (marks, guint, i - 1);
      guint next = i < marks->len ? g_array_index (marks, guint, i) : digits->len;

      if (next - at != 3)
        return FALSE;
    }
  return TRUE;
}

static gboolean
is_locale_decimal (Token                token,
                   const SsNumberMarks *marks)
{
  return token == TOKEN_DECIMAL
         || (token == TOKEN_POINT && strcmp (marks->decimal, ".") == 0)
         || (token == TOKEN_COMMA && strcmp (marks->decimal, ",") == 0);
}

static gboolean
is_locale_grouping (Token                token,
                    const SsNumberMarks *marks)
{
  return (token == TOKEN_POINT && strcmp (marks->thousands, ".") == 0)
         || (token == TOKEN_COMMA && strcmp (marks->thousands, ",") == 0);
}

static gboolean
not_a_number (const char *text,
              GError    **error)
{
  g_set_error (error, SS_TYPED_ERROR, SS_TYPED_ERROR_INVALID,
               /* Translators: what was typed, "“12a” is not a number" */
               _("“%s” is not a number"), text);
  return FALSE;
}

/**
 * ss_typed_normalize:
 * @text: what was typed, blanks around it allowed
 * @marks: (nullable): the locale's marks; %NULL for the current locale's
 *
 * Returns: (transfer full) (nullable): @text in the file's number syntax,
 *   or %NULL with @error set (%SS_TYPED_ERROR_INVALID or _AMBIGUOUS)
 */
char *
ss_typed_normalize (const char          *text,
                    const SsNumberMarks *marks,
                    GError             **error)
{
  SsNumberMarks current;
  g_autofree char *clean = NULL;
  g_autoptr(GString) digits = g_string_new (NULL);
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GArray) separators = g_array_new (FALSE, FALSE, sizeof (guint));
  Token kinds[64];
  guint at[64];
  guint n_marks = 0;
  int decimal = -1;                    /* index in kinds[] of the decimal mark */
  const char *p;
  Token token;
  gboolean negative = FALSE;

  g_return_val_if_fail (text != NULL, NULL);

  if (marks == NULL)
    {
      ss_number_marks_current (&current);
      marks = &current;
    }
  clean = g_strdup (text);
  g_strstrip (clean);
  /* A no-break space around the text is a blank too. */
  while (g_str_has_suffix (clean, "\u00a0") || g_str_has_suffix (clean, "\u202f"))
    {
      clean[strlen (clean) - strlen ("\u00a0")] = '\0';
      g_strchomp (clean);
    }
  p = clean;
  while (g_str_has_prefix (p, "\u00a0") || g_str_has_prefix (p, "\u202f") || *p == ' ')
    p += *p == ' ' ? 1 : strlen ("\u00a0");

  if (*p == '+' || *p == '-')
    negative = *p++ == '-';
  else if (g_str_has_prefix (p, "\u2212"))
    {
      negative = TRUE;
      p += strlen ("\u2212");
    }

  /* The mantissa: digits and marks. */
  for (;;)
    {
      const char *before = p;

      token = next_token (&p, marks);
      if (token == TOKEN_DIGIT)
        g_string_append_c (digits, *before);
      else if (token == TOKEN_POINT || token == TOKEN_COMMA || token == TOKEN_DECIMAL
               || token == TOKEN_BLANK)
        {
          if (n_marks == G_N_ELEMENTS (kinds))
            return not_a_number (clean, error), NULL;
          kinds[n_marks] = token;
          at[n_marks++] = digits->len;
        }
      else
        {
          p = before;
          break;
        }
    }
  if (digits->len == 0)
    return not_a_number (clean, error), NULL;
  if (n_marks > 0 && at[n_marks - 1] == digits->len && kinds[n_marks - 1] == TOKEN_BLANK)
    return not_a_number (clean, error), NULL;

  /* Which mark is the decimal one: the last "." or "," (or the locale's
   * own mark) when it is the only one of its kind and comes after every
   * other; the others group. */
  if (n_marks > 0)
    {
      int last = -1;

      for (guint i = 0; i < n_marks; i++)
        if (kinds[i] != TOKEN_BLANK)
          last = i;
      if (last >= 0)
        {
          guint same = 0;
          gboolean other_kind = FALSE;

          for (guint i = 0; i < n_marks; i++)
            {
              if (kinds[i] == kinds[last])
                same++;
              else if (kinds[i] != TOKEN_BLANK)
                other_kind = TRUE;
            }
          if (other_kind)
            decimal = same == 1 ? last : -2;           /* "1.234,5": the last one */
          else if (same > 1)
            decimal = is_locale_decimal (kinds[last], marks) ? -2 : -1;  /* "1.234.567" groups */
          else if (is_locale_decimal (kinds[last], marks))
            decimal = last;
          else
            {
              /* One mark, the other one: grouping where it is grouped in
               * threes and the locale groups with it; a decimal where it
               * cannot be grouping; else it could be either. */
              g_autoptr(GArray) try = g_array_new (FALSE, FALSE, sizeof (guint));

              for (guint i = 0; i < n_marks; i++)
                g_array_append_val (try, at[i]);
              if (!grouped (digits, try) || at[last] == digits->len)
                decimal = last;
              else if (is_locale_grouping (kinds[last], marks))
                decimal = -1;
              else
                {
                  g_autofree char *whole = g_strdup_printf ("%.*s%s", (int)at[last], digits->str,
                                                            digits->str + at[last]);
                  g_autofree char *mark = g_strdup (marks->decimal);
                  g_autofree char *fraction = g_strdup_printf ("%.*s%s%s", (int)at[last], digits->str,
                                                               mark, digits->str + at[last]);

                  g_set_error (error, SS_TYPED_ERROR, SS_TYPED_ERROR_AMBIGUOUS,
                               /* Translators: what was typed, then its two readings,
                                * "“1,234” could be 1234 or 1.234: type it without a
                                * thousands separator" */
                               _("“%s” could be %s or %s: type it without a thousands separator"),
                               clean, whole, fraction);
                  return NULL;
                }
            }
        }
      if (decimal == -2)
        return not_a_number (clean, error), NULL;
    }

  /* Grouping: every mark before the decimal one, in threes. */
  for (guint i = 0; i < n_marks; i++)
    {
      if ((int)i == decimal)
        break;
      g_array_append_val (separators, at[i]);
    }
  if (separators->len > 0)
    {
      g_autoptr(GString) whole = g_string_new_len (digits->str,
                                                   decimal >= 0 ? at[decimal] : digits->len);

      if (!grouped (whole, separators))
        return not_a_number (clean, error), NULL;
    }
  if (decimal >= 0 && (guint)decimal + 1 < n_marks)
    return not_a_number (clean, error), NULL;              /* a mark after the decimal one */

  if (negative)
    g_string_append_c (out, '-');
  if (decimal >= 0)
    {
      g_string_append_len (out, digits->str, at[decimal]);
      g_string_append_c (out, '.');
      g_string_append (out, digits->str + at[decimal]);
    }
  else
    g_string_append (out, digits->str);

  /* An exponent, as in the file. */
  if (*p == 'e' || *p == 'E')
    {
      g_string_append_c (out, 'e');
      p++;
      if (*p == '+' || *p == '-')
        g_string_append_c (out, *p++);
      else if (g_str_has_prefix (p, "\u2212"))
        {
          g_string_append_c (out, '-');
          p += strlen ("\u2212");
        }
      if (!g_ascii_isdigit (*p))
        return not_a_number (clean, error), NULL;
      while (g_ascii_isdigit (*p))
        g_string_append_c (out, *p++);
    }
  if (*p != '\0')
    return not_a_number (clean, error), NULL;
  {
    double check;

    if (!ss_parse_number (out->str, &check))
      return not_a_number (clean, error), NULL;
  }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * ss_typed_parse_number:
 * @marks: (nullable): the locale's marks; %NULL for the current locale's
 *
 * Reads @text as a number typed in the locale (see ss_typed_normalize()).
 */
gboolean
ss_typed_parse_number (const char          *text,
                       const SsNumberMarks *marks,
                       double              *value,
                       GError             **error)
{
  g_autofree char *normal = ss_typed_normalize (text, marks, error);

  if (normal == NULL)
    return FALSE;
  return ss_parse_number (normal, value) || not_a_number (text, error);
}

/* "12,5 %" → "12,5": a percentage may end with its sign. */
static char *
strip_percent (const char *text)
{
  char *clean = g_strstrip (g_strdup (text));
  gsize len = strlen (clean);

  if (len > 0 && clean[len - 1] == '%')
    {
      clean[len - 1] = '\0';
      g_strchomp (clean);
      while (g_str_has_suffix (clean, "\u00a0") || g_str_has_suffix (clean, "\u202f"))
        clean[strlen (clean) - strlen ("\u00a0")] = '\0';
    }
  return clean;
}

/* The range as a message gives it, in the locale's numbers. */
static char *
describe (double     min,
          double     max,
          gboolean   min_open,
          gboolean   max_open)
{
  char lo[SS_NUMBER_BUF], hi[SS_NUMBER_BUF];
  SsNumberMarks marks;

  ss_format_number (lo, sizeof lo, min);
  ss_typed_localize (lo, sizeof lo);
  if (max >= 1e6)
    /* Translators: a range with no upper bound, "> 0" or "≥ 0" */
    return g_strdup_printf (min_open ? _("> %s") : _("≥ %s"), lo);
  ss_format_number (hi, sizeof hi, max);
  ss_typed_localize (hi, sizeof hi);
  ss_number_marks_current (&marks);
  /* Bounds written with a decimal comma are parted by a semicolon. */
  return g_strdup_printf ("%c%s%s %s%c", min_open ? '(' : '[', lo,
                          strcmp (marks.decimal, ",") == 0 && (strchr (lo, ',') || strchr (hi, ','))
                          ? ";" : ",", hi, max_open ? ')' : ']');
}

/**
 * ss_typed_describe_range:
 *
 * Returns: "[0, 1]", for a percentage "(0, 100]"; "> 0" or "≥ 0" where
 *   the top is only a guard against overflow (docs/decisions.md); in the
 *   locale's numbers
 */
char *
ss_typed_describe_range (const SsAttrSpec *spec)
{
  double scale = spec->unit == SS_UNIT_PERCENT ? 100 : 1;

  return describe (spec->min * scale, spec->max * scale, spec->min_open,
                   spec->max_open);
}

static gboolean
refuse (const char *label,
        SsAttrUnit  unit,
        const char *range,
        GError     *why,
        GError    **error)
{
  if (why != NULL && why->code == SS_TYPED_ERROR_AMBIGUOUS)
    {
      /* Translators: a field, then why, "Share of China: “1,234” could be…" */
      g_set_error (error, SS_TYPED_ERROR, SS_TYPED_ERROR_AMBIGUOUS, _("%s: %s"), label,
                   why->message);
      return FALSE;
    }
  switch (unit)
    {
    case SS_UNIT_WHOLE:
      /* Translators: "Horizon must be a whole number in [1, 50]" */
      g_set_error (error, SS_TYPED_ERROR, why != NULL ? why->code : SS_TYPED_ERROR_RANGE,
                   _("%s must be a whole number in %s"), label, range);
      break;
    case SS_UNIT_PERCENT:
      /* Translators: "Discount rate must be a percentage in [0, 100]" */
      g_set_error (error, SS_TYPED_ERROR, why != NULL ? why->code : SS_TYPED_ERROR_RANGE,
                   _("%s must be a percentage in %s"), label, range);
      break;
    case SS_UNIT_NONE:
    case SS_UNIT_MONEY:
    default:
      /* Translators: "Disruption days of China must be a number in [0, 365]" */
      g_set_error (error, SS_TYPED_ERROR, why != NULL ? why->code : SS_TYPED_ERROR_RANGE,
                   _("%s must be a number in %s"), label, range);
      break;
    }
  return FALSE;
}

/* Reads @text as @unit types it: a percentage shifted into a fraction
 * (7.3 is 7.3e-2, not 7.3 / 100), a whole number, or a number. */
static gboolean
read_unit (const char *text,
           SsAttrUnit  unit,
           gboolean    shift,
           double     *value,
           GError    **error)
{
  g_autofree char *clean = unit == SS_UNIT_PERCENT ? strip_percent (text) : g_strdup (text);
  g_autofree char *normal = ss_typed_normalize (clean, NULL, error);
  gint64 whole;

  if (normal == NULL)
    return FALSE;
  switch (unit)
    {
    case SS_UNIT_PERCENT:
      if (shift ? ss_parse_percent (normal, value) : ss_parse_number (normal, value))
        return TRUE;
      break;
    case SS_UNIT_WHOLE:
      if (ss_parse_integer (normal, &whole))
        {
          *value = whole;
          return TRUE;
        }
      break;
    case SS_UNIT_NONE:
    case SS_UNIT_MONEY:
    default:
      if (ss_parse_number (normal, value))
        return TRUE;
      break;
    }
  return not_a_number (clean, error);
}

/**
 * ss_typed_parse:
 * @spec: the value's attribute: its unit and range
 * @label: the field as a message names it, "Tariff of Japan"
 * @value: (out): the value as the study holds it (a fraction for a
 *   percentage)
 *
 * Reads what was typed into a field of @spec. Out of range is refused,
 * never clamped; the message names @label and the range.
 */
gboolean
ss_typed_parse (const SsAttrSpec *spec,
                const char       *label,
                const char       *text,
                double           *value,
                GError          **error)
{
  g_autoptr(GError) why = NULL;
  g_autofree char *range = NULL;
  double v;

  if (read_unit (text, spec->unit, TRUE, &v, &why) && ss_attr_in_range (spec, v))
    {
      *value = v;
      return TRUE;
    }
  range = ss_typed_describe_range (spec);
  return refuse (label, spec->unit, range, why, error);
}

/**
 * ss_typed_parse_in:
 * @label: the control as a message names it, "Share of China"
 * @unit: how it is typed: %SS_UNIT_PERCENT for a percentage shown as
 *   one (12.5 is 12.5, and may end with "%"), %SS_UNIT_WHOLE for a whole
 *   number
 * @min: the lowest value, as shown
 * @max: the highest value, as shown
 *
 * Reads what was typed into a control that shows its value as it is
 * typed (a spin button); out of [@min, @max] is refused, never clamped.
 */
gboolean
ss_typed_parse_in (const char *label,
                   const char *text,
                   SsAttrUnit  unit,
                   double      min,
                   double      max,
                   double     *value,
                   GError    **error)
{
  g_autoptr(GError) why = NULL;
  g_autofree char *range = NULL;
  double v;

  if (read_unit (text, unit, FALSE, &v, &why) && isfinite (v) && v >= min && v <= max)
    {
      *value = v;
      return TRUE;
    }
  range = describe (min, max, FALSE, FALSE);
  return refuse (label, unit, range, why, error);
}

/* A number of the file's syntax in the locale's decimal mark: "7.3" is
 * "7,3" in de_DE. */
void
ss_typed_localize (char  *buf,
                   gsize  len)
{
  SsNumberMarks marks;
  char *point = strchr (buf, '.');
  g_autofree char *rest = NULL;

  if (point == NULL)
    return;
  ss_number_marks_current (&marks);
  if (strcmp (marks.decimal, ".") == 0)
    return;
  rest = g_strdup (point + 1);
  *point = '\0';
  g_strlcat (buf, marks.decimal, len);
  g_strlcat (buf, rest, len);
}

/* @value as a field shows it: ss_attr_format() in the locale's mark,
 * which ss_typed_parse() reads back to the same value. */
void
ss_typed_format (const SsAttrSpec *spec,
                 char             *buf,
                 gsize             len,
                 double            value)
{
  ss_attr_format (spec, buf, len, value);
  ss_typed_localize (buf, len);
}
