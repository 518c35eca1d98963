"""Exports show what the app shows: dates as "18 November 2019", notes' Markdown rendered, notes typed as Markdown."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from pypdf import PdfReader

from reader.core.export import ExportItem, ExportOptions, export_items, merge_annotations, render
from reader.core.export.annotation_json import collection
from reader.core.export.note_markdown import note_html
from reader.core.store.user_data import UserStore
from reader.ui.export_pdf import write_pdf

STAMP = "2019-11-18T17:56:27+00:00"


@pytest.fixture
def dated(item: ExportItem) -> ExportItem:
    return replace(item, article=replace(item.article, published=STAMP))


@pytest.mark.parametrize(
    ("fmt", "byline"),
    [
        ("html", '<p class="meta">Mara Okafor · The Coastal Ledger · 18 November 2019</p>'),
        ("md", "*Mara Okafor · The Coastal Ledger · 18 November 2019*"),
        ("txt", "Mara Okafor | The Coastal Ledger | 18 November 2019"),
    ],
)
def test_bylines_show_the_date_as_the_reading_pane_does(dated: ExportItem, options: ExportOptions, fmt: str,
                                                        byline: str) -> None:  # fmt: skip
    out = render(dated, fmt, options)
    assert byline in out.splitlines() or byline in out
    body = out.split("\n---\n", 2)[-1] if fmt == "md" else out  # Markdown front matter keeps ISO for machines
    assert "17:56:27" not in body and "2019-11-18" not in body


@pytest.mark.parametrize(("fmt", "footer"), [
    ("html", "Exported from News Reader on 26 November 2026."),
    ("txt", "(Exported from News Reader on 26 November 2026.)"),
])  # fmt: skip
def test_the_export_date_reads_like_a_date(item: ExportItem, options: ExportOptions, fmt: str, footer: str) -> None:
    assert footer in render(item, fmt, options)


def test_the_pdf_byline_shows_the_readable_date(qapp: object, tmp_path: Path, dated: ExportItem,
                                                options: ExportOptions) -> None:  # fmt: skip
    [path] = export_items([dated], fmt="pdf", out=tmp_path, options=options, pdf_writer=write_pdf)
    first_page = " ".join(PdfReader(path).pages[0].extract_text().split())
    assert "Mara Okafor · The Coastal Ledger · 18 November 2019" in first_page
    assert "17:56" not in first_page


NOTE = (
    "Check **this** <script>alert(1)</script> against [the audit](https://audit.example/2019) and `fares.csv`.\n\n"
    "- first point\n- second point\n\n[bad](javascript:alert(1))"
)


def test_note_markdown_becomes_safe_html(item: ExportItem, options: ExportOptions) -> None:
    h = replace(item.highlights[0], note=NOTE)
    html = render(replace(item, highlights=(h,)), "html", options)
    assert "<strong>this</strong>" in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "<script>" not in html
    assert 'the audit (<a href="https://audit.example/2019">https://audit.example/2019</a>)' in html
    assert "<code>fares.csv</code>" in html
    assert "<li>first point</li>" in html and "<li>second point</li>" in html
    assert 'href="javascript' not in html
    # The note keeps its number at the start of its first paragraph.
    assert '<p><span class="note-label">1</span> Check <strong>this</strong>' in html


def test_the_article_note_is_rendered_too(item: ExportItem, options: ExportOptions) -> None:
    html = render(item, "html", options)
    assert "<p>Follow up with the Authority.</p>\n<ul>\n<li>ask for the budget</li>" in html


def test_a_note_that_opens_with_a_list_keeps_its_number_on_a_line_of_its_own() -> None:
    assert note_html("- one\n- two", lead="<b>2</b> ") == "<p><b>2</b> </p><ul>\n<li>one</li>\n<li>two</li>\n</ul>"


def test_a_note_in_the_pdf_shows_its_words_not_its_markup(qapp: object, tmp_path: Path, item: ExportItem,
                                                          options: ExportOptions) -> None:  # fmt: skip
    h = replace(item.highlights[0], note="Check **this** and _that_.")
    [path] = export_items([replace(item, highlights=(h,))], fmt="pdf", out=tmp_path, options=options,
                          pdf_writer=write_pdf)  # fmt: skip
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(path).pages)
    assert "Check this and that" in text  # (pypdf puts a space between the italic word and the full stop)
    assert "**" not in text and "_that_" not in text


def test_highlight_and_article_notes_are_both_markdown_in_annotation_json(item: ExportItem,
                                                                         options: ExportOptions) -> None:  # fmt: skip
    items = collection([item], options)["first"]["items"]
    bodies = [b for a in items if a["motivation"] in ("highlighting", "commenting") and "body" in a
              for b in (a["body"] if isinstance(a["body"], list) else [a["body"]])]  # fmt: skip
    assert len(bodies) == 6  # five highlight notes and the article note
    assert {b["format"] for b in bodies} == {"text/markdown"}


def test_the_importer_still_reads_plain_text_highlight_notes(tmp_path: Path, item: ExportItem) -> None:
    h = item.highlights[0]
    doc = collection([ExportItem(item.article, (h,))], ExportOptions(exported="x"))
    anno = doc["first"]["items"][0]
    anno["body"][0]["format"] = "text/plain"  # as older exports wrote it
    store = UserStore(tmp_path / "u.sqlite3")
    report = merge_annotations(doc, store)
    assert report.added == 1
    assert store.get_highlight(h.id).note == h.note


@pytest.mark.parametrize(
    ("note", "html"),
    [
        ("See <https://a.example/x>.", "<p>See https://a.example/x.</p>"),
        ("[one](https://a.example/1) and [one](https://a.example/1)",
         '<p>one (<a href="https://a.example/1">https://a.example/1</a>) and '
         'one (<a href="https://a.example/1">https://a.example/1</a>)</p>'),
        ("[the `file`](ftp://a.example/x)", "<p>the <code>file</code> (ftp://a.example/x)</p>"),  # shown, not live
        ("[x](file:///etc/passwd)", "<p>[x](file:///etc/passwd)</p>"),  # refused by the parser: plain text
        ("![a chart](https://a.example/c.png)", "<p>[a chart]</p>"),
        ("# Big\n\n*ok*", "<h4>Big</h4>\n<p><em>ok</em></p>"),
    ],
)
def test_note_links_images_and_headings_print_safely(note: str, html: str) -> None:
    assert note_html(note) == html
