#!/bin/sh
# run-display-test.sh — runs one display test in its own X server and D-Bus
#
# Copyright 2026 The Borderline developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Each display test gets a fresh Xvfb (xvfb-run -a picks a free display),
# a private session bus, and its own empty data, configuration and cache
# folders, so tests cannot see each other's windows, drafts, recent files
# or feed subscriptions, nor the user's desktop and their own.

set -eu
export GDK_BACKEND=x11
export NO_AT_BRIDGE=1
export GTK_A11Y=none

home=$(mktemp -d "${TMPDIR:-/tmp}/borderline-test-XXXXXX")
trap 'rm -rf "$home"' EXIT
export XDG_DATA_HOME="$home/data" XDG_CONFIG_HOME="$home/config" XDG_CACHE_HOME="$home/cache"

status=0
xvfb-run -a -s "-screen 0 1600x1000x24" dbus-run-session -- "$@" || status=$?
exit "$status"
