"""News-page rules: photo credits, all-caps technical words and hyphenated given names (sentences we wrote)."""

from __future__ import annotations

from reader.core.entities import tag
from reader.core.entities.conll import iob_spans
from reader.core.entities.newsrules import apply_news_rules, credit_tokens, named_days
from reader.core.entities.tokenize import tokenize


def _names(sent: list[str], tags: list[str]) -> list[tuple[str, str]]:
    return [(" ".join(sent[a:b]), typ) for a, b, typ in iob_spans(tags)]


def test_courtesy_credit_is_not_a_person() -> None:
    sent = ["Courtesy", "Google"]
    assert _names(sent, apply_news_rules(sent, ["B-PER", "I-PER"])) == []


def test_photo_credit_line_with_agency() -> None:
    sent = "Photo : Maria Lindqvist / AFP via Getty Images".split()
    tags = ["O", "O", "B-PER", "I-PER", "O", "B-ORG", "O", "B-PER", "I-PER"]
    assert _names(sent, apply_news_rules(sent, tags)) == []


def test_agency_byline_in_brackets() -> None:
    sent = "The mayor speaks in Leeds ( AP Photo / Tom Ferris )".split()
    tags = ["O", "O", "O", "O", "B-LOC", "O", "B-ORG", "O", "O", "B-PER", "I-PER", "O"]
    assert _names(sent, apply_news_rules(sent, tags)) == [("Leeds", "LOC")]


def test_names_outside_credits_stay() -> None:
    sent = "Google said Stadia would close , Sundar Pichai told staff .".split()
    tags = ["B-ORG", "O", "B-ORG", "O", "O", "O", "B-PER", "I-PER", "O", "O", "O"]
    assert apply_news_rules(sent, tags) == tags
    assert credit_tokens(sent) == [False] * len(sent)


def test_credit_cue_needs_its_colon() -> None:
    # "Image" as an ordinary word (no colon or "by" after it) opens no credit.
    sent = "Image Comics hired Ana Ruiz .".split()
    assert credit_tokens(sent) == [False] * len(sent)


def test_tech_acronyms_are_not_organisations() -> None:
    sent = "Paste the URL into the API of your PC , IBM said .".split()
    tags = ["O", "O", "B-ORG", "O", "O", "B-ORG", "O", "O", "B-ORG", "O", "B-ORG", "O", "O"]
    assert _names(sent, apply_news_rules(sent, tags)) == [("IBM", "ORG")]


def test_known_organisation_in_capitals_stays() -> None:
    sent = "Shares of TV Azteca rose .".split()
    tags = ["O", "O", "B-ORG", "I-ORG", "O", "O"]
    assert _names(sent, apply_news_rules(sent, tags, {"tv azteca"})) == [("TV Azteca", "ORG")]
    single = ["AI", "rose"]
    assert _names(single, apply_news_rules(single, ["B-ORG", "O"], {"ai"})) == [("AI", "ORG")]
    assert _names(single, apply_news_rules(single, ["B-ORG", "O"])) == []


def test_hyphenated_given_name_joins_the_family_name() -> None:
    sent = "Lee Jae-myung met Han Dong-hoon in Seoul .".split()
    tags = ["B-PER", "O", "O", "B-PER", "B-LOC", "O", "B-LOC", "O"]
    fixed = apply_news_rules(sent, tags)
    assert _names(sent, fixed) == [("Lee Jae-myung", "PER"), ("Han Dong-hoon", "PER"), ("Seoul", "LOC")]


def test_family_name_joins_a_given_name_found_alone() -> None:
    sent = "President Moon Jae-in spoke .".split()
    tags = ["O", "O", "B-PER", "O", "O"]
    assert _names(sent, apply_news_rules(sent, tags)) == [("Moon Jae-in", "PER")]


def test_compounds_with_a_name_are_not_given_names() -> None:
    sent = "Smith Putin-backed forces".split()
    tags = ["B-PER", "O", "O"]
    assert _names(sent, apply_news_rules(sent, tags)) == [("Smith", "PER")]


def test_hyphenated_given_names_are_one_token() -> None:
    text = "Lee Jae-myung and Han Dong-hoon"
    assert [text[s:e] for s, e in tokenize(text)] == ["Lee", "Jae-myung", "and", "Han", "Dong-hoon"]


def test_tag_leaves_credit_lines_out() -> None:
    text = ("Stadia players gathered in London on Friday.\n\nCourtesy Google\n\n"
            "Photo: Getty Images\n\nA new controller. Photo by Jane Holm/AFP via Getty Images")
    found = {(sp.text, sp.type) for sp in tag(text)}
    assert not {name for name, typ in found if typ in ("PER", "ORG", "LOC", "MISC")} & {
        "Google", "Courtesy Google", "Getty Images", "Getty", "Jane Holm", "AFP", "Holm"}
    assert ("London", "LOC") in found


def test_capitalised_words_and_day_are_one_event() -> None:
    sent = "Polls close on Election Day , and Labor Day and St. Patrick 's Day follow Christmas Day .".split()
    tags = ["O", "O", "O", "B-ORG", "I-ORG", "O", "O", "B-LOC", "I-LOC", "O", "O", "O", "O", "O", "O", "O",
            "B-MISC", "O"]
    assert _names(sent, apply_news_rules(sent, tags)) == [
        ("Election Day", "MISC"), ("Labor Day", "MISC"), ("St. Patrick 's Day", "MISC"), ("Christmas Day", "MISC")]
    sent = "the offices will be closed on Martin Luther King Jr. Day this year".split()
    tags = ["O"] * 6 + ["B-ORG", "I-ORG", "I-ORG", "O", "O", "O", "O"]  # the run of words begins inside a name
    assert _names(sent, named_days(sent, tags)) == [("Martin Luther King Jr. Day", "MISC")]


def test_a_persons_day_and_longer_names_with_day_stay() -> None:
    sent = "Doris Day and Jason Day met the Earth Day Network on Day 3 .".split()
    tags = ["B-PER", "I-PER", "O", "O", "O", "O", "O", "B-ORG", "I-ORG", "I-ORG", "O", "O", "O", "O"]
    assert _names(sent, named_days(sent, tags)) == [("Doris Day", "PER"), ("Earth Day Network", "ORG")]


def test_a_title_case_headline_makes_no_new_day_name() -> None:
    sent = "Turnout Is Low As Voters Mark Flag Day".split()
    assert named_days(sent, ["O"] * len(sent)) == ["O"] * len(sent)


def test_tag_marks_a_named_day_whole() -> None:
    found = [(sp.text, sp.type) for sp in tag("Shops close on Memorial Day. Christmas Day fell on a Monday.")]
    assert found == [("Memorial Day", "MISC"), ("Christmas Day", "MISC"), ("Monday", "DATE")]  # not "Day" alone
