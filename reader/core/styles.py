"""How entity types and highlight colours look, for the reading pane and every export (Qt-free).

Styles are data and colours are chosen when drawing: the pane picks the light or dark colour for its
theme, the exports (drawn on white paper) the light one. One table, so the window, the HTML, the
Markdown and the PDF never disagree on a name or a colour.
"""

from __future__ import annotations

from dataclasses import dataclass

from reader.core.entities import ENTITY_TYPES


@dataclass(frozen=True)
class EntityStyle:
    """One entity type's look: names for people, text colour per theme, and an underline pattern."""

    label: str  # singular, for tooltips and menus
    plural: str  # for legends, panels and export headings
    light: str  # text colour on light paper
    dark: str  # text colour on dark paper
    underline: str  # second cue, apart from colour: solid, dash, wave, dot, dash-dot, dash-dot-dot
    pattern: str  # the underline in words, for tooltips

    def color(self, theme: str) -> str:
        return self.dark if theme == "dark" else self.light


# From a palette that stays apart for common colour-vision deficiencies (blue, vermillion, bluish
# green, reddish purple, yellow), darkened for light paper and lightened for dark, each with at least
# 4.5:1 contrast against the page. Types sharing a colour also share their underline: they are kinds
# of one thing (a time of day is a date-like mention, a percentage a number).
ENTITY_STYLES: dict[str, EntityStyle] = {
    "PER": EntityStyle("Person", "People", "#0b5cad", "#7cb9ff", "solid", "solid line"),
    "ORG": EntityStyle("Organisation", "Organisations", "#a84700", "#ffa468", "dash", "dashes"),
    "LOC": EntityStyle("Place", "Places", "#00704f", "#4fd6a8", "wave", "wave"),
    "MISC": EntityStyle("Other name", "Other names", "#9a2f7c", "#f095d4", "dot", "dots"),
    "DATE": EntityStyle("Date", "Dates", "#6e5800", "#e2cb5c", "dash-dot", "dash-dot"),
    "TIME": EntityStyle("Time", "Times", "#6e5800", "#e2cb5c", "dash-dot", "dash-dot"),
    "MONEY": EntityStyle("Money", "Money", "#4e44a8", "#b9b4ff", "dash-dot-dot", "dash-dot-dot"),
    "PERCENT": EntityStyle("Percentage", "Percentages", "#4e44a8", "#b9b4ff", "dash-dot-dot", "dash-dot-dot"),
    "QUANTITY": EntityStyle("Quantity", "Quantities", "#4e44a8", "#b9b4ff", "dash-dot-dot", "dash-dot-dot"),
}
if set(ENTITY_STYLES) != set(ENTITY_TYPES):  # pragma: no cover - caught by the tests at once
    raise RuntimeError("every entity type the tagger emits needs exactly one style")


def entity_style(entity_type: str) -> EntityStyle:
    """The style of a type; a type from elsewhere (old data, another tagger) looks like MISC."""
    return ENTITY_STYLES.get(entity_type.upper(), ENTITY_STYLES["MISC"])


def entity_plural(entity_type: str) -> str:
    """The plural heading of a type; a type without a style is shown as given."""
    style = ENTITY_STYLES.get(entity_type.upper())
    return style.plural if style else entity_type.title()


@dataclass(frozen=True)
class HighlightStyle:
    """One highlight colour: its menu label and the backgrounds behind text, per theme and on paper."""

    label: str  # with the menu mnemonic
    light: str  # background under dark text (light theme, and exports)
    dark: str  # background under light text (dark theme)
    accent: str  # darker shade: note edges, and the underline printers keep when they drop backgrounds
    note: str  # the paler background of a note box in exports

    def background(self, theme: str) -> str:
        return self.dark if theme == "dark" else self.light


# Order is the menu order; the names are what the user data stores.
HIGHLIGHT_STYLES: dict[str, HighlightStyle] = {
    "yellow": HighlightStyle("&Yellow", "#fff0a0", "#5d5220", "#b89400", "#fffae0"),
    "green": HighlightStyle("&Green", "#c9efc0", "#2c5232", "#3f8f3a", "#eef8ea"),
    "blue": HighlightStyle("B&lue", "#c7e1fb", "#254766", "#2f6fb5", "#edf4fd"),
    "pink": HighlightStyle("&Pink", "#fdd0e0", "#62304a", "#c2457a", "#fdeef4"),
    "purple": HighlightStyle("P&urple", "#e3d5fb", "#47376b", "#7a52c2", "#f4effd"),
}
DEFAULT_HIGHLIGHT = "yellow"


def highlight_style(color: str) -> HighlightStyle:
    """The style of a stored colour name; unknown names (old or foreign data) show as yellow."""
    return HIGHLIGHT_STYLES.get(color, HIGHLIGHT_STYLES[DEFAULT_HIGHLIGHT])


# --- contrast (WCAG 2) ----------------------------------------------------------------------


def _rgb(color: str) -> tuple[float, float, float]:
    value = color.strip().lstrip("#")
    if len(value) == 3:
        value = "".join(ch * 2 for ch in value)
    if len(value) != 6 or any(ch not in "0123456789abcdefABCDEF" for ch in value):
        raise ValueError(f"not a #rrggbb colour: {color!r}")
    r, g, b = (int(value[i : i + 2], 16) / 255 for i in (0, 2, 4))
    return r, g, b


def relative_luminance(color: str) -> float:
    """WCAG relative luminance of a #rrggbb colour (0 for black, 1 for white)."""

    def channel(v: float) -> float:
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    r, g, b = _rgb(color)
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast_ratio(a: str, b: str) -> float:
    """WCAG contrast ratio of two #rrggbb colours, from 1 (same) to 21 (black on white)."""
    hi, lo = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)
