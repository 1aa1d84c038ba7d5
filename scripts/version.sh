#!/usr/bin/env bash
# Prints the version and build number from FyneApp.toml ("0.1.0 1"), the
# one place a release's version is set.
set -euo pipefail
cd "$(dirname "$0")/.."
version=$(sed -n 's/^Version *= *"\([^"]*\)".*/\1/p' FyneApp.toml)
build=$(sed -n 's/^Build *= *\([0-9][0-9]*\).*/\1/p' FyneApp.toml)
if [[ ! $version =~ ^[0-9]+\.[0-9]+\.[0-9]+$ || -z $build ]]; then
	echo "FyneApp.toml: Version \"X.Y.Z\" and Build N expected (got \"$version\", \"$build\")" >&2
	exit 1
fi
echo "$version $build"
