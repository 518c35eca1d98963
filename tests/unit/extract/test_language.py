"""The language identifier (CLD2) and the rule for unknown languages, on sentences written for the tests."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.extract.language import (
    guess_language,
    identify,
    language_name,
    may_hold_english_names,
)

sys.path.insert(0, str(Path(__file__).parent))
from language_texts import ARTICLES  # noqa: E402


@pytest.mark.parametrize("language", ["pl", "sv", "tr", "id", "da", "ro", "en"])
def test_each_issue_language_is_identified(language: str) -> None:
    assert guess_language(ARTICLES[language]) == language


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Rząd przyjął we wtorek projekt ustawy o ochronie lasów państwowych.", "pl"),
        ("Pemerintah daerah membuka kembali pasar tradisional yang rusak akibat kebakaran.", "id"),
        ("Hükümet, orman yangınlarıyla mücadele için yeni bir plan açıkladı.", "tr"),
        ("הממשלה אישרה ביום שלישי תקציב חדש לשיפוץ בתי הספר בעיר", "he"),  # CLD2 says "iw"
        ("В субботу в центральном парке открылся новый каток", "ru"),
    ],
)
def test_one_sentence_is_enough(text: str, language: str) -> None:
    assert guess_language(text) == language


@pytest.mark.parametrize(
    "text",
    [
        "",
        "ok",
        "Gdańsk Wrzeszcz 08:15",  # three words: a timetable line, not a language
        "Oslo – Bergen 3:2",
        "Photo: Jan Kowalski",
    ],
)
def test_too_short_to_tell_is_unknown(text: str) -> None:
    assert guess_language(text) == ""
    assert may_hold_english_names(text)  # a caption may be English: the model still runs on it


def test_half_and_half_is_unknown_and_not_english() -> None:
    mixed = f"{ARTICLES['en']} {ARTICLES['tr']}"
    assert guess_language(mixed) == ""
    assert not may_hold_english_names(mixed)


def test_english_with_a_short_quote_stays_english() -> None:
    text = f"{ARTICLES['en']} A sign outside read: „Zamknięte do odwołania”."
    assert guess_language(text) == "en"


def test_unknown_language_runs_the_name_model_only_on_english_looking_text() -> None:
    # Indonesian is written in plain ASCII words, so only the identifier's best guess tells it apart.
    assert not may_hold_english_names(ARTICLES["id"])
    assert not may_hold_english_names(ARTICLES["pl"])
    assert may_hold_english_names(ARTICLES["en"])


def test_characters_cld2_refuses_are_no_crash() -> None:
    text = "Budget\x03 news\x7f from \ud800the council\x9b meeting on Tuesday night \ufffe in town"
    assert identify(text).language == "en"


def test_language_names_for_the_panel() -> None:
    assert language_name("pl") == "Polish"
    assert language_name("pl-PL") == "Polish"
    assert language_name("id") == "Indonesian"
    assert language_name("he") == "Hebrew"
    assert language_name("zh-Hant") == "Chinese (Traditional)"
    assert language_name("qq") == "qq"  # not a language we know: shown as given


@pytest.mark.parametrize("text", [
    "The council met on 3 May_2024 at 10:30; it voted 7-2 (see item #4) and can't meet again.\n\tx_y 42abc",
    "",
    "Der Stadtrat tagte am Montag. 東京で会議 was held — “quoted” ok",  # not ASCII: the three-pass count
])
def test_word_count_of_ascii_text_is_the_count_of_the_general_path(text: str) -> None:
    from reader.core.extract import language

    general = len(language._UNSPACED.findall(text)) + len(language._WORD.findall(language._UNSPACED.sub(" ", text)))
    assert language.count_words(text) == general
    assert language.count_words("It was 5 o'clock in x_y.") == 7  # It was o clock in x y: digits never count


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=127)))
def test_word_count_of_any_ascii_text_is_the_patterns_count(text: str) -> None:
    from reader.core.extract import language

    assert language.count_words(text) == len(language._WORD.findall(text))  # letters only: _, digits split words
