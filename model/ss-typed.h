/* ss-typed.h: numbers as a person types them, in their locale
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Files hold numbers in the C locale (ss-attrs.h); what a planner types
 * into a field or a spin button is read here, once for the whole
 * program: the locale's decimal mark, the other mark where it cannot be
 * a thousands separator, grouping where it is grouped as the locale
 * groups, and a range refused with a message naming the field, never
 * clamped. docs/decisions.md ("Typed numbers") gives the rules.
 */

#pragma once

#include <glib.h>

#include "ss-attrs.h"

G_BEGIN_DECLS

#define SS_TYPED_ERROR (ss_typed_error_quark ())

typedef enum
{
  SS_TYPED_ERROR_INVALID,              /* not a number */
  SS_TYPED_ERROR_AMBIGUOUS,            /* "1,234" where "," is no grouping */
  SS_TYPED_ERROR_RANGE,                /* a number, out of the field's range */
} SsTypedError;

/* A locale's marks, as nl_langinfo() gives them. */
typedef struct
{
  char decimal[8];                     /* "," in de_DE, "." in en_US and C */
  char thousands[8];                   /* "." in de_DE, "," in en_US, "" in C */
} SsNumberMarks;

GQuark   ss_typed_error_quark      (void);

void     ss_number_marks_current   (SsNumberMarks       *marks);

char    *ss_typed_normalize        (const char          *text,
                                    const SsNumberMarks *marks,
                                    GError             **error);
gboolean ss_typed_parse_number     (const char          *text,
                                    const SsNumberMarks *marks,
                                    double              *value,
                                    GError             **error);
gboolean ss_typed_parse            (const SsAttrSpec    *spec,
                                    const char          *label,
                                    const char          *text,
                                    double              *value,
                                    GError             **error);
gboolean ss_typed_parse_in         (const char          *label,
                                    const char          *text,
                                    SsAttrUnit           unit,
                                    double               min,
                                    double               max,
                                    double              *value,
                                    GError             **error);

void     ss_typed_localize         (char                *buf,
                                    gsize                len);
void     ss_typed_format           (const SsAttrSpec    *spec,
                                    char                *buf,
                                    gsize                len,
                                    double               value);
char    *ss_typed_describe_range   (const SsAttrSpec    *spec);

G_END_DECLS
