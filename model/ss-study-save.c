/* ss-study-save.c: writes a study in the canonical layout of file-format.md
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The layout is fixed (element order, two-space indents, attributes in the
 * order of the spec's tables, shortest round-trip numbers), so saving an
 * unchanged study gives the same bytes and a changed one gives a small
 * diff. Written by hand rather than through xmlSaveFormatFile, which
 * controls neither attribute order nor number format.
 */

#define G_LOG_DOMAIN "supplyshift-save"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "ss-attrs.h"
#include "ss-study-file.h"
#include "ss-xml-text.h"

/* Escapes for an attribute value (in_attribute) or element text. Tabs and
 * line breaks in an attribute are written as references, or the reader's
 * attribute normalisation would turn them into spaces; a carriage return
 * in text likewise, or it would come back as a line feed. Other control
 * characters cannot appear in XML 1.0 at all, even as references: they
 * are copied, and check_xml_text() refuses the save, rather than being
 * dropped without a word. */
static void
append_escaped_full (GString    *out,
                     const char *text,
                     gboolean    in_attribute)
{
  for (const char *p = text; *p; p++)
    {
      guchar c = *p;

      switch (c)
        {
        case '&': g_string_append (out, "&amp;"); break;
        case '<': g_string_append (out, "&lt;"); break;
        case '>': g_string_append (out, "&gt;"); break;
        case '"':
          g_string_append (out, in_attribute ? "&quot;" : "\"");
          break;
        case '\r': g_string_append (out, "&#13;"); break;
        case '\t':
          g_string_append (out, in_attribute ? "&#9;" : "\t");
          break;
        case '\n':
          g_string_append (out, in_attribute ? "&#10;" : "\n");
          break;
        default:
          g_string_append_c (out, c);
          break;
        }
    }
}

static void
append_escaped (GString    *out,
                const char *text)
{
  append_escaped_full (out, text, FALSE);
}

static void
append_attr (GString    *out,
             const char *name,
             const char *value)
{
  g_string_append_printf (out, " %s=\"", name);
  append_escaped_full (out, value, TRUE);
  g_string_append_c (out, '"');
}

static void
append_number_attr (GString    *out,
                    const char *name,
                    double      value)
{
  char buf[SS_NUMBER_BUF];

  ss_format_number (buf, sizeof buf, value);
  g_string_append_printf (out, " %s=\"%s\"", name, buf);
}

static void
append_text_element (GString    *out,
                     const char *indent,
                     const char *name,
                     const char *text)
{
  g_string_append_printf (out, "%s<%s>", indent, name);
  append_escaped (out, text);
  g_string_append_printf (out, "</%s>\n", name);
}

static void
append_number_element (GString    *out,
                       const char *indent,
                       const char *name,
                       double      value)
{
  char buf[SS_NUMBER_BUF];

  ss_format_number (buf, sizeof buf, value);
  g_string_append_printf (out, "%s<%s>%s</%s>\n", indent, name, buf, name);
}

char *
ss_study_to_xml (const SsStudy *study)
{
  const SsMeta *meta = ss_study_get_meta (study);
  guint nc = ss_study_get_n_countries (study);
  guint ni = ss_study_get_n_items (study);
  guint ns = ss_study_get_n_scenarios (study);
  GString *out = g_string_sized_new (4096 + ni * 400);

  /* Version 1 unless the study uses something of version 2, so a
   * version-1 file saves as it was. */
  g_string_append_printf (out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<study version=\"%d\">\n",
                          ss_study_uses_version_2 (study) ? 2 : 1);

  g_string_append (out, "  <meta>\n");
  append_text_element (out, "    ", "title", meta->title);
  if (*meta->description)
    append_text_element (out, "    ", "description", meta->description);
  g_string_append_printf (out, "    <base-year>%d</base-year>\n", meta->base_year);
  g_string_append_printf (out, "    <horizon>%d</horizon>\n", meta->horizon);
  append_text_element (out, "    ", "currency", meta->currency);
  append_number_element (out, "    ", "discount-rate", meta->discount_rate);
  if (nc > 0)
    append_text_element (out, "    ", "home", ss_study_get_country (study, meta->home)->code);
  g_string_append (out, "    <thresholds");
  append_number_attr (out, "watch", meta->threshold[0]);
  append_number_attr (out, "warning", meta->threshold[1]);
  append_number_attr (out, "critical", meta->threshold[2]);
  g_string_append (out, "/>\n");
  for (guint k = 0; k < meta->policy_targets->len; k++)
    {
      const SsPolicyTarget *target = &g_array_index (meta->policy_targets, SsPolicyTarget, k);

      g_string_append_printf (out, "    <policy-target year=\"%d\"", target->year);
      append_number_attr (out, "share", target->share);
      g_string_append (out, "/>\n");
    }
  if (*meta->source)
    append_text_element (out, "    ", "source", meta->source);
  g_string_append (out, "  </meta>\n");

  g_string_append (out, "  <countries>\n");
  for (guint c = 0; c < nc; c++)
    {
      const SsCountry *country = ss_study_get_country (study, c);

      g_string_append (out, "    <country");
      append_attr (out, "code", country->code);
      append_attr (out, "name", country->name);
      if (country->group != NULL)
        append_attr (out, "group", country->group);
      for (guint a = 0; a < SS_COUNTRY_N_ATTRS; a++)
        append_number_attr (out, ss_country_attrs[a].name, country->attr[a]);
      g_string_append (out, "/>\n");
    }
  g_string_append (out, "  </countries>\n");

  g_string_append (out, "  <items>\n");
  for (guint i = 0; i < ni; i++)
    {
      const SsItem *item = ss_study_get_item (study, i);

      g_string_append (out, "    <item");
      append_attr (out, "code", item->code);
      append_attr (out, "name", item->name);
      if (*item->category)
        append_attr (out, "category", item->category);
      for (guint a = 0; a < SS_ITEM_N_ATTRS; a++)
        if (ss_item_attrs[a].required || (item->set & (1u << a)))
          append_number_attr (out, ss_item_attrs[a].name, item->attr[a]);
      g_string_append (out, ">\n");
      for (guint c = 0; c < nc; c++)
        {
          const SsSource *source = &item->sources[c];

          if (!source->listed)
            continue;
          g_string_append (out, "      <source");
          append_attr (out, "country", ss_study_get_country (study, c)->code);
          for (guint a = 0; a < SS_SOURCE_N_ATTRS; a++)
            if (a == SS_SOURCE_SHARE || (source->set & (1u << a)))
              append_number_attr (out, ss_source_attrs[a].name, source->attr[a]);
          g_string_append (out, "/>\n");
        }
      g_string_append (out, "    </item>\n");
    }
  g_string_append (out, "  </items>\n");

  g_string_append (out, ns > 0 ? "  <scenarios>\n" : "  <scenarios/>\n");
  for (guint s = 0; s < ns; s++)
    {
      const SsScenario *scenario = ss_study_get_scenario (study, s);

      g_string_append (out, "    <scenario");
      append_attr (out, "id", scenario->id);
      append_attr (out, "name", scenario->name);
      if (scenario->kind == SS_SCENARIO_SHOCK)
        append_attr (out, "kind", "shock");
      g_string_append (out, ">\n");
      if (*scenario->description)
        append_text_element (out, "      ", "description", scenario->description);
      /* A shock scenario has no levers (file-format.md). */
      if (scenario->kind == SS_SCENARIO_STRATEGY)
        {
          append_number_element (out, "      ", "transition-years", scenario->transition_years);
          append_number_element (out, "      ", "switching-cost", scenario->switching_cost);
          append_number_element (out, "      ", "subsidy", scenario->subsidy);
        }
      if (scenario->has_stockpile_all)
        {
          g_string_append (out, "      <stockpile");
          append_number_attr (out, "days", scenario->stockpile_all);
          g_string_append (out, "/>\n");
        }
      for (guint i = 0; i < ni; i++)
        if (!isnan (scenario->stockpile[i]))
          {
            g_string_append (out, "      <stockpile");
            append_attr (out, "item", ss_study_get_item (study, i)->code);
            append_number_attr (out, "days", scenario->stockpile[i]);
            g_string_append (out, "/>\n");
          }
      for (guint o = 0; o < scenario->overrides->len; o++)
        {
          const SsCountryOverride *ov = &g_array_index (scenario->overrides, SsCountryOverride, o);

          g_string_append (out, "      <country");
          append_attr (out, "code", ss_study_get_country (study, ov->country)->code);
          for (guint a = 0; a < SS_COUNTRY_N_ATTRS; a++)
            if (ov->set & (1u << a))
              append_number_attr (out, ss_country_attrs[a].name, ov->attr[a]);
          g_string_append (out, "/>\n");
        }
      for (guint k = 0; k < scenario->shocks->len; k++)
        {
          const SsShock *shock = &g_array_index (scenario->shocks, SsShock, k);

          g_string_append (out, "      <shock");
          append_attr (out, "country", ss_study_get_country (study, shock->country)->code);
          if (shock->items != NULL)
            {
              g_string_append (out, " items=\"");
              for (guint j = 0; j < shock->n_items; j++)
                {
                  if (j > 0)
                    g_string_append_c (out, ' ');
                  append_escaped_full (out, ss_study_get_item (study, shock->items[j])->code, TRUE);
                }
              g_string_append_c (out, '"');
            }
          for (guint d = 0; d < SS_DISRUPTION_N; d++)
            if (shock->set & (1u << d))
              append_number_attr (out, ss_country_attrs[SS_COUNTRY_DISRUPTION (d)].name,
                                  shock->value[d]);
          g_string_append (out, "/>\n");
        }
      /* Zero targets are not written: a country a scenario does not name
       * gets no share, so the file says the same with fewer lines. */
      for (guint i = 0; i < ni && scenario->kind == SS_SCENARIO_STRATEGY; i++)
        for (guint c = 0; scenario->targets[i] != NULL && c < nc; c++)
          if (scenario->targets[i][c] > 0)
            {
              g_string_append (out, "      <target");
              append_attr (out, "item", ss_study_get_item (study, i)->code);
              append_attr (out, "country", ss_study_get_country (study, c)->code);
              append_number_attr (out, "share", scenario->targets[i][c]);
              g_string_append (out, "/>\n");
            }
      g_string_append (out, "    </scenario>\n");
    }
  if (ns > 0)
    g_string_append (out, "  </scenarios>\n");
  g_string_append (out, "</study>\n");

  return g_string_free (out, FALSE);
}

/* Where in the XML the first character no study file can hold is:
 * "in <title> on line 3" or "in name=\"…\" of <item> on line 12". */
static char *
describe_place (const char *xml,
                gsize       offset)
{
  const char *lt = NULL, *quote = NULL;
  guint line = 1;
  g_autofree char *element = NULL;

  for (gsize k = 0; k < offset; k++)
    {
      if (xml[k] == '\n')
        line++;
      else if (xml[k] == '<' && xml[k + 1] != '/')
        lt = xml + k, quote = NULL;
      else if (xml[k] == '"' && lt != NULL)
        quote = quote == NULL ? xml + k : NULL;
    }
  if (lt == NULL)
    return g_strdup_printf (_("on line %u"), line);
  element = g_strndup (lt + 1, strcspn (lt + 1, " />"));
  if (quote != NULL && quote > lt + 1 && quote[-1] == '=')
    {
      const char *end = quote - 1, *start = end;
      g_autofree char *attribute = NULL;

      while (start > lt && start[-1] != ' ')
        start--;
      attribute = g_strndup (start, end - start);
      /* Translators: "in name="…" of <item> on line 12" */
      return g_strdup_printf (_("in %s=\"…\" of <%s> on line %u"), attribute, element, line);
    }
  /* Translators: "in <title> on line 3" */
  return g_strdup_printf (_("in <%s> on line %u"), element, line);
}

/* The saver writes what the study holds; text no XML reader would take
 * back (ss-xml-text.c) is refused here, before anything is written. */
static gboolean
check_xml_text (const char  *xml,
                gsize        len,
                GFile       *file,
                GError     **error)
{
  g_autofree char *place = NULL, *display = NULL, *problem = NULL;
  gsize offset;
  gunichar c;

  if (!ss_xml_text_find_invalid (xml, len, &offset, &c))
    return TRUE;
  place = describe_place (xml, offset);
  display = g_file_get_parse_name (file);
  if (c == (gunichar)-1)
    problem = g_strdup (_("bytes that are not UTF-8 text"));
  else
    problem = g_strdup_printf ("U+%04X", c);
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
               /* Translators: "The study holds U+FFFE in <title> on line 3, which a
                * study file cannot hold; remove it and save again. “x” was left as it is." */
               _("The study holds %s %s, which a study file cannot hold; remove it and save "
                 "again. “%s” was left as it is."), problem, place, display);
  return FALSE;
}

/**
 * ss_study_save_file_full:
 * @study: the study
 * @file: where to save it; a link is followed and the file it names
 *   replaced
 * @make_backup: keep the old file as NAME~
 * @stamp: (out) (optional): what the saved file is on disk, to tell
 *   later whether someone else changed it
 * @error: why it was not saved; the old file is then as it was
 *
 * Writes through ss-safe-file.c: atomically, keeping owner and
 * permissions, refusing read-only files and anything that is not a
 * regular file. Files not on a local path go through GIO.
 */
gboolean
ss_study_save_file_full (const SsStudy  *study,
                         GFile          *file,
                         gboolean        make_backup,
                         SsFileStamp    *stamp,
                         GError        **error)
{
  g_autofree char *xml = ss_study_to_xml (study);
  g_autofree char *path = g_file_get_path (file);
  gsize len = strlen (xml);

  if (stamp != NULL)
    memset (stamp, 0, sizeof *stamp);
  if (!check_xml_text (xml, len, file, error))
    return FALSE;
  if (path == NULL)
    return g_file_replace_contents (file, xml, len, NULL, make_backup, G_FILE_CREATE_NONE, NULL, NULL,
                                    error);
  return ss_safe_file_set_contents (path, xml, len,
                                    make_backup ? SS_SAFE_FILE_BACKUP : SS_SAFE_FILE_NONE,
                                    stamp, error);
}

gboolean
ss_study_save_file (const SsStudy  *study,
                    GFile          *file,
                    gboolean        make_backup,
                    GError        **error)
{
  return ss_study_save_file_full (study, file, make_backup, NULL, error);
}
