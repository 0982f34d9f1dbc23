#!/bin/sh
# bench/run.sh — `make bench`: figures for issues 5 and 10, printed, never asserted.
#   BENCH_SIZES="2000 10000"  corpus sizes (reports)
#   BENCH_DIR=/tmp/baogao-bench  where corpora and databases go
# Needs: python3, rg (ripgrep), bc.
set -u
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/.." && pwd)
B=${BAOGAO:-$top/baogao}
[ -x "$B" ] || B=$(pwd)/baogao
[ -x "$B" ] || { echo "bench: build baogao first" >&2; exit 2; }
dir=${BENCH_DIR:-/tmp/baogao-bench}
sizes=${BENCH_SIZES:-2000 10000}
PY=/usr/bin/python3
[ -x $PY ] || PY=python3
export LC_ALL=C.UTF-8
mkdir -p "$dir"

now() { date +%s.%N; }
# best wall time of 3 runs of a command, seconds
best3() {
	best=""
	for i in 1 2 3; do
		t0=$(now); "$@" >/dev/null 2>&1; t1=$(now)
		t=$(echo "$t1 - $t0" | bc -l)
		if [ -z "$best" ] || [ "$(echo "$t < $best" | bc -l)" = 1 ]; then best=$t; fi
	done
	printf '%.3f' "$best"
}

echo "# baogao benchmark — $(date -u +%Y-%m-%d) — $(nproc) cores, $(awk '/MemTotal/{printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -m)"
echo "# $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
for n in $sizes; do
	corpus="$dir/corpus-$n"
	[ -d "$corpus" ] || $PY "$here/gen_corpus.py" "$n" "$corpus" >/dev/null
	bytes=$(du -sb "$corpus" | cut -f1)
	db="$dir/bench-$n.db"
	it=""
	if [ "${BENCH_REUSE_DB:-0}" != 1 ] || [ ! -s "$db" ]; then
		rm -f "$db" "$db-wal" "$db-shm"
		t0=$(now)
		BAOGAO_NO_SEEDS=1 "$B" --db "$db" ingest -q "$corpus" >/dev/null 2>&1
		t1=$(now)
		it=$(echo "$t1 - $t0" | bc -l)
	fi
	echo
	echo "## N = $n reports, $(echo "$bytes / 1000000" | bc -l | xargs printf '%.1f') MB"
	echo
	printf '| figure | baogao | rg | ratio |\n| --- | ---: | ---: | ---: |\n'
	if [ -n "$it" ]; then
		printf '| ingest | %.1f MB/s (%.1f s) | | |\n' "$(echo "$bytes / 1000000 / $it" | bc -l)" "$it"
	else
		printf '| ingest | (database of an earlier run) | | |\n'
	fi
	for term in 专业镇 地区生产总值 高质量发展 光伏; do
		c1=$("$B" --db "$db" search --count --format json "$term" | $PY -c 'import json,sys; print(json.load(sys.stdin)["total"])')
		c2=$(rg -o --no-filename -F "$term" "$corpus" | wc -l)
		tb=$(best3 "$B" --db "$db" search --count "$term")
		tr=$(best3 rg --count-matches -F "$term" "$corpus")
		printf '| search --count %s (%s / rg %s) | %s s | %s s | %.2f |\n' "$term" "$c1" "$c2" "$tb" "$tr" "$(echo "$tb / $tr" | bc -l)"
	done
	for re in '增长[0-9.]+%' '专业镇|产业链'; do
		c1=$("$B" --db "$db" search -e --count --format json "$re" | $PY -c 'import json,sys; print(json.load(sys.stdin)["total"])')
		c2=$(rg -o --no-filename "$re" "$corpus" | wc -l)
		tb=$(best3 "$B" --db "$db" search -e --count "$re")
		tr=$(best3 rg --count-matches "$re" "$corpus")
		printf '| search -e --count %s (%s / rg %s) | %s s | %s s | %.2f |\n' "$(printf %s "$re" | sed 's/|/\\|/g')" "$c1" "$c2" "$tb" "$tr" "$(echo "$tb / $tr" | bc -l)"
	done
	# compare pairs every target with its results: one sort of the statements
	nrows=$("$B" --db "$db" compare --format json | $PY -c 'import json,sys; print(len(json.load(sys.stdin)))')
	nstat=$("$B" --db "$db" indicators --format tsv | tail -n +2 | wc -l)
	tc=$(best3 "$B" --db "$db" compare --format json)
	printf '| compare (%s rows of %s statements) | %s s | | |\n' "$nrows" "$nstat" "$tc"
	dbsize=$(( $(stat -c %s "$db") + $(stat -c %s "$db-wal" 2>/dev/null || echo 0) ))
	printf '| database size / text size | %.2f | | |\n' "$(echo "$dbsize / $bytes" | bc -l)"
	set -- $($PY "$here/browser.py" "$B" "$db")
	printf '| first full screen (200x50 pty) | %s ms | | |\n' "$1"
	printf '| browser peak RSS after a search | %.1f MB | | |\n' "$(echo "$2 / 1024" | bc -l)"
done
