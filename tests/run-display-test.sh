#!/bin/sh
# run-display-test.sh — runs one display test in its own X server and D-Bus
#
# Copyright 2026 The Borderline developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Each display test gets a fresh Xvfb (xvfb-run -a picks a free display)
# and a private session bus, so tests cannot see each other's windows or
# the user's desktop.

set -eu
export GDK_BACKEND=x11
export NO_AT_BRIDGE=1
export GTK_A11Y=none
exec xvfb-run -a -s "-screen 0 1600x1000x24" dbus-run-session -- "$@"
