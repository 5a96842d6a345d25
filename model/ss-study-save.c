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

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "ss-attrs.h"
#include "ss-study-file.h"

/* Escapes for an attribute value (in_attribute) or element text. Tabs and
 * line breaks in an attribute are written as references, or the reader's
 * attribute normalisation would turn them into spaces; a carriage return
 * in text likewise, or it would come back as a line feed. Other control
 * characters cannot appear in XML 1.0 at all, even as references, and are
 * left out. */
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
          if (c >= 0x20 || c == 0x7f)
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
ss_study_to_xml (SsStudy *study)
{
  SsMeta *meta = ss_study_get_meta (study);
  guint nc = ss_study_get_n_countries (study);
  guint ni = ss_study_get_n_items (study);
  guint ns = ss_study_get_n_scenarios (study);
  GString *out = g_string_sized_new (4096 + ni * 400);

  g_string_append (out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<study version=\"1\">\n");

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
  if (*meta->source)
    append_text_element (out, "    ", "source", meta->source);
  g_string_append (out, "  </meta>\n");

  g_string_append (out, "  <countries>\n");
  for (guint c = 0; c < nc; c++)
    {
      SsCountry *country = ss_study_get_country (study, c);

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
      SsItem *item = ss_study_get_item (study, i);

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
          SsSource *source = &item->sources[c];

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
      SsScenario *scenario = ss_study_get_scenario (study, s);

      g_string_append (out, "    <scenario");
      append_attr (out, "id", scenario->id);
      append_attr (out, "name", scenario->name);
      g_string_append (out, ">\n");
      if (*scenario->description)
        append_text_element (out, "      ", "description", scenario->description);
      append_number_element (out, "      ", "transition-years", scenario->transition_years);
      append_number_element (out, "      ", "switching-cost", scenario->switching_cost);
      append_number_element (out, "      ", "subsidy", scenario->subsidy);
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
          SsCountryOverride *ov = &g_array_index (scenario->overrides, SsCountryOverride, o);

          g_string_append (out, "      <country");
          append_attr (out, "code", ss_study_get_country (study, ov->country)->code);
          for (guint a = 0; a < SS_COUNTRY_N_ATTRS; a++)
            if (ov->set & (1u << a))
              append_number_attr (out, ss_country_attrs[a].name, ov->attr[a]);
          g_string_append (out, "/>\n");
        }
      /* Zero targets are not written: a country a scenario does not name
       * gets no share, so the file says the same with fewer lines. */
      for (guint i = 0; i < ni; i++)
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

/* Writes to a temporary file in the same folder, flushes it to disk and
 * renames it over the old file, so a crash, a full disk or a folder we
 * may not write in never leaves a half-written study: the old one stays
 * whole. (g_file_replace_contents() does the same, except that where it
 * cannot create the temporary file it overwrites the old file in place.)
 * Files not on a local path go through GIO. */
gboolean
ss_study_save_file (SsStudy   *study,
                    GFile     *file,
                    gboolean   make_backup,
                    GError   **error)
{
  g_autofree char *xml = ss_study_to_xml (study);
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *dir = NULL, *base = NULL, *tmp = NULL;
  gsize len = strlen (xml);
  GStatBuf st;
  gboolean exists;
  int fd;

  if (path == NULL)
    return g_file_replace_contents (file, xml, len, NULL, make_backup, G_FILE_CREATE_NONE, NULL, NULL,
                                    error);

  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  tmp = g_strdup_printf ("%s%c.%s.XXXXXX", dir, G_DIR_SEPARATOR, base);
  exists = g_stat (path, &st) == 0;

  fd = g_mkstemp_full (tmp, O_RDWR, 0666);
  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Cannot write in the folder “%s”: %s"), dir, g_strerror (saved));
      return FALSE;
    }

  {
    const char *p = xml;
    gsize left = len;
    gboolean ok = TRUE;

    while (left > 0 && ok)
      {
        gssize written = write (fd, p, left);

        if (written < 0 && errno == EINTR)
          continue;
        ok = written > 0;
        p += MAX (written, 0);
        left -= MAX (written, 0);
      }
    /* Keep the old file's permissions; a new file gets the umask's. */
    if (ok && exists)
      ok = fchmod (fd, st.st_mode & 07777) == 0;
    if (ok)
      ok = fsync (fd) == 0;
    if (close (fd) != 0)
      ok = FALSE;
    if (!ok)
      {
        int saved = errno;

        g_unlink (tmp);
        g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                     _("Cannot write “%s”: %s"), path, g_strerror (saved));
        return FALSE;
      }
  }

  if (make_backup && exists)
    {
      g_autofree char *backup = g_strconcat (path, "~", NULL);

      g_unlink (backup);
      if (link (path, backup) != 0)
        {
          g_autoptr(GFile) from = g_file_new_for_path (path);
          g_autoptr(GFile) to = g_file_new_for_path (backup);

          if (!g_file_copy (from, to, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, error))
            {
              g_unlink (tmp);
              return FALSE;
            }
        }
    }

  if (g_rename (tmp, path) != 0)
    {
      int saved = errno;

      g_unlink (tmp);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Cannot replace “%s”: %s"), path, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}
