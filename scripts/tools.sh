#!/usr/bin/env bash
# Installs the pinned Go tools the test command runs (staticcheck, gocyclo,
# golangci-lint with the linters of .golangci.yml)
# into a cache folder, once per version, and prints that folder. A fresh
# machine gets them from the Go module proxy; later runs reuse the build.
set -euo pipefail

tools=(
	"honnef.co/go/tools/cmd/staticcheck@v0.8.2"
	"github.com/fzipp/gocyclo/cmd/gocyclo@v0.6.0"
	"github.com/golangci/golangci-lint/v2/cmd/golangci-lint@v2.15.0"
)

cache="${SPBE_TOOLS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/spbe-mandiri/tools}"
for t in "${tools[@]}"; do
	name=${t%@*}
	name=${name##*/}
	version=${t##*@}
	dir="$cache/$name-$version"
	if [[ ! -x "$dir/$name" ]]; then
		echo "Memasang alat / installing tool: $t" >&2
		GOBIN="$dir" GOFLAGS= go install "$t"
	fi
	printf '%s\n' "$dir"
done
