/* bl-online-source.h — OpenStreetMap tiles, fetched carefully
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <shumate/shumate.h>

G_BEGIN_DECLS

/**
 * BL_ONLINE_SOURCE_DEFAULT_URL_TEMPLATE:
 *
 * OpenStreetMap's standard tiles; `{z}`, `{x}` and `{y}` stand for the
 * tile's zoom level, column and row.
 */
#define BL_ONLINE_SOURCE_DEFAULT_URL_TEMPLATE "https://tile.openstreetmap.org/{z}/{x}/{y}.png"

/**
 * BL_ONLINE_SOURCE_ID:
 *
 * The id of the map source bl_online_source_create_map_source() makes.
 */
#define BL_ONLINE_SOURCE_ID "borderline-osm"

#define BL_ONLINE_SOURCE_ERROR (bl_online_source_error_quark ())

/**
 * BlOnlineSourceError:
 * @BL_ONLINE_SOURCE_ERROR_HTTP: the server answered with an error status
 *   (403, 404, 429, 5xx…) or an unexpected one
 * @BL_ONLINE_SOURCE_ERROR_TOO_LARGE: the tile was larger than
 *   #BlOnlineSource:max-size
 * @BL_ONLINE_SOURCE_ERROR_NOT_IMAGE: the server sent something that is not
 *   a PNG or JPEG image
 * @BL_ONLINE_SOURCE_ERROR_TIMED_OUT: no answer within
 *   #BlOnlineSource:timeout, or the whole request took longer than
 *   #BlOnlineSource:deadline
 * @BL_ONLINE_SOURCE_ERROR_UNREACHABLE: no connection: offline, DNS, TLS,
 *   refused, broken off
 * @BL_ONLINE_SOURCE_ERROR_REDIRECT: a redirect that is not allowed (away
 *   from https, to another scheme) or too many of them
 * @BL_ONLINE_SOURCE_ERROR_INVALID_URL: the URL template does not give an
 *   http or https address
 *
 * Codes of the %BL_ONLINE_SOURCE_ERROR domain. The messages are sentences
 * to show to people as they are.
 */
typedef enum {
  BL_ONLINE_SOURCE_ERROR_HTTP,
  BL_ONLINE_SOURCE_ERROR_TOO_LARGE,
  BL_ONLINE_SOURCE_ERROR_NOT_IMAGE,
  BL_ONLINE_SOURCE_ERROR_TIMED_OUT,
  BL_ONLINE_SOURCE_ERROR_UNREACHABLE,
  BL_ONLINE_SOURCE_ERROR_REDIRECT,
  BL_ONLINE_SOURCE_ERROR_INVALID_URL,
} BlOnlineSourceError;

#define BL_TYPE_ONLINE_SOURCE (bl_online_source_get_type ())

G_DECLARE_FINAL_TYPE (BlOnlineSource, bl_online_source, BL, ONLINE_SOURCE, ShumateDataSource)

GQuark            bl_online_source_error_quark         (void);

BlOnlineSource   *bl_online_source_new                 (const char     *url_template);

const char       *bl_online_source_get_url_template    (BlOnlineSource *self);
const char       *bl_online_source_get_cache_dir       (BlOnlineSource *self);
const char       *bl_online_source_get_user_agent      (BlOnlineSource *self);

ShumateMapSource *bl_online_source_create_map_source   (BlOnlineSource *self);

void              bl_online_source_cancel_all          (BlOnlineSource *self);
void              bl_online_source_reset_failure       (BlOnlineSource *self);

gboolean          bl_online_source_redirect_allowed    (GUri           *from,
                                                        GUri           *to);

guint bl_online_source_get_n_cache_writes (BlOnlineSource *self);

G_END_DECLS
