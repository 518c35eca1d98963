#!/usr/bin/env bash
# make package: the one-folder app (dist/news-reader/), a .tar.gz of it and a .deb, all checked.
#   PY=.venv/bin/python packaging/linux/build.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
PY=${PY:-.venv/bin/python}
NAME=news-reader
VERSION=$("$PY" -c 'import tomllib; print(tomllib.load(open("pyproject.toml", "rb"))["project"]["version"])')
ARCH=$(dpkg --print-architecture 2>/dev/null || uname -m)
LINUX=packaging/linux

# the build's own tools, from apt when missing (as root), else the line to run
need=()
command -v desktop-file-validate >/dev/null || need+=(desktop-file-utils)
command -v appstreamcli >/dev/null || need+=(appstream)
command -v dpkg-deb >/dev/null || need+=(dpkg-dev)
command -v strip >/dev/null || need+=(binutils)  # PyInstaller strips the libraries with it
# PyInstaller bundles Python's shared library, which Debian's python3 keeps in a package of its own
pyver=$("$PY" -c 'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1]}")')
libdir=$("$PY" -c 'import sysconfig; print(sysconfig.get_config_var("LIBDIR") or "")')
if ! ls "$libdir"/libpython"$pyver".so* >/dev/null 2>&1 && ! (ldconfig -p 2>/dev/null | grep -q "libpython$pyver.so"); then
  need+=("libpython$pyver")
fi
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "Installing the packaging tools: ${need[*]}" >&2
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  else
    echo "make package needs: sudo apt-get install ${need[*]}" >&2; exit 1
  fi
fi

"$PY" -m pip install -q -e ".[package]"
desktop-file-validate "$LINUX/$NAME.desktop"
appstreamcli validate --no-net "$LINUX/org.newsreader.NewsReader.metainfo.xml"
"$PY" scripts/make_icons.py build/icons
rm -rf "dist/$NAME"
"$PY" -m PyInstaller --noconfirm --log-level WARN --distpath dist --workpath build/pyinstaller packaging/$NAME.spec

tarball=dist/$NAME-$VERSION-linux-$(uname -m).tar.gz
tar -C dist -czf "$tarball" "$NAME"

# the .deb: the app in /opt, a launcher in /usr/bin, desktop entry, icons, metainfo, MIME type
root=build/deb/$NAME
rm -rf "$root"
mkdir -p "$root/DEBIAN" "$root/opt" "$root/usr/bin" "$root/usr/share/applications" "$root/usr/share/metainfo" \
  "$root/usr/share/mime/packages" "$root/usr/share/icons"
cp -a "dist/$NAME" "$root/opt/$NAME"
printf '#!/bin/sh\nexec /opt/%s/%s "$@"\n' "$NAME" "$NAME" >"$root/usr/bin/$NAME"
chmod 755 "$root/usr/bin/$NAME"
install -m 644 "$LINUX/$NAME.desktop" "$root/usr/share/applications/"
install -m 644 "$LINUX/org.newsreader.NewsReader.metainfo.xml" "$root/usr/share/metainfo/"
install -m 644 "$LINUX/$NAME-mime.xml" "$root/usr/share/mime/packages/$NAME.xml"
cp -r build/icons/hicolor "$root/usr/share/icons/"
size=$(du -sk --exclude=DEBIAN "$root" | cut -f1)
sed -e "s/@VERSION@/$VERSION/" -e "s/@ARCH@/$ARCH/" -e "s/@SIZE@/$size/" "$LINUX/control.in" >"$root/DEBIAN/control"
deb=dist/${NAME}_${VERSION}_${ARCH}.deb
dpkg-deb --root-owner-group -Zxz --build "$root" "$deb" >/dev/null

echo "built:"
du -sh "dist/$NAME" "$tarball" "$deb"
