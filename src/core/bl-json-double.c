/* bl-json-double.c — doubles as the JSON writer writes them
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rule (see bl-json-writer.c): integral values below 1e17 as
 * integers, others as the first of %.15g, %.16g and %.17g that reads back
 * equal. Project files have always been written by that rule with printf
 * and strtod, which a million claims make slow; this file gives the same
 * bytes without them for most values, and falls back to them otherwise.
 */
#include "config.h"

#include <float.h>
#include <math.h>
#include <string.h>

#include "bl-json-writer.h"
#include "bl-json-writer-private.h"

/*
 * bl_json_format_uint64:
 *
 * Writes the decimal digits of @value into the end of a buffer of at
 * least 21 bytes; returns where they start.
 */
char *
bl_json_format_uint64 (guint64  value,
               char    *end)
{
  char *p = end;

  do
    {
      *--p = (char) ('0' + value % 10);
      value /= 10;
    }
  while (value != 0);

  return p;
}

/* Doubles {{{ */

/* The printf rule (see the top of this file), the reference that the fast
 * path below must always agree with. */
static void
format_double_printf (double  value,
                      char   *buf)
{
  static const char *const formats[] = { "%.15g", "%.16g", "%.17g" };

  for (gsize i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_ascii_formatd (buf, BL_JSON_DOUBLE_BUF_SIZE, formats[i], value);
      if (g_ascii_strtod (buf, NULL) == value)
        break;
    }
}

#if LDBL_MANT_DIG >= 64
/*
 * The fast path, for 1e-4 <= |value| < 1e15 (where %g writes no
 * exponent). With P significant digits and the decimal exponent X of
 * |value|, %.Pg writes D = round(|value| × 10^k), k = P - 1 - X, as an
 * integer of P digits with the point put back and trailing zeros cut; and
 * that text reads back equal iff |D - |value| × 10^k| is below half the
 * gap between |value| and its neighbours, scaled by 10^k.
 *
 * |value| × 10^k is worked out in x87 extended precision: 10^k is exact
 * there for k <= 27 and the product is off by at most half a unit in the
 * last place (ulp) of its 64 bits. Whenever that error could change an
 * answer (the product within an ulp of a rounding tie, or the distance
 * within an ulp of half the gap), and for powers of two (whose gap below
 * is half the gap above), the fast path gives up and printf decides.
 */
static const long double pow10_exact[] = {
  1e0L, 1e1L, 1e2L, 1e3L, 1e4L, 1e5L, 1e6L, 1e7L, 1e8L, 1e9L, 1e10L,
  1e11L, 1e12L, 1e13L, 1e14L, 1e15L, 1e16L, 1e17L, 1e18L, 1e19L, 1e20L,
};

/* Writes D (P digits) with exponent X as %g does in fixed notation
 * (-4 <= X < P): the point after digit X + 1, trailing zeros cut. */
static void
write_fixed (char    *buf,
             gboolean negative,
             guint64  d,
             int      p,
             int      x)
{
  char digits[24];
  char *end = digits + sizeof digits;
  const char *start = bl_json_format_uint64 (d, end);
  int n = (int) (end - start);
  char *o = buf;

  g_assert (n == p);

  /* cut trailing zeros of the fraction; the integer part stays whole */
  while (n > MAX (x + 1, 0) && start[n - 1] == '0')
    n--;

  if (negative)
    *o++ = '-';

  if (x >= 0)
    {
      memcpy (o, start, x + 1);
      o += x + 1;
      if (n > x + 1)
        {
          *o++ = '.';
          memcpy (o, start + x + 1, n - (x + 1));
          o += n - (x + 1);
        }
    }
  else
    {
      *o++ = '0';
      *o++ = '.';
      for (int i = 0; i < -x - 1; i++)
        *o++ = '0';
      memcpy (o, start, n);
      o += n;
    }
  *o = '\0';
}

static gboolean
format_double_fast (double  value,
                    char   *buf)
{
  double a = fabs (value);
  double mantissa;
  int binary_exp, x;

  if (!(a >= 1e-4 && a < 1e15))
    return FALSE;

  mantissa = frexp (a, &binary_exp);
  if (mantissa == 0.5)
    return FALSE;

  x = (int) floor (log10 (a));
  x = CLAMP (x, -4, 14);

  for (int p = 15; p <= 17; p++)
    {
      long double y, floor_y, frac, ulp, half_gap, diff;
      guint64 d;
      int k, e = x;

      /* the exponent: log10() may be off by one next to powers of ten */
      k = p - 1 - e;
      if (k < 1 || k >= (int) G_N_ELEMENTS (pow10_exact) - 1)
        return FALSE;
      y = (long double) a * pow10_exact[k];
      if (y < pow10_exact[p - 1])
        {
          e--;
          k++;
          y = (long double) a * pow10_exact[k];
        }
      else if (y >= pow10_exact[p])
        {
          e++;
          k--;
          y = (long double) a * pow10_exact[k];
        }
      if (y < pow10_exact[p - 1] || y >= pow10_exact[p])
        return FALSE;

      ulp = ldexpl (1.0L, ilogbl (y) - 63);
      floor_y = floorl (y);
      frac = y - floor_y;
      if (fabsl (frac - 0.5L) <= ulp)
        return FALSE;
      d = (guint64) floor_y + (frac > 0.5L ? 1 : 0);

      /* reads back equal? */
      half_gap = ldexpl (pow10_exact[k], binary_exp - 54);
      diff = fabsl ((long double) d - y);
      if (fabsl (diff - half_gap) <= ulp)
        return FALSE;
      if (diff > half_gap)
        continue;

      /* D rounded up to 10^P: one digit fewer, exponent one more */
      if (d == (guint64) pow10_exact[p])
        {
          d /= 10;
          e++;
        }
      if (e >= p || e < -4)
        return FALSE;

      write_fixed (buf, value < 0, d, p, e);
      return TRUE;
    }

  return FALSE;
}
#else
static gboolean
format_double_fast (double  value,
                    char   *buf)
{
  return FALSE;
}
#endif

/**
 * bl_json_writer_format_double:
 * @value: a finite double
 * @buf: a buffer of %BL_JSON_DOUBLE_BUF_SIZE bytes
 *
 * Formats @value as the writer does (see the top of this file): C locale,
 * integral values below 1e17 without exponent or fraction, otherwise the
 * shortest of 15, 16 or 17 significant digits that reads back equal.
 *
 * Returns: @buf
 */
const char *
bl_json_writer_format_double (double  value,
                              char   *buf)
{
  g_return_val_if_fail (buf != NULL, NULL);
  g_return_val_if_fail (isfinite (value), NULL);

  if (value > -1e17 && value < 1e17 && (double) (gint64) value == value)
    {
      /* "%.0f": the integer, and "-0" for negative zero */
      gint64 i = (gint64) value;
      char digits[24];
      char *end = digits + sizeof digits;
      char *p = bl_json_format_uint64 (i < 0 ? -(guint64) i : (guint64) i, end);

      if (signbit (value))
        *--p = '-';
      memcpy (buf, p, end - p);
      buf[end - p] = '\0';
      return buf;
    }

  if (!format_double_fast (value, buf))
    format_double_printf (value, buf);

  return buf;
}

/*
 * bl_json_writer_format_double_printf:
 *
 * The same as bl_json_writer_format_double() by printf alone, slowly: for
 * tests that check the fast path against it.
 */
const char *
bl_json_writer_format_double_printf (double  value,
                                     char   *buf)
{
  g_return_val_if_fail (buf != NULL, NULL);
  g_return_val_if_fail (isfinite (value), NULL);

  if (value > -1e17 && value < 1e17 && (double) (gint64) value == value)
    return g_ascii_formatd (buf, BL_JSON_DOUBLE_BUF_SIZE, "%.0f", value);

  format_double_printf (value, buf);
  return buf;
}

/* }}} */
