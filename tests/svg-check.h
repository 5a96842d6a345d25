/* svg-check.h: what the tests read back from an exported SVG
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <libxml/tree.h>

G_BEGIN_DECLS

char    *ss_test_run                (const char * const *argv);
xmlDoc  *ss_test_svg_read           (const char *path);
void     ss_test_svg_assert_editable (xmlDoc    *doc,
                                     const char *title,
                                     const char *desc);
char    *ss_test_svg_text           (xmlDoc     *doc);
guint    ss_test_svg_count          (xmlDoc     *doc,
                                     const char *element);
char    *ss_test_pdf_text           (const char *path);
void     ss_test_assert_same_chars  (const char *expected,
                                     const char *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlDoc, xmlFreeDoc)

G_END_DECLS
