"""Fuzz every loader: random bytes, mutated fixtures, deep nesting, huge attributes, bad charset labels.

The one door, load_file, may only return articles or raise ImportProblem. An ImportProblem that merely wraps
an unexpected exception ("could not be read (TypeError)") or a MemoryError counts as a failure too: it means a
loader broke instead of deciding.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parent))

from budget import SETTINGS, run_fuzzer, timed  # noqa: E402

from reader.core.errors import ImportProblem  # noqa: E402
from reader.core.formats import load_file  # noqa: E402

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "formats"
SAMPLES = sorted(p for p in FIXTURES.iterdir() if p.is_file() and p.suffix not in (".py", ".gz"))
EXTENSIONS = (".txt", ".md", ".html", ".mht", ".rss", ".atom", ".rdf", ".json", ".jsonl", ".eml", ".mbox")
CHARSETS = ("rot13", "zlib", "base64", "hex", "uu", "idna", "punycode", "utf-7", "utf-16", "utf-32", "cp1252",
            "shift_jis", "unicode_escape", "undefined", "x-nonsense", "utf-8\x00", "")
_WORKDIR = Path(tempfile.mkdtemp(prefix="nr-fuzz-"))
# The causes an ImportProblem may honestly have: bad bytes and bad syntax, not broken code.
_ACCEPTED_CAUSES = ("ImportProblem", "UnicodeDecodeError", "XMLSyntaxError", "ParserError", "JSONDecodeError",
                    "ParseError", "RecursionError", "zlib.error")


def _check(data: bytes, extension: str) -> None:
    path = _WORKDIR / f"input{extension}"
    path.write_bytes(data)
    try:
        articles = timed(lambda: load_file(path), f"loading {len(data)} bytes as {extension}")
    except ImportProblem as problem:
        cause = problem.__cause__
        names = {type(cause).__name__, f"{type(cause).__module__}.{type(cause).__name__}"}
        assert cause is None or names & set(_ACCEPTED_CAUSES), f"{problem.reason} <- {cause!r}"
        assert problem.reason and problem.advice
        return
    assert articles and all(isinstance(a.text, str) and a.title for a in articles)


def _mutate(data: bytes, edits: list[tuple[int, int, bytes]]) -> bytes:
    for pos, cut, insert in edits:
        pos %= max(1, len(data))
        data = data[:pos] + insert + data[pos + cut:]
    return data


_edits = st.lists(st.tuples(st.integers(0, 1 << 20), st.integers(0, 64), st.binary(max_size=32)), max_size=8)
_nesting_templates = {
    ".html": ("<html><body>", "<div>", "<p>Deep text of the page.</p>", "</div>", "</body></html>"),
    ".json": ('{"title": "T", "items": ', "[", '{"title": "Deep", "body": "Text."}', "]", "}"),
    ".rss": ('<rss version="2.0"><channel><item><title>T</title><description>', "<x>", "text", "</x>",
             "</description></item></channel></rss>"),
    ".md": ("# Title\n\n", "> ", "quoted text\n", "", ""),
    ".eml": ("Subject: Deep\nContent-Type: text/html\n\n<html><body>", "<span>", "text", "</span>", ""),
}


@SETTINGS
@given(data=st.binary(max_size=4096), extension=st.sampled_from(EXTENSIONS))
def _random_bytes(data: bytes, extension: str) -> None:
    _check(data, extension)


@SETTINGS
@given(sample=st.sampled_from(SAMPLES), edits=_edits)
def _mutated_fixtures(sample: Path, edits: list[tuple[int, int, bytes]]) -> None:
    _check(_mutate(sample.read_bytes(), edits), sample.suffix)


@SETTINGS
@given(kind=st.sampled_from(sorted(_nesting_templates)), depth=st.integers(1, 30_000),
       attr=st.integers(0, 2_000_000), charset=st.sampled_from(CHARSETS), close=st.booleans())
def _deep_huge_and_mislabelled(kind: str, depth: int, attr: int, charset: str, close: bool) -> None:
    head, opener, middle, closer, tail = _nesting_templates[kind]
    doc = head + opener * depth + middle + (closer * depth if close else "") + tail
    if kind in (".html", ".eml"):
        doc = doc.replace("<body>", f'<body><meta charset="{charset}"><p title="{"a" * attr}">Attr text.</p>', 1)
    _check(doc.encode("utf-8"), kind)


def test_random_bytes_in_every_format() -> None:
    run_fuzzer(_random_bytes)


def test_mutated_fixtures() -> None:
    run_fuzzer(_mutated_fixtures)


def test_deep_nesting_huge_attributes_and_bad_charsets() -> None:
    run_fuzzer(_deep_huge_and_mislabelled)
