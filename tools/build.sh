#!/bin/sh
# tools/build.sh — install what is missing (Debian), configure and build.
#   tools/build.sh          build ./baogao in the source tree
#   tools/build.sh --test   also install the test tools and run every test:
#                           make check, the same under ASan+UBSan, make distcheck
set -eu
cd "$(dirname "$0")/.."

mode=${1:-build}
need="build-essential autoconf automake pkg-config libncurses-dev libsqlite3-dev libpcre2-dev libxml2-dev libpoppler-glib-dev libzip-dev"
[ "$mode" = --test ] && need="$need tmux python3-wcwidth screen ripgrep valgrind clang clang-format"

missing=""
for p in $need; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
	echo "installing:$missing"
	sudo=""
	[ "$(id -u)" -ne 0 ] && sudo=sudo
	$sudo apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq $missing >/dev/null
fi

[ -x configure ] && [ configure -nt configure.ac ] && [ -f Makefile.in ] || autoreconf -fi
# the tests build with warnings as errors (the README's build does not: a
# newer compiler's new warning must not stop a user's build)
werror=""
[ "$mode" = --test ] && werror=--enable-werror
[ -f Makefile ] || ./configure -q $werror
make -j"$(nproc)"

[ "$mode" = --test ] || exit 0

# every C file as .clang-format says (clang-format --dry-run fails on a diff)
if git ls-files 'src/*.[ch]' 'tests/*.[ch]' 2>/dev/null | xargs -r clang-format --dry-run -Werror; then
	format_ok=1
else
	format_ok=0
	echo "clang-format: the files above are not formatted (clang-format -i them)"
fi

summary() { # $1 = a log dir; prints "pass fail" from automake's .trs files
	p=$(grep -l '^:test-result: PASS' $(find "$1" -name '*.trs') 2>/dev/null | wc -l)
	f=$(grep -l -E '^:test-result: (FAIL|ERROR|XPASS)' $(find "$1" -name '*.trs') 2>/dev/null | wc -l)
	echo "$p $f"
}
status=0
failed_logs() { # what a failing test printed, so CI's output says why
	for trs in $(grep -l -E '^:test-result: (FAIL|ERROR)' $(find "$1" -name '*.trs') 2>/dev/null); do
		echo "--- ${trs%.trs}.log"; tail -40 "${trs%.trs}.log"
	done
}
make -j"$(nproc)" check || { status=1; failed_logs tests; }
set -- $(summary tests)
passed=$1 failed=$2
if [ $format_ok -eq 1 ]; then passed=$((passed + 1)); else failed=$((failed + 1)); status=1; fi

# Once under valgrind: the unit tests and the command line on a fresh database.
vg="valgrind -q --error-exitcode=1 --leak-check=full --errors-for-leak-kinds=definite --suppressions=$(pwd)/tests/valgrind.supp"
vgdir=$(mktemp -d)
for t in tests/test_text tests/test_ingest tests/test_model tests/test_extract tests/test_forms tests/test_browser; do
	if BAOGAO_DATADIR=$(pwd) $vg "$t" >"$vgdir/out" 2>&1; then passed=$((passed + 1)); else
		failed=$((failed + 1)); status=1; echo "valgrind: $t"; tail -30 "$vgdir/out"; fi
done
for args in "docs" "search --count 专业镇" "search -e 增长[0-9.]+%" "show --width 40 004_bc0ee4ffd7aec591.txt" "compare"; do
	if BAOGAO_DATADIR=$(pwd) $vg ./baogao --db "$vgdir/vg.db" $args >"$vgdir/out" 2>&1; then
		passed=$((passed + 1)); else failed=$((failed + 1)); status=1; echo "valgrind: baogao $args"; tail -30 "$vgdir/out"; fi
done
rm -rf "$vgdir"

# The same suite under AddressSanitizer and UndefinedBehaviorSanitizer, in a
# copy of the distribution (a configured source tree allows no second build).
rm -rf _build-san
make distdir distdir=_build-san >/dev/null
(cd _build-san && ./configure -q --enable-sanitizers --enable-werror &&
	ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	make -j"$(nproc)" check) || { status=1; failed_logs _build-san/tests; }
set -- $(summary _build-san/tests)
passed=$((passed + $1)) failed=$((failed + $2))

# A minute of fuzzing the ingest parser and indicator extractor; a crash is
# kept in tests/fuzz/crashes/ to be added to tests/fuzz/regressions/.
if tests/fuzz/run.sh "${FUZZ_SECONDS:-60}" >fuzz.log 2>&1; then passed=$((passed + 1)); else
	failed=$((failed + 1)); status=1; echo "fuzz: crash"; tail -40 fuzz.log; fi

make -j"$(nproc)" distcheck >distcheck.log 2>&1 || { tail -40 distcheck.log; status=1; failed=$((failed + 1)); }
[ $status -eq 0 ] && passed=$((passed + 1))

echo "tests: $passed passed, $failed failed"
exit $status
