/* bl-claim-shapes.c — how one claim or cluster looks: colours and shapes
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The palette, a single claim's marker (shape for its stance, outline for
 * its credibility), a cluster's disc and its count. Each draws at a given
 * place and scale with cairo, knowing nothing of maps or stores: the
 * painter (bl-claim-painter.c) places them on a map, the claim layer
 * draws each once into a sprite (bl-mark-sprites.c), and the legends, the
 * comparison table and an export's furniture draw them as keys.
 */
#include "config.h"

#include <math.h>

#include <pango/pangocairo.h>

#include "bl-claim-painter.h"
#include "bl-text.h"

/* The GNOME palette's strong tones: they read on the light basemap, and
 * none is the red that marks denials in charts. The comparison chart and
 * the legend use the same colours for the same keys. Colour is never the
 * only signal: shapes and text say it too. */
static const double palette[][3] = {
  { 0.110, 0.443, 0.847 },  /* blue */
  { 0.902, 0.380, 0.000 },  /* orange */
  { 0.149, 0.635, 0.412 },  /* green */
  { 0.569, 0.255, 0.675 },  /* purple */
  { 0.392, 0.271, 0.180 },  /* brown */
  { 0.000, 0.600, 0.650 },  /* teal */
  { 0.800, 0.600, 0.000 },  /* yellow */
  { 0.369, 0.361, 0.392 },  /* dark grey */
};

#define N_COLORS G_N_ELEMENTS (palette)
G_STATIC_ASSERT (N_COLORS == BL_CLAIM_PAINTER_N_COLORS);

/**
 * bl_claim_palette_get:
 * @key: a topic or claimant number, or %BL_NO_INDEX
 * @rgba: (out caller-allocates) (array fixed-size=4): its colour
 *
 * The colour that stands for @key on the map, in legends and in charts.
 */
void
bl_claim_palette_get (guint32 key,
                      double  rgba[4])
{
  g_return_if_fail (rgba != NULL);

  if (key == BL_NO_INDEX)
    {
      rgba[0] = rgba[1] = rgba[2] = 0.55;
    }
  else
    {
      rgba[0] = palette[key % N_COLORS][0];
      rgba[1] = palette[key % N_COLORS][1];
      rgba[2] = palette[key % N_COLORS][2];
    }
  rgba[3] = 1.0;
}

static void
set_outline (cairo_t *cr,
             double   scale,
             guint    credibility)
{
  static const double dash[] = { 2.5, 2.0 };

  if (credibility >= 5)
    {
      double scaled[2] = { dash[0] * scale, dash[1] * scale };

      cairo_set_dash (cr, scaled, 2, 0);
      cairo_set_line_width (cr, 1.6 * scale);
    }
  else
    {
      cairo_set_dash (cr, NULL, 0, 0);
      cairo_set_line_width (cr, (credibility >= 1 && credibility <= 2 ? 2.4 : 1.6) * scale);
    }
}

/**
 * bl_claim_painter_draw_marker:
 * @x: the marker's centre
 * @y: the marker's centre
 * @scale: the frame's scale
 * @stance: the claim's stance: the marker's shape
 * @credibility: 0 (ungraded) or 1–6: the outline
 * @rgba: the fill colour
 *
 * Draws one claim's marker.
 */
void
bl_claim_painter_draw_marker (cairo_t      *cr,
                              double        x,
                              double        y,
                              double        scale,
                              BlStance      stance,
                              guint         credibility,
                              const double  rgba[4])
{
  double r = BL_CLAIM_MARKER_RADIUS * scale;

  cairo_save (cr);
  cairo_new_path (cr);

  switch (stance)
    {
    case BL_STANCE_DENIES:
      cairo_move_to (cr, x, y - r * 1.25);
      cairo_line_to (cr, x + r * 1.25, y);
      cairo_line_to (cr, x, y + r * 1.25);
      cairo_line_to (cr, x - r * 1.25, y);
      cairo_close_path (cr);
      break;
    case BL_STANCE_QUALIFIES:
      cairo_move_to (cr, x, y - r * 1.2);
      cairo_line_to (cr, x + r * 1.15, y + r * 0.85);
      cairo_line_to (cr, x - r * 1.15, y + r * 0.85);
      cairo_close_path (cr);
      break;
    case BL_STANCE_ASSERTS:
    case BL_N_STANCES:
    default:
      cairo_arc (cr, x, y, r, 0, 2 * G_PI);
      break;
    }

  /* a soft shadow lifts the marker off the map */
  cairo_save (cr);
  cairo_translate (cr, 0, 1.0 * scale);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.25);
  cairo_fill_preserve (cr);
  cairo_restore (cr);

  cairo_set_source_rgba (cr, rgba[0], rgba[1], rgba[2], rgba[3]);
  cairo_fill_preserve (cr);
  set_outline (cr, scale, credibility);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_stroke (cr);

  /* a denial is also marked with a bar across it */
  if (stance == BL_STANCE_DENIES)
    {
      cairo_set_dash (cr, NULL, 0, 0);
      cairo_set_line_width (cr, 2.2 * scale);
      cairo_move_to (cr, x - r * 0.55, y);
      cairo_line_to (cr, x + r * 0.55, y);
      cairo_stroke (cr);
    }

  cairo_restore (cr);
}

/**
 * bl_claim_painter_get_cluster_radius:
 * @count: how many claims a cluster holds
 * @scale: the frame's scale
 *
 * Returns: the radius of the cluster's disc: it grows with the count
 */
double
bl_claim_painter_get_cluster_radius (guint  count,
                                     double scale)
{
  return (11.0 + 3.0 * log10 (MAX (count, 1))) * scale;
}

/**
 * bl_claim_painter_draw_cluster_disc:
 * @r: the radius, from bl_claim_painter_get_cluster_radius()
 *
 * Draws a cluster's disc, without its count.
 */
void
bl_claim_painter_draw_cluster_disc (cairo_t      *cr,
                                    double        x,
                                    double        y,
                                    double        r,
                                    double        scale,
                                    const double  rgba[4])
{
  cairo_save (cr);
  cairo_new_path (cr);

  cairo_arc (cr, x, y + 1.0 * scale, r, 0, 2 * G_PI);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.25);
  cairo_fill (cr);

  cairo_arc (cr, x, y, r + 3.0 * scale, 0, 2 * G_PI);
  cairo_set_source_rgba (cr, rgba[0], rgba[1], rgba[2], 0.30);
  cairo_fill (cr);

  cairo_arc (cr, x, y, r, 0, 2 * G_PI);
  cairo_set_source_rgba (cr, rgba[0], rgba[1], rgba[2], 1.0);
  cairo_fill_preserve (cr);
  cairo_set_line_width (cr, 1.5 * scale);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_stroke (cr);

  cairo_restore (cr);
}

/**
 * bl_claim_painter_set_count_text:
 * @layout: a layout
 * @count: how many claims a cluster holds
 * @scale: the frame's scale
 *
 * Sets @layout to a cluster's count ("12", "35k") in the count's font.
 * The count is drawn in white, centred on the disc.
 */
void
bl_claim_painter_set_count_text (PangoLayout *layout,
                                 guint        count,
                                 double       scale)
{
  PangoFontDescription *font;
  char text[32];

  if (count >= 100000)
    g_snprintf (text, sizeof text, "%uk", count / 1000);
  else if (count >= 10000)
    g_snprintf (text, sizeof text, "%.0fk", count / 1000.0);
  else
    g_snprintf (text, sizeof text, "%u", count);

  font = pango_font_description_from_string ("Cantarell, Noto Sans, DejaVu Sans Bold");
  pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_font_description_set_absolute_size (font, 10.5 * scale * PANGO_SCALE);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_text (layout, text, -1);
}

/**
 * bl_claim_painter_draw_count:
 * @x: the cluster's centre
 * @y: the cluster's centre
 * @scale: the frame's scale
 * @count: how many claims it holds
 *
 * Draws a cluster's count ("12", "35k"), centred at (@x, @y), in white.
 */
void
bl_claim_painter_draw_count (cairo_t *cr,
                             double   x,
                             double   y,
                             double   scale,
                             guint    count)
{
  g_autoptr(PangoLayout) layout = NULL;
  int w, h;

  cairo_save (cr);
  layout = bl_text_layout_new (cr);
  bl_claim_painter_set_count_text (layout, count, scale);
  pango_layout_get_pixel_size (layout, &w, &h);
  cairo_move_to (cr, x - w / 2.0, y - h / 2.0);
  cairo_set_source_rgb (cr, 1, 1, 1);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
}

/**
 * bl_claim_painter_draw_cluster:
 * @count: how many claims it holds
 *
 * Draws a cluster: a disc sized by the count, with the count in it.
 */
void
bl_claim_painter_draw_cluster (cairo_t      *cr,
                               double        x,
                               double        y,
                               double        scale,
                               guint         count,
                               const double  rgba[4])
{
  bl_claim_painter_draw_cluster_disc (cr, x, y, bl_claim_painter_get_cluster_radius (count, scale),
                                      scale, rgba);
  bl_claim_painter_draw_count (cr, x, y, scale, count);
}
