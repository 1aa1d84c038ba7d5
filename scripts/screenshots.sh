#!/usr/bin/env bash
# Takes the README screenshots of the real desktop app: builds the binary,
# makes demo data, runs the app under Xvfb at 1366x768 (the OPD laptops'
# screen), moves through it with the keyboard and mouse (xdotool) and
# captures docs/screenshots/*.png with ImageMagick: the demo's home,
# indicator and dashboard, the assessor's recap, review and consolidation,
# and the first use (docs/first-use.md): first run → first export, a failed
# export, trash and restore, the assessor's first stick.
# Usage: scripts/screenshots.sh            (Linux; builds from main.go)
#        SPBE_BIN=/path/to/binary scripts/screenshots.sh   (use a built one)
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh test
case "${LANG:-}" in "" | C | C.* | POSIX) export LANG=en_US.UTF-8 ;; esac
unset LC_ALL

out=docs/screenshots
mkdir -p "$out"
bin=${SPBE_BIN:-}
if [[ -z "$bin" ]]; then
	bin=/tmp/spbe-mandiri
	echo "build $bin" >&2
	go build -tags migrated_fynedo,no_emoji -o "$bin" .
fi

work=$(mktemp -d)
data="$work/data"
export HOME="$work/home" # fresh Fyne preferences: no remembered folder
mkdir -p "$HOME"
display=:97
xvfb_pid=""
app_pid=""
cleanup() {
	[[ -n "$app_pid" ]] && kill "$app_pid" 2>/dev/null || true
	[[ -n "$xvfb_pid" ]] && kill "$xvfb_pid" 2>/dev/null || true
	rm -rf "$work"
}
trap cleanup EXIT

# Demo data: the `demo` command when the binary has one, else the CLI.
cli() { "$bin" --data "$data" "$@"; }
demo=""
# (help is captured first: `grep -q` on a pipe may exit before the binary
# has written everything, and under pipefail its SIGPIPE reads as "no".)
help_text=$("$bin" help 2>&1 || true)
if grep -qE '^\s+demo\b' <<<"$help_text"; then
	demo=1
	"$bin" demo --data "$data" >&2
else
	cli init --instansi "Pemerintah Kabupaten Sigi" --opd-kode DISKOMINFO \
		--opd-nama "Dinas Komunikasi, Informatika dan Persandian" --operator "Rahmat Hidayat" >/dev/null
	id=$(cli assessment new --catalog spbe-2020 --periode 2025)
	old=$(cli assessment new --catalog spbe-2020 --periode 2024)
	for n in $(seq 1 47); do # last year's: complete
		cli answer --assessment "$old" --indicator "$n" --level $((2 + n % 2)) >/dev/null
	done
	# This year's: about half, at least one indicator in every aspect.
	declare -A levels=([1]=3 [2]=4 [3]=3 [4]=2 [5]=3 [6]=3 [7]=2 [8]=4 [9]=3 [10]=3 [11]=2
		[12]=2 [13]=3 [14]=4 [15]=3 [16]=3 [17]=2 [18]=3 [19]=3 [20]=2 [21]=1 [22]=2 [23]=3
		[30]=2 [35]=3 [44]=4)
	for n in $(printf '%s\n' "${!levels[@]}" | sort -n); do
		l=${levels[$n]}
		args=(--assessment "$id" --indicator "$n" --level "$l")
		if ((n % 4 != 0)); then
			args+=(--justification "$(printf 'FAKTA:\n- Peraturan Bupati Sigi Nomor %d Tahun 2023 pasal 3-5 (berkas Indikator%d-Perbup-Sigi-2023.pdf)\n\nANALISIS:\n- Kebijakan telah ditetapkan dan diterapkan pada sebagian OPD.\n\nJUSTIFIKASI LEVEL:\n- Level %d karena kriteria level tersebut terpenuhi.' $((10 + n)) "$n" "$l")")
		fi
		if ((n % 3 != 0)); then
			f="$work/Indikator$n-Perbup-Sigi-2023.pdf"
			head -c $((40000 + n * 5000)) /dev/urandom >"$f"
			args+=(--evidence "$f" --evidence-level "$l")
		fi
		cli answer "${args[@]}" >/dev/null
	done
fi

Xvfb "$display" -screen 0 1366x768x24 -nolisten tcp >/dev/null 2>&1 &
xvfb_pid=$!
export DISPLAY=$display
sleep 1
FYNE_THEME=light SPBE_MANDIRI_DATA="$data" "$bin" --data "$data" >"$work/app.log" 2>&1 &
app_pid=$!

# wait_window LOG: waits for the app's window, places it at 0,0 in
# 1366x768 and sets $win; shows LOG if it never appears.
wait_window() {
	win=""
	for _ in $(seq 1 60); do
		win=$(xdotool search --name '^SPBE Mandiri$' 2>/dev/null | head -1 || true)
		[[ -n "$win" ]] && break
		sleep 0.5
	done
	if [[ -z "$win" ]]; then
		echo "the window did not appear; log:" >&2
		cat "$1" >&2
		exit 1
	fi
	sleep 2
	# The window that stayed (Fyne may map a first one and replace it).
	win=$(xdotool search --name '^SPBE Mandiri$' 2>/dev/null | tail -1)
	xdotool windowmove "$win" 0 0 windowsize "$win" 1366 768
	sleep 3
}
wait_window "$work/app.log"

shot() {
	import -window root -define png:compression-level=9 "$out/$1.png" && echo "wrote $out/$1.png" >&2
}
key() { xdotool key --window "$win" "$@"; sleep 1.2; }

shot home
if [[ -n "$demo" ]]; then
	# The demo's top card is Pemdi 2026 (a few answers); the screenshots
	# show SPBE 2025, the second card. Tab order on the home screen:
	# Penilaian baru, Profil & bahasa, Impor umpan balik asesor, Kunci
	# penanda tangan, Periksa berkas ekspor, Server pengumpul, Ruang kerja
	# Asesor, then per card Buka, Salin, Hapus — so the 11th Tab is the
	# second card's Buka. A new home button moves it: the check below
	# stops the script instead of taking every later shot on the wrong
	# screen.
	for _ in $(seq 1 11); do xdotool key --window "$win" Tab; sleep 0.2; done
	key space
	sleep 1.5
	# The questionnaire's top bar has the selected tab (Kuesioner) in the
	# accent blue at x 100–340; the home screen (and a dialog over it) has
	# no saturated colour there.
	import -window root "$work/opened.png"
	sat=$(convert "$work/opened.png" -crop 240x35+100+5 +repage -colorspace HSL -channel G -separate +channel -format '%[fx:maxima]' info:)
	if awk -v s="$sat" 'BEGIN { exit !(s < 0.5) }'; then
		echo "screenshots: the 11th Tab + Space did not open the second assessment (no questionnaire bar; saturation $sat)" >&2
		exit 1
	fi
	# The first open indicator (4, unanswered) is shown; indicator 1 (the
	# Perbup on Arsitektur SPBE, level 3 with a PDF) is three back.
	key ctrl+Prior
	key ctrl+Prior
	key ctrl+Prior
	# Scroll the indicator pane (mouse wheel) down to the chosen level's
	# card (compact: the next level's criterion and the buttons of the
	# others beside the heading) and the justification; SCROLL=62 goes
	# on to the evidence list.
	# The pointer sits at the pane's top edge so the multi-line
	# justification field never passes under it and takes the wheel.
	xdotool mousemove --window "$win" 900 60
	for _ in $(seq 1 ${SCROLL:-14}); do xdotool click 5; sleep 0.05; done
	xdotool mousemove --window "$win" 1360 760
	sleep 1
else
	# Ctrl+O opens the top assessment (the newest periode: SPBE 2025).
	key ctrl+o
	sleep 1.5
	key ctrl+Next # the first open indicator is shown; go to the next one
fi
shot indicator
key ctrl+d
shot dashboard

# The assessor's side: a fresh workspace from scripts/demo-asesor.sh. A
# folder holding only an assessor workspace opens on it; the nav bar and
# the review screen's bundle list are clicked by position (1366x768).
kill "$app_pid" 2>/dev/null || true
wait "$app_pid" 2>/dev/null || true
SPBE_BIN="$bin" scripts/demo-asesor.sh "$work/asesor" "$work/asesor-usb" >&2
FYNE_THEME=light "$bin" --data "$work/asesor" >"$work/app-asesor.log" 2>&1 &
app_pid=$!
wait_window "$work/app-asesor.log"
click() { xdotool mousemove --window "$win" "$1" "$2" click 1; sleep 1.5; }
click 380 103 # Rekap OPD
shot asesor-recap
click 470 103 # Tinjau
click 500 147 # the bundle list
click 300 290 # DISKOMINFO, two indicators reviewed
click 200 259 # indicator 2: revisi, with a value and a note
shot asesor-review
click 560 103 # Konsolidasi
click 400 310 # indicator 1: the proposal from DISKOMINFO's accepted answer
shot asesor-consolidate

# First use, in fresh folders (docs/first-use.md). The file dialog opens
# in $HOME, so the export lands there and the assessor's "stick" is the
# OPD's $HOME: its bundle and the KUNCI_PUBLIK_*.json written beside it.
kill "$app_pid" 2>/dev/null || true
wait "$app_pid" 2>/dev/null || true
export HOME="$work/first-home"
mkdir -p "$HOME"
FYNE_THEME=light "$bin" --data "$work/first" >"$work/app-first.log" 2>&1 &
app_pid=$!
wait_window "$work/app-first.log"
type_text() { xdotool type --delay 20 "$1"; sleep 0.3; }
click 700 101 # Instansi
type_text "Pemerintah Kabupaten Sigi"
key Tab
type_text "DISKOMINFO"
key Tab
type_text "Dinas Komunikasi, Informatika dan Persandian"
key Tab
type_text "Rahmat Hidayat"
shot first-run
click 363 269 # Simpan profil
click 72 103  # Penilaian baru (SPBE 2020 is preselected)
click 297 281 # Buat penilaian
sleep 1.5
key alt+3 # indicator 1: level 3
key ctrl+d
click 812 706 # Ekspor…
click 770 434 # "… belum diisi — tetap ekspor?": Tetap ekspor
click 1099 662 # the folder dialog opens in $HOME: Buka
pass="frasa sandi contoh yang panjang"
type_text "$pass"
key Tab
type_text "$pass"
shot first-export-key
click 793 536 # Buat kunci dan ekspor
sleep 3
shot first-export-done
click 683 526 # Tutup
# The same export with a wrong passphrase ends in an error dialog.
click 812 706
click 770 434
click 1099 662
type_text "bukan frasa sandinya"
click 731 446 # Ekspor
sleep 3
shot export-failed
click 683 452 # OK (the reason and its advice make the dialog taller)
# Trash and restore: Hapus asks and names what goes; Sampah gives it back.
click 57 21 # Beranda
click 301 227 # Hapus on the card
shot trash-ask
click 792 457 # Pindahkan ke Sampah
shot trash-undo
click 1305 742 # Sampah
shot trash-view
click 68 263 # Pulihkan
shot trash-restored

# The assessor's first stick: a fresh assessor workspace imports the
# OPD's folder; the key beside the bundle is registered as pending.
kill "$app_pid" 2>/dev/null || true
wait "$app_pid" 2>/dev/null || true
FYNE_THEME=light "$bin" --data "$work/first-asesor" >"$work/app-first-asesor.log" 2>&1 &
app_pid=$!
wait_window "$work/app-first-asesor.log"
click 978 269 # first run: Ruang kerja Asesor
click 147 148 # Impor semua bundel dari folder…
click 1099 662 # the folder dialog opens in $HOME (the "stick"): Buka
sleep 2
shot asesor-first-stick
click 229 103 # Kunci penanda tangan
shot asesor-keys-pending
