"""The sidebar's Sources section and saved searches, and counts that follow read marks, imports and removals."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTreeWidgetItem

from reader.core.store.sidebar_counts import TOP_SOURCES
from reader.ui.main_window import MainWindow
from reader.ui.sidebar import KindRole

pytestmark = [  # a Qt warning fails the test; the offscreen platform's own notice is not about this code
    pytest.mark.qt_log_level_fail("WARNING"),
    pytest.mark.qt_log_ignore("^This plugin does not support"),
]


def write(folder: Path, name: str, title: str, source: str) -> None:
    (folder / name).write_text(f"---\ntitle: {title}\nsource: {source}\n---\n\nWhat happened in {title}.\n",
                               encoding="utf-8")  # fmt: skip


@pytest.fixture
def own_folder(article_folder: Path) -> Path:
    """The library folder holding only our articles: three Tide Times, two Times, one Harbour Ledger."""
    shutil.rmtree(article_folder)
    article_folder.mkdir()
    for n, (title, source) in enumerate([("Ferry fares", "Tide Times"), ("Reef survey", "Tide Times"),
                                         ("Wage talks", "Tide Times"), ("Budget vote", "Times"),
                                         ("Rain returns", "Times"), ("Harbour strike", "Harbour Ledger")]):  # fmt: skip
        write(article_folder, f"{n}.md", title, source)
    return article_folder


def section(w: MainWindow, kind: str) -> list[QTreeWidgetItem]:
    return [i for i in w.sidebar.items() if i.data(0, KindRole) == kind and not i.isHidden()]


def texts(w: MainWindow, kind: str) -> list[str]:
    return [i.text(0) for i in section(w, kind)]


def listed_titles(w: MainWindow) -> list[str]:
    rows = w.library.rows(list(w.model.ids))
    return sorted(rows[i].title for i in w.model.ids)


def click(w: MainWindow, qtbot, item: QTreeWidgetItem) -> None:
    w.sidebar.scrollToItem(item)
    qtbot.mouseClick(w.sidebar.viewport(), Qt.MouseButton.LeftButton, pos=w.sidebar.visualItemRect(item).center())


def test_sources_are_listed_by_count_with_unread_counts_and_follow_read_marks(make_window, own_folder, qtbot) -> None:
    w = make_window()
    assert texts(w, "source") == ["Tide Times (3, 3 unread)", "Times (2, 2 unread)", "Harbour Ledger (1, 1 unread)"]
    # on screen, not folded away (the section is filled after the tree was expanded)
    assert all(w.sidebar.visualItemRect(i).height() > 0 for i in section(w, "source"))
    spoken = section(w, "source")[0].data(0, Qt.ItemDataRole.AccessibleTextRole)
    assert spoken == "Source Tide Times: 3 articles, 3 unread"
    ferry = next(i for i, r in w.library.rows(w.library.all_ids()).items() if r.title == "Ferry fares")
    w.operations.run(lambda: w.session.mark_read([ferry]))
    qtbot.waitUntil(lambda: texts(w, "source")[0] == "Tide Times (3, 2 unread)")
    assert w.sidebar._views["unread"].text(0) == "Unread (5)"
    assert texts(w, "folder") == ["articles (5)"]
    w.operations.undo()
    qtbot.waitUntil(lambda: texts(w, "source")[0] == "Tide Times (3, 3 unread)")


def test_clicking_a_source_lists_exactly_its_articles(make_window, own_folder, qtbot) -> None:
    w = make_window()
    times = next(i for i in section(w, "source") if i.data(0, Qt.ItemDataRole.DisplayRole).startswith("Times"))
    click(w, qtbot, times)
    qtbot.waitUntil(lambda: w.view_kind == "source")
    assert listed_titles(w) == ["Budget vote", "Rain returns"]  # not Tide Times, whose name holds "Times"
    assert w.sidebar.currentItem() is times
    w.sidebar.select_view("all")
    assert len(w.model.ids) == 6


def test_an_import_adds_its_counts_and_a_removal_subtracts_them(make_window, own_folder, qtbot) -> None:
    w = make_window()
    write(own_folder, "new.md", "Port reopens", "Harbour Ledger")
    w.rescan(wait=True)
    assert texts(w, "source") == ["Tide Times (3, 3 unread)", "Harbour Ledger (2, 2 unread)", "Times (2, 2 unread)"]
    for name in ("0.md", "1.md", "2.md"):
        (own_folder / name).unlink()
    w.rescan(wait=True)
    assert texts(w, "source") == ["Harbour Ledger (2, 2 unread)", "Times (2, 2 unread)"]
    assert w.sidebar._views["all"].text(0) == "All articles (4)"


def test_more_sources_lists_the_rest_and_keeps_the_view(make_window, own_folder, qtbot) -> None:
    for n in range(TOP_SOURCES):
        write(own_folder, f"wire-{n}.md", f"Wire story {n}", f"Wire {n:02d}")
    w = make_window()
    assert len(section(w, "source")) == TOP_SOURCES
    assert texts(w, "more") == ["More sources… (3)"]
    click(w, qtbot, section(w, "source")[0])
    qtbot.waitUntil(lambda: w.view_kind == "source")
    chosen = w.view_value
    click(w, qtbot, section(w, "more")[0])
    qtbot.waitUntil(lambda: len(section(w, "source")) == TOP_SOURCES + 3)
    assert texts(w, "more") == []
    assert (w.view_kind, w.view_value) == ("source", chosen)
    assert w.sidebar.currentItem().data(0, Qt.ItemDataRole.UserRole + 2) == chosen


def test_saved_searches_are_in_the_sidebar_and_run_on_click(make_window, own_folder, qtbot) -> None:
    w = make_window()
    assert section(w, "search") == []
    w.operations.run(lambda: w.session.save_search("Reef news", "reef"))
    assert texts(w, "search") == ["Reef news"]
    click(w, qtbot, section(w, "search")[0])
    qtbot.waitUntil(lambda: w.filter_box.text() == "reef")
    qtbot.waitUntil(lambda: listed_titles(w) == ["Reef survey"])


def test_a_chosen_tag_that_goes_away_leaves_nothing_chosen_and_no_new_view(make_window, own_folder, qtbot) -> None:
    w = make_window()
    first = w.model.ids[0]
    w.operations.run(lambda: w.session.set_bookmark_tags(first, ["ports"]))
    click(w, qtbot, section(w, "tag")[0])
    qtbot.waitUntil(lambda: (w.view_kind, w.view_value) == ("tag", "ports"))
    assert texts(w, "tag") == ["#ports (1)"]
    w.operations.run(lambda: w.session.set_bookmark_tags(first, []))
    assert section(w, "tag") == [] and w.sidebar.currentItem() is None
    assert (w.view_kind, w.view_value) == ("tag", "ports")  # the list is not switched under the user


def test_marks_the_busy_cache_could_not_take_are_mirrored_on_the_next_refresh(make_window, own_folder, qtbot,
                                                                              monkeypatch) -> None:  # fmt: skip
    from reader.core.store import sidebar_counts  # the window imports it when it mirrors (after its first paint)

    w = make_window()
    real = sidebar_counts.sync_read_marks

    def busy(*_a: object) -> None:
        raise sqlite3.OperationalError("database is locked")

    monkeypatch.setattr(sidebar_counts, "sync_read_marks", busy)
    w.operations.run(lambda: w.session.mark_read([w.model.ids[0]]))
    w.refresh_unread_counts()
    assert w.sidebar._views["unread"].text(0) == "Unread (6)"  # not yet mirrored, and nothing raised
    monkeypatch.setattr(sidebar_counts, "sync_read_marks", real)
    w.refresh_unread_counts()
    assert w.sidebar._views["unread"].text(0) == "Unread (5)"
