"""Benchmark of the entity tagger: dev F1 per type, tokens per second, model size and load time.

    .venv/bin/python benchmarks/ner.py [--dev ../shared/data/conll2003/dev.txt] [--model FILE]

The reference row, measured in the same run, is a lookup tagger (every entity string of
train.txt with its most frequent type, longest match first): it shows what memorising the
training names alone gives, and what plain dictionary speed looks like on this machine.
Speed is measured on one core, over the whole dev set: the model on pre-split CoNLL tokens
(cold = empty word cache, warm = second pass), and `tag()` on the dev text rebuilt as plain
prose (tokenizer, sentence splitter and date/money rules included).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from reader.core.entities.conll import ConllDocument, read_conll  # noqa: E402
from reader.core.entities.evaluate import Scores  # noqa: E402
from reader.core.entities.gazetteer import PhraseMatcher, collect_phrases  # noqa: E402
from reader.core.entities.model import StackedModel, TaggerModel  # noqa: E402
from reader.core.entities.model_file import read_model  # noqa: E402
from reader.core.entities.tagger import model_path  # noqa: E402

DATA = REPO.parent / "shared" / "data" / "conll2003"


def lookup_tags(matcher: PhraseMatcher, sent: list[str]) -> list[str]:
    """The reference: tag every known training entity string, longest match first."""
    low = [t.lower() for t in sent]
    tags = ["O"] * len(sent)
    for i, feats in enumerate(matcher.match(low, [t[:1].isupper() for t in sent])):
        for f in feats:
            if f[:5] in ("gz=B-", "gz=U-"):
                tags[i] = "B-" + f[5:]
            elif f[:5] in ("gz=I-", "gz=L-"):
                tags[i] = "I-" + f[5:]
    return tags


def score_model(model: TaggerModel | StackedModel, docs: list[ConllDocument]) -> tuple[Scores, float, float]:
    """Scores, then tokens/s on a cold word cache and on a warm one."""
    tokens = sum(d.token_count for d in docs)
    model.clear_cache()
    t0 = time.perf_counter()
    preds = [model.tag_document(d.sentences) for d in docs]
    cold = tokens / (time.perf_counter() - t0)
    t0 = time.perf_counter()
    for d in docs:
        model.tag_document(d.sentences)
    warm = tokens / (time.perf_counter() - t0)
    scores = Scores()
    for d, pred in zip(docs, preds, strict=True):
        for g, p in zip(d.tags, pred, strict=True):
            scores.add(g, p)
    return scores, cold, warm


def text_speed(docs: list[ConllDocument]) -> tuple[float, int]:
    """tokens/s of the public tag() on each dev document rebuilt as text, and the spans found."""
    from reader.core.entities import load_model, tag

    load_model()
    texts = ["\n".join(" ".join(s) for s in d.sentences) for d in docs]
    tokens = sum(d.token_count for d in docs)
    t0 = time.perf_counter()
    found = sum(len(tag(t)) for t in texts)
    return tokens / (time.perf_counter() - t0), found


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dev", type=Path, default=DATA / "dev.txt")
    ap.add_argument("--train", type=Path, default=DATA / "train.txt", help="for the lookup reference only")
    ap.add_argument("--model", type=Path, default=model_path())
    args = ap.parse_args()

    loads = []
    for _ in range(3):
        t0 = time.perf_counter()
        model = read_model(args.model)
        loads.append(time.perf_counter() - t0)
    dev = read_conll(args.dev)
    tokens = sum(d.token_count for d in dev)
    scores, cold, warm = score_model(model, dev)
    prose, found = text_speed(dev)

    ref = Scores()
    matcher = PhraseMatcher(collect_phrases(read_conll(args.train)))
    t0 = time.perf_counter()
    for d in dev:
        for sent, gold in zip(d.sentences, d.tags, strict=True):
            ref.add(gold, lookup_tags(matcher, sent))
    ref_speed = tokens / (time.perf_counter() - t0)

    print(f"## Entity tagger on {args.dev.name} ({len(dev)} documents, {tokens} tokens)\n")
    print("| type | precision | recall | F1 | gold entities |")
    print("|---|---:|---:|---:|---:|")
    for t in scores.types():
        p, r, f = scores.prf(t)
        print(f"| {t} | {p:.2f} | {r:.2f} | {f:.2f} | {scores.gold[t]} |")
    p, r, f = scores.prf()
    print(f"| **overall (exact match, micro)** | {p:.2f} | {r:.2f} | **{f:.2f}** | {sum(scores.gold.values())} |")
    rp, rr, rf = ref.prf()
    print(f"| reference: training-name lookup | {rp:.2f} | {rr:.2f} | {rf:.2f} | |")
    print()
    print("| measure | value |")
    print("|---|---:|")
    print(f"| model file size | {args.model.stat().st_size / 1e6:.2f} MB |")
    print(f"| model load time (best of 3) | {min(loads):.3f} s |")
    print(f"| tokens/s, model on CoNLL tokens, cold cache | {cold:,.0f} |")
    print(f"| tokens/s, model on CoNLL tokens, warm cache | {warm:,.0f} |")
    print(f"| tokens/s, tag() on plain text (tokenize + rules), cold cache | {prose:,.0f} |")
    print(f"| tokens/s, reference lookup tagger | {ref_speed:,.0f} |")
    print(f"\n(tag() found {found} spans in the rebuilt dev text, rule types included)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
