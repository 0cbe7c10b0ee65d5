/* bl-claim-store-details.c — a claim's cold fields, packed in blocks
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How the store packs a claim's texts and rare parts (see the top of
 * bl-claim-store.c for the layout), how it reads them back into a
 * BlClaimRecord, and records that own what they point to.
 */
#include "config.h"

#include <string.h>

#include "bl-claim-store-private.h"
#include "bl-string-pool.h"

/* The parts that few claims have, in one block: this struct, then the
 * polygon, the relations, then the strings they point to. */
struct _BlClaimExtra
{
  BlQuantity  quantity;      /* unit interned, text in the block */
  gboolean    has_quantity;
  guint       n_polygon;
  guint       n_relations;
  double     *polygon;       /* in the block */
  BlRelation *relations;     /* in the block, ids too */
};

/* Which optional texts follow the id in a claim's text block. */
enum {
  HAS_STATEMENT = 1 << 0,
  HAS_QUOTE     = 1 << 1,
  HAS_NOTES     = 1 << 2,
};

/* Details {{{ */

/* Frees a claim's blocks (the interned parts are the pool's). */
void
bl_claim_store_details_clear (BlClaimDetails *d)
{
  g_free (d->text);
  g_free (d->extra);
  memset (d, 0, sizeof *d);
}

/* Appends @text and its NUL at @p; returns the byte after. */
static char *
put_string (char       *p,
            const char *text,
            gsize       length)
{
  memcpy (p, text, length);
  p[length] = '\0';
  return p + length + 1;
}

static char *
text_block_new (const BlClaimRecord *r)
{
  gsize id_len = strlen (r->id);
  gsize statement_len = r->statement != NULL ? strlen (r->statement) : 0;
  gsize quote_len = r->quote != NULL ? strlen (r->quote) : 0;
  gsize notes_len = r->notes != NULL ? strlen (r->notes) : 0;
  guint8 flags = 0;
  char *block, *p;

  if (r->statement != NULL)
    flags |= HAS_STATEMENT;
  if (r->quote != NULL)
    flags |= HAS_QUOTE;
  if (r->notes != NULL)
    flags |= HAS_NOTES;

  block = g_malloc (1 + id_len + 1 +
                    (r->statement != NULL ? statement_len + 1 : 0) +
                    (r->quote != NULL ? quote_len + 1 : 0) +
                    (r->notes != NULL ? notes_len + 1 : 0));
  block[0] = (char) flags;
  p = put_string (block + 1, r->id, id_len);
  if (r->statement != NULL)
    p = put_string (p, r->statement, statement_len);
  if (r->quote != NULL)
    p = put_string (p, r->quote, quote_len);
  if (r->notes != NULL)
    put_string (p, r->notes, notes_len);

  return block;
}

#define ROUND8(n) (((n) + 7) & ~(gsize) 7)

static BlClaimExtra *
extra_new (BlStringPool        *pool,
           const BlClaimRecord *r)
{
  gboolean has_polygon = r->polygon != NULL && r->n_polygon > 0;
  gboolean has_relations = r->relations != NULL && r->n_relations > 0;
  gsize size, polygon_at, relations_at, strings_at;
  gsize text_len = 0;
  BlClaimExtra *e;
  char *block, *p;

  if (!has_polygon && !has_relations && r->quantity == NULL)
    return NULL;

  polygon_at = ROUND8 (sizeof (BlClaimExtra));
  relations_at = polygon_at + (has_polygon ? sizeof (double) * 2 * r->n_polygon : 0);
  strings_at = relations_at + (has_relations ? sizeof (BlRelation) * r->n_relations : 0);
  size = strings_at;
  if (r->quantity != NULL && r->quantity->text != NULL)
    size += (text_len = strlen (r->quantity->text)) + 1;
  if (has_relations)
    for (guint i = 0; i < r->n_relations; i++)
      size += (r->relations[i].claim_id != NULL ? strlen (r->relations[i].claim_id) : 0) + 1;

  block = g_malloc0 (size);
  e = (BlClaimExtra *) block;
  p = block + strings_at;

  if (r->quantity != NULL)
    {
      e->quantity = *r->quantity;
      e->quantity.unit = (char *) bl_string_pool_intern (pool, r->quantity->unit);
      e->quantity.text = NULL;
      if (r->quantity->text != NULL)
        {
          e->quantity.text = p;
          p = put_string (p, r->quantity->text, text_len);
        }
      e->has_quantity = TRUE;
    }

  if (has_polygon)
    {
      e->polygon = (double *) (block + polygon_at);
      e->n_polygon = r->n_polygon;
      memcpy (e->polygon, r->polygon, sizeof (double) * 2 * r->n_polygon);
    }

  if (has_relations)
    {
      e->relations = (BlRelation *) (block + relations_at);
      e->n_relations = r->n_relations;
      for (guint i = 0; i < r->n_relations; i++)
        {
          e->relations[i].kind = r->relations[i].kind;
          if (r->relations[i].claim_id != NULL)
            {
              e->relations[i].claim_id = p;
              p = put_string (p, r->relations[i].claim_id, strlen (r->relations[i].claim_id));
            }
          else
            {
              e->relations[i].claim_id = NULL;
              p++;
            }
        }
    }

  g_assert (p <= block + size);
  return e;
}

/* Packs @r's cold fields into @d: new blocks, interned values. */
void
bl_claim_store_details_set (BlClaimStore        *self,
                            BlClaimDetails      *d,
                            const BlClaimRecord *r)
{
  d->text = text_block_new (r);
  d->place = bl_string_pool_intern (self->pool, r->place);
  d->areas = bl_string_pool_intern_strv (self->pool, r->areas);
  d->tags = bl_string_pool_intern_strv (self->pool, r->tags);
  d->extra = extra_new (self->pool, r);
}

/* }}} */

/* Records {{{ */

/**
 * bl_claim_store_get_record:
 * @index: a claim number
 * @record: (out caller-allocates): filled with pointers into the store
 */
void
bl_claim_store_get_record (BlClaimStore  *self,
                           guint          index,
                           BlClaimRecord *record)
{
  const BlClaimDetails *d;
  const BlClaimExtra *e;
  const char *p;
  guint8 flags;

  g_return_if_fail (BL_IS_CLAIM_STORE (self));
  g_return_if_fail (index < self->n_claims);
  g_return_if_fail (record != NULL);

  d = &self->details[index];
  e = d->extra;
  flags = (guint8) d->text[0];
  p = record->id = bl_claim_store_details_id (d);
  p += strlen (p) + 1;
  record->statement = record->quote = record->notes = NULL;
  if (flags & HAS_STATEMENT)
    {
      record->statement = p;
      p += strlen (p) + 1;
    }
  if (flags & HAS_QUOTE)
    {
      record->quote = p;
      p += strlen (p) + 1;
    }
  if (flags & HAS_NOTES)
    record->notes = p;
  record->actor = self->actor[index];
  record->source = self->source[index];
  record->topic = self->topic[index];
  record->said_on = self->dates[BL_CLOCK_SAID][index];
  record->about = self->dates[BL_CLOCK_ABOUT][index];
  record->quantity = e != NULL && e->has_quantity ? &e->quantity : NULL;
  record->stance = self->stance[index];
  record->credibility = self->credibility[index];
  record->lat = self->lat[index];
  record->lon = self->lon[index];
  record->precision = self->precision[index];
  record->place = d->place;
  record->areas = d->areas;
  record->polygon = e != NULL ? e->polygon : NULL;
  record->n_polygon = e != NULL ? e->n_polygon : 0;
  record->tags = d->tags;
  record->relations = e != NULL ? e->relations : NULL;
  record->n_relations = e != NULL ? e->n_relations : 0;
}

/* An owned copy of a record: one block for the struct, its strings and
 * arrays, plus the quantity's own strings. */
typedef struct {
  BlClaimRecord record;
  BlQuantity    quantity;
  char        **strings;   /* everything else the record points to */
} OwnedRecord;

static const char *
keep (GPtrArray  *strings,
      const char *text)
{
  char *copy;

  if (text == NULL)
    return NULL;
  copy = g_strdup (text);
  g_ptr_array_add (strings, copy);
  return copy;
}

static const char * const *
keep_strv (GPtrArray          *strings,
           const char * const *strv)
{
  char **copy;

  if (strv == NULL)
    return NULL;
  copy = g_strdupv ((char **) strv);
  g_ptr_array_add (strings, copy);  /* freed with g_strfreev: marked below */
  return (const char * const *) copy;
}

/**
 * bl_claim_record_copy:
 * @record: a record, with borrowed pointers
 *
 * Returns: (transfer full): a record that owns everything it points to;
 *   free it with bl_claim_record_free()
 */
BlClaimRecord *
bl_claim_record_copy (const BlClaimRecord *record)
{
  OwnedRecord *owned;
  g_autoptr(GPtrArray) strings = g_ptr_array_new ();
  g_autoptr(GPtrArray) strvs = g_ptr_array_new ();
  BlRelation *relations = NULL;

  g_return_val_if_fail (record != NULL, NULL);

  owned = g_new0 (OwnedRecord, 1);
  owned->record = *record;
  owned->record.id = keep (strings, record->id);
  owned->record.statement = keep (strings, record->statement);
  owned->record.quote = keep (strings, record->quote);
  owned->record.place = keep (strings, record->place);
  owned->record.notes = keep (strings, record->notes);
  owned->record.areas = keep_strv (strvs, record->areas);
  owned->record.tags = keep_strv (strvs, record->tags);

  if (record->polygon != NULL && record->n_polygon > 0)
    {
      double *polygon = g_memdup2 (record->polygon, sizeof (double) * 2 * record->n_polygon);

      g_ptr_array_add (strings, polygon);
      owned->record.polygon = polygon;
    }

  if (record->relations != NULL && record->n_relations > 0)
    {
      relations = g_new (BlRelation, record->n_relations);
      for (guint i = 0; i < record->n_relations; i++)
        {
          relations[i].kind = record->relations[i].kind;
          relations[i].claim_id = (char *) keep (strings, record->relations[i].claim_id);
        }
      g_ptr_array_add (strings, relations);
      owned->record.relations = relations;
    }

  if (record->quantity != NULL)
    {
      bl_quantity_copy (&owned->quantity, record->quantity);
      owned->record.quantity = &owned->quantity;
    }

  /* plain blocks first, then the string vectors, NULL between them */
  g_ptr_array_add (strings, NULL);
  for (guint i = 0; i < strvs->len; i++)
    g_ptr_array_add (strings, g_ptr_array_index (strvs, i));
  g_ptr_array_add (strings, NULL);
  owned->strings = (char **) g_ptr_array_free (g_steal_pointer (&strings), FALSE);

  return &owned->record;
}

/**
 * bl_claim_record_free:
 * @record: (nullable): a record from bl_claim_record_copy()
 */
void
bl_claim_record_free (BlClaimRecord *record)
{
  OwnedRecord *owned = (OwnedRecord *) record;
  guint i = 0;

  if (record == NULL)
    return;

  for (; owned->strings[i] != NULL; i++)
    g_free (owned->strings[i]);
  for (i++; owned->strings[i] != NULL; i++)
    g_strfreev ((char **) owned->strings[i]);
  g_free (owned->strings);

  if (record->quantity != NULL)
    bl_quantity_clear (&owned->quantity);
  g_free (owned);
}

/* }}} */
