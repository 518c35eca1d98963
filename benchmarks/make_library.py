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


FIRST = ["Maria", "Tomas", "Priya", "Jonas", "Elif", "Kwame", "Ana", "Lars", "Mei", "Omar"]
LAST = ["Keller", "Brandt", "Raman", "Weber", "Sahin", "Mensah", "Reyes", "Lund", "Chen", "Haddad"]
PLACES = ["Hamburg", "Lisbon", "Chicago", "Nairobi", "Oslo", "Melbourne", "Osaka", "Valparaiso", "Gdansk"]
BODIES = ["the Port Authority", "the European Commission", "Meridian Shipping", "the City Council",
          "the Harbour Pilots Union", "Northfield University"]  # fmt: skip


def _sentence(rng: random.Random) -> str:
    """A news-like sentence with a person, a place or an organisation in it, so the tagger has work."""
    person = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    words = " ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 16)))
    return rng.choice([
        f"{person} said in {rng.choice(PLACES)} on Monday that the {words} would go ahead.",
        f"According to {rng.choice(BODIES)}, the {words} rose by {rng.randint(2, 40)} percent last year.",
        f"In {rng.choice(PLACES)}, {person} of {rng.choice(BODIES)} warned that {words} could follow.",
    ])  # fmt: skip


def write_text_files(folder: Path, n: int, *, seed: int = 7, words: int = 300) -> list[Path]:
    """`n` distinct plain-text articles of about `words` words each, written under `folder` in subfolders of 500."""
    rng = random.Random(seed)
    paths = []
    for i in range(n):
        sub = folder / f"part-{i // 500:03d}"
        sub.mkdir(parents=True, exist_ok=True)
        title = " ".join(rng.choice(WORDS) for _ in range(6)).capitalize() + f" {i}"
        paragraphs, count = [], 0
        while count < words:
            para = " ".join(_sentence(rng) for _ in range(4))
            paragraphs.append(para)
            count += len(para.split())
        path = sub / f"article-{i:06d}.txt"
        path.write_text(title + "\n\n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
        paths.append(path)
    return paths
