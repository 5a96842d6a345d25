/* svg-check.c: what the tests read back from an exported SVG
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An exported SVG must be XML that any reader takes, hold its labels as
 * <text> elements a person can edit (with their font), and name its chart
 * in <title> and <desc>. What labels a chart shows is taken from the PDF
 * export, whose text cairo writes from the same layouts as glyphs with
 * their characters: pdftotext reads them back independently of the SVG
 * writer.
 */

#include "config.h"

#include <string.h>

#include <libxml/parser.h>

#include "svg-check.h"

#define SVG_NS "http://www.w3.org/2000/svg"

/* Runs a program (rsvg-convert, Inkscape, pdftotext) and returns what it
 * printed; it must succeed. Not under the tests' fatal-warnings, which
 * would stop Inkscape at its first GTK warning, and with no display. */
char *
ss_test_run (const char * const *argv)
{
  g_auto(GStrv) env = g_get_environ ();
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status;

  env = g_environ_unsetenv (env, "G_DEBUG");
  env = g_environ_unsetenv (env, "DISPLAY");
  env = g_environ_unsetenv (env, "WAYLAND_DISPLAY");
  g_spawn_sync (NULL, (char **)argv, env, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL,
                &status, &error);
  g_assert_no_error (error);
  g_spawn_check_wait_status (status, &error);
  g_assert_no_error (error);
  return out;
}

xmlDoc *
ss_test_svg_read (const char *path)
{
  /* No recovery: a document with one error does not parse. */
  xmlDoc *doc = xmlReadFile (path, NULL,
                             XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  xmlNode *root;

  g_assert_nonnull (doc);
  root = xmlDocGetRootElement (doc);
  g_assert_nonnull (root);
  g_assert_cmpstr ((const char *)root->name, ==, "svg");
  g_assert_nonnull (root->ns);
  g_assert_cmpstr ((const char *)root->ns->href, ==, SVG_NS);
  return doc;
}

static char *
node_text (xmlNode *node)
{
  xmlChar *content = xmlNodeGetContent (node);
  char *text = g_strdup ((const char *)content);

  xmlFree (content);
  return text;
}

static xmlNode *
next_element (xmlNode *node)
{
  while (node != NULL && node->type != XML_ELEMENT_NODE)
    node = node->next;
  return node;
}

/* Each <text> has its font and a colour, and says something. */
static guint
check_texts (xmlNode *node)
{
  guint n = 0;

  for (; node != NULL; node = node->next)
    {
      const char *name = (const char *)node->name;
      xmlChar *id;

      if (node->type != XML_ELEMENT_NODE)
        continue;
      /* Glyph outlines, as cairo's SVG surface writes text, or a picture. */
      g_assert_cmpstr (name, !=, "symbol");
      g_assert_cmpstr (name, !=, "use");
      g_assert_cmpstr (name, !=, "image");
      id = xmlGetProp (node, (const xmlChar *)"id");
      g_assert_false (id != NULL && g_str_has_prefix ((const char *)id, "glyph"));
      xmlFree (id);

      if (g_str_equal (name, "text"))
        {
          static const char * const attrs[] = { "font-family", "font-size", "font-weight",
                                                 "fill" };
          g_autofree char *text = node_text (node);

          for (guint k = 0; k < G_N_ELEMENTS (attrs); k++)
            {
              xmlChar *v = xmlGetProp (node, (const xmlChar *)attrs[k]);

              g_assert_nonnull (v);
              if (g_str_equal (attrs[k], "font-size"))
                g_assert_cmpfloat (g_ascii_strtod ((const char *)v, NULL), >=, 8);
              xmlFree (v);
            }
          g_assert_cmpstr (g_strstrip (text), !=, "");
          n++;
        }
      else
        n += check_texts (node->children);
    }
  return n;
}

/* The document has the chart's title and summary, no glyph outlines, and
 * its labels as text with their fonts. */
void
ss_test_svg_assert_editable (xmlDoc     *doc,
                             const char *title,
                             const char *desc)
{
  xmlNode *root = xmlDocGetRootElement (doc);
  xmlNode *first = next_element (root->children);
  xmlNode *second = first != NULL ? next_element (first->next) : NULL;
  g_autofree char *title_text = NULL, *desc_text = NULL;

  g_assert_nonnull (first);
  g_assert_nonnull (second);
  g_assert_cmpstr ((const char *)first->name, ==, "title");
  g_assert_cmpstr ((const char *)second->name, ==, "desc");
  title_text = node_text (first);
  desc_text = node_text (second);
  g_assert_cmpstr (title_text, ==, title);
  g_assert_cmpstr (desc_text, ==, desc);
  g_assert_cmpuint (check_texts (root->children), >, 0);
}

static void
collect_text (xmlNode *node,
              GString *out)
{
  for (; node != NULL; node = node->next)
    if (node->type == XML_ELEMENT_NODE && g_str_equal ((const char *)node->name, "text"))
      {
        g_autofree char *text = node_text (node);

        g_string_append (out, text);
        g_string_append_c (out, '\n');
      }
    else if (node->type == XML_ELEMENT_NODE)
      collect_text (node->children, out);
}

/* Every <text>'s content, one a line. */
char *
ss_test_svg_text (xmlDoc *doc)
{
  GString *out = g_string_new (NULL);

  collect_text (xmlDocGetRootElement (doc), out);
  return g_string_free (out, FALSE);
}

static guint
count (xmlNode    *node,
       const char *element)
{
  guint n = 0;

  for (; node != NULL; node = node->next)
    if (node->type == XML_ELEMENT_NODE)
      n += g_str_equal ((const char *)node->name, element) + count (node->children, element);
  return n;
}

guint
ss_test_svg_count (xmlDoc     *doc,
                   const char *element)
{
  return count (xmlDocGetRootElement (doc), element);
}

/* The text of a PDF as pdftotext reads it, or NULL without pdftotext. */
char *
ss_test_pdf_text (const char *path)
{
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  const char *argv[] = { pdftotext, "-raw", "-enc", "UTF-8", path, "-", NULL };

  if (pdftotext == NULL)
    return NULL;
  return ss_test_run (argv);
}

/* Bidi marks, embeddings, overrides and isolates draw no glyph. */
static gboolean
draws_glyph (gunichar c)
{
  return !g_unichar_isspace (c) && c != 0x200E && c != 0x200F && !(c >= 0x202A && c <= 0x202E)
         && !(c >= 0x2066 && c <= 0x2069);
}

static GHashTable *
char_counts (const char *text)
{
  GHashTable *n = g_hash_table_new (NULL, NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (draws_glyph (c))
        g_hash_table_insert (n, GUINT_TO_POINTER (c),
                             GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (
                               n, GUINT_TO_POINTER (c))) + 1));
    }
  return n;
}

/* @text shows the same characters as @expected, each as often, in
 * whatever lines and order: every label is there and nothing else. */
void
ss_test_assert_same_chars (const char *expected,
                           const char *text)
{
  g_autoptr(GHashTable) want = char_counts (expected);
  g_autoptr(GHashTable) have = char_counts (text);
  g_autoptr(GString) missing = g_string_new (NULL), extra = g_string_new (NULL);
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, want);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      guint got = GPOINTER_TO_UINT (g_hash_table_lookup (have, key));

      if (got < GPOINTER_TO_UINT (value))
        g_string_append_printf (missing, " U+%04X×%u", GPOINTER_TO_UINT (key),
                                GPOINTER_TO_UINT (value) - got);
    }
  g_hash_table_iter_init (&iter, have);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      guint wanted = GPOINTER_TO_UINT (g_hash_table_lookup (want, key));

      if (wanted < GPOINTER_TO_UINT (value))
        g_string_append_printf (extra, " U+%04X×%u", GPOINTER_TO_UINT (key),
                                GPOINTER_TO_UINT (value) - wanted);
    }
  if (missing->len > 0 || extra->len > 0)
    g_test_message ("missing:%s; extra:%s", missing->str, extra->str);
  g_assert_cmpstr (missing->str, ==, "");
  g_assert_cmpstr (extra->str, ==, "");
}
