"""Cross-validation on the training data: how every choice of the tagger is made.

Documents go to one of five folds by a hash of their text (stable whatever their order in the
file); each fold is tagged by a model trained on the other four. `dev.txt` plays no part: it is
scored once, at the end, by the training command and the benchmark.

    .venv/bin/python -m reader.core.entities.crossval --groups hand,extra,freq --epochs 8
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from reader.core.entities.conll import ConllDocument, iob_spans, read_conll
from reader.core.entities.evaluate import Scores
from reader.core.entities.gazetteer import collect_phrases
from reader.core.entities.knowledge import build_knowledge, plain_words
from reader.core.entities.model import StackedModel, TaggerModel
from reader.core.entities.train import DEFAULT_DATA, TrainConfig, fit

FOLDS = 5


def fold_of(doc: ConllDocument, folds: int = FOLDS) -> int:
    """The fold of a document: a hash of its tokens, so the split does not depend on file order."""
    text = "\n".join(" ".join(sent) for sent in doc.sentences)
    return int.from_bytes(hashlib.sha1(text.encode("utf-8")).digest()[:8], "big") % folds


@dataclass
class Result:
    """Scores over all held-out folds, and recall on names the training part never had."""

    scores: Scores = field(default_factory=Scores)
    unseen: list[int] = field(default_factory=lambda: [0, 0])  # found, gold

    def add(self, model: TaggerModel | StackedModel, docs: list[ConllDocument], known: dict[str, str]) -> None:
        """Score `model` on held-out `docs`; `known` holds the training part's names."""
        for doc in docs:
            for sent, gold, pred in zip(doc.sentences, doc.tags, model.tag_document(doc.sentences), strict=True):
                self.scores.add(gold, pred)
                found = set(iob_spans(pred))
                for a, b, typ in iob_spans(gold):
                    if " ".join(t.lower() for t in sent[a:b]) not in known:
                        self.unseen[0] += (a, b, typ) in found
                        self.unseen[1] += 1

    def unseen_recall(self) -> float:
        return 100.0 * self.unseen[0] / self.unseen[1] if self.unseen[1] else 0.0


def cross_validate(docs: list[ConllDocument], cfg: TrainConfig, folds: int = FOLDS,
                   per_epoch: bool = False, from_epoch: int = 1) -> dict[int, Result]:
    """Held-out results by the number of first-pass epochs (only the configured one unless `per_epoch`,
    which is for one-stage models: every epoch from `from_epoch` up to the configured number is scored
    from one run). The running totals are printed after each fold."""
    results: dict[int, Result] = {}
    for k in range(folds):
        train = [d for d in docs if fold_of(d, folds) != k]
        held = [d for d in docs if fold_of(d, folds) == k]
        known = collect_phrases(train)
        t0 = time.process_time()
        knowledge = build_knowledge(cfg.groups, plain_words(s for d in train for s in d.sentences))

        def score(epoch: int, model: TaggerModel | StackedModel, held: list[ConllDocument] = held,
                  known: dict[str, str] = known) -> None:
            if epoch >= from_epoch or epoch == cfg.epochs[0]:
                results.setdefault(epoch, Result()).add(model, held, known)

        hook = score if per_epoch and cfg.stages == 1 else None
        trained = fit(train, cfg, knowledge, hook)
        if hook is None:
            score(cfg.epochs[0], trained.model)
        so_far = ", ".join(f"{e} epochs F1 {r.scores.prf()[2]:.2f} unseen recall {r.unseen_recall():.2f}"
                           for e, r in sorted(results.items()))
        print(f"fold {k + 1}/{folds}: {len(train)} documents to train, {len(held)} held out "
              f"({time.process_time() - t0:.0f} CPU s); folds so far: {so_far}", file=sys.stderr, flush=True)
    return results


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="5-fold cross-validation of the entity tagger on train.txt.")
    ap.add_argument("--train", type=Path, default=DEFAULT_DATA / "train.txt")
    ap.add_argument("--epochs", default="6", help="per stage, comma-separated")
    ap.add_argument("--stages", type=int, choices=(1, 2), default=1)
    ap.add_argument("--no-backward", dest="backward", action="store_false")
    ap.add_argument("--groups", default="hand,extra", help="knowledge groups (knowledge.py)")
    ap.add_argument("--per-epoch", action="store_true", help="score every epoch count (one-stage models)")
    ap.add_argument("--from-epoch", type=int, default=1, help="with --per-epoch: the first epoch count scored")
    args = ap.parse_args(argv)
    cfg = TrainConfig(epochs=tuple(int(x) for x in args.epochs.split(",")), stages=args.stages,
                      backward=args.backward, groups=tuple(g for g in args.groups.split(",") if g))
    results = cross_validate(read_conll(args.train), cfg, per_epoch=args.per_epoch, from_epoch=args.from_epoch)
    print(f"{cfg}")
    print("| epochs | P | R | F1 | unseen-name recall |")
    print("|---:|---:|---:|---:|---:|")
    for epoch, res in sorted(results.items()):
        p, r, f = res.scores.prf()
        print(f"| {epoch} | {p:.2f} | {r:.2f} | {f:.2f} | {res.unseen_recall():.2f} |")
    last = results[max(results)]
    print(f"\nper type after {max(results)} epochs:\n{last.scores.table()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
