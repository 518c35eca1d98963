"""The running window's end of the single-instance channel on Linux and macOS, without QtNetwork.

A later start reaches the window with `QLocalSocket` (`single_instance.hand_over`); on these systems that
is a Unix socket at `QDir.tempPath()/<name>`. This server listens on that same path with Python's own
socket and a `QSocketNotifier`, so the window that runs all day does not keep QtNetwork and the libraries
it loads (2.7 MB of the idle window's memory). Windows has no such socket: there `InstanceServer`
(`QLocalServer`, a named pipe) is used.
"""

from __future__ import annotations

import json
import os
import socket
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDir, QObject, QSocketNotifier, Signal

REPLY = b"ok\n"
MAX_REQUEST = 1 << 20  # a request is a line of JSON naming files: more than this is not one of ours


def read_request(buffer: bytes) -> list[str] | None:
    """The files a complete request line names (a list, maybe empty); None for anything that is not ours."""
    try:
        files = json.loads(buffer.split(b"\n", 1)[0]).get("files", [])
    except (ValueError, AttributeError):
        return None
    return [str(f) for f in files] if isinstance(files, list) else None


class UnixInstanceServer(QObject):
    """Listens on `QDir.tempPath()/name` (only this user may connect) and emits `files_received(files)`."""

    files_received = Signal(list)

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.path = str(Path(QDir.tempPath()) / name)
        try:  # we hold the profile's lock, so a socket left there is a dead window's
            os.unlink(self.path)
        except FileNotFoundError:
            pass
        except OSError as exc:
            raise OSError(f"cannot listen on {self.path}: {exc.strerror}") from exc
        self.socket = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            old_mask = os.umask(0o077)  # created for this user only, as QLocalServer.UserAccessOption makes it
            try:
                self.socket.bind(self.path)
            finally:
                os.umask(old_mask)
            self.socket.listen(8)
            self.socket.setblocking(False)
        except OSError as exc:
            self.socket.close()
            raise OSError(f"cannot listen on {self.path}: {exc.strerror}") from exc
        self._notifier = QSocketNotifier(self.socket.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._accept)
        self._clients: dict[int, tuple[socket.socket, QSocketNotifier, bytearray]] = {}
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.close)

    def _accept(self) -> None:
        while True:
            try:
                client, _address = self.socket.accept()
            except (BlockingIOError, InterruptedError):
                return
            except OSError:  # closed meanwhile, or out of descriptors: this start cannot be answered
                return
            client.setblocking(False)
            notifier = QSocketNotifier(client.fileno(), QSocketNotifier.Type.Read, self)
            self._clients[client.fileno()] = (client, notifier, bytearray())
            notifier.activated.connect(self._reader(client.fileno()))

    def _reader(self, fd: int) -> Callable[[], None]:
        return lambda: self._read(fd)

    def _read(self, fd: int) -> None:
        client, _notifier, buffer = self._clients[fd]
        try:
            data = client.recv(65536)
        except (BlockingIOError, InterruptedError):
            return
        except OSError:
            data = b""
        buffer += data
        if data and b"\n" not in buffer and len(buffer) < MAX_REQUEST:
            return  # more of the line to come
        files = read_request(bytes(buffer)) if b"\n" in buffer else None
        if files is not None:
            try:
                client.sendall(REPLY)  # three bytes into an empty socket buffer: never blocks
            except OSError:
                pass
        self._drop(fd)
        if files is not None:
            self.files_received.emit(files)

    def _drop(self, fd: int) -> None:
        client, notifier, _buffer = self._clients.pop(fd)
        notifier.setEnabled(False)
        notifier.deleteLater()
        client.close()

    def close(self) -> None:
        """Stop listening and remove the socket file (as QLocalServer does when it closes)."""
        for fd in list(self._clients):
            self._drop(fd)
        if self.socket.fileno() == -1:
            return
        self._notifier.setEnabled(False)
        self.socket.close()
        try:
            os.unlink(self.path)
        except OSError:
            pass
