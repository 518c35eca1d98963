"""Document-level rules (docrules.py): short forms take the long name's type, common words alone are
no names, and what the library shows for them (sentences we wrote)."""

from __future__ import annotations

from reader.core.entities import tag
from reader.core.entities.aliases import AliasTable, Entity
from reader.core.entities.conll import iob_spans
from reader.core.entities.docrules import DEFAULT_RULES, DocRules, apply_document_rules
from reader.core.entities.knowledge import Knowledge
from reader.core.entities.mentions import group_mentions
from reader.core.entities.modern import ModernName, ModernNames

# Frequency buckets as the model ships them (wordfreq's Zipf, rounded down) and a word list, for the words used here.
KNOWLEDGE = Knowledge({"CITY": ["reading"]}, {"plan": "5", "red": "5", "summit": "5", "apple": "5", "us": "6",
                                              "stage": "5", "hunter": "4", "reading": "5", "oh": "5", "la": "5"})
NO_LISTS = ModernNames({})
NO_ALIASES = AliasTable({})


def names(doc: list[str], tags: list[list[str]], rules: DocRules = DEFAULT_RULES, modern: ModernNames = NO_LISTS,
          aliases: AliasTable = NO_ALIASES) -> list[tuple[str, str]]:
    """(words, type) of every name after the rules; `doc` holds one sentence per string, tokens split by spaces."""
    sents = [s.split() for s in doc]
    out = apply_document_rules(sents, tags, KNOWLEDGE, rules, modern, aliases)
    return [(" ".join(s[a:b]), t) for s, tg in zip(sents, out, strict=True) for a, b, t in iob_spans(tg)]


def person_groups(text: str) -> list[tuple[str, str, int]]:
    return [(g.name, g.type, g.count) for g in group_mentions(tag(text, "en")) if g.type in ("PER", "ORG", "LOC")]


# --- through the tagger: what the user sees -------------------------------------------------------


def test_hunter_biden_and_hunter_are_one_person() -> None:
    # The model reads "Hunter" as a place beside the person "Biden"; the document says who he is.
    text = "Lawyers for Hunter Biden filed papers on Monday. Hunter faces three counts."
    assert person_groups(text) == [("Hunter Biden", "PER", 2)]


def test_plan_of_a_programme_name_is_no_organisation() -> None:
    text = "It's called Plan & Grow BIG. The Plan stage comes first: think and dream."
    assert [(s.text, s.type) for s in tag(text, "en") if s.type in ("ORG", "PER", "LOC", "MISC")] == []


def test_wi_fi_is_not_a_name() -> None:
    text = "Wi-Fi 6, formerly known as 802.11ax, has hit the market this year as the next generation of Wi-Fi."
    assert [s.text for s in tag(text, "en") if s.type in ("ORG", "PER", "LOC", "MISC")] == []


def test_a_company_named_with_its_legal_form_stays_a_company() -> None:
    text = "Apple Inc. reported higher sales on Tuesday. Apple said its phones sold well in China."
    found = [(s.text, s.type) for s in tag(text, "en") if s.type in ("ORG", "PER", "LOC")]
    assert found == [("Apple Inc.", "ORG"), ("Apple", "ORG"), ("China", "LOC")]


# --- the rules on tags we give them -----------------------------------------------------------------


def test_a_short_form_takes_the_type_of_the_person_it_stands_for() -> None:
    doc = ["Jeffrey Epstein was arrested .", "Lawyers for Epstein 's victims spoke ."]
    tags = [["B-PER", "I-PER", "O", "O", "O"], ["O", "O", "B-LOC", "O", "O", "O"]]
    assert names(doc, tags) == [("Jeffrey Epstein", "PER"), ("Epstein", "PER")]


def test_a_word_the_document_mostly_calls_something_else_keeps_its_type() -> None:
    # One wrong person ("Stadia Buser") does not make the product of every other sentence a person.
    doc = ["Stadia Buser said so .", "Stadia launched .", "Stadia costs less ."]
    tags = [["B-PER", "I-PER", "O", "O", "O"], ["B-MISC", "O", "O"], ["B-MISC", "O", "O", "O"]]
    assert names(doc, tags)[1:] == [("Stadia", "MISC"), ("Stadia", "MISC")]


def test_a_listed_modern_name_keeps_its_type() -> None:
    listed = ModernNames({"Stadia": (ModernName(("Stadia",), "MISC"),)})
    doc = ["Stadia Buser said so .", "Stadia launched ."]
    tags = [["B-PER", "I-PER", "O", "O", "O"], ["B-MISC", "O", "O"]]
    assert names(doc, tags, modern=listed)[1] == ("Stadia", "MISC")
    assert names(doc, tags)[1] == ("Stadia", "PER")  # unlisted, the vote is even and the person wins


def test_a_place_just_before_a_person_is_the_first_name() -> None:
    doc = ["They asked about Joe and Hunter Biden ."]
    tags = [["O", "O", "O", "B-PER", "O", "B-LOC", "B-PER", "O"]]
    assert names(doc, tags) == [("Joe", "PER"), ("Hunter Biden", "PER")]


def test_a_place_before_a_full_name_stays_a_place() -> None:
    # "envoy to Ukraine Kurt Volker": two names side by side, not one.
    doc = ["The envoy to Hunter Kurt Volker spoke ."]
    tags = [["O", "O", "O", "B-LOC", "B-PER", "I-PER", "O", "O"]]
    assert names(doc, tags) == [("Hunter", "LOC"), ("Kurt Volker", "PER")]


def test_a_place_with_a_comma_before_a_person_stays_a_place() -> None:
    doc = ["In Texas , Ann Roe said so ."]
    tags = [["O", "B-LOC", "O", "B-PER", "I-PER", "O", "O", "O"]]
    assert names(doc, tags) == [("Texas", "LOC"), ("Ann Roe", "PER")]


def test_a_common_word_alone_is_no_name() -> None:
    doc = ["In the Plan stage , set goals .", "Containers : 1 Green , 1 Red ."]
    tags = [["O", "O", "B-ORG", "O", "O", "O", "O", "O"], ["O", "O", "O", "O", "O", "O", "B-ORG", "O"]]
    assert names(doc, tags) == []
    assert names(doc, tags, DocRules(common_zipf=6)) == [("Plan", "ORG"), ("Red", "ORG")]  # not that common


def test_abbreviations_are_not_taken_for_the_words_they_spell() -> None:
    doc = ["Cincinnati , OH @ Riverbend", "He spoke in Monroe , La . , on Monday ."]
    tags = [["B-LOC", "O", "B-LOC", "O", "O"], ["O", "O", "O", "B-LOC", "O", "B-LOC", "O", "O", "O", "O", "O"]]
    assert [n for n, _t in names(doc, tags)] == ["Cincinnati", "OH", "Monroe", "La"]


def test_a_heading_of_common_words_gives_no_evidence() -> None:
    # "The Plan Stage" is a heading in title case, not the name that makes "Plan" a company.
    doc = ["The Plan Stage : think .", "Plan & Grow BIG helps ."]
    tags = [["O", "B-ORG", "I-ORG", "O", "O", "O"], ["B-ORG", "O", "O", "O", "O"]]
    assert names(doc, tags) == [("Plan Stage", "ORG")]


def test_a_common_word_the_model_lists_as_a_place_stays() -> None:
    doc = ["Reading won 2-1 .", "Summit lost ."]
    tags = [["B-ORG", "O", "O", "O"], ["B-ORG", "O", "O"]]
    assert names(doc, tags) == [("Reading", "ORG")]


def test_a_common_word_with_a_company_word_or_a_title_is_a_name_all_through() -> None:
    doc = ["Summit Inc. cut jobs .", "Summit said sales fell ."]
    tags = [["B-ORG", "I-ORG", "O", "O", "O"], ["B-ORG", "O", "O", "O", "O"]]
    assert names(doc, tags) == [("Summit Inc.", "ORG"), ("Summit", "ORG")]
    doc = ["Summit Inc. cut jobs .", "Summit said sales fell ."]  # the company word outside the name
    tags = [["B-ORG", "O", "O", "O", "O"], ["B-ORG", "O", "O", "O", "O"]]
    assert names(doc, tags) == [("Summit", "ORG"), ("Summit", "ORG")]
    doc = ["Summit said sales fell ."]
    assert names(doc, [["B-ORG", "O", "O", "O", "O"]]) == []


def test_the_alias_table_and_the_modern_names_keep_a_common_word() -> None:
    doc = ["US forces left .", "Apple said so ."]
    tags = [["B-ORG", "O", "O", "O"], ["B-ORG", "O", "O", "O"]]
    aliases = AliasTable({"us": Entity("United States", "LOC")})
    listed = ModernNames({"Apple": (ModernName(("Apple",), "ORG", word=True),)})
    assert names(doc, tags, modern=listed, aliases=aliases) == [("US", "ORG"), ("Apple", "ORG")]


def test_a_common_word_is_judged_by_the_knowledge_it_is_given_each_time() -> None:
    # The verdict on a word is kept between documents: a model that calls "Plan" rare must not get the first one's.
    doc = ["Plan said sales fell ."]
    tags = [["B-ORG", "O", "O", "O", "O"]]
    rare = Knowledge({}, {"plan": "3"})
    sents = [s.split() for s in doc]
    spans = lambda k: [iob_spans(t) for t in apply_document_rules(sents, tags, k, DEFAULT_RULES, NO_LISTS, NO_ALIASES)]  # noqa: E731
    assert spans(KNOWLEDGE) == [[]]
    assert spans(rare) == [[(0, 1, "ORG")]]
    assert spans(KNOWLEDGE) == [[]]
    assert names(doc, tags, DocRules(common_zipf=4)) == []
    assert names(doc, tags, DocRules(common_zipf=6)) == [("Plan", "ORG")]


def test_a_short_form_counts_every_mention_of_each_type() -> None:
    # "Jordan" ends a person's name once and is called a place twice alone: the place wins; once alone: the person.
    doc = ["Michael Jordan spoke .", "Jordan won .", "In Jordan , Jordan rose ."]
    tags = [["B-PER", "I-PER", "O", "O"], ["B-LOC", "O", "O"], ["O", "B-LOC", "O", "B-LOC", "O", "O"]]
    assert names(doc, tags) == [("Michael Jordan", "PER"), ("Jordan", "LOC"), ("Jordan", "LOC"), ("Jordan", "LOC")]
    assert names(doc[:2], tags[:2]) == [("Michael Jordan", "PER"), ("Jordan", "PER")]


def test_a_common_word_in_a_longer_name_of_its_type_is_a_name_alone_too() -> None:
    # "Red Hunter" (no company word, no title) has a word that is no common word: "Red" alone is that team;
    # a longer name of another type says nothing about it.
    doc = ["Red Hunter won .", "Red lost ."]
    tags = [["B-ORG", "I-ORG", "O", "O"], ["B-ORG", "O", "O"]]
    assert names(doc, tags) == [("Red Hunter", "ORG"), ("Red", "ORG")]
    tags = [["B-PER", "I-PER", "O", "O"], ["B-ORG", "O", "O"]]
    assert names(doc, tags) == [("Red Hunter", "PER")]
