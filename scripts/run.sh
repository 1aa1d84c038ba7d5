#!/usr/bin/env bash
# Builds and starts SPBE Mandiri, installing the system packages Fyne needs
# when they are missing. Extra arguments go to the app, e.g.
#   scripts/run.sh --data /media/usb/spbe-data      (portable mode)
#   scripts/run.sh demo --data /tmp/demo && scripts/run.sh --data /tmp/demo
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh build
go build -tags migrated_fynedo,no_emoji -o spbe-mandiri .
exec ./spbe-mandiri "$@"
