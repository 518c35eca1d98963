"""PDF export through Qt: a real PDF whose text (read back from the file) holds the highlights and notes."""

from __future__ import annotations

from pathlib import Path

import pytest
from export_pdf_text import read_pdf, squeeze
from PySide6.QtGui import QTextCursor

from reader.core.article import Block, make_article
from reader.core.export import ExportItem, ExportOptions, export_items, render
from reader.core.export.html_style import HIGHLIGHT_PALETTE
from reader.ui.export_pdf import layout_document, page_size, write_pdf


def _rgb(hex_color: str) -> tuple[float, float, float]:
    return tuple(int(hex_color[i:i + 2], 16) / 255 for i in (1, 3, 5))  # type: ignore[return-value]


def _has_color(colors: list[tuple[float, float, float]], want: tuple[float, float, float]) -> bool:
    return any(all(abs(a - b) < 0.01 for a, b in zip(c, want, strict=True)) for c in colors)


def test_pdf_file_holds_the_text_highlight_colours_and_notes(
    qapp: object, tmp_path: Path, item: ExportItem, options: ExportOptions
) -> None:
    [path] = export_items([item], fmt="pdf", out=tmp_path, options=options, pdf_writer=write_pdf)
    data = path.read_bytes()
    assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")
    info = read_pdf(data)
    assert info.pages >= 1
    text = squeeze(info.text)
    for expected in ("Harbour ferry fares rise", "raise ferry fares by 12%", "Check against the 2024 rise (8%).",
                     "Quote from the union.", "Orphaned note survives.", "Follow up with the Authority."):
        assert squeeze(expected) in text
    for name in ("yellow", "green", "blue", "pink"):
        assert _has_color(info.fill_colors, _rgb(HIGHLIGHT_PALETTE[name][0])), name


def test_page_size_setting_changes_the_page(qapp: object, tmp_path: Path, item: ExportItem) -> None:
    html = render(item, "pdf", ExportOptions(exported="x"))
    a4 = write_pdf(html, tmp_path / "a4.pdf", page_size="A4").read_bytes()
    letter = write_pdf(html, tmp_path / "letter.pdf", page_size="letter").read_bytes()
    assert b"/MediaBox [0 0 595" in a4 and b"/MediaBox [0 0 612" in letter
    with pytest.raises(ValueError, match="unknown page size"):
        page_size("B9")


def test_document_behind_the_pdf_paints_marks_in_their_colours(qapp: object, item: ExportItem) -> None:
    doc = layout_document(render(item, "pdf", ExportOptions(exported="x")))
    text = doc.toPlainText()
    cursor = QTextCursor(doc)
    cursor.setPosition(text.index("raise ferry") + 2)
    assert cursor.charFormat().background().color().name() == HIGHLIGHT_PALETTE["yellow"][0]
    cursor.setPosition(text.index("third rise") + 2)
    assert cursor.charFormat().background().color().name() == HIGHLIGHT_PALETTE["blue"][0]


def test_each_article_of_a_combined_pdf_starts_a_page(qapp: object, tmp_path: Path) -> None:
    short = [ExportItem(make_article(title=f"Short {i}", blocks=[Block("One line.")])) for i in range(3)]
    [path] = export_items(short, fmt="pdf", out=tmp_path, combined=True, options=ExportOptions(exported="x"),
                          pdf_writer=write_pdf)
    assert read_pdf(path.read_bytes()).pages == 3


def test_section_headings_are_drawn_larger_than_the_body(qapp: object) -> None:
    from PySide6.QtGui import QFontInfo

    html = render(ExportItem(make_article(title="T", blocks=[Block("Body text here."), Block("Section", "h", 3)])),
                  "html", ExportOptions(exported="x"))  # fmt: skip
    doc = layout_document(html)
    sizes = {}
    block = doc.begin()
    while block.isValid():
        if block.text() in ("Body text here.", "Section"):
            sizes[block.text()] = QFontInfo(block.begin().fragment().charFormat().font()).pixelSize()
        block = block.next()
    assert sizes["Section"] > sizes["Body text here."]
