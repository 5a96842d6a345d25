/* ssc-svg.h: a chart as an SVG document whose text is text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

typedef struct _SscSvg SscSvg;

/* Where a line of text is anchored: its left end, its middle or its
 * right end, whatever its direction. */
typedef enum
{
  SSC_SVG_ANCHOR_LEFT,
  SSC_SVG_ANCHOR_CENTER,
  SSC_SVG_ANCHOR_RIGHT,
} SscSvgAnchor;

SscSvg   *ssc_svg_new             (int           width,
                                   int           height,
                                   const char   *title,
                                   const char   *desc);
void      ssc_svg_free            (SscSvg       *svg);
cairo_t  *ssc_svg_get_context     (SscSvg       *svg);
char     *ssc_svg_finish          (SscSvg       *svg,
                                   gsize        *length);

/* The document a context draws into, or NULL for any other context. */
SscSvg   *ssc_svg_from_context    (cairo_t      *cr);

/* A rectangular clip, on any context: cairo_save() and cairo_clip(),
 * and for a document's context the document's clip as well. */
void      ssc_svg_clip_push       (cairo_t      *cr,
                                   double        x,
                                   double        y,
                                   double        width,
                                   double        height);
void      ssc_svg_clip_pop        (cairo_t      *cr);

/* One <text>: begin, one or more lines, end. */
void      ssc_svg_text_begin      (SscSvg       *svg,
                                   const char   *family,
                                   double        size,
                                   int           weight,
                                   const double  rgba[4],
                                   gboolean      rtl,
                                   SscSvgAnchor  anchor,
                                   guint         n_lines);
void      ssc_svg_text_line       (SscSvg       *svg,
                                   double        x,
                                   double        y,
                                   const char   *text,
                                   gsize         length);
void      ssc_svg_text_end        (SscSvg       *svg);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SscSvg, ssc_svg_free)

G_END_DECLS
