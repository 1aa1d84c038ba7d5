#!/usr/bin/env bash
# Runs every test of SPBE Mandiri on a fresh Debian 12 machine with Go:
# installs the packages and pinned tools the tests need, runs go vet,
# staticcheck, gocyclo and golangci-lint (.golangci.yml), the Windows
# build's smoke test under Wine (scripts/windows-smoke.sh; cached, ~2 min
# warm, ~20 min the first time on 2 cores; SPBE_SKIP_WINDOWS=1 skips it),
# then `go test` over all packages
# (the GUI tests are headless; the PDF tests use poppler and zbar).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh test
# The real S3 store of the server tests (storage/testsvc), built once into
# the tools cache: ~10 min cold on 2 cores, so it builds in the background
# while vet, the linters and the Windows smoke test run.
vgw_out="$(mktemp)"
scripts/versitygw.sh >"$vgw_out" &
vgw_pid=$!
export LANG=en_US.UTF-8
unset LC_ALL
go vet -tags migrated_fynedo ./...
# Pinned linters (scripts/tools.sh installs them once into a cache).
for d in $(scripts/tools.sh); do PATH="$d:$PATH"; done
staticcheck -tags migrated_fynedo ./...
# Functions stay short: split one that grows past 15 into named steps.
if ! gocyclo -over 15 -ignore '_test\.go$' .; then
	echo "gocyclo: fungsi di atas terlalu rumit (> 15) / functions above are over 15; pecah menjadi langkah bernama" >&2
	exit 1
fi
golangci-lint run --build-tags migrated_fynedo ./...
if [[ -z ${SPBE_SKIP_WINDOWS:-} ]]; then
	scripts/windows-smoke.sh
fi
wait "$vgw_pid" # set -e: a failed versitygw build stops here
SPBE_VERSITYGW="$(cat "$vgw_out")"
export SPBE_VERSITYGW
# The server tests fail (not skip) when PostgreSQL or versitygw is missing.
export SPBE_REQUIRE_ENGINES=1
go test -tags migrated_fynedo -count=1 -timeout 40m ./... "$@"
