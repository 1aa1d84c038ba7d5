#!/usr/bin/env bash
# Builds every release artefact from this Debian machine into dist/, with
# the version from FyneApp.toml (scripts/version.sh):
#   SPBE-Mandiri-<v>-windows-setup.exe     per-user NSIS installer (no admin)
#   SPBE-Mandiri-<v>-windows-portable.zip  for a USB stick: the programs, the
#                                          portable marker and the data folder
#   spbe-mandiri-<v>-linux-amd64.tar.xz    binary, .desktop, icon, Makefile
#   spbe-mandiri_<v>_amd64.deb
#   SHA256SUMS
# The Windows exes (GUI and console) come from scripts/windows-build.sh.
# Signing is optional: with SIGN_CERT and SIGN_KEY (PEM files; SIGN_PASS
# for an encrypted key) the exes and the installer are signed with
# osslsigncode (without a timestamp: this machine is offline).
# Nothing Wine needs for testing is part of any artefact.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh windows
read -r version build < <(scripts/version.sh)
dist=$PWD/dist
stage=$dist/stage
rm -rf "$stage"
mkdir -p "$stage/windows" "$stage/linux"
# Reproducible archives: one timestamp (the last commit), sorted entries.
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || date +%s)}
export LANG=en_US.UTF-8
unset LC_ALL

sign() { # sign FILE: in place, when a certificate is given
	[[ -n ${SIGN_CERT:-} && -n ${SIGN_KEY:-} ]] || return 0
	local pass=()
	[[ -n ${SIGN_PASS:-} ]] && pass=(-pass "$SIGN_PASS")
	osslsigncode sign -certs "$SIGN_CERT" -key "$SIGN_KEY" "${pass[@]}" -n "SPBE Mandiri" \
		-i https://github.com/spbe-mandiri/spbe-mandiri -h sha256 -in "$1" -out "$1.signed"
	mv "$1.signed" "$1"
}

echo "== Windows ($version, build $build)" >&2
win=$stage/windows
scripts/windows-build.sh "$win"
sign "$win/spbe-mandiri.exe"
sign "$win/spbe-mandiri-cli.exe"

setup=$dist/SPBE-Mandiri-$version-windows-setup.exe
makensis -V2 -DVERSION="$version" -DVERSION4="$version.$build" -DSRC="$win" -DOUTFILE="$setup" \
	packaging/windows/spbe-mandiri.nsi
sign "$setup"

port=$stage/portable/SPBE\ Mandiri
mkdir -p "$port/spbe-mandiri-data"
cp "$win/spbe-mandiri.exe" "$win/spbe-mandiri-cli.exe" "$port/"
sed 's/$/\r/' packaging/windows/spbe-mandiri-portable.txt >"$port/spbe-mandiri-portable.txt"
find "$stage/portable" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +
zipfile=$dist/SPBE-Mandiri-$version-windows-portable.zip
rm -f "$zipfile"
(cd "$stage/portable" && find "SPBE Mandiri" | LC_ALL=C sort | zip -q -X -9 "$zipfile" -@)

echo "== Linux" >&2
lin=$stage/linux
go build -trimpath -tags migrated_fynedo,no_emoji -ldflags "-s -w" -o "$lin/spbe-mandiri" .

tarroot=$stage/tar/spbe-mandiri-$version
install -Dm755 "$lin/spbe-mandiri" "$tarroot/bin/spbe-mandiri"
install -Dm644 packaging/linux/id.spbemandiri.app.desktop "$tarroot/share/applications/id.spbemandiri.app.desktop"
install -Dm644 assets/icon.png "$tarroot/share/icons/hicolor/256x256/apps/id.spbemandiri.app.png"
install -Dm644 packaging/linux/Makefile "$tarroot/Makefile"
tar -C "$stage/tar" --sort=name --mtime="@$SOURCE_DATE_EPOCH" --owner=0 --group=0 --numeric-owner \
	-cJf "$dist/spbe-mandiri-$version-linux-amd64.tar.xz" "spbe-mandiri-$version"

deb=$stage/deb
install -Dm755 "$lin/spbe-mandiri" "$deb/usr/bin/spbe-mandiri"
install -Dm644 packaging/linux/id.spbemandiri.app.desktop "$deb/usr/share/applications/id.spbemandiri.app.desktop"
install -Dm644 assets/icon.png "$deb/usr/share/icons/hicolor/256x256/apps/id.spbemandiri.app.png"
mkdir -p "$deb/DEBIAN"
cat >"$deb/DEBIAN/control" <<CONTROL
Package: spbe-mandiri
Version: $version
Architecture: amd64
Maintainer: SPBE Mandiri <spbe-mandiri@users.noreply.github.com>
Installed-Size: $(du -sk "$deb/usr" | cut -f1)
Depends: libc6, libgl1, libx11-6, libxcursor1, libxrandr2, libxinerama1, libxi6, libxxf86vm1
Section: misc
Priority: optional
Homepage: https://github.com/spbe-mandiri/spbe-mandiri
Description: offline self-assessment for SPBE and Indeks Pemerintah Digital
 SPBE Mandiri: penilaian mandiri SPBE (PermenPANRB 59/2020) dan Indeks
 Pemerintah Digital, luring, dengan bundel bertanda tangan digital untuk
 Tim Asesor Internal.
CONTROL
find "$deb" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +
dpkg-deb --root-owner-group -Zxz --build "$deb" "$dist/spbe-mandiri_${version}_amd64.deb" >/dev/null

rm -rf "$stage"
(cd "$dist" && sha256sum SPBE-Mandiri-"$version"-* spbe-mandiri-"$version"-* spbe-mandiri_"$version"_* >SHA256SUMS)
ls -l "$dist" >&2
