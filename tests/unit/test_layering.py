"""reader/core must never import Qt."""

import ast
from pathlib import Path

CORE = Path(__file__).resolve().parents[2] / "reader" / "core"


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(a.name.split(".")[0] for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module.split(".")[0])
    return names


def test_core_is_qt_free() -> None:
    files = list(CORE.rglob("*.py"))
    assert files, "reader/core has no modules"
    offenders = [str(f) for f in files if _imports(f) & {"PySide6", "shiboken6", "PyQt5", "PyQt6"}]
    assert offenders == []


def test_layering_check_sees_qt_imports(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("from PySide6.QtCore import QObject\n")
    assert "PySide6" in _imports(bad)
