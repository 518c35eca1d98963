"""Reading CoNLL-2003 style files: tokens in the first column, NER tag in the last."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

DOCSTART = "-DOCSTART-"


@dataclass
class ConllDocument:
    """One document: its sentences as token lists, and the gold tags when the file has them."""

    sentences: list[list[str]] = field(default_factory=list)
    tags: list[list[str]] = field(default_factory=list)

    @property
    def token_count(self) -> int:
        return sum(len(s) for s in self.sentences)


def parse_conll(lines: Iterable[str]) -> list[ConllDocument]:
    """Documents of a CoNLL file (a file without -DOCSTART- lines is one document)."""
    docs: list[ConllDocument] = []
    doc = ConllDocument()
    sent: list[str] = []
    tags: list[str] = []

    def end_sentence() -> None:
        nonlocal sent, tags
        if sent:
            doc.sentences.append(sent)
            doc.tags.append(tags)
        sent, tags = [], []

    for raw in lines:
        line = raw.rstrip("\n").rstrip("\r")
        cols = line.split()
        if not cols:
            end_sentence()
            continue
        if cols[0] == DOCSTART:
            end_sentence()
            if doc.sentences:
                docs.append(doc)
            doc = ConllDocument()
            continue
        sent.append(cols[0])
        tags.append(cols[-1] if len(cols) > 1 else "O")
    end_sentence()
    if doc.sentences:
        docs.append(doc)
    return docs


def read_conll(path: str | Path) -> list[ConllDocument]:
    """Parse the CoNLL file at `path` (UTF-8)."""
    with open(path, encoding="utf-8") as fh:
        return parse_conll(fh)


def iob_spans(tags: list[str]) -> list[tuple[int, int, str]]:
    """Entity spans (first, last + 1, type) from IOB1 or IOB2 tags, as conlleval reads them."""
    spans: list[tuple[int, int, str]] = []
    if tags.count("O") == len(tags):  # most sentences of news name nothing: one C-level count
        return spans
    start = -1
    cur = ""
    for i, tag in enumerate([*tags, "O"]):
        if tag == "O":  # most tags: only an open name to close
            if cur:
                spans.append((start, i, cur))
                cur = ""
            continue
        prefix, _, typ = tag.partition("-")
        begins = prefix == "B" or (prefix == "I" and typ != cur)
        if cur and (prefix == "O" or begins or typ != cur):
            spans.append((start, i, cur))
            cur = ""
        if prefix in ("B", "I") and not cur:
            start, cur = i, typ
    return spans
