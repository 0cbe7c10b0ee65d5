/* bl-date-private.h — what bl-date.c shares with bl-date-parse.c and
 * bl-date-format.c
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bl-date.h"

G_BEGIN_DECLS

/* One end of a date, taken apart: a nominal year/month/day with a
 * precision and a circa flag */
typedef struct
{
  guint8   precision;   /* BL_DATE_PRECISION_NONE: open end */
  gboolean circa;
  int      year;        /* nominal; for a decade, its first year */
  int      month;       /* 1 when not significant */
  int      day;         /* 1 when not significant */
} BlDateEnd;

/* The one place where a BlDate is put together (widening circa ends);
 * an end with precision NONE is open, a single date has no @end */
G_GNUC_INTERNAL
gboolean bl_date_from_ends    (const BlDateEnd  *start,
                               const BlDateEnd  *end,
                               gboolean          interval,
                               BlDate           *out,
                               GError          **error);

/* The start of @date taken apart again, whatever its fields hold */
G_GNUC_INTERNAL
void     bl_date_decode_start (const BlDate     *date,
                               BlDateEnd        *e);

/* The end of @date taken apart again */
G_GNUC_INTERNAL
void     bl_date_decode_end   (const BlDate     *date,
                               BlDateEnd        *e);

/* Checks the nominal fields of a closed end, with a message in words */
G_GNUC_INTERNAL
gboolean bl_date_check_end    (const BlDateEnd  *e,
                               GError          **error);

G_END_DECLS
