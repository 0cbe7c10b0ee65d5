#!/usr/bin/python3
# test-accessibility.py — what a screen reader finds in Borderline's window
#
# Copyright 2026 The Borderline developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: test-accessibility.py BORDERLINE SAMPLE SCHEMA_DIR
#
# Starts Borderline on the sample project with GTK's AT-SPI backend on,
# and reads its accessible tree over AT-SPI, as Orca would (Debian's
# python3-gi and gir1.2-atspi-2.0). Run it inside run-display-test.sh:
# an X server and a private D-Bus session, which starts the accessibility
# bus on demand.
#
# Checks, in TAP:
#  - every control (button, toggle, menu button, drop-down, entry, tab,
#    slider) in the window, the claim editor and the export dialog has a
#    name in words, not none and not a widget class name;
#  - the map tells how many claims are in view, and which claim is
#    selected after a click in the claim list (a real pointer event);
#  - the timeline tells its time window and how many claims it shows;
#  - the comparison chart tells the figures it draws.
#
# Waits poll for a condition with a deadline; nothing sleeps for luck.

import os
import re
import subprocess
import sys
import tempfile

# libatspi warns when an object vanishes while it is being read, as
# windows close; that is not the application's fault, so this process
# does not run with the suite's G_DEBUG=fatal-warnings (Borderline does)
APP_DEBUG = os.environ.pop('G_DEBUG', None)

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bl_atspi import (Atspi, application, children, find, press,  # noqa: E402
                      top_window, wait_for, walk)
from bl_atspi import click as click_in  # noqa: E402

BORDERLINE, SAMPLE, SCHEMA_DIR = sys.argv[1:4]

CONTROL_ROLES = {
    'push button', 'toggle button', 'check box', 'radio button',
    'combo box', 'entry', 'text', 'slider', 'spin button', 'page tab',
    'menu item', 'check menu item', 'radio menu item', 'link',
}
# What GTK 4.8 reports as the name of a widget that has none
CLASS_NAME = re.compile(r'^(Gtk|Adw|Shumate|Bl)[A-Z][A-Za-z]*$')

tests = 0
failures = 0


def ok(good, what, detail=''):
    global tests, failures
    tests += 1
    print(('ok %d - %s' if good else 'not ok %d - %s') % (tests, what))
    if not good:
        failures += 1
        for line in detail.splitlines():
            print('# ' + line)


def nameless_controls(root):
    """Controls with no name in words, with where they are."""
    found = []
    for node, role, name, path in walk(root):
        if role not in CONTROL_ROLES:
            continue
        parent_role = path[-1][0] if path else ''
        # the toggle inside a GtkDropDown and the button inside a
        # GtkMenuButton are GTK's: their outer widget carries the name
        if parent_role in ('combo box', 'push button', 'toggle button'):
            continue
        if name.strip() == '' or CLASS_NAME.match(name):
            where = ' > '.join('%s "%s"' % (r, n) for r, n in path[-4:] if n)
            found.append('%s "%s" in %s' % (role, name, where))
    return found




data_home = tempfile.mkdtemp(prefix='borderline-a11y-')
env = dict(os.environ,
           GSETTINGS_SCHEMA_DIR=SCHEMA_DIR,
           GSETTINGS_BACKEND='memory',
           XDG_DATA_HOME=data_home,
           XDG_CONFIG_HOME=data_home,
           XDG_CACHE_HOME=data_home,
           GTK_A11Y='atspi')
env.pop('NO_AT_BRIDGE', None)
if APP_DEBUG:
    env['G_DEBUG'] = APP_DEBUG

Atspi.init()
proc = subprocess.Popen([BORDERLINE, SAMPLE], env=env)


def click(node):
    click_in(node, proc.pid)


try:
    app = wait_for('Borderline on the accessibility bus', lambda: application(proc.pid))
    frame = wait_for('the project window',
                     lambda: top_window(app, r'ISIS-K near the Afghan'))
    claim_list = wait_for('the claim list', lambda: find(frame, 'list', pattern=r'^16 ')) 

    # Every control has a name
    missing = nameless_controls(frame)
    ok(not missing, 'every control of the window has a name', '\n'.join(missing))

    # The map: claims in view, then the selected claim
    layer = find(frame, 'panel', 'Claims on the map')
    ok(layer is not None and re.search(r'\d+ claims? in view', layer.get_description() or ''),
       'the map tells how many claims are in view',
       'description: %r' % (layer.get_description() if layer else None))

    rows = list(children(claim_list))
    target = None
    for row in rows:
        for _, role, name, _ in walk(row):
            if role == 'label' and name.startswith('ISIS fighters in Afghanistan number 6,500'):
                target = row
    ok(target is not None, 'the claim list holds the sample\'s 6,500 claim')
    if target is not None:
        click(target)
        described = wait_for('the map to describe the selected claim',
                             lambda: '6,500' in (layer.get_description() or '') and layer.get_description(),
                             timeout=20)
        ok('6,500' in described, 'the map says which claim is selected', described)

    # The timeline: its window and how many claims it shows
    timeline = find(frame, 'slider', 'Timeline')
    description = timeline.get_description() if timeline else ''
    ok(re.search(r'(All time|\d{4}).*\d+ claims?', description or '') is not None,
       'the timeline tells its window and its claims', 'description: %r' % description)

    # The comparison chart: the figures it draws
    compare = find(frame, 'page tab', 'Compare')
    click(compare)
    # the panel says "Comparing the claims…" until its comparison is built
    def chart_with_figures():
        chart = find(frame, 'image', 'Chart of the figures claimed')
        return chart if chart is not None and '6,500' in (chart.get_description() or '') else None

    chart = wait_for('the comparison chart to tell its figures (6,500)', chart_with_figures)
    ok('6,500' in (chart.get_description() or ''),
       'the comparison chart tells its figures', 'description: %r' % chart.get_description())

    # The claim editor and the export dialog: every control has a name
    press('Escape')
    press('Insert')
    editor = wait_for('the claim editor', lambda: top_window(app, r'(?i)claim') if top_window(app, r'(?i)claim') is not frame else None)
    missing = nameless_controls(editor)
    ok(not missing, 'every control of the claim editor has a name', '\n'.join(missing))
    press('Escape')
    wait_for('the claim editor to close', lambda: top_window(app, r'(?i)new claim') is None, timeout=20)

    press('shift+ctrl+e')
    export = wait_for('the export dialog', lambda: top_window(app, r'(?i)export'))
    missing = nameless_controls(export)
    ok(not missing, 'every control of the export dialog has a name', '\n'.join(missing))
    press('Escape')
finally:
    proc.terminate()
    proc.wait(timeout=30)

print('1..%d' % tests)
sys.exit(1 if failures else 0)
