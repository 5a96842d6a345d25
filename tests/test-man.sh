#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The manual page: it renders without a warning from groff or man, and it
# documents every option that `supplyshift --help-all` lists, so an option
# added to the program without its entry fails here.
#
#     test-man.sh MANPAGE SUPPLYSHIFT          (TAP on stdout)
set -u

man_page=$1
supplyshift=$2
n=0
failed=0

check ()
{
  n=$((n + 1))
  if [ "$1" = 0 ]; then
    echo "ok $n - $2"
  else
    echo "not ok $n - $2"
    failed=1
  fi
}

options=$("$supplyshift" --help-all | grep -o -- '--[a-z][a-z-]*' | sort -u)
[ -n "$options" ] || { echo "Bail out! $supplyshift --help-all listed no option"; exit 1; }
n_options=$(echo "$options" | wc -l)
charts=$(LC_ALL=C "$supplyshift" --help | sed -n 's/^ *--chart=NAME *Chart to export: //p' |
  sed 's/ or /, /; s/,//g')
echo "1..$((4 + n_options))"

warnings=$(groff -man -ww -z "$man_page" 2>&1)
[ -z "$warnings" ]
check $? "groff -man -ww renders it without a warning"
[ -z "$warnings" ] || echo "$warnings" | sed 's/^/# /'

warnings=$(LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -E UTF-8 -l "$man_page" 2>&1 >/dev/null)
[ -z "$warnings" ]
check $? "man --warnings renders it without a warning"
[ -z "$warnings" ] || echo "$warnings" | sed 's/^/# /'

# Plain ASCII text, so "\-\-validate" reads "--validate" (UTF-8 output
# would turn \- into a minus sign).
text=$(groff -man -Tascii -P-c -P-b -P-u "$man_page" 2>/dev/null)
echo "$text" | grep -q '^EXIT STATUS' && echo "$text" | grep -q '^ *3 *The output could not be written'
check $? "it has the exit status section, up to status 3"

# The --chart entry names every chart --help names.
entry=$(echo "$text" | sed -n '/^ *--chart=NAME/,/^$/p')
missing=""
for chart in $charts; do
  echo "$entry" | grep -qw -- "$chart" || missing="$missing $chart"
done
[ -n "$charts" ] && [ -z "$missing" ]
check $? "the --chart entry names every chart ($charts)"
[ -z "$missing" ] || echo "# missing:$missing"

for option in $options; do
  echo "$text" | grep -Eq -- "^ *(-[a-zA-Z], )?$option(=| |\$)"
  check $? "it documents $option"
done
exit $failed
