"""Modern organisations and products the 1996 training news cannot know ("Amazon said", "Google's Stadia").

The list is data (`resources/entities/modern_names.json`, every entry naming the public list it was
taken from). `apply_modern_names` runs on the model's IOB2 tags of a sentence before the news-page
rules: a token sequence written exactly as a listed name gets the listed type (ORG or MISC), so
"Amazon" is no longer a place, "Wikileaks" no longer a person and a product no longer a company.

What it leaves to the model:
- a listed name inside a longer name the model found ("Amazon Web Services", "Michael Bloomberg");
  only "X and Y" where Y is listed is cut in two ("Liu He and Getty Images");
- a name that is also an ordinary word (`word`: "Apple", "Shell", "Windows") unless the model already
  took it for a name, and a name that is also a place (`place`: "Amazon") after "the".
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from itertools import compress
from pathlib import Path

from reader.core.entities.conll import iob_spans
from reader.core.entities.tokenize import tokenize
from reader.paths import resources_dir

MODERN_FILE = "modern_names.json"
# Tokens that may stand between a model name and a listed name it swallowed ("X and Getty Images").
# Not "&": it is part of names ("Procter & Gamble", "Goldman Sachs & Co").
_JOINS = frozenset(["and", ",", "or"])
# Words after a join that make the whole one company ("Morgan Stanley and Co").
_FIRM_WORDS = frozenset(["co", "co.", "company", "sons", "partners", "associates", "inc", "inc.", "ltd", "brothers"])


@dataclass(frozen=True)
class ModernName:
    """One listed name as tokens, its type, and whether it is also a word or a place."""

    tokens: tuple[str, ...]
    type: str
    word: bool = False
    place: bool = False


@dataclass(frozen=True)
class ModernNames:
    """The listed names by their first token, longest first."""

    by_first: dict[str, tuple[ModernName, ...]]
    # The last token of every name: one C-level test per sentence says whether any may be in it. Not
    # the first: "The" (The New York Times) would send nearly every sentence to the slow path.
    last: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        object.__setattr__(self, "last", frozenset(n.tokens[-1] for v in self.by_first.values() for n in v))


def load_names(path: Path) -> ModernNames:
    """Read a names file (see the module docstring); names are split with the tagger's tokenizer."""
    data = json.loads(path.read_text(encoding="utf-8"))
    by_first: dict[str, list[ModernName]] = {}
    for item in data["entries"]:
        text = item["name"]
        tokens = tuple(text[s:e] for s, e in tokenize(text))
        if tokens:
            name = ModernName(tokens, item["type"], bool(item.get("word")), bool(item.get("place")))
            by_first.setdefault(tokens[0], []).append(name)
    return ModernNames({k: tuple(sorted(v, key=lambda n: -len(n.tokens))) for k, v in by_first.items()})


@cache
def builtin_names() -> ModernNames:
    """The shipped list (empty when the file is missing: the model's tags are then kept as they are)."""
    path = resources_dir() / "entities" / MODERN_FILE
    return load_names(path) if path.is_file() else ModernNames({})


def apply_modern_names(sent: list[str], tags: list[str], names: ModernNames | None = None) -> list[str]:
    """The sentence's IOB2 tags with listed modern names given their listed type."""
    table = names if names is not None else builtin_names()
    by_first = table.by_first
    if table.last.isdisjoint(sent):
        return tags
    out = list(tags)
    taken = 0  # the tokens before this are in a name already given its type
    for i in compress(range(len(sent)), map(by_first.__contains__, sent)):  # few tokens begin a listed name
        if i < taken:
            continue
        found = _match(sent, i, by_first[sent[i]])
        if found is not None and _retype(sent, out, i, i + len(found.tokens), found):
            taken = i + len(found.tokens)
    return out


def _match(sent: list[str], i: int, candidates: tuple[ModernName, ...]) -> ModernName | None:
    for name in candidates:
        if tuple(sent[i : i + len(name.tokens)]) == name.tokens:
            return name
    return None


def _retype(sent: list[str], out: list[str], i: int, j: int, name: ModernName) -> bool:
    """Give tokens i..j the name's type in `out` unless the model's reading should stand; whether done."""
    covering = [(a, b, t) for a, b, t in iob_spans(out) if a < j and b > i]
    if name.place and i > 0 and sent[i - 1].lower() == "the":
        return False
    if name.word and not covering:
        return False
    for a, b, _t in covering:
        # A longer name around the listed one stays whole, unless only a join ("and") links them.
        if a < i and sent[i - 1].lower() not in _JOINS:
            return False
        if b > j and (sent[j].lower() not in _JOINS or " ".join(sent[j + 1 : j + 2]).lower() in _FIRM_WORDS):
            return False
    for a, b, t in covering:
        if a < i:
            _relabel(sent, out, a, i, t)
        if b > j:
            _relabel(sent, out, j, b, t)
    out[i] = f"B-{name.type}"
    out[i + 1 : j] = [f"I-{name.type}"] * (j - i - 1)
    return True


def _relabel(sent: list[str], out: list[str], a: int, b: int, typ: str) -> None:
    """Tokens a..b become their own name of `typ`, without the joins at their edges."""
    out[a:b] = ["O"] * (b - a)
    while a < b and sent[a].lower() in _JOINS:
        a += 1
    while b > a and sent[b - 1].lower() in _JOINS:
        b -= 1
    if a < b:
        out[a] = f"B-{typ}"
        out[a + 1 : b] = [f"I-{typ}"] * (b - a - 1)
