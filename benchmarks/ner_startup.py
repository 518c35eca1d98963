"""Where the CPU time of one `news-reader entities --conll FILE` process goes, phase by phase.

    NEWS_READER_DATA=../shared/data .venv/bin/python benchmarks/ner_startup.py [--runs 5] [--against DIR]

The file is the one `benchmarks/ner.py` measures (the first ~180,000 tokens of `train.txt`). Each run is
a fresh process that notes its CPU time (`time.process_time`) when its own code starts (the interpreter's
start-up before it), after importing the command and the tagger, after loading the model, after the
command returned (tagging and output), and in its last exit handler; the process's whole CPU time
(`getrusage` of the child) less that last note is what the interpreter spends exiting. With `--against
DIR` (another checkout: `git archive REV reader resources | tar -x -C DIR`, with its own model file) its
runs alternate with this tree's, so the machine's load falls on both alike. Best and median per phase.
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _data import data_root  # noqa: E402
from ner import SPEED_TOKENS, first_tokens, write_conll  # noqa: E402

from reader.core.entities.conll import read_conll  # noqa: E402

PHASES = ("interpreter start-up", "imports (cli, command, tagger)", "model load", "tagging + output",
          "interpreter exit", "whole process")
# The child's own code: marks after each phase, written by the last exit handler (stdout is the tags).
_CHILD = """
import time
t0 = time.process_time()
import atexit, os, sys
from reader.cli import main
from reader.commands import entities
from reader.core.entities import tagger
t1 = time.process_time()
tagger.load_model()
t2 = time.process_time()
status = main(["entities", "--conll", sys.argv[1]])
sys.stdout.flush()
t3 = time.process_time()
atexit.register(lambda: os.write(2, f"{t0} {t1} {t2} {t3} {time.process_time()}".encode()))
sys.exit(status)
"""


def one_run(tree: Path, path: Path) -> list[float]:
    """CPU seconds of each phase (PHASES) of one process running the code of `tree`."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    done = subprocess.run([sys.executable, "-c", _CHILD, str(path)], cwd=tree, stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE, text=True, check=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    whole = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    t0, t1, t2, t3, t4 = map(float, done.stderr.split()[-5:])
    return [t0, t1 - t0, t2 - t1, t3 - t2, whole - t4, whole]


def summary(runs: list[list[float]], k: int) -> tuple[float, float]:
    """Best and median of phase k over the runs."""
    values = sorted(r[k] for r in runs)
    return values[0], values[len(values) // 2]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--train", type=Path, default=data_root() / "conll2003" / "train.txt")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--against", type=Path, metavar="DIR", help="another checkout, measured alternately")
    args = ap.parse_args()
    if not args.train.exists():
        print(f"No CoNLL-2003 data at {args.train}; pass --train or set NEWS_READER_DATA.", file=sys.stderr)
        return 2
    docs = first_tokens(read_conll(args.train), SPEED_TOKENS)
    tokens = sum(d.token_count for d in docs)
    trees = [REPO] + ([args.against] if args.against is not None else [])
    runs: dict[Path, list[list[float]]] = {t: [] for t in trees}
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "speed.txt"
        write_conll(docs, path)
        for _ in range(args.runs):
            for tree in trees:
                runs[tree].append(one_run(tree, path))
    print(f"### One `entities --conll` process over {tokens:,} tokens, CPU s per phase "
          f"(best / median of {args.runs})\n")
    names = ["this tree"] + ([str(args.against)] if args.against is not None else [])
    print("| phase | " + " | ".join(names) + " |")
    print("|---|" + "---:|" * len(names))
    for k, phase in enumerate(PHASES):
        cells = ["{:.3f} / {:.3f}".format(*summary(runs[t], k)) for t in trees]
        print(f"| {phase} | " + " | ".join(cells) + " |")
    cells = ["{:,.0f} / {:,.0f}".format(*(tokens / x for x in summary(runs[t], len(PHASES) - 1))) for t in trees]
    print("| tokens per CPU s, whole process | " + " | ".join(cells) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
