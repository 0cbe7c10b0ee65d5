/* bl-error.h — Borderline's error domain
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define BL_ERROR (bl_error_quark ())

/**
 * BlError:
 * @BL_ERROR_SYNTAX: the input is not well-formed (JSON, CSV, date text…)
 * @BL_ERROR_INVALID: well-formed, but a value is out of range or inconsistent
 * @BL_ERROR_NOT_PROJECT: well-formed JSON that is not a Borderline project
 * @BL_ERROR_VERSION: a project format version this build cannot read
 * @BL_ERROR_TOO_LARGE: a size, depth or count limit was exceeded
 * @BL_ERROR_ENCODING: the input is not valid UTF-8 (or has lone surrogates)
 * @BL_ERROR_DUPLICATE: an id is used twice
 * @BL_ERROR_REFERENCE: an id refers to nothing
 * @BL_ERROR_UNSUPPORTED: a feature or format this build does not handle
 *
 * Codes of the %BL_ERROR domain. Tests check these codes; messages are for
 * people and say where (file, line, field).
 */
typedef enum {
  BL_ERROR_SYNTAX,
  BL_ERROR_INVALID,
  BL_ERROR_NOT_PROJECT,
  BL_ERROR_VERSION,
  BL_ERROR_TOO_LARGE,
  BL_ERROR_ENCODING,
  BL_ERROR_DUPLICATE,
  BL_ERROR_REFERENCE,
  BL_ERROR_UNSUPPORTED,
} BlError;

GQuark bl_error_quark (void);

G_END_DECLS
