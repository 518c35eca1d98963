"""Benchmark of the entity tagger: dev F1 per type, tokens per second, model size and load time.

    .venv/bin/python benchmarks/ner.py [--dev ../shared/data/conll2003/dev.txt] [--model FILE]

The reference row, measured in the same run, is a lookup tagger (every entity string of
train.txt with its most frequent type, longest match first): it shows what memorising the
training names alone gives, and what plain dictionary speed looks like on this machine.
Speed is tokens per second of CPU time of this one process (one core; the machine is shared, and
CPU time is what other jobs disturb least), over the whole dev set, best of 3 runs: the model on pre-split
CoNLL tokens, and `tag()` on the dev text rebuilt as plain prose (tokenizer, sentence splitter
and date/money rules included). "Cold" starts each run with empty per-word caches (a fresh
app); "warm" runs with the caches filled by earlier text (an import of many articles).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable, Mapping
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from reader.core.entities.conll import ConllDocument, iob_spans, read_conll  # noqa: E402
from reader.core.entities.evaluate import Scores  # noqa: E402
from reader.core.entities.gazetteer import PhraseMatcher, collect_phrases  # noqa: E402
from reader.core.entities.model import StackedModel, TaggerModel  # noqa: E402
from reader.core.entities.model_file import read_model  # noqa: E402
from reader.core.entities.tagger import model_path  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _data import data_root  # noqa: E402

DATA = data_root() / "conll2003"


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


def _best_rate(tokens: int, run: Callable[[], object], *, cold: Callable[[], None] | None = None,
               repeat: int = 3) -> float:
    """tokens/s of the fastest of `repeat` runs (the machine is shared: the best run is the least disturbed)."""
    best = float("inf")
    for _ in range(repeat):
        if cold is not None:
            cold()
        t0 = time.process_time()
        run()
        best = min(best, time.process_time() - t0)
    return tokens / best


def score_model(model: TaggerModel | StackedModel, docs: list[ConllDocument],
                known: Mapping[str, str]) -> tuple[Scores, dict[tuple[bool, str], tuple[int, int]], float, float]:
    """Scores, recall on names seen / never seen in training (per type, and "" for all), then tokens/s cold
    and warm."""
    tokens = sum(d.token_count for d in docs)
    scores = Scores()
    recall: dict[tuple[bool, str], list[int]] = {}  # (seen in training, type or "") -> [found, gold]
    for d in docs:
        for sent, g, p in zip(d.sentences, d.tags, model.tag_document(d.sentences), strict=True):
            scores.add(g, p)
            found = set(iob_spans(p))
            for a, b, typ in iob_spans(g):
                seen = " ".join(t.lower() for t in sent[a:b]) in known
                for key in ((seen, ""), (seen, typ)):
                    counts = recall.setdefault(key, [0, 0])
                    counts[0] += (a, b, typ) in found
                    counts[1] += 1

    def run() -> None:
        for d in docs:
            model.tag_document(d.sentences)

    cold = _best_rate(tokens, run, cold=model.clear_cache)
    warm = _best_rate(tokens, run)
    return scores, {k: (v[0], v[1]) for k, v in recall.items()}, cold, warm


def text_speed(model: TaggerModel | StackedModel, docs: list[ConllDocument]) -> tuple[float, float, int]:
    """tokens/s of the public tag() with `model` on each dev document rebuilt as text (cold, warm), and the
    spans found."""
    from reader.core.entities import tag
    from reader.core.entities.tagger import clear_caches, use_model

    use_model(model)
    texts = ["\n".join(" ".join(s) for s in d.sentences) for d in docs]
    tokens = sum(d.token_count for d in docs)
    found = sum(len(tag(t)) for t in texts)

    def run() -> None:
        for t in texts:
            tag(t)

    return _best_rate(tokens, run, cold=clear_caches), _best_rate(tokens, run), found


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dev", type=Path, default=DATA / "dev.txt")
    ap.add_argument("--train", type=Path, default=DATA / "train.txt", help="for the lookup reference only")
    ap.add_argument("--model", type=Path, default=model_path())
    args = ap.parse_args()
    missing = [p for p in (args.dev, args.train) if not p.exists()]
    if missing:
        print(f"No CoNLL-2003 data at {', '.join(map(str, missing))}; pass --dev/--train or set NEWS_READER_DATA.",
              file=sys.stderr)
        return 2

    loads = []
    for _ in range(3):
        t0 = time.perf_counter()
        model = read_model(args.model)
        loads.append(time.perf_counter() - t0)
    dev = read_conll(args.dev)
    tokens = sum(d.token_count for d in dev)
    matcher = PhraseMatcher(collect_phrases(read_conll(args.train)))
    scores, recall, cold, warm = score_model(model, dev, matcher.phrases)
    prose_cold, prose_warm, found = text_speed(model, dev)

    ref = Scores()
    t0 = time.process_time()
    for d in dev:
        for sent, gold in zip(d.sentences, d.tags, strict=True):
            ref.add(gold, lookup_tags(matcher, sent))
    ref_speed = tokens / (time.process_time() - t0)

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
    for seen, label in ((False, "never seen in training"), (True, "seen in training")):
        hit, total = recall[seen, ""]
        print(f"| recall on names {label} | | {100 * hit / total:.2f} | | {total} |")
        for t in scores.types():
            if (seen, t) in recall:
                hit, total = recall[seen, t]
                print(f"| - {t} | | {100 * hit / total:.2f} | | {total} |")
    print()
    print("| measure | value |")
    print("|---|---:|")
    print(f"| model file size | {args.model.stat().st_size / 1e6:.2f} MB |")
    print(f"| model load time (best of 3) | {min(loads):.3f} s |")
    print(f"| tokens/s, model on CoNLL tokens, cold cache | {cold:,.0f} |")
    print(f"| tokens/s, model on CoNLL tokens, warm cache | {warm:,.0f} |")
    print(f"| tokens/s, tag() on plain text (tokenize + rules), cold cache | {prose_cold:,.0f} |")
    print(f"| tokens/s, tag() on plain text (tokenize + rules), warm cache | {prose_warm:,.0f} |")
    print(f"| tokens/s, reference lookup tagger | {ref_speed:,.0f} |")
    print(f"\n(tag() found {found} spans in the rebuilt dev text, rule types included)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
