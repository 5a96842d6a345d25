/* test-study-page.c: the Study page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The page is driven the way a user drives it: text set in a field and
 * the field activated (Enter) or left, Escape, and a dropdown selection.
 * A refused value must leave the study as it was; an accepted one must be
 * one undoable edit, and the study must then still save and load back
 * unchanged.
 */

#define G_LOG_DOMAIN "supplyshift-test"

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "ss-study-file.h"
#include "test-util.h"
#include "test-widgets.h"
#include "ss-study-page.h"

typedef struct
{
  SsStudy     *study;
  SsDocument  *document;
  GtkWidget   *window;
  SsStudyPage *page;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->study = ss_study_load_sample ();
  f->document = ss_document_new (f->study, NULL);
  f->page = SS_STUDY_PAGE (ss_study_page_new ());
  f->window = gtk_window_new ();
  gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (f->page));
  ss_study_page_set_document (f->page, f->document);
  gtk_window_present (GTK_WINDOW (f->window));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  ss_test_close_window (f->window, &f->document, f->study);
}



static GtkWidget *
field (Fixture    *f,
       const char *name)
{
  GtkWidget *widget = ss_study_page_get_field (f->page, name);

  g_assert_nonnull (widget);
  return widget;
}

static const char *
text_of (Fixture    *f,
         const char *name)
{
  return gtk_editable_get_text (GTK_EDITABLE (field (f, name)));
}

static void
type_and_enter (GtkWidget  *editable,
                const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (editable), text);
  if (ADW_IS_ENTRY_ROW (editable))
    g_signal_emit_by_name (editable, "entry-activated");
  else
    g_signal_emit_by_name (editable, "activate");
}

static void
press_escape (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  gboolean handled = FALSE;

  for (guint k = 0; k < g_list_model_get_n_items (controllers); k++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, k);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed", GDK_KEY_Escape, 0, 0, &handled);
    }
  g_assert_true (handled);
}

static char *
buffer_text (GtkWidget *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
assert_refused (Fixture    *f,
                GtkWidget  *widget,
                SsStudy    *before,
                const char *in_message)
{
  const char *tooltip = gtk_widget_get_tooltip_text (widget);

  g_assert_true (gtk_widget_has_css_class (widget, "error"));
  g_assert_nonnull (tooltip);
  if (strstr (tooltip, in_message) == NULL)
    g_error ("“%s” does not say “%s”", tooltip, in_message);
  g_assert_true (ss_study_equal (f->study, before));
  g_assert_false (ss_document_get_modified (f->document));
  g_assert_false (ss_document_can_undo (f->document));
}

/* --- Tests ------------------------------------------------------------- */

static void
test_load (Fixture       *f,
           gconstpointer  data)
{
  SsMeta *meta = ss_study_get_meta (f->study);
  g_autofree char *description = buffer_text (field (f, "description"));
  g_autofree char *source = buffer_text (field (f, "source"));
  GtkWidget *home = field (f, "home");
  GtkStringObject *name;

  g_assert_cmpstr (text_of (f, "title"), ==, "Korea key materials");
  g_assert_cmpstr (text_of (f, "base-year"), ==, "2024");
  g_assert_cmpstr (text_of (f, "horizon"), ==, "10");
  g_assert_cmpstr (text_of (f, "currency"), ==, "USD");
  g_assert_cmpstr (text_of (f, "discount-rate"), ==, "5");
  g_assert_cmpstr (text_of (f, "watch"), ==, "50");
  g_assert_cmpstr (text_of (f, "warning"), ==, "65");
  g_assert_cmpstr (text_of (f, "critical"), ==, "90");
  g_assert_cmpstr (description, ==, meta->description);
  g_assert_cmpstr (source, ==, meta->source);

  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (home)), ==, meta->home);
  name = gtk_drop_down_get_selected_item (GTK_DROP_DOWN (home));
  g_assert_cmpstr (gtk_string_object_get_string (name), ==, "South Korea");
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (GTK_DROP_DOWN (home))), ==,
                    ss_study_get_n_countries (f->study));

  for (const char *const *k = (const char *const[]) { "title", "base-year", "horizon", "currency",
                                                      "discount-rate", "watch", "warning",
                                                      "critical", NULL }; *k; k++)
    g_assert_false (gtk_widget_has_css_class (field (f, *k), "error"));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (field (f, "horizon")),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Horizon");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (field (f, "watch")),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Watch, in percent");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (home), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Home country");
  g_assert_false (ss_document_get_modified (f->document));
}

static void
test_horizon (Fixture       *f,
              gconstpointer  data)
{
  SsMeta *meta = ss_study_get_meta (f->study);
  g_autoptr(SsStudy) before = ss_study_copy (f->study);
  GtkWidget *horizon = field (f, "horizon");

  g_assert_cmpuint (ss_document_get_projection (f->document, -1)->n_years, ==, 11);

  /* Out of range, not whole, not a number: refused, naming the range. */
  type_and_enter (horizon, "60");
  assert_refused (f, horizon, before, "[1, 50]");
  type_and_enter (horizon, "0");
  assert_refused (f, horizon, before, "[1, 50]");
  type_and_enter (horizon, "12.5");
  assert_refused (f, horizon, before, "whole number");
  type_and_enter (horizon, "twelve");
  assert_refused (f, horizon, before, "[1, 50]");
  g_assert_cmpint (meta->horizon, ==, 10);

  /* Escape puts the study's value back. */
  press_escape (horizon);
  g_assert_cmpstr (text_of (f, "horizon"), ==, "10");
  g_assert_false (gtk_widget_has_css_class (horizon, "error"));

  /* In range: one undoable edit that reshapes the projections. */
  type_and_enter (horizon, "12");
  g_assert_false (gtk_widget_has_css_class (horizon, "error"));
  g_assert_cmpint (meta->horizon, ==, 12);
  g_assert_true (ss_document_get_modified (f->document));
  g_assert_true (ss_document_can_undo (f->document));
  g_assert_cmpuint (ss_document_get_projection (f->document, -1)->n_years, ==, 13);
  g_assert_cmpuint (ss_document_get_projection (f->document, 0)->n_years, ==, 13);
  ss_test_assert_round_trips (f->study);

  /* Enter again on the same value writes nothing more. */
  type_and_enter (horizon, "12");
  g_assert_true (ss_document_undo (f->document));
  g_assert_false (ss_document_can_undo (f->document));
  g_assert_cmpint (meta->horizon, ==, 10);
  g_assert_cmpstr (text_of (f, "horizon"), ==, "10");
  g_assert_cmpuint (ss_document_get_projection (f->document, -1)->n_years, ==, 11);
  g_assert_true (ss_study_equal (f->study, before));
  g_assert_false (ss_document_get_modified (f->document));
}

/* Whether the page's status line, under the rows, says @text. */
static gboolean
status_says (Fixture    *f,
             const char *text)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  ss_test_collect (GTK_WIDGET (f->page), GTK_TYPE_LABEL, labels);
  for (guint k = 0; k < labels->len; k++)
    {
      GtkWidget *label = g_ptr_array_index (labels, k);

      if (gtk_widget_get_visible (label) && gtk_widget_has_css_class (label, "error")
          && strstr (gtk_label_get_label (GTK_LABEL (label)), text) != NULL)
        return TRUE;
    }
  return FALSE;
}

static void
test_base_year (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(SsStudy) before = ss_study_copy (f->study);
  GtkWidget *year = field (f, "base-year");

  type_and_enter (year, "1899");
  assert_refused (f, year, before, "[1900, 2200]");
  type_and_enter (year, "2201");
  assert_refused (f, year, before, "[1900, 2200]");

  /* The sample's first policy target is for 2027: a later base year
   * would make the study invalid. */
  type_and_enter (year, "2028");
  assert_refused (f, year, before, "first policy target, which is for 2027");
  /* The document refuses it when it is written: the group says so too. */
  g_assert_true (status_says (f, "first policy target, which is for 2027"));

  type_and_enter (year, " 2025 ");
  g_assert_cmpint (ss_study_get_meta (f->study)->base_year, ==, 2025);
  g_assert_cmpstr (text_of (f, "base-year"), ==, "2025");
  ss_test_assert_round_trips (f->study);
  type_and_enter (year, "2027");
  g_assert_cmpint (ss_study_get_meta (f->study)->base_year, ==, 2027);
  ss_test_assert_round_trips (f->study);
}

static void
test_thresholds (Fixture       *f,
                 gconstpointer  data)
{
  SsMeta *meta = ss_study_get_meta (f->study);
  g_autoptr(SsStudy) before = ss_study_copy (f->study);
  GtkWidget *watch = field (f, "watch");
  GtkWidget *warning = field (f, "warning");
  GtkWidget *critical = field (f, "critical");

  /* Watch above warning: refused, with the rule. */
  type_and_enter (watch, "70");
  assert_refused (f, watch, before, "watch ≤ warning ≤ critical");
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (watch), "warning at 65\u00a0%"));
  g_assert_false (gtk_widget_has_css_class (warning, "error"));

  /* Out of range. */
  type_and_enter (critical, "0");
  assert_refused (f, critical, before, "(0, 100]");
  type_and_enter (critical, "101");
  assert_refused (f, critical, before, "(0, 100]");
  press_escape (critical);
  g_assert_cmpstr (text_of (f, "critical"), ==, "90");
  g_assert_false (gtk_widget_has_css_class (critical, "error"));

  /* Raising warning past the typed watch writes both, as one edit. */
  type_and_enter (warning, "80");
  g_assert_false (gtk_widget_has_css_class (watch, "error"));
  g_assert_false (gtk_widget_has_css_class (warning, "error"));
  g_assert_cmpfloat (meta->threshold[0], ==, 0.7);
  g_assert_cmpfloat (meta->threshold[1], ==, 0.8);
  g_assert_cmpfloat (meta->threshold[2], ==, 0.9);
  g_assert_true (ss_document_get_modified (f->document));
  ss_test_assert_round_trips (f->study);

  g_assert_true (ss_document_undo (f->document));
  g_assert_false (ss_document_can_undo (f->document));
  g_assert_true (ss_study_equal (f->study, before));
  g_assert_cmpstr (text_of (f, "watch"), ==, "50");
  g_assert_cmpstr (text_of (f, "warning"), ==, "65");

  /* Below watch: refused; Escape puts the study's value back. */
  type_and_enter (warning, "40");
  assert_refused (f, warning, before, "below watch");
  press_escape (warning);
  g_assert_false (gtk_widget_has_css_class (warning, "error"));

  /* Equal thresholds are allowed; 100 % is the top. */
  type_and_enter (critical, "100 %");
  g_assert_cmpfloat (meta->threshold[2], ==, 1);
  type_and_enter (warning, "50");
  g_assert_cmpfloat (meta->threshold[1], ==, 0.5);
  ss_test_assert_round_trips (f->study);
}

static void
test_discount_rate (Fixture       *f,
                    gconstpointer  data)
{
  SsMeta *meta = ss_study_get_meta (f->study);
  g_autoptr(SsStudy) before = ss_study_copy (f->study);
  GtkWidget *rate = field (f, "discount-rate");

  type_and_enter (rate, "150");
  assert_refused (f, rate, before, "[0, 100]");
  type_and_enter (rate, "-1");
  assert_refused (f, rate, before, "[0, 100]");
  type_and_enter (rate, "0,5,1");
  assert_refused (f, rate, before, "a percentage");

  /* The sample's 0.05 shows as 5; typing 5 is no edit. */
  type_and_enter (rate, "5");
  g_assert_cmpfloat (meta->discount_rate, ==, 0.05);
  g_assert_false (ss_document_can_undo (f->document));

  /* 7.3 % is the file's 0.073, not 7.3 / 100. */
  type_and_enter (rate, "7.3");
  g_assert_cmpfloat (meta->discount_rate, ==, g_ascii_strtod ("0.073", NULL));
  g_assert_cmpstr (text_of (f, "discount-rate"), ==, ss_test_localized ("7.3"));
  g_assert_true (ss_document_can_undo (f->document));
  ss_test_assert_round_trips (f->study);

  type_and_enter (rate, "5");
  g_assert_cmpfloat (meta->discount_rate, ==, 0.05);
  type_and_enter (rate, "2.5e-1");
  g_assert_cmpfloat (meta->discount_rate, ==, g_ascii_strtod ("0.0025", NULL));
  g_assert_cmpstr (text_of (f, "discount-rate"), ==, ss_test_localized ("0.25"));

  /* Either decimal mark. */
  type_and_enter (rate, "4,5");
  g_assert_cmpfloat (meta->discount_rate, ==, g_ascii_strtod ("0.045", NULL));
  type_and_enter (rate, "4.25");
  g_assert_cmpfloat (meta->discount_rate, ==, g_ascii_strtod ("0.0425", NULL));
  ss_test_assert_round_trips (f->study);
}

static void
test_home (Fixture       *f,
           gconstpointer  data)
{
  SsMeta *meta = ss_study_get_meta (f->study);
  int japan = ss_study_find_country (f->study, "JP");
  int korea = ss_study_find_country (f->study, "KR");
  GtkWidget *home = field (f, "home");

  g_assert_cmpint (japan, >=, 0);
  g_assert_cmpuint (meta->home, ==, korea);

  gtk_drop_down_set_selected (GTK_DROP_DOWN (home), japan);
  g_assert_cmpuint (meta->home, ==, japan);
  g_assert_true (ss_document_get_modified (f->document));
  ss_test_assert_round_trips (f->study);

  g_assert_true (ss_document_undo (f->document));
  g_assert_cmpuint (meta->home, ==, korea);
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (home)), ==, korea);
  g_assert_false (ss_document_can_undo (f->document));

  /* A renamed country is renamed in the dropdown. */
  ss_document_begin_edit (f->document);
  g_free (ss_study_get_country (f->study, japan)->name);
  ss_study_get_country (f->study, japan)->name = g_strdup ("Nippon");
  ss_document_changed (f->document, SS_CHANGE_STRUCTURE, -1);
  ss_document_end_edit (f->document);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (gtk_drop_down_get_model
                                                                  (GTK_DROP_DOWN (home))), japan),
                   ==, "Nippon");
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (home)), ==, korea);
  g_assert_cmpuint (meta->home, ==, korea);
}

static void
test_texts (Fixture       *f,
            gconstpointer  data)
{
  SsMeta *meta = ss_study_get_meta (f->study);
  g_autoptr(SsStudy) before = ss_study_copy (f->study);
  GtkWidget *title = field (f, "title");
  GtkWidget *currency = field (f, "currency");
  GtkWidget *view = field (f, "description");

  /* Empty title and currency: refused. */
  type_and_enter (title, "   ");
  assert_refused (f, title, before, "cannot be empty");
  g_assert_cmpstr (meta->title, ==, "Korea key materials");
  press_escape (title);
  g_assert_cmpstr (text_of (f, "title"), ==, "Korea key materials");
  g_assert_false (gtk_widget_has_css_class (title, "error"));
  type_and_enter (currency, "");
  assert_refused (f, currency, before, "cannot be empty");
  press_escape (currency);

  /* Accepted, trimmed, one line. */
  type_and_enter (title, "  Korea\tcritical materials ");
  g_assert_cmpstr (meta->title, ==, "Korea critical materials");
  g_assert_cmpstr (text_of (f, "title"), ==, "Korea critical materials");
  type_and_enter (currency, "EUR");
  g_assert_cmpstr (meta->currency, ==, "EUR");

  /* Notes are written when they lose the focus. */
  gtk_widget_grab_focus (view);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)),
                            "Line one\r\nLine two", -1);
  g_assert_cmpstr (meta->description, ==, ss_study_get_meta (before)->description);
  gtk_widget_grab_focus (title);
  ss_test_flush ();
  g_assert_cmpstr (meta->description, ==, "Line one\nLine two");
  ss_test_assert_round_trips (f->study);

  /* Three edits, three undo steps. */
  for (guint k = 0; k < 3; k++)
    g_assert_true (ss_document_undo (f->document));
  g_assert_false (ss_document_can_undo (f->document));
  g_assert_true (ss_study_equal (f->study, before));
}

/* Text XML 1.0 cannot hold is refused where it is typed, with a message
 * naming the character, in the one-line fields and in the notes. */
static void
test_xml_text (Fixture       *f,
               gconstpointer  data)
{
  SsMeta *meta = ss_study_get_meta (f->study);
  g_autoptr(SsStudy) before = ss_study_copy (f->study);
  GtkWidget *title = field (f, "title");
  GtkWidget *currency = field (f, "currency");
  GtkWidget *view = field (f, "description");
  GtkWidget *source = field (f, "source");

  type_and_enter (title, "Korea \xef\xbf\xbe materials");
  assert_refused (f, title, before, "U+FFFE");
  type_and_enter (title, "Korea \xef\xbf\xbf");
  assert_refused (f, title, before, "U+FFFF");
  type_and_enter (title, "Bell\x07");
  assert_refused (f, title, before, "U+0007");
  g_assert_cmpstr (meta->title, ==, "Korea key materials");
  press_escape (title);
  type_and_enter (currency, "US\x01" "D");
  assert_refused (f, currency, before, "U+0001");
  press_escape (currency);

  /* Notes: refused when the focus leaves, shown on the view. */
  gtk_widget_grab_focus (view);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), "Bad \xef\xbf\xbe", -1);
  gtk_widget_grab_focus (title);
  ss_test_flush ();
  assert_refused (f, view, before, "U+FFFE");
  gtk_widget_grab_focus (source);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (source)), "Esc \x1b", -1);
  gtk_widget_grab_focus (title);
  ss_test_flush ();
  assert_refused (f, source, before, "U+001B");

  /* Once fixed, the text is taken. */
  gtk_widget_grab_focus (view);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), "Fine now", -1);
  gtk_widget_grab_focus (title);
  ss_test_flush ();
  g_assert_cmpstr (meta->description, ==, "Fine now");
  g_assert_false (gtk_widget_has_css_class (view, "error"));
  ss_test_assert_round_trips (f->study);
}

/* What the user is typing stays when the study changes elsewhere. */
static void
test_typing_kept (Fixture       *f,
                  gconstpointer  data)
{
  GtkWidget *horizon = field (f, "horizon");
  SsMeta *meta = ss_study_get_meta (f->study);

  gtk_editable_set_text (GTK_EDITABLE (horizon), "2");
  ss_document_begin_edit (f->document);
  meta->base_year = 2026;              /* not after the first policy target */
  ss_document_changed (f->document, SS_CHANGE_STRUCTURE, -1);
  ss_document_end_edit (f->document);
  g_assert_cmpstr (text_of (f, "base-year"), ==, "2026");
  g_assert_cmpstr (text_of (f, "horizon"), ==, "2");

  g_signal_emit_by_name (horizon, "activate");
  g_assert_cmpint (meta->horizon, ==, 2);
  ss_test_assert_round_trips (f->study);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  if (!ss_test_init_display (SS_TEST_DISPLAY_A11Y | SS_TEST_DISPLAY_ADWAITA))
    return 0;

#define ADD(path, func) \
  g_test_add ("/widgets/study-page/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("load", test_load);
  ADD ("horizon", test_horizon);
  ADD ("base-year", test_base_year);
  ADD ("thresholds", test_thresholds);
  ADD ("discount-rate", test_discount_rate);
  ADD ("home", test_home);
  ADD ("texts", test_texts);
  ADD ("xml-text", test_xml_text);
  ADD ("typing-kept", test_typing_kept);
#undef ADD

  return g_test_run ();
}
