/* ss-report.c: the report of cli.md (version 2), as JSON and as tidy CSV
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Both formats walk the same list of series (report_series), so a metric
 * added to one appears in the other. Numbers are printed in the C locale
 * with 17 significant digits; undefined values are null (JSON) or an empty
 * field (CSV), never NaN; a figure that should be defined and is not
 * (NaN or infinite) makes the report fail instead of printing null.
 */

#define G_LOG_DOMAIN "supplyshift-report"

#include "config.h"

#include <math.h>
#include <string.h>

#include "ss-csv.h"
#include "ss-dtoa.h"
#include "ss-report.h"

GPtrArray *
ss_engine_project_all (const SsStudy *study)
{
  GPtrArray *all = g_ptr_array_new_with_free_func ((GDestroyNotify)ss_projection_free);
  SsProjection *baseline = ss_projection_new ();

  ss_engine_project (study, SS_BASELINE, NULL, baseline);
  g_ptr_array_add (all, baseline);
  for (guint s = 0; s < ss_study_get_n_scenarios (study); s++)
    {
      SsProjection *p = ss_projection_new ();

      ss_engine_project (study, s, baseline, p);
      g_ptr_array_add (all, p);
    }
  return all;
}

/* Where a scenario sits on one of the grid's axes, or -1. */
static int
axis_index (const GArray *axis,
            int           scenario)
{
  for (guint k = 0; k < axis->len; k++)
    if (g_array_index (axis, int, k) == scenario)
      return k;
  return -1;
}

/* A projection reduced to what a stress cell shows and what a premium is
 * taken against (its total cost): kept while the report moves on, so it
 * holds one whole projection at a time. */
typedef struct
{
  SsProjection view;                   /* its arrays point into numbers */
  double      *numbers;
  int         *over_target;
} Summary;

static void
summary_take (Summary            *summary,
              const SsProjection *p)
{
  guint ny = p->n_years;

  g_free (summary->numbers);
  g_free (summary->over_target);
  memset (&summary->view, 0, sizeof summary->view);
  summary->numbers = g_new (double, 5 * ny);
  summary->over_target = g_memdup2 (p->over_target_count, ny * sizeof (int));
  summary->view.n_items = p->n_items;
  summary->view.n_countries = p->n_countries;
  summary->view.n_groups = p->n_groups;
  summary->view.n_years = ny;
  summary->view.scenario = p->scenario;
  summary->view.shock = p->shock;
  summary->view.npv_cost_premium = p->npv_cost_premium;
  summary->view.npv_subsidy = p->npv_subsidy;
  summary->view.total_cost = memcpy (summary->numbers, p->total_cost, ny * sizeof (double));
  summary->view.cost_premium = memcpy (summary->numbers + ny, p->cost_premium, ny * sizeof (double));
  summary->view.expected_shortfall_impact = memcpy (summary->numbers + 2 * ny,
                                                    p->expected_shortfall_impact, ny * sizeof (double));
  summary->view.var95_shortfall_impact = memcpy (summary->numbers + 3 * ny,
                                                 p->var95_shortfall_impact, ny * sizeof (double));
  summary->view.max_foreign_spend_share = memcpy (summary->numbers + 4 * ny,
                                                  p->max_foreign_spend_share, ny * sizeof (double));
  summary->view.over_target_count = summary->over_target;
}

static void
summary_clear (Summary *summary)
{
  g_clear_pointer (&summary->numbers, g_free);
  g_clear_pointer (&summary->over_target, g_free);
}

/* One named series of a projection: numbers, integers, true/false or words. */
typedef enum { SERIES_NUMBER, SERIES_INT, SERIES_BOOL, SERIES_COUNTRY, SERIES_ALERT } SeriesKind;

typedef struct
{
  const char   *name;                  /* the JSON name */
  const char   *key;                   /* for keyed series (share:CN), else NULL */
  SeriesKind    kind;
  const double *numbers;
  const int    *ints;
  const guint8 *levels;
} Series;

typedef struct
{
  const SsStudy            *study;
  const SsProjection *p;
  GArray             *series;          /* of Series */
  GPtrArray          *groups;
} SeriesList;

static void
add (SeriesList   *list,
     const char   *name,
     const char   *key,
     SeriesKind    kind,
     const void   *data)
{
  Series s = { name, key, kind, NULL, NULL, NULL };

  if (kind == SERIES_NUMBER)
    s.numbers = data;
  else if (kind == SERIES_ALERT || kind == SERIES_BOOL)
    s.levels = data;
  else
    s.ints = data;
  g_array_append_val (list->series, s);
}

#define SERIES_PORTFOLIO (-1)
#define SERIES_CELL      (-2)

/* The series of the portfolio, of a stress cell or of one item, in cli.md's
 * order. */
static void
report_series (SeriesList *list,
               int         item)
{
  const SsProjection *p = list->p;
  guint ny = p->n_years, nc = p->n_countries, ng = p->n_groups;

  g_array_set_size (list->series, 0);
  if (item == SERIES_CELL)
    {
      add (list, "total_cost", NULL, SERIES_NUMBER, p->total_cost);
      add (list, "cost_premium", NULL, SERIES_NUMBER, p->cost_premium);
      add (list, "expected_shortfall_impact", NULL, SERIES_NUMBER, p->expected_shortfall_impact);
      add (list, "var95_shortfall_impact", NULL, SERIES_NUMBER, p->var95_shortfall_impact);
      add (list, "max_foreign_spend_share", NULL, SERIES_NUMBER, p->max_foreign_spend_share);
      add (list, "over_target", NULL, SERIES_INT, p->over_target_count);
    }
  else if (item == SERIES_PORTFOLIO)
    {
      add (list, "cost", NULL, SERIES_NUMBER, p->total_cost_purchase);
      add (list, "switching_cost", NULL, SERIES_NUMBER, p->total_switching);
      add (list, "subsidy", NULL, SERIES_NUMBER, p->total_subsidy);
      add (list, "total_cost", NULL, SERIES_NUMBER, p->total_cost);
      add (list, "cost_premium", NULL, SERIES_NUMBER, p->cost_premium);
      add (list, "hhi", NULL, SERIES_NUMBER, p->portfolio_hhi);
      add (list, "supply_risk", NULL, SERIES_NUMBER, p->portfolio_supply_risk);
      for (guint g = 0; g < ng; g++)
        add (list, "group_hhi", g_ptr_array_index (list->groups, g), SERIES_NUMBER,
             &p->portfolio_group_hhi[g * ny]);
      for (guint c = 0; c < nc; c++)
        add (list, "spend_share", ss_study_get_country (list->study, c)->code, SERIES_NUMBER,
             &p->spend_share[c * ny]);
      add (list, "expected_shortfall_impact", NULL, SERIES_NUMBER, p->expected_shortfall_impact);
      add (list, "var95_shortfall_impact", NULL, SERIES_NUMBER, p->var95_shortfall_impact);
      add (list, "alerts", "critical", SERIES_INT, &p->alert_count[SS_ALERT_CRITICAL * ny]);
      add (list, "alerts", "warning", SERIES_INT, &p->alert_count[SS_ALERT_WARNING * ny]);
      add (list, "alerts", "watch", SERIES_INT, &p->alert_count[SS_ALERT_WATCH * ny]);
      add (list, "over_target", NULL, SERIES_INT, p->over_target_count);
    }
  else
    {
      gsize row = (gsize)item * ny;

      for (guint c = 0; c < nc; c++)
        add (list, "shares", ss_study_get_country (list->study, c)->code, SERIES_NUMBER,
             &p->share[((gsize)item * nc + c) * ny]);
      add (list, "cost", NULL, SERIES_NUMBER, &p->cost[row]);
      add (list, "switching_cost", NULL, SERIES_NUMBER, &p->switching[row]);
      add (list, "hhi", NULL, SERIES_NUMBER, &p->hhi[row]);
      add (list, "supply_risk", NULL, SERIES_NUMBER, &p->supply_risk[row]);
      for (guint g = 0; g < ng; g++)
        add (list, "group_hhi", g_ptr_array_index (list->groups, g), SERIES_NUMBER,
             &p->group_hhi[((gsize)item * ng + g) * ny]);
      add (list, "top_country", NULL, SERIES_COUNTRY, &p->top_country[row]);
      add (list, "alert", NULL, SERIES_ALERT, &p->alert[row]);
      add (list, "expected_shortfall", NULL, SERIES_NUMBER, &p->expected_shortfall[row]);
      add (list, "p_shortfall_10", NULL, SERIES_NUMBER, &p->p_shortfall_10[row]);
      add (list, "policy_target", NULL, SERIES_NUMBER, p->policy_target);
      add (list, "over_target", NULL, SERIES_BOOL, &p->over_target[row]);
    }
}

static void
append_number (GString *out,
               double   value,
               gboolean csv)
{
  char buf[SS_G17_BUF];
  gsize n;

  if (!isfinite (value))
    {
      if (!csv)
        g_string_append (out, "null");
      return;
    }
  if (value == 0)
    value = 0;                         /* no "-0" */
  n = ss_format_g17 (buf, value);
  g_string_append_len (out, buf, n);
}

/* A series' value for year t, as JSON (csv = FALSE) or as a CSV field. */
static void
append_value (GString            *out,
              const SeriesList   *list,
              const Series       *s,
              guint               t,
              gboolean            csv)
{
  switch (s->kind)
    {
    case SERIES_NUMBER:
      append_number (out, s->numbers[t], csv);
      break;
    case SERIES_INT:
      g_string_append_printf (out, "%d", s->ints[t]);
      break;
    case SERIES_COUNTRY:
      if (s->ints[t] < 0)
        g_string_append (out, csv ? "" : "null");
      else
        g_string_append_printf (out, csv ? "%s" : "\"%s\"",
                                ss_study_get_country (list->study, s->ints[t])->code);
      break;
    case SERIES_ALERT:
      g_string_append_printf (out, csv ? "%s" : "\"%s\"", ss_alert_level_to_string (s->levels[t]));
      break;
    case SERIES_BOOL:
      g_string_append (out, s->levels[t] ? "true" : "false");
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
append_json_string (GString    *out,
                    const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text; *p; p++)
    {
      guchar c = *p;

      if (c == '"' || c == '\\')
        g_string_append_printf (out, "\\%c", c);
      else if (c == '\n')
        g_string_append (out, "\\n");
      else if (c < 0x20)
        g_string_append_printf (out, "\\u%04x", c);
      else
        g_string_append_c (out, c);
    }
  g_string_append_c (out, '"');
}

static void
append_json_series_array (GString          *out,
                          const SeriesList *list,
                          const Series     *s)
{
  g_string_append_c (out, '[');
  for (guint t = 0; t < list->p->n_years; t++)
    {
      if (t > 0)
        g_string_append (out, ", ");
      append_value (out, list, s, t, FALSE);
    }
  g_string_append_c (out, ']');
}

/* Writes the series of one object; keyed series with the same name are
 * gathered into one nested object ("shares": { "CN": [...], ... }). */
static void
append_json_series (GString          *out,
                    const SeriesList *list,
                    const char       *indent)
{
  for (guint k = 0; k < list->series->len; k++)
    {
      const Series *s = &g_array_index (list->series, Series, k);
      gboolean first_of_key = s->key != NULL
        && (k == 0 || g_strcmp0 (g_array_index (list->series, Series, k - 1).name, s->name) != 0);
      gboolean last_of_key = s->key != NULL
        && (k + 1 == list->series->len
            || g_strcmp0 (g_array_index (list->series, Series, k + 1).name, s->name) != 0);

      if (s->key == NULL)
        {
          g_string_append_printf (out, "%s\"%s\": ", indent, s->name);
          append_json_series_array (out, list, s);
          g_string_append (out, ",\n");
          continue;
        }
      if (first_of_key)
        g_string_append_printf (out, "%s\"%s\": {\n", indent, s->name);
      g_string_append_printf (out, "%s  ", indent);
      append_json_string (out, s->key);
      g_string_append (out, ": ");
      append_json_series_array (out, list, s);
      g_string_append (out, last_of_key ? "\n" : ",\n");
      if (last_of_key)
        g_string_append_printf (out, "%s},\n", indent);
    }
}

/* Keyed series that have no key at all (a study without groups) still
 * appear, as an empty object, so readers can rely on every name. */
static void
append_empty_groups (GString          *out,
                     const SeriesList *list,
                     const char       *indent)
{
  if (list->groups->len == 0)
    g_string_append_printf (out, "%s\"group_hhi\": {},\n", indent);
}

static const char *
scenario_id (const SsStudy *study,
             int            scenario)
{
  return scenario == SS_BASELINE ? "baseline" : ss_study_get_scenario (study, scenario)->id;
}

static const char *
scenario_name (const SsStudy *study,
               int            scenario)
{
  return scenario == SS_BASELINE ? "Baseline" : ss_study_get_scenario (study, scenario)->name;
}

static const char *
scenario_kind (const SsStudy *study,
               int            scenario)
{
  return scenario != SS_BASELINE && ss_study_get_scenario (study, scenario)->kind == SS_SCENARIO_SHOCK
         ? "shock" : "strategy";
}

static void
append_years (GString            *out,
              const SsProjection *p,
              int                 base_year)
{
  g_string_append_c (out, '[');
  for (guint t = 0; t < p->n_years; t++)
    g_string_append_printf (out, t > 0 ? ", %d" : "%d", base_year + (int)t);
  g_string_append_c (out, ']');
}

/* A year index as the calendar year, or null. */
static void
append_year_or_null (GString *out,
                     int      base_year,
                     int      t,
                     gboolean csv)
{
  if (t >= 0)
    g_string_append_printf (out, "%d", base_year + t);
  else if (!csv)
    g_string_append (out, "null");
}

static void
append_csv_rows (GString          *out,
                 const SeriesList *list,
                 const char       *scenario,
                 const char       *item,
                 int               base_year)
{
  for (guint k = 0; k < list->series->len; k++)
    {
      const Series *s = &g_array_index (list->series, Series, k);
      g_autofree char *metric = s->key != NULL ? g_strdup_printf ("%s:%s", s->name, s->key)
                                               : g_strdup (s->name);

      /* cli.md names the item series "share:CN", singular. */
      if (g_str_equal (s->name, "shares"))
        g_free (metric), metric = g_strdup_printf ("share:%s", s->key);

      for (guint t = 0; t < list->p->n_years; t++)
        {
          ss_csv_append_field (out, scenario);
          g_string_append_c (out, ',');
          ss_csv_append_field (out, item);
          g_string_append_printf (out, ",%d,", base_year + (int)t);
          ss_csv_append_field (out, metric);
          g_string_append_c (out, ',');
          append_value (out, list, s, t, TRUE);
          g_string_append_c (out, '\n');
        }
    }
}

/* One row with no year: an NPV or a target met year. */
static void
append_csv_yearless (GString    *out,
                     const char *scenario,
                     const char *item,
                     const char *metric)
{
  ss_csv_append_field (out, scenario);
  g_string_append_c (out, ',');
  ss_csv_append_field (out, item);
  g_string_append_printf (out, ",,%s,", metric);
}

/* --- Writing, as the report is computed ---------------------------------- */

/* Until this much text is held, nothing is written: a report of this
 * size (every study short of thousands of items) is written whole or not
 * at all, as cli.md asks of a failure. A bigger one is written as it is
 * computed, in pieces of a 64th of it (1 MiB), so memory does not grow
 * with it. */
#define REPORT_HOLD   (64 * 1024 * 1024)

static gsize report_hold = REPORT_HOLD;

/* For tests: hold this much instead, and write in pieces of a 64th of
 * it, so that a small study's report is written in pieces. 0: as usual. */
void
_ss_report_set_hold (gsize bytes)
{
  report_hold = bytes > 0 ? bytes : REPORT_HOLD;
}

typedef struct
{
  const SsStudy     *study;
  SsReportFormat     format;
  GPtrArray         *groups;
  GArray            *series;           /* of Series */
  GString           *out;
  SsReportWriteFunc  write;            /* NULL: everything stays in out */
  gpointer           user_data;
  gboolean           streaming;        /* some of it has been written */
  guint              n_scenarios;      /* scenarios to write, baseline included */
  guint              n_written;        /* scenarios written */
  guint              n_cells;          /* cells written */
} Report;

static gboolean
report_flush (Report   *r,
              gboolean  all,
              GError  **error)
{
  if (r->write == NULL || r->out->len == 0
      || (!all && r->out->len < (r->streaming ? MAX (report_hold / 64, 1) : report_hold)))
    return TRUE;
  r->streaming = TRUE;
  if (!r->write (r->out->str, r->out->len, r->user_data, error))
    return FALSE;
  g_string_truncate (r->out, 0);
  return TRUE;
}

static void
report_begin (Report *r)
{
  const SsStudy *study = r->study;
  const SsMeta *meta = ss_study_get_meta (study);
  GString *out = r->out;

  if (r->format == SS_REPORT_CSV)
    {
      g_string_append (out, "scenario,item,year,metric,value\n");
      return;
    }
  g_string_append (out, "{\n  \"format\": \"supplyshift-report\",\n  \"version\": 2,\n");
  g_string_append (out, "  \"study\": {\n    \"title\": ");
  append_json_string (out, meta->title);
  g_string_append_printf (out, ",\n    \"base_year\": %d,\n    \"horizon\": %d,\n    \"currency\": ",
                          meta->base_year, meta->horizon);
  append_json_string (out, meta->currency);
  g_string_append (out, ",\n    \"home\": ");
  append_json_string (out, ss_study_get_country (study, meta->home)->code);
  g_string_append (out, ",\n    \"countries\": [");
  for (guint c = 0; c < ss_study_get_n_countries (study); c++)
    {
      if (c > 0)
        g_string_append (out, ", ");
      append_json_string (out, ss_study_get_country (study, c)->code);
    }
  g_string_append (out, "]\n  },\n  \"scenarios\": [\n");
}

/* One scenario's projection, item after item, written as it goes. */
static gboolean
report_scenario (Report              *r,
                 const SsProjection  *p,
                 GError             **error)
{
  const SsStudy *study = r->study;
  const SsMeta *meta = ss_study_get_meta (study);
  SeriesList list = { study, p, r->series, r->groups };
  const char *id = scenario_id (study, p->scenario);
  gboolean last = ++r->n_written == r->n_scenarios;
  GString *out = r->out;

  if (r->format == SS_REPORT_CSV)
    {
      report_series (&list, SERIES_PORTFOLIO);
      append_csv_rows (out, &list, id, "*", meta->base_year);
      /* Net present values belong to no single year: the year is empty. */
      append_csv_yearless (out, id, "*", "npv_cost_premium");
      append_number (out, p->npv_cost_premium, TRUE);
      g_string_append_c (out, '\n');
      append_csv_yearless (out, id, "*", "npv_subsidy");
      append_number (out, p->npv_subsidy, TRUE);
      g_string_append_c (out, '\n');

      for (guint i = 0; i < p->n_items; i++)
        {
          const char *code = ss_study_get_item (study, i)->code;

          report_series (&list, i);
          append_csv_rows (out, &list, id, code, meta->base_year);
          append_csv_yearless (out, id, code, "target_met_year");
          append_year_or_null (out, meta->base_year, p->target_met_year[i], TRUE);
          g_string_append_c (out, '\n');
          if (!report_flush (r, FALSE, error))
            return FALSE;
        }
      return TRUE;
    }

  g_string_append (out, "    {\n      \"id\": ");
  append_json_string (out, id);
  g_string_append (out, ",\n      \"name\": ");
  append_json_string (out, scenario_name (study, p->scenario));
  g_string_append_printf (out, ",\n      \"kind\": \"%s\"", scenario_kind (study, p->scenario));
  g_string_append (out, ",\n      \"years\": ");
  append_years (out, p, meta->base_year);
  g_string_append (out, ",\n      \"portfolio\": {\n");

  report_series (&list, SERIES_PORTFOLIO);
  append_json_series (out, &list, "        ");
  append_empty_groups (out, &list, "        ");
  g_string_append (out, "        \"npv_cost_premium\": ");
  append_number (out, p->npv_cost_premium, FALSE);
  g_string_append (out, ",\n        \"npv_subsidy\": ");
  append_number (out, p->npv_subsidy, FALSE);
  g_string_append (out, "\n      },\n      \"items\": [\n");

  for (guint i = 0; i < p->n_items; i++)
    {
      const SsItem *item = ss_study_get_item (study, i);

      g_string_append (out, "        {\n          \"code\": ");
      append_json_string (out, item->code);
      g_string_append (out, ",\n          \"name\": ");
      append_json_string (out, item->name);
      g_string_append (out, ",\n");
      report_series (&list, i);
      append_json_series (out, &list, "          ");
      append_empty_groups (out, &list, "          ");
      g_string_append (out, "          \"target_met_year\": ");
      append_year_or_null (out, meta->base_year, p->target_met_year[i], FALSE);
      g_string_append (out, i + 1 < p->n_items ? "\n        },\n" : "\n        }\n");
      if (!report_flush (r, FALSE, error))
        return FALSE;
    }
  g_string_append (out, !last ? "      ]\n    },\n" : "      ]\n    }\n");
  if (last)
    g_string_append (out, "  ],\n  \"stress\": [");
  return TRUE;
}

/* One cell of the grid, from its projection or its summary. */
static gboolean
report_cell (Report              *r,
             int                  strategy,
             int                  shock,
             const SsProjection  *p,
             GError             **error)
{
  const SsStudy *study = r->study;
  const SsMeta *meta = ss_study_get_meta (study);
  SeriesList list = { study, p, r->series, r->groups };
  GString *out = r->out;

  report_series (&list, SERIES_CELL);
  if (r->format == SS_REPORT_CSV)
    {
      /* A cell of the stress grid is "S+K", "S+" without a shock. */
      g_autofree char *id = g_strconcat (scenario_id (study, strategy), "+",
                                         shock == SS_NO_SHOCK ? "" : scenario_id (study, shock), NULL);

      append_csv_rows (out, &list, id, "*", meta->base_year);
      append_csv_yearless (out, id, "*", "npv_cost_premium");
      append_number (out, p->npv_cost_premium, TRUE);
      g_string_append_c (out, '\n');
    }
  else
    {
      g_string_append (out, r->n_cells > 0 ? ",\n    {\n      \"strategy\": " : "\n    {\n      \"strategy\": ");
      append_json_string (out, scenario_id (study, strategy));
      g_string_append (out, ",\n      \"shock\": ");
      if (shock == SS_NO_SHOCK)
        g_string_append (out, "null");
      else
        append_json_string (out, scenario_id (study, shock));
      g_string_append (out, ",\n      \"years\": ");
      append_years (out, p, meta->base_year);
      g_string_append (out, ",\n");
      append_json_series (out, &list, "      ");
      g_string_append (out, "      \"npv_cost_premium\": ");
      append_number (out, p->npv_cost_premium, FALSE);
      g_string_append (out, "\n    }");
    }
  r->n_cells++;
  return report_flush (r, FALSE, error);
}

static void
report_end (Report *r)
{
  if (r->format == SS_REPORT_JSON)
    g_string_append (r->out, r->n_cells > 0 ? "\n  ]\n}\n" : "]\n}\n");
}

/* Computes and writes the report one projection at a time: the baseline,
 * each scenario shown, the worlds baseline ⊕ K, then each cell, kept only
 * as summaries where a later part needs them (the strategies' own
 * projections are the grid's first column; a world is the first row and
 * what its column's premiums are against). `only` is a scenario index,
 * SS_BASELINE or SS_REPORT_ALL, as for ss_report_generate_for(). */
static gboolean
report_run (Report  *r,
            int      only,
            GError **error)
{
  const SsStudy *study = r->study;
  guint ns = ss_study_get_n_scenarios (study);
  g_autoptr(GArray) strategies = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GArray) shocks = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(SsProjection) p = ss_projection_new ();
  g_autoptr(GArray) own = NULL, worlds = NULL;
  gboolean ok = TRUE;

  ss_study_get_stress_axes (study, strategies, shocks);
  own = g_array_new (FALSE, TRUE, sizeof (Summary));
  g_array_set_clear_func (own, (GDestroyNotify)summary_clear);
  g_array_set_size (own, strategies->len);
  worlds = g_array_new (FALSE, TRUE, sizeof (Summary));
  g_array_set_clear_func (worlds, (GDestroyNotify)summary_clear);
  g_array_set_size (worlds, shocks->len);

  r->n_scenarios = 1 + (only == SS_REPORT_ALL ? ns : only >= 0 ? 1 : 0);
  report_begin (r);

  /* A figure the model defines is never printed as null. */
  ss_engine_project (study, SS_BASELINE, NULL, p);
  if (!ss_projection_check (study, p, error) || !report_scenario (r, p, error))
    return FALSE;
  summary_take (&g_array_index (own, Summary, 0), p);
  for (guint s = 0; s < ns; s++)
    if (only == SS_REPORT_ALL || only == (int)s)
      {
        int row;

        ss_engine_project (study, s, &g_array_index (own, Summary, 0).view, p);
        if (!ss_projection_check (study, p, error) || !report_scenario (r, p, error))
          return FALSE;
        if ((row = axis_index (strategies, s)) > 0)
          summary_take (&g_array_index (own, Summary, row), p);
      }

  /* The premium of S ⊕ K is against baseline ⊕ K: each world first. */
  for (guint k = 1; k < shocks->len; k++)
    {
      int shock = g_array_index (shocks, int, k);

      if (only >= 0 && axis_index (shocks, only) > 0 && shock != only)
        continue;
      ss_engine_project_cell (study, SS_BASELINE, shock, NULL, p);
      if (!ss_projection_check (study, p, error))
        return FALSE;
      summary_take (&g_array_index (worlds, Summary, k), p);
    }

  for (guint row = 0; row < strategies->len && ok; row++)
    for (guint k = 0; k < shocks->len && ok; k++)
      {
        int strategy = g_array_index (strategies, int, row), shock = g_array_index (shocks, int, k);

        if (only != SS_REPORT_ALL && strategy != only && !(shock == only && only >= 0))
          continue;
        if (k == 0)
          ok = report_cell (r, strategy, shock, &g_array_index (own, Summary, row).view, error);
        else if (row == 0)
          ok = report_cell (r, strategy, shock, &g_array_index (worlds, Summary, k).view, error);
        else
          {
            ss_engine_project_cell (study, strategy, shock, &g_array_index (worlds, Summary, k).view, p);
            ok = ss_projection_check (study, p, error) && report_cell (r, strategy, shock, p, error);
          }
      }
  if (!ok)
    return FALSE;
  report_end (r);
  return report_flush (r, TRUE, error);
}

static void
report_init (Report         *r,
             const SsStudy  *study,
             SsReportFormat  format,
             GPtrArray      *groups,
             GArray         *series)
{
  memset (r, 0, sizeof *r);
  r->study = study;
  r->format = format;
  r->groups = groups;
  r->series = series;
  ss_study_get_groups (study, groups);
  r->out = g_string_sized_new (64 * 1024);
}

/* The report of the whole study (only = SS_REPORT_ALL), or of the
 * baseline and one scenario with the stress cells that scenario is the
 * strategy or the shock of (cli.md, --scenario). With only = SS_BASELINE,
 * the baseline and its row of the grid. */
char *
ss_report_generate_for (const SsStudy   *study,
                        SsReportFormat   format,
                        int              only,
                        GError         **error)
{
  g_autoptr(GPtrArray) groups = g_ptr_array_new ();
  g_autoptr(GArray) series = g_array_new (FALSE, FALSE, sizeof (Series));
  Report r;

  g_return_val_if_fail (only == SS_REPORT_ALL || only == SS_BASELINE
                        || (only >= 0 && (guint)only < ss_study_get_n_scenarios (study)), NULL);

  report_init (&r, study, format, groups, series);
  if (!report_run (&r, only, error))
    {
      g_string_free (r.out, TRUE);
      return NULL;
    }
  return g_string_free (r.out, FALSE);
}

char *
ss_report_generate (const SsStudy   *study,
                    SsReportFormat   format,
                    GError         **error)
{
  return ss_report_generate_for (study, format, SS_REPORT_ALL, error);
}

/* The same report, given to write as it is computed: held whole up to
 * 64 MiB (so a failure writes nothing), then in pieces of about 1 MiB, so
 * that a report of any size takes the memory of one projection. FALSE
 * with write's error, or with a SS_ENGINE_ERROR for a figure that is not
 * a number (in a report past 64 MiB, after some of it was written). */
gboolean
ss_report_write (const SsStudy      *study,
                 SsReportFormat      format,
                 int                 only,
                 SsReportWriteFunc   write,
                 gpointer            user_data,
                 GError            **error)
{
  g_autoptr(GPtrArray) groups = g_ptr_array_new ();
  g_autoptr(GArray) series = g_array_new (FALSE, FALSE, sizeof (Series));
  gboolean ok;
  Report r;

  g_return_val_if_fail (only == SS_REPORT_ALL || only == SS_BASELINE
                        || (only >= 0 && (guint)only < ss_study_get_n_scenarios (study)), FALSE);
  g_return_val_if_fail (write != NULL, FALSE);

  report_init (&r, study, format, groups, series);
  r.write = write;
  r.user_data = user_data;
  ok = report_run (&r, only, error);
  g_string_free (r.out, TRUE);
  return ok;
}
