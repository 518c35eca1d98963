"""The model file's format 3 (marshal of ready dicts): older format-2 files still load to the same model,
a damaged or foreign file is refused in words, the conversion keeps every weight, and the same model
always gives the same bytes."""

from __future__ import annotations

import gzip
import json
import struct
from pathlib import Path

import pytest

from reader.core.entities import tagger
from reader.core.entities.knowledge import Knowledge
from reader.core.entities.model import TaggerModel
from reader.core.entities.model_file import MAGIC, ModelFileError, convert, main, read_model, save_model
from reader.core.entities.packing import pack_weights

LABELS = ("O", "B-PER", "I-PER", "B-LOC", "I-LOC")
WEIGHTS = {"INITCAP": [-700, 1000, 0, 0, 0], "T1=B-PER": [0, 0, 1500, 0, 0], "w=Paris": [0, 0, 0, 3000, 0],
           "g=GEO": [0, 0, 0, 2500, 0], "T1=<S>": [0, 0, 0, 0, 0]}
SENTENCE = ["Anna", "Smith", "saw", "Paris", "and", "Riverton", "."]


def _knowledge() -> Knowledge:
    return Knowledge({"GEO": ["riverton"], "GIVEN": ["anna"]}, {"saw": "5", "and": "7"})


def _write_format_2(path: Path, weights: dict[str, list[int]], knowledge: Knowledge) -> None:
    """A file as the format-2 writer made it: JSON header, sorted names, int16 little-endian weights."""
    names = sorted(weights)
    header = json.dumps({"labels": list(LABELS), "stages": [len(names)], "stats": {"smith": "PER|an"},
                         "phrases": {"anna smith": "PER"}, "info": {"epochs": [6]},
                         "knowledge": knowledge.to_json()}).encode()
    name_bytes = "\n".join(names).encode()
    ints = b"".join(struct.pack("<h", x) for f in names for x in weights[f])
    blob = b"".join([b"NEWSREADER-NER-2\n", struct.pack("<I", len(header)), header,
                     struct.pack("<I", len(name_bytes)), name_bytes, struct.pack("<I", len(ints)), ints])
    path.write_bytes(gzip.compress(blob, mtime=0))


def test_a_format_2_file_loads_and_converts_to_the_same_model(tmp_path: Path) -> None:
    old, new = tmp_path / "old.bin", tmp_path / "new.bin"
    _write_format_2(old, WEIGHTS, _knowledge())
    before = read_model(old)
    assert isinstance(before, TaggerModel)
    assert before.weights == pack_weights(WEIGHTS)  # negative weights survive the int16 reading
    assert main([str(old), str(new)]) == 0
    assert gzip.decompress(new.read_bytes()).startswith(MAGIC)
    after = read_model(new)
    assert isinstance(after, TaggerModel)
    assert after.weights == before.weights
    assert (after.labels, after.stats, after.phrases, after.info) == (
        LABELS, {"smith": "PER|an"}, {"anna smith": "PER"}, {"epochs": [6]})
    assert after.features.knowledge.lists == {"GEO": ["riverton"], "GIVEN": ["anna"]}
    assert after.features.knowledge.freq == {"and": "7", "saw": "5"}
    tags = [["B-PER", "I-PER", "O", "B-LOC", "O", "B-LOC", "O"]]
    assert before.tag_document([SENTENCE]) == after.tag_document([SENTENCE]) == tags


def test_the_same_model_gives_the_same_bytes(tmp_path: Path) -> None:
    a, b, c = tmp_path / "a.bin", tmp_path / "b.bin", tmp_path / "c.bin"
    save_model(a, LABELS, [WEIGHTS], {"smith": "PER|an"}, {}, {"seed": 1, "epochs": [6]}, _knowledge())
    # Another insertion order of the same weights and words, a tuple where the other had a list.
    save_model(b, LABELS, [dict(reversed(WEIGHTS.items()))], {"smith": "PER|an"}, {}, {"seed": 1, "epochs": (6,)},
               Knowledge({"GEO": ["riverton"], "GIVEN": ["anna"]}, {"and": "7", "saw": "5"}))
    convert(a, c)
    assert a.read_bytes() == b.read_bytes() == c.read_bytes()


def _expect_refused(path: Path, words: str) -> None:
    with pytest.raises(ModelFileError, match=words):
        read_model(path)


def test_damaged_and_foreign_files_are_refused_in_words(tmp_path: Path) -> None:
    good = tmp_path / "good.bin"
    save_model(good, LABELS, [WEIGHTS], {}, {}, {})
    data = good.read_bytes()
    cases = {
        "truncated.bin": data[: len(data) // 2],
        # A flipped first byte of the deflate stream: zlib.error, which escaped the tagger before.
        "flipped.bin": data[:10] + bytes([data[10] ^ 0xFF]) + data[11:],
        "text.bin": b"just some text\n",
        "foreign.bin": gzip.compress(b"PK\x03\x04 something else"),
    }
    for name, content in cases.items():
        (tmp_path / name).write_bytes(content)
        _expect_refused(tmp_path / name, "damaged or not a News Reader entity model|not a News Reader entity model")
    (tmp_path / "future.bin").write_bytes(gzip.compress(b"NEWSREADER-NER-9\nwhatever"))
    _expect_refused(tmp_path / "future.bin", "format 9, which this version of News Reader cannot read")
    # Passes the CRC, but the record is not a model's.
    (tmp_path / "shape.bin").write_bytes(gzip.compress(MAGIC + b"N"))  # marshal of None
    _expect_refused(tmp_path / "shape.bin", "damaged News Reader entity model")
    (tmp_path / "cut.bin").write_bytes(gzip.compress(gzip.decompress(data)[:-40]))
    _expect_refused(tmp_path / "cut.bin", "damaged News Reader entity model")


def test_the_tagger_names_a_damaged_model_and_what_to_do(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bad = tmp_path / "ner-model.bin"
    good = tmp_path / "good.bin"
    save_model(good, LABELS, [WEIGHTS], {}, {}, {})
    data = good.read_bytes()
    bad.write_bytes(data[:10] + bytes([data[10] ^ 0xFF]) + data[11:])
    monkeypatch.setattr(tagger, "_model", None)
    monkeypatch.setattr(tagger, "model_path", lambda: bad)
    with pytest.raises(tagger.EntityModelUnavailable, match="reinstall News Reader"):
        tagger.load_model()


def test_the_conversion_command_reports_a_bad_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "x.bin").write_bytes(b"nothing")
    assert main([str(tmp_path / "x.bin"), str(tmp_path / "y.bin")]) == 1
    assert "not a News Reader entity model" in capsys.readouterr().err
    assert not (tmp_path / "y.bin").exists()
