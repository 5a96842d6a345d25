/* ss-field-private.h: what a field edits, between ss-field.c and ss-field-values.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ss-field.h"

G_BEGIN_DECLS

/* Which value of the study: ss-field.c keeps one per field and
 * ss-field-values.c reads, checks and writes the value it names. */
typedef struct
{
  SsDocument       *document;          /* borrowed */
  SsElement         element;
  const SsAttrSpec *spec;              /* a number's, or NULL for a text */
  guint             index;             /* the spec's in its table, or the text's */
  int               country;
  int               item;
  int               scenario;
} SsFieldKey;

/* What a text is typed as, checked. */
typedef struct
{
  double    number;
  gboolean  empty;                     /* an optional figure left out */
  char     *string;                    /* a text; NULL for an empty group */
} SsFieldValue;

gboolean       _ss_field_key_resolve      (SsFieldKey         *key,
                                           const char         *name);
gboolean       _ss_field_key_exists       (const SsFieldKey   *key);
const char    *_ss_field_key_title        (const SsFieldKey   *key);
const char    *_ss_field_key_meaning      (const SsFieldKey   *key);
const char    *_ss_field_key_fixed_label  (const SsFieldKey   *key);
gboolean       _ss_field_key_is_notes     (const SsFieldKey   *key);
GtkInputHints  _ss_field_key_hints        (const SsFieldKey   *key);
char          *_ss_field_key_label        (const SsFieldKey   *key);
gboolean       _ss_field_key_may_be_empty (const SsFieldKey   *key);
double         _ss_field_key_empty_value  (const SsFieldKey   *key);
char          *_ss_field_key_text         (const SsFieldKey   *key);
char          *_ss_field_key_check        (const SsFieldKey   *key,
                                           const char         *text,
                                           SsFieldValue       *value);
gboolean       _ss_field_key_write        (const SsFieldKey   *key,
                                           const SsFieldValue *value,
                                           GError            **error);

G_END_DECLS
