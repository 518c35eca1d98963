"""Once the window is left alone after a search, the background count's connection and thread are closed and the
page caches given back; the next search is counted and listed as before, and articles still open."""

from __future__ import annotations

import datetime

import pytest

from reader.core.article import Block, make_article
from reader.ui.article_list import PAGE
from reader.ui.library_views import count_text
from tests.gui.held_count import hold_count

pytestmark = [
    pytest.mark.qt_log_level_fail("WARNING"),
    pytest.mark.qt_log_ignore("^This plugin does not support"),
]


def _with_bulk(make_window, n: int = 1_200):  # type: ignore[no-untyped-def]
    """A window whose library also holds `n` "Bulk" articles: more than `WALK_FROM`, so a search of them is counted
    in the background (the count's own connection and thread)."""
    w = make_window()
    day0 = datetime.date(2001, 1, 1)
    bulk = [make_article(title=f"Bulk {i:04d}", blocks=[Block(f"bulkword ferry number {i}")], path="/bulk/all.txt",
                         format="text", source="Ledger", published=(day0 + datetime.timedelta(days=i)).isoformat())
            for i in range(n)]  # fmt: skip
    w.library.store_file("/bulk/all.txt", 0.0, 1, bulk)
    w.apply_view()
    return w, bulk


def _search(w, text: str) -> None:  # type: ignore[no-untyped-def]
    w.filter_box.setText(text)
    w._filter_timer.stop()  # run once, now, not again by the box's typing timer
    w.apply_view()


def test_a_search_left_alone_gives_back_its_count_connection_and_the_next_search_is_counted_again(
    make_window, qtbot
) -> None:
    w, bulk = _with_bulk(make_window)
    everything = count_text(w.library.count())
    _search(w, "bulkword")
    qtbot.waitUntil(lambda: w.status_label.text() == f"{len(bulk):,} of {everything}", timeout=30_000)
    assert w.model._counter._reader is not None  # the count ran on its own connection
    released = w.idle_release.releases
    qtbot.waitUntil(lambda: w.idle_release.releases > released, timeout=10_000)
    assert w.model._counter._reader is None and w.model._counter._pool is None
    assert w.model.total == len(bulk)  # the list shown is untouched
    _search(w, "ferry")  # counted again, on a connection opened for it
    assert w.status_label.text() == f"Counting… of {everything}"
    assert w.model.rowCount() == PAGE and str(w.model.index(0, 1).data()) == "Bulk 1199"
    qtbot.waitUntil(lambda: w.status_label.text() == f"{len(bulk):,} of {everything}", timeout=30_000)
    assert w.model.rowCount() == len(bulk) and str(w.model.index(len(bulk) - 1, 1).data()) == "Bulk 0000"
    w.select_row(len(bulk) - 1)  # a far row, its page read after the caches were shrunk
    assert w.reading_pane.article is not None and w.reading_pane.article.title == "Bulk 0000"
    assert "bulkword ferry number 0" in w.reading_pane.toPlainText()


def test_an_article_opened_after_the_release_is_read_and_shown_whole(make_window, qtbot) -> None:
    w, _bulk = _with_bulk(make_window)
    w.select_row(0)
    first = w.reading_pane.toPlainText()
    released = w.idle_release.releases
    qtbot.waitUntil(lambda: w.idle_release.releases > released, timeout=10_000)
    w.select_row(1)
    w.select_row(0)
    assert w.reading_pane.toPlainText() == first and first


def test_nothing_is_given_back_while_a_count_runs(make_window, qtbot, monkeypatch: pytest.MonkeyPatch) -> None:
    w, bulk = _with_bulk(make_window)
    everything = count_text(w.library.count())
    release = hold_count(monkeypatch)
    _search(w, "bulkword")
    qtbot.waitUntil(lambda: w.model._counter._running is not None)
    released = w.idle_release.releases
    w.idle_release._release()  # the quiet time is over while the count still runs: it is left alone
    assert w.idle_release.releases == released and w.model._counter._reader is not None
    assert w.status_label.text() == f"Counting… of {everything}"
    with qtbot.waitSignal(w.model.total_known, timeout=30_000):
        release.set()
    assert w.status_label.text() == f"{len(bulk):,} of {everything}"
    qtbot.waitUntil(lambda: w.idle_release.releases > released, timeout=10_000)  # then, once quiet, it is
    assert w.model._counter._reader is None
