"""PySide6's own Python support code, compiled once and kept, instead of compiled again at every start.

shiboken6 carries its support modules (`shibokensupport`: the signature loader, its parser, the `.pyi` generator)
and their bootstrap as sources in its library and, unless they were unpacked into its install folder
(`SBK_EMBED=0`, which needs a writable site-packages), compiles all of them at each `import PySide6`: about
100 M instructions, an eighth of the window's start to its first paint. `import_qt(cache)` imports PySide6 with
`compile` answered from `cache` for those sources, and writes what it compiled when it had to: the first start
after PySide6 or Python changed (the exact source and `sys.version` are compared, so a changed module is compiled
again). Any other call of `compile` meanwhile, and a cache that cannot be read or written, goes the usual way.

That support code also compiles three regular expressions of 6,000 characters each (towers of nested brackets, to
split signatures' argument lists and to write `.pyi` files): 118 M instructions more, for patterns the window uses
at most to word an error about a Qt call's arguments. While PySide6 is imported, a pattern that long is compiled
when first used (`LaterPattern`); shorter ones (the standard library's) are compiled as usual.
"""

from __future__ import annotations

import builtins
import functools
import marshal
import os
import re
import sys
from pathlib import Path
from types import CodeType
from typing import Any

# the file names shiboken compiles its embedded sources under: its bootstrap, then the support modules
NAMES = ("signature_bootstrap.py", "shibokensupport/")
Entries = dict[str, tuple[bytes, CodeType]]
LONG_PATTERN = 4000  # characters: a pattern this long is compiled when first used
# a Pattern's methods, which LaterPattern hands out without compiling (`split = searcher.split` in a class body)
METHODS = frozenset({"match", "fullmatch", "search", "sub", "subn", "split", "findall", "finditer", "scanner"})
compile_pattern = re.compile  # the standard one (import_qt replaces it while PySide6 is imported)


class LaterPattern:
    """A regular expression compiled when first used: its methods can be taken (and kept) before that."""

    def __init__(self, pattern: str | bytes, flags: int) -> None:
        self._source = (pattern, flags)
        self._compiled: re.Pattern[Any] | None = None

    def compiled(self) -> re.Pattern[Any]:
        if self._compiled is None:
            self._compiled = compile_pattern(*self._source)
        return self._compiled

    def __getattr__(self, name: str) -> Any:
        if name in METHODS:
            return functools.partial(self._call, name)
        if name.startswith("__"):  # asked of every class attribute (ABCMeta: `__isabstractmethod__`): not a pattern's
            raise AttributeError(name)
        return getattr(self.compiled(), name)

    def _call(self, name: str, *args: Any, **kwargs: Any) -> Any:
        return getattr(self.compiled(), name)(*args, **kwargs)


def import_qt(cache: Path) -> int:
    """Import PySide6's widgets (and so shiboken6's support code) with that code read from `cache` where it holds
    the same sources; returns how many modules were compiled (0: all came from the cache, or PySide6 was in)."""
    if "PySide6.QtWidgets" in sys.modules:
        return 0
    known = _read(cache)
    compiled: Entries = {}
    used: Entries = {}  # what this PySide6 compiles, from the cache or not: the next cache (no module it left)
    original = builtins.compile

    def compile_cached(source: Any, filename: Any, mode: str, *args: Any, **kwargs: Any) -> Any:
        if args or kwargs or mode != "exec" or not isinstance(source, bytes) or not isinstance(filename, str) \
                or not filename.startswith(NAMES):  # fmt: skip
            return original(source, filename, mode, *args, **kwargs)
        entry = known.get(filename)
        if isinstance(entry, tuple) and len(entry) == 2 and entry[0] == source and isinstance(entry[1], CodeType):
            used[filename] = entry
            return entry[1]
        code = original(source, filename, mode)
        used[filename] = compiled[filename] = (source, code)
        return code

    def compile_long_later(pattern: Any, flags: Any = 0) -> Any:
        if isinstance(pattern, (str, bytes)) and len(pattern) >= LONG_PATTERN and isinstance(flags, int):
            return LaterPattern(pattern, int(flags))
        return compile_pattern(pattern, flags)

    standard = re.compile
    builtins.compile = compile_cached
    re.compile = compile_long_later  # type: ignore[assignment]
    try:
        import PySide6.QtWidgets  # noqa: F401
    finally:
        builtins.compile = original
        re.compile = standard
    if compiled:
        _write(cache, used)
    return len(compiled)


def _read(cache: Path) -> Entries:
    try:
        version, entries = marshal.loads(cache.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return {}
    return entries if version == sys.version and isinstance(entries, dict) else {}


def _write(cache: Path, entries: Entries) -> None:
    """Replace `cache` in one step (a temporary file of this process's own, renamed); a failure leaves it as it was."""
    aside = cache.with_name(f".{cache.name}.{os.getpid()}.tmp")
    try:
        aside.write_bytes(marshal.dumps((sys.version, entries)))
        os.replace(aside, cache)
    except (OSError, ValueError):
        try:
            aside.unlink(missing_ok=True)
        except OSError:
            pass
