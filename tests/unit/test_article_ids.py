"""An article's id and its cleaned blocks: white space collapsed exactly as `\\s+` reads it, so ids made by any
version of the code agree (the user's notes, highlights and bookmarks are kept by id)."""

from __future__ import annotations

import hashlib
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.article import article_id, clean_block_text

# The white space Unicode has beside the ASCII kind, and characters that only look like it.
_TEXT = st.text(alphabet=st.sampled_from([
    " ", "\n", "\t", "\r", "\x0b", "\x0c", "\x1c", "\x1f", "\x85", "\xa0", "\u1680", "\u2007", "\u2028", "\u2029",
    "\u202f", "\u3000", "\u200b", "\ufeff", "\x00", "a", "B", "é", "Ω", "1", ".",
]), max_size=40)


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_a_block_is_cleaned_as_the_pattern_cleans_it(text: str) -> None:
    assert clean_block_text(text) == re.sub(r"\s+", " ", text).strip()


@settings(max_examples=300, deadline=None)
@given(_TEXT, _TEXT)
def test_the_id_is_the_hash_of_the_title_and_text_with_white_space_collapsed(title: str, text: str) -> None:
    norm = re.sub(r"\s+", " ", f"{title}\n{text}").strip().casefold()
    assert article_id(title, text) == hashlib.sha1(norm.encode("utf-8")).hexdigest()[:20]


def test_a_known_article_keeps_its_id() -> None:
    # the id the code gave this article before ids were collapsed with str.split (commit 1726574)
    assert article_id("Harbour  report", "First\u00a0line.\n\nSecond\tline. ") == "d9af5c378c12e3fe9c0f"
