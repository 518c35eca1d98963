"""The public tagging entry points: load the shipped model once, tag text, tag CoNLL sentences."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from operator import attrgetter
from pathlib import Path

from reader.core.entities.chunks import chunk_bounds
from reader.core.entities.conll import iob_spans
from reader.core.entities.docrules import apply_document_rules
from reader.core.entities.model import StackedModel, TaggerModel
from reader.core.entities.model_file import read_model
from reader.core.entities.modern import apply_modern_names
from reader.core.entities.names_gate import reads_names
from reader.core.entities.newsrules import apply_news_rules
from reader.core.entities.span import EntitySpan
from reader.core.entities.tokenize import split_sentences, tokens_and_words
from reader.core.entities.version import TAGGER_VERSION  # noqa: F401  (still read from here)
from reader.core.errors import ReaderError
from reader.paths import resources_dir

MODEL_FILE = "ner-model.bin"
_START = attrgetter("start")

_lock = threading.Lock()
_model: TaggerModel | StackedModel | None = None


def model_path() -> Path:
    """Where the shipped model lives."""
    return resources_dir() / "models" / MODEL_FILE


def load_model() -> None:
    """Load the model now if it is not loaded yet (safe to call from several threads at once)."""
    _get_model()


def use_model(model: TaggerModel | StackedModel) -> None:
    """Tag with `model` from now on instead of the shipped one (benchmarks compare model files)."""
    global _model
    with _lock:
        _model = model


def model_loaded() -> bool:
    """True once the model is in memory."""
    return _model is not None


class EntityModelUnavailable(ReaderError):
    """The shipped entity model is missing or damaged (the installation is incomplete)."""


def _get_model() -> TaggerModel | StackedModel:
    global _model
    model = _model
    if model is None:
        with _lock:
            if _model is None:
                path = model_path()
                try:
                    _model = read_model(path)
                except (OSError, ValueError, EOFError) as exc:
                    raise EntityModelUnavailable(
                        f"cannot load the entity model {path}: {exc}; reinstall News Reader to restore it"
                    ) from exc
            model = _model
    return model


def clear_caches() -> None:
    """Empty the per-word caches of the loaded model (benchmarks measure a cold start with it)."""
    from reader.core.entities.prepare import clear_word_cache

    if _model is not None:
        _model.clear_cache()
    clear_word_cache()


def tag_sentences(sentences: list[list[str]]) -> list[list[str]]:
    """IOB2 tags (PER, ORG, LOC, MISC) for the tokens of one document's sentences (news and document rules applied)."""
    model = _get_model()
    known = _known_orgs(model)
    tags = [apply_news_rules(sent, apply_modern_names(sent, tags), known)
            for sent, tags in zip(sentences, model.tag_document(sentences), strict=True)]
    first = model.first if isinstance(model, StackedModel) else model
    return apply_document_rules(sentences, tags, first.features.knowledge, phrases=first.phrases)


_orgs: tuple[object, frozenset[str]] | None = None


def _known_orgs(model: TaggerModel | StackedModel) -> frozenset[str]:
    """The organisation names the model learnt from (lower case), made once per model."""
    global _orgs
    if _orgs is None or _orgs[0] is not model:
        first = model.first if isinstance(model, StackedModel) else model
        _orgs = (model, frozenset(p for p, typ in first.phrases.items() if typ == "ORG"))
    return _orgs[1]


def tag(text: str, language: str = "") -> list[EntitySpan]:
    """Entities of `text`, sorted by start and never overlapping; offsets index into `text`.

    Where `reads_names(language, text)` says no, only the rule types (dates, money...) are found. A
    long text is tagged a piece (`chunk_bounds`) at a time, so memory does not grow with its size.
    """
    names = reads_names(language, text)
    spans: list[EntitySpan] = []
    for start, end in chunk_bounds(text):
        spans.extend(_tag_piece(text, start, end, names))
    return spans


@dataclass(frozen=True)
class TagResult:
    """What `tag_bounded` found: the spans, whether the whole text was tagged, and why not."""

    spans: list[EntitySpan]
    complete: bool = True
    error: str = ""  # never empty when tagging failed: "MemoryError: ..." at least names the failure
    stopped: bool = False  # `should_stop` asked to stop: the text is to be tagged again later


def tag_bounded(
    text: str,
    language: str = "",
    *,
    budget_s: float | None = None,
    should_stop: Callable[[], bool] | None = None,
) -> TagResult:
    """Tag like `tag`, but never raise for the text's sake and stop after `budget_s` CPU seconds.

    The spans found before a failure or the end of the budget are kept (`complete=False`). Only a
    missing model raises (EntityModelUnavailable): that is the installation, not this article.
    `should_stop` is asked between chunks, so a quitting window never waits for a whole long text;
    then `stopped` is set and the result is incomplete.
    """
    spans: list[EntitySpan] = []
    started = time.thread_time()  # this thread's CPU: a busy machine does not eat the budget
    try:
        names = reads_names(language, text)
        for start, end in chunk_bounds(text):
            if should_stop is not None and should_stop():
                done = f"{start:,} of {len(text):,} characters"
                return TagResult(spans, False, f"stopped at {done}: the app was closing", stopped=True)
            if budget_s is not None and time.thread_time() - started > budget_s:
                done = f"{start:,} of {len(text):,} characters"
                return TagResult(spans, False, f"stopped after {budget_s:g} s of tagging, at {done}")
            spans.extend(_tag_piece(text, start, end, names))
    except EntityModelUnavailable:
        raise
    except Exception as exc:  # MemoryError, RecursionError...: this article is not tagged, the next may be
        reason = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
        return TagResult(spans, False, reason)
    return TagResult(spans)


def _tag_piece(whole: str, start: int, end: int, names: bool) -> list[EntitySpan]:
    """The entities of `whole[start:end]`, with offsets into `whole`; the model's names only if `names`."""
    text = whole[start:end]
    if not names:
        return _rule_spans(text, [], start)
    tokens, words = tokens_and_words(text)
    if not tokens:
        return []
    ranges = split_sentences(text, tokens, words)
    spans = name_spans_of(text, tokens, ranges, tag_sentences([words[a:b] for a, b in ranges]), start)
    spans.extend(_rule_spans(text, spans, start))
    spans.sort(key=_START)
    return spans


def name_spans_of(text: str, tokens: list[tuple[int, int]], ranges: list[tuple[int, int]],
                  tags: list[list[str]], offset: int = 0) -> list[EntitySpan]:
    """The names the tags of each sentence (`ranges` of `tokens`) give, as spans of `text` with `offset`
    added: punctuation at a name's edges left out (`trim_span`), a name without a letter dropped."""
    spans: list[EntitySpan] = []
    for (a, _b), sent_tags in zip(ranges, tags, strict=True):
        for first, last, typ in iob_spans(sent_tags):
            s, e = tokens[a + first][0], tokens[a + last - 1][1]
            if not (text[s].isalpha() and text[e - 1].isalnum()):  # else trim_span would keep it as it is
                trimmed = trim_span(text, tokens[a + first : a + last])
                if trimmed is None:
                    continue
                s, e = trimmed
            spans.append(EntitySpan(s + offset, e + offset, typ, text[s:e]))
    return spans


def trim_span(text: str, span_tokens: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The span without leading/trailing tokens that are only punctuation (table bars, a lone "$");
    None when no letter is left, for a name needs one."""
    if span_tokens:
        start, end = span_tokens[0][0], span_tokens[-1][1]
        # Most names begin with a letter and end with a letter or digit: nothing to trim, a letter in it.
        if text[start].isalpha() and text[end - 1].isalnum():
            return start, end
    tokens = list(span_tokens)
    while tokens and not any(ch.isalnum() for ch in text[tokens[0][0] : tokens[0][1]]):
        tokens.pop(0)
    while tokens and not any(ch.isalnum() for ch in text[tokens[-1][0] : tokens[-1][1]]):
        tokens.pop()
    if not tokens:
        return None
    start, end = tokens[0][0], tokens[-1][1]
    return (start, end) if any(ch.isalpha() for ch in text[start:end]) else None


def _rule_spans(text: str, model_spans: list[EntitySpan], offset: int = 0) -> list[EntitySpan]:
    """Rule matches that do not overlap a model entity (the model's reading wins); the model's spans (sorted
    by start, never overlapping, as `name_spans_of` gives them) and the ones returned are offsets into `text`
    plus `offset`."""
    # Imported here: compiling the rules' patterns is 15 ms that `entities --conll` (tags, no spans) never needs.
    from reader.core.entities.patterns import find_patterns

    out = []
    k, n = 0, len(model_spans)
    # Both walk forward: the model span at k is the first that ends after the last match's start.
    for s, e, typ in find_patterns(text):
        s += offset
        while k < n and model_spans[k].end <= s:
            k += 1
        if k < n and model_spans[k].start < e + offset:
            continue
        out.append(EntitySpan(s, e + offset, typ, text[s - offset : e]))
    return out
