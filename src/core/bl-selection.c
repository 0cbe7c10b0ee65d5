/* bl-selection.c — which claim is selected, shared by every view
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Clicking a marker, a row, a bar on the timeline or a line of the
 * comparison sets the selection; every view observes "notify::claim-id"
 * and highlights the claim. The selection names the claim by id, which
 * stays true while other claims are added or removed.
 */
#include "config.h"

#include "bl-selection.h"
#include "bl-util.h"

struct _BlSelection
{
  GObject  parent_instance;

  char    *claim_id;
};

G_DEFINE_FINAL_TYPE (BlSelection, bl_selection, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CLAIM_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
bl_selection_finalize (GObject *object)
{
  BlSelection *self = (BlSelection *) object;

  g_clear_pointer (&self->claim_id, g_free);

  G_OBJECT_CLASS (bl_selection_parent_class)->finalize (object);
}

static void
bl_selection_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  BlSelection *self = BL_SELECTION (object);

  switch (prop_id)
    {
    case PROP_CLAIM_ID:
      g_value_set_string (value, self->claim_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bl_selection_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  BlSelection *self = BL_SELECTION (object);

  switch (prop_id)
    {
    case PROP_CLAIM_ID:
      bl_selection_set_claim_id (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bl_selection_class_init (BlSelectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bl_selection_finalize;
  object_class->get_property = bl_selection_get_property;
  object_class->set_property = bl_selection_set_property;

  properties[PROP_CLAIM_ID] =
    g_param_spec_string ("claim-id", NULL, "The id of the selected claim, or NULL",
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bl_selection_init (BlSelection *self)
{
}

BlSelection *
bl_selection_new (void)
{
  return g_object_new (BL_TYPE_SELECTION, NULL);
}

/**
 * bl_selection_get_claim_id:
 *
 * Returns: (nullable): the selected claim's id
 */
const char *
bl_selection_get_claim_id (BlSelection *self)
{
  g_return_val_if_fail (BL_IS_SELECTION (self), NULL);
  return self->claim_id;
}

void
bl_selection_set_claim_id (BlSelection *self,
                           const char  *claim_id)
{
  g_return_if_fail (BL_IS_SELECTION (self));

  if (bl_set_str (&self->claim_id, claim_id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLAIM_ID]);
}

void
bl_selection_clear (BlSelection *self)
{
  bl_selection_set_claim_id (self, NULL);
}
