"""Key bindings as data: the defaults in resources/keymap.json, the user's overrides on top.

A command that takes an argument is bound as "name argument" (`"view bookmarked": ["Ctrl+3"]`).
The older one-word names (`view-bookmarked`, `highlight-color-2`, `entity-toggle-PER`) still work
in a user's file. A user entry that names no command, has a key Qt cannot read, or takes a key
another command keeps is ignored (that command keeps its default keys) and explained in
`Keymap.warnings`; the user's file is only ever read.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from PySide6.QtGui import QKeySequence

from reader.paths import resources_dir


class Keymap(dict[str, list[str]]):
    """Command name -> keys, with the problems found in the user's file."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.warnings: list[str] = []


def default_keymap() -> dict[str, list[str]]:
    data = json.loads((resources_dir() / "keymap.json").read_text(encoding="utf-8"))
    return {str(k): [str(key) for key in v] for k, v in data.items()}


def legacy_names(names: Iterable[str]) -> dict[str, str]:
    """Old one-word name (casefolded) -> "name argument", for every name with an argument."""
    out: dict[str, str] = {}
    for name in names:
        if " " in name:
            family, arg = name.split(" ", 1)
            out[f"{family}-{arg}".casefold()] = name
    return out


def canonical_key(key: str) -> str:
    """The key as Qt reads it ("" when it cannot), so "ctrl+d" and "Ctrl+D" compare equal."""
    return QKeySequence(key).toString() if key.strip() else ""


def load_keymap(user_file: Path | None = None) -> Keymap:
    """Default bindings with the user's valid overrides on top; see `Keymap.warnings`."""
    defaults = default_keymap()
    keymap = Keymap(defaults)
    if not user_file or not user_file.is_file():
        return keymap
    where = f"In {user_file}"
    try:
        loaded = json.loads(user_file.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        keymap.warnings.append(f"{where}: the file could not be read ({exc}); the default keys are used.")
        return keymap
    if not isinstance(loaded, dict):
        keymap.warnings.append(
            f'{where}: expected an object like {{"bookmark-toggle": ["B"]}}; the default keys are used.'
        )
        return keymap
    overrides = _readable_overrides(loaded, defaults, where, keymap.warnings)
    for name in _conflicting(overrides, defaults, where, keymap.warnings):
        del overrides[name]
    keymap.update(overrides)
    return keymap


def _readable_overrides(
    loaded: dict[object, object], defaults: dict[str, list[str]], where: str, warnings: list[str]
) -> dict[str, list[str]]:
    """The user's entries that name a command and list keys Qt understands, by current name."""
    legacy = legacy_names(defaults)
    out: dict[str, list[str]] = {}
    for raw_name, keys in loaded.items():
        name = str(raw_name)
        if name not in defaults:
            name = legacy.get(name.casefold(), name)
        if name not in defaults:
            warnings.append(f'{where}: there is no command "{raw_name}"; this entry is ignored.')
            continue
        if not isinstance(keys, list) or not all(isinstance(k, str) for k in keys):
            warnings.append(f'{where}: "{raw_name}" needs a list of keys like ["Ctrl+B"]; its default keys are used.')
            continue
        bad = [k for k in keys if not canonical_key(k)]
        if bad:
            warnings.append(f'{where}: "{raw_name}" has a key that is not understood ({bad[0]!r}); '
                            "its default keys are used.")  # fmt: skip
            continue
        out[name] = list(keys)
    return out


def _conflicting(
    overrides: dict[str, list[str]], defaults: dict[str, list[str]], where: str, warnings: list[str]
) -> list[str]:
    """User entries whose keys another command also ends up with (themselves or by default)."""
    broken: set[str] = set()
    while True:
        effective = {**defaults, **{n: k for n, k in overrides.items() if n not in broken}}
        owners: dict[str, list[str]] = {}
        for name, keys in effective.items():
            for key in dict.fromkeys(canonical_key(k) for k in keys):
                owners.setdefault(key, []).append(name)
        newly = set()
        for key, names in owners.items():
            if len(names) < 2:
                continue
            users = [n for n in names if n in overrides and n not in broken]
            for name in users:
                others = ", ".join(f'"{n}"' for n in names if n != name)
                warnings.append(f'{where}: "{name}" asks for {key}, which {others} already uses; '
                                f'"{name}" keeps its default keys.')  # fmt: skip
            newly.update(users)
        if not newly:
            return sorted(broken)
        broken |= newly
