/* fuzz-json-reader.c — libFuzzer target: the streaming JSON reader (bl-json-reader.c)
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The body is bl_fuzz_json_reader() in fuzz-targets.h, shared with
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
  return bl_fuzz_json_reader (data, size);
}
