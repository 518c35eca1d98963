"""Property test: random bytes and mutated fixtures never raise anything but ImportProblem."""

from __future__ import annotations

import gzip
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.core.errors import ImportProblem
from reader.core.formats import detect, load_file, loader_for
from reader.core.formats.detection import FORMATS

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "formats"
SEEDS = sorted(p for p in FIXTURES.iterdir() if p.suffix != ".py" and p.suffix != ".gz")
SEED_BYTES = [p.read_bytes() for p in SEEDS]
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def mutated_fixture(draw: st.DrawFn) -> bytes:
    """A fixture with a few bytes flipped, a slice cut out or pasted twice, or its end cut off."""
    data = bytearray(draw(st.sampled_from(SEED_BYTES)))
    for _ in range(draw(st.integers(0, 6))):
        if not data:
            break
        i = draw(st.integers(0, len(data) - 1))
        op = draw(st.sampled_from(["flip", "cut", "dup", "truncate", "insert"]))
        j = min(len(data), i + draw(st.integers(1, 64)))
        if op == "flip":
            data[i] = draw(st.integers(0, 255))
        elif op == "cut":
            del data[i:j]
        elif op == "dup":
            data[i:i] = data[i:j]
        elif op == "truncate":
            del data[i:]
        else:
            data[i:i] = draw(st.sampled_from([b"<", b"&", b"\x00", b"]]>", b"<!DOCTYPE x [", b"\xff\xfe", b"{["]))
    return bytes(data)


any_input = st.one_of(st.binary(max_size=2048), mutated_fixture())


def _call(fmt: str, data: bytes) -> None:
    try:
        articles = loader_for(fmt)(data, Path(f"fuzz.{fmt}"))
    except ImportProblem:
        return
    for a in articles:
        assert isinstance(a.title, str) and isinstance(a.text, str)
        assert a.format


@SETTINGS
@given(data=any_input, fmt=st.sampled_from(FORMATS))
def test_every_loader_raises_only_import_problem(data: bytes, fmt: str) -> None:
    assert detect(Path(f"x.{fmt}"), data) in FORMATS
    _call(fmt, data)


@SETTINGS
@given(data=any_input, suffix=st.sampled_from([".txt", ".html", ".xml", ".json", ".eml", ".md", ".mbox", ".gz"]),
       squeeze=st.booleans())
def test_load_file_raises_only_import_problem(data: bytes, suffix: str, squeeze: bool) -> None:
    if squeeze:
        data = gzip.compress(data)[: max(10, len(data) // 2)] if len(data) % 2 else gzip.compress(data)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"fuzz{suffix}"
        path.write_bytes(data)
        try:
            articles = load_file(path, max_bytes=200_000)
        except ImportProblem as problem:
            assert problem.reason and problem.advice
            # load_file turns a loader's crash into "could not be read (TypeError)": a bug wearing a problem's
            # clothes. A loader must recognise what it cannot read and say why.
            assert not _is_wrapped_crash(problem), (problem.reason, repr(problem.__cause__))
            return
        assert articles and all(a.path == str(path) for a in articles)


def _is_wrapped_crash(problem: ImportProblem) -> bool:
    return "could not be read (" in problem.reason


def test_a_loader_crash_is_told_apart_from_a_problem(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """The check above must see a crash through load_file's wrapper, or the property test could never fail."""
    import reader.core.formats.text as text_loader

    def crash(data: bytes, path: Path) -> list[object]:
        raise TypeError("a bug in the loader")

    monkeypatch.setattr(text_loader, "load_text", crash)
    path = tmp_path / "plain.txt"
    path.write_text("Just a title\n\nAnd some text.\n", encoding="utf-8")
    with pytest.raises(ImportProblem) as info:
        load_file(path)
    assert _is_wrapped_crash(info.value)
