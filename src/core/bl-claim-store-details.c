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

#include <math.h>
#include <string.h>

#include "bl-claim-store-private.h"
#include "bl-string-pool.h"

/* What a claim's block holds, in its first byte. */
enum {
  HAS_STATEMENT = 1 << 0,
  HAS_QUOTE     = 1 << 1,
  HAS_NOTES     = 1 << 2,
  HAS_QUANTITY  = 1 << 3,
  HAS_POLYGON   = 1 << 4,
  HAS_RELATIONS = 1 << 5,
};

/* After the texts, byte-aligned (read and written with memcpy()), the
 * figure: */
enum {
  FIGURE_VALUE = 1 << 0,
  FIGURE_MIN   = 1 << 1,
  FIGURE_MAX   = 1 << 2,
  FIGURE_UNIT  = 1 << 3,
  FIGURE_TEXT  = 1 << 4,
};
/* a byte of the FIGURE_ flags, the qualifier's byte, the unit's interned
 * address, the value, min and max that are not NAN, and the text. A
 * figure that is a whole BlQuantity would take 48 bytes and 8 of padding;
 * most take 18 to 26 here, and are unpacked into the record's own
 * BlQuantity.
 *
 * Then, only for a polygon or relations, which records point into, 8-byte
 * aligned: this head, the polygon's doubles, the BlRelations, and the
 * relations' ids. */
typedef struct {
  guint32 n_polygon;
  guint32 n_relations;
} ExtraHead;

#define HAS_ALIGNED (HAS_POLYGON | HAS_RELATIONS)

#define ROUND8(n) (((n) + 7) & ~(gsize) 7)

/* Where the aligned parts start, in bytes from the block's first. */
typedef struct {
  gsize extra;
  gsize polygon;
  gsize relations;
  gsize strings;
} Layout;

static void
layout_aligned (Layout *l,
                gsize   packed_end,
                guint8  flags,
                guint   n_polygon,
                guint   n_relations)
{
  l->extra = ROUND8 (packed_end);
  l->polygon = l->extra + sizeof (ExtraHead);
  l->relations = l->polygon + ((flags & HAS_POLYGON) ? sizeof (double) * 2 * n_polygon : 0);
  l->strings = l->relations + ((flags & HAS_RELATIONS) ? sizeof (BlRelation) * n_relations : 0);
}

/* Details {{{ */

/* Frees a claim's block (the interned parts are the pool's). */
void
bl_claim_store_details_clear (BlClaimStore   *self,
                              BlClaimDetails *d)
{
  if (d->block != NULL)
    bl_block_arena_release (self->arena, d->block);
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

static gsize
length_or_zero (const char *text)
{
  return text != NULL ? strlen (text) + 1 : 0;
}

/* The id of the claim's place, areas and tags (bl_string_pool_intern_triple())
 * follows its id, seven bits a byte, the lowest first, the high bit set on
 * every byte but the last: one byte below 128, two below 16384. */
static gsize
context_size (guint32 context)
{
  gsize n = 1;

  while (context >= 0x80)
    {
      context >>= 7;
      n++;
    }
  return n;
}

static char *
put_context (char    *p,
             guint32  context)
{
  while (context >= 0x80)
    {
      *p++ = (char) (0x80 | (context & 0x7f));
      context >>= 7;
    }
  *p++ = (char) context;
  return p;
}

static const char *
get_context (const char *p,
             guint32    *context)
{
  guint32 v = 0;
  guint shift = 0;

  while ((guint8) *p & 0x80)
    {
      v |= (guint32) ((guint8) *p++ & 0x7f) << shift;
      shift += 7;
    }
  *context = v | (guint32) (guint8) *p++ << shift;
  return p;
}

static guint8
figure_flags (const BlQuantity *q)
{
  return (isnan (q->value) ? 0 : FIGURE_VALUE) |
         (isnan (q->min) ? 0 : FIGURE_MIN) |
         (isnan (q->max) ? 0 : FIGURE_MAX) |
         (q->unit != NULL ? FIGURE_UNIT : 0) |
         (q->text != NULL ? FIGURE_TEXT : 0);
}

static gsize
figure_size (const BlQuantity *q)
{
  guint8 f = figure_flags (q);

  return 2 + ((f & FIGURE_UNIT) ? sizeof (char *) : 0) +
         sizeof (double) * (!!(f & FIGURE_VALUE) + !!(f & FIGURE_MIN) + !!(f & FIGURE_MAX)) +
         length_or_zero (q->text);
}

static char *
put_bytes (char       *p,
           const void *data,
           gsize       size)
{
  memcpy (p, data, size);
  return p + size;
}

static char *
put_figure (BlClaimStore     *self,
            char             *p,
            const BlQuantity *q)
{
  guint8 f = figure_flags (q);

  *p++ = (char) f;
  *p++ = (char) q->qualifier;
  if (f & FIGURE_UNIT)
    {
      const char *unit = bl_string_pool_intern (self->pool, q->unit);

      p = put_bytes (p, &unit, sizeof unit);
    }
  if (f & FIGURE_VALUE)
    p = put_bytes (p, &q->value, sizeof q->value);
  if (f & FIGURE_MIN)
    p = put_bytes (p, &q->min, sizeof q->min);
  if (f & FIGURE_MAX)
    p = put_bytes (p, &q->max, sizeof q->max);
  if (f & FIGURE_TEXT)
    p = put_string (p, q->text, strlen (q->text));
  return p;
}

static const char *
get_bytes (const char *p,
           void       *data,
           gsize       size)
{
  memcpy (data, p, size);
  return p + size;
}

/* Reads a figure written by put_figure() at @p into @q (its strings point
 * into the block and the pool); returns the byte after. */
static const char *
get_figure (const char *p,
            BlQuantity *q)
{
  guint8 f = (guint8) *p++;

  q->qualifier = (guint8) *p++;
  q->unit = NULL;
  q->value = q->min = q->max = NAN;
  q->text = NULL;
  if (f & FIGURE_UNIT)
    p = get_bytes (p, &q->unit, sizeof q->unit);
  if (f & FIGURE_VALUE)
    p = get_bytes (p, &q->value, sizeof q->value);
  if (f & FIGURE_MIN)
    p = get_bytes (p, &q->min, sizeof q->min);
  if (f & FIGURE_MAX)
    p = get_bytes (p, &q->max, sizeof q->max);
  if (f & FIGURE_TEXT)
    {
      q->text = (char *) p;
      p += strlen (p) + 1;
    }
  return p;
}

static char *
block_new (BlClaimStore        *self,
           const BlClaimRecord *r,
           guint32              context)
{
  gboolean has_polygon = r->polygon != NULL && r->n_polygon > 0;
  gboolean has_relations = r->relations != NULL && r->n_relations > 0;
  gsize packed_end, size;
  guint8 flags = 0;
  Layout l = { 0 };
  char *block, *p;

  if (r->statement != NULL)
    flags |= HAS_STATEMENT;
  if (r->quote != NULL)
    flags |= HAS_QUOTE;
  if (r->notes != NULL)
    flags |= HAS_NOTES;
  if (r->quantity != NULL)
    flags |= HAS_QUANTITY;
  if (has_polygon)
    flags |= HAS_POLYGON;
  if (has_relations)
    flags |= HAS_RELATIONS;

  packed_end = 1 + strlen (r->id) + 1 + context_size (context) + length_or_zero (r->statement) +
               length_or_zero (r->quote) + length_or_zero (r->notes) +
               ((flags & HAS_QUANTITY) ? figure_size (r->quantity) : 0);
  size = packed_end;
  if (flags & HAS_ALIGNED)
    {
      layout_aligned (&l, packed_end, flags, r->n_polygon, r->n_relations);
      size = l.strings;
      if (has_relations)
        for (guint i = 0; i < r->n_relations; i++)
          size += length_or_zero (r->relations[i].claim_id);
    }

  if (self->arena == NULL)
    self->arena = bl_block_arena_new ();
  /* the packed parts are read with memcpy(): only the aligned ones need
   * an aligned block */
  block = (flags & HAS_ALIGNED) ? bl_block_arena_alloc (self->arena, size)
                                : bl_block_arena_alloc_packed (self->arena, size);
  block[0] = (char) flags;
  p = put_string (block + 1, r->id, strlen (r->id));
  p = put_context (p, context);
  if (r->statement != NULL)
    p = put_string (p, r->statement, strlen (r->statement));
  if (r->quote != NULL)
    p = put_string (p, r->quote, strlen (r->quote));
  if (r->notes != NULL)
    p = put_string (p, r->notes, strlen (r->notes));
  if (flags & HAS_QUANTITY)
    p = put_figure (self, p, r->quantity);
  g_assert (p == block + packed_end);

  if (!(flags & HAS_ALIGNED))
    return block;

  memset (p, 0, l.polygon - packed_end);  /* the padding, and the head */
  ((ExtraHead *) (block + l.extra))->n_polygon = has_polygon ? r->n_polygon : 0;
  ((ExtraHead *) (block + l.extra))->n_relations = has_relations ? r->n_relations : 0;
  p = block + l.strings;

  if (has_polygon)
    memcpy (block + l.polygon, r->polygon, sizeof (double) * 2 * r->n_polygon);

  if (has_relations)
    {
      BlRelation *relations = (BlRelation *) (block + l.relations);

      for (guint i = 0; i < r->n_relations; i++)
        {
          relations[i].kind = r->relations[i].kind;
          relations[i].claim_id = NULL;
          if (r->relations[i].claim_id != NULL)
            {
              relations[i].claim_id = p;
              p = put_string (p, r->relations[i].claim_id, strlen (r->relations[i].claim_id));
            }
        }
    }

  g_assert (p == block + size);
  return block;
}

/* Packs @r's cold fields into @d: a new block, interned values. */
void
bl_claim_store_details_set (BlClaimStore        *self,
                            BlClaimDetails      *d,
                            const BlClaimRecord *r)
{
  gconstpointer context[3];

  context[0] = bl_string_pool_intern (self->pool, r->place);
  context[1] = bl_string_pool_intern_strv (self->pool, r->areas);
  context[2] = bl_string_pool_intern_strv (self->pool, r->tags);
  d->block = block_new (self, r, bl_string_pool_intern_triple (self->pool, context));
}

/* }}} */

/* Records {{{ */

/* Sets @p to the next string after the one at @p. */
#define SKIP_STRING(p) ((p) += strlen (p) + 1)

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
  const gconstpointer *context;
  const char *p;
  guint32 context_id;
  guint8 flags;

  g_return_if_fail (BL_IS_CLAIM_STORE (self));
  g_return_if_fail (index < self->n_claims);
  g_return_if_fail (record != NULL);

  d = &self->details[index];
  flags = (guint8) d->block[0];
  p = record->id = bl_claim_store_details_id (d);
  SKIP_STRING (p);
  p = get_context (p, &context_id);
  record->statement = record->quote = record->notes = NULL;
  if (flags & HAS_STATEMENT)
    {
      record->statement = p;
      SKIP_STRING (p);
    }
  if (flags & HAS_QUOTE)
    {
      record->quote = p;
      SKIP_STRING (p);
    }
  if (flags & HAS_NOTES)
    {
      record->notes = p;
      SKIP_STRING (p);
    }

  record->quantity = NULL;
  if (flags & HAS_QUANTITY)
    {
      p = get_figure (p, &record->figure);
      record->quantity = &record->figure;
    }

  record->polygon = NULL;
  record->n_polygon = 0;
  record->relations = NULL;
  record->n_relations = 0;
  if (flags & HAS_ALIGNED)
    {
      gsize packed_end = (gsize) (p - d->block);
      const ExtraHead *head = (const ExtraHead *) (d->block + ROUND8 (packed_end));
      Layout l;

      layout_aligned (&l, packed_end, flags, head->n_polygon, head->n_relations);
      if (flags & HAS_POLYGON)
        {
          record->polygon = (const double *) (d->block + l.polygon);
          record->n_polygon = head->n_polygon;
        }
      if (flags & HAS_RELATIONS)
        {
          record->relations = (const BlRelation *) (d->block + l.relations);
          record->n_relations = head->n_relations;
        }
    }

  record->actor = self->actor[index];
  record->source = self->source[index];
  record->topic = self->topic[index];
  record->said_on = self->dates[BL_CLOCK_SAID][index];
  record->about = self->dates[BL_CLOCK_ABOUT][index];
  record->stance = self->stance[index];
  record->credibility = self->credibility[index];
  record->lat = self->lat[index];
  record->lon = self->lon[index];
  record->precision = self->precision[index];
  /* a snapshot reads its store's pool, which may be interning more */
  context = bl_string_pool_get_triple (self->origin != NULL ? self->origin->pool : self->pool, context_id);
  record->place = context ? context[0] : NULL;
  record->areas = context ? context[1] : NULL;
  record->tags = context ? context[2] : NULL;
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
  bl_quantity_init (&owned->record.figure);
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
