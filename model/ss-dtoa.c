/* ss-dtoa.c: numbers printed as printf's "%.17g" does, without printf
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The report prints every figure with 17 significant digits, and at a
 * thousand items glibc's printf was half of the report's instructions.
 * The bytes must stay exactly those of "%.17g" in the C locale (the
 * worked examples are compared byte for byte, and users diff reports), so
 * this is not a shortest-digits algorithm but the same correctly rounded
 * 17 digits, computed exactly with integers:
 *
 *   v = m · 2^e, and its 17 digits are v · 10^s rounded to an integer,
 *   s = 16 − ⌊log10 v⌋. For s ≥ 0 that is m · 5^s · 2^(s+e): an integer
 *   product of at most 181 bits shifted right, whose dropped bits decide
 *   the rounding exactly (ties to even, as glibc does in the default
 *   rounding mode). For s < 0 it is m · 2^e / 10^−s, an integer division
 *   with an exact remainder.
 *
 * Nothing is approximated, so no result needs checking; what the integers
 * cannot hold (|v| below about 1e-38 or from 2^127 up, subnormals, infinities
 * and NaN) goes to g_ascii_formatd(), which is printf in the C locale.
 * Without a 128-bit integer type every number goes there.
 */

#define G_LOG_DOMAIN "supplyshift-dtoa"

#include "config.h"

#include <string.h>

#include "ss-dtoa.h"

static gsize
format_slow (char   *buf,
             double  value)
{
  g_ascii_formatd (buf, SS_G17_BUF, "%.17g", value);
  return strlen (buf);
}

#ifdef __SIZEOF_INT128__

typedef unsigned __int128 u128;

#define MAX_POW5 55                    /* 5^55 < 2^128 */
#define E16      10000000000000000ull  /* 10^16 */
#define E17      100000000000000000ull /* 10^17 */

static u128 pow5[MAX_POW5 + 1];

static void
init_pow5 (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      pow5[0] = 1;
      for (guint s = 1; s <= MAX_POW5; s++)
        pow5[s] = pow5[s - 1] * 5;
      g_once_init_leave (&done, 1);
    }
}

/* Word i of the 192-bit w shifted right by r bits. */
static inline guint64
shifted_word (const guint64 *w,
              int            r,
              int            i)
{
  int j = i + r / 64, b = r % 64;
  guint64 low = j < 3 ? w[j] : 0, high = j + 1 < 3 ? w[j + 1] : 0;

  return b == 0 ? low : (low >> b) | (high << (64 - b));
}

/* The integer part of m · 2^e · 10^s, truncated and correctly rounded
 * (ties to even); FALSE where the integers cannot hold it. */
static gboolean
scale_round (guint64  m,
             int      e,
             int      s,
             guint64 *truncated,
             guint64 *digits)
{
  guint64 ip;
  gboolean up;

  if (s >= 0 && s <= 27 && s + e < 0 && s + e > -128)
    {
      /* The common case, |v| from about 1e-11: m · 5^s < 2^116. */
      u128 n = (u128)m * (guint64)pow5[s];
      int r = -(s + e);
      u128 rem = n & (((u128)1 << r) - 1), half = (u128)1 << (r - 1);

      if (n >> r >> 64 != 0)
        return FALSE;
      ip = (guint64)(n >> r);
      up = rem > half || (rem == half && (ip & 1));
    }
  else if (s >= 0)
    {
      /* N = m · 5^s in three 64-bit words, then shifted by s + e. */
      u128 p, lo, hi;
      guint64 w[3];
      int shift = s + e;

      if (s > MAX_POW5)
        return FALSE;
      p = pow5[s];
      lo = (u128)m * (guint64)p;
      hi = (u128)m * (guint64)(p >> 64) + (guint64)(lo >> 64);
      w[0] = (guint64)lo;
      w[1] = (guint64)hi;
      w[2] = (guint64)(hi >> 64);

      if (shift >= 0)
        {
          /* An integer already: only for numbers that are integers with
           * at most 17 digits, so N is small. */
          if (w[2] != 0 || w[1] != 0 || shift >= 64
              || (shift > 0 && (w[0] >> (64 - shift)) != 0))
            return FALSE;
          *truncated = *digits = w[0] << shift;
          return TRUE;
        }
      else
        {
          int r = -shift;                /* bits dropped */
          int hb = r - 1;
          gboolean half, below = FALSE;

          if (r >= 192 || shifted_word (w, r, 1) != 0 || shifted_word (w, r, 2) != 0)
            return FALSE;
          ip = shifted_word (w, r, 0);

          /* The dropped bits: the highest of them against the rest. */
          half = (w[hb / 64] >> (hb % 64)) & 1;
          for (int k = 0; k < hb / 64 && !below; k++)
            below = w[k] != 0;
          if (!below && hb % 64 > 0)
            below = (w[hb / 64] & ((G_GUINT64_CONSTANT (1) << (hb % 64)) - 1)) != 0;
          up = half && (below || (ip & 1));
        }
    }
  else
    {
      /* N = m · 2^e, at most 127 bits, over 10^−s = 5^−s · 2^−s. */
      int q = -s;
      u128 n, d, rem;

      if (e < 0 || e > 74 || q > 38)
        return FALSE;
      n = (u128)m << e;
      d = pow5[q] << q;
      ip = (guint64)(n / d);
      if (n / d >> 64 != 0)
        return FALSE;
      rem = n % d;
      up = 2 * rem > d || (2 * rem == d && (ip & 1));
    }
  *truncated = ip;
  *digits = ip + up;
  return TRUE;
}

static const char digit_pairs[201] =
  "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
  "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
  "8081828384858687888990919293949596979899";

/* The 8 digits of n < 10^8. */
static void
write8 (char    *out,
        guint32  n)
{
  guint32 hi = n / 10000, lo = n % 10000;

  memcpy (out, &digit_pairs[2 * (hi / 100)], 2);
  memcpy (out + 2, &digit_pairs[2 * (hi % 100)], 2);
  memcpy (out + 4, &digit_pairs[2 * (lo / 100)], 2);
  memcpy (out + 6, &digit_pairs[2 * (lo % 100)], 2);
}

/* %g's layout of the 17 digits d with decimal exponent x: plain between
 * 1e-4 and 1e17, else d.ddde±xx; trailing zeros of the fraction dropped. */
static gsize
layout (char       *buf,
        gboolean    negative,
        const char *d,
        int         x)
{
  char *out = buf;
  int n = 17;

  while (n > 1 && d[n - 1] == '0')
    n--;
  if (negative)
    *out++ = '-';

  if (x < -4 || x >= 17)
    {
      guint ax = x < 0 ? -x : x;

      *out++ = d[0];
      if (n > 1)
        {
          *out++ = '.';
          memcpy (out, d + 1, n - 1);
          out += n - 1;
        }
      *out++ = 'e';
      *out++ = x < 0 ? '-' : '+';
      if (ax >= 100)
        *out++ = '0' + ax / 100;
      memcpy (out, &digit_pairs[2 * (ax % 100)], 2);
      out += 2;
    }
  else if (x >= 0)
    {
      memcpy (out, d, x + 1);
      out += x + 1;
      if (n > x + 1)
        {
          *out++ = '.';
          memcpy (out, d + x + 1, n - x - 1);
          out += n - x - 1;
        }
    }
  else
    {
      *out++ = '0';
      *out++ = '.';
      for (int k = 0; k < -x - 1; k++)
        *out++ = '0';
      memcpy (out, d, n);
      out += n;
    }
  *out = '\0';
  return out - buf;
}

/* The integer path alone: -1 where it cannot print the value. */
gssize
ss_format_g17_exact (char   *buf,
                     double  value)
{
  guint64 bits, m, truncated, digits;
  gboolean negative;
  int biased, e, k;
  char d[17];

  memcpy (&bits, &value, sizeof bits);
  negative = bits >> 63;
  biased = (bits >> 52) & 0x7ff;
  m = bits & ((G_GUINT64_CONSTANT (1) << 52) - 1);

  if (biased == 0 && m == 0)
    {
      memcpy (buf, negative ? "-0" : "0", negative ? 3 : 2);
      return negative ? 2 : 1;
    }
  if (biased == 0 || biased == 0x7ff)
    return -1;                         /* subnormal, infinite, NaN */

  init_pow5 ();
  m |= G_GUINT64_CONSTANT (1) << 52;
  e = biased - 1075;                   /* |value| = m · 2^e */

  /* About ⌊log10 |value|⌋, from the binary exponent; put right by the
   * number of digits it gives. */
  k = ((e + 52) * 78913) >> 18;
  for (guint attempt = 0;; attempt++)
    {
      if (attempt == 3 || !scale_round (m, e, 16 - k, &truncated, &digits))
        return -1;
      if (truncated >= E17)
        k++;
      else if (truncated < E16)
        k--;
      else
        break;
    }
  /* Rounding up to 10^17 is one more digit before the point. */
  if (digits == E17)
    {
      digits = E16;
      k++;
    }
  g_assert (digits >= E16 && digits < E17);

  d[0] = '0' + digits / E16;
  digits %= E16;
  write8 (d + 1, digits / 100000000);
  write8 (d + 9, digits % 100000000);
  return layout (buf, negative, d, k);
}

#else

gssize
ss_format_g17_exact (char   *buf,
                     double  value)
{
  return -1;
}

#endif

/* Writes value as g_ascii_formatd (buf, SS_G17_BUF, "%.17g", value)
 * would, and returns the length. */
gsize
ss_format_g17 (char   *buf,
               double  value)
{
  gssize n = ss_format_g17_exact (buf, value);

  return n >= 0 ? (gsize)n : format_slow (buf, value);
}
