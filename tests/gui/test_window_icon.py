"""The window's icon comes from PNGs drawn from the SVG (no QtSvg kept by the window), and they are the SVG."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtGui import QImage

from reader.paths import resources_dir
from reader.ui.app import window_icon

ICONS = resources_dir() / "icons"
SIZES = [16, 24, 32, 48, 64, 128, 256]


def _render(size: int) -> QImage:
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))
    from make_icons import SVG, render_pngs

    return QImage.fromData(render_pngs(SVG, (size,))[size])


def test_the_window_icon_has_every_size_from_its_pngs(qapp) -> None:
    icon = window_icon(ICONS)
    assert sorted(s.width() for s in icon.availableSizes()) == SIZES
    for size in SIZES:
        assert icon.pixmap(QSize(size, size)).size() == QSize(size, size)


def test_the_pngs_are_the_svg_drawn_at_their_size(qapp) -> None:
    # Drawn again here and compared pixel by pixel (a change to the SVG needs `make_icons.py --window`).
    for size in SIZES:
        png = QImage(str(ICONS / f"news-reader-{size}.png")).convertToFormat(QImage.Format.Format_ARGB32)
        fresh = _render(size).convertToFormat(QImage.Format.Format_ARGB32)
        assert png.size() == fresh.size() == QSize(size, size)
        worst = max(abs(a - b) for a, b in zip(bytes(png.constBits()), bytes(fresh.constBits()), strict=True))
        assert worst <= 2, (size, worst)


def test_without_its_pngs_the_svg_is_the_icon(qapp, tmp_path: Path) -> None:
    shutil.copy(ICONS / "news-reader.svg", tmp_path)
    icon = window_icon(tmp_path)
    assert not icon.isNull()
    assert icon.pixmap(QSize(48, 48)).size() == QSize(48, 48)
    assert window_icon(tmp_path / "missing").isNull()
