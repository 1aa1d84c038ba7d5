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
#        the app's log with the GC trace; PERF_SHOTS=DIR keeps the
#        screenshots the script checks its way with and /proc/PID/smaps
#        at each measurement; SPBE_HEAPPROFILE=FILE
#        makes the app write its Go heap profile, see app/heapprofile.go)
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
display=${PERF_DISPLAY:-:96} # another one to run two measurements at once
pids=()
cleanup() {
	for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
	[[ -z "${PERF_LOG:-}" ]] || cp "$work/app.log" "$PERF_LOG" # GC trace and the app's messages
	rm -rf "$work"
}
trap cleanup EXIT
"$bin" demo --data "$work/data" >/dev/null
# Only the demo's SPBE 2020 assessment (47 indicators) stays on the home
# screen, so Ctrl+O ("open the top one") opens it whatever buttons the
# home screen has; the others go to the Sampah.
spbe=""
while read -r id catalog; do
	if [[ "$catalog" == spbe-2020 ]]; then
		spbe=$id
	else
		"$bin" assessment trash --data "$work/data" "$id" >/dev/null
	fi
done < <("$bin" assessment list --data "$work/data" | awk 'NR > 1 {print $1, $3}')
[[ -n "$spbe" ]] || { echo "perf-gui: the demo has no SPBE 2020 assessment" >&2; exit 1; }
Xvfb "$display" -screen 0 1366x768x24 -nolisten tcp >/dev/null 2>&1 &
pids+=($!)
export DISPLAY=$display
sleep 1

now() { date +%s.%N; }
ms() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.0f", (b - a) * 1000 }'; }

shots=${PERF_SHOTS:-$work/shots}
mkdir -p "$shots"
shot() { import -window root "$shots/$1.png"; }
# differ A B: how many pixels of screenshots A and B differ (compare exits
# 1 when they do, hence the || true).
differ() { { compare -metric AE "$shots/$1.png" "$shots/$2.png" null: 2>&1 || true; } | awk '{print int($1)}'; }
# must_differ A B WHAT: fails loudly when the screen did not change, i.e.
# the keys did not do what the measurement relies on.
must_differ() {
	local n
	n=$(differ "$1" "$2")
	if ((n < 2000)); then
		echo "perf-gui: $3 — the screen did not change ($n pixels differ between $1 and $2; screenshots in $shots)" >&2
		if [[ -z "${PERF_SHOTS:-}" ]]; then
			rm -rf /tmp/perf-gui-shots && cp -r "$shots" /tmp/perf-gui-shots
			echo "perf-gui: kept them in /tmp/perf-gui-shots" >&2
		fi
		exit 1
	fi
}

# mem: resident memory split into anonymous (Go heap, GL buffers) and
# file-backed (the binary and shared libraries: with Xvfb the software GL
# driver, llvmpipe, is most of it), plus the Go heap from the last GC
# (GODEBUG=gctrace=1: "live" is what the last collection kept).
# With SPBE_HEAPPROFILE=FILE, each measurement also keeps the app's last
# heap profile as FILE.<stage> (go tool pprof -sample_index inuse_space).
mem() {
	awk '/VmRSS|VmHWM|RssAnon|RssFile|RssShmem/ {printf "%s %d MB  ", $1, $2 / 1024}' /proc/$app/status
	awk '/^(Anonymous|Pss):/ {printf "smaps %s %d MB  ", $1, $2 / 1024}' /proc/$app/smaps_rollup
	grep -o '[0-9]*->[0-9]*->[0-9]* MB' "$work/app.log" | tail -1 | awk -F'->' '{printf "Go heap live %s", $3}'
	echo
	if [[ -n "${SPBE_HEAPPROFILE:-}" && -f "$SPBE_HEAPPROFILE" ]]; then cp "$SPBE_HEAPPROFILE" "$SPBE_HEAPPROFILE.$1"; fi
	if [[ -n "${PERF_SHOTS:-}" ]]; then cp /proc/$app/smaps "$shots/smaps-$1"; fi # every mapping, to see who holds what
}

# cpu_ms: the app's CPU time so far (user + system, /proc/PID/stat).
cpu_ms() { awk -v hz="$(getconf CLK_TCK)" '{print int(($14 + $15) * 1000 / hz)}' /proc/$app/stat; }

# PERF_CALIB=1: measure the smallest Fyne program instead (one window, one
# label, app/internal/perfcalib, same tags): what any Fyne app costs under
# this Xvfb and GL driver before our code (docs/PERFORMANCE.md, "Sixth pass").
if [[ -n "${PERF_CALIB:-}" ]]; then
	calib=${SPBE_CALIB_BIN:-/tmp/spbe-mandiri-perfcalib}
	[[ -n "${SPBE_CALIB_BIN:-}" ]] || go build -tags migrated_fynedo,no_emoji -o "$calib" ./app/internal/perfcalib
	GODEBUG=gctrace=1 "$calib" >"$work/app.log" 2>&1 &
	app=$!
	pids+=("$app")
	until xdotool search --name '^perfcalib$' >/dev/null 2>&1; do sleep 0.02; done
	sleep 5
	echo "calibration (one window, one label), 5 s after its window: $(mem calib)"
	sleep 40
	echo "calibration, 45 s after its window: $(mem calib45)"
	exit 0
fi

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
echo "at the home screen: $(mem home)"

# Open the SPBE 2020 assessment: the only card, so Ctrl+O opens it.
shot home
xdotool key --window "$win" ctrl+o
sleep 3
shot opened
must_differ home opened "Ctrl+O did not open the assessment"
# It opens at the first open indicator; go back to indicator 1 (Ctrl+PgUp
# at the first one does nothing), then forward through all 47.
for _ in $(seq 1 10); do
	xdotool key --window "$win" ctrl+Prior
	sleep 0.3
done
sleep 1
shot first
xdotool key --window "$win" ctrl+Next
sleep "${PERF_STEP:-0.5}"
sleep 1
shot second
must_differ first second "Ctrl+PgDn did not move to the next indicator (not on the indicator screen?)"
for _ in $(seq 2 46); do
	xdotool key --window "$win" ctrl+Next
	sleep "${PERF_STEP:-0.5}" # seconds on each indicator
done
sleep 1
shot last
xdotool key --window "$win" ctrl+Prior
sleep 1
shot before-last
must_differ last before-last "Ctrl+PgUp at the end did not move (not on the indicator screen?)"
xdotool key --window "$win" ctrl+Next # back on the 47th
sleep 2
echo "after every indicator (2 s after the last switch): $(mem walked)"
# The app hands back freed memory after 3 s without a switch (settle.go).
sleep 6
echo "after every indicator, 8 s after the last switch: $(mem walked8)"
# After the texture and font caches expire (FYNE_CACHE, 20 s) and the
# window has settled (32 s after the last switch); PERF_SETTLE counts from
# the "2 s after" measurement, as before.
if [[ -n "${PERF_SETTLE:-}" ]]; then
	c0=$(cpu_ms)
	sleep $((PERF_SETTLE > 6 ? PERF_SETTLE - 6 : 0))
	echo "after ${PERF_SETTLE} s idle: $(mem settled)"
	echo "CPU while idle since the 8-s measurement: $(($(cpu_ms) - c0)) ms (incl. the settle)"
fi
