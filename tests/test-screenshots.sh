#!/bin/sh
# test-screenshots.sh — the metainfo's screenshots are in data/screenshots/
#
# Copyright 2026 The Borderline developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: test-screenshots.sh SOURCE_ROOT
#
# Every <image> of the AppStream metainfo names a file of
# data/screenshots/ (build-aux/screenshots takes them anew), which is a PNG
# at least 1000 pixels wide; there are at least three.

set -u
SRC=$1
META="$SRC/data/io.github.borderline.Borderline.metainfo.xml.in"
n=0
failed=0

urls=$(sed -n 's|.*<image>\(.*\)</image>.*|\1|p' "$META")
count=$(printf '%s\n' "$urls" | grep -c .)
n=$((n + 1))
if [ "$count" -ge 3 ]; then
  echo "ok $n - the metainfo shows $count screenshots"
else
  echo "not ok $n - the metainfo shows $count screenshots, fewer than three"
  failed=$((failed + 1))
fi

for url in $urls; do
  n=$((n + 1))
  file="$SRC/data/screenshots/${url##*/}"
  case "$url" in
    https://*/data/screenshots/*.png) ;;
    *) echo "not ok $n - $url is not an https address of data/screenshots/"; failed=$((failed + 1)); continue ;;
  esac
  width=$(identify -format '%w' "$file" 2>/dev/null || echo 0)
  if [ "$(identify -format '%m' "$file" 2>/dev/null)" = PNG ] && [ "$width" -ge 1000 ]; then
    echo "ok $n - ${url##*/} is a PNG of the real window, $width pixels wide"
  else
    echo "not ok $n - ${url##*/}: no PNG at least 1000 pixels wide in data/screenshots/"
    failed=$((failed + 1))
  fi
done

echo "1..$n"
[ "$failed" -eq 0 ]
