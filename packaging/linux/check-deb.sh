#!/usr/bin/env bash
# Install the built .deb with dpkg, run the installed app's self-test, remove it, and check nothing is left.
# Needs root (run it in a throwaway machine: ../shared/tools/fresh-machine 'make package && packaging/linux/check-deb.sh').
set -euo pipefail
export PATH="$PATH:/usr/local/sbin:/usr/sbin:/sbin"  # dpkg needs ldconfig; some root shells (sudo, chroot) leave these out
cd "$(dirname "$0")/../.."
deb=$(ls dist/news-reader_*.deb | head -n1)
dpkg -i "$deb"
for f in /opt/news-reader/news-reader /usr/bin/news-reader /usr/share/applications/news-reader.desktop \
         /usr/share/metainfo/org.newsreader.NewsReader.metainfo.xml /usr/share/mime/packages/news-reader.xml \
         /usr/share/icons/hicolor/256x256/apps/news-reader.png /usr/share/icons/hicolor/scalable/apps/news-reader.svg; do
  test -e "$f" || { echo "check-deb: $f was not installed" >&2; exit 1; }
done
(cd / && env -u DISPLAY -u WAYLAND_DISPLAY news-reader --self-test)
dpkg -r news-reader
if [ -e /opt/news-reader ] || [ -e /usr/bin/news-reader ] || [ -e /usr/share/applications/news-reader.desktop ]; then
  echo "check-deb: files were left after dpkg -r" >&2; exit 1
fi
echo "check-deb: installed, self-test passed, removed cleanly"
