"""Which capitalised common words the decoder may tag O unscored (`prepare.CommonWords`), judged by
5-fold cross-validation on train.txt: F1, unseen-name recall, tags changed against scoring every
capitalised word, the share of tokens scored, and the model's CPU per document, for each least Zipf bucket.

    NEWS_READER_DATA=../shared/data .venv/bin/python benchmarks/ner_skip.py [--models DIR] [--zipf 7 6 5 4]

The five fold models (the shipped configuration, read from its header, trained on four fifths of
train.txt as `crossval.py` splits it) are written to `--models` the first time (about a CPU minute each)
and read back after, so the variants are scored by the same models; only the decoding differs.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _data import data_root  # noqa: E402

from reader.core.entities import tagger  # noqa: E402
from reader.core.entities.conll import ConllDocument, read_conll  # noqa: E402
from reader.core.entities.crossval import FOLDS, Result, fold_of  # noqa: E402
from reader.core.entities.gazetteer import collect_phrases  # noqa: E402
from reader.core.entities.knowledge import build_knowledge, plain_words  # noqa: E402
from reader.core.entities.model import StackedModel, TaggerModel  # noqa: E402
from reader.core.entities.model_file import read_model  # noqa: E402
from reader.core.entities.train import TrainConfig, fit  # noqa: E402


def fold_models(docs: list[ConllDocument], folder: Path) -> list[TaggerModel | StackedModel]:
    """The model of each fold, trained on the other folds (written to `folder` once, then read)."""
    shipped = read_model(tagger.model_path())
    info = shipped.info
    cfg = TrainConfig(epochs=tuple(info.get("epochs", (6,))), stages=2 if isinstance(shipped, StackedModel) else 1,
                      groups=tuple(info.get("groups", ("hand", "extra"))))
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for k in range(FOLDS):
        path = folder / f"fold-{k}.bin"
        if not path.exists():
            t0 = time.process_time()
            train = [d for d in docs if fold_of(d) != k]
            trained = fit(train, cfg, build_knowledge(cfg.groups, plain_words(s for d in train for s in d.sentences)))
            trained.save(path, cfg.prune)
            print(f"fold {k + 1}/{FOLDS} trained ({time.process_time() - t0:.0f} CPU s)", file=sys.stderr, flush=True)
        out.append(read_model(path))
    return out


def _passes(model: TaggerModel | StackedModel) -> list[TaggerModel]:
    if isinstance(model, TaggerModel):
        return [model]
    return [m for m in (model.first, model.backward, model.second) if m is not None]


def _scored(model: TaggerModel | StackedModel, docs: list[ConllDocument]) -> int:
    """Tokens the first pass's mask sends to scoring ("s")."""
    first = _passes(model)[0]
    return sum(p.plain.count("s") for d in docs for p in first.prepare(d.sentences))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--train", type=Path, default=data_root() / "conll2003" / "train.txt")
    ap.add_argument("--models", type=Path, default=Path("/tmp/news-reader-cv-folds"),
                    help="where the fold models are kept between runs")
    ap.add_argument("--zipf", nargs="*", default=["7", "6", "5", "4", "5c"],
                    help='least Zipf buckets to try ("5c": also words seldom in a training name)')
    ap.add_argument("--repeat", type=int, default=2, help="timing runs per variant (the best is kept)")
    args = ap.parse_args()
    docs = read_conll(args.train)
    models = fold_models(docs, args.models)
    held = [[d for d in docs if fold_of(d) == k] for k in range(FOLDS)]
    known = [collect_phrases([d for d in docs if fold_of(d) != k]) for k in range(FOLDS)]
    tokens = sum(d.token_count for d in docs)
    variants: list[str | None] = [None, *args.zipf]
    full: list[list[list[list[str]]]] = []
    rows = []
    for least in variants:
        res, tags, scored = Result(), [], 0
        for model, part, names in zip(models, held, known, strict=True):
            for m in _passes(model):
                m.use_common_words(least)
            res.add(model, part, names)
            tags.append([model.tag_document(d.sentences) for d in part])
            scored += _scored(model, part)
        if least is None:
            full = tags
        changed = sum(a != b for fa, fb in zip(full, tags, strict=True) for da, db in zip(fa, fb, strict=True)
                      for sa, sb in zip(da, db, strict=True) for a, b in zip(sa, sb, strict=True))
        rows.append([least, res, changed, scored])
    cpu: dict[str | None, float] = {}
    for _ in range(args.repeat):  # variants alternate, so the machine's load falls on all alike
        for least in variants:
            spent = 0.0
            for model, part in zip(models, held, strict=True):
                for m in _passes(model):
                    m.use_common_words(least)
                model.clear_cache()
                tagger.clear_caches()
                t0 = time.process_time()
                for d in part:
                    model.tag_document(d.sentences)
                spent += time.process_time() - t0
            cpu[least] = min(cpu.get(least, spent), spent)
    print(f"5-fold cross-validation on {args.train.name} ({len(docs)} documents, {tokens:,} tokens), the model alone\n")
    print("| capitalised common words tagged O unscored | CV F1 | unseen-name recall | tags changed | tokens scored "
          "| model ms / document |")
    print("|---|---:|---:|---:|---:|---:|")
    for least, res, changed, scored in rows:
        what = ("none (every capitalised word scored)" if least is None else f"Zipf bucket >= {least[0]}"
                + (", or seldom named" if least[1:] else ""))
        print(f"| {what} | {res.scores.prf()[2]:.2f} | {res.unseen_recall():.2f} | {changed} | "
              f"{scored / tokens:.1%} | {cpu[least] * 1000 / len(docs):.2f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
