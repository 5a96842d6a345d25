/* test-chart-widget.c: the chart widget follows its data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The chart is shown in a window and drawn the way GTK draws it for a
 * frame (its snapshot, rendered with cairo), so a test sees the pixels
 * the user would. Changing the scenario must change both the picture and
 * the accessible description; the widget must keep drawing after the
 * projections it was given are gone (it copies them).
 */

#define G_LOG_DOMAIN "supplyshift-test"

#include "config.h"

#include <string.h>

#include <gtk/gtk.h>

#include "ss-chart.h"
#include "ss-report.h"
#include "ss-study-file.h"
#include "test-widgets.h"

typedef struct
{
  SsStudy   *study;
  GPtrArray *projections;
  GtkWidget *window;
  SsChart   *chart;
} Fixture;

static gboolean
on_tick (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       user_data)
{
  (*(guint *)user_data)++;
  return G_SOURCE_CONTINUE;
}

/* Until the widget is mapped, allocated and a few frames were drawn. */
static void
wait_for_frames (GtkWidget *widget)
{
  gint64 end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  guint frames = 0;
  guint id = gtk_widget_add_tick_callback (widget, on_tick, &frames, NULL);

  while (!gtk_widget_get_mapped (widget) || gtk_widget_get_width (widget) == 0 || frames < 3)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, end);
      g_main_context_iteration (NULL, FALSE);
    }
  gtk_widget_remove_tick_callback (widget, id);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  SscChartData chart_data;

  f->study = ss_study_load_sample ();
  f->projections = ss_engine_project_all (f->study);
  f->chart = SS_CHART (ss_chart_new (SSC_CHART_MIX));
  ssc_chart_data_init (&chart_data, f->study, f->projections);
  chart_data.item = 0;
  ss_chart_set_data (f->chart, &chart_data);

  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 800, 500);
  gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (f->chart));
  gtk_window_present (GTK_WINDOW (f->window));
  wait_for_frames (GTK_WIDGET (f->chart));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_clear_pointer (&f->projections, g_ptr_array_unref);
  g_assert_finalize_object (f->study);
}

/* The widget's own drawing (its snapshot vfunc, as GTK calls it for a
 * frame), rendered to an image. */
static cairo_surface_t *
draw_widget (GtkWidget *widget)
{
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  GskRenderNode *node;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);

  g_assert_cmpint (width, >, 0);
  GTK_WIDGET_GET_CLASS (widget)->snapshot (widget, snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  gsk_render_node_draw (node, cr);
  gsk_render_node_unref (node);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static gboolean
same_pixels (cairo_surface_t *a,
             cairo_surface_t *b)
{
  int h = cairo_image_surface_get_height (a);
  int stride = cairo_image_surface_get_stride (a);

  g_assert_cmpint (h, ==, cairo_image_surface_get_height (b));
  return memcmp (cairo_image_surface_get_data (a), cairo_image_surface_get_data (b),
                 (gsize)h * stride) == 0;
}

static guint
count_colors (cairo_surface_t *surface)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  int w = cairo_image_surface_get_width (surface), h = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  const guchar *data = cairo_image_surface_get_data (surface);

  for (int y = 0; y < h; y += 2)
    for (int x = 0; x < w; x += 2)
      g_hash_table_add (seen,
                        GUINT_TO_POINTER (*(const guint32 *)(data + (gsize)y * stride + 4 * x)));
  return g_hash_table_size (seen);
}

static void
set_scenario (Fixture *f,
              int      scenario)
{
  SscChartData data;

  ssc_chart_data_init (&data, f->study, f->projections);
  data.scenario = scenario;
  data.item = 0;
  ss_chart_set_data (f->chart, &data);
}

static void
test_accessible (Fixture       *f,
                 gconstpointer  data)
{
  SscChartData chart_data;
  g_autofree char *description = NULL;

  ssc_chart_data_init (&chart_data, f->study, f->projections);
  chart_data.item = 0;
  description = ssc_chart_describe (SSC_CHART_MIX, &chart_data);

  gtk_test_accessible_assert_role (f->chart, GTK_ACCESSIBLE_ROLE_IMG);
  gtk_test_accessible_assert_property (f->chart, GTK_ACCESSIBLE_PROPERTY_LABEL, "Supply by origin");
  gtk_test_accessible_assert_property (f->chart, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description);
  g_assert_cmpstr (ss_chart_get_description (f->chart), ==, description);
  /* The names are in bidi isolates (docs/decisions.md). */
  g_assert_nonnull (strstr (description,
                            "\u2068China\u2069’s share of \u2068Lithium hydroxide\u2069 falls from 80 %"));
  g_assert_cmpstr (gtk_widget_get_css_name (GTK_WIDGET (f->chart)), ==, "chart");
  g_assert_true (gtk_widget_get_has_tooltip (GTK_WIDGET (f->chart)));
}

/* A new scenario: another picture, another description. */
static void
test_scenario_change (Fixture       *f,
                      gconstpointer  data)
{
  cairo_surface_t *before, *again, *after;
  g_autofree char *description = NULL;

  before = draw_widget (GTK_WIDGET (f->chart));
  g_assert_cmpuint (count_colors (before), >, 20);
  again = draw_widget (GTK_WIDGET (f->chart));
  g_assert_true (same_pixels (before, again));
  description = g_strdup (ss_chart_get_description (f->chart));

  set_scenario (f, 2);                 /* Reshoring */
  after = draw_widget (GTK_WIDGET (f->chart));
  g_assert_false (same_pixels (before, after));
  g_assert_cmpstr (ss_chart_get_description (f->chart), !=, description);
  gtk_test_accessible_assert_property (f->chart, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       ss_chart_get_description (f->chart));
  g_assert_nonnull (strstr (ss_chart_get_description (f->chart), "Reshoring"));

  cairo_surface_destroy (before);
  cairo_surface_destroy (again);
  cairo_surface_destroy (after);
}

static void
on_notify (GObject    *object,
           GParamSpec *pspec,
           guint      *count)
{
  (*count)++;
}

static void
test_kind (Fixture       *f,
           gconstpointer  data)
{
  cairo_surface_t *mix, *heatmap;
  guint notified = 0;

  g_signal_connect (f->chart, "notify::kind", G_CALLBACK (on_notify), &notified);
  mix = draw_widget (GTK_WIDGET (f->chart));
  ss_chart_set_kind (f->chart, SSC_CHART_HEATMAP);
  ss_chart_set_kind (f->chart, SSC_CHART_HEATMAP);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_cmpint (ss_chart_get_kind (f->chart), ==, SSC_CHART_HEATMAP);
  g_assert_cmpstr (ss_chart_get_title (f->chart), ==, "Shares by item and origin");
  gtk_test_accessible_assert_property (f->chart, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Shares by item and origin");
  heatmap = draw_widget (GTK_WIDGET (f->chart));
  g_assert_false (same_pixels (mix, heatmap));
  cairo_surface_destroy (mix);
  cairo_surface_destroy (heatmap);
}

/* The widget keeps its own copies: the caller may free or recompute its
 * projections, even into another shape, between two draws. */
static void
test_copies (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "example-study.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(SsStudy) example = ss_study_load_file (file, path, &error);
  g_autoptr(GPtrArray) example_projections = NULL;
  cairo_surface_t *first, *second;
  SscChartData chart_data;

  g_assert_no_error (error);
  first = draw_widget (GTK_WIDGET (f->chart));
  g_clear_pointer (&f->projections, g_ptr_array_unref);
  second = draw_widget (GTK_WIDGET (f->chart));
  g_assert_true (same_pixels (first, second));
  cairo_surface_destroy (second);

  example_projections = ss_engine_project_all (example);
  ssc_chart_data_init (&chart_data, example, example_projections);
  ss_chart_set_kind (f->chart, SSC_CHART_COMPARE);
  ss_chart_set_data (f->chart, &chart_data);
  g_clear_pointer (&example_projections, g_ptr_array_unref);
  second = draw_widget (GTK_WIDGET (f->chart));
  g_assert_false (same_pixels (first, second));
  g_assert_nonnull (strstr (ss_chart_get_description (f->chart), "Of 3 scenarios"));
  cairo_surface_destroy (first);
  cairo_surface_destroy (second);
}

static void
test_measure (Fixture       *f,
              gconstpointer  data)
{
  int minimum, natural;

  gtk_widget_measure (GTK_WIDGET (f->chart), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural,
                      NULL, NULL);
  g_assert_cmpint (minimum, ==, 320);
  g_assert_cmpint (natural, ==, 640);
  gtk_widget_measure (GTK_WIDGET (f->chart), GTK_ORIENTATION_VERTICAL, -1, &minimum, &natural,
                      NULL, NULL);
  g_assert_cmpint (minimum, ==, 240);
  g_assert_cmpint (natural, ==, 360);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  if (!ss_test_init_display (SS_TEST_DISPLAY_A11Y))
    return 0;

#define ADD(path, func) \
  g_test_add ("/widgets/chart/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("accessible", test_accessible);
  ADD ("scenario-change", test_scenario_change);
  ADD ("kind", test_kind);
  ADD ("copies", test_copies);
  ADD ("measure", test_measure);
#undef ADD

  return g_test_run ();
}
