/* ss-cli.h: the headless command line of cli.md
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct
{
  gboolean   validate;
  char      *report;                   /* "json", "csv" or NULL */
  char      *export_path;
  char      *chart;
  char      *scenario;
  char      *item;
  int        width;
  int        height;
  gboolean   footer;                   /* --footer, with --export */
  gboolean   version;
  char      *import_path;              /* --import and the options that go with it */
  char      *import_format;
  int        year;
  char      *items_map;
  int        top;
  char      *into;
  char      *template_country;
  char      *output;
  char      *figure;                   /* --figure: the tornado's */
  char      *variation;                /* --variation, a percentage */
  gboolean   sensitivity;              /* --sensitivity, with --report=json */
  char      *brief;                    /* --brief=OUT.pdf */
  char      *lang;                     /* --lang, with --brief */
  char     **files;                    /* G_OPTION_REMAINING */
  char      *chart_help;               /* --chart's description, naming the charts */
} SsCliOptions;

enum
{
  SS_EXIT_OK = 0,
  SS_EXIT_USAGE = 1,
  SS_EXIT_INVALID = 2,
  SS_EXIT_WRITE = 3,
};

void                ss_cli_add_options    (GApplication *app,
                                           SsCliOptions *options);
gboolean            ss_cli_is_headless    (const SsCliOptions *options);
int                 ss_cli_run            (const SsCliOptions *options);
void                ss_cli_options_clear  (SsCliOptions *options);

G_END_DECLS
