"""Modern organisations and products (`modern.py`, `resources/entities/modern_names.json`), on sentences we wrote."""

from __future__ import annotations

import json
from pathlib import Path

from reader.core.entities import tag
from reader.core.entities.modern import MODERN_FILE, ModernNames, apply_modern_names, load_names
from reader.paths import resources_dir


def _names(text: str) -> list[tuple[str, str]]:
    return [(s.text, s.type) for s in tag(text, "en") if s.type in ("PER", "ORG", "LOC", "MISC")]


def test_companies_products_and_outlets_in_a_sentence() -> None:
    text = ("Amazon said on Monday that Google's Stadia had lost players, and Wikileaks published the memo "
            "with a picture from Getty Images.")
    assert _names(text) == [("Amazon", "ORG"), ("Google", "ORG"), ("Stadia", "MISC"), ("Wikileaks", "ORG"),
                            ("Getty Images", "ORG")]


def test_listed_name_swallowed_after_and_is_cut_out() -> None:
    sent = "The photo was taken by Liu He and Getty Images".split()
    tags = ["O", "O", "O", "O", "O", "B-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG"]
    assert apply_modern_names(sent, tags) == ["O"] * 5 + ["B-ORG", "I-ORG", "O", "B-ORG", "I-ORG"]


def test_longer_name_around_a_listed_one_stays() -> None:
    sent = "Michael Bloomberg and Amazon Web Services".split()
    tags = ["B-PER", "I-PER", "O", "B-ORG", "I-ORG", "I-ORG"]
    assert apply_modern_names(sent, tags) == tags
    firm = "Morgan Stanley and Co said".split()
    firm_tags = ["B-ORG", "I-ORG", "I-ORG", "I-ORG", "O"]
    assert apply_modern_names(firm, firm_tags) == firm_tags


def test_word_names_only_retype_and_place_names_after_the() -> None:
    names = _table([{"name": "Apple", "type": "ORG", "word": True}, {"name": "Amazon", "type": "ORG", "place": True}])
    sent = ["Apple", "pie", "is", "sweet"]
    assert apply_modern_names(sent, ["O"] * 4, names) == ["O"] * 4
    assert apply_modern_names(sent, ["B-PER", "O", "O", "O"], names) == ["B-ORG", "O", "O", "O"]
    river = ["Boats", "sail", "up", "the", "Amazon"]
    assert apply_modern_names(river, ["O"] * 4 + ["B-LOC"], names) == ["O"] * 4 + ["B-LOC"]
    assert apply_modern_names(["Amazon", "said"], ["B-LOC", "O"], names) == ["B-ORG", "O"]


def test_every_entry_names_a_listed_source() -> None:
    data = json.loads((resources_dir() / "entities" / MODERN_FILE).read_text(encoding="utf-8"))
    sources = data["sources"]
    assert all(len(text) > 15 for text in sources.values())
    assert data["entries"]
    for entry in data["entries"]:
        assert entry["source"] in sources, entry
        assert entry["type"] in ("ORG", "MISC"), entry
    names = [e["name"] for e in data["entries"]]
    assert len(names) == len(set(names))


def _table(entries: list[dict[str, object]]) -> ModernNames:
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "names.json"
        path.write_text(json.dumps({"entries": [{"source": "x", **e} for e in entries]}), encoding="utf-8")
        return load_names(path)
