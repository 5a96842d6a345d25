/* ss-xml.c: parsing XML that may come from anyone
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Study files and Korea Customs XML responses are read by the same code,
 * so both get the same protection: the parser loads nothing but the bytes
 * it is given. A file that is not UTF-8 is refused before libxml2 sees it
 * (libxml2 would otherwise convert UTF-16, EBCDIC or UTF-7 and parse what
 * no scan of the bytes can see); the parser itself stops at a DOCTYPE,
 * before its internal subset, so no entity is ever declared, whatever the
 * encoding; the network is off; libxml2's limits stay on (no
 * XML_PARSE_HUGE, which would also lift its entity-amplification guard);
 * nesting is limited by the caller; and the raw bytes are checked for
 * what would make libxml2 slow (enormous tags).
 */

#define G_LOG_DOMAIN "supplyshift-xml"

#include "config.h"

#include <string.h>

#include <libxml/parser.h>
#include <libxml/SAX2.h>
#include <libxml/xmlerror.h>

#include <glib/gi18n.h>

#include "ss-xml.h"

typedef struct
{
  SsXmlReport          report;
  gpointer             data;
  const char          *what;
  int                  max_depth;
  guint                count;
  GString             *pending;        /* text not yet in the tree */
  const SsXmlStream   *stream;         /* or NULL: build the whole tree */
  gpointer             stream_data;
  gboolean             stopped;        /* by a handler of stream */
} Reader;

/* Stops the parse when a handler of r->stream says so. */
static void
handled (xmlParserCtxtPtr ctxt,
         gboolean         go_on)
{
  Reader *r = ctxt->_private;

  if (go_on)
    return;
  r->stopped = TRUE;
  xmlStopParser (ctxt);
}

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

/* libxml2 keeps a text run in one node and refuses to grow one past
 * 10 MB unless XML_PARSE_HUGE lifts that limit, and every other limit
 * with it. The caller's own limit on the file is enough here, so the
 * reader gathers each text run itself and adds it to the tree as one node
 * when the run ends: at the next tag, comment or processing instruction. */
static void
flush_text (xmlParserCtxtPtr ctxt)
{
  Reader *r = ctxt->_private;
  xmlNode *text;
  int line;

  if (r->pending->len == 0)
    return;
  /* Text outside the root element is white space; SAX2 drops it too. */
  if (ctxt->node != NULL && r->pending->len <= G_MAXINT)
    {
      text = xmlNewDocTextLen (ctxt->myDoc, (const xmlChar *)r->pending->str, (int)r->pending->len);
      /* As SAX2 records it: the line where the text ends, with big lines
       * kept aside where xmlGetLineNo() finds them. */
      line = ctxt->input != NULL ? ctxt->input->line : 0;
      text->line = MIN (line, 65535);
      if (line >= 65535)
        text->psvi = GINT_TO_POINTER (line);
      /* xmlAddChild() may merge the text into the one before it. */
      text = xmlAddChild (ctxt->node, text);
      if (text != NULL && r->stream != NULL)
        handled (ctxt, r->stream->text (r->stream_data, text));
    }
  g_string_truncate (r->pending, 0);
}

static void
on_characters (void          *ctx,
               const xmlChar *chars,
               int            len)
{
  xmlParserCtxtPtr ctxt = ctx;
  Reader *r = ctxt->_private;

  g_string_append_len (r->pending, (const char *)chars, len);
}

static void
on_comment (void          *ctx,
            const xmlChar *value)
{
  flush_text (ctx);
  xmlSAX2Comment (ctx, value);
}

static void
on_processing_instruction (void          *ctx,
                           const xmlChar *target,
                           const xmlChar *data)
{
  flush_text (ctx);
  xmlSAX2ProcessingInstruction (ctx, target, data);
}

static void
on_end_element (void          *ctx,
                const xmlChar *localname,
                const xmlChar *prefix,
                const xmlChar *uri)
{
  xmlParserCtxtPtr ctxt = ctx;
  Reader *r = ctxt->_private;
  xmlNode *node;

  flush_text (ctx);
  if (ctxt->disableSAX)
    return;
  node = ctxt->node;
  xmlSAX2EndElementNs (ctx, localname, prefix, uri);
  /* The node is complete; the parser keeps no pointer to it, so the
   * handler may take it out of the tree and free it. */
  if (r->stream != NULL && node != NULL && node != ctxt->node)
    handled (ctxt, r->stream->end (r->stream_data, node));
}

/* Called once the parser has read `<!DOCTYPE name ExternalID`, before it
 * reads an internal subset or loads an external one: stopping here means
 * no entity is ever declared, in any encoding. */
static void
on_doctype (void          *ctx,
            const xmlChar *name,
            const xmlChar *external_id,
            const xmlChar *system_id)
{
  xmlParserCtxtPtr ctxt = ctx;
  Reader *r = ctxt->_private;
  g_autofree char *message = g_strdup_printf (_("the file has a DOCTYPE; %s may not declare one "
                                                "(no DTD, no entities)"), r->what);

  report (r, ctxt->input != NULL ? ctxt->input->line : 1, message);
  xmlStopParser (ctxt);
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
  Reader *r = ctxt->_private;
  xmlNode *parent;

  flush_text (ctxt);
  if (ctxt->disableSAX)
    return;
  /* The caller knows how deep its documents go; libxml2 would allow 256
   * levels. Deep nesting is stopped here, before it costs memory. */
  if (ctxt->nameNr > r->max_depth)
    {
      g_autofree char *message = g_strdup_printf (_("elements are nested more than %d levels deep"),
                                                  r->max_depth);

      report (r, ctxt->input != NULL ? ctxt->input->line : 0, message);
      xmlStopParser (ctxt);
      return;
    }
  parent = ctxt->node;
  xmlSAX2StartElementNs (ctx, localname, prefix, uri, nb_namespaces, namespaces, nb_attributes,
                         nb_defaulted, attributes);
  if (ctxt->node == NULL || ctxt->node == parent)
    return;
  if (ctxt->input != NULL)
    ctxt->node->_private = GINT_TO_POINTER (ctxt->input->line);
  if (r->stream != NULL)
    handled (ctxt, r->stream->start (r->stream_data, ctxt->node));
}

char *
ss_xml_error_text (const xmlError *error)
{
  char *message, *nl;

  if (error->level < XML_ERR_ERROR)
    return NULL;
  message = g_strdup (error->message != NULL ? error->message : _("malformed XML"));
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

static int
line_at (const char *data,
         const char *at)
{
  int line = 1;

  for (const char *p = data; p < at; p++)
    line += *p == '\n';
  return line;
}

/* The value of the encoding pseudo-attribute of an XML declaration at p
 * (`<?xml version="1.0" encoding="..."?>`), or NULL when there is none. */
static char *
declared_encoding (const char *p,
                   const char *end)
{
  const char *close;

  if (end - p < 6 || memcmp (p, "<?xml", 5) != 0 || !g_ascii_isspace (p[5]))
    return NULL;
  close = g_strstr_len (p, MIN (end - p, 1024), "?>");
  if (close == NULL)
    close = p + MIN (end - p, 1024);
  for (p += 5; p < close; p++)
    {
      const char *q = p + 8;
      const char *value;
      char quote;

      if (!g_ascii_isspace (p[-1]) || close - p < 8 || memcmp (p, "encoding", 8) != 0)
        continue;
      while (q < close && g_ascii_isspace (*q))
        q++;
      if (q >= close || *q++ != '=')
        continue;
      while (q < close && g_ascii_isspace (*q))
        q++;
      if (q >= close || (*q != '"' && *q != '\''))
        continue;
      quote = *q++;
      value = q;
      while (q < close && *q != quote)
        q++;
      return g_strndup (value, q - value);
    }
  return NULL;
}

/* UTF-8 only, refused here before libxml2 could switch to another
 * encoding (and parse a DOCTYPE or an entity no scan of the bytes sees). */
static gboolean
check_encoding (Reader     *r,
                const char *data,
                gsize       len)
{
  static const struct { const char *bytes; gsize len; const char *name; } signatures[] = {
    /* UTF-32 first: its little-endian BOM starts like UTF-16's. */
    { "\x00\x00\xFE\xFF", 4, N_("UTF-32 (it starts with a UTF-32 byte order mark)") },
    { "\xFF\xFE\x00\x00", 4, N_("UTF-32 (it starts with a UTF-32 byte order mark)") },
    { "\xFE\xFF", 2, N_("UTF-16 (it starts with a UTF-16 byte order mark)") },
    { "\xFF\xFE", 2, N_("UTF-16 (it starts with a UTF-16 byte order mark)") },
    { "\x00\x00\x00\x3C", 4, "UTF-32" },
    { "\x3C\x00\x00\x00", 4, "UTF-32" },
    { "\x00\x3C\x00\x3F", 4, "UTF-16" },
    { "\x3C\x00\x3F\x00", 4, "UTF-16" },
    { "\x4C\x6F\xA7\x94", 4, "EBCDIC" },
    { "+/v", 3, N_("UTF-7 (it starts with a UTF-7 byte order mark)") },
  };
  const char *p = data, *end = data + len, *nul, *bad;
  g_autofree char *encoding = NULL;
  g_autofree char *message = NULL;
  int line = 1;

  for (guint k = 0; k < G_N_ELEMENTS (signatures) && message == NULL; k++)
    if (len >= signatures[k].len && memcmp (data, signatures[k].bytes, signatures[k].len) == 0)
      message = g_strdup_printf (_("the file is in %s; %s are UTF-8"), _(signatures[k].name), r->what);

  if (message == NULL && (nul = memchr (data, '\0', len)) != NULL)
    {
      line = line_at (data, nul);
      message = g_strdup (_("the file has a NUL byte: it is not UTF-8 text (UTF-16 or a binary file?)"));
    }

  if (message == NULL)
    {
      if (len >= 3 && memcmp (p, "\xEF\xBB\xBF", 3) == 0)
        p += 3;
      encoding = declared_encoding (p, end);
      if (encoding != NULL && g_ascii_strcasecmp (encoding, "UTF-8") != 0)
        message = g_strdup_printf (_("the file declares the encoding %s; %s are UTF-8"), encoding, r->what);
    }

  if (message == NULL && !g_utf8_validate_len (data, len, &bad))
    {
      line = line_at (data, bad);
      message = g_strdup (_("the file is not UTF-8: these bytes are not valid UTF-8 (is it in "
                            "another encoding, like ISO-8859-1?)"));
    }

  if (message == NULL)
    return TRUE;
  report (r, line, message);
  return FALSE;
}

#define MAX_TAG_LENGTH (64 * 1024)

/* A start tag longer than 64 KiB has no place in a study, and libxml2 2.9
 * checks an element's attributes for duplicates pair by pair: a tag with
 * 50 000 attributes would keep it busy for seconds. This also keeps every
 * comment, CDATA section and processing instruction far below libxml2's
 * 10 MB limit on them. */
static gboolean
check_raw (Reader     *r,
           const char *data,
           gsize       len)
{
  const char *p = data, *end = data + len;

  while (p < end)
    {
      const char *open = memchr (p, '<', end - p);
      const char *close;

      if (open == NULL)
        break;
      close = memchr (open, '>', MIN ((gsize)(end - open), (gsize)MAX_TAG_LENGTH));
      if (close == NULL && end - open >= MAX_TAG_LENGTH)
        {
          g_autofree char *message = g_strdup_printf (_("a tag is longer than %d KiB"), MAX_TAG_LENGTH / 1024);

          report (r, line_at (data, open), message);
          return FALSE;
        }
      if (close == NULL)
        break;
      p = close + 1;
    }
  return TRUE;
}


static xmlDoc *
read_untrusted (const char        *data,
                gsize              len,
                const char        *display_name,
                const char        *what,
                int                max_depth,
                SsXmlReport        report_func,
                gpointer           report_data,
                const SsXmlStream *stream,
                gpointer           stream_data,
                guint             *count)
{
  g_autoptr(GString) pending = g_string_new (NULL);
  Reader r = { report_func, report_data, what, max_depth, 0, pending, stream, stream_data, FALSE };
  xmlParserCtxtPtr ctxt;
  xmlDoc *doc;

  g_return_val_if_fail (len <= G_MAXINT, NULL);

  /* Idempotent; done before any parse so that loading in worker threads
   * finds libxml2 initialised. */
  xmlInitParser ();

  *count = 0;
  if (!check_encoding (&r, data, len) || !check_raw (&r, data, len))
    {
      *count = r.count;
      return NULL;
    }

  /* White space after the root element means nothing, and libxml2 2.9
   * without XML_PARSE_HUGE stops at more than 10 MB of it there ("Huge
   * input lookup"). */
  while (len > 0 && (data[len - 1] == ' ' || data[len - 1] == '\t' || data[len - 1] == '\r'
                     || data[len - 1] == '\n'))
    len--;

  ctxt = xmlNewParserCtxt ();
  ctxt->sax->startElementNs = start_element;
  ctxt->sax->endElementNs = on_end_element;
  ctxt->sax->characters = on_characters;
  ctxt->sax->ignorableWhitespace = on_characters;
  ctxt->sax->comment = on_comment;
  ctxt->sax->processingInstruction = on_processing_instruction;
  ctxt->sax->internalSubset = on_doctype;
  ctxt->sax->externalSubset = on_doctype;
  ctxt->_private = &r;
  xmlSetStructuredErrorFunc (&r, (xmlStructuredErrorFunc)on_xml_error);
  doc = xmlCtxtReadMemory (ctxt, data, (int)len, display_name, NULL,
                           XML_PARSE_NONET | XML_PARSE_BIG_LINES | XML_PARSE_NOCDATA);
  xmlSetStructuredErrorFunc (NULL, NULL);
  xmlFreeParserCtxt (ctxt);
  /* A handler that stopped the parse knows why. */
  if (r.stopped)
    {
      xmlFreeDoc (doc);
      *count = r.count;
      return NULL;
    }

  if (doc != NULL && r.count == 0 && xmlDocGetRootElement (doc) == NULL)
    report (&r, 1, _("the file has no root element"));
  else if (doc == NULL && r.count == 0)
    report (&r, 1, _("the file is not well-formed XML"));

  *count = r.count;
  if (r.count > 0)
    {
      xmlFreeDoc (doc);
      return NULL;
    }
  return doc;
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
  guint count;

  return read_untrusted (data, len, display_name, what, max_depth, report_func, report_data, NULL,
                         NULL, &count);
}

gboolean
ss_xml_read_untrusted_stream (const char        *data,
                              gsize              len,
                              const char        *display_name,
                              const char        *what,
                              int                max_depth,
                              SsXmlReport        report_func,
                              gpointer           report_data,
                              const SsXmlStream *stream,
                              gpointer           stream_data)
{
  guint count;
  xmlDoc *doc;

  g_return_val_if_fail (stream != NULL, FALSE);

  doc = read_untrusted (data, len, display_name, what, max_depth, report_func, report_data, stream,
                        stream_data, &count);
  if (doc == NULL)
    return FALSE;
  xmlFreeDoc (doc);
  return count == 0;
}
