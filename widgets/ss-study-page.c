/* ss-study-page.c: the Study page — the study's title, horizon, currency and thresholds
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every field of the file's <meta> as a preferences page: the title and
 * home country, a description, the projection's base year, horizon,
 * currency and discount rate, the alert thresholds and the source notes.
 * Like the other pages, a field is checked on every keystroke (the
 * "error" style, a tooltip and a message naming the range) and written
 * when the user presses Enter or leaves it, as one undoable edit; a value
 * that fails the check is never written, and Escape puts the study's
 * value back. The two notes are written when they lose the focus.
 *
 * Rates and thresholds are fractions in the file and percentages here.
 * A typed "7.3" is read as the decimal 7.3e-2, not computed as 7.3 / 100
 * (0.07299999999999999), so the file says what the user typed.
 *
 * The thresholds must keep watch ≤ warning ≤ critical, so raising all
 * three takes more than one field. They are written together: committing
 * one writes every typed threshold at once, as soon as all of them pass,
 * and until then the study keeps its old thresholds.
 */

#define G_LOG_DOMAIN "supplyshift-study-page"

#include "config.h"

#include <math.h>
#include <string.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "ss-attrs.h"
#include "ss-page-util.h"
#include "ss-xml-text.h"
#include "ss-study-page.h"

typedef enum
{
  FIELD_TITLE,
  FIELD_BASE_YEAR,
  FIELD_HORIZON,
  FIELD_CURRENCY,
  FIELD_DISCOUNT_RATE,
  FIELD_WATCH,
  FIELD_WARNING,
  FIELD_CRITICAL,
  FIELD_DESCRIPTION,
  FIELD_SOURCE,
  N_FIELDS
} FieldId;

/* The groups whose fields can be refused; each shows its first refusal. */
typedef enum
{
  GROUP_STUDY,
  GROUP_PROJECTION,
  GROUP_THRESHOLDS,
  GROUP_NONE,
  N_GROUPS = GROUP_NONE
} GroupId;

typedef enum
{
  KIND_LINE,                           /* one line, not empty */
  KIND_WHOLE,                          /* a whole number */
  KIND_PERCENT,                        /* a percentage, stored as a fraction */
  KIND_NOTES,                          /* several lines, may be empty */
} FieldKind;

typedef struct
{
  const char       *name;              /* element or attribute in the file */
  const char       *title;
  const char       *meaning;
  FieldKind         kind;
  GroupId           group;
  const SsAttrSpec *spec;
} FieldInfo;

static const FieldInfo field_info[N_FIELDS] = {
  [FIELD_TITLE] = { "title", N_("Title"), N_("Shown in the window title and in reports"),
                    KIND_LINE, GROUP_STUDY, NULL },
  [FIELD_BASE_YEAR] = { "base-year", N_("Base year"),
                        N_("The first year of every projection"),
                        KIND_WHOLE, GROUP_PROJECTION, &ss_spec_base_year },
  [FIELD_HORIZON] = { "horizon", N_("Horizon"),
                      N_("Years projected after the base year; changing it reshapes every "
                         "projection"),
                      KIND_WHOLE, GROUP_PROJECTION, &ss_spec_horizon },
  [FIELD_CURRENCY] = { "currency", N_("Currency"),
                       N_("Import values are millions of it, like USD"),
                       KIND_LINE, GROUP_PROJECTION, NULL },
  [FIELD_DISCOUNT_RATE] = { "discount-rate", N_("Discount rate"),
                            N_("Yearly rate for the net present value of costs"),
                            KIND_PERCENT, GROUP_PROJECTION, &ss_spec_discount_rate },
  [FIELD_WATCH] = { "watch", N_("Watch"),
                    N_("Share from one foreign country that puts an item on watch"),
                    KIND_PERCENT, GROUP_THRESHOLDS, &ss_spec_threshold },
  [FIELD_WARNING] = { "warning", N_("Warning"),
                      N_("Share from one foreign country that raises a warning"),
                      KIND_PERCENT, GROUP_THRESHOLDS, &ss_spec_threshold },
  [FIELD_CRITICAL] = { "critical", N_("Critical"),
                       N_("Share from one foreign country that makes an item critical"),
                       KIND_PERCENT, GROUP_THRESHOLDS, &ss_spec_threshold },
  [FIELD_DESCRIPTION] = { "description", N_("Description"),
                          N_("What the study covers and for whom"),
                          KIND_NOTES, GROUP_NONE, NULL },
  [FIELD_SOURCE] = { "source", N_("Source"),
                     N_("Where the figures come from, and which of them are assumptions"),
                     KIND_NOTES, GROUP_NONE, NULL },
};

/* The thresholds as the middle of a sentence: "above warning at 65 %". */
static const char *threshold_names[3] = { N_("watch"), N_("warning"), N_("critical") };

/* One field; lives in the page. */
typedef struct
{
  SsStudyPage *page;
  FieldId      id;
  GtkWidget   *widget;                 /* AdwEntryRow, GtkEntry or GtkTextView */
  gboolean     dirty;                  /* typed in since the last refresh */
  char        *message;                /* why the text is refused, or NULL */
  guint        resize_id;              /* notes only, see on_notes_height_changed() */
} Field;

struct _SsStudyPage
{
  GtkWidget            parent_instance;

  /* Children */
  GtkWidget           *scroller;
  AdwPreferencesGroup *projection_group;
  GtkWidget           *home_dropdown;
  GtkLabel            *status[N_GROUPS];

  /* Owned */
  SsDocument          *document;
  GtkStringList       *country_names;
  Field                fields[N_FIELDS];

  gboolean             syncing;        /* setting widgets, not typing */
  gboolean             disposing;
};

G_DEFINE_FINAL_TYPE (SsStudyPage, ss_study_page, GTK_TYPE_WIDGET)

static SsStudy *
study_of (SsStudyPage *self)
{
  return ss_document_get_study (self->document);
}

static SsMeta *
meta_of (SsStudyPage *self)
{
  return ss_study_get_meta (study_of (self));
}

static gboolean
is_threshold (FieldId id)
{
  return id >= FIELD_WATCH && id <= FIELD_CRITICAL;
}

/* --- Text and numbers -------------------------------------------------- */

/* "7.3" or "7.3 %" → 0.073, read as the decimal 7.3e-2. */
static gboolean
parse_percent (const char *text,
               double     *fraction)
{
  g_autofree char *clean = g_strstrip (g_strdup (text));
  g_autofree char *shifted = NULL;
  gsize len = strlen (clean);
  const char *e;
  double percent;

  if (len > 0 && clean[len - 1] == '%')
    {
      clean[len - 1] = '\0';
      g_strchomp (clean);
    }
  if (!ss_parse_number (clean, &percent))
    return FALSE;

  if ((e = strpbrk (clean, "eE")) == NULL)
    shifted = g_strconcat (clean, "e-2", NULL);
  else
    shifted = g_strdup_printf ("%.*se%" G_GINT64_FORMAT, (int)(e - clean), clean,
                               g_ascii_strtoll (e + 1, NULL, 10) - 2);
  *fraction = g_ascii_strtod (shifted, NULL);
  return isfinite (*fraction);
}

/* The shortest plain percentage that reads back to the same fraction:
 * 0.073 shows as "7.3", not 7.300000000000001. */
static void
format_percent (char   *buf,
                gsize   len,
                double  fraction)
{
  static const char *formats[] = {
    "%.1g", "%.2g", "%.3g", "%.4g", "%.5g", "%.6g", "%.7g", "%.8g", "%.9g",
    "%.10g", "%.11g", "%.12g", "%.13g", "%.14g", "%.15g", "%.16g", "%.17g",
  };
  double back;

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_ascii_formatd (buf, len, formats[i], fraction * 100);
      if (strpbrk (buf, "eE") == NULL && parse_percent (buf, &back) && back == fraction)
        return;
    }
  ss_format_number (buf, len, fraction * 100);
}

/* "[0, 100]": a fraction's range as percentages. */
static char *
describe_percent_range (const SsAttrSpec *spec)
{
  SsAttrSpec percent = *spec;

  percent.min *= 100;
  percent.max *= 100;
  return ss_attr_describe_range (&percent);
}

static char *
field_hint (FieldId id)
{
  const FieldInfo *info = &field_info[id];
  g_autofree char *range = NULL;

  switch (info->kind)
    {
    case KIND_WHOLE:
      range = ss_attr_describe_range (info->spec);
      /* Translators: a field's meaning, then its range */
      return g_strdup_printf (_("%s; a whole number in %s"), _(info->meaning), range);
    case KIND_PERCENT:
      range = describe_percent_range (info->spec);
      /* Translators: a field's meaning, then its range in percent */
      return g_strdup_printf (_("%s; a percentage in %s"), _(info->meaning), range);
    case KIND_LINE:
    case KIND_NOTES:
    default:
      return g_strdup (_(info->meaning));
    }
}

/* What the study says, as the field shows it. */
static char *
study_text (SsStudyPage *self,
            FieldId      id)
{
  SsMeta *meta = meta_of (self);
  char buf[SS_NUMBER_BUF];

  switch (id)
    {
    case FIELD_TITLE:
      return g_strdup (meta->title);
    case FIELD_BASE_YEAR:
      return g_strdup_printf ("%d", meta->base_year);
    case FIELD_HORIZON:
      return g_strdup_printf ("%d", meta->horizon);
    case FIELD_CURRENCY:
      return g_strdup (meta->currency);
    case FIELD_DISCOUNT_RATE:
      format_percent (buf, sizeof buf, meta->discount_rate);
      return g_strdup (buf);
    case FIELD_WATCH:
    case FIELD_WARNING:
    case FIELD_CRITICAL:
      format_percent (buf, sizeof buf, meta->threshold[id - FIELD_WATCH]);
      return g_strdup (buf);
    case FIELD_DESCRIPTION:
      return g_strdup (meta->description);
    case FIELD_SOURCE:
      return g_strdup (meta->source);
    case N_FIELDS:
    default:
      g_return_val_if_reached (NULL);
    }
}

/* --- Checks ------------------------------------------------------------ */

/* A threshold as it would be written: what is typed, if it is a
 * percentage in range, else what the study says. */
static double
pending_threshold (SsStudyPage *self,
                   guint        k)
{
  Field *field = &self->fields[FIELD_WATCH + k];
  double value;

  if (field->dirty)
    {
      g_autofree char *text = ss_page_get_text (field->widget);

      if (parse_percent (text, &value) && ss_attr_in_range (&ss_spec_threshold, value))
        return value;
    }
  return meta_of (self)->threshold[k];
}

static char *
check_order (SsStudyPage *self,
             FieldId      id,
             double       value)
{
  guint k = id - FIELD_WATCH;
  char mine[SS_NUMBER_BUF], other[SS_NUMBER_BUF];
  double v[3];

  for (guint j = 0; j < 3; j++)
    v[j] = j == k ? value : pending_threshold (self, j);

  format_percent (mine, sizeof mine, value);
  if (k < 2 && v[k] > v[k + 1])
    {
      format_percent (other, sizeof other, v[k + 1]);
      /* Translators: "Watch at 70 % is above warning at 65 %: …" */
      return g_strdup_printf (_("%s at %s\u00a0%% is above %s at %s\u00a0%%: the thresholds must "
                                "keep 0\u00a0%% < watch ≤ warning ≤ critical ≤ 100\u00a0%%"),
                              _(field_info[id].title), mine, _(threshold_names[k + 1]), other);
    }
  if (k > 0 && v[k - 1] > v[k])
    {
      format_percent (other, sizeof other, v[k - 1]);
      /* Translators: "Warning at 40 % is below watch at 50 %: …" */
      return g_strdup_printf (_("%s at %s\u00a0%% is below %s at %s\u00a0%%: the thresholds must "
                                "keep 0\u00a0%% < watch ≤ warning ≤ critical ≤ 100\u00a0%%"),
                              _(field_info[id].title), mine, _(threshold_names[k - 1]), other);
    }
  return NULL;
}

/* Checks a field's text. On success fills *value (numbers) or *string
 * (text); else returns why it is refused. */
static char *
check_text (SsStudyPage  *self,
            FieldId       id,
            const char   *text,
            double       *value,
            char        **string)
{
  const FieldInfo *info = &field_info[id];
  g_autofree char *clean = NULL;
  g_autofree char *range = NULL;
  char *message;
  gint64 whole;

  switch (info->kind)
    {
    case KIND_LINE:
      clean = ss_page_clean_line (text);
      if (*clean == '\0')
        return g_strdup (id == FIELD_TITLE ? _("The title cannot be empty")
                                           : _("The currency cannot be empty; give its code, "
                                               "like USD"));
      if ((message = ss_xml_text_check (clean, _(info->title))) != NULL)
        return message;
      *string = g_steal_pointer (&clean);
      return NULL;

    case KIND_WHOLE:
      clean = ss_page_clean_line (text);
      if (ss_parse_integer (clean, &whole) && ss_attr_in_range (info->spec, whole))
        {
          GArray *targets = meta_of (self)->policy_targets;

          /* A policy target is dated from the base year on (file-format.md):
           * a later base year would leave the study unsaveable. */
          if (id == FIELD_BASE_YEAR && targets->len > 0
              && whole > g_array_index (targets, SsPolicyTarget, 0).year)
            return g_strdup_printf (_("The base year cannot be after the first policy target, "
                                      "which is for %d"),
                                    g_array_index (targets, SsPolicyTarget, 0).year);
          *value = whole;
          return NULL;
        }
      range = ss_attr_describe_range (info->spec);
      /* Translators: "Horizon must be a whole number in [1, 50]" */
      return g_strdup_printf (_("%s must be a whole number in %s"), _(info->title), range);

    case KIND_PERCENT:
      if (!parse_percent (text, value) || !ss_attr_in_range (info->spec, *value))
        {
          range = describe_percent_range (info->spec);
          /* Translators: "Discount rate must be a percentage in [0, 100]" */
          return g_strdup_printf (_("%s must be a percentage in %s"), _(info->title), range);
        }
      return is_threshold (id) ? check_order (self, id, *value) : NULL;

    case KIND_NOTES:
    default:
      clean = ss_page_clean_notes (text);
      if ((message = ss_xml_text_check (clean, _(info->title))) != NULL)
        return message;
      *string = g_steal_pointer (&clean);
      return NULL;
    }
}

/* --- Field state ------------------------------------------------------- */

static void
set_field_message (Field *field,
                   char  *message)
{
  g_autofree char *hint = NULL;

  g_free (field->message);
  field->message = message;
  /* A text view shows its own hint below it; only a refusal is shown on it. */
  if (field_info[field->id].kind == KIND_NOTES)
    {
      ss_page_show_input_state (field->widget, message, NULL);
      return;
    }
  hint = field_hint (field->id);
  ss_page_show_input_state (field->widget, message, hint);
}

/* Each group shows the first refusal among its fields under its rows. */
static void
update_status (SsStudyPage *self)
{
  for (guint g = 0; g < N_GROUPS; g++)
    {
      const char *message = NULL;

      for (guint k = 0; k < N_FIELDS && message == NULL; k++)
        if (field_info[k].group == g)
          message = self->fields[k].message;
      ss_page_show_status (self->status[g], message);
    }
}

/* A threshold's refusal depends on the others: check again every typed one. */
static void
recheck_thresholds (SsStudyPage *self)
{
  for (guint k = FIELD_WATCH; k <= FIELD_CRITICAL; k++)
    {
      Field *field = &self->fields[k];
      g_autofree char *text = NULL;
      double value;

      if (!field->dirty)
        continue;
      text = ss_page_get_text (field->widget);
      set_field_message (field, check_text (self, k, text, &value, NULL));
    }
}

/* Shows the study's value, unless the user is typing in the field. */
static void
sync_field (SsStudyPage *self,
            Field       *field,
            gboolean     force)
{
  g_autofree char *text = NULL;

  if (field->dirty && !force)
    return;

  text = study_text (self, field->id);
  self->syncing = TRUE;
  ss_page_set_text (field->widget, text);
  self->syncing = FALSE;
  field->dirty = FALSE;
  set_field_message (field, NULL);
}

static void
sync_home (SsStudyPage *self)
{
  SsStudy *study = study_of (self);
  guint nc = ss_study_get_n_countries (study);
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->country_names));
  gboolean same = shown == nc;

  for (guint c = 0; same && c < nc; c++)
    same = g_str_equal (gtk_string_list_get_string (self->country_names, c),
                        ss_study_get_country (study, c)->name);

  self->syncing = TRUE;
  if (!same)
    {
      g_autoptr(GPtrArray) names = g_ptr_array_new ();

      for (guint c = 0; c < nc; c++)
        g_ptr_array_add (names, ss_study_get_country (study, c)->name);
      g_ptr_array_add (names, NULL);
      gtk_string_list_splice (self->country_names, 0, shown, (const char * const *)names->pdata);
    }
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->home_dropdown), meta_of (self)->home);
  self->syncing = FALSE;
}

static void
update_projection_description (SsStudyPage *self)
{
  SsMeta *meta = meta_of (self);
  g_autofree char *currency = g_markup_escape_text (meta->currency, -1);
  g_autofree char *description = NULL;

  /* The description is markup. */
  /* Translators: "Every projection runs from 2024 to 2034, in millions of USD." */
  description = g_strdup_printf (_("Every projection runs from %d to %d, in millions of %s."),
                                 meta->base_year, meta->base_year + meta->horizon, currency);
  adw_preferences_group_set_description (self->projection_group, description);
}

static void
refresh (SsStudyPage *self,
         gboolean     force)
{
  sync_home (self);
  for (guint k = 0; k < N_FIELDS; k++)
    sync_field (self, &self->fields[k], force);
  recheck_thresholds (self);
  update_projection_description (self);
  update_status (self);
}

/* --- Editing ----------------------------------------------------------- */

static gboolean
same_as_study (SsStudyPage *self,
               FieldId      id,
               double       value,
               const char  *string)
{
  SsMeta *meta = meta_of (self);

  switch (id)
    {
    case FIELD_TITLE:
      return g_str_equal (string, meta->title);
    case FIELD_BASE_YEAR:
      return value == meta->base_year;
    case FIELD_HORIZON:
      return value == meta->horizon;
    case FIELD_CURRENCY:
      return g_str_equal (string, meta->currency);
    case FIELD_DISCOUNT_RATE:
      return value == meta->discount_rate;
    case FIELD_DESCRIPTION:
      return g_str_equal (string, meta->description);
    case FIELD_SOURCE:
      return g_str_equal (string, meta->source);
    case FIELD_WATCH:
    case FIELD_WARNING:
    case FIELD_CRITICAL:
    case N_FIELDS:
    default:
      g_return_val_if_reached (TRUE);
    }
}

static gboolean
can_commit (SsStudyPage *self)
{
  return !self->syncing && !self->disposing && self->document != NULL
         && !ss_document_in_edit (self->document);
}

/* Writes every typed threshold at once, if all of them pass. */
static void
commit_thresholds (SsStudyPage *self)
{
  SsMeta *meta = meta_of (self);
  double values[3];
  gboolean differs = FALSE;

  recheck_thresholds (self);
  update_status (self);
  for (guint k = 0; k < 3; k++)
    {
      if (self->fields[FIELD_WATCH + k].message != NULL)
        return;
      values[k] = pending_threshold (self, k);
      differs |= values[k] != meta->threshold[k];
    }

  if (!differs)
    {
      for (guint k = FIELD_WATCH; k <= FIELD_CRITICAL; k++)
        sync_field (self, &self->fields[k], TRUE);
      update_status (self);
      return;
    }

  ss_document_begin_edit (self->document);
  for (guint k = 0; k < 3; k++)
    {
      meta->threshold[k] = values[k];
      self->fields[FIELD_WATCH + k].dirty = FALSE;
    }
  ss_document_changed (self->document, SS_CHANGE_STRUCTURE, -1);
  ss_document_end_edit (self->document);
}

static void
commit_field (Field *field)
{
  SsStudyPage *self = field->page;
  SsMeta *meta;
  g_autofree char *text = NULL;
  g_autofree char *string = NULL;
  SsChange change = SS_CHANGE_STRUCTURE;
  double value = 0;
  char *message;

  if (!can_commit (self) || !field->dirty)
    return;
  if (is_threshold (field->id))
    {
      commit_thresholds (self);
      return;
    }

  text = ss_page_get_text (field->widget);
  message = check_text (self, field->id, text, &value, &string);
  if (message != NULL)
    {
      set_field_message (field, message);
      update_status (self);
      return;
    }
  if (same_as_study (self, field->id, value, string))
    {
      sync_field (self, field, TRUE);
      update_status (self);
      return;
    }

  meta = meta_of (self);
  ss_document_begin_edit (self->document);
  switch (field->id)
    {
    case FIELD_TITLE:
      g_free (meta->title);
      meta->title = g_steal_pointer (&string);
      break;
    case FIELD_BASE_YEAR:
      meta->base_year = (int)value;
      break;
    case FIELD_HORIZON:
      meta->horizon = (int)value;
      break;
    case FIELD_CURRENCY:
      g_free (meta->currency);
      meta->currency = g_steal_pointer (&string);
      break;
    case FIELD_DISCOUNT_RATE:
      /* Only net present values use it. */
      meta->discount_rate = value;
      change = SS_CHANGE_BASELINE;
      break;
    case FIELD_DESCRIPTION:
      g_free (meta->description);
      meta->description = g_steal_pointer (&string);
      break;
    case FIELD_SOURCE:
      g_free (meta->source);
      meta->source = g_steal_pointer (&string);
      break;
    case FIELD_WATCH:
    case FIELD_WARNING:
    case FIELD_CRITICAL:
    case N_FIELDS:
    default:
      g_assert_not_reached ();
    }
  field->dirty = FALSE;
  ss_document_changed (self->document, change, -1);
  ss_document_end_edit (self->document);
}

static void
on_field_changed (GtkEditable *editable,
                  Field       *field)
{
  SsStudyPage *self = field->page;
  g_autofree char *string = NULL;
  double value;

  if (self->syncing || self->disposing || self->document == NULL)
    return;

  field->dirty = TRUE;
  set_field_message (field, check_text (self, field->id, gtk_editable_get_text (editable),
                                        &value, &string));
  if (is_threshold (field->id))
    recheck_thresholds (self);
  update_status (self);
}

static void
on_notes_changed (GtkTextBuffer *buffer,
                  Field         *field)
{
  SsStudyPage *self = field->page;

  if (!self->syncing && !self->disposing && self->document != NULL)
    field->dirty = TRUE;
}

static gboolean
resize_notes (gpointer data)
{
  Field *field = data;
  int height;

  field->resize_id = 0;
  gtk_widget_measure (field->widget, GTK_ORIENTATION_VERTICAL,
                      gtk_widget_get_width (field->widget), &height, NULL, NULL, NULL);
  if (height != gtk_widget_get_height (field->widget))
    gtk_widget_queue_resize (field->widget);
  return G_SOURCE_REMOVE;
}

/* A text view wraps its lines again when it gets a new width, in the
 * middle of its allocation, and GTK 4.8 drops the resize its new height
 * then needs: the notes would stay clipped (or too tall) until something
 * else resized the page. The view's adjustment follows the text's height,
 * so once it changes the view is measured again, after the allocation. */
static void
on_notes_height_changed (GtkAdjustment *adjustment,
                         Field         *field)
{
  if (field->resize_id == 0 && !field->page->disposing)
    field->resize_id = g_idle_add (resize_notes, field);
}

static void
on_field_activate (GtkWidget *widget,
                   Field     *field)
{
  commit_field (field);
}

static void
on_field_leave (GtkEventControllerFocus *controller,
                Field                   *field)
{
  commit_field (field);
}

/* Escape puts the study's value back. */
static gboolean
on_field_key (GtkEventControllerKey *controller,
              guint                  keyval,
              guint                  keycode,
              GdkModifierType        state,
              Field                 *field)
{
  SsStudyPage *self = field->page;

  if (keyval != GDK_KEY_Escape || !field->dirty || self->document == NULL)
    return FALSE;
  sync_field (self, field, TRUE);
  recheck_thresholds (self);
  update_status (self);
  return TRUE;
}

static void
on_home_selected (GtkDropDown *dropdown,
                  GParamSpec  *pspec,
                  SsStudyPage *self)
{
  guint home = gtk_drop_down_get_selected (dropdown);
  SsMeta *meta;

  if (!can_commit (self) || home == GTK_INVALID_LIST_POSITION)
    return;
  meta = meta_of (self);
  if (home == meta->home || home >= ss_study_get_n_countries (study_of (self)))
    return;

  ss_document_begin_edit (self->document);
  meta->home = home;
  ss_document_changed (self->document, SS_CHANGE_STRUCTURE, -1);
  ss_document_end_edit (self->document);
}

static void
on_document_changed (SsStudyPage *self,
                     guint        change,
                     int          scenario)
{
  /* A scenario's targets or levers show nowhere on this page. */
  if (change & (SS_CHANGE_STRUCTURE | SS_CHANGE_BASELINE))
    refresh (self, FALSE);
}

/* --- Building the page ------------------------------------------------- */

static void
connect_field (SsStudyPage *self,
               FieldId      id,
               GtkWidget   *widget)
{
  Field *field = &self->fields[id];
  GtkEventController *focus = gtk_event_controller_focus_new ();
  GtkEventController *key = gtk_event_controller_key_new ();
  g_autofree char *hint = field_hint (id);

  field->page = self;
  field->id = id;
  field->widget = widget;

  if (GTK_IS_TEXT_VIEW (widget))
    g_signal_connect (gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget)), "changed",
                      G_CALLBACK (on_notes_changed), field);
  else
    {
      g_signal_connect (widget, "changed", G_CALLBACK (on_field_changed), field);
      if (ADW_IS_ENTRY_ROW (widget))
        {
          g_signal_connect (widget, "entry-activated", G_CALLBACK (on_field_activate), field);
          g_signal_connect (widget, "apply", G_CALLBACK (on_field_activate), field);
        }
      else
        g_signal_connect (widget, "activate", G_CALLBACK (on_field_activate), field);
      ss_page_show_input_state (widget, NULL, hint);
    }
  g_signal_connect (focus, "leave", G_CALLBACK (on_field_leave), field);
  g_signal_connect (key, "key-pressed", G_CALLBACK (on_field_key), field);
  gtk_widget_add_controller (widget, focus);
  gtk_widget_add_controller (widget, key);
}

static AdwPreferencesGroup *
add_group (GtkWidget  *box,
           const char *title,
           const char *description)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (description != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  gtk_box_append (GTK_BOX (box), group);
  return ADW_PREFERENCES_GROUP (group);
}

/* Refusals show under the group's rows, where the eye already is. */
static GtkLabel *
add_status (AdwPreferencesGroup *group)
{
  GtkWidget *label = ss_page_new_status_label ();

  gtk_widget_set_margin_top (label, 12);
  adw_preferences_group_add (group, label);
  return GTK_LABEL (label);
}

static void
add_entry_row (SsStudyPage         *self,
               AdwPreferencesGroup *group,
               FieldId              id)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(field_info[id].title));
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _(field_info[id].title), -1);
  connect_field (self, id, row);
  adw_preferences_group_add (group, row);
}

/* A row with the field's entry, and "%" after it for percentages; every
 * entry has the same width and the units one size group, so the entries
 * line up down the page. */
static void
add_value_row (SsStudyPage         *self,
               AdwPreferencesGroup *group,
               GtkSizeGroup        *units,
               FieldId              id)
{
  const FieldInfo *info = &field_info[id];
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *entry = gtk_entry_new ();
  GtkWidget *unit = gtk_label_new (NULL);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(info->title));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _(info->meaning));

  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 7);
  gtk_editable_set_max_width_chars (GTK_EDITABLE (entry), 7);
  gtk_widget_set_valign (entry, GTK_ALIGN_CENTER);
  if (info->kind == KIND_LINE)
    gtk_entry_set_input_hints (GTK_ENTRY (entry), GTK_INPUT_HINT_NO_SPELLCHECK
                               | GTK_INPUT_HINT_UPPERCASE_CHARS);
  else
    {
      gtk_editable_set_alignment (GTK_EDITABLE (entry), 1);
      gtk_entry_set_input_purpose (GTK_ENTRY (entry), info->kind == KIND_WHOLE
                                   ? GTK_INPUT_PURPOSE_DIGITS : GTK_INPUT_PURPOSE_NUMBER);
      gtk_widget_add_css_class (entry, "numeric");
    }
  if (info->kind == KIND_PERCENT)
    {
      /* Translators: what a screen reader says for a percentage's entry, "Watch, in percent" */
      g_autofree char *label = g_strdup_printf (_("%s, in percent"), _(info->title));

      gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      label, -1);
      /* Translators: the unit after a percentage's entry */
      gtk_label_set_label (GTK_LABEL (unit), C_("unit", "%"));
    }
  else
    gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    _(info->title), -1);
  gtk_widget_add_css_class (unit, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (unit), 0);
  gtk_size_group_add_widget (units, unit);

  adw_action_row_add_suffix (ADW_ACTION_ROW (row), entry);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), unit);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), entry);
  connect_field (self, id, entry);
  adw_preferences_group_add (group, row);
}

static void
add_notes (SsStudyPage *self,
           GtkWidget   *box,
           FieldId      id,
           const char  *accessible_label)
{
  AdwPreferencesGroup *group = add_group (box, _(field_info[id].title),
                                          _(field_info[id].meaning));
  GtkWidget *card = gtk_scrolled_window_new ();
  GtkWidget *view = ss_page_new_notes_view (accessible_label);

  gtk_widget_add_css_class (card, "card");
  gtk_widget_set_overflow (card, GTK_OVERFLOW_HIDDEN);
  /* The card is the text's background, as with a boxed list's entry rows. */
  gtk_widget_remove_css_class (view, "view");
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (card), GTK_POLICY_NEVER, GTK_POLICY_NEVER);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (card), view);
  adw_preferences_group_add (group, card);
  connect_field (self, id, view);
  g_signal_connect (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view)), "changed",
                    G_CALLBACK (on_notes_height_changed), &self->fields[id]);
}

/* --- GObject ----------------------------------------------------------- */

static void
ss_study_page_dispose (GObject *object)
{
  SsStudyPage *self = SS_STUDY_PAGE (object);

  self->disposing = TRUE;
  for (guint k = 0; k < N_FIELDS; k++)
    g_clear_handle_id (&self->fields[k].resize_id, g_source_remove);
  g_clear_pointer (&self->scroller, gtk_widget_unparent);
  g_clear_object (&self->document);
  g_clear_object (&self->country_names);

  G_OBJECT_CLASS (ss_study_page_parent_class)->dispose (object);
}

static void
ss_study_page_finalize (GObject *object)
{
  SsStudyPage *self = SS_STUDY_PAGE (object);

  for (guint k = 0; k < N_FIELDS; k++)
    g_clear_pointer (&self->fields[k].message, g_free);

  G_OBJECT_CLASS (ss_study_page_parent_class)->finalize (object);
}

static void
ss_study_page_class_init (SsStudyPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ss_study_page_dispose;
  object_class->finalize = ss_study_page_finalize;

  gtk_widget_class_set_css_name (widget_class, "studypage");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
ss_study_page_init (SsStudyPage *self)
{
  g_autoptr(GtkSizeGroup) units = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);
  AdwPreferencesGroup *group;
  GtkWidget *box, *row;

  self->country_names = gtk_string_list_new (NULL);

  self->scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_widget_set_parent (self->scroller, GTK_WIDGET (self));
  gtk_widget_set_sensitive (self->scroller, FALSE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);

  box = ss_page_add_column (GTK_SCROLLED_WINDOW (self->scroller), 720, 24);

  /* Study */
  group = add_group (box, _("Study"), NULL);
  add_entry_row (self, group, FIELD_TITLE);
  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Home country"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                               _("The importing country: its own production is domestic "
                                 "supply, not an import"));
  self->home_dropdown = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (self->country_names)),
                                           NULL);
  gtk_widget_set_valign (self->home_dropdown, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->home_dropdown),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Home country"), -1);
  g_signal_connect (self->home_dropdown, "notify::selected", G_CALLBACK (on_home_selected), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), self->home_dropdown);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), self->home_dropdown);
  adw_preferences_group_add (group, row);
  self->status[GROUP_STUDY] = add_status (group);

  add_notes (self, box, FIELD_DESCRIPTION, _("Description of the study"));

  /* Projection */
  self->projection_group = add_group (box, _("Projection"), NULL);
  add_value_row (self, self->projection_group, units, FIELD_BASE_YEAR);
  add_value_row (self, self->projection_group, units, FIELD_HORIZON);
  add_value_row (self, self->projection_group, units, FIELD_CURRENCY);
  add_value_row (self, self->projection_group, units, FIELD_DISCOUNT_RATE);
  self->status[GROUP_PROJECTION] = add_status (self->projection_group);

  /* Thresholds */
  group = add_group (box, _("Alert Thresholds"),
                     _("An item is flagged by the largest share one foreign country supplies "
                       "of it.\nThe thresholds must keep 0\u00a0% &lt; watch ≤ warning ≤ "
                       "critical ≤ 100\u00a0%."));
  add_value_row (self, group, units, FIELD_WATCH);
  add_value_row (self, group, units, FIELD_WARNING);
  add_value_row (self, group, units, FIELD_CRITICAL);
  self->status[GROUP_THRESHOLDS] = add_status (group);

  add_notes (self, box, FIELD_SOURCE, _("Source of the figures"));
}

GtkWidget *
ss_study_page_new (void)
{
  return g_object_new (SS_TYPE_STUDY_PAGE, NULL);
}

void
ss_study_page_set_document (SsStudyPage *self,
                            SsDocument  *document)
{
  gboolean new_document;

  g_return_if_fail (SS_IS_STUDY_PAGE (self));
  g_return_if_fail (document == NULL || SS_IS_DOCUMENT (document));

  new_document = ss_page_set_document (GTK_WIDGET (self), &self->document, document,
                                       G_CALLBACK (on_document_changed));
  gtk_widget_set_sensitive (self->scroller, self->document != NULL);
  if (new_document)
    refresh (self, TRUE);
}

/**
 * ss_study_page_get_field:
 * @field: a name from the file's <meta> ("title", "horizon",
 *   "discount-rate", …), "watch", "warning" or "critical" for the
 *   thresholds, or "home"
 *
 * Returns: (transfer none) (nullable): the field's AdwEntryRow, GtkEntry
 *   or GtkTextView, or the home country's GtkDropDown
 */
GtkWidget *
ss_study_page_get_field (SsStudyPage *self,
                         const char  *field)
{
  g_return_val_if_fail (SS_IS_STUDY_PAGE (self), NULL);
  g_return_val_if_fail (field != NULL, NULL);

  if (g_str_equal (field, "home"))
    return self->home_dropdown;
  for (guint k = 0; k < N_FIELDS; k++)
    if (g_str_equal (field_info[k].name, field))
      return self->fields[k].widget;
  return NULL;
}
