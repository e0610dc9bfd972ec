#!/bin/sh
# src/core must stay GTK-free: no GTK, GDK, GSK, libadwaita or librsvg header.
set -eu
root="${1:-.}"
bad=$(grep -rlE '#[[:space:]]*include[[:space:]]*[<"](gtk|gdk|gsk|adwaita|librsvg|graphene|pango|cairo)' \
        "$root/src/core" || true)
if [ -n "$bad" ]; then
  echo "src/core must not include GTK, libadwaita, librsvg, pango or cairo headers:" >&2
  echo "$bad" >&2
  exit 1
fi
# The build enforces it too: the core target's meson dependencies.
if find "$root/src/core" -name meson.build -exec grep -nE '(gtk|adw|rsvg|cairo|pango)_dep' {} +; then
  echo "src/core's meson.build files must not depend on GTK, libadwaita, librsvg, pango or cairo" >&2
  exit 1
fi
echo "src/core is GTK-free"
