"""Build a synthetic library cache of N articles quickly (for list and search benchmarks)."""

from __future__ import annotations

import random
from pathlib import Path

from reader.core.article import Block, make_article
from reader.core.store.library import Library

WORDS = ("harbour council minister budget river election court hospital energy trade vote union port "
         "farmers rain reservoir inflation bank festival reef survey strike wage ferry library").split()  # fmt: skip
SOURCES = ["The Harbour Ledger", "Northfield Courier", "Meridian Wire", "Baltic Dispatch", "Pacific Tribune"]


def make_library(db_path: Path, n: int, *, seed: int = 7) -> Library:
    """A cache holding `n` distinct articles of about 300 words each."""
    rng = random.Random(seed)
    lib = Library(db_path)
    for i in range(n):
        title = " ".join(rng.choice(WORDS) for _ in range(6)).capitalize() + f" {i}"
        blocks = [Block(" ".join(rng.choice(WORDS) for _ in range(60))) for _ in range(5)]
        article = make_article(
            title=title, blocks=blocks, path=f"/bench/{i}.txt", format="text",
            source=rng.choice(SOURCES), published=f"20{rng.randint(10, 26)}-{rng.randint(1, 12):02d}-01",
        )  # fmt: skip
        lib.store_file(article.path, 0.0, 1, [article])
    return lib
