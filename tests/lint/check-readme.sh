#!/bin/sh
# README.md shows the LI-RADS concept → token table; it must equal what the
# engine's own table prints.
set -eu
root="$1"
cli="$2"
expected=$("$cli" tokens --lirads-mapping)
shown=$(sed -n '/<!-- lirads-mapping:begin -->/,/<!-- lirads-mapping:end -->/p' "$root/README.md" | sed '1d;$d')
if [ "$expected" != "$shown" ]; then
  echo "README.md's LI-RADS mapping table differs from 'hepatica-cli tokens --lirads-mapping':" >&2
  printf '%s\n' "$expected" > /tmp/hepatica-expected.$$
  printf '%s\n' "$shown" | diff -u - /tmp/hepatica-expected.$$ >&2 || true
  rm -f /tmp/hepatica-expected.$$
  exit 1
fi
echo "README.md mapping table is current"
