"""One window per profile: a second start hands its file to the running window and exits (two real processes)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from reader.core.formats import load_file
from reader.paths import resolve_paths
from reader.ui.single_instance import server_name

ROOT = Path(__file__).resolve().parents[2]
ARTICLE = ROOT / "resources" / "samples" / "2024-03-18-harbour-ledger-ferry-fares.txt"


def _env() -> dict[str, str]:
    return dict(os.environ, QT_QPA_PLATFORM="offscreen")


def _start_first(data_dir: Path) -> subprocess.Popen[str]:
    """The first window, with an empty library (no samples), once its profile lock is taken."""
    proc = subprocess.Popen([sys.executable, "-m", "reader", "--no-samples", "--data-dir", str(data_dir)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=_env())  # fmt: skip
    paths = resolve_paths(data_dir)
    for _ in range(1200):  # the cache appears while the window is built, after the lock was taken
        if paths.library_db.exists() or proc.poll() is not None:
            break
        time.sleep(0.05)
    assert proc.poll() is None, proc.communicate()[1]
    return proc


def _close(proc: subprocess.Popen[str]) -> str:
    try:
        proc.send_signal(signal.SIGTERM)
        _out, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    assert proc.returncode == 0, err
    return err


def _second(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "reader", "--data-dir", str(data_dir), *args],
                          capture_output=True, text=True, timeout=90, env=_env())  # fmt: skip


def test_a_second_start_hands_its_file_to_the_running_window_which_shows_it(tmp_path: Path) -> None:
    first = _start_first(tmp_path)
    try:
        second = _second(tmp_path, str(ARTICLE))
        assert second.returncode == 0, second.stderr
        assert first.poll() is None  # the first window is still the one open
    finally:
        err = _close(first)
    assert "Traceback" not in err
    [article] = load_file(ARTICLE)
    settings = json.loads(resolve_paths(tmp_path).settings_file.read_text(encoding="utf-8"))
    assert settings["last_article"] == article.id  # the article the first window was showing when it closed


def test_a_second_start_without_files_only_raises_the_first(tmp_path: Path) -> None:
    first = _start_first(tmp_path)
    try:
        second = _second(tmp_path)
        assert second.returncode == 0, second.stderr
        assert first.poll() is None
    finally:
        _close(first)
    settings = json.loads(resolve_paths(tmp_path).settings_file.read_text(encoding="utf-8"))
    assert settings.get("last_article") is None  # nothing was opened


def test_each_profile_has_its_own_channel(tmp_path: Path) -> None:
    a, b = resolve_paths(tmp_path), resolve_paths(tmp_path, profile="work")
    assert server_name(a) != server_name(b)
    assert server_name(a) == server_name(resolve_paths(tmp_path))
    assert len(server_name(a)) < 40  # Unix socket paths are short


def test_a_crashed_windows_lock_is_taken_over(qapp, tmp_path: Path) -> None:
    from PySide6.QtNetwork import QHostInfo

    from reader.ui.single_instance import claim_profile

    paths = resolve_paths(tmp_path).ensure()
    dead_pid = 2**22 + 12345  # above Linux's pid_max: no such process
    paths.window_lock.write_text(f"{dead_pid}\nnews-reader\n{QHostInfo.localHostName()}\n", encoding="utf-8")
    claim = claim_profile(paths, [])
    try:
        assert claim.server is not None and not claim.handed_over and claim.error == ""
    finally:
        if claim.lock is not None:
            claim.lock.unlock()


def test_nobody_listening_is_no_hand_over(qapp, tmp_path: Path) -> None:
    from reader.ui.single_instance import hand_over

    assert hand_over(server_name(resolve_paths(tmp_path)), ["/x.md"], wait_ms=300) is False
