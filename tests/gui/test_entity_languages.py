"""The window marks names only in English articles and says why another article has none; the
user's own marks still work there. Articles: tests/unit/extract/language_texts.py (our own)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from PySide6.QtGui import QTextCursor

from reader.ui.entity_feature import EntityFeature
from reader.ui.workers import tag_library

_TEXTS = Path(__file__).resolve().parents[1] / "unit" / "extract" / "language_texts.py"
_spec = importlib.util.spec_from_file_location("language_texts", _TEXTS)
assert _spec and _spec.loader
texts = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(texts)

TITLES = {"pl": "Drogi lokalne w budżecie", "id": "Anggaran jalan desa", "tr": "Köy yolları bütçesi",
          "en": "Rural roads budget"}  # fmt: skip
NAME_TYPES = {"PER", "ORG", "LOC", "MISC"}


@pytest.fixture
def window(make_window, article_folder: Path):
    for language, title in TITLES.items():
        (article_folder / f"roads-{language}.txt").write_text(f"{title}\n\n{texts.ARTICLES[language]}\n",
                                                              encoding="utf-8")  # fmt: skip
    w = make_window()
    tag_library(w.library, lambda: False)  # as the window's background tagger does
    return w


def show(w, language: str) -> tuple[EntityFeature, str]:
    rows = w.library.rows(w.model.ids)
    aid = next(i for i, r in rows.items() if r.title == TITLES[language])
    w.select_article(aid)
    return next(f for f in w.features if isinstance(f, EntityFeature)), w.library.article(aid).text


@pytest.mark.parametrize(("language", "name"), [("pl", "Polish"), ("id", "Indonesian"), ("tr", "Turkish")])
def test_no_name_marks_and_the_panel_says_why(window, language: str, name: str) -> None:
    f, _text = show(window, language)
    marked = [(s.type, s.text) for s in f.spans if s.type in NAME_TYPES]
    assert marked == []
    assert not any(g.type in NAME_TYPES for g in f.groups)  # no rows in the entity panel either
    label = f.panel.empty_label
    assert label.isVisibleTo(f.panel)
    assert label.text().startswith(f"Names are marked in English articles only; this one reads as {name}.")


def test_an_english_article_keeps_its_marks_and_no_excuse(window) -> None:
    f, _text = show(window, "en")
    assert ("PER", "Maria Hallström") in [(s.type, s.text) for s in f.spans]
    assert not f.panel.empty_label.isVisibleTo(f.panel)


def test_the_user_can_still_mark_a_name_in_a_polish_article(window) -> None:
    f, text = show(window, "pl")
    start = text.index("Sejmie")
    pane = window.reading_pane
    cursor = QTextCursor(pane.document())
    cursor.setPosition(pane.doc_position(start))
    cursor.setPosition(pane.doc_position(start + len("Sejmie")), QTextCursor.MoveMode.KeepAnchor)
    pane.setTextCursor(cursor)
    assert f.mark_selection("ORG")
    assert ("ORG", "Sejmie") in [(s.type, s.text) for s in f.spans]
    assert [m for m in pane.layer("entities") if m.start == start]
