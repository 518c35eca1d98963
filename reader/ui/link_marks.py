"""How links look in the reading pane: text in its own colour, a solid underline in the link colour, a tooltip.

A link keeps the text's colour because coloured text already means an entity here (people are blue with a
solid underline, as links are on the web): a link is the one mark that is only an underline. It is drawn in
two passes around the other mark layers. Under them, it gives its text the anchor and the href, so an
entity's colour still wins. Over them, it gives the underline in the link colour and a tooltip naming the
address after whatever the text's own tooltip says (an entity, a highlight's note), so every link looks like
one and says where it goes.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from PySide6.QtGui import QColor, QTextCharFormat

from reader.core.article import Link
from reader.core.safe_text import strip_controls
from reader.ui.plain_text import safe_tooltip

LINK_ONLY_TEXT = "This item has no text of its own. Open its link: "


class Tipped(Protocol):
    """A mark of another layer, as far as link tooltips care."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def tooltip(self) -> str: ...


def shown_href(href: str) -> str:
    """The address as text to show: control characters (bidi overrides among them) cannot disguise it."""
    return strip_controls(href)


def link_tooltip(href: str, above: str = "") -> str:
    """The tooltip of a link's text: what the text's own mark says, then where the link goes; never markup."""
    line = f"Link: {shown_href(href)}"
    return safe_tooltip(f"{above}\n{line}" if above else line)


def link_base_format(href: str) -> QTextCharFormat:
    """Under the other layers: the anchor with its href (the text keeps its colour)."""
    fmt = QTextCharFormat()
    fmt.setAnchor(True)
    fmt.setAnchorHref(href)
    return fmt


def link_top_format(color: QColor, tooltip: str) -> QTextCharFormat:
    """Over the other layers: the solid underline in the link colour, and the tooltip."""
    fmt = QTextCharFormat()
    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
    fmt.setUnderlineColor(color)
    fmt.setToolTip(tooltip)
    return fmt


def link_format(color: QColor, href: str) -> QTextCharFormat:
    """Both passes at once, for text no other layer covers yet (a new article, a link-only item's line)."""
    fmt = link_base_format(href)
    fmt.merge(link_top_format(color, link_tooltip(href)))
    return fmt


def drawn_links(links: Sequence[Link]) -> list[Link]:
    """The links in text order, the first one winning where two overlap (a character has one href)."""
    out: list[Link] = []
    for k in sorted(links, key=lambda k: (k.start, -k.end)):
        if k.start < k.end and (not out or k.start >= out[-1].end):
            out.append(k)
    return out


def tooltip_pieces(
    href: str, layers: Sequence[Sequence[Tipped]], start: int, end: int
) -> list[tuple[int, int, str]]:
    """[start, end) of a link cut where the tooltip of the marks over it changes, each piece with its tooltip.

    The top-most layer's mark with a tooltip speaks for the text, as it does outside links.
    """
    tipped = [[m for m in marks if m.tooltip and m.start < end and m.end > start] for marks in layers]
    cuts = {start, end}
    for marks in tipped:
        for m in marks:
            cuts.update(p for p in (m.start, m.end) if start < p < end)
    points = sorted(cuts)
    out: list[tuple[int, int, str]] = []
    for lo, hi in zip(points, points[1:], strict=False):
        above = ""
        for marks in tipped:
            above = next((m.tooltip for m in reversed(marks) if m.start <= lo and m.end >= hi), above)
        tip = link_tooltip(href, above)
        if out and out[-1][2] == tip:
            out[-1] = (out[-1][0], hi, tip)
        else:
            out.append((lo, hi, tip))
    return out
