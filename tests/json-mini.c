/* json-mini.c: a small JSON reader for the tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <stdlib.h>
#include <string.h>

#include "json-mini.h"

typedef struct
{
  const char *p;
  GError    **error;
} Reader;

static JmNode *parse_value (Reader *r, guint depth);

static void
skip_space (Reader *r)
{
  while (*r->p == ' ' || *r->p == '\n' || *r->p == '\r' || *r->p == '\t')
    r->p++;
}

static gboolean
fail (Reader     *r,
      const char *what)
{
  if (*r->error == NULL)
    g_set_error (r->error, G_MARKUP_ERROR, G_MARKUP_ERROR_PARSE, "JSON: %s near \"%.20s\"", what, r->p);
  return FALSE;
}

static char *
parse_string (Reader *r)
{
  GString *s = g_string_new (NULL);

  r->p++;                              /* the opening quote */
  while (*r->p != '"')
    {
      if (*r->p == '\0')
        {
          fail (r, "unterminated string");
          return g_string_free (s, TRUE), NULL;
        }
      if (*r->p == '\\')
        {
          r->p++;
          switch (*r->p)
            {
            case 'n': g_string_append_c (s, '\n'); break;
            case 't': g_string_append_c (s, '\t'); break;
            case 'r': g_string_append_c (s, '\r'); break;
            case 'b': g_string_append_c (s, '\b'); break;
            case 'f': g_string_append_c (s, '\f'); break;
            case 'u':
              {
                char hex[5] = { 0 };

                if (strlen (r->p + 1) < 4)
                  return fail (r, "short \\u escape"), g_string_free (s, TRUE), NULL;
                memcpy (hex, r->p + 1, 4);
                g_string_append_unichar (s, (gunichar)strtol (hex, NULL, 16));
                r->p += 4;
                break;
              }
            default: g_string_append_c (s, *r->p); break;
            }
          r->p++;
          continue;
        }
      g_string_append_c (s, *r->p++);
    }
  r->p++;
  return g_string_free (s, FALSE);
}

static JmNode *
node_new (JmType type)
{
  JmNode *node = g_new0 (JmNode, 1);

  node->type = type;
  if (type == JM_ARRAY || type == JM_OBJECT)
    node->children = g_ptr_array_new_with_free_func ((GDestroyNotify)jm_free);
  return node;
}

static JmNode *
parse_container (Reader  *r,
                 JmType   type,
                 guint    depth)
{
  JmNode *node = node_new (type);
  char close = type == JM_ARRAY ? ']' : '}';

  r->p++;
  skip_space (r);
  if (*r->p == close)
    {
      r->p++;
      return node;
    }
  for (;;)
    {
      char *key = NULL;
      JmNode *child;

      skip_space (r);
      if (type == JM_OBJECT)
        {
          if (*r->p != '"' || (key = parse_string (r)) == NULL)
            goto error;
          skip_space (r);
          if (*r->p++ != ':')
            {
              g_free (key);
              goto error;
            }
        }
      child = parse_value (r, depth + 1);
      if (child == NULL)
        {
          g_free (key);
          goto error;
        }
      child->key = key;
      g_ptr_array_add (node->children, child);
      skip_space (r);
      if (*r->p == ',')
        {
          r->p++;
          continue;
        }
      if (*r->p == close)
        {
          r->p++;
          return node;
        }
      goto error;
    }
error:
  fail (r, "malformed container");
  jm_free (node);
  return NULL;
}

static JmNode *
parse_value (Reader *r,
             guint   depth)
{
  JmNode *node;

  if (depth > 64)
    return fail (r, "too deep"), NULL;
  skip_space (r);
  switch (*r->p)
    {
    case '{':
      return parse_container (r, JM_OBJECT, depth);
    case '[':
      return parse_container (r, JM_ARRAY, depth);
    case '"':
      {
        char *s = parse_string (r);

        if (s == NULL)
          return NULL;
        node = node_new (JM_STRING);
        node->string = s;
        return node;
      }
    case 'n':
      if (strncmp (r->p, "null", 4) != 0)
        break;
      r->p += 4;
      return node_new (JM_NULL);
    case 't':
    case 'f':
      node = node_new (JM_BOOL);
      node->number = *r->p == 't';
      if (strncmp (r->p, node->number ? "true" : "false", node->number ? 4 : 5) != 0)
        {
          jm_free (node);
          break;
        }
      r->p += node->number ? 4 : 5;
      return node;
    default:
      {
        char *end = NULL;
        double v = g_ascii_strtod (r->p, &end);

        if (end == r->p)
          break;
        r->p = end;
        node = node_new (JM_NUMBER);
        node->number = v;
        return node;
      }
    }
  fail (r, "unexpected character");
  return NULL;
}

JmNode *
jm_parse (const char  *text,
          GError     **error)
{
  Reader r = { text, error };
  JmNode *node = parse_value (&r, 0);

  if (node == NULL)
    return NULL;
  skip_space (&r);
  if (*r.p != '\0')
    {
      fail (&r, "trailing text");
      jm_free (node);
      return NULL;
    }
  return node;
}

void
jm_free (JmNode *node)
{
  if (node == NULL)
    return;
  g_free (node->string);
  g_free (node->key);
  if (node->children != NULL)
    g_ptr_array_unref (node->children);
  g_free (node);
}

JmNode *
jm_get (JmNode     *object,
        const char *key)
{
  if (object == NULL || object->type != JM_OBJECT)
    return NULL;
  for (guint k = 0; k < object->children->len; k++)
    {
      JmNode *child = g_ptr_array_index (object->children, k);

      if (g_strcmp0 (child->key, key) == 0)
        return child;
    }
  return NULL;
}

JmNode *
jm_index (JmNode *array,
          guint   index)
{
  if (array == NULL || array->type != JM_ARRAY || index >= array->children->len)
    return NULL;
  return g_ptr_array_index (array->children, index);
}

/* "scenarios/1/portfolio/cost/3": object keys and array indices. */
JmNode *
jm_path (JmNode     *node,
         const char *path)
{
  g_auto(GStrv) parts = g_strsplit (path, "/", -1);

  for (guint k = 0; parts[k] != NULL && node != NULL; k++)
    {
      if (node->type == JM_ARRAY)
        node = jm_index (node, (guint)atoi (parts[k]));
      else
        node = jm_get (node, parts[k]);
    }
  return node;
}
