"""Render the app icon (resources/icons/news-reader.svg) to PNGs 16-512, a Windows .ico and a macOS .icns.

Both containers are written here with `struct`: they are a small header and a table of PNG entries.
Usage: python scripts/make_icons.py [OUT_DIR]   (default build/icons)
       python scripts/make_icons.py --window      (the window's own PNGs, resources/icons/news-reader-N.png:
                                                   drawing the SVG at run time would load QtSvg, 1.4 MB)
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SVG = ROOT / "resources" / "icons" / "news-reader.svg"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
WINDOW_SIZES = (16, 24, 32, 48, 64, 128, 256)  # the window icon's sizes (title bar, task bar, switcher)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)  # 256 is the largest an .ico entry can declare
# icns entry types holding PNG data, by pixel size (several types share a size: 1x and 2x slots)
ICNS_TYPES = (("icp4", 16), ("icp5", 32), ("ic11", 32), ("icp6", 64), ("ic12", 64), ("ic07", 128),
              ("ic08", 256), ("ic13", 256), ("ic09", 512), ("ic14", 512))  # fmt: skip


def render_pngs(svg: Path, sizes: tuple[int, ...]) -> dict[int, bytes]:
    """PNG bytes of the SVG drawn at each size, with Qt's SVG renderer."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication([])
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"make_icons: cannot read {svg}")
    out: dict[int, bytes] = {}
    for size in sizes:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buffer, "PNG")  # type: ignore[call-overload]  # the stubs want bytes, the binding a str
        buffer.close()
        out[size] = bytes(data.data())
    return out


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """An .ico: ICONDIR (reserved, type 1, count), one 16-byte ICONDIRENTRY per image, then the PNGs."""
    sizes = sorted(pngs)
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = len(header) + 16 * len(sizes)
    entries, blobs = b"", b""
    for size in sizes:
        data = pngs[size]
        side = 0 if size >= 256 else size  # 0 means 256 in the one-byte width and height
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(data), offset)
        offset += len(data)
        blobs += data
    return header + entries + blobs


def icns_bytes(pngs: dict[int, bytes]) -> bytes:
    """An .icns: 'icns' and the total length, then (type, length with its 8-byte header, PNG) per entry."""
    body = b"".join(t.encode() + struct.pack(">I", 8 + len(pngs[s])) + pngs[s] for t, s in ICNS_TYPES)
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def main(argv: list[str]) -> int:
    if argv == ["--window"]:
        for size, data in render_pngs(SVG, WINDOW_SIZES).items():
            (SVG.parent / f"news-reader-{size}.png").write_bytes(data)
        print(f"window icons written to {SVG.parent}")
        return 0
    out = Path(argv[0]) if argv else ROOT / "build" / "icons"
    pngs = render_pngs(SVG, PNG_SIZES)
    for size, data in pngs.items():
        folder = out / "hicolor" / f"{size}x{size}" / "apps"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "news-reader.png").write_bytes(data)
    scalable = out / "hicolor" / "scalable" / "apps"
    scalable.mkdir(parents=True, exist_ok=True)
    (scalable / "news-reader.svg").write_bytes(SVG.read_bytes())
    (out / "news-reader.ico").write_bytes(ico_bytes({s: pngs[s] for s in ICO_SIZES}))
    (out / "news-reader.icns").write_bytes(icns_bytes(pngs))
    print(f"icons written to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
