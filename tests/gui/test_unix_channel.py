"""The window's end of the single-instance channel without QtNetwork: a later start's QLocalSocket (another
process, as a real second start) reaches it, gets its answer, and only this user can connect."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from reader.ui.unix_channel import UnixInstanceServer, read_request

pytestmark = pytest.mark.skipif(os.name != "posix", reason="Unix sockets: Windows listens with QLocalServer")

CLIENT = r"""
import sys
from PySide6.QtCore import QCoreApplication
from reader.ui.single_instance import hand_over
app = QCoreApplication([])
print("handed" if hand_over(sys.argv[1], sys.argv[2:], wait_ms=20000) else "refused", flush=True)
"""


def _name(tmp_path: Path) -> str:
    return f"news-reader-test-{os.getpid()}-{abs(hash(str(tmp_path))) % 10**8}"


def _start_client(name: str, *files: str) -> subprocess.Popen[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.Popen([sys.executable, "-c", CLIENT, name, *files], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=env)  # fmt: skip


def _wait(qtbot, proc: subprocess.Popen[str]) -> str:
    deadline = time.monotonic() + 60
    while proc.poll() is None and time.monotonic() < deadline:
        qtbot.wait(20)  # the server answers from this event loop
    out, err = proc.communicate(timeout=10)
    assert proc.returncode == 0, err
    return out.strip()


def test_a_later_starts_files_reach_the_window_and_it_answers(qtbot, tmp_path: Path) -> None:
    server = UnixInstanceServer(_name(tmp_path))
    try:
        assert stat.S_IMODE(os.stat(server.path).st_mode) & 0o077 == 0  # only this user may connect
        with qtbot.waitSignal(server.files_received, timeout=60000) as got:
            client = _start_client(_name(tmp_path), "/news/ferry.html", "/news/harbour.txt")
            assert _wait(qtbot, client) == "handed"
        assert got.args == [["/news/ferry.html", "/news/harbour.txt"]]
        with qtbot.waitSignal(server.files_received, timeout=60000) as got:  # no files: just come forward
            assert _wait(qtbot, _start_client(_name(tmp_path))) == "handed"
        assert got.args == [[]]
    finally:
        server.close()
    assert not os.path.exists(server.path)  # closed as QLocalServer closes: its socket file removed


def test_a_dead_windows_socket_file_is_replaced(qtbot, tmp_path: Path) -> None:
    first = UnixInstanceServer(_name(tmp_path))
    first._notifier.setEnabled(False)  # a window killed: its socket file is left behind, nobody listening
    first.socket.close()
    second = UnixInstanceServer(_name(tmp_path))
    try:
        with qtbot.waitSignal(second.files_received, timeout=60000) as got:
            assert _wait(qtbot, _start_client(_name(tmp_path), "/a.md")) == "handed"
        assert got.args == [["/a.md"]]
    finally:
        second.close()


def test_only_our_requests_are_answered() -> None:
    assert read_request(b'{"files": ["/a.md", "/b.txt"]}\n') == ["/a.md", "/b.txt"]
    assert read_request(b'{"files": []}\nrest') == []
    assert read_request(b"GET / HTTP/1.1\r\n") is None
    assert read_request(b'{"files": "/a.md"}\n') is None
    assert read_request(b"[1, 2]\n") is None
