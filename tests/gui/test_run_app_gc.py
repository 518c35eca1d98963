"""The garbage collector is off while the window's frame is built, and on again whichever way run_app ends."""

from __future__ import annotations

import gc
from pathlib import Path

from reader.cli import window_parser
from reader.ui.app import run_app


def test_a_start_that_stops_early_leaves_the_collector_on(tmp_path: Path, capsys) -> None:
    args = window_parser().parse_args(["--data-dir", str(tmp_path / "profile"), str(tmp_path / "missing.html")])
    assert gc.isenabled()
    assert run_app(args) == 2
    assert "no such file or folder" in capsys.readouterr().err
    assert gc.isenabled()
