"""The document-level rules (entities/docrules.py) judged on held-out folds of CoNLL train.txt, then dev once.

    NEWS_READER_DATA=/work/shared/data .venv/bin/python benchmarks/ner_doc_rules.py [--dev]

Each of the five cross-validation folds (`crossval.fold_of`) is tagged by a model of the shipped
configuration trained on the other four; the raw tags are kept in a cache file (training is the slow
part), so the rules' settings can be compared again in seconds. Every variant runs the shipped
sentence rules (modern names, news-page rules) first, as `tagger.tag_sentences` does, so the rows
differ only by the document rules. `--dev` adds the shipped model on dev.txt with the chosen settings
against none (dev played no part in the choice: look at it once, at the end).
"""

from __future__ import annotations

import argparse
import hashlib
import pickle
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from reader.core.entities import tagger  # noqa: E402
from reader.core.entities.conll import ConllDocument, read_conll  # noqa: E402
from reader.core.entities.crossval import FOLDS, fold_of  # noqa: E402
from reader.core.entities.docrules import DEFAULT_RULES, DocRules, apply_document_rules  # noqa: E402
from reader.core.entities.evaluate import Scores  # noqa: E402
from reader.core.entities.gazetteer import collect_phrases  # noqa: E402
from reader.core.entities.knowledge import Knowledge, build_knowledge, plain_words  # noqa: E402
from reader.core.entities.model import TaggerModel  # noqa: E402
from reader.core.entities.model_file import read_model  # noqa: E402
from reader.core.entities.modern import apply_modern_names  # noqa: E402
from reader.core.entities.newsrules import apply_news_rules  # noqa: E402
from reader.core.entities.train import TrainConfig, fit  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _data import data_root  # noqa: E402

DATA = data_root() / "conll2003"


@dataclass
class Tagged:
    """One fold's (or dev's) raw model tags and what the rules read from the model that made them."""

    docs: list[ConllDocument]
    raw: list[list[list[str]]]
    known_orgs: frozenset[str]
    knowledge: Knowledge
    phrases: dict[str, str]  # the training names of the model that made the tags (lower case -> type)


def known_orgs(model: TaggerModel) -> frozenset[str]:
    """The model's organisation names (for the news rules)."""
    return frozenset(p for p, typ in model.phrases.items() if typ == "ORG")


def fold_predictions(train: Path, cfg: TrainConfig, cache: Path) -> list[Tagged]:
    """Each fold tagged by a model trained on the others (read from `cache` when it is there)."""
    docs = read_conll(train)
    if cache.is_file():
        raw_folds = pickle.loads(cache.read_bytes())
    else:
        raw_folds = []
        for k in range(FOLDS):
            t0 = time.process_time()
            part = [d for d in docs if fold_of(d) != k]
            held = [d for d in docs if fold_of(d) == k]
            knowledge = build_knowledge(cfg.groups, plain_words(s for d in part for s in d.sentences))
            model = fit(part, cfg, knowledge).model
            assert isinstance(model, TaggerModel)
            raw = [model.tag_document(d.sentences) for d in held]
            raw_folds.append((raw, known_orgs(model)))
            print(f"fold {k + 1}/{FOLDS} tagged ({time.process_time() - t0:.0f} CPU s)", file=sys.stderr, flush=True)
        cache.write_bytes(pickle.dumps(raw_folds))
    out = []
    for k, (raw, orgs, *_old) in enumerate(raw_folds):
        # The word lists as the fold's model had them (made again: quick, and the same every time).
        part = [d for d in docs if fold_of(d) != k]
        knowledge = build_knowledge(cfg.groups, plain_words(s for d in part for s in d.sentences))
        out.append(Tagged([d for d in docs if fold_of(d) == k], raw, orgs, knowledge, collect_phrases(part)))
    return out


def score(parts: list[Tagged], rules: DocRules | None) -> tuple[Scores, int]:
    """Scores of the sentence rules plus (unless None) the document rules; how many spans the latter changed."""
    scores, changed = Scores(), 0
    for part in parts:
        for doc, raw in zip(part.docs, part.raw, strict=True):
            tags = [apply_news_rules(s, apply_modern_names(s, t), part.known_orgs)
                    for s, t in zip(doc.sentences, raw, strict=True)]
            if rules is not None:
                after = apply_document_rules(doc.sentences, tags, part.knowledge, rules, phrases=part.phrases)
                changed += sum(a != b for x, y in zip(tags, after, strict=True) for a, b in zip(x, y, strict=True))
                tags = after
            for gold, pred in zip(doc.tags, tags, strict=True):
                scores.add(gold, pred)
    return scores, changed


def row(label: str, s: Scores, changed: int, base: Scores | None) -> str:
    cells = []
    for t in ("PER", "ORG", "LOC", "MISC", None):
        p, r, f = s.prf(t)
        delta = "" if base is None else f" ({f - base.prf(t)[2]:+.2f})"
        cells.append(f"{p:.2f} / {r:.2f} / {f:.2f}{delta}")
    return f"| {label} | " + " | ".join(cells) + f" | {changed} |"


NEW_OFF = {"name_tails": False, "person_words": False, "products": False, "institutions_the": False,
           "institutions_list": False}
NONE = DocRules(short_form_types=(), join_person=(), common_zipf=0, **NEW_OFF)
BEFORE = replace(DEFAULT_RULES, **NEW_OFF)  # the rules chosen in the round before
ALL_TYPES = ("PER", "ORG", "LOC", "MISC")
ALL_LISTS = ("CTRY", "CITY", "REGION", "CTRYP", "NAT", "GIVEN", "GEO", "CITY2", "CLUB", "SURN")
OP = ("ORG", "PER")
VARIANTS: list[tuple[str, Callable[[DocRules], DocRules]]] = [
    ("short forms of PER names, by vote", lambda d: replace(NONE, short_form_types=("PER",))),
    ("short forms of PER names, always", lambda d: replace(NONE, short_form_types=("PER",), short_form_vote=False)),
    ("short forms of any type's names, by vote", lambda d: replace(NONE, short_form_types=ALL_TYPES)),
    ("one-word LOC/ORG + one-word PER joined", lambda d: replace(NONE, join_person=("LOC", "ORG"))),
    ("one-word LOC/ORG/MISC + one-word PER joined", lambda d: replace(NONE, join_person=("LOC", "ORG", "MISC"))),
    ("common words (ORG, PER), Zipf >= 4", lambda d: replace(NONE, common_zipf=4, common_types=OP)),
    ("common words (ORG, PER), Zipf >= 5", lambda d: replace(NONE, common_zipf=5, common_types=OP)),
    ("common words (ORG, PER), Zipf >= 6", lambda d: replace(NONE, common_zipf=6, common_types=OP)),
    ("common words (any type), Zipf >= 4", lambda d: replace(NONE, common_zipf=4, common_types=ALL_TYPES)),
    ("common words (any type), Zipf >= 5", lambda d: replace(NONE, common_zipf=5, common_types=ALL_TYPES)),
    ("common words (any type), Zipf >= 5, any listed word kept",
     lambda d: replace(NONE, common_zipf=5, common_types=ALL_TYPES, name_lists=ALL_LISTS)),
    ("common words (any type), Zipf >= 5, no listed word kept",
     lambda d: replace(NONE, common_zipf=5, common_types=ALL_TYPES, name_lists=())),
    ("chosen last round (without namerules.py)", lambda d: BEFORE),
    ("last round + a person's name continued by a capitalised word", lambda d: replace(BEFORE, name_tails=True)),
    ("last round + names of person words are persons", lambda d: replace(BEFORE, person_words=True)),
    ("last round + one-word inner-capital companies are products", lambda d: replace(BEFORE, products=True)),
    ("last round + common words after mid-sentence 'the' kept",
     lambda d: replace(BEFORE, institutions_the=True)),
    ("last round + common institution words kept", lambda d: replace(BEFORE, institutions_list=True)),
    ("last round + institution words after mid-sentence 'the' kept",
     lambda d: replace(BEFORE, institutions_the=True, institutions_list=True)),
    ("chosen (DEFAULT_RULES)", lambda d: d),
]


def table(title: str, parts: list[Tagged], variants: list[tuple[str, Callable[[DocRules], DocRules]]]) -> None:
    print(f"\n### {title}\n")
    print("| rules | PER P / R / F1 | ORG P / R / F1 | LOC P / R / F1 | MISC P / R / F1 | overall P / R / F1 "
          "| tags changed |")
    print("|---|---|---|---|---|---|---:|")
    base, _ = score(parts, None)
    print(row("sentence rules only (as before)", base, 0, None))
    for label, make in variants:
        s, changed = score(parts, make(DEFAULT_RULES))
        print(row(label, s, changed, base))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--train", type=Path, default=DATA / "train.txt")
    ap.add_argument("--dev", action="store_true", help="also score dev.txt with the shipped model (once, at the end)")
    ap.add_argument("--cache", type=Path, help="file of the folds' raw tags (default: in the temporary folder)")
    args = ap.parse_args()
    if not args.train.is_file():
        print(f"No CoNLL-2003 data at {args.train}; set NEWS_READER_DATA.", file=sys.stderr)
        return 2
    shipped = read_model(tagger.model_path())
    info = shipped.info
    cfg = TrainConfig(epochs=tuple(info.get("epochs", (6,))), groups=tuple(info.get("groups", ("hand", "extra"))))
    key = hashlib.sha1(f"{cfg}{args.train.stat().st_size}".encode()).hexdigest()[:12]
    cache = args.cache or Path(tempfile.gettempdir()) / f"news-reader-ner-folds-{key}.pickle"
    print(f"## Document rules on CoNLL-2003 ({cfg}; fold tags cached in {cache})")
    table("5-fold cross-validation on train.txt (held-out folds), P / R / F1 (change of F1)",
          fold_predictions(args.train, cfg, cache), VARIANTS)
    if args.dev:
        assert isinstance(shipped, TaggerModel)
        dev = read_conll(args.train.parent / "dev.txt")
        part = Tagged(dev, [shipped.tag_document(d.sentences) for d in dev], known_orgs(shipped),
                      shipped.features.knowledge, dict(shipped.phrases))
        table("dev.txt, the shipped model, scored once", [part], [VARIANTS[-8], VARIANTS[-1]])
    return 0


if __name__ == "__main__":
    sys.exit(main())
