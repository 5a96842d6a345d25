#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# No view writes into a study. A view holds the study as const, so writing
# into an item, a country or a scenario does not compile; but C's const is
# shallow, and the arrays they point to (an item's sources, a scenario's
# targets and stockpiles) would still take a write. This finds such a
# write in app/ and widgets/, as the project's review hook does: every
# change goes through SsDocument's operations.
#
#     test-view-writes.sh SOURCE_ROOT          (TAP on stdout)
set -u

cd "$1" || exit 1
pattern='^[[:space:]]*[A-Za-z_][][A-Za-z0-9_>.-]*(->|\.)(attr|sources|targets|stockpile|listed)(\[[^]]*\])?(\.[a-z_]+(\[[^]]*\])?)?[[:space:]]*=[^=]'
echo "1..1"
writes=$(grep -nE "$pattern" app/*.c widgets/*.c)
if [ -z "$writes" ]; then
  echo "ok 1 - no view writes into a study"
else
  echo "not ok 1 - views write into a study around the document:"
  echo "$writes" | sed 's/^/# /'
fi
