/* bl-source.c — a source: the outlet or document that reported claims
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A BlSource is where a claim was read: an outlet, an agency wire, a report,
 * a post. Its Admiralty reliability grades the source, not the claimant.
 * "origin" names the source it republishes, if any (the Tajik Herald
 * republishing Khaama Press), so that the comparison can count independent
 * origins. Dates are kept as canonical uncertain-date text (see bl-date.h);
 * the loader validates them.
 */
#include "config.h"

#include "bl-source.h"
#include "bl-util.h"
#include "bl-vocab.h"

struct _BlSource
{
  GObject parent_instance;

  char *id;
  char *name;
  BlSourceKind kind;
  char *url;
  char *published;
  char *retrieved;
  char *language;
  guint reliability;
  char *origin;
};

G_DEFINE_FINAL_TYPE (BlSource, bl_source, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_KIND,
  PROP_URL,
  PROP_PUBLISHED,
  PROP_RETRIEVED,
  PROP_LANGUAGE,
  PROP_RELIABILITY,
  PROP_ORIGIN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
bl_source_finalize (GObject *object)
{
  BlSource *self = (BlSource *) object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->url, g_free);
  g_clear_pointer (&self->published, g_free);
  g_clear_pointer (&self->retrieved, g_free);
  g_clear_pointer (&self->language, g_free);
  g_clear_pointer (&self->origin, g_free);

  G_OBJECT_CLASS (bl_source_parent_class)->finalize (object);
}

static void
bl_source_get_property (GObject    *object,
                     guint       prop_id,
                     GValue     *value,
                     GParamSpec *pspec)
{
  BlSource *self = BL_SOURCE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_KIND:
      g_value_set_uint (value, self->kind);
      break;
    case PROP_URL:
      g_value_set_string (value, self->url);
      break;
    case PROP_PUBLISHED:
      g_value_set_string (value, self->published);
      break;
    case PROP_RETRIEVED:
      g_value_set_string (value, self->retrieved);
      break;
    case PROP_LANGUAGE:
      g_value_set_string (value, self->language);
      break;
    case PROP_RELIABILITY:
      g_value_set_uint (value, self->reliability);
      break;
    case PROP_ORIGIN:
      g_value_set_string (value, self->origin);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bl_source_set_property (GObject      *object,
                     guint         prop_id,
                     const GValue *value,
                     GParamSpec   *pspec)
{
  BlSource *self = BL_SOURCE (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;
    case PROP_NAME:
      bl_source_set_name (self, g_value_get_string (value));
      break;
    case PROP_KIND:
      bl_source_set_kind (self, g_value_get_uint (value));
      break;
    case PROP_URL:
      bl_source_set_url (self, g_value_get_string (value));
      break;
    case PROP_PUBLISHED:
      bl_source_set_published (self, g_value_get_string (value));
      break;
    case PROP_RETRIEVED:
      bl_source_set_retrieved (self, g_value_get_string (value));
      break;
    case PROP_LANGUAGE:
      bl_source_set_language (self, g_value_get_string (value));
      break;
    case PROP_RELIABILITY:
      bl_source_set_reliability (self, g_value_get_uint (value));
      break;
    case PROP_ORIGIN:
      bl_source_set_origin (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bl_source_class_init (BlSourceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bl_source_finalize;
  object_class->get_property = bl_source_get_property;
  object_class->set_property = bl_source_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, "The stable id in the project",
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, "The source's name",
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_KIND] =
    g_param_spec_uint ("kind", NULL, "The kind of source (a BlSourceKind)",
                       0, BL_N_SOURCE_KINDS - 1, BL_SOURCE_OTHER,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_URL] =
    g_param_spec_string ("url", NULL, "Where the source can be read (http or https)",
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PUBLISHED] =
    g_param_spec_string ("published", NULL, "When it was published, as uncertain-date text",
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RETRIEVED] =
    g_param_spec_string ("retrieved", NULL, "When the analyst retrieved it, as uncertain-date text",
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LANGUAGE] =
    g_param_spec_string ("language", NULL, "The language of the source, a BCP 47 tag",
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RELIABILITY] =
    g_param_spec_uint ("reliability", NULL, "Admiralty source reliability, 1 (A) to 6 (F), 0 if not graded",
                       0, 6, BL_RELIABILITY_NONE,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ORIGIN] =
    g_param_spec_string ("origin", NULL, "The id of the source this one republishes, if any",
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bl_source_init (BlSource *self)
{
}

BlSource *
bl_source_new (const char *id)
{
  g_return_val_if_fail (id != NULL, NULL);

  return g_object_new (BL_TYPE_SOURCE, "id", id, NULL);
}

const char *
bl_source_get_id (BlSource *self)
{
  g_return_val_if_fail (BL_IS_SOURCE (self), NULL);
  return self->id;
}

const char *
bl_source_get_name (BlSource *self)
{
  g_return_val_if_fail (BL_IS_SOURCE (self), NULL);
  return self->name;
}

void
bl_source_set_name (BlSource   *self,
                    const char *name)
{
  g_return_if_fail (BL_IS_SOURCE (self));

  if (bl_set_str (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

BlSourceKind
bl_source_get_kind (BlSource *self)
{
  g_return_val_if_fail (BL_IS_SOURCE (self), BL_SOURCE_OTHER);
  return self->kind;
}

void
bl_source_set_kind (BlSource *self,
                    BlSourceKind kind)
{
  g_return_if_fail (BL_IS_SOURCE (self));
  g_return_if_fail (kind <= BL_N_SOURCE_KINDS - 1);

  if (self->kind == kind)
    return;
  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

const char *
bl_source_get_url (BlSource *self)
{
  g_return_val_if_fail (BL_IS_SOURCE (self), NULL);
  return self->url;
}

void
bl_source_set_url (BlSource   *self,
                   const char *url)
{
  g_return_if_fail (BL_IS_SOURCE (self));

  if (bl_set_str (&self->url, url))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_URL]);
}

const char *
bl_source_get_published (BlSource *self)
{
  g_return_val_if_fail (BL_IS_SOURCE (self), NULL);
  return self->published;
}

void
bl_source_set_published (BlSource   *self,
                         const char *published)
{
  g_return_if_fail (BL_IS_SOURCE (self));

  if (bl_set_str (&self->published, published))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PUBLISHED]);
}

const char *
bl_source_get_retrieved (BlSource *self)
{
  g_return_val_if_fail (BL_IS_SOURCE (self), NULL);
  return self->retrieved;
}

void
bl_source_set_retrieved (BlSource   *self,
                         const char *retrieved)
{
  g_return_if_fail (BL_IS_SOURCE (self));

  if (bl_set_str (&self->retrieved, retrieved))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RETRIEVED]);
}

const char *
bl_source_get_language (BlSource *self)
{
  g_return_val_if_fail (BL_IS_SOURCE (self), NULL);
  return self->language;
}

void
bl_source_set_language (BlSource   *self,
                        const char *language)
{
  g_return_if_fail (BL_IS_SOURCE (self));

  if (bl_set_str (&self->language, language))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LANGUAGE]);
}

guint
bl_source_get_reliability (BlSource *self)
{
  g_return_val_if_fail (BL_IS_SOURCE (self), BL_RELIABILITY_NONE);
  return self->reliability;
}

void
bl_source_set_reliability (BlSource *self,
                           guint reliability)
{
  g_return_if_fail (BL_IS_SOURCE (self));
  g_return_if_fail (reliability <= 6);

  if (self->reliability == reliability)
    return;
  self->reliability = reliability;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RELIABILITY]);
}

const char *
bl_source_get_origin (BlSource *self)
{
  g_return_val_if_fail (BL_IS_SOURCE (self), NULL);
  return self->origin;
}

void
bl_source_set_origin (BlSource   *self,
                      const char *origin)
{
  g_return_if_fail (BL_IS_SOURCE (self));

  if (bl_set_str (&self->origin, origin))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ORIGIN]);
}
