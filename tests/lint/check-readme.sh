#!/bin/sh
# README.md shows tables that the engines print from their own data; each
# must equal what the engine prints now.
set -eu
root="$1"
cli="$2"
status=0

check () {
  marker="$1"; shift
  expected=$("$cli" "$@")
  shown=$(sed -n "/<!-- $marker:begin -->/,/<!-- $marker:end -->/p" "$root/README.md" | sed '1d;$d')
  if [ "$expected" != "$shown" ]; then
    echo "README.md's $marker table differs from 'hepatica-cli $*':" >&2
    tmp=$(mktemp)
    printf '%s\n' "$expected" > "$tmp"
    printf '%s\n' "$shown" | diff -u - "$tmp" >&2 || true
    rm -f "$tmp"
    status=1
  else
    echo "README.md $marker table is current"
  fi
}

check lirads-mapping tokens --lirads-mapping
check ddx-mapping ddx --rules --markdown
exit $status
