/* ss-xml.c: parsing XML that may come from anyone
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Study files and Korea Customs XML responses are read by the same code,
 * so both get the same protection: the parser loads nothing but the bytes
 * it is given. A DOCTYPE is refused before libxml2 sees the document (no
 * internal subset, so no entity can be declared, let alone expanded), the
 * network is off, nesting is limited by the caller, and the raw bytes are
 * checked for what would make libxml2 slow (NUL bytes, enormous tags).
 */

#define G_LOG_DOMAIN "supplyshift-xml"

#include "config.h"

#include <string.h>

#include <libxml/parser.h>
#include <libxml/SAX2.h>
#include <libxml/xmlerror.h>

#include "ss-xml.h"

typedef struct
{
  SsXmlReport  report;
  gpointer     data;
  int          max_depth;
  guint        count;
} Reader;

static void
report (Reader     *r,
        int         line,
        const char *message)
{
  r->count++;
  r->report (r->data, line, message);
}

/* An element's line is recorded by our start-element handler below:
 * libxml2 keeps lines in 16 bits and only guesses past 65 535, and a
 * 10 000-item study is longer than that. A text node's line is where the
 * text ends; the problem is where its first visible character is. */
int
ss_xml_line (xmlNode *node)
{
  if (node->type == XML_ELEMENT_NODE && node->_private != NULL)
    return GPOINTER_TO_INT (node->_private);
  if (node->type == XML_TEXT_NODE && node->content != NULL)
    {
      const char *p = (const char *)node->content;
      int line = (int)xmlGetLineNo (node);

      while (*p && g_ascii_isspace (*p))
        p++;
      for (; *p; p++)
        line -= *p == '\n';
      return MAX (line, 1);
    }
  return (int)xmlGetLineNo (node);
}

static void
start_element (void           *ctx,
               const xmlChar  *localname,
               const xmlChar  *prefix,
               const xmlChar  *uri,
               int             nb_namespaces,
               const xmlChar **namespaces,
               int             nb_attributes,
               int             nb_defaulted,
               const xmlChar **attributes)
{
  xmlParserCtxtPtr ctxt = ctx;

  /* The caller knows how deep its documents go. XML_PARSE_HUGE lifts libxml2's own depth
   * limit, so deep nesting is stopped here, before it costs memory. */
  if (ctxt->nameNr > ((Reader *)ctxt->_private)->max_depth)
    {
      Reader *r = ctxt->_private;
      g_autofree char *message = g_strdup_printf ("elements are nested more than %d levels deep",
                                                  r->max_depth);

      report (r, ctxt->input != NULL ? ctxt->input->line : 0, message);
      xmlStopParser (ctxt);
      return;
    }
  xmlSAX2StartElementNs (ctx, localname, prefix, uri, nb_namespaces, namespaces, nb_attributes,
                         nb_defaulted, attributes);
  if (ctxt->node != NULL && ctxt->input != NULL)
    ctxt->node->_private = GINT_TO_POINTER (ctxt->input->line);
}

char *
ss_xml_error_text (const xmlError *error)
{
  char *message, *nl;

  if (error->level < XML_ERR_ERROR)
    return NULL;
  message = g_strdup (error->message != NULL ? error->message : "malformed XML");
  if ((nl = strchr (message, '\n')) != NULL)
    *nl = '\0';
  return g_strstrip (message);
}

static void
on_xml_error (void     *data,
              xmlError *error)
{
  g_autofree char *message = ss_xml_error_text (error);

  if (message != NULL)
    report (data, error->line, message);
}

/* Everything before the root element: a BOM, white space, the XML
 * declaration, processing instructions and comments. A DOCTYPE there is
 * refused without parsing it. */
static gboolean
has_doctype (const char *data,
             gsize       len,
             int        *line)
{
  const char *p = data, *end = data + len;

  *line = 1;
  if (len >= 3 && memcmp (p, "\xEF\xBB\xBF", 3) == 0)
    p += 3;
  while (p < end)
    {
      if (*p == '\n')
        (*line)++;
      if (g_ascii_isspace (*p))
        {
          p++;
          continue;
        }
      if (end - p >= 9 && memcmp (p, "<!DOCTYPE", 9) == 0)
        return TRUE;
      if (end - p >= 2 && memcmp (p, "<?", 2) == 0)
        {
          const char *close = g_strstr_len (p, end - p, "?>");

          if (close == NULL)
            return FALSE;
          for (; p < close; p++)
            *line += *p == '\n';
          p = close + 2;
          continue;
        }
      if (end - p >= 4 && memcmp (p, "<!--", 4) == 0)
        {
          const char *close = g_strstr_len (p + 4, end - p - 4, "-->");

          if (close == NULL)
            return FALSE;
          for (; p < close; p++)
            *line += *p == '\n';
          p = close + 3;
          continue;
        }
      return FALSE;
    }
  return FALSE;
}

#define MAX_TAG_LENGTH (64 * 1024)

/* Checks on the raw bytes, before libxml2 sees them. A NUL byte means the
 * file is not UTF-8 text (UTF-16, or binary). A start tag longer than
 * 64 KiB has no place in a study, and libxml2 2.9 checks an element's
 * attributes for duplicates pair by pair: a tag with 50 000 attributes
 * would keep it busy for seconds. */
static gboolean
check_raw (Reader     *r,
           const char *data,
           gsize       len)
{
  const char *nul = memchr (data, '\0', len);
  const char *p = data, *end = data + len;
  int line = 1;

  if (nul != NULL)
    {
      for (const char *q = data; q < nul; q++)
        line += *q == '\n';
      report (r, line, "the file has a NUL byte: it is not UTF-8 text (UTF-16 or a binary file?)");
      return FALSE;
    }
  line = 1;
  while (p < end)
    {
      const char *open = memchr (p, '<', end - p);
      const char *close;

      if (open == NULL)
        break;
      for (const char *q = p; q < open; q++)
        line += *q == '\n';
      close = memchr (open, '>', MIN ((gsize)(end - open), (gsize)MAX_TAG_LENGTH));
      if (close == NULL && end - open >= MAX_TAG_LENGTH)
        {
          g_autofree char *message = g_strdup_printf ("a tag is longer than %d KiB", MAX_TAG_LENGTH / 1024);

          report (r, line, message);
          return FALSE;
        }
      if (close == NULL)
        break;
      for (const char *q = open; q < close; q++)
        line += *q == '\n';
      p = close + 1;
    }
  return TRUE;
}


xmlDoc *
ss_xml_read_untrusted (const char  *data,
                       gsize        len,
                       const char  *display_name,
                       const char  *what,
                       int          max_depth,
                       SsXmlReport  report_func,
                       gpointer     report_data)
{
  Reader r = { report_func, report_data, max_depth, 0 };
  xmlParserCtxtPtr ctxt;
  xmlDoc *doc;
  int line;

  g_return_val_if_fail (len <= G_MAXINT, NULL);

  /* Idempotent; done before any parse so that loading in worker threads
   * finds libxml2 initialised. */
  xmlInitParser ();

  if (has_doctype (data, len, &line))
    {
      g_autofree char *message = g_strdup_printf ("the file has a DOCTYPE; %s may not declare one "
                                                  "(no DTD, no entities)", what);

      report (&r, line, message);
      return NULL;
    }
  if (!check_raw (&r, data, len))
    return NULL;

  ctxt = xmlNewParserCtxt ();
  ctxt->sax->startElementNs = start_element;
  ctxt->_private = &r;
  xmlSetStructuredErrorFunc (&r, (xmlStructuredErrorFunc)on_xml_error);
  /* XML_PARSE_HUGE lifts libxml2's 10 MB limit on one text run, so a valid
   * file of up to 64 MiB loads; nesting is limited in start_element(). */
  doc = xmlCtxtReadMemory (ctxt, data, (int)len, display_name, NULL,
                           XML_PARSE_NONET | XML_PARSE_BIG_LINES | XML_PARSE_NOCDATA | XML_PARSE_HUGE);
  xmlSetStructuredErrorFunc (NULL, NULL);
  xmlFreeParserCtxt (ctxt);

  if (doc != NULL && r.count == 0)
    {
      g_autofree char *message = NULL;

      if (doc->intSubset != NULL || doc->extSubset != NULL)
        message = g_strdup_printf ("the file has a DOCTYPE; %s may not declare one (no DTD, no entities)", what);
      else if (doc->encoding != NULL && g_ascii_strcasecmp ((const char *)doc->encoding, "UTF-8") != 0)
        message = g_strdup_printf ("the file is in %s; %s are UTF-8", (const char *)doc->encoding, what);
      else if (xmlDocGetRootElement (doc) == NULL)
        message = g_strdup ("the file has no root element");
      if (message != NULL)
        report (&r, 1, message);
    }
  else if (r.count == 0)
    report (&r, 1, "the file is not well-formed XML");

  if (r.count > 0)
    {
      xmlFreeDoc (doc);
      return NULL;
    }
  return doc;
}
