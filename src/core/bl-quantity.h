/* bl-quantity.h — a figure as claimed
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A BlQuantity is the number in a claim as the claimant put it: "6,500",
 * "about 4,000", "at least 6,000", "between 2,000 and 3,000", "several
 * thousand", with a unit ("fighters") and the text as given. Every vague
 * phrase has an *effective range* (bl_quantity_get_range()) that the
 * comparison panel and the analysis use; it comes from the defaults below
 * unless the analyst has set an explicit one (bl_quantity_set_range()).
 *
 * It is a plain struct, no GObject; it owns two strings (@unit and @text),
 * so copy it with bl_quantity_copy() and free with bl_quantity_clear(). It
 * does not convert units, compare claims, or read or write JSON.
 *
 * # Fields
 *
 * - @value: the single figure stated, or NAN when there is none (a range
 *   or a vague phrase);
 * - @min, @max: the explicit effective range, or both NAN to use the
 *   default of the qualifier. For %BL_QUANTITY_RANGE they are the range
 *   stated and always set. @max may be INFINITY ("6,000 or more").
 * - @qualifier: a #BlQuantityQualifier;
 * - @unit, @text: owned, nullable: "fighters"; "at least 6,000 fighters".
 *
 * In the project file a quantity is an object with the same members:
 * `{ "value": 6000, "qualifier": "at-least", "unit": "fighters", "text":
 * "at least 6,000 fighters" }`, with `min` and `max` only when set
 * (`max` omitted, not written as infinity, when the range is open:
 * JSON has no infinity), qualifiers by bl_quantity_qualifier_to_string().
 *
 * # Default ranges
 *
 * Borderline's own conventions, not taken from any source; the analyst
 * changes them per quantity by setting an explicit range. v is @value.
 *
 * | qualifier (id)      | example            | default range           |
 * |---------------------|--------------------|-------------------------|
 * | `exact`             | 6,500              | v – v                   |
 * | `approximately`     | about 4,000, ~4000 | v − 10% – v + 10%       |
 * | `nearly`            | nearly 4,000       | v − 10% – v             |
 * | `at-least`          | at least 6,000     | v – ∞                   |
 * | `more-than`         | more than 6,000    | v – ∞                   |
 * | `at-most`           | at most 300        | 0 – v                   |
 * | `fewer-than`        | fewer than 300     | 0 – v                   |
 * | `up-to`             | up to 300          | 0 – v                   |
 * | `range`             | 2,000–3,000        | min – max, as stated    |
 * | `a-few`             | a few              | 2 – 5                   |
 * | `several`           | several            | 3 – 9                   |
 * | `dozens`            | dozens             | 24 – 99                 |
 * | `hundreds`          | hundreds           | 200 – 999               |
 * | `several-hundred`   | several hundred    | 200 – 900               |
 * | `thousands`         | thousands          | 2,000 – 9,999           |
 * | `several-thousand`  | several thousand   | 2,000 – 9,000           |
 * | `tens-of-thousands` | tens of thousands  | 20,000 – 99,999         |
 *
 * "More than" and "fewer than" include their bound in the range: at the
 * resolution of such claims the difference does not matter, and it keeps
 * the ranges closed. Open ranges use INFINITY as @max (never as @min).
 *
 * # Text
 *
 * bl_quantity_parse_human() reads what an analyst types, in English;
 * bl_quantity_to_string() writes a locale-independent English text that
 * it reads back to an equal quantity (the canonical text form, e.g. for
 * CSV); bl_quantity_format() writes localised text for display, with digit
 * grouping.
 */
#pragma once

#include <math.h>

#include <glib.h>

G_BEGIN_DECLS

/**
 * BlQuantityQualifier:
 * @BL_QUANTITY_EXACT: a figure as such: "6,500"
 * @BL_QUANTITY_APPROXIMATELY: "about", "around", "some", "~"
 * @BL_QUANTITY_NEARLY: "nearly", "almost"
 * @BL_QUANTITY_AT_LEAST: "at least", "no fewer than", "6,000+"
 * @BL_QUANTITY_MORE_THAN: "more than", "over"
 * @BL_QUANTITY_AT_MOST: "at most", "no more than"
 * @BL_QUANTITY_FEWER_THAN: "fewer than", "less than", "under"
 * @BL_QUANTITY_UP_TO: "up to", "as many as"
 * @BL_QUANTITY_RANGE: "between 2,000 and 3,000", "2000-3000"
 * @BL_QUANTITY_A_FEW: "a few"
 * @BL_QUANTITY_SEVERAL: "several"
 * @BL_QUANTITY_DOZENS: "dozens"
 * @BL_QUANTITY_HUNDREDS: "hundreds"
 * @BL_QUANTITY_SEVERAL_HUNDRED: "several hundred", "a few hundred"
 * @BL_QUANTITY_THOUSANDS: "thousands"
 * @BL_QUANTITY_SEVERAL_THOUSAND: "several thousand", "a few thousand"
 * @BL_QUANTITY_TENS_OF_THOUSANDS: "tens of thousands"
 * @BL_QUANTITY_N_QUALIFIERS: the number of qualifiers
 *
 * How a figure was stated. The values may change between versions; files
 * store the stable identifiers of bl_quantity_qualifier_to_string().
 */
typedef enum {
  BL_QUANTITY_EXACT,
  BL_QUANTITY_APPROXIMATELY,
  BL_QUANTITY_NEARLY,
  BL_QUANTITY_AT_LEAST,
  BL_QUANTITY_MORE_THAN,
  BL_QUANTITY_AT_MOST,
  BL_QUANTITY_FEWER_THAN,
  BL_QUANTITY_UP_TO,
  BL_QUANTITY_RANGE,
  BL_QUANTITY_A_FEW,
  BL_QUANTITY_SEVERAL,
  BL_QUANTITY_DOZENS,
  BL_QUANTITY_HUNDREDS,
  BL_QUANTITY_SEVERAL_HUNDRED,
  BL_QUANTITY_THOUSANDS,
  BL_QUANTITY_SEVERAL_THOUSAND,
  BL_QUANTITY_TENS_OF_THOUSANDS,
  BL_QUANTITY_N_QUALIFIERS
} BlQuantityQualifier;

/**
 * BlQuantity:
 * @value: the figure stated, or NAN
 * @min: the explicit lower bound, or NAN for the default
 * @max: the explicit upper bound (may be INFINITY), or NAN for the default
 * @unit: (nullable): owned: the unit, "fighters"
 * @text: (nullable): owned: the text as given
 * @qualifier: a #BlQuantityQualifier
 *
 * A figure as claimed; see the top of bl-quantity.h. Initialise with
 * bl_quantity_init() or %BL_QUANTITY_INIT, release with bl_quantity_clear().
 */
typedef struct {
  double  value;
  double  min;
  double  max;
  char   *unit;
  char   *text;
  guint8  qualifier;
} BlQuantity;

/** BL_QUANTITY_INIT: an initializer for an empty (exact, no value) #BlQuantity */
#define BL_QUANTITY_INIT { NAN, NAN, NAN, NULL, NULL, BL_QUANTITY_EXACT }

/* Qualifiers */
const char *bl_quantity_qualifier_to_string     (BlQuantityQualifier  qualifier);
gboolean    bl_quantity_qualifier_from_string   (const char          *id,
                                                 BlQuantityQualifier *qualifier);
gboolean    bl_quantity_qualifier_has_value     (BlQuantityQualifier  qualifier);
void        bl_quantity_qualifier_default_range (BlQuantityQualifier  qualifier,
                                                 double               value,
                                                 double              *min,
                                                 double              *max);

/* Life cycle */
void        bl_quantity_init                    (BlQuantity          *quantity);
void        bl_quantity_clear                   (BlQuantity          *quantity);
void        bl_quantity_copy                    (BlQuantity          *dest,
                                                 const BlQuantity    *src);
gboolean    bl_quantity_equal                   (const BlQuantity    *a,
                                                 const BlQuantity    *b);

/* Fields */
void        bl_quantity_set_value               (BlQuantity          *quantity,
                                                 BlQuantityQualifier  qualifier,
                                                 double               value);
void        bl_quantity_set_range               (BlQuantity          *quantity,
                                                 double               min,
                                                 double               max);
void        bl_quantity_reset_range             (BlQuantity          *quantity);
gboolean    bl_quantity_has_explicit_range      (const BlQuantity    *quantity);
void        bl_quantity_set_unit                (BlQuantity          *quantity,
                                                 const char          *unit);
void        bl_quantity_set_text                (BlQuantity          *quantity,
                                                 const char          *text);
gboolean    bl_quantity_get_range               (const BlQuantity    *quantity,
                                                 double              *min,
                                                 double              *max);
gboolean    bl_quantity_validate                (const BlQuantity    *quantity,
                                                 GError             **error);

/* Text */
gboolean    bl_quantity_parse_human             (const char          *text,
                                                 BlQuantity          *out,
                                                 GError             **error);
char       *bl_quantity_to_string               (const BlQuantity    *quantity);
char       *bl_quantity_format                  (const BlQuantity    *quantity);
char       *bl_quantity_format_number           (double               number);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (BlQuantity, bl_quantity_clear)

G_END_DECLS
