"""World knowledge in the model file: word lists and frequency buckets round-trip and become features."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from reader.core.entities.conll import ConllDocument
from reader.core.entities.crossval import fold_of
from reader.core.entities.features import WordFeatureCache
from reader.core.entities.knowledge import Knowledge
from reader.core.entities.model import TaggerModel
from reader.core.entities.model_file import read_model, save_model


def _knowledge() -> Knowledge:
    return Knowledge({"GEO": ["springfield", "riverton"], "GIVEN": ["maren"]}, {"phase": "4", "the": "7"})


def test_lists_and_frequency_round_trip_in_the_model_file(tmp_path: Path) -> None:
    path = tmp_path / "m.bin"
    save_model(path, ("O", "B-LOC", "I-LOC"), [{"g=GEO": [0, 5, 0]}], {}, {}, {}, _knowledge())
    model = read_model(path)
    assert isinstance(model, TaggerModel)
    know = model.features.knowledge
    assert know.lists == {"GEO": ["riverton", "springfield"], "GIVEN": ["maren"]}
    assert know.freq == {"phase": "4", "the": "7"}
    # The list weight alone makes an unknown town a place.
    assert model.tag_document([["Riverton", "flooded"]]) == [["B-LOC", "O"]]


def test_word_features_name_the_lists_and_the_frequency() -> None:
    cache = WordFeatureCache({}, 0, _knowledge())
    own = cache.offset("Phase", 2)
    assert "zf=4" in own
    assert "zf=7" in cache.offset("The", 2)
    assert "zf=0" in cache.offset("Maren", 2)  # not a common word
    assert "g=GIVEN" in cache.offset("Maren", 2)
    assert "-1g=GEO" in cache.offset("Springfield", 1)
    # Without frequencies (a model trained without them) there is no such feature.
    plain = WordFeatureCache({}, 0, Knowledge({"GEO": ["springfield"]}, {}))
    assert not [f for f in plain.offset("Phase", 2) if f.startswith("zf=")]


def test_model_file_without_knowledge_uses_the_hand_lists(tmp_path: Path) -> None:
    path = tmp_path / "m.bin"
    save_model(path, ("O", "B-LOC", "I-LOC"), [{"g=CTRY": [0, 5, 0]}], {}, {}, {})
    model = read_model(path)
    assert isinstance(model, TaggerModel)
    assert model.tag_document([["Norway", "won"]]) == [["B-LOC", "O"]]


def test_folds_follow_the_text_not_the_order() -> None:
    docs = [ConllDocument([[f"Word{k}", "went", "home", "."]], [["O"] * 4]) for k in range(200)]
    folds = [fold_of(d) for d in docs]
    assert folds == [fold_of(d) for d in reversed(docs)][::-1]
    assert set(folds) == {0, 1, 2, 3, 4}
    assert all(20 <= folds.count(k) <= 60 for k in range(5))


def test_entities_command_does_not_import_the_other_commands(tmp_path: Path) -> None:
    src = tmp_path / "in.conll"
    src.write_text("Anna O\nSmith O\n", encoding="utf-8")
    code = ("import sys; from reader.cli import main; main(['entities', '--conll', sys.argv[1]]); "
            "print('LOADED', 'reader.core.export' in sys.modules, 'reader.core.formats' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code, str(src)], capture_output=True, text=True, check=True).stdout
    assert out.splitlines()[-1] == "LOADED False False"


def _tiny_corpus() -> list[ConllDocument]:
    people = ["Anna Berg", "Tom Lund", "Mia Holt", "Ola Dahl", "Eva Strand", "Per Moe"]
    towns = ["Oslo", "Bergen", "Tromso", "Narvik", "Molde", "Hamar"]
    docs = []
    for k in range(12):
        first, last = people[k % 6].split()
        town = towns[(k * 5) % 6]
        sent = [first, last, "visited", town, "on", "Monday", "."]
        docs.append(ConllDocument([sent], [["B-PER", "I-PER", "O", "B-LOC", "O", "O", "O"]]))
    return docs


def test_training_and_cross_validation_need_no_development_data() -> None:
    from reader.core.entities.crossval import Result
    from reader.core.entities.train import TrainConfig, fit

    docs = _tiny_corpus()
    trained = fit(docs, TrainConfig(epochs=(4,), folds=2), Knowledge({"GEO": ["oslo", "bergen"]}, {}))
    assert trained.info["epochs"] == [4] and "dev_f1" not in trained.info
    assert trained.model.tag_document([["Mia", "Holt", "visited", "Oslo", "on", "Monday", "."]]) == [
        ["B-PER", "I-PER", "O", "B-LOC", "O", "O", "O"]]
    res = Result()
    res.add(trained.model, docs[:2], {})
    assert res.scores.prf()[2] == 100.0 and res.unseen == [4, 4]
