"""The extraction's fast paths give what the plain way gives: the language's one CLD2 call, the opening of a text,
the XML-invalid character check, text_of, the author and headline marks found in one walk, squashed titles."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from reader.core.extract import content, extract_html
from reader.core.extract.blocks import RawBlock
from reader.core.extract.debris import is_debris
from reader.core.extract.dom import (
    _NOT_XML_TEXT,
    DROP_TAGS,
    has_not_xml_text,
    is_hidden,
    page_marks,
    parse_html,
    text_of,
)
from reader.core.extract.language import SAMPLE_CHARS, count_words, guess_language, identify, opening
from reader.core.extract.metadata import PageMetadata, read_metadata

# Texts where CLD2's reading is confident, unsure for too few words, too mixed, or in a script it reads alone.
_TEXTS = [
    "The council voted on Tuesday to rebuild the harbour wall before the winter storms.",
    "Rada miasta przegłosowała we wtorek odbudowę falochronu przed zimowymi sztormami.",
    "Harbour wall",  # too few words: no confident reading
    "The council voted. Rada miasta przegłosowała odbudowę. Le conseil a voté mardi. Der Rat stimmte zu.",
    "12 345 678 — 2024",
    "",
    "市议会周二投票决定在冬季风暴来临之前重建港口围墙。",
]


@pytest.mark.parametrize("text", _TEXTS)
def test_guess_language_is_identify_s_confident_reading(text: str) -> None:
    guess = identify(text)
    assert guess_language(text) == (guess.language if guess.confident else "")


def test_a_short_text_gets_no_language_though_cld2_reads_it() -> None:
    # CLD2 calls three words of English reliable; the word count is what keeps the guess out
    assert guess_language("Harbour wall rebuilt") == ""
    assert guess_language("The harbour wall is rebuilt") == "en"


@given(st.lists(st.text(alphabet="ab \n", max_size=9), max_size=8), st.sampled_from(["", " ", "\n", ", "]),
       st.integers(min_value=0, max_value=40))
@settings(max_examples=300, deadline=None)
def test_opening_is_the_slice_of_the_whole_join(parts: list[str], sep: str, limit: int) -> None:
    assert opening(iter(parts), sep, limit) == sep.join(parts)[:limit]


def test_opening_stops_reading_parts_once_the_sample_is_full() -> None:
    taken: list[int] = []

    def parts():  # type: ignore[no-untyped-def]
        for i in range(1000):
            taken.append(i)
            yield "x" * 1000

    assert opening(parts(), " ") == ("x" * 1000 + " ") * 9 + "x" * (SAMPLE_CHARS - 9 * 1001)
    assert len(taken) == 10


_ODD = [chr(i) for i in range(0x20)] + ["\x7f", "\x85", "\ufffd", "\ufffe", "\uffff", "\ud800", "é", "\U0001f600"]


@given(st.text(alphabet=st.sampled_from([*_ODD, "a", "<", " "]), max_size=12))
@settings(max_examples=500, deadline=None)
def test_has_not_xml_text_agrees_with_the_regex(text: str) -> None:
    assert has_not_xml_text(text) is bool(_NOT_XML_TEXT.search(text))


@pytest.mark.parametrize("bad", ["\x00", "\x08", "\x0b", "\x0c", "\x1f", "\ufffe", "\uffff"])
def test_a_page_with_a_character_xml_cannot_hold_still_reads(bad: str) -> None:
    page = extract_html(
        f"<html><body><article><p>The harbour wall{bad} was rebuilt in the spring by the town council, "
        "which paid for it from the port's own reserves.</p></article></body></html>"
    )
    assert page is not None
    assert page.blocks[0].text.startswith("The harbour wall was rebuilt in the spring")


def test_text_of_is_every_text_piece_joined() -> None:
    root = parse_html(
        "<html><head><title>T &amp; U</title></head><body><div id='d'>one <b>two<i> three</i></b>"
        "&nbsp;four<br>five<!-- gone --><span>six</span>seven &lt;tag&gt;</div>tail</body></html>"
    )
    assert root is not None
    div = root.find(".//div")
    assert div is not None
    assert text_of(div) == "".join(div.itertext()) == "one two three\xa0fourfivesixseven <tag>"
    assert text_of(root) == "".join(root.itertext())


_PAGE = """<html><head><title>Harbour wall rebuilt - Coast Post</title>
<meta itemprop="headline" content="Not this one"></head><body>
<p>Filler before.</p>
<a rel="author" href="/a/x">X</a>
<span itemprop="AUTHOR">Mara Lind</span>
<h2 rel="author" itemprop="Headline">Harbour wall rebuilt before the storms</h2>
<article><p>The town council rebuilt the harbour wall in the spring, paid for from the port's reserves.</p></article>
</body></html>"""


def test_author_and_headline_marks_are_read_in_any_case_from_one_walk() -> None:
    root = parse_html(_PAGE)
    assert root is not None
    meta = read_metadata(root)
    # "X" is too short for a byline: the next element marked as the author is
    assert meta.byline == "Mara Lind"
    # an element marked as both (rel author, itemprop headline) is the headline; <meta itemprop> is not
    assert meta.title == "Harbour wall rebuilt before the storms"


def _block(text: str) -> RawBlock:
    return RawBlock(text, "p", 0, 0, etree.Element("p"))


def test_a_block_repeating_the_title_or_byline_is_debris_every_time() -> None:
    meta = PageMetadata(h1="Harbour Wall Rebuilt!", byline="Mara Lind")
    for _ in range(2):  # the second time from the squashed texts kept
        assert is_debris(_block("harbour wall rebuilt"), meta, "Other title")
        assert is_debris(_block("Harbour wall, rebuilt"), meta, "Harbour wall rebuilt")
        assert is_debris(_block("By: Mara Lind"), meta, "Other title")
        assert not is_debris(_block("Harbour wall rebuilt again"), meta, "Harbour wall rebuilt")


_MARKED_PAGE = """<html><head><meta itemprop="headline" content="x"><script>var a;</script>
<meta itemprop="datePublished" content="2024-05-03"></head>
<body><div class="page" style="color: red"><p hidden>gone</p><span aria-hidden="true">gone</span>
<div style="display:none">gone</div><div aria-hidden="false">kept</div>
<h1 itemprop="HeadLine" rel="author">Harbour wall rebuilt</h1><a rel="author">Mara Lind</a>
<time itemprop="DATEPUBLISHED" datetime="2024-05-04">4 May</time><b itemprop="author">Ola Berg</b>
<button>Share</button><p role="note" class="x">text</p></div></body></html>"""


def _plain_marks(root: etree._Element) -> tuple[list[etree._Element], ...]:
    """What the three walks page_marks replaced found (strip_never_text's, the metadata's, the date's)."""
    doomed = [el for el in root.iter() if not isinstance(el.tag, str) or el.tag in DROP_TAGS
              or (el.tag not in ("html", "body") and is_hidden(el))]
    authors = [el for el in root.iter() if isinstance(el.tag, str)
               and (el.get("rel") == "author" or (el.get("itemprop") or "").lower() == "author")]
    headlines = [el for el in root.iter() if isinstance(el.tag, str) and el.tag != "meta"
                 and (el.get("itemprop") or "").lower() == "headline"][:1]
    dated = [el for el in root.iter() if isinstance(el.tag, str)
             and (el.get("itemprop") or "").lower() == "datepublished"]
    return doomed, authors, headlines, dated


def test_page_marks_finds_what_the_plain_walks_found() -> None:
    root = parse_html(_MARKED_PAGE)
    assert root is not None
    marks = page_marks(root)
    doomed, authors, headlines, dated = _plain_marks(root)
    assert marks.never_text == doomed
    assert [el.tag for el in marks.never_text] == ["head", "meta", "script", "meta", "p", "span", "div", "button"]
    assert marks.authors == authors
    assert [text_of(a) for a in authors] == ["Harbour wall rebuilt", "Mara Lind", "Ola Berg"]
    assert [marks.headline] == headlines and marks.headline is not None and marks.headline.tag == "h1"
    assert marks.dated == dated and [el.tag for el in dated] == ["meta", "time"]


def test_the_date_marked_in_the_page_is_its_date() -> None:
    root = parse_html(_MARKED_PAGE.replace('<meta itemprop="datePublished" content="2024-05-03">', ""))
    assert root is not None
    assert read_metadata(root).published == "2024-05-04"


_CLASS_WORDS = ["article-body", "related-posts", "sidebar", "hidden", "print", "story", "col-md-8", "x_comment",
                "commentary", "ad", "main", "Subscriber", "content", "relatedpoststitle", "-", "mostPopular"]


def _plain_negative(class_id: str) -> bool:
    words: set[str] = set()
    for token in class_id.split():
        words.update(w for w in re.split(r"[^a-z0-9]+", token) if w)
        words.add(token.replace("-", "").replace("_", ""))
    if words & content._NEGATIVE or any(content._NEGATIVE_PARTS.search(w) for w in words):
        return True
    return bool(words & content._WEAK_NEGATIVE) and not words & content._POSITIVE


@given(st.lists(st.sampled_from(_CLASS_WORDS), max_size=5), st.sampled_from(["", "main", "comments", "top"]))
@settings(max_examples=300, deadline=None)
def test_furniture_hints_judged_by_token_are_those_of_the_whole_class_list(classes: list[str], ident: str) -> None:
    el = etree.Element("div", {"class": " ".join(classes), "id": ident})
    class_id = f"{' '.join(classes)} {ident}".lower()
    assert content.has_negative_hint(el) is _plain_negative(class_id)
    words_positive = any(w in content._POSITIVE for t in class_id.split()
                         for w in [*re.split(r"[^a-z0-9]+", t), t.replace("-", "").replace("_", "")])
    assert content.has_positive_hint(el) is (words_positive and not _plain_negative(class_id))


def test_furniture_is_found_by_tag_role_class_or_id_under_plain_boxes() -> None:
    body = etree.fromstring(
        "<body><div><div><nav>Home News</nav><div role='Navigation'>Sections</div><p>The council rebuilt the "
        "harbour wall in the spring, paid for from the port's reserves and a grant.</p>"
        "<div class='share-bar'>Share</div><div id='comments'>Comments</div></div></div></body>"
    )
    content.strip_furniture(body)
    assert " ".join(text_of(body).split()).startswith("The council rebuilt")
    assert text_of(body).endswith("and a grant.")


@given(st.text(alphabet=st.sampled_from(list("ab Z9_-'\t\n.\x00\x7f")), max_size=30))
@settings(max_examples=500, deadline=None)
def test_ascii_words_are_counted_as_the_word_pattern_finds_them(text: str) -> None:
    assert count_words(text) == len(re.findall(r"[^\W\d_]+", text))
