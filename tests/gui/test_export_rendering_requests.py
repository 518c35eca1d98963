"""Hostile exports rendered by a real Markdown/HTML engine (Qt's md4c and rich text) ask for nothing.

Qt's QTextDocument calls loadResource for every image it would fetch; we count those calls and look at every
link the rendered document holds.
"""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QTextDocument
from pytestqt.qtbot import QtBot

from reader.core.article import Block, make_article
from reader.core.export import ExportItem, ExportOptions, render, render_combined

SERVER = "http://127.0.0.1:8000"
OPTIONS = ExportOptions(exported="2026-11-26T12:00:00Z")


class RecordingDocument(QTextDocument):
    """A text document that records, and refuses, every resource it is asked to load."""

    def __init__(self) -> None:
        super().__init__()
        self.requests: list[str] = []

    def loadResource(self, kind: int, url: QUrl) -> object:  # noqa: N802 - Qt's name
        self.requests.append(url.toString())
        return None


def _hostile_items() -> list[ExportItem]:
    code = f"````\n![pre]({SERVER}/pre)\n`````\n<img src={SERVER}/pre2>"
    first = make_article(
        title=f"![title]({SERVER}/title) <img src={SERVER}/t2>", path="/tmp/a.html",
        blocks=[Block(code, "pre"), Block(f"Text ![p]({SERVER}/para) [click](javascript:alert(1)) <b>x</b>")],
        byline=f"![by]({SERVER}/by)", url=f"javascript:fetch('{SERVER}/url')",
        tags=(f"![t]({SERVER}/tag)", f"[x](data:text/html,{SERVER})", "<img src=x>"),
    )
    second = make_article(title="Second", blocks=[Block("Plain.")], url=f"{SERVER}/ok-link")
    return [ExportItem(first), ExportItem(second)]


def _links_and_images(doc: QTextDocument) -> tuple[list[str], list[str]]:
    links: list[str] = []
    images: list[str] = []
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fmt = it.fragment().charFormat()
            if fmt.isAnchor():
                links.append(fmt.anchorHref())
            if fmt.isImageFormat():
                images.append(fmt.toImageFormat().name())
            it += 1
        block = block.next()
    return links, images


def test_hostile_markdown_export_renders_without_requests_or_script_links(qtbot: QtBot) -> None:
    doc = RecordingDocument()
    doc.setMarkdown(render_combined(_hostile_items(), "md", OPTIONS))
    doc.size()  # lays the document out, which is when images would be loaded
    links, images = _links_and_images(doc)
    assert doc.requests == [] and images == []
    assert links and all(link.startswith(("http://", "https://", "mailto:")) for link in links)


def test_hostile_html_export_renders_without_requests(qtbot: QtBot) -> None:
    for text in (render(_hostile_items()[0], "html", OPTIONS), render_combined(_hostile_items(), "html", OPTIONS)):
        doc = RecordingDocument()
        doc.setHtml(text)
        doc.size()
        links, images = _links_and_images(doc)
        assert doc.requests == [] and images == []
        # "" is a named anchor (an id), not a link.
        assert all(link.startswith(("http://", "https://", "#")) for link in links if link)
    assert f"{SERVER}/ok-link" in links  # the combined page: the one web URL stays a link
