"""The window's background scan over hostile entries: odd file names, a FIFO, a dangling link."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from reader.ui.article_list import ArticleIdRole


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_a_scan_with_an_odd_name_a_fifo_and_a_dangling_link_shows_everything_it_can(
    make_window, article_folder: Path, qtbot
) -> None:
    w = make_window()
    before = len(w.model.ids)
    with open(os.path.join(os.fsencode(article_folder), b"caf\xe9.txt"), "wb") as f:
        f.write("Café opens by the harbour\n\nIts first coffee.\n".encode())
    os.mkfifo(article_folder / "pipe.txt")
    os.symlink("gone.html", article_folder / "old.html")

    w.rescan()  # in the worker thread, as on start
    qtbot.waitUntil(lambda: w.worker is not None and not w.worker.isRunning() and len(w.model.ids) == before + 1,
                    timeout=20000)  # fmt: skip

    titles = [w.model.index(r, 1).data() for r in range(len(w.model.ids))]
    assert "Café opens by the harbour" in titles
    w.sidebar.select_view("problems")
    view = w.problems_view
    shown = {view.item(r, 0).text(): view.item(r, 1).text() for r in range(view.rowCount())}
    assert shown["pipe.txt"] == "This is a named pipe (FIFO), not a saved file; it was not opened."
    assert shown["old.html"] == "This link points to gone.html, which does not exist (any more)."
    w.sidebar.select_view("all")
    cafe = next(r for r, t in enumerate(titles) if t == "Café opens by the harbour")
    w.select_row(cafe)
    assert w.model.index(cafe, 1).data(ArticleIdRole) == w.current_id
    assert w.reading_pane.article is not None and w.reading_pane.article.title == "Café opens by the harbour"
