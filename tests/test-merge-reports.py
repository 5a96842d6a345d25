#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""build-aux/merge-reports against the report of the whole study: what a
batch system does (docs/batch-reports.md), one `supplyshift --report
--scenario=ID` process per scenario, then the merge, must give the bytes
of `supplyshift --report`, in JSON and CSV. A piece left out must not.

    test-merge-reports.py MERGE-REPORTS SUPPLYSHIFT STUDY...

Prints TAP.
"""

import json
import os
import subprocess
import sys
import tempfile

MERGE, SUPPLYSHIFT, STUDIES = sys.argv[1], sys.argv[2], sys.argv[3:]
ENV = {k: v for k, v in os.environ.items() if k not in ('DISPLAY', 'WAYLAND_DISPLAY')}


def report(study, fmt, scenario=None):
    args = [SUPPLYSHIFT, f'--report={fmt}'] + ([f'--scenario={scenario}'] if scenario else []) + [study]
    return subprocess.run(args, check=True, capture_output=True, env=ENV).stdout


def main():
    cases = [(s, f) for s in STUDIES for f in ('json', 'csv')]
    print(f'1..{2 * len(cases)}')
    n = 0
    for study, fmt in cases:
        name = os.path.basename(study)
        whole = report(study, fmt)
        ids = [s['id'] for s in json.loads(report(study, 'json'))['scenarios'][1:]]
        with tempfile.TemporaryDirectory() as tmp:
            paths = []
            for k, scenario in enumerate(['baseline'] + ids):
                path = os.path.join(tmp, f'piece-{k:03d}.{fmt}')
                with open(path, 'wb') as f:
                    f.write(report(study, fmt, scenario))
                paths.append(path)
            flags = ['--csv'] if fmt == 'csv' else []
            merged = subprocess.run([sys.executable, MERGE] + flags + paths,
                                    check=True, capture_output=True).stdout
            n += 1
            ok = merged == whole and len(whole) > 0
            print(f'{"ok" if ok else "not ok"} {n} {name} {fmt}: {len(paths)} pieces merge to the whole report')
            missing = subprocess.run([sys.executable, MERGE] + flags + paths[:1] + paths[2:],
                                     capture_output=True).stdout
            n += 1
            ok = len(paths) < 3 or missing != whole
            print(f'{"ok" if ok else "not ok"} {n} {name} {fmt}: a piece left out is missed')


main()
