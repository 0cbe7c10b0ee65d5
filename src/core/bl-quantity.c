/* bl-quantity.c — a figure as claimed
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Qualifiers and their default ranges, validation, a canonical text form
 * and localised display; the lenient English parser for what an analyst
 * types is in bl-quantity-parse.c. See bl-quantity.h for the conventions. Nothing here knows about
 * claims, topics or JSON.
 */
#include "config.h"

#include <limits.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "bl-error.h"
#include "bl-quantity.h"
#include "bl-quantity-private.h"

typedef struct
{
  const char *id;       /* stable identifier, for files */
  const char *phrase;   /* canonical English: prefix before the value, or the vague phrase */
  gboolean    has_value;
  double      min;      /* default range of vague qualifiers */
  double      max;
} QualifierInfo;

static const QualifierInfo qualifiers[BL_QUANTITY_N_QUALIFIERS] = {
  [BL_QUANTITY_EXACT]             = { "exact", "", TRUE, 0, 0 },
  [BL_QUANTITY_APPROXIMATELY]     = { "approximately", "about ", TRUE, 0, 0 },
  [BL_QUANTITY_NEARLY]            = { "nearly", "nearly ", TRUE, 0, 0 },
  [BL_QUANTITY_AT_LEAST]          = { "at-least", "at least ", TRUE, 0, 0 },
  [BL_QUANTITY_MORE_THAN]         = { "more-than", "more than ", TRUE, 0, 0 },
  [BL_QUANTITY_AT_MOST]           = { "at-most", "at most ", TRUE, 0, 0 },
  [BL_QUANTITY_FEWER_THAN]        = { "fewer-than", "fewer than ", TRUE, 0, 0 },
  [BL_QUANTITY_UP_TO]             = { "up-to", "up to ", TRUE, 0, 0 },
  [BL_QUANTITY_RANGE]             = { "range", "", FALSE, NAN, NAN },
  [BL_QUANTITY_A_FEW]             = { "a-few", "a few", FALSE, 2, 5 },
  [BL_QUANTITY_SEVERAL]           = { "several", "several", FALSE, 3, 9 },
  [BL_QUANTITY_DOZENS]            = { "dozens", "dozens", FALSE, 24, 99 },
  [BL_QUANTITY_HUNDREDS]          = { "hundreds", "hundreds", FALSE, 200, 999 },
  [BL_QUANTITY_SEVERAL_HUNDRED]   = { "several-hundred", "several hundred", FALSE, 200, 900 },
  [BL_QUANTITY_THOUSANDS]         = { "thousands", "thousands", FALSE, 2000, 9999 },
  [BL_QUANTITY_SEVERAL_THOUSAND]  = { "several-thousand", "several thousand", FALSE, 2000, 9000 },
  [BL_QUANTITY_TENS_OF_THOUSANDS] = { "tens-of-thousands", "tens of thousands", FALSE, 20000, 99999 },
};

/* Qualifiers {{{ */

/**
 * bl_quantity_qualifier_to_string:
 * @qualifier: a #BlQuantityQualifier
 *
 * Returns: the stable kebab-case identifier of @qualifier for files
 *   ("exact", "at-least", "several-thousand", …), or %NULL if it is out
 *   of range
 */
const char *
bl_quantity_qualifier_to_string (BlQuantityQualifier qualifier)
{
  if ((guint) qualifier >= BL_QUANTITY_N_QUALIFIERS)
    return NULL;
  return qualifiers[qualifier].id;
}

/**
 * bl_quantity_qualifier_from_string:
 * @id: an identifier from bl_quantity_qualifier_to_string()
 * @qualifier: (out): the qualifier
 *
 * Returns: whether @id is a known identifier
 */
gboolean
bl_quantity_qualifier_from_string (const char          *id,
                                   BlQuantityQualifier *qualifier)
{
  g_return_val_if_fail (id != NULL, FALSE);
  g_return_val_if_fail (qualifier != NULL, FALSE);

  for (guint i = 0; i < BL_QUANTITY_N_QUALIFIERS; i++)
    if (strcmp (id, qualifiers[i].id) == 0)
      {
        *qualifier = i;
        return TRUE;
      }
  return FALSE;
}

/**
 * bl_quantity_qualifier_has_value:
 * @qualifier: a #BlQuantityQualifier
 *
 * Returns: whether a quantity with @qualifier states a single figure
 *   (%FALSE for a range and for vague phrases)
 */
gboolean
bl_quantity_qualifier_has_value (BlQuantityQualifier qualifier)
{
  g_return_val_if_fail ((guint) qualifier < BL_QUANTITY_N_QUALIFIERS, FALSE);

  return qualifiers[qualifier].has_value;
}

/**
 * bl_quantity_qualifier_default_range:
 * @qualifier: a #BlQuantityQualifier
 * @value: the figure stated (ignored for vague phrases)
 * @min: (out): the default lower bound
 * @max: (out): the default upper bound, perhaps INFINITY
 *
 * Gets Borderline's default range for @qualifier (the table in
 * bl-quantity.h). A range has no default: both are NAN.
 */
void
bl_quantity_qualifier_default_range (BlQuantityQualifier  qualifier,
                                     double               value,
                                     double              *min,
                                     double              *max)
{
  double lo = NAN, hi = NAN;

  g_return_if_fail (min != NULL && max != NULL);

  switch (qualifier)
    {
    case BL_QUANTITY_EXACT:
      lo = hi = value;
      break;

    case BL_QUANTITY_APPROXIMATELY:
      lo = value * 0.9;
      hi = value * 1.1;
      break;

    case BL_QUANTITY_NEARLY:
      lo = value * 0.9;
      hi = value;
      break;

    case BL_QUANTITY_AT_LEAST:
    case BL_QUANTITY_MORE_THAN:
      lo = value;
      hi = isnan (value) ? NAN : INFINITY;
      break;

    case BL_QUANTITY_AT_MOST:
    case BL_QUANTITY_FEWER_THAN:
    case BL_QUANTITY_UP_TO:
      lo = isnan (value) ? NAN : 0;
      hi = value;
      break;

    case BL_QUANTITY_RANGE:
    case BL_QUANTITY_N_QUALIFIERS:
      break;

    case BL_QUANTITY_A_FEW:
    case BL_QUANTITY_SEVERAL:
    case BL_QUANTITY_DOZENS:
    case BL_QUANTITY_HUNDREDS:
    case BL_QUANTITY_SEVERAL_HUNDRED:
    case BL_QUANTITY_THOUSANDS:
    case BL_QUANTITY_SEVERAL_THOUSAND:
    case BL_QUANTITY_TENS_OF_THOUSANDS:
      lo = qualifiers[qualifier].min;
      hi = qualifiers[qualifier].max;
      break;

    default:
      break;
    }

  *min = lo;
  *max = hi;
}

/* }}} */

/* Life cycle and fields {{{ */

/**
 * bl_quantity_init:
 * @quantity: (out caller-allocates): a #BlQuantity
 *
 * Initialises @quantity to an exact quantity with no value (not valid
 * until a value is set) and no strings.
 */
void
bl_quantity_init (BlQuantity *quantity)
{
  g_return_if_fail (quantity != NULL);

  *quantity = (BlQuantity) BL_QUANTITY_INIT;
}

/**
 * bl_quantity_clear:
 * @quantity: an initialised #BlQuantity
 *
 * Frees the strings of @quantity and initialises it again.
 */
void
bl_quantity_clear (BlQuantity *quantity)
{
  g_return_if_fail (quantity != NULL);

  g_free (quantity->unit);
  g_free (quantity->text);
  bl_quantity_init (quantity);
}

/**
 * bl_quantity_copy:
 * @dest: an initialised #BlQuantity; its contents are cleared
 * @src: the quantity to copy
 *
 * Makes @dest a deep copy of @src.
 */
void
bl_quantity_copy (BlQuantity       *dest,
                  const BlQuantity *src)
{
  BlQuantity copy;

  g_return_if_fail (dest != NULL);
  g_return_if_fail (src != NULL);

  if (dest == src)
    return;

  copy = *src;
  copy.unit = g_strdup (src->unit);
  copy.text = g_strdup (src->text);
  bl_quantity_clear (dest);
  *dest = copy;
}

static gboolean
same_number (double a,
             double b)
{
  return (isnan (a) && isnan (b)) || a == b;
}

/**
 * bl_quantity_equal:
 * @a: a #BlQuantity
 * @b: a #BlQuantity
 *
 * Compares value, range, qualifier and unit; not the original text.
 *
 * Returns: whether @a and @b state the same quantity
 */
gboolean
bl_quantity_equal (const BlQuantity *a,
                   const BlQuantity *b)
{
  g_return_val_if_fail (a != NULL, FALSE);
  g_return_val_if_fail (b != NULL, FALSE);

  return a->qualifier == b->qualifier &&
         same_number (a->value, b->value) &&
         same_number (a->min, b->min) &&
         same_number (a->max, b->max) &&
         g_strcmp0 (a->unit, b->unit) == 0;
}

/**
 * bl_quantity_set_value:
 * @quantity: a #BlQuantity
 * @qualifier: the qualifier
 * @value: the figure; ignored (NAN) for a range or a vague qualifier
 *
 * Sets the qualifier and the figure. The explicit range, if any, stays:
 * call bl_quantity_reset_range() to go back to the default.
 */
void
bl_quantity_set_value (BlQuantity          *quantity,
                       BlQuantityQualifier  qualifier,
                       double               value)
{
  g_return_if_fail (quantity != NULL);
  g_return_if_fail ((guint) qualifier < BL_QUANTITY_N_QUALIFIERS);

  quantity->qualifier = qualifier;
  quantity->value = qualifiers[qualifier].has_value ? value : NAN;
}

/**
 * bl_quantity_set_range:
 * @quantity: a #BlQuantity
 * @min: the lower bound
 * @max: the upper bound, or INFINITY for an open range
 *
 * Sets an explicit effective range (for %BL_QUANTITY_RANGE, the range
 * stated). Check the result with bl_quantity_validate().
 */
void
bl_quantity_set_range (BlQuantity *quantity,
                       double      min,
                       double      max)
{
  g_return_if_fail (quantity != NULL);

  quantity->min = min;
  quantity->max = max;
}

/**
 * bl_quantity_reset_range:
 * @quantity: a #BlQuantity
 *
 * Forgets the explicit range: the default of the qualifier applies again.
 */
void
bl_quantity_reset_range (BlQuantity *quantity)
{
  g_return_if_fail (quantity != NULL);

  quantity->min = quantity->max = NAN;
}

/**
 * bl_quantity_has_explicit_range:
 * @quantity: a #BlQuantity
 *
 * Returns: whether @quantity has its own range rather than the default
 *   (always, for a valid %BL_QUANTITY_RANGE)
 */
gboolean
bl_quantity_has_explicit_range (const BlQuantity *quantity)
{
  g_return_val_if_fail (quantity != NULL, FALSE);

  return !isnan (quantity->min) || !isnan (quantity->max);
}

/**
 * bl_quantity_set_unit:
 * @quantity: a #BlQuantity
 * @unit: (nullable): the unit, e.g. "fighters"
 */
void
bl_quantity_set_unit (BlQuantity *quantity,
                      const char *unit)
{
  g_return_if_fail (quantity != NULL);

  if (quantity->unit != unit)
    {
      g_free (quantity->unit);
      quantity->unit = g_strdup (unit);
    }
}

/**
 * bl_quantity_set_text:
 * @quantity: a #BlQuantity
 * @text: (nullable): the text as given
 */
void
bl_quantity_set_text (BlQuantity *quantity,
                      const char *text)
{
  g_return_if_fail (quantity != NULL);

  if (quantity->text != text)
    {
      g_free (quantity->text);
      quantity->text = g_strdup (text);
    }
}

/**
 * bl_quantity_get_range:
 * @quantity: a #BlQuantity
 * @min: (out) (optional): the lower bound
 * @max: (out) (optional): the upper bound; INFINITY if open
 *
 * Gets the effective range of @quantity: the explicit range if set, else
 * the default of its qualifier (see the table in bl-quantity.h):
 * "several thousand" is 2,000–9,000, "at least 6,000" is 6,000–INFINITY,
 * "6,500" is 6,500–6,500, "about 4,000" is 3,600–4,400.
 *
 * Returns: %TRUE if there is a range; %FALSE (and NAN) if the quantity
 *   lacks the value or bounds it needs
 */
gboolean
bl_quantity_get_range (const BlQuantity *quantity,
                       double           *min,
                       double           *max)
{
  double lo, hi;

  g_return_val_if_fail (quantity != NULL, FALSE);

  if (bl_quantity_has_explicit_range (quantity))
    {
      lo = quantity->min;
      hi = quantity->max;
    }
  else
    bl_quantity_qualifier_default_range (quantity->qualifier, quantity->value, &lo, &hi);

  if (isnan (lo) || isnan (hi))
    lo = hi = NAN;
  if (min)
    *min = lo;
  if (max)
    *max = hi;
  return !isnan (lo);
}

/**
 * bl_quantity_validate:
 * @quantity: a #BlQuantity
 * @error: return location for a %BL_ERROR_INVALID error
 *
 * Checks that @quantity makes sense: a known qualifier; a finite,
 * non-negative value when the qualifier states one and none otherwise;
 * an explicit range with both bounds or neither, finite and non-negative
 * (the upper may be INFINITY), min ≤ max, containing the value; a range
 * qualifier with both bounds finite; strings valid UTF-8, the unit not
 * empty and at most 200 bytes.
 *
 * Returns: whether @quantity is valid
 */
gboolean
bl_quantity_validate (const BlQuantity  *quantity,
                      GError           **error)
{
  const QualifierInfo *info;

  g_return_val_if_fail (quantity != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (quantity->qualifier >= BL_QUANTITY_N_QUALIFIERS)
    {
      g_set_error (error, BL_ERROR, BL_ERROR_INVALID,
                   _("Unknown quantity qualifier %u"), quantity->qualifier);
      return FALSE;
    }
  info = &qualifiers[quantity->qualifier];

  if (info->has_value)
    {
      if (!isfinite (quantity->value) || quantity->value < 0 ||
          quantity->value > MAX_FIGURE)
        {
          g_set_error (error, BL_ERROR, BL_ERROR_INVALID,
                       _("A quantity “%s” needs a figure between 0 and 10¹⁵"),
                       info->id);
          return FALSE;
        }
    }
  else if (!isnan (quantity->value))
    {
      g_set_error (error, BL_ERROR, BL_ERROR_INVALID,
                   _("A quantity “%s” has no single figure"), info->id);
      return FALSE;
    }

  if ((quantity->value > 0 && quantity->value < MIN_FIGURE) ||
      (quantity->min > 0 && quantity->min < MIN_FIGURE) ||
      (quantity->max > 0 && quantity->max < MIN_FIGURE))
    {
      g_set_error (error, BL_ERROR, BL_ERROR_INVALID,
                   _("A figure above 0 must be at least one millionth"));
      return FALSE;
    }

  if (isnan (quantity->min) != isnan (quantity->max))
    {
      g_set_error (error, BL_ERROR, BL_ERROR_INVALID,
                   _("A range needs both a lower and an upper bound"));
      return FALSE;
    }

  if (!isnan (quantity->min))
    {
      if (!isfinite (quantity->min) || quantity->min < 0 ||
          quantity->max < quantity->min ||
          (quantity->qualifier == BL_QUANTITY_RANGE && !isfinite (quantity->max)) ||
          (isfinite (quantity->max) && quantity->max > MAX_FIGURE))
        {
          g_set_error (error, BL_ERROR, BL_ERROR_INVALID,
                       _("The range %g–%g is not a range of non-negative figures from low to high"),
                       quantity->min, quantity->max);
          return FALSE;
        }
      if (info->has_value &&
          (quantity->value < quantity->min || quantity->value > quantity->max))
        {
          g_set_error (error, BL_ERROR, BL_ERROR_INVALID,
                       _("The figure %g is outside the range %g–%g"),
                       quantity->value, quantity->min, quantity->max);
          return FALSE;
        }
    }
  else if (quantity->qualifier == BL_QUANTITY_RANGE)
    {
      g_set_error (error, BL_ERROR, BL_ERROR_INVALID,
                   _("A range needs both a lower and an upper bound"));
      return FALSE;
    }

  if (quantity->unit != NULL &&
      (*quantity->unit == '\0' || !g_utf8_validate (quantity->unit, -1, NULL)))
    {
      g_set_error (error, BL_ERROR, BL_ERROR_INVALID,
                   _("The unit of a quantity must be non-empty UTF-8 text"));
      return FALSE;
    }
  if (quantity->unit != NULL && strlen (quantity->unit) > UNIT_MAX_LEN)
    {
      g_set_error (error, BL_ERROR, BL_ERROR_INVALID,
                   _("The unit of a quantity is too long (more than %d bytes)"),
                   UNIT_MAX_LEN);
      return FALSE;
    }
  if (quantity->text != NULL && !g_utf8_validate (quantity->text, -1, NULL))
    {
      g_set_error (error, BL_ERROR, BL_ERROR_INVALID,
                   _("The text of a quantity must be UTF-8"));
      return FALSE;
    }

  return TRUE;
}

/* }}} */


/* Text and display {{{ */

/* Shortest C-locale text that reads back to the same double */
static void
append_c_number (GString *s,
                 double   v)
{
  char buf[64];

  g_ascii_formatd (buf, sizeof buf, "%.15g", v);
  if (g_ascii_strtod (buf, NULL) != v)
    g_ascii_formatd (buf, sizeof buf, "%.17g", v);

  /* the human parser reads no exponents: write plain digits, with the
   * fewest decimals that read back the same (a figure of at least
   * MIN_FIGURE needs at most 6 + 17) */
  if (strchr (buf, 'e') != NULL || strchr (buf, 'E') != NULL)
    {
      for (int decimals = 0; decimals <= 24; decimals++)
        {
          char format[16];

          g_snprintf (format, sizeof format, "%%.%df", decimals);
          g_ascii_formatd (buf, sizeof buf, format, v);
          if (g_ascii_strtod (buf, NULL) == v)
            break;
        }
    }

  g_string_append (s, buf);
}

/**
 * bl_quantity_to_string:
 * @quantity: a valid #BlQuantity
 *
 * Writes the canonical text of @quantity: English, numbers in the C
 * locale without grouping, e.g. "at least 6000 fighters", "2000-3000",
 * "several thousand", "about 4000 (3500-4500) fighters", "at least 6000
 * (6000+)". bl_quantity_parse_human() reads it back to an equal quantity
 * (as bl_quantity_equal() compares), as long as the unit does not itself
 * start with "of", a digit or punctuation.
 *
 * Returns: (transfer full): a newly allocated string
 */
char *
bl_quantity_to_string (const BlQuantity *quantity)
{
  const QualifierInfo *info;
  GString *s;

  g_return_val_if_fail (quantity != NULL, NULL);
  g_return_val_if_fail (quantity->qualifier < BL_QUANTITY_N_QUALIFIERS, NULL);

  info = &qualifiers[quantity->qualifier];
  s = g_string_new (info->phrase);

  if (info->has_value)
    append_c_number (s, quantity->value);
  else if (quantity->qualifier == BL_QUANTITY_RANGE)
    {
      append_c_number (s, quantity->min);
      g_string_append_c (s, '-');
      append_c_number (s, quantity->max);
    }

  if (quantity->qualifier != BL_QUANTITY_RANGE &&
      bl_quantity_has_explicit_range (quantity))
    {
      g_string_append (s, " (");
      append_c_number (s, quantity->min);
      if (isinf (quantity->max))
        g_string_append_c (s, '+');
      else
        {
          g_string_append_c (s, '-');
          append_c_number (s, quantity->max);
        }
      g_string_append_c (s, ')');
    }

  if (quantity->unit != NULL)
    {
      gsize before_unit = s->len;
      g_auto(BlQuantity) back = BL_QUANTITY_INIT;

      g_string_append_c (s, ' ');
      g_string_append (s, quantity->unit);

      /* a unit that starts like the rest of a figure ("to 0", "million")
       * would be read as part of it: "of" keeps it a unit */
      if (!bl_quantity_parse_human (s->str, &back, NULL) || !bl_quantity_equal (&back, quantity))
        {
          g_string_truncate (s, before_unit);
          g_string_append (s, " of ");
          g_string_append (s, quantity->unit);
        }
    }

  return g_string_free (s, FALSE);
}

/**
 * bl_quantity_format_number:
 * @number: a number
 *
 * Formats @number for display with the digit grouping and decimal point
 * of the current LC_NUMERIC locale (at most two decimals, trailing zeros
 * dropped): "6,500", "2.5", "1,200,000". In a locale without a thousands
 * separator (C, POSIX) it groups by three with "," — the untranslated
 * English default. Uses localeconv(): call it from the main thread.
 *
 * Returns: (transfer full): a newly allocated string
 */
char *
bl_quantity_format_number (double number)
{
  const struct lconv *lc = localeconv ();
  const char *sep = ",";
  const char *point = ".";
  const char *grouping = "\3";
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  const char *dot;
  GString *s;
  gsize int_len, frac_len;
  int group, gi = 0;

  if (isnan (number))
    return g_strdup ("?");
  if (isinf (number))
    return g_strdup (number > 0 ? "∞" : "−∞");
  if (fabs (number) >= MAX_FIGURE * 1000)
    return g_strdup_printf ("%g", number);

  if (lc->thousands_sep != NULL && lc->thousands_sep[0] != '\0')
    {
      sep = lc->thousands_sep;
      grouping = lc->grouping != NULL ? lc->grouping : "";
    }
  if (lc->decimal_point != NULL && lc->decimal_point[0] != '\0')
    point = lc->decimal_point;

  g_ascii_formatd (buf, sizeof buf, "%.2f", fabs (number));
  dot = strchr (buf, '.');
  int_len = dot != NULL ? (gsize) (dot - buf) : strlen (buf);
  frac_len = dot != NULL ? strlen (dot + 1) : 0;
  while (frac_len > 0 && dot[frac_len] == '0')
    frac_len--;

  /* Mark where separators go, from the right, as the grouping says */
  {
    gboolean *sep_before = g_newa (gboolean, int_len + 1);
    gsize pos = int_len;

    memset (sep_before, 0, sizeof (gboolean) * (int_len + 1));
    group = grouping[0];
    while (group > 0 && group != CHAR_MAX && pos > (gsize) group)
      {
        pos -= group;
        sep_before[pos] = TRUE;
        if (grouping[gi] != '\0' && grouping[gi + 1] != '\0')
          group = grouping[++gi];
      }

    s = g_string_new (NULL);
    if (number < 0 && (int_len > 1 || buf[0] != '0' || frac_len > 0))
      g_string_append (s, "−");
    for (gsize i = 0; i < int_len; i++)
      {
        if (sep_before[i])
          g_string_append (s, sep);
        g_string_append_c (s, buf[i]);
      }
  }

  if (frac_len > 0)
    {
      g_string_append (s, point);
      g_string_append_len (s, dot + 1, frac_len);
    }

  return g_string_free (s, FALSE);
}

static char *
format_range (double min,
              double max)
{
  g_autofree char *a = bl_quantity_format_number (min);
  g_autofree char *b = NULL;

  if (isinf (max))
    /* Translators: an open range of figures, e.g. “6,000 or more” */
    return g_strdup_printf (_("%s or more"), a);

  b = bl_quantity_format_number (max);
  /* Translators: a range of figures, e.g. “2,000–9,000” */
  return g_strdup_printf (_("%s–%s"), a, b);
}

static char *
format_stated (const BlQuantity *q)
{
  g_autofree char *n = NULL;

  if (q->qualifier == BL_QUANTITY_RANGE)
    return format_range (q->min, q->max);

  n = bl_quantity_format_number (q->value);
  switch (q->qualifier)
    {
    case BL_QUANTITY_APPROXIMATELY:
      return g_strdup_printf (_("about %s"), n);
    case BL_QUANTITY_NEARLY:
      return g_strdup_printf (_("nearly %s"), n);
    case BL_QUANTITY_AT_LEAST:
      return g_strdup_printf (_("at least %s"), n);
    case BL_QUANTITY_MORE_THAN:
      return g_strdup_printf (_("more than %s"), n);
    case BL_QUANTITY_AT_MOST:
      return g_strdup_printf (_("at most %s"), n);
    case BL_QUANTITY_FEWER_THAN:
      return g_strdup_printf (_("fewer than %s"), n);
    case BL_QUANTITY_UP_TO:
      return g_strdup_printf (_("up to %s"), n);
    default:
      return g_steal_pointer (&n);
    }
}

static const char *
vague_label (BlQuantityQualifier qualifier)
{
  switch (qualifier)
    {
    case BL_QUANTITY_A_FEW:
      return _("a few");
    case BL_QUANTITY_SEVERAL:
      return _("several");
    case BL_QUANTITY_DOZENS:
      return _("dozens");
    case BL_QUANTITY_HUNDREDS:
      return _("hundreds");
    case BL_QUANTITY_SEVERAL_HUNDRED:
      return _("several hundred");
    case BL_QUANTITY_THOUSANDS:
      return _("thousands");
    case BL_QUANTITY_SEVERAL_THOUSAND:
      return _("several thousand");
    case BL_QUANTITY_TENS_OF_THOUSANDS:
      return _("tens of thousands");
    default:
      return NULL;
    }
}

/**
 * bl_quantity_format:
 * @quantity: a #BlQuantity
 *
 * Formats @quantity for display in the current locale: "6,500 fighters",
 * "at least 6,000 fighters", "2,000–3,000 fighters", a vague phrase as its
 * effective range with the phrase after it, "2,000–9,000 fighters (several
 * thousand)", and an explicit range after a stated figure, "about 4,000
 * fighters (3,500–4,500)".
 *
 * Returns: (transfer full): a newly allocated string
 */
char *
bl_quantity_format (const BlQuantity *quantity)
{
  g_autofree char *main_part = NULL;
  g_autofree char *with_unit = NULL;
  g_autofree char *note = NULL;
  const char *label;
  double min, max;

  g_return_val_if_fail (quantity != NULL, NULL);

  label = vague_label (quantity->qualifier);
  if (label != NULL)
    {
      bl_quantity_get_range (quantity, &min, &max);
      main_part = format_range (min, max);
      note = g_strdup (label);
    }
  else
    {
      main_part = format_stated (quantity);
      if (quantity->qualifier != BL_QUANTITY_RANGE &&
          bl_quantity_has_explicit_range (quantity))
        note = format_range (quantity->min, quantity->max);
    }

  if (quantity->unit != NULL)
    /* Translators: a figure and its unit, e.g. “6,500 fighters” */
    with_unit = g_strdup_printf (_("%s %s"), main_part, quantity->unit);
  else
    with_unit = g_steal_pointer (&main_part);

  if (note != NULL)
    /* Translators: a quantity and a note on it, e.g. “2,000–9,000 fighters (several thousand)” */
    return g_strdup_printf (_("%s (%s)"), with_unit, note);
  return g_steal_pointer (&with_unit);
}

/* }}} */
