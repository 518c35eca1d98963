"""Draw an HTML export into a PDF with Qt (QTextDocument + QPdfWriter): the only Qt part of exporting.

The document is laid out on the writer itself, page by page: its page size is the writer's printable
area in the writer's device units, so point sizes from the PDF style sheet (11 pt body) come out as points
on paper and paragraphs wrap at the margins. (Left without a page size, QTextDocument.print_ lays the text
out on the 1200 dpi device and treats CSS pixels as device pixels: 17px became a 1 pt font.)
"""

from __future__ import annotations

import os
import re
from html import unescape
from pathlib import Path

from PySide6.QtCore import QMarginsF, QSizeF
from PySide6.QtGui import (
    QFont,
    QGuiApplication,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPdfWriter,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)

PAGE_SIZE_IDS: dict[str, QPageSize.PageSizeId] = {
    "A3": QPageSize.PageSizeId.A3,
    "A4": QPageSize.PageSizeId.A4,
    "A5": QPageSize.PageSizeId.A5,
    "Letter": QPageSize.PageSizeId.Letter,
    "Legal": QPageSize.PageSizeId.Legal,
}
MARGIN_MM = 20.0
BODY_POINT_SIZE = 11.0  # also set in the PDF style sheet; this covers text the style sheet leaves unsized
_TITLE = re.compile(r"<title>(.*?)</title>", re.S | re.I)


def ensure_gui_application() -> QGuiApplication:
    """The running application, or a windowless one for command-line use (text layout needs the font system)."""
    app = QGuiApplication.instance()
    if app is None:
        # The export command shows no window, so it must work without a display too.
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QGuiApplication(["news-reader"])
    return app  # type: ignore[return-value]


def page_size(name: str) -> QPageSize:
    """A QPageSize from a setting's name (case-insensitive); ValueError for unknown names."""
    for key, size_id in PAGE_SIZE_IDS.items():
        if key.lower() == name.strip().lower():
            return QPageSize(size_id)
    raise ValueError(f"unknown page size {name!r}; use one of {', '.join(PAGE_SIZE_IDS)}")


def layout_document(html: str, device: QPagedPaintDevice | None = None) -> QTextDocument:
    """The QTextDocument the PDF is printed from (kept separate so tests can read its text).

    With a `device` (the PDF writer) the text is laid out on its pages: fonts measured at its resolution,
    lines wrapped at its printable width, page breaks where its pages end.
    """
    doc = QTextDocument()
    doc.setDocumentMargin(0)
    font = QFont(doc.defaultFont())
    font.setPointSizeF(BODY_POINT_SIZE)
    doc.setDefaultFont(font)
    if device is not None:
        doc.documentLayout().setPaintDevice(device)
        doc.setPageSize(QSizeF(device.width(), device.height()))
    doc.setHtml(html)
    _normalise_font_sizes(doc)
    return doc


def _sizes_in_points(fmt: QTextCharFormat) -> bool:
    """Make `fmt` sized in points only; True if it changed.

    The document is laid out on a 1200 dpi writer, where a CSS pixel is a device pixel, and a pixel size
    wins over a point size: drop pixel sizes where the PDF style sheet gave points, and turn any other
    pixel size into points as a screen shows it (96 px to the inch). Qt also gives <h1>-<h6> a relative
    size step that overrides their CSS size: drop it where a size was set.
    """
    prop = QTextFormat.Property
    changed = False
    if fmt.hasProperty(prop.FontPixelSize):
        if not fmt.hasProperty(prop.FontPointSize):
            fmt.setFontPointSize(fmt.intProperty(prop.FontPixelSize) * 72 / 96)
        fmt.clearProperty(prop.FontPixelSize)
        changed = True
    if fmt.hasProperty(prop.FontPointSize) and fmt.hasProperty(prop.FontSizeAdjustment):
        fmt.clearProperty(prop.FontSizeAdjustment)
        changed = True
    return changed


def _normalise_font_sizes(doc: QTextDocument) -> None:
    """Every block and fragment sized in points (see _sizes_in_points)."""
    cursor = QTextCursor(doc)
    block = doc.begin()
    while block.isValid():
        # The block's own format sizes list bullets and numbers.
        block_fmt = block.charFormat()
        if _sizes_in_points(block_fmt):
            cursor.setPosition(block.position())
            cursor.setBlockCharFormat(block_fmt)
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            fmt = fragment.charFormat()
            if _sizes_in_points(fmt):
                cursor.setPosition(fragment.position())
                cursor.setPosition(fragment.position() + fragment.length(), QTextCursor.MoveMode.KeepAnchor)
                cursor.setCharFormat(fmt)
            it += 1
        block = block.next()


def make_writer(path: Path, size: str, title: str) -> QPdfWriter:
    writer = QPdfWriter(str(path))
    writer.setPageSize(page_size(size))
    writer.setPageMargins(QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM), QPageLayout.Unit.Millimeter)
    writer.setTitle(title)
    writer.setCreator("News Reader")
    return writer


def write_pdf(html: str, path: str | Path, page_size: str = "A4") -> Path:
    """Render `html` (from reader.core.export's HTML) into a PDF file at `path`; returns the path.

    The file is written aside and moved into place, so a failure never leaves a broken PDF behind.
    """
    ensure_gui_application()
    path = Path(path)
    match = _TITLE.search(html)
    title = unescape(match.group(1)).strip() if match else "News Reader export"
    tmp = path.with_name(f".{path.name}.part")
    writer = make_writer(tmp, page_size, title)
    doc = layout_document(html, writer)
    doc.print_(writer)
    del writer  # QPdfWriter finishes the file when it is destroyed
    if not tmp.exists() or tmp.stat().st_size == 0:
        tmp.unlink(missing_ok=True)
        raise OSError(f"Qt could not write the PDF to {path}")
    os.replace(tmp, path)
    return path
