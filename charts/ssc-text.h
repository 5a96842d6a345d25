/* ssc-text.h: every text of a chart, measured and drawn in one place
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Charts never touch Pango: they name a font (family, pixel size and
 * weight), an anchor (xalign, yalign of the text's box at a point) and,
 * for text in a set width, how it fits and how its lines align. So an
 * output that keeps text as text (an SVG <text>) is a change inside this
 * module only.
 */

#pragma once

#include <cairo.h>
#include <glib.h>
#include <pango/pango.h>

#include "ssc-geometry.h"

G_BEGIN_DECLS

#define SSC_FONT_FAMILY "Cantarell, DejaVu Sans, Sans"

typedef struct
{
  const char  *family;
  double       size;                   /* pixels */
  PangoWeight  weight;
} SscFont;

/* The type of every chart. */
extern const SscFont ssc_font_title;      /* the chart's title */
extern const SscFont ssc_font_subtitle;
extern const SscFont ssc_font_label;      /* axis titles, legend, row labels */
extern const SscFont ssc_font_label_bold;
extern const SscFont ssc_font_tick;       /* tick labels, column heads */
extern const SscFont ssc_font_small;      /* annotations, cells */
extern const SscFont ssc_font_badge;

/* How a text fits the width it is given. */
typedef enum
{
  SSC_FIT_LINE,                        /* one line, whatever its width */
  SSC_FIT_ELLIPSIZE,                   /* one line, cut with an ellipsis */
  SSC_FIT_WRAP2,                       /* at most two lines, then ellipsized */
  SSC_FIT_WRAP3,                       /* at most three */
} SscFit;

/* How the lines of a text in a set width align. */
typedef enum
{
  SSC_ALIGN_START,
  SSC_ALIGN_CENTER,
} SscAlign;

typedef struct _SscText SscText;

char     *ssc_text_isolate        (const char    *name);

SscText  *ssc_text_new            (cairo_t       *cr);
void      ssc_text_free           (SscText       *text);

/* One-line texts, laid out once per drawing. */
double    ssc_text_width          (SscText       *text,
                                   const SscFont *font,
                                   const char    *str);
double    ssc_text_line_height    (SscText       *text,
                                   const SscFont *font);
void      ssc_text_draw           (SscText       *text,
                                   const SscFont *font,
                                   const char    *str,
                                   double         x,
                                   double         y,
                                   double         xalign,
                                   double         yalign,
                                   const double   rgba[4],
                                   double         alpha);
void      ssc_text_draw_on_patch  (SscText       *text,
                                   const SscFont *font,
                                   const char    *str,
                                   double         x,
                                   double         y,
                                   double         xalign,
                                   double         yalign,
                                   const double   fg[4],
                                   const double   bg[4],
                                   SscRect       *out);

/* A text in a width: set it, then measure or show it. */
void      ssc_text_set            (SscText       *text,
                                   const SscFont *font,
                                   const char    *str,
                                   double         max_width,
                                   SscFit         fit,
                                   SscAlign       align);
void      ssc_text_get_size       (SscText       *text,
                                   double        *width,
                                   double        *height);
gboolean  ssc_text_is_ellipsized  (SscText       *text);
void      ssc_text_show           (SscText       *text,
                                   double         x,
                                   double         y,
                                   double         xalign,
                                   double         yalign,
                                   const double   rgba[4],
                                   double         alpha);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SscText, ssc_text_free)

G_END_DECLS
