"""PySide6's look at every module imported after it, made without keeping each module's source in memory.

PySide6 decides, for each newly imported module, whether it may use `from __feature__ import ...` by looking
for "PySide6" in the module's source. It reads the source with `inspect.getsource`, which splits it into lines
and keeps them in `linecache`: every module the window imports stays in memory a second time as text (5.5 MB
at start), and reading it that way cost 40-60 ms of CPU before the first paint. `read_sources_lightly()` gives
PySide6 the same answer from the file's bytes, which are dropped once looked at; a module whose file cannot be
read that way (a zip import, a frozen app) is asked about as before.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import ModuleType

MARK = b"PySide6"  # what PySide6 looks for in a module's source (shibokensupport/feature.py)


def read_sources_lightly() -> bool:
    """Put the light reading in place of PySide6's own; False when this PySide6 has no such step (nothing done).

    Call it once PySide6 is imported and before the window's modules are: only later imports are looked at."""
    feature = sys.modules.get("shibokensupport.feature")
    original = getattr(feature, "_mod_uses_pyside", None)
    if feature is None or original is None or getattr(original, "light", False):
        return False
    feature._mod_uses_pyside = _light(original)  # type: ignore[attr-defined]
    return True


def _light(original: Callable[[ModuleType], bool]) -> Callable[[ModuleType], bool]:
    def uses_pyside(module: ModuleType) -> bool:
        path = getattr(module, "__file__", None)
        if not isinstance(path, str) or not path.endswith(".py"):
            return original(module)  # a built-in, an extension or a module without a file: PySide6's own answer
        try:
            with open(path, "rb") as source:
                return MARK in source.read()
        except OSError:
            return original(module)

    uses_pyside.light = True  # type: ignore[attr-defined]
    return uses_pyside
