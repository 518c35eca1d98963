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


def data_root() -> Path:
    """The folder holding conll2003/ and extraction/: $NEWS_READER_DATA, else ../shared/data next to the repo."""
    value = os.environ.get(ENV_VAR, "").strip()
    return Path(value).expanduser() if value else REPO.parent / "shared" / "data"


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
    "top_entities": Needs(
        ("extraction/html",),
        "the 96 saved news pages (html/<id>.html.gz) from the project's shared data folder",
    ),
    "ner": Needs(
        ("conll2003/train.txt", "conll2003/dev.txt"),
        "the CoNLL-2003 English NER corpus (train.txt and dev.txt = testa, four columns, IOB2 tags), "
        "https://www.clips.uantwerpen.be/conll2003/ner/",
    ),
}


def skip_message(name: str, root: Path) -> str | None:
    """Why benchmark `name` cannot run with the data under `root` (None when it can)."""
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
