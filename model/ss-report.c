/* ss-report.c: the report of cli.md, as JSON and as tidy CSV
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Both formats walk the same list of series (report_series), so a metric
 * added to one appears in the other. Numbers are printed in the C locale
 * with 17 significant digits; undefined values are null (JSON) or an empty
 * field (CSV), never NaN.
 */

#define G_LOG_DOMAIN "supplyshift-report"

#include "config.h"

#include <math.h>
#include <string.h>

#include "ss-report.h"

GPtrArray *
ss_engine_project_all (SsStudy *study)
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

/* One named series of a projection: numbers, integers or words. */
typedef enum { SERIES_NUMBER, SERIES_INT, SERIES_COUNTRY, SERIES_ALERT } SeriesKind;

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
  SsStudy            *study;
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
  else if (kind == SERIES_ALERT)
    s.levels = data;
  else
    s.ints = data;
  g_array_append_val (list->series, s);
}

/* The series of the portfolio (item < 0) or of one item, in cli.md's order. */
static void
report_series (SeriesList *list,
               int         item)
{
  const SsProjection *p = list->p;
  guint ny = p->n_years, nc = p->n_countries, ng = p->n_groups;

  g_array_set_size (list->series, 0);
  if (item < 0)
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
    }
}

static void
append_number (GString *out,
               double   value,
               gboolean csv)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (!isfinite (value))
    {
      if (!csv)
        g_string_append (out, "null");
      return;
    }
  if (value == 0)
    value = 0;                         /* no "-0" */
  g_string_append (out, g_ascii_formatd (buf, sizeof buf, "%.17g", value));
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
scenario_id (SsStudy *study,
             int      scenario)
{
  return scenario == SS_BASELINE ? "baseline" : ss_study_get_scenario (study, scenario)->id;
}

static const char *
scenario_name (SsStudy *study,
               int      scenario)
{
  return scenario == SS_BASELINE ? "Baseline" : ss_study_get_scenario (study, scenario)->name;
}

static void
trim_trailing_comma (GString *out)
{
  if (out->len >= 2 && out->str[out->len - 2] == ',' && out->str[out->len - 1] == '\n')
    g_string_truncate (out, out->len - 2), g_string_append_c (out, '\n');
}

static char *
report_json (SsStudy   *study,
             GPtrArray *projections,
             GPtrArray *groups)
{
  SsMeta *meta = ss_study_get_meta (study);
  GString *out = g_string_new ("{\n  \"format\": \"supplyshift-report\",\n  \"version\": 1,\n");
  g_autoptr(GArray) series = g_array_new (FALSE, FALSE, sizeof (Series));

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

  for (guint s = 0; s < projections->len; s++)
    {
      const SsProjection *p = g_ptr_array_index (projections, s);
      SeriesList list = { study, p, series, groups };

      g_string_append (out, "    {\n      \"id\": ");
      append_json_string (out, scenario_id (study, p->scenario));
      g_string_append (out, ",\n      \"name\": ");
      append_json_string (out, scenario_name (study, p->scenario));
      g_string_append (out, ",\n      \"years\": [");
      for (guint t = 0; t < p->n_years; t++)
        g_string_append_printf (out, t > 0 ? ", %d" : "%d", meta->base_year + (int)t);
      g_string_append (out, "],\n      \"portfolio\": {\n");

      report_series (&list, -1);
      append_json_series (out, &list, "        ");
      append_empty_groups (out, &list, "        ");
      g_string_append (out, "        \"npv_cost_premium\": ");
      append_number (out, p->npv_cost_premium, FALSE);
      g_string_append (out, ",\n        \"npv_subsidy\": ");
      append_number (out, p->npv_subsidy, FALSE);
      g_string_append (out, "\n      },\n      \"items\": [\n");

      for (guint i = 0; i < p->n_items; i++)
        {
          SsItem *item = ss_study_get_item (study, i);

          g_string_append (out, "        {\n          \"code\": ");
          append_json_string (out, item->code);
          g_string_append (out, ",\n          \"name\": ");
          append_json_string (out, item->name);
          g_string_append (out, ",\n");
          report_series (&list, i);
          append_json_series (out, &list, "          ");
          append_empty_groups (out, &list, "          ");
          trim_trailing_comma (out);
          g_string_append (out, i + 1 < p->n_items ? "        },\n" : "        }\n");
        }
      g_string_append (out, s + 1 < projections->len ? "      ]\n    },\n" : "      ]\n    }\n");
    }
  g_string_append (out, "  ]\n}\n");
  return g_string_free (out, FALSE);
}

/* RFC 4180: a field with a comma, a quote or a line break is quoted, and
 * its quotes doubled. */
static void
append_csv_field (GString    *out,
                  const char *text)
{
  if (strpbrk (text, ",\"\r\n") == NULL)
    {
      g_string_append (out, text);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = text; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
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
          append_csv_field (out, scenario);
          g_string_append_c (out, ',');
          append_csv_field (out, item);
          g_string_append_printf (out, ",%d,", base_year + (int)t);
          append_csv_field (out, metric);
          g_string_append_c (out, ',');
          append_value (out, list, s, t, TRUE);
          g_string_append_c (out, '\n');
        }
    }
}

static char *
report_csv (SsStudy   *study,
            GPtrArray *projections,
            GPtrArray *groups)
{
  SsMeta *meta = ss_study_get_meta (study);
  GString *out = g_string_new ("scenario,item,year,metric,value\n");
  g_autoptr(GArray) series = g_array_new (FALSE, FALSE, sizeof (Series));

  for (guint s = 0; s < projections->len; s++)
    {
      const SsProjection *p = g_ptr_array_index (projections, s);
      SeriesList list = { study, p, series, groups };
      const char *id = scenario_id (study, p->scenario);

      report_series (&list, -1);
      append_csv_rows (out, &list, id, "*", meta->base_year);
      /* Net present values belong to no single year: the year is empty. */
      append_csv_field (out, id);
      g_string_append (out, ",*,,npv_cost_premium,");
      append_number (out, p->npv_cost_premium, TRUE);
      g_string_append_c (out, '\n');
      append_csv_field (out, id);
      g_string_append (out, ",*,,npv_subsidy,");
      append_number (out, p->npv_subsidy, TRUE);
      g_string_append_c (out, '\n');

      for (guint i = 0; i < p->n_items; i++)
        {
          report_series (&list, i);
          append_csv_rows (out, &list, id, ss_study_get_item (study, i)->code, meta->base_year);
        }
    }
  return g_string_free (out, FALSE);
}

char *
ss_report_generate (SsStudy        *study,
                    SsReportFormat  format)
{
  g_autoptr(GPtrArray) projections = ss_engine_project_all (study);
  g_autoptr(GPtrArray) groups = g_ptr_array_new ();

  ss_study_get_groups (study, groups);
  if (format == SS_REPORT_CSV)
    return report_csv (study, projections, groups);
  return report_json (study, projections, groups);
}
