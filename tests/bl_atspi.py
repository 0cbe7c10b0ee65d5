# bl_atspi.py — reading Borderline's window over AT-SPI, and clicking it
#
# Copyright 2026 The Borderline developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Shared by tests/test-accessibility.py and build-aux/screenshots, which
# start Borderline with GTK's AT-SPI backend inside run-display-test.sh
# and find its controls as Orca would (Debian's python3-gi and
# gir1.2-atspi-2.0). Nodes vanish while they are read (a list filtered, a
# window closed): such a node counts as having no children, never as an
# error. Waits poll a condition until a deadline; nothing sleeps for luck.

import re
import subprocess
import time

import gi

gi.require_version('Atspi', '2.0')
from gi.repository import Atspi, GLib  # noqa: E402

# Stops a walk of a runaway tree
MAX_NODES = 20000


def wait_for(what, probe, timeout=60, prefix='Bail out! '):
    """The first true result of probe(), polled until the deadline; at
    the deadline, exits saying what it waited for."""
    end = time.monotonic() + timeout
    while True:
        result = probe()
        if result:
            return result
        if time.monotonic() > end:
            raise SystemExit(prefix + 'timed out waiting for ' + what)
        time.sleep(0.1)


def children(node):
    try:
        count = node.get_child_count()
    except GLib.Error:
        return
    for i in range(count):
        try:
            child = node.get_child_at_index(i)
        except GLib.Error:
            continue
        if child is not None:
            yield child


def walk(node, path=()):
    """(node, role, name, path) for every node under @node, depth first."""
    stack = [(node, path)]
    seen = 0
    while stack and seen < MAX_NODES:
        node, path = stack.pop()
        seen += 1
        try:
            role = node.get_role_name()
            name = node.get_name() or ''
        except GLib.Error:
            continue
        yield node, role, name, path
        for child in reversed(list(children(node))):
            stack.append((child, path + ((role, name),)))


def matches(role, name, want_role, want_name=None, pattern=None):
    return (role == want_role and (want_name is None or name == want_name) and
            (pattern is None or re.search(pattern, name) is not None))


def find(root, role, name=None, pattern=None):
    """The first node under @root with @role, and @name or a name that
    @pattern matches."""
    for node, r, n, _ in walk(root):
        if matches(r, n, role, name, pattern):
            return node
    return None


def find_all(root, role, pattern):
    return [node for node, r, n, _ in walk(root) if matches(r, n, role, None, pattern)]


def application(pid):
    """Borderline's accessible application, once process @pid is on the
    accessibility bus."""
    for app in children(Atspi.get_desktop(0)):
        try:
            if app.get_name() == 'borderline' and app.get_process_id() == pid:
                return app
        except GLib.Error:
            pass
    return None


def top_window(app, title_pattern):
    for win in children(app):
        try:
            if re.search(title_pattern, win.get_name() or ''):
                return win
        except GLib.Error:
            pass
    return None


def x_window(pid):
    """The X window of process @pid, or None while it has none."""
    out = subprocess.run(['xdotool', 'search', '--onlyvisible', '--pid', str(pid)],
                         capture_output=True, text=True).stdout.split()
    return out[0] if out else None


def click(node, pid):
    """A real click in the middle of @node (GTK 4 knows positions in its
    window only, so xdotool places the pointer relative to that window)."""
    ext = node.get_extents(Atspi.CoordType.WINDOW)
    window = wait_for('the X window', lambda: x_window(pid))
    subprocess.run(['xdotool', 'mousemove', '--window', window,
                    str(ext.x + ext.width // 2), str(ext.y + ext.height // 2), 'click', '1'], check=True)


def press(*keys):
    subprocess.run(['xdotool', 'key', '--clearmodifiers'] + list(keys), check=True)
