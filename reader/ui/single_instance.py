"""One window per profile: a second start hands its files to the running window and exits.

The guard is a lock file in the profile's data folder (QLockFile: a crashed window's lock is stale and
taken over); the channel is a local socket on a name made from the user and the profile's data folder,
so two users, or two profiles of one user, never reach each other's window. A later start connects with
QLocalSocket; the window listens with `unix_channel.UnixInstanceServer` on Linux and macOS (no QtNetwork
kept all day) and with QLocalServer elsewhere.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLockFile, QObject, QThread, Signal

from reader.paths import Paths
from reader.ui.qt_later import Qt
from reader.ui.workers import tag_library

if TYPE_CHECKING:
    from PySide6.QtNetwork import QLocalSocket

    from reader.ui.main_window import MainWindow
    from reader.ui.unix_channel import UnixInstanceServer

# reader.ui.unix_channel (and Python's socket module, 8 ms of CPU) is imported where the channel is used: the
# window claims its profile before its first paint, and opens the channel after it.

HANDOVER_WAIT_MS = 30000  # the first window may still be starting: it answers once its window is built


def server_name(paths: Paths) -> str:
    """The local socket name for this user and profile (short: Unix socket paths are limited)."""
    import getpass  # here, as QCryptographicHash's class: the window holding the lock asks after its first paint

    from PySide6.QtCore import QCryptographicHash

    try:
        user = getpass.getuser()
    except (KeyError, OSError):  # no name for this uid (some containers): the folder still tells profiles apart
        user = ""
    key = f"{user}\0{paths.data.resolve()}".encode()
    # Qt's SHA-256, the same digest as hashlib's: importing hashlib loads OpenSSL's libcrypto, 3.5 MB the idle
    # window would keep for this one name
    digest = QCryptographicHash.hash(key, QCryptographicHash.Algorithm.Sha256)
    return "news-reader-" + bytes(digest.toHex().data()).decode("ascii")[:20]


class InstanceServer(QObject):
    """Receives the files a later start was given, as absolute paths (an empty list: just come forward)."""

    files_received = Signal(list)

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        from PySide6.QtNetwork import QLocalServer  # not needed to show the window (listen() comes after)

        super().__init__(parent)
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        QLocalServer.removeServer(name)  # we hold the profile's lock, so any socket left there is a dead window's
        if not self.server.listen(name):
            raise OSError(f"cannot listen on {name}: {self.server.errorString()}")
        self.server.newConnection.connect(self._accept)

    def _accept(self) -> None:
        while (socket := self.server.nextPendingConnection()) is not None:
            buffer = bytearray()
            socket.readyRead.connect(lambda s=socket, b=buffer: self._read(s, b))
            socket.disconnected.connect(socket.deleteLater)

    def _read(self, socket: QLocalSocket, buffer: bytearray) -> None:
        from reader.ui.unix_channel import REPLY, read_request

        buffer += bytes(socket.readAll().data())
        if b"\n" not in buffer:
            return
        files = read_request(bytes(buffer))  # None: not one of ours, answered with nothing
        if files is not None:
            socket.write(REPLY)
            socket.flush()
            self.files_received.emit(files)
        socket.disconnectFromServer()


class Claim:
    """The outcome of starting: this process owns the profile (`lock`, then `server`), or handed over, or failed."""

    def __init__(self, *, lock: QLockFile | None = None, handed_over: bool = False, error: str = "",
                 paths: Paths | None = None) -> None:  # fmt: skip
        self.server: InstanceServer | UnixInstanceServer | None = None
        self.lock = lock
        self.handed_over = handed_over
        self.error = error
        self.paths = paths  # the profile whose channel a later start reaches this window on, opened by `listen()`

    def listen(self) -> InstanceServer | UnixInstanceServer | None:
        """Open the channel, once (the window calls it after its first paint); None when it cannot be opened:
        the profile is still this window's (it holds the lock), later starts just cannot hand over."""
        if self.server is None and self.lock is not None and self.paths is not None and not self.error:
            name = server_name(self.paths)
            try:
                if os.name == "posix":
                    from reader.ui.unix_channel import UnixInstanceServer

                    self.server = UnixInstanceServer(name)
                else:
                    self.server = InstanceServer(name)
            except OSError as exc:
                self.error = str(exc)
        return self.server


def claim_profile(paths: Paths, files: Sequence[str], *, listen: bool = True) -> Claim:
    """Own the profile's window, or give `files` to the window that does. With `listen` False, the owner's
    channel is opened later by `Claim.listen()`: a later start waits for it (`hand_over` tries for 30 s)."""
    lock = QLockFile(str(paths.window_lock))
    lock.setStaleLockTime(0)  # only a dead owner makes it stale, never its age
    if lock.tryLock(0):
        claim = Claim(lock=lock, paths=paths)
        if listen:
            claim.listen()
        return claim
    if hand_over(server_name(paths), [str(Path(f).resolve()) for f in files]):
        return Claim(handed_over=True)
    pid, host, _app = lock.getLockInfo()
    return Claim(error=f"News Reader is already open with this profile (process {pid} on {host}) but does not "
                       "answer. Close it, or start with another --profile.")  # fmt: skip


def hand_over(name: str, files: list[str], wait_ms: int = HANDOVER_WAIT_MS) -> bool:
    """Send `files` to the window listening on `name`; True once it has confirmed."""
    from PySide6.QtCore import QDeadlineTimer
    from PySide6.QtNetwork import QLocalSocket

    from reader.ui.unix_channel import REPLY

    deadline = QDeadlineTimer(wait_ms)
    payload = json.dumps({"files": files}).encode() + b"\n"
    while not deadline.hasExpired():
        socket = QLocalSocket()
        socket.connectToServer(name)
        if socket.waitForConnected(1000):
            socket.write(payload)
            socket.waitForBytesWritten(2000)
            reply = bytearray()
            # The window answers from its event loop, which may still be building the window: wait it out.
            while REPLY not in reply and socket.waitForReadyRead(max(1, deadline.remainingTime())):
                reply += bytes(socket.readAll().data())
            socket.abort()
            return REPLY in reply
        QThread.msleep(100)
    return False


def show_files(window: MainWindow, files: Sequence[str]) -> None:
    """Bring the window to the front and show the first of `files` (folders join this session's library)."""
    given = [Path(f) for f in files if Path(f).exists()]
    folders = [str(p) for p in given if p.is_dir() and str(p) not in window.session_folders]
    window.session_folders += folders
    ids: list[str] = []
    from reader.core.library_sync import LibrarySync  # the import code: not needed to start

    for path in (p for p in given if p.is_file()):
        if str(path) not in window.session_files:
            window.session_files.append(str(path))
        ids += LibrarySync(window.library, max_bytes=window.max_import_bytes()).import_file(str(path))
    if folders:
        window.rescan()
    if ids and (window.worker is None or not window.worker.isRunning()):
        # Tag it now, as a scan would (a running scan tags what is pending itself); one article is quick.
        tag_library(window.library, lambda: False)
        window.entities_arrived.emit(ids)
    if ids:  # the article must be in the list to be selected: all articles, no filter
        window.filter_box.clear()
        window.sidebar.select_view("all")
        window.apply_view(keep_current=True)
        window.select_article(ids[0])
    missing = [f for f in files if not Path(f).exists()]
    if missing:
        window.show_message(f"No such file or folder: {', '.join(missing)}", 8000)
    window.setWindowState((window.windowState() & ~Qt.WindowState.WindowMinimized) | Qt.WindowState.WindowActive)
    window.show()
    window.raise_()
    window.activateWindow()
