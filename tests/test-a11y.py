#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""test-a11y.py: the window as a screen reader reads it, over AT-SPI

    test-a11y.py SUPPLYSHIFT SCHEMA_DIR LOCALE_DIR

Runs itself again under dbus-run-session (a session bus of its own, on
which the AT-SPI bus of at-spi2-core is started), starts the program on
the sample study with the accessibility bridge on (not GTK_A11Y=none),
and through python3-pyatspi:

- walks the accessible tree of the main window, its Compare view and
  every page of the study data window, and fails on a control that takes
  the focus and has no name (or GTK's type name for one, as
  "GtkFlowBoxChild"), on a name said twice ("Title Title", "Transition
  in years Transition") or with a mnemonic's underscore ("_Open Open"),
  and on a control named as the control it is in;
- checks that the charts take the focus and have a summary, that the
  figure cards and the item list's rows say their figure and alert;
- moves China's share slider through the Value interface and checks
  that a figure card changes.

Exits 77 (skipped) only when the AT-SPI bus cannot be started here.
"""

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

SKIP = 77


def say(text):
    print(text, flush=True)


def outer():
    """Finds a Python with pyatspi and a session bus of our own."""
    python = sys.executable
    try:
        import pyatspi  # noqa: F401
    except ImportError:
        # pyenv's or a venv's python3 first on PATH does not see Debian's
        # python3-pyatspi.
        if os.path.exists('/usr/bin/python3') and os.path.realpath(python) != '/usr/bin/python3':
            python = '/usr/bin/python3'
    runner = shutil.which('dbus-run-session')
    if runner is None:
        say('# SKIP dbus-run-session (dbus-daemon) is missing: no session bus for the AT-SPI bus')
        return SKIP
    env = dict(os.environ, SS_A11Y_SESSION='1')
    if 'G_DEBUG' in os.environ:
        env['SS_A11Y_G_DEBUG'] = os.environ['G_DEBUG']
    # The tests' G_DEBUG=fatal-warnings is for the program: a warning of
    # libatspi in this script (a slow registry) must not kill it.
    env.pop('G_DEBUG', None)
    return subprocess.call([runner, '--', python, os.path.abspath(__file__)] + sys.argv[1:], env=env,
                           stdin=subprocess.DEVNULL)


def start_atspi_bus():
    """The AT-SPI bus's address, or None with the reason it did not start."""
    from gi.repository import Gio, GLib
    try:
        session = Gio.bus_get_sync(Gio.BusType.SESSION, None)
        reply = session.call_sync('org.a11y.Bus', '/org/a11y/bus', 'org.a11y.Bus', 'GetAddress', None,
                                  GLib.VariantType('(s)'), Gio.DBusCallFlags.NONE, 20000, None)
        address = reply.unpack()[0]
        bus = Gio.DBusConnection.new_for_address_sync(
            address, Gio.DBusConnectionFlags.AUTHENTICATION_CLIENT | Gio.DBusConnectionFlags.MESSAGE_BUS_CONNECTION,
            None, None)
        bus.close_sync(None)
        return address, None
    except GLib.Error as error:
        return None, error.message


class Checker:
    def __init__(self, pyatspi):
        self.pyatspi = pyatspi
        self.failures = []
        self.checked = 0
        self.n = 0

    def ok(self, good, what):
        self.n += 1
        say('%s %d - %s' % ('ok' if good else 'not ok', self.n, what))
        if not good:
            self.failures.append(what)
        return good


TYPE_NAME = re.compile(r'^(Gtk|Adw|Ss)[A-Z][A-Za-z]*$')
MNEMONIC = re.compile(r'(^|[\s(])_[^\s_]')


def doubled(name):
    """Whether the name says one part twice: "Title Title", "Transition
    in years Transition", "_Open Open"."""
    words = name.replace('_', '').lower().split()
    for k in range(1, len(words)):
        first, second = words[:k], words[k:]
        if first == second:
            return True
        if len(first) > len(second) and (first[:len(second)] == second or first[-len(second):] == second):
            return True
        if len(second) > len(first) and (second[:len(first)] == first or second[-len(first):] == first):
            return True
    return False


def node_info(pyatspi, node):
    try:
        return node.getRoleName(), node.name or '', node.description or '', node.getState()
    except Exception:  # a node gone while walked
        return None


def walk(pyatspi, node, visit, parent=None, depth=0, path=()):
    info = node_info(pyatspi, node)
    if info is None or depth > 80:
        return
    path = path + ('%s %r' % (info[0], info[1]),)
    visit.path = path
    visit(node, info, parent)
    try:
        count = node.childCount
    except Exception:
        return
    for k in range(count):
        try:
            child = node.getChildAtIndex(k)
        except Exception:
            continue
        if child is not None:
            walk(pyatspi, child, visit, (node, info), depth + 1, path)


def audit(checker, root, where):
    """Every control's name, in one part of the window."""
    pyatspi = checker.pyatspi
    problems = []
    count = [0]

    def visit(node, info, parent):
        role, name, description, states = info
        count[0] += 1
        if os.environ.get('TEST_A11Y_DUMP'):
            say('#   %s%s %r %r' % ('  ' * len(visit.path), role, name, description[:40]))
        focusable = states.contains(pyatspi.STATE_FOCUSABLE)
        label = '%s %r' % (role, name)
        if focusable and (not name.strip() or TYPE_NAME.match(name)):
            problems.append('%s: a %s that takes the focus has no name%s, in %s' %
                            (where, role, ' (GTK reads its type, %s)' % name if name else '',
                             ' > '.join(p for p in visit.path[-4:-1] if not p.endswith("''"))))
        if name and MNEMONIC.search(name):
            problems.append('%s: %s keeps a mnemonic underscore' % (where, label))
        if name and doubled(name):
            problems.append('%s: %s says its name twice' % (where, label))
        if focusable and name and parent is not None and parent[1][1] == name and role != 'label':
            problems.append('%s: %s is named as the %s it is in' % (where, label, parent[1][0]))

    walk(pyatspi, root, visit)
    checker.checked += count[0]
    for problem in sorted(set(problems)):
        say('# ' + problem)
    checker.ok(not problems, '%s: %d accessibles, every control named once, no mnemonic' % (where, count[0]))


def find_all(pyatspi, root, predicate):
    found = []

    def visit(node, info, parent):
        if predicate(node, info):
            found.append((node, info))

    walk(pyatspi, root, visit)
    return found


def wait_for(condition, seconds):
    until = time.monotonic() + seconds
    while time.monotonic() < until:
        value = condition()
        if value:
            return value
        time.sleep(0.2)
    return condition()


def frames_of(pyatspi, app):
    frames = []
    try:
        for k in range(app.childCount):
            child = app.getChildAtIndex(k)
            # The study data window shows as a filler in GTK 4.8.
            if child is not None and child.getRoleName() in ('frame', 'filler', 'dialog', 'window'):
                frames.append(child)
    except Exception:
        pass
    return frames


def click(pyatspi, node):
    action = node.queryAction()
    names = [action.getName(k) for k in range(action.nActions)]
    for k, name in enumerate(names):
        if name in ('click', 'activate', 'press'):
            done = action.doAction(k)
            break
    else:
        done = action.doAction(0) if names else False
    return done


def card_descriptions(pyatspi, frame):
    return [info[2] for node, info in find_all(pyatspi, frame, lambda n, i: i[0] == 'table cell' and i[1])]


def inner(argv):
    program, schema_dir, locale_dir = argv[1:4]

    try:
        import gi
        gi.require_version('Atspi', '2.0')
        import pyatspi
    except (ImportError, ValueError) as error:
        say('Bail out! python3-pyatspi is missing (%s): build-aux/install-deps.sh installs it' % error)
        return 1

    address, why = start_atspi_bus()
    if address is None:
        say('# SKIP the AT-SPI bus could not start here: %s' % why)
        return SKIP
    say('# the AT-SPI bus is at %s' % address)

    # A home of its own: no offer to recover what an earlier run left.
    home = tempfile.mkdtemp(prefix='test-a11y-')
    env = dict(os.environ, XDG_CONFIG_HOME=os.path.join(home, 'config'), XDG_DATA_HOME=os.path.join(home, 'data'),
               XDG_STATE_HOME=os.path.join(home, 'state'), XDG_CACHE_HOME=os.path.join(home, 'cache'))
    env.pop('GTK_A11Y', None)
    if 'SS_A11Y_G_DEBUG' in os.environ:
        env['G_DEBUG'] = os.environ['SS_A11Y_G_DEBUG']
    env.update(GSETTINGS_BACKEND='memory', GSETTINGS_SCHEMA_DIR=schema_dir, SUPPLYSHIFT_LOCALEDIR=locale_dir,
               SUPPLYSHIFT_WINDOW_SIZE='1280x800', GDK_BACKEND='x11')
    desktop = pyatspi.Registry.getDesktop(0)
    app_process = subprocess.Popen([program], env=env, stdin=subprocess.DEVNULL)
    checker = Checker(pyatspi)
    try:
        def find_app():
            for k in range(desktop.childCount):
                child = desktop.getChildAtIndex(k)
                try:
                    if child is not None and child.get_process_id() == app_process.pid:
                        return child
                except Exception:
                    continue
            return None

        app = wait_for(find_app, 60)
        if not checker.ok(app is not None, 'the program is on the AT-SPI bus'):
            return 1
        main = wait_for(lambda: [f for f in frames_of(pyatspi, app)
                                 if find_all(pyatspi, f, lambda n, i: i[0] == 'slider')], 60)
        if not checker.ok(bool(main), 'its window shows the share sliders'):
            return 1
        main = main[0]
        time.sleep(1)

        audit(checker, main, 'the Editor')

        # Charts take the focus and read their summary.
        charts = find_all(pyatspi, main, lambda n, i: i[0] == 'image' and i[2] and
                          i[3].contains(pyatspi.STATE_FOCUSABLE))
        checker.ok(len(charts) >= 1, 'the chart takes the focus and has a summary (%s)' %
                   (charts[0][1][2][:60] if charts else 'none'))

        # The figure cards say their figure; the item list's rows their alert.
        cards = find_all(pyatspi, main, lambda n, i: i[0] == 'table cell' and i[3].contains(pyatspi.STATE_FOCUSABLE))
        checker.ok(len(cards) == 7 and all(i[1] and i[2] for n, i in cards),
                   'the 7 figure cards have a name and their figure (%s)' %
                   '; '.join('%s: %s' % (i[1], i[2][:20]) for n, i in cards))
        lists = [n for n, i in find_all(pyatspi, main, lambda n, i: i[0] == 'list')
                 if len(find_all(pyatspi, n, lambda m, j: j[0] == 'list item')) >= 10]
        rows = find_all(pyatspi, lists[0], lambda n, i: i[0] == 'list item') if lists else []
        checker.ok(len(rows) >= 14 and all(i[1] and i[2] for n, i in rows),
                   'the item list\'s %d rows say their item and alert (%s)' %
                   (len(rows), '; '.join('%s: %s' % (i[1], i[2]) for n, i in rows[:3])))

        # A share moved through the Value interface changes a figure.
        sliders = find_all(pyatspi, main, lambda n, i: i[0] == 'slider')
        value = sliders[0][0].queryValue()
        before_value = value.currentValue
        before = card_descriptions(pyatspi, main)
        value.currentValue = max(value.minimumValue, before_value - 20)
        changed = wait_for(lambda: card_descriptions(pyatspi, main) != before, 10)
        checker.ok(abs(value.currentValue - before_value) > 1,
                   'the slider %r moved through the Value interface: %.1f to %.1f' %
                   (sliders[0][1][1], before_value, value.currentValue))
        checker.ok(bool(changed), 'a figure card changed with it')

        # The other views (Compare, Stress Test), each shown once: the
        # switcher is in the header and in a bar at the foot.
        tabs = find_all(pyatspi, main, lambda n, i: i[0] == 'page tab')
        names = []
        for node, info in tabs:
            if info[1] not in names:
                names.append(info[1])
                if len(names) > 1:
                    click(pyatspi, node)
                    time.sleep(1.5)
        if checker.ok(len(names) >= 2, 'the view switcher has the Editor and %d other views' % (len(names) - 1)):
            audit(checker, main, 'the views %s' % ', '.join(names[1:]))
            click(pyatspi, tabs[0][0])
            time.sleep(0.5)

        # The study data window, each of its pages.
        button = find_all(pyatspi, main, lambda n, i: i[0] == 'push button' and
                          i[3].contains(pyatspi.STATE_FOCUSABLE) and 'Ctrl+D' in i[2])
        if checker.ok(bool(button), 'the study data button'):
            click(pyatspi, button[0][0])
            data = wait_for(lambda: [f for f in frames_of(pyatspi, app) if f != main and
                                     find_all(pyatspi, f, lambda n, i: i[0] == 'page tab')], 20)
            if not data:
                say('# windows: %s' % ', '.join('%s %r' % (f.getRoleName(), f.name) for f in frames_of(pyatspi, app)))
            if checker.ok(bool(data), 'the study data window opened'):
                data = data[0]
                # Each page shown once (the switcher is in the header and
                # in a bar at the foot); every page is in the tree.
                seen = set()
                for node, info in find_all(pyatspi, data, lambda n, i: i[0] == 'page tab'):
                    if info[1] not in seen:
                        seen.add(info[1])
                        click(pyatspi, node)
                        time.sleep(1.5)
                audit(checker, data, 'the study data window (%s)' % ', '.join(sorted(seen)))
    finally:
        app_process.terminate()
        try:
            app_process.wait(10)
        except subprocess.TimeoutExpired:
            app_process.kill()
        shutil.rmtree(home, ignore_errors=True)

    say('1..%d' % checker.n)
    say('# %d accessibles walked' % checker.checked)
    return 1 if checker.failures else 0


if __name__ == '__main__':
    if len(sys.argv) != 4:
        print(__doc__.split('\n\n')[1], file=sys.stderr)
        sys.exit(2)
    if os.environ.get('SS_A11Y_SESSION') is None:
        sys.exit(outer())
    sys.exit(inner(sys.argv))
