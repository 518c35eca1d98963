"""The real window killed with SIGTERM or SIGINT (logout, shutdown, Ctrl+C) closes cleanly and keeps its layout."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from reader.paths import resolve_paths


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_a_signal_closes_the_window_and_saves_the_layout(tmp_path: Path, signum: int) -> None:
    paths = resolve_paths(tmp_path)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.Popen([sys.executable, "-m", "reader", "--no-samples", "--data-dir", str(tmp_path)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)  # fmt: skip
    try:
        # The cache file appears while the window is being built, after the handlers are installed.
        for _ in range(1200):
            if paths.library_db.exists() or proc.poll() is not None:
                break
            time.sleep(0.05)
        assert proc.poll() is None, proc.communicate()[1]
        proc.send_signal(signum)
        _out, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    assert proc.returncode == 0, err
    assert "Traceback" not in err
    layout = json.loads(paths.settings_file.read_text(encoding="utf-8"))["window_layout"]
    assert layout["geometry"] and layout["state"] and layout["splitter"]


def test_sigterm_while_a_notice_is_open_still_quits(tmp_path: Path) -> None:
    paths = resolve_paths(tmp_path)
    paths.cache.mkdir(parents=True)
    paths.library_db.write_bytes(b"\x07" * 20_000)  # a damaged cache: the window opens with a notice box
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.Popen([sys.executable, "-m", "reader", "--no-samples", "--data-dir", str(tmp_path)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)  # fmt: skip
    try:
        assert proc.stderr is not None
        lines = iter(proc.stderr.readline, "")  # the notice is printed once the window is built, as its box opens
        assert any("The library cache was damaged" in line for line in lines)
        proc.send_signal(signal.SIGTERM)
        _out, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    assert proc.returncode == 0, err
    assert "window_layout" in json.loads(paths.settings_file.read_text(encoding="utf-8"))
