"""JSON, JSON Lines and JSON Feed files of news items, read through the usual field names."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from reader.core.article import Article, make_article
from reader.core.errors import ImportProblem
from reader.core.extract.dates import normalise_date
from reader.core.extract.source_name import tidy_source
from reader.core.formats.common import check_is_text, title_from_path
from reader.core.formats.encoding import decode_bytes
from reader.core.formats.feeds import body_blocks, inline_text

TITLE_KEYS = ("title", "headline", "name", "subject")
BODY_KEYS = ("content_html", "articleBody", "article_body", "body", "content", "text", "content_text",
             "fullText", "full_text", "story", "description", "summary")
AUTHOR_KEYS = ("author", "authors", "byline", "creator", "by", "writer")
DATE_KEYS = ("date_published", "datePublished", "published", "publishedAt", "published_at", "pubDate", "date",
             "created", "created_at", "timestamp", "time", "date_modified", "updated")
URL_KEYS = ("url", "link", "href", "permalink", "external_url", "canonical_url", "uri")
SOURCE_KEYS = ("source", "site", "site_name", "publisher", "outlet", "feed", "domain", "newspaper")
LANG_KEYS = ("language", "lang", "inLanguage", "locale")
TAG_KEYS = ("tags", "keywords", "categories", "topics", "subjects")
IMAGE_KEYS = ("image", "image_url", "urlToImage", "banner_image", "thumbnail", "top_image")
_CONTAINER_KEYS = ("items", "articles", "results", "data", "entries", "posts", "news", "stories", "docs", "hits")
_MAX_DEPTH = 40
_TRUNCATION_MARK = re.compile(r"\s*\[\+\d+ chars\]\s*$")


def _first(item: dict[str, Any], keys: tuple[str, ...]) -> Any:
    lowered = {k.lower(): v for k, v in item.items() if isinstance(k, str)}
    for key in keys:
        value = item.get(key, lowered.get(key.lower()))
        if value not in (None, "", [], {}):
            return value
    return None


def _as_text(value: Any) -> str:
    """A display string from a string, a {name: ...} object or a list of either."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, dict):
        return _as_text(value.get("name") or value.get("title") or value.get("@id") or value.get("url")
                        or value.get("id"))
    if isinstance(value, list):
        parts = [_as_text(v) for v in value[:20]]
        return ", ".join(p for p in parts if p)
    return ""


def _tags(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        items = value.split(",")
    elif isinstance(value, list):
        items = [_as_text(v) for v in value[:50]]
    else:
        return ()
    return tuple(dict.fromkeys(t.strip() for t in items if t and t.strip()))


def item_article(item: dict[str, Any], path: Path, fmt: str, defaults: dict[str, str]) -> Article | None:
    """One news item object as an article, or None when it has neither title nor text."""
    body = _first(item, BODY_KEYS)
    if isinstance(body, list):
        body = "\n\n".join(_as_text(p) for p in body)
    body_text = _as_text(body) if not isinstance(body, str) else body
    body_text = _TRUNCATION_MARK.sub("", body_text)  # news APIs cut bodies: "... [+1234 chars]"
    blocks = body_blocks(body_text) if body_text else []
    title = inline_text(_as_text(_first(item, TITLE_KEYS)))
    if not title and not blocks:
        return None
    url = _as_text(_first(item, URL_KEYS))
    description = _as_text(_first(item, ("summary", "description")))
    return make_article(
        title=title or (blocks[0].text[:80] if blocks else title_from_path(path)),
        blocks=blocks,
        path=str(path),
        format=fmt,
        byline=_as_text(_first(item, AUTHOR_KEYS)) or defaults.get("byline", ""),
        published=normalise_date(_first(item, DATE_KEYS)),
        source=tidy_source(_as_text(_first(item, SOURCE_KEYS))) or defaults.get("source", ""),
        url=url if url.startswith(("http://", "https://", "/")) or "." in url else "",
        language=_as_text(_first(item, LANG_KEYS)) or defaults.get("language", ""),
        description=description if blocks and description != blocks[0].text else "",
        image=_as_text(_first(item, IMAGE_KEYS)),
        tags=_tags(_first(item, TAG_KEYS)),
    )


def _items(data: Any, depth: int = 0) -> list[dict[str, Any]]:
    """News item objects in a decoded document: the object itself, an array, or a wrapped array."""
    if depth > _MAX_DEPTH:
        return []
    if isinstance(data, list):
        out: list[dict[str, Any]] = []
        for entry in data:
            if isinstance(entry, dict):
                out.append(entry)
            elif isinstance(entry, list):
                out.extend(_items(entry, depth + 1))
        return out
    if isinstance(data, dict):
        for key in _CONTAINER_KEYS:
            inner = data.get(key)
            if isinstance(inner, list) and any(isinstance(x, dict) for x in inner):
                return _items(inner, depth + 1)
        return [data]
    return []


_JSON_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"')
_JSON_BRACKET = re.compile(r"[\[\]{}]")


def json_depth(text: str) -> int:
    """How deeply arrays and objects nest in JSON text (strings skipped); read without recursion."""
    depth = deepest = 0
    for m in _JSON_BRACKET.finditer(_JSON_STRING.sub("", text)):
        depth = depth + 1 if m.group() in "[{" else max(0, depth - 1)
        deepest = max(deepest, depth)
    return deepest


def too_deep(path: Path, text: str) -> ImportProblem:
    """The problem for JSON that is valid but nested deeper than Python's parser can follow."""
    return ImportProblem(
        str(path),
        f"The file is nested too deeply to read: {json_depth(text):,} levels.",
        "News items nest a few levels at most; check that this is a news export and not generated data.",
    )


def _bad_json(path: Path, exc: Exception) -> ImportProblem:
    where = f" (line {exc.lineno})" if isinstance(exc, json.JSONDecodeError) else ""
    return ImportProblem(
        str(path),
        f"The file is not valid JSON{where}.",
        "Check that the file is complete; a JSON file cut off while saving cannot be read.",
    )


def _decode(data: bytes, path: Path) -> str:
    text, _ = decode_bytes(data)
    check_is_text(text, path)
    return text


def _defaults(doc: Any) -> dict[str, str]:
    if not isinstance(doc, dict):
        return {}
    return {
        "source": _as_text(doc.get("title") if "items" in doc else _first(doc, SOURCE_KEYS)),
        "language": _as_text(doc.get("language")),
        "byline": _as_text(doc.get("authors") or doc.get("author")) if "items" in doc else "",
    }


def load_json(data: bytes, path: Path, fmt: str = "json") -> list[Article]:
    """Load a JSON document holding one news item, an array of them, or a wrapper with an array."""
    text = _decode(data, path)
    try:
        doc = json.loads(text)
    except RecursionError as exc:
        raise too_deep(path, text) from exc
    except ValueError as exc:
        raise _bad_json(path, exc) from exc
    defaults = _defaults(doc)
    articles = [a for item in _items(doc) if (a := item_article(item, path, fmt, defaults)) is not None]
    return articles


def load_jsonfeed(data: bytes, path: Path) -> list[Article]:
    """Load a JSON Feed 1.0/1.1 file."""
    return load_json(data, path, "jsonfeed")


def load_jsonl(data: bytes, path: Path) -> list[Article]:
    """Load JSON Lines: one news item object per line; broken lines are skipped if others are fine."""
    text = _decode(data, path)
    articles: list[Article] = []
    errors = 0
    first_error: Exception | None = None
    for line in text.split("\n"):
        line = line.strip()
        if not line:
            continue
        try:
            doc = json.loads(line)
        except RecursionError:
            errors += 1
            first_error = first_error or too_deep(path, line)
            continue
        except ValueError as exc:
            errors += 1
            first_error = first_error or exc
            continue
        for item in _items(doc):
            article = item_article(item, path, "jsonl", {})
            if article is not None:
                articles.append(article)
    if not articles and first_error is not None:
        raise first_error if isinstance(first_error, ImportProblem) else _bad_json(path, first_error)
    return articles
