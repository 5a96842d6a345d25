/* ss-import-apply.c: the rules that turn an import into a study
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What ss-import.c has read is applied here, by the rules of
 * docs/import.md: the year, which partners keep a country of their own,
 * what goes to the rest of world, which figures new countries take, how
 * the import is recorded in the study's sources, and the summary a
 * preview shows.
 */

#define G_LOG_DOMAIN "supplyshift-import"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>

#include "ss-attrs.h"
#include "ss-import-private.h"
#include "ss-study-file.h"

#define COVERAGE 0.95

/* ---- Applying ---------------------------------------------------------- */

static gboolean
has_year (SsImport *self,
          int       year)
{
  for (guint i = 0; i < self->years->len; i++)
    if (g_array_index (self->years, int, i) == year)
      return TRUE;
  return FALSE;
}

static char *
years_text (SsImport *self)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < self->years->len; i++)
    g_string_append_printf (text, "%s%d", i > 0 ? ", " : "", g_array_index (self->years, int, i));
  return g_string_free (text, FALSE);
}

int
ss_import_choose_year (SsImport  *self,
                       SsStudy   *study,
                       int        year,
                       GError   **error)
{
  g_autofree char *years = years_text (self);

  if (year != 0)
    {
      if (has_year (self, year))
        return year;
      g_set_error (error, SS_IMPORT_ERROR, SS_IMPORT_ERROR_CHOICE,
                   _("%s holds no data for %d, only for %s"), self->display, year, years);
      return 0;
    }
  if (self->years->len == 1)
    return g_array_index (self->years, int, 0);
  /* WGI files run from 1996: the latest year is what a planner means. */
  if (self->format == SS_IMPORT_FORMAT_WGI)
    return g_array_index (self->years, int, self->years->len - 1);
  if (study != NULL && has_year (self, ss_study_get_meta (study)->base_year))
    return ss_study_get_meta (study)->base_year;
  g_set_error (error, SS_IMPORT_ERROR, SS_IMPORT_ERROR_CHOICE,
               _("%s holds data for several years (%s): choose one with --year"), self->display, years);
  return 0;
}

/* Figures for countries the import adds when the user names no template
 * and the study has no rest of world to copy. Deliberately cautious: as
 * likely to be disrupted as the sample's China, governance worse than the
 * middle of the scale, and dearer than China, so that a new country never
 * looks safe and cheap until someone enters its own figures. */
static const double cautious_country[SS_COUNTRY_N_ATTRS] = {
  [SS_COUNTRY_GOVERNANCE] = 6,
  [SS_COUNTRY_DISRUPTION_PROBABILITY] = 0.1,
  [SS_COUNTRY_DISRUPTION_SEVERITY] = 0.5,
  [SS_COUNTRY_DISRUPTION_DAYS] = 90,
  [SS_COUNTRY_COST_INDEX] = 1.1,
  [SS_COUNTRY_COST_GROWTH] = 0.03,
  [SS_COUNTRY_TARIFF] = 0.03,
  [SS_COUNTRY_LOGISTICS] = 0.07,
  [SS_COUNTRY_RAMP] = 0.05,
};

static void
item_change_free (SsImportItemChange *change)
{
  g_free (change->code);
  g_free (change->name);
  g_array_unref (change->shares);
  g_free (change);
}

static SsImportSummary *
summary_new (void)
{
  SsImportSummary *s = g_new0 (SsImportSummary, 1);

  s->items_changed = g_ptr_array_new_with_free_func (g_free);
  s->items_added = g_ptr_array_new_with_free_func (g_free);
  s->items_skipped = g_ptr_array_new_with_free_func (g_free);
  s->countries_added = g_ptr_array_new_with_free_func (g_free);
  s->countries_set = g_ptr_array_new_with_free_func (g_free);
  s->countries_missing = g_ptr_array_new_with_free_func (g_free);
  s->item_changes = g_ptr_array_new_with_free_func ((GDestroyNotify)item_change_free);
  s->governance_changes = g_array_new (FALSE, TRUE, sizeof (SsImportCountryChange));
  s->warnings = g_ptr_array_new_with_free_func (g_free);
  return s;
}

void
ss_import_summary_free (SsImportSummary *s)
{
  if (s == NULL)
    return;
  g_ptr_array_unref (s->items_changed);
  g_ptr_array_unref (s->items_added);
  g_ptr_array_unref (s->items_skipped);
  g_ptr_array_unref (s->countries_added);
  g_ptr_array_unref (s->countries_set);
  g_ptr_array_unref (s->countries_missing);
  g_ptr_array_unref (s->item_changes);
  g_array_unref (s->governance_changes);
  g_ptr_array_unref (s->warnings);
  g_free (s);
}

static char *
record_date (const SsImportOptions *options)
{
  const char *epoch = g_getenv ("SOURCE_DATE_EPOCH");
  g_autoptr(GDateTime) when = NULL;

  if (options->date != NULL)
    return g_strdup (options->date);
  if (epoch != NULL && *epoch != '\0')
    when = g_date_time_new_from_unix_utc (g_ascii_strtoll (epoch, NULL, 10));
  if (when == NULL)
    when = g_date_time_new_now_local ();
  return g_date_time_format (when, "%Y-%m-%d");
}

/* "(FORMAT, year Y, SHA-256 H)": what identifies an import, without its
 * date, so that importing the same file again is recognised. */
static char *
record_key (SsImport *self,
            int       year)
{
  if (self->format == SS_IMPORT_FORMAT_WGI)
    return g_strdup_printf ("%s (%s, %s, year %d, SHA-256 %s)", self->file_name, _ss_import_format_label (self->format),
                            self->edition, year, self->sha256);
  return g_strdup_printf ("%s (%s, year %d, SHA-256 %s)", self->file_name, _ss_import_format_label (self->format),
                          year, self->sha256);
}

static void
record_source (SsImport              *self,
               SsStudy               *study,
               int                    year,
               const SsImportOptions *options,
               SsImportSummary       *summary)
{
  SsMeta *meta = ss_study_get_meta (study);
  g_autofree char *key = record_key (self, year);
  g_autofree char *date = NULL;
  g_autofree char *record = NULL;
  char *source;

  if (strstr (meta->source, key) != NULL)
    return;
  date = record_date (options);
  if (self->format == SS_IMPORT_FORMAT_WGI)
    record = g_strdup_printf ("Governance imported on %s from %s: 5 - 2 x the mean of the six estimates.",
                              date, key);
  else
    record = g_strdup_printf ("Imported on %s from %s: baseline shares and import values.", date, key);
  source = *meta->source != '\0' ? g_strconcat (meta->source, " ", record, NULL) : g_strdup (record);
  g_free (meta->source);
  meta->source = source;
  summary->source_recorded = TRUE;
}

typedef struct
{
  char    code[3];
  double  total;                       /* over all items */
  double  max_share;                   /* its largest share of one item */
  gboolean needed;                     /* within some item's first 95 % */
} Candidate;

static int
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const Candidate *x = a, *y = b;

  if (x->max_share != y->max_share)
    return x->max_share > y->max_share ? -1 : 1;
  if (x->total != y->total)
    return x->total > y->total ? -1 : 1;
  return strcmp (x->code, y->code);
}

static int
compare_flows (gconstpointer a,
               gconstpointer b)
{
  const SsImportFlow *x = a, *y = b;

  if (x->value != y->value)
    return x->value > y->value ? -1 : 1;
  return strcmp (x->partner, y->partner);
}

/* The partner of a flow as the study sees it: home (re-imports) and areas
 * that are not countries count as the rest of the world. */
static const char *
partner_in (const SsImportFlow *flow,
            const char         *home)
{
  if (flow->partner[0] == '\0' || g_str_equal (flow->partner, home))
    return SS_IMPORT_REST;
  return flow->partner;
}

static double
item_sum (const SsImportItem *item)
{
  double sum = 0;

  for (guint f = 0; f < item->flows->len; f++)
    sum += g_array_index (item->flows, SsImportFlow, f).value;
  return sum;
}

double
ss_import_item_get_value (const SsImportItem *item)
{
  double sum = item_sum (item);

  return item->has_total && item->total > 0 ? item->total : sum;
}

const char *
ss_import_country_name (const char *iso2)
{
  if (g_str_equal (iso2, SS_IMPORT_REST_COUNTRY))
    return "Rest of world";
  return _ss_import_country_name (iso2);
}

static void
copy_template (SsStudy    *study,
               guint       index,
               int         template_index)
{
  SsCountry *country = ss_study_get_country (study, index);

  for (guint a = 0; a < SS_COUNTRY_N_ATTRS; a++)
    country->attr[a] = template_index >= 0
                       ? ss_study_get_country (study, template_index)->attr[a]
                       : cautious_country[a];
}

static guint
add_country (SsStudy         *study,
             const char      *code,
             int              template_index,
             SsImportSummary *summary)
{
  const char *name = ss_import_country_name (code);
  guint index = ss_study_add_country (study, code, name != NULL ? name : code);

  copy_template (study, index, template_index);
  g_ptr_array_add (summary->countries_added, g_strdup (code));
  return index;
}

static gboolean
apply_trade (SsImport              *self,
             SsStudy               *study,
             gboolean               new_study,
             int                    year,
             const SsImportOptions *options,
             SsImportSummary       *summary,
             GError               **error)
{
  SsMeta *meta = ss_study_get_meta (study);
  const char *home = ss_study_get_country (study, meta->home)->code;
  guint top = options->top > 0 ? MIN (options->top, SS_IMPORT_MAX_PARTNERS) : SS_IMPORT_MAX_PARTNERS;
  g_autoptr(GArray) candidates = g_array_new (FALSE, TRUE, sizeof (Candidate));
  g_autoptr(GPtrArray) chosen = g_ptr_array_new ();   /* items of this year that apply */
  g_autoptr(GHashTable) kept = g_hash_table_new (g_str_hash, g_str_equal);
  int template_index = -1;
  gboolean need_rest = FALSE;
  guint partners = 0;

  if (options->template_country != NULL)
    {
      template_index = ss_study_find_country (study, options->template_country);
      if (template_index < 0)
        {
          g_set_error (error, SS_IMPORT_ERROR, SS_IMPORT_ERROR_CHOICE,
                       _("the study has no country “%s” to take figures from"), options->template_country);
          return FALSE;
        }
    }
  else
    template_index = ss_study_find_country (study, SS_IMPORT_REST_COUNTRY);
  if (template_index >= 0)
    g_strlcpy (summary->template_used, ss_study_get_country (study, template_index)->code,
               sizeof summary->template_used);

  /* The items that apply, and which partners each needs for 95 % of its
   * value. */
  for (guint i = 0; i < self->items->len; i++)
    {
      SsImportItem *item = g_ptr_array_index (self->items, i);
      g_autoptr(GArray) sorted = NULL;
      double sum, covered = 0;

      if (item->year != year)
        continue;
      if (!new_study && ss_study_find_item (study, item->code) < 0)
        {
          g_ptr_array_add (summary->items_skipped, g_strdup (item->code));
          continue;
        }
      /* A warning of this application, not of the file: a preview
       * applies to a copy first, and the file's list stays as read. */
      if ((sum = item_sum (item)) <= 0)
        {
          g_ptr_array_add (summary->warnings,
                           g_strdup_printf (_("Item %s has no imports in %d: left out."), item->code, year));
          continue;
        }
      g_ptr_array_add (chosen, item);

      sorted = g_array_copy (item->flows);
      g_array_sort (sorted, compare_flows);
      for (guint f = 0; f < sorted->len; f++)
        {
          const SsImportFlow *flow = &g_array_index (sorted, SsImportFlow, f);
          const char *partner = partner_in (flow, home);
          Candidate *c = NULL;

          if (*partner == '\0' || flow->value <= 0)
            continue;
          for (guint k = 0; k < candidates->len && c == NULL; k++)
            if (g_str_equal (g_array_index (candidates, Candidate, k).code, partner))
              c = &g_array_index (candidates, Candidate, k);
          if (c == NULL)
            {
              g_array_set_size (candidates, candidates->len + 1);
              c = &g_array_index (candidates, Candidate, candidates->len - 1);
              g_strlcpy (c->code, partner, sizeof c->code);
            }
          c->total += flow->value;
          c->max_share = MAX (c->max_share, flow->value / sum);
          if (covered < COVERAGE * sum)
            c->needed = TRUE;
          covered += flow->value;
        }
    }

  if (chosen->len == 0)
    {
      g_set_error (error, SS_IMPORT_ERROR, SS_IMPORT_ERROR_CHOICE,
                   new_study ? _("%s has no imports for %d")
                             : _("none of the items of %s for %d is in the study"),
                   self->display, year);
      return FALSE;
    }

  /* Countries already in the study keep their own share, and count
   * towards --top; new ones are added in order of importance while there
   * is room. */
  for (guint c = 0; c < ss_study_get_n_countries (study); c++)
    if (c != meta->home && !g_str_equal (ss_study_get_country (study, c)->code, SS_IMPORT_REST_COUNTRY))
      partners++;
  g_array_sort (candidates, compare_candidates);
  for (guint k = 0; k < candidates->len; k++)
    {
      Candidate *c = &g_array_index (candidates, Candidate, k);
      gboolean room;

      if (ss_study_find_country (study, c->code) >= 0)
        {
          g_hash_table_add (kept, c->code);
          continue;
        }
      /* One place stays free for the rest of world, and in a new study
       * for home as well (it is already there). */
      room = ss_study_get_n_countries (study) + 1 + (ss_study_find_country (study, SS_IMPORT_REST_COUNTRY) < 0)
             <= SS_MAX_COUNTRIES;
      if (c->needed && partners < top && room)
        {
          add_country (study, c->code, template_index, summary);
          g_hash_table_add (kept, c->code);
          partners++;
        }
    }

  for (guint i = 0; i < chosen->len && !need_rest; i++)
    {
      SsImportItem *item = g_ptr_array_index (chosen, i);

      for (guint f = 0; f < item->flows->len; f++)
        {
          const SsImportFlow *flow = &g_array_index (item->flows, SsImportFlow, f);

          if (flow->value > 0 && !g_hash_table_contains (kept, partner_in (flow, home)))
            need_rest = TRUE;
        }
    }
  if (need_rest && ss_study_find_country (study, SS_IMPORT_REST_COUNTRY) < 0)
    add_country (study, SS_IMPORT_REST_COUNTRY, template_index, summary);

  /* China's price is the scale of cost indices (model.md). */
  if (new_study && ss_study_find_country (study, "CN") >= 0)
    ss_study_get_country (study, ss_study_find_country (study, "CN"))->attr[SS_COUNTRY_COST_INDEX] = 1;

  for (guint i = 0; i < chosen->len; i++)
    {
      SsImportItem *item = g_ptr_array_index (chosen, i);
      guint n = ss_study_get_n_countries (study);
      g_autofree double *value = g_new0 (double, n);
      g_autofree double *weight = g_new0 (double, n);
      g_autofree gboolean *unweighed = g_new0 (gboolean, n);
      int rest = ss_study_find_country (study, SS_IMPORT_REST_COUNTRY);
      int china = ss_study_find_country (study, "CN");
      double sum = item_sum (item);
      double total = ss_import_item_get_value (item);
      int index = ss_study_find_item (study, item->code);
      SsItem *target;

      for (guint f = 0; f < item->flows->len; f++)
        {
          const SsImportFlow *flow = &g_array_index (item->flows, SsImportFlow, f);
          const char *partner = partner_in (flow, home);
          int c = g_hash_table_contains (kept, partner) ? ss_study_find_country (study, partner) : rest;

          g_assert (c >= 0);
          value[c] += flow->value;
          weight[c] += flow->weight;
          /* A unit value needs the weight of all of the value. */
          unweighed[c] |= flow->value > 0 && flow->weight <= 0;
        }

      if (index < 0)
        {
          index = ss_study_add_item (study, item->code, item->name);
          if (item->category != NULL)
            {
              g_free (ss_study_get_item (study, index)->category);
              ss_study_get_item (study, index)->category = g_strdup (item->category);
            }
          g_ptr_array_add (summary->items_added, g_strdup (item->code));
        }
      else
        g_ptr_array_add (summary->items_changed, g_strdup (item->code));
      target = ss_study_get_item (study, index);
      target->attr[SS_ITEM_VALUE] = total / 1e6;

      for (guint c = 0; c < n; c++)
        {
          SsSource *source = &target->sources[c];
          /* Exact division of exact sums: an import of the same figures
           * gives the same doubles, bit for bit. */
          double share = value[c] / sum;

          if (share > 0 || source->listed)
            {
              source->attr[SS_SOURCE_SHARE] = share;
              source->listed = TRUE;
            }
          /* Unit values relative to China's, in a new study only: an
           * update keeps the prices the study already has. */
          if (new_study && share > 0 && china >= 0 && (int)c != china && !unweighed[c]
              && !unweighed[china] && weight[c] > 0 && value[china] > 0 && weight[china] > 0)
            {
              double k = (value[c] / weight[c]) / (value[china] / weight[china]);

              if (ss_attr_in_range (&ss_source_attrs[SS_SOURCE_COST_INDEX], k))
                {
                  source->attr[SS_SOURCE_COST_INDEX] = k;
                  source->set |= 1 << SS_SOURCE_COST_INDEX;
                }
            }
        }
      if (!ss_attr_in_range (&ss_item_attrs[SS_ITEM_VALUE], target->attr[SS_ITEM_VALUE]))
        {
          g_set_error (error, SS_IMPORT_ERROR, SS_IMPORT_ERROR_STUDY,
                       _("item %s: an import value of %g million USD is out of range"), item->code,
                       target->attr[SS_ITEM_VALUE]);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
apply_governance (SsImport         *self,
                  SsStudy          *study,
                  int               year,
                  SsImportSummary  *summary)
{
  for (guint c = 0; c < ss_study_get_n_countries (study); c++)
    {
      SsCountry *country = ss_study_get_country (study, c);
      const SsImportGovernance *found = NULL;

      if (g_str_equal (country->code, SS_IMPORT_REST_COUNTRY))
        continue;
      for (guint g = 0; g < self->governance->len && found == NULL; g++)
        {
          const SsImportGovernance *row = &g_array_index (self->governance, SsImportGovernance, g);

          if (row->year == year && g_str_equal (row->country, country->code))
            found = row;
        }
      if (found == NULL || found->n_estimates < 6)
        {
          g_ptr_array_add (summary->countries_missing, g_strdup (country->code));
          continue;
        }
      {
        SsImportCountryChange change = { { 0 }, country->attr[SS_COUNTRY_GOVERNANCE], 0 };
        double mean = 0;

        for (guint k = 0; k < 6; k++)
          mean += found->estimates[k];
        mean /= 6;
        /* The scale is closed at 10 and open at 0: a perfect score is
         * kept just above it. */
        country->attr[SS_COUNTRY_GOVERNANCE] = CLAMP (5 - 2 * mean, 0.01, 10);
        g_ptr_array_add (summary->countries_set, g_strdup (country->code));
        g_strlcpy (change.country, country->code, sizeof change.country);
        change.after = country->attr[SS_COUNTRY_GOVERNANCE];
        g_array_append_val (summary->governance_changes, change);
      }
    }
  return TRUE;
}

/* Whether study, saved and loaded again, is a valid study. */
static gboolean
check_study (SsStudy  *study,
             GError  **error)
{
  g_autofree char *xml = ss_study_to_xml (study);
  g_autoptr(GBytes) bytes = g_bytes_new_static (xml, strlen (xml));
  g_autoptr(GError) local_error = NULL;
  g_autoptr(SsStudy) again = ss_study_load_bytes (bytes, "import", &local_error);

  if (again == NULL)
    {
      g_set_error (error, SS_IMPORT_ERROR, SS_IMPORT_ERROR_STUDY,
                   _("the imported study would not be valid:\n%s"), local_error->message);
      return FALSE;
    }
  return TRUE;
}

static gboolean
contains (GPtrArray  *codes,
          const char *code)
{
  for (guint i = 0; i < codes->len; i++)
    if (g_str_equal (g_ptr_array_index (codes, i), code))
      return TRUE;
  return FALSE;
}

static int
compare_share_changes (gconstpointer a,
                       gconstpointer b)
{
  const SsImportCountryChange *x = a, *y = b;

  if (x->after != y->after)
    return x->after > y->after ? -1 : 1;
  if (x->before != y->before)
    return x->before > y->before ? -1 : 1;
  return strcmp (x->country, y->country);
}

/* Each item's value and shares in before and after, for a preview. The
 * import only appends countries and items, so each is looked up by its
 * code in before. */
static void
describe_items (const SsStudy   *before,
                const SsStudy   *after,
                SsImportSummary *summary)
{
  for (guint i = 0; i < ss_study_get_n_items (after); i++)
    {
      const SsItem *item = ss_study_get_item (after, i);
      int was = ss_study_find_item (before, item->code);
      const SsItem *old = was >= 0 ? ss_study_get_item (before, was) : NULL;
      SsImportItemChange *change;

      if (!contains (summary->items_changed, item->code) && !contains (summary->items_added, item->code))
        continue;
      change = g_new0 (SsImportItemChange, 1);
      change->code = g_strdup (item->code);
      change->name = g_strdup (item->name);
      change->added = old == NULL;
      change->value_before = old != NULL ? old->attr[SS_ITEM_VALUE] : 0;
      change->value_after = item->attr[SS_ITEM_VALUE];
      change->shares = g_array_new (FALSE, TRUE, sizeof (SsImportCountryChange));
      for (guint c = 0; c < ss_study_get_n_countries (after); c++)
        {
          const char *code = ss_study_get_country (after, c)->code;
          int c_was = old != NULL ? ss_study_find_country (before, code) : -1;
          SsImportCountryChange share = { { 0 }, 0, item->sources[c].attr[SS_SOURCE_SHARE] };

          if (c_was >= 0)
            share.before = old->sources[c_was].attr[SS_SOURCE_SHARE];
          if (share.before <= 0 && share.after <= 0)
            continue;
          g_strlcpy (share.country, code, sizeof share.country);
          g_array_append_val (change->shares, share);
        }
      g_array_sort (change->shares, compare_share_changes);
      g_ptr_array_add (summary->item_changes, change);
    }
}

static gboolean
apply (SsImport               *self,
       SsStudy                *study,
       gboolean                new_study,
       const SsImportOptions  *options,
       SsImportSummary       **summary_out,
       GError                **error)
{
  static const SsImportOptions defaults = { 0 };
  g_autoptr(SsImportSummary) summary = summary_new ();
  g_autoptr(SsStudy) work = ss_study_copy (study);
  int year;

  if (options == NULL)
    options = &defaults;
  year = ss_import_choose_year (self, new_study ? NULL : study, options->year, error);
  if (year == 0)
    return FALSE;
  summary->year = year;

  if (self->format == SS_IMPORT_FORMAT_WGI)
    apply_governance (self, work, year, summary);
  else if (!apply_trade (self, work, new_study, year, options, summary, error))
    return FALSE;
  record_source (self, work, year, options, summary);
  if (!check_study (work, error))
    return FALSE;
  describe_items (study, work, summary);

  ss_study_assign (study, work);
  if (summary_out != NULL)
    *summary_out = g_steal_pointer (&summary);
  return TRUE;
}

gboolean
ss_import_apply (SsImport               *self,
                 SsStudy                *study,
                 const SsImportOptions  *options,
                 SsImportSummary       **summary,
                 GError                **error)
{
  return apply (self, study, FALSE, options, summary, error);
}

SsStudy *
ss_import_new_study (SsImport               *self,
                     const SsImportOptions  *options,
                     SsImportSummary       **summary,
                     GError                **error)
{
  g_autoptr(SsStudy) study = ss_study_new ();
  SsMeta *meta = ss_study_get_meta (study);
  const char *home = self->reporter != NULL ? self->reporter : "KR";
  const char *home_name = _ss_import_country_name (home);
  int year;

  if (self->format == SS_IMPORT_FORMAT_WGI)
    {
      g_set_error (error, SS_IMPORT_ERROR, SS_IMPORT_ERROR_CHOICE,
                   _("governance indicators update a study: name it with --into"));
      return NULL;
    }
  if (options != NULL && options->template_country != NULL)
    {
      g_set_error (error, SS_IMPORT_ERROR, SS_IMPORT_ERROR_CHOICE,
                   _("a new study has no country to take figures from: --template goes with --into"));
      return NULL;
    }
  year = ss_import_choose_year (self, NULL, options != NULL ? options->year : 0, error);
  if (year == 0)
    return NULL;

  g_free (meta->title);
  meta->title = g_strdup_printf ("Imports of %s, %d", home_name != NULL ? home_name : home, year);
  g_free (meta->description);
  meta->description = g_strdup_printf ("Built from %s: the shares and import values come from the file; the "
                                       "countries' figures are cautious placeholders until their own are "
                                       "entered.", self->file_name);
  meta->base_year = year;
  meta->discount_rate = 0.05;
  meta->home = ss_study_add_country (study, home, home_name != NULL ? home_name : home);
  copy_template (study, meta->home, -1);

  {
    SsImportOptions with_year = options != NULL ? *options : (SsImportOptions) { 0 };
    g_autoptr(SsImportSummary) s = NULL;

    with_year.year = year;
    if (!apply (self, study, TRUE, &with_year, &s, error))
      return NULL;
    g_ptr_array_insert (s->countries_added, 0, g_strdup (home));
    if (summary != NULL)
      *summary = g_steal_pointer (&s);
  }
  return g_steal_pointer (&study);
}

/* ---- The summary ------------------------------------------------------- */

static void
append_list (GString    *text,
             const char *label,
             GPtrArray  *codes)
{
  if (codes->len == 0)
    return;
  g_string_append_printf (text, "%s (%u):", label, codes->len);
  for (guint i = 0; i < codes->len && i < 40; i++)
    g_string_append_printf (text, " %s", (const char *)g_ptr_array_index (codes, i));
  if (codes->len > 40)
    g_string_append (text, " …");
  g_string_append_c (text, '\n');
}

char *
ss_import_summary_to_string (SsImport        *self,
                             SsImportSummary *summary)
{
  GString *text = g_string_new (NULL);

  g_string_append_printf (text, _("Imported %s (%s), year %d.\n"), self->display,
                          ss_import_format_to_string (self->format), summary->year);
  if (self->unit != NULL)
    g_string_append_printf (text, _("Values read as %s.\n"), self->unit);
  for (guint i = 0; i < self->warnings->len; i++)
    g_string_append_printf (text, "%s\n", (const char *)g_ptr_array_index (self->warnings, i));
  for (guint i = 0; i < summary->warnings->len; i++)
    g_string_append_printf (text, "%s\n", (const char *)g_ptr_array_index (summary->warnings, i));
  append_list (text, _("Items added"), summary->items_added);
  append_list (text, _("Items updated"), summary->items_changed);
  append_list (text, _("Items in the file but not in the study, left alone"), summary->items_skipped);
  append_list (text, _("Governance set"), summary->countries_set);
  append_list (text, _("No governance in the file for"), summary->countries_missing);
  if (summary->countries_added->len > 0)
    {
      if (summary->template_used[0] != '\0')
        g_string_append_printf (text, _("New countries take the figures of %s and need their own:\n"),
                                summary->template_used);
      else
        g_string_append (text, _("New countries take cautious placeholder figures (docs/import.md) "
                                 "and need their own:\n"));
      append_list (text, _("Countries added"), summary->countries_added);
    }
  if (!summary->source_recorded)
    g_string_append (text, _("The study already records this file as a source.\n"));
  return g_string_free (text, FALSE);
}
