/* ss-field.h: one value of the study, edited as text in a widget
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "ss-attrs.h"
#include "ss-document.h"

G_BEGIN_DECLS

/* What holds the value; the field's country, item and scenario say which. */
typedef enum
{
  SS_ELEMENT_META,                     /* the study's <meta> */
  SS_ELEMENT_COUNTRY,                  /* a country */
  SS_ELEMENT_ITEM,                     /* an item */
  SS_ELEMENT_SOURCE,                   /* an item's baseline source: item and country */
  SS_ELEMENT_OVERRIDE,                 /* a scenario's override of a country */
  SS_ELEMENT_SCENARIO,                 /* a scenario's name and description */
  SS_ELEMENT_SHOCK,                    /* a scenario's shock: scenario and entry */
  SS_ELEMENT_POLICY_TARGET,            /* the study's policy target: entry */
} SsElement;

#define SS_TYPE_ELEMENT (ss_element_get_type ())
GType ss_element_get_type (void) G_GNUC_CONST;

#define SS_TYPE_FIELD (ss_field_get_type ())
G_DECLARE_FINAL_TYPE (SsField, ss_field, SS, FIELD, GObject)

SsField          *ss_field_new              (SsElement    element,
                                             const char  *name);
SsDocument       *ss_field_get_document     (SsField     *self);
void              ss_field_set_document     (SsField     *self,
                                             SsDocument  *document);
const char       *ss_field_get_name         (SsField     *self);
void              ss_field_set_country      (SsField     *self,
                                             int          country);
void              ss_field_set_scenario     (SsField     *self,
                                             int          scenario);
void              ss_field_set_entry        (SsField     *self,
                                             int          entry);
GtkWidget        *ss_field_get_widget       (SsField     *self);
void              ss_field_set_widget       (SsField     *self,
                                             GtkWidget   *widget);
void              ss_field_set_show_hint    (SsField     *self,
                                             gboolean     show_hint);

const SsAttrSpec *ss_field_get_spec         (SsField     *self);
const char       *ss_field_get_title        (SsField     *self);
char             *ss_field_dup_heading      (SsField     *self);
char             *ss_field_dup_meaning      (SsField     *self);
char             *ss_field_dup_range        (SsField     *self);
char             *ss_field_dup_description  (SsField     *self);
char             *ss_field_dup_label        (SsField     *self);
gboolean          ss_field_may_be_empty     (SsField     *self);

const char       *ss_field_get_message      (SsField     *self);
gboolean          ss_field_get_dirty        (SsField     *self);
gboolean          ss_field_get_typed_value  (SsField     *self,
                                             double      *value);
void              ss_field_set_refusal      (SsField     *self,
                                             const char  *refusal);
void              ss_field_reset            (SsField     *self);

char             *ss_describe_range         (const SsAttrSpec *spec);

G_END_DECLS
