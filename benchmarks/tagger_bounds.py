"""How far the two ways out of the tagger's cost could go: compiling its code, and a leaner model.

    python benchmarks/tagger_bounds.py [--text bodies|conll] [--n 96] [--rounds 3]

Issue 14 asks the tagger to keep up with parsing in an import; `import_stages.py` says where it stands
per format. This measures, without building either, what the two ways most often proposed would buy.
The package is copied to temporary folders:

- `compiled`: the model's four hot modules (`COMPILED`: decoding, word sums, preparation, features)
  compiled to C with mypyc (from mypy, in the `dev` extra; it needs a C compiler and the Python headers).
  Its tags must be those of the Python code (the run fails if not).
- `floor`: the model with only the features of the words themselves, their neighbours and the previous
  tags: the word-pair, phrase, sentence, table, kind-of-story, document and memory features cut out of
  the decoder (`model.py`, the lines from `FLOOR_FROM` to `FLOOR_TO`), and the preparation neither matches
  phrases nor reads the document's facts (`prepare.py`: `FLOOR_CUTS`). Its tags are not a model's (their
  weights were learnt beside the features cut); it bounds what any leaner model of this kind could save.
- `floor compiled`: both.

Then each tree, in turn, in its own process, prepares and decodes the same articles from cold word caches
(the model loaded first), as an import's worker does; `--rounds` alternations, so all meet the same load.
The table gives the CPU per article of each, and its ratio to the code as shipped.

`bodies` is today's news as plain text (the hand-marked bodies of the saved pages, `_body_files.py`),
`conll` articles of train.txt sentences (`import_stages.py`).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from _body_files import write_body_files  # noqa: E402
from _data import REPO  # noqa: E402
from import_stages import write_conll_files  # noqa: E402

COMPILED = ("model.py", "word_sums.py", "prepare.py", "features.py")
FLOOR_FROM = "                key2 = (prev2, prev, low[i + 3])\n"
FLOOR_TO = "                # The best label allowed after `prev`"
_FACTS_FROM = "    headlines = [False] * len(sentences)\n"
_FACTS_TO = "    return DocumentFacts("
FLOOR_CUTS = (  # in prepare.py: what to replace, by what
    ("        gaz: list[Sequence[str]] = matcher.match(low[2:-2], upper[a:b]) if capital else [()] * (b - a)\n",
     "        gaz: list[Sequence[str]] = [()] * (b - a)\n"),
)

# Run in each tree's own process (that tree first on sys.path): the articles' sentences, then the model's
# preparation and decoding of each, timed with the process's CPU clock.
CHILD = """
import hashlib, json, sys, time
from pathlib import Path
from reader.core.entities import model, tagger
from reader.core.entities.tokenize import split_sentences, tokens_and_words
from reader.core.library_sync.pool import read_file
docs = []
for path in sorted(Path(sys.argv[1]).iterdir()):
    st = path.stat()
    for a in read_file(str(path), st.st_mtime, st.st_size, max_bytes=None).articles:
        tokens, words = tokens_and_words(a.text)
        docs.append([words[x:y] for x, y in split_sentences(a.text, tokens, words)])
tagger.load_model()
tagger.clear_caches()
m = tagger._get_model()
digest = hashlib.sha256()
prep = dec = 0.0
for sents in docs:
    t0 = time.process_time()
    p = m.prepare(sents)
    t1 = time.process_time()
    tags = m.decode(sents, p)
    t2 = time.process_time()
    prep += t1 - t0
    dec += t2 - t1
    digest.update(repr(tags).encode())
print(json.dumps({"docs": len(docs), "prepare": prep, "decode": dec, "tags": digest.hexdigest(),
                  "compiled": not model.__file__.endswith(".py")}))
"""


def copy(tree: Path) -> None:
    """The package and its resources copied to `tree`."""
    shutil.copytree(REPO / "reader", tree / "reader", ignore=shutil.ignore_patterns("__pycache__", "*.so"))
    shutil.copytree(REPO / "resources", tree / "resources")


def _cut(source: str, start: str, end: str, by: str = "") -> str:
    """`source` with the text from `start` up to `end` replaced `by`; stops the run if either is not found."""
    i = source.find(start)
    j = source.find(end, i)
    if i < 0 or j < 0:
        raise SystemExit(f"the tagger's code no longer has the lines this cuts ({start.strip()!r} .. {end.strip()!r})")
    return source[:i] + by + source[j:]


def cut_to_floor(tree: Path) -> None:
    """`tree`'s decoder and preparation reduced to the floor model (see the module's docstring)."""
    folder = tree / "reader" / "core" / "entities"
    model = folder / "model.py"
    model.write_text(_cut(model.read_text("utf-8"), FLOOR_FROM, FLOOR_TO), "utf-8")
    prepare = folder / "prepare.py"
    source = prepare.read_text("utf-8")
    for old, new in FLOOR_CUTS:
        if old not in source:
            raise SystemExit(f"prepare.py no longer has the line this cuts ({old.strip()!r})")
        source = source.replace(old, new)
    # The document's facts: none but its words and table rows (no headlines, cues or words seen).
    source = _cut(source, _FACTS_FROM, _FACTS_TO, "    headlines = [False] * len(sentences)\n"
                  "    title_seen: set[str] = set()\n    unique: dict[str, list[str]] = {}\n")
    prepare.write_text(source, "utf-8")


def compile_hot(tree: Path) -> None:
    """The `COMPILED` modules of `tree` built there with mypyc."""
    modules = [f"reader/core/entities/{name}" for name in COMPILED]
    done = subprocess.run([sys.executable, "-m", "mypyc", *modules], cwd=tree, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"mypyc failed ({done.returncode}):\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}")


def measure(tree: Path, articles: Path) -> dict[str, object]:
    """One cold run of the child in `tree`."""
    env = {"PYTHONPATH": str(tree), "PATH": "/usr/bin:/bin", "PYTHONDONTWRITEBYTECODE": "1"}
    out = subprocess.run([sys.executable, "-c", CHILD, str(articles)], cwd=tree, env=env,
                         capture_output=True, text=True, check=True).stdout
    return json.loads(out.strip().splitlines()[-1])  # type: ignore[no-any-return]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--text", choices=("bodies", "conll"), default="bodies")
    parser.add_argument("--n", type=int, default=96, help="articles (default 96: each body once)")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    if shutil.which("cc") is None and shutil.which("gcc") is None or importlib.util.find_spec("mypyc") is None:
        print("skipped: tagger_bounds needs mypyc (pip install -e '.[dev]') and a C compiler (cc or gcc) with the "
              "Python headers")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        articles = root / "articles"
        if args.text == "conll":
            write_conll_files(articles, args.n)
        else:
            write_body_files(articles, args.n)
        trees = {name: root / name.replace(" ", "-") for name in ("python", "compiled", "floor", "floor compiled")}
        for tree in trees.values():
            copy(tree)
        cut_to_floor(trees["floor"])
        cut_to_floor(trees["floor compiled"])
        compile_hot(trees["compiled"])
        compile_hot(trees["floor compiled"])
        runs: dict[str, list[dict[str, object]]] = {name: [] for name in trees}
        for _ in range(args.rounds):
            for name, tree in trees.items():
                runs[name].append(measure(tree, articles))
    if not all(r["compiled"] for r in runs["compiled"]) or any(r["compiled"] for r in runs["python"]):
        raise SystemExit("the compiled tree did not load its compiled modules (or the Python tree did)")
    if len({str(r["tags"]) for name in ("python", "compiled") for r in runs[name]}) != 1:
        raise SystemExit("the compiled modules tag differently from the Python ones")
    docs = int(runs["python"][0]["docs"])  # type: ignore[call-overload]
    print(f"The model's CPU per article, cold word caches: {docs} {args.text} articles, "
          f"{args.rounds} alternating runs (median)\n")
    print("| code | preparation ms | decoding ms | model ms | over the code as shipped |")
    print("|---|---:|---:|---:|---:|")
    what = {"python": "as shipped", "compiled": "mypyc: " + ", ".join(COMPILED) + "; the same tags",
            "floor": "word, neighbour and previous-tag features only", "floor compiled": "both"}
    shipped = 0.0
    for name, rs in runs.items():
        prep = statistics.median(float(r["prepare"]) for r in rs) * 1000 / docs  # type: ignore[arg-type]
        dec = statistics.median(float(r["decode"]) for r in rs) * 1000 / docs  # type: ignore[arg-type]
        model = statistics.median(float(r["prepare"]) + float(r["decode"]) for r in rs) * 1000 / docs  # type: ignore[arg-type]
        shipped = shipped or model
        print(f"| {name} ({what[name]}) | {prep:.2f} | {dec:.2f} | {model:.2f} | {model / shipped:.2f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
