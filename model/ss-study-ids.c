/* ss-study-ids.c: the codes and ids a study file allows, and new unique ones
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Country codes, item codes, group labels and scenario ids follow the
 * patterns of file-format.md; a new scenario or item gets an id made
 * from its name and unique in the study.
 */

#define G_LOG_DOMAIN "supplyshift-study"

#include "config.h"

#include <string.h>

#include "ss-study.h"

static gboolean
all_chars (const char  *text,
           gsize        min_len,
           gsize        max_len,
           gboolean   (*ok) (char c))
{
  gsize len;

  if (text == NULL)
    return FALSE;
  len = strlen (text);
  if (len < min_len || len > max_len)
    return FALSE;
  for (const char *p = text; *p; p++)
    if (!ok (*p))
      return FALSE;
  return TRUE;
}

static gboolean
is_upper (char c)
{
  return c >= 'A' && c <= 'Z';
}

static gboolean
is_item_char (char c)
{
  return g_ascii_isalnum (c) || c == '.' || c == '_' || c == '-';
}

static gboolean
is_group_char (char c)
{
  return g_ascii_isalnum (c) || c == '_' || c == '-';
}

static gboolean
is_id_char (char c)
{
  return (c >= 'a' && c <= 'z') || g_ascii_isdigit (c) || c == '-';
}

/* The code patterns of file-format.md, for the loader and the editor's
 * input checks. Checked by hand: a GRegex per attribute would cost more
 * than the rest of loading a 10 000-item study. */
gboolean
ss_is_country_code (const char *text)
{
  return all_chars (text, 2, 2, is_upper);
}

gboolean
ss_is_item_code (const char *text)
{
  return all_chars (text, 1, 32, is_item_char);
}

gboolean
ss_is_group_label (const char *text)
{
  return all_chars (text, 1, 32, is_group_char);
}

gboolean
ss_is_scenario_id (const char *text)
{
  return all_chars (text, 1, 64, is_id_char) && text[0] != '-';
}

/* Keeps the characters `ok` accepts, lowered when `lower`, and turns every
 * run of others into one '-'; no '-' at either end. */
static char *
slug (const char  *text,
      gsize        max_len,
      gboolean     lower,
      gboolean   (*ok) (char c))
{
  g_autofree char *ascii = g_str_to_ascii (text != NULL ? text : "", "C");
  GString *out = g_string_new (NULL);
  gboolean dash = FALSE;

  for (const char *p = ascii; *p && out->len < max_len; p++)
    {
      char c = lower ? g_ascii_tolower (*p) : *p;

      if (ok (c) && c != '-')
        {
          if (dash && out->len > 0 && out->len + 1 < max_len)
            g_string_append_c (out, '-');
          g_string_append_c (out, c);
          dash = FALSE;
        }
      else
        dash = TRUE;
    }
  return g_string_free (out, FALSE);
}

/* `base`, or `base-2`, `base-3`… shortened so the suffix fits in max_len,
 * the first that `taken` says is free. */
static char *
make_unique (const char  *base,
             gsize        max_len,
             gboolean   (*taken) (const SsStudy *self, const char *text),
             const SsStudy *self)
{
  if (!taken (self, base))
    return g_strdup (base);

  for (guint k = 2; ; k++)
    {
      char suffix[16];
      gsize keep;
      g_autofree char *stem = NULL;

      g_snprintf (suffix, sizeof suffix, "-%u", k);
      keep = MIN (strlen (base), max_len - strlen (suffix));
      stem = g_strndup (base, keep);
      while (keep > 0 && stem[keep - 1] == '-')
        stem[--keep] = '\0';
      if (keep == 0)
        continue;

      {
        g_autofree char *candidate = g_strconcat (stem, suffix, NULL);

        if (!taken (self, candidate))
          return g_steal_pointer (&candidate);
      }
    }
}

static gboolean
scenario_id_taken (const SsStudy *self,
                   const char    *id)
{
  return g_str_equal (id, "baseline") || ss_study_find_scenario (self, id) >= 0;
}

/* A scenario id made from its name: "China +1 (2030)" → "china-1-2030". */
char *
ss_study_unique_scenario_id (const SsStudy *self,
                             const char    *name)
{
  g_autofree char *base = slug (name, 64, TRUE, is_id_char);

  if (*base == '\0')
    {
      g_free (base);
      base = g_strdup ("scenario");
    }
  return make_unique (base, 64, scenario_id_taken, self);
}

static gboolean
item_code_taken (const SsStudy *self,
                 const char    *code)
{
  return ss_study_find_item (self, code) >= 0;
}

char *
ss_study_unique_item_code (const SsStudy *self,
                           const char    *stem)
{
  g_autofree char *base = slug (stem, 32, FALSE, is_item_char);

  if (*base == '\0')
    {
      g_free (base);
      base = g_strdup ("item");
    }
  return make_unique (base, 32, item_code_taken, self);
}
