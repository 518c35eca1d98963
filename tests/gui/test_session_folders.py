"""A folder opened from the command line: its articles of the user's stay listed, and joining the library is offered.

Also the first import: the list fills as the files arrive, with a progress bar of n of N.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QObject, Qt, Slot

from reader.core.store.user_data import UserStore
from reader.paths import Paths, resolve_paths
from reader.settings import Settings
from reader.ui import workers
from reader.ui.article_list import ArticleIdRole
from reader.ui.article_row import DimmedRole, MetaRole
from reader.ui.folder_offer import answer_key
from reader.ui.main_window import MainWindow

VISIT = ("Harbour strike ends", "Budget vote delayed", "Rain returns")


def write_folder(folder: Path, titles: tuple[str, ...]) -> Path:
    folder.mkdir(parents=True)
    for i, title in enumerate(titles):
        (folder / f"{i:03}.txt").write_text(f"{title}\n\nThe body of story number {i}.\n", encoding="utf-8")
    return folder.resolve()


@pytest.fixture
def paths(data_dir: Path, article_folder: Path) -> Paths:
    """A data dir whose library is the fixture folder."""
    paths = resolve_paths(data_dir).ensure()
    with UserStore(paths.user_db) as store:
        store.add_folder(str(article_folder.resolve()))
    return paths


def open_window(qtbot, paths: Paths, files: list[str] | None = None) -> MainWindow:
    w = MainWindow(paths, Settings(paths.settings_file), files=files, samples=False)
    qtbot.addWidget(w)
    w.resize(1200, 760)
    w.show()
    qtbot.waitExposed(w)
    w.rescan(wait=True)
    return w


def listed(w: MainWindow, view: str) -> dict[str, str]:
    """Title -> article id of the rows of a sidebar view."""
    w.sidebar.select_view(view)
    return {w.model.index(r, 1).data(): w.model.index(r, 1).data(ArticleIdRole) for r in range(w.model.rowCount())}


def test_articles_worked_on_in_a_session_folder_stay_in_bookmarked_and_annotated(
    qtbot, paths: Paths, tmp_path: Path
) -> None:
    visit = write_folder(tmp_path / "visit", VISIT)
    first = open_window(qtbot, paths, [str(visit)])
    ids = listed(first, "all")
    harbour, budget = ids["Harbour strike ends"], ids["Budget vote delayed"]
    assert first.select_article(harbour)
    first.toggle_bookmark()
    article = first.library.article(harbour)
    assert article is not None
    first.operations.run(lambda: first.session.add_highlight(harbour, article.text, 4, 8, path=article.path))
    first.operations.run(lambda: first.session.set_note(budget, "Ask the council.", path=str(visit / "001.txt")))
    first.close()

    plain = open_window(qtbot, paths)  # `news-reader` with no folder

    assert "Harbour strike ends" not in listed(plain, "all")
    assert "Budget vote delayed" not in listed(plain, "all")
    assert list(listed(plain, "bookmarked")) == ["Harbour strike ends"]
    row = plain.model.index(0, 1)
    assert row.data(DimmedRole) is True
    assert row.data(MetaRole) == "Not in your library · 6 words"
    assert "Not in your library" in row.data(Qt.ItemDataRole.ToolTipRole)
    assert sorted(listed(plain, "annotated")) == ["Budget vote delayed", "Harbour strike ends"]
    plain.sidebar.select_view("bookmarked")
    assert plain.select_article(harbour)  # opened from the cache
    assert plain.reading_pane.article is not None and plain.reading_pane.article.title == "Harbour strike ends"
    assert plain.reading_pane.toPlainText().count("The body of story number 0.") == 1

    (visit / "000.txt").unlink()
    plain.rescan(wait=True)
    plain.sidebar.select_view("bookmarked")
    assert plain.model.index(0, 1).data(MetaRole) == "File no longer found · 6 words"


def test_a_session_folder_is_offered_to_the_library_and_a_no_is_remembered(
    qtbot, paths: Paths, tmp_path: Path
) -> None:
    visit = write_folder(tmp_path / "visit", VISIT)
    w = open_window(qtbot, paths, [str(visit)])
    w.start_reading()
    assert w.folder_offers is not None
    bar = w.folder_offers.bar
    assert bar.isVisible()
    assert bar.text.text() == "“visit” is open for this session only. Add this folder to your library?"
    qtbot.mouseClick(bar.no_button, Qt.MouseButton.LeftButton)
    assert not bar.isVisible()
    assert w.store.get_value(answer_key(str(visit))) == "no"
    assert str(visit) not in w.store.folders()
    assert "Harbour strike ends" in listed(w, "all")  # still read for this session
    w.close()

    again = open_window(qtbot, paths, [str(visit)])
    again.start_reading()
    assert again.folder_offers is not None and not again.folder_offers.bar.isVisible()


def test_yes_adds_the_session_folder_to_the_library(qtbot, paths: Paths, tmp_path: Path) -> None:
    visit = write_folder(tmp_path / "visit", VISIT)
    w = open_window(qtbot, paths, [str(visit)])
    w.start_reading()
    assert w.folder_offers is not None
    qtbot.mouseClick(w.folder_offers.bar.add_button, Qt.MouseButton.LeftButton)
    assert not w.folder_offers.bar.isVisible()
    assert str(visit) in w.store.folders()
    assert w.library_folders().count(str(visit)) == 1
    qtbot.waitUntil(lambda: w.worker is not None and not w.worker.isRunning(), timeout=20000)
    w.close()

    plain = open_window(qtbot, paths)
    assert "Harbour strike ends" in listed(plain, "all")
    plain.start_reading()
    assert plain.folder_offers is not None and not plain.folder_offers.bar.isVisible()


class ProgressSpy(QObject):
    """Records, at each progress signal the window handled, the list's rows and the progress bar."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__()
        self.window = window
        self.seen: list[tuple[int, int, int, int, int]] = []

    @Slot(int, int, str)
    def record(self, done: int, total: int, _path: str) -> None:
        bar = self.window.scan_progress
        assert bar is not None
        self.seen.append((done, total, self.window.model.rowCount(), bar.maximum(), bar.value()))


def test_the_first_import_fills_the_list_as_it_goes_with_n_of_n(
    qtbot, data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = write_folder(tmp_path / "many", tuple(f"Story number {i}" for i in range(60)))
    paths = resolve_paths(data_dir).ensure()
    with UserStore(paths.user_db) as store:
        store.add_folder(str(folder))
    monkeypatch.setattr(workers, "PROGRESS_FILES", 10)
    monkeypatch.setattr(workers, "PROGRESS_MIN_SECONDS", 0)  # every step shown, however fast the scan
    w = MainWindow(paths, Settings(paths.settings_file), samples=False)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    spy = ProgressSpy(w)

    class SpiedWorker(workers.ScanWorker):
        def start(self) -> None:  # type: ignore[override]
            # after the window's own slots: the worker waits until the window has shown this step
            self.progress.connect(spy.record, Qt.ConnectionType.BlockingQueuedConnection)
            super().start()

    monkeypatch.setattr("reader.ui.library_views.ScanWorker", SpiedWorker)
    scanned: list[object] = []
    w.rescan()
    assert w.worker is not None
    w.worker.scanned.connect(scanned.append)
    qtbot.waitUntil(lambda: bool(scanned), timeout=30000)

    steps = [s for s in spy.seen if s[1]]
    assert any(0 < done < 60 for done, *_ in steps)  # the list was shown before the scan ended
    for done, total, rows, maximum, value in steps:
        assert (total, rows, maximum, value) == (60, done, 60, done)
    assert steps[-1][0] == 60
    assert [s[0] for s in steps] == sorted(s[0] for s in steps)
    bar = w.scan_progress
    assert bar is not None and (bar.maximum(), bar.value(), bar.text()) == (60, 60, "60 of 60")
    assert w.model.rowCount() == 60
