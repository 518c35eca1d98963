"""Links kept as spans over article text: exact offsets, hrefs resolved, unsafe or useless ones dropped."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.article import Link
from reader.core.extract import extract_html, html_fragment_blocks
from reader.core.extract.links import resolve_href
from reader.core.formats.html import html_to_article

PROSE = ("The harbour board of Eastmere voted on Tuesday to keep the old ferry pier open for another three "
         "winters, after fishermen asked for more time.")


def test_three_links_give_two_with_exact_offsets_and_resolved_hrefs() -> None:
    html = (
        "<html><head><link rel='canonical' href='https://gazette.example.org/news/2024/pier.html'></head><body>"
        f"<article><h1>Pier stays open</h1><p>{PROSE}</p>"
        "<p>The board published <a href='https://board.example.com/minutes'>its minutes</a>, the "
        "<a href='../../data/costs.csv'>cost table</a> and a <a href='javascript:print()'>printable page</a> "
        f"for anyone who asks.</p><p>{PROSE}</p></article></body></html>"
    )
    article = html_to_article(html, Path("pier.html"))
    second = article.blocks[1]
    assert second.text == "The board published its minutes, the cost table and a printable page for anyone who asks."
    assert second.links == (
        Link(20, 31, "https://board.example.com/minutes"),
        Link(37, 47, "https://gazette.example.org/data/costs.csv"),
    )
    start = len(PROSE) + 2  # the article's text joins blocks with a blank line
    assert [(article.text[k.start:k.end], k.href) for k in article.links] == [
        ("its minutes", "https://board.example.com/minutes"),
        ("cost table", "https://gazette.example.org/data/costs.csv"),
    ]
    assert article.links[0].start == start + 20


def test_link_offsets_follow_white_space_cleaning_and_nested_markup() -> None:
    html = ("<html><body><article><p>" + PROSE + "</p><p>  Read\n   the <a href='https://x.example.com/r'>"
            "<b>full</b>\n   report</a>   today.</p></article></body></html>")
    page = extract_html(html)
    assert page is not None
    block = page.blocks[1]
    assert block.text == "Read the full report today."
    assert block.links == (Link(9, 20, "https://x.example.com/r"),)


def test_base_element_mailto_anchor_and_unresolvable_links() -> None:
    html = (
        "<html><head><base href='https://static.example.net/archive/'></head><body><article>"
        f"<p>{PROSE} Write to <a href='mailto:desk@example.org'>the desk</a>, see <a href='#notes'>the notes</a>, "
        "the <a href='photos/pier.jpg'>photo</a>, the <a href=''>nothing</a> and the "
        "<a href='//cdn.example.com/map'>map</a>.</p></article></body></html>"
    )
    page = extract_html(html)
    assert page is not None
    text = page.blocks[0].text
    assert [(text[k.start:k.end], k.href) for k in page.blocks[0].links] == [
        ("the desk", "mailto:desk@example.org"),
        ("photo", "https://static.example.net/archive/photos/pier.jpg"),
        ("map", "https://cdn.example.com/map"),
    ]


def test_links_in_table_cells_and_label_value_rows_point_at_their_words() -> None:
    html = (
        f"<html><body><article><p>{PROSE}</p><table><tr><th>Year</th><th>Report</th></tr>"
        "<tr><td>2023</td><td><a href='https://r.example.com/23'>Survey</a></td></tr></table>"
        "<dl><dt>Owner</dt><dd><a href='https://b.example.com'>Harbour Board</a></dd><dt>Built</dt><dd>1887</dd>"
        f"<dt>Length</dt><dd>240 m</dd></dl><p>{PROSE}</p></article></body></html>"
    )
    page = extract_html(html)
    assert page is not None
    linked = [(b.text, [(b.text[k.start:k.end], k.href) for k in b.links]) for b in page.blocks if b.links]
    assert linked == [
        ("2023 | Survey", [("Survey", "https://r.example.com/23")]),
        ("Owner | Harbour Board", [("Harbour Board", "https://b.example.com")]),
    ]


def test_without_an_address_relative_links_are_dropped_and_absolute_kept() -> None:
    blocks = html_fragment_blocks("<p>See <a href='/local/page'>this</a> and <a href='http://a.example.com/'>that</a>.</p>")
    assert blocks[0].links == (Link(13, 17, "http://a.example.com/"),)


@pytest.mark.parametrize(
    ("href", "base", "expected"),
    [
        ("https://a.example.com/x", "", "https://a.example.com/x"),
        ("JavaScript:void(0)", "https://a.example.com/", None),
        ("ftp://files.example.com/f", "https://a.example.com/", None),
        ("  ", "https://a.example.com/", None),
        ("#top", "https://a.example.com/p", None),
        ("p#top", "https://a.example.com/p", None),
        ("q#top", "https://a.example.com/p", "https://a.example.com/q#top"),
        ("mailto:", "", None),
        ("data:text/html,hi", "https://a.example.com/", None),
    ],
)
def test_resolve_href(href: str, base: str, expected: str | None) -> None:
    assert resolve_href(href, base) == expected
