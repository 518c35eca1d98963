"""The model file: how the trained weights are stored on disk and read back.

Format (`ner-model.bin`, gzip-compressed): the magic line, a length-prefixed JSON header (labels,
word statistics, entity phrases, how it was trained, features per stage, the word lists of
`knowledge.py`), then for each stage
(first and second pass) its feature names joined by newlines and one little-endian int16 weight
per (feature, label). No pickle: loading never runs code from the file.
"""

from __future__ import annotations

import gzip
import json
import struct
import sys
from array import array
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from reader.core.entities.features import WordFeatureCache
from reader.core.entities.gazetteer import PhraseMatcher, reversed_phrases
from reader.core.entities.knowledge import Knowledge
from reader.core.entities.model import FEATURE_CACHE_LIMIT, StackedModel, TaggerModel

MAGIC = b"NEWSREADER-NER-2\n"


def save_model(path: Path, labels: tuple[str, ...], stages: Sequence[Mapping[str, Sequence[int]]],
               stats: Mapping[str, str], phrases: Mapping[str, str], info: Mapping[str, Any],
               knowledge: Knowledge | None = None) -> int:
    """Write one to three stages of integer weights (from `quantize`); returns the feature count.

    Three stages are the first pass, the right-to-left first pass and the second pass.
    """
    parts = []
    for weights in stages:
        # Sorted: the order features were first met in training depends on string hashing (set
        # iteration), and the same weights must give the same bytes.
        names = sorted(weights)
        packed = array("h", (x for f in names for x in weights[f]))
        if sys.byteorder != "little":
            packed.byteswap()
        name_bytes = "\n".join(names).encode("utf-8")
        parts += [struct.pack("<I", len(name_bytes)), name_bytes, struct.pack("<I", len(packed) * 2),
                  packed.tobytes()]
    header = json.dumps({"labels": list(labels), "stages": [len(w) for w in stages], "stats": stats,
                         "phrases": phrases, "info": dict(info),
                         "knowledge": knowledge.to_json() if knowledge is not None else None}).encode("utf-8")
    blob = b"".join([MAGIC, struct.pack("<I", len(header)), header, *parts])
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(gzip.compress(blob, compresslevel=9, mtime=0))
    return sum(len(w) for w in stages)


def read_model(path: Path) -> TaggerModel | StackedModel:
    """Load a model file written by `save_model`."""
    data = gzip.decompress(path.read_bytes())
    if not data.startswith(MAGIC):
        raise ValueError(f"{path} is not a News Reader entity model")
    pos = len(MAGIC)

    def chunk() -> bytes:
        nonlocal pos
        (size,) = struct.unpack_from("<I", data, pos)
        pos += 4 + size
        return data[pos - size : pos]

    header = json.loads(chunk().decode("utf-8"))
    labels = tuple(header["labels"])
    stats, phrases = header["stats"], header["phrases"]
    knowledge = Knowledge.from_json(header.get("knowledge"))
    # Shared by the passes.
    features, matcher = WordFeatureCache(stats, FEATURE_CACHE_LIMIT, knowledge), PhraseMatcher(phrases)
    models = []
    for _ in header["stages"]:
        names = chunk().decode("utf-8").split("\n")
        weights = _packed_weights(names, chunk(), len(labels))
        models.append(TaggerModel(labels, weights, stats, phrases, header.get("info"), features=features,
                                  matcher=matcher))
    if len(models) == 3:  # first pass, right-to-left first pass, second pass
        backward = models[1]
        backward.matcher = PhraseMatcher(reversed_phrases(phrases))
        # Read backwards, a name "begins" with its last word.
        backward.starters = frozenset(header.get("info", {}).get("enders", ()))
        return StackedModel(models[0], models[2], backward)
    return models[0] if len(models) == 1 else StackedModel(models[0], models[1])


def _packed_weights(names: list[str], int16_le: bytes, n_labels: int) -> dict[str, int]:
    """Packed ints (as `pack` makes them) straight from the stored int16 weights.

    Why the bit trick: spreading every 16-bit weight into a 32-bit field with slice assignment
    (C speed) gives the unsigned reading U of each feature's fields; a negative field v was read
    as v + 2**16, so subtracting twice its sign bit gives back exactly sum(v << 32k).
    """
    wide = bytearray(2 * len(int16_le))
    wide[0::4] = int16_le[0::2]
    wide[1::4] = int16_le[1::2]
    step = 4 * n_labels
    signs = int.from_bytes(b"\x00\x80\x00\x00" * n_labels, "little")
    out = {}
    from_bytes = int.from_bytes
    for i, name in enumerate(names):
        u = from_bytes(wide[i * step : (i + 1) * step], "little")
        out[name] = u - ((u & signs) << 1)
    return out
