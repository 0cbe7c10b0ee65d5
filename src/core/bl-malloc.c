/* bl-malloc.c — how the process asks the C library to manage its heap
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * glibc serves a request above its mmap threshold (128 KiB at first)
 * with a mapping of its own, which goes back to the system when freed.
 * But the threshold is dynamic: the first time such a block is freed the
 * threshold rises to its size, up to 32 MiB. After that the big buffers
 * a frame makes and drops (the claim layer's 6.4 MB image at 1600 × 1000,
 * the texture uploaded from it, the clusters' arrays, an index's sort
 * scratch) come from the heap instead, and the heap's top cannot shrink
 * past the blocks still live above them. Measured with bench-claim-layer
 * at 1M claims on GL (llvmpipe), pans then leave 30–40 MB of free heap
 * that the process keeps. Setting the threshold fixes it where it
 * starts, which keeps every such buffer a mapping of its own.
 *
 * The application calls this first thing in main(); the benchmarks that
 * report memory call it too, so they measure what the application does.
 */
#include "config.h"

#include <stdlib.h>   /* defines __GLIBC__ */
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "bl-malloc.h"

#define MMAP_THRESHOLD (128 * 1024)

void
bl_malloc_configure (void)
{
#ifdef __GLIBC__
  /* a fixed value also stops the trim threshold from following it */
  if (mallopt (M_MMAP_THRESHOLD, MMAP_THRESHOLD) != 1)
    g_debug ("mallopt (M_MMAP_THRESHOLD) refused");
#endif
}
