#!/bin/sh
# Takes a screenshot of Hepatica as a person would see it, under Xvfb.
#
# Usage: scripts/screenshot.sh BUILD_DIR OUT.png WIDTHxHEIGHT STYLE [APP ARGS...]
#   STYLE: light, dark, or hc (high contrast, light)
# e.g. scripts/screenshot.sh build /tmp/a.png 1440x900 dark --case=hemangioma-giant
# HEPATICA_SAMPLE_LOG=1 first fills the temporary user database with three
# weeks of quiz answers (scripts/sample-review-log.py), e.g. with --page=progress.
# HEPATICA_SCREENSHOT_SCROLL_TO=curve-diagram (a widget name) scrolls that
# widget to the top first, to see what lies below the fold.
# The settings go into a private key file, so the user's are left alone.
# HEPATICA_DECK="NAME=CASE-ID,CASE-ID,..." first makes that deck in the
# private database with hepatica-cli (e.g. with --page=decks).
set -eu
build=$(cd "$1" && pwd); out=$2; size=$3; style=$4
shift 4
w=${size%x*}; h=${size#*x}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/config/glib-2.0/settings"
scheme=default
[ "$style" = dark ] && scheme=dark
cat > "$tmp/config/glib-2.0/settings/keyfile" <<KEYS
[io/github/hepatica/Hepatica]
window-width=$w
window-height=$h
window-maximized=false
color-scheme='$scheme'
KEYS
[ -n "${HEPATICA_UNKNOWN:-}" ] && echo "unknown-case-mode=true" >> "$tmp/config/glib-2.0/settings/keyfile"
if [ -n "${HEPATICA_SAMPLE_LOG:-}" ]; then
  mkdir -p "$tmp/data/hepatica"
  python3 "$(dirname "$0")/sample-review-log.py" "$build/src/cli/hepatica-cli" "$tmp/data/hepatica/user.db" \
    "$build/src/core/library/tools/hepatica-library.db"
fi
if [ -n "${HEPATICA_DECK:-}" ]; then
  cli="$build/src/cli/hepatica-cli"
  export XDG_DATA_HOME="$tmp/data" HEPATICA_LIBRARY="$build/src/core/library/tools/hepatica-library.db"
  deck_id=$("$cli" deck new "${HEPATICA_DECK%%=*}" | cut -f1)
  ids=$(echo "${HEPATICA_DECK#*=}" | tr , ' ')
  [ -n "$ids" ] && "$cli" deck add "$deck_id" $ids >/dev/null
  "$cli" deck notes "$deck_id" "Ask the room before each reveal; keep case 3 for the end." >/dev/null
fi
theme_env=""
[ "$style" = hc ] && theme_env="ADW_DEBUG_HIGH_CONTRAST=1"
env $theme_env XDG_CONFIG_HOME="$tmp/config" XDG_DATA_HOME="$tmp/data" GSETTINGS_BACKEND=keyfile \
  GSETTINGS_SCHEMA_DIR="$build/data" HEPATICA_LIBRARY="$build/src/core/library/tools/hepatica-library.db" \
  GDK_BACKEND=x11 GSK_RENDERER=cairo \
  xvfb-run -n "${XVFB_DISPLAY:-250}" -s "-screen 0 $((w + 64))x$((h + 64))x24 -nolisten tcp" \
  dbus-run-session -- "$build/src/app/hepatica" --screenshot "$out" "$@" 2>/dev/null
