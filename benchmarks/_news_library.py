"""Benchmark libraries made of real news sentences, and the queries a user would type into them (issue 15).

The sentences are CoNLL-2003's `train.txt` (Reuters news, read by path from `$NEWS_READER_DATA/conll2003/`,
never copied): each article is its own sample of them, shuffled with a fixed seed, so a word or a name is in
as many articles as it is in real news, not in 39 % of them as with the old 26-word vocabulary. Without the
data (or with `vocabulary=True`, to reproduce the old figures) the old generator is used and a note printed.

The 20 queries are picked from the corpus by the fixed rule of `RULE` (printed by the benchmarks), before
any query is run, so nothing is tuned to the results.
"""

from __future__ import annotations

import random
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from _data import data_root
from make_library import SOURCES, WORDS

from reader.core.article import Article, Block, make_article
from reader.core.store.library import Library

BATCH = 1000  # articles stored per transaction: quick to build
WORDS_PER_ARTICLE = 300
RULE = """queries picked from the corpus before any is run (fixed rule):
  names:   the 2 most frequent people (PER), 3 places (LOC), 2 organisations (ORG), as tagged in the corpus
  topics:  the 3 most frequent common nouns (NN/NNS) of 5+ letters
  phrases: the 2 most frequent pairs of lowercase words of 4+ letters each, quoted
  rare:    the first, alphabetically, lowercase word of 8+ letters found exactly 3 times
  common:  the most frequent lowercase word of 4+ letters
  forms:   topic 1's first 4 letters as a prefix; place 2 OR place 3; topic 2 without topic 3;
           topic 1 in the first source; person 1 after 2020; title: person 2's last word"""


@dataclass(frozen=True)
class Corpus:
    """The corpus's sentences (detokenised text) and its tagged names, nouns and words."""

    sentences: list[str]
    names: dict[str, Counter[str]]  # entity type -> name -> occurrences
    nouns: Counter[str]
    words: Counter[str]  # lowercase words as written


def conll_path() -> Path:
    return data_root() / "conll2003" / "train.txt"


def _detokenise(tokens: list[str]) -> str:
    text = " ".join(tokens)
    return re.sub(r" ([,.;:?!%)]|'s|n't)", r"\1", re.sub(r"([($]) ", r"\1", text))


def read_corpus(path: Path) -> Corpus:
    """The sentences of a CoNLL file (document markers left out) with the counts the queries are picked by."""
    sentences: list[str] = []
    names: dict[str, Counter[str]] = {t: Counter() for t in ("PER", "LOC", "ORG", "MISC")}
    nouns: Counter[str] = Counter()
    words: Counter[str] = Counter()
    tokens: list[str] = []
    entity: list[str] = []
    kind = ""

    def close_entity() -> None:
        nonlocal entity, kind
        if entity:
            names[kind][" ".join(entity)] += 1
        entity, kind = [], ""

    for line in path.read_text(encoding="utf-8").splitlines() + [""]:
        parts = line.split()
        if not parts or parts[0] == "-DOCSTART-":
            close_entity()
            if len(tokens) >= 4:
                sentences.append(_detokenise(tokens))
            tokens = []
            continue
        token, pos, _chunk, tag = parts
        tokens.append(token)
        if tag.startswith("B-") or tag == "O":
            close_entity()
        if tag != "O":
            entity.append(token)
            kind = tag[2:]
        if pos in ("NN", "NNS") and token.isalpha() and token.islower() and len(token) >= 5:
            nouns[token] += 1
        if token.isalpha() and token.islower():
            words[token] += 1
    return Corpus(sentences, names, nouns, words)


def _quoted(name: str) -> str:
    return f'"{name}"' if " " in name else name


def pick_queries(corpus: Corpus) -> list[str]:
    """The 20 benchmark queries by `RULE`."""
    def top(counter: Counter[str], k: int) -> list[str]:
        return [w for w, _ in sorted(counter.items(), key=lambda item: (-item[1], item[0]))[:k]]

    people, places, bodies = top(corpus.names["PER"], 2), top(corpus.names["LOC"], 3), top(corpus.names["ORG"], 2)
    topics = top(corpus.nouns, 3)
    pairs: Counter[str] = Counter()
    for sentence in corpus.sentences:
        ws = sentence.split()
        pairs.update(f"{a} {b}" for a, b in zip(ws, ws[1:], strict=False)
                     if a.isalpha() and b.isalpha() and a.islower() and b.islower() and min(len(a), len(b)) >= 4)
    rare = sorted(w for w, c in corpus.words.items() if c == 3 and len(w) >= 8)[0]
    common = top(Counter({w: c for w, c in corpus.words.items() if len(w) >= 4}), 1)[0]
    source = SOURCES[0].split()[-1].lower()
    return [
        *(_quoted(p) for p in people), *(_quoted(p) for p in places), *(_quoted(b) for b in bodies), *topics,
        *(f'"{p}"' for p in top(pairs, 2)), rare, common, f"{topics[0][:4]}*",
        f"{_quoted(places[1])} OR {_quoted(places[2])}", f"{topics[1]} -{topics[2]}",
        f"{topics[0]} source:{source}", f"{_quoted(people[0])} after:2020", f"title:{people[1].split()[-1]}",
    ]  # fmt: skip


def _vocabulary_article(rng: random.Random, i: int) -> Article:
    title = " ".join(rng.choice(WORDS) for _ in range(6)).capitalize() + f" {i}"
    blocks = [Block(" ".join(rng.choice(WORDS) for _ in range(60))) for _ in range(5)]
    published = f"20{rng.randint(10, 26)}-{rng.randint(1, 12):02d}-01"
    return make_article(title=title, blocks=blocks, path=f"/bench/{i // BATCH}.txt", format="text",
                        source=rng.choice(SOURCES), published=published)  # fmt: skip


def _news_article(rng: random.Random, i: int, corpus: Corpus, titles: list[str]) -> Article:
    paragraphs: list[str] = []
    count = 0
    while count < WORDS_PER_ARTICLE:
        para = " ".join(rng.sample(corpus.sentences, 4))
        paragraphs.append(para)
        count += len(para.split())
    published = f"20{rng.randint(10, 26)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    return make_article(title=rng.choice(titles), blocks=[Block(p) for p in paragraphs],
                        path=f"/bench/{i // BATCH}.txt", format="text", source=rng.choice(SOURCES),
                        published=published)  # fmt: skip


def load_corpus(*, vocabulary: bool = False) -> Corpus | None:
    """The news corpus, or None (printing why) when the old vocabulary is asked for or the data is missing."""
    if vocabulary:
        print("library: the old 26-word vocabulary (--vocabulary)")
        return None
    path = conll_path()
    if not path.is_file():
        print(f"note: {path} not found (set NEWS_READER_DATA); falling back to the old 26-word vocabulary")
        return None
    print(f"library: sentences of {path}, shuffled per article (seed 7)")
    return read_corpus(path)


def build_library(db_path: Path, n: int, corpus: Corpus | None, *, seed: int = 7) -> Library:
    """`n` articles of about 300 words, from `corpus`'s sentences (or the old vocabulary when None)."""
    rng = random.Random(seed)
    titles = [s for s in corpus.sentences if 4 <= len(s.split()) <= 12] if corpus else []
    lib = Library(db_path)
    for first in range(0, n, BATCH):
        batch = [_news_article(rng, i, corpus, titles) if corpus else _vocabulary_article(rng, i)
                 for i in range(first, min(n, first + BATCH))]  # fmt: skip
        lib.store_file(f"/bench/{first // BATCH}.txt", 0.0, 1, batch)
    return lib


OLD_QUERIES = (
    "harbour", "council budget", '"river election"', "fer*", "reef OR festival", "wage -strike",
    "inflation bank trade", '"port farmers rain"', "4242", "library source:meridian", "vote after:2020",
    "rain before:2015", "minister court hospital energy", '"strike wage"', "uni*", "survey NOT reef",
    "harbour OR port OR ferry", "reservoir title:budget", '"election court" vote', "777*",
)  # fmt: skip


def queries(corpus: Corpus | None) -> list[str]:
    """The benchmark's 20 queries: picked from the corpus by `RULE`, or the old ones for the old vocabulary."""
    if corpus is None:
        return list(OLD_QUERIES)
    picked = pick_queries(corpus)
    print(RULE)
    print("queries: " + " | ".join(picked) + "\n")
    return picked


def window_searches(corpus: Corpus | None, picked: list[str]) -> list[str]:
    """What the list benchmark types into the window's box, then clears: a person, a topic, a phrase, the
    common word, the source filter and the title filter of `picked` (the old four words for the vocabulary)."""
    if corpus is None:
        return ["reservoir", "harbour council", "title:ferry", "source:meridian wage", ""]
    return [picked[i] for i in (0, 7, 10, 13, 17, 19)] + [""]
