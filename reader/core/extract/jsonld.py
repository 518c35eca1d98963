"""Read schema.org article data from a page's JSON-LD scripts."""

from __future__ import annotations

import json
import re
from typing import Any

from lxml import etree

_ARTICLE_TYPES = re.compile(r"article|posting|report|newsarticle|webpage|liveblog", re.I)


def _flatten(data: Any, out: list[dict[str, Any]], depth: int = 0) -> None:
    if depth > 6:
        return
    if isinstance(data, list):
        for item in data:
            _flatten(item, out, depth + 1)
    elif isinstance(data, dict):
        out.append(data)
        graph = data.get("@graph")
        if graph is not None:
            _flatten(graph, out, depth + 1)
        main = data.get("mainEntity")
        if isinstance(main, dict | list):
            _flatten(main, out, depth + 1)


def _type_names(obj: dict[str, Any]) -> str:
    t = obj.get("@type", "")
    return " ".join(t) if isinstance(t, list) else str(t)


def article_objects(root: etree._Element) -> list[dict[str, Any]]:
    """JSON-LD objects that describe an article, best candidates first."""
    found: list[dict[str, Any]] = []
    for script in root.iter("script"):
        if "ld+json" not in (script.get("type") or "").lower():
            continue
        raw = (script.text or "").strip()
        raw = re.sub(r"^\s*(?://\s*)?<!\[CDATA\[|(?://\s*)?\]\]>\s*$", "", raw).strip().rstrip(";")
        if not raw or len(raw) > 5_000_000:
            continue
        try:
            data = json.loads(raw, strict=False)
        except (ValueError, RecursionError):
            continue
        _flatten(data, found)
    articles = [o for o in found if _ARTICLE_TYPES.search(_type_names(o))]
    # Prefer real articles over generic WebPage records.
    articles.sort(key=lambda o: 0 if re.search(r"article|posting|report", _type_names(o), re.I) else 1)
    return articles


def names(value: Any) -> list[str]:
    """Names from a schema.org Person/Organization value (string, object or list)."""
    if isinstance(value, str):
        return [value.strip()] if value.strip() else []
    if isinstance(value, dict):
        return names(value.get("name"))
    if isinstance(value, list):
        out: list[str] = []
        for v in value[:10]:
            out.extend(names(v))
        return out
    return []


def first_url(value: Any) -> str:
    """A URL from a schema.org image/url value (string, ImageObject or list)."""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, dict):
        return first_url(value.get("url") or value.get("@id") or value.get("contentUrl"))
    if isinstance(value, list) and value:
        return first_url(value[0])
    return ""


def text_value(value: Any) -> str:
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, list) and value and isinstance(value[0], str):
        return value[0].strip()
    return ""
