"""`news-reader --self-test`: passes on a working install, and names what failed on a broken one."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader

from reader.core.export import ExportOptions, export_items
from reader.core.export.collect import item_for
from reader.core.formats import load_file
from reader.ui.export_pdf import write_pdf
from reader.ui.self_test import SelfTestFailure, check_pdf, run_self_test

ROOT = Path(__file__).resolve().parents[2]
LONG = ROOT / "resources" / "samples" / "2025-10-14-continental-review-kora-plains-investigation.html"


def test_self_test_passes_and_checks_every_step(run_reader) -> None:
    result = run_reader("--self-test")
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "ok   sample library: 17 articles"
    assert lines[1] == "ok   language identified (Swedish)"
    assert lines[2] == "ok   time zone database (ET in July is UTC-04:00)"
    for step in ("entities drawn in the reading pane", "highlight drawn in the reading pane", "export md",
                 "export html", "export txt", "export json", "export pdf", "import in a worker process"):  # fmt: skip
        assert any(line.startswith(f"ok   {step}") for line in lines), step
    assert any(line.startswith("ok   export pdf (") and "body 11 pt" in line for line in lines)
    assert lines[-1] == "self-test passed"


def test_self_test_fails_naming_the_missing_samples(qapp, monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setattr("reader.ui.list_views.resources_dir", lambda: tmp_path)  # a bundle without samples
    out = io.StringIO()
    assert run_self_test(out) == 1
    assert "self-test FAILED (1): the sample library is empty (resources/samples missing from the bundle?)" in (
        out.getvalue())


def test_self_test_fails_naming_a_missing_language_identifier(qapp, monkeypatch) -> None:
    import reader.core.extract.language as language

    monkeypatch.setattr(language, "guess_language", lambda _text: "")  # as if CLD2 had no model
    out = io.StringIO()
    assert run_self_test(out) == 1
    assert "FAIL language identified: a Swedish sentence read as no language" in out.getvalue()


def test_pdf_check_reads_pages_and_body_size_as_pypdf_does(qapp, tmp_path: Path) -> None:
    [article] = load_file(LONG)
    [path] = export_items([item_for(article, None)], fmt="pdf", out=tmp_path, options=ExportOptions(),
                          pdf_writer=write_pdf)  # fmt: skip
    pages = len(PdfReader(path).pages)
    assert pages > 3
    assert check_pdf(path.read_bytes()) == f"{pages} page(s), body 11 pt"


def test_pdf_check_refuses_a_non_pdf() -> None:
    with pytest.raises(SelfTestFailure, match="not a PDF file"):
        check_pdf(b"<html></html>")
