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
from collections.abc import Callable
from pathlib import Path
from typing import cast

from reader.core.entities.conll import ConllDocument, iob_spans, read_conll
from reader.core.entities.evaluate import Scores
from reader.core.entities.features import SENT_END, SENT_START, DocumentView, Memory, WordFeatureCache, tag_features
from reader.core.entities.gazetteer import PhraseMatcher, collect_phrases, reversed_phrases
from reader.core.entities.model import (
    LABELS,
    StackedModel,
    TaggerModel,
    allowed_after,
    pack_weights,
    prepare_sentence,
    quantize,
    remember,
    to_bilou,
)
from reader.core.entities.model_file import save_model
from reader.core.entities.stacking import (
    both_ways_hints,
    hint_features,
    reverse_document,
    stack_hints,
    unreverse_tags,
)
from reader.core.entities.tokenize import normalize_token

REPO_ROOT = Path(__file__).resolve().parents[3]
DEFAULT_DATA = REPO_ROOT.parent / "shared" / "data" / "conll2003"
DEFAULT_OUT = REPO_ROOT / "resources" / "models" / "ner-model.bin"
FOLDS = 5  # default number of jackknife folds (--folds)
Hints = list[list[list[list[str]]]]  # per document, sentence and token: second-pass features


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


def name_starters(docs: list[ConllDocument], last: bool = False) -> list[str]:
    """Words without a capital letter (but with a letter or digit) that begin a name in the data
    (with `last`: that end one, where a pass reading backwards meets a name first).

    The decoder tags every other such word O without scoring it when no name is open.
    """
    found = set()
    for doc in docs:
        for sent, tags in zip(doc.sentences, doc.tags, strict=True):
            for a, b, _typ in iob_spans(tags):
                tok = sent[b - 1 if last else a]
                if tok.lower() == tok and any(ch.isalnum() for ch in tok):
                    found.add(normalize_token(tok).lower())
    return sorted(found)


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
                matchers: list[PhraseMatcher], order: list[int], hints: Hints | None = None) -> int:
    """One pass over the documents in `order`; returns the number of wrong tags.

    `caches` and `matchers` hold, for each document, the jackknifed statistics and phrases it sees.
    Every token is learned from, also those the decoder tags O unscored: a trial with training
    skipping them too gave 92.96 instead of 93.36 dev F1.
    """
    lab_idx = {lab: k for k, lab in enumerate(LABELS)}
    allowed = allowed_after(LABELS)
    errors = 0
    for di in order:
        doc = docs[di]
        cache = caches[di]
        view = DocumentView(doc.sentences)
        memory: dict[str, Memory] = {}
        for si, (sent, gold_iob) in enumerate(zip(doc.sentences, doc.tags, strict=True)):
            gold = to_bilou(gold_iob)
            low, shapes, caps, computed, wstats, _, _ = prepare_sentence(sent, view, matchers[di], cache.stats)
            sfeats = cast(list[list[str]], computed)  # every token's features: no starters given
            if hints is not None:
                for feats, more in zip(sfeats, hints[di][si], strict=True):
                    feats.extend(more)
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


def evaluate(model: TaggerModel | StackedModel, docs: list[ConllDocument]) -> tuple[Scores, int, float]:
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


def train_stage(docs: list[ConllDocument], caches: list[WordFeatureCache], matchers: list[PhraseMatcher],
                epochs: int, seed: int, hints: Hints | None = None,
                dev_f1: Callable[[dict[str, list[float]]], float] | None = None,
                ) -> tuple[dict[str, list[float]], int, float]:
    """Averaged weights after the best epoch on dev (or after the last one without `dev_f1`)."""
    p = Perceptron(len(LABELS))
    rng = random.Random(seed)
    order = list(range(len(docs)))
    best: tuple[float, int, dict[str, list[float]]] = (-1.0, 0, {})
    for epoch in range(1, epochs + 1):
        t0 = time.perf_counter()
        rng.shuffle(order)
        errors = train_epoch(p, docs, caches, matchers, order, hints)
        if dev_f1 is None and epoch < epochs:
            continue
        avg = p.averaged()
        f1 = dev_f1(avg) if dev_f1 is not None else 0.0
        if dev_f1 is not None:
            print(f"  epoch {epoch}: {errors} training errors, dev F1 {f1:.2f} ({time.perf_counter() - t0:.0f}s)",
                  flush=True)
        if f1 > best[0]:
            best = (f1, epoch, avg)
    return best[2], best[1], best[0]


def train_ensemble(docs: list[ConllDocument], caches: list[WordFeatureCache], matchers: list[PhraseMatcher],
                   epochs: int, seeds: list[int], hints: Hints | None,
                   dev_f1: Callable[[dict[str, list[float]]], float],
                   ) -> tuple[dict[str, list[float]], list[int], float]:
    """One run per seed (documents shuffled differently), weights averaged: steadier than any one run."""
    runs = []
    for seed in seeds:
        print(f" seed {seed}", flush=True)
        runs.append(train_stage(docs, caches, matchers, epochs, seed, hints, dev_f1))
    if len(runs) == 1:
        return runs[0][0], [runs[0][1]], runs[0][2]
    avg: dict[str, list[float]] = {}
    for weights, _, _ in runs:
        for f, v in weights.items():
            acc = avg.setdefault(f, [0.0] * len(v))
            for k, x in enumerate(v):
                acc[k] += x / len(runs)
    f1 = dev_f1(avg)
    print(f" averaged over seeds {seeds}: dev F1 {f1:.2f}", flush=True)
    return avg, [r[1] for r in runs], f1


def build_model(weights: dict[str, list[float]], prune: float, stats: dict[str, str], phrases: dict[str, str],
                starters: list[str]) -> TaggerModel:
    """A decoding model of trained float weights (quantized and packed as the model file keeps them)."""
    return TaggerModel(LABELS, pack_weights(quantize(weights, prune)[0]), stats, phrases, {"starters": starters})


def jackknife_tags(docs: list[ConllDocument], caches: list[WordFeatureCache], matchers: list[PhraseMatcher],
                   fold_stats: list[dict[str, str]], fold_phrases: list[dict[str, str]], starters: list[str],
                   epochs: int, seed: int, args: argparse.Namespace, label: str) -> list[list[list[str]]]:
    """Each document's IOB2 tags from a first pass trained on the other folds only.

    `fold_phrases` are the phrases of the training data without fold k (reversed for a backward pass).
    """
    n = len(docs)
    folds = args.folds
    out: list[list[list[str]]] = [[] for _ in range(n)]
    for k in range(folds):
        idx = [j for j in range(n) if j % folds != k]
        print(f"{label} without fold {k + 1}/{folds}", flush=True)
        wk, _, _ = train_stage([docs[j] for j in idx], [caches[j] for j in idx], [matchers[j] for j in idx],
                               epochs, seed)
        mk = build_model(wk, args.prune, fold_stats[k], fold_phrases[k], starters)
        for j in range(k, n, folds):
            out[j] = mk.tag_document(docs[j].sentences)
    return out


def reversed_doc(doc: ConllDocument) -> ConllDocument:
    """The document read from its end, with its gold tags mirrored to match."""
    return ConllDocument(reverse_document(doc.sentences), unreverse_tags(doc.tags))


def train_backward(train_docs: list[ConllDocument], dev_docs: list[ConllDocument], caches: list[WordFeatureCache],
                   fold_stats: list[dict[str, str]], fold_phrases: list[dict[str, str]], stats: dict[str, str],
                   phrases: dict[str, str], enders: list[str], seeds: list[int], args: argparse.Namespace,
                   ) -> tuple[dict[str, list[float]], TaggerModel, list[int], list[list[list[str]]]]:
    """The right-to-left first pass: its weights, the model, its epochs and its jackknifed tags of
    the training documents (in their own order).

    Same features and decoder as the first pass, run over reversed documents: the training-name
    phrases are reversed to match, word features need no change.
    """
    folds = args.folds
    rev_train = [reversed_doc(d) for d in train_docs]
    rev_dev = [reversed_doc(d) for d in dev_docs]
    rev_phrases = reversed_phrases(phrases)
    rev_fold_phrases = [reversed_phrases(p) for p in fold_phrases]
    fold_matchers = [PhraseMatcher(p) for p in rev_fold_phrases]
    matchers = [fold_matchers[j % folds] for j in range(len(train_docs))]

    def model_of(weights: dict[str, list[float]]) -> TaggerModel:
        return build_model(weights, args.prune, stats, rev_phrases, enders)

    print("right-to-left first pass", flush=True)
    wb, epochs_b, _ = train_ensemble(rev_train, caches, matchers, args.epochs, seeds, None,
                                     lambda w: evaluate(model_of(w), rev_dev)[0].prf()[2])
    tags = jackknife_tags(rev_train, caches, matchers, fold_stats, rev_fold_phrases, enders, epochs_b[0], seeds[0],
                          args, "right-to-left pass")
    return wb, model_of(wb), epochs_b, [unreverse_tags(t) for t in tags]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Train the News Reader entity tagger on CoNLL-2003.")
    ap.add_argument("--train", type=Path, default=DEFAULT_DATA / "train.txt")
    ap.add_argument("--dev", type=Path, default=DEFAULT_DATA / "dev.txt")
    ap.add_argument("--epochs", type=int, default=9, help="maximum epochs; the best on dev is kept")
    ap.add_argument("--stages", type=int, choices=(1, 2), default=2, help="2 adds the document-level second pass")
    ap.add_argument("--no-backward", dest="backward", action="store_false",
                    help="without the right-to-left first pass (the second pass then sees one reading)")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--prune", type=float, default=0.05, help="drop features whose weights are all this small")
    ap.add_argument("--folds", type=int, default=FOLDS, help="jackknife folds for statistics and first-pass tags")
    ap.add_argument("--seeds", default="1", help="one run per seed, weights averaged (comma-separated, e.g. 1,2,3)")
    args = ap.parse_args(argv)

    folds = args.folds
    train_docs = read_conll(args.train)
    dev_docs = read_conll(args.dev)
    n = len(train_docs)
    print(f"train: {n} documents; dev: {len(dev_docs)} documents", flush=True)
    fold_stats = [word_stats([d for j, d in enumerate(train_docs) if j % folds != k]) for k in range(folds)]
    fold_phrases = [collect_phrases([d for j, d in enumerate(train_docs) if j % folds != k]) for k in range(folds)]
    fold_caches = [WordFeatureCache(st) for st in fold_stats]
    fold_matchers = [PhraseMatcher(ph) for ph in fold_phrases]
    caches = [fold_caches[j % folds] for j in range(n)]
    matchers = [fold_matchers[j % folds] for j in range(n)]
    stats = word_stats(train_docs)
    phrases = collect_phrases(train_docs)
    # Lower-case words that begin (or end) names: the decoder scores them even outside a name.
    starters = name_starters(train_docs)
    enders = name_starters(train_docs, last=True)

    seeds = [int(x) for x in args.seeds.split(",")]

    def model_of(weights: dict[str, list[float]]) -> TaggerModel:
        return build_model(weights, args.prune, stats, phrases, starters)

    print("first pass", flush=True)
    w1, epochs1, f1 = train_ensemble(train_docs, caches, matchers, args.epochs, seeds, None,
                                     lambda w: evaluate(model_of(w), dev_docs)[0].prf()[2])
    stages = [w1]
    info: dict[str, object] = {"trained_on": "CoNLL-2003 train.txt", "tuned_on": "CoNLL-2003 dev.txt",
                               "starters": starters, "enders": enders, "seeds": seeds, "prune": args.prune,
                               "epochs": [epochs1], "dev_f1": round(f1, 2)}
    if args.stages == 2:
        first = model_of(w1)
        # The second pass learns from first-pass tags the first pass did not see the answers of.
        fwd_tags = jackknife_tags(train_docs, caches, matchers, fold_stats, fold_phrases, starters, epochs1[0],
                                  seeds[0], args, "first pass")
        backward = None
        if args.backward:
            wb, backward, epochs_b, back_tags = train_backward(train_docs, dev_docs, caches, fold_stats,
                                                               fold_phrases, stats, phrases, enders, seeds, args)
            hints = [hint_features(both_ways_hints(d.sentences, f, b))
                     for d, f, b in zip(train_docs, fwd_tags, back_tags, strict=True)]
            info["backward_epochs"] = epochs_b
        else:
            hints = [hint_features(stack_hints(d.sentences, f)) for d, f in zip(train_docs, fwd_tags, strict=True)]
        print("second pass", flush=True)
        w2, epochs2, f1 = train_ensemble(
            train_docs, caches, matchers, args.epochs, seeds, hints,
            lambda w: evaluate(StackedModel(first, model_of(w), backward), dev_docs)[0].prf()[2])
        if backward is not None:
            stages.append(wb)
        stages.append(w2)
        info.update(epochs=[epochs1, epochs2], dev_f1=round(f1, 2))
    kept = save_model(args.out, LABELS, [quantize(w, args.prune)[0] for w in stages], stats, phrases, info)
    print(f"dev F1 {f1:.2f}; wrote {kept} features to {args.out} ({args.out.stat().st_size / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
