"""The entity span record shared by the tagger, the rules and everything that shows entities."""

from __future__ import annotations

import builtins  # `type` is a field here
from dataclasses import dataclass

# PER, ORG, LOC, MISC come from the statistical model; the rest from rules (patterns.py).
ENTITY_TYPES = ("PER", "ORG", "LOC", "MISC", "DATE", "TIME", "MONEY", "PERCENT", "QUANTITY")


# slots: a long article holds hundreds of thousands of them. Not frozen: a frozen dataclass sets each field
# through object.__setattr__, three times the CPU of making one (every tagged name and date is one); hashed
# and compared by value as before, and nothing changes a span once made.
@dataclass(slots=True, unsafe_hash=True)
class EntitySpan:
    """One entity mention: character offsets into the tagged text, its type and its text (never changed)."""

    start: int
    end: int
    type: str
    text: str

    def __reduce__(self) -> tuple[builtins.type[EntitySpan], tuple[int, int, str, str]]:
        # An import's workers send every span to the one writer: the class and its four values pickle and
        # load in about half the time of a slotted dataclass's state (no reconstructor, no state to set).
        return (EntitySpan, (self.start, self.end, self.type, self.text))
