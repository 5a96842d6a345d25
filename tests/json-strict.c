/* json-strict.c: JSON for the tests, read strictly, through json-glib
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The report tests must fail when the program writes JSON that another
 * reader would refuse or read differently, so a report is read here
 * more strictly than json-glib 1.6 reads it on its own. That version
 * accepts 0x1F (as 31), "\q" (as "q"), single quotes, comments, leading
 * zeros, ".5", a second document after the first, an empty text, reads
 * 12345678901234567890123 as -1 and 1e999 as infinity, and keeps the
 * last of two members with the same name. So:
 *
 *  1. the text is checked against RFC 8259's grammar (UTF-8, escapes,
 *     surrogate pairs, numbers, one value), and whole numbers must fit
 *     json-glib's 64-bit integers;
 *  2. json-glib builds the tree, and its "object-member" signal catches
 *     a name given twice in one object (after unescaping, so "a" and
 *     "\u0061" are the same name);
 *  3. every number in the tree must be finite.
 */

#define G_LOG_DOMAIN "supplyshift-test"

#include "config.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "json-strict.h"

#define MAX_DEPTH 512

typedef struct
{
  const char  *start;
  const char  *end;
  const char  *p;
  GError     **error;
} Scan;

static gboolean G_GNUC_PRINTF (2, 3)
scan_fail (Scan       *s,
           const char *format,
           ...)
{
  g_autofree char *message = NULL;
  guint line = 1, column = 1;
  va_list args;

  for (const char *q = s->start; q < s->p; q++)
    {
      if (*q == '\n')
        {
          line++;
          column = 1;
        }
      else
        column++;
    }
  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (s->error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "%u:%u: %s", line, column, message);
  return FALSE;
}

static int
peek (Scan *s)
{
  return s->p < s->end ? (guchar)*s->p : -1;
}

static void
skip_space (Scan *s)
{
  while (s->p < s->end && (*s->p == ' ' || *s->p == '\t' || *s->p == '\n' || *s->p == '\r'))
    s->p++;
}

static gboolean
scan_hex4 (Scan    *s,
           guint32 *value)
{
  *value = 0;
  for (int k = 0; k < 4; k++)
    {
      int c = peek (s);

      if (c < 0 || !g_ascii_isxdigit (c))
        return scan_fail (s, "\\u needs four hexadecimal digits");
      *value = *value * 16 + g_ascii_xdigit_value (c);
      s->p++;
    }
  return TRUE;
}

static gboolean
scan_string (Scan *s)
{
  s->p++;                               /* the opening quote */
  for (;;)
    {
      int c = peek (s);

      if (c < 0)
        return scan_fail (s, "unterminated string");
      if (c == '"')
        {
          s->p++;
          return TRUE;
        }
      if (c < 0x20)
        return scan_fail (s, "control character U+%04X in a string", (guint)c);
      if (c != '\\')
        {
          s->p++;
          continue;
        }

      s->p++;
      c = peek (s);
      if (c > 0 && strchr ("\"\\/bfnrt", c) != NULL)
        {
          s->p++;
          continue;
        }
      if (c != 'u')
        return scan_fail (s, "bad escape \\%c", c < 0 ? ' ' : c);
      s->p++;
      {
        guint32 unit, low;

        if (!scan_hex4 (s, &unit))
          return FALSE;
        if (unit >= 0xDC00 && unit <= 0xDFFF)
          return scan_fail (s, "unpaired low surrogate \\u%04X", unit);
        if (unit >= 0xD800 && unit <= 0xDBFF)
          {
            if (s->end - s->p < 2 || s->p[0] != '\\' || s->p[1] != 'u')
              return scan_fail (s, "unpaired high surrogate \\u%04X", unit);
            s->p += 2;
            if (!scan_hex4 (s, &low))
              return FALSE;
            if (low < 0xDC00 || low > 0xDFFF)
              return scan_fail (s, "high surrogate \\u%04X not followed by a low one", unit);
          }
      }
    }
}

static gboolean
scan_digits (Scan       *s,
             const char *what)
{
  if (peek (s) < 0 || !g_ascii_isdigit (peek (s)))
    return scan_fail (s, "%s needs a digit", what);
  while (peek (s) >= 0 && g_ascii_isdigit (peek (s)))
    s->p++;
  return TRUE;
}

/* -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)? */
static gboolean
scan_number (Scan *s)
{
  const char *start = s->p;
  gboolean whole = TRUE;

  if (peek (s) == '-')
    s->p++;
  if (peek (s) == '0')
    {
      s->p++;
      if (peek (s) >= 0 && g_ascii_isdigit (peek (s)))
        return scan_fail (s, "a number cannot start with 0");
    }
  else if (!scan_digits (s, "a number"))
    return FALSE;
  if (peek (s) == '.')
    {
      s->p++;
      whole = FALSE;
      if (!scan_digits (s, "a decimal point"))
        return FALSE;
    }
  if (peek (s) == 'e' || peek (s) == 'E')
    {
      s->p++;
      whole = FALSE;
      if (peek (s) == '+' || peek (s) == '-')
        s->p++;
      if (!scan_digits (s, "an exponent"))
        return FALSE;
    }

  /* json-glib reads a whole number as a gint64 and wraps what does not
   * fit; refuse it rather than compare a wrong figure. */
  if (whole)
    {
      g_autofree char *digits = g_strndup (start, s->p - start);

      errno = 0;
      g_ascii_strtoll (digits, NULL, 10);
      if (errno == ERANGE)
        {
          s->p = start;
          return scan_fail (s, "%s does not fit a 64-bit integer", digits);
        }
    }
  return TRUE;
}

static gboolean
scan_word (Scan       *s,
           const char *word)
{
  gsize n = strlen (word);

  if ((gsize)(s->end - s->p) < n || memcmp (s->p, word, n) != 0)
    return scan_fail (s, "expected a value");
  s->p += n;
  return TRUE;
}

static gboolean scan_value (Scan *s,
                            guint depth);

static gboolean
scan_container (Scan  *s,
                guint  depth,
                char   close)
{
  gboolean object = close == '}';

  if (depth >= MAX_DEPTH)
    return scan_fail (s, "nested deeper than %d", MAX_DEPTH);
  s->p++;
  skip_space (s);
  if (peek (s) == close)
    {
      s->p++;
      return TRUE;
    }
  for (;;)
    {
      if (object)
        {
          if (peek (s) != '"')
            return scan_fail (s, "expected a member name in double quotes");
          if (!scan_string (s))
            return FALSE;
          skip_space (s);
          if (peek (s) != ':')
            return scan_fail (s, "expected ':'");
          s->p++;
          skip_space (s);
        }
      if (!scan_value (s, depth + 1))
        return FALSE;
      skip_space (s);
      if (peek (s) == close)
        {
          s->p++;
          return TRUE;
        }
      if (peek (s) != ',')
        return scan_fail (s, "expected ',' or '%c'", close);
      s->p++;
      skip_space (s);
    }
}

static gboolean
scan_value (Scan  *s,
            guint  depth)
{
  switch (peek (s))
    {
    case '{':
      return scan_container (s, depth, '}');
    case '[':
      return scan_container (s, depth, ']');
    case '"':
      return scan_string (s);
    case 't':
      return scan_word (s, "true");
    case 'f':
      return scan_word (s, "false");
    case 'n':
      return scan_word (s, "null");
    case '-': case '0': case '1': case '2': case '3': case '4':
    case '5': case '6': case '7': case '8': case '9':
      return scan_number (s);
    case -1:
      return scan_fail (s, "expected a value, found the end");
    default:
      return scan_fail (s, "expected a value");
    }
}

static gboolean
check_syntax (const char  *text,
              gsize        length,
              GError     **error)
{
  Scan s = { text, text + length, text, error };
  const char *bad;

  if (memchr (text, '\0', length) != NULL)
    {
      s.p = memchr (text, '\0', length);
      return scan_fail (&s, "NUL byte");
    }
  if (!g_utf8_validate (text, length, &bad))
    {
      s.p = bad;
      return scan_fail (&s, "not UTF-8");
    }
  skip_space (&s);
  if (!scan_value (&s, 0))
    return FALSE;
  skip_space (&s);
  if (s.p != s.end)
    return scan_fail (&s, "text after the JSON value");
  return TRUE;
}

typedef struct
{
  GHashTable *names;                   /* JsonObject * → GHashTable of names */
  char       *duplicate;
} Members;

static void
on_object_member (JsonParser *parser,
                  JsonObject *object,
                  const char *name,
                  Members    *members)
{
  GHashTable *names = g_hash_table_lookup (members->names, object);

  if (names == NULL)
    {
      names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_hash_table_insert (members->names, object, names);
    }
  if (!g_hash_table_add (names, g_strdup (name)) && members->duplicate == NULL)
    members->duplicate = g_strdup (name);
}

static gboolean
check_finite (JsonNode    *node,
              const char  *path,
              GError     **error)
{
  switch (ss_json_type (node))
    {
    case SS_JSON_NUMBER:
      if (!isfinite (json_node_get_double (node)))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       "%s: %g is not a finite number", *path ? path : "/",
                       json_node_get_double (node));
          return FALSE;
        }
      return TRUE;
    case SS_JSON_ARRAY:
      for (guint k = 0; k < ss_json_length (node); k++)
        {
          g_autofree char *sub = g_strdup_printf ("%s/%u", path, k);

          if (!check_finite (ss_json_index (node, k), sub, error))
            return FALSE;
        }
      return TRUE;
    case SS_JSON_OBJECT:
      {
        g_autoptr(GList) names = json_object_get_members (json_node_get_object (node));

        for (GList *l = names; l != NULL; l = l->next)
          {
            g_autofree char *sub = g_strdup_printf ("%s/%s", path, (const char *)l->data);

            if (!check_finite (ss_json_get (node, l->data), sub, error))
              return FALSE;
          }
        return TRUE;
      }
    case SS_JSON_NULL:
    case SS_JSON_BOOLEAN:
    case SS_JSON_STRING:
    default:
      return TRUE;
    }
}

/* Returns the tree of `text` (length -1: up to its NUL), or NULL and an
 * error naming the line and column, or the member's path. */
JsonNode *
ss_json_parse_strict (const char  *text,
                      gssize       length,
                      GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  Members members = { NULL, NULL };
  JsonNode *root;
  gboolean loaded;

  g_return_val_if_fail (text != NULL, NULL);

  if (length < 0)
    length = strlen (text);
  if (!check_syntax (text, length, error))
    return NULL;

  parser = json_parser_new ();
  members.names = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                         (GDestroyNotify)g_hash_table_unref);
  g_signal_connect (parser, "object-member", G_CALLBACK (on_object_member), &members);
  loaded = json_parser_load_from_data (parser, text, length, error);
  g_hash_table_unref (members.names);
  if (!loaded)
    {
      g_free (members.duplicate);
      return NULL;
    }
  if (members.duplicate != NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "member \"%s\" appears twice in one object", members.duplicate);
      g_free (members.duplicate);
      return NULL;
    }

  root = json_parser_steal_root (parser);
  if (!check_finite (root, "", error))
    {
      json_node_unref (root);
      return NULL;
    }
  return root;
}

/* A JSON file of tests/data, which must read strictly. */
JsonNode *
ss_json_load_data (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;
  JsonNode *node;

  g_file_get_contents (path, &text, &length, &error);
  g_assert_no_error (error);
  node = ss_json_parse_strict (text, length, &error);
  if (node == NULL)
    g_error ("%s: %s", path, error->message);
  return node;
}

SsJsonType
ss_json_type (JsonNode *node)
{
  g_return_val_if_fail (node != NULL, SS_JSON_NULL);

  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      return SS_JSON_OBJECT;
    case JSON_NODE_ARRAY:
      return SS_JSON_ARRAY;
    case JSON_NODE_NULL:
      return SS_JSON_NULL;
    case JSON_NODE_VALUE:
    default:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_BOOLEAN:
          return SS_JSON_BOOLEAN;
        case G_TYPE_STRING:
          return SS_JSON_STRING;
        case G_TYPE_INT64:
        case G_TYPE_DOUBLE:
        default:
          return SS_JSON_NUMBER;
        }
    }
}

/* The member `key` of an object; NULL when `object` is NULL, not an
 * object, or has no such member. */
JsonNode *
ss_json_get (JsonNode   *object,
             const char *key)
{
  if (object == NULL || !JSON_NODE_HOLDS_OBJECT (object))
    return NULL;
  return json_object_get_member (json_node_get_object (object), key);
}

/* Entry `index` of an array; NULL when there is none. */
JsonNode *
ss_json_index (JsonNode *array,
               guint     index)
{
  JsonArray *a;

  if (array == NULL || !JSON_NODE_HOLDS_ARRAY (array))
    return NULL;
  a = json_node_get_array (array);
  return index < json_array_get_length (a) ? json_array_get_element (a, index) : NULL;
}

/* Walks "scenarios/0/items": names for objects, numbers for arrays. */
JsonNode *
ss_json_path (JsonNode   *node,
              const char *path)
{
  g_auto(GStrv) parts = g_strsplit (path, "/", -1);

  for (guint k = 0; parts[k] != NULL && node != NULL; k++)
    {
      char *end = NULL;
      guint64 index;

      if (JSON_NODE_HOLDS_ARRAY (node))
        {
          index = g_ascii_strtoull (parts[k], &end, 10);
          node = end != parts[k] && *end == '\0' && index <= G_MAXUINT
                 ? ss_json_index (node, (guint)index) : NULL;
        }
      else
        node = ss_json_get (node, parts[k]);
    }
  return node;
}

/* Entries of an array or members of an object. */
guint
ss_json_length (JsonNode *node)
{
  g_return_val_if_fail (node != NULL, 0);

  if (JSON_NODE_HOLDS_ARRAY (node))
    return json_array_get_length (json_node_get_array (node));
  if (JSON_NODE_HOLDS_OBJECT (node))
    return json_object_get_size (json_node_get_object (node));
  g_error ("a JSON %s has no length", json_node_type_name (node));
}

double
ss_json_number (JsonNode *node)
{
  if (node == NULL || ss_json_type (node) != SS_JSON_NUMBER)
    g_error ("expected a JSON number, got %s", node ? json_node_type_name (node) : "nothing");
  return json_node_get_double (node);
}

const char *
ss_json_string (JsonNode *node)
{
  if (node == NULL || ss_json_type (node) != SS_JSON_STRING)
    g_error ("expected a JSON string, got %s", node ? json_node_type_name (node) : "nothing");
  return json_node_get_string (node);
}
