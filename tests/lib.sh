# tests/lib.sh — shared by the shell tests: a private database and temp dir,
# and checks that count failures instead of stopping at the first.
set -u
: "${BAOGAO:?BAOGAO must name the built program (make check sets it)}"
: "${top_srcdir:=.}"
export LC_ALL=C.UTF-8
T=$(mktemp -d "${TMPDIR:-/tmp}/baogao-test.XXXXXX")
export BAOGAO_DB="$T/test.db"
export XDG_DATA_HOME="$T/xdg"
trap 'rm -rf "$T"' EXIT
passed=0
failed=0

ok() { passed=$((passed + 1)); }
not_ok() { failed=$((failed + 1)); echo "FAIL: $*" >&2; }
# check_eq WHAT GOT EXPECTED
check_eq() {
	if [ "$2" = "$3" ]; then ok; else not_ok "$1: got '$2', expected '$3'"; fi
}
# check_status WHAT GOT EXPECTED
check_status() { check_eq "$1 (exit status)" "$2" "$3"; }
# check_grep WHAT PATTERN FILE
check_grep() {
	if grep -q -- "$2" "$3"; then ok; else not_ok "$1: '$2' not in $3: $(head -c 600 "$3")"; fi
}
check_no_grep() {
	if grep -q -- "$2" "$3"; then not_ok "$1: '$2' found in $3"; else ok; fi
}
finish() {
	echo "$passed passed, $failed failed"
	[ "$failed" -eq 0 ]
}
# max_width FILE — the widest line's display width (East Asian Wide and
# Fullwidth count two), measured independently of baogao's own tables
max_width() {
	python3 -c '
import sys, unicodedata
def w(s): return sum(2 if unicodedata.east_asian_width(c) in "WF" else 0 if unicodedata.combining(c) else 1 for c in s)
print(max([w(l.rstrip("\n")) for l in open(sys.argv[1], encoding="utf-8")] or [0]))' "$1"
}
