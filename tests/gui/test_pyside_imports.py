"""PySide6's look at each newly imported module gives the same answers read from the file's bytes, and leaves
no copy of the module's source in linecache (5.5 MB at the window's start, when PySide6 read it itself).

Run in a process of its own: the look is changed for the whole interpreter, and only later imports are looked at.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

CHILD = r"""
import json, linecache, sys
import PySide6.QtCore
from reader.ui.pyside_imports import read_sources_lightly
first, again = read_sources_lightly(), read_sources_lightly()
linecache.clearcache()
sys.path.insert(0, sys.argv[1])
import uses_qt, plain_module, package_with_qt
feature = sys.modules["shibokensupport.feature"]
print("SEEN " + json.dumps({
    "installed": [first, again],
    "answers": {name: feature.pyside_feature_dict.get(name) for name in ("uses_qt", "plain_module", "package_with_qt")},
    "cached": [f for f in linecache.cache if f.startswith(sys.argv[1])],
}), flush=True)
"""


def test_the_light_look_answers_as_pyside_did_and_keeps_no_source(tmp_path: Path) -> None:
    (tmp_path / "uses_qt.py").write_text("from PySide6.QtCore import QObject\n\nBASE = QObject\n", encoding="utf-8")
    (tmp_path / "plain_module.py").write_text("import os\n\nHOME = os.sep\n", encoding="utf-8")
    (tmp_path / "package_with_qt").mkdir()
    (tmp_path / "package_with_qt" / "__init__.py").write_text("# drawn with PySide6\n", encoding="utf-8")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.run([sys.executable, "-c", CHILD, str(tmp_path)], capture_output=True, text=True, timeout=120,
                          env=env, cwd=tmp_path)  # fmt: skip
    line = next((x for x in proc.stdout.splitlines() if x.startswith("SEEN ")), None)
    assert line is not None, proc.stderr
    seen = json.loads(line[len("SEEN "):])
    # PySide6's own values: 0 for a module that names PySide6 (features may be switched in it), -1 to ignore
    assert seen["answers"] == {"uses_qt": 0, "plain_module": -1, "package_with_qt": 0}
    assert seen["cached"] == []
    assert seen["installed"] == [True, False]  # once; a second call changes nothing
