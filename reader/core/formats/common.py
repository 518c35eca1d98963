"""Small helpers every loader shares: titles from file names, debris lines, text checks, byline lines."""

from __future__ import annotations

import re
from pathlib import Path

from reader.core.errors import ImportProblem
from reader.core.extract.dates import find_date

_DEBRIS = re.compile(r"^[\W_]*$")  # nothing but punctuation, pipes, rules or spaces
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_CONTROL_BYTES = bytes([*range(0x09), *range(0x0E, 0x20), 0x7F])  # the characters of _CONTROL, as bytes


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


def control_count(text: str) -> int:
    """How many characters of `text` `_CONTROL` matches.

    Why not `len(_CONTROL.findall(text))`: its control codes are all ASCII, so they are the bytes deleted from
    the text's UTF-8 (one C loop over bytes) rather than a list of matches built from a regex over every character.
    """
    raw = text.encode("utf-8", "surrogatepass")
    return len(raw) - len(raw.translate(None, _CONTROL_BYTES))


def check_is_text(text: str, path: Path) -> None:
    """Refuse decoded text that is really binary data (many control characters)."""
    sample = text[:20000]
    if not sample:
        return
    bad = control_count(sample) + sample.count("\ufffd")
    if "\x00" in sample or bad > max(8, len(sample) // 50):
        raise ImportProblem(
            str(path),
            "The file is not text: it looks like binary data or uses an unknown encoding.",
            "Only saved articles can be imported (text, Markdown, HTML, feeds, JSON or e-mail); "
            "re-save it as UTF-8 text or HTML.",
        )


# ---- Byline and dateline lines near the top of a plain-text or Markdown article ----

_MAX_BYLINE_LINE = 120
_BY_PREFIX = re.compile(r"^(?:(?:written|words|story|reporting)\s+by|by|بقلم|كتب|كتبت)\s*:?\s+", re.I)
_UPDATED = re.compile(r"^\W*(?:last\s+)?(?:updated|modified)\b|^\W*(?:آخر\s+تحديث|تم\s+التحديث|تحديث)", re.I)
# Words that may stand around a date in a dateline: labels, weekdays, "on"/"at", time zones.
_DATE_FILLER = re.compile(
    r"\b(?:published|posted|first\s+published|last\s+updated|updated|modified|on|at|the|"
    r"mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    r"gmt|utc|bst|cet|cest|est|edt|pst|pdt|am|pm|a\.m|p\.m)\b\.?"
    r"|\b[0-2]?\d[:.][0-5]\d\b|[+-][01]\d:?[0-5]\d\b"
    r"|(?:نشر|نُشر|نشرت|في|يوم|آخر\s+تحديث|تحديث|الساعة|الأحد|الاثنين|الإثنين|الثلاثاء|الأربعاء|الخميس|الجمعة|السبت)"
    r"(?![\u0600-\u06FF])",
    re.I,
)
# Parts after a comma that describe the writer rather than name them ("Staff", "Business Editor").
_ROLE = re.compile(
    r"\b(?:staff|writers?|reporters?|correspondents?|editors?|contributors?|columnist|analyst|desk|bureau|"
    r"photographer|producer|special\s+to|for\s+the)\b|^(?:for|in)\s|(?:مراسل|مراسلة|محرر|محررة|خاص)",
    re.I,
)
_PARTICLES = frozenset("al el bin ibn de da das dos del della di du la le van von der den ter y e".split())
_NOT_NAMES = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday today yesterday january february march april may "
    "june july august september october november december staff the".split()
)
_ARABIC_WORD = re.compile(r"^[\u0600-\u06FF\u0750-\u077F]+$")
_SEGMENT_SPLIT = re.compile(r"\s+[|·•/]\s+|\s+[—–-]\s+|\s*\|\s*")


class BylineLine:
    """What a byline or dateline line says: the writers, the publication date, the update date."""

    __slots__ = ("byline", "published", "updated")

    def __init__(self) -> None:
        self.byline = ""
        self.published = ""
        self.updated = ""


def _is_name(words: list[str], min_words: int) -> bool:
    """True for 1-6 words shaped like a personal or agency name (capitalised, or Arabic script)."""
    if not min_words <= len(words) <= 6 or " ".join(words).lower() in _NOT_NAMES:
        return False
    capitals = 0
    for w in words:
        w = w.strip(",")
        if _ARABIC_WORD.match(w):
            capitals += 1
        elif w.lower() in _PARTICLES or re.fullmatch(r"(?:al|el|bin)-\w+", w, re.I):
            continue
        elif w[:1].isupper() and re.fullmatch(r"[^\W\d_][\w'’.\-]*", w):
            capitals += 1
        else:
            return False
    return capitals > 0  # particles alone ("de la") are no name


def _is_place(text: str) -> bool:
    """A short place name in a dateline: `ACCRA`, `Saskatoon`, `New York`, `صور`."""
    words = text.strip(" ,،").split()
    return 0 < len(words) <= 4 and len(text) <= 40 and all(
        _ARABIC_WORD.match(w) or (w[:1].isupper() and re.fullmatch(r"[^\W\d_][\w'’.\-]*", w)) for w in words
    )


def _names(text: str, min_words: int) -> list[str] | None:
    """The names in `Jane Doe, John Roe and Ann Poe, Staff Writers`, or None if it is not that."""
    names: list[str] = []
    pieces = [p.strip() for p in re.split(r"\s*[,،]\s*", text.strip())]
    for i, piece in enumerate(pieces):
        if not piece:
            return None
        if names and (_ROLE.search(piece) and len(piece.split()) <= 6 or (i == len(pieces) - 1 and _is_place(piece))):
            continue  # a role ("Staff") or a closing place ("Washington")
        for part in re.split(r"\s+(?:and|&)\s+", piece):
            if not _is_name(part.split(), min_words):
                return None
            names.append(part)
    return names or None


def _date_segment(segment: str, found: BylineLine) -> bool:
    """Read `3 March 2025`, `ACCRA, 3 September 2025`, `Updated: Monday 4 March 2025 10:00 GMT`."""
    iso, start, end = find_date(segment)
    if not iso:
        return False
    before, after = segment[:start], segment[end:]
    if re.search(r"[^\W_]", _DATE_FILLER.sub(" ", after)):
        return False
    before = _DATE_FILLER.sub(" ", before).strip(" ,،:;-–—")
    if before and not _is_place(before):
        return False
    if _UPDATED.match(segment):
        found.updated = found.updated or iso
    else:
        found.published = found.published or iso
    return True


def parse_byline_line(line: str) -> BylineLine | None:
    """The byline and dates of a short line like `By Mara Lind | 3 March 2025`, or None.

    Every part of the line must be accounted for (names after "By", a date, a place, a role),
    so a first paragraph that merely starts with "By" ("By the end of the week, ...") is left alone.
    """
    line = line.strip()
    if not line or len(line) > _MAX_BYLINE_LINE:
        return None
    found = BylineLine()
    undecided: list[str] = []
    for segment in _SEGMENT_SPLIT.split(line):
        segment = segment.strip()
        if not segment:
            continue
        by = _BY_PREFIX.match(segment)
        if by:
            rest = segment[by.end():]
            if _date_segment_after_names(rest, found):
                continue
            names = _names(rest, 1)
            if names is None or found.byline:
                return None
            found.byline = ", ".join(names)
        elif not _date_segment(segment, found):
            undecided.append(segment)
    if not (found.published or found.updated):
        return found if found.byline and not undecided else None
    # Without "By", a line with a date may still open with the writer's name (`Mara Lind | 3 March 2025`).
    for segment in undecided:
        names = _names(segment, 2)
        if names and not found.byline:
            found.byline = ", ".join(names)
        elif not _is_place(segment):
            return None
    return found


def _date_segment_after_names(rest: str, found: BylineLine) -> bool:
    """`By Jane Doe, ACCRA, 3 September 2025` in one segment: names, then a (place and) date."""
    pieces = re.split(r"\s*[,،]\s*", rest)
    for cut in range(1, len(pieces)):
        names = _names(", ".join(pieces[:cut]), 1)
        probe = BylineLine()
        if names and _date_segment(", ".join(pieces[cut:]), probe):
            if found.byline:
                return False
            found.byline = ", ".join(names)
            found.published = found.published or probe.published
            found.updated = found.updated or probe.updated
            return True
    return False
