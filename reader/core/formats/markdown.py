"""Markdown articles: YAML front matter for metadata, the body read by CommonMark rules into blocks.

The reading itself lives beside this module: `markdown_blocks` (the block tokens), `markdown_inline`
(the words and links of a line) and `markdown_front` (the front matter's fields).
"""

from __future__ import annotations

import logging
from pathlib import Path

from reader.core.article import Article, Block, make_article
from reader.core.extract.language import guess_language, normalise_language, opening
from reader.core.formats.common import check_is_text, parse_byline_line, title_from_path
from reader.core.formats.encoding import decode_bytes
from reader.core.formats.markdown_blocks import parse_markdown
from reader.core.formats.markdown_front import FrontMatterProblem, front_matter_fields
from reader.core.safe_text import shown_path

__all__ = ["load_markdown", "markdown_to_article"]

_log = logging.getLogger(__name__)


_BYLINE_WINDOW = 3  # byline lines are looked for among the first few blocks after the title
_LANGUAGE_SAMPLE = 2000


def _take_byline_blocks(blocks: list[Block], meta: dict[str, object]) -> None:
    """Move `By X | 3 March 2025`-style paragraphs just under the title into `meta` (front matter wins)."""
    updated = ""
    i = seen = 0
    while i < len(blocks) and seen < _BYLINE_WINDOW:
        found = parse_byline_line(blocks[i].text) if blocks[i].kind == "p" else None
        seen += 1
        if found is None:
            i += 1
            continue
        if found.byline and not meta.get("byline"):
            meta["byline"] = found.byline
        if found.published and not meta.get("published"):
            meta["published"] = found.published
        updated = updated or found.updated
        blocks.pop(i)
    if updated and not meta.get("published"):
        meta["published"] = updated


def markdown_to_article(text: str, path: Path) -> Article:
    """Build an article from Markdown text with optional front matter.

    Front matter that cannot be read is logged as a warning (like a mailbox's unreadable message):
    the article still loads, with its title from the first heading or the file name; lines that were
    prose rather than `name: value` pairs are kept as text.
    """
    parsed = parse_markdown(text)
    meta: dict[str, object] = {}
    if parsed.front_matter is not None:
        try:
            meta = front_matter_fields(parsed.front_matter)
        except FrontMatterProblem as problem:
            if problem.is_prose:  # text between two rules, not metadata: it stays in the body
                parsed = parse_markdown(text, front_matter=False)
            outcome = "it was read as part of the text" if problem.is_prose else "the article was read without it"
            _log.warning("%s: %s; %s.", shown_path(str(path)), problem, outcome)
    blocks = parsed.blocks
    title = str(meta.pop("title", "") or "")
    if not title and blocks and blocks[0].kind == "h" and blocks[0].level <= 2:
        title = blocks.pop(0).text
    elif blocks and blocks[0].kind == "h" and blocks[0].text.strip() == title.strip():
        blocks.pop(0)
    _take_byline_blocks(blocks, meta)
    meta["language"] = normalise_language(str(meta.get("language") or ""))
    if not meta["language"]:
        meta["language"] = guess_language(opening((b.text for b in blocks), "\n", _LANGUAGE_SAMPLE))
    return make_article(
        title=title or title_from_path(path), blocks=blocks, path=str(path), format="markdown", **meta
    )


def load_markdown(data: bytes, path: Path) -> list[Article]:
    """Load a Markdown article file."""
    text, _ = decode_bytes(data)
    check_is_text(text, path)
    return [markdown_to_article(text, path)]
