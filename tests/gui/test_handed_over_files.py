"""A file handed over by a second start is shown in the running window, with its entities, whatever the view."""

from __future__ import annotations

import shutil
from pathlib import Path

from reader.core.formats import load_file
from reader.ui.single_instance import show_files

SAMPLE = (Path(__file__).resolve().parents[2] / "resources" / "samples"
          / "2025-12-09-iberian-post-seville-heat-shelters.md")


def test_a_handed_over_file_is_shown_with_its_entities(make_window, tmp_path: Path) -> None:
    w = make_window()
    w.sidebar.select_view("bookmarked")  # a view the new article is not in
    w.filter_box.setText("nothing matches this")
    article_file = tmp_path / "elsewhere" / SAMPLE.name
    article_file.parent.mkdir()
    shutil.copy(SAMPLE, article_file)
    [article] = load_file(article_file)
    show_files(w, [str(article_file)])
    assert w.current_id == article.id
    assert w.windowTitle() == f"{article.title} — News Reader"
    assert w.reading_pane.toPlainText().startswith(article.title)
    assert w.filter_box.text() == ""
    assert w.reading_pane.layer("entities")  # tagged on arrival, as a scan would


def test_a_missing_file_is_said_in_the_status_bar(make_window, tmp_path: Path) -> None:
    w = make_window()
    gone = str(tmp_path / "gone.md")
    show_files(w, [gone])
    assert w.statusBar().currentMessage() == f"No such file or folder: {gone}"
