"""Reproducible training of the entity tagger: `python -m reader.core.entities.train`.

An averaged perceptron with greedy left-to-right decoding (the same decoder the app uses), trained
on CoNLL-2003 `train.txt`; the number of epochs and the knowledge used were chosen by 5-fold
cross-validation on `train.txt` (`crossval.py`); `dev.txt` is only scored at the end. Word statistics from the
training data (how often a word was part of each entity type) are "jackknifed": each training
document sees statistics computed from the other folds only, so the model learns to trust them
as much as they deserve on unseen text.
"""

from __future__ import annotations

import argparse
import os
import random
import struct
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import cast

from reader.core.entities.conll import ConllDocument, iob_spans, read_conll
from reader.core.entities.evaluate import Scores
from reader.core.entities.features import SENT_END, SENT_START, DocumentView, Memory, WordFeatureCache, tag_features
from reader.core.entities.gazetteer import PhraseMatcher, collect_phrases, reversed_phrases
from reader.core.entities.knowledge import Knowledge, build_knowledge, plain_words
from reader.core.entities.labels import LABELS, allowed_after, to_bilou
from reader.core.entities.model import FEATURE_CACHE_LIMIT, StackedModel, TaggerModel
from reader.core.entities.model_file import save_model
from reader.core.entities.packing import pack_weights, quantize
from reader.core.entities.prepare import prepare_sentence, remember
from reader.core.entities.stacking import (
    both_ways_hints,
    hint_features,
    reverse_document,
    stack_hints,
    unreverse_tags,
)
from reader.core.entities.tokenize import normalize_token

REPO_ROOT = Path(__file__).resolve().parents[3]
# $NEWS_READER_DATA (as for the benchmarks), else ../shared/data beside the repository.
DEFAULT_DATA = Path(os.environ.get("NEWS_READER_DATA") or REPO_ROOT.parent / "shared" / "data") / "conll2003"
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
    """Averaged perceptron weights, each feature's label weights packed into one Python int.

    Why packed: scoring sums a few dozen features for every training token; one C-level `sum()` of
    ints (32-bit fields, as the decoder's `pack`) replaces a Python loop per label, which made
    training (and so cross-validation) about three times faster. The running sums for averaging
    (step * update) need 64-bit fields. Integer arithmetic gives exactly the old float results.
    """

    def __init__(self, n_labels: int) -> None:
        self.n = n_labels
        self.w: dict[str, int] = {}
        self.u: dict[str, int] = {}  # sum of step * update, so average = w - u / steps
        self.steps = 1
        self._unit = [1 << (32 * k) for k in range(n_labels)]
        self._unit64 = [1 << (64 * k) for k in range(n_labels)]
        self._bias = sum(1 << 30 << (32 * k) for k in range(n_labels))
        self._unpack = struct.Struct(f"<{n_labels}I").unpack

    def scores(self, feats: list[str]) -> tuple[int, ...]:
        """The labels' scores, each biased by 2**30 (the order of the scores is what counts)."""
        total = sum(filter(None, map(self.w.get, feats))) + self._bias
        return self._unpack(total.to_bytes(4 * self.n, "little"))

    def update(self, feats: list[str], gold: int, guess: int) -> None:
        d = self._unit[gold] - self._unit[guess]
        du = self.steps * (self._unit64[gold] - self._unit64[guess])
        w, u = self.w, self.u
        for f in feats:
            w[f] = w.get(f, 0) + d
            u[f] = u.get(f, 0) + du

    def averaged(self) -> dict[str, list[float]]:
        c, n = self.steps, self.n
        bias64 = sum(1 << 62 << (64 * k) for k in range(n))
        unpack64 = struct.Struct(f"<{n}Q").unpack
        out = {}
        for f, w in self.w.items():
            ws = self._unpack((w + self._bias).to_bytes(4 * n, "little"))
            us = unpack64((self.u[f] + bias64).to_bytes(8 * n, "little"))
            out[f] = [(a - (1 << 30)) - (b - (1 << 62)) / c for a, b in zip(ws, us, strict=True)]
        return out


Prepared = list[tuple[list[str], list[str], bool, list[list[str]], list[str], list[tuple[list[str], ...]]]]


def _prepare_doc(doc: ConllDocument, cache: WordFeatureCache, matcher: PhraseMatcher,
                 hints: list[list[list[str]]] | None) -> Prepared:
    """Per sentence, what training needs that does not depend on the tags: the same in every epoch."""
    view = DocumentView(doc.sentences)
    out: Prepared = []
    for si, sent in enumerate(doc.sentences):
        low, shapes, caps, computed, wstats, _, _ = prepare_sentence(sent, view, matcher, cache.stats)
        sfeats = cast(list[list[str]], computed)  # every token's features: no starters given
        if hints is not None:
            for feats, more in zip(sfeats, hints[si], strict=True):
                feats.extend(more)
        wf = [cache.get(t) for t in (SENT_START, SENT_START, *sent, SENT_END, SENT_END)]
        out.append((low, shapes, caps, sfeats, wstats, wf))
    return out


def train_epoch(p: Perceptron, docs: list[ConllDocument], caches: list[WordFeatureCache],
                matchers: list[PhraseMatcher], order: list[int], hints: Hints | None = None,
                memo: dict[int, Prepared] | None = None) -> int:
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
        prepared = memo.get(di) if memo is not None else None
        if prepared is None:
            prepared = _prepare_doc(doc, caches[di], matchers[di], hints[di] if hints is not None else None)
            if memo is not None:
                memo[di] = prepared
        memory: dict[str, Memory] = {}
        for sent, gold_iob, (low, shapes, caps, sfeats, wstats, wf) in zip(doc.sentences, doc.tags, prepared,
                                                                          strict=True):
            gold = to_bilou(gold_iob)
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
                on_epoch: Callable[[int, dict[str, list[float]]], None] | None = None) -> dict[str, list[float]]:
    """Averaged weights after `epochs` passes over the documents (a number chosen by cross-validation).

    `on_epoch(epoch, weights)`, when given, sees the averaged weights after every epoch (cross-validation
    scores each epoch count from one run).
    """
    p = Perceptron(len(LABELS))
    rng = random.Random(seed)
    order = list(range(len(docs)))
    memo: dict[int, Prepared] = {}  # each document's tag-independent features, made in the first epoch
    for epoch in range(1, epochs + 1):
        rng.shuffle(order)
        train_epoch(p, docs, caches, matchers, order, hints, memo)
        if on_epoch is not None and epoch < epochs:
            on_epoch(epoch, p.averaged())
    final = p.averaged()
    if on_epoch is not None:
        on_epoch(epochs, final)
    return final


def build_model(weights: dict[str, list[float]], prune: float, stats: dict[str, str], phrases: dict[str, str],
                starters: list[str], knowledge: Knowledge) -> TaggerModel:
    """A decoding model of trained float weights (quantized and packed as the model file keeps them)."""
    return TaggerModel(LABELS, pack_weights(quantize(weights, prune)[0]), stats, phrases, {"starters": starters},
                       features=WordFeatureCache(stats, FEATURE_CACHE_LIMIT, knowledge))


def jackknife_tags(docs: list[ConllDocument], caches: list[WordFeatureCache], matchers: list[PhraseMatcher],
                   fold_stats: list[dict[str, str]], fold_phrases: list[dict[str, str]], starters: list[str],
                   epochs: int, cfg: TrainConfig, knowledge: Knowledge) -> list[list[list[str]]]:
    """Each document's IOB2 tags from a first pass trained on the other folds only.

    `fold_phrases` are the phrases of the training data without fold k (reversed for a backward pass).
    """
    n, folds = len(docs), cfg.folds
    out: list[list[list[str]]] = [[] for _ in range(n)]
    for k in range(folds):
        idx = [j for j in range(n) if j % folds != k]
        wk = train_stage([docs[j] for j in idx], [caches[j] for j in idx], [matchers[j] for j in idx], epochs, cfg.seed)
        mk = build_model(wk, cfg.prune, fold_stats[k], fold_phrases[k], starters, knowledge)
        for j in range(k, n, folds):
            out[j] = mk.tag_document(docs[j].sentences)
    return out


def reversed_doc(doc: ConllDocument) -> ConllDocument:
    """The document read from its end, with its gold tags mirrored to match."""
    return ConllDocument(reverse_document(doc.sentences), unreverse_tags(doc.tags))


@dataclass(frozen=True)
class TrainConfig:
    """What a training run does; every choice here was made by 5-fold cross-validation on train.txt."""

    epochs: tuple[int, ...] = (6,)  # per stage: first pass[, right-to-left pass, second pass]
    stages: int = 1  # 2 adds the document-level second pass (and, with `backward`, a right-to-left pass)
    backward: bool = True
    folds: int = FOLDS  # jackknife folds for the statistics and the second pass's inputs
    seed: int = 1
    prune: float = 0.05
    groups: tuple[str, ...] = ("hand", "extra")  # knowledge groups (see knowledge.py)


@dataclass
class Trained:
    """A trained tagger, ready to tag and to be saved."""

    model: TaggerModel | StackedModel
    stages: list[dict[str, list[float]]]
    stats: dict[str, str]
    phrases: dict[str, str]
    knowledge: Knowledge
    info: dict[str, object]

    def save(self, path: Path, prune: float) -> int:
        """Write the model file; returns the number of features kept."""
        return save_model(path, LABELS, [quantize(w, prune)[0] for w in self.stages], self.stats, self.phrases,
                          self.info, self.knowledge)


def fit(train_docs: list[ConllDocument], cfg: TrainConfig, knowledge: Knowledge,
        on_epoch: Callable[[int, TaggerModel], None] | None = None) -> Trained:
    """Train on `train_docs` only (no development data is looked at).

    `on_epoch(epoch, model)` sees the first pass after each epoch (for a one-stage model, the model).
    """
    folds, n = cfg.folds, len(train_docs)
    fold_stats = [word_stats([d for j, d in enumerate(train_docs) if j % folds != k]) for k in range(folds)]
    fold_phrases = [collect_phrases([d for j, d in enumerate(train_docs) if j % folds != k]) for k in range(folds)]
    fold_caches = [WordFeatureCache(st, 0, knowledge) for st in fold_stats]
    caches = [fold_caches[j % folds] for j in range(n)]
    matchers = [PhraseMatcher(fold_phrases[j % folds]) for j in range(folds)]
    doc_matchers = [matchers[j % folds] for j in range(n)]
    stats, phrases = word_stats(train_docs), collect_phrases(train_docs)
    # Lower-case words that begin (or end) names: the decoder scores them even outside a name.
    starters, enders = name_starters(train_docs), name_starters(train_docs, last=True)

    def model_of(weights: dict[str, list[float]], phr: dict[str, str] = phrases,
                 start: list[str] = starters) -> TaggerModel:
        return build_model(weights, cfg.prune, stats, phr, start, knowledge)

    hook = None if on_epoch is None else (lambda e, w: on_epoch(e, model_of(w)))
    w1 = train_stage(train_docs, caches, doc_matchers, cfg.epochs[0], cfg.seed, None, hook)
    info: dict[str, object] = {"trained_on": "CoNLL-2003 train.txt",
                               "chosen_by": "5-fold cross-validation on train.txt",
                               "starters": starters, "enders": enders, "seed": cfg.seed, "prune": cfg.prune,
                               "epochs": list(cfg.epochs), "groups": list(cfg.groups)}
    first = model_of(w1)
    if cfg.stages == 1:
        return Trained(first, [w1], stats, phrases, knowledge, info)
    # The second pass learns from first-pass tags the first pass did not see the answers of.
    fwd = jackknife_tags(train_docs, caches, doc_matchers, fold_stats, fold_phrases, starters, cfg.epochs[0], cfg,
                         knowledge)
    stages = [w1]
    backward = None
    if cfg.backward:
        rev_train = [reversed_doc(d) for d in train_docs]
        rev_fold = [reversed_phrases(p) for p in fold_phrases]
        rev_matchers = [PhraseMatcher(rev_fold[j % folds]) for j in range(n)]
        wb = train_stage(rev_train, caches, rev_matchers, cfg.epochs[1], cfg.seed)
        backward = model_of(wb, reversed_phrases(phrases), enders)
        back = [unreverse_tags(t) for t in jackknife_tags(rev_train, caches, rev_matchers, fold_stats, rev_fold,
                                                          enders, cfg.epochs[1], cfg, knowledge)]
        hints = [hint_features(both_ways_hints(d.sentences, f, b))
                 for d, f, b in zip(train_docs, fwd, back, strict=True)]
        stages.append(wb)
    else:
        hints = [hint_features(stack_hints(d.sentences, f)) for d, f in zip(train_docs, fwd, strict=True)]
    w2 = train_stage(train_docs, caches, doc_matchers, cfg.epochs[-1], cfg.seed, hints)
    stages.append(w2)
    return Trained(StackedModel(first, model_of(w2), backward), stages, stats, phrases, knowledge, info)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Train the News Reader entity tagger on CoNLL-2003 train.txt.")
    ap.add_argument("--train", type=Path, default=DEFAULT_DATA / "train.txt")
    ap.add_argument("--dev", type=Path, default=DEFAULT_DATA / "dev.txt", help="scored once, after training")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--epochs", default=",".join(map(str, TrainConfig.epochs)), help="per stage, comma-separated")
    ap.add_argument("--stages", type=int, choices=(1, 2), default=TrainConfig.stages)
    ap.add_argument("--groups", default=",".join(TrainConfig.groups), help="knowledge groups (knowledge.py)")
    args = ap.parse_args(argv)
    cfg = TrainConfig(epochs=tuple(int(x) for x in args.epochs.split(",")), stages=args.stages,
                      groups=tuple(g for g in args.groups.split(",") if g))
    train_docs = read_conll(args.train)
    print(f"train: {len(train_docs)} documents; {cfg}", flush=True)
    plain = plain_words(s for d in train_docs for s in d.sentences)
    trained = fit(train_docs, cfg, build_knowledge(cfg.groups, plain))
    if args.dev.exists():
        scores, _, _ = evaluate(trained.model, read_conll(args.dev))
        trained.info["dev_f1"] = round(scores.prf()[2], 2)
        print(scores.table())
    kept = trained.save(args.out, cfg.prune)
    print(f"wrote {kept} features to {args.out} ({args.out.stat().st_size / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
