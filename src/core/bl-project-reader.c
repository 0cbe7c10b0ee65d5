/* bl-project-reader.c — reading .borderline project files
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reads a project file (format described in docs/project-format.md and
 * data/project.schema.json) straight from its bytes with the streaming
 * BlJsonReader, so that a million claims never become a JSON tree.
 *
 * Everything is validated. A syntax error stops the reading at once and is
 * reported as "FILE:LINE:COL: what". A value that is well-formed but wrong
 * is reported with its JSON path, "FILE: $.claims[3].location: latitude 95
 * is outside -90..90 (line 40)", and the reading goes on to find up to
 * BL_PROJECT_MAX_PROBLEMS problems, so that one run of `--check` shows the
 * analyst more than the first typo. Any problem fails the whole load: a
 * project is either read entirely or not at all.
 *
 * Members may come in any order, so references (a claim's claimant,
 * source and topic; a source's origin; relations between claims) are
 * resolved once everything has been read.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "bl-claim-store-private.h"
#include "bl-error.h"
#include "bl-json-reader.h"
#include "bl-project-io.h"
#include "bl-vocab.h"

/* A reference that names an id not yet seen: PENDING | slot. */
#define PENDING 0x80000000u

typedef enum {
  REF_ACTOR,
  REF_SOURCE,
  REF_TOPIC,
  N_REFS
} RefKind;

typedef struct {
  GHashTable *slots;    /* id → slot + 1 */
  GPtrArray  *ids;      /* slot → id */
  GPtrArray  *paths;    /* slot → where it was first used */
} PendingRefs;

typedef struct {
  BlJsonReader  *json;
  const char    *name;
  GCancellable  *cancellable;
  BlProgressFunc progress;
  gpointer       progress_data;
  gsize          len;

  BlProject     *project;

  GString       *path;
  GArray        *path_marks;   /* guint: path lengths to pop back to */

  GError        *fatal;        /* syntax error or cancellation */
  GPtrArray     *problems;     /* char *, semantic problems */
  int            first_code;   /* BlError of the first problem */
  guint          n_problems;

  gboolean       saw_format;
  gboolean       format_ok;
  gboolean       saw_version;
  gint64         version;

  PendingRefs    refs[N_REFS];
  GArray        *claim_positions;  /* guint: file position of stored claim */
  GPtrArray     *source_origins;   /* char *: per source, or NULL */
  guint          claims_seen;
} Loader;

typedef gboolean (*MemberFunc)  (Loader      *l,
                                 guint        member,
                                 BlJsonToken  token,
                                 gpointer     data);
typedef gboolean (*ElementFunc) (Loader      *l,
                                 guint        position,
                                 BlJsonToken  token,
                                 gpointer     data);

/* Paths */

static void
path_push_member (Loader     *l,
                  const char *member)
{
  guint mark = l->path->len;

  g_array_append_val (l->path_marks, mark);
  g_string_append_c (l->path, '.');
  g_string_append (l->path, member);
}

static void
path_push_index (Loader *l,
                 guint   position)
{
  guint mark = l->path->len;

  g_array_append_val (l->path_marks, mark);
  g_string_append_printf (l->path, "[%u]", position);
}

static void
path_pop (Loader *l)
{
  guint mark;

  g_assert (l->path_marks->len > 0);
  mark = g_array_index (l->path_marks, guint, l->path_marks->len - 1);
  g_array_set_size (l->path_marks, l->path_marks->len - 1);
  g_string_truncate (l->path, mark);
}

/* Problems */

static void
add_problem_at (Loader     *l,
                BlError     code,
                const char *path,
                guint       line,
                const char *message)
{
  if (l->n_problems++ == 0)
    l->first_code = code;

  if (l->problems->len >= BL_PROJECT_MAX_PROBLEMS)
    return;

  if (line > 0)
    g_ptr_array_add (l->problems,
                     g_strdup_printf ("%s: %s: %s (line %u)", l->name, path, message, line));
  else
    g_ptr_array_add (l->problems,
                     g_strdup_printf ("%s: %s: %s", l->name, path, message));
}

static void problem (Loader     *l,
                     BlError     code,
                     const char *format,
                     ...) G_GNUC_PRINTF (3, 4);

static void
problem (Loader     *l,
         BlError     code,
         const char *format,
         ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  add_problem_at (l, code, l->path->str, bl_json_reader_get_line (l->json), message);
}

/* Tokens */

static BlJsonToken
next (Loader *l)
{
  BlJsonToken token = bl_json_reader_next (l->json, l->fatal ? NULL : &l->fatal);

  return token;
}

/* Skips the value whose first token is @token. */
static gboolean
skip_value (Loader      *l,
            BlJsonToken  token)
{
  if (token == BL_JSON_TOKEN_ERROR)
    return FALSE;
  if (token == BL_JSON_TOKEN_BEGIN_OBJECT || token == BL_JSON_TOKEN_BEGIN_ARRAY)
    return bl_json_reader_skip (l->json, &l->fatal);
  return TRUE;
}

static const char *
describe_token (BlJsonToken token)
{
  switch (token)
    {
    case BL_JSON_TOKEN_BEGIN_OBJECT:
      return _("an object");
    case BL_JSON_TOKEN_BEGIN_ARRAY:
      return _("an array");
    case BL_JSON_TOKEN_STRING:
      return _("text");
    case BL_JSON_TOKEN_NUMBER:
      return _("a number");
    case BL_JSON_TOKEN_TRUE:
    case BL_JSON_TOKEN_FALSE:
      return _("true or false");
    case BL_JSON_TOKEN_NULL:
      return _("null");
    case BL_JSON_TOKEN_ERROR:
    case BL_JSON_TOKEN_END_OBJECT:
    case BL_JSON_TOKEN_END_ARRAY:
    case BL_JSON_TOKEN_KEY:
    case BL_JSON_TOKEN_END:
    default:
      return _("nothing");
    }
}

/* Reports that the value is of the wrong type and skips it. */
static gboolean
wrong_type (Loader      *l,
            BlJsonToken  token,
            const char  *expected)
{
  problem (l, BL_ERROR_INVALID, _("expected %s, found %s"), expected, describe_token (token));
  return skip_value (l, token);
}

static gboolean
check_cancelled (Loader *l)
{
  if (l->fatal == NULL && g_cancellable_set_error_if_cancelled (l->cancellable, &l->fatal))
    return TRUE;
  return l->fatal != NULL;
}

/* Reads the members of an object, calling @func with the member's number
 * in @names for each. Unknown and repeated members are problems. */
static gboolean
read_object (Loader             *l,
             BlJsonToken         token,
             const char * const *names,
             MemberFunc          func,
             gpointer            data,
             guint64            *seen_out)
{
  guint64 seen = 0;

  if (seen_out)
    *seen_out = 0;

  if (token != BL_JSON_TOKEN_BEGIN_OBJECT)
    return wrong_type (l, token, _("an object"));

  for (;;)
    {
      const char *key;
      BlJsonToken value;
      guint member;
      gboolean ok;

      token = next (l);
      if (token == BL_JSON_TOKEN_END_OBJECT)
        break;
      if (token != BL_JSON_TOKEN_KEY)
        return FALSE;

      key = bl_json_reader_get_string (l->json, NULL);
      for (member = 0; names[member] != NULL; member++)
        if (strcmp (names[member], key) == 0)
          break;

      if (names[member] == NULL)
        {
          g_autofree char *escaped = g_strescape (key, NULL);

          problem (l, BL_ERROR_INVALID, _("unknown member “%s”"), escaped);
          if (!skip_value (l, next (l)))
            return FALSE;
          continue;
        }

      path_push_member (l, names[member]);

      if (seen & (G_GUINT64_CONSTANT (1) << member))
        {
          problem (l, BL_ERROR_DUPLICATE, _("member appears twice"));
          ok = skip_value (l, next (l));
        }
      else
        {
          seen |= G_GUINT64_CONSTANT (1) << member;
          value = next (l);
          ok = value != BL_JSON_TOKEN_ERROR && func (l, member, value, data);
        }

      path_pop (l);

      if (!ok)
        return FALSE;
    }

  if (seen_out)
    *seen_out = seen;
  return TRUE;
}

static gboolean
read_array (Loader      *l,
            BlJsonToken  token,
            ElementFunc  func,
            gpointer     data)
{
  if (token != BL_JSON_TOKEN_BEGIN_ARRAY)
    return wrong_type (l, token, _("an array"));

  for (guint position = 0; ; position++)
    {
      gboolean ok;

      token = next (l);
      if (token == BL_JSON_TOKEN_END_ARRAY)
        return TRUE;
      if (token == BL_JSON_TOKEN_ERROR)
        return FALSE;

      path_push_index (l, position);
      ok = func (l, position, token, data);
      path_pop (l);

      if (!ok)
        return FALSE;
    }
}

/* Values */

static gboolean
is_control_free (const char *text)
{
  for (const guchar *p = (const guchar *) text; *p; p++)
    if (*p < 0x20 && *p != '\n' && *p != '\t')
      return FALSE;
  return TRUE;
}

/* Reads a string value into @out (replacing what was there), checking it
 * holds no NUL and is not too long. @out is left alone on a problem. */
static gboolean
read_text (Loader      *l,
           BlJsonToken  token,
           char       **out)
{
  const char *text;
  gsize len;

  if (token != BL_JSON_TOKEN_STRING)
    return wrong_type (l, token, _("text"));

  text = bl_json_reader_get_string (l->json, &len);
  if (memchr (text, '\0', len) != NULL)
    problem (l, BL_ERROR_INVALID, _("text contains a NUL character"));
  else if (len > BL_PROJECT_MAX_TEXT)
    problem (l, BL_ERROR_TOO_LARGE, _("text is %" G_GSIZE_FORMAT " bytes long; the limit is %d"),
             len, BL_PROJECT_MAX_TEXT);
  else
    {
      g_free (*out);
      *out = g_strndup (text, len);
    }

  return TRUE;
}

/* Ids and codes: short, printable, no spaces at either end. */
static gboolean
read_id (Loader      *l,
         BlJsonToken  token,
         char       **out)
{
  g_autofree char *text = NULL;

  if (!read_text (l, token, &text))
    return FALSE;
  if (text == NULL)
    return TRUE;

  if (text[0] == '\0')
    problem (l, BL_ERROR_INVALID, _("an id cannot be empty"));
  else if (strlen (text) > 256)
    problem (l, BL_ERROR_INVALID, _("an id cannot be longer than 256 bytes"));
  else if (!is_control_free (text) || strpbrk (text, "\n\t") != NULL ||
           g_ascii_isspace (text[0]) || g_ascii_isspace (text[strlen (text) - 1]))
    problem (l, BL_ERROR_INVALID, _("an id cannot hold control characters or start or end with a space"));
  else
    {
      g_free (*out);
      *out = g_steal_pointer (&text);
    }

  return TRUE;
}

static gboolean
read_number (Loader      *l,
             BlJsonToken  token,
             double      *out,
             gboolean    *ok)
{
  double value;

  *ok = FALSE;

  if (token != BL_JSON_TOKEN_NUMBER)
    return wrong_type (l, token, _("a number"));

  value = bl_json_reader_get_double (l->json);
  if (!isfinite (value))
    {
      problem (l, BL_ERROR_INVALID, _("the number %s is too large"),
               bl_json_reader_get_number_text (l->json, NULL));
      return TRUE;
    }

  *out = value;
  *ok = TRUE;
  return TRUE;
}

static gboolean
read_integer (Loader      *l,
              BlJsonToken  token,
              gint64       min,
              gint64       max,
              gint64      *out,
              gboolean    *ok)
{
  gint64 value;

  *ok = FALSE;

  if (token != BL_JSON_TOKEN_NUMBER)
    return wrong_type (l, token, _("a whole number"));

  if (!bl_json_reader_get_int64 (l->json, &value) || value < min || value > max)
    {
      problem (l, BL_ERROR_INVALID, _("%s is not a whole number from %" G_GINT64_FORMAT " to %" G_GINT64_FORMAT),
               bl_json_reader_get_number_text (l->json, NULL), min, max);
      return TRUE;
    }

  *out = value;
  *ok = TRUE;
  return TRUE;
}

static gboolean
read_date (Loader      *l,
           BlJsonToken  token,
           BlDate      *out)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  if (!read_text (l, token, &text))
    return FALSE;
  if (text != NULL && !bl_date_parse (text, out, &error))
    problem (l, BL_ERROR_INVALID, "%s", error->message);

  return TRUE;
}

static gboolean
read_date_text (Loader      *l,
                BlJsonToken  token,
                char       **out)
{
  BlDate date;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  if (!read_text (l, token, &text))
    return FALSE;
  if (text == NULL)
    return TRUE;

  if (!bl_date_parse (text, &date, &error))
    problem (l, BL_ERROR_INVALID, "%s", error->message);
  else
    {
      g_free (*out);
      *out = g_steal_pointer (&text);
    }

  return TRUE;
}

static gboolean
read_url (Loader      *l,
          BlJsonToken  token,
          char       **out)
{
  g_autofree char *text = NULL;
  g_autoptr(GUri) uri = NULL;
  const char *scheme;

  if (!read_text (l, token, &text))
    return FALSE;
  if (text == NULL)
    return TRUE;

  uri = g_uri_parse (text, G_URI_FLAGS_NONE, NULL);
  scheme = uri ? g_uri_get_scheme (uri) : NULL;
  if (uri != NULL && g_ascii_strcasecmp (scheme, "http") != 0 && g_ascii_strcasecmp (scheme, "https") != 0)
    {
      g_autofree char *escaped = g_strescape (scheme, NULL);

      problem (l, BL_ERROR_INVALID, _("only http and https addresses are allowed, not “%s:”"), escaped);
    }
  else if (uri == NULL || g_uri_get_host (uri) == NULL || g_uri_get_host (uri)[0] == '\0')
    problem (l, BL_ERROR_INVALID, _("not a valid web address"));
  else
    {
      g_free (*out);
      *out = g_steal_pointer (&text);
    }

  return TRUE;
}

/* Reads a string naming one term of a vocabulary. */
static gboolean
read_term (Loader       *l,
           BlJsonToken   token,
           gboolean    (*from_string) (const char *, guint *),
           const char   *what,
           guint        *out)
{
  g_autofree char *text = NULL;

  if (!read_text (l, token, &text))
    return FALSE;
  if (text != NULL && !from_string (text, out))
    {
      g_autofree char *escaped = g_strescape (text, NULL);

      problem (l, BL_ERROR_INVALID, _("“%s” is not a known %s"), escaped, what);
    }

  return TRUE;
}

#define TERM_READER(Type, prefix)                                        \
  static gboolean                                                        \
  prefix##_from_guint (const char *text, guint *out)                     \
  {                                                                      \
    Type value;                                                          \
    if (!prefix##_from_string (text, &value))                            \
      return FALSE;                                                      \
    *out = value;                                                        \
    return TRUE;                                                         \
  }

TERM_READER (BlStance, bl_stance)
TERM_READER (BlActorKind, bl_actor_kind)
TERM_READER (BlSourceKind, bl_source_kind)
TERM_READER (BlRelationKind, bl_relation_kind)
TERM_READER (BlPrecision, bl_precision)

static gboolean
read_reliability (Loader      *l,
                  BlJsonToken  token,
                  guint       *out)
{
  return read_term (l, token, bl_reliability_from_string, _("reliability grade (A to F)"), out);
}

/* Arrays of strings */

typedef struct {
  GPtrArray *items;
  gboolean   codes;
} StringsData;

static gboolean
is_area_code (const char *code)
{
  gsize len = strlen (code);

  if (len < 2 || !g_ascii_isupper (code[0]) || !g_ascii_isupper (code[1]))
    return FALSE;
  if (len == 2)
    return TRUE;
  if (code[2] != '-' || len < 4 || len > 6)
    return FALSE;
  for (gsize i = 3; i < len; i++)
    if (!g_ascii_isupper (code[i]) && !g_ascii_isdigit (code[i]))
      return FALSE;
  return TRUE;
}

static gboolean
read_strings_element (Loader      *l,
                      guint        position,
                      BlJsonToken  token,
                      gpointer     data)
{
  StringsData *d = data;
  g_autofree char *text = NULL;

  if (!read_text (l, token, &text))
    return FALSE;
  if (text == NULL)
    return TRUE;

  if (text[0] == '\0')
    problem (l, BL_ERROR_INVALID, _("cannot be empty"));
  else if (d->codes && !is_area_code (text))
    {
      g_autofree char *escaped = g_strescape (text, NULL);

      problem (l, BL_ERROR_INVALID,
               _("“%s” is not an area code (ISO 3166-1 such as “AF”, or ISO 3166-2 such as “AF-KDZ”)"),
               escaped);
    }
  else
    g_ptr_array_add (d->items, g_steal_pointer (&text));

  return TRUE;
}

static gboolean
read_strings (Loader      *l,
              BlJsonToken  token,
              gboolean     codes,
              char      ***out)
{
  StringsData d = { g_ptr_array_new_with_free_func (g_free), codes };

  if (!read_array (l, token, read_strings_element, &d))
    {
      g_ptr_array_unref (d.items);
      return FALSE;
    }

  g_strfreev (*out);
  if (d.items->len == 0)
    {
      *out = NULL;
      g_ptr_array_unref (d.items);
    }
  else
    {
      g_ptr_array_add (d.items, NULL);
      *out = (char **) g_ptr_array_free (d.items, FALSE);
    }

  return TRUE;
}

/* Positions: [lon, lat] */

typedef struct {
  GArray *coords;  /* double, lon/lat pairs */
} PositionsData;

static gboolean
read_position_element (Loader      *l,
                       guint        position,
                       BlJsonToken  token,
                       gpointer     data)
{
  PositionsData *d = data;
  double values[2];
  guint n = 0;
  gboolean bad = FALSE;

  if (token != BL_JSON_TOKEN_BEGIN_ARRAY)
    return wrong_type (l, token, _("a position [longitude, latitude]"));

  for (;;)
    {
      gboolean ok;
      double value = 0;

      token = next (l);
      if (token == BL_JSON_TOKEN_END_ARRAY)
        break;
      if (token == BL_JSON_TOKEN_ERROR)
        return FALSE;
      if (!read_number (l, token, &value, &ok))
        return FALSE;
      if (!ok)
        bad = TRUE;
      else if (n < 2)
        values[n] = value;
      n++;
    }

  if (bad)
    return TRUE;

  if (n != 2)
    problem (l, BL_ERROR_INVALID, _("a position is [longitude, latitude]: two numbers, not %u"), n);
  else if (values[0] < -180 || values[0] > 180)
    problem (l, BL_ERROR_INVALID, _("longitude %g is outside -180..180"), values[0]);
  else if (values[1] < -90 || values[1] > 90)
    problem (l, BL_ERROR_INVALID, _("latitude %g is outside -90..90"), values[1]);
  else
    g_array_append_vals (d->coords, values, 2);

  return TRUE;
}

static gboolean
read_positions (Loader      *l,
                BlJsonToken  token,
                GArray      *coords)
{
  PositionsData d = { coords };

  return read_array (l, token, read_position_element, &d);
}

/* References to actors, sources and topics */

static guint32
resolve_ref (Loader     *l,
             RefKind     kind,
             const char *id)
{
  PendingRefs *refs = &l->refs[kind];
  guint index;
  gpointer slot;

  switch (kind)
    {
    case REF_ACTOR:
      index = bl_project_find_actor (l->project, id);
      break;
    case REF_SOURCE:
      index = bl_project_find_source (l->project, id);
      break;
    case REF_TOPIC:
    default:
      index = bl_project_find_topic (l->project, id);
      break;
    }

  if (index != BL_NO_INDEX)
    return index;

  slot = g_hash_table_lookup (refs->slots, id);
  if (slot == NULL)
    {
      g_ptr_array_add (refs->ids, g_strdup (id));
      g_ptr_array_add (refs->paths, g_strdup_printf ("%s", l->path->str));
      slot = GUINT_TO_POINTER (refs->ids->len);
      g_hash_table_insert (refs->slots, g_ptr_array_index (refs->ids, refs->ids->len - 1), slot);
    }

  return PENDING | (GPOINTER_TO_UINT (slot) - 1);
}

static gboolean
read_ref (Loader      *l,
          BlJsonToken  token,
          RefKind      kind,
          guint32     *out)
{
  g_autofree char *id = NULL;

  if (!read_id (l, token, &id))
    return FALSE;
  if (id != NULL)
    *out = resolve_ref (l, kind, id);

  return TRUE;
}

/* Quantity */

static const char * const quantity_members[] = {
  "value", "min", "max", "qualifier", "unit", "text", NULL
};

enum { Q_VALUE, Q_MIN, Q_MAX, Q_QUALIFIER, Q_UNIT, Q_TEXT };

typedef struct {
  double  value, min, max;
  gboolean has_value, has_min, has_max;
  BlQuantityQualifier qualifier;
  char   *unit;
  char   *text;
} QuantityData;

static gboolean
read_quantity_member (Loader      *l,
                      guint        member,
                      BlJsonToken  token,
                      gpointer     data)
{
  QuantityData *q = data;

  switch (member)
    {
    case Q_VALUE:
      return read_number (l, token, &q->value, &q->has_value);
    case Q_MIN:
      return read_number (l, token, &q->min, &q->has_min);
    case Q_MAX:
      return read_number (l, token, &q->max, &q->has_max);
    case Q_QUALIFIER:
      {
        g_autofree char *text = NULL;

        if (!read_text (l, token, &text))
          return FALSE;
        if (text != NULL && !bl_quantity_qualifier_from_string (text, &q->qualifier))
          {
            g_autofree char *escaped = g_strescape (text, NULL);

            problem (l, BL_ERROR_INVALID, _("“%s” is not a known qualifier"), escaped);
          }
        return TRUE;
      }
    case Q_UNIT:
      return read_text (l, token, &q->unit);
    case Q_TEXT:
      return read_text (l, token, &q->text);
    default:
      g_assert_not_reached ();
    }
}

static gboolean
read_quantity (Loader      *l,
               BlJsonToken  token,
               BlQuantity  *out,
               gboolean    *has_quantity)
{
  QuantityData q = { 0 };
  g_autoptr(GError) error = NULL;
  guint64 seen;
  guint before = l->n_problems;

  q.qualifier = BL_QUANTITY_EXACT;

  if (!read_object (l, token, quantity_members, read_quantity_member, &q, &seen))
    goto out;

  if (l->n_problems == before)
    {
      BlQuantity quantity;

      bl_quantity_init (&quantity);
      quantity.qualifier = q.qualifier;
      quantity.value = q.has_value ? q.value : NAN;
      quantity.min = q.has_min ? q.min : NAN;
      quantity.max = q.has_max ? q.max : NAN;
      quantity.unit = g_steal_pointer (&q.unit);
      quantity.text = g_steal_pointer (&q.text);

      if (!bl_quantity_validate (&quantity, &error))
        {
          problem (l, BL_ERROR_INVALID, "%s", error->message);
          bl_quantity_clear (&quantity);
        }
      else
        {
          if (*has_quantity)
            bl_quantity_clear (out);
          *out = quantity;
          *has_quantity = TRUE;
        }
    }

out:
  g_free (q.unit);
  g_free (q.text);
  return l->fatal == NULL;
}

/* Location */

static const char * const location_members[] = {
  "lat", "lon", "areas", "polygon", "precision", "place", NULL
};

enum { L_LAT, L_LON, L_AREAS, L_POLYGON, L_PRECISION, L_PLACE };

typedef struct {
  double    lat, lon;
  gboolean  has_lat, has_lon;
  char    **areas;
  GArray   *polygon;
  guint     precision;
  char     *place;
  gboolean  polygon_bad;
} LocationData;

static gboolean
read_location_member (Loader      *l,
                      guint        member,
                      BlJsonToken  token,
                      gpointer     data)
{
  LocationData *d = data;

  switch (member)
    {
    case L_LAT:
      return read_number (l, token, &d->lat, &d->has_lat);
    case L_LON:
      return read_number (l, token, &d->lon, &d->has_lon);
    case L_AREAS:
      return read_strings (l, token, TRUE, &d->areas);
    case L_POLYGON:
      {
        guint before = l->n_problems;

        if (!read_positions (l, token, d->polygon))
          return FALSE;
        d->polygon_bad = l->n_problems != before;
        return TRUE;
      }
    case L_PRECISION:
      return read_term (l, token, bl_precision_from_guint, _("location precision"), &d->precision);
    case L_PLACE:
      return read_text (l, token, &d->place);
    default:
      g_assert_not_reached ();
    }
}

/* Claims */

static const char * const claim_members[] = {
  "id", "statement", "quote", "claimant", "source", "said-on", "about",
  "topic", "quantity", "stance", "location", "credibility", "tags", "notes",
  "relations", NULL
};

enum {
  C_ID, C_STATEMENT, C_QUOTE, C_CLAIMANT, C_SOURCE, C_SAID_ON, C_ABOUT,
  C_TOPIC, C_QUANTITY, C_STANCE, C_LOCATION, C_CREDIBILITY, C_TAGS, C_NOTES,
  C_RELATIONS
};

typedef struct {
  BlClaimRecord record;
  char         *id;
  char         *statement;
  char         *quote;
  char         *notes;
  char        **tags;
  BlQuantity    quantity;
  gboolean      has_quantity;
  LocationData  location;
  GArray       *relations;  /* BlRelation */
} ClaimData;

static void
claim_data_clear (ClaimData *c)
{
  g_clear_pointer (&c->id, g_free);
  g_clear_pointer (&c->statement, g_free);
  g_clear_pointer (&c->quote, g_free);
  g_clear_pointer (&c->notes, g_free);
  g_clear_pointer (&c->tags, g_strfreev);
  if (c->has_quantity)
    bl_quantity_clear (&c->quantity);
  c->has_quantity = FALSE;
  g_clear_pointer (&c->location.areas, g_strfreev);
  g_clear_pointer (&c->location.place, g_free);
  g_array_set_size (c->location.polygon, 0);
  for (guint i = 0; i < c->relations->len; i++)
    g_free (g_array_index (c->relations, BlRelation, i).claim_id);
  g_array_set_size (c->relations, 0);
}

static const char * const relation_members[] = { "type", "claim", NULL };

typedef struct {
  guint  kind;
  char  *claim_id;
} RelationData;

static gboolean
read_relation_member (Loader      *l,
                      guint        member,
                      BlJsonToken  token,
                      gpointer     data)
{
  RelationData *r = data;

  if (member == 0)
    return read_term (l, token, bl_relation_kind_from_guint, _("relation type"), &r->kind);
  return read_id (l, token, &r->claim_id);
}

static gboolean
read_relation_element (Loader      *l,
                       guint        position,
                       BlJsonToken  token,
                       gpointer     data)
{
  ClaimData *c = data;
  RelationData r = { BL_N_RELATION_KINDS, NULL };
  guint before = l->n_problems;
  guint64 seen;

  if (!read_object (l, token, relation_members, read_relation_member, &r, &seen))
    {
      g_free (r.claim_id);
      return FALSE;
    }

  if (l->n_problems == before && (seen & 3) != 3)
    problem (l, BL_ERROR_INVALID, _("a relation needs a “type” and a “claim”"));
  else if (l->n_problems == before && c->id != NULL && strcmp (r.claim_id, c->id) == 0)
    problem (l, BL_ERROR_INVALID, _("a claim cannot relate to itself"));

  if (l->n_problems == before)
    {
      BlRelation relation = { r.kind, g_steal_pointer (&r.claim_id) };

      g_array_append_val (c->relations, relation);
    }

  g_free (r.claim_id);
  return TRUE;
}

static gboolean
read_claim_member (Loader      *l,
                   guint        member,
                   BlJsonToken  token,
                   gpointer     data)
{
  ClaimData *c = data;
  BlClaimRecord *r = &c->record;

  switch (member)
    {
    case C_ID:
      return read_id (l, token, &c->id);
    case C_STATEMENT:
      return read_text (l, token, &c->statement);
    case C_QUOTE:
      return read_text (l, token, &c->quote);
    case C_CLAIMANT:
      return read_ref (l, token, REF_ACTOR, &r->actor);
    case C_SOURCE:
      return read_ref (l, token, REF_SOURCE, &r->source);
    case C_SAID_ON:
      return read_date (l, token, &r->said_on);
    case C_ABOUT:
      return read_date (l, token, &r->about);
    case C_TOPIC:
      return read_ref (l, token, REF_TOPIC, &r->topic);
    case C_QUANTITY:
      return read_quantity (l, token, &c->quantity, &c->has_quantity);
    case C_STANCE:
      {
        guint stance = BL_STANCE_ASSERTS;
        gboolean ok = read_term (l, token, bl_stance_from_guint, _("stance"), &stance);

        r->stance = stance;
        return ok;
      }
    case C_LOCATION:
      {
        LocationData *d = &c->location;
        guint before = l->n_problems;

        if (!read_object (l, token, location_members, read_location_member, d, NULL))
          return FALSE;
        if (l->n_problems != before)
          return TRUE;

        if (d->has_lat != d->has_lon)
          problem (l, BL_ERROR_INVALID, _("a point needs both “lat” and “lon”"));
        else if (d->has_lat && (d->lat < -90 || d->lat > 90))
          problem (l, BL_ERROR_INVALID, _("latitude %g is outside -90..90"), d->lat);
        else if (d->has_lon && (d->lon < -180 || d->lon > 180))
          problem (l, BL_ERROR_INVALID, _("longitude %g is outside -180..180"), d->lon);
        else if (d->polygon->len > 0 && d->polygon->len < 8)
          problem (l, BL_ERROR_INVALID, _("a polygon ring needs at least four positions, the last equal to the first"));
        else if (d->polygon->len > 0 &&
                 (g_array_index (d->polygon, double, 0) != g_array_index (d->polygon, double, d->polygon->len - 2) ||
                  g_array_index (d->polygon, double, 1) != g_array_index (d->polygon, double, d->polygon->len - 1)))
          problem (l, BL_ERROR_INVALID, _("the polygon ring is not closed: its last position must equal its first"));
        return TRUE;
      }
    case C_CREDIBILITY:
      {
        gint64 value;
        gboolean ok;

        if (!read_integer (l, token, 1, 6, &value, &ok))
          return FALSE;
        if (ok)
          r->credibility = (guint) value;
        return TRUE;
      }
    case C_TAGS:
      return read_strings (l, token, FALSE, &c->tags);
    case C_NOTES:
      return read_text (l, token, &c->notes);
    case C_RELATIONS:
      return read_array (l, token, read_relation_element, c);
    default:
      g_assert_not_reached ();
    }
}

static gboolean
read_claim (Loader      *l,
            guint        position,
            BlJsonToken  token,
            gpointer     data)
{
  ClaimData *c = data;
  BlClaimRecord *r = &c->record;
  BlClaimStore *store = bl_project_get_claims (l->project);
  guint before = l->n_problems;
  guint line = bl_json_reader_get_line (l->json);
  guint64 seen;

  if ((position & 1023) == 0)
    {
      if (check_cancelled (l))
        return FALSE;
      if (l->progress && l->len > 0)
        l->progress ((double) bl_json_reader_get_offset (l->json) / l->len, l->progress_data);
    }

  l->claims_seen++;
  claim_data_clear (c);
  bl_claim_record_init (r);
  c->location.precision = BL_PRECISION_UNKNOWN;
  c->location.has_lat = c->location.has_lon = FALSE;

  if (!read_object (l, token, claim_members, read_claim_member, c, &seen))
    return FALSE;

  if (l->n_problems != before)
    return TRUE;

  if (!(seen & (1 << C_ID)))
    {
      add_problem_at (l, BL_ERROR_INVALID, l->path->str, line, _("a claim needs an “id”"));
      return TRUE;
    }
  if (!(seen & (1 << C_STATEMENT)))
    {
      add_problem_at (l, BL_ERROR_INVALID, l->path->str, line, _("a claim needs a “statement”"));
      return TRUE;
    }

  r->id = c->id;
  r->statement = c->statement;
  r->quote = c->quote;
  r->notes = c->notes;
  r->tags = (const char * const *) c->tags;
  r->quantity = c->has_quantity ? &c->quantity : NULL;
  r->lat = c->location.has_lat ? c->location.lat : NAN;
  r->lon = c->location.has_lon ? c->location.lon : NAN;
  r->precision = c->location.precision;
  r->place = c->location.place;
  r->areas = (const char * const *) c->location.areas;
  r->polygon = (const double *) c->location.polygon->data;
  r->n_polygon = c->location.polygon->len / 2;
  r->relations = (const BlRelation *) c->relations->data;
  r->n_relations = c->relations->len;

  if (bl_claim_store_append (store, r) == BL_NO_INDEX)
    {
      g_autofree char *escaped = g_strescape (c->id, NULL);

      add_problem_at (l, BL_ERROR_DUPLICATE, l->path->str, line,
                      g_strdup_printf (_("the id “%s” is used by another claim"), escaped));
      return TRUE;
    }

  g_array_append_val (l->claim_positions, position);
  return TRUE;
}

/* Actors, sources, topics */

static const char * const actor_members[] = {
  "id", "name", "role", "affiliation", "kind", "reliability", NULL
};

static const char * const source_members[] = {
  "id", "name", "kind", "url", "published", "retrieved", "language",
  "reliability", "origin", NULL
};

static const char * const topic_members[] = {
  "id", "title", "unit", "description", NULL
};

typedef struct {
  char  *id;
  char  *text[9];
  guint  kind;
  guint  reliability;
} EntityData;

static void
entity_data_clear (EntityData *e)
{
  g_free (e->id);
  for (guint i = 0; i < G_N_ELEMENTS (e->text); i++)
    g_free (e->text[i]);
}

static gboolean
read_actor_member (Loader      *l,
                   guint        member,
                   BlJsonToken  token,
                   gpointer     data)
{
  EntityData *e = data;

  switch (member)
    {
    case 0:
      return read_id (l, token, &e->id);
    case 4:
      return read_term (l, token, bl_actor_kind_from_guint, _("kind of actor"), &e->kind);
    case 5:
      return read_reliability (l, token, &e->reliability);
    default:
      return read_text (l, token, &e->text[member]);
    }
}

static gboolean
read_source_member (Loader      *l,
                    guint        member,
                    BlJsonToken  token,
                    gpointer     data)
{
  EntityData *e = data;

  switch (member)
    {
    case 0:
      return read_id (l, token, &e->id);
    case 2:
      return read_term (l, token, bl_source_kind_from_guint, _("kind of source"), &e->kind);
    case 3:
      return read_url (l, token, &e->text[member]);
    case 4:
    case 5:
      return read_date_text (l, token, &e->text[member]);
    case 7:
      return read_reliability (l, token, &e->reliability);
    case 8:
      return read_id (l, token, &e->text[member]);
    default:
      return read_text (l, token, &e->text[member]);
    }
}

static gboolean
read_topic_member (Loader      *l,
                   guint        member,
                   BlJsonToken  token,
                   gpointer     data)
{
  EntityData *e = data;

  if (member == 0)
    return read_id (l, token, &e->id);
  return read_text (l, token, &e->text[member]);
}

static void
check_required (Loader     *l,
                guint64     seen,
                guint       line,
                const char *message_id_missing,
                const char *message_name_missing)
{
  if (!(seen & 1))
    add_problem_at (l, BL_ERROR_INVALID, l->path->str, line, message_id_missing);
  else if (!(seen & 2))
    add_problem_at (l, BL_ERROR_INVALID, l->path->str, line, message_name_missing);
}

static void
duplicate_id (Loader     *l,
              guint       line,
              const char *id)
{
  g_autofree char *escaped = g_strescape (id, NULL);
  g_autofree char *message = g_strdup_printf (_("the id “%s” is used twice"), escaped);

  add_problem_at (l, BL_ERROR_DUPLICATE, l->path->str, line, message);
}

static gboolean
read_actor (Loader      *l,
            guint        position,
            BlJsonToken  token,
            gpointer     data)
{
  EntityData e = { NULL };
  guint before = l->n_problems;
  guint line = bl_json_reader_get_line (l->json);
  guint64 seen;
  gboolean ok;

  ok = read_object (l, token, actor_members, read_actor_member, &e, &seen);
  if (ok && l->n_problems == before)
    check_required (l, seen, line, _("an actor needs an “id”"), _("an actor needs a “name”"));

  if (ok && l->n_problems == before)
    {
      g_autoptr(BlActor) actor = bl_actor_new (e.id, e.text[1]);

      bl_actor_set_role (actor, e.text[2]);
      bl_actor_set_affiliation (actor, e.text[3]);
      bl_actor_set_kind (actor, e.kind);
      bl_actor_set_reliability (actor, e.reliability);
      if (bl_project_add_actor (l->project, actor) == BL_NO_INDEX)
        duplicate_id (l, line, e.id);
    }

  entity_data_clear (&e);
  return ok;
}

static gboolean
read_source (Loader      *l,
             guint        position,
             BlJsonToken  token,
             gpointer     data)
{
  EntityData e = { NULL };
  guint before = l->n_problems;
  guint line = bl_json_reader_get_line (l->json);
  guint64 seen;
  gboolean ok;

  ok = read_object (l, token, source_members, read_source_member, &e, &seen);
  if (ok && l->n_problems == before)
    check_required (l, seen, line, _("a source needs an “id”"), _("a source needs a “name”"));

  if (ok && l->n_problems == before)
    {
      g_autoptr(BlSource) source = bl_source_new (e.id);

      bl_source_set_name (source, e.text[1]);
      bl_source_set_kind (source, e.kind);
      bl_source_set_url (source, e.text[3]);
      bl_source_set_published (source, e.text[4]);
      bl_source_set_retrieved (source, e.text[5]);
      bl_source_set_language (source, e.text[6]);
      bl_source_set_reliability (source, e.reliability);
      bl_source_set_origin (source, e.text[8]);
      if (bl_project_add_source (l->project, source) == BL_NO_INDEX)
        duplicate_id (l, line, e.id);
      else
        g_ptr_array_add (l->source_origins,
                         e.text[8] ? g_strdup_printf ("%s.origin", l->path->str) : NULL);
    }

  entity_data_clear (&e);
  return ok;
}

static gboolean
read_topic (Loader      *l,
            guint        position,
            BlJsonToken  token,
            gpointer     data)
{
  EntityData e = { NULL };
  guint before = l->n_problems;
  guint line = bl_json_reader_get_line (l->json);
  guint64 seen;
  gboolean ok;

  ok = read_object (l, token, topic_members, read_topic_member, &e, &seen);
  if (ok && l->n_problems == before)
    check_required (l, seen, line, _("a topic needs an “id”"), _("a topic needs a “title”"));

  if (ok && l->n_problems == before)
    {
      g_autoptr(BlTopic) topic = bl_topic_new (e.id);

      bl_topic_set_title (topic, e.text[1]);
      bl_topic_set_unit (topic, e.text[2]);
      bl_topic_set_description (topic, e.text[3]);
      if (bl_project_add_topic (l->project, topic) == BL_NO_INDEX)
        duplicate_id (l, line, e.id);
    }

  entity_data_clear (&e);
  return ok;
}

/* Annotations and views */

static const char * const annotation_members[] = {
  "id", "kind", "text", "points", "color", "size", NULL
};

static const char * const annotation_kinds[BL_N_ANNOTATION_KINDS] = {
  "text", "arrow", "circle", "area"
};

static gboolean
annotation_kind_from_guint (const char *text,
                            guint      *out)
{
  for (guint i = 0; i < BL_N_ANNOTATION_KINDS; i++)
    if (strcmp (annotation_kinds[i], text) == 0)
      {
        *out = i;
        return TRUE;
      }
  return FALSE;
}

typedef struct {
  BlAnnotation *a;
  GArray       *points;
  guint         kind;
  gboolean      has_size;
} AnnotationData;

static gboolean
is_color (const char *text)
{
  if (strlen (text) != 7 || text[0] != '#')
    return FALSE;
  for (guint i = 1; i < 7; i++)
    if (!g_ascii_isxdigit (text[i]))
      return FALSE;
  return TRUE;
}

static gboolean
read_annotation_member (Loader      *l,
                        guint        member,
                        BlJsonToken  token,
                        gpointer     data)
{
  AnnotationData *d = data;

  switch (member)
    {
    case 0:
      return read_id (l, token, &d->a->id);
    case 1:
      return read_term (l, token, annotation_kind_from_guint, _("kind of annotation"), &d->kind);
    case 2:
      return read_text (l, token, &d->a->text);
    case 3:
      return read_positions (l, token, d->points);
    case 4:
      {
        g_autofree char *text = NULL;

        if (!read_text (l, token, &text))
          return FALSE;
        if (text != NULL && !is_color (text))
          problem (l, BL_ERROR_INVALID, _("a colour is written “#rrggbb”"));
        else
          d->a->color = g_steal_pointer (&text);
        return TRUE;
      }
    case 5:
      {
        gboolean ok;

        if (!read_number (l, token, &d->a->size, &ok))
          return FALSE;
        if (ok && (d->a->size <= 0 || d->a->size > 500))
          problem (l, BL_ERROR_INVALID, _("a size is from 0 to 500 points"));
        return TRUE;
      }
    default:
      g_assert_not_reached ();
    }
}

static gboolean
read_annotation (Loader      *l,
                 guint        position,
                 BlJsonToken  token,
                 gpointer     data)
{
  static const guint min_points[BL_N_ANNOTATION_KINDS] = { 1, 2, 2, 3 };
  static const guint max_points[BL_N_ANNOTATION_KINDS] = { 1, 2, 2, 100000 };
  AnnotationData d = { g_new0 (BlAnnotation, 1), g_array_new (FALSE, FALSE, sizeof (double)),
                       BL_N_ANNOTATION_KINDS, FALSE };
  guint before = l->n_problems;
  guint line = bl_json_reader_get_line (l->json);
  guint64 seen;
  gboolean ok;

  ok = read_object (l, token, annotation_members, read_annotation_member, &d, &seen);
  if (ok && l->n_problems == before)
    {
      guint n = d.points->len / 2;

      if ((seen & 3) != 3)
        add_problem_at (l, BL_ERROR_INVALID, l->path->str, line, _("an annotation needs an “id” and a “kind”"));
      else if (n < min_points[d.kind] || n > max_points[d.kind])
        add_problem_at (l, BL_ERROR_INVALID, l->path->str, line,
                        _("wrong number of points for this kind of annotation"));
    }

  if (ok && l->n_problems == before)
    {
      d.a->kind = d.kind;
      d.a->n_points = d.points->len / 2;
      d.a->points = (double *) g_array_free (g_steal_pointer (&d.points), FALSE);
      g_ptr_array_add (bl_project_get_annotations (l->project), g_steal_pointer (&d.a));
    }

  bl_annotation_free (d.a);
  if (d.points)
    g_array_unref (d.points);
  return ok;
}

static const char * const view_members[] = {
  "name", "bbox", "from", "to", "clock", "topic", "text", NULL
};

static const char * const clock_names[BL_N_CLOCKS] = { "said", "about" };

static gboolean
clock_from_guint (const char *text,
                  guint      *out)
{
  for (guint i = 0; i < BL_N_CLOCKS; i++)
    if (strcmp (clock_names[i], text) == 0)
      {
        *out = i;
        return TRUE;
      }
  return FALSE;
}

typedef struct {
  BlView *v;
  GArray *bbox;
  guint   clock;
} ViewData;

static gboolean
read_bbox_element (Loader      *l,
                   guint        position,
                   BlJsonToken  token,
                   gpointer     data)
{
  GArray *bbox = data;
  double value;
  gboolean ok;

  if (!read_number (l, token, &value, &ok))
    return FALSE;
  if (ok)
    g_array_append_val (bbox, value);
  return TRUE;
}

static gboolean
read_view_member (Loader      *l,
                  guint        member,
                  BlJsonToken  token,
                  gpointer     data)
{
  ViewData *d = data;

  switch (member)
    {
    case 0:
      return read_text (l, token, &d->v->name);
    case 1:
      {
        guint before = l->n_problems;
        double *b;

        if (!read_array (l, token, read_bbox_element, d->bbox))
          return FALSE;
        if (l->n_problems != before)
          return TRUE;

        b = (double *) d->bbox->data;
        if (d->bbox->len != 4)
          problem (l, BL_ERROR_INVALID, _("a bounding box is [west, south, east, north]"));
        else if (b[0] < -180 || b[2] > 180 || b[0] >= b[2])
          problem (l, BL_ERROR_INVALID, _("west must be less than east, both within -180..180"));
        else if (b[1] < -90 || b[3] > 90 || b[1] >= b[3])
          problem (l, BL_ERROR_INVALID, _("south must be less than north, both within -90..90"));
        else
          {
            d->v->west = b[0];
            d->v->south = b[1];
            d->v->east = b[2];
            d->v->north = b[3];
          }
        return TRUE;
      }
    case 2:
      return read_date (l, token, &d->v->from);
    case 3:
      return read_date (l, token, &d->v->to);
    case 4:
      return read_term (l, token, clock_from_guint, _("clock (“said” or “about”)"), &d->clock);
    case 5:
      return read_id (l, token, &d->v->topic);
    case 6:
      return read_text (l, token, &d->v->text);
    default:
      g_assert_not_reached ();
    }
}

static gboolean
read_view (Loader      *l,
           guint        position,
           BlJsonToken  token,
           gpointer     data)
{
  ViewData d = { g_new0 (BlView, 1), g_array_new (FALSE, FALSE, sizeof (double)), BL_CLOCK_SAID };
  guint before = l->n_problems;
  guint line = bl_json_reader_get_line (l->json);
  guint64 seen;
  gboolean ok;

  d.v->west = d.v->south = d.v->east = d.v->north = NAN;
  bl_date_init_unknown (&d.v->from);
  bl_date_init_unknown (&d.v->to);

  ok = read_object (l, token, view_members, read_view_member, &d, &seen);
  if (ok && l->n_problems == before && !(seen & 1))
    add_problem_at (l, BL_ERROR_INVALID, l->path->str, line, _("a view needs a “name”"));

  if (ok && l->n_problems == before)
    {
      d.v->clock = d.clock;
      g_ptr_array_add (bl_project_get_views (l->project), g_steal_pointer (&d.v));
    }

  bl_view_free (d.v);
  g_array_unref (d.bbox);
  return ok;
}

/* The document */

static const char * const project_members[] = {
  "format", "version", "title", "description", "actors", "sources", "topics",
  "claims", "annotations", "views", NULL
};

enum {
  P_FORMAT, P_VERSION, P_TITLE, P_DESCRIPTION, P_ACTORS, P_SOURCES, P_TOPICS,
  P_CLAIMS, P_ANNOTATIONS, P_VIEWS
};

static gboolean
read_project_member (Loader      *l,
                     guint        member,
                     BlJsonToken  token,
                     gpointer     data)
{
  switch (member)
    {
    case P_FORMAT:
      l->saw_format = TRUE;
      if (token == BL_JSON_TOKEN_STRING)
        l->format_ok = strcmp (bl_json_reader_get_string (l->json, NULL), "borderline") == 0;
      return skip_value (l, token);
    case P_VERSION:
      l->saw_version = TRUE;
      if (token != BL_JSON_TOKEN_NUMBER || !bl_json_reader_get_int64 (l->json, &l->version))
        l->version = -1;
      return skip_value (l, token);
    case P_TITLE:
      {
        g_autofree char *text = NULL;

        if (!read_text (l, token, &text))
          return FALSE;
        bl_project_set_title (l->project, text);
        return TRUE;
      }
    case P_DESCRIPTION:
      {
        g_autofree char *text = NULL;

        if (!read_text (l, token, &text))
          return FALSE;
        bl_project_set_description (l->project, text);
        return TRUE;
      }
    case P_ACTORS:
      return read_array (l, token, read_actor, NULL);
    case P_SOURCES:
      return read_array (l, token, read_source, NULL);
    case P_TOPICS:
      return read_array (l, token, read_topic, NULL);
    case P_CLAIMS:
      {
        ClaimData c = { 0 };
        gboolean ok;

        c.location.polygon = g_array_new (FALSE, FALSE, sizeof (double));
        c.relations = g_array_new (FALSE, FALSE, sizeof (BlRelation));
        ok = read_array (l, token, read_claim, &c);
        claim_data_clear (&c);
        g_array_unref (c.location.polygon);
        g_array_unref (c.relations);
        return ok;
      }
    case P_ANNOTATIONS:
      return read_array (l, token, read_annotation, NULL);
    case P_VIEWS:
      return read_array (l, token, read_view, NULL);
    default:
      g_assert_not_reached ();
    }
}

/* After reading: references */

static void
resolve_pending (Loader *l)
{
  BlClaimStore *store = bl_project_get_claims (l->project);
  g_autofree guint32 *maps[N_REFS] = { NULL };
  gboolean any = FALSE;

  for (guint k = 0; k < N_REFS; k++)
    {
      PendingRefs *refs = &l->refs[k];
      static const char * const what[N_REFS] = { N_("actor"), N_("source"), N_("topic") };

      if (refs->ids->len == 0)
        continue;

      any = TRUE;
      maps[k] = g_new (guint32, refs->ids->len);
      for (guint slot = 0; slot < refs->ids->len; slot++)
        {
          const char *id = g_ptr_array_index (refs->ids, slot);
          guint index;

          index = k == REF_ACTOR ? bl_project_find_actor (l->project, id)
                : k == REF_SOURCE ? bl_project_find_source (l->project, id)
                : bl_project_find_topic (l->project, id);
          maps[k][slot] = index;

          if (index == BL_NO_INDEX)
            {
              g_autofree char *escaped = g_strescape (id, NULL);
              g_autofree char *message = g_strdup_printf (_("there is no %s with the id “%s”"),
                                                          _(what[k]), escaped);

              add_problem_at (l, BL_ERROR_REFERENCE, g_ptr_array_index (refs->paths, slot), 0, message);
            }
        }
    }

  if (any && l->n_problems == 0)
    bl_claim_store_remap_references (store, PENDING, maps[REF_ACTOR], maps[REF_SOURCE], maps[REF_TOPIC]);
}

static void
check_relations (Loader *l)
{
  BlClaimStore *store = bl_project_get_claims (l->project);
  guint n = bl_claim_store_get_n_claims (store);

  for (guint i = 0; i < n; i++)
    {
      BlClaimRecord record;

      bl_claim_store_get_record (store, i, &record);
      for (guint j = 0; j < record.n_relations; j++)
        {
          if (bl_claim_store_lookup (store, record.relations[j].claim_id) == BL_NO_INDEX)
            {
              g_autofree char *path = g_strdup_printf ("$.claims[%u].relations[%u].claim",
                                                       g_array_index (l->claim_positions, guint, i), j);
              g_autofree char *escaped = g_strescape (record.relations[j].claim_id, NULL);
              g_autofree char *message = g_strdup_printf (_("there is no claim with the id “%s”"), escaped);

              add_problem_at (l, BL_ERROR_REFERENCE, path, 0, message);
            }
        }
    }
}

static void
check_origins (Loader *l)
{
  GListModel *sources = bl_project_get_sources (l->project);

  for (guint i = 0; i < l->source_origins->len; i++)
    {
      const char *path = g_ptr_array_index (l->source_origins, i);
      BlSource *source;
      const char *origin;

      if (path == NULL)
        continue;

      source = bl_project_get_source (l->project, i);
      origin = bl_source_get_origin (source);
      if (strcmp (origin, bl_source_get_id (source)) == 0)
        add_problem_at (l, BL_ERROR_INVALID, path, 0, _("a source cannot be its own origin"));
      else if (bl_project_find_source (l->project, origin) == BL_NO_INDEX)
        {
          g_autofree char *escaped = g_strescape (origin, NULL);
          g_autofree char *message = g_strdup_printf (_("there is no source with the id “%s”"), escaped);

          add_problem_at (l, BL_ERROR_REFERENCE, path, 0, message);
        }
    }

  (void) sources;
}

static void
loader_init (Loader *l)
{
  l->project = bl_project_new ();
  l->path = g_string_new ("$");
  l->path_marks = g_array_new (FALSE, FALSE, sizeof (guint));
  l->problems = g_ptr_array_new_with_free_func (g_free);
  l->claim_positions = g_array_new (FALSE, FALSE, sizeof (guint));
  l->source_origins = g_ptr_array_new_with_free_func (g_free);
  for (guint k = 0; k < N_REFS; k++)
    {
      l->refs[k].slots = g_hash_table_new (g_str_hash, g_str_equal);
      l->refs[k].ids = g_ptr_array_new_with_free_func (g_free);
      l->refs[k].paths = g_ptr_array_new_with_free_func (g_free);
    }
}

static void
loader_clear (Loader *l)
{
  g_clear_object (&l->project);
  g_string_free (l->path, TRUE);
  g_array_unref (l->path_marks);
  g_ptr_array_unref (l->problems);
  g_array_unref (l->claim_positions);
  g_ptr_array_unref (l->source_origins);
  g_clear_error (&l->fatal);
  for (guint k = 0; k < N_REFS; k++)
    {
      g_hash_table_unref (l->refs[k].slots);
      g_ptr_array_unref (l->refs[k].ids);
      g_ptr_array_unref (l->refs[k].paths);
    }
  g_clear_pointer (&l->json, bl_json_reader_free);
}

/* Joins the problems into one error: the first names the code. */
static void
report_problems (Loader  *l,
                 GError **error)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < l->problems->len; i++)
    {
      if (i > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, g_ptr_array_index (l->problems, i));
    }

  if (l->n_problems > l->problems->len)
    {
      g_string_append_c (text, '\n');
      g_string_append_printf (text,
                              g_dngettext (GETTEXT_PACKAGE, "%s: and %u more problem",
                                           "%s: and %u more problems",
                                           l->n_problems - l->problems->len),
                              l->name, l->n_problems - l->problems->len);
    }

  g_set_error_literal (error, BL_ERROR, l->first_code, text->str);
}

/**
 * bl_project_load_from_data:
 * @data: the file's bytes
 * @len: their length
 * @display_name: how to name the file in messages
 * @cancellable: (nullable): a #GCancellable
 * @progress: (nullable): called now and then with the part read
 * @progress_data: data for @progress
 * @error: a #GError in %BL_ERROR (or %G_IO_ERROR_CANCELLED)
 *
 * Reads a project from the contents of a .borderline file, validating
 * every value. Safe for any bytes whatever.
 *
 * Returns: (transfer full): the project, or %NULL with @error set
 */
BlProject *
bl_project_load_from_data (const char      *data,
                           gsize            len,
                           const char      *display_name,
                           GCancellable    *cancellable,
                           BlProgressFunc   progress,
                           gpointer         progress_data,
                           GError         **error)
{
  Loader l = { NULL };
  BlJsonToken token;
  BlProject *project = NULL;

  g_return_val_if_fail (data != NULL || len == 0, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (len > BL_PROJECT_MAX_FILE_SIZE)
    {
      g_set_error (error, BL_ERROR, BL_ERROR_TOO_LARGE,
                   _("%s: the file is larger than Borderline reads (2 GiB)"), display_name);
      return NULL;
    }

  loader_init (&l);
  l.name = display_name;
  l.len = len;
  l.cancellable = cancellable;
  l.progress = progress;
  l.progress_data = progress_data;
  l.json = bl_json_reader_new (data ? data : "", len, display_name);
  bl_json_reader_set_max_depth (l.json, 64);

  token = next (&l);
  if (token == BL_JSON_TOKEN_BEGIN_OBJECT)
    {
      if (read_object (&l, token, project_members, read_project_member, NULL, NULL))
        next (&l);  /* must be the end of the document */
    }
  else if (skip_value (&l, token))
    {
      next (&l);
      l.saw_format = FALSE;
    }

  if (l.fatal != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&l.fatal));
      goto out;
    }

  if (!l.saw_format || !l.format_ok)
    {
      g_set_error (error, BL_ERROR, BL_ERROR_NOT_PROJECT,
                   _("%s: not a Borderline project: a project is a JSON object with "
                     "\"format\": \"borderline\" and a \"version\""), display_name);
      goto out;
    }

  if (!l.saw_version || l.version != BL_PROJECT_FORMAT_VERSION)
    {
      if (!l.saw_version)
        g_set_error (error, BL_ERROR, BL_ERROR_VERSION,
                     _("%s: the project has no \"version\""), display_name);
      else
        g_set_error (error, BL_ERROR, BL_ERROR_VERSION,
                     _("%s: this project is in format version %" G_GINT64_FORMAT
                       "; this Borderline reads version %d (a newer Borderline may read it)"),
                     display_name, l.version, BL_PROJECT_FORMAT_VERSION);
      goto out;
    }

  resolve_pending (&l);
  check_origins (&l);
  check_relations (&l);

  if (l.n_problems > 0)
    {
      report_problems (&l, error);
      goto out;
    }

  if (progress)
    progress (1.0, progress_data);

  project = g_steal_pointer (&l.project);

out:
  loader_clear (&l);
  return project;
}
