"""PDF export read back with pypdf: real page sizes, body text at reading size, wrapped onto many pages."""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtGui import QPdfWriter

from reader.core.anchoring import make_quote
from reader.core.annotation import Highlight
from reader.core.article import Article, Block, make_article
from reader.core.export import ExportItem, ExportOptions, export_items, render
from reader.core.formats import load_file
from reader.ui.export_pdf import layout_document, write_pdf

LONG_SAMPLE = (Path(__file__).resolve().parents[3] / "resources" / "samples"
               / "2025-10-14-continental-review-kora-plains-investigation.html")  # fmt: skip
POINTS = {"A4": (595, 842), "Letter": (612, 792)}


def _highlight(article: Article, exact: str, note: str) -> Highlight:
    start = article.text.index(exact)
    end = start + len(exact)
    return Highlight(id="h-" + exact[:6], article_id=article.id, start=start, end=end,
                     quote=make_quote(article.text, start, end), color="green", note=note, path=article.path,
                     created="2026-01-01T00:00:00Z", modified="2026-01-01T00:00:00Z")  # fmt: skip


@pytest.fixture(scope="module")
def long_article() -> Article:
    [article] = load_file(LONG_SAMPLE)
    return article


def _export(tmp_path: Path, item: ExportItem, page_size: str = "A4") -> PdfReader:
    options = ExportOptions(exported="2026-11-26T12:00:00Z", page_size=page_size)
    [path] = export_items([item], fmt="pdf", out=tmp_path, options=options, pdf_writer=write_pdf)
    return PdfReader(path)


def _words_by_size(reader: PdfReader, pages: Sequence[int]) -> list[tuple[float, str]]:
    """(font size in points, text) of every piece of text shown on the given pages."""
    shown: list[tuple[float, str]] = []

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        if text.strip():
            shown.append((round(abs(size * tm[3] * cm[3]), 2), text))

    for i in pages:
        reader.pages[i].extract_text(visitor_text=visit)
    return shown


def test_a_long_article_is_set_in_reading_size_over_many_pages(qapp: object, tmp_path: Path,
                                                               long_article: Article) -> None:
    reader = _export(tmp_path, ExportItem(long_article))
    words = len(long_article.text.split())
    # 11 pt text on A4 inside 20 mm margins holds roughly 400-550 words a page.
    assert math.ceil(words / 650) <= len(reader.pages) <= math.ceil(words / 300)
    sizes = [size for size, text in _words_by_size(reader, range(len(reader.pages))) for _ in text.split()]
    assert 10 <= statistics.median(sizes) <= 12
    assert [round(float(x)) for x in reader.pages[0].mediabox[2:]] == list(POINTS["A4"])


def test_paragraphs_wrap_inside_the_margins(qapp: object, tmp_path: Path, long_article: Article) -> None:
    reader = _export(tmp_path, ExportItem(long_article))
    xs: list[float] = []

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        if text.strip():
            xs.append(cm[4] + tm[4] * cm[0])

    reader.pages[1].extract_text(visitor_text=visit)
    margin = 20 / 25.4 * 72  # 20 mm in points
    assert min(xs) == pytest.approx(margin, abs=3)  # the first glyph's side bearing
    # Many lines start at the left margin: the text wraps instead of running off the page in one line a paragraph.
    assert sum(1 for x in xs if abs(x - margin) < 3) > 30


@pytest.mark.parametrize("page_size", ["A4", "Letter"])
def test_headings_are_larger_than_the_body_on_either_page_size(qapp: object, tmp_path: Path, page_size: str) -> None:
    article = make_article(title="Harbour fares", blocks=[
        Block("The ferry company will raise fares by twelve percent in March, the council said."),
        Block("What changes", "h", 2),
        Block("Season tickets stay at last year's price."),
    ])  # fmt: skip
    reader = _export(tmp_path, ExportItem(article), page_size)
    assert [round(float(x)) for x in reader.pages[0].mediabox[2:]] == list(POINTS[page_size])
    shown = [(size, " ".join(text.split())) for size, text in _words_by_size(reader, [0])]

    def size_of(phrase: str) -> float:
        # Qt may break a line's text into pieces (kerning after a capital): any piece of the phrase will do.
        [size] = {size for size, text in shown if len(text) > 1 and text in phrase}
        return size

    body = size_of("Season tickets stay at last year's price.")
    assert 10 <= body <= 12
    assert size_of("Harbour fares") > size_of("What changes") > body


def test_a_highlight_note_is_numbered_and_legible(qapp: object, tmp_path: Path, long_article: Article) -> None:
    h = _highlight(long_article, "twice a year", "Check **this** claim against the *2019* audit.")
    reader = _export(tmp_path, ExportItem(long_article, (h,)))
    shown = _words_by_size(reader, [0])
    text = " ".join(t.replace("\t", " ") for _, t in shown)
    # Markdown is rendered: the stars are gone, the words stay.
    assert "Check this claim against the 2019 audit." in " ".join(text.split())
    assert "**" not in text
    note_sizes = [s for s, t in shown if t.strip() in ("Check", "this", "claim against the", "2019", "audit.")
                  or "claim" in t]  # fmt: skip
    assert note_sizes and min(note_sizes) >= 9
    numbers = [s for s, t in shown if t.strip() == "1"]
    assert len(numbers) == 2  # the mark in the text and the note's label
    assert min(numbers) >= 5


def test_list_bullets_are_sized_like_their_text(qapp: object, tmp_path: Path) -> None:
    blocks = [Block("Peak fares: £4.20", "li", 1), Block("Off-peak: £3.10", "li", 1)]
    article = make_article(title="Fares", blocks=blocks)
    writer = QPdfWriter(str(tmp_path / "unused.pdf"))
    doc = layout_document(render(ExportItem(article), "pdf", ExportOptions(exported="x")), writer)
    block = doc.findBlock(doc.toPlainText().index("Peak fares"))
    assert block.textList() is not None
    # The bullet is drawn from the block's own format: a pixel size there is a device pixel (1/1200 inch).
    assert block.charFormat().font().pixelSize() == -1
    assert block.charFormat().font().pointSizeF() == pytest.approx(11)


def test_the_export_command_writes_the_same_readable_pdf(qapp: object, data_dir: Path, tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:  # fmt: skip
    from reader.cli import main

    out = tmp_path / "ferry.pdf"
    assert main(["export", str(LONG_SAMPLE), "--data-dir", str(data_dir), "-f", "pdf", "--page-size", "Letter",
                 "-o", str(out)]) == 0  # fmt: skip
    reader = PdfReader(out)
    assert [round(float(x)) for x in reader.pages[0].mediabox[2:]] == list(POINTS["Letter"])
    sizes = [size for size, text in _words_by_size(reader, [1]) for _ in text.split()]
    assert 10 <= statistics.median(sizes) <= 12
    assert len(reader.pages) >= 8
