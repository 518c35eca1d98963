"""Draw an HTML export into a PDF with Qt (QTextDocument + QPdfWriter): the only Qt part of exporting."""

from __future__ import annotations

import os
import re
from html import unescape
from pathlib import Path

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QGuiApplication, QPageLayout, QPageSize, QPdfWriter, QTextCursor, QTextDocument, QTextFormat

PAGE_SIZE_IDS: dict[str, QPageSize.PageSizeId] = {
    "A3": QPageSize.PageSizeId.A3,
    "A4": QPageSize.PageSizeId.A4,
    "A5": QPageSize.PageSizeId.A5,
    "Letter": QPageSize.PageSizeId.Letter,
    "Legal": QPageSize.PageSizeId.Legal,
}
MARGIN_MM = 18.0
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


def layout_document(html: str) -> QTextDocument:
    """The QTextDocument the PDF is printed from (kept separate so tests can read its text).

    No page size is set: print_() then lays the text out on the writer's page at screen resolution and scales
    it, so CSS sizes in px and pt come out as on screen.
    """
    doc = QTextDocument()
    doc.setDocumentMargin(0)
    doc.setHtml(html)
    _honour_heading_sizes(doc)
    return doc


def _honour_heading_sizes(doc: QTextDocument) -> None:
    """Qt gives <h1>-<h6> a relative size step that overrides their CSS pixel size (a 19px h3 would be
    drawn smaller than 17px body text); drop the step where the style sheet set a size."""
    cursor = QTextCursor(doc)
    block = doc.begin()
    while block.isValid():
        if block.blockFormat().headingLevel():
            it = block.begin()
            while not it.atEnd():
                fragment = it.fragment()
                fmt = fragment.charFormat()
                if fmt.hasProperty(QTextFormat.Property.FontPixelSize) and fmt.hasProperty(
                    QTextFormat.Property.FontSizeAdjustment
                ):
                    fmt.clearProperty(QTextFormat.Property.FontSizeAdjustment)
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
    doc = layout_document(html)
    doc.print_(writer)
    del writer  # QPdfWriter finishes the file when it is destroyed
    if not tmp.exists() or tmp.stat().st_size == 0:
        tmp.unlink(missing_ok=True)
        raise OSError(f"Qt could not write the PDF to {path}")
    os.replace(tmp, path)
    return path
