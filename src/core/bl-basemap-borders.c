/* bl-basemap-borders.c — border lines of the basemap, from its polygons
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The basemap stores countries and provinces as polygons whose shared
 * borders are identical vertex for vertex (the generator simplifies them
 * topologically). Stroking the polygons would draw every border twice (with
 * dashes out of step), and would draw the artificial edges that clipping to
 * the data region left along its boundary. So, once per band, this file
 * turns the rings into border lines: each edge once, edges on the region's
 * boundary dropped, province edges that are also country edges dropped, the
 * edges between Afghanistan and Tajikistan set apart as the focus border,
 * and the edges chained into long polylines (for clean joins and
 * continuous dashes).
 *
 * It does not draw anything; bl-basemap-renderer.c strokes the lines.
 */

#include "config.h"

#include <string.h>

#include "bl-basemap-renderer-private.h"

typedef struct {
  gint32 ax, ay, bx, by;        /* a < b lexicographically */
} EdgeKey;

typedef struct {
  EdgeKey key;
  int owner[2];                 /* feature indices in the layer, -1 none */
  BlLineKind kind;
  guint va, vb;                 /* vertex ids */
  gboolean used;
  gboolean dropped;
} Edge;

typedef struct {
  Edge *edges;
  guint n_edges;
  GHashTable *by_key;           /* EdgeKey* → index + 1 */
} EdgeSet;

static guint
edge_key_hash (gconstpointer p)
{
  const EdgeKey *k = p;
  guint32 h = 2166136261u;

  h = (h ^ (guint32) k->ax) * 16777619u;
  h = (h ^ (guint32) k->ay) * 16777619u;
  h = (h ^ (guint32) k->bx) * 16777619u;
  h = (h ^ (guint32) k->by) * 16777619u;
  return h;
}

static gboolean
edge_key_equal (gconstpointer a,
                gconstpointer b)
{
  return memcmp (a, b, sizeof (EdgeKey)) == 0;
}

static gboolean
on_region_edge (const BlBasemapBBox *r,
                const gint32        *p,
                const gint32        *q)
{
  gint32 w = (gint32) (r->min_lon * BL_BASEMAP_COORD_SCALE + 0.5);
  gint32 e = (gint32) (r->max_lon * BL_BASEMAP_COORD_SCALE + 0.5);
  gint32 s = (gint32) (r->min_lat * BL_BASEMAP_COORD_SCALE + 0.5);
  gint32 n = (gint32) (r->max_lat * BL_BASEMAP_COORD_SCALE + 0.5);

  return (p[0] == w && q[0] == w) || (p[0] == e && q[0] == e) ||
         (p[1] == s && q[1] == s) || (p[1] == n && q[1] == n);
}

static guint
count_ring_points (BlBasemapData          *data,
                   const BlBasemapFeature *features,
                   guint                   n_features,
                   guint                   band)
{
  guint total = 0;

  for (guint i = 0; i < n_features; i++)
    for (guint p = 0; p < bl_basemap_feature_get_n_parts (data, &features[i], band); p++)
      {
        gsize n;

        bl_basemap_feature_get_part (data, &features[i], band, p, &n);
        total += n;
      }
  return total;
}

/* Adds every edge of every ring of the layer to @set, recording up to two
 * owners per edge. */
static void
collect_edges (EdgeSet                *set,
               BlBasemapData          *data,
               const BlBasemapBBox    *region,
               const BlBasemapFeature *features,
               guint                   n_features,
               guint                   band)
{
  guint capacity = count_ring_points (data, features, n_features, band);

  set->edges = g_new0 (Edge, MAX (capacity, 1));
  set->n_edges = 0;
  set->by_key = g_hash_table_new (edge_key_hash, edge_key_equal);

  for (guint i = 0; i < n_features; i++)
    for (guint p = 0; p < bl_basemap_feature_get_n_parts (data, &features[i], band); p++)
      {
        gsize n;
        const gint32 *xy = bl_basemap_feature_get_part (data, &features[i], band, p, &n);

        for (gsize j = 0; j < n; j++)
          {
            const gint32 *a = xy + 2 * j;
            const gint32 *b = xy + 2 * ((j + 1) % n);
            EdgeKey key;
            gpointer found;
            Edge *edge;

            if (a[0] == b[0] && a[1] == b[1])
              continue;
            if (on_region_edge (region, a, b))
              continue;
            if (a[0] < b[0] || (a[0] == b[0] && a[1] < b[1]))
              key = (EdgeKey) { a[0], a[1], b[0], b[1] };
            else
              key = (EdgeKey) { b[0], b[1], a[0], a[1] };

            found = g_hash_table_lookup (set->by_key, &key);
            if (found != NULL)
              {
                edge = &set->edges[GPOINTER_TO_UINT (found) - 1];
                if (edge->owner[1] < 0 && edge->owner[0] != (int) i)
                  edge->owner[1] = i;
                continue;
              }
            g_assert (set->n_edges < capacity);
            edge = &set->edges[set->n_edges++];
            edge->key = key;
            edge->owner[0] = i;
            edge->owner[1] = -1;
            g_hash_table_insert (set->by_key, &edge->key,
                                 GUINT_TO_POINTER (set->n_edges));
          }
      }
}

static void
edge_set_clear (EdgeSet *set)
{
  g_clear_pointer (&set->by_key, g_hash_table_unref);
  g_clear_pointer (&set->edges, g_free);
}

/* Chains the edges that are not dropped into polylines, one kind at a
 * time, and adds them to @g. */
static void
chain_edges (EdgeSet        *set,
             BlGeometryBand *g)
{
  g_autoptr(GHashTable) vertex_ids = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GArray) vertex_keys = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) line = g_array_new (FALSE, FALSE, sizeof (gint32));
  g_autofree guint *degree = NULL;
  g_autofree guint *adj_start = NULL;
  g_autofree guint *adj = NULL;
  guint n_vertices;

  /* Vertex ids. The keys live in a pre-sized array so pointers stay. */
  g_array_set_size (vertex_keys, 2 * set->n_edges);
  n_vertices = 0;
  for (guint i = 0; i < set->n_edges; i++)
    {
      Edge *e = &set->edges[i];

      for (guint end = 0; end < 2; end++)
        {
          gint32 x = end ? e->key.bx : e->key.ax;
          gint32 y = end ? e->key.by : e->key.ay;
          gint64 key = ((gint64) x << 32) | (guint32) y;
          gpointer found = g_hash_table_lookup (vertex_ids, &key);
          guint id;

          if (found == NULL)
            {
              gint64 *slot = &g_array_index (vertex_keys, gint64, n_vertices);

              *slot = key;
              id = n_vertices++;
              g_hash_table_insert (vertex_ids, slot, GUINT_TO_POINTER (id + 1));
            }
          else
            id = GPOINTER_TO_UINT (found) - 1;
          if (end)
            e->vb = id;
          else
            e->va = id;
        }
    }

  for (BlLineKind kind = 0; kind < BL_N_LINE_KINDS; kind++)
    {
      guint n_adj = 0;

      g_free (degree);
      g_free (adj_start);
      g_free (adj);
      degree = g_new0 (guint, n_vertices + 1);
      adj_start = g_new0 (guint, n_vertices + 1);

      for (guint i = 0; i < set->n_edges; i++)
        if (!set->edges[i].dropped && set->edges[i].kind == kind)
          {
            degree[set->edges[i].va]++;
            degree[set->edges[i].vb]++;
            n_adj += 2;
          }
      if (n_adj == 0)
        {
          adj = NULL;
          continue;
        }
      for (guint v = 0; v < n_vertices; v++)
        adj_start[v + 1] = adj_start[v] + degree[v];
      adj = g_new (guint, n_adj);
      {
        g_autofree guint *fill = g_new0 (guint, n_vertices);

        for (guint i = 0; i < set->n_edges; i++)
          if (!set->edges[i].dropped && set->edges[i].kind == kind)
            {
              guint a = set->edges[i].va, b = set->edges[i].vb;

              adj[adj_start[a] + fill[a]++] = i;
              adj[adj_start[b] + fill[b]++] = i;
            }
      }

      /* Two passes: first from the ends and junctions, then what is left
       * (closed loops). */
      for (guint pass = 0; pass < 2; pass++)
        for (guint v0 = 0; v0 < n_vertices; v0++)
          {
            if (pass == 0 && degree[v0] == 2)
              continue;
            for (guint s = adj_start[v0]; s < adj_start[v0 + 1]; s++)
              {
                guint e = adj[s];
                guint v = v0;

                if (set->edges[e].used)
                  continue;

                g_array_set_size (line, 0);
                for (;;)
                  {
                    gint64 key = g_array_index (vertex_keys, gint64, v);
                    gint32 xy[2] = { (gint32) (key >> 32), (gint32) (guint32) key };
                    guint next_edge = G_MAXUINT;

                    g_array_append_vals (line, xy, 2);
                    if (e == G_MAXUINT)
                      break;
                    set->edges[e].used = TRUE;
                    v = set->edges[e].va == v ? set->edges[e].vb : set->edges[e].va;
                    if (degree[v] == 2)
                      for (guint t = adj_start[v]; t < adj_start[v + 1]; t++)
                        if (!set->edges[adj[t]].used)
                          next_edge = adj[t];
                    e = next_edge;
                  }
                bl_geometry_band_add_line (g, kind, 0, NULL,
                                           (const gint32 *) line->data,
                                           line->len / 2);
              }
          }
    }
}

/**
 * bl_basemap_build_borders:
 * @data: basemap data
 * @band: a band of @data
 * @g: where to add the lines
 *
 * Adds the international, focus and province border lines of @band to @g.
 */
void
bl_basemap_build_borders (BlBasemapData  *data,
                          guint           band,
                          BlGeometryBand *g)
{
  BlBasemapBBox region;
  const BlBasemapFeature *countries, *provinces, *af, *tj;
  guint n_countries, n_provinces;
  int af_index = -1, tj_index = -1;
  EdgeSet cset = { 0 }, pset = { 0 };

  bl_basemap_data_get_region (data, &region);
  countries = bl_basemap_data_get_layer (data, BL_BASEMAP_LAYER_COUNTRY, &n_countries);
  provinces = bl_basemap_data_get_layer (data, BL_BASEMAP_LAYER_PROVINCE, &n_provinces);
  af = bl_basemap_data_lookup (data, BL_BASEMAP_LAYER_COUNTRY, "AF");
  tj = bl_basemap_data_lookup (data, BL_BASEMAP_LAYER_COUNTRY, "TJ");
  if (af != NULL)
    af_index = af - countries;
  if (tj != NULL)
    tj_index = tj - countries;

  collect_edges (&cset, data, &region, countries, n_countries, band);
  for (guint i = 0; i < cset.n_edges; i++)
    {
      Edge *e = &cset.edges[i];
      gboolean focus = (e->owner[0] == af_index && e->owner[1] == tj_index) ||
                       (e->owner[0] == tj_index && e->owner[1] == af_index);

      e->kind = focus && af_index >= 0 && tj_index >= 0 ? BL_LINE_FOCUS : BL_LINE_COUNTRY;
    }

  collect_edges (&pset, data, &region, provinces, n_provinces, band);
  for (guint i = 0; i < pset.n_edges; i++)
    {
      Edge *e = &pset.edges[i];

      e->kind = BL_LINE_PROVINCE;
      e->dropped = g_hash_table_contains (cset.by_key, &e->key);
    }

  chain_edges (&cset, g);
  chain_edges (&pset, g);
  edge_set_clear (&cset);
  edge_set_clear (&pset);
}
