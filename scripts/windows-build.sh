#!/usr/bin/env bash
# Cross-builds the Windows programs from Linux with mingw into OUTDIR:
#   spbe-mandiri.exe      the desktop app (GUI subsystem: no console window)
#   spbe-mandiri-cli.exe  the same program as a console program, for cmd and
#                         PowerShell (a GUI-subsystem exe prints nothing
#                         there and its exit code is lost)
#   spbe-mandiri.ico      the icon (for the installer)
# Both carry the icon, version information from FyneApp.toml and a manifest
# (packaging/windows), compiled with windres into a .syso that exists only
# during the build. Plain `go build` with -trimpath: Go's build cache makes
# a rebuild after small changes a relink (seconds); the first build on a
# machine compiles GLFW's C with mingw (about 20 min on 2 loaded cores).
# Usage: scripts/windows-build.sh OUTDIR
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:?usage: scripts/windows-build.sh OUTDIR}
mkdir -p "$out"
out=$(cd "$out" && pwd)
read -r version build < <(scripts/version.sh)
IFS=. read -r major minor patch <<<"$version"

work=$(mktemp -d)
syso=rsrc_windows_amd64.syso # picked up by go build for windows/amd64 only
trap 'rm -rf "$work" "$syso"' EXIT
convert assets/icon.png -background none -define icon:auto-resize=256,64,48,32,16 "$work/spbe-mandiri.ico"
for f in resources.rc spbe-mandiri.exe.manifest; do
	sed -e "s/@VERSION@/$version/g" -e "s/@VERSION4@/$version.$build/g" \
		-e "s/@VERSIONCOMMA@/$major,$minor,$patch,$build/g" "packaging/windows/$f" >"$work/$f"
done
(cd "$work" && x86_64-w64-mingw32-windres -O coff -i resources.rc -o rsrc.syso)
cp "$work/rsrc.syso" "$syso"
cp "$work/spbe-mandiri.ico" "$out/"

export CGO_ENABLED=1 GOOS=windows GOARCH=amd64 CC=x86_64-w64-mingw32-gcc
flags=(-trimpath -tags migrated_fynedo,no_emoji)
go build "${flags[@]}" -ldflags "-s -w -H=windowsgui" -o "$out/spbe-mandiri.exe" .
go build "${flags[@]}" -ldflags "-s -w" -o "$out/spbe-mandiri-cli.exe" .
