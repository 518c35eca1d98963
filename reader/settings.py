"""Settings: a small JSON file in the config folder, with defaults for what is missing."""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

from reader.core.atomic_write import write_atomic

log = logging.getLogger(__name__)

DEFAULTS: dict[str, Any] = {
    "theme": "light",  # light | dark | sepia | system
    "max_import_mb": 50,
    "reading_font_size": 12,
    "reading_line_chars": 70,  # the widest reading line, in average characters of the reading font
    "reading_font_family": "",  # "" is the system's default font
    "reading_line_spacing": 145,  # percent of the font's line height
    "single_key_shortcuts": True,  # keys that type a character (j, k, /) run commands when no text field has focus
    "show_entities": True,
    "hidden_entity_types": [],
    "pdf_page_size": "A4",
    "palette_recent": [],  # the palette's last choices, newest first: kind, label, key, article_id, entity_type
}


class Settings:
    """Read once, written atomically on every change, so a crash never leaves half a file.

    Writing never raises: a full disk or a read-only folder must not keep the window from closing.
    `save` returns False and `write_error` says what went wrong.
    """

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.values: dict[str, Any] = dict(DEFAULTS)
        self.error = ""
        self.write_error = ""
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

    def set(self, key: str, value: Any) -> bool:
        """Change one setting and save; False when it could not be saved (it still holds for this session)."""
        self.values[key] = value
        return self.save()

    def save(self) -> bool:
        """Write the file atomically; False (and `write_error` set, the reason logged) when that failed."""
        if self.error:  # never overwrite a file we could not read
            return False
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(self.path, json.dumps(self.values, indent=2, sort_keys=True))
        except (OSError, TypeError, ValueError) as exc:
            self.write_error = f"Your settings could not be saved to {self.path} ({exc}); they hold until you quit."
            log.warning("%s", self.write_error)
            return False
        self.write_error = ""
        return True
