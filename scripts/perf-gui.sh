#!/usr/bin/env bash
# Measures the real desktop app as an old laptop's user meets it, under
# Xvfb at 1366x768 with the demo data (docs/PERFORMANCE.md, "Desktop app"):
#   - cold start: from launching the binary to its window on screen;
#   - (the time to switch indicators is BenchmarkSwitchIndicator in app/);
#   - resident memory (VmRSS, VmHWM) after visiting every indicator.
# Usage: scripts/perf-gui.sh   (SPBE_BIN=/path/to/binary to use a built one;
#        PERF_STEP=3 stays 3 s on each indicator instead of 0.5 s, so Fyne's
#        one-minute caches of the first ones expire while the user works;
#        PERF_SETTLE=90 measures again after 90 s idle; PERF_LOG=FILE keeps
#        the app's log with the GC trace)
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh test
case "${LANG:-}" in "" | C | C.* | POSIX) export LANG=en_US.UTF-8 ;; esac
unset LC_ALL
bin=${SPBE_BIN:-/tmp/spbe-mandiri-perf}
[[ -n "${SPBE_BIN:-}" ]] || go build -tags migrated_fynedo,no_emoji -o "$bin" .

work=$(mktemp -d)
export HOME="$work/home"
mkdir -p "$HOME"
display=:96
pids=()
cleanup() {
	for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
	[[ -z "${PERF_LOG:-}" ]] || cp "$work/app.log" "$PERF_LOG" # GC trace and the app's messages
	rm -rf "$work"
}
trap cleanup EXIT
"$bin" demo --data "$work/data" >/dev/null
Xvfb "$display" -screen 0 1366x768x24 -nolisten tcp >/dev/null 2>&1 &
pids+=($!)
export DISPLAY=$display
sleep 1

now() { date +%s.%N; }
ms() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.0f", (b - a) * 1000 }'; }

# mem: resident memory split into anonymous (Go heap, GL buffers) and
# file-backed (the binary and shared libraries: with Xvfb the software GL
# driver, llvmpipe, is most of it), plus the Go heap from the last GC
# (GODEBUG=gctrace=1: "live" is what the last collection kept).
mem() {
	awk '/VmRSS|VmHWM|RssAnon|RssFile/ {printf "%s %d MB  ", $1, $2 / 1024}' /proc/$app/status
	grep -o '[0-9]*->[0-9]*->[0-9]* MB' "$work/app.log" | tail -1 | awk -F'->' '{printf "Go heap live %s", $3}'
	echo
}

t0=$(now)
GODEBUG=gctrace=1 "$bin" --data "$work/data" >"$work/app.log" 2>&1 &
app=$!
pids+=("$app")
win=""
until [[ -n "$win" ]]; do
	win=$(xdotool search --name '^SPBE Mandiri$' 2>/dev/null | head -1 || true)
	sleep 0.02
done
t1=$(now)
echo "cold start to window: $(ms "$t0" "$t1") ms"
sleep 2
win=$(xdotool search --name '^SPBE Mandiri$' | tail -1) # the window that stayed
xdotool windowmove "$win" 0 0 windowsize "$win" 1366 768
sleep 3
echo "at the home screen: $(mem)"

# Open the SPBE 2020 assessment (the demo's second card; see screenshots.sh).
for _ in $(seq 1 10); do xdotool key --window "$win" Tab; sleep 0.2; done
xdotool key --window "$win" space
sleep 3
for _ in $(seq 1 46); do
	xdotool key --window "$win" ctrl+Next
	sleep "${PERF_STEP:-0.5}" # seconds on each indicator
done
sleep 2
echo "after every indicator: $(mem)"
# After the texture and font caches expire (Fyne cleans them about once a
# minute) and the Go runtime has returned freed memory.
if [[ -n "${PERF_SETTLE:-}" ]]; then
	sleep "$PERF_SETTLE"
	echo "after ${PERF_SETTLE} s idle: $(mem)"
fi
