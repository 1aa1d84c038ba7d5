#!/usr/bin/env bash
# Benchmark of the assessor's import (docs/PERFORMANCE.md, "Assessor import"):
# generates signed bundles from distinct OPD keys in a temp folder, then, in a
# separate process under /usr/bin/time -v, registers the public keys in a fresh
# assessor workspace and times Workspace.Import of the whole folder.
#   mode A: 200 bundles without evidence (47 answers, ~200 KB report each)
#   mode B: 20 bundles with 50 MB of random evidence each (5 × 10 MB)
# The bundles are in the page cache (written just before); the workspace is on
# the same disk as TMPDIR, so the import's fsyncs are real.
#
#   scripts/bench-import.sh          # both modes
#   MODES=A scripts/bench-import.sh  # one mode
set -euo pipefail
cd "$(dirname "$0")/.."

MODES=${MODES:-"A B"}
work=$(mktemp -d "${TMPDIR:-/tmp}/spbe-bench-import.XXXXXX")
trap 'rm -rf "$work"' EXIT

CGO_ENABLED=0 go build -o "$work/importbench" ./storage/asesor/internal/importbench

results=()
for mode in $MODES; do
	d="$work/$mode"
	mkdir -p "$d"
	"$work/importbench" gen -mode "$mode" -dir "$d" >"$d/gen.out"
	cat "$d"/bundles/* >/dev/null # page cache
	/usr/bin/time -v -o "$d/import.time" "$work/importbench" import -dir "$d" -ws "$d/ws" >"$d/import.out"
	get() { sed -n "s/^$1=//p" "$d/$2"; }
	rss=$(awk -F': ' '/Maximum resident set size/ { printf "%.1f", $2 / 1024 }' "$d/import.time")
	wall=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }' "$d/import.time")
	results+=("$(printf '%-4s %8s %10.1f %10s %10s %12s %8s %10s' "$mode" "$(get bundles import.out)" \
		"$(awk -v b="$(get bundle_bytes import.out)" 'BEGIN { print b / 1e6 }')" \
		"$(get import_seconds import.out)" "$(get bundles_per_second import.out)" \
		"$(get mb_per_second import.out)" "$wall" "$rss")")
	rm -rf "$d" # keep /tmp small between modes
done

echo
printf '%-4s %8s %10s %10s %10s %12s %8s %10s\n' mode bundles "MB" "import s" "bundles/s" "MB/s" "proc s" "maxrss MiB"
printf '%s\n' "${results[@]}"
echo "(import s: Workspace.Import of the folder alone; proc s and maxrss: the whole process, incl. opening the workspace and registering the keys)"
