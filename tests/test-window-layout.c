/* test-window-layout.c: what the window shows at the sizes people use
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs under Xvfb, with no window manager: the window gets the size it
 * asks for. Visibility is measured as a person sees it: a widget counts
 * as shown when its bounds lie wholly inside the part of the page the
 * scrolled window shows.
 */

#define G_LOG_DOMAIN "supplyshift-test"

#include "config.h"

#include <adwaita.h>

#include "ss-chart.h"
#include "ss-columns.h"
#include "ss-metric-card.h"
#include "ss-resources.h"
#include "ss-study-file.h"
#include "ss-window.h"
#include "test-widgets.h"

#define N_CARDS 7

typedef struct
{
  SsWindow *window;
} Fixture;

static void
open_item_at (Fixture *f,
              int      item,
              int      width,
              int      height)
{
  g_autoptr(SsStudy) study = ss_study_load_sample ();
  GdkSurface *surface;

  f->window = ss_window_new (NULL);
  g_object_ref_sink (f->window);
  gtk_window_set_default_size (GTK_WINDOW (f->window), width, height);
  ss_window_set_study (f->window, study, NULL);
  ss_window_select (f->window, 0, item);          /* China plus one */
  gtk_window_present (GTK_WINDOW (f->window));
  ss_test_wait_frames (10);
  /* The window on the screen: its surface, with the few pixels of the
   * frame GTK draws round it without a compositor. */
  surface = gtk_native_get_surface (GTK_NATIVE (f->window));
  g_assert_cmpint (gdk_surface_get_width (surface), ==, width);
  g_assert_cmpint (gdk_surface_get_height (surface), ==, height);
}

/* China plus one, lithium hydroxide. */
static void
open_at (Fixture *f,
         int      width,
         int      height)
{
  open_item_at (f, 0, width, height);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_object_unref (f->window);
  ss_test_wait_frames (2);
}

/* The scrolled window of the page: what of the page is on screen. */
static GtkWidget *
view_of (Fixture *f)
{
  return gtk_widget_get_ancestor (GTK_WIDGET (ss_window_get_share_editor (f->window)),
                                  GTK_TYPE_SCROLLED_WINDOW);
}

static GtkRange *
slider (Fixture *f,
        guint    country)
{
  g_autoptr(GPtrArray) scales = g_ptr_array_new ();

  ss_test_collect (GTK_WIDGET (ss_window_get_share_editor (f->window)), GTK_TYPE_SCALE, scales);
  g_assert_cmpuint (country, <, scales->len);
  return g_ptr_array_index (scales, country);
}

/* Whether @widget is drawn and wholly inside @view. */
static gboolean
in_view (GtkWidget *widget,
         GtkWidget *view)
{
  graphene_rect_t bounds;

  if (!gtk_widget_is_drawable (widget) || !gtk_widget_compute_bounds (widget, view, &bounds))
    return FALSE;
  g_test_message ("%s at %g,%g %gx%g in %dx%d", G_OBJECT_TYPE_NAME (widget), bounds.origin.x,
                  bounds.origin.y, bounds.size.width, bounds.size.height, gtk_widget_get_width (view),
                  gtk_widget_get_height (view));
  return bounds.origin.x >= -0.5 && bounds.origin.y >= -0.5
         && bounds.origin.x + bounds.size.width <= gtk_widget_get_width (view) + 0.5
         && bounds.origin.y + bounds.size.height <= gtk_widget_get_height (view) + 0.5;
}

static guint
cards_in_view (Fixture *f)
{
  guint n = 0;

  for (guint k = 0; k < N_CARDS; k++)
    n += in_view (ss_window_get_card (f->window, k), view_of (f));
  return n;
}

static GtkWidget *
chart_of (Fixture *f)
{
  return ss_test_find_first (GTK_WIDGET (f->window), SS_TYPE_CHART);
}

/* At 1280×800 the item list, every slider, four cards or more and the
 * chart are on screen together, without scrolling; scrolled to the end
 * of the page, the figures are still there. */
static void
test_1280x800 (Fixture       *f,
               gconstpointer  data)
{
  AdwFlap *flap;
  GtkAdjustment *scroll;
  GtkWidget *side;
  guint nc;

  open_at (f, 1280, 800);
  flap = ADW_FLAP (ss_test_find_first (GTK_WIDGET (f->window), ADW_TYPE_FLAP));
  g_assert_false (adw_flap_get_folded (flap));
  g_assert_true (adw_flap_get_reveal_flap (flap));
  g_assert_true (ss_columns_get_wide (SS_COLUMNS (ss_window_get_columns (f->window))));

  scroll = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (view_of (f)));
  g_assert_cmpfloat (gtk_adjustment_get_value (scroll), ==, 0);
  nc = ss_study_get_n_countries (ss_window_get_study (f->window));
  for (guint c = 0; c < nc; c++)
    g_assert_true (in_view (GTK_WIDGET (slider (f, c)), view_of (f)));
  g_assert_cmpuint (cards_in_view (f), >=, 4);
  g_assert_true (in_view (chart_of (f), view_of (f)));

  /* Scrolled to the alerts, at the end: the figures stay in view. In
   * the application's style the side column (the chart over seven
   * cards) is taller than the 800 px window shows, so it has scrolled
   * with the page until its end is in view (widgets/ss-columns.c): the
   * last card is on screen, and four cards or more with it. */
  side = ss_columns_get_side (SS_COLUMNS (ss_window_get_columns (f->window)));
  g_assert_cmpint (gtk_widget_get_height (side), >, gtk_widget_get_height (view_of (f)));
  gtk_adjustment_set_value (scroll, gtk_adjustment_get_upper (scroll));
  ss_test_wait_frames (5);
  g_assert_cmpfloat (gtk_adjustment_get_value (scroll), >, 0);
  g_assert_false (in_view (GTK_WIDGET (slider (f, 0)), view_of (f)));
  g_assert_cmpuint (cards_in_view (f), >=, 4);
  g_assert_true (in_view (ss_window_get_card (f->window, N_CARDS - 1), view_of (f)));

  /* Back at the top, the chart and the first cards are there again. */
  gtk_adjustment_set_value (scroll, 0);
  ss_test_wait_frames (5);
  g_assert_true (in_view (chart_of (f), view_of (f)));
  g_assert_cmpuint (cards_in_view (f), >=, 4);
}

/* Whether @inscription's text, laid out in its font (its CSS: size,
 * weight, font features) and with its own attributes, takes no more
 * than the width it is given: on its one line, it shows whole, not
 * ellipsized. */
static gboolean
fits (GtkWidget *inscription)
{
  const char *text = gtk_inscription_get_text (GTK_INSCRIPTION (inscription));
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (inscription, text);
  PangoAttrList *own = gtk_inscription_get_attributes (GTK_INSCRIPTION (inscription));
  int width;

  if (own != NULL)
    {
      PangoAttrList *attrs = pango_layout_get_attributes (layout);
      g_autoptr(PangoAttrList) merged = attrs != NULL ? pango_attr_list_copy (attrs) : pango_attr_list_new ();

      pango_attr_list_splice (merged, own, 0, 0);
      pango_layout_set_attributes (layout, merged);
    }
  pango_layout_get_pixel_size (layout, &width, NULL);
  g_test_message ("\"%s\" needs %d px of %d", text, width, gtk_widget_get_width (inscription));
  return width <= gtk_widget_get_width (inscription);
}

/* The cards of the 1280×800 window's side column, in the application's
 * style, show the whole of each title (on two lines at most) and of the
 * longest figures app/ss-window-figures.c writes on them: "78.6 % →
 * 100.0 %" was cut to "78.6 % → 100.0…", in a card 190 px wide that a
 * check of the card alone in a 191 px window (167 px inside) let by. */
static void
test_cards (Fixture       *f,
            gconstpointer  data)
{
  /* The widest of each kind, with the figure in it that the card makes
   * stand out: a share at both ends of 100 %, as the app writes it (a
   * no-break space before the sign); the HHI of one source; four-figure
   * millions (the sample's VaR95 is 4 902), grouped as in an English
   * locale; signed amounts, in English and Korean; the levels. */
  static const struct { const char *value, *figure; } values[] = {
    { "100.0\u00a0% \u2192 100.0\u00a0%", "100.0\u00a0%" },
    { "10,000 \u2192 10,000", "10,000" },
    { "9,999.9 \u2192 9,999.9", "9,999.9" },
    { "9.99 \u2192 9.99", "9.99" },
    { "-9,999.9\u00a0M\u00a0USD", "-9,999.9" },
    { "+9,999.9\u00a0M\u00a0USD", "+9,999.9" },
    { "+9,999.9\u00a0\ubc31\u2060\ub9cc\u00a0USD", "+9,999.9" },
    { "Below watch", NULL },
    { "\uad00\uc2ec \ubbf8\ub9cc", NULL },
  };
  GtkWidget *china;
  g_autoptr(GPtrArray) texts = g_ptr_array_new ();
  guint cut = 0;

  open_at (f, 1280, 800);
  g_assert_true (ss_columns_get_wide (SS_COLUMNS (ss_window_get_columns (f->window))));
  for (guint k = 0; k < N_CARDS; k++)
    {
      GtkWidget *card = ss_window_get_card (f->window, k);
      GtkLabel *title = GTK_LABEL (ss_test_find_first (card, GTK_TYPE_LABEL));

      g_test_message ("card %u: %dx%d", k, gtk_widget_get_width (card), gtk_widget_get_height (card));
      g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (title)));
      g_assert_cmpint (pango_layout_get_line_count (gtk_label_get_layout (title)), <=, 2);
    }

  /* Every card's value is the same inscription, as wide as the card
   * inside its padding. */
  china = ss_window_get_card (f->window, 3);
  ss_test_collect (china, GTK_TYPE_INSCRIPTION, texts);
  g_assert_cmpuint (texts->len, ==, 2);
  g_assert_true (fits (g_ptr_array_index (texts, 0)));
  for (guint k = 0; k < G_N_ELEMENTS (values); k++)
    {
      if (values[k].figure != NULL)
        ss_metric_card_set_figure (SS_METRIC_CARD (china), values[k].value, values[k].figure, "", SS_TREND_NEUTRAL);
      else
        ss_metric_card_set_value (SS_METRIC_CARD (china), values[k].value, "", SS_TREND_NEUTRAL);
      g_assert_cmpstr (ss_metric_card_get_value (SS_METRIC_CARD (china)), ==, values[k].value);
      ss_test_wait_frames (1);
      cut += !fits (g_ptr_array_index (texts, 0));
    }
  g_assert_cmpuint (cut, ==, 0);
}

/* Natural graphite has all three badges beside its title (its level,
 * SR ≥ 1, over the policy target): at 1280×800 the page is still two
 * columns, with the badges and every slider whole in view. */
static void
test_badges (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  guint badges = 0;

  open_item_at (f, 1, 1280, 800);
  g_assert_true (ss_columns_get_wide (SS_COLUMNS (ss_window_get_columns (f->window))));
  ss_test_collect (GTK_WIDGET (f->window), GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (gtk_widget_has_css_class (g_ptr_array_index (labels, i), "alert-badge")
        && gtk_widget_get_visible (g_ptr_array_index (labels, i)))
      {
        g_assert_true (in_view (g_ptr_array_index (labels, i), view_of (f)));
        badges++;
      }
  g_assert_cmpuint (badges, ==, 3);
  for (guint c = 0; c < ss_study_get_n_countries (ss_window_get_study (f->window)); c++)
    g_assert_true (in_view (GTK_WIDGET (slider (f, c)), view_of (f)));
}

/* At 800×600 the window keeps its size, the item list folds away and
 * slides in on request, and the page is one column as wide as the
 * window, with every share row whole. */
static void
test_800x600 (Fixture       *f,
              gconstpointer  data)
{
  AdwFlap *flap;
  GtkWidget *view, *list;
  int minimum;
  guint nc;

  open_at (f, 800, 600);
  gtk_widget_measure (GTK_WIDGET (f->window), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  g_assert_cmpint (minimum, <=, 800);

  flap = ADW_FLAP (ss_test_find_first (GTK_WIDGET (f->window), ADW_TYPE_FLAP));
  g_assert_true (adw_flap_get_folded (flap));
  g_assert_false (adw_flap_get_reveal_flap (flap));
  g_assert_false (ss_columns_get_wide (SS_COLUMNS (ss_window_get_columns (f->window))));
  view = view_of (f);
  g_assert_cmpint (gtk_widget_get_width (view), >=, 780);

  nc = ss_study_get_n_countries (ss_window_get_study (f->window));
  for (guint c = 0; c < nc; c++)
    {
      graphene_rect_t bounds;

      g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (slider (f, c)), view, &bounds));
      g_assert_cmpfloat (bounds.origin.x, >=, 0);
      g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, 800);
    }

  /* F9 (the header's toggle) slides the list in; choosing an item puts
   * it away again. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.toggle-sidebar", NULL);
  ss_test_wait_frames (30);
  g_assert_true (adw_flap_get_reveal_flap (flap));
  list = ss_test_find_first (adw_flap_get_flap (flap), GTK_TYPE_LIST_VIEW);
  g_signal_emit_by_name (list, "activate", 2);
  ss_test_wait_frames (30);
  g_assert_false (adw_flap_get_reveal_flap (flap));
}

/* Resized across the line, the page goes from two columns to one and
 * back, and the list folds and unfolds. */
static void
test_resize (Fixture       *f,
             gconstpointer  data)
{
  SsColumns *columns;
  AdwFlap *flap;

  open_at (f, 1280, 800);
  columns = SS_COLUMNS (ss_window_get_columns (f->window));
  flap = ADW_FLAP (ss_test_find_first (GTK_WIDGET (f->window), ADW_TYPE_FLAP));
  g_assert_true (ss_columns_get_wide (columns));

  gtk_window_set_default_size (GTK_WINDOW (f->window), 1000, 700);
  ss_test_wait_frames (10);
  g_assert_cmpint (gdk_surface_get_width (gtk_native_get_surface (GTK_NATIVE (f->window))), ==, 1000);
  g_assert_false (ss_columns_get_wide (columns));
  g_assert_false (adw_flap_get_folded (flap));

  gtk_window_set_default_size (GTK_WINDOW (f->window), 800, 600);
  ss_test_wait_frames (10);
  g_assert_true (adw_flap_get_folded (flap));

  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 800);
  ss_test_wait_frames (10);
  g_assert_false (adw_flap_get_folded (flap));
  g_assert_true (ss_columns_get_wide (columns));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GtkCssProvider) style = NULL;
  int status;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_assert_nonnull (ss_get_resource ());
  /* The application's style sheet, as the application loads it: its
   * cards, spacing and type decide what fits at each size. */
  style = ss_test_load_app_style ();

  g_test_add ("/window-layout/1280x800", Fixture, NULL, NULL, test_1280x800, fixture_teardown);
  g_test_add ("/window-layout/cards", Fixture, NULL, NULL, test_cards, fixture_teardown);
  g_test_add ("/window-layout/badges", Fixture, NULL, NULL, test_badges, fixture_teardown);
  g_test_add ("/window-layout/800x600", Fixture, NULL, NULL, test_800x600, fixture_teardown);
  g_test_add ("/window-layout/resize", Fixture, NULL, NULL, test_resize, fixture_teardown);
  status = g_test_run ();
  gtk_style_context_remove_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (style));
  return status;
}
