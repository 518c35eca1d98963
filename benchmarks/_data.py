"""Where benchmarks find outside data (`NEWS_READER_DATA`, else ../shared/data) and what each one needs.

The data sets are not in the repository (their texts belong to their publishers), so a benchmark whose
data is missing is skipped with a note saying where to get it, and the other benchmarks still run.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
ENV_VAR = "NEWS_READER_DATA"
FEEDS_ENV_VAR = "NEWS_READER_FEEDPARSER_TESTS"


def data_root() -> Path:
    """The folder holding conll2003/ and extraction/: $NEWS_READER_DATA, else ../shared/data next to the repo."""
    value = os.environ.get(ENV_VAR, "").strip()
    return Path(value).expanduser() if value else REPO.parent / "shared" / "data"


def feedparser_tests_dir() -> Path:
    """feedparser's tests/ folder: $NEWS_READER_FEEDPARSER_TESTS, else a folder in the user cache."""
    value = os.environ.get(FEEDS_ENV_VAR, "").strip()
    if value:
        return Path(value).expanduser()
    import platformdirs

    return Path(platformdirs.user_cache_dir("news-reader-benchmarks", appauthor=False)) / "feedparser-tests"


@dataclass(frozen=True)
class Needs:
    """Files (relative to the data root) a benchmark reads, and how a user gets them."""

    files: tuple[str, ...]
    how_to_get: str

    def missing(self, root: Path) -> list[Path]:
        return [root / f for f in self.files if not (root / f).exists()]


NEEDS: dict[str, Needs] = {
    "extraction": Needs(
        ("extraction/ground-truth.json", "extraction/html"),
        "96 news pages with their article text marked by hand (html/<id>.html.gz + ground-truth.json), "
        "from the project's shared data folder; see the format in ../shared/data/README.md",
    ),
    "metadata": Needs(
        ("extraction/ground-truth.json", "extraction/html"),
        "the same 96 saved news pages as the extraction benchmark (html/<id>.html.gz, their URLs in "
        "ground-truth.json), from the project's shared data folder",
    ),
    "top_entities": Needs(
        ("extraction/html",),
        "the 96 saved news pages (html/<id>.html.gz) from the project's shared data folder",
    ),
    "tagger_bounds": Needs(
        ("extraction/ground-truth.json",),
        "the 96 saved news pages' hand-marked bodies (ground-truth.json) from the project's shared data folder",
    ),
    "ner": Needs(
        ("conll2003/train.txt", "conll2003/dev.txt"),
        "the CoNLL-2003 English NER corpus (train.txt and dev.txt = testa, four columns, IOB2 tags), "
        "https://www.clips.uantwerpen.be/conll2003/ner/",
    ),
    "ner_startup": Needs(
        ("conll2003/train.txt",),
        "the CoNLL-2003 English NER corpus (train.txt, four columns, IOB2 tags), "
        "https://www.clips.uantwerpen.be/conll2003/ner/",
    ),
}


def skip_message(name: str, root: Path) -> str | None:
    """Why benchmark `name` cannot run with the data under `root` (None when it can)."""
    if name == "feeds":
        return _feeds_skip_message()
    needs = NEEDS.get(name)
    if needs is None:
        return None
    missing = needs.missing(root)
    if not missing:
        return None
    shown = ", ".join(str(p) for p in missing)
    return (
        f"skipped: {name} needs outside data that is not here: {shown}.\n"
        f"  Get {needs.how_to_get};\n"
        f"  put it under {root} or point {ENV_VAR} at the folder that holds it."
    )


def _feeds_skip_message() -> str | None:
    """The feeds benchmark reads feedparser's own test feeds (not in the shared data) and needs feedparser."""
    folder = feedparser_tests_dir()
    if not folder.is_dir():
        return (
            f"skipped: feeds needs feedparser's test feeds, not found at {folder}.\n"
            "  Get them once: pip download --no-deps --no-binary :all: feedparser==6.0.14 -d /tmp/fp, unpack the\n"
            f"  tarball and move its tests/ folder to {folder} (or point {FEEDS_ENV_VAR} at it)."
        )
    try:
        import feedparser  # noqa: F401
    except ImportError:
        return "skipped: feeds needs feedparser to know which expected values are HTML: pip install -e '.[bench]'."
    return None
