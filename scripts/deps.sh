#!/usr/bin/env bash
# Installs the Debian packages SPBE Mandiri needs, only those missing:
# the GL/X11 headers for Fyne's cgo build, Xvfb and friends for headless GUI
# runs and screenshots, poppler/zbar for checking the PDF reports, and
# PostgreSQL for the collection server's tests (storage/testsvc).
# Usage: scripts/deps.sh [build|test]
set -euo pipefail

build_pkgs=(gcc pkg-config libgl1-mesa-dev libx11-dev libxcursor-dev libxrandr-dev
	libxinerama-dev libxi-dev libxxf86vm-dev)
test_pkgs=(xvfb xauth xdotool imagemagick poppler-utils zbar-tools postgresql)
windows_pkgs=(gcc-mingw-w64-x86-64 wine wine64 xvfb xauth xdotool imagemagick nsis zip xz-utils)

want=("${build_pkgs[@]}")
case "${1:-build}" in
test) want+=("${test_pkgs[@]}") ;;
windows) want+=("${windows_pkgs[@]}") ;;
esac

missing=()
for p in "${want[@]}"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]} == 0)); then
	exit 0
fi

echo "Memasang paket / installing packages: ${missing[*]}" >&2
sudo=""
if [[ $(id -u) -ne 0 ]]; then
	sudo="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
