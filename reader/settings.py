"""Settings: a small JSON file in the config folder, with defaults for what is missing."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

DEFAULTS: dict[str, Any] = {
    "theme": "light",  # light | dark
    "max_import_mb": 50,
    "reading_font_size": 12,
    "reading_line_chars": 70,  # the widest reading line, in average characters of the reading font
    "show_entities": True,
    "hidden_entity_types": [],
    "pdf_page_size": "A4",
}


class Settings:
    """Read once, written atomically on every change, so a crash never leaves half a file."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.values: dict[str, Any] = dict(DEFAULTS)
        self.error = ""
        try:
            loaded = json.loads(self.path.read_text(encoding="utf-8"))
            if isinstance(loaded, dict):
                self.values.update(loaded)
        except FileNotFoundError:
            pass
        except (OSError, ValueError) as exc:  # keep the defaults, keep the broken file for the user
            self.error = f"The settings file {self.path} could not be read ({exc}); defaults are used."

    def get(self, key: str, default: Any = None) -> Any:
        return self.values.get(key, DEFAULTS.get(key, default))

    def set(self, key: str, value: Any) -> None:
        self.values[key] = value
        self.save()

    def save(self) -> None:
        if self.error:  # never overwrite a file we could not read
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".tmp")
        tmp.write_text(json.dumps(self.values, indent=2, sort_keys=True), encoding="utf-8")
        os.replace(tmp, self.path)
