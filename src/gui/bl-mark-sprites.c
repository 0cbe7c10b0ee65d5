/* bl-mark-sprites.c — markers drawn once, placed many times
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The claim layer used to draw every frame into one cairo node the size
 * of the map. Under GTK 4.8's GL renderer such a node is rasterised into
 * a map-sized image, copied and uploaded as a texture on every frame:
 * about 35 MB more at the peak on a 1600 × 1000 map, and the slowest
 * part of a pan.
 *
 * A map holds few different markers, though: three shapes, seven
 * outlines, nine colours, and cluster discs of a few dozen sizes. Each is
 * drawn once, by the same BlClaimPainter code an export uses, into a small
 * texture kept here; a frame is then one texture node per marker, which
 * the renderer draws from textures it already holds. A cluster's count is
 * a text node over its disc.
 *
 * Markers stand on whole device pixels, so a sprite is as sharp as the
 * marker drawn in place (cairo would draw it at the same place, up to
 * half a pixel).
 */
#include "config.h"

#include <math.h>

#include "bl-mark-sprites.h"

struct _BlMarkSprites
{
  /* key (see sprite_key) → GdkTexture */
  GHashTable *textures;
};

/* Cluster discs come in quarter-pixel radii. */
#define RADIUS_STEPS 4.0

/**
 * bl_mark_sprites_new:
 *
 * Returns: (transfer full): an empty set of sprites
 */
BlMarkSprites *
bl_mark_sprites_new (void)
{
  BlMarkSprites *sprites = g_new0 (BlMarkSprites, 1);

  sprites->textures = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  return sprites;
}

void
bl_mark_sprites_free (BlMarkSprites *sprites)
{
  if (sprites == NULL)
    return;

  g_hash_table_unref (sprites->textures);
  g_free (sprites);
}

static guint8
channel (double value)
{
  return (guint8) lround (CLAMP (value, 0.0, 1.0) * 255.0);
}

/* Everything that changes a sprite's pixels, packed in 64 bits. */
static gint64
sprite_key (const BlClaimMark *mark,
            guint              radius_steps,
            double             scale,
            int                scale_factor)
{
  guint64 key = 0;

  key |= (guint64) (mark->n_claims == 1);
  key |= (guint64) (mark->stance & 0xf) << 1;
  key |= (guint64) (MIN (mark->credibility, 15u)) << 5;
  key |= (guint64) channel (mark->rgba[0]) << 9;
  key |= (guint64) channel (mark->rgba[1]) << 17;
  key |= (guint64) channel (mark->rgba[2]) << 25;
  key |= (guint64) channel (mark->rgba[3]) << 33;
  key |= (guint64) (radius_steps & 0x3ff) << 41;
  key |= (guint64) (MIN (scale_factor, 15)) << 51;
  key |= (guint64) (MIN ((guint) lround (scale * 16), 0x1ffu)) << 55;

  return (gint64) key;
}

/* How far a marker's ink reaches from its centre, in map pixels; the
 * shapes are at most 1.25 radii, with their outline and shadow. */
static double
reach (const BlClaimMark *mark,
       double             radius,
       double             scale)
{
  if (mark->n_claims == 1)
    return BL_CLAIM_MARKER_RADIUS * 1.25 * scale + 3.0 * scale;
  return radius + 5.0 * scale;
}

static GdkTexture *
draw_sprite (const BlClaimMark *mark,
             double             radius,
             double             scale,
             int                scale_factor,
             int                half)
{
  g_autoptr(GBytes) bytes = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  int size = 2 * half * scale_factor;
  GdkTexture *texture;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, size, size);
  cairo_surface_set_device_scale (surface, scale_factor, scale_factor);
  cr = cairo_create (surface);
  if (mark->n_claims == 1)
    bl_claim_painter_draw_marker (cr, half, half, scale, mark->stance, mark->credibility, mark->rgba);
  else
    bl_claim_painter_draw_cluster_disc (cr, half, half, radius, scale, mark->rgba);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  /* GDK_MEMORY_DEFAULT is cairo's ARGB32, premultiplied, in native order */
  bytes = g_bytes_new (cairo_image_surface_get_data (surface),
                       (gsize) cairo_image_surface_get_stride (surface) * size);
  texture = gdk_memory_texture_new (size, size, GDK_MEMORY_DEFAULT, bytes,
                                    cairo_image_surface_get_stride (surface));
  cairo_surface_destroy (surface);

  return texture;
}

/* Where a mark stands: on a whole device pixel. */
static void
place (const BlClaimMark *mark,
       int                scale_factor,
       double            *x,
       double            *y)
{
  *x = round (mark->x * scale_factor) / scale_factor;
  *y = round (mark->y * scale_factor) / scale_factor;
}

/**
 * bl_mark_sprites_append:
 * @snapshot: where the layer draws
 * @mark: the marker or cluster, from bl_claim_painter_get_mark()
 * @scale: the frame's scale
 * @scale_factor: the widget's scale factor
 *
 * Appends @mark's sprite to @snapshot, drawing it the first time it is
 * needed. A cluster's count is bl_mark_sprites_append_count()'s.
 */
void
bl_mark_sprites_append (BlMarkSprites     *sprites,
                        GtkSnapshot       *snapshot,
                        const BlClaimMark *mark,
                        double             scale,
                        int                scale_factor)
{
  guint radius_steps = 0;
  double radius = 0, x, y;
  gint64 key;
  GdkTexture *texture;
  int half;

  g_return_if_fail (sprites != NULL);
  g_return_if_fail (mark != NULL);

  scale_factor = MAX (scale_factor, 1);
  if (mark->n_claims != 1)
    {
      radius_steps = (guint) lround (bl_claim_painter_get_cluster_radius (mark->n_claims, scale) * RADIUS_STEPS);
      radius = radius_steps / RADIUS_STEPS;
    }
  half = (int) ceil (reach (mark, radius, scale));

  key = sprite_key (mark, radius_steps, scale, scale_factor);
  texture = g_hash_table_lookup (sprites->textures, &key);
  if (texture == NULL)
    {
      texture = draw_sprite (mark, radius, scale, scale_factor, half);
      g_hash_table_insert (sprites->textures, g_memdup2 (&key, sizeof key), texture);
    }

  place (mark, scale_factor, &x, &y);
  gtk_snapshot_append_texture (snapshot, texture,
                               &GRAPHENE_RECT_INIT (x - half, y - half, 2 * half, 2 * half));
}

/**
 * bl_mark_sprites_append_count:
 * @snapshot: where the layer draws
 * @layout: a layout in the widget's context
 * @mark: a cluster, from bl_claim_painter_get_mark()
 * @scale: the frame's scale
 * @scale_factor: the widget's scale factor
 *
 * Appends a cluster's count over its disc. The layer appends every count
 * after every sprite: the renderer then draws the sprites in one batch
 * and the counts in another, where alternating them costs a batch each
 * (with 1M claims on llvmpipe, about 25 MB more at the peak, measured
 * with bench-claim-layer).
 */
void
bl_mark_sprites_append_count (GtkSnapshot       *snapshot,
                              PangoLayout       *layout,
                              const BlClaimMark *mark,
                              double             scale,
                              int                scale_factor)
{
  static const GdkRGBA white = { 1, 1, 1, 1 };
  double x, y;
  int w, h;

  g_return_if_fail (mark != NULL);

  if (mark->n_claims == 1)
    return;

  place (mark, MAX (scale_factor, 1), &x, &y);
  bl_claim_painter_set_count_text (layout, mark->n_claims, scale);
  pango_layout_get_pixel_size (layout, &w, &h);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x - w / 2.0, y - h / 2.0));
  gtk_snapshot_append_layout (snapshot, layout, &white);
  gtk_snapshot_restore (snapshot);
}
