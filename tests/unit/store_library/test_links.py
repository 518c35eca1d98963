"""Links survive the library cache: exact offsets and hrefs back, and a cache from before links is upgraded."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from reader.core.article import Block, Link, make_article
from reader.core.library_sync import LibrarySync
from reader.core.store.library import Library
from reader.core.store.library_schema import SCHEMA_VERSION


def _linked_article():  # type: ignore[no-untyped-def]
    return make_article(
        title="Harbour strike ends",
        blocks=[
            Block("Dockers went back to work, the union said.", links=(Link(27, 36, "https://union.example/news?id=7&x=(1)"),)),
            Block("Plain paragraph without links."),
            Block("Mail the editor or read «the timeline».",
                  links=(Link(0, 15, "mailto:editor@example.org"), Link(25, 37, "https://e.example/t/ü"))),
        ],
        url="https://e.example/strike",
    )  # fmt: skip


def test_links_come_back_from_the_cache_with_their_offsets_and_hrefs(tmp_path: Path) -> None:
    art = _linked_article()
    lib = Library(tmp_path / "cache.sqlite3")
    lib.store_file(str(tmp_path / "a.html"), 1.0, 10, [art])
    lib.close()
    back = Library(tmp_path / "cache.sqlite3").article(art.id)
    assert back is not None
    assert back.blocks == art.blocks
    assert [(back.text[k.start : k.end], k.href) for k in back.links] == [
        ("the union", "https://union.example/news?id=7&x=(1)"),
        ("Mail the editor", "mailto:editor@example.org"),
        ("the timeline", "https://e.example/t/ü"),
    ]
    assert back.links[0] == Link(27, 36, "https://union.example/news?id=7&x=(1)")


def test_a_link_only_item_comes_back_with_no_text_and_its_url(tmp_path: Path) -> None:
    item = make_article(title="Only a link", blocks=[], url="https://e.example/item", format="rss")
    lib = Library(tmp_path / "cache.sqlite3")
    lib.store_file(str(tmp_path / "feed.xml"), 1.0, 10, [item])
    back = lib.article(item.id)
    assert back is not None and (back.blocks, back.text, back.url) == ((), "", "https://e.example/item")
    assert lib.rows([item.id])[item.id].title == "Only a link"


def test_a_cache_from_before_links_is_kept_and_every_file_is_read_again(tmp_path: Path) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    path = folder / "a.txt"
    path.write_text("Harbour strike ends\n\nDockers went back to work.\n", encoding="utf-8")
    db = tmp_path / "cache.sqlite3"
    lib = Library(db)
    LibrarySync(lib).scan([folder])
    (article_id,) = lib.all_ids()
    # A version-5 row: the same tables, each block's structure without links.
    lib.db.execute("UPDATE articles SET structure='[[\"p\",0,26]]'")
    lib.db.commit()
    lib.close()
    with sqlite3.connect(db) as conn:
        conn.execute("PRAGMA user_version=5")
    conn.close()

    old = Library(db)
    assert old.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    shown = old.article(article_id)  # readable at once, before any scan
    assert shown is not None and shown.text == "Dockers went back to work." and shown.links == ()
    st = os.stat(path)
    assert old.file_state(str(path.resolve())) != (st.st_mtime, st.st_size)
    assert LibrarySync(old).scan([folder]).imported == 1  # read again, so its links (if any) are stored
    assert LibrarySync(old).scan([folder]).imported == 0
