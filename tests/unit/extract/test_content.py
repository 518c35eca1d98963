"""Main-content extraction rules: furniture, teasers, link clusters, debris, structure."""

from __future__ import annotations

from reader.core.extract import extract_html, html_fragment_blocks

PROSE = (
    "The river authority said on Monday that water levels had fallen for the third day in a row, "
    "and that the flood barriers along the old quay would be lowered by the end of the week."
)


def _texts(html: str) -> list[str]:
    page = extract_html(html)
    assert page is not None
    return [b.text for b in page.blocks]


def test_teaser_cards_with_linked_headlines_are_dropped() -> None:
    teasers = "".join(
        f'<div class="card"><h3><a href="/s{i}">Other story number {i}</a></h3>'
        f"<p>A long teaser paragraph about another story, written to look like prose, number {i}.</p></div>"
        for i in range(6)
    )
    html = f"<html><body><div><h1>Levels fall</h1><p>{PROSE}</p><p>{PROSE}</p></div><div>{teasers}</div></body></html>"
    texts = _texts(html)
    assert texts == [PROSE, PROSE]


def test_box_opened_by_a_related_heading_goes_whole() -> None:
    related = '<section><h3 class="relatedpoststitle">You may like</h3>' + f"<article><p>{PROSE} x</p></article>" * 4
    html = f"<html><body><main><article><p>{PROSE}</p></article>{related}</section></main></body></html>"
    assert _texts(html) == [PROSE]


def test_hover_card_link_cluster_inside_a_paragraph_is_removed() -> None:
    card = ('<span class="pop"><a href="/p">Jane Roe</a><a href="/a1">Her first article title here</a>'
            '<a href="/a2">Her second article title here</a><a href="/more">MORE</a></span>')
    html = f"<html><body><article><p>Senator <a href='/p'>Jane Roe</a>{card} spoke. {PROSE}</p></article></body></html>"
    assert _texts(html) == [f"Senator Jane Roe spoke. {PROSE}"]


def test_debris_lines_are_dropped() -> None:
    debris = ["Advertisement", "By Sam Hill", "Updated: Nov 18, 2019 5:00 PM ET", "Share this article",
              "© 2019 Example Media. All rights reserved.", "This website uses cookies to improve your visit.",
              "<img src='x.gif'>", "12"]
    body = "".join(f"<p>{d}</p>" for d in debris)
    html = f"<html><body><article>{body}<p>{PROSE}</p><p>Follow us on Twitter for more.</p></article></body></html>"
    assert _texts(html) == [PROSE]


def test_layout_table_is_walked_and_data_table_is_rows() -> None:
    html = (
        "<html><body><table><tr><td><p>" + PROSE + "</p><p>" + PROSE + " Again.</p></td><td>x</td></tr></table>"
        "<article><p>" + PROSE + "</p><table><tr><th>Year</th><th>Level</th></tr><tr><td>2019</td><td>4.2 m</td>"
        "</tr></table></article></body></html>"
    )
    page = extract_html(html)
    assert page is not None
    kinds = [(b.kind, b.text) for b in page.blocks]
    assert ("table", "Year | Level") in kinds and ("table", "2019 | 4.2 m") in kinds


def test_fragment_blocks_keep_everything_readable() -> None:
    blocks = html_fragment_blocks(
        "<p>One<br><br>Two</p><ul><li>Apples<ul><li>Pears</li></ul></li></ul><pre>x = 1\n  y</pre>"
    )
    assert [(b.kind, b.text, b.level) for b in blocks] == [
        ("p", "One", 0), ("p", "Two", 0), ("li", "Apples", 0), ("li", "Pears", 1), ("pre", "x = 1\n  y", 0),
    ]


def test_no_markup_gives_none() -> None:
    assert extract_html("") is None


def test_weak_furniture_marks_yield_to_content_marks() -> None:
    html = (
        f"<html><body><div class='subscriber-content article-body'><p>{PROSE}</p></div>"
        f"<div class='body-text'><p>{PROSE} More.</p>" + f"<p>{PROSE} Again.</p>" * 6 + "</div>"
        "<div class='subscribe-box'><p>Subscribe today for full access to all our journalism and archives.</p></div>"
        "</body></html>"
    )
    texts = _texts(html)
    assert texts[0] == PROSE
    assert not any("Subscribe today" in t for t in texts)


def test_credits_disclosures_reading_time_and_wire_separators() -> None:
    lines = ["Jane Smith/Getty Images", "Photo: Lee Park", "5 min read", "Filed under: Politics",
             "This post may contain affiliate links.", "By Ann Lee on Monday, November 18th, 2019 at 11:04 a.m.",
             "GET BREAKING NEWS IN YOUR BROWSER. CLICK HERE TO TURN ON NOTIFICATIONS.", "X"]
    body = "".join(f"<p>{line}</p>" for line in lines)
    html = f"<html><body><article>{body}<p>{PROSE}</p><p>___</p><p>{PROSE} End.</p></article></body></html>"
    assert _texts(html) == [PROSE, "___", f"{PROSE} End."]


def test_control_characters_in_a_page_are_dropped_not_fatal() -> None:
    from reader.core.extract import extract_html

    html = "<html><body><article><p>Ferry fares \x01rose\x1f by four percent <b>\x0b</b>tail\x02 text.</p>" \
           "<script>x</script>\x03after</article></body></html>"  # fmt: skip
    page = extract_html(html)
    assert page is not None
    text = " ".join(b.text for b in page.blocks)
    assert "Ferry fares rose by four percent" in text and "\x01" not in text
