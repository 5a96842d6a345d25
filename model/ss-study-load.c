/* ss-study-load.c: reads a study file and checks every rule of file-format.md
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A study may come from anyone, so it is parsed by ss_xml_read_untrusted()
 * (ss-xml.c): no DTD, no entities, no network, bounded nesting.
 *
 * The checks run in two layers. A walk over the tree reports each problem
 * in the user's terms (the item, the attribute, the value and what was
 * expected); only a document the walk accepts is then validated against
 * the shipped RELAX NG schema, as a second opinion on its structure.
 */

#define G_LOG_DOMAIN "supplyshift-load"

#include "config.h"

#include <math.h>
#include <stdarg.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/relaxng.h>

#include <glib/gi18n.h>

#include "ss-attrs.h"
#include "ss-engine.h"
#include "ss-model-resources.h"
#include "ss-study-file.h"
#include "ss-study-private.h"
#include "ss-xml.h"

#define SUM_TOLERANCE 1e-6
#define MAX_DEPTH     32

G_DEFINE_QUARK (ss-study-error-quark, ss_study_error)

typedef struct
{
  const char *display;
  GString    *text;
  guint       count;
  SsStudy    *study;
  int         version;                 /* of the file: 1 or 2 */
  int         country_line[SS_MAX_COUNTRIES];
  GArray     *scenario_line;           /* of int, one per scenario loaded */
  gboolean    quiet;                   /* count problems, do not describe them */
} Loader;

static void report (Loader *l, int line, const char *format, ...) G_GNUC_PRINTF (3, 4);

static void
report (Loader     *l,
        int         line,
        const char *format,
        ...)
{
  g_autofree char *message = NULL;
  va_list args;

  l->count++;
  if (l->quiet || l->count > SS_STUDY_FILE_MAX_ERRORS)
    return;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (l->text->len > 0)
    g_string_append_c (l->text, '\n');
  /* Translators: the start of a line of the loader's, a file and a line
   * number, then the problem: "a.supplyshift:3: error: …" */
  if (line > 0)
    g_string_append_printf (l->text, _("%s:%d: error: "), l->display, line);
  else
    /* Translators: a file, then the problem: "a.supplyshift: error: …" */
    g_string_append_printf (l->text, _("%s: error: "), l->display);

  /* One problem, one line: a value quoted from the file may hold a
   * newline or another control character, which is shown escaped. */
  for (const char *p = message; *p != '\0'; p++)
    {
      if (*p == '\n')
        g_string_append (l->text, "\\n");
      else if (*p == '\r')
        g_string_append (l->text, "\\r");
      else if (*p == '\t')
        g_string_append (l->text, "\\t");
      else if ((guchar)*p < 0x20 || *p == 0x7f)
        g_string_append_printf (l->text, "\\x%02X", (guchar)*p);
      else
        g_string_append_c (l->text, *p);
    }
}

/* Whether a version-2 element or attribute may be used here; reports it
 * when the file says it is version 1. */
static gboolean
allow_version_2 (Loader     *l,
                 int         line,
                 const char *context,
                 const char *what)
{
  if (l->version >= 2)
    return TRUE;
  if (context != NULL)
    report (l, line, _("%s: %s needs version 2 (the file says <study version=\"1\">)"), context, what);
  else
    report (l, line, _("%s needs version 2 (the file says <study version=\"1\">)"), what);
  return FALSE;
}

static int
line_of (xmlNode *node)
{
  return ss_xml_line (node);
}

static void
report_xml (gpointer    data,
            int         line,
            const char *message)
{
  report (data, line, "%s", message);
}

static gboolean
is_element (xmlNode *node)
{
  return node->type == XML_ELEMENT_NODE;
}

static gboolean
is_blank_text (xmlNode *node)
{
  return (node->type == XML_TEXT_NODE && xmlIsBlankNode (node))
      || node->type == XML_COMMENT_NODE || node->type == XML_PI_NODE;
}

static const char *
name_of (xmlNode *node)
{
  return (const char *)node->name;
}

/* Children must be elements (or blanks and comments); stray text is an
 * error rather than something silently ignored. */
static void
check_no_text (Loader  *l,
               xmlNode *parent)
{
  for (xmlNode *n = parent->children; n != NULL; n = n->next)
    if (!is_element (n) && !is_blank_text (n))
      {
        report (l, line_of (n), _("unexpected text in <%s>"), name_of (parent));
        return;
      }
}

static void
check_attributes (Loader      *l,
                  xmlNode     *node,
                  const char  *context,
                  const char **allowed)
{
  for (xmlAttr *a = node->properties; a != NULL; a = a->next)
    {
      gboolean ok = a->ns == NULL && g_strv_contains (allowed, (const char *)a->name);

      if (!ok)
        report (l, line_of (node), _("%s: unknown attribute '%s'"), context, (const char *)a->name);
    }
}

/* The value of the attribute name in no namespace, NULL when there is
 * none: what xmlGetNoNsProp() gives, borrowed from the tree when the value
 * is one text node, as the parser makes it, else made into *copy. */
static const char *
peek_attr (xmlNode     *node,
           const char  *name,
           char       **copy)
{
  for (xmlAttr *a = node->properties; a != NULL; a = a->next)
    if (a->ns == NULL && strcmp ((const char *)a->name, name) == 0)
      {
        xmlChar *value;

        if (a->children == NULL)
          return "";
        if (a->children->next == NULL
            && (a->children->type == XML_TEXT_NODE || a->children->type == XML_CDATA_SECTION_NODE))
          return (const char *)a->children->content;
        value = xmlNodeListGetString (node->doc, a->children, 1);
        *copy = g_strdup (value != NULL ? (const char *)value : "");
        xmlFree (value);
        return *copy;
      }
  return NULL;
}

static char *
get_attr (xmlNode    *node,
          const char *name)
{
  g_autofree char *copy = NULL;
  const char *value = peek_attr (node, name, &copy);

  return copy != NULL ? g_steal_pointer (&copy) : g_strdup (value);
}

/* Reads a number against its spec. Returns TRUE when the attribute is
 * present and valid; reports it when present and invalid, or required
 * and absent. */
static gboolean
check_number (Loader           *l,
              int               line,
              const char       *context,
              const char       *name,
              const char       *text,
              const SsAttrSpec *spec,
              double           *value)
{
  g_autofree char *range = NULL;
  double v;

  if (!ss_parse_number (text, &v))
    {
      report (l, line, _("%s: %s \"%s\" is not a number (expected digits with '.' as the decimal point)"),
              context, name, text);
      return FALSE;
    }
  if (!ss_attr_in_range (spec, v))
    {
      range = ss_attr_describe_range (spec);
      report (l, line, _("%s: %s is %s, expected a number in %s"), context, name, text, range);
      return FALSE;
    }
  *value = v;
  return TRUE;
}

static gboolean
read_number_attr (Loader           *l,
                  xmlNode          *node,
                  const char       *context,
                  const SsAttrSpec *spec,
                  gboolean          required,
                  double           *value)
{
  g_autofree char *copy = NULL;
  const char *text = peek_attr (node, spec->name, &copy);

  if (text == NULL)
    {
      if (required)
        report (l, line_of (node), _("%s: missing attribute '%s'"), context, spec->name);
      return FALSE;
    }
  return check_number (l, line_of (node), context, spec->name, text, spec, value);
}

/* The text of an element that holds text only. */
static char *
element_text (Loader  *l,
              xmlNode *node)
{
  xmlChar *content;
  char *copy;

  for (xmlNode *n = node->children; n != NULL; n = n->next)
    if (is_element (n))
      {
        report (l, line_of (n), _("unexpected element <%s> in <%s>"), name_of (n), name_of (node));
        return NULL;
      }
  if (node->properties != NULL)
    report (l, line_of (node), _("<%s>: unknown attribute '%s'"), name_of (node),
            (const char *)node->properties->name);
  content = xmlNodeGetContent (node);
  copy = g_strdup (content != NULL ? (const char *)content : "");
  xmlFree (content);
  return copy;
}

static gboolean
read_number_element (Loader           *l,
                     xmlNode          *node,
                     const char       *context,
                     const SsAttrSpec *spec,
                     double           *value)
{
  g_autofree char *text = element_text (l, node);

  if (text == NULL)
    return FALSE;
  return check_number (l, line_of (node), context, name_of (node), text, spec, value);
}


/* Remembers elements seen once, to report duplicates. */
static gboolean
first_time (Loader     *l,
            GHashTable *seen,
            xmlNode    *node,
            const char *context)
{
  if (g_hash_table_contains (seen, node->name))
    {
      report (l, line_of (node), _("%s: <%s> appears more than once"), context, name_of (node));
      return FALSE;
    }
  g_hash_table_add (seen, (gpointer)node->name);
  return TRUE;
}

/* A <policy-target> as read, checked once the base year is known. */
typedef struct
{
  int          line;
  gint64       year;
  double       share;
} PolicyTarget;

static int
policy_target_compare (gconstpointer a,
                       gconstpointer b)
{
  const PolicyTarget *x = a, *y = b;

  /* By year, then by line, so a repeated year is reported at its second line. */
  if (x->year != y->year)
    return x->year < y->year ? -1 : 1;
  return x->line - y->line;
}

static void
read_policy_target (Loader  *l,
                    xmlNode *n,
                    GArray  *targets)
{
  static const char *allowed[] = { "year", "share", NULL };
  g_autofree char *year_text = get_attr (n, "year");
  g_autofree char *context = NULL;
  PolicyTarget target = { line_of (n), 0, 0 };
  gboolean ok = TRUE;

  if (!allow_version_2 (l, line_of (n), NULL, "<policy-target>"))
    return;
  check_no_text (l, n);
  for (xmlNode *k = n->children; k != NULL; k = k->next)
    if (is_element (k))
      report (l, line_of (k), _("<policy-target>: unexpected element <%s>"), name_of (k));
  context = year_text != NULL ? g_strdup_printf ("<policy-target year=\"%s\">", year_text)
                              : g_strdup ("<policy-target>");
  check_attributes (l, n, context, allowed);
  if (year_text == NULL)
    {
      report (l, line_of (n), _("%s: missing attribute 'year'"), context);
      ok = FALSE;
    }
  else if (!ss_parse_integer (year_text, &target.year)
           || !ss_attr_in_range (&ss_spec_policy_year, target.year))
    {
      g_autofree char *range = ss_attr_describe_range (&ss_spec_policy_year);

      report (l, line_of (n), _("%s: year is \"%s\", expected a whole number in %s"), context,
              year_text, range);
      ok = FALSE;
    }
  if (!read_number_attr (l, n, context, &ss_spec_policy_share, TRUE, &target.share))
    ok = FALSE;
  if (ok)
    g_array_append_val (targets, target);
}

/* file-format.md: years ≥ base-year, each once, shares that do not rise
 * as years rise. The file may list them in any order. */
static void
check_policy_targets (Loader *l,
                      GArray *targets)
{
  SsMeta *meta = ss_study_get_meta (l->study);
  gboolean ok = TRUE;

  g_array_sort (targets, policy_target_compare);
  for (guint k = 0; k < targets->len; k++)
    {
      PolicyTarget *t = &g_array_index (targets, PolicyTarget, k);
      PolicyTarget *before = k > 0 ? &g_array_index (targets, PolicyTarget, k - 1) : NULL;
      char share[SS_NUMBER_BUF], earlier[SS_NUMBER_BUF];

      ss_format_number (share, sizeof share, t->share);
      if (t->year < meta->base_year)
        {
          report (l, t->line, _("<policy-target year=\"%d\">: year %d is before the base year, "
                                "expected a year from %d on"), (int)t->year, (int)t->year,
                  meta->base_year);
          ok = FALSE;
        }
      if (before != NULL && before->year == t->year)
        {
          report (l, t->line, _("<policy-target year=\"%d\">: year %d has a target already "
                                "(line %d), expected each year once"), (int)t->year, (int)t->year,
                  before->line);
          ok = FALSE;
        }
      else if (before != NULL && t->share > before->share)
        {
          ss_format_number (earlier, sizeof earlier, before->share);
          report (l, t->line, _("<policy-target year=\"%d\">: share is %s, above the %s from %d; "
                                "expected shares that do not rise as years rise"),
                  (int)t->year, share, earlier, (int)before->year);
          ok = FALSE;
        }
    }
  for (guint k = 0; ok && k < targets->len; k++)
    {
      PolicyTarget *t = &g_array_index (targets, PolicyTarget, k);

      ss_study_add_policy_target (l->study, (int)t->year, t->share);
    }
}

static void
load_meta (Loader  *l,
           xmlNode *meta_node,
           int     *home_line,
           char   **home_code)
{
  SsMeta *meta = ss_study_get_meta (l->study);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GArray) targets = g_array_new (FALSE, FALSE, sizeof (PolicyTarget));
  static const char *required[] = { "title", "base-year", "horizon", "home" };
  static const char *no_attrs[] = { NULL };

  check_no_text (l, meta_node);
  check_attributes (l, meta_node, "<meta>", no_attrs);

  for (xmlNode *n = meta_node->children; n != NULL; n = n->next)
    {
      const char *name = name_of (n);
      double v;

      if (!is_element (n))
        continue;
      if (g_str_equal (name, "policy-target"))
        {
          read_policy_target (l, n, targets);
          continue;
        }
      if (!first_time (l, seen, n, "<meta>"))
        continue;

      if (g_str_equal (name, "title") || g_str_equal (name, "description")
          || g_str_equal (name, "currency") || g_str_equal (name, "source"))
        {
          char *text = element_text (l, n);
          char **field = g_str_equal (name, "title") ? &meta->title
                       : g_str_equal (name, "description") ? &meta->description
                       : g_str_equal (name, "currency") ? &meta->currency : &meta->source;

          if (text == NULL)
            continue;
          if (field != &meta->description && field != &meta->source)
            g_strstrip (text);
          if ((field == &meta->title || field == &meta->currency) && *text == '\0')
            report (l, line_of (n), _("<%s> is empty"), name);
          g_free (*field);
          *field = text;
        }
      else if (g_str_equal (name, "base-year") || g_str_equal (name, "horizon"))
        {
          g_autofree char *text = element_text (l, n);
          const SsAttrSpec *spec = g_str_equal (name, "horizon") ? &ss_spec_horizon : &ss_spec_base_year;
          g_autofree char *range = ss_attr_describe_range (spec);
          gint64 year;

          if (text == NULL)
            continue;
          if (!ss_parse_integer (text, &year) || !ss_attr_in_range (spec, year))
            {
              report (l, line_of (n), _("<%s> is \"%s\", expected a whole number in %s"), name, text, range);
              continue;
            }
          if (spec == &ss_spec_horizon)
            meta->horizon = year;
          else
            meta->base_year = year;
        }
      else if (g_str_equal (name, "discount-rate"))
        {
          if (read_number_element (l, n, "<meta>", &ss_spec_discount_rate, &v))
            meta->discount_rate = v;
        }
      else if (g_str_equal (name, "home"))
        {
          g_autofree char *text = element_text (l, n);

          if (text == NULL)
            continue;
          *home_line = line_of (n);
          *home_code = g_steal_pointer (&text);
        }
      else if (g_str_equal (name, "thresholds"))
        {
          static const char *allowed[] = { "watch", "warning", "critical", NULL };
          static const char *names[] = { "watch", "warning", "critical" };

          check_attributes (l, n, "<thresholds>", allowed);
          check_no_text (l, n);
          for (guint k = 0; k < 3; k++)
            {
              SsAttrSpec spec = ss_spec_threshold;

              spec.name = names[k];
              if (read_number_attr (l, n, "<thresholds>", &spec, TRUE, &v))
                meta->threshold[k] = v;
            }
          if (!(meta->threshold[0] <= meta->threshold[1] && meta->threshold[1] <= meta->threshold[2]))
            report (l, line_of (n), _("<thresholds>: expected watch ≤ warning ≤ critical"));
        }
      else
        report (l, line_of (n), _("unknown element <%s> in <meta>"), name);
    }

  for (guint k = 0; k < G_N_ELEMENTS (required); k++)
    if (!g_hash_table_contains (seen, required[k]))
      report (l, line_of (meta_node), _("<meta>: missing <%s>"), required[k]);
  check_policy_targets (l, targets);
}

static void
load_countries (Loader  *l,
                xmlNode *parent)
{
  static const char *allowed[] = {
    "code", "name", "group", "governance", "disruption-probability", "disruption-severity",
    "disruption-days", "cost-index", "cost-growth", "tariff", "logistics", "ramp", NULL
  };
  static const char *no_attrs[] = { NULL };
  guint count = 0;

  check_no_text (l, parent);
  check_attributes (l, parent, "<countries>", no_attrs);

  for (xmlNode *n = parent->children; n != NULL; n = n->next)
    {
      g_autofree char *code = NULL, *name = NULL, *group = NULL, *context = NULL;
      SsCountry *country;
      guint index;

      if (!is_element (n))
        continue;
      if (!g_str_equal (name_of (n), "country"))
        {
          report (l, line_of (n), _("unknown element <%s> in <countries>"), name_of (n));
          continue;
        }
      if (++count > SS_MAX_COUNTRIES)
        {
          if (count == SS_MAX_COUNTRIES + 1)
            report (l, line_of (n), _("more than %d countries"), SS_MAX_COUNTRIES);
          continue;
        }

      code = get_attr (n, "code");
      name = get_attr (n, "name");
      group = get_attr (n, "group");
      context = g_strdup_printf (_("country %s"), code != NULL ? code : _("(no code)"));
      check_attributes (l, n, context, allowed);
      check_no_text (l, n);
      for (xmlNode *k = n->children; k != NULL; k = k->next)
        if (is_element (k))
          report (l, line_of (k), _("%s: unexpected element <%s>"), context, name_of (k));

      if (code == NULL)
        {
          report (l, line_of (n), _("country: missing attribute 'code'"));
          continue;
        }
      if (!ss_is_country_code (code))
        {
          report (l, line_of (n), _("country code \"%s\" is not two capital letters (like CN)"), code);
          continue;
        }
      if (ss_study_find_country (l->study, code) >= 0)
        {
          report (l, line_of (n), _("country %s is declared twice"), code);
          continue;
        }
      if (name == NULL || *g_strstrip (name) == '\0')
        report (l, line_of (n), "%s: %s", context, name == NULL ? _("missing attribute 'name'") : _("name is empty"));
      if (group != NULL && !ss_is_group_label (group))
        report (l, line_of (n), _("%s: group \"%s\" is not a label of up to 32 letters, digits, '-' or '_'"),
                context, group);

      index = ss_study_add_country (l->study, code, name != NULL ? name : "");
      l->country_line[index] = line_of (n);
      country = ss_study_get_country (l->study, index);
      if (group != NULL)
        country->group = g_steal_pointer (&group);
      for (guint a = 0; a < SS_COUNTRY_N_ATTRS; a++)
        read_number_attr (l, n, context, &ss_country_attrs[a], TRUE, &country->attr[a]);
    }

  if (count == 0)
    report (l, line_of (parent), _("<countries> declares no country"));
}

static void
load_item (Loader  *l,
           xmlNode *n,
           guint   *count)
{
  static const char *allowed[] = {
    "code", "name", "category", "value", "growth", "substitutability", "recycling",
    "stockpile-days", "impact", NULL
  };
  static const char *source_allowed[] = {
    "country", "share", "cost-index", "tariff", "capacity", "trade-factor",
    "disruption-probability", "disruption-severity", "disruption-days", NULL
  };
  g_autofree char *code = NULL, *name = NULL, *category = NULL, *context = NULL;
  SsItem *item;
  guint index, sources = 0;
  double sum = 0;

  if (!g_str_equal (name_of (n), "item"))
    {
      report (l, line_of (n), _("unknown element <%s> in <items>"), name_of (n));
      return;
    }
  if (++*count > SS_MAX_ITEMS)
    {
      if (*count == SS_MAX_ITEMS + 1)
        report (l, line_of (n), _("more than %d items"), SS_MAX_ITEMS);
      return;
    }
  code = get_attr (n, "code");
  name = get_attr (n, "name");
  category = get_attr (n, "category");
  context = g_strdup_printf (_("item %s"), code != NULL ? code : _("(no code)"));
  check_attributes (l, n, context, allowed);
  check_no_text (l, n);

  if (code == NULL)
    {
      report (l, line_of (n), _("item: missing attribute 'code'"));
      return;
    }
  if (!ss_is_item_code (code))
    {
      report (l, line_of (n), _("item code \"%s\" is not 1 to 32 letters, digits, '.', '_' or '-'"), code);
      return;
    }
  if (ss_study_find_item (l->study, code) >= 0)
    {
      report (l, line_of (n), _("item %s is declared twice"), code);
      return;
    }
  if (name == NULL || *g_strstrip (name) == '\0')
    report (l, line_of (n), "%s: %s", context, name == NULL ? _("missing attribute 'name'") : _("name is empty"));

  index = ss_study_add_item (l->study, code, name != NULL ? name : "");
  item = ss_study_get_item (l->study, index);
  if (category != NULL)
    {
      g_free (item->category);
      item->category = g_strdup (g_strstrip (category));
    }
  for (guint a = 0; a < SS_ITEM_N_ATTRS; a++)
    if (read_number_attr (l, n, context, &ss_item_attrs[a], ss_item_attrs[a].required, &item->attr[a]))
      item->set |= 1u << a;

  for (xmlNode *s = n->children; s != NULL; s = s->next)
    {
      g_autofree char *country_code = NULL;
      g_autofree char *source_context = NULL;
      SsSource *source;
      int c;

      if (!is_element (s))
        continue;
      if (!g_str_equal (name_of (s), "source"))
        {
          report (l, line_of (s), _("%s: unknown element <%s>"), context, name_of (s));
          continue;
        }
      sources++;
      country_code = get_attr (s, "country");
      source_context = g_strdup_printf (_("item %s: source %s"), code,
                                        country_code != NULL ? country_code : _("(no country)"));
      check_attributes (l, s, source_context, source_allowed);
      check_no_text (l, s);
      if (country_code == NULL)
        {
          report (l, line_of (s), _("%s: missing attribute 'country'"), source_context);
          continue;
        }
      c = ss_study_find_country (l->study, country_code);
      if (c < 0)
        {
          report (l, line_of (s), _("%s: country %s is not declared in <countries>"), source_context,
                  country_code);
          continue;
        }
      source = &item->sources[c];
      if (source->listed)
        {
          report (l, line_of (s), _("item %s: country %s is listed twice"), code, country_code);
          continue;
        }
      source->listed = TRUE;
      /* `set` records the optional attributes only: share is required. */
      for (guint a = 0; a < SS_SOURCE_N_ATTRS; a++)
        {
          if (a >= SS_SOURCE_DISRUPTION_PROBABILITY && xmlHasProp (s, (const xmlChar *)ss_source_attrs[a].name))
            {
              g_autofree char *what = g_strdup_printf (_("attribute '%s'"), ss_source_attrs[a].name);

              if (!allow_version_2 (l, line_of (s), source_context, what))
                continue;
            }
          if (read_number_attr (l, s, source_context, &ss_source_attrs[a], a == SS_SOURCE_SHARE,
                                &source->attr[a]) && a != SS_SOURCE_SHARE)
            source->set |= 1u << a;
        }
      sum += source->attr[SS_SOURCE_SHARE];
    }

  if (sources == 0)
    report (l, line_of (n), _("%s: no <source>; an item needs at least one"), context);
  else if (fabs (sum - 1) > SUM_TOLERANCE)
    {
      char buf[G_ASCII_DTOSTR_BUF_SIZE];

      report (l, line_of (n), _("%s: shares sum to %s, expected 1"), context,
              g_ascii_formatd (buf, sizeof buf, "%.10g", sum));
    }
}

static void
load_items (Loader  *l,
            xmlNode *parent)
{
  static const char *no_attrs[] = { NULL };
  guint count = 0;

  check_no_text (l, parent);
  check_attributes (l, parent, "<items>", no_attrs);

  for (xmlNode *n = parent->children; n != NULL; n = n->next)
    if (is_element (n))
      load_item (l, n, &count);

  if (count == 0)
    report (l, line_of (parent), _("<items> holds no item"));
}

/* A <shock>: a declared country, at least one of the three values, and
 * an optional list of declared items, each once. */
static void
load_shock (Loader     *l,
            xmlNode    *k,
            SsScenario *scenario,
            const char *context)
{
  static const char *allowed[] = {
    "country", "items", "disruption-probability", "disruption-severity", "disruption-days", NULL
  };
  g_autofree char *code = get_attr (k, "country");
  g_autofree char *items = get_attr (k, "items");
  g_autofree char *shock_context = NULL;
  g_autoptr(GArray) list = NULL;
  double value[SS_DISRUPTION_N];
  guint32 set = 0;
  gboolean ok = TRUE;
  SsShock *shock;
  int c;

  shock_context = g_strdup_printf (_("%s: shock %s"), context, code != NULL ? code : _("(no country)"));
  check_attributes (l, k, shock_context, allowed);
  check_no_text (l, k);
  for (xmlNode *n = k->children; n != NULL; n = n->next)
    if (is_element (n))
      report (l, line_of (n), _("%s: unexpected element <%s>"), shock_context, name_of (n));
  if (code == NULL)
    {
      report (l, line_of (k), _("%s: <shock> without 'country'"), context);
      return;
    }
  if ((c = ss_study_find_country (l->study, code)) < 0)
    {
      report (l, line_of (k), _("%s: shock of country %s, which is not declared in <countries>"),
              context, code);
      return;
    }
  for (guint d = 0; d < SS_DISRUPTION_N; d++)
    {
      const SsAttrSpec *spec = &ss_country_attrs[SS_COUNTRY_DISRUPTION (d)];

      if (xmlHasProp (k, (const xmlChar *)spec->name) == NULL)
        continue;
      if (read_number_attr (l, k, shock_context, spec, FALSE, &value[d]))
        set |= 1u << d;
      else
        ok = FALSE;
    }
  if (set == 0 && ok)
    {
      report (l, line_of (k), _("%s: sets none of disruption-probability, disruption-severity and "
              "disruption-days, expected at least one"), shock_context);
      ok = FALSE;
    }
  if (items != NULL)
    {
      g_auto(GStrv) codes = g_strsplit_set (items, " \t\r\n", -1);
      g_autoptr(GHashTable) named = g_hash_table_new (g_str_hash, g_str_equal);

      list = g_array_new (FALSE, FALSE, sizeof (guint));
      for (guint j = 0; codes[j] != NULL; j++)
        {
          int i;

          if (*codes[j] == '\0')
            continue;
          if ((i = ss_study_find_item (l->study, codes[j])) < 0)
            {
              report (l, line_of (k), _("%s: items: %s is not an item declared in <items>"),
                      shock_context, codes[j]);
              ok = FALSE;
              continue;
            }
          if (g_hash_table_contains (named, codes[j]))
            {
              report (l, line_of (k), _("%s: items: %s is listed twice, expected each item once"),
                      shock_context, codes[j]);
              ok = FALSE;
              continue;
            }
          g_hash_table_add (named, codes[j]);
          g_array_append_val (list, i);
        }
      if (list->len == 0 && ok)
        {
          report (l, line_of (k), _("%s: items is empty, expected item codes separated by spaces "
                  "(leave 'items' out for all items)"), shock_context);
          ok = FALSE;
        }
    }
  if (!ok)
    return;

  shock = ss_scenario_add_shock (scenario, c);
  shock->set = set;
  for (guint d = 0; d < SS_DISRUPTION_N; d++)
    shock->value[d] = set & (1u << d) ? value[d] : 0;
  if (list != NULL)
    ss_shock_set_items (shock, (const guint *)(gpointer)list->data, list->len);
}

/* What a <scenario> has read so far, for checks over all its children. */
typedef struct
{
  GHashTable *seen;                    /* elements allowed once */
  int        *target_line;             /* of an item's first <target> */
  guint32    *target_named;            /* an item's countries with a target */
} ScenarioRead;

static void
scenario_read_init (Loader       *l,
                    ScenarioRead *r)
{
  guint ni = ss_study_get_n_items (l->study);

  r->seen = g_hash_table_new (g_str_hash, g_str_equal);
  r->target_line = g_new0 (int, MAX (ni, 1));
  r->target_named = g_new0 (guint32, MAX (ni, 1));
}

static void
scenario_read_clear (ScenarioRead *r)
{
  g_clear_pointer (&r->seen, g_hash_table_unref);
  g_clear_pointer (&r->target_line, g_free);
  g_clear_pointer (&r->target_named, g_free);
}

/* One element in a <scenario>. */
static void
load_scenario_child (Loader       *l,
                     xmlNode      *k,
                     SsScenario   *scenario,
                     const char   *context,
                     ScenarioRead *r)
{
  static const char *stockpile_allowed[] = { "days", "item", NULL };
  static const char *target_allowed[] = { "item", "country", "share", NULL };
  static const char *override_allowed[] = {
    "code", "governance", "disruption-probability", "disruption-severity", "disruption-days",
    "cost-index", "cost-growth", "tariff", "logistics", "ramp", NULL
  };
  static const char *shock_only[] = { "transition-years", "switching-cost", "subsidy", "target", NULL };
  guint nc = ss_study_get_n_countries (l->study);
  GHashTable *seen = r->seen;
  int *target_line = r->target_line;
  guint32 *target_named = r->target_named;
  const char *name = name_of (k);
  double v;

  /* A shock scenario only changes the world (model.md §1). */
  if (scenario->kind == SS_SCENARIO_SHOCK && g_strv_contains (shock_only, name))
    {
      report (l, line_of (k), _("%s: <%s> is not allowed in a scenario of kind=\"shock\", "
              "expected only <description>, <stockpile>, <country> and <shock>"), context, name);
      return;
    }

  if (g_str_equal (name, "description"))
    {
      char *text;

      if (!first_time (l, seen, k, context) || (text = element_text (l, k)) == NULL)
        return;
      g_free (scenario->description);
      scenario->description = text;
    }
  else if (g_str_equal (name, "transition-years"))
    {
      if (first_time (l, seen, k, context)
          && read_number_element (l, k, context, &ss_spec_transition_years, &v))
        scenario->transition_years = v;
    }
  else if (g_str_equal (name, "switching-cost"))
    {
      if (first_time (l, seen, k, context)
          && read_number_element (l, k, context, &ss_spec_switching_cost, &v))
        scenario->switching_cost = v;
    }
  else if (g_str_equal (name, "subsidy"))
    {
      if (first_time (l, seen, k, context) && read_number_element (l, k, context, &ss_spec_subsidy, &v))
        scenario->subsidy = v;
    }
  else if (g_str_equal (name, "stockpile"))
    {
      g_autofree char *item_code = get_attr (k, "item");
      int i = -1;

      check_attributes (l, k, context, stockpile_allowed);
      check_no_text (l, k);
      if (item_code != NULL && (i = ss_study_find_item (l->study, item_code)) < 0)
        {
          report (l, line_of (k), _("%s: stockpile for item %s, which is not declared in <items>"),
                  context, item_code);
          return;
        }
      if (i < 0 ? scenario->has_stockpile_all : !isnan (scenario->stockpile[i]))
        {
          if (i < 0)
            report (l, line_of (k), _("%s: more than one stockpile for all items"), context);
          else
            report (l, line_of (k), _("%s: more than one stockpile for item %s"), context, item_code);
          return;
        }
      if (!read_number_attr (l, k, context, &ss_spec_stockpile_days, TRUE, &v))
        return;
      if (i < 0)
        {
          scenario->has_stockpile_all = TRUE;
          scenario->stockpile_all = v;
        }
      else
        scenario->stockpile[i] = v;
    }
  else if (g_str_equal (name, "country"))
    {
      g_autofree char *code = get_attr (k, "code");
      g_autofree char *override_context = NULL;
      SsCountryOverride ov = { 0 };
      int c;

      check_attributes (l, k, context, override_allowed);
      check_no_text (l, k);
      if (code == NULL)
        {
          report (l, line_of (k), _("%s: <country> override without 'code'"), context);
          return;
        }
      if ((c = ss_study_find_country (l->study, code)) < 0)
        {
          report (l, line_of (k), _("%s: override of country %s, which is not declared in <countries>"),
                  context, code);
          return;
        }
      if (ss_scenario_find_override (scenario, c) != NULL)
        {
          report (l, line_of (k), _("%s: country %s is overridden twice"), context, code);
          return;
        }
      override_context = g_strdup_printf (_("%s: country %s"), context, code);
      ov.country = c;
      for (guint a = 0; a < SS_COUNTRY_N_ATTRS; a++)
        if (read_number_attr (l, k, override_context, &ss_country_attrs[a], FALSE, &ov.attr[a]))
          ov.set |= 1u << a;
      g_array_append_val (scenario->overrides, ov);
    }
  else if (g_str_equal (name, "shock"))
    {
      if (allow_version_2 (l, line_of (k), context, "<shock>"))
        load_shock (l, k, scenario, context);
    }
  else if (g_str_equal (name, "target"))
    {
      g_autofree char *item_code = get_attr (k, "item");
      g_autofree char *country_code = get_attr (k, "country");
      double *targets;
      int i, c;

      check_attributes (l, k, context, target_allowed);
      check_no_text (l, k);
      if (item_code == NULL || country_code == NULL)
        {
          report (l, line_of (k), _("%s: <target> needs 'item', 'country' and 'share'"), context);
          return;
        }
      if ((i = ss_study_find_item (l->study, item_code)) < 0)
        {
          report (l, line_of (k), _("%s: target for item %s, which is not declared in <items>"),
                  context, item_code);
          return;
        }
      if ((c = ss_study_find_country (l->study, country_code)) < 0)
        {
          report (l, line_of (k), _("%s: target for item %s from country %s, which is not declared in <countries>"),
                  context, item_code, country_code);
          return;
        }
      if (target_named[i] & (1u << c))
        {
          report (l, line_of (k), _("%s: item %s: country %s is targeted twice"), context, item_code,
                  country_code);
          return;
        }
      if (!read_number_attr (l, k, context, &ss_spec_target_share, TRUE, &v))
        return;
      if (scenario->targets[i] == NULL)
        {
          /* Countries a scenario does not name get no share. */
          targets = ss_scenario_ensure_targets (l->study, scenario, i);
          memset (targets, 0, nc * sizeof (double));
          target_line[i] = line_of (k);
        }
      target_named[i] |= 1u << c;
      scenario->targets[i][c] = v;
    }
  else
    report (l, line_of (k), _("%s: unknown element <%s>"), context, name);
}

/* The checks over a whole <scenario>, once its children are read. */
static void
finish_scenario (Loader       *l,
                 SsScenario   *scenario,
                 const char   *context,
                 ScenarioRead *r)
{
  guint ni = ss_study_get_n_items (l->study);
  guint nc = ss_study_get_n_countries (l->study);
  int *target_line = r->target_line;

  for (guint i = 0; i < ni; i++)
    {
      double sum = 0;

      if (scenario->targets[i] == NULL)
        continue;
      for (guint c = 0; c < nc; c++)
        sum += scenario->targets[i][c];
      if (fabs (sum - 1) > SUM_TOLERANCE)
        {
          char buf[G_ASCII_DTOSTR_BUF_SIZE];

          report (l, target_line[i], _("%s: targets for item %s sum to %s, expected 1"), context,
                  ss_study_get_item (l->study, i)->code, g_ascii_formatd (buf, sizeof buf, "%.10g", sum));
        }
    }
}

static void
load_scenario (Loader     *l,
               xmlNode    *n,
               SsScenario *scenario,
               const char *context)
{
  ScenarioRead r;

  scenario_read_init (l, &r);
  check_no_text (l, n);
  for (xmlNode *k = n->children; k != NULL; k = k->next)
    if (is_element (k))
      load_scenario_child (l, k, scenario, context, &r);
  finish_scenario (l, scenario, context, &r);
  scenario_read_clear (&r);
}

/* A <scenario>'s attributes: the scenario they declare, or NULL when it
 * is to be skipped. Its children are read by load_scenario_child(). */
static SsScenario *
start_scenario (Loader   *l,
                xmlNode  *n,
                guint    *count,
                char    **context_out)
{
  static const char *allowed[] = { "id", "name", "kind", NULL };
  g_autofree char *id = NULL, *name = NULL, *kind = NULL, *context = NULL;
  SsScenario *scenario;
  int line;
  guint index;

  if (!g_str_equal (name_of (n), "scenario"))
    {
      report (l, line_of (n), _("unknown element <%s> in <scenarios>"), name_of (n));
      return NULL;
    }
  if (++*count > SS_MAX_SCENARIOS)
    {
      if (*count == SS_MAX_SCENARIOS + 1)
        report (l, line_of (n), _("more than %d scenarios"), SS_MAX_SCENARIOS);
      return NULL;
    }

  id = get_attr (n, "id");
  name = get_attr (n, "name");
  context = g_strdup_printf (_("scenario %s"), id != NULL ? id : _("(no id)"));
  check_attributes (l, n, context, allowed);
  if (id == NULL)
    {
      report (l, line_of (n), _("scenario: missing attribute 'id'"));
      return NULL;
    }
  if (!ss_is_scenario_id (id))
    {
      report (l, line_of (n), _("scenario id \"%s\" is not lower-case letters, digits and '-' "
              "(up to 64, starting with a letter or digit)"), id);
      return NULL;
    }
  if (g_str_equal (id, "baseline"))
    {
      report (l, line_of (n), _("scenario id \"baseline\" is reserved for the implicit baseline"));
      return NULL;
    }
  if (ss_study_find_scenario (l->study, id) >= 0)
    {
      report (l, line_of (n), _("scenario %s is declared twice"), id);
      return NULL;
    }
  if (name == NULL || *g_strstrip (name) == '\0')
    report (l, line_of (n), "%s: %s", context, name == NULL ? _("missing attribute 'name'") : _("name is empty"));

  index = ss_study_add_scenario (l->study, id, name != NULL ? name : "");
  scenario = ss_study_get_scenario (l->study, index);
  line = line_of (n);
  g_array_append_val (l->scenario_line, line);
  kind = get_attr (n, "kind");
  if (kind != NULL && allow_version_2 (l, line_of (n), context, _("attribute 'kind'")))
    {
      if (g_str_equal (kind, "shock"))
        scenario->kind = SS_SCENARIO_SHOCK;
      else if (!g_str_equal (kind, "strategy"))
        report (l, line_of (n), _("%s: kind is \"%s\", expected \"strategy\" or \"shock\""),
                context, kind);
    }
  *context_out = g_steal_pointer (&context);
  return scenario;
}

static void
load_scenarios (Loader  *l,
                xmlNode *parent)
{
  static const char *no_attrs[] = { NULL };
  guint count = 0;

  check_no_text (l, parent);
  check_attributes (l, parent, "<scenarios>", no_attrs);

  for (xmlNode *n = parent->children; n != NULL; n = n->next)
    {
      g_autofree char *context = NULL;
      SsScenario *scenario;

      if (is_element (n) && (scenario = start_scenario (l, n, &count, &context)) != NULL)
        load_scenario (l, n, scenario, context);
    }
}

/* A scenario that sets a disruption probability anywhere: combined with
 * another such scenario it may have more distinct probabilities than
 * either. */
static gboolean
sets_probability (SsScenario *scenario)
{
  for (guint k = 0; k < scenario->overrides->len; k++)
    if (g_array_index (scenario->overrides, SsCountryOverride, k).set
        & (1u << SS_COUNTRY_DISRUPTION_PROBABILITY))
      return TRUE;
  for (guint k = 0; k < scenario->shocks->len; k++)
    if (g_array_index (scenario->shocks, SsShock, k).set & (1u << SS_DISRUPTION_PROBABILITY))
      return TRUE;
  return FALSE;
}

/* model.md §4, §8: at most 2^18 joint disruption states in the baseline,
 * each scenario and each stress-grid combination. A combination of a
 * strategy and a shock that do not both set probabilities has the states
 * of one of them, already checked. */
static void
check_joint_states (Loader *l,
                    int     countries_line)
{
  guint ns = ss_study_get_n_scenarios (l->study);
  g_autofree char *message = NULL;

  if (!ss_engine_check_joint_states (l->study, SS_BASELINE, SS_NO_SHOCK, &message))
    {
      report (l, countries_line, _("the study has %s"), message);
      return;
    }
  for (guint s = 0; s < ns; s++)
    if (!ss_engine_check_joint_states (l->study, s, SS_NO_SHOCK, &message))
      {
        report (l, g_array_index (l->scenario_line, int, s), _("scenario %s: %s"),
                ss_study_get_scenario (l->study, s)->id, message);
        g_clear_pointer (&message, g_free);
      }
  for (guint k = 0; k < ns; k++)
    {
      SsScenario *shock = ss_study_get_scenario (l->study, k);

      if (shock->kind != SS_SCENARIO_SHOCK || !sets_probability (shock))
        continue;
      for (guint s = 0; s < ns; s++)
        {
          SsScenario *strategy = ss_study_get_scenario (l->study, s);

          if (strategy->kind != SS_SCENARIO_STRATEGY || !sets_probability (strategy))
            continue;
          if (!ss_engine_check_joint_states (l->study, s, k, &message))
            {
              report (l, g_array_index (l->scenario_line, int, k),
                      _("scenario %s with strategy %s (a cell of the stress grid): %s"), shock->id,
                      strategy->id, message);
              g_clear_pointer (&message, g_free);
            }
        }
    }
}

/* The root element's name and attributes: FALSE when the rest cannot be
 * read. */
static gboolean
start_study (Loader  *l,
             xmlNode *root)
{
  static const char *allowed[] = { "version", NULL };
  g_autofree char *version = NULL;

  if (root->ns != NULL || !g_str_equal (name_of (root), "study"))
    {
      report (l, line_of (root), _("the root element is <%s>, expected <study>"), name_of (root));
      return FALSE;
    }
  check_attributes (l, root, "<study>", allowed);
  version = get_attr (root, "version");
  if (version == NULL)
    report (l, line_of (root), _("<study>: missing attribute 'version'"));
  else if (g_str_equal (version, "1") || g_str_equal (version, "2"))
    l->version = version[0] - '0';
  else
    {
      report (l, line_of (root), _("<study>: format version \"%s\" is not supported, expected 1 or 2"),
              version);
      return FALSE;
    }
  return TRUE;
}

/* <home>, once the countries are declared. */
static void
set_home (Loader     *l,
          const char *home,
          int         home_line)
{
  int c = ss_study_find_country (l->study, home);

  if (c < 0)
    report (l, home_line, _("<home> is \"%s\", which is not a country declared in <countries>"), home);
  else
    ss_study_get_meta (l->study)->home = c;
}

static void
load_study (Loader  *l,
            xmlNode *root)
{
  static const char *order[] = { "meta", "countries", "items", "scenarios" };
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *home = NULL;
  xmlNode *parts[G_N_ELEMENTS (order)] = { NULL };
  int home_line = 0;

  if (!start_study (l, root))
    return;
  check_no_text (l, root);

  for (xmlNode *n = root->children; n != NULL; n = n->next)
    {
      gboolean known = FALSE;

      if (!is_element (n))
        continue;
      for (guint k = 0; k < G_N_ELEMENTS (order); k++)
        if (n->ns == NULL && g_str_equal (name_of (n), order[k]))
          {
            known = TRUE;
            if (first_time (l, seen, n, "<study>"))
              parts[k] = n;
          }
      if (!known)
        report (l, line_of (n), _("unknown element <%s> in <study>"), name_of (n));
    }

  /* Meta first, but the home country is checked once the countries exist. */
  if (parts[0] != NULL)
    load_meta (l, parts[0], &home_line, &home);
  else
    report (l, line_of (root), _("<study>: missing <meta>"));
  if (parts[1] != NULL)
    load_countries (l, parts[1]);
  else
    report (l, line_of (root), _("<study>: missing <countries>"));
  if (home != NULL && parts[1] != NULL)
    set_home (l, home, home_line);
  if (parts[2] != NULL)
    load_items (l, parts[2]);
  else
    report (l, line_of (root), _("<study>: missing <items>"));
  if (parts[3] != NULL)
    load_scenarios (l, parts[3]);
  if (l->count == 0)
    check_joint_states (l, line_of (parts[1]));
}

/* Takes every <param name="pattern"> out of the schema. libxml2 2.9
 * compiles a pattern's regular expression again for every value it checks
 * against it (xmlRelaxNGSchemaFacetCheck), which was two thirds of the
 * time of loading a 4 000-item study; and load_study() has already
 * checked every one of those patterns itself (numbers, codes, ids, labels),
 * in the user's terms. What is left checks the structure.
 *
 * A <data type="string"> left without a parameter accepts any string, as
 * the built-in library's string does; but the XML Schema library looks
 * its type up by name in a hash table for every value it checks (11 % of
 * the instructions of loading that study), so such a pattern is given the
 * built-in library (datatypeLibrary=""), which accepts the same values. */
static gboolean
has_param (xmlNode *node)
{
  for (xmlNode *k = node->children; k != NULL; k = k->next)
    if (k->type == XML_ELEMENT_NODE && xmlStrEqual (k->name, (const xmlChar *)"param"))
      return TRUE;
  return FALSE;
}

static void
drop_patterns (xmlNode *node)
{
  xmlNode *next;

  for (; node != NULL; node = next)
    {
      next = node->next;
      if (node->type != XML_ELEMENT_NODE)
        continue;
      if (xmlStrEqual (node->name, (const xmlChar *)"param"))
        {
          xmlChar *name = xmlGetNoNsProp (node, (const xmlChar *)"name");
          gboolean pattern = xmlStrEqual (name, (const xmlChar *)"pattern");

          xmlFree (name);
          if (pattern)
            {
              xmlUnlinkNode (node);
              xmlFreeNode (node);
              continue;
            }
        }
      drop_patterns (node->children);
      if (xmlStrEqual (node->name, (const xmlChar *)"data") && !has_param (node))
        {
          xmlChar *type = xmlGetNoNsProp (node, (const xmlChar *)"type");

          if (xmlStrEqual (type, (const xmlChar *)"string"))
            xmlSetProp (node, (const xmlChar *)"datatypeLibrary", (const xmlChar *)"");
          xmlFree (type);
        }
    }
}

static xmlRelaxNGPtr
get_schema (void)
{
  static gsize initialized = 0;
  static xmlRelaxNGPtr schema = NULL;

  if (g_once_init_enter (&initialized))
    {
      g_autoptr(GBytes) bytes = ss_study_get_schema ();
      gsize len;
      const char *data = g_bytes_get_data (bytes, &len);
      xmlDoc *doc = xmlReadMemory (data, (int)len, "supplyshift.rng", NULL, XML_PARSE_NONET);
      xmlRelaxNGParserCtxtPtr ctxt;

      if (doc != NULL)
        {
          drop_patterns (xmlDocGetRootElement (doc));
          /* The context works on a copy of the document. */
          ctxt = xmlRelaxNGNewDocParserCtxt (doc);
          schema = xmlRelaxNGParse (ctxt);
          xmlRelaxNGFreeParserCtxt (ctxt);
          xmlFreeDoc (doc);
        }
      if (schema == NULL)
        g_critical ("The built-in RELAX NG schema does not compile");
      g_once_init_leave (&initialized, 1);
    }
  return schema;
}

GBytes *
ss_study_get_schema (void)
{
  return g_resource_lookup_data (ss_model_get_resource (), SS_SCHEMA_RESOURCE, 0, NULL);
}

static void
on_schema_error (void     *data,
                 xmlError *error)
{
  g_autofree char *message = ss_xml_error_text (error);

  if (message != NULL)
    report (data, error->line, "%s", message);
}

static void
validate_schema (Loader *l,
                 xmlDoc *doc)
{
  xmlRelaxNGPtr schema = get_schema ();
  xmlRelaxNGValidCtxtPtr ctxt;

  if (schema == NULL)
    return;
  ctxt = xmlRelaxNGNewValidCtxt (schema);
  xmlRelaxNGSetValidStructuredErrors (ctxt, (xmlStructuredErrorFunc)on_schema_error, l);
  xmlRelaxNGValidateDoc (ctxt, doc);
  xmlRelaxNGFreeValidCtxt (ctxt);
}

/* Reading a valid study while it is parsed
 * ========================================
 *
 * The whole tree of a 4 000-item study with 10 scenarios is some 800 MiB
 * of libxml2 nodes, and building and freeing it was most of the time of
 * loading one. So a study is first read as it is parsed: each <item>
 * and each child of a <scenario> is handed to the same code as above
 * when it is complete, then freed, and the schema follows the parse
 * through libxml2's progressive RELAX NG validation (what xmlTextReader
 * does). An element whose content model libxml2 cannot check
 * progressively (<meta>, an <item>, a <scenario>: optional attributes) is
 * validated whole at its end and freed after that, so what is held at
 * once is at most one scenario.
 *
 * The schema does not follow it into a <scenario>: libxml2's progressive
 * validation costs a few allocations an element, and a scenario may hold
 * 160 000 <target>s. Every child of a scenario is an element of no
 * namespace that holds text or nothing, whose name, attributes (no other,
 * none in a namespace, the required ones there) and text the loader checks
 * itself; this pass adds that such a child holds no element and has no
 * namespace. What the schema would refuse there is still refused, and the
 * whole tree's schema check then says why.
 *
 * This pass only tells whether the file is valid. At its first problem
 * of any kind (the parser's, the loader's or the schema's), or when the
 * parts of <study> are not in their order, it stops, and the file is read
 * again the whole-tree way above, which reports every problem, in the
 * order and with the words it always has. */

enum { PART_META, PART_COUNTRIES, PART_ITEMS, PART_SCENARIOS, N_PARTS };

typedef struct
{
  Loader                 *l;
  xmlRelaxNGValidCtxtPtr  rng;
  xmlNode                *rng_whole;   /* validated whole at its end */
  xmlNode                *rng_skip;    /* a child of a scenario: not shown */
  xmlNode                *read;        /* holds elements read, to be freed */
  gboolean                rng_failed;
  xmlNode                *root;
  xmlNode                *part;        /* the child of <study> being read */
  int                     part_index;
  guint                   parts_seen;
  guint                   count;       /* of <item> or <scenario> so far */
  int                     countries_line;
  char                   *home;
  int                     home_line;
  xmlNode                *scenario_node;
  SsScenario             *scenario;
  char                   *scenario_context;
  ScenarioRead            scenario_read;
} Stream;

static void
on_stream_schema_error (void     *data,
                        xmlError *error)
{
  Stream *st = data;

  if (error->level >= XML_ERR_ERROR)
    st->rng_failed = TRUE;
}

/* Takes a node read in full out of the tree, unless the schema has yet
 * to see it whole. An element is freed once the next element is pushed:
 * until then libxml2's validation context may point at it, or at one of
 * its descendants, to describe a problem. Till then it is a child of
 * st->read, an element next to the root that goes with the document
 * wherever the parse ends. */
static void
stream_drop (Stream  *st,
             xmlNode *node)
{
  if (st->rng_whole != NULL)
    return;
  xmlUnlinkNode (node);
  if (node->type == XML_ELEMENT_NODE && st->read != NULL)
    xmlAddChild (st->read, node);
  else
    xmlFreeNode (node);
}

static void
free_read (Stream *st)
{
  if (st->read == NULL || st->read->children == NULL)
    return;
  xmlFreeNodeList (st->read->children);
  st->read->children = st->read->last = NULL;
}

static gboolean
is_streamed_parent (Stream  *st,
                    xmlNode *parent)
{
  return parent == st->root
      || (parent == st->part && (st->part_index == PART_ITEMS || st->part_index == PART_SCENARIOS))
      || (parent == st->scenario_node && parent != NULL);
}

static gboolean
on_stream_start (gpointer data,
                 xmlNode *node)
{
  static const char *order[] = { "meta", "countries", "items", "scenarios" };
  static const char *no_attrs[] = { NULL };
  Stream *st = data;
  Loader *l = st->l;
  xmlNode *parent = node->parent;

  /* The schema does not see the children of a <scenario> (below). They
   * are all empty elements or text only, in no namespace. */
  if (st->rng_skip != NULL)
    return FALSE;
  if (parent != NULL && parent == st->scenario_node && st->rng_whole == NULL)
    {
      if (node->ns != NULL)
        return FALSE;
      st->rng_skip = node;
    }
  else if (st->rng_whole == NULL)
    {
      int ret = xmlRelaxNGValidatePushElement (st->rng, node->doc, node);

      if (ret == 0)
        st->rng_whole = node;
      else if (ret != 1)
        st->rng_failed = TRUE;
      /* The context now points at this element. */
      free_read (st);
    }
  if (st->rng_failed)
    return FALSE;

  if (parent == NULL || parent->type != XML_ELEMENT_NODE)
    {
      st->root = node;
      st->read = xmlNewDocNode (node->doc, NULL, (const xmlChar *)"read", NULL);
      xmlAddChild ((xmlNode *)node->doc, st->read);
      return start_study (l, node) && l->count == 0;
    }
  if (parent == st->root)
    {
      int k = -1;

      for (guint p = 0; p < N_PARTS; p++)
        if (node->ns == NULL && g_str_equal (name_of (node), order[p]))
          k = (int)p;
      /* Unknown, repeated or out of order: the whole tree tells which. */
      if (k < 0 || k <= st->part_index)
        return FALSE;
      st->part = node;
      st->part_index = k;
      st->parts_seen |= 1u << k;
      st->count = 0;
      if (k == PART_ITEMS)
        check_attributes (l, node, "<items>", no_attrs);
      else if (k == PART_SCENARIOS)
        check_attributes (l, node, "<scenarios>", no_attrs);
      return l->count == 0;
    }
  if (parent == st->part && st->part_index == PART_SCENARIOS)
    {
      st->scenario = start_scenario (l, node, &st->count, &st->scenario_context);
      if (st->scenario == NULL)
        return FALSE;
      st->scenario_node = node;
      scenario_read_init (l, &st->scenario_read);
      return l->count == 0;
    }
  return TRUE;
}

static gboolean
on_stream_text (gpointer data,
                xmlNode *text)
{
  Stream *st = data;

  /* White space between the elements read one by one, which the schema
   * ignores: anything else there is a problem. */
  if (is_streamed_parent (st, text->parent))
    {
      if (!is_blank_text (text))
        return FALSE;
      stream_drop (st, text);
      return TRUE;
    }
  if (st->rng_whole == NULL && st->rng_skip == NULL
      && xmlRelaxNGValidatePushCData (st->rng, text->content, xmlStrlen (text->content)) != 1)
    st->rng_failed = TRUE;
  return !st->rng_failed;
}

static gboolean
on_stream_end (gpointer data,
               xmlNode *node)
{
  Stream *st = data;
  Loader *l = st->l;
  xmlNode *parent = node->parent;

  if (st->rng_skip == node)
    st->rng_skip = NULL;
  else if (st->rng_whole == node)
    {
      if (xmlRelaxNGValidateFullElement (st->rng, node->doc, node) != 1)
        st->rng_failed = TRUE;
      st->rng_whole = NULL;
    }
  else if (st->rng_whole == NULL && xmlRelaxNGValidatePopElement (st->rng, node->doc, node) != 1)
    st->rng_failed = TRUE;
  if (st->rng_failed)
    return FALSE;

  if (node == st->root)
    return TRUE;
  if (parent == st->root)
    {
      switch (st->part_index)
        {
        case PART_META:
          load_meta (l, node, &st->home_line, &st->home);
          break;
        case PART_COUNTRIES:
          load_countries (l, node);
          st->countries_line = line_of (node);
          if (st->home != NULL)
            set_home (l, st->home, st->home_line);
          break;
        case PART_ITEMS:
          if (st->count == 0)
            return FALSE;
          break;
        default:
          break;
        }
      st->part = NULL;
      stream_drop (st, node);
    }
  else if (parent == st->part && st->part_index == PART_ITEMS)
    {
      load_item (l, node, &st->count);
      stream_drop (st, node);
    }
  else if (parent == st->part && st->part_index == PART_SCENARIOS)
    {
      finish_scenario (l, st->scenario, st->scenario_context, &st->scenario_read);
      scenario_read_clear (&st->scenario_read);
      g_clear_pointer (&st->scenario_context, g_free);
      st->scenario = NULL;
      st->scenario_node = NULL;
      stream_drop (st, node);
    }
  else if (parent == st->scenario_node && parent != NULL)
    {
      load_scenario_child (l, node, st->scenario, st->scenario_context, &st->scenario_read);
      /* Never shown to the schema, so nothing there points at it. */
      if (st->rng_whole == NULL)
        {
          xmlUnlinkNode (node);
          xmlFreeNode (node);
        }
    }
  return l->count == 0;
}

/* TRUE when the file is a valid study, read into l->study; FALSE at its
 * first problem, with l->study half read. */
static gboolean
load_streaming (Loader     *l,
                const char *data,
                gsize       len)
{
  static const SsXmlStream funcs = { on_stream_start, on_stream_text, on_stream_end };
  xmlRelaxNGPtr schema = get_schema ();
  Stream st = { l, NULL, NULL, NULL, NULL, FALSE, NULL, NULL, -1, 0, 0, 0, NULL, 0, NULL, NULL, NULL, { 0 } };
  gboolean ok;

  if (schema == NULL)
    return FALSE;
  st.rng = xmlRelaxNGNewValidCtxt (schema);
  xmlRelaxNGSetValidStructuredErrors (st.rng, (xmlStructuredErrorFunc)on_stream_schema_error, &st);
  ok = ss_xml_read_untrusted_stream (data, len, l->display, _("study files"), MAX_DEPTH, report_xml, l,
                                     &funcs, &st);
  ok = ok && !st.rng_failed && l->count == 0
    && (st.parts_seen & ((1u << PART_META) | (1u << PART_COUNTRIES) | (1u << PART_ITEMS)))
       == ((1u << PART_META) | (1u << PART_COUNTRIES) | (1u << PART_ITEMS));
  if (ok)
    check_joint_states (l, st.countries_line);
  scenario_read_clear (&st.scenario_read);
  g_free (st.scenario_context);
  g_free (st.home);
  xmlRelaxNGFreeValidCtxt (st.rng);
  return ok && l->count == 0;
}

SsStudy *
_ss_study_load_streaming (GBytes     *bytes,
                          const char *display_name)
{
  g_autoptr(SsStudy) study = ss_study_new ();
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GArray) scenario_line = g_array_new (FALSE, FALSE, sizeof (int));
  Loader l = { display_name, text, 0, study, 1, { 0 }, scenario_line, TRUE };
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);

  g_return_val_if_fail (display_name != NULL, NULL);

  if (len > SS_STUDY_FILE_MAX_SIZE || len > G_MAXINT || !load_streaming (&l, data, len))
    return NULL;
  return g_steal_pointer (&study);
}

SsStudy *
_ss_study_load_whole (GBytes      *bytes,
                      const char  *display_name,
                      GError     **error)
{
  g_autoptr(SsStudy) study = ss_study_new ();
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GArray) scenario_line = g_array_new (FALSE, FALSE, sizeof (int));
  Loader l = { display_name, text, 0, study, 1, { 0 }, scenario_line, FALSE };
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);
  xmlDoc *doc;

  g_return_val_if_fail (display_name != NULL, NULL);

  if (len > SS_STUDY_FILE_MAX_SIZE)
    {
      g_autofree char *size = g_strdup_printf ("%" G_GSIZE_FORMAT, len);

      report (&l, 1, _("the file is %s bytes, more than the %d MiB a study may have"), size,
              SS_STUDY_FILE_MAX_SIZE / (1024 * 1024));
    }
  else if (len > G_MAXINT)
    report (&l, 1, _("the file is too large"));
  else if ((doc = ss_xml_read_untrusted (data, len, display_name, _("study files"), MAX_DEPTH,
                                         report_xml, &l)) != NULL)
    {
      load_study (&l, xmlDocGetRootElement (doc));
      if (l.count == 0)
        validate_schema (&l, doc);
      xmlFreeDoc (doc);
    }

  if (l.count > 0)
    {
      g_set_error_literal (error, SS_STUDY_ERROR, SS_STUDY_ERROR_INVALID, text->str);
      return NULL;
    }
  return g_steal_pointer (&study);
}

SsStudy *
ss_study_load_bytes (GBytes      *bytes,
                     const char  *display_name,
                     GError     **error)
{
  SsStudy *study;

  g_return_val_if_fail (display_name != NULL, NULL);

  if ((study = _ss_study_load_streaming (bytes, display_name)) != NULL)
    return study;
  /* Again, from the start, to describe every problem. */
  g_debug ("%s: not a valid study as read streaming; reading the whole tree", display_name);
  return _ss_study_load_whole (bytes, display_name, error);
}

/* GIO's messages repeat the path, which the line already starts with. */
static const char *
read_error_message (GError *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    return _("no such file");
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED))
    return _("permission denied");
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY))
    return _("is a folder, not a study file");
  return error->message;
}

SsStudy *
ss_study_load_file (GFile       *file,
                    const char  *display_name,
                    GError     **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *fallback = NULL;
  char *contents = NULL;
  gsize len;

  if (display_name == NULL)
    display_name = fallback = g_file_get_parse_name (file);

  /* Refuse an oversized file before reading it into memory. */
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, NULL, &local_error);
  if (info == NULL)
    {
      /* Translators: a file, then why it cannot be read, "a.supplyshift: error: no such file" */
      g_set_error (error, SS_STUDY_ERROR, SS_STUDY_ERROR_READ, _("%s: error: %s"), display_name,
                   read_error_message (local_error));
      return NULL;
    }
  if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      g_set_error (error, SS_STUDY_ERROR, SS_STUDY_ERROR_READ, _("%s: error: is a folder, not a study file"),
                   display_name);
      return NULL;
    }
  if (g_file_info_get_size (info) > SS_STUDY_FILE_MAX_SIZE)
    {
      g_autofree char *size = g_strdup_printf ("%" G_GOFFSET_FORMAT, g_file_info_get_size (info));

      g_set_error (error, SS_STUDY_ERROR, SS_STUDY_ERROR_INVALID,
                   _("%s:1: error: the file is %s bytes, more than the %d MiB a study may have"),
                   display_name, size, SS_STUDY_FILE_MAX_SIZE / (1024 * 1024));
      return NULL;
    }
  if (!g_file_load_contents (file, NULL, &contents, &len, NULL, &local_error))
    {
      g_set_error (error, SS_STUDY_ERROR, SS_STUDY_ERROR_READ, _("%s: error: %s"), display_name,
                   read_error_message (local_error));
      return NULL;
    }
  bytes = g_bytes_new_take (contents, len);
  return ss_study_load_bytes (bytes, display_name, error);
}

SsStudy *
ss_study_load_sample (void)
{
  g_autoptr(GBytes) bytes = g_resource_lookup_data (ss_model_get_resource (), SS_SAMPLE_STUDY_RESOURCE,
                                                    0, NULL);
  g_autoptr(GError) error = NULL;
  SsStudy *study;

  g_return_val_if_fail (bytes != NULL, NULL);
  study = ss_study_load_bytes (bytes, "korea-key-materials.supplyshift", &error);
  if (study == NULL)
    g_critical ("The built-in sample study does not load: %s", error->message);
  return study;
}
