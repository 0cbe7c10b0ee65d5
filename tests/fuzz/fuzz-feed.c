/* fuzz-feed.c — libFuzzer target: what a feed's server answers (bl_feed_apply_response)
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The body is bl_fuzz_feed() in fuzz-targets.h, shared with
 * tests/test-fuzz-regressions.c. Built and run by build-aux/fuzz.
 */
#include "config.h"

#ifndef BL_FUZZ_FEED
#error "build-aux/fuzz builds this target only when bl-feed-apply.c is in the core"
#endif

#include "fuzz-targets.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  return bl_fuzz_feed (data, size);
}
