/* fuzz-import.c — libFuzzer target: importing GeoJSON, CSV and ACLED (bl_import_data)
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The body is bl_fuzz_import() in fuzz-targets.h, shared with
 * tests/test-fuzz-regressions.c. Built and run by build-aux/fuzz.
 */
#include "config.h"

#ifndef BL_FUZZ_IMPORT
#error "build-aux/fuzz builds this target only when bl-format.c (and the import sources) are in the core"
#endif

#include "fuzz-targets.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  return bl_fuzz_import (data, size);
}
