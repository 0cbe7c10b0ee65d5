#!/bin/sh
# test-manpage.sh — the manual page is well formed and documents every option
#
# Copyright 2026 The Borderline developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: test-manpage.sh BORDERLINE SOURCE_ROOT
#
# data/borderline.1 must format without a single groff warning, and every
# long option that `borderline --help-all` lists must appear in it, so
# that an option added to main.c without a word in the manual fails here.

set -u
BORDERLINE=$1
SRC=$2
PAGE=$SRC/data/borderline.1

n=0
failed=0

ok () {
  n=$((n + 1))
  echo "ok $n - $1"
}

not_ok () {
  n=$((n + 1))
  echo "not ok $n - $1"
  failed=$((failed + 1))
}

if [ ! -f "$PAGE" ]; then
  not_ok "$PAGE exists"
  echo "1..$n"
  exit 1
fi

# -ww: all warnings; -z: format, print nothing. The page is ASCII, so
# groff needs no preprocessor for its encoding.
warnings=$(groff -man -ww -z "$PAGE" 2>&1)
if [ -z "$warnings" ]; then
  ok "groff formats the page without warnings"
else
  not_ok "groff formats the page without warnings"
  printf '%s\n' "$warnings" | sed 's/^/# /'
fi

if command -v man >/dev/null 2>&1; then
  warnings=$(LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -l "$PAGE" 2>&1 >/dev/null)
  if [ -z "$warnings" ]; then
    ok "man --warnings shows the page without warnings"
  else
    not_ok "man --warnings shows the page without warnings"
    printf '%s\n' "$warnings" | sed 's/^/# /'
  fi
fi

# The options as the program lists them, in the C locale
help=$(LC_ALL=C.UTF-8 LANGUAGE= "$BORDERLINE" --help-all 2>&1)
status=$?
if [ "$status" -eq 0 ]; then
  ok "borderline --help-all exits with 0"
else
  not_ok "borderline --help-all exits with 0 (got $status)"
fi

options=$(printf '%s\n' "$help" | grep -oE '(^|[ ,])--[a-z][a-z0-9-]*' | sed 's/^[ ,]*//' | sort -u)
if [ -n "$options" ]; then
  ok "borderline --help-all lists options"
else
  not_ok "borderline --help-all lists options"
fi

# The page writes a dash as \- ; compare with the dashes as typed
text=$(sed 's/\\-/-/g' "$PAGE")
for option in $options; do
  if printf '%s\n' "$text" | grep -qE -- "(^|[^a-z0-9-])$option([^a-z0-9-]|\$)"; then
    ok "the manual documents $option"
  else
    not_ok "the manual documents $option"
  fi
done

echo "1..$n"
[ "$failed" -eq 0 ]
