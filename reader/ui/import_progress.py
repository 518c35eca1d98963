"""The import's place in the status bar: "n of N", rate, time left and the current folder, with Cancel.

It only shows what the scan worker reports (already at most a few times a second) and asks for a
stop; the summary of a finished import is `summary_text`, which the window puts in its status line.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QToolButton, QWidget

if TYPE_CHECKING:  # the import code is loaded by the scan's thread, not before the window shows
    from reader.core.library_sync import ScanResult

STOPPED = "Import stopped. What was imported is kept; the rest is imported at the next start or with F5."
TAG_STOPPED = "Finding entities stopped. What was found is kept; the rest is found at the next start or with F5."


def duration_text(seconds: float) -> str:
    """'about 40 s', 'about 3 min', 'about 1 h 20 min' (rounded: an estimate, not a promise)."""
    if seconds < 60:
        return f"about {max(1, round(seconds / 5) * 5 if seconds > 10 else round(seconds))} s"
    minutes = round(seconds / 60)
    if minutes < 60:
        return f"about {minutes} min"
    return f"about {minutes // 60} h {minutes % 60} min"


def summary_text(result: ScanResult) -> str:
    """What an import changed, in words ("" when it changed nothing)."""
    parts = [f"{n:,} {word}" for n, word in ((result.added, "added"), (result.updated, "updated"),
                                               (result.removed, "removed")) if n]  # fmt: skip
    if result.failed:
        parts.append(f"{result.failed:,} could not be read (see Import problems)")
    return ", ".join(parts)


class ImportProgress(QWidget):
    """The bar ("n of N"), a line with files per second, time left and the folder, and a Cancel button."""

    def __init__(self, cancel: Callable[[], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importProgress")
        self.bar = QProgressBar()
        self.bar.setObjectName("scanProgress")
        self.bar.setFormat("%v of %m")
        self.bar.setMaximumWidth(220)
        self.detail = QLabel()
        self.detail.setObjectName("importDetail")
        self.cancel_button = QToolButton()
        self.cancel_button.setText("Cancel")
        self.cancel_button.setToolTip("Stop importing; what was imported so far is kept")
        self.cancel_button.clicked.connect(cancel)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.detail)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel_button)
        self._start: tuple[float, int] | None = None  # when the first file was counted, and how many were done
        self.tagging = False  # showing the articles tagged (a new tagger's re-tagging), not files imported

    def show_progress(self, done: int, total: int, path: str) -> None:
        """Show a step: 0 of 0 while the folders are walked (a busy bar), then n of N with rate and time left."""
        if self.tagging:  # a new scan after tagging: counted from its own start
            self.tagging, self._start = False, None
            self.cancel_button.setToolTip("Stop importing; what was imported so far is kept")
        self.bar.setRange(0, total)
        self.bar.setValue(done)
        now = time.monotonic()
        if not total:
            self._start = None
            self.detail.setText("Looking for files…")
        else:
            if self._start is None:
                self._start = (now, done)
            self.detail.setText(self.detail_text(done, total, path, now))
        self.show()

    def show_tagging(self, done: int, total: int) -> None:
        """Show the tagging of stored articles (all of them after a new tagger): n of N articles, rate and time left."""
        if not self.tagging:
            self.tagging, self._start = True, None
            self.cancel_button.setToolTip("Stop finding entities; what was found so far is kept")
        self.bar.setRange(0, total)
        self.bar.setValue(done)
        now = time.monotonic()
        if self._start is None:
            self._start = (now, done)
        rate = self.detail_text(done, total, "", now, unit="articles")
        self.detail.setText(f"Finding entities: {rate}" if rate else "Finding entities")
        self.show()

    def stopped_text(self) -> str:
        """What the status line says after Cancel."""
        return TAG_STOPPED if self.tagging else STOPPED

    def detail_text(self, done: int, total: int, path: str, now: float, *, unit: str = "files") -> str:
        """'120 files/s, about 2 min left, in news/2024' (rate and time only once they can be told)."""
        parts = []
        assert self._start is not None
        since, first = self._start
        if done > first and now > since:
            rate = (done - first) / (now - since)
            parts.append(f"{rate:,.0f} {unit}/s")
            if done < total:
                parts.append(f"{duration_text((total - done) / rate)} left")
        folder = Path(path).parent.name if path else ""
        if folder:
            parts.append(f"in {folder}")
        return ", ".join(parts)

    def finish(self) -> None:
        """Hide until the next import."""
        self._start = None
        self.hide()

    def finish_tagging(self) -> None:
        """Hide after tagging (the next import counts files again)."""
        self.finish()
        self.tagging = False
