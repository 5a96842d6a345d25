/* ssc-tooltip.c: the lines of a chart's tooltip, as Pango markup
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A tooltip is a bold heading and lines of "label: value (baseline
 * value)"; a country's line starts with a square in its colour.
 */

#define G_LOG_DOMAIN "supplyshift-chart-tooltip"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "ssc-format.h"
#include "ssc-palette.h"
#include "ssc-text.h"
#include "ssc-tooltip.h"

/* "label: value (baseline value)" as tooltip markup. */
char *
ssc_tooltip_pair (const char *label,
                  const char *value,
                  const char *base_value)
{
  if (base_value != NULL)
    /* Translators: a tooltip line, "Supply risk: 2.19 (baseline 3.82)" */
    return g_markup_printf_escaped (_("%s: %s (baseline %s)"), label, value, base_value);
  /* Translators: a tooltip line, "Supply risk: 2.19" */
  return g_markup_printf_escaped (_("%s: %s"), label, value);
}

/* Appends a line; takes the value strings. */
void
ssc_tooltip_add_pair (GString    *s,
                      const char *label,
                      char       *value,
                      char       *base_value)
{
  g_autofree char *v = value, *b = base_value;
  g_autofree char *line = ssc_tooltip_pair (label, v, b);

  g_string_append_c (s, '\n');
  g_string_append (s, line);
}

/* Appends a line of markup after the country's colour. */
void
ssc_tooltip_add_country (GString    *s,
                         guint       country,
                         const char *line)
{
  double rgb[3];

  /* A tooltip is dark in either style. */
  ssc_palette_country_rgb (country, TRUE, rgb);
  g_string_append_c (s, '\n');
  g_string_append_printf (s, "<span foreground=\"#%02x%02x%02x\">■</span> ",
                          (int)round (rgb[0] * 255), (int)round (rgb[1] * 255),
                          (int)round (rgb[2] * 255));
  g_string_append (s, line);
}

/* The largest shares first, at most four. */
void
ssc_tooltip_add_mix (GString       *s,
                     const SsStudy *study,
                     const double  *shares,
                     guint          nc)
{
  gboolean used[SS_MAX_COUNTRIES] = { FALSE };

  for (guint shown = 0; shown < 4; shown++)
    {
      int best = -1;
      g_autofree char *share = NULL, *name = NULL, *line = NULL;

      for (guint k = 0; k < nc; k++)
        if (!used[k] && shares[k] >= 0.005 && (best < 0 || shares[k] > shares[best]))
          best = k;
      if (best < 0)
        break;
      used[best] = TRUE;
      share = ssc_format_share (shares[best]);
      name = ssc_text_isolate (ss_study_get_country (study, best)->name);
      line = g_markup_printf_escaped ("%s %s", name, share);
      ssc_tooltip_add_country (s, best, line);
    }
}
