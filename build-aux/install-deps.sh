#!/bin/sh
# Installs what Supply Shift needs to build, run and test on Debian 12.
# Idempotent: when everything is already there it returns in well under a
# second without touching apt.
set -eu

PACKAGES="libgtk-4-dev libadwaita-1-dev libxml2-dev libxml2-utils libcairo2-dev
  libpango1.0-dev meson ninja-build pkg-config gcc gettext fonts-dejavu-core
  fonts-noto-cjk xvfb xauth x11-utils imagemagick librsvg2-bin poppler-utils
  desktop-file-utils appstream libglib2.0-bin locales python3"

missing=""
for p in $PACKAGES; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" \
    || missing="$missing $p"
done

SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"

if [ -n "$missing" ]; then
  echo "Installing:$missing"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get -o DPkg::Lock::Timeout=600 update -q
  # shellcheck disable=SC2086
  $SUDO apt-get -o DPkg::Lock::Timeout=600 install -y -q --no-install-recommends $missing
fi

# A comma-decimal locale for the locale-independence tests, and Korean for
# looking at the translation.
for loc in de_DE ko_KR; do
  if ! locale -a 2>/dev/null | grep -qi "^$loc\.utf-\?8$"; then
    $SUDO localedef -i "$loc" -f UTF-8 "$loc.UTF-8"
  fi
done
