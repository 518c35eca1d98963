"""UserStore against a plain-Python model: random sequences of bookmark, tag, note and read operations."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.store.user_data import UserStore, clean_tags

IDS = st.sampled_from(["a", "b", "c"])
TAGS = st.lists(st.sampled_from(["x", "y", " y ", "Z", ""]), max_size=4)
OPS = st.one_of(
    st.tuples(st.just("toggle"), IDS),
    st.tuples(st.just("bookmark"), IDS, st.booleans()),
    st.tuples(st.just("tags"), IDS, TAGS),
    st.tuples(st.just("note"), IDS, st.sampled_from(["", "  ", "one", "two"])),
    st.tuples(st.just("read"), IDS, st.booleans()),
)


class Model:
    """What the store should hold after the same operations."""

    def __init__(self) -> None:
        self.bookmarks: dict[str, list[str]] = {}
        self.notes: dict[str, str] = {}
        self.read: set[str] = set()

    def apply(self, store: UserStore, op: tuple) -> None:
        kind, aid, *rest = op
        if kind == "toggle":
            now_on = store.toggle_bookmark(aid)
            assert now_on == (aid not in self.bookmarks)
            if not now_on:
                del self.bookmarks[aid]
            else:
                self.bookmarks[aid] = []
        elif kind == "bookmark":
            store.set_bookmarked(aid, rest[0])
            if rest[0]:
                self.bookmarks.setdefault(aid, [])
            else:
                self.bookmarks.pop(aid, None)
        elif kind == "tags":
            store.set_bookmark_tags(aid, rest[0])
            self.bookmarks[aid] = clean_tags(rest[0])
        elif kind == "note":
            store.set_note(aid, rest[0])
            self.notes[aid] = rest[0]
            if not rest[0].strip():
                del self.notes[aid]
        else:
            store.set_read(aid, rest[0])
            if rest[0]:
                self.read.add(aid)
            else:
                self.read.discard(aid)

    def check(self, store: UserStore) -> None:
        assert store.bookmarked_ids() == set(self.bookmarks)
        for aid, tags in self.bookmarks.items():
            assert sorted(store.bookmark(aid).tags) == sorted(tags)  # type: ignore[union-attr]
        assert set(store.all_tags()) == {t for tags in self.bookmarks.values() for t in tags}
        assert {aid: store.note(aid) for aid in "abc" if store.note(aid)} == self.notes
        assert store.read_ids() == self.read


@settings(max_examples=30, deadline=None)
@given(st.lists(OPS, max_size=25))
def test_store_matches_the_model_and_survives_reopening(ops: list[tuple]) -> None:
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "user.sqlite3"
        model = Model()
        with UserStore(path) as store:
            for op in ops:
                model.apply(store, op)
            model.check(store)
        with UserStore(path) as again:
            model.check(again)
