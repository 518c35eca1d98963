"""Links in the exports: Markdown [text](href), HTML <a href>, a plain-text list; nested right with marks.

Every Markdown result is read back with a CommonMark parser (markdown-it-py) and every HTML result with lxml,
so what is checked is what a reader of the file would get, not only the characters written.
"""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup
from markdown_it import MarkdownIt

from reader.core.annotation import Highlight, TextQuote
from reader.core.article import Article, Block, Link, make_article
from reader.core.export import ExportItem, ExportOptions, render
from reader.core.export.html import to_html
from reader.core.export.layout import layout
from reader.core.export.markdown import to_markdown
from reader.core.export.text import to_text

OPTIONS = ExportOptions(include_entities=True, exported="2026-11-26T12:00:00Z")
ODD = "https://e.example/a_(b)\\c?q=[x]&y=<z>"
FIRST = "Ferry fares rise, says the [harbour] board today."
SECOND = "Write to us or run this."


def _article() -> Article:
    return make_article(
        title="Fares",
        blocks=[
            Block(FIRST, links=(Link(FIRST.index("the"), FIRST.index(" today"), ODD),)),
            Block(SECOND, links=(Link(0, 8, "mailto:desk@e.example"),
                                 Link(SECOND.index("run"), 23, "javascript:alert(1)"))),
        ],
    )  # fmt: skip


def _highlight(article: Article, start: int, end: int, note: str = "", hid: str = "h1") -> Highlight:
    exact = article.text[start:end]
    return Highlight(
        id=hid, article_id=article.id, start=start, end=end, quote=TextQuote(exact), color="yellow", note=note,
        path="", created="2026-11-26T10:00:00.000Z", modified="2026-11-26T10:00:00.000Z",
    )


def _md_links(markdown: str) -> list[tuple[str, str]]:
    soup = BeautifulSoup(MarkdownIt("commonmark").render(markdown), "lxml")
    return [(a.get_text(), a["href"]) for a in soup.find_all("a")]


def _html_links(html: str) -> list[tuple[str, str, str]]:
    soup = BeautifulSoup(html, "lxml")
    return [(a.get_text(), a["href"], " ".join(a.get("rel", []))) for a in soup.select(".body a")]


def test_markdown_keeps_link_text_and_odd_addresses_intact() -> None:
    md = to_markdown(ExportItem(_article()), OPTIONS)
    assert "says [the \\[harbour\\] board](https://e.example/a_\\(b\\)\\\\c?q=[x]&y=\\<z\\>) today." in md
    assert "[Write to](mailto:desk@e.example) us or run this." in md  # javascript: stays plain text
    assert _md_links(md) == [("the [harbour] board", "https://e.example/a_(b)%5Cc?q=%5Bx%5D&y=%3Cz%3E"),
                             ("Write to", "mailto:desk@e.example")]  # fmt: skip


def test_html_links_are_escaped_and_never_sent_referrers() -> None:
    html = to_html(ExportItem(_article()), OPTIONS)
    assert _html_links(html) == [("the [harbour] board", ODD, "noreferrer noopener"),
                                 ("Write to", "mailto:desk@e.example", "noreferrer noopener")]  # fmt: skip
    assert "javascript:" not in html
    assert "Write to</a> us or run this." in html


def test_a_link_overlapping_a_highlight_and_an_entity_nests_in_valid_html() -> None:
    article = _article()
    start = FIRST.index("harbour")  # the highlight starts inside the link and runs past its end
    item = ExportItem(article, (_highlight(article, start, FIRST.index("y."), note="Check."),),
                      entities=[_Span(FIRST.index("board"), FIRST.index(" today"), "ORG", "board")])  # fmt: skip
    html = to_html(item, OPTIONS)
    soup = BeautifulSoup(html, "lxml")
    body_p = soup.select(".body p")[0]
    assert body_p.get_text() == FIRST.replace("toda", "toda1")  # the note's number follows the highlight
    (a,) = body_p.find_all("a", rel=True)
    assert a.get_text() == "the [harbour] board" and a["href"] == ODD
    assert [m.get_text() for m in a.find_all("mark")] == ["harbour] ", "board"]
    assert a.find("span", class_="ent").get_text() == "board" and a.find("span").find_parent("mark") is not None
    assert [m.get_text() for m in body_p.find_all("mark") if m.find_parent("a") is None] == [" toda"]
    assert body_p.select_one("sup.ref a").find_parent("a", rel=True) is None  # no link inside a link
    # Parsed with the strict XML reading of the same markup: every element closes where it opened.
    from lxml import etree

    etree.fromstring(f"<p>{str(body_p)[3:-4]}</p>".encode())


def test_markdown_marks_never_cross_a_link_edge() -> None:
    article = _article()
    start = FIRST.index("harbour")
    item = ExportItem(article, (_highlight(article, start, FIRST.index("y."), note="Check."),))
    md = to_markdown(item, OPTIONS)
    line = next(x for x in md.splitlines() if x.startswith("Ferry"))
    assert line == ("Ferry fares rise, says [the \\[==harbour\\] board==](https://e.example/a_\\(b\\)\\\\c"
                    "?q=[x]&y=\\<z\\>)== toda==[^1]y.")  # fmt: skip
    # CommonMark has no ==marks==: they stay as characters, inside the link's text.
    assert _md_links(md)[0] == ("the [==harbour] board==", "https://e.example/a_(b)%5Cc?q=%5Bx%5D&y=%3Cz%3E")


def test_a_note_reference_inside_a_link_closes_it_first() -> None:
    article = _article()
    item = ExportItem(article, (_highlight(article, len(FIRST) + 2, len(FIRST) + 7, note="Who?"),))  # "Write"
    md = to_markdown(item, OPTIONS)
    assert "[==Write==](mailto:desk@e.example)[^1][ to](mailto:desk@e.example) us" in md
    soup = BeautifulSoup(to_html(item, OPTIONS), "lxml")
    second = soup.select(".body p")[1]
    assert [a.get_text() for a in second.find_all("a", rel=True)] == ["Write", " to"]
    assert second.get_text() == "Write1 to us or run this."


def test_plain_text_lists_the_links_after_the_body() -> None:
    text = to_text(ExportItem(_article()), OPTIONS)
    assert FIRST in text and SECOND in text  # the body keeps the exact words
    assert "Links\n-----\n\n* the [harbour] board: " + ODD + "\n* Write to: mailto:desk@e.example\n" in text
    assert "javascript" not in text


def test_overlapping_links_keep_the_first() -> None:
    links = (Link(0, 7, "https://a.example/"), Link(4, 13, "https://b.example/"))
    article = make_article(title="T", blocks=[Block("one two three", links=links)])
    runs = layout(ExportItem(article)).blocks[0].runs
    assert [(r.text, r.link.href if r.link else None) for r in runs] == [
        ("one two", "https://a.example/"), (" three", None)]  # fmt: skip


class _Span:
    """An entity span as the exports take it."""

    def __init__(self, start: int, end: int, type_: str, text: str) -> None:
        self.start, self.end, self.type, self.text = start, end, type_, text


def test_the_pdf_keeps_web_and_mail_links_as_link_annotations(qapp: object, tmp_path: Path) -> None:
    from pypdf import PdfReader

    from reader.ui.export_pdf import write_pdf

    path = write_pdf(render(ExportItem(_article()), "pdf", OPTIONS), tmp_path / "links.pdf")
    uris = [
        annot.get_object()["/A"]["/URI"]
        for page in PdfReader(path).pages
        for annot in page.get("/Annots", []) or []
        if annot.get_object().get("/Subtype") == "/Link"
    ]
    assert uris == [ODD, "mailto:desk@e.example"]  # javascript: is never a link, in the PDF either


def test_a_link_only_item_exports_its_title_and_link() -> None:
    item = ExportItem(make_article(title="Berth 4 closed", blocks=[], url="https://port.example/n/4", format="rss"))
    soup = BeautifulSoup(to_html(item, OPTIONS), "lxml")
    (a,) = soup.select(".article a")
    assert (a.get_text(), a["href"], a["rel"]) == ("https://port.example/n/4", "https://port.example/n/4",
                                                   ["noreferrer", "noopener"])  # fmt: skip
    assert soup.select_one(".body").get_text() == ""
    assert 'url: "https://port.example/n/4"' in to_markdown(item, OPTIONS)
    assert to_text(item, OPTIONS).startswith("Berth 4 closed\n==============\n\nhttps://port.example/n/4\n")
