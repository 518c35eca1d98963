"""`import-annotations` on hostile JSON: deep nesting, NaN/Infinity and huge positions give clear messages."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from reader.cli import main
from reader.core.errors import ImportProblem
from reader.core.export import import_annotation_file
from reader.core.store.user_data import UserStore


def _annotation_file(tmp_path: Path, start: Any, end: Any) -> Path:
    """A one-highlight Web Annotation file; `start`/`end` are written as JSON text (so `Infinity` is possible)."""
    doc = {
        "type": "AnnotationCollection",
        "first": {"type": "AnnotationPage", "items": [{
            "id": "urn:uuid:0b7e7f0e-5a55-4a1c-9f4e-2d5c3b1a0f9e", "type": "Annotation",
            "motivation": "highlighting",
            "target": {"source": "urn:news-reader:article:abc", "selector": [
                {"type": "TextQuoteSelector", "exact": "harbour"},
                {"type": "TextPositionSelector", "start": "@START@", "end": "@END@"},
            ]},
        }]},
    }
    text = json.dumps(doc).replace('"@START@"', str(start)).replace('"@END@"', str(end))
    f = tmp_path / "annotations.json"
    f.write_text(text, encoding="utf-8")
    return f


def test_a_hundred_thousand_levels_of_json_is_refused_with_its_depth(tmp_path: Path) -> None:
    f = tmp_path / "deep.json"
    f.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    with pytest.raises(ImportProblem) as info:
        import_annotation_file(f, UserStore(tmp_path / "u.sqlite3"))
    assert info.value.reason == "nested too deeply to read: 100,000 levels (an export has under 10)"


@pytest.mark.parametrize("constant", ["Infinity", "-Infinity", "NaN"])
def test_infinity_and_nan_are_not_numbers_an_import_takes(tmp_path: Path, constant: str) -> None:
    f = _annotation_file(tmp_path, constant, 5)
    with pytest.raises(ImportProblem) as info:
        import_annotation_file(f, UserStore(tmp_path / "u.sqlite3"))
    assert info.value.reason == f"not valid JSON ({constant} is not a number JSON allows)"


def test_a_position_past_any_article_is_skipped_with_a_reason(tmp_path: Path) -> None:
    store = UserStore(tmp_path / "u.sqlite3")
    report = import_annotation_file(_annotation_file(tmp_path, 10**20, 10**20 + 7), store)
    assert report.added == 0
    assert report.skipped == [
        "urn:uuid:0b7e7f0e-5a55-4a1c-9f4e-2d5c3b1a0f9e: TextPositionSelector start 1e+20 is outside any article "
        "(0 to 2,147,483,647)"
    ]
    assert store.get_highlight("0b7e7f0e-5a55-4a1c-9f4e-2d5c3b1a0f9e") is None
    report = import_annotation_file(_annotation_file(tmp_path, "1e400", 5), store)
    assert report.skipped == ["urn:uuid:0b7e7f0e-5a55-4a1c-9f4e-2d5c3b1a0f9e: TextPositionSelector start inf "
                              "is not a whole number"]


def test_the_command_reports_each_problem_without_a_traceback(
    tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    deep = tmp_path / "deep.json"
    deep.write_text("{\"a\":" * 100_000 + "1" + "}" * 100_000, encoding="utf-8")
    huge = _annotation_file(tmp_path, 10**20, 10**20 + 7)
    assert main(["import-annotations", str(deep), str(huge), "--data-dir", str(data_dir)]) == 1
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    assert "nested too deeply to read: 100,000 levels" in captured.err
    assert f"{huge}: 0 added, 0 updated, 0 unchanged (older or equal), 1 skipped" in captured.out


def test_objects_where_strings_belong_are_reported_not_a_type_error(tmp_path: Path) -> None:
    """Found by tests/fuzz: `"type": {}` raised TypeError (unhashable) and a list target AttributeError."""
    store = UserStore(tmp_path / "u.sqlite3")
    f = tmp_path / "odd.json"
    f.write_text(json.dumps({"type": {}, "items": []}), encoding="utf-8")
    with pytest.raises(ImportProblem, match="no W3C Web Annotations found"):
        import_annotation_file(f, store)
    anno = {"id": "urn:uuid:0b7e7f0e-5a55-4a1c-9f4e-2d5c3b1a0f9e", "type": "Annotation",
            "motivation": "highlighting", "target": [["not", "a", "target"]]}
    f.write_text(json.dumps(anno), encoding="utf-8")
    report = import_annotation_file(f, store)
    assert report.skipped == ["urn:uuid:0b7e7f0e-5a55-4a1c-9f4e-2d5c3b1a0f9e: its target '' is not one of the "
                              "file's articles"]
