#!/bin/sh
# The bundled library holds every case file it was built from.
# Usage: check-library.sh HEPATICA_CLI LIBRARY N_CASE_FILES
set -eu
cli="$1"; library="$2"; expected="$3"
json=$("$cli" cases list --json --db=:memory: --library="$library")
found=$(printf '%s' "$json" | grep -o '"id":"[a-z0-9-]*"' | wc -l)
if [ "$found" -ne "$expected" ]; then
  echo "the bundled library lists $found cases, but data/cases/meson.build names $expected" >&2
  exit 1
fi
echo "the bundled library lists all $found cases"
