/* bl-util.h — small helpers GLib 2.74 does not have yet
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <string.h>
#include <glib.h>

G_BEGIN_DECLS

/*
 * bl_set_str:
 * @str_pointer: a pointer to an owned string
 * @new_str: (nullable): the new value, copied
 *
 * Like g_set_str() of GLib 2.76: replaces the string when it differs.
 * Returns: %TRUE when the value changed
 */
static inline gboolean
bl_set_str (char       **str_pointer,
            const char  *new_str)
{
  char *copy;

  if (*str_pointer == new_str ||
      (*str_pointer && new_str && strcmp (*str_pointer, new_str) == 0))
    return FALSE;

  copy = g_strdup (new_str);
  g_free (*str_pointer);
  *str_pointer = copy;

  return TRUE;
}

G_END_DECLS
