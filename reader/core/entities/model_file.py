"""The model file: how the trained weights are stored on disk and read back.

Format 3 (`ner-model.bin`, gzip-compressed): the magic line, then one `marshal` (version 0) record of
plain dicts, lists, strings and ints: labels, word statistics, entity phrases, how it was trained, the
word lists of `knowledge.py`, and per stage (first and second pass) its weights already packed as
`TaggerModel` reads them (feature name -> packed int), so loading is decompressing and `marshal.loads`:
no per-feature Python work; and per stage the summed weights of its vocabulary's lower-case words
(`word_sums.WordSums.stored_parts`, "parts": a file without them still loads, and its words are summed
when first met). Marshal builds data, never runs code; gzip's CRC rejects a damaged file
before marshal reads it, and the record's shape is checked after.

Format 2, still read: a length-prefixed JSON header, then per stage its feature names and one
little-endian int16 weight per (feature, label). `python -m reader.core.entities.model_file IN [OUT]`
rewrites a file in the current format (the same weights, the same tags).
"""

from __future__ import annotations

import json
import marshal
import struct
import sys
import zlib
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from reader.core.entities.features import WordFeatureCache
from reader.core.entities.gazetteer import PhraseMatcher, reversed_phrases
from reader.core.entities.knowledge import Knowledge
from reader.core.entities.model import FEATURE_CACHE_LIMIT, StackedModel, TaggerModel
from reader.core.entities.packing import pack_weights
from reader.core.entities.word_sums import WordSums

MAGIC = b"NEWSREADER-NER-3\n"
MAGIC_V2 = b"NEWSREADER-NER-2\n"
_FAMILY = b"NEWSREADER-NER-"
# Version 0: no references or interned-string flags, whose bytes depend on the writing process's
# refcounts; the same data then always gives the same file. Loading is as fast as with version 4.
_MARSHAL_VERSION = 0


class ModelFileError(ValueError):
    """The file is not a model this version can read (damaged, not a model, or another format)."""


def save_model(path: Path, labels: tuple[str, ...], stages: Sequence[Mapping[str, Sequence[int]]],
               stats: Mapping[str, str], phrases: Mapping[str, str], info: Mapping[str, Any],
               knowledge: Knowledge | None = None) -> int:
    """Write one to three stages of integer weights (from `quantize`); returns the feature count.

    Three stages are the first pass, the right-to-left first pass and the second pass.
    """
    # Sorted: the order features were first met in training depends on string hashing (set
    # iteration), and the same weights must give the same bytes.
    packed = [pack_weights({f: weights[f] for f in sorted(weights)}) for weights in stages]
    _write(path, labels, packed, stats, phrases, info, knowledge)
    return sum(len(w) for w in stages)


def _write(path: Path, labels: Sequence[str], packed: Sequence[Mapping[str, int]], stats: Mapping[str, str],
           phrases: Mapping[str, str], info: Mapping[str, Any], knowledge: Knowledge | None) -> None:
    know = None
    if knowledge is not None:
        know = {"lists": {n: sorted(w) for n, w in knowledge.lists.items()},
                "freq": dict(sorted(knowledge.freq.items())), "surnames": knowledge.surnames}
    # The info through JSON: plain lists whatever the caller built (a tuple would be written as another type).
    # Each stage's ready-made word parts, made by the code that will read them (`word_sums.WordSums`).
    readers = knowledge if knowledge is not None else Knowledge.from_json(None)
    record = {"labels": list(labels), "stats": dict(stats), "phrases": dict(phrases),
              "info": json.loads(json.dumps(dict(info))),
              "knowledge": know, "stages": [dict(w) for w in packed],
              "parts": [WordSums(w, stats, readers).stored_parts() for w in packed]}
    import gzip  # for writing only: reading inflates with zlib (the gzip module's import costs more)

    path.parent.mkdir(parents=True, exist_ok=True)
    blob = MAGIC + marshal.dumps(record, _MARSHAL_VERSION)
    path.write_bytes(gzip.compress(blob, compresslevel=9, mtime=0))


def read_model(path: Path) -> TaggerModel | StackedModel:
    """Load a model file written by `save_model` (or by the format-2 writer before it).

    Raises OSError when the file cannot be read and `ModelFileError` when its content is not a model
    this version reads, with the reason in words.
    """
    raw = path.read_bytes()
    try:
        # A gzip member (wbits 16 + 15): zlib checks its header, CRC and length as `gzip.decompress` does.
        data = zlib.decompress(raw, 31)
    except (OSError, EOFError, zlib.error) as exc:
        raise ModelFileError(f"{path} is damaged or not a News Reader entity model ({exc})") from exc
    if data.startswith(MAGIC):
        try:
            record = marshal.loads(memoryview(data)[len(MAGIC):])
        except (ValueError, EOFError, TypeError) as exc:
            raise ModelFileError(f"{path} is a damaged News Reader entity model ({exc})") from exc
        labels, stats, phrases, info, know, stages = _checked(record, path)
        knowledge = Knowledge(know["lists"], know["freq"], know["surnames"]) if know else Knowledge.from_json(None)
        model = _assemble(labels, stages, stats, phrases, info, knowledge)
        parts = record.get("parts") if isinstance(record, dict) else None
        if isinstance(parts, list) and len(parts) == len(stages) and all(isinstance(p, dict) for p in parts):
            passes = [model] if isinstance(model, TaggerModel) else [model.first, model.backward, model.second]
            for m, p in zip([m for m in passes if m is not None], parts, strict=True):
                m.sums.use_parts(p)
        return model
    if data.startswith(MAGIC_V2):
        return _read_v2(data)
    if data.startswith(_FAMILY):
        found = data[len(_FAMILY) : data.find(b"\n", 0, 40)].decode("ascii", "replace")
        raise ModelFileError(f"{path} is an entity model of format {found}, which this version of News Reader "
                             "cannot read")
    raise ModelFileError(f"{path} is not a News Reader entity model")


def _checked(record: object, path: Path) -> tuple[tuple[str, ...], dict[str, str], dict[str, str],
                                                   dict[str, Any], dict[str, Any] | None, list[dict[str, int]]]:
    """The record's parts, after checking its shape (a file can pass the CRC and still be wrong)."""
    try:
        assert isinstance(record, dict)
        labels, stages = record["labels"], record["stages"]
        assert isinstance(labels, list) and all(isinstance(x, str) for x in labels)
        assert isinstance(stages, list) and 1 <= len(stages) <= 3 and all(isinstance(w, dict) for w in stages)
        parts = [record[k] for k in ("stats", "phrases", "info")]
        assert all(isinstance(p, dict) for p in parts)
        know = record["knowledge"]
        assert know is None or (isinstance(know, dict) and isinstance(know["lists"], dict)
                                and isinstance(know["freq"], dict))
    except (AssertionError, KeyError, TypeError) as exc:
        raise ModelFileError(f"{path} is a damaged News Reader entity model (unexpected content)") from exc
    return tuple(labels), parts[0], parts[1], parts[2], know, stages


def _assemble(labels: tuple[str, ...], stages: Sequence[Mapping[str, int]], stats: Mapping[str, str],
              phrases: Mapping[str, str], info: Mapping[str, Any],
              knowledge: Knowledge) -> TaggerModel | StackedModel:
    """The passes over packed weights, sharing the word features and the phrase matcher."""
    features, matcher = WordFeatureCache(stats, FEATURE_CACHE_LIMIT, knowledge), PhraseMatcher(phrases)
    models = [TaggerModel(labels, weights, stats, phrases, info, features=features, matcher=matcher)
              for weights in stages]
    if len(models) == 3:  # first pass, right-to-left first pass, second pass
        backward = models[1]
        backward.matcher = PhraseMatcher(reversed_phrases(phrases))
        # Read backwards, a name "begins" with its last word.
        backward.starters = frozenset(info.get("enders", ()))
        return StackedModel(models[0], models[2], backward)
    return models[0] if len(models) == 1 else StackedModel(models[0], models[1])


def _read_v2(data: bytes) -> TaggerModel | StackedModel:
    """A format-2 file: JSON header, then per stage its sorted names and int16 weights."""
    pos = len(MAGIC_V2)

    def chunk() -> bytes:
        nonlocal pos
        (size,) = struct.unpack_from("<I", data, pos)
        pos += 4 + size
        return data[pos - size : pos]

    header = json.loads(chunk().decode("utf-8"))
    labels = tuple(header["labels"])
    stages = []
    for _ in header["stages"]:
        names = chunk().decode("utf-8").split("\n")
        stages.append(_packed_weights(names, chunk(), len(labels)))
    return _assemble(labels, stages, header["stats"], header["phrases"], header.get("info") or {},
                     Knowledge.from_json(header.get("knowledge")))


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


def convert(source: Path, target: Path) -> None:
    """Rewrite the model file `source` (any format read here) at `target` in the current format."""
    model = read_model(source)
    passes = [model] if isinstance(model, TaggerModel) else [model.first, model.backward, model.second]
    first = passes[0]
    assert isinstance(first, TaggerModel)
    _write(target, first.labels, [m.weights for m in passes if m is not None], first.stats, first.phrases,
           first.info, first.features.knowledge)


def main(argv: list[str] | None = None) -> int:
    import argparse

    ap = argparse.ArgumentParser(description="Rewrite an entity model file in the current format (same weights).")
    ap.add_argument("source", type=Path)
    ap.add_argument("target", type=Path, nargs="?", help="where to write it (default: over SOURCE)")
    args = ap.parse_args(argv)
    try:
        convert(args.source, args.target or args.source)
    except (OSError, ModelFileError) as exc:
        print(f"model_file: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
