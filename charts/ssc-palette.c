/* ssc-palette.c: colours of countries and alert levels
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A country's colour is picked by its position in the study, so it is the
 * same in the share editor, the charts and the exports.
 *
 * The first nine are Okabe and Ito's colour-blind-safe set (with a neutral
 * grey for their black, which would vanish on a dark background), plus one
 * colour from Paul Tol's "muted" scheme, ordered so that the sample study's
 * countries stay apart under deuteranopia, protanopia and tritanopia as
 * simulated with Machado et al. (2009): every pair of neighbours in the
 * study order differs by at least 24 CIELAB units under each simulation.
 * China (first) is the vermillion and South Korea (fifth) the blue, as the
 * sample reads best that way; the grey falls on the ninth, "rest of world".
 * Indices 9 to 15 are the rest of Tol's muted scheme, most distinct first;
 * its rose is left out, as it is indistinguishable from the grey under
 * protanopia.
 *
 * In the dark style a country's colour that would read at less than 3:1
 * against the lightest dark surface it is drawn on (a card, #363636:
 * libadwaita 1.2's 8 % white over the window's #242424) is mixed with
 * white until it reaches 3:1, WCAG's contrast for graphical objects:
 * indigo, wine, blue, green and purple (ssc_palette_country_for()).
 *
 * The alert colours are libadwaita 1.2's success, accent, warning and
 * error foreground colours (the ones meant to be read against the window
 * and card backgrounds) for the light and the dark style.
 */

#define G_LOG_DOMAIN "supplyshift-palette"

#include "config.h"

#include <math.h>

#include "ssc-palette.h"

static const guint32 country_colors[SSC_PALETTE_N_COUNTRY_COLORS] = {
  0xD55E00,                            /* vermillion (Okabe–Ito) */
  0x009E73,                            /* bluish green */
  0xE69F00,                            /* orange */
  0x56B4E9,                            /* sky blue */
  0x0072B2,                            /* blue */
  0xF0E442,                            /* yellow */
  0xCC79A7,                            /* reddish purple */
  0x332288,                            /* indigo (Tol muted) */
  0x777777,                            /* grey, for Okabe–Ito's black */
  0x882255,                            /* wine (Tol muted) */
  0x117733,                            /* green */
  0x999933,                            /* olive */
  0x88CCEE,                            /* cyan */
  0xAA4499,                            /* purple */
  0xDDCC77,                            /* sand */
  0x44AA99,                            /* teal */
};

G_STATIC_ASSERT (G_N_ELEMENTS (country_colors) >= SS_MAX_COUNTRIES);

/* [level][dark] */
static const guint32 alert_colors[][2] = {
  [SS_ALERT_NONE]     = { 0x1B8553, 0x8FF0A4 },  /* success */
  [SS_ALERT_WATCH]    = { 0x1C71D8, 0x78AEED },  /* accent */
  [SS_ALERT_WARNING]  = { 0x9C6E03, 0xF8E45C },  /* warning */
  [SS_ALERT_CRITICAL] = { 0xC01C28, 0xFF7B63 },  /* error */
};

static void
rgb_to_doubles (guint32 rgb,
                double  out[3])
{
  out[0] = ((rgb >> 16) & 0xff) / 255.;
  out[1] = ((rgb >> 8) & 0xff) / 255.;
  out[2] = (rgb & 0xff) / 255.;
}

/* As 0xRRGGBB. A study has at most SS_MAX_COUNTRIES (16) countries, so
 * indices never repeat a colour; beyond that they wrap rather than fail. */
guint32
ssc_palette_country (guint index)
{
  return country_colors[index % G_N_ELEMENTS (country_colors)];
}

/* WCAG's contrast ratio of two colours, 1 to 21. */
double
ssc_contrast_ratio (guint32 a,
                    guint32 b)
{
  double ra[3], rb[3], la, lb;

  rgb_to_doubles (a, ra);
  rgb_to_doubles (b, rb);
  la = ssc_luminance (ra);
  lb = ssc_luminance (rb);
  return (MAX (la, lb) + 0.05) / (MIN (la, lb) + 0.05);
}

static guint32
mix_with_white (guint32 rgb,
                double  t)
{
  guint32 out = 0;

  for (guint shift = 0; shift <= 16; shift += 8)
    {
      double c = (rgb >> shift) & 0xff;

      out |= (guint32)round (c + (255 - c) * t) << shift;
    }
  return out;
}

/* As 0xRRGGBB for the style: in the dark style lightened, as little as
 * it takes, to 3:1 against SSC_PALETTE_DARK_SURFACE. */
guint32
ssc_palette_country_for (guint    index,
                         gboolean dark)
{
  guint32 rgb = ssc_palette_country (index);

  if (!dark)
    return rgb;
  for (guint step = 0; step <= 100; step++)
    {
      guint32 lighter = mix_with_white (rgb, step / 100.);

      if (ssc_contrast_ratio (lighter, SSC_PALETTE_DARK_SURFACE) >= SSC_PALETTE_MIN_CONTRAST)
        return lighter;
    }
  return 0xffffff;
}

guint32
ssc_palette_alert (SsAlertLevel level,
                   gboolean     dark)
{
  if ((guint)level >= G_N_ELEMENTS (alert_colors))
    level = SS_ALERT_NONE;
  return alert_colors[level][dark ? 1 : 0];
}

void
ssc_palette_country_rgb (guint    index,
                         gboolean dark,
                         double   out[3])
{
  g_return_if_fail (out != NULL);

  rgb_to_doubles (ssc_palette_country_for (index, dark), out);
}

void
ssc_palette_alert_rgb (SsAlertLevel level,
                       gboolean     dark,
                       double       out[3])
{
  g_return_if_fail (out != NULL);

  rgb_to_doubles (ssc_palette_alert (level, dark), out);
}

void
ssc_rgba_from_hex (double  out[4],
                   guint32 rgb,
                   double  alpha)
{
  rgb_to_doubles (rgb, out);
  out[3] = alpha;
}

void
ssc_set_source (cairo_t      *cr,
                const double  rgba[4],
                double        alpha)
{
  cairo_set_source_rgba (cr, rgba[0], rgba[1], rgba[2], rgba[3] * alpha);
}

void
ssc_country_rgba (guint    country,
                  gboolean dark,
                  double   out[4])
{
  ssc_palette_country_rgb (country, dark, out);
  out[3] = 1;
}

/* The colour of the series that are not countries but parts of a sum. */
void
ssc_neutral_rgba (gboolean dark,
                  double   out[4])
{
  ssc_rgba_from_hex (out, dark ? 0x9a9996 : 0x77767b, 1);   /* GNOME greys 2 and 4 */
}

/* WCAG's relative luminance, to pick ink that reads on a fill. */
double
ssc_luminance (const double rgb[3])
{
  double l[3];

  for (guint k = 0; k < 3; k++)
    l[k] = rgb[k] <= 0.03928 ? rgb[k] / 12.92 : pow ((rgb[k] + 0.055) / 1.055, 2.4);
  return 0.2126 * l[0] + 0.7152 * l[1] + 0.0722 * l[2];
}
