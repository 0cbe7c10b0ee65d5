#!/bin/sh
# test-cli.sh — the command line, as a user (or a script) runs it
#
# Copyright 2026 The Borderline developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Runs borderline with no display at all and checks what it prints and
# its exit status: 0 valid, 1 invalid, 2 usage error, never a signal.

set -u
BORDERLINE=$1
SRC=$2
SAMPLE="$SRC/data/samples/csto-isis-k-2023.borderline"
unset DISPLAY WAYLAND_DISPLAY
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

failures=0
passes=0

fail () {
  echo "not ok - $1"
  failures=$((failures + 1))
}

pass () {
  echo "ok - $1"
  passes=$((passes + 1))
}

# run NAME EXPECTED-STATUS ARGS… — runs borderline, keeps out/err
run () {
  name=$1; expected=$2; shift 2
  "$BORDERLINE" "$@" >"$TMP/out" 2>"$TMP/err"
  status=$?
  if [ "$status" -ne "$expected" ]; then
    fail "$name: exit status $status, expected $expected"
    sed 's/^/# /' "$TMP/err"
    return 1
  fi
  pass "$name"
  return 0
}

expect_out () {
  if grep -q -- "$2" "$TMP/out"; then pass "$1"; else fail "$1: no '$2' in stdout"; sed 's/^/# /' "$TMP/out"; fi
}

expect_err () {
  if grep -q -- "$2" "$TMP/err"; then pass "$1"; else fail "$1: no '$2' in stderr"; sed 's/^/# /' "$TMP/err"; fi
}

run "version" 0 --version && expect_out "version prints it" "^borderline [0-9]"
run "help" 0 --help && expect_out "help mentions --check" "--check"

run "check sample" 0 --check "$SAMPLE" && \
  expect_out "check sample says ok" "csto-isis-k-2023.borderline: ok: 16 claims, 5 actors, 2 sources, 5 topics"

# hostile files: each exits 1 with a message that names the file
printf '' > "$TMP/empty.borderline"
printf '   \n ' > "$TMP/blank.borderline"
head -c 2000 "$SAMPLE" > "$TMP/truncated.borderline"
printf '{"format": "borderline", "version": 1, "title": "\\ud800"}' > "$TMP/surrogate.borderline"
head -c 4096 /dev/urandom > "$TMP/garbage.borderline"
python3 -c 'print("[" * 100000)' > "$TMP/deep.borderline" 2>/dev/null || \
  awk 'BEGIN { for (i = 0; i < 100000; i++) printf "["; print "" }' > "$TMP/deep.borderline"
printf '\357\273\277' > "$TMP/bom.borderline"
printf '{"format": "borderline", "version": 1, "claims": [{"id": "c", "statement": "s", "location": {"lat": 95, "lon": 1}}]}' > "$TMP/lat95.borderline"
printf '{"format": "borderline", "version": 7}' > "$TMP/future.borderline"
mkdir "$TMP/folder.borderline"

for f in empty blank truncated surrogate garbage deep bom lat95 future folder; do
  run "check $f" 1 --check "$TMP/$f.borderline" && expect_err "check $f names the file" "$f.borderline"
done
run "check lat95 again" 1 --check "$TMP/lat95.borderline" && \
  expect_err "latitude message" '\$.claims\[0\].location: latitude 95 is outside -90..90'
run "check missing" 1 --check "$TMP/nonexistent.borderline" && expect_err "missing names the file" "nonexistent.borderline"

# one bad file among good ones: 1, and the good ones still reported
run "check mixed" 1 --check "$SAMPLE" "$TMP/empty.borderline" "$SAMPLE" && expect_out "mixed reports the good" "ok: 16 claims"

# other formats: convert the sample, check and convert back
run "convert to geojson" 0 --convert="$TMP/sample.geojson" "$SAMPLE"
run "check geojson" 0 --check "$TMP/sample.geojson" && expect_out "geojson would import" "claims would import"
run "convert geojson back" 0 --convert="$TMP/back.borderline" "$TMP/sample.geojson"
run "check converted project" 0 --check "$TMP/back.borderline" && expect_out "converted project has its claims" "ok: 16 claims"
run "convert to csv" 0 --convert="$TMP/sample.csv" "$SAMPLE"
run "convert to kml" 0 --convert="$TMP/sample.kml" "$SAMPLE"
if grep -q "<TimeStamp>\|<TimeSpan>" "$TMP/sample.kml"; then pass "kml has time"; else fail "kml has time"; fi
printf 'title,lat,lon,date\nok,36.7,68.9,2023-02-14\nbad,95,68.9,2023-02-14\n' > "$TMP/mixed.csv"
run "check csv with a bad row" 1 --check "$TMP/mixed.csv" && expect_err "bad row named with its line" "mixed.csv:3"
run "convert bad extension" 2 --convert="$TMP/out.xyz" "$SAMPLE"
run "convert two inputs" 2 --convert="$TMP/out.csv" "$SAMPLE" "$SAMPLE"

# the map, without a display
run "export png" 0 --export="$TMP/map.png" --size=800x500 "$SAMPLE" && expect_out "export says where" "map.png"
if head -c 8 "$TMP/map.png" | grep -q PNG; then pass "map is a PNG"; else fail "map is a PNG"; fi
run "export pdf of a view" 0 --export="$TMP/map.pdf" --view="Northern border" "$SAMPLE"
run "export svg of a window" 0 --export="$TMP/map.svg" --from=2023-02 --to=2023-02 --title="February" "$SAMPLE"
run "export bad size" 2 --export="$TMP/x.png" --size=huge "$SAMPLE" && expect_err "bad size named" "size"
run "export unknown view" 1 --export="$TMP/x.png" --view=nowhere "$SAMPLE" && expect_err "unknown view named" "nowhere"
run "export to a missing folder" 1 --export="$TMP/no/such/x.png" "$SAMPLE"
if [ -e "$TMP/x.png" ]; then fail "nothing written on failure"; else pass "nothing written on failure"; fi

# the comparison, without a display
run "export chart" 0 --export-chart="$TMP/chart.png" --topic=t-isis-fighters "$SAMPLE" && \
  expect_out "export chart says where" "chart.png"
if [ -s "$TMP/chart.png" ] && head -c 8 "$TMP/chart.png" | grep -q PNG; then pass "chart is a PNG"; else fail "chart is a PNG"; fi
run "export table" 0 --export-table="$TMP/table.csv" --topic=t-isis-fighters "$SAMPLE"
if grep -q "Rahmon" "$TMP/table.csv"; then pass "table has Rahmon"; else fail "table has Rahmon"; fi
run "export unknown topic" 1 --export-table="$TMP/t2.csv" --topic=t-nothing "$SAMPLE" && \
  expect_err "unknown topic named" "t-nothing"
if [ -e "$TMP/t2.csv" ]; then fail "nothing written for an unknown topic"; else pass "nothing written for an unknown topic"; fi
run "export without topic" 2 --export-chart="$TMP/c.png" "$SAMPLE"
run "export bad extension" 2 --export-chart="$TMP/c.gif" --topic=t-isis-fighters "$SAMPLE"

# usage errors
run "check without files" 2 --check
run "unknown option" 2 --no-such-option

echo "1..$((passes + failures))"
echo "# $passes passed, $failures failed"
[ "$failures" -eq 0 ]
