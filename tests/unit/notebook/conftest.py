"""A small library and user database with highlights and notes written through the session."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

import pytest

from reader.core.article import Article, Block, make_article
from reader.core.session import Session
from reader.core.store.library import Library


@dataclass
class Notebook:
    library: Library
    session: Session
    articles: dict[str, Article]
    ids: dict[str, str]  # short name -> highlight id


def _article(title: str, text: str, source: str, published: str, root: Path) -> Article:
    path = str(root / f"{title.split()[0].lower()}.txt")
    return make_article(title=title, blocks=[Block(text)], path=path, format="text", source=source,
                        published=published, url=f"https://example.org/{title.split()[0].lower()}",
                        byline="Ana Pérez")  # fmt: skip


@pytest.fixture
def notebook(tmp_path: Path) -> Iterator[Notebook]:
    session = Session(tmp_path / "user.sqlite3")
    library = Library(tmp_path / "cache.sqlite3", user_db=tmp_path / "user.sqlite3")
    arts = {
        "harbour": _article("Harbour strike ends", "Dockers voted to end the strike after nine days of talks.",
                            "Coast Daily", "2026-03-02T08:00:00Z", tmp_path),
        "budget": _article("Budget vote delayed", "The council delayed the budget vote until Émile returns.",
                           "City Post", "2026-02-10", tmp_path),
    }  # fmt: skip
    for a in arts.values():
        library.store_file(a.path, 1.0, 10, [a])
    plan = [  # name, article, phrase, colour, note, created
        ("strike", "harbour", "end the strike", "yellow", "Nine days!", "2026-03-03T10:00:00.000Z"),
        ("talks", "harbour", "days of talks", "green", "", "2026-03-05T09:00:00.000Z"),
        ("emile", "budget", "Émile returns", "pink", "Who is he?", "2026-03-04T12:00:00.000Z"),
    ]
    ids = {}
    for name, key, phrase, color, note, created in plan:
        a = arts[key]
        start = a.text.index(phrase)
        h = session.add_highlight(a.id, a.text, start, start + len(phrase), color=color, note=note).value
        session.restore_highlight(replace(h, created=created, modified=created))
        ids[name] = h.id
    session.set_note(arts["budget"].id, "Follow up on the vote.")
    session.set_bookmark_tags(arts["harbour"].id, ["labour"])
    yield Notebook(library, session, arts, ids)
    library.close()
    session.close()
