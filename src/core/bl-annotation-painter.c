/* bl-annotation-painter.c — how an analyst's annotations look on a map
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Draws a project's annotations (#BlAnnotation: text, arrow, circle,
 * area) over a map described by a #BlMapFrame, the same way on screen and
 * in an export, as #BlClaimPainter does for claims. Sizes are in points
 * and grow with the frame's scale; text is plain Pango text (never
 * markup) with a white halo so that it reads on any basemap.
 *
 * It does not edit, hit-test or store annotations: the GUI's annotation
 * tools do that.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <pango/pangocairo.h>

#include "bl-annotation-painter.h"
#include "bl-spatial-index.h"
#include "bl-text.h"

/* Logical pixels per point. */
#define PX_PER_PT (96.0 / 72.0)

/* The text size of the label of an arrow, a circle or an area (their
 * own size is a line width). */
#define LABEL_POINTS 11.0

/* The colour of an annotation without a valid one. */
static const double default_rgba[4] = { 0.80, 0.13, 0.13, 1.0 };

static int
hex_digit (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

/**
 * bl_annotation_parse_color:
 * @text: (nullable): a colour as "#rrggbb" (or "#rgb")
 * @rgba: (out caller-allocates) (array fixed-size=4): the colour, opaque
 *
 * Returns: %FALSE (and @rgba the default red) when @text is not a colour
 */
gboolean
bl_annotation_parse_color (const char *text,
                           double      rgba[4])
{
  int v[6];
  gsize len;

  g_return_val_if_fail (rgba != NULL, FALSE);

  memcpy (rgba, default_rgba, sizeof default_rgba);
  if (text == NULL || text[0] != '#')
    return FALSE;

  len = strlen (text + 1);
  if (len != 3 && len != 6)
    return FALSE;
  for (gsize i = 0; i < len; i++)
    if ((v[i] = hex_digit (text[1 + i])) < 0)
      return FALSE;

  for (int c = 0; c < 3; c++)
    rgba[c] = (len == 6 ? v[2 * c] * 16 + v[2 * c + 1] : v[c] * 17) / 255.0;
  rgba[3] = 1.0;
  return TRUE;
}

static gboolean
to_frame (const BlMapFrame *frame,
          const double     *points,
          guint             i,
          double           *x,
          double           *y)
{
  double lon = points[2 * i], lat = points[2 * i + 1];

  if (!isfinite (lon) || !isfinite (lat))
    return FALSE;

  bl_spatial_lonlat_to_world (CLAMP (lat, -BL_SPATIAL_MAX_LAT, BL_SPATIAL_MAX_LAT),
                              CLAMP (lon, -180.0, 180.0), frame->zoom, x, y);
  *x = (*x - frame->x) * frame->scale;
  *y = (*y - frame->y) * frame->scale;
  return TRUE;
}

static double
line_width (const BlAnnotation *a,
            const BlMapFrame   *frame)
{
  double size = isfinite (a->size) && a->size > 0 ? MIN (a->size, 24.0) : 2.0;

  return size * PX_PER_PT * frame->scale;
}

static void
draw_text (cairo_t          *cr,
           const BlMapFrame *frame,
           const char       *text,
           double            points,
           double            x,
           double            y,
           const double      rgba[4],
           gboolean          centred)
{
  g_autoptr(PangoLayout) layout = NULL;
  PangoFontDescription *font;
  PangoRectangle ink, logical;
  double size = isfinite (points) && points > 0 ? CLAMP (points, 6.0, 96.0) : 12.0;
  double tx, ty;

  if (text == NULL || *text == '\0')
    return;

  layout = bl_text_layout_new (cr);
  font = pango_font_description_from_string ("Cantarell, Noto Sans, DejaVu Sans, sans-serif");
  pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_font_description_set_absolute_size (font, size * PX_PER_PT * frame->scale * PANGO_SCALE);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  /* a callout stays a callout: a few lines at most */
  pango_layout_set_width (layout, (int) (360 * frame->scale * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_height (layout, -4);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_alignment (layout, centred ? PANGO_ALIGN_CENTER : PANGO_ALIGN_LEFT);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_extents (layout, &ink, &logical);

  /* the point is the middle of the text's left edge (or its centre) */
  tx = centred ? x - logical.x - logical.width / 2.0 : x - logical.x;
  ty = y - logical.y - logical.height / 2.0;

  cairo_save (cr);
  cairo_new_path (cr);
  cairo_move_to (cr, tx, ty);
  pango_cairo_layout_path (cr, layout);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_width (cr, 3.5 * frame->scale);
  cairo_set_source_rgba (cr, 1, 1, 1, 0.92);
  cairo_stroke (cr);
  cairo_move_to (cr, tx, ty);
  cairo_set_source_rgba (cr, rgba[0], rgba[1], rgba[2], rgba[3]);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
}

/* Strokes the current path twice: a white casing, then the colour. */
static void
stroke_cased (cairo_t      *cr,
              double        width,
              double        scale,
              const double  rgba[4])
{
  cairo_set_line_width (cr, width + 3.0 * scale);
  cairo_set_source_rgba (cr, 1, 1, 1, 0.85);
  cairo_stroke_preserve (cr);
  cairo_set_line_width (cr, width);
  cairo_set_source_rgba (cr, rgba[0], rgba[1], rgba[2], rgba[3]);
  cairo_stroke (cr);
}

static void
paint_arrow (cairo_t            *cr,
             const BlMapFrame   *frame,
             const BlAnnotation *a,
             const double        rgba[4])
{
  double x0, y0, x1, y1, w = line_width (a, frame);
  double dx, dy, len, head, ux, uy;

  if (a->n_points < 2 || !to_frame (frame, a->points, 0, &x0, &y0) ||
      !to_frame (frame, a->points, 1, &x1, &y1))
    return;

  dx = x1 - x0;
  dy = y1 - y0;
  len = hypot (dx, dy);
  if (len < 1e-6)
    return;
  ux = dx / len;
  uy = dy / len;
  head = MIN (MAX (4.0 * w, 10.0 * frame->scale), len * 0.6);

  /* the shaft stops where the head starts, so the tip stays sharp */
  cairo_new_path (cr);
  cairo_move_to (cr, x0, y0);
  cairo_line_to (cr, x1 - ux * head * 0.8, y1 - uy * head * 0.8);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  stroke_cased (cr, w, frame->scale, rgba);

  cairo_new_path (cr);
  cairo_move_to (cr, x1, y1);
  cairo_line_to (cr, x1 - ux * head - uy * head * 0.5, y1 - uy * head + ux * head * 0.5);
  cairo_line_to (cr, x1 - ux * head + uy * head * 0.5, y1 - uy * head - ux * head * 0.5);
  cairo_close_path (cr);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_width (cr, 2.0 * frame->scale);
  cairo_set_source_rgba (cr, 1, 1, 1, 0.85);
  cairo_stroke_preserve (cr);
  cairo_set_source_rgba (cr, rgba[0], rgba[1], rgba[2], rgba[3]);
  cairo_fill (cr);

  /* the text sits at the tail, away from the head */
  if (a->text != NULL)
    draw_text (cr, frame, a->text, LABEL_POINTS,
               x0 - ux * 6 * frame->scale, y0 - uy * 6 * frame->scale, rgba, TRUE);
}

static void
paint_circle (cairo_t            *cr,
              const BlMapFrame   *frame,
              const BlAnnotation *a,
              const double        rgba[4])
{
  double cx, cy, rx, ry, r;

  if (a->n_points < 2 || !to_frame (frame, a->points, 0, &cx, &cy) ||
      !to_frame (frame, a->points, 1, &rx, &ry))
    return;

  r = hypot (rx - cx, ry - cy);
  if (r < 1e-6)
    return;

  cairo_new_path (cr);
  cairo_arc (cr, cx, cy, r, 0, 2 * G_PI);
  cairo_set_source_rgba (cr, rgba[0], rgba[1], rgba[2], 0.10);
  cairo_fill_preserve (cr);
  stroke_cased (cr, line_width (a, frame), frame->scale, rgba);

  if (a->text != NULL)
    draw_text (cr, frame, a->text, LABEL_POINTS,
               cx, cy - r - 12 * frame->scale, rgba, TRUE);
}

static void
paint_area (cairo_t            *cr,
            const BlMapFrame   *frame,
            const BlAnnotation *a,
            const double        rgba[4])
{
  double sx = 0, sy = 0;
  guint n = 0;

  if (a->n_points < 3)
    return;

  cairo_new_path (cr);
  for (guint i = 0; i < a->n_points; i++)
    {
      double x, y;

      if (!to_frame (frame, a->points, i, &x, &y))
        continue;
      if (n == 0)
        cairo_move_to (cr, x, y);
      else
        cairo_line_to (cr, x, y);
      sx += x;
      sy += y;
      n++;
    }
  if (n < 3)
    {
      cairo_new_path (cr);
      return;
    }
  cairo_close_path (cr);
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_source_rgba (cr, rgba[0], rgba[1], rgba[2], 0.18);
  cairo_fill_preserve (cr);
  stroke_cased (cr, line_width (a, frame), frame->scale, rgba);

  if (a->text != NULL)
    draw_text (cr, frame, a->text, LABEL_POINTS,
               sx / n, sy / n, rgba, TRUE);
}

static void
paint_highlight (cairo_t            *cr,
                 const BlMapFrame   *frame,
                 const BlAnnotation *a)
{
  double x0 = G_MAXDOUBLE, y0 = G_MAXDOUBLE, x1 = -G_MAXDOUBLE, y1 = -G_MAXDOUBLE;
  double dash[] = { 4 * frame->scale, 3 * frame->scale };
  double pad = 8 * frame->scale;

  for (guint i = 0; i < a->n_points; i++)
    {
      double x, y;

      if (!to_frame (frame, a->points, i, &x, &y))
        continue;
      x0 = MIN (x0, x);
      y0 = MIN (y0, y);
      x1 = MAX (x1, x);
      y1 = MAX (y1, y);
    }
  if (x0 > x1)
    return;

  if (a->kind == BL_ANNOTATION_CIRCLE && a->n_points >= 2)
    {
      double cx, cy, rx, ry, r;

      to_frame (frame, a->points, 0, &cx, &cy);
      to_frame (frame, a->points, 1, &rx, &ry);
      r = hypot (rx - cx, ry - cy);
      x0 = cx - r;
      x1 = cx + r;
      y0 = cy - r;
      y1 = cy + r;
    }

  cairo_new_path (cr);
  cairo_rectangle (cr, x0 - pad, y0 - pad, x1 - x0 + 2 * pad, y1 - y0 + 2 * pad);
  cairo_set_dash (cr, dash, 2, 0);
  cairo_set_line_width (cr, 1.5 * frame->scale);
  cairo_set_source_rgba (cr, 0.11, 0.44, 0.85, 1.0);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
}

/**
 * bl_annotation_painter_paint:
 * @cr: where to draw; (0, 0) is the frame's top-left corner
 * @frame: what part of the world, at what size
 * @annotations: (element-type BlAnnotation) (nullable): what to draw, in
 *   order (later ones on top)
 * @highlighted: the index of an annotation to mark as being edited, or -1
 *
 * Draws the annotations. Points outside the frame are simply off the
 * surface; an annotation with too few or invalid points is skipped.
 */
void
bl_annotation_painter_paint (cairo_t          *cr,
                             const BlMapFrame *frame,
                             GPtrArray        *annotations,
                             int               highlighted)
{
  g_return_if_fail (cr != NULL);
  g_return_if_fail (frame != NULL);

  if (annotations == NULL)
    return;

  for (guint i = 0; i < annotations->len; i++)
    {
      const BlAnnotation *a = g_ptr_array_index (annotations, i);
      double rgba[4];

      if (a == NULL || a->points == NULL || a->n_points == 0)
        continue;

      bl_annotation_parse_color (a->color, rgba);
      cairo_save (cr);

      switch (a->kind)
        {
        case BL_ANNOTATION_TEXT:
          {
            double x, y;

            if (to_frame (frame, a->points, 0, &x, &y))
              draw_text (cr, frame, a->text, a->size, x, y, rgba, FALSE);
          }
          break;
        case BL_ANNOTATION_ARROW:
          paint_arrow (cr, frame, a, rgba);
          break;
        case BL_ANNOTATION_CIRCLE:
          paint_circle (cr, frame, a, rgba);
          break;
        case BL_ANNOTATION_AREA:
          paint_area (cr, frame, a, rgba);
          break;
        case BL_N_ANNOTATION_KINDS:
        default:
          break;
        }

      if ((int) i == highlighted)
        paint_highlight (cr, frame, a);

      cairo_restore (cr);
    }
}
