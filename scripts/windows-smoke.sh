#!/usr/bin/env bash
# Smoke test of the Windows build under Wine on Xvfb, called by
# scripts/test.sh. It cross-builds the exes (scripts/windows-build.sh) into
# a cache keyed by a hash of everything that goes into them, so an unchanged
# tree reuses them and a changed one is mostly a relink; then, in a fresh
# throw-away Wine prefix:
#   * the OPD's CLI flow with C:\ paths, spaces and a UTF-16 passphrase file:
#     catalog list, init, assessment new, answer with evidence, key init,
#     export, verify (BUNDEL SAH);
#   * the assessor's import of that bundle and the recap;
#   * portable mode: the marker beside the exe puts the data on the "stick";
#   * the GUI's first screen (screenshot, must not be blank) while a second
#     process on the same folder is refused by the lock;
#   * the per-user NSIS installer: install and uninstall, without admin;
#   * the non-GUI packages' unit tests under Wine (scripts/windows-unit.sh).
# Wine-only workarounds live here and in scripts/wine/ only, never in an
# artefact: a stand-in bcryptprimitives.dll (Debian's Wine 8.0 lacks it).
# Env: SMOKE_SCREENSHOT=FILE keeps the screenshot; DISPLAY_NUM (default 72).
set -euo pipefail
trap 'echo "windows-smoke: GAGAL / FAILED at line $LINENO" >&2' ERR
cd "$(dirname "$0")/.."
start=$(date +%s)
scripts/deps.sh windows

# -- build, cached ---------------------------------------------------------
hash=$({
	git ls-files -co --exclude-standard | grep -E '\.go$|^go\.(mod|sum)$|^assets/|^packaging/windows/|^FyneApp\.toml$|^scripts/windows-build\.sh$' |
		grep -v '_test\.go$' | LC_ALL=C sort | while read -r f; do [[ -f $f ]] && sha256sum "$f"; done
	go version
} | sha256sum | cut -c1-16)
cache=${XDG_CACHE_HOME:-$HOME/.cache}/spbe-mandiri/windows
bin=$cache/$hash
if [[ ! -f $bin/spbe-mandiri.exe || ! -f $bin/spbe-mandiri-cli.exe ]]; then
	echo "windows-smoke: membangun / building ($hash)…" >&2
	rm -rf "$bin.tmp"
	scripts/windows-build.sh "$bin.tmp"
	# keep only this build (each is ~70 MB)
	find "$cache" -mindepth 1 -maxdepth 1 -type d ! -name "$hash.tmp" -exec rm -rf {} +
	mv "$bin.tmp" "$bin"
fi
built=$(date +%s)

# -- a fresh Wine prefix -----------------------------------------------------
work=$(mktemp -d /tmp/spbe-windows-smoke.XXXXXX)
export WINEPREFIX=$work/prefix WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml=" WINEARCH=win64
xvfb_pid=""
cleanup() {
	wineserver -k 2>/dev/null || true
	[[ -n $xvfb_pid ]] && kill "$xvfb_pid" 2>/dev/null || true
	rm -rf "$work"
}
trap cleanup EXIT
fail() {
	echo "windows-smoke: GAGAL / FAILED: $*" >&2
	exit 1
}
# Wine's desktop process starts with the prefix and keeps its display:
# the X server must be there first.
n=${DISPLAY_NUM:-72}
while [[ -e /tmp/.X$n-lock ]]; do n=$((n + 1)); done
Xvfb ":$n" -screen 0 1366x768x24 -nolisten tcp >/dev/null 2>&1 &
xvfb_pid=$!
export DISPLAY=":$n"
for _ in $(seq 50); do xdpyinfo >/dev/null 2>&1 && break; sleep 0.1; done
kill -0 "$xvfb_pid" 2>/dev/null || fail "Xvfb did not start on :$n"
wineboot -i >/dev/null 2>&1
wineserver -w
x86_64-w64-mingw32-gcc -O2 -shared -o "$WINEPREFIX/drive_c/windows/system32/bcryptprimitives.dll" \
	scripts/wine/bcryptprimitives.c -lbcrypt

c=$WINEPREFIX/drive_c
mkdir -p "$c/spbe uji/usb" "$c/Program SPBE"
cp "$bin/spbe-mandiri.exe" "$bin/spbe-mandiri-cli.exe" "$c/Program SPBE/"
cli() { wine "C:\\Program SPBE\\spbe-mandiri-cli.exe" "$@" | tr -d '\r'; }
expect() { # expect TEXT OUTPUT
	[[ $2 == *"$1"* ]] || fail "expected \"$1\" in: $2"
}
opd='C:\spbe uji\data OPD'
asesor='C:\spbe uji\data asesor'

# -- OPD flow ----------------------------------------------------------------
out=$(cli catalog list) || fail "catalog list: exit $?"
expect spbe-2020 "$out"
cli init --data "$opd" --instansi "Pemerintah Kabupaten Contoh" --opd-kode DISKOMINFO \
	--opd-nama "Dinas Komunikasi dan Informatika" --operator "Budi Santoso" >/dev/null || fail "init"
id=$(cli assessment new --data "$opd" --catalog spbe-2020 --periode 2025 | grep -Eo '2025-spbe-2020-[a-z0-9]+' | head -1)
[[ -n $id ]] || fail "assessment new printed no id"
printf '%%PDF-1.4\n%% SK Tim SPBE\n%%%%EOF\n' >"$c/spbe uji/SK Tim SPBE é.pdf"
cli answer --data "$opd" --assessment "$id" --indicator 1 --level 3 \
	--justification "FAKTA: SK ada. ANALISIS: berlaku. JUSTIFIKASI: tingkat 3." \
	--evidence 'C:\spbe uji\SK Tim SPBE é.pdf' --evidence-level 3 >/dev/null || fail "answer"
# Windows PowerShell 5.1 writes `echo … > f` as UTF-16 LE with a BOM.
printf 'frasa sandi uji windows\r\n' | iconv -f UTF-8 -t UTF-16LE | { printf '\xff\xfe'; cat; } >"$c/spbe uji/frasa.txt"
cli key init --data "$opd" --passphrase-file 'C:\spbe uji\frasa.txt' >/dev/null || fail "key init"
cli key export-public --data "$opd" 'C:\spbe uji\usb\kunci-diskominfo.json' >/dev/null || fail "key export-public"
out=$(cli export --data "$opd" --assessment "$id" --out 'C:\spbe uji\usb' --passphrase-file 'C:\spbe uji\frasa.txt') || fail "export: $out"
bundle=$(cd "$c/spbe uji/usb" && ls SPBE_DISKOMINFO_2025_*.spbe | head -1)
[[ -n $bundle ]] || fail "no bundle on the stick"
out=$(cli verify "C:\\spbe uji\\usb\\$bundle" --pubkey 'C:\spbe uji\usb\kunci-diskominfo.json') || fail "verify: $out"
expect "BUNDEL SAH" "$out"

# -- assessor ----------------------------------------------------------------
out=$(cli keys add --data "$asesor" 'C:\spbe uji\usb\kunci-diskominfo.json') || fail "keys add: $out"
keyid=$(grep -Eo 'keys verify [0-9a-f]+' <<<"$out" | head -1 | cut -d' ' -f3 || true)
[[ -n $keyid ]] || fail "no key id in keys list"
cli keys verify --data "$asesor" "$keyid" --how "diperiksa dengan formulir bertanda tangan" >/dev/null || fail "keys verify"
out=$(cli import --data "$asesor" 'C:\spbe uji\usb') || fail "import: $out"
expect "1 baru" "$out"
out=$(cli recap --data "$asesor" --csv) || fail "recap"
expect DISKOMINFO "$out"
# -- portable: the stick decides, nothing is written to the PC ---------------
stick="$c/usbstick/SPBE Mandiri"
mkdir -p "$stick"
cp "$bin/spbe-mandiri-cli.exe" packaging/windows/spbe-mandiri-portable.txt "$stick/"
wine 'C:\usbstick\SPBE Mandiri\spbe-mandiri-cli.exe' init --instansi "Pemerintah Kabupaten Contoh" --opd-kode DINKES \
	--opd-nama "Dinas Kesehatan" --operator "Siti" >/dev/null || fail "portable init"
[[ -f $stick/spbe-mandiri-data/spbe-mandiri.db ]] || fail "portable: no data folder beside the program"
! find "$c/users" -maxdepth 5 -name spbe-mandiri -path '*AppData*' | grep -q . || fail "portable: wrote a data folder on the PC"
clidone=$(date +%s)

# -- GUI: portable first, then the first screen and the lock ---------------
wait_window() { # wait_window LOG: the main window appears
	local w=""
	for _ in $(seq 120); do
		w=$(xdotool search --name '^SPBE Mandiri$' 2>/dev/null | head -1) && [[ -n $w ]] && break
		sleep 0.5
	done
	[[ -n $w ]] || fail "the GUI opened no window: $(cat "$1")"
}
cp "$bin/spbe-mandiri.exe" "$stick/"
wine 'C:\usbstick\SPBE Mandiri\spbe-mandiri.exe' >"$work/gui-portable.log" 2>&1 &
wait_window "$work/gui-portable.log"
for _ in $(seq 40); do [[ -f $stick/spbe-mandiri-data/pengaturan-aplikasi.json ]] && break; sleep 0.25; done
grep -q '"workspace": "opd"' "$stick/spbe-mandiri-data/pengaturan-aplikasi.json" ||
	fail "portable GUI: its settings are not on the stick"
! find "$c/users" -maxdepth 5 -path '*AppData*' \( -name fyne -o -name spbe-mandiri \) | grep -q . ||
	fail "portable GUI: wrote to the PC's AppData"
wineserver -k 2>/dev/null || true
wine "C:\\Program SPBE\\spbe-mandiri.exe" --data "$opd" >"$work/gui.log" 2>&1 &
wait_window "$work/gui.log"
sleep 4 # first frame, fonts
shot=$work/windows-first-screen.png
import -window root "$shot"
colours=$(convert "$shot" -format %k info:)
((colours > 50)) || fail "the GUI's screenshot is blank ($colours colours)"
[[ -n ${SMOKE_SCREENSHOT:-} ]] && cp "$shot" "$SMOKE_SCREENSHOT"
out=$(cli assessment list --data "$opd" 2>&1) && fail "a second process opened the folder in use: $out"
expect "sedang dipakai" "$out"
wineserver -k 2>/dev/null || true
guidone=$(date +%s)

# -- the per-user installer --------------------------------------------------
wineboot -i >/dev/null 2>&1 # the prefix again, after wineserver -k
makensis -V1 -DSMOKE -DVERSION=0.0.0 -DVERSION4=0.0.0.0 -DSRC="$bin" -DOUTFILE="$work/setup.exe" \
	packaging/windows/spbe-mandiri.nsi
wine "$work/setup.exe" /S
inst=$(find "$c/users" -path '*AppData/Local/Programs/SPBE Mandiri' -type d | head -1)
[[ -n $inst && -f $inst/spbe-mandiri.exe && -f $inst/spbe-mandiri-cli.exe && -f $inst/uninstall.exe ]] ||
	fail "installer: program files missing under AppData\\Local\\Programs"
find "$c/users" -name 'SPBE Mandiri.lnk' -path '*Start Menu*' | grep -q . || fail "installer: no Start-menu entry"
wine reg query 'HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\id.spbemandiri.app' >/dev/null 2>&1 ||
	fail "installer: no Apps & features entry"
wine "$inst/uninstall.exe" /S
for _ in $(seq 60); do [[ -e $inst/spbe-mandiri.exe ]] || break; sleep 0.5; done
wineserver -w
[[ ! -e $inst/spbe-mandiri.exe ]] || fail "uninstaller left the program"
! find "$c/users" -name 'SPBE Mandiri.lnk' | grep -q . || fail "uninstaller left a shortcut"
instdone=$(date +%s)

# -- the non-GUI packages' unit tests as Windows programs ---------------------
scripts/windows-unit.sh >"$work/unit.log" 2>&1 || { tail -40 "$work/unit.log" >&2; fail "unit tests under Wine"; }
done=$(date +%s)
echo "windows-smoke: OK — build $((built - start)) s, CLI $((clidone - built)) s, GUI $((guidone - clidone)) s," \
	"installer $((instdone - guidone)) s, unit tests $((done - instdone)) s, total $((done - start)) s" >&2
