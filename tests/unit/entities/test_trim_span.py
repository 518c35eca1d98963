"""Model spans lose punctuation-only tokens at their edges; spans without a letter are dropped."""

from reader.core.entities.tagger import trim_span
from reader.core.entities.tokenize import tokenize


def spans_of(text: str) -> list[tuple[int, int]]:
    return [(s, e) for s, e in tokenize(text)]


def test_table_bar_before_a_name_is_trimmed() -> None:
    text = "| Actual spending"
    trimmed = trim_span(text, spans_of(text)[:2])
    assert trimmed is not None and text[trimmed[0] : trimmed[1]] == "Actual"


def test_a_lone_symbol_is_not_a_name() -> None:
    assert trim_span("$", spans_of("$")) is None
    assert trim_span("1996", spans_of("1996")) is None


def test_a_clean_name_is_kept_whole() -> None:
    text = "Vladimir Putin"
    assert trim_span(text, spans_of(text)) == (0, len(text))
