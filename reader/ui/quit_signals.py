"""SIGTERM and SIGINT close the window like Ctrl+Q, so a typed note and the layout are saved on logout or kill.

Python runs a signal handler only between bytecodes, and Qt's event loop runs in C++: a signal would wait
until the next user event. `signal.set_wakeup_fd` writes a byte to a pipe (a socket pair on Windows, where
it takes only a socket) when a signal arrives, and a QSocketNotifier on the other end wakes the loop so the
handler runs at once. The pipe needs no `socket` module, which took 8 ms of CPU before the first paint.
"""

from __future__ import annotations

import contextlib
import os
import signal
from collections.abc import Callable
from types import FrameType
from typing import Any

from PySide6.QtCore import QObject, QSocketNotifier, QTimer
from PySide6.QtWidgets import QWidget

HANDLED = (signal.SIGTERM, signal.SIGINT)


class QuitOnSignals(QObject):
    """Turns SIGTERM/SIGINT into closing the window; a signal before the window exists closes it once it does."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.window: QWidget | None = None
        self.requested = False
        self._read_end, self._write_end, self._read, self._close = _wakeup_pair()
        self._notifier = QSocketNotifier(self._read_end, QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._drain)
        self._previous_fd = signal.set_wakeup_fd(self._write_end)
        self._previous: dict[int, Callable[[int, FrameType | None], Any] | int | None] = {}
        for signum in HANDLED:
            self._previous[signum] = signal.signal(signum, self._on_signal)

    def attach(self, window: QWidget) -> None:
        """Close `window` on the next signal (at once, when one came while it was being built)."""
        self.window = window
        if self.requested:
            QTimer.singleShot(0, window.close)

    def _drain(self) -> None:
        with contextlib.suppress(OSError):  # nothing left to read; the Python handler has run by now
            while self._read():
                pass

    def _on_signal(self, signum: int, frame: FrameType | None) -> None:
        self.requested = True
        if self.window is not None:
            QTimer.singleShot(0, self.window.close)

    def uninstall(self) -> None:
        """Give the signals back to their previous handlers and close the pipe."""
        for signum, handler in self._previous.items():
            signal.signal(signum, handler if handler is not None else signal.SIG_DFL)
        signal.set_wakeup_fd(self._previous_fd)
        self._notifier.setEnabled(False)
        self._close()


def _wakeup_pair() -> tuple[int, int, Callable[[], bytes], Callable[[], None]]:
    """Both ends' descriptors, non-blocking, with a read of the first and a close of both."""
    if os.name == "posix":
        read_end, write_end = os.pipe()
        for end in (read_end, write_end):
            os.set_blocking(end, False)

        def close() -> None:
            os.close(read_end)
            os.close(write_end)

        return read_end, write_end, lambda: os.read(read_end, 64), close
    import socket

    reader, writer = socket.socketpair()
    for sock in (reader, writer):
        sock.setblocking(False)

    def close_sockets() -> None:
        reader.close()
        writer.close()

    return reader.fileno(), writer.fileno(), lambda: reader.recv(64), close_sockets
