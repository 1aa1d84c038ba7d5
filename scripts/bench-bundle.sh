#!/usr/bin/env bash
# Benchmark of the signed bundle (docs/PERFORMANCE.md, "Signed bundle"):
# makes ~500 MB of random evidence files of several sizes in a temp folder,
# then times export and verify of a bundle of them against sha256sum over
# the same bytes, and reports peak RSS (/usr/bin/time -v). Files are in the
# page cache for every run (one warm-up pass first), so the numbers compare
# CPU work, not the disk.
#
#   scripts/bench-bundle.sh            # ~500 MB
#   SCALE=0.1 scripts/bench-bundle.sh  # ~50 MB, quick
set -euo pipefail
cd "$(dirname "$0")/.."

SCALE=${SCALE:-1}
work=$(mktemp -d "${TMPDIR:-/tmp}/spbe-bench-bundle.XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/evidence" "$work/data" "$work/out"

CGO_ENABLED=0 go build -o "$work/bundlebench" ./storage/bundle/internal/bundlebench

# name count size_kib: 2×100 MiB, 6×25 MiB, 50×2 MiB, 250×200 KiB ≈ 500 MiB
make_files() {
	local name=$1 count=$2 kib=$3 i
	kib=$(awk -v k="$kib" -v s="$SCALE" 'BEGIN { printf "%d", k * s < 1 ? 1 : k * s }')
	for ((i = 1; i <= count; i++)); do
		head -c "$((kib * 1024))" /dev/urandom >"$work/evidence/${name}-${i}.bin"
	done
}
make_files video 2 102400
make_files scan 6 25600
make_files foto 50 2048
make_files dok 250 200
total=$(du -sb "$work/evidence" | cut -f1)
nfiles=$(ls "$work/evidence" | wc -l)
echo "evidence: $nfiles files, $((total / 1024 / 1024)) MiB in $work/evidence"

timed() { # label, command…: prints wall seconds and peak RSS in MiB
	local label=$1
	shift
	/usr/bin/time -v -o "$work/$label.time" "$@" >"$work/$label.out"
	local wall rss
	wall=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }' "$work/$label.time")
	rss=$(awk -F': ' '/Maximum resident set size/ { printf "%.1f", $2 / 1024 }' "$work/$label.time")
	echo "$label $wall $rss"
}

cat "$work"/evidence/* >/dev/null # warm the page cache
sha_e=$(timed sha256sum-evidence sh -c "sha256sum '$work'/evidence/* >/dev/null")
exp=$(timed export "$work/bundlebench" export -evidence "$work/evidence" -data "$work/data" -out "$work/out")
bundle=$(sed -n 's/^bundle=//p' "$work/export.out")
cat "$bundle" >/dev/null
sha_b=$(timed sha256sum-bundle sha256sum "$bundle")
ver=$(timed verify "$work/bundlebench" verify -pubkey "$work/data/public.json" "$bundle")
ver1=$(timed verify1 env GOMAXPROCS=1 "$work/bundlebench" verify -pubkey "$work/data/public.json" "$bundle")

export_s=$(sed -n 's/^export_seconds=//p' "$work/export.out")
unlock_s=$(sed -n 's/^unlock_seconds=//p' "$work/export.out")
verify_s=$(sed -n 's/^verify_seconds=//p' "$work/verify.out")
read -r _ sha_e_s sha_e_rss <<<"$sha_e"
read -r _ sha_b_s sha_b_rss <<<"$sha_b"
read -r _ exp_s exp_rss <<<"$exp"
read -r _ ver_s ver_rss <<<"$ver"
read -r _ ver1_s ver1_rss <<<"$ver1"

echo
printf '%-34s %10s %12s\n' "step" "seconds" "peak RSS MiB"
printf '%-34s %10s %12s\n' "sha256sum over evidence files" "$sha_e_s" "$sha_e_rss"
printf '%-34s %10s %12s\n' "sha256sum over the bundle" "$sha_b_s" "$sha_b_rss"
printf '%-34s %10s %12s\n' "export, whole process (1)" "$exp_s" "$exp_rss"
printf '%-34s %10s\n' "  of which unlock key (scrypt)" "$unlock_s"
printf '%-34s %10s\n' "  of which write+sign+fsync+rename" "$export_s"
printf '%-34s %10s %12s\n' "verify, whole process" "$ver_s" "$ver_rss"
printf '%-34s %10s\n' "  of which Verify()" "$verify_s"
printf '%-34s %10s %12s\n' "verify on one core (GOMAXPROCS=1)" "$ver1_s" "$ver1_rss"
echo "(1) the process also hashes every evidence file first, standing in for the store, which knows the hashes"
awk -v e="$export_s" -v v="$ver_s" -v v1="$ver1_s" -v s="$sha_e_s" -v b="$sha_b_s" -v t="$total" 'BEGIN {
	printf "\nbundle: %.0f MiB; write+sign/sha256sum(evidence) = %.2f; verify/sha256sum(bundle) = %.2f (one core: %.2f); verify/sha256sum(evidence) = %.2f\n", t / 1048576, e / s, v / b, v1 / b, v / s
	printf "target: verify <= 1.3 x sha256sum\n"
}'
