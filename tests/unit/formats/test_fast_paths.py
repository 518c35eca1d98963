"""Reading's fast paths give what the plain way gives: a file's bytes decoded once, a small file read into a
buffer of its size, a clean block kept as it is."""

from __future__ import annotations

import codecs
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.article import Block, Link, _shifted, clean_block, clean_block_text
from reader.core.formats import load_file
from reader.core.formats import text as text_format
from reader.core.formats.common import BylineLine, parse_byline_line
from reader.core.formats.encoding import choose_encoding, decode_bytes
from reader.core.formats.reading import _read_up_to, read_limited
from reader.core.formats.text import _PUBLISHER_SELF, is_publisher_blurb

_CAFE = "Le café « Chez Hélène » a fêté dimanche ses cent ans.\r\n"
_TAIL = "a fêté dimanche ses cent ans.\n"


@pytest.mark.parametrize(
    ("data", "codec", "ending"),
    [
        (_CAFE.encode("utf-8"), "utf-8", _TAIL),  # valid UTF-8, no label
        (b"plain ASCII text\r\nsecond line", "utf-8", "second line"),
        (('<meta charset="windows-1252">' + _CAFE).encode("cp1252"), "cp1252", _TAIL),  # the label is right
        (('<meta charset="iso-8859-1">' + _CAFE).encode("utf-8"), "utf-8", _TAIL),  # a legacy label on UTF-8
        (('<meta charset="utf-8">' + _CAFE).encode("cp1252"), "cp1252", _TAIL),  # the label lies: a legacy reading
        (b'<meta charset="koi8-r">ascii only', "koi8-r", "ascii only"),  # a label on ASCII: the label's codec
        (codecs.BOM_UTF8 + _CAFE.encode("utf-8"), "utf-8", _TAIL),
        (codecs.BOM_UTF16_LE + _CAFE.encode("utf-16-le"), "utf-16-le", _TAIL),
        (_CAFE.encode("utf-8")[:-9] + b"\xff" + _CAFE.encode("utf-8")[-9:], "utf-8", "ce\ufffdnt ans.\n"),  # damaged
    ],
)
def test_decoding_once_gives_what_decoding_after_the_choice_gives(data: bytes, codec: str, ending: str) -> None:
    body, name = choose_encoding(data)
    assert name == codec
    expected = body.decode(name, "replace").lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    assert decode_bytes(data) == (expected, codec)
    assert expected.endswith(ending)


def test_a_page_that_declares_a_legacy_charset_but_is_utf8_reads_right(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_bytes(
        ('<html><head><meta charset="iso-8859-1"><title>Café</title></head><body><article><p>'
         + _CAFE * 3 + "</p></article></body></html>").encode("utf-8")
    )
    [article] = load_file(page)
    assert article.text.startswith("Le café « Chez Hélène » a fêté dimanche")


class _Growing:
    """A file that grew after its stat: `read` hands out its real content, whatever the stat said."""

    def __init__(self, data: bytes) -> None:
        self.data, self.at, self.asked = data, 0, []  # type: ignore[var-annotated]

    def read(self, n: int) -> bytes:
        self.asked.append(n)
        out = self.data[self.at:self.at + n]
        self.at += len(out)
        return out


def test_a_file_that_grew_after_its_stat_is_read_to_the_limit() -> None:
    grown = _Growing(b"0123456789")
    assert _read_up_to(grown, 3, 100) == b"0123456789"  # type: ignore[arg-type]
    assert _read_up_to(_Growing(b"0123456789"), 3, 6) == b"012345"  # type: ignore[arg-type]


def test_a_small_file_is_read_into_a_buffer_of_its_size() -> None:
    small = _Growing(b"0123456789")
    assert _read_up_to(small, 10, 50 * 1024 * 1024 + 1) == b"0123456789"  # type: ignore[arg-type]
    assert max(small.asked) == 11  # not a 50 MB buffer for a 10-byte file


def test_read_limited_reads_a_whole_file_and_refuses_a_large_one(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_bytes(b"x" * 5000)
    assert read_limited(f, 5000) == b"x" * 5000
    with pytest.raises(Exception, match="larger than the import limit"):
        read_limited(f, 4999)


def _slow_clean(block: Block) -> Block:
    text = clean_block_text(block.text)
    return replace(block, text=text, links=_shifted(block.text, text, block.links) if block.links else ())


@given(st.text(alphabet="ab \n\t", max_size=10),
       st.lists(st.tuples(st.integers(-1, 12), st.integers(-1, 12)), max_size=3))
@settings(max_examples=500, deadline=None)
def test_a_clean_block_kept_as_is_is_what_cleaning_it_gives(text: str, spans: list[tuple[int, int]]) -> None:
    block = Block(text, "p", 0, tuple(Link(a, b, "https://example.org/") for a, b in spans))
    assert clean_block(block) == _slow_clean(block)


def test_a_link_over_a_space_of_clean_text_is_still_trimmed() -> None:
    block = Block("harbour wall rebuilt", "p", 0, (Link(7, 13, "https://example.org/wall"),))
    assert clean_block(block).links == (Link(8, 12, "https://example.org/wall"),)
    clean = Block("harbour wall rebuilt", "p", 0, (Link(8, 12, "https://example.org/wall"),))
    assert clean_block(clean) is clean


class _Trickling(_Growing):
    """A file whose reads give at most three bytes at a time (an unbuffered read may give fewer than asked)."""

    def read(self, n: int) -> bytes:
        return super().read(min(n, 3))


def test_short_reads_are_asked_again_until_the_end() -> None:
    assert _read_up_to(_Trickling(b"0123456789"), 10, 100) == b"0123456789"  # type: ignore[arg-type]
    assert _read_up_to(_Trickling(b"0123456789"), 4, 8) == b"01234567"  # type: ignore[arg-type]


_BLURB_WORDS = ["The", "Coast", "Post", "is", "are", "an", "a", "independent", "news", "site", "mainly", "concerned",
                "with", "fishing", "its", "our", "mission", "goal", "about", "us", "All", "rights", "reserved",
                "copyright", "2024", "council", "claimed", "online", "platform", "\u00a9", "\u017fite", ".", ","]


@given(st.lists(st.sampled_from(_BLURB_WORDS), max_size=14), st.sampled_from([" ", "  ", "\n"]))
@settings(max_examples=500, deadline=None)
def test_the_publisher_blurb_check_agrees_with_its_regex(words: list[str], sep: str) -> None:
    paragraph = sep.join(words)
    assert is_publisher_blurb(paragraph, "") is bool(_PUBLISHER_SELF.search(paragraph))


@pytest.mark.parametrize(
    "paragraph",
    [  # each with one word the quick check looks for, so each of its words is tried
        "The Coast Post is a local news site for the fishing towns of the north coast.",
        "The Coast Post is a regional media company.",
        "The Coast Post is an independent weekly magazine.",
        "The Coast Post is a digital magazine.",
        "The Coast Post is an online outlet.",
        "The Coast Post is mainly focused on fishing.",
        "The Coast Post is devoted to fishing.",
        "Our mission is to report on the coast.",
        "Its main aim is to report on the coast.",
        "About us: the Coast Post, since 1921.",
        "Copyright 2024 Coast Post",
        "2024 Coast Post. All rights reserved.",
        "\u00a9 2024 Coast Post",
    ],
)
def test_a_closing_blurb_is_dropped_from_a_text_article(tmp_path: Path, paragraph: str) -> None:
    f = tmp_path / "wall.txt"
    f.write_text("Harbour wall rebuilt\n\nThe council rebuilt the harbour wall in the spring, paid for from the "
                 f"port's reserves and a grant from the region.\n\n{paragraph}\n", "utf-8")
    [article] = load_file(f)
    assert article.text == ("The council rebuilt the harbour wall in the spring, paid for from the port's reserves "
                            "and a grant from the region.")


def test_each_line_near_the_top_is_parsed_as_a_byline_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[str] = []

    def counting(line: str) -> BylineLine | None:
        asked.append(line)
        return parse_byline_line(line)

    monkeypatch.setattr(text_format, "parse_byline_line", counting)
    f = tmp_path / "wall.txt"
    f.write_text("Harbour wall rebuilt\n\nBy Mara Lind | 3 March 2025\n\nThe council rebuilt the harbour wall in the "
                 "spring.\n\nIt was paid for from the port's reserves.\n", "utf-8")
    [article] = load_file(f)
    assert (article.title, article.byline, article.published) == ("Harbour wall rebuilt", "Mara Lind", "2025-03-03")
    assert article.text == (
        "The council rebuilt the harbour wall in the spring.\n\nIt was paid for from the port's reserves."
    )
    assert sorted(asked) == sorted(set(asked))  # asked about more than one line, none twice
    assert "Harbour wall rebuilt" in asked and "By Mara Lind | 3 March 2025" in asked
