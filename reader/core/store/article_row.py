"""How an article is stored as a row of the library cache's `articles` table, and read back.

The body is stored as the blocks' texts joined (`Article.text`, what the full-text index reads), and the
blocks' kinds, levels, lengths and links as a small JSON list beside it (`structure`).
"""

from __future__ import annotations

import json

from reader.core.article import Article, Block, Link

INSERT_ARTICLE = ("INSERT INTO articles(id, path, format, title, byline, published, source, url, language,"
                  " description, image, tags, words, body, structure) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")


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
