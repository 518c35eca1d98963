"""Errors a user can cause, worded so they can act on them."""

from __future__ import annotations


class ReaderError(Exception):
    """Base class of the project's own errors."""


class ImportProblem(ReaderError):
    """A file that could not be imported: which file, what is wrong, what to do."""

    def __init__(self, path: str, reason: str, advice: str = "") -> None:
        self.path = str(path)
        self.reason = reason
        self.advice = advice
        super().__init__(f"{self.path}: {reason}" + (f" ({advice})" if advice else ""))
