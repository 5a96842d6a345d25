#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""build-aux/count-tests against test logs shaped like meson 1.0 writes
them: a closing line must never hide a crash, a hang or a missing log.

    test-count-tests.py COUNT-TESTS

Prints TAP.
"""

import json
import os
import subprocess
import sys
import tempfile

COUNT = sys.argv[1]

TAP_PASS = '# random seed: R02S\n1..3\nok 1 /a\nok 2 /b\nok 3 /c\n'
# What GLib prints when a g_assert fails in the second of five subtests.
TAP_ABORT = ('1..5\n# Start of x tests\nok 1 /x/a\n'
             'Bail out! test:ERROR:test.c:12:b: assertion failed\n')
# What is left when meson kills a program at its timeout.
TAP_HANG = '1..3\nok 1 /x/a\n# Start of x tests\n'
TAP_SKIPS = '1..3\nok 1 /a\nok 2 /b # SKIP no de_DE.UTF-8 locale here\nnot ok 3 /c # TODO later\n'
TAP_NOT_OK = '1..2\nok 1 /a\nnot ok 2 /b\n'


def entry(name, result, returncode, stdout, suite='model'):
    return {'name': f'proj:{suite} / {name}', 'result': result,
            'returncode': returncode, 'stdout': stdout,
            'duration': 0.1, 'starttime': 0, 'env': {}, 'command': [name]}


def intro(name, protocol, suite='model'):
    return {'name': name, 'suite': [f'proj:{suite}'], 'protocol': protocol,
            'cmd': [name], 'env': {}, 'workdir': None, 'timeout': 30,
            'is_parallel': True, 'priority': 0, 'depends': []}


def run(entries, intros, status=None, write_log=True):
    with tempfile.TemporaryDirectory() as build:
        os.makedirs(os.path.join(build, 'meson-logs'))
        os.makedirs(os.path.join(build, 'meson-info'))
        with open(os.path.join(build, 'meson-info', 'intro-tests.json'), 'w') as f:
            json.dump(intros, f)
        log = os.path.join(build, 'meson-logs', 'testlog.json')
        if write_log:
            with open(log, 'w') as f:
                for e in entries:
                    f.write(json.dumps(e) + '\n')
        args = [sys.executable, COUNT] + (['--status', str(status)] if status is not None else []) + [log]
        p = subprocess.run(args, capture_output=True, text=True)
        lines = p.stdout.strip().splitlines()
        return (lines[-1] if lines else ''), p.returncode


CASES = []


def case(fn):
    CASES.append(fn)
    return fn


@case
def all_pass():
    return run([entry('t', 'OK', 0, TAP_PASS)], [intro('t', 'tap')]), \
        ('3 passed, 0 failed, 0 skipped', 0)


@case
def abort_counts_the_rest_as_failed():
    # 1 passed; the one that bailed out and the 3 that never ran failed.
    return run([entry('t', 'ERROR', -6, TAP_ABORT)], [intro('t', 'tap')], status=1), \
        ('1 passed, 4 failed, 0 skipped', 1)


@case
def timeout_is_a_failure():
    return run([entry('t', 'TIMEOUT', -15, TAP_HANG)], [intro('t', 'tap')], status=1), \
        ('1 passed, 2 failed, 0 skipped', 1)


@case
def crash_after_every_subtest_passed():
    # A leak check or a crash at exit: every subtest said ok, the program failed.
    return run([entry('t', 'FAIL', -11, TAP_PASS)], [intro('t', 'tap')], status=1), \
        ('3 passed, 1 failed, 0 skipped', 1)


@case
def crash_before_the_plan():
    return run([entry('t', 'ERROR', -6, '')], [intro('t', 'tap')], status=1), \
        ('0 passed, 1 failed, 0 skipped', 1)


@case
def not_ok_fails():
    return run([entry('t', 'FAIL', 1, TAP_NOT_OK)], [intro('t', 'tap')], status=1), \
        ('1 passed, 1 failed, 0 skipped', 1)


@case
def skips_and_todo():
    return run([entry('t', 'OK', 0, TAP_SKIPS)], [intro('t', 'tap')]), \
        ('1 passed, 0 failed, 2 skipped', 0)


@case
def whole_program_skipped():
    return run([entry('t', 'SKIP', 0, '1..0 # SKIP no display\n', 'gui')],
               [intro('t', 'tap', 'gui')]), \
        ('0 passed, 0 failed, 1 skipped', 0)


@case
def exitcode_tests_count_once():
    # Their stdout is not TAP, even when it looks like it.
    return run([entry('v', 'OK', 0, '1..9\nok 1 x\n', 'data'),
                entry('w', 'FAIL', 1, '', 'data'),
                entry('s', 'SKIP', 77, '', 'data')],
               [intro('v', 'exitcode', 'data'), intro('w', 'exitcode', 'data'),
                intro('s', 'exitcode', 'data')], status=1), \
        ('1 passed, 1 failed, 1 skipped', 1)


@case
def missing_log_is_a_failure():
    return run([], [], write_log=False), ('0 passed, 1 failed, 0 skipped', 1)


@case
def failed_run_never_says_0_failed():
    # meson failed (say, it could not start a test) but logged nothing.
    return run([], [], status=1), ('0 passed, 1 failed, 0 skipped', 1)


@case
def unknown_test_is_read_as_tap_when_it_is():
    return run([entry('t', 'ERROR', -6, TAP_ABORT)], [], status=1), \
        ('1 passed, 4 failed, 0 skipped', 1)


def main():
    print(f'1..{len(CASES)}')
    failed = 0
    for n, fn in enumerate(CASES, 1):
        got, want = fn()
        if got == want:
            print(f'ok {n} /count-tests/{fn.__name__}')
        else:
            failed += 1
            print(f'not ok {n} /count-tests/{fn.__name__}')
            print(f'# expected {want!r}, got {got!r}')
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
