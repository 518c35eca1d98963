"""The session is the only owner of user-data writes: checked on the source, so a new bypass fails here."""

from __future__ import annotations

import ast
from pathlib import Path

import reader

PACKAGE = Path(reader.__file__).parent
# The write methods of UserStore and EntityPrefs.
WRITES = {
    "add_folder", "remove_folder", "set_bookmarked", "toggle_bookmark", "set_bookmark_tags", "restore_bookmark",
    "set_note", "restore_note", "set_read", "set_read_many", "add_highlight", "update_highlight", "delete_highlight",
    "restore_highlight", "reanchor_article", "save_highlights", "set_value", "add_correction", "add_corrections",
    "delete_correction", "replace_corrections", "add_watch_term", "put_watch_term", "delete_watch_term",
    "put_alias", "replace_aliases", "delete_alias", "add_alias",
}  # fmt: skip
STORE_NAMES = {"store", "_store", "prefs", "_prefs", "user", "user_store", "entity_prefs"}
OWNERS = ("core/session/", "core/store/")  # the session, and the stores themselves
# Merges a file into whatever target it is given; the command line gives it the session.
TARGET_AGNOSTIC = ("core/export/annotation_import.py",)


def _modules() -> list[tuple[str, ast.Module]]:
    files = sorted(PACKAGE.rglob("*.py"))
    return [(p.relative_to(PACKAGE).as_posix(), ast.parse(p.read_text(encoding="utf-8"))) for p in files]


def _receiver_name(node: ast.expr) -> str:
    if isinstance(node, ast.Attribute):
        return node.attr
    if isinstance(node, ast.Name):
        return node.id
    return ""


def test_no_code_outside_the_session_calls_a_store_write() -> None:
    bypasses = []
    for name, tree in _modules():
        if name.startswith(OWNERS) or name in TARGET_AGNOSTIC:
            continue
        for node in ast.walk(tree):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in WRITES
                    and _receiver_name(node.func.value) in STORE_NAMES):  # fmt: skip
                bypasses.append(f"{name}:{node.lineno} {ast.unparse(node.func)}")
    assert bypasses == []


def test_the_window_never_opens_a_store_itself() -> None:
    opened = []
    for name, tree in _modules():
        if not name.startswith(("ui/", "commands/")):
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module in ("reader.core.store.user_data",
                                                                    "reader.core.store.entity_prefs"):  # fmt: skip
                names = [a.name for a in node.names if a.name in ("UserStore", "EntityPrefs")]
                opened += [f"{name}:{node.lineno} {n}" for n in names]
    assert opened == []


def test_the_check_finds_a_bypass() -> None:
    """The walk above really sees a write through a store (so an empty result means something)."""
    tree = ast.parse("self.store.set_note('a', 'x')\nself.session.set_note('a', 'x')\n")
    calls = [n for n in ast.walk(tree) if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute)]
    assert [_receiver_name(c.func.value) in STORE_NAMES for c in calls] == [True, False]
