/* bl-project-reader-values.c — reading and checking single values
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The project reader's building blocks: each function reads one value
 * whose first token has been pulled, checks its type and range, and on a
 * problem records it with the JSON path and line and skips the value, so
 * that reading goes on. They return %FALSE only when reading cannot go
 * on: a syntax error or cancellation, kept in the loader.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "bl-error.h"
#include "bl-project-loader-private.h"
#include "bl-vocab.h"

/* Paths */

void
bl_loader_path_push_member (Loader     *l,
                            const char *member)
{
  guint mark = l->path->len;

  g_array_append_val (l->path_marks, mark);
  g_string_append_c (l->path, '.');
  g_string_append (l->path, member);
}

void
bl_loader_path_push_index (Loader *l,
                           guint   position)
{
  guint mark = l->path->len;

  g_array_append_val (l->path_marks, mark);
  g_string_append_printf (l->path, "[%u]", position);
}

void
bl_loader_path_pop (Loader *l)
{
  guint mark;

  g_assert (l->path_marks->len > 0);
  mark = g_array_index (l->path_marks, guint, l->path_marks->len - 1);
  g_array_set_size (l->path_marks, l->path_marks->len - 1);
  g_string_truncate (l->path, mark);
}

/**
 * bl_loader_quote:
 * @text: text from the file, valid UTF-8
 *
 * Text to quote in a message: control characters escaped, other
 * characters as they are (a Persian or Russian name stays readable), cut
 * at 64 characters so a hostile file cannot make a message huge.
 *
 * Returns: (transfer full): the text to show
 */
char *
bl_loader_quote (const char *text)
{
  GString *out = g_string_new (NULL);
  guint n = 0;

  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p), n++)
    {
      gunichar c = g_utf8_get_char (p);

      if (n == 64)
        {
          g_string_append (out, "…");
          break;
        }

      if (c == '\n')
        g_string_append (out, "\\n");
      else if (c == '\t')
        g_string_append (out, "\\t");
      else if (c < 0x20 || c == 0x7f)
        g_string_append_printf (out, "\\x%02x", c);
      else
        g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

/* Problems */

void
bl_loader_add_problem_at (Loader     *l,
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

void
bl_loader_problem (Loader     *l,
                   BlError     code,
                   const char *format,
                   ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  bl_loader_add_problem_at (l, code, l->path->str, bl_json_reader_get_line (l->json), message);
}

/* Tokens */

BlJsonToken
bl_loader_next (Loader *l)
{
  BlJsonToken token = bl_json_reader_next (l->json, l->fatal ? NULL : &l->fatal);

  return token;
}

/* Skips the value whose first token is @token. */
gboolean
bl_loader_skip_value (Loader      *l,
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
gboolean
bl_loader_wrong_type (Loader      *l,
                      BlJsonToken  token,
                      const char  *expected)
{
  bl_loader_problem (l, BL_ERROR_INVALID, _("expected %s, found %s"), expected, describe_token (token));
  return bl_loader_skip_value (l, token);
}

gboolean
bl_loader_check_cancelled (Loader *l)
{
  if (l->fatal == NULL && g_cancellable_set_error_if_cancelled (l->cancellable, &l->fatal))
    return TRUE;
  return l->fatal != NULL;
}

/* Reads the members of an object, calling @func with the member's number
 * in @names for each. Unknown and repeated members are problems. */
gboolean
bl_loader_read_object (Loader             *l,
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
    return bl_loader_wrong_type (l, token, _("an object"));

  for (;;)
    {
      const char *key;
      BlJsonToken value;
      guint member;
      gboolean ok;

      token = bl_loader_next (l);
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
          g_autofree char *escaped = bl_loader_quote (key);

          bl_loader_problem (l, BL_ERROR_INVALID, _("unknown member “%s”"), escaped);
          if (!bl_loader_skip_value (l, bl_loader_next (l)))
            return FALSE;
          continue;
        }

      bl_loader_path_push_member (l, names[member]);

      if (seen & (G_GUINT64_CONSTANT (1) << member))
        {
          bl_loader_problem (l, BL_ERROR_DUPLICATE, _("member appears twice"));
          ok = bl_loader_skip_value (l, bl_loader_next (l));
        }
      else
        {
          seen |= G_GUINT64_CONSTANT (1) << member;
          value = bl_loader_next (l);
          ok = value != BL_JSON_TOKEN_ERROR && func (l, member, value, data);
        }

      bl_loader_path_pop (l);

      if (!ok)
        return FALSE;
    }

  if (seen_out)
    *seen_out = seen;
  return TRUE;
}

gboolean
bl_loader_read_array (Loader      *l,
                      BlJsonToken  token,
                      ElementFunc  func,
                      gpointer     data)
{
  if (token != BL_JSON_TOKEN_BEGIN_ARRAY)
    return bl_loader_wrong_type (l, token, _("an array"));

  for (guint position = 0; ; position++)
    {
      gboolean ok;

      token = bl_loader_next (l);
      if (token == BL_JSON_TOKEN_END_ARRAY)
        return TRUE;
      if (token == BL_JSON_TOKEN_ERROR)
        return FALSE;

      bl_loader_path_push_index (l, position);
      ok = func (l, position, token, data);
      bl_loader_path_pop (l);

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
gboolean
bl_loader_read_text (Loader      *l,
                     BlJsonToken  token,
                     char       **out)
{
  const char *text;
  gsize len;

  if (token != BL_JSON_TOKEN_STRING)
    return bl_loader_wrong_type (l, token, _("text"));

  text = bl_json_reader_get_string (l->json, &len);
  if (memchr (text, '\0', len) != NULL)
    bl_loader_problem (l, BL_ERROR_INVALID, _("text contains a NUL character"));
  else if (len > BL_PROJECT_MAX_TEXT)
    bl_loader_problem (l, BL_ERROR_TOO_LARGE, _("text is %zu bytes long; the limit is %d"),
                       (size_t) len, BL_PROJECT_MAX_TEXT);
  else
    {
      g_free (*out);
      *out = g_strndup (text, len);
    }

  return TRUE;
}

/* Ids and codes: short, printable, no spaces at either end. */
gboolean
bl_loader_read_id (Loader      *l,
                   BlJsonToken  token,
                   char       **out)
{
  g_autofree char *text = NULL;

  if (!bl_loader_read_text (l, token, &text))
    return FALSE;
  if (text == NULL)
    return TRUE;

  if (text[0] == '\0')
    bl_loader_problem (l, BL_ERROR_INVALID, _("an id cannot be empty"));
  else if (strlen (text) > 256)
    bl_loader_problem (l, BL_ERROR_INVALID, _("an id cannot be longer than 256 bytes"));
  else if (!is_control_free (text) || strpbrk (text, "\n\t") != NULL ||
           g_ascii_isspace (text[0]) || g_ascii_isspace (text[strlen (text) - 1]))
    bl_loader_problem (l, BL_ERROR_INVALID, _("an id cannot hold control characters or start or end with a space"));
  else
    {
      g_free (*out);
      *out = g_steal_pointer (&text);
    }

  return TRUE;
}

gboolean
bl_loader_read_number (Loader      *l,
                       BlJsonToken  token,
                       double      *out,
                       gboolean    *ok)
{
  double value;

  *ok = FALSE;

  if (token != BL_JSON_TOKEN_NUMBER)
    return bl_loader_wrong_type (l, token, _("a number"));

  value = bl_json_reader_get_double (l->json);
  if (!isfinite (value))
    {
      bl_loader_problem (l, BL_ERROR_INVALID, _("the number %s is too large"),
                         bl_json_reader_get_number_text (l->json, NULL));
      return TRUE;
    }

  *out = value;
  *ok = TRUE;
  return TRUE;
}

gboolean
bl_loader_read_integer (Loader      *l,
                        BlJsonToken  token,
                        gint64       min,
                        gint64       max,
                        gint64      *out,
                        gboolean    *ok)
{
  gint64 value;

  *ok = FALSE;

  if (token != BL_JSON_TOKEN_NUMBER)
    return bl_loader_wrong_type (l, token, _("a whole number"));

  if (!bl_json_reader_get_int64 (l->json, &value) || value < min || value > max)
    {
      bl_loader_problem (l, BL_ERROR_INVALID, _("%s is not a whole number from %lld to %lld"),
                         bl_json_reader_get_number_text (l->json, NULL), (long long) min, (long long) max);
      return TRUE;
    }

  *out = value;
  *ok = TRUE;
  return TRUE;
}

gboolean
bl_loader_read_date (Loader      *l,
                     BlJsonToken  token,
                     BlDate      *out)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  if (!bl_loader_read_text (l, token, &text))
    return FALSE;
  if (text != NULL && !bl_date_parse (text, out, &error))
    bl_loader_problem (l, BL_ERROR_INVALID, "%s", error->message);

  return TRUE;
}

gboolean
bl_loader_read_date_text (Loader      *l,
                          BlJsonToken  token,
                          char       **out)
{
  BlDate date;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  if (!bl_loader_read_text (l, token, &text))
    return FALSE;
  if (text == NULL)
    return TRUE;

  if (!bl_date_parse (text, &date, &error))
    bl_loader_problem (l, BL_ERROR_INVALID, "%s", error->message);
  else
    {
      /* kept in canonical form, and unknown as no date at all */
      g_free (*out);
      *out = bl_date_is_unknown (&date) ? NULL : bl_date_to_string (&date);
    }

  return TRUE;
}

gboolean
bl_loader_read_url (Loader      *l,
                    BlJsonToken  token,
                    char       **out)
{
  g_autofree char *text = NULL;
  g_autoptr(GUri) uri = NULL;
  const char *scheme;

  if (!bl_loader_read_text (l, token, &text))
    return FALSE;
  if (text == NULL)
    return TRUE;

  uri = g_uri_parse (text, G_URI_FLAGS_NONE, NULL);
  scheme = uri ? g_uri_get_scheme (uri) : NULL;
  if (uri != NULL && g_ascii_strcasecmp (scheme, "http") != 0 && g_ascii_strcasecmp (scheme, "https") != 0)
    {
      g_autofree char *escaped = bl_loader_quote (scheme);

      bl_loader_problem (l, BL_ERROR_INVALID, _("only http and https addresses are allowed, not “%s:”"), escaped);
    }
  else if (uri == NULL || g_uri_get_host (uri) == NULL || g_uri_get_host (uri)[0] == '\0' ||
           strpbrk (text, " \t\n\r") != NULL || !is_control_free (text))
    bl_loader_problem (l, BL_ERROR_INVALID, _("not a valid web address"));
  else
    {
      g_free (*out);
      *out = g_steal_pointer (&text);
    }

  return TRUE;
}

/* Reads a string naming one term of a vocabulary. */
gboolean
bl_loader_read_term (Loader       *l,
                     BlJsonToken   token,
                     gboolean    (*from_string) (const char *, guint *),
                     const char   *what,
                     guint        *out)
{
  g_autofree char *text = NULL;

  if (!bl_loader_read_text (l, token, &text))
    return FALSE;
  if (text != NULL && !from_string (text, out))
    {
      g_autofree char *escaped = bl_loader_quote (text);

      bl_loader_problem (l, BL_ERROR_INVALID, _("“%s” is not a known %s"), escaped, what);
    }

  return TRUE;
}

#define TERM_READER(Type, prefix)                                        \
  gboolean                                                               \
  bl_loader_##prefix##_from_guint (const char *text, guint *out)         \
  {                                                                      \
    Type value;                                                          \
    if (!bl_##prefix##_from_string (text, &value))                       \
      return FALSE;                                                      \
    *out = value;                                                        \
    return TRUE;                                                         \
  }

TERM_READER (BlStance, stance)
TERM_READER (BlActorKind, actor_kind)
TERM_READER (BlSourceKind, source_kind)
TERM_READER (BlRelationKind, relation_kind)
TERM_READER (BlPrecision, precision)

gboolean
bl_loader_read_reliability (Loader      *l,
                            BlJsonToken  token,
                            guint       *out)
{
  return bl_loader_read_term (l, token, bl_reliability_from_string, _("reliability grade (A to F)"), out);
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

  if (!bl_loader_read_text (l, token, &text))
    return FALSE;
  if (text == NULL)
    return TRUE;

  if (text[0] == '\0')
    bl_loader_problem (l, BL_ERROR_INVALID, _("cannot be empty"));
  else if (d->codes && !is_area_code (text))
    {
      g_autofree char *escaped = bl_loader_quote (text);

      bl_loader_problem (l, BL_ERROR_INVALID,
                         _("“%s” is not an area code (ISO 3166-1 such as “AF”, or ISO 3166-2 such as “AF-KDZ”)"),
                         escaped);
    }
  else
    g_ptr_array_add (d->items, g_steal_pointer (&text));

  return TRUE;
}

gboolean
bl_loader_read_strings (Loader      *l,
                        BlJsonToken  token,
                        gboolean     codes,
                        char      ***out)
{
  StringsData d = { g_ptr_array_new_with_free_func (g_free), codes };

  if (!bl_loader_read_array (l, token, read_strings_element, &d))
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
    return bl_loader_wrong_type (l, token, _("a position [longitude, latitude]"));

  for (;;)
    {
      gboolean ok;
      double value = 0;

      token = bl_loader_next (l);
      if (token == BL_JSON_TOKEN_END_ARRAY)
        break;
      if (token == BL_JSON_TOKEN_ERROR)
        return FALSE;
      if (!bl_loader_read_number (l, token, &value, &ok))
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
    bl_loader_problem (l, BL_ERROR_INVALID, _("a position is [longitude, latitude]: two numbers, not %u"), n);
  else if (values[0] < -180 || values[0] > 180)
    bl_loader_problem (l, BL_ERROR_INVALID, _("longitude %g is outside -180..180"), values[0]);
  else if (values[1] < -90 || values[1] > 90)
    bl_loader_problem (l, BL_ERROR_INVALID, _("latitude %g is outside -90..90"), values[1]);
  else
    g_array_append_vals (d->coords, values, 2);

  return TRUE;
}

gboolean
bl_loader_read_positions (Loader      *l,
                          BlJsonToken  token,
                          GArray      *coords)
{
  PositionsData d = { coords };

  return bl_loader_read_array (l, token, read_position_element, &d);
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

gboolean
bl_loader_read_ref (Loader      *l,
                    BlJsonToken  token,
                    RefKind      kind,
                    guint32     *out)
{
  g_autofree char *id = NULL;

  if (!bl_loader_read_id (l, token, &id))
    return FALSE;
  if (id != NULL)
    *out = resolve_ref (l, kind, id);

  return TRUE;
}
