/* ss-sensitivity.h: which inputs a figure depends on (the tornado)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ss-document.h"
#include "ss-engine.h"

G_BEGIN_DECLS

/* The figures a tornado can rank the inputs of. */
typedef enum
{
  SS_SENSITIVITY_NPV_PREMIUM,          /* the scenario's NPV cost premium */
  SS_SENSITIVITY_SHORTFALL_IMPACT,     /* EL in the final year */
  SS_SENSITIVITY_SUPPLY_RISK,          /* the portfolio's SR in the final year */
  SS_SENSITIVITY_MAX_FOREIGN_SHARE,    /* the largest foreign share of any item,
                                        * in the first policy-target year */
  SS_N_SENSITIVITY_FIGURES
} SsSensitivityFigure;

typedef enum
{
  SS_INPUT_COUNTRY,                    /* attr is an SsCountryAttr of country index */
  SS_INPUT_ITEM,                       /* attr is an SsItemAttr of item index */
  SS_INPUT_LEVER,                      /* attr is the scenario's SsLever */
} SsInputKind;

/* One input, varied down and up. */
typedef struct
{
  SsInputKind kind;
  guint       index;
  guint       attr;
  double      value;                   /* as the study has it */
  double      low_value;               /* value · (1 − fraction), clamped to its range */
  double      high_value;              /* value · (1 + fraction), clamped */
  gboolean    low_clamped;
  gboolean    high_clamped;
  double      low;                     /* the figure at low_value */
  double      high;                    /* the figure at high_value */
  double      swing;                   /* |high − low|: the ranking */
} SsSensitivityInput;

typedef struct
{
  SsSensitivityFigure figure;
  int                 scenario;        /* index, or SS_BASELINE */
  double              fraction;        /* 0.1 for ±10 % */
  int                 year;            /* the calendar year the figure is read in */
  double              base;            /* the figure with no input varied */
  GArray             *inputs;          /* of SsSensitivityInput, largest swing first;
                                        * equal swings in study order */
} SsSensitivity;

#define SS_SENSITIVITY_ERROR (ss_sensitivity_error_quark ())

typedef enum
{
  SS_SENSITIVITY_ERROR_NO_TARGET,      /* the largest share, with no policy target in the horizon */
  SS_SENSITIVITY_ERROR_FRACTION,       /* not in (0, 1) */
} SsSensitivityError;

GQuark         ss_sensitivity_error_quark       (void);

const char    *ss_sensitivity_figure_to_string   (SsSensitivityFigure  figure);
gboolean       ss_sensitivity_figure_from_string (const char          *name,
                                                  SsSensitivityFigure *figure);
const char    *ss_sensitivity_figure_title       (SsSensitivityFigure  figure);
int            ss_sensitivity_figure_year        (const SsStudy       *study,
                                                  SsSensitivityFigure  figure);

double         ss_sensitivity_read_figure        (const SsStudy       *study,
                                                  SsSensitivityFigure  figure,
                                                  int                  year,
                                                  const SsProjection  *p);
SsSensitivity *ss_sensitivity_compute            (const SsStudy       *study,
                                                  int                  scenario,
                                                  SsSensitivityFigure  figure,
                                                  double               fraction,
                                                  GError             **error);
SsSensitivity *ss_sensitivity_compute_cancellable (const SsStudy      *study,
                                                  int                  scenario,
                                                  SsSensitivityFigure  figure,
                                                  double               fraction,
                                                  GCancellable        *cancellable,
                                                  GError             **error);
void           ss_sensitivity_free               (SsSensitivity       *self);

char          *ss_sensitivity_to_json            (const SsStudy       *study,
                                                  const SsSensitivity *self);

char          *ss_sensitivity_input_name         (const SsStudy            *study,
                                                  const SsSensitivityInput *input);
const char    *ss_sensitivity_input_attr_name    (const SsSensitivityInput *input);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SsSensitivity, ss_sensitivity_free)

G_END_DECLS
