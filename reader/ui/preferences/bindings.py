"""The user's key bindings: what differs from the defaults, the file that keeps it, and the live shortcuts.

Only overrides are written to `keymap.json`, so new default keys in a later version still reach the
user for every command they never rebound. A file we could not read is never silently replaced: it is
moved to `keymap.json.bak` first.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

from reader.core.atomic_write import write_atomic
from reader.ui.commands import CommandRegistry
from reader.ui.keymap import canonical_key

_CHORD_MODIFIERS = (
    Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.MetaModifier
)


def same_keys(a: list[str], b: list[str]) -> bool:
    return [canonical_key(k) for k in a] == [canonical_key(k) for k in b]


def overrides(keymap: dict[str, list[str]], defaults: dict[str, list[str]]) -> dict[str, list[str]]:
    """The entries of `keymap` that differ from `defaults`: all the user's file needs to hold."""
    return {n: list(k) for n, k in keymap.items() if not same_keys(k, defaults.get(n, []))}


def key_owner(keymap: dict[str, list[str]], key: str, *, besides: str) -> str | None:
    """The command other than `besides` that has `key`, if any."""
    wanted = canonical_key(key)
    for name, keys in keymap.items():
        if name != besides and wanted in (canonical_key(k) for k in keys):
            return name
    return None


def is_single_key(key: str) -> bool:
    """A key that types a character (a letter, digit, sign or space), alone or with Shift: "J", "?", "G, N"."""
    seq = QKeySequence(key)
    if seq.isEmpty():
        return False
    for i in range(seq.count()):
        combo = seq[i]  # type: ignore[index]  # the stubs lack __getitem__
        if combo.keyboardModifiers() & _CHORD_MODIFIERS or int(combo.key()) >= 0x01000000:  # Qt's non-text keys
            return False
    return True


def readable_file(path: Path) -> bool:
    """True when `path` is missing or holds a JSON object (so writing over it loses nothing)."""
    try:
        return isinstance(json.loads(path.read_text(encoding="utf-8")), dict)
    except FileNotFoundError:
        return True
    except (OSError, ValueError):
        return False


def backup_path(path: Path) -> Path:
    return path.with_name(path.name + ".bak")


def save_overrides(path: Path, data: dict[str, list[str]]) -> None:
    """Write `data` to `path` atomically; an unreadable file there is kept as `<name>.bak`. Raises OSError."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists() and not readable_file(path):
        os.replace(path, backup_path(path))
    write_atomic(path, json.dumps(data, indent=2, ensure_ascii=False) + "\n")


def apply_bindings(registry: CommandRegistry, keymap: dict[str, list[str]], *, single_keys: bool) -> None:
    """Give every command its keys from `keymap` now; without `single_keys`, keys that type a character do nothing."""
    registry.keymap = keymap
    for name, command in registry.commands.items():
        command.keys = [k for k in keymap.get(name, []) if single_keys or not is_single_key(k)]
        if command.action is not None:
            command.action.setShortcuts([QKeySequence(k) for k in command.keys])
