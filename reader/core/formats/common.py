"""Small helpers every loader shares: titles from file names, debris lines, text checks."""

from __future__ import annotations

import re
from pathlib import Path

from reader.core.errors import ImportProblem

_DEBRIS = re.compile(r"^[\W_]*$")  # nothing but punctuation, pipes, rules or spaces
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def title_from_path(path: Path) -> str:
    """A readable title from a file name, used when the file itself has none."""
    name = path.name
    for suffix in reversed(path.suffixes):
        name = name[: -len(suffix)] if name.lower().endswith(suffix.lower()) and len(suffix) < 10 else name
    name = re.sub(r"[_\-.]+", " ", name).strip()
    return name[:1].upper() + name[1:] if name else path.name


def is_debris(line: str) -> bool:
    """A line with no letters or digits at all (`|  |`, `-----`, `* * *`)."""
    return bool(_DEBRIS.match(line))


def check_is_text(text: str, path: Path) -> None:
    """Refuse decoded text that is really binary data (many control characters)."""
    sample = text[:20000]
    if not sample:
        return
    bad = len(_CONTROL.findall(sample)) + sample.count("\ufffd")
    if "\x00" in sample or bad > max(8, len(sample) // 50):
        raise ImportProblem(
            str(path),
            "The file is not text: it looks like binary data or uses an unknown encoding.",
            "Only saved articles can be imported (text, Markdown, HTML, feeds, JSON or e-mail); "
            "re-save it as UTF-8 text or HTML.",
        )
