/* test-input.c: the window changes a study only when the user means it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs under Xvfb and drives the real window with real X events from
 * xdotool: the pointer and wheel over a slider or a spin button, keys
 * typed into a focused field. There is no window manager, so the window
 * sits at 0,0 and a widget's place on the screen is its place in the
 * window's surface.
 */

#define G_LOG_DOMAIN "supplyshift-test"

#include "config.h"

#include <math.h>

#include <adwaita.h>

#include <locale.h>

#include "ss-chart.h"
#include "ss-input-guard.h"
#include "ss-resources.h"
#include "ss-share-editor.h"
#include "ss-study-file.h"
#include "ss-window.h"
#include "test-files.h"
#include "test-widgets.h"

#define VIETNAM 1

typedef struct
{
  SsWindow      *window;
  GtkAdjustment *scroll;               /* the content's vertical scrolling */
} Fixture;

typedef gboolean (*Condition) (gpointer data);

/* Runs the main loop until @condition holds, for at most @ms. */
static gboolean
wait_until (Condition condition,
            gpointer  data,
            guint     ms)
{
  gint64 until = g_get_monotonic_time () + ms * G_TIME_SPAN_MILLISECOND;

  while (g_get_monotonic_time () < until)
    {
      if (condition != NULL && condition (data))
        return TRUE;
      g_main_context_iteration (NULL, FALSE);
    }
  return condition != NULL && condition (data);
}

/* A few frames, so the window's tick callback shows what changed. */
static void
wait_frames (void)
{
  wait_until (NULL, NULL, 100);
}

/* Moves the pointer to the middle of @widget, on the screen. */
static void
point_at (GtkWidget *widget)
{
  GtkNative *native = gtk_widget_get_native (widget);
  graphene_point_t middle = GRAPHENE_POINT_INIT (gtk_widget_get_width (widget) / 2.f,
                                                 gtk_widget_get_height (widget) / 2.f);
  graphene_point_t point;
  g_autofree char *x = NULL;
  g_autofree char *y = NULL;
  double dx, dy;

  g_assert_true (gtk_widget_compute_point (widget, GTK_WIDGET (native), &middle, &point));
  gtk_native_get_surface_transform (native, &dx, &dy);
  x = g_strdup_printf ("%d", (int)(point.x + dx));
  y = g_strdup_printf ("%d", (int)(point.y + dy));
  ss_test_xdotool ("mousemove", "--sync", x, y, NULL);
}

static GtkWidget *
share_control (Fixture *f,
               GType    type,
               guint    country)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  ss_test_collect (GTK_WIDGET (ss_window_get_share_editor (f->window)), type, found);
  g_assert_cmpuint (country, <, found->len);
  return g_ptr_array_index (found, country);
}

/* The spin buttons and scales a planner can reach, in the content. */
static GPtrArray *
controls (Fixture *f)
{
  GtkWidget *content = gtk_widget_get_ancestor (GTK_WIDGET (ss_window_get_share_editor (f->window)),
                                                GTK_TYPE_SCROLLED_WINDOW);
  GPtrArray *found = g_ptr_array_new ();
  g_autoptr(GPtrArray) all = g_ptr_array_new ();

  ss_test_collect (content, GTK_TYPE_SCALE, all);
  ss_test_collect (content, GTK_TYPE_SPIN_BUTTON, all);
  for (guint i = 0; i < all->len; i++)
    if (gtk_widget_is_drawable (g_ptr_array_index (all, i)))
      g_ptr_array_add (found, g_ptr_array_index (all, i));
  return found;
}

/* The text part of a spin button, beside its - and + buttons. */
static GtkWidget *
spin_text (GtkWidget *spin)
{
  GtkWidget *text = gtk_widget_get_first_child (spin);

  g_assert_true (GTK_IS_TEXT (text));
  return text;
}

static double
control_value (GtkWidget *control)
{
  if (GTK_IS_SPIN_BUTTON (control))
    return gtk_spin_button_get_value (GTK_SPIN_BUTTON (control));
  return gtk_range_get_value (GTK_RANGE (control));
}

/* Scrolls the content so that @widget is in the middle of the view. */
static void
scroll_to (Fixture   *f,
           GtkWidget *widget)
{
  GtkWidget *content = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  graphene_point_t origin = GRAPHENE_POINT_INIT (0, 0), point;
  double page = gtk_adjustment_get_page_size (f->scroll);

  g_assert_true (gtk_widget_compute_point (widget, content, &origin, &point));
  gtk_adjustment_set_value (f->scroll, gtk_adjustment_get_value (f->scroll) + point.y - page / 2);
  wait_frames ();
}

static gboolean
scroll_moved (gpointer data)
{
  Fixture *f = ((gpointer *)data)[0];
  double *was = ((gpointer *)data)[1];

  return gtk_adjustment_get_value (f->scroll) != *was;
}

typedef struct
{
  GtkWidget *control;
  double     was;
} Watch;

static gboolean
value_moved (gpointer data)
{
  Watch *watch = data;

  return control_value (watch->control) != watch->was;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(SsStudy) study = ss_study_load_sample ();
  GtkWidget *content;

  f->window = ss_window_new (NULL);
  g_object_ref_sink (f->window);
  /* The size the issue was found at: the figures are below the fold. */
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 800);
  ss_window_set_study (f->window, study, NULL);
  ss_window_select (f->window, 0, 0);             /* China plus one, lithium hydroxide */
  gtk_window_present (GTK_WINDOW (f->window));
  wait_frames ();
  content = gtk_widget_get_ancestor (GTK_WIDGET (ss_window_get_share_editor (f->window)),
                                     GTK_TYPE_SCROLLED_WINDOW);
  f->scroll = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (content));
  /* Nothing is focused, as after a click on the page's background. */
  gtk_window_set_focus (GTK_WINDOW (f->window), NULL);
  g_assert_true (wait_until ((Condition)gtk_window_is_active, f->window, 2000));
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_object_unref (f->window);
  wait_frames ();
}

/* The wheel over any slider or spin button of the content scrolls the
 * page, and leaves the control and the study alone. */
static void
test_wheel_scrolls_page (Fixture       *f,
                         gconstpointer  data)
{
  SsDocument *document = ss_window_get_document (f->window);
  g_autoptr(SsStudy) original = ss_study_copy (ss_window_get_study (f->window));
  g_autoptr(GPtrArray) found = NULL;

  found = controls (f);
  /* The shares, twice (slider and spin button), and four levers; the
   * year is a list, which the wheel does not change. */
  g_assert_cmpuint (found->len, ==, 2 * ss_study_get_n_countries (original) + 4);

  for (guint i = 0; i < found->len; i++)
    {
      GtkWidget *control = g_ptr_array_index (found, i);
      double value = control_value (control);
      double scrolled;
      gpointer moved[2] = { f, &scrolled };
      gboolean down;

      scroll_to (f, control);
      scrolled = gtk_adjustment_get_value (f->scroll);
      /* Down, unless the page is already at its end. */
      down = scrolled + gtk_adjustment_get_page_size (f->scroll) < gtk_adjustment_get_upper (f->scroll) - 1;
      point_at (control);
      ss_test_xdotool ("click", down ? "5" : "4", NULL);

      g_test_message ("wheel over %s %u at %g (page at %g of %g)", G_OBJECT_TYPE_NAME (control), i, value,
                      scrolled, gtk_adjustment_get_upper (f->scroll));
      g_assert_true (wait_until (scroll_moved, moved, 10000));
      wait_frames ();
      g_assert_cmpfloat (control_value (control), ==, value);
      g_assert_false (ss_document_can_undo (document));
    }
  g_assert_true (ss_study_equal (ss_window_get_study (f->window), original));
}

/* With Ctrl held, or with the focus on it, the wheel is the control's: it
 * changes the value, one undo step per notch, and the page stays. */
static void
test_wheel_when_meant (Fixture       *f,
                       gconstpointer  data)
{
  SsDocument *document = ss_window_get_document (f->window);
  GtkWidget *slider = share_control (f, GTK_TYPE_SCALE, VIETNAM);
  GtkWidget *spin = share_control (f, GTK_TYPE_SPIN_BUTTON, VIETNAM);
  Watch watch = { slider, gtk_range_get_value (GTK_RANGE (slider)) };
  double scrolled;

  scroll_to (f, slider);
  scrolled = gtk_adjustment_get_value (f->scroll);
  point_at (slider);
  ss_test_xdotool ("keydown", "ctrl", "click", "4", "keyup", "ctrl", NULL);
  g_assert_true (wait_until (value_moved, &watch, 2000));
  wait_frames ();
  g_assert_cmpfloat (gtk_range_get_value (GTK_RANGE (slider)), >, watch.was);
  g_assert_cmpfloat (gtk_adjustment_get_value (f->scroll), ==, scrolled);
  g_assert_true (ss_document_can_undo (document));

  /* A click in the spin button's text gives it the focus: the wheel then
   * spins it, without Ctrl. */
  point_at (spin_text (spin));
  ss_test_xdotool ("click", "1", NULL);
  g_assert_true (wait_until ((Condition)gtk_widget_has_focus, spin_text (spin), 2000));
  g_assert_false (ss_document_in_edit (document));
  watch.control = spin;
  watch.was = gtk_spin_button_get_value (GTK_SPIN_BUTTON (spin));
  ss_test_xdotool ("click", "5", NULL);
  g_assert_true (wait_until (value_moved, &watch, 2000));
  wait_frames ();
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (spin)), <, watch.was);
  g_assert_cmpfloat (gtk_adjustment_get_value (f->scroll), ==, scrolled);
}

/* Scrolling the page past the slider just edited does not edit it: the
 * wheel stays the page's until the page has rested. */
static void
test_wheel_stays_with_page (Fixture       *f,
                            gconstpointer  data)
{
  SsDocument *document = ss_window_get_document (f->window);
  GtkWidget *china = share_control (f, GTK_TYPE_SCALE, 0);
  GtkWidget *vietnam = share_control (f, GTK_TYPE_SCALE, VIETNAM);
  Watch watch = { vietnam, gtk_range_get_value (GTK_RANGE (vietnam)) };
  double scrolled;
  gpointer moved[2] = { f, &scrolled };

  scroll_to (f, china);
  gtk_widget_grab_focus (vietnam);
  /* The page rests after scroll_to(), then one notch over China's slider
   * scrolls it, and the next comes over Vietnam's, which has the focus. */
  wait_until (NULL, NULL, 700);
  scrolled = gtk_adjustment_get_value (f->scroll);
  point_at (china);
  ss_test_xdotool ("click", "5", NULL);
  g_assert_true (wait_until (scroll_moved, moved, 10000));
  scrolled = gtk_adjustment_get_value (f->scroll);
  point_at (vietnam);
  ss_test_xdotool ("click", "5", NULL);
  g_assert_true (wait_until (scroll_moved, moved, 10000));
  wait_frames ();
  g_assert_cmpfloat (gtk_range_get_value (GTK_RANGE (vietnam)), ==, watch.was);
  g_assert_false (ss_document_can_undo (document));

  /* Once the page has rested, the wheel over the focused slider is its. */
  wait_until (NULL, NULL, 700);
  scrolled = gtk_adjustment_get_value (f->scroll);
  point_at (vietnam);
  ss_test_xdotool ("click", "4", NULL);
  g_assert_true (wait_until (value_moved, &watch, 2000));
  wait_frames ();
  g_assert_cmpfloat (gtk_range_get_value (GTK_RANGE (vietnam)), >, watch.was);
  g_assert_cmpfloat (gtk_adjustment_get_value (f->scroll), ==, scrolled);
  g_assert_true (ss_document_can_undo (document));
}

/* What a spin button shows for @value: one decimal, in the locale's form. */
static char *
shown (double value)
{
  return g_strdup_printf ("%0.1f", value);
}

static const char *
text_of (GtkWidget *spin)
{
  return gtk_editable_get_text (GTK_EDITABLE (spin));
}

typedef struct
{
  GtkWidget  *spin;
  const char *text;
} TextWatch;

static gboolean
text_is (gpointer data)
{
  TextWatch *watch = data;

  return g_str_equal (text_of (watch->spin), watch->text);
}

/* Waits until @spin shows @text: typed keys arrive through the X server. */
static void
assert_text (GtkWidget  *spin,
             const char *text)
{
  TextWatch watch = { spin, text };

  wait_until (text_is, &watch, 2000);
  g_assert_cmpstr (text_of (spin), ==, text);
}

/* Clicks in @spin's text, so that it has the focus, and waits for it. */
static void
click_into (Fixture   *f,
            GtkWidget *spin)
{
  scroll_to (f, spin);
  point_at (spin_text (spin));
  ss_test_xdotool ("click", "1", NULL);
  g_assert_true (wait_until ((Condition)gtk_widget_has_focus, spin_text (spin), 2000));
}

static gboolean
can_redo (gpointer document)
{
  return ss_document_can_redo (document);
}

static gboolean
cannot_redo (gpointer document)
{
  return !ss_document_can_redo (document);
}

static gboolean
lost_focus (gpointer spin)
{
  return !(gtk_widget_get_state_flags (spin) & GTK_STATE_FLAG_FOCUS_WITHIN);
}

/* Ctrl+Z in a spin button undoes the study's last step, not the text
 * typed in the field; typed text is first settled as leaving the field
 * would, so Ctrl+Z takes back the value just typed, and Ctrl+Shift+Z
 * brings it back. */
static void
test_undo_in_spin (Fixture       *f,
                   gconstpointer  data)
{
  SsDocument *document = ss_window_get_document (f->window);
  const SsStudy *study = ss_window_get_study (f->window);
  g_autoptr(SsStudy) original = ss_study_copy (study);
  GtkWidget *spin = share_control (f, GTK_TYPE_SPIN_BUTTON, VIETNAM);
  g_autofree char *vietnam = shown (100 * ss_study_get_scenario (study, 0)->targets[0][VIETNAM]);
  g_autofree char *thirty = shown (30);

  /* A step to undo, made elsewhere. */
  gtk_range_set_value (GTK_RANGE (share_control (f, GTK_TYPE_SCALE, 0)), 40);
  wait_frames ();
  g_assert_true (ss_document_can_undo (document));

  click_into (f, spin);
  ss_test_xdotool ("key", "ctrl+z", NULL);
  g_assert_true (wait_until (can_redo, document, 2000));
  wait_frames ();
  g_assert_true (ss_study_equal (study, original));
  g_assert_cmpstr (text_of (spin), ==, vietnam);

  /* Typed, then Ctrl+Z: the typed value is the step taken back. */
  ss_test_xdotool ("key", "ctrl+a", "3", "0", NULL);
  assert_text (spin, "30");
  g_assert_true (ss_study_equal (study, original));
  ss_test_xdotool ("key", "ctrl+z", NULL);
  assert_text (spin, vietnam);
  wait_frames ();
  g_assert_true (ss_document_can_redo (document));
  g_assert_true (ss_study_equal (study, original));

  ss_test_xdotool ("key", "ctrl+shift+z", NULL);
  g_assert_true (wait_until (cannot_redo, document, 2000));
  wait_frames ();
  g_assert_cmpfloat_with_epsilon (ss_study_get_scenario (study, 0)->targets[0][VIETNAM], 0.30, 1e-12);
  g_assert_cmpstr (text_of (spin), ==, thirty);
}

/* A field emptied, or left as it was, changes nothing when left: it goes
 * back to the study's value, never to 0, and a value it shows rounded
 * keeps its exact value. */
static void
test_left_field_keeps_value (Fixture       *f,
                             gconstpointer  data)
{
  SsDocument *document = ss_window_get_document (f->window);
  const SsStudy *study = ss_window_get_study (f->window);
  g_autoptr(GPtrArray) spins = g_ptr_array_new ();
  g_autoptr(SsStudy) before = NULL;
  GtkWidget *switching = NULL;
  g_autofree char *rounded = shown (1.234);

  /* A switching cost of 1.234 %, which the field shows as 1.2. */
  g_assert_true (ss_document_set_scenario_lever (document, 0, SS_LEVER_SWITCHING_COST, 0.01234, NULL));
  wait_frames ();
  before = ss_study_copy (study);

  ss_test_collect (GTK_WIDGET (f->window), GTK_TYPE_SPIN_BUTTON, spins);
  for (guint i = 0; i < spins->len; i++)
    if (fabs (gtk_spin_button_get_value (g_ptr_array_index (spins, i)) - 1.234) < 1e-9)
      switching = g_ptr_array_index (spins, i);
  g_assert_nonnull (switching);
  g_assert_cmpstr (text_of (switching), ==, rounded);

  /* Emptied, then left with Tab. */
  for (guint k = 0; k < 2; k++)
    {
      GtkWidget *spin = k == 0 ? share_control (f, GTK_TYPE_SPIN_BUTTON, VIETNAM) : switching;
      g_autofree char *was = g_strdup (text_of (spin));

      click_into (f, spin);
      ss_test_xdotool ("key", "ctrl+a", "BackSpace", NULL);
      assert_text (spin, "");
      ss_test_xdotool ("key", "Tab", NULL);
      g_assert_true (wait_until (lost_focus, spin, 2000));
      wait_frames ();
      g_assert_true (ss_study_equal (study, before));
      g_assert_cmpstr (text_of (spin), ==, was);
    }

  /* Only visited: the exact value stays. */
  click_into (f, switching);
  ss_test_xdotool ("key", "Tab", NULL);
  g_assert_true (wait_until (lost_focus, switching, 2000));
  wait_frames ();
  g_assert_true (ss_study_equal (study, before));
}

/* Types @keys (xdotool key names) into @spin after selecting what it
 * shows, then leaves it with Tab. */
static void
type_and_leave (Fixture    *f,
                GtkWidget  *spin,
                const char *keys[])
{
  click_into (f, spin);
  ss_test_xdotool ("key", "ctrl+a", NULL);
  for (guint i = 0; keys[i] != NULL; i++)
    ss_test_xdotool ("key", keys[i], NULL);
  ss_test_xdotool ("key", "Tab", NULL);
  g_assert_true (wait_until (lost_focus, spin, 2000));
  wait_frames ();
}

/* A refusal is also a toast. libadwaita 1.2 crashes when a window is
 * destroyed while a toast animates (the animation's "done" unrefs the
 * toast again), which the teardown would risk: the typing tests run with
 * animations off, as a user may have them. Returns what to restore. */
static gboolean
animations_off (void)
{
  gboolean was;

  g_object_get (gtk_settings_get_default (), "gtk-enable-animations", &was, NULL);
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  return was;
}

static void
animations_back (gboolean was)
{
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", was, NULL);
}

/* 150 typed into China's share is refused, naming the share and its
 * range: no share moves (GTK would clamp it to 100 % and zero every
 * other). A number out of a lever's range, or no number, the same. */
static void
test_typed_out_of_range (Fixture       *f,
                         gconstpointer  data)
{
  SsDocument *document = ss_window_get_document (f->window);
  const SsStudy *study = ss_window_get_study (f->window);
  g_autoptr(SsStudy) before = ss_study_copy (study);
  g_autoptr(GPtrArray) spins = g_ptr_array_new ();
  GtkWidget *china = share_control (f, GTK_TYPE_SPIN_BUTTON, 0);
  g_autofree char *was = g_strdup (text_of (china));
  const char *hundred_fifty[] = { "1", "5", "0", NULL };
  const char *letters[] = { "1", "2", "x", NULL };
  const char *ten_thousand_one[] = { "1", "0", "0", "0", "1", NULL };
  GtkWidget *switching = NULL;
  gboolean animated = animations_off ();

  type_and_leave (f, china, hundred_fifty);
  g_assert_true (ss_study_equal (study, before));
  g_assert_false (ss_document_can_undo (document));
  g_assert_cmpstr (text_of (china), ==, was);
  g_assert_cmpstr (ss_input_guard_get_message (china), ==,
                   "Share from \u2068China\u2069 must be a percentage in [0, 100]");
  g_assert_true (gtk_widget_has_css_class (china, "error"));

  type_and_leave (f, china, letters);
  g_assert_true (ss_study_equal (study, before));
  g_assert_cmpstr (ss_input_guard_get_message (china), ==,
                   "Share from \u2068China\u2069 must be a percentage in [0, 100]");

  /* A lever: the switching cost goes up to 10000 %. */
  ss_test_collect (GTK_WIDGET (f->window), GTK_TYPE_SPIN_BUTTON, spins);
  for (guint i = 0; i < spins->len; i++)
    if (gtk_adjustment_get_upper (gtk_spin_button_get_adjustment (g_ptr_array_index (spins, i))) == 10000)
      switching = g_ptr_array_index (spins, i);
  g_assert_nonnull (switching);
  type_and_leave (f, switching, ten_thousand_one);
  g_assert_true (ss_study_equal (study, before));
  g_assert_cmpstr (ss_input_guard_get_message (switching), ==,
                   "Switching cost must be a percentage in [0, 10000]");

  /* A share in range is taken, and the refusal goes. */
  {
    const char *twenty[] = { "2", "0", NULL };

    type_and_leave (f, china, twenty);
    g_assert_cmpfloat_with_epsilon (ss_study_get_scenario (study, 0)->targets[0][0], 0.2, 1e-12);
    g_assert_null (ss_input_guard_get_message (china));
    g_assert_false (gtk_widget_has_css_class (china, "error"));
  }
  animations_back (animated);
}

/* In German "12,5" and "12.5" are both 12.5 %, in a share and a lever;
 * "1.234" is grouping (1234), so out of a share's range, not 1.234 %. */
static void
test_typed_german (Fixture       *f,
                   gconstpointer  data)
{
  const SsStudy *study = ss_window_get_study (f->window);
  GtkWidget *vietnam = share_control (f, GTK_TYPE_SPIN_BUTTON, VIETNAM);
  const char *comma[] = { "1", "2", "comma", "5", NULL };
  const char *point[] = { "2", "0", "period", "5", NULL };
  const char *grouped[] = { "1", "period", "2", "3", "4", NULL };
  g_autofree char *locale = g_strdup (setlocale (LC_NUMERIC, NULL));
  g_autoptr(SsStudy) before = NULL;
  gboolean animated;

  if (setlocale (LC_NUMERIC, "de_DE.UTF-8") == NULL)
    {
      if (g_getenv ("CI") != NULL)
        g_error ("CI makes de_DE.UTF-8 (build-aux/install-deps.sh)");
      g_test_skip ("de_DE.UTF-8 is not installed");
      return;
    }
  animated = animations_off ();

  type_and_leave (f, vietnam, comma);
  g_assert_cmpfloat_with_epsilon (ss_study_get_scenario (study, 0)->targets[0][VIETNAM], 0.125, 1e-12);
  g_assert_cmpstr (text_of (vietnam), ==, "12,5");
  type_and_leave (f, vietnam, point);
  g_assert_cmpfloat_with_epsilon (ss_study_get_scenario (study, 0)->targets[0][VIETNAM], 0.205, 1e-12);
  g_assert_cmpstr (text_of (vietnam), ==, "20,5");
  g_assert_null (ss_input_guard_get_message (vietnam));

  before = ss_study_copy (study);
  type_and_leave (f, vietnam, grouped);
  g_assert_true (ss_study_equal (study, before));
  g_assert_cmpstr (ss_input_guard_get_message (vietnam), ==,
                   "Share from \u2068Vietnam\u2069 must be a percentage in [0, 100]");
  setlocale (LC_NUMERIC, locale);
  animations_back (animated);
}

static GtkWidget *
focus_of (Fixture *f)
{
  return gtk_root_get_focus (GTK_ROOT (f->window));
}

static gboolean
focus_in (gpointer data)
{
  gpointer *pair = data;
  GtkWidget *focus = focus_of (pair[0]);

  return focus != NULL && (focus == pair[1] || gtk_widget_is_ancestor (focus, pair[1]));
}

static int
shown_item (Fixture *f)
{
  int item;

  g_object_get (f->window, "item", &item, NULL);
  return item;
}

/* The item list from the keyboard: Ctrl+F, a search and Enter show the
 * match; Tab goes into the list, the arrow keys move through it and show
 * each item, and Tab leaves it without changing the item shown (each Tab
 * chose the next item when it was a GtkListBox), on to the sliders. */
static void
test_sidebar_keys (Fixture       *f,
                   gconstpointer  data)
{
  GtkWidget *search = NULL, *list = NULL, *slider = share_control (f, GTK_TYPE_SCALE, 0);
  g_autoptr(GPtrArray) found = g_ptr_array_new ();
  gpointer in_search[2], in_list[2], in_slider[2] = { f, slider };
  int item;
  guint presses = 0;

  ss_test_collect (GTK_WIDGET (f->window), GTK_TYPE_SEARCH_ENTRY, found);
  for (guint k = 0; k < found->len && search == NULL; k++)
    if (gtk_widget_is_drawable (g_ptr_array_index (found, k)))
      search = g_ptr_array_index (found, k);
  g_assert_nonnull (search);
  g_ptr_array_set_size (found, 0);
  ss_test_collect (gtk_widget_get_parent (search), GTK_TYPE_LIST_VIEW, found);
  g_assert_cmpuint (found->len, ==, 1);
  list = g_ptr_array_index (found, 0);
  in_search[0] = in_list[0] = f;
  in_search[1] = search;
  in_list[1] = list;

  ss_test_xdotool ("key", "ctrl+f", NULL);
  g_assert_true (wait_until (focus_in, in_search, 2000));
  ss_test_xdotool ("type", "graphite", NULL);
  g_assert_true (wait_until ((Condition)gtk_widget_get_visible, search, 100));
  wait_until (NULL, NULL, 400);                 /* the search waits for the typing to stop */
  ss_test_xdotool ("key", "Return", NULL);
  wait_frames ();
  g_assert_cmpstr (ss_study_get_item (ss_window_get_study (f->window), shown_item (f))->name, ==,
                   "Natural graphite");

  /* Cleared, the list has every item again, and Tab goes into it. */
  ss_test_xdotool ("key", "ctrl+a", "BackSpace", NULL);
  wait_until (NULL, NULL, 400);
  ss_test_xdotool ("key", "Tab", NULL);
  g_assert_true (wait_until (focus_in, in_list, 2000));
  g_assert_cmpstr (ss_study_get_item (ss_window_get_study (f->window), shown_item (f))->name, ==,
                   "Natural graphite");
  ss_test_xdotool ("key", "Down", NULL);
  wait_frames ();
  item = shown_item (f);
  g_assert_cmpstr (ss_study_get_item (ss_window_get_study (f->window), item)->name, !=,
                   "Natural graphite");

  /* Tab leaves the list at once and chooses nothing. */
  ss_test_xdotool ("key", "Tab", NULL);
  wait_frames ();
  g_assert_false (focus_in (in_list));
  g_assert_cmpint (shown_item (f), ==, item);
  /* And goes on to the sliders. */
  while (!focus_in (in_slider) && presses++ < 30)
    {
      ss_test_xdotool ("key", "Tab", NULL);
      wait_until (NULL, NULL, 50);
    }
  g_test_message ("China's slider after %u more Tab presses", presses);
  g_assert_true (focus_in (in_slider));
  g_assert_cmpint (shown_item (f), ==, item);

  /* Shift+Tab back through the page to the list, and past it to the
   * search, choosing nothing. */
  presses = 0;
  while (!focus_in (in_list) && presses++ < 30)
    {
      ss_test_xdotool ("key", "shift+Tab", NULL);
      wait_until (NULL, NULL, 50);
    }
  g_assert_true (focus_in (in_list));
  ss_test_xdotool ("key", "shift+Tab", NULL);
  g_assert_true (wait_until (focus_in, in_search, 2000));
  g_assert_cmpint (shown_item (f), ==, item);
}

/* Whether @widget is wholly inside the part of the page on screen. */
static gboolean
in_view (Fixture   *f,
         GtkWidget *widget)
{
  GtkWidget *view = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_compute_bounds (widget, view, &bounds));
  return bounds.origin.y >= -0.5 && bounds.origin.y + bounds.size.height <= gtk_widget_get_height (view) + 0.5;
}

/* Wheeled down over the share editor to the alerts at the end of the
 * page, the chart and four figures or more stay in view. */
static void
test_figures_stay (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GPtrArray) charts = g_ptr_array_new ();
  GtkWidget *china = share_control (f, GTK_TYPE_SCALE, 0);
  double scrolled = gtk_adjustment_get_value (f->scroll);
  gpointer moved[2] = { f, &scrolled };
  guint cards = 0;

  /* The Editor's chart, not the Stress test view's. */
  ss_test_collect (ss_window_get_columns (f->window), SS_TYPE_CHART, charts);
  g_assert_cmpuint (charts->len, ==, 1);
  g_assert_cmpfloat (scrolled, ==, 0);
  g_assert_true (in_view (f, g_ptr_array_index (charts, 0)));

  point_at (china);
  for (guint k = 0; k < 20; k++)
    ss_test_xdotool ("click", "5", NULL);
  g_assert_true (wait_until (scroll_moved, moved, 10000));
  wait_until (NULL, NULL, 500);
  g_assert_cmpfloat (gtk_adjustment_get_value (f->scroll), >, 100);
  g_assert_false (in_view (f, china));
  g_assert_true (in_view (f, g_ptr_array_index (charts, 0)));
  for (guint k = 0; k < 7; k++)
    cards += in_view (f, ss_window_get_card (f->window, k));
  g_assert_cmpuint (cards, >=, 4);
  g_assert_false (ss_document_can_undo (ss_window_get_document (f->window)));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *xdotool_path = NULL;

  g_test_init (&argc, &argv, NULL);
  if (!ss_test_init_display (SS_TEST_DISPLAY_ADWAITA))
    return 0;
  if ((xdotool_path = g_find_program_in_path ("xdotool")) == NULL)
    {
      if (g_getenv ("CI") != NULL)
        g_error ("CI installs ss_test_xdotool (build-aux/install-deps.sh)");
      g_print ("1..0 # SKIP xdotool is not installed\n");
      return 0;
    }
  g_assert_nonnull (ss_get_resource ());

  g_test_add ("/input/figures-stay-in-view", Fixture, NULL, fixture_setup, test_figures_stay,
              fixture_teardown);
  g_test_add ("/input/wheel-scrolls-page", Fixture, NULL, fixture_setup, test_wheel_scrolls_page,
              fixture_teardown);
  g_test_add ("/input/wheel-when-meant", Fixture, NULL, fixture_setup, test_wheel_when_meant,
              fixture_teardown);
  g_test_add ("/input/wheel-stays-with-page", Fixture, NULL, fixture_setup, test_wheel_stays_with_page,
              fixture_teardown);
  g_test_add ("/input/undo-in-spin", Fixture, NULL, fixture_setup, test_undo_in_spin, fixture_teardown);
  g_test_add ("/input/left-field-keeps-value", Fixture, NULL, fixture_setup, test_left_field_keeps_value,
              fixture_teardown);
  g_test_add ("/input/sidebar-keys", Fixture, NULL, fixture_setup, test_sidebar_keys, fixture_teardown);

  g_test_add ("/input/typed-out-of-range", Fixture, NULL, fixture_setup, test_typed_out_of_range,
              fixture_teardown);
  g_test_add ("/input/typed-german", Fixture, NULL, fixture_setup, test_typed_german, fixture_teardown);

  return g_test_run ();
}
