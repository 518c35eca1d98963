"""Fuzz the exporters and the annotation importer with hostile articles and hostile JSON.

An exporter may raise nothing, and what it writes holds no control characters (JSON: only as escapes). The
importer may raise only ImportProblem, and merging never raises: bad annotations are reported as skipped.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parent))

from budget import SETTINGS, run_fuzzer, timed  # noqa: E402

from reader.core.annotation import Highlight, Note, TextQuote  # noqa: E402
from reader.core.article import BLOCK_KINDS, Block, make_article  # noqa: E402
from reader.core.errors import ImportProblem  # noqa: E402
from reader.core.export import ExportItem, ExportOptions, render, render_combined  # noqa: E402
from reader.core.export.annotation_import import merge_annotations, parse_annotation_json  # noqa: E402
from reader.core.export.filenames import safe_stem  # noqa: E402
from reader.core.safe_text import has_controls  # noqa: E402
from reader.core.store.user_data import UserStore  # noqa: E402

FORMATS = ("md", "html", "json", "txt")
_text = st.text(alphabet=st.characters(codec="utf-8"), max_size=200) | st.sampled_from(
    ["````", "`` ` ```", "![t](http://127.0.0.1:8000/x)", "<img src=x>", "\x1b[2J\u202e", "==", "[^1]", "---",
     "javascript:alert(1)", "&lt;script&gt;", "1. ", "> ", "\u200d\u200c", "\ud7ff\U0010ffff"]
)
_url = st.sampled_from(["", "https://example.org/a", "javascript:alert(1)", "data:text/html,x", "file:///etc/x",
                        "mailto:a@b.c", "http://a.org/<img>", "http://a b"]) | _text
_OPTIONS = st.builds(ExportOptions, include_entities=st.booleans(), note_style=st.sampled_from(["footnotes", "quotes"]),
                     exported=st.just("2026-11-26T12:00:00Z"), include_paths=st.booleans())


@st.composite
def _items(draw: st.DrawFn) -> ExportItem:
    blocks = draw(st.lists(st.builds(Block, _text, st.sampled_from(BLOCK_KINDS), st.integers(0, 7)), max_size=6))
    article = make_article(title=draw(_text), blocks=blocks, url=draw(_url), byline=draw(_text),
                           tags=tuple(draw(st.lists(_text, max_size=4))), path=draw(_text))
    n = len(article.text)
    highlights = []
    for i in range(draw(st.integers(0, 4))):
        start = draw(st.integers(-2, n + 2))
        end = draw(st.integers(start, n + 3))
        highlights.append(Highlight(
            id=f"00000000-0000-4000-8000-{i:012d}", article_id=article.id, start=start, end=end,
            quote=TextQuote(draw(_text), draw(_text), draw(_text)), color=draw(st.sampled_from(["yellow", "x"])),
            note=draw(_text), orphan=draw(st.booleans()),
        ))
    note = Note(article.id, draw(_text)) if draw(st.booleans()) else None
    return ExportItem(article, tuple(highlights), note)


def _check_output(fmt: str, out: str) -> None:
    if fmt == "json":
        json.loads(out)
        assert not has_controls(out)
    else:
        assert not has_controls(out.replace("\u200d", "").replace("\u200c", ""))


@SETTINGS
@given(items=st.lists(_items(), min_size=1, max_size=3), options=_OPTIONS)
def _exports(items: list[ExportItem], options: ExportOptions) -> None:
    for fmt in FORMATS:
        _check_output(fmt, timed(lambda f=fmt: render(items[0], f, options), f"exporting {fmt}"))
        _check_output(fmt, timed(lambda f=fmt: render_combined(items, f, options), f"exporting combined {fmt}"))
    stem = safe_stem(items[0].article.title)
    assert stem and "/" not in stem and not has_controls(stem)


_STORE = UserStore(Path(tempfile.mkdtemp(prefix="nr-fuzz-")) / "user.sqlite3")
_json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | _text,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_text, inner, max_size=4),
    max_leaves=20,
)


@st.composite
def _annotation_docs(draw: st.DrawFn) -> str:
    """A real export with parts replaced by random JSON values, or plain random text."""
    if draw(st.booleans()):
        return draw(_text)
    item = draw(_items())
    doc: Any = json.loads(render(item, "json", ExportOptions(exported="2026-11-26T12:00:00Z")))
    for _ in range(draw(st.integers(0, 4))):
        node = doc
        for _ in range(draw(st.integers(0, 5))):
            if isinstance(node, dict) and node:
                key = draw(st.sampled_from(sorted(node)))
                if not isinstance(node[key], dict | list) or draw(st.booleans()):
                    node[key] = draw(_json_values)
                    break
                node = node[key]
            elif isinstance(node, list) and node:
                node = node[draw(st.integers(0, len(node) - 1))]
            else:
                break
    text = json.dumps(doc)
    return text.replace("0", draw(st.sampled_from(["0", "Infinity", "1e400", "100000000000000000000"])), 1)


@SETTINGS
@given(text=_annotation_docs())
def _annotation_import(text: str) -> None:
    try:
        data = timed(lambda: parse_annotation_json(text, "fuzz.json"), "parsing annotations")
    except ImportProblem as problem:
        assert problem.reason
        return
    report = timed(lambda: merge_annotations(data, _STORE), "merging annotations")
    assert report.added + report.updated + report.unchanged + len(report.skipped) >= 0


def test_exporters_never_raise_and_write_no_controls() -> None:
    run_fuzzer(_exports)


def test_annotation_import_raises_only_import_problems() -> None:
    run_fuzzer(_annotation_import)
