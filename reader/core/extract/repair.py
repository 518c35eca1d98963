"""Mend markup libxml2's HTML parser would lose text on: HTML5 void elements and very deep nesting.

libxml2 knows the HTML 4 void elements only, so an unclosed `<embed>`, `<source>`, `<track>` or `<wbr>`
becomes the parent of the whole rest of the page (and `<embed>` is dropped with its content). It also stops
at 256 levels of nesting (a hard limit against stack exhaustion) and throws the deeper text away. Both are
mended on the string before parsing, in linear time.
"""

from __future__ import annotations

import re

# Void in HTML5 but not in libxml2's tables; the quoted-attribute alternatives keep a ">" inside a value.
_VOID_OPEN = re.compile(
    r"""<(embed|source|track|wbr|keygen)\b((?:[^>"']|"[^"]*"|'[^']*')*)>""", re.I
)
_TAG = re.compile(r"""<(/?)([A-Za-z][A-Za-z0-9:-]*)\b(?:[^>"']|"[^"]*"|'[^']*')*>""")
_VOID = frozenset(
    "area base basefont br col embed frame hr img input isindex keygen link meta param source track wbr".split()
)
_BLOCKISH = frozenset(
    "address article aside blockquote center dd details div dl dt fieldset figcaption figure footer form h1 h2 "
    "h3 h4 h5 h6 header li main nav ol p pre section summary table tbody thead tfoot tr td th ul".split()
)
MAX_DEPTH = 200  # well under libxml2's 256, leaving room for the html/body levels it adds itself


def close_void_elements(html: str) -> str:
    """Close every HTML5 void element libxml2 would otherwise leave open around the rest of the page."""
    return _VOID_OPEN.sub(lambda m: f"<{m.group(1)}{m.group(2).rstrip('/')}></{m.group(1)}>", html)


def nesting_depth(html: str, *, xml: bool = False) -> int:
    """The deepest element nesting of the markup (void elements and stray closing tags counted as HTML does).

    With `xml`, no element is void: only `<x/>` closes itself (an RSS `<link>` holds its address).
    """
    void = frozenset() if xml else _VOID
    depth = deepest = 0
    for m in _TAG.finditer(html):
        name = m.group(2).lower()
        if name in void or m.group(0).endswith("/>"):
            continue
        if m.group(1):
            depth = max(0, depth - 1)
        else:
            depth += 1
            deepest = max(deepest, depth)
    return deepest


def flatten_deep(html: str, limit: int = MAX_DEPTH, *, xml: bool = False) -> str:
    """The markup with every tag deeper than `limit` levels removed, its text kept.

    A removed block element (div, p, li...) leaves a <br>, so its text still starts a new line. With
    `xml`, no element is void and a removed element leaves nothing (a <br> would be a new element).
    """
    void = frozenset() if xml else _VOID
    blockish = frozenset() if xml else _BLOCKISH
    out: list[str] = []
    pos = 0
    stack: list[tuple[str, bool]] = []  # (tag, kept) of the open elements
    for m in _TAG.finditer(html):
        out.append(html[pos:m.start()])
        pos = m.end()
        name = m.group(2).lower()
        if name in void or m.group(0).endswith("/>"):
            out.append(m.group(0) if len(stack) < limit else "")
            continue
        if not m.group(1):
            kept = len(stack) < limit
            stack.append((name, kept))
            out.append(m.group(0) if kept else ("<br>" if name in blockish else ""))
            continue
        # A closing tag closes the nearest open element of its name (and any left open inside it).
        for i in range(len(stack) - 1, max(-1, len(stack) - 64), -1):
            if stack[i][0] == name:
                kept = stack[i][1]
                del stack[i:]
                out.append(m.group(0) if kept else ("<br>" if name in blockish else ""))
                break
    out.append(html[pos:])
    return "".join(out)
