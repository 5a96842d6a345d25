/* ss-xml-text.h: which text a study file can hold
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean  ss_xml_text_find_invalid (const char *text,
                                    gssize      len,
                                    gsize      *offset,
                                    gunichar   *ch);
char     *ss_xml_text_check        (const char *text,
                                    const char *what);

G_END_DECLS
