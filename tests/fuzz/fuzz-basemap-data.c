/* fuzz-basemap-data.c — libFuzzer target: the basemap file reader (bl_basemap_data_new_from_bytes)
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The body is bl_fuzz_basemap_data() in fuzz-targets.h, shared with
 * tests/test-fuzz-regressions.c. Built and run by build-aux/fuzz.
 */
#include "config.h"

#include "fuzz-targets.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  return bl_fuzz_basemap_data (data, size);
}
