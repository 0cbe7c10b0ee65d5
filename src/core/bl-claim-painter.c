/* bl-claim-painter.c — how claims look on a map, on screen and in exports
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One piece of code draws the claims wherever a map of them is drawn, so
 * an exported map shows the same markers in the same places as the window
 * did: an export calls bl_claim_painter_paint() with a BlMapFrame; the
 * claim layer on screen draws the same three parts itself, the tinted
 * areas (bl_claim_painter_paint_areas()), the marks (bl_claim_painter_
 * get_mark(), each drawn once as a sprite) and what lies over them
 * (bl_claim_painter_paint_overlay()).
 *
 * What a reader sees (the colours and shapes are bl-claim-shapes.c's):
 *  - colour says the topic (or the claimant): a fixed palette, the same in
 *    the legend, the timeline and the comparison chart;
 *  - shape says the stance: a circle asserts, a diamond with a bar denies,
 *    a triangle qualifies — so colour is never the only signal;
 *  - the outline says the information credibility: solid for 1–2, plain
 *    for 3–4 and ungraded, dashed for 5–6 (doubtful, improbable, cannot be
 *    judged);
 *  - a cluster of claims is a disc with its count;
 *  - a province-level claim tints its province (violet, apart from the
 *    palette), more deeply the more
 *    visible claims name it; a country-level (or wider) claim gets only a
 *    marker at the country's label point, and its outline appears when it
 *    is selected, so "6,500 in Afghanistan" never floods the map;
 *  - the selected claim has a ring, and lines join it to the claims it
 *    relates to (solid: corroborates, dashed: denies, dotted: cites).
 *
 * Claims without a point are placed at the label point of their first
 * area (from the basemap).
 *
 * The painter keeps a per-area count of visible claims, recomputed when
 * the visible claims change, not on every frame.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "bl-claim-painter.h"
#include "bl-spatial-index.h"
#include "bl-vocab.h"

struct _BlClaimPainter
{
  GObject            parent_instance;

  BlVisibleClaims   *visible;
  BlBasemapRenderer *basemap;
  BlClusterer       *clusterer;
  BlColorBy          color_by;
  char              *selected_id;
  int                focused;

  /* area code → number of visible claims naming it (province level) */
  GHashTable        *area_counts;
  guint              max_area_count;
  gboolean           area_counts_valid;
};

G_DEFINE_FINAL_TYPE (BlClaimPainter, bl_claim_painter, G_TYPE_OBJECT)

static void
invalidate_areas (BlClaimPainter *self)
{
  self->area_counts_valid = FALSE;
}

static gboolean
is_province_code (const char *code)
{
  return strchr (code, '-') != NULL;
}

static void
count_areas (BlClaimPainter *self)
{
  BlClaimStore *store = bl_project_get_claims (bl_visible_claims_get_project (self->visible));
  const guint8 *precisions = bl_claim_store_get_precisions (store);
  const guint32 *indices;
  guint n;

  if (self->area_counts_valid)
    return;

  g_hash_table_remove_all (self->area_counts);
  self->max_area_count = 0;

  indices = bl_visible_claims_get_indices (self->visible, &n);
  for (guint i = 0; i < n; i++)
    {
      BlClaimRecord r;

      /* only claims about an area; precision above province is drawn
       * as a marker, not a tint */
      if (precisions[indices[i]] > BL_PRECISION_PROVINCE && precisions[indices[i]] != BL_PRECISION_REGION)
        continue;

      bl_claim_store_get_record (store, indices[i], &r);
      for (guint a = 0; r.areas != NULL && r.areas[a] != NULL; a++)
        {
          guint count;

          if (!is_province_code (r.areas[a]))
            continue;
          count = GPOINTER_TO_UINT (g_hash_table_lookup (self->area_counts, r.areas[a])) + 1;
          /* the keys point into the store, which outlives this count */
          g_hash_table_insert (self->area_counts, (gpointer) r.areas[a], GUINT_TO_POINTER (count));
          self->max_area_count = MAX (self->max_area_count, count);
        }
    }

  self->area_counts_valid = TRUE;
}

static gboolean
anchor_claim (BlClaimStore *store,
              guint         index,
              double       *lat,
              double       *lon,
              gpointer      user_data)
{
  BlClaimPainter *self = user_data;
  BlClaimRecord r;

  if (self->basemap == NULL)
    return FALSE;

  bl_claim_store_get_record (store, index, &r);
  if (r.areas == NULL || r.areas[0] == NULL)
    return FALSE;

  return bl_basemap_renderer_get_label_point (self->basemap, r.areas[0], lon, lat);
}

static void
bl_claim_painter_dispose (GObject *object)
{
  BlClaimPainter *self = BL_CLAIM_PAINTER (object);

  if (self->visible != NULL)
    g_signal_handlers_disconnect_by_data (self->visible, self);
  g_clear_object (&self->clusterer);
  g_clear_object (&self->visible);

  G_OBJECT_CLASS (bl_claim_painter_parent_class)->dispose (object);
}

static void
bl_claim_painter_finalize (GObject *object)
{
  BlClaimPainter *self = BL_CLAIM_PAINTER (object);

  g_clear_pointer (&self->basemap, bl_basemap_renderer_unref);
  g_clear_pointer (&self->area_counts, g_hash_table_unref);
  g_clear_pointer (&self->selected_id, g_free);

  G_OBJECT_CLASS (bl_claim_painter_parent_class)->finalize (object);
}

static void
bl_claim_painter_class_init (BlClaimPainterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = bl_claim_painter_dispose;
  object_class->finalize = bl_claim_painter_finalize;
}

static void
bl_claim_painter_init (BlClaimPainter *self)
{
  self->area_counts = g_hash_table_new (g_str_hash, g_str_equal);
  self->focused = -1;
}

/**
 * bl_claim_painter_new:
 * @visible: the claims to draw
 * @basemap: (nullable): the basemap, for the areas' outlines and label
 *   points
 *
 * Returns: (transfer full): a painter
 */
BlClaimPainter *
bl_claim_painter_new (BlVisibleClaims   *visible,
                      BlBasemapRenderer *basemap)
{
  BlClaimPainter *self;

  g_return_val_if_fail (BL_IS_VISIBLE_CLAIMS (visible), NULL);

  self = g_object_new (BL_TYPE_CLAIM_PAINTER, NULL);
  self->visible = g_object_ref (visible);
  self->basemap = basemap ? bl_basemap_renderer_ref (basemap) : NULL;
  self->clusterer = bl_clusterer_new (visible);
  bl_clusterer_set_anchor_func (self->clusterer, anchor_claim, self, NULL);

  g_signal_connect_swapped (visible, "changed", G_CALLBACK (invalidate_areas), self);

  return self;
}

/**
 * bl_claim_painter_get_visible:
 *
 * Returns: (transfer none): the claims drawn
 */
BlVisibleClaims *
bl_claim_painter_get_visible (BlClaimPainter *self)
{
  g_return_val_if_fail (BL_IS_CLAIM_PAINTER (self), NULL);
  return self->visible;
}

/**
 * bl_claim_painter_get_clusterer:
 *
 * Returns: (transfer none): the clusterer
 */
BlClusterer *
bl_claim_painter_get_clusterer (BlClaimPainter *self)
{
  g_return_val_if_fail (BL_IS_CLAIM_PAINTER (self), NULL);
  return self->clusterer;
}

BlColorBy
bl_claim_painter_get_color_by (BlClaimPainter *self)
{
  g_return_val_if_fail (BL_IS_CLAIM_PAINTER (self), BL_COLOR_BY_TOPIC);
  return self->color_by;
}

void
bl_claim_painter_set_color_by (BlClaimPainter *self,
                               BlColorBy       color_by)
{
  g_return_if_fail (BL_IS_CLAIM_PAINTER (self));
  self->color_by = color_by;
}

void
bl_claim_painter_set_selected (BlClaimPainter *self,
                               const char     *claim_id)
{
  g_return_if_fail (BL_IS_CLAIM_PAINTER (self));

  g_free (self->selected_id);
  self->selected_id = g_strdup (claim_id);
}

/**
 * bl_claim_painter_set_focused:
 * @cluster: the cluster with the keyboard focus, or -1
 */
void
bl_claim_painter_set_focused (BlClaimPainter *self,
                              int             cluster)
{
  g_return_if_fail (BL_IS_CLAIM_PAINTER (self));
  self->focused = cluster;
}

/**
 * bl_claim_painter_get_key:
 * @claim: a claim number
 *
 * Returns: what the claim's colour stands for: its topic or claimant
 *   number, or %BL_NO_INDEX
 */
guint32
bl_claim_painter_get_key (BlClaimPainter *self,
                          guint           claim)
{
  BlClaimStore *store;

  g_return_val_if_fail (BL_IS_CLAIM_PAINTER (self), BL_NO_INDEX);

  store = bl_project_get_claims (bl_visible_claims_get_project (self->visible));
  if (self->color_by == BL_COLOR_BY_CLAIMANT)
    return bl_claim_store_get_actors (store)[claim];
  return bl_claim_store_get_topics (store)[claim];
}

/**
 * bl_claim_painter_get_color:
 * @key: a topic or claimant number, or %BL_NO_INDEX
 * @rgba: (out caller-allocates) (array fixed-size=4): the colour
 */
void
bl_claim_painter_get_color (BlClaimPainter *self,
                            guint32         key,
                            double          rgba[4])
{
  bl_claim_palette_get (key, rgba);
}

/**
 * bl_claim_painter_get_position:
 * @claim: a claim number
 * @lat: (out): where its marker stands
 * @lon: (out): where its marker stands
 *
 * Returns: %FALSE when the claim is not on the map
 */
gboolean
bl_claim_painter_get_position (BlClaimPainter *self,
                               guint           claim,
                               double         *lat,
                               double         *lon)
{
  BlClaimStore *store;

  g_return_val_if_fail (BL_IS_CLAIM_PAINTER (self), FALSE);

  store = bl_project_get_claims (bl_visible_claims_get_project (self->visible));
  if (claim >= bl_claim_store_get_n_claims (store))
    return FALSE;

  *lat = bl_claim_store_get_lats (store)[claim];
  *lon = bl_claim_store_get_lons (store)[claim];
  if (!isnan (*lat) && !isnan (*lon))
    return TRUE;

  return anchor_claim (store, claim, lat, lon, self);
}

/**
 * bl_claim_painter_compute_clusters:
 * @frame: what the map shows
 *
 * Returns: (transfer none): the clusters of the visible claims in the
 *   frame, valid until the next call
 */
BlClusterSet *
bl_claim_painter_compute_clusters (BlClaimPainter   *self,
                                   const BlMapFrame *frame)
{
  BlClusterViewport viewport;

  g_return_val_if_fail (BL_IS_CLAIM_PAINTER (self), NULL);
  g_return_val_if_fail (frame != NULL, NULL);

  viewport.zoom = frame->zoom;
  viewport.x = frame->x;
  viewport.y = frame->y;
  viewport.width = frame->width;
  viewport.height = frame->height;

  return bl_clusterer_compute (self->clusterer, &viewport);
}

/* Areas */

static void
trace_area (BlClaimPainter   *self,
            cairo_t          *cr,
            const BlMapFrame *frame,
            const char       *code)
{
  BlBasemapData *data = bl_basemap_renderer_get_data (self->basemap);
  const BlBasemapFeature *feature = bl_basemap_renderer_lookup_area (self->basemap, code);
  guint band, n_parts;

  if (data == NULL || feature == NULL)
    return;

  band = bl_basemap_data_get_band_for_zoom (data, frame->zoom);
  n_parts = bl_basemap_feature_get_n_parts (data, feature, band);

  for (guint p = 0; p < n_parts; p++)
    {
      gsize n_points;
      const gint32 *points = bl_basemap_feature_get_part (data, feature, band, p, &n_points);

      for (gsize i = 0; i < n_points; i++)
        {
          double wx, wy;

          bl_spatial_lonlat_to_world (points[2 * i + 1] / BL_BASEMAP_COORD_SCALE,
                                      points[2 * i] / BL_BASEMAP_COORD_SCALE,
                                      frame->zoom, &wx, &wy);
          wx = (wx - frame->x) * frame->scale;
          wy = (wy - frame->y) * frame->scale;
          if (i == 0)
            cairo_move_to (cr, wx, wy);
          else
            cairo_line_to (cr, wx, wy);
        }
      cairo_close_path (cr);
    }
}

static void
paint_areas (BlClaimPainter   *self,
             cairo_t          *cr,
             const BlMapFrame *frame)
{
  GHashTableIter iter;
  gpointer key, value;
  double rgba[4];

  if (self->basemap == NULL)
    return;

  count_areas (self);
  if (self->max_area_count == 0)
    return;

  bl_claim_painter_get_color (self, BL_NO_INDEX, rgba);
  cairo_save (cr);
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);

  g_hash_table_iter_init (&iter, self->area_counts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      double depth = 0.10 + 0.18 * sqrt ((double) GPOINTER_TO_UINT (value) / self->max_area_count);

      cairo_new_path (cr);
      trace_area (self, cr, frame, key);
      cairo_set_source_rgba (cr, 0.38, 0.21, 0.51, depth);
      cairo_fill_preserve (cr);
      cairo_set_source_rgba (cr, 0.38, 0.21, 0.51, 0.45);
      cairo_set_line_width (cr, 1.2 * frame->scale);
      cairo_stroke (cr);
    }

  cairo_restore (cr);
}

/* The selected claim: its areas, its ring, its relations */

static gboolean
to_frame (BlClaimPainter   *self,
          const BlMapFrame *frame,
          guint             claim,
          double           *x,
          double           *y)
{
  double lat, lon;

  if (!bl_claim_painter_get_position (self, claim, &lat, &lon))
    return FALSE;

  bl_spatial_lonlat_to_world (lat, lon, frame->zoom, x, y);
  *x = (*x - frame->x) * frame->scale;
  *y = (*y - frame->y) * frame->scale;
  return TRUE;
}

static void
set_relation_dash (cairo_t        *cr,
                   BlRelationKind  kind,
                   double          scale)
{
  double dashed[] = { 7 * scale, 5 * scale };
  double dotted[] = { 1.5 * scale, 4 * scale };

  switch (kind)
    {
    case BL_RELATION_DENIES:
      cairo_set_dash (cr, dashed, 2, 0);
      break;
    case BL_RELATION_CITES:
      cairo_set_dash (cr, dotted, 2, 0);
      break;
    case BL_RELATION_CORROBORATES:
    case BL_N_RELATION_KINDS:
    default:
      cairo_set_dash (cr, NULL, 0, 0);
      break;
    }
}

static void
paint_selection (BlClaimPainter   *self,
                 cairo_t          *cr,
                 const BlMapFrame *frame)
{
  BlClaimStore *store = bl_project_get_claims (bl_visible_claims_get_project (self->visible));
  guint index;
  BlClaimRecord r;
  double x, y;

  if (self->selected_id == NULL ||
      (index = bl_claim_store_lookup (store, self->selected_id)) == BL_NO_INDEX)
    return;

  bl_claim_store_get_record (store, index, &r);

  cairo_save (cr);

  /* its areas, outlined: also a country, which is otherwise not drawn */
  if (self->basemap != NULL && r.areas != NULL)
    {
      cairo_new_path (cr);
      for (guint a = 0; r.areas[a] != NULL; a++)
        trace_area (self, cr, frame, r.areas[a]);
      cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
      cairo_set_source_rgba (cr, 0.11, 0.44, 0.85, 0.12);
      cairo_fill_preserve (cr);
      cairo_set_source_rgba (cr, 0.11, 0.44, 0.85, 0.9);
      cairo_set_line_width (cr, 2.5 * frame->scale);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      cairo_stroke (cr);
    }

  if (!to_frame (self, frame, index, &x, &y))
    {
      cairo_restore (cr);
      return;
    }

  /* lines to what it cites, denies, corroborates */
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  for (guint i = 0; i < r.n_relations; i++)
    {
      guint other = bl_claim_store_lookup (store, r.relations[i].claim_id);
      double ox, oy;

      if (other == BL_NO_INDEX || !to_frame (self, frame, other, &ox, &oy))
        continue;

      set_relation_dash (cr, r.relations[i].kind, frame->scale);
      cairo_set_line_width (cr, 4.5 * frame->scale);
      cairo_set_source_rgba (cr, 1, 1, 1, 0.8);
      cairo_move_to (cr, x, y);
      cairo_line_to (cr, ox, oy);
      cairo_stroke (cr);
      cairo_set_line_width (cr, 2.0 * frame->scale);
      cairo_set_source_rgba (cr, 0.11, 0.44, 0.85, 1.0);
      cairo_move_to (cr, x, y);
      cairo_line_to (cr, ox, oy);
      cairo_stroke (cr);

      /* a ring on the other end */
      cairo_set_dash (cr, NULL, 0, 0);
      cairo_arc (cr, ox, oy, (BL_CLAIM_MARKER_RADIUS + 5) * frame->scale, 0, 2 * G_PI);
      cairo_set_line_width (cr, 2.0 * frame->scale);
      cairo_stroke (cr);
    }

  /* its ring */
  cairo_set_dash (cr, NULL, 0, 0);
  cairo_new_path (cr);
  cairo_arc (cr, x, y, (BL_CLAIM_MARKER_RADIUS + 7) * frame->scale, 0, 2 * G_PI);
  cairo_set_line_width (cr, 5.0 * frame->scale);
  cairo_set_source_rgba (cr, 1, 1, 1, 0.9);
  cairo_stroke_preserve (cr);
  cairo_set_line_width (cr, 3.0 * frame->scale);
  cairo_set_source_rgba (cr, 0.11, 0.44, 0.85, 1.0);
  cairo_stroke (cr);

  cairo_restore (cr);
}

/* The neutral tone of clusters: they mix topics. */
static const double cluster_rgba[4] = { 0.22, 0.27, 0.33, 1.0 };

/**
 * bl_claim_painter_get_mark:
 * @frame: what the map shows
 * @cluster: one of the clusters computed for @frame
 * @mark: (out caller-allocates): how it is drawn
 *
 * Says how one cluster is drawn: where, and as a single claim's marker
 * (with its stance, credibility and colour) or as a cluster's disc.
 */
void
bl_claim_painter_get_mark (BlClaimPainter   *self,
                           const BlMapFrame *frame,
                           const BlCluster  *cluster,
                           BlClaimMark      *mark)
{
  BlClaimStore *store;

  g_return_if_fail (BL_IS_CLAIM_PAINTER (self));
  g_return_if_fail (frame != NULL && cluster != NULL && mark != NULL);

  mark->x = (cluster->x - frame->x) * frame->scale;
  mark->y = (cluster->y - frame->y) * frame->scale;
  mark->n_claims = cluster->n_claims;

  if (cluster->n_claims == 1)
    {
      store = bl_project_get_claims (bl_visible_claims_get_project (self->visible));
      mark->stance = bl_claim_store_get_stances (store)[cluster->representative];
      mark->credibility = bl_claim_store_get_credibilities (store)[cluster->representative];
      bl_claim_painter_get_color (self, bl_claim_painter_get_key (self, cluster->representative), mark->rgba);
    }
  else
    {
      mark->stance = BL_STANCE_ASSERTS;
      mark->credibility = 0;
      memcpy (mark->rgba, cluster_rgba, sizeof mark->rgba);
    }
}

/**
 * bl_claim_painter_paint_areas:
 * @cr: where to draw; (0, 0) is the frame's top-left corner
 * @frame: what part of the world, at what size
 *
 * Draws the areas that province-level claims tint: what lies under the
 * markers.
 */
void
bl_claim_painter_paint_areas (BlClaimPainter   *self,
                              cairo_t          *cr,
                              const BlMapFrame *frame)
{
  g_return_if_fail (BL_IS_CLAIM_PAINTER (self));
  g_return_if_fail (cr != NULL && frame != NULL);

  paint_areas (self, cr, frame);
}

/**
 * bl_claim_painter_paint_overlay:
 * @cr: where to draw; (0, 0) is the frame's top-left corner
 * @frame: what part of the world, at what size
 * @clusters: the clusters from bl_claim_painter_compute_clusters() for
 *   the same frame
 *
 * Draws what lies over the markers: the keyboard focus, and the selected
 * claim with its areas, its ring and its relations.
 */
void
bl_claim_painter_paint_overlay (BlClaimPainter   *self,
                                cairo_t          *cr,
                                const BlMapFrame *frame,
                                BlClusterSet     *clusters)
{
  const BlCluster *list;
  guint n = 0;

  g_return_if_fail (BL_IS_CLAIM_PAINTER (self));
  g_return_if_fail (cr != NULL && frame != NULL);

  list = clusters ? bl_cluster_set_get_clusters (clusters, &n) : NULL;
  if (list != NULL && self->focused >= 0 && (guint) self->focused < n)
    {
      const BlCluster *c = &list[self->focused];
      double dash[] = { 3 * frame->scale, 3 * frame->scale };

      cairo_save (cr);
      cairo_new_path (cr);
      cairo_arc (cr, (c->x - frame->x) * frame->scale, (c->y - frame->y) * frame->scale,
                 (c->n_claims == 1 ? BL_CLAIM_MARKER_RADIUS + 6 : 20) * frame->scale, 0, 2 * G_PI);
      cairo_set_dash (cr, dash, 2, 0);
      cairo_set_line_width (cr, 2.0 * frame->scale);
      cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
      cairo_stroke (cr);
      cairo_restore (cr);
    }

  paint_selection (self, cr, frame);
}

/**
 * bl_claim_painter_paint:
 * @cr: where to draw; (0, 0) is the frame's top-left corner
 * @frame: what part of the world, at what size
 * @clusters: the clusters from bl_claim_painter_compute_clusters() for
 *   the same frame
 *
 * Draws the visible claims: tinted areas, markers and clusters, then the
 * keyboard focus and the selected claim with its relations.
 */
void
bl_claim_painter_paint (BlClaimPainter   *self,
                        cairo_t          *cr,
                        const BlMapFrame *frame,
                        BlClusterSet     *clusters)
{
  const BlCluster *list;
  guint n = 0;

  g_return_if_fail (BL_IS_CLAIM_PAINTER (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (frame != NULL);

  paint_areas (self, cr, frame);

  /* the markers and discs, then every count over them: the claim layer
   * draws them in that order too (bl-mark-sprites.c) */
  list = clusters ? bl_cluster_set_get_clusters (clusters, &n) : NULL;
  for (guint i = 0; list != NULL && i < n; i++)
    {
      BlClaimMark mark;

      bl_claim_painter_get_mark (self, frame, &list[i], &mark);
      if (mark.n_claims == 1)
        bl_claim_painter_draw_marker (cr, mark.x, mark.y, frame->scale, mark.stance,
                                      mark.credibility, mark.rgba);
      else
        bl_claim_painter_draw_cluster_disc (cr, mark.x, mark.y,
                                            bl_claim_painter_get_cluster_radius (mark.n_claims, frame->scale),
                                            frame->scale, mark.rgba);
    }
  for (guint i = 0; list != NULL && i < n; i++)
    if (list[i].n_claims > 1)
      {
        BlClaimMark mark;

        bl_claim_painter_get_mark (self, frame, &list[i], &mark);
        bl_claim_painter_draw_count (cr, mark.x, mark.y, frame->scale, mark.n_claims);
      }

  bl_claim_painter_paint_overlay (self, cr, frame, clusters);
}

void
bl_legend_entry_free (BlLegendEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->label);
  g_free (entry);
}

static BlLegendEntry *
legend_entry_new (const char *label,
                  gboolean    is_color)
{
  BlLegendEntry *entry = g_new0 (BlLegendEntry, 1);

  entry->label = g_strdup (label);
  entry->is_color = is_color;
  entry->rgba[3] = 1.0;
  return entry;
}

/**
 * bl_claim_painter_get_legend:
 *
 * What the map's colours and shapes mean: one colour per topic (or
 * claimant) that a visible claim has, the first
 * %BL_CLAIM_PAINTER_N_COLORS of them, then the stances' shapes.
 *
 * Returns: (transfer full) (element-type BlLegendEntry): the entries
 */
GPtrArray *
bl_claim_painter_get_legend (BlClaimPainter *self)
{
  BlProject *project;
  GPtrArray *entries;
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  const guint32 *indices;
  guint n, n_keys = 0;
  gboolean others = FALSE, none = FALSE;

  g_return_val_if_fail (BL_IS_CLAIM_PAINTER (self), NULL);

  project = bl_visible_claims_get_project (self->visible);
  entries = g_ptr_array_new_with_free_func ((GDestroyNotify) bl_legend_entry_free);
  indices = bl_visible_claims_get_indices (self->visible, &n);

  for (guint i = 0; i < n; i++)
    {
      guint32 key = bl_claim_painter_get_key (self, indices[i]);
      BlLegendEntry *entry;
      const char *name;

      if (key == BL_NO_INDEX)
        {
          none = TRUE;
          continue;
        }
      if (g_hash_table_contains (seen, GUINT_TO_POINTER (key + 1)))
        continue;
      if (n_keys == BL_CLAIM_PAINTER_N_COLORS)
        {
          others = TRUE;
          continue;
        }

      g_hash_table_add (seen, GUINT_TO_POINTER (key + 1));
      n_keys++;

      if (self->color_by == BL_COLOR_BY_CLAIMANT)
        name = bl_actor_get_name (bl_project_get_actor (project, key));
      else
        name = bl_topic_get_title (bl_project_get_topic (project, key));

      entry = legend_entry_new (name, TRUE);
      bl_claim_painter_get_color (self, key, entry->rgba);
      g_ptr_array_add (entries, entry);
    }

  if (others)
    {
      BlLegendEntry *entry = legend_entry_new (_("Others (colours repeat)"), TRUE);

      entry->rgba[0] = entry->rgba[1] = entry->rgba[2] = 0.6;
      g_ptr_array_add (entries, entry);
    }
  if (none)
    {
      BlLegendEntry *entry = legend_entry_new (self->color_by == BL_COLOR_BY_CLAIMANT ? _("No claimant") : _("No topic"), TRUE);

      bl_claim_painter_get_color (self, BL_NO_INDEX, entry->rgba);
      g_ptr_array_add (entries, entry);
    }

  for (guint s = 0; s < BL_N_STANCES; s++)
    {
      BlLegendEntry *entry = legend_entry_new (bl_stance_get_label (s), FALSE);

      entry->stance = s;
      entry->rgba[0] = entry->rgba[1] = entry->rgba[2] = 0.35;
      g_ptr_array_add (entries, entry);
    }

  return entries;
}
