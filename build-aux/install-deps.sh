#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Installs what Supply Shift needs to build, run and test on Debian 12.
# When everything is there it only looks (no root, no apt, well under a
# second). Otherwise it names what is missing and installs it, which
# needs root: as root it runs apt-get; otherwise it asks sudo, and says
# what to run as root when it cannot.
#
#     build-aux/install-deps.sh [--fuzz]
#
# --fuzz adds clang and its fuzzer runtime, for the fuzzing and sanitizer
# build that CI runs (.ci/run).
#
# The de_DE and ko_KR locales are optional: they are made when we are
# root, and without them the tests that need them skip and say why.
set -eu

PACKAGES="libgtk-4-dev libadwaita-1-dev libxml2-dev libxml2-utils libcairo2-dev
  libpango1.0-dev meson ninja-build pkg-config gcc gettext fonts-dejavu-core
  fonts-noto-cjk xvfb xauth x11-utils imagemagick librsvg2-bin poppler-utils
  desktop-file-utils appstream libglib2.0-bin python3 xdotool libjson-glib-dev
  itstool yelp-tools bash-completion flatpak-builder dbus-daemon
  at-spi2-core python3-pyatspi"
# Why some of these are here (docs/decisions.md, "Help and desktop"):
# itstool merges the help's translations (meson's gnome.yelp needs it);
# yelp-tools builds the help's HTML copy (yelp-build) and checks the pages
# (yelp-check); bash-completion is the framework the completion test runs
# the completion in; flatpak-builder reads the Flatpak manifest in a test
# (the sandbox build needs the GNOME runtime, a download); dbus-daemon
# gives tests/test-application.c a session bus of its own (GTestDBus);
# dbus-daemon's dbus-run-session, at-spi2-core (the AT-SPI bus) and
# python3-pyatspi let tests/test-a11y.py read the window as a screen
# reader does.
# Optional, installed when we are root (as CI is) and never a reason to
# ask for root: locales only makes the optional locales; inkscape lets
# tests/test-chart-svg check that an exported SVG's labels are text
# objects in Inkscape (about 100 MB with its GTK 3 stack, so not asked of
# every developer; without it that check skips and says so).
OPTIONAL="locales inkscape"

if [ "${1-}" = "--fuzz" ]; then
  PACKAGES="$PACKAGES clang libclang-rt-14-dev"
fi

is_installed ()
{
  dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"
}

root=false
[ "$(id -u)" -eq 0 ] && root=true

# As root, the optional packages come too; without root they never make
# us ask for it.
wanted=$PACKAGES
if $root; then
  wanted="$wanted $OPTIONAL"
fi
missing=""
for p in $wanted; do
  is_installed "$p" || missing="$missing $p"
done

as_root ()
{
  if $root; then
    "$@"
  else
    sudo "$@"
  fi
}

if [ -n "$missing" ]; then
  echo "install-deps: missing:$missing"
  if ! $root; then
    if ! command -v sudo >/dev/null 2>&1; then
      echo "install-deps: installing them needs root; as root, run:" >&2
      echo "  apt-get install --no-install-recommends$missing" >&2
      exit 1
    fi
    echo "install-deps: installing them needs root: asking sudo"
  fi
  if ! { as_root env DEBIAN_FRONTEND=noninteractive \
           apt-get -o DPkg::Lock::Timeout=600 update -q &&
         as_root env DEBIAN_FRONTEND=noninteractive \
           apt-get -o DPkg::Lock::Timeout=600 install -y -q --no-install-recommends $missing; }
  then
    echo "install-deps: could not install:$missing (this needs root)" >&2
    exit 1
  fi
fi

# A comma-decimal locale for the locale tests, and Korean for looking at
# the translation. Optional: never a reason to stop.
for loc in de_DE ko_KR; do
  if locale -a 2>/dev/null | grep -qix "$loc\.utf-\?8"; then
    continue
  fi
  if $root && localedef -i "$loc" -f UTF-8 "$loc.UTF-8"; then
    continue
  fi
  echo "install-deps: optional locale $loc.UTF-8 is not installed; the tests that need it skip."
  echo "  To add it, as root: localedef -i $loc -f UTF-8 $loc.UTF-8 (package locales)"
done
