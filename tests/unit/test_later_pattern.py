"""A long regular expression of PySide6's support code is compiled when first used, and then works as compiled."""

from __future__ import annotations

import abc
import re

from reader.ui.pyside_code_cache import LaterPattern

PATTERN = r"(\w+)\s*=\s*(\d+)"


def test_a_method_taken_before_use_works_as_the_compiled_pattern_s() -> None:
    later = LaterPattern(PATTERN, re.ASCII)
    split, finditer = later.split, later.finditer  # as a class body keeps them
    assert later._compiled is None
    text = "a = 1, bb=22; c =3"
    assert split(text) == re.compile(PATTERN, re.ASCII).split(text)
    assert [m.group(1) for m in finditer(text)] == ["a", "bb", "c"]
    assert later.sub(r"\2", text) == "1, 22; 3"
    assert later.pattern == PATTERN and later.groups == 2


def test_a_class_that_keeps_one_is_made_without_compiling_it() -> None:
    later = LaterPattern(PATTERN, 0)

    class Formatter(abc.ABC):  # ABCMeta asks each attribute whether it is abstract
        searcher = later
        split = later.split

        @abc.abstractmethod
        def write(self) -> None: ...

    assert later._compiled is None
    assert Formatter.split("x=1") == ["", "x", "1", ""]
