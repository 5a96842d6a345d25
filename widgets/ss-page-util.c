/* ss-page-util.c: what the study data pages share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every page checks a field on each keystroke and shows the outcome on
 * the field itself (the "error" style, a tooltip, the accessible invalid
 * state) and in a status line under its group; these helpers do that, put
 * the study's text back into a field, and build the list rows and the
 * dialogs the pages have in common.
 */

#define G_LOG_DOMAIN "supplyshift-page-util"

#include "config.h"

#include <glib/gi18n.h>

#include "ss-page-util.h"
#include "ss-resources.h"

/* The bundle sits in this static library: referencing it once keeps the
 * linker from dropping it, and with it the templates. */
void
ss_page_ensure_resources (void)
{
  g_assert (ss_get_resource () != NULL);
}

/* --- Text as typed ----------------------------------------------------- */

/* Names, codes and numbers are one line in the file, where line breaks
 * and tabs would turn into spaces on the next load: turn them into spaces
 * now. Other control characters are kept, for ss_xml_text_check() to
 * refuse with a message rather than to vanish unseen. */
char *
ss_page_clean_line (const char *text)
{
  char *copy = g_strdup (text);

  for (char *p = copy; *p; p++)
    if (*p == '\t' || *p == '\n' || *p == '\r')
      *p = ' ';
  return g_strstrip (copy);
}

/* Keeps line breaks and tabs and makes "\r\n" "\n" as the parser would
 * on loading. Other control characters are kept, for ss_xml_text_check()
 * to refuse. */
char *
ss_page_clean_notes (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p; p++)
    {
      if (*p == '\r')
        {
          if (p[1] != '\n')
            g_string_append_c (out, '\n');
          continue;
        }
      g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

/* --- Input state ------------------------------------------------------- */

/* The text of a GtkEditable or a GtkTextView. */
char *
ss_page_get_text (GtkWidget *widget)
{
  if (GTK_IS_TEXT_VIEW (widget))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget));
      GtkTextIter start, end;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    }
  return g_strdup (gtk_editable_get_text (GTK_EDITABLE (widget)));
}

/* Sets the text only when it differs, which would otherwise emit
 * "changed" and move the cursor of the field being typed in. */
void
ss_page_set_text (GtkWidget  *widget,
                  const char *text)
{
  if (GTK_IS_TEXT_VIEW (widget))
    {
      g_autofree char *shown = ss_page_get_text (widget);

      if (!g_str_equal (shown, text))
        gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget)), text, -1);
    }
  else if (!g_str_equal (gtk_editable_get_text (GTK_EDITABLE (widget)), text))
    gtk_editable_set_text (GTK_EDITABLE (widget), text);
}

/* Marks an input refused (with why) or accepted (with a hint of what it
 * holds). Only what changed is set: setting a tooltip asks the X server
 * where the pointer is, each accessible change is a message to screen
 * readers, and a refresh passes over every input of the page. */
void
ss_page_show_input_state (GtkWidget  *widget,
                          const char *message,
                          const char *hint)
{
  const char *text = message != NULL ? message : hint;
  gboolean was_invalid = gtk_widget_has_css_class (widget, "error");

  if (message != NULL && !was_invalid)
    {
      gtk_widget_add_css_class (widget, "error");
      gtk_accessible_update_state (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_STATE_INVALID,
                                   GTK_ACCESSIBLE_INVALID_TRUE, -1);
    }
  else if (message == NULL && was_invalid)
    {
      gtk_widget_remove_css_class (widget, "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_STATE_INVALID);
    }
  if (g_strcmp0 (gtk_widget_get_tooltip_text (widget), text) != 0)
    {
      gtk_widget_set_tooltip_text (widget, text);
      gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      text != NULL ? text : "", -1);
    }
}

/* The label last set is kept on the widget, so that setting the same one
 * again says nothing to screen readers. */
void
ss_page_set_accessible_label (GtkWidget  *widget,
                              const char *label)
{
  if (g_strcmp0 (g_object_get_data (G_OBJECT (widget), "ss-label"), label) == 0)
    return;
  g_object_set_data_full (G_OBJECT (widget), "ss-label", g_strdup (label), g_free);
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  label, -1);
}

void
ss_page_set_tooltip (GtkWidget  *widget,
                     const char *text)
{
  if (g_strcmp0 (gtk_widget_get_tooltip_text (widget), text) != 0)
    gtk_widget_set_tooltip_text (widget, text);
}

/* Shows @message in a status label, or hides it for NULL. */
void
ss_page_show_status (GtkLabel   *status,
                     const char *message)
{
  if (g_strcmp0 (gtk_label_get_label (status), message != NULL ? message : "") != 0)
    gtk_label_set_label (status, message);
  gtk_widget_set_visible (GTK_WIDGET (status), message != NULL);
}

/* Shows the first refusal among @fields, or hides @status. */
void
ss_page_show_first_message (GtkLabel  *status,
                            SsField  **fields,
                            guint      n_fields)
{
  const char *message = NULL;

  for (guint k = 0; k < n_fields && message == NULL; k++)
    message = ss_field_get_message (fields[k]);
  ss_page_show_status (status, message);
}

/* --- Building ---------------------------------------------------------- */

/* The widget with the keyboard focus in @widget's window, or NULL. */
GtkWidget *
ss_page_get_focus (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  return root != NULL ? gtk_root_get_focus (root) : NULL;
}

/* A right-aligned entry for a number, as the suffix of a row. */
GtkWidget *
ss_page_new_number_entry (int width_chars)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_editable_set_width_chars (GTK_EDITABLE (entry), width_chars);
  gtk_editable_set_max_width_chars (GTK_EDITABLE (entry), width_chars);
  gtk_editable_set_alignment (GTK_EDITABLE (entry), 1);
  gtk_entry_set_input_purpose (GTK_ENTRY (entry), GTK_INPUT_PURPOSE_NUMBER);
  gtk_widget_add_css_class (entry, "numeric");
  gtk_widget_set_valign (entry, GTK_ALIGN_CENTER);
  return entry;
}

/**
 * ss_page_new_title_box:
 *
 * A list row's content: a title over a dimmed subtitle, each ellipsized,
 * filled by ss_page_set_title_box(). The study data pages' sidebars
 * (GtkListBox rows) and the Items page's list view take it.
 */
GtkWidget *
ss_page_new_title_box (void)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), subtitle);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  return box;
}

void
ss_page_set_title_box (GtkWidget  *box,
                       const char *title,
                       const char *subtitle)
{
  gtk_label_set_label (GTK_LABEL (gtk_widget_get_first_child (box)), title);
  gtk_label_set_label (GTK_LABEL (gtk_widget_get_last_child (box)), subtitle);
}

/* A sidebar row: a title box, filled by ss_page_set_list_row(). */
static GtkWidget *
new_list_row (void)
{
  GtkWidget *row = gtk_list_box_row_new ();

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), ss_page_new_title_box ());
  return row;
}

/* Shows @n_rows sidebar rows in @list, each filled by @fill, and selects
 * row @selected (none for -1). Rows are reused and only added or removed
 * at the end: a study may hold thousands of items, and every structural
 * edit or undo lands here. A list that had the focus gives it to the
 * selected row. */
void
ss_page_sync_list (GtkListBox    *list,
                   guint          n_rows,
                   int            selected,
                   SsPageFillRow  fill,
                   gpointer       data)
{
  GtkWidget *focus = ss_page_get_focus (GTK_WIDGET (list));
  gboolean had_focus = focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (list));
  GtkListBoxRow *row;

  while ((row = gtk_list_box_get_row_at_index (list, n_rows)) != NULL)
    gtk_list_box_remove (list, GTK_WIDGET (row));
  for (guint i = 0; i < n_rows; i++)
    {
      if ((row = gtk_list_box_get_row_at_index (list, i)) == NULL)
        {
          row = GTK_LIST_BOX_ROW (new_list_row ());
          gtk_list_box_append (list, GTK_WIDGET (row));
        }
      fill (GTK_WIDGET (row), i, data);
    }
  row = selected >= 0 ? gtk_list_box_get_row_at_index (list, selected) : NULL;
  gtk_list_box_select_row (list, row);
  if (had_focus && row != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (row));
}

/* A screen reader says the title alone: the subtitle is a detail. */
void
ss_page_set_list_row (GtkWidget  *row,
                      const char *title,
                      const char *subtitle)
{
  ss_page_set_title_box (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row)), title, subtitle);
  ss_page_set_accessible_label (row, title);
}

/* --- Leaving a list with Tab ------------------------------------------ */

/**
 * ss_page_focus_beyond:
 * @direction: %GTK_DIR_TAB_FORWARD or %GTK_DIR_TAB_BACKWARD
 *
 * Moves the focus from inside @widget to the next control after it (the
 * previous one before it, going backward) in the window's own focus
 * order, as if @widget's controls were not there; past the window's last
 * control, round to its first, as Tab goes.
 *
 * Returns: whether the focus moved
 */
gboolean
ss_page_focus_beyond (GtkWidget        *widget,
                      GtkDirectionType  direction)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  gboolean moved;

  if (root == NULL)
    return FALSE;
  /* GTK walks on from the focus; a widget that cannot take the focus is
   * passed over with all it holds. */
  gtk_widget_set_can_focus (widget, FALSE);
  moved = gtk_widget_child_focus (GTK_WIDGET (root), direction);
  gtk_widget_set_can_focus (widget, TRUE);
  return moved;
}

static gboolean
on_list_key (GtkEventControllerKey *controller,
             guint                  keyval,
             guint                  keycode,
             GdkModifierType        state,
             gpointer               user_data)
{
  GtkWidget *list = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));

  if (keyval != GDK_KEY_Tab && keyval != GDK_KEY_KP_Tab && keyval != GDK_KEY_ISO_Left_Tab)
    return FALSE;
  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK))
    return FALSE;
  ss_page_focus_beyond (list, (keyval == GDK_KEY_ISO_Left_Tab || (state & GDK_SHIFT_MASK))
                                ? GTK_DIR_TAB_BACKWARD : GTK_DIR_TAB_FORWARD);
  return TRUE;
}

/**
 * ss_page_tab_leaves:
 * @list: a GtkListView
 *
 * Makes Tab and Shift+Tab leave @list for the next or previous control,
 * leaving the selection as it is. GTK 4.8's list view moves the focus
 * from row to row on Tab, so Tab alone never got past a long list (GTK
 * 4.12 has gtk_list_view_set_tab_behavior() for this); the arrow keys
 * still move through the rows.
 */
void
ss_page_tab_leaves (GtkWidget *list)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_list_key), NULL);
  gtk_widget_add_controller (list, keys);
}

/* --- Dialogs ----------------------------------------------------------- */

/* Says why something could not be done, over the window that holds
 * @page, with only a Close button. */
void
ss_page_show_message (GtkWidget  *page,
                      const char *heading,
                      const char *body)
{
  GtkRoot *root = gtk_widget_get_root (page);
  GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                              heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* --- Work off the main thread ------------------------------------------ */

/**
 * ss_frame_budget_us:
 *
 * How long a recompute may take on the main thread before it goes to a
 * worker: 8 ms, half a frame at 60 Hz, or SUPPLYSHIFT_FRAME_BUDGET_US
 * (0 sends every recompute there, for tests).
 *
 * Returns: microseconds
 */
gint64
ss_frame_budget_us (void)
{
  const char *env = g_getenv ("SUPPLYSHIFT_FRAME_BUDGET_US");

  return env != NULL ? MAX (g_ascii_strtoll (env, NULL, 10), 0) : 8000;
}

/**
 * ss_page_new_computing_box:
 * @text: what is being computed, as a sentence
 *
 * A line with a spinner that says a view's figures are being computed
 * in a worker thread (ss_document_complete_async()): the view shows it
 * instead of figures half brought up to date. Hidden at first; see
 * ss_page_show_computing().
 */
GtkWidget *
ss_page_new_computing_box (const char *text)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *spinner = gtk_spinner_new ();
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (box, "computing");
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (box), spinner);
  gtk_box_append (GTK_BOX (box), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
  gtk_widget_set_visible (box, FALSE);
  return box;
}

/* Shows or hides the line, its spinner spinning only while shown. */
void
ss_page_show_computing (GtkWidget *box,
                        gboolean   computing)
{
  GtkWidget *spinner = gtk_widget_get_first_child (box);

  gtk_spinner_set_spinning (GTK_SPINNER (spinner), computing);
  gtk_widget_set_visible (box, computing);
}
