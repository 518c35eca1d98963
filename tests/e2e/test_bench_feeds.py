"""benchmarks/feeds.py: skipped with a way to get its data; its Expect reader judges safely and right."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path
from types import ModuleType

BENCH = Path(__file__).resolve().parents[2] / "benchmarks"


def _expect_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("feed_expect_under_test", BENCH / "_feed_expect.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


def test_runner_skips_feeds_without_the_test_feeds(tmp_path: Path) -> None:
    missing = tmp_path / "no-feeds-here"
    env = {**os.environ, "NEWS_READER_FEEDPARSER_TESTS": str(missing), "NEWS_READER_DATA": str(tmp_path)}
    proc = subprocess.run([sys.executable, str(BENCH / "run.py"), "feeds"], capture_output=True, text=True,
                          timeout=120, env=env)  # fmt: skip
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert f"skipped: feeds needs feedparser's test feeds, not found at {missing}." in proc.stdout
    assert "pip download --no-deps --no-binary :all: feedparser" in proc.stdout
    assert "1 benchmark(s) skipped for missing data" in proc.stdout


def test_expect_reader_compares_what_a_reader_shows() -> None:
    fx = _expect_module()
    shows = {"title": ["History of the <blink> tag"], "link": ["https://e.example.org/"], "content": ["Rain today"]}

    def ours(path: object) -> list[str] | None:
        return shows[path.kind] if path.keys[1] == 0 else None  # type: ignore[attr-defined]

    types = {"title": "text/plain", "content": "text/html"}

    def type_of(path: object) -> str:
        return types.get(path.kind, "text/plain")  # type: ignore[attr-defined]

    expression = (
        "not bozo and entries[0]['title'] == 'History of the <blink> tag' and entries[0]['link'] == 'https://x.org/'"
        " and entries[0]['content'][0]['value'] == '<p>Rain <b>today</b></p>'"
        " and entries[1]['content'][0]['value'] == '<img />'"
    )
    got = [(c.kind, c.right) for c in fx.checks(expression, ours, type_of)]
    assert got == [("title", True), ("link", False), ("content", True), ("nothing", True)]


def test_expect_reader_never_runs_code(tmp_path: Path) -> None:
    fx = _expect_module()
    marker = tmp_path / "ran"
    expression = f"entries[0]['title'] == __import__('pathlib').Path({str(marker)!r}).touch()"
    assert fx.checks(expression, lambda path: ["x"], lambda path: "text/plain") == []
    assert not marker.exists()
