"""Tagging long or hostile texts in bounded pieces: offsets stay right, memory stays small, a failure
or the time budget keeps what was found and always says why."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import pytest

from reader.core.entities import EntityModelUnavailable, tag, tag_bounded, tagger
from reader.core.entities.chunks import CHUNK_CHARS, chunk_bounds

PARAGRAPH = "Angela Merkel met executives of Siemens AG in Berlin on Monday."


def test_pieces_cover_the_text_end_at_paragraphs_and_keep_to_the_limit() -> None:
    text = "\n\n".join(f"Paragraph {n} is about Paris. It ends here." for n in range(200))
    bounds = list(chunk_bounds(text, 500))
    assert bounds[0][0] == 0 and bounds[-1][1] == len(text)
    assert all(a == prev_end for (a, _), (_, prev_end) in zip(bounds[1:], bounds, strict=False))
    assert all(0 < b - a <= 500 for a, b in bounds)
    assert all(text[b - 2 : b] == "\n\n" for _a, b in bounds[:-1])  # never inside a paragraph


def test_a_text_without_any_break_is_still_cut_to_the_limit() -> None:
    bounds = list(chunk_bounds("x" * 1_050, 100))
    assert [b - a for a, b in bounds] == [100] * 10 + [50]


def test_a_long_text_is_tagged_with_offsets_into_the_whole_text() -> None:
    text = "\n\n".join([PARAGRAPH] * (3 * CHUNK_CHARS // len(PARAGRAPH)))
    assert len(list(chunk_bounds(text))) >= 3
    spans = tag(text)
    assert all(text[sp.start : sp.end] == sp.text for sp in spans)
    last = text.rindex("Angela Merkel")
    assert any(sp.start == last and sp.text == "Angela Merkel" and sp.type == "PER" for sp in spans)
    assert [sp.start for sp in spans] == sorted(sp.start for sp in spans)


def test_a_failure_keeps_the_spans_found_and_names_the_error(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "\n\n".join([PARAGRAPH] * (2 * CHUNK_CHARS // len(PARAGRAPH)))
    real, calls = tagger._tag_piece, []

    def fails_second(whole: str, start: int, end: int, language: str) -> list:
        calls.append(start)
        if len(calls) == 2:
            raise MemoryError  # str() of it is empty: the reason used to be ""
        return real(whole, start, end, language)

    monkeypatch.setattr(tagger, "_tag_piece", fails_second)
    result = tag_bounded(text)
    assert result.complete is False and result.error == "MemoryError"
    assert result.spans and all(sp.end <= calls[1] for sp in result.spans)


def test_the_time_budget_stops_between_pieces_and_says_where(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "\n\n".join([PARAGRAPH] * (3 * CHUNK_CHARS // len(PARAGRAPH)))
    clock = iter(range(0, 1000, 10))  # each reading of the CPU clock is 10 s later
    monkeypatch.setattr(tagger.time, "thread_time", lambda: next(clock))
    result = tag_bounded(text, budget_s=15)
    first_end = next(iter(chunk_bounds(text)))[1]
    assert result.complete is False
    assert result.error == f"stopped after 15 s of tagging, at {first_end:,} of {len(text):,} characters"
    assert result.spans and all(sp.end <= first_end for sp in result.spans)


def test_a_stop_request_is_heard_between_pieces() -> None:
    """Issue 11 item 11: a quitting window does not wait for a whole long text to be tagged."""
    text = "\n\n".join([PARAGRAPH] * (3 * CHUNK_CHARS // len(PARAGRAPH)))
    answers = iter([False, True])
    result = tag_bounded(text, should_stop=lambda: next(answers))
    first_end = next(iter(chunk_bounds(text)))[1]
    assert result.stopped and not result.complete
    assert result.error == f"stopped at {first_end:,} of {len(text):,} characters: the app was closing"
    assert result.spans and all(sp.end <= first_end for sp in result.spans)


def test_a_missing_model_is_not_blamed_on_the_article(monkeypatch: pytest.MonkeyPatch) -> None:
    def missing(*_a: object) -> list:
        raise EntityModelUnavailable("cannot load the entity model")

    monkeypatch.setattr(tagger, "_tag_piece", missing)
    with pytest.raises(EntityModelUnavailable):
        tag_bounded(PARAGRAPH)


def test_a_short_text_is_complete_and_the_same_as_tag() -> None:
    result = tag_bounded(PARAGRAPH, budget_s=60)
    assert result.complete and result.error == "" and result.spans == tag(PARAGRAPH)


# VmHWM, not getrusage's ru_maxrss: Linux carries the parent's peak into ru_maxrss across a vfork and exec,
# so from inside a large pytest process it reported pytest's own peak (337-355 MB) instead of this one's.
PEAK = """
import json, re
from pathlib import Path
from reader.core.entities import load_model, tag_bounded
load_model()
text = "Title\\n" + "l\\n" * 2_500_000  # 5 MB of one-letter lines: 3 GB for 2 MB before pieces
result = tag_bounded(text, budget_s={budget})
hwm_kb = int(re.search(r"VmHWM:\\s+(\\d+)", Path("/proc/self/status").read_text()).group(1))
print(json.dumps({{"peak_mb": hwm_kb / 1024,
                   "tagged": int(result.error.split(" at ")[1].split(" of ")[0].replace(",", ""))
                   if not result.complete else len(text)}}))
"""


def test_tagging_a_5_mb_pathological_text_stays_under_300_mb() -> None:
    # The budget keeps the suite short; before pieces the first tagging step took the whole text.
    code = textwrap.dedent(PEAK.format(budget=4))
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    measured = json.loads(out)
    assert measured["tagged"] >= CHUNK_CHARS  # it did tag, piece after piece
    assert measured["peak_mb"] < 300


@pytest.mark.parametrize("language", ["en", "de"])
def test_rule_spans_of_a_later_piece_have_offsets_into_the_whole_text(language: str) -> None:
    paragraph = "Der Vertrag vom 4 July 1976 kostete 12% mehr, 3,000 km weit."  # names only in English
    text = "\n\n".join([paragraph] * (3 * CHUNK_CHARS // len(paragraph)))
    spans = tag(text, language)
    assert all(text[sp.start : sp.end] == sp.text for sp in spans)
    last = text.rindex("4 July 1976")
    assert [(sp.type, sp.text) for sp in spans if sp.start >= last] == [
        ("DATE", "4 July 1976"), ("PERCENT", "12%"), ("QUANTITY", "3,000 km")]


@pytest.mark.parametrize("offset", [0, 40_000])
def test_a_rule_match_a_model_name_overlaps_is_left_out_and_those_beside_names_kept(offset: int) -> None:
    text = "Monday Group rose 10 percent on Friday, Group May said on 3 May 2024 in May."
    at = {word: text.index(word) for word in ("Monday Group", "Group May", "May.")}
    # the model's names (offsets into the whole text): "Monday" and "May" inside them are not dates
    model = [tagger.EntitySpan(at["Monday Group"] + offset, at["Monday Group"] + 12 + offset, "ORG", "Monday Group"),
             tagger.EntitySpan(at["Group May"] + offset, at["Group May"] + 9 + offset, "PER", "Group May"),
             tagger.EntitySpan(at["May."] + offset, at["May."] + 3 + offset, "MISC", "May")]
    found = tagger._rule_spans(text, model, offset)
    assert [(sp.type, sp.text) for sp in found] == [
        ("PERCENT", "10 percent"), ("DATE", "Friday"), ("DATE", "3 May 2024")]
    assert all(text[sp.start - offset : sp.end - offset] == sp.text for sp in found)
