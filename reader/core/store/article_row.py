"""How an article is stored as a row of the library cache's `articles` table, and read back.

The body is stored as the blocks' texts joined (`Article.text`, what the full-text index reads), and the
blocks' kinds, levels, lengths and links as a small JSON list beside it (`structure`).
"""

from __future__ import annotations

import json
from dataclasses import fields

from reader.core.article import Article, Block, Link

INSERT_ARTICLE = ("INSERT INTO articles(id, path, format, title, byline, published, source, url, language,"
                  " description, image, tags, words, body, structure) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")
# A new article whose mention rows go in with it (an import worker tagged it): marked tagged as it is inserted,
# not by an UPDATE after (one statement and an index entry moved less per article).
INSERT_TAGGED = ("INSERT INTO articles(id, path, format, title, byline, published, source, url, language,"
                 " description, image, tags, words, body, structure, tagged) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,1)")


def article_values(a: Article, key: bytes) -> tuple[object, ...]:
    """The values of `INSERT_ARTICLE` for an article found at the path stored as `key`."""
    return (a.id, key, a.format, a.title, a.byline, a.published, a.source, a.url, a.language,
            a.description, a.image, json.dumps(list(a.tags)), a.word_count, a.text, structure(a))  # fmt: skip


def structure(article: Article) -> str:
    """Each block as `[kind, level, length]`, with `[[start, end, href], ...]` after it when it has links."""
    entries: list[list[object]] = []
    for b in article.blocks:
        entry: list[object] = [b.kind, b.level, len(b.text)]
        if b.links:
            entry.append([[k.start, k.end, k.href] for k in b.links])
        entries.append(entry)
    return json.dumps(entries, separators=(",", ":"), ensure_ascii=False)


def article_blocks(body: str, structure: str) -> tuple[Block, ...]:
    """The blocks back from the body and its structure (entries without links, as older rows have, read too)."""
    blocks = []
    pos = 0
    for kind, level, length, *rest in json.loads(structure or "[]"):
        links = tuple(Link(int(a), int(b), str(href)) for a, b, href in rest[0]) if rest else ()
        blocks.append(Block(body[pos : pos + length], kind, level, links))
        pos += length + 2
    return tuple(blocks)


# Article's fields sent through the import pool's pipe besides its blocks, in their order (`blocks` is the third);
# its `text` is the blocks joined, made again on arrival, so the body does not cross the pipe twice.
_SENT = tuple(f.name for f in fields(Article) if f.name not in ("blocks", "text"))
PackedArticle = tuple[tuple[object, ...], tuple[tuple[str, str, int, tuple[Link, ...]], ...]]


def pack_article(a: Article) -> PackedArticle:
    """An article as plain tuples for the pipe: its fields but `text`, each block as (text, kind, level, links)."""
    return tuple(getattr(a, name) for name in _SENT), tuple((b.text, b.kind, b.level, b.links) for b in a.blocks)


def unpack_article(packed: PackedArticle) -> Article:
    """`pack_article` undone: an equal article (its `text` made from the blocks, as always)."""
    values, blocks = packed
    return Article(values[0], values[1], tuple(Block(*b) for b in blocks), *values[2:])  # type: ignore[arg-type]
