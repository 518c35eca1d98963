"""Benchmark of the entity tagger: cross-validated and dev F1, per-type scores, unseen-name recall, speed.

    .venv/bin/python benchmarks/ner.py [--model FILE] [--no-cv] [--train ...] [--dev ...]

- Cross-validation: the shipped model's configuration (epochs, knowledge groups, from its header)
  trained again five times on four fifths of `train.txt` (documents split by a hash of their text)
  and scored on the fifth left out. Every choice of the model was made this way.
- Dev: the shipped model (with the news-page rules) on `dev.txt`, which no choice looked at.
- Unseen-name recall: recall on gold names whose words never were a name in the training part.
- Speed, in tokens per second of CPU time (the machine is shared; CPU time is what other jobs disturb
  least), best of 3: the whole `news-reader entities --conll FILE` process over the first ~180,000
  tokens of `train.txt` (start-up and model load included, measured with `getrusage` of the child),
  the model alone on the same documents from a cold start, and beside them the reference measured in
  the same run: a plain dictionary lookup of every token (its most frequent tag in training).
"""

from __future__ import annotations

import argparse
import gc
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from reader.core.entities import tagger  # noqa: E402
from reader.core.entities.conll import ConllDocument, read_conll  # noqa: E402
from reader.core.entities.crossval import Result, cross_validate  # noqa: E402
from reader.core.entities.evaluate import Scores  # noqa: E402
from reader.core.entities.gazetteer import collect_phrases  # noqa: E402
from reader.core.entities.model import StackedModel, TaggerModel  # noqa: E402
from reader.core.entities.model_file import read_model  # noqa: E402
from reader.core.entities.train import TrainConfig  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _data import data_root  # noqa: E402

DATA = data_root() / "conll2003"
SPEED_TOKENS = 180_000


REPEAT = [3]  # runs per speed measure (--repeat)


def _best(run: Callable[[], float]) -> float:
    """The smallest of REPEAT CPU-second measurements (the least disturbed run)."""
    return min(run() for _ in range(REPEAT[0]))


def first_tokens(docs: list[ConllDocument], limit: int) -> list[ConllDocument]:
    """Whole documents from the start until `limit` tokens are reached."""
    out, n = [], 0
    for d in docs:
        if n >= limit:
            break
        out.append(d)
        n += d.token_count
    return out


def write_conll(docs: list[ConllDocument], path: Path) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        for d in docs:
            fh.write("-DOCSTART- -X- -X- O\n\n")
            for sent in d.sentences:
                fh.write("".join(f"{tok} O\n" for tok in sent) + "\n")


def process_cpu(path: Path, model: Path, tree: Path = REPO) -> float:
    """CPU seconds of one `news-reader entities --conll path` process (the child's user + system time),
    running the code of `tree` (this checkout, or another one given with --against)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    env_model = ["-c", "import sys; from reader.core.entities import tagger; from pathlib import Path; "
                 f"tagger.model_path = lambda: Path({str(model)!r}); from reader.cli import main; "
                 "sys.exit(main(sys.argv[1:]))"]
    subprocess.run([sys.executable, *env_model, "entities", "--conll", str(path)], stdout=subprocess.DEVNULL,
                   check=True, cwd=tree)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def model_cpu(model: TaggerModel | StackedModel, docs: list[ConllDocument]) -> float:
    model.clear_cache()
    tagger.clear_caches()
    # This process holds all of train.txt and dev.txt's documents: frozen, the collector's passes over
    # them are not counted as the model's time (the `entities --conll` process freezes its model too).
    gc.collect()
    gc.freeze()
    try:
        t0 = time.process_time()
        for d in docs:
            model.tag_document(d.sentences)
        return time.process_time() - t0
    finally:
        gc.unfreeze()


def lookup_cpu(table: dict[str, str], docs: list[ConllDocument]) -> float:
    """The reference: one dictionary lookup per token."""
    t0 = time.process_time()
    get = table.get
    for d in docs:
        for sent in d.sentences:
            [get(tok, "O") for tok in sent]
    return time.process_time() - t0


def dev_scores(model: TaggerModel | StackedModel, docs: list[ConllDocument]) -> Result:
    """The shipped path (model and news-page rules) on dev."""
    tagger.use_model(model)

    class Shipped:
        def tag_document(self, sentences: list[list[str]]) -> list[list[str]]:
            return tagger.tag_sentences(sentences)

    res = Result()
    res.add(Shipped(), docs, collect_phrases(TRAIN_DOCS))  # type: ignore[arg-type]
    return res


TRAIN_DOCS: list[ConllDocument] = []


def print_scores(title: str, res: Result) -> None:
    s: Scores = res.scores
    print(f"\n### {title}\n")
    print("| type | precision | recall | F1 | gold entities |")
    print("|---|---:|---:|---:|---:|")
    for t in s.types():
        p, r, f = s.prf(t)
        print(f"| {t} | {p:.2f} | {r:.2f} | {f:.2f} | {s.gold[t]} |")
    p, r, f = s.prf()
    print(f"| **overall (exact match, micro)** | {p:.2f} | {r:.2f} | **{f:.2f}** | {sum(s.gold.values())} |")
    print(f"| recall on names unseen in training | | {res.unseen_recall():.2f} | | {res.unseen[1]} |")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dev", type=Path, default=DATA / "dev.txt")
    ap.add_argument("--train", type=Path, default=DATA / "train.txt")
    ap.add_argument("--model", type=Path, default=tagger.model_path(),
                    help="the model file (default: the shipped one; with --against, that tree's own shipped "
                         "file is its model unless --model is given: the file's format may differ)")
    ap.add_argument("--no-cv", dest="cv", action="store_false", help="skip the (slow) cross-validation")
    ap.add_argument("--repeat", type=int, default=3, help="runs per speed measure (the best is kept)")
    ap.add_argument("--against", type=Path, metavar="DIR",
                    help="another checkout (e.g. `git archive REV reader resources | tar -x -C DIR`): its whole "
                         "process is measured too, each run alternating with this tree's (a shared machine's "
                         "load then falls on both alike)")
    args = ap.parse_args()
    REPEAT[0] = args.repeat
    missing = [p for p in (args.dev, args.train) if not p.exists()]
    if missing:
        print(f"No CoNLL-2003 data at {', '.join(map(str, missing))}; pass --dev/--train or set NEWS_READER_DATA.",
              file=sys.stderr)
        return 2
    model = read_model(args.model)
    info = model.info
    TRAIN_DOCS.extend(read_conll(args.train))
    dev = read_conll(args.dev)
    print(f"## Entity tagger {args.model.name} ({args.model.stat().st_size / 1e6:.2f} MB): "
          f"epochs {info.get('epochs')}, knowledge {info.get('groups', 'hand lists')}")
    if args.cv:
        stages = 2 if isinstance(model, StackedModel) else 1
        cfg = TrainConfig(epochs=tuple(info.get("epochs", (6,))), stages=stages,
                          groups=tuple(info.get("groups", ("hand", "extra"))))
        cv = cross_validate(TRAIN_DOCS, cfg)[cfg.epochs[0]]
        print_scores("5-fold cross-validation on train.txt (held-out folds)", cv)
    print_scores(f"{args.dev.name}, scored once (model + news-page rules)", dev_scores(model, dev))

    docs = first_tokens(TRAIN_DOCS, SPEED_TOKENS)
    tokens = sum(d.token_count for d in docs)
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for d in TRAIN_DOCS:
        for sent, tags in zip(d.sentences, d.tags, strict=True):
            for tok, t in zip(sent, tags, strict=True):
                counts[tok][t] += 1
    table = {tok: c.most_common(1)[0][0] for tok, c in counts.items()}
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "speed.txt"
        write_conll(docs, path)
        runs = [process_cpu(path, args.model) for _ in range(REPEAT[0] if args.against is None else 0)]
        shipped = args.model.resolve() == tagger.model_path().resolve()
        other_model = (args.against / "resources" / "models" / tagger.MODEL_FILE
                       if args.against is not None and shipped else args.model)
        other: list[float] = []
        for _ in range(REPEAT[0] if args.against is not None else 0):
            runs.append(process_cpu(path, args.model))
            other.append(process_cpu(path, other_model, args.against))
        whole = min(runs)
    alone = _best(lambda: model_cpu(model, docs))
    ref = _best(lambda: lookup_cpu(table, docs))
    print(f"\n### Speed over {tokens:,} tokens ({len(docs)} documents of train.txt), tokens per CPU second\n")
    print("| what | CPU s | tokens / CPU s |")
    print("|---|---:|---:|")
    print(f"| whole process: news-reader entities --conll (start-up, model load, output) | {whole:.2f} | "
          f"{tokens / whole:,.0f} |")
    if other:
        med = sorted(runs)[len(runs) // 2]
        print(f"| (median of {len(runs)} whole-process runs, alternating with {args.against}) | {med:.2f} | "
              f"{tokens / med:,.0f} |")
        for label, value in (("best", min(other)), ("median", sorted(other)[len(other) // 2])):
            print(f"| whole process of {args.against}, {label} | {value:.2f} | {tokens / value:,.0f} |")
        # Each run against the other tree's run next to it: the load drifts less within a pair than
        # over the whole series, so the median of these ratios is the steadier comparison.
        ratios = sorted(o / r for o, r in zip(other, runs, strict=True))
        print(f"| median of the {len(ratios)} paired ratios, {args.against} CPU s / this tree's "
              f"(range {ratios[0]:.2f}-{ratios[-1]:.2f}) | {ratios[len(ratios) // 2]:.3f} | |")
    print(f"| model alone, cold caches | {alone:.2f} | {tokens / alone:,.0f} |")
    print(f"| reference: one dictionary lookup per token | {ref:.3f} | {tokens / ref:,.0f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
