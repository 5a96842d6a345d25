/* json-strict.h: JSON for the tests, read strictly, through json-glib
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef enum
{
  SS_JSON_NULL,
  SS_JSON_BOOLEAN,
  SS_JSON_NUMBER,
  SS_JSON_STRING,
  SS_JSON_ARRAY,
  SS_JSON_OBJECT,
} SsJsonType;

JsonNode   *ss_json_parse_strict (const char  *text,
                                  gssize       length,
                                  GError     **error);
JsonNode   *ss_json_load_data    (const char  *name);

SsJsonType  ss_json_type         (JsonNode    *node);
JsonNode   *ss_json_get          (JsonNode    *object,
                                  const char  *key);
JsonNode   *ss_json_index        (JsonNode    *array,
                                  guint        index);
JsonNode   *ss_json_path         (JsonNode    *node,
                                  const char  *path);
guint       ss_json_length       (JsonNode    *node);
double      ss_json_number       (JsonNode    *node);
const char *ss_json_string       (JsonNode    *node);

G_END_DECLS
