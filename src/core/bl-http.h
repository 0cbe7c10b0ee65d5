/* bl-http.h — careful HTTP downloads: one session setup, one guarded GET
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <libsoup/soup.h>

G_BEGIN_DECLS

/* What Borderline says it is to every server: its name, version and web
 * address, as tile servers' usage policies ask. */
#define BL_HTTP_USER_AGENT "Borderline/" PACKAGE_VERSION " (+" APP_URL ")"

#define BL_HTTP_ERROR (bl_http_error_quark ())
GQuark bl_http_error_quark (void);

/**
 * BlHttpError:
 * @BL_HTTP_ERROR_DEADLINE: the whole download took longer than its deadline
 * @BL_HTTP_ERROR_TOO_LARGE: the body (after decompression) is larger than
 *   the cap
 * @BL_HTTP_ERROR_TOO_MANY_REDIRECTS: more redirects than allowed
 * @BL_HTTP_ERROR_REDIRECT_INSECURE: a redirect from https to http
 * @BL_HTTP_ERROR_REDIRECT_REFUSED: a redirect to an address that is not an
 *   http or https link with a host
 * @BL_HTTP_ERROR_DAMAGED: the compressed body does not inflate
 * @BL_HTTP_ERROR_UNSUPPORTED_ENCODING: a Content-Encoding other than gzip
 *   or deflate; the message is the encoding (at most 40 characters)
 *
 * Codes of the %BL_HTTP_ERROR domain. Their messages are not for people:
 * callers say what failed in their own words.
 */
typedef enum {
  BL_HTTP_ERROR_DEADLINE,
  BL_HTTP_ERROR_TOO_LARGE,
  BL_HTTP_ERROR_TOO_MANY_REDIRECTS,
  BL_HTTP_ERROR_REDIRECT_INSECURE,
  BL_HTTP_ERROR_REDIRECT_REFUSED,
  BL_HTTP_ERROR_DAMAGED,
  BL_HTTP_ERROR_UNSUPPORTED_ENCODING,
} BlHttpError;

/**
 * BlHttpStage:
 * @BL_HTTP_STAGE_CONNECTING: before the answer's headers arrived
 * @BL_HTTP_STAGE_READING: while the body was read
 *
 * Where a download failed, for messages ("could not be reached" against
 * "broke off").
 */
typedef enum {
  BL_HTTP_STAGE_CONNECTING,
  BL_HTTP_STAGE_READING,
} BlHttpStage;

/**
 * BlHttpOptions:
 * @deadline: milliseconds the whole download, redirects included, may take
 * @max_size: the largest body accepted, in bytes (after decompression)
 * @max_redirects: the most redirects followed
 * @decode: whether to inflate a gzip or deflate Content-Encoding (and
 *   refuse any other); without it the body is taken as it comes
 * @accept: (nullable): the Accept header
 * @if_none_match: (nullable): sent as If-None-Match
 * @if_modified_since: (nullable): sent as If-Modified-Since
 *
 * Initialise with bl_http_options_init().
 */
typedef struct {
  guint       deadline;
  guint       max_size;
  guint       max_redirects;
  gboolean    decode;
  const char *accept;
  const char *if_none_match;
  const char *if_modified_since;
} BlHttpOptions;

void          bl_http_options_init  (BlHttpOptions        *options);

SoupSession  *bl_http_session_new   (guint                 timeout,
                                     guint                 max_conns);
gulong        bl_http_cancel_with   (GCancellable         *cancellable,
                                     GCancellable         *source);
void          bl_http_cancel_all    (GCancellable        **owner);

char         *bl_http_describe_status (guint status);

/**
 * BlHttpCancellables:
 * @cancellable: the request's own cancellable, cancelled when @owner or
 *   @caller is
 * @owner: (nullable): the cancellable of the object that makes requests
 *   (a feed, a tile source), cancelled by its "cancel everything"
 * @owner_handler: the link from @owner
 * @caller: (nullable): the caller's cancellable
 * @caller_handler: the link from @caller
 *
 * One request's cancellable, linked to its owner's and its caller's. Set
 * up with bl_http_cancellables_init(), let go with
 * bl_http_cancellables_clear().
 */
typedef struct {
  GCancellable *cancellable;
  GCancellable *owner;
  gulong        owner_handler;
  GCancellable *caller;
  gulong        caller_handler;
} BlHttpCancellables;

void          bl_http_cancellables_init  (BlHttpCancellables *self,
                                          GCancellable       *owner,
                                          GCancellable       *caller);
void          bl_http_cancellables_clear (BlHttpCancellables *self);

/* The answer */

typedef struct _BlHttpResponse BlHttpResponse;

#define BL_TYPE_HTTP_RESPONSE (bl_http_response_get_type ())
GType               bl_http_response_get_type    (void) G_GNUC_CONST;
BlHttpResponse     *bl_http_response_ref         (BlHttpResponse *response);
void                bl_http_response_unref       (BlHttpResponse *response);
guint               bl_http_response_get_status  (BlHttpResponse *response);
SoupMessageHeaders *bl_http_response_get_headers (BlHttpResponse *response);
GBytes             *bl_http_response_get_body    (BlHttpResponse *response);
GUri               *bl_http_response_get_uri     (BlHttpResponse *response);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BlHttpResponse, bl_http_response_unref)

void             bl_http_get_async  (SoupSession          *session,
                                     GUri                 *uri,
                                     const BlHttpOptions  *options,
                                     GCancellable         *cancellable,
                                     GAsyncReadyCallback   callback,
                                     gpointer              user_data);
BlHttpResponse  *bl_http_get_finish (GAsyncResult         *result,
                                     BlHttpStage          *stage,
                                     GError              **error);

/* The body, counted and inflated; no network */

typedef struct _BlHttpBody BlHttpBody;

BlHttpBody *bl_http_body_new    (const char    *content_encoding,
                                 gboolean       decode,
                                 gsize          max_size,
                                 GError       **error);
gboolean    bl_http_body_append (BlHttpBody    *body,
                                 const guint8  *data,
                                 gsize          len,
                                 GError       **error);
GBytes     *bl_http_body_finish (BlHttpBody    *body,
                                 GError       **error);
void        bl_http_body_free   (BlHttpBody    *body);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BlHttpBody, bl_http_body_free)

G_END_DECLS
