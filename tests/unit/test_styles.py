"""One table of entity and highlight styles: the pane and every export show the same names and colours."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from bs4 import BeautifulSoup

from reader.core.annotation import HIGHLIGHT_COLORS
from reader.core.article import Block, make_article
from reader.core.entities import patterns, tagger
from reader.core.export import ExportItem, ExportOptions
from reader.core.export.html import to_html
from reader.core.export.html_style import HIGHLIGHT_PALETTE, TEXT_COLOR
from reader.core.export.markdown import to_markdown
from reader.core.export.text import to_text
from reader.core.styles import ENTITY_STYLES, HIGHLIGHT_STYLES, contrast_ratio, relative_luminance
from reader.ui.entity_marks import entity_color, entity_format, entity_tooltip, legend_rows
from reader.ui.highlight_marks import background, color_label


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    type: str
    text: str


def emitted_types() -> set[str]:
    """What the shipped tagger can put on a span: the trained model's labels and the rules' types."""
    labels = tagger._get_model().labels
    return {lab[2:] for lab in labels if lab != "O"} | {typ for typ, _ in patterns._RULES}


def item_with_every_type() -> ExportItem:
    words = [f"word{t.lower()}" for t in ENTITY_STYLES]
    text = " ".join(words)
    article = make_article(title="Every type", blocks=[Block(text)], path="every.txt", format="text")
    spans, at = [], 0
    for t, w in zip(ENTITY_STYLES, words, strict=True):
        spans.append(Span(at, at + len(w), t, w))
        at += len(w) + 1
    return ExportItem(article, (), None, None, spans)


def test_every_type_the_tagger_emits_has_a_style_and_no_other() -> None:
    emitted = emitted_types()
    assert emitted == {"PER", "ORG", "LOC", "MISC", "DATE", "TIME", "MONEY", "PERCENT", "QUANTITY"}
    assert set(ENTITY_STYLES) == emitted
    for foreign in ("PERSON", "GPE", "NORP", "EVENT", "PRODUCT"):
        assert foreign not in ENTITY_STYLES


def test_pane_and_html_export_show_the_same_colour_and_label_for_every_type() -> None:
    html = to_html(item_with_every_type(), ExportOptions(include_entities=True, exported="2026-11-26T12:00:00Z"))
    soup = BeautifulSoup(html, "lxml")
    css = soup.style.get_text()
    legend = {li.span["class"][0]: li.span.get_text() for li in soup.select(".entities li")}
    pane_legend = {t: plural for t, plural, _ in legend_rows("light")}
    for t, style in ENTITY_STYLES.items():
        pane = entity_color(t, "light").name()
        assert entity_format(t, "light").foreground().color().name() == pane
        assert f".ent-{t.lower()} {{ text-decoration: underline; text-decoration-color: {pane}; }}" in css, t
        assert f".key-ent-{t.lower()} {{ color: {pane}; font-weight: bold; }}" in css, t
        assert legend[f"key-ent-{t.lower()}"] == pane_legend[t] == style.plural
    assert pane_legend["MISC"] == "Other names"
    assert entity_tooltip("MISC", "Euro") == "Other name: Euro"


def test_markdown_and_text_legends_use_the_pane_names() -> None:
    options = ExportOptions(include_entities=True, exported="2026-11-26T12:00:00Z")
    md = to_markdown(item_with_every_type(), options)
    text = to_text(item_with_every_type(), options)
    for t, style in ENTITY_STYLES.items():
        assert f"- **{style.plural}**: word{t.lower()}" in md
        assert f"{style.plural}: word{t.lower()}" in text
    assert "Other names" in md and "- **Other**:" not in md


def test_highlight_colours_are_the_stored_names_and_agree_in_pane_and_export() -> None:
    assert tuple(HIGHLIGHT_STYLES) == HIGHLIGHT_COLORS
    for name, style in HIGHLIGHT_STYLES.items():
        assert background(name, "light").name() == HIGHLIGHT_PALETTE[name][0] == style.light
        assert background(name, "dark").name() == style.dark
        assert color_label(name) == style.label
    assert background("teal", "light").name() == HIGHLIGHT_STYLES["yellow"].light


@pytest.mark.parametrize("name", list(HIGHLIGHT_STYLES))
def test_exported_highlights_and_entities_read_on_paper(name: str) -> None:
    assert contrast_ratio(HIGHLIGHT_STYLES[name].light, TEXT_COLOR) >= 4.5
    for t, style in ENTITY_STYLES.items():
        assert contrast_ratio(style.light, "#ffffff") >= 4.5, t


def test_contrast_helper_matches_wcag() -> None:
    assert relative_luminance("#000000") == 0 and relative_luminance("#fff") == pytest.approx(1)
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21)
    assert contrast_ratio("#ffffff", "#000000") == pytest.approx(21)
    assert contrast_ratio("#777777", "#777777") == pytest.approx(1)
    assert contrast_ratio("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)  # WCAG's classic grey
    with pytest.raises(ValueError, match="colour"):
        relative_luminance("yellow")
