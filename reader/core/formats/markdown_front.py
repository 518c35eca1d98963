"""Markdown front matter: YAML read with PyYAML's safe loader, mapped onto the article's fields.

The YAML is never run (`yaml.safe_load` builds only plain values). A front matter that is not valid YAML,
or not a mapping, gives no metadata and a problem in words: the body of the file still loads.
"""

from __future__ import annotations

import datetime as dt

import yaml

from reader.core.extract.dates import normalise_date

# PyYAML's safe loader, in its libyaml (C) form where the wheel has it: the same plain values as
# `yaml.safe_load`, several times faster on the small front matters of a large import.
_SAFE_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# Real front matter is a few hundred bytes; the pure-Python YAML reader is slow on megabytes of it.
MAX_FRONT_MATTER_CHARS = 64 * 1024

_FIELD_NAMES = {
    "title": "title", "headline": "title",
    "author": "byline", "authors": "byline", "byline": "byline", "by": "byline",
    "date": "published", "published": "published", "pubdate": "published",
    "source": "source", "publisher": "source", "site": "source",
    "url": "url", "link": "url", "canonical": "url",
    "tags": "tags", "categories": "tags", "keywords": "tags",
    "description": "description", "summary": "description",
    "lang": "language", "language": "language", "image": "image",
}

_Scalar = str | int | float | dt.date


class FrontMatterProblem(ValueError):
    """Front matter that gives no metadata, with the reason in words a user can act on.

    `is_prose` is true when the YAML read as plain text or a list rather than `name: value` lines:
    the lines between the `---` rules were most likely part of the article, not metadata.
    """

    def __init__(self, reason: str, *, is_prose: bool = False) -> None:
        super().__init__(reason)
        self.is_prose = is_prose


def _as_text(value: object) -> str:
    """A scalar as the text its writer meant: YAML dates back to ISO 8601, numbers as written."""
    if isinstance(value, dt.date):  # datetime is a date too
        return value.isoformat()
    if isinstance(value, _Scalar) and not isinstance(value, bool):
        return str(value).strip()
    return ""


def _as_list(value: object) -> list[str]:
    """A YAML sequence's scalar items as text; nested lists and mappings are not field values.

    Only one level is read, so an alias bomb (a list of lists of lists...) is never expanded.
    """
    if not isinstance(value, list):
        return []
    return [t for t in (_as_text(v) for v in value) if t]


def _field_value(name: str, value: object) -> object:
    """The article field `name` from one front-matter value, or None when it gives nothing."""
    if name == "language" and value is False:
        return "no"  # YAML 1.1 reads the Norwegian code `no` as false
    items = _as_list(value) if isinstance(value, list) else []
    text = _as_text(value)
    if name == "tags":
        tags = items or [t.strip() for t in text.split(",") if t.strip()]
        return tuple(tags) or None
    joined = ", ".join(items) if items else text
    if name == "published":
        return normalise_date(items[0] if items else text) or None
    return joined or None


def front_matter_fields(source: str) -> dict[str, object]:
    """The article fields of a front matter's YAML text (without its `---` lines).

    Raises FrontMatterProblem when the text is not YAML or not a mapping of names to values.
    """
    if len(source) > MAX_FRONT_MATTER_CHARS:
        raise FrontMatterProblem(
            f"its front matter is longer than {MAX_FRONT_MATTER_CHARS // 1024} KB, so it was not read"
        )
    try:
        data = yaml.load(source, Loader=_SAFE_LOADER)  # noqa: S506 - a safe loader: plain values only
    except yaml.YAMLError as exc:
        where = getattr(exc, "problem_mark", None)
        line = f" on line {where.line + 2}" if where is not None else ""  # +2: 1-based, after the `---` line
        raise FrontMatterProblem(f"its front matter is not valid YAML{line}; check the quotes and colons") from exc
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise FrontMatterProblem("its front matter is not a list of `name: value` lines", is_prose=True)
    meta: dict[str, object] = {}
    for key, value in data.items():
        name = _FIELD_NAMES.get(str(key).lower())
        if not name or name in meta:
            continue
        found = _field_value(name, value)
        if found is not None:
            meta[name] = found
    return meta
