/* bl-gazetteer-private.h — what the parts of the gazetteer share
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The gazetteer is split in two: bl-gazetteer.c (the index and the search)
 * and bl-gazetteer-keys.c (folding names and making their keys).
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The phonetic key's symbols for the kh sound and for any vowel. */
#define PHONETIC_KH 'X'
#define PHONETIC_VOWEL 'V'

void     bl_gazetteer_append_folded   (GString    *out,
                                       const char *text,
                                       gssize      len);
void     bl_gazetteer_append_phonetic (GString    *out,
                                       const char *folded,
                                       gsize       len);
void     bl_gazetteer_append_compact  (GString    *out,
                                       const char *folded,
                                       gsize       len);
gboolean bl_gazetteer_is_ascii        (const char *s,
                                       gsize       len);

G_END_DECLS
