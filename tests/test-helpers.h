/* test-helpers.h — what many tests need, with or without a display
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "bl-basemap-data.h"
#include "bl-format.h"

G_BEGIN_DECLS

/* The sample project that ships with Borderline */
#define BL_TEST_SAMPLE BL_SOURCE_DIR "/data/samples/csto-isis-k-2023.borderline"

char     *bl_test_basemap_path         (void);
BlBasemapData *bl_test_load_basemap    (void);
void      bl_test_remove_tree          (const char      *path);
void      bl_test_run_until            (const gboolean  *done,
                                        guint            seconds,
                                        const char      *what);
void      bl_test_drain                (guint            ms);
gboolean  bl_test_report_has           (BlImportReport  *report,
                                        const char      *text);
void      bl_test_assert_says          (const char      *file,
                                        int              line,
                                        const char      *func,
                                        const char      *text,
                                        ...) G_GNUC_NULL_TERMINATED;

/**
 * bl_test_assert_has:
 * @text: (nullable): what is searched
 * @...: the strings @text must contain
 *
 * Fails the test, at the caller's line, naming the first string that
 * @text does not contain.
 */
#define bl_test_assert_has(text, ...) \
  bl_test_assert_says (__FILE__, __LINE__, G_STRFUNC, (text), __VA_ARGS__, NULL)

void      bl_test_assert_error_says    (const GError    *error,
                                        GQuark           domain,
                                        int              code,
                                        const char      *in_message);

G_END_DECLS
