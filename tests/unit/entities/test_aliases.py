"""The alias table: one key per real-world entity, from the shipped data and the user's own rules."""

from __future__ import annotations

import json
from pathlib import Path

from reader.core.entities import EntitySpan, group_mentions
from reader.core.entities.aliases import AliasTable, Entity, builtin_table, load_table, name_key
from reader.paths import resources_dir


def test_names_differing_in_case_dots_the_and_possessive_share_a_key() -> None:
    assert {name_key(t, "LOC") for t in ("U.S.", "US", "the U.S.'s", "u.s")} == {"us"}
    assert name_key("Acme Corp.", "ORG") == name_key("Acme", "ORG") == "acme"
    assert name_key("Sammy Davis Jr.", "PER") == "sammy davis jr"
    assert name_key("$3.5 billion", "MONEY") == "$3.5 billion"  # not a name: its dot is a decimal point


def test_the_shipped_table_joins_the_well_known_aliases() -> None:
    table = builtin_table()
    for text, typ in (("U.S.", "LOC"), ("US", "ORG"), ("United States of America", "LOC"), ("America", "MISC")):
        assert table.resolve(text, typ) == ("united states", "LOC"), text
    assert {table.resolve(t, "LOC")[0] for t in ("UK", "U.K.", "Britain", "Great Britain")} == {"united kingdom"}
    assert table.resolve("EU", "ORG") == table.resolve("European Union", "LOC") == ("european union", "ORG")
    assert table.resolve("U.N.", "ORG")[0] == "united nations"
    assert table.resolve("Tallinn", "LOC") == ("tallinn", "LOC")  # unknown names keep their own key and type


def test_a_person_is_never_a_country_by_the_shipped_table() -> None:
    table = AliasTable({"jordan": Entity("Jordan", "LOC"), "america": Entity("United States", "LOC")})
    assert table.resolve("Jordan", "LOC") == ("jordan", "LOC")
    assert table.resolve("Jordan", "PER") == ("jordan", "PER")
    assert table.resolve("America", "PER") == ("america", "PER")


def test_every_shipped_entry_says_where_it_comes_from_and_no_name_means_two_entities() -> None:
    data = json.loads((resources_dir() / "entities" / "aliases.json").read_text(encoding="utf-8"))
    seen: dict[str, str] = {}
    for entry in data["entities"]:
        assert entry["source"].strip() and entry["type"] in ("ORG", "LOC", "MISC"), entry["name"]
        for alias in [entry["name"], *entry["aliases"]]:
            key = name_key(alias, entry["type"])
            assert seen.setdefault(key, entry["name"]) == entry["name"], f"{alias} names two entities"


def test_user_rules_apply_to_persons_follow_chains_and_never_loop(tmp_path: Path) -> None:
    path = tmp_path / "aliases.json"
    path.write_text(json.dumps({"version": 3, "entities": [
        {"name": "Harbour Board", "type": "ORG", "aliases": ["HB"], "source": "test"}]}), encoding="utf-8")
    table = load_table(path)
    assert table.version == "3" and table.resolve("HB", "ORG") == ("harbour board", "ORG")
    user = table.with_user([("Kask", "Peeter Kask"), ("Port Board", "HB"), ("A", "B"), ("B", "A")])
    assert user.resolve("Kask", "PER") == ("peeter kask", "PER")
    assert user.resolve("Port Board", "ORG") == ("harbour board", "ORG")  # through the shipped alias
    assert user.resolve("A", "ORG")[0] in {"a", "b"}  # a loop ends
    assert user.names_of("harbour board") == ["harbour board", "hb", "port board"]
    assert user.user_keys()["kask"] == "peeter kask"
    assert table.resolve("Kask", "PER") == ("kask", "PER")  # the base table is left as it was


def test_the_panel_groups_aliases_as_one_entity() -> None:
    text = "The U.S. and the United States. America."
    spans = [EntitySpan(4, 8, "LOC", "U.S."), EntitySpan(17, 30, "LOC", "United States"),
             EntitySpan(32, 39, "ORG", "America")]  # fmt: skip
    [group] = group_mentions(spans)
    assert (group.name, group.type, group.count, group.key) == ("United States", "LOC", 3, "united states")
    assert all(text[s.start : s.end] == s.text for s in spans)
