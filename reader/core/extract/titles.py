"""An article page's headline, chosen among the places a page writes it.

Candidates, in order of trust: the element marked `itemprop="headline"`, JSON-LD `headline`, the
social title (og:title, else twitter:title), the `<h1>` (inside `<article>` when there is one) and
`<title>`, each with a " | Site" part removed. A candidate that is the site's name or the page's
description is not a headline. Among the rest, the headline written the same way in the most places
wins (an encyclopaedia page's JSON-LD `headline` is a one-line description its `<h1>` and `<title>`
outvote; a social title written for sharing loses to the `<h1>` and `<title>` that agree), and a tie
goes to the more trusted place.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_SEPARATORS = re.compile(r"\s+(?:[|\-–—:·•»]|::)\s+")
_LONGEST_TITLE = 300


def _norm(text: str) -> str:
    return re.sub(r"[\W_]+", " ", text.casefold()).strip()


def _looks_like_site_label(text: str) -> bool:
    """Short, and every word capitalised or a domain: "BBC News", "The Daily Wave", "example.com"."""
    text = text.strip()
    words = text.split()
    if not words or len(text) > 32 or len(words) > 5:
        return False
    return all(w[:1].isupper() or w[:1].isdigit() or "." in w or not w[:1].isalpha() for w in words)


def _compact(text: str) -> str:
    return re.sub(r"[\W_]+", "", text).casefold()


def _names_site(part: str, site_key: str) -> bool:
    key = _compact(part)
    return bool(key) and (key == site_key or (len(site_key) >= 3 and site_key in key))


def strip_site_suffix(title: str, site: str) -> str:
    """`Story headline | Site Name` -> `Story headline` (also `Site - Headline`, `Headline | Section | Site`).

    With a site name, only that name (however it is spaced: "TheHill" for "The Hill") is taken off;
    with none, a last part that reads like a site label is.
    """
    seps = list(_SEPARATORS.finditer(title))
    if not seps:
        return title
    site_key = _compact(site)
    if site_key:
        if _names_site(title[seps[-1].end():], site_key):
            head = title[: seps[-1].start()].strip()
            # "Headline | Afghanistan News | Al Jazeera": a part between pipes before the site is a section.
            inner = list(_SEPARATORS.finditer(head))
            if inner and "|" in inner[-1].group(0) and "|" in seps[-1].group(0) and len(inner) == 1:
                if _looks_like_site_label(head[inner[-1].end():]) and inner[-1].start() >= 15:
                    head = head[: inner[-1].start()].strip()
            return head
        if _names_site(title[: seps[0].start()], site_key):
            return title[seps[0].end():].strip()
        return title
    # No site name known: drop a last (or, after "|", a first) part that reads like a site label.
    head, tail = title[: seps[-1].start()], title[seps[-1].end():]
    if _looks_like_site_label(tail) and len(head) >= 15:
        return head.strip()
    first_sep = seps[0]
    if "|" in first_sep.group(0) and _looks_like_site_label(title[: first_sep.start()]):
        return title[first_sep.end():].strip()
    return title


def title_parts(title: str) -> list[str]:
    """The pieces of a page title around its separators ("Headline - The Site" -> both), for source clues."""
    parts = [p.strip() for p in _SEPARATORS.split(title) if p.strip()]
    return parts if len(parts) > 1 else []


def _agree(a: str, b: str) -> bool:
    """Same headline: equal once punctuation and case go, or one a cut-off start of the other."""
    if a == b:
        return True
    short, long = sorted((a, b), key=len)
    return len(short) >= 20 and long.startswith(short) and len(short) >= 0.6 * len(long)


def _without_site(text: str, sites: list[str]) -> str:
    """`text` without the first known site name it carries; with no site known, without a site-like part."""
    for site in sites:
        stripped = strip_site_suffix(text, site)
        if stripped != text:
            return stripped
    return text if sites else strip_site_suffix(text, "")


def _part_named_elsewhere(text: str, norm: str, kept: list[tuple[str, str]]) -> tuple[str, str]:
    """"Lighthouse - Open Almanac" -> "Lighthouse" when another place gives "Lighthouse" as the headline."""
    others = {other for _, other in kept if other != norm}
    for part in title_parts(text):
        if _norm(part) in others:
            return part, _norm(part)
    return text, norm


def choose_title(candidates: Iterable[str], *, sites: Iterable[str], descriptions: Iterable[str]) -> str:
    """The headline among `candidates` (most trusted first; "" where a place is empty).

    A candidate equal to a site name never counts; one equal to the description counts only when
    another place writes the same headline (then the description merely repeats it).
    """
    site_list = [s for s in sites if s]
    site_norms = {_norm(s) for s in site_list} - {""}
    description_norms = {_norm(d) for d in descriptions if d} - {""}
    kept: list[tuple[str, str]] = []  # (shown, normalised), most trusted first
    for raw in candidates:
        text = _without_site(re.sub(r"\s+", " ", raw or "").strip(), site_list)
        norm = _norm(text)
        if norm and norm not in site_norms and len(text) <= _LONGEST_TITLE:
            kept.append((text, norm))
    kept = [_part_named_elsewhere(text, norm, kept) for text, norm in kept]
    best, best_votes = "", 0
    for i, (text, norm) in enumerate(kept):
        votes = sum(1 for j, (_, other) in enumerate(kept) if j == i or _agree(norm, other))
        if norm in description_norms and votes < 2:
            continue
        if votes > best_votes:
            best, best_votes = text, votes
    return best
