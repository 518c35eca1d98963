"""The start in two halves: the window paints before the library cache is opened; the entity model is
loaded only when something waits to be tagged; the start-up rescan tells the window in batches."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication

from reader.core.entities import tagger
from reader.core.library_sync import LibrarySync
from reader.core.store.library import Library
from reader.paths import Paths, resolve_paths
from reader.settings import Settings
from reader.ui import library_views
from reader.ui.main_window import MainWindow
from reader.ui.startup import start_after_first_paint

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "library"


def _profile(data_dir: Path, folder: Path, *, tagged: bool) -> Paths:
    """A profile whose library already holds `folder` (imported without loading the model), as after a
    finished import; `tagged`: its articles count as tagged (with no names found)."""
    from reader.core.store.user_data import UserStore

    paths = resolve_paths(data_dir).ensure()
    with UserStore(paths.user_db) as store:
        store.add_folder(str(folder))
    lib = Library(paths.library_db)
    LibrarySync(lib, tag=False).scan([folder])
    for article_id in lib.untagged_ids(10_000) if tagged else []:
        lib.mark_tagged(article_id)
    lib.close()
    return paths


def _start(qtbot, paths: Paths) -> MainWindow:
    """As `run_app` starts the window: built deferred, the library opened after the first paint."""
    w = MainWindow(paths, Settings(paths.settings_file), samples=False, deferred=True)
    qtbot.addWidget(w)
    start_after_first_paint(w)
    w.resize(1000, 700)
    w.show()
    return w


def _scan_over(qtbot, w: MainWindow) -> None:
    """The scan (and any tagging) ended and the window has heard all it said."""
    qtbot.waitUntil(lambda: w.worker is not None and w.worker.isFinished(), timeout=60_000)
    QApplication.processEvents()  # what the worker said before it ended is queued here


def test_the_window_paints_before_the_library_is_opened(qtbot, tmp_path: Path, monkeypatch) -> None:
    folder = tmp_path / "articles"
    shutil.copytree(FIXTURES, folder)
    paths = _profile(tmp_path / "data", folder, tagged=True)
    events: list[str] = []
    opened = Library.open

    def spy_open(self: Library) -> None:
        if not self.opened:
            events.append(f"open {Path(self.path).name}")
        opened(self)

    monkeypatch.setattr(Library, "open", spy_open)

    class Paints(QObject):
        def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
            if event.type() == QEvent.Type.Paint and "paint" not in events:
                events.append("paint")
            return False

    w = MainWindow(paths, Settings(paths.settings_file), samples=False, deferred=True)
    qtbot.addWidget(w)
    paints = Paints()
    w.installEventFilter(paints)
    start_after_first_paint(w)
    w.show()
    _scan_over(qtbot, w)
    assert events[:2] == ["paint", "open library.sqlite3"]  # the window's own cache, after its first paint
    expected = len(list(folder.glob("*.*")))
    assert w.model.total == expected
    qtbot.waitUntil(lambda: w.status_label.text() == f"{expected:,} articles")
    w.close()


def test_the_model_is_not_loaded_when_every_article_is_tagged(qtbot, tmp_path: Path, monkeypatch) -> None:
    folder = tmp_path / "articles"
    shutil.copytree(FIXTURES, folder)
    paths = _profile(tmp_path / "data", folder, tagged=True)
    monkeypatch.setattr(tagger, "_model", None)  # as in a fresh process
    w = _start(qtbot, paths)
    _scan_over(qtbot, w)
    w.select_row(0)
    assert w.current_id is not None
    assert not tagger.model_loaded()
    w.close()


def test_the_model_is_loaded_for_an_untagged_article_and_its_names_are_shown(qtbot, tmp_path: Path,
                                                                             monkeypatch) -> None:  # fmt: skip
    folder = tmp_path / "articles"
    folder.mkdir()
    text = "Harbour strike ends\n\nMaria Keller of the Port Authority said in Hamburg that the strike had ended.\n"
    (folder / "strike.txt").write_text(text, encoding="utf-8")
    paths = _profile(tmp_path / "data", folder, tagged=False)
    monkeypatch.setattr(tagger, "_model", None)
    w = _start(qtbot, paths)
    _scan_over(qtbot, w)
    assert tagger.model_loaded()
    w.select_row(0)
    names = {(s.text, s.type) for s in w.library.entity_spans(w.current_id or "")}
    assert ("Maria Keller", "PER") in names
    w.close()


@pytest.mark.parametrize("files", [500])
def test_the_start_up_rescan_tells_the_window_in_batches(qtbot, tmp_path: Path, monkeypatch, files: int) -> None:
    folder = tmp_path / "articles"
    for i in range(files):
        part = folder / f"part-{i // 100}"
        part.mkdir(parents=True, exist_ok=True)
        (part / f"a{i:04d}.txt").write_text(f"Harbour note {i}\n\nThe ferry {i} left on time.\n", encoding="utf-8")
    paths = _profile(tmp_path / "data", folder, tagged=True)
    steps: list[tuple[int, int]] = []
    shown = library_views.LibraryViews._on_scan_progress

    def counted(self: MainWindow, done: int, total: int, path: str) -> None:
        steps.append((done, total))
        shown(self, done, total, path)

    monkeypatch.setattr(MainWindow, "_on_scan_progress", counted)
    w = _start(qtbot, paths)
    _scan_over(qtbot, w)
    assert steps[-1] == (files, files)  # the last step says all were seen
    assert len(steps) <= 12  # never one per file (500): every 200 files or half a second, at most
    qtbot.waitUntil(lambda: w.status_label.text() == f"{files:,} articles")
    w.close()


@pytest.mark.parametrize("damage", ["garbage", "scribbled"])
def test_a_damaged_cache_found_after_the_first_paint_is_rebuilt(qtbot, tmp_path: Path, damage: str) -> None:
    folder = tmp_path / "articles"
    shutil.copytree(FIXTURES, folder)
    paths = _profile(tmp_path / "data", folder, tagged=True)
    expected = len(list(folder.glob("*.*")))
    if damage == "garbage":  # not a database at all
        paths.library_db.write_bytes(b"this is not a database" * 1000)
    else:  # a database whose pages quick_check rejects
        data = bytearray(paths.library_db.read_bytes())
        data[4096 * 2 : 4096 * 2 + 512] = b"\xff" * 512
        paths.library_db.write_bytes(bytes(data))
    # Until the check in the scan's thread has rebuilt it, a row on a damaged page cannot be read: the
    # list shows it blank (the error is printed); what matters is what the user has once it is rebuilt.
    with qtbot.capture_exceptions():
        w = _start(qtbot, paths)
        qtbot.waitUntil(lambda: "library cache was damaged" in w.statusBar().currentMessage(), timeout=30_000)
        qtbot.waitUntil(lambda: w.status_label.text().startswith(f"{expected:,} articles"), timeout=60_000)
    assert w.model.total == expected
    w.close()


def test_the_last_article_is_shown_before_the_start_up_rescan_starts(qtbot, tmp_path: Path, monkeypatch) -> None:
    """Showing it and painting the list (the window's own work) go first, without the scan's thread beside them."""
    folder = tmp_path / "articles"
    shutil.copytree(FIXTURES, folder)
    paths = _profile(tmp_path / "data", folder, tagged=True)
    events: list[str] = []
    shown, rescan = MainWindow.start_reading, MainWindow.rescan

    def spy_shown(self: MainWindow) -> None:
        shown(self)
        events.append(f"shown {self.reading_pane.article.title if self.reading_pane.article else None}")

    def spy_rescan(self: MainWindow, **kwargs: bool) -> None:
        events.append("rescan")
        rescan(self, **kwargs)

    monkeypatch.setattr(MainWindow, "start_reading", spy_shown)
    monkeypatch.setattr(MainWindow, "rescan", spy_rescan)
    first = Library(paths.library_db)
    last = first.all_ids()[0]
    first.close()
    settings = Settings(paths.settings_file)  # the article read last time
    settings.set("last_article", last)
    settings.save()
    w = _start(qtbot, paths)
    _scan_over(qtbot, w)
    assert events[0].startswith("shown ") and events[0] != "shown None" and events[1] == "rescan"
    w.close()
