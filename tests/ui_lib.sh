# tests/ui_lib.sh — drives the browser in a private tmux server (its own
# socket, killed on exit), for the ui_*.test scripts.  Source after setting
# UI_NAME; exits 77 (skipped) when tmux is missing.
command -v tmux >/dev/null 2>&1 || { echo "tmux not installed: skipped"; exit 77; }
. "$top_srcdir/tests/lib.sh"
# The server's socket lives in the test's temp dir, so nothing outlives it.
UI_SOCK="$T/tmux-${UI_NAME:-ui}"
UI_PY=/usr/bin/python3
[ -x "$UI_PY" ] && "$UI_PY" -c 'import wcwidth' 2>/dev/null || UI_PY=python3
tm() { tmux -S "$UI_SOCK" -f /dev/null "$@"; }
trap 'tm kill-server >/dev/null 2>&1; rm -rf "$T"' EXIT
export BAOGAO_DATADIR="${BAOGAO_DATADIR:-$top_srcdir}"
# A user's own config must not change what the tests see.
export XDG_CONFIG_HOME="$T/config"
export HOME="$T/home"
mkdir -p "$HOME" "$XDG_CONFIG_HOME"

# The seeds go into the database before the browser starts, so start-up in
# the tests is the browser's own.
ui_prepare() {
	"$BAOGAO" docs >"$T/prepare.out" 2>&1 || { echo "baogao docs failed: $(cat "$T/prepare.out")"; exit 1; }
}

# ui_start COLS ROWS [VAR=VALUE...] [-- ARGS...] — the browser in a new
# session; its exit status goes to $T/status, the pid of its parent shell to
# $T/pid.  With UI_HOLD=1 the pane stays open after the browser ends.
ui_start() {
	cols=$1 rows=$2
	shift 2
	envs=""
	while [ $# -gt 0 ] && [ "$1" != "--" ]; do envs="$envs '$1'"; shift; done
	[ "${1:-}" = "--" ] && shift
	args=""
	for a in "$@"; do args="$args '$a'"; done
	rm -f "$T/status" "$T/pid"
	# Ctrl-C reaches the whole process group: the shell must outlive it to
	# write the status (a trap, not an ignore, which the child would inherit).
	cat >"$T/run.sh" <<RUN
trap : INT
echo \$\$ >'$T/pid'
env $envs '$BAOGAO' $args 2>'$T/stderr'
echo \$? >'$T/status'
${UI_HOLD:+sleep 30}
RUN
	tm new-session -d -s ui -c "$T" -x "$cols" -y "$rows" "sh '$T/run.sh'"
}

ui_capture() { tm capture-pane -p -t ui 2>/dev/null; }

# ui_wait TEXT [SECONDS] — polls the screen until TEXT shows; 1 if it never does.
ui_wait() {
	want=$1 limit=${2:-10}
	i=0
	while [ $i -lt $((limit * 10)) ]; do
		if ui_capture | grep -qF -- "$want"; then return 0; fi
		sleep 0.1
		i=$((i + 1))
	done
	return 1
}

# check_screen WHAT TEXT — the screen shows TEXT (waiting for it).
check_screen() {
	if ui_wait "$2" "${3:-10}"; then ok; else
		not_ok "$1: '$2' not on screen:"
		ui_capture | sed 's/^/    |/' >&2
	fi
}

# check_no_screen WHAT TEXT [SECONDS] — TEXT leaves the screen (keys sent
# just before take a moment on a loaded machine).
check_no_screen() {
	i=0
	while ui_capture | grep -qF -- "$2"; do
		if [ $i -ge $((${3:-5} * 10)) ]; then
			not_ok "$1: '$2' on screen"
			ui_capture | sed 's/^/    |/' >&2
			return
		fi
		sleep 0.1
		i=$((i + 1))
	done
	ok
}

ui_keys() { tm send-keys -t ui "$@"; }
ui_type() { tm send-keys -t ui -l "$1"; }

# ui_wait_exit [SECONDS] — waits for the browser to end; prints its status.
ui_wait_exit() {
	limit=${1:-5}
	i=0
	while [ $i -lt $((limit * 10)) ]; do
		if [ -s "$T/status" ]; then cat "$T/status"; return 0; fi
		sleep 0.1
		i=$((i + 1))
	done
	echo "still running"
	return 1
}

ui_resize() {
	tm resize-window -t ui -x "$1" -y "$2"
}

# check_borders WHAT [MIN_BORDERS] — every row but the status line has its
# pane borders (│ or |) in the same display columns, measured with wcwidth.
check_borders() {
	ui_capture >"$T/screen.txt"
	if out=$("$UI_PY" "$top_srcdir/tests/ui_screen.py" borders "$T/screen.txt" "${2:-1}" 2>&1); then ok; else
		not_ok "$1: $out"
		sed 's/^/    |/' "$T/screen.txt" >&2
	fi
}
