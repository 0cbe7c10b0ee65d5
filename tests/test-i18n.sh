#!/bin/sh
# test-i18n.sh — every translation compiles, is complete, and is listed
#
# Copyright 2026 The Borderline developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: test-i18n.sh SOURCE_ROOT
#
# For each po/*.po: `msgfmt --check` passes (format strings, plural
# forms, the header), the accelerators (_) match the English, and
# `msgfmt --statistics` reports no untranslated and no fuzzy message, and
# each translates every message xgettext finds in po/POTFILES.in now (not
# only those of the committed template).
# po/LINGUAS must list exactly the .po files there are: a language
# missing from it is never built or installed; one listed without a file
# breaks the build.

set -u
SRC=$(cd "$1" && pwd) || exit 1
cd "$SRC/po" || exit 1

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

# msgfmt's own messages are in English whatever the caller's locale
LC_ALL=C.UTF-8
LANGUAGE=
export LC_ALL LANGUAGE

found=0
for po in *.po; do
  [ -f "$po" ] || continue
  found=1
  lang=${po%.po}

  if out=$(msgfmt --check --check-accelerators=_ -o /dev/null "$po" 2>&1); then
    ok "$po: msgfmt --check passes"
  else
    not_ok "$po: msgfmt --check passes"
    printf '%s\n' "$out" | sed 's/^/# /'
  fi

  # e.g. "697 translated messages." or
  # "690 translated messages, 3 fuzzy translations, 4 untranslated messages."
  stats=$(msgfmt --statistics -o /dev/null "$po" 2>&1 >/dev/null | tail -n 1)
  echo "# $lang: $stats"
  case $stats in
    *fuzzy*)
      not_ok "$po: no fuzzy messages ($stats)" ;;
    *)
      ok "$po: no fuzzy messages" ;;
  esac
  case $stats in
    *untranslated*)
      not_ok "$po: no untranslated messages ($stats)" ;;
    *" translated message"*)
      ok "$po: no untranslated messages" ;;
    *)
      not_ok "$po: msgfmt --statistics says how many are translated ($stats)" ;;
  esac

  if grep -qE '^"Plural-Forms: nplurals=[0-9]+; plural=[^;]+;' "$po"; then
    ok "$po: has a Plural-Forms header"
  else
    not_ok "$po: has a Plural-Forms header"
  fi

  if grep -v '^#' LINGUAS | tr ' \t' '\n\n' | grep -qx "$lang"; then
    ok "$lang is in po/LINGUAS"
  else
    not_ok "$lang is in po/LINGUAS"
  fi
done

if [ "$found" -eq 1 ]; then
  ok "po/ has translations"
else
  not_ok "po/ has translations"
fi

for lang in $(grep -v '^#' LINGUAS | tr ' \t' '\n\n' | sed '/^$/d'); do
  if [ -f "$lang.po" ]; then
    ok "po/LINGUAS lists $lang, and po/$lang.po exists"
  else
    not_ok "po/LINGUAS lists $lang, but po/$lang.po does not exist"
  fi
done

# Every message of the sources as they are now, not only of the committed
# template: a translation that lacks a new message is incomplete
if command -v xgettext >/dev/null 2>&1 && command -v msgcmp >/dev/null 2>&1; then
  tmp=$(mktemp -d)
  # the keywords of meson's i18n 'glib' preset
  (cd "$SRC" && xgettext --files-from=po/POTFILES.in --from-code=UTF-8 --add-comments \
     --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
     --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
     --output="$tmp/now.pot") 2>"$tmp/xgettext.log"
  if [ -s "$tmp/now.pot" ]; then
    for po in *.po; do
      [ -f "$po" ] || continue
      if out=$(msgcmp "$po" "$tmp/now.pot" 2>&1); then
        ok "$po translates every message of the current sources"
      else
        not_ok "$po translates every message of the current sources"
        printf '%s\n' "$out" | grep -c 'this message' | sed 's/^/# untranslated or missing: /'
        printf '%s\n' "$out" | grep -m 5 -B1 'this message' | sed 's/^/# /'
      fi
    done
  else
    not_ok "xgettext reads po/POTFILES.in"
    sed 's/^/# /' "$tmp/xgettext.log"
  fi
  rm -rf "$tmp"
fi

echo "1..$n"
[ "$failed" -eq 0 ]
