"""Batch export to disk: one file per article or one combined file, never overwriting unasked."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from reader.core.export import FORMATS, ExportError, ExportItem, ExportOptions, ExportWouldOverwrite, export_items


def _titled(item: ExportItem, title: str) -> ExportItem:
    return replace(item, article=replace(item.article, title=title))


def test_formats_name_their_extensions() -> None:
    assert {k: f.extension for k, f in FORMATS.items()} == {
        "md": ".md", "html": ".html", "pdf": ".pdf", "json": ".json", "txt": ".txt"}


def test_one_file_per_article_with_safe_unique_names(tmp_path: Path, item: ExportItem, options: ExportOptions) -> None:
    items = [_titled(item, "Fares: up?"), _titled(item, "fares  up"), _titled(item, "CON")]
    paths = export_items(items, fmt="md", out=tmp_path / "out", options=options)
    assert [p.name for p in paths] == ["Fares up.md", "fares up (2).md", "CON_.md"]
    assert all(p.read_text(encoding="utf-8").startswith("---\ntitle:") for p in paths)


def test_combined_file_and_explicit_file_names(tmp_path: Path, item: ExportItem, options: ExportOptions) -> None:
    [combined] = export_items([item, item], fmt="json", out=tmp_path, combined=True, options=options)
    assert combined.name == "News Reader export.json"
    assert len(json.loads(combined.read_text(encoding="utf-8"))["articles"]) == 2
    [single] = export_items([item], fmt="txt", out=tmp_path / "mine.txt", options=options)
    assert single == tmp_path / "mine.txt" and "[[raise ferry fares" in single.read_text(encoding="utf-8")
    with pytest.raises(ExportError, match="names a .txt file, but the format is md"):
        export_items([item], fmt="md", out=tmp_path / "mine.txt", options=options)
    with pytest.raises(ExportError, match="names one file"):
        export_items([item, item], fmt="txt", out=tmp_path / "two.txt", options=options)


def test_nothing_is_overwritten_without_force(tmp_path: Path, item: ExportItem, options: ExportOptions) -> None:
    other = _titled(item, "Other")
    (tmp_path / "Other.html").write_text("precious", encoding="utf-8")
    with pytest.raises(ExportWouldOverwrite) as caught:
        export_items([item, other], fmt="html", out=tmp_path, options=options)
    assert caught.value.paths == [tmp_path / "Other.html"] and "Other.html" in str(caught.value)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["Other.html"]  # nothing half-written either
    assert (tmp_path / "Other.html").read_text(encoding="utf-8") == "precious"
    paths = export_items([item, other], fmt="html", out=tmp_path, force=True, options=options)
    assert "<!DOCTYPE html>" in paths[1].read_text(encoding="utf-8")
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in paths)  # no temp files left


def test_empty_selection_and_unknown_format_are_clear_errors(tmp_path: Path, item: ExportItem) -> None:
    with pytest.raises(ExportError, match="nothing to export"):
        export_items([], fmt="md", out=tmp_path)
    with pytest.raises(ExportError, match="unknown export format 'docx'"):
        export_items([item], fmt="docx", out=tmp_path)


def test_pdf_goes_through_the_given_writer_with_the_page_size(tmp_path: Path, item: ExportItem) -> None:
    calls: list[tuple[str, Path, str]] = []

    def fake_writer(html: str, path: Path, page_size: str = "A4") -> None:
        calls.append((html, path, page_size))
        path.write_bytes(b"%PDF-fake")

    options = ExportOptions(page_size="Letter", exported="x")
    [path] = export_items([item], fmt="pdf", out=tmp_path, options=options, pdf_writer=fake_writer)
    assert path.suffix == ".pdf" and calls[0][1] == path and calls[0][2] == "Letter"
    assert calls[0][0].startswith("<!DOCTYPE html>") and "Check against the 2024 rise" in calls[0][0]


def test_pdf_without_a_writer_is_refused_before_writing(tmp_path: Path, item: ExportItem) -> None:
    with pytest.raises(ExportError, match="PDF"):
        export_items([item], fmt="pdf", out=tmp_path)
    assert list(tmp_path.iterdir()) == []
