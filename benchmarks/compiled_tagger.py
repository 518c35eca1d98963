"""What compiling the tagger's model code would buy: the same modules as C (mypyc) beside the Python ones.

    python benchmarks/compiled_tagger.py [--text bodies|conll] [--n 96] [--rounds 3]

Issue 14 asks the tagger to keep up with parsing in an import; `import_stages.py` says where it stands
per format. This measures the way out most often proposed, a compiled decoder, without writing one:
the package is copied to a temporary folder and the model's four hot modules (`COMPILED`: decoding,
word sums, preparation, features) are compiled there with mypyc (from mypy, in the `dev` extra; it
needs a C compiler and the Python headers). Then each tree, in turn, in its own process, prepares and
decodes the same articles from cold word caches (the model loaded first), as an import's worker does;
`--rounds` alternations, so both meet the same load. The table gives the CPU per article of each and
their ratio; the two trees' tags must be the same (the run fails if not).

`bodies` is today's news as plain text (the hand-marked bodies of the saved pages, `_body_files.py`),
`conll` articles of train.txt sentences (`import_stages.py`).
"""

from __future__ import annotations

import argparse
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


def build(tree: Path) -> None:
    """The package and its resources copied to `tree`, the `COMPILED` modules built there with mypyc."""
    shutil.copytree(REPO / "reader", tree / "reader", ignore=shutil.ignore_patterns("__pycache__", "*.so"))
    shutil.copytree(REPO / "resources", tree / "resources")
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
    if shutil.which("cc") is None and shutil.which("gcc") is None:
        print("skipped: compiled_tagger needs a C compiler (cc or gcc) and the Python headers for mypyc")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        articles = root / "articles"
        if args.text == "conll":
            write_conll_files(articles, args.n)
        else:
            write_body_files(articles, args.n)
        plain, compiled = root / "python", root / "compiled"
        shutil.copytree(REPO / "reader", plain / "reader", ignore=shutil.ignore_patterns("__pycache__", "*.so"))
        shutil.copytree(REPO / "resources", plain / "resources")
        build(compiled)
        runs: dict[str, list[dict[str, object]]] = {"python": [], "compiled": []}
        for _ in range(args.rounds):
            runs["python"].append(measure(plain, articles))
            runs["compiled"].append(measure(compiled, articles))
    if not all(r["compiled"] for r in runs["compiled"]) or any(r["compiled"] for r in runs["python"]):
        raise SystemExit("the compiled tree did not load its compiled modules (or the Python tree did)")
    digests = {str(r["tags"]) for rs in runs.values() for r in rs}
    if len(digests) != 1:
        raise SystemExit("the compiled modules tag differently from the Python ones")
    docs = int(runs["python"][0]["docs"])  # type: ignore[call-overload]
    print(f"The model's CPU per article, cold word caches: {docs} {args.text} articles, "
          f"{args.rounds} alternating runs (median; the same tags)\n")
    print("| code | preparation ms | decoding ms | model ms |")
    print("|---|---:|---:|---:|")
    medians = {}
    for name, rs in runs.items():
        prep = statistics.median(float(r["prepare"]) for r in rs) * 1000 / docs  # type: ignore[arg-type]
        dec = statistics.median(float(r["decode"]) for r in rs) * 1000 / docs  # type: ignore[arg-type]
        model = statistics.median(float(r["prepare"]) + float(r["decode"]) for r in rs) * 1000 / docs  # type: ignore[arg-type]
        medians[name] = model
        print(f"| {name} ({', '.join(COMPILED) if name == 'compiled' else 'as shipped'}) | {prep:.2f} | {dec:.2f} "
              f"| {model:.2f} |")
    print(f"\ncompiled / python: {medians['compiled'] / medians['python']:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
