"""Reproducible training of the entity tagger: `python -m reader.core.entities.train`.

An averaged perceptron with greedy left-to-right decoding (the same decoder the app uses), trained
on CoNLL-2003 `train.txt`; the number of epochs is chosen on `dev.txt`. Word statistics from the
training data (how often a word was part of each entity type) are "jackknifed": each training
document sees statistics computed from the other folds only, so the model learns to trust them
as much as they deserve on unseen text.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

from reader.core.entities.conll import ConllDocument, read_conll
from reader.core.entities.evaluate import Scores
from reader.core.entities.features import SENT_END, SENT_START, DocumentView, Memory, WordFeatureCache, tag_features
from reader.core.entities.gazetteer import PhraseMatcher, collect_phrases
from reader.core.entities.model import (
    LABELS,
    TaggerModel,
    allowed_after,
    prepare_sentence,
    quantize,
    remember,
    save_model,
    to_bilou,
)
from reader.core.entities.tokenize import normalize_token

REPO_ROOT = Path(__file__).resolve().parents[3]
DEFAULT_DATA = REPO_ROOT.parent / "shared" / "data" / "conll2003"
DEFAULT_OUT = REPO_ROOT / "resources" / "models" / "ner-model.bin"
FOLDS = 5


def word_stats(docs: list[ConllDocument]) -> dict[str, str]:
    """For every word ever inside an entity: its usual type and how reliably ("PER|an")."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for doc in docs:
        for sent, tags in zip(doc.sentences, doc.tags, strict=True):
            for tok, tag in zip(sent, tags, strict=True):
                typ = tag[2:] if tag != "O" else "O"
                n = normalize_token(tok)
                counts[n.lower()][typ] += 1
                counts["=" + n][typ] += 1
    stats = {}
    for key, c in counts.items():
        total = sum(c.values())
        ents = [(k, v) for k, v in c.items() if k != "O"]
        if not ents:
            continue
        top, top_n = max(ents, key=lambda kv: (kv[1], kv[0]))
        share = top_n / total
        bucket = "a" if share >= 0.9 else "b" if share >= 0.5 else "c"
        stats[key] = f"{top}|{bucket}{'1' if total == 1 else 'n'}"
    return stats


class Perceptron:
    """Averaged perceptron weights: W[f][label], plus the running sums needed for averaging."""

    def __init__(self, n_labels: int) -> None:
        self.n = n_labels
        self.w: dict[str, list[float]] = {}
        self.u: dict[str, list[float]] = {}  # sum of step * update, so average = w - u / steps
        self.steps = 1

    def scores(self, feats: list[str]) -> list[float]:
        vecs = [v for v in map(self.w.get, feats) if v is not None]
        return [sum(col) for col in zip(*vecs, strict=True)] if vecs else [0.0] * self.n

    def update(self, feats: list[str], gold: int, guess: int) -> None:
        c = self.steps
        for f in feats:
            w = self.w.get(f)
            if w is None:
                w = self.w[f] = [0.0] * self.n
                self.u[f] = [0.0] * self.n
            u = self.u[f]
            w[gold] += 1.0
            w[guess] -= 1.0
            u[gold] += c
            u[guess] -= c

    def averaged(self) -> dict[str, list[float]]:
        c = self.steps
        return {f: [a - b / c for a, b in zip(w, self.u[f], strict=True)] for f, w in self.w.items()}


def train_epoch(p: Perceptron, docs: list[ConllDocument], caches: list[WordFeatureCache],
                matchers: list[PhraseMatcher], order: list[int]) -> int:
    """One pass over the documents in `order`; returns the number of wrong tags."""
    lab_idx = {lab: k for k, lab in enumerate(LABELS)}
    allowed = allowed_after(LABELS)
    errors = 0
    for di in order:
        doc = docs[di]
        cache = caches[di % len(caches)]
        matcher = matchers[di % len(matchers)]
        view = DocumentView(doc.sentences)
        memory: dict[str, Memory] = {}
        for sent, gold_iob in zip(doc.sentences, doc.tags, strict=True):
            gold = to_bilou(gold_iob)
            low, shapes, caps, sfeats, wstats = prepare_sentence(sent, view, matcher, cache.stats)
            wf = [cache.get(t) for t in (SENT_START, SENT_START, *sent, SENT_END, SENT_END)]
            prev2 = prev = "<S>"
            for i in range(len(sent)):
                feats = [*wf[i][0], *wf[i + 1][1], *wf[i + 2][2], *wf[i + 3][3], *wf[i + 4][4],
                         *sfeats[i], *tag_features(i, low, shapes, prev, prev2, caps, memory, wstats)]
                score = p.scores(feats)
                guess = max(allowed[prev], key=score.__getitem__)
                g = lab_idx.get(gold[i], 0)
                if guess != g:
                    p.update(feats, g, guess)
                    errors += 1
                p.steps += 1
                tag = LABELS[guess]
                remember(memory, sent[i], low[i + 2], tag)
                prev2, prev = prev, tag
    return errors


def evaluate(model: TaggerModel, docs: list[ConllDocument]) -> tuple[Scores, int, float]:
    """Scores of the model on gold documents, with the token count and seconds taken."""
    scores = Scores()
    t0 = time.perf_counter()
    tokens = 0
    for doc in docs:
        pred = model.tag_document(doc.sentences)
        tokens += doc.token_count
        for g, p in zip(doc.tags, pred, strict=True):
            scores.add(g, p)
    return scores, tokens, time.perf_counter() - t0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Train the News Reader entity tagger on CoNLL-2003.")
    ap.add_argument("--train", type=Path, default=DEFAULT_DATA / "train.txt")
    ap.add_argument("--dev", type=Path, default=DEFAULT_DATA / "dev.txt")
    ap.add_argument("--epochs", type=int, default=9, help="maximum epochs; the best on dev is kept")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--prune", type=float, default=0.05, help="drop features whose weights are all this small")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args(argv)

    train_docs = read_conll(args.train)
    dev_docs = read_conll(args.dev)
    print(f"train: {len(train_docs)} documents; dev: {len(dev_docs)} documents", flush=True)
    fold_caches = [
        WordFeatureCache(word_stats([d for j, d in enumerate(train_docs) if j % FOLDS != k])) for k in range(FOLDS)
    ]
    fold_matchers = [
        PhraseMatcher(collect_phrases([d for j, d in enumerate(train_docs) if j % FOLDS != k])) for k in range(FOLDS)
    ]
    full_stats = word_stats(train_docs)
    full_phrases = collect_phrases(train_docs)
    p = Perceptron(len(LABELS))
    rng = random.Random(args.seed)
    order = list(range(len(train_docs)))
    best: tuple[float, int, dict[str, list[float]]] = (-1.0, 0, {})
    for epoch in range(1, args.epochs + 1):
        t0 = time.perf_counter()
        rng.shuffle(order)
        errors = train_epoch(p, train_docs, fold_caches, fold_matchers, order)
        avg = p.averaged()
        scores, ntok, secs = evaluate(TaggerModel(LABELS, quantize(avg)[0], full_stats, full_phrases), dev_docs)
        f1 = scores.prf()[2]
        print(f"epoch {epoch}: {errors} training errors, dev F1 {f1:.2f} ({time.perf_counter() - t0:.0f}s,"
              f" dev {ntok / secs:.0f} tokens/s)", flush=True)
        if f1 > best[0]:
            best = (f1, epoch, avg)
    f1, epoch, weights = best
    info = {"trained_on": "CoNLL-2003 train.txt", "tuned_on": "CoNLL-2003 dev.txt", "epochs": epoch,
            "dev_f1": round(f1, 2), "seed": args.seed, "prune": args.prune}
    kept = save_model(args.out, LABELS, *quantize(weights, args.prune), full_stats, full_phrases, info)
    print(f"kept epoch {epoch} (dev F1 {f1:.2f}); wrote {kept} features to {args.out} "
          f"({args.out.stat().st_size / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
