/* ssc-svg.c: a chart as an SVG document whose text is text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * cairo's SVG surface turns every glyph into an outline, so nobody can
 * correct a label of an exported chart. This writer keeps the charts'
 * one drawing routine and their cairo calls as they are: they draw on a
 * cairo context whose surface is a cairo observer (public API since
 * cairo 1.12) wrapping an image surface of the chart's size. The
 * observer calls back after each fill, stroke and paint; the callback
 * reads what was drawn from the context (its path, source, line style)
 * and writes the SVG element. Text never reaches cairo: ssc-text.c asks
 * ssc_svg_from_context() and writes a <text> here instead of showing
 * glyphs. The image underneath gives the chart an image surface's font
 * options, and so the same text measurements as the PNG export: every
 * shape sits where the PNG has it.
 *
 * What cairo cannot tell from outside is the exact clip (only its
 * rectangle list when it is pixel-aligned, and its integer extents), so
 * rectangular clips go through ssc_svg_clip_push()/ssc_svg_clip_pop()
 * (ssc_draw_clip()). A clip made otherwise, a mask, an operator other
 * than OVER, a source other than a colour or a linear gradient, or glyphs
 * shown on the context are reported with a warning (fatal in the tests),
 * not silently lost.
 *
 * The output is SVG 1.1: presentation attributes rather than CSS, so
 * Inkscape, LibreOffice and PowerPoint read the colours and fonts;
 * <defs> for clips and gradients; a fill and the stroke of the same path
 * merged into one element.
 */

#define G_LOG_DOMAIN "supplyshift-chart-svg"

#include "config.h"

#include <math.h>
#include <string.h>

#include "ss-xml-text.h"
#include "ssc-export.h"
#include "ssc-svg-private.h"

typedef enum
{
  WARN_CLIP     = 1 << 0,
  WARN_MASK     = 1 << 1,
  WARN_OPERATOR = 1 << 2,
  WARN_SOURCE   = 1 << 3,
  WARN_GLYPHS   = 1 << 4,
} Warning;

typedef struct
{
  double x1, y1, x2, y2;               /* device space */
} Box;

struct _SscSvg
{
  cairo_surface_t *image;
  cairo_surface_t *observer;
  cairo_t         *cr;
  int              width;
  int              height;

  GString         *head;               /* the <svg> element, <title>, <desc> */
  GString         *defs;
  GString         *body;

  /* Clips: the stack ssc_svg_clip_push() made (Box), and the group open
   * now. */
  GArray          *clips;
  GHashTable      *clip_ids;           /* clip key → id */
  char            *group;              /* key of the open clip group, NULL: none */

  guint            n_gradients;

  /* The last shape is left open, so the stroke of the same path can join
   * it: its path and transform, and whether it has a stroke already. */
  GString         *open_key;
  gboolean         open;
  gboolean         open_stroked;

  /* The <text> being written: whether it shows, how many lines it has
   * and how many are written. */
  gboolean         text_visible;
  guint            text_lines;
  guint            text_written;

  guint            warned;
};

static const cairo_user_data_key_t svg_key;

static void
warn_once (SscSvg     *svg,
           Warning     what,
           const char *message)
{
  if (svg->warned & what)
    return;
  svg->warned |= what;
  g_warning ("SVG export: %s", message);
}

/* ------------------------------------------------------------------ */
/* Clips                                                               */
/* ------------------------------------------------------------------ */

static void
close_open (SscSvg *svg)
{
  if (!svg->open)
    return;
  g_string_append (svg->body, "/>\n");
  svg->open = FALSE;
}

static Box
canvas_box (SscSvg *svg)
{
  return (Box) { 0, 0, svg->width, svg->height };
}

static Box
clip_top (SscSvg *svg)
{
  if (svg->clips->len == 0)
    return canvas_box (svg);
  return g_array_index (svg->clips, Box, svg->clips->len - 1);
}

static Box
to_device_box (cairo_t *cr,
               double   x,
               double   y,
               double   w,
               double   h)
{
  double x1 = x, y1 = y, x2 = x + w, y2 = y + h;

  cairo_user_to_device (cr, &x1, &y1);
  cairo_user_to_device (cr, &x2, &y2);
  return (Box) { MIN (x1, x2), MIN (y1, y2), MAX (x1, x2), MAX (y1, y2) };
}

static Box
box_intersect (Box a,
               Box b)
{
  Box r = { MAX (a.x1, b.x1), MAX (a.y1, b.y1), MIN (a.x2, b.x2), MIN (a.y2, b.y2) };

  r.x2 = MAX (r.x1, r.x2);
  r.y2 = MAX (r.y1, r.y2);
  return r;
}

/* <rect x=… y=… width=… height=…, left open for more attributes. */
static void
append_rect (GString *s,
             Box      b)
{
  g_string_append (s, "<rect");
  _ssc_svg_append_num_attr (s, "x", b.x1);
  _ssc_svg_append_num_attr (s, "y", b.y1);
  _ssc_svg_append_num_attr (s, "width", b.x2 - b.x1);
  _ssc_svg_append_num_attr (s, "height", b.y2 - b.y1);
}

/* The clip cairo has now, as the boxes that make it: the stack's top when
 * it agrees with cairo's extents, else cairo's rectangle list. FALSE when
 * nothing can show. */
static gboolean
current_clip (SscSvg  *svg,
              GArray  *boxes)
{
  Box top = clip_top (svg);
  double x1, y1, x2, y2;
  Box have;
  cairo_rectangle_list_t *list;

  cairo_clip_extents (svg->cr, &x1, &y1, &x2, &y2);
  have = to_device_box (svg->cr, x1, y1, x2 - x1, y2 - y1);
  if (have.x2 <= have.x1 || have.y2 <= have.y1)
    return FALSE;

  /* cairo's extents are the clip's, rounded out to whole pixels. */
  if (have.x1 == floor (top.x1) && have.y1 == floor (top.y1)
      && have.x2 == ceil (top.x2) && have.y2 == ceil (top.y2))
    {
      g_array_append_val (boxes, top);
      return top.x2 > top.x1 && top.y2 > top.y1;
    }

  /* A clip made behind the stack's back: exact if pixel-aligned. */
  list = cairo_copy_clip_rectangle_list (svg->cr);
  if (list->status == CAIRO_STATUS_SUCCESS)
    for (int k = 0; k < list->num_rectangles; k++)
      {
        cairo_rectangle_t *r = &list->rectangles[k];
        Box b = to_device_box (svg->cr, r->x, r->y, r->width, r->height);

        g_array_append_val (boxes, b);
      }
  else
    {
      warn_once (svg, WARN_CLIP, "a clip not made with ssc_draw_clip() is written as its "
                                 "bounding box");
      g_array_append_val (boxes, have);
    }
  cairo_rectangle_list_destroy (list);
  return boxes->len > 0;
}

/* Puts what comes next in a group clipped as cairo's context is now;
 * FALSE when the clip leaves nothing to show. */
static gboolean
sync_clip (SscSvg *svg)
{
  g_autoptr(GArray) boxes = g_array_new (FALSE, FALSE, sizeof (Box));
  g_autoptr(GString) key = NULL;
  Box canvas = canvas_box (svg);
  gpointer id;

  if (!current_clip (svg, boxes))
    return FALSE;

  /* The whole canvas or more: no clip. */
  if (boxes->len == 1)
    {
      Box b = g_array_index (boxes, Box, 0);

      if (b.x1 <= canvas.x1 && b.y1 <= canvas.y1 && b.x2 >= canvas.x2 && b.y2 >= canvas.y2)
        boxes->len = 0;
    }
  if (boxes->len > 0)
    {
      key = g_string_new (NULL);
      for (guint k = 0; k < boxes->len; k++)
        {
          append_rect (key, box_intersect (g_array_index (boxes, Box, k), canvas));
          g_string_append (key, "/>");
        }
    }

  if (g_strcmp0 (key != NULL ? key->str : NULL, svg->group) == 0)
    return TRUE;

  close_open (svg);
  if (svg->group != NULL)
    g_string_append (svg->body, "</g>\n");
  g_clear_pointer (&svg->group, g_free);
  if (key == NULL)
    return TRUE;

  if (!g_hash_table_lookup_extended (svg->clip_ids, key->str, NULL, &id))
    {
      id = GUINT_TO_POINTER (g_hash_table_size (svg->clip_ids) + 1);
      g_hash_table_insert (svg->clip_ids, g_strdup (key->str), id);
      g_string_append_printf (svg->defs, "<clipPath id=\"c%u\">%s</clipPath>\n",
                              GPOINTER_TO_UINT (id), key->str);
    }
  g_string_append_printf (svg->body, "<g clip-path=\"url(#c%u)\">\n", GPOINTER_TO_UINT (id));
  svg->group = g_strdup (key->str);
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Shapes                                                              */
/* ------------------------------------------------------------------ */

/* fill="…" or stroke="…" from cairo's source. */
static void
append_source (SscSvg     *svg,
               GString    *s,
               const char *what)
{
  cairo_pattern_t *source = cairo_get_source (svg->cr);
  double r, g, b, a;

  switch (cairo_pattern_get_type (source))
    {
    case CAIRO_PATTERN_TYPE_SOLID:
      cairo_pattern_get_rgba (source, &r, &g, &b, &a);
      _ssc_svg_append_color_attr (s, what, r, g, b, a);
      return;

    case CAIRO_PATTERN_TYPE_LINEAR:
      {
        static const char * const spread[] = {
          [CAIRO_EXTEND_NONE] = "pad", [CAIRO_EXTEND_REPEAT] = "repeat",
          [CAIRO_EXTEND_REFLECT] = "reflect", [CAIRO_EXTEND_PAD] = "pad",
        };
        cairo_extend_t extend = cairo_pattern_get_extend (source);
        double x0, y0, x1, y1;
        cairo_matrix_t m;
        int n = 0;
        guint id = ++svg->n_gradients;

        if (extend == CAIRO_EXTEND_NONE)
          warn_once (svg, WARN_SOURCE, "a gradient without extension is written padded");
        cairo_pattern_get_linear_points (source, &x0, &y0, &x1, &y1);
        cairo_pattern_get_color_stop_count (source, &n);
        g_string_append_printf (svg->defs, "<linearGradient id=\"g%u\" "
                                "gradientUnits=\"userSpaceOnUse\"", id);
        _ssc_svg_append_num_attr (svg->defs, "x1", x0);
        _ssc_svg_append_num_attr (svg->defs, "y1", y0);
        _ssc_svg_append_num_attr (svg->defs, "x2", x1);
        _ssc_svg_append_num_attr (svg->defs, "y2", y1);
        if (extend != CAIRO_EXTEND_PAD && extend != CAIRO_EXTEND_NONE)
          g_string_append_printf (svg->defs, " spreadMethod=\"%s\"", spread[extend]);
        /* The pattern's matrix maps user space to the pattern's. */
        cairo_pattern_get_matrix (source, &m);
        if (cairo_matrix_invert (&m) == CAIRO_STATUS_SUCCESS)
          _ssc_svg_append_matrix_attr (svg->defs, "gradientTransform", &m);
        g_string_append (svg->defs, ">");
        for (int k = 0; k < n; k++)
          {
            double offset;

            cairo_pattern_get_color_stop_rgba (source, k, &offset, &r, &g, &b, &a);
            g_string_append (svg->defs, "<stop");
            _ssc_svg_append_num_attr (svg->defs, "offset", offset);
            _ssc_svg_append_color_attr (svg->defs, "stop-color", r, g, b, a);
            g_string_append (svg->defs, "/>");
          }
        g_string_append (svg->defs, "</linearGradient>\n");
        g_string_append_printf (s, " %s=\"url(#g%u)\"", what, id);
        return;
      }

    case CAIRO_PATTERN_TYPE_SURFACE:
    case CAIRO_PATTERN_TYPE_RADIAL:
    case CAIRO_PATTERN_TYPE_MESH:
    case CAIRO_PATTERN_TYPE_RASTER_SOURCE:
    default:
      warn_once (svg, WARN_SOURCE, "a source other than a colour or a linear gradient is "
                                   "written grey");
      _ssc_svg_append_color_attr (s, what, 0.5, 0.5, 0.5, 1);
      return;
    }
}

/* An axis-aligned rectangle, as cairo_rectangle() makes it: move, three
 * lines, close, and the move cairo adds after a close. */
static gboolean
path_is_rect (const cairo_path_t *path,
              Box                *box)
{
  const cairo_path_data_t *d = path->data;
  double px[4], py[4];
  int n = path->num_data, i = 0;

  if (!(n == 9 || n == 11))
    return FALSE;
  for (int k = 0; k < 4; k++)
    {
      if (d[i].header.type != (k == 0 ? CAIRO_PATH_MOVE_TO : CAIRO_PATH_LINE_TO))
        return FALSE;
      px[k] = d[i + 1].point.x;
      py[k] = d[i + 1].point.y;
      i += 2;
    }
  if (d[i].header.type != CAIRO_PATH_CLOSE_PATH)
    return FALSE;
  if (n == 11 && d[i + 1].header.type != CAIRO_PATH_MOVE_TO)
    return FALSE;
  /* Going right, down, left, up from the top left: the order <rect> is
   * stroked in, so a dash starts where cairo starts it. */
  if (!(py[0] == py[1] && px[1] == px[2] && py[2] == py[3] && px[3] == px[0]
        && px[1] > px[0] && py[2] > py[1]))
    return FALSE;
  *box = (Box) { px[0], py[0], px[1], py[2] };
  return TRUE;
}

static void
append_point (GString                 *s,
              const cairo_path_data_t *p)
{
  _ssc_svg_append_num (s, p->point.x);
  g_string_append_c (s, ' ');
  _ssc_svg_append_num (s, p->point.y);
}

/* The shape's geometry, in user space: <rect …> or <path d="…">, and a
 * transform when the context has one. joins: whether a stroke of it has
 * corners, where the miter limit counts. */
static void
append_geometry (SscSvg   *svg,
                 GString  *s,
                 gboolean *joins)
{
  cairo_path_t *path = cairo_copy_path (svg->cr);
  cairo_matrix_t m;
  Box b;

  *joins = TRUE;
  if (path_is_rect (path, &b))
    append_rect (s, b);
  else
    {
      const cairo_path_data_t *move = NULL;
      int segments = 0;

      *joins = FALSE;
      g_string_append (s, "<path d=\"");
      for (int i = 0; i < path->num_data; i += path->data[i].header.length)
        {
          const cairo_path_data_t *d = &path->data[i];

          /* A move is written only when something is drawn from it: cairo
           * adds one after each close. */
          if (d->header.type == CAIRO_PATH_MOVE_TO)
            {
              move = d;
              segments = 0;
              continue;
            }
          if (++segments > 1 || d->header.type == CAIRO_PATH_CLOSE_PATH)
            *joins = TRUE;
          if (move != NULL)
            {
              g_string_append_c (s, 'M');
              append_point (s, &move[1]);
              move = NULL;
            }
          switch (d->header.type)
            {
            case CAIRO_PATH_LINE_TO:
              g_string_append_c (s, 'L');
              append_point (s, &d[1]);
              break;
            case CAIRO_PATH_CURVE_TO:
              g_string_append_c (s, 'C');
              append_point (s, &d[1]);
              g_string_append_c (s, ' ');
              append_point (s, &d[2]);
              g_string_append_c (s, ' ');
              append_point (s, &d[3]);
              break;
            case CAIRO_PATH_CLOSE_PATH:
              g_string_append_c (s, 'Z');
              break;
            case CAIRO_PATH_MOVE_TO:
            default:
              break;
            }
        }
      g_string_append_c (s, '"');
    }
  cairo_path_destroy (path);

  cairo_get_matrix (svg->cr, &m);
  _ssc_svg_append_matrix_attr (s, "transform", &m);
}

static void
append_stroke_style (SscSvg   *svg,
                     GString  *s,
                     gboolean  joins)
{
  static const char * const caps[] = {
    [CAIRO_LINE_CAP_BUTT] = NULL, [CAIRO_LINE_CAP_ROUND] = "round",
    [CAIRO_LINE_CAP_SQUARE] = "square",
  };
  static const char * const join_names[] = {
    [CAIRO_LINE_JOIN_MITER] = NULL, [CAIRO_LINE_JOIN_ROUND] = "round",
    [CAIRO_LINE_JOIN_BEVEL] = "bevel",
  };
  cairo_t *cr = svg->cr;
  cairo_line_cap_t cap = cairo_get_line_cap (cr);
  cairo_line_join_t join = cairo_get_line_join (cr);
  int n_dashes = cairo_get_dash_count (cr);

  append_source (svg, s, "stroke");
  _ssc_svg_append_num_attr (s, "stroke-width", cairo_get_line_width (cr));
  if (caps[cap] != NULL)
    g_string_append_printf (s, " stroke-linecap=\"%s\"", caps[cap]);
  if (join_names[join] != NULL)
    g_string_append_printf (s, " stroke-linejoin=\"%s\"", join_names[join]);
  else if (joins && cairo_get_miter_limit (cr) != 4)
    /* cairo's default is 10, SVG's 4; both limit the same ratio. */
    _ssc_svg_append_num_attr (s, "stroke-miterlimit", cairo_get_miter_limit (cr));
  if (n_dashes > 0)
    {
      g_autofree double *dashes = g_new (double, n_dashes);
      double offset;

      cairo_get_dash (cr, dashes, &offset);
      g_string_append (s, " stroke-dasharray=\"");
      for (int k = 0; k < n_dashes; k++)
        {
          if (k > 0)
            g_string_append_c (s, ',');
          _ssc_svg_append_num (s, dashes[k]);
        }
      g_string_append_c (s, '"');
      if (offset != 0)
        _ssc_svg_append_num_attr (s, "stroke-dashoffset", offset);
    }
}

static void
check_operator (SscSvg *svg)
{
  if (cairo_get_operator (svg->cr) != CAIRO_OPERATOR_OVER)
    warn_once (svg, WARN_OPERATOR, "an operator other than OVER is written as OVER");
}

/* What a fill and a stroke start with: FALSE when the clip leaves nothing
 * to draw; else the path, as an element's start and its attributes, in
 * `geometry`. */
static gboolean
begin_shape (SscSvg   *svg,
             GString  *geometry,
             gboolean *joins)
{
  if (!sync_clip (svg))
    return FALSE;
  check_operator (svg);
  append_geometry (svg, geometry, joins);
  return TRUE;
}

/* The element just written stays open, so that a stroke of the same path
 * (after a fill) joins it. */
static void
leave_open (SscSvg   *svg,
            GString  *geometry,
            gboolean  stroked)
{
  g_string_assign (svg->open_key, geometry->str);
  svg->open = TRUE;
  svg->open_stroked = stroked;
}

static void
on_fill (cairo_surface_t *observer,
         cairo_surface_t *target,
         void            *data)
{
  SscSvg *svg = data;
  g_autoptr(GString) geometry = g_string_new (NULL);
  gboolean joins;

  if (!begin_shape (svg, geometry, &joins))
    return;
  close_open (svg);
  g_string_append (svg->body, geometry->str);
  if (cairo_get_fill_rule (svg->cr) == CAIRO_FILL_RULE_EVEN_ODD)
    g_string_append (svg->body, " fill-rule=\"evenodd\"");
  append_source (svg, svg->body, "fill");
  leave_open (svg, geometry, FALSE);
}

static void
on_stroke (cairo_surface_t *observer,
           cairo_surface_t *target,
           void            *data)
{
  SscSvg *svg = data;
  g_autoptr(GString) geometry = g_string_new (NULL);
  gboolean joins;

  if (!begin_shape (svg, geometry, &joins))
    return;
  /* The fill just written of the same path: one shape, filled and stroked. */
  if (!(svg->open && !svg->open_stroked && g_str_equal (svg->open_key->str, geometry->str)))
    {
      close_open (svg);
      g_string_append (svg->body, geometry->str);
      g_string_append (svg->body, " fill=\"none\"");
    }
  append_stroke_style (svg, svg->body, joins);
  leave_open (svg, geometry, TRUE);
}

static void
on_paint (cairo_surface_t *observer,
          cairo_surface_t *target,
          void            *data)
{
  SscSvg *svg = data;
  double x1, y1, x2, y2;

  if (!sync_clip (svg))
    return;
  check_operator (svg);
  close_open (svg);
  /* The whole clip, which its group clips exactly. */
  cairo_clip_extents (svg->cr, &x1, &y1, &x2, &y2);
  append_rect (svg->body, to_device_box (svg->cr, x1, y1, x2 - x1, y2 - y1));
  append_source (svg, svg->body, "fill");
  g_string_append (svg->body, "/>\n");
}

static void
on_mask (cairo_surface_t *observer,
         cairo_surface_t *target,
         void            *data)
{
  warn_once (data, WARN_MASK, "a mask is not written");
}

static void
on_glyphs (cairo_surface_t *observer,
           cairo_surface_t *target,
           void            *data)
{
  warn_once (data, WARN_GLYPHS, "text shown on the context, not through ssc-text, is lost");
}

/* ------------------------------------------------------------------ */
/* The document                                                        */
/* ------------------------------------------------------------------ */

SscSvg *
ssc_svg_new (int         width,
             int         height,
             const char *title,
             const char *desc)
{
  SscSvg *svg;

  g_return_val_if_fail (width > 0 && height > 0, NULL);

  svg = g_new0 (SscSvg, 1);
  svg->width = width;
  svg->height = height;
  /* An image surface's extents, as the PNG's; only the
   * coverage, a quarter of the memory of colour, since nobody looks. */
  svg->image = cairo_image_surface_create (CAIRO_FORMAT_A8, width, height);
  svg->observer = cairo_surface_create_observer (svg->image, CAIRO_SURFACE_OBSERVER_NORMAL);
  cairo_surface_observer_add_fill_callback (svg->observer, on_fill, svg);
  cairo_surface_observer_add_stroke_callback (svg->observer, on_stroke, svg);
  cairo_surface_observer_add_paint_callback (svg->observer, on_paint, svg);
  cairo_surface_observer_add_mask_callback (svg->observer, on_mask, svg);
  cairo_surface_observer_add_glyphs_callback (svg->observer, on_glyphs, svg);
  cairo_surface_set_user_data (svg->observer, &svg_key, svg, NULL);
  svg->cr = cairo_create (svg->observer);
  /* Text laid out as on a PDF page, unhinted (ssc_chart_export_prepare()). */
  ssc_chart_export_prepare (svg->cr);

  svg->head = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
  g_string_append_printf (svg->head,
                          "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" "
                          "width=\"%dpx\" height=\"%dpx\" viewBox=\"0 0 %d %d\" "
                          "xml:space=\"preserve\">\n",
                          width, height, width, height);
  if (title != NULL)
    {
      g_string_append (svg->head, "<title>");
      _ssc_svg_append_escaped (svg->head, title, strlen (title));
      g_string_append (svg->head, "</title>\n");
    }
  if (desc != NULL)
    {
      g_string_append (svg->head, "<desc>");
      _ssc_svg_append_escaped (svg->head, desc, strlen (desc));
      g_string_append (svg->head, "</desc>\n");
    }
  svg->defs = g_string_new (NULL);
  svg->body = g_string_new (NULL);
  svg->open_key = g_string_new (NULL);
  svg->clips = g_array_new (FALSE, FALSE, sizeof (Box));
  svg->clip_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return svg;
}

void
ssc_svg_free (SscSvg *svg)
{
  if (svg == NULL)
    return;
  g_clear_pointer (&svg->cr, cairo_destroy);
  g_clear_pointer (&svg->observer, cairo_surface_destroy);
  g_clear_pointer (&svg->image, cairo_surface_destroy);
  g_string_free (svg->head, TRUE);
  g_string_free (svg->defs, TRUE);
  g_string_free (svg->body, TRUE);
  g_string_free (svg->open_key, TRUE);
  g_array_unref (svg->clips);
  g_hash_table_unref (svg->clip_ids);
  g_free (svg->group);
  g_free (svg);
}

/* The context to draw the chart on. */
cairo_t *
ssc_svg_get_context (SscSvg *svg)
{
  g_return_val_if_fail (svg != NULL, NULL);

  return svg->cr;
}

SscSvg *
ssc_svg_from_context (cairo_t *cr)
{
  g_return_val_if_fail (cr != NULL, NULL);

  return cairo_surface_get_user_data (cairo_get_target (cr), &svg_key);
}

/* The document, once the chart is drawn; NULL if cairo failed. */
char *
ssc_svg_finish (SscSvg *svg,
                gsize  *length)
{
  GString *out;

  g_return_val_if_fail (svg != NULL, NULL);

  if (cairo_status (svg->cr) != CAIRO_STATUS_SUCCESS)
    return NULL;
  close_open (svg);
  if (svg->group != NULL)
    g_string_append (svg->body, "</g>\n");
  g_clear_pointer (&svg->group, g_free);

  out = g_string_new (svg->head->str);
  if (svg->defs->len > 0)
    g_string_append_printf (out, "<defs>\n%s</defs>\n", svg->defs->str);
  g_string_append_len (out, svg->body->str, svg->body->len);
  g_string_append (out, "</svg>\n");
  g_string_truncate (svg->body, 0);
  if (length != NULL)
    *length = out->len;
  return g_string_free (out, FALSE);
}

/* ------------------------------------------------------------------ */
/* Clips                                                               */
/* ------------------------------------------------------------------ */

/* cairo_save(), then clip to the rectangle: on the document's context,
 * the document clips what follows to it too. */
void
ssc_svg_clip_push (cairo_t *cr,
                   double   x,
                   double   y,
                   double   width,
                   double   height)
{
  SscSvg *svg = ssc_svg_from_context (cr);

  cairo_save (cr);
  cairo_rectangle (cr, x, y, width, height);
  cairo_clip (cr);
  if (svg != NULL)
    {
      Box b = box_intersect (to_device_box (cr, x, y, width, height), clip_top (svg));

      g_array_append_val (svg->clips, b);
    }
}

/* Ends what ssc_svg_clip_push() started: cairo_restore(). */
void
ssc_svg_clip_pop (cairo_t *cr)
{
  SscSvg *svg = ssc_svg_from_context (cr);

  cairo_restore (cr);
  if (svg != NULL)
    {
      g_return_if_fail (svg->clips->len > 0);
      g_array_set_size (svg->clips, svg->clips->len - 1);
    }
}

/* ------------------------------------------------------------------ */
/* Text                                                                */
/* ------------------------------------------------------------------ */

/* "Cantarell, DejaVu Sans, Sans" as CSS: names with spaces quoted, and
 * fontconfig's generic names as CSS's. */
static void
append_family (GString    *s,
               const char *family)
{
  g_auto(GStrv) names = g_strsplit (family, ",", -1);
  gboolean first = TRUE;

  for (guint k = 0; names[k] != NULL; k++)
    {
      const char *name = g_strstrip (names[k]);

      if (*name == '\0')
        continue;
      if (!first)
        g_string_append (s, ", ");
      first = FALSE;
      if (g_ascii_strcasecmp (name, "Sans") == 0 || g_ascii_strcasecmp (name, "sans-serif") == 0)
        g_string_append (s, "sans-serif");
      else if (g_ascii_strcasecmp (name, "Serif") == 0)
        g_string_append (s, "serif");
      else if (g_ascii_strcasecmp (name, "Monospace") == 0)
        g_string_append (s, "monospace");
      else if (strchr (name, ' ') != NULL)
        {
          g_string_append_c (s, '\'');
          _ssc_svg_append_escaped (s, name, strlen (name));
          g_string_append_c (s, '\'');
        }
      else
        _ssc_svg_append_escaped (s, name, strlen (name));
    }
}

void
ssc_svg_text_begin (SscSvg       *svg,
                    const char   *family,
                    double        size,
                    int           weight,
                    const double  rgba[4],
                    gboolean      rtl,
                    SscSvgAnchor  anchor,
                    guint         n_lines)
{
  /* In SVG, the start of a right-to-left text is its right end. */
  static const char * const anchors[2][3] = {
    { NULL, "middle", "end" },
    { "end", "middle", NULL },
  };
  const char *a = anchors[rtl ? 1 : 0][anchor];

  g_return_if_fail (svg != NULL);

  svg->text_visible = n_lines > 0 && sync_clip (svg);
  svg->text_lines = n_lines;
  svg->text_written = 0;
  if (!svg->text_visible)
    return;
  close_open (svg);
  g_string_append (svg->body, "<text font-family=\"");
  append_family (svg->body, family);
  g_string_append_c (svg->body, '"');
  _ssc_svg_append_num_attr (svg->body, "font-size", size);
  g_string_append_printf (svg->body, " font-weight=\"%d\"", weight);
  _ssc_svg_append_color_attr (svg->body, "fill", rgba[0], rgba[1], rgba[2], rgba[3]);
  if (a != NULL)
    g_string_append_printf (svg->body, " text-anchor=\"%s\"", a);
  if (rtl)
    g_string_append (svg->body, " direction=\"rtl\"");
  /* The charts' figures line up in columns (ssc-text.c). */
  g_string_append (svg->body, " style=\"font-feature-settings:'tnum'\"");
  if (n_lines > 1)
    g_string_append_c (svg->body, '>');
}

/* A line with its anchor at (x, y) on its baseline: the <text>'s own
 * position when it has one line, else a <tspan>. */
void
ssc_svg_text_line (SscSvg     *svg,
                   double      x,
                   double      y,
                   const char *text,
                   gsize       length)
{
  gboolean single;

  g_return_if_fail (svg != NULL);

  if (!svg->text_visible || svg->text_written >= svg->text_lines)
    return;
  single = svg->text_lines == 1;
  if (!single)
    g_string_append (svg->body, "<tspan");
  _ssc_svg_append_num_attr (svg->body, "x", x);
  _ssc_svg_append_num_attr (svg->body, "y", y);
  g_string_append_c (svg->body, '>');
  _ssc_svg_append_escaped (svg->body, text, length);
  if (!single)
    g_string_append (svg->body, "</tspan>");
  svg->text_written++;
}

void
ssc_svg_text_end (SscSvg *svg)
{
  g_return_if_fail (svg != NULL);

  if (svg->text_visible)
    {
      /* Lines that were not written (an empty text): still well formed. */
      if (svg->text_lines == 1 && svg->text_written == 0)
        g_string_append_c (svg->body, '>');
      g_string_append (svg->body, "</text>\n");
    }
  svg->text_visible = FALSE;
}
