/* ss-palette.c: colours of countries and alert levels
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
 * The alert colours are libadwaita 1.2's success, accent, warning and
 * error foreground colours (the ones meant to be read against the window
 * and card backgrounds) for the light and the dark style.
 */

#define G_LOG_DOMAIN "supplyshift-palette"

#include "config.h"

#include "ss-palette.h"
#include "ss-palette-rgb.h"

typedef struct
{
  guint8 r, g, b;
} Rgb;

static const Rgb country_colors[SS_PALETTE_N_COUNTRY_COLORS] = {
  { 0xD5, 0x5E, 0x00 },                /* vermillion (Okabe–Ito) */
  { 0x00, 0x9E, 0x73 },                /* bluish green */
  { 0xE6, 0x9F, 0x00 },                /* orange */
  { 0x56, 0xB4, 0xE9 },                /* sky blue */
  { 0x00, 0x72, 0xB2 },                /* blue */
  { 0xF0, 0xE4, 0x42 },                /* yellow */
  { 0xCC, 0x79, 0xA7 },                /* reddish purple */
  { 0x33, 0x22, 0x88 },                /* indigo (Tol muted) */
  { 0x77, 0x77, 0x77 },                /* grey, for Okabe–Ito's black */
  { 0x88, 0x22, 0x55 },                /* wine (Tol muted) */
  { 0x11, 0x77, 0x33 },                /* green */
  { 0x99, 0x99, 0x33 },                /* olive */
  { 0x88, 0xCC, 0xEE },                /* cyan */
  { 0xAA, 0x44, 0x99 },                /* purple */
  { 0xDD, 0xCC, 0x77 },                /* sand */
  { 0x44, 0xAA, 0x99 },                /* teal */
};

G_STATIC_ASSERT (G_N_ELEMENTS (country_colors) >= SS_MAX_COUNTRIES);

/* [level][dark] */
static const Rgb alert_colors[][2] = {
  [SS_ALERT_NONE]     = { { 0x1B, 0x85, 0x53 }, { 0x8F, 0xF0, 0xA4 } },  /* success */
  [SS_ALERT_WATCH]    = { { 0x1C, 0x71, 0xD8 }, { 0x78, 0xAE, 0xED } },  /* accent */
  [SS_ALERT_WARNING]  = { { 0x9C, 0x6E, 0x03 }, { 0xF8, 0xE4, 0x5C } },  /* warning */
  [SS_ALERT_CRITICAL] = { { 0xC0, 0x1C, 0x28 }, { 0xFF, 0x7B, 0x63 } },  /* error */
};

static void
rgb_to_doubles (const Rgb *rgb,
                double     out[3])
{
  out[0] = rgb->r / 255.;
  out[1] = rgb->g / 255.;
  out[2] = rgb->b / 255.;
}

/* A study has at most SS_MAX_COUNTRIES (16) countries, so indices never
 * repeat a colour; beyond that they wrap rather than fail. */
void
ss_palette_country_rgb (guint  index,
                        double out[3])
{
  g_return_if_fail (out != NULL);

  rgb_to_doubles (&country_colors[index % G_N_ELEMENTS (country_colors)], out);
}

void
ss_palette_alert_rgb (SsAlertLevel level,
                      gboolean     dark,
                      double       out[3])
{
  g_return_if_fail (out != NULL);

  if ((guint)level >= G_N_ELEMENTS (alert_colors))
    level = SS_ALERT_NONE;
  rgb_to_doubles (&alert_colors[level][dark ? 1 : 0], out);
}

/* Kept in single precision from the bytes, as before, so the GdkRGBA
 * values are exactly r / 255.f and compare equal to literals. */
static void
rgb_to_rgba (const Rgb *rgb,
             GdkRGBA   *out)
{
  out->red = rgb->r / 255.f;
  out->green = rgb->g / 255.f;
  out->blue = rgb->b / 255.f;
  out->alpha = 1.f;
}

void
ss_palette_country_color (guint    index,
                          GdkRGBA *out)
{
  g_return_if_fail (out != NULL);

  rgb_to_rgba (&country_colors[index % G_N_ELEMENTS (country_colors)], out);
}

void
ss_palette_alert_color (SsAlertLevel  level,
                        gboolean      dark,
                        GdkRGBA      *out)
{
  g_return_if_fail (out != NULL);

  if ((guint)level >= G_N_ELEMENTS (alert_colors))
    level = SS_ALERT_NONE;
  rgb_to_rgba (&alert_colors[level][dark ? 1 : 0], out);
}
