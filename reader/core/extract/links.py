"""Turn the hrefs found in a page into addresses a browser can open: resolved, filtered, never fetched.

A relative href is resolved against the page's `<base href>` (itself resolved against the page's
address) or the page's own address (the one it was saved from, else its canonical/og:url). Only
http, https and mailto links are kept: `javascript:`, in-page `#...` anchors, empty hrefs and a
relative href with no address to resolve it against are dropped.
"""

from __future__ import annotations

from urllib.parse import urljoin, urlsplit

from lxml import etree

from reader.core.article import Link

_KEPT_SCHEMES = frozenset({"http", "https", "mailto"})


def page_base(root: etree._Element, page_url: str) -> str:
    """The address relative hrefs resolve against ("" when the page does not say where it is from)."""
    base = page_url if _is_web(page_url) else ""
    for el in root.iter("base"):
        href = (el.get("href") or "").strip()
        if href:
            resolved = urljoin(base, href) if base else href
            return resolved if _is_web(resolved) else base
    return base


def resolve_href(href: str, base: str) -> str | None:
    """The absolute address of `href`, or None when it is not a link a reader can follow."""
    href = "".join(href.split()) if any(c in href for c in "\t\n\r") else href.strip()
    if not href or href.startswith("#"):
        return None
    scheme = urlsplit(href).scheme.lower() if ":" in href else ""
    if scheme:
        return href if scheme in _KEPT_SCHEMES and _has_target(href, scheme) else None
    if href.startswith("//"):
        return urljoin(base, href) if base else "https:" + href
    if not base:
        return None
    resolved = urljoin(base, href)
    if urlsplit(resolved)._replace(fragment="").geturl() == urlsplit(base)._replace(fragment="").geturl() and (
        "#" in href
    ):
        return None  # "page.html#part" pointing back into this same page
    return resolved


def resolve_links(links: tuple[Link, ...], base: str) -> tuple[Link, ...]:
    """`links` with absolute hrefs, the ones that lead nowhere a reader can go dropped."""
    out = []
    for k in links:
        href = resolve_href(k.href, base)
        if href is not None:
            out.append(Link(k.start, k.end, href))
    return tuple(out)


def _is_web(url: str) -> bool:
    return url.lower().startswith(("http://", "https://"))


def _has_target(href: str, scheme: str) -> bool:
    parts = urlsplit(href)
    return bool(parts.path) if scheme == "mailto" else bool(parts.netloc)
