/* bl-basemap-data.c — reader for the offline region basemap data
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The basemap file (data/basemap/basemap.bin, written by
 * build-aux/gen-basemap, described in docs/basemap-format.md) holds the
 * countries, provinces, disputed boundary lines, rivers, lakes and places
 * of the region, each with its geometry simplified for a few zoom bands.
 *
 * The loader validates the whole file before it returns: every count,
 * offset and range is checked against the buffer (in 64-bit arithmetic, so
 * sizes cannot overflow), every string is checked to be NUL-terminated
 * UTF-8 inside the string table, every coordinate to be on the globe. After
 * that, the accessors never need to check the file again. Feature records
 * are decoded into an array of BlBasemapFeature whose strings point into
 * the GBytes; the points are copied into an aligned native-endian array
 * that bl_basemap_feature_get_part() hands out directly.
 */

#include "config.h"

#include <string.h>

#include "bl-basemap-data.h"
#include "bl-error.h"

#define MAGIC "BLBASEMP"
#define VERSION_MAJOR 1
#define HEADER_SIZE 96
#define BAND_RECORD_SIZE 12
#define FEATURE_FIXED_SIZE 64
#define PART_RECORD_SIZE 8
#define POINT_RECORD_SIZE 8
#define N_STRING_REFS 7

typedef struct {
  guint min_zoom;
  guint max_zoom;
} Band;

struct _BlBasemapData {
  grefcount ref_count;
  GBytes *bytes;

  BlBasemapBBox region;
  guint n_bands;
  Band bands[BL_BASEMAP_MAX_BANDS];

  guint n_features;
  BlBasemapFeature *features;
  guint layer_first[BL_BASEMAP_N_LAYERS + 1];
  guint layer_count[BL_BASEMAP_N_LAYERS + 1];
  GHashTable *by_code[BL_BASEMAP_N_LAYERS + 1];   /* code → feature */

  guint32 n_parts;
  guint32 *parts;              /* pairs: first point, number of points */
  guint32 n_points;
  gint32 *points;              /* pairs: lon, lat in microdegrees */
};

static inline guint32
read_u32 (const guint8 *p)
{
  return (guint32) p[0] | ((guint32) p[1] << 8) | ((guint32) p[2] << 16) |
         ((guint32) p[3] << 24);
}

static inline gint32
read_i32 (const guint8 *p)
{
  return (gint32) read_u32 (p);
}

static inline guint16
read_u16 (const guint8 *p)
{
  return (guint16) (p[0] | (p[1] << 8));
}

static gboolean
lon_ok (gint32 v)
{
  return v >= -180000000 && v <= 180000000;
}

static gboolean
lat_ok (gint32 v)
{
  return v >= -90000000 && v <= 90000000;
}

/* Checks that [offset, offset + count * record_size) lies inside the file,
 * without overflow. */
static gboolean
check_section (const char *what,
               guint64     offset,
               guint64     count,
               guint64     record_size,
               gsize       file_size,
               GError    **error)
{
  /* count and record_size come from 32-bit fields: the product fits. */
  guint64 size = count * record_size;

  if (offset < HEADER_SIZE || offset > file_size || size > file_size - offset)
    {
      g_set_error (error, BL_ERROR, BL_ERROR_SYNTAX,
                   "Basemap data: %s (offset %" G_GUINT64_FORMAT ", %"
                   G_GUINT64_FORMAT " bytes) lies outside the file (%"
                   G_GSIZE_FORMAT " bytes)",
                   what, offset, size, file_size);
      return FALSE;
    }
  return TRUE;
}

static gboolean
get_string (const guint8  *strings,
            guint32        strings_size,
            guint32        offset,
            guint          feature,
            const char    *field,
            const char   **out,
            GError       **error)
{
  const char *s;
  const char *end;

  if (offset >= strings_size)
    {
      g_set_error (error, BL_ERROR, BL_ERROR_SYNTAX,
                   "Basemap data: feature %u: %s string offset %u is outside "
                   "the string table (%u bytes)",
                   feature, field, offset, strings_size);
      return FALSE;
    }
  s = (const char *) strings + offset;
  /* The table ends with a NUL (checked by the caller), so memchr finds one. */
  end = memchr (s, '\0', strings_size - offset);
  g_assert (end != NULL);
  if (!g_utf8_validate (s, end - s, NULL))
    {
      g_set_error (error, BL_ERROR, BL_ERROR_ENCODING,
                   "Basemap data: feature %u: %s is not valid UTF-8",
                   feature, field);
      return FALSE;
    }
  *out = s;
  return TRUE;
}

static BlBasemapGeometry
geometry_of_layer (BlBasemapLayer layer)
{
  switch (layer)
    {
    case BL_BASEMAP_LAYER_COUNTRY:
    case BL_BASEMAP_LAYER_PROVINCE:
    case BL_BASEMAP_LAYER_LAKE:
      return BL_BASEMAP_GEOMETRY_POLYGONS;
    case BL_BASEMAP_LAYER_DISPUTED:
    case BL_BASEMAP_LAYER_RIVER:
      return BL_BASEMAP_GEOMETRY_LINES;
    case BL_BASEMAP_LAYER_PLACE:
    default:
      return BL_BASEMAP_GEOMETRY_POINT;
    }
}

static void
bl_basemap_data_free (BlBasemapData *self)
{
  for (guint i = 0; i <= BL_BASEMAP_N_LAYERS; i++)
    g_clear_pointer (&self->by_code[i], g_hash_table_unref);
  g_free (self->features);
  g_free (self->parts);
  g_free (self->points);
  g_clear_pointer (&self->bytes, g_bytes_unref);
  g_free (self);
}

/* Decodes and checks the header, bands, parts and points. */
static gboolean
load (BlBasemapData *self,
      GError       **error)
{
  gsize size;
  const guint8 *data = g_bytes_get_data (self->bytes, &size);
  guint32 header_size, file_size, n_bands, n_features, n_parts, n_points;
  guint32 strings_size, bands_off, features_off, parts_off, points_off;
  guint32 strings_off, record_size;
  gint32 region[4];
  const guint8 *strings;
  BlBasemapLayer last_layer = BL_BASEMAP_LAYER_COUNTRY;

  if (size < HEADER_SIZE)
    {
      g_set_error (error, BL_ERROR, BL_ERROR_SYNTAX,
                   "Basemap data is truncated: %" G_GSIZE_FORMAT " bytes, "
                   "shorter than its %d-byte header", size, HEADER_SIZE);
      return FALSE;
    }
  if (memcmp (data, MAGIC, 8) != 0)
    {
      g_set_error_literal (error, BL_ERROR, BL_ERROR_SYNTAX,
                           "Not Borderline basemap data (bad magic number)");
      return FALSE;
    }
  if (read_u16 (data + 8) != VERSION_MAJOR)
    {
      g_set_error (error, BL_ERROR, BL_ERROR_VERSION,
                   "Basemap data has format version %u.%u; this build reads "
                   "version %d.x",
                   read_u16 (data + 8), read_u16 (data + 10), VERSION_MAJOR);
      return FALSE;
    }

  header_size = read_u32 (data + 12);
  file_size = read_u32 (data + 16);
  n_bands = read_u32 (data + 20);
  n_features = read_u32 (data + 24);
  n_parts = read_u32 (data + 28);
  n_points = read_u32 (data + 32);
  strings_size = read_u32 (data + 36);
  bands_off = read_u32 (data + 40);
  features_off = read_u32 (data + 44);
  parts_off = read_u32 (data + 48);
  points_off = read_u32 (data + 52);
  strings_off = read_u32 (data + 56);
  for (guint i = 0; i < 4; i++)
    region[i] = read_i32 (data + 60 + 4 * i);
  record_size = read_u32 (data + 76);

  if (file_size != size)
    {
      g_set_error (error, BL_ERROR, BL_ERROR_SYNTAX,
                   "Basemap data is %s: the header says %u bytes, there are %"
                   G_GSIZE_FORMAT,
                   size < file_size ? "truncated" : "too long", file_size, size);
      return FALSE;
    }
  if (header_size < HEADER_SIZE || header_size > size)
    {
      g_set_error (error, BL_ERROR, BL_ERROR_SYNTAX,
                   "Basemap data: bad header size %u", header_size);
      return FALSE;
    }
  if (n_bands < 1 || n_bands > BL_BASEMAP_MAX_BANDS)
    {
      g_set_error (error, BL_ERROR, BL_ERROR_INVALID,
                   "Basemap data: %u zoom bands (1 to %d allowed)",
                   n_bands, BL_BASEMAP_MAX_BANDS);
      return FALSE;
    }
  if (record_size < FEATURE_FIXED_SIZE + 8 * n_bands)
    {
      g_set_error (error, BL_ERROR, BL_ERROR_SYNTAX,
                   "Basemap data: feature records of %u bytes are too small "
                   "for %u bands", record_size, n_bands);
      return FALSE;
    }
  if (!lon_ok (region[0]) || !lat_ok (region[1]) || !lon_ok (region[2]) ||
      !lat_ok (region[3]) || region[0] >= region[2] || region[1] >= region[3])
    {
      g_set_error_literal (error, BL_ERROR, BL_ERROR_INVALID,
                           "Basemap data: the region is not a valid box");
      return FALSE;
    }
  if (!check_section ("the band table", bands_off, n_bands, BAND_RECORD_SIZE, size, error) ||
      !check_section ("the feature table", features_off, n_features, record_size, size, error) ||
      !check_section ("the part table", parts_off, n_parts, PART_RECORD_SIZE, size, error) ||
      !check_section ("the point table", points_off, n_points, POINT_RECORD_SIZE, size, error) ||
      !check_section ("the string table", strings_off, strings_size, 1, size, error))
    return FALSE;

  self->region.min_lon = region[0] / BL_BASEMAP_COORD_SCALE;
  self->region.min_lat = region[1] / BL_BASEMAP_COORD_SCALE;
  self->region.max_lon = region[2] / BL_BASEMAP_COORD_SCALE;
  self->region.max_lat = region[3] / BL_BASEMAP_COORD_SCALE;

  /* Bands: ascending, non-overlapping zoom ranges. */
  self->n_bands = n_bands;
  for (guint b = 0; b < n_bands; b++)
    {
      const guint8 *p = data + bands_off + (gsize) b * BAND_RECORD_SIZE;

      self->bands[b].min_zoom = p[0];
      self->bands[b].max_zoom = p[1];
      if (p[0] > p[1] || (b > 0 && p[0] <= self->bands[b - 1].max_zoom))
        {
          g_set_error (error, BL_ERROR, BL_ERROR_INVALID,
                       "Basemap data: zoom band %u (%u–%u) is empty or "
                       "overlaps the previous one", b, p[0], p[1]);
          return FALSE;
        }
    }

  /* Strings: the table starts and ends with a NUL, so offset 0 is "" and
   * every string in it is terminated. */
  strings = data + strings_off;
  if (strings_size == 0 || strings[0] != '\0' || strings[strings_size - 1] != '\0')
    {
      g_set_error_literal (error, BL_ERROR, BL_ERROR_SYNTAX,
                           "Basemap data: the string table does not start and "
                           "end with a NUL byte");
      return FALSE;
    }

  /* Points. */
  self->n_points = n_points;
  self->points = g_new (gint32, (gsize) n_points * 2 + 1);
  for (guint32 i = 0; i < n_points; i++)
    {
      const guint8 *p = data + points_off + (gsize) i * POINT_RECORD_SIZE;
      gint32 lon = read_i32 (p), lat = read_i32 (p + 4);

      if (!lon_ok (lon) || !lat_ok (lat))
        {
          g_set_error (error, BL_ERROR, BL_ERROR_INVALID,
                       "Basemap data: point %u (%d, %d) is not on the globe",
                       i, lon, lat);
          return FALSE;
        }
      self->points[2 * i] = lon;
      self->points[2 * i + 1] = lat;
    }

  /* Parts: each a range of points. */
  self->n_parts = n_parts;
  self->parts = g_new (guint32, (gsize) n_parts * 2 + 1);
  for (guint32 i = 0; i < n_parts; i++)
    {
      const guint8 *p = data + parts_off + (gsize) i * PART_RECORD_SIZE;
      guint32 first = read_u32 (p), n = read_u32 (p + 4);

      if ((guint64) first + n > n_points)
        {
          g_set_error (error, BL_ERROR, BL_ERROR_SYNTAX,
                       "Basemap data: part %u (points %u + %u) runs past the "
                       "%u points", i, first, n, n_points);
          return FALSE;
        }
      self->parts[2 * i] = first;
      self->parts[2 * i + 1] = n;
    }

  /* Features. */
  self->n_features = n_features;
  self->features = g_new0 (BlBasemapFeature, (gsize) n_features + 1);
  for (guint i = 0; i <= BL_BASEMAP_N_LAYERS; i++)
    self->by_code[i] = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint32 i = 0; i < n_features; i++)
    {
      const guint8 *p = data + features_off + (gsize) i * record_size;
      BlBasemapFeature *f = &self->features[i];
      static const char *field_names[N_STRING_REFS] = {
        "code", "name", "name_alt", "name_ru", "name_fa", "parent", "admin",
      };
      const char **fields[N_STRING_REFS] = {
        &f->code, &f->name, &f->name_alt, &f->name_ru, &f->name_fa,
        &f->parent, &f->admin,
      };
      gint32 bbox[4], label[2];
      guint min_points;

      if (p[0] < BL_BASEMAP_LAYER_COUNTRY || p[0] > BL_BASEMAP_LAYER_PLACE)
        {
          g_set_error (error, BL_ERROR, BL_ERROR_INVALID,
                       "Basemap data: feature %u has unknown layer %u", i, p[0]);
          return FALSE;
        }
      f->layer = p[0];
      f->geometry = p[1];
      if (p[1] != geometry_of_layer (f->layer))
        {
          g_set_error (error, BL_ERROR, BL_ERROR_INVALID,
                       "Basemap data: feature %u has geometry type %u, wrong "
                       "for layer %u", i, p[1], p[0]);
          return FALSE;
        }
      if (f->layer < last_layer)
        {
          g_set_error (error, BL_ERROR, BL_ERROR_INVALID,
                       "Basemap data: feature %u is out of layer order", i);
          return FALSE;
        }
      last_layer = f->layer;
      f->rank = read_u16 (p + 2);

      for (guint k = 0; k < N_STRING_REFS; k++)
        if (!get_string (strings, strings_size, read_u32 (p + 4 + 4 * k), i,
                         field_names[k], fields[k], error))
          return FALSE;
      if (f->code[0] == '\0')
        {
          g_set_error (error, BL_ERROR, BL_ERROR_INVALID,
                       "Basemap data: feature %u has no code", i);
          return FALSE;
        }
      if (g_hash_table_contains (self->by_code[f->layer], f->code))
        {
          g_set_error (error, BL_ERROR, BL_ERROR_DUPLICATE,
                       "Basemap data: code “%s” is used twice in layer %u",
                       f->code, f->layer);
          return FALSE;
        }
      g_hash_table_insert (self->by_code[f->layer], (gpointer) f->code, f);

      for (guint k = 0; k < 4; k++)
        bbox[k] = read_i32 (p + 32 + 4 * k);
      label[0] = read_i32 (p + 48);
      label[1] = read_i32 (p + 52);
      if (!lon_ok (bbox[0]) || !lat_ok (bbox[1]) || !lon_ok (bbox[2]) ||
          !lat_ok (bbox[3]) || bbox[0] > bbox[2] || bbox[1] > bbox[3] ||
          !lon_ok (label[0]) || !lat_ok (label[1]))
        {
          g_set_error (error, BL_ERROR, BL_ERROR_INVALID,
                       "Basemap data: feature “%s” has an invalid bounding "
                       "box or label point", f->code);
          return FALSE;
        }
      f->bbox.min_lon = bbox[0] / BL_BASEMAP_COORD_SCALE;
      f->bbox.min_lat = bbox[1] / BL_BASEMAP_COORD_SCALE;
      f->bbox.max_lon = bbox[2] / BL_BASEMAP_COORD_SCALE;
      f->bbox.max_lat = bbox[3] / BL_BASEMAP_COORD_SCALE;
      f->label_lon = label[0] / BL_BASEMAP_COORD_SCALE;
      f->label_lat = label[1] / BL_BASEMAP_COORD_SCALE;

      min_points = f->geometry == BL_BASEMAP_GEOMETRY_POLYGONS ? 3 : 2;
      for (guint b = 0; b < n_bands; b++)
        {
          guint32 first = read_u32 (p + FEATURE_FIXED_SIZE + 8 * b);
          guint32 n = read_u32 (p + FEATURE_FIXED_SIZE + 8 * b + 4);

          if ((guint64) first + n > n_parts ||
              (f->geometry == BL_BASEMAP_GEOMETRY_POINT && n != 0))
            {
              g_set_error (error, BL_ERROR, BL_ERROR_SYNTAX,
                           "Basemap data: feature “%s”, band %u: parts %u + %u "
                           "are out of range", f->code, b, first, n);
              return FALSE;
            }
          for (guint32 k = first; k < first + n; k++)
            if (self->parts[2 * k + 1] < min_points)
              {
                g_set_error (error, BL_ERROR, BL_ERROR_INVALID,
                             "Basemap data: feature “%s”, band %u: part %u has "
                             "%u points, fewer than %u",
                             f->code, b, k, self->parts[2 * k + 1], min_points);
                return FALSE;
              }
          f->first_part[b] = first;
          f->n_parts[b] = n;
        }

      if (self->layer_count[f->layer]++ == 0)
        self->layer_first[f->layer] = i;
    }

  return TRUE;
}

/**
 * bl_basemap_data_new_from_bytes:
 * @bytes: the contents of a basemap file
 * @error: return location for a #GError in the %BL_ERROR domain
 *
 * Reads and validates basemap data. Truncated or corrupt data gives
 * %BL_ERROR_SYNTAX (structure), %BL_ERROR_INVALID (values),
 * %BL_ERROR_ENCODING (strings), %BL_ERROR_DUPLICATE (codes) or
 * %BL_ERROR_VERSION (an unknown major format version).
 *
 * Returns: (transfer full) (nullable): the data, or %NULL on error
 */
BlBasemapData *
bl_basemap_data_new_from_bytes (GBytes  *bytes,
                                GError **error)
{
  BlBasemapData *self;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_new0 (BlBasemapData, 1);
  g_ref_count_init (&self->ref_count);
  self->bytes = g_bytes_ref (bytes);
  if (!load (self, error))
    {
      bl_basemap_data_free (self);
      return NULL;
    }
  return self;
}

/**
 * bl_basemap_data_new_from_file:
 * @path: a file name
 * @error: return location for a #GError (%G_FILE_ERROR or %BL_ERROR)
 *
 * Reads a basemap file; see bl_basemap_data_new_from_bytes(). Messages of
 * %BL_ERROR errors are prefixed with the file name.
 *
 * Returns: (transfer full) (nullable): the data, or %NULL on error
 */
BlBasemapData *
bl_basemap_data_new_from_file (const char  *path,
                               GError     **error)
{
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *display = NULL;
  BlBasemapData *self;
  gsize length;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!g_file_get_contents (path, &contents, &length, error))
    return NULL;
  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  self = bl_basemap_data_new_from_bytes (bytes, error);
  if (self == NULL)
    {
      display = g_filename_display_name (path);
      g_prefix_error (error, "%s: ", display);
    }
  return self;
}

/**
 * bl_basemap_data_ref:
 * @self: basemap data
 *
 * Returns: (transfer full): @self
 */
BlBasemapData *
bl_basemap_data_ref (BlBasemapData *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_ref_count_inc (&self->ref_count);
  return self;
}

/**
 * bl_basemap_data_unref:
 * @self: (transfer full): basemap data
 *
 * Drops a reference; frees the data (and invalidates every feature and
 * string obtained from it) when the last one goes.
 */
void
bl_basemap_data_unref (BlBasemapData *self)
{
  g_return_if_fail (self != NULL);

  if (g_ref_count_dec (&self->ref_count))
    bl_basemap_data_free (self);
}

/**
 * bl_basemap_data_get_region:
 * @self: basemap data
 * @region: (out): the region the data covers, in degrees
 */
void
bl_basemap_data_get_region (BlBasemapData *self,
                            BlBasemapBBox *region)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (region != NULL);

  *region = self->region;
}

/**
 * bl_basemap_data_get_n_bands:
 * @self: basemap data
 *
 * Returns: the number of zoom bands (at least 1)
 */
guint
bl_basemap_data_get_n_bands (BlBasemapData *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_bands;
}

/**
 * bl_basemap_data_get_band_zoom_range:
 * @self: basemap data
 * @band: a band index
 * @min_zoom: (out) (optional): the smallest web-mercator zoom of the band
 * @max_zoom: (out) (optional): the largest zoom of the band (255: no limit)
 */
void
bl_basemap_data_get_band_zoom_range (BlBasemapData *self,
                                     guint          band,
                                     guint         *min_zoom,
                                     guint         *max_zoom)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (band < self->n_bands);

  if (min_zoom)
    *min_zoom = self->bands[band].min_zoom;
  if (max_zoom)
    *max_zoom = self->bands[band].max_zoom;
}

/**
 * bl_basemap_data_get_band_for_zoom:
 * @self: basemap data
 * @zoom: a web-mercator zoom level (fractional zooms are rounded down)
 *
 * Returns: the band to draw at @zoom: the one whose range contains it, the
 *   first band below all ranges, the last one above them
 */
guint
bl_basemap_data_get_band_for_zoom (BlBasemapData *self,
                                   double         zoom)
{
  guint z;

  g_return_val_if_fail (self != NULL, 0);

  if (!(zoom > 0))              /* also NaN */
    z = 0;
  else if (zoom >= 255)
    z = 255;
  else
    z = (guint) zoom;
  for (guint b = 0; b < self->n_bands; b++)
    if (z <= self->bands[b].max_zoom)
      return b;
  return self->n_bands - 1;
}

/**
 * bl_basemap_data_get_n_features:
 * @self: basemap data
 *
 * Returns: the number of features, all layers together
 */
guint
bl_basemap_data_get_n_features (BlBasemapData *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_features;
}

/**
 * bl_basemap_data_get_feature:
 * @self: basemap data
 * @index: a feature index, below bl_basemap_data_get_n_features()
 *
 * Returns: (transfer none): the feature
 */
const BlBasemapFeature *
bl_basemap_data_get_feature (BlBasemapData *self,
                             guint          index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->n_features, NULL);

  return &self->features[index];
}

/**
 * bl_basemap_data_get_layer:
 * @self: basemap data
 * @layer: a layer
 * @n_features: (out): the number of features in @layer
 *
 * The features of one layer are contiguous, sorted by rank then code:
 * iterate with `for (i = 0; i < n; i++) f = &features[i];`.
 *
 * Returns: (transfer none) (array length=n_features): the first feature of
 *   @layer (not %NULL even if there are none)
 */
const BlBasemapFeature *
bl_basemap_data_get_layer (BlBasemapData  *self,
                           BlBasemapLayer  layer,
                           guint          *n_features)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (layer >= BL_BASEMAP_LAYER_COUNTRY &&
                        layer <= BL_BASEMAP_LAYER_PLACE, NULL);
  g_return_val_if_fail (n_features != NULL, NULL);

  *n_features = self->layer_count[layer];
  return &self->features[self->layer_first[layer]];
}

/**
 * bl_basemap_data_lookup:
 * @self: basemap data
 * @layer: a layer
 * @code: a feature code, e.g. "AF" or "AF-KDZ"
 *
 * Returns: (transfer none) (nullable): the feature of @layer with @code
 */
const BlBasemapFeature *
bl_basemap_data_lookup (BlBasemapData  *self,
                        BlBasemapLayer  layer,
                        const char     *code)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (layer >= BL_BASEMAP_LAYER_COUNTRY &&
                        layer <= BL_BASEMAP_LAYER_PLACE, NULL);
  g_return_val_if_fail (code != NULL, NULL);

  return g_hash_table_lookup (self->by_code[layer], code);
}

/**
 * bl_basemap_data_lookup_province:
 * @self: basemap data
 * @code: an ISO 3166-2 code, e.g. "AF-KDZ"
 *
 * Returns: (transfer none) (nullable): the province with @code
 */
const BlBasemapFeature *
bl_basemap_data_lookup_province (BlBasemapData *self,
                                 const char    *code)
{
  return bl_basemap_data_lookup (self, BL_BASEMAP_LAYER_PROVINCE, code);
}

static gboolean
feature_is_ours (BlBasemapData          *self,
                 const BlBasemapFeature *feature)
{
  return feature >= self->features &&
         feature < self->features + self->n_features;
}

/**
 * bl_basemap_feature_get_n_parts:
 * @self: the basemap data @feature comes from
 * @feature: a feature
 * @band: a zoom band
 *
 * Returns: the number of parts (rings of a polygon feature, lines of a line
 *   feature; 0 for places, and for features not drawn in @band)
 */
guint
bl_basemap_feature_get_n_parts (BlBasemapData          *self,
                                const BlBasemapFeature *feature,
                                guint                   band)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (feature_is_ours (self, feature), 0);
  g_return_val_if_fail (band < self->n_bands, 0);

  return feature->n_parts[band];
}

/**
 * bl_basemap_feature_get_part:
 * @self: the basemap data @feature comes from
 * @feature: a feature
 * @band: a zoom band
 * @part: a part index, below bl_basemap_feature_get_n_parts()
 * @n_points: (out): the number of points
 *
 * Returns: (transfer none) (array length=n_points): 2 × @n_points
 *   integers, longitude and latitude of each point in microdegrees
 *   (divide by %BL_BASEMAP_COORD_SCALE); rings are not closed
 */
const gint32 *
bl_basemap_feature_get_part (BlBasemapData          *self,
                             const BlBasemapFeature *feature,
                             guint                   band,
                             guint                   part,
                             gsize                  *n_points)
{
  guint32 k;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (feature_is_ours (self, feature), NULL);
  g_return_val_if_fail (band < self->n_bands, NULL);
  g_return_val_if_fail (part < feature->n_parts[band], NULL);
  g_return_val_if_fail (n_points != NULL, NULL);

  k = feature->first_part[band] + part;
  *n_points = self->parts[2 * k + 1];
  return self->points + 2 * (gsize) self->parts[2 * k];
}

/**
 * bl_basemap_feature_dup_part_lonlat:
 * @self: the basemap data @feature comes from
 * @feature: a feature
 * @band: a zoom band
 * @part: a part index, below bl_basemap_feature_get_n_parts()
 * @n_points: (out): the number of points
 *
 * Like bl_basemap_feature_get_part(), in degrees.
 *
 * Returns: (transfer full) (array length=n_points): 2 × @n_points doubles,
 *   longitude and latitude of each point; free with g_free()
 */
double *
bl_basemap_feature_dup_part_lonlat (BlBasemapData          *self,
                                    const BlBasemapFeature *feature,
                                    guint                   band,
                                    guint                   part,
                                    gsize                  *n_points)
{
  const gint32 *points;
  double *out;

  g_return_val_if_fail (n_points != NULL, NULL);

  points = bl_basemap_feature_get_part (self, feature, band, part, n_points);
  if (points == NULL)
    return NULL;
  out = g_new (double, 2 * *n_points);
  for (gsize i = 0; i < 2 * *n_points; i++)
    out[i] = points[i] / BL_BASEMAP_COORD_SCALE;
  return out;
}
