#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The bash completion: it parses, it offers every option that
# `supplyshift --help-all` lists, the values of the options that take a
# fixed set, and the scenario and item codes of the study on the command
# line. Lines are split into words as bash splits them ("=" is a word of
# its own, COMP_WORDBREAKS), then the completion function is called as
# bash-completion calls it.
#
#     test-completion.sh COMPLETION SUPPLYSHIFT SAMPLE INSTALLED-SAMPLE
#
# Without a study on the command line the completion reads the installed
# sample, INSTALLED-SAMPLE; the test points that path at SAMPLE, the
# sample in the source tree. TAP on stdout.
set -u

installed=$1
supplyshift=$2
sample=$3
installed_sample=$4
framework=/usr/share/bash-completion/bash_completion
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

if [ ! -r "$framework" ]; then
  echo "1..0 # SKIP bash-completion is not installed ($framework)"
  exit 0
fi

# What the completion offers for LINE (the cursor at its end), one a line.
complete_line ()
{
  bash -c '
    source "$1"
    source "$2"
    compopt () { :; }                  # only works inside real completion
    line=$3
    COMP_WORDS=()
    for w in $line; do
      while [[ $w == *=* ]]; do COMP_WORDS+=("${w%%=*}" "="); w=${w#*=}; done
      [[ -n $w ]] && COMP_WORDS+=("$w")
    done
    [[ $line == *" " || $line == *= ]] && COMP_WORDS+=("")
    COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
    COMP_LINE=$line
    COMP_POINT=${#line}
    COMPREPLY=()
    _supplyshift supplyshift "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
    printf "%s\n" "${COMPREPLY[@]}" | sort
  ' sh "$framework" "$completion" "$1"
}

expect ()
{
  got=$(complete_line "$1" | tr '\n' ' ' | sed 's/ $//')
  [ "$got" = "$2" ]
  check $? "“$1” offers: $2"
  [ "$got" = "$2" ] || echo "# got: $got"
}

dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
completion=$dir/supplyshift
sed "s|'$installed_sample'|'$sample'|" "$installed" > "$completion"

options=$("$supplyshift" --help-all | grep -o -- '--[a-z][a-z-]*' | sort -u)
n_options=$(echo "$options" | wc -l)
# The values --help names for --chart and --import-format ("a, b or c").
values_of ()
{
  LC_ALL=C "$supplyshift" --help | sed -n "s/^ *$1=[A-Z]* *[^:]*: //p" |
    sed 's/ (.*//; s/ or /, /; s/,//g' | tr ' ' '\n' | sort | tr '\n' ' ' | sed 's/ $//'
}
charts=$(values_of --chart)
formats=$(values_of --import-format)
echo "1..$((14 + n_options))"

grep -qF "'$installed_sample'" "$installed"
check $? "without a study it reads the installed sample, $installed_sample"

bash -n "$completion"
check $? "bash -n parses it"

offered=$(complete_line "supplyshift --")
for option in $options; do
  echo "$offered" | grep -Eqx -- "$option=?"
  check $? "“supplyshift --” offers $option"
done

expect "supplyshift --rep" "--report="
expect "supplyshift --report=" "csv json"
expect "supplyshift --report=c" "csv"
expect "supplyshift --chart " "compare cost frontier heatmap mix risk stress tornado"
expect "supplyshift --import-format=" "comtrade kcs-csv kcs-xml wgi"
# and exactly what the program's --help names, so a new chart needs its
# completion.
[ -n "$charts" ] && expect "supplyshift --chart=" "$charts"
[ -n "$formats" ] && expect "supplyshift --import-format " "$formats"
expect "supplyshift --item 81" "8104 8110 8111 811292-Ga 811292-In"
expect "supplyshift --scenario=" \
  "baseline china-export-controls china-plus-one hormuz-closure reshoring stockpile-targets vietnam-plus vietnam-urea-curbs"

# A study on the command line gives its own codes, attributes on any line.
sed -e 's/id="reshoring"/id="home-first"/' -e 's/<item code="8104"/<item\n code="mg-ingot"/' \
  "$sample" > "$dir/mine.supplyshift"
expect "supplyshift --export=x.svg $dir/mine.supplyshift --scenario=hom" "home-first"
expect "supplyshift $dir/mine.supplyshift --item=m" "mg-ingot"

mkdir "$dir/files" "$dir/files/sub"
touch "$dir/files/a.supplyshift" "$dir/files/b.txt"
expect "supplyshift $dir/files/" "$dir/files/a.supplyshift $dir/files/sub"
exit $failed
