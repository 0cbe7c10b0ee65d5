#!/bin/sh
# test-potfiles.sh — every file with translatable strings is in po/POTFILES.in
#
# Copyright 2026 The Borderline developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# A file that marks strings for translation (_(), N_(), C_(), NC_(),
# ngettext, translatable="yes") but is missing from po/POTFILES.in would
# never be translated; a file listed there that no longer exists breaks
# xgettext. Both fail this test.

set -u
SRC=$1
cd "$SRC" || exit 1

n=0
failed=0

listed=$(grep -v '^#' po/POTFILES.in | sed '/^$/d' | sort -u)

marked=$(grep -rlE '(^|[^A-Za-z0-9_])(_|N_|C_|NC_|g_dngettext|ngettext)\(|translatable="yes"' \
           --include='*.c' --include='*.ui' --include='*.in' --include='*.xml' src data 2>/dev/null |
         grep -v '^data/basemap/' | sort -u)

for f in $marked; do
  n=$((n + 1))
  if printf '%s\n' "$listed" | grep -qx "$f"; then
    echo "ok $n - $f is in po/POTFILES.in"
  else
    echo "not ok $n - $f has translatable strings but is not in po/POTFILES.in"
    failed=$((failed + 1))
  fi
done

for f in $listed; do
  n=$((n + 1))
  if [ -f "$f" ]; then
    echo "ok $n - $f exists"
  else
    echo "not ok $n - po/POTFILES.in lists $f, which does not exist"
    failed=$((failed + 1))
  fi
done

echo "1..$n"
[ "$failed" -eq 0 ]
