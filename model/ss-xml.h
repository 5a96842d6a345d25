/* ss-xml.h: parsing XML that may come from anyone
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

G_BEGIN_DECLS

/* One problem: the line it is on (0 when there is none) and what it is. */
typedef void (*SsXmlReport) (gpointer    data,
                             int         line,
                             const char *message);

/* Parses data with no DTD (a DOCTYPE is an error), no entities, no
 * network, at most max_depth levels of elements, in UTF-8 only (anything
 * else is refused before parsing), texts of any length. what
 * names the kind of file in messages ("study files"). On any problem it
 * calls report for each and returns NULL; else the document, whose
 * elements know their lines (ss_xml_line()). */
xmlDoc *ss_xml_read_untrusted (const char  *data,
                               gsize        len,
                               const char  *display_name,
                               const char  *what,
                               int          max_depth,
                               SsXmlReport  report,
                               gpointer     report_data);

/* What a caller of ss_xml_read_untrusted_stream() is told as the tree
 * grows. start: an element, with its attributes and line, just added (no
 * children yet); text: a text node just added (a run of text, whole);
 * end: an element complete, with its children. end and text may take the
 * node out of the tree and free it (xmlUnlinkNode(), xmlFreeNode()),
 * start may not. A handler returns FALSE to stop the parse: it has found a
 * problem of its own. */
typedef struct
{
  gboolean (*start) (gpointer data,
                     xmlNode *element);
  gboolean (*text)  (gpointer data,
                     xmlNode *text);
  gboolean (*end)   (gpointer data,
                     xmlNode *element);
} SsXmlStream;

/* ss_xml_read_untrusted() with the same protections and messages, for a
 * document too big to hold whole: the handlers see each node as it is
 * added and may free what they have read. TRUE when the whole document
 * was read with no problem (report was not called and no handler stopped
 * the parse). */
gboolean ss_xml_read_untrusted_stream (const char        *data,
                                       gsize              len,
                                       const char        *display_name,
                                       const char        *what,
                                       int                max_depth,
                                       SsXmlReport        report,
                                       gpointer           report_data,
                                       const SsXmlStream *stream,
                                       gpointer           stream_data);

/* libxml2's message for a problem: its first line (the others name its
 * options), or NULL for a warning. */
char   *ss_xml_error_text     (const xmlError *error);

/* The line of an element (exact past line 65 535, where libxml2 guesses)
 * or of the first visible character of a text node. */
int     ss_xml_line           (xmlNode     *node);

G_END_DECLS
