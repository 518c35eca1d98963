"""An acronym joins the one long form its initials spell, within an article (sentences written for these tests)."""

from __future__ import annotations

from reader.core.entities import group_mentions
from reader.core.entities.acronyms import initials
from reader.core.entities.aliases import AliasTable
from tests.unit.entities.entity_spans import spans

NO_ALIASES = AliasTable({})


def named(text: str, *wanted: tuple[str, str]) -> list[tuple[str, str, int, list[str]]]:
    return [(g.name, g.type, g.count, [s.text for s in g.spans])
            for g in group_mentions(spans(text, *wanted), NO_ALIASES)]  # fmt: skip


def test_a_defined_acronym_is_one_group_named_by_the_long_form() -> None:
    text = "The National Security Council (NSC) met on Monday. The NSC said little."
    groups = named(text, ("National Security Council", "ORG"), ("NSC", "ORG"), ("NSC", "ORG"))
    assert groups == [("National Security Council", "ORG", 3, ["National Security Council", "NSC", "NSC"])]
    assert group_mentions(spans(text, ("National Security Council", "ORG"), ("NSC", "ORG")), NO_ALIASES)[0].key == (
        "national security council")


def test_the_acronym_first_and_small_words_skipped_and_a_looser_type_taking_the_long_forms() -> None:
    text = "FBI agents came. The Federal Bureau of Investigation said the F.B.I. would stay."
    groups = named(text, ("FBI", "MISC"), ("Federal Bureau of Investigation", "ORG"), ("F.B.I.", "ORG"))
    assert groups == [("Federal Bureau of Investigation", "ORG", 3, ["FBI", "Federal Bureau of Investigation",
                                                                      "F.B.I."])]  # fmt: skip


def test_two_long_forms_that_spell_it_leave_the_acronym_alone() -> None:
    text = "The National Safety Council and the National Security Council disagreed. The NSC spoke."
    groups = named(text, ("National Safety Council", "ORG"), ("National Security Council", "ORG"), ("NSC", "ORG"))
    assert sorted(g[0] for g in groups) == ["NSC", "National Safety Council", "National Security Council"]


def test_a_lower_case_or_one_letter_name_never_joins() -> None:
    text = "The European Central Bank met. Ecb watchers and the Q Division waited. Quentin Division, Q said."
    groups = named(text, ("European Central Bank", "ORG"), ("Ecb", "ORG"), ("Q", "ORG"), ("Quentin Division", "ORG"))
    assert sorted(g[0] for g in groups) == ["Ecb", "European Central Bank", "Q", "Quentin Division"]


def test_a_person_acronym_does_not_join_a_place_and_other_initials_do_not_join() -> None:
    text = "Nora Sue Carter visited New South Croydon. NSC was sunny. The ECB stayed shut."
    groups = named(text, ("Nora Sue Carter", "PER"), ("New South Croydon", "LOC"), ("NSC", "PER"), ("ECB", "ORG"))
    assert ("Nora Sue Carter", "PER", 2, ["Nora Sue Carter", "NSC"]) in groups
    assert ("ECB", "ORG", 1, ["ECB"]) in groups


def test_two_letters_join_only_where_the_article_defines_them() -> None:
    text = "Get Amazon Credit with fast AC routers. Then South Carolina (SC) voted; SC results came late."
    groups = named(text, ("Amazon Credit", "ORG"), ("AC", "ORG"), ("South Carolina", "LOC"), ("SC", "LOC"),
                   ("SC", "LOC"))  # fmt: skip
    assert ("South Carolina", "LOC", 3, ["South Carolina", "SC", "SC"]) in groups
    assert ("AC", "ORG", 1, ["AC"]) in groups


def test_initials_of_significant_words() -> None:
    assert initials("National Security Council") == "nsc"
    assert initials("Bank for International Settlements") == "bis"
    assert initials("Anti-Defamation League") == "adl"
    assert initials("Procter & Gamble") == "pg"
    assert initials("Reuters") == ""
