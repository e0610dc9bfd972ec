#!/bin/sh
# Installs the Debian/Ubuntu packages Hepatica needs to build, run and test,
# if any is missing. One list for ./run and ./test: meson caches the tools it
# finds at setup time, so both commands must see the same set.
set -eu

PKGS="
  gcc libc6-dev pkg-config meson ninja-build gettext
  libglib2.0-bin libglib2.0-dev-bin libxml2-utils
  libgtk-4-dev libadwaita-1-dev librsvg2-dev librsvg2-common libsqlite3-dev libjson-glib-dev
  adwaita-icon-theme hicolor-icon-theme fonts-dejavu-core fonts-cantarell
  xvfb xauth dbus-daemon at-spi2-core libgl1-mesa-dri libgtk-4-bin
  desktop-file-utils appstream flatpak flatpak-builder
  python3-gi python3-pyatspi gir1.2-gtk-4.0 gir1.2-adw-1
  clang libclang-rt-14-dev
  poppler-utils
"

missing=""
for p in $PKGS; do
  dpkg-query -W -f='${db:Status-Abbrev}' "$p" 2>/dev/null | grep -q '^ii' || missing="$missing $p"
done
[ -z "$missing" ] && exit 0

echo "scripts/deps.sh: installing:$missing" >&2
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
$SUDO apt-get update -q >/dev/null
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends $missing >/dev/null
