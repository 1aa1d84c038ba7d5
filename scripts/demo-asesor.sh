#!/usr/bin/env bash
# Makes a fictional assessor's data folder for trying the assessor
# workspace (and for scripts/screenshots.sh): five OPD installations of
# "Pemerintah Kabupaten Sigi" answer SPBE 2025 and export signed bundles
# to a folder standing in for the USB stick; the assessor registers their
# keys (four verified, one left pending), imports the stick and reviews a
# few indicators. Everything goes through the real command line.
# Usage: scripts/demo-asesor.sh DATA_DIR [STICK_DIR]
#        SPBE_BIN=/path/to/binary scripts/demo-asesor.sh DATA_DIR
set -euo pipefail
cd "$(dirname "$0")/.."
data=${1:?usage: scripts/demo-asesor.sh DATA_DIR [STICK_DIR]}
stick=${2:-$data-usb}
if [[ -e "$data/asesor" ]]; then
	echo "$data/asesor already exists; the demo only fills a new folder" >&2
	exit 2
fi
bin=${SPBE_BIN:-}
if [[ -z "$bin" ]]; then
	bin=/tmp/spbe-mandiri
	go build -tags migrated_fynedo,no_emoji -o "$bin" .
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$data" "$stick"
pass="frasa sandi contoh yang panjang"

# kode|nama|base level (levels vary around it per indicator)
opds=(
	"DISKOMINFO|Dinas Komunikasi, Informatika dan Persandian|3"
	"BAPPEDA|Badan Perencanaan Pembangunan Daerah|2"
	"BKPSDM|Badan Kepegawaian dan Pengembangan SDM|2"
	"DINKES|Dinas Kesehatan|3"
	"DUKCAPIL|Dinas Kependudukan dan Pencatatan Sipil|4"
)
for o in "${opds[@]}"; do
	IFS='|' read -r kode nama base <<<"$o"
	d="$work/$kode"
	"$bin" init --data "$d" --instansi "Pemerintah Kabupaten Sigi" --opd-kode "$kode" --opd-nama "$nama" \
		--operator "Operator $kode" >/dev/null
	id=$("$bin" assessment new --data "$d" --catalog spbe-2020 --periode 2025)
	for n in $(seq 1 47); do
		l=$((base + (n * 7 + ${#kode}) % 3 - 1))
		((l < 1)) && l=1
		((l > 5)) && l=5
		args=(--data "$d" --assessment "$id" --indicator "$n" --level "$l"
			--justification "$(printf 'FAKTA:\n- Dokumen %s nomor %d tahun 2025.\n\nANALISIS:\n- Diterapkan di lingkungan %s.\n\nJUSTIFIKASI LEVEL:\n- Kriteria level %d terpenuhi.' "$kode" "$n" "$kode" "$l")")
		if ((n % 5 == 1)); then
			f="$work/Bukti-$kode-$n.pdf"
			printf '%%PDF-1.4\n%% contoh bukti fiktif %s indikator %d\n' "$kode" "$n" >"$f"
			args+=(--evidence "$f" --evidence-level "$l")
		fi
		"$bin" answer "${args[@]}" >/dev/null
	done
	printf '%s\n' "$pass" | "$bin" key init --data "$d" --passphrase-file - >/dev/null
	"$bin" key export-public "$work/kunci-$kode.json" --data "$d" >/dev/null
	printf '%s\n' "$pass" | "$bin" export --data "$d" --assessment "$id" --out "$stick" --passphrase-file - >/dev/null
	"$bin" keys add --data "$data" "$work/kunci-$kode.json" --opd "$kode" >/dev/null
	if [[ "$kode" != DUKCAPIL ]]; then
		"$bin" keys verify --data "$data" "$("$bin" keys list --data "$data" --json | python3 -c \
			"import json,sys; print([k['keyid'] for k in json.load(sys.stdin) if k.get('opd_kode')=='$kode'][0])")" \
			--how "formulir pendaftaran kunci bertanda tangan Kepala OPD" --by "Tim Asesor Diskominfo" >/dev/null
	fi
done
"$bin" import --data "$data" "$stick" >/dev/null || true
# A few reviews on DISKOMINFO's bundle.
b=$("$bin" recap --data "$data" --json | python3 -c \
	"import json,sys; print([r['bundle_id'] for r in json.load(sys.stdin) if r['opd_kode']=='DISKOMINFO'][0])")
"$bin" review --data "$data" --bundle "${b:0:16}" --indicator 1 --status diterima --note "Perbup sesuai." >/dev/null
"$bin" review --data "$data" --bundle "${b:0:16}" --indicator 2 --status revisi --reason "bukti tidak tepat" \
	--value 2,5 --note "Lampirkan SK yang sudah ditandatangani." >/dev/null
# DINKES fully reviewed (every answer accepted), so the consolidation has
# values to show; the rest wait for review.
d=$("$bin" recap --data "$data" --json | python3 -c \
	"import json,sys; print([r['bundle_id'] for r in json.load(sys.stdin) if r['opd_kode']=='DINKES'][0])")
for n in $(seq 1 47); do
	"$bin" review --data "$data" --bundle "${d:0:16}" --indicator "$n" --status diterima >/dev/null
done
echo "assessor demo data in $data (the stick: $stick); open it: spbe-mandiri --data $data" >&2
