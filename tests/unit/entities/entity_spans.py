"""Spans over words of a sentence written for a test, shared by the entity and library tests."""

from __future__ import annotations

from reader.core.entities import EntitySpan


def spans(text: str, *wanted: tuple[str, str]) -> list[EntitySpan]:
    """A span over the first occurrence of each (words, type) after the previous one."""
    out, pos = [], 0
    for words, typ in wanted:
        start = text.index(words, pos)
        out.append(EntitySpan(start, start + len(words), typ, words))
        pos = start + len(words)
    return out
