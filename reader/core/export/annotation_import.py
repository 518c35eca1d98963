"""Merge a W3C Web Annotation JSON file (as written by annotation_json) back into the user store.

Records are matched by id (highlights) or by article (the note, the bookmark); when both sides have one, the
newer `modified` time wins and the older is left alone, so importing the same file twice changes nothing.
"""

from __future__ import annotations

import json
import stat
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Protocol

from reader.core.annotation import HIGHLIGHT_COLORS, Bookmark, Highlight, Note, TextQuote
from reader.core.errors import ImportProblem
from reader.core.formats.jsondata import json_depth

_URN_UUID = "urn:uuid:"
_ARTICLE_URN = "urn:news-reader:article:"
# Our exports nest 7 levels; anything far deeper is not an annotation file and would exhaust the stack.
MAX_NESTING = 64
# Far past any article the size limit lets in, and inside SQLite's 64-bit integers.
MAX_POSITION = 2**31 - 1
_ADVICE = "choose a file exported as JSON annotations"


class AnnotationStore(Protocol):
    """The parts of reader.core.store.user_data.UserStore an import needs."""

    def get_highlight(self, highlight_id: str) -> Highlight | None: ...
    def restore_highlight(self, h: Highlight) -> None: ...
    def note_record(self, article_id: str) -> Note | None: ...
    def set_note(self, article_id: str, text: str, *, path: str = "") -> None: ...
    def bookmark(self, article_id: str) -> Bookmark | None: ...
    def set_bookmarked(self, article_id: str, on: bool, *, path: str = "") -> None: ...
    def set_bookmark_tags(self, article_id: str, tags: Any) -> None: ...


@dataclass
class ImportReport:
    """What an import did: counts per outcome and, for each skipped annotation, why."""

    added: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: list[str] = field(default_factory=list)

    def summary(self) -> str:
        text = f"{self.added} added, {self.updated} updated, {self.unchanged} unchanged (older or equal)"
        return text + (f", {len(self.skipped)} skipped" if self.skipped else "")


def _time(value: Any) -> datetime:
    """A comparable UTC time; missing or unreadable times count as the oldest possible."""
    try:
        t = datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        return datetime.min.replace(tzinfo=UTC)
    return t if t.tzinfo else t.replace(tzinfo=UTC)


def _newer(incoming: str, existing: str) -> bool:
    return _time(incoming) > _time(existing)


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def iter_annotations(data: Any) -> Iterator[dict[str, Any]]:
    """Annotations from a collection (pages embedded via first/next), a page, a list, or a single annotation."""
    if isinstance(data, list):
        for entry in data:
            yield from iter_annotations(entry)
        return
    if not isinstance(data, dict):
        return
    kinds = {str(k) for k in _as_list(data.get("type"))}  # str(): a hostile file may put objects here
    if "Annotation" in kinds:
        yield data
    elif "AnnotationCollection" in kinds:
        page = data.get("first")
        while isinstance(page, dict):
            yield from iter_annotations(page.get("items", []))
            page = page.get("next")
    elif "AnnotationPage" in kinds or "items" in data:
        yield from iter_annotations(data.get("items", []))


def _article_map(data: Any) -> dict[str, dict[str, Any]]:
    """IRI -> article metadata, from our `articles` extension member."""
    out: dict[str, dict[str, Any]] = {}
    if isinstance(data, dict):
        for meta in _as_list(data.get("articles")):
            if isinstance(meta, dict) and meta.get("id") and meta.get("articleId"):
                out[str(meta["id"])] = meta
    return out


def _target(anno: dict[str, Any]) -> tuple[str, list[dict[str, Any]], str]:
    """(source IRI, selectors, styleClass) of the annotation's first target."""
    targets = _as_list(anno.get("target"))
    if not targets:
        return "", [], ""
    t = targets[0]
    if isinstance(t, str):
        return t, [], ""
    if not isinstance(t, dict):
        return "", [], ""
    source = t.get("source") or t.get("id") or ""
    if isinstance(source, dict):
        source = source.get("id", "")
    selectors = [s for s in _as_list(t.get("selector")) if isinstance(s, dict)]
    return str(source), selectors, str(t.get("styleClass") or "")


def _bodies(anno: dict[str, Any], purpose: str) -> list[str]:
    out = []
    for body in _as_list(anno.get("body")):
        if isinstance(body, str):
            body = {"value": body}
        if isinstance(body, dict) and "value" in body:
            if purpose == "tagging" and body.get("purpose") != "tagging":
                continue
            if purpose != "tagging" and body.get("purpose") == "tagging":
                continue
            out.append(str(body["value"]))
    return out


def _motivations(anno: dict[str, Any]) -> set[str]:
    return {str(m).rsplit(":", 1)[-1].rsplit("#", 1)[-1] for m in _as_list(anno.get("motivation"))}


def highlight_from_annotation(anno: dict[str, Any], article_id: str, path: str) -> Highlight:
    """Rebuild a Highlight; ValueError when the annotation lacks what a highlight needs."""
    raw_id = str(anno.get("id", ""))
    if not raw_id.startswith(_URN_UUID):
        raise ValueError(f"highlight id {raw_id!r} is not a urn:uuid")
    _, selectors, style = _target(anno)
    by_type = {str(s.get("type")): s for s in selectors}
    quote = by_type.get("TextQuoteSelector")
    if quote is None or not quote.get("exact"):
        raise ValueError("highlight has no TextQuoteSelector with an exact quote")
    exact = str(quote["exact"])
    pos = by_type.get("TextPositionSelector")
    if pos is not None:
        start, end, orphan = _position(pos.get("start"), "start"), _position(pos.get("end"), "end"), False
        if not 0 <= start < end:
            raise ValueError(f"bad TextPositionSelector start={start} end={end}")
    else:  # no position: the highlight could not be placed when it was exported
        start, end, orphan = 0, len(exact), True
    return Highlight(
        id=raw_id[len(_URN_UUID):], article_id=article_id, start=start, end=end,
        quote=TextQuote(exact, str(quote.get("prefix", "")), str(quote.get("suffix", ""))),
        color=style if style in HIGHLIGHT_COLORS else "yellow", note="\n\n".join(_bodies(anno, "commenting")),
        path=path, created=str(anno.get("created", "")), modified=str(anno.get("modified", "")), orphan=orphan,
    )  # fmt: skip


def _position(value: Any, name: str) -> int:
    """A TextPositionSelector offset: a whole number from 0 to MAX_POSITION, else ValueError saying why."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError(f"TextPositionSelector {name} {value!r} is not a number")
    if isinstance(value, float) and not value.is_integer():
        raise ValueError(f"TextPositionSelector {name} {value!r} is not a whole number")
    if not 0 <= value <= MAX_POSITION:
        raise ValueError(f"TextPositionSelector {name} {value:g} is outside any article (0 to {MAX_POSITION:,})")
    return int(value)


class _Merger:
    """Applies one parsed file to a store, counting outcomes."""

    def __init__(self, store: AnnotationStore, report: ImportReport) -> None:
        self.store = store
        self.report = report

    def highlight(self, h: Highlight) -> None:
        existing = self.store.get_highlight(h.id)
        if existing is not None and not _newer(h.modified, existing.modified):
            self.report.unchanged += 1
            return
        self.store.restore_highlight(h)
        if existing is None:
            self.report.added += 1
        else:
            self.report.updated += 1

    def note(self, article_id: str, anno: dict[str, Any], path: str) -> None:
        text = "\n\n".join(_bodies(anno, "commenting"))
        if not text.strip():
            raise ValueError("the note annotation has no text")
        existing = self.store.note_record(article_id)
        if existing is not None and (not _newer(str(anno.get("modified", "")), existing.modified)
                                     or existing.text == text):
            self.report.unchanged += 1
            return
        restore = getattr(self.store, "restore_note", None)
        if restore is not None:  # keeps the exported id and times, when the store offers it
            raw_id = str(anno.get("id", ""))
            restore(Note(article_id, text, id=raw_id.removeprefix(_URN_UUID), path=path,
                         created=str(anno.get("created", "")), modified=str(anno.get("modified", ""))))
        else:
            self.store.set_note(article_id, text, path=path)
        if existing is None:
            self.report.added += 1
        else:
            self.report.updated += 1

    def bookmark(self, article_id: str, anno: dict[str, Any], path: str) -> None:
        tags = _bodies(anno, "tagging")
        existing = self.store.bookmark(article_id)
        if existing is not None and (not _newer(str(anno.get("modified", "")), existing.modified)
                                     or list(existing.tags) == tags):
            self.report.unchanged += 1
            return
        self.store.set_bookmarked(article_id, True, path=path)
        self.store.set_bookmark_tags(article_id, tags)
        if existing is None:
            self.report.added += 1
        else:
            self.report.updated += 1


def merge_annotations(data: Any, store: AnnotationStore) -> ImportReport:
    """Merge parsed Web Annotation JSON into `store`; annotations that cannot be placed are reported, not fatal."""
    report = ImportReport()
    articles = _article_map(data)
    merger = _Merger(store, report)
    for anno in iter_annotations(data):
        label = str(anno.get("id", "(no id)"))
        source, selectors, _ = _target(anno)
        meta = articles.get(source)
        article_id = str(meta["articleId"]) if meta else source.removeprefix(_ARTICLE_URN)
        if not meta and not source.startswith(_ARTICLE_URN):
            report.skipped.append(f"{label}: its target {source!r} is not one of the file's articles")
            continue
        path = str(meta.get("path", "")) if meta else ""
        motivations = _motivations(anno)
        try:
            if "bookmarking" in motivations:
                merger.bookmark(article_id, anno, path)
            elif "highlighting" in motivations or selectors:
                merger.highlight(highlight_from_annotation(anno, article_id, path))
            elif "commenting" in motivations:
                merger.note(article_id, anno, path)
            else:
                report.skipped.append(f"{label}: motivation {sorted(motivations)} is not one News Reader keeps")
        except (ValueError, KeyError, TypeError) as exc:
            report.skipped.append(f"{label}: {exc}")
    return report


def import_annotation_file(path: str | Path, store: AnnotationStore) -> ImportReport:
    """Read a .json file and merge it; ImportProblem when the file cannot be read as Web Annotation JSON."""
    p = Path(path)
    try:
        if not stat.S_ISREG(p.stat().st_mode):  # a FIFO would block the read forever
            raise ImportProblem(str(p), "not a regular file (a folder, pipe or device)", _ADVICE)
        text = p.read_text(encoding="utf-8")
    except OSError as exc:
        raise ImportProblem(str(p), f"cannot read the file ({exc.strerror or exc})", "check the path") from exc
    except UnicodeDecodeError as exc:
        raise ImportProblem(str(p), f"not valid JSON ({exc})", _ADVICE) from exc
    return merge_annotations(parse_annotation_json(text, str(p)), store)


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number JSON allows")


def parse_annotation_json(text: str, where: str) -> Any:
    """The parsed document, or ImportProblem: too deep, not JSON, NaN/Infinity, or no annotations in it."""
    depth = json_depth(text)
    if depth > MAX_NESTING:
        raise ImportProblem(where, f"nested too deeply to read: {depth:,} levels (an export has under 10)", _ADVICE)
    try:
        data = json.loads(text, parse_constant=_refuse_constant)
    except json.JSONDecodeError as exc:
        raise ImportProblem(where, f"not valid JSON ({exc})", _ADVICE) from exc
    except (ValueError, RecursionError) as exc:
        raise ImportProblem(where, f"not valid JSON ({exc})", _ADVICE) from exc
    if not any(True for _ in iter_annotations(data)):
        raise ImportProblem(where, "no W3C Web Annotations found", _ADVICE)
    return data
