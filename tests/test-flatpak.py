#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The Flatpak manifest, checked as far as a machine without the GNOME
runtime and without the network can: it is JSON, flatpak-builder reads it
without a warning (an unknown or misspelt key is a warning), and it builds
this tree with meson as the application the desktop file and the
metainfo name, with the sandbox permissions a GTK application that opens
files through portals needs and no more.

    test-flatpak.py MANIFEST SOURCE-ROOT SUPPLYSHIFT-EXECUTABLE

Prints TAP. The build itself (flatpak-builder with org.gnome.Sdk) is not
run: the runtime is a download.
"""

import json
import os
import re
import shutil
import subprocess
import sys

MANIFEST, ROOT, EXECUTABLE = sys.argv[1:4]
APP_ID = 'io.github.supplyshift.SupplyShift'

# What a GTK 4 application drawing with GL and opening files through the
# file chooser and document portals needs (docs/decisions.md).
ALLOWED_FINISH_ARGS = {'--share=ipc', '--socket=fallback-x11', '--socket=wayland', '--device=dri'}
REQUIRED_FINISH_ARGS = {'--share=ipc', '--socket=wayland', '--socket=fallback-x11'}
BUILD_DIRS = {'build', '_build', 'builddir', '.flatpak-builder'}

results = []


def check(ok, name, detail=''):
    results.append((bool(ok), name, detail))


with open(MANIFEST, encoding='utf-8') as f:
    text = f.read()
try:
    manifest = json.loads(text)
    check(True, 'the manifest is JSON')
except ValueError as e:
    print('1..1')
    print(f'not ok 1 - the manifest is JSON\n# {e}')
    sys.exit(1)

builder = shutil.which('flatpak-builder')
if builder:
    run = subprocess.run([builder, '--show-manifest', MANIFEST], capture_output=True, text=True)
    shown = None
    try:
        shown = json.loads(run.stdout)
    except ValueError:
        pass
    check(run.returncode == 0 and run.stderr.strip() == '' and shown is not None,
          'flatpak-builder --show-manifest reads it without a warning',
          run.stderr.strip())
else:
    results.append((None, 'flatpak-builder --show-manifest reads it without a warning',
                    'SKIP flatpak-builder is not installed'))

check(manifest.get('id') == APP_ID, f'the id is {APP_ID}', repr(manifest.get('id')))
check(manifest.get('runtime') == 'org.gnome.Platform' and manifest.get('sdk') == 'org.gnome.Sdk',
      'it builds on org.gnome.Platform with org.gnome.Sdk')
version = str(manifest.get('runtime-version', ''))
# GNOME 43 has GTK 4.8 and libadwaita 1.2, the API the build pins.
check(re.fullmatch(r'\d+', version) and int(version) >= 43,
      'the runtime is GNOME 43 or later', version)
check(manifest.get('command') == os.path.basename(EXECUTABLE),
      'the command is the program meson installs', repr(manifest.get('command')))

finish = set(manifest.get('finish-args', []))
check(REQUIRED_FINISH_ARGS <= finish, 'it may show windows on Wayland and X11',
      ' '.join(sorted(REQUIRED_FINISH_ARGS - finish)))
check(finish <= ALLOWED_FINISH_ARGS, 'it asks for no permission beyond those (files go through portals)',
      ' '.join(sorted(finish - ALLOWED_FINISH_ARGS)))

modules = manifest.get('modules', [])
main = modules[-1] if modules else {}
check(main.get('buildsystem') == 'meson', 'the application module builds with meson')
sources = main.get('sources', [])
tree = [s for s in sources if s.get('type') == 'dir']
path = os.path.normpath(os.path.join(os.path.dirname(MANIFEST), tree[0]['path'])) if tree else None
check(path is not None and os.path.samefile(path, ROOT), 'its source is this tree', repr(path))
if path is not None:
    with open(os.path.join(path, 'meson.build'), encoding='utf-8') as f:
        check(re.match(r"project\('supplyshift'", f.read()), 'the tree is the supplyshift meson project')
else:
    check(False, 'the tree is the supplyshift meson project')
skip = set(tree[0].get('skip', [])) if tree else set()
check(BUILD_DIRS <= skip, 'it leaves build folders of the tree out of the copy',
      ' '.join(sorted(BUILD_DIRS - skip)))

for name in (f'data/{APP_ID}.desktop.in', f'data/{APP_ID}.metainfo.xml.in',
             f'data/icons/hicolor/scalable/apps/{APP_ID}.svg'):
    check(os.path.exists(os.path.join(ROOT, name)), f'the tree installs {name} under the app id')

with open(os.path.join(ROOT, f'data/{APP_ID}.metainfo.xml.in'), encoding='utf-8') as f:
    found = re.search(r'<id>([^<]*)</id>', f.read())
check(found and found.group(1) == APP_ID, 'the metainfo names the same id')
with open(os.path.join(ROOT, f'data/{APP_ID}.desktop.in'), encoding='utf-8') as f:
    found = re.search(r'^Exec=(\S+)', f.read(), re.M)
check(found and found.group(1) == manifest.get('command'), 'the desktop file runs the same command')

print(f'1..{len(results)}')
failed = False
for n, (ok, name, detail) in enumerate(results, 1):
    if ok is None:
        print(f'ok {n} - {name} # {detail}')
        continue
    print(f'{"ok" if ok else "not ok"} {n} - {name}')
    if not ok:
        failed = True
        if detail:
            print(f'# {detail}')
sys.exit(1 if failed else 0)
