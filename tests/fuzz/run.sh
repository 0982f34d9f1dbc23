#!/bin/sh
# tests/fuzz/run.sh [SECONDS] — build the libFuzzer target with clang and run
# it on a corpus seeded from seeds/.  Crashes land in tests/fuzz/crashes/;
# keep each as a regression file in tests/fuzz/regressions/ (make check
# replays those through tests/fuzz_replay).
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
secs=${1:-60}
out=${FUZZ_BUILD:-/tmp/baogao-fuzz}
mkdir -p "$out/corpus" "$top/tests/fuzz/crashes"
cp "$top"/seeds/*.txt "$out/corpus/"
cp "$top"/tests/fuzz/regressions/* "$out/corpus/" 2>/dev/null || true
# the defaults built in from data/, as make makes them
sh "$top/tools/embed.sh" "$top/data/keys.conf" datadir_default_keys \
	"$top/data/indicators.tsv" datadir_default_indicators >"$out/defaults.c"
srcs="$(cd "$top" && ls src/text/*.c src/ingest/*.c src/datadir.c) $out/defaults.c"
flags="-Werror=implicit-function-declaration -Werror=int-conversion -g -O1 -fsanitize=fuzzer,address,undefined -I$top/src -I$out -DBAOGAO_PKGDATADIR=\"/nonexistent\" -DBAOGAO_SRCDIR=\"$top\""
# config.h as configure writes it for what the sources need of it: without
# _GNU_SOURCE, memmem() is implicitly int and pointers are cut to 32 bits
printf '#define _GNU_SOURCE 1\n#define PACKAGE_VERSION "fuzz"\n' >"$out/config.h"
xml=$(pkg-config --cflags --libs libxml-2.0 poppler-glib libzip)
(cd "$top" && clang $flags $xml -o "$out/fuzz_ingest" tests/fuzz/fuzz_ingest.c $srcs $xml)
cd "$out"
BAOGAO_DATADIR="$top" ./fuzz_ingest -max_total_time="$secs" -max_len=65536 -timeout=10 \
	-artifact_prefix="$top/tests/fuzz/crashes/" corpus
