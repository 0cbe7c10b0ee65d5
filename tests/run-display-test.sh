#!/bin/sh
# run-display-test.sh — runs one display test in its own X server and D-Bus
#
# Copyright 2026 The Borderline developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Each display test gets a fresh Xvfb, a private session bus, and its own
# empty data, configuration and cache folders, so tests cannot see each
# other's windows, drafts, recent files or feed subscriptions, nor the
# user's desktop and their own.
#
# Xvfb chooses its display itself (-displayfd) and tells it once it
# accepts connections, and it never resets (-noreset). By default an X
# server resets when its last client leaves, refusing connections for a
# moment: the accessibility bus launcher connects and leaves just as the
# application starts, and the application then could not open the
# display ("cannot open display: :99"), which failed a CI run.

set -eu
export GDK_BACKEND=x11
export NO_AT_BRIDGE=1
export GTK_A11Y=none

home=$(mktemp -d "${TMPDIR:-/tmp}/borderline-test-XXXXXX")
xvfb=
# Every step may fail without changing the test's verdict (set -e would
# make a failing step the script's status). The document portal that the
# file choosers start mounts its FUSE folder in the cache folder (there is
# no XDG_RUNTIME_DIR here) and may still hold it as the bus goes away.
cleanup() {
  if [ -n "$xvfb" ]; then
    kill "$xvfb" 2>/dev/null || :
    wait "$xvfb" 2>/dev/null || :
  fi
  if mountpoint -q "$home/cache/doc" 2>/dev/null; then
    fusermount3 -u -z "$home/cache/doc" 2>/dev/null || fusermount -u -z "$home/cache/doc" 2>/dev/null || :
  fi
  rm -rf "$home" 2>/dev/null || :
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
export XDG_DATA_HOME="$home/data" XDG_CONFIG_HOME="$home/config" XDG_CACHE_HOME="$home/cache"

# A private cookie: the server reads every entry of its -auth file
# whatever its display number; clients look theirs up by number, which is
# known only once the server has chosen it.
touch "$home/server-auth" "$home/Xauthority"
cookie=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
xauth -q -f "$home/server-auth" add :0 MIT-MAGIC-COOKIE-1 "$cookie"

mkfifo "$home/displayfd"
Xvfb -displayfd 3 -noreset -screen 0 1600x1000x24 -nolisten tcp -auth "$home/server-auth" \
  3>"$home/displayfd" 2>"$home/xvfb.log" &
xvfb=$!

display=
read -r display < "$home/displayfd" || :
case "$display" in
  ''|*[!0-9]*)
    echo "run-display-test.sh: Xvfb did not start:" >&2
    cat "$home/xvfb.log" >&2
    exit 1
    ;;
esac

export DISPLAY=":$display" XAUTHORITY="$home/Xauthority"
xauth -q -f "$XAUTHORITY" add "$DISPLAY" MIT-MAGIC-COOKIE-1 "$cookie"

status=0
dbus-run-session -- "$@" || status=$?
exit "$status"
