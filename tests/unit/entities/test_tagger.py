"""The shipped tagger on small sentences we wrote, and the shape of what `tag()` returns."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.entities import ENTITY_TYPES, EntityModelUnavailable, EntitySpan, load_model, model_loaded, tag, tagger


def _found(text: str) -> set[tuple[str, str]]:
    return {(sp.text, sp.type) for sp in tag(text)}


def test_people_places_organisations() -> None:
    found = _found("German Chancellor Angela Merkel met executives of Siemens AG in Berlin on Monday.")
    assert {("Angela Merkel", "PER"), ("Siemens AG", "ORG"), ("Berlin", "LOC"), ("German", "MISC"),
            ("Monday", "DATE")} <= found


def test_short_names_later_in_an_article() -> None:
    text = ("Foreign ministers met in Geneva.\n\nJohn Carter, a spokesman for the United Nations, "
            "said talks went well. Carter said the World Bank would help.")
    found = _found(text)
    assert {("John Carter", "PER"), ("Carter", "PER"), ("United Nations", "ORG"), ("Geneva", "LOC"),
            ("World Bank", "ORG")} <= found


def test_rule_types_and_offsets() -> None:
    text = "Japan’s exports rose 3% to $2.5 billion in March 2024, the ministry said at 10:00 a.m."
    spans = tag(text)
    assert {("Japan", "LOC"), ("3%", "PERCENT"), ("$2.5 billion", "MONEY"), ("March 2024", "DATE"),
            ("10:00 a.m.", "TIME")} <= {(sp.text, sp.type) for sp in spans}
    for sp in spans:
        assert text[sp.start : sp.end] == sp.text


def test_common_words_are_not_entities() -> None:
    assert tag("the cat sat on the mat and then it went home to sleep.") == []
    assert tag("") == []
    assert tag("   \n\n ") == []


def test_load_model_is_safe_from_many_threads(monkeypatch: pytest.MonkeyPatch) -> None:
    # Start from no model, whatever earlier tests loaded, and count the reads of the model file.
    monkeypatch.setattr(tagger, "_model", None)
    reads: list[Path] = []
    real_read = tagger.read_model

    def counting_read(path: Path):  # type: ignore[no-untyped-def]
        reads.append(path)
        return real_read(path)

    monkeypatch.setattr(tagger, "read_model", counting_read)
    start = threading.Barrier(4)
    seen: list[object] = []

    def worker() -> None:
        start.wait()  # all four ask at once
        load_model()
        seen.append(tagger._model)

    threads = [threading.Thread(target=worker) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert model_loaded()
    assert len(reads) == 1
    assert len(seen) == 4 and all(m is seen[0] and m is not None for m in seen)


_WORDS = st.sampled_from(["Paris", "the", "Bank", "of", "England", "said", "Mr.", "Smith", "’s", "$5", "million",
                          "on", "May", "3", ",", ".", "\n", "“", "”", "IBM", "rose", "5%", "Monday", "UN"])


@settings(max_examples=40, deadline=None)
@given(st.lists(_WORDS, max_size=30).map(" ".join))
def test_spans_are_sorted_disjoint_and_exact(text: str) -> None:
    spans = tag(text)
    last_end = 0
    for sp in spans:
        assert isinstance(sp, EntitySpan)
        assert sp.type in ENTITY_TYPES
        assert last_end <= sp.start < sp.end <= len(text)
        assert text[sp.start : sp.end] == sp.text
        last_end = sp.end


def test_a_missing_model_is_reported_in_words(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    damaged = tmp_path / "ner-model.bin"
    damaged.write_bytes(b"not a model")
    monkeypatch.setattr(tagger, "_model", None)
    monkeypatch.setattr(tagger, "model_path", lambda: damaged)
    with pytest.raises(EntityModelUnavailable, match="reinstall"):
        tag("Angela Merkel")
    monkeypatch.setattr(tagger, "model_path", lambda: tmp_path / "missing.bin")
    with pytest.raises(EntityModelUnavailable, match="missing.bin"):
        load_model()


def test_names_only_in_english_text() -> None:
    german = ("Bundeskanzler Olaf Scholz traf am Montag in Berlin die Vertreter der Gewerkschaften; "
              "die Preise stiegen um 4 %.")
    assert [(s.type, s.text) for s in tag(german, "de")] == [("PERCENT", "4 %")]  # no capitalised noun is a name
    english = "Prime Minister Keir Starmer met union leaders in London on Monday."
    assert tag(english, "en-GB") == tag(english, "") == tag(english)
    assert any(s.type == "PER" for s in tag(english, "en-GB"))
