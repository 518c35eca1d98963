"""The operations adapter: one way to run a write, one signal for what changed, FAILED for a refusal."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.session import Changes, Session
from reader.core.store.db import UserDataError
from reader.ui.operations import FAILED, Operations


@pytest.fixture
def ops(qtbot, tmp_path: Path):
    session = Session(tmp_path / "user.sqlite3")
    yield Operations(session)
    session.close()


def test_a_write_announces_its_changes_with_who_asked(ops: Operations) -> None:
    seen: list[tuple[Changes, object]] = []
    ops.changes_applied.connect(lambda c, i: seen.append((c, i)))
    asker = object()
    done = ops.run(lambda: ops.session.toggle_bookmark("a"), initiator=asker)
    assert done is not FAILED and done.value is True
    assert seen == [(Changes(frozenset({"a"}), bookmarks=True, tags=True), asker)]
    assert ops.undo() == Changes(frozenset({"a"}), bookmarks=True, tags=True)
    assert seen[-1][1] is None and not ops.session.store.is_bookmarked("a")


def test_a_refused_write_is_failed_not_false_and_is_said_once(ops: Operations, monkeypatch) -> None:
    said: list[str] = []
    seen: list[object] = []
    ops.failed.connect(said.append)
    ops.changes_applied.connect(lambda c, i: seen.append(c))

    def full(*_a: object, **_k: object) -> None:
        raise UserDataError("The disk holding your user data is full.")

    monkeypatch.setattr(ops.session._store, "toggle_bookmark", full)
    assert ops.run(lambda: ops.session.toggle_bookmark("a")) is FAILED
    assert said == ["The disk holding your user data is full."] and seen == []
    with pytest.raises(TypeError):
        bool(FAILED)  # `if not result:` cannot mistake a failure for "bookmark off"


def test_a_request_that_cannot_be_made_is_refused_in_words(ops: Operations) -> None:
    refused: list[str] = []
    ops.refused.connect(refused.append)
    assert ops.run(lambda: ops.session.add_watch_term("  ")) is FAILED
    assert refused and "at least one character" in refused[0]


def test_nothing_changed_emits_nothing(ops: Operations) -> None:
    seen: list[object] = []
    ops.changes_applied.connect(lambda c, i: seen.append(c))
    assert ops.run(lambda: ops.session.set_note("a", "")).nothing
    assert ops.undo().nothing and seen == []
