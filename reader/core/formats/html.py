"""HTML pages: decoded with their declared charset, main content and metadata extracted."""

from __future__ import annotations

from pathlib import Path

from reader.core.article import Article, make_article
from reader.core.errors import ImportProblem
from reader.core.extract import extract_html
from reader.core.formats.common import check_is_text, title_from_path
from reader.core.formats.encoding import decode_bytes


def html_to_article(html: str, path: Path, fmt: str = "html", url: str = "") -> Article:
    """Build an article from a whole HTML page."""
    page = extract_html(html, url=url)
    if page is None or not page.blocks:
        raise ImportProblem(
            str(path),
            "No article text was found in this page.",
            "Check that it is a saved article; re-save the page as HTML once it has fully loaded.",
        )
    m = page.meta
    return make_article(
        title=page.title or title_from_path(path),
        blocks=page.blocks,
        path=str(path),
        format=fmt,
        byline=m.byline,
        published=m.published,
        source=m.source,
        url=m.url,
        language=m.language,
        description=m.description,
        image=m.image,
        tags=m.tags,
    )


def load_html(data: bytes, path: Path) -> list[Article]:
    """Load a saved HTML page."""
    text, _ = decode_bytes(data)
    check_is_text(text, path)
    return [html_to_article(text, path)]
