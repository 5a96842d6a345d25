/* ss-data-window.c: the study data window — the Study, Countries, Items and Scenarios pages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Countries, items and scenarios are edited in a window of their own, so
 * the main window stays the scenario editor. The window (ss-data-window.ui)
 * holds the four pages in a view stack, binds each to its :document and
 * shows the study's title in its own; :page is the page on show. Closing
 * it only hides it; while a page holds text it refused (a value out of
 * range, shares that do not sum to 100 %), closing first lists every
 * refusal and asks, so none goes unseen.
 */

#define G_LOG_DOMAIN "supplyshift-data-window"

#include "config.h"

#include <glib/gi18n.h>

#include "ss-accessible.h"
#include "ss-bidi.h"
#include "ss-countries-page.h"
#include "ss-data-window.h"
#include "ss-items-page.h"
#include "ss-page-util.h"
#include "ss-scenarios-page.h"
#include "ss-study-page.h"

struct _SsDataWindow
{
  AdwWindow     parent_instance;

  /* Template widgets */
  AdwViewStack *stack;

  /* Owned */
  SsDocument   *document;

  gboolean      closing;               /* "Close Anyway" was chosen */
};

enum
{
  PROP_0,
  PROP_DOCUMENT,
  PROP_PAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (SsDataWindow, ss_data_window, ADW_TYPE_WINDOW)

/* "Study Data — Korea key materials", the study's title in an isolate. */
static void
update_title (SsDataWindow *self)
{
  g_autofree char *title = NULL;
  g_autofree char *window_title = NULL;

  if (self->document == NULL)
    return;
  title = ss_bidi_isolate (ss_study_get_meta (ss_document_get_study (self->document))->title);
  window_title = g_strdup_printf (_("Study Data — %s"), title);
  if (g_strcmp0 (gtk_window_get_title (GTK_WINDOW (self)), window_title) != 0)
    gtk_window_set_title (GTK_WINDOW (self), window_title);
}

static void
on_document_changed (SsDataWindow *self,
                     guint         change,
                     int           scenario)
{
  if (change & SS_CHANGE_STRUCTURE)
    update_title (self);
}

SsDocument *
ss_data_window_get_document (SsDataWindow *self)
{
  g_return_val_if_fail (SS_IS_DATA_WINDOW (self), NULL);
  return self->document;
}

void
ss_data_window_set_document (SsDataWindow *self,
                             SsDocument   *document)
{
  g_return_if_fail (SS_IS_DATA_WINDOW (self));
  g_return_if_fail (document == NULL || SS_IS_DOCUMENT (document));

  if (self->document == document)
    return;
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_set_object (&self->document, document);
  if (document != NULL)
    g_signal_connect_object (document, "changed", G_CALLBACK (on_document_changed), self,
                             G_CONNECT_SWAPPED);
  update_title (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

/* The name of the page on show: "study", "countries", "items" or
 * "scenarios". */
const char *
ss_data_window_get_page (SsDataWindow *self)
{
  g_return_val_if_fail (SS_IS_DATA_WINDOW (self), NULL);
  return adw_view_stack_get_visible_child_name (self->stack);
}

void
ss_data_window_set_page (SsDataWindow *self,
                         const char   *page)
{
  g_return_if_fail (SS_IS_DATA_WINDOW (self));
  g_return_if_fail (page != NULL);

  adw_view_stack_set_visible_child_name (self->stack, page);
}

/**
 * ss_data_window_get_page_widget:
 * @page: "study", "countries", "items" or "scenarios"
 *
 * Returns: (transfer none) (nullable): that page: an SsStudyPage,
 *   SsCountriesPage, SsItemsPage or SsScenariosPage
 */
GtkWidget *
ss_data_window_get_page_widget (SsDataWindow *self,
                                const char   *page)
{
  g_return_val_if_fail (SS_IS_DATA_WINDOW (self), NULL);
  g_return_val_if_fail (page != NULL, NULL);

  return adw_view_stack_get_child_by_name (self->stack, page);
}

/* Every refusal the pages show: an entry's (its tooltip, while it has
 * the "error" style) and a page's own line (the sum of the shares), each
 * once, in page order. */
static void
collect_problems (GtkWidget *widget,
                  GPtrArray *out)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      const char *text = NULL;

      if (gtk_widget_has_css_class (child, "error"))
        {
          if (GTK_IS_EDITABLE (child) || GTK_IS_TEXT_VIEW (child))
            text = gtk_widget_get_tooltip_text (child);
          else if (GTK_IS_LABEL (child) && gtk_widget_get_visible (child))
            text = gtk_label_get_label (GTK_LABEL (child));
        }
      if (text != NULL && *text != '\0'
          && !g_ptr_array_find_with_equal_func (out, text, g_str_equal, NULL))
        g_ptr_array_add (out, g_strdup (text));
      collect_problems (child, out);
    }
}

/**
 * ss_data_window_dup_problems:
 *
 * Returns: (transfer full): the refusals the pages show, each once: what
 *   the window's closing asks about
 */
GPtrArray *
ss_data_window_dup_problems (SsDataWindow *self)
{
  GPtrArray *problems = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (SS_IS_DATA_WINDOW (self), problems);

  for (guint p = 0; p < 4; p++)
    {
      static const char *pages[] = { "study", "countries", "items", "scenarios" };
      GtkWidget *page = ss_data_window_get_page_widget (self, pages[p]);

      if (page != NULL)
        collect_problems (page, problems);
    }
  return problems;
}

static void
on_close_response (SsDataWindow *self,
                   const char   *response)
{
  if (!g_str_equal (response, "close"))
    return;
  self->closing = TRUE;
  gtk_window_close (GTK_WINDOW (self));
  self->closing = FALSE;
}

/* Closing with refused text asks first, listing each refusal. */
static gboolean
ss_data_window_close_request (GtkWindow *window)
{
  SsDataWindow *self = SS_DATA_WINDOW (window);
  GtkWindowClass *parent = GTK_WINDOW_CLASS (ss_data_window_parent_class);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GString) body = NULL;
  GtkWidget *dialog;

  if (!self->closing && gtk_widget_get_visible (GTK_WIDGET (self)))
    problems = ss_data_window_dup_problems (self);
  if (problems == NULL || problems->len == 0)
    return parent->close_request != NULL && parent->close_request (window);

  body = g_string_new (_("Not in the study:"));
  for (guint k = 0; k < problems->len; k++)
    g_string_append_printf (body, "\n• %s", (const char *)g_ptr_array_index (problems, k));
  g_string_append (body, "\n\n");
  g_string_append (body, _("Closing keeps them typed in their fields, still not in the study, "
                           "until the study changes there."));
  dialog = adw_message_dialog_new (window, _("Some Values Were Not Taken"), body->str);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "keep", _("_Keep Editing"),
                                    "close", _("_Close Anyway"), NULL);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_close_response), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

static void
on_visible_child (SsDataWindow *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);
}

/* --- GObject ----------------------------------------------------------- */

static void
ss_data_window_dispose (GObject *object)
{
  SsDataWindow *self = SS_DATA_WINDOW (object);

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), SS_TYPE_DATA_WINDOW);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (ss_data_window_parent_class)->dispose (object);
}

static void
ss_data_window_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  SsDataWindow *self = SS_DATA_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_PAGE:
      g_value_set_string (value, ss_data_window_get_page (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ss_data_window_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  SsDataWindow *self = SS_DATA_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      ss_data_window_set_document (self, g_value_get_object (value));
      break;
    case PROP_PAGE:
      ss_data_window_set_page (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ss_data_window_class_init (SsDataWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ss_data_window_dispose;
  object_class->get_property = ss_data_window_get_property;
  object_class->set_property = ss_data_window_set_property;
  GTK_WINDOW_CLASS (klass)->close_request = ss_data_window_close_request;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, SS_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * SsDataWindow:page:
   *
   * The page on show: "study", "countries", "items" or "scenarios".
   */
  properties[PROP_PAGE] =
    g_param_spec_string ("page", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SS_TYPE_STUDY_PAGE);
  g_type_ensure (SS_TYPE_COUNTRIES_PAGE);
  g_type_ensure (SS_TYPE_ITEMS_PAGE);
  g_type_ensure (SS_TYPE_SCENARIOS_PAGE);
  gtk_widget_class_set_template_from_resource (widget_class, SS_UI_RESOURCE ("ss-data-window.ui"));
  gtk_widget_class_bind_template_child (widget_class, SsDataWindow, stack);
}

static void
ss_data_window_init (SsDataWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  ss_accessible_tidy (GTK_WIDGET (self));
  g_signal_connect_object (self->stack, "notify::visible-child", G_CALLBACK (on_visible_child),
                           self, G_CONNECT_SWAPPED);
}

GtkWidget *
ss_data_window_new (void)
{
  return g_object_new (SS_TYPE_DATA_WINDOW, NULL);
}
