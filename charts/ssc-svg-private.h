/* ssc-svg-private.h: the writers ssc-svg.c shares with ssc-svg-write.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ssc-svg.h"

G_BEGIN_DECLS

void _ssc_svg_append_num (GString *s, double v);
void _ssc_svg_append_num_attr (GString *s, const char *name, double v);
void _ssc_svg_append_color (GString *s, double r, double g, double b);
void _ssc_svg_append_color_attr (GString *s, const char *name, double r, double g, double b, double a);
void _ssc_svg_append_matrix_attr (GString *s, const char *name, const cairo_matrix_t *m);
void _ssc_svg_append_escaped (GString *s, const char *text, gsize length);

G_END_DECLS
