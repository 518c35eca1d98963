"""PySide6's support code is compiled at the first start only: later starts take it from the profile's cache, a
damaged or stale cache is compiled again and replaced, and PySide6 works the same with the cached code (and its long
regular expressions compiled when first used).

Each start is a process of its own: PySide6 compiles its support code once per process, when first imported.
"""

from __future__ import annotations

import json
import marshal
import os
import subprocess
import sys
from pathlib import Path

import pytest

CHILD = r"""
import json, re, sys
from pathlib import Path
from reader.ui.pyside_code_cache import import_qt

standard = re.compile
compiled = import_qt(Path(sys.argv[1])) if sys.argv[1] != "plain" else -1
assert re.compile is standard
from PySide6.QtWidgets import QApplication, QLineEdit

app = QApplication([])
try:  # the support code is what words this error: the call's types and the method's signatures
    QLineEdit().setMaxLength("x")
except TypeError as exc:
    said = str(exc)
print(json.dumps({"compiled": compiled, "said": said}))
"""
SAID = "setMaxLength(arg__1: int, /)"  # in the error's "Supported signatures:"


def start(cache: Path | str) -> dict[str, object]:
    """One start with `cache` ("plain": PySide6 imported the usual way): what it compiled and what it said."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    out = subprocess.run([sys.executable, "-c", CHILD, str(cache)], env=dict(env, QT_QPA_PLATFORM="offscreen"),
                         capture_output=True, text=True, check=True, timeout=120).stdout  # fmt: skip
    return json.loads(out.strip().splitlines()[-1])


def test_support_code_is_compiled_at_the_first_start_only(tmp_path: Path) -> None:
    cache = tmp_path / "support.marshal"
    first = start(cache)
    assert first["compiled"] > 0 and cache.is_file()
    again = start(cache)
    assert again == {"compiled": 0, "said": first["said"]}
    assert SAID in str(first["said"])
    assert first["said"] == start("plain")["said"]  # worded as PySide6 imported the usual way words it


@pytest.mark.parametrize("content", [b"not marshal data", marshal.dumps(7), marshal.dumps((sys.version, {
    "shibokensupport/__init__.py": 7, "shibokensupport/feature.py": (b"", 7)}))])  # fmt: skip
def test_a_damaged_cache_is_compiled_again_and_replaced(tmp_path: Path, content: bytes) -> None:
    cache = tmp_path / "support.marshal"
    cache.write_bytes(content)
    assert start(cache)["compiled"] > 0
    assert start(cache)["compiled"] == 0


def test_a_module_whose_source_changed_is_compiled_again(tmp_path: Path) -> None:
    cache = tmp_path / "support.marshal"
    start(cache)
    version, entries = marshal.loads(cache.read_bytes())
    kept = set(entries)
    entries["shibokensupport/gone.py"] = (b"x = 1", compile("x = 1", "gone.py", "exec"))  # an older PySide6's module
    name = next(iter(entries))
    source, code = entries[name]
    entries[name] = (source + b"\n# another version\n", code)  # as if PySide6 had changed that module
    cache.write_bytes(marshal.dumps((version, entries)))
    assert start(cache)["compiled"] == 1
    rewritten = marshal.loads(cache.read_bytes())[1]
    assert rewritten[name][0] == source
    assert set(rewritten) == kept  # what this PySide6 no longer has is left out


def test_an_unwritable_cache_folder_still_starts(tmp_path: Path) -> None:
    cache = tmp_path / "missing folder" / "support.marshal"
    result = start(cache)
    assert result["compiled"] > 0 and SAID in str(result["said"])
    assert not cache.parent.exists()
