"""What kind of name a name is (namerules.py, through the document rules): institutions written as common
words, people typed as companies or cut in two, products typed as companies (sentences we wrote)."""

from __future__ import annotations

from reader.core.entities import tag
from reader.core.entities.aliases import AliasTable
from reader.core.entities.conll import iob_spans
from reader.core.entities.docrules import apply_document_rules
from reader.core.entities.knowledge import Knowledge
from reader.core.entities.modern import ModernName, ModernNames
from reader.core.formats import load_file
from reader.paths import resources_dir

KNOWLEDGE = Knowledge({"GIVEN": ["ramon", "taylor"], "CTRY": ["britain"], "ORGW": ["post", "times"]},
                      {"house": "5", "post": "5", "times": "5", "plan": "5", "earth": "5", "street": "5"})
PHRASES = {"house": "ORG", "swift": "PER", "morgan stanley": "ORG", "morgan": "PER", "stanley": "PER"}


def names(doc: list[str], tags: list[list[str]], modern: ModernNames | None = None) -> list[tuple[str, str]]:
    """(words, type) of every name after the rules; `doc` holds one sentence per string, tokens split by spaces."""
    sents = [s.split() for s in doc]
    out = apply_document_rules(sents, tags, KNOWLEDGE, modern=modern or ModernNames({}), aliases=AliasTable({}),
                               phrases=PHRASES)
    return [(" ".join(s[a:b]), t) for s, tg in zip(sents, out, strict=True) for a, b, t in iob_spans(tg)]


def found(text: str) -> list[tuple[str, str]]:
    return [(s.text, s.type) for s in tag(text, "en") if s.type in ("PER", "ORG", "LOC", "MISC")]


# --- through the tagger: what the user sees -------------------------------------------------------


def test_institutions_named_with_the_stay_organisations() -> None:
    text = ("Lawmakers in the House voted on Tuesday to fund the Army for another year. A spokesman for the Army "
            "said the money would pay for new barracks, the Post reported. Officials told the Times that the vote "
            "was close.")
    assert found(text) == [("House", "ORG"), ("Army", "ORG"), ("Army", "ORG"), ("Post", "ORG"), ("Times", "ORG")]


def test_an_army_named_inside_a_phrase_stays_an_organisation() -> None:
    text = ("The hearing heard four officials on Tuesday, including a career Army officer who described the call as "
            "improper. He has served in uniform for twenty years.")
    assert ("Army", "ORG") in found(text)


def test_a_given_name_and_a_surname_are_a_person() -> None:
    assert found("Taylor Swift sang in Ohio on Friday. Crowds waited for hours to see Swift.") == [
        ("Taylor Swift", "PER"), ("Ohio", "LOC"), ("Swift", "PER")]


def test_a_product_written_as_one_stays_out_of_the_organisations() -> None:
    text = "Apple said the MagSafe 3 charger would ship in March. Apple's MagSafe was dropped in 2016."
    assert found(text) == [("Apple", "ORG"), ("MagSafe", "MISC"), ("Apple", "ORG"), ("MagSafe", "MISC")]


def test_accented_full_names_in_the_samples_are_one_person_each() -> None:
    for sample, person in (("2026-06-18-archipelago-times-manila-minimum-wage.md", "Ramon Villaseñor Cruz"),
                           ("2026-04-03-bosphorus-chronicle-manuscript-library.html", "Mehmed Şakir Efendi")):
        article = load_file(resources_dir() / "samples" / sample)
        article = article[0] if isinstance(article, list) else article
        spans = tag(article.text, "en")
        assert (person, "PER") in [(s.text, s.type) for s in spans], sample
        words = person.split()
        assert not [s for s in spans if s.text in words or s.text == " ".join(words[:-1])], sample


# --- the rules alone, on tags we give ---------------------------------------------------------------


def test_common_words_after_the_are_kept_only_as_institution_words() -> None:
    doc = ["He spoke to the House and the Post .", "We saw the Plan from the Earth on Main Street ."]
    tags = [["O", "O", "O", "O", "B-ORG", "O", "O", "B-MISC", "O"],
            ["O", "O", "O", "B-ORG", "O", "O", "B-LOC", "O", "O", "B-PER", "O"]]
    assert names(doc, tags) == [("House", "ORG"), ("Post", "ORG")]  # the newspaper, typed as one


def test_an_institution_word_between_two_lower_case_words_is_written_as_a_name() -> None:
    # the rule keeps or drops a word in the whole document: one document each
    assert names(["She is a career Post reporter ."], [["O", "O", "O", "O", "B-ORG", "O", "O"]]) == [("Post", "ORG")]
    assert names(["Senior Times editors left ."], [["O", "B-ORG", "O", "O", "O"]]) == []  # after a capital
    assert names(["a page of the Post", "two Post"], [["O"] * 4 + ["B-ORG"], ["O", "B-ORG"]]) == [
        ("Post", "ORG"), ("Post", "ORG")]  # "the" as before
    assert names(["they sent two Post"], [["O", "O", "O", "B-ORG"]]) == []  # nothing after it
    assert names(["a new Plan was made ."], [["O", "O", "B-MISC", "O", "O", "O"]]) == []  # no institution word
    assert names(["two House of Lords members"], [["O", "B-ORG", "O", "O", "O"]]) == []  # may begin a longer name


def test_the_in_a_title_case_headline_is_no_evidence() -> None:
    doc = ["Senators Read the Times Before the Vote", "The Times ran it ."]
    tags = [["O", "O", "O", "B-ORG", "O", "O", "O"], ["O", "B-MISC", "O", "O", "O"]]
    assert names(doc, tags) == []


def test_a_persons_name_continued_by_a_capitalised_word_is_one_person() -> None:
    doc = ["Speaker Ramon Villaseñor Cruz spoke .", "Smith Britain won .", "Ann Lee Britain won ."]
    tags = [["O", "B-PER", "I-PER", "B-LOC", "O", "O"], ["B-PER", "B-LOC", "O", "O"],
            ["B-PER", "I-PER", "B-LOC", "O", "O"]]
    assert names(doc, tags) == [("Ramon Villaseñor Cruz", "PER"), ("Smith", "PER"), ("Britain", "LOC"),
                                ("Ann Lee", "PER"), ("Britain", "LOC")]  # fmt: skip


def test_names_of_person_words_are_people_unless_known_otherwise() -> None:
    doc = ["Taylor Swift sang .", "Morgan Stanley rose .", "Taylor Post rose ."]
    tags = [["B-ORG", "I-ORG", "O", "O"], ["B-ORG", "I-ORG", "O", "O"], ["B-ORG", "I-ORG", "O", "O"]]
    assert names(doc, tags) == [("Taylor Swift", "PER"), ("Morgan Stanley", "ORG"), ("Taylor Post", "ORG")]


def test_each_mention_of_a_name_is_judged_alike_however_often_the_document_repeats_it() -> None:
    # the document's answer for a name is remembered: the second "Taylor Swift" is a person too, the second
    # "Morgan Stanley" stays a company, and a remembered name of the other type ("Taylor Swift" as MISC) alike
    doc = ["Taylor Swift sang .", "Morgan Stanley rose .", "Taylor Swift and Morgan Stanley met .",
           "Taylor Swift Tour ."]
    tags = [["B-ORG", "I-ORG", "O", "O"], ["B-ORG", "I-ORG", "O", "O"],
            ["B-ORG", "I-ORG", "O", "B-ORG", "I-ORG", "O", "O"], ["B-MISC", "I-MISC", "B-MISC", "O"]]
    assert names(doc, tags) == [("Taylor Swift", "PER"), ("Morgan Stanley", "ORG"), ("Taylor Swift", "PER"),
                                ("Morgan Stanley", "ORG"), ("Taylor Swift", "PER"), ("Tour", "MISC")]  # fmt: skip


def test_a_name_ending_with_an_honorific_is_a_person() -> None:
    doc = ["It was built by Mehmed Şakir Efendi in 1742 ."]
    tags = [["O", "O", "O", "O", "B-ORG", "I-ORG", "I-ORG", "O", "O", "O"]]
    assert names(doc, tags) == [("Mehmed Şakir Efendi", "PER")]


def test_inner_capital_companies_need_a_sign_of_a_product() -> None:
    apple = ModernNames({"Apple": (ModernName(("Apple",), "ORG"),)})
    doc = ["Apple 's AirPower was late .", "The AirPlay 2 update came .", "WeWork cut jobs at WeWork offices ."]
    tags = [["B-ORG", "O", "B-ORG", "O", "O", "O"], ["O", "B-ORG", "O", "O", "O", "O"],
            ["B-ORG", "O", "O", "O", "B-ORG", "O", "O"]]
    assert names(doc, tags, apple) == [("Apple", "ORG"), ("AirPower", "MISC"), ("AirPlay", "MISC"),
                                       ("WeWork", "ORG"), ("WeWork", "ORG")]  # fmt: skip
