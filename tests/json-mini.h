/* json-mini.h: a small JSON reader for the tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Enough JSON to read the expected report and the program's own output,
 * so the tests need no JSON library the program itself does not use.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum { JM_NULL, JM_BOOL, JM_NUMBER, JM_STRING, JM_ARRAY, JM_OBJECT } JmType;

typedef struct _JmNode JmNode;
struct _JmNode
{
  JmType     type;
  double     number;
  char      *string;                   /* JM_STRING; also the key in an object */
  GPtrArray *children;                 /* JM_ARRAY, JM_OBJECT (members carry their key in ->key) */
  char      *key;
};

JmNode *jm_parse          (const char   *text,
                           GError      **error);
void    jm_free           (JmNode       *node);
JmNode *jm_get            (JmNode       *object,
                           const char   *key);
JmNode *jm_index          (JmNode       *array,
                           guint         index);
JmNode *jm_path           (JmNode       *node,
                           const char   *path);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JmNode, jm_free)

G_END_DECLS
