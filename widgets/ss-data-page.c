/* ss-data-page.c: a page of the study data window, showing a document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the Study, Countries, Items and Scenarios pages have in common:
 * a :document property, which their templates bind their fields to, and
 * the document's "changed" signal handed on to the page's class. A page
 * holds one widget, its template's content.
 */

#define G_LOG_DOMAIN "supplyshift-data-page"

#include "config.h"

#include "ss-data-page.h"

typedef struct
{
  SsDocument *document;
} SsDataPagePrivate;

enum
{
  PROP_0,
  PROP_DOCUMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (SsDataPage, ss_data_page, GTK_TYPE_WIDGET)

static void
on_document_changed (SsDataPage *self,
                     guint       change,
                     int         scenario)
{
  SsDataPageClass *klass = SS_DATA_PAGE_GET_CLASS (self);

  if (klass->document_changed != NULL)
    klass->document_changed (self, change, scenario);
}

SsDocument *
ss_data_page_get_document (SsDataPage *self)
{
  SsDataPagePrivate *priv = ss_data_page_get_instance_private (self);

  g_return_val_if_fail (SS_IS_DATA_PAGE (self), NULL);
  return priv->document;
}

void
ss_data_page_set_document (SsDataPage *self,
                           SsDocument *document)
{
  SsDataPagePrivate *priv = ss_data_page_get_instance_private (self);

  g_return_if_fail (SS_IS_DATA_PAGE (self));
  g_return_if_fail (document == NULL || SS_IS_DOCUMENT (document));

  if (priv->document == document)
    return;
  if (priv->document != NULL)
    g_signal_handlers_disconnect_by_data (priv->document, self);
  g_set_object (&priv->document, document);
  if (document != NULL)
    g_signal_connect_object (document, "changed", G_CALLBACK (on_document_changed), self,
                             G_CONNECT_SWAPPED);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

/* The fields follow through their bindings before the page's own parts,
 * which read what they show: after the bindings, which are handlers of
 * this notification, and after it is sent, which is once the property is
 * set when a binding sets it. */
static void
on_notify_document (SsDataPage *self)
{
  SsDataPageClass *klass = SS_DATA_PAGE_GET_CLASS (self);

  if (klass->document_set != NULL)
    klass->document_set (self);
}

static void
ss_data_page_dispose (GObject *object)
{
  SsDataPage *self = SS_DATA_PAGE (object);
  SsDataPagePrivate *priv = ss_data_page_get_instance_private (self);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  if (priv->document != NULL)
    g_signal_handlers_disconnect_by_data (priv->document, self);
  g_clear_object (&priv->document);

  G_OBJECT_CLASS (ss_data_page_parent_class)->dispose (object);
}

static void
ss_data_page_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  SsDataPage *self = SS_DATA_PAGE (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, ss_data_page_get_document (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ss_data_page_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  SsDataPage *self = SS_DATA_PAGE (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      ss_data_page_set_document (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ss_data_page_class_init (SsDataPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ss_data_page_dispose;
  object_class->get_property = ss_data_page_get_property;
  object_class->set_property = ss_data_page_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, SS_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
ss_data_page_init (SsDataPage *self)
{
  g_signal_connect_after (self, "notify::document", G_CALLBACK (on_notify_document), NULL);
}
