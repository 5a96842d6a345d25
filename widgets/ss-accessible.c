/* ss-accessible.c: names for screen readers where GTK 4.8 gives none or two
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What tests/test-a11y.py found GTK 4.8 itself getting wrong, and how it
 * is put right here (later GTK fixed most of it):
 * - a button with a mnemonic label is named "_Open Open": GTK sets the
 *   label with its underscore as the button's name, and the label inside
 *   names it again. The name is reset; the label names it.
 * - a GtkDropDown's button and the rows of its list are named after
 *   their type ("GtkToggleButton", "GtkListItemWidget"): a factory of our
 *   own names each row by its text (GTK 4.12 has a list item's own
 *   accessible label), the button by the choice shown, the list by the
 *   drop-down's tooltip.
 * - a GtkMenuButton's inner button takes the menu button's name, so it
 *   is read twice: the inner button, which takes the focus, keeps it.
 */

#define G_LOG_DOMAIN "supplyshift-accessible"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "ss-accessible.h"

void
ss_accessible_name (GtkWidget  *widget,
                    const char *label)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

/* --- Buttons ----------------------------------------------------------- */

static void
tidy_button (GtkButton *button)
{
  GtkWidget *child = gtk_button_get_child (button);

  if (!gtk_button_get_use_underline (button) || gtk_button_get_label (button) == NULL
      || !GTK_IS_LABEL (child))
    return;
  gtk_accessible_reset_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL);
}

void
ss_accessible_name_menu_button (GtkMenuButton *button,
                                const char    *label)
{
  GtkWidget *inner = gtk_widget_get_first_child (GTK_WIDGET (button));

  g_return_if_fail (GTK_IS_MENU_BUTTON (button));

  gtk_accessible_reset_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL);
  if (inner == NULL)
    return;
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (inner), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  ss_accessible_name (inner, label);
}

/* --- Drop-downs -------------------------------------------------------- */

static const char *
text_of (gpointer item)
{
  return GTK_IS_STRING_OBJECT (item) ? gtk_string_object_get_string (item) : NULL;
}

static GtkWidget *
toggle_of (GtkDropDown *drop_down)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (drop_down)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_TOGGLE_BUTTON (child))
      return child;
  return NULL;
}

/* The drop-down's button is read as the choice it shows. */
static void
name_toggle (GtkDropDown *drop_down)
{
  GtkWidget *toggle = toggle_of (drop_down);
  const char *text = text_of (gtk_drop_down_get_selected_item (drop_down));

  if (toggle == NULL)
    return;
  if (text != NULL)
    ss_accessible_name (toggle, text);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL);
}

static GtkWidget *
list_of (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = GTK_IS_LIST_VIEW (child) ? child : list_of (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
setup_row (GtkListItemFactory *factory,
           GtkListItem        *list_item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *check = gtk_image_new_from_icon_name ("object-select-symbolic");

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_accessible_update_state (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), check);
  gtk_list_item_set_child (list_item, box);
}

/* The list's rows show a check beside the choice made, as GTK's own do. */
/* A drop-down shows its choice on its button with the same factory as
 * the rows of its list. */
static gboolean
in_button (GtkWidget *box)
{
  return gtk_widget_get_ancestor (box, GTK_TYPE_BUTTON) != NULL;
}

/* The drop-down or combo row the row is a choice of. */
static GtkWidget *
owner_of (GtkWidget *box)
{
  GtkWidget *owner = gtk_widget_get_ancestor (box, GTK_TYPE_DROP_DOWN);

  return owner != NULL ? owner : gtk_widget_get_ancestor (box, ADW_TYPE_COMBO_ROW);
}

static void
show_check (GtkListItem *list_item)
{
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *owner = owner_of (box);
  gboolean in_list = !in_button (box);
  guint selected = GTK_INVALID_LIST_POSITION;

  if (owner != NULL)
    g_object_get (owner, "selected", &selected, NULL);
  gtk_widget_set_opacity (gtk_widget_get_last_child (box),
                          in_list && selected == gtk_list_item_get_position (list_item) ? 1 : 0);
  gtk_widget_set_visible (gtk_widget_get_last_child (box), in_list);
}

static void
bind_row (GtkListItemFactory *factory,
          GtkListItem        *list_item)
{
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *row = gtk_widget_get_parent (box);
  GtkWidget *drop_down = owner_of (box);
  const char *text = text_of (gtk_list_item_get_item (list_item));

  gtk_label_set_label (GTK_LABEL (gtk_widget_get_first_child (box)), text);
  if (row != NULL && !in_button (box) && text != NULL)
    ss_accessible_name (row, text);
  else if (row != NULL)
    /* The choice shown on the button: the button takes the focus. */
    gtk_widget_set_focusable (row, FALSE);
  show_check (list_item);
  if (drop_down != NULL)
    g_signal_connect_object (drop_down, "notify::selected", G_CALLBACK (show_check), list_item,
                             G_CONNECT_SWAPPED);
}

static void
unbind_row (GtkListItemFactory *factory,
            GtkListItem        *list_item)
{
  GtkWidget *drop_down = owner_of (gtk_list_item_get_child (list_item));

  if (drop_down != NULL)
    g_signal_handlers_disconnect_by_func (drop_down, show_check, list_item);
}

static GtkListItemFactory *
choice_factory (void)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row), NULL);
  return factory;
}

/**
 * ss_accessible_drop_down:
 * @list_label: (nullable): the name of its list of choices; NULL for its
 *   tooltip
 *
 * Names @drop_down's button, its list and the list's rows for a screen
 * reader. For a drop-down on a list of strings (GtkStringList).
 */
void
ss_accessible_drop_down (GtkDropDown *drop_down,
                         const char  *list_label)
{
  GtkListItemFactory *factory;
  GtkWidget *list;

  g_return_if_fail (GTK_IS_DROP_DOWN (drop_down));

  if (g_object_get_data (G_OBJECT (drop_down), "ss-accessible") != NULL)
    return;
  g_object_set_data (G_OBJECT (drop_down), "ss-accessible", GINT_TO_POINTER (1));
  factory = choice_factory ();
  gtk_drop_down_set_factory (drop_down, factory);
  g_object_unref (factory);

  if (list_label == NULL)
    list_label = gtk_widget_get_tooltip_text (GTK_WIDGET (drop_down));
  if ((list = list_of (GTK_WIDGET (drop_down))) != NULL && list_label != NULL)
    ss_accessible_name (list, list_label);
  g_signal_connect (drop_down, "notify::selected", G_CALLBACK (name_toggle), NULL);
  name_toggle (drop_down);
}

static void
setup_shown (GtkListItemFactory *factory,
             GtkListItem        *list_item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (list_item, label);
}

static void
bind_shown (GtkListItemFactory *factory,
            GtkListItem        *list_item)
{
  GtkWidget *label = gtk_list_item_get_child (list_item);

  gtk_label_set_label (GTK_LABEL (label), text_of (gtk_list_item_get_item (list_item)));
  /* The row takes the focus and is named by its title; the choice it
   * shows is not a control of its own. */
  if (gtk_widget_get_parent (label) != NULL)
    gtk_widget_set_focusable (gtk_widget_get_parent (label), FALSE);
}

/* A combo row's list, and its rows, are named; the row itself is named
 * by its title, and the choice it shows does not take the focus. */
static void
tidy_combo_row (AdwComboRow *row)
{
  GtkListItemFactory *factory;
  GtkWidget *list;

  if (g_object_get_data (G_OBJECT (row), "ss-accessible") != NULL)
    return;
  g_object_set_data (G_OBJECT (row), "ss-accessible", GINT_TO_POINTER (1));
  factory = choice_factory ();
  adw_combo_row_set_list_factory (row, factory);
  g_object_unref (factory);
  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_shown), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_shown), NULL);
  adw_combo_row_set_factory (row, factory);
  g_object_unref (factory);
  if ((list = list_of (GTK_WIDGET (row))) != NULL)
    ss_accessible_name (list, adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
}

/* --- The whole of a window --------------------------------------------- */

/**
 * ss_accessible_tidy:
 *
 * Puts right, in @root and everything it holds, what GTK 4.8 names
 * wrongly of its own widgets: buttons with a mnemonic label, and
 * drop-downs on a list of strings. For a window or page once built.
 */
void
ss_accessible_tidy (GtkWidget *root)
{
  if (GTK_IS_BUTTON (root))
    tidy_button (GTK_BUTTON (root));
  if (ADW_IS_COMBO_ROW (root))
    tidy_combo_row (ADW_COMBO_ROW (root));
  if (GTK_IS_DROP_DOWN (root))
    {
      /* Every drop-down here is on a GtkStringList (whose item type GTK
       * 4.8 gives as GObject). */
      ss_accessible_drop_down (GTK_DROP_DOWN (root), NULL);
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    ss_accessible_tidy (child);
}
