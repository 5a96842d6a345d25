/* test-bidi.c: names from a study cannot reorder the text around them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A study file can name a country "Chi\u202Ena" (with a right-to-left
 * override) or start a name with a combining mark. Laid out with Pango as
 * the charts lay them out, the text composed around such a name (summaries,
 * tooltips, subtitles) must still read left to right, and a chart whose
 * names end in an override must draw exactly as one whose names do not.
 * No display is needed: Pango and cairo only.
 */

#define G_LOG_DOMAIN "supplyshift-test-bidi"

#include "config.h"

#include <string.h>

#include <pango/pangocairo.h>

#include "ss-bidi.h"
#include "ss-report.h"
#include "ss-study-file.h"
#include "ssc-chart.h"
#include "test-util.h"
#include "test-layout.h"

#define RLO "\u202E"

/* ------------------------------------------------------------------ */

static void
test_isolate (void)
{
  static const struct
  {
    const char *name;
    const char *isolated;
  } cases[] = {
    { "Vietnam", "\u2068Vietnam\u2069" },
    { "", "\u2068\u2069" },
    { "Chi" RLO "na", "\u2068Chi" RLO "na\u2069" },
    /* A stray pop would close the isolate early: dropped. */
    { "a\u2069" RLO "b", "\u2068a" RLO "b\u2069" },
    /* An isolate the name opens is closed before the name's own end. */
    { "a\u2067b", "\u2068a\u2067b\u2069\u2069" },
    { "a\u2066b\u2069c", "\u2068a\u2066b\u2069c\u2069" },
    /* A paragraph break ends every isolate: a space instead. */
    { "a\nb\u2029c", "\u2068a b c\u2069" },
    { "\xff", "\u2068\uFFFD\u2069" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *isolated = ss_bidi_isolate (cases[i].name);

      g_assert_cmpstr (isolated, ==, cases[i].isolated);
    }
}

/* ------------------------------------------------------------------ */

static PangoLayout *
new_layout (const char *text,
            gboolean    markup)
{
  PangoFontMap *map = pango_cairo_font_map_get_default ();
  PangoContext *context = pango_font_map_create_context (map);
  PangoLayout *layout = pango_layout_new (context);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("DejaVu Sans 11");

  pango_layout_set_font_description (layout, font);
  if (markup)
    pango_layout_set_markup (layout, text, -1);
  else
    pango_layout_set_text (layout, text, -1);
  g_object_unref (context);
  return layout;
}

static double
text_width (const char *text)
{
  g_autoptr(PangoLayout) layout = new_layout (text, FALSE);
  int width;

  pango_layout_get_size (layout, &width, NULL);
  return width;
}

/* The isolates themselves take no room and draw nothing. */
static void
test_isolate_is_invisible (void)
{
  g_autofree char *isolated = ss_bidi_isolate ("Vietnam");

  g_assert_cmpfloat (text_width (isolated), ==, text_width ("Vietnam"));
}

/* @text laid out as a chart lays it out (as markup if @markup) reads
 * forward after each of @names; see ss_test_assert_reads_forward(). */
static guint
assert_reads_forward (const char  *text,
                      gboolean     markup,
                      const char **names)
{
  g_autoptr(PangoLayout) layout = new_layout (text, markup);

  g_test_message ("%s", pango_layout_get_text (layout));
  return ss_test_assert_reads_forward (layout, names);
}

typedef struct
{
  SsStudy    *study;
  GPtrArray  *projections;
  GPtrArray  *cells;
  SsSensitivity *tornado;
  SscChartData data;
} Charted;

static void
charted_clear (Charted *c)
{
  g_clear_pointer (&c->projections, g_ptr_array_unref);
  g_clear_pointer (&c->cells, g_ptr_array_unref);
  g_clear_pointer (&c->tornado, ss_sensitivity_free);
  g_clear_object (&c->study);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Charted, charted_clear)

typedef char *(*Rename) (const char *name);

/* The sample with every scenario, item and country renamed by @rename,
 * shown in its first scenario (China plus one) for its first item
 * (Lithium hydroxide). */
static void
charted_init (Charted *c,
              Rename   rename)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  c->study = ss_study_load_sample ();
  g_assert_cmpstr (ss_study_get_scenario (c->study, 0)->name, ==, "China plus one");
  g_assert_cmpstr (ss_study_get_item (c->study, 0)->name, ==, "Lithium hydroxide");
  for (guint k = 0; k < ss_study_get_n_scenarios (c->study); k++)
    g_ptr_array_add (names, &ss_study_get_scenario (c->study, k)->name);
  for (guint k = 0; k < ss_study_get_n_items (c->study); k++)
    g_ptr_array_add (names, &ss_study_get_item (c->study, k)->name);
  for (guint k = 0; k < ss_study_get_n_countries (c->study); k++)
    g_ptr_array_add (names, &ss_study_get_country (c->study, k)->name);
  for (guint k = 0; k < names->len; k++)
    {
      char **name = g_ptr_array_index (names, k);
      char *renamed = rename (*name);

      g_free (*name);
      *name = renamed;
    }
  c->projections = ss_engine_project_all (c->study);
  c->cells = ss_test_project_grid (c->study);
  ssc_chart_data_init (&c->data, c->study, c->projections);
  c->data.cells = c->cells;
  c->tornado = ss_test_tornado (c->study);
  c->data.sensitivity = c->tornado;
  c->data.scenario = 0;
  c->data.item = 0;
}

static char *
keep_name (const char *name)
{
  return g_strdup (name);
}

/* "China plus one" → "China " RLO "plus one", "China" → "Ch" RLO "ina". */
static char *
override_inside (const char *name)
{
  const char *space = strchr (name, ' ');

  if (space != NULL)
    return g_strdup_printf ("%.*s" RLO "%s", (int)(space - name + 1), name, space + 1);
  return g_strdup_printf ("%.2s" RLO "%s", name, name + 2);
}

static char *
override_after (const char *name)
{
  return g_strconcat (name, RLO, NULL);
}

static char *
mark_before (const char *name)
{
  return g_strconcat ("\u0301", name, NULL);
}

/* Every name of the study, NULL-terminated. */
static const char **
names_of (Charted *c)
{
  GPtrArray *names = g_ptr_array_new ();

  for (guint k = 0; k < ss_study_get_n_scenarios (c->study); k++)
    g_ptr_array_add (names, ss_study_get_scenario (c->study, k)->name);
  for (guint k = 0; k < ss_study_get_n_items (c->study); k++)
    g_ptr_array_add (names, ss_study_get_item (c->study, k)->name);
  for (guint k = 0; k < ss_study_get_n_countries (c->study); k++)
    g_ptr_array_add (names, ss_study_get_country (c->study, k)->name);
  g_ptr_array_add (names, NULL);
  return (const char **)g_ptr_array_free (names, FALSE);
}

/* Every chart's accessible summary reads forward around overridden names. */
static void
test_summaries (void)
{
  g_auto(Charted) c = { 0 };
  g_autofree const char **names = NULL;

  charted_init (&c, override_inside);
  names = names_of (&c);
  for (SscChartKind kind = 0; kind < SSC_N_CHARTS; kind++)
    {
      g_autofree char *summary = ssc_chart_describe (kind, &c.data);

      g_test_message ("%s", ssc_chart_kind_to_string (kind));
      g_assert_cmpuint (assert_reads_forward (summary, FALSE, names), >, 0);
    }
}

/* Whether @text holds one of @names. */
static gboolean
names_one (const char  *text,
           const char **names)
{
  for (guint k = 0; names[k] != NULL; k++)
    if (strstr (text, names[k]) != NULL)
      return TRUE;
  return FALSE;
}

/* The tooltips of the mix chart (every country and its shares) and of
 * the heatmap (an item from a country, an item's largest foreign share). */
static void
test_tooltips (void)
{
  g_auto(Charted) c = { 0 };
  g_autoptr(SscChartHit) hit = ssc_chart_hit_new ();
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 960, 600);
  cairo_t *cr = cairo_create (surface);
  g_autofree const char **names = NULL;

  charted_init (&c, override_inside);
  names = names_of (&c);
  for (SscChartKind kind = SSC_CHART_MIX; kind <= SSC_CHART_HEATMAP; kind += SSC_CHART_HEATMAP)
    {
      g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

      ssc_chart_render (kind, &c.data, cr, 960, 600, hit);
      for (int y = 0; y < 600; y += 6)
        for (int x = 0; x < 960; x += 6)
          {
            char *markup = NULL;

            if (ssc_chart_hit_query (hit, &c.data, x, y, &markup) && names_one (markup, names)
                && !g_hash_table_contains (seen, markup))
              {
                g_assert_cmpuint (assert_reads_forward (markup, TRUE, names), >, 0);
                g_hash_table_add (seen, g_steal_pointer (&markup));
              }
            g_free (markup);
          }
      g_test_message ("%s: %u tooltips", ssc_chart_kind_to_string (kind), g_hash_table_size (seen));
      g_assert_cmpuint (g_hash_table_size (seen), >=, 2);
    }
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* A combining mark that starts a name cannot join the character before
 * it: the text before the name ends where it ended. */
static void
test_leading_mark (void)
{
  g_auto(Charted) c = { 0 };
  g_autofree char *summary = NULL;
  g_autoptr(PangoLayout) layout = NULL;
  const PangoLogAttr *attrs;
  const char *text, *name;
  int n_attrs;

  charted_init (&c, mark_before);
  summary = ssc_chart_describe (SSC_CHART_MIX, &c.data);
  layout = new_layout (summary, FALSE);
  text = pango_layout_get_text (layout);
  attrs = pango_layout_get_log_attrs_readonly (layout, &n_attrs);
  name = strstr (text, ss_study_get_country (c.study, 0)->name);
  g_assert_nonnull (name);
  g_test_message ("%s", text);
  /* The name starts a character of its own (after the isolate, which
   * starts one too). */
  g_assert_true (attrs[g_utf8_pointer_to_offset (text, name)].is_cursor_position);
}

static cairo_surface_t *
render (Charted     *c,
        SscChartKind  kind)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 960, 600);
  cairo_t *cr = cairo_create (surface);

  c->data.fill_background = TRUE;
  ssc_chart_render (kind, &c->data, cr, 960, 600, NULL);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

/* An override at the end of every name changes no pixel of any chart:
 * nothing after a name is reversed. */
static void
test_rendered (void)
{
  g_auto(Charted) plain = { 0 };
  g_auto(Charted) overridden = { 0 };

  charted_init (&plain, keep_name);
  charted_init (&overridden, override_after);
  for (SscChartKind kind = 0; kind < SSC_N_CHARTS; kind++)
    {
      cairo_surface_t *a = render (&plain, kind);
      cairo_surface_t *b = render (&overridden, kind);
      int stride = cairo_image_surface_get_stride (a);

      g_test_message ("%s", ssc_chart_kind_to_string (kind));
      g_assert_cmpint (stride, ==, cairo_image_surface_get_stride (b));
      g_assert_true (memcmp (cairo_image_surface_get_data (a), cairo_image_surface_get_data (b),
                             (gsize)stride * 600) == 0);
      cairo_surface_destroy (a);
      cairo_surface_destroy (b);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/bidi/isolate", test_isolate);
  g_test_add_func ("/bidi/isolate-is-invisible", test_isolate_is_invisible);
  g_test_add_func ("/bidi/summaries", test_summaries);
  g_test_add_func ("/bidi/tooltips", test_tooltips);
  g_test_add_func ("/bidi/leading-mark", test_leading_mark);
  g_test_add_func ("/bidi/rendered", test_rendered);

  return g_test_run ();
}
