#!/usr/bin/env bash
# Builds the pinned versitygw S3 gateway (Apache-2.0) once into the tools
# cache and prints the binary's path. The server tests run it as a real S3
# store (posix backend in a temp dir). `go install pkg@version` builds it in
# its own module, so versitygw's large dependency tree never enters our
# go.mod. The first build takes ~10 min on 2 loaded cores; later runs 0 s.
set -euo pipefail

version=v1.8.0
cache="${SPBE_TOOLS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/spbe-mandiri/tools}"
dir="$cache/versitygw-$version"
if [[ ! -x "$dir/versitygw" ]]; then
	echo "Memasang alat / installing tool: versitygw@$version (sekali, ~10 menit / once, ~10 min)" >&2
	GOBIN="$dir" GOFLAGS= CGO_ENABLED=0 go install "github.com/versity/versitygw/cmd/versitygw@$version"
fi
printf '%s\n' "$dir/versitygw"
