"""The sidebar's counts, kept by the cache's triggers, equal a count made by hand over a generated library,
and stay equal through read marks, bookmarks, notes, import batches, removals and kept articles."""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.core.article import Article, Block, make_article
from reader.core.session import Session
from reader.core.store import sidebar_counts
from reader.core.store.library import Library
from reader.core.store.library_query import ListQuery
from reader.core.store.sidebar_counts import SidebarCounts, Tally, read_counts, set_count_folders, sync_read_marks

SOURCES = ["Harbour Ledger", "Meridian Wire", "Baltic Dispatch", "Tide Times", ""]
FOLDERS = ["/lib/news", "/lib/news-old", "/lib/news/deep"]


class World:
    """A generated library and what the user did, counted by hand alongside the cache."""

    def __init__(self, tmp: Path, seed: int) -> None:
        self.rng = random.Random(seed)
        self.session = Session(tmp / "user.sqlite3")
        self.lib = Library(tmp / "cache.sqlite3", user_db=tmp / "user.sqlite3")
        self.files: dict[str, list[Article]] = {}
        self.made = 0
        set_count_folders(self.lib.db, FOLDERS)

    def article(self) -> Article:
        self.made += 1
        return make_article(title=f"Story {self.made}", blocks=[Block(f"Body of story {self.made}.")],
                            format="text", source=self.rng.choice(SOURCES))  # fmt: skip

    def store(self, path: str, articles: list[Article]) -> None:
        self.files[path] = articles
        self.lib.store_file(path, 1.0, 1, articles)

    def remove(self, path: str) -> None:
        del self.files[path]
        self.lib.forget_paths([path])

    def import_batch(self, n: int) -> None:
        for _ in range(n):
            folder = self.rng.choice([*FOLDERS, "/elsewhere"])
            path = f"{folder}/{len(self.files)}-{self.rng.randrange(10**6)}.txt"
            if self.files and self.rng.random() < 0.15:  # the same article saved a second time
                self.store(path, [self.rng.choice(self.rng.choice(list(self.files.values())))])
            else:
                self.store(path, [self.article() for _ in range(self.rng.choice([1, 1, 2]))])

    def listed(self) -> dict[str, Article]:
        return {a.id: a for arts in self.files.values() for a in arts}

    def by_hand(self) -> SidebarCounts:
        listed, read = self.listed(), self.session.store.read_ids()
        kept = set(self.lib.all_ids()) - set(listed)  # the user's articles whose files are gone
        shown = set(listed) | kept

        def tally(ids: set[str]) -> Tally:
            return Tally(len(ids), len(ids - read))

        folders = {f: tally({a.id for p, arts in self.files.items() if p.startswith(f + "/") for a in arts})
                   for f in FOLDERS}  # fmt: skip
        names = {a.source for a in listed.values() if a.source}
        sources = {s: tally({i for i, a in listed.items() if a.source == s}) for s in names}
        ordered = sorted(((s, t) for s, t in sources.items() if t.all), key=lambda st: (-st[1].all, st[0].lower()))
        tags: dict[str, int] = {}
        for i in shown:
            bookmark = self.session.store.bookmark(i)
            for t in bookmark.tags if bookmark is not None else ():
                tags[t] = tags.get(t, 0) + 1
        annotated = {i for i in shown if self.session.store.note(i) or self.session.store.highlights(i)}
        return SidebarCounts(
            library=tally(set(listed)), bookmarked=len({i for i in shown if self.session.store.is_bookmarked(i)}),
            annotated=len(annotated), folders=folders, sources=ordered, source_total=len(ordered), tags=tags,
        )  # fmt: skip

    def check(self) -> None:
        assert read_counts(self.lib.db, top=None) == self.by_hand()

    def mark(self, ids: list[str], read: bool) -> None:
        changes = self.session.mark_read(ids, read)
        sync_read_marks(self.lib.db, changes.article_ids)


@pytest.fixture(params=[1, 2, 3])
def world(tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[World]:
    w = World(tmp_path, request.param)
    yield w
    w.session.close()
    w.lib.close()


def test_counts_equal_a_count_by_hand_through_every_kind_of_change(world: World) -> None:
    world.import_batch(60)
    world.check()
    ids = sorted(world.listed())
    world.mark(world.rng.sample(ids, 25), True)
    world.check()
    world.mark(world.rng.sample(ids, 10), False)  # some of them were read, some not
    world.check()
    world.session.undo()  # an undo changes read marks too: the ids it names are mirrored like any other
    sync_read_marks(world.lib.db, ids)
    world.check()
    for i in world.rng.sample(ids, 6):
        world.session.set_bookmarked(i, True)
    world.session.set_bookmark_tags(ids[0], ["energy", "ports"])
    world.session.set_note(ids[1], "Check the figures.")
    world.check()
    world.import_batch(30)  # a second import batch adds its counts
    world.check()
    for path in world.rng.sample(sorted(world.files), 20):  # a rescan's removals (bookmarked ones are kept)
        world.remove(path)
    world.check()
    changed = world.rng.choice(sorted(world.files))  # a file changed: its article now says another source
    world.store(changed, [make_article(title="Story changed", blocks=[Block("New body.")], format="text",
                                       source="Tide Times")])  # fmt: skip
    world.check()
    world.lib.forget_unclaimed()
    world.check()


def test_one_mark_moves_its_source_and_folders_by_one(world: World) -> None:
    world.store("/lib/news/deep/a.txt", [a := world.article()])
    world.store("/lib/news/b.txt", [a])  # the same article twice in /lib/news: still one article there
    before = read_counts(world.lib.db, top=None)
    world.mark([a.id], True)
    after = read_counts(world.lib.db, top=None)
    assert after.library == Tally(before.library.all, before.library.unread - 1)
    assert after.folders["/lib/news"] == Tally(before.folders["/lib/news"].all, before.folders["/lib/news"].unread - 1)
    assert after.folders["/lib/news-old"] == before.folders["/lib/news-old"]
    world.check()


def test_marks_made_elsewhere_are_found_on_start(world: World) -> None:
    world.import_batch(20)
    ids = sorted(world.listed())
    world.session.mark_read(ids[:7])  # another window or the command line: the cache's mirror does not know
    assert read_counts(world.lib.db).library.unread == len(ids)
    sync_read_marks(world.lib.db)
    world.check()
    assert read_counts(world.lib.db).library.unread == len(ids) - 7


def test_many_marks_made_elsewhere_are_mirrored_in_bulk_and_counted_again(world: World, monkeypatch) -> None:
    world.import_batch(40)
    ids = sorted(world.listed())
    world.mark(ids[:5], True)
    world.session.mark_read(ids[5:30])  # many at once, unseen by the mirror
    world.session.mark_read(ids[:2], False)
    monkeypatch.setattr(sidebar_counts, "BULK", 10)
    sync_read_marks(world.lib.db)
    world.check()
    world.mark(ids[30:33], True)  # the triggers move the counts again afterwards
    world.check()
    world.mark(ids[:20], False)  # as many as Mark All Read (undone) names: mirrored in bulk too
    world.check()


def test_sources_listed_by_count_then_name_with_the_rest_counted(tmp_path: Path) -> None:
    lib = Library(tmp_path / "cache.sqlite3")
    for n, source in enumerate(["Tide Times", "Meridian Wire", "Harbour Ledger", "Tide Times", "Meridian Wire",
                                "Tide Times", "", "Baltic Dispatch"]):  # fmt: skip
        lib.store_file(f"/x/{n}.txt", 1.0, 1, [make_article(title=f"S {n}", blocks=[Block("b")], source=source)])
    counts = read_counts(lib.db, top=3)
    assert [(s, t.all) for s, t in counts.sources] == [("Tide Times", 3), ("Meridian Wire", 2), ("Baltic Dispatch", 1)]
    assert counts.source_total == 4  # Harbour Ledger is behind "More…"; the unnamed source is never listed
    assert counts.library == Tally(8, 8)


def test_an_older_cache_gets_its_counts_made_once(tmp_path: Path) -> None:
    lib = Library(tmp_path / "cache.sqlite3")
    for n in range(5):
        lib.store_file(f"/x/{n}.txt", 1.0, 1, [make_article(title=f"S {n}", blocks=[Block("b")], source="Wire")])
    lib.db.execute("DELETE FROM source_counts")
    lib.db.execute("PRAGMA user_version = 6")
    lib.db.commit()
    lib.close()
    again = Library(tmp_path / "cache.sqlite3")
    assert read_counts(again.db).sources == [("Wire", Tally(5, 5))]
    assert len(again.list_ids(ListQuery(source="Wire"))) == 5


def test_a_read_file_removed_a_kept_article_found_again_and_a_source_renamed(world: World) -> None:
    world.store("/lib/news/read.txt", [read := world.article()])
    world.store("/lib/news/kept.txt", [kept := world.article()])
    world.store("/lib/news-old/plain.txt", [plain := world.article()])
    world.mark([read.id, kept.id], True)
    world.session.set_bookmarked(kept.id, True)
    world.remove("/lib/news/read.txt")  # a read article leaves: the unread counts stay as they were
    world.remove("/lib/news/kept.txt")  # the user's article stays, kept, but is no longer counted
    world.check()
    assert read_counts(world.lib.db, top=None).folders["/lib/news"] == Tally(0, 0)
    world.store("/lib/news-old/kept.txt", [kept])  # found again, elsewhere
    world.check()
    renamed = Article(**{**plain.__dict__, "source": "Renamed Wire"})  # the same text, its file now names another
    world.store("/lib/news-old/plain.txt", [renamed])
    world.check()
    assert ("Renamed Wire", Tally(1, 1)) in read_counts(world.lib.db, top=None).sources


def test_an_article_deleted_with_its_files_still_known_leaves_the_counts_right(world: World) -> None:
    world.store("/lib/news/a.txt", [a := world.article()])
    world.mark([a.id], True)
    with world.lib.db:  # no code path does this today; the triggers must not depend on the order of deletes
        world.lib.db.execute("DELETE FROM articles WHERE id = ?", (a.id,))
    del world.files["/lib/news/a.txt"]
    world.check()


def test_marks_made_elsewhere_during_a_session_are_found_on_the_next_start(world: World) -> None:
    world.import_batch(20)
    ids = sorted(world.listed())
    sync_read_marks(world.lib.db)  # a start: in step, and remembered as such
    world.session.mark_read(ids[:3])  # the command line, while the window runs
    world.mark(ids[3:4], True)  # the window's own mark: mirrored alone
    sync_read_marks(world.lib.db)  # the next start
    world.check()
    sync_read_marks(world.lib.db)  # and the one after, with nothing changed between
    world.check()
    world.mark(ids[5:6], True)  # the window's mark, mirrored...
    world.session.mark_read(ids[5:6], False)  # ...and taken back by the command line: the marks are as before
    sync_read_marks(world.lib.db)
    world.check()


def test_a_source_view_lists_exactly_that_source_and_searches_within_it(tmp_path: Path) -> None:
    lib = Library(tmp_path / "cache.sqlite3")
    for n, (title, source) in enumerate([("Reef survey", "Times"), ("Reef closed", "Tide Times"),
                                         ("Budget vote", "Times"), ("Reef tours", "times")]):  # fmt: skip
        lib.store_file(f"/x/{n}.txt", 1.0, 1, [make_article(title=title, blocks=[Block("b")], source=source)])
    view = ListQuery(source="Times", sort="title", descending=False)

    def titles(ids: list[str]) -> list[str]:
        rows = lib.rows(ids)
        return [rows[i].title for i in ids]

    assert titles(lib.list_ids(view)) == ["Budget vote", "Reef survey"]  # not "Tide Times", not "times"
    page = lib.search("reef", base=view)
    assert (titles(page.ids), page.total) == (["Reef survey"], 1)
