#!/bin/sh
# Every source or UI file with translatable strings must be in po/POTFILES.in,
# and every listed file must exist.
set -eu
root="${1:-.}"
cd "$root"
listed=$(grep -v '^#' po/POTFILES.in | sed '/^$/d' | sort)
status=0
for f in $listed; do
  [ -f "$f" ] || { echo "po/POTFILES.in lists a missing file: $f" >&2; status=1; }
done
found=$( { grep -rlE '(^|[^A-Za-z0-9_])N?_\(|g_dngettext|C_\(' --include='*.c' src || true;
           grep -rl 'translatable="yes"' --include='*.ui' ui || true;
           ls data/*.desktop.in data/*.metainfo.xml.in data/*.gschema.xml 2>/dev/null || true; } | sort -u)
for f in $found; do
  echo "$listed" | grep -qx "$f" || { echo "not in po/POTFILES.in: $f" >&2; status=1; }
done
[ $status -eq 0 ] && echo "po/POTFILES.in is complete"
exit $status
