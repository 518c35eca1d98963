"""The offer to add a folder opened from the command line to the library, and its remembered answer.

`news-reader FOLDER` (or a file) reads a folder for this session only. Without this offer the
next plain start forgets it; the user's bookmarks and notes on it stay (the cache keeps those
articles), but the folder itself is gone from the sidebar. The bar asks once the window is up;
"Add" adds the folder through the session, "Not now" keeps it for this session and is remembered
in the user database, so the same folder is not asked about again.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from reader.ui.operations import FAILED, Operations

if TYPE_CHECKING:
    from reader.core.session import Session, UserReads

ANSWER_KEY = "folder_offer:"  # + the folder: "yes" (added) or "no" (kept out; never asked again)


def shown_path(path: str) -> str:
    """`path` as the library shows it (`store.library.shown_path`), imported when asked: the store loads after
    the first paint."""
    from reader.core.store.library import shown_path as shown

    return shown(path)


def answer_key(folder: str) -> str:
    """The small value that remembers the answer for `folder` (text a database can store)."""
    return ANSWER_KEY + shown_path(folder)


def in_folders(path: str, folders: Iterable[str]) -> bool:
    """Whether `path` is one of `folders` or lies under one."""
    return any(path == f or path.startswith(f.rstrip(os.sep) + os.sep) for f in folders)


def folders_to_offer(store: UserReads, session_folders: list[str], session_files: list[str]) -> list[str]:
    """The folders opened this session (a file's own folder for a file) that are not in the library
    and were never answered "no", in the order they were named."""
    library = store.folders()
    wanted = [*session_folders, *(str(Path(f).parent) for f in session_files)]
    return [f for f in dict.fromkeys(wanted)
            if not in_folders(f, library) and store.get_value(answer_key(f)) != "no"]  # fmt: skip


class FolderOfferBar(QFrame):
    """A bar over the list: "“news” is open for this session only. Add this folder to your library?"."""

    answered = Signal(str, bool)  # the folder, True to add it

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("folderOffer")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.folder = ""
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.add_button = QPushButton("Add to Library")
        self.no_button = QPushButton("Not Now")
        self.add_button.clicked.connect(lambda: self.answered.emit(self.folder, True))
        self.no_button.clicked.connect(lambda: self.answered.emit(self.folder, False))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.no_button)
        buttons.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addWidget(self.text)
        layout.addLayout(buttons)
        self.hide()

    def ask(self, folder: str) -> None:
        self.folder = folder
        name = Path(folder).name or folder
        self.text.setText(f"“{shown_path(name)}” is open for this session only. Add this folder to your library?")
        self.text.setToolTip(shown_path(folder))
        self.show()


class FolderOffers:
    """Asks about each folder of `folders_to_offer` in turn and acts on the answers.

    `session_folders` is the window's own list: a folder added to the library leaves it (it is
    scanned as a library folder from then on), one kept out stays for this session.
    """

    def __init__(self, bar: FolderOfferBar, operations: Operations, session_folders: list[str],
                 tell: Callable[[str], None]) -> None:  # fmt: skip
        self.bar = bar
        self.operations = operations
        self.session_folders = session_folders
        self.tell = tell
        self.waiting: list[str] = []
        bar.answered.connect(self.answer)

    @property
    def session(self) -> Session:
        return self.operations.session

    def start(self, session_files: list[str]) -> None:
        """Ask about the first folder opened this session that is not in the library, if any."""
        self.waiting = folders_to_offer(self.session.store, self.session_folders, session_files)
        self._next()

    def _next(self) -> None:
        if self.waiting:
            self.bar.ask(self.waiting.pop(0))
        else:
            self.bar.hide()

    def answer(self, folder: str, add: bool) -> None:
        if add:
            self._add(folder)
        else:
            self.operations.run(lambda: self.session.set_value(answer_key(folder), "no"))
            self.tell(f"“{shown_path(Path(folder).name)}” stays out of your library; it is shown until you close "
                      "the window.")  # fmt: skip
        self._next()

    def _add(self, folder: str) -> None:
        was_session = folder in self.session_folders
        if was_session:  # scanned once, as a library folder, by the rescan the new folder starts
            self.session_folders.remove(folder)
        if self.operations.run(lambda: self.session.add_folder(folder)) is FAILED:
            if was_session:
                self.session_folders.append(folder)
            return
        self.operations.run(lambda: self.session.set_value(answer_key(folder), "yes"))
        self.tell(f"“{shown_path(Path(folder).name)}” is now in your library.")
