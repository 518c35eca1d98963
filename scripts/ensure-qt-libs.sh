#!/usr/bin/env bash
# Install the system libraries Qt (PySide6) needs, when missing: with apt as root on
# Debian/Ubuntu, otherwise print the apt line for the user to run. Safe to run every time.
set -u
# shared library -> Debian package that provides it
pairs="libGL.so.1:libgl1 libEGL.so.1:libegl1 libxkbcommon.so.0:libxkbcommon0
libfontconfig.so.1:libfontconfig1 libfreetype.so.6:libfreetype6 libglib-2.0.so.0:libglib2.0-0
libdbus-1.so.3:libdbus-1-3 libX11-xcb.so.1:libx11-xcb1 libxkbcommon-x11.so.0:libxkbcommon-x11-0
libxcb-cursor.so.0:libxcb-cursor0 libxcb-icccm.so.4:libxcb-icccm4 libxcb-image.so.0:libxcb-image0
libxcb-keysyms.so.1:libxcb-keysyms1 libxcb-randr.so.0:libxcb-randr0
libxcb-render-util.so.0:libxcb-render-util0 libxcb-shape.so.0:libxcb-shape0
libxcb-xinerama.so.0:libxcb-xinerama0 libxcb-xfixes.so.0:libxcb-xfixes0 libxcb-sync.so.1:libxcb-sync1"
missing=()
cache=$(ldconfig -p 2>/dev/null || /sbin/ldconfig -p 2>/dev/null || true)
for pair in $pairs; do
  lib=${pair%%:*}; pkg=${pair##*:}
  grep -q "$lib" <<<"$cache" || missing+=("$pkg")
done
# a font, or offscreen rendering draws no text
if ! ls /usr/share/fonts 2>/dev/null | grep -q .; then missing+=(fonts-dejavu-core); fi
[ ${#missing[@]} -eq 0 ] && exit 0
line="apt-get install -y --no-install-recommends ${missing[*]}"
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing the Qt runtime libraries: ${missing[*]}" >&2
  apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive $line -qq >/dev/null \
    || { echo "apt-get failed; run as root: $line" >&2; exit 1; }
else
  echo "Qt needs system libraries that are missing. Run as root (Debian/Ubuntu):" >&2
  echo "  sudo $line" >&2
fi
