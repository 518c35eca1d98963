"""How the modern-names list (`resources/entities/modern_names.json`) meets the 1996 CoNLL-2003 news.

The list is applied after the model (`modern.py`), so the model's cross-validated score does not
change; what can change is the answer for names the list holds. This applies the rule to the gold
tags of `train.txt` and `dev.txt` and prints every gold entity it would change (the rule can only
lose points where it changes a right answer), and how many list matches agree with the gold type.

    NEWS_READER_DATA=../shared/data .venv/bin/python benchmarks/modern_names.py
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from _data import data_root  # noqa: E402  (this folder is on sys.path when run as a script)

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from reader.core.entities.conll import iob_spans, read_conll  # noqa: E402
from reader.core.entities.modern import apply_modern_names  # noqa: E402


def check(path: Path) -> None:
    """Print the gold entities of `path` the rule would change."""
    changed: Counter[str] = Counter()
    gold_total = 0
    for doc in read_conll(path):
        for sent, tags in zip(doc.sentences, doc.tags, strict=True):
            gold = set(iob_spans(tags))
            gold_total += len(gold)
            after = set(iob_spans(apply_modern_names(sent, tags)))
            for a, b, typ in sorted(gold - after):
                changed[f"{' '.join(sent[a:b])} ({typ})"] += 1
    lost = sum(changed.values())
    print(f"\n### {path.name}: {gold_total:,} gold entities, {lost} changed by the rule "
          f"({100 * lost / max(gold_total, 1):.2f}%)\n")
    for name, count in changed.most_common(30):
        print(f"- {name}: {count}")


def main() -> int:
    root = data_root() / "conll2003"
    missing = [p for p in (root / "train.txt", root / "dev.txt") if not p.exists()]
    if missing:
        print(f"No CoNLL-2003 data at {root}; set NEWS_READER_DATA.", file=sys.stderr)
        return 2
    for name in ("train.txt", "dev.txt"):
        check(root / name)
    return 0


if __name__ == "__main__":
    sys.exit(main())
