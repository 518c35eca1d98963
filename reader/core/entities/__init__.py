"""Named entities in article text: a trained tagger (PER, ORG, LOC, MISC) plus rules (dates, money...).

Use `tag(text, language)` for spans over the text (or `tag_bounded`, which never raises for the
text's sake and keeps to a time budget) and `group_mentions(spans)` for the entity list of an
article. The model loads lazily on first use; call `load_model()` from a background thread to
have it ready earlier.
"""

from typing import TYPE_CHECKING, Any

from reader.core.entities.mentions import EntityGroup, canonical_name, group_mentions
from reader.core.entities.names_gate import reads_names
from reader.core.entities.span import ENTITY_TYPES, EntitySpan
from reader.core.entities.version import TAGGER_VERSION

if TYPE_CHECKING:
    from reader.core.entities.tagger import (
        EntityModelUnavailable,
        TagResult,
        load_model,
        model_loaded,
        model_path,
        tag,
        tag_bounded,
        tag_sentences,
    )

_TAGGER_NAMES = frozenset({"EntityModelUnavailable", "TagResult", "load_model", "model_loaded",
                           "model_path", "tag", "tag_bounded", "tag_sentences"})  # fmt: skip


def __getattr__(name: str) -> Any:
    """The tagger's names, imported on first use: the window starts without the tagger's modules, and
    code that needs only spans or mentions (the stores, the list) never imports them."""
    if name in _TAGGER_NAMES:
        from reader.core.entities import tagger

        return getattr(tagger, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "ENTITY_TYPES",
    "TAGGER_VERSION",
    "EntityGroup",
    "EntityModelUnavailable",
    "EntitySpan",
    "TagResult",
    "canonical_name",
    "group_mentions",
    "load_model",
    "model_loaded",
    "model_path",
    "reads_names",
    "tag",
    "tag_bounded",
    "tag_sentences",
]
