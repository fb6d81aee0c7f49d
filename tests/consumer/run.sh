#!/usr/bin/env bash
# Installs newsan into a scratch prefix and builds tests/consumer against it.
set -euo pipefail
src=$1 build=$2
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
cmake --install "$build" --prefix "$tmp/prefix" >/dev/null
test -x "$tmp/prefix/bin/newsan"
test -f "$tmp/prefix/share/newsan/schema/newsan-output.schema.json"
# the installed binary finds its installed data
"$tmp/prefix/bin/newsan" --format json "$src/data/samples/harbour-strike.txt" >/dev/null
cmake -S "$src/tests/consumer" -B "$tmp/build" -G Ninja -DCMAKE_PREFIX_PATH="$tmp/prefix" >/dev/null
cmake --build "$tmp/build" >/dev/null
"$tmp/build/consumer"
