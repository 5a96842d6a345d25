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
  int               entry;             /* a shock's or a policy target's index */
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

/* The field itself, shared by ss-field.c (the object and what its value
 * means) and ss-field-input.c (the widget it watches). */
struct _SsField
{
  GObject             parent_instance;

  SsFieldKey          key;             /* what it edits; its document is owned */
  char               *name;
  gboolean            resolved;        /* the key names a value of the element */

  /* Borrowed */
  GtkWidget          *widget;          /* weak */
  GtkEventController *focus;
  GtkEventController *key_controller;

  /* Owned */
  char               *message;         /* why the text is refused, or NULL */
  char               *refusal;         /* the page's refusal, see ss_field_set_refusal() */
  char               *shown_label;     /* the accessible label last set */

  gboolean            dirty;           /* typed in since the study was shown */
  gboolean            syncing;         /* setting the text, not typing */
  gboolean            show_hint;
};

enum
{
  PROP_0,
  PROP_DOCUMENT,
  PROP_ELEMENT,
  PROP_NAME,
  PROP_COUNTRY,
  PROP_ITEM,
  PROP_SCENARIO,
  PROP_ENTRY,
  PROP_WIDGET,
  PROP_SHOW_HINT,
  PROP_TITLE,
  PROP_MEANING,
  PROP_MESSAGE,
  N_PROPS
};

enum
{
  COMMIT,
  EDITED,
  N_SIGNALS
};

gboolean       _ss_field_exists           (SsField            *self);
void           _ss_field_notify           (SsField            *self,
                                           guint               prop);
void           _ss_field_emit             (SsField            *self,
                                           guint               signal,
                                           gboolean           *handled);
char          *_ss_field_dup_hint         (SsField            *self);
char          *_ss_field_dup_accessible_label (SsField        *self);
void           _ss_field_sync             (SsField            *self,
                                           gboolean            force);
void           _ss_field_unwatch          (SsField            *self);
void           _ss_field_configure        (SsField            *self);
char          *_ss_field_dup_shown_message (SsField           *self);
void           _ss_field_show_state       (SsField            *self,
                                           char               *old_message);

G_END_DECLS
