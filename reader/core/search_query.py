"""The search box's language, understood: words, "phrases", prefix*, AND/OR/NOT and `key:value` filters.

Every word the user types ends up inside an FTS5 string ("..." with quotes doubled), so no input can
change the shape of the query; a filter value reaches SQL only as a bound parameter. What cannot be
understood (an unknown filter, a date that is not a date) raises `QueryError` with a message that
names it and says what would work.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

FILTERS = ("source:", "author:", "entity:", "tag:", "is:", "has:", "before:", "after:", "title:", "text:")
IS_VALUES = {"bookmarked": "bookmarked", "unread": "unread", "read": "read", "annotated": "annotated"}
HAS_VALUES = {"note": "noted", "notes": "noted", "highlight": "highlighted", "highlights": "highlighted"}
DATE_FORMS = "2024, 2024-05 or 2024-05-31"

# A token: an optional "-", an optional `key:`, then a quoted run (closed or not) or a run without spaces.
_TOKEN = re.compile(r'(-?)(?:([A-Za-z]+):)?("[^"]*"?|[^\s"]*)')
_DATE = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")


class QueryError(ValueError):
    """A search the user typed that cannot be run; the message says why in words."""


@dataclass
class FilterSpec:
    """A search, understood. `text` and `exclude` are FTS5 expressions built only from quoted strings."""

    title: str = ""  # title words (the `title:` filter), matched as prefixes
    text: str = ""  # what must match in the title or the body
    exclude: str = ""  # what must not match (NOT word, -word)
    entity: str = ""
    tags: list[str] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)  # bookmarked, annotated, unread, read, noted, highlighted
    sources: list[str] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    before: str = ""  # published earlier than this ISO prefix
    after: str = ""  # published at or after this ISO prefix (the day after the period named)
    terms: list[str] = field(default_factory=list)  # the positive words and phrases ("prefix*"), to mark them


def fts_string(text: str, *, prefix: bool = False) -> str:
    """`text` as one FTS5 string (a phrase when it holds several words); "" when it holds no word."""
    if not re.search(r"\w", text):
        return ""
    return '"' + text.replace('"', '""') + '"' + ("*" if prefix else "")


def parse_filter(text: str) -> FilterSpec:
    """Understand the search box's text; raises `QueryError` for a filter or value it does not know."""
    spec = FilterSpec()
    groups: list[list[str]] = []  # AND of ORs
    negatives: list[str] = []
    pending_or = pending_not = False
    for m in _TOKEN.finditer(text):
        minus, key, value = m.group(1), m.group(2), m.group(3)
        if not m.group(0):
            continue
        quoted = value.startswith('"')
        bare = value.strip('"')
        if key is None and not quoted and not minus:
            if value == "OR":
                pending_or = bool(groups)
                continue
            if value == "AND":
                continue
            if value == "NOT":
                pending_not = True
                continue
        if key is not None and key.lower() not in ("text",):
            _apply_filter(spec, key.lower(), bare, m.group(0))
            pending_or = pending_not = False
            continue
        prefix = not quoted and bare.endswith("*")
        word = bare.rstrip("*") if prefix else bare
        term = fts_string(word, prefix=prefix)
        if not term:
            continue
        if minus or pending_not:
            negatives.append(term)
        elif pending_or:
            groups[-1].append(term)
            spec.terms.append(word + "*" * prefix)
        else:
            groups.append([term])
            spec.terms.append(word + "*" * prefix)
        pending_or = pending_not = False
    spec.text = " AND ".join(g[0] if len(g) == 1 else "(" + " OR ".join(g) + ")" for g in groups)
    spec.exclude = " OR ".join(negatives)
    return spec


def _apply_filter(spec: FilterSpec, key: str, value: str, written: str) -> None:
    if f"{key}:" not in FILTERS:
        raise QueryError(f"Unknown filter '{key}:'. Filters: {', '.join(FILTERS)} (put a word with a colon in quotes"
                         f" to search for it).")  # fmt: skip
    if not value:
        raise QueryError(f"The filter '{key}:' needs a value after the colon, as in {_EXAMPLES[key]}.")
    if key == "source":
        spec.sources.append(value)
    elif key == "author":
        spec.authors.append(value)
    elif key == "entity":
        spec.entity = value
    elif key == "tag":
        spec.tags.append(value)
    elif key == "title":
        spec.title = f"{spec.title} {value}".strip()
    elif key in ("is", "has"):
        known = IS_VALUES if key == "is" else HAS_VALUES
        flag = known.get(value.lower())
        if flag is None:
            choices = ", ".join(f"{key}:{v}" for v in known if not v.endswith("s") or key == "is")
            raise QueryError(f"Unknown value in '{written}'. Use {choices}.")
        spec.flags.append(flag)
    else:
        start, end = period(value, written)
        if key == "before":
            spec.before = start
        else:
            spec.after = end


def period(value: str, written: str) -> tuple[str, str]:
    """The ISO prefixes that start the period `value` names and start the one after it ("2024" -> 2024, 2025)."""
    m = _DATE.match(value)
    try:
        if m is None:
            raise ValueError
        year, month, day = int(m.group(1)), int(m.group(2) or 0), int(m.group(3) or 0)
        if day:
            d = date(year, month, day)
            nxt = date.fromordinal(d.toordinal() + 1)
            return d.isoformat(), nxt.isoformat()
        if month:
            date(year, month, 1)  # checks the month
            return f"{year:04d}-{month:02d}", f"{year + month // 12:04d}-{month % 12 + 1:02d}"
        return f"{year:04d}", f"{year + 1:04d}"
    except ValueError:
        raise QueryError(f"Cannot read the date in '{written}'. Write it as {DATE_FORMS}.") from None


_EXAMPLES = {
    "source": "source:courier", "author": 'author:"Ana Tamm"', "entity": 'entity:"Vladimir Putin"',
    "tag": "tag:energy", "is": "is:unread", "has": "has:note", "before": "before:2024-05",
    "after": "after:2024", "title": "title:budget", "text": "text:harbour",
}  # fmt: skip
