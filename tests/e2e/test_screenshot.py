"""The real program, started as a process: screenshot mode, files on the command line, errors."""

from __future__ import annotations

import os
import struct
import subprocess
import sys
from pathlib import Path

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "library"


def run_reader(*args: str, timeout: int = 120) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}  # the app must set it itself
    return subprocess.run([sys.executable, "-m", "reader", *args], capture_output=True, text=True,
                          timeout=timeout, env=env)  # fmt: skip


def png_size(path: Path) -> tuple[int, int]:
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", head[16:24])


def test_screenshot_of_the_sample_library(tmp_path: Path) -> None:
    out = tmp_path / "shot.png"
    proc = run_reader("--screenshot", str(out), "--select", "1", "--size", "1100x700", "--data-dir", str(tmp_path))
    assert proc.returncode == 0, proc.stderr
    assert png_size(out) == (1100, 700)
    assert out.stat().st_size > 20_000  # a rendered window, not a blank image
    assert "entities were not tagged" not in proc.stderr  # the picture shows what a user sees, entities too


def test_a_file_named_on_the_command_line_opens(tmp_path: Path) -> None:
    out = tmp_path / "file.png"
    proc = run_reader(str(FIXTURES / "01-harbour.txt"), "--screenshot", str(out), "--data-dir", str(tmp_path))
    assert proc.returncode == 0, proc.stderr
    assert out.is_file()


def test_a_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    proc = run_reader(str(tmp_path / "nope.html"), "--screenshot", str(tmp_path / "x.png"), "--data-dir", str(tmp_path))
    assert proc.returncode == 2
    assert "no such file" in proc.stderr


def test_select_out_of_range_is_reported(tmp_path: Path) -> None:
    proc = run_reader("--screenshot", str(tmp_path / "x.png"), "--select", "9999", "--data-dir", str(tmp_path))
    assert proc.returncode == 2 and "9999" in proc.stderr


def test_help_lists_the_subcommands() -> None:
    proc = run_reader("--help")
    assert proc.returncode == 0
    assert "news-reader" in proc.stdout


def test_a_damaged_user_database_without_backups_is_kept_aside(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    junk = bytes(range(256)) * 20
    (data / "user.sqlite3").write_bytes(junk)
    proc = run_reader("--screenshot", str(tmp_path / "x.png"), "--data-dir", str(tmp_path))
    assert proc.returncode == 0, proc.stderr
    assert "was damaged" in proc.stderr and "No sound backup" in proc.stderr
    assert "Traceback" not in proc.stderr
    [kept] = data.glob("user.sqlite3.damaged-*")
    assert kept.read_bytes() == junk and str(kept) in proc.stderr


def test_no_display_is_a_clear_error_not_a_crash(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")}
    proc = subprocess.run([sys.executable, "-m", "reader", "--data-dir", str(tmp_path)], capture_output=True,
                          text=True, timeout=60, env=env)  # fmt: skip
    assert proc.returncode == 2
    assert "no display" in proc.stderr and "--screenshot" in proc.stderr
